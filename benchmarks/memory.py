"""Peak resident memory of a command that cleans a large JSONL file, and whether it stays flat.

    .venv/bin/python benchmarks/memory.py                      # 1 GB, the default command
    .venv/bin/python benchmarks/memory.py --size-mb 200 --command "newsclean fix {input}"
    .venv/bin/python benchmarks/memory.py --size-mb 200 --command stream

The script writes a JSONL file of ``--size-mb`` megabytes (``{"id", "text"}`` per line: news
articles from ../shared/corpora when present, else generated ones, with artifacts injected:
leaked headers, mojibake, entities, quotes, blank lines), runs the command with the file in
place of ``{input}`` and its output sent to /dev/null, and samples the command's resident
memory (VmRSS of the process and its children, from /proc) every ``--interval`` seconds.
It reports the exact peak (``getrusage`` of the finished child) and the RSS at each tenth of
the run: flat memory means the last tenths are no higher than the first.

The default command is ``newsclean fix --jsonl {input}`` (the streaming JSONL mode of the
CLI). ``--command stream`` runs this script's own streaming loop over the library
(``fix_and_explain`` one document at a time), a baseline for what the engine needs.
Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_COMMAND = "newsclean fix --jsonl {input}"

ARTIFACTS = [
    lambda t: " date 2022-02-15 " + t,
    lambda t: t.replace("'", "â€™", 3),
    lambda t: t.replace(" and ", " &amp; ", 2),
    lambda t: t.replace(". ", ".   \n\n\n\n", 2),
    lambda t: t.replace('"', "“", 1),
    lambda t: t,
]


def _articles() -> list[str]:
    texts: list[str] = []
    for path in sorted(CORPORA.glob("*.jsonl")) if CORPORA.is_dir() else []:
        with open(path, encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    if texts:
        return texts
    rng = random.Random(0)
    words = [
        "the",
        "minister",
        "said",
        "NATO",
        "Kyiv",
        "talks",
        "would",
        "continue",
        "on",
        "Tuesday",
        "and",
    ]
    return [
        ". ".join(" ".join(rng.choice(words) for _ in range(14)) for _ in range(30))
        for _ in range(200)
    ]


def write_jsonl(path: Path, size_mb: int) -> int:
    """Write about ``size_mb`` MB of articles with artifacts; return the number of lines."""
    rng = random.Random(1)
    articles = _articles()
    target = size_mb * 1024 * 1024
    written = lines = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            text = rng.choice(ARTIFACTS)(rng.choice(articles))
            line = json.dumps({"id": f"doc-{lines}", "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            lines += 1
    return lines


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants, in kB (0 when it is gone)."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as handle:
                pids += [int(p) for p in handle.read().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(command: list[str], interval: float) -> dict[str, object]:
    """Run ``command``; sample its RSS; return peak, samples by tenth, time and status."""
    start = time.perf_counter()
    samples: list[tuple[float, int]] = []
    with open(os.devnull, "w") as devnull:
        proc = subprocess.Popen(command, stdout=devnull)
        while proc.poll() is None:
            samples.append((time.perf_counter() - start, _tree_rss_kb(proc.pid)))
            time.sleep(interval)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    tenths = []
    for i in range(10):
        chunk = [kb for t, kb in samples if i * elapsed / 10 <= t < (i + 1) * elapsed / 10]
        tenths.append(round(max(chunk) / 1024, 1) if chunk else None)
    return {
        "returncode": proc.returncode,
        "seconds": round(elapsed, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "rss_mb_by_tenth": tenths,
    }


def stream(path: str) -> None:
    """The ``--command stream`` baseline: clean a JSONL file one document at a time."""
    sys.path.insert(0, str(ROOT / "src"))
    import newsclean

    def results() -> Iterator[str]:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                result = newsclean.fix_and_explain(record["text"])
                record["text"] = result.text
                record["newsclean"] = {
                    "edits": len(result.edits),
                    "date": result.metadata.get("date"),
                }
                yield json.dumps(record, ensure_ascii=False) + "\n"

    sys.stdout.writelines(results())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--command", default=DEFAULT_COMMAND, help="with {input}; or 'stream'")
    parser.add_argument("--input", help="use this JSONL file instead of generating one")
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument("--interval", type=float, default=0.2)
    parser.add_argument("--stream-worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stream_worker:
        stream(args.stream_worker)
        return 0

    tmpdir = tempfile.mkdtemp(prefix="newsclean-memory-")
    path = Path(args.input) if args.input else Path(tmpdir) / f"input-{args.size_mb}mb.jsonl"
    lines = None
    if not args.input:
        lines = write_jsonl(path, args.size_mb)
    if args.command == "stream":
        command = [sys.executable, __file__, "--stream-worker", str(path)]
    else:
        command = [part.replace("{input}", str(path)) for part in shlex.split(args.command)]
    report = {
        "command": " ".join(command),
        "input_mb": round(path.stat().st_size / 1024 / 1024, 1),
        "lines": lines,
        **measure(command, args.interval),
    }
    print(json.dumps(report))
    if not args.input and not args.keep:
        path.unlink()
        os.rmdir(tmpdir)
    return 0 if report["returncode"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
