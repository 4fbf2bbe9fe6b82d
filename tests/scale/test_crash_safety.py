"""A build killed with SIGKILL at random points and rerun gives the ledger of an uninterrupted build.

CI kills a few times; run the long loop by hand with
`CROSSWIRE_KILLS=20 .venv/bin/python -m pytest tests/scale/test_crash_safety.py -q -s`.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from bench.corpus import write_folder
from crosswire.store import Store
from tests.scale.ledgers import exported

KILLS = int(os.environ.get("CROSSWIRE_KILLS", "2"))
KILLS_PER_ROUND = 2
DOCUMENTS = 16
# Small batches: many commits, so a random kill lands between, inside and after them.
BUILD_ENV = {"CROSSWIRE_BATCH_SIZE": "2", "CROSSWIRE_WORKERS": "2"}
CROSSWIRE = [sys.executable, "-c", "from crosswire.cli import main; main()"]


def _start(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*CROSSWIRE, "build", str(corpus), "--db", str(db), "--json"],
        env=os.environ | BUILD_ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "reports"
    write_folder(folder, DOCUMENTS, seed=7)
    # a repeat of a report under another name: its path must be stored with the original, never alone
    (folder / "zz-repeat.txt").write_text((folder / "0000003.txt").read_text())
    return folder


def _whole_build(corpus: Path, db: Path) -> tuple[dict, float]:
    """The ledger of an uninterrupted build, and how long it took."""
    began = time.monotonic()
    build = _start(corpus, db)
    _, err = build.communicate(timeout=600)
    assert build.returncode == 0, err
    return exported(db), time.monotonic() - began


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> tuple[dict, float]:
    return _whole_build(corpus, tmp_path_factory.mktemp("whole") / "ledger.duckdb")


def _check_consistent(db: Path) -> None:
    """After any kill: every stored document has its path and extraction, every path its document."""
    with Store.open(db) as store:
        sql = store.connection.execute
        assert sql("SELECT count(*) FROM documents WHERE id NOT IN (SELECT document FROM extractions)").fetchone()[0] == 0
        assert sql("SELECT count(*) FROM documents WHERE id NOT IN (SELECT document FROM paths)").fetchone()[0] == 0
        assert sql("SELECT count(*) FROM paths WHERE document NOT IN (SELECT id FROM documents)").fetchone()[0] == 0


def _kill_at_random(corpus: Path, db: Path, seconds: float, rng: random.Random) -> int | None:
    """Start a build, SIGKILL it at a random moment; returns the documents it left stored."""
    build = _start(corpus, db)
    time.sleep(rng.uniform(0.5, seconds))
    workers = psutil.Process(build.pid).children(recursive=True)
    build.send_signal(signal.SIGKILL)
    build.wait()
    _, still = psutil.wait_procs(workers, timeout=10)
    assert not still, "pool workers outlived the killed build"
    if not db.exists():
        return None
    _check_consistent(db)
    with Store.open(db, read_only=True) as store:
        return len(store.documents())


def test_killed_builds_resume_to_the_uninterrupted_ledger(corpus, uninterrupted, tmp_path):
    expected, seconds = uninterrupted
    rng = random.Random(os.environ.get("CROSSWIRE_KILL_SEED"))
    stored: list[list[int | None]] = []
    # Two kills a round (one in a fresh build, one in its resumption), then a rerun to the end.
    for round_ in range(max(1, KILLS // KILLS_PER_ROUND)):
        db = tmp_path / f"killed-{round_}.duckdb"
        stored.append([_kill_at_random(corpus, db, seconds, rng) for _ in range(KILLS_PER_ROUND)])
        final = _start(corpus, db)
        _, err = final.communicate(timeout=600)
        assert final.returncode == 0, err
        if round_:
            # Later rounds against a fresh uninterrupted build: giving the same ledger twice is part of the claim.
            expected, _ = _whole_build(corpus, tmp_path / f"whole-{round_}.duckdb")
        assert exported(db) == expected, f"round {round_}: documents stored at each kill {stored[-1]}"
    print(f"\n{sum(map(len, stored))} kills; documents stored (of {DOCUMENTS}) when killed, by round: {stored}")


# The second build, its imports done before the first starts, waits for a go file: its start-up (seconds)
# would otherwise race the first build's whole run on the small corpus.
WAITING_BUILD = """
import sys, time, pathlib
import crosswire.pipeline
from crosswire.cli import main
pathlib.Path(sys.argv.pop(1) + ".ready").touch()
go = pathlib.Path(sys.argv[1 + sys.argv.index("--db")] + ".go")
while not go.exists():
    time.sleep(0.01)
main()
"""


def test_a_second_build_on_the_same_store_refuses_and_corrupts_nothing(corpus, uninterrupted, tmp_path):
    expected, _ = uninterrupted
    db = tmp_path / "shared.duckdb"
    signals = tmp_path / "second"
    second = subprocess.Popen(
        [sys.executable, "-c", WAITING_BUILD, str(signals), "build", str(corpus), "--db", str(db), "--json"],
        env=os.environ | BUILD_ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    while not Path(f"{signals}.ready").exists():
        assert second.poll() is None, second.communicate()[1]
        time.sleep(0.05)
    first = _start(corpus, db)
    while not db.exists():
        assert first.poll() is None, first.communicate()[1]
        time.sleep(0.05)
    Path(f"{db}.go").touch()
    _, err = second.communicate(timeout=600)
    assert first.poll() is None, "the first build ended before the second tried: make the corpus larger"
    assert second.returncode == 2
    assert "another crosswire process is writing this ledger" in " ".join(err.split())
    _, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert exported(db) == expected
