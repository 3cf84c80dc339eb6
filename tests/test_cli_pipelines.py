"""`cleaner clean` as a pipeline step: JSONL and WARC streams in, JSONL out."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner.cli import main


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["clean", *args], input=input, catch_exceptions=False)


def records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines()]


@pytest.fixture
def stream(tmp_path: Path, article: str, page: str, jsonl: Callable[..., bytes]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        jsonl(
            {"id": "a", "text": article, "lang": "en", "metadata": {"source": "crawl-1"}},
            {"id": "b", "body": "no text field here"},
            {"id": "c", "text": ["not", "a", "string"]},
            {"id": "d", "html": page, "url": "https://www.news.example/floods"},
            "{this line is broken",
            {"id": "e", "text": "One short line of body text.", "extra": {"nested": True}},
        )
        + b'{"id": "f", "text": "the last line was cut'
    )
    return path


def test_jsonl_records_keep_every_field_and_gain_clean_text_and_metadata(stream: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.tsv"
    result = run(str(stream), "-o", str(tmp_path / "out.jsonl"), "--errors", str(errors))
    assert result.exit_code == 1
    out = records((tmp_path / "out.jsonl").read_bytes())
    assert [r["id"] for r in out] == ["a", "d", "e"]
    first = out[0]
    assert first["lang"] == "en" and first["metadata"]["source"] == "crawl-1"
    assert "RECENT STORIES" not in first["text"] and "Putin today held" in first["text"]
    cleaner_meta = first["metadata"]["cleaner"]
    assert cleaner_meta["title"].startswith("Russia-Ukraine War") and "body" not in cleaner_meta
    assert any(r["text"] == "RECENT STORIES" for r in cleaner_meta["removals"])
    assert out[1]["html"].startswith("<!DOCTYPE html>") and "Heavy rain closed" in out[1]["text"]
    assert out[1]["metadata"]["cleaner"]["url"] == "https://www.news.example/floods"
    assert out[2]["extra"] == {"nested": True}
    assert errors.read_text().splitlines() == [
        f"{stream}:2 (id=b)\tno 'text' or 'html' field",
        f"{stream}:3 (id=c)\tfield 'text' is list, not a string",
        f"{stream}:5\tnot valid JSON (Expecting property name enclosed in double quotes)",
        f"{stream}:7\tnot valid JSON (Unterminated string starting at)",
    ]


def test_jobs_do_not_change_a_byte(tmp_path: Path, article: str, jsonl: Callable[..., bytes]) -> None:
    lines = article.splitlines()
    path = tmp_path / "many.jsonl"
    path.write_bytes(jsonl(*({"id": i, "text": "\n".join(lines[i % 7 :])} for i in range(30))))
    one = run(str(path), "-j", "1").stdout_bytes
    two = run(str(path), "-j", "2").stdout_bytes
    assert one == two
    assert [r["id"] for r in records(one)] == list(range(30))


def test_gzip_in_and_out(stream: Path, tmp_path: Path) -> None:
    packed = tmp_path / "packed" / "in.jsonl.gz"
    packed.parent.mkdir()
    packed.write_bytes(gzip.compress(stream.read_bytes()))
    run(str(packed.parent), "-o", str(tmp_path / "tree"))
    run(str(packed), "-o", str(tmp_path / "one.jsonl.gz"))
    plain = run(str(stream)).stdout_bytes
    assert gzip.decompress((tmp_path / "tree" / "in.jsonl.gz").read_bytes()) == plain
    assert gzip.decompress((tmp_path / "one.jsonl.gz").read_bytes()) == plain


def test_stdin_jsonl_plain_or_gzipped(stream: Path) -> None:
    expected = run(str(stream)).stdout_bytes
    assert run("-", "--format", "jsonl", input=stream.read_bytes()).stdout_bytes == expected
    assert run("-", input=gzip.compress(stream.read_bytes())).stdout_bytes == expected


def test_field_names_are_options(tmp_path: Path, jsonl: Callable[..., bytes]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl({"doc_id": 7, "content": "A body line of the story.", "link": "https://bbc.co.uk/x"}))
    args = ("--text-field", "content", "--id-field", "doc_id", "--url-field", "link")
    [record] = records(run(str(path), *args).stdout_bytes)
    assert record["content"] == "A body line of the story." and "text" not in record
    assert record["metadata"]["cleaner"]["url"] == "https://bbc.co.uk/x"


def test_files_into_one_jsonl(tree: Path, tmp_path: Path) -> None:
    run(str(tree), "-o", str(tmp_path / "all.jsonl"))
    out = records((tmp_path / "all.jsonl").read_bytes())
    assert [r["id"] for r in out] == [
        str(tree / n) for n in ("a.txt", "news/b.md", "news/2024/c.html", "news/2024/d.txt.gz")
    ]


def test_warc_responses_are_cleaned_and_other_records_counted(tmp_path: Path, warc: Callable[[bool], bytes]) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc(True))
    result = run(str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    out = records(gzip.decompress((tmp_path / "out" / "crawl.jsonl.gz").read_bytes()))
    assert [r["url"] for r in out] == ["https://news.example/a", "https://news.example/b"]
    assert all(r["id"].startswith("<urn:uuid:") for r in out)
    assert "Heavy rain closed every school" in out[0]["text"]
    assert "documents: 8 read, 2 cleaned, 0 failed, 6 skipped" in result.stderr


def test_a_jsonl_output_inside_the_input_folder_is_not_read_back(tree: Path) -> None:
    first = run(str(tree), "-o", str(tree / "all.jsonl"))
    again = run(str(tree), "-o", str(tree / "all.jsonl"), "--force")
    assert "documents: 5 read, 4 cleaned, 1 failed" in first.stderr
    assert "documents: 5 read, 4 cleaned, 1 failed" in again.stderr
