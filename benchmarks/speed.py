"""Throughput benchmark: newsclean against the tools a user would otherwise run.

* **Throughput** (MB/s of UTF-8 input) on ``../shared/corpora/bbc_clean.jsonl`` of
  ``newsclean.fix`` (default config), ``ftfy.fix_text`` (default), sacremoses' punctuation
  normaliser, clean-text, and a single ``regex`` tokenising pass (the ceiling a pure-Python
  pipeline approaches), all in one process on the same texts, in interleaved rounds (each
  round runs every tool once, the order rotating), reported as medians and as ratios to ftfy.
* **Per family**: the cost of each rule family alone (``Config(select=family)``).
* **Scaling**: time of ``newsclean.fix`` on one document of 1 KB … 10 MB (a prefix of the
  corpus's paragraphs, repeated only past the corpus's 5 MB); linear when seconds per MB at
  10 MB is within 1.25x of that at 1 MB.
* **CLI**: ``newsclean fix --jsonl -j N FILE`` over the corpus, ``-j 2`` against ``-j 1``.
* **Plot**: benchmarks/out/speed.png (the curve and the throughput per tool).

Run ``python -m benchmarks.speed`` (``--quick`` on a busy 2-core machine, ``--profile`` for a
pyinstrument profile of the default pipeline, ``--update-docs`` to write the tables into
docs/benchmarks.md and the plot into docs/img/speed.png).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import regex

import newsclean
from benchmarks.quality import CORPORA, DOCS, OUT, baselines, load_corpus, update_docs
from newsclean import Config

TOKEN_RE = regex.compile(r"\w+|[^\w\s]")
SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
LINEAR_LIMIT = 1.25
FTFY = "ftfy.fix_text"
NEWSCLEAN = "newsclean.fix"


def regex_pass(text: str) -> int:
    """One tokenising pass with the ``regex`` module (the ceiling to approach).

    >>> regex_pass("Olaf Scholz is now asking.")
    6
    """
    return len(TOKEN_RE.findall(text))


#: The comparison tools of the quality benchmark that normalise text (the splitters are
#: measured there, on rare tokens only).
TIMED_BASELINES = {FTFY: "ftfy", "sacremoses normalize": "sacremoses", "clean-text": "clean-text"}


def tools() -> tuple[dict[str, Callable[[str], object]], list[str]]:
    """The tools to time (those installed) and the names of the missing ones."""
    found: dict[str, Callable[[str], object]] = {NEWSCLEAN: newsclean.fix}
    available, missing = baselines()
    for name in TIMED_BASELINES:
        if name in available:
            found[name] = available[name]
    found["regex tokenising pass"] = regex_pass
    return found, [m for m in missing if m in TIMED_BASELINES.values()]


def megabytes(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def time_over(fn: Callable[[str], object], texts: Sequence[str]) -> float:
    """Seconds ``fn`` takes over every text."""
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - start


def throughput(
    funcs: dict[str, Callable[[str], object]], texts: Sequence[str], rounds: int
) -> dict[str, list[float]]:
    """MB/s of each function per round; rounds interleave the functions, order rotating."""
    mb = megabytes(texts)
    names = list(funcs)
    for name in names:  # warm up: lazy tables, caches, imports
        for text in texts[:20]:
            funcs[name](text)
    out: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            out[name].append(mb / time_over(funcs[name], texts))
    return out


#: ``base_size`` for :func:`build_document` that takes every paragraph of the corpus.
WHOLE_CORPUS = 10**12


def build_document(
    texts: Sequence[str], size: int, base_size: int = 1_000_000, seed: int | None = None
) -> str:
    """One document of about ``size`` characters from whole corpus paragraphs.

    Every size is cut from one sequence: the paragraphs of the first ``base_size``
    characters of the corpus, repeated. So a 10 MB document has the same mix of text (and
    of artifacts) per MB as a 1 MB one, and time per MB can only grow with the size itself.
    With a ``seed``, the corpus's paragraphs are first put in a random order (the same for
    every size): a 1 MB prefix then samples every part of the corpus (bbc_clean.jsonl is
    sorted by topic, so its first MB is business news only), like the larger sizes.

    >>> doc = build_document(["one two three\\n\\nfour five"], 30)
    >>> len(doc) >= 30, doc.startswith("one two three\\n\\nfour five\\n\\none")
    (True, True)
    """
    paragraphs: list[str] = []
    length = 0
    every = [p for text in texts for p in text.split("\n\n") if p.strip()]
    if seed is not None:
        random.Random(seed).shuffle(every)
    for p in every:
        if length < base_size:
            paragraphs.append(p)
            length += len(p) + 2
    if not paragraphs:
        raise ValueError("no text to build a document from")
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        p = paragraphs[i % len(paragraphs)]
        parts.append(p)
        length += len(p) + 2
        i += 1
    return "\n\n".join(parts)


def scaling(
    fn: Callable[[str], object], texts: Sequence[str], sizes: Sequence[int], rounds: int
) -> list[dict[str, float]]:
    """Best time of ``fn`` on one document of each size, sizes interleaved in every round.

    Interleaved, so that a busy spell of a shared machine falls on every size alike; the
    best of the rounds, because other processes only ever add time. Small documents are
    run in loops of at least ~20 ms so the timer's resolution does not matter.
    """
    # Every size is a prefix of the whole corpus (repeated only past its end), so a bigger
    # document holds more distinct names and words, as a real long document does: a cost
    # that grows with the document's vocabulary shows here.
    docs = [build_document(texts, size, base_size=WHOLE_CORPUS) for size in sizes]
    fn(docs[0])  # warm up: lazy tables, caches
    loops = []
    for doc in docs:
        first = time_over(fn, [doc])
        loops.append(max(1, min(2000, int(0.02 / max(first, 1e-7)))))
    best = [float("inf")] * len(docs)
    for _ in range(rounds):
        for k, doc in enumerate(docs):
            best[k] = min(best[k], time_over(fn, [doc] * loops[k]) / loops[k])
    rows = []
    for doc, seconds, loop in zip(docs, best, loops, strict=True):
        mb = len(doc.encode("utf-8")) / 1e6
        rows.append(
            {
                "size_chars": len(doc),
                "mb": round(mb, 6),
                "seconds": seconds,
                "seconds_per_mb": seconds / mb,
                "repeats": rounds * loop,
            }
        )
    return rows


#: The seed of the paragraph order of the documents :func:`cpu_scaling` times.
MIX_SEED = 7

#: Times ``newsclean.fix`` on a document file in a fresh process, as a user's process meets
#: it: the rules' tables are loaded first (on a short unrelated text), then the document is
#: repaired once; prints the CPU seconds of that one run.
COLD_PROBE = """\
import sys, time
import newsclean
newsclean.fix("Olaf Scholz met Dmytro Kuleba in Berlin on Tuesday.\\n\\nThey talked.")
text = open(sys.argv[1], encoding="utf-8").read()
start = time.process_time()
newsclean.fix(text)
print(time.process_time() - start)
"""


def cpu_scaling(texts: Sequence[str], sizes: Sequence[int], rounds: int) -> list[dict[str, float]]:
    """CPU seconds of ``newsclean.fix`` on one document of each size, cold and warm.

    Documents from the corpus's paragraphs in a random order (:data:`MIX_SEED`), so every
    size has the corpus's mix of topics. *Cold*: the first run on the document in a fresh
    process (tables loaded, per-token and per-text caches empty), as a document is met in
    real use. *Warm*: the best of ``rounds`` further runs in this process, caches full (the
    rules cache some results per whole text, so a warm run of the same document skips
    part of the work). CPU time, not wall time, so that other processes on a shared
    machine do not count, whatever the length of the run.
    """
    docs = [build_document(texts, size, base_size=WHOLE_CORPUS, seed=MIX_SEED) for size in sizes]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, doc in enumerate(docs):
            path = Path(tmp) / f"doc{k}.txt"
            path.write_text(doc, encoding="utf-8")
            done = subprocess.run(
                [sys.executable, "-c", COLD_PROBE, str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            cold = float(done.stdout.strip().splitlines()[-1])
            newsclean.fix(doc)
            loops = max(1, min(2000, int(0.02 / max(cold, 1e-7))))
            warm = float("inf")
            for _ in range(rounds):
                start = time.process_time()
                for _ in range(loops):
                    newsclean.fix(doc)
                warm = min(warm, (time.process_time() - start) / loops)
            mb = len(doc.encode("utf-8")) / 1e6
            rows.append(
                {
                    "size_chars": len(doc),
                    "mb": round(mb, 6),
                    "cold_seconds": cold,
                    "cold_seconds_per_mb": cold / mb,
                    "seconds": warm,
                    "seconds_per_mb": warm / mb,
                    "repeats": rounds * loops,
                }
            )
    return rows


def linearity(rows: Sequence[dict[str, float]], key: str = "seconds_per_mb") -> float | None:
    """Seconds per MB at the largest size over seconds per MB at 1 MB (1.0 = linear).

    >>> linearity([{"size_chars": 1_000_000, "seconds_per_mb": 0.1},
    ...            {"size_chars": 10_000_000, "seconds_per_mb": 0.11}])
    1.1
    """
    one = [r for r in rows if 900_000 <= r["size_chars"] < 2_000_000]
    big = max(rows, key=lambda r: r["size_chars"])
    if not one or big["size_chars"] < 5_000_000:
        return None
    return round(big[key] / one[0][key], 3)


def family_costs(texts: Sequence[str], rounds: int) -> dict[str, dict[str, float]]:
    """MB/s and milliseconds per document of each registered rule family alone."""
    families = sorted({r.family for r in newsclean.pipeline.all_rules()})
    funcs: dict[str, Callable[[str], object]] = {}
    for family in families:
        config = Config(select=(family,))

        def run(text: str, config: Config = config) -> object:
            return newsclean.fix(text, config)

        funcs[family] = run
    mb = megabytes(texts)
    speeds = throughput(funcs, texts, rounds)
    out = {}
    for family, values in speeds.items():
        median = statistics.median(values)
        out[family] = {
            "mb_per_s": round(median, 2),
            "ms_per_doc": round(1000 * mb / median / len(texts), 4),
        }
    return out


#: Runs the console script's ``main`` exactly as ``python -m newsclean`` does, then reports
#: the CPU time of this (the main) process, of its workers, and of the main process when the
#: pool started (the serial part: start-up, loading, the first document), as the last line
#: on stderr, and exits as the console script does (``exit_quickly``, where the CLI has it).
CLI_PROBE = """\
import json, resource, sys
from newsclean import cli

