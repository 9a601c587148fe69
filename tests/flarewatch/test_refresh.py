"""Recently flagged posts are re-read by id each poll, so their velocity can be computed.

The real pipeline and store against the fake Mastodon server: a threat is stored, drops
out of the tag timeline (the cursor has moved past it), and is re-read through
`GET /api/v1/statuses?id[]=…`; each re-read adds an engagement snapshot.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from crawler.sources.mastodon import MastodonSource
from detector import RuleDetector
from flarewatch.config import Settings, StoreSettings, Watchlist
from flarewatch.pipeline import Pipeline, RefreshPolicy
from flarewatch.store import Store
from tests.crawler.fakeweb import FakeServer, Reply, Seen, fixture_json

TAG = "/api/v1/timelines/tag/xinghe"
STATUSES = "/api/v1/statuses"
THREAT = "星河电器再不退款我就去12315投诉你们，已经等了一个月"
PRAISE = "星河电器新款看起来不错，周末去看看"




class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def statuses(reblogs: int = 2, favourites: int = 8) -> list[dict[str, Any]]:
    threat, praise = fixture_json("mastodon_tag_timeline.json")
    threat.update(content=f"<p>{THREAT}</p>", spoiler_text="", reblogs_count=reblogs,
                  favourites_count=favourites, replies_count=1)
    praise.update(content=f"<p>{PRAISE}</p>", spoiler_text="")
    return [threat, praise]


@pytest.fixture
def setup(tmp_path: Path, server: FakeServer, http: httpx.Client
          ) -> Iterator[tuple[Pipeline, Store, Clock, MastodonSource]]:
    settings = Settings(store=StoreSettings(path=tmp_path / "fw.db"),
                        watchlist=Watchlist(keep_unrelated=True))
    store = Store.open(settings.store.path)
    clock = Clock()
    pipeline = Pipeline(settings, store, RuleDetector(), http=http, clock=clock,
                        refresh=RefreshPolicy(window=timedelta(hours=48),
                                              every=timedelta(minutes=15), per_poll=10))
    instance = fixture_json("mastodon_instance_v2.json")  # feeds public: empty is empty
    server.route("/api/v2/instance", Reply(200, instance))
    server.route(TAG, lambda seen: Reply(200, [] if seen.arg("min_id") else statuses()))
    source = MastodonSource(name="masto", base_url=server.url, tags=["xinghe"], interval="5m")
    yield pipeline, store, clock, source
    store.close()


def test_a_flagged_post_is_re_read_and_its_velocity_computed(
        server: FakeServer, setup: tuple[Pipeline, Store, Clock, MastodonSource]) -> None:
    pipeline, store, clock, source = setup
    first = pipeline.poll(source)
    assert first.stored_new == 2 and first.refreshed == 0
    threat_id = next(r["id"] for r in store.db.query("SELECT id FROM posts WHERE text = ?",
                                                     [THREAT]))
    assert store.incident_of(threat_id) is not None
    assert store.engagement_per_hour(threat_id) is None  # one snapshot: no velocity yet

    server.route(STATUSES, Reply(200, statuses(reblogs=120, favourites=300)[:1]))
    clock.now += timedelta(minutes=30)
    second = pipeline.poll(source)
    asked = server.hits(STATUSES)
    assert [seen.query["id[]"] for seen in asked] == [["113500000000000002"]]  # not praise
    assert (second.stored_new, second.refreshed, second.state) == (0, 1, "empty")
    assert store.count_posts() == 2
    assert store.db["metrics"].count == 3  # two first reads, one re-read
    post = store.post(threat_id)
    assert (post.reposts, post.likes) == (120, 300)
    # (120 + 1 + 300) - (2 + 1 + 8) gained in half an hour
    assert store.engagement_per_hour(threat_id) == pytest.approx(820.0)
    health = store.source_state("masto", "mastodon").health
    assert health["refreshed_last_poll"] == 1 and health["refresh_error"] is None

    clock.now += timedelta(minutes=5)
    pipeline.poll(source)
    assert len(server.hits(STATUSES)) == 1  # read 5 min ago: not asked again yet


def test_refresh_errors_are_recorded_not_raised(
        server: FakeServer, setup: tuple[Pipeline, Store, Clock, MastodonSource]) -> None:
    pipeline, store, clock, source = setup
    pipeline.poll(source)
    server.route(STATUSES, Reply(404, {"error": "Record not found"}))
    clock.now += timedelta(minutes=30)
    result = pipeline.poll(source)
    health = store.source_state("masto", "mastodon").health
    assert result.state == health["state"] == "empty"  # the poll itself was fine
    assert "4.3" in health["refresh_error"] and health["refresh_error_at"]
    server.route(STATUSES, Reply(200, statuses(reblogs=50)[:1]))
    clock.now += timedelta(minutes=30)
    assert pipeline.poll(source).refreshed == 1
    assert store.source_state("masto", "mastodon").health["refresh_error"] is None


def test_old_posts_are_no_longer_re_read(
        server: FakeServer, setup: tuple[Pipeline, Store, Clock, MastodonSource]) -> None:
    pipeline, _store, clock, source = setup
    pipeline.poll(source)
    seen: list[Seen] = []
    server.route(STATUSES, lambda request: seen.append(request) or Reply(200, []))
    clock.now += timedelta(hours=49)
    assert pipeline.poll(source).refreshed == 0 and seen == []


def test_a_failing_source_is_not_re_read(
        server: FakeServer, setup: tuple[Pipeline, Store, Clock, MastodonSource]) -> None:
    pipeline, _store, clock, source = setup
    pipeline.poll(source)
    server.route(TAG, Reply(429, {"error": "Too many requests"}, {"Retry-After": "600"}))
    clock.now += timedelta(minutes=30)
    result = pipeline.poll(source)
    assert result.state == "rate_limited" and result.refreshed == 0
    assert server.hits(STATUSES) == []
