"""Dask: a bag of records and the command line on a real two-process LocalCluster, identical to a local run."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'article-cleaner[dask]'")

import cloudpickle
import dask.bag
from distributed import Client, LocalCluster

from cleaner.cli import main
from cleaner.integrations.dask import DaskExecutor, clean_bag, clean_files


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def stream(tmp_path: Path, article: str, page: str, jsonl: Callable[..., bytes]) -> Path:
    lines = article.splitlines()
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        jsonl(
            *({"id": i, "text": "\n".join(lines[i % 9 :]), "keep": i} for i in range(20)),
            {"id": "h", "html": page},
            {"id": "bad", "text": 3},
            "not json",
        )
    )
    return path


def local(*args: str) -> bytes:
    # In this process (no time limit, one job): no fork while the cluster's threads run.
    return CliRunner().invoke(main, ["clean", *args, "-j", "1", "--timeout", "0"], catch_exceptions=False).stdout_bytes


def untimed(report: str) -> list[str]:
    return [line for line in report.splitlines() if not line.startswith("time:")]


def test_cli_on_a_cluster_writes_the_bytes_of_a_local_run(
    address: str, stream: Path, tree: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main,
        ["clean", str(stream), str(tree), "--dask-scheduler", address, "--format", "jsonl"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1  # the broken records and the broken file
    assert result.stdout_bytes == local(str(stream), str(tree), "--format", "jsonl")
    assert len(result.stdout_bytes.splitlines()) == 21 + 4


def test_a_bag_of_records_is_cleaned_partition_by_partition(address: str, stream: Path) -> None:
    records = [json.loads(line) for line in stream.read_bytes().splitlines()[:-1]]
    with Client(address):
        out = clean_bag(dask.bag.from_sequence(records, npartitions=4)).compute()
    expected = [json.loads(line) for line in local(str(stream)).splitlines()]
    assert [r for r in out if "cleaner_error" not in r] == expected
    [failed] = [r for r in out if "cleaner_error" in r]
    assert failed["id"] == "bad" and failed["cleaner_error"] == "record (id=bad): field 'text' is int, not a string"


def test_files_are_cleaned_one_partition_each(
    address: str, stream: Path, tmp_path: Path, warc: Callable[[bool], bytes]
) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(warc(True))
    with Client(address):
        out = clean_files([stream, crawl]).compute()
    expected = [json.loads(line) for line in local(str(stream), str(crawl)).splitlines()]
    assert [r for r in out if "cleaner_error" not in r] == expected
    assert sum("cleaner_error" in r for r in out) == 2


def test_a_large_jsonl_file_is_read_in_pieces_by_the_workers_and_named_by_its_lines(
    address: str, stream: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted: list[tuple[Any, ...]] = []
    submit = Client.submit

    def recorded(client: Client, *args: Any, **kwargs: Any) -> Any:
        submitted.append(args)
        return submit(client, *args, **kwargs)

    monkeypatch.setattr(Client, "submit", recorded)
    monkeypatch.setattr(DaskExecutor, "shard_bytes", 4000)
    args = [str(stream), "--format", "jsonl", "-v"]
    result = CliRunner().invoke(main, ["clean", *args, "--dask-scheduler", address], catch_exceptions=False)
    alone = CliRunner().invoke(main, ["clean", *args, "-j", "1", "--timeout", "0"], catch_exceptions=False)
    assert result.exit_code == alone.exit_code == 1
    assert result.stdout_bytes == alone.stdout_bytes
    assert untimed(result.stderr) == untimed(alone.stderr)
    assert f"{stream}:22 (id=bad): field 'text' is int, not a string" in result.stderr
    assert f"{stream}:23: not valid JSON" in result.stderr
    cleaned = [call for call in submitted if call[0].__name__ == "_clean_shard"]
    assert len(cleaned) == -(-stream.stat().st_size // 4000) > 5
    # What the client sends is where to read: no task holds a document's text.
    assert max(len(repr(call)) for call in submitted) < 1000
    assert not any("Putin" in repr(call) for call in submitted)


def test_a_bag_of_files_in_pieces_holds_no_content_and_gives_what_whole_files_give(
    stream: Path, tmp_path: Path, warc: Callable[[bool], bytes]
) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(warc(True))
    whole = clean_files([stream, crawl]).compute(scheduler="synchronous")
    pieces = clean_files([stream, crawl], shard_bytes=3000)
    assert pieces.npartitions == -(-stream.stat().st_size // 3000) + 1 > 5
    graph = cloudpickle.dumps(dict(pieces.__dask_graph__()))
    assert b"Putin" not in graph and b"Floods close schools" not in graph
    assert pieces.compute(scheduler="synchronous") == whole
    assert [r["cleaner_error"] for r in whole if "cleaner_error" in r] == [
        f"{stream}:22 (id=bad): field 'text' is int, not a string",
        f"{stream}:23: not valid JSON: expecting value at column 1",
    ]


def test_files_on_a_remote_store_are_read_by_the_workers(stream: Path) -> None:
    fsspec = pytest.importorskip(
        "fsspec", reason="remote paths are an optional extra: pip install 'article-cleaner[cloud]'"
    )
    memory = fsspec.filesystem("memory")
    memory.pipe(f"/{stream.parent.name}/in.jsonl", stream.read_bytes())
    try:
        remote = clean_files([f"memory://{stream.parent.name}/in.jsonl"], shard_bytes=5000).compute(scheduler="threads")
    finally:
        memory.rm(f"/{stream.parent.name}", recursive=True)
    assert [r for r in remote if "cleaner_error" not in r] == [
        r for r in clean_files([stream]).compute(scheduler="synchronous") if "cleaner_error" not in r
    ]


def test_a_scheduler_address_that_is_none_is_a_usage_error(tmp_path: Path, article: str) -> None:
    (tmp_path / "a.txt").write_text(article)
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "a.txt"), "--dask-scheduler", "not an address"])
    assert result.exit_code == 2 and "--dask-scheduler not an address: cannot connect" in result.stderr
    gc.collect()  # the half-made Client, whose finaliser would otherwise run inside a later Client's start


def test_an_output_file_of_a_stream_that_lost_a_piece_is_not_put_in_place(
    address: str, stream: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker lost with its shard: the stream's output would lack those records, so an earlier
    output stays, as it does for a cut stream."""
    from cleaner.integrations import dask as adapter

    collect = adapter._collect
    calls = iter(range(1000))

    def second_lost(item: Any, future: Any) -> tuple[Any, Any]:
        item, result = collect(item, future)
        return (item, OSError("worker lost")) if next(calls) == 1 else (item, result)

    monkeypatch.setattr(adapter, "_collect", second_lost)
    monkeypatch.setattr(DaskExecutor, "shard_bytes", 4000)
    earlier = tmp_path / "out.jsonl"
    earlier.write_text("earlier\n")
    args = ["clean", str(stream), "-o", str(earlier), "--force", "--dask-scheduler", address]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert "piece of the stream lost: Dask task failed: OSError: worker lost" in result.stderr
    assert f"{earlier} is not written, as it would lack the rest" in result.stderr
    assert re.search(r" read, 0 cleaned, \d+ failed, 0 skipped, [1-9]\d* cleaned but not written", result.stderr)
    assert earlier.read_text() == "earlier\n"
