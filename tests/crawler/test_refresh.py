"""Re-reading stored posts by id for fresh engagement counts, per connector.

The answers are the platforms' documented by-id lookups, built from the entity fixtures
the search tests already use (the same entities come back):
- Reddit `GET /api/info?id=t3_…` → a Listing of t3 things (Reddit API docs, "info").
- Mastodon `GET /api/v1/statuses?id[]=…` → Status[] (docs.joinmastodon.org/methods/
  statuses/#index, 4.3.0+; at most 20 ids).
- Bluesky `app.bsky.feed.getPosts?uris=…` → {posts: [postView]} (lexicons/app/bsky/feed/
  getPosts.json; at most 25 uris).
- Hacker News `GET /api/v1/search?tags=story,(story_1,story_2)` → {hits, …}
  (hn.algolia.com/api: story_<id> tag, ANDed tags, ORed groups).
- Weibo `m.weibo.cn/statuses/show?id=<mid>` → {ok: 1, data: <mblog>} (as read by
  DIYgod/RSSHub lib/routes/weibo/utils.ts, dataabc/weibo-crawler).
"""

from __future__ import annotations

import httpx
import pytest

from crawler.sources import REGISTRY, bluesky, hackernews, mastodon, reddit, weibo
from crawler.sources.bluesky import BlueskySource
from crawler.sources.hackernews import HackerNewsSource
from crawler.sources.mastodon import MastodonSource
from crawler.sources.reddit import RedditSource
from crawler.sources.weibo import WeiboSource
from tests.crawler.fakeweb import FakeServer, Reply, fixture_json

UA = "linux:flarewatch-test:0.1 (by /u/acme_pr)"




def test_only_platforms_with_a_lookup_by_id_refresh() -> None:
    with_refresh = {kind for kind, spec in REGISTRY.items() if spec.refresh is not None}
    assert with_refresh == {"reddit", "mastodon", "bluesky", "hackernews", "weibo"}
    assert {REGISTRY[k].refresh_batch for k in ("reddit", "mastodon", "bluesky")} == {100, 20,
                                                                                      25}
    assert REGISTRY["rss"].lookup_id("x", {"id": "1"}) == "x"  # default: the native id


# --- Reddit -----------------------------------------------------------------------------


def reddit_source(server: FakeServer) -> RedditSource:
    return RedditSource.model_validate({
        "name": "reddit", "base_url": server.url, "auth_url": server.url,
        "subreddit": "xinghe", "client_id_env": "RD_ID", "client_secret_env": "RD_SECRET",
        "user_agent": UA})


