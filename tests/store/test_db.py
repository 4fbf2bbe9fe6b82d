import duckdb
import pytest

from crosswire.errors import StoreError
from crosswire.records import Document, Removed, Skipped
from crosswire.store import SCHEMA_VERSION, Store


def document(doc_id="d1"):
    return Document(id=doc_id, path="a.txt", format="txt", text="Body.", raw_text="Menu\nBody.", original="Menu\nBody.",
                    removed=(Removed(start=0, end=4, text="Menu", reason="navigation"),), title="<b>T</b>")


def test_documents_round_trip_with_their_removed_furniture(tmp_path):
    with Store.open(tmp_path / "l.duckdb") as store:
        store.add_document(document(), [1, 2, 3])
        store.add_path("a.txt", "d1", duplicate=False)
        [back] = store.documents()
    assert back == document()


def test_schema_version_is_recorded_and_checked(tmp_path):
    path = tmp_path / "l.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as store:
        assert store._version() == SCHEMA_VERSION
    connection = duckdb.connect(str(path))
    connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(StoreError, match="schema version 999"):
        Store.open(path)


def test_reading_a_missing_ledger_says_how_to_build_one(tmp_path):
    with pytest.raises(StoreError, match="crosswire build"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


def test_sql_like_text_is_stored_as_a_plain_value(tmp_path):
    with Store.open(tmp_path / "l.duckdb") as store:
        store.add_skipped(Skipped(path="x'); DROP TABLE documents; --", reason="binary"))
        assert store.skipped()[0].path.startswith("x');")
        assert store.documents() == []


def test_a_failed_transaction_leaves_nothing_behind(tmp_path):
    with Store.open(tmp_path / "l.duckdb") as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_document(document(), [1])
                raise RuntimeError("killed")
        assert store.documents() == []


def test_documents_are_read_by_id_and_without_their_texts_when_asked(tmp_path):
    with Store.open(tmp_path / "l.duckdb") as store:
        store.add_documents([(document("d1"), [1]), (document("d2"), [2])])
        [back] = store.documents(["d2"])
        [bare] = store.documents(["d1"], texts=False)
        assert store.documents([]) == []
    assert back == document("d2")
    assert (bare.id, bare.text, bare.removed, bare.title) == ("d1", "", (), "<b>T</b>")


def test_extracting_a_document_again_replaces_its_mentions(tmp_path):
    from crosswire.records import EntityMention, Extraction

    entity = EntityMention(start=0, end=4, text="Body", label="ORG", sentence=0, key="org:body")
    with Store.open(tmp_path / "l.duckdb") as store:
        store.add_document(document(), [1])
        store.add_extraction(Extraction(document="d1", entities=(entity,)))
        store.add_extraction(Extraction(document="d1", entities=(entity,)))
        assert store.entity_mentions(["d1"]) == [("org:body", "Body", "ORG")]


def test_a_step_that_outgrows_the_store_memory_is_undone_with_how_to_raise_it(tmp_path):
    with Store.open(tmp_path / "l.duckdb", memory_limit="64MB") as store:
        with pytest.raises(StoreError, match=r"more than the 64MB it may use.*store_memory"):
            with store.transaction():
                store.add_document(document(), [1, 2, 3])
                raise duckdb.OutOfMemoryException("failed to allocate data of size 16.0 MiB")
        assert store.documents() == []


def test_the_store_memory_setting_caps_duckdb(tmp_path):
    with Store.open(tmp_path / "l.duckdb", memory_limit="64MB") as store:
        [(limit,)] = store.connection.execute("SELECT current_setting('memory_limit')").fetchall()
    assert limit == "61.0 MiB"  # DuckDB reads MB as 10^6 bytes and shows MiB
