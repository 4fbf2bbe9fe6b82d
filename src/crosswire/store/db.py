"""The DuckDB ledger store: one file, a documented schema, every write a bound parameter."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

from crosswire.errors import StoreError
from crosswire.records import (
    Claim, Conflict, Document, Entity, Event, EventMention, Extraction, Removed, Skipped, Version,
)

SCHEMA_VERSION = 2  # 2: claims, versions and analyst_evidence tables


class Store:
    """A ledger file. Open it with `Store.open(path)`; read-only opens let a server share it."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path):
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> "Store":
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no ledger here. Build one first: crosswire build PATH --db {path}")
        try:
            connection = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{path}: another crosswire process is writing this ledger. Wait for it to finish, "
                    "or use another --db file."
                ) from exc
            raise StoreError(f"{path}: cannot open the ledger ({exc}).") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{path}: not a crosswire ledger ({exc}). Pass another --db file.") from exc
        store = cls(connection, path)
        if read_only:
            store._check_version()
        else:
            store._migrate()
        return store

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        found = self._version()
        if found is not None and found != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: ledger schema version {found}, this crosswire writes {SCHEMA_VERSION}. "
                "Rebuild it into a new --db file."
            )
        schema = (resources.files("crosswire.store") / "schema.sql").read_text(encoding="utf-8")
        self.connection.execute(schema)
        self.connection.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )

    def _check_version(self) -> None:
        found = self._version()
        if found != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: ledger schema version {found}, expected {SCHEMA_VERSION}. Rebuild it with this crosswire."
            )

    def _version(self) -> int | None:
        try:
            row = self.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return None
        return int(row[0]) if row else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a build killed inside one leaves the ledger as it was before it."""
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _many(self, sql: str, rows: list) -> None:
        if rows:  # DuckDB refuses an empty executemany
            self.connection.executemany(sql, rows)

    def _insert(self, table: str, rows: list[list]) -> None:
        """Many rows in one statement, one list parameter a column: executemany costs a statement a row."""
        if rows:
            columns = [list(column) for column in zip(*rows)]
            unnested = ", ".join("unnest(?)" for _ in columns)
            self.connection.execute(f"INSERT INTO {table} SELECT * FROM (SELECT {unnested})", columns)

    def _delete_in(self, table: str, column: str, values: list[str]) -> None:
        if values:
            self.connection.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [values])

    # --- ingest ------------------------------------------------------------------------

    def known_path(self, path: str) -> str | None:
        row = self.connection.execute("SELECT document FROM paths WHERE path = ?", [path]).fetchone()
        return row[0] if row else None

    def has_document(self, document_id: str) -> bool:
        return self.connection.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is not None

    def add_document(self, document: Document, signature: list[int]) -> None:
        self.connection.execute(
            "INSERT INTO documents (id, path, format, title, source, published, url, text, raw_text, original,"
            " metadata_from, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                document.id, document.path, document.format, document.title, document.source,
                document.published, document.url, document.text, document.raw_text, document.original,
                json.dumps(document.metadata_from), signature,
            ],
        )
        self._many(
            "INSERT INTO removed VALUES (?, ?, ?, ?, ?)",
            [[document.id, r.start, r.end, r.text, r.reason] for r in document.removed],
        )

    def add_path(self, path: str, document_id: str, *, duplicate: bool) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO paths VALUES (?, ?, ?)", [path, document_id, duplicate]
        )
        self.connection.execute("DELETE FROM skipped WHERE path = ?", [path])

    def add_skipped(self, skipped: Skipped) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO skipped (path, reason) VALUES (?, ?)", [skipped.path, skipped.reason]
        )

    def documents(self) -> list[Document]:
        rows = self.connection.execute(
            "SELECT id, path, format, title, source, published, url, text, raw_text, original, metadata_from"
            " FROM documents ORDER BY published NULLS LAST, id"
        ).fetchall()
        removed: dict[str, list[Removed]] = {}
        for doc_id, start, end, text, reason in self.connection.execute(
            "SELECT document, start_offset, end_offset, text, reason FROM removed ORDER BY document, start_offset"
        ).fetchall():
            removed.setdefault(doc_id, []).append(Removed(start=start, end=end, text=text, reason=reason))
        return [
            Document(
                id=r[0], path=r[1], format=r[2], title=r[3], source=r[4], published=r[5], url=r[6],
                text=r[7], raw_text=r[8], original=r[9], metadata_from=json.loads(r[10] or "{}"),
                removed=tuple(removed.get(r[0], ())),
            )
            for r in rows
        ]

    def signatures(self) -> dict[str, list[int]]:
        return dict(self.connection.execute("SELECT id, signature FROM documents").fetchall())

    def skipped(self) -> list[Skipped]:
        rows = self.connection.execute("SELECT path, reason FROM skipped ORDER BY path").fetchall()
        return [Skipped(path=p, reason=r) for p, r in rows]

    # --- extract -----------------------------------------------------------------------

    def add_extraction(self, extraction: Extraction) -> None:
        doc_id = extraction.document
        self.connection.execute(
            "INSERT OR REPLACE INTO extractions VALUES (?, ?)", [doc_id, extraction.model_dump_json()]
        )
        self._many(
            "INSERT INTO entity_mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
            [[doc_id, e.start, e.end, e.text, e.label, e.sentence, e.key] for e in extraction.entities],
        )
        # Delete, then plain INSERT: DuckDB's INSERT OR REPLACE costs ~10 ms a row in executemany, the
        # store's slowest write (bench/throughput.py); mention ids are per document, so this is the same.
        self.connection.execute("DELETE FROM event_mentions WHERE document = ?", [doc_id])
        self._many(
            "INSERT INTO event_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            [
                [
                    m.id, doc_id, m.sentence, m.start, m.end, m.trigger, m.type, m.mode, m.modality,
                    m.attribution.speaker, m.attribution.via, m.date.value if m.date else None,
                    m.date.earliest if m.date else None, m.date.latest if m.date else None, m.location,
                    m.model_dump_json(),
                ]
                for m in extraction.events
            ],
        )

    def extractions(self) -> list[Extraction]:
        rows = self.connection.execute("SELECT record FROM extractions ORDER BY document").fetchall()
        return [Extraction.model_validate_json(r[0]) for r in rows]

    # --- link --------------------------------------------------------------------------

    def event_mentions(self) -> list[tuple[EventMention, str | None]]:
        """Every event mention with the event it was linked to (None until linked)."""
        rows = self.connection.execute(
            "SELECT record, event FROM event_mentions ORDER BY document, start_offset"
        ).fetchall()
        return [(EventMention.model_validate_json(r[0]), r[1]) for r in rows]

    def assign_events(self, assignments: dict[str, str]) -> None:
        if assignments:  # one UPDATE joined to the new links, not one statement a mention
            self.connection.execute(
                "UPDATE event_mentions SET event = linked.event FROM"
                " (SELECT unnest(?::VARCHAR[]) AS mention, unnest(?::VARCHAR[]) AS event) AS linked"
                " WHERE event_mentions.id = linked.mention",
                [list(assignments), list(assignments.values())],
            )

    def replace_entities(self, entities: Iterable[Entity], keys: dict[str, str]) -> None:
        self.connection.execute("DELETE FROM entities")
        self.connection.execute("DELETE FROM entity_keys")
        self._insert("entities", [[e.id, e.model_dump_json()] for e in entities])
        self._insert("entity_keys", [list(kv) for kv in keys.items()])

    def entities(self) -> list[Entity]:
        rows = self.connection.execute("SELECT record FROM entities ORDER BY id").fetchall()
        return [Entity.model_validate_json(r[0]) for r in rows]

    def replace_origins(self, origins: dict[str, str]) -> None:
        self.connection.execute("DELETE FROM origins")
        self._insert("origins", [list(kv) for kv in origins.items()])

    def put_events(self, events: Iterable[Event], conflicts: Iterable[Conflict], *, drop: Iterable[str] = ()) -> None:
        """Write consolidated events (and their conflicts), replacing earlier versions of them."""
        events = list(events)
        ids = [e.id for e in events] + list(drop)
        self._delete_in("events", "id", ids)
        self._delete_in("conflicts", "event", ids)
        self._insert(
            "events",
            [
                [e.id, e.type, e.date.start if e.date else None, e.date.end if e.date else None, e.status,
                 e.model_dump_json()]
                for e in events
            ],
        )
        self._insert("conflicts", [[c.event, c.field, c.model_dump_json()] for c in conflicts])

    def events(self) -> list[Event]:
        rows = self.connection.execute(
            "SELECT record FROM events ORDER BY date_start NULLS LAST, type, id"
        ).fetchall()
        return [Event.model_validate_json(r[0]) for r in rows]

    def event_records(self) -> dict[str, tuple[str, list[str]]]:
        """Each stored event's JSON record with its conflicts' (sorted): what a relink compares against."""
        conflicts: dict[str, list[str]] = {}
        for event, record in self.connection.execute("SELECT event, record FROM conflicts").fetchall():
            conflicts.setdefault(event, []).append(record)
        rows = self.connection.execute("SELECT id, record FROM events").fetchall()
        return {ev_id: (record, sorted(conflicts.get(ev_id, []))) for ev_id, record in rows}

    def conflicts(self) -> list[Conflict]:
        rows = self.connection.execute("SELECT record FROM conflicts ORDER BY event, field").fetchall()
        return [Conflict.model_validate_json(r[0]) for r in rows]

    # --- claims and versions -------------------------------------------------------------

    def replace_versions(self, claims: Iterable[Claim], versions: Iterable[Version]) -> None:
        """Claims and versions are derived from the whole ledger; they are rewritten only when they changed."""
        claims, versions = list(claims), list(versions)
        claim_rows = [[c.event, c.attribute, c.value, c.stance, c.document, c.model_dump_json()] for c in claims]
        version_rows = [[i, v.event, v.attribute, v.model_dump_json()] for i, v in enumerate(versions)]
        new_claims: dict[str, list[list]] = {}
        for row in claim_rows:
            new_claims.setdefault(row[0], []).append(row)
        # Compared by digests of the records (which hold every column), so the stored claims are not all read.
        stored = dict(self.connection.execute(
            "SELECT event, list_sort(list(md5(CAST(record AS VARCHAR)))) FROM claims GROUP BY event"
        ).fetchall())
        changed = [
            event for event in new_claims.keys() | stored.keys()
            if sorted(hashlib.md5(row[-1].encode()).hexdigest() for row in new_claims.get(event, []))
            != stored.get(event, [])
        ]
        self._delete_in("claims", "event", changed)
        self._insert("claims", [row for event in changed for row in new_claims.get(event, [])])
        if [tuple(row) for row in version_rows] != self.connection.execute(
            "SELECT * FROM versions ORDER BY position"
        ).fetchall():
            self.connection.execute("DELETE FROM versions")
            self._insert("versions", version_rows)

    def claims(self) -> list[Claim]:
        rows = self.connection.execute("SELECT record FROM claims ORDER BY event, attribute, document").fetchall()
        return [Claim.model_validate_json(r[0]) for r in rows]

    def versions(self) -> list[Version]:
        rows = self.connection.execute("SELECT record FROM versions ORDER BY position").fetchall()
        return [Version.model_validate_json(r[0]) for r in rows]

    def replace_analyst_evidence(self, path: str, entries: list[dict]) -> None:
        self.connection.execute("DELETE FROM analyst_evidence WHERE path = ?", [path])
        self._many(
            "INSERT INTO analyst_evidence VALUES (?, ?, ?)",
            [[path, i, json.dumps(entry)] for i, entry in enumerate(entries)],
        )

    def analyst_evidence(self) -> list[tuple[str, int, dict]]:
        """(file, entry number, entry) of every piece of evidence an analyst added."""
        rows = self.connection.execute("SELECT path, entry, record FROM analyst_evidence ORDER BY path, entry").fetchall()
        return [(path, entry, json.loads(record)) for path, entry, record in rows]
