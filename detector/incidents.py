"""Decide which open incident a flagged post belongs to. Pure: callers pass the candidates.

A post joins an incident when it continues the same author's trail, reposts or quotes one
of its posts, or talks about the same issue (its characters overlap the incident's text
well beyond what the brand name alone explains). Otherwise it opens a new incident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_REPOST_AUTHOR = re.compile(r"//\s*@([^:：\s]+)\s*[:：]")
_NOISE = re.compile(r"https?://\S+|@\S+|[\s\W_]+", re.UNICODE)

SAME_ISSUE_CONTAINMENT = 0.3  # share of a post's bigrams found in the incident's text
QUOTE_MIN_CHARS = 14  # a shared run this long means one post quotes the other


@dataclass(frozen=True)
class PostSketch:
    """What grouping needs to know about one post."""

    text: str
    platform: str
    author_id: str | None
    author_name: str | None


@dataclass(frozen=True)
class Placement:
    incident_id: int | None  # None: open a new incident
    reason: str


def place(post: PostSketch, candidates: Sequence[tuple[int, Sequence[PostSketch]]],
          ignore_terms: Iterable[str] = ()) -> Placement:
    """Pick the incident for `post` among `candidates` (most recently active first)."""
    ignore = [t for t in ignore_terms if t]
    for incident_id, posts in candidates:
        if any(_same_author(post, other) for other in posts):
            return Placement(incident_id, "same author")
    for incident_id, posts in candidates:
        if any(_reposts(post, other) for other in posts):
            return Placement(incident_id, "repost or quote")
    terms = tuple(ignore)
    own = _text_bigrams(post.text, terms)
    best: tuple[float, int | None] = (0.0, None)
    for incident_id, posts in candidates:
        pool = set().union(*(_text_bigrams(p.text, terms) for p in posts)) if posts else set()
        score = len(own & pool) / len(own) if own else 0.0
        if score > best[0]:
            best = (score, incident_id)
    if best[1] is not None and best[0] >= SAME_ISSUE_CONTAINMENT:
        return Placement(best[1], f"same issue ({best[0]:.0%} shared text)")
    return Placement(None, "new issue")


def _same_author(a: PostSketch, b: PostSketch) -> bool:
    return bool(a.author_id) and a.platform == b.platform and a.author_id == b.author_id


def _reposts(post: PostSketch, other: PostSketch) -> bool:
    names = set(_REPOST_AUTHOR.findall(post.text))
    if other.author_name and other.author_name in names:
        return True
    return _shares_run(post.text, other.text, QUOTE_MIN_CHARS)


def _shares_run(a: str, b: str, length: int) -> bool:
    a, b = _clean(a, []), _clean(b, [])
    if len(a) < length or len(b) < length:
        return False
    shingles = {b[i:i + length] for i in range(len(b) - length + 1)}
    return any(a[i:i + length] in shingles for i in range(len(a) - length + 1))


def _clean(text: str, ignore: list[str]) -> str:
    text = text.casefold()
    for term in ignore:
        text = text.replace(term.casefold(), " ")
    return _NOISE.sub("", text)


@lru_cache(maxsize=50_000)
def _text_bigrams(text: str, ignore: tuple[str, ...]) -> frozenset[str]:
    """Cached: the same incident posts are compared with every new post."""
    return frozenset(_bigrams(_clean(text, list(ignore))))


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def title_for(text: str, limit: int = 40) -> str:
    """A one-line incident title from its first post."""
    own = text.split("//@", 1)[0]
    line = " ".join((own if own.strip() else text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
