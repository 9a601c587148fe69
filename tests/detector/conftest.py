"""Shared fixtures: one model trained on the corpus per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from detector import Detector

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not any(CORPUS.glob("*.jsonl")):
        pytest.skip("no corpus in data/corpus")
    return CORPUS


@pytest.fixture(scope="session")
def artifact(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained on the whole corpus (a few seconds), saved as an artifact."""
    from detector.train import train

    out = tmp_path_factory.mktemp("models")
    return train(corpus_dir, out_dir=out, holdout_metrics=False).path


@pytest.fixture(scope="session")
def model(artifact: Path) -> Detector:
    return Detector.load(artifact)
