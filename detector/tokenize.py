"""jieba word segmentation with our user dictionary and the watchlist's brand names.

Each `JiebaTokenizer` owns a private `jieba.Tokenizer`, so our words never leak into
(or get changed by) the process-wide `jieba` that other code may use. The private
instance is built on first use and is not pickled: an artifact stores only the word
lists. Its dictionary is jieba's own `dict.txt` cut to the words with frequency >=
`min_freq` (default 10: 105k of 349k words), which saves ~50 MB per process; rarer
words fall apart into characters, which the character n-grams see anyway.

Only runs of Chinese characters go through jieba. Latin text (English posts, numbers
such as 12315, brand names) is split by a word regex: that is what jieba would do to it
anyway, minus its per-character dictionary walk, and it keeps "don't" and "i'd" whole,
which the English negation n-grams need. HMM discovery of unknown words is off by
default: character n-grams already cover words jieba does not know. Together this
makes tokenization about 1.6x faster than `jieba.lcut` on our posts.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import jieba

jieba.setLogLevel(logging.WARNING)  # jieba logs "Building prefix dict" at INFO on every load

USER_WORD_FREQ = 2000  # high enough that jieba keeps "求扩散" and "工信部申诉" whole
HAN_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff]+)")
LATIN_TOKEN = re.compile(r"[a-z0-9+#&._%'\-]+|\S")


def read_userdict(path: Path) -> tuple[str, ...]:
    """Words of a jieba user dictionary ("word [freq] [pos]" per line)."""
    words = []
    for line in Path(path).read_text("utf-8").splitlines():
        word = line.strip().split(" ")[0] if line.strip() else ""
        if word:
            words.append(word)
    return tuple(words)


def jieba_dictionary(min_freq: int) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (word → freq, every proper prefix → 0) and its total."""
    freq: dict[str, int] = {}
    total = 0
    # Streamed line by line: reading the 5 MB file at once would add ~40 MB to the peak.
    with resources.files("jieba").joinpath("dict.txt").open("r", encoding="utf-8") as lines:
        for line in lines:
            word, count = line.split(" ", 2)[:2]
            if int(count) < min_freq:
                continue
            freq[word] = int(count)
            total += int(count)
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)  # jieba's DAG walks prefixes until a miss
    return freq, total


class JiebaTokenizer:
    """Callable text → tokens (whitespace dropped); lower-cased input is expected."""

    def __init__(self, words: Iterable[str] = (), hmm: bool = False, min_freq: int = 10) -> None:
        self.words = tuple(words)
        self.hmm = hmm
        self.min_freq = min_freq
        self._jieba: Any = None
        self._lock = threading.Lock()

    def _instance(self) -> Any:
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    tok = jieba.Tokenizer()
                    tok.FREQ, tok.total = jieba_dictionary(self.min_freq)
                    tok.initialized = True  # skip jieba's own full load and cache file
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
        """Tokens of `text`: jieba words for Chinese runs, regex words for the rest."""
        jb = self._instance()
        tokens: list[str] = []
        # re.split with a capturing group alternates: other text, Chinese run, other, …
        for i, part in enumerate(HAN_RUN.split(text)):
            if not part:
                continue
            if i % 2:
                tokens.extend(jb.lcut(part, HMM=self.hmm))
            else:
                tokens.extend(LATIN_TOKEN.findall(part))
        return tokens

    def __getstate__(self) -> dict[str, Any]:
        return {"words": self.words, "hmm": self.hmm, "min_freq": self.min_freq}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["words"], state["hmm"], state.get("min_freq", 10))  # type: ignore[misc]
