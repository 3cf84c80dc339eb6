"""Cleaning on a Dask cluster, partition by partition, with the same results as a local run.

Two ways in. `clean_bag` and `clean_files` give a Dask Bag of output records
for code that already works with bags. `DaskExecutor` runs the command
line's `Job` on a cluster (`cleaner clean --dask-scheduler ADDRESS`): it
keeps a bounded number of tasks in flight and yields results in input
order, so the outputs are the bytes a local run writes.

Workers read the files themselves: a task is sent a file's name (a stream
file's, or a piece of a large uncompressed JSONL file's, `shards`), never
its content, so the client's traffic is the outputs coming back. They must
see the same paths as the client: a shared file system, or URLs of a store
(`s3://...`, with fsspec and the store's library installed on the workers).
Documents read here (stdin) are sent in partitions.

The per-document time limit is not enforced here: Dask workers cannot start
the child processes it needs. Dask's own task timeouts and worker memory
limits are the safety net on a cluster.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path, PurePath
from typing import Any, TypeVar

from distributed import Client

from cleaner.batch import Job
from cleaner.compression import compression_of
from cleaner.config import Config
from cleaner.engine import Cleaner
from cleaner.io import PIECE_LOST, Document, Fields, Source, kind_of
from cleaner.outcomes import Cleaned, Skipped
from cleaner.parallel import Failure, call
from cleaner.records import failed_record
from cleaner.shards import Shard, planned, shard_documents
from cleaner.storage import location
from cleaner.streams import from_record

T = TypeVar("T")
# A large uncompressed JSONL file is read in pieces of this size, one task each.
SHARD_BYTES = 16 << 20


def clean_bag(bag: Any, config: Config | None = None, *, fields: Fields | None = None) -> Any:
    """A bag of output records from a bag of input records (dicts with a text or html field).

    Each output record is what `cleaner clean` writes for that record in
    JSONL; a record that fails keeps its fields and gains `cleaner_error`.
    """
    return bag.map_partitions(_clean_records, _job(config, fields))


def clean_files(
    paths: Iterable[str | Path],
    config: Config | None = None,
    *,
    fields: Fields | None = None,
    shard_bytes: int = SHARD_BYTES,
) -> Any:
    """A bag of output records from JSONL and WARC files (optionally .gz or .zst; local paths or URLs),
    one partition per file, or per piece of `shard_bytes` of a large uncompressed JSONL file. The
    graph holds where to read, never what: the workers read the files."""
    import dask
    import dask.bag

    def defer(fn: Callable[..., Any], *args: Any) -> Any:
        return dask.delayed(fn, pure=True)(*args)

    job = dask.delayed(_job(config, fields), pure=True)
    pieces = [piece for path in paths for piece in planned(_stream_source(str(path)), shard_bytes, defer)]
    return dask.bag.from_delayed([defer(_clean_piece, shard, before, job) for shard, before in pieces])


class DaskExecutor:
    """A `batch.Executor` on a Dask cluster that reads stream files on the workers (`batch.ReadsStreams`):
    `map` and `map_streams` yield (document, result) in input order."""

    shard_bytes = SHARD_BYTES

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
        """Documents in partitions of `partition_size`."""
        docs = iter(items)
        partitions = iter(lambda: list(islice(docs, self.partition_size)), [])
        for partition, results in self._submitted((part, (_clean_partition, part)) for part in partitions):
            if isinstance(results, Exception):
                results = [_lost(results)] * len(partition)
            yield from zip(partition, results, strict=True)

    def map_streams(self, sources: list[Source], fields: Fields, max_bytes: int) -> Iterator[tuple[Document, Any]]:
        """Stream files, a task per file or per piece of a large uncompressed JSONL file."""
        pieces = (piece for source in sources for piece in planned(source, self.shard_bytes, self._defer))
        calls = ((shard, (_clean_shard, shard, before, fields, max_bytes)) for shard, before in pieces)
        for shard, pairs in self._submitted(calls):
            yield from (
                [(Document(shard.name), _lost(pairs, f"{PIECE_LOST}: "))] if isinstance(pairs, Exception) else pairs
            )

    def _defer(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def _submitted(self, calls: Iterable[tuple[T, tuple[Any, ...]]]) -> Iterator[tuple[T, Any]]:
        """(item, what its task `task(job, *args)` returned or the exception it failed with), in
        order, with at most `in_flight` tasks submitted and not yet collected."""
        pending: deque[tuple[T, Any]] = deque()
        for item, (task, *args) in calls:
            pending.append((item, self.client.submit(task, self.fn, *args, pure=False)))
            if len(pending) >= self.in_flight:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())


def _collect(item: T, future: Any) -> tuple[T, Any]:
    try:
        return item, future.result()
    except Exception as error:  # a lost worker or a cancelled task fails all the task held
        return item, error
    finally:
        future.release()


def _lost(error: Exception, lead: str = "") -> Failure:
    return Failure(f"{lead}Dask task failed: {type(error).__name__}: {error}")


def _clean_partition(fn: Job, documents: list[Document]) -> list[Any]:
    return [call(fn, doc) for doc in documents]


def _clean_shard(
    fn: Job, shard: Shard, lines_before: int, fields: Fields, max_bytes: int
) -> list[tuple[Document, Any]]:
    """Each document of a piece with its result; the document without its content, which the
    client does not need (an empty record still marks a record's document)."""
    return [
        (replace(doc, data=None, record=None if doc.record is None else {}), call(fn, doc))
        for doc in shard_documents(shard, fields, max_bytes, lines_before)
    ]


def _job(config: Config | None, fields: Fields | None) -> Job:
    return Job(Cleaner(config or Config()), "jsonl", fields or Fields())


def _stream_source(name: str) -> Source:
    """A file named by a caller, read as its name says; as JSONL when its name is of no kind read."""
    path = location(name)
    kind, compression = kind_of(path) or ("jsonl", compression_of(path.name))
    return Source(path, PurePath(path.name), kind, compression)


def _clean_records(records: Iterable[dict[str, Any]], job: Job) -> list[dict[str, Any]]:
    docs = (from_record(record, "record", job.fields) for record in records)
    return [out for doc in docs if (out := _output(doc, call(job, doc))) is not None]


def _clean_piece(shard: Shard, lines_before: int, job: Job) -> list[dict[str, Any]]:
    docs = shard_documents(shard, job.fields, job.cleaner.config.max_bytes, lines_before)
    return [record for doc in docs if (record := _output(doc, call(job, doc))) is not None]


def _output(doc: Document, result: Any) -> dict[str, Any] | None:
    """The output record of one document; None for a record that is skipped (a WARC request)."""
    if isinstance(result, Cleaned):
        return json.loads(result.text)
    if isinstance(result, Skipped):
        return None
    return failed_record(doc, result.reason)
