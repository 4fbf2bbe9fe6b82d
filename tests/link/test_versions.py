"""Claims and competing versions, on small hand-made reports: no spaCy needed."""

from __future__ import annotations

import pytest

from crosswire.errors import UsageError
from crosswire.link.analyst import analyst_claims, read_analyst_evidence
from crosswire.link.claims import Corpus, Reading, ReadClaim, Statement, find_claims, read_claims, settle_claims
from crosswire.link.versions import compare_versions, select_versions
from crosswire.records import (
    Attribution,
    Document,
    Entity,
    EntityMention,
    Event,
    EventMention,
    Extraction,
    Participant,
    Sentence,
)

ENTITIES = {
    "group:islamic-state": ("Islamic State", "ORG", ("ISIS",)),
    "group:islamic-state-khorasan": ("Islamic State-Khorasan", "ORG", ("ISIS-K",)),
    "place:ruritania": ("Ruritania", "GPE", ()),
    "group:ruritanian": ("Ruritanian", "NORP", ()),
    "place:moscow": ("Moscow", "GPE", ()),
    "person:boris": ("Boris Badenov", "PERSON", ()),
    "org:front": ("Northern Front", "ORG", ()),
    "outlet:reuters": ("Reuters", "ORG", ()),
}


class Report:
    """A report written sentence by sentence, with its entities and event mentions at real offsets."""

    def __init__(self, doc_id: str, source: str | None = None):
        self.id, self.source = doc_id, source or doc_id.upper()
        self.text, self.sentences, self.entities, self.mentions = "", [], [], []

    def say(self, sentence: str, *, names=(), events=(), speaker=None, kind="none", modality="asserted"):
        """`names`: entity keys named in the sentence; `events`: (trigger, type, event id, {role: key})."""
        start = len(self.text) + (1 if self.text else 0)
        self.text += (" " if self.text else "") + sentence
        index = len(self.sentences)
        self.sentences.append(Sentence(index=index, start=start, end=start + len(sentence)))
        spans = {}
        for key in names:
            name, label, aliases = ENTITIES[key]
            surface = next(n for n in (name, *aliases) if n in sentence)
            at = self.text.index(surface, start)
            spans[key] = (at, at + len(surface))
            self.entities.append(EntityMention(start=at, end=at + len(surface), text=surface, label=label,
                                               sentence=index, key=key))
        for trigger, event_type, event, roles in events:
            at = self.text.index(trigger, start)
            participants = tuple(
                Participant(name=ENTITIES[key][0], role=role, key=key, start=spans[key][0], end=spans[key][1])
                for role, key in roles.items()
            )
            self.mentions.append((
                EventMention(
                    id=f"{self.id}-{at}", document=self.id, sentence=index, start=at, end=at + len(trigger),
                    trigger=trigger, text=sentence, type=event_type, modality=modality, participants=participants,
                    attribution=Attribution(speaker=speaker, speaker_kind=kind, via=self.source),
                ),
                event,
            ))
        return self

    def document(self) -> Document:
        return Document(id=self.id, path=f"{self.id}.txt", format="txt", text=self.text, raw_text=self.text,
                        original=self.text, source=self.source, published="2024-03-25")

    def extraction(self) -> Extraction:
        return Extraction(document=self.id, sentences=tuple(self.sentences), entities=tuple(self.entities))


def corpus(*reports: Report, origins=None) -> Corpus:
    return Corpus(
        documents={r.id: r.document() for r in reports},
        extractions={r.id: r.extraction() for r in reports},
        mentions=[m for r in reports for m in r.mentions],
        origins=origins or {r.id: r.id for r in reports},
        entity_of={key: f"ent-{key}" for key in ENTITIES},
        entities=entities(),
    )


def entities() -> dict[str, Entity]:
    return {f"ent-{k}": Entity(id=f"ent-{k}", name=n, type=label, aliases=a) for k, (n, label, a) in ENTITIES.items()}


def matrices(*reports: Report, origins=None, extra=()):
    source = corpus(*reports, origins=origins)
    claims = find_claims(source) + list(extra)
    return {(v.event, v.attribute): v for v in compare_versions(claims, entities(), copies=source.origins)}


def column(version, name):
    return next(v for v in version.values if v.value == name)


