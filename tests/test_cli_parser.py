"""The command line parser built for one command (what ``main`` builds, to start faster)
parses that command's lines exactly as the whole parser does."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from newsclean import cli

LINES = [
    ["fix", "a.txt"],
    ["fix", "--jsonl", "-q", "-j", "2", "c.jsonl"],
    ["fix", "-i", "--select", "NC5,NC6", "--ignore", "NC504", "--option", "NC7.min_words=5", "d"],
    ["fix", "--check", "--diff", "--field", "body", "--metadata-field", "nc", "-"],
    ["fix", "--skip-invalid", "--exclude", "x/*", "--include", "*.txt", "--no-config", "d"],
    ["check", "--format", "json", "--statistics", "c.jsonl"],
    ["check", "--lexicon", "n.txt", "--config", "p.toml", "--extend-select", "NC8", "a"],
    ["rules"],
    ["rules", "--markdown"],
    ["lexicon", "build", "c.jsonl", "-o", "names.txt", "--min-documents", "3", "-q"],
    # Refused alike:
    ["fix", "--format", "json", "a"],
    ["check", "-i", "a"],
    ["fix", "-j", "-1", "a"],
    ["fix", "-i", "--check", "a"],
    ["rules", "--diff"],
    ["lexicon", "build", "c.jsonl"],
    ["lexicon"],
    ["fix", "--help"],
    ["check", "-h"],
    ["lexicon", "build", "--help"],
]


def outcome(parser: argparse.ArgumentParser, line: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(line))
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("line", LINES, ids=" ".join)
def test_one_commands_parser_parses_as_the_whole_one(line: list[str]) -> None:
    assert outcome(cli.make_parser(line[0]), line) == outcome(cli.make_parser(), line)


def test_the_main_help_lists_every_command() -> None:
    for command in (None, "fix", "check", "rules", "lexicon"):
        _, text, _ = outcome(cli.make_parser(command), ["--help"])
        assert all(name in text for name in ("fix", "check", "rules", "lexicon"))
