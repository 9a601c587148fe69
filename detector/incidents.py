"""Decide which open incident a flagged post belongs to. Pure: callers pass the candidates.

A post joins an incident, in this order of evidence, when it
1. continues the same author's trail (same platform and account),
2. reposts or quotes one of its posts (`//@name:`, or a long run of the same text),
3. names the same issue: shares a phrase of PHRASE_MIN_CHARS Chinese characters once the
   generic complaint and escalation words are cut out (智能网关服务费, 牛排礼盒变质), or
4. talks about the same issue: enough of its content (Chinese character bigrams, English
   content words) is found in the incident's recent posts.
The brand's own names are ignored throughout. Otherwise the post opens a new incident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from detector import lexicon
from detector.normalize import to_simplified

_REPOST_AUTHOR = re.compile(r"//\s*@([^:：\s]+)\s*[:：]")
_NOISE_URL = re.compile(r"https?://\S+|@\S+")
_LABEL = re.compile(r"[\[【][^\]】]{1,6}[\]】]")  # a portal form's field names: [投诉对象]
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_HANZI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_GENERIC = re.compile("|".join(f"(?:{p})" for p in (
    lexicon.REGULATOR, lexicon.POLICE, lexicon.LEGAL, lexicon.MEDIA, lexicon.SOCIAL_PLATFORM,
    lexicon.CALL_TO_SPREAD, lexicon.COLLECTIVE_ACTION, lexicon.ULTIMATUM,
    lexicon.REPEATED_CONTACT, lexicon.OVER_THE_HEAD, lexicon.TRENDING, lexicon.EXPOSURE,
    lexicon.COMPLAINT,
    # Function characters: clauses built of them ("如仍不解决将向…") are anyone's words.
    r"[的了是在我你他她们这那就都也还又再很太把被给让向对跟和与及或如若仍将会要不没已]",
)))
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
# Frequent English words that say nothing about which issue a post is about.
_STOPWORDS = frozenset("""
the and for are but not you your yours our ours they them their this that these those
with have has had was were been being will would could should can cant can't don't dont
just about from into over after again still only also even more most some very much
what when where which who why how all any each every than then there here out off
like know make made want said says get got getting going really today week weeks month
months year years day days time times now new one two three its it's i'm ive i've
""".split())  # noqa: SIM905 - a word block reads better than a list

SAME_ISSUE_CONTAINMENT = 0.3  # share of a post's bigrams found in the incident's text
QUOTE_MIN_CHARS = 14  # a shared run this long means one post quotes the other
QUOTE_MIN_WORDS = 8
PHRASE_MIN_CHARS = 7  # a shared phrase this long names the same issue (智能网关服务费)


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
    own_phrases = _phrases(post.text, terms)
    for incident_id, posts in candidates:
        if any(own_phrases & _phrases(p.text, terms) for p in posts):
            return Placement(incident_id, "same phrase")
    own = _features(post.text, terms)
    best: tuple[float, int | None] = (0.0, None)
    for incident_id, posts in candidates:
        pool = set().union(*(_features(p.text, terms) for p in posts)) if posts else set()
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
    return _quotes(_shape(post.text, ()), _shape(other.text, ()))


@dataclass(frozen=True)
class _Shape:
    """A post reduced for comparison: its Chinese characters and its Latin words."""

    hanzi: str
    words: tuple[str, ...]


@lru_cache(maxsize=50_000)
def _shape(text: str, ignore: tuple[str, ...]) -> _Shape:
    """Cached: the same incident posts are compared with every new post."""
    text = _shape_text(text, ignore)
    return _Shape("".join(_HANZI.findall(text)), tuple(_WORD.findall(text)))


def _shape_text(text: str, ignore: tuple[str, ...]) -> str:
    text = _LABEL.sub(" ", _NOISE_URL.sub(" ", text.casefold()))
    for term in ignore:
        text = text.replace(term.casefold(), " ")
    return text


def _quotes(a: _Shape, b: _Shape) -> bool:
    """One post repeats a long run of the other: QUOTE_MIN_CHARS characters in a row, or
    QUOTE_MIN_WORDS words."""
    return (_shares(a.hanzi, b.hanzi, QUOTE_MIN_CHARS)
            or _shares(a.words, b.words, QUOTE_MIN_WORDS))


def _shares(a: Sequence[str], b: Sequence[str], length: int) -> bool:
    if len(a) < length or len(b) < length:
        return False
    shingles = {tuple(b[i:i + length]) for i in range(len(b) - length + 1)}
    return any(tuple(a[i:i + length]) in shingles for i in range(len(a) - length + 1))


@lru_cache(maxsize=50_000)
def _phrases(text: str, ignore: tuple[str, ...]) -> frozenset[str]:
    """Every PHRASE_MIN_CHARS-character run of the post's Chinese text once the generic
    complaint and escalation words (客服, 投诉, 工信部申诉, 求扩散 …) are cut out: what is
    left and long is the issue's own name (智能网关服务费, 动力电池故障)."""
    runs = [run for run in _content_runs(text, ignore) if len(run) >= PHRASE_MIN_CHARS]
    return frozenset(run[i:i + PHRASE_MIN_CHARS] for run in runs
                     for i in range(len(run) - PHRASE_MIN_CHARS + 1))


@lru_cache(maxsize=50_000)
def _features(text: str, ignore: tuple[str, ...]) -> frozenset[str]:
    """What "same issue" compares: character bigrams of the Chinese text without its
    generic complaint words (Chinese words are not delimited) and the content words of
    the English text (letter bigrams mean nothing)."""
    grams = {run[i:i + 2] for run in _content_runs(text, ignore) for i in range(len(run) - 1)}
    return frozenset(grams | {w for w in _shape(text, ignore).words if w not in _STOPWORDS})


def _content_runs(text: str, ignore: tuple[str, ...]) -> list[str]:
    """The Chinese runs left once generic complaint and escalation words are cut out."""
    return _HANZI_RUN.findall(_GENERIC.sub(" ", to_simplified(_shape_text(text, ignore))))


def title_for(text: str, limit: int = 40) -> str:
    """A one-line incident title from its first post."""
    own = text.split("//@", 1)[0]
    line = " ".join((own if own.strip() else text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
