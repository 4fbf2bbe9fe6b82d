import json
from pathlib import Path

import pytest

from crosswire.eval.gvc import evaluate_gvc

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "gvc"

DOCS = [
    ("a1", "1", "2016-03-01", "Two men shot outside a Dayton bar; Dayton police seek the gunman."),
    ("a2", "1", "2016-03-02", "Dayton bar shooting leaves two men wounded, police say the gunman fled."),
    ("b1", "2", "2016-09-10", "Teenager killed in Tulsa drive-by shooting, Tulsa police said."),
    ("b2", "2", "2016-09-11", "Tulsa drive-by: teenager shot dead, police search for a car."),
]


def test_reports_group_into_incidents(tmp_path):
    lines = [json.dumps({"doc_id": d, "incident_id": i, "split": "dev", "title": "", "dct": day, "text": t})
             for d, i, day, t in DOCS]
    (tmp_path / "documents.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = evaluate_gvc(tmp_path, split="dev")
    assert result.documents == 4 and result.incidents_found == 2
    assert result.scores.conll == pytest.approx(1.0)


@pytest.mark.skipif(not (DATA / "documents.jsonl").exists(), reason="GVC data absent (../shared/data/gvc)")
def test_dev_incidents_keep_their_floor():
    # Measured 96.8 CoNLL F1 (document level) on dev; same-creation-date baseline 66.3.
    assert evaluate_gvc(DATA, split="dev").scores.conll * 100 >= 90
