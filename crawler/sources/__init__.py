"""Registry of source connectors, one module per kind."""

from __future__ import annotations

from crawler.base import SourceSpec
from crawler.sources import (
    bluesky,
    hackernews,
    jsonapi,
    mastodon,
    reddit,
    replay,
    rss,
    weibo,
)

REGISTRY: dict[str, SourceSpec] = {
    spec.kind: spec
    for spec in (
        replay.SPEC,
        rss.SPEC,
        jsonapi.SPEC,
        hackernews.SPEC,
        mastodon.SPEC,
        reddit.SPEC,
        bluesky.SPEC,
        weibo.SPEC,
    )
}


def spec_for(kind: str) -> SourceSpec:
    try:
        return REGISTRY[kind]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise KeyError(f"unknown source kind {kind!r} (known: {known})") from None
