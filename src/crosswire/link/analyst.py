"""Evidence an analyst adds by hand (a YAML or CSV file), turned into claims beside the ones read from text.

Analysts know things the corpus does not say. Each entry names an event (its id, or words of its
summary or place), an attribute, a value, a stance and a holder; see examples/analyst-evidence.yml.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from crosswire.errors import UsageError
from crosswire.extract.names import fold
from crosswire.link.claims import PERPETRATOR, count_label
from crosswire.records import Claim, Entity, Event, Modality, Stance

_FIGURE = re.compile(r"^\s*(?:(?P<least>at least|more than|over)\s+)?(?P<low>\d+)\s*(?:[-–]\s*(?P<high>\d+))?\s*$", re.I)


class AnalystEvidence(BaseModel):
    """One row of an analyst's evidence file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event: str
    value: str
    holder: str
    attribute: str = PERPETRATOR
    stance: Stance = "asserts"
    modality: Modality = "asserted"
    text: str = ""
    origin: str | None = None
    stake: str | None = None


def read_analyst_evidence(path: str | Path) -> list[dict]:
    """The entries of a .yml/.yaml or .csv evidence file, validated; raises UsageError saying what to fix."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: no such evidence file. Pass a YAML or CSV file to --evidence.")
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yml", ".yaml"):
        try:
            rows = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise UsageError(f"{path}: not valid YAML ({exc}). Fix the file; examples/analyst-evidence.yml shows the format.") from exc
    elif path.suffix.lower() == ".csv":
        rows = [{k: v for k, v in row.items() if v not in (None, "")} for row in csv.DictReader(text.splitlines())]
    else:
        raise UsageError(f"{path}: evidence files are .yml, .yaml or .csv. Rename or convert it.")
    if not isinstance(rows, list):
        raise UsageError(f"{path}: expected a list of entries. See examples/analyst-evidence.yml.")
    entries = []
    for number, row in enumerate(rows, 1):
        try:
            entries.append(AnalystEvidence.model_validate(row).model_dump())
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise UsageError(f"{path}: entry {number}, {where}: {first['msg']}. See examples/analyst-evidence.yml.") from exc
    return entries


def analyst_claims(
    entries: Iterable[tuple[str, int, dict]], events: Mapping[str, Event], entities: Mapping[str, Entity]
) -> list[Claim]:
    """Claims for stored analyst entries: (file, entry number, entry)."""
    names = {fold(e.name): e.id for e in entities.values()}
    for entity in entities.values():
        for alias in entity.aliases:
            names.setdefault(fold(alias), entity.id)  # a name beats another entity's alias
    claims = []
    for path, number, row in entries:
        entry = AnalystEvidence.model_validate(row)
        event = _event(entry.event, events, f"{path}: entry {number + 1}")
        value, name = _value(entry, names, entities, f"{path}: entry {number + 1}")
        holder_key = fold(entry.holder)
        claims.append(
            Claim(
                event=event, attribute=entry.attribute, value=value, value_name=name, holder=entry.holder,
                holder_kind="analyst", stance=entry.stance, modality=entry.modality, text=entry.text or entry.holder,
                origin=f"analyst:{entry.origin or holder_key}", stake=entry.stake, rule="analyst",
            )
        )
    return claims


def events_matching(reference: str, events: Mapping[str, Event]) -> list[Event]:
    """The event with this id, or the events whose summary or place holds these words."""
    if reference in events:
        return [events[reference]]
    words = fold(reference)
    return [e for e in events.values() if words in fold(e.summary) or (e.location and words in fold(e.location.name))]


def _event(reference: str, events: Mapping[str, Event], where: str) -> str:
    """The most reported of the matching events."""
    found = events_matching(reference, events)
    if not found:
        raise UsageError(
            f"{where}: no event matches {reference!r}. Use an event id from `crosswire timeline --json`, "
            "or words of an event's summary or place."
        )
    return max(found, key=lambda e: (e.independent_sources, len(e.mentions), e.id)).id


def _value(entry: AnalystEvidence, names: Mapping[str, str], entities: Mapping[str, Entity], where: str) -> tuple[str, str]:
    kind = entry.attribute.split(".")[0]
    if kind in (PERPETRATOR, "place"):
        entity_id = names.get(fold(entry.value))
        return (entity_id, entities[entity_id].name) if entity_id else (f"name:{fold(entry.value)}", entry.value)
    if kind == "counts":
        match = _FIGURE.match(entry.value)
        if not match:
            raise UsageError(f"{where}: {entry.value!r} is not a figure. Write 34, 'at least 27' or 27-34.")
        low = int(match["low"]) + (1 if (match["least"] or "").lower() in ("more than", "over") else 0)
        high = int(match["high"]) if match["high"] else (None if match["least"] else low)
        value = None if match["least"] or match["high"] else low
        return f"{low}-{'' if high is None else high}", count_label(value, low, high)
    if kind == "date":
        try:
            day = dt.date.fromisoformat(entry.value)
        except ValueError as exc:
            raise UsageError(f"{where}: {entry.value!r} is not a date. Write it as YYYY-MM-DD.") from exc
        return f"{day.isoformat()}/{day.isoformat()}", day.isoformat()
    raise UsageError(f"{where}: unknown attribute {entry.attribute!r}. Use perpetrator, counts.<kind>, date or place.")

