"""Worker processes that apply one function to a stream of items, results in input order.

Each worker is a process of its own so that a runaway document (a regular
expression that never returns, a page that eats memory) can be stopped by
killing its worker when it passes the time limit; the item gets a `Failure`
and the run goes on with a fresh worker. At most `2 * jobs` items are in
flight or waiting to be yielded, so memory stays flat on endless streams.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from cleaner.engine import Cleaner

T = TypeVar("T")
# Forked workers start without importing the engine again, so replacing one
# abandoned at the time limit costs milliseconds, not a second.
_CONTEXT = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)


@dataclass(frozen=True, slots=True)
class Failure:
    """What an item produced instead of a result: the reason, ready to show."""

    reason: str


def call(fn: Callable[[T], Any], item: T) -> Any:
    """`fn(item)`, or a Failure naming the exception it raised."""
    try:
        return fn(item)
    except Exception as error:
        return Failure(describe(error))


def describe(error: BaseException) -> str:
    message = str(error)
    return message if type(error).__module__.startswith("cleaner") and message else f"{type(error).__name__}: {message}"


class Pool:
    """`jobs` worker processes applying `fn`; `map` yields (item, result or Failure) in input order.

    With one job and no time limit the work is done in this process, which
    is simplest to debug. Use as a context manager: leaving it stops the
    workers, whatever they were doing.
    """

    def __init__(self, fn: Callable[[Any], Any], jobs: int = 1, timeout: float | None = None) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.fn, self.jobs, self.timeout = fn, jobs, timeout
        self._workers: list[_Worker] = []

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def map(self, items: Iterable[T]) -> Iterator[tuple[T, Any]]:
        if self.jobs == 1 and self.timeout is None:
            return ((item, call(self.fn, item)) for item in items)
        return self._map(iter(items))

    def _map(self, items: Iterator[T]) -> Iterator[tuple[T, Any]]:
        pending: dict[int, T] = {}
        done: dict[int, Any] = {}
        busy: dict[_Worker, tuple[int, float]] = {}
        sent = emitted = 0
        exhausted = False
        try:
            while True:
                while len(self._workers) < self.jobs:
                    self._workers.append(_Worker(self.fn))
                idle = [w for w in self._workers if w not in busy]
                while idle and not exhausted and sent - emitted < 2 * self.jobs:
                    item = next(items, _END)
                    if item is _END:
                        exhausted = True
                        break
                    worker = idle.pop()
                    pending[sent] = item
                    try:
                        worker.conn.send(item)
                    except Exception as error:  # unpicklable, or the worker died while idle
                        done[sent] = Failure(f"cannot be sent to a worker: {describe(error)}")
                        if isinstance(error, OSError):
                            self._discard(worker)
                    else:
                        busy[worker] = (sent, time.monotonic() + (self.timeout or float("inf")))
                    sent += 1
                while emitted in done:
                    yield pending.pop(emitted), done.pop(emitted)
                    emitted += 1
                if not busy:
                    if exhausted:
                        return
                    continue
                self._collect(busy, done)
        finally:
            for worker in busy:  # abandoned mid-item: its answer must not reach the next map
                self._discard(worker)

    def _collect(self, busy: dict[_Worker, tuple[int, float]], done: dict[int, Any]) -> None:
        """Wait for a worker to answer, die or pass its deadline, and record what its item produced."""
        deadline = min(end for _, end in busy.values())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], _remaining(deadline)))
        now = time.monotonic()
        for worker, (seq, end) in list(busy.items()):
            if worker.conn in ready or worker.process.sentinel in ready:
                done[seq] = worker.receive()
            elif now >= end:
                done[seq] = Failure(f"abandoned after the time limit of {self.timeout:g} s")
                worker.lost = True
            else:
                continue
            del busy[worker]
            if worker.lost:
                self._discard(worker)

    def _discard(self, worker: _Worker) -> None:
        worker.stop()
        self._workers.remove(worker)


def _remaining(deadline: float) -> float | None:
    return None if deadline == float("inf") else max(0.0, deadline - time.monotonic())


_END = object()


class _Worker:
    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.lost = False
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child, fn), daemon=True)
        self.process.start()
        child.close()

    def receive(self) -> Any:
        """The worker's answer, or a Failure when it died without one (killed, crashed, out of memory)."""
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            self.lost = True
            self.process.join(1)
            return Failure(f"worker process died (exit code {self.process.exitcode})")

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _serve(conn: Connection, fn: Callable[[Any], Any]) -> None:
    """A worker's loop: receive an item, send back fn(item) or its Failure, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        result = call(fn, item)
        try:
            conn.send(result)
        except Exception as error:
            conn.send(Failure(f"result cannot be sent back: {describe(error)}"))


def clean_many(
    cleaner: Cleaner, items: Iterable[str | bytes], *, jobs: int | None = None, kind: str | None = None
) -> Iterator[Any]:
    """Clean many documents on `jobs` processes (default: all cores), yielding Articles in input order.

    A document that fails or passes the config's time limit yields a
    `Failure` with the reason in its place, so one bad input never stops
    the iteration.
    """
    with Pool(_CleanOne(cleaner, kind), jobs or os.cpu_count() or 1, cleaner.config.timeout) as pool:
        for _, result in pool.map(items):
            yield result


@dataclass(frozen=True)
class _CleanOne:
    cleaner: Cleaner
    kind: str | None

    def __call__(self, item: str | bytes) -> Any:
        return self.cleaner.clean(item, kind=self.kind)
