from crosswire.ingest.clues import text_clues
from crosswire.ingest.metadata import Clue

BODY = ("Crews worked through the night to clear the road, officials said on Monday. "
        "Traffic was diverted through the valley while the work went on.")


def _by_field(clues):
    """The first clue per field, as build_document would pick it."""
    first = {}
    for clue in clues:
        first.setdefault(clue.field, clue)
    return first


def test_clues_dateline_line_near_the_top_gives_date_with_time():
    text = f"A photo caption about the road. Taken by a reader and sent to the newsroom on the day itself\n\n" \
           f"25 March 2024, 21:48\n\nRoad reopens after landslide\n\n{BODY}\n"
    clues = _by_field(text_clues(text))
    assert clues["published"] == Clue("published", "2024-03-25T21:48", "dateline")
    assert clues["title"] == Clue("title", "Road reopens after landslide", "leading-line")


def test_clues_wire_dateline_gives_date_and_agency():
    clues = _by_field(text_clues(f"LAKEFORD, March 25, 2024 (Reuters) - {BODY}"))
    assert clues["published"] == Clue("published", "2024-03-25", "dateline")
    assert clues["source"] == Clue("source", "Reuters", "dateline")


def test_clues_wire_dateline_without_year_borrows_it_from_the_text():
    text = f"LAKEFORD, March 25 (AFP) - {BODY}\n\nThe pass last closed on 2 January 2023 after heavy snow."
    assert _by_field(text_clues(text))["published"] == Clue("published", "2023-03-25", "dateline")


def test_clues_source_line_gives_source():
    clues = _by_field(text_clues(f"{BODY}\n\nSource: Valley Herald\n"))
    assert clues["source"] == Clue("source", "Valley Herald", "source-line")


def test_clues_originally_published_note_gives_quoted_outlet_and_date_with_zone():
    text = (f"{BODY}\n\nThis article was originally published on the Russian page of the news agency "
            "‘Mountain Post’ on March 22, 2024 at 05:02 am MSK. Read the full text there.\n")
    clues = _by_field(text_clues(text))
    assert clues["source"] == Clue("source", "Mountain Post", "originally-published")
    assert clues["published"] == Clue("published", "2024-03-22T05:02+03:00", "originally-published")


def test_clues_originally_published_by_outlet():
    clues = _by_field(text_clues(f"{BODY}\n\nThis article was originally published on 3 May 2024 by The Ridge Review.\n"))
    assert clues["source"] == Clue("source", "The Ridge Review", "originally-published")
    assert clues["published"].value == "2024-05-03"


def test_clues_dateline_at_top_outranks_originally_published_date():
    text = (f"25 March 2024\n\n{BODY}\n\nThis article was originally published by The Ridge Review "
            "on March 22, 2024.\n\nSource: Valley Herald\n")
    clues = _by_field(text_clues(text))
    assert clues["published"].origin == "dateline" and clues["published"].value == "2024-03-25"
    assert clues["source"].origin == "source-line"


def test_clues_date_deep_in_the_body_is_no_dateline():
    text = "\n\n".join([BODY] * 6 + ["May 30, 2024 15:15"])
    assert "published" not in _by_field(text_clues(text))


def test_clues_title_needs_a_short_line_before_the_body():
    assert "title" not in _by_field(text_clues(BODY))
    assert _by_field(text_clues(f"Who closed the pass?\n\n{BODY}"))["title"].value == "Who closed the pass?"
