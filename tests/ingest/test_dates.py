from datetime import date

import pytest

from crosswire.ingest.dates import absurdity, find_date, to_iso
from crosswire.settings import Settings


@pytest.mark.parametrize("text, iso", [
    ("25 March 2024, 21:48", "2024-03-25T21:48"),
    ("March 25, 2024", "2024-03-25"),
    ("2024-03-25", "2024-03-25"),
    ("March 22, 2024 at 05:02 am MSK", "2024-03-22T05:02+03:00"),
    ("Mar 25 2024 3:15 PM EDT", "2024-03-25T15:15-04:00"),
    ("2024-03-25T10:00:00Z", "2024-03-25T10:00+00:00"),
    (date(2024, 3, 25), "2024-03-25"),
])
def test_dates_to_iso_keeps_time_and_offset_when_known(text, iso):
    assert to_iso(text) == iso


@pytest.mark.parametrize("text", ["yesterday", "March 25", "soon", "in two days"])
def test_dates_to_iso_refuses_relative_or_partial_dates(text):
    assert to_iso(text) is None


def test_dates_find_date_takes_the_first_full_date():
    assert find_date("Updated: Monday, 25th March 2024 and again on April 2, 2024") == "2024-03-25"
    assert find_date("no date in here, only 2024") is None


def test_dates_absurdity_flags_future_and_pre_1900_dates():
    settings, today = Settings(min_future_days=2), date(2024, 4, 1)
    assert absurdity("2024-04-03", settings=settings, today=today) is None
    assert absurdity("2024-04-04T10:00", settings=settings, today=today) == "2024-04-04T10:00 is in the future"
    assert absurdity("1850-06-01", settings=settings, today=today) == "1850-06-01 is before 1900"
