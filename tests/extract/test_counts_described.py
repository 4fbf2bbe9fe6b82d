"""Figures a noun's own words give ('two men with gunshot wounds'), multiples, hospital transport, headlines."""

from tests.extract.test_counts import counts


def figures(nlp, text):
    return [(c.kind, c.value, c.low) for c in counts(nlp, text)]


def test_counts_people_suffering_from_wounds_were_shot(nlp):
    assert figures(nlp, "Officers found two men and one woman suffering from gunshot wounds.") == [("shot", 3, None)]


def test_counts_a_person_found_suffering_from_wounds_was_shot(nlp):
    # The parser makes the person the subject of "suffering", a clause of "found".
    assert figures(nlp, "Deputies later found another man suffering from gunshot wounds.") == [("shot", 1, None)]


def test_counts_people_with_gunshot_wounds_were_shot(nlp):
    assert figures(nlp, "Deputies found three men with gunshot wounds inside the store.") == [("shot", 3, None)]


def test_counts_people_sent_to_the_hospital_were_injured(nlp):
    assert figures(nlp, "The crash sent five people to the hospital.") == [("injured", 5, None)]


def test_counts_taken_to_hospital_where_he_died_is_not_injured(nlp):
    assert ("injured", 1, None) not in figures(nlp, "He was taken to the hospital, where he was pronounced dead.")


def test_counts_relative_clause_says_what_became_of_the_noun(nlp):
    assert figures(nlp, "Police found a girl who was shot in the arm.") == [("shot", 1, None)]


def test_counts_double_shooting_is_two_shot_and_triple_murder_three_killed(nlp):
    assert figures(nlp, "Police are investigating a double shooting.") == [("shot", 2, None)]
    assert figures(nlp, "Troopers are investigating a triple murder.") == [("killed", 3, None)]


def test_counts_a_shooting_death_is_at_least_one_killed(nlp):
    assert figures(nlp, "A man was charged in the shooting death.") == [("killed", None, 1)]


def test_counts_deaths_of_named_people_are_killed(nlp):
    assert figures(nlp, "He was charged in the deaths of a woman and her son.") == [("killed", 2, None)]


def test_counts_claimed_the_life_of_is_killed(nlp):
    assert figures(nlp, "The blaze claimed the life of a young boy.") == [("killed", 1, None)]


def test_counts_both_is_two(nlp):
    assert figures(nlp, "Both men were killed.") == [("killed", 2, None)]


def test_counts_headline_appositions_each_keep_their_participle(nlp):
    assert figures(nlp, "Man killed, 4 others injured in bar shooting") == [("killed", 1, None), ("injured", 4, None)]


def test_counts_numbered_groups_in_a_list_add_up(nlp):
    assert figures(nlp, "2 adults, 3 children killed in house fire") == [("killed", 5, None)]


def test_counts_breakdown_of_a_figure_is_not_added(nlp):
    text = "Police said four bodies, two males and two females, were found inside the house."
    assert figures(nlp, text) == [("killed", 4, None)]


def test_counts_age_after_a_person_noun_is_no_figure(nlp):
    assert figures(nlp, "Local girl, 9, dies after shooting") == [("killed", 1, None)]


def test_counts_station_number_in_a_dateline_is_no_figure(nlp):
    text = "SALEM, Ore. (KXYZ 6) — A father and his daughter were found dead in a car."
    assert figures(nlp, text) == [("killed", 2, None)]


def test_counts_headline_person_with_a_participle_counts_one(nlp):
    assert figures(nlp, "2-year-old local boy injured in gun accident") == [("injured", 1, None)]


def test_counts_shot_comma_killed_headline_is_killed(nlp):
    assert figures(nlp, "Local teen accidentally shot, killed during holiday gathering") == [("killed", 1, None)]


def test_counts_one_person_taken_to_hospital_is_not_counted_but_a_group_is(nlp):
    assert figures(nlp, "One man was taken to the hospital.") == []
    assert figures(nlp, "Two men were taken to the hospital.") == [("injured", 2, None)]


def test_counts_one_person_taken_to_hospital_with_a_wound_was_shot(nlp):
    assert figures(nlp, "A man with a gunshot wound was taken to a hospital.") == [("shot", 1, None)]
    assert figures(nlp, "One man was taken to the hospital with a gunshot wound.") == [("shot", 1, None)]
    assert figures(nlp, "Medics took a man to the hospital with a gunshot wound.") == [("shot", 1, None)]


def test_counts_a_person_who_passed_away_was_killed(nlp):
    assert figures(nlp, "The boy passed away on Sunday.") == [("killed", 1, None)]
    assert figures(nlp, "Three people passed out.") == []


def test_counts_a_death_joined_to_another_verb_tells_what_became_of_its_subject(nlp):
    assert figures(nlp, "The boy was taken off life support on Sunday and passed away.") == [("killed", 1, None)]
    assert figures(nlp, "Two men were taken to the hospital and died.") == [("killed", 2, None)]
    # The joined verb has a subject of its own: it says nothing of the first.
    assert ("killed", 2, None) not in figures(nlp, "Two men were taken to the hospital and one died.")


def test_counts_a_bare_self_is_a_reflexive_person(nlp):
    assert figures(nlp, "Man shoots self in leg while cleaning gun") == [("shot", 1, None)]
    assert figures(nlp, "A man who accidentally shot himself was taken to a hospital.") == [("shot", 1, None)]
    assert figures(nlp, "He took the book for self study.") == []


def test_counts_attempted_murders_of_people_kill_nobody(nlp):
    assert figures(nlp, "They were charged with the attempted murders of five teenagers.") == []


def test_counts_a_friends_shooting_death_is_at_least_one_killed(nlp):
    assert figures(nlp, "Teen charged with friend's shooting death") == [("killed", None, 1)]


def test_counts_a_partial_breakdown_set_off_by_commas_is_not_added(nlp):
    assert figures(nlp, "Police said five people, four of them teenagers, were shot at a party.") == [("shot", 5, None)]
    assert figures(nlp, "Three others, two men and a woman, were injured.") == [("injured", 3, None)]
    assert figures(nlp, "Two people and a child were killed.") == [("killed", 3, None)]


def test_counts_an_age_in_apposition_is_no_group(nlp):
    assert figures(nlp, "One person, age 19, was killed.") == [("killed", 1, None)]
