"""A bad configuration gets one clear line naming the file and the key, and no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crawler.base import Page, SourceConfig, SourceSpec
from crawler.sources import REGISTRY
from flarewatch.config import ConfigError, load_settings

GOOD = """
timezone = "Asia/Shanghai"
[[watchlist.brands]]
name = "极川汽车"
[[sources]]
name = "demo"
kind = "replay"
interval = "30s"
path = "stream.jsonl"
"""


def _errors(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> list[str]:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, environ=environ or {})
    return caught.value.lines


def test_good_config_loads_and_resolves_paths(tmp_path: Path) -> None:
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    settings = load_settings(path, environ={})
    assert settings.sources[0].path == tmp_path / "stream.jsonl"
    assert settings.store.path == tmp_path / "var/flarewatch.db"


def test_shipped_example_config_is_valid() -> None:
    settings = load_settings(Path(__file__).parents[2] / "config/flarewatch.toml", environ={})
    assert {b.name for b in settings.watchlist.brands} == {"极川汽车", "柚选生鲜", "星岚宽带"}
    assert settings.sources[0].kind == "replay"


def test_typo_in_key_names_key_and_suggests_fix(tmp_path: Path) -> None:
    text = GOOD.replace("[[watchlist.brands]]\nname", "[[watchlist.brands]]\nnmae")
    lines = _errors(tmp_path, text)
    assert any("watchlist.brands[0].nmae: unknown key; did you mean 'name'?" in x for x in lines)
    assert all(str(tmp_path / "bad.toml") in x for x in lines)


def test_typo_in_source_key(tmp_path: Path) -> None:
    lines = _errors(tmp_path, GOOD.replace('interval = "30s"', 'intervall = "30s"'))
    assert lines == [f"{tmp_path / 'bad.toml'}: sources[0].intervall: unknown key; "
                     "did you mean 'interval'?"]


def test_wrong_type(tmp_path: Path) -> None:
    lines = _errors(tmp_path, GOOD + '\n[store]\npath = 5\n')
    assert len(lines) == 1
    assert "store.path" in lines[0]


def test_bad_interval(tmp_path: Path) -> None:
    lines = _errors(tmp_path, GOOD.replace('"30s"', '"every minute"'))
    assert lines == [f"{tmp_path / 'bad.toml'}: sources[0].interval: 'every minute' is not an "
                     "interval; write e.g. '30s', '5m', '1h30m' or '2d'"]


def test_unknown_source_kind(tmp_path: Path) -> None:
    lines = _errors(tmp_path, GOOD.replace('kind = "replay"', 'kind = "myspace"'))
    assert len(lines) == 1 and "sources[0].kind: 'myspace' is not a source kind" in lines[0]


class _SecretSource(SourceConfig):
    token_env: str


@pytest.fixture
def secret_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SourceSpec(kind="secretive", config=_SecretSource,
                      fetch=lambda http, cfg, cursor: Page(posts=[], cursor=cursor),
                      description="a source that needs a token")
    monkeypatch.setitem(REGISTRY, "secretive", spec)


SECRET = GOOD + """
[[sources]]
name = "vendor"
kind = "secretive"
token_env = "VENDOR_TOKEN"
"""


def test_unset_secret_env_var_is_named(tmp_path: Path, secret_kind: None) -> None:
    lines = _errors(tmp_path, SECRET)
    assert lines == [f"{tmp_path / 'bad.toml'}: sources[1].token_env: environment variable "
                     "VENDOR_TOKEN is not set; export VENDOR_TOKEN=… before starting Flarewatch"]


def test_set_secret_env_var_passes(tmp_path: Path, secret_kind: None) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(SECRET, encoding="utf-8")
    assert load_settings(path, environ={"VENDOR_TOKEN": "s3cret"}).sources[1].name == "vendor"


def test_disabled_source_needs_no_secret(tmp_path: Path, secret_kind: None) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(SECRET + "enabled = false\n", encoding="utf-8")
    assert load_settings(path, environ={}).sources[1].enabled is False


def test_cli_prints_one_line_per_mistake_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace("timezone", "timezon"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "flarewatch.cli", "-c", str(path), "sources"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() == (f"error: {path}: timezon: unknown key; "
                                   "did you mean 'timezone'?")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path / "nope.toml")
    assert "file not found" in caught.value.lines[0]


def test_unknown_severity_weight_suggests_the_name(tmp_path: Path) -> None:
    lines = _errors(tmp_path, GOOD + "\n[detector.severity_weights]\nfollower = 0.3\n")
    assert lines == [f"{tmp_path / 'bad.toml'}: detector.severity_weights: unknown severity "
                     "weight 'follower'; did you mean 'followers'? (got {'follower': 0.3})"]


def test_severity_weight_must_be_a_number(tmp_path: Path) -> None:
    lines = _errors(tmp_path, GOOD + "\n[detector.severity_weights]\nfollowers = 'high'\n")
    assert len(lines) == 1 and "severity weight 'followers' must be a number" in lines[0]
