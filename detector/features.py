"""Feature extraction: texts → one table the vectorizers and signal features read.

`Preparer` normalizes, tokenizes and finds signals ONCE per text and returns a
DataFrame with named columns:

- `text`   normalized model text (character n-grams read it),
- `tokens` jieba tokens joined by spaces (word n-grams read it),
- `doc`    the `Prepared` object (normalized text + signals), which `SignalFeatures`
           turns into named numeric columns and the detector reuses for its output.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from detector.normalize import NormalizedText, normalize
from detector.signals import (
    CUE_NAMES,
    PUBLIC_CUES,
    THREAT_CUES,
    SignalSet,
    find_signals,
    has_complaint,
)
from detector.tokenize import JiebaTokenizer

_QUESTION = re.compile(r"[?？]|请问|吗$|怎么|如何|how do|anyone know|is there")
_FIRST_PERSON = re.compile(r"我|咱|(?:^|[^a-z])(?:i|my|me|we|us|our)(?:[^a-z]|$)")


@dataclass(frozen=True)
class Prepared:
    """One post after normalization and signal finding."""

    norm: NormalizedText
    signals: SignalSet


def split_tokens(doc: str) -> list[str]:
    """Tokenizer for the word vectorizer: tokens were joined by single spaces."""
    return doc.split(" ") if doc else []


class Preparer(TransformerMixin, BaseEstimator):
    """Raw texts → DataFrame(text, tokens, doc); jieba runs once per text.

    `words` are extra jieba words (our user dictionary, watchlist names).
    """

    def __init__(self, words: Sequence[str] = (), hmm: bool = False) -> None:
        self.words = words
        self.hmm = hmm

    def fit(self, X: Iterable[str], y: object = None) -> Preparer:
        self.tokenizer_ = JiebaTokenizer(self.words, self.hmm)
        return self

    def transform(self, X: Iterable[str]) -> pd.DataFrame:
        docs = [_prepare(str(x)) for x in X]
        texts = [d.norm.model_text for d in docs]
        tokens = [" ".join(self.tokenizer_(t)) for t in texts]
        return pd.DataFrame({"text": texts, "tokens": tokens, "doc": docs})


def _prepare(text: str) -> Prepared:
    norm = normalize(text)
    return Prepared(norm, find_signals(norm))


SIGNAL_FEATURES: tuple[str, ...] = (
    *(f"sig_{n}" for n in CUE_NAMES),
    *(f"neg_{n}" for n in CUE_NAMES),
    "mention_media", "mention_regulator", "signal_in_repost", "any_public_cue",
    "any_threat_cue", "n_signals", "complaint_words", "question", "first_person", "length",
)


def signal_row(doc: Prepared) -> list[float]:
    """The named features of one post, in SIGNAL_FEATURES order."""
    sig, norm = doc.signals, doc.norm
    negated = {s.name for s in sig.negated}
    mentions = {s.name for s in sig.active if s.span.startswith("@")}
    return [
        *(1.0 if n in sig.names else 0.0 for n in CUE_NAMES),
        *(1.0 if n in negated else 0.0 for n in CUE_NAMES),
        float("media" in mentions),
        float("regulator" in mentions),
        float(any(s.in_repost for s in sig.active)),
        float(bool(sig.names & PUBLIC_CUES) or bool(mentions)),
        float(bool(sig.names & THREAT_CUES)),
        math.log1p(len(sig.active)),
        float(has_complaint(norm)),
        float(bool(_QUESTION.search(norm.text))),
        float(bool(_FIRST_PERSON.search(norm.text))),
        min(1.0, len(norm.text) / 300),
    ]


class SignalFeatures(TransformerMixin, BaseEstimator):
    """Column of `Prepared` docs → named numeric signal features (stateless)."""

    def fit(self, X: Iterable[Prepared], y: object = None) -> SignalFeatures:
        self.n_features_out_ = len(SIGNAL_FEATURES)
        return self

    def transform(self, X: Iterable[Prepared]) -> np.ndarray:
        rows = [signal_row(d) for d in X]
        return np.asarray(rows, dtype=np.float64).reshape(-1, len(SIGNAL_FEATURES))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(SIGNAL_FEATURES, dtype=object)
