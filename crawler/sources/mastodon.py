"""Mastodon: public hashtag timelines, and status search with a user token.

Both are read forward with `min_id` ("statuses immediately newer than"), so the cursor is
simply the newest id stored and a cut-short poll resumes without a gap. An empty tag
timeline is checked against the instance's `timelines_access` setting (Mastodon 4.5+):
a disabled or login-only feed answers 200 `[]` and must not read as a quiet day.
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import parse_qs, quote, urlsplit

import httpx
from pydantic import Field, model_validator

from crawler import cursor as cursors
from crawler.base import HealthState, Page, RawPost, SourceConfig, SourceSpec
from crawler.http import json_of
from crawler.multiplex import fetch_each
from crawler.outcome import (
    Refusal,
    check_status,
    env_secret,
    expect,
    guard,
    map_items,
    page_of,
)
from crawler.textparse import html_to_text, parse_count, parse_time

LIMIT = 40  # the API's maximum page size
SEARCH_PREFIX = "search:"


class MastodonSource(SourceConfig):
    kind: Literal["mastodon"] = "mastodon"
    base_url: str = Field(min_length=1)  # the instance, e.g. https://mastodon.social
    tags: list[str] = Field(default_factory=list)  # hashtags without '#'
    local: bool = False  # only posts made on this instance
    search: bool = False  # also full-text search the keywords (needs token_env)
    token_env: str | None = None  # user access token with read:search (and read for feeds)

    @model_validator(mode="after")
    def _search_needs_token(self) -> MastodonSource:
        if self.search and not self.token_env:
            raise ValueError("search = true needs token_env: Mastodon only searches statuses "
                             "for a logged-in user (scope read:search)")
        return self


def _label(cfg: MastodonSource) -> str:
    return f"Mastodon ({urlsplit(cfg.base_url).hostname or cfg.base_url})"


def queries(cfg: MastodonSource) -> list[str]:
    tags = [t.lstrip("#") for t in cfg.tags]
    searches = [SEARCH_PREFIX + k for k in cfg.keywords] if cfg.search else []
    return [*tags, *searches]


def fetch(http: httpx.Client, cfg: MastodonSource, cursor: str | None) -> Page:
    def one(key: str, sub: str | None) -> Page:
        def work() -> Page:
            if key.startswith(SEARCH_PREFIX):
                return _search(http, cfg, key.removeprefix(SEARCH_PREFIX), sub)
            return _tag_timeline(http, cfg, key, sub)

        return guard(_label(cfg), sub, work)

    return fetch_each(queries(cfg), cursor, one)


def _headers(cfg: MastodonSource) -> dict[str, str]:
    token = env_secret(cfg.token_env)
    return {"Authorization": f"Bearer {token}"} if token else {}


def _tag_timeline(http: httpx.Client, cfg: MastodonSource, tag: str, sub: str | None) -> Page:
    min_id = cursors.load(sub).get("min_id")
    params: dict[str, Any] = {"limit": LIMIT, "local": "true" if cfg.local else None,
                              "min_id": min_id if isinstance(min_id, str) else None}
    response = http.get(f"{cfg.base_url.rstrip('/')}/api/v1/timelines/tag/{quote(tag)}",
                        params={k: v for k, v in params.items() if v is not None},
                        headers=_headers(cfg))
    if response.status_code == 401:
        raise _login_needed(cfg, f"the #{tag} feed")
    if response.status_code == 404:
        raise Refusal("error", f"{_label(cfg)} does not know the hashtag #{tag} (HTTP 404).")
    check_status(response, _label(cfg))
    statuses = expect(json_of(response), list, "list of posts", _label(cfg))
    if not statuses:
        _check_feed_access(http, cfg, tag)
    return _forward_page(cfg, response, statuses, sub)


def _search(http: httpx.Client, cfg: MastodonSource, query: str, sub: str | None) -> Page:
    if not _headers(cfg):
        raise Refusal("auth_required", f"{_label(cfg)} searches posts only for a logged-in "
                                       f"user: put a token with read:search in {cfg.token_env}.")
    min_id = cursors.load(sub).get("min_id")
    params: dict[str, Any] = {"q": query, "type": "statuses", "limit": LIMIT, "resolve": "false"}
    if isinstance(min_id, str):
        params["min_id"] = min_id
    response = http.get(f"{cfg.base_url.rstrip('/')}/api/v2/search", params=params,
                        headers=_headers(cfg))
    if response.status_code == 401:
        raise _login_needed(cfg, "post search")
    check_status(response, _label(cfg))
    body = expect(json_of(response), dict, "search result", _label(cfg))
    statuses = expect(body.get("statuses"), list, "list of posts", _label(cfg))
    return _forward_page(cfg, response, statuses, sub)


def _login_needed(cfg: MastodonSource, what: str) -> Refusal:
    if _headers(cfg):
        return Refusal("auth_expired", f"{_label(cfg)} refused the access token in "
                                       f"{cfg.token_env} for {what}; create a new one.")
    return Refusal("auth_required", f"{_label(cfg)} shows {what} only to logged-in users; "
                                    "set token_env to a user access token.")


def _check_feed_access(http: httpx.Client, cfg: MastodonSource, tag: str) -> None:
    """Raise when an empty tag feed is the instance's setting rather than a quiet day."""
    response = http.get(f"{cfg.base_url.rstrip('/')}/api/v2/instance")
    if response.status_code != 200:
        return
    try:
        access = json_of(response)["configuration"]["timelines_access"]["hashtag_feeds"]
    except (KeyError, TypeError, ValueError):
        return  # before Mastodon 4.5 there is no such setting: empty is empty
    if not isinstance(access, dict):
        return
    scopes = ["local"] if cfg.local else ["local", "remote"]
    settings = [access.get(scope) for scope in scopes]
    state: HealthState | None = None
    if all(s == "disabled" for s in settings):
        state = "feed_disabled"
    elif all(s in ("disabled", "authenticated") for s in settings) and not _headers(cfg):
        state = "auth_required"
    if state == "feed_disabled":
        raise Refusal(state, f"{_label(cfg)} has switched off hashtag feeds; #{tag} will stay "
                             "empty there. Watch it on another server.")
    if state == "auth_required":
        raise Refusal(state, f"{_label(cfg)} shows hashtag feeds only to logged-in users; "
                             "set token_env to a user access token.")


