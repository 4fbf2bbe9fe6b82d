"""MUC-4: key templates read as the distribution writes them, slot scoring by the 1992 rules, a real slice."""

import datetime as dt
from pathlib import Path

import pytest

from crosswire.eval.ledgers import shared_data
from crosswire.eval.muc4 import Response, evaluate, score_message, truecase
from crosswire.eval.muc4_format import Filler, KeyTemplate, _fillers, key_date
from crosswire.settings import Settings


def test_muc4_fillers_keep_alternatives_optional_marks_and_cross_references():
    fillers = _fillers(['"GUERRILLA COLUMN" / "GUERRILLAS"', '? "TERRORISTS"'])
    assert fillers == (Filler(("GUERRILLA COLUMN", "GUERRILLAS")), Filler(("TERRORISTS",), optional=True))
    [confidence] = _fillers(['REPORTED AS FACT / CLAIMED OR ADMITTED: "URNG"'])
    assert confidence.alternatives == ("REPORTED AS FACT", "CLAIMED OR ADMITTED")
    assert confidence.refers_to == ("URNG",)
    assert _fillers(["*"]) is None and _fillers(["-"]) == ()


def test_muc4_key_dates_are_a_day_a_range_or_on_or_before():
    assert key_date(Filler(("02 FEB 90",))) == (dt.date(1990, 2, 2), dt.date(1990, 2, 2))
    assert key_date(Filler(("25 DEC 89 - 30 DEC 89",))) == (dt.date(1989, 12, 25), dt.date(1989, 12, 30))
    assert key_date(Filler(("- 03 JAN 90",))) == (None, dt.date(1990, 1, 3))


def _key(**slots):
    return KeyTemplate("TST1-MUC3-0001", False, {name: tuple(Filler(tuple(a)) for a in fills) for name, fills in slots.items()})


def test_muc4_scoring_gives_full_half_and_no_credit_and_counts_spurious_templates():
    key = _key(**{"INCIDENT: TYPE": [["ATTACK"]], "PERP: INDIVIDUAL ID": [["GUERRILLA COLUMN", "GUERRILLAS"]],
                  "INCIDENT: LOCATION": [["GUATEMALA: SANTO TOMAS (FARM)"]]})
    paired = Response({"INCIDENT: TYPE": ("ATTACK",), "PERP: INDIVIDUAL ID": ("REBEL GUERRILLAS",),
                       "INCIDENT: LOCATION": ("GUATEMALA",)})
    spurious = Response({"INCIDENT: TYPE": ("BOMBING",)})
    scores = score_message([key], [paired, spurious])
    assert scores["INCIDENT: TYPE"].correct == 1 and scores["INCIDENT: TYPE"].actual == 2
    assert scores["PERP: INDIVIDUAL ID"].partial == 1  # shares "GUERRILLAS"
    assert scores["INCIDENT: LOCATION"].partial == 1  # the country, not the farm
    assert scores["INCIDENT: DATE"].possible == 0  # not in this key: not scored


def test_muc4_truecase_keeps_length_lowers_words_and_keeps_acronyms():
    text = "GUERRILLAS OF THE FMLN ATTACKED A BRIDGE IN SAN SALVADOR."
    cased = truecase(text)
    assert len(cased) == len(text)
    assert cased.startswith("Guerrillas of the FMLN attacked a bridge")
    assert "San Salvador" in cased


DATA = shared_data("muc4")


@pytest.mark.skipif(not (DATA / "tst1").is_dir(), reason="../shared/data/muc4 is absent")
def test_muc4_slice_scores_templates_from_real_messages():
    result = evaluate(Path(DATA), Settings(), ["tst1"], limit=8).as_dict()
    assert result["messages"] == 8
    assert result["templates"]["key"] > 0 and result["templates"]["response"] > 0
    # Measured 27.5 F on the first 30 TST1 messages; a floor well under it catches a broken mapping.
    assert result["f"] >= 15
