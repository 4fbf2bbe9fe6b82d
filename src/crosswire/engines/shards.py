"""A batch's extractions as one Parquet shard: what a Dask worker sends back and the build loads.

Parquet (pyarrow) rather than pickles: a columnar file any tool can open, compressed for the trip
across the network, and no Python objects unpickled from a remote machine.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.records import Extraction

SCHEMA = pa.schema([("document", pa.string()), ("record", pa.string())])


def to_shard(extractions: list[Extraction]) -> bytes:
    """The extractions as Parquet bytes: one row per document, the record as its JSON."""
    table = pa.table(
        {"document": [e.document for e in extractions], "record": [e.model_dump_json() for e in extractions]},
        schema=SCHEMA,
    )
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def read_shard(path: Path) -> list[Extraction]:
    """The extractions of a shard file, validated against the record, in the order they were written."""
    table = pq.read_table(path, schema=SCHEMA)
    return [Extraction.model_validate_json(record) for record in table.column("record").to_pylist()]
