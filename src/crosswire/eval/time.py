"""TempEval-3 Task A: run the time stage on TimeML documents, write its TIMEX3 tags, score them.

The system sees each document's plain TEXT and its creation time (DCT) and nothing else of the gold
annotation; its timexes are written to SYS_DIR/<name>.tml, and only then are the gold timexes read
back to score the two folders against each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crosswire.errors import InputError
from crosswire.eval.tempeval_scoring import TimexCounts, count_timexes, total
from crosswire.eval.timeml import Timex, TimeMLDocument, read_timeml, write_timeml
from crosswire.extract.nlp import load_pipeline, parse_many
from crosswire.extract.times import find_times, timex_extent

__all__ = ["PUBLISHED", "TimeEvaluation", "evaluate_time", "score_folders", "tag_folder"]

# TE3-platinum, Task A (UzZaman et al. 2013, Table 3), via the corpus's SOURCE.md. Type F1 is not in
# the paper; HeidelTime's 82.09 is SOURCE.md's unverified reconstruction, so it is left out.
PUBLISHED: dict[str, dict[str, float]] = {
    "HeidelTime-t": {"relaxed_f1": 90.30, "relaxed_precision": 93.08, "relaxed_recall": 87.68, "strict_f1": 81.34, "value_f1": 77.61},
    "NavyTime-1,2": {"relaxed_f1": 90.32, "relaxed_precision": 89.36, "relaxed_recall": 91.30, "strict_f1": 79.57, "value_f1": 70.97},
    "SUTime": {"relaxed_f1": 90.32, "relaxed_precision": 89.36, "relaxed_recall": 91.30, "strict_f1": 79.57, "value_f1": 67.38},
    "ClearTK-1,2": {"relaxed_f1": 90.23, "relaxed_precision": 93.75, "relaxed_recall": 86.96, "strict_f1": 82.71, "value_f1": 64.66},
}  # fmt: skip


@dataclass(frozen=True)
class TimeEvaluation:
    documents: int
    counts: TimexCounts

    def scores(self) -> dict[str, float]:
        return self.counts.scores()


def tag_folder(gold_dir: Path, out_dir: Path, model: str, batch_size: int = 32) -> list[Path]:
    """Run the time stage on every `.tml` in `gold_dir`; write the tagged copies to `out_dir`."""
    paths = sorted(gold_dir.glob("*.tml"))
    if not paths:
        raise InputError(f"{gold_dir}: no .tml files. Pass a folder of TimeML documents (e.g. tempeval3/timebank).")
    # Strip the gold timexes at once: the stage reads the text and the DCT only.
    documents = [read_timeml(p)._replace(timexes=()) for p in paths]
    nlp = load_pipeline(model)
    docs = parse_many(nlp, [d.text for d in documents], batch_size=batch_size)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for document, doc in zip(documents, docs):
        times = find_times(doc, document.dct_date, lambda offset: 0)
        write_timeml(out_dir / document.name, document, _timexes(document, [timex_extent(t, document.dct_date) for t in times]))
        written.append(out_dir / document.name)
    return written


def _timexes(document: TimeMLDocument, extents) -> list[Timex]:  # noqa: ANN001 - timex_extent tuples
    """The stage's extents as Timex, overlaps resolved in favour of the earlier one."""
    kept: list[Timex] = []
    for start, end, type_, value in sorted(extents):
        if kept and start < kept[-1].end:
            continue
        kept.append(Timex(start, end, type_, value))
    return kept


def score_folders(gold_dir: Path, sys_dir: Path) -> TimeEvaluation:
    """Score every `.tml` of `gold_dir` against its namesake in `sys_dir`; a missing one scores as empty."""
    counts = []
    paths = sorted(gold_dir.glob("*.tml"))
    for path in paths:
        gold = read_timeml(path)
        system_path = sys_dir / path.name
        system = read_timeml(system_path).timexes if system_path.exists() else ()
        counts.append(count_timexes(gold.timexes, system))
    return TimeEvaluation(documents=len(paths), counts=total(counts))


def evaluate_time(gold_dir: Path, out_dir: Path, model: str, batch_size: int = 32) -> TimeEvaluation:
    """Tag, write, then score: the whole `crosswire eval time` run."""
    tag_folder(gold_dir, out_dir, model, batch_size)
    return score_folders(gold_dir, out_dir)
