"""Ingest throughput: a backfill of 100,000 posts from a local JSON API into the store.

A server on 127.0.0.1 (a thread in this process, answering from pages rendered before
the clock starts) serves the posts newest first, 100 per page, with a next-page cursor:
the shape of a 舆情 vendor's mention search (config/examples/jsonapi_listening_vendor.toml)
read by the real `jsonapi` connector. The real `Pipeline.poll` stores them in a real
SQLite store in a temporary folder, polling until the backfill is complete.

Two figures, measured apart and both reported:
- storage, on --posts posts, median of --runs runs, each on a fresh store: fetch + parse
  + watchlist match + upsert + engagement snapshot + jieba/FTS5 index + cursor, one
  transaction per page. Detection is switched off for this part: the bench replaces the
  pipeline's `detect_pending` with a no-op, so no detector runs.
- detection, on a smaller backfill of --detect-posts posts (one run): the same storage,
  then the pipeline's own `detect_pending()` scoring the stored posts with the rule-based
  detector (`RuleDetector`, not a trained model), incidents and alert routing included.
  It is measured on fewer posts because at a few hundred posts per second the full
  100,000 would not fit the bench's time budget; its rate is not extrapolated.
The HTTP client is the production one with the per-host pause set to 0 (production
waits 1 s between requests to one host; that is politeness, not ingest speed).

    .venv/bin/python bench/bench_ingest.py [--posts 100000] [--runs 3] [--detect-posts 10000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.http import HttpSettings, make_client  # noqa: E402
from crawler.sources.jsonapi import JsonApiSource  # noqa: E402
from detector import RuleDetector  # noqa: E402
from flarewatch.config import Settings, load_settings  # noqa: E402
from flarewatch.pipeline import Pipeline  # noqa: E402
from flarewatch.store import Store  # noqa: E402
from flarewatch.watchlist import Matcher  # noqa: E402

PAGE_SIZE = 100
DEMO = ROOT / "data" / "demo" / "stream.jsonl"
CONFIG = ROOT / "config" / "flarewatch.toml"


# --- the local API ------------------------------------------------------------------------


def make_pages(count: int, keep: Matcher) -> list[bytes]:
    """`count` distinct posts, newest first, as rendered response pages of PAGE_SIZE."""
    demo = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines() if line.strip()]
    # Only posts the watchlist keeps, so every served post is a post to store.
    demo = [d for d in demo if keep.keep(keep.match(d["text"]))]
    newest = datetime.now(UTC) - timedelta(minutes=1)
    items = []
    for i in range(count):
        d = demo[i % len(demo)]
        items.append({
            "mid": f"b{i:07d}", "content": f"{d['text']} #{i}",
            "author": {"uid": d["author_id"], "nickname": d["author_name"],
                       "fans": d.get("author_followers")},
            "publish_time": (newest - timedelta(seconds=5 * i)).isoformat(),
            "stats": {"reposts": d.get("reposts"), "comments": d.get("comments"),
                      "likes": d.get("likes")},
        })
    pages = []
    for start in range(0, count, PAGE_SIZE):
        more = start + PAGE_SIZE < count
        body = {"code": 0, "message": "success", "data": {
            "items": items[start:start + PAGE_SIZE],
            "page_info": {"next_cursor": f"p{start // PAGE_SIZE + 1}" if more else None}}}
        pages.append(json.dumps(body, ensure_ascii=False).encode())
    return pages


class Api:
    """GET /mentions?cursor=pN → page N (no cursor: page 0), as a vendor's search."""

    def __init__(self, pages: list[bytes]) -> None:
        self.pages = pages
        self.requests = 0
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_GET(self) -> None:
                api.requests += 1
                cursor = parse_qs(urlsplit(self.path).query).get("cursor", ["p0"])[0]
                index = int(cursor[1:]) if cursor[1:].isdigit() else 0
                body = api.pages[index] if index < len(api.pages) else b"{}"
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def source(url: str) -> JsonApiSource:
    return JsonApiSource.model_validate({
        "name": "bench", "platform": "vendor", "label": "The bench API", "base_url": url,
        "url": "/mentions", "params": {"cursor": "{cursor}", "limit": str(PAGE_SIZE)},
        "items": "data.items", "next_cursor": "data.page_info.next_cursor",
        "ok": "code == `0`", "error_message": "message",
        "fields": {"id": "mid", "text": "content", "author_id": "author.uid",
                   "author_name": "author.nickname", "author_followers": "author.fans",
                   "created_at": "publish_time", "reposts": "stats.reposts",
                   "comments": "stats.comments", "likes": "stats.likes"},
        "interval": "1m", "backfill_hours": 24 * 365, "max_pages": 1000})


