"""Compressed files: gzip and zstandard, told by the file's name (on stdin, by its first bytes).

A compression is named by its suffix, ".gz" or ".zst", so that an output keeps its input's
(`crawl.warc.zst` gives `crawl.jsonl.zst`). zstandard is the standard library's
`compression.zstd` from Python 3.14, and `backports.zstd` before it (`pip install
'article-cleaner[zstd]'`): unlike the `zstandard` package's reader, it reports a file cut off
inside a frame (EOFError, as gzip does) instead of ending quietly where the data stops.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

try:
    from compression import zstd  # type: ignore[import-not-found,unused-ignore]
except ImportError:
    try:
        from backports import zstd  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ImportError:
        zstd = None

GZIP, ZSTD = ".gz", ".zst"
_MAGIC = {GZIP: b"\x1f\x8b", ZSTD: b"\x28\xb5\x2f\xfd"}
_CHUNK = 1 << 20
# What reading a damaged compressed file raises besides OSError: a truncated stream, bad data.
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error) + ((zstd.ZstdError,) if zstd else ())


def compression_of(name: str) -> str | None:
    """The compression a file's name declares.

    >>> compression_of("crawl.WARC.gz"), compression_of("a.jsonl.zst"), compression_of("page.html")
    ('.gz', '.zst', None)
    """
    lowered = name.lower()
    return next((suffix for suffix in _MAGIC if lowered.endswith(suffix)), None)


def without_compression(name: str) -> str:
    """>>> without_compression("a/crawl.warc.gz"), without_compression("page.html")
    ('a/crawl.warc', 'page.html')
    """
    suffix = compression_of(name)
    return name[: -len(suffix)] if suffix else name


def unavailable(compression: str | None) -> str | None:
    """Why files with this compression cannot be read or written here, or None when they can."""
    if compression == ZSTD and zstd is None:
        return "zstandard (.zst) needs Python 3.14 or backports.zstd: pip install 'article-cleaner[zstd]'"
    return None


def sniffed(head: bytes) -> str | None:
    """The compression a stream's first bytes show (stdin has no name to tell it)."""
    return next((suffix for suffix, magic in _MAGIC.items() if head.startswith(magic)), None)


def head_of(head: bytes, compression: str | None, size: int) -> bytes:
    """Up to `size` bytes of what the start of a compressed stream holds, however little of it there is."""
    if compression == GZIP:
        return zlib.decompressobj(wbits=31).decompress(head, size)
    if compression == ZSTD and zstd is not None:
        try:
            return zstd.ZstdDecompressor().decompress(head, max_length=size)
        except zstd.ZstdError:
            return b""
    return head


def decompressed(raw: IO[bytes], compression: str | None) -> IO[bytes]:
    """The decompressed content of a file open for reading; closing it closes the file too."""
    if compression is None:
        return raw
    if problem := unavailable(compression):
        raw.close()
        raise OSError(problem)
    reader = gzip.GzipFile(fileobj=raw, mode="rb") if compression == GZIP else zstd.ZstdFile(raw, mode="rb")
    return io.BufferedReader(_Decompressed(reader, raw), _CHUNK)


@contextmanager
def compressed(raw: IO[bytes], compression: str | None) -> Iterator[IO[bytes]]:
    """A writer compressing into `raw`, finished (not closed) on leaving. Gzip output has no
    timestamp, so equal input gives byte-identical files."""
    if compression is None:
        yield raw
        return
    if problem := unavailable(compression):
        raise OSError(problem)
    writer: Any = (
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if compression == GZIP else zstd.ZstdFile(raw, "wb")
    )
    with writer:
        yield writer


class _Decompressed(io.RawIOBase):
    """A decompressing reader over a file it owns: closing one closes both."""

    def __init__(self, reader: Any, raw: IO[bytes]) -> None:
        self.reader, self.raw = reader, raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        """What one step of decompression gives: a file cut off raises only once every byte
        before the cut was handed on (a read of the whole buffer loses its part read so far)."""
        data = self.reader.read1(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self.reader.close()
        finally:
            self.raw.close()
            super().close()
