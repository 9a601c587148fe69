"""The rule-based detector: hand-written cues, no learning.

It is what `Detector.load()` returns when no trained model exists. It knows only the
patterns in `detector/lexicon.py`: it catches the common explicit phrasings
("再不退款就去12315", "求扩散", "不赔就发抖音") and misses anything said differently,
and its stage probabilities are fixed confidences, not calibrated estimates. Train a
model (`detector.train.train`) for real use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from detector._version import __version__
from detector.base import Detector, assemble
from detector.normalize import NormalizedText, normalize
from detector.severity import SeverityWeights
from detector.signals import PUBLIC_CUES, THREAT_CUES, SignalSet, find_signals, has_complaint
from detector.types import STAGES, Detection, PostInput

# Fixed confidence for the rule's choice; the rest is spread over the other stages.
RULE_CONFIDENCE = 0.7
# "我要曝光你们" announces exposure (a threat); "曝光某某…" exposes (public).
_INTENT_BEFORE = re.compile(r"(?:要|会|准备|打算|就|去|将|想|will|going to|gonna)\s?$")
_FIRST_PERSON = re.compile(r"我|咱|\bi\b|\bmy\b|\bwe\b|\bus\b")


def _is_public(norm: NormalizedText, signals: SignalSet) -> bool:
    for s in signals.active:
        if s.span.startswith("@"):  # addressed to a media or regulator account
            return True
        if s.name == "exposure":
            if not _INTENT_BEFORE.search(norm.text[max(0, s.start - 4) : s.start]):
                return True
        elif s.name in PUBLIC_CUES:
            return True
    return False


def rule_stage(norm: NormalizedText, signals: SignalSet) -> str:
    """The highest stage the cues support (LABELS.md: take the highest)."""
    grievance = has_complaint(norm) or bool(_FIRST_PERSON.search(norm.text))
    if _is_public(norm, signals) and grievance:
        return "public"
    threat = signals.names & (THREAT_CUES | {"exposure"})
    if threat and grievance:
        return "threat"
    if has_complaint(norm):
        return "complaint"
    return "none"


def rule_probs(stage: str) -> dict[str, float]:
    rest = (1 - RULE_CONFIDENCE) / (len(STAGES) - 1)
    return {s: RULE_CONFIDENCE if s == stage else rest for s in STAGES}


class RuleDetector(Detector):
    """Keyword-and-pattern detector; honest fallback until a model is trained."""

    def __init__(self, weights: SeverityWeights | None = None) -> None:
        self.weights = weights or SeverityWeights()
        self.version = f"rules-{__version__}"

    def detect_many(self, posts: Sequence[PostInput]) -> list[Detection]:
        return [self._detect(post) for post in posts]

    def _detect(self, post: PostInput) -> Detection:
        norm = normalize(post.text)
        signals = find_signals(norm)
        stage = rule_stage(norm, signals)
        extortion = signals.has("extortion")
        if extortion and STAGES.index(stage) < STAGES.index("threat"):
            stage = "threat"  # LABELS.md: extortion is at least a threat
        return assemble(post, rule_probs(stage), extortion, signals, self.version, self.weights)
