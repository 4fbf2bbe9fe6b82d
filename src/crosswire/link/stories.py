"""Which documents tell one story: TF-IDF of their content words, agglomerative clustering.

Reports of one incident share names, places and vocabulary; reports of two incidents of the same kind
(two shootings, two earthquakes) share the vocabulary but not the names. Average-linkage clustering
on cosine distance keeps the two apart at the threshold below, tuned on ECB+ train. A cut that tight
leaves short or off-angle reports alone, so fragments of one or two documents then join the nearest story.
Given each document's named entities and a contextual vector (`link/embeddings.py`), the distance mixes
in both: entities tell apart two incidents of one kind, vectors see paraphrase that shares no word.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

# Cosine distance under which documents are one story, and the looser one under which a fragment of
# at most FRAGMENT_SIZE documents joins its nearest larger story. ECB+ train event CoNLL F1: 76.93 with
# 0.85 alone; with fragments joined, 77.2-77.5 from 0.75 to 0.85, and 0.80 sits in that plateau.
STORY_DISTANCE = 0.80
FRAGMENT_DISTANCE = 0.90
FRAGMENT_SIZE = 2
# With entities and vectors: their shares of the distance, and its threshold (ECB+ event CoNLL F1 with
# vector pair features: train 77.35 -> 77.91, dev 77.54 -> 78.76; thresholds 0.6-0.7 all gained on dev).
ENTITY_SHARE = 0.2
VECTOR_SHARE = 0.3
MIXED_STORY_DISTANCE = 0.65
# Under that tighter cut, stories of up to three documents are fragments too (ECB+ event CoNLL F1 with small
# event clusters attached: train 78.49 -> 78.93, dev 79.53 -> 79.53; four documents: train 78.18).
MIXED_FRAGMENT_SIZE = 3
_WORD = re.compile(r"[^\W\d_][\w'-]*|\d{4}")


def content_words(text: str) -> str:
    """The words that say what a document is about: no stop words, case folded."""
    return " ".join(w for w in (m.casefold() for m in _WORD.findall(text)) if w not in ENGLISH_STOP_WORDS)


def _vectors(words: Mapping[str, str]) -> np.ndarray:
    texts = [words[i] or "__empty__" for i in words]
    vectors = TfidfVectorizer(sublinear_tf=True).fit_transform(texts).toarray()
    # A document with no known word would be a zero vector, which cosine cannot compare.
    vectors[~vectors.any(axis=1), 0] = 1.0
    return vectors


def _cosine_distances(vectors: np.ndarray) -> np.ndarray:
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.clip(1 - vectors @ vectors.T, 0, None)


def mixed_distances(words: Mapping[str, str], entities: Mapping[str, str], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    """Document distances from content words, entity words and contextual vectors (ids in `words` order)."""
    ids = list(words)
    return ((1 - ENTITY_SHARE - VECTOR_SHARE) * _cosine_distances(_vectors(words))
            + ENTITY_SHARE * _cosine_distances(_vectors({i: entities.get(i, "") for i in ids}))
            + VECTOR_SHARE * _cosine_distances(np.array([vectors[i] for i in ids])))


def cluster_documents(
    words: Mapping[str, str],
    *,
    distance: float = STORY_DISTANCE,
    published: Mapping[str, dt.date] | None = None,
    window_days: int = 7,
    distances: np.ndarray | None = None,
    fragment_size: int = FRAGMENT_SIZE,
) -> dict[str, int]:
    """Story number for each document id, from each document's content words (`content_words`).

    With `published`, documents further apart in time than `window_days` are never one story: one
    kind of incident recurs (shootings every week), and its vocabulary alone would merge them.
    `distances` (from `mixed_distances`, in `words` order) replaces the content-word distances; stories of
    at most `fragment_size` documents may join a larger one (`_join_fragments`).
    """
    ids = list(words)
    if len(ids) < 2:
        return dict.fromkeys(ids, 0)
    distances = _cosine_distances(_vectors(words)) if distances is None else distances.copy()
    if published is not None:
        days = np.array([published[i].toordinal() if published.get(i) else np.nan for i in ids], dtype=float)
        apart = np.abs(days[:, None] - days[None, :]) > window_days  # unknown dates compare False: no veto
        distances[apart] = 2.0
    np.fill_diagonal(distances, 0)
    labels = AgglomerativeClustering(
        n_clusters=None, distance_threshold=distance, metric="precomputed", linkage="average"
    ).fit_predict(distances)
    labels = _join_fragments(np.asarray(labels), distances, fragment_size)
    return {i: int(label) for i, label in zip(ids, labels)}


def _join_fragments(labels: np.ndarray, distances: np.ndarray, fragment_size: int) -> np.ndarray:
    """Fragments of at most `fragment_size` documents join the larger story nearest on average, when near enough.

    Never across the time veto (distance 2): a fragment far in time from any document stays apart.
    """
    sizes = np.bincount(labels)
    larger = [s for s in range(len(sizes)) if sizes[s] > fragment_size]
    joined = labels.copy()
    for fragment in (s for s in range(len(sizes)) if 0 < sizes[s] <= fragment_size):
        rows = labels == fragment
        candidates = [(distances[np.ix_(rows, labels == s)], s) for s in larger]
        candidates = [(block.mean(), s) for block, s in candidates if block.max() < 2.0]
        if candidates and min(candidates)[0] < FRAGMENT_DISTANCE:
            joined[rows] = min(candidates)[1]
    return joined


def story_similarities(words: Mapping[str, str], story_of: Mapping[str, int]) -> dict[tuple[str, str], float]:
    """Cosine similarity of every two documents of one story, both orders."""
    ids = list(words)
    vectors = _vectors(words)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    out = {}
    for i, a in enumerate(ids):
        for j in range(i + 1, len(ids)):
            b = ids[j]
            if story_of[a] == story_of[b]:
                out[(a, b)] = out[(b, a)] = float(vectors[i] @ vectors[j])
    return out
