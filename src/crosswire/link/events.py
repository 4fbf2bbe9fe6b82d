"""Cross-document event coreference: event mentions clustered into events, incrementally.

New mentions are first chained within their document (a bare "the attack" continues the latest
event of its type), then each document's clusters join an existing event when the type matches,
nothing contradicts (dates overlap, countries agree) and enough evidence agrees (see `_evidence`).
Old assignments are never redone, so adding documents costs what the new documents cost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from crosswire.records import EventMention, TimeValue

# Evidence needed to put a document's cluster into an existing event (see _evidence).
MIN_EVIDENCE = 2
# Clusters dated more coarsely than this many weeks (a year, a decade) are compared with every new cluster.
MAX_BLOCK_WEEKS = 60
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})


@dataclass
class Cluster:
    """Mentions believed to be one event, with the features linking compares."""

    id: str
    type: str
    mentions: list[EventMention] = field(default_factory=list)
    intervals: list[tuple[dt.date, dt.date, str]] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)

    def add(self, mention: EventMention, features: "Features") -> None:
        self.mentions.append(mention)
        if features.interval:
            self.intervals.append(features.interval)
        self.places.update(features.places)
        self.countries.update(features.countries)
        self.participants.update(features.participants)


@dataclass(frozen=True)
class Features:
    interval: tuple[dt.date, dt.date, str] | None
    places: frozenset[str]
    countries: frozenset[str]
    participants: frozenset[str]


def event_id(first_mention: str) -> str:
    return "ev-" + hashlib.sha1(first_mention.encode()).hexdigest()[:12]


def date_interval(time: TimeValue | None) -> tuple[dt.date, dt.date, str] | None:
    if time is None or not time.earliest or not time.latest:
        return None
    try:
        return dt.date.fromisoformat(time.earliest[:10]), dt.date.fromisoformat(time.latest[:10]), time.precision
    except ValueError:
        return None


def cluster_mentions(
    existing: dict[str, list[EventMention]],
    new: Iterable[EventMention],
    *,
    features_of: Callable[[EventMention], Features],
    document_order: list[str],
    window_days: int,
) -> tuple[dict[str, str], set[str]]:
    """Assign each new mention an event id; returns (mention id -> event id, touched event ids)."""
    blocks = Blocks(window_days)
    for ev_id, mentions in existing.items():
        cluster = Cluster(id=ev_id, type=mentions[0].type)
        for mention in mentions:
            cluster.add(mention, features_of(mention))
        blocks.add(cluster)
    by_document: dict[str, list[EventMention]] = defaultdict(list)
    for mention in new:
        by_document[mention.document].append(mention)
    rank = {d: i for i, d in enumerate(document_order)}
    assignments: dict[str, str] = {}
    touched: set[str] = set()
    for doc_id in sorted(by_document, key=lambda d: rank.get(d, len(rank))):
        for local in _within_document(sorted(by_document[doc_id], key=lambda m: m.start), features_of, window_days):
            target = _best_match(local, blocks.candidates(local), window_days)
            if target is None:
                target = local
            else:
                for mention in local.mentions:
                    target.add(mention, features_of(mention))
            blocks.add(target)
            touched.add(target.id)
            assignments.update({m.id: target.id for m in local.mentions})
    return assignments, touched


class Blocks:
    """Existing events indexed by (type, week): a new cluster is compared only with events it could join.

    Events further apart in time than the window contradict anyway, so a dated cluster looks at the
    weeks its dates cover (widened by the window) plus the undated or coarsely dated events of its type; the cost of
    linking then follows the new documents, not the size of the ledger.
    """

    def __init__(self, window_days: int) -> None:
        self.window = dt.timedelta(days=window_days)
        self.dated: dict[tuple[str, int], dict[str, Cluster]] = defaultdict(dict)
        self.undated: dict[str, dict[str, Cluster]] = defaultdict(dict)

    def _weeks(self, cluster: Cluster) -> set[int]:
        """Weeks the cluster's dates cover; empty when undated or dated too coarsely to block on."""
        weeks = set()
        for start, end, _ in cluster.intervals:
            first, last = (start - self.window).toordinal() // 7, (end + self.window).toordinal() // 7
            if last - first > MAX_BLOCK_WEEKS:
                return set()
            weeks.update(range(first, last + 1))
        return weeks

    def add(self, cluster: Cluster) -> None:
        """(Re)index a cluster; a cluster that gained precise dates leaves the unblocked set."""
        weeks = self._weeks(cluster)
        if weeks:
            self.undated[cluster.type].pop(cluster.id, None)
        else:
            self.undated[cluster.type][cluster.id] = cluster
        for week in weeks:
            self.dated[(cluster.type, week)][cluster.id] = cluster

    def candidates(self, cluster: Cluster) -> list[Cluster]:
        found = dict(self.undated[cluster.type])
        weeks = self._weeks(cluster)
        if not weeks:  # an undated cluster may belong to any event of its type
            for (kind, _), members in self.dated.items():
                if kind == cluster.type:
                    found.update(members)
        for week in weeks:
            found.update(self.dated.get((cluster.type, week), {}))
        return list(found.values())


