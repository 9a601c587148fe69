"""Posts from files: CSV, JSONL and XLSX exports (a vendor's dump, a portal's download).

A column mapping says which column holds which field. Rows that cannot be read are
reported by row number (as a spreadsheet shows it: the header is row 1) and skipped; the
rest are imported. Nothing here raises on bad data, only on a file that cannot be opened.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from pydantic import BaseModel, ConfigDict, Field

from crawler.base import RawPost
from crawler.http import decode_body
from crawler.textparse import CHINA, html_to_text, parse_count, parse_time

COUNT_FIELDS = ("author_followers", "reposts", "comments", "likes")
TEXT_FIELDS = ("author_id", "author_name", "url")


class ColumnMapping(BaseModel):
    """Which column holds which field; only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    text: list[str] = Field(min_length=1)  # several columns are joined, e.g. title + body
    id: str | None = None  # without it, an id is derived from the row's content
    platform: str | None = None  # a column naming the platform, else the default
    author_id: str | None = None
    author_name: str | None = None
    author_followers: str | None = None
    url: str | None = None
    created_at: str | None = None
    reposts: str | None = None
    comments: str | None = None
    likes: str | None = None

    def columns(self) -> list[str]:
        singles = [getattr(self, name) for name in type(self).model_fields if name != "text"]
        return [*self.text, *(c for c in singles if c)]


@dataclass(frozen=True)
class RowError:
    row: int
    message: str


@dataclass
class ImportResult:
    posts: list[RawPost] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0


Row = tuple[int, dict[str, Any] | str]  # (row number, values) or (row number, error text)


def import_file(path: Path | str, mapping: ColumnMapping, platform: str = "import",
                now: datetime | None = None) -> ImportResult:
    """Read every row of `path` into posts; unreadable rows become `RowError`s."""
    path = Path(path)
    result = ImportResult()
    # A CSV or sheet has one header for all rows; JSON lines may each omit empty keys.
    check_header = path.suffix.lower() not in (".jsonl", ".ndjson")
    for number, row in read_rows(path):
        result.rows += 1
        if isinstance(row, str):
            result.errors.append(RowError(number, row))
            continue
        if check_header and (missing := [c for c in mapping.columns() if c not in row]):
            result.errors.append(RowError(1, f"column(s) {missing} not in the file; it has "
                                             f"{sorted(row)}"))
            return result
        check_header = False
        post = _to_post(row, mapping, platform, now)
        if isinstance(post, str):
            result.errors.append(RowError(number, post))
        else:
            result.posts.append(post)
    return result


def read_rows(path: Path) -> Iterator[Row]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return _csv_rows(path, "\t" if suffix == ".tsv" else ",")
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl_rows(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    raise ValueError(f"{path.name}: unsupported file type {suffix!r} (use .csv, .tsv, .jsonl "
                     "or .xlsx)")


def _csv_rows(path: Path, delimiter: str) -> Iterator[Row]:
    # Excel in China saves CSV as GBK; decode_body finds the real encoding.
    text = decode_body(path.read_bytes())
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, {k: v for k, v in row.items() if k is not None}
    except csv.Error as exc:
        yield reader.line_num, f"unreadable CSV: {exc}"


def _jsonl_rows(path: Path) -> Iterator[Row]:
    lines = decode_body(path.read_bytes()).splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield number, f"not valid JSON: {exc}"
            continue
        yield (number, value) if isinstance(value, dict) else (number, "not a JSON object")


def _xlsx_rows(path: Path) -> Iterator[Row]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        for number, values in enumerate(rows, start=2):
            if all(v is None for v in values):
                continue
            yield number, dict(zip(header, values, strict=False))
    finally:
        book.close()


def _to_post(row: dict[str, Any], mapping: ColumnMapping, platform: str,
             now: datetime | None) -> RawPost | str:
    """A post, or the reason this row cannot be one."""
    text = "\n".join(t for t in (html_to_text(_cell(row.get(c))) for c in mapping.text) if t)
    if not text:
        return f"no text in column(s) {mapping.text}"
    values: dict[str, Any] = {}
    for name in COUNT_FIELDS:
        column = getattr(mapping, name)
        raw = _cell(row.get(column)) if column else ""
        values[name] = parse_count(raw) if raw else None
        if raw and values[name] is None:
            return f"{name} {raw!r} is not a count"
    for name in TEXT_FIELDS:
        column = getattr(mapping, name)
        values[name] = (_cell(row.get(column)) or None) if column else None
    created = _created(row.get(mapping.created_at) if mapping.created_at else None, now)
    if isinstance(created, str):
        return created
    source = (_cell(row.get(mapping.platform)) if mapping.platform else "") or platform
    native_id = _cell(row.get(mapping.id)) if mapping.id else ""
    when = _cell(row.get(mapping.created_at)) if mapping.created_at else ""
    return RawPost(platform=source, native_id=native_id or _derived_id(source, text, values,
                                                                       when),
                   text=text, created_at=created, raw={"row": row_json(row)}, **values)


def _cell(value: Any) -> str:
    """A cell as text; whole floats lose their ".0" (Excel stores ids and counts as floats)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _created(value: Any, now: datetime | None) -> datetime | str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):  # an Excel date cell; naive means the exporter's zone
        return parse_time(value.replace(tzinfo=value.tzinfo or CHINA).isoformat())
    moment = parse_time(value if isinstance(value, int | float) else _cell(value), now)
    return moment if moment is not None else f"created_at {value!r} is not a time"


def _derived_id(platform: str, text: str, values: dict[str, Any], when: str) -> str:
    # Stable across re-imports of the same export, so the store's dedup still works; the
    # time is taken as written, since "5分钟前" reads differently on each import.
    key = "\x1f".join([platform, text, values.get("author_id") or "", when])
    return "sha1:" + hashlib.sha1(key.encode()).hexdigest()


def row_json(row: dict[str, Any]) -> dict[str, Any]:
    return {str(k): v if isinstance(v, str | int | float | bool) or v is None else str(v)
            for k, v in row.items()}
