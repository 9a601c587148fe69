"""RSS 2.0, Atom and JSON Feed: news searches, forums, and Chinese platforms via RSSHub.

A feed has no paging: each poll reads the whole feed and the store deduplicates. The
cursor keeps each feed's ETag / Last-Modified so an unchanged feed costs a 304; it is
saved only after the posts are stored, so a crash can never hide fetched posts behind a
304. `url` may contain `{keyword}`, which makes one feed per watchlist keyword (RSSHub's
`/weibo/keyword/{keyword}`).
"""

from __future__ import annotations

import calendar
import hashlib
import io
import json
import re
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote, urljoin

import feedparser
import httpx
from pydantic import Field

from crawler import cursor as cursors
from crawler.base import Page, RawPost, SourceConfig, SourceSpec
from crawler.http import Validators, decode_body
from crawler.multiplex import fetch_each
from crawler.outcome import (
    Refusal,
    check_status,
    env_secret,
    guard,
    looks_like_login,
    map_items,
    page_of,
)
from crawler.textparse import html_to_text, parse_time

LABEL = "The feed"


class RssSource(SourceConfig):
    kind: Literal["rss"] = "rss"
    url: str = Field(min_length=1)  # absolute, or a path joined to base_url; may hold {keyword}
    platform: str = "rss"  # what the posts are recorded as, e.g. "weibo" for an RSSHub route
    access_key_env: str | None = None  # RSSHub ACCESS_KEY, sent as ?key=


def feed_urls(cfg: RssSource) -> list[str]:
    template = urljoin(cfg.base_url.rstrip("/") + "/", cfg.url) if cfg.base_url else cfg.url
    if "{keyword}" not in template:
        return [template]
    return [template.replace("{keyword}", quote(k, safe="")) for k in cfg.keywords]


def fetch(http: httpx.Client, cfg: RssSource, cursor: str | None) -> Page:
    def one(url: str, sub: str | None) -> Page:
        return guard(LABEL, sub, lambda: _fetch_feed(http, cfg, url, sub))

    return fetch_each(feed_urls(cfg), cursor, one)


def _fetch_feed(http: httpx.Client, cfg: RssSource, url: str, sub: str | None) -> Page:
    validators = Validators.from_json(cursors.load(sub))
    key = env_secret(cfg.access_key_env)
    response = http.get(url, params={"key": key} if key else None,
                        headers=validators.headers(), follow_redirects=True)
    if response.status_code == 304:
        return Page(posts=[], cursor=sub, state="empty", reason="Feed unchanged since last poll.")
    check_status(response, LABEL)
    posts, skipped = parse_feed(response.content, response.headers.get("content-type"),
                                cfg.platform)
    new_cursor = cursors.dump(Validators.of(response).to_json())
    return page_of(LABEL, posts, skipped, new_cursor)


def parse_feed(content: bytes, content_type: str | None, platform: str
               ) -> tuple[list[RawPost], int]:
    """Posts of an RSS, Atom or JSON Feed body; `Refusal` if it is none of them."""
    text = decode_body(content, content_type)
    if "json" in (content_type or "").lower() or text.lstrip().startswith("{"):
        return _parse_json_feed(text, platform)
    return _parse_xml_feed(text, platform)


def _parse_xml_feed(text: str, platform: str) -> tuple[list[RawPost], int]:
    # The text is already decoded; hand feedparser UTF-8 with a matching declaration, and
    # a stream rather than a str, which feedparser would try to open as a path or URL.
    body = re.sub(r"^(\s*<\?xml[^>]*encoding\s*=\s*[\"'])[^\"']+", r"\1utf-8", text, count=1)
    parsed = feedparser.parse(io.BytesIO(body.encode("utf-8")),
                              response_headers={"content-type": "application/xml; charset=utf-8"})
    if not parsed.version and not parsed.entries:
        raise _not_a_feed(text)
    return map_items(parsed.entries, lambda e: _entry_post(e, platform))


def _not_a_feed(text: str) -> Refusal:
    if re.search(r"<(!doctype html|html|body)\b", text[:4096], re.IGNORECASE):
        if looks_like_login(text):
            return Refusal("auth_required", "The feed address answered with a login page "
                                            "instead of a feed; it needs credentials.")
        return Refusal("blocked", "The feed address answered with a web page instead of a "
                                  "feed (a block or error page).")
    return Refusal("schema_changed", "The feed could not be read: it is not valid RSS, Atom "
                                     "or JSON Feed (broken or cut-off XML).")


def _entry_post(entry: Any, platform: str) -> RawPost | None:
    title = html_to_text(entry.get("title"))
    contents = entry.get("content") or []
    body_html = contents[0].get("value") if contents else entry.get("summary")
    text = _join_title(title, html_to_text(body_html))
    link = entry.get("link")
    native_id = entry.get("id") or link or _digest(title, text)
    if not text or not isinstance(native_id, str):
        return None
    author = entry.get("author") or None
    return RawPost(
        platform=platform, native_id=native_id, text=text,
        author_id=author, author_name=author, url=link if isinstance(link, str) else None,
        created_at=_entry_time(entry),
        raw={"id": native_id, "title": title, "link": link,
             "published": entry.get("published") or entry.get("updated")},
    )


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    # feedparser gives up on dates such as "2026-11-24 08:00:00" or "5分钟前".
    return parse_time(entry.get("published") or entry.get("updated"))


def _join_title(title: str, body: str) -> str:
    # RSSHub sets the title to the first words of the post; keep it only when it adds text.
    stem = title.rstrip(".…").strip()
    if not stem or body.startswith(stem):
        return body or title
    return f"{title}\n{body}" if body else title


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def _parse_json_feed(text: str, platform: str) -> tuple[list[RawPost], int]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise Refusal("schema_changed", "The JSON Feed could not be read (broken JSON).") from None
    version = data.get("version") if isinstance(data, dict) else None
    items = data.get("items") if isinstance(data, dict) else None
    if not (isinstance(version, str) and "jsonfeed.org" in version and isinstance(items, list)):
        raise Refusal("schema_changed", "The address answered with JSON that is not a JSON Feed.")
    return map_items(items, lambda item: _json_item_post(item, platform))


def _json_item_post(item: dict[str, Any], platform: str) -> RawPost | None:
    title = html_to_text(item.get("title"))
    body = item.get("content_text") or html_to_text(item.get("content_html")) or html_to_text(
        item.get("summary"))
    text = _join_title(title, body if isinstance(body, str) else "")
    native_id = item.get("id")
    if isinstance(native_id, int):
        native_id = str(native_id)  # JSON Feed says string; some generators send numbers
    if not text or not isinstance(native_id, str) or not native_id:
        return None
    authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
    author = authors[0] if authors and isinstance(authors[0], dict) else {}
    name = author.get("name") if isinstance(author.get("name"), str) else None
    url = item.get("url")
    return RawPost(
        platform=platform, native_id=native_id, text=text,
        author_id=author.get("url") or name, author_name=name,
        url=url if isinstance(url, str) else None,
        created_at=parse_time(item.get("date_published") or item.get("date_modified")),
        raw={"id": native_id, "title": title, "url": url},
    )


SPEC = SourceSpec(kind="rss", config=RssSource, fetch=fetch,
                  description="RSS 2.0, Atom or JSON Feed, e.g. a self-hosted RSSHub route")
