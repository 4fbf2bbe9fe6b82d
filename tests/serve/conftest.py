"""The app over real ledgers: the example corpus, and one hostile report whose every field carries a payload.

Both ledgers are built once per session through the CLI; browser tests share one Chromium.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli import app as cli

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
# Each payload, if it ever ran, would call alert() (caught by a dialog handler) or set window.__xss.
HOSTILE = """---
title: "<script>alert('title')</script> Market <img src=x onerror=\\"window.__xss='title'\\"> blast"
source: "<img src=x onerror=alert('outlet')>Evil Wire"
url: "javascript:alert('url')"
date: 2025-03-04
---
HALVIK - A bomb exploded in the Halvik market on Monday, killing 12 people, police said. <script>window.__xss='text'</script>

Witnesses saw <img src=x onerror="window.__xss='img'"> smoke over the stalls, the <b onmouseover=alert('b')>police</b> said.

Read more at <a href="javascript:alert('link')">javascript:alert('link')</a> and javascript:window.__xss='bare'.
"""


def _build(paths: list[Path], db: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", *map(str, paths), "--db", str(db), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, example_corpus) -> Path:
    return _build([example_corpus], tmp_path_factory.mktemp("example") / "example.duckdb")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return _build([folder / "hostile.txt"], folder / "hostile.duckdb")


@pytest.fixture
def db_copy(tmp_path, example_db) -> Path:
    """A private copy of the example ledger, for tests that change the file."""
    return Path(shutil.copy(example_db, tmp_path / "copy.duckdb"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path) -> Iterator[str]:
    import uvicorn

    from crosswire.serve import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="session")
def example_url(example_db) -> Iterator[str]:
    yield from _serve(example_db)


@pytest.fixture(scope="session")
def hostile_url(hostile_db) -> Iterator[str]:
    yield from _serve(hostile_db)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CROSSWIRE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing and CROSSWIRE_REQUIRE_BROWSER=1: apt-get install -y chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page that records dialogs (alert ...), console errors and CSP violations."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def ran_nothing(self) -> bool:
        return not self.dialogs and self.page.evaluate("typeof window.__xss") == "undefined"


@pytest.fixture
def page(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page())
    context.close()
