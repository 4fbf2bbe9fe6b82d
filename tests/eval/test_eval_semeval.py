"""SemEval-2018 Task 5 / GVC: the incident answer rule on a hand-made ledger, and a real slice."""

import pytest

from crosswire.eval.ledgers import Article, build_ledger, shared_data
from crosswire.eval.semeval import Answer, Tally, answer_incident, evaluate
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


def test_semeval_tally_counts_exact_and_within_one():
    tally = Tally()
    tally.add(Answer(2, 0, "2016-05-07", "Springfield"), Answer(3, 0, "2016-05-07", "Springfield"), with_place=True)
    scores = tally.accuracy()
    assert scores["killed exact"] == 0 and scores["killed ±1"] == 100 and scores["city"] == 100


DATA = shared_data("gvc")


@pytest.mark.skipif(not (DATA / "incidents.jsonl").exists(), reason="../shared/data/gvc is absent")
def test_semeval_slice_of_gvc_incidents():
    result = evaluate(DATA, Settings(), limit=6).as_dict()
    assert result["incidents"] == 6
    # Measured 66.7 killed-exact on the first 30 GVC incidents; the floor catches a broken count path.
    assert result["per_incident"]["killed ±1"] >= 50
