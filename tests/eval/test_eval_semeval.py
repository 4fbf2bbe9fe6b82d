"""SemEval-2018 Task 5 / GVC: the incident answer rule on a hand-made ledger, and a real slice."""

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.eval.ledgers import Article, build_ledger, shared_data
from crosswire.eval.semeval import (
    OPENING_CHARS,
    Answer,
    Tally,
    _answer,
    _city,
    _figures,
    answer_incident,
    combine,
    evaluate,
    read_incidents,
    with_headline,
)
from crosswire.records import Event, ReportedCount
from crosswire.settings import Settings


@pytest.fixture(scope="module")
def ledger():
    articles = [
        Article("a", "A man was shot and killed on Main Street in Springfield on Saturday, police said. "
                     "Two other people were shot and wounded in the shooting.", published="2016-05-08"),
        Article("b", "Police said the shooting in Springfield on Saturday left one man dead and two people injured.",
                published="2016-05-09"),
    ]
    return build_ledger(articles, Settings())


def test_semeval_answer_takes_the_main_events_figures(ledger):
    answer, per_document = answer_incident(*ledger)
    assert (answer.killed, answer.injured) == (1, 2)
    assert set(per_document) <= {"a", "b"}


def test_semeval_answer_takes_each_reports_lead_figure_not_a_later_context_toll():
    articles = [
        Article("a", "A 7-year-old boy was shot and killed Saturday night in Springfield, police said. "
                     "By Sunday, at least seven people had been killed and 40 wounded in the city this weekend.",
                published="2016-07-05"),
        Article("b", "Police said a 7-year-old boy died after he was shot in Springfield on Saturday.",
                published="2016-07-05"),
    ]
    answer, _ = answer_incident(*build_ledger(articles, Settings()))
    assert (answer.killed, answer.injured) == (1, 0)


def test_semeval_a_later_report_of_the_death_turns_the_injured_into_killed():
    articles = [
        Article("a", "A 2-year-old boy was shot in the head Tuesday afternoon at a Madison apartment, police said.",
                published="2015-03-31"),
        Article("b", "MADISON, Tenn. — The 2-year-old boy who was shot Tuesday at a Madison apartment has died, police said.",
                published="2015-04-02"),
    ]
    answer, _ = answer_incident(*build_ledger(articles, Settings()))
    assert (answer.killed, answer.injured) == (1, 0)
    assert answer.city == "Madison"


def test_semeval_an_undated_report_gives_its_own_date_and_its_dateline_town():
    articles = [Article("a", "KOKOMO, Ind. (WXIN) — Police are looking for the gunman after four people were shot "
                             "outside a nightclub.", published="2014-06-15")]
    answer, _ = answer_incident(*build_ledger(articles, Settings()))
    assert (answer.date, answer.city) == ("2014-06-15", "Kokomo")


def test_semeval_the_headline_leads_the_text_once():
    assert with_headline("Police said four were shot.", "Four shot in Kokomo") == "Four shot in Kokomo\n\nPolice said four were shot."
    assert with_headline("Four shot in Kokomo\n\nPolice said ...", "Four shot in Kokomo") == "Four shot in Kokomo\n\nPolice said ..."


def test_semeval_a_title_case_headline_is_recased_from_its_body():
    body = "A man was found shot to death in Gary on Sunday."
    assert with_headline(body, "Man Found Shot To Death In Gary").startswith("Man found shot to death in Gary\n\n")
    # Words the body never writes, and function words, are lower-cased too; names keep their capital.
    recased = with_headline("One of them was taken to a hospital in Gary.", "Teen Killed, Another Wounded In Gary")
    assert recased.startswith("Teen killed, another wounded in Gary\n\n")
    # A sentence-case headline is left as it is.
    assert with_headline(body, "Four people shot outside Kokomo nightclub").startswith("Four people shot outside Kokomo")


def test_semeval_tally_counts_exact_and_within_one():
    tally = Tally()
    tally.add(Answer(2, 0, "2016-05-07", "Springfield"), Answer(3, 0, "2016-05-07", "Springfield"), with_place=True)
    scores = tally.accuracy()
    assert scores["killed exact"] == 0 and scores["killed ±1"] == 100 and scores["city"] == 100
    tally.add(Answer(0, 0, city="Saint Louis (Hanley Hills)"), Answer(0, 0, city="St. Louis"), with_place=True)
    assert tally.accuracy()["city"] == 100


def _event(name: str, *figures: tuple) -> Event:
    """An event with figures (kind, value, start[, low]) in document "d"."""
    counts = tuple(ReportedCount(kind=kind, value=value, low=low[0] if low else None, document="d", text=str(value),
                                 start=start, end=start + 1)
                   for kind, value, start, *low in figures)
    return Event(id=name, type="ASSAULT", summary=name, counts=counts, independent_sources=1, status="single-source")


def test_semeval_a_kind_the_lead_event_lacks_comes_from_the_reports_opening_only():
    lead = _event("lead", ("killed", 1, 0))
    split_off = _event("victim", ("shot", 3, 200))
    assert _figures([lead, split_off], "d") == {"killed": 1, "shot": 3}
    # Further down, another event's figure is context (an earlier shooting, a yearly toll).
    context = _event("context", ("injured", 6, OPENING_CHARS + 500))
    assert _figures([lead, context], "d") == {"killed": 1}
    # An event whose toll disagrees with the lead's is another incident, even in the opening.
    other_incident = _event("other", ("killed", 7, 150), ("injured", 40, 160))
    assert _figures([lead, other_incident], "d") == {"killed": 1}
    # The lead event's own figure keeps precedence over the opening's.
    assert _figures([_event("lead", ("killed", 1, 0), ("shot", 2, 90)), split_off], "d") == {"killed": 1, "shot": 2}


