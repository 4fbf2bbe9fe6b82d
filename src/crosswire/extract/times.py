"""Find temporal expressions in a parsed article and normalize them TIMEX3-style, with an interval.

Every date becomes a TIMEX3 `value` at the precision the text gives (2024-01-19, 2024-01,
2024-W13, 2024) plus the interval `earliest..latest` of days it allows, so link can compare
dates of different precision. dateparser does the parsing, `timex_rules.py` the calendar forms it
does not know (quarters, seasons, weekdays, holidays); this module finds the spans and decides
precision, year inference, the interval, and what an expression is anchored to.

Event-anchored expressions ("a few days before the attack", "two weeks later") keep the
anchor phrase in `anchor` ("previous" when the text only says "later"/"earlier") and the
offset in `anchor_offset`, a signed ISO 8601 duration: "-P3D", "+P2W", "-PT5H". The offset
is the nominal one; when `approximate` is true it stands for a band, fixed per unit:

    days, hours, minutes   n units stands for n-1 .. 2n units   ("a few days" = -P3D = 2..6 days)
    weeks                  n weeks +- 3 days                    ("two weeks" = -P2W = 11..17 days)
    months                 n months +- 15 days
    years, decades         n years +- 182 days

Exact offsets ("three days before") have no band. Vague counts are written as numbers:
"a few"/"several"/a bare plural = 3, "a couple of" = 2, always approximate. Counts of weeks
or more are approximate too: reporters round them. `resolve_anchored` turns the offset and
the anchor's interval into `earliest..latest`; "N days ago" is resolved at once against the
publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta
from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from crosswire.extract.nlp import entities_of, text_of
from crosswire.extract.timex_rules import HOLIDAYS, TimeFields, calendar_rule, part_of
from crosswire.records import Precision, TimeValue

__all__ = ["TimeFields", "find_times", "normalize", "resolve_anchored", "timex_extent"]

Tense = Literal["past", "future"] | None


# --- vocabulary ---------------------------------------------------------------------------

_NUMBERS = {
    "a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12, "a hundred": 100,
}  # fmt: skip
_VAGUE = {"a few": 3, "few": 3, "several": 3, "a couple of": 2, "a couple": 2, "couple of": 2}
_UNSPECIFIED = ("many", "some", "dozens of", "hundreds of", "tens of")
# TIMEX3 unit codes; the bool says the code goes after "T".
_UNITS = {
    "minute": ("M", True), "hour": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "month": ("M", False), "year": ("Y", False), "decade": ("DE", False),
}  # fmt: skip
_HEDGES = r"about|around|some|roughly|nearly|almost|just|only|at\s+least|more\s+than|less\s+than|over|approximately|barely"
_QUANT = "|".join(
    re.escape(w).replace(r"\ ", r"\s+")
    for w in sorted([*_NUMBERS, *_VAGUE, *_UNSPECIFIED], key=len, reverse=True)
)
_QUANT_RE = rf"(?P<q>\d+|{_QUANT})"
_UNIT_RE = rf"(?P<u>{'|'.join(_UNITS)})(?P<plural>s)?"
_BEFORE = {"before", "prior to", "ahead of", "earlier than", "earlier", "beforehand", "previously", "ago"}
_AFTER = {"after", "later than", "later", "afterwards", "afterward"}
_RELATION_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in _BEFORE | _AFTER), key=len, reverse=True))

_ANCHORED = re.compile(
    rf"^(?P<hedge>(?:(?:{_HEDGES})\s+)*)(?:{_QUANT_RE}[\s-]+)?{_UNIT_RE}\s+(?P<rel>{_RELATION_RE})"
    rf"(?:\s+(?P<anchor>.+))?$"
)
_NEIGHBOUR = re.compile(rf"^the\s+(?P<rel>next|following|previous|preceding)\s+{_UNIT_RE}$")
_SAME = re.compile(r"^(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<u>day|week|month|year)$")
_DURATION = re.compile(
    rf"^(?P<hedge>(?:(?:for|during|within|in|over|the|the\s+past|the\s+last|the\s+next|the\s+first|{_HEDGES})\s+)*)"
    rf"(?:{_QUANT_RE}(?P<range>\s*(?:to|or|-)\s*(?:\d+|{_QUANT}))?[\s-]+)?{_UNIT_RE}(?:\s+long)?$"
)
_RECENT = re.compile(rf"^(?:the\s+)?(?:most\s+)?(?:recent|coming)\s+(?P<u>{'|'.join(_UNITS)})s$")
_SET = re.compile(rf"^(?:every|each)\s+(?:{_QUANT_RE}\s+)?{_UNIT_RE}$")
_SET_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y"}
_AGE = re.compile(r"\byears?[\s-]+old\b|\baged?\b|\bage\s+of\b")
_DECADE = re.compile(r"^(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<decade>\d{3})0'?s$")
_MODIFIER = re.compile(r"^(?P<mod>early|mid|late|earlier|later)(?:\s+in)?[\s-]+(?P<rest>.+)$")
_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>[apAP]\.?[mM]\.?)?(?:\s+(?P<tz>[A-Z]{2,5}|local\s+time|GMT[+-]\d{1,2}))?",
)
_CLOCK_HEDGES = {"about", "around", "approximately", "roughly", "nearly", "almost", "just", "shortly", "sometime",
                 "before", "after", "at", "until", "by", "some"}
_PREPOSITION = re.compile(r"^(?:on|in|at|since|by|until|till|from|during|of)\s+", re.I)
_LEADING = re.compile(r"^(?:(?:on|in|at|since|by|until|till|from|during|of|the|fiscal)\s+)+", re.I)

_SENTINELS = (dt.date(2001, 6, 15), dt.date(2011, 9, 20))  # no shared month or day


# --- the normalizer -----------------------------------------------------------------------


@lru_cache(maxsize=4096)  # pure, and dateparser is most of extraction's time: a span is often normalized twice
def normalize(text: str, anchor: dt.date | None, tense: str | None = None) -> TimeFields | None:
    """Normalize one expression; None when it is not a time (an age, a bare number).

    Args:
        anchor: the publication date; relative expressions ("last week") count from it.
        tense: "past" puts a yearless date on or before the anchor, "future" on or after it;
            None takes the occurrence closest to the anchor.
    """
    clean = re.sub(r"\s+", " ", text.strip().rstrip(".,;:'’").removesuffix("'s").removesuffix("’s"))
    clean = _digits_for_spelled_years(clean)
    if _THE_YEAR.match(clean.lower()):  # "for the full year": the report's own year, as "this year"
        clean = "this year"
    elif clean.lower() == "the past year":  # a calendar year back, as "last year"
        clean = "last year"
    long_unit = _LONG_UNIT.match(clean.lower())
    if long_unit is not None:
        return _long_unit(long_unit, anchor)
    year_back = _YEAR_BACK.match(clean.lower())
    if year_back is not None:  # "the year-ago quarter": the like period a year before the report's
        return _year_back(year_back["quarter"] is not None, anchor)
    low = clean.lower()
    if not low or _AGE.search(low):
        return None
    for parse in (_parse_set, _parse_anchored, _parse_duration, _parse_decade):
        fields = parse(clean, anchor)
        if fields is not None:
            return fields
    bare = _PREPOSITION.sub("", low)
    modified = _MODIFIER.match(bare)  # "earlier Sunday", "late Monday": the same day, not another week's
    fields = calendar_rule((modified["rest"] if modified else bare).replace("-", " "), anchor, tense)
    if fields is not None:
        return fields
    part = part_of(bare)
    if part is not None:
        return _part_of(part, anchor, tense)
    if _is_clock(clean):
        return _parse_time(clean, anchor, tense)
    return _parse_date(low, anchor, tense)


_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_DIGITS = {w: n for n, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), start=1)}
_SPELLED_YEAR = re.compile(
    rf"\b(?P<century>nineteen|eighteen)\s+(?P<tens>{'|'.join(_TENS)})(?:[\s-]+(?P<unit>{'|'.join(_DIGITS)}))?\b"
    r"|\b(?:the\s+year\s+)?two\s+thousand\b(?!\s+(?:and|one|two|three|four|five|six|seven|eight|nine)\b)",
    re.I,
)
_LONG_UNIT = re.compile(r"^(?:the\s+)?(?P<rel>this|current|last|past)\s+(?P<unit>decade|century)$")


def _long_unit(m: re.Match[str], anchor: dt.date | None) -> TimeFields | None:
    """ "this century" is TIMEX3's "19" (its first two digits), "this decade" "199"; "the last decade" a P10Y stretch."""
    if m["rel"] in ("last", "past"):
        return TimeFields("DURATION", "P10Y" if m["unit"] == "decade" else "P100Y", precision="unknown")
    if anchor is None:
        return None
    digits = 2 if m["unit"] == "century" else 3
    first = int(str(anchor.year)[:digits]) * 10 ** (4 - digits)
    end = dt.date(first + 10 ** (4 - digits) - 1, 12, 31)
    return TimeFields("DATE", str(anchor.year)[:digits], dt.date(first, 1, 1).isoformat(), end.isoformat(), "decade")


