"""Weibo keyword search through the mobile web API (m.weibo.cn getIndex).

Since late 2025 Weibo answers requests without a valid login or visitor cookie with HTTP
432, a redirect to the "Sina Visitor System" page, or `{ok: -100}` pointing at a login or
captcha page. The visitor cookie comes from a JavaScript fingerprint challenge, which
Flarewatch does not solve: the user pastes a cookie into an environment variable, and
when Weibo stops accepting it the source records why and waits for a new one.
"""

from __future__ import annotations

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
    local_clock,
    looks_like_login,
    map_items,
    page_of,
)
from crawler.textparse import html_to_text, parse_count, parse_time

LABEL = "Weibo"
SEARCH_TYPES = {"realtime": "61", "all": "1"}  # 实时 (newest first) and 综合 (relevance)
NO_RESULTS = "这里还没有内容"


class WeiboSource(IncrementalConfig):
    kind: Literal["weibo"] = "weibo"
    base_url: str = "https://m.weibo.cn"
    cookie_env: str = Field(min_length=1)  # e.g. "WEIBO_COOKIE": the whole Cookie header
    search_type: Literal["realtime", "all"] = "realtime"


def fetch(http: httpx.Client, cfg: WeiboSource, cursor: str | None) -> Page:
    def one(keyword: str, sub: str | None) -> Page:
        return guard(LABEL, sub, lambda: _fetch_page(http, cfg, keyword, sub))

    return fetch_each([cfg.query] if cfg.query else cfg.keywords, cursor, one)


def _expired(cfg: WeiboSource, how: str) -> Refusal:
    return Refusal("auth_expired", f"Weibo cookie expired at {local_clock()} ({how}) — paste "
                                   f"a new one into {cfg.cookie_env}.")


def _challenge(cfg: WeiboSource, how: str) -> Refusal:
    return Refusal("challenge", f"Weibo asked for a {how} at {local_clock()}; Flarewatch does "
                                f"not solve those. Log in in a browser and paste a fresh cookie "
                                f"into {cfg.cookie_env}, or use RSSHub or a data vendor.")


def _fetch_page(http: httpx.Client, cfg: WeiboSource, keyword: str, sub: str | None) -> Page:
    cookie = env_secret(cfg.cookie_env)
    if not cookie:
        raise Refusal("auth_required", f"Weibo needs a logged-in cookie: paste one into "
                                       f"{cfg.cookie_env}.")
    sweep = Sweep.load(cursors.load(sub), cfg.backfill_hours)
    page = int(sweep.token) if sweep.token and sweep.token.isdigit() else 1
    containerid = f"100103type={SEARCH_TYPES[cfg.search_type]}&q={keyword}"
    params = {"containerid": containerid, "page_type": "searchall"}
    if page > 1:
        params["page"] = str(page)
    response = http.get(f"{cfg.base_url.rstrip('/')}/api/container/getIndex", params=params,
                        headers=_headers(cookie))
    body = _data(cfg, response)
    posts, skipped = map_items(_mblogs(body), _to_post)
    next_page = _next_page(body, page, bool(posts or skipped))
    times = [p.created_at.timestamp() if p.created_at else None for p in posts]
    after, more, note = sweep.step(times + [None] * skipped, next_page,
                                   monotonic=cfg.search_type == "realtime")
    return page_of(LABEL, posts, skipped, cursors.dump(after.to_json()), more, note)


def _headers(cookie: str) -> dict[str, str]:
    return {"Cookie": cookie, "Accept": "application/json, text/plain, */*",
            "X-Requested-With": "XMLHttpRequest", "MWeibo-Pwa": "1"}


# --- re-reading posts for their counts -------------------------------------------------

# m.weibo.cn/statuses/show?id=<mid> answers {ok:1, data:<mblog>} for one post at a time
# (as read by DIYgod/RSSHub lib/routes/weibo/utils.ts and dataabc/weibo-crawler); it
# fails the same ways the search does when the cookie is no longer accepted.
SHOW_BATCH = 1


def refresh(http: httpx.Client, cfg: WeiboSource, native_ids: list[str]) -> Page:
    if not native_ids:
        return Page(posts=[], cursor=None, state="empty")
    return guard(LABEL, None, lambda: _show(http, cfg, native_ids[0]))


def _show(http: httpx.Client, cfg: WeiboSource, mid: str) -> Page:
    cookie = env_secret(cfg.cookie_env)
    if not cookie:
        raise Refusal("auth_required", f"Weibo needs a logged-in cookie: paste one into "
                                       f"{cfg.cookie_env}.")
    response = http.get(f"{cfg.base_url.rstrip('/')}/statuses/show", params={"id": mid},
                        headers=_headers(cookie))
    posts, skipped = map_items([_data(cfg, response)], _to_post)
    return page_of(LABEL, posts, skipped, None)


