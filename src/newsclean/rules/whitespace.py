"""Whitespace (NC5xx): trailing spaces, runs of blank lines, blank lines at the edges.

Paragraphs are never joined and line endings keep their style (``\\r\\n`` stays ``\\r\\n``).
Only horizontal whitespace (spaces, tabs, no-break and other Unicode spaces) is ever removed
inside a line; line breaks are removed only as whole blank lines.
"""

from __future__ import annotations

import re

from ..edits import Change
from ..registry import Context, Rule
from ..resources import compiled_patterns, compiled_re_patterns

#: Horizontal whitespace: what may trail a line or pad a blank one. Not ``\r`` or ``\n``.
HSPACE = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"

#: A line break followed by three or more blank lines.
BLANK_RUN_PATTERN = r"(\r?\n)(?:" + HSPACE + r"*\r?\n){3,}"
#: :data:`BLANK_RUN_PATTERN` from the line break of its first group on, in ``re``: it starts with a
#: literal, which ``re`` finds at memory speed (see :func:`blank_line_runs`).
(_BLANK_RUN_FROM_BREAK_RE,) = compiled_re_patterns(
    "whitespace", (r"\n(?:" + HSPACE + r"*\r?\n){3,}",)
)
#: The characters :data:`HSPACE` names, for ``str.strip``.
HSPACE_CHARS = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
HSPACE_SET = frozenset(HSPACE_CHARS)
#: What may stand at the end of a line before its break: horizontal space and stray ``\r``.
TAIL_CHARS = HSPACE_CHARS + "\r"
HSPACE_RUN_PATTERN = HSPACE + "+"
#: Two or more spaces between two visible characters inside a line.
REPEATED_SPACE_PATTERN = r"(?<=\S)  +(?=\S)"
#: The check on each side of a run of spaces in :func:`repeated_spaces`, which finds the
#: same spans as :data:`REPEATED_SPACE_RE` without a regex scan of the whole text.
NON_SPACE_PATTERN = r"\S"
#: The patterns above, compiled once and kept in the cache folder (see
#: :func:`newsclean.resources.compiled_patterns`).
BLANK_RUN_RE, HSPACE_RUN_RE, REPEATED_SPACE_RE, NON_SPACE_RE = compiled_patterns(
    "whitespace",
    (BLANK_RUN_PATTERN, HSPACE_RUN_PATTERN, REPEATED_SPACE_PATTERN, NON_SPACE_PATTERN),
)


def trailing_spaces(text: str) -> list[tuple[int, int]]:
    """Spans of horizontal whitespace at the end of lines.

    >>> trailing_spaces("one  \\ntwo\\t\\r\\nthree ")
    [(3, 5), (9, 10), (17, 18)]

    A stray ``\\r`` among the trailing spaces is kept, and the spaces on both of its sides
    go (removing only those after it would leave the ones before it trailing):

    >>> trailing_spaces("a\\t\\r \\nb \\r")
    [(1, 2), (3, 4), (6, 7)]

    Linear in the length of the text: each line is stripped once from its end. (A regular
    expression ``[ \\t…]+(?=\\r?\\n|\\Z)`` rescans a run of spaces from every position in
    it, quadratic on a long run that does not end a line.)
    """
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    last = len(lines) - 1
    pos = 0
    for i, line in enumerate(lines):
        content = line[:-1] if i < last and line.endswith("\r") else line
        tail = len(content.rstrip(TAIL_CHARS))
        if tail < len(content):
            for m in HSPACE_RUN_RE.finditer(content, tail):
                spans.append((pos + m.start(), pos + m.end()))
        pos += len(line) + 1
    return spans


def find_trailing_spaces(text: str, ctx: Context) -> list[Change]:
    # Lists, not generators: on a clean text the pipeline skips an empty list at once.
    return [
        Change(start, end, "", "trailing whitespace removed")
        for start, end in trailing_spaces(text)
    ]