_THE_YEAR = re.compile(r"^the\s+(?:(?:full|fiscal|current|whole|entire)\s+)*year$")
_YEAR_BACK = re.compile(
    r"^(?:the\s+)?(?:comparable\s+)?year[\s-]+(?:earlier|ago)"
    r"(?:\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|fiscal))?(?:\s+(?:(?P<quarter>quarter)|period|half))?$"
)


def _year_back(quarter: bool, anchor: dt.date | None) -> TimeFields | None:
    """A year before the report's period: its last complete quarter when it says so, else "a year ago"
    (which a quarter named just before narrows to that quarter, see `_resolve_in_narrative`)."""
    if not quarter:
        return _parse_anchored("a year ago", anchor)
    latest = calendar_rule("the quarter", anchor, None)
    if latest is None:
        return None
    year, part = latest.value.split("-")
    return _shifted_period(latest, int(year) - 1, part)


def _digits_for_spelled_years(text: str) -> str:
    """ "nineteen ninety-six" -> "1996", "the year two thousand" -> "2000": broadcast transcripts spell years out."""

    def digits(m: re.Match[str]) -> str:
        if m["century"] is None:
            return "2000"
        century = 19 if m["century"].lower() == "nineteen" else 18
        return str(century * 100 + _TENS[m["tens"].lower()] + (_DIGITS[m["unit"].lower()] if m["unit"] else 0))

    return _SPELLED_YEAR.sub(digits, text)


def resolve_anchored(time: TimeValue, anchor_start: dt.date, anchor_end: dt.date) -> TimeValue:
    """Fill value and earliest..latest of an event-anchored expression from its anchor event's interval."""
    if time.anchor_offset is None:
        return time
    value, precision, earliest, latest = _resolve(time.anchor_offset, time.approximate, anchor_start, anchor_end)
    return time.model_copy(update={"value": value, "precision": precision, "earliest": earliest, "latest": latest})


def _parse_set(text: str, anchor: dt.date | None) -> TimeFields | None:
    low = text.lower()
    if low in _SET_ADVERBS:
        return TimeFields("SET", _SET_ADVERBS[low], precision="unknown")
    m = _SET.match(low)
    if m is None:
        return None
    n = _count(m["q"]) or (None, False)
    return TimeFields("SET", _duration(n[0] or 1, m["u"]), precision="unknown")