def test_reddit_refresh_reads_api_info(server: FakeServer, http: httpx.Client,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RD_ID", "client-abc")
    monkeypatch.setenv("RD_SECRET", "secret-xyz")
    server.route("/api/v1/access_token", Reply(200, fixture_json("reddit_token.json")),
                 method="POST")
    listing = fixture_json("reddit_listing_p2.json")
    listing["data"]["children"][0]["data"].update(score=480, num_comments=96)
    expired = Reply(401, b"<html>401</html>",
                    {"WWW-Authenticate": 'Bearer realm="reddit", error="invalid_token"'})
    server.route("/api/info", [expired, Reply(200, listing)])
    page = reddit.refresh(http, reddit_source(server), ["t3_1abc01", "t3_gone"])
    assert page.state == "ok" and [p.native_id for p in page.posts] == ["t3_1abc01"]
    assert (page.posts[0].likes, page.posts[0].comments) == (480, 96)
    seen = server.hits("/api/info")[-1]
    assert (seen.arg("id"), seen.arg("raw_json")) == ("t3_1abc01,t3_gone", "1")
    assert seen.headers["authorization"].startswith("bearer ") and seen.headers[
        "user-agent"] == UA
    assert len(server.hits("/api/v1/access_token")) == 2  # an expired token, fetched once


def test_reddit_refresh_needs_credentials(server: FakeServer, http: httpx.Client) -> None:
    page = reddit.refresh(http, reddit_source(server), ["t3_1abc01"])
    assert page.state == "auth_required" and "credentials" in page.reason
    assert server.requests == []


# --- Mastodon ---------------------------------------------------------------------------


def test_mastodon_refresh_reads_several_statuses(server: FakeServer,
                                                 http: httpx.Client) -> None:
    statuses = fixture_json("mastodon_tag_timeline.json")
    statuses[0].update(reblogs_count=140, favourites_count=300)
    server.route("/api/v1/statuses", Reply(200, statuses[:1]))
    cfg = MastodonSource(name="masto", base_url=server.url, tags=["xinghe"])
    ids = [mastodon.lookup(s["uri"], {"id": s["id"]}) for s in statuses]
    page = mastodon.refresh(http, cfg, [i for i in ids if i])
    assert server.hits("/api/v1/statuses")[0].query["id[]"] == [
        "113500000000000002", "113500000000000001"]
    post = page.posts[0]
    assert page.state == "ok" and post.native_id == statuses[0]["uri"]  # as first stored
    assert (post.reposts, post.likes) == (140, 300)
    assert mastodon.lookup("https://x.example/s/1", {}) is None


def test_mastodon_refresh_on_a_server_older_than_4_3(server: FakeServer,
                                                     http: httpx.Client) -> None:
    server.route("/api/v1/statuses", Reply(404, {"error": "Record not found"}))
    cfg = MastodonSource(name="masto", base_url=server.url, tags=["xinghe"])
    page = mastodon.refresh(http, cfg, ["1"])
    assert page.state == "error" and "4.3" in page.reason


# --- Bluesky ----------------------------------------------------------------------------


def test_bluesky_refresh_reads_get_posts(server: FakeServer, http: httpx.Client,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BSKY_APP_PASSWORD", "abcd-efgh-ijkl-mnop")
    server.route("/xrpc/com.atproto.server.createSession",
                 Reply(200, fixture_json("bsky_create_session.json")), method="POST")
    server.route("/xrpc/com.atproto.server.refreshSession",
                 Reply(200, fixture_json("bsky_refresh_session.json")), method="POST")
    body = fixture_json("bsky_search_p2.json")
    body["posts"][0]["likeCount"] = 999
    expired = Reply(400, {"error": "ExpiredToken", "message": "Token has expired"})
    server.route("/xrpc/app.bsky.feed.getPosts", [expired, Reply(200, {"posts": body["posts"]})])
    cfg = BlueskySource(name="bsky", base_url=server.url, identifier="acme-pr.bsky.social",
                        app_password_env="BSKY_APP_PASSWORD")
    uris = [body["posts"][0]["uri"], "at://did:plc:gone/app.bsky.feed.post/x"]
    page = bluesky.refresh(http, cfg, uris)
    assert page.state == "ok" and [p.likes for p in page.posts] == [999]
    seen = server.hits("/xrpc/app.bsky.feed.getPosts")
    assert seen[-1].query["uris"] == uris
    assert seen[-1].headers["authorization"].endswith("access-2.sig")  # refreshed once


# --- Hacker News ------------------------------------------------------------------------


def test_hackernews_refresh_reads_stories_by_tag(server: FakeServer,
                                                 http: httpx.Client) -> None:
    hits = fixture_json("hn_search_by_date.json")
    story = next(h for h in hits["hits"] if "story" in h["_tags"])
    story.update(points=512, num_comments=140)
    server.route("/api/v1/search", Reply(200, {**hits, "hits": [story], "nbHits": 1}))
    cfg = HackerNewsSource(name="hn", base_url=server.url, keywords=["xinghe"])
    page = hackernews.refresh(http, cfg, ["42100001", "42100777", "not-a-number"])
    seen = server.hits("/api/v1/search")[0]
    assert seen.arg("tags") == "story,(story_42100001,story_42100777)"
    assert seen.arg("hitsPerPage") == "2"
    assert page.state == "ok" and [(p.native_id, p.likes, p.comments) for p in page.posts] == [
        ("42100001", 512, 140)]


# --- Weibo ------------------------------------------------------------------------------


def weibo_source(server: FakeServer) -> WeiboSource:
    return WeiboSource(name="weibo", base_url=server.url, cookie_env="WEIBO_COOKIE",
                       keywords=["星河电器"])


def test_weibo_refresh_reads_statuses_show(server: FakeServer, http: httpx.Client,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEIBO_COOKIE", "SUB=_2A25fake")
    mblog = fixture_json("weibo_search_p1.json")["data"]["cards"][1]["mblog"]
    mblog.update(reposts_count="1.5万", attitudes_count=8000)
    server.route("/statuses/show", Reply(200, {"ok": 1, "data": mblog}))
    page = weibo.refresh(http, weibo_source(server), [str(mblog["mid"]), "other"])
    seen = server.hits("/statuses/show")
    assert len(seen) == 1 and seen[0].arg("id") == str(mblog["mid"])  # one post a call
    assert seen[0].headers["cookie"] == "SUB=_2A25fake"
    assert page.state == "ok" and (page.posts[0].reposts, page.posts[0].likes) == (15000, 8000)


def test_weibo_refresh_records_an_expired_cookie(server: FakeServer, http: httpx.Client,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEIBO_COOKIE", "SUB=_2A25fake")
    server.route("/statuses/show", Reply(432, b""))
    page = weibo.refresh(http, weibo_source(server), ["5012345678901234"])
    assert page.state == "auth_expired" and "WEIBO_COOKIE" in page.reason
