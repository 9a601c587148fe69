"""Faster scanning for big alternations: a first-character guard in front of the pattern.

Python's `re` tries every branch of an alternation at every position unless it can
prove which characters a match may start with, and it gives up as soon as one branch
starts with a group or a repeat. `guarded(pattern)` works out that set itself and
prepends a one-character lookahead, which roughly halves the time our cue patterns
take. If the set cannot be determined the pattern is compiled unchanged.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MAX_RANGE = 256  # a wider class (e.g. any CJK character) is no useful guard


class _Unknown(Exception):
    """The first character of a match cannot be pinned down."""


def _in_chars(items: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= MAX_RANGE:
            chars.update(chr(x) for x in range(av[0], av[1] + 1))
        else:
            raise _Unknown
    return chars


def _first(seq: list[tuple[Any, Any]]) -> set[str]:
    """Characters a match of the parsed sequence `seq` can start with."""
    for op, av in seq:
        if op is c.AT or op is c.ASSERT_NOT or op is c.ASSERT:
            continue  # zero-width: look at what follows
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            return _in_chars(av)
        if op is c.BRANCH:
            return set().union(*(_first(list(alt)) for alt in av[1]))
        if op is c.SUBPATTERN:
            return _first(list(av[-1]))
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _first(list(av[2]))
        raise _Unknown
    raise _Unknown


def _literal_led(parsed: list[tuple[Any, Any]]) -> bool:
    """re already optimizes an alternation whose every branch starts with a literal."""
    if len(parsed) != 1 or parsed[0][0] is not c.BRANCH:
        return bool(parsed) and parsed[0][0] is c.LITERAL
    return all(alt and alt[0][0] is c.LITERAL for alt in parsed[0][1][1])


def guarded(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled with a first-character lookahead when one can be derived."""
    parsed = list(sre_parse.parse(pattern))
    if _literal_led(parsed):
        return re.compile(pattern)
    try:
        chars = _first(parsed)
    except _Unknown:
        return re.compile(pattern)
    klass = "".join(re.escape(ch) for ch in sorted(chars))
    return re.compile(f"(?=[{klass}])(?:{pattern})")
