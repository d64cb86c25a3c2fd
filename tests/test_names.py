"""Names and terms (NC8xx): report by default, fix on request, never touch correct text."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config, apply_edits
from newsclean.resources import load_table
from newsclean.rules import names

from .conftest import load_cases
from .strategies import CLEAN_SENTENCES

CASES = load_cases("names.json")
NC8 = Config(select=["NC8"])
FIXING = Config(select=["NC8"], fixable=["NC8"])
COUNTRIES = load_table("article_countries.txt")


@pytest.mark.parametrize(("before", "after", "note"), CASES["fix_on_request"])
def test_fix_on_request(before: str, after: str, note: str) -> None:
    assert newsclean.fix(before, FIXING) == after
    assert newsclean.fix(after, FIXING) == after
    # By default the same problems are only reported, with the fix as their replacement.
    # (NC8 alone: other families, such as the fused-token rules, may repair the same text.)
    assert newsclean.fix(before, NC8) == before
    found = newsclean.detect(before, NC8)
    assert found and all(f.replacement is not None for f in found)


@pytest.mark.parametrize("text", CASES["keep"])
def test_keep_texts_are_not_reported(text: str) -> None:
    assert newsclean.detect(text, NC8) == []
    assert newsclean.fix(text, FIXING) == text


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(COUNTRIES),
    st.sampled_from(["asked the {c} to withdraw", "said the {c} has", "in the {c}."]),
    st.sampled_from(CLEAN_SENTENCES),
)
def test_article_before_any_table_country_is_found(country: str, shape: str, clean: str) -> None:
    text = f"{clean} Officials {shape.format(c=country)}"
    found = [f for f in newsclean.detect(text, NC8) if f.rule == "NC803"]
    assert [f.original for f in found] == [f"the {country}"]
    fixed = newsclean.fix(text, FIXING)
    assert fixed == text.replace(f"the {country}", country)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(COUNTRIES),
    st.sampled_from(
        [
            "the {c} of the 1930s",
            "the {c} team",
            "the {c}-based firm",
            "the {c} we knew",
            "the {c} from which they fled",
            "the {c} to which they moved",
            "the {c}'s",
            "the {c} 2-1 win",
            "the {c}ns",
        ]
    ),
)
def test_qualified_country_is_never_reported(country: str, shape: str) -> None:
    text = f"They remembered {shape.format(c=country)} and said so."
    assert newsclean.detect(text, NC8) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CLEAN_SENTENCES + [c[0] for c in CASES["fix_on_request"]])))
def test_fixing_is_idempotent_and_rebuilds(parts: list[str]) -> None:
    text = " ".join(parts)
    result = newsclean.fix_and_explain(text, FIXING)
    assert apply_edits(text, result.edits) == result.text
    assert newsclean.fix(result.text, FIXING) == result.text


def test_spelling_variants_reported_at_the_minority_form() -> None:
    text = (
        "Dmytro Kuleba spoke first. Dmitry Peskov answered.\n"
        "Later Dmitro Kuleba said no, and Dmitri Peskov and Dmitry Peskov left."
    )
    found = newsclean.detect(text, NC8)
    assert [(f.rule, f.original) for f in found] == [
        ("NC804", "Dmitro Kuleba"),
        ("NC804", "Dmitri Peskov"),
    ]
    assert "'Dmytro Kuleba'" in found[0].message
    assert all(f.replacement is None for f in found)
    assert newsclean.fix(text, FIXING) == text


def test_canonical_table_respells() -> None:
    text = "Dmitri Peskov said so. Serghej Lavrov met Dmitro Kuleba; Peskov left."
    canonical: dict[str, Any] = {
        "NC804": {"canonical": ["Dmitry Peskov", "Sergey Lavrov", "Dmytro Kuleba"]}
    }
    config = Config(select=["NC8"], fixable=["NC8"], options=canonical)
    assert newsclean.fix(text, config) == (
        "Dmitry Peskov said so. Sergey Lavrov met Dmytro Kuleba; Peskov left."
    )
    exact = Config(
        select=["NC8"],
        fixable=["NC8"],
        options={"NC8": {"canonical": {"Dmitri Peskov": "D. Peskov"}}},
    )
    assert newsclean.fix(text, exact).startswith("D. Peskov said so.")


def test_user_table_entries() -> None:
    text = "Economy Minister Daniele Frank said the rules stay; Anne Frank's diary was read."
    assert newsclean.detect(text, NC8) == []
    options: dict[str, Any] = {"NC8": {"names": ["Frank | Franco | after: Daniele"]}}
    config = Config(select=["NC8"], fixable=["NC8"], options=options)
    assert newsclean.fix(text, config) == (
        "Economy Minister Daniele Franco said the rules stay; Anne Frank's diary was read."
    )
    countries = Config(
        select=["NC8"], fixable=["NC8"], options={"NC803": {"countries": ["Wakanda"]}}
    )
    assert newsclean.fix("They asked the Wakanda to leave.", countries) == (
        "They asked Wakanda to leave."
    )


def test_bad_table_entry_is_an_error() -> None:
    with pytest.raises(ValueError):
        names.NameEntry.parse("Dragons | Draghi")
    with pytest.raises(ValueError):
        names.NameEntry.parse("Dragons | Draghi | somewhere")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="DmytroiKulebaSerghjPskv ÚúЙй-'’.\n", max_size=80))
def test_spelling_key_is_total_and_stable(name: str) -> None:
    key = names.spelling_key(name)
    assert names.spelling_key(name) == key
    assert key == key.casefold()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_spelling_key_ascii_path_agrees_with_the_unicode_one(name: str) -> None:
    assert names.spelling_key(name) == names._unicode_spelling_key(name)


def test_spelling_key_ascii_path_on_transliterations() -> None:
    for name in ("Dmytro", "DMITRO", "Zakharova", "Serhij", "Jens", "Khaxxiyj", "Lavrov"):
        assert names.spelling_key(name) == names._unicode_spelling_key(name)


def test_seed_artifacts_are_reported(seeds: list[tuple[str, str]]) -> None:
    reported = set()
    for name, text in seeds:
        findings = [f for f in newsclean.detect(text) if f.rule.startswith("NC8")]
        for f in findings:
            reported.add((f.rule, f.original, f.replacement))
        # Fixing on request changes exactly the reported spans and is idempotent.
        result = newsclean.fix_and_explain(text, Config(fixable=["NC8"]))
        assert apply_edits(text, result.edits) == result.text, name
        assert newsclean.fix(result.text, Config(fixable=["NC8"])) == result.text, name
    # The artifacts issue 6 names: "fly takes", "the Germany", "There Russia demands".
    assert ("NC801", "fly", "Moscow") in reported
    assert ("NC803", "the Germany", "Germany") in reported
    assert ("NC803", "There Russia", "Russia") in reported


def test_overlapping_pairs_are_reported_not_respelled() -> None:
    text = "Sergei Alexandrovich Ivanov spoke."
    options: dict[str, Any] = {
        "NC804": {"canonical": ["Sergey Alexandrovich", "Aleksandrovich Ivanov"]}
    }
    config = Config(select=["NC8"], fixable=["NC8"], options=options)
    assert newsclean.fix(text, config) == text
    found = newsclean.detect(text, config)
    assert [(f.original, f.replacement) for f in found] == [
        ("Sergei Alexandrovich", None),
        ("Alexandrovich Ivanov", None),
    ]


NAME_PARTS = ["Dmitri", "Dmitry", "Peskov", "Sergei", "Serghej", "Lavrov", "Ivanov", "Kuleba"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAME_PARTS), st.sampled_from([" ", " ", ", ", ". "]))))
def test_canonicaliser_never_overlaps_and_is_idempotent(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    options: dict[str, Any] = {
        "NC804": {"canonical": ["Dmitry Peskov", "Sergey Lavrov", "Sergei Ivanov", "Peskov Lavrov"]}
    }
    config = Config(select=["NC8"], fixable=["NC8"], options=options)
    result = newsclean.fix_and_explain(text, config)
    assert apply_edits(text, result.edits) == result.text
    assert newsclean.fix(result.text, config) == result.text


#: Pieces of text that exercise the literal-anchored and gated finders: articles, countries,
#: name parts with transliteration variants, hyphens, apostrophes and non-ASCII letters.
_PIECES = st.sampled_from(
    [
        "the ",
        "The ",
        "There ",
        "theGermany",
        "the\tRussia",
        "the  France",
        "Germany",
        "Russia",
        "Israelis",
        " said",
        " demands",
        ". ",
        "\n",
        ", ",
        "Dmytro",
        "Dmitro",
        "Kuleba",
        "Kulleba",
        "Jean-Pierre",
        "Jean-pierre",
        "O'Neill",
        "O’Neill",
        "Sánchez",
        "Sanchez",
        " ",
        "-",
        "'",
        "x",
        "£5",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_country_candidates_match_finditer(text: str) -> None:
    # The literal-anchored search gives exactly the matches of the candidate pattern.
    candidate = names.country_patterns().candidate
    expected = [m.span() for m in candidate.finditer(text)]
    assert [m.span() for m in names._candidates(text, candidate)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_variant_gate_is_sound(text: str) -> None:
    # The gate only ever skips documents in which no two pairs share a spelling key.
    if not names.may_have_variants(text):
        keys: dict[str, set[str]] = {}
        for _, _, name in names.name_pairs(text):
            flat = " ".join(name.split())
            keys.setdefault(names._pair_key(flat), set()).add(flat)
        assert all(len(found) == 1 for found in keys.values())


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_possessive_run_pattern_matches_the_plain_one(text: str) -> None:
    word = rb"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*"
    plain = re.compile(word + rb"(?:[ \t]+" + word + rb")+")
    data = text.encode("utf-8")
    assert names.ASCII_RUN_RE.findall(data) == plain.findall(data)


#: Pieces for the sentence-start and surname finders, in the order a match needs them (an
#: end of sentence or a context, spacing, an opening quote, a word, what follows), each slot
#: also drawing pieces that break the match.
_NAME_SLOTS = st.tuples(
    st.sampled_from(["", ". ", "! ", ".” ", "\n", "x", "Mario", "Mr", "Minister", "Luigi", "'s"]),
    st.sampled_from(["", " ", "  ", "\t", " \t", "-"]),
    st.sampled_from(["", "", "“", '"', "«", "x"]),
    st.sampled_from(
        ["fly", "Fly", "butterfly", "Of May", "Of\tMay", "Dragons", "Dragonsx", "Count"]
    ),
    st.sampled_from(["", " takes", " said", " Dragons", "-", ". ", "x"]),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_SLOTS, max_size=6).map("".join))
@example("\n  fly takes. \t“Fly said")
@example("Yes.” \t«Fly takes; Mr\tOf May and Mario Dragons")
def test_anchored_name_finders_match_finditer(text: str) -> None:
    # The finders try their patterns only at the anchors' positions: the same matches as a
    # scan of every position.
    sentence = names.sentence_start_re()
    assert sentence is not None
    expected = [m.span("wrong") for m in sentence.finditer(text)]
    assert [(s, e) for s, e, _ in names.names_at_sentence_start(text)] == expected
    built = names.surname_re()
    assert built is not None
    expected = [m.span("w") for m in built[0].finditer(text)]
    assert [(s, e) for s, e, _ in names.surnames_as_words(text)] == expected


def _reference_variant_gate(text: str) -> bool:
    """NC804's gate as first written: the runs by :data:`names.ASCII_RUN_RE` on the UTF-8
    bytes, each split into pieces by a pattern, each piece keyed by :func:`spelling_key`."""
    data = text.encode("utf-8", "surrogatepass")
    others = {ch for ch in text if ord(ch) > 127}
    if any(names.NAME_CHAR_RE.match(ch) for ch in others):
        return True
    pieces: set[str] = set()
    for run in names.ASCII_RUN_RE.findall(data):
        pieces.update(re.split(r"[ \t'-]+", run.decode("ascii")))
    return len({names.spelling_key(p) for p in pieces}) < len(pieces)


#: Pieces for NC804's gate: capitalised words in runs and alone, transliteration variants,
#: case-only variants after hyphens, separators and bytes beyond ASCII that are not letters.
_GATE_PIECES = st.sampled_from(
    [
        "Dmytro",
        "Dmitro",
        "Kuleba",
        "Kulleba",
        "Khalil",
        "Halil",
        "Serhij",
        "Serhii",
        "Jean",
        "-Pierre",
        "-pierre",
        "Pierre",
        "O'",
        "Neill",
        "Neil",
        "'s",
        "McCain",
        "US",
        "Ks",
        "Xi",
        " ",
        "  ",
        "\t",
        "-",
        "'",
        ". ",
        "\n",
        "x",
        "said",
        "£",
        "—",
        "’",
        "é",
        "Â",
        "\xa0",
        "5",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_GATE_PIECES, max_size=30).map("".join))
@example("Jean-Pierre Kuleba and Jean-pierre Kulleba")
@example("£5 Dmytro Kuleba — Dmitro Kuleba")
@example("Dmytro's Office and Dmitro Kuleba")
@example("Â£5 for Dmytro Kuleba")  # Latin-1 bytes that read as UTF-8 would hide the letter
def test_variant_gate_matches_its_reference(text: str) -> None:
    assert names.may_have_variants(text) == _reference_variant_gate(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_GATE_PIECES, max_size=30).map("".join))
def test_class_runs_are_the_reference_runs(text: str) -> None:
    # The runs read from byte classes are the reference pattern's, at the same offsets.
    data = text.encode("utf-8")
    classes = data.translate(names._BYTE_CLASSES)
    expected = [m.span() for m in names.ASCII_RUN_RE.finditer(data)]
    assert [m.span() for m in names.CLASS_RUN_RE.finditer(classes)] == expected
    assert names.name_runs(data) == {data[s:e] for s, e in expected}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aabbjjkhgxywlleeo", max_size=12), min_size=1, max_size=8))
def test_keys_at_once_are_the_keys_one_by_one(words: list[str]) -> None:
    # Merging doubled letters with str.replace, line by line, as the reference pattern does.
    def reference(word: str) -> str:
        for old, new in names._FOLDS:
            word = word.replace(old, new)
        word = names._ASCII_INNER_J_RE.sub("i", word)
        return names._ASCII_DOUBLED_RE.sub(r"\1", word)

    assert names.ascii_spelling_keys("\n".join(words)).split("\n") == [reference(w) for w in words]


def test_piece_keys_survive_a_full_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names, "_PIECE_KEYS", {})
    monkeypatch.setattr(names, "_PIECE_KEYS_LIMIT", 2)
    words = ["Dmytro", "Kulleba", "Serhij", "Khalil", "Dmytro", "Pierre", "pierre", "Xi"]
    for i in range(len(words)):
        batch = set(words[i : i + 4])
        assert names.piece_keys(batch) == {names._unicode_spelling_key(w) for w in batch}
        assert len(names._PIECE_KEYS) <= 2 + len(batch)


_EXTRA_NAMES = ("Mayo | Maio | after: Luigi", "Hopes | Speranze | after: Ana; titles")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["May", "Mayo", "Mayor", "Hope", "Hopes", "Oak", "Oaks", "Count", " ", "x"]
        ),
        max_size=8,
    ).map("".join),
    st.sampled_from([(), _EXTRA_NAMES]),
)
def test_surname_word_check_matches_one_pattern_of_the_words(
    text: str, extra: tuple[str, ...]
) -> None:
    # NC802's first check: a substring search per word (the words holding another left out)
    # passes exactly the texts a pattern of all the first words finds something in.
    gates, words = names._surname_gate(extra)
    firsts = sorted({w[0] for w, _ in gates}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, firsts)))
    assert any(w in text for w in words) == (pattern.search(text) is not None)
