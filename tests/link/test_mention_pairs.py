import numpy as np

from crosswire.link.mention_pairs import (
    MentionView,
    attach_small_clusters,
    cluster_event_mentions,
    cluster_story,
    trigger_relation,
    trigger_stem,
)


def test_trigger_relations():
    assert trigger_relation("kill", "kill") == "same"
    assert trigger_relation("nomination", "nominee") == "derived"
    assert trigger_relation("quake", "earthquake") == "synonym"
    assert trigger_relation("shot", "shoot") == "derived"
    assert trigger_relation("say", "kill") is None
    assert trigger_stem("arrested") == "arrest"


def view(doc, sentence, lemma, verbal=True, names=()):
    return MentionView(document=doc, sentence=f"{doc}#{sentence}", lemma=lemma, verbal=verbal, text=lemma,
                       context="gunman mall shopper police", names=frozenset(names))


def test_related_triggers_in_one_story_corefer_and_unrelated_ones_stay_apart():
    mentions = [view("a", 0, "shoot", names={"omaha"}), view("b", 0, "shooting", False, names={"omaha"}),
                view("a", 1, "say")]
    labels = cluster_event_mentions(mentions, {"a": 0, "b": 0}, {("a", "b"): 0.8, ("b", "a"): 0.8})
    assert labels[0] == labels[1]
    assert labels[2] != labels[0]


def test_mentions_in_different_stories_never_corefer():
    mentions = [view("a", 0, "shoot"), view("b", 0, "shoot")]
    labels = cluster_event_mentions(mentions, {"a": 0, "b": 1}, {})
    assert labels[0] != labels[1]


def _probabilities(n, pairs):
    matrix = np.eye(n)
    for (i, j), p in pairs.items():
        matrix[i, j] = matrix[j, i] = p
    return matrix


def test_a_lone_mention_joins_the_larger_cluster_it_is_probably_part_of():
    close = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (3, 0): 0.3, (3, 1): 0.3, (3, 2): 0.2}
    assert attach_small_clusters(np.array([1, 1, 1, 2]), _probabilities(4, close)) == [1, 1, 1, 1]
    far = close | {(3, 0): 0.1, (3, 1): 0.1, (3, 2): 0.1}
    assert attach_small_clusters(np.array([1, 1, 1, 2]), _probabilities(4, far)) == [1, 1, 1, 2]


def test_lone_mentions_do_not_gather_among_themselves():
    assert attach_small_clusters(np.array([1, 2]), _probabilities(2, {(0, 1): 0.35})) == [1, 2]


def test_cluster_story_attaches_after_the_average_linkage_cut():
    pairs = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (3, 0): 0.35, (3, 1): 0.35, (3, 2): 0.3}
    assert len(set(cluster_story(_probabilities(4, pairs)))) == 1
    # With a cut no pair reaches, every mention is alone and none is larger to join.
    assert len(set(cluster_story(_probabilities(4, pairs), min_probability=0.95))) == 4
