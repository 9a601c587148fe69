"""Mastodon connector: tag timelines by min_id, feed access settings, token search."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from crawler import cursor as cursors
from crawler.sources import mastodon
from crawler.sources.mastodon import MastodonSource
from tests.crawler.fakeweb import FakeServer, Reply, fixture_json, poll

TAG = "/api/v1/timelines/tag/xinghe"
INSTANCE = "/api/v2/instance"
SEARCH = "/api/v2/search"


def source(server: FakeServer, **extra: Any) -> MastodonSource:
    return MastodonSource.model_validate({"name": "masto", "base_url": server.url,
                                          "tags": ["xinghe"], **extra})


def link_header(server: FakeServer, newest: str, oldest: str) -> dict[str, str]:
    return {"Link": f'<{server.url}{TAG}?max_id={oldest}>; rel="next", '
                    f'<{server.url}{TAG}?min_id={newest}>; rel="prev"'}


def instance(hashtag_feeds: dict[str, str] | None) -> dict[str, Any]:
    body = fixture_json("mastodon_instance_v2.json")
    if hashtag_feeds is None:
        del body["configuration"]["timelines_access"]  # a server older than 4.5
    else:
        body["configuration"]["timelines_access"]["hashtag_feeds"] = hashtag_feeds
    return body


def test_tag_timeline_maps_statuses(server: FakeServer, http: httpx.Client) -> None:
    server.route(TAG, Reply(200, fixture_json("mastodon_tag_timeline.json"),
                            link_header(server, "113500000000000002", "113500000000000001")))
    page = mastodon.fetch(http, source(server), None)
    assert page.state == "ok" and not page.more
    first, second = page.posts
    assert first.native_id == "https://social.example/users/lin/statuses/113500000000000002"
    assert first.text == ("Third time my #Xinghe AC broke & support won't answer. Going to the "
                          "consumer board :angry:\nAnyone else?")
    assert (first.author_id, first.author_name, first.author_followers) == (
        "lin@social.example", "Lin 🌧", 1523)
    assert (first.reposts, first.comments, first.likes) == (12, 4, 30)
    assert first.created_at == datetime(2026, 11, 24, 6, 20, tzinfo=UTC)
    assert second.text == "consumer rant\nRefund still not here."  # content warning kept
    assert second.url == second.native_id and second.author_name == "kai"
    assert cursors.load(page.cursor)["subs"]["xinghe"] == '{"min_id":"113500000000000002"}'
    assert server.hits(TAG)[0].arg("limit") == "40" and server.hits(TAG)[0].arg("min_id") is None


def test_reads_forward_by_min_id_until_caught_up(server: FakeServer, http: httpx.Client) -> None:
    template = fixture_json("mastodon_tag_timeline.json")[0]
    statuses = []
    for n in range(1, 61):
        status = copy.deepcopy(template)
        status.update(id=str(113600000000000000 + n), uri=f"https://social.example/s/{n}")
        statuses.append(status)

    def timeline(seen: Any) -> Reply:
        after = int(seen.arg("min_id") or 0)
        newer = [s for s in statuses if int(s["id"]) > after][:40] if after else statuses[-40:]
        return Reply(200, list(reversed(newer)))  # newest first within the page

    server.route(TAG, timeline)
    first = poll(mastodon.SPEC, http, source(server))
    assert len(first.stored) == 40
    server.route(INSTANCE, Reply(200, instance({"local": "public", "remote": "public"})))
    caught_up = poll(mastodon.SPEC, http, source(server), cursor=first.cursor)
    assert caught_up.pages[0].state == "empty" and caught_up.cursor == first.cursor
    for n in range(61, 111):  # 50 new posts: one full page and one partial
        status = copy.deepcopy(template)
        status.update(id=str(113600000000000000 + n), uri=f"https://social.example/s/{n}")
        statuses.append(status)
    later = poll(mastodon.SPEC, http, source(server), cursor=first.cursor)
    assert len(later.stored) == 50 and [p.more for p in later.pages] == [True, False]


@pytest.mark.parametrize(
    ("feeds", "local", "state"),
    [
        ({"local": "disabled", "remote": "disabled"}, False, "feed_disabled"),
        ({"local": "disabled", "remote": "public"}, True, "feed_disabled"),
        ({"local": "authenticated", "remote": "authenticated"}, False, "auth_required"),
        ({"local": "public", "remote": "disabled"}, False, "empty"),
        (None, False, "empty"),
    ],
)
def test_empty_feed_is_checked_against_instance_setting(
    server: FakeServer, http: httpx.Client, feeds: dict[str, str] | None, local: bool, state: str
) -> None:
    server.route(TAG, Reply(200, []))
    server.route(INSTANCE, Reply(200, instance(feeds)))
    page = mastodon.fetch(http, source(server, local=local), None)
    assert page.state == state
    if state == "feed_disabled":
        assert "switched off" in page.reason


def test_login_only_feed_401(server: FakeServer, http: httpx.Client,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    server.route(TAG, Reply(401, {"error": "The access token is invalid"}))
    assert mastodon.fetch(http, source(server), None).state == "auth_required"
    monkeypatch.setenv("MASTO_TOKEN", "s3cr3t-value")
    page = mastodon.fetch(http, source(server, token_env="MASTO_TOKEN"), None)
    assert page.state == "auth_expired" and "s3cr3t" not in page.reason


def test_unknown_tag_and_rate_limit(server: FakeServer, http: httpx.Client) -> None:
    server.route(TAG, Reply(404, {"error": "Record not found"}))
    assert mastodon.fetch(http, source(server), None).state == "error"
    server.route(TAG, Reply(429, {"error": "Too many requests"},
                            {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                             "X-RateLimit-Reset": "2099-01-01T00:00:00.000Z"}))
    page = mastodon.fetch(http, source(server), None)
    assert page.state == "rate_limited" and page.retry_after and page.retry_after > 0


def test_status_search_with_user_token(server: FakeServer, http: httpx.Client,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    statuses = fixture_json("mastodon_tag_timeline.json")
    server.route(SEARCH, Reply(200, {"accounts": [], "statuses": statuses, "hashtags": []}))
    cfg = source(server, tags=[], keywords=["xinghe refund"], search=True, token_env="MASTO_TOK")
    assert mastodon.fetch(http, cfg, None).state == "auth_required"  # variable not set
    monkeypatch.setenv("MASTO_TOK", "user-token")
    page = mastodon.fetch(http, cfg, None)
    assert page.state == "ok" and len(page.posts) == 2
    seen = server.hits(SEARCH)[-1]
    assert seen.headers["authorization"] == "Bearer user-token"
    assert (seen.arg("q"), seen.arg("type")) == ("xinghe refund", "statuses")
    again = mastodon.fetch(http, cfg, page.cursor)
    assert again.posts and server.hits(SEARCH)[-1].arg("min_id") == "113500000000000002"


def test_search_without_token_is_a_config_error(server: FakeServer) -> None:
    with pytest.raises(ValidationError, match="token_env"):
        source(server, search=True)


def test_faults(server: FakeServer, http: httpx.Client) -> None:
    for reply, state in [
        (Reply(200, b"[{", {}), "schema_changed"),
        (Reply(200, {"error": "odd"}), "schema_changed"),
        (Reply(200, [{"id": 5}]), "schema_changed"),
        (Reply(502, b"<html>Bad gateway</html>"), "error"),
        (Reply(action="reset"), "error"),
    ]:
        server.route(TAG, reply)
        assert mastodon.fetch(http, source(server), None).state == state
