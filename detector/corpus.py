"""Reading the labeled corpus (data/corpus/*.jsonl, format in data/README.md)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from detector.types import STAGES

FIELDS = ("id", "text", "stage", "extortion", "industry", "script", "style")
SCRIPTS = frozenset({"hans", "hant", "en"})


class CorpusError(ValueError):
    """A corpus line that does not follow data/README.md; names file and line."""


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    stage: str
    extortion: bool
    industry: str = ""
    script: str = ""
    style: str = ""


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(Path(corpus_dir).glob("*.jsonl"))


def parse_line(line: str, where: str) -> Example:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: not JSON ({exc.msg})") from exc
    missing = [f for f in FIELDS if f not in row]
    if missing:
        raise CorpusError(f"{where}: missing {', '.join(missing)}")
    if row["stage"] not in STAGES:
        raise CorpusError(f"{where}: stage {row['stage']!r} not in {STAGES}")
    if not isinstance(row["extortion"], bool):
        raise CorpusError(f"{where}: extortion must be true or false")
    if row["script"] not in SCRIPTS:
        raise CorpusError(f"{where}: script {row['script']!r} not in {sorted(SCRIPTS)}")
    if not str(row["text"]).strip():
        raise CorpusError(f"{where}: empty text")
    return Example(**{f: row[f] for f in FIELDS})


def load_corpus(corpus_dir: Path) -> list[Example]:
    """All examples, in file then line order; raises CorpusError on the first bad line."""
    examples = []
    for path in corpus_files(corpus_dir):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                examples.append(parse_line(line, f"{path.name}:{n}"))
    return examples


def extra_examples(rows: Iterable[Mapping[str, object]]) -> list[Example]:
    """Analyst labels (text, stage, extortion[, id]) as examples; bad rows raise."""
    out = []
    for n, row in enumerate(rows, 1):
        stage = str(row.get("stage", ""))
        if stage not in STAGES or not str(row.get("text", "")).strip():
            raise CorpusError(f"extra label {n}: needs text and a stage in {STAGES}")
        out.append(Example(str(row.get("id", f"label-{n}")), str(row["text"]), stage,
                           bool(row.get("extortion", False))))
    return out


def corpus_hash(examples: Iterable[Example]) -> str:
    """sha256 over ids, texts and labels in a fixed order: same data, same hash."""
    digest = hashlib.sha256()
    for ex in sorted(examples, key=lambda e: e.id):
        digest.update(f"{ex.id}\t{ex.text}\t{ex.stage}\t{int(ex.extortion)}\n".encode())
    return digest.hexdigest()
