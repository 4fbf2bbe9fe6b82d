"""Build a ledger from a handful of articles with the real pipeline, in a throwaway store.

Evaluations score what `crosswire build` would produce, so they go through `pipeline.build`
(ingest, clean, extract, link) rather than calling the stages by hand.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crosswire.export import ledger_from_store
from crosswire.pipeline import build
from crosswire.records import Ledger
from crosswire.settings import Settings
from crosswire.store import Store


@dataclass(frozen=True)
class Article:
    """What a system may see of one corpus document: its text and metadata, never its gold answers."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None


def build_ledger(articles: Sequence[Article], settings: Settings) -> tuple[Ledger, dict[str, str]]:
    """The ledger of `articles`, and a map from ledger document id to article id."""
    with tempfile.TemporaryDirectory(prefix="crosswire-eval-") as tmp:
        folder = Path(tmp)
        batch = folder / "articles.jsonl"
        with batch.open("w", encoding="utf-8") as out:
            for article in articles:
                row = {"text": article.text, "title": article.title, "published": article.published,
                       "source": article.source, "url": f"eval:{article.id}"}
                out.write(json.dumps({k: v for k, v in row.items() if v is not None}) + "\n")
        with Store.open(folder / "ledger.duckdb") as store:
            # A few articles at a time: a process pool would cost more to start than it saves.
            local = settings.model_copy(update={"db": str(folder / "ledger.duckdb"), "workers": 1, "engine": "local"})
            build([batch], store, local)
            ledger = ledger_from_store(store)
    ids = {d.id: d.url.removeprefix("eval:") for d in ledger.documents if d.url}
    return ledger, ids


def shared_data(name: str) -> Path:
    """`../shared/data/<name>` beside the repository (where CI and the dev machines keep public data)."""
    return Path(__file__).resolve().parents[4] / "shared" / "data" / name
