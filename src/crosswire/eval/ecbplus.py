"""ECB+ cross-document event coreference: the corpus format in, `link/` does the clustering.

DIR holds `corpus.txt` (doc id, sentence, token number, token; further columns are ignored) and
`mentions.json` (or Barhom et al.'s `event_mentions.json`): gold event mentions with `doc_id`,
`sent_id`, `tokens_number`, `tokens_str`. Documents are grouped into stories by their words alone
(no topic numbers), mentions are clustered within stories, and `coref_chain` is read only to score.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from crosswire.errors import InputError
from crosswire.eval.coref_metrics import CorefScores, clusters_from_labels, score
from crosswire.extract.nlp import load_pipeline
from crosswire.link.mention_pairs import MentionView, cluster_event_mentions
from crosswire.link.stories import cluster_documents, story_similarities

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM", "ADJ"})
MENTION_FILES = ("mentions.json", "event_mentions.json")
# CoNLL F1 on the ECB+ test topics, gold mentions, as verified in ../shared/data/ecbplus/SOURCE.md.
PUBLISHED = {
    "lemma heuristic (Ahmed et al. 2023), predicted topics": 76.4,
    "Barhom et al. 2019 re-run by Bugert et al., k-means topics": 79.21,
    "lemma heuristic + Longformer cross-encoder (Ahmed et al. 2023)": 81.7,
}


@dataclass
class EcbResult:
    mentions: list[dict]
    documents: int
    stories: int
    events: int
    scores: CorefScores | None


def read_corpus(directory: Path) -> tuple[dict[tuple[str, int], list[str]], list[dict]]:
    """Sentences as token lists keyed by (doc id, sentence id), and the mention list as given."""
    corpus = directory / "corpus.txt"
    mentions_file = next((directory / n for n in MENTION_FILES if (directory / n).exists()), None)
    if not corpus.exists() or mentions_file is None:
        raise InputError(f"{directory}: needs corpus.txt and mentions.json (the ECB+ layout in `crosswire eval ecbplus --help`).")
    tokens: dict[tuple[str, int], dict[int, str]] = defaultdict(dict)
    for line in corpus.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            tokens[(parts[0], int(parts[1]))][int(parts[2])] = parts[3]
    sentences = {key: [t[i] for i in sorted(t)] for key, t in tokens.items()}
    return sentences, json.loads(mentions_file.read_text(encoding="utf-8"))


def _views(sentences, mentions, model: str) -> tuple[list[MentionView], dict[str, str]]:
    nlp = load_pipeline(model)
    keys = sorted(sentences)
    parsed = dict(zip(keys, nlp.pipe((Doc(nlp.vocab, words=sentences[k]) for k in keys), batch_size=64)))
    words: dict[str, list[str]] = defaultdict(list)
    for (doc_id, _), doc in sorted(parsed.items()):
        words[doc_id] += [t.lemma_.lower() for t in doc if (t.pos_ in CONTENT_POS and t.lemma_.isalpha()) or t.ent_type_]
    views = []
    for m in mentions:
        key = (m["doc_id"], m["sent_id"])
        if key not in parsed:
            raise InputError(f"mention {m['tokens_str']!r}: sentence {key} is not in corpus.txt.")
        doc = parsed[key]
        inside = set(m["tokens_number"])
        heads = [i for i in m["tokens_number"] if doc[i].head.i not in inside or doc[i].head.i == i]
        head = doc[(heads or m["tokens_number"])[0]]
        views.append(
            MentionView(
                document=m["doc_id"], sentence=f"{key[0]}#{key[1]}", lemma=head.lemma_.lower(),
                verbal=head.pos_ == "VERB", text=m["tokens_str"].lower(),
                context=" ".join(t.lemma_.lower() for t in doc if t.i not in inside and t.pos_ in CONTENT_POS and t.lemma_.isalpha()),
                names=frozenset(t.lemma_.lower() for t in doc if (t.pos_ == "PROPN" or t.ent_type_) and t.lemma_.isalpha()),
                numbers=frozenset(t.text for t in doc if t.pos_ == "NUM" or t.ent_type_ in {"DATE", "TIME", "CARDINAL"}),
            )
        )
    for doc_id, _ in keys:
        words.setdefault(doc_id, [])
    return views, {d: " ".join(w) for d, w in words.items()}


def evaluate_ecbplus(directory: Path, *, model: str) -> EcbResult:
    """Cluster the mentions of DIR into events; score them when the gold chains are there."""
    sentences, mentions = read_corpus(directory)
    views, words = _views(sentences, mentions, model)
    story_of = cluster_documents(words)
    labels = cluster_event_mentions(views, story_of, story_similarities(words, story_of))
    numbering: dict[tuple[int, int], int] = {}
    response = []
    for mention, label in zip(mentions, labels):
        cluster = numbering.setdefault(label, len(numbering))
        response.append({k: mention[k] for k in ("doc_id", "sent_id", "tokens_number", "tokens_str")} | {"cluster": cluster})
    scores = None
    if mentions and all("coref_chain" in m for m in mentions):
        key = clusters_from_labels({i: m["coref_chain"] for i, m in enumerate(mentions)})
        scores = score(key, clusters_from_labels({i: r["cluster"] for i, r in enumerate(response)}))
    return EcbResult(response, len(words), len(set(story_of.values())), len(numbering), scores)
