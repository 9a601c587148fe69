"""Source health: backoff, recovery, silence learned from the source's own rhythm."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from crawler.base import Page, RawPost
from crawler.health import (
    HealthPolicy,
    PollOutcome,
    SourceHealth,
    after_poll,
    outcome_of,
    silence_threshold,
)

T0 = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
POLICY = HealthPolicy(interval=timedelta(minutes=5), backoff_cap=timedelta(hours=1))
POST = RawPost(platform="x", native_id="1", text="t")


def test_failures_back_off_exponentially_capped_then_recover() -> None:
    health = SourceHealth()
    waits = []
    now = T0
    for _ in range(6):
        health = after_poll(health, PollOutcome("error", "Could not reach X"), now, POLICY)
        assert health.next_poll_after is not None
        waits.append(health.next_poll_after - now)
        now = health.next_poll_after
    assert [w.total_seconds() / 60 for w in waits] == [5, 10, 20, 40, 60, 60]
    assert health.consecutive_failures == 6 and health.state == "error"
    recovered = after_poll(health, PollOutcome("ok", posts=3, new_posts=3), now, POLICY)
    assert (recovered.state, recovered.consecutive_failures) == ("ok", 0)
    assert recovered.last_error == "Could not reach X" and recovered.last_success == now
    assert recovered.next_poll_after == now + timedelta(minutes=5)


def test_retry_after_is_honoured_and_bounded() -> None:
    limited = after_poll(SourceHealth(), PollOutcome("rate_limited", retry_after=7200), T0, POLICY)
    assert limited.next_poll_after == T0 + timedelta(hours=2)  # beyond the backoff cap
    absurd = after_poll(SourceHealth(), PollOutcome("rate_limited", retry_after=1e9), T0, POLICY)
    assert absurd.next_poll_after == T0 + timedelta(days=1)
    spent = after_poll(SourceHealth(), PollOutcome("ok", posts=1, retry_after=600), T0, POLICY)
    assert spent.next_poll_after == T0 + timedelta(minutes=10)


def regular_source(gap: timedelta, count: int) -> tuple[SourceHealth, datetime]:
    health, now = SourceHealth(), T0
    for _ in range(count):
        health = after_poll(health, PollOutcome("ok", posts=2, new_posts=2), now, POLICY)
        now += gap
    return health, now - gap


def test_silent_after_far_longer_than_its_usual_gaps() -> None:
    health, last = regular_source(timedelta(minutes=30), 8)
    assert silence_threshold(health.gaps, POLICY) == timedelta(hours=3)
    quiet = after_poll(health, PollOutcome("ok", posts=5, new_posts=0),
                       last + timedelta(hours=2), POLICY)
    assert quiet.state == "ok"  # old posts again, but within its rhythm
    silent = after_poll(quiet, PollOutcome("empty"), last + timedelta(hours=3, minutes=5), POLICY)
    assert silent.state == "silent"
    assert "3.1 h" in silent.reason and "30 min" in silent.reason
    back = after_poll(silent, PollOutcome("ok", posts=1, new_posts=1),
                      last + timedelta(hours=4), POLICY)
    assert back.state == "ok"


def test_busy_source_uses_the_floor_and_new_source_is_never_silent() -> None:
    busy, last = regular_source(timedelta(minutes=5), 10)
    assert silence_threshold(busy.gaps, POLICY) == timedelta(hours=1)
    assert after_poll(busy, PollOutcome("empty"), last + timedelta(minutes=50),
                      POLICY).state == "empty"
    assert after_poll(busy, PollOutcome("empty"), last + timedelta(minutes=70),
                      POLICY).state == "silent"
    young, last = regular_source(timedelta(minutes=5), 3)
    assert after_poll(young, PollOutcome("empty"), last + timedelta(days=3),
                      POLICY).state == "empty"


def test_time_spent_failing_does_not_count_as_silence() -> None:
    health, last = regular_source(timedelta(minutes=10), 8)
    now = last
    for _ in range(10):  # ten hours of a broken login
        now += timedelta(hours=1)
        health = after_poll(health, PollOutcome("auth_expired", "cookie expired"), now, POLICY)
    recovered = after_poll(health, PollOutcome("empty"), now + timedelta(minutes=5), POLICY)
    assert recovered.state == "empty"


def test_outcome_of_pages() -> None:
    ok = Page(posts=[POST], cursor="a")
    limited = Page.failed("rate_limited", "slow down", "a", retry_after=60)
    truncated = Page(posts=[POST], cursor="b", state="truncated", reason="cap")
    assert outcome_of([ok, limited], new_posts=1) == PollOutcome(
        "rate_limited", "slow down", 1, 1, 60)
    assert outcome_of([ok, truncated], 0).state == "truncated"
    assert outcome_of([Page(posts=[], cursor=None, state="empty")], 0).state == "empty"
    assert outcome_of([ok], 1).state == "ok"


def test_json_round_trip_and_tolerant_load() -> None:
    health, _ = regular_source(timedelta(minutes=30), 6)
    health = after_poll(health, PollOutcome("blocked", "HTTP 403"), T0 + timedelta(days=1), POLICY)
    stored = json.loads(json.dumps(health.to_json()))
    assert SourceHealth.from_json(stored) == health
    assert SourceHealth.from_json({"state": "bogus", "gaps": ["x", 5], "consecutive_failures":
                                   "3", "last_attempt": "not a date"}) == SourceHealth(gaps=(5.0,))
    assert SourceHealth.from_json(None) == SourceHealth()
