"""Numbered schema migrations, applied in order at start (WAL is set in Store.open).

Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("flarewatch")


@migrations(name="0001_sources")
def sources(db: Database) -> None:
    db["sources"].create(
        {"name": str, "kind": str, "cursor": str, "health": str, "updated_at": str},
        pk="name",
    )


@migrations(name="0002_posts")
def posts(db: Database) -> None:
    db["posts"].create(
        {
            "id": int, "platform": str, "native_id": str, "source": str, "brand": str,
            "author_id": str, "author_name": str, "author_followers": int,
            "text": str, "url": str, "created_at": str, "fetched_at": str,
            "reposts": int, "comments": int, "likes": int, "raw": str,
        },
        pk="id",
        not_null={"platform", "native_id", "text", "fetched_at"},
    )
    db["posts"].create_index(["platform", "native_id"], unique=True)
    db["posts"].create_index(["brand", "created_at"])
    db["posts"].create_index(["platform", "author_id"])


@migrations(name="0003_metrics")
def metrics(db: Database) -> None:
    db["metrics"].create(
        {"post_id": int, "observed_at": str, "reposts": int, "comments": int, "likes": int},
        pk=("post_id", "observed_at"),
        foreign_keys=[("post_id", "posts", "id")],
    )


@migrations(name="0004_detections")
def detections(db: Database) -> None:
    db["detections"].create(
        {
            "post_id": int, "model_version": str, "stage": str, "stage_probs": str,
            "extortion": int, "signals": str, "severity": int, "level": str,
            "breakdown": str, "detected_at": str,
        },
        pk="post_id",
        foreign_keys=[("post_id", "posts", "id")],
    )
    db["detections"].create_index(["level", "severity"])


@migrations(name="0005_incidents")
def incidents(db: Database) -> None:
    db["incidents"].create(
        {
            "id": int, "brand": str, "title": str, "status": str, "severity": int,
            "level": str, "post_count": int, "opened_at": str, "updated_at": str,
            "assignee": str,
        },
        pk="id",
    )
    db["incidents"].create_index(["status", "severity"])
    db["incident_posts"].create(
        {"post_id": int, "incident_id": int, "attached_at": str, "reason": str},
        pk="post_id",
        foreign_keys=[("post_id", "posts", "id"), ("incident_id", "incidents", "id")],
    )
    db["incident_posts"].create_index(["incident_id"])


@migrations(name="0006_outbox")
def outbox(db: Database) -> None:
    db["outbox"].create(
        {
            "id": int, "dedup_key": str, "incident_id": int, "route": str, "receiver": str,
            "level": str, "status": str, "attempts": int, "created_at": str, "sent_at": str,
            "last_error": str,
        },
        pk="id",
        foreign_keys=[("incident_id", "incidents", "id")],
    )
    db["outbox"].create_index(["dedup_key"], unique=True)
    db["outbox"].create_index(["status"])


@migrations(name="0007_labels_audit")
def labels_and_audit(db: Database) -> None:
    db["labels"].create(
        {"id": int, "post_id": int, "stage": str, "extortion": int, "labeler": str,
         "created_at": str},
        pk="id",
        foreign_keys=[("post_id", "posts", "id")],
    )
    db["audit_log"].create(
        {"id": int, "at": str, "actor": str, "action": str, "detail": str}, pk="id"
    )


@migrations(name="0008_search")
def search(db: Database) -> None:
    # Jieba-segmented text, indexed by FTS5; rowid is the post id.
    db["post_search"].create({"post_id": int, "tokens": str}, pk="post_id")
    db["post_search"].enable_fts(["tokens"], create_triggers=True, tokenize="unicode61")


@migrations(name="0009_posts_first_seen")
def posts_first_seen(db: Database) -> None:
    # `fetched_at` moves on every re-read; re-polling flagged posts for engagement needs
    # when a post was first stored, to stop after a while, and when it was last asked
    # for, so a post the platform no longer returns does not head the queue forever.
    # Existing posts get their earliest snapshot, else their last fetch: the best record.
    db["posts"].add_column("first_seen_at", str)
    db["posts"].add_column("refreshed_at", str)  # last re-read for counts, found or not
    db.execute(
        "UPDATE posts SET first_seen_at = coalesce((SELECT min(observed_at) FROM metrics"
        " WHERE metrics.post_id = posts.id), fetched_at)")
    db["posts"].create_index(["source", "first_seen_at"])
