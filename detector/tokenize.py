"""jieba word segmentation with our user dictionary and the watchlist's brand names.

Each `JiebaTokenizer` owns a private `jieba.Tokenizer`, so our words never leak into
(or get changed by) the process-wide `jieba` that other code may use. The private
instance is built on first use and is not pickled: an artifact stores only the word
lists, and jieba's own dictionary comes from the installed package (its cache file).

HMM discovery of unknown words is off by default: character n-grams already cover words
jieba does not know, and segmentation without HMM is about 1.5x faster.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jieba

jieba.setLogLevel(logging.WARNING)  # jieba logs "Building prefix dict" at INFO on every load

USER_WORD_FREQ = 2000  # high enough that jieba keeps "求扩散" and "12315" whole


def read_userdict(path: Path) -> tuple[str, ...]:
    """Words of a jieba user dictionary ("word [freq] [pos]" per line)."""
    words = []
    for line in Path(path).read_text("utf-8").splitlines():
        word = line.strip().split(" ")[0] if line.strip() else ""
        if word:
            words.append(word)
    return tuple(words)


class JiebaTokenizer:
    """Callable text → tokens (whitespace dropped); lower-cased input is expected."""

    def __init__(self, words: Iterable[str] = (), hmm: bool = False) -> None:
        self.words = tuple(words)
        self.hmm = hmm
        self._jieba: Any = None
        self._lock = threading.Lock()

    def _instance(self) -> Any:
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    tok = jieba.Tokenizer()
                    tok.initialize()
                    for word in self.words:
                        tok.add_word(word, USER_WORD_FREQ)
                    self._jieba = tok
        return self._jieba

    def add_words(self, words: Iterable[str]) -> None:
        """Add watchlist names (brands, aliases); they stay in the pickled word list."""
        new = [w.strip().lower() for w in words if w and w.strip()]
        self.words = self.words + tuple(w for w in new if w not in self.words)
        if self._jieba is not None:
            for word in new:
                self._jieba.add_word(word, USER_WORD_FREQ)

    def __call__(self, text: str) -> list[str]:
        return [t for t in self._instance().lcut(text, HMM=self.hmm) if not t.isspace()]

    def __getstate__(self) -> dict[str, Any]:
        return {"words": self.words, "hmm": self.hmm}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["words"], state["hmm"])  # type: ignore[misc]
