"""A bounded load test of `crosswire serve`: requests/s and latency of the timeline and event endpoints.

Builds the example ledger (or takes `--db`), starts the real `crosswire serve` on 127.0.0.1 in a
subprocess, and fires `--total` requests per endpoint, `--concurrency` at a time, with httpx's async
client. Any error (a status other than 200, or a failed connection) is counted and makes the exit code 1.

    python -m bench.load --concurrency 16 --total 2000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
CROSSWIRE = [str(Path(sys.executable).with_name("crosswire"))]  # the installed command, as a user runs it
TIMELINE = "/api/events"
# (name, path): the timeline and one event, as JSON and as the page a browser gets; {id} cycles over the events.
ENDPOINTS = (
    ("timeline api", "/api/events"),
    ("event api", "/api/events/{id}"),
    ("timeline page", "/"),
    ("event page", "/events/{id}"),
)
STARTUP_SECONDS = 60


@dataclass
class Result:
    endpoint: str
    requests: int
    errors: int
    seconds: float
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    error_samples: list[str]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="Ledger to serve (default: build the example corpus into a temp dir).")
    parser.add_argument("--concurrency", type=int, default=16, help="Requests in flight at once.")
    parser.add_argument("--total", type=int, default=2000, help="Requests per endpoint.")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _build_examples(Path(tmp) / "examples.duckdb")
        port = _free_port()
        log = Path(tmp) / "serve.log"
        with _serve(db, port, log):
            results = asyncio.run(_run(f"http://127.0.0.1:{port}", args.concurrency, args.total))
        server_log = log.read_text(errors="replace")
    if args.json:
        print(json.dumps({"concurrency": args.concurrency, "results": [asdict(r) for r in results]}, indent=2))
    else:
        print(f"{'endpoint':<16}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
        for r in results:
            print(f"{r.endpoint:<16}{r.requests:>9}{r.errors:>8}{r.requests_per_second:>9.0f}"
                  f"{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}{r.max_ms:>9.1f}")
            for sample in r.error_samples:
                print(f"  error: {sample}")
    if any(r.errors for r in results):
        print(f"server log (last 3000 characters):\n{server_log[-3000:]}", file=sys.stderr)
        sys.exit(1)


def _build_examples(db: Path) -> Path:
    subprocess.run([*CROSSWIRE, "build", str(EXAMPLES), "--db", str(db)], check=True, capture_output=True)
    return db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _serve:
    """`crosswire serve` in a subprocess, up until the block ends."""

    def __init__(self, db: Path, port: int, log: Path):
        self.command = [*CROSSWIRE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
        self.url = f"http://127.0.0.1:{port}"
        self.log = log

    def __enter__(self) -> None:
        # The server's output goes to a file: a pipe nobody reads would block it once full.
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT,
                                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"crosswire serve exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(self.url + TIMELINE, timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        self.__exit__()
        raise SystemExit(f"crosswire serve did not answer on {self.url} within {STARTUP_SECONDS} s")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def _run(base: str, concurrency: int, total: int) -> list[Result]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        ids = [event["id"] for event in (await client.get(TIMELINE, params={"limit": 1000})).json()["events"]]
        if not ids:
            raise SystemExit(f"{TIMELINE} lists no events: build a ledger with events first")
        return [
            await _fire(client, name, [path.format(id=ids[i % len(ids)]) for i in range(total)], concurrency)
            for name, path in ENDPOINTS
        ]


async def _fire(client: httpx.AsyncClient, endpoint: str, paths: list[str], concurrency: int) -> Result:
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    errors: list[str] = []

    async def one(path: str) -> None:
        async with gate:
            began = time.perf_counter()
            try:
                response = await client.get(path)
                await response.aread()
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code} {response.text[:300]!r}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}: {exc}")
            latencies.append(time.perf_counter() - began)

    began = time.perf_counter()
    await asyncio.gather(*(one(p) for p in paths))
    seconds = time.perf_counter() - began
    ms = sorted(x * 1000 for x in latencies)
    return Result(
        endpoint=endpoint, requests=len(paths), errors=len(errors), seconds=round(seconds, 3),
        requests_per_second=round(len(paths) / seconds, 1), p50_ms=round(statistics.median(ms), 2),
        p99_ms=round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 2), max_ms=round(ms[-1], 2),
        error_samples=errors[:5],
    )


if __name__ == "__main__":
    main()
