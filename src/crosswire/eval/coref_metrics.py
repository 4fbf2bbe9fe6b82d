"""Coreference scores: MUC, B³, CEAF-e and their mean, the CoNLL F1.

Implemented after the definitions the v8.01 reference scorer (conll-2012 `scorer.pl`) follows:
MUC counts links (Vilain et al. 1995), B³ averages over mentions (Bagga & Baldwin 1998), CEAF-e
aligns key and response entities one-to-one by phi4 similarity (Luo 2005). Mentions missing from
one side are treated as singletons there, which is what the scorer does for gold mentions.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = list[frozenset[Hashable]]


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


@dataclass(frozen=True)
class CorefScores:
    muc: Score
    b3: Score
    ceafe: Score

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceafe.f1) / 3

    def as_dict(self) -> dict[str, float]:
        """Percentages rounded to two places, as papers print them."""
        out = {}
        for name in ("muc", "b3", "ceafe"):
            score: Score = getattr(self, name)
            out |= {f"{name}_r": score.recall, f"{name}_p": score.precision, f"{name}_f1": score.f1}
        out["conll_f1"] = self.conll
        return {k: round(100 * float(v), 2) for k, v in out.items()}


def clusters_from_labels(labels: Mapping[Hashable, Hashable]) -> Clusters:
    """Group mention ids by their cluster label."""
    groups: dict[Hashable, set[Hashable]] = {}
    for mention, label in labels.items():
        groups.setdefault(label, set()).add(mention)
    return [frozenset(g) for g in groups.values()]


def score(key: Clusters, response: Clusters) -> CorefScores:
    return CorefScores(muc=muc(key, response), b3=b_cubed(key, response), ceafe=ceaf_e(key, response))


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_recall(key: Clusters, response: Clusters) -> tuple[int, int]:
    where = _index(response)
    numerator = denominator = 0
    for chain in key:
        # Mentions the response lacks are each a partition of their own.
        parts = {where.get(m, ("missing", m)) for m in chain}
        numerator += len(chain) - len(parts)
        denominator += len(chain) - 1
    return numerator, denominator


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def muc(key: Clusters, response: Clusters) -> Score:
    return Score(_ratio(*_muc_recall(key, response)), _ratio(*_muc_recall(response, key)))


def _b3_recall(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    total = mentions = 0.0
    for chain in key:
        overlaps: dict[int, int] = {}
        for m in chain:
            if m in where:
                overlaps[where[m]] = overlaps.get(where[m], 0) + 1
        total += sum(n * n for n in overlaps.values()) / len(chain)
        mentions += len(chain)
    return _ratio(total, mentions)


def b_cubed(key: Clusters, response: Clusters) -> Score:
    return Score(_b3_recall(key, response), _b3_recall(response, key))


def ceaf_e(key: Clusters, response: Clusters) -> Score:
    if not key or not response:
        return Score(0.0, 0.0)
    where = _index(response)
    similarity = np.zeros((len(key), len(response)))
    for i, chain in enumerate(key):
        for m in chain:
            if m in where:
                similarity[i, where[m]] += 1
    sizes_key = np.array([len(c) for c in key], dtype=float)[:, None]
    sizes_response = np.array([len(c) for c in response], dtype=float)[None, :]
    similarity = 2 * similarity / (sizes_key + sizes_response)
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    best = similarity[rows, cols].sum()
    return Score(best / len(key), best / len(response))
