"""The fork server leaves PyTorch out only for a pipeline whose config shows it cannot use it."""

from __future__ import annotations

import sys

import pytest

from crosswire.engines.pool import ProcessPool
from crosswire.engines.pytorch import can_use_pytorch
from crosswire.settings import Settings

SMALL_CONFIG = """
[nlp]
pipeline = ["tok2vec","tagger","parser","ner"]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"

[training.optimizer]
@optimizers = "Adam.v1"
"""


def _pipeline(tmp_path, config: str):
    (tmp_path / "config.cfg").write_text(config, encoding="utf-8")
    return str(tmp_path)


def test_the_default_model_cannot_use_pytorch():
    assert not can_use_pytorch(Settings().model)


def test_a_pipeline_of_spacy_components_and_architectures_cannot_use_pytorch(tmp_path):
    assert not can_use_pytorch(_pipeline(tmp_path, SMALL_CONFIG))


@pytest.mark.parametrize("change", [
    ('"spacy.MultiHashEmbed.v2"', '"spacy-transformers.TransformerModel.v3"'),  # a transformer
    ('"spacy.MultiHashEmbed.v2"', '"spacy.TorchBiLSTMEncoder.v1"'),  # spaCy's own PyTorch layer
    ('factory = "tok2vec"', 'factory = "my_component"'),  # a component whose code may import it
])
def test_anything_else_may_use_pytorch(tmp_path, change):
    assert can_use_pytorch(_pipeline(tmp_path, SMALL_CONFIG.replace(*change)))


def test_a_pipeline_without_a_config_to_read_may_use_pytorch(tmp_path):
    assert can_use_pytorch("no_such_pipeline_package")
    assert can_use_pytorch(str(tmp_path))


def _torch_imported() -> bool:
    return sys.modules.get("torch") is not None


def test_pool_workers_of_the_default_model_run_without_pytorch():
    with ProcessPool(Settings(workers=2), 2) as pool:
        from crosswire.engines.pool import _run_fork_server

        _run_fork_server(pool.model)
        assert pool.executor.submit(_torch_imported).result() is False


def test_a_pool_whose_model_may_need_pytorch_spawns_when_the_fork_server_left_it_out(tmp_path, monkeypatch):
    from crosswire.engines import pool

    transformer = _pipeline(tmp_path, SMALL_CONFIG.replace('"spacy.MultiHashEmbed.v2"', '"spacy-transformers.TransformerModel.v3"'))
    monkeypatch.setattr(pool, "_fork_server_without_pytorch", True)
    with ProcessPool(Settings(model=transformer), 2) as spawning, ProcessPool(Settings(), 2) as forking:
        assert spawning.context.get_start_method() == "spawn"
        assert forking.context.get_start_method() == "forkserver"
