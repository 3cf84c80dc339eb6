"""Inputs and outputs by name: what a file holds, reading it, the names outputs take.

The rest of the library works on `Source`s and `Document`s; `storage` opens the files (local
or remote) and `compression` undoes gzip and zstandard.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from io import BufferedReader
from pathlib import PurePath
from typing import IO, Any

from cleaner.compression import (
    GZIP,
    READ_ERRORS,
    compression_of,
    decompressed,
    head_of,
    sniffed,
    without_compression,
)
from cleaner.frontends.decode import HALF_CHARACTER
from cleaner.remote import RemotePath
from cleaner.storage import Location, open_file

# Record streams by extension; each may also be compressed ("crawl.warc.gz", "pages.jsonl.zst").
STREAMS = {".jsonl": "jsonl", ".warc": "warc"}
# Documents by extension: text and web pages (whose content tells text from HTML), each also compressed.
# A file without an extension, or a saved URL with a query ("page.php?id=3"), is read too.
DOCUMENTS = frozenset({".txt", ".md", ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"})
STREAM_KINDS = frozenset(STREAMS.values())
# Where Python keeps the bytes of a file name that are no UTF-8 ("surrogateescape").
_UNDECODED = range(0xDC80, 0xDD00)


class DocumentError(Exception):
    """A document that cannot be read or written; the message is shown next to its name."""


# What a stream's reader says where the stream broke off (a cut .gz, a file that is no gzip): the
# records after it are lost, so an output written from it is not whole.
STREAM_ENDS_EARLY = "stream ends early"
# What a piece of a stream lost with the worker that read it says (a Dask shard): its records are
# missing from the stream's output, which is no more whole than a cut stream's.
PIECE_LOST = "piece of the stream lost"


@dataclass(frozen=True, slots=True)
class Fields:
    """Names of the record fields read from JSONL input (`--text-field` etc.), and of the input
    fields left out of the output record (`--drop-field`: the raw page a pipeline no longer needs)."""

    text: str = "text"
    html: str = "html"
    id: str = "id"
    url: str = "url"
    drop: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file, with the path its output takes under `-o`, or stdin (path None).
    `compression` is the suffix of the one its name declares (".gz", ".zst") or None."""

    path: Location | None
    relative: PurePath
    kind: str | None
    compression: str | None = None

    @property
    def name(self) -> str:
        return "-" if self.path is None else str(self.path)

    @property
    def is_stream(self) -> bool:
        return self.kind in STREAM_KINDS


@dataclass(frozen=True, slots=True)
class Document:
    """One unit of work: its content (or the file a worker reads it from) and where it came from.

    `kind` is "text" or "html", or None to let the engine tell from the content.

    `problem` marks a document that is reported as failed without being
    cleaned (a broken JSONL line, an output name already taken); `skip` one
    that is counted and left alone (an existing output, a WARC request).
    `record` is the JSONL or WARC record the document came from, kept whole
    for the output record. `encoding` is the charset its source declares
    outside the bytes themselves (a WARC response's HTTP Content-Type).
    """

    name: str
    kind: str | None = None
    data: str | bytes | None = None
    path: Location | None = None
    compression: str | None = None
    url: str | None = None
    record: dict[str, Any] | None = field(default=None, compare=False)
    output: Location | None = None
    problem: str | None = None
    skip: str | None = None
    encoding: str | None = None


def kind_of(path: PurePath | RemotePath) -> tuple[str | None, str | None] | None:
    """How a file in a folder is read, from its name: (stream kind or None for a document whose
    content tells text from HTML, its compression); None for a file that is not read.

    >>> kind_of(PurePath("a/crawl.WARC.gz")), kind_of(PurePath("page.TXT")), kind_of(PurePath("g.html?id=3"))
    (('warc', '.gz'), (None, None), (None, None))
    >>> kind_of(PurePath("README")), kind_of(PurePath("logo.png")), kind_of(PurePath("site.css.zst"))
    ((None, None), None, None)
    """
    name = path.name.partition("?")[0].lower()  # wget saves "page.php?id=3" under that name
    compression = compression_of(name)
    suffix = os.path.splitext(without_compression(name))[1]
    if suffix in STREAMS:
        return STREAMS[suffix], compression
    if suffix in DOCUMENTS or not (suffix or compression):
        return None, compression
    return None


def read_bytes(path: Location, compression: str | None, limit: int) -> bytes:
    """A file's content (decompressed), refused when larger than `limit` bytes."""
    try:
        with decompressed(open_file(path), compression) as stream:
            return read_limited(stream, limit)
    except READ_ERRORS as error:
        raise DocumentError(f"cannot read: {describe_error(error)}") from error


