from datetime import date

from crosswire.records import Event, EventDate
from crosswire.report.timeline import WIDTH, event_interval, layout_timeline


def event(id, start, end, precision="day", sources=1):
    return Event(
        id=id, type="ASSAULT", summary=id, independent_sources=sources, status="single-source",
        date=EventDate(start=start, end=end, precision=precision, text=None),
    )  # fmt: skip


def test_event_interval_reads_the_possible_days_and_none_when_undated():
    assert event_interval(event("a", "2025-03-01", "2025-03-31", "month")) == (date(2025, 3, 1), date(2025, 3, 31))
    assert event_interval(event("b", None, "2025-03-07")) == (date(2025, 3, 7), date(2025, 3, 7))
    assert event_interval(Event(id="c", type="X", summary="", independent_sources=1, status="single-source")) is None


def test_layout_gives_a_month_a_bar_as_long_as_the_month():
    axis = layout_timeline([event("month", "2025-03-01", "2025-03-31", "month"), event("day", "2025-03-10", "2025-03-10")])
    bars = {bar.event.id: bar for bar in axis.bars}
    days = (axis.end - axis.start).days + 1
    assert abs(bars["month"].width - 31 * WIDTH / days) < 0.2
    assert bars["day"].width < bars["month"].width / 10


def test_layout_packs_overlapping_bars_into_separate_lanes():
    axis = layout_timeline([event("a", "2025-03-01", "2025-03-10"), event("b", "2025-03-05", "2025-03-12"),
                            event("c", "2025-03-20", "2025-03-21")])  # fmt: skip
    ys = {bar.event.id: bar.y for bar in axis.bars}
    assert ys["a"] != ys["b"] and ys["c"] == ys["a"]


def test_layout_grows_bars_with_independent_sources():
    axis = layout_timeline([event("one", "2025-03-01", "2025-03-01", sources=1), event("five", "2025-03-05", "2025-03-05", sources=5)])
    heights = {bar.event.id: bar.height for bar in axis.bars}
    assert heights["five"] > heights["one"]


def test_layout_keeps_a_far_outlier_off_the_default_axis_and_counts_it():
    events = [event(f"e{n}", f"2025-03-0{n}", f"2025-03-0{n}") for n in range(1, 9)] + [event("old", "2015-01-01", "2015-12-31", "year")]
    axis = layout_timeline(events)
    assert [e.id for e in axis.before] == ["old"] and axis.start.year == 2025
    wide = layout_timeline(events, date(2014, 1, 1), date(2025, 12, 31))
    assert not wide.before and len(wide.bars) == 9 and wide.ticks[0].label == "2015"


def test_layout_is_none_without_dated_events():
    assert layout_timeline([Event(id="u", type="X", summary="", independent_sources=1, status="single-source")]) is None
