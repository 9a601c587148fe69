"""Bluesky: `app.bsky.feed.searchPosts` through the account's PDS with an app password.

Public search was switched off in January 2025, so the connector logs in with
`createSession`. Session creation is limited (30 per 5 minutes, 300 per day per account),
so tokens are cached, an `ExpiredToken` is answered with `refreshSession` (refresh token in
the Authorization header), and a new session is created at most once per
`SESSION_COOLDOWN`: when that is not enough the source reports `auth_expired` and waits.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

import httpx
from pydantic import Field

from crawler import cursor as cursors
from crawler.base import Page, RawPost, SourceSpec
from crawler.cursor import IncrementalConfig, Sweep
from crawler.http import NotJson, json_of
from crawler.multiplex import fetch_each
from crawler.outcome import (
    Refusal,
    check_status,
    env_secret,
    expect,
    guard,
    map_items,
    page_of,
    rate_limited,
    wait_words,
)
from crawler.textparse import parse_count, parse_time
from crawler.tokens import TokenCache

LABEL = "Bluesky"
TOKENS = TokenCache()
SESSION_COOLDOWN = 600.0  # seconds between two createSession calls for one account
EXPIRED = ("ExpiredToken", "InvalidToken")


class BlueskySource(IncrementalConfig):
    kind: Literal["bluesky"] = "bluesky"
    base_url: str = "https://bsky.social"  # the account's PDS; it proxies search to the AppView
    identifier: str = Field(min_length=1)  # handle or DID of the account that searches
    app_password_env: str = Field(min_length=1)
    lang: str | None = None


def fetch(http: httpx.Client, cfg: BlueskySource, cursor: str | None) -> Page:
    def one(query: str, sub: str | None) -> Page:
        return guard(LABEL, sub, lambda: _fetch_page(http, cfg, query, sub))

    return fetch_each([cfg.query] if cfg.query else cfg.keywords, cursor, one)


def _xrpc(cfg: BlueskySource, method: str) -> str:
    return f"{cfg.base_url.rstrip('/')}/xrpc/{method}"


def _key(cfg: BlueskySource) -> tuple[str, ...]:
    return (cfg.base_url, cfg.identifier)


def _error_name(response: httpx.Response) -> str:
    try:
        body = json_of(response)
    except NotJson:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, str) else ""


# --- session --------------------------------------------------------------------------


def _session(http: httpx.Client, cfg: BlueskySource) -> dict[str, str]:
    return TOKENS.get(_key(cfg)) or _create(http, cfg)


def _create(http: httpx.Client, cfg: BlueskySource) -> dict[str, str]:
    since = TOKENS.seconds_since_created(_key(cfg))
    if since is not None and since < SESSION_COOLDOWN:
        wait = SESSION_COOLDOWN - since
        raise Refusal("auth_expired", "Bluesky ended the session and a new login is only "
                                      f"tried every {wait_words(SESSION_COOLDOWN)}; next in "
                                      f"{wait_words(wait)}.", wait)
    password = env_secret(cfg.app_password_env)
    if not password:
        raise Refusal("auth_required", f"Bluesky search needs a login: put an app password "
                                       f"for {cfg.identifier} in {cfg.app_password_env}.")
    response = http.post(_xrpc(cfg, "com.atproto.server.createSession"),
                         json={"identifier": cfg.identifier, "password": password})
    TOKENS.put(_key(cfg), {}, ttl=0)  # count the attempt even if it fails
    if response.status_code == 429:
        raise rate_limited(response, LABEL)
    if response.status_code in (400, 401):
        raise Refusal("auth_required", f"Bluesky refused the login for {cfg.identifier}; "
                                       f"check the app password in {cfg.app_password_env}.")
    check_status(response, LABEL)
    return _store(cfg, json_of(response), created=True)


def _refresh(http: httpx.Client, cfg: BlueskySource, session: dict[str, str]) -> dict[str, str]:
    response = http.post(_xrpc(cfg, "com.atproto.server.refreshSession"),
                         headers={"Authorization": f"Bearer {session['refreshJwt']}"})
    if response.status_code in (400, 401) and _error_name(response) in EXPIRED:
        TOKENS.drop(_key(cfg))
        return _create(http, cfg)
    if response.status_code == 429:
        raise rate_limited(response, LABEL)
    check_status(response, LABEL)
    return _store(cfg, json_of(response), created=False)


def _store(cfg: BlueskySource, body: Any, created: bool) -> dict[str, str]:
    body = expect(body, dict, "session", LABEL)
    access, refresh = body.get("accessJwt"), body.get("refreshJwt")
    if not (isinstance(access, str) and isinstance(refresh, str)):
        raise Refusal("schema_changed", "Bluesky's login answer had no session tokens.")
    session = {"accessJwt": access, "refreshJwt": refresh}
    TOKENS.put(_key(cfg), session, ttl=None, created=created)
    return session


# --- search ---------------------------------------------------------------------------


def _fetch_page(http: httpx.Client, cfg: BlueskySource, query: str, sub: str | None) -> Page:
    sweep = Sweep.load(cursors.load(sub), cfg.backfill_hours)
    params = {"q": query, "sort": "latest", "limit": 100, "lang": cfg.lang,
              "since": datetime.fromtimestamp(sweep.watermark, UTC).strftime(
                  "%Y-%m-%dT%H:%M:%S.000Z"), "cursor": sweep.token}
    params = {k: v for k, v in params.items() if v is not None}
    response = _authorized_get(http, cfg, "app.bsky.feed.searchPosts", params)
    _check(response)
    body = expect(json_of(response), dict, "search result", LABEL)
    found = expect(body.get("posts"), list, "list of posts", LABEL)
    posts, skipped = map_items(found, _to_post)
    token = body.get("cursor") if isinstance(body.get("cursor"), str) else None
    times = [_sort_at(p) for p in posts] + [None] * skipped
    after, more, note = sweep.step(times, token)
    return page_of(LABEL, posts, skipped, cursors.dump(after.to_json()), more, note)


def _authorized_get(http: httpx.Client, cfg: BlueskySource, method: str,
                    params: dict[str, Any]) -> httpx.Response:
    """GET an XRPC method with the session; an expired one is refreshed once."""
    def get(session: dict[str, str]) -> httpx.Response:
        return http.get(_xrpc(cfg, method), params=params,
                        headers={"Authorization": f"Bearer {session['accessJwt']}"})

    session = _session(http, cfg)
    response = get(session)
    if _expired(response):
        response = get(_refresh(http, cfg, session))
        if _expired(response):
            raise Refusal("auth_expired", "Bluesky refused a just-renewed session; "
                                          "will log in again later.")
    return response


def _expired(response: httpx.Response) -> bool:
    return response.status_code in (400, 401) and _error_name(response) in EXPIRED


def _check(response: httpx.Response) -> None:
    if response.status_code == 403:
        if _error_name(response):
            raise Refusal("auth_required", "Bluesky refused the search for this account "
                                           "(HTTP 403).")
        raise Refusal("blocked", "Bluesky blocked the search from this server (HTTP 403 page).")
    check_status(response, LABEL)


# --- re-reading posts for their counts -------------------------------------------------

# app.bsky.feed.getPosts?uris=…&uris=… (lexicons/app/bsky/feed/getPosts.json): up to 25
# AT-URIs, answered with {posts: [postView]}; deleted or hidden posts are left out.
GET_POSTS_BATCH = 25


def refresh(http: httpx.Client, cfg: BlueskySource, native_ids: list[str]) -> Page:
    return guard(LABEL, None, lambda: _refresh_posts(http, cfg, native_ids[:GET_POSTS_BATCH]))


def _refresh_posts(http: httpx.Client, cfg: BlueskySource, uris: list[str]) -> Page:
    response = _authorized_get(http, cfg, "app.bsky.feed.getPosts", {"uris": uris})
    _check(response)
    body = expect(json_of(response), dict, "list of posts", LABEL)
    found = expect(body.get("posts"), list, "list of posts", LABEL)
    posts, skipped = map_items(found, _to_post)
    return page_of(LABEL, posts, skipped, None)


def _sort_at(post: RawPost) -> float | None:
    # Bluesky orders "latest" by min(createdAt, indexedAt): a backdated post sorts early.
    indexed = parse_time(post.raw.get("indexedAt"))
    moments = [m.timestamp() for m in (post.created_at, indexed) if m is not None]
    return min(moments) if moments else None


def _to_post(view: dict[str, Any]) -> RawPost | None:
    uri, record, author = view.get("uri"), view.get("record") or {}, view.get("author") or {}
    text = record.get("text")
    if not isinstance(uri, str) or not uri.startswith("at://") or not isinstance(text, str):
        return None
    handle = author.get("handle") if isinstance(author.get("handle"), str) else None
    name = author.get("displayName") if isinstance(author.get("displayName"), str) else None
    rkey = uri.rsplit("/", 1)[-1]
    return RawPost(
        platform="bluesky", native_id=uri, text=text.strip(),
        author_id=author.get("did") if isinstance(author.get("did"), str) else handle,
        author_name=name or handle,
        url=f"https://bsky.app/profile/{handle}/post/{rkey}" if handle else None,
        created_at=parse_time(record.get("createdAt")),
        reposts=parse_count(view.get("repostCount")),
        comments=parse_count(view.get("replyCount")), likes=parse_count(view.get("likeCount")),
        raw={"uri": uri, "cid": view.get("cid"), "indexedAt": view.get("indexedAt"),
             "quoteCount": view.get("quoteCount"), "langs": record.get("langs")},
    )


SPEC = SourceSpec(kind="bluesky", config=BlueskySource, fetch=fetch,
                  description="Bluesky post search (app password login, searchPosts latest)",
                  refresh=refresh, refresh_batch=GET_POSTS_BATCH)
