"""Dates, figures, quotes and links as the report shows them: pure functions, so each is tested.

Every function returns plain text; the templates escape it. None of them builds HTML.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from crosswire.records import EventDate, Precision, ReportedCount

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_DAY_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_TIMEX_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_TIMEX_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_TIMEX_DECADE = re.compile(r"^(\d{3})X?$")


def format_event_date(event_date: EventDate | None) -> str:
    """An event's date as a reader says it: '3 Mar 2025', 'March 2025', '3–7 Mar 2025'."""
    if event_date is None:
        return "undated"
    return format_date_span(
        event_date.start,
        event_date.end,
        event_date.precision,
        value=event_date.value,
        # EventDate has no `approximate` yet (asked for); a ledger that carries it gets the "~".
        approximate=getattr(event_date, "approximate", False),
    )


def format_date_span(
    start: str | None,
    end: str | None,
    precision: Precision,
    *,
    value: str | None = None,
    approximate: bool = False,
) -> str:
    """Say the interval `start`..`end` (ISO dates) no more precisely than `precision` allows.

    Args:
        value: the TIMEX3 value, which alone names seasons, parts of the day and clock times.
        approximate: prefix "~".
    """
    text = _span_text(parse_day(start), parse_day(end), precision, value or "")
    return f"~{text}" if approximate and text != "undated" else text


def format_figure(value: int | None, low: int | None = None, high: int | None = None, approximate: bool = False) -> str:
    """A reported figure: '27', '~30', 'at least 27', 'at most 40', '27–31'."""
    if value is not None:
        text = f"{value:,}"
    elif low is not None and high is not None:
        text = f"{low:,}–{high:,}"
    elif low is not None:
        text = f"at least {low:,}"
    elif high is not None:
        text = f"at most {high:,}"
    else:
        return "unknown"
    return f"~{text}" if approximate else text


def format_count(count: ReportedCount) -> str:
    """`format_figure` for a `ReportedCount`."""
    return format_figure(count.value, count.low, count.high, count.approximate)


def safe_href(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link, else None: article metadata never becomes a script."""
    if not url or any(ord(ch) <= 0x20 or ch == "\x7f" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def quote_parts(
    sentence: str, trigger: str, start: int, end: int, document_text: str | None = None
) -> tuple[str, str, str] | None:
    """Split a mention's sentence into (before, trigger, after) for highlighting, or None.

    `start`/`end` are offsets into the document, not the sentence. When the document text is at
    hand, the sentence is located around those offsets, so the right occurrence of a repeated word
    is marked; otherwise the first occurrence of the trigger in the sentence is. None when the
    trigger is not in the sentence: the quote is then shown unmarked rather than marked wrongly.
    """
    if not trigger or not sentence:
        return None
    if document_text is not None and 0 <= start < end <= len(document_text):
        at = sentence_offset(sentence, start, end, document_text)
        # Offsets that point at another word (a stale or shifted span) fall through to the search.
        if at is not None and sentence[start - at : end - at].lower() == trigger.lower():
            s, e = start - at, end - at
            return sentence[:s], sentence[s:e], sentence[e:]
    found = re.search(re.escape(trigger), sentence, flags=re.IGNORECASE)
    if found is None:
        return None
    return sentence[: found.start()], found.group(), sentence[found.end() :]


def sentence_offset(sentence: str, start: int, end: int, document_text: str) -> int | None:
    """Where `sentence` sits in the document so that it covers `start`..`end`, if it does."""
    at = document_text.rfind(sentence, max(0, end - len(sentence)), start + len(sentence))
    return at if at != -1 and at <= start and end <= at + len(sentence) else None


def parse_day(iso: str | None) -> date | None:
    """The day of an ISO date or datetime; None when absent or not a date."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _span_text(start: date | None, end: date | None, precision: Precision, value: str) -> str:
    if start is None and end is None:
        return _value_only(value, precision)
    if start is None:
        return f"before {_day(end)}"
    if end is None:
        return f"after {_day(start)}"
    if precision in ("minute", "hour"):
        return _clock(start, end, value)
    if precision == "week":
        return f"week of {_day(start)}" if (end - start).days <= 6 else _day_range(start, end)
    if precision == "month":
        return _month_range(start, end)
    if precision == "season":
        named = _TIMEX_SEASON.match(value)
        return f"{_SEASONS[named[2]]} {named[1]}" if named else _month_range(start, end)
    if precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if precision == "decade":
        return f"{start.year // 10 * 10}s"
    return _day_range(start, end)


def _value_only(value: str, precision: Precision) -> str:
    """Say what a TIMEX3 value names when the interval is missing."""
    if week := _TIMEX_WEEK.match(value):
        return f"week {int(week[2])}, {week[1]}"
    if season := _TIMEX_SEASON.match(value):
        return f"{_SEASONS[season[2]]} {season[1]}"
    if precision == "decade" and (decade := _TIMEX_DECADE.match(value)):
        return f"{decade[1]}0s"
    return "undated"


def _clock(start: date, end: date, value: str) -> str:
    if start != end:
        return _day_range(start, end)
    _, _, clock = value.partition("T")
    if clock in _DAY_PARTS:
        return f"{_day(start)}, {_DAY_PARTS[clock]}"
    if re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", clock):
        return f"{_day(start)}, {clock[:5]}"
    if re.fullmatch(r"\d{2}", clock):
        return f"{_day(start)}, {clock}h"
    return _day(start)


def _day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}"


def _day_range(start: date, end: date) -> str:
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {_MONTHS[start.month - 1][:3]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1][:3]} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def _month_range(start: date, end: date) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{_MONTHS[start.month - 1]}–{_MONTHS[end.month - 1]} {start.year}"
    return f"{_MONTHS[start.month - 1]} {start.year} – {_MONTHS[end.month - 1]} {end.year}"