def pieces(version, name):
    """The pieces of evidence with a cell in a version's column, in its order."""
    rows = {e.id: e for e in version.evidence}
    return [rows[c.evidence] for c in column(version, name).cells]


ATTACK = ("attack", "ASSAULT", "ev-1", {})


# --- reading claims ----------------------------------------------------------------------


def test_a_claim_of_responsibility_is_held_by_the_claimant_and_belongs_to_the_attack():
    report = Report("a").say(
        "Islamic State claimed responsibility for the attack.", names=["group:islamic-state"],
        events=[("claimed responsibility", "CLAIM", "ev-claim", {"actor": "group:islamic-state"}), ATTACK],
    )
    claims = find_claims(corpus(report))
    [claim] = [c for c in claims if c.attribute == "perpetrator"]
    assert (claim.event, claim.value_name, claim.stance, claim.holder) == ("ev-1", "Islamic State", "asserts", "Islamic State")
    assert claim.stake and "itself" in claim.stake
    assert report.text[claim.start:claim.end] == claim.text


def test_a_party_denying_its_own_involvement_is_a_denial_with_a_stake():
    report = Report("a").say(
        "Ruritania denied any involvement in the attack.", names=["place:ruritania"], events=[ATTACK],
        speaker="Ruritania", kind="organization",
    )
    [claim] = [c for c in find_claims(corpus(report)) if c.attribute == "perpetrator"]
    assert (claim.value_name, claim.stance, claim.modality) == ("Ruritania", "denies", "denied")
    assert claim.stake == "denies its own part (Ruritania)"


def test_a_nationality_stands_for_its_country():
    report = Report("a").say(
        "Officials said Ruritanian involvement in the attack was clear.", names=["group:ruritanian"], events=[ATTACK],
        speaker="Officials", kind="unnamed",
    )
    [claim] = [c for c in find_claims(corpus(report)) if c.attribute == "perpetrator"]
    assert claim.value == "ent-place:ruritania" and claim.value_name == "Ruritania"


def test_naming_a_place_without_a_responsibility_frame_is_no_claim():
    report = Report("a").say("The attack in Moscow killed many.", names=["place:moscow"], events=[ATTACK])
    assert not [c for c in find_claims(corpus(report)) if c.attribute == "perpetrator"]


def test_a_sentence_without_an_attack_takes_the_attack_of_the_sentences_before_it():
    report = (
        Report("a")
        .say("The attack shocked the town.", events=[ATTACK])
        .say("Nobody was hurt outside.")
        .say("Suspicion fell on the Northern Front.", names=["org:front"])
    )
    [claim] = [c for c in find_claims(corpus(report)) if c.attribute == "perpetrator"]
    assert (claim.event, claim.value_name, claim.holder_kind) == ("ev-1", "Northern Front", "outlet")


def test_a_claim_too_far_from_any_attack_is_not_attached():
    report = Report("a").say("The attack shocked the town.", events=[ATTACK])
    for _ in range(5):
        report.say("Life went on.")
    report.say("Suspicion fell on the Northern Front.", names=["org:front"])
    assert not [c for c in find_claims(corpus(report)) if c.attribute == "perpetrator"]


def test_reports_read_one_at_a_time_and_settled_together_give_the_claims_of_reading_them_at_once():
    denial = Report("a").say(
        "Ruritania rejected the accusations voiced by Boris Badenov about the attack.",
        names=["place:ruritania", "person:boris"], events=[ATTACK], speaker="Ruritania", kind="organization",
    )
    statement = Report("b").say(  # claims Ruritania only once report "a" shows Boris accusing it
        "Boris Badenov said the attack was prepared in Ruritania.", names=["person:boris", "place:ruritania"],
        events=[ATTACK], speaker="Boris Badenov", kind="named",
    )
    kept = [read_claims(corpus(report)) for report in (denial, statement)]  # as the store keeps them: JSON
    claims = [ReadClaim.model_validate_json(c.model_dump_json()) for r in kept for c in r.claims]
    statements = [Statement.model_validate_json(s.model_dump_json()) for r in kept for s in r.statements]
    settled = settle_claims(Reading(claims, statements), entities(), {})
    assert settled == find_claims(corpus(denial, statement))
    assert any(c.rule == "accuser's statement" and c.document == "b" for c in settled)


