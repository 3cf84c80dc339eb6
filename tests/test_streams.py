"""JSONL and WARC streams turned into documents, one record at a time."""

from __future__ import annotations

import gzip
import io
import re
import time
import zlib
from collections.abc import Callable

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.compression import decompressed
from cleaner.io import Fields
from cleaner.streams import read_jsonl
from cleaner.warc import MAX_HEADER_BYTES, read_warc


def _read(data: bytes, fields: Fields | None = None, limit: int = 1 << 20) -> list:
    return list(read_jsonl(io.BytesIO(data), "in.jsonl", fields or Fields(), limit))


def test_records_keep_every_field_and_pick_html_before_text(jsonl: Callable[..., bytes]) -> None:
    text_doc, html_doc = _read(
        jsonl(
            {"id": 1, "text": "Body.", "lang": "en", "meta": [1, 2]},
            {"id": "b", "html": "<p>x</p>", "text": "ignored", "url": "https://example.com/b"},
        )
    )
    assert (text_doc.kind, text_doc.data, text_doc.name) == ("text", "Body.", "in.jsonl:1 (id=1)")
    assert text_doc.record == {"id": 1, "text": "Body.", "lang": "en", "meta": [1, 2]}
    assert (html_doc.kind, html_doc.data, html_doc.url) == ("html", "<p>x</p>", "https://example.com/b")


def test_bad_lines_are_reported_with_their_line_number_and_the_stream_goes_on(
    jsonl: Callable[..., bytes],
) -> None:
    docs = _read(
        jsonl({"id": 1, "body": "no text field"}, {"text": 42}, "{not json", "[1, 2]", "", {"text": "fine"})
        + b'{"text": "truncated'
    )
    assert [(d.name, d.problem) for d in docs] == [
        ("in.jsonl:1 (id=1)", "no 'text' or 'html' field"),
        ("in.jsonl:2", "field 'text' is int, not a string"),
        ("in.jsonl:3", "not valid JSON: expecting property name enclosed in double quotes at column 2"),
        ("in.jsonl:4", "not a JSON object"),
        ("in.jsonl:6", None),
        ("in.jsonl:7", "not valid JSON: unterminated string starting at column 10"),
    ]


def test_json_errors_give_the_whole_reason_and_where() -> None:
    docs = _read(b'{"text": "tab\there"}\n' + b"[" * 100_000 + b"\n" + b'{"text": "\xff"}\n')
    assert [d.problem for d in docs] == [
        "not valid JSON: invalid control character at column 14",
        "not valid JSON: nested deeper than the parser's limit",
        "not valid JSON: 'utf-8' codec can't decode byte 0xff in position 10: invalid start byte",
    ]


def test_field_names_are_options(jsonl: Callable[..., bytes]) -> None:
    [doc] = _read(
        jsonl({"doc_id": "x", "content": "Body.", "link": "https://a.example/"}),
        Fields("content", "raw", "doc_id", "link"),
    )
    assert (doc.data, doc.name, doc.url) == ("Body.", "in.jsonl:1 (doc_id=x)", "https://a.example/")


def test_an_overlong_line_is_refused_without_losing_the_next(jsonl: Callable[..., bytes]) -> None:
    docs = _read(jsonl({"text": "x" * 5000}, {"text": "short"}), limit=1000)
    assert [d.problem for d in docs] == ["line longer than max_bytes (1000 bytes)", None]
    assert docs[1].data == "short"


