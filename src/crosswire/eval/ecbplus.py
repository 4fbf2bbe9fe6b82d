"""ECB+ cross-document event coreference: the corpus format in, `link/` does the clustering.

DIR holds `corpus.txt` (doc id, sentence, token number, token; further columns are ignored) and
`mentions.json` (or Barhom et al.'s `event_mentions.json`): gold event mentions with `doc_id`,
`sent_id`, `tokens_number`, `tokens_str`. Documents are grouped into stories by their words alone
(no topic numbers), mentions are clustered within stories, and `coref_chain` is read only to score,
or, by `refit`, to fit the pair scorer's weights (both files, without and with vectors) on a training split:

    python -m crosswire.eval.ecbplus refit ../shared/data/ecbplus/train
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from crosswire.errors import InputError
from crosswire.eval.coref_metrics import CorefScores, clusters_from_labels, score
from crosswire.extract.nlp import load_pipeline
from crosswire.link.event_arguments import SentenceSetting, argument_words
from crosswire.link.embeddings import SentenceVectors, embed_phrases, embed_sentences
from crosswire.link.mention_pairs import (
    PARAMETERS,
    VECTOR_PARAMETERS,
    MentionView,
    cluster_event_mentions,
    fit_pair_model,
    pairwise_features,
)
from crosswire.link.stories import (
    MIXED_FRAGMENT_SIZE,
    MIXED_STORY_DISTANCE,
    cluster_documents,
    mixed_distances,
    story_similarities,
)

# The pair weights are fitted on stories before fragments of three documents join larger ones: fitted on
# the joined stories they score lower on both splits (CoNLL F1 train 78.93 -> 78.64, dev 79.53 -> 79.47).
FIT_FRAGMENT_SIZE = 2
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM", "ADJ"})
MENTION_FILES = ("mentions.json", "event_mentions.json")
STORY_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "DATE", "CARDINAL", "EVENT", "PRODUCT"})
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


def parse_sentences(sentences: dict[tuple[str, int], list[str]], model: str) -> dict[tuple[str, int], Doc]:
    """Each sentence parsed once, on the corpus's own tokens."""
    nlp = load_pipeline(model)
    keys = sorted(sentences)
    return dict(zip(keys, nlp.pipe((Doc(nlp.vocab, words=sentences[k]) for k in keys), batch_size=64)))


def document_words(parsed: dict[tuple[str, int], Doc]) -> dict[str, str]:
    """Each document's content lemmas and entity words, for story clustering."""
    words: dict[str, list[str]] = defaultdict(list)
    for (doc_id, _), doc in sorted(parsed.items()):
        words[doc_id] += [t.lemma_.lower() for t in doc if (t.pos_ in CONTENT_POS and t.lemma_.isalpha()) or t.ent_type_]
    return {d: " ".join(w) for d, w in words.items()}


def document_entities(parsed: dict[tuple[str, int], Doc]) -> dict[str, str]:
    """Each document's words inside named entities (people, groups, places, dates, counts), for stories."""
    words: dict[str, list[str]] = defaultdict(list)
    for (doc_id, _), doc in sorted(parsed.items()):
        words[doc_id] += [t.lemma_.lower() for t in doc if t.ent_type_ in STORY_ENTITIES and (t.is_alpha or t.like_num)]
    return {d: " ".join(w) for d, w in words.items()}