def _parse_anchored(text: str, anchor: dt.date | None) -> TimeFields | None:
    low = text.lower()
    m = _NEIGHBOUR.match(low)
    if m is not None:
        sign = "-" if m["rel"] in ("previous", "preceding") else "+"
        return _anchored(sign + _duration(1, m["u"]), m["u"], False, "previous", anchor=None)
    m = _SAME.match(low)
    if m is not None:  # "that same day", "later that year": the narrative's own date
        return _anchored("+" + _duration(0, m["u"]), m["u"], False, "previous", anchor=None)
    m = _ANCHORED.match(low)
    if m is None:
        return None
    n, vague = _count(m["q"]) or (3, True) if m["q"] or m["plural"] else (1, False)
    if n is None:  # "many days before": no number to count from
        n, vague = 3, True
    rel = re.sub(r"\s+", " ", m["rel"])
    offset = ("-" if rel in _BEFORE else "+") + _duration(n, m["u"])
    approximate = vague or bool(m["hedge"]) or _UNITS[m["u"]][0] in ("W", "Y", "DE") or m["u"] == "month"
    if rel == "ago":
        return _anchored(offset, m["u"], approximate, "document", anchor)
    # Lowercasing keeps offsets, so the anchor phrase keeps its case: "the Crocus City Hall attack".
    phrase = text[m.start("anchor") :] if m["anchor"] and rel not in ("earlier", "later", "beforehand", "previously") else None
    return _anchored(offset, m["u"], approximate, phrase or "previous", anchor=None)


def _anchored(offset: str, unit: str, approximate: bool, to: str, anchor: dt.date | None) -> TimeFields:
    precision = _UNIT_PRECISION.get(unit, "day")
    if anchor is None:
        return TimeFields("DATE", _unknown(precision), None, None, precision, approximate, to, offset)
    value, precision, earliest, latest = _resolve(offset, approximate, anchor, anchor)
    return TimeFields("DATE", value, earliest, latest, precision, approximate, to, offset)


def _parse_duration(text: str, anchor: dt.date | None) -> TimeFields | None:
    low = re.sub(r"^an?\s+(?=\w+-)", "", text.lower())  # "a two-week (truce)"
    recent = _RECENT.match(low)
    if recent is not None:  # "in recent years", "in coming weeks": a stretch from or to now of unstated length
        return TimeFields("DURATION", _duration(None, recent["u"]), precision="unknown", approximate=True)
    m = _DURATION.match(low)
    if m is None or not (m["q"] or m["plural"]):
        return None  # "week" alone is no duration; "last week" is a date
    counted = _count(m["q"]) if m["q"] and not m["range"] else (None, True)  # "two to three weeks": PXW
    n, vague = counted
    value = _duration(None if vague else n, m["u"])
    hedged = re.search(rf"\b(?:{_HEDGES})\b", m["hedge"]) is not None
    return TimeFields("DURATION", value, precision="unknown", approximate=vague or hedged)


def _parse_decade(text: str, anchor: dt.date | None) -> TimeFields | None:
    low = text.lower()
    m = _DECADE.match(low)
    if m is None:
        return None
    first = int(m["decade"]) * 10
    start, end = _narrow(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), m["mod"], anchor)
    return TimeFields("DATE", m["decade"], start.isoformat(), end.isoformat(), "decade")


