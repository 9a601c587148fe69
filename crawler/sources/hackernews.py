"""Hacker News through Algolia's search_by_date, one `created_at_i` window at a time.

Algolia serves only the first 1,000 hits of a query. A poll therefore reads a time window
(watermark, now]; when the window holds more than 1,000 hits it is split in halves until
each half fits, and a one-second window that still does not fit is read as far as it goes
and reported `truncated`. Pending windows live in the cursor, so a cut-short poll resumes
them, and the watermark moves to the sweep's upper end only when all are read.
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime
from typing import Any, Literal

import httpx
from pydantic import Field

from crawler import cursor as cursors
from crawler.base import Page, RawPost, SourceSpec
from crawler.cursor import IncrementalConfig
from crawler.http import json_of
from crawler.multiplex import fetch_each
from crawler.outcome import check_status, expect, guard, map_items, page_of
from crawler.textparse import html_to_text, parse_count, parse_time

LABEL = "Hacker News search"
HIT_CAP = 1000
MAX_SPLITS = 12  # per fetch; 2**12 windows is far more than any keyword needs


class HackerNewsSource(IncrementalConfig):
    kind: Literal["hackernews"] = "hackernews"
    base_url: str = "https://hn.algolia.com"
    tags: str = "(story,comment)"
    hits_per_page: int = Field(default=100, ge=1, le=1000)


Window = tuple[int, int]  # (after, up_to]: created_at_i > after and <= up_to


def fetch(http: httpx.Client, cfg: HackerNewsSource, cursor: str | None) -> Page:
    def one(query: str, sub: str | None) -> Page:
        return guard(LABEL, sub, lambda: _fetch_page(http, cfg, query, sub))

    return fetch_each([cfg.query] if cfg.query else cfg.keywords, cursor, one)


def _load(sub: str | None, cfg: HackerNewsSource) -> tuple[int, list[Window], int, int]:
    """(watermark, pending windows, page in the first window, upper end of the sweep)."""
    data = cursors.load(sub)
    now = int(time.time())
    watermark = cursors.number(data.get("watermark"))
    after = int(watermark) if watermark is not None else now - int(cfg.backfill_hours * 3600)
    windows = [(w[0], w[1]) for w in data.get("windows") or []
               if isinstance(w, list) and len(w) == 2 and all(type(x) is int for x in w)]
    page, top = data.get("page"), data.get("top")
    if not windows or type(page) is not int or type(top) is not int:
        return after, [(after, now)], 0, now  # a new sweep up to now
    return after, windows, page, top


def _fetch_page(http: httpx.Client, cfg: HackerNewsSource, query: str, sub: str | None) -> Page:
    watermark, windows, page, top = _load(sub, cfg)
    data = _search(http, cfg, query, windows[0], page)
    for _ in range(MAX_SPLITS):
        if page or _hits(data) <= HIT_CAP or not _splittable(windows[0]):
            break
        windows = _split(windows[0]) + windows[1:]
        data = _search(http, cfg, query, windows[0], 0)
    if not page and _hits(data) > HIT_CAP and _splittable(windows[0]):
        # Out of splits for this fetch: keep narrowing on the next one.
        state = {"watermark": watermark, "windows": [list(w) for w in windows], "page": 0,
                 "top": top}
        return Page(posts=[], cursor=cursors.dump(state), more=True, state="ok",
                    reason="Narrowing a busy time window to stay under the 1,000-result cap.")
    truncated = _truncation(data, windows[0], page)
    hits = expect(data.get("hits"), list, "list of hits", LABEL)
    posts, skipped = map_items(hits, _to_post)
    # A capped one-second window is still read to its last reachable page.
    state = _advance((watermark, top), windows, page, data, cfg.hits_per_page, bool(hits))
    result = page_of(LABEL, posts, skipped, cursors.dump(state), more="windows" in state)
    if truncated:
        return Page(posts=result.posts, cursor=result.cursor, more=result.more,
                    state="truncated", reason=truncated)
    return result


def _search(http: httpx.Client, cfg: HackerNewsSource, query: str, window: Window, page: int
            ) -> dict[str, Any]:
    response = http.get(f"{cfg.base_url.rstrip('/')}/api/v1/search_by_date", params={
        "query": query, "tags": cfg.tags, "hitsPerPage": cfg.hits_per_page, "page": page,
        "numericFilters": f"created_at_i>{window[0]},created_at_i<={window[1]}",
    })
    check_status(response, LABEL)
    return expect(json_of(response), dict, "search result", LABEL)


def _hits(data: dict[str, Any]) -> int:
    count = data.get("nbHits")
    return count if isinstance(count, int) else 0


def _splittable(window: Window) -> bool:
    return window[1] - window[0] > 1


def _split(window: Window) -> list[Window]:
    middle = (window[0] + window[1]) // 2
    return [(middle, window[1]), (window[0], middle)]  # newer half first: fresh posts sooner


def _truncation(data: dict[str, Any], window: Window, page: int) -> str:
    capped = _hits(data) > HIT_CAP and page == 0
    refused = not data.get("hits") and isinstance(data.get("message"), str)
    if not (capped or refused):
        return ""
    when = datetime.fromtimestamp(window[1], UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return (f"Hacker News returns at most {HIT_CAP:,} results per search, and the second "
            f"at {when} holds more; some posts there could not be read.")


def _advance(sweep: tuple[int, int], windows: list[Window], page: int, data: dict[str, Any],
             per_page: int, may_continue: bool) -> dict[str, Any]:
    """The cursor after this page: next page, next window, or a finished sweep."""
    watermark, top = sweep
    pages = data.get("nbPages") if isinstance(data.get("nbPages"), int) else 0
    reachable = math.ceil(HIT_CAP / per_page)
    if may_continue and page + 1 < min(pages, reachable):
        return {"watermark": watermark, "windows": [list(w) for w in windows],
                "page": page + 1, "top": top}
    if windows[1:]:
        return {"watermark": watermark, "windows": [list(w) for w in windows[1:]], "page": 0,
                "top": top}
    return {"watermark": max(top, watermark)}


# --- re-reading posts for their counts -------------------------------------------------

# GET /api/v1/search?tags=story,(story_1,story_2) (hn.algolia.com/api: tags are ANDed,
# a parenthesised group is ORed, `story_<id>` is everything of story <id>, so `story,`
# keeps the stories themselves). Comments carry no points or comment count in Algolia,
# so only stories come back with counts; ids of comments are simply not in the answer.
ITEMS_BATCH = 50


def refresh(http: httpx.Client, cfg: HackerNewsSource, native_ids: list[str]) -> Page:
    ids = [i for i in native_ids[:ITEMS_BATCH] if i.isdigit()]
    return guard(LABEL, None, lambda: _refresh_stories(http, cfg, ids))


def _refresh_stories(http: httpx.Client, cfg: HackerNewsSource, ids: list[str]) -> Page:
    if not ids:
        return Page(posts=[], cursor=None, state="empty")
    response = http.get(f"{cfg.base_url.rstrip('/')}/api/v1/search", params={
        "tags": f"story,({','.join(f'story_{i}' for i in ids)})", "hitsPerPage": len(ids)})
    check_status(response, LABEL)
    data = expect(json_of(response), dict, "search result", LABEL)
    hits = expect(data.get("hits"), list, "list of hits", LABEL)
    posts, skipped = map_items(hits, _to_post)
    return page_of(LABEL, posts, skipped, None)


def _to_post(hit: dict[str, Any]) -> RawPost | None:
    object_id = hit.get("objectID")
    title = html_to_text(hit.get("title"))
    body = html_to_text(hit.get("story_text") or hit.get("comment_text"))
    text = "\n".join(part for part in (title, body) if part)
    if not isinstance(object_id, str) or not text:
        return None
    author = hit.get("author") if isinstance(hit.get("author"), str) else None
    return RawPost(
        platform="hackernews", native_id=object_id, text=text,
        author_id=author, author_name=author,
        url=f"https://news.ycombinator.com/item?id={object_id}",
        created_at=parse_time(hit.get("created_at_i")) or parse_time(hit.get("created_at")),
        comments=parse_count(hit.get("num_comments")), likes=parse_count(hit.get("points")),
        raw={k: hit.get(k) for k in ("objectID", "url", "story_id", "story_title", "parent_id",
                                     "_tags")},
    )


SPEC = SourceSpec(kind="hackernews", config=HackerNewsSource, fetch=fetch,
                  description="Hacker News stories and comments via Algolia search_by_date",
                  refresh=refresh, refresh_batch=ITEMS_BATCH)
