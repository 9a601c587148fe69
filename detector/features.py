"""Feature extraction: texts → `Prepared` docs that every feature step reads.

`Preparer` normalizes, tokenizes and finds signals ONCE per text and returns one
`Prepared` per post: its normalized model text (character n-grams read it via
`model_texts`), its jieba tokens (word n-grams read them via `token_strings`) and its
signals (`SignalFeatures` turns them into named numeric columns, and the detector
reuses them for its output). A plain list rather than a DataFrame keeps pandas, and its
~60 MB, out of the serving process.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from detector.normalize import NormalizedText, model_text_of, normalize
from detector.signals import (
    CUE_NAMES,
    PUBLIC_CUES,
    THREAT_CUES,
    SignalSet,
    find_signals,
    has_complaint,
    is_planned,
)
from detector.tokenize import JiebaTokenizer
from detector.types import Signal

_QUESTION = re.compile(r"[?？]|请问|吗$|怎么|如何|how do|anyone know|is there")
_FIRST_PERSON = re.compile(r"我|咱|(?:^|[^a-z])(?:i|my|me|we|us|our)(?:[^a-z]|$)")


@dataclass(frozen=True)
class Prepared:
    """One post after normalization and signal finding."""

    norm: NormalizedText
    signals: SignalSet
    tokens: str = ""  # jieba tokens joined by single spaces


def split_tokens(doc: str) -> list[str]:
    """Tokenizer for the word vectorizer: tokens were joined by single spaces."""
    return doc.split(" ") if doc else []


def model_texts(docs: Iterable[Prepared]) -> list[str]:
    """Column selector for the character n-grams (module level so it pickles)."""
    return [d.norm.model_text for d in docs]


def token_strings(docs: Iterable[Prepared]) -> list[str]:
    """Column selector for the word n-grams."""
    return [d.tokens for d in docs]


class Preparer(TransformerMixin, BaseEstimator):
    """Raw texts → list of `Prepared`; jieba runs once per text.

    `words` are extra jieba words (our user dictionary, watchlist names).
    """

    def __init__(self, words: Sequence[str] = (), hmm: bool = False) -> None:
        self.words = words
        self.hmm = hmm

    def fit(self, X: Iterable[str], y: object = None) -> Preparer:
        self.tokenizer_ = JiebaTokenizer(self.words, self.hmm)
        return self

    def transform(self, X: Iterable[str]) -> list[Prepared]:
        return [self._prepare(str(x)) for x in X]

    def _prepare(self, text: str) -> Prepared:
        norm = normalize(text)
        signals = find_signals(norm)
        norm = mask_taken_back(norm, signals.negated)
        return Prepared(norm, signals, " ".join(self.tokenizer_(norm.model_text)))


TAKEN_BACK = " negcue "


def mask_taken_back(norm: NormalizedText, negated: Sequence[Signal]) -> NormalizedText:
    """Replace cues the post takes back ("不会去曝光", "本来想投诉12315") by one token in the
    model text, so their word and character n-grams do not vote for a threat; the signal
    features still say which cue was taken back."""
    if not negated:
        return norm
    text = norm.text
    for signal in sorted(negated, key=lambda s: s.start, reverse=True):
        text = text[: signal.start] + TAKEN_BACK + text[signal.end :]
    return replace(norm, model_text=model_text_of(text, norm.mentions))


SIGNAL_FEATURES: tuple[str, ...] = (
    *(f"sig_{n}" for n in CUE_NAMES),
    *(f"neg_{n}" for n in CUE_NAMES),
    "mention_media", "mention_regulator", "signal_in_repost", "any_public_cue",
    "public_cue_planned",
    "any_threat_cue", "n_signals", "complaint_words", "question", "first_person", "length",
)


def signal_row(doc: Prepared) -> list[float]:
    """The named features of one post, in SIGNAL_FEATURES order."""
    sig, norm = doc.signals, doc.norm
    negated = {s.name for s in sig.negated}
    mentions = {s.name for s in sig.active if s.span.startswith("@")}
    public = [s for s in sig.active if s.name in PUBLIC_CUES]
    planned = [s for s in public if is_planned(norm.text, s.start)]
    return [
        *(1.0 if n in sig.names else 0.0 for n in CUE_NAMES),
        *(1.0 if n in negated else 0.0 for n in CUE_NAMES),
        float("media" in mentions),
        float("regulator" in mentions),
        float(any(s.in_repost for s in sig.active)),
        float(len(planned) < len(public) or bool(mentions)),
        float(bool(planned)),
        float(bool(sig.names & THREAT_CUES)),
        math.log1p(len(sig.active)),
        float(has_complaint(norm)),
        float(bool(_QUESTION.search(norm.text))),
        float(bool(_FIRST_PERSON.search(norm.text))),
        min(1.0, len(norm.text) / 300),
    ]


class TextNormalizer(TransformerMixin, BaseEstimator):
    """Stateless transformer: raw texts → model texts (see `NormalizedText.model_text`)."""

    def fit(self, X: Iterable[str], y: object = None) -> TextNormalizer:
        return self

    def transform(self, X: Iterable[str]) -> list[str]:
        return [normalize(str(x)).model_text for x in X]


class SignalFeatures(TransformerMixin, BaseEstimator):
    """`Prepared` docs → named numeric signal features (stateless)."""

    def fit(self, X: Iterable[Prepared], y: object = None) -> SignalFeatures:
        self.n_features_out_ = len(SIGNAL_FEATURES)
        return self

    def transform(self, X: Iterable[Prepared]) -> np.ndarray:
        rows = [signal_row(d) for d in X]
        return np.asarray(rows, dtype=np.float64).reshape(-1, len(SIGNAL_FEATURES))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(SIGNAL_FEATURES, dtype=object)
