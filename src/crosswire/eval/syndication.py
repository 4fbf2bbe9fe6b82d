"""Syndication test set: copies of a corpus's reports altered the way outlets alter wire copy.

Every report of the corpus gets copies under other outlets' names: a new headline, the closing
paragraphs cut, page furniture around it (a saved web page with a menu, a "related" box of other
headlines and a footer), the dateline and agency credit rewritten, and all of these at once.
Truth: a copy's origin is its original's, and originals that are copies of each other are listed in
a truth file (`examples/syndication.json`). The same ingest, clean and MinHash steps as `crosswire
build` group the set into origins; pairs are scored (precision, recall, F1 of "same origin") and the
origins counted against the truth.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from crosswire.clean import clean_document
from crosswire.errors import InputError
from crosswire.ingest import read_paths
from crosswire.link.sources import copy_groups, signature
from crosswire.records import RawDocument, Skipped
from crosswire.settings import Settings

OUTLETS = ("Harbour Gazette", "Evening Ledger", "Plains Courier", "Metro Wire Digest", "Valley Sentinel")
TRANSFORMS = ("headline", "trimmed", "lede", "furniture", "dateline", "all")
# Share of a report's paragraphs that copy editors keep when they cut from the bottom ("lede": a short brief).
KEEP_SHARE = {"trimmed": 0.75, "all": 0.75, "lede": 0.5}
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^-\u2013\u2014\n]{0,40}[-\u2013\u2014]\s+")


@dataclass
class SyndicationScores:
    documents: int
    true_origins: int
    found_origins: int
    precision: float
    recall: float
    f1: float
    missed: list[tuple[str, str]] = field(default_factory=list)  # copies not grouped
    merged: list[tuple[str, str]] = field(default_factory=list)  # independent reports grouped

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def read_truth(file: Path | None) -> list[list[str]]:
    """Groups of the corpus's own reports that are copies of one another (file names or `file#N`)."""
    if file is None:
        return []
    try:
        groups = json.loads(file.read_text(encoding="utf-8"))["copies"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{file}: cannot read the copy groups ({exc}); expected {{\"copies\": [[\"a.txt\", \"b.txt\"]]}}.")
    return [[str(name) for name in group] for group in groups]


def make_copies(corpus: Path, out: Path, *, seed: int = 7, settings: Settings | None = None) -> dict[str, str]:
    """Write the originals and their altered copies into `out`; returns each file's true original.

    The originals are re-written as plain text files so that JSON Lines records become one file each.
    """
    settings = settings or Settings()
    rng = random.Random(seed)
    originals = [d for d in read_paths([corpus], settings=settings) if not isinstance(d, Skipped)]
    if not originals:
        raise InputError(f"{corpus}: no readable reports to copy.")
    out.mkdir(parents=True, exist_ok=True)
    headlines = [d.title or _first_words(d.text) for d in originals]
    truth: dict[str, str] = {}
    for number, original in enumerate(originals):
        key = Path(original.path).name  # `file.jsonl#3` keeps its record number
        name = f"{number:03d}-original.txt"
        _write_text(out / name, original.title, original.source, original.published, original.text)
        truth[name] = key
        others = [h for i, h in enumerate(headlines) if i != number]
        for transform in TRANSFORMS:
            outlet = rng.choice(OUTLETS)
            copy = _copy(original, transform, rng, others)
            suffix = "html" if transform in {"furniture", "all"} else "txt"
            copy_name = f"{number:03d}-{transform}.{suffix}"
            if suffix == "html":
                (out / copy_name).write_text(_page(copy, outlet, original.published, others, rng), encoding="utf-8")
            else:
                _write_text(out / copy_name, copy.title, outlet, original.published, copy.text)
            truth[copy_name] = key
    return truth


def score_origins(folder: Path, truth: dict[str, str], copies: list[list[str]], settings: Settings | None = None) -> SyndicationScores:
    """Group `folder` into origins the way `crosswire build` does, and score the groups against the truth."""
    settings = settings or Settings()
    merged_key = {name: group[0] for group in copies for name in group}
    true_origin = {name: merged_key.get(original, original) for name, original in truth.items()}
    signatures: dict[str, list[int]] = {}
    for raw in read_paths([folder], settings=settings):
        if isinstance(raw, Skipped):
            raise InputError(f"{raw.path}: {raw.reason}")
        document = clean_document(raw, settings)
        signatures[Path(raw.path).name] = signature(document.text)
    names = sorted(signatures)
    found = copy_groups(signatures, names)
    tp = fp = fn = 0
    missed, merged = [], []
    for a, b in combinations(names, 2):
        same_truth, same_found = true_origin[a] == true_origin[b], found[a] == found[b]
        tp += same_truth and same_found
        if same_found and not same_truth:
            fp += 1
            merged.append((a, b))
        if same_truth and not same_found:
            fn += 1
            missed.append((a, b))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SyndicationScores(
        documents=len(names), true_origins=len(set(true_origin.values())), found_origins=len(set(found.values())),
        precision=precision, recall=recall, f1=f1, missed=missed, merged=merged,
    )


def _copy(original: RawDocument, transform: str, rng: random.Random, others: list[str]) -> RawDocument:
    paragraphs = [p for p in re.split(r"\n\s*\n", original.text) if p.strip()]
    title = original.title
    if transform in {"headline", "all"}:
        title = _new_headline(title or _first_words(original.text), rng)
    if transform in KEEP_SHARE and len(paragraphs) > 2:
        paragraphs = paragraphs[: max(2, round(len(paragraphs) * KEEP_SHARE[transform]))]
    if transform in {"dateline", "all"} and paragraphs:
        lede = _DATELINE.sub("", paragraphs[0].lstrip())
        paragraphs[0] = f"{rng.choice(['(Wire)', 'By staff and agencies:', 'From our correspondent -'])} {lede}"
    if transform == "furniture":
        # Furniture that sits inside the article body of a saved page: an ad label and a read-more line.
        middle = len(paragraphs) // 2
        paragraphs[middle:middle] = ["Advertisement", f"Read more: {rng.choice(others)}"]
    return original.model_copy(update={"title": title, "text": "\n\n".join(paragraphs)})


def _new_headline(title: str, rng: random.Random) -> str:
    words = title.split()
    prefix = rng.choice(["UPDATE:", "LIVE:", "Breaking:", "Watch:"])
    return f"{prefix} {' '.join(words[: max(3, len(words) - 2)])}"


def _first_words(text: str) -> str:
    return " ".join(text.split()[:8])


def _write_text(path: Path, title: str | None, source: str | None, published: str | None, text: str) -> None:
    header = {"title": title, "source": source, "date": published}
    lines = [f"{k}: {json.dumps(v)}" for k, v in header.items() if v]
    path.write_text("---\n" + "\n".join(lines) + "\n---\n" + text + "\n", encoding="utf-8")


def _page(copy: RawDocument, outlet: str, published: str | None, others: list[str], rng: random.Random) -> str:
    """A saved news page: menu, cookie banner, the article, a box of other headlines, a footer."""
    e = html.escape
    related = "".join(f"<li><a href='/story/{i}'>{e(h)}</a></li>" for i, h in enumerate(rng.sample(others, min(4, len(others)))))
    body = "".join(f"<p>{e(p)}</p>" for p in copy.text.split("\n\n"))
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{e(copy.title or '')} | {e(outlet)}</title>"
        f"<meta property='og:site_name' content='{e(outlet)}'>"
        f"<meta property='article:published_time' content='{e(published or '')}'></head><body>"
        "<div class='cookie-banner'>We use cookies to improve your experience. Accept all cookies</div>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/business'>Business</a> <a href='/sport'>Sport</a></nav>"
        f"<main><article><h1>{e(copy.title or '')}</h1>{body}</article>"
        f"<aside><h2>Most read</h2><ul>{related}</ul></aside></main>"
        f"<footer>&copy; {e(outlet)}. All rights reserved. Terms of use. Privacy policy.</footer>"
        "</body></html>"
    )
