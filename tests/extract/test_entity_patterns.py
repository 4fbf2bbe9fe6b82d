"""The user's own entity pattern files: added to crosswire's ruler, checked line by line."""

import pytest

from crosswire.errors import UsageError
from crosswire.extract import extract_documents
from crosswire.extract.nlp import read_entity_patterns
from crosswire.records import Document
from crosswire.settings import Settings

TEXT = ("Members of the Qorvath Fishers Guild blocked the port on Monday. "
        "The QFG said the blockade would last a week, and a QFG spokesman said talks had failed.")


def _document() -> Document:
    return Document(id="d1", path="guild.txt", format="txt", text=TEXT, raw_text=TEXT, original=TEXT,
                    published="2025-03-03")


def test_a_user_pattern_file_types_and_joins_a_name_the_model_does_not_know(tmp_path):
    patterns = tmp_path / "mine.jsonl"
    patterns.write_text('{"label": "ORG", "pattern": "Qorvath Fishers Guild", "id": "org:qorvath-fishers"}\n'
                        '{"label": "ORG", "pattern": [{"ORTH": "QFG"}], "id": "org:qorvath-fishers"}\n')
    plain = extract_documents([_document()], Settings())[0]
    mine = extract_documents([_document()], Settings(entity_patterns=(str(patterns),)))[0]
    ours = [e for e in mine.entities if e.key == "org:qorvath-fishers"]
    assert {e.text for e in ours} == {"Qorvath Fishers Guild", "QFG"} and len(ours) == 3
    assert not [e for e in plain.entities if e.key == "org:qorvath-fishers"]


@pytest.mark.parametrize(("content", "message"), [
    ('{"label": "ORG"}\n', "line 1: expected"),
    ('{"label": "ORG", "pattern": "A"}\nnot json\n', "line 2: not JSON"),
])
def test_a_broken_pattern_file_names_its_line(tmp_path, content, message):
    patterns = tmp_path / "broken.jsonl"
    patterns.write_text(content)
    with pytest.raises(UsageError, match=message):
        read_entity_patterns(patterns)


def test_a_missing_pattern_file_says_which_setting_to_fix(tmp_path):
    with pytest.raises(UsageError, match="entity_patterns"):
        read_entity_patterns(tmp_path / "absent.jsonl")
