"""A source's health: pure functions from (previous record, one poll's outcome, now).

The poller keeps one `SourceHealth` per source (as JSON, `to_json` / `from_json`), turns
the pages of a poll into a `PollOutcome` with `outcome_of`, and stores `after_poll`'s
result. A failing source backs off by itself (exponential, capped, never sooner than
the platform's Retry-After) and recovers by itself on the next good poll. A source that
answers but brings nothing new for far longer than its own history says is normal is
`silent`: the worst failure of a monitor is the one that looks like a quiet day.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, get_args

from crawler.base import HealthState, Page

FAILURES: frozenset[str] = frozenset({"rate_limited", "auth_required", "auth_expired",
                                      "challenge", "blocked", "feed_disabled",
                                      "schema_changed", "error"})
MAX_RETRY_AFTER = timedelta(days=1)  # a platform's wait beyond this is a broken header


@dataclass(frozen=True)
class HealthPolicy:
    interval: timedelta = timedelta(minutes=5)  # the source's normal poll interval
    backoff_cap: timedelta = timedelta(hours=6)
    silence_factor: float = 6.0  # silent after this many typical gaps without a new post
    silence_floor: timedelta = timedelta(hours=1)
    min_gaps: int = 5  # gaps needed before the source's rhythm is trusted
    keep_gaps: int = 50


@dataclass(frozen=True)
class SourceHealth:
    state: HealthState = "ok"
    reason: str = ""
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    consecutive_failures: int = 0
    posts_last_poll: int = 0
    new_posts_last_poll: int = 0
    next_poll_after: datetime | None = None
    last_new_post_at: datetime | None = None
    quiet_since: datetime | None = None  # since when we could have seen new posts but did not
    gaps: tuple[float, ...] = field(default=())  # seconds between polls that brought new posts
    # Re-reads of flagged posts for engagement: recorded here, never the source's state.
    last_refresh_at: datetime | None = None
    refreshed_last_poll: int = 0
    refresh_error: str | None = None
    refresh_error_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = value.isoformat()
        data["gaps"] = list(self.gaps)
        return data

    @classmethod
    def from_json(cls, data: object) -> SourceHealth:
        """A record from stored JSON; missing or broken values fall back to defaults."""
        if not isinstance(data, dict):
            return cls()
        state, reason, error = data.get("state"), data.get("reason"), data.get("last_error")
        refresh_error = data.get("refresh_error")
        gaps = data.get("gaps") if isinstance(data.get("gaps"), list) else []
        return cls(
            state=state if state in get_args(HealthState) else "ok",
            reason=reason if isinstance(reason, str) else "",
            last_error=error if isinstance(error, str) else None,
            refresh_error=refresh_error if isinstance(refresh_error, str) else None,
            gaps=tuple(float(g) for g in gaps if isinstance(g, int | float)),
            **{name: _time(data.get(name)) for name in _TIMES},
            **{name: _count(data.get(name)) for name in _COUNTS},
        )


_TIMES = ("last_attempt", "last_success", "last_error_at", "next_poll_after",
          "last_new_post_at", "quiet_since", "last_refresh_at", "refresh_error_at")
_COUNTS = ("consecutive_failures", "posts_last_poll", "new_posts_last_poll",
           "refreshed_last_poll")


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


@dataclass(frozen=True)
class PollOutcome:
    state: HealthState
    reason: str = ""
    posts: int = 0  # posts the pages carried
    new_posts: int = 0  # of those, posts the store did not have yet
    retry_after: float | None = None


def outcome_of(pages: Sequence[Page], new_posts: int) -> PollOutcome:
    """One poll's outcome from its pages: a failure wins, then truncation, then posts."""
    posts = sum(len(p.posts) for p in pages)
    waits = [p.retry_after for p in pages if p.retry_after is not None]
    wait = max(waits) if waits else None
    failed = [p for p in pages if p.state in FAILURES]
    if failed:
        return PollOutcome(failed[-1].state, failed[-1].reason, posts, new_posts, wait)
    truncated = [p for p in pages if p.state == "truncated"]
    if truncated:
        return PollOutcome("truncated", truncated[-1].reason, posts, new_posts, wait)
    notes = [p.reason for p in pages if p.reason]
    return PollOutcome("ok" if posts else "empty", notes[-1] if notes else "", posts,
                       new_posts, wait)


