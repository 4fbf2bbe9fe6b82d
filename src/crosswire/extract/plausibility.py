"""Flag figures no report of one event can mean, kept in the ledger with the reason.

"killed 1,000,000,000" is a typo or a joke, not a toll; "104 people shot in Toledo this year" is a
tally over many incidents, not the toll of the shooting the report is about. A flagged figure stays
in the ledger, with the reason, so nothing is dropped silently; link leaves it out of event
summaries and count conflicts, where it would otherwise outvote every real figure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Token

from crosswire.records import Count

# Ten million people killed, injured, arrested or held in one event. The largest single-event figures
# in conflict-event data (UCDP GED, ACLED) are in the hundreds of thousands, so this leaves an order of
# magnitude of margin and still catches misplaced separators and "billion" typos.
MAX_PLAUSIBLE_COUNT = 10_000_000


def flag_implausible(counts: Iterable[Count]) -> list[Count]:
    """The counts, each one above MAX_PLAUSIBLE_COUNT carrying the reason in `implausible`."""
    return [_flagged(count) for count in counts]


def _flagged(count: Count) -> Count:
    largest = max((n for n in (count.value, count.low, count.high) if n is not None), default=None)
    if largest is None or largest <= MAX_PLAUSIBLE_COUNT:
        return count
    reason = f"{largest:,} {count.kind} is over the plausibility bound of {MAX_PLAUSIBLE_COUNT:,} for one event"
    return count.model_copy(update={"implausible": reason})


@cache
def _tally_rules() -> dict[str, Any]:
    return json.loads(files("crosswire.extract").joinpath("patterns/tallies.json").read_text("utf-8"))


def tally_reason(clause: Token) -> str | None:
    """Why the figure governed by `clause` (its verb, or its noun when it has none) counts many incidents.

    Only the clause's own words count: its subordinate clauses may speak of other things.
    """
    rules = _tally_rules()
    skip = {t.i for child in clause.children if child.dep_ in rules["subordinate"] for t in child.subtree}
    tokens = [t for t in clause.subtree if t.i not in skip]
    text = " ".join(t.lower_ for t in tokens)
    for word in rules["words"]:
        if any(t.lower_ == word for t in tokens):
            return f"a tally over many incidents ('{word}'), not one event's figure"
    for span in rules["spans"]:
        if re.search(rf"\b{re.escape(span)}\b", text):
            return f"a tally over many incidents ('{span}'), not one event's figure"
    for name, pattern in rules["span_patterns"].items():
        if name != "_doc" and (match := re.search(pattern, text)):
            return f"a tally over many incidents ('{match.group(0)}'), not one event's figure"
    # "four separate shootings that left 10 people shot": the clause tells of the incidents it hangs on.
    antecedent = [clause.head] if clause.dep_ == "relcl" else []
    for token in (*tokens, *antecedent):
        if token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in rules["incident_nouns"]:
            modifiers = [c for c in token.subtree if c.i < token.i]
            if any(c.dep_ == "nummod" or c.lower_ in rules["incident_modifiers"] for c in modifiers):
                phrase = token.doc[token.left_edge.i : token.i + 1].text
                return f"a tally over many incidents ('{phrase}'), not one event's figure"
            spread = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in rules["incident_spread"]), None)
            if spread is not None:  # "wounded in shootings across Chicago"
                phrase = token.doc[token.i : spread.right_edge.i + 1].text
                return f"a tally over many incidents ('{phrase}'), not one event's figure"
    return None
