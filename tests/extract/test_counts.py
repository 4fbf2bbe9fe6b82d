"""Figures tied to what they count through the parse, with bounds and number words."""

import pytest

from crosswire.extract.counts import dedupe_counts, find_counts
from crosswire.records import Count


def counts(nlp, text):
    doc = nlp(text)
    starts = [s.start_char for s in doc.sents]
    return find_counts(doc, lambda offset: sum(1 for s in starts if s <= offset) - 1)


def figures(nlp, text):
    return [(c.kind, c.value, c.low, c.high, c.approximate) for c in counts(nlp, text)]


def test_counts_at_least_is_a_lower_bound_and_dozens_is_twelve_or_more(nlp):
    assert figures(nlp, "Officers said at least 15 people were killed and dozens injured.") == [
        ("killed", None, 15, None, False),
        ("injured", None, 12, None, True),
    ]


def test_counts_object_of_arrest_verb(nlp):
    assert figures(nlp, "The interior ministry said it had arrested 41 people.") == [("arrested", 41, None, None, False)]


def test_counts_subject_of_die_with_according_to_sets_speaker(nlp):
    [count] = counts(nlp, "According to the latest hospital figures, 87 people died in the blast.")
    assert (count.kind, count.value, count.speaker) == ("killed", 87, "the latest hospital figures")


def test_counts_according_to_after_the_clause_sets_speaker(nlp):
    [count] = counts(nlp, "112 people died as a result, according to the regional health office.")
    assert (count.kind, count.value, count.speaker) == ("killed", 112, "the regional health office")


def test_counts_number_word_object_of_detain(nlp):
    assert figures(nlp, "Border guards detained three men.") == [("detained", 3, None, None, False)]


def test_counts_an_estimated_is_approximate_with_value(nlp):
    assert figures(nlp, "The flood of gunfire killed an estimated 200 people.") == [("killed", 200, None, None, True)]


def test_counts_death_toll_rose_to(nlp):
    assert figures(nlp, "The death toll rose to 64, the governor said.") == [("killed", 64, None, None, False)]


def test_counts_death_toll_of(nlp):
    assert figures(nlp, "Officials gave a death toll of 57.")[0] == ("killed", 57, None, None, False)


def test_counts_relative_clause_passive(nlp):
    assert ("killed", 38, None, None, False) in figures(nlp, "It was the second raid in which 38 people were killed.")


def test_counts_more_than_is_exclusive_so_low_is_one_above(nlp):
    assert figures(nlp, "More than 70 people were wounded.") == [("injured", None, 71, None, False)]


def test_counts_up_to_and_as_many_as_are_upper_bounds(nlp):
    assert figures(nlp, "Up to 30 were arrested and as many as 9 are missing.") == [
        ("arrested", None, None, 30, False),
        ("missing", None, None, 9, False),
    ]


def test_counts_nearly_is_approximate_upper_bound_below_the_figure(nlp):
    assert figures(nlp, "Nearly 60 soldiers died.") == [("killed", None, None, 59, True)]


def test_counts_about_and_some_are_approximate_values(nlp):
    assert figures(nlp, "About 25 people were hurt and some 1,300 are missing.") == [
        ("injured", 25, None, None, True),
        ("missing", 1300, None, None, True),
    ]


def test_counts_hundreds_and_scores_are_lower_bounds(nlp):
    assert figures(nlp, "Hundreds were detained and scores were hurt.") == [
        ("detained", None, 100, None, True),
        ("injured", None, 40, None, True),
    ]


def test_counts_hyphenated_number_word_and_dead_adjective(nlp):
    assert figures(nlp, "The explosion left 9 dead and twenty-two wounded.") == [
        ("killed", 9, None, None, False),
        ("injured", 22, None, None, False),
    ]


def test_counts_a_dozen_is_twelve(nlp):
    assert figures(nlp, "The shelling killed a dozen people.") == [("killed", 12, None, None, False)]


def test_counts_partitive_takes_the_part_not_the_whole(nlp):
    found = figures(nlp, "Three of the five attackers were killed.")
    assert ("killed", 3, None, None, False) in found
    assert ("killed", 5, None, None, False) not in found


def test_counts_gunmen_and_suspects_are_attackers(nlp):
    assert figures(nlp, "Four gunmen stormed the hall.") == [("attackers", 4, None, None, False)]


