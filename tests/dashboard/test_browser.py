"""The whole system in a real browser: `flarewatch run --dashboard` on the demo config and
stream, Chromium (Debian's) driven by Playwright, the queue checked as a person sees it."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.streams import rules_env

ROOT = Path(__file__).parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
    reason="Chromium is not installed (make test installs it)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _demo_config(tmp_path: Path) -> Path:
    """The shipped config, with its store moved to a temp folder."""
    text = (ROOT / "config/flarewatch.toml").read_text(encoding="utf-8")
    text = text.replace('path = "var/flarewatch.db"', f'path = "{tmp_path / "demo.db"}"')
    text = text.replace('path = "data/demo/stream.jsonl"',
                        f'path = "{ROOT / "data/demo/stream.jsonl"}"')
    config = tmp_path / "flarewatch.toml"
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture
def running(tmp_path: Path) -> tuple[int, float]:
    port = _free_port()
    env = rules_env()
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "flarewatch.cli", "-c", str(_demo_config(tmp_path)), "run",
         "--dashboard", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield port, started
    proc.terminate()
    assert proc.wait(timeout=60) == 0


def test_demo_queue_shows_ranked_incidents_within_a_minute(running: tuple[int, float],
                                                           tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    port, started = running
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        _open_when_up(page, f"http://127.0.0.1:{port}/", started)
        summaries = page.locator("[data-testid='stExpander'] summary")
        summaries.first.wait_for(timeout=max(1, 60 - (time.monotonic() - started)) * 1000)
        elapsed = time.monotonic() - started
        while summaries.count() < 3 and time.monotonic() - started < 60:
            page.wait_for_timeout(1000)
        labels = summaries.all_inner_texts()
        page.screenshot(path=str(tmp_path / "queue.png"), full_page=True)
        browser.close()
    assert elapsed < 60, f"the first incident showed after {elapsed:.0f} s"
    assert len(labels) >= 3, labels
    severities = [_severity(label) for label in labels]
    assert severities == sorted(severities, reverse=True)
    assert any(brand in " ".join(labels) for brand in ("极川汽车", "柚选生鲜", "星岚宽带"))


def _severity(label: str) -> int:
    """The severity badge opens the expander's label (after the arrow icon's name)."""
    found = re.search(r"(?m)^\s*(\d+)\s", label)
    assert found, f"no severity in {label!r}"
    return int(found.group(1))


def _open_when_up(page: object, url: str, started: float) -> None:
    deadline = started + 60
    while True:
        try:
            page.goto(url, timeout=5000)  # type: ignore[attr-defined]
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
