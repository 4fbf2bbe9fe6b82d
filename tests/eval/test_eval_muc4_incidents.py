"""MUC-4: one ledger event told as several incidents, the incident type a bombing is keyed as, and which
templates the mapping keeps, merges and how it fills the perpetrator slots."""

from crosswire.eval.muc4 import (
    Response,
    _Context,
    _acronym_of,
    _descriptions,
    _distinct_groups,
    _incident_type,
    _perpetrator_string,
    _person_string,
    merge_templates,
    split_incidents,
)
from crosswire.eval.muc4_format import Message
from crosswire.records import (
    Entity,
    Event,
    EventDate,
    EventMentionRef,
    EventParticipant,
    Ledger,
    LedgerDocument,
    MentionAttribution,
)

TEXT = ("Rebels kidnapped the mayor of Tarvo on 2 January. A bomb exploded at the Tarvo bank. "
        "The attack caused heavy damage.")


def _mention(sentence: int, trigger: str, text: str, modality: str = "asserted") -> EventMentionRef:
    start = TEXT.find(text) + text.find(trigger)
    return EventMentionRef(id=f"m{sentence}", document="d1", sentence=sentence, start=start, end=start + len(trigger),
                           text=text, trigger=trigger, modality=modality, attribution=MentionAttribution(), origin="d1")


def _event(*mentions: EventMentionRef, mode: str | None = "abduct", date: EventDate | None = None,
           participants: tuple[EventParticipant, ...] = ()) -> Event:
    return Event(id="e1", type="ASSAULT", mode=mode, summary="", date=date, participants=participants,
                 mentions=mentions, independent_sources=1, status="single-source")


def _context(entities: tuple[Entity, ...] = ()) -> _Context:
    document = LedgerDocument(id="d1", source=None, title=None, published="1990-01-03", url=None, path="d1", text=TEXT)
    ledger = Ledger(schema_version=4, generated_at="1990-01-03", documents=(document,), entities=entities, events=(),
                    conflicts=())
    return _Context(ledger, Message("TST1-MUC3-9990", TEXT.upper(), "1990-01-03"))


def test_muc4_a_kidnapping_and_a_bombing_in_one_ledger_event_are_two_incidents():
    kidnapped = _mention(0, "kidnapped", "Rebels kidnapped the mayor of Tarvo on 2 January.")
    bomb = _mention(1, "bomb", "A bomb exploded at the Tarvo bank.")
    attack = _mention(2, "attack", "The attack caused heavy damage.")
    day = EventDate(start="1990-01-02", end="1990-01-02", precision="day", text="2 January")
    first, second = split_incidents(_event(kidnapped, bomb, attack, date=day), _context())
    assert [m.trigger for m in first.mentions] == ["kidnapped"]
    # "the attack" names nothing of its own: it continues the latest incident, the bombing.
    assert [m.trigger for m in second.mentions] == ["bomb", "attack"]
    # The date belongs to the incident whose sentence gives it; the other keeps the ledger's mode only if first.
    assert first.date == day and second.date is None
    assert first.mode == "abduct" and second.mode is None
    assert _incident_type(first) == "KIDNAPPING" and _incident_type(second) == "BOMBING"


def test_muc4_mentions_that_agree_stay_one_incident():
    kidnapped = _mention(0, "kidnapped", "Rebels kidnapped the mayor of Tarvo on 2 January.")
    attack = _mention(2, "attack", "The attack caused heavy damage.")
    event = _event(kidnapped, attack)
    assert split_incidents(event, _context()) == [event]


def test_muc4_attacks_on_two_named_people_are_two_templates():
    one = Response({"INCIDENT: TYPE": ("ATTACK",), "INCIDENT: DATE": ("- 1990-01-03",), "INCIDENT: LOCATION": ("PERU",),
                    "HUM TGT: NAME": ("ANA ROJAS",)}, dated=False)
    other = Response({**one.slots, "HUM TGT: NAME": ("LUIS VEGA",)}, dated=False)
    unnamed = Response({**one.slots, "HUM TGT: NAME": ()}, dated=False)
    assert len(merge_templates([one, other])) == 2
    assert len(merge_templates([one, unnamed])) == 1


def test_muc4_a_bombing_told_as_a_killing_or_a_bombardment_is_keyed_as_an_attack():
    plain = _event(_mention(1, "bomb", "A bomb exploded at the Tarvo bank."), mode="explosives")
    assert _incident_type(plain) == "BOMBING"
    killing = _event(_mention(1, "bomb", "A bomb exploded at the Tarvo bank."),
                     _mention(2, "attack", "The attack caused heavy damage."), mode="explosives")
    assert _incident_type(killing) == "BOMBING"
    murders = killing.model_copy(update={"mentions": (*killing.mentions, killing.mentions[0].model_copy(
        update={"trigger": "murders"}))})
    assert _incident_type(murders) == "ATTACK"
    aerial = _event(killing.mentions[0].model_copy(update={"trigger": "bombed",
                                                          "text": "Air force helicopters bombed villages."}),
                    mode="explosives")
    assert _incident_type(aerial) == "ATTACK"


