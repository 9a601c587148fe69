"""Reddit connector: app-only OAuth token flow, listings, refusals, RSS fallback."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from crawler.sources import reddit
from crawler.sources.reddit import RedditSource
from tests.crawler.fakeweb import FakeServer, Reply, Seen, fixture_bytes, fixture_json, poll

TOKEN = "/api/v1/access_token"
NEW = "/r/xinghe/new"
UA = "linux:flarewatch-test:0.1 (by /u/acme_pr)"


@pytest.fixture(autouse=True)
def fresh_tokens(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    now = [1000.0]
    monkeypatch.setattr(reddit.TOKENS, "clock", lambda: now[0])
    reddit.TOKENS.clear()
    yield now
    reddit.TOKENS.clear()


@pytest.fixture
def creds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RD_ID", "client-abc")
    monkeypatch.setenv("RD_SECRET", "secret-xyz")


def source(server: FakeServer, **extra: Any) -> RedditSource:
    return RedditSource.model_validate({
        "name": "reddit", "base_url": server.url, "auth_url": server.url, "subreddit": "xinghe",
        "client_id_env": "RD_ID", "client_secret_env": "RD_SECRET", "user_agent": UA,
        "backfill_hours": 24 * 365, **extra})


def listing(seen: Seen) -> Reply:
    last = seen.arg("after") == "t3_1abc02"
    name = "reddit_listing_p2.json" if last else "reddit_listing_p1.json"
    return Reply(200, fixture_json(name), {"X-Ratelimit-Used": "2",
                                           "X-Ratelimit-Remaining": "98",
                                           "X-Ratelimit-Reset": "420"})


def test_token_then_listing_pages(server: FakeServer, http: httpx.Client, creds: None) -> None:
    server.route(TOKEN, Reply(200, fixture_json("reddit_token.json")), method="POST")
    server.route(NEW, listing)
    result = poll(reddit.SPEC, http, source(server))
    assert len(result.stored) == 3 and [p.more for p in result.pages] == [True, False]
    token_call = server.hits(TOKEN)[0]
    assert token_call.headers["authorization"] == "Basic " + base64.b64encode(
        b"client-abc:secret-xyz").decode()
    assert token_call.body == b"grant_type=client_credentials"
    assert token_call.headers["user-agent"] == UA
    first, second = server.hits(NEW)
    assert first.headers["authorization"].startswith("bearer eyJ")
    assert first.headers["user-agent"] == UA
    assert (first.arg("raw_json"), first.arg("limit"), first.arg("after")) == ("1", "100", None)
    assert second.arg("after") == "t3_1abc02"
    post = result.stored[("reddit", "t3_1abc03")]
    assert post.text == ("Xinghe AC: 3 repairs & no refund\nThird repair visit, still broken. "
                         "I'm filing with the consumer board & my bank <3")
    assert post.url == "https://www.reddit.com/r/xinghe/comments/1abc03/xinghe_ac_3_repairs_no_refund/"
    assert (post.author_id, post.author_name, post.likes, post.comments) == (
        "t2_abc123", "angry_customer", 152, 47)
    assert post.created_at == datetime.fromtimestamp(1795500000, UTC)


def test_token_is_cached_until_expires_in(server: FakeServer, http: httpx.Client, creds: None,
                                          fresh_tokens: list[float]) -> None:
    server.route(TOKEN, Reply(200, {**fixture_json("reddit_token.json"), "expires_in": 3600}),
                 method="POST")
    server.route(NEW, listing)
    for _ in range(3):
        reddit.fetch(http, source(server), None)
    assert len(server.hits(TOKEN)) == 1
    fresh_tokens[0] += 3600
    reddit.fetch(http, source(server), None)
    assert len(server.hits(TOKEN)) == 2


def test_expired_token_is_refetched_once(server: FakeServer, http: httpx.Client,
                                         creds: None) -> None:
    server.route(TOKEN, Reply(200, fixture_json("reddit_token.json")), method="POST")
    expired = Reply(401, b"<html><body>401 Unauthorized</body></html>",
                    {"WWW-Authenticate": 'Bearer realm="reddit", error="invalid_token"'})
    server.route(NEW, [expired, listing(Seen("GET", NEW, {}, {}, b""))])
    page = reddit.fetch(http, source(server), None)
    assert page.state == "ok" and len(server.hits(TOKEN)) == 2


def test_token_refused_twice_is_auth_expired_without_a_loop(server: FakeServer,
                                                            http: httpx.Client,
                                                            creds: None) -> None:
    server.route(TOKEN, Reply(200, fixture_json("reddit_token.json")), method="POST")
    server.route(NEW, Reply(403, b"Blocked", {"WWW-Authenticate": 'Bearer error="invalid_token"'}))
    page = reddit.fetch(http, source(server), "cur")
    assert page.state == "auth_expired" and page.cursor == "cur"
    assert len(server.hits(TOKEN)) == 2 and len(server.hits(NEW)) == 2


def test_bad_credentials_and_blocked(server: FakeServer, http: httpx.Client,
                                     creds: None) -> None:
    server.route(TOKEN, Reply(401, {"message": "Unauthorized", "error": 401}), method="POST")
    refused = reddit.fetch(http, source(server), None)
    assert refused.state == "auth_required" and "approval" in refused.reason
    assert "secret-xyz" not in refused.reason
    server.route(TOKEN, Reply(200, fixture_json("reddit_token.json")), method="POST")
    server.route(NEW, Reply(403, fixture_bytes("reddit_blocked.html"),
                            {"Content-Type": "text/html"}))
    assert reddit.fetch(http, source(server), None).state == "blocked"


def test_rate_limit_headers(server: FakeServer, http: httpx.Client, creds: None) -> None:
    server.route(TOKEN, Reply(200, fixture_json("reddit_token.json")), method="POST")
    server.route(NEW, Reply(429, b"Too Many Requests",
                            {"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "240"}))
    limited = reddit.fetch(http, source(server), None)
    assert limited.state == "rate_limited" and limited.retry_after == 240
    server.route(NEW, Reply(200, fixture_json("reddit_listing_p2.json"),
                            {"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "99"}))
    spent = reddit.fetch(http, source(server), None)
    assert spent.state == "ok" and spent.retry_after == 99  # quota spent: wait before next


def test_search_with_keywords(server: FakeServer, http: httpx.Client, creds: None) -> None:
    server.route(TOKEN, Reply(200, fixture_json("reddit_token.json")), method="POST")
    server.route("/r/xinghe/search", Reply(200, fixture_json("reddit_listing_p2.json")))
    reddit.fetch(http, source(server, keywords=["星河电器", "Xinghe"]), None)
    seen = server.hits("/r/xinghe/search")[0]
    assert seen.arg("q") == '"星河电器" OR "Xinghe"'
    assert (seen.arg("sort"), seen.arg("restrict_sr"), seen.arg("raw_json")) == ("new", "1", "1")


def test_second_poll_stops_at_watermark(server: FakeServer, http: httpx.Client,
                                        creds: None) -> None:
    server.route(TOKEN, Reply(200, fixture_json("reddit_token.json")), method="POST")
    server.route(NEW, listing)
    first = poll(reddit.SPEC, http, source(server))
    server.requests.clear()
    again = poll(reddit.SPEC, http, source(server), cursor=first.cursor)
    assert len(again.pages) == 1 and len(server.hits(NEW)) == 1


def test_rss_fallback_without_credentials(server: FakeServer, http: httpx.Client) -> None:
    server.route("/r/xinghe/new/.rss", Reply(200, fixture_bytes("atom.xml"),
                                             {"Content-Type": "application/atom+xml"}))
    page = reddit.fetch(http, source(server), None)
    assert page.state == "ok" and "RSS" in page.reason
    assert [p.native_id for p in page.posts] == ["t3_1abcde", "t3_1abcdf"]
    assert server.hits("/r/xinghe/new/.rss")[0].headers["user-agent"] == UA
    server.route("/r/xinghe/new/.rss", Reply(429, b"", {"Retry-After": "3600"}))
    limited = reddit.fetch(http, source(server), None)
    assert limited.state == "rate_limited" and "credentials" in limited.reason


def test_user_agent_form_is_enforced(server: FakeServer) -> None:
    with pytest.raises(ValidationError, match="by /u/"):
        source(server, user_agent="Mozilla/5.0")


def test_faults(server: FakeServer, http: httpx.Client, creds: None) -> None:
    server.route(TOKEN, Reply(200, fixture_json("reddit_token.json")), method="POST")
    for reply, state in [
        (Reply(200, b'{"kind": "Listing", "data": {"children": [', {}), "schema_changed"),
        (Reply(200, {"kind": "Listing", "data": {"children": [{"kind": "t3"}]}}),
         "schema_changed"),
        (Reply(200, {"kind": "Listing", "data": {"after": None, "children": []}}), "empty"),
        (Reply(500, b""), "error"),
        (Reply(200, b"", delay=0.5), "error"),
    ]:
        server.route(NEW, reply)
        assert reddit.fetch(http, source(server), None).state == state
