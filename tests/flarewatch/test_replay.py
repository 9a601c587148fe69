"""The replay source: timing, paging, cursor and malformed lines."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from crawler.sources.replay import ReplaySource, fetch
from tests.streams import stream_lines

HTTP = httpx.Client()


def _source(path: Path, **kw: object) -> ReplaySource:
    return ReplaySource(name="r", kind="replay", path=path, **kw)


def test_replays_at_speedup(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(stream_lines(10, step_s=60)), encoding="utf-8")
    cfg = _source(path, speedup=60)  # one simulated minute per real second
    first = fetch(HTTP, cfg, None, now=1000.0)
    assert [p.native_id for p in first.posts] == ["p0"]
    later = fetch(HTTP, cfg, first.cursor, now=1003.5)
    assert [p.native_id for p in later.posts] == ["p1", "p2", "p3"]
    assert later.posts[0].observed_at is not None


def test_pages_and_resumes_from_cursor(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(stream_lines(7)), encoding="utf-8")
    cfg = _source(path, speedup=0, page_size=3)
    seen, cursor, more = [], None, True
    while more:
        page = fetch(HTTP, cfg, cursor)
        seen += [p.native_id for p in page.posts]
        cursor, more = page.cursor, page.more
    assert seen == [f"p{i}" for i in range(7)]
    assert fetch(HTTP, cfg, cursor).state == "empty"


def test_malformed_lines_are_skipped_and_named(tmp_path: Path) -> None:
    good = stream_lines(3)
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join([good[0], "{not json", json.dumps({"t": "x"}), good[1], good[2]]),
                    encoding="utf-8")
    page = fetch(HTTP, _source(path, speedup=0), None)
    assert [p.native_id for p in page.posts] == ["p0", "p1", "p2"]
    assert "skipped 2 malformed line(s): line 2" in page.reason and "line 3" in page.reason


def test_missing_file_is_an_error_state(tmp_path: Path) -> None:
    page = fetch(HTTP, _source(tmp_path / "gone.jsonl"), None)
    assert page.state == "error" and "cannot read replay file" in page.reason
