"""WARC files read a record at a time, each response record a Document to clean.

Records are split by this reader itself, gunzipping one member at a time, so a
damaged file costs the damaged record only: each record gets a Document or a
problem that names its number and the damage (truncated, a bad gzip member, a
Content-Length past the end, headers over `MAX_HEADER_BYTES`), and reading goes
on at the next gzip member, or in an uncompressed file at the next line that
opens a record. warcio parses the header blocks (bounded in size, so a header
line of a gigabyte costs its record only, in time linear in its length) and
decodes chunked or compressed payloads.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser

from cleaner.compression import READ_ERRORS
from cleaner.io import STREAM_ENDS_EARLY, Document, describe_error, read_at_most

_CHUNK = 1 << 20
# WARC and HTTP header blocks are a few hundred bytes; a larger one is damage or hostile (warcio's own
# header reader takes time quadratic in a line's length).
MAX_HEADER_BYTES = 64 << 10
_GZIP_MEMBER = b"\x1f\x8b\x08"
_RECORD_LINE = b"\nWARC/"  # where a record starts in an uncompressed WARC: a line opening with "WARC/"
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_WARC_HEADERS = StatusAndHeadersParser(ArcWarcRecordLoader.WARC_TYPES)
_LOADER = ArcWarcRecordLoader()
_TRUNCATED = "truncated"


def read_warc(stream: IO[bytes], name: str, limit: int) -> Iterator[Document]:
    """One Document per WARC record: HTML responses to clean, every other record to skip.

    `stream` is the file as stored (a .warc.gz is gunzipped here, member by member). The output
    record carries the WARC-Record-ID as `id` and the WARC-Target-URI as `url`; the charset of the
    response's HTTP Content-Type goes to the Document's `encoding`. A damaged record (truncated,
    a bad gzip member, a Content-Length past its end, headers over `MAX_HEADER_BYTES`) is reported
    with its number and what is wrong, and reading resumes at the next record (`_WarcFile`).
    """
    number, label = 0, f"{name}#1"
    try:
        warc = _WarcFile(stream)
        while warc.has_more():
            number += 1
            try:
                doc = _from_warc(warc, label, limit)
            except _Damage as damage:
                doc = Document(label, problem=_damage_report(damage, warc.resume()))
            yield doc
            label = f"{name}#{number + 1}"
    except READ_ERRORS as error:  # the file could not be read (not damage in it), or a .warc.zst is cut off
        yield Document(label, problem=f"{STREAM_ENDS_EARLY} ({describe_error(error)})")


def _damage_report(damage: _Damage, resumes: str) -> str:
    """What a damaged record's problem says: where reading resumes, or, for a file cut inside its
    last record, that the stream ends early (its output would lack what the cut took)."""
    if not resumes and str(damage).startswith(_TRUNCATED):
        return f"{STREAM_ENDS_EARLY} ({damage})"
    return f"{damage}{resumes}"


def _from_warc(warc: _WarcFile, label: str, limit: int) -> Document:
    """The Document of the record `warc` is at, read to its end."""
    head = warc.header_block()
    headers = _parse(_WARC_HEADERS.parse, io.BytesIO(head))
    if headers is None:
        raise _Damage("unreadable WARC headers")
    length = headers.get_header("Content-Length", "").strip()
    if not (length.isascii() and length.isdigit()):
        raise _Damage(f"no valid Content-Length ({length!r})")
    warc.begin_block(int(length))
    doc = _response(warc, head, headers, label, limit)
    warc.end_record()
    return doc


def _response(warc: _WarcFile, head: bytes, headers: StatusAndHeaders, label: str, limit: int) -> Document:
    """An HTML response's payload as a Document; any other record skipped, with its type."""
    url = headers.get_header("WARC-Target-URI")
    common = {"url": url, "record": {"id": headers.get_header("WARC-Record-ID"), "url": url}}
    kind = headers.get_header("WARC-Type") or "record without WARC-Type"
    if kind != "response":
        return Document(label, skip=kind, **common)
    start = warc.read_block(MAX_HEADER_BYTES)
    record = _parse(_LOADER.parse_record_stream, io.BytesIO(head + start), known_format="warc")
    if record is None:
        return Document(label, problem="unreadable HTTP headers", **common)
    http = record.http_headers
    if http and warc.block_left and not _HEADER_END.search(start):
        return Document(label, problem=f"HTTP headers longer than {MAX_HEADER_BYTES} bytes", **common)
    content_type = http.get_header("Content-Type", "") if http else ""
    if "html" not in content_type.lower():
        return Document(label, skip=f"response {content_type}".strip(), **common)
    if len(start) + warc.block_left - http.total_len > limit:
        return Document(label, problem=f"larger than max_bytes ({limit} bytes)", **common)
    block = head + start + warc.read_block(warc.block_left)
    record = _parse(_LOADER.parse_record_stream, io.BytesIO(block), known_format="warc")
    data = _parse(lambda: read_at_most(record.content_stream(), limit + 1)) if record else None
    if data is None:
        return Document(label, problem="unreadable HTTP response (bad chunked or compressed payload)", **common)
    if len(data) > limit:
        return Document(label, problem=f"larger than max_bytes ({limit} bytes)", **common)
    charset = _CHARSET.search(content_type)
    return Document(label, kind="html", data=data, encoding=charset.group(1) if charset else None, **common)


