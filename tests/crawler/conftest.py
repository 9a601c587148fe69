"""Fixtures for connector tests: the fake web server, a fast client, recorded sleeps."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.crawler.fakeweb import FakeServer, fast_client


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
    client = fast_client(sleeps)
    yield client
    client.close()