def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime

before_pool = []
real_pool = cli._pool

def pool(*args):
    before_pool.append(cpu(resource.RUSAGE_SELF))
    return real_pool(*args)

cli._pool = pool
status = cli.main(sys.argv[1:])
print(json.dumps({"main": cpu(resource.RUSAGE_SELF), "workers": cpu(resource.RUSAGE_CHILDREN),
                  "before_pool": before_pool[0] if before_pool else None}), file=sys.stderr)
getattr(cli, "exit_quickly", sys.exit)(status)
"""


def load_average() -> float | None:
    """The 1-minute load average (None where the platform has none)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def probe_env(folder: Path, bytecode: bool) -> dict[str, str]:
    """The environment of the timed processes. With ``bytecode``, newsclean is imported from
    a copy of the package in ``folder`` with its sources compiled to bytecode beforehand, as
    ``pip install`` ships it; without, from where this process imports it (with
    ``PYTHONDONTWRITEBYTECODE`` set, as here, every process then compiles newsclean's ~14,000
    lines again, ~0.1 s of CPU that no installed copy spends).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     env = probe_env(Path(tmp), True)
    ...     compiled = sorted(p.name for p in (Path(tmp) / "newsclean" / "__pycache__").iterdir())
    >>> env["PYTHONPATH"].startswith(tmp), any(n.startswith("pipeline.") for n in compiled)
    (True, True)
    """
    env = dict(os.environ)
    if bytecode:
        import compileall

        package = Path(newsclean.__file__).parent
        copy = folder / "newsclean"
        shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
        compileall.compile_dir(copy, quiet=1)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(folder), env.get("PYTHONPATH")) if p)
    return env


