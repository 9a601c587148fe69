"""Replay a recorded JSONL stream of posts as if it were happening now.

Each line is one observation of a post at simulated time `t` (format in data/README.md).
On the first poll the stream's first `t` is pinned to the wall clock; afterwards every
line whose `t` has come (at `speedup` simulated seconds per real second) is emitted. The
cursor holds the number of lines already stored, so a crash repeats lines, never skips
them.
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from pydantic import Field

from crawler.base import Page, RawPost, SourceConfig, SourceSpec


class ReplaySource(SourceConfig):
    kind: str = "replay"
    path: Path
    speedup: float = Field(default=600.0, ge=0, description="0 replays everything at once")
    page_size: int = Field(default=200, ge=1)


def fetch(http: httpx.Client, cfg: ReplaySource, cursor: str | None,
          now: float | None = None) -> Page:
    now = time.time() if now is None else now
    state = json.loads(cursor) if cursor else {"line": 0, "wall_start": now}
    try:
        lines = cfg.path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return Page.failed("error", f"cannot read replay file {cfg.path}: {exc}", cursor)
    records = _Records(lines)
    due = records.start + (now - state["wall_start"]) * cfg.speedup
    posts: list[RawPost] = []
    index = state["line"]
    while index < len(lines) and len(posts) < cfg.page_size:
        record = records.at(index)
        if record is not None:
            if cfg.speedup and record[0] > due:
                break
            posts.append(record[1])
        index += 1
    next_cursor = json.dumps({"line": index, "wall_start": state["wall_start"]})
    more = index < len(lines) and len(posts) == cfg.page_size
    reason = records.problems()
    if not posts and index >= len(lines):
        return Page(posts=[], cursor=next_cursor, state="empty", reason=reason)
    return Page(posts=posts, cursor=next_cursor, more=more, reason=reason)


class _Records:
    """Lines of the stream parsed on demand; a bad line is skipped and remembered."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.bad: list[str] = []
        self.start = 0.0  # simulated time of the first good line, pinned to the first poll
        for index in range(len(lines)):
            if (record := self.at(index)) is not None:
                self.start = record[0]
                break
        self.bad.clear()  # the page reports the lines it passes, not the ones looked ahead at

    def at(self, index: int) -> tuple[float, RawPost] | None:
        line = self.lines[index].strip()
        if not line:
            return None
        try:
            record = json.loads(line)
            return datetime.fromisoformat(record["t"]).timestamp(), to_raw_post(record)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            self.bad.append(f"line {index + 1} ({type(exc).__name__}: {exc})")
            return None

    def problems(self) -> str:
        if not self.bad:
            return ""
        return f"skipped {len(self.bad)} malformed line(s): " + "; ".join(self.bad[:3])


def to_raw_post(record: dict[str, Any]) -> RawPost:
    def count(name: str) -> int | None:
        value = record.get(name)
        return int(value) if value is not None else None

    created = record.get("created_at") or record["t"]
    return RawPost(
        platform=record["platform"],
        native_id=str(record["native_id"]),
        text=record["text"],
        author_id=record.get("author_id"),
        author_name=record.get("author_name"),
        author_followers=count("author_followers"),
        url=record.get("url"),
        created_at=datetime.fromisoformat(created),
        reposts=count("reposts"),
        comments=count("comments"),
        likes=count("likes"),
        observed_at=datetime.fromisoformat(record["t"]),
        raw=record,
    )


SPEC = SourceSpec(
    kind="replay",
    config=ReplaySource,
    fetch=fetch,
    description="Replays a recorded JSONL stream (the demo) at a chosen speed-up",
)
