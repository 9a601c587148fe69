"""Any JSON API, described in config: a complaint portal's feed, a data vendor's search.

The request is a URL template (`{keyword}`, `{cursor}`, `{page}`, `{since}`,
`{since_epoch}`) with headers and a secret from an environment variable; the answer is
read with JMESPath expressions for the item list, each field, and the next-page cursor.
Paging goes back from the newest item to the stored watermark, like every newest-first
connector, so a crash or a `max_pages` cut resumes instead of skipping.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any, Literal

import httpx
import jmespath
from jmespath.exceptions import JMESPathError
from jmespath.parser import ParsedResult
from pydantic import Field, field_validator, model_validator

from crawler import cursor as cursors
from crawler.base import Page, RawPost, SourceSpec
from crawler.cursor import IncrementalConfig, Sweep
from crawler.http import json_of
from crawler.multiplex import fetch_each
from crawler.outcome import Refusal, check_status, env_secret, guard, map_items, page_of
from crawler.textparse import html_to_text, parse_count, parse_time

PLACEHOLDERS = frozenset({"keyword", "cursor", "page", "since", "since_epoch"})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
FIELDS = ("id", "text", "author_id", "author_name", "author_followers", "url", "created_at",
          "reposts", "comments", "likes")


class JsonApiSource(IncrementalConfig):
    kind: Literal["jsonapi"] = "jsonapi"
    platform: str = Field(min_length=1)
    label: str = "The data API"  # how reasons name this source, e.g. "The 舆情 vendor API"
    url: str = Field(min_length=1)  # absolute, or a path joined to base_url
    method: Literal["GET", "POST"] = "GET"
    params: dict[str, str] = Field(default_factory=dict)
    json_body: dict[str, Any] | None = None  # for POST; string values are templates
    headers: dict[str, str] = Field(default_factory=dict)
    auth_env: str | None = None  # environment variable holding the API key or token
    auth_header: str = "Authorization"
    auth_scheme: str = "Bearer"  # "" sends the bare key
    auth_param: str | None = None  # send the key as this query parameter instead
    items: str  # JMESPath to the list of items in the response
    fields: dict[str, str]  # JMESPath per field, evaluated on one item
    next_cursor: str | None = None  # JMESPath on the response; absent/null = last page
    paging: Literal["cursor", "page", "none"] = "cursor"
    first_page: int = 1
    newest_first: bool = True  # False: relevance order, stop at a page with nothing new
    ok: str | None = None  # JMESPath that must be truthy on success, e.g. "code == `0`"
    error_message: str | None = None  # JMESPath to the API's own error text

    @field_validator("items", "next_cursor", "ok", "error_message")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            _compile(value)
        return value

    @field_validator("fields")
    @classmethod
    def _fields_compile(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(FIELDS))
        if unknown:
            raise ValueError(f"unknown field(s) {unknown}; known: {', '.join(FIELDS)}")
        if "id" not in value or "text" not in value:
            raise ValueError("fields must map at least 'id' and 'text'")
        for expression in value.values():
            _compile(expression)
        return value

    @model_validator(mode="after")
    def _templates_known(self) -> JsonApiSource:
        for template in _templates(self):
            unknown = set(_PLACEHOLDER.findall(template)) - PLACEHOLDERS
            if unknown:
                raise ValueError(f"unknown placeholder(s) {sorted(unknown)} in {template!r}; "
                                 f"known: {', '.join(sorted(PLACEHOLDERS))}")
        return self


def _compile(expression: str) -> ParsedResult:
    try:
        return jmespath.compile(expression)
    except JMESPathError as exc:
        raise ValueError(f"not a valid JMESPath expression {expression!r}: {exc}") from None


def _templates(cfg: JsonApiSource) -> list[str]:
    body = [v for v in (cfg.json_body or {}).values() if isinstance(v, str)]
    return [cfg.url, *cfg.params.values(), *cfg.headers.values(), *body]


def fetch(http: httpx.Client, cfg: JsonApiSource, cursor: str | None) -> Page:
    per_keyword = any("{keyword}" in t for t in _templates(cfg))
    keys = ([cfg.query] if cfg.query else cfg.keywords) if per_keyword else [""]

    def one(keyword: str, sub: str | None) -> Page:
        return guard(cfg.label, sub, lambda: _fetch_page(http, cfg, keyword, sub))

    return fetch_each(keys, cursor, one)


def _fetch_page(http: httpx.Client, cfg: JsonApiSource, keyword: str, sub: str | None) -> Page:
    sweep = Sweep.load(cursors.load(sub), cfg.backfill_hours)
    values = _values(cfg, keyword, sweep)
    response = _request(http, cfg, values)
    _check(response, cfg)
    data = json_of(response)
    _check_ok(data, cfg)
    items = jmespath.search(cfg.items, data)
    if items is None:
        items = []
    if not isinstance(items, list):
        raise Refusal("schema_changed", f"{cfg.label} answered without a list of items at "
                                        f"{cfg.items!r}; its format may have changed.")
    posts, skipped = map_items(items, lambda item: _to_post(cfg, item))
    after, more, note = sweep.step([_epoch(p) for p in posts] + [None] * skipped,
                                   _next_token(cfg, data, values, bool(items)), cfg.newest_first)
    return page_of(cfg.label, posts, skipped, cursors.dump(after.to_json()), more, note)


def _values(cfg: JsonApiSource, keyword: str, sweep: Sweep) -> dict[str, str]:
    page = sweep.token if cfg.paging == "page" and sweep.token else str(cfg.first_page)
    since = datetime.fromtimestamp(sweep.watermark, UTC)
    return {"keyword": keyword, "cursor": sweep.token or "", "page": page,
            "since": since.isoformat().replace("+00:00", "Z"),
            "since_epoch": str(int(sweep.watermark))}


def _fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _request(http: httpx.Client, cfg: JsonApiSource, values: dict[str, str]) -> httpx.Response:
    url = _fill(cfg.url, values)
    if cfg.base_url and not url.startswith(("http://", "https://")):
        url = cfg.base_url.rstrip("/") + "/" + url.lstrip("/")
    # Empty parameters are dropped, so "cursor={cursor}" is simply absent on the first page.
    params = {k: v for k, v in ((k, _fill(t, values)) for k, t in cfg.params.items()) if v}
    headers = {k: _fill(t, values) for k, t in cfg.headers.items()}
    secret = env_secret(cfg.auth_env)
    if secret and cfg.auth_param:
        params[cfg.auth_param] = secret
    elif secret:
        headers[cfg.auth_header] = f"{cfg.auth_scheme} {secret}".strip()
    if cfg.method == "POST":
        body = {k: _fill(v, values) if isinstance(v, str) else v
                for k, v in (cfg.json_body or {}).items()}
        return http.post(url, params=params, headers=headers, json=body)
    return http.get(url, params=params, headers=headers)


def _check(response: httpx.Response, cfg: JsonApiSource) -> None:
    if cfg.auth_env and response.status_code in (401, 403):
        if env_secret(cfg.auth_env) is None:
            raise Refusal("auth_required", f"{cfg.label} needs a key: set the environment "
                                           f"variable {cfg.auth_env}.")
        raise Refusal("auth_expired", f"{cfg.label} refused the key in {cfg.auth_env} "
                                      f"(HTTP {response.status_code}); check or renew it.")
    check_status(response, cfg.label)


def _check_ok(data: Any, cfg: JsonApiSource) -> None:
    if cfg.ok is None or jmespath.search(cfg.ok, data):
        return
    message = jmespath.search(cfg.error_message, data) if cfg.error_message else None
    said = f": {str(message)[:200]}" if message else ""
    raise Refusal("error", f"{cfg.label} reported an error{said}.")


def _next_token(cfg: JsonApiSource, data: Any, values: dict[str, str], had_items: bool
                ) -> str | None:
    if cfg.paging == "page":
        return str(int(values["page"]) + 1) if had_items else None
    if cfg.paging == "cursor" and cfg.next_cursor:
        token = jmespath.search(cfg.next_cursor, data)
        return str(token) if token not in (None, "", False) else None
    return None


def _to_post(cfg: JsonApiSource, item: Any) -> RawPost | None:
    got = {name: jmespath.search(expr, item) for name, expr in cfg.fields.items()}
    native_id, text = got.get("id"), html_to_text(got.get("text"))
    if isinstance(native_id, bool) or not isinstance(native_id, str | int) or not text:
        return None
    return RawPost(
        platform=cfg.platform, native_id=str(native_id), text=text,
        author_id=_str(got.get("author_id")), author_name=_str(got.get("author_name")),
        author_followers=parse_count(got.get("author_followers")), url=_str(got.get("url")),
        created_at=parse_time(got.get("created_at")), reposts=parse_count(got.get("reposts")),
        comments=parse_count(got.get("comments")), likes=parse_count(got.get("likes")),
        raw=item if isinstance(item, dict) else {"item": item},
    )


def _str(value: object) -> str | None:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _epoch(post: RawPost) -> float | None:
    return post.created_at.timestamp() if post.created_at else None


SPEC = SourceSpec(kind="jsonapi", config=JsonApiSource, fetch=fetch,
                  description="Any JSON API mapped with JMESPath (complaint portals, vendors)")
