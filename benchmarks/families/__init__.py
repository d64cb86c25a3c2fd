"""Artifact injectors, one module per rule family (see docs/benchmarks.md for the protocol)."""

from __future__ import annotations

import random
from collections.abc import Iterable


def splice(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, replacement)`` applied, in the order given (sorted,
    non-overlapping spans; offsets into ``text``).

    >>> splice("Scholzis now", [(6, 6, " ")])
    'Scholz is now'
    """
    parts: list[str] = []
    pos = 0
    for start, end, replacement in spans:
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def side_generator(rng: random.Random, name: str) -> random.Random:
    """A generator of its own for the draws ``name`` adds, seeded from where ``rng`` stands
    (its first state words and its index, which moves with every draw: the state words alone
    change only every 624 draws, and gave every document of a run the same draws), so that
    ``rng``'s own draws stay what they were.

    >>> rng = random.Random(7)
    >>> a = side_generator(rng, "block").random()
    >>> _ = rng.random()
    >>> a == side_generator(rng, "block").random()
    False
    """
    state = rng.getstate()[1]
    return random.Random(f"{state[:8]!r}:{state[-1]}:{name}")