def test_rejected_accusations_make_the_accuser_hold_the_accusation_and_count_his_other_statements():
    denial = Report("a").say(
        "Ruritania rejected the accusations voiced by Boris Badenov about the attack.",
        names=["place:ruritania", "person:boris"], events=[ATTACK], speaker="Ruritania", kind="organization",
    )
    statement = Report("b").say(
        "Boris Badenov said the attack was prepared in Ruritania.", names=["person:boris", "place:ruritania"],
        events=[ATTACK], speaker="Boris Badenov", kind="named",
    )
    version = matrices(denial, statement)[("ev-1", "perpetrator")]
    ruritania = column(version, "Ruritania")
    [accusation] = [e for e in pieces(version, "Ruritania") if e.stance == "asserts"]
    assert accusation.holder == "Boris Badenov" and set(accusation.documents) == {"a", "b"}
    assert "counted once" in accusation.independence
    assert (ruritania.consistent, ruritania.inconsistent, ruritania.inconsistent_without_stake) == (1, 1, 0)


# --- independence ------------------------------------------------------------------------


def suspicion(doc_id, source=None):
    return Report(doc_id, source).say(
        "Suspicion for the attack fell on the Northern Front.", names=["org:front"], events=[ATTACK]
    )


def test_copies_of_one_wire_story_are_one_piece_of_evidence():
    version = matrices(suspicion("a"), suspicion("b"), origins={"a": "a", "b": "a"})[("ev-1", "perpetrator")]
    front = column(version, "Northern Front")
    [piece] = pieces(version, "Northern Front")
    assert front.consistent == 1 and piece.documents == ("a", "b") and "one wire copy" in piece.independence


def test_independent_reports_each_count():
    version = matrices(suspicion("a"), suspicion("b"))[("ev-1", "perpetrator")]
    assert column(version, "Northern Front").consistent == 2


def unnamed(doc_id, source):
    return Report(doc_id, source).say(
        "A security source said the Northern Front carried out the attack.", names=["org:front"], events=[ATTACK],
        speaker="A security source", kind="unnamed",
    )


def test_one_unnamed_source_of_one_publication_counts_once():
    version = matrices(unnamed("a", "Post"), unnamed("b", "Post"))[("ev-1", "perpetrator")]
    assert column(version, "Northern Front").consistent == 1


def test_unnamed_sources_of_two_publications_count_twice():
    version = matrices(unnamed("a", "Post"), unnamed("b", "Herald"))[("ev-1", "perpetrator")]
    assert column(version, "Northern Front").consistent == 2


# --- cells, counts, ordering --------------------------------------------------------------


def assertion(doc_id, key, source=None):
    name = ENTITIES[key][2][0] if ENTITIES[key][2] else ENTITIES[key][0]
    return Report(doc_id, source).say(f"Officials said {name} carried out the attack.", names=[key], events=[ATTACK],
                                      speaker="Officials", kind="unnamed")


def test_an_affiliate_is_its_own_version_and_its_evidence_fits_the_parent_group():
    version = matrices(assertion("a", "group:islamic-state-khorasan"), assertion("b", "group:islamic-state"))[
        ("ev-1", "perpetrator")
    ]
    parent, affiliate = column(version, "Islamic State"), column(version, "Islamic State-Khorasan")
    assert affiliate.related == "affiliate of Islamic State"
    assert parent.consistent == 2  # its own and its affiliate's
    assert affiliate.consistent == 1  # "Islamic State did it" does not say which branch
    via = next(e for e in pieces(version, "Islamic State") if e.about == "Islamic State-Khorasan")
    assert parent.cell_of(via.id).reason == "asserts Islamic State-Khorasan, an affiliate of it"


def test_denying_the_parent_group_contradicts_the_affiliate():
    denial = Report("a").say("Islamic State denied any involvement in the attack.", names=["group:islamic-state"],
                             events=[ATTACK])
    version = matrices(assertion("b", "group:islamic-state-khorasan"), denial)[("ev-1", "perpetrator")]
    assert column(version, "Islamic State-Khorasan").inconsistent == 1


