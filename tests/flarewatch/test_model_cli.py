"""`flarewatch init`, `train` (corpus + analysts' labels) and `evaluate` end to end."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from crawler.base import RawPost
from flarewatch.cli import cli
from flarewatch.config import load_settings
from flarewatch.store import Store
from tests.streams import write_config

CORPUS = Path(__file__).parents[2] / "data" / "corpus"


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), obj={}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _corpus_size() -> int:
    return sum(1 for f in CORPUS.glob("*.jsonl") for line in f.open(encoding="utf-8")
               if line.strip())


def test_init_writes_a_starting_config_once(tmp_path: Path) -> None:
    config = tmp_path / "config" / "flarewatch.toml"
    assert "wrote" in _run("-c", str(config), "init")
    assert load_settings(config).sources[0].kind == "replay"
    assert (tmp_path / "var" / "flarewatch.db").exists()
    config.write_text(config.read_text(encoding="utf-8") + "\n# mine\n", encoding="utf-8")
    assert "keeping it" in _run("-c", str(config), "init")
    assert config.read_text(encoding="utf-8").endswith("# mine\n")


def test_train_uses_analyst_labels_and_skips_when_asked(tmp_path: Path, stream: Path) -> None:
    config = write_config(tmp_path, stream)
    settings = load_settings(config)
    store = Store.open(settings.store.path)
    post_id, _ = store.upsert_post("import", RawPost(
        platform="weibo", native_id="x1", text="星岚宽带的网关费我已经交给律师处理了"),
        "星岚宽带", fetched_at=datetime.now(UTC))
    store.add_label(post_id, "threat", False, labeler="analyst")
    store.close()
    out = _run("-c", str(config), "train")
    assert "and 1 analyst label(s)" in out
    meta = json.loads((tmp_path / "var/models/current/metadata.json").read_text("utf-8"))
    assert meta["n_examples"] == _corpus_size() + 1
    assert meta["version"].startswith("model-") and meta["metrics"]["macro_f1"] > 0.8
    assert "not training" in _run("-c", str(config), "train", "--if-missing")


def test_evaluate_writes_a_report_with_its_plot(tmp_path: Path, stream: Path) -> None:
    config = write_config(tmp_path, stream)
    report = tmp_path / "eval" / "report.md"
    out = _run("-c", str(config), "evaluate", "--report", str(report))
    assert "macro-F1" in out and "keywords" in out
    text = report.read_text(encoding="utf-8")
    assert "Keyword baseline" in text and "(report.png)" in text
    assert (report.parent / "report.png").stat().st_size > 10_000
