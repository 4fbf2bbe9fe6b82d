"""The syndication test set built from the example corpus: altered copies count as one origin."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.eval.syndication import TRANSFORMS, make_copies, read_truth, score_origins

runner = CliRunner()
TRUTH = Path(__file__).resolve().parents[2] / "examples" / "syndication.json"


@pytest.fixture(scope="module")
def copies(tmp_path_factory, example_corpus):
    out = tmp_path_factory.mktemp("copies")
    return out, make_copies(example_corpus, out, seed=3)


def test_every_report_gets_each_kind_of_copy(copies):
    out, truth = copies
    originals = {v for v in truth.values()}
    assert len(originals) == 8  # seven files, one of them JSON Lines with two records
    assert len(truth) == len(originals) * (1 + len(TRANSFORMS))
    page = next(out.glob("*-furniture.html")).read_text()
    assert "<nav>" in page and "Most read" in page


def test_altered_copies_join_their_original_and_independent_reports_stay_apart(copies):
    out, truth = copies
    scores = score_origins(out, truth, read_truth(TRUTH))
    assert scores.merged == []  # precision: reports of one story by different outlets are not copies
    assert scores.missed == []  # recall: a brief cut to its first paragraphs included
    assert scores.found_origins == scores.true_origins == 7


def test_without_the_truth_file_the_corpus_copies_count_as_separate_origins(copies):
    out, truth = copies
    with_truth = score_origins(out, truth, read_truth(TRUTH))
    without = score_origins(out, truth, [])
    assert without.true_origins == with_truth.true_origins + 1
    assert without.precision < 1.0  # the wire copy in files 01 and 02 is found although the truth forgot it


def test_cli_prints_json(tmp_path):
    result = runner.invoke(app, ["eval", "syndication", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["precision"] == 1.0 and figures["true_origins"] == 7


def test_unreadable_truth_file_is_a_clear_error(tmp_path, example_corpus):
    bad = tmp_path / "truth.json"
    bad.write_text("[1, 2")
    result = runner.invoke(app, ["eval", "syndication", str(example_corpus), "--truth", str(bad)])
    assert result.exit_code == 2 and "cannot read the copy groups" in result.output


def test_copies_add_no_independent_source_to_the_ledger(tmp_path, example_corpus, copies):
    out, truth = copies
    corpus = tmp_path / "corpus"
    shutil.copytree(example_corpus, corpus)
    bombing_copies = [name for name, original in truth.items() if original.startswith("01-") and "original" not in name]
    for name in bombing_copies:
        shutil.copy(out / name, corpus / name)

    def halvik_sources(folder: Path, name: str) -> int:
        db = tmp_path / f"{name}.duckdb"
        assert runner.invoke(app, ["build", str(folder), "--db", str(db)]).exit_code == 0
        ledger = tmp_path / f"{name}.json"
        assert runner.invoke(app, ["export", "--db", str(db), "-o", str(ledger)]).exit_code == 0
        events = json.loads(ledger.read_text())["events"]
        bombing = max((e for e in events if e["type"] == "ASSAULT"), key=lambda e: len(e["mentions"]))
        return bombing["independent_sources"]

    assert halvik_sources(corpus, "with-copies") == halvik_sources(example_corpus, "originals")
