"""Hacker News (Algolia) connector: windows, paging, the 1,000-hit cap."""

from __future__ import annotations

import copy
import math
import re
import time
from datetime import UTC, datetime
from typing import Any

import httpx

from crawler import cursor as cursors
from crawler.sources import hackernews
from crawler.sources.hackernews import HackerNewsSource
from tests.crawler.fakeweb import FakeServer, Reply, Seen, fixture_json, poll

PATH = "/api/v1/search_by_date"


class FakeAlgolia:
    """search_by_date over a list of hits: numericFilters window, paging, 1,000-hit cap."""

    def __init__(self, hits: list[dict[str, Any]]) -> None:
        self.hits = sorted(hits, key=lambda h: -h["created_at_i"])

    def __call__(self, seen: Seen) -> Reply:
        low, high = _window(seen.arg("numericFilters") or "")
        matching = [h for h in self.hits if low < h["created_at_i"] <= high]
        per_page, page = int(seen.arg("hitsPerPage") or 20), int(seen.arg("page") or 0)
        if page * per_page >= 1000:
            return Reply(200, fixture_json("hn_cap_message.json"))
        reachable = matching[:1000]
        body = {**fixture_json("hn_search_by_date.json"), "nbHits": len(matching),
                "hits": reachable[page * per_page:(page + 1) * per_page], "page": page,
                "nbPages": math.ceil(len(reachable) / per_page), "hitsPerPage": per_page}
        return Reply(200, body)


def _window(filters: str) -> tuple[int, int]:
    low = re.search(r"created_at_i>(\d+)", filters)
    high = re.search(r"created_at_i<=(\d+)", filters)
    return (int(low.group(1)) if low else 0, int(high.group(1)) if high else 2**40)


def synthetic(times: list[int]) -> list[dict[str, Any]]:
    template = fixture_json("hn_search_by_date.json")["hits"][0]
    out = []
    for n, moment in enumerate(times):
        hit = copy.deepcopy(template)
        hit.update(objectID=str(50_000_000 + n), created_at_i=moment,
                   created_at=datetime.fromtimestamp(moment, UTC).isoformat())
        out.append(hit)
    return out


def source(server: FakeServer, **extra: Any) -> HackerNewsSource:
    return HackerNewsSource(name="hn", base_url=server.url, keywords=["xinghe"], **extra)


def test_maps_documented_hits(server: FakeServer, http: httpx.Client) -> None:
    server.route(PATH, FakeAlgolia(fixture_json("hn_search_by_date.json")["hits"]))
    page = hackernews.fetch(http, source(server, backfill_hours=24 * 30), None)
    assert page.state == "ok" and not page.more
    comment, story = page.posts
    assert comment.text == ("Xinghe's support closed my ticket twice. I'm filing a chargeback & "
                            "telling the FTC.")
    assert comment.created_at == datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    assert comment.url == "https://news.ycombinator.com/item?id=42100777"
    assert comment.raw["story_title"] == "Xinghe recalls 2M air conditioners"
    assert (story.likes, story.comments, story.author_name) == (312, 87, "newsbot")
    seen = server.hits(PATH)[0]
    assert seen.arg("tags") == "(story,comment)" and seen.arg("query") == "xinghe"
    assert seen.arg("hitsPerPage") == "100"


def test_pages_then_moves_the_window(server: FakeServer, http: httpx.Client) -> None:
    now = int(time.time())
    server.route(PATH, FakeAlgolia(synthetic([now - 10 - n for n in range(250)])))
    first = poll(hackernews.SPEC, http, source(server))
    assert len(first.pages) == 3 and len(first.stored) == 250
    assert cursors.load(first.cursor)["subs"]["xinghe"]
    server.requests.clear()
    again = poll(hackernews.SPEC, http, source(server), cursor=first.cursor)
    low, _ = _window(server.hits(PATH)[0].arg("numericFilters") or "")
    assert low >= now and again.pages[0].state == "empty"


def test_splits_a_window_that_hits_the_cap(server: FakeServer, http: httpx.Client) -> None:
    now = int(time.time())
    server.route(PATH, FakeAlgolia(synthetic([now - 5 - n * 2 for n in range(1500)])))
    result = poll(hackernews.SPEC, http, source(server, max_pages=50))
    assert len(result.stored) == 1500
    assert all(p.state in ("ok", "empty") for p in result.pages)
    assert not result.pages[-1].more


def test_cap_within_one_second_is_truncated(server: FakeServer, http: httpx.Client) -> None:
    now = int(time.time())
    server.route(PATH, FakeAlgolia(synthetic([now - 60] * 1200)))
    result = poll(hackernews.SPEC, http, source(server, max_pages=50))
    assert len(result.stored) == 1000
    assert "truncated" in [p.state for p in result.pages]
    truncated = next(p for p in result.pages if p.state == "truncated")
    assert "1,000" in truncated.reason


def test_cap_message_reply_is_truncated_not_empty(server: FakeServer, http: httpx.Client) -> None:
    server.route(PATH, Reply(200, fixture_json("hn_cap_message.json")))
    page = hackernews.fetch(http, source(server), None)
    assert page.state == "truncated"


def test_resume_after_a_cut_poll_loses_nothing(server: FakeServer, http: httpx.Client) -> None:
    now = int(time.time())
    server.route(PATH, FakeAlgolia(synthetic([now - 5 - n * 2 for n in range(1500)])))
    stored: dict[Any, Any] = {}
    cursor = None
    for _ in range(40):  # polls of two pages each, as if the poller restarted in between
        result = poll(hackernews.SPEC, http, source(server, max_pages=2), cursor, stored)
        cursor = result.cursor
        if not result.pages[-1].more:
            break
    assert len(stored) == 1500


def test_faults(server: FakeServer, http: httpx.Client) -> None:
    for reply, state in [
        (Reply(200, b'{"hits": [', {}), "schema_changed"),
        (Reply(200, {"hits": "nope"}), "schema_changed"),
        (Reply(429, b"", {"Retry-After": "3600"}), "rate_limited"),
        (Reply(200, b"", action="truncate"), "error"),
    ]:
        server.route(PATH, reply)
        assert hackernews.fetch(http, source(server), None).state == state
