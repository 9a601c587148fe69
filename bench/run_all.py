"""Run every benchmark under bench/ (files named bench_*.py), each in its own process so
one's memory does not colour another's, and print their figures as they come."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    failed = []
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        print(f"== {script.stem}", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)])
        print(f"   ({time.perf_counter() - started:.0f} s, exit {code})", flush=True)
        if code:
            failed.append(script.stem)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
