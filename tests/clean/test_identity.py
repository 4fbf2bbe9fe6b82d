import re

from crosswire.clean import document_id


def test_document_id_is_sixteen_hex_characters():
    assert re.fullmatch(r"[0-9a-f]{16}", document_id("Police said two men were arrested."))


def test_document_id_ignores_whitespace_case_and_compatibility_forms():
    base = document_id("Police said 12 men were arrested.\n\nThe court sits on Friday.")
    assert document_id("  POLICE said １２ men\twere\xa0arrested.\nThe Court sits on Friday.  ") == base


def test_document_id_differs_for_different_text():
    assert document_id("Police said two men were arrested.") != document_id("Police said three men were arrested.")