def _forward_page(cfg: MastodonSource, response: httpx.Response, statuses: list[Any],
                  sub: str | None) -> Page:
    posts, skipped = map_items(statuses, _to_post)
    newest = _newest_id(response, statuses) or cursors.load(sub).get("min_id")
    cursor = cursors.dump({"min_id": newest}) if isinstance(newest, str) else sub
    return page_of(_label(cfg), posts, skipped, cursor, more=len(statuses) >= LIMIT)


def _newest_id(response: httpx.Response, statuses: list[Any]) -> str | None:
    # The Link header's "prev" carries min_id = the newest id on this page.
    prev = response.links.get("prev", {}).get("url")
    if prev:
        found = parse_qs(urlsplit(prev).query).get("min_id")
        if found and found[0].isdigit():
            return found[0]
    ids = [s.get("id") for s in statuses if isinstance(s, dict)]
    numeric = [i for i in ids if isinstance(i, str) and i.isdigit()]
    return max(numeric, key=int) if numeric else None  # ids are strings; compare as numbers


# --- re-reading posts for their counts -------------------------------------------------

# GET /api/v1/statuses?id[]=…&id[]=… ("View multiple statuses", Mastodon 4.3.0+,
# docs.joinmastodon.org/methods/statuses/#index): public statuses need no token; more
# than DEFAULT_STATUSES_LIMIT (20) ids is a 422; missing or hidden statuses are left out.
STATUSES_BATCH = 20


def lookup(native_id: str, raw: dict[str, Any]) -> str | None:
    """The status id on this server, which the lookup takes; the native id is the uri,
    the same on every server, so it is kept in `raw` when the post is first read."""
    local = raw.get("id")
    return local if isinstance(local, str) and local.isdigit() else None


def refresh(http: httpx.Client, cfg: MastodonSource, native_ids: list[str]) -> Page:
    return guard(_label(cfg), None, lambda: _refresh(http, cfg, native_ids[:STATUSES_BATCH]))


def _refresh(http: httpx.Client, cfg: MastodonSource, ids: list[str]) -> Page:
    response = http.get(f"{cfg.base_url.rstrip('/')}/api/v1/statuses",
                        params=[("id[]", i) for i in ids], headers=_headers(cfg))
    if response.status_code == 401:
        raise _login_needed(cfg, "posts")
    if response.status_code == 404:
        raise Refusal("error", f"{_label(cfg)} cannot re-read several posts at once (that "
                               "needs Mastodon 4.3 or later), so engagement is not updated.")
    check_status(response, _label(cfg))
    statuses = expect(json_of(response), list, "list of posts", _label(cfg))
    posts, skipped = map_items(statuses, _to_post)
    return page_of(_label(cfg), posts, skipped, None)


def _to_post(status: dict[str, Any]) -> RawPost | None:
    status_id, account = status.get("id"), status.get("account") or {}
    text = html_to_text(status.get("content"))
    warning = status.get("spoiler_text")
    if isinstance(warning, str) and warning:
        text = f"{warning}\n{text}"
    if not isinstance(status_id, str) or not text:
        return None
    # The uri is the same on every server a post federates to; the id is per server.
    uri = status.get("uri") if isinstance(status.get("uri"), str) else None
    url = status.get("url") if isinstance(status.get("url"), str) else uri
    acct = account.get("acct") if isinstance(account.get("acct"), str) else None
    name = account.get("display_name") if isinstance(account.get("display_name"), str) else None
    return RawPost(
        platform="mastodon", native_id=uri or status_id, text=text,
        author_id=acct, author_name=name or acct,
        author_followers=parse_count(account.get("followers_count")),
        url=url, created_at=parse_time(status.get("created_at")),
        reposts=parse_count(status.get("reblogs_count")),
        comments=parse_count(status.get("replies_count")),
        likes=parse_count(status.get("favourites_count")),
        raw={"id": status_id, "uri": status.get("uri"), "language": status.get("language")},
    )


SPEC = SourceSpec(kind="mastodon", config=MastodonSource, fetch=fetch,
                  description="Mastodon hashtag timelines and, with a user token, post search",
                  refresh=refresh, refresh_batch=STATUSES_BATCH, lookup=lookup)
