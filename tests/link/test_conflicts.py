"""Conflicts versus revisions of one figure (link/consolidate.py)."""

from crosswire.link.consolidate import consolidate
from crosswire.records import Document
from tests.link.builders import killed, mention


def documents(published):
    return {i: Document(id=i, path=f"{i}.txt", format="txt", text="x", raw_text="x", original="x", source=i.upper(),
                        published=day) for i, day in published.items()}


def conflicts_of(mentions, published):
    return consolidate("ev-1", mentions, documents=documents(published), origins={}, entity_of={}, entities={})[1]


def test_one_origin_raising_its_figure_later_is_a_revision():
    [conflict] = conflicts_of(
        [mention("a", 1, counts=[killed(60, speaker="the Health Ministry")]),
         mention("b", 1, counts=[killed(80, speaker="Health Ministry")])],
        {"a": "2024-04-01", "b": "2024-04-03"},
    )
    assert conflict.kind == "revision"
    assert conflict.consolidated == "80"
    assert [(v.value, v.reported) for v in conflict.values] == [("60", "2024-04-01"), ("80", "2024-04-03")]


def test_two_origins_disagreeing_are_a_conflict_even_days_apart():
    [conflict] = conflicts_of(
        [mention("a", 1, counts=[killed(95, speaker="the group")]),
         mention("b", 1, counts=[killed(100, approximate=True)])],
        {"a": "2024-03-25", "b": "2024-04-01"},
    )
    assert conflict.kind == "conflict"
    assert (conflict.low, conflict.high) == ("95", "about 100")
    assert conflict.consolidated == "95"  # the named origin outranks a bare report
    assert "authoritative" in conflict.rule
