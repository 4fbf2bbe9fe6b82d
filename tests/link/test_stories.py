import datetime as dt

import numpy as np

from crosswire.link.stories import cluster_documents, content_words, mixed_distances, story_similarities

QUAKE_A = "A strong earthquake struck Lima, Peru. Rescuers in Lima searched rubble after the Peru quake."
QUAKE_A2 = "Peru earthquake: Lima rescuers search rubble as the quake toll rises in Lima."
QUAKE_B = "An earthquake hit Sumatra, Indonesia. Padang residents fled as the Sumatra quake shook Padang."
QUAKE_B2 = "Indonesia quake: Padang buildings collapse after the Sumatra earthquake shook Padang."


def words(*texts):
    return {f"d{i}": content_words(t) for i, t in enumerate(texts)}


def test_two_incidents_of_one_kind_are_two_stories():
    story = cluster_documents(words(QUAKE_A, QUAKE_A2, QUAKE_B, QUAKE_B2))
    assert story["d0"] == story["d1"] and story["d2"] == story["d3"] and story["d0"] != story["d2"]


def test_reports_far_apart_in_time_are_never_one_story():
    published = {"d0": dt.date(2024, 1, 1), "d1": dt.date(2024, 6, 1)}
    story = cluster_documents(words(QUAKE_A, QUAKE_A), published=published, window_days=7)
    assert story["d0"] != story["d1"]


def test_a_stray_report_joins_its_story_unless_far_in_time():
    # Three copies of each report make two tight stories at distance 0.3; the short report is a fragment.
    w = words(QUAKE_A, QUAKE_A, QUAKE_A, QUAKE_B, QUAKE_B, QUAKE_B, "Lima Peru quake rescuers search rubble.")
    story = cluster_documents(w, distance=0.3)
    assert story["d6"] == story["d0"] != story["d3"]
    published = {f"d{i}": dt.date(2024, 1, 1) for i in range(6)} | {"d6": dt.date(2024, 6, 1)}
    story = cluster_documents(w, distance=0.3, published=published, window_days=7)
    assert story["d6"] not in {story[f"d{i}"] for i in range(6)}


def test_single_and_empty_documents_get_a_story():
    assert cluster_documents({"only": "quake"}) == {"only": 0}
    assert len(cluster_documents({"a": "", "b": content_words(QUAKE_A)})) == 2


def test_similarities_only_within_a_story():
    w = words(QUAKE_A, QUAKE_A2, QUAKE_B)
    story = cluster_documents(w)
    sims = story_similarities(w, story)
    assert sims[("d0", "d1")] == sims[("d1", "d0")] > 0
    assert ("d0", "d2") not in sims


def test_mixed_distances_let_entities_and_vectors_separate_what_words_join():
    w = {"a": "quake strike city", "b": "quake strike city", "c": "quake strike city"}
    entities = {"a": "lima peru", "b": "lima peru", "c": "padang sumatra"}
    vectors = {"a": np.array([1.0, 0.0]), "b": np.array([1.0, 0.1]), "c": np.array([0.0, 1.0])}
    distances = mixed_distances(w, entities, vectors)
    assert distances[0, 1] < 0.05 and distances[0, 2] > 0.4
    story = cluster_documents(w, distance=0.3, distances=distances)
    assert story["a"] == story["b"] != story["c"]


def test_a_story_of_up_to_fragment_size_documents_joins_the_nearest_larger_one():
    # Four close documents, and three close to each other and fairly close (0.85) to the four.
    ids = [f"d{i}" for i in range(7)]
    distances = np.full((7, 7), 0.85)
    distances[:4, :4] = distances[4:, 4:] = 0.1
    np.fill_diagonal(distances, 0)
    w = dict.fromkeys(ids, "quake")
    apart = cluster_documents(w, distance=0.3, distances=distances, fragment_size=2)
    assert apart["d4"] == apart["d6"] != apart["d0"]
    joined = cluster_documents(w, distance=0.3, distances=distances, fragment_size=3)
    assert len(set(joined.values())) == 1
