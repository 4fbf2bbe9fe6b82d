"""Settle each metadata field from clues ranked by trust, and say where each came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from crosswire.errors import UsageError
from crosswire.ingest.dates import absurdity, to_iso
from crosswire.records import RawDocument
from crosswire.settings import Settings

Field = Literal["title", "source", "published", "url"]
# Without a publication date, "on Tuesday" cannot be placed in time: say so rather than store it silently.
MISSING_DATE = "missing: no publication date found in the file; pass --published to give one"


@dataclass(frozen=True)
class Clue:
    """One reading of a metadata field, and where it was read (front-matter, dateline, ...)."""

    field: Field
    value: str
    origin: str


@dataclass(frozen=True)
class Batch:
    """What holds for every document of one `read_paths` call."""

    settings: Settings
    source: str | None = None
    published: str | None = None
    today: date = field(default_factory=date.today)

    @classmethod
    def create(cls, settings: Settings, *, source: str | None, published: str | None) -> Batch:
        """Check the overrides once, before any file is read."""
        iso = None
        if published is not None:
            iso = to_iso(published)
            if iso is None:
                raise UsageError(f"published {published!r} is not a date: give it as YYYY-MM-DD")
        batch = cls(settings=settings, source=source, published=iso)
        if iso is not None and (reason := absurdity(iso, settings=settings, today=batch.today)):
            raise UsageError(f"published {published!r}: {reason}. Check the date you passed.")
        return batch


def build_document(
    *, path: str, format: str, text: str, original: str, clues: list[Clue], batch: Batch
) -> RawDocument:
    """A RawDocument whose fields each come from the first clue for them; `clues` go most trusted first."""
    values: dict[str, str | None] = {}
    origins: dict[str, str] = {}
    for clue in clues:
        if clue.field in origins or not clue.value.strip():
            continue
        value: str | None = clue.value.strip()
        origin = clue.origin
        if clue.field == "published":
            value, origin = _published(value, origin, batch)
        values[clue.field] = value
        origins[clue.field] = origin
    for name, override in (("source", batch.source), ("published", batch.published)):
        if override is not None:
            values[name] = override
            origins[name] = "override"
    if values.get("published") is None and "published" not in origins:
        origins["published"] = MISSING_DATE
    return RawDocument(path=path, format=format, text=text, original=original, metadata_from=origins, **values)


def _published(value: str, origin: str, batch: Batch) -> tuple[str | None, str]:
    iso = to_iso(value)
    if iso is None:
        return None, f"rejected: {value!r} from {origin} is not a date"
    reason = absurdity(iso, settings=batch.settings, today=batch.today)
    if reason:
        return None, f"rejected: {reason} ({origin})"
    return iso, origin
