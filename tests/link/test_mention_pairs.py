from crosswire.link.mention_pairs import MentionView, cluster_event_mentions, trigger_relation, trigger_stem


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
