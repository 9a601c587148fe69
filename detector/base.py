"""The detector interface and what every implementation shares: assembling a Detection."""

from __future__ import annotations

import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from detector import severity
from detector.severity import SeverityWeights
from detector.signals import SignalSet
from detector.types import STAGES, Detection, PostInput

log = logging.getLogger(__name__)

MODEL_ENV = "FLAREWATCH_MODEL"
DEFAULT_MODEL_PATH = Path("var/models/current")


def as_weights(weights: SeverityWeights | Mapping[str, object] | None) -> SeverityWeights:
    if isinstance(weights, SeverityWeights):
        return weights
    return SeverityWeights.from_mapping(weights)


class Detector(ABC):
    """Stage, extortion flag, signals and severity for posts.

    Use `Detector.load()`: it returns the trained model when an artifact exists and
    the rule-based detector otherwise; check `.version` to see which one you have.
    """

    version: str
    weights: SeverityWeights

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str] | None = None,
        weights: SeverityWeights | Mapping[str, object] | None = None,
    ) -> Detector:
        """Load a trained artifact, or fall back to the rules when there is none.

        `path` is an artifact directory (or its `model.joblib`). Without it the artifact
        at $FLAREWATCH_MODEL, else ./var/models/current, is used if it exists; if it
        does not, the rule-based detector is returned (version "rules-…") and a warning
        is logged. An explicit `path` that does not exist raises FileNotFoundError.
        `weights` overrides the severity weights (a SeverityWeights or a mapping).
        """
        from detector.artifact import artifact_exists
        from detector.rules import RuleDetector

        w = as_weights(weights)
        if path is not None:
            return _load_model(Path(path), w)
        candidate = Path(os.environ.get(MODEL_ENV) or DEFAULT_MODEL_PATH)
        if artifact_exists(candidate):
            return _load_model(candidate, w)
        log.warning("no trained model at %s; using the rule-based detector", candidate)
        return RuleDetector(weights=w)

    def detect(self, post: PostInput) -> Detection:
        return self.detect_many([post])[0]

    @abstractmethod
    def detect_many(self, posts: Sequence[PostInput]) -> list[Detection]:
        """Detections for a batch, in order."""

    def add_words(self, words: Iterable[str]) -> None:
        """Teach the tokenizer watchlist names (brands, aliases); rules need none."""
        del words


def _load_model(path: Path, weights: SeverityWeights) -> Detector:
    from detector.artifact import artifact_exists

    if not artifact_exists(path):
        raise FileNotFoundError(f"no model artifact at {path}")
    from detector.model import ModelDetector

    return ModelDetector.from_artifact(path, weights=weights)


def assemble(
    post: PostInput,
    stage_probs: Mapping[str, float],
    extortion: bool,
    signals: SignalSet,
    version: str,
    weights: SeverityWeights,
    stage: str | None = None,
) -> Detection:
    """One Detection; `stage` defaults to the most probable one."""
    probs = {s: float(stage_probs.get(s, 0.0)) for s in STAGES}
    stage = stage or max(STAGES, key=lambda s: probs[s])
    value, level, breakdown = severity.score(post, probs, signals.active, extortion, weights)
    return Detection(
        stage=stage,
        stage_probs={s: round(p, 4) for s, p in probs.items()},
        extortion=extortion,
        severity=value,
        level=level,
        signals=list(signals.active),
        severity_breakdown=breakdown,
        model_version=version,
    )
