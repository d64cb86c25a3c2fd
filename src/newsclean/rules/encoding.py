"""Encoding (NC6xx): mojibake, HTML entities, and characters lost for good.

Mojibake ("Ukraineâ€™s", "Ã©") is repaired with ftfy, only where a cheap check says a text
may contain it, and with the settings that leave curly quotes, ligatures, character widths
and normalisation alone: those are not artifacts.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from functools import cache

import ftfy
import regex

from ..edits import Change
from ..registry import Context, Rule

#: UTF-8 read as Latin-1 or Windows-1252: a lead byte (Â..ô) followed by a continuation byte
#: (0x80..0xBF as Latin-1, or the Windows-1252 characters at those positions).
MOJIBAKE_HINT_RE = regex.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
#: A stretch of text without line breaks or ordinary spaces around a mojibake hint. The
#: no-break space stays inside: "Â\xa0" is mojibake for it.
SEGMENT_RE = regex.compile(r"[^ \t\r\n]+")
HTML_ENTITY_RE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
URL_NEAR_RE = regex.compile(r"(?:https?://|www\.)\S*\Z")
REPLACEMENT_CHAR = "\ufffd"
#: "â€" not followed by the third byte's character: U+201D (”) is E2 80 9D, and 0x9D is
#: undefined in Windows-1252, so decoders drop it. The right double quote is by far the most
#: common character this leaves behind (the others are rare spaces and format characters).
LOST_RDQUO_RE = regex.compile(
    "\u00e2\u20ac(?![\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])"
)


@cache
def _ftfy_config() -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def may_contain_mojibake(text: str) -> bool:
    """A cheap check: could ``text`` hold UTF-8 decoded as Latin-1 or Windows-1252?

    >>> may_contain_mojibake("Ukraineâ€™s borders")
    True
    >>> may_contain_mojibake("Ukraine’s borders, café, Shoigú")
    False
    """
    return not text.isascii() and MOJIBAKE_HINT_RE.search(text) is not None


def fix_mojibake(segment: str) -> str:
    """ftfy's encoding repair, with curly quotes, ligatures and widths left alone.

    >>> fix_mojibake("Ukraineâ€™s")
    'Ukraine’s'
    >>> fix_mojibake("Ã©lysée")
    'élysée'
    >>> fix_mojibake("naïve café")
    'naïve café'
    """
    fixed: str = ftfy.fix_text(segment, _ftfy_config())
    return fixed


def find_mojibake(text: str, ctx: Context) -> Iterator[Change]:
    if not may_contain_mojibake(text):
        return
    for m in SEGMENT_RE.finditer(text):
        segment = m.group()
        if MOJIBAKE_HINT_RE.search(segment) is None:
            continue
        fixed = fix_mojibake(segment)
        if fixed != segment:
            yield Change(m.start(), m.end(), fixed, f"mojibake repaired: {segment!r} -> {fixed!r}")


def find_html_entities(text: str, ctx: Context) -> Iterator[Change]:
    if "&" not in text:
        return
    for m in HTML_ENTITY_RE.finditer(text):
        entity = m.group()
        value = html.unescape(entity)
        if value == entity or (not value.isprintable() and value not in "\n\t"):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if URL_NEAR_RE.search(text, line_start, m.start()):
            continue  # inside a URL: "&amp;" there may be what the author wrote
        yield Change(m.start(), m.end(), value, f"HTML entity {entity} decoded")


def lost_right_quotes(text: str) -> list[tuple[int, bool]]:
    """Offsets of "â€" left by a dropped third byte, each with whether a “ opens before it
    in the same paragraph (the evidence that it was a closing quote).

    >>> lost_right_quotes("He said “yesâ€, and left.")
    [(12, True)]
    >>> lost_right_quotes("A stray â€ sign")
    [(8, False)]
    """
    out = []
    for m in LOST_RDQUO_RE.finditer(text):
        paragraph_start = text.rfind("\n\n", 0, m.start())
        opened = text.rfind("\u201c", max(paragraph_start, 0), m.start()) != -1
        out.append((m.start(), opened))
    return out


def find_lost_right_quotes(text: str, ctx: Context) -> Iterator[Change]:
    if "\u00e2\u20ac" not in text:
        return
    for start, opened in lost_right_quotes(text):
        if opened:
            yield Change(
                start, start + 2, "\u201d", "mojibake of ” with its last byte lost repaired"
            )
        else:
            yield Change(
                start, start + 2, None, "mojibake with a lost byte (probably ”); not repaired"
            )


def find_replacement_chars(text: str, ctx: Context) -> Iterator[Change]:
    start = text.find(REPLACEMENT_CHAR)
    while start != -1:
        end = start + 1
        while end < len(text) and text[end] == REPLACEMENT_CHAR:
            end += 1
        yield Change(
            start, end, None, "character lost in an earlier decoding (U+FFFD); cannot be restored"
        )
        start = text.find(REPLACEMENT_CHAR, end)


RULES = (
    Rule(
        code="NC601",
        name="mojibake",
        family="encoding",
        summary="Repair UTF-8 decoded as Latin-1 or Windows-1252 (with ftfy).",
        find=find_mojibake,
        before="NATOâ€™s expansion into Eastern Europe, said Ã‰douard",
        after="NATO’s expansion into Eastern Europe, said Édouard",
        why="A page served as UTF-8 was read as Windows-1252 somewhere along the scraping chain.",
    ),
    Rule(
        code="NC602",
        name="html-entity",
        family="encoding",
        summary="Decode HTML character references left by the scraper (&amp;, &#8217;).",
        find=find_html_entities,
        before="Johnson &amp; Johnson said the vaccine&#8217;s supply",
        after="Johnson & Johnson said the vaccine’s supply",
        why="Text taken from HTML source without unescaping it.",
    ),
    Rule(
        code="NC604",
        name="mojibake-lost-byte",
        family="encoding",
        summary="Repair “…â€ (a ” whose last byte was dropped) after an opening quote.",
        find=find_lost_right_quotes,
        before="the Alliance said that “diplomacy should continueâ€, but",
        after="the Alliance said that “diplomacy should continue”, but",
        why="” is E2 80 9D in UTF-8; read as Windows-1252, 0x9D is undefined and is dropped, "
        "so ftfy cannot restore it. After an opening quote in the same paragraph it is ”.",
    ),
    Rule(
        code="NC603",
        name="lost-character",
        family="encoding",
        summary="Report U+FFFD replacement characters: the original character is gone.",
        find=find_replacement_chars,
        fixes=False,
        before="Sergei Shoig\ufffd said",
        after="Sergei Shoig\ufffd said",
        why="A decoder met bytes it could not read and replaced them; only the source has them.",
    ),
)
