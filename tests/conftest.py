"""Shared fixtures: the project's example corpus and the real seed reports when present."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def example_corpus() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    return SEEDS