@dataclass(frozen=True)
class CorpusVectors:
    """Contextual vectors of every sentence (with its words) and of every document (the mean of its sentences)."""

    sentences: dict[tuple[str, int], SentenceVectors]
    documents: dict[str, np.ndarray]

    @classmethod
    def of(cls, sentences: dict[tuple[str, int], list[str]]) -> "CorpusVectors":
        keys = sorted(sentences)
        vectors = dict(zip(keys, embed_sentences([sentences[k] for k in keys])))
        by_document: dict[str, list[np.ndarray]] = defaultdict(list)
        for (doc_id, _), v in vectors.items():
            by_document[doc_id].append(v.sentence)
        means = {d: np.mean(v, axis=0) for d, v in by_document.items()}
        return cls(vectors, {d: m / np.linalg.norm(m) for d, m in means.items()})

    def in_context(self, mention: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The trigger's words in their sentence, the sentence, the document."""
        sentence = self.sentences[(mention["doc_id"], mention["sent_id"])]
        trigger = sentence.words[mention["tokens_number"]].mean(axis=0)
        return trigger / np.linalg.norm(trigger), sentence.sentence, self.documents[mention["doc_id"]]


def _head(doc: Doc, tokens: list[int]) -> Token:
    """The mention's syntactic head: its first token whose head lies outside the mention."""
    inside = set(tokens)
    heads = [i for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i]
    return doc[(heads or tokens)[0]]


def mention_views(parsed: dict[tuple[str, int], Doc], mentions: list[dict], vectors: CorpusVectors | None = None) -> list[MentionView]:
    """What the pair scorer compares, for each mention: trigger, arguments, times and places around it."""
    by_document: dict[str, list[Doc]] = defaultdict(list)
    for (doc_id, _), doc in parsed.items():
        by_document[doc_id].append(doc)
    settings = {doc_id: SentenceSetting.of(docs) for doc_id, docs in by_document.items()}
    for m in mentions:
        if (m["doc_id"], m["sent_id"]) not in parsed:
            raise InputError(f"mention {m['tokens_str']!r}: sentence {(m['doc_id'], m['sent_id'])} is not in corpus.txt.")
    heads = [_head(parsed[(m["doc_id"], m["sent_id"])], m["tokens_number"]) for m in mentions]
    texts = [m["tokens_str"].lower() for m in mentions]
    lemmas = [head.lemma_.lower() for head in heads]
    phrases = embed_phrases(texts + lemmas) if vectors else {}
    views = []
    for m, head, text, lemma in zip(mentions, heads, texts, lemmas):
        doc = head.doc
        inside = set(m["tokens_number"])
        sentence = SentenceSetting.of([doc])
        views.append(
            MentionView(
                document=m["doc_id"], sentence=f"{m['doc_id']}#{m['sent_id']}", lemma=lemma,
                verbal=head.pos_ == "VERB", text=text,
                context=" ".join(t.lemma_.lower() for t in doc if t.i not in inside and t.pos_ in CONTENT_POS and t.lemma_.isalpha()),
                names=frozenset(t.lemma_.lower() for t in doc if (t.pos_ == "PROPN" or t.ent_type_) and t.lemma_.isalpha()),
                numbers=frozenset(t.text for t in doc if t.pos_ == "NUM" or t.ent_type_ in {"DATE", "TIME", "CARDINAL"}),
                arguments=argument_words(head, inside),
                times=sentence.times, places=sentence.places,
                document_times=settings[m["doc_id"]].times, document_places=settings[m["doc_id"]].places,
                document_names=settings[m["doc_id"]].names,
                vectors=(*vectors.in_context(m), phrases[text], phrases[lemma]) if vectors else None,
            )
        )
    return views


def stories_and_views(
    sentences: dict[tuple[str, int], list[str]], mentions: list[dict], *, model: str, embeddings: bool,
    fragment_size: int = MIXED_FRAGMENT_SIZE,
) -> tuple[list[MentionView], dict[str, str], dict[str, int]]:
    """Mention views, document words and each document's story: what clustering and refitting share."""
    parsed = parse_sentences(sentences, model)
    words = document_words(parsed)
    if not embeddings:
        return mention_views(parsed, mentions), words, cluster_documents(words)
    vectors = CorpusVectors.of(sentences)
    distances = mixed_distances(words, document_entities(parsed), vectors.documents)
    story_of = cluster_documents(words, distance=MIXED_STORY_DISTANCE, distances=distances, fragment_size=fragment_size)
    return mention_views(parsed, mentions, vectors), words, story_of


def evaluate_ecbplus(directory: Path, *, model: str, embeddings: bool = True) -> EcbResult:
    """Cluster the mentions of DIR into events; score them when the gold chains are there.

    With `embeddings` (the default, and the measured method), stories and pairs also use contextual
    vectors (`link/embeddings.py`); without, only words, entities and the parse.
    """
    sentences, mentions = read_corpus(directory)
    views, words, story_of = stories_and_views(sentences, mentions, model=model, embeddings=embeddings)
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


def training_pairs(directory: Path, *, model: str, embeddings: bool) -> tuple[np.ndarray, np.ndarray]:
    """Features of every mention pair within a predicted story, and whether the gold chains join them."""
    sentences, mentions = read_corpus(directory)
    if not all("coref_chain" in m for m in mentions):
        raise InputError(f"{directory}: refitting needs the gold `coref_chain` of every mention.")
    views, words, story_of = stories_and_views(
        sentences, mentions, model=model, embeddings=embeddings, fragment_size=FIT_FRAGMENT_SIZE
    )
    similarity = story_similarities(words, story_of)
    by_story: dict[int, list[int]] = defaultdict(list)
    for index, view in enumerate(views):
        by_story[story_of[view.document]].append(index)
    rows, corefer = [], []
    for indices in by_story.values():
        for (i, j), row in pairwise_features([views[k] for k in indices], similarity).items():
            rows.append(row)
            corefer.append(mentions[indices[i]]["coref_chain"] == mentions[indices[j]]["coref_chain"])
    return np.array(rows, dtype=float), np.array(corefer)


def refit(directory: Path, *, model: str, embeddings: bool, out: Path | None = None) -> None:
    """Fit the pair scorer on a training split and write its weights where `link/mention_pairs.py` reads them."""
    rows, corefer = training_pairs(directory, model=model, embeddings=embeddings)
    note = f"Logistic regression fit by `python -m crosswire.eval.ecbplus refit` on {len(rows)} pairs of {directory.name}."
    target = out or (VECTOR_PARAMETERS if embeddings else PARAMETERS)
    target.write_text(fit_pair_model(rows, corefer).as_json(note), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "refit":
        sys.exit("usage: python -m crosswire.eval.ecbplus refit TRAIN_DIR  (ECB+ train: corpus.txt, event_mentions.json)")
    from crosswire.settings import load_settings

    for with_vectors in (False, True):  # both weight files: without and with link/embeddings.py
        refit(Path(sys.argv[2]), model=load_settings().model, embeddings=with_vectors)
