import pytest

from .page import BODY, HEADLINE

ARTICLE = f"{HEADLINE}\n\n{BODY[0]}\n\n{BODY[1]}"


def reasons(doc) -> dict[str, str]:
    return {r.text: r.reason for r in doc.removed}


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Photo: the quay after the blast", "caption"),
        ("Image: Some Knot archive", "caption"),
        ("Caption: rescuers at the warehouse", "caption"),
        ("Rescuers carry a worker from the warehouse on Monday in Veltmar. (AP Photo/Jane Doe)", "caption"),
        ("Click here to read the full report", "click-here"),
        ("Subscribe to our Telegram channel", "click-here"),
        ("Sign up for our morning newsletter", "click-here"),
        ("Share this article", "click-here"),
        ("Share Facebook Twitter Telegram", "share-buttons"),
        ("Read more: Port reopens after three days", "headline-list"),
        ("Advertisement", "advertisement"),
        ("Source: Some Knot", "source-line"),
        ("Originally published at Some Knot", "publication-note"),
    ],
)
def test_cue_line_is_removed_wherever_it_is(clean, line, reason):
    doc = clean(f"{HEADLINE}\n\n{BODY[0]}\n\n{line}\n\n{BODY[1]}")
    assert reasons(doc) == {line: reason}
    assert doc.text == ARTICLE


def test_caption_first_line_goes_before_the_dateline(clean):
    doc = clean(f"Smoke over the quay. Screenshot of a video posted online\n\n25 March 2024, 21:48\n\n{ARTICLE}")
    assert list(reasons(doc).values()) == ["caption", "dateline"]
    assert doc.text == ARTICLE


def test_headline_that_mentions_a_photo_stays_when_nothing_else_is_above_the_body(clean):
    text = f"Photo of the harbour blast wins a prize\n\n{BODY[0]}"
    assert clean(text).removed == ()


def test_dateline_after_the_headline_is_removed(clean):
    doc = clean(f"{HEADLINE}\n\nUpdated: Monday, 25 March 2024 21:48 MSK\n\n{BODY[0]}\n\n{BODY[1]}")
    assert list(reasons(doc).values()) == ["dateline"]
    assert doc.text == ARTICLE


def test_legal_footnote_explaining_an_asterisk_is_removed(clean):
    doc = clean(f"{ARTICLE}\n\n* banned in Country Y")
    assert reasons(doc) == {"* banned in Country Y": "legal-footnote"}


def test_asterisk_bullet_stays_when_the_text_marks_nothing_with_an_asterisk(clean):
    text = f"{HEADLINE.rstrip('*')}\n\n{BODY[1]}\n\n* The port reopened on Wednesday."
    assert clean(text).removed == ()


def test_body_paragraph_using_a_cue_word_in_a_sentence_stays(clean):
    paragraph = (
        "Several shipping firms refused to subscribe to the new safety charter, the harbour master "
        "said on Friday, adding that talks would resume next week."
    )
    assert clean(f"{ARTICLE}\n\n{paragraph}").removed == ()


def test_headline_list_under_a_heading_goes_up_to_the_next_body_paragraph(clean):
    doc = clean(f"{HEADLINE}\n\n{BODY[0]}\n\nRead more\nPort reopens\nDivers search the quay\n\n{BODY[1]}")
    assert reasons(doc) == {
        "Read more": "headline-list",
        "Port reopens": "headline-list",
        "Divers search the quay": "headline-list",
    }
    assert doc.text == ARTICLE


def test_navigation_list_at_the_end_of_the_page_goes(clean):
    doc = clean(f"{ARTICLE}\n\nMost read\n\nPort reopens\n\n  • Divers search the quay\n\nWeather")
    assert set(reasons(doc).values()) == {"headline-list"}
    assert doc.text == ARTICLE


def test_dated_headline_run_at_the_end_goes_with_its_teaser(clean):
    teaser = "The district court has turned down a request for bail from two workers. Their lawyers will appeal."
    doc = clean(f"{ARTICLE}\n\nMay 30, 2024 15:15\n\nCourt refuses bail to two workers\n\n{teaser}\n\n2024-05-29 09:10")
    assert list(reasons(doc).values()) == ["dated-headline-run"] * 4
    assert doc.text == ARTICLE


def test_timestamp_followed_by_body_inside_the_article_stays(clean):
    text = f"{HEADLINE}\n\n{BODY[0]}\n\n15:15 MSK\n\n{BODY[1]}"
    assert clean(text).removed == ()


def test_trailing_timestamp_alone_is_a_dateline(clean):
    doc = clean(f"{ARTICLE}\n\n25 March 2024")
    assert list(reasons(doc).values()) == ["dateline"]


def test_subscription_appeal_inside_the_article_is_removed(clean):
    text = (
        "HALTON - Rescue teams searched the flooded valley on Sunday after three days of rain that forced "
        "hundreds of families from their homes, officials said.\n\n"
        "Quality reporting needs your support. Subscribe to The Beacon from just 3 crowns a month."
    )
    document = clean(text)
    assert "Subscribe" not in document.text
    assert [r.reason for r in document.removed] == ["subscription-appeal"]
