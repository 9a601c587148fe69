"""File import: CSV (UTF-8 and GBK), JSONL and XLSX with a column mapping."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from pydantic import ValidationError

from crawler.importer import ColumnMapping, RowError, import_file

MAPPING = ColumnMapping(text=["标题", "内容"], id="编号", author_name="作者",
                        created_at="发布时间", reposts="转发", likes="点赞", url="链接")
HEADER = "编号,标题,内容,作者,发布时间,转发,点赞,链接\n"


def test_gbk_csv_from_excel(tmp_path: Path) -> None:
    rows = (HEADER + "1001,售后太差,三次上门没修好&amp;不退款,小王,2026-11-24 14:05,1.2万,\"3,456\",https://x/1\n"
            "1002,,,小李,2026-11-24 15:00,0,0,\n"
            "1003,再不退款就找媒体,,老张,不是时间,1,2,\n"
            "1004,好评,,小赵,2026/11/24 16:00,很多,2,\n")
    path = tmp_path / "export.csv"
    path.write_bytes(rows.encode("gbk"))
    result = import_file(path, MAPPING, platform="tousu")
    assert result.rows == 4 and len(result.posts) == 1
    post = result.posts[0]
    assert (post.platform, post.native_id, post.author_name) == ("tousu", "1001", "小王")
    assert post.text == "售后太差\n三次上门没修好&不退款"
    assert (post.reposts, post.likes, post.url) == (12000, 3456, "https://x/1")
    assert post.created_at == datetime(2026, 11, 24, 6, 5, tzinfo=UTC)
    assert result.errors == [
        RowError(3, "no text in column(s) ['标题', '内容']"),
        RowError(4, "created_at '不是时间' is not a time"),
        RowError(5, "reposts '很多' is not a count"),
    ]


def test_missing_column_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8-sig")
    result = import_file(path, MAPPING)
    assert result.posts == [] and result.errors[0].row == 1
    message = result.errors[0].message
    assert "['标题', '内容', '编号'" in message and "'body'" in message


def test_jsonl_with_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"mid": 5099, "text": "客服不理人", "time": 1795500000, "user": "a",
                    "platform": "weibo"}, ensure_ascii=False),
        "{broken",
        "[1, 2]",
        "",
        json.dumps({"text": "没有编号的帖子", "time": "5分钟前"}, ensure_ascii=False),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    mapping = ColumnMapping(text=["text"], id="mid", created_at="time", author_id="user",
                            platform="platform")
    result = import_file(path, mapping, platform="vendor")
    assert result.posts[0].native_id == "5099"
    assert result.posts[0].platform == "weibo" and result.posts[1].platform == "vendor"
    assert result.posts[1].native_id.startswith("sha1:")  # stable id for id-less rows
    again = import_file(path, mapping, platform="vendor")
    assert again.posts[1].native_id == result.posts[1].native_id
    assert [(e.row, e.message.split(":")[0]) for e in result.errors] == [
        (2, "not valid JSON"), (3, "not a JSON object")]


def test_xlsx_with_dates_and_float_ids(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", "标题", "内容", "作者", "发布时间", "转发", "点赞", "链接"])
    sheet.append([880001.0, "拒绝退款", "已投诉12315", "消费者A", datetime(2026, 11, 24, 14, 5),
                  3.0, "1.2万", None])
    sheet.append([None, None, None, None, None, None, None, None])
    sheet.append([880002, None, None, "消费者B", None, None, None, None])
    path = tmp_path / "portal.xlsx"
    book.save(path)
    result = import_file(path, MAPPING, platform="portal")
    post = result.posts[0]
    assert (post.native_id, post.reposts, post.likes) == ("880001", 3, 12000)
    assert post.created_at == datetime(2026, 11, 24, 6, 5, tzinfo=UTC)
    assert result.errors == [RowError(4, "no text in column(s) ['标题', '内容']")]


def test_mapping_and_file_type_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        ColumnMapping.model_validate({"text": ["a"], "shares": "b"})
    with pytest.raises(ValueError, match="unsupported file type"):
        import_file(tmp_path / "x.pdf", MAPPING)