def _parse_time(text: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    clock = _CLOCK.search(text)
    spoken = re.sub(r"([ap])\.m\.?", r"\1m", clock[0], flags=re.I)
    parsed = _clock(spoken)
    if parsed is None:
        return None
    rest = (text[: clock.start()] + " " + text[clock.end() :]).strip(" ,")
    # "around 9:30 p.m. Thursday", "shortly before 9:30 p.m. on Saturday": the day is what the hedges leave.
    rest = re.sub(rf"\b(?:{_HEDGES})\b", " ", rest, flags=re.I)
    rest = " ".join(w for w in rest.split() if w.lower() not in _CLOCK_HEDGES)
    rest = re.sub(r"^(?:on|at|of)\s+|\s+(?:on|at|of)$", "", rest, flags=re.I).strip()
    day = _parse_date(rest.lower(), anchor, tense) if rest else None
    if day is not None and day.precision == "day" and day.value[0].isdigit():
        date = dt.date.fromisoformat(day.value)
    else:
        date = anchor
    minute = clock["m"] is not None
    approximate = re.search(rf"\b(?:{_HEDGES})\b", text, re.I) is not None  # "around 8 p.m."
    stamp = f"T{parsed:%H:%M}"  # TIMEX3 writes clock times to the minute: "4 a.m." is T04:00
    offset = parsed.utcoffset()
    if offset is not None:
        stamp += _utc_offset(offset)
    if date is None:
        return TimeFields("TIME", "XXXX-XX-XX" + stamp, precision="minute" if minute else "hour", approximate=approximate)
    iso = date.isoformat()
    return TimeFields("TIME", iso + stamp, iso, iso, "minute" if minute else "hour", approximate)


@lru_cache(maxsize=1024)  # a clock time is read the same whatever the anchor: "7 am" recurs across reports
def _clock(spoken: str) -> dt.datetime | None:
    return _parser(_SENTINELS[0], "current_period").get_date_data(spoken).date_obj


def _part_of(part: tuple[str, str], anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    """ "the end of 1994": the value of 1994 (TIMEX3 keeps the part in `mod`), its interval narrowed."""
    name, rest = part
    whole = normalize(rest, anchor, tense)
    if whole is None or whole.type != "DATE" or whole.earliest is None or whole.latest is None:
        return whole
    mod = {"end": "late", "close": "late", "beginning": "early", "start": "early", "turn": "early"}.get(name, "mid")
    start, end = _narrow(dt.date.fromisoformat(whole.earliest), dt.date.fromisoformat(whole.latest), mod, anchor)
    return whole._replace(earliest=start.isoformat(), latest=end.isoformat())


def _parse_date(low: str, anchor: dt.date | None, tense: str | None) -> TimeFields | None:
    m = _MODIFIER.match(low)
    mod, low = (m["mod"], m["rest"]) if m else (None, low)
    low = _LEADING.sub("", low)
    if not re.search(r"[a-z]{3}|\d{4}", low) or low in _NUMBERS:  # "3", "'90", "two": dateparser would guess
        return None
    prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    common = _common_form(low, anchor) if anchor is not None else None
    if common is not None:
        day, period, parts = common
    else:
        data = _parser(anchor or _SENTINELS[0], prefer).get_date_data(low)
        period = "day" if data.period == "part_of_day" else data.period  # "Friday evening"
        if data.date_obj is None or period not in _PERIOD_PRECISION:
            return None
        day = data.date_obj.date()
        parts = data.parts or ()
    if anchor is not None and "month" in parts and "year" not in parts:
        day = _year_in_window(day, anchor)
        if tense == "future" and _interval(day, period)[1] < anchor:  # "will" is a strong cue; past forms are not
            day = day.replace(year=day.year + 1, day=min(day.day, 28 if day.month == 2 else 31))  # not 29 February
    if anchor is None:
        other = _parser(_SENTINELS[1], prefer).get_date_data(low).date_obj
        if other is None or other.date() != day:
            yearless = other is not None and (other.month, other.day) == (day.month, day.day)
            value = _value(day, period)
            value = "XXXX" + value[4:] if yearless else _unknown(_PERIOD_PRECISION[period])
            return TimeFields("DATE", value, precision=_PERIOD_PRECISION[period])
    start, end = _interval(day, period)
    start, end = _narrow(start, end, mod, anchor)
    return TimeFields("DATE", _value(day, period), start.isoformat(), end.isoformat(), _PERIOD_PRECISION[period])


_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
# A day every month has: dateparser moves "February 30" elsewhere.
_MONTH_DAY = re.compile(rf"(?P<month>{'|'.join(_MONTH_NUMBERS)}) (?P<day>[1-9]|1\d|2[0-8])")
_YEAR_NUMBER = re.compile(r"[12]\d{3}")


def _common_form(low: str, anchor: dt.date) -> tuple[dt.date, str, tuple[str, ...]] | None:
    """The day, period and parts dateparser gives the commonest forms, without its millisecond or two a call.

    "march 3" and "march" (whose year the caller sets), "2016", "last week/month/year": between them
    most of what reaches dateparser in news. Only what the caller reads is the same as dateparser's:
    a year's month and a month's day are dateparser's first of them, not its copy of the anchor's.
    """
    if low in _MONTH_NUMBERS:
        return dt.date(anchor.year, _MONTH_NUMBERS[low], 1), "month", ("month",)
    if (month_day := _MONTH_DAY.fullmatch(low)) is not None:
        return dt.date(anchor.year, _MONTH_NUMBERS[month_day["month"]], int(month_day["day"])), "day", ("month", "day")
    if _YEAR_NUMBER.fullmatch(low):
        return dt.date(int(low), 1, 1), "year", ("year",)
    if low == "last week":
        return anchor - dt.timedelta(days=7), "week", ("year", "month", "day")
    if low == "last month":
        return (anchor.replace(day=1) - dt.timedelta(days=1)).replace(day=1), "month", ("year", "month")
    if low == "last year":
        return dt.date(anchor.year - 1, 1, 1), "year", ("year",)
    return None


# --- dates, intervals, offsets ------------------------------------------------------------

_PERIOD_PRECISION: dict[str, Precision] = {"day": "day", "week": "week", "month": "month", "year": "year"}
_UNIT_PRECISION: dict[str, Precision] = {"month": "month", "year": "year", "decade": "year"}


@lru_cache(maxsize=64)
def _parser(base: dt.date, prefer: str) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def _is_clock(text: str) -> bool:
    return bool(re.search(r"\d{1,2}:\d{2}|\d\s*[ap]\.?m\b|\d\s*[ap]\.m\.", text, re.I))


def _utc_offset(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _value(day: dt.date, period: str) -> str:
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": day.isoformat(), "month": f"{day:%Y-%m}", "year": f"{day:%Y}"}[period]


def _unknown(precision: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(precision, "XXXX")


def _interval(day: dt.date, period: str) -> tuple[dt.date, dt.date]:
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if period == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def _narrow(start: dt.date, end: dt.date, mod: str | None, anchor: dt.date | None) -> tuple[dt.date, dt.date]:
    """Cut the interval for "early/mid/late" (thirds) and "earlier/later" (this side of the anchor)."""
    third = (end - start) // 3
    if mod == "early":
        return start, start + third
    if mod == "mid":
        return start + third, end - third
    if mod == "late":
        return end - third, end
    if mod == "earlier" and anchor is not None:
        return start, max(start, min(end, anchor))
    if mod == "later" and anchor is not None:
        return min(end, max(start, anchor)), end
    return start, end


def _year_in_window(day: dt.date, anchor: dt.date) -> dt.date:
    """Give a yearless month or day the year that puts it from 7 months before to 4 after the anchor's month.

    News looks back more than ahead; on TimeBank+AQUAINT this window beats both the closest
    occurrence and moving the year by the verb's tense (a small parser's tense misleads too often).
    """
    ahead = 4
    months_from_anchor = (day.month - anchor.month) % 12  # 0..11 months ahead within a year
    year = anchor.year + (anchor.month + months_from_anchor > 12)
    if months_from_anchor > ahead:
        year -= 1
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def _count(quantity: str | None) -> tuple[int | None, bool] | None:
    """(n, vague) for a quantity phrase; n is None for "many"/"some"."""
    if quantity is None:
        return None
    q = re.sub(r"\s+", " ", quantity)
    if q.isdigit():
        return int(q), False
    if q in _VAGUE:
        return _VAGUE[q], True
    if q in _NUMBERS:
        return _NUMBERS[q], False
    return None, True


def _duration(n: int | None, unit: str) -> str:
    if unit == "decade":  # TimeML writes decades in years: "two decades" is P20Y
        n, unit = (None if n is None else 10 * n), "year"
    code, timed = _UNITS[unit]
    return ("PT" if timed else "P") + ("X" if n is None else str(n)) + code


_OFFSET_HEAD = re.compile(rf"^(?:(?:{_HEDGES})\s+)*(?:{_QUANT_RE}[\s-]+)?{_UNIT_RE}", re.I)
_OFFSET = re.compile(r"^(?P<sign>[+-])P(?P<t>T?)(?P<n>\d+)(?P<code>[HMDWY])$")


def _resolve(offset: str, approximate: bool, start: dt.date, end: dt.date) -> tuple[str, Precision, str, str]:
    """Value, precision, earliest, latest of `offset` from an anchor interval (see the module docstring)."""
    m = _OFFSET.match(offset)
    n, code, timed = int(m["n"]), m["code"], bool(m["t"])
    if timed:
        unit = {"H": "hours", "M": "minutes"}[code]
    else:
        unit = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}[code]
    short = timed or code == "D"
    pad = dt.timedelta(days={"W": 3, "M": 15, "Y": 182}.get(code, 0) if approximate and not short else 0)
    near, far = (max(n - 1, 0), 2 * n) if approximate and short else (n, n)
    first = dt.datetime.combine(start, dt.time.min)
    last = dt.datetime.combine(end, dt.time.max)
    if m["sign"] == "-":
        earliest = (first - relativedelta(**{unit: far}) - pad).date()
        latest = (last - relativedelta(**{unit: near}) + pad).date()
        nominal = (first - relativedelta(**{unit: n})).date()
    else:
        earliest = (first + relativedelta(**{unit: near}) - pad).date()
        latest = (last + relativedelta(**{unit: far}) + pad).date()
        nominal = (last + relativedelta(**{unit: n})).date()
    if code == "Y" and not timed:
        return f"{nominal:%Y}", "year", earliest.isoformat(), latest.isoformat()
    if code == "M" and not timed:
        return f"{nominal:%Y-%m}", "month", earliest.isoformat(), latest.isoformat()
    if start == end:
        return nominal.isoformat(), "day", earliest.isoformat(), latest.isoformat()
    # The anchor is known only to the month or year: never claim a day it does not give.
    for precision, fmt in (("month", "%Y-%m"), ("year", "%Y")):
        if f"{earliest:{fmt}}" == f"{latest:{fmt}}":
            return f"{earliest:{fmt}}", precision, earliest.isoformat(), latest.isoformat()
    return "XXXX", "unknown", earliest.isoformat(), latest.isoformat()


# --- spaCy: finding the expressions -------------------------------------------------------

_UNIT_WORDS = [u + s for u in _UNITS for s in ("", "s")]
_MONTHS = [m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])] + ["sept"]
_ORDINAL_WORDS = ["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"]
_SEASON_WORDS = ["spring", "summer", "fall", "autumn", "winter"]
_WEEKDAY_WORDS = [d.lower() for d in calendar.day_name]
_PART_WORDS = ["morning", "afternoon", "evening", "night"]
_PATTERNS = {
    "ANCHORED": [
        [
            {"LOWER": {"IN": ["a", "an", "the", "few", "several", "couple", "of", "many", "some", "dozen", *_HEDGES.replace(r"\s+", "|").split("|")]}, "OP": "*"},
            {"LIKE_NUM": True, "OP": "?"},
            {"LOWER": {"IN": _UNIT_WORDS}},
            {"LOWER": {"IN": ["before", "after", "earlier", "later", "ago", "afterwards", "afterward", "beforehand", "prior", "ahead"]}},
            {"LOWER": {"IN": ["to", "of", "than"]}, "OP": "?"},
        ],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["next", "following", "previous", "preceding"]}}, {"LOWER": {"IN": _UNIT_WORDS}}],
    ],
    "DATE": [
        [{"LOWER": {"IN": _MONTHS + [m + "." for m in _MONTHS]}}, {"IS_DIGIT": True}],
        [{"LOWER": {"IN": ["earlier", "later", "early", "late"]}, "OP": "?"}, {"LOWER": {"IN": ["this", "last", "next"]}}, {"LOWER": {"IN": ["week", "month", "year"]}}],
        [{"LOWER": {"IN": ["yesterday", "today", "tomorrow", "now", "currently", "nowadays", "recently", "tonight"]}}],
        [{"LOWER": "current", "POS": "ADJ"}],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["full", "fiscal", "current", "whole", "entire"]}, "OP": "*"}, {"LOWER": "year"}],
        [{"LOWER": "the"}, {"LOWER": "latest"}, {"LOWER": "period"}],
        [{"LOWER": "the"}, {"LOWER": "past"}],
        [{"LOWER": {"IN": ["the", "this", "last", "next", "past", "coming"]}}, {"LOWER": "weekend"}],
        [{"LOWER": {"IN": ["recent", "coming"]}}, {"LOWER": {"IN": [u + "s" for u in _UNITS]}}],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["near", "foreseeable"]}, "OP": "?"}, {"LOWER": {"IN": ["future", "term"]}}],
        [{"LOWER": "the", "OP": "?"}, {"LOWER": "fiscal", "OP": "?"}, {"LOWER": {"IN": _ORDINAL_WORDS}}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": ["quarter", "half"]}}],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["latest", "current", "recent", "fiscal"]}, "OP": "?"}, {"LOWER": "quarter"}],
        [{"LOWER": {"IN": ["last", "this", "next", "early", "late"]}}, {"LOWER": {"IN": _SEASON_WORDS}}],
        [{"LOWER": {"IN": ["summer", "winter", "autumn"]}, "POS": "NOUN"}],
        [{"LOWER": {"IN": _WEEKDAY_WORDS}}, {"LOWER": {"IN": _PART_WORDS}, "OP": "?"}],
        [{"LOWER": {"IN": ["this", "yesterday", "today", "tomorrow"]}}, {"LOWER": {"IN": _PART_WORDS}}],
        [{"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"}, {"LOWER": "that"}, {"LOWER": "same", "OP": "?"}, {"LOWER": {"IN": ["day", "week", "month", "year"]}}],
        [{"LOWER": "the"}, {"LOWER": "same"}, {"LOWER": {"IN": ["day", "week", "month", "year"]}}],
        *[[{"LOWER": {"IN": ["last", "this", "next"]}, "OP": "?"}, *({"LOWER": w} for w in name.replace("'s", " 's").split())] for name in HOLIDAYS],
        [{"LOWER": {"IN": ["every", "each"]}}, {"LIKE_NUM": True, "OP": "?"}, {"LOWER": {"IN": _UNIT_WORDS}}],
    ],
}  # fmt: skip
_PREPOSITIONS = {"before", "after", "to", "of", "than"}


