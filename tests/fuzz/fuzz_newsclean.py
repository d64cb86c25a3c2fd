"""Coverage-guided fuzzing of the whole pipeline and of every rule, with atheris.

    python tests/fuzz/fuzz_newsclean.py -max_total_time=90 CORPUS_DIR [SEED_DIR ...]

(``bash .ci/run`` does this for a bounded time.) Each input's first byte picks a
configuration (the default run, every rule fixing, or one rule alone); the rest is decoded
to text (UTF-8 with surrogate escapes replaced, so any byte string is a text) and checked
against every invariant of :mod:`tests.fuzz.invariants`. A crash or a broken invariant
stops the run and libFuzzer writes the input to ``crash-<sha1>``: copy it into
``tests/fuzz/regressions/`` (with a name saying what it found) and fix the bug;
``tests/fuzz/test_regressions.py`` replays every file there.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean  # noqa: F401

from tests.fuzz.harness import run_one  # noqa: E402


def main() -> None:
    atheris.Setup(sys.argv, run_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
