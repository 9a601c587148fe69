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
# Re-reads posts already stored, by the ids `SourceSpec.lookup_id` gives, for fresh counts.
RefreshFn = Callable[[httpx.Client, Any, list[str]], Page]
LookupFn = Callable[[str, dict[str, Any]], str | None]


@dataclass(frozen=True)
class SourceSpec:
    """A connector's registry entry: its kind, its config model and its fetch function.

    `refresh` is set for platforms that look posts up by id, so the poller can re-read
    recently flagged posts and see how fast their engagement grows. It takes at most
    `refresh_batch` ids per call and, like `fetch`, reports trouble in the page, never
    by raising. The posts it returns carry the same native ids as when first fetched.
    """

    kind: str
    config: type[SourceConfig]
    fetch: FetchFn
    description: str
    refresh: RefreshFn | None = None
    refresh_batch: int = 25
    # The id the platform's lookup takes, from a stored post's native id and raw fields;
    # None means the native id itself (Mastodon looks statuses up by a per-server id).
    lookup: LookupFn | None = None

    def lookup_id(self, native_id: str, raw: dict[str, Any]) -> str | None:
        return self.lookup(native_id, raw) if self.lookup else native_id
