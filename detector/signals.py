"""Explainable escalation cues, each with the span of the post that triggered it.

`find_signals(norm)` runs every cue over the normalized text (see `normalize.py`) and
sorts matches into `active` signals and `negated` ones: negated means the text says the
step did not or will not happen ("不会去曝光"), was only a dropped plan or a
hypothetical ("本来想投诉…", "这种公司就该被曝光"), or was followed by a resolution
("…后来客服主动解决了"). Offsets are those of the original post, because
normalization keeps the length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from detector import lexicon
from detector.fastre import guarded
from detector.normalize import NormalizedText, normalize
from detector.types import Signal

# Cues that move a post into public view (stage 3) and cues that announce escalation
# which is not public yet (stage 2). Used by the rules and by severity.
PUBLIC_CUES = frozenset({"call_to_spread", "collective_action", "trending", "exposure"})
THREAT_CUES = frozenset(
    {"regulator", "police", "legal", "media", "social_platform", "ultimatum",
     "repeated_contact", "over_the_head", "extortion"}
)


@dataclass(frozen=True)
class Cue:
    """One kind of signal: its pattern, weight, and the context that means another sense."""

    name: str
    weight: float
    pattern: re.Pattern[str]
    veto: re.Pattern[str] | None = None  # searched in a window around the match
    window: int = 6
    negatable: bool = True


def _cue(name: str, weight: float, pattern: str, veto: str | None = None,
         window: int = 6, negatable: bool = True) -> Cue:
    return Cue(name, weight, guarded(pattern), re.compile(veto) if veto else None,
               window, negatable)


CUES: tuple[Cue, ...] = (
    # 按12345选项 is a phone menu; 12345678 is not a hotline.
    _cue("regulator", 0.6, lexicon.REGULATOR, veto=r"按\s?\x00|\x00\s?(?:选项|键|号键)", window=3),
    _cue("police", 0.6, lexicon.POLICE, veto=r"\x00\s?(?:局长|剧|电影)|游戏|cosplay|玩具"),
    _cue("legal", 0.6, lexicon.LEGAL,
         veto=r"事务所招聘|招聘|法考|考试|专业|实习|hiring|exam|law school|basketball", window=10),
    _cue("media", 0.5, lexicon.MEDIA, veto=r"[多自新融流]\x00|招聘|实习|运营|专业|hiring|intern",
         window=24),
    _cue("social_platform", 0.5, lexicon.SOCIAL_PLATFORM),
    _cue("call_to_spread", 0.8, lexicon.CALL_TO_SPREAD),
    _cue("collective_action", 0.8, lexicon.COLLECTIVE_ACTION),
    _cue("ultimatum", 0.6, lexicon.ULTIMATUM, negatable=False),
    _cue("repeated_contact", 0.4, lexicon.REPEATED_CONTACT, negatable=False),
    _cue("over_the_head", 0.6, lexicon.OVER_THE_HEAD),
    _cue("trending", 0.9, lexicon.TRENDING, veto=r"明星|综艺|电视剧|演唱会|celebrity|song"),
    # 相机曝光 / 新品曝光 / 曝光补偿: photography and product leaks, not exposing a company.
    _cue("exposure", 0.7, lexicon.EXPOSURE, window=8,
         veto=r"相机|镜头|参数|模式|夜景|过度|不足|补偿|时间|iso|快门|新品|谍照|配置|渲染|真机|"
              r"外观|发布会|曝光度|曝光值|长曝光|测光|拍照|照片|摄影|逆光|camera|shutter|photo|"
              r"\bleak|\bsun\b|radiation"),
    _cue("extortion", 1.0, lexicon.EXTORTION, negatable=False),
)
CUE_NAMES: tuple[str, ...] = tuple(c.name for c in CUES)
WEIGHTS: dict[str, float] = {c.name: c.weight for c in CUES}

_NEGATION = re.compile(lexicon.NEGATION)
_NEGATION_CHAR = re.compile(r"(?:不|没|别|未|勿)\s?$")
_CONDITIONAL = re.compile(r"就|才|否则|不然|then|or else|unless|if")
_COUNTERFACTUAL = re.compile(lexicon.COUNTERFACTUAL)
# "不然明天上热搜": a public step that is still only announced, i.e. a threat.
PLANNED = re.compile(r"不然|否则|要不|就让|就去|准备|打算|明天|马上|will|going to|gonna|or else|"
                     r"otherwise|or i")
_TURN = re.compile(r"但|可是|结果|然而|现在|却|于是|所以|\bbut\b|\bnow\b|\bso\b|\bthen\b")
_RESOLUTION = re.compile(lexicon.RESOLUTION)
_GENERAL = re.compile(lexicon.GENERAL_OPINION)
_CLAUSE_END = re.compile(r"[,，、;；:：。.!！?？\n]")
_SENTENCE_END = re.compile(r"[。.!！?？\n]")


@dataclass(frozen=True)
class SignalSet:
    """Signals found in one post: those that count and those the text takes back."""

    active: tuple[Signal, ...] = ()
    negated: tuple[Signal, ...] = ()
    names: frozenset[str] = field(default_factory=frozenset)

    def has(self, name: str) -> bool:
        return name in self.names


def _last_boundary(text: str, end: int, boundary: re.Pattern[str]) -> int:
    """Start of the clause or sentence that contains position `end`."""
    start = 0
    for m in boundary.finditer(text, 0, end):
        start = m.end()
    return start


def _is_negated(text: str, start: int) -> bool:
    """A negation word close before the cue, in the same clause, and not a condition."""
    clause = text[_last_boundary(text, start, _CLAUSE_END) : start]
    if _NEGATION_CHAR.search(clause):
        return True
    tail = clause[-10:]
    hits = list(_NEGATION.finditer(tail))
    return bool(hits) and not _CONDITIONAL.search(tail[hits[-1].end() :])


def _is_hypothetical(text: str, start: int) -> bool:
    """A dropped plan or a general opinion before the cue, with no turn in between."""
    sentence = text[_last_boundary(text, start, _SENTENCE_END) : start]
    for pattern in (_COUNTERFACTUAL, _GENERAL):
        hits = list(pattern.finditer(sentence))
        if hits and not _TURN.search(sentence[hits[-1].end() :]):
            return True
    return False


def _is_resolved(text: str, end: int) -> bool:
    return bool(_RESOLUTION.search(text, end))


def _vetoed(cue: Cue, text: str, start: int, end: int) -> bool:
    """Another sense, from the words around the match; \x00 in a veto marks the match."""
    if cue.veto is None:
        return False
    context = text[max(0, start - cue.window) : start] + "\x00" + text[end : end + cue.window]
    return bool(cue.veto.search(context))


def _mid_word(text: str, start: int) -> bool:
    """An English cue must start a word ("sue" is not in "issue"), a number a number."""
    return start > 0 and text[start].isascii() and text[start].isalnum() and (
        text[start - 1].isascii() and text[start - 1].isalnum()
    )


def _takes_back(cue: Cue, text: str, start: int, end: int) -> bool:
    if not cue.negatable:
        return False
    return _is_negated(text, start) or _is_hypothetical(text, start) or _is_resolved(text, end)


def _mention_signals(norm: NormalizedText) -> list[Signal]:
    """@media and @regulator accounts are cues in themselves: the post is addressed to them."""
    weights = {"media": 0.8, "regulator": 0.8}
    return [
        Signal(m.kind, norm.original[m.start : m.end], m.start, m.end, weights[m.kind],
               in_repost=m.start >= norm.own_end)
        for m in norm.mentions
        if m.kind in weights
    ]


def find_signals(norm: NormalizedText | str) -> SignalSet:
    """All cues in a post, split into active and taken-back ones."""
    if isinstance(norm, str):
        norm = normalize(norm)
    text = norm.text
    active: list[Signal] = _mention_signals(norm)
    negated: list[Signal] = []
    mention_spans = [(m.start, m.end) for m in norm.mentions]
    for cue in CUES:
        for m in cue.pattern.finditer(text):
            start, end = m.span()
            if (start == end or _mid_word(text, start) or _inside(mention_spans, start)
                    or _vetoed(cue, text, start, end)):
                continue
            signal = Signal(cue.name, norm.original[start:end], start, end, cue.weight,
                            in_repost=start >= norm.own_end)
            (negated if _takes_back(cue, text, start, end) else active).append(signal)
    active.sort(key=lambda s: (s.start, s.name))
    return SignalSet(tuple(active), tuple(negated), frozenset(s.name for s in active))


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Account names are handled by their kind; a cue word inside one is not a cue."""
    return any(a <= pos < b for a, b in spans)


def is_planned(text: str, start: int) -> bool:
    """Whether the clause before position `start` announces rather than reports."""
    return bool(PLANNED.search(text[_last_boundary(text, start, _CLAUSE_END) : start]))


def has_complaint(norm: NormalizedText) -> bool:
    """Whether the text voices a grievance at all (used by the rules and as a feature)."""
    return bool(_COMPLAINT.search(norm.text))


_COMPLAINT = re.compile(lexicon.COMPLAINT)
