"""Regenerate the README's dashboard screenshots: replay the whole demo stream into a temp
store with the trained model, serve the dashboard and photograph it in Chromium.

    .venv/bin/python docs/take_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from flarewatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]
PORT = 8599


def demo_config(folder: Path) -> Path:
    text = (ROOT / "config/flarewatch.toml").read_text(encoding="utf-8")
    text = text.replace('path = "var/flarewatch.db"', f'path = "{folder / "demo.db"}"')
    text = text.replace('path = "data/demo/stream.jsonl"',
                        f'path = "{ROOT / "data/demo/stream.jsonl"}"')
    text = text.replace("speedup = 1500", "speedup = 0")
    config = folder / "flarewatch.toml"
    config.write_text(text, encoding="utf-8")
    return config


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "FLAREWATCH_MODEL": str(ROOT / "var/models/current")}
    with tempfile.TemporaryDirectory() as tmp:
        config = demo_config(Path(tmp))
        cli = [sys.executable, "-m", "flarewatch.cli", "-c", str(config)]
        subprocess.run([*cli, "poll"], check=True, env=env, capture_output=True)
        server = subprocess.Popen([*cli, "dashboard", "--port", str(PORT)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(6)
            shoot(f"http://127.0.0.1:{PORT}", top_incident(Path(tmp) / "demo.db"))
        finally:
            server.terminate()
            server.wait(timeout=30)


def top_incident(db: Path) -> int:
    """The incident at the head of the queue, to show it opened."""
    store = Store.open(db)
    try:
        return store.ranked_incidents(limit=1)[0].id
    finally:
        store.close()


def shoot(url: str, incident: int) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(f"{url}/?incident={incident}")
        page.locator("[data-testid='stExpander']").first.wait_for(timeout=30_000)
        page.wait_for_timeout(2500)
        page.screenshot(path=str(OUT / "queue.png"))
        page.goto(f"{url}/sources")
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(OUT / "sources.png"))
        browser.close()


if __name__ == "__main__":
    main()
