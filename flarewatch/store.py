"""The store: the only module that speaks SQL. SQLite in WAL mode through sqlite-utils.

Callers get plain dataclasses back. Writes that belong together go inside
`with store.transaction():`, which nests as savepoints.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from crawler.base import RawPost
from detector.types import Detection
from flarewatch.migrations import migrations


def utc_iso(moment: datetime | None = None) -> str:
    """UTC ISO-8601, the one time format in the store."""
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class StoredPost:
    id: int
    platform: str
    native_id: str
    source: str
    brand: str | None
    author_id: str | None
    author_name: str | None
    author_followers: int | None
    text: str
    url: str | None
    created_at: str | None
    reposts: int | None
    comments: int | None
    likes: int | None


@dataclass(frozen=True)
class RefreshTarget:
    """A stored post to re-read for fresh engagement counts."""

    id: int
    platform: str
    native_id: str
    raw: dict[str, Any]


@dataclass(frozen=True)
class SourceState:
    name: str
    kind: str
    cursor: str | None
    health: dict[str, Any]


@dataclass(frozen=True)
class Incident:
    id: int
    brand: str | None
    title: str
    status: str
    severity: int
    level: str
    post_count: int
    opened_at: str
    updated_at: str
    assignee: str | None


@dataclass(frozen=True)
class QueuedPost:
    """A post of an incident with its detection, as the queue shows it."""

    post: StoredPost
    stage: str
    extortion: bool
    severity: int
    level: str
    signals: list[dict[str, Any]]
    breakdown: dict[str, float]


_POST_COLUMNS = (
    "id, platform, native_id, source, brand, author_id, author_name, author_followers, "
    "text, url, created_at, reposts, comments, likes"
)


class Store:
    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) the store at `path` and apply pending migrations."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        db.enable_wal()
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db.atomic():
            yield

    # -- sources -------------------------------------------------------------------------

    def source_state(self, name: str, kind: str) -> SourceState:
        row = self._one("SELECT * FROM sources WHERE name = ?", [name])
        if row is None:
            return SourceState(name=name, kind=kind, cursor=None, health={})
        return SourceState(name=name, kind=row["kind"], cursor=row["cursor"],
                           health=json.loads(row["health"] or "{}"))

    def save_cursor(self, name: str, kind: str, cursor: str | None) -> None:
        self.db.execute(
            "INSERT INTO sources (name, kind, cursor, health, updated_at) VALUES (?, ?, ?, '{}', ?)"
            " ON CONFLICT(name) DO UPDATE SET cursor = excluded.cursor, kind = excluded.kind,"
            " updated_at = excluded.updated_at",
            [name, kind, cursor, utc_iso()],
        )

    def save_health(self, name: str, kind: str, health: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO sources (name, kind, health, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET health = excluded.health,"
            " updated_at = excluded.updated_at",
            [name, kind, json.dumps(health, ensure_ascii=False), utc_iso()],
        )

    def all_source_states(self) -> list[SourceState]:
        rows = self.db.query("SELECT * FROM sources ORDER BY name")
        return [SourceState(r["name"], r["kind"], r["cursor"], json.loads(r["health"] or "{}"))
                for r in rows]

    # -- posts ---------------------------------------------------------------------------

    def upsert_post(self, source: str, post: RawPost, brand: str | None,
                    fetched_at: datetime) -> tuple[int, bool]:
        """Store `post` once per platform + native id; return (post id, is new).

        A post seen again updates its counts and adds a metrics snapshot."""
        existing = self._one("SELECT id FROM posts WHERE platform = ? AND native_id = ?",
                             [post.platform, post.native_id])
        if existing is None:
            post_id = self._insert_post(source, post, brand, fetched_at)
            created = True
        else:
            post_id = existing["id"]
            self._update_counts(post_id, post, fetched_at)
            created = False
        self._snapshot(post_id, post, fetched_at)
        return post_id, created

    def _insert_post(self, source: str, post: RawPost, brand: str | None,
                     fetched_at: datetime) -> int:
        row = {
            "platform": post.platform, "native_id": post.native_id, "source": source,
            "brand": brand, "author_id": post.author_id, "author_name": post.author_name,
            "author_followers": post.author_followers, "text": post.text, "url": post.url,
            "created_at": utc_iso(post.created_at) if post.created_at else None,
            "fetched_at": utc_iso(fetched_at), "first_seen_at": utc_iso(fetched_at),
            "reposts": post.reposts,
            "comments": post.comments, "likes": post.likes,
            "raw": json.dumps(post.raw, ensure_ascii=False, default=str),
        }
        cursor = self.db.execute(
            f"INSERT INTO posts ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        return int(cursor.lastrowid or 0)

    def _update_counts(self, post_id: int, post: RawPost, fetched_at: datetime) -> None:
        self.db.execute(
            "UPDATE posts SET reposts = coalesce(?, reposts), comments = coalesce(?, comments),"
            " likes = coalesce(?, likes), author_followers = coalesce(?, author_followers),"
            " fetched_at = ? WHERE id = ?",
            [post.reposts, post.comments, post.likes, post.author_followers,
             utc_iso(fetched_at), post_id],
        )

    def _snapshot(self, post_id: int, post: RawPost, fetched_at: datetime) -> None:
        if post.reposts is None and post.comments is None and post.likes is None:
            return
        self.db.execute(
            "INSERT OR REPLACE INTO metrics (post_id, observed_at, reposts, comments, likes)"
            " VALUES (?, ?, ?, ?, ?)",
            [post_id, utc_iso(post.observed_at or fetched_at), post.reposts, post.comments,
             post.likes],
        )

    def refresh_counts(self, post: RawPost, at: datetime) -> int | None:
        """Update a stored post's counts from a re-read and add a snapshot; the post's id,
        or None when it is not stored (a re-read never adds a post)."""
        existing = self._one("SELECT id FROM posts WHERE platform = ? AND native_id = ?",
                             [post.platform, post.native_id])
        if existing is None:
            return None
        self._update_counts(existing["id"], post, at)
        self._snapshot(existing["id"], post, at)
        return int(existing["id"])

    def posts_to_refresh(self, source: str, seen_since: datetime, read_before: datetime,
                         limit: int) -> list[RefreshTarget]:
        """Flagged posts of `source` (an escalation stage, extortion, or in an open
        incident) first stored since `seen_since` and neither fetched nor re-read since
        `read_before`, the longest unread first, so a cap per poll reaches each in turn."""
        rows = self.db.query(
            "SELECT p.id, p.platform, p.native_id, p.raw,"
            " max(p.fetched_at, coalesce(p.refreshed_at, '')) AS last_read FROM posts p"
            " LEFT JOIN detections d ON d.post_id = p.id"
            " LEFT JOIN incident_posts ip ON ip.post_id = p.id"
            " LEFT JOIN incidents i ON i.id = ip.incident_id"
            " WHERE p.source = ? AND p.first_seen_at >= ?"
            " AND max(p.fetched_at, coalesce(p.refreshed_at, '')) < ?"
            " AND (d.stage IN ('threat', 'public') OR d.extortion = 1"
            "  OR (i.id IS NOT NULL AND i.status != 'resolved'))"
            " ORDER BY last_read, p.id LIMIT ?",
            [source, utc_iso(seen_since), utc_iso(read_before), limit])
        return [RefreshTarget(r["id"], r["platform"], r["native_id"], _raw(r["raw"]))
                for r in rows]

    def mark_refreshed(self, post_ids: Iterable[int], at: datetime) -> None:
        """Note that these posts were asked for, whether or not the platform returned them."""
        self.db.conn.executemany("UPDATE posts SET refreshed_at = ? WHERE id = ?",
                                 [(utc_iso(at), post_id) for post_id in post_ids])

    def index_text(self, post_id: int, tokens: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO post_search (post_id, tokens) VALUES (?, ?)",
                        [post_id, tokens])

    def post(self, post_id: int) -> StoredPost:
        row = self._one(f"SELECT {_POST_COLUMNS} FROM posts WHERE id = ?", [post_id])
        if row is None:
            raise KeyError(f"no post with id {post_id}")
        return StoredPost(**row)

    def posts(self, ids: Iterable[int]) -> list[StoredPost]:
        ids = list(ids)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = self.db.query(f"SELECT {_POST_COLUMNS} FROM posts WHERE id IN ({marks})"
                             " ORDER BY id", ids)
        return [StoredPost(**r) for r in rows]

    def count_posts(self) -> int:
        return self.db["posts"].count

    def posts_without_detection(self, limit: int = 1000) -> list[StoredPost]:
        rows = self.db.query(
            f"SELECT {_POST_COLUMNS} FROM posts WHERE id NOT IN (SELECT post_id FROM detections)"
            " ORDER BY id LIMIT ?", [limit])
        return [StoredPost(**r) for r in rows]

    def engagement_per_hour(self, post_id: int) -> float | None:
        """Growth of reposts + comments + likes per hour between the first and last snapshot."""
        rows = list(self.db.query(
            "SELECT observed_at, coalesce(reposts,0) + coalesce(comments,0) + coalesce(likes,0)"
            " AS total FROM metrics WHERE post_id = ? ORDER BY observed_at", [post_id]))
        if len(rows) < 2:
            return None
        first, last = rows[0], rows[-1]
        hours = (datetime.fromisoformat(last["observed_at"])
                 - datetime.fromisoformat(first["observed_at"])).total_seconds() / 3600
        return max(0.0, (last["total"] - first["total"]) / hours) if hours > 0 else None

    def author_trail(self, post: StoredPost) -> list[str]:
        """Stages of the author's earlier detected posts on the same platform, oldest first."""
        if not post.author_id:
            return []
        rows = self.db.query(
            "SELECT d.stage FROM posts p JOIN detections d ON d.post_id = p.id"
            " WHERE p.platform = ? AND p.author_id = ? AND p.id != ? ORDER BY p.created_at",
            [post.platform, post.author_id, post.id])
        return [r["stage"] for r in rows]

    def unattached_author_posts(self, post: StoredPost) -> list[StoredPost]:
        """The same author's earlier posts about the same brand that are in no incident."""
        if not post.author_id:
            return []
        rows = self.db.query(
            f"SELECT {_POST_COLUMNS} FROM posts WHERE platform = ? AND author_id = ?"
            " AND brand IS ? AND id != ? AND id NOT IN (SELECT post_id FROM incident_posts)"
            " AND id IN (SELECT post_id FROM detections) ORDER BY created_at",
            [post.platform, post.author_id, post.brand, post.id])
        return [StoredPost(**r) for r in rows]

    # -- detections ----------------------------------------------------------------------

    def save_detection(self, post_id: int, detection: Detection) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO detections (post_id, model_version, stage, stage_probs,"
            " extortion, signals, severity, level, breakdown, detected_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [post_id, detection.model_version, detection.stage,
             json.dumps(detection.stage_probs), int(detection.extortion),
             json.dumps([s.__dict__ for s in detection.signals], ensure_ascii=False),
             detection.severity, detection.level,
             json.dumps(detection.severity_breakdown), utc_iso()],
        )

    # -- incidents -----------------------------------------------------------------------

    def incident_of(self, post_id: int) -> int | None:
        row = self._one("SELECT incident_id FROM incident_posts WHERE post_id = ?", [post_id])
        return row["incident_id"] if row else None

    def open_incident_candidates(self, brand: str | None, since: datetime,
                                 max_incidents: int = 40, posts_each: int = 25
                                 ) -> list[tuple[int, list[StoredPost]]]:
        """The most recently active open incidents of `brand` since `since`, each with its
        latest posts: enough to recognise the same issue, bounded so grouping stays fast."""
        rows = self.db.query(
            "SELECT id FROM incidents WHERE status != 'resolved' AND brand IS ?"
            " AND updated_at >= ? ORDER BY updated_at DESC LIMIT ?",
            [brand, utc_iso(since), max_incidents])
        result = []
        for row in rows:
            ids = [r["post_id"] for r in self.db.query(
                "SELECT ip.post_id FROM incident_posts ip JOIN posts p ON p.id = ip.post_id"
                " WHERE ip.incident_id = ? ORDER BY p.created_at DESC LIMIT ?",
                [row["id"], posts_each])]
            result.append((row["id"], self.posts(ids)))
        return result

    def incident_with_author(self, post: StoredPost, since: datetime) -> int | None:
        """The open incident of the same brand that holds an earlier post by this author."""
        if not post.author_id:
            return None
        row = self._one(
            "SELECT i.id FROM incidents i JOIN incident_posts ip ON ip.incident_id = i.id"
            " JOIN posts p ON p.id = ip.post_id WHERE p.platform = ? AND p.author_id = ?"
            " AND i.brand IS ? AND i.status != 'resolved' AND i.updated_at >= ?"
            " ORDER BY i.updated_at DESC LIMIT 1",
            [post.platform, post.author_id, post.brand, utc_iso(since)])
        return row["id"] if row else None

    def create_incident(self, brand: str | None, title: str, at: datetime) -> int:
        cursor = self.db.execute(
            "INSERT INTO incidents (brand, title, status, severity, level, post_count,"
            " opened_at, updated_at) VALUES (?, ?, 'open', 0, 'blue', 0, ?, ?)",
            [brand, title, utc_iso(at), utc_iso(at)])
        return int(cursor.lastrowid or 0)

    def attach_post(self, incident_id: int, post_id: int, reason: str, at: datetime) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO incident_posts (post_id, incident_id, attached_at, reason)"
            " VALUES (?, ?, ?, ?)", [post_id, incident_id, utc_iso(at), reason])

    def incident_size(self, incident_id: int) -> int:
        row = self._one("SELECT count(*) AS n FROM incident_posts WHERE incident_id = ?",
                        [incident_id])
        return int(row["n"]) if row else 0

    def refresh_incident(self, incident_id: int) -> Incident:
        """Recompute an incident's size, its severity (its worst post's) and its span in
        time (its first and latest post)."""
        self.db.execute(
            "UPDATE incidents SET post_count = (SELECT count(*) FROM incident_posts"
            "  WHERE incident_id = :id),"
            " severity = coalesce((SELECT max(d.severity) FROM incident_posts ip"
            "  JOIN detections d ON d.post_id = ip.post_id WHERE ip.incident_id = :id), 0),"
            " opened_at = coalesce((SELECT min(p.created_at) FROM incident_posts ip"
            "  JOIN posts p ON p.id = ip.post_id WHERE ip.incident_id = :id), opened_at),"
            " updated_at = coalesce((SELECT max(p.created_at) FROM incident_posts ip"
            "  JOIN posts p ON p.id = ip.post_id WHERE ip.incident_id = :id), updated_at)"
            " WHERE id = :id",
            {"id": incident_id})
        incident = self.incident(incident_id)
        level = _level_of(incident.severity)
        if level != incident.level:
            self.db.execute("UPDATE incidents SET level = ? WHERE id = ?", [level, incident_id])
        return self.incident(incident_id)

    def incident(self, incident_id: int) -> Incident:
        row = self._one("SELECT * FROM incidents WHERE id = ?", [incident_id])
        if row is None:
            raise KeyError(f"no incident with id {incident_id}")
        return Incident(**row)

    def ranked_incidents(self, limit: int = 100, include_resolved: bool = False
                         ) -> list[Incident]:
        where = "" if include_resolved else "WHERE status != 'resolved'"
        rows = self.db.query(
            f"SELECT * FROM incidents {where} ORDER BY severity DESC, updated_at DESC LIMIT ?",
            [limit])
        return [Incident(**r) for r in rows]

    def incident_posts(self, incident_id: int) -> list[QueuedPost]:
        rows = self.db.query(
            "SELECT p.id FROM incident_posts ip JOIN posts p ON p.id = ip.post_id"
            " WHERE ip.incident_id = ? ORDER BY p.created_at", [incident_id])
        return [self.queued_post(r["id"]) for r in rows]

    def queued_post(self, post_id: int) -> QueuedPost:
        d = self._one("SELECT * FROM detections WHERE post_id = ?", [post_id])
        if d is None:
            raise KeyError(f"post {post_id} has no detection")
        return QueuedPost(post=self.post(post_id), stage=d["stage"],
                          extortion=bool(d["extortion"]), severity=d["severity"],
                          level=d["level"], signals=json.loads(d["signals"]),
                          breakdown=json.loads(d["breakdown"]))

    def set_incident_status(self, incident_id: int, status: str, actor: str) -> None:
        with self.transaction():
            self.db.execute("UPDATE incidents SET status = ? WHERE id = ?",
                            [status, incident_id])
            self.audit(actor, f"incident.{status}", {"incident": incident_id})

    # -- outbox, audit -------------------------------------------------------------------

    def enqueue(self, dedup_key: str, incident_id: int, route: str, receiver: str,
                level: str) -> bool:
        """Queue one notification; a key already queued is ignored. True when queued now."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO outbox (dedup_key, incident_id, route, receiver, level,"
            " status, attempts, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)",
            [dedup_key, incident_id, route, receiver, level, utc_iso()])
        return cursor.rowcount == 1

    def outbox(self, status: str | None = None) -> list[dict[str, Any]]:
        if status is None:
            return list(self.db.query("SELECT * FROM outbox ORDER BY id"))
        return list(self.db.query("SELECT * FROM outbox WHERE status = ? ORDER BY id", [status]))

    def audit(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        self.db.execute("INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                        [utc_iso(), actor, action, json.dumps(detail, ensure_ascii=False)])

    # -- labels --------------------------------------------------------------------------

    def add_label(self, post_id: int, stage: str, extortion: bool, labeler: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO labels (post_id, stage, extortion, labeler, created_at)"
                " VALUES (?, ?, ?, ?, ?)", [post_id, stage, int(extortion), labeler, utc_iso()])
            self.audit(labeler, "label", {"post": post_id, "stage": stage,
                                          "extortion": extortion})

    def labeled_examples(self) -> list[dict[str, Any]]:
        """Each labeled post's text with its latest label, for training."""
        rows = self.db.query(
            "SELECT p.text, l.stage, l.extortion FROM labels l JOIN posts p ON p.id = l.post_id"
            " WHERE l.id = (SELECT max(id) FROM labels WHERE post_id = l.post_id)")
        return [{"text": r["text"], "stage": r["stage"], "extortion": bool(r["extortion"])}
                for r in rows]

    # -- export --------------------------------------------------------------------------

    def export_rows(self, since: datetime | None = None, flagged_only: bool = False
                    ) -> Iterator[dict[str, Any]]:
        """Posts with their detection and incident, oldest first, for analysts' exports."""
        clauses, params = [], []
        if since is not None:
            clauses.append("p.created_at >= ?")
            params.append(utc_iso(since))
        if flagged_only:
            clauses.append("d.stage IN ('threat', 'public') OR d.extortion = 1")
        where = f"WHERE {' AND '.join(f'({c})' for c in clauses)}" if clauses else ""
        yield from self.db.query(
            "SELECT p.id, p.platform, p.native_id, p.source, p.brand, p.author_id,"
            " p.author_name, p.author_followers, p.text, p.url, p.created_at, p.reposts,"
            " p.comments, p.likes, d.stage, d.extortion, d.severity, d.level, d.signals,"
            " d.model_version, ip.incident_id FROM posts p"
            " LEFT JOIN detections d ON d.post_id = p.id"
            f" LEFT JOIN incident_posts ip ON ip.post_id = p.id {where}"
            " ORDER BY p.created_at, p.id",
            params)

    def search(self, query: str, limit: int = 50) -> list[int]:
        rows = self.db.query(
            "SELECT rowid FROM post_search_fts WHERE post_search_fts MATCH ? LIMIT ?",
            [query, limit])
        return [r["rowid"] for r in rows]

    def _one(self, sql: str, params: Any) -> dict[str, Any] | None:
        return next(iter(self.db.query(sql, params)), None)


def _raw(text: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _level_of(severity: int) -> str:
    if severity >= 80:
        return "red"
    if severity >= 60:
        return "orange"
    if severity >= 40:
        return "yellow"
    return "blue"


def recent(hours: float, now: datetime | None = None) -> datetime:
    return (now or datetime.now(UTC)) - timedelta(hours=hours)
