"""Text normalization: one vocabulary for 繁體, 简体, full-width and English.

`normalize(text)` returns a `NormalizedText` whose `.text` has exactly the same length
as the input, character for character (traditional → simplified, full-width →
half-width, lower-cased). Keeping positions aligned is what lets every signal report a
span and offsets that point into the *original* post, which the dashboard highlights.

The model sees `.model_text`, where URLs and @mentions are replaced by placeholder
tokens: the account name says little, its kind (media, regulator, user) says a lot.

OpenCC: the installed wheel is the official `OpenCC` binding (`opencc.OpenCC("t2s")`
with `.convert(text)`); the converter is created once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from detector import lexicon

# Full-width ASCII (U+FF01–U+FF5E) maps to ASCII by a fixed offset; U+3000 is the
# ideographic space. A translate table keeps this at C speed.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

URL_RE = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff5e\u4e00-\u9fff]+|t\.cn/\w+")
# A Weibo mention ends at whitespace, punctuation or a colon; Fediverse handles may
# carry an @instance part, which belongs to the same account.
MENTION_RE = re.compile(r"@([\w\-]{1,30}(?:@[\w.\-]+)?)")
HASHTAG_RE = re.compile(r"#([^#\s]{1,40})#|(?<![\w&])#(\w{2,40})")
# Weibo repost chain: "own words//@prev: their words//@orig: original".
REPOST_RE = re.compile(r"//\s?@")
EMOJI_RE = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]|\\[[\u4e00-\u9fff]{1,4}\\]"
)


@dataclass(frozen=True)
class Mention:
    """An @mention; `kind` is "media", "regulator" or "user"."""

    name: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class NormalizedText:
    """A post after normalization; offsets in `text` equal offsets in `original`."""

    original: str
    text: str
    own_end: int  # text[:own_end] is the author's own words, the rest is reposted
    model_text: str
    mentions: tuple[Mention, ...] = ()
    hashtags: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    emoji: tuple[str, ...] = ()

    @property
    def own(self) -> str:
        return self.text[: self.own_end]

    @property
    def reposted(self) -> str:
        return self.text[self.own_end :]

    @property
    def is_repost(self) -> bool:
        return self.own_end < len(self.text)

    def mentions_of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length.

    t2s is nearly always one character for one; if a phrase rule ever changes the
    length we fall back to per-character conversion so offsets stay aligned.
    """
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    chars = (_converter().convert(ch) for ch in text)
    return "".join(c if len(c) == 1 else o for c, o in zip(chars, text, strict=True))


def fold(text: str) -> str:
    """Full-width → half-width and lower case, keeping the length."""
    folded = text.translate(_WIDTH_TABLE)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few code points (e.g. U+0130) lower-case to two characters; keep those as is.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def mention_kind(name: str) -> str:
    """Classify an account name as media, regulator or an ordinary user."""
    simple = fold(to_simplified(name))
    if lexicon.REGULATOR_ACCOUNT_RE.search(simple):
        return "regulator"
    if lexicon.MEDIA_ACCOUNT_RE.search(simple):
        return "media"
    return "user"


def _mentions(text: str) -> tuple[Mention, ...]:
    return tuple(
        Mention(m.group(1), mention_kind(m.group(1)), m.start(), m.end())
        for m in MENTION_RE.finditer(text)
    )


def model_text_of(text: str, mentions: tuple[Mention, ...]) -> str:
    """Replace URLs and mentions by placeholders the vectorizers can learn from."""
    out = URL_RE.sub(" url ", text)
    kinds = {m.name: m.kind for m in mentions}
    out = MENTION_RE.sub(lambda m: f" mention_{kinds.get(m.group(1), 'user')} ", out)
    return HASHTAG_RE.sub(lambda m: f" {m.group(1) or m.group(2)} ", out)


def normalize(text: str) -> NormalizedText:
    """Normalize one post; pure and deterministic."""
    original = text or ""
    norm = fold(to_simplified(original))
    repost = REPOST_RE.search(norm)
    mentions = _mentions(norm)
    return NormalizedText(
        original=original,
        text=norm,
        own_end=repost.start() if repost else len(norm),
        model_text=model_text_of(norm, mentions),
        mentions=mentions,
        hashtags=tuple(m.group(1) or m.group(2) for m in HASHTAG_RE.finditer(norm)),
        urls=tuple(URL_RE.findall(norm)),
        emoji=tuple(EMOJI_RE.findall(norm)),
    )
