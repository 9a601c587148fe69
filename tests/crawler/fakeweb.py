"""Test helpers for connectors: a real HTTP server on 127.0.0.1 and a mini poller.

The server answers from routes a test registers (path → reply, a list of replies served
in turn, or a function of the request), records every request, and can misbehave on
purpose: answer late, reset the connection, or cut a body short.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

from crawler.base import Page, RawPost, SourceConfig, SourceSpec
from crawler.http import HttpSettings, make_client

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_bytes(name: str) -> bytes:
    """A fixture file's bytes; leading `//` lines (the doc citation) are dropped."""
    raw = (FIXTURES / name).read_bytes()
    lines = raw.splitlines(keepends=True)
    while lines and lines[0].lstrip().startswith(b"//"):
        lines.pop(0)
    return b"".join(lines)


def fixture_json(name: str) -> Any:
    return json.loads(fixture_bytes(name))


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | dict[str, Any] | list[Any] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    action: Literal["reply", "reset", "truncate"] = "reply"

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if isinstance(self.body, dict | list):
            headers.setdefault("Content-Type", "application/json; charset=utf-8")
            return json.dumps(self.body, ensure_ascii=False).encode(), headers
        if isinstance(self.body, str):
            return self.body.encode(), headers
        return self.body, headers


@dataclass(frozen=True)
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


Route = Reply | list[Reply] | Callable[[Seen], Reply]


class FakeServer:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Route] = {}
        self.fallback: Route | None = None  # answers any path without a route
        self.requests: list[Seen] = []
        self._turns: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def route(self, path: str, reply: Route, method: str = "GET") -> None:
        self.routes[(method, path)] = reply

    def reset(self) -> None:
        self.fallback = None
        self.routes.clear()
        self.requests.clear()
        self._turns.clear()

    def hits(self, path: str) -> list[Seen]:
        return [seen for seen in self.requests if seen.path == path]

    def reply_for(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            route = self.routes.get((seen.method, seen.path), self.fallback)
            if isinstance(route, list):
                turn = self._turns.get((seen.method, seen.path), 0)
                self._turns[(seen.method, seen.path)] = turn + 1
                return route[min(turn, len(route) - 1)]
        if route is None:
            return Reply(404, {"error": "not found"})
        return route(seen) if callable(route) else route

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _handler_for(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stall

        def _serve(self) -> None:
            split = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(self.command, unquote(split.path), parse_qs(split.query),
                        {k.lower(): v for k, v in self.headers.items()},
                        self.rfile.read(length) if length else b"")
            reply = server.reply_for(seen)
            if reply.delay:
                time.sleep(reply.delay)
            if reply.action == "reset":
                # SO_LINGER 0 makes close() send RST: a "connection reset by peer".
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            body, headers = reply.encoded()
            self.send_response(reply.status)
            for name, value in headers.items():
                self.send_header(name, value)
            declared = len(body) * 2 + 10 if reply.action == "truncate" else len(body)
            self.send_header("Content-Length", str(declared))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if reply.action == "truncate" else body)
            if reply.action == "truncate":
                self.close_connection = True

        do_GET = do_POST = do_PUT = _serve

        def finish(self) -> None:
            # The client gave up, or we reset the connection on purpose.
            with contextlib.suppress(OSError, ValueError):
                super().finish()

        def handle(self) -> None:
            with contextlib.suppress(OSError, ValueError):
                super().handle()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def fast_client(sleeps: list[float] | None = None) -> httpx.Client:
    """The production client with short timeouts and a sleep that only records (or
    forgets): retries and backoff run as in production, without waiting."""
    settings = HttpSettings(timeout=0.3, connect_timeout=0.3, retries=2, host_interval=0.0,
                            backoff_base=0.5)
    return make_client(settings, sleep=sleeps.append if sleeps is not None else _no_sleep)


def _no_sleep(_seconds: float) -> None:
    pass


@dataclass
class PollResult:
    stored: dict[tuple[str, str], RawPost]
    pages: list[Page]
    cursor: str | None
    store_count: dict[tuple[str, str], int]


def poll(spec: SourceSpec, http: httpx.Client, cfg: SourceConfig, cursor: str | None = None,
         stored: dict[tuple[str, str], RawPost] | None = None) -> PollResult:
    """What the poller does: fetch, store, save the cursor, go on while `more`."""
    stored = {} if stored is None else stored
    counts: dict[tuple[str, str], int] = {}
    pages: list[Page] = []
    while True:
        page = spec.fetch(http, cfg, cursor)
        pages.append(page)
        for post in page.posts:
            key = (post.platform, post.native_id)
            counts[key] = counts.get(key, 0) + 1
            stored[key] = post
        cursor = page.cursor
        if not page.more or len(pages) >= cfg.max_pages:
            return PollResult(stored, pages, cursor, counts)
