"""Worker processes that apply one function to a stream of items, results in input order.

Each worker is a process of its own so that a runaway item (a regular
expression that never returns, a page that eats memory) can be stopped by
killing its worker when it passes the time limit, or fail alone when it
passes the memory limit; the item gets a `Failure` and the run goes on with
a fresh worker. A worker is sent its next item while it works on one, so it
goes on at once instead of waiting for this process between items; an item a
lost worker never started goes to another. Results are yielded in input order,
so a long item holds back the answers that follow it: a few items per worker
are in flight or waiting to be yielded at all times, and more while they are
small (`_window`), so the other workers go on meanwhile and memory stays flat
on endless streams.

Workers never outlive the process that started them, however it ends. They
are started from a fork server (a clean single-threaded process, where a
plain fork of a process with threads may deadlock), so no worker holds
another's pipe, and the parent's end of each worker's pipe closes when the
parent dies: an idle worker reads end-of-file and leaves, and a busy one is
stopped by a watcher thread that waits for that hang-up. (A parent-death
signal would not do: a worker's parent is the fork server, which lives on
while any worker does.) Workers read no standard input and write no standard
output, which stay the parent's.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar

T = TypeVar("T")
_START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
_CONTEXT: Any = multiprocessing.get_context(_START_METHOD)
# Items a worker is sent at once: the one it works on and the next, which it starts on answering;
# the next only when it pickles to this size or less, far below what a pipe holds unread.
_ITEMS_PER_WORKER = 2
_QUEUED_BYTES = 16 << 10
# Items in flight or waiting to be yielded, per worker: this many always, and up to the wide
# window while their pickled items hold less than this many bytes in all.
_WINDOW_PER_WORKER = 2
_WIDE_WINDOW_PER_WORKER = 8
_WIDE_WINDOW_BYTES = 64 << 20


@dataclass(frozen=True, slots=True)
class Failure:
    """What an item produced instead of a result.

    `reason` is ready to show; `kind` names what went wrong: the exception's type
    ("NotText", "ValueError"), or "timeout", "memory", "crash" (the worker died) or
    "unsendable". `id` names the item when the caller knows it.
    """

    reason: str
    kind: str = "error"
    id: str | None = None


def call(fn: Callable[[T], Any], item: T, memory: int | None = None) -> Any:
    """`fn(item)`, or a Failure naming the exception it raised; `memory` is the limit to name
    when it ran out of memory."""
    try:
        return fn(item)
    except MemoryError:
        limit = "" if memory is None else f" (the limit is {format_size(memory)} per worker)"
        return Failure(f"ran out of memory{limit}", "memory")
    except Exception as error:
        return Failure(describe(error), type(error).__name__)


def describe(error: BaseException) -> str:
    message = str(error)
    return message if type(error).__module__.startswith("cleaner") and message else f"{type(error).__name__}: {message}"


def format_size(size: int) -> str:
    """>>> format_size(300 << 20), format_size(9 << 30), format_size(1024), format_size(100)
    ('300 MiB', '9.0 GiB', '1 KiB', '100 bytes')
    """
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GiB"
    return f"{size >> 20} MiB" if size >= 1 << 20 else f"{size >> 10} KiB" if size >= 1 << 10 else f"{size} bytes"


class Pool:
    """`jobs` worker processes applying `fn`; `map` yields (item, result or Failure) in input order.

    `timeout` bounds the seconds one item may take and `memory` the bytes one worker may
    hold (None: no bound). With one job and neither bound the work is done in this process,
    which is simplest to debug. Workers are started as items arrive, so one item starts one
    worker. Use as a context manager: leaving it stops the workers, whatever they were doing.
    """

    def __init__(
        self, fn: Callable[[Any], Any], jobs: int = 1, timeout: float | None = None, memory: int | None = None
    ) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.fn, self.jobs, self.timeout, self.memory = fn, jobs, timeout, memory
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
        if self.jobs == 1 and self.timeout is None and self.memory is None:
            return ((item, call(self.fn, item)) for item in items)
        return self._map(iter(items))

    def _map(self, items: Iterator[T]) -> Iterator[tuple[T, Any]]:
        flight = _Flight()
        sent = emitted = 0
        exhausted = False
        try:
            while True:
                while emitted in flight.done:
                    flight.sizes.pop(emitted, None)
                    yield flight.pending.pop(emitted), flight.done.pop(emitted)
                    emitted += 1
                while flight.unsent or (not exhausted and self._window(flight, sent - emitted)):
                    if not flight.unsent:
                        try:
                            item = next(items)
                        except StopIteration:
                            exhausted = True
                            continue
                        flight.pending[sent] = item
                        flight.unsent.append(sent)
                        sent += 1
                    if not self._send_next(flight):
                        break
                if not flight.queues:
                    if exhausted and not flight.unsent:
                        return
                    continue
                self._collect(flight)
        finally:
            for worker in flight.queues:  # abandoned mid-item: its answer must not reach the next map
                self._discard(worker)

    def _window(self, flight: _Flight, waiting: int) -> bool:
        """Whether another item may be pulled while `waiting` are in flight or waiting to be yielded."""
        if waiting < _WINDOW_PER_WORKER * self.jobs:
            return True
        return waiting < _WIDE_WINDOW_PER_WORKER * self.jobs and sum(flight.sizes.values()) < _WIDE_WINDOW_BYTES

    def _send_next(self, flight: _Flight) -> bool:
        """Send the first unsent item to a worker with room for it; False when none has."""
        seq = flight.unsent[0]
        data = flight.pickled.get(seq)
        if data is None:
            try:
                data = flight.pickled[seq] = bytes(ForkingPickler.dumps(flight.pending[seq]))
            except Exception as error:  # unpicklable
                flight.unsent.popleft()
                flight.done[seq] = Failure(f"cannot be sent to a worker: {describe(error)}", "unsendable")
                return True
        worker = self._worker_with_room(flight.queues, len(data) <= _QUEUED_BYTES)
        if worker is None:
            return False
        flight.unsent.popleft()
        del flight.pickled[seq]
        flight.sizes[seq] = len(data)
        try:
            worker.conn.send_bytes(data)
        except OSError as error:  # the worker died
            if flight.queues.get(worker):  # mid-item: that item's answer tells how; this one goes to another
                flight.unsent.appendleft(seq)
                worker.lost = True
            else:
                flight.done[seq] = Failure(f"cannot be sent to a worker: {describe(error)}", "unsendable")
                self._discard(worker)
            return True
        queue = flight.queues.setdefault(worker, deque())
        if not queue:
            flight.deadlines[worker] = self._deadline()
        queue.append(seq)
        return True

    def _worker_with_room(self, queues: dict[_Worker, deque[int]], small: bool) -> _Worker | None:
        """An idle worker, a new one while there are fewer than `jobs`, or else, for a `small`
        item, a busy one with room for it: it starts the item as soon as it answers, without
        waiting for this process to send it (the worker would idle while this process writes an
        output). Only a small item is queued: sending it never waits for a busy worker to read."""
        idle = next((w for w in self._workers if w not in queues), None)
        if idle is None and len(self._workers) < self.jobs:
            idle = _Worker(self.fn, self.memory)
            self._workers.append(idle)
        if idle is not None or not small:
            return idle
        room = (w for w in queues if len(queues[w]) < _ITEMS_PER_WORKER and not w.lost)
        return min(room, key=lambda w: len(queues[w]), default=None)

    def _deadline(self) -> float:
        return time.monotonic() + (self.timeout or float("inf"))

    def _collect(self, flight: _Flight) -> None:
        """Wait for a worker to answer, die or pass its deadline, and record what its running item produced.

        A queued item's time counts from the answer to the item before it.
        """
        queues, deadlines = flight.queues, flight.deadlines
        ready = set(
            wait([w.conn for w in queues] + [w.process.sentinel for w in queues], _remaining(min(deadlines.values())))
        )
        now = time.monotonic()
        for worker in list(queues):
            if worker.conn in ready or worker.process.sentinel in ready:
                flight.done[queues[worker].popleft()] = worker.receive()
                deadlines[worker] = self._deadline()
            elif now >= deadlines[worker]:
                timeout = Failure(f"abandoned after the time limit of {self.timeout:g} s", "timeout")
                flight.done[queues[worker].popleft()] = timeout
                worker.lost = True
            else:
                continue
            if worker.lost:  # crashed or ran out of time: the items it never started go to another
                flight.unsent.extend(queues.pop(worker))
                del deadlines[worker]
                self._discard(worker)
            elif not queues[worker]:
                del queues[worker], deadlines[worker]

    def _discard(self, worker: _Worker) -> None:
        worker.stop()
        if worker in self._workers:  # a map finished after its pool closed finds its workers gone
            self._workers.remove(worker)


@dataclass
class _Flight:
    """The items of one `map` between being pulled and being yielded, by sequence number."""

    pending: dict[int, Any] = field(default_factory=dict)  # pulled, not yet yielded
    done: dict[int, Any] = field(default_factory=dict)  # answered, waiting for their turn
    unsent: deque[int] = field(default_factory=deque)  # pulled but not sent, or sent to a worker lost before them
    pickled: dict[int, bytes] = field(default_factory=dict)  # unsent items already pickled
    sizes: dict[int, int] = field(default_factory=dict)  # the pickled size of each item sent, until yielded
    queues: dict[_Worker, deque[int]] = field(default_factory=dict)  # each busy worker's items, the first running
    deadlines: dict[_Worker, float] = field(default_factory=dict)  # when each busy worker's running item is abandoned


def _remaining(deadline: float) -> float | None:
    return None if deadline == float("inf") else max(0.0, deadline - time.monotonic())


class _Worker:
    def __init__(self, fn: Callable[[Any], Any], memory: int | None) -> None:
        _preload(fn)
        self.lost = False
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child, fn, memory, os.getpid()), daemon=True)
        self.process.start()
        child.close()

    def receive(self) -> Any:
        """The worker's answer, or a Failure when it died without one (killed, crashed, out of memory)."""
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            self.lost = True
            self.process.join(1)
            return Failure(f"worker process died ({_exit_text(self.process.exitcode)})", "crash")

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def start_server(module: str) -> None:
    """Start the fork server now, with `module` (the one that defines the function the workers
    will run) loaded in it, so that it makes itself ready while this process does its own setup;
    the first worker a Pool starts then comes from it at once. Without a fork server, nothing."""
    if _START_METHOD == "forkserver":
        from multiprocessing import forkserver

        _CONTEXT.set_forkserver_preload([module])
        forkserver.ensure_running()


