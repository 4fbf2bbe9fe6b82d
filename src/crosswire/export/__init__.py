"""Exports of the ledger: the JSON contract (docs/ledger.schema.json) and a flat CSV of events."""

from crosswire.export.ledger import ledger_from_store, ledger_schema
from crosswire.export.formats import write_csv, write_json

__all__ = ["ledger_from_store", "ledger_schema", "write_csv", "write_json"]
