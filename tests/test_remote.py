"""Inputs and outputs on a remote store, end to end through the command line, on fsspec's in-memory
file system (`memory://`): the same outputs as a local run, written whole or not at all."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

pytest.importorskip("fsspec", reason="remote paths are an optional extra: pip install 'article-cleaner[cloud]'")

import fsspec

from cleaner.cli import main
from cleaner.compression import zstd
from cleaner.storage import atomic_writer, location

# In this process: the in-memory file system is not shared with worker processes.
IN_PROCESS = ("-j", "1", "--timeout", "0", "--max-memory", "0")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["clean", *args, *IN_PROCESS], catch_exceptions=False)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[str]:
    """A fresh folder on the in-memory file system, removed afterwards."""
    root = f"memory://{tmp_path.name}"
    yield root
    memory = fsspec.filesystem("memory")
    if memory.exists(root):
        memory.rm(root, recursive=True)


@pytest.fixture
def memory() -> Any:
    return fsspec.filesystem("memory")


def local_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def remote_files(memory: Any, root: str) -> dict[str, bytes]:
    base = location(root)
    found = memory.find(root)
    return {str(location(f"memory://{name}").relative_to(base)): memory.cat(name) for name in found}


def untimed(report: str) -> list[str]:
    return [line for line in report.splitlines() if not line.startswith("time:")]


def test_a_remote_folder_is_cleaned_into_a_remote_folder_as_a_local_one_is(
    tree: Path, tmp_path: Path, store: str, memory: Any, jsonl: Callable[..., bytes], article: str
) -> None:
    (tree / "crawl.jsonl").write_bytes(jsonl({"id": 1, "text": article}, "not json"))
    (tree / ".cache").mkdir()
    (tree / ".cache" / "old.txt").write_text(article)
    memory.put(str(tree), f"{store}/in", recursive=True)
    local = run(str(tree), "-o", str(tmp_path / "out"), "-v")
    remote = run(f"{store}/in", "-o", f"{store}/out/", "-v")
    assert remote.exit_code == local.exit_code == 1
    assert remote_files(memory, f"{store}/out") == local_files(tmp_path / "out")
    assert sorted(remote_files(memory, f"{store}/out")) == [
        "a.txt",
        "crawl.jsonl",
        "news/2024/c.txt",
        "news/2024/d.txt",
        "news/b.txt",
    ]
    said = remote.stderr.replace(str(location(f"{store}/in")), "IN").replace(str(location(f"{store}/out")), "OUT")
    assert untimed(said) == untimed(local.stderr.replace(str(tree), "IN").replace(str(tmp_path / "out"), "OUT"))
    assert "IN/.cache: not read (hidden)" in said and "IN/crawl.jsonl:2: not valid JSON" in said


def test_a_remote_glob_goes_into_one_remote_zstandard_file(tree: Path, tmp_path: Path, store: str, memory: Any) -> None:
    memory.put(str(tree), f"{store}/in", recursive=True)
    local = run(f"{tree}/**/*.txt*", "-o", str(tmp_path / "all.jsonl"))
    remote = run(f"{store}/in/**/*.txt*", "-o", f"{store}/clean/all.jsonl.zst")
    assert remote.exit_code == local.exit_code == 1  # the broken gzip file
    written = zstd.decompress(memory.cat(f"{store}/clean/all.jsonl.zst")).decode()
    assert written.replace(str(location(f"{store}/in")), "IN") == (tmp_path / "all.jsonl").read_text().replace(
        str(tree), "IN"
    )
    assert len(written.splitlines()) == 2
    assert memory.find(f"{store}/clean") == [str(location(f"{store}/clean/all.jsonl.zst")).removeprefix("memory://")]


def test_remote_outputs_that_exist_stop_the_run_unless_told(tree: Path, store: str, memory: Any) -> None:
    memory.put(str(tree / "a.txt"), f"{store}/in/a.txt")
    memory.pipe(f"{store}/out/a.txt", b"an earlier output")
    refused = run(f"{store}/in", "-o", f"{store}/out")
    assert refused.exit_code == 2
    assert f"1 of 1 outputs exist ({location(f'{store}/out/a.txt')})" in refused.stderr
    assert run(f"{store}/in", "-o", f"{store}/out", "--skip-existing").exit_code == 0
    assert memory.cat(f"{store}/out/a.txt") == b"an earlier output"
    assert run(f"{store}/in", "-o", f"{store}/out", "--force").exit_code == 0
    assert b"Putin today held" in memory.cat(f"{store}/out/a.txt")


def test_an_output_folder_inside_a_remote_input_folder_is_not_read_back(tree: Path, store: str, memory: Any) -> None:
    memory.put(str(tree / "a.txt"), f"{store}/in/a.txt")
    assert run(f"{store}/in", "-o", f"{store}/in/clean").exit_code == 0
    again = run(f"{store}/in", "-o", f"{store}/in/clean", "--force", "-v")
    assert again.exit_code == 0 and "documents: 1 read" in again.stderr


def test_a_remote_write_is_whole_or_not_at_all(store: str, memory: Any) -> None:
    target = location(f"{store}/out.jsonl.gz")
    memory.pipe(str(target), b"complete")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as out:
        out.write(b"half of a new file")
        raise KeyboardInterrupt
    assert memory.find(store) == [str(target).removeprefix("memory://")]
    assert memory.cat(str(target)) == b"complete"
    with atomic_writer(target) as out:
        out.write(b'{"text": "x"}\n')
    assert gzip.decompress(memory.cat(str(target))) == b'{"text": "x"}\n'
    assert memory.find(store) == [str(target).removeprefix("memory://")]


def test_an_unwritable_remote_output_is_a_usage_error(
    tree: Path, store: str, memory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory.put(str(tree / "a.txt"), f"{store}/in/a.txt")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("Access Denied")

    monkeypatch.setattr(type(memory), "pipe_file", refuse)
    result = run(f"{store}/in", "-o", f"{store}/out.jsonl")
    assert result.exit_code == 2
    assert f"cannot write in {location(store)}: PermissionError: Access Denied" in result.stderr


def test_remote_paths_without_fsspec_are_a_usage_error_naming_the_extra(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fsspec.core", None)  # as if fsspec were not installed
    result = run("s3://bucket/crawl/", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "s3://bucket/crawl/: s3:// paths need fsspec: pip install 'article-cleaner[cloud]'" in result.stderr
    result = run(str(tree), "-o", "gs://bucket/clean/")
    assert result.exit_code == 2
    assert "gs:// paths need fsspec: pip install 'article-cleaner[cloud]'" in result.stderr


def test_an_unknown_scheme_or_a_missing_file_is_a_usage_error(store: str) -> None:
    result = run("nosuch://bucket/a.jsonl", f"{store}/missing.jsonl", f"{store}/none/*.warc.gz")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: nosuch://bucket/a.jsonl: Protocol not known: nosuch",
        f"{store}/missing.jsonl: no such file or folder",
        f"{store}/none/*.warc.gz: no file matches this pattern",
    ]


def test_records_of_a_remote_stream_are_named_by_its_url(store: str, memory: Any) -> None:
    memory.pipe(f"{store}/pages.jsonl", b'{"id": "a", "text": 3}\n')
    result = run(f"{store}/pages.jsonl")
    assert result.exit_code == 1
    assert f"{location(store)}/pages.jsonl:1 (id=a): field 'text' is int, not a string" in result.stderr


@pytest.mark.skipif(zstd is None, reason="zstandard needs Python 3.14 or backports.zstd")
def test_remote_zstandard_files_round_trip_and_a_cut_one_fails_alone(
    store: str, memory: Any, article: str, jsonl: Callable[..., bytes]
) -> None:
    packed = zstd.compress(article.encode())
    memory.pipe(f"{store}/in/cut.txt.zst", packed[: len(packed) // 2])
    memory.pipe(f"{store}/in/whole.txt.zst", packed)
    memory.pipe(f"{store}/in/pages.jsonl.zst", zstd.compress(jsonl({"id": 1, "text": article})))
    result = run(f"{store}/in", "-o", f"{store}/out", "--format", "json")
    assert result.exit_code == 1
    [failure] = [line for line in result.stderr.splitlines() if "cut.txt.zst" in line]
    assert failure.startswith(f"{location(store)}/in/cut.txt.zst: cannot read: ")
    written = remote_files(memory, f"{store}/out")
    assert sorted(written) == ["pages.jsonl.zst", "whole.json"]
    [record] = zstd.decompress(written["pages.jsonl.zst"]).splitlines()
    assert b"Putin today held" in record and b"Putin today held" in written["whole.json"]
