"""TempEval-3 Task A scores: timex spans (strict, relaxed), type and value, micro-averaged.

As the official toolkit computes them: gold and system timexes are paired one to one when their
spans overlap (a relaxed match); a strict match has identical extents; an attribute's accuracy is
the share of relaxed matches whose string equals the gold one; attribute F1 = accuracy x relaxed F1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosswire.eval.timeml import Timex

__all__ = ["TimexCounts", "count_timexes", "pair_timexes", "total"]


@dataclass(frozen=True)
class TimexCounts:
    """Counts summed over documents; every score is derived from them."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(*(a + b for a, b in zip(self._values(), other._values())))

    def _values(self) -> tuple[int, ...]:
        return (self.gold, self.system, self.relaxed, self.strict, self.type_correct, self.value_correct)

    def prf(self, matches: int) -> tuple[float, float, float]:
        """Precision, recall, F1 (in %) for a number of matches."""
        p = 100 * matches / self.system if self.system else 0.0
        r = 100 * matches / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def accuracy(self, correct: int) -> float:
        return 100 * correct / self.relaxed if self.relaxed else 0.0

    def scores(self) -> dict[str, float]:
        """Every TE3 figure, in %, keyed as the eval command reports them."""
        strict_p, strict_r, strict_f = self.prf(self.strict)
        relaxed_p, relaxed_r, relaxed_f = self.prf(self.relaxed)
        type_acc, value_acc = self.accuracy(self.type_correct), self.accuracy(self.value_correct)
        return {
            "strict_precision": strict_p, "strict_recall": strict_r, "strict_f1": strict_f,
            "relaxed_precision": relaxed_p, "relaxed_recall": relaxed_r, "relaxed_f1": relaxed_f,
            "type_accuracy": type_acc, "value_accuracy": value_acc,
            "type_f1": type_acc * relaxed_f / 100, "value_f1": value_acc * relaxed_f / 100,
        }  # fmt: skip


def pair_timexes(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs, walking the text: a timex starting inside an unpaired one of the other side joins it."""
    pairs = []
    free = sorted(system)
    for g in sorted(gold):
        for s in free:
            if g.start <= s.start < g.end or s.start <= g.start < s.end:
                pairs.append((g, s))
                free.remove(s)
                break
    return pairs


def count_timexes(gold: Sequence[Timex], system: Sequence[Timex]) -> TimexCounts:
    """The counts of one document."""
    pairs = pair_timexes(gold, system)
    return TimexCounts(
        gold=len(gold),
        system=len(system),
        relaxed=len(pairs),
        strict=sum((g.start, g.end) == (s.start, s.end) for g, s in pairs),
        type_correct=sum(g.type == s.type for g, s in pairs),
        value_correct=sum(g.value == s.value for g, s in pairs),
    )


def total(counts: Iterable[TimexCounts]) -> TimexCounts:
    """Micro-average: sum the counts of every document."""
    return sum(counts, TimexCounts())
