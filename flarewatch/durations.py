"""Parse human intervals such as "30s", "5m", "1h30m" into seconds."""

from __future__ import annotations

import re

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_interval(text: str) -> float:
    """Return seconds for `text`; raise ValueError with the accepted forms otherwise."""
    compact = text.strip().lower().replace(" ", "")
    parts = _PART.findall(compact)
    if not compact or "".join(n + u for n, u in parts) != compact:
        raise ValueError(f"{text!r} is not an interval; write e.g. '30s', '5m', '1h30m' or '2d'")
    return sum(float(n) * _UNIT_SECONDS[u] for n, u in parts)
