"""The atheris entry point is a script, not a test module: keep pytest's doctest collection
from importing it (atheris is only installed by the ``fuzz`` extra)."""

collect_ignore = ["fuzz_newsclean.py"]
