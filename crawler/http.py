"""The one HTTP client every connector shares, and how its answers are read.

`make_client` returns a plain `httpx.Client` (the type the connector contract names) whose
transport adds what a long-running poller needs: a minimum interval per host, retries
with exponential backoff and jitter on connection errors and 5xx, and a cap on response
size. 429 and 503-with-Retry-After are *not* retried here: the connector turns them into
a `rate_limited` page so the source's health can wait as long as the platform asked.

Conditional GET validators (ETag / Last-Modified) are kept by the caller in its cursor,
not in a cache here: a cursor is saved only after the page's posts are stored, so a 304
can never hide posts that were fetched but lost in a crash.
"""

from __future__ import annotations

import codecs
import json
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import charset_normalizer
import httpx

Clock = Callable[[], float]
Sleep = Callable[[float], None]

DEFAULT_USER_AGENT = "flarewatch/0.1 (social-media escalation monitor)"


@dataclass(frozen=True)
class HttpSettings:
    """Politeness and safety limits for the shared client."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # seconds per read/write; connect uses `connect_timeout`
    connect_timeout: float = 10.0
    retries: int = 3  # extra attempts after the first
    backoff_base: float = 0.5  # seconds before the first retry; doubles each time
    backoff_cap: float = 30.0
    host_interval: float = 1.0  # minimum seconds between two requests to one host
    max_bytes: int = 10 * 1024 * 1024
    proxy: str | None = None


class ResponseTooLarge(httpx.HTTPError):
    """The body grew past `HttpSettings.max_bytes`; reading stopped there."""


class PoliteTransport(httpx.BaseTransport):
    """Wraps a real transport with per-host pacing, retries and a body size cap."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        settings: HttpSettings,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._inner = inner
        self._settings = settings
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 0
        while True:
            self._wait_for_host(request.url.host)
            try:
                response = self._send_once(request)
            except httpx.TransportError as exc:
                if attempt >= self._settings.retries or not _may_retry_error(request, exc):
                    raise
            else:
                if attempt >= self._settings.retries or not _may_retry_status(request, response):
                    return response
            self._sleep(self._backoff(attempt))
            attempt += 1

    def close(self) -> None:
        self._inner.close()

    def _send_once(self, request: httpx.Request) -> httpx.Response:
        # Reading the body here, inside the retry loop, means a reset or truncated body
        # is retried like a refused connection instead of surfacing half-read.
        response = self._inner.handle_request(request)
        try:
            body = b"".join(_capped(response.iter_bytes(), self._settings.max_bytes, request))
        finally:
            response.close()
        headers = [(k, v) for k, v in response.headers.multi_items()
                   if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        return httpx.Response(response.status_code, headers=headers, content=body,
                              request=request, extensions=response.extensions)

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self._settings.host_interval
        if slot > now:
            self._sleep(slot - now)

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self._settings.backoff_cap, self._settings.backoff_base * 2**attempt)
        # "Equal jitter": at least half the delay, so retries never bunch up at zero.
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)


def _capped(chunks: Iterator[bytes], limit: int, request: httpx.Request) -> Iterator[bytes]:
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            error = ResponseTooLarge(f"response larger than {limit} bytes")
            error.request = request
            raise error
        yield chunk


def _may_retry_error(request: httpx.Request, exc: httpx.TransportError) -> bool:
    # A POST (token or session creation) is only repeated when it never left this machine,
    # so a platform that limits session creation never sees it twice.
    if request.method in ("GET", "HEAD"):
        return True
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)


def _may_retry_status(request: httpx.Request, response: httpx.Response) -> bool:
    if request.method not in ("GET", "HEAD") or response.status_code < 500:
        return False
    # A 503 that names a wait is a rate limit: the source's health waits, not this loop.
    return not (response.status_code == 503 and "retry-after" in response.headers)


def make_client(
    settings: HttpSettings | None = None,
    *,
    clock: Clock = time.monotonic,
    sleep: Sleep = time.sleep,
    rng: random.Random | None = None,
    inner: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """The shared client: one connection pool, polite transport, default User-Agent."""
    settings = settings or HttpSettings()
    base = inner or httpx.HTTPTransport(proxy=settings.proxy)
    transport = PoliteTransport(base, settings, clock=clock, sleep=sleep, rng=rng)
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
        headers={"User-Agent": settings.user_agent},
        follow_redirects=False,  # a redirect to a login page is news, not a detour
    )


