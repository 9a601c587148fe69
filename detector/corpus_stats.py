"""Class counts of the corpus as Markdown tables (for data/corpus/README.md).

    .venv/bin/python -m detector.corpus_stats [data/corpus]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from detector.corpus import Example, load_corpus
from detector.types import STAGES


def table(examples: list[Example], key: str) -> str:
    """Rows: values of `key`; columns: stages, extortion, total."""
    rows = sorted({getattr(e, key) for e in examples})
    counts = Counter((getattr(e, key), e.stage) for e in examples)
    ext = Counter(getattr(e, key) for e in examples if e.extortion)
    total = Counter(getattr(e, key) for e in examples)
    lines = [f"| {key} | " + " | ".join(STAGES) + " | extortion | total |",
             "|---" * (len(STAGES) + 3) + "|"]
    for r in rows:
        cells = [str(counts[(r, s)]) for s in STAGES] + [str(ext[r]), str(total[r])]
        lines.append(f"| {r} | " + " | ".join(cells) + " |")
    stage_totals = Counter(e.stage for e in examples)
    cells = [str(stage_totals[s]) for s in STAGES]
    lines.append("| **all** | " + " | ".join(cells)
                 + f" | {sum(e.extortion for e in examples)} | {len(examples)} |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    examples = load_corpus(Path(argv[0] if argv else "data/corpus"))
    for key in ("script", "style", "industry"):
        print(table(examples, key), end="\n\n")


if __name__ == "__main__":
    main(sys.argv[1:])
