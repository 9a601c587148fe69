"""`flarewatch classify`: JSONL in, JSONL out; bad lines reported by number, the rest kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.streams import rules_env


def _classify(stdin: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = rules_env()
    return subprocess.run(
        [sys.executable, "-m", "flarewatch.cli", "-c", str(tmp_path / "none.toml"),
         "classify", *args],
        input=stdin, capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)


def test_classify_from_stdin_prints_stage_and_severity(tmp_path: Path) -> None:
    proc = _classify('{"text":"再不退款我就去12315投诉你们"}\n', tmp_path)
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    result = json.loads(line)
    assert result["text"] == "再不退款我就去12315投诉你们"
    assert result["stage"] == "threat"
    assert 0 <= result["severity"] <= 100
    assert result["level"] in ("blue", "yellow", "orange", "red")
    assert {s["name"] for s in result["signals"]} >= {"regulator"}
    assert set(result["stage_probs"]) == {"none", "complaint", "threat", "public"}


def test_malformed_lines_are_reported_and_the_rest_classified(tmp_path: Path) -> None:
    lines = [
        '{"id": 1, "text": "新款耳机音质真不错"}',
        '{"id": 2, "text": ',
        '["not", "an", "object"]',
        '{"id": 4}',
        '{"id": 5, "text": "曝光！求扩散", "reposts": -3}',
        '{"id": 6, "text": "不赔我三倍就把视频发到抖音上", "platform": "weibo", "likes": 12}',
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = _classify("", tmp_path, "-i", str(source), "-o", str(out))
    assert proc.returncode == 1
    assert "line 2: skipped: not valid JSON" in proc.stderr
    assert "line 3: skipped: expected a JSON object" in proc.stderr
    assert 'line 4: skipped: needs a non-empty "text" string' in proc.stderr
    assert 'line 5: skipped: "reposts" must be a non-negative number' in proc.stderr
    results = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == [1, 6]
    assert results[1]["extortion"] is True and results[1]["likes"] == 12


@pytest.mark.parametrize("count", [1, 1300])
def test_output_keeps_input_order_across_batches(tmp_path: Path, count: int) -> None:
    stdin = "".join(json.dumps({"id": i, "text": f"第{i}条：快递丢件了"}) + "\n"
                    for i in range(count))
    proc = _classify(stdin, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == list(range(count))
