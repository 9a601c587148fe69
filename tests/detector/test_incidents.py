"""Which open incident a flagged post joins (detector.incidents.place)."""

from __future__ import annotations

from detector.incidents import PostSketch, place, title_for

BRAND = ("星岚宽带", "Xinglan Broadband")


def _post(text: str, author: str = "a", name: str = "某人", platform: str = "weibo"
          ) -> PostSketch:
    return PostSketch(text=text, platform=platform, author_id=author, author_name=name)


FEE = _post("星岚宽带每个月偷偷扣15块智能网关服务费，扣了快一年，客服只会说帮您反馈",
            author="u1", name="云溪王姐")
SPEED = _post("星岚宽带500M的套餐实测只有80M，测速截图都在，要求降档退差价", author="u2")


def test_same_author_joins_their_incident() -> None:
    later = _post("还是没人处理，明天就去工信部申诉", author="u1")
    assert place(later, [(1, [SPEED]), (2, [FEE])], BRAND).incident_id == 2


def test_repost_chain_joins_the_original() -> None:
    repost = _post("我家也是！//@云溪王姐:星岚宽带每个月偷偷扣15块…", author="u9")
    placement = place(repost, [(1, [SPEED]), (2, [FEE])], BRAND)
    assert (placement.incident_id, placement.reason) == (2, "repost or quote")


def test_the_issue_s_own_name_joins_across_different_wording() -> None:
    other = _post("刚查了账单，我也被收了智能网关服务费，从没开通过，这算什么", author="u3")
    placement = place(other, [(1, [SPEED]), (2, [FEE])], BRAND)
    assert (placement.incident_id, placement.reason) == (2, "same phrase")


def test_generic_escalation_phrases_do_not_merge_issues() -> None:
    a = _post("星岚宽带装机约了三次都没上门，如仍不解决将向工信部申诉", author="u4")
    b = _post("星岚宽带销户以后还在扣月租，如仍不解决将向工信部申诉", author="u5")
    assert place(b, [(1, [a])], BRAND).incident_id is None


def test_portal_form_labels_are_not_a_shared_phrase() -> None:
    a = _post("[投诉对象]星岚宽带 [投诉问题]装机爽约 [投诉要求]尽快安装", author="u6")
    b = _post("[投诉对象]星岚宽带 [投诉问题]移机收费 [投诉要求]退还移机费", author="u7")
    assert place(b, [(1, [a])], BRAND).incident_id is None


def test_english_posts_about_different_issues_stay_apart() -> None:
    a = _post("Xinglan Broadband charged me twice for the router rental this month and "
              "support keeps telling me to wait for the billing team", author="e1")
    b = _post("Xinglan Broadband technician never showed up for the installation and "
              "nobody answers the phone at the local office anymore", author="e2")
    assert place(b, [(1, [a])], BRAND).incident_id is None


def test_english_posts_about_one_issue_join() -> None:
    a = _post("Xinglan Broadband outage in Yunxi district since last night, modem light "
              "blinking red, and a mystery gateway service fee on the bill", author="e1")
    b = _post("Same here in Yunxi: outage overnight and the gateway service fee showed up "
              "on my bill too", author="e3")
    assert place(b, [(1, [a])], BRAND).incident_id == 1


def test_a_new_issue_opens_a_new_incident() -> None:
    assert place(SPEED, [(2, [FEE])], BRAND).incident_id is None


def test_title_is_the_author_s_own_words() -> None:
    assert title_for("我家也是！//@云溪王姐:原文") == "我家也是！"
    assert title_for("//@云溪王姐:原文很长") == "//@云溪王姐:原文很长"
    assert len(title_for("很长" * 50)) == 40
