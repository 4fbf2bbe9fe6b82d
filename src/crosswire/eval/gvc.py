"""GVC: gun-violence reports grouped into incidents by `link/stories.py`, scored as document coreference.

Reads `documents.jsonl` (title, dct, text); `incident_id` is read only to score. The key is
document-level (SOURCE.md: GVC's mention-level annotation is not available here).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from crosswire.errors import InputError
from crosswire.eval.coref_metrics import CorefScores, clusters_from_labels, score
from crosswire.link.stories import cluster_documents, content_words

# Measured in SOURCE.md with the same key: every document alone, and documents of one date together.
BASELINES = {"train": {"singletons": 36.0, "same creation date": 55.7}, "dev": {"singletons": 35.9, "same creation date": 66.3}}
# Incident clustering thresholds tuned on GVC train.
GVC_DISTANCE = 0.9
GVC_WINDOW_DAYS = 14


@dataclass
class GvcResult:
    documents: int
    incidents_found: int
    scores: CorefScores | None
    split: str | None


def evaluate_gvc(directory: Path, *, split: str | None, distance: float = GVC_DISTANCE,
                 window_days: int = GVC_WINDOW_DAYS) -> GvcResult:
    path = directory / "documents.jsonl"
    if not path.exists():
        raise InputError(f"{directory}: no documents.jsonl. Pass the GVC folder (../shared/data/gvc).")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if split is None or r.get("split") == split]
    words = {r["doc_id"]: content_words(f"{r.get('title') or ''}\n{r['text']}") for r in rows}
    published = {r["doc_id"]: dt.date.fromisoformat(r["dct"][:10]) for r in rows if r.get("dct")}
    story = cluster_documents(words, distance=distance, published=published, window_days=window_days)
    scores = None
    if rows and all("incident_id" in r for r in rows):
        key = clusters_from_labels({r["doc_id"]: r["incident_id"] for r in rows})
        scores = score(key, clusters_from_labels(story))
    return GvcResult(len(rows), len(set(story.values())), scores, split)
