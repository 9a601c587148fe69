"""How a connector's troubles become a `Page` with a health state and a plain reason.

Connectors raise `Refusal` when a response is not the data they asked for; `guard` runs a
connector's work and turns that, network errors and unexpected shapes into a failed page,
so `fetch` never raises. Reasons are written for a PR lead, not for a developer.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx

from crawler.base import HealthState, Page, RawPost
from crawler.http import NotJson, ResponseTooLarge, retry_after
from crawler.textparse import CHINA

T = TypeVar("T")

# Errors that mean "the body was not the shape we expected" when they escape a mapper.
SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


class Refusal(Exception):
    """A response that answered, but not with the data we asked for."""

    def __init__(self, state: HealthState, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.state: HealthState = state
        self.reason = reason
        self.retry_after = retry_after


def guard(platform: str, cursor: str | None, work: Callable[[], Page]) -> Page:
    """Run one fetch; whatever goes wrong comes back as a failed page, never an exception."""
    try:
        return work()
    except Refusal as refusal:
        return Page.failed(refusal.state, refusal.reason, cursor, refusal.retry_after)
    except NotJson as exc:
        return Page.failed(*not_json(platform, exc), cursor)
    except ResponseTooLarge:
        return Page.failed("error", f"{platform} sent a response too large to read; "
                                    "it was cut off and nothing was stored.", cursor)
    except httpx.TimeoutException:
        return Page.failed("error", f"{platform} did not answer in time; will try again.", cursor)
    except httpx.HTTPError as exc:
        return Page.failed("error", f"Could not reach {platform} ({_error_name(exc)}); "
                                    "will try again.", cursor)
    except SHAPE_ERRORS as exc:
        return Page.failed("schema_changed", f"{platform} answered in a shape Flarewatch does "
                                             f"not recognise ({type(exc).__name__}).", cursor)


def _error_name(exc: Exception) -> str:
    names = {httpx.ConnectError: "connection refused", httpx.ReadError: "connection reset",
             httpx.RemoteProtocolError: "connection closed mid-answer",
             httpx.UnsupportedProtocol: "bad address in the config"}
    return next((text for kind, text in names.items() if isinstance(exc, kind)),
                type(exc).__name__)


def not_json(platform: str, exc: NotJson) -> tuple[HealthState, str]:
    if exc.looks_like_html:
        if looks_like_login(exc.text):
            return "auth_required", (f"{platform} answered with a login page instead of data; "
                                     "it needs credentials.")
        return "blocked", (f"{platform} answered with a web page instead of data "
                           "(probably a block or error page).")
    return "schema_changed", f"{platform} answered with something that is not valid JSON."


def looks_like_login(text: str) -> bool:
    lowered = text[:20000].lower()
    return any(word in lowered for word in
               ('type="password"', "type='password'", "sign in", "log in", "login", "登录"))


def check_status(response: httpx.Response, platform: str) -> None:
    """Raise a `Refusal` for any status that does not carry the data we asked for."""
    status = response.status_code
    if 200 <= status < 300 or status == 304:
        return
    if status == 429 or (status == 503 and "retry-after" in response.headers):
        raise rate_limited(response, platform)
    if status == 401:
        raise Refusal("auth_required", f"{platform} refused the request: it needs valid "
                                       "credentials (HTTP 401).")
    if status == 403:
        raise Refusal("blocked", f"{platform} refused access (HTTP 403); it may be blocking "
                                 "this server or need credentials.")
    if 300 <= status < 400:
        where = response.headers.get("location", "another page")
        raise Refusal("blocked", f"{platform} redirected to {where} instead of answering.")
    if status == 404:
        raise Refusal("error", f"{platform} says this address does not exist (HTTP 404); "
                               "check the source's URL in the config.")
    raise Refusal("error", f"{platform} had a problem answering (HTTP {status}); "
                           "will try again.")


def rate_limited(response: httpx.Response, platform: str) -> Refusal:
    wait = retry_after(response)
    when = f"; next try in {wait_words(wait)}" if wait else ""
    return Refusal("rate_limited", f"{platform} asked us to slow down{when}.", wait)


def wait_words(seconds: float | None) -> str:
    if seconds is None:
        return "a while"
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    if seconds < 5400:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def local_clock() -> str:
    """The time now as a PR lead in China reads it, for reasons like "expired at 14:05"."""
    return datetime.now(UTC).astimezone(CHINA).strftime("%H:%M")


def env_secret(name: str | None) -> str | None:
    """A secret from the environment variable the config names; never logged."""
    if not name:
        return None
    value = os.environ.get(name, "").strip()
    return value or None


def map_items(items: Iterable[Any], to_post: Callable[[Any], RawPost | None]
              ) -> tuple[list[RawPost], int]:
    """Map each item, skipping those of an unexpected shape; returns (posts, skipped)."""
    posts: list[RawPost] = []
    skipped = 0
    for item in items:
        try:
            post = to_post(item)
        except SHAPE_ERRORS:
            post = None
        if post is None:
            skipped += 1
        else:
            posts.append(post)
    return posts, skipped


def page_of(platform: str, posts: list[RawPost], skipped: int, cursor: str | None,
            more: bool = False, note: str = "", wait: float | None = None) -> Page:
    """A successful page; all items unreadable means the platform changed its format."""
    if skipped and not posts:
        raise Refusal("schema_changed", f"{platform} sent {skipped} item(s) in a shape "
                                        "Flarewatch does not recognise.")
    reasons = [note] if note else []
    if skipped:
        reasons.append(f"skipped {skipped} unreadable item(s)")
    state: HealthState = "ok" if posts else "empty"
    return Page(posts=posts, cursor=cursor, more=more, state=state, reason="; ".join(reasons),
                retry_after=wait)


def expect(value: object, kind: type[T], what: str, platform: str) -> T:
    """`value` if it has the expected type, else a `schema_changed` refusal naming it."""
    if not isinstance(value, kind):
        raise Refusal("schema_changed", f"{platform} answered without the expected {what}; "
                                        "its format may have changed.")
    return value
