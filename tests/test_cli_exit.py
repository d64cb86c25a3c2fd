"""The console script's quick exit (:func:`newsclean.cli.exit_quickly`): the process ends
without tearing its heap down, and loses nothing on the way: output, exit status, atexit
handlers, running threads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import newsclean

SRC = str(Path(newsclean.__file__).parent.parent)


def python(code: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (SRC, env.get("PYTHONPATH")) if p)
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def test_output_atexit_handlers_and_status_survive() -> None:
    code = (
        "import atexit, sys\n"
        "from newsclean.cli import exit_quickly\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        "sys.stdout.write('x' * 200_000)\n"  # more than any stream buffer holds
        "sys.stdout.buffer.write(b'|bytes')\n"
        "print('to stderr', file=sys.stderr, end='; ')\n"
        "exit_quickly(3)\n"
    )
    proc = python(code)
    assert proc.returncode == 3
    assert proc.stdout == b"x" * 200_000 + b"|bytes"
    assert proc.stderr == b"to stderr; handler ran\n"


def test_a_running_thread_is_waited_for() -> None:
    code = (
        "import threading, time, sys\n"
        "from newsclean.cli import exit_quickly\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    print('thread done', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "exit_quickly(0)\n"
    )
    proc = python(code)
    assert proc.returncode == 0
    assert proc.stdout == b"thread done\n"


def test_console_script_statuses_and_output(tmp_path: Path) -> None:
    dirty = tmp_path / "a.txt"
    dirty.write_text("NATO ministers met.   \nThey talked.\n", encoding="utf-8")
    lines = [json.dumps({"id": i, "text": f"Line {i} here.   \nMore."}) for i in range(3000)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = "import sys; from newsclean.cli import console; sys.argv[0] = 'newsclean'; console()"

    fixed = python(run, "fix", str(dirty))
    assert (fixed.returncode, fixed.stdout) == (0, b"NATO ministers met.\nThey talked.\n")
    assert python(run, "fix", "--check", "-q", str(dirty)).returncode == 1
    missing = python(run, "fix", str(tmp_path / "nothing.txt"))
    assert missing.returncode == 2 and b"nothing.txt" in missing.stderr
    for jobs in ("1", "2"):
        proc = python(run, "fix", "--jsonl", "-q", "-j", jobs, str(corpus))
        assert proc.returncode == 0, proc.stderr
        out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
        assert [r["id"] for r in out] == list(range(3000))
        assert all(
            r["text"] == newsclean.fix(f"Line {i} here.   \nMore.") for i, r in enumerate(out)
        )


def test_python_m_newsclean_uses_it(tmp_path: Path) -> None:
    target = tmp_path / "b.txt"
    target.write_text("Kuleba said so.   \n", encoding="utf-8")
    proc = python(
        "import runpy; runpy.run_module('newsclean', run_name='__main__')", "fix", "-i", str(target)
    )
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == "Kuleba said so.\n"
