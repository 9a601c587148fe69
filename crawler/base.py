"""The contract between the poller and every source connector.

A connector turns one request to a platform into a `Page`: the posts it found, the
cursor to save once those posts are stored, whether another page follows, and the
source's health as seen from that response. Connectors never touch the store; the
poller saves each page's posts and its cursor in one transaction, so a crash repeats a
page rather than skipping one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

import httpx
from pydantic import BaseModel, ConfigDict, Field

HealthState = Literal[
    "ok",
    "empty",
    "rate_limited",
    "auth_required",
    "auth_expired",
    "challenge",
    "blocked",
    "feed_disabled",
    "truncated",
    "schema_changed",
    "silent",
    "error",
]


@dataclass(frozen=True)
class RawPost:
    """One post as a platform gave it, mapped to the fields every platform shares."""

    platform: str
    native_id: str
    text: str
    author_id: str | None = None
    author_name: str | None = None
    author_followers: int | None = None
    url: str | None = None
    created_at: datetime | None = None  # timezone-aware
    reposts: int | None = None
    comments: int | None = None
    likes: int | None = None
    observed_at: datetime | None = None  # when the counts were read; None means now
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """What one request brought: posts, the cursor to save after storing them, health."""

    posts: list[RawPost]
    cursor: str | None
    more: bool = False
    state: HealthState = "ok"
    reason: str = ""
    retry_after: float | None = None  # seconds the platform asked us to wait

    @classmethod
    def failed(
        cls, state: HealthState, reason: str, cursor: str | None, retry_after: float | None = None
    ) -> Page:
        """A response that brought nothing usable; the cursor stays where it was."""
        return cls(posts=[], cursor=cursor, more=False, state=state, reason=reason,
                   retry_after=retry_after)


class SourceConfig(BaseModel):
    """Keys every `[[sources]]` entry has; each kind adds its own in a subclass."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    kind: str
    enabled: bool = True
    interval: str = "5m"
    base_url: str = ""
    max_pages: int = Field(default=5, ge=1, le=1000)
    keywords: list[str] = Field(default_factory=list)


FetchFn = Callable[[httpx.Client, Any, str | None], Page]


@dataclass(frozen=True)
class SourceSpec:
    """A connector's registry entry: its kind, its config model and its fetch function."""

    kind: str
    config: type[SourceConfig]
    fetch: FetchFn
    description: str
