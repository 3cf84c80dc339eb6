"""Worker processes: input order, failures in place, a time limit, bounded work in flight."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from cleaner import parallel
from cleaner.config import Config
from cleaner.engine import Cleaner
from cleaner.parallel import Failure, Pool, start_server


def _double_or_fail(x: int) -> int:
    if x == 3:
        raise ValueError("three is bad")
    if x == 5:
        os._exit(7)  # a crash that takes the worker process with it
    if x == 8:
        time.sleep(60)  # a runaway document
    return 2 * x


def _slow_first(x: int) -> int:
    if x == 0:
        time.sleep(1.0)  # a long document at the head of the input
    return x


def _counted(pulled: list[int]) -> Iterator[int]:
    for n in range(100):
        pulled.append(n)
        yield n


@pytest.mark.parametrize(("jobs", "timeout"), [(1, None), (2, 5.0)])
def test_results_come_in_input_order(jobs: int, timeout: float | None) -> None:
    with Pool(_double_or_fail, jobs=jobs, timeout=timeout) as pool:
        assert list(pool.map([9, 1, 7, 0, 2])) == [(9, 18), (1, 2), (7, 14), (0, 0), (2, 4)]


def test_an_exception_fails_its_item_only() -> None:
    with Pool(_double_or_fail, jobs=1) as pool:
        assert list(pool.map([1, 3, 4])) == [(1, 2), (3, Failure("ValueError: three is bad", "ValueError")), (4, 8)]


def test_a_crashed_or_runaway_worker_is_replaced_and_the_run_goes_on() -> None:
    with Pool(_double_or_fail, jobs=2, timeout=0.5) as pool:
        results = dict(pool.map([1, 5, 8, 2, 4]))
        assert results[5] == Failure("worker process died (exit code 7)", "crash")
        assert results[8] == Failure("abandoned after the time limit of 0.5 s", "timeout")
        assert [results[i] for i in (1, 2, 4)] == [2, 4, 8]
        assert list(pool.map([6])) == [(6, 12)]


def test_the_item_queued_behind_a_crash_or_a_runaway_goes_to_another_worker() -> None:
    """A worker is sent its next item while it works on one: when it dies or is stopped, that
    item was never started and is cleaned elsewhere."""
    with Pool(_double_or_fail, jobs=1, timeout=0.5) as pool:
        results = list(pool.map([1, 8, 2, 5, 4]))
    assert results == [
        (1, 2),
        (8, Failure("abandoned after the time limit of 0.5 s", "timeout")),
        (2, 4),
        (5, Failure("worker process died (exit code 7)", "crash")),
        (4, 8),
    ]


def test_an_abandoned_map_does_not_leak_answers_into_the_next() -> None:
    with Pool(_double_or_fail, jobs=2, timeout=30) as pool:
        first = pool.map(range(10, 20))
        assert next(first) == (10, 20)
        first.close()
        assert list(pool.map([1, 2])) == [(1, 2), (2, 4)]


def test_a_map_finished_after_its_pool_closed_raises_nothing() -> None:
    pool = Pool(_double_or_fail, jobs=2, timeout=30)
    results = pool.map(range(10, 40))
    assert next(results) == (10, 20)
    pool.close()  # as a `with` block's end may, before the map's consumer lets it go
    results.close()
    assert pool._workers == []


@pytest.mark.skipif(parallel._START_METHOD != "forkserver", reason="no fork server on this system")
def test_the_fork_server_can_be_started_before_the_pool() -> None:
    from multiprocessing import forkserver

    start_server(__name__)
    assert forkserver._forkserver._forkserver_pid is not None  # running before any worker is asked for
    with Pool(_double_or_fail, jobs=2, timeout=30) as pool:
        assert list(pool.map([1, 2, 4])) == [(1, 2), (2, 4), (4, 8)]


def test_items_are_pulled_lazily() -> None:
    pulled: list[int] = []

    def endless() -> Iterator[int]:
        n = 0
        while True:
            pulled.append(n)
            yield n
            n += 1

    with Pool(_double_or_fail, jobs=2, timeout=30) as pool:
        results = pool.map(endless())
        assert [next(results) for _ in range(3)] == [(0, 0), (1, 2), (2, 4)]
        assert len(pulled) <= 3 + parallel._WIDE_WINDOW_PER_WORKER * 2
        results.close()


def test_a_long_item_does_not_hold_back_the_other_workers() -> None:
    pulled: list[int] = []
    with Pool(_slow_first, jobs=2, timeout=30) as pool:
        results = pool.map(_counted(pulled))
        assert next(results) == (0, 0)
        assert len(pulled) >= parallel._WIDE_WINDOW_PER_WORKER * 2  # the other worker went on meanwhile
        results.close()


def test_large_items_keep_the_narrow_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_WIDE_WINDOW_BYTES", 1)
    pulled: list[int] = []
    with Pool(_slow_first, jobs=2, timeout=30) as pool:
        results = pool.map(_counted(pulled))
        assert next(results) == (0, 0)
        assert len(pulled) <= parallel._WINDOW_PER_WORKER * 2 + 1
        results.close()


def test_pool_rejects_zero_jobs() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Pool(_double_or_fail, jobs=0)


def test_clean_many_yields_articles_in_order(article: str) -> None:
    cleaner = Cleaner(Config())
    texts = [article, "", "Only one line of body text here.", article]
    results = list(cleaner.clean_many(texts, jobs=2))
    assert [r.body for r in results] == [cleaner.clean(t).body for t in texts]


def test_cleaner_survives_a_round_trip_through_pickle() -> None:
    import pickle

    cleaner = Cleaner(Config(ignore=("CAP",)))
    copy = pickle.loads(pickle.dumps(cleaner))
    assert copy == cleaner
    assert "CAP001" not in {rule.code for rule in copy.config.rules}


def test_an_item_that_cannot_be_sent_fails_alone() -> None:
    with Pool(_double_or_fail, jobs=2, timeout=30) as pool:
        results = list(pool.map([1, lambda: None, 2]))
    assert results[0] == (1, 2) and results[2] == (2, 4)
    assert results[1][1].reason.startswith("cannot be sent to a worker: ")


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes << 20))


def test_an_item_past_the_memory_limit_fails_alone_and_the_worker_goes_on() -> None:
    with Pool(_allocate, jobs=1, memory=256 << 20) as pool:
        results = list(pool.map([8, 2048, 16]))
    assert [results[0][1], results[2][1]] == [8 << 20, 16 << 20]
    assert results[1][1] == Failure("ran out of memory (the limit is 256 MiB per worker)", "memory")


def test_one_item_starts_one_worker() -> None:
    with Pool(_double_or_fail, jobs=4, timeout=30) as pool:
        assert list(pool.map([2])) == [(2, 4)]
        assert len(pool._workers) == 1
