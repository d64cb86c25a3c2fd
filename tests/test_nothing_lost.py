"""Nothing lost: the letters and digits of the output are those of the input, in order.

The exact property (docs/hardening.md): with ``letters(s)`` the letters and digits of ``s``
(``str.isalnum``), case-folded,

    letters(fix(text)) == letters(text with every block of metadata["removed"] cut out,
                                  and the edits of encoding and names rules applied)

and every removed block is the input's text at its original offsets, removed by a header or
boilerplate rule. Checked over hostile generated text for every registered rule and the
pipelines, over the seed articles, and over the shared corpora (skipped when ../shared is
absent).
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.pipeline import all_rules

from .conftest import SHARED
from .fuzz.invariants import check, expected_letters, letters, nothing_lost
from .fuzz.strategies import FAMILY_FRAGMENTS, family_text, hostile_text

CORPORA = SHARED / "corpora"
#: Documents per corpus (evenly spaced); NEWSCLEAN_CORPUS_LIMIT=0 runs every document.
CORPUS_LIMIT = int(os.environ.get("NEWSCLEAN_CORPUS_LIMIT", "300"))

CONFIGS = [
    pytest.param(None, id="default"),
    pytest.param(Config(select=["ALL"], fixable=["ALL"]), id="all-fixing"),
] + [pytest.param(Config(select=[r.code], fixable=["ALL"]), id=r.code) for r in all_rules()]

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("config", CONFIGS)
@SETTINGS
@given(text=hostile_text)
def test_nothing_lost_on_hostile_text(text: str, config: Config | None) -> None:
    check(text, config)


@pytest.mark.parametrize("family", sorted(FAMILY_FRAGMENTS))
@SETTINGS
@given(data=st.data())
def test_nothing_lost_per_family(family: str, data: st.DataObject) -> None:
    """Each family's hostile text under the default run and under every rule fixing."""
    text = data.draw(family_text(family))
    check(text)
    check(text, Config(select=["ALL"], fixable=["ALL"]))


# --- The property itself can fail ---------------------------------------------------------


def test_a_dropped_letter_is_caught() -> None:
    text = "date 2022-02-15 Kuleba said so.  \n"
    result = newsclean.fix_and_explain(text)
    nothing_lost(text, result)
    damaged = newsclean.Result(result.text.replace("said", "sad"), result.edits, result.metadata)
    with pytest.raises(AssertionError, match="letters lost"):
        nothing_lost(text, damaged)


def test_a_removal_not_returned_in_metadata_is_caught() -> None:
    text = "date 2022-02-15 Kuleba said so."
    result = newsclean.fix_and_explain(text)
    assert result.metadata["removed"]
    hidden = newsclean.Result(result.text, result.edits, {})
    assert expected_letters(text, hidden) != letters(result.text)


# --- Real text ------------------------------------------------------------------------------


def _corpus(name: str) -> list[str]:
    path = CORPORA / name
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    with open(path, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    if CORPUS_LIMIT and len(texts) > CORPUS_LIMIT:
        step = len(texts) / CORPUS_LIMIT
        texts = [texts[int(i * step)] for i in range(CORPUS_LIMIT)]
    return texts


@pytest.mark.parametrize("config", CONFIGS[:2])
@pytest.mark.parametrize(
    "corpus", ["bbc_clean.jsonl", "wmt_en_clean.jsonl", "wmt_mt_ru_uk_en.jsonl"]
)
def test_nothing_lost_on_the_shared_corpora(corpus: str, config: Config | None) -> None:
    for text in _corpus(corpus):
        check(text, config)


def test_nothing_lost_on_the_seeds(seeds: list[tuple[str, str]]) -> None:
    for _name, text in seeds:
        check(text)
        check(text, Config(select=["ALL"], fixable=["ALL"]))
