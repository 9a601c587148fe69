"""The trained model: a scikit-learn Pipeline, and the Detector that serves it.

    prepare   Preparer: normalize, jieba, signals (once per text) → Prepared docs
    features  FeatureUnion: word 1–2-grams of jieba tokens, character 1–2-grams,
              named signal features
    classify  MultiOutputClassifier: a calibrated linear SVM for the stage (4 classes)
              and one for the extortion flag

Strong L2 regularization (small C) and class balancing: the corpus is small and
written by a few people, so the model must not learn their phrasing by heart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multioutput import MultiOutputClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.svm import LinearSVC

from detector.artifact import load_artifact
from detector.base import Detector, assemble
from detector.features import (
    Preparer,
    SignalFeatures,
    model_texts,
    split_tokens,
    token_strings,
)
from detector.severity import SeverityWeights
from detector.types import STAGES, Detection, PostInput

EXTORTION_THRESHOLD = 0.5


def build_model(
    user_words: Sequence[str] = (),
    C: float = 0.3,
    signal_weight: float = 1.0,
    char_ngrams: tuple[int, int] = (1, 2),
    calibration_cv: int = 3,
) -> Pipeline:
    """An untrained Pipeline; `user_words` are jieba words (see data/jieba_userdict.txt)."""
    words = TfidfVectorizer(tokenizer=split_tokens, token_pattern=None, lowercase=False,
                            ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char", ngram_range=char_ngrams, lowercase=False,
                            min_df=2, sublinear_tf=True, max_features=60_000)
    features = FeatureUnion(
        [
            ("words", Pipeline([("select", FunctionTransformer(token_strings)),
                                ("tfidf", words)])),
            ("chars", Pipeline([("select", FunctionTransformer(model_texts)),
                                ("tfidf", chars)])),
            ("signals", SignalFeatures()),
        ],
        transformer_weights={"words": 1.0, "chars": 1.0, "signals": signal_weight},
    )
    linear = LinearSVC(C=C, class_weight="balanced", random_state=0)
    classify = MultiOutputClassifier(
        CalibratedClassifierCV(linear, method="sigmoid", cv=calibration_cv)
    )
    return Pipeline([("prepare", Preparer(words=tuple(user_words))), ("features", features),
                     ("classify", classify)])


def targets(stages: Sequence[str], extortion: Sequence[bool]) -> np.ndarray:
    """The two-column y the pipeline is fitted on: stage index in STAGES, extortion 0/1."""
    return np.column_stack([np.asarray([STAGES.index(s) for s in stages], dtype=np.int64),
                            np.asarray([int(e) for e in extortion], dtype=np.int64)])


def predict(model: Pipeline, texts: Sequence[str]) -> tuple[list[Any], np.ndarray, np.ndarray]:
    """(prepared docs, stage probabilities in STAGES order, extortion probabilities)."""
    docs = model.named_steps["prepare"].transform(texts)
    stage_p, ext_p = model[1:].predict_proba(docs)
    stage_est, ext_est = model.named_steps["classify"].estimators_
    order = [list(stage_est.classes_).index(i) for i in range(len(STAGES))]
    ext_col = list(ext_est.classes_).index(1)
    return docs, stage_p[:, order], ext_p[:, ext_col]


def decide(stage_probs: np.ndarray, ext_probs: np.ndarray) -> tuple[list[str], list[bool]]:
    """Stage and extortion per row; extortion implies at least a threat (LABELS.md)."""
    stages, flags = [], []
    threat = STAGES.index("threat")
    for probs, ext in zip(stage_probs, ext_probs, strict=True):
        idx = int(np.argmax(probs))
        flag = bool(ext >= EXTORTION_THRESHOLD)
        if flag and idx < threat:
            idx = threat
        stages.append(STAGES[idx])
        flags.append(flag)
    return stages, flags


class ModelDetector(Detector):
    """Serves a trained Pipeline; version and metadata come from the artifact."""

    def __init__(self, model: Pipeline, metadata: Mapping[str, Any] | None = None,
                 weights: SeverityWeights | None = None) -> None:
        self.model = model
        self.metadata = dict(metadata or {})
        self.weights = weights or SeverityWeights()
        self.version = str(self.metadata.get("version", "model-unversioned"))
        # Load jieba's dictionary now, so detect() never reads a file.
        self.model.named_steps["prepare"].tokenizer_("预热")

    @classmethod
    def from_artifact(cls, path: Path, weights: SeverityWeights | None = None) -> ModelDetector:
        model, metadata = load_artifact(path)
        return cls(model, metadata, weights)

    def add_words(self, words: Sequence[str]) -> None:  # type: ignore[override]
        self.model.named_steps["prepare"].tokenizer_.add_words(words)

    def detect_many(self, posts: Sequence[PostInput]) -> list[Detection]:
        if not posts:
            return []
        docs, stage_p, ext_p = predict(self.model, [p.text for p in posts])
        stages, flags = decide(stage_p, ext_p)
        out = []
        for post, doc, probs, stage, flag in zip(posts, docs, stage_p, stages, flags,
                                                 strict=True):
            prob_map = dict(zip(STAGES, probs.tolist(), strict=True))
            out.append(assemble(post, prob_map, flag, doc.signals, self.version, self.weights,
                                stage=stage))
        return out
