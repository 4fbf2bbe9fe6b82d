"""Competing versions end to end: build, export, `crosswire versions`, on the example corpus and the seeds."""

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.export import ledger_schema

runner = CliRunner()
ANALYST = Path(__file__).resolve().parents[2] / "examples" / "analyst-evidence.yml"


def build(tmp_path_factory, corpus, *extra):
    db = tmp_path_factory.mktemp("versions") / "ledger.duckdb"
    result = runner.invoke(app, ["build", str(corpus), "--db", str(db), *extra])
    assert result.exit_code == 0, result.output
    out = db.with_suffix(".json")
    assert runner.invoke(app, ["export", "--db", str(db), "-o", str(out)]).exit_code == 0
    return db, json.loads(out.read_text())


def perpetrator(ledger, words):
    events = {e["id"]: e for e in ledger["events"]}
    found = [
        v for v in ledger["versions"]
        if v["attribute"] == "perpetrator" and words in (events[v["event"]]["location"] or {}).get("name", "")
    ]
    assert found, [v["event"] for v in ledger["versions"]]
    return max(found, key=lambda v: len(v["values"]))


def value(version, name):
    return next(v for v in version["values"] if v["value"] == name)


def evidence(version, name):
    """The pieces of evidence with a cell in a version's column, each with its cell there."""
    rows = {e["id"]: e for e in version["evidence"]}
    return [rows[c["evidence"]] | {"cell": c["cell"]} for c in value(version, name)["cells"]]


@pytest.fixture(scope="module")
def examples(tmp_path_factory, example_corpus):
    return build(tmp_path_factory, example_corpus, "--evidence", str(ANALYST))


def test_the_export_with_versions_matches_its_schema(examples):
    jsonschema.validate(examples[1], ledger_schema())


def test_halvik_claim_counts_the_claimant_once_and_marks_its_stake(examples):
    version = perpetrator(examples[1], "Halvik")
    front = value(version, "Northern Front")
    # "Northern Front", "NF" and "Northern Front for Liberation" are one holder: its claim is one piece
    # however many reports relay it, and its denial is another, both marked as the party's own stake.
    claims = [e for e in evidence(version, "Northern Front") if e["holder"] == "Northern Front" and e["stance"] == "asserts"]
    assert len(claims) == 1 and claims[0]["stake"] and len(claims[0]["documents"]) >= 2
    denials = [e for e in evidence(version, "Northern Front") if e["holder"] == "Northern Front" and e["stance"] == "denies"]
    assert len(denials) == 1 and denials[0]["stake"]
    assert front["inconsistent"] == 1  # its own denial in file 06 (examples/README.md: "contested by the denial")


def test_halvik_wire_copy_counts_once(examples):
    front = evidence(perpetrator(examples[1], "Halvik"), "Northern Front")
    copies = [e for e in front if e["holder_kind"] == "outlet" and len(e["documents"]) == 2]
    assert copies and "one wire copy" in copies[0]["independence"]


def test_drovany_denial_is_in_its_place_with_its_stake(examples):
    drovany = evidence(perpetrator(examples[1], "Halvik"), "Drovany")
    denials = [e for e in drovany if e["stance"] == "denies"]
    assert denials and denials[0]["cell"] == "inconsistent" and "own part" in denials[0]["stake"]
    assert any(e["holder_kind"] == "analyst" and e["stance"] == "doubts" for e in drovany)


def test_versions_command_prints_the_matrix_and_its_rule(examples):
    result = runner.invoke(app, ["versions", "--db", str(examples[0]), "--event", "Halvik", "--attribute", "perpetrator"])
    assert result.exit_code == 0, result.output
    assert "Northern Front" in result.output and "Rule:" in result.output and "Reading:" in result.output


def test_versions_command_json_is_the_export_versions(examples):
    result = runner.invoke(app, ["versions", "--db", str(examples[0]), "--json"])
    assert json.loads(result.output) == examples[1]["versions"]


def test_a_missing_evidence_file_fails_with_what_to_do(tmp_path, example_corpus):
    result = runner.invoke(app, ["build", str(example_corpus), "--db", str(tmp_path / "x.duckdb"),
                                 "--evidence", str(tmp_path / "none.yml")])
    assert result.exit_code == 2 and "no such evidence file" in result.output


@pytest.fixture(scope="module")
def seeds_ledger(tmp_path_factory, seeds):
    return build(tmp_path_factory, seeds)[1]


def test_crocus_shows_the_islamic_state_and_the_ukraine_versions(seeds_ledger):
    version = perpetrator(seeds_ledger, "Crocus")
    names = {v["value"] for v in version["values"]}
    khorasan = next(e["name"] for e in seeds_ledger["entities"] if "Islamic State-Khorasan" in [e["name"], *e["aliases"]])
    assert {"Islamic State", khorasan, "Ukraine"} <= names
    assert value(version, khorasan)["related"] == "affiliate of Islamic State"
    islamic_state = value(version, "Islamic State")
    assert islamic_state["consistent"] >= 3 and islamic_state["inconsistent"] == 0


def test_crocus_ukraine_denial_is_inconsistent_and_marked_with_its_stake(seeds_ledger):
    version = perpetrator(seeds_ledger, "Crocus")
    own = [e for e in evidence(version, "Ukraine") if e["holder"] == "Ukraine"]
    assert own and own[0]["stance"] == "denies" and own[0]["cell"] == "inconsistent" and own[0]["stake"]
    accusers = [e for e in evidence(version, "Ukraine") if e["stance"] == "asserts"]
    assert accusers and all("Putin" in e["holder"] for e in accusers)
    assert value(version, "Ukraine")["consistent"] == 1  # one accuser, however many reports relay him


def quotes_off_their_offsets(ledger):
    texts = {d["id"]: d["text"] for d in ledger["documents"]}
    quotes = [q for v in ledger["versions"] for e in v["evidence"] for q in e["quotes"]]
    return quotes, [q for q in quotes if texts[q["document"]][q["start"]:q["end"]] != q["text"]]


def test_every_example_quote_is_at_its_offsets(examples):
    quotes, wrong = quotes_off_their_offsets(examples[1])
    assert quotes and wrong == []


def test_every_seeds_quote_is_at_its_offsets(seeds_ledger):
    quotes, wrong = quotes_off_their_offsets(seeds_ledger)
    assert quotes and wrong == []
