"""The ``newsclean`` console script (a thin front end over the public API)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import Config, ConfigError, __version__, detect, fix, list_rules
from .catalogue import render_catalogue


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _config(args: argparse.Namespace) -> Config:
    return Config(select=args.select or (), ignore=args.ignore or ())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Repair what machine translation and scraping do to news text.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("fix", "write the repaired text to stdout"),
        ("check", "list findings as path:line:col: CODE message"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("paths", nargs="*", default=["-"])
        p.add_argument("--select", action="append")
        p.add_argument("--ignore", action="append")
    r = sub.add_parser("rules", help="list the rules")
    r.add_argument("--markdown", action="store_true", help="print the rules catalogue")
    args = parser.parse_args(argv)

    if args.command == "rules":
        if args.markdown:
            sys.stdout.write(render_catalogue())
        else:
            for rule in list_rules():
                print(json.dumps(rule))
        return 0
    try:
        config = _config(args)
        status = 0
        for path in args.paths:
            text = _read(path)
            if args.command == "fix":
                sys.stdout.write(fix(text, config))
            else:
                for f in detect(text, config):
                    status = 1
                    print(
                        f"{'<stdin>' if path == '-' else path}:{f.line}:{f.column}: "
                        f"{f.rule} {f.message}"
                    )
        return status
    except (OSError, UnicodeDecodeError, ConfigError) as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
