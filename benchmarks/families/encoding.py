"""Injector for the encoding family (NC6xx): mojibake and HTML character references.

A page served as UTF-8 and read as Windows-1252 turns "Ukraine’s" into "Ukraineâ€™s" and
"£5m" into "Â£5m"; the whole page is misread, or only the part that went through one broken
step. Text taken from HTML source keeps ``&amp;`` and ``&#8217;``. The injector applies these
to the document's own non-ASCII characters and ampersands (a document without any gets no
artifact). The gold is the text itself.
"""

from __future__ import annotations

import html
import random

import regex

FAMILY = "encoding"
SELECT: tuple[str, ...] = ("NC6",)

#: A word with at least one non-ASCII character, or a single non-ASCII symbol.
NON_ASCII_RE = regex.compile(r"\w*[^\x00-\x7f]\w*")
URL_RE = regex.compile(r"(?:https?://|www\.)\S+")
NAMED = {"&": "&amp;", "£": "&pound;", "€": "&euro;", "é": "&eacute;", "’": "&rsquo;"}


def sloppy_cp1252(text: str) -> str:
    """``text`` encoded as UTF-8 and decoded as Windows-1252, the bytes it lacks as Latin-1.

    >>> sloppy_cp1252("Ukraine’s £5m café")
    'Ukraineâ€™s Â£5m cafÃ©'
    """
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def entity(char: str, rng: random.Random) -> str:
    """An HTML character reference for ``char``: named, decimal or hexadecimal.

    >>> entity("&", random.Random(0)) in ("&amp;", "&#38;", "&#x26;")
    True
    """
    roll = rng.random()
    if char in NAMED and roll < 0.6:
        return NAMED[char]
    if roll < 0.8:
        return f"&#{ord(char)};"
    return f"&#x{ord(char):x};"


HTML_ENTITY_RE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decoded_entities(text: str) -> str:
    """``text`` with the HTML references it already has decoded (outside URLs): a corpus
    text with its own ``&#233;`` is scored on those too.

    >>> decoded_entities("communiqu&#233; &amp; http://x.com/?a=1&amp;b=2")
    'communiqué & http://x.com/?a=1&amp;b=2'
    """
    if "&" not in text:
        return text
    urls = [m.span() for m in URL_RE.finditer(text)]

    def repl(m: regex.Match[str]) -> str:
        value = html.unescape(m.group())
        if any(a <= m.start() < b for a, b in urls) or not value.isprintable():
            return m.group()
        return value

    return HTML_ENTITY_RE.sub(repl, text)


def inject(text: str, rng: random.Random) -> tuple[str, str]:
    """Mojibake (whole text or some words) and/or HTML references; the gold is ``text``.

    >>> dirty, gold = inject("Ukraine’s £5m loan", random.Random(0))
    >>> gold, dirty != gold
    ('Ukraine’s £5m loan', True)
    >>> inject("plain ASCII text", random.Random(0))
    ('plain ASCII text', 'plain ASCII text')
    """
    gold = decoded_entities(text)
    if gold != text:
        return text, gold  # the corpus text has its own artifacts: score those
    urls = [m.span() for m in URL_RE.finditer(text)]

    def in_url(pos: int) -> bool:
        return any(a <= pos < b for a, b in urls)

    mode = rng.random()
    dirty = text
    if not text.isascii() and mode < 0.7:
        if mode < 0.3:
            dirty = sloppy_cp1252(text)  # the whole page misread
        else:
            words = [m for m in NON_ASCII_RE.finditer(text) if not in_url(m.start())]
            chosen = {m.start() for m in words if rng.random() < 0.5}
            if words and not chosen:
                chosen = {rng.choice(words).start()}

            def misread(m: regex.Match[str]) -> str:
                return sloppy_cp1252(m.group()) if m.start() in chosen else m.group()

            dirty = NON_ASCII_RE.sub(misread, text)
    if mode >= 0.7 or (mode >= 0.3 and rng.random() < 0.3):
        # HTML references for ampersands and for non-ASCII characters still intact
        candidates = [
            i
            for i, ch in enumerate(dirty)
            if (ch == "&" or (ord(ch) > 127 and dirty is text)) and not in_url(i)
        ]
        escaped = {i for i in candidates if rng.random() < 0.5}
        if candidates and not escaped:
            escaped = {rng.choice(candidates)}
        dirty = "".join(entity(ch, rng) if i in escaped else ch for i, ch in enumerate(dirty))
    return dirty, text
