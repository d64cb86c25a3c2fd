"""Boilerplate injector (NC4xx) for the quality benchmark.

Injects the lines scrapers leave around translated news: photo credits (own line or at the
end of a caption), wire-agency credits and source lines, desk bylines, related-article
teasers (on one line, or a label alone on its line with headlines under it), paywall notices,
tag lines ("Tags: ..."), a copyright/scraper tag followed by a reader comment, and a
reader-comment section under a "Comments" heading. Names,
acronyms, teaser headlines and comments are taken from the document itself; only the
labels ("Photo:", "READ ALSO:") are fixed, because they are the artifact.

``gold`` is always the input: a perfect repair removes exactly what was injected.
"""

from __future__ import annotations

import random
import re

from . import side_generator

FAMILY = "boilerplate"
SELECT: tuple[str, ...] = ("NC4",)

_NAME_RE = re.compile(r"\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})+\b")
_ACRONYM_RE = re.compile(r"\b[A-Z]{2,5}\b")
_SENTENCE_RE = re.compile(r"[A-Z][^.!?\n]{20,200}[.!?]")
_WORD_RE = re.compile(r"[A-Za-z]{3,}")


def _names(text: str) -> list[str]:
    return sorted(set(_NAME_RE.findall(text)))


def _acronyms(text: str) -> list[str]:
    return sorted(set(_ACRONYM_RE.findall(text)))


def _headline(text: str, rng: random.Random) -> str | None:
    sentences = _SENTENCE_RE.findall(text)
    if not sentences:
        return None
    words = rng.choice(sentences).rstrip(".!?").split()[: rng.randint(5, 10)]
    return " ".join(words).rstrip(",;:")


def _credit(names: list[str], acronyms: list[str], rng: random.Random) -> str | None:
    if names and acronyms and rng.random() < 0.4:
        return f"{rng.choice(acronyms)}/{rng.choice(names).upper()}"
    if names:
        return rng.choice(names)
    return None


def _middle_line(text: str, rng: random.Random) -> str | None:
    names, acronyms = _names(text), _acronyms(text)
    kind = rng.choice(["photo", "photo", "teaser", "teaser", "notice"])
    if kind == "photo":
        credit = _credit(names, acronyms, rng)
        if credit is None:
            return None
        label = rng.choice(["Photo: ", "Photo by ", "Photo credit: ", "Video: ", "Image source, "])
        return label + credit
    if kind == "teaser":
        headline = _headline(text, rng)
        if headline is None:
            return None
        label = rng.choice(["READ ALSO: ", "Read also: ", "Also read: ", "See also: ", "RELATED: "])
        return label + headline
    return rng.choice(
        ["Reserved for our subscribers", "ADVERTISEMENT", "Subscribe to our newsletter"]
    )


#: Teaser labels alone on their line, as MT renders them ("Te puede interesar", "À lire
#: aussi", "Mehr zum Thema", "Читайте также"), and with a colon.
BLOCK_LABELS = (
    "You may be interested",
    "You might be interested",
    "Related news",
    "Read also",
    "See also",
    "More on this story",
    "To read also",
    "More on the subject",
    "Read also:",
    "Also read:",
)


def _teaser_block(text: str, rng: random.Random) -> str | None:
    """A teaser label on a line of its own and one to four headlines under it, taken from
    the document's sentences; sometimes bulleted."""
    headlines = [h for h in (_headline(text, rng) for _ in range(rng.randint(1, 4))) if h]
    if not headlines:
        return None
    bullet = rng.choice(["", "", "", "• "])
    return rng.choice(BLOCK_LABELS) + "\n" + "\n".join(bullet + h for h in headlines)


#: Labels of a tag line and what separates its items.
TAG_LABELS = ("Tags", "Tags", "Topics", "Keywords", "Tagged", "Categories", "Filed under")
TAG_SEPARATORS = (", ", ", ", "; ", " | ", " • ")


def _tag_line(text: str, rng: random.Random) -> str | None:
    """A tag line with two to five of the document's names and acronyms."""
    pool = sorted(set(_names(text)[:20] + _acronyms(text)[:10]))
    pool = [p for p in pool if len(p.split()) <= 3]
    if len(pool) < 2:
        return None
    items = rng.sample(pool, min(len(pool), rng.randint(2, 5)))
    return rng.choice(TAG_LABELS) + ": " + rng.choice(TAG_SEPARATORS).join(items)


def _tail_lines(text: str, rng: random.Random) -> list[str]:
    names, acronyms = _names(text), _acronyms(text)
    out: list[str] = []
    if rng.random() < 0.5:
        out.append(rng.choice(["INTERNATIONAL WRITING", "EDITORIAL STAFF", "NEWSROOM"]))
    if acronyms and rng.random() < 0.6:
        a, b = rng.choice(acronyms), rng.choice(acronyms)
        out.append(
            rng.choice(
                [
                    f"*With information from {a} and {b}",
                    f"Source: {a}, {b}",
                    f"With information from {a}",
                    f"(With inputs from {a})",
                ]
            )
        )
    if names and rng.random() < 0.4:
        year = rng.randint(2004, 2023)
        publication = rng.choice(names)
        authors = ", ".join(rng.sample(names, min(len(names), rng.randint(1, 3))))
        domain = "".join(_WORD_RE.findall(rng.choice(names))) + ".com"
        out.append(f"(c) {year}, The {publication} · {authors} {{{domain}}}")
    return out


#: Months of a WordPress comment's date line.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")