def after_poll(prev: SourceHealth, outcome: PollOutcome, now: datetime,
               policy: HealthPolicy | None = None) -> SourceHealth:
    """The new health record after one poll."""
    policy = policy or HealthPolicy()
    counted = replace(prev, last_attempt=now, posts_last_poll=outcome.posts,
                      new_posts_last_poll=outcome.new_posts)
    if outcome.state in FAILURES:
        return _failed(counted, outcome, now, policy)
    return _succeeded(counted, outcome, now, policy)


def _failed(prev: SourceHealth, outcome: PollOutcome, now: datetime,
            policy: HealthPolicy) -> SourceHealth:
    failures = prev.consecutive_failures + 1
    backoff = min(policy.backoff_cap, policy.interval * 2 ** min(failures - 1, 30))
    asked = timedelta(seconds=outcome.retry_after or 0)
    return replace(prev, state=outcome.state, reason=outcome.reason, last_error=outcome.reason,
                   last_error_at=now, consecutive_failures=failures,
                   next_poll_after=now + max(backoff, min(asked, MAX_RETRY_AFTER)))


def _succeeded(prev: SourceHealth, outcome: PollOutcome, now: datetime,
               policy: HealthPolicy) -> SourceHealth:
    gaps, last_new, quiet = prev.gaps, prev.last_new_post_at, prev.quiet_since
    if outcome.new_posts:
        if last_new is not None:
            gaps = (*gaps, (now - last_new).total_seconds())[-policy.keep_gaps:]
        last_new, quiet = now, now
    elif prev.consecutive_failures or quiet is None:
        quiet = now  # blind while failing (or new): silence counts from now
    wait = min(timedelta(seconds=outcome.retry_after or 0), MAX_RETRY_AFTER)
    record = replace(prev, state=outcome.state, reason=outcome.reason, last_success=now,
                     consecutive_failures=0, next_poll_after=now + max(policy.interval, wait),
                     last_new_post_at=last_new, quiet_since=quiet, gaps=gaps)
    return _with_silence(record, now, policy)


def after_refresh(prev: SourceHealth, refreshed: int, error: str | None,
                  now: datetime) -> SourceHealth:
    """Record a re-read of flagged posts. It leaves the state alone: a poll that found
    the source healthy stays the verdict, and a failing source is not re-read at all."""
    return replace(prev, last_refresh_at=now, refreshed_last_poll=refreshed,
                   refresh_error=error,
                   refresh_error_at=now if error else prev.refresh_error_at)


def silence_threshold(gaps: Sequence[float], policy: HealthPolicy) -> timedelta | None:
    """How long without a new post is abnormal for this source; None until it is learned."""
    if len(gaps) < policy.min_gaps:
        return None
    typical = timedelta(seconds=statistics.median(gaps))
    return max(typical * policy.silence_factor, policy.silence_floor)


def _with_silence(record: SourceHealth, now: datetime, policy: HealthPolicy) -> SourceHealth:
    threshold = silence_threshold(record.gaps, policy)
    if threshold is None or record.new_posts_last_poll or record.quiet_since is None:
        return record
    quiet_for = now - record.quiet_since
    if quiet_for <= threshold:
        return record
    typical = timedelta(seconds=statistics.median(record.gaps))
    return replace(record, state="silent",
                   reason=f"No new posts for {_words(quiet_for)}, though this source usually "
                          f"brings one every {_words(typical)}. It answers, but may have stopped "
                          "delivering: check its feed or login.")


def _words(span: timedelta) -> str:
    minutes = span.total_seconds() / 60
    if minutes < 90:
        return f"{max(1, round(minutes))} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h".replace(".0 h", " h")
    return f"{minutes / 1440:.1f} days".replace(".0 days", " days")
