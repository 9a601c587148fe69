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
    except OSError as exc:
        return Page.failed("error", f"cannot read replay file {cfg.path}: {exc.strerror}", cursor)
    start = _sim_time(lines[0]) if lines else 0.0
    due = start + (now - state["wall_start"]) * cfg.speedup
    posts: list[RawPost] = []
    index = state["line"]
    while index < len(lines) and len(posts) < cfg.page_size:
        line = lines[index].strip()
        if line:
            record = json.loads(line)
            if cfg.speedup and _sim_time(line, record) > due:
                break
            posts.append(to_raw_post(record))
        index += 1
    next_state = {"line": index, "wall_start": state["wall_start"]}
    more = index < len(lines) and len(posts) == cfg.page_size
    page_state = "ok" if posts or index < len(lines) else "empty"
    return Page(posts=posts, cursor=json.dumps(next_state), more=more, state=page_state)


def _sim_time(line: str, record: dict[str, Any] | None = None) -> float:
    record = record if record is not None else json.loads(line)
    return datetime.fromisoformat(record["t"]).timestamp()


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
