"""Severity 0–100: how much a post threatens the brand, and what contributed how much.

    risk  = min(1, Σ_stage p(stage)·stage_value
                   + signal_share · (1 − e^(−Σ active signal weights))
                   + extortion_share · [extortion])
    amp   = Σ_f weight_f · a_f            (a_f ∈ [0, 1], Σ weight_f = 1)
    score = 100 · risk · (base + (1 − base) · amp)

The text decides *whether* a post is a risk (`risk`); reach, engagement, its velocity,
the author's history, the channel and the incident's size decide *how far* it can
spread (`amp`). Multiplying keeps a harmless post from a famous account blue, and every
factor only ever adds, so the score is monotone in each input: more followers, more
engagement, faster growth, more prior flags, a larger incident, or probability mass
moving to a higher stage never lower it.

Each amplifier saturates on a log scale (`a = min(1, log10(1 + x) / log10(1 + full))`),
so the difference between 100 and 10,000 followers counts as much as between 10,000
and 1,000,000. `breakdown` splits the score into additive parts that sum to it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace

from detector.types import STAGES, Level, PostInput, Signal

LEVELS: tuple[tuple[int, Level], ...] = ((80, "red"), (60, "orange"), (40, "yellow"))

# Where a post was published; names are `PostInput.platform` values.
COMPLAINT_PORTALS = frozenset({"tousu", "heimao", "jutousu", "12315", "complaint_portal", "bbb"})
SOCIAL = frozenset(
    {"weibo", "douyin", "xiaohongshu", "kuaishou", "bilibili", "wechat", "twitter", "x",
     "mastodon", "bluesky", "tiktok", "facebook", "instagram", "youtube", "threads"}
)
FORUMS = frozenset({"zhihu", "tieba", "douban", "reddit", "hackernews", "forum", "v2ex", "hupu"})


@dataclass(frozen=True)
class SeverityWeights:
    """All knobs of the formula; `from_mapping` lets the config override any of them."""

    stage_values: tuple[float, float, float, float] = (0.0, 0.3, 0.62, 0.85)
    signal_share: float = 0.12
    extortion_share: float = 0.1
    base: float = 0.6  # share of the score a risky post gets with no reach at all
    # Amplifier weights (normalized to sum 1 when used).
    followers: float = 0.25
    engagement: float = 0.25
    velocity: float = 0.2
    history: float = 0.1
    channel: float = 0.1
    incident: float = 0.1
    # Values at which each amplifier saturates.
    followers_full: float = 1_000_000
    engagement_full: float = 10_000
    velocity_full: float = 1_000  # interactions per hour
    prior_flags_full: float = 3
    incident_full: float = 30
    channel_values: Mapping[str, float] = field(
        default_factory=lambda: {"social": 1.0, "complaint_portal": 0.8, "forum": 0.6,
                                 "other": 0.5}
    )

    @classmethod
    def from_mapping(cls, values: Mapping[str, object] | None) -> SeverityWeights:
        """Defaults overridden by `values`; unknown keys are an error, not silently ignored."""
        if not values:
            return cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown severity weight(s): {', '.join(unknown)}")
        overrides = dict(values)
        if "stage_values" in overrides:
            overrides["stage_values"] = tuple(overrides["stage_values"])  # type: ignore[arg-type]
        if "channel_values" in overrides:
            overrides["channel_values"] = {**cls().channel_values, **overrides["channel_values"]}  # type: ignore[dict-item]
        return replace(cls(), **overrides)  # type: ignore[arg-type]


def channel_of(platform: str) -> str:
    """complaint_portal, social, forum or other, from `PostInput.platform`."""
    name = (platform or "").lower()
    if name in COMPLAINT_PORTALS:
        return "complaint_portal"
    if name in SOCIAL:
        return "social"
    if name in FORUMS:
        return "forum"
    return "other"


def level_of(score: float) -> Level:
    for threshold, level in LEVELS:
        if score >= threshold:
            return level
    return "blue"


def _saturate(value: float | None, full: float) -> float:
    if not value or value <= 0:
        return 0.0
    return min(1.0, math.log10(1 + value) / math.log10(1 + full))


def _amplifiers(post: PostInput, w: SeverityWeights) -> dict[str, float]:
    engagement = sum(v or 0 for v in (post.reposts, post.comments, post.likes))
    history = 0.7 * _saturate(post.author_prior_flags, w.prior_flags_full) + (
        0.3 if post.author_stage_rising else 0.0
    )
    values = w.channel_values
    return {
        "followers": _saturate(post.author_followers, w.followers_full),
        "engagement": _saturate(engagement, w.engagement_full),
        "velocity": _saturate(post.engagement_per_hour, w.velocity_full),
        "history": history,
        "channel": values.get(channel_of(post.platform), values.get("other", 0.5)),
        "incident": _saturate(max(0, post.incident_size - 1), w.incident_full),
    }


def _risk_parts(
    stage_probs: Mapping[str, float], signals: Iterable[Signal], extortion: bool,
    w: SeverityWeights,
) -> dict[str, float]:
    stage = sum(stage_probs.get(s, 0.0) * v for s, v in zip(STAGES, w.stage_values, strict=True))
    total_weight = sum(max(0.0, s.weight) for s in signals)
    return {
        "stage": stage,
        "signals": w.signal_share * (1 - math.exp(-total_weight)),
        "extortion": w.extortion_share if extortion else 0.0,
    }


def score(
    post: PostInput,
    stage_probs: Mapping[str, float],
    signals: Iterable[Signal] = (),
    extortion: bool = False,
    weights: SeverityWeights | None = None,
) -> tuple[int, Level, dict[str, float]]:
    """Severity, its level and the breakdown (points per part, summing to the score)."""
    w = weights or SeverityWeights()
    parts = _risk_parts(stage_probs, list(signals), extortion, w)
    raw_risk = sum(parts.values())
    risk = min(1.0, raw_risk)
    amps = _amplifiers(post, w)
    amp_weights = {name: max(0.0, getattr(w, name)) for name in amps}
    norm = sum(amp_weights.values()) or 1.0
    amp = sum(amp_weights[n] * a for n, a in amps.items()) / norm
    total = 100 * risk * (w.base + (1 - w.base) * amp)
    # Breakdown: the text's share split by part, the reach share split by amplifier.
    scale = risk / raw_risk if raw_risk > 0 else 0.0
    breakdown = {k: round(100 * w.base * v * scale, 2) for k, v in parts.items()}
    breakdown |= {
        n: round(100 * risk * (1 - w.base) * amp_weights[n] * a / norm, 2)
        for n, a in amps.items()
    }
    value = max(0, min(100, round(total)))
    return value, level_of(value), breakdown
