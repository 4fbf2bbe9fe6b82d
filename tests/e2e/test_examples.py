"""The CLI end to end on the bundled example corpus, into a real DuckDB file."""

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.export import ledger_schema

runner = CliRunner()
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "ledger.schema.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory, example_corpus):
    db = tmp_path_factory.mktemp("ledger") / "example.duckdb"
    result = runner.invoke(app, ["build", str(example_corpus), "--db", str(db), "--json"])
    return db, result


@pytest.fixture(scope="module")
def ledger(built, tmp_path_factory):
    db, _ = built
    out = tmp_path_factory.mktemp("export") / "ledger.json"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())


def test_build_reads_every_example_file_without_skipping(built):
    _, result = built
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["added"] == 8 and summary["skipped"] == 0


def test_rebuild_is_idempotent(built, example_corpus):
    db, _ = built
    result = runner.invoke(app, ["build", str(example_corpus), "--db", str(db), "--json"])
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["unchanged"]) == (0, 8)


def test_export_validates_against_the_published_schema(ledger):
    schema = json.loads(SCHEMA_FILE.read_text())
    jsonschema.validate(ledger, schema)


def test_published_schema_matches_the_records():
    assert json.loads(SCHEMA_FILE.read_text()) == ledger_schema(), "run: crosswire schema > docs/ledger.schema.json"


def test_offsets_point_into_the_stored_text(ledger):
    texts = {d["id"]: d["text"] for d in ledger["documents"]}
    for event in ledger["events"]:
        for mention in event["mentions"]:
            assert texts[mention["document"]][mention["start"] : mention["end"]] == mention["trigger"]
        for count in event["counts"]:
            assert texts[count["document"]][count["start"] : count["end"]] == count["text"]


def test_disputed_toll_is_recorded_as_a_conflict(ledger):
    killed = [c for c in ledger["conflicts"] if c["field"] == "counts.killed"]
    assert killed, "the example corpus disputes the death toll"
    values = {v["value"] for c in killed for v in c["values"]}
    assert len(values) >= 2


def test_wire_copies_share_one_origin(ledger):
    docs = {d["id"]: d for d in ledger["documents"]}
    for event in ledger["events"]:
        outlets = {docs[m["document"]]["source"] for m in event["mentions"]}
        if {"Meridian Daily", "Coastline Times"} <= outlets and len(outlets) == 2:
            assert event["independent_sources"] == 1


def test_furniture_of_the_html_page_is_kept_out_of_the_text(ledger):
    html_docs = [d for d in ledger["documents"] if d["path"].endswith(".html")]
    assert html_docs and html_docs[0]["removed"]
    assert "Subscribe" not in html_docs[0]["text"]


def test_report_is_written_and_escapes_nothing_executable(built, tmp_path):
    db, _ = built
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "Content-Security-Policy" in html and "timeline" in html.lower()


def test_timeline_json_lists_dated_events_in_order(built):
    db, _ = built
    result = runner.invoke(app, ["timeline", "--db", str(db), "--json"])
    events = json.loads(result.stdout)
    starts = [e["date"]["start"] for e in events if e["date"]]
    assert starts == sorted(starts)


def test_missing_path_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2


def test_bad_file_is_skipped_and_the_exit_code_says_so(tmp_path, example_corpus):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text((example_corpus / "07-borderland-review-explainer.txt").read_text())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["build", str(folder), "--db", str(tmp_path / "b.duckdb"), "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["skipped"] == 1 and summary["added"] == 1
