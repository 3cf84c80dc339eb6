"""Files in and out: finding inputs, reading them, naming outputs, writing atomically.

Everything that touches the file system for a run lives here, so the rest of
the library works on `Document`s and strings. Inputs are only ever opened for
reading; an output is written to a temporary file in its own folder and
renamed over the target, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import gzip
import os
import secrets
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BufferedIOBase, BufferedReader
from pathlib import Path, PurePath
from typing import Any

# Record streams by extension; each may also be gzip-compressed ("crawl.warc.gz").
STREAMS = {".jsonl": "jsonl", ".warc": "warc"}
# Documents by extension: text and web pages (whose content tells text from HTML), each also gzipped.
# A file without an extension, or a saved URL with a query ("page.php?id=3"), is read too.
DOCUMENTS = frozenset({".txt", ".md", ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"})
STREAM_KINDS = frozenset(STREAMS.values())
_GZIP_MAGIC = b"\x1f\x8b"


class DocumentError(Exception):
    """A document that cannot be read or written; the message is shown next to its name."""


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
    """One input: a file, with the path its output takes under `-o`, or stdin (path None)."""

    path: Path | None
    relative: PurePath
    kind: str | None
    compressed: bool = False

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
    path: Path | None = None
    compressed: bool = False
    url: str | None = None
    record: dict[str, Any] | None = field(default=None, compare=False)
    output: Path | None = None
    problem: str | None = None
    skip: str | None = None
    encoding: str | None = None


def kind_of(path: PurePath) -> tuple[str | None, bool] | None:
    """How a file in a folder is read, from its name: (stream kind or None for a document whose
    content tells text from HTML, whether it is gzipped); None for a file that is not read.

    >>> kind_of(PurePath("a/crawl.WARC.gz")), kind_of(PurePath("page.TXT")), kind_of(PurePath("g.html?id=3"))
    (('warc', True), (None, False), (None, False))
    >>> kind_of(PurePath("README")), kind_of(PurePath("logo.png")), kind_of(PurePath("site.css.gz"))
    ((None, False), None, None)
    """
    name = path.name.partition("?")[0].lower()  # wget saves "page.php?id=3" under that name
    compressed = name.endswith(".gz")
    suffix = os.path.splitext(name.removesuffix(".gz") if compressed else name)[1]
    if suffix in STREAMS:
        return STREAMS[suffix], compressed
    if suffix in DOCUMENTS or not (suffix or compressed):
        return None, compressed
    return None


def resolved(path: Path) -> Path:
    """The absolute path with symlinks followed; unlike `Path.resolve`, a symlink loop is no error."""
    return Path(os.path.realpath(path))


def read_bytes(path: Path, compressed: bool, limit: int) -> bytes:
    """A file's content (gunzipped when compressed), refused when larger than `limit` bytes."""
    try:
        with _open(path, compressed) as stream:
            return read_limited(stream, limit)
    except (OSError, EOFError, zlib.error) as error:
        raise DocumentError(f"cannot read: {describe_error(error)}") from error


def read_limited(stream: BufferedIOBase, limit: int) -> bytes:
    """All of a stream, refused when longer than `limit` bytes (without reading past the limit)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise DocumentError(f"larger than max_bytes ({limit} bytes)")
    return data


def open_input(source: Source, stdin: BufferedReader | None) -> BufferedIOBase:
    """A binary stream over a source's content, gunzipped when compressed; a WARC as stored, since
    its reader gunzips it member by member (`warc.read_warc`)."""
    gunzip = source.kind != "warc"
    if source.path is None:
        if stdin is None:
            raise DocumentError("standard input is not read here")
        return gzip.GzipFile(fileobj=stdin) if gunzip and stdin.peek(2)[:2] == _GZIP_MAGIC else stdin
    try:
        return _open(source.path, source.compressed and gunzip)
    except OSError as error:
        raise DocumentError(f"cannot read: {describe_error(error)}") from error


def sniff_stream(stdin: BufferedReader) -> str | None:
    """The kind of record stream on stdin, "jsonl" or "warc" (gzip looked through); None for one document."""
    head = stdin.peek(4096)[:4096]
    if head[:2] == _GZIP_MAGIC:
        head = zlib.decompressobj(wbits=31).decompress(head, 4096)
    start = head.lstrip()[:5]
    if start.startswith(b"{"):
        return "jsonl"
    return "warc" if start == b"WARC/" else None


def _open(path: Path, compressed: bool) -> BufferedIOBase:
    """Open a regular file for reading; anything else fails at once instead of blocking the run."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DocumentError("not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        raw = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return _GzipReader(raw) if compressed else raw


class _GzipReader(gzip.GzipFile):
    """A gzip stream that closes the file under it when it is closed."""

    def __init__(self, raw: BufferedIOBase) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def describe_error(error: BaseException) -> str:
    """An I/O error as a short reason: "No such file or directory", "Not a gzipped file (b'ab')"."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def output_name(source: Source, format_suffix: str) -> PurePath:
    """The output path of a source, relative to the output folder.

    Streams give JSONL (gzipped when their input was); documents take the
    output format's suffix in place of their own.

    >>> str(output_name(Source(Path("x"), PurePath("a/page.html.gz"), "html", True), ".json"))
    'a/page.json'
    >>> str(output_name(Source(Path("x"), PurePath("crawl.warc.gz"), "warc", True), ".txt"))
    'crawl.jsonl.gz'
    """
    name = source.relative.name
    if source.compressed and name.lower().endswith(".gz"):
        name = name[:-3]
    stem, suffix = os.path.splitext(name)
    if suffix.lower() in DOCUMENTS or suffix.lower() in STREAMS:
        name = stem
    stream = ".jsonl.gz" if source.compressed else ".jsonl"
    return source.relative.with_name(name + (stream if source.is_stream else format_suffix))


def probe_writable(path: Path) -> str | None:
    """Why a file could not be written at `path`, or None when it could: checked before a run
    by creating (and removing) a file in the nearest folder that exists on its way."""
    if path.is_dir():
        return "is a folder"
    folder = path.parent
    while not folder.exists():
        if folder == folder.parent:
            break
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a folder"
    probe = folder / f".cleaner-probe-{secrets.token_hex(6)}.tmp"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as error:
        return f"cannot write in {folder}: {describe_error(error)}"
    probe.unlink(missing_ok=True)
    return None


@contextmanager
def atomic_writer(path: Path, *, compress: bool = False) -> Iterator[BufferedIOBase]:
    """Write `path` through a temporary file in the same folder, renamed into place on success.

    On any exception (Ctrl-C included) the temporary file is removed and the
    target is left as it was. A file that replaces another reaches the disk
    before the rename, so a crash cannot leave an empty file where a good one
    was; a new one is not flushed (a crash loses nothing the input cannot give
    again), which spares a disk flush per document. Gzip output has no
    timestamp, so equal input gives byte-identical files.
    """
    replacing = path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Named before it exists, so an interrupt at any point after it is created still removes it;
    # created with the umask's permissions, as any new file.
    temp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        with os.fdopen(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as raw:
            if compress:
                with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
                    yield packed
            else:
                yield raw
            if replacing:
                raw.flush()
                os.fsync(raw.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_writer(path) as out:
        out.write(data)
