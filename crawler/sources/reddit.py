"""Reddit: application-only OAuth against the OAuth host, public RSS as the fallback.

Logged-out `.json` has answered 403 since May 2026, so the API path needs a client id and
secret (from environment variables) and Reddit's required User-Agent form. The token is
cached until `expires_in` and fetched again once on a 401; a second refusal is
`auth_expired`. Without credentials the connector reads the public RSS feed, which Reddit
often rate-limits, and says so in the source's health.
"""

from __future__ import annotations

import html
import re
from typing import Any, Literal
from urllib.parse import quote

import httpx
from pydantic import Field, field_validator

from crawler import cursor as cursors
from crawler.base import HealthState, Page, RawPost, SourceSpec
from crawler.cursor import IncrementalConfig, Sweep
from crawler.http import json_of, retry_after
from crawler.outcome import (
    Refusal,
    check_status,
    env_secret,
    expect,
    guard,
    map_items,
    page_of,
    rate_limited,
)
from crawler.sources.rss import parse_feed
from crawler.textparse import parse_count, parse_time
from crawler.tokens import TokenCache

LABEL = "Reddit"
TOKENS = TokenCache()
USER_AGENT_FORM = re.compile(r"^\S+:\S+:\S+ \(by /u/[\w-]+\)$")


class RedditSource(IncrementalConfig):
    kind: Literal["reddit"] = "reddit"
    base_url: str = "https://oauth.reddit.com"
    auth_url: str = "https://www.reddit.com"  # token endpoint; also serves the RSS fallback
    subreddit: str | None = None  # without r/; with keywords, search is limited to it
    client_id_env: str | None = None
    client_secret_env: str | None = None
    rss_feed_env: str | None = None  # a user's private feed link (?feed=…&user=…), a secret
    user_agent: str = Field(min_length=1)  # <platform>:<app id>:<version> (by /u/<user>)

    @field_validator("user_agent")
    @classmethod
    def _reddit_form(cls, value: str) -> str:
        if not USER_AGENT_FORM.match(value):
            raise ValueError("Reddit requires the form '<platform>:<app id>:<version> "
                             "(by /u/<username>)', e.g. 'linux:flarewatch:0.1 (by /u/acme_pr)'")
        return value


def search_query(cfg: RedditSource) -> str | None:
    if cfg.query:
        return cfg.query
    return " OR ".join(f'"{k}"' for k in cfg.keywords) or None


def fetch(http: httpx.Client, cfg: RedditSource, cursor: str | None) -> Page:
    if not (env_secret(cfg.client_id_env) and env_secret(cfg.client_secret_env)):
        return guard(LABEL, cursor, lambda: _fetch_rss(http, cfg, cursor))
    return guard(LABEL, cursor, lambda: _fetch_oauth(http, cfg, cursor))


# --- OAuth ------------------------------------------------------------------------------


def _token_key(cfg: RedditSource) -> tuple[str, ...]:
    return (cfg.auth_url, env_secret(cfg.client_id_env) or "")


def _token(http: httpx.Client, cfg: RedditSource, fresh: bool = False) -> str:
    key = _token_key(cfg)
    cached = None if fresh else TOKENS.get(key)
    if cached:
        return cached["access_token"]
    response = http.post(
        f"{cfg.auth_url.rstrip('/')}/api/v1/access_token",
        data={"grant_type": "client_credentials"},
        auth=(env_secret(cfg.client_id_env) or "", env_secret(cfg.client_secret_env) or ""),
        headers={"User-Agent": cfg.user_agent},
    )
    if response.status_code == 429:
        raise rate_limited(response, LABEL)
    body = json_of(response) if response.status_code in (200, 400, 401) else None
    token = body.get("access_token") if isinstance(body, dict) else None
    if response.status_code in (400, 401, 403) or (body is not None and not token):
        raise Refusal("auth_required", f"Reddit rejected the app credentials in "
                                       f"{cfg.client_id_env}/{cfg.client_secret_env}. New apps "
                                       "need Reddit's approval before they work.")
    check_status(response, LABEL)
    if not isinstance(token, str):
        raise Refusal("schema_changed", "Reddit's token answer had no access token.")
    ttl = body.get("expires_in") if isinstance(body, dict) else None
    TOKENS.put(key, {"access_token": token}, float(ttl) if isinstance(ttl, int | float) else 3600)
    return token


