"""Who holds each fact in the two real seed reports (../shared/seeds), and how the report holds it."""

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, seeds):
    folder = tmp_path_factory.mktemp("seed-facts")
    db, out = folder / "seeds.duckdb", folder / "seeds.json"
    assert runner.invoke(app, ["build", str(seeds), "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", str(db), "-o", str(out)]).exit_code == 0
    return json.loads(out.read_text())


def _mentions(ledger, words):
    return [(e, m) for e in ledger["events"] for m in e["mentions"] if all(w in m["text"] for w in words)]


def test_seed_is_claim_is_a_claim_held_by_the_islamic_state(ledger):
    held = [m for e, m in _mentions(ledger, ["claimed responsibility"]) if e["type"] == "ASSAULT"]
    assert any(m["modality"] == "claimed" and "Islamic State" in (m["attribution"]["speaker"] or "")
               and m["attribution"]["speaker_kind"] == "organization" for m in held)


def test_seed_us_intelligence_assessment_is_held_by_unnamed_us_intelligence_and_the_nyts_sources(ledger):
    [(_, claim), *_] = [(e, m) for e, m in _mentions(ledger, ["US intelligence sources claim"]) if e["type"] == "ASSAULT"]
    assert (claim["modality"], claim["attribution"]["speaker_kind"]) == ("claimed", "unnamed")
    nyt = [m for e, m in _mentions(ledger, ["US officials gathered"]) if e["type"] == "ASSAULT"]
    assert any(m["attribution"]["speaker"] == "US officials" and m["attribution"]["via"] == "The New York Times"
               for m in nyt)


def test_seed_putins_window_story_is_marked_alleged(ledger):
    marked = _mentions(ledger, ["allegedly wanted to escape"])
    assert any(m["modality"] == "alleged" and "Putin" in m["attribution"]["speaker"] for _, m in marked)


def test_seed_ukraine_denial_is_a_denial_of_the_attack(ledger):
    denied = [m for e, m in _mentions(ledger, ["non-involvement"]) if e["type"] == "ASSAULT"]
    assert [m["modality"] for m in denied] == ["denied"] and denied[0]["attribution"]["speaker"] == "Ukraine"


def test_seed_irans_warning_comes_from_an_unnamed_source_via_the_publication(ledger):
    shared = _mentions(ledger, ["Tehran shared with Moscow"])
    assert shared and all(m["attribution"]["speaker_kind"] == "unnamed" and m["attribution"]["via"] == "the publication"
                          for _, m in shared)


def test_seed_arrests_keep_their_own_dates(ledger):
    arrests = {(e["date"]["start"], e["date"]["end"]): e for e in ledger["events"] if e["type"] == "COERCE" and e["date"]}
    january = arrests[("2024-01-01", "2024-01-31")]
    assert [(c["kind"], c["value"]) for c in january["counts"]] == [("arrested", 35)]
    assert ("2024-01-19", "2024-01-19") in arrests
