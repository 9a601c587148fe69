"""RSS / Atom / JSON Feed connector against the local server."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from crawler.sources import rss
from crawler.sources.rss import RssSource
from tests.crawler.fakeweb import FakeServer, Reply, fixture_bytes, poll

XML = {"Content-Type": "application/rss+xml; charset=utf-8"}


def source(server: FakeServer, url: str = "/feed", **extra: object) -> RssSource:
    return RssSource(name="feed", base_url=server.url, url=url, **extra)  # type: ignore[arg-type]


def test_rsshub_weibo_keyword_feed(server: FakeServer, http: httpx.Client) -> None:
    server.route("/weibo/keyword/星河电器",
                 Reply(200, fixture_bytes("rsshub_weibo_keyword.xml"), XML))
    cfg = source(server, "/weibo/keyword/{keyword}", keywords=["星河电器"], platform="weibo")
    page = rss.fetch(http, cfg, None)
    assert page.state == "ok" and not page.more
    first = page.posts[0]
    assert first.platform == "weibo"
    assert first.native_id == "https://weibo.com/5012345678/PbXyZ12ab"
    assert first.text.startswith(
        "星河电器的售后太离谱了，三次上门都没修好，再不解决我就打#12315#投诉 [怒]")
    assert '"客服" 说&等通知' in first.text  # entities unescaped, <br> is a line break
    assert first.author_name == "不想再等了2026"
    assert first.created_at == datetime(2026, 11, 24, 6, 12, tzinfo=UTC)
    assert page.posts[1].text == "今天去星河电器门店换货，店员态度很好"  # title not doubled


def test_atom_feed(server: FakeServer, http: httpx.Client) -> None:
    server.route("/r/xinghe/new/.rss", Reply(200, fixture_bytes("atom.xml"),
                                             {"Content-Type": "application/atom+xml"}))
    page = rss.fetch(http, source(server, "/r/xinghe/new/.rss", platform="reddit"), None)
    assert [p.native_id for p in page.posts] == ["t3_1abcde", "t3_1abcdf"]
    assert page.posts[0].text == ("Third repair visit & still broken\nThird repair visit, still "
                                  "broken. Filing with the consumer board & my bank.")
    assert page.posts[0].author_name == "/u/angry_customer"


def test_json_feed(server: FakeServer, http: httpx.Client) -> None:
    server.route("/feed", Reply(200, fixture_bytes("jsonfeed.json"),
                                {"Content-Type": "application/feed+json"}))
    page = rss.fetch(http, source(server, platform="zhihu"), None)
    assert page.state == "ok"
    first, second = page.posts
    assert first.text == "如何评价星河电器的售后？\n我已经向消协投诉了…"
    assert first.author_name == "匿名用户"
    assert first.created_at == datetime(2026, 11, 24, 5, 58, tzinfo=UTC)
    assert second.text == "售后 & 维修\n维修三次没好" and second.created_at is None


def test_gbk_feed_without_charset_header(server: FakeServer, http: httpx.Client) -> None:
    server.route("/feed", Reply(200, fixture_bytes("gbk_forum.xml"), {"Content-Type": "text/xml"}))
    page = rss.fetch(http, source(server), None)
    post = page.posts[0]
    assert post.text.startswith("星河电器空调漏水，朱镕要求退货被拒\n空调装好一周就漏水")
    assert post.created_at == datetime(2026, 11, 24, 6, 5, tzinfo=UTC)


def test_gbk_feed_labelled_gb2312_in_header(server: FakeServer, http: httpx.Client) -> None:
    body = fixture_bytes("gbk_forum.xml").replace(b'encoding="gbk"', b'encoding="utf-8"')
    server.route("/feed", Reply(200, body, {"Content-Type": "text/xml; charset=gb2312"}))
    assert "朱镕" in rss.fetch(http, source(server), None).posts[0].text


def test_conditional_get_and_cursor(server: FakeServer, http: httpx.Client) -> None:
    body = fixture_bytes("rsshub_weibo_keyword.xml")

    def answer(seen: object) -> Reply:
        if getattr(seen, "headers", {}).get("if-none-match") == '"abc"':
            return Reply(304)
        return Reply(200, body, {**XML, "ETag": '"abc"'})

    server.route("/feed", answer)
    cfg = source(server)
    first = rss.fetch(http, cfg, None)
    again = rss.fetch(http, cfg, first.cursor)
    assert again.state == "empty" and again.posts == [] and again.cursor == first.cursor
    # A crash before the cursor was saved means no validators: the posts come again.
    assert len(rss.fetch(http, cfg, None).posts) == 2


def test_one_feed_per_keyword_take_turns(server: FakeServer, http: httpx.Client) -> None:
    body = fixture_bytes("rsshub_weibo_keyword.xml")
    server.route("/kw/a", Reply(200, body, XML))
    server.route("/kw/b", Reply(200, b'<?xml version="1.0"?><rss version="2.0"><channel>'
                                     b"<title>t</title></channel></rss>", XML))
    result = poll(rss.SPEC, http, source(server, "/kw/{keyword}", keywords=["a", "b"]))
    assert [p.state for p in result.pages] == ["ok", "empty"]
    assert result.pages[0].more and not result.pages[1].more


def test_access_key_is_sent_but_not_kept_in_cursor(server: FakeServer, http: httpx.Client,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RSSHUB_KEY", "s3cret")
    server.route("/feed", Reply(200, fixture_bytes("atom.xml")))
    page = rss.fetch(http, source(server, access_key_env="RSSHUB_KEY"), None)
    assert server.hits("/feed")[0].arg("key") == "s3cret"
    assert page.cursor is not None and "s3cret" not in page.cursor


def test_faults_become_states(server: FakeServer, http: httpx.Client) -> None:
    cases = {
        "/broken": (Reply(200, b'<?xml version="1.0"?><rss><channel><item><tit', XML),
                    "schema_changed"),
        "/login": (Reply(200, b"<!DOCTYPE html><html><body><form><input type='password'>"
                              b"</form></body></html>", {"Content-Type": "text/html"}),
                   "auth_required"),
        "/rsshub-error": (Reply(503, b"<html>Looks like something went wrong</html>"), "error"),
        "/limited": (Reply(429, b"", {"Retry-After": "600"}), "rate_limited"),
        "/cut": (Reply(200, fixture_bytes("atom.xml"), action="truncate"), "error"),
        "/reset": (Reply(action="reset"), "error"),
        "/badjson": (Reply(200, b'{"version": "https://jsonfeed.org/version/1.1", "items": [',
                           {"Content-Type": "application/feed+json"}), "schema_changed"),
        "/notfeed": (Reply(200, {"hello": "world"}), "schema_changed"),
        "/empty": (Reply(200, b""), "schema_changed"),
    }
    for path, (reply, _state) in cases.items():
        server.route(path, reply)
    for path, (_reply, state) in cases.items():
        page = rss.fetch(http, source(server, path), "prev")
        assert (path, page.state) == (path, state)
        assert page.posts == [] and page.reason
    limited = rss.fetch(http, source(server, "/limited"), None)
    assert limited.retry_after == 600 and "10 min" in limited.reason


def test_timeout_is_an_error_page(server: FakeServer, http: httpx.Client) -> None:
    server.route("/slow", Reply(200, fixture_bytes("atom.xml"), delay=0.5))
    page = rss.fetch(http, source(server, "/slow"), None)
    assert page.state == "error" and "in time" in page.reason