def warm_up(path: Path, env: dict[str, str]) -> None:
    """One untimed ``newsclean fix --jsonl -j 2`` over ``path``: fills the cache folder's
    derived tables, as any earlier run would have, and the page cache."""
    subprocess.run(
        [sys.executable, "-m", "newsclean", "fix", "--jsonl", "-q", "-j", "2", path],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )


def cli_speedup(path: Path, rounds: int, bytecode: bool = True) -> dict[str, Any]:
    """Wall time of ``newsclean fix --jsonl -j N path`` for N = 1 and 2, and the speed-up.

    Wall time from outside, process start-up included; the runs alternate (-j 1, -j 2, ...)
    so a busy spell of a shared machine falls on both. The speed-up is given from the best
    run of each (other processes only ever add time) and from the medians, with the CPU
    time of the main process and of the workers (median over the runs): the main process
    does the part that ``-j`` cannot spread. With ``bytecode`` (the default), newsclean's
    sources are compiled beforehand, as a ``pip install`` does (see :func:`probe_env`).
    """
    with tempfile.TemporaryDirectory() as folder:
        return _cli_speedup(path, rounds, probe_env(Path(folder), bytecode)) | {
            "bytecode": bytecode
        }


def _cli_speedup(path: Path, rounds: int, env: dict[str, str]) -> dict[str, Any]:
    help_text = subprocess.run(
        [sys.executable, "-m", "newsclean", "fix", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    ).stdout
    if "--jsonl" not in help_text or not regex.search(r"(?<![\w-])-j\b", help_text):
        return {
            "supported": False,
            "message": "the CLI has no `fix --jsonl -j N` yet (the CLI rewrite is not merged): "
            "speed-up not measured",
        }
    warm_up(path, env)
    times: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, dict[str, list[float]]] = {j: {"main": [], "workers": []} for j in (1, 2)}
    load_before = load_average()
    for _ in range(rounds):
        for jobs in (1, 2):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", CLI_PROBE, "fix", "--jsonl", "-q", "-j", str(jobs), path],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                check=False,
            )
            elapsed = time.perf_counter() - start
            if done.returncode not in (0, 1):
                return {
                    "supported": False,
                    "message": f"`newsclean fix --jsonl -j {jobs}` failed "
                    f"(exit {done.returncode}): {done.stderr.strip()[:200]}",
                }
            times[jobs].append(elapsed)
            usage = json.loads(done.stderr.strip().splitlines()[-1])
            for key in ("main", "workers"):
                cpu[jobs][key].append(usage[key])
            if usage.get("before_pool") is not None:
                cpu[jobs].setdefault("before_pool", []).append(usage["before_pool"])
    best1, best2 = min(times[1]), min(times[2])
    med1, med2 = statistics.median(times[1]), statistics.median(times[2])
    cpu_medians = {
        f"j{j}": {k: round(statistics.median(v), 3) for k, v in cpu[j].items()} for j in cpu
    }
    return {
        "supported": True,
        "rounds": rounds,
        "seconds_j1": round(best1, 3),
        "seconds_j2": round(best2, 3),
        "speedup": round(best1 / best2, 3),
        "median_seconds_j1": round(med1, 3),
        "median_seconds_j2": round(med2, 3),
        "median_speedup": round(med1 / med2, 3),
        "cpu_seconds": cpu_medians,
        "cpu_bound_speedup": cpu_bound_speedup(cpu_medians),
        "load_average": [load_before, load_average()],
        "cpus": os.cpu_count(),
    }


