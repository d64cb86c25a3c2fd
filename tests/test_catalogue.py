"""docs/rules.md is generated from the registry; every rule's example must hold."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Config
from newsclean.catalogue import render_catalogue
from newsclean.pipeline import all_rules

from .conftest import ROOT


def test_rules_md_is_current() -> None:
    on_disk = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert on_disk == render_catalogue(), "run: newsclean rules --markdown > docs/rules.md"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_catalogue_example_holds(rule: newsclean.Rule) -> None:
    assert rule.before, f"{rule.code} has no example"
    config = Config(select=[rule.code], fixable=[rule.code] if rule.fixes else [])
    assert newsclean.fix(rule.before, config) == rule.after
    found = [f.rule for f in newsclean.detect(rule.before, Config(select=[rule.code]))]
    assert rule.code in found, f"{rule.code} does not report its own example"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_is_in_the_changelog(rule: newsclean.Rule) -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert rule.code in changelog
