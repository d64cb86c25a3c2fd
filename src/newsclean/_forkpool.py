"""A small pool of forked worker processes for the CLI's ``-j N`` on Linux.

:class:`concurrent.futures.ProcessPoolExecutor` costs a run ~20 ms of CPU before its first
unit of work, importing :mod:`multiprocessing`, :mod:`logging`, :mod:`tempfile`,
:mod:`socket`... and runs two helper threads in the main process all along. The CLI needs
much less: N forked processes that each run one function over units of work in the order
they are given, and the results back in order. Here each worker is a child process
(:func:`os.fork`) with a pipe for its units and a pipe for its results (length-prefixed
pickles). The main process never blocks on a write: its ends are non-blocking and it waits
in :func:`select.select` for whichever pipe can go on, so a worker writing a large result
and the main process sending it more work cannot wait for each other.

Only where forking is safe: the caller checks (no other thread runs). A worker that dies
makes :meth:`Pending.result` raise :class:`BrokenPool`; an exception raised by the function
in a worker is raised again by :meth:`Pending.result`.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
from collections import deque
from collections.abc import Callable
from typing import Any

__all__ = ["BrokenPool", "ForkPool", "Pending", "reap"]

_HEADER = struct.Struct("<Q")
#: Units given to a worker before it finished the first of them (so it never waits).
AHEAD = 2


class BrokenPool(RuntimeError):
    """A worker process ended without giving the results it owed."""


class Pending:
    """The results of a unit of work given to a :class:`ForkPool`."""

    __slots__ = ("_done", "_error", "_pool", "_value")

    def __init__(self, pool: ForkPool) -> None:
        self._pool = pool
        self._done = False
        self._value: Any = None
        self._error: BaseException | None = None

    def result(self) -> Any:
        """The function's value for this unit (waiting for it); its exception, raised."""
        while not self._done:
            self._pool._pump()
        if self._error is not None:
            raise self._error
        return self._value

    def cancel(self) -> bool:
        """Nothing to do: a pool shut down early stops its workers (see :meth:`ForkPool.close`)."""
        return False


class _Worker:
    __slots__ = ("inbox", "outbox", "owed", "pid", "received", "results", "tasks")

    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid = pid
        self.tasks = tasks  # the write end of its units' pipe (non-blocking)
        self.results = results  # the read end of its results' pipe (non-blocking)
        self.outbox = bytearray()  # what is still to be written to it
        self.inbox = bytearray()  # what was read of its next result
        self.owed: deque[Pending] = deque()  # given to it, in order, not yet answered
        self.received = 0


def _read_exactly(fd: int, size: int) -> bytes | None:
    """``size`` bytes from ``fd`` (blocking); None at the end of the stream."""
    parts = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _serve(tasks: int, results: int) -> None:
    """A worker's life: each ``(function, args)`` read from ``tasks`` is answered on
    ``results`` with ``function(*args)``, until the main process closes its end."""
    while True:
        header = _read_exactly(tasks, _HEADER.size)
        if header is None:
            return
        body = _read_exactly(tasks, _HEADER.unpack(header)[0])
        if body is None:
            return
        try:
            function, args = pickle.loads(body)
            answer: tuple[bool, Any] = (True, function(*args))
        except Exception as exc:  # given back to the main process, which raises it
            answer = (False, exc)
        try:
            data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an exception that cannot be pickled: its message then
            data = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        _write_all(results, _HEADER.pack(len(data)) + data)