def _listing_url(cfg: RedditSource) -> tuple[str, dict[str, str]]:
    base = cfg.base_url.rstrip("/")
    prefix = f"/r/{quote(cfg.subreddit)}" if cfg.subreddit else ""
    query = search_query(cfg)
    if query is None:
        if not cfg.subreddit:
            raise Refusal("error", "This Reddit source needs keywords or a subreddit.")
        return f"{base}{prefix}/new", {}
    params = {"q": query, "sort": "new", "type": "link"}
    if cfg.subreddit:
        params["restrict_sr"] = "1"
    return f"{base}{prefix}/search", params


def _fetch_oauth(http: httpx.Client, cfg: RedditSource, cursor: str | None) -> Page:
    sweep = Sweep.load(cursors.load(cursor), cfg.backfill_hours)
    url, params = _listing_url(cfg)
    params.update(limit="100", raw_json="1")  # raw_json=1: text without HTML escaping
    if sweep.token:
        params["after"] = sweep.token
    response = _authorized_get(http, cfg, url, params)
    _check(response)
    return _listing_page(response, sweep)


def _authorized_get(http: httpx.Client, cfg: RedditSource, url: str,
                    params: dict[str, str]) -> httpx.Response:
    """GET with the cached token; on a refusal, one fresh token and one more try."""
    def get(token: str) -> httpx.Response:
        return http.get(url, params=params, headers={
            "Authorization": f"bearer {token}", "User-Agent": cfg.user_agent})

    response = get(_token(http, cfg))
    if _token_refused(response):
        TOKENS.drop(_token_key(cfg))
        response = get(_token(http, cfg, fresh=True))  # once: a second refusal is real
        if _token_refused(response):
            raise Refusal("auth_expired", "Reddit refused a freshly issued token; the app's "
                                          "access may have been revoked.")
    return response


def _token_refused(response: httpx.Response) -> bool:
    if response.status_code == 401:
        return True
    # An expired token sometimes comes back as 403 "Blocked" rather than 401.
    return response.status_code == 403 and "invalid_token" in response.headers.get(
        "www-authenticate", "")


def _check(response: httpx.Response) -> None:
    if response.status_code == 403:
        raise Refusal("blocked", "Reddit blocked the request (HTTP 403: \"blocked by network "
                                 "security\"); check the User-Agent and the app's approval.")
    check_status(response, LABEL)


def _listing_page(response: httpx.Response, sweep: Sweep) -> Page:
    body = expect(json_of(response), dict, "listing", LABEL)
    data = expect(body.get("data"), dict, "listing", LABEL)
    if body.get("kind") != "Listing":
        raise Refusal("schema_changed", "Reddit answered without a listing; its format may "
                                        "have changed.")
    children = expect(data.get("children"), list, "list of posts", LABEL)
    posts, skipped = map_items(children, _to_post)
    after = data.get("after") if isinstance(data.get("after"), str) else None
    times = [p.created_at.timestamp() if p.created_at else None for p in posts]
    state, more, note = sweep.step(times + [None] * skipped, after)
    return page_of(LABEL, posts, skipped, cursors.dump(state.to_json()), more, note,
                   wait=retry_after(response))