def _comment_section(text: str, rng: random.Random, wordpress: bool = False) -> str | None:
    """A reader-comment section: a heading, then one or two comments, each under its
    reader's name and a time stamp (with ``wordpress``, the name on its own line and the
    date on the next, "15 February 2022 at 10:45"); the names and comments are taken from
    the document."""
    names, sentences = _names(text), _SENTENCE_RE.findall(text)
    if not names or not sentences:
        return None
    lines = [rng.choice(["Comments", "Comments (2)", "2 comments", "Reader comments"])]
    for _ in range(rng.randint(1, 2)):
        first = rng.choice(names).split()[0]
        day, month, hour = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 23)
        stamp = rng.choice(
            [f"{day:02d}/{month:02d}/2022 {hour:02d}:15", f"{hour} hours ago", f"{hour:02d}:45"]
        )
        initial = rng.choice("ABCDEFGHJKLMNPRSTW")
        if wordpress:
            lines.append(f"{first} {initial}.")
            lines.append(f"{day} {_MONTHS[month % len(_MONTHS)]} 2022 at {hour:02d}:45")
        else:
            lines.append(f"{first} {initial}. {stamp}")
        lines.append(rng.choice(sentences))
        if rng.random() < 0.5:
            lines.append("Reply")
    return "\n".join(lines)


#: Site furniture lines between paragraphs: cookie banners, share bars, messenger channels,
#: comment forms, error-report notices, agency disclaimers.
FURNITURE = (
    "We use our own and third-party cookies to improve our services. If you continue "
    "browsing, we consider that you accept their use. More information",
    "Share on Facebook Share on Twitter Send by email Print",
    "Share this article",
    "Most read",
    "Subscribe to the newsletter",
    "Subscribe to our channel in Telegram",
    "Read us in Telegram and Viber",
    "Leave a Reply Cancel reply",
    "Your email address will not be published. Required fields are marked *",
    "Did you find a mistake? Mail the editors.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "This material (information) was produced, distributed and (or) sent by a foreign agent.",
    "31 minute (s) ago",
)
#: Agencies whose name alone ends their copy.
END_AGENCIES = ("EFE", "dpa", "RIA Novosti", "Ukrinform", "ANSA", "Lusa")


def _end_codes(rng: random.Random) -> list[str]:
    """The codes an agency's copy ends with: its name, its end mark, the desk's initials."""
    letters = "abcdefghijklmnoprstuvwz"
    initials = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 3))) for _ in range(3)]
    kind = rng.choice(["agency", "end", "desk", "desk_caps"])
    if kind == "agency":
        return [rng.choice(END_AGENCIES)]
    if kind == "end":
        return [rng.choice(["Lusa/End", "EFE/End"])]
    if kind == "desk":
        return [f"{initials[0]}/ {initials[1]}/"]
    return [f"{initials[0].upper()} // {initials[1].upper()}", "Lusa/End"]


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Return (dirty, gold): ``text`` with boilerplate lines injected, and ``text`` itself."""
    # The teaser blocks and tag lines draw from their own generator, seeded from ``rng``'s
    # state without drawing from it: the other injections stay what they were.
    side = side_generator(rng, "blocks")
    # So do the furniture lines, the end codes and the WordPress comment layout.
    extra = side_generator(rng, "furniture")
    body = text.rstrip()
    trailing = text[len(body) :]
    sep = "\n\n" if "\n\n" in body else "\n"
    paragraphs = body.split(sep)
    if not body:
        return text, text
    # Lines between paragraphs (never before the first: that may be the headline).
    for _ in range(rng.randint(0, 2)):
        if len(paragraphs) < 3:
            break
        line = _middle_line(text, rng)
        if line is not None:
            paragraphs.insert(rng.randint(2, len(paragraphs) - 1), line)
    # A teaser block (a label alone on its line, headlines under it) between paragraphs or
    # at the end.
    if side.random() < 0.25:
        block = _teaser_block(text, side)
        if block is not None:
            where = side.randint(2, len(paragraphs)) if len(paragraphs) >= 3 else len(paragraphs)
            paragraphs.insert(where, block)
    # A credit at the end of a caption-like paragraph (one that ends a sentence).
    names = _names(text)
    if names and rng.random() < 0.3:
        candidates = [i for i, p in enumerate(paragraphs) if p.endswith(".") and i > 0]
        if candidates:
            i = rng.choice(candidates)
            paragraphs[i] += " Photo: " + rng.choice(names)
    # A furniture line between paragraphs.
    if extra.random() < 0.2 and len(paragraphs) >= 3:
        paragraphs.insert(extra.randint(2, len(paragraphs) - 1), extra.choice(FURNITURE))
    tail = _tail_lines(text, rng)
    # The agency's end codes right under the article (the credits' lines after them go first).
    if extra.random() < 0.2:
        tail[:0] = _end_codes(extra)
    # A tag line under the article, before or after the credits.
    if side.random() < 0.25:
        tags = _tag_line(text, side)
        if tags is not None:
            tail.insert(side.choice([0, len(tail)]) if tail else 0, tags)
    dirty = sep.join(paragraphs)
    for line in tail:
        dirty += sep + line
    if tail and tail[-1].startswith("(c)") and rng.random() < 0.7:
        sentences = _SENTENCE_RE.findall(body)
        if sentences:
            dirty += sep + rng.choice(sentences)
    elif rng.random() < 0.25:
        section = _comment_section(text, rng, wordpress=extra.random() < 0.3)
        if section is not None:
            dirty += sep + section
    return dirty + trailing, text
