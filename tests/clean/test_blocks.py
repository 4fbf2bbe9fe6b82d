from crosswire.clean.blocks import is_body, split_blocks

SENTENCE = "The harbour authority said on Monday that four workers were injured in the blast at the warehouse."


def never(line: str) -> bool:
    return False


def test_split_blocks_keeps_a_wrapped_prose_paragraph_as_one_block():
    raw = "Headline\n\n" + SENTENCE[:50] + "\n" + SENTENCE[50:] + "\n"
    blocks = split_blocks(raw, 16, never)
    assert [b.text for b in blocks] == ["Headline", SENTENCE[:50] + "\n" + SENTENCE[50:]]
    assert [b.paragraph for b in blocks] == [0, 1]


def test_split_blocks_splits_a_list_of_short_lines_into_lines():
    blocks = split_blocks("Related\nStory one\n  Story two  \n", 16, never)
    assert [b.text for b in blocks] == ["Related", "Story one", "Story two"]
    assert {b.paragraph for b in blocks} == {0}


def test_split_blocks_splits_prose_holding_a_line_that_stands_alone():
    raw = SENTENCE + "\nSource: Some Knot\n" + SENTENCE
    blocks = split_blocks(raw, 16, lambda line: line.startswith("Source:"))
    assert [b.text for b in blocks] == [SENTENCE, "Source: Some Knot", SENTENCE]


def test_split_blocks_offsets_point_at_the_stripped_text():
    raw = "\n\n   Headline here  \r\n\n" + SENTENCE
    for b in split_blocks(raw, 16, never):
        assert raw[b.start : b.end] == b.text == b.text.strip()


def test_is_body_takes_long_sentences_and_several_short_ones():
    assert is_body(SENTENCE, 16)
    assert is_body("Two men died. Police said so.", 16)
    assert is_body("“We are checking every lead,” she said. “Every one.”", 16)


def test_is_body_rejects_headlines():
    assert not is_body("Court refuses to release two harbour workers on bail", 16)
    assert not is_body("Court refuses bail.", 16)
    assert not is_body("Smoke over the harbour. Photo taken by a resident", 16)
