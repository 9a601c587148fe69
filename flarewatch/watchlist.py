"""Match posts against the watchlist: which brand a post is about, and whether to drop it.

Terms and texts are compared after traditional → simplified conversion and case folding,
so 極川汽車 matches 极川汽车 and "JICHUAN" matches "Jichuan".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import opencc

from flarewatch.config import Watchlist


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """One form for matching: simplified script, case-folded."""
    return _converter().convert(text).casefold()


@dataclass(frozen=True)
class Match:
    brand: str | None  # None: no brand matched
    excluded: bool  # an exclusion term matched: drop the post


class Matcher:
    def __init__(self, watchlist: Watchlist) -> None:
        self.keep_unrelated = watchlist.keep_unrelated
        self._global_exclude = [fold(t) for t in watchlist.exclude if t]
        self._brands = [
            (b.name, [fold(t) for t in b.terms() if t], [fold(t) for t in b.exclude if t])
            for b in watchlist.brands
        ]

    def match(self, text: str) -> Match:
        folded = fold(text)
        if any(term in folded for term in self._global_exclude):
            return Match(None, excluded=True)
        for name, terms, exclude in self._brands:
            if any(term in folded for term in terms):
                return Match(name, excluded=any(term in folded for term in exclude))
        return Match(None, excluded=False)

    def keep(self, match: Match) -> bool:
        if match.excluded:
            return False
        return match.brand is not None or self.keep_unrelated or not self._brands
