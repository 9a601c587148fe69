"""Normalization keeps offsets, folds scripts and widths, and splits repost chains."""

from detector.features import TextNormalizer
from detector.normalize import mention_kind, normalize, to_simplified


def test_traditional_becomes_simplified() -> None:
    assert normalize("貸款被亂扣費，已經聯繫記者").text == "贷款被乱扣费,已经联系记者"


def test_length_is_kept_so_offsets_point_into_the_original() -> None:
    original = "ＡＢＣ貸款！ＨＴＴＰＳ 金管會"
    norm = normalize(original)
    assert len(norm.text) == len(original)
    assert norm.text == "abc贷款!https 金管会"


def test_full_width_digits_and_space() -> None:
    assert normalize("１２３１５\u3000投诉").text == "12315 投诉"


def test_to_simplified_never_changes_length() -> None:
    text = "乾隆年間的頭髮與發展 滑鼠 軟體"
    assert len(to_simplified(text)) == len(text)


def test_urls_and_mentions_become_placeholders() -> None:
    norm = normalize("看这里 https://t.cn/A6xyz 和 @人民日报 还有 @小明 #维权#")
    assert norm.urls == ("https://t.cn/a6xyz",)
    assert [m.kind for m in norm.mentions] == ["media", "user"]
    assert "url" in norm.model_text
    assert "mention_media" in norm.model_text and "mention_user" in norm.model_text
    assert norm.hashtags == ("维权",)


def test_mention_kinds() -> None:
    assert mention_kind("中国消费者报道") == "media"
    assert mention_kind("市场監管總局") == "regulator"
    assert mention_kind("上海发布") == "regulator"
    assert mention_kind("CFPB") == "regulator"
    assert mention_kind("Reuters") == "media"
    assert mention_kind("alice") == "user"


def test_repost_chain_separates_own_text() -> None:
    norm = normalize("支持维权!//@小王: 求扩散//@受害者: 退款三个月没到账")
    assert norm.own == "支持维权!"
    assert norm.reposted.startswith("//@小王")
    assert norm.is_repost


def test_plain_post_is_all_own_text() -> None:
    norm = normalize("空调坏了")
    assert norm.own == "空调坏了" and not norm.is_repost


def test_emoji_are_listed() -> None:
    assert normalize("气死了😡[怒]").emoji == ("😡", "[怒]")


def test_english_is_lower_cased() -> None:
    assert normalize("Worst Service EVER").text == "worst service ever"


def test_transformer_is_stateless() -> None:
    out = TextNormalizer().fit_transform(["貸款", "Ｘ"])
    assert out == ["贷款", "x"]
