import json

import numpy as np
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire.errors import ModelError
from crosswire.link.event_arguments import SentenceSetting, argument_words, weekdays, years
from crosswire.link.mention_pairs import (
    FEATURES,
    MentionView,
    fit_pair_model,
    pair_features,
    pair_model,
    pair_probabilities,
)


def parsed(words, heads, deps, pos, ents=None):
    """A hand-built parse, as spaCy's own tests do: no model needed."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words], ents=ents)


ARREST = parsed(
    ["Police", "arrested", "Smith", "in", "Omaha", "on", "Tuesday", "2009"],
    heads=[1, 1, 1, 1, 3, 1, 5, 6],
    deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "nummod"],
    pos=["NOUN", "VERB", "PROPN", "ADP", "PROPN", "ADP", "PROPN", "NUM"],
    ents=["O", "O", "B-PERSON", "O", "B-GPE", "O", "B-DATE", "I-DATE"],
)


def test_arguments_are_subject_object_and_prepositional_heads():
    assert argument_words(ARREST[1], {1}) == {"police", "smith", "omaha", "tuesday 2009"}


def test_setting_reads_times_places_and_names_from_entities():
    setting = SentenceSetting.of([ARREST])
    assert setting.places == {"omaha"} and setting.names == {"smith"}
    assert years(setting.times) == {"2009"} and weekdays(setting.times) == {"tuesday"}


def arrest(document, arguments):
    return MentionView(document=document, sentence=f"{document}#0", lemma="arrest", verbal=True, text="arrested",
                       context="police suspect", arguments=frozenset(arguments))


def test_a_shared_argument_raises_the_pair_probability():
    similarity = {("a", "b"): 0.5, ("b", "a"): 0.5}
    shared = pair_probabilities([arrest("a", {"smith"}), arrest("b", {"smith"})], similarity)[0, 1]
    apart = pair_probabilities([arrest("a", {"smith"}), arrest("b", {"jones"})], similarity)[0, 1]
    assert shared > apart


def test_one_speaker_saying_twice_is_marked_for_reporting_verbs_only():
    def said(document, speaker, lemma="say"):
        return MentionView(document=document, sentence=f"{document}#0", lemma=lemma, verbal=True, text=lemma,
                           arguments=frozenset({speaker}))

    column = FEATURES.index("reporting_x_shared_argument")
    assert pair_features(said("a", "police"), said("b", "police"), 0.5, 0.5)[column]
    assert not pair_features(said("a", "police"), said("b", "mayor"), 0.5, 0.5)[column]
    assert not pair_features(said("a", "police", "arrest"), said("b", "police", "arrest"), 0.5, 0.5)[column]


def test_fitted_weights_round_trip_through_json(tmp_path):
    rng = np.random.default_rng(0)
    rows = rng.random((400, len(FEATURES)))
    model = fit_pair_model(rows, rows[:, 0] > 0.5)
    assert model.weights[0] == max(model.weights)
    path = tmp_path / "weights.json"
    path.write_text(model.as_json("test"), encoding="utf-8")
    assert pair_model(path) == model


def test_weights_for_other_features_are_refused(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"features": {"same_lemma": 1.0}, "intercept": 0.0}), encoding="utf-8")
    with pytest.raises(ModelError, match="refit"):
        pair_model(path)