class ForkPool:
    """``jobs`` forked workers, each set up with ``initializer(*initargs)``, then running
    what :meth:`submit` gives them (functions of a module, as a process pool takes them).
    Use it as a context manager: on the way out the workers are told to end (or, after an
    exception, stopped) and waited for.

    >>> with ForkPool(2) as pool:
    ...     pending = [pool.submit(len, "abc"[:n]) for n in range(4)]
    ...     [p.result() for p in pending]
    [0, 1, 2, 3]
    """

    def __init__(
        self,
        jobs: int,
        initializer: Callable[..., object] | None = None,
        initargs: tuple[Any, ...] = (),
    ) -> None:
        reap()
        self._workers: list[_Worker] = []
        self._queue: deque[tuple[bytes, Pending]] = deque()
        try:
            for _ in range(jobs):
                self._start(initializer, initargs)
        except BaseException:
            self.close(stop=True)
            raise

    def _start(self, initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the worker (coverage does not follow a fork)
            code = 1
            try:
                os.close(task_w)
                os.close(result_r)
                for other in self._workers:  # so each worker sees its own pipe close
                    os.close(other.tasks)
                    os.close(other.results)
                if initializer is not None:
                    initializer(*initargs)
                _serve(task_r, result_w)
                code = 0
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(task_r)
        os.close(result_w)
        os.set_blocking(task_w, False)
        os.set_blocking(result_r, False)
        self._workers.append(_Worker(pid, task_w, result_r))

    def __enter__(self) -> ForkPool:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self.close(stop=kind is not None)

    def submit(self, function: Callable[..., Any], *args: Any) -> Pending:
        """Have a worker run ``function(*args)``; its value comes from the returned
        :class:`Pending`."""
        pending = Pending(self)
        data = pickle.dumps((function, args), pickle.HIGHEST_PROTOCOL)
        self._queue.append((_HEADER.pack(len(data)) + data, pending))
        self._dispatch()
        return pending

    def _dispatch(self) -> None:
        """Hand queued units to the workers that owe the fewest (at most :data:`AHEAD`)."""
        while self._queue:
            worker = min(self._workers, key=lambda w: len(w.owed))
            if len(worker.owed) >= AHEAD:
                return
            data, pending = self._queue.popleft()
            worker.outbox += data
            worker.owed.append(pending)
            self._send(worker)

    def _send(self, worker: _Worker) -> None:
        try:
            sent = os.write(worker.tasks, worker.outbox)
        except BlockingIOError:
            return
        except BrokenPipeError:
            raise BrokenPool(f"worker process {worker.pid} ended unexpectedly") from None
        del worker.outbox[:sent]

    def _receive(self, worker: _Worker) -> None:
        try:
            chunk = os.read(worker.results, 1 << 20)
        except BlockingIOError:
            return
        if not chunk:
            raise BrokenPool(f"worker process {worker.pid} ended unexpectedly")
        inbox = worker.inbox
        inbox += chunk
        while len(inbox) >= _HEADER.size:
            size = _HEADER.unpack_from(inbox)[0]
            end = _HEADER.size + size
            if len(inbox) < end:
                break
            ok, value = pickle.loads(memoryview(inbox)[_HEADER.size : end])
            del inbox[:end]
            pending = worker.owed.popleft()
            pending._done = True
            if ok:
                pending._value = value
            else:
                pending._error = value
        self._dispatch()

    def _pump(self) -> None:
        """Wait until some pipe can go on, and go on with it."""
        readers = [w.results for w in self._workers if w.owed]
        writers = [w.tasks for w in self._workers if w.outbox]
        if not readers and not writers:
            raise BrokenPool("nothing is owed: a result was asked for that no worker has")
        can_read, can_write, _ = select.select(readers, writers, [])
        for worker in self._workers:
            if worker.tasks in can_write:
                self._send(worker)
            if worker.results in can_read:
                self._receive(worker)

    def close(self, stop: bool = False) -> None:
        """End the workers: close their pipes so that each ends (it owes nothing more), or
        with ``stop``, stop them at once (SIGTERM) and wait for every one.

        Without ``stop`` a worker still ending is not waited for (the system takes several
        milliseconds to free a large process, which the run does not need to wait for): it
        is reaped by the next pool, or goes with this process.
        """
        workers, self._workers = self._workers, []
        for worker in workers:
            if stop:
                with contextlib.suppress(OSError):
                    os.kill(worker.pid, signal.SIGTERM)
            for fd in (worker.tasks, worker.results):
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._queue.clear()
        _ENDING.extend(worker.pid for worker in workers)
        reap(wait=stop)


#: Workers told to end that were not waited for yet.
_ENDING: list[int] = []


def reap(wait: bool = False) -> None:
    """Wait for the workers of earlier pools that ended (with ``wait``, for every one)."""
    for pid in list(_ENDING):
        try:
            done, _ = os.waitpid(pid, 0 if wait else os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _ENDING.remove(pid)
