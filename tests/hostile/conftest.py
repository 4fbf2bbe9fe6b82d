"""Ledgers for the hostile web-app tests: the example corpus, and reports whose every field is an attack.

Built once per session through the CLI into tmp dirs. The web-app tests skip, saying why, when
crosswire.serve (the `serve` extra) cannot be imported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli import app as cli

# One report per payload family; the outlet of the last is a SQL-like string that a filter must match as text.
SQL_OUTLET = "O'Brien \"Wire\"; DROP TABLE events; --"
REPORTS = {
    "script.txt": (
        "<script>alert('title')</script> Market blast <img src=x onerror=alert('title')>",
        "<img src=x onerror=alert('outlet')>Evil Wire", "javascript:alert('url')", "2025-03-03",
        "HALVIK - A bomb exploded in the Halvik market on Monday, killing 12 people, police said. "
        "<script>alert('text')</script>\n\nWitnesses saw <svg onload=alert('svg')> smoke over the stalls, "
        "the <b onmouseover=alert('b')>police</b> said.",
    ),
    "breakout.txt": (
        "\"><iframe src=javascript:alert('frame')></iframe></title></textarea></style></script>",
        "</a><a href=javascript:alert('outlet2')>Wire</a>", "JaVaScRiPt:alert('url2')", "2025-03-05",
        "HALVIK - Police arrested five suspects in Halvik on Wednesday, officials said. </script><script>alert(1)</script>"
        "\n\nRead more at <a href=\"javascript:alert('link')\">javascript:alert('link')</a> {{ 7*7 }} ${7*7}.",
    ),
    "sql.txt": (
        "' OR '1'='1' -- Protest in Halvik", SQL_OUTLET, "https://example.org/?q=' OR 1=1 --", "2025-03-06",
        "HALVIK - Hundreds protested in Halvik on Thursday against the bombing, organisers said. "
        "'; DELETE FROM documents; --",
    ),
}


def _front_matter(title: str, source: str, url: str, day: str, text: str) -> str:
    return f"---\ntitle: {_quoted(title)}\nsource: {_quoted(source)}\nurl: {_quoted(url)}\ndate: {day}\n---\n{text}\n"


def _quoted(value: str) -> str:
    """A YAML double-quoted string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _build(paths: list[Path], db: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", *map(str, paths), "--db", str(db), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def serve_module():
    return pytest.importorskip("crosswire.serve", reason="crosswire.serve is not importable (install the serve extra)")


@pytest.fixture(scope="session")
def hostile_ledger(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-reports")
    for name, fields in REPORTS.items():
        (folder / name).write_text(_front_matter(*fields), encoding="utf-8")
    return _build([folder], folder.parent / "hostile.duckdb")


@pytest.fixture(scope="session")
def example_ledger(tmp_path_factory, example_corpus) -> Path:
    return _build([example_corpus], tmp_path_factory.mktemp("example") / "example.duckdb")


@pytest.fixture(scope="session")
def hostile_client(serve_module, hostile_ledger):
    from fastapi.testclient import TestClient

    with TestClient(serve_module.create_app(hostile_ledger)) as client:
        yield client


@pytest.fixture(scope="session")
def example_client(serve_module, example_ledger):
    from fastapi.testclient import TestClient

    with TestClient(serve_module.create_app(example_ledger)) as client:
        yield client
