"""Signals: each kind fires on its cue, carries its span, and respects negation."""

import pytest

from detector.signals import CUE_NAMES, find_signals


def names(text: str) -> set[str]:
    return set(find_signals(text).names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("再不退款我就去12315投诉你们", "regulator"),
        ("明天去市場監管局反映", "regulator"),
        ("I'm filing a complaint with the CFPB today", "regulator"),
        ("已经报警了, 派出所说是诈骗", "police"),
        ("Called the police about the fake delivery", "police"),
        ("准备找律师起诉你们", "legal"),
        ("I'm taking them to small claims court", "legal"),
        ("已经联系了电视台的记者", "media"),
        ("a reporter from the local news called me back", "media"),
        ("我要把这事发到小红书上", "social_platform"),
        ("I will post this on Twitter", "social_platform"),
        ("求扩散! 大家评评理", "call_to_spread"),
        ("please share and spread the word", "call_to_spread"),
        ("我们建了维权群, 多名业主一起维权", "collective_action"),
        ("we're organizing a class action", "collective_action"),
        ("三天内不处理就别怪我不客气, 这是最后通牒", "ultimatum"),
        ("fix it by Friday or else", "ultimatum"),
        ("已经打了五次客服电话都没人管", "repeated_contact"),
        ("I've called them six times and emailed 4 times", "repeated_contact"),
        ("我要越级投诉, 找你们领导", "over_the_head"),
        ("escalated this to corporate office", "over_the_head"),
        ("这事已经上热搜了", "trending"),
        ("the thread went viral on the front page", "trending"),
        ("曝光某某保险理赔拖了三个月", "exposure"),
        ("不赔五千就发抖音", "extortion"),
        ("给钱我就删帖", "extortion"),
        ("Pay me $500 or I post the video", "extortion"),
        ("帮忙@中国消费者报道 看看", "media"),
        ("@北京12345 请管管", "regulator"),
    ],
)
def test_each_cue_fires(text: str, expected: str) -> None:
    assert expected in names(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("夜景模式曝光过度, 求教参数怎么调", "exposure"),
        ("新品曝光! 真机外观很漂亮", "exposure"),
        ("律师事务所招聘实习生", "legal"),
        ("这款平板多媒体功能很强", "media"),
        ("打电话按12345选项转人工", "regulator"),
        ("本来想投诉到12315, 后来客服主动解决了", "regulator"),
        ("我不会去曝光你们的, 放心", "exposure"),
        ("没去12315, 问题已经解决了", "regulator"),
        ("这种公司就该被曝光", "exposure"),
        ("I was going to sue them, but they refunded me", "legal"),
        ("No need to call a lawyer, they fixed it", "legal"),
        ("周末一起去吃饭", "collective_action"),
    ],
)
def test_other_senses_and_negations_do_not_fire(text: str, absent: str) -> None:
    assert absent not in names(text)


def test_negated_cues_are_kept_apart() -> None:
    found = find_signals("本来想投诉到12315, 后来客服主动解决了")
    assert [s.name for s in found.negated] == ["regulator"]
    assert not found.active


def test_a_turn_keeps_the_plan_alive() -> None:
    assert "regulator" in names("本来想私下解决, 但是客服态度太差, 我决定去12315")


def test_conditional_negation_is_still_a_threat() -> None:
    assert "legal" in names("不退款就找律师")


def test_every_signal_has_its_span_in_the_original() -> None:
    text = "貸款被亂扣費！已經打了五次客服電話，再不處理就去找記者，求擴散 @消費者報道"
    found = find_signals(text)
    assert {"repeated_contact", "ultimatum", "media", "call_to_spread"} <= found.names
    for s in found.active:
        assert s.span and text[s.start : s.end] == s.span
        assert s.weight > 0 and s.name in (*CUE_NAMES, "media", "regulator")


def test_signals_in_reposted_text_are_marked() -> None:
    found = find_signals("转发//@受害者: 求扩散")
    (spread,) = [s for s in found.active if s.name == "call_to_spread"]
    assert spread.in_repost
