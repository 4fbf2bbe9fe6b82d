"""TIMEX3 calendar rules that dateparser does not know: weekdays by tense, seasons, quarters, parts of day.

dateparser turns a phrase into one datetime; TIMEX3 needs more: a value at the phrase's own grain
(`1989-Q3`, `1998-FA`, `2000-04-02TNI`, `PAST_REF`), and a choice of occurrence that follows news
conventions rather than the parser's preference. Each rule here reads one family of phrases and
returns `TimeFields`, or None to let the next rule (and finally dateparser) try.

Occurrence conventions, relative to the anchor (the publication date):
- a bare weekday is the one in the anchor's week that the verb's tense allows: past tense looks
  back up to 6 days, future tense ahead up to 6, no tense takes the closest (within 3 days);
- "last"/"next" + month, season or weekday is the nearest one strictly before/after the anchor's own;
  "this" + month or season is the anchor year's;
- a quarter without a year is the anchor year's, unless it has not begun yet (then the year before);
  "the quarter" / "the latest quarter" is the last complete quarter, "the current quarter" the anchor's;
- "the end/beginning/middle of X" has X's value (TIMEX3 puts the part in `mod`), narrowed interval;
- a part of a day ("Sunday night", "tonight", "last night") is a TIME with TIMEX3's suffix:
  `2000-04-02TNI` (TMO, TAF, TEV, TNI);
- "the weekend" is the latest one begun by the anchor, the coming one in the future tense,
  written `1990-W32-WE` after the ISO week its Saturday lies in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal, NamedTuple

from dateutil.easter import easter

from crosswire.records import Precision

__all__ = ["HOLIDAYS", "REFERENCES", "TimeFields", "calendar_rule", "part_of"]


class TimeFields(NamedTuple):
    """What normalizing reads from an expression: a TimeValue without its place in the document."""

    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    earliest: str | None = None
    latest: str | None = None
    precision: Precision = "day"
    approximate: bool = False
    anchor: str = "document"
    anchor_offset: str | None = None


# Vague references TimeML normalizes to a token rather than a date.
REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "right now": "PRESENT_REF", "presently": "PRESENT_REF", "at the moment": "PRESENT_REF", "current": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "previously": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF", "the future": "FUTURE_REF",
    "future": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
}  # fmt: skip

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
} | {"sept": 9}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each
_PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

_WEEKDAY_RE = "|".join(_WEEKDAYS)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEASON_RE = "|".join(_SEASONS)
_PART_RE = "|".join(_PARTS_OF_DAY)
_ORDINAL_RE = "|".join(_ORDINALS)
_YEAR_RE = r"(?:of\s+)?(?P<year>\d{4})"

_RELATIVE = re.compile(rf"^(?:(?P<rel>last|this|next|past|coming|previous)\s+)?(?P<name>{_WEEKDAY_RE}|{_SEASON_RE})(?:\s+(?P<part>{_PART_RE}))?$")
_MONTH_RELATIVE = re.compile(rf"^(?:(?P<rel>last|this|next|past|coming)\s+)(?P<name>{_MONTH_RE})\.?$")
_MONTH_OF_YEAR = re.compile(rf"^(?P<name>{_MONTH_RE})\.?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year$")
_SEASON_YEAR = re.compile(rf"^(?:the\s+)?(?P<name>{_SEASON_RE})\s+(?:of\s+)?(?P<year>\d{{4}})$")
_YEAR_SEASON = re.compile(rf"^(?P<year>\d{{4}})\s+(?P<name>{_SEASON_RE})$")
_THIS_PART = re.compile(rf"^(?:this|(?P<day>yesterday|today|tomorrow|last))\s+(?P<part>{_PART_RE})$|^(?P<tonight>tonight)$")
_QUARTER = re.compile(
    rf"^(?:the\s+)?(?:(?P<rel1>last|this|next)\s+year['’]s\s+)?(?:fiscal\s+)?(?:(?P<year1>\d{{4}})\s+)?"
    rf"(?P<n>{_ORDINAL_RE})[\s-]+(?P<kind>quarter|half)(?:\s+{_YEAR_RE}|\s+(?:of\s+)?(?P<rel>last|this|next)\s+year)?$"
)
_QUARTER_RELATIVE = re.compile(r"^the\s+(?:(?P<which>latest|current|recent|most\s+recent|last|previous|fiscal|past)\s+)?quarter$")
_PART_OF = re.compile(r"^(?:the\s+)?(?P<part>end|beginning|start|middle|close|turn)\s+of\s+(?P<rest>.+)$")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_interval(year, month)[1]
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


# Fixed and movable feasts news dates things by; the US ones are the US's (the corpora are US wire).
HOLIDAYS = {
    "new year's day": lambda y: dt.date(y, 1, 1), "new year's eve": lambda y: dt.date(y, 12, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "halloween": lambda y: dt.date(y, 10, 31),
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "boxing day": lambda y: dt.date(y, 12, 26),
    "easter": easter, "easter sunday": easter, "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
}  # fmt: skip
_HOLIDAY = re.compile(rf"^(?:(?P<rel>last|this|next)\s+)?(?P<name>{'|'.join(sorted(HOLIDAYS, key=len, reverse=True))})$")


def calendar_rule(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    """The first rule that reads `low` (lowercased, leading preposition gone), else None."""
    if low in REFERENCES:
        return _reference(REFERENCES[low], anchor)
    for rule in (_weekday_or_season, _month_relative, _season_year, _this_part_of_day, _quarter, _holiday, _weekend):
        fields = rule(low, anchor, tense)
        if fields is not None:
            return fields
    return None


def part_of(low: str) -> tuple[str, str] | None:
    """("end", "1994") for "the end of 1994": TIMEX3 gives it the value of 1994 and mod END."""
    m = _PART_OF.match(low)
    return (m["part"], m["rest"]) if m else None


def _month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _reference(value: str, anchor: dt.date | None) -> TimeFields:
    day = anchor.isoformat() if anchor else None
    if value == "PAST_REF":
        return TimeFields("DATE", value, None, day, "unknown")
    if value == "FUTURE_REF":
        return TimeFields("DATE", value, day, None, "unknown")
    return TimeFields("DATE", value, day, day)


def _weekday_or_season(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    m = _RELATIVE.match(low)
    if m is None or anchor is None or (m["part"] and m["name"] in _SEASONS):
        return None
    if m["name"] in _SEASONS:
        return _season(_SEASONS[m["name"]], _season_start_year(_SEASONS[m["name"]], m["rel"], anchor))
    target = _WEEKDAYS.index(m["name"])
    ahead = (target - anchor.weekday()) % 7  # 0..6 days to the next such weekday
    back = (anchor.weekday() - target) % 7  # 0..6 days to the last one
    rel = m["rel"]
    if rel in ("last", "past", "previous") or (rel is None and tense == "past"):
        delta = -(back or (7 if rel else 0))
    elif rel in ("next", "coming") or (rel is None and tense == "future"):
        delta = ahead or (7 if rel else 0)
    else:
        delta = ahead if ahead <= back else -back
    day = anchor + dt.timedelta(days=delta)
    return _day(day, m["part"])


def _day(day: dt.date, part: str | None) -> TimeFields:
    """A day, or a part of it as TIMEX3 writes it: a TIME valued 2000-04-02TNI."""
    if part is None:
        return TimeFields("DATE", day.isoformat(), day.isoformat(), day.isoformat(), "day")
    return TimeFields("TIME", day.isoformat() + _PARTS_OF_DAY[part], day.isoformat(), day.isoformat(), "day")


def _season_start_year(code: str, rel: str | None, anchor: dt.date) -> int:
    """The year a season named relative to the anchor begins in; winter is named by its December."""
    order = list(_SEASON_MONTHS)
    current = order[(anchor.month % 12) // 3 - 1 if anchor.month % 12 >= 3 else 3]
    current_year = anchor.year - 1 if anchor.month < 3 else anchor.year
    position = current_year * 4 + order.index(current)
    candidate = current_year * 4 + order.index(code)
    if rel in ("last", "past", "previous") and candidate >= position:
        candidate -= 4
    elif rel in ("next", "coming") and candidate <= position:
        candidate += 4
    return candidate // 4


def _season(code: str, year: int) -> TimeFields:
    first = _SEASON_MONTHS[code]
    start = dt.date(year, first, 1)
    last_month = dt.date(year + (first + 2 > 12), (first + 2 - 1) % 12 + 1, 1)
    end = _month_interval(last_month.year, last_month.month)[1]
    return TimeFields("DATE", f"{year}-{code}", start.isoformat(), end.isoformat(), "season")


def _month_relative(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    m = _MONTH_RELATIVE.match(low) or _MONTH_OF_YEAR.match(low)
    if m is None or anchor is None:
        return None
    month = _MONTHS[m["name"]]
    rel = m["rel"]
    if m.re is _MONTH_OF_YEAR:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif rel in ("last", "past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    start, end = _month_interval(year, month)
    return TimeFields("DATE", f"{year}-{month:02d}", start.isoformat(), end.isoformat(), "month")


def _season_year(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    m = _SEASON_YEAR.match(low) or _YEAR_SEASON.match(low)
    return _season(_SEASONS[m["name"]], int(m["year"])) if m else None


def _this_part_of_day(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    m = _THIS_PART.match(low)
    if m is None or anchor is None:
        return None
    day = anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1, "last": -1}.get(m["day"] or "", 0))
    return _day(day, "night" if m["tonight"] else m["part"])


def _quarter(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    m = _QUARTER.match(low)
    if m is not None:
        n, kind = _ORDINALS[m["n"]], m["kind"]
        months = 3 if kind == "quarter" else 6
        if n * months > 12:
            return None
        explicit = m["year"] or m["year1"]
        if explicit is None and anchor is None:
            return None
        rel = m["rel"] or m["rel1"]
        if explicit is None and rel is not None:
            return _period(anchor.year + {"last": -1, "this": 0, "next": 1}[rel], n, months)
        year = int(explicit) if explicit else anchor.year
        if not explicit and dt.date(year, (n - 1) * months + 1, 1) > anchor:
            year -= 1  # results are reported for quarters that have begun
        return _period(year, n, months)
    m = _QUARTER_RELATIVE.match("the latest quarter" if low == "the latest period" else low)  # a report's period
    if m is None or anchor is None:
        return None
    current = (anchor.month - 1) // 3 + 1
    if m["which"] == "current" or (m["which"] is None and tense == "future"):
        return _period(anchor.year, current, 3)
    year, n = (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)
    return _period(year, n, 3)


def _period(year: int, n: int, months: int) -> TimeFields:
    first = (n - 1) * months + 1
    start = _month_interval(year, first)[0]
    end = _month_interval(year, first + months - 1)[1]
    code = f"Q{n}" if months == 3 else f"H{n}"
    return TimeFields("DATE", f"{year}-{code}", start.isoformat(), end.isoformat(), "season")


def _holiday(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    """ "Thanksgiving Day", "last Christmas": the occurrence the relation or tense allows, else the closest."""
    m = _HOLIDAY.match(low.replace("’", "'"))
    if m is None or anchor is None:
        return None
    days = [HOLIDAYS[m["name"]](y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if m["rel"] == "last" or (m["rel"] is None and tense == "past"):
        day = max(d for d in days if d <= anchor)
    elif m["rel"] == "next" or (m["rel"] is None and tense == "future"):
        day = min(d for d in days if d >= anchor)
    elif m["rel"] == "this":
        day = days[1]
    else:
        day = min(days, key=lambda d: abs((d - anchor).days))
    return _day(day, None)


_WEEKEND = re.compile(r"^(?:the|this|last|next|(?P<past>past)|(?P<coming>coming))\s+weekend$")


def _weekend(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    m = _WEEKEND.match(low)
    if m is None or anchor is None:
        return None
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)  # the latest one begun
    if low.startswith("next") or m["coming"] or (tense == "future" and not low.startswith(("last", "past"))):
        saturday += dt.timedelta(days=7 if anchor.weekday() < 5 or not low.startswith("the") else 0)
    elif low.startswith("last") and anchor.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    sunday = saturday + dt.timedelta(days=1)
    return TimeFields("DATE", f"{year}-W{week:02d}-WE", saturday.isoformat(), sunday.isoformat(), "week")
