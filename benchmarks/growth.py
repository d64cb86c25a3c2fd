"""Growth of running time from a small to a 10x larger hostile input, per rule and pipeline.

For every generator in ``tests/adversarial.py`` and every target (each registered rule run
alone with its fixes applied, the default pipeline, and every rule at once), the script times
the run at ``--small`` and at ``--large`` code points (minimum of ``--repeat`` runs) and prints
the ratio. Linear work gives a ratio near ``large / small`` (10 by default); quadratic work
gives about its square (100).

    .venv/bin/python benchmarks/growth.py                    # 100 KB -> 1 MB, every target
    .venv/bin/python benchmarks/growth.py --small 20000 --large 200000 --only NC601
    .venv/bin/python benchmarks/growth.py --json > growth.json

The exit status is 1 when any ratio exceeds ``--fail-above`` (default 30).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.adversarial import GENERATORS  # noqa: E402

import newsclean  # noqa: E402
from newsclean import Config  # noqa: E402
from newsclean.pipeline import all_rules  # noqa: E402


def targets() -> dict[str, Config | None]:
    """Every rule alone (fixes applied), the default pipeline, and every rule at once."""
    out: dict[str, Config | None] = {
        rule.code: Config(select=[rule.code], fixable=["ALL"]) for rule in all_rules()
    }
    out["default"] = None
    out["all"] = Config(select=["ALL"], fixable=["ALL"])
    return out


def best_time(text: str, config: Config | None, repeat: int) -> float:
    """The minimum CPU time of ``repeat`` runs of ``fix_and_explain`` (CPU time, so that other
    processes on a shared machine disturb the ratios less)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        newsclean.fix_and_explain(text, config)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=100_000, help="code points (100 KB)")
    parser.add_argument("--large", type=int, default=1_000_000, help="code points (1 MB)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", help="target (rule code, default, all)")
    parser.add_argument("--input", action="append", help="generator name")
    parser.add_argument("--fail-above", type=float, default=30.0)
    parser.add_argument("--json", action="store_true", help="one JSON object a line")
    args = parser.parse_args(argv)

    worst = 0.0
    chosen = {k: v for k, v in targets().items() if not args.only or k in args.only}
    names = [n for n in GENERATORS if not args.input or n in args.input]
    if not args.json:
        print(f"{'input':<22} {'target':<8} {'small s':>9} {'large s':>9} {'ratio':>6}")
    for name in names:
        small_text = GENERATORS[name](args.small)
        large_text = GENERATORS[name](args.large)
        for target, config in chosen.items():
            small = best_time(small_text, config, args.repeat)
            large = best_time(large_text, config, args.repeat)
            ratio = large / max(small, 1e-6)
            worst = max(worst, ratio)
            row = {"input": name, "target": target, "small_s": small, "large_s": large}
            if args.json:
                print(json.dumps({**row, "ratio": round(ratio, 2)}), flush=True)
            else:
                print(f"{name:<22} {target:<8} {small:9.4f} {large:9.4f} {ratio:6.1f}", flush=True)
    if not args.json:
        print(f"worst ratio: {worst:.1f} (sizes {args.small} -> {args.large})")
    return 1 if worst > args.fail_above else 0


if __name__ == "__main__":
    sys.exit(main())