def _to_post(child: dict[str, Any]) -> RawPost | None:
    data = child.get("data")
    if child.get("kind") != "t3" or not isinstance(data, dict):
        return None
    name, title = data.get("name"), html.unescape(data.get("title") or "")
    text = "\n".join(p for p in (title, html.unescape(data.get("selftext") or "")) if p)
    if not isinstance(name, str) or not text:
        return None
    permalink = data.get("permalink")
    author = data.get("author") if isinstance(data.get("author"), str) else None
    return RawPost(
        platform="reddit", native_id=name, text=text,
        author_id=data.get("author_fullname") or author, author_name=author,
        url=f"https://www.reddit.com{permalink}" if isinstance(permalink, str) else None,
        created_at=parse_time(data.get("created_utc")),
        comments=parse_count(data.get("num_comments")), likes=parse_count(data.get("score")),
        raw={"id": data.get("id"), "subreddit": data.get("subreddit"), "url": data.get("url")},
    )


# --- re-reading posts for their counts -------------------------------------------------

INFO_BATCH = 100  # /api/info takes up to 100 fullnames per call (Reddit API docs, "info")


def refresh(http: httpx.Client, cfg: RedditSource, native_ids: list[str]) -> Page:
    """Current score and comment count of stored posts, by fullname (`t3_…`), through
    `GET /api/info?id=t3_a,t3_b` on the OAuth host. Without API credentials there is no
    way to ask: the logged-out `.json` answers 403 since May 2026 and RSS has no counts."""
    if not (env_secret(cfg.client_id_env) and env_secret(cfg.client_secret_env)):
        return Page.failed("auth_required", "Reddit can re-read posts for their counts only "
                                            "with API credentials (client_id_env, "
                                            "client_secret_env).", None)
    return guard(LABEL, None, lambda: _refresh_oauth(http, cfg, native_ids))


def _refresh_oauth(http: httpx.Client, cfg: RedditSource, native_ids: list[str]) -> Page:
    params = {"id": ",".join(native_ids[:INFO_BATCH]), "raw_json": "1"}
    response = _authorized_get(http, cfg, f"{cfg.base_url.rstrip('/')}/api/info", params)
    _check(response)
    body = expect(json_of(response), dict, "listing", LABEL)
    data = expect(body.get("data"), dict, "listing", LABEL)
    children = expect(data.get("children"), list, "list of posts", LABEL)
    posts, skipped = map_items(children, _to_post)
    return page_of(LABEL, posts, skipped, None, wait=retry_after(response))


# --- RSS fallback -----------------------------------------------------------------------


def _rss_url(cfg: RedditSource) -> tuple[str, dict[str, str]]:
    private = env_secret(cfg.rss_feed_env)
    if private:
        return private, {}
    base = cfg.auth_url.rstrip("/")
    prefix = f"/r/{quote(cfg.subreddit)}" if cfg.subreddit else ""
    query = search_query(cfg)
    if query is None:
        return f"{base}{prefix}/new/.rss", {}
    params = {"q": query, "sort": "new"}
    if cfg.subreddit:
        params["restrict_sr"] = "on"
    return f"{base}{prefix}/search.rss", params


def _fetch_rss(http: httpx.Client, cfg: RedditSource, cursor: str | None) -> Page:
    url, params = _rss_url(cfg)
    response = http.get(url, params=params, headers={"User-Agent": cfg.user_agent},
                        follow_redirects=True)
    if response.status_code in (403, 429):
        state: HealthState = "rate_limited" if response.status_code == 429 else "blocked"
        raise Refusal(state, f"Reddit refused its public RSS feed (HTTP {response.status_code}),"
                             " as it often does since June 2026; add API credentials "
                             f"({cfg.client_id_env or 'client_id_env'}).", retry_after(response))
    check_status(response, LABEL)
    posts, skipped = parse_feed(response.content, response.headers.get("content-type"), "reddit")
    return page_of(LABEL, posts, skipped, cursor,
                   note="read from the public RSS feed (no API credentials configured)")


SPEC = SourceSpec(kind="reddit", config=RedditSource, fetch=fetch,
                  description="Reddit search or subreddit listings via app-only OAuth, or RSS",
                  refresh=refresh, refresh_batch=INFO_BATCH)
