"""Properties every rule and the whole pipeline must keep, on any input.

Parametrised over the registry, so a new rule is covered the moment it is registered.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import newsclean
from newsclean import Config, apply_edits
from newsclean.pipeline import all_rules

from .strategies import any_text, clean_text, news_text

RULE_CODES = [rule.code for rule in all_rules()]
CONFIGS = [pytest.param(None, id="default")] + [
    pytest.param(Config(select=[code]), id=code) for code in RULE_CODES
]
PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _check_result(text: str, config: Config | None) -> None:
    result = newsclean.fix_and_explain(text, config)
    # Edits are in original offsets, ordered, non-overlapping, and rebuild the output.
    assert apply_edits(text, result.edits) == result.text
    for edit in result.edits:
        assert 0 <= edit.start <= edit.end <= len(text)
        assert text[edit.start : edit.end] == edit.original
        assert edit.original != edit.replacement
        assert edit.rule in RULE_CODES
    # Whatever was removed is returned, with its original offsets.
    for block in result.metadata.get("removed", []):
        assert text[block["start"] : block["end"]] == block["text"]
    # Findings point at real places in the input.
    lines = text.split("\n")
    for finding in newsclean.detect(text, config):
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.original
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
    # Idempotence.
    assert newsclean.fix(result.text, config) == result.text


@pytest.mark.parametrize("config", CONFIGS)
@PROPERTY_SETTINGS
@given(text=any_text)
def test_any_unicode(text: str, config: Config | None) -> None:
    _check_result(text, config)


@pytest.mark.parametrize("config", CONFIGS)
@PROPERTY_SETTINGS
@given(text=news_text)
def test_news_like_text(text: str, config: Config | None) -> None:
    _check_result(text, config)


@pytest.mark.parametrize("config", CONFIGS)
@PROPERTY_SETTINGS
@given(text=clean_text)
def test_clean_text_stays_clean(text: str, config: Config | None) -> None:
    assert newsclean.fix(text, config) == text
    assert newsclean.detect(text, config) == []
