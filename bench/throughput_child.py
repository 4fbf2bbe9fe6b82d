"""One measured `crosswire build` for bench/throughput.py: prints seconds, CPU seconds, link seconds and peak memory as JSON.

A process of its own, so that its peak resident memory (and its workers') is the build's alone.
Workers fork from the pool's fork server, not from this process, so their peaks and CPU times are
read after each batch (the kernel's high-water mark from /proc, the CPU so far from psutil) rather
than from rusage, which counts only the children this process waited for.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import psutil

from crosswire.pipeline import build
from crosswire.settings import Settings
from crosswire.store import Store


def main(corpus: str, db: str, workers: str) -> None:
    settings = Settings(db=db, workers=int(workers))
    marks: dict[str, float] = {}
    worker_peak_kb = [resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]
    worker_cpu: dict[int, float] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        marks.setdefault(stage, time.perf_counter())
        if stage == "extract":
            workers = psutil.Process().children(recursive=True)
            worker_peak_kb.append(max((_peak_kb(p.pid) for p in workers), default=0))
            worker_cpu.update((p.pid, cpu) for p in workers if (cpu := _cpu_seconds(p)) is not None)

    cpu_before = sum(psutil.Process().cpu_times()[:2])
    began = time.perf_counter()
    with Store.open(db) as store:
        report = build([Path(corpus)], store, settings, progress=progress)
    ended = time.perf_counter()
    print(json.dumps({
        "seconds": ended - began,
        "link_seconds": ended - marks["link"],
        "first_batch_seconds": marks.get("extract", marks["link"]) - began,  # worker start-up and the first batch
        "cpu_seconds": sum(worker_cpu.values()) + sum(psutil.Process().cpu_times()[:2]) - cpu_before,
        "added": report.added,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": max(*worker_peak_kb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024,
    }))


def _cpu_seconds(process: psutil.Process) -> float | None:
    """User and system CPU a live process has used so far; None once it is gone."""
    try:
        return sum(process.cpu_times()[:2])
    except psutil.Error:
        return None


def _peak_kb(pid: int) -> int:
    """A live process's peak resident memory (VmHWM, in kB); 0 once it is gone or where /proc has none."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except OSError:
        return 0


if __name__ == "__main__":
    main(*sys.argv[1:])
