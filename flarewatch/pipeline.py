"""One poll of one source, end to end: fetch pages, store posts, detect, group, queue alerts.

Each page's posts and its cursor are stored in one transaction, so a crash repeats a page
and never skips one; detection works from "posts without a detection", so a crash between
storing and detecting is picked up by the next poll. Every write is idempotent.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

import httpx
import jieba

from alerts.routing import dedup_key, routes_for
from crawler.base import Page, RawPost, SourceConfig, SourceSpec
from crawler.health import (
    FAILURES,
    HealthPolicy,
    SourceHealth,
    after_poll,
    after_refresh,
    outcome_of,
)
from crawler.http import make_client
from crawler.sources import spec_for
from detector.incidents import Placement, PostSketch, place, title_for
from detector.types import Detection, PostInput
from flarewatch.config import Settings
from flarewatch.durations import parse_interval
from flarewatch.store import RefreshTarget, Store, StoredPost
from flarewatch.watchlist import Matcher

log = logging.getLogger("flarewatch.pipeline")

OK_STATES = ("ok", "empty", "truncated")
INCIDENT_WINDOW = timedelta(hours=72)  # how long a quiet incident still takes new posts
DETECT_BATCH = 256


@dataclass(frozen=True)
class RefreshPolicy:
    """Which flagged posts a poll re-reads for fresh counts, so velocity can be computed.

    A flagged post's engagement per hour comes from its snapshots; a post that drops out
    of a source's newest pages is never seen again, so it is asked for by id while young.
    """

    window: timedelta = timedelta(hours=48)  # posts first stored this recently
    every: timedelta = timedelta(minutes=15)  # not re-read sooner than this after a read
    per_poll: int = 100  # at most this many posts re-read per poll, across batches


class DetectorLike(Protocol):
    """What the pipeline needs of a detector (detector.Detector has it)."""

    version: str

    def detect(self, post: PostInput) -> Detection: ...

    def detect_many(self, posts: Sequence[PostInput]) -> list[Detection]: ...


@dataclass
class PollResult:
    source: str
    pages: int = 0
    fetched: int = 0
    stored_new: int = 0
    updated: int = 0
    dropped: int = 0
    state: str = "ok"
    reason: str = ""
    detected: int = 0
    refreshed: int = 0  # flagged posts re-read for their counts; never new posts
    new_post_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        again = f", {self.refreshed} re-read" if self.refreshed else ""
        text = (f"{self.source}: {self.pages} page(s), {self.fetched} fetched, "
                f"{self.stored_new} new, {self.updated} updated, {self.dropped} dropped"
                f"{again}, {self.detected} scored — {self.state}")
        return f"{text} ({self.reason})" if self.reason else text


class Pipeline:
    def __init__(self, settings: Settings, store: Store, detector: DetectorLike,
                 http: httpx.Client | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 stop: threading.Event | None = None,
                 refresh: RefreshPolicy | None = None) -> None:
        self.settings = settings
        self.store = store
        self.detector = detector
        self.http = http or make_client(settings.http.client_settings())
        self.clock = clock
        self.stop = stop or threading.Event()
        self.refresh_policy = refresh or RefreshPolicy()
        self.matcher = Matcher(settings.watchlist)
        self._brand_terms = [t for b in settings.watchlist.brands for t in b.terms()]

    # -- polling -------------------------------------------------------------------------

    def poll(self, source: SourceConfig) -> PollResult:
        """Fetch up to `max_pages` pages of `source`, storing each page as it comes."""
        result = PollResult(source=source.name)
        state = self.store.source_state(source.name, source.kind)
        cursor = state.cursor
        pages: list[Page] = []
        while len(pages) < source.max_pages and not self.stop.is_set():
            page = self._fetch(source, cursor)
            pages.append(page)
            # The cursor is saved with the page's posts, failed pages included: a connector
            # that takes turns over keywords moves past a failing one this way.
            self._store_page(source, page, result)
            cursor = page.cursor
            if page.state not in OK_STATES or not page.more:
                break
        result.pages = len(pages)
        outcome = outcome_of(pages, new_posts=result.stored_new)
        policy = HealthPolicy(interval=timedelta(seconds=parse_interval(source.interval)))
        health = after_poll(SourceHealth.from_json(state.health), outcome, self.clock(), policy)
        self.store.save_health(source.name, source.kind, health.to_json())
        result.state, result.reason = health.state, health.reason
        # A failing source is not asked again within the same poll: it backs off whole.
        if health.state not in FAILURES and not self.stop.is_set():
            self._refresh_flagged(source, health, result)
        result.detected = self.detect_pending()
        return result

    def _fetch(self, source: SourceConfig, cursor: str | None) -> Page:
        try:
            return spec_for(source.kind).fetch(self.http, source, cursor)
        except Exception as exc:  # a connector bug must not stop the poller
            log.exception("source %s raised", source.name)
            return Page.failed("error", f"{type(exc).__name__}: {exc}", cursor)

    # -- re-reading flagged posts --------------------------------------------------------

    def _refresh_flagged(self, source: SourceConfig, health: SourceHealth,
                         result: PollResult) -> None:
        """Re-read recently flagged posts by id, in the platform's batches, each batch in
        its own transaction; the first failed batch ends it, recorded in the health."""
        spec = spec_for(source.kind)
        if spec.refresh is None:
            return
        now, policy, size = self.clock(), self.refresh_policy, max(1, spec.refresh_batch)
        targets = self.store.posts_to_refresh(source.name, now - policy.window,
                                              now - policy.every, policy.per_poll)
        if not targets:
            return
        error = None
        for start in range(0, len(targets), size):
            batch = targets[start:start + size]
            page = self._call_refresh(spec, source, batch)
            if page.state not in OK_STATES:
                error = page.reason or f"re-reading posts failed ({page.state})"
                break
            with self.store.transaction():
                self.store.mark_refreshed([t.id for t in batch], now)
                self._store_counts(page.posts, now, result)
            if self.stop.is_set():
                break
        health = after_refresh(health, result.refreshed, error, now)
        self.store.save_health(source.name, source.kind, health.to_json())

    def _call_refresh(self, spec: SourceSpec, source: SourceConfig,
                      batch: Sequence[RefreshTarget]) -> Page:
        ids = [key for t in batch if (key := spec.lookup_id(t.native_id, t.raw))]
        if not ids or spec.refresh is None:
            return Page(posts=[], cursor=None, state="empty")
        try:
            return spec.refresh(self.http, source, ids)
        except Exception as exc:  # a connector bug must not stop the poller
            log.exception("re-reading posts of source %s raised", source.name)
            return Page.failed("error", f"{type(exc).__name__}: {exc}", None)

    def _store_counts(self, posts: Sequence[RawPost], now: datetime,
                      result: PollResult) -> None:
        for raw in posts:
            post_id = self.store.refresh_counts(raw, now)
            if post_id is not None:
                result.refreshed += 1
                self._rescore_if_flagged(post_id)

    def ingest(self, source_name: str, posts: Sequence[RawPost], batch: int = 500) -> PollResult:
        """Store posts that came from elsewhere (a file import) and score them."""
        result = PollResult(source=source_name)
        for start in range(0, len(posts), batch):
            with self.store.transaction():
                self._store_posts(source_name, posts[start:start + batch], result)
            result.pages += 1
        result.state = "ok" if result.fetched else "empty"
        result.detected = self.detect_pending()
        return result

    def _store_page(self, source: SourceConfig, page: Page, result: PollResult) -> None:
        with self.store.transaction():
            self._store_posts(source.name, page.posts, result)
            self.store.save_cursor(source.name, source.kind, page.cursor)

    def _store_posts(self, source_name: str, posts: Sequence[RawPost],
                     result: PollResult) -> None:
        now = self.clock()
        for raw in posts:
            result.fetched += 1
            match = self.matcher.match(raw.text)
            if not self.matcher.keep(match):
                result.dropped += 1
                continue
            post_id, created = self.store.upsert_post(source_name, raw, match.brand, now)
            if created:
                self.store.index_text(post_id, " ".join(jieba.cut_for_search(raw.text)))
                result.stored_new += 1
                result.new_post_ids.append(post_id)
            else:
                result.updated += 1
                self._rescore_if_flagged(post_id)

    # -- detection -----------------------------------------------------------------------

    def detect_pending(self) -> int:
        """Score every stored post that has no detection yet; returns how many."""
        total = 0
        while not self.stop.is_set():
            posts = self.store.posts_without_detection(limit=DETECT_BATCH)
            if not posts:
                break
            detections = self.detector.detect_many([self._input(p) for p in posts])
            with self.store.transaction():  # a crash redoes the whole batch, loses nothing
                for post, detection in zip(posts, detections, strict=True):
                    self._settle(post, detection)
            total += len(posts)
        return total

    def _rescore_if_flagged(self, post_id: int) -> None:
        """New engagement on a post in an incident changes its severity: score it again."""
        incident_id = self.store.incident_of(post_id)
        if incident_id is None:
            return
        post = self.store.post(post_id)
        size = self.store.incident_size(incident_id)
        self.store.save_detection(post_id, self.detector.detect(self._input(post, size)))
        self._refresh_and_route(incident_id)

    def _settle(self, post: StoredPost, detection: Detection) -> None:
        """Save a detection, attach the post to an incident if it belongs in one, route."""
        incident_id = self._incident_for(post, detection)
        if incident_id is not None:
            size = self.store.incident_size(incident_id)
            detection = self.detector.detect(self._input(post, size))
        self.store.save_detection(post.id, detection)
        if incident_id is not None:
            self._refresh_and_route(incident_id)

    def _incident_for(self, post: StoredPost, detection: Detection) -> int | None:
        if detection.stage == "none" and not detection.extortion:
            return None  # praise, questions and noise belong to no incident
        # Incident time is the posts' time, so a backfill groups as the posts happened.
        now = _posted_at(post) or self.clock()
        since = now - INCIDENT_WINDOW
        author_incident = self.store.incident_with_author(post, since)
        if author_incident is not None:
            placement = Placement(author_incident, "same author")
        else:
            candidates = self.store.open_incident_candidates(post.brand, since)
            sketches = [(iid, [_sketch(p) for p in posts]) for iid, posts in candidates]
            placement = place(_sketch(post), sketches, ignore_terms=self._brand_terms)
        if placement.incident_id is None and not detection.flagged:
            return None  # a plain complaint opens nothing, but may join what is open
        incident_id = placement.incident_id
        if incident_id is None:
            incident_id = self.store.create_incident(post.brand, title_for(post.text), now)
            # The author's earlier complaints are how this incident began: show them with it.
            for earlier in self.store.unattached_author_posts(post):
                self.store.attach_post(incident_id, earlier.id, "same author, earlier", now)
        self.store.attach_post(incident_id, post.id, placement.reason, now)
        return incident_id

    def _refresh_and_route(self, incident_id: int) -> None:
        incident = self.store.refresh_incident(incident_id)
        for route in routes_for(self.settings.alerts.routes, incident.brand, incident.level):
            for receiver in route.receivers:
                key = dedup_key(incident.id, route.name, receiver, incident.level)
                if self.store.enqueue(key, incident.id, route.name, receiver, incident.level):
                    log.info("queued %s for incident %s (%s)", receiver, incident.id,
                             incident.level)

    def _input(self, post: StoredPost, incident_size: int = 1) -> PostInput:
        trail = self.store.author_trail(post)
        escalating = [s for s in trail if s in ("threat", "public")]
        return PostInput(
            text=post.text,
            platform=post.platform,
            author_followers=post.author_followers,
            reposts=post.reposts,
            comments=post.comments,
            likes=post.likes,
            engagement_per_hour=self.store.engagement_per_hour(post.id),
            author_prior_flags=len(escalating),
            author_stage_rising=_rising(trail),
            incident_size=max(1, incident_size),
        )


def _posted_at(post: StoredPost) -> datetime | None:
    return datetime.fromisoformat(post.created_at) if post.created_at else None


def _sketch(post: StoredPost) -> PostSketch:
    return PostSketch(text=post.text, platform=post.platform, author_id=post.author_id,
                      author_name=post.author_name)


def _rising(trail: list[str]) -> bool:
    order = {"none": 0, "complaint": 1, "threat": 2, "public": 3}
    ranks = [order.get(s, 0) for s in trail]
    return len(ranks) >= 2 and ranks[-1] > ranks[0]


