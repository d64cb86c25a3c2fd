"""Language (NC7xx): the document's language, untranslated paragraphs, and the cheap gate."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.pipeline import all_rules
from newsclean.rules import language

from .conftest import load_cases
from .strategies import CLEAN_SENTENCES

CASES = load_cases("language.json")
NC7 = Config(select=["NC7"])

#: Foreign paragraphs written for these tests, one per source language.
FOREIGN = {lang: text.split("\n")[-1] for text, code, lang in CASES["report"] if code == "NC702"}


@pytest.mark.parametrize(("text", "code", "lang"), CASES["report"])
def test_reports(text: str, code: str, lang: str) -> None:
    found = [f for f in newsclean.detect(text, NC7) if f.rule == code]
    assert len(found) == 1
    assert f"({lang}" in found[0].message
    if code == "NC702":
        # The report covers exactly the foreign paragraph.
        assert found[0].original == text.split("\n")[-1]
    assert newsclean.fix(text, NC7) == text


@pytest.mark.parametrize("text", CASES["keep"] + CASES["not_reported"])
def test_keep_texts_are_not_reported(text: str) -> None:
    assert newsclean.detect(text, NC7) == []
    assert newsclean.fix_and_explain(text, NC7).metadata.get("language", "en") == "en"


@pytest.mark.parametrize(("text", "run"), CASES["script_reported"])
def test_a_leftover_of_another_script_is_reported(text: str, run: str) -> None:
    found = newsclean.detect(text, Config(select=["NC703"]))
    assert [text[f.start : f.end] for f in found] == [run]


def test_document_language_and_english_only_rules_stand_down() -> None:
    italian = (
        "Il ministro degli Esteri ha detto martedì che i colloqui con la Russia andranno "
        "avanti nonostante le tensioni al confine. Il governo ha chiesto il ritiro delle truppe."
    )
    result = newsclean.fix_and_explain(italian)
    assert result.metadata["language"] == "it"
    english_only = {r.code for r in all_rules() if r.english_only}
    assert english_only and set(result.metadata["skipped_rules"]) == english_only
    english = newsclean.fix_and_explain(" ".join(CLEAN_SENTENCES))
    assert english.metadata["language"] == "en"
    assert "skipped_rules" not in english.metadata


class _Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> list[tuple[str, float]]:
        self.calls += 1
        return language._Detector()(text)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Counting]:
    counter = _Counting()
    monkeypatch.setattr(language, "detect_languages", counter)
    yield counter


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(CLEAN_SENTENCES), min_size=1, max_size=12))
def test_langdetect_never_runs_on_clean_english(sentences: list[str]) -> None:
    counter = _Counting()
    original = language.detect_languages
    language.detect_languages = counter  # type: ignore[assignment]
    try:
        result = newsclean.fix_and_explain("\n\n".join(sentences), NC7)
    finally:
        language.detect_languages = original
    assert counter.calls == 0
    assert result.findings == []


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from(CLEAN_SENTENCES), min_size=4, max_size=8),
    st.sampled_from(sorted(FOREIGN)),
    st.integers(min_value=0, max_value=8),
    st.sampled_from(["\n", "\n\n"]),
)
def test_foreign_paragraph_found_anywhere(
    sentences: list[str], lang: str, where: int, sep: str
) -> None:
    paragraphs = list(sentences)
    paragraphs.insert(min(where, len(paragraphs)), FOREIGN[lang])
    text = sep.join(paragraphs)
    found = newsclean.detect(text, NC7)
    assert [(f.rule, f.original) for f in found] == [("NC702", FOREIGN[lang])]
    assert f"({lang}," in found[0].message


def test_adjacent_lines_in_one_language_merge() -> None:
    it = FOREIGN["it"]
    english = "\n".join(CLEAN_SENTENCES[:6])
    text = f"{english}\n{it}\n{it}\n{english}"
    (finding,) = newsclean.detect(text, NC7)
    assert finding.original == f"{it}\n{it}"


def test_short_lines_never_reach_langdetect(counting: _Counting) -> None:
    text = "Photo: EFE/EPA/OLEG PETRASYUK\n\nIl governo ha detto no.\n\nDpa/AFP/ts"
    assert newsclean.detect(text, NC7) == []
    assert "language" not in newsclean.fix_and_explain(text, NC7).metadata
    assert counting.calls == 0


def test_detector_is_deterministic_and_thread_safe() -> None:
    fresh = language._Detector()
    texts = [FOREIGN[lang] for lang in sorted(FOREIGN)] * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        first = list(pool.map(fresh, texts))
    again = [language._Detector()(t) for t in texts]
    assert first == again
    assert [r[0][0] for r in first[: len(FOREIGN)]] == sorted(FOREIGN)


def test_options_extend_tables_and_thresholds() -> None:
    turkish = (
        "\n".join(CLEAN_SENTENCES[:4]) + "\n\n"
        "Dışişleri bakanı sınırdaki durumun hala çok ciddi olduğunu ve görüşmelerin "
        "devam edeceğini söyledi."
    )
    assert newsclean.detect(turkish, NC7) == []
    options: dict[str, Any] = {"NC7": {"source_words": {"tr": "ve bir bu da için ile olduğunu"}}}
    found = newsclean.detect(turkish, Config(select=["NC7"], options=options))
    assert [f.rule for f in found] == ["NC702"]
    strict = Config(select=["NC7"], options={"NC702": {"min_words": 40}})
    assert newsclean.detect(CASES["report"][0][0], strict) == []


def test_seeds_are_english_and_fully_translated(seeds: list[tuple[str, str]]) -> None:
    for name, text in seeds:
        result = newsclean.fix_and_explain(text)
        assert result.metadata["language"] == "en", name
        assert not [f for f in result.findings if f.rule.startswith("NC7")], name


_LINE_PIECES = st.sampled_from(
    [
        "The ",
        "Of ",
        "And ",
        " the ",
        " of ",
        " and ",
        " ",
        "  ",
        "\n",
        "\n\n",
        " \r\n",
        "minister",
        "ministro",
        "della",
        "sono",
        "который",
        "word",
        ".",
        *CLEAN_SENTENCES[:4],
        *FOREIGN.values(),
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=30).map("".join))
def test_plainly_english_matches_the_plain_count(text: str) -> None:
    # The early-exit counting gives the answer of the three counts added up.
    hits = text.count(" the ") + text.count(" of ") + text.count(" and ")
    hits += text.startswith(("The ", "Of ", "And "))
    assert language.plainly_english(text) == (hits * 16 > text.count(" ") + 1)


@settings(max_examples=100, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=30).map("".join))
def test_untranslated_gate_is_sound(text: str) -> None:
    # The whole-document pass says no only when no line, judged on its own, is foreign.
    judged = [language.judge(line.strip()) for line in text.split("\n") if line.strip()]
    assert language.may_be_untranslated(text) == any(v is not None for v in judged)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcXYZ 12,.ªºéКиїΩ\u0301-’", max_size=40))
def test_latin_share_matches_a_walk_over_the_characters(text: str) -> None:
    # The ASCII shortcut and the counts by map give what counting character by character gives.
    letters = sum(1 for ch in text if ch.isalpha())
    expected = len(language.LATIN_RE.findall(text)) / letters if letters else 1.0
    assert language.latin_share(text) == expected
    words = text.lower().split()
    vocabulary = frozenset({"abc", "ки", "é"})
    shared = sum(1 for w in words if w in vocabulary) / len(words) if words else 0.0
    assert language.share_in(words, vocabulary) == shared
    marks = frozenset("éї")
    with_marks = sum(1 for w in words if not marks.isdisjoint(w)) / len(words) if words else 0.0
    assert language.letter_share(words, marks) == with_marks


FRENCH = (
    "Le ministre a déclaré mardi que «les négociations avec la Russie continueront» malgré "
    "les tensions à la frontière, a-t-il ajouté devant les journalistes réunis à Paris."
)


def test_english_only_rules_selected_without_nc701_still_stand_down_on_foreign_text() -> None:
    for config in (Config(select=["NC2"]), Config(ignore=["NC7"])):
        result = newsclean.fix_and_explain(FRENCH, config)
        assert result.text == FRENCH
        assert result.metadata["language"] == "fr"
        assert "NC202" in result.metadata["skipped_rules"]
        assert not [f for f in result.findings if f.rule == "NC701"]  # silent: not selected
    english = "He called it «a historic day» on Tuesday, the minister said."
    assert newsclean.fix(english, Config(select=["NC2"])) == (
        "He called it “a historic day” on Tuesday, the minister said."
    )


def test_short_text_in_a_source_language_is_undetermined_and_left_alone() -> None:
    text = "Il governo ha detto che la crisi è «grave»."
    result = newsclean.fix_and_explain(text)
    assert result.text == text
    assert result.metadata["language"] == "und"
    assert [f.rule for f in result.findings] == ["NC701"]
    # Short English text is still read, and names with particles are not a language.
    assert newsclean.fix("Olaf Scholzis in «Moscow».") != "Olaf Scholzis in «Moscow»."
    names = "Perugini, Intoppa, Del Fava, Dal Maso, Griffen."
    assert newsclean.fix_and_explain(names).metadata.get("language") != "und"


LATIN_WORDS = st.sampled_from(["Kyiv", "Zürich", "Łódź", "São", "Paulo", "the", "talks", "Ærø"])
FOREIGN_WORDS = st.sampled_from(["Диалог", "Польщі", "Ωμέγα", "東京", "С", "доларів"])


@settings(deadline=None)  # the first example loads the rules
@given(st.lists(LATIN_WORDS, min_size=3, max_size=12), FOREIGN_WORDS, st.integers(0, 12))
def test_a_word_of_another_script_in_english_is_reported_where_it_stands(
    words: list[str], foreign: str, at: int
) -> None:
    at = min(at, len(words))
    before = " ".join(words[:at]) + (" " if at else "")
    text = before + foreign + " " + " ".join(words[at:]) + "."
    findings = newsclean.detect(text, Config(select=["NC703"]))
    assert [(f.start, f.end) for f in findings] == [(len(before), len(before) + len(foreign))]


@settings(deadline=None)
@given(
    st.lists(LATIN_WORDS, min_size=3, max_size=12),
    st.sampled_from(["https://премия.рф/", "#поэт", "@Диалог", "www.диалог.рф"]),
)
def test_latin_letters_and_addresses_are_never_reported(words: list[str], address: str) -> None:
    text = " ".join(words) + " " + address + " now."
    assert newsclean.detect(text, Config(select=["NC703"])) == []


@settings(deadline=None)
@given(st.sampled_from(["Kremlin", "Kyiv", "Tokyo"]), FOREIGN_WORDS)
def test_a_gloss_in_brackets_is_not_reported(name: str, gloss: str) -> None:
    text = f"The {name} ({gloss}) said the talks would go on."
    assert newsclean.detect(text, Config(select=["NC703"])) == []


GREEK_SYMBOLS = st.sampled_from(list("αβγδεπσμλθφψωΔΣΩΦΨΓΛΠΘ"))
SYMBOL_FRAMES = st.sampled_from(
    [
        "The letter {} is used here.",
        "the ratio was {} = 0.05",
        "the {}-opioid receptor",
        "Delta ({}) rose",
        "{}, {} and {} were measured",
        "the {}-{} angle",
    ]
)


@settings(deadline=None)
@given(SYMBOL_FRAMES, GREEK_SYMBOLS, st.sampled_from(["", "In Kyiv, ", "The talks went on. "]))
def test_a_greek_letter_that_stands_as_a_symbol_is_not_reported(
    frame: str, letter: str, before: str
) -> None:
    text = before + frame.replace("{}", letter)
    assert newsclean.detect(text, Config(select=["NC703"])) == []
    # Glued to a Latin word, the same letter is a leftover.
    glued = before + frame.replace("{}", letter + "ness")
    assert newsclean.detect(glued, Config(select=["NC703"])) != []


FOREIGN_ALPHABET = [*"ab £€’“é Київ Ωμ東京 .,", "\u00b5", "\u20b4"]


@given(st.text(alphabet=st.sampled_from(FOREIGN_ALPHABET)))
def test_the_foreign_script_gate_finds_what_a_full_scan_finds(text: str) -> None:
    runs = language.FOREIGN_RUN_RE
    full = [(m.start(), m.end()) for m in runs.finditer(text)]
    first = language.first_outside_cp1252(text)
    gated = [] if first is None else [(m.start(), m.end()) for m in runs.finditer(text, first)]
    assert gated == full