def blank_line_runs(text: str) -> list[tuple[int, int, str]]:
    """Runs of three or more blank lines, each with the replacement that leaves one.

    >>> blank_line_runs("a\\n\\n\\n\\nb\\n\\n\\nc")
    [(1, 5, '\\n\\n')]
    >>> blank_line_runs("a\\r\\n\\r\\n \\r\\n\\r\\nb")
    [(1, 10, '\\r\\n\\r\\n')]
    """
    # The matches of BLANK_RUN_RE: each starts at the "\r" of a "\r\n" when there is one
    # (from it, the rest matches exactly as from the "\n", and a match ends after a "\n").
    out = []
    for m in _BLANK_RUN_FROM_BREAK_RE.finditer(text):
        start = m.start()
        if start and text[start - 1] == "\r":
            out.append((start - 1, m.end(), "\r\n\r\n"))
        else:
            out.append((start, m.end(), "\n\n"))
    return out


def find_blank_line_runs(text: str, ctx: Context) -> list[Change]:
    return [
        Change(start, end, replacement, "three or more blank lines reduced to one")
        for start, end, replacement in blank_line_runs(text)
    ]


def edge_blank_lines(text: str) -> list[tuple[int, int]]:
    """Blank lines at the start of the text and after its last line.

    A single final line break is the end of the last line, not a blank line, and stays.

    >>> edge_blank_lines("\\n  \\nText\\n\\n\\n")
    [(0, 4), (9, 11)]
    >>> edge_blank_lines("Text\\n")
    []
    """
    spans = []
    blank = HSPACE_CHARS + "\r\n"
    body_start = len(text) - len(text.lstrip(blank))
    lead_end = text.rfind("\n", 0, body_start) + 1
    if lead_end:
        spans.append((0, lead_end))
    if body_start == len(text):
        return spans
    body_end = len(text.rstrip(blank))
    first_break = text.find("\n", body_end)
    if first_break != -1 and first_break + 1 < len(text):
        spans.append((first_break + 1, len(text)))
    return spans


def find_edge_blank_lines(text: str, ctx: Context) -> list[Change]:
    return [
        Change(start, end, "", f"{'leading' if start == 0 else 'trailing'} blank lines removed")
        for start, end in edge_blank_lines(text)
    ]


def repeated_spaces(text: str) -> list[tuple[int, int]]:
    """Runs of two or more spaces between words (indentation is left alone).

    >>> repeated_spaces("the  Germany said   so")
    [(3, 5), (17, 20)]
    >>> repeated_spaces("    indented code")
    []
    """
    out: list[tuple[int, int]] = []
    length = len(text)
    start = text.find("  ")  # str.find runs at memory speed; a regex scan does not
    while start != -1:
        end = start + 2
        while end < length and text[end] == " ":
            end += 1
        if (
            start > 0
            and NON_SPACE_RE.match(text, start - 1) is not None
            and NON_SPACE_RE.match(text, end) is not None
        ):
            out.append((start, end))
        start = text.find("  ", end)
    return out


def find_repeated_spaces(text: str, ctx: Context) -> list[Change]:
    return [
        Change(start, end, " ", "repeated spaces between words reduced to one")
        for start, end in repeated_spaces(text)
    ]


#: A space before a full stop or a comma that ends its word: whitespace, the end of the text
#: or a closing mark after it (never a letter or digit: ".com", " .5", ",b"), and no second
#: stop after it (a spaced ellipsis ". . ." is left). The literal first: ``re`` finds it at
#: memory speed.
SPACE_BEFORE_PUNCT_RE = re.compile(r" [.,](?=[\s\"”’)\]]|\Z)(?! ?\.)")
#: What may stand before such a space: a letter, a digit, a closing mark or bracket, "%".
WORD_END_RE = re.compile(r"[^\W_]|[\"”’)\]%]")


