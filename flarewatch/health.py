"""Turn one poll's outcome into the source's stored health record (a JSON-able dict)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

from crawler.base import Page
from flarewatch.store import utc_iso

MAX_BACKOFF = timedelta(hours=1)


class PollOutcome(Protocol):
    state: str
    reason: str
    stored_new: int


def record_poll(previous: dict[str, Any], result: PollOutcome, page: Page,
                now: datetime) -> dict[str, Any]:
    """The new health record after a poll; failures back off, success resets."""
    health = dict(previous)
    health["last_attempt"] = utc_iso(now)
    health["state"] = result.state
    health["reason"] = result.reason
    health["posts_last_poll"] = result.stored_new
    if result.state in ("ok", "empty"):
        health["last_success"] = utc_iso(now)
        health["consecutive_failures"] = 0
        health["next_poll_after"] = None
        if result.stored_new:
            health["last_new_post"] = utc_iso(now)
        return health
    failures = int(previous.get("consecutive_failures", 0)) + 1
    health["consecutive_failures"] = failures
    health["last_error"] = result.reason
    wait = min(MAX_BACKOFF, timedelta(seconds=30 * 2 ** (failures - 1)))
    if page.retry_after:
        wait = max(wait, timedelta(seconds=page.retry_after))
    health["next_poll_after"] = utc_iso(now + wait)
    return health
