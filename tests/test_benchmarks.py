"""The benchmark scoring code (benchmarks/quality.py) on small made-up inputs.

The scores in docs/benchmarks.md are only as good as this code: edit extraction, exact
matching, the layout-loose mode, gold anchors, and the injector protocol.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsclean
from benchmarks import quality as q
from benchmarks.quality import Anchor, Counts, Edit

# Text drawn from a small alphabet so that repeats and shared tokens are common.
small_text = st.text(alphabet=st.sampled_from(list("ab .,“”\n\t'’")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(small_text, small_text)
def test_diff_edits_rebuild_the_target(source: str, target: str) -> None:
    edits = q.diff_edits(source, target)
    assert q.apply_edit_list(source, edits) == target
    assert edits == sorted(edits)
    for e in edits:
        assert 0 <= e.start <= e.end <= len(source)
        assert source[e.start : e.end] != e.replacement  # no empty edits
    for a, b in itertools.pairwise(edits):
        assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_diff_edits_rebuild_any_unicode(source: str, target: str) -> None:
    assert q.apply_edit_list(source, q.diff_edits(source, target)) == target


def test_same_repair_gives_same_edit_wherever_the_rest_differs() -> None:
    dirty = "Olaf Scholzis now asking.\nKuleba said so.\n"
    gold = "Olaf Scholz is now asking.\nKuleba said so.\n"
    system = "Olaf Scholz is now asking.\nKu leb a said so.\n"
    counts = q.score(dirty, gold, system)
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_wrong_cut_is_one_false_positive_and_one_false_negative() -> None:
    counts = q.score("Agrawaland more", "Agrawal and more", "Agrawa land more")
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_adjacent_changes_inside_one_token_stretch_are_one_edit() -> None:
    # the quote's glyph and the space beside it are one repair
    assert q.diff_edits("significance, ”he said", "significance,” he said") == [Edit(13, 15, "” ")]


def test_unchanged_system_scores_only_false_negatives() -> None:
    dirty = "withUkraine and Putinwho"
    counts = q.score(dirty, "with Ukraine and Putin who", dirty)
    assert (counts.tp, counts.fp, counts.fn) == (0, 0, 2)
    assert counts.precision == 1.0 and counts.recall == 0.0 and counts.f05 == 0.0


def test_scores_formulas() -> None:
    c = Counts(tp=3, fp=1, fn=5)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(3 / 8)
    p, r = 0.75, 3 / 8
    assert c.f05 == pytest.approx(1.25 * p * r / (0.25 * p + r))
    total = Counts()
    total.add(c)
    total.add(Counts(tp=1, fp=0, fn=0, docs=1))
    assert (total.tp, total.fp, total.fn, total.docs) == (4, 1, 5, 1)


def test_reported_counts_missed_edits_that_a_finding_points_at() -> None:
    dirty = "troops ”. and stand “steadfast"
    gold = "troops”. and stand “steadfast"
    counts = q.score(dirty, gold, dirty, reported=[(6, 8)])
    assert (counts.fn, counts.reported) == (1, 1)
    counts = q.score(dirty, gold, dirty, reported=[(20, 21)])
    assert (counts.fn, counts.reported) == (1, 0)


def test_loose_mode_ignores_where_removed_lines_leave_their_breaks() -> None:
    dirty = "Para one.\n\nPhoto: EFE/EPA\n\nPara two.\n"
    gold = "Para one.\n\nPara two.\n"
    for system in ("Para one.\n\n\n\nPara two.\n", "Para one.\n\nPara two.", gold):
        counts = q.score(dirty, gold, system, loose=True)
        assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0), repr(system)
    strict = q.score(dirty, gold, "Para one.\n\n\n\nPara two.\n")
    assert strict.tp == 0


def test_loose_mode_keeps_changes_inside_lines() -> None:
    counts = q.score("a  b\n", "a b\n", "a  b\n", loose=True)
    assert counts.fn == 1


def test_loose_mode_maps_reported_spans() -> None:
    dirty = "\n\n  Shot ”. End"
    gold = "\n\n  Shot”. End"
    counts = q.score(dirty, gold, dirty, loose=True, reported=[(8, 10)])
    assert (counts.fn, counts.reported) == (1, 1)


@settings(max_examples=200, deadline=None)
@given(small_text)
def test_layout_normalisation_only_deletes(text: str) -> None:
    layout = q.normalise_layout(text)
    kept = []
    last = 0
    for start, end in layout.deleted:
        assert last <= start < end <= len(text)
        kept.append(text[last:start])
        last = end
    kept.append(text[last:])
    assert "".join(kept) == layout.text
    assert q.normalise_layout(layout.text).text == layout.text


def test_anchor_edit_trims_to_the_change_and_needs_a_unique_anchor() -> None:
    text = "the frontierKuleba said. Kuleba said."
    edit = q.anchor_edit(text, Anchor("s", "fused", "frontierKuleba said", "frontier Kuleba said"))
    assert edit == Edit(12, 12, " ")
    with pytest.raises(ValueError, match="more than once"):
        q.anchor_edit(text, Anchor("s", "fused", "Kuleba said", "Kuleba says"))
    with pytest.raises(ValueError, match="not found"):
        q.anchor_edit(text, Anchor("s", "fused", "Scholzis", "Scholz is"))
    with pytest.raises(ValueError, match="changes nothing"):
        q.anchor_edit(text, Anchor("s", "fused", "the frontier", "the frontier"))


def test_anchor_through_spans_to_the_end_anchor() -> None:
    text = "End.\n(c) 2022, The Post\n\nA comment.\nMore."
    edit = q.anchor_edit(text, Anchor("s", "boilerplate", "(c) 2022", "", through="More."))
    assert q.apply_edit_list(text, [edit]) == "End.\n"


def test_compose_drops_inner_edits_and_rejects_partial_overlap() -> None:
    outer = ("boilerplate", Edit(10, 30, ""))
    inner = ("whitespace", Edit(15, 18, "\n"))
    assert q.compose([inner, outer]) == [outer]
    with pytest.raises(ValueError, match="overlap"):
        q.compose([outer, ("quotes", Edit(25, 35, "x"))])


def test_gold_file_is_well_formed_and_anchors_hold_on_the_seeds(
    seeds: list[tuple[str, str]],
) -> None:
    anchors = q.load_gold()
    texts = {Path(name).stem: text for name, text in seeds}
    families = set()
    for seed, text in texts.items():
        mine = [a for a in anchors if a.seed == seed]
        tagged = [(a.family, q.anchor_edit(text, a)) for a in mine if a.after is not None]
        q.compose(tagged)  # no partial overlaps
        for a in mine:
            if a.detect is not None:
                start, end = q.detect_span(text, a)
                assert text[start:end] == a.detect
        families |= {a.family for a in mine}
    assert {a.seed for a in anchors} <= set(texts)
    assert {"header", "fused", "quotes", "boilerplate", "names"} <= families


def test_rare_token_splitter_keeps_case_and_common_words() -> None:
    def splitter(word: str) -> list[str]:
        return [word[:6], word[6:]] if len(word) > 6 else [word]

    split = q.rare_token_splitter(splitter)
    assert split("Olaf Scholzis spoke yesterday") == "Olaf Scholz is spoke yesterday"


def test_update_docs_replaces_between_markers(tmp_path: Path) -> None:
    doc = tmp_path / "b.md"
    doc.write_text("intro\n<!-- quality:begin -->\nold\n<!-- quality:end -->\nend\n")
    assert q.update_docs("new table\n", "quality", doc)
    assert (
        doc.read_text() == "intro\n<!-- quality:begin -->\nnew table\n<!-- quality:end -->\nend\n"
    )
    assert not q.update_docs("x", "speed", doc)


def test_every_injector_follows_the_protocol() -> None:
    families, problems = q.discover_families()
    assert not problems
    names = {f.name for f in families}
    assert {"header", "whitespace", "encoding"} <= names
    # a text with something for every family: names standing alone, countries, quotes,
    # several paragraphs and sentences, non-ASCII characters and an ampersand
    text = (
        "Talks in Moscow end without a deal\n\n"
        "Ukraine’s foreign minister Dmytro Kuleba met NATO officials in Brussels on Tuesday. "
        "Kuleba said Russia had moved troops. Germany and France asked Moscow to withdraw "
        "them, and the talks, which cost £5m & 2.5 million euros, went on as 12,000 people "
        "marched.\n\n"
        "“We will see what happens on the ground,” Kuleba said. “Diplomacy must continue.”\n\n"
        "Olaf Scholz, the German chancellor, met Vladimir Putin in the Kremlin. Putin said "
        "Russia did not want war. Scholz said the talks would go on.\n\n"
        "Jens Stoltenberg said NATO had seen no sign of de-escalation on the ground."
    )
    for fam in families:
        assert fam.select and all(isinstance(s, str) for s in fam.select)
        first = fam.inject(text, random.Random(11))
        again = fam.inject(text, random.Random(11))
        assert first == again, fam.name  # deterministic for one rng state
        changed = 0
        for i in range(30):
            dirty, gold = fam.inject(text, random.Random(i))
            assert isinstance(dirty, str) and isinstance(gold, str)
            changed += dirty != gold
        assert changed, f"{fam.name} never injected anything"


def test_foundation_injections_are_repaired() -> None:
    # header, whitespace and encoding are the foundation's families: their repairs are
    # known, so the harness must score them perfect on a text of our own
    text = (
        "Envoys meet in Geneva\n\n"
        "Ukraine’s envoy met NATO officials on Tuesday, at a cost of £5m.\n\n"
        "The talks went on & on, Kuleba said."
    )
    families, _ = q.discover_families()
    for fam in families:
        if fam.name not in {"header", "whitespace", "encoding"}:
            continue
        config = q.family_config(fam.select, fam.fixable)
        assert config is not None
        total = Counts()
        for i in range(15):
            dirty, gold = fam.inject(text, random.Random(i))
            total.add(q.score(dirty, gold, newsclean.fix(dirty, config), loose=fam.loose))
        assert total.tp > 0 and total.fp == 0 and total.fn == 0, (fam.name, total)


# The speed changes to the whitespace rules must find exactly what the patterns they replace
# find (the patterns stay in the module as the specification).
layout_text = st.text(
    alphabet=st.sampled_from(list(" \t\r\n\u00a0\u2003\u3000\x0b\x0c\x1c\x85\u2028ab")),
    max_size=40,
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(layout_text, st.text(max_size=30)))
@example("a\r\n\r\n \r\n\r\nb\n\n\n\n\r\r\n\n\n\n")
@example("\n\n\n\n\r\n\u3000\n\r\n")
def test_fast_whitespace_scans_match_their_patterns(text: str) -> None:
    from newsclean.rules import whitespace as ws

    # trailing_spaces is checked against its reference pattern (and for stray carriage
    # returns, which the pattern mishandled) in tests/test_linear_time.py.
    assert ws.repeated_spaces(text) == [m.span() for m in ws.REPEATED_SPACE_RE.finditer(text)]
    runs = [(m.start(), m.end(), m.group(1) * 2) for m in ws.BLANK_RUN_RE.finditer(text)]
    assert ws.blank_line_runs(text) == runs


def test_scaling_documents_share_their_mix_and_linearity_is_a_ratio() -> None:
    from benchmarks import speed

    texts = ["Title\n\nOne two three.\n\nFour five six.", "Other\n\nSeven eight."]
    small = speed.build_document(texts, 40, base_size=20)
    big = speed.build_document(texts, 400, base_size=20)
    assert big.startswith(small) and len(big) >= 400
    rows = [
        {"size_chars": 1_000_000, "seconds_per_mb": 0.2},
        {"size_chars": 10_000_000, "seconds_per_mb": 0.3},
    ]
    assert speed.linearity(rows) == 1.5
    assert speed.linearity(rows[:1]) is None


def test_enabled_rules_cache_gives_the_uncached_answer() -> None:
    from newsclean import Config
    from newsclean.pipeline import _enabled_rules, enabled_rules

    for config in (Config(), Config(select=("NC5",)), Config(ignore=("NC501",), fixable=("NC6",))):
        assert enabled_rules(config) == _enabled_rules(config)
        assert enabled_rules(config) == _enabled_rules(config)  # second call: from the cache
    unhashable = Config(lexicon={"not": "hashable"})
    assert enabled_rules(unhashable) == _enabled_rules(Config())
    assert newsclean.fix("a  b  \n", unhashable) == "a b\n"