def _parse(read: Any, *args: Any, **kwargs: Any) -> Any:
    """What a warcio reader makes of bytes already in memory, or None where it fails: on hostile input
    it raises many kinds (even AttributeError)."""
    try:
        return read(*args, **kwargs)
    except Exception:
        return None


class _Damage(Exception):
    """A record that cannot be read as its headers describe it: reported, then reading resumes after it."""


class _WarcFile:
    """A WARC file's bytes, record by record; a .warc.gz gunzipped one member at a time.

    Each record of a standard .warc.gz is a gzip member of its own, so damage costs one record:
    reading resumes at the next member header. An uncompressed WARC resumes at the next line that
    opens a record. Resuming rescans from just past the start of the damaged member or record where
    the file can seek (a file), else from where reading stopped (a pipe). So that no rescan goes
    over the same bytes twice, a record of a seekable uncompressed file is checked to end where
    the next one starts before its block is read.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.seekable = _seekable(raw)
        self.offset = raw.tell() if self.seekable else 0  # the file offset of pending[0]
        self.pending = raw.read(_CHUNK)  # bytes read from the file and not yet used
        self.gzip = self.pending.startswith(_GZIP_MEMBER)
        self.size = _size(raw, self.offset + len(self.pending)) if self.seekable and not self.gzip else None
        self.inflate: Any = None  # the current gzip member's decompressor
        self.data = b""  # bytes of the current member (gunzipped) not yet used
        self.start = self.offset  # the file offset of the current record (or of its gzip member)
        self.length = self.block_left = 0

    def has_more(self) -> bool:
        """Whether a record (or damage) is left to read."""
        if self.gzip:
            return self.inflate is not None or bool(self._pending())
        self._skip_blank_lines()
        return bool(self.data)

    def header_block(self) -> bytes:
        """The next record's WARC headers, up to the blank line that ends them."""
        if self.gzip and self.inflate is None:
            self.start, self.inflate = self.offset, zlib.decompressobj(wbits=31)
        self._skip_blank_lines()
        if not self.gzip:
            self.start = self.offset - len(self.data)
        self._fill(5)
        if not self.data.startswith(b"WARC/"):
            raise _Damage(f"no WARC record at byte {self.start}")
        searched = 0
        while not (end := _HEADER_END.search(self.data, max(searched - 3, 0))):
            searched = len(self.data)
            if searched > MAX_HEADER_BYTES:
                raise _Damage(f"WARC headers longer than {MAX_HEADER_BYTES} bytes")
            if not self._fill(searched + 1):
                raise _Damage(f"{_TRUNCATED}: the {self._unit} ends inside the record's headers")
        if end.end() > MAX_HEADER_BYTES:
            raise _Damage(f"WARC headers longer than {MAX_HEADER_BYTES} bytes")
        head, self.data = self.data[: end.end()], self.data[end.end() :]
        return head

    def begin_block(self, length: int) -> None:
        self.length = self.block_left = length
        if self.size is None:
            return
        end = self.offset - len(self.data) + length
        if end > self.size:
            raise _Damage(f"{_TRUNCATED}: its Content-Length ({length}) runs past the end of the file")
        if not _opens_record(self._bytes_at(end, 64)):
            raise self._misplaced_end()

    def read_block(self, size: int) -> bytes:
        """Up to `size` bytes of the record's block, as many as it has left."""
        return self._take(min(size, self.block_left), keep=True)

    def end_record(self) -> None:
        """Read past the rest of the block; the next record (or the member's end) must follow."""
        self._take(self.block_left, keep=False)
        self._skip_blank_lines()
        self._fill(5)
        if not _opens_record(self.data[:5]):
            raise self._misplaced_end()
        if self.gzip and not self.data:
            self.inflate = None  # the member is read to its end, checksum included

    def resume(self) -> str:
        """Go on at the next gzip member, or the next line that opens a record, after the damaged one;
        says where, for the damage report."""
        if self.seekable:
            self.raw.seek(self.start + 1)
            self.offset, self.pending = self.start + 1, b""
        else:
            if not self.gzip:
                self.offset, self.pending = self.offset - len(self.data), self.data + self.pending
            self._use(max(self.start + 1 - self.offset, 0))
        self.data, self.inflate, self.block_left = b"", None, 0
        self._scan_to(_GZIP_MEMBER if self.gzip else _RECORD_LINE)
        return f"; reading resumes at byte {self.offset}" if self.pending else ""

    def _scan_to(self, marker: bytes) -> None:
        """Move to the next `marker` in the file (past its newline, for a line), or to the end."""
        while (found := self._pending().find(marker)) < 0:
            self._use(max(len(self.pending) - len(marker) + 1, 0))
            more = self.raw.read(_CHUNK)
            if not more:
                self._use(len(self.pending))
                return
            self.pending += more
        self._use(found + marker.startswith(b"\n"))

    def _misplaced_end(self) -> _Damage:
        return _Damage(f"its Content-Length ({self.length}) does not end where the next record starts")

    @property
    def _unit(self) -> str:
        return f"gzip member at byte {self.start}" if self.gzip else "file"

    def _take(self, size: int, *, keep: bool) -> bytes:
        """The next `size` bytes of the current member (or just skip them); damage where it ends first."""
        parts, wanted = [], size
        while size > 0:
            if not self.data and not self._fill(1):
                raise _Damage(f"{_TRUNCATED}: its Content-Length ({self.length}) runs past the end of the {self._unit}")
            part, self.data = self.data[:size], self.data[size:]
            size -= len(part)
            if keep:
                parts.append(part)
        self.block_left -= wanted
        return b"".join(parts)

    def _skip_blank_lines(self) -> None:
        while self._fill(1):
            self.data = self.data.lstrip(b"\r\n")
            if self.data:
                return

    def _fill(self, size: int) -> bool:
        """At least `size` bytes of the current member in `data`; False where the member ends first."""
        while len(self.data) < size:
            piece = self._more()
            if not piece:
                return False
            self.data += piece
        return True

    def _more(self) -> bytes:
        """The next piece of the current member: raw bytes, or gunzipped ones; b"" at its end."""
        if not self.gzip:
            piece = self._pending()
            self._use(len(piece))
            return piece
        while self.inflate is not None and not self.inflate.eof:
            if not self._pending():
                raise _Damage(f"{_TRUNCATED}: the file ends inside the gzip member at byte {self.start}")
            try:
                piece = self.inflate.decompress(self.pending, _CHUNK)
            except zlib.error as error:
                raise _Damage(f"bad gzip member at byte {self.start} ({error})") from None
            rest = self.inflate.unused_data if self.inflate.eof else self.inflate.unconsumed_tail
            self._use(len(self.pending) - len(rest))
            if piece:
                return piece
        return b""

    def _pending(self) -> bytes:
        if not self.pending:
            self.pending = self.raw.read(_CHUNK)
        return self.pending

    def _use(self, count: int) -> None:
        self.offset, self.pending = self.offset + count, self.pending[count:]

    def _bytes_at(self, offset: int, size: int) -> bytes:
        here = self.raw.tell()
        self.raw.seek(offset)
        found = self.raw.read(size)
        self.raw.seek(here)
        return found


def _opens_record(data: bytes) -> bool:
    """Whether bytes after a block are what ends a record: blank lines, then the next record or nothing."""
    rest = data.lstrip(b"\r\n")
    return not rest or rest.startswith(b"WARC/")


def _size(stream: IO[bytes], position: int) -> int:
    """The size of a seekable file, leaving it at `position`."""
    size = stream.seek(0, io.SEEK_END)
    stream.seek(position)
    return size


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False
