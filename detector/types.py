"""Inputs and outputs of the detector; plain data so callers need not know the model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

STAGES: tuple[str, ...] = ("none", "complaint", "threat", "public")
Level = Literal["blue", "yellow", "orange", "red"]


@dataclass(frozen=True)
class PostInput:
    """What the detector needs to know about one post."""

    text: str
    platform: str = ""
    author_followers: int | None = None
    reposts: int | None = None
    comments: int | None = None
    likes: int | None = None
    engagement_per_hour: float | None = None  # growth of reposts+comments+likes, from snapshots
    author_prior_flags: int = 0  # earlier flagged posts by the same author
    author_stage_rising: bool = False  # the author's stage went up over their trail
    incident_size: int = 1  # posts in the incident this post joins


@dataclass(frozen=True)
class Signal:
    """An explainable cue with the text span that triggered it."""

    name: str
    span: str
    start: int
    end: int
    weight: float
    in_repost: bool = False  # found in the reposted part of a `//@user:` chain


@dataclass(frozen=True)
class Detection:
    stage: str
    stage_probs: dict[str, float]
    extortion: bool
    severity: int
    level: Level
    signals: list[Signal] = field(default_factory=list)
    severity_breakdown: dict[str, float] = field(default_factory=dict)
    model_version: str = ""

    @property
    def flagged(self) -> bool:
        """Worth an incident: an escalation stage, or extortion."""
        return self.stage in ("threat", "public") or self.extortion