def test_counts_arrest_verb_wins_over_suspect_noun(nlp):
    assert figures(nlp, "Police arrested six suspects.") == [("arrested", 6, None, None, False)]


def test_counts_hostages_taken(nlp):
    assert figures(nlp, "The militants took 14 people hostage.") == [("hostages", 14, None, None, False)]


def test_counts_between_gives_a_range(nlp):
    assert figures(nlp, "Troops arrested between 10 and 20 suspects.") == [("arrested", None, 10, 20, False)]


def test_counts_ignores_dates_ages_times_money_percentages_and_ordinals(nlp):
    text = "The 25-year-old was arrested on 3 May 2023 at 5 pm, paid $300, and 40% of the second convoy left."
    # The age names one person (one arrested), never 25 of them.
    assert figures(nlp, text) == [("arrested", 1, None, None, False)]


def test_counts_ignores_numbers_tied_to_no_kind(nlp):
    assert figures(nlp, "Twelve soldiers attacked a village with 300 houses.") == []


def test_counts_ties_number_to_its_own_verb_not_the_nearest(nlp):
    assert figures(nlp, "Twelve soldiers attacked a village where 3 residents died.") == [("killed", 3, None, None, False)]


def test_counts_text_and_offsets_cover_modifier_and_number(nlp):
    text = "Police said at least 12 people were killed."
    [count] = counts(nlp, text)
    assert text[count.start : count.end] == count.text == "at least 12"
    assert count.sentence == 0


def test_counts_repeated_in_one_sentence_is_kept_once(nlp):
    assert len(counts(nlp, "Five people were killed: five people were killed in the attack.")) == 1


def test_counts_sentence_index_comes_from_sentence_of(nlp):
    found = counts(nlp, "The mayor spoke. Four people were killed.")
    assert [c.sentence for c in found] == [1]


def test_dedupe_counts_keeps_first_of_identical_figures_across_sentences(nlp):
    found = counts(nlp, "Four people were killed. Later, four people were killed, police said. Nine were hurt.")
    kept = dedupe_counts(found)
    assert [(c.kind, c.value, c.sentence) for c in kept] == [("killed", 4, 0), ("injured", 9, 2)]


def test_dedupe_counts_keeps_different_bounds_apart():
    a = Count(kind="killed", value=None, low=10, start=0, end=2, text="10", sentence=0)
    b = Count(kind="killed", value=10, start=5, end=7, text="10", sentence=1)
    assert dedupe_counts([a, b, a]) == [a, b]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man was shot and killed on Saturday night.", [("killed", 1)]),
        ("He was pronounced dead at the scene.", [("killed", 1)]),
        ("A 14-year-old boy accidentally shot and killed his 9-year-old brother.", [("killed", 1)]),
        ("Police arrested John Smith on Tuesday.", [("arrested", 1)]),
        ("Police are investigating a shooting that left a man dead.", [("killed", 1)]),
        ("Three people were shot and wounded.", [("shot", 3)]),
        ("A man and a woman were shot dead.", [("killed", 2)]),
        ("Two men were shot dead and a man was shot in the leg.", [("killed", 2), ("shot", 1)]),
    ],
)
def test_counts_one_named_or_described_person_counts_one(nlp, text, expected):
    assert [(c.kind, c.value) for c in counts(nlp, text)] == expected


def test_counts_a_figure_in_the_sentence_keeps_precedence_over_one_person(nlp):
    assert figures(nlp, "Two people were killed; a man was killed outside.") == [("killed", 2, None, None, False)]


def test_counts_no_one_and_negated_or_modal_verbs_count_nobody(nlp):
    assert figures(nlp, "No one else was injured in the shooting.") == []
    assert figures(nlp, "The father was not hurt.") == []
    assert figures(nlp, "His mother said he would never hurt anyone.") == []


def test_counts_fatally_wounded_is_killed_but_killed_and_wounded_stay_apart(nlp):
    assert figures(nlp, "A 14-year-old girl was fatally wounded at a party.") == [("killed", 1, None, None, False)]
    assert figures(nlp, "Two were killed and five wounded.") == [
        ("killed", 2, None, None, False),
        ("injured", 5, None, None, False),
    ]


