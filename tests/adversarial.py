"""Hostile inputs for the linear-time guard (tests/test_linear_time.py) and benchmarks/growth.py.

Each generator takes a size in code points and returns a text of about that size, built
deterministically (a fixed seed), so that 10x the size is 10x the same kind of text. They
cover what scraped news meets in the wild and what makes regular expressions backtrack:
megabyte lines without a space, walls of quote marks, capitalised fused tokens, combining
marks, emoji and right-to-left scripts, deep brackets, long runs of spaces, entities and
mojibake without a break, and headers repeated back to back.
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = ["GENERATORS", "generate"]


def _fill(pieces: list[str], size: int, seed: int, sep: str = "") -> str:
    """Random choices from ``pieces`` joined by ``sep`` until ``size`` code points."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(pieces)
        out.append(piece)
        total += len(piece) + len(sep)
    return sep.join(out)[:size]


def one_line_no_spaces(size: int) -> str:
    """One line, no spaces: words, capitals, digits and punctuation run together."""
    pieces = ["said", "Ukraine", "NATO", "withKyiv", "1.5", "U.S.", ",", ".", "’s", "-", "e.g."]
    return _fill(pieces, size, 1)


def one_letter_line(size: int) -> str:
    """The same letter, ``size`` times."""
    return "a" * size


def mixed_quotes(size: int) -> str:
    """Quote marks of every kind, back to back."""
    return _fill(list("\"'“”„‟«»‹›‘’‚‛`´″′"), size, 2)


def quotes_and_words(size: int) -> str:
    """Quote marks around and between words, with spaces: the quotes rules' working ground."""
    pieces = ["“", "”", '"', "'", "’", "‘", "«", "»", " said", " Kuleba", ".", ",", " ", "\n"]
    return _fill(pieces, size, 3)


def camel_fused(size: int) -> str:
    """Capitalised fused tokens in the ``AbcDef`` style, separated by spaces."""
    rng = random.Random(4)
    syllables = ["Ab", "Kul", "Scho", "Dmy", "Ver", "Sto", "Lit", "Mer", "Ze", "Pu"]
    words = []
    total = 0
    while total < size:
        word = "".join(
            rng.choice(syllables) + rng.choice(["c", "eba", "lz", "tin", "ro"])
            for _ in range(rng.randint(2, 4))
        )
        words.append(word)
        total += len(word) + 1
    return " ".join(words)[:size]


def name_word_fused(size: int) -> str:
    """``Scholzis``-style tokens: a capitalised name run into a lowercase function word."""
    names = ["Scholz", "Kuleba", "Putin", "Stoltenberg", "Zelensky", "Macron", "Shoigu"]
    words = ["is", "said", "and", "claims", "was", "has", "will", "the", "in"]
    rng = random.Random(5)
    out = []
    total = 0
    while total < size:
        token = rng.choice(names) + rng.choice(words)
        out.append(token)
        total += len(token) + 1
    return " ".join(out)[:size]


def combining_emoji_rtl(size: int) -> str:
    """Combining marks, emoji (with joiners and modifiers) and right-to-left text."""
    pieces = [
        "e\u0301\u0302\u0303",
        "\u0301\u0301\u0301",
        "🙂",
        "👩\u200d👩\u200d👧",
        "👍🏽",
        "🇺🇦",
        "مرحبا",
        "שלום",
        "\u202eevil\u202c",
        "\u200f",
        "\u200b",
        "ک\u064b\u064c",
    ]
    return _fill(pieces, size, 6)


