"""Fixtures for connector tests: the fake web server, a fast client, recorded sleeps."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from crawler.http import HttpSettings, make_client
from tests.crawler.fakeweb import FakeServer


@pytest.fixture(scope="session")
def _server_instance() -> Iterator[FakeServer]:
    instance = FakeServer()
    yield instance
    instance.close()


@pytest.fixture
def server(_server_instance: FakeServer) -> Iterator[FakeServer]:
    _server_instance.reset()
    yield _server_instance
    _server_instance.reset()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def http(sleeps: list[float]) -> Iterator[httpx.Client]:
    """The production client with short timeouts and a sleep that only records."""
    settings = HttpSettings(timeout=0.3, connect_timeout=0.3, retries=2, host_interval=0.0,
                            backoff_base=0.5)
    client = make_client(settings, sleep=sleeps.append)
    yield client
    client.close()
