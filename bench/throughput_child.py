"""One measured `crosswire build` for bench/throughput.py: prints seconds, link seconds and peak memory as JSON.

A process of its own, so that its peak resident memory (and its workers') is the build's alone.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from crosswire.pipeline import build
from crosswire.settings import Settings
from crosswire.store import Store


def main(corpus: str, db: str, workers: str) -> None:
    settings = Settings(db=db, workers=int(workers))
    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        marks.setdefault(stage, time.perf_counter())

    began = time.perf_counter()
    with Store.open(db) as store:
        report = build([Path(corpus)], store, settings, progress=progress)
    ended = time.perf_counter()
    print(json.dumps({
        "seconds": ended - began,
        "link_seconds": ended - marks["link"],
        "added": report.added,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:])
