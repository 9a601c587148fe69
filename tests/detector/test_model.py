"""The trained model on NEW hand-written posts (not in the corpus), and its artifact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detector import Detector, PostInput
from detector.artifact import METADATA_FILE
from detector.model import ModelDetector

# (text, expected stage, expected extortion). Written for these tests; none is in
# data/corpus. Each is a kind of post keyword alerting gets wrong.
HARD_CASES = [
    # Trigger words in other senses.
    ("这台新相机的自动曝光很准, 逆光人像也不会糊", "none", False),
    ("律所实习生求职: 法学院毕业, 想进诉讼团队, 有推荐的吗", "none", False),
    ("热搜上那个综艺看了吗? 笑死我了哈哈哈", "none", False),
    ("工商银行新出的信用卡积分活动挺划算的, 推荐大家办", "none", False),
    ("Our team is hiring a reporter-facing PR intern, DM me", "none", False),
    ("The new phone's exposure control in night mode is superb", "none", False),
    # Negation and resolution.
    ("本来打算去12315投诉的, 结果客服第二天就把钱退回来了, 算了", "complaint", False),
    ("放心我不会去曝光你们, 只想把这个月的话费问题解决", "complaint", False),
    ("Was going to file with the FTC but they refunded me the same day, fair enough", "complaint",
     False),
    # Traditional Chinese.
    ("保險理賠拖了兩個月, 打了七次客服都說在審核, 下週直接找律師", "threat", False),
    ("物業亂收停車費, 我們三十多戶業主已經聯名, 明天一起去找電視台, 請大家幫忙轉發", "public",
     False),
    ("外送又送錯了, 客服態度超差, 真的很失望", "complaint", False),
    # English.
    ("Third time my internet has dropped this week, support keeps closing my ticket. Fix it.",
     "complaint", False),
    ("If my refund isn't back by Friday I'm filing a complaint with the state attorney general",
     "threat", False),
    ("Dozens of us got the same bogus fee from this gym. Reporter from the local news is on it,"
     " please share so others check their statements", "public", False),
    # Extortion.
    ("你们这个月不给我赔两万, 我就把监控视频发抖音, 自己掂量", "threat", True),
    ("给我打五千块钱我立马删帖, 不然明天上热搜", "threat", True),
    ("Send me $2,000 and I'll take the video down. Otherwise it goes on TikTok tonight.",
     "threat", True),
    # Ordinary cases for balance.
    ("刚收到的扫地机器人挺好用, 吸力比旧的大多了", "none", False),
    ("空调装了一周就漏水, 售后一直推来推去", "complaint", False),
]


def _text(case: object) -> str:
    return case.values[0] if hasattr(case, "values") else case[0]  # type: ignore[index]


@pytest.mark.parametrize(("text", "stage", "extortion"), HARD_CASES,
                         ids=[_text(c)[:18] for c in HARD_CASES])
def test_hard_case(model: Detector, text: str, stage: str, extortion: bool) -> None:
    d = model.detect(PostInput(text=text))
    assert (d.stage, d.extortion) == (stage, extortion), d.stage_probs


def test_hard_cases_mostly_right(model: Detector) -> None:
    """A floor for the set as a whole, so one wobbly case does not hide a regression."""
    cases = [c.values if hasattr(c, "values") else c for c in HARD_CASES]
    out = model.detect_many([PostInput(t) for t, _, _ in cases])
    right = sum(d.stage == s for d, (_, s, _) in zip(out, cases, strict=True))
    assert right >= 0.85 * len(HARD_CASES)


def test_load_gives_the_model_with_metadata(artifact: Path, model: Detector) -> None:
    assert isinstance(model, ModelDetector)
    meta = json.loads((artifact / METADATA_FILE).read_text("utf-8"))
    assert model.version == meta["version"] and meta["version"].startswith("model-")
    assert {"trained_at", "corpus_hash", "n_examples", "metrics"} <= set(meta)


def test_env_var_selects_the_artifact(artifact: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAREWATCH_MODEL", str(artifact))
    assert Detector.load().version.startswith("model-")


def test_current_points_at_the_newest(artifact: Path) -> None:
    assert (artifact.parent / "current" / "model.joblib").is_file()


def test_detect_many_matches_detect(model: Detector) -> None:
    posts = [PostInput(_text(c)) for c in HARD_CASES[:6]]
    assert [d.stage for d in model.detect_many(posts)] == [model.detect(p).stage for p in posts]
    assert model.detect_many([]) == []


def test_detection_carries_signals_and_breakdown(model: Detector) -> None:
    text = "再不退款就去12315, 已经打了五次客服电话"
    d = model.detect(PostInput(text, platform="weibo", author_followers=5000))
    assert d.signals and all(text[s.start : s.end] == s.span for s in d.signals)
    assert d.severity_breakdown and abs(sum(d.stage_probs.values()) - 1) < 1e-3


def test_add_words_reaches_the_tokenizer(model: Detector) -> None:
    model.add_words(["星联通信"])
    tokenizer = model.model.named_steps["prepare"].tokenizer_  # type: ignore[attr-defined]
    assert "星联通信" in tokenizer("星联通信的客服")
