"""The DuckDB ledger store: one file, a documented schema, every write a bound parameter."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

from crosswire.errors import StoreError
from crosswire.extract.names import fold
from crosswire.records import (
    Claim, Conflict, Document, Entity, Event, EventMention, Extraction, Removed, Skipped, Version,
)

# Columns written by `_insert` where a table has more (defaults, or filled later).
_COLUMNS = {
    "documents": ("id", "path", "format", "title", "source", "published", "url", "text", "raw_text", "original",
                  "metadata_from", "signature"),
    "event_mentions": ("id", "document", "sentence", "start_offset", "end_offset", "trigger", "type", "mode",
                       "modality", "speaker", "via", "date_value", "date_earliest", "date_latest", "location", "record"),
}

# DuckDB keeps what it reads cached up to a share of the machine's memory; a cap (the `store_memory` setting) keeps a build's memory
# flat however big the ledger grows (reads beyond it come from the file again, big sorts spill to disk).
MEMORY_LIMIT = "512MB"
SCHEMA_VERSION = 4  # 2: claims, versions and analyst_evidence tables; 3: incremental link (keys, bands, blocks);
# 4: report_claims (what each report says, kept), versions with each piece of evidence once, loose-place and
# loose-participant event blocks


def _in(column: str) -> str:
    """A WHERE clause picking rows whose `column` is in a bound list of ids.

    Not through rowids (`rowid IN (SELECT rowid ...)`): DuckDB 2.0 crashed the process (a segfault)
    fetching rows by rowid under its memory cap once 1,000 reports were linked into a 10,000-report
    ledger, while this plain filter runs the same link in the same time (30 s).
    """
    return f" WHERE {column} IN (SELECT unnest(?::VARCHAR[]))"


class Store:
    """A ledger file. Open it with `Store.open(path)`; read-only opens let a server share it."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path, memory_limit: str = MEMORY_LIMIT):
        self.connection = connection
        self.path = path
        self.memory_limit = memory_limit

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, memory_limit: str = MEMORY_LIMIT) -> "Store":
        """Open (or create) the ledger at `path`; `memory_limit` is DuckDB's cap (the `store_memory` setting)."""
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no ledger here. Build one first: crosswire build PATH --db {path}")
        try:
            connection = duckdb.connect(str(path), read_only=read_only, config={"memory_limit": memory_limit})
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{path}: another crosswire process is writing this ledger. Wait for it to finish, "
                    "or use another --db file."
                ) from exc
            raise StoreError(f"{path}: cannot open the ledger ({exc}).") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{path}: not a crosswire ledger ({exc}). Pass another --db file.") from exc
        store = cls(connection, path, memory_limit)
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
                f"{self.path}: ledger schema version {found}, this crosswire writes {SCHEMA_VERSION} "
                "(version 4 keeps what each report says about its events and writes each version's evidence once). "
                "Rebuild it into a new --db file from the same reports: crosswire build PATH --db NEW.duckdb"
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
        except duckdb.OutOfMemoryException as exc:
            self.connection.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: the ledger's store needed more than the {self.memory_limit} it may use, so this step "
                "was undone (what earlier steps committed is kept). Raise `store_memory` in crosswire.toml or "
                "CROSSWIRE_STORE_MEMORY (for example to 2GB) and run the same command again."
            ) from exc
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
            names = f"{table} ({', '.join(_COLUMNS[table])})" if table in _COLUMNS else table
            self.connection.execute(f"INSERT INTO {names} SELECT * FROM (SELECT {unnested})", columns)

    def _delete_in(self, table: str, column: str, values: Iterable[str]) -> None:
        values = list(values)
        if values:
            self.connection.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [values])

    def _rows_in(self, sql: str, values: Iterable[str], *params) -> list[tuple]:
        """Rows of `sql`, whose first `?` is bound to a list of ids (`IN (SELECT unnest(?))`)."""
        values = list(values)
        return self.connection.execute(sql, [values, *params]).fetchall() if values else []

    # --- ingest ------------------------------------------------------------------------

    def known_paths(self, paths: Iterable[str]) -> dict[str, str]:
        """The stored document of each path already read; one query for a batch, not one a file."""
        return dict(self._rows_in("SELECT path, document FROM paths WHERE path IN (SELECT unnest(?::VARCHAR[]))", paths))

    def stored_documents(self, ids: Iterable[str]) -> set[str]:
        """Which of `ids` the store holds."""
        return {row[0] for row in self._rows_in("SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", ids)}

    def add_document(self, document: Document, signature: list[int]) -> None:
        self.add_documents([(document, signature)])

    def add_documents(self, documents: list[tuple[Document, list[int]]]) -> None:
        """Store documents with their MinHash signatures, a few statements for the whole batch."""
        self._insert("documents", [
            [d.id, d.path, d.format, d.title, d.source, d.published, d.url, d.text, d.raw_text, d.original,
             json.dumps(d.metadata_from), signature]
            for d, signature in documents
        ])
        self._insert("removed", [[d.id, r.start, r.end, r.text, r.reason] for d, _ in documents for r in d.removed])

    def add_paths(self, paths: list[tuple[str, str]]) -> None:
        """Record first reads: (path, document), none of them a duplicate."""
        self._delete_in("paths", "path", [p for p, _ in paths])
        self._delete_in("skipped", "path", [p for p, _ in paths])
        self._insert("paths", [[p, d, False] for p, d in paths])

    def add_path(self, path: str, document_id: str, *, duplicate: bool) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO paths VALUES (?, ?, ?)", [path, document_id, duplicate]
        )
        self.connection.execute("DELETE FROM skipped WHERE path = ?", [path])

    def add_skipped(self, skipped: Skipped) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO skipped (path, reason) VALUES (?, ?)", [skipped.path, skipped.reason]
        )

    def documents(self, ids: Iterable[str] | None = None, *, texts: bool = True) -> list[Document]:
        """Documents by publication date, then id: all of them, or those of `ids`.

        Without `texts` the texts and removed furniture are left empty: linking needs the dates and
        sources of many reports but the words of only a few.
        """
        columns = "text, raw_text, original" if texts else "'', '', ''"
        sql = (f"SELECT id, path, format, title, source, published, url, {columns}, metadata_from FROM documents"
               "{where} ORDER BY published NULLS LAST, id")
        if ids is None:
            rows = self.connection.execute(sql.format(where="")).fetchall()
        else:
            rows = self._rows_in(sql.format(where=_in("id")), ids)
        removed: dict[str, list[Removed]] = {}
        removed_sql = "SELECT document, start_offset, end_offset, text, reason FROM removed{where} ORDER BY document, start_offset"
        if not texts:
            found = []
        elif ids is None:
            found = self.connection.execute(removed_sql.format(where="")).fetchall()
        else:
            found = self._rows_in(removed_sql.format(where=_in("document")), ids)
        for doc_id, start, end, text, reason in found:
            removed.setdefault(doc_id, []).append(Removed(start=start, end=end, text=text, reason=reason))
        return [
            Document(
                id=r[0], path=r[1], format=r[2], title=r[3], source=r[4], published=r[5], url=r[6],
                text=r[7], raw_text=r[8], original=r[9], metadata_from=json.loads(r[10] or "{}"),
                removed=tuple(removed.get(r[0], ())),
            )
            for r in rows
        ]

    def signatures(self, ids: Iterable[str]) -> dict[str, list[int]]:
        return dict(self._rows_in(f"SELECT id, signature FROM documents{_in('id')}", ids))

    def skipped(self) -> list[Skipped]:
        rows = self.connection.execute("SELECT path, reason FROM skipped ORDER BY path").fetchall()
        return [Skipped(path=p, reason=r) for p, r in rows]

    # --- extract -----------------------------------------------------------------------

    def add_extraction(self, extraction: Extraction) -> None:
        self.add_extractions([extraction])

    def add_extractions(self, extractions: list[Extraction]) -> None:
        """Store extractions (replacing earlier ones of the same documents), a few statements for the batch."""
        # Delete, then plain INSERT: DuckDB's INSERT OR REPLACE costs ~10 ms a row in executemany, the
        # store's slowest write (bench/throughput.py). Only documents extracted before have rows to delete.
        again = [r[0] for r in self._rows_in(
            f"SELECT document FROM extractions{_in('document')}", [x.document for x in extractions]
        )]
        for table in ("extractions", "entity_mentions", "event_mentions"):
            self._delete_in(table, "document", again)
        self._insert("extractions", [[x.document, x.model_dump_json()] for x in extractions])
        self._insert("entity_mentions", [
            [x.document, e.start, e.end, e.text, e.label, e.sentence, e.key] for x in extractions for e in x.entities
        ])
        self._insert("event_mentions", [
            [
                m.id, x.document, m.sentence, m.start, m.end, m.trigger, m.type, m.mode, m.modality,
                m.attribution.speaker, m.attribution.via, m.date.value if m.date else None,
                m.date.earliest if m.date else None, m.date.latest if m.date else None, m.location,
                m.model_dump_json(),
            ]
            for x in extractions for m in x.events
        ])

    def extractions(self, documents: Iterable[str] | None = None) -> list[Extraction]:
        """Extractions by document id: all of them, or those of `documents`."""
        if documents is None:
            rows = self.connection.execute("SELECT record FROM extractions ORDER BY document").fetchall()
        else:
            rows = self._rows_in(
                f"SELECT record FROM extractions{_in('document')} ORDER BY document", documents
            )
        return [Extraction.model_validate_json(r[0]) for r in rows]

    def sentences_and_entities(self, documents: Iterable[str]) -> list[Extraction]:
        """Extractions of `documents` with only their sentences and entity mentions, times and events left empty.

        What reading a report's claims needs: validating the whole records (their event mentions above
        all) cost the link about twice as much, for every report linked.
        """
        rows = self._rows_in(
            "SELECT json_object('document', document, 'sentences', json_extract(record, '$.sentences'),"
            f" 'entities', json_extract(record, '$.entities')) FROM extractions{_in('document')} ORDER BY document",
            documents,
        )
        return [Extraction.model_validate_json(r[0]) for r in rows]

    # --- link --------------------------------------------------------------------------
    # Linking reads only what new reports touch: each reader takes the ids it needs.

    def unlinked_documents(self) -> list[str]:
        """Documents not linked yet (they have no origin), in the order they were stored.

        Linking goes in that order, so reports added in several builds are linked as one build would.
        """
        rows = self.connection.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT document FROM origins) ORDER BY arrival, id"
        ).fetchall()
        return [r[0] for r in rows]

    def event_mentions(
        self, *, unlinked: bool = False, events: Iterable[str] | None = None, documents: Iterable[str] | None = None
    ) -> list[tuple[EventMention, str | None]]:
        """Event mentions with the event each was linked to (None until linked): all, the unlinked ones,
        those of some events or those of some documents."""
        sql = "SELECT record, event FROM event_mentions{where} ORDER BY document, start_offset"
        if events is not None:
            rows = self._rows_in(sql.format(where=_in("event")), events)
        elif documents is not None:
            rows = self._rows_in(sql.format(where=_in("document")), documents)
        else:
            where = " WHERE event IS NULL" if unlinked else ""
            rows = self.connection.execute(sql.format(where=where)).fetchall()
        return [(EventMention.model_validate_json(r[0]), r[1]) for r in rows]

    def assign_events(self, assignments: dict[str, str]) -> None:
        if assignments:  # one UPDATE joined to the new links, not one statement a mention
            self.connection.execute(
                "UPDATE event_mentions SET event = linked.event FROM"
                " (SELECT unnest(?::VARCHAR[]) AS mention, unnest(?::VARCHAR[]) AS event) AS linked"
                " WHERE event_mentions.id = linked.mention",
                [list(assignments), list(assignments.values())],
            )

    def events_of_documents(self, documents: Iterable[str], *, anchored: bool = False) -> set[str]:
        """The events the documents mention; with `anchored`, only those with an event-anchored date."""
        condition = " AND json_extract_string(record, '$.date.anchor_offset') IS NOT NULL" if anchored else ""
        return {r[0] for r in self._rows_in(
            f"SELECT DISTINCT event FROM event_mentions{_in('document')}"
            f" AND event IS NOT NULL{condition}", documents,
        )}

    def documents_of_events(self, events: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows_in(
            f"SELECT DISTINCT document FROM event_mentions{_in('event')}", events
        )}

    # entities

    def entity_mentions(self, documents: Iterable[str]) -> list[tuple[str, str, str]]:
        """(key, text, label) of every entity mention of the documents."""
        return self._rows_in(
            "SELECT key, text, label FROM entity_mentions WHERE document IN (SELECT unnest(?::VARCHAR[]))", documents
        )

    def documents_naming(self, keys: Iterable[str]) -> set[str]:
        """Documents with an entity mention of one of the alias keys."""
        return {r[0] for r in self._rows_in(
            "SELECT DISTINCT document FROM entity_mentions WHERE key IN (SELECT unnest(?::VARCHAR[]))", keys
        )}

    def add_entity_surfaces(self, rows: list[tuple[str, str, str, int]]) -> None:
        self._insert("entity_surfaces", [list(r) for r in rows])

    def entity_surfaces(self, keys: Iterable[str]) -> list[tuple[str, str, str, int]]:
        """(key, name, label, mentions) of the keys, summed over every report."""
        return self._rows_in(
            "SELECT key, name, label, sum(mentions)::INTEGER FROM entity_surfaces"
            " WHERE key IN (SELECT unnest(?::VARCHAR[])) GROUP BY key, name, label", keys,
        )

    def entity_keys(self, keys: Iterable[str]) -> dict[str, str]:
        """Alias key -> entity id, for the keys that have one."""
        return dict(self._rows_in(
            "SELECT key, entity FROM entity_keys WHERE key IN (SELECT unnest(?::VARCHAR[]))", keys
        ))

    def keys_of_entities(self, entities: Iterable[str]) -> dict[str, str]:
        return dict(self._rows_in(
            "SELECT key, entity FROM entity_keys WHERE entity IN (SELECT unnest(?::VARCHAR[]))", entities
        ))

    def keys_named(self, names: Iterable[str]) -> dict[str, str]:
        """Folded name -> entity id of the first key (in key order) with that name, any kind."""
        return dict(self._rows_in(
            "SELECT name, arg_min(entity, key) FROM entity_keys WHERE name IN (SELECT unnest(?::VARCHAR[])) GROUP BY name",
            names,
        ))

    def keys_with_names(self, names: Iterable[str], prefixes: Iterable[str]) -> list[str]:
        """Keys of any kind whose folded name is one of `names`, and organisation keys whose name starts with a prefix."""
        names, prefixes = list(names), list(prefixes)
        if not names and not prefixes:
            return []
        return [r[0] for r in self.connection.execute(
            "SELECT key FROM entity_keys WHERE name IN (SELECT unnest(?::VARCHAR[]))"
            " OR (starts_with(key, 'org:') AND EXISTS (SELECT 1 FROM unnest(?::VARCHAR[]) AS p(prefix)"
            " WHERE starts_with(name, p.prefix)))",
            [names, prefixes],
        ).fetchall()]

    def keys_starting(self, prefixes: Iterable[str], min_length: int) -> list[str]:
        """Keys beginning with one of the prefixes ("kind:first letter") whose name is at least this long."""
        prefixes = list(prefixes)
        if not prefixes:
            return []
        return [r[0] for r in self.connection.execute(
            "SELECT key FROM entity_keys WHERE length(name) >= ? AND"
            " substr(key, 1, strpos(key, ':') + 1) IN (SELECT unnest(?::VARCHAR[]))",
            [min_length, prefixes],
        ).fetchall()]

    def person_keys_with_surname(self, surnames: Iterable[str]) -> list[str]:
        """Person keys whose last word is one of the surnames (the lone surname's own key included)."""
        return [r[0] for r in self._rows_in(
            "SELECT key FROM entity_keys WHERE starts_with(key, 'person:')"
            " AND string_split_regex(trim(name), '\\s+')[-1] IN (SELECT unnest(?::VARCHAR[]))", surnames,
        )]

    def replace_entities(self, entities: Iterable[tuple[Entity, bool]], keys: dict[str, str], *, drop: Iterable[str] = ()) -> None:
        """Write entities (each with whether it names an outlet) and their keys, replacing those they regroup."""
        entities = list(entities)
        self._delete_in("entities", "id", [e.id for e, _ in entities] + list(drop))
        self._delete_in("entity_keys", "key", keys)
        self._insert("entities", [[e.id, e.type, fold(e.name), outlet, e.model_dump_json()] for e, outlet in entities])
        self._insert("entity_keys", [[k, e, k.split(":", 1)[-1]] for k, e in keys.items()])

    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        if ids is None:
            rows = self.connection.execute("SELECT record FROM entities ORDER BY id").fetchall()
        else:
            rows = self._rows_in(f"SELECT record FROM entities{_in('id')} ORDER BY id", ids)
        return [Entity.model_validate_json(r[0]) for r in rows]

    def outlets(self, ids: Iterable[str]) -> set[str]:
        """Those of the entity ids that name news outlets."""
        return {r[0] for r in self._rows_in(
            "SELECT id FROM entities WHERE outlet AND id IN (SELECT unnest(?::VARCHAR[]))", ids
        )}

    def places_starting(self, stems: Iterable[str]) -> list[tuple[str, str, str]]:
        """(stem, entity id, name) of the countries and cities (GPE) whose folded name begins with a stem."""
        return self._rows_in(
            "SELECT s.stem, e.id, json_extract_string(e.record, '$.name') FROM entities e,"
            " (SELECT unnest(?::VARCHAR[]) AS stem) s WHERE e.type = 'GPE' AND starts_with(e.folded, s.stem)", stems,
        )

    # origins

    def origins(self, documents: Iterable[str]) -> dict[str, str]:
        return dict(self._rows_in(
            "SELECT document, origin FROM origins WHERE document IN (SELECT unnest(?::VARCHAR[]))", documents
        ))

    def copies_of(self, origins: Iterable[str]) -> dict[str, str]:
        """Every document whose origin is one of these, with its origin."""
        return dict(self._rows_in(
            "SELECT document, origin FROM origins WHERE origin IN (SELECT unnest(?::VARCHAR[]))", origins
        ))

    def set_origins(self, origins: dict[str, str]) -> None:
        self._delete_in("origins", "document", origins)
        self._insert("origins", [list(kv) for kv in origins.items()])

    def add_copy_bands(self, rows: list[tuple[int, int, str]]) -> None:
        self._insert("copy_bands", [list(r) for r in rows])

    def sharing_bands(self, documents: Iterable[str]) -> list[tuple[str, str]]:
        """(document, other document) for each pair that shares a copy band, the first one of `documents`.

        A pair of two of `documents` comes once, the lesser id first: a corpus that retells a few stories
        has hundreds of thousands of such pairs, and fetching each twice cost more than the join.
        """
        documents = list(documents)
        if not documents:
            return []
        return self.connection.execute(
            "WITH new AS (SELECT unnest(?::VARCHAR[]) AS document)"
            " SELECT DISTINCT n.document, o.document FROM"
            " (SELECT * FROM copy_bands WHERE document IN (SELECT document FROM new)) n"
            " JOIN copy_bands o ON n.band = o.band AND n.bucket = o.bucket AND n.document <> o.document"
            " WHERE n.document < o.document OR o.document NOT IN (SELECT document FROM new)",
            [documents],
        ).fetchall()

    def document_dates(self, ids: Iterable[str]) -> dict[str, str | None]:
        return dict(self._rows_in(f"SELECT id, published FROM documents{_in('id')}", ids))

    # events

    def event_features(self, events: Iterable[str]) -> dict[str, str]:
        """Event id -> the JSON of its features (see link/events.py)."""
        return dict(self._rows_in(
            f"SELECT event, features FROM event_features{_in('event')}", events
        ))

    def events_in_blocks(self, blocks: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows_in(
            "SELECT DISTINCT event FROM event_blocks WHERE block IN (SELECT unnest(?::VARCHAR[]))", blocks
        )}

    def put_event_features(self, features: dict[str, tuple[str, Iterable[str]]]) -> None:
        """Write each event's features and blocks, replacing the ones stored."""
        self._delete_in("event_features", "event", features)
        self._delete_in("event_blocks", "event", features)
        self._insert("event_features", [[event, record] for event, (record, _) in features.items()])
        self._insert("event_blocks", [[block, event] for event, (_, blocks) in features.items() for block in blocks])

    def put_events(
        self, events: Iterable[Event], conflicts: Iterable[Conflict], *, base_dates: dict[str, str | None] | None = None,
        drop: Iterable[str] = (),
    ) -> None:
        """Write consolidated events (and their conflicts), replacing earlier versions of them.

        `base_dates` holds each event's date before event-anchored dates were resolved (JSON).
        """
        events = list(events)
        ids = [e.id for e in events] + list(drop)
        self._delete_in("events", "id", ids)
        self._delete_in("conflicts", "event", ids)
        self._insert(
            "events",
            [
                [e.id, e.type, e.date.start if e.date else None, e.date.end if e.date else None, e.status,
                 e.model_dump_json(), (base_dates or {}).get(e.id), e.location.entity if e.location else None]
                for e in events
            ],
        )
        self._insert("conflicts", [[c.event, c.field, c.model_dump_json()] for c in conflicts])

    def events(self, ids: Iterable[str] | None = None) -> list[Event]:
        sql = "SELECT record FROM events{where} ORDER BY date_start NULLS LAST, type, id"
        if ids is None:
            rows = self.connection.execute(sql.format(where="")).fetchall()
        else:
            rows = self._rows_in(sql.format(where=_in("id")), ids)
        return [Event.model_validate_json(r[0]) for r in rows]

    def base_dates(self, events: Iterable[str]) -> dict[str, str | None]:
        return dict(self._rows_in(f"SELECT id, base_date FROM events{_in('id')}", events))

    def event_places(self, events: Iterable[str]) -> dict[str, str]:
        """Event id -> the entity of its place, for the events that have one."""
        return dict(self._rows_in(
            "SELECT id, place FROM events WHERE place IS NOT NULL AND id IN (SELECT unnest(?::VARCHAR[]))", events
        ))

    def event_records(self, events: Iterable[str]) -> dict[str, tuple[str, list[str]]]:
        """Each event's stored JSON record with its conflicts' (sorted): what a relink compares against."""
        conflicts: dict[str, list[str]] = {}
        for event, record in self._rows_in(
            f"SELECT event, record FROM conflicts{_in('event')}", events
        ):
            conflicts.setdefault(event, []).append(record)
        rows = self._rows_in(f"SELECT id, record FROM events{_in('id')}", events)
        return {ev_id: (record, sorted(conflicts.get(ev_id, []))) for ev_id, record in rows}

    def conflicts(self) -> list[Conflict]:
        rows = self.connection.execute("SELECT record FROM conflicts ORDER BY event, field").fetchall()
        return [Conflict.model_validate_json(r[0]) for r in rows]

    # --- claims and versions -------------------------------------------------------------

    def replace_versions(
        self, claims: Iterable[Claim], versions: Iterable[Version], *, events: Iterable[str] | None = None
    ) -> None:
        """Write the claims and versions of some events (all events without `events`), replacing theirs."""
        claims, versions = list(claims), list(versions)
        if events is None:
            self.connection.execute("DELETE FROM claims")
            self.connection.execute("DELETE FROM versions")
        else:
            events = list(events)
            self._delete_in("claims", "event", events)
            self._delete_in("versions", "event", events)
        self._insert("claims", [[c.event, c.attribute, c.value, c.stance, c.document, c.model_dump_json()] for c in claims])
        position: dict[str, int] = {}
        rows = []
        for v in versions:  # in the order given: an event's versions, perpetrator first
            position[v.event] = position.get(v.event, -1) + 1
            rows.append([position[v.event], v.event, v.attribute, v.model_dump_json()])
        self._insert("versions", rows)

    def replace_report_claims(self, documents: Iterable[str], rows: list[tuple[str, int, str, str, str]]) -> None:
        """Write what some reports say (document, position, event, kind, JSON record), replacing what they said."""
        self._delete_in("report_claims", "document", documents)
        self._insert("report_claims", [list(r) for r in rows])

    def report_claims(self, events: Iterable[str]) -> list[tuple[str, str]]:
        """(kind, JSON record) of what every report says about the events, by report, in reading order."""
        return self._rows_in(
            f"SELECT kind, record FROM report_claims{_in('event')} ORDER BY document, position", events
        )

    def events_with_analyst_claims(self) -> set[str]:
        rows = self.connection.execute(
            "SELECT DISTINCT event FROM claims WHERE starts_with(json_extract_string(record, '$.origin'), 'analyst:')"
        ).fetchall()
        return {r[0] for r in rows}

    def events_claiming(self, entities: Iterable[str]) -> set[str]:
        """Events with a claim whose value is one of the entities."""
        return {r[0] for r in self._rows_in(
            "SELECT DISTINCT event FROM claims WHERE value IN (SELECT unnest(?::VARCHAR[]))", entities
        )}

    def claims(self) -> list[Claim]:
        rows = self.connection.execute("SELECT record FROM claims ORDER BY event, attribute, document").fetchall()
        return [Claim.model_validate_json(r[0]) for r in rows]

    def versions(self) -> list[Version]:
        rows = self.connection.execute("SELECT record FROM versions ORDER BY event, position").fetchall()
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
