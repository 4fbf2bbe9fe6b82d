"""Event-anchored dates resolved against the anchor event's consolidated date, with the anchor recorded."""

from crosswire.link.anchors import record_anchor_events, resolve_event_anchors
from crosswire.link.consolidate import consolidate
from crosswire.records import Document, TimeValue
from tests.link.builders import mention

DOCS = {"a": Document(id="a", path="a.txt", format="txt", text="x", raw_text="x", original="x", published="2024-04-01")}


def anchored(start, end, text, anchor, offset):
    return TimeValue(start=start, end=end, text=text, sentence=0, value="XXXX-XX-XX", approximate=True,
                     anchor=anchor, anchor_offset=offset)


def link(members, event_of):
    events = {ev: consolidate(ev, ms, documents=DOCS, origins={}, entity_of={}, entities={}) for ev, ms in members.items()}
    changed = resolve_event_anchors(members, {ev: e.date for ev, (e, _) in events.items()}, event_of)
    events.update({ev: consolidate(ev, members[ev], documents=DOCS, origins={}, entity_of={}, entities={}) for ev in changed})
    return record_anchor_events(members, events)


def test_two_weeks_before_the_attack_is_an_interval_around_14_days_before_it_with_the_anchor_recorded():
    time = anchored(100, 131, "two weeks before the terror act", "the terror act", "-P2W")
    released = mention("a", 60, "released", type="CONCEDE").model_copy(update={"date": time})
    named = mention("a", 121, "terror act").model_copy(update={"date": time})
    attack = mention("a", 200, "attack", day="2024-03-22")
    members = {"ev-report": [released], "ev-named": [named], "ev-attack": [attack]}
    events = link(members, {released.id: "ev-report", named.id: "ev-named", attack.id: "ev-attack"})
    date = events["ev-report"][0].date
    assert (date.value, date.start, date.end, date.approximate) == ("2024-03-08", "2024-03-05", "2024-03-11", True)
    assert (date.anchor_event, date.anchor_offset) == ("ev-attack", "-P2W")
    assert events["ev-named"][0].date is None  # the mention named in the phrase is the anchor, not dated by it


def test_a_possible_attack_warned_of_before_the_attack_takes_no_date():
    time = anchored(0, 28, "A few days before the attack", "the attack", "-P3D")
    warned = mention("a", 80, "attack", modality="hypothetical").model_copy(update={"date": time})
    attack = mention("a", 200, "attack", day="2024-03-22")
    members = {"ev-warned": [warned], "ev-attack": [attack]}
    events = link(members, {warned.id: "ev-warned", attack.id: "ev-attack"})
    assert events["ev-warned"][0].date is None


def test_a_few_days_later_counts_from_the_last_dated_mention_before_it():
    arrest = mention("a", 10, "arrested", type="COERCE", day="2024-03-23")
    time = anchored(100, 116, "A few days later", "previous", "+P3D")
    speech = mention("a", 130, "said", type="CLAIM").model_copy(update={"date": time})
    members = {"ev-arrest": [arrest], "ev-speech": [speech]}
    events = link(members, {arrest.id: "ev-arrest", speech.id: "ev-speech"})
    date = events["ev-speech"][0].date
    assert (date.start, date.end, date.anchor_event) == ("2024-03-25", "2024-03-29", "ev-arrest")


def test_an_undated_anchor_falls_back_to_the_documents_most_reported_dated_event_of_its_type():
    time = anchored(100, 140, "two weeks before the above-mentioned act", "the above-mentioned act", "-P2W")
    report = mention("a", 60, "released", type="CONCEDE").model_copy(update={"date": time})
    named = mention("a", 137, "act")  # undated: its own event
    main = [mention("a", 300 + i, "attack", day="2024-03-22") for i in range(2)]
    foiled = mention("a", 150, "attack", day="2024-03-07")
    members = {"ev-report": [report], "ev-named": [named], "ev-main": main, "ev-foiled": [foiled]}
    event_of = {report.id: "ev-report", named.id: "ev-named", foiled.id: "ev-foiled"} | {m.id: "ev-main" for m in main}
    events = link(members, event_of)
    assert events["ev-report"][0].date.anchor_event == "ev-main"
