"""Cross-document event coreference by pairwise scores: which two event mentions are one event.

Within one story (`link/stories.py`), every pair of mentions gets a probability from a logistic
regression over discrete and contextual features (same trigger lemma, derivation, synonym, shared
names and numbers, sentence and document similarity, and the arguments, dates and places around
each trigger from `link/event_arguments.py`); average-linkage clustering over those probabilities
gives the events, and clusters of a few mentions left apart then join the larger one they fit best.
The weights are data, `mention_pairs.json`, fit by scikit-learn on ECB+ train pairs within predicted
stories; nothing trains at run time. Refit with
`python -m crosswire.eval.ecbplus refit ../shared/data/ecbplus/train` (see `fit_pair_model`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from crosswire.errors import ModelError
from crosswire.link.event_arguments import weekdays, years

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

# Names of `pair_features`, in order; `mention_pairs.json` holds one weight for each.
FEATURES = (
    "same_lemma", "derived_lemma", "synonym_lemma", "related_lemma", "same_text", "same_document", "same_sentence",
    "both_verbal", "verbal_and_nominal", "names_jaccard", "shared_number", "reporting_verb", "sentence_similarity",
    "document_similarity", "related_x_sentence_similarity", "related_x_document_similarity", "shared_argument",
    "related_x_shared_argument", "argument_conflict", "shared_time", "year_conflict", "weekday_conflict",
    "shared_place", "place_conflict", "document_year_conflict", "document_places_jaccard", "document_names_jaccard",
    "related_x_place_conflict", "related_x_year_conflict", "reporting_x_shared_argument",
)
# With vectors (`link/embeddings.py`): cosine of the triggers in context, of their sentences and documents, and of
# the mention's words and its head's lemma each embedded alone ("foiled" and "thwarted" meet whatever surrounds them).
# With those two and `reporting_x_shared_argument`, ECB+ event CoNLL F1: train 78.93 -> 79.10, dev 79.53 -> 80.12,
# and fit on one half of the train topics, scored on the other (both ways): 78.82 -> 79.15. Vectors of the
# trigger from lower layers of the model were tried too: that cross-validation fell to 78.6-78.9.
VECTOR_FEATURES = ("trigger_vector_cosine", "sentence_vector_cosine", "document_vector_cosine", "text_phrase_cosine",
                   "lemma_phrase_cosine")
PARAMETERS = Path(__file__).with_name("mention_pairs.json")
VECTOR_PARAMETERS = Path(__file__).with_name("mention_pairs_vectors.json")
# Mentions join while their average pair probability is at least this (ECB+ train).
MIN_PROBABILITY = 0.4
# Afterwards a cluster of at most SMALL_CLUSTER mentions joins the larger cluster it is closest to on average,
# when that average is at least ATTACH_PROBABILITY: a lone mention's pairs are few and noisy, and one cut for
# all sizes leaves too many of them apart. ECB+ event CoNLL F1: train 77.91 -> 78.49, dev 78.76 -> 79.53
# (over 0.2-0.28 and sizes 3-5: train 78.42-78.61, dev 79.20-79.84).
SMALL_CLUSTER = 4
ATTACH_PROBABILITY = 0.25


@dataclass(frozen=True)
class PairModel:
    """Logistic-regression weights over FEATURES, as fit by `fit_pair_model`."""

    weights: tuple[float, ...]
    intercept: float

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(self.intercept + rows @ np.asarray(self.weights))))

    def as_json(self, note: str) -> str:
        names = FEATURES + VECTOR_FEATURES[: len(self.weights) - len(FEATURES)]
        return json.dumps({"note": note, "features": dict(zip(names, self.weights)), "intercept": self.intercept},
                          indent=1) + "\n"


@cache
def pair_model(path: Path = PARAMETERS) -> PairModel:
    """The fitted weights; a file whose feature names differ from this module's is refused, not misread."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) not in (FEATURES, FEATURES + VECTOR_FEATURES):
        raise ModelError(f"{path}: its features are not mention_pairs.FEATURES; refit it (see the module docstring).")
    return PairModel(tuple(float(w) for w in data["features"].values()), float(data["intercept"]))


