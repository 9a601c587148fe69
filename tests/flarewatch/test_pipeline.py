"""Polling end to end against a real SQLite file: idempotent, grouped, routed."""

from __future__ import annotations

import json
from pathlib import Path

from detector import RuleDetector
from flarewatch.config import Settings
from flarewatch.pipeline import Pipeline
from flarewatch.store import Store
from tests.streams import stream_lines


def _pipeline(settings: Settings) -> tuple[Pipeline, Store]:
    store = Store.open(settings.store.path)
    return Pipeline(settings, store, RuleDetector()), store


def test_polling_twice_stores_each_post_once(settings: Settings) -> None:
    pipeline, store = _pipeline(settings)
    first = pipeline.poll(settings.sources[0])
    second = pipeline.poll(settings.sources[0])
    assert (first.stored_new, second.stored_new) == (60, 0)
    assert store.count_posts() == 60
    assert second.state == "empty"


def test_a_fresh_cursor_over_the_same_data_duplicates_nothing(settings: Settings) -> None:
    pipeline, store = _pipeline(settings)
    pipeline.poll(settings.sources[0])
    store.save_cursor("replay", "replay", None)  # as if the cursor had been lost
    again = pipeline.poll(settings.sources[0])
    assert again.stored_new == 0 and again.updated == 60
    assert store.count_posts() == 60
    assert store.db["detections"].count == 60


def test_every_post_is_scored_and_escalations_open_incidents(settings: Settings) -> None:
    pipeline, store = _pipeline(settings)
    pipeline.poll(settings.sources[0])
    stages = {r["stage"] for r in store.db.query("SELECT stage FROM detections")}
    assert {"threat", "public"} <= stages
    incidents = store.ranked_incidents()
    assert incidents, "threats and public posts should open incidents"
    assert [i.severity for i in incidents] == sorted((i.severity for i in incidents),
                                                     reverse=True)
    for incident in incidents:
        assert incident.post_count == len(store.incident_posts(incident.id))


def test_alerts_are_queued_once_per_incident_and_level(settings: Settings) -> None:
    pipeline, store = _pipeline(settings)
    pipeline.poll(settings.sources[0])
    queued = store.outbox()
    assert queued, "yellow-or-worse incidents are routed to the pr route"
    keys = [row["dedup_key"] for row in queued]
    assert len(keys) == len(set(keys))
    store.save_cursor("replay", "replay", None)
    pipeline.poll(settings.sources[0])
    assert len(store.outbox()) == len(queued)


def test_engagement_snapshots_are_kept_for_velocity(tmp_path: Path, settings: Settings) -> None:
    first = json.loads(stream_lines(1)[0])
    later = {**first, "t": "2026-11-23T10:00:00+08:00", "reposts": 500, "likes": 900}
    settings.sources[0].path.write_text(
        json.dumps(first, ensure_ascii=False) + "\n" + json.dumps(later, ensure_ascii=False),
        encoding="utf-8")
    pipeline, store = _pipeline(settings)
    pipeline.poll(settings.sources[0])
    assert store.count_posts() == 1
    assert store.db["metrics"].count == 2
    rate = store.engagement_per_hour(1)
    assert rate is not None and rate > 600  # (500 + 900 + …) gained over two hours


def test_exclusion_terms_drop_posts(tmp_path: Path, settings: Settings) -> None:
    settings.watchlist.exclude.append("求扩散")
    pipeline, store = _pipeline(settings)
    result = pipeline.poll(settings.sources[0])
    assert result.dropped == 12  # every fifth line of the 60 asks to spread
    assert store.count_posts() == 48


def test_traditional_alias_matches_simplified_brand(tmp_path: Path, settings: Settings) -> None:
    record = json.loads(stream_lines(1)[0]) | {"text": "極川汽車的售後真的太差了"}
    settings.sources[0].path.write_text(json.dumps(record, ensure_ascii=False),
                                        encoding="utf-8")
    pipeline, store = _pipeline(settings)
    pipeline.poll(settings.sources[0])
    assert store.post(1).brand == "极川汽车"


def test_a_broken_source_is_recorded_not_raised(tmp_path: Path, settings: Settings) -> None:
    settings.sources[0].path.unlink()
    pipeline, store = _pipeline(settings)
    result = pipeline.poll(settings.sources[0])
    assert result.state == "error" and "cannot read replay file" in result.reason
    health = store.source_state("replay", "replay").health
    assert health["consecutive_failures"] == 1 and health["next_poll_after"]