def read_limited(stream: IO[bytes], limit: int) -> bytes:
    """All of a stream, refused when longer than `limit` bytes (without reading past the limit) or
    when it cannot be read (a cut or damaged .gz or .zst)."""
    try:
        data = read_at_most(stream, limit + 1)
    except READ_ERRORS as error:
        raise DocumentError(f"cannot read: {describe_error(error)}") from error
    if len(data) > limit:
        raise DocumentError(f"larger than max_bytes ({limit} bytes)")
    return data


# What one read asks for: `read(n)` sets aside n bytes first, however short the stream.
_READ_CHUNK = 1 << 20


def read_at_most(stream: IO[bytes], size: int) -> bytes:
    """Up to `size` bytes of a stream, read a chunk at a time: a limit of many gigabytes (a large
    `max_bytes`) costs nothing on a short document."""
    chunks, left = [], size
    while left > 0 and (chunk := stream.read(min(left, _READ_CHUNK))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def open_input(source: Source, stdin: BufferedReader | None) -> IO[bytes]:
    """A binary stream over a source's content, decompressed; a gzipped WARC as stored, since its
    reader gunzips it member by member (`warc.read_warc`)."""
    if source.path is None:
        if stdin is None:
            raise DocumentError("standard input is not read here")
        compression = sniffed(stdin.peek(4)[:4])
        return (
            stdin if compression is None or _left_to_reader(source, compression) else decompressed(stdin, compression)
        )
    compression = None if _left_to_reader(source, source.compression) else source.compression
    try:
        return decompressed(open_file(source.path), compression)
    except OSError as error:
        raise DocumentError(f"cannot read: {describe_error(error)}") from error


def _left_to_reader(source: Source, compression: str | None) -> bool:
    return source.kind == "warc" and compression == GZIP


def sniff_stream(stdin: BufferedReader) -> str | None:
    """The kind of record stream on stdin, "jsonl" or "warc" (compression looked through); None for one document.

    A JSONL stream opens on an object's key: a text that opens on a brace (wiki markup's "{{", code) is one document.
    """
    head = stdin.peek(4096)[:4096]
    start = head_of(head, sniffed(head), 4096).removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"{") and start[1:].lstrip()[:1] in (b'"', b"}", b""):  # an object, not "{{Infobox" or "{ x }"
        return "jsonl"
    return "warc" if start.startswith(b"WARC/") else None


def utf8(text: str) -> bytes:
    """The text in UTF-8, half a character (a lone surrogate: a JSON escape gave it, or a file
    name's byte that was no UTF-8) written as U+FFFD: the one thing a str may hold that UTF-8 cannot.

    >>> utf8("half \\ud800")
    b'half \\xef\\xbf\\xbd'
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return HALF_CHARACTER.sub("\ufffd", text).encode("utf-8")


def shown(text: str) -> str:
    """A name or a reason as one line of a terminal or of a tab-separated file shows it: tabs, line
    breaks and other control characters escaped, a file name's byte that was no UTF-8 as "\\xff".

    >>> print(shown("a\\tb\\x1b[2J"))
    a\\tb\\x1b[2J
    """
    return text if text.isprintable() else "".join(map(_shown, text))


def _shown(char: str) -> str:
    if char.isprintable():
        return char
    if ord(char) in _UNDECODED:
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char.encode("unicode_escape").decode("ascii")


def describe_error(error: BaseException) -> str:
    """An I/O error as a short reason: "No such file or directory", "Not a gzipped file (b'ab')"."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def output_name(source: Source, format_suffix: str) -> PurePath:
    """The output path of a source, relative to the output folder.

    Streams give JSONL (compressed as their input was); documents take the
    output format's suffix in place of their own.

    >>> str(output_name(Source(None, PurePath("a/page.html.gz"), "html", ".gz"), ".json"))
    'a/page.json'
    >>> str(output_name(Source(None, PurePath("crawl.warc.zst"), "warc", ".zst"), ".txt"))
    'crawl.jsonl.zst'
    """
    name = source.relative.name
    if source.compression and name.lower().endswith(source.compression):
        name = name[: -len(source.compression)]
    stem, suffix = os.path.splitext(name)
    if suffix.lower() in DOCUMENTS or suffix.lower() in STREAMS:
        name = stem
    stream = ".jsonl" + (source.compression or "")
    return source.relative.with_name(name + (stream if source.is_stream else format_suffix))
