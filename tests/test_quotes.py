"""Quotes (NC2xx): the pairing decoder, the seed artifacts, clean corpora, and properties."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.rules.quotes import DOUBLE_MARKS, analyse, decode_roles

from .conftest import SHARED

QUOTES = Config(select=["NC2"])

#: Seed artifacts named in the issue: (seed file prefix, broken text, repaired text).
SEED_REPAIRS = [
    ("000", "clearly perceive “, he declared", "clearly perceive”, he declared"),
    ("000", "adding that” the responses", "adding that “the responses"),
    ("000", "cautious optimism“.", "cautious optimism”."),
    ("000", "political significance, ”he said", "political significance,” he said"),
    ("000", "hysteria“Said the spokesperson", "hysteria” said the spokesperson"),
    ("000", "permanent bases ”.", "permanent bases”."),
    ("000", "withdraw its troops ”.", "withdraw its troops”."),
    ("001", "framework of the OSCE ».", "framework of the OSCE”."),
    ("002", "military rise, “Stoltenberg said", "military rise,” Stoltenberg said"),
    (
        "002",
        "Russia has” always moved forces back and forth, “so the footage showing the movement"
        " of forces and tanks” does not confirm a true withdrawal. “.",
        "Russia has “always moved forces back and forth,” so the footage showing the movement"
        " of forces and tanks “does not confirm a true withdrawal.”.",
    ),
]

#: What a quotes edit may consist of besides letters whose case it changes.
QUOTE_EDIT_CHARS = set(DOUBLE_MARKS) | set("‹›‘’' \u00a0")


def test_seed_artifacts_are_repaired(seeds: list[tuple[str, str]]) -> None:
    texts = {name[:3]: text for name, text in seeds}
    for prefix, broken, repaired in SEED_REPAIRS:
        assert broken in texts[prefix], (prefix, broken)
        fixed = newsclean.fix(texts[prefix], QUOTES)
        assert repaired in fixed, (prefix, repaired)
        assert broken not in fixed


def test_seeds_change_nothing_but_quotes(seeds: list[tuple[str, str]]) -> None:
    for name, text in seeds:
        for edit in newsclean.fix_and_explain(text, QUOTES).edits:
            if edit.original.lower() == edit.replacement.lower():
                continue  # a speech verb lower-cased
            assert set(edit.original) | set(edit.replacement) <= QUOTE_EDIT_CHARS, (name, edit)


def test_seed_unpaired_marks_are_reported(seeds: list[tuple[str, str]]) -> None:
    texts = {name[:3]: text for name, text in seeds}
    found = newsclean.detect(texts["004"], Config(select=["NC204"]))
    assert [f.rule for f in found] == ["NC204"]
    assert texts["004"][found[0].start : found[0].start + 12] == "“steadfast a"


def _corpus(name: str, step: int) -> list[str]:
    path = SHARED / "corpora" / name
    if not path.is_file():
        pytest.skip(f"../shared/corpora/{name} is not present")
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for i, line in enumerate(handle) if i % step == 0]


#: The quote artifacts the clean corpora do have, read by hand: (document, artifact, repair).
#: bbc 966 closes a quotation with a stray space before the mark, at a paragraph's end.
SOURCE_TYPOS = {
    ("bbc_clean.jsonl", 966): ('supporting documents. "\n', 'supporting documents."\n'),
    # A space inside an opening mark whose closing mark is in place (read as a pair).
    ("bbc_clean.jsonl", 1281): ('embargo was " a worrying', 'embargo was "a worrying'),
    ("bbc_clean.jsonl", 1827): ('could be " very important', 'could be "very important'),
    ("bbc_clean.jsonl", 1886): ('could be " very important', 'could be "very important'),
}


@pytest.mark.parametrize(("name", "step"), [("bbc_clean.jsonl", 7), ("wmt_en_clean.jsonl", 1)])
def test_clean_corpora_are_not_changed(name: str, step: int) -> None:
    """Every sampled document comes out unchanged, but for the source typos listed (each
    must be there, and be repaired exactly as listed, with nothing else changed)."""
    for i, text in enumerate(_corpus(name, step)):
        expected = text
        typo = SOURCE_TYPOS.get((name, i * step))
        if typo is not None:
            assert text.count(typo[0]) == 1, (name, i * step)
            expected = text.replace(*typo)
        assert newsclean.fix(text, QUOTES) == expected, (name, i * step)


def test_decoder_pairs_by_order_not_glyph() -> None:
    text = "“A b “, c said adding that” d e “f g” h “i"
    sides = [m.role for m in analyse(text)]
    assert sides[:4] == ["open", "close", "open", "close"]


def test_paragraph_continuation_is_not_unpaired() -> None:
    text = "“The first paragraph of a long quotation.\n\n“The second one ends it,” he said."
    assert newsclean.detect(text, QUOTES) == []
    assert newsclean.fix(text, QUOTES) == text


def test_unpaired_mark_is_reported_not_fixed() -> None:
    text = "Johnson called on Western countries to stand “steadfast and united."
    found = newsclean.detect(text, QUOTES)
    assert [(f.rule, f.original) for f in found] == [("NC204", "“")]
    assert "closing mark" in found[0].message
    assert newsclean.fix(text, QUOTES) == text


def test_decoder_alternates_over_many_marks() -> None:
    readings = decode_roles([3, -3] * 5000)
    assert [r.side for r in readings[:4]] == ["open", "close", "open", "close"]
    assert all(r.paired and not r.unpaired for r in readings)


def test_speech_verbs_option_extends_the_table() -> None:
    text = "“We will see,” Opined the minister."
    assert newsclean.fix(text, QUOTES) == text
    config = Config(select=["NC2"], options={"NC2": {"speech_verbs": ["opined"]}})
    assert newsclean.fix(text, config) == "“We will see,” opined the minister."


QUOTE_FRAGMENTS = [
    "“",
    "”",
    '"',
    "«",
    "»",
    "„",
    "‹",
    "›",
    "‘",
    "’",
    " ",
    " ",
    "Kuleba",
    "the talks",
    " said",
    " he said",
    "Said",
    "He told",
    ",",
    ".",
    ":",
    "?",
    "\n",
    "\n\n",
    "12",
    "’s",
    "O’Neill",
    'https://x.org/?q="a"',
]
quote_text = st.lists(st.sampled_from(QUOTE_FRAGMENTS), max_size=40).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=quote_text, select=st.sampled_from(["NC2", "NC201", "NC202", "NC203"]))
def test_quotes_are_idempotent(text: str, select: str) -> None:
    config = Config(select=[select])
    fixed = newsclean.fix(text, config)
    assert newsclean.fix(fixed, config) == fixed


@SETTINGS
@given(text=quote_text)
def test_quotes_only_touch_marks_spaces_and_case(text: str) -> None:
    result = newsclean.fix_and_explain(text, QUOTES)
    for edit in result.edits:
        if edit.original.lower() == edit.replacement.lower():
            continue
        assert set(edit.original) | set(edit.replacement) <= QUOTE_EDIT_CHARS | {"“", "”"}
    # Apostrophes, single quotes and line breaks are never touched.
    for ch in "’‘\n":
        assert result.text.count(ch) >= text.count(ch) - text.count("‹") - text.count("›")
    assert result.text.count("\n") == text.count("\n")
    # Repairs never add or drop a quotation mark (‹…› may become ‘…’, or '…' in a document
    # that uses straight quotes).
    marks = DOUBLE_MARKS | {"‹", "›", "‘", "’", "'"}
    assert sum(result.text.count(c) for c in marks) == sum(text.count(c) for c in marks)


@SETTINGS
@given(text=quote_text)
def test_the_english_curly_pairs_are_stable(text: str) -> None:
    clean = "“" + text.replace("“", "").replace("”", "").replace("\n", " ") + "”"
    if any(c in clean for c in '"«»„‹›'):
        return
    # A single well-formed curly quotation around anything stays as it is.
    body = clean[1:-1].strip(" \u00a0")
    if not body or not body[0].isalnum() or not body[-1].isalnum():
        return
    sentence = f"He said “{body}” on Monday."
    assert newsclean.fix(sentence, Config(select=["NC201", "NC202"])) == sentence


def test_capital_after_a_question_or_exclamation_is_reported_not_lowered() -> None:
    # "Why not?" he asked and "Resign!" He said nothing both occur: a person decides.
    for text in ('"Why not?" He asked the minister.', "“Resign!” He said nothing and left."):
        found = [f for f in newsclean.detect(text, QUOTES) if f.rule == "NC203"]
        assert [(f.original, f.replacement) for f in found] == [("H", None)], text
        assert newsclean.fix(text, QUOTES) == text


def test_capital_after_a_comma_inside_the_quotation_is_still_lowered() -> None:
    text = "“We will see,” He told reporters on Tuesday."
    assert newsclean.fix(text, QUOTES) == "“We will see,” he told reporters on Tuesday."


#: Straight quotations in one line, each to be damaged the way translation spaces them.
ORDER_PHRASES = st.sampled_from(["Stoyky", "Admiral Vladimirsky", "very serious", "360", "Rubin"])
ORDER_BEFORE = st.sampled_from(["the corvette", "is", "the TV channel", "and the ship", "from"])
ORDER_AFTER = st.sampled_from([",", " and", " was", " (1989)", "", " of eBay,"])
#: (opening mark, closing mark, glue the closing mark to what follows) as written: in place,
#: glued, spaced inside, flipped.
ORDER_DAMAGE = st.sampled_from(
    [
        (' "', '"', False),
        ('"', '"', True),
        (' " ', ' "', False),
        ('" ', '"', False),
        (' "', ' "', True),
        ('" ', ' "', True),
    ]
)


@SETTINGS
@given(st.lists(st.tuples(ORDER_BEFORE, ORDER_PHRASES, ORDER_AFTER, ORDER_DAMAGE), max_size=4))
def test_straight_marks_in_a_line_are_repaired_in_turn_or_left(
    parts: list[tuple[str, str, str, tuple[str, str, bool]]],
) -> None:
    """In a line of straight quotations (after a line that opens and closes its own) every
    mark comes out as it went in or in its place, never on a third side, and no word
    changes."""
    gold = " ".join(f'{b} "{q}"{a}' for b, q, a, _ in parts) + "."
    damaged = (
        " ".join(f"{b}{o}{q}{c}{a.lstrip() if glue else a}" for b, q, a, (o, c, glue) in parts)
        + "."
    )
    text = 'He said "yes".\n' + damaged
    fixed = newsclean.fix(text, Config(select=["NC201"]))
    assert fixed.replace(" ", "") == text.replace(" ", "")
    sides = [_mark_sides(t) for t in (text, fixed, 'He said "yes".\n' + gold)]
    for was, now, right in zip(*sides, strict=True):
        assert now in (was, right)


def _mark_sides(text: str) -> list[tuple[bool, bool]]:
    """Whether a space stands before and after each straight mark of ``text``."""
    return [
        (text[p - 1 : p] == " ", text[p + 1 : p + 2] == " ") for p, c in enumerate(text) if c == '"'
    ]


DUTCH_WORDS = st.sampled_from(["We go", "The situation is serious", "Ja", "3,5 months", "eBay"])
DUTCH_GAPS = st.sampled_from([" said Jansen. ", ", he added. ", " and ", ". "])


@SETTINGS
@given(st.lists(st.tuples(DUTCH_WORDS, DUTCH_GAPS), min_size=1, max_size=4))
def test_dutch_quotes_become_english_pairs_and_nothing_else_changes(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(f",,{q}''{g}" for q, g in parts)
    fixed = newsclean.fix(text, Config(select=["NC202"]))
    assert fixed == "".join(f"“{q}”{g}" for q, g in parts)
    assert newsclean.fix(fixed, Config(select=["NC202"])) == fixed


DIALOGUE = Config(select=["NC206"])


def test_dialogue_dash_lines_are_reported_not_changed() -> None:
    text = (
        "Moscow answered on Tuesday.\n\n"
        "- The door to talks stays open, - Ushakov stressed.\n\n"
        'I asked: "Is this from your orchard?"\n"- Of course!"\n'
    )
    found = newsclean.detect(text, DIALOGUE)
    assert [(f.rule, f.line, f.original, f.replacement) for f in found] == [
        ("NC206", 3, "-", None),
        ("NC206", 6, "-", None),
    ]
    assert newsclean.fix(text, DIALOGUE) == text


BULLET_ITEMS = st.sampled_from(
    [
        "Increased spending on health - up 5%",
        "A cut in VAT, said to be worth £2bn",
        "New homes - 100,000 by 2010, the party said",
        "Talks with the U.S. - e.g. on trade",
        "eBay and McCain's pledge",
    ]
)


@SETTINGS
@given(st.lists(BULLET_ITEMS, min_size=1, max_size=6), st.sampled_from(["-", "–", "—", "*"]))
def test_list_items_opened_by_a_dash_are_not_dialogue(items: list[str], dash: str) -> None:
    text = "The manifesto promises:\n" + "".join(f"{dash} {item}\n" for item in items)
    assert newsclean.detect(text, DIALOGUE) == []