#: The start-up of the CLI, phase by phase, in a fresh process: prints one JSON object of CPU
#: milliseconds per phase. ``sys.argv[1]`` is a JSONL file with a "text" field.
STARTUP_PROBE = """\
import json, sys, time
phases = {"interpreter start": time.process_time()}
def lap(name):
    phases[name] = time.process_time() - sum(phases.values())
from newsclean import cli
lap("import newsclean.cli")
from newsclean import Config, detect, pipeline
pipeline.all_rules()
lap("import the rule modules")
detect("", Config())
lap("detect('')")
with open(sys.argv[1], "rb") as handle:
    lines = [handle.readline() for _ in range(28)]
cli._init(cli.Job(Config()))
cli._work_line(lines[0], 1, 0, "probe")
lap("first record")
cli._work_batch("probe", 2, len(lines[0]), lines[1:])
lap("records 2-28")
print(json.dumps({k: round(1000 * v, 1) for k, v in phases.items()}))
"""


def startup_phases(path: Path, runs: int, bytecode: bool = True) -> dict[str, dict[str, float]]:
    """CPU milliseconds of each phase of the CLI's start-up over ``runs`` fresh processes:
    ``{phase: {"min": ..., "median": ...}}``, and the same for the total. With ``bytecode``
    (the default), from compiled sources, as after ``pip install`` (see :func:`probe_env`)."""
    with tempfile.TemporaryDirectory() as folder:
        env = probe_env(Path(folder), bytecode)
        warm_up(path, env)
        return _startup_phases(path, runs, env)


