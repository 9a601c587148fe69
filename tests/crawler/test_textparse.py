"""Shared parsers for what platforms really put in text fields."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.textparse import html_to_text, parse_count, parse_time

# 2026-11-25 16:31 UTC is 2026-11-26 00:31 in Shanghai: "昨天" is the 25th there.
NOW = datetime(2026, 11, 25, 16, 31, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (42, 42), ("3,456", 3456), ("1.2万", 12000), ("100万+", 1_000_000), ("2.5k", 2500),
        ("3亿", 300_000_000), (" 7 ", 7), ("1.5w", 15000), ("１２", 12), ("评论", None),
        ("赞", None), ("", None), (None, None), (True, None), (-1, None), (3.0, 3),
        (float("nan"), None), ({"n": 1}, None), ("12，345", 12345),
    ],
)
def test_parse_count(value: object, expected: int | None) -> None:
    assert parse_count(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue Nov 24 14:25:00 +0800 2026", datetime(2026, 11, 24, 6, 25, tzinfo=UTC)),
        ("刚刚", NOW),
        ("5分钟前", datetime(2026, 11, 25, 16, 26, tzinfo=UTC)),
        ("3小时前", datetime(2026, 11, 25, 13, 31, tzinfo=UTC)),
        ("昨天 12:30", datetime(2026, 11, 25, 4, 30, tzinfo=UTC)),
        ("今天 00:10", datetime(2026, 11, 25, 16, 10, tzinfo=UTC)),
        ("06-27", datetime(2026, 6, 26, 16, 0, tzinfo=UTC)),
        ("12-30", datetime(2025, 12, 29, 16, 0, tzinfo=UTC)),  # ahead of now: last year
        ("11月20日 08:00", datetime(2026, 11, 20, 0, 0, tzinfo=UTC)),
        ("2026-11-24 14:05", datetime(2026, 11, 24, 6, 5, tzinfo=UTC)),
        ("2026年11月24日", datetime(2026, 11, 23, 16, 0, tzinfo=UTC)),
        ("2026-11-24T06:05:00Z", datetime(2026, 11, 24, 6, 5, tzinfo=UTC)),
        ("2026-11-24T14:05:00.000+08:00", datetime(2026, 11, 24, 6, 5, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 06:12:00 GMT", datetime(2026, 11, 24, 6, 12, tzinfo=UTC)),
        (1795500000, datetime(2026, 11, 24, 6, 0, tzinfo=UTC)),
        (1795500000000, datetime(2026, 11, 24, 6, 0, tzinfo=UTC)),
        ("1795500000", datetime(2026, 11, 24, 6, 0, tzinfo=UTC)),
        ("02-30", None), ("25:61", None), ("soon", None), ("", None), (None, None), (True, None),
        (-5, None), (float("nan"), None),
    ],
)
def test_parse_time(value: object, expected: datetime | None) -> None:
    assert parse_time(value, NOW) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>a &amp; b</p><p>c</p>", "a & b\nc"),
        ('投诉<img alt="[怒]" src="x.png">了', "投诉[怒]了"),
        ("line<br>next<br/>end", "line\nnext\nend"),
        ("&quot;客服&quot;&nbsp;说&#x3002;", '"客服" 说。'),
        ("<script>alert(1)</script>visible", "visible"),
        ("I <3 this & <that", "I <3 this & <that"),
        ("", ""), (None, ""), (42, ""),
    ],
)
def test_html_to_text(html: object, expected: str) -> None:
    assert html_to_text(html) == expected
