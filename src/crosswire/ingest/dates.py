"""Find, parse and normalise publication dates to ISO 8601, and refuse absurd ones."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from crosswire.settings import Settings

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_TIME = r"(?P<time>,?\s*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,5}|UTC|GMT)(?:[+-]\d{1,2})?)?)?"
# Candidates only: dateparser decides whether a match is a real date.
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}){_TIME}"
    r"|\b\d{4}-\d{2}-\d{2}(?P<isotime>[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
EARLIEST_YEAR = 1900
# Absolute dates only: relative parsers ("yesterday") and timestamps would tie the result to today.
PARSE_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["custom-formats", "absolute-time"]}


def find_date(text: str) -> str | None:
    """The first fully specified date in `text`, as ISO 8601, or None."""
    for match in DATE.finditer(text):
        iso = to_iso(match.group(0))
        if iso is not None:
            return iso
    return None


def to_iso(value: str | date) -> str | None:
    """`value` as YYYY-MM-DD, or YYYY-MM-DDTHH:MM[+HH:MM] when it names a time; None if it is no date."""
    if isinstance(value, datetime):
        return _format(value, has_time=True)
    if isinstance(value, date):
        return value.isoformat()
    return _text_to_iso(value.strip())


@lru_cache(maxsize=4096)  # a crawl's reports share their days: dateparser costs milliseconds a call
def _text_to_iso(text: str) -> str | None:
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = dateparser.parse(text, languages=["en"], settings=PARSE_SETTINGS)
    if parsed is None:
        return None
    return _format(parsed, has_time=re.search(r"\d:\d\d", text) is not None)


def absurdity(iso: str, *, settings: Settings, today: date) -> str | None:
    """Why an ISO date cannot be a publication date (too far in the future, or too old), or None."""
    day = date.fromisoformat(iso[:10])
    if day > today + timedelta(days=settings.min_future_days):
        return f"{iso} is in the future"
    if day.year < EARLIEST_YEAR:
        return f"{iso} is before {EARLIEST_YEAR}"
    return None


def _format(moment: datetime, *, has_time: bool) -> str:
    if not has_time:
        return moment.date().isoformat()
    iso = moment.strftime("%Y-%m-%dT%H:%M")
    offset = moment.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        iso += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return iso