def _data(cfg: WeiboSource, response: httpx.Response) -> dict[str, Any]:
    """The `data` of an ok:1 answer; every way Weibo says "not you" becomes a Refusal."""
    status = response.status_code
    if status == 432:
        raise _expired(cfg, "HTTP 432")
    if 300 <= status < 400:
        where = response.headers.get("location", "").lower()
        if "visitor" in where:
            raise _challenge(cfg, "visitor check")
        raise _expired(cfg, "redirected to the login page")
    if status == 418:
        raise Refusal("blocked", "Weibo blocked requests from this server (HTTP 418).")
    check_status(response, LABEL)
    try:
        body = expect(json_of(response), dict, "answer", LABEL)
    except NotJson as exc:
        raise _html_refusal(cfg, exc.text if exc.looks_like_html else "") from None
    ok = body.get("ok")
    if ok == 1:
        return expect(body.get("data"), dict, "data", LABEL)
    if ok == 0 and NO_RESULTS in str(body.get("msg", "")):
        return {"cards": []}
    url = str(body.get("url", "")).lower()
    if "captcha" in url or "scene=limit" in url:
        raise _challenge(cfg, "captcha")
    if ok == -100 or "login" in url or "signin" in url:
        raise _expired(cfg, "it asked for a login")
    raise Refusal("error", f"Weibo answered ok={ok!r}: {str(body.get('msg', ''))[:100]}")


def _html_refusal(cfg: WeiboSource, page: str) -> Refusal:
    if "visitor" in page.lower():
        return _challenge(cfg, "visitor check")
    if page and looks_like_login(page):
        return _expired(cfg, "it served the login page")
    if page:
        return _challenge(cfg, "check in the browser (it sent a web page instead of data)")
    return Refusal("schema_changed", "Weibo answered with something that is not valid JSON.")


def _mblogs(data: dict[str, Any]) -> list[Any]:
    """mblogs of `card_type` 9 cards, at the top level or inside a `card_group`."""
    cards = data.get("cards") or []
    if not isinstance(cards, list):
        raise Refusal("schema_changed", "Weibo's answer had no list of cards.")
    found: list[Any] = []
    for card in cards:
        if not isinstance(card, dict):
            continue
        group = card.get("card_group") if isinstance(card.get("card_group"), list) else [card]
        found.extend(c.get("mblog") for c in group
                     if isinstance(c, dict) and c.get("card_type") in (9, "9") and "mblog" in c)
    return found


def _next_page(data: dict[str, Any], page: int, had_posts: bool) -> str | None:
    info = data.get("cardlistInfo") if isinstance(data.get("cardlistInfo"), dict) else {}
    announced = info.get("page")
    if isinstance(announced, int | str) and str(announced).isdigit():
        return str(announced) if int(announced) > page else None
    if "page" in info:  # present but null: Weibo's way of saying "last page"
        return None
    return str(page + 1) if had_posts else None


def _to_post(mblog: dict[str, Any]) -> RawPost | None:
    mid = mblog.get("mid") or mblog.get("id")
    long_text = mblog.get("longText") if isinstance(mblog.get("longText"), dict) else {}
    text = html_to_text(long_text.get("longTextContent") or mblog.get("text"))
    text = _with_repost(text, mblog.get("retweeted_status"))
    if not isinstance(mid, str | int) or isinstance(mid, bool) or not text:
        return None
    user = mblog.get("user") if isinstance(mblog.get("user"), dict) else {}
    uid = user.get("id")
    bid = mblog.get("bid")
    url = (f"https://weibo.com/{uid}/{bid}" if uid and isinstance(bid, str)
           else f"https://m.weibo.cn/detail/{mid}")
    return RawPost(
        platform="weibo", native_id=str(mid), text=text,
        author_id=str(uid) if isinstance(uid, int | str) and uid != "" else None,
        author_name=user.get("screen_name") if isinstance(user.get("screen_name"), str) else None,
        author_followers=parse_count(user.get("followers_count")), url=url,
        created_at=parse_time(mblog.get("created_at")),
        reposts=parse_count(mblog.get("reposts_count")),
        comments=parse_count(mblog.get("comments_count")),
        likes=parse_count(mblog.get("attitudes_count")),
        raw={"mid": str(mid), "bid": bid, "isLongText": mblog.get("isLongText"),
             "source": mblog.get("source"), "region_name": mblog.get("region_name")},
    )


def _with_repost(text: str, original: Any) -> str:
    # A repost's own words are often just "转发微博"; the post it carries is the complaint.
    if not isinstance(original, dict):
        return text
    quoted = html_to_text(original.get("text"))
    user = original.get("user") if isinstance(original.get("user"), dict) else {}
    name = user.get("screen_name") if isinstance(user.get("screen_name"), str) else ""
    return f"{text}\n//@{name}: {quoted}" if quoted else text


SPEC = SourceSpec(kind="weibo", config=WeiboSource, fetch=fetch,
                  description="Weibo keyword search (m.weibo.cn) with a user-supplied cookie",
                  refresh=refresh, refresh_batch=SHOW_BATCH)