# --- reading answers -------------------------------------------------------------------


def retry_after(response: httpx.Response, now: datetime | None = None) -> float | None:
    """Seconds the platform asked us to wait: Retry-After, else X-Ratelimit-Reset."""
    now = now or datetime.now(UTC)
    header = response.headers.get("retry-after")
    if header:
        return _seconds_until(header.strip(), now)
    # Reddit sends seconds to reset, Mastodon an ISO time, others an epoch; Bluesky
    # drops the "x-" prefix. Read it on a refusal, or when the quota is already spent.
    reset = response.headers.get("x-ratelimit-reset") or response.headers.get("ratelimit-reset")
    if reset and (response.status_code in (429, 503) or _quota_spent(response)):
        return _seconds_until(reset.strip(), now)
    return None


def _quota_spent(response: httpx.Response) -> bool:
    remaining = (response.headers.get("x-ratelimit-remaining")
                 or response.headers.get("ratelimit-remaining", ""))
    try:
        return float(remaining) < 1
    except ValueError:
        return False


def _seconds_until(value: str, now: datetime) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return _seconds_until_date(value, now)
    if number > 1e9:  # an epoch timestamp rather than a duration
        number -= now.timestamp()
    return max(0.0, number)


def _seconds_until_date(value: str, now: datetime) -> float | None:
    # Retry-After may be an HTTP date; Mastodon's X-RateLimit-Reset is ISO 8601.
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - now).total_seconds())


@dataclass(frozen=True)
class Validators:
    """ETag / Last-Modified of a resource, for a conditional GET next time."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out

    @classmethod
    def of(cls, response: httpx.Response) -> Validators:
        return cls(response.headers.get("etag"), response.headers.get("last-modified"))

    def to_json(self) -> dict[str, str]:
        return {k: v for k, v in (("etag", self.etag), ("last_modified", self.last_modified)) if v}

    @classmethod
    def from_json(cls, data: object) -> Validators:
        if not isinstance(data, dict):
            return cls()
        etag, modified = data.get("etag"), data.get("last_modified")
        return cls(etag if isinstance(etag, str) else None,
                   modified if isinstance(modified, str) else None)


# Chinese sites label GB18030 text as gb2312 or gbk; GB18030 is a superset of both, so
# decoding with it keeps the characters the narrower label cannot represent.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
          "cp936": "gb18030"}
_CHARSET_PARAM = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)["']""")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    try:
        name = codecs.lookup(_WIDEN.get(label, label)).name
    except LookupError:
        return None
    return _WIDEN.get(name, name)


def declared_encoding(content: bytes, content_type: str | None) -> str | None:
    """The encoding a response names: BOM, Content-Type charset, XML declaration, HTML meta."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name
    if content_type and (match := _CHARSET_PARAM.search(content_type.encode("latin-1", "ignore"))):
        return _codec(match.group(1).decode("ascii"))
    head = content[:2048]
    match = _XML_DECL.match(head) or _CHARSET_PARAM.search(head)
    return _codec(match.group(1).decode("ascii")) if match else None


def decode_body(content: bytes, content_type: str | None = None) -> str:
    """Text of a body in whatever encoding it really is, never raising."""
    declared = declared_encoding(content, content_type)
    for candidate in (declared, "utf-8"):
        if candidate:
            try:
                return content.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    best = charset_normalizer.from_bytes(content[:65536]).best()
    guess = _codec(best.encoding) if best is not None else None
    return content.decode(guess or "gb18030", errors="replace")


def text_of(response: httpx.Response) -> str:
    return decode_body(response.content, response.headers.get("content-type"))


class NotJson(ValueError):
    """The body is not JSON; `looks_like_html` tells a login or block page from garbage."""

    def __init__(self, message: str, looks_like_html: bool, text: str) -> None:
        super().__init__(message)
        self.looks_like_html = looks_like_html
        self.text = text


def json_of(response: httpx.Response) -> Any:
    """The parsed JSON body, or `NotJson`."""
    text = text_of(response)
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        html = bool(re.search(r"<(!doctype html|html|head|body|title)\b", text[:4096], re.I))
        raise NotJson(f"not JSON: {exc}", html, text[:4096]) from None
