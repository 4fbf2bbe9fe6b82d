"""MUC-4: the 1992 scorer's rules for types and dates, the relevance rules, and the phrases read for the slots."""

from crosswire.eval.muc4 import (
    Response,
    _armed_acronyms,
    _combatant,
    _description_string,
    _descriptions,
    _sentence_confidence,
    _perpetrator_group,
    _perpetrator_string,
    _spelled_out_armed_group,
    merge_templates,
    score_message,
    system_templates,
)
from crosswire.eval.muc4_format import Filler, KeyTemplate, Message
from crosswire.eval.muc4_phrases import fullest_name, is_subject, perpetrators_in, title_of
from crosswire.records import Entity, Event, EventMentionRef, EventParticipant, MentionAttribution
from crosswire.settings import Settings


def _key(**slots):
    return KeyTemplate("TST1-MUC3-0001", False, {name: tuple(Filler(tuple(a)) for a in fills) for name, fills in slots.items()})


def test_muc4_attack_is_half_right_against_any_type_and_other_types_do_not_pair():
    key = _key(**{"INCIDENT: TYPE": [["BOMBING"]], "HUM TGT: DESCRIPTION": [["PEASANTS"]]})
    attack = Response({"INCIDENT: TYPE": ("ATTACK",), "HUM TGT: DESCRIPTION": ("PEASANTS",)})
    scores = score_message([key], [attack])
    assert scores["INCIDENT: TYPE"].partial == 1 and scores["HUM TGT: DESCRIPTION"].correct == 1
    kidnapping = Response({"INCIDENT: TYPE": ("KIDNAPPING",), "HUM TGT: DESCRIPTION": ("PEASANTS",)})
    scores = score_message([key], [kidnapping])
    # Not paired: the key is missed and the response is spurious.
    assert scores["HUM TGT: DESCRIPTION"].correct == 0
    assert scores["HUM TGT: DESCRIPTION"].possible == 1 and scores["HUM TGT: DESCRIPTION"].actual == 1


def _date_score(key_date: str, response_date: str):
    key = _key(**{"INCIDENT: TYPE": [["ATTACK"]], "INCIDENT: DATE": [[key_date]]})
    return score_message([key], [Response({"INCIDENT: TYPE": ("ATTACK",), "INCIDENT: DATE": (response_date,)})])["INCIDENT: DATE"]


def test_muc4_dates_score_as_the_guidelines_say():
    assert _date_score("26 AUG 89", "1989-08-26").correct == 1
    assert _date_score("20 AUG 89 - 26 AUG 89", "1989-08-22").correct == 1
    # The range's upper anchor, or a day against a default key: no more than the dateline says.
    assert _date_score("25 AUG 89 - 26 AUG 89", "1989-08-26").partial == 1
    assert _date_score("- 26 AUG 89", "1989-08-26").partial == 1
    # A default fill matches the default key, half matches the dateline day, misses another day.
    assert _date_score("- 26 AUG 89", "- 1989-08-26").correct == 1
    assert _date_score("26 AUG 89", "- 1989-08-26").partial == 1
    score = _date_score("16 AUG 89", "- 1989-08-26")
    assert score.correct == 0 and score.partial == 0


def test_muc4_perpetrator_organisations_are_armed_groups_or_state_forces():
    assert _perpetrator_group("FMLN") and _perpetrator_group("Medellin Cartel") and _perpetrator_group("National Police")
    assert not _perpetrator_group("Citicorp") and not _perpetrator_group("Bolivian")


def test_muc4_a_group_named_near_an_incident_is_an_armed_group_only_when_spelled_out():
    eln = Entity(id="e1", name="ELN", type="ORG", aliases=("Army of National Liberation",))
    assert _spelled_out_armed_group(eln)
    assert not _spelled_out_armed_group(Entity(id="e2", name="MNR", type="ORG"))


def test_muc4_titles_of_named_people_come_from_the_phrase_around_the_name():
    assert title_of("ANTONIO ROLDAN BETANCUR", ["Antioquia governor Antonio Roldan Betancur was killed today."]) == "Antioquia governor"
    assert title_of("GUSTAVO ALVAREZ", ["Gustavo Alvarez, the director of the Columbus School, was shot."]) == \
        "director of the Columbus School"
    assert title_of("RICARDO CASTELLAR", ["The mayor of Achi, Ricardo Castellar, was kidnapped."]) == "mayor of Achi"
    assert title_of("VICTOR LOPEZ", ["Victor Lopez was killed."]) is None


def test_muc4_names_take_their_fullest_form_in_the_report():
    texts = ["Liberal senator Federico Estrada Velez was kidnapped.", "Estrada was freed."]
    assert fullest_name("FEDERICO ESTRADA", texts) == "Federico Estrada Velez"
    # A sentence's first word is capitalised whatever it is; a title in lower case stops the name.
    assert fullest_name("ELLACURIA", ["Father Ignacio Ellacuria died.", "by father Ignacio Ellacuria"]) == "Ignacio Ellacuria"