# --- one run ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    served: int
    stored: int
    polls: int
    requests: int
    storage_s: float
    detected: int
    detection_s: float | None


def one_run(settings: Settings, api: Api, expected: int, detect: bool) -> Run:
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as folder:
        settings.store.path = Path(folder) / "fw.db"
        store = Store.open(settings.store.path)
        http = make_client(HttpSettings(host_interval=0.0))
        pipeline = Pipeline(settings, store, RuleDetector(), http=http)
        run_detection = pipeline.detect_pending
        pipeline.detect_pending = lambda: 0  # type: ignore[method-assign]  # storage only
        api.requests = 0
        cfg = source(api.url)
        started = time.perf_counter()
        polls = 0
        while store.count_posts() < expected and polls < expected // PAGE_SIZE + 5:
            result = pipeline.poll(cfg)
            polls += 1
            if result.state not in ("ok", "empty"):
                raise SystemExit(f"poll failed: {result.summary()}")
            print(f"   poll {polls}: {result.stored_new:,} stored", file=sys.stderr, flush=True)
        storage_s = time.perf_counter() - started
        stored, requests = store.count_posts(), api.requests
        detected, detection_s = 0, None
        if detect:
            started = time.perf_counter()
            detected = run_detection()
            detection_s = time.perf_counter() - started
        store.close()
        http.close()
    return Run(expected, stored, polls, requests, storage_s, detected, detection_s)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--detect-posts", type=int, default=10_000,
                        help="posts of the separate backfill that also times detection "
                             "(0: skip)")
    args = parser.parse_args()
    settings = load_settings(CONFIG, environ={})
    settings.sources = []
    runs = [run_logged(settings, args.posts, False, f"storage run {n + 1}")
            for n in range(args.runs)]
    detected = (run_logged(settings, args.detect_posts, True, "detection run")
                if args.detect_posts else None)
    report(runs, detected)
    complete = [*runs, *([detected] if detected else [])]
    return 0 if all(r.stored == r.served for r in complete) else 1


def run_logged(settings: Settings, posts: int, detect: bool, label: str) -> Run:
    print(f"serving {posts:,} posts in {posts // PAGE_SIZE:,} pages…", flush=True)
    api = Api(make_pages(posts, Matcher(settings.watchlist)))
    try:
        run = one_run(settings, api, posts, detect)
    finally:
        api.close()
    detection = (f", then detection of {run.detected:,} in {run.detection_s:.1f} s"
                 if run.detection_s is not None else "")
    print(f"{label}: stored {run.stored:,} in {run.storage_s:.1f} s "
          f"({run.polls} polls, {run.requests:,} requests){detection}", flush=True)
    return run


def report(runs: list[Run], detected: Run | None) -> None:
    storage = statistics.median(r.storage_s for r in runs)
    posts = runs[0].served
    rows = [("storage: posts served / stored", f"{posts:,} / {runs[-1].stored:,}"),
            ("storage: runs (median of)", str(len(runs))),
            ("storage: posts stored per second", f"{posts / storage:,.0f}"),
            ("storage: time to backfill", f"{storage:.1f} s")]
    if detected is not None and detected.detection_s:
        rows += [("detection run: posts", f"{detected.served:,}"),
                 ("detection run: stored per second",
                  f"{detected.served / detected.storage_s:,.0f}"),
                 ("detection run: scored per second (RuleDetector)",
                  f"{detected.detected / detected.detection_s:,.0f}"),
                 ("detection run: backfill incl. detection",
                  f"{detected.storage_s + detected.detection_s:.1f} s")]
    width = max(len(name) for name, _ in rows)
    print()
    for name, value in rows:
        print(f"  {name:<{width}}  {value:>16}")


if __name__ == "__main__":
    raise SystemExit(main())