def test_counts_murder_suicide_adds_the_killer_to_the_killed(nlp):
    assert figures(nlp, "A retired officer killed his two children and himself.") == [("killed", 3, None, None, False)]
    assert figures(nlp, "Police said she shot and killed her two daughters before killing herself.") == [
        ("killed", 3, None, None, False)
    ]
    assert figures(nlp, "The man killed his wife and son before shooting himself.") == [("killed", 3, None, None, False)]
    # A child who shot himself by accident is one person, not a victim and a killer.
    assert figures(nlp, "A 4-year-old boy who shot himself at his grandparents' home died.") == [
        ("killed", 1, None, None, False)
    ]


def test_counts_a_number_beside_a_name_is_an_age(nlp):
    kinds = figures(nlp, "Police said Nina Obukhov, 34; Katherine Obukhov, 8; and Elizabeth Obukhov, 6, were all shot.")
    assert all(value not in (34, 8, 6) for _, value, *_ in kinds)


def test_counts_coordinated_groups_add_up(nlp):
    assert figures(nlp, "Three children and two adults were found dead.")[0] == ("killed", 5, None, None, False)
    assert figures(nlp, "Two men and a woman were killed.") == [("killed", 3, None, None, False)]
    # Two clauses are two figures, not one group.
    assert figures(nlp, "Two men were killed and a woman was hurt.") == [
        ("killed", 2, None, None, False),
        ("injured", 1, None, None, False),
    ]


def test_counts_bodies_found_are_killed(nlp):
    assert figures(nlp, "Three bodies were found in a home on Thursday.") == [("killed", 3, None, None, False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The boy accidentally shot himself in the leg, police said.", [("shot", 1)]),
        ("A 3-year-old girl killed herself with a loaded gun.", [("killed", 1)]),
    ],
)
def test_counts_a_reflexive_victim_counts_one(nlp, text, expected):
    assert [(c.kind, c.value) for c in counts(nlp, text)] == expected


def test_counts_the_clause_verb_wins_over_a_participle_on_the_noun(nlp):
    # The juvenile was injured first, but what the sentence reports is the death.
    assert figures(nlp, "A juvenile injured in a shooting Monday morning has died.") == [("killed", 1, None, None, False)]


@pytest.mark.parametrize(
    "text",
    [
        "There have been 104 people shot in Toledo this year.",
        "Seven people were killed statewide.",
        "At least seven people had been killed in Chicago and 40 wounded in 33 separate shooting incidents since Friday.",
        "More than 1,200 people have been injured in those shootings, police said.",
        "Five people were shot during a violent weekend in the city.",
        "Four men were killed and at least 53 other people were wounded in shootings across the city since Friday.",
        "Three people were killed in weekend shootings, police said.",
    ],
)
def test_counts_a_tally_over_many_incidents_is_kept_but_flagged(nlp, text):
    found = counts(nlp, text)
    assert found and all(c.implausible and c.implausible.startswith("a tally over many incidents") for c in found)


def test_counts_a_tally_in_a_subordinate_clause_leaves_the_events_figure_alone(nlp):
    [count] = counts(nlp, "Two people were killed Saturday, bringing the city's homicide total this year to 300.")
    assert (count.kind, count.value, count.implausible) == ("killed", 2, None)


def test_counts_a_headline_drops_the_auxiliary(nlp):
    assert figures(nlp, "Four people shot outside Kokomo nightclub") == [("shot", 4, None, None, False)]
    # A sentence with its full stop is no headline: "the gunman shot two people" is active.
    assert figures(nlp, "Police said the gunman shot two people.") == [("shot", 2, None, None, False)]


def test_counts_murder_suicide_victims_died_and_suicide_counts_the_killer(nlp):
    assert figures(nlp, "A sheriff says a woman shot her 5-year-old son and then herself in a murder-suicide.") == [
        ("killed", 2, None, None, False)
    ]
    assert figures(nlp, "The father then committed suicide.") == [("killed", 1, None, None, False)]


def test_counts_a_reflexive_in_a_subordinate_clause_is_the_person_already_counted(nlp):
    assert figures(nlp, "A 4-year-old girl has died, days after she accidentally shot herself in the face.") == [
        ("killed", 1, None, None, False)
    ]


def test_counts_critical_after_a_figure_is_injured(nlp):
    assert figures(nlp, "3 dead, 1 critical in berry farm shooting near Woodburn") == [
        ("killed", 3, None, None, False),
        ("injured", 1, None, None, False),
    ]


