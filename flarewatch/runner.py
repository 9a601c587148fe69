"""`flarewatch run`: one APScheduler job per enabled source, stopped cleanly by a signal.

Jobs run in a small thread pool; each poll opens its own store connection (SQLite
connections belong to one thread). SIGINT or SIGTERM sets a stop flag that the poll
checks between pages, so the transaction in progress finishes and nothing is half
written; the scheduler then waits for running jobs before the process exits.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import httpx
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from crawler.base import SourceConfig
from crawler.health import SourceHealth
from crawler.http import make_client
from flarewatch.config import Settings
from flarewatch.durations import parse_interval
from flarewatch.pipeline import DetectorLike, Pipeline
from flarewatch.store import Store

log = logging.getLogger("flarewatch.run")


def poll_once(settings: Settings, detector: DetectorLike, http: httpx.Client,
              source: SourceConfig, stop: threading.Event) -> None:
    """One scheduled poll, unless the source's backoff says to wait."""
    store = Store.open(settings.store.path)
    try:
        health = SourceHealth.from_json(store.source_state(source.name, source.kind).health)
        wait_until = health.next_poll_after
        # Only a failing source waits past its own interval (backoff, Retry-After).
        if health.consecutive_failures and wait_until and wait_until > datetime.now(UTC):
            log.info("source=%s backing off until %s", source.name, wait_until.isoformat())
            return
        result = Pipeline(settings, store, detector, http=http, stop=stop).poll(source)
        log.info("poll %s", result.summary())
    except Exception:
        log.exception("poll of source %s failed", source.name)
    finally:
        store.close()


def run(settings: Settings, detector: DetectorLike, with_dashboard: bool = False,
        config_path: Path | None = None, port: int = 8501) -> None:
    stop = threading.Event()
    scheduler = BackgroundScheduler(executors={"default": ThreadPoolExecutor(4)},
                                    timezone=settings.timezone)
    http = make_client(settings.http.client_settings())
    for source in settings.sources:
        if source.enabled:
            _schedule(scheduler, settings, detector, http, source, stop)
    dashboard = start_dashboard(config_path, port) if with_dashboard else None

    def _on_signal(signum: int, _frame: object) -> None:
        log.info("received %s; finishing the current poll", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    scheduler.start()
    log.info("running %d source(s); Ctrl-C stops", len(scheduler.get_jobs()))
    try:
        while not stop.wait(0.5):
            if dashboard is not None and dashboard.poll() is not None:
                log.error("the dashboard exited with code %s", dashboard.returncode)
                stop.set()
    finally:
        scheduler.shutdown(wait=True)
        http.close()
        if dashboard is not None and dashboard.poll() is None:
            dashboard.terminate()
            dashboard.wait(timeout=10)
        log.info("stopped")


def _schedule(scheduler: BackgroundScheduler, settings: Settings, detector: DetectorLike,
              http: httpx.Client, source: SourceConfig, stop: threading.Event) -> None:
    seconds = parse_interval(source.interval)
    scheduler.add_job(
        poll_once,
        IntervalTrigger(seconds=seconds, jitter=min(30.0, seconds * 0.1)),
        args=[settings, detector, http, source, stop],
        id=f"poll:{source.name}",
        max_instances=1,
        coalesce=True,
        next_run_time=datetime.now(UTC),
        misfire_grace_time=None,
    )


def start_dashboard(config_path: Path | None, port: int) -> subprocess.Popen[bytes]:
    app = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    if config_path is not None:
        cmd += ["--", "--config", str(config_path)]
    log.info("dashboard on http://localhost:%d", port)
    return subprocess.Popen(cmd)
