"""Injector for the whitespace family (NC5xx): the padding scrapers leave behind.

Trailing spaces and tabs on lines (table cells, inline elements), runs of blank lines where
images and embeds were removed, blank lines at the edges of the text, doubled spaces where a
tag or link was taken out, and a space left before the full stop or comma after a removed
link or footnote mark. The gold is the text itself (with a final line break when
blank lines were added after the last line, which is then the end of that line).
"""

from __future__ import annotations

import random

import regex

FAMILY = "whitespace"
SELECT: tuple[str, ...] = ("NC5",)
#: Scored on exact characters: layout whitespace is what this family is about.
LOOSE = False

PADDING = (" ", "  ", "\t", " \t", "\u00a0")
HSPACE_CHARS = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
REPEATED_RE = regex.compile(r"(?<=\S)  +(?=\S)")
BLANK_RUN_RE = regex.compile(r"\n(?:\n){3,}")
#: A single space between two visible characters.
INNER_SPACE_RE = regex.compile(r"(?<=\S) (?=\S)")
PARAGRAPH_BREAK_RE = regex.compile(r"\n\n(?=\S)")
#: Spaces between a word and the full stop or comma that ends it (not a spaced ellipsis).
SPACED_PUNCT_RE = regex.compile(
    r"(?<=[\p{L}\p{N}\"”’)\]%]) +(?=[.,](?:[\s\"”’)\]]|\Z)(?![.,] ?\.))"
)
#: A full stop or comma after a word, where a space may be put before it.
PUNCT_SITE_RE = regex.compile(r"(?<=\p{Ll})(?=[.,] \p{L})")


def tidy(text: str) -> str:
    """The whitespace a perfect repair leaves in a corpus text that already had some
    (trailing spaces, doubled spaces, runs of blank lines): the gold starts from this.

    >>> tidy("a  b \\n\\n\\n\\n\\nc , d .")
    'a b\\n\\nc, d.'
    """
    lines = [line.rstrip(HSPACE_CHARS) for line in text.split("\n")]
    text = REPEATED_RE.sub(" ", "\n".join(lines))
    text = SPACED_PUNCT_RE.sub("", text)
    return BLANK_RUN_RE.sub("\n\n", text)


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Trailing padding, blank-line runs, edge blank lines and doubled spaces.

    >>> dirty, gold = inject("Title\\n\\nOne two three.\\n\\nFour five.", random.Random(2))
    >>> gold.rstrip("\\n") == "Title\\n\\nOne two three.\\n\\nFour five.", dirty != gold
    (True, True)
    """
    if not text.strip() or "\r" in text:
        return text, text
    gold = tidy(text)
    if gold != text:
        return text, gold  # the corpus text has its own artifacts: score those
    dirty = text
    # doubled spaces between words (inside lines only)
    spaces = [m.start() for m in INNER_SPACE_RE.finditer(dirty)]
    picked = set(rng.sample(spaces, min(len(spaces), rng.randrange(0, 4)))) if spaces else set()
    dirty = "".join(
        (" " * rng.randrange(2, 4)) if i in picked else ch for i, ch in enumerate(dirty)
    )
    # a space before some full stops and commas
    sites = [m.start() for m in PUNCT_SITE_RE.finditer(dirty)]
    for at in sorted(rng.sample(sites, min(len(sites), rng.randrange(0, 3))), reverse=True):
        dirty = dirty[:at] + " " + dirty[at:]
    # runs of blank lines in place of some paragraph breaks
    breaks = [m.start() for m in PARAGRAPH_BREAK_RE.finditer(dirty)]
    grow = {b for b in breaks if rng.random() < 0.3}
    pieces = []
    last = 0
    for b in sorted(grow):
        blank = "".join(rng.choice(("", "", " ", "\t")) + "\n" for _ in range(rng.randrange(3, 7)))
        pieces.append(dirty[last:b] + "\n" + blank)
        last = b + 2
    pieces.append(dirty[last:])
    dirty = "".join(pieces)
    # trailing padding on some lines
    lines = dirty.split("\n")
    for i, line in enumerate(lines):
        if line and rng.random() < 0.2:
            lines[i] = line + rng.choice(PADDING)
    dirty = "\n".join(lines)
    # blank lines at the edges
    if rng.random() < 0.3:
        dirty = rng.choice(("\n", "\n\n", " \n\n", "\n \n")) + dirty
    if rng.random() < 0.3:
        if not dirty.endswith("\n"):
            dirty += "\n"
            gold += "\n"
        dirty += rng.choice(("\n", "\n\n", " \n", "\n\n\n"))
    return dirty, gold