def find_times(doc: Doc, anchor: dt.date | None, sentence_of: Callable[[int], int]) -> list[TimeValue]:
    """Every temporal expression in `doc`, from its DATE/TIME entities and patterns the model misses.

    A TIME without a date of its own ("at 21:48") takes the day of a day-precise date right next to
    it in the sentence ("at 21:48 on March 22"), else the narrative's last day ("killed Thursday ... The
    shooting occurred about 5:30 p.m."), else the publication date.
    """
    entities = [piece for e in entities_of(doc) if e.label_ in ("DATE", "TIME") for piece in _pieces(_trim(e), anchor)]
    spans = filter_spans([_trim(s) for s in entities + _matches(doc)])
    found: dict[int, tuple[Span, TimeFields]] = {}
    for span in spans:
        spoken = _spoken(span)
        # A four-digit clock time ("at 0700") is wire or military style, whose reports name the day apart and
        # often the day before: only a day its sentence names dates it, never the publication date.
        fields = normalize(spoken, None if spoken != span.text else anchor, _tense(span))
        if fields is not None and _closes_on_a_date(span):  # "the year ended March 31": a year-long stretch
            fields = TimeFields("DURATION", _duration(1, span[-1].lower_), precision="unknown")
        if fields is not None:
            found[span.start] = (span, fields)
    bare: set[int] = set()  # clock times that name no day, and no day stands next to
    for start, (span, fields) in found.items():
        # "5:30 PM Friday, September 4th": a clock time that names its own day keeps it.
        if fields.type == "TIME" and _names_no_day(span):
            day = _day_beside(span, found.values())
            if day is not None:
                found[start] = (span, normalize(_spoken(span), day, _tense(span)) or fields)
            elif _tense(span) != "future" and _spoken(span) == span.text:
                bare.add(start)  # not a four-digit clock time ("at 2130"): wire copy names its day apart
    _join_clock_and_day(found)
    _resolve_in_narrative(found, bare)
    return [
        TimeValue(
            start=span.start_char, end=span.end_char, text=span.text, sentence=sentence_of(span.start_char),
            **fields._asdict(),
        )
        for span, fields in sorted(found.values(), key=lambda pair: pair[0].start)
    ]  # fmt: skip


