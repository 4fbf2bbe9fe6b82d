"""Cross-document event coreference: event mentions clustered into events, incrementally.

New mentions are first chained within their document (a bare "the attack" continues the latest
event of its type), then each document's clusters join an existing event when the type matches,
nothing contradicts (dates overlap, countries agree) and enough evidence agrees (see `_evidence`).
Old assignments are never redone, so adding documents costs what the new documents cost: a new
cluster is compared only with the events that share a block with it (`Blocks`), which the store
finds by the same keys (`event_blocks`), and candidates are tried in id order, so linking reports in
one build or in several gives the same events when later builds bring later reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from crosswire.records import EventMention, TimeValue

# Evidence needed to put a document's cluster into an existing event (see _evidence).
MIN_EVIDENCE = 2
# Dates spanning more than this many weeks (a decade) are not blocked by week but by country (see Blocks).
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
        self.add_features(features)

    def add_features(self, features: "Features") -> None:
        # Many reports give one date: comparisons go over pairs of intervals, so each is kept once.
        if features.interval and features.interval not in self.intervals:
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


def features_json(cluster: Cluster) -> str:
    """The cluster's features as stored with its event (mentions are stored on their own)."""
    return json.dumps({
        "type": cluster.type,
        "intervals": sorted({(s.isoformat(), e.isoformat(), p) for s, e, p in cluster.intervals}),
        "places": sorted(cluster.places), "countries": sorted(cluster.countries),
        "participants": sorted(cluster.participants),
    })


def stored_cluster(event: str, features: str) -> Cluster:
    """An existing event as a cluster to compare new mentions with, from its stored features."""
    data = json.loads(features)
    return Cluster(
        id=event, type=data["type"],
        intervals=[(dt.date.fromisoformat(s), dt.date.fromisoformat(e), p) for s, e, p in data["intervals"]],
        places=set(data["places"]), countries=set(data["countries"]), participants=set(data["participants"]),
    )


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
    local = local_clusters(new, features_of=features_of, document_order=document_order, window_days=window_days)
    return assign_clusters(local, blocks, features_of=features_of)


def local_clusters(
    new: Iterable[EventMention],
    *,
    features_of: Callable[[EventMention], Features],
    document_order: list[str],
    window_days: int,
) -> list[Cluster]:
    """The new mentions chained within each document, documents in `document_order`."""
    by_document: dict[str, list[EventMention]] = defaultdict(list)
    for mention in new:
        by_document[mention.document].append(mention)
    rank = {d: i for i, d in enumerate(document_order)}
    return [
        cluster
        for doc_id in sorted(by_document, key=lambda d: (rank.get(d, len(rank)), d))
        for cluster in _within_document(sorted(by_document[doc_id], key=lambda m: m.start), features_of, window_days)
    ]


def assign_clusters(
    local: list[Cluster], blocks: "Blocks", *, features_of: Callable[[EventMention], Features]
) -> tuple[dict[str, str], set[str]]:
    """Join each local cluster, in order, to the best existing event it shares a block with, or make it one."""
    assignments: dict[str, str] = {}
    touched: set[str] = set()
    for cluster in local:
        target = _best_match(cluster, blocks.candidates(cluster), blocks.window_days)
        if target is None:
            target = cluster
        else:
            for mention in cluster.mentions:
                target.add(mention, features_of(mention))
        blocks.add(target)
        touched.add(target.id)
        assignments.update({m.id: target.id for m in cluster.mentions})
    return assignments, touched


def _keys(cluster: Cluster, kind: str, values: Iterable) -> set[str]:
    return {f"{cluster.type}|{kind}:{v}" for v in values}


def _features(cluster: Cluster, prefix: str) -> set[str]:
    """Place and participant keys, `loose-` ones for events without a date to the week."""
    return _keys(cluster, f"{prefix}place", cluster.places) | _keys(cluster, f"{prefix}participant", cluster.participants)


class Blocks:
    """Events indexed by the keys a new cluster could share with them: it is compared only with those.

    An event could join a cluster only with evidence 2 and no contradiction (see `_evidence`), so it
    shares with it a week of a type (dates that overlap), a place or a participant, or, where one of
    them is dated only coarsely (a year, a decade), a country. Two events dated to the week that share a
    place but no week contradict each other, so a cluster dated to the week looks up places, participants
    and countries only among the events without such a date (the `loose-` keys): the candidates of a dated
    report stay those of its weeks however many events its city has. Keys are strings, the same in memory
    and in the store's `event_blocks`, so the store answers which stored events a new cluster may join.
    """

    def __init__(self, window_days: int) -> None:
        self.window_days = window_days
        self.window = dt.timedelta(days=window_days)
        self.clusters: dict[str, dict[str, Cluster]] = defaultdict(dict)

    def _weeks(self, cluster: Cluster) -> tuple[set[int], bool]:
        """Weeks the cluster's dates cover, and whether a date is too coarse to block on."""
        weeks, coarse = set(), False
        for start, end, _ in cluster.intervals:
            first, last = (start - self.window).toordinal() // 7, (end + self.window).toordinal() // 7
            if last - first > MAX_BLOCK_WEEKS:
                coarse = True
            else:
                weeks.update(range(first, last + 1))
        return weeks, coarse

    def keys(self, cluster: Cluster) -> set[str]:
        """The keys the cluster is found by."""
        weeks, coarse = self._weeks(cluster)
        keys = _keys(cluster, "week", weeks) | _features(cluster, "") | _keys(cluster, "country", cluster.countries)
        if coarse or not cluster.intervals:
            keys |= _features(cluster, "loose-") | _keys(cluster, "loose-country", cluster.countries)
        return keys

    def query(self, cluster: Cluster) -> set[str]:
        """The keys of the events the cluster could join."""
        weeks, coarse = self._weeks(cluster)
        keys = _keys(cluster, "week", weeks) | _keys(cluster, "loose-country", cluster.countries)
        if cluster.intervals and not coarse:
            return keys | _features(cluster, "loose-")
        keys |= _features(cluster, "")
        if coarse:
            keys |= _keys(cluster, "country", cluster.countries)
        return keys

    def add(self, cluster: Cluster) -> None:
        """(Re)index a cluster: features only grow, so its keys only grow."""
        for key in self.keys(cluster):
            self.clusters[key][cluster.id] = cluster

    def candidates(self, cluster: Cluster) -> list[Cluster]:
        """The indexed clusters sharing a key with the cluster, in id order (ties go to the first)."""
        found = {}
        for key in self.query(cluster):
            found.update(self.clusters.get(key, {}))
        found.pop(cluster.id, None)
        return [found[i] for i in sorted(found)]


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
