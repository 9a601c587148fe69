"""The dashboard scripts run against a real store (Streamlit's AppTest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from detector import RuleDetector
from flarewatch.config import Settings, load_settings
from flarewatch.pipeline import Pipeline
from flarewatch.store import Store
from tests.streams import write_config

APP = str(Path(__file__).parents[2] / "dashboard" / "app.py")


@pytest.fixture
def filled(tmp_path: Path, stream: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    config = write_config(tmp_path, stream)
    settings = load_settings(config)
    store = Store.open(settings.store.path)
    Pipeline(settings, store, RuleDetector()).poll(settings.sources[0])
    store.close()
    monkeypatch.setenv("FLAREWATCH_CONFIG", str(config))
    return settings


def test_queue_lists_incidents_by_severity(filled: Settings) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    store = Store.open(filled.store.path)
    expected = store.ranked_incidents()
    store.close()
    titles = [e.label for e in at.expander]
    assert len(titles) == len(expected) > 0
    for title, incident in zip(titles, expected, strict=True):
        assert title.startswith(f":{incident.level}-background[{incident.severity}]")
        assert incident.title in title


def test_deep_link_opens_the_incident(filled: Settings) -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["incident"] = "1"
    at.run()
    assert not at.exception
    opened = [e for e in at.expander if e.proto.expanded]
    assert len(opened) == 1 and "incident #1" in opened[0].markdown[0].value


def test_sources_page_shows_health(filled: Settings) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page("views/sources.py").run()
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame["source"]) == ["replay"] and list(frame["state"]) == ["ok"]


def test_bad_config_is_shown_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("timezon = 'Asia/Shanghai'\n", encoding="utf-8")
    monkeypatch.setenv("FLAREWATCH_CONFIG", str(bad))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "timezon: unknown key" in at.error[0].value


def test_resolve_removes_the_incident_from_the_queue(filled: Settings) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    before = len(at.expander)
    at.button(key="resolve-1").click().run()
    assert not at.exception
    assert len(at.expander) == before - 1
    store = Store.open(filled.store.path)
    assert store.incident(1).status == "resolved"
    audit = list(store.db.query("SELECT actor, action FROM audit_log"))
    store.close()
    assert audit == [{"actor": "dashboard", "action": "incident.resolved"}]


def test_acknowledge_marks_the_incident(filled: Settings) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.button(key="ack-1").click().run()
    assert not at.exception
    store = Store.open(filled.store.path)
    assert store.incident(1).status == "acknowledged"
    store.close()
