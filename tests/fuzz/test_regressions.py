"""Replay every input the fuzzers ever broke newsclean with (tests/fuzz/regressions/), and
the seed corpus the atheris run starts from (tests/fuzz/seeds/), under every configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import configs, decode, run_one
from .invariants import check

HERE = Path(__file__).resolve().parent
REGRESSIONS = sorted((HERE / "regressions").glob("*"))
SEEDS = sorted((HERE / "seeds").glob("*"))


def test_there_are_seeds_and_regressions() -> None:
    assert SEEDS, "the atheris run needs a seed corpus in tests/fuzz/seeds/"
    assert REGRESSIONS, "tests/fuzz/regressions/ lost its cases"


@pytest.mark.parametrize("path", REGRESSIONS + SEEDS, ids=lambda p: p.name)
def test_replay(path: Path) -> None:
    data = path.read_bytes()
    run_one(data)
    _config, text = decode(data)
    for config in configs():
        check(text, config)
