"""`flarewatch sources`: each source's state and reason in plain words."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from flarewatch.cli import cli
from flarewatch.config import load_settings
from flarewatch.store import Store
from tests.streams import write_config


def test_sources_table_shows_state_and_reason(tmp_path: Path, stream: Path) -> None:
    config = write_config(tmp_path, stream)
    store = Store.open(load_settings(config).store.path)
    store.save_health("replay", "replay", {
        "state": "auth_expired", "consecutive_failures": 3,
        "reason": "Weibo cookie expired at 14:05 — paste a new one into WEIBO_COOKIE",
        "refresh_error": "HTTP 432", "last_success": "2026-11-25T06:05:00+00:00"})
    store.close()
    result = CliRunner().invoke(cli, ["-c", str(config), "sources"], obj={})
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("replay"))
    assert "auth_expired" in row and "credentials expired" in row
    assert "11-25 14:05:00" in row  # shown in the configured zone, Asia/Shanghai
    assert "paste a new one into WEIBO_COOKIE; re-reading flagged posts failed: HTTP 432" in row
    assert "source kinds:" in result.output and "weibo" in result.output


def test_never_polled_source(tmp_path: Path, stream: Path) -> None:
    config = write_config(tmp_path, stream)
    result = CliRunner().invoke(cli, ["-c", str(config), "sources"], obj={})
    assert "never polled" in result.output
