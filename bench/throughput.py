"""Throughput of the whole build against spaCy's own `nlp.pipe`, peak memory, and the cost of adding reports to big ledgers.

    .venv/bin/python -m bench.throughput                 # 2,000 reports; ledgers of 10k and 100k
    .venv/bin/python -m bench.throughput --tiny          # seconds: what CI runs to keep this working

From one run it prints: reports/s and words/s of `crosswire build` (ingest to link, a fresh process,
`workers` = cores); the same for `nlp.pipe(texts, n_process=cores)` with the same pipeline and
components over the same texts (the reference, timed in this run); their ratio, in wall time and in
CPU time (all processes of each); peak memory; and the
time to add the same new reports to ledgers of two sizes, with the ratio. The big ledgers are made
of synthetic extractions (real ones cloned with new ids, alias keys and dates, and random MinHash
signatures) stored directly, not by running spaCy on 100k reports: the output says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.corpus import write_folder
from crosswire.link.sources import NUM_PERM
from crosswire.records import Document, Extraction, RawDocument, TimeValue

ROUNDS_SHARING_NAMES = 4  # clone rounds that tell one story again: same names, nearby dates
DAYS_PER_ROUND = 3
# Stories follow one another this many days apart, so a bigger ledger covers a longer time, as a real one
# does, rather than piling more reports onto the same days.
DAYS_PER_STORY = 120
SEED_CHUNK = 2000  # reports stored and linked at a time while a big ledger is grown
SAMPLE_EVERY = 50  # reports parsed between readings of spaCy's worker CPU times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="reports in the throughput corpus")
    parser.add_argument("--ledgers", default="10000,100000", help="ledger sizes to add reports to, comma-separated")
    parser.add_argument("--add", type=int, default=1000, help="reports added to each ledger")
    parser.add_argument("--workers", type=int, default=0, help="build workers (0: one per core)")
    parser.add_argument("--tiny", action="store_true", help="a few dozen reports and small ledgers, for CI")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    if args.tiny:
        args.docs, args.ledgers, args.add = 12, "24,48", 4
    sizes = [int(s) for s in args.ledgers.split(",") if s]
    figures = run(args.docs, sizes, args.add, args.workers, echo=not args.json)
    if args.json:
        print(json.dumps(figures, indent=2))


def run(docs: int, sizes: list[int], add: int, workers: int, *, echo: bool = True) -> dict:
    from crosswire.engines import worker_count
    from crosswire.settings import Settings

    say = print if echo else (lambda *a, **k: None)
    cores = worker_count(Settings(workers=workers))
    figures: dict = {"cores": cores, "docs": docs}
    with tempfile.TemporaryDirectory(prefix="crosswire-bench-") as tmp:
        root = Path(tmp)
        write_folder(root / "corpus", docs, seed=1)
        texts = _cleaned_texts(root / "corpus")
        words = sum(len(t.split()) for t in texts)
        say(f"corpus: {docs} reports, {words} words (bench/corpus.py, seed 1); {cores} cores")

        build = _child_build(root / "corpus", root / "build.duckdb", workers)
        spacy_s, spacy_cpu = _spacy_reference(texts, cores)
        figures["build"] = {**build, "docs_per_s": docs / build["seconds"], "words_per_s": words / build["seconds"]}
        figures["spacy"] = {"seconds": spacy_s, "cpu_seconds": spacy_cpu, "docs_per_s": docs / spacy_s,
                            "words_per_s": words / spacy_s}
        figures["ratio"] = spacy_s / build["seconds"]
        figures["cpu_ratio"] = spacy_cpu / build["cpu_seconds"]
        say(f"crosswire build : {docs / build['seconds']:8.1f} reports/s {words / build['seconds']:9.0f} words/s "
            f"({build['seconds']:.1f} s: first batch stored after {build['first_batch_seconds']:.1f} s, "
            f"link {build['link_seconds']:.1f} s)")
        say(f"spaCy nlp.pipe  : {docs / spacy_s:8.1f} reports/s {words / spacy_s:9.0f} words/s "
            f"({spacy_s:.1f} s, n_process={cores})")
        say(f"ratio build/spaCy: {figures['ratio']:.2f}  (target >= 0.7)")
        say(f"CPU per report: build {1000 * build['cpu_seconds'] / docs:.0f} ms, spaCy {1000 * spacy_cpu / docs:.0f} ms, "
            f"ratio {figures['cpu_ratio']:.2f} (the same ratio measured in CPU, which other jobs on the machine skew less)")
        say(f"peak RSS of the build: {build['rss_mb']:.0f} MB in the main process, {build['worker_rss_mb']:.0f} MB "
            "in the largest worker")

        write_folder(root / "new", add, seed=2)
        say(f"adding {add} new reports to ledgers of synthetic extractions (cloned from the {docs} built above, "
            "stored directly, no NLP):")
        figures["add"] = {}
        for size in sizes:
            db = root / f"ledger-{size}.duckdb"
            seeded = _seed_ledger(root / "build.duckdb", db, size)
            added = _child_build(root / "new", db, workers)
            figures["add"][size] = {**added, "seed_link_seconds": seeded}
            say(f"  ledger {size:>7}: add {added['seconds']:7.1f} s (link {added['link_seconds']:6.1f} s), "
                f"peak RSS {added['rss_mb']:.0f} MB; growing the ledger took {seeded:.1f} s of linking")
        if len(sizes) >= 2:
            small, big = figures["add"][sizes[0]], figures["add"][sizes[-1]]
            figures["add_ratio"] = big["seconds"] / small["seconds"]
            figures["add_link_ratio"] = big["link_seconds"] / max(small["link_seconds"], 1e-9)
            figures["rss_ratio"] = big["rss_mb"] / small["rss_mb"]
            say(f"add {add} at {sizes[-1]} vs {sizes[0]}: {figures['add_ratio']:.2f}x the time "
                f"(link alone {figures['add_link_ratio']:.2f}x; target <= 2), {figures['rss_ratio']:.2f}x the peak RSS")
    return figures


def _child_build(corpus: Path, db: Path, workers: int) -> dict:
    """`crosswire build` in a fresh process, so its peak memory is its own."""
    command = [sys.executable, "-m", "bench.throughput_child", str(corpus), str(db), str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cleaned_texts(corpus: Path) -> list[str]:
    """The texts the build parses: each distinct report as read and cleaned, so the reference parses the same words."""
    from crosswire.clean import clean_document
    from crosswire.ingest import read_paths
    from crosswire.settings import Settings

    settings = Settings()
    raws = (raw for raw in read_paths([corpus], settings=settings) if isinstance(raw, RawDocument))
    cleaned = (clean_document(raw, settings) for raw in raws)
    return list({document.id: document.text for document in cleaned}.values())


def _spacy_reference(texts: list[str], cores: int) -> tuple[float, float]:
    """spaCy's own multi-process `nlp.pipe` over the same texts, with the pipeline crosswire loads: (wall, CPU) seconds."""
    from crosswire.extract.nlp import load_pipeline
    from crosswire.settings import Settings

    nlp = load_pipeline(Settings().model)
    me = psutil.Process()
    cpu_before = sum(me.cpu_times()[:2])
    children: dict[int, float] = {}
    began = time.perf_counter()
    for done, _ in enumerate(nlp.pipe(texts, n_process=cores, batch_size=Settings().batch_size), 1):
        if done % SAMPLE_EVERY == 0 or done == len(texts):  # the workers' CPU so far; they end with the loop
            children.update((c.pid, sum(c.cpu_times()[:2])) for c in me.children(recursive=True) if c.is_running())
    seconds = time.perf_counter() - began
    return seconds, sum(me.cpu_times()[:2]) - cpu_before + sum(children.values())


