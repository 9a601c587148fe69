"""Property: whatever bytes or JSON a platform sends, every connector returns a Page.

Each example serves one random body on every path of a real local server (token and
session endpoints included) and calls the connector's `fetch`, then its `refresh` where
it has one. No exception may escape, and since no random body is a valid answer, a
fetched page must not claim `ok` (a by-id answer is small enough that random JSON could
be one, so a refreshed page only must not carry posts unless it is `ok`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.base import Page, SourceConfig
from crawler.http import HttpSettings, make_client
from crawler.sources import REGISTRY, bluesky, reddit
from tests.crawler.fakeweb import FakeServer, Reply

# Keys the connectors look for, so random JSON reaches past the first shape check.
KEYS = ["ok", "data", "cards", "card_group", "card_type", "mblog", "items", "hits", "nbHits",
        "nbPages", "message", "posts", "cursor", "uri", "record", "text", "kind", "children",
        "after", "statuses", "id", "content", "version", "code", "access_token", "accessJwt",
        "refreshJwt", "error", "configuration", "title", "objectID", "created_at", "user",
        "page_info", "next_cursor", "mid", "msg", "url"]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=20) | st.sampled_from(["Listing", "t3", "9", "at://x/y/z", "1"]))
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5), max_leaves=25)

SECRETS = {"RD_ID": "id", "RD_SECRET": "secret", "BSKY_PW": "pw", "WB_COOKIE": "SUB=x",
           "VENDOR_API_TOKEN": "t", "MASTO_TOK": "m"}


def configs(base: str) -> dict[str, SourceConfig]:
    common: dict[str, Any] = {"name": "fuzz", "base_url": base, "keywords": ["星河"]}
    vendor = {"items": "data.items", "next_cursor": "data.page_info.next_cursor",
              "ok": "code == `0`", "fields": {"id": "mid", "text": "content",
                                              "created_at": "created_at"}}
    raw: dict[str, dict[str, Any]] = {
        "rss": {"url": "/feed"},
        "jsonapi": {"platform": "vendor", "url": "/search", "auth_env": "VENDOR_API_TOKEN",
                    **vendor},
        "hackernews": {},
        "mastodon": {"tags": ["xinghe"], "search": True, "token_env": "MASTO_TOK"},
        "reddit": {"auth_url": base, "subreddit": "x", "client_id_env": "RD_ID",
                   "client_secret_env": "RD_SECRET", "user_agent": "linux:fw:0.1 (by /u/fw)"},
        "bluesky": {"identifier": "fw.bsky.social", "app_password_env": "BSKY_PW"},
        "weibo": {"cookie_env": "WB_COOKIE"},
    }
    return {kind: REGISTRY[kind].config.model_validate({**common, **extra})
            for kind, extra in raw.items()}


@pytest.fixture(scope="module")
def fuzz_server() -> Iterator[FakeServer]:
    server = FakeServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    http = make_client(HttpSettings(retries=0, host_interval=0, timeout=2))
    yield http
    http.close()


@pytest.fixture(scope="module", autouse=True)
def secrets() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in SECRETS.items():
            patch.setenv(name, value)
        yield


KINDS = sorted(k for k in REGISTRY if k != "replay")
FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(server: FakeServer, http: httpx.Client, kind: str, body: bytes,
          content_type: str) -> None:
    reddit.TOKENS.clear()
    bluesky.TOKENS.clear()
    server.fallback = Reply(200, body, {"Content-Type": content_type})
    cfg = configs(server.url)[kind]
    for cursor in (None, '{"subs": {"星河": "{\\"token\\": \\"2\\"}"}, "turn": 0}'):
        page = REGISTRY[kind].fetch(http, cfg, cursor)
        assert isinstance(page, Page)
        assert page.state != "ok", (kind, body[:200], page)
        assert page.posts == [] or page.state in ("truncated",)
    refresh = REGISTRY[kind].refresh
    if refresh is not None:  # re-reading by id parses the same entities: same guarantees
        again = refresh(http, cfg, ["1", "t3_1", "at://x/y/z"])
        assert isinstance(again, Page)
        assert again.posts == [] or again.state == "ok"


def fuzz(strategy: st.SearchStrategy[Any], encode: Callable[[Any], bytes],
         content_type: str) -> Callable[..., None]:
    @FUZZ
    @given(body=strategy)
    def run(fuzz_server: FakeServer, client: httpx.Client, kind: str, body: Any) -> None:
        check(fuzz_server, client, kind, encode(body), content_type)

    return run


test_random_bytes = pytest.mark.parametrize("kind", KINDS)(
    fuzz(st.binary(max_size=300), lambda b: b, "application/octet-stream"))
test_random_json = pytest.mark.parametrize("kind", KINDS)(
    fuzz(JSON, lambda v: json.dumps(v).encode(), "application/json"))
test_random_text_as_xml = pytest.mark.parametrize("kind", ["rss"])(
    fuzz(st.text(max_size=300).map(lambda t: f'<?xml version="1.0"?><rss>{t}'),
         lambda t: t.encode(), "application/rss+xml"))
