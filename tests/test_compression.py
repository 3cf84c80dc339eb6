"""zstandard (.zst) read and written as gzip is: documents, JSONL and WARC streams, stdin, outputs."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import compression
from cleaner.cli import main
from cleaner.compression import zstd

pytestmark = pytest.mark.skipif(zstd is None, reason="zstandard needs Python 3.14 or backports.zstd")


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["clean", *args], input=input, catch_exceptions=False)


@pytest.fixture
def stream(tmp_path: Path, article: str, page: str, jsonl: Callable[..., bytes]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": article}, {"id": "b", "html": page}, "{broken"))
    return path


def test_a_jsonl_zst_stream_gives_what_the_plain_one_gives(stream: Path, tmp_path: Path) -> None:
    packed = tmp_path / "packed.jsonl.zst"
    packed.write_bytes(zstd.compress(stream.read_bytes()))
    plain = run(str(stream), "-o", str(tmp_path / "plain.jsonl"))
    assert plain.exit_code == 1
    for output in ("out.jsonl.zst", "out.jsonl.gz", "out.jsonl"):
        result = run(str(packed), "-o", str(tmp_path / output))
        assert result.exit_code == 1
        assert f"{packed}:3: not valid JSON" in result.stderr
        written = (tmp_path / output).read_bytes()
        unpacked = {".zst": zstd.decompress, ".gz": gzip.decompress}.get(Path(output).suffix, bytes)(written)
        assert unpacked == (tmp_path / "plain.jsonl").read_bytes()


def test_zst_output_is_byte_identical_across_runs(stream: Path, tmp_path: Path) -> None:
    run(str(stream), "-o", str(tmp_path / "one.jsonl.zst"))
    run(str(stream), "-o", str(tmp_path / "two.jsonl.zst"))
    assert (tmp_path / "one.jsonl.zst").read_bytes() == (tmp_path / "two.jsonl.zst").read_bytes()


def test_zst_documents_and_streams_in_a_folder_keep_their_compression(
    tmp_path: Path, article: str, stream: Path, warc: Callable[[bool], bytes]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt.zst").write_bytes(zstd.compress(article.encode()))
    (folder / "story-plain.txt").write_text(article)
    (folder / "pages.jsonl.zst").write_bytes(zstd.compress(stream.read_bytes()))
    (folder / "crawl.warc.zst").write_bytes(zstd.compress(warc(False)))
    result = run(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1  # the broken line
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "crawl.jsonl.zst",
        "pages.jsonl.zst",
        "story-plain.txt",
        "story.txt",
    ]
    assert (out / "story.txt").read_bytes() == (out / "story-plain.txt").read_bytes()
    assert len(zstd.decompress((out / "crawl.jsonl.zst").read_bytes()).splitlines()) == 2  # the two HTML responses
    assert len(zstd.decompress((out / "pages.jsonl.zst").read_bytes()).splitlines()) == 2


def test_zst_on_stdin_is_told_by_its_first_bytes(stream: Path) -> None:
    result = run("-", "--format", "jsonl", input=zstd.compress(stream.read_bytes()))
    assert result.exit_code == 1
    assert result.stdout_bytes == run(str(stream)).stdout_bytes


def test_a_cut_or_damaged_zst_file_is_reported_and_the_run_goes_on(stream: Path, tmp_path: Path, article: str) -> None:
    whole = zstd.compress(stream.read_bytes())
    (tmp_path / "cut.jsonl.zst").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "bad.txt.zst").write_bytes(b"not zstandard data")
    (tmp_path / "good.txt.zst").write_bytes(zstd.compress(article.encode()))
    result = run(str(tmp_path / "cut.jsonl.zst"), str(tmp_path / "bad.txt.zst"), str(tmp_path / "good.txt.zst"))
    assert result.exit_code == 1
    assert "stream ends early (Compressed file ended before the end-of-stream marker was reached)" in result.stderr
    assert f"{tmp_path / 'bad.txt.zst'}: cannot read: " in result.stderr
    assert "Putin today held" in result.stdout


def test_without_zstandard_a_zst_file_is_a_usage_error_naming_the_extra(
    stream: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compression, "zstd", None)
    for args in ([str(stream), "-o", str(tmp_path / "out.jsonl.zst")], [str(tmp_path / "in.jsonl.zst")]):
        (tmp_path / "in.jsonl.zst").write_bytes(b"")
        result = run(*args)
        assert result.exit_code == 2
        assert "pip install 'article-cleaner[zstd]'" in result.stderr