def test_muc4_a_person_acting_in_the_sentence_is_not_taken_for_its_victim():
    assert is_subject("ALFREDO CRISTIANI", "Alfredo Cristiani condemned the murder of the six priests.")
    assert not is_subject("HECTOR OQUELI", "Hector Oqueli was kidnapped by armed men.")
    assert not is_subject("IGNACIO ELLACURIA", "Ignacio Ellacuria died in the attack.")


def test_muc4_perpetrator_phrases_are_the_doers_not_the_victims():
    sentence = "The killing of six priests was carried out by uniformed men in San Salvador."
    assert perpetrators_in([(sentence, "killing")], frozenset({"MAN", "MEN", "PRIEST"})) == ["uniformed men"]
    sentence = "Members of the FMLN attacked a bus and killed three soldiers."
    assert perpetrators_in([(sentence, "attacked")], frozenset({"MEMBER", "SOLDIER"})) == ["Members of the FMLN"]


def test_muc4_no_template_for_attacks_on_police_or_bare_plurals():
    police = Message("TST1-MUC3-9998", "GUERRILLAS ATTACKED A POLICE STATION IN SAN MIGUEL YESTERDAY.", "1990-01-03")
    assert system_templates(police, Settings()) == []
    generic = Message("TST1-MUC3-9997", "THE COMPANY LOST REVENUE BECAUSE OF TERRORIST ATTACKS ON THE OIL PIPELINE.",
                      "1990-01-03")
    assert system_templates(generic, Settings()) == []
    counted = Message("TST1-MUC3-9996", "TERRORISTS STAGED THREE BOMB ATTACKS AGAINST A BANK IN LIMA.", "1990-01-03")
    assert [t.slots["INCIDENT: TYPE"] for t in system_templates(counted, Settings())] == [("BOMBING",)]


def test_muc4_an_incident_the_text_does_not_place_is_in_the_datelines_country():
    text = "A BOMB EXPLODED TODAY AT A BANK, INJURING TWO EMPLOYEES."
    [template] = system_templates(Message("TST1-MUC3-9995", text, "1990-01-03", "LIMA"), Settings())
    assert template.slots["INCIDENT: LOCATION"] == ("PERU",)


def _template(kind: str, place: str, **slots) -> Response:
    return Response({"INCIDENT: TYPE": (kind,), "INCIDENT: DATE": ("- 1990-01-03",), "INCIDENT: LOCATION": (place,),
                     **slots}, dated=False)


def test_muc4_one_template_per_type_and_place_with_the_most_specific_confidence():
    claimed = _template("BOMBING", "SAN MIGUEL", **{"PERP: ORGANIZATION CONFIDENCE": (("CLAIMED OR ADMITTED", "FMLN"),)})
    fact = _template("BOMBING", "SAN MIGUEL", **{"PERP: ORGANIZATION CONFIDENCE": (("REPORTED AS FACT", "FMLN"),)})
    [merged] = merge_templates([fact, claimed])
    # One label per organisation, the most specific one read: a claim outweighs the default.
    assert merged.slots["PERP: ORGANIZATION CONFIDENCE"] == (("CLAIMED OR ADMITTED", "FMLN"),)
    # Two towns, or a bombing and an attack, are two incidents.
    assert len(merge_templates([fact, _template("BOMBING", "USULUTAN")])) == 2
    assert len(merge_templates([fact, _template("ATTACK", "SAN MIGUEL")])) == 2


def test_muc4_descriptions_stop_at_a_comma_or_where_the_people_are():
    assert _description_string("MAYOR OF ABREGO IN THE DEPARTMENT OF SANTANDER") == "MAYOR OF ABREGO"
    assert _description_string("PEASANTS, WHO LIVED NEARBY") == "PEASANTS"
    assert _description_string("SECOND IN COMMAND OF THE UNIT") == "SECOND IN COMMAND OF THE UNIT"


def test_muc4_perpetrator_fills_keep_an_exact_number_not_an_estimate_or_a_clause():
    assert _perpetrator_string("three young individuals") == "THREE YOUNG INDIVIDUALS"
    assert _perpetrator_string("over 500 guerrilla fighters") == "GUERRILLA FIGHTERS"
    assert _perpetrator_string("a group of armed men, who forced him into a car") == "GROUP OF ARMED MEN"


def test_muc4_perpetrator_phrases_keep_their_count_and_reach_conjoined_verbs():
    sentence = "The bomb was planted by two individuals wearing sports clothes."
    assert perpetrators_in([(sentence, "planted")], frozenset({"INDIVIDUAL"})) == ["two individuals"]
    sentence = "Yesterday Shining Path terrorists overpowered the residents and burned the offices."
    assert perpetrators_in([(sentence, "burned")], frozenset({"TERRORIST"})) == ["Shining Path terrorists"]


