"""Cross-document event coreference by pairwise scores: which two event mentions are one event.

Within one story (`link/stories.py`), every pair of mentions gets a probability from a logistic
regression over discrete and contextual features (same trigger lemma, derivation, synonym, shared
names and numbers, sentence and document similarity); average-linkage clustering over those
probabilities gives the events. Weights were fit on ECB+ train topics (`crosswire eval ecbplus`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

# Event words that name one happening in news reports, one group a line (hand-written, generic).
SYNONYMS = [
    "kill murder slay die death dead fatal homicide killing slaying",
    "shoot shooting shot gunfire gunman gunshot",
    "attack assault strike hit raid",
    "earthquake quake temblor tremor",
    "fire blaze inferno flame",
    "arrest capture apprehend nab detain custody catch",
    "escape flee breakout",
    "win victory beat defeat triumph",
    "charge accuse indict",
    "crash accident collision wreck",
    "release issue launch unveil introduce",
    "rob robbery heist steal theft burglary",
    "damage destroy devastate",
    "acquire buy purchase acquisition takeover",
    "hire appoint name nominate",
    "dismiss sack oust",
    "injure wound hurt injury",
    "find discover",
    "resign quit",
    "sentence jail imprison",
    "hang suicide",
    "explode explosion blast bomb bombing",
    "sink capsize",
    "rescue save",
    "meet meeting talk summit",
]
_GROUP = {w: i for i, line in enumerate(SYNONYMS) for w in line.split()}
_IRREGULAR = {"shot": "shoot", "dead": "die", "death": "die", "won": "win", "lost": "lose", "fled": "flee",
              "hung": "hang", "caught": "catch", "stole": "steal", "stolen": "steal"}
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ees", "ee", "ers", "er", "ed",
             "es", "s", "e")
REPORTING = frozenset({"say", "tell", "report"})

# Logistic regression over `_features`, fit on ECB+ train pairs within predicted stories.
WEIGHTS = (0.511, 1.171, 0.687, 2.37, 0.288, -0.702, -2.299, 0.016, -0.509, 0.073, 0.121, -1.954, 0.615, 1.24,
           -0.232, 2.883)
INTERCEPT = -3.813
# Mentions join while their average pair probability is at least this (ECB+ train).
MIN_PROBABILITY = 0.4


@dataclass(frozen=True)
class MentionView:
    """What pairwise scoring compares: one event mention with its sentence context."""

    document: str
    sentence: str
    lemma: str
    verbal: bool
    text: str
    context: str = ""
    names: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()


def trigger_stem(lemma: str) -> str:
    """A crude derivational stem: 'nomination' and 'nominee' meet at 'nomin'."""
    word = _IRREGULAR.get(lemma, lemma)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def trigger_relation(a: str, b: str) -> str | None:
    """'same', 'derived', 'synonym' or None for two trigger lemmas."""
    if a == b:
        return "same"
    sa, sb = trigger_stem(a), trigger_stem(b)
    if sa == sb or (min(len(sa), len(sb)) >= 5 and (sa.startswith(sb) or sb.startswith(sa))):
        return "derived"
    ga, gb = _GROUP.get(_IRREGULAR.get(a, a)), _GROUP.get(_IRREGULAR.get(b, b))
    return "synonym" if ga is not None and ga == gb else None


def pair_features(a: MentionView, b: MentionView, sentence_similarity: float, document_similarity: float) -> list[float]:
    relation = trigger_relation(a.lemma, b.lemma)
    related = relation is not None
    names = len(a.names & b.names) / (len(a.names | b.names) or 1)
    return [
        relation == "same", relation == "derived", relation == "synonym", related, a.text == b.text,
        a.document == b.document, a.sentence == b.sentence, a.verbal and b.verbal, a.verbal != b.verbal,
        names, bool(a.numbers & b.numbers), a.lemma in REPORTING or b.lemma in REPORTING,
        sentence_similarity, document_similarity, related * sentence_similarity, related * document_similarity,
    ]


def pair_probabilities(
    mentions: Sequence[MentionView], document_similarity: Mapping[tuple[str, str], float],
    weights: Sequence[float] = WEIGHTS, intercept: float = INTERCEPT,
) -> np.ndarray:
    """Square matrix of coreference probabilities for mentions of one story."""
    features = pairwise_features(mentions, document_similarity)
    n = len(mentions)
    scores = np.zeros((n, n))
    for (i, j), row in features.items():
        z = intercept + sum(w * x for w, x in zip(weights, row))
        scores[i, j] = scores[j, i] = 1 / (1 + math.exp(-z))
    np.fill_diagonal(scores, 1.0)
    return scores


def pairwise_features(
    mentions: Sequence[MentionView], document_similarity: Mapping[tuple[str, str], float]
) -> dict[tuple[int, int], list[float]]:
    """Features of every pair (i < j) of mentions in one story."""
    if not mentions:
        return {}
    contexts = [m.context or "__none__" for m in mentions]
    vectors = TfidfVectorizer(sublinear_tf=True).fit_transform(contexts)
    sentence = (vectors @ vectors.T).toarray()
    out = {}
    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            b = mentions[j]
            same_doc = 1.0 if a.document == b.document else document_similarity.get((a.document, b.document), 0.0)
            out[(i, j)] = [float(x) for x in pair_features(a, b, float(sentence[i, j]), same_doc)]
    return out


def cluster_story(probabilities: np.ndarray, min_probability: float = MIN_PROBABILITY) -> list[int]:
    """Average-linkage clusters of one story's mentions: a cluster number per mention."""
    n = probabilities.shape[0]
    if n < 2:
        return [0] * n
    distances = squareform(1 - probabilities, checks=False)
    tree = linkage(distances, "average")
    return [int(c) for c in fcluster(tree, 1 - min_probability, "distance")]


def cluster_event_mentions(
    mentions: Sequence[MentionView], story_of: Mapping[str, int], document_similarity: Mapping[tuple[str, str], float]
) -> list[tuple[int, int]]:
    """(story, cluster) for each mention: mentions are compared only within their document's story."""
    by_story: dict[int, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        by_story[story_of[mention.document]].append(index)
    result: list[tuple[int, int]] = [(0, 0)] * len(mentions)
    for story, indices in by_story.items():
        labels = cluster_story(pair_probabilities([mentions[i] for i in indices], document_similarity))
        for index, label in zip(indices, labels):
            result[index] = (story, label)
    return result
