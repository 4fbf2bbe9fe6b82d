"""The embedded DuckDB store that holds documents, extractions and the linked ledger."""

from crosswire.store.db import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
