"""The CSV export keeps article-borne formulas inert: no cell a spreadsheet would run."""

import csv
from typing import Any

from crosswire.export.formats import FORMULA_STARTS, write_csv
from crosswire.records import Ledger
from tests.report.conftest import build_ledger

from .payloads import TEXT_FIELDS

FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1")


def test_formula_payloads_in_every_text_field_are_written_as_text(tmp_path):
    for formula in FORMULAS:
        out = tmp_path / "ledger.csv"
        write_csv(_every_text_field(build_ledger(), formula), out)
        rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
        cells = [cell for row in rows for cell in row.values()]
        assert any(cell == "'" + formula for cell in cells), formula  # the payload reached the CSV...
        assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)], formula  # ...and none runs


def test_plain_cells_are_written_unchanged(tmp_path):
    out = tmp_path / "ledger.csv"
    ledger = build_ledger()
    write_csv(ledger, out)
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert {row["summary"] for row in rows} == {e.summary for e in ledger.events}


def _every_text_field(ledger: Ledger, value: str) -> Ledger:
    def swap(node: Any, key: str | None = None) -> Any:
        if isinstance(node, dict):
            return {k: swap(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [swap(v, key) for v in node]
        return value if key in TEXT_FIELDS and isinstance(node, str) else node

    return Ledger.model_validate(swap(ledger.model_dump(mode="json")))
