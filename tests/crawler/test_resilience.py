"""Acceptance 2: through a run of faults the polling goes on and every post lands once."""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx
import pytest

from crawler.base import RawPost
from crawler.sources import jsonapi
from crawler.sources.jsonapi import JsonApiSource
from tests.crawler.fakeweb import FakeServer, Reply, Seen, fixture_json, poll

PATH = "/search"
FAULTS = [Reply(500, b"oops"), Reply(action="reset"), Reply(200, b"", delay=0.5),
          Reply(429, b"", {"Retry-After": "1"}), Reply(200, b'{"code": 0, "data": {"items": ['),
          Reply(200, b"x" * 100, action="truncate"),
          Reply(200, b"<html><title>Sign in</title><form>login</form></html>")]


def vendor(server: FakeServer) -> JsonApiSource:
    return JsonApiSource.model_validate({
        "name": "v", "platform": "weibo", "base_url": server.url, "url": PATH, "method": "POST",
        "json_body": {"cursor": "{cursor}"}, "items": "data.items",
        "next_cursor": "data.page_info.next_cursor", "ok": "code == `0`",
        "fields": {"id": "mid", "text": "content", "created_at": "publish_time"},
        "backfill_hours": 24 * 3650, "max_pages": 3})


@pytest.mark.parametrize("fault", FAULTS, ids=lambda r: f"{r.status}-{r.action}-{r.delay}")
def test_polling_survives_a_fault_between_pages(server: FakeServer, http: httpx.Client,
                                                fault: Reply) -> None:
    turns = itertools.count()

    def flaky(seen: Seen) -> Reply:
        # Page 1 fine, then the fault (every retry of it too), then the real page 2.
        turn = next(turns)
        if json.loads(seen.body).get("cursor") != "c2":
            return Reply(200, fixture_json("vendor_page1.json"))
        return fault if turn < 5 else Reply(200, fixture_json("vendor_page2.json"))

    server.route(PATH, flaky, method="POST")
    stored: dict[tuple[str, str], RawPost] = {}
    cursor: str | None = None
    states: list[str] = []
    for _ in range(6):
        result = poll(jsonapi.SPEC, http, vendor(server), cursor, stored)
        states += [p.state for p in result.pages]
        cursor = result.cursor
    assert set(stored) == {("weibo", f"509900000000000{n}") for n in (1, 2, 3)}
    assert any(s not in ("ok", "empty") for s in states)  # the fault was seen and recorded


def test_crash_between_store_and_cursor_save_repeats_a_page(server: FakeServer,
                                                            http: httpx.Client) -> None:
    server.route(PATH, lambda seen: Reply(200, fixture_json(
        "vendor_page2.json" if json.loads(seen.body).get("cursor") == "c2"
        else "vendor_page1.json")), method="POST")
    cfg = vendor(server)
    first = jsonapi.fetch(http, cfg, None)
    stored: dict[Any, RawPost] = {(p.platform, p.native_id): p for p in first.posts}
    # The poller stored page 2's posts but crashed before saving its cursor: it resumes
    # from page 1's cursor, so page 2 comes again rather than being skipped.
    second = jsonapi.fetch(http, cfg, first.cursor)
    stored.update({(p.platform, p.native_id): p for p in second.posts})
    repeat = jsonapi.fetch(http, cfg, first.cursor)
    assert [p.native_id for p in repeat.posts] == [p.native_id for p in second.posts]
    assert len(stored) == 3