def _within_document(
    mentions: list[EventMention], features_of: Callable[[EventMention], Features], window_days: int
) -> list[Cluster]:
    clusters: list[Cluster] = []
    latest_of_type: dict[str, Cluster] = {}
    for mention in mentions:
        features = features_of(mention)
        bare = features.interval is None and not features.places and _refers_back(mention, latest_of_type.get(mention.type))
        single = Cluster(id=event_id(mention.id), type=mention.type)
        single.add(mention, features)
        if bare and mention.type in latest_of_type:
            target = latest_of_type[mention.type]  # "the attack": the latest event of its type in this report
        else:
            target = _best_match(single, [c for c in clusters if c.type == mention.type], window_days)
        if target is None:
            clusters.append(single)
            target = single
        else:
            target.add(mention, features)
        latest_of_type[mention.type] = target
    return clusters


def _refers_back(mention: EventMention, latest: Cluster | None) -> bool:
    """'the attack', 'this act', or a second trigger in the same sentence: it continues the latest event."""
    if latest is None:
        return False
    if latest.mentions[-1].sentence == mention.sentence:
        return True
    # EventMention.text is the trigger's sentence: look at the two words before the trigger.
    before = [w.casefold() for w in mention.text[: max(0, mention.text.find(mention.trigger))].split()[-2:]]
    return any(w in DEFINITE for w in before)


def _best_match(candidate: Cluster, clusters: list[Cluster], window_days: int) -> Cluster | None:
    best, best_score = None, MIN_EVIDENCE - 1
    for cluster in clusters:
        if cluster.type != candidate.type or cluster is candidate or _contradicts(candidate, cluster, window_days):
            continue
        score = _evidence(candidate, cluster, window_days)
        if score > best_score:
            best, best_score = cluster, score
    return best


def _overlap(a: tuple[dt.date, dt.date, str], b: tuple[dt.date, dt.date, str], window_days: int) -> bool:
    slack = dt.timedelta(days=window_days if "day" in (a[2], b[2]) else 0)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def _contradicts(a: Cluster, b: Cluster, window_days: int) -> bool:
    if a.intervals and b.intervals and not any(
        _overlap(x, y, window_days) for x in a.intervals for y in b.intervals
    ):
        return True
    return bool(a.countries and b.countries and not a.countries & b.countries)


def _evidence(a: Cluster, b: Cluster, window_days: int) -> int:
    """Agreeing features: a same precise date (2), a same place (2), a same country (1), a shared actor (1)."""
    score = 0
    precise = [(x, y) for x in a.intervals for y in b.intervals if x[2] in ("day", "minute", "hour") and y[2] in ("day", "minute", "hour")]
    if any(_overlap(x, y, window_days) for x, y in precise):
        score += 2
    elif any(_overlap(x, y, 0) for x in a.intervals for y in b.intervals):
        score += 1
    if a.places & b.places:
        score += 2
    elif a.countries & b.countries:
        score += 1
    if a.participants & b.participants:
        score += 1
    return score
