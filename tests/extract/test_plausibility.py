"""Implausible figures are flagged with the reason, kept in the ledger, and kept out of summaries and conflicts."""

from crosswire.extract.plausibility import MAX_PLAUSIBLE_COUNT, flag_implausible
from crosswire.link.consolidate import consolidate
from crosswire.records import Count, Document
from crosswire.report import render_report
from tests.link.builders import killed, mention
from tests.report.conftest import build_ledger


def _count(value=None, low=None, high=None, kind="killed"):
    return Count(kind=kind, value=value, low=low, high=high, start=0, end=5, text="x", sentence=0)


def test_plausibility_figures_up_to_the_bound_pass_unflagged():
    counts = [_count(40), _count(low=141), _count(MAX_PLAUSIBLE_COUNT, kind="arrested")]
    assert flag_implausible(counts) == counts


def test_plausibility_a_billion_killed_is_flagged_with_the_reason():
    [flagged] = flag_implausible([_count(1_000_000_000)])
    assert flagged.value == 1_000_000_000
    assert flagged.implausible == "1,000,000,000 killed is over the plausibility bound of 10,000,000 for one event"


def test_plausibility_an_absurd_bound_is_flagged_too():
    [flagged] = flag_implausible([_count(low=5, high=7_000_000_000, kind="injured")])
    assert flagged.implausible.startswith("7,000,000,000 injured")


def test_plausibility_flagged_figure_is_kept_but_neither_summarised_nor_in_conflict():
    absurd = flag_implausible([killed(1_000_000_000)])[0]
    documents = {d: Document(id=d, path=f"{d}.txt", format="txt", text="x", raw_text="x", original="x") for d in "ab"}
    event, conflicts = consolidate(
        "ev-1", [mention("a", 1, counts=[killed(40)]), mention("b", 1, counts=[absurd])],
        documents=documents, origins={}, entity_of={}, entities={},
    )
    assert sorted(c.value for c in event.counts) == [40, 1_000_000_000]
    assert [c.implausible is not None for c in sorted(event.counts, key=lambda c: c.value)] == [False, True]
    assert conflicts == [] and event.status != "contested"
    assert "1000000000" not in event.summary and "40 killed" in event.summary


def test_plausibility_flag_is_shown_next_to_the_figure_in_the_report():
    ledger = build_ledger()
    event = next(e for e in ledger.events if e.counts)
    flagged = event.counts[0].model_copy(update={"value": 1_000_000_000, "implausible": "over the bound"})
    event = event.model_copy(update={"counts": (flagged, *event.counts[1:])})
    html = render_report(ledger.model_copy(update={"events": tuple(e if e.id != event.id else event for e in ledger.events)}))
    assert "1,000,000,000" in html and "(flagged: over the bound)" in html
