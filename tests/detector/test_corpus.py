"""The labeled corpus meets issue 3: schema, size, variety, and no near-duplicates."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from detector.corpus import Example, load_corpus
from detector.normalize import normalize

MAX_JACCARD = 0.7


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path) -> list[Example]:
    return load_corpus(corpus_dir)  # raises CorpusError naming file:line on a bad line


def test_ids_are_unique(corpus: list[Example]) -> None:
    dupes = [i for i, n in Counter(e.id for e in corpus).items() if n > 1]
    assert not dupes


def test_size_and_mix(corpus: list[Example]) -> None:
    scripts = Counter(e.script for e in corpus)
    assert len(corpus) >= 2000
    assert len({e.industry for e in corpus}) >= 12
    assert scripts["hant"] >= 0.2 * len(corpus)
    assert scripts["en"] >= 300
    assert sum(e.extortion for e in corpus) >= 100


def test_every_stage_is_well_represented(corpus: list[Example]) -> None:
    stages = Counter(e.stage for e in corpus)
    assert min(stages.values()) >= 0.1 * len(corpus)


def test_extortion_only_at_threat_or_public(corpus: list[Example]) -> None:
    bad = [e.id for e in corpus if e.extortion and e.stage not in ("threat", "public")]
    assert not bad


def bigrams(text: str) -> frozenset[str]:
    t = normalize(text).text
    return frozenset(t[i : i + 2] for i in range(len(t) - 1))


def near_duplicates(texts: list[str],
                    threshold: float = MAX_JACCARD) -> list[tuple[int, int, float]]:
    """Pairs with bigram Jaccard > threshold, by prefix filtering over an inverted index.

    Two sets with Jaccard > t must share a bigram among the first |A| - ceil(t·|A|) + 1
    of each set's bigrams in a global order (rarest first), so only those are indexed:
    the candidates are few and each is checked exactly.
    """
    sets = [bigrams(t) for t in texts]
    freq = Counter(g for s in sets for g in s)
    ordered = [sorted(s, key=lambda g: (freq[g], g)) for s in sets]
    index: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for i, grams in enumerate(ordered):
        prefix = len(grams) - math.ceil(threshold * len(grams)) + 1
        candidates = {j for g in grams[:prefix] for j in index[g]}
        for j in candidates:
            inter = len(sets[i] & sets[j])
            jaccard = inter / (len(sets[i]) + len(sets[j]) - inter)
            if jaccard > threshold:
                pairs.append((j, i, jaccard))
        for g in grams[:prefix]:
            index[g].append(i)
    return pairs


def test_near_duplicate_finder_finds_them() -> None:
    post = "空调三天就不制冷了客服一直让我等太失望了"
    texts = [post, post + "!", "完全不同的一句话"]
    assert [(a, b) for a, b, _ in near_duplicates(texts)] == [(0, 1)]


def test_no_two_posts_share_most_of_their_characters(corpus: list[Example]) -> None:
    pairs = near_duplicates([e.text for e in corpus])
    shown = [f"{corpus[a].id} ~ {corpus[b].id} ({j:.2f})" for a, b, j in pairs[:20]]
    assert not pairs, "near-duplicates:\n" + "\n".join(shown)
