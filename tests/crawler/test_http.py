"""The shared client against a real local server: pacing, retries, caps, decoding."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import httpx
import pytest

from crawler.http import (
    HttpSettings,
    NotJson,
    ResponseTooLarge,
    Validators,
    decode_body,
    json_of,
    make_client,
    retry_after,
)
from tests.crawler.fakeweb import FakeServer, Reply


def test_retries_5xx_with_growing_jittered_backoff(server: FakeServer, http: httpx.Client,
                                                   sleeps: list[float]) -> None:
    server.route("/x", [Reply(500), Reply(502), Reply(200, b"fine")])
    response = http.get(f"{server.url}/x")
    assert response.status_code == 200 and response.text == "fine"
    assert len(server.hits("/x")) == 3
    # Equal jitter: attempt n waits between half and all of base * 2**n.
    assert 0.25 <= sleeps[0] <= 0.5 and 0.5 <= sleeps[1] <= 1.0


def test_gives_back_last_5xx_when_retries_run_out(server: FakeServer, http: httpx.Client) -> None:
    server.route("/x", Reply(500, b"boom"))
    assert http.get(f"{server.url}/x").status_code == 500
    assert len(server.hits("/x")) == 3  # first try + 2 retries


def test_429_and_503_with_retry_after_are_not_retried(server: FakeServer,
                                                      http: httpx.Client) -> None:
    server.route("/a", Reply(429, headers={"Retry-After": "120"}))
    server.route("/b", Reply(503, headers={"Retry-After": "30"}))
    assert retry_after(http.get(f"{server.url}/a")) == 120
    assert retry_after(http.get(f"{server.url}/b")) == 30
    assert len(server.requests) == 2


def test_connection_reset_and_truncated_body_are_retried(server: FakeServer,
                                                         http: httpx.Client) -> None:
    server.route("/r", [Reply(action="reset"), Reply(200, b"ok")])
    server.route("/t", [Reply(200, b"x" * 1000, action="truncate"), Reply(200, b"whole")])
    assert http.get(f"{server.url}/r").text == "ok"
    assert http.get(f"{server.url}/t").text == "whole"


def test_timeout_raises_after_retries(server: FakeServer, http: httpx.Client) -> None:
    server.route("/slow", Reply(200, b"late", delay=0.6))
    with pytest.raises(httpx.ReadTimeout):
        http.get(f"{server.url}/slow")
    assert len(server.hits("/slow")) == 3


def test_post_is_not_repeated_after_it_was_sent(server: FakeServer, http: httpx.Client) -> None:
    server.route("/session", [Reply(500), Reply(200, b"{}")], method="POST")
    assert http.post(f"{server.url}/session").status_code == 500
    assert len(server.hits("/session")) == 1


def test_size_cap_aborts_large_and_gzip_bomb_bodies(server: FakeServer) -> None:
    client = make_client(HttpSettings(max_bytes=1000, host_interval=0), sleep=lambda s: None)
    server.route("/big", Reply(200, b"a" * 5000))
    server.route("/bomb", Reply(200, gzip.compress(b"a" * 50_000),
                                headers={"Content-Encoding": "gzip"}))
    for path in ("/big", "/bomb"):
        with pytest.raises(ResponseTooLarge):
            client.get(f"{server.url}{path}")


def test_gzip_body_is_decoded_once(server: FakeServer, http: httpx.Client) -> None:
    server.route("/z", Reply(200, gzip.compress("星河".encode()),
                             headers={"Content-Encoding": "gzip"}))
    assert http.get(f"{server.url}/z").content.decode() == "星河"


def test_per_host_interval_paces_requests(server: FakeServer) -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    client = make_client(HttpSettings(host_interval=2.0), clock=lambda: now[0], sleep=sleep)
    server.route("/p", Reply(200, b"."))
    for _ in range(3):
        client.get(f"{server.url}/p")
    assert slept == [2.0, 2.0]


def test_user_agent_is_configurable(server: FakeServer) -> None:
    client = make_client(HttpSettings(user_agent="flarewatch-test/1", host_interval=0))
    server.route("/ua", Reply(200, b"."))
    client.get(f"{server.url}/ua")
    assert server.hits("/ua")[0].headers["user-agent"] == "flarewatch-test/1"


def test_conditional_get_validators(server: FakeServer, http: httpx.Client) -> None:
    def answer(seen: object) -> Reply:
        headers = getattr(seen, "headers", {})
        if headers.get("if-none-match") == '"v1"':
            return Reply(304)
        return Reply(200, b"feed", headers={"ETag": '"v1"', "Last-Modified": "Tue, 24 Nov 2026"})

    server.route("/feed", answer)
    first = http.get(f"{server.url}/feed")
    validators = Validators.from_json(Validators.of(first).to_json())
    assert http.get(f"{server.url}/feed", headers=validators.headers()).status_code == 304


def test_retry_after_reads_dates_and_ratelimit_headers() -> None:
    now = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    request = httpx.Request("GET", "http://x")

    def wait(status: int, **headers: str) -> float | None:
        return retry_after(httpx.Response(status, headers=headers, request=request), now)

    assert wait(429, **{"Retry-After": "Tue, 24 Nov 2026 06:02:00 GMT"}) == 120
    assert wait(429, **{"X-Ratelimit-Reset": "300"}) == 300  # Reddit: seconds to reset
    assert wait(429, **{"X-RateLimit-Reset": "2026-11-24T06:05:00.000Z"}) == 300  # Mastodon
    assert wait(429, **{"RateLimit-Reset": str(int(now.timestamp()) + 60)}) == 60  # Bluesky
    assert wait(200, **{"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "42"}) == 42
    assert wait(200, **{"X-Ratelimit-Remaining": "10", "X-Ratelimit-Reset": "42"}) is None


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("星河电器 镕".encode("gb18030"), "text/html; charset=GB2312", "星河电器 镕"),
        ("投诉".encode("gbk"), "text/plain; charset=gbk", "投诉"),
        ('<?xml version="1.0" encoding="GBK"?><a>退款</a>'.encode("gbk"), None, "退款"),
        ('<html><meta charset="gb2312"><p>维权</p>'.encode("gbk"), "text/html", "维权"),
        ("客服".encode(), "application/json", "客服"),
        ("\ufeff消协".encode(), None, "消协"),
        ("这家公司的客服态度非常差，我要投诉到消费者协会".encode("gb18030"), None,
         "这家公司的客服态度非常差，我要投诉到消费者协会"),
    ],
)
def test_decode_body_finds_the_real_encoding(body: bytes, content_type: str | None,
                                             expected: str) -> None:
    assert expected in decode_body(body, content_type)


def test_json_of_tells_html_from_garbage() -> None:
    request = httpx.Request("GET", "http://x")
    with pytest.raises(NotJson) as html:
        json_of(httpx.Response(200, content=b"<!DOCTYPE html><title>Login</title>",
                               request=request))
    assert html.value.looks_like_html
    with pytest.raises(NotJson) as garbage:
        json_of(httpx.Response(200, content=b'{"ok": 1,', request=request))
    assert not garbage.value.looks_like_html
