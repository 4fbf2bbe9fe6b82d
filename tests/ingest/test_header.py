from crosswire.ingest.header import split_header
from crosswire.ingest.metadata import Clue


def test_header_metadata_line_gives_date_and_title_and_is_stripped():
    text, clues = split_header(" date 2024-04-01 Storm closes the northern pass\n\nThe road was shut on Monday.\n")
    assert text == "The road was shut on Monday.\n"
    assert clues == [Clue("published", "2024-04-01", "metadata-line"),
                     Clue("title", "Storm closes the northern pass", "metadata-line")]


def test_header_front_matter_gives_fields_and_is_stripped():
    original = ("---\ntitle: Storm closes the pass\ndate: 2024-04-01\nsource: Valley Herald\n"
                "url: https://example.org/storm\nauthor: J. Doe\n---\nThe road was shut on Monday.\n")
    text, clues = split_header(original)
    assert text == "The road was shut on Monday.\n"
    assert {(c.field, c.value) for c in clues} == {
        ("title", "Storm closes the pass"), ("published", "2024-04-01"),
        ("source", "Valley Herald"), ("url", "https://example.org/storm")}
    assert {c.origin for c in clues} == {"front-matter"}


def test_header_invalid_yaml_between_rules_is_left_in_the_text():
    original = "---\n: [unclosed\n---\nBody.\n"
    assert split_header(original) == (original, [])


def test_header_text_without_header_is_unchanged():
    original = "date of the vote was moved.\nMore text."
    assert split_header(original) == (original, [])


def test_header_field_nested_past_the_recursion_limit_is_left_in_the_text():
    original = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n"
    assert split_header(original) == (original, [])
