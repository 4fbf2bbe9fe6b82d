"""The two real seed reports (../shared/seeds): the facts a reader checks first."""

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, seeds):
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    assert runner.invoke(app, ["build", str(seeds), "--db", str(db)]).exit_code == 0
    out = db.with_suffix(".json")
    assert runner.invoke(app, ["export", "--db", str(db), "-o", str(out)]).exit_code == 0
    return json.loads(out.read_text())


def _event_at(ledger, place):
    found = [e for e in ledger["events"] if e["type"] == "ASSAULT" and e["location"] and place in e["location"]["name"]]
    assert len(found) == 1, [e["summary"] for e in found]
    return found[0]


def test_crocus_attack_is_one_event_from_both_reports_dated_march_22(ledger):
    event = _event_at(ledger, "Crocus")
    assert len({m["document"] for m in event["mentions"]}) == 2
    assert (event["date"]["start"], event["date"]["end"]) == ("2024-03-22", "2024-03-22")
    assert event["independent_sources"] == 2


def test_crocus_toll_keeps_its_attribution(ledger):
    event = _event_at(ledger, "Crocus")
    killed = [c for c in event["counts"] if c["kind"] == "killed"]
    assert [(c["value"], c["speaker"]) for c in killed] == [(143, "the latest Russian data")]


def test_kerman_bombing_carries_both_tolls_and_a_conflict(ledger):
    event = _event_at(ledger, "Kerman")
    assert event["date"]["start"] == "2024-01-03"
    tolls = {(c["value"], c["approximate"]) for c in event["counts"] if c["kind"] == "killed"}
    assert tolls == {(100, True), (95, False)}
    assert event["status"] == "contested"
    tolls = [c for c in ledger["conflicts"] if c["event"] == event["id"] and c["field"] == "counts.killed"]
    assert [c["kind"] for c in tolls] == ["conflict"]  # two origins at about the same time: not a revision


def test_one_group_under_many_spellings_is_one_entity(ledger):
    aliases = {a for e in ledger["entities"] for a in [e["name"], *e["aliases"]] if "Khorasan" in a or "-K" in a}
    owners = {e["id"] for e in ledger["entities"] if {e["name"], *e["aliases"]} & aliases}
    spellings = {"ISIS-K", "ISIL-K", "ISIS-Khorasan", "Islamic State-Khorasan", "ISIS-X"}  # ISIS-X: machine-translated
    assert len(owners) == 1
    assert spellings <= {a for e in ledger["entities"] if e["id"] in owners for a in [e["name"], *e["aliases"]]}


def test_sidebar_of_other_stories_is_not_in_the_article(ledger):
    for document in ledger["documents"]:
        assert "News archive" not in document["text"]
        assert "Ingush activists" not in document["text"]
