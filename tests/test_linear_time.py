"""Linear time on hostile input: a guard against catastrophic backtracking and quadratic loops.

Every registered rule (run alone, its fixes applied) and the whole pipeline are timed on each
hostile input of ``tests/adversarial.py`` at two sizes, ten times apart. Linear work grows
about 10x; quadratic work about 100x. The bound is deliberately generous (30x, minimum of
several CPU-time measurements) so that a loaded machine does not make the test flaky; the real
ratios, at 100 KB -> 1 MB, are measured by ``benchmarks/growth.py``.

The regression tests below pin the blow-ups the audit found, each with a size that hung (or
took seconds) before the fix and takes milliseconds after it.
"""

from __future__ import annotations

import importlib
import random
import time
from collections.abc import Callable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.pipeline import RULE_MODULES, all_rules
from newsclean.registry import Context, Rule
from newsclean.rules import quotes
from newsclean.rules.encoding import entities_outside_urls, html_entities
from newsclean.rules.whitespace import HSPACE, trailing_spaces

from .adversarial import GENERATORS, generate

SMALL = 20_000
LARGE = 200_000
#: 10x the input may take at most this many times as long (quadratic work gives ~100).
BOUND = 30.0
#: Below this, a large run is too short to time reliably, and too cheap to matter (200 K
#: code points in 50 ms is 4 MB/s; quadratic work at that size takes seconds). It must be
#: above ``BOUND * FLOOR_S``: a small run under the floor leaves the large one an absolute
#: budget of ``BOUND * FLOOR_S`` (30 ms), which one busy moment of the machine can exceed.
NEGLIGIBLE_S = 0.05
#: Timer resolution and fixed costs: a small run counts as at least this long.
FLOOR_S = 0.001

Runner = Callable[[str], object]


def _rule_runner(rule: Rule) -> Runner:
    """The rule's ``find`` alone (the engine is timed by the pipeline targets)."""
    ctx = Context(config=Config(fixable=["ALL"]), code=rule.code, metadata={})
    return lambda text: list(rule.find(text, ctx))


def _pipeline_runner(config: Config | None) -> Runner:
    return lambda text: newsclean.fix_and_explain(text, config)


TARGETS = [pytest.param(_rule_runner(r), id=r.code) for r in all_rules()]
TARGETS += [
    pytest.param(_pipeline_runner(None), id="default"),
    pytest.param(_pipeline_runner(Config(select=["ALL"], fixable=["ALL"])), id="all"),
]


def _forget_readings() -> None:
    """Empty the rules' caches of whole-text readings (the quotes rules keep their last few),
    so that timing the same text again measures the work, not a cache hit."""
    for name in RULE_MODULES:
        cache = getattr(importlib.import_module(f"newsclean.rules.{name}"), "_CACHE", None)
        if isinstance(cache, dict):
            cache.clear()


def _once(run: Runner, text: str) -> float:
    """CPU time of one run: less disturbed than wall time by other processes on the machine."""
    _forget_readings()
    start = time.process_time()
    run(text)
    return time.process_time() - start


@pytest.mark.parametrize("run", TARGETS)
@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_growth_is_linear(name: str, run: Runner) -> None:
    small_text = generate(name, SMALL)
    large_text = generate(name, LARGE)
    run(small_text)  # warm caches and lazy tables
    small = min(_once(run, small_text) for _ in range(5))
    large = float("inf")
    for _ in range(3):
        # The minimum can only fall: stop as soon as it is within the bound.
        large = min(large, _once(run, large_text))
        if large < NEGLIGIBLE_S:
            return  # too cheap at this size to matter or to time reliably
        if large / max(small, FLOOR_S) < BOUND:
            return
        small = min(small, _once(run, small_text))
    ratio = large / max(small, FLOOR_S)
    assert ratio < BOUND, (
        f"{name}: {SMALL} -> {LARGE} code points took {small:.4f}s -> {large:.4f}s "
        f"(x{ratio:.1f}); look for backtracking or a rescanning loop"
    )


# --- Regressions found by the audit -----------------------------------------------------


#: The pattern NC501 used before: it rescans a run of spaces from every position in it.
OLD_TRAILING_RE = regex.compile(HSPACE + r"+(?=\r?\n|\Z)")


def test_trailing_spaces_on_a_long_run_without_a_line_break() -> None:
    """NC501 took ~5 s on 5,000 spaces followed by a letter (and grew faster than n²)."""
    text = " " * 1_000_000 + "x"
    start = time.perf_counter()
    assert trailing_spaces(text) == []
    assert trailing_spaces(text + " \n") == [(len(text), len(text) + 1)]
    assert time.perf_counter() - start < 2.0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u3000\nax", max_size=40))
def test_trailing_spaces_finds_what_the_old_pattern_found(text: str) -> None:
    """Without stray carriage returns, the linear scan and the old pattern agree."""
    assert trailing_spaces(text) == [m.span() for m in OLD_TRAILING_RE.finditer(text)]