def test_a_truncated_gzip_stream_is_reported_where_it_breaks(jsonl: Callable[..., bytes]) -> None:
    packed = gzip.compress(jsonl(*({"text": f"record {i} " * 50} for i in range(200))))
    docs = list(
        read_jsonl(gzip.GzipFile(fileobj=io.BytesIO(packed[: len(packed) // 2])), "in.jsonl.gz", Fields(), 1 << 20)
    )
    assert docs[-1].problem.startswith("stream ends early")
    assert all(d.problem is None for d in docs[:-1]) and len(docs) > 1


def test_a_truncated_gzip_file_gives_every_record_before_the_cut(jsonl: Callable[..., bytes]) -> None:
    """Read as files are (`compression.decompressed`): no buffer's worth of records is lost at the cut."""
    words = ("river", "council", "bridge", "flood", "road", "school", "rain", "wall")
    packed = gzip.compress(jsonl(*({"text": " ".join(words[(i * k) % 8] for k in range(9))} for i in range(20_000))))
    cut = packed[: len(packed) - 40]
    intact = zlib.decompressobj(wbits=31).decompress(cut).count(b"\n")  # every whole line before the cut
    docs = list(read_jsonl(decompressed(io.BytesIO(cut), ".gz"), "in.jsonl.gz", Fields(), 1 << 20))
    assert docs[-1].problem.startswith("stream ends early")
    assert sum(d.problem is None for d in docs) == intact > 19_000


@pytest.mark.parametrize("compress", [False, True])
def test_warc_html_responses_are_documents_and_other_records_are_skipped(
    compress: bool, warc: Callable[[bool], bytes]
) -> None:
    docs = list(read_warc(io.BytesIO(warc(compress)), "crawl.warc", 1 << 20))
    cleanable = [d for d in docs if d.skip is None]
    assert [d.url for d in cleanable] == ["https://news.example/a", "https://news.example/b"]
    assert all(d.kind == "html" and d.record["id"].startswith("<urn:uuid:") for d in cleanable)
    assert cleanable[0].data.startswith(b"<!DOCTYPE html>")
    assert cleanable[0].record["url"] == "https://news.example/a"
    assert sorted(d.skip.split()[0] for d in docs if d.skip) == [
        "metadata",
        "request",
        "request",
        "request",
        "response",
        "warcinfo",
    ]


def test_a_broken_warc_record_is_reported_after_the_good_ones(warc: Callable[[bool], bytes]) -> None:
    broken = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nshort\r\n\r\n"
    docs = list(read_warc(io.BytesIO(warc(False) + broken), "crawl.warc", 1 << 20))
    assert len(docs) == 9
    assert docs[-1].name == "crawl.warc#9"
    assert docs[-1].problem == "unreadable HTTP headers"


def _responses(count: int, compress: bool, *, charset: str = "utf-8") -> list[bytes]:
    """`count` HTML response records, each written alone (so each is its own gzip member)."""
    records = []
    for i in range(count):
        out = io.BytesIO()
        writer = WARCWriter(out, gzip=compress)
        body = f"<html><body><p>Story {i}: {'heavy rain closed the schools ' * 20}</p></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1")
        uri = f"https://news.example/{i}"
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
        records.append(out.getvalue())
    return records


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, as standard input."""

    def __init__(self, data: bytes) -> None:
        self.source = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        return self.source.readinto(buffer)


def _outcomes(data: bytes, *, pipe: bool = False) -> list[tuple[str, str | None]]:
    stream = io.BufferedReader(_Pipe(data)) if pipe else io.BytesIO(data)
    return [(d.name, d.problem or d.skip or d.kind) for d in read_warc(stream, "crawl", 1 << 20)]


@pytest.mark.parametrize("compress", [False, True])
def test_a_huge_warc_header_costs_its_record_only_and_is_read_in_linear_time(compress: bool) -> None:
    huge = b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + b"a" * (64 << 20) + b"\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
    [after] = _responses(1, compress)
    started = time.perf_counter()
    outcomes = _outcomes((gzip.compress(huge, 1) if compress else huge) + after)
    assert time.perf_counter() - started < 2  # warcio alone: 88 s on a 64 MB line
    assert outcomes[0][1].startswith(f"WARC headers longer than {MAX_HEADER_BYTES} bytes; reading resumes at byte ")
    assert outcomes[1:] == [("crawl#2", "html")]


@pytest.mark.parametrize("pipe", [False, True], ids=["file", "pipe"])
def test_a_warc_gz_cut_inside_a_member_keeps_the_records_before_it_and_ends_early(pipe: bool) -> None:
    records = _responses(4, compress=True)
    data = b"".join(records)[: sum(map(len, records[:2])) + len(records[2]) // 2]
    start = sum(map(len, records[:2]))
    assert _outcomes(data, pipe=pipe) == [
        ("crawl#1", "html"),
        ("crawl#2", "html"),
        ("crawl#3", f"stream ends early (truncated: the file ends inside the gzip member at byte {start})"),
    ]


@pytest.mark.parametrize("pipe", [False, True], ids=["file", "pipe"])
def test_a_damaged_gzip_member_costs_its_record_and_reading_resumes_at_the_next(pipe: bool) -> None:
    records = _responses(5, compress=True)
    start = sum(map(len, records[:2]))
    damaged = bytearray(b"".join(records))
    damaged[start + 100 : start + 140] = bytes(40)
    outcomes = _outcomes(bytes(damaged), pipe=pipe)
    assert outcomes[:2] == [("crawl#1", "html"), ("crawl#2", "html")]
    assert outcomes[2][1].startswith(f"bad gzip member at byte {start} (")
    assert outcomes[2][1].endswith(f"; reading resumes at byte {start + len(records[2])}")
    assert outcomes[3:] == [("crawl#4", "html"), ("crawl#5", "html")]


def _with_length(record: bytes, change: int) -> tuple[bytes, int]:
    """The record with its WARC Content-Length changed by `change`, and the new length."""
    length = int(re.search(rb"Content-Length: (\d+)", record).group(1)) + change
    return re.sub(rb"Content-Length: \d+", b"Content-Length: %d" % length, record, count=1), length


def test_a_content_length_past_the_end_is_reported_and_the_records_it_swallowed_are_read() -> None:
    records = _responses(12, compress=False)
    first, length = _with_length(records[0], 10**6)
    data = first + b"".join(records[1:])
    problem = f"truncated: its Content-Length ({length}) runs past the end of the file"
    assert _outcomes(data) == [
        ("crawl#1", f"{problem}; reading resumes at byte {len(first)}"),
        *((f"crawl#{i}", "html") for i in range(2, 13)),
    ]
    # A pipe cannot be read again: the record is reported, and the records it swallowed go with it,
    # as with a stream cut there.
    assert _outcomes(data, pipe=True) == [("crawl#1", f"stream ends early ({problem})")]


@pytest.mark.parametrize("pipe", [False, True], ids=["file", "pipe"])
def test_a_content_length_too_short_is_reported_on_its_record(pipe: bool) -> None:
    records = _responses(3, compress=False)
    second, _ = _with_length(records[1], -100)
    outcomes = _outcomes(records[0] + second + records[2], pipe=pipe)
    assert outcomes[0] == ("crawl#1", "html") and outcomes[2] == ("crawl#3", "html")
    assert outcomes[1][0] == "crawl#2" and "Content-Length" in outcomes[1][1]


@pytest.mark.parametrize("pipe", [False, True], ids=["file", "pipe"])
def test_an_uncompressed_warc_cut_off_reports_its_last_record(pipe: bool) -> None:
    records = _responses(3, compress=False)
    outcomes = _outcomes(b"".join(records)[:-200], pipe=pipe)
    assert outcomes[:2] == [("crawl#1", "html"), ("crawl#2", "html")]
    assert outcomes[2][0] == "crawl#3" and outcomes[2][1].startswith("stream ends early (truncated: its Content-Length")


def test_the_http_charset_of_a_response_is_the_documents_encoding() -> None:
    [record] = _responses(1, compress=True, charset='"ISO-8859-1"')
    [doc] = read_warc(io.BytesIO(record), "crawl", 1 << 20)
    assert doc.encoding == "ISO-8859-1"


def test_a_compressed_http_payload_is_decoded() -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    payload = io.BytesIO(gzip.compress(b"<html><body><p>Story</p></body></html>"))
    writer.write_record(
        writer.create_warc_record("https://news.example/", "response", payload=payload, http_headers=http)
    )
    [doc] = read_warc(io.BytesIO(out.getvalue()), "crawl", 1 << 20)
    assert doc.data == b"<html><body><p>Story</p></body></html>"
