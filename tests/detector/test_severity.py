"""Severity: levels, breakdown, config overrides, and monotonicity in every input."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detector.severity import SeverityWeights, channel_of, level_of, score
from detector.types import STAGES, PostInput, Signal

PUBLIC = {"none": 0.02, "complaint": 0.03, "threat": 0.05, "public": 0.9}
NONE = {"none": 0.95, "complaint": 0.03, "threat": 0.01, "public": 0.01}

counts = st.one_of(st.none(), st.integers(min_value=0, max_value=50_000_000))
probs = st.lists(st.floats(min_value=0, max_value=1), min_size=4, max_size=4).filter(
    lambda xs: sum(xs) > 0.01
)


def as_probs(xs: list[float]) -> dict[str, float]:
    total = sum(xs)
    return {s: x / total for s, x in zip(STAGES, xs, strict=True)}


posts = st.builds(
    PostInput,
    text=st.just("x"),
    platform=st.sampled_from(["weibo", "tousu", "zhihu", ""]),
    author_followers=counts,
    reposts=counts,
    comments=counts,
    likes=counts,
    engagement_per_hour=st.one_of(st.none(), st.floats(min_value=0, max_value=1e6)),
    author_prior_flags=st.integers(min_value=0, max_value=100),
    author_stage_rising=st.booleans(),
    incident_size=st.integers(min_value=1, max_value=10_000),
)


@pytest.mark.parametrize(
    ("value", "level"), [(0, "blue"), (39, "blue"), (40, "yellow"), (59, "yellow"),
                         (60, "orange"), (79, "orange"), (80, "red"), (100, "red")]
)
def test_levels(value: int, level: str) -> None:
    assert level_of(value) == level


def test_breakdown_sums_to_score() -> None:
    post = PostInput("x", platform="weibo", author_followers=50_000, reposts=300,
                     engagement_per_hour=40, incident_size=5)
    signals = [Signal("call_to_spread", "求扩散", 0, 3, 0.8)]
    value, _, breakdown = score(post, PUBLIC, signals)
    assert abs(sum(breakdown.values()) - value) <= 1
    assert {"stage", "signals", "followers", "engagement", "velocity", "history", "channel",
            "incident", "extortion"} <= set(breakdown)


def test_harmless_post_from_a_famous_account_stays_blue() -> None:
    post = PostInput("x", platform="weibo", author_followers=10_000_000, reposts=100_000)
    assert score(post, NONE)[1] == "blue"


def test_viral_public_post_is_red() -> None:
    post = PostInput("x", platform="weibo", author_followers=2_000_000, reposts=20_000,
                     engagement_per_hour=5_000, incident_size=40, author_prior_flags=3)
    assert score(post, PUBLIC, [Signal("trending", "热搜", 0, 2, 0.9)])[1] == "red"


def test_channel_of_platforms() -> None:
    assert channel_of("tousu") == "complaint_portal"
    assert channel_of("Weibo") == "social"
    assert channel_of("reddit") == "forum"
    assert channel_of("") == "other"


def test_weights_from_config_mapping() -> None:
    w = SeverityWeights.from_mapping({"base": 0.5, "channel_values": {"forum": 0.9}})
    assert w.base == 0.5 and w.channel_values["forum"] == 0.9
    assert w.channel_values["social"] == 1.0
    with pytest.raises(ValueError, match="nope"):
        SeverityWeights.from_mapping({"nope": 1})


@settings(max_examples=300, deadline=None)
@given(post=posts, xs=probs, extra=st.integers(min_value=1, max_value=10_000_000),
       field=st.sampled_from(["author_followers", "reposts", "comments", "likes",
                              "author_prior_flags", "incident_size"]))
def test_monotone_in_counts(post: PostInput, xs: list[float], extra: int, field: str) -> None:
    before = score(post, as_probs(xs))[0]
    bigger = dataclasses.replace(post, **{field: (getattr(post, field) or 0) + extra})
    assert score(bigger, as_probs(xs))[0] >= before


@settings(max_examples=200, deadline=None)
@given(post=posts, xs=probs, extra=st.floats(min_value=0.001, max_value=1e6))
def test_monotone_in_velocity_and_rising_stage(post: PostInput, xs: list[float],
                                               extra: float) -> None:
    before = score(post, as_probs(xs))[0]
    faster = dataclasses.replace(post, engagement_per_hour=(post.engagement_per_hour or 0) + extra)
    rising = dataclasses.replace(post, author_stage_rising=True)
    assert score(faster, as_probs(xs))[0] >= before
    assert score(rising, as_probs(xs))[0] >= before


@settings(max_examples=300, deadline=None)
@given(post=posts, xs=probs, src=st.integers(0, 2), step=st.integers(1, 3),
       share=st.floats(min_value=0.0, max_value=1.0))
def test_monotone_in_stage(post: PostInput, xs: list[float], src: int, step: int,
                           share: float) -> None:
    """Moving probability mass from a stage to a higher one never lowers severity."""
    p = as_probs(xs)
    dst = min(3, src + step)
    moved = p[STAGES[src]] * share
    higher = dict(p)
    higher[STAGES[src]] -= moved
    higher[STAGES[dst]] += moved
    assert score(post, higher)[0] >= score(post, p)[0]


@settings(max_examples=100, deadline=None)
@given(post=posts, xs=probs)
def test_monotone_in_signals_and_extortion(post: PostInput, xs: list[float]) -> None:
    p = as_probs(xs)
    base = score(post, p)[0]
    assert score(post, p, [Signal("legal", "律师", 0, 2, 0.6)])[0] >= base
    assert score(post, p, extortion=True)[0] >= base
