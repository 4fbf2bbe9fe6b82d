"""bench/throughput.py keeps working: its tiny run prints every figure the issue asks for."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_tiny_benchmark_reports_throughput_memory_and_add_cost():
    done = subprocess.run(
        [sys.executable, "-m", "bench.throughput", "--tiny", "--json"], cwd=ROOT, capture_output=True, text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["build"]["docs_per_s"] > 0 and figures["spacy"]["words_per_s"] > 0
    assert figures["ratio"] == figures["spacy"]["seconds"] / figures["build"]["seconds"]
    assert figures["cpu_ratio"] == figures["spacy"]["cpu_seconds"] / figures["build"]["cpu_seconds"] > 0
    assert figures["build"]["rss_mb"] > 0 and figures["build"]["worker_rss_mb"] > 0
    assert set(figures["add"]) == {"24", "48"}
    assert all(run["added"] == 4 for run in figures["add"].values())
    assert figures["add_ratio"] > 0
