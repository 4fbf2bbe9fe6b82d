"""Synthetic corpora for benchmarks and scale tests: the example corpus, repeated with varied names, numbers and dates.

Names are drawn from a bounded pool, so entities and events recur across reports as in a real story
stream; paragraphs are dropped at random, so variants of one template are not copies of each other
(MinHash); a share of reports are syndicated copies of a recent one, so the copy finder has work.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from random import Random

from crosswire.ingest import read_paths
from crosswire.records import RawDocument
from crosswire.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
COPY_SHARE = 0.1
KEEP_PARAGRAPH = 0.8
KEEP_WORDS = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday The A An In On At By For From With After Before When While "
    "No Police Officials Witnesses Interior Minister President Reporting Editing".split()
)
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{3,}\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"(?<![\d.,-])\b\d{1,3}\b(?![\d.,:-])")
_SYLLABLES = ("ka", "ve", "lo", "ran", "mi", "dor", "sa", "tel", "bri", "on", "ha", "zu", "mer", "quil", "an", "tes")


@dataclass(frozen=True)
class Article:
    title: str
    published: str
    source: str
    text: str

    def as_txt(self) -> str:
        header = {"title": self.title, "date": self.published, "source": self.source}
        return "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in header.items()) + "---\n" + self.text


def templates() -> list[RawDocument]:
    """The example corpus as read by crosswire: the texts every variant starts from."""
    return [d for d in read_paths([EXAMPLES], settings=Settings()) if isinstance(d, RawDocument)]


def articles(count: int, *, seed: int = 0) -> Iterator[Article]:
    """`count` varied articles, the same ones for the same seed."""
    rng = Random(seed)
    bases = templates()
    pool = max(50, count // 4)  # distinct names in the whole corpus
    recent: deque[Article] = deque(maxlen=50)
    for _ in range(count):
        if recent and rng.random() < COPY_SHARE:
            article = _syndicate(rng.choice(recent), rng)
        else:
            article = _vary(rng.choice(bases), rng, pool)
            recent.append(article)
        yield article


def write_folder(folder: Path, count: int, *, seed: int = 0) -> list[str]:
    """Write the articles as .txt files into `folder`; returns their texts (what a reference parser reads)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for number, article in enumerate(articles(count, seed=seed)):
        (folder / f"{number:07d}.txt").write_text(article.as_txt(), encoding="utf-8")
        texts.append(article.text)
    return texts


def _vary(base: RawDocument, rng: Random, pool: int) -> Article:
    names: dict[str, str] = {}
    year_shift = rng.randint(-3, 3)

    def name(match: re.Match) -> str:
        word = match.group()
        if word in KEEP_WORDS:
            return word
        if word not in names:
            names[word] = _fake_name(rng.randrange(pool))
        return names[word]

    paragraphs = base.text.split("\n\n")
    kept = paragraphs[:1] + [p for p in paragraphs[1:] if rng.random() < KEEP_PARAGRAPH]
    text = "\n\n".join(kept)
    text = _YEAR.sub(lambda m: str(int(m.group()) + year_shift), text)
    text = _NUMBER.sub(lambda m: str(max(1, round(int(m.group()) * rng.uniform(0.6, 1.6)))), text)
    text = _NAME.sub(name, text)
    published = dt.date.fromisoformat((base.published or "2025-03-03")[:10]) + dt.timedelta(
        days=365 * year_shift + rng.randint(-20, 20)
    )
    source = _fake_name(rng.randrange(pool)) + " " + rng.choice(("Daily", "Times", "Post", "Radio", "Observer"))
    return Article(title=_NAME.sub(name, base.title or "Report"), published=published.isoformat(), source=source, text=text)


def _syndicate(original: Article, rng: Random) -> Article:
    """A wire copy: the same story under another outlet's name, its last paragraph cut."""
    paragraphs = original.text.split("\n\n")
    text = "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else original.text
    outlet = original.source.split()[0] + " " + rng.choice(("Herald", "Courier", "Gazette"))
    return Article(title=original.title, published=original.published, source=outlet, text=text)


def _fake_name(index: int) -> str:
    letters = []
    for _ in range(3):
        index, syllable = divmod(index, len(_SYLLABLES))
        letters.append(_SYLLABLES[syllable])
    return "".join(letters).capitalize()