def _preload(fn: Callable[[Any], Any]) -> None:
    """Have the fork server import the module that defines `fn` before it starts, so a worker
    replaced after a timeout starts in milliseconds with the library already loaded."""
    module = getattr(fn, "__module__", None) or type(fn).__module__
    if module and module != "__main__":
        start_server(module)


def _exit_text(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _serve(conn: Connection, fn: Callable[[Any], Any], memory: int | None, parent: int) -> None:
    """A worker's loop: receive an item, send back fn(item) or its Failure, until the pipe closes."""
    threading.Thread(target=_leave_with_parent, args=(conn, parent), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _detach_standard_streams()
    if memory is not None:
        _limit_memory(memory)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        result = call(fn, item, memory)
        try:
            conn.send(result)
        except Exception as error:
            conn.send(Failure(f"result cannot be sent back: {describe(error)}", "unsendable"))


def _leave_with_parent(conn: Connection, parent: int) -> None:
    """Wait for the parent's end of the pipe to close (the parent died), then end the worker at once.

    Only the hang-up is waited for, never the data of the next item. Where the system cannot
    report a hang-up alone, the parent's process id is looked at twice a second instead.
    """
    if hasattr(select, "POLLRDHUP"):
        watcher = select.poll()
        watcher.register(conn.fileno(), select.POLLRDHUP)
        watcher.poll()
    else:
        while _alive(parent):
            time.sleep(0.5)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _detach_standard_streams() -> None:
    """Standard input and output are the parent's: a worker neither reads nor writes them, nor
    keeps a pipe the caller waits on open."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        os.dup2(devnull, fd)
    os.close(devnull)


def _limit_memory(limit: int) -> None:
    """Bound the worker's data memory, so a document past it raises MemoryError in its own worker."""
    try:
        import resource
    except ImportError:  # no resource limits on this system
        return
    kind = getattr(resource, "RLIMIT_DATA", None) if sys.platform.startswith("linux") else None
    kind = resource.RLIMIT_AS if kind is None else kind
    _, hard = resource.getrlimit(kind)
    resource.setrlimit(kind, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