def spaces_before_punctuation(text: str) -> list[tuple[int, int]]:
    """Spans of the spaces between a word and the full stop or comma after it.

    >>> t = 'at Commerzbank . "It is" , said (15%) , who; 11% of the market , and'
    >>> [t[s - 1 : e + 1] for s, e in spaces_before_punctuation(t)]
    ['k .', '" ,', ') ,', 't ,']
    >>> spaces_before_punctuation("wait . . . then; visit example .com, or take .5 ml;\\n , no")
    []
    >>> spaces_before_punctuation("Run docker build . to make it; the directory is . and")
    []
    """
    if " ." not in text and " ," not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in SPACE_BEFORE_PUNCT_RE.finditer(text):
        end = m.start() + 1
        start = m.start()
        while start > 0 and text[start - 1] == " ":
            start -= 1
        if start > 0 and WORD_END_RE.match(text, start - 1) is not None and _ends_here(text, end):
            out.append((start, end))
    return out


def _ends_here(text: str, at: int) -> bool:
    """Whether the full stop or comma at ``at`` ends a sentence or a clause: a comma always;
    a full stop before a capital, a quotation mark, a bracket, a line break or the end
    (``build . to``, ``is . and``: a full stop that is a word of the sentence is left).

    >>> _ends_here("x . The", 2), _ends_here("x . to", 2), _ends_here("x , to", 2)
    (True, False, True)
    """
    if text[at] == ",":
        return True
    k = at + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    return k >= len(text) or text[k] in "\r\n\"“”‘’'([" or text[k].isupper()


def find_spaces_before_punctuation(text: str, ctx: Context) -> list[Change]:
    return [
        Change(start, end, "", "space before a full stop or comma removed")
        for start, end in spaces_before_punctuation(text)
    ]


RULES = (
    Rule(
        code="NC501",
        name="trailing-whitespace",
        family="whitespace",
        summary="Remove spaces and tabs at the end of lines.",
        find=find_trailing_spaces,
        before="Kuleba said so.   \nThe talks went on.",
        after="Kuleba said so.\nThe talks went on.",
        why="Scrapers keep the padding of table cells and inline elements.",
    ),
    Rule(
        code="NC502",
        name="blank-line-run",
        family="whitespace",
        summary="Reduce three or more blank lines to one blank line.",
        find=find_blank_line_runs,
        before="diplomatic route\n\n\n\nYesterday, Putin met Shoigu.",
        after="diplomatic route\n\nYesterday, Putin met Shoigu.",
        why="Removed images, ads and embeds leave their empty paragraphs behind.",
    ),
    Rule(
        code="NC503",
        name="edge-blank-lines",
        family="whitespace",
        summary="Remove blank lines at the start and the end of the text.",
        find=find_edge_blank_lines,
        before="\n\nMOSCOW - NATO said on Tuesday.\n\n\n",
        after="MOSCOW - NATO said on Tuesday.\n",
        why="Extraction starts and ends on empty containers.",
    ),
    Rule(
        code="NC504",
        name="repeated-spaces",
        family="whitespace",
        summary="Reduce runs of spaces between two words to one space.",
        find=find_repeated_spaces,
        before="the head of  NATO said",
        after="the head of NATO said",
        why="A removed link or tag leaves the spaces on both of its sides.",
    ),
    Rule(
        code="NC505",
        name="space-before-punctuation",
        family="whitespace",
        summary="Remove the space between a word and the full stop or comma after it.",
        find=find_spaces_before_punctuation,
        before='said Anna Rossi, a strategist at Commerzbank . "It is only a start" , she added.',
        after='said Anna Rossi, a strategist at Commerzbank. "It is only a start", she added.',
        why="A removed link, footnote mark or tag leaves the space before the punctuation "
        "that followed it. Only '.' and ',' (French spacing puts a space before ':;!?'); a "
        "spaced ellipsis, '.com' and '.5' are left.",
    ),
)
