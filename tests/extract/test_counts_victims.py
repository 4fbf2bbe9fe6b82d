"""Victims told by hospital wording, ordinals, projectiles and 'one fatally' (issue 10, SemEval counts)."""

from tests.extract.test_counts_described import figures


def test_counts_an_ordinal_victim_is_one_person_not_a_figure(nlp):
    assert figures(nlp, "A second man was also shot and is expected to survive.") == [("shot", 1, None)]
    assert figures(nlp, "The third victim was wounded in the arm.") == [("injured", 1, None)]


def test_counts_one_fatally_after_a_shot_group_is_killed(nlp):
    assert figures(nlp, "Three people were shot, one fatally.") == [("shot", 3, None), ("killed", 1, None)]
    assert figures(nlp, "Five people were shot overnight, two of them fatally.") == [("shot", 5, None), ("killed", 2, None)]


def test_counts_grazed_or_struck_by_a_bullet_is_shot(nlp):
    assert figures(nlp, "A 15-year-old was grazed by a bullet.") == [("shot", 1, None)]
    assert figures(nlp, "Two women were hit by gunfire.") == [("shot", 2, None)]


def test_counts_struck_by_a_car_is_no_shooting(nlp):
    assert figures(nlp, "A cyclist was struck by a car.") == []


def test_counts_treated_for_a_wound_or_treated_and_released_is_injured(nlp):
    assert figures(nlp, "A cashier was treated for a gunshot wound.") == [("injured", 1, None)]
    assert figures(nlp, "The driver was treated and released.") == [("injured", 1, None)]


def test_counts_expected_to_survive_is_injured(nlp):
    assert figures(nlp, "The teenager is expected to recover.") == [("injured", 1, None)]


def test_counts_a_verb_sharing_the_subject_says_what_became_of_it(nlp):
    text = "A man was found inside a parked van and pronounced dead at the scene."
    assert figures(nlp, text) == [("killed", 1, None)]


def test_counts_a_joined_verb_with_its_own_object_tells_of_the_doer_not_a_victim(nlp):
    assert figures(nlp, "A man walked into the bakery and shot three people.") == [("shot", 3, None)]


def test_counts_found_dead_is_killed(nlp):
    assert figures(nlp, "Neighbors found an elderly man dead in his yard.") == [("killed", 1, None)]


def test_counts_a_shooting_that_left_people_injured(nlp):
    assert figures(nlp, "Police are looking into a fight that left three people injured late Friday.") == [
        ("injured", 3, None)]


def test_counts_carried_or_found_with_a_gunshot_wound_is_shot(nlp):
    assert figures(nlp, "A woman was taken to a hospital with a gunshot wound to the hand.") == [("shot", 1, None)]


def test_counts_recovering_from_a_wound_is_injured(nlp):
    assert figures(nlp, "The boy is recovering from a gunshot wound.") == [("injured", 1, None)]
