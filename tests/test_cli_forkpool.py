"""The CLI's pool of forked workers (:mod:`newsclean._forkpool`): results in order, large
units and results both ways without a deadlock, errors and dead workers reported, nothing
left behind."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _forkpool
from newsclean._forkpool import BrokenPool, ForkPool

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, Linux")

_SET_UP: list[str] = []


def set_up(tag: str) -> None:
    _SET_UP.append(tag)


def echo(data: bytes, factor: int) -> tuple[int, bytes, list[str]]:
    return os.getpid(), data * factor, list(_SET_UP)


def fail(message: str) -> None:
    raise ValueError(message)


def die() -> None:
    os._exit(3)


def sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else set()


@settings(max_examples=25, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 300_000), min_size=1, max_size=12),
    jobs=st.integers(1, 3),
)
def test_results_come_in_order_whatever_their_size(sizes: list[int], jobs: int) -> None:
    """Units and results larger than a pipe holds (64 KiB) go both ways at once."""
    before = open_fds()
    with ForkPool(jobs, initializer=set_up, initargs=("ready",)) as pool:
        pending = [pool.submit(echo, bytes([k % 256]) * size, 2) for k, size in enumerate(sizes)]
        results = [p.result() for p in pending]
    assert [data for _, data, _ in results] == [
        bytes([k % 256]) * size * 2 for k, size in enumerate(sizes)
    ]
    assert all(tags == ["ready"] for _, _, tags in results)  # set up once, in the worker
    assert os.getpid() not in {pid for pid, _, _ in results}
    assert _SET_UP == []  # not in this process
    assert open_fds() == before


def test_both_workers_work() -> None:
    with ForkPool(2) as pool:
        pending = [pool.submit(echo, b"x", 1) for _ in range(8)]
        pids = {p.result()[0] for p in pending}
    assert len(pids) == 2


def test_an_exception_is_raised_again_and_the_pool_goes_on() -> None:
    with ForkPool(2) as pool:
        bad = pool.submit(fail, "no text field")
        good = pool.submit(echo, b"a", 3)
        with pytest.raises(ValueError, match="no text field"):
            bad.result()
        assert good.result()[1] == b"aaa"


def test_a_dead_worker_breaks_the_pool() -> None:
    with ForkPool(1) as pool:
        pending = pool.submit(die)
        with pytest.raises(BrokenPool):
            pending.result()


def test_stopping_ends_busy_workers_at_once() -> None:
    before = open_fds()
    start = time.monotonic()
    pids: list[int] = []
    with pytest.raises(KeyboardInterrupt), ForkPool(2) as pool:
        for _ in range(4):
            pool.submit(sleep, 30.0)
        pids += [worker.pid for worker in pool._workers]
        raise KeyboardInterrupt
    assert time.monotonic() - start < 10
    assert open_fds() == before
    assert len(pids) == 2
    for pid in pids:  # every worker was waited for
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_workers_told_to_end_are_reaped() -> None:
    with ForkPool(2) as pool:
        pids = [worker.pid for worker in pool._workers]
        assert pool.submit(echo, b"a", 1).result()[1] == b"a"
    _forkpool.reap(wait=True)
    assert _forkpool._ENDING == []
    for pid in pids:  # every worker ended and was waited for
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
