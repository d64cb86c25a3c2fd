"""Benchmark injector for the names family (NC8xx).

Injects the two name artifacts that can be made from the corpus text itself:

- a source-language article before a country the text names ("asked Russia to" becomes
  "asked the Russia to"), only where NC803's own conditions for a report hold, so the gold
  repair is unambiguous;
- Italian "Mosca" translated as "fly": "Moscow" opening a sentence before a verb becomes "fly".

``gold`` is the original text. The names rules only report by default: score them with
``Config(select=SELECT, fixable=SELECT)``, or the harness sees no edits from this family.
"""

from __future__ import annotations

import random

import regex

from benchmarks.families import splice
from newsclean.resources import load_table

FAMILY = "names"
SELECT: tuple[str, ...] = ("NC801", "NC803")

#: Most artifacts injected into one document.
MAX_PER_DOCUMENT = 2


def _country_sites() -> regex.Pattern[str]:
    countries = "|".join(regex.escape(c) for c in load_table("article_countries.txt"))
    followers = "|".join(regex.escape(w) for w in load_table("country_article_followers.txt"))
    # A lower-case word, a space, then the country and a follower: insert "the " before it.
    return regex.compile(
        r"(?<=\b\p{Ll}+[ ])(?P<country>" + countries + r")"
        r"(?=[ ](?:" + followers + r")\b(?![ ](?:which|whom|whose|\d))|[.;:!?](?![\p{L}\p{N}]))"
    )


def _moscow_sites() -> regex.Pattern[str]:
    verbs = "|".join(regex.escape(v) for v in load_table("sentence_verbs.txt"))
    return regex.compile(r"(?:(?<=\A)|(?<=\n)|(?<=[.!?][ ]))Moscow(?=[ ](?:" + verbs + r")\b)")


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Return (dirty, gold): ``text`` with up to two name artifacts, and ``text`` itself.

    >>> inject("Officials asked Russia to withdraw. Moscow said no.", random.Random(0))[0]
    'Officials asked the Russia to withdraw. fly said no.'
    """
    sites: list[tuple[int, int, str]] = []
    for m in _country_sites().finditer(text):
        sites.append((m.start(), m.start(), "the "))
    for m in _moscow_sites().finditer(text):
        sites.append((m.start(), m.end(), "fly"))
    if not sites:
        return text, text
    chosen = sorted(rng.sample(sites, k=min(MAX_PER_DOCUMENT, len(sites))))
    return splice(text, chosen), text
