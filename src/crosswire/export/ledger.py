"""Assemble the `Ledger` record from the store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crosswire.records import Ledger, LedgerDocument
from crosswire.store import SCHEMA_VERSION, Store


def ledger_from_store(store: Store) -> Ledger:
    return Ledger(
        schema_version=SCHEMA_VERSION,
        generated_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        documents=tuple(
            LedgerDocument(
                id=d.id, source=d.source, title=d.title, published=d.published, url=d.url, path=d.path,
                text=d.text, removed=d.removed,
            )
            for d in store.documents()
        ),
        entities=tuple(store.entities()),
        events=tuple(store.events()),
        conflicts=tuple(store.conflicts()),
        skipped=tuple(store.skipped()),
        versions=tuple(store.versions()),
    )


def ledger_schema() -> dict[str, Any]:
    """The JSON Schema of the export, generated from the records (docs/ledger.schema.json)."""
    schema = Ledger.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "crosswire-ledger.schema.json"
    return schema
