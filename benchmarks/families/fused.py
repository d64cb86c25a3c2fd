"""Injector for the fused-token family (NC1xx), following the shared benchmark protocol.

Machine translation of web pages drops the space at the edges of links and bold spans. The
seeds show five shapes, injected here at sentence-level sites found in the text itself (names
and words always come from the corpus text, never from a list):

- a name glued to the next word ("Scholz is" -> "Scholzis");
- a word glued to the next name ("with Ukraine" -> "withUkraine");
- an article or preposition glued to the next word ("a crisis" -> "acrisis");
- a lost space after a full stop ("hemicycle. The" -> "hemicycle.The"), also after a name
  ("met Scholz. They" -> "met Scholz.They");
- a lost space after a comma ("Lisbon, at" -> "Lisbon,at");
- a capitalised link word between names ("Donetsk and Lugansk" -> "Donetsk And Lugansk");
- a capitalised function word glued to the name after it at a sentence's start ("The
  Kremlin said" -> "TheKremlin said").

``gold`` is always the clean input: a perfect repair undoes every injection.
"""

from __future__ import annotations

import random

import regex

FAMILY = "fused"
SELECT: tuple[str, ...] = ("NC1",)

#: Roughly one artifact per this many characters (the seeds show one per 500 to 800).
CHARS_PER_ARTIFACT = 700

_NAME = r"\p{Lu}\p{Ll}{2,}"
_END = r"(?=[ ,.;:!?]|\Z)"
#: (kind, pattern, weight). Group "gap" is the space that is removed (or, for "link", the
#: link word that is capitalised).
SITES: tuple[tuple[str, regex.Pattern[str], float], ...] = (
    (
        "name-word",
        regex.compile(r"(?<=[\p{Ll},;] )" + _NAME + r"(?P<gap> )\p{Ll}{2,}" + _END),
        0.45,
    ),
    ("word-name", regex.compile(r"(?<=[ (])\p{Ll}{2,}(?P<gap> )" + _NAME + _END), 0.2),
    (
        "small-word",
        regex.compile(
            r"(?<= )(?:a|an|the|of|to|in|on|at|by|for|from|with)(?P<gap> )\p{Ll}{3,}" + _END
        ),
        0.15,
    ),
    ("stop", regex.compile(r"(?<= )\p{Ll}{2,}\.(?P<gap> )" + _NAME + _END), 0.15),
    ("link", regex.compile(r"(?<=\p{Ll} )" + _NAME + r" (?P<gap>and) " + _NAME + _END), 0.05),
    ("name-stop", regex.compile(r"(?<= )" + _NAME + r"\.(?P<gap> )\p{Lu}\p{Ll}+" + _END), 0.05),
    ("comma", regex.compile(r"(?<= )\p{L}{2,},(?P<gap> )\p{Ll}{2,}" + _END), 0.05),
    (
        "opener-name",
        regex.compile(
            r"(?:(?<=\A)|(?<=\n)|(?<=[.!?] ))(?:The|In|On|At|For|From|With|After|During)"
            r"(?P<gap> )" + _NAME + _END
        ),
        0.03,
    ),
)


def _sites(text: str) -> dict[str, list[tuple[int, int, int, int]]]:
    """Every injection site by kind: (match start, match end, gap start, gap end)."""
    found: dict[str, list[tuple[int, int, int, int]]] = {}
    for kind, pattern, _weight in SITES:
        found[kind] = [
            (m.start(), m.end(), m.start("gap"), m.end("gap"))
            for m in pattern.finditer(text, overlapped=True)
        ]
    return found


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Return ``(dirty, gold)``: ``text`` with fused-token artifacts injected, and ``text``.

    >>> dirty, gold = inject("Then Kuleba said the talks with Moscow went on.", random.Random(1))
    >>> gold == "Then Kuleba said the talks with Moscow went on." and dirty != gold
    True
    """
    sites = _sites(text)
    kinds = [k for k, _, _ in SITES if sites[k]]
    if not kinds:
        return text, text
    weights = [w for k, _, w in SITES if k in kinds]
    wanted = max(1, len(text) // CHARS_PER_ARTIFACT)
    chosen: list[tuple[str, int, int, int, int]] = []
    taken: list[tuple[int, int]] = []
    for _ in range(wanted * 4):
        if len(chosen) >= wanted:
            break
        kind = rng.choices(kinds, weights)[0]
        start, end, gap_start, gap_end = rng.choice(sites[kind])
        # Keep sites apart (a word of margin) so that injections never touch each other.
        if any(start < e + 2 and s < end + 2 for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append((kind, start, end, gap_start, gap_end))
    dirty = text
    for kind, _start, _end, gap_start, gap_end in sorted(chosen, key=lambda c: -c[3]):
        replacement = dirty[gap_start:gap_end].capitalize() if kind == "link" else ""
        dirty = dirty[:gap_start] + replacement + dirty[gap_end:]
    return dirty, text
