"""Routing rules: which routes an incident's level and brand reach. Pure."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LEVELS: tuple[str, ...] = ("blue", "yellow", "orange", "red")


class Route(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    min_level: Literal["blue", "yellow", "orange", "red"] = "orange"
    brands: list[str] = Field(default_factory=list, description="empty: every brand")
    receivers: list[str] = Field(min_length=1)


def at_least(level: str, minimum: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(minimum)


def routes_for(routes: list[Route], brand: str | None, level: str) -> list[Route]:
    """Every route whose brand filter and minimum level the incident meets, in file order."""
    return [
        r for r in routes
        if at_least(level, r.min_level) and (not r.brands or brand in r.brands)
    ]


def dedup_key(incident_id: int, route: str, receiver: str, level: str) -> str:
    """One notification per incident, route, receiver and level reached: a rise from
    orange to red pages again, the same level seen twice does not."""
    return f"{incident_id}:{route}:{receiver}:{level}"
