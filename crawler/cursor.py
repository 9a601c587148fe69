"""Cursor state shared by connectors: a JSON codec and the newest-first sweep.

A cursor is an opaque string to the poller. Connectors keep small JSON objects in it.
An unreadable cursor (hand-edited, from an older version) starts the source afresh
rather than failing it: the store deduplicates, and `backfill_hours` bounds the refetch.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from crawler.base import SourceConfig

FUTURE_SLACK = 300.0  # seconds a post's clock may run ahead of ours before we distrust it
MAX_TOKENS = 20  # page tokens remembered per sweep to notice a platform looping


class IncrementalConfig(SourceConfig):
    """Keys of a source that pages back from the newest post to what it already has."""

    backfill_hours: float = Field(default=24.0, gt=0, le=24 * 365 * 20)
    query: str = ""  # overrides the keywords when the platform's query syntax is wanted


def load(cursor: str | None) -> dict[str, Any]:
    if not cursor:
        return {}
    try:
        data = json.loads(cursor)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


@dataclass(frozen=True)
class Sweep:
    """Paging back from the newest post until the watermark, then moving the watermark.

    The watermark (epoch seconds) only moves when a sweep is complete, so a sweep cut
    short by `max_pages` or a crash resumes where it stopped on the next poll, and posts
    that arrived meanwhile are caught by the following sweep.
    """

    watermark: float
    token: str | None = None  # the platform's page token inside this sweep; None = newest
    top: float | None = None  # newest post time seen in this sweep
    seen: tuple[str, ...] = ()

    @classmethod
    def load(cls, data: dict[str, Any], backfill_hours: float, now: float | None = None) -> Sweep:
        now = time.time() if now is None else now
        watermark = number(data.get("watermark"))
        token = data.get("token")
        seen = data.get("seen")
        return cls(
            watermark=now - backfill_hours * 3600 if watermark is None else watermark,
            token=token if isinstance(token, str) else None,
            top=number(data.get("top")),
            seen=tuple(t for t in seen if isinstance(t, str)) if isinstance(seen, list) else (),
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"watermark": self.watermark}
        if self.token is not None:
            data.update(token=self.token, top=self.top, seen=list(self.seen))
        return data

    def step(self, times: list[float | None], next_token: str | None, monotonic: bool = True,
             now: float | None = None) -> tuple[Sweep, bool, str]:
        """State after one page: (sweep to save, whether another page follows, note)."""
        now = time.time() if now is None else now
        known = [t for t in times if t is not None and t <= now + FUTURE_SLACK]
        top = max([*known, *([self.top] if self.top is not None else [])], default=None)
        note = ""
        if monotonic:
            reached = any(t < self.watermark for t in known)
        else:  # relevance-ordered pages: stop at the first page with nothing new on it
            reached = bool(known) and all(t < self.watermark for t in known)
        if next_token is not None and (next_token == self.token or next_token in self.seen):
            note = "the platform repeated a page cursor, so paging stopped there"
            next_token = None
        if reached or not times or next_token is None:
            watermark = max(self.watermark, top) if top is not None else self.watermark
            return Sweep(watermark=watermark), False, note
        seen = (*self.seen, next_token)[-MAX_TOKENS:]
        return Sweep(self.watermark, next_token, top, seen), True, note
