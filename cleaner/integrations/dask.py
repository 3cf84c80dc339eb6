"""Cleaning on a Dask cluster, partition by partition, with the same results as a local run.

Two ways in. `clean_bag` and `clean_files` give a Dask Bag of output records
for code that already works with bags. `DaskExecutor` runs the command
line's `Job` on a cluster (`cleaner clean --dask-scheduler ADDRESS`): it
sends documents in partitions, keeps a bounded number of partitions in
flight, and yields results in input order, so the outputs are the bytes a
local run writes. Files named on the command line are read by the workers,
so they must see the same paths (a shared file system), as with any Dask job.

The per-document time limit is not enforced here: Dask workers cannot start
the child processes it needs. Dask's own task timeouts and worker memory
limits are the safety net on a cluster.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from distributed import Client

from cleaner.batch import Cleaned, Job, Skipped
from cleaner.config import Config
from cleaner.engine import Cleaner
from cleaner.io import Document, Fields, Source, kind_of
from cleaner.parallel import Failure, call
from cleaner.records import failed_record
from cleaner.streams import documents, from_record


def clean_bag(bag: Any, config: Config | None = None, *, fields: Fields | None = None) -> Any:
    """A bag of output records from a bag of input records (dicts with a text or html field).

    Each output record is what `cleaner clean` writes for that record in
    JSONL; a record that fails keeps its fields and gains `cleaner_error`.
    """
    return bag.map_partitions(_clean_records, _job(config, fields))


def clean_files(paths: Iterable[str | Path], config: Config | None = None, *, fields: Fields | None = None) -> Any:
    """A bag of output records from JSONL and WARC files (optionally .gz), one partition per file."""
    import dask.bag

    paths = [str(p) for p in paths]
    return dask.bag.from_sequence(paths, npartitions=max(len(paths), 1)).map_partitions(
        _clean_files, _job(config, fields)
    )


class DaskExecutor:
    """A `batch.Executor` on a Dask cluster: `map(documents)` yields (document, result) in input order."""

    def __init__(
        self, fn: Job, client: Client, *, partition_size: int = 64, in_flight: int | None = None, close: bool = False
    ) -> None:
        self.client, self.partition_size, self.close = client, partition_size, close
        self.in_flight = in_flight or 2 * max(len(client.scheduler_info()["workers"]), 1)
        [self.fn] = client.scatter([fn], broadcast=True)

    @classmethod
    def connect(cls, fn: Job, address: str) -> DaskExecutor:
        """An executor on the scheduler at `address`, closing its connection when done."""
        return cls(fn, Client(address), close=True)

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.close:
            self.client.close()

    def map(self, items: Iterable[Document]) -> Iterator[tuple[Document, Any]]:
        pending: deque[tuple[list[Document], Any]] = deque()
        items = iter(items)
        while partition := list(islice(items, self.partition_size)):
            pending.append((partition, self.client.submit(_clean_partition, self.fn, partition, pure=False)))
            if len(pending) >= self.in_flight:
                yield from _gather(*pending.popleft())
        while pending:
            yield from _gather(*pending.popleft())


def _gather(partition: list[Document], future: Any) -> Iterator[tuple[Document, Any]]:
    try:
        results = future.result()
    except Exception as error:  # a lost worker or a cancelled task fails the whole partition
        results = [Failure(f"Dask task failed: {type(error).__name__}: {error}")] * len(partition)
    finally:
        future.release()
    yield from zip(partition, results, strict=True)


def _clean_partition(fn: Job, documents: list[Document]) -> list[Any]:
    return [call(fn, doc) for doc in documents]


def _job(config: Config | None, fields: Fields | None) -> Job:
    return Job(Cleaner(config or Config()), "jsonl", fields or Fields())


def _clean_records(records: Iterable[dict[str, Any]], job: Job) -> list[dict[str, Any]]:
    docs = (from_record(record, "record", job.fields) for record in records)
    return [out for doc in docs if (out := _output(doc, call(job, doc))) is not None]


def _clean_files(paths: Iterable[str], job: Job) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in map(Path, paths):
        kind, compressed = kind_of(path) or ("jsonl", False)
        docs = documents(Source(path, path, kind, compressed), job.fields, job.cleaner.config.max_bytes, stdin=None)
        out.extend(record for doc in docs if (record := _output(doc, call(job, doc))) is not None)
    return out


def _output(doc: Document, result: Any) -> dict[str, Any] | None:
    """The output record of one document; None for a record that is skipped (a WARC request)."""
    if isinstance(result, Cleaned):
        return json.loads(result.text)
    if isinstance(result, Skipped):
        return None
    return failed_record(doc, result.reason)
