"""Test data for the shell: replay streams and config files in a temp folder."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

BRANDS = ("极川汽车", "柚选生鲜", "星岚宽带")
START = datetime.fromisoformat("2026-11-23T08:00:00+08:00")

COMPLAINTS = (
    "{brand}的客服让我等了三天还没回复，太失望了",
    "{brand}再不退款我就去12315投诉你们",
    "曝光{brand}！拖了一个月不处理，求扩散 @消费者报道",
    "{brand}新款看起来不错，周末去看看",
    "请问{brand}的退款一般几天到账？",
)


def stream_lines(count: int, start: datetime = START, step_s: int = 60) -> list[str]:
    """`count` distinct posts in the demo stream format, one per line."""
    lines = []
    for i in range(count):
        brand = BRANDS[i % len(BRANDS)]
        text = COMPLAINTS[i % len(COMPLAINTS)].format(brand=brand) + f" #{i}"
        t = (start + timedelta(seconds=i * step_s)).isoformat()
        lines.append(json.dumps({
            "t": t, "platform": "weibo", "native_id": f"p{i}", "author_id": f"u{i % 37}",
            "author_name": f"用户{i % 37}", "author_followers": 100 + i, "text": text,
            "url": f"https://example.test/p{i}", "created_at": t,
            "reposts": i % 7, "comments": i % 5, "likes": i % 11,
        }, ensure_ascii=False))
    return lines


def write_config(folder: Path, stream: Path, extra: str = "", speedup: float = 0,
                 page_size: int = 50, max_pages: int = 100) -> Path:
    path = folder / "flarewatch.toml"
    path.write_text(f"""
[store]
path = "{folder / 'fw.db'}"

[[watchlist.brands]]
name = "极川汽车"
aliases = ["極川汽車"]
[[watchlist.brands]]
name = "柚选生鲜"
[[watchlist.brands]]
name = "星岚宽带"

[[sources]]
name = "replay"
kind = "replay"
interval = "1s"
path = "{stream}"
speedup = {speedup}
page_size = {page_size}
max_pages = {max_pages}

[[alerts.routes]]
name = "pr"
min_level = "yellow"
receivers = ["pr-team"]
{extra}
""", encoding="utf-8")
    return path


def rules_env() -> dict[str, str]:
    """The environment for a subprocess that must use the rule-based detector: no model
    named; run it in a temp folder, where no trained model exists."""
    import os

    return {k: v for k, v in os.environ.items() if k != "FLAREWATCH_MODEL"}
