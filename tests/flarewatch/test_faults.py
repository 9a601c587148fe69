"""Issue 9, acceptance 2 and 3, end to end: the real pipeline, a real SQLite store and
the real HTTP client against the fake server on 127.0.0.1.

Every fault is driven through `Pipeline.poll`, which must never raise; after each, the
store holds every post exactly once and the source's health in the store names the
right state with a reason, and once the platform behaves again the state is `ok`.
The pipeline's clock is a fake one, so backoff and silence need no real waiting.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from crawler.base import SourceConfig
from crawler.sources import bluesky
from crawler.sources.bluesky import BlueskySource
from crawler.sources.hackernews import HackerNewsSource
from crawler.sources.jsonapi import JsonApiSource
from crawler.sources.mastodon import MastodonSource
from crawler.sources.reddit import RedditSource
from crawler.sources.rss import RssSource
from crawler.sources.weibo import WeiboSource
from detector import RuleDetector
from flarewatch.config import Settings, StoreSettings, Watchlist
from flarewatch.pipeline import Pipeline, PollResult
from flarewatch.store import Store
from tests.crawler.fakeweb import FakeServer, Reply, Seen, fixture_bytes, fixture_json

VENDOR = "/search"
FEED = "/feed"
XML = {"Content-Type": "application/rss+xml; charset=utf-8"}
VENDOR_IDS = {f"509900000000000{n}" for n in (1, 2, 3)}


@dataclass
class Clock:
    now: datetime = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **span: float) -> None:
        self.now += timedelta(**span)


@dataclass
class Rig:
    """A pipeline over a real store in a temp folder, with its clock."""

    pipeline: Pipeline
    store: Store
    clock: Clock

    def poll(self, source: SourceConfig) -> PollResult:
        self.clock.advance(minutes=5)
        return self.pipeline.poll(source)

    def health(self, source: SourceConfig) -> dict[str, Any]:
        return self.store.source_state(source.name, source.kind).health

    def assert_each_post_once(self, expected: int) -> None:
        total = self.store.count_posts()
        distinct = next(iter(self.store.db.query(
            "SELECT count(*) AS n FROM (SELECT DISTINCT platform, native_id FROM posts)")))["n"]
        assert (total, distinct) == (expected, expected)


@pytest.fixture
def rig(tmp_path: Path, http: httpx.Client) -> Iterator[Rig]:
    # Posts about no watched brand are kept, so the counts below are the platform's.
    settings = Settings(store=StoreSettings(path=tmp_path / "fw.db"),
                        watchlist=Watchlist(keep_unrelated=True))
    store = Store.open(settings.store.path)
    clock = Clock()
    yield Rig(Pipeline(settings, store, RuleDetector(), http=http, clock=clock), store, clock)
    store.close()




# --- sources ----------------------------------------------------------------------------


def vendor(server: FakeServer) -> JsonApiSource:
    return JsonApiSource.model_validate({
        "name": "vendor", "platform": "weibo", "base_url": server.url, "url": VENDOR,
        "method": "POST", "json_body": {"cursor": "{cursor}"}, "items": "data.items",
        "next_cursor": "data.page_info.next_cursor", "ok": "code == `0`",
        "fields": {"id": "mid", "text": "content", "created_at": "publish_time"},
        "interval": "5m", "backfill_hours": 24 * 3650, "max_pages": 5})


def feed(server: FakeServer) -> RssSource:
    return RssSource(name="feed", base_url=server.url, url=FEED, interval="5m")


def vendor_pages(second: Callable[[], Reply]) -> Callable[[Seen], Reply]:
    """Page 1 always answers well; page 2 (cursor c2) answers whatever `second` gives."""
    def answer(seen: Seen) -> Reply:
        if json.loads(seen.body or b"{}").get("cursor") != "c2":
            return Reply(200, fixture_json("vendor_page1.json"))
        return second()

    return answer


# --- acceptance 2: faults between pages ---------------------------------------------------

LOGIN_PAGE = b"<!DOCTYPE html><html><title>Sign in</title><form><input type='password'></form>"
FAULTS = {
    "timeout": (Reply(200, b"{}", delay=0.5), "error", "did not answer in time"),
    "connection-reset": (Reply(action="reset"), "error", "Could not reach"),
    "http-500": (Reply(500, b"Internal Server Error"), "error", "HTTP 500"),
    "429-retry-after": (Reply(429, b"", {"Retry-After": "3600"}), "rate_limited",
                        "slow down; next try in 60 min"),
    "malformed-json": (Reply(200, b'{"code": 0, "data": {"items": [',
                             {"Content-Type": "application/json"}),
                       "schema_changed", "not valid JSON"),
    "truncated-body": (Reply(200, b'{"code": 0, "data": {"items": []}}' + b" " * 200,
                             action="truncate"), "error", "Could not reach"),
    "login-page-200": (Reply(200, LOGIN_PAGE, {"Content-Type": "text/html"}), "auth_required",
                       "login page"),
}


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_fault_between_pages_then_recovery(server: FakeServer, rig: Rig,
                                           fault: tuple[Reply, str, str]) -> None:
    reply, state, words = fault
    broken = [True]
    server.route(VENDOR, vendor_pages(
        lambda: reply if broken[0] else Reply(200, fixture_json("vendor_page2.json"))),
        method="POST")
    source = vendor(server)
    for _ in range(2):  # the poller keeps polling the failing page; nothing is doubled
        result = rig.poll(source)
        assert result.state == state
        health = rig.health(source)
        assert (health["state"], health["consecutive_failures"] > 0) == (state, True)
        assert words in health["reason"]
        rig.assert_each_post_once(2)
    if state == "rate_limited":
        wait = datetime.fromisoformat(health["next_poll_after"]) - rig.clock()
        assert wait >= timedelta(seconds=3600)  # the platform's Retry-After is honoured
    broken[0] = False
    recovered = rig.poll(source)
    assert (recovered.state, rig.health(source)["state"]) == ("ok", "ok")
    assert rig.health(source)["consecutive_failures"] == 0
    rig.assert_each_post_once(3)
    stored = {r["native_id"] for r in rig.store.db.query("SELECT native_id FROM posts")}
    assert stored == VENDOR_IDS


def test_same_item_on_two_pages_is_stored_once(server: FakeServer, rig: Rig) -> None:
    server.route(VENDOR, vendor_pages(lambda: Reply(200, fixture_json("vendor_page2.json"))),
                 method="POST")
    result = rig.poll(vendor(server))
    assert (result.pages, result.fetched, result.stored_new, result.updated) == (2, 4, 3, 1)
    rig.assert_each_post_once(3)
    assert rig.health(vendor(server))["state"] == "ok"


def test_a_cursor_that_repeats_stops_paging(server: FakeServer, rig: Rig) -> None:
    looping = fixture_json("vendor_page2.json")
    looping["data"]["page_info"]["next_cursor"] = "c2"  # page c2 says "next: c2" again
    server.route(VENDOR, vendor_pages(lambda: Reply(200, looping)), method="POST")
    source = vendor(server)
    result = rig.poll(source)
    assert result.pages == 2 and len(server.hits(VENDOR)) == 2  # not max_pages of c2
    health = rig.health(source)
    assert health["state"] == "ok" and "repeated a page cursor" in health["reason"]
    rig.assert_each_post_once(3)
    rig.poll(source)  # the next sweep starts afresh and still loops: stopped again
    assert len(server.hits(VENDOR)) <= 4
    rig.assert_each_post_once(3)


def test_an_empty_page_is_empty_then_posts_are_ok(server: FakeServer, rig: Rig) -> None:
    empty = {"code": 0, "message": "success", "data": {"items": [], "page_info": {}}}
    server.route(VENDOR, Reply(200, empty), method="POST")
    source = vendor(server)
    assert rig.poll(source).state == "empty"
    assert rig.health(source)["state"] == "empty"
    rig.assert_each_post_once(0)
    server.route(VENDOR, vendor_pages(lambda: Reply(200, fixture_json("vendor_page2.json"))),
                 method="POST")
    assert rig.poll(source).state == "ok"
    rig.assert_each_post_once(3)


def test_broken_xml_then_recovery(server: FakeServer, rig: Rig) -> None:
    good = Reply(200, fixture_bytes("rsshub_weibo_keyword.xml"), XML)
    server.route(FEED, good)
    source = feed(server)
    assert rig.poll(source).state == "ok"
    rig.assert_each_post_once(2)
    server.route(FEED, Reply(200, b'<?xml version="1.0"?><rss><channel><item><tit', XML))
    assert rig.poll(source).state == "schema_changed"
    health = rig.health(source)
    assert health["state"] == "schema_changed" and "does not recognise" in health["reason"]
    server.route(FEED, good)
    assert rig.poll(source).state == "ok"
    rig.assert_each_post_once(2)


def test_gbk_feed_is_decoded_and_stored_once(server: FakeServer, rig: Rig) -> None:
    server.route(FEED, Reply(200, fixture_bytes("gbk_forum.xml"), {"Content-Type": "text/xml"}))
    source = feed(server)
    rig.poll(source)
    rig.poll(source)
    assert rig.health(source)["state"] == "ok"
    texts = [r["text"] for r in rig.store.db.query("SELECT text FROM posts")]
    assert any("朱镕" in t for t in texts)  # a GB18030 character a gb2312 decoder loses
    rig.assert_each_post_once(len(texts))


# --- acceptance 3: failures that look like success ---------------------------------------


def weibo_source(server: FakeServer) -> WeiboSource:
    return WeiboSource.model_validate({"name": "weibo", "base_url": server.url,
                                       "cookie_env": "WEIBO_COOKIE", "keywords": ["星河电器"],
                                       "interval": "5m", "backfill_hours": 24 * 365})


def weibo_search(seen: Seen) -> Reply:
    name = "weibo_search_p2.json" if seen.arg("page") == "2" else "weibo_search_p1.json"
    return Reply(200, fixture_json(name))


@pytest.mark.parametrize(("reply", "state", "words"), [
    (Reply(432, b""), "auth_expired", "Weibo cookie expired at"),
    (Reply(200, {"ok": -100, "url": "https://passport.weibo.cn/sso/signin?r=..."}),
     "auth_expired", "paste a new one into WEIBO_COOKIE"),
    (Reply(200, {"ok": -100, "url": "https://m.weibo.cn/captcha?scene=limit"}), "challenge",
     "does not solve"),
    (Reply(302, b"", {"Location": "https://visitor.passport.weibo.cn/visitor/visitor"}),
     "challenge", "visitor check"),
], ids=["432", "ok-100", "captcha", "visitor-302"])
def test_weibo_refusals_are_recorded(server: FakeServer, rig: Rig,
                                     monkeypatch: pytest.MonkeyPatch, reply: Reply, state: str,
                                     words: str) -> None:
    monkeypatch.setenv("WEIBO_COOKIE", "SUB=_2A25fake; SUBP=0033Wfake")
    source = weibo_source(server)
    server.route("/api/container/getIndex", reply)
    assert rig.poll(source).state == state
    health = rig.health(source)
    assert health["state"] == state and words in health["reason"]
    assert "SUB=_2A25fake" not in health["reason"]
    server.route("/api/container/getIndex", weibo_search)  # a fresh cookie was pasted
    assert rig.poll(source).state == "ok"
    assert rig.health(source)["state"] == "ok"
    rig.assert_each_post_once(5)


def test_mastodon_disabled_tag_feed_is_not_a_quiet_day(server: FakeServer, rig: Rig) -> None:
    tag = "/api/v1/timelines/tag/xinghe"
    instance = fixture_json("mastodon_instance_v2.json")
    instance["configuration"]["timelines_access"]["hashtag_feeds"] = {
        "local": "disabled", "remote": "disabled"}
    server.route(tag, Reply(200, []))
    server.route("/api/v2/instance", Reply(200, instance))
    source = MastodonSource(name="masto", base_url=server.url, tags=["xinghe"], interval="5m")
    assert rig.poll(source).state == "feed_disabled"
    health = rig.health(source)
    assert health["state"] == "feed_disabled" and "switched off" in health["reason"]
    server.route(tag, Reply(200, fixture_json("mastodon_tag_timeline.json")))
    assert rig.poll(source).state == "ok"
    rig.assert_each_post_once(2)


def test_hn_hit_cap_is_truncated(server: FakeServer, rig: Rig) -> None:
    path = "/api/v1/search_by_date"
    server.route(path, Reply(200, fixture_json("hn_cap_message.json")))
    source = HackerNewsSource(name="hn", base_url=server.url, keywords=["xinghe"],
                              interval="5m")
    assert rig.poll(source).state == "truncated"
    health = rig.health(source)
    assert health["state"] == "truncated" and "at most 1,000 results" in health["reason"]
    hits = fixture_json("hn_search_by_date.json")
    now = int(rig.clock().timestamp())
    for hit in hits["hits"]:  # inside the window the next sweep reads
        hit["created_at_i"] = now + 60
    server.route(path, Reply(200, hits))
    assert rig.poll(source).state == "ok"
    rig.assert_each_post_once(2)


def test_expired_reddit_token(server: FakeServer, rig: Rig,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RD_ID", "client-abc")
    monkeypatch.setenv("RD_SECRET", "secret-xyz")
    token = "/api/v1/access_token"
    listing = "/r/xinghe/new"
    server.route(token, Reply(200, fixture_json("reddit_token.json")), method="POST")
    server.route(listing, Reply(401, b"<html><body>401 Unauthorized</body></html>",
                                {"WWW-Authenticate": 'Bearer realm="reddit", '
                                                     'error="invalid_token"'}))
    source = RedditSource.model_validate({
        "name": "reddit", "base_url": server.url, "auth_url": server.url,
        "subreddit": "xinghe", "client_id_env": "RD_ID", "client_secret_env": "RD_SECRET",
        "user_agent": "linux:flarewatch-test:0.1 (by /u/acme_pr)", "interval": "5m",
        "backfill_hours": 24 * 365})
    assert rig.poll(source).state == "auth_expired"
    health = rig.health(source)
    assert health["state"] == "auth_expired" and "freshly issued token" in health["reason"]
    assert len(server.hits(token)) == 2  # fetched again once, not in a loop
    server.route(listing, Reply(200, fixture_json("reddit_listing_p2.json")))
    assert rig.poll(source).state == "ok"
    rig.assert_each_post_once(1)


def test_expired_bluesky_session(server: FakeServer, rig: Rig,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    token_clock = [5000.0]
    monkeypatch.setattr(bluesky.TOKENS, "clock", lambda: token_clock[0])
    monkeypatch.setenv("BSKY_APP_PASSWORD", "abcd-efgh-ijkl-mnop")
    expired = Reply(400, {"error": "ExpiredToken", "message": "Token has expired"})
    create, search = "/xrpc/com.atproto.server.createSession", "/xrpc/app.bsky.feed.searchPosts"
    server.route(create, Reply(200, fixture_json("bsky_create_session.json")), method="POST")
    server.route("/xrpc/com.atproto.server.refreshSession", expired, method="POST")
    server.route(search, expired)
    source = BlueskySource.model_validate({
        "name": "bsky", "base_url": server.url, "identifier": "acme-pr.bsky.social",
        "app_password_env": "BSKY_APP_PASSWORD", "keywords": ["星河电器"], "interval": "5m",
        "backfill_hours": 24 * 365})
    for _ in range(3):
        assert rig.poll(source).state == "auth_expired"
    health = rig.health(source)
    assert health["state"] == "auth_expired" and "login" in health["reason"]
    assert len(server.hits(create)) == 1  # session creation is limited: never in a loop
    token_clock[0] += bluesky.SESSION_COOLDOWN + 1
    server.route(search, Reply(200, fixture_json("bsky_search_p2.json")))
    assert rig.poll(source).state == "ok"
    rig.assert_each_post_once(1)


def rss_with(items: int) -> bytes:
    entries = "".join(
        f"<item><title>第{n}条投诉</title><guid>https://forum.example/t/{n}</guid>"
        f"<description>售后第{n}次没人理</description></item>" for n in range(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>论坛</title>{entries}</channel></rss>").encode()


def test_a_source_that_stops_bringing_posts_is_silent(server: FakeServer, rig: Rig) -> None:
    items = [1]
    server.route(FEED, lambda _seen: Reply(200, rss_with(items[0]), XML))
    source = feed(server)
    for _ in range(7):  # a new post every 5 minutes: six gaps teach the source's rhythm
        items[0] += 1
        assert rig.poll(source).state == "ok"
    for _ in range(12):  # an hour of 200s with nothing new: still within the norm (the
        assert rig.poll(source).state == "ok"  # floor is 1 h; 6 typical gaps are 30 min)
    result = rig.poll(source)  # past the hour without a new post, when one came every 5 min
    health = rig.health(source)
    assert result.state == health["state"] == "silent"
    assert "No new posts for 65 min" in health["reason"]
    assert "every 5 min" in health["reason"]
    items[0] += 1
    assert rig.poll(source).state == "ok"
    rig.assert_each_post_once(items[0])


def test_polling_never_raises_on_a_connector_bug(server: FakeServer, rig: Rig,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_mapper(*_args: object) -> object:
        raise RuntimeError("a bug in the connector")

    source = vendor(server)
    monkeypatch.setattr("crawler.sources.jsonapi.jmespath.search", broken_mapper)
    server.route(VENDOR, Reply(200, fixture_json("vendor_page1.json")), method="POST")
    result = rig.poll(source)
    assert result.state == "error" and "RuntimeError" in rig.health(source)["reason"]
    monkeypatch.undo()
    assert rig.poll(source).state == "ok"