def _strip_until_stable(text: str) -> str:
    """The old pattern applied until nothing trails: what one pass must now achieve."""
    while True:
        stripped = OLD_TRAILING_RE.sub("", regex.sub(HSPACE + r"+(?=\r+(?:\n|\Z))", "", text))
        if stripped == text:
            return text
        text = stripped


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u00a0\r\nax", max_size=40))
def test_trailing_spaces_go_in_one_pass(text: str) -> None:
    """Found by atheris: "d\\t\\r\\xa0 \\n" lost "\\xa0 " and then "\\t" trailed the line
    (NC501 was not idempotent). Now one pass leaves nothing to strip, and keeps every \\r."""
    spans = trailing_spaces(text)
    once = "".join(
        text[a:b]
        for a, b in zip(
            [0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)], strict=True
        )
    )
    assert once == _strip_until_stable(text)
    assert trailing_spaces(once) == []
    assert once.count("\r") == text.count("\r")


#: What NC602 did before: search back to the line start for a URL from every entity.
OLD_URL_NEAR_RE = regex.compile(r"(?:https?://|www\.)\S*\Z")


def _old_entities(text: str) -> list[tuple[int, int, str]]:
    """The entities NC602 decodes, with the URL check it did before (search back to the line
    start from every entity)."""
    out = []
    for start, end, value in html_entities(text):
        line_start = text.rfind("\n", 0, start) + 1
        if OLD_URL_NEAR_RE.search(text, line_start, start):
            continue
        out.append((start, end, value))
    return out


def test_entities_on_one_line_without_spaces() -> None:
    """NC602 took 7 s on 100 KB of entities after a URL (quadratic); now linear."""
    text = generate("entities_no_spaces", 200_000)
    start = time.perf_counter()
    assert entities_outside_urls(text) == []  # all of it is one URL
    plain = "&amp;" * 40_000
    assert len(entities_outside_urls(plain)) == 40_000
    assert time.perf_counter() - start < 5.0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "&amp;",
                "&#8217;",
                "&#10;",
                "http://",
                "https://",
                "www.",
                " ",
                "\n",
                "a",
                "&",
                "\u00a0",
                "\u2028",
                ".org",
                ";",
            ]
        ),
        max_size=14,
    ).map("".join)
)
def test_entities_outside_urls_match_the_old_search(text: str) -> None:
    assert entities_outside_urls(text) == _old_entities(text)


def test_random_entity_lines_match_the_old_search() -> None:
    rng = random.Random(8)
    pieces = ["&amp;", "&quot;", "https://x.org/?", "www.", " ", "\t", "b=2"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(30))
        assert entities_outside_urls(text) == _old_entities(text)


class _CountingText(str):
    """A text that counts how often it is compared with ``==`` (it hashes as ``str``)."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        type(self).compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def _long_text_with_artifacts() -> str:
    names = ["Kuleba", "Scholz", "Lavrov", "Baerbock", "Zakharova", "Stoltenberg"]
    follow = ["while", "who", "is", "was", "has", "claims"]
    paragraphs = []
    for i in range(3_000):
        name = names[i % 6]
        paragraphs.append(f"{name} said: “We will talk about plan {i}.” The ministers met.")
        if i % 100 == 7:  # 30 fused tokens, each once
            k = i // 100
            fused = names[k % 6] + follow[k // 6 % 6]
            paragraphs.append(f"Then {fused} the others left. “We will never accept it “, he said.")
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("select", ["NC2", "NC1"])
def test_a_long_text_is_not_compared_with_its_cached_copy_at_every_step(select: str) -> None:
    """The quotes rules read a text paragraph by paragraph and the fused rules look words up
    block by block. A cache keyed by the whole text, asked at every step, compared a long
    text character by character with an equal copy it held (the same document met again
    once the per-text analysis had been pushed out of its cache: a 10 MB document took 38 s
    instead of 14). Count those comparisons: a few per rule, not one per paragraph or word.
    """
    text = _long_text_with_artifacts()
    assert len(text) > 131_072  # long enough for the fused rules' block index
    config = Config(select=[select])
    first = newsclean.fix_and_explain(_CountingText(text), config)
    assert first.edits  # the rules have work to do on it
    quotes._CACHE.clear()  # as other documents would push the analysis out
    _CountingText.compared = 0
    newsclean.fix_and_explain(_CountingText(text), config)
    assert _CountingText.compared < 10, _CountingText.compared


def test_the_negligible_time_covers_the_floor() -> None:
    """A small run below FLOOR_S gives the large run BOUND * FLOOR_S; runs that short are
    excused outright, or the test fails on a busy machine (seen: 0.0308 s against 0.030)."""
    assert NEGLIGIBLE_S > BOUND * FLOOR_S
