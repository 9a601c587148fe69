"""Parsers for what platforms really put in text fields: HTML, counts and dates.

Every connector uses these, so a count like "1.2万" or a time like "昨天 12:30" is read
the same way whether it came from Weibo's API, an RSSHub feed or an analyst's export.
They never raise on odd input: an unreadable value becomes None.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")

# Tags after which a reader sees a line break; everything else is inline.
_BLOCK_TAGS = frozenset(
    {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
)
_SKIP_TAGS = frozenset({"script", "style"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "img":
            # Weibo and Mastodon render emoji as <img alt="[哈哈]">; the alt is the text.
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(value: object) -> str:
    """Plain text of an HTML fragment: tags dropped, entities unescaped, blank runs folded."""
    if not isinstance(value, str) or not value:
        return ""
    collector = _TextCollector()
    try:
        collector.feed(value)
        collector.close()
    except (AssertionError, ValueError):  # HTMLParser on badly broken markup
        return _fold_space(re.sub(r"<[^>]*>", " ", value))
    return _fold_space("".join(collector.parts))


def _fold_space(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\xa0", " ").splitlines())
    return "\n".join(line for line in lines if line).strip()


_UNITS = {"万": 10_000, "w": 10_000, "亿": 100_000_000, "千": 1_000, "k": 1_000, "m": 1_000_000}
_COUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*(万|亿|千|w|k|m)?\+?$", re.IGNORECASE)


def parse_count(value: object) -> int | None:
    """An engagement count: 42, "3,456", "1.2万", "100万+", "2.5k"; None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value >= 0 and value == value and value != float("inf") else None
    if not isinstance(value, str):
        return None
    cleaned = value.strip().replace(",", "").replace("，", "").replace(" ", "")
    match = _COUNT.match(cleaned)
    if not match:
        return None
    number = float(match.group(1))
    unit = (match.group(2) or "").lower()
    return round(number * _UNITS.get(unit, 1))


_RELATIVE = re.compile(r"^(\d+)\s*(秒|分钟|小时|天|周)前$")
_RELATIVE_UNITS = {"秒": "seconds", "分钟": "minutes", "小时": "hours", "天": "days", "周": "weeks"}
_DAY_WORD = re.compile(r"^(今天|昨天|前天)\s*(\d{1,2}):(\d{2})$")
_DAY_OFFSETS = {"今天": 0, "昨天": 1, "前天": 2}
_MONTH_DAY = re.compile(r"^(\d{1,2})[-/月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2}))?$")
_FULL_DATE = re.compile(
    r"^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_WEIBO_FORMAT = "%a %b %d %H:%M:%S %z %Y"  # Tue Feb 23 12:28:47 +0800 2021


def parse_time(
    value: object, now: datetime | None = None, local: tzinfo = CHINA
) -> datetime | None:
    """A timestamp in any form platforms use, as an aware UTC datetime; None if unreadable.

    Numbers are epoch seconds (milliseconds when too large for seconds). Times without a
    zone, and the relative forms Chinese sites print ("刚刚", "5分钟前", "昨天 12:30",
    "06-27"), are read in `local` relative to `now`.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    now = now or datetime.now(UTC)
    for reader in (_read_iso, _read_weibo, _read_rfc2822):
        parsed = reader(text, local)
        if parsed is not None:
            return parsed
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return _from_epoch(float(text))
    return _read_chinese(text, now.astimezone(local))


def _from_epoch(seconds: float) -> datetime | None:
    if seconds != seconds or seconds < 0:
        return None
    if seconds > 1e11:  # milliseconds: 1e11 s is the year 5138
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _aware(moment: datetime, local: tzinfo) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local)
    return moment.astimezone(UTC)


def _read_iso(text: str, local: tzinfo) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text):
        return None
    try:
        return _aware(datetime.fromisoformat(text.replace("Z", "+00:00")), local)
    except ValueError:
        return None


def _read_weibo(text: str, local: tzinfo) -> datetime | None:
    try:
        return _aware(datetime.strptime(text, _WEIBO_FORMAT), local)
    except ValueError:
        return None


def _read_rfc2822(text: str, local: tzinfo) -> datetime | None:
    if not re.match(r"^([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s", text):
        return None
    try:
        return _aware(parsedate_to_datetime(text), local)
    except (TypeError, ValueError, IndexError):
        return None


def _read_chinese(text: str, now: datetime) -> datetime | None:
    """Relative and partial dates, with `now` already in the local zone."""
    try:
        return _read_chinese_unchecked(text, now)
    except (ValueError, OverflowError):  # 02-30, 25:61 and the like
        return None


def _read_chinese_unchecked(text: str, now: datetime) -> datetime | None:
    if text in ("刚刚", "刚才"):
        return now.astimezone(UTC)
    if match := _RELATIVE.match(text):
        delta = timedelta(**{_RELATIVE_UNITS[match.group(2)]: int(match.group(1))})
        return (now - delta).astimezone(UTC)
    if match := _DAY_WORD.match(text):
        day = now - timedelta(days=_DAY_OFFSETS[match.group(1)])
        moment = day.replace(hour=int(match.group(2)), minute=int(match.group(3)), second=0,
                             microsecond=0)
        return moment.astimezone(UTC)
    if match := _FULL_DATE.match(text):
        year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
        return now.replace(year=year, month=month, day=day, hour=hour, minute=minute,
                           second=second, microsecond=0).astimezone(UTC)
    if match := _MONTH_DAY.match(text):
        return _month_day(now, *(int(g or 0) for g in match.groups()))
    return None


def _month_day(now: datetime, month: int, day: int, hour: int, minute: int) -> datetime:
    # "06-27" means this year, unless that date is still ahead: then it was last year.
    moment = now.replace(month=month, day=day, hour=hour, minute=minute, second=0, microsecond=0)
    if moment > now + timedelta(days=1):
        moment = moment.replace(year=now.year - 1)
    return moment.astimezone(UTC)
