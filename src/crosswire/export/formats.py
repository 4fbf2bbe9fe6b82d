"""Write a ledger as JSON or as a CSV with one row per event."""

from __future__ import annotations

import csv
from pathlib import Path

from crosswire.records import Ledger

CSV_COLUMNS = [
    "id", "type", "mode", "summary", "date_start", "date_end", "date_precision", "date_text", "location",
    "country", "participants", "counts", "independent_sources", "status", "documents", "sources",
]
# A spreadsheet runs a cell that starts with one of these as a formula; article text must never do that.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_json(ledger: Ledger, out: Path) -> None:
    out.write_text(ledger.model_dump_json(indent=2), encoding="utf-8")


def write_csv(ledger: Ledger, out: Path) -> None:
    sources = {d.id: d.source or d.path for d in ledger.documents}
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for e in ledger.events:
            documents = list(dict.fromkeys(m.document for m in e.mentions))
            row = {
                "id": e.id, "type": e.type, "mode": e.mode or "", "summary": e.summary,
                "date_start": e.date.start if e.date else "", "date_end": e.date.end if e.date else "",
                "date_precision": e.date.precision if e.date else "", "date_text": e.date.text if e.date else "",
                "location": e.location.name if e.location else "",
                "country": (e.location.country or "") if e.location else "",
                "participants": "; ".join(f"{p.role}: {p.name}" for p in e.participants),
                "counts": "; ".join(
                    f"{c.kind}={c.value if c.value is not None else f'{c.low}-{c.high}'} ({sources[c.document]})"
                    for c in e.counts
                ),
                "independent_sources": e.independent_sources, "status": e.status,
                "documents": " ".join(documents), "sources": "; ".join(dict.fromkeys(sources[d] for d in documents)),
            }
            writer.writerow({column: _inert(value) for column, value in row.items()})


def _inert(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV injection advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
