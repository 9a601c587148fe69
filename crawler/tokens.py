"""An in-process cache of access tokens and sessions, shared by polls of one source.

Platforms limit how often a token or session may be created (Bluesky: 30 sessions per
5 minutes per account), so a connector keeps what it got until the platform says it
expired. Entries are keyed by endpoint and account name, never by the secret.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

EXPIRY_MARGIN = 60.0  # seconds: renew a little before the platform's own deadline


@dataclass(frozen=True)
class Entry:
    values: dict[str, str]
    expires_at: float | None  # monotonic seconds; None = until the platform refuses it
    created_at: float


class TokenCache:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._entries: dict[tuple[str, ...], Entry] = {}
        self._created: dict[tuple[str, ...], float] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> dict[str, str] | None:
        with self._lock:
            entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.expires_at is not None and self.clock() >= entry.expires_at - EXPIRY_MARGIN:
            return None
        return entry.values

    def put(self, key: tuple[str, ...], values: dict[str, str], ttl: float | None,
            created: bool = True) -> None:
        """Store a token; `created` is False for a refresh, which is not a new session."""
        now = self.clock()
        with self._lock:
            self._entries[key] = Entry(values, None if ttl is None else now + ttl, now)
            if created:
                self._created[key] = now

    def drop(self, key: tuple[str, ...]) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def seconds_since_created(self, key: tuple[str, ...]) -> float | None:
        with self._lock:
            created = self._created.get(key)
        return None if created is None else self.clock() - created

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._created.clear()
