"""Build a ledger and read it back for comparison: the export without its generation time."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.export import ledger_from_store
from crosswire.store import Store


def build(corpus: Path, db: Path, *options: str) -> dict:
    """Run `crosswire build` in this process and return its JSON summary."""
    result = CliRunner().invoke(app, ["build", str(corpus), "--db", str(db), "--json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def exported(db: Path) -> dict:
    with Store.open(db, read_only=True) as store:
        ledger = ledger_from_store(store).model_dump(mode="json")
    ledger.pop("generated_at")
    return ledger