def _startup_phases(path: Path, runs: int, env: dict[str, str]) -> dict[str, dict[str, float]]:
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", STARTUP_PROBE, str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        phases = json.loads(done.stdout.strip().splitlines()[-1])
        phases["total"] = round(sum(phases.values()), 1)
        for name, ms in phases.items():
            samples.setdefault(name, []).append(ms)
    return {
        name: {"min": min(v), "median": round(statistics.median(v), 1)}
        for name, v in samples.items()
    }


def cpu_bound_speedup(cpu: dict[str, dict[str, float]]) -> float | None:
    """The speed-up ``-j 2`` would give on two idle cores, from CPU times alone: ``-j 1``'s
    CPU over the serial part of ``-j 2`` (the main process until the pool starts) plus
    half of the rest (the workers' CPU and the main process's after the pool started,
    shared by two cores). Other processes on the machine do not count in it.

    >>> cpu_bound_speedup({"j1": {"main": 3.0}, "j2": {"main": 0.6, "workers": 1.9,
    ...                                              "before_pool": 0.5}})
    2.0
    """
    one, two = cpu.get("j1", {}), cpu.get("j2", {})
    if "before_pool" not in two or "main" not in one:
        return None
    rest = two["workers"] + two["main"] - two["before_pool"]
    return round(one["main"] / (two["before_pool"] + rest / 2), 3)


def cli_corpus(texts: Sequence[str], docs: int, folder: Path) -> Path:
    """The corpus the CLI is timed on: bbc_clean.jsonl, or its first ``docs`` texts."""
    if not docs:
        return CORPORA / "bbc_clean.jsonl"
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return path


def cli_markdown(cli: dict[str, Any]) -> list[str]:
    """The lines of the CLI paragraph of the tables."""
    if not cli.get("supported"):
        return [cli["message"] + "."]
    c1, c2 = cli["cpu_seconds"]["j1"], cli["cpu_seconds"]["j2"]
    load = " → ".join(str(x) for x in cli["load_average"])
    return [
        f"`newsclean fix --jsonl -j 1`: {cli['seconds_j1']} s, `-j 2`: {cli['seconds_j2']} s "
        f"(best of {cli['rounds']}): speed-up **{cli['speedup']}x**; medians "
        f"{cli['median_seconds_j1']} s and {cli['median_seconds_j2']} s: "
        f"{cli['median_speedup']}x ({cli['cpus']} CPUs, load average {load}; wall time "
        "includes process start-up; newsclean "
        + ("from bytecode, as pip installs it" if cli.get("bytecode", True) else "from source")
        + ").",
        "",
        f"CPU seconds (median): `-j 1` {c1['main']} in the one process; `-j 2` {c2['main']} "
        f"in the main process ({c2.get('before_pool', '?')} of them before the pool started: "
        f"start-up, rule loading, the first document; the rest reading, dispatching and "
        f"writing) and {c2['workers']} in the two workers. From CPU time alone, on two idle "
        f"cores: speed-up {cli.get('cpu_bound_speedup')}x.",
    ]


