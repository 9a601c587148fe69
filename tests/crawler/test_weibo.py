"""Weibo connector: cookie search, real-world field formats, every "not you" answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from crawler.sources import weibo
from crawler.sources.weibo import WeiboSource
from crawler.textparse import CHINA
from tests.crawler.fakeweb import FakeServer, Reply, Seen, fixture_bytes, fixture_json, poll

PATH = "/api/container/getIndex"
COOKIE = "SUB=_2A25fakeCookie; SUBP=0033Wfake; _T_WM=123"


@pytest.fixture(autouse=True)
def cookie(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEIBO_COOKIE", COOKIE)


def source(server: FakeServer, **extra: Any) -> WeiboSource:
    return WeiboSource.model_validate({"name": "weibo", "base_url": server.url,
                                       "cookie_env": "WEIBO_COOKIE", "keywords": ["星河电器"],
                                       "backfill_hours": 24 * 365, **extra})


def search(seen: Seen) -> Reply:
    name = "weibo_search_p2.json" if seen.arg("page") == "2" else "weibo_search_p1.json"
    return Reply(200, fixture_json(name), {"Content-Type": "application/json; charset=utf-8"})


def test_search_maps_real_world_fields(server: FakeServer, http: httpx.Client) -> None:
    server.route(PATH, search)
    before = datetime.now(UTC)
    result = poll(weibo.SPEC, http, source(server))
    assert len(result.stored) == 5 and [p.more for p in result.pages] == [True, False]
    first = server.hits(PATH)[0]
    assert first.arg("containerid") == "100103type=61&q=星河电器"
    assert first.arg("page_type") == "searchall" and first.arg("page") is None
    assert first.headers["cookie"] == COOKIE
    assert server.hits(PATH)[1].arg("page") == "2"
    long = result.stored[("weibo", "5110000000000004")]
    assert long.text == ('#星河电器售后# 三次上门都没修好，客服说"再等等"，我已经打了12315[怒]\n'
                         "再不处理就找媒体曝光，大家评评理 & 转发")
    assert (long.author_followers, long.reposts, long.comments, long.likes) == (
        12000, 3456, 512, 1_000_000)
    assert long.url == "https://weibo.com/5012345678/Q2xyzAbc1"
    assert long.created_at is not None and abs(long.created_at - before) < timedelta(minutes=1)
    repost = result.stored[("weibo", "5110000000000003")]
    assert repost.text == "转发微博\n//@家电测评君: 星河电器冰箱异响，官方客服已读不回"
    assert repost.created_at is not None
    assert timedelta(minutes=4) < before - repost.created_at < timedelta(minutes=6)
    yesterday = result.stored[("weibo", "5110000000000002")]
    expected = (before.astimezone(CHINA) - timedelta(days=1)).replace(
        hour=12, minute=30, second=0, microsecond=0)
    assert yesterday.created_at == expected.astimezone(UTC)
    assert (yesterday.comments, yesterday.likes, yesterday.author_followers) == (None, None, None)
    dated = result.stored[("weibo", "5110000000000001")]
    assert dated.created_at == datetime(2026, 11, 24, 6, 25, tzinfo=UTC)
    assert result.stored[("weibo", "5100000000000009")].author_followers == 35000


def test_missing_cookie_is_auth_required(server: FakeServer, http: httpx.Client,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WEIBO_COOKIE")
    page = weibo.fetch(http, source(server), None)
    assert page.state == "auth_required" and "WEIBO_COOKIE" in page.reason
    assert server.requests == []


@pytest.mark.parametrize(
    ("reply", "state", "words"),
    [
        (Reply(432, b""), "auth_expired", "cookie expired"),
        (Reply(302, b"", {"Location": "https://passport.weibo.com/visitor/visitor?entry=miniblog"}),
         "challenge", "visitor"),
        (Reply(302, b"", {"Location": "https://passport.weibo.com/sso/signin?entry=wapsso"}),
         "auth_expired", "paste a new one into WEIBO_COOKIE"),
        (Reply(200, fixture_bytes("weibo_visitor.html"), {"Content-Type": "text/html"}),
         "challenge", "visitor"),
        (Reply(200, b"<html><head><title>\xe7\x99\xbb\xe5\xbd\x95 - \xe6\x96\xb0\xe6\xb5\xaa"
                    b"</title></head><body><form><input type='password'></form></body></html>"),
         "auth_expired", "login page"),
        (Reply(200, {"ok": -100, "url": "https://passport.weibo.cn/signin/welcome?entry=mweibo"}),
         "auth_expired", "asked for a login"),
        (Reply(200, {"ok": -100, "url": "https://m.weibo.cn/captcha?scene=limit"}),
         "challenge", "captcha"),
        (Reply(200, {"ok": 0, "msg": "请求过于频繁"}), "error", "ok=0"),
        (Reply(418, b""), "blocked", "418"),
        (Reply(200, b'{"ok":1,"data":{"cards":[', {}), "schema_changed", "not valid JSON"),
    ],
)
def test_refusals_that_look_like_answers(server: FakeServer, http: httpx.Client, reply: Reply,
                                         state: str, words: str) -> None:
    server.route(PATH, reply)
    page = weibo.fetch(http, source(server), None)
    assert page.state == state and words in page.reason and page.posts == []
    assert COOKIE not in page.reason


def test_no_results_is_empty_not_an_error(server: FakeServer, http: httpx.Client) -> None:
    server.route(PATH, Reply(200, {"ok": 0, "msg": "这里还没有内容", "data": {"cards": []}}))
    assert weibo.fetch(http, source(server), None).state == "empty"


def test_second_poll_stops_at_the_watermark(server: FakeServer, http: httpx.Client) -> None:
    server.route(PATH, search)
    first = poll(weibo.SPEC, http, source(server))
    server.requests.clear()
    again = poll(weibo.SPEC, http, source(server), cursor=first.cursor)
    assert len(server.hits(PATH)) == 1 and again.pages[0].state == "ok"


def test_relevance_tab_uses_type_1(server: FakeServer, http: httpx.Client) -> None:
    server.route(PATH, search)
    weibo.fetch(http, source(server, search_type="all"), None)
    assert server.hits(PATH)[0].arg("containerid") == "100103type=1&q=星河电器"