def test_semeval_the_lead_events_dead_are_the_most_its_opening_gives():
    # "Man killed his wife, 2 sons, then himself" (a parse that counts the sons alone), then "four found dead".
    lead = _event("lead", ("killed", 2, 0), ("killed", 4, 300), ("killed", 9, OPENING_CHARS + 100))
    assert _figures([lead], "d") == {"killed": 4}


def test_semeval_a_deadly_shooting_without_a_toll_does_not_choose_the_lead_event():
    background = _event("background", ("killed", None, 10, 1), ("killed", 20, 900))  # "a deadly shooting" ... "20 killed"
    incident = _event("incident", ("killed", 2, 100), ("injured", 5, 120))
    assert _figures([background, incident], "d") == {"killed": 2, "injured": 5}


def _victim(kind: str, text: str, start: int) -> ReportedCount:
    return ReportedCount(kind=kind, value=1, document="d", text=text, start=start, end=start + len(text))


def test_semeval_a_lone_victim_wounded_then_killed_is_counted_once():
    lead = Event(id="e", type="ASSAULT", summary="e", independent_sources=1, status="single-source",
                 counts=(_victim("killed", "a 16-year-old", 10), _victim("injured", "A 16-year-old", 90)))
    assert _figures([lead], "d") == {"killed": 1}
    # "One dead, one injured" are two people.
    two = Event(id="e", type="ASSAULT", summary="e", independent_sources=1, status="single-source",
                counts=(_victim("killed", "One", 0), _victim("injured", "one", 10)))
    assert _figures([two], "d") == {"killed": 1, "injured": 1}


def test_semeval_victims_go_by_the_reports_that_count_at_least_the_dead():
    # One report has four killed and one hurt; two others name one victim each.
    assert combine([Answer(4, 1), Answer(1, 1), Answer(1, 1)]) == (4, 1)
    assert combine([Answer(1, 2), Answer(1, 2), Answer(1, 5)]) == (1, 2)
    assert combine([]) == (0, 0)


def test_semeval_injured_is_the_injured_figure_or_shot_less_killed_whichever_is_more():
    assert _answer({"killed": 1, "shot": 4, "injured": 1}) == Answer(1, 3)
    assert _answer({"killed": 1, "injured": 2}) == Answer(1, 2)
    assert _answer({"killed": 2, "shot": 1}) == Answer(2, 0)


DATA = shared_data("gvc")


@pytest.mark.skipif(not (DATA / "incidents.jsonl").exists(), reason="../shared/data/gvc is absent")
def test_semeval_slice_of_gvc_incidents():
    result = evaluate(DATA, Settings(), limit=6).as_dict()
    assert result["incidents"] == 6
    # Measured 66.7 killed-exact on the first 30 GVC incidents; the floor catches a broken count path.
    assert result["per_incident"]["killed ±1"] >= 50


def test_semeval_errors_option_lists_every_incident_answered_wrong(tmp_path):
    incidents = [{"incident_id": "1", "date": "2016-05-07", "city_or_county": "Springfield", "state": "Illinois",
                  "num_killed": 2, "num_injured": 0}]
    documents = [{"doc_id": "a", "incident_id": "1", "dct": "2016-05-08", "title": None,
                  "text": "A man was shot and killed on Main Street in Springfield on Saturday, police said."}]
    for name, rows in (("incidents", incidents), ("documents", documents)):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    run = CliRunner().invoke(app, ["eval", "semeval", "--data", str(tmp_path), "--json", "--errors", str(errors)],
                             catch_exceptions=False)
    assert run.exit_code == 0
    [mistake] = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert mistake["incident"] == "1" and "killed" in mistake["wrong"]
    assert mistake["gold"]["killed"] == 2 and mistake["system"]["killed"] == 1 and mistake["documents"]["a"] == [1, 0]


def test_semeval_a_locality_gva_writes_in_parentheses_is_the_place_too():
    tally = Tally()
    tally.add(Answer(0, 0, city="Northfield (Elmwood)"), Answer(0, 0, city="Elmwood"), with_place=True)
    tally.add(Answer(0, 0, city="Northfield (Elmwood)"), Answer(0, 0, city="Northfield"), with_place=True)
    tally.add(Answer(0, 0, city="Northfield (Elmwood)"), Answer(0, 0, city="Southfield"), with_place=True)
    assert tally.right["city"] == 2


def test_semeval_offset_and_limit_take_a_slice_of_incidents_in_id_order(tmp_path):
    incidents = [{"incident_id": str(n), "date": "2016-05-07", "city_or_county": "Springfield", "state": "Illinois",
                  "num_killed": 1, "num_injured": 0} for n in (3, 1, 2)]
    documents = [{"doc_id": f"d{n}", "incident_id": str(n), "dct": "2016-05-08", "title": None,
                  "text": "A man was shot and killed in Springfield."} for n in (1, 2, 3)]
    for name, rows in (("incidents", incidents), ("documents", documents)):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [i.id for i in read_incidents(tmp_path, offset=1, limit=1)] == ["2"]
    assert [i.id for i in read_incidents(tmp_path, offset=1)] == ["2", "3"]


def test_semeval_a_neighbourhood_after_a_preposition_is_no_town_unless_the_gazetteer_knows_it():
    text = ("Two men were shot in Little Village on Sunday night. Residents of Little Village said they heard six "
            "shots, police in Chicago said.")
    ledger, _ = build_ledger([Article("a", text, published="2015-03-31")], Settings())
    assert _city(None, ledger) == "Chicago"
