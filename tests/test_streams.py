"""JSONL and WARC streams turned into documents, one record at a time."""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable

import pytest

from cleaner.io import Fields
from cleaner.streams import read_jsonl, read_warc


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
        ("in.jsonl:3", "not valid JSON (Expecting property name enclosed in double quotes)"),
        ("in.jsonl:4", "not a JSON object"),
        ("in.jsonl:6", None),
        ("in.jsonl:7", "not valid JSON (Unterminated string starting at)"),
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
    assert docs[-1].problem is not None and docs[-1].problem.startswith("unreadable WARC record")
