"""Killing `flarewatch run` mid-poll loses no post and duplicates none (real subprocess)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.streams import rules_env, stream_lines, write_config

TOTAL = 4000


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def _start(config: Path, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "flarewatch.cli", "-c", str(config), "run"],
                            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=rules_env())


def _wait_for(proc: subprocess.Popen[bytes], predicate: Callable[[], bool],
              timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise AssertionError(f"flarewatch run exited with {proc.returncode}: {err}")
        time.sleep(0.02)
    return False


def test_sigkill_mid_poll_then_restart_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    stream = tmp_path / "stream.jsonl"
    stream.write_text("\n".join(stream_lines(TOTAL)) + "\n", encoding="utf-8")
    config = write_config(tmp_path, stream, page_size=5, max_pages=1000)
    db = tmp_path / "fw.db"
    posts = "SELECT count(*) FROM posts"

    proc = _start(config, tmp_path)
    try:
        assert _wait_for(proc, lambda: _count(db, posts) >= 300, timeout=120), "nothing was stored"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        proc.kill()
    stored_at_kill = _count(db, posts)
    assert 0 < stored_at_kill < TOTAL, "the kill must land in the middle of the poll"

    proc = _start(config, tmp_path)
    try:
        done = _wait_for(proc, lambda: _count(db, "SELECT count(*) FROM detections") >= TOTAL, 180)
        assert done, f"only {_count(db, posts)} of {TOTAL} posts after the restart"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()

    assert _count(db, posts) == TOTAL
    assert _count(db, "SELECT count(DISTINCT native_id) FROM posts") == TOTAL
    assert _count(db, "SELECT count(*) FROM detections") == TOTAL
    assert _count(db, "SELECT count(*) FROM (SELECT post_id FROM incident_posts"
                      " GROUP BY post_id HAVING count(*) > 1)") == 0


def test_sigterm_stops_cleanly(tmp_path: Path) -> None:
    stream = tmp_path / "stream.jsonl"
    stream.write_text("\n".join(stream_lines(50)) + "\n", encoding="utf-8")
    config = write_config(tmp_path, stream)
    proc = _start(config, tmp_path)
    try:
        assert _wait_for(proc, lambda: _count(tmp_path / "fw.db", "SELECT count(*) FROM detections")
                         == 50, timeout=120)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
    assert b"Traceback" not in (proc.stderr.read() if proc.stderr else b"")