_HHMM = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
_CLOCK_BEFORE = frozenset({"at", "about", "around", "approximately", "by", "until", "before", "after"})
_CLOCK_AFTER = frozenset({"hours", "hrs", "gmt", "utc", "local"})


def _spoken(span: Span) -> str:
    """The span's text, with a four-digit clock time ("at 2130", "0700 hours") written as one ("21:30").

    Wire copy and military reports give times as four digits; read as years they would date an attack
    to 2130 or 700. A number with a leading zero is never a year in the news; others are clock times
    only after "at" and the like, or before "hours", and never before a name (a street address).
    """
    number, doc = span[0], span.doc
    hours = len(span) == 2 and span[1].lower_ in ("hours", "hrs")
    if not (len(span) == 1 or hours) or not _HHMM.match(number.text):
        return span.text
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end] if span.end < len(doc) else None
    if hours or (after is not None and after.lower_ in _CLOCK_AFTER):
        return f"{number.text[:2]}:{number.text[2:]}"
    if after is not None and after.pos_ == "PROPN":
        return span.text  # "at 1500 Elm Street": a house number
    if number.text[0] == "0" or before in _CLOCK_BEFORE:
        return f"{number.text[:2]}:{number.text[2:]}"
    return span.text


_QUARTER_VALUE = re.compile(r"^(?P<year>\d{4})-(?P<part>Q[1-4]|H[12])$")


_DAY_OR_FINER = frozenset({"day", "hour", "minute"})
# Words beside a clock time that leave its day open: "around 11:40 p.m. the night (of November 24)".
_NO_DAY_WORDS = frozenset(_CLOCK_HEDGES | {"on", "of", "the", "in", "night", "morning", "afternoon", "evening"})


def _names_no_day(span: Span) -> bool:
    """A clock time whose words name no day ("about 5:30 p.m.", not "5:30 PM Friday"), whatever day it was
    given by default."""
    spoken = _spoken(span)
    clock = _CLOCK.search(spoken)
    if clock is None:
        return False
    rest = spoken[: clock.start()] + " " + spoken[clock.end() :]
    return all(word.lower() in _NO_DAY_WORDS for word in re.findall(r"[A-Za-z]+", rest))


