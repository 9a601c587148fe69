"""Detector throughput and memory: 10,000 posts through `detect_many` in one process.

Prints posts/s of `Detector.detect_many`, posts/s of bare `jieba.lcut` over the same
posts in the same run, their ratio (target >= 0.7), and the peak memory of a process
that loads the detector and classifies 1,000 posts (target < 300 MB), each the median
of --runs runs.

Posts are built from the labeled corpus: each is a corpus post, half of them joined
with a sentence of another post, so they are unique and of realistic length
(roughly 20-250 characters, Chinese and English mixed as in the corpus).

Uses the model at $FLAREWATCH_MODEL or var/models/current; if there is none it trains
one into a temporary folder first (and says so).

    .venv/bin/python bench/bench_detector.py [--posts 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
SENTENCE = re.compile(r"[^。！？!?.\n]+[。！？!?.]?")


def make_posts(n: int, seed: int = 0) -> list[str]:
    """n unique posts of realistic length from the corpus (deterministic)."""
    texts = [json.loads(line)["text"] for p in sorted(CORPUS.glob("*.jsonl"))
             for line in p.read_text("utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    posts, seen = [], set()
    while len(posts) < n:
        text = rng.choice(texts)
        if rng.random() < 0.5:
            extra = SENTENCE.findall(rng.choice(texts)) or [""]
            text = f"{text} {rng.choice(extra).strip()}"
        if text not in seen or len(seen) >= len(texts) * 50:
            seen.add(text)
            posts.append(text)
    return posts


def model_path() -> Path:
    """The artifact to benchmark; trains a temporary one if none exists."""
    from detector.artifact import artifact_exists
    from detector.base import DEFAULT_MODEL_PATH, MODEL_ENV

    path = Path(os.environ.get(MODEL_ENV) or ROOT / DEFAULT_MODEL_PATH)
    if artifact_exists(path):
        return path
    from detector.train import train

    out = Path(tempfile.mkdtemp(prefix="flarewatch-bench-"))
    print(f"no model at {path}; training a temporary one in {out}", flush=True)
    return train(CORPUS, out_dir=out, holdout_metrics=False).path


def time_run(posts: list[str], path: Path) -> tuple[float, float]:
    """(seconds for jieba.lcut over posts, seconds for detect_many over posts)."""
    import jieba

    from detector import Detector, PostInput

    detector = Detector.load(path)
    inputs = [PostInput(text=t, platform="weibo") for t in posts]
    jieba.lcut("预热")
    detector.detect_many(inputs[:200])  # warm caches on both sides before timing
    start = time.perf_counter()
    for text in posts:
        jieba.lcut(text)
    jieba_s = time.perf_counter() - start
    start = time.perf_counter()
    detector.detect_many(inputs)
    return jieba_s, time.perf_counter() - start


# Peak RSS is VmHWM from /proc (Linux): ru_maxrss would carry over the parent's peak
# through fork + exec. tracemalloc runs in its own process: it slows Python's allocator
# and adds its own bookkeeping to the RSS.
MEMORY_SCRIPT = """
import re, resource, sys, tracemalloc
traced = sys.argv[2] == "traced"
if traced:
    tracemalloc.start()
from detector import Detector, PostInput
det = Detector.load(sys.argv[1])
posts = [PostInput(text=line) for line in sys.stdin.read().split("\\x1e") if line]
det.detect_many(posts)
if traced:
    print(tracemalloc.get_traced_memory()[1])
else:
    try:
        status = open("/proc/self/status").read()
        print(int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) * 1024)
    except OSError:  # not Linux: ru_maxrss (bytes on macOS)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _memory(posts: list[str], path: Path, mode: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(path), mode],
        input="\x1e".join(posts[:1000]), capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    return int(out.split()[-1]) / 2**20


def memory_run(posts: list[str], path: Path) -> tuple[float, float]:
    """(peak RSS MB, peak Python-traced MB) of a fresh process: load + 1,000 posts."""
    return _memory(posts, path, "rss"), _memory(posts, path, "traced")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    posts = make_posts(args.posts)
    path = model_path()
    chars = statistics.mean(len(p) for p in posts)
    print(f"detector bench: {len(posts)} posts, mean {chars:.0f} chars, model {path}")
    ratios, det_rates, jieba_rates = [], [], []
    for run in range(args.runs):
        jieba_s, det_s = time_run(posts, path)
        ratios.append(jieba_s / det_s)
        det_rates.append(len(posts) / det_s)
        jieba_rates.append(len(posts) / jieba_s)
        print(f"  run {run + 1}: detect_many {det_rates[-1]:,.0f} posts/s, "
              f"jieba.lcut {jieba_rates[-1]:,.0f} posts/s, ratio {ratios[-1]:.2f}")
    rss, traced = zip(*(memory_run(posts, path) for _ in range(args.runs)), strict=True)
    ratio = statistics.median(ratios)
    peak = statistics.median(rss)
    print(f"detect_many posts/s  {statistics.median(det_rates):,.0f} (median of {args.runs})")
    print(f"jieba.lcut posts/s   {statistics.median(jieba_rates):,.0f}")
    verdict = "ok" if ratio >= 0.7 else "MISSED"
    print(f"ratio                {ratio:.2f}  (target >= 0.70: {verdict})")
    print(f"peak RSS, loaded detector + 1,000 posts  {peak:.0f} MB  "
          f"(target < 300 MB: {'ok' if peak < 300 else 'MISSED'}); "
          f"Python-traced peak {statistics.median(traced):.0f} MB")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
