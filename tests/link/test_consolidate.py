from crosswire.link.consolidate import consolidate
from crosswire.records import Document
from tests.link.builders import killed, mention


def documents(*ids):
    return {i: Document(id=i, path=f"{i}.txt", format="txt", text="x", raw_text="x", original="x", source=i.upper(),
                        published="2024-04-01") for i in ids}


def build(mentions, origins=None):
    return consolidate("ev-1", mentions, documents=documents("a", "b", "c"), origins=origins or {},
                       entity_of={}, entities={})


def test_disagreeing_tolls_are_kept_and_make_a_conflict():
    event, conflicts = build([
        mention("a", 1, counts=[killed(100, approximate=True)]),
        mention("b", 1, counts=[killed(95)]),
    ])
    assert {c.value for c in event.counts} == {100, 95}
    assert event.status == "contested"
    assert [c.field for c in conflicts] == ["counts.killed"]
    assert {v.value for v in conflicts[0].values} == {"about 100", "95"}


def test_a_lower_bound_and_a_figure_above_it_agree():
    event, conflicts = build([
        mention("a", 1, counts=[killed(None, low=141)]),
        mention("b", 1, counts=[killed(143)]),
    ])
    assert not conflicts and event.status == "corroborated"


def test_copies_of_one_story_count_as_one_source():
    event, _ = build([mention("a", 1), mention("b", 1)], origins={"a": "a", "b": "a"})
    assert event.independent_sources == 1 and event.status == "single-source"


def test_two_reports_relaying_one_named_speaker_count_once():
    event, _ = build([
        mention("a", 1, speaker="Interior Minister", kind="named"),
        mention("b", 1, speaker="Interior Minister", kind="named"),
    ])
    assert event.independent_sources == 1


def test_a_denial_does_not_back_the_event():
    event, _ = build([mention("a", 1), mention("b", 1, modality="denied", speaker="Ruritania", kind="organization")])
    assert event.independent_sources == 1


def test_most_precise_date_wins():
    event, _ = build([mention("a", 1, month="2024-01"), mention("b", 1, day="2024-01-03")])
    assert (event.date.start, event.date.precision) == ("2024-01-03", "day")