def _resolve_in_narrative(found: dict[int, tuple[Span, TimeFields]], bare: set[int] = frozenset()) -> None:
    """Resolve "the next day", "a year earlier", "that same day", and a clock time that names no day (`bare`)
    against the narrative's last date.

    TimeML's reference time: the last date the text gave, when it is at least as fine as the offset
    (a day for days and weeks, a month for months, a year for years); otherwise the expression stays
    for link to resolve against the previous event. A business report compares like periods, so whole
    years back from a quarter or half keep that grain ("third-quarter profit ... a year earlier" is
    1988-Q3, not 1988).
    """
    reference: TimeFields | None = None
    said_in: Span | None = None  # the reference's sentence: a clock time beside two days is ambiguous
    for start in sorted(found):
        span, fields = found[start]
        if start in bare and reference is not None and reference.precision in _DAY_OR_FINER and (
                said_in != span.sent or reference.type == "TIME"):
            day = dt.date.fromisoformat(reference.earliest)
            found[start] = (span, fields := normalize(_spoken(span), day, _tense(span)) or fields)
        offset = _OFFSET.match(fields.anchor_offset or "")
        if offset is not None and reference is not None and fields.anchor in ("previous", "document"):
            period = _QUARTER_VALUE.match(reference.value)
            if period is not None and offset["code"] == "Y" and offset["sign"] == "-":
                year = int(period["year"]) - int(offset["n"])
                found[start] = (span, _shifted_period(fields, year, period["part"]))
                continue
            if fields.anchor == "previous" and _fine_enough(reference.precision, offset["code"], bool(offset["t"])):
                resolved = _resolve(fields.anchor_offset, fields.approximate,
                                    dt.date.fromisoformat(reference.earliest), dt.date.fromisoformat(reference.latest))
                value, precision, earliest, latest = resolved
                found[start] = (span, fields._replace(value=value, precision=precision, earliest=earliest, latest=latest))
                continue
        if fields.anchor == "document" and fields.type in ("DATE", "TIME") and fields.value[:1].isdigit() and fields.earliest:
            reference, said_in = fields, span.sent


def _closes_on_a_date(span: Span) -> bool:
    """ "the year ended Sept. 30", "the quarter ending June 30": TimeML tags a one-unit DURATION and the date."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        after is not None and after.lower_ in ("ended", "ending") and span[0].lower_ == "the"
        and span[-1].lower_ in ("year", "month", "week")
    )  # fmt: skip


def _fine_enough(precision: str, code: str, timed: bool) -> bool:
    needed = "day" if timed or code in ("D", "W") else {"M": "month", "Y": "year"}[code]
    order = ["minute", "hour", "day", "week", "month", "season", "year"]
    return precision in order and order.index(precision) <= order.index(needed) and (needed != "day" or precision != "week")


def _shifted_period(fields: TimeFields, year: int, part: str) -> TimeFields:
    n, months = int(part[1]), 3 if part[0] == "Q" else 6
    start = dt.date(year, (n - 1) * months + 1, 1)
    last = dt.date(year, n * months, 1)
    end = last.replace(day=calendar.monthrange(year, n * months)[1])
    return fields._replace(value=f"{year}-{part}", earliest=start.isoformat(), latest=end.isoformat(), precision="season")


_JOINERS = {"and", "to", "through", "or", "-", "–", "ended", "ending", "from"}


def _pieces(span: Span, anchor: dt.date | None) -> list[Span]:
    """Split an entity spaCy ran together ("1990 and 1991", "the nine months ended Sept. 30").

    TIMEX3 tags each date of a range or list on its own; a piece is kept apart only if it reads
    as a time by itself, else the entity stays whole.
    """
    cuts = [
        t.i for t in span
        if t.lower_ in _JOINERS and span.start < t.i < span.end - 1 and (t.is_alpha or t.doc[t.i - 1].whitespace_)
        and not _numeric_range(t)
    ]  # fmt: skip  - a hyphen joins a range only with spaces around it: "eight-year" is one word
    of = [t.i for t in span if t.lower_ == "of" and span.start < t.i < span.end - 1]
    if of and not cuts:  # "the first nine months of 1997": a duration, then the period it lies in
        left = normalize(span.doc[span.start : of[0]].text, anchor)
        cuts = of if left is not None and left.type == "DURATION" else []
    if not cuts:
        return [span]
    bounds = [span.start, *cuts, span.end]
    pieces = [span.doc[bounds[0] : bounds[1]]] + [span.doc[a + 1 : b] for a, b in zip(bounds[1:], bounds[2:])]
    readable = [p for p in pieces if len(p) and normalize(p.text, anchor) is not None]
    return readable or [span]


_NOT_TIMEX_LEAD = {"both", "either", "between", "from", "since", "until", "till", "through"}


def _numeric_range(joiner) -> bool:  # noqa: ANN001 - a spaCy Token
    """ "two to three weeks", "12 to 18 months": one duration, not two times ("April 24 and 25" is two)."""
    doc, i = joiner.doc, joiner.i
    unit = doc[i + 2] if i + 2 < len(doc) else None
    return doc[i - 1].like_num and doc[i + 1].like_num and unit is not None and unit.lower_ in _UNIT_WORDS


def _trim(span: Span) -> Span:
    """Drop a possessive "'s", stray punctuation and leading prepositions: TIMEX3 extents leave them out."""
    start, end = span.start, span.end
    while end > start + 1 and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    while start < end - 1 and (span.doc[start].is_punct or span.doc[start].lower_ in _NOT_TIMEX_LEAD):
        start += 1
    return span.doc[start:end]


_NUMBERED_PATTERNS = [(label, pattern) for label, patterns in _PATTERNS.items() for pattern in patterns]


def _required_words(pattern: list[dict]) -> list[frozenset[int]]:
    """For each token a match must have that names its lowercase form, the forms it may take (as string ids)."""
    required = []
    for token in pattern:
        lower = token.get("LOWER")
        if token.get("OP") not in (None, "+") or lower is None:
            continue
        words = [lower] if isinstance(lower, str) else lower.get("IN") if lower.keys() == {"IN"} else None
        if words is not None:
            required.append(frozenset(get_string_id(word) for word in words))
    return required


_REQUIRED_WORDS = [_required_words(pattern) for _, pattern in _NUMBERED_PATTERNS]


def _possible_patterns(doc: Doc) -> tuple[int, ...]:
    """The patterns whose every required word is in `doc`: only they can match.

    A Matcher tries every pattern at every token, at a Python call a token for a pattern with a
    word list; most reports hold the words of a few of these patterns (no "Christmas", no
    "quarter"), so matching with those alone gives the same matches for a third of the time.
    """
    words = set(doc.count_by(LOWER))  # a set: isdisjoint then walks the smaller side
    return tuple(
        number for number, required in enumerate(_REQUIRED_WORDS) if all(not forms.isdisjoint(words) for forms in required)
    )


@lru_cache(maxsize=256)  # reports use few combinations of patterns: 26 over 200 bench reports
def _matcher(vocab: Vocab, numbers: tuple[int, ...]) -> Matcher:
    matcher = Matcher(vocab)
    for label in _PATTERNS:
        patterns = [pattern for number, (of, pattern) in enumerate(_NUMBERED_PATTERNS) if of == label and number in numbers]
        if patterns:
            matcher.add(label, patterns, greedy="LONGEST")
    return matcher


def _matches(doc: Doc) -> list[Span]:
    numbers = _possible_patterns(doc)
    if not numbers:
        return []
    spans = []
    for label, start, end in _matcher(doc.vocab, numbers)(doc, as_spans=False):
        span = doc[start:end]
        if doc.vocab.strings[label] == "ANCHORED" and span[-1].lower_ in _PREPOSITIONS:
            span = _with_anchor(span)
        spans.append(span)
    return spans


def _with_anchor(span: Span) -> Span:
    """Extend "two weeks before" by the phrase naming the anchor event: its noun chunk."""
    doc = span.doc
    for chunk in doc.noun_chunks:
        if chunk.start == span.end:
            return doc[span.start : chunk.end]
    objects = [c for c in span[-1].children if c.dep_ == "pobj"]
    if objects:
        return doc[span.start : objects[0].i + 1]
    trimmed = span.end - (2 if span[-1].lower_ in ("to", "of", "than") else 1)
    return doc[span.start : max(trimmed, span.start + 1)]


def _tense(span: Span) -> Tense:
    """Tense of the verb governing the span: "will" means future; a past form, past."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" and a.lower_ in ("will", "'ll", "shall", "wo") for a in auxiliaries):
        return "future"
    if any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxiliaries):
        return None
    return "past" if verb.tag_ in ("VBD", "VBN") else None


