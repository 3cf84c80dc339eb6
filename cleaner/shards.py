"""Stream files in pieces that workers read themselves, so only where to read travels to them.

A piece is a whole file, or, for a large uncompressed JSONL file, a byte range of fixed size
that holds the lines starting in it (the last one read through its end, past the range). The
planner needs only the file's size: it reads none of the file, which may be on a remote store.
The number of a piece's first line is the number of newlines before it, which workers count
in parallel, a piece each (`newlines`), and a chain of small sums hands on (`planned`); so a
piece's records are named `file:line` as a reading of the whole file names them. A compressed
file cannot be entered in the middle, and a WARC is read whole too.
"""

from __future__ import annotations

import io
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from cleaner.compression import READ_ERRORS
from cleaner.io import Document, DocumentError, Fields, Source, open_input
from cleaner.streams import documents, read_jsonl

_SCAN = 8 << 20
_UNREADABLE: tuple[type[BaseException], ...] = (DocumentError, *READ_ERRORS)


@dataclass(frozen=True, slots=True)
class Shard:
    """A piece of a stream file: the lines that start in bytes `start` to `end` (None: to the end)."""

    source: Source
    start: int = 0
    end: int | None = None

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end is None

    @property
    def name(self) -> str:
        return self.source.name if self.whole else f"{self.source.name} (bytes {self.start}-{self.end or 'end'})"


def shards_of(source: Source, size: int) -> list[Shard]:
    """A stream file in pieces of `size` bytes (the last may be smaller): an uncompressed JSONL
    file larger than `size` is cut, anything else is one piece. A file that cannot be opened
    here is one piece too, whose reader reports why."""
    if source.kind != "jsonl" or source.compression is not None or source.path is None:
        return [Shard(source)]
    try:
        with open_input(source, None) as stream:
            total = stream.seek(0, io.SEEK_END)
    except _UNREADABLE:
        return [Shard(source)]
    if total <= size:
        return [Shard(source)]
    starts = range(0, total, size)
    return [Shard(source, start, start + size if start + size < total else None) for start in starts]


def planned(source: Source, size: int, defer: Callable[..., Any]) -> list[tuple[Shard, Any]]:
    """Each piece of a file with the number of newlines before it: 0 for the first, for the others
    a deferred sum (`defer(fn, *args)` runs `fn` where the pieces are read, as `client.submit` or
    `dask.delayed` do) of the newlines counted in the pieces before it, all counted at once."""
    pieces = shards_of(source, size)
    before: list[Any] = [0]
    for piece in pieces[:-1]:
        before.append(defer(operator.add, before[-1], defer(newlines, piece)))
    return list(zip(pieces, before, strict=True))


def newlines(shard: Shard) -> int:
    """How many newlines a piece's byte range holds; 0 when it cannot be read (its reader says why)."""
    count = 0
    try:
        with open_input(shard.source, None) as stream:
            stream.seek(shard.start)
            left = -1 if shard.end is None else shard.end - shard.start
            while left and (chunk := stream.read(_SCAN if left < 0 else min(_SCAN, left))):
                count += chunk.count(b"\n")
                left -= len(chunk) if left > 0 else 0
    except _UNREADABLE:
        return 0
    return count


def shard_documents(shard: Shard, fields: Fields, max_bytes: int, lines_before: int = 0) -> Iterator[Document]:
    """The documents of a piece, read where this runs (a worker); `lines_before` is the number of
    newlines in the file before the piece's range."""
    if shard.whole:
        yield from documents(shard.source, fields, max_bytes, None)
        return
    try:
        stream = open_input(shard.source, None)
    except DocumentError as error:
        yield Document(shard.name, problem=str(error))
        return
    with stream:
        first = _first_line_start(stream, shard.start)
        number = lines_before + 1 + (first > shard.start)  # a skipped line's newline lies in the range
        if shard.end is not None and first >= shard.end:
            return  # one line crosses the whole range: the piece before reads it
        piece = stream if shard.end is None else io.BufferedReader(_ThroughLine(stream, shard.end - first))
        yield from read_jsonl(piece, shard.source.name, fields, max_bytes, number)


def _first_line_start(stream: IO[bytes], start: int) -> int:
    """Leave the stream at the first line that starts at or after `start`, and say where that is."""
    if start == 0:
        return 0
    position = stream.seek(start - 1)
    while part := stream.readline(_SCAN):
        position += len(part)
        if part.endswith(b"\n"):
            break
    return position


class _ThroughLine(io.RawIOBase):
    """The next `size` bytes of a stream, then on to the end of the line they stop in."""

    def __init__(self, stream: IO[bytes], size: int) -> None:
        self.stream, self.left, self.done = stream, size, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.done:
            return 0
        data = self.stream.read(min(len(buffer), self.left) if self.left else len(buffer))
        if self.left:
            self.left -= len(data)
            self.done = not data or (not self.left and data.endswith(b"\n"))
        else:
            cut = data.find(b"\n")
            data, self.done = (data[: cut + 1], True) if cut >= 0 else (data, not data)
        buffer[: len(data)] = data
        return len(data)
