"""The sources table for `flarewatch sources`: state and reason in plain words."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flarewatch.config import Settings
from flarewatch.store import Store

STATE_WORDS = {
    "ok": "working",
    "empty": "answering, nothing new",
    "rate_limited": "rate limited by the platform",
    "auth_required": "needs credentials",
    "auth_expired": "credentials expired",
    "challenge": "blocked by a captcha or visitor check",
    "blocked": "blocked by the platform",
    "feed_disabled": "feed switched off by the server",
    "truncated": "results cut off at the platform's cap",
    "schema_changed": "answer no longer has the expected shape",
    "silent": "answering, but silent for far longer than usual",
    "error": "failing",
}


def source_rows(settings: Settings, store: Store) -> list[dict[str, str]]:
    zone = ZoneInfo(settings.timezone)
    rows = []
    for source in settings.sources:
        health = store.source_state(source.name, source.kind).health
        state = health.get("state", "never polled") if source.enabled else "disabled"
        rows.append({
            "source": source.name,
            "kind": source.kind,
            "state": state,
            "meaning": STATE_WORDS.get(state, ""),
            "last success": _local(health.get("last_success"), zone),
            "failures": str(health.get("consecutive_failures", 0)),
            "new last poll": str(health.get("new_posts_last_poll", "")),
            "reason": _reason(health),
        })
    return rows


def _reason(health: dict[str, Any]) -> str:
    """The poll's reason, and the re-reading of flagged posts when that failed."""
    parts = [health.get("reason") or "", health.get("refresh_error") or ""]
    if parts[1]:
        parts[1] = f"re-reading flagged posts failed: {parts[1]}"
    return "; ".join(p for p in parts if p)


def source_table(settings: Settings, store: Store) -> str:
    rows = source_rows(settings, store)
    if not rows:
        return "no sources configured"
    headers = list(rows[0])
    widths = {h: max(len(h), *(_width(r[h]) for r in rows)) for h in headers[:-1]}
    lines = ["  ".join(h.ljust(widths.get(h, 0)) for h in headers)]
    for row in rows:
        cells = [row[h] + " " * (widths[h] - _width(row[h])) for h in headers[:-1]]
        lines.append("  ".join([*cells, row["reason"]]))
    return "\n".join(lines)


def _local(iso: str | None, zone: ZoneInfo) -> str:
    if not iso:
        return "never"
    return datetime.fromisoformat(iso).astimezone(zone).strftime("%m-%d %H:%M:%S")


def _width(text: str) -> int:
    """Terminal width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