def test_muc4_perpetrator_fills_leave_the_suspicion_to_the_confidence_slot():
    assert _perpetrator_string("alleged guerrilla urban commandos") == "GUERRILLA URBAN COMMANDOS"
    assert _perpetrator_string("the suspected kidnappers") == "KIDNAPPERS"


def test_muc4_perpetrator_fills_drop_a_bracketed_acronym_and_the_reporters_so_called():
    assert _perpetrator_string("members of the Popular Front (PF") == "MEMBERS OF THE POPULAR FRONT"
    assert _perpetrator_string("urban commandos (PF)") == "URBAN COMMANDOS"
    assert _perpetrator_string("the so-called Red Star cell") == "RED STAR CELL"


def test_muc4_a_group_and_its_acronym_are_one_perpetrator():
    front = Entity(id="g1", name="Northern Star Front", type="ORG", aliases=("NSF",))
    context = _context((front,))
    assert _distinct_groups(["NORTHERN STAR FRONT", "NSF", "ARMY"], context) == ["NORTHERN STAR FRONT", "ARMY"]
    # Initials give the acronym even when the ledger did not join the two names.
    assert _distinct_groups(["NSF", "NORTHERN STAR FRONT"], _context()) == ["NSF"]


def _told(kind: str, place: str, **slots) -> Response:
    return Response({"INCIDENT: TYPE": (kind,), "INCIDENT: DATE": ("- 1990-01-03",), "INCIDENT: LOCATION": (place,),
                     **slots}, dated=False)


def test_muc4_an_incident_told_by_its_country_and_by_its_town_is_one_template_in_the_town():
    country = _told("BOMBING", "PERU", **{"PERP: ORGANIZATION ID": ("NSF",)})
    town = _told("BOMBING", "TARVO", **{"HUM TGT: DESCRIPTION": ("CLERKS",)})
    [merged] = merge_templates([country, town])
    assert merged.slots["INCIDENT: LOCATION"] == ("TARVO",)
    assert merged.slots["PERP: ORGANIZATION ID"] == ("NSF",) and merged.slots["HUM TGT: DESCRIPTION"] == ("CLERKS",)
    # Two towns stay two incidents, and so do a country and a town of another type.
    assert len(merge_templates([town, _told("BOMBING", "ORVALE")])) == 2
    assert len(merge_templates([country, _told("KIDNAPPING", "TARVO")])) == 2


def test_muc4_an_acronym_in_spanish_word_order_is_the_same_group():
    assert _acronym_of("FLN", "NORTHERN LIBERATION FRONT")  # Frente de Liberacion del Norte
    assert _acronym_of("NSF", "NORTHERN STAR FRONT")
    assert not _acronym_of("PTX", "NORTHERN STAR FRONT")
    assert not _acronym_of("NSF", "FRONT")
    assert _distinct_groups(["NORTHERN LIBERATION FRONT", "FLN"], _context()) == ["NORTHERN LIBERATION FRONT"]
    # Merged templates keep one form of the group, and its label only.
    one = _told("ATTACK", "TARVO", **{"PERP: ORGANIZATION ID": ("FLN",),
                                      "PERP: ORGANIZATION CONFIDENCE": (("REPORTED AS FACT", "FLN"),)})
    other = _told("ATTACK", "TARVO", **{"PERP: ORGANIZATION ID": ("NORTHERN LIBERATION FRONT",),
                                        "PERP: ORGANIZATION CONFIDENCE": (("REPORTED AS FACT", "NORTHERN LIBERATION FRONT"),)})
    [merged] = merge_templates([one, other])
    assert merged.slots["PERP: ORGANIZATION ID"] == ("FLN",)
    assert merged.slots["PERP: ORGANIZATION CONFIDENCE"] == (("REPORTED AS FACT", "FLN"),)


def test_muc4_perpetrator_fills_leave_out_a_range_of_numbers_and_the_speakers_possessive():
    assert _perpetrator_string("some 40 or 50 raiders") == "RAIDERS"
    assert _perpetrator_string("four to five armed men") == "ARMED MEN"
    assert _perpetrator_string("or 50 raiders") == "RAIDERS"
    assert _perpetrator_string("our units") == "UNITS"
    assert _perpetrator_string("two raiders") == "TWO RAIDERS"


def test_muc4_victim_names_leave_out_honorifics_and_nationalities():
    assert _person_string("DR ANA ROJAS VEGA", set()) == "ANA ROJAS VEGA"
    assert _person_string("MSGR LUIS VEGA", set()) == "LUIS VEGA"
    assert _person_string("ORVALIAN ANA ROJAS", {"ORVALIAN"}) == "ANA ROJAS"
    assert _person_string("ANA ROJAS", {"ORVALIAN"}) == "ANA ROJAS"


def test_muc4_descriptions_stop_at_any_word_of_the_victims_name():
    names = ["ANA ROJAS VEGA"]
    assert _descriptions(["TRADE MINISTER ROJAS", "BISHOP ANA"], names, None) == ["TRADE MINISTER", "BISHOP"]
    # A word of the name the parse took for a title is no description.
    assert _descriptions(["ANA", "CLERKS"], names, None) == ["CLERKS"]