def test_counts_a_fatal_shooting_is_at_least_one_killed(nlp):
    assert figures(nlp, "Charges filed in fatal Wichita shooting") == [("killed", None, 1, None, False)]
    # A figure in the sentence keeps precedence over the implied death.
    assert figures(nlp, "Two people were killed in the deadly shooting.") == [("killed", 2, None, None, False)]


def test_counts_a_headline_subject_needs_no_article(nlp):
    assert figures(nlp, "Teenager found shot and killed in Vista") == [("killed", 1, None, None, False)]
    assert figures(nlp, "He was found shot to death in his car.") == [("killed", 1, None, None, False)]


def test_counts_another_is_one_more_person(nlp):
    assert figures(nlp, "One man was killed and another was wounded.") == [
        ("killed", 1, None, None, False),
        ("injured", 1, None, None, False),
    ]


def test_counts_a_family_toll_counts_every_part_of_the_coordination(nlp):
    assert figures(nlp, "Investigators said the man killed his wife and two sons before shooting himself.") == [
        ("killed", 4, None, None, False)
    ]
    assert figures(nlp, "A farm couple and their three grandchildren were found dead.") == [("killed", 5, None, None, False)]


def test_counts_a_couple_is_two_people_and_a_family_of_n_is_n(nlp):
    assert figures(nlp, "An elderly couple was shot and killed on Sunday.") == [("killed", 2, None, None, False)]
    assert figures(nlp, "A family of five was found dead in the farmhouse.") == [("killed", 5, None, None, False)]


def test_counts_a_gapped_second_clause_counts_its_own_victims(nlp):
    assert figures(nlp, "A man was killed and a woman wounded in the shooting.") == [
        ("killed", 1, None, None, False),
        ("injured", 1, None, None, False),
    ]
    assert figures(nlp, "Two men were killed and three women wounded.") == [
        ("killed", 2, None, None, False),
        ("injured", 3, None, None, False),
    ]


def test_counts_a_victim_in_a_hospital_condition_is_injured_unless_the_clause_says_they_died(nlp):
    assert figures(nlp, "Her uncle is listed in critical condition.") == [("injured", 1, None, None, False)]
    assert figures(nlp, "Two others were taken to the hospital in stable condition.") == [("injured", 2, None, None, False)]
    assert figures(nlp, "The boy was taken to a hospital in critical condition, where he later died.") == [
        ("killed", 1, None, None, False)
    ]


def test_counts_a_number_after_a_name_and_comma_is_an_age_even_without_the_closing_comma(nlp):
    assert figures(nlp, "Jonah Pettibone, 31 was shot in the arm.") == [("shot", 1, None, None, False)]


def test_counts_a_headline_with_two_gapped_clauses_counts_both_victims(nlp):
    assert figures(nlp, "Man killed, woman wounded in shooting") == [
        ("killed", 1, None, None, False),
        ("injured", 1, None, None, False),
    ]


def test_counts_a_list_hung_on_the_first_person_counts_everyone_but_an_apposition_is_the_same_person(nlp):
    assert figures(nlp, "An aunt, cousin, and baby were discovered dead in the cabin.") == [("killed", 3, None, None, False)]
    assert figures(nlp, "A man, a father of three, was killed.") == [("killed", 1, None, None, False)]


def test_counts_a_suicide_beside_a_killed_figure_is_one_more_killed(nlp):
    assert figures(nlp, "Three men killed, gunman commits suicide in standoff") == [("killed", 4, None, None, False)]


def test_counts_the_subject_of_appear_to_have_died_is_killed(nlp):
    assert figures(nlp, "All three hikers appear to have died from the cold.") == [("killed", 3, None, None, False)]


def test_counts_a_victim_who_remains_in_hospital_is_injured(nlp):
    assert figures(nlp, "A toddler has died and her grandfather remains in the hospital.") == [
        ("killed", 1, None, None, False),
        ("injured", 1, None, None, False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The clerk suffered a gunshot wound to the hand.", [("shot", 1)]),
        ("Two men sustained gunshot wounds.", [("shot", 2)]),
        ("The clerk suffered a fatal gunshot wound.", [("killed", 1)]),
        ("The clerk suffered a gunshot wound and died at the store.", [("killed", 1)]),
    ],
)
def test_counts_a_suffered_wound_is_shot_and_a_fatal_one_killed(nlp, text, expected):
    assert [(c.kind, c.value) for c in counts(nlp, text)] == expected
