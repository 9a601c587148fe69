"""The keyword baseline: trigger-word lists per alert level, as monitoring tools use them."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from detector.normalize import normalize

# Highest level first: a post gets the first level whose words it contains.
LEVEL_ORDER = ("public", "threat", "complaint")


@dataclass(frozen=True)
class KeywordBaseline:
    """Stage = the highest level with a trigger word in the text, else "none"."""

    words: Mapping[str, tuple[str, ...]]

    @classmethod
    def from_toml(cls, path: Path) -> KeywordBaseline:
        data = tomllib.loads(Path(path).read_text("utf-8"))
        return cls({lvl: tuple(w.lower() for w in data[lvl]["words"]) for lvl in LEVEL_ORDER})

    def stage(self, text: str) -> str:
        norm = normalize(text).text
        for level in LEVEL_ORDER:
            if any(w in norm for w in self.words[level]):
                return level
        return "none"

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [self.stage(t) for t in texts]
