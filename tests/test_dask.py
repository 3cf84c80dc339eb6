"""Dask: a bag of records and the command line on a real two-process LocalCluster, identical to a local run."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'article-cleaner[dask]'")

import dask.bag
from distributed import Client, LocalCluster

from cleaner.cli import main
from cleaner.integrations.dask import clean_bag, clean_files


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
