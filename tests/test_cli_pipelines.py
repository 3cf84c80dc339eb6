"""`cleaner clean` as a pipeline step: JSONL and WARC streams in, JSONL out."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

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
        f"{stream}:5\tnot valid JSON: expecting property name enclosed in double quotes at column 2",
        f"{stream}:7\tnot valid JSON: unterminated string starting at column 21",
    ]


def _refuse(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def test_nan_and_infinity_in_input_fields_are_written_as_null(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "A body line of the story.", "score": NaN, "range": [Infinity, -Infinity]}\n')
    [line] = run(str(path)).stdout_bytes.splitlines()
    record = json.loads(line, parse_constant=_refuse)
    assert (record["score"], record["range"]) == (None, [None, None])


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


def _member_starts(data: bytes) -> list[int]:
    """Where each gzip member of a .warc.gz starts (one record each)."""
    starts, rest = [], data
    while rest:
        starts.append(len(data) - len(rest))
        member = zlib.decompressobj(wbits=31)
        member.decompress(rest)
        rest = member.unused_data
    return starts


@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_a_cut_warc_gz_reports_the_cut_record_and_its_output_file_is_not_put_in_place(
    tmp_path: Path, warc: Callable[[bool], bytes], stdin: bool
) -> None:
    data = warc(True)
    seventh = _member_starts(data)[6]  # the second HTML response
    cut = data[: seventh + 50]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(cut)
    errors, out = tmp_path / "errors.tsv", tmp_path / "out.jsonl"
    out.write_bytes(b"an earlier run's output\n")
    result = run("-" if stdin else str(path), "-o", str(out), "--force", "--errors", str(errors), input=cut)
    assert result.exit_code == 1 and "1 cleaned but not written" in result.stderr
    assert out.read_bytes() == b"an earlier run's output\n"  # a partial file never passes for a finished one
    [(name, reason)] = [line.split("\t") for line in errors.read_text().splitlines()]
    assert name == f"{'-' if stdin else path}#7"
    assert reason == (
        f"stream ends early (truncated: the file ends inside the gzip member at byte {seventh}); {out} is not written, "
        "as it would lack the rest"
    )
    assert [r["url"] for r in records(run("-" if stdin else str(path), input=cut).stdout_bytes)] == [
        "https://news.example/a"
    ]  # on standard output, the records before the cut come as they are read


def test_the_http_charset_of_a_warc_response_outranks_the_pages_meta_tag(tmp_path: Path, page: str) -> None:
    russian = "Сильные дожди привели к закрытию всех школ района в понедельник, сообщили чиновники."
    body = page.replace("<title>", '<meta charset="iso-8859-1"><title>').replace("Heavy rain", russian)
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1251")], protocol="HTTP/1.1")
    payload = io.BytesIO(body.encode("cp1251"))
    writer.write_record(
        writer.create_warc_record("https://news.example/a", "response", payload=payload, http_headers=headers)
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(out.getvalue())
    [record] = records(run(str(path)).stdout_bytes)
    assert russian in record["text"]


def test_a_jsonl_output_inside_the_input_folder_is_not_read_back(tree: Path) -> None:
    first = run(str(tree), "-o", str(tree / "all.jsonl"))
    again = run(str(tree), "-o", str(tree / "all.jsonl"), "--force")
    assert "documents: 5 read, 4 cleaned, 1 failed" in first.stderr
    assert "documents: 5 read, 4 cleaned, 1 failed" in again.stderr


def test_half_a_character_in_a_record_is_written_as_a_replacement_character(tmp_path: Path, article: str) -> None:
    """A JSON escape of a lone surrogate ("\\ud800") is a str UTF-8 cannot write: U+FFFD, and the run goes on."""
    escaped = json.dumps({"id": "a", "text": article, "lang": "LANG"}).replace('"LANG"', '"\\ud800"')
    (tmp_path / "in.jsonl").write_text(escaped + '\n{"id": "b", "text": "Fine."}\n')
    for target in ([], ["-o", str(tmp_path / "out.jsonl")]):
        result = run(str(tmp_path / "in.jsonl"), *target)
        assert result.exit_code == 0, result.stderr
        written = result.stdout_bytes if not target else (tmp_path / "out.jsonl").read_bytes()
        assert [(r["id"], r.get("lang")) for r in records(written)] == [
            ("a", "\ufffd"),
            ("b", None),
        ]


def test_an_errors_file_keeps_one_row_per_failure_whatever_the_id_holds(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_bytes(b'{"id": "evil\\n/etc/passwd\\tfake reason\\u001b]0;x\\u0007", "text": 5}\n')
    result = run(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--errors", str(tmp_path / "e.tsv"))
    assert result.exit_code == 1
    rows = (tmp_path / "e.tsv").read_text().splitlines()
    assert len(rows) == 1 and rows[0].count("\t") == 1
    assert rows[0].endswith(
        "in.jsonl:1 (id=evil\\n/etc/passwd\\tfake reason\\x1b]0;x\\x07)\tfield 'text' is int, not a string"
    )
    assert "\x1b" not in result.stderr


def test_stdin_jsonl_behind_a_byte_order_mark_is_still_records(stream: Path) -> None:
    expected = run(str(stream)).stdout_bytes
    assert expected and run("-", input=b"\xef\xbb\xbf" + stream.read_bytes()).stdout_bytes == expected