def test_naming_another_party_is_neutral_and_fewest_contradictions_lead():
    third_party_denial = Report("c").say(
        "Officials rejected any involvement of Ruritania in the attack.", names=["place:ruritania"], events=[ATTACK],
        speaker="Officials", kind="unnamed",
    )
    version = matrices(
        assertion("a", "org:front"), assertion("b", "place:ruritania", source="B"), third_party_denial
    )[("ev-1", "perpetrator")]
    front, ruritania = column(version, "Northern Front"), column(version, "Ruritania")
    assert (front.consistent, front.inconsistent) == (1, 0)  # the Ruritania claims are neutral to it
    assert (ruritania.consistent, ruritania.inconsistent_without_stake) == (1, 1)
    assert [v.value for v in version.values] == ["Northern Front", "Ruritania"]
    assert "Least contradicted: Northern Front" in version.reading and "does not prove" in version.reading


def test_a_tie_names_no_leader():
    version = matrices(assertion("a", "org:front"), assertion("b", "place:ruritania", source="B"))[("ev-1", "perpetrator")]
    assert "No version is less contradicted" in version.reading
    assert version.rule.startswith("A cell is consistent")


def killed(doc_id, figure):
    from crosswire.records import Count

    report = Report(doc_id).say(f"The attack killed {figure} people.", events=[ATTACK])
    mention, event = report.mentions[0]
    count = Count(kind="killed", value=figure, start=mention.start, end=mention.end, text=str(figure), sentence=0)
    report.mentions[0] = (mention.model_copy(update={"counts": (count,)}), event)
    return report


def test_disagreeing_tolls_make_a_toll_matrix_and_agreeing_ones_do_not():
    assert ("ev-1", "counts.killed") in matrices(killed("a", 27), killed("b", 34))
    assert ("ev-1", "counts.killed") not in matrices(killed("a", 27), killed("b", 27))
    toll = matrices(killed("a", 27), killed("b", 34))[("ev-1", "counts.killed")]
    assert {(v.value, v.consistent, v.inconsistent) for v in toll.values} == {("27", 1, 1), ("34", 1, 1)}


# --- analyst evidence ----------------------------------------------------------------------


def events_by_id():
    return {"ev-1": Event(id="ev-1", type="ASSAULT", summary="Bombing in Halvik", independent_sources=1,
                          status="single-source")}


def test_analyst_yaml_evidence_becomes_a_claim_on_the_event_its_words_name(tmp_path):
    path = tmp_path / "analyst.yml"
    path.write_text(
        "- event: halvik\n  value: northern front\n  stance: denies\n  holder: Field team\n  text: Logs place them elsewhere.\n",
        encoding="utf-8",
    )
    [claim] = analyst_claims([(str(path), 0, e) for e in read_analyst_evidence(path)], events_by_id(), entities())
    assert (claim.event, claim.value, claim.stance, claim.holder_kind) == ("ev-1", "ent-org:front", "denies", "analyst")
    version = matrices(assertion("a", "org:front"), extra=[claim])[("ev-1", "perpetrator")]
    front = column(version, "Northern Front")
    assert (front.consistent, front.inconsistent) == (1, 1)
    assert any(e.independence == "added by an analyst" for e in pieces(version, "Northern Front"))


def test_analyst_csv_figures_are_ranges(tmp_path):
    path = tmp_path / "analyst.csv"
    path.write_text("event,attribute,value,holder\nev-1,counts.killed,at least 30,Hospital records\n", encoding="utf-8")
    [claim] = analyst_claims([(str(path), 0, e) for e in read_analyst_evidence(path)], events_by_id(), entities())
    assert (claim.value, claim.value_name) == ("30-", "at least 30")


@pytest.mark.parametrize(
    "content, message",
    [("- event: x\n  value: y\n", "entry 1, holder"), ("- event: x\n  value: y\n  holder: z\n  stance: maybe\n", "stance")],
)
def test_a_bad_analyst_entry_says_which_and_what(tmp_path, content, message):
    path = tmp_path / "analyst.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        read_analyst_evidence(path)


def test_analyst_evidence_for_an_unknown_event_says_how_to_find_one(tmp_path):
    entry = {"event": "nowhere", "value": "x", "holder": "y"}
    with pytest.raises(UsageError, match="crosswire timeline"):
        analyst_claims([("a.yml", 0, entry)], events_by_id(), entities())


def test_versions_are_selected_by_words_of_the_event_and_attribute():
    versions = list(matrices(killed("a", 27), killed("b", 34)).values())
    assert [v.attribute for v in select_versions(versions, events_by_id(), event="Halvik", attribute="counts.killed")] == [
        "counts.killed"
    ]
    with pytest.raises(UsageError):
        select_versions(versions, events_by_id(), event="Atlantis")


