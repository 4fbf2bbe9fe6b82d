"""MUC-4: key templates read as the distribution writes them, slot scoring by the 1992 rules, a real slice."""

import datetime as dt
from pathlib import Path

import pytest

from crosswire.eval.ledgers import shared_data
from crosswire.eval.muc4 import Response, _credit, _muc_string, evaluate, score_message, system_templates, truecase
from crosswire.eval.muc4_format import Filler, KeyTemplate, Message, _fillers, key_date
from crosswire.settings import Settings


def test_muc4_fillers_keep_alternatives_optional_marks_and_cross_references():
    fillers = _fillers(['"GUERRILLA COLUMN" / "GUERRILLAS"', '? "TERRORISTS"'])
    assert fillers == (Filler(("GUERRILLA COLUMN", "GUERRILLAS")), Filler(("TERRORISTS",), optional=True))
    [confidence] = _fillers(['REPORTED AS FACT / CLAIMED OR ADMITTED: "URNG"'])
    assert confidence.alternatives == ("REPORTED AS FACT", "CLAIMED OR ADMITTED")
    assert confidence.refers_to == ("URNG",)
    assert _fillers(["*"]) is None and _fillers(["-"]) == ()


def test_muc4_key_dates_are_a_day_a_range_or_on_or_before():
    assert key_date("02 FEB 90") == (dt.date(1990, 2, 2), dt.date(1990, 2, 2))
    assert key_date("25 DEC 89 - 30 DEC 89") == (dt.date(1989, 12, 25), dt.date(1989, 12, 30))
    assert key_date("- 03 JAN 90") == (None, dt.date(1990, 1, 3))


def test_muc4_alternatives_wrapped_in_parentheses_are_each_scored():
    [date] = _fillers(["(- 12 NOV 89) / (- 18 NOV 89)"])
    assert date.alternatives == ("- 12 NOV 89", "- 18 NOV 89")
    assert _credit("INCIDENT: DATE", date, "- 1989-11-18") == 1.0  # the second alternative's default
    assert _credit("INCIDENT: DATE", date, "- 1989-11-20") == 0.0
    [place] = _fillers(["(EL SALVADOR) / (EL SALVADOR: SAN SALVADOR (CITY))"])
    assert place.alternatives == ("EL SALVADOR", "EL SALVADOR: SAN SALVADOR (CITY)")
    assert _credit("INCIDENT: LOCATION", place, "EL SALVADOR") == 1.0
    assert _credit("INCIDENT: LOCATION", place, "SAN SALVADOR") == 1.0
    [part] = _fillers(["COLOMBIA: BOGOTA (CITY)"])
    assert part.alternatives == ("COLOMBIA: BOGOTA (CITY)",)  # the parentheses of a part stay


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


def test_muc4_truecase_names_a_group_spelled_out_beside_its_acronym():
    cased = truecase("KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] TODAY.")
    # Brackets become parentheses, which do not end a sentence for the parser.
    assert "terrorists of the Farabundo Marti National Liberation Front (FMLN)" in cased
    cased = truecase("THE MRTA [TUPAC AMARU REVOLUTIONARY MOVEMENT] CLAIMED IT. THE MRTA SAID SO.")
    assert cased.startswith("The MRTA (Tupac Amaru Revolutionary Movement)") and cased.endswith("The MRTA said so.")
    # Spanish word order: Ejercito de Liberacion Nacional.
    assert "by Army of National Liberation (ELN) guerrillas" in truecase("APPARENTLY BY ARMY OF NATIONAL LIBERATION (ELN) GUERRILLAS")
    # A verb before a source tag is not a name; a month is.
    assert "attacked (" in truecase("THE REBELS ATTACKED (AFP) A POST.")
    assert truecase("IN MARCH 1980 THEY MAY ATTACK") == "In March 1980 they may attack"


def test_muc4_string_fills_drop_articles_and_quantities():
    assert _muc_string("about 50 peasants") == "PEASANTS"
    assert _muc_string("the six Jesuit priests") == "JESUIT PRIESTS"
    assert _muc_string("Ricardo Castellar") == "RICARDO CASTELLAR"


def test_muc4_one_template_for_a_recent_terrorist_incident_none_for_clashes_or_old_ones():
    text = ("THE ARMY HAS REPORTED THAT ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI "
            "NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL ON 30 DECEMBER.\n\n"
            "MEANWHILE, THREE SUBVERSIVES WERE KILLED DURING CLASHES YESTERDAY IN USULUTAN DEPARTMENT.\n\n"
            "IN MARCH 1980, GUERRILLAS ATTACKED A BRIDGE IN SAN SALVADOR.")
    [template] = system_templates(Message("TST1-MUC3-9999", text, "1990-01-03"), Settings())
    slots = template.slots
    assert slots["INCIDENT: TYPE"] == ("KIDNAPPING",)
    assert slots["INCIDENT: DATE"] == ("1989-12-30",)  # a bare "30 December" in a January report
    assert slots["INCIDENT: LOCATION"] == ("SAN MIGUEL",)
    assert slots["PERP: INDIVIDUAL ID"] == ("TERRORISTS",)
    assert slots["PERP: ORGANIZATION CONFIDENCE"] == (("REPORTED AS FACT", "FARABUNDO MARTI NATIONAL LIBERATION FRONT"),)
    assert slots["HUM TGT: DESCRIPTION"] == ("PEASANTS",)


DATA = shared_data("muc4")


@pytest.mark.skipif(not (DATA / "tst1").is_dir(), reason="../shared/data/muc4 is absent")
def test_muc4_slice_scores_templates_from_real_messages():
    result = evaluate(Path(DATA), Settings(), ["tst1"], limit=8).as_dict()
    assert result["messages"] == 8
    assert result["templates"]["key"] > 0 and result["templates"]["response"] > 0
    # Measured 27.1 F on the first 30 TST1 messages; a floor well under it catches a broken mapping.
    assert result["f"] >= 15
