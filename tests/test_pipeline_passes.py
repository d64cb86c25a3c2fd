"""The engine's later passes: a pass after the first stops at the step that last changed the
text in the pass before, when nothing before it changes the text again. That shortcut must
give exactly what running every step in every pass gives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsclean.pipeline as pipeline
from newsclean import Config

from .strategies import NEWS_FRAGMENTS, any_text, news_text

#: Artifacts of the early families (encoding, header, fused, quotes) and the late one
#: (whitespace), so that passes end at different steps.
PIECES = [
    *NEWS_FRAGMENTS,
    "2022-02-15 ",
    "date 2022-02-15\n",
    "Ã©",
    "â€™",
    "  ",
    " \n",
    "\n\n\n\n",
    "“ Legion ”",
    "«so»",
    " , he said",
    "fly takes off. ",
    "the Germany through",
    "Dmitro Kuleba and Dmytro Kuleba",
]
mixed = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
CONFIGS = [Config(), Config(select=["ALL"]), Config(fixable=["ALL"]), Config(select=["NC5"])]


def _same(text: str, config: Config) -> None:
    fast = pipeline._run(text, config)
    full = pipeline._run(text, config, resume=False)
    assert fast == full, text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(text="Ã©t\u00e9  \n", config=Config())
@example(text="withUkraine  \n", config=Config())
@given(text=st.one_of(mixed, news_text, any_text), config=st.sampled_from(CONFIGS))
def test_later_passes_give_what_every_step_gives(text: str, config: Config) -> None:
    _same(text, config)


@contextmanager
def _counting() -> Iterator[Counter[str]]:
    """Counts the calls of every rule's finder (the steps are rebuilt around the wrappers)."""
    calls: Counter[str] = Counter()
    originals = {rule.code: rule.find for rule in pipeline.all_rules()}

    def wrap(code: str) -> pipeline.Finder:
        find = originals[code]

        def counted(text: str, ctx: pipeline.Context) -> object:
            calls[code] += 1
            return find(text, ctx)

        return counted  # type: ignore[return-value]

    try:
        for rule in pipeline.all_rules():
            object.__setattr__(rule, "find", wrap(rule.code))
        pipeline._steps_cached.cache_clear()
        pipeline._last_steps = (None, ())
        yield calls
    finally:
        for rule in pipeline.all_rules():
            object.__setattr__(rule, "find", originals[rule.code])
        pipeline._steps_cached.cache_clear()
        pipeline._last_steps = (None, ())


def test_a_second_pass_stops_at_the_step_that_changed_the_text() -> None:
    """A mojibake repair (NC6, the first family) and nothing else: the second pass runs the
    encoding rules again and stops; the shortcut is exercised and gives the full answer."""
    text = "The minister said the cafÃ© was closed."
    config = Config()
    with _counting() as calls:
        fast = pipeline._run(text, config)
        after_fast = sum(calls.values())
        calls.clear()
        full = pipeline._run(text, config, resume=False)
        after_full = sum(calls.values())
    assert fast == full
    assert fast.text == "The minister said the café was closed."
    steps = len(pipeline._steps_cached(config))
    assert after_full >= 2 * steps
    assert after_fast < after_full
