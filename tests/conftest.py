"""Shared fixtures: a replay stream and settings pointing at a store in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from flarewatch.config import Settings, load_settings
from tests.streams import stream_lines, write_config


@pytest.fixture
def stream(tmp_path: Path) -> Path:
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join(stream_lines(60)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def settings(tmp_path: Path, stream: Path) -> Settings:
    return load_settings(write_config(tmp_path, stream))
