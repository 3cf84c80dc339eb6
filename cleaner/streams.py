"""Record streams: JSONL lines and WARC records turned into Documents, one at a time.

Streams are read lazily so memory stays flat however long they are. A line
that cannot be used becomes a Document with a `problem` naming its line
number, and the stream goes on; a stream that ends early (a truncated gzip)
is reported at the point it broke.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from cleaner.io import Document, Fields, describe_error

_CHUNK = 1 << 20


def read_jsonl(stream: BinaryIO, name: str, fields: Fields, limit: int) -> Iterator[Document]:
    """One Document per non-blank line of a JSONL stream."""
    number = 0
    try:
        for number, line in _lines(stream, limit):
            if line is None:
                yield Document(f"{name}:{number}", problem=f"line longer than max_bytes ({limit} bytes)")
            elif line.strip():
                yield _from_line(line, f"{name}:{number}", fields)
    except (OSError, EOFError, zlib.error) as error:
        yield Document(f"{name}:{number + 1}", problem=f"stream ends early ({describe_error(error)})")


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None in place of a line longer than `limit`, which is skipped unread."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line
            continue
        while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield number, None


def _from_line(line: bytes, label: str, fields: Fields) -> Document:
    try:
        record = json.loads(line)
    except ValueError as error:
        return Document(label, problem=f"not valid JSON ({getattr(error, 'msg', error)})")
    if not isinstance(record, dict):
        return Document(label, problem="not a JSON object")
    return from_record(record, label, fields)


def from_record(record: dict[str, Any], label: str, fields: Fields) -> Document:
    """A Document for one record: its HTML field when it has one, else its text field."""
    record_id = record.get(fields.id)
    url = record.get(fields.url)
    name = f"{label} ({fields.id}={record_id})" if record_id is not None else label
    common = {"record": record, "url": url if isinstance(url, str) else None}
    for key, kind in ((fields.html, "html"), (fields.text, "text")):
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return Document(name, problem=f"field {key!r} is {type(value).__name__}, not a string", **common)
        return Document(name, kind=kind, data=value, **common)
    return Document(name, problem=f"no {fields.text!r} or {fields.html!r} field", **common)


def read_warc(stream: BinaryIO, name: str, limit: int) -> Iterator[Document]:
    """One Document per WARC record: HTML responses to clean, every other record to skip.

    The output record carries the WARC-Record-ID as `id` and the
    WARC-Target-URI as `url`.
    """
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            yield _from_warc(record, f"{name}#{number}", limit)
    except Exception as error:  # warcio raises many kinds (even AttributeError) on hostile input
        yield Document(f"{name}#{number + 1}", problem=f"unreadable WARC record ({describe_error(error)})")


def _from_warc(record: Any, label: str, limit: int) -> Document:
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    url = record.rec_headers.get_header("WARC-Target-URI")
    common = {"url": url, "record": {"id": record_id, "url": url}}
    content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    if record.rec_type != "response" or "html" not in content_type.lower():
        return Document(label, skip=f"{record.rec_type} {content_type}".strip(), **common)
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return Document(label, problem=f"larger than max_bytes ({limit} bytes)", **common)
    return Document(label, kind="html", data=data, **common)
