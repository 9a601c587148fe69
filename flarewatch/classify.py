"""`flarewatch classify`: JSONL in, JSONL out, with each post's stage and severity added."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

from detector.types import Detection, PostInput
from flarewatch.pipeline import DetectorLike

BATCH = 512
_COUNTS = ("author_followers", "reposts", "comments", "likes")


@dataclass
class ClassifyReport:
    classified: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)


def classify_stream(detector: DetectorLike, lines: Iterable[str], out: TextIO) -> ClassifyReport:
    """Classify every well-formed line; report the others by line number and go on."""
    report = ClassifyReport()
    batch: list[tuple[dict[str, Any], PostInput]] = []
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            batch.append((record, to_input(record)))
        except (json.JSONDecodeError, ValueError, TypeError) as exc:
            report.skipped.append((line_no, _problem(exc)))
            continue
        if len(batch) >= BATCH:
            report.classified += _flush(detector, batch, out)
    report.classified += _flush(detector, batch, out)
    return report


def to_input(record: Any) -> PostInput:
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('needs a non-empty "text" string')
    metrics = record.get("metrics") if isinstance(record.get("metrics"), dict) else {}
    counts = {k: _count(record.get(k, metrics.get(k)), k) for k in _COUNTS}
    return PostInput(text=text, platform=str(record.get("platform") or ""), **counts)


def result_fields(detection: Detection) -> dict[str, Any]:
    return {
        "stage": detection.stage,
        "stage_probs": {k: round(v, 4) for k, v in detection.stage_probs.items()},
        "extortion": detection.extortion,
        "severity": detection.severity,
        "level": detection.level,
        "signals": [asdict(s) for s in detection.signals],
        "severity_breakdown": {k: round(v, 2) for k, v in detection.severity_breakdown.items()},
        "model_version": detection.model_version,
    }


def _flush(detector: DetectorLike, batch: list[tuple[dict[str, Any], PostInput]],
           out: TextIO) -> int:
    if not batch:
        return 0
    detections = detector.detect_many([inp for _, inp in batch])
    for (record, _), detection in zip(batch, detections, strict=True):
        out.write(json.dumps({**record, **result_fields(detection)}, ensure_ascii=False) + "\n")
    out.flush()
    count = len(batch)
    batch.clear()
    return count


def _count(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f'"{name}" must be a non-negative number, got {value!r}')
    return int(value)


def _problem(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg} at column {exc.colno})"
    return str(exc)
