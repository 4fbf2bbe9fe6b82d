"""Flag figures no report of one event can mean: "killed 1,000,000,000" is a typo or a joke, not a toll.

A flagged figure stays in the ledger, with the reason, so nothing is dropped silently; link leaves
it out of event summaries and count conflicts, where it would otherwise outvote every real figure.
"""

from __future__ import annotations

from collections.abc import Iterable

from crosswire.records import Count

# Ten million people killed, injured, arrested or held in one event. The largest single-event figures
# in conflict-event data (UCDP GED, ACLED) are in the hundreds of thousands, so this leaves an order of
# magnitude of margin and still catches misplaced separators and "billion" typos.
MAX_PLAUSIBLE_COUNT = 10_000_000


def flag_implausible(counts: Iterable[Count]) -> list[Count]:
    """The counts, each one above MAX_PLAUSIBLE_COUNT carrying the reason in `implausible`."""
    return [_flagged(count) for count in counts]


def _flagged(count: Count) -> Count:
    largest = max((n for n in (count.value, count.low, count.high) if n is not None), default=None)
    if largest is None or largest <= MAX_PLAUSIBLE_COUNT:
        return count
    reason = f"{largest:,} {count.kind} is over the plausibility bound of {MAX_PLAUSIBLE_COUNT:,} for one event"
    return count.model_copy(update={"implausible": reason})