def test_muc4_an_acronym_is_an_armed_group_when_the_report_spells_it_out_as_one():
    text = "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] AND THE NATIONALIST REPUBLICAN ALLIANCE (ARENA) MET."
    assert _armed_acronyms(text) == frozenset({"FMLN"})
    assert _spelled_out_armed_group(Entity(id="e3", name="FMLN", type="ORG"), _armed_acronyms(text))


def test_muc4_a_former_officer_is_a_civilian_target_and_a_date_is_no_target():
    assert _combatant("army colonel") and not _combatant("retired army general")
    assert not _combatant("peasants")


def test_muc4_here_is_the_datelines_town_and_the_capital_is_the_countrys():
    here = Message("TST1-MUC3-9994", "TWO BOMBS EXPLODED HERE TODAY AT A BANK, INJURING TWO EMPLOYEES.", "1990-01-03", "LIMA")
    assert [t.slots["INCIDENT: LOCATION"] for t in system_templates(here, Settings())] == [("LIMA",)]
    text = "THE POLICE OF PERU REPORTED NEW VIOLENCE.\n\nA BOMB EXPLODED TODAY AT A BANK IN THE CAPITAL, INJURING TWO EMPLOYEES."
    capital = Message("TST1-MUC3-9993", text, "1990-01-03", "PARIS")
    assert [t.slots["INCIDENT: LOCATION"] for t in system_templates(capital, Settings())] == [("LIMA",)]


def _mention(text: str, modality: str = "asserted", speaker: str | None = None) -> EventMentionRef:
    return EventMentionRef(id="m1", document="d1", sentence=0, start=0, end=len(text), text=text, trigger="attack",
                           modality=modality, attribution=MentionAttribution(speaker=speaker), origin="d1")


def _event(kind: str, mention: EventMentionRef, mode: str | None = None, actor: str | None = None) -> Event:
    participants = (EventParticipant(entity=None, name=actor, role="actor"),) if actor else ()
    return Event(id="e1", type=kind, mode=mode, summary="", participants=participants, mentions=(mention,),
                 independent_sources=1, status="single-source")


def test_muc4_confidence_comes_from_how_each_sentence_naming_the_group_presents_it():
    names = ["Northern Star Front", "NSF"]
    claim = _mention("A caller who spoke for the NSF told a radio station it claimed responsibility for the raid.")
    assert _sentence_confidence(_event("CLAIM", claim), claim, names) == "CLAIMED OR ADMITTED"
    blamed = _mention("The police attributed the raid on the depot to the Northern Star Front.")
    assert _sentence_confidence(_event("ASSAULT", blamed), blamed, names) == "SUSPECTED OR ACCUSED BY AUTHORITIES"
    maybe = _mention("It could have been the NSF that attacked the depot.", modality="hypothetical")
    assert _sentence_confidence(_event("ASSAULT", maybe), maybe, names) == "POSSIBLE"
    own = _mention("The NSF announced that its units had attacked the depot.", modality="reported", speaker="The NSF")
    assert _sentence_confidence(_event("ASSAULT", own), own, names) == "CLAIMED OR ADMITTED"
    # The group accusing someone else is not under suspicion itself.
    accuser = _mention("The NSF accused the mayor of lying about the raid.")
    assert _sentence_confidence(_event("DISAPPROVE", accuser, mode="allege", actor="The NSF"), accuser, names) == \
        "REPORTED AS FACT"
    denied = _mention("The NSF has not claimed responsibility for the raid.", modality="negated")
    assert _sentence_confidence(_event("CLAIM", denied), denied, names) == "REPORTED AS FACT"


def test_muc4_a_group_the_paragraph_names_as_doer_is_the_perpetrator_of_its_other_incidents():
    text = ("GUERRILLAS OF THE NORTHERN STAR FRONT [NSF] ATTACKED A FARM NEAR CUCUTA YESTERDAY.  THE FARM'S "
            "OWNER WAS KIDNAPPED DURING THE RAID.")
    templates = system_templates(Message("TST1-MUC3-9992", text, "1990-01-03", "BOGOTA"), Settings())
    kidnapping = next(t for t in templates if t.slots["INCIDENT: TYPE"] == ("KIDNAPPING",))
    assert kidnapping.slots["PERP: ORGANIZATION ID"] == ("NORTHERN STAR FRONT",)


def test_muc4_descriptions_leave_out_the_victims_name_and_the_home_nationality():
    found = _descriptions(["SALVADORAN HARBOUR MINISTER MARCO ANTONIO PLAZA", "U.S. NUNS"], ["MARCO ANTONIO PLAZA"], "SV")
    assert found == ["HARBOUR MINISTER", "U.S. NUNS"]
    assert _descriptions(["SALVADORAN HARBOUR MINISTER"], [], "PE") == ["SALVADORAN HARBOUR MINISTER"]