def profile(texts: Sequence[str]) -> str:
    """A pyinstrument profile (cProfile when it is missing) of the default pipeline."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import io
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for text in texts:
            newsclean.fix(text)
        prof.disable()
        stream = io.StringIO()
        pstats.Stats(prof, stream=stream).sort_stats("cumulative").print_stats(25)
        return stream.getvalue()
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for text in texts:
        newsclean.fix(text)
    profiler.stop()
    report: str = profiler.output_text(unicode=True, color=False, show_all=False)
    return report


def plot(result: dict[str, Any], path: Path) -> bool:
    """The scaling curve and the throughput per tool as a PNG; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for name, rows in result["scaling"].items():
        left.loglog([r["mb"] for r in rows], [r["seconds"] for r in rows], marker="o", label=name)
    left.set_xlabel("document size (MB)")
    left.set_ylabel("seconds (best of repeats)")
    left.set_title("Scaling with document size")
    left.grid(True, which="both", alpha=0.3)
    left.legend()
    speeds = result["throughput"]
    names = sorted(speeds, key=lambda n: speeds[n]["median_mb_per_s"])
    values = [speeds[n]["median_mb_per_s"] for n in names]
    colors = ["tab:green" if n == NEWSCLEAN else "tab:gray" for n in names]
    right.barh(names, values, color=colors)
    for y, v in enumerate(values):
        right.text(v, y, f" {v:.1f}", va="center")
    right.set_xlabel("MB/s (median of rounds)")
    right.set_title("Throughput on bbc_clean.jsonl")
    right.set_xlim(0, max(values) * 1.2)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def _verdict(lin: float | None) -> str:
    if lin is None:
        return "not measured (no 10 MB run)"
    return f"**{lin}** ({'linear' if lin <= LINEAR_LIMIT else 'NOT linear'}; limit {LINEAR_LIMIT})"


def scaling_markdown(result: dict[str, Any]) -> list[str]:
    """The lines of the scaling tables: the first measure (wall time) and the CPU ones."""
    lines = ["", "#### Scaling of newsclean.fix with document size", ""]
    lines += [
        "Wall time, best of the rounds, every size run repeatedly in one process (so warm), "
        "documents cut from the start of the corpus (its first MB is business news only):",
        "",
    ]
    lines += ["| size | seconds (best) | seconds per MB | repeats |", "|--:|--:|--:|--:|"]
    for row in result["scaling"][NEWSCLEAN]:
        lines.append(
            f"| {row['mb']:.3f} MB | {row['seconds']:.4f} | {row['seconds_per_mb']:.4f} | "
            f"{int(row['repeats'])} |"
        )
    lines += [
        "",
        f"Linearity (seconds per MB at 10 MB / at 1 MB): {_verdict(result['linearity'])}.",
    ]
    rows = result.get("scaling_cpu")
    if rows:
        lines += [
            "",
            "CPU time (other processes do not count), documents of the corpus's paragraphs in "
            "a random order (every size has the corpus's mix of topics); *cold*: the first "
            "run on the document in a fresh process, tables loaded; *warm*: best of further "
            "runs, caches full:",
            "",
            "| size | cold s | cold s/MB | warm s | warm s/MB |",
            "|--:|--:|--:|--:|--:|",
        ]
        for row in rows:
            lines.append(
                f"| {row['mb']:.3f} MB | {row['cold_seconds']:.4f} | "
                f"{row['cold_seconds_per_mb']:.4f} | {row['seconds']:.4f} | "
                f"{row['seconds_per_mb']:.4f} |"
            )
        lin = result.get("linearity_cpu", {})
        lines += [
            "",
            f"Linearity, cold: {_verdict(lin.get('cold'))}; warm: {_verdict(lin.get('warm'))}.",
        ]
    return lines


