"""Encoding (NC6xx): mojibake, HTML entities, and characters lost for good.

Mojibake ("Ukraineâ€™s", "Ã©") is repaired with ftfy, only where a cheap check says a text
may contain it, and with the settings that leave curly quotes, ligatures, character widths
and normalisation alone: those are not artifacts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..edits import Change
from ..registry import Context, Rule
from ..resources import compiled_patterns, once

#: UTF-8 read as Latin-1 or Windows-1252: a lead byte (Â..ô) followed by a continuation byte
#: (0x80..0xBF as Latin-1, or the Windows-1252 characters at those positions).
LEAD = "[\u00c2-\u00f4]"
CONTINUATION = (
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
MOJIBAKE_HINT_PATTERN = LEAD + CONTINUATION
#: A stretch of non-space text around a mojibake hint. A no-break space (or U+0085) stays
#: inside only right after a character that can be part of mojibake ("Â\xa0" is mojibake for
#: a no-break space) and not after another space; anywhere else it ends the segment, so that
#: NC501 removing it at a line end cannot change what ftfy sees on a second run.
SEGMENT_PATTERN = r"(?:\S|(?<=" + LEAD + "|(?![\u00a0\u0085])" + CONTINUATION + r")[\u00a0\u0085])+"
ENTITY_BODY = r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
HTML_ENTITY_PATTERN = "&" + ENTITY_BODY
#: What may follow a decoded "&" to make another entity ("&amp;amp;" is "&" escaped twice).
ENTITY_BODY_PATTERN = ENTITY_BODY
#: Characters an entity is made of (besides "&"): decoded values holding them are left alone.
ENTITY_CHAR_PATTERN = r"[A-Za-z0-9#;]"
#: Where a URL starts; an entity after it in the same run of non-space characters is part of it.
URL_START_PATTERN = r"https?://|www\."
#: The rest of a run of non-space characters, from a position inside it.
NON_SPACE_RUN_PATTERN = r"\S*"
#: The last whitespace character before a position (searched backwards, so found at once).
LAST_SPACE_PATTERN = r"(?r)\s"
REPLACEMENT_CHAR = "\ufffd"
#: "â€" not followed by the third byte's character: U+201D (”) is E2 80 9D, and 0x9D is
#: undefined in Windows-1252, so decoders drop it. The right double quote is by far the most
#: common character this leaves behind (the others are rare spaces and format characters).
LOST_RDQUO_PATTERN = (
    "\u00e2\u20ac(?![\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])"
)
#: The patterns above, compiled once and kept in the cache folder (see
#: :func:`newsclean.resources.compiled_patterns`).
(
    MOJIBAKE_HINT_RE,
    SEGMENT_RE,
    HTML_ENTITY_RE,
    ENTITY_BODY_RE,
    ENTITY_CHAR_RE,
    URL_START_RE,
    NON_SPACE_RUN_RE,
    LAST_SPACE_RE,
    LOST_RDQUO_RE,
) = compiled_patterns(
    "encoding",
    (
        MOJIBAKE_HINT_PATTERN,
        SEGMENT_PATTERN,
        HTML_ENTITY_PATTERN,
        ENTITY_BODY_PATTERN,
        ENTITY_CHAR_PATTERN,
        URL_START_PATTERN,
        NON_SPACE_RUN_PATTERN,
        LAST_SPACE_PATTERN,
        LOST_RDQUO_PATTERN,
    ),
)


@once
def _ftfy_config() -> Any:
    import ftfy  # imported on the first mojibake hint: most texts never need it

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
    import ftfy

    fixed: str = ftfy.fix_text(segment, _ftfy_config())
    return fixed


def _fix_segments(text: str) -> str:
    """One pass: :func:`fix_mojibake` on every segment of ``text`` with a mojibake hint."""
    return SEGMENT_RE.sub(
        lambda m: fix_mojibake(m.group()) if MOJIBAKE_HINT_RE.search(m.group()) else m.group(),
        text,
    )


def fix_segment(segment: str) -> str:
    """:func:`fix_mojibake` until nothing changes (at most four rounds), re-segmenting each
    round as the next run would: ftfy's answer depends on the context it is given, and text
    encoded twice comes apart one layer at a time.

    >>> fix_mojibake("Â\xa0Ãƒ\x80"), fix_segment("Â\xa0Ãƒ\x80")
    ('\xa0Ã€', '\xa0À')
    """
    fixed = segment
    for _ in range(4):
        again = _fix_segments(fixed)
        if again == fixed:
            break
        fixed = again
    return fixed


def find_mojibake(text: str, ctx: Context) -> Iterable[Change]:
    # A plain function before the generator: a clean text leaves with an empty tuple, which
    # the pipeline skips at once (the other finders here do the same).
    if not may_contain_mojibake(text):
        return ()
    return _mojibake_changes(text)


def _mojibake_changes(text: str) -> Iterator[Change]:
    for m in SEGMENT_RE.finditer(text):
        segment = m.group()
        if MOJIBAKE_HINT_RE.search(segment) is None:
            continue
        fixed = fix_segment(segment)
        if fixed != segment:
            yield Change(m.start(), m.end(), fixed, f"mojibake repaired: {segment!r} -> {fixed!r}")


def entity_value(entity: str) -> str | None:
    """The text an HTML character reference stands for, or ``None`` if it is not one.

    Only complete references count: a named one must be an HTML5 name with its semicolon
    (``html.unescape`` also reads "&notit;" as "¬it;" and "&ampamp;" as "&amp;").

    >>> entity_value("&amp;"), entity_value("&#8217;"), entity_value("&#x27;")
    ('&', '’', "'")
    >>> entity_value("&notit;") is None, entity_value("&ampamp;") is None
    (True, True)
    """
    import html.entities  # (on the first reference found: most texts have none)

    if entity[1] == "#":
        return html.unescape(entity)
    return html.entities.html5.get(entity[1:])


def html_entities(text: str) -> list[tuple[int, int, str]]:
    """Every HTML character reference to decode in ``text``, with its value.

    Double-escaped entities are decoded whole, so that a second run finds nothing left:

    >>> html_entities("R&amp;amp;D &amp;#8217;")
    [(1, 10, '&'), (12, 23, '’')]

    An entity that stands for a letter, a digit, "#" or ";" is left alone: decoded, it could
    join the text around it into a new entity, and a second run would change the text again.

    >>> html_entities("&&#97;mp; &#59; &eacute;")
    [(16, 24, 'é')]
    """
    out: list[tuple[int, int, str]] = []
    pos = 0
    while (m := HTML_ENTITY_RE.search(text, pos)) is not None:
        start, end = m.span()
        value = entity_value(m.group())
        # "&amp;" followed by the rest of an entity ("amp;", "#8217;"): escaped twice or more.
        while value == "&" and (more := ENTITY_BODY_RE.match(text, end)) is not None:
            inner = entity_value("&" + more.group())
            if inner is None:
                break
            value, end = inner, more.end()
        pos = end
        if value is None or value == text[start:end]:
            continue
        if not value.isprintable() and value not in "\n\t":
            continue
        if value != "&" and ENTITY_CHAR_RE.search(value) is not None:
            continue  # "&#97;" -> "a" could complete an entity with the text around it
        out.append((start, end, value))
    return out


def entities_outside_urls(text: str) -> list[tuple[int, int, str]]:
    """:func:`html_entities`, less those inside a URL.

    An entity is inside a URL when the run of non-space characters that leads up to it holds
    ``http://``, ``https://`` or ``www.`` (there "&amp;" may be what the author wrote).

    >>> entities_outside_urls("Johnson &amp; Johnson")
    [(8, 13, '&')]
    >>> entities_outside_urls("see https://x.org/?a=1&amp;b=2 &amp; more")
    [(31, 36, '&')]

    Linear: the start of each run of non-space characters is found once, not searched back
    from every entity (a line of entities without a space was quadratic).
    """
    out: list[tuple[int, int, str]] = []
    if "&" not in text:
        return out
    token_end = -1  # end of the non-space run whose URL start is cached
    url_start = -1  # offset of the first URL start in that run, or -1
    for start, end, value in html_entities(text):
        if start >= token_end:
            run = NON_SPACE_RUN_RE.search(text, start)
            # The run that contains the entity: back to the last whitespace before it.
            space = LAST_SPACE_RE.search(text, 0, start)
            token_start = space.end() if space is not None else 0
            token_end = run.end() if run is not None else len(text)
            url = URL_START_RE.search(text, token_start, token_end)
            url_start = url.start() if url is not None else -1
        if url_start != -1 and url_start < start:
            continue
        out.append((start, end, value))
    return out


def find_html_entities(text: str, ctx: Context) -> list[Change]:
    return [
        Change(start, end, value, f"HTML entity {text[start:end]} decoded")
        for start, end, value in entities_outside_urls(text)
    ]


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


def find_lost_right_quotes(text: str, ctx: Context) -> Iterable[Change]:
    if "\u00e2\u20ac" not in text:
        return ()
    return _lost_right_quote_changes(text)


def _lost_right_quote_changes(text: str) -> Iterator[Change]:
    for start, opened in lost_right_quotes(text):
        if opened:
            yield Change(
                start, start + 2, "\u201d", "mojibake of ” with its last byte lost repaired"
            )
        else:
            yield Change(
                start, start + 2, None, "mojibake with a lost byte (probably ”); not repaired"
            )


def find_replacement_chars(text: str, ctx: Context) -> Iterable[Change]:
    start = text.find(REPLACEMENT_CHAR)
    if start == -1:
        return ()
    return _replacement_char_changes(text, start)


def _replacement_char_changes(text: str, start: int) -> Iterator[Change]:
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
