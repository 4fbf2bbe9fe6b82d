"""Lay events out on a time axis at their real precision: a month-only date is a month-long bar.

Pure geometry for an SVG drawn by `_timeline.html` (SVG attributes, not inline styles, so a strict
Content-Security-Policy holds). Bars are packed into lanes so none overlap; bar height grows with
the number of independent sources.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from crosswire.records import Event
from crosswire.report.format import parse_day

WIDTH = 1000.0
AXIS_HEIGHT = 26.0
LANE_HEIGHT = 30.0
MIN_BAR = 8.0
GAP = 4.0
TICK_LABEL = 40.0  # room a tick label needs right of its line
# When no range is asked for, the axis covers the largest cluster of events, so one "founded in 2015"
# event does not squeeze a week of events into a pixel; a quiet stretch this long separates clusters.
CLUSTER_GAP_DAYS = 90
MIN_DAYS = 7  # the default axis spans at least a week
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Bar:
    event: Event
    x: float
    width: float
    y: float
    height: float
    clipped: bool


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Axis:
    start: date
    end: date
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    height: float
    before: tuple[Event, ...]
    after: tuple[Event, ...]
    width: float = WIDTH


def event_interval(event: Event) -> tuple[date, date] | None:
    """First and last possible day of the event, or None when it is undated."""
    if event.date is None:
        return None
    start, end = parse_day(event.date.start), parse_day(event.date.end)
    if start is None and end is None:
        return None
    start, end = start or end, end or start
    return (start, end) if start <= end else (end, start)


def layout_timeline(events: list[Event], start: date | None = None, end: date | None = None) -> Axis | None:
    """The axis for the dated events, over [start, end] when given; None when nothing is dated."""
    dated = [(e, i) for e in events if (i := event_interval(e))]
    if not dated:
        return None
    if start is None or end is None:
        core_start, core_end = _core([i for _, i in dated])
        start, end = start or core_start, end or core_end
    if end < start:
        start, end = end, start
    days = (end - start).days + 1
    scale = WIDTH / days
    lanes: list[float] = []  # right edge of the last bar in each lane
    bars, before, after = [], [], []
    for event, (first, last) in sorted(dated, key=lambda d: d[1]):
        if last < start:
            before.append(event)
            continue
        if first > end:
            after.append(event)
            continue
        x0 = max(0.0, (first - start).days * scale)
        x1 = min(WIDTH, ((last - start).days + 1) * scale)
        width = max(MIN_BAR, x1 - x0)
        x0 = min(x0, WIDTH - width)
        lane = next((n for n, right in enumerate(lanes) if right + GAP <= x0), len(lanes))
        if lane == len(lanes):
            lanes.append(0.0)
        lanes[lane] = x0 + width
        height = MIN_BAR + 4 * min(event.independent_sources, 5)
        y = AXIS_HEIGHT + lane * LANE_HEIGHT + (LANE_HEIGHT - height) / 2
        bars.append(Bar(event, round(x0, 1), round(width, 1), y, height, first < start or last > end))
    height = AXIS_HEIGHT + max(1, len(lanes)) * LANE_HEIGHT
    ticks = tuple(t for t in _ticks(start, end, scale) if t.x <= WIDTH - TICK_LABEL)  # no label cut at the edge
    return Axis(start, end, tuple(bars), ticks, height, tuple(before), tuple(after))


def _core(intervals: list[tuple[date, date]]) -> tuple[date, date]:
    """The default range: the largest cluster of events, clusters being split by quiet stretches.

    Events are placed at their midpoints; a gap of more than CLUSTER_GAP_DAYS between neighbours
    starts a new cluster. Ties go to the most recent cluster.
    """
    points = sorted((first + (last - first) / 2, (first, last)) for first, last in intervals)
    clusters = [[points[0]]]
    for point in points[1:]:
        if (point[0] - clusters[-1][-1][0]).days > CLUSTER_GAP_DAYS:
            clusters.append([])
        clusters[-1].append(point)
    best = max(reversed(clusters), key=len)
    lo, hi = min(first for _, (first, _) in best), max(last for _, (_, last) in best)
    pad = timedelta(days=max(1, (hi - lo).days // 20, (MIN_DAYS - (hi - lo).days) // 2))
    return lo - pad, hi + pad


def _ticks(start: date, end: date, scale: float) -> list[Tick]:
    days = (end - start).days + 1
    if days <= 20:
        step = 1 if days <= 10 else 2
        marks = [start + timedelta(days=n) for n in range(0, days, step)]
        return [Tick((d - start).days * scale, f"{d.day} {_MONTHS[d.month - 1]}") for d in marks]
    if days <= 120:
        first = start + timedelta(days=(7 - start.weekday()) % 7)  # Mondays
        marks = [first + timedelta(weeks=n) for n in range((end - first).days // 7 + 1)]
        return [Tick((d - start).days * scale, f"{d.day} {_MONTHS[d.month - 1]}") for d in marks]
    if days <= 366 * 4:
        months = _month_starts(start, end)
        step = max(1, math.ceil(len(months) / 12))
        return [
            Tick((d - start).days * scale, _MONTHS[d.month - 1] if d.month != 1 else str(d.year))
            for d in months[::step]
        ]
    years = [date(y, 1, 1) for y in range(start.year + 1, end.year + 1)]
    step = max(1, math.ceil(len(years) / 12))
    return [Tick((d - start).days * scale, str(d.year)) for d in years[::step]]


def _month_starts(start: date, end: date) -> list[date]:
    year, month = (start.year, start.month + 1) if start.day > 1 else (start.year, start.month)
    found = []
    while True:
        year, month = (year + 1, 1) if month > 12 else (year, month)
        current = date(year, month, 1)
        if current > end:
            return found
        found.append(current)
        month += 1
