"""The public API: Detector.load falls back to the rules, and the rules behave."""

from pathlib import Path

import pytest

from detector import Detector, PostInput, RuleDetector, SeverityWeights
from detector.normalize import normalize
from detector.rules import rule_stage
from detector.signals import find_signals


def stage(text: str) -> str:
    norm = normalize(text)
    return rule_stage(norm, find_signals(norm))


def test_load_without_model_returns_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAREWATCH_MODEL", str(tmp_path / "missing"))
    det = Detector.load()
    assert isinstance(det, RuleDetector)
    assert det.version.startswith("rules-")


def test_explicit_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Detector.load(tmp_path / "missing")


def test_weights_mapping_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAREWATCH_MODEL", str(tmp_path / "missing"))
    det = Detector.load(weights={"base": 0.5})
    assert det.weights == SeverityWeights(base=0.5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新款耳机音质真不错, 续航也给力", "none"),
        ("夜景模式曝光过度, 求教参数怎么调", "none"),
        ("买的空调三天就不制冷了, 客服一直让我等, 太失望了", "complaint"),
        ("再不给我退款, 我周一就去市场监管局投诉你们", "threat"),
        ("已经打了六次客服电话, 每次都说会回电, 准备找律师了", "threat"),
        ("不赔我三倍就把视频发到抖音上让大家看看", "threat"),
        ("曝光某某保险理赔拖了三个月! 求扩散, 让更多人别上当 @消费者报道", "public"),
        ("我们二十多个业主已经建了维权群, 明天一起去售楼处讨说法", "public"),
        ("貸款被亂扣費, 已經聯繫記者, 大家幫忙轉發", "public"),
        ("本来想投诉到12315, 后来客服主动解决了", "complaint"),
    ],
)
def test_rules_on_the_labels_examples(text: str, expected: str) -> None:
    assert stage(text) == expected


def test_detect_returns_a_full_detection() -> None:
    det = RuleDetector()
    d = det.detect(PostInput("不赔我三倍就把视频发到抖音上让大家看看", platform="weibo",
                             author_followers=20_000))
    assert d.extortion and d.flagged and d.stage == "threat"
    assert d.model_version == det.version
    assert abs(sum(d.stage_probs.values()) - 1) < 1e-3
    assert d.signals and d.severity_breakdown
    assert 0 <= d.severity <= 100


def test_detect_many_keeps_order() -> None:
    texts = ["空调坏了太失望", "求扩散! 大家评评理, 退款三个月没到", "音质不错"]
    out = RuleDetector().detect_many([PostInput(t) for t in texts])
    assert [d.stage for d in out] == ["complaint", "public", "none"]