def _seed_ledger(source: Path, db: Path, size: int) -> float:
    """A ledger of `size` reports cloned from the built ones; returns the seconds its links took.

    Reports are stored in bulk and linked every `SEED_CHUNK` reports, as a growing ledger would be.
    """
    from crosswire.link import link
    from crosswire.settings import Settings
    from crosswire.store import Store

    with Store.open(source, read_only=True) as built:
        documents = {d.id: d for d in built.documents()}
        extractions = built.extractions()
    rng = random.Random(size)
    linking = 0.0
    with Store.open(db) as store:
        for start in range(0, size, SEED_CHUNK):
            clones = []
            for k in range(start, min(size, start + SEED_CHUNK)):
                base = extractions[k % len(extractions)]
                clones.append(_clone(documents[base.document], base, k // len(extractions), k))
            with store.transaction():
                store.add_documents([(d, [rng.getrandbits(63) for _ in range(NUM_PERM)]) for d, _ in clones])
                store.add_paths([(d.path, d.id) for d, _ in clones])
                store.add_extractions([x for _, x in clones])
            began = time.perf_counter()
            with store.transaction():
                link(store, Settings())
            linking += time.perf_counter() - began
    return linking


def _clone(document: Document, extraction: Extraction, round_: int, number: int) -> tuple[Document, Extraction]:
    """Report `number`: a copy of a built one with its own id, and from round to round other names and dates."""
    doc_id = hashlib.sha256(f"{document.id}:{number}".encode()).hexdigest()[:16]
    story, retelling = divmod(round_, ROUNDS_SHARING_NAMES)
    shift = dt.timedelta(days=story * DAYS_PER_STORY + retelling * DAYS_PER_ROUND)
    # Other names for another story: each word of a key gets a prefix of the story's own, so the names
    # of two stories are neither spelling variants (entities.FUZZY_SCORE) nor one surname.
    prefix = hashlib.sha256(str(story).encode()).hexdigest()[:4].translate(str.maketrans("0123456789", "ghijklmnop"))

    def key(value: str | None) -> str | None:
        if not value or not story:
            return value
        kind, _, name = value.rpartition(":")
        return (f"{kind}:" if kind else "") + " ".join(prefix + word for word in name.split(" "))

    def day(value: str | None) -> str | None:
        try:
            return (dt.date.fromisoformat(value) + shift).isoformat() if value else value
        except ValueError:
            return value

    def when(time_: TimeValue | None) -> TimeValue | None:
        if time_ is None:
            return None
        return time_.model_copy(update={"value": day(time_.value), "earliest": day(time_.earliest), "latest": day(time_.latest)})

    events = tuple(
        m.model_copy(update={
            "id": f"{doc_id}-{i}", "document": doc_id, "date": when(m.date), "location_key": key(m.location_key),
            "participants": tuple(p.model_copy(update={"key": key(p.key)}) for p in m.participants),
        })
        for i, m in enumerate(extraction.events)
    )
    clone = extraction.model_copy(update={
        "document": doc_id,
        "entities": tuple(e.model_copy(update={"key": key(e.key)}) for e in extraction.entities),
        "times": tuple(when(t) for t in extraction.times),
        "events": events,
    })
    published = day(document.published[:10]) if document.published else None
    return document.model_copy(update={"id": doc_id, "path": f"synthetic/{number:07d}", "published": published}), clone


if __name__ == "__main__":
    main()
