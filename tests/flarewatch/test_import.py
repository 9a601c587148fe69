"""`flarewatch import`: a GBK CSV export with a column mapping; bad rows listed, rest stored."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.streams import rules_env, write_config


def _import(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flarewatch.cli", "-c", str(config), "import",
                           *args], capture_output=True, text=True, timeout=120,
                          env=rules_env(), cwd=config.parent)


def test_csv_import_with_mapping_stores_and_scores(tmp_path: Path, stream: Path) -> None:
    config = write_config(tmp_path, stream)
    export = tmp_path / "vendor.csv"
    export.write_text(
        "编号,内容,发布时间,转发\n"
        "a1,极川汽车再不退款我就去12315投诉你们,2026-11-20 10:00:00,3\n"
        "a2,柚选生鲜的草莓很新鲜,2026-11-20 11:00:00,不知道\n"
        "a3,星岚宽带断网三天了，已经联系记者，大家帮忙转发,2026-11-20 12:00:00,40\n",
        encoding="gbk")
    args = [str(export), "--platform", "vendor", "-m", "id=编号", "-m", "text=内容",
            "-m", "created_at=发布时间", "-m", "reposts=转发"]
    proc = _import(config, *args)
    assert proc.returncode == 1  # one row was bad
    assert "row 3: skipped:" in proc.stderr
    assert "3 rows read, 1 skipped" in proc.stdout
    with sqlite3.connect(tmp_path / "fw.db") as db:
        rows = db.execute("SELECT native_id, p.platform, d.stage FROM posts p "
                          "JOIN detections d ON d.post_id = p.id ORDER BY native_id").fetchall()
    assert [r[:2] for r in rows] == [("a1", "vendor"), ("a3", "vendor")]
    assert rows[0][2] == "threat"
    again = _import(config, *args)
    assert "0 new" in again.stdout  # importing the same file twice stores nothing twice


def test_bad_mapping_is_a_clear_error(tmp_path: Path, stream: Path) -> None:
    config = write_config(tmp_path, stream)
    export = tmp_path / "x.csv"
    export.write_text("text\nhello\n", encoding="utf-8")
    proc = _import(config, str(export), "-m", "textcolumn")
    assert proc.returncode == 2 and "'textcolumn' is not FIELD=COLUMN" in proc.stderr
