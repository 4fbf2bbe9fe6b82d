import pytest

from crosswire.records import EventDate, ReportedCount
from crosswire.report.format import (
    format_count,
    format_date_span,
    format_event_date,
    format_figure,
    quote_parts,
    safe_href,
)


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2025-03-03", "2025-03-03", "day", "3 Mar 2025"),
        ("2025-03-03", "2025-03-07", "day", "3–7 Mar 2025"),
        ("2025-02-28", "2025-03-03", "day", "28 Feb – 3 Mar 2025"),
        ("2024-12-30", "2025-01-02", "day", "30 Dec 2024 – 2 Jan 2025"),
        ("2025-03-01", "2025-03-31", "month", "March 2025"),
        ("2025-02-01", "2025-03-31", "month", "February–March 2025"),
        ("2025-03-03", "2025-03-09", "week", "week of 3 Mar 2025"),
        ("2025-01-01", "2025-12-31", "year", "2025"),
        ("2020-01-01", "2029-12-31", "decade", "2020s"),
        ("2025-03-03", "2025-03-07", "unknown", "3–7 Mar 2025"),
        ("2025-03-03", None, "day", "after 3 Mar 2025"),
        (None, "2025-03-07", "day", "before 7 Mar 2025"),
        (None, None, "unknown", "undated"),
    ],
)
def test_format_date_span_says_no_more_than_the_precision(start, end, precision, expected):
    assert format_date_span(start, end, precision) == expected


def test_format_date_span_marks_approximate_dates():
    assert format_date_span("2025-03-01", "2025-03-31", "month", approximate=True) == "~March 2025"
    assert format_date_span(None, None, "unknown", approximate=True) == "undated"


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2025-03-03T10:40", "minute", "3 Mar 2025, 10:40"),
        ("2025-03-03T10", "hour", "3 Mar 2025, 10h"),
        ("2025-03-03TMO", "hour", "3 Mar 2025, morning"),
    ],
)
def test_format_date_span_reads_clock_times_from_the_timex_value(value, precision, expected):
    assert format_date_span("2025-03-03", "2025-03-03", precision, value=value) == expected


def test_format_date_span_names_seasons_and_weeks_from_the_value():
    assert format_date_span("2025-03-20", "2025-06-20", "season", value="2025-SP") == "spring 2025"
    assert format_date_span(None, None, "week", value="2025-W10") == "week 10, 2025"


def test_format_date_span_keeps_unparseable_dates_out():
    assert format_date_span("sometime", "2025-03-07", "day") == "before 7 Mar 2025"


def test_format_event_date_reads_an_event_date():
    assert format_event_date(None) == "undated"
    date = EventDate(start="2025-03-03", end="2025-03-03", precision="day", text="On March 3")
    assert format_event_date(date) == "3 Mar 2025"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((27,), "27"),
        ((27, None, None, True), "~27"),
        ((None, 27), "at least 27"),
        ((None, None, 40), "at most 40"),
        ((None, 27, 31), "27–31"),
        ((1200,), "1,200"),
        ((None,), "unknown"),
    ],
)
def test_format_figure_shows_value_or_bounds(args, expected):
    assert format_figure(*args) == expected


def test_format_count_reads_a_reported_count():
    count = ReportedCount(kind="killed", value=None, low=27, document="d", text="at least 27", start=0, end=11)
    assert format_count(count) == "at least 27"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative/path",
        "https://",
        "http://[::1",
        "",
        None,
    ],
)
def test_safe_href_refuses_anything_but_absolute_http_links(url):
    assert safe_href(url) is None


def test_safe_href_keeps_http_and_https_links():
    assert safe_href("https://veldrispost.example/a?b=1&c=2") == "https://veldrispost.example/a?b=1&c=2"
    assert safe_href("HTTP://thelantern.example/") == "HTTP://thelantern.example/"


def test_quote_parts_uses_document_offsets_to_pick_the_right_occurrence():
    document = "Intro. A bomb went off, then a second bomb went off. End."
    sentence = "A bomb went off, then a second bomb went off."
    start = document.index("second bomb") + len("second ")
    before, trigger, after = quote_parts(sentence, "bomb", start, start + 4, document)
    assert trigger == "bomb"
    assert before == "A bomb went off, then a second "
    assert after == " went off."


def test_quote_parts_falls_back_to_searching_the_sentence():
    assert quote_parts("Police ARRESTED five men.", "arrested", 500, 508) == ("Police ", "ARRESTED", " five men.")


def test_quote_parts_gives_none_when_the_trigger_is_not_in_the_sentence():
    assert quote_parts("Police arrested five men.", "killed", 0, 6, "Police arrested five men.") is None
    assert quote_parts("Police arrested five men.", "", 0, 0) is None


def test_quote_parts_ignores_offsets_past_the_document():
    assert quote_parts("Five arrested.", "arrested", 90, 98, "short") == ("Five ", "arrested", ".")
