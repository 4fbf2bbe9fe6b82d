"""The others beside the dead, a state word that belongs to the first object, and numbers that count nobody
(issue 10, SemEval counts)."""

from tests.extract.test_counts import counts
from tests.extract.test_counts_described import figures


def test_counts_others_shot_beside_the_dead_are_the_wounded(nlp):
    assert figures(nlp, "The shooting left one dead and 11 others shot.") == [("killed", 1, None), ("injured", 11, None)]


def test_counts_others_shot_with_a_coordinated_victim_stay_shot(nlp):
    # "he and four others" are five shot, of whom he died: the figure is not the wounded alone.
    text = "A man died Tuesday night after he and four others were shot in front of a home."
    assert ("shot", 5, None) in figures(nlp, text)


def test_counts_a_state_joined_under_left_is_the_state_of_its_own_object(nlp):
    text = "A gunfight broke out on a street, leaving two dead and four others injured."
    assert figures(nlp, text) == [("killed", 2, None), ("injured", 4, None)]


def test_counts_dead_describes_the_first_object_not_the_later_one(nlp):
    text = "Police are investigating a shooting that left one man dead and at least six others with gunshot wounds."
    assert figures(nlp, text) == [("killed", 1, None), ("injured", None, 6)]


def test_counts_an_emergency_number_or_a_street_block_is_no_figure(nlp):
    assert figures(nlp, "Her son called 911 reporting that he had been shot by his father.") == [("shot", 1, None)]
    assert figures(nlp, "The boy was shot in the chest in the 2300 block of Louise Avenue.") == [("shot", 1, None)]
    assert figures(nlp, "The bombing killed 911 people.") == [("killed", 911, None)]


def test_counts_incidents_that_left_people_shot_are_no_victims_and_their_figures_a_tally(nlp):
    text = "Police are investigating four separate shootings that left 10 people shot and one stabbed."
    counts_ = counts(nlp, text)
    assert [(c.kind, c.value) for c in counts_] == [("shot", 10)]
    assert counts_[0].implausible and "four separate shootings" in counts_[0].implausible


def test_counts_a_state_under_left_is_a_tally_when_left_tells_of_several_incidents(nlp):
    text = "Three incidents of gunfire on the east side left a teen dead and six others wounded."
    wounded = next(c for c in counts(nlp, text) if c.kind == "injured")
    assert wounded.value == 6 and wounded.implausible


def test_counts_people_listed_as_subjects_side_by_side_are_all_counted(nlp):
    assert figures(nlp, "Mother, boy fatally shot in head in southwest Baltimore") == [("killed", 2, None)]
    text = "Two children, ages 3 and 5, and their mother have been found dead in an apparent murder-suicide."
    assert figures(nlp, text) == [("killed", 3, None)]


def test_counts_subjects_across_a_semicolon_are_two_clauses(nlp):
    text = "Child, 7, fatally shot in Cocke County; grandfather dies in crash\n\nA 7-year-old was fatally shot early Thursday."
    assert ("killed", 2, None) not in figures(nlp, text)


def test_counts_fighting_for_life_is_injured(nlp):
    text = "Four people are dead and another is fighting for her life after the shooting."
    assert figures(nlp, text) == [("killed", 4, None), ("injured", 1, None)]


def test_counts_a_gallerys_caption_numbering_is_no_figure(nlp):
    assert figures(nlp, "Image 2 of 9 victims were found shot dead inside a home.") == []


def test_counts_the_children_of_a_parent_are_no_victims(nlp):
    assert figures(nlp, "A mother of three was shot and killed on Friday.") == [("killed", 1, None)]
    assert figures(nlp, "A father of two young children was shot dead outside his home.") == [("killed", 1, None)]
