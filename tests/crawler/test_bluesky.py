"""Bluesky connector: session creation, refresh on ExpiredToken, search paging."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from crawler.sources import bluesky
from crawler.sources.bluesky import BlueskySource
from tests.crawler.fakeweb import FakeServer, Reply, Seen, fixture_json, poll

CREATE = "/xrpc/com.atproto.server.createSession"
REFRESH = "/xrpc/com.atproto.server.refreshSession"
SEARCH = "/xrpc/app.bsky.feed.searchPosts"
EXPIRED = Reply(400, {"error": "ExpiredToken", "message": "Token has expired"})


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    now = [5000.0]
    monkeypatch.setattr(bluesky.TOKENS, "clock", lambda: now[0])
    monkeypatch.setenv("BSKY_APP_PASSWORD", "abcd-efgh-ijkl-mnop")
    bluesky.TOKENS.clear()
    yield now
    bluesky.TOKENS.clear()


def source(server: FakeServer, **extra: Any) -> BlueskySource:
    return BlueskySource.model_validate({
        "name": "bsky", "base_url": server.url, "identifier": "acme-pr.bsky.social",
        "app_password_env": "BSKY_APP_PASSWORD", "keywords": ["星河电器"],
        "backfill_hours": 24 * 365, **extra})


def search_pages(seen: Seen) -> Reply:
    name = "bsky_search_p2.json" if seen.arg("cursor") == "2" else "bsky_search_p1.json"
    return Reply(200, fixture_json(name))


def session_routes(server: FakeServer) -> None:
    server.route(CREATE, Reply(200, fixture_json("bsky_create_session.json")), method="POST")
    server.route(REFRESH, Reply(200, fixture_json("bsky_refresh_session.json")), method="POST")


def test_login_then_search_pages(server: FakeServer, http: httpx.Client) -> None:
    session_routes(server)
    server.route(SEARCH, search_pages)
    result = poll(bluesky.SPEC, http, source(server))
    assert len(result.stored) == 3 and [p.more for p in result.pages] == [True, False]
    login = json.loads(server.hits(CREATE)[0].body)
    assert login == {"identifier": "acme-pr.bsky.social", "password": "abcd-efgh-ijkl-mnop"}
    first = server.hits(SEARCH)[0]
    assert first.headers["authorization"].endswith("access-1.sig")
    assert (first.arg("q"), first.arg("sort"), first.arg("limit")) == ("星河电器", "latest", "100")
    assert first.arg("since") is not None and first.arg("cursor") is None
    assert server.hits(SEARCH)[1].arg("cursor") == "2"
    post = result.stored[("bluesky",
                          "at://did:plc:user00000000000000000001/app.bsky.feed.post/3lbxinghe0002")]
    assert post.text == "星河电器的客服电话一直打不通，明天去消协 😡"
    assert post.url == "https://bsky.app/profile/mei.bsky.social/post/3lbxinghe0002"
    assert (post.reposts, post.comments, post.likes) == (8, 3, 21)
    assert post.created_at == datetime(2026, 11, 24, 6, 30, tzinfo=UTC)


def test_session_is_reused_and_since_moves(server: FakeServer, http: httpx.Client) -> None:
    session_routes(server)
    server.route(SEARCH, search_pages)
    first = poll(bluesky.SPEC, http, source(server))
    poll(bluesky.SPEC, http, source(server), cursor=first.cursor)
    assert len(server.hits(CREATE)) == 1
    assert server.hits(SEARCH)[-1].arg("since") == "2026-11-24T06:30:00.000Z"


def test_expired_token_is_refreshed_with_refresh_jwt(server: FakeServer,
                                                     http: httpx.Client) -> None:
    session_routes(server)
    server.route(SEARCH, [EXPIRED, Reply(200, fixture_json("bsky_search_p2.json"))])
    page = bluesky.fetch(http, source(server), None)
    assert page.state == "ok"
    refresh = server.hits(REFRESH)[0]
    assert refresh.headers["authorization"].endswith("refresh-1.sig") and refresh.body == b""
    assert server.hits(SEARCH)[1].headers["authorization"].endswith("access-2.sig")
    assert len(server.hits(CREATE)) == 1


def test_dead_refresh_token_never_loops_session_creation(server: FakeServer, http: httpx.Client,
                                                         clock: list[float]) -> None:
    server.route(CREATE, Reply(200, fixture_json("bsky_create_session.json")), method="POST")
    server.route(REFRESH, EXPIRED, method="POST")
    server.route(SEARCH, EXPIRED)
    for _ in range(5):
        page = bluesky.fetch(http, source(server), None)
        assert page.state == "auth_expired" and page.retry_after
    assert len(server.hits(CREATE)) == 1  # the cooldown holds across polls
    clock[0] += bluesky.SESSION_COOLDOWN + 1
    bluesky.fetch(http, source(server), None)
    assert len(server.hits(CREATE)) == 2


def test_wrong_app_password_and_missing_one(server: FakeServer, http: httpx.Client,
                                            monkeypatch: pytest.MonkeyPatch,
                                            clock: list[float]) -> None:
    server.route(CREATE, Reply(401, {"error": "AuthenticationRequired",
                                     "message": "Invalid identifier or password"}), method="POST")
    page = bluesky.fetch(http, source(server), None)
    assert page.state == "auth_required" and "abcd" not in page.reason
    monkeypatch.delenv("BSKY_APP_PASSWORD")
    clock[0] += bluesky.SESSION_COOLDOWN + 1
    missing = bluesky.fetch(http, source(server), None)
    assert missing.state == "auth_required" and "BSKY_APP_PASSWORD" in missing.reason


def test_public_api_403_and_rate_limit(server: FakeServer, http: httpx.Client) -> None:
    session_routes(server)
    server.route(SEARCH, Reply(403, b"<html><body>Forbidden</body></html>"))
    assert bluesky.fetch(http, source(server), None).state == "blocked"
    server.route(SEARCH, Reply(403, {"error": "Forbidden", "message": "search not allowed"}))
    assert bluesky.fetch(http, source(server), None).state == "auth_required"
    server.route(SEARCH, Reply(429, {"error": "RateLimitExceeded"},
                               {"ratelimit-limit": "3000", "ratelimit-remaining": "0",
                                "ratelimit-reset": str(int(datetime.now(UTC).timestamp()) + 120)}))
    limited = bluesky.fetch(http, source(server), None)
    assert limited.state == "rate_limited" and limited.retry_after and limited.retry_after > 100


def test_faults(server: FakeServer, http: httpx.Client) -> None:
    session_routes(server)
    for reply, state in [
        (Reply(200, {"posts": [{"uri": "nope"}]}), "schema_changed"),
        (Reply(200, {"posts": []}), "empty"),
        (Reply(200, b"{", {}), "schema_changed"),
        (Reply(action="reset"), "error"),
    ]:
        server.route(SEARCH, reply)
        assert bluesky.fetch(http, source(server), None).state == state
