"""The generic JSON connector, driven by the two shipped example configs."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from crawler import cursor as cursors
from crawler.sources import jsonapi
from crawler.sources.jsonapi import JsonApiSource
from tests.crawler.fakeweb import FakeServer, Reply, Seen, fixture_json, poll

EXAMPLES = Path(__file__).parents[2] / "config" / "examples"
VENDOR_PATH = "/v2/mentions/search"
PORTAL_PATH = "/open/api/v1/complaints"


def example(name: str, server: FakeServer, **override: Any) -> JsonApiSource:
    entry = tomllib.loads((EXAMPLES / name).read_text())["sources"][0]
    return JsonApiSource.model_validate({**entry, "base_url": server.url, **override})


def vendor(server: FakeServer, **override: Any) -> JsonApiSource:
    return example("jsonapi_listening_vendor.toml", server, keywords=["星河电器"],
                   backfill_hours=24 * 3650, **override)


def vendor_pages(seen: Seen) -> Reply:
    body = json.loads(seen.body)
    name = "vendor_page2.json" if body.get("cursor") == "c2" else "vendor_page1.json"
    return Reply(200, fixture_json(name))


def test_vendor_example_pages_back_with_token(server: FakeServer, http: httpx.Client,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VENDOR_API_TOKEN", "tok-123")
    server.route(VENDOR_PATH, vendor_pages, method="POST")
    result = poll(jsonapi.SPEC, http, vendor(server))
    assert [p.state for p in result.pages] == ["ok", "ok"]
    first = server.hits(VENDOR_PATH)[0]
    assert first.headers["authorization"] == "Bearer tok-123"
    assert json.loads(first.body)["query"] == "星河电器"
    assert json.loads(server.hits(VENDOR_PATH)[1].body)["cursor"] == "c2"
    post = result.stored[("weibo", "5099000000000003")]
    assert post.text == "星河电器客服踢皮球，@星河电器 再不处理我就找媒体曝光！"
    assert (post.author_id, post.author_name, post.author_followers) == ("7001", "维权中的小张",
                                                                         12000)
    assert (post.reposts, post.comments, post.likes) == (3456, 120, 1_000_000)
    assert post.created_at == datetime(2026, 11, 23, 22, 10, tzinfo=UTC)
    assert len(result.stored) == 3 and result.store_count[("weibo", "5099000000000002")] == 2
    assert "tok-123" not in (result.cursor or "")


def test_watermark_moves_only_after_a_complete_sweep(server: FakeServer,
                                                     http: httpx.Client) -> None:
    server.route(VENDOR_PATH, vendor_pages, method="POST")
    cut = poll(jsonapi.SPEC, http, vendor(server, max_pages=1))  # like a crash after page 1
    assert cut.pages[-1].more
    rest = poll(jsonapi.SPEC, http, vendor(server), cursor=cut.cursor, stored=cut.stored)
    assert len(rest.pages) == 1 and len(rest.stored) == 3  # resumed at page 2, nothing skipped
    # Next poll: the newest stored time is the watermark; page 1 reaches it, so one request.
    server.requests.clear()
    again = poll(jsonapi.SPEC, http, vendor(server), cursor=rest.cursor)
    assert len(again.pages) == 1
    since = json.loads(server.hits(VENDOR_PATH)[0].body)["since"]
    assert since == "2026-11-23T22:10:00Z"


def test_portal_example_pages_by_number(server: FakeServer, http: httpx.Client,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_APPKEY", "k-9")
    empty = {"status": "success", "result": {"total": 2, "list": []}}
    server.route(PORTAL_PATH, lambda seen: Reply(200, fixture_json("portal_page1.json")
                                                 if seen.arg("page") == "1" else empty))
    before = datetime.now(UTC)
    result = poll(jsonapi.SPEC, http, example("jsonapi_complaint_portal.toml", server))
    assert [s.arg("page") for s in server.hits(PORTAL_PATH)] == ["1", "2"]
    assert server.hits(PORTAL_PATH)[0].arg("appkey") == "k-9"
    first = result.stored[("complaint-portal", "880001")]
    assert first.text == "星河电器拒绝退款 购买空调后发现漏水，要求退款被拒，已向12315反映"
    assert first.likes == 12000 and first.comments == 35
    assert first.created_at is not None and abs(first.created_at - before) < timedelta(minutes=1)
    older = result.stored[("complaint-portal", "880000")]
    assert older.text == "星河电器上门服务收费不透明" and older.likes == 3456


def test_api_error_code_in_a_200_is_not_an_empty_day(server: FakeServer,
                                                     http: httpx.Client) -> None:
    server.route(VENDOR_PATH, Reply(200, {"code": 40301, "message": "quota exceeded",
                                          "data": None}), method="POST")
    page = jsonapi.fetch(http, vendor(server), None)
    assert page.state == "error" and "quota exceeded" in page.reason


def test_refused_key_and_missing_key(server: FakeServer, http: httpx.Client,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    server.route(VENDOR_PATH, Reply(401, {"code": 401, "message": "invalid token"}),
                 method="POST")
    missing = jsonapi.fetch(http, vendor(server), None)
    assert missing.state == "auth_required" and "VENDOR_API_TOKEN" in missing.reason
    monkeypatch.setenv("VENDOR_API_TOKEN", "old")
    refused = jsonapi.fetch(http, vendor(server), None)
    assert refused.state == "auth_expired" and "old" not in refused.reason


def test_repeating_cursor_stops_paging(server: FakeServer, http: httpx.Client) -> None:
    looping = fixture_json("vendor_page1.json")  # next_cursor is always "c2"
    server.route(VENDOR_PATH, Reply(200, looping), method="POST")
    result = poll(jsonapi.SPEC, http, vendor(server, max_pages=10))
    assert len(result.pages) == 2
    assert "repeated" in result.pages[-1].reason and not result.pages[-1].more


def test_faults(server: FakeServer, http: httpx.Client) -> None:
    cases = [
        (Reply(200, b'{"code": 0, "data": {"items": [', {}), "schema_changed"),
        (Reply(200, {"code": 0, "data": {"items": {"not": "a list"}}}), "schema_changed"),
        (Reply(200, {"code": 0, "data": {"items": [{"nope": 1}, 7]}}), "schema_changed"),
        (Reply(200, {"code": 0, "data": {"items": []}}), "empty"),
        (Reply(429, b"slow down", {"Retry-After": "90"}), "rate_limited"),
        (Reply(500, b"oops"), "error"),
        (Reply(200, b"<html><title>Sign in</title><form>login</form></html>"), "auth_required"),
    ]
    for reply, state in cases:
        server.route(VENDOR_PATH, reply, method="POST")
        page = jsonapi.fetch(http, vendor(server), "keep-me")
        assert page.state == state, (reply.body, page)
        if state != "empty":
            assert cursors.load(page.cursor)["subs"] == {}  # the bad page's cursor is not kept


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"items": "data.["}, "not a valid JMESPath"),
        ({"fields": {"id": "mid"}}, "at least 'id' and 'text'"),
        ({"fields": {"id": "mid", "text": "t", "shares": "s"}}, "unknown field"),
        ({"url": "/search/{keywrod}"}, "unknown placeholder"),
    ],
)
def test_config_errors_are_clear(server: FakeServer, override: dict[str, Any],
                                 message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        vendor(server, **override)
