"""Shared fixtures: a replay stream, settings pointing at a store in a temp folder, and the
fake web server on 127.0.0.1 with a fast client for connector and pipeline tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from crawler.sources import bluesky, reddit
from flarewatch.config import Settings, load_settings
from tests.crawler.fakeweb import FakeServer, fast_client
from tests.streams import stream_lines, write_config


@pytest.fixture
def stream(tmp_path: Path) -> Path:
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join(stream_lines(60)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def settings(tmp_path: Path, stream: Path) -> Settings:
    return load_settings(write_config(tmp_path, stream))


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


@pytest.fixture(autouse=True)
def fresh_tokens() -> Iterator[None]:
    """Token caches live for the process; no test may inherit another's session."""
    reddit.TOKENS.clear()
    bluesky.TOKENS.clear()
    yield
    reddit.TOKENS.clear()
    bluesky.TOKENS.clear()
