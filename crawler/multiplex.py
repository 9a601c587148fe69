"""One source, several queries (keywords, hashtags, feeds) behind one opaque cursor.

Queries take turns: each `fetch` serves one page of the current query; when that query's
paging is done the turn passes to the next, and the poll ends after the last. A query
that fails passes its turn too (keeping its own cursor), so one bad hashtag cannot starve
the others, while the failure still reaches the source's health.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from crawler import cursor as cursors
from crawler.base import Page

SUCCESS = ("ok", "empty", "truncated")


def fetch_each(keys: Sequence[str], cursor: str | None,
               fetch_one: Callable[[str, str | None], Page]) -> Page:
    """Serve one page of the query whose turn it is, with the combined cursor."""
    if not keys:
        return Page.failed("error", "This source has no keywords or feeds configured.", cursor)
    state = cursors.load(cursor)
    saved_subs, saved_turn = state.get("subs"), state.get("turn")
    subs: dict[str, Any] = saved_subs if isinstance(saved_subs, dict) else {}
    turn = saved_turn % len(keys) if isinstance(saved_turn, int) else 0
    key = keys[turn]
    sub = subs.get(key)
    page = fetch_one(key, sub if isinstance(sub, str) else None)
    failed = page.state not in SUCCESS
    if not failed:
        subs = {**subs, key: page.cursor}
    still_paging = page.more and not failed
    next_turn = turn if still_paging else turn + 1
    more = still_paging or next_turn < len(keys)
    combined = cursors.dump({"subs": subs, "turn": next_turn % len(keys)})
    reason = f"{key}: {page.reason}" if page.reason and len(keys) > 1 else page.reason
    return replace(page, cursor=combined, more=more and not failed, reason=reason)
