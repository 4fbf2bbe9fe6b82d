"""Ages listed after a group, people listed in headlines, non-fatal wounds, tallies over hours or days
(issue 10, SemEval counts). Every sentence here is made up."""

import pytest

from tests.extract.test_counts import counts
from tests.extract.test_counts_described import figures


def test_counts_ages_after_a_group_are_not_victims(nlp):
    assert figures(nlp, "Two women, one 34 and the other 52, suffered gunshot wounds.") == [("shot", 2, None)]
    assert figures(nlp, "The victims — ages 19, 23, 31 and 44 — are expected to survive, police said.") == []


def test_counts_a_headline_lists_people_with_commas(nlp):
    assert figures(nlp, "Uncle, nephew found dead in Elmwood apartment") == [("killed", 2, None)]
    assert figures(nlp, "Brother, sister found dead in Elmwood home") == [("killed", 2, None)]
    assert figures(nlp, "Grandfather, two boys dead in Millbrook fire") == [("killed", 3, None)]


def test_counts_an_apposition_is_still_the_same_person(nlp):
    assert figures(nlp, "The driver, a woman from Elmwood, was killed.") == [("killed", 1, None)]
    assert figures(nlp, "They killed my little girl, my daughter, she said.") == [("killed", 1, None)]
    # A speaker's own ("our", "my") points at no one else in the text: the same person, renamed.
    assert figures(nlp, "Michael Johnson, our sweet little boy, passed away on Sunday.") == [("killed", 1, None)]
    assert figures(nlp, "Michael Johnson, my son, was shot on Sunday.") == [("shot", 1, None)]


def test_counts_a_headline_object_of_a_gerund_is_not_counted_alone(nlp):
    assert figures(nlp, "Cousin arrested for shooting 4-year-old niece") == [("arrested", 1, None)]


def test_counts_a_headline_killer_listed_with_his_victims(nlp):
    assert figures(nlp, "Man kills wife, her mother, himself in Elmwood") == [("killed", 3, None)]
    assert figures(nlp, "Former deputy allegedly kills himself, 3 children") == [("killed", 4, None)]


def test_counts_a_headline_toll_on_a_state_word_is_not_summed(nlp):
    assert figures(nlp, "1 Dead, 2 hurt in Elmwood shooting") == [("killed", 1, None), ("injured", 2, None)]
    assert figures(nlp, "1 Dead, 3 hurt in Millbrook nightclub shooting") == [("killed", 1, None), ("injured", 3, None)]


def test_counts_non_fatal_wounds_are_not_deaths(nlp):
    assert figures(nlp, "Two others suffered non-fatal gunshot wounds.") == [("shot", 2, None)]
    assert figures(nlp, "Two others suffered fatal gunshot wounds.") == [("killed", 2, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Four children have been shot in the county in the past three days.",
        "Nine people were shot in less than 24 hours across the east side.",
        "Six adults and two teens were shot in five hours.",
        "Eleven people were shot during an eight-hour stretch on Saturday.",
        "The chief spoke after shootings of six people in less than 24 hours.",
    ],
)
def test_counts_a_figure_over_hours_or_days_is_a_tally(nlp, text):
    found = counts(nlp, text)
    assert found and all(c.implausible and c.implausible.startswith("a tally over many incidents") for c in found)


def test_counts_one_victim_within_hours_is_no_tally(nlp):
    found = counts(nlp, "A man was shot twice in two hours.")
    assert [(c.kind, c.value, c.implausible) for c in found] == [("shot", 1, None)]


def test_counts_a_killer_ending_a_numbered_list_is_killed_too(nlp):
    assert figures(nlp, "Man kills his wife, 2 sons and himself") == [("killed", 4, None)]


def test_counts_animals_are_not_people(nlp):
    assert figures(nlp, "Two dogs were shot.") == []
    assert figures(nlp, "The man shot his neighbor and 2 dogs.") == [("shot", 1, None)]


def test_counts_people_listed_as_subjects_side_by_side_are_one_figure(nlp):
    assert figures(nlp, "Police said 3 men and 2 women were shot.") == [("shot", 5, None)]
    # A later subject with a participle of its own is a clause of its own, not part of the first figure.
    assert figures(nlp, "Two suspects in a shooting that left four people dead and one person injured were identified.") \
        == [("attackers", 2, None), ("killed", 4, None), ("injured", 1, None)]