def _join_clock_and_day(found: dict[int, tuple[Span, TimeFields]]) -> None:
    """ "5 p.m. EST Nov. 9", "4 a.m. EDT Thursday": one TIMEX3, the clock time on that day, as TimeML tags it."""
    for start in sorted(found):
        if start not in found or found[start][1].type != "TIME":
            continue
        span, fields = found[start]
        following = [other for other in found if other >= span.end]
        if not following:
            continue
        other, other_fields = found[min(following)]
        between = text_of(span.doc)[span.end_char : other.start_char]
        if other_fields.type == "DATE" and other_fields.precision == "day" and between.strip(" ,") == "" and len(between) <= 2:
            found[start] = (span.doc[span.start : other.end], fields)
            del found[other.start]


def _day_beside(span: Span, found) -> dt.date | None:  # noqa: ANN001 - the (Span, TimeFields) pairs
    days = []
    for other, fields in found:
        gap = other.start_char - span.end_char if other.start > span.start else span.start_char - other.end_char
        if (
            fields.type == "DATE" and fields.precision == "day" and fields.anchor == "document"
            and other.sent == span.sent and fields.value[0].isdigit()
        ):  # fmt: skip
            if 0 <= gap <= 5:
                return dt.date.fromisoformat(fields.value)
            days.append(fields.value)
    # "was killed Thursday when the gun went off about 5:30 p.m.": a bare clock time is on the one day
    # its sentence names, not on the publication date (a report of an evening shooting is often next day's).
    if len(set(days)) == 1 and _bare_clock(span.text):
        return dt.date.fromisoformat(days[0])
    return None


def _bare_clock(text: str) -> bool:
    """A clock time with no day of its own: "9:30 p.m.", "shortly before 9:30 p.m.", "around 8 p.m."."""
    clock = _CLOCK.search(text)
    rest = (text[: clock.start()] + " " + text[clock.end() :]).lower().split() if clock else ["-"]
    return all(word in _CLOCK_HEDGES for word in rest)




def timex_extent(time: TimeValue, document_date: dt.date | None) -> tuple[int, int, str, str]:
    """The TIMEX3 reading of a time: (start, end, type, value).

    TimeML tags only the offset of an event-anchored expression: in "two weeks before the attack"
    the timex is "two weeks", a DURATION of P2W; the anchor is an event, the relation a signal.
    An offset from the narrative's last date ("a year earlier", "the next day") is a DATE counted,
    as TimeML annotators do without an explicit anchor, from the document's date. TIMEX3 values
    keep the local clock time, so a time zone offset is dropped.
    """
    if time.anchor_offset is None or time.anchor == "document":
        return time.start, time.end, time.type, _ZONE.sub("", time.value)
    if time.anchor == "previous":
        if document_date is None or time.earliest is not None:
            return time.start, time.end, time.type, time.value
        value = _resolve(time.anchor_offset, False, document_date, document_date)[0]
        return time.start, time.end, "DATE", value
    m = _OFFSET_HEAD.match(time.text)
    end = time.start + (m.end() if m else len(time.text))
    return time.start, end, "DURATION", time.anchor_offset.lstrip("+-")


_ZONE = re.compile(r"(?<=T\d\d:\d\d)[+-]\d\d:\d\d$")