def nested_brackets(size: int) -> str:
    """Brackets nested ``size / 2`` deep, of mixed kinds."""
    rng = random.Random(7)
    pairs = [("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("“", "”")]
    depth = size // 2
    chosen = [rng.choice(pairs) for _ in range(depth)]
    return "".join(p[0] for p in chosen) + "".join(p[1] for p in reversed(chosen))


def space_runs(size: int) -> str:
    """Long runs of spaces and tabs that end in a letter, not in a line break."""
    return _fill([" " * 1000 + "x", "\t" * 500 + "y", " \u00a0" * 300 + "z"], size, 8)


def one_space_run(size: int) -> str:
    """One run of spaces the whole size of the text, ended by a letter (not a line break)."""
    return " " * (size - 1) + "x"


def blank_line_walls(size: int) -> str:
    """Line breaks padded with spaces, never three blank lines in a row."""
    return _fill(["\n  ", "\n\t", "\r\n ", "x", "\n\nx"], size, 9)


def entities_no_spaces(size: int) -> str:
    """HTML entities on one line, after a URL, without a space."""
    return "https://example.com/?" + _fill(["&amp;", "a=1", "&#8217;", "&quot;", "&x"], size, 10)


def mojibake_line(size: int) -> str:
    """Mojibake on one line without a space."""
    return _fill(["Ã©", "â€™", "Ã‰", "Â\u00a0", "a", "Ð¾"], size, 11)


def repeated_headers(size: int) -> str:
    """A leaked date header repeated back to back, then a sentence."""
    header = "date 2022-02-15 "
    return header * (size // len(header)) + "The talks went on."


def comment_headings(size: int) -> str:
    """Comment headings, readers' stamps and buttons on many lines, without an article."""
    return _fill(
        ["Comments\n", "\n", "Juan P. 10:45\n", "Reply\n", "x\n", "3 comments\n"], size, 13
    )


def acronym_fused(size: int) -> str:
    """One unknown acronym glued to a function word, over and over, never standing alone."""
    return _fill(["QXZsaid ", "withQXZ ", "NATOsaid ", "x "], size, 15)


def date_header_lines(size: int) -> str:
    """Date headers written out, each on its line, back to back."""
    return _fill(["Published: 15/02/2022 10:32\n", "date: 03/04/2022\n", "\n", "Date: "], size, 14)


def speech_dashes(size: int) -> str:
    """Closing marks, dashes and reporting verbs on one line without a full stop, with runs
    of spaces after commas: the speech-dash rule's working ground."""
    return _fill(
        ['"x", - said ', ',   " - she noted ', "” — wrote to be ", " - ", ",    ", "a"], size, 16
    )


def dutch_and_dialogue(size: int) -> str:
    """Dutch openers without closers, closers without openers, straight marks glued and
    spaced the wrong way, and lines opened by dashes with second dashes: the ground of
    NC202's Dutch pairs, NC201's pairing in turn and NC206."""
    return _fill(
        [",,a ", "'' ", ",,", '" x', 'y"z', "\n- a, - said ", '\n"- Y', " - ", ", -", "b "],
        size,
        18,
    )


def number_runs(size: int) -> str:
    """Digits grouped by commas, dots and spaces without end, before and after unit words."""
    return _fill(["1,5", "000", " ", ".", ",", "9", " million", " people", "\u00a0"], size, 17)


def flattened_table(size: int) -> str:
    """A table of numbers flattened into one line: groups of three digits after one space,
    never followed by a word the numbers rules read (quadratic and worse before review6)."""
    return "1" + " 100" * max(0, (size - 3) // 4) + " x"


def thousand_counts(size: int) -> str:
    """Numbers before "thousand" and "thous." with range dashes, "to" and "and" between
    them, and runs of spaces: the ground of the thousands rule (NC903)."""
    pieces = ["1", "5.7", "0,5", "-", " ", "  ", " thousand", " thous.", " to ", " and ", "a"]
    return _fill(pieces, size, 18)


def number_lists(size: int) -> str:
    """Lists and ranges of numbers with decimal commas and grouped thousands, some before a
    unit or a counted noun and some not: the lists NC901 and NC902 repair whole or report."""
    pieces = ["1,2", "3,45", "75.000", "10 000", ", ", " and ", " to ", "-", " × "]
    pieces += [" UAH", "%", " people", ". ", "TheKremlin ", "π ", "мир (mir) "]
    pieces += ["between 75.000 and 80.000 people, ", "1,2, 3,4 and 5,6 UAH; "] * 4
    return _fill(pieces, size, 19)


def random_unicode(size: int) -> str:
    """Code points from the whole Basic Multilingual Plane and beyond (no surrogates)."""
    rng = random.Random(12)
    out = []
    for _ in range(size):
        cp = rng.randrange(0x110000)
        if 0xD800 <= cp <= 0xDFFF:
            cp = 0x20
        out.append(chr(cp))
    return "".join(out)


GENERATORS: dict[str, Callable[[int], str]] = {
    "one_line_no_spaces": one_line_no_spaces,
    "one_letter_line": one_letter_line,
    "mixed_quotes": mixed_quotes,
    "quotes_and_words": quotes_and_words,
    "camel_fused": camel_fused,
    "name_word_fused": name_word_fused,
    "combining_emoji_rtl": combining_emoji_rtl,
    "nested_brackets": nested_brackets,
    "space_runs": space_runs,
    "one_space_run": one_space_run,
    "blank_line_walls": blank_line_walls,
    "entities_no_spaces": entities_no_spaces,
    "mojibake_line": mojibake_line,
    "repeated_headers": repeated_headers,
    "comment_headings": comment_headings,
    "date_header_lines": date_header_lines,
    "acronym_fused": acronym_fused,
    "speech_dashes": speech_dashes,
    "number_runs": number_runs,
    "dutch_and_dialogue": dutch_and_dialogue,
    "flattened_table": flattened_table,
    "thousand_counts": thousand_counts,
    "number_lists": number_lists,
    "random_unicode": random_unicode,
}


def generate(name: str, size: int) -> str:
    """The hostile input ``name`` at about ``size`` code points.

    >>> len(generate("mixed_quotes", 1000))
    1000
    >>> generate("nested_brackets", 6)[:3] + "…"
    '{[«…'
    """
    return GENERATORS[name](size)
