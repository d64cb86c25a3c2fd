"""Injector for acronyms run into a function word (NC106): "NATOsaid", "withNATO".

A link or bold span on an acronym loses the space beside it in translation, as a name's
does (the fused family's injector covers names). The acronyms and the words beside them are
the document's own: one or two places where an acronym stands beside a word of
data/fused_acronym_links.txt lose their space. The gold is the text itself.
"""

from __future__ import annotations

import random
import re

from newsclean.rules.fused import acronym_links

FAMILY = "acronyms"
SELECT: tuple[str, ...] = ("NC106",)

#: An acronym and a lower-case word beside it, as separate tokens.
PAIR_RE = re.compile(
    r"(?<![\w@#/.&'’-])(?:([a-z]{2,8}) ([A-Z]{2,6})|([A-Z]{2,6}) ([a-z]{2,12}))(?![\w@/'’-])"
)


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Remove the space between an acronym and a word beside it at one or two places.

    >>> dirty, gold = inject("NATO said so, and talks with NATO went on.", random.Random(1))
    >>> gold.startswith("NATO said"), dirty != gold, dirty.replace(" ", "") == gold.replace(" ", "")
    (True, True, True)
    """
    before, after = acronym_links()
    spaces = [
        m.start() + len(m.group(1) or m.group(3))
        for m in PAIR_RE.finditer(text)
        if m.group(1) in before or m.group(4) in after
    ]
    if not spaces:
        return text, text
    chosen = sorted(rng.sample(spaces, min(len(spaces), rng.randint(1, 2))), reverse=True)
    dirty = text
    for at in chosen:
        dirty = dirty[:at] + dirty[at + 1 :]
    return dirty, text
