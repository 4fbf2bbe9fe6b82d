"""Event mentions: which figures and which date a trigger owns, read off the parse."""

import hashlib

import pytest

from crosswire.extract import extract_documents
from crosswire.records import Document
from crosswire.settings import Settings


def mentions(text, published="2024-02-10"):
    document = Document(id=hashlib.sha1(text.encode()).hexdigest(), path="t.txt", format="txt", text=text,
                        raw_text=text, original=text, published=published)
    [extraction] = extract_documents([document], Settings(workers=1))
    return extraction.events


def by_trigger(events, trigger):
    return next(e for e in events if e.trigger == trigger)


def test_events_figure_in_a_sentence_without_trigger_goes_to_the_latest_event():
    events = mentions("A gunman opened fire at a bar on Main Street. He was pronounced dead at the scene.")
    assert [(c.kind, c.value) for c in by_trigger(events, "opened fire").counts] == [("killed", 1)]


def test_events_date_inside_a_nested_event_phrase_is_that_events():
    events = mentions("In January, the ministry said it had arrested 35 people in connection with the "
                      "Jan. 3 bombings in Kerman.")
    assert by_trigger(events, "bombings").date.value == "2024-01-03"
    assert by_trigger(events, "arrested").date.value == "2024-01"


def test_events_date_counted_from_a_nested_event_dates_the_outer_one_not_its_anchor():
    events = mentions("The intelligence service warned of a plot two weeks before the bombing in Kerman.")
    assert by_trigger(events, "warned").date.text == "two weeks before the bombing"
    assert by_trigger(events, "warned").date.anchor_offset == "-P2W"
    assert by_trigger(events, "bombing").date is None


@pytest.mark.parametrize("trigger", ["burned", "set fire"])
def test_events_arson_is_an_assault_by_primitive_means(trigger):
    events = mentions(f"Guerrillas {trigger} the town hall on Monday." if trigger == "burned"
                      else "Guerrillas set fire to the town hall on Monday.")
    [event] = [e for e in events if e.type == "ASSAULT"]
    assert event.mode == "primitive"


@pytest.mark.parametrize(("sentence", "trigger", "mode"), [
    ("The mayor was riddled with bullets by three gunmen on Monday.", "riddled", "firearms"),
    ("Gunmen machinegunned a bus near the town on Monday.", "machinegunned", "firearms"),
    ("Rebels sabotaged two power towers on Monday.", "sabotaged", None),
    ("The assault on the bank left two guards dead.", "assault", None),
    ("A boy accidentally discharged a pistol and injured his cousin.", "discharged a pistol", "firearms"),
    ("The man fired a rifle into the crowd.", "fired a rifle", "firearms"),
    ("A teenager suffered a gunshot wound to the leg.", "gunshot", "firearms"),
])
def test_events_violent_acts_in_other_words_are_assaults(sentence, trigger, mode):
    event = by_trigger(mentions(sentence), trigger)
    assert (event.type, event.mode) == ("ASSAULT", mode)


def test_events_person_attacked_is_the_victim_and_the_weapon_the_instrument():
    [event] = [e for e in mentions("A gunman shot a woman with a rifle on Monday.") if e.type == "ASSAULT"]
    roles = {(p.role, p.name) for p in event.participants}
    assert {("actor", "gunman"), ("victim", "woman"), ("instrument", "rifle")} <= roles


def test_events_triggers_are_what_one_matcher_over_all_the_patterns_finds():
    from spacy.matcher import Matcher
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from crosswire.extract.events import _trigger_patterns, find_triggers
    from crosswire.extract.nlp import load_pipeline

    nlp = load_pipeline(Settings().model)
    doc = nlp(
        "Gunmen opened fire at the depot and took two guards hostage. The group claimed responsibility for the "
        "car bomb, but the ministry denied any involvement. Police arrested three men after the shooting, and "
        "a court sentenced the bomber. The shooting star was seen over the border as talks on sharing "
        "intelligence resumed."
    )
    patterns = _trigger_patterns()
    matcher = Matcher(nlp.vocab)
    for number, row in enumerate(patterns):
        matcher.add(str(number), [row["pattern"]])
    spans = filter_spans([Span(doc, start, end, label=key) for key, start, end in matcher(doc)])
    expected = [(s.start, s.end, patterns[int(s.label_)]["type"]) for s in spans]
    assert [(s.start, s.end, kind) for s, kind, _ in find_triggers(doc)] == expected
    assert len(expected) >= 6


def test_events_fighting_for_ones_life_is_a_condition_not_a_fight():
    events = mentions("Four people are dead and another is fighting for her life after the shooting.")
    assert [(e.type, e.trigger) for e in events] == [("ASSAULT", "shooting")]
    assert [(e.type, e.trigger) for e in mentions("Rebels were fighting for control of the town.")] == [("FIGHT", "fighting")]


def test_events_a_patient_discharged_from_hospital_is_no_shooting():
    assert not [e for e in mentions("The woman was discharged from the hospital on Monday.") if e.type == "ASSAULT"]


def test_events_the_injured_of_a_discharged_gun_are_that_shootings():
    events = mentions("A boy accidentally discharged a pistol and injured a 21-year-old woman.")
    assert [(c.kind, c.value) for c in by_trigger(events, "discharged a pistol").counts] == [("injured", 1)]