def markdown(result: dict[str, Any]) -> str:
    """The Markdown tables of a run."""
    lines = ["#### Throughput on bbc_clean.jsonl", ""]
    meta = result["meta"]
    lines.append(
        f"{meta['docs']} documents, {meta['mb']} MB, {meta['rounds']} interleaved rounds; "
        f"Python {meta['python']}, {meta['cpus']} CPUs."
    )
    lines += ["", "| tool | median MB/s | min–max MB/s | × ftfy |", "|---|--:|--:|--:|"]
    speeds = result["throughput"]
    for name in sorted(speeds, key=lambda n: -speeds[n]["median_mb_per_s"]):
        s = speeds[name]
        ratio = f"{s['ratio_to_ftfy']:.2f}" if s["ratio_to_ftfy"] is not None else "–"
        bold = "**" if name == NEWSCLEAN else ""
        lines.append(
            f"| {bold}{name}{bold} | {s['median_mb_per_s']:.2f} | "
            f"{s['min_mb_per_s']:.2f}–{s['max_mb_per_s']:.2f} | {ratio} |"
        )
    lines += ["", "#### Cost of each rule family alone", ""]
    lines += ["| family | MB/s | ms per document |", "|---|--:|--:|"]
    for family, v in result["families"].items():
        lines.append(f"| {family} | {v['mb_per_s']:.2f} | {v['ms_per_doc']:.3f} |")
    lines += scaling_markdown(result)
    lines += ["", "#### CLI over the corpus", "", *cli_markdown(result["cli"])]
    lines += ["", f"Run: `{meta['command']}` ({meta['seconds']} s)."]
    for note in meta["notes"]:
        lines.append(f"- {note}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.speed", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="fewer rounds and repeats")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds")
    parser.add_argument("--docs", type=int, default=0, help="documents to use (0: all)")
    parser.add_argument("--profile", action="store_true", help="profile the default pipeline")
    parser.add_argument(
        "--cli-only",
        action="store_true",
        help="only time `newsclean fix --jsonl -j 1` against `-j 2`, --rounds times each",
    )
    parser.add_argument(
        "--startup",
        action="store_true",
        help="only the CLI's start-up, phase by phase (CPU ms, min and median of --rounds runs)",
    )
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="time the CLI and its start-up as this environment imports newsclean (with "
        "PYTHONDONTWRITEBYTECODE set, every process compiles the sources), not from bytecode "
        "as pip installs it",
    )
    parser.add_argument(
        "--scaling-only",
        action="store_true",
        help="only the scaling curves of newsclean.fix (wall time, and CPU cold and warm)",
    )
    parser.add_argument(
        "--update-docs", action="store_true", help="write tables and plot into docs/"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds = min(args.rounds, 3)
    started = time.perf_counter()
    texts = load_corpus("bbc_clean.jsonl")
    if not texts:
        print(
            "speed: ../shared/corpora/bbc_clean.jsonl is absent; nothing to time", file=sys.stderr
        )
        return 2
    if args.docs:
        texts = texts[: args.docs]
    notes: list[str] = []
    funcs, missing = tools()
    if missing:
        notes.append(f"not installed (pip install -e '.[bench]'): {', '.join(missing)}")
    if args.cli_only:
        with tempfile.TemporaryDirectory() as tmp:
            cli = cli_speedup(
                cli_corpus(texts, args.docs, Path(tmp)), args.rounds, not args.no_bytecode
            )
        sys.stdout.write("\n".join(cli_markdown(cli)) + "\n")
        (OUT / "speed_cli.json").parent.mkdir(parents=True, exist_ok=True)
        (OUT / "speed_cli.json").write_text(json.dumps(cli, indent=2), encoding="utf-8")
        return 0 if cli.get("supported") else 1
    if args.startup:
        phases = startup_phases(CORPORA / "bbc_clean.jsonl", args.rounds, not args.no_bytecode)
        lines = ["| phase | min ms | median ms |", "|---|--:|--:|"]
        lines += [f"| {k} | {v['min']} | {v['median']} |" for k, v in phases.items()]
        source = "from source" if args.no_bytecode else "from bytecode"
        lines += ["", f"{args.rounds} runs {source}, load average {load_average()}."]
        sys.stdout.write("\n".join(lines) + "\n")
        return 0
    scale_rounds = 3 if args.quick else 5
    if args.scaling_only:
        part: dict[str, Any] = {
            "scaling": {NEWSCLEAN: scaling(newsclean.fix, texts, SIZES, scale_rounds)}
        }
        part["linearity"] = linearity(part["scaling"][NEWSCLEAN])
        part["scaling_cpu"] = cpu_scaling(texts, SIZES, scale_rounds)
        part["linearity_cpu"] = {
            "cold": linearity(part["scaling_cpu"], "cold_seconds_per_mb"),
            "warm": linearity(part["scaling_cpu"]),
        }
        part["load_average"] = load_average()
        sys.stdout.write("\n".join(scaling_markdown(part)) + "\n")
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "speed_scaling.json").write_text(json.dumps(part, indent=2), encoding="utf-8")
        return 0
    if args.profile:
        report = profile(texts)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "profile.txt").write_text(report, encoding="utf-8")
        sys.stdout.write(report)
        print(f"profile written to {OUT / 'profile.txt'}", file=sys.stderr)
        return 0
    print(f"timing {list(funcs)} over {len(texts)} documents", file=sys.stderr)
    speeds = throughput(funcs, texts, args.rounds)
    ftfy_median = statistics.median(speeds[FTFY]) if FTFY in speeds else None
    table = {
        name: {
            "median_mb_per_s": round(statistics.median(v), 3),
            "min_mb_per_s": round(min(v), 3),
            "max_mb_per_s": round(max(v), 3),
            "ratio_to_ftfy": round(statistics.median(v) / ftfy_median, 3) if ftfy_median else None,
            "rounds": v,
        }
        for name, v in speeds.items()
    }
    print("timing each family alone", file=sys.stderr)
    families = family_costs(texts, max(1, args.rounds // 2))
    print("scaling curve", file=sys.stderr)
    curves = {NEWSCLEAN: scaling(newsclean.fix, texts, SIZES, scale_rounds)}
    if FTFY in funcs:  # for the plot; ftfy takes ~10 s a round at 10 MB, so up to 1 MB
        curves[FTFY] = scaling(funcs[FTFY], texts, SIZES[:4], scale_rounds)
    lin = linearity(curves[NEWSCLEAN])
    print("scaling, CPU time, cold and warm", file=sys.stderr)
    cpu_rows = cpu_scaling(texts, SIZES, scale_rounds)
    print("CLI -j 1 / -j 2", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        cli = cli_speedup(
            cli_corpus(texts, args.docs, Path(tmp)), 1 if args.quick else 3, not args.no_bytecode
        )
    command = " ".join(["python -m benchmarks.speed", *(argv or sys.argv[1:])])
    result: dict[str, Any] = {
        "meta": {
            "command": command.replace(" --update-docs", ""),
            "docs": len(texts),
            "mb": round(megabytes(texts), 3),
            "rounds": args.rounds,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "newsclean": newsclean.__version__,
            "seconds": round(time.perf_counter() - started, 1),
            "notes": notes,
        },
        "throughput": table,
        "families": families,
        "scaling": curves,
        "linearity": lin,
        "scaling_cpu": cpu_rows,
        "linearity_cpu": {
            "cold": linearity(cpu_rows, "cold_seconds_per_mb"),
            "warm": linearity(cpu_rows),
        },
        "cli": cli,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    md = markdown(result)
    (OUT / "speed.md").write_text(md, encoding="utf-8")
    (OUT / "speed.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    png = OUT / "speed.png"
    if not plot(result, png):
        notes.append("matplotlib not installed: no plot")
    sys.stdout.write(md)
    if args.update_docs:
        if not update_docs(md, "speed", DOCS):
            print("docs/benchmarks.md has no speed markers; not updated", file=sys.stderr)
        if png.is_file():
            target = DOCS.parent / "img" / "speed.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
