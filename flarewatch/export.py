"""Export posts with their detections for analysts: CSV, JSONL or Excel."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from flarewatch.store import Store

FORMATS = ("csv", "jsonl", "xlsx")
COLUMNS = (
    "id", "platform", "native_id", "source", "brand", "author_id", "author_name",
    "author_followers", "text", "url", "created_at", "reposts", "comments", "likes",
    "stage", "extortion", "severity", "level", "signals", "model_version", "incident_id",
)


def export(store: Store, path: Path, fmt: str, since: datetime | None = None,
           flagged_only: bool = False) -> int:
    """Write the rows to `path` (via a temporary file, so a failure leaves no half file)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    rows = store.export_rows(since=since, flagged_only=flagged_only)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    count = {"csv": _csv, "jsonl": _jsonl, "xlsx": _xlsx}[fmt](rows, tmp)
    tmp.replace(path)
    return count


def _csv(rows: Iterator[dict[str, Any]], path: Path) -> int:
    count = 0
    # utf-8-sig so that Excel opens Chinese text correctly
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _jsonl(rows: Iterator[dict[str, Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            record = dict(row)
            record["signals"] = json.loads(record["signals"]) if record["signals"] else []
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _xlsx(rows: Iterator[dict[str, Any]], path: Path) -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("posts")
    sheet.append(list(COLUMNS))
    count = 0
    for row in rows:
        sheet.append([row.get(c) for c in COLUMNS])
        count += 1
    workbook.save(path)
    return count
