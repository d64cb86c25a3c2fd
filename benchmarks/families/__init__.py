"""Artifact injectors, one module per rule family (see docs/benchmarks.md for the protocol)."""

from __future__ import annotations

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
