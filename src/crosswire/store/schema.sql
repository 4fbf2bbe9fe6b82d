-- crosswire ledger store. docs/store.md explains each table; SCHEMA_VERSION in store/db.py matches.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- ingest + clean: one row per distinct article text; `text` is what every offset refers to.
-- `arrival` numbers documents in the order they were stored: linking takes new reports in that order.
CREATE SEQUENCE IF NOT EXISTS document_arrival;
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, format TEXT NOT NULL, title TEXT, source TEXT,
    published TEXT, url TEXT, text TEXT NOT NULL, raw_text TEXT NOT NULL, original TEXT NOT NULL,
    metadata_from JSON, signature UBIGINT[], ingested_at TIMESTAMP DEFAULT current_timestamp,
    arrival BIGINT DEFAULT nextval('document_arrival')
);
-- every path read, and which document it gave (a copy of known content points at the first one).
CREATE TABLE IF NOT EXISTS paths (path TEXT PRIMARY KEY, document TEXT NOT NULL, duplicate BOOLEAN NOT NULL);
CREATE TABLE IF NOT EXISTS removed (
    document TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped (path TEXT PRIMARY KEY, reason TEXT NOT NULL, skipped_at TIMESTAMP DEFAULT current_timestamp);

-- extract: the whole Extraction record per document, plus queryable tables of its parts.
CREATE TABLE IF NOT EXISTS extractions (document TEXT PRIMARY KEY, record JSON NOT NULL);
CREATE TABLE IF NOT EXISTS entity_mentions (
    document TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text TEXT NOT NULL,
    label TEXT NOT NULL, sentence INTEGER NOT NULL, key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_mentions (
    id TEXT PRIMARY KEY, document TEXT NOT NULL, sentence INTEGER NOT NULL, start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL, trigger TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, modality TEXT NOT NULL,
    speaker TEXT, via TEXT, date_value TEXT, date_earliest TEXT, date_latest TEXT, location TEXT,
    record JSON NOT NULL, event TEXT
);

-- link: entities and events across documents. Linking is incremental: new reports are matched against
-- these tables (alias keys, copy bands, event blocks) instead of relinking the whole ledger.
-- `folded` is the name compared for nationalities; `outlet` marks an entity that names a news outlet.
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, folded TEXT NOT NULL, outlet BOOLEAN NOT NULL, record JSON NOT NULL
);
-- `name` is the key without its kind ("person:vladimir putin" -> "vladimir putin"): what speakers are matched by.
CREATE TABLE IF NOT EXISTS entity_keys (key TEXT PRIMARY KEY, entity TEXT NOT NULL, name TEXT NOT NULL);
-- every spelling and label of an alias key, counted per report: entity names are chosen from these.
CREATE TABLE IF NOT EXISTS entity_surfaces (key TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL, mentions INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS origins (document TEXT PRIMARY KEY, origin TEXT NOT NULL);
-- MinHash LSH bands of each linked report: a new report's copies are the reports sharing a band with it.
CREATE TABLE IF NOT EXISTS copy_bands (band INTEGER NOT NULL, bucket UBIGINT NOT NULL, document TEXT NOT NULL);
-- `base_date` is the date before event-anchored dates are resolved: what anchored dates count from.
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, date_start TEXT, date_end TEXT, status TEXT NOT NULL, record JSON NOT NULL,
    base_date JSON, place TEXT
);
-- what event coreference compares (dates, places, countries, participants) and the blocks a new mention
-- looks an event up by (type with a week, a place, a participant or a country).
CREATE TABLE IF NOT EXISTS event_features (event TEXT PRIMARY KEY, features JSON NOT NULL);
CREATE TABLE IF NOT EXISTS event_blocks (block TEXT NOT NULL, event TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conflicts (event TEXT NOT NULL, field TEXT NOT NULL, record JSON NOT NULL);

-- link: claims about events (who says who did it, what toll, date, place) and the competing versions they make.
CREATE TABLE IF NOT EXISTS claims (
    event TEXT NOT NULL, attribute TEXT NOT NULL, value TEXT NOT NULL, stance TEXT NOT NULL, document TEXT, record JSON NOT NULL
);
-- what each report says about its events, read once when it is linked (again only when its entities or copies
-- change): `kind` is 'claim' or 'statement' (link/claims.py: ReadClaim, Statement), `position` the reading order
-- in the report. A new report's events rebuild their versions from these rows, not from their reports' texts.
CREATE TABLE IF NOT EXISTS report_claims (
    document TEXT NOT NULL, position INTEGER NOT NULL, event TEXT NOT NULL, kind TEXT NOT NULL, record JSON NOT NULL
);
-- `position` orders an event's versions (perpetrator first).
CREATE TABLE IF NOT EXISTS versions (
    position INTEGER NOT NULL, event TEXT NOT NULL, attribute TEXT NOT NULL, record JSON NOT NULL
);
-- evidence an analyst added by hand (`crosswire build --evidence FILE`), kept per file: re-reading one replaces it.
CREATE TABLE IF NOT EXISTS analyst_evidence (path TEXT NOT NULL, entry INTEGER NOT NULL, record JSON NOT NULL);
