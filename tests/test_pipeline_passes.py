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


# The contexts a thread's runs share (pipeline._bound): what one run leaves must never show
# in another run's result or in what its rules read.

HEADED = "date 2022-02-15\nThe talks went on.\n\nPhoto: EFE"
FRENCH = "Le ministre a dit que les négociations continueraient malgré les tensions à la frontière."


def test_each_result_keeps_its_own_metadata() -> None:
    first = pipeline.run(HEADED)
    kept = {key: list(v) if isinstance(v, list) else v for key, v in first.metadata.items()}
    second = pipeline.run(FRENCH)
    third = pipeline.run("Nothing to see here.")
    assert first.metadata == kept and first.metadata["date"] == "2022-02-15"
    assert first.metadata is not second.metadata is not third.metadata
    assert second.metadata["language"] == "fr" and "date" not in second.metadata
    assert "removed" not in third.metadata and "skipped_rules" not in third.metadata
    assert pipeline.run(HEADED) == first


def test_a_run_inside_a_rule_has_its_own_contexts() -> None:
    """A rule that runs newsclean on another text while its own run is under way (same
    thread, same configuration): neither run sees the other's metadata."""
    alone = (pipeline.run(HEADED), pipeline.run(FRENCH))
    rule = next(r for r in pipeline.all_rules() if r.code == "NC501")
    original = rule.find
    inner: list[pipeline.Result] = []
    seen: list[dict[str, object]] = []
    started: list[bool] = []

    def nested(text: str, ctx: pipeline.Context) -> object:
        if not started:  # the outer run's call (the inner run's calls go straight through)
            started.append(True)
            seen.append(dict(ctx.metadata))
            inner.append(pipeline.run(FRENCH))
            seen.append(dict(ctx.metadata))
        return original(text, ctx)

    try:
        object.__setattr__(rule, "find", nested)
        pipeline._steps_cached.cache_clear()
        pipeline._last_steps = (None, ())
        started.append(True)
        pipeline.run("A run first: the outer run reuses what it leaves.")
        started.clear()
        outer = pipeline.run(HEADED)
    finally:
        object.__setattr__(rule, "find", original)
        pipeline._steps_cached.cache_clear()
        pipeline._last_steps = (None, ())
    assert (outer, inner[0]) == alone
    assert seen[0] == seen[1] and seen[0]["date"] == "2022-02-15"


def test_a_run_that_fails_leaves_nothing_behind() -> None:
    rule = next(r for r in pipeline.all_rules() if r.code == "NC501")
    original = rule.find

    def failing(text: str, ctx: pipeline.Context) -> object:
        raise ValueError("boom")

    try:
        object.__setattr__(rule, "find", failing)
        pipeline._steps_cached.cache_clear()
        pipeline._last_steps = (None, ())
        try:
            pipeline.run(HEADED)
        except ValueError:
            pass
        else:  # pragma: no cover
            raise AssertionError("the rule's error was not raised")
    finally:
        object.__setattr__(rule, "find", original)
        pipeline._steps_cached.cache_clear()
        pipeline._last_steps = (None, ())
    after = pipeline.run("Nothing to see here.")
    assert after.metadata == {"language": "en"}