def test_an_attack_mention_names_its_actor_and_a_negated_one_denies_it():
    said = Report("a").say("The Northern Front staged the attack.", names=["org:front"],
                           events=[("attack", "ASSAULT", "ev-1", {"actor": "org:front"})])
    unsaid = Report("b").say("The Northern Front did not stage the attack.", names=["org:front"],
                             events=[("attack", "ASSAULT", "ev-1", {"actor": "org:front"})], modality="negated")
    front = column(matrices(said, unsaid)[("ev-1", "perpetrator")], "Northern Front")
    assert (front.consistent, front.inconsistent) == (1, 1)


def test_a_hypothesis_holds_no_actor():
    report = Report("a").say("If the Northern Front staged the attack, talks are over.", names=["org:front"],
                             events=[("attack", "ASSAULT", "ev-1", {"actor": "org:front"})], modality="hypothetical")
    assert not [c for c in find_claims(corpus(report)) if c.attribute == "perpetrator"]


def test_a_place_describing_the_actor_is_not_the_actor():
    report = Report("a").say("A Ruritania-based cell staged the attack.", names=["place:ruritania"],
                             events=[("attack", "ASSAULT", "ev-1", {"actor": "place:ruritania"})])
    assert not [c for c in find_claims(corpus(report)) if c.attribute == "perpetrator"]


def test_one_statement_about_two_attacks_is_evidence_on_both():
    report = Report("a").say(
        "Officials said ISIS-K carried out both the bombing in May and the attack in June.",
        names=["group:islamic-state-khorasan"], events=[("bombing", "ASSAULT", "ev-1", {}), ("attack", "ASSAULT", "ev-2", {})],
        speaker="Officials", kind="unnamed",
    )
    events = {c.event for c in find_claims(corpus(report)) if c.attribute == "perpetrator"}
    assert events == {"ev-1", "ev-2"}


def test_a_claimant_is_named_right_before_the_claim_or_not_at_all():
    near = Report("a").say("For the attack, Islamic State also claimed responsibility.", names=["group:islamic-state"],
                           events=[ATTACK, ("claimed responsibility", "CLAIM", "ev-claim", {})])
    far = Report("b").say("Islamic State was active; it is not known who later claimed responsibility for the attack.",
                          names=["group:islamic-state"], events=[("claimed responsibility", "CLAIM", "ev-claim", {}), ATTACK])
    assert [c.value_name for c in find_claims(corpus(near)) if c.attribute == "perpetrator"] == ["Islamic State"]
    assert not [c for c in find_claims(corpus(far)) if c.attribute == "perpetrator"]


def test_two_reports_of_one_outlet_are_one_voice():
    version = matrices(suspicion("a", "Post"), suspicion("b", "Post"))[("ev-1", "perpetrator")]
    front = column(version, "Northern Front")
    assert front.consistent == 1 and pieces(version, "Northern Front")[0].independence == "one outlet, in 2 reports: counted once"


def test_an_outlet_and_a_report_relaying_it_are_one_voice():
    own = suspicion("a", "Reuters")
    relay = Report("b", "Post").say(
        "Suspicion for the attack fell on the Northern Front, Reuters reported.", names=["org:front", "outlet:reuters"],
        events=[ATTACK], speaker="Reuters", kind="outlet",
    )
    version = matrices(own, relay)[("ev-1", "perpetrator")]
    assert column(version, "Northern Front").consistent == 1
    assert set(pieces(version, "Northern Front")[0].documents) == {"a", "b"}


@pytest.mark.parametrize(
    "branch, group, related",
    [("ISIS-K", "ISIS", True), ("Al Qaeda in the Arabian Peninsula", "Al Qaeda", True),
     ("Northern Front for Liberation", "Northern Front", False), ("Hamasville", "Hamas", False)],
)
def test_a_branch_extends_its_group_s_name(branch, group, related):
    from crosswire.link.versions import _Relation

    known = {"a": Entity(id="a", name=branch, type="ORG"), "b": Entity(id="b", name=group, type="ORG")}
    assert (_Relation("perpetrator", known).of("a", "b") == "implies") is related