def fit_pair_model(rows: np.ndarray, corefer: np.ndarray) -> PairModel:
    """Logistic regression of 'one event' on pair features (rows of `pairwise_features`)."""
    fitted = LogisticRegression(C=1.0, max_iter=5000).fit(rows, corefer)
    return PairModel(tuple(round(float(w), 4) for w in fitted.coef_[0]), round(float(fitted.intercept_[0]), 4))


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
    arguments: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    document_times: frozenset[str] = frozenset()
    document_places: frozenset[str] = frozenset()
    document_names: frozenset[str] = frozenset()
    # Unit vectors from `link/embeddings.py`, all five or none, in VECTOR_FEATURES order: the trigger in context, its
    # sentence, its document, the mention's text alone and its head's lemma alone.
    vectors: tuple[np.ndarray, ...] | None = field(default=None, compare=False)


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


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (len(a | b) or 1)


def _conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both say something and nothing agrees: two different dates, two different places."""
    return bool(a) and bool(b) and not a & b


def pair_features(a: MentionView, b: MentionView, sentence_similarity: float, document_similarity: float) -> list[float]:
    relation = trigger_relation(a.lemma, b.lemma)
    related = relation is not None
    names = _jaccard(a.names, b.names)
    other_doc = a.document != b.document
    reporting = a.lemma in REPORTING or b.lemma in REPORTING
    shared_argument = bool(a.arguments & b.arguments)
    return [
        relation == "same", relation == "derived", relation == "synonym", related, a.text == b.text,
        a.document == b.document, a.sentence == b.sentence, a.verbal and b.verbal, a.verbal != b.verbal,
        names, bool(a.numbers & b.numbers), reporting,
        sentence_similarity, document_similarity, related * sentence_similarity, related * document_similarity,
        shared_argument, related * shared_argument, _conflict(a.arguments, b.arguments),
        bool(a.times & b.times), _conflict(years(a.times), years(b.times)), _conflict(weekdays(a.times), weekdays(b.times)),
        bool(a.places & b.places), _conflict(a.places, b.places),
        other_doc and _conflict(years(a.document_times), years(b.document_times)),
        other_doc * _jaccard(a.document_places, b.document_places),
        other_doc * _jaccard(a.document_names, b.document_names),
        related * _conflict(a.places, b.places), related * _conflict(years(a.times), years(b.times)),
        reporting and shared_argument,  # "said" twice is one statement when the same speaker says it
    ] + ([float(u @ v) for u, v in zip(a.vectors, b.vectors)] if a.vectors is not None and b.vectors is not None else [])


def pair_probabilities(
    mentions: Sequence[MentionView], document_similarity: Mapping[tuple[str, str], float], model: PairModel | None = None
) -> np.ndarray:
    """Square matrix of coreference probabilities for mentions of one story."""
    features = pairwise_features(mentions, document_similarity)
    n = len(mentions)
    scores = np.eye(n)
    if features:
        pairs = list(features)
        default = pair_model(VECTOR_PARAMETERS if mentions[0].vectors is not None else PARAMETERS)
        probabilities = (model or default).probabilities(np.array([features[p] for p in pairs]))
        rows, cols = np.array(pairs).T
        scores[rows, cols] = scores[cols, rows] = probabilities
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
    """Average-linkage clusters of one story's mentions, small ones then attached: a cluster number per mention."""
    n = probabilities.shape[0]
    if n < 2:
        return [0] * n
    distances = squareform(1 - probabilities, checks=False)
    tree = linkage(distances, "average")
    return attach_small_clusters(fcluster(tree, 1 - min_probability, "distance"), probabilities)


def attach_small_clusters(labels: np.ndarray, probabilities: np.ndarray) -> list[int]:
    """Clusters of at most SMALL_CLUSTER mentions join larger clusters, the most probable join first, while its
    average pair probability reaches ATTACH_PROBABILITY."""
    labels = np.asarray(labels).copy()
    while True:
        sizes = np.bincount(labels)
        joins = [
            (probabilities[np.ix_(labels == small, labels == c)].mean(), small, c)
            for small in np.flatnonzero((sizes > 0) & (sizes <= SMALL_CLUSTER))
            for c in np.flatnonzero(sizes > sizes[small])
        ]
        best = max(joins, default=None)
        if best is None or best[0] < ATTACH_PROBABILITY:
            return [int(c) for c in labels]
        labels[labels == best[1]] = best[2]


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
