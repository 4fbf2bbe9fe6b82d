"""Every quoted value in a built ledger is the text at its offsets in its document (example corpus and seeds)."""

import json

from typer.testing import CliRunner

from crosswire.cli import app

runner = CliRunner()


def _ledger(corpus, tmp_path):
    db = tmp_path / "ledger.duckdb"
    out = tmp_path / "ledger.json"
    assert runner.invoke(app, ["build", str(corpus), "--db", str(db)]).exit_code in (0, 1)
    assert runner.invoke(app, ["export", "--db", str(db), "-o", str(out)]).exit_code == 0
    return json.loads(out.read_text())


def _misplaced(ledger):
    texts = {d["id"]: d["text"] for d in ledger["documents"]}
    wrong, checked = [], 0
    for event in ledger["events"]:
        for mention in event["mentions"]:
            text = texts[mention["document"]]
            checked += 1
            if text[mention["start"] : mention["end"]] != mention["trigger"]:
                wrong.append(("trigger", mention["trigger"], text[mention["start"] : mention["end"]]))
            sentence = text.find(mention["text"])
            if not (0 <= sentence <= mention["start"] and mention["end"] <= sentence + len(mention["text"])):
                wrong.append(("sentence", mention["trigger"], mention["text"][:60]))
        for count in event["counts"]:
            checked += 1
            quoted = texts[count["document"]][count["start"] : count["end"]]
            if quoted != count["text"]:
                wrong.append(("count", count["text"], quoted))
    return wrong, checked


def test_every_example_ledger_value_is_at_its_offsets(example_corpus, tmp_path):
    wrong, checked = _misplaced(_ledger(example_corpus, tmp_path))
    assert checked > 10 and wrong == []


def test_every_seeds_ledger_value_is_at_its_offsets(seeds, tmp_path):
    wrong, checked = _misplaced(_ledger(seeds, tmp_path))
    assert checked > 10 and wrong == []
