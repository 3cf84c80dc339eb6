"""Record streams: JSONL lines and WARC records (`warc.py`) turned into Documents, one at a time.

Streams are read lazily so memory stays flat however long they are. A line
or record that cannot be used becomes a Document with a `problem` naming its
line or record number, and the stream goes on; a stream that ends early (a
truncated gzip) is reported at the point it broke.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from io import BufferedReader
from typing import IO, Any

from cleaner.compression import READ_ERRORS
from cleaner.io import (
    STREAM_ENDS_EARLY,
    Document,
    DocumentError,
    Fields,
    Source,
    describe_error,
    open_input,
    read_limited,
)
from cleaner.storage import Location

# A long line past the size limit is skipped this much at a time.
_CHUNK = 1 << 20


def read_jsonl(stream: IO[bytes], name: str, fields: Fields, limit: int, first_line: int = 1) -> Iterator[Document]:
    """One Document per non-blank line of a JSONL stream; `first_line` is the number of the line the
    stream starts at (a piece of a file read on its own, `shards`)."""
    number = first_line - 1
    try:
        for number, line in _lines(stream, limit, first_line):
            if line is None:
                yield Document(f"{name}:{number}", problem=f"line longer than max_bytes ({limit} bytes)")
            elif line.strip():
                yield _from_line(line, f"{name}:{number}", fields)
    except READ_ERRORS as error:
        yield Document(f"{name}:{number + 1}", problem=f"{STREAM_ENDS_EARLY} ({describe_error(error)})")


def _lines(stream: IO[bytes], limit: int, first: int) -> Iterator[tuple[int, bytes | None]]:
    """Lines numbered from `first`; None in place of a line longer than `limit`, which is skipped unread."""
    number = first - 1
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
        return Document(label, problem=f"not valid JSON: {_json_reason(error)}")
    except RecursionError:
        return Document(label, problem="not valid JSON: nested deeper than the parser's limit")
    if not isinstance(record, dict):
        return Document(label, problem="not a JSON object")
    return from_record(record, label, fields)


def _json_reason(error: ValueError) -> str:
    """Why a line is not JSON, with the column where it breaks: json's own message ends in "at".

    >>> _json_reason(json.JSONDecodeError("Invalid control character at", '{"a": "\t"}', 7))
    'invalid control character at column 8'
    """
    if not isinstance(error, json.JSONDecodeError):
        return str(error)  # bytes that are not UTF-8
    reason = error.msg.removesuffix(" at")
    return f"{reason[:1].lower()}{reason[1:]} at column {error.colno}"


def from_record(record: dict[str, Any], label: str, fields: Fields) -> Document:
    """A Document for one record: its HTML field when it has one (and it is not blank where the
    record has a text field too), else its text field."""
    record_id = record.get(fields.id)
    url = record.get(fields.url)
    name = f"{label} ({fields.id}={record_id})" if record_id is not None else label
    url = url if isinstance(url, str) else None
    for key, kind in ((fields.html, "html"), (fields.text, "text")):
        value = record.get(key)
        if value is None or (kind == "html" and isinstance(value, str) and not value.strip() and fields.text in record):
            continue  # no page, or an empty one beside the text: the text is the document
        if not isinstance(value, str):
            problem = f"field {key!r} is {type(value).__name__}, not a string"
            return Document(name, problem=problem, record=record, url=url)
        return Document(name, kind=kind, data=value, record=record, url=url)
    return Document(name, problem=f"no {fields.text!r} or {fields.html!r} field", record=record, url=url)


def documents(
    source: Source, fields: Fields, max_bytes: int, stdin: BufferedReader | None, output: Location | None = None
) -> Iterator[Document]:
    """The documents of one source, lazily: its records for a stream, else the source itself
    (read here only for stdin; a file is read by whoever cleans it)."""
    if source.path is not None and not source.is_stream:
        yield Document(source.name, source.kind, path=source.path, compression=source.compression, output=output)
        return
    try:
        stream = open_input(source, stdin)  # stdin is None only for sources that are files
    except DocumentError as error:
        yield Document(source.name, problem=str(error), output=output)
        return
    with stream:
        if source.is_stream:
            yield from records(stream, source, fields, max_bytes)
            return
        try:
            data = read_limited(stream, max_bytes)
        except DocumentError as error:
            yield Document(source.name, problem=str(error), output=output)
        else:
            yield Document(source.name, source.kind, data=data, output=output)


def records(stream: IO[bytes], source: Source, fields: Fields, max_bytes: int) -> Iterator[Document]:
    if source.kind == "jsonl":
        return read_jsonl(stream, source.name, fields, max_bytes)
    from cleaner.warc import read_warc  # warcio loads only for a WARC: every run's start-up pays for what it imports

    return read_warc(stream, source.name, max_bytes)
