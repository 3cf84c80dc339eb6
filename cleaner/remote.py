"""Files in object storage and other fsspec file systems: `s3://`, `gs://`, `hf://`, `memory://`...

The only module that imports fsspec (`pip install 'article-cleaner[cloud]'`); each scheme's own
library (s3fs, gcsfs, huggingface_hub) is the user's to install, and finds its credentials as it
always does (environment, config files; fsspec's own config for options such as an endpoint).

An output is written under a temporary name in its folder and moved into place when complete:
on stores with folders (memory, SFTP, HDFS) the move is a rename; on object stores (S3, GCS,
Hugging Face) a copy on the server and a delete, and an object appears whole or not at all. So
no reader ever sees half an output; an interrupted write removes its temporary object.
"""

from __future__ import annotations

import contextlib
import io
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath
from typing import IO, Any

_SCHEME = re.compile(r"(?<![\w+.-])[a-zA-Z][\w+.-]*+://")
_GLOB_CHARS = frozenset("*?[")
_BLOCK = 8 << 20


class StorageError(Exception):
    """A remote location that cannot be used here: fsspec or the scheme's library is missing, or
    the scheme is unknown."""


def is_remote(name: str) -> bool:
    """Whether a command-line path names a file system by its scheme.

    >>> is_remote("s3://bucket/crawl/"), is_remote("hf://datasets/org/set/a.jsonl"), is_remote("crawl/a.jsonl")
    (True, True, False)
    """
    return _SCHEME.match(name) is not None


@dataclass(frozen=True, slots=True)
class RemotePath:
    """A file or folder on an fsspec file system: what `pathlib.Path` is for a local one.

    `path` is the name the file system gives it ("bucket/crawl/a.warc.gz"), so that names
    listed by the store and names typed compare equal.
    """

    protocol: str
    path: PurePosixPath

    def __str__(self) -> str:
        return f"{self.protocol}://{self.path}"

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def suffix(self) -> str:
        return self.path.suffix

    @property
    def suffixes(self) -> list[str]:
        return self.path.suffixes

    @property
    def parent(self) -> RemotePath:
        return RemotePath(self.protocol, self.path.parent)

    def __truediv__(self, relative: str | PurePath) -> RemotePath:
        return RemotePath(self.protocol, self.path / relative)

    def relative_to(self, folder: RemotePath) -> PurePosixPath:
        return self.path.relative_to(folder.path)


def remote_path(url: str) -> RemotePath:
    """The RemotePath a URL names; a StorageError when its file system cannot be used here."""
    _, path = _file_system(url)
    return RemotePath(url.partition("://")[0], PurePosixPath(path))


def exists(location: RemotePath) -> bool:
    return _fs(location).exists(str(location))


def is_dir(location: RemotePath) -> bool:
    return _fs(location).isdir(str(location))


def glob(pattern: str) -> tuple[RemotePath, list[RemotePath]]:
    """The folder a glob pattern starts from (its parts before the first wildcard) and what it matches."""
    fs, _ = _file_system(pattern)
    scheme, _, rest = pattern.partition("://")
    parts = rest.split("/")
    root = remote_path(f"{scheme}://" + "/".join(parts[: next(i for i, p in enumerate(parts) if _GLOB_CHARS & set(p))]))
    return root, [RemotePath(root.protocol, PurePosixPath(found)) for found in sorted(fs.glob(pattern))]


def files_below(folder: RemotePath) -> list[RemotePath]:
    """Every file below a folder, in the order a local walk takes: a folder's files, then its folders."""
    found = [RemotePath(folder.protocol, PurePosixPath(name)) for name in _fs(folder).find(str(folder))]
    return sorted(found, key=lambda file: _walk_order(file.relative_to(folder)))


def _walk_order(relative: PurePosixPath) -> list[tuple[int, str]]:
    """>>> sorted(["b/c.txt", "z.txt", "a.txt"], key=lambda p: _walk_order(PurePosixPath(p)))
    ['a.txt', 'z.txt', 'b/c.txt']
    """
    return [(1, part) for part in relative.parts[:-1]] + [(0, relative.name)]


def open_file(location: RemotePath) -> IO[bytes]:
    """A remote file open for reading, buffered (and seekable) as a local one."""
    try:
        return io.BufferedReader(_fs(location).open(str(location), "rb", block_size=_BLOCK), _BLOCK)
    except OSError:
        raise
    except Exception as error:  # a store's own errors (a refused request, a timeout) read as I/O errors
        raise OSError(f"{type(error).__name__}: {error}") from error


def probe_writable(location: RemotePath) -> str | None:
    """Why a file could not be written at `location`, or None: a small temporary file is written
    beside it and removed."""
    probe = location.parent / f".cleaner-probe-{secrets.token_hex(6)}.tmp"
    try:
        fs = _fs(probe)
        fs.pipe_file(str(probe), b"")
        fs.rm_file(str(probe))
    except Exception as error:
        return f"cannot write in {location.parent}: {type(error).__name__}: {error}"
    return None


@contextlib.contextmanager
def atomic_writer(location: RemotePath) -> Iterator[IO[bytes]]:
    """Write `location` under a temporary name beside it, moved into place when the block ends
    without an exception; on one, the temporary file is removed and the target left as it was."""
    fs = _fs(location)
    temp = location.parent / f".{location.name}.{secrets.token_hex(6)}.tmp"
    try:
        with _store_errors():
            raw = fs.open(str(temp), "wb", block_size=_BLOCK)
        with raw:
            yield raw
        with _store_errors():
            fs.mv(str(temp), str(location))
    except BaseException:
        with contextlib.suppress(Exception):
            fs.rm_file(str(temp))
        raise


@contextlib.contextmanager
def _store_errors() -> Iterator[None]:
    """A store's own exceptions as OSError, which the run reports as a failed write."""
    try:
        yield
    except OSError:
        raise
    except Exception as error:
        raise OSError(f"{type(error).__name__}: {error}") from error


def _fs(location: RemotePath) -> Any:
    return _file_system(str(location))[0]


def _file_system(url: str) -> tuple[Any, str]:
    """fsspec's file system for a URL (instances are cached by fsspec) and the path on it."""
    try:
        from fsspec.core import url_to_fs
    except ImportError as error:
        raise StorageError(
            f"{url.partition('://')[0]}:// paths need fsspec: pip install 'article-cleaner[cloud]'"
        ) from error
    try:
        return url_to_fs(url)
    except ImportError as error:  # fsspec names the library the scheme needs ("Install s3fs to access S3")
        raise StorageError(str(error)) from error
    except ValueError as error:  # "Protocol not known: ..."
        raise StorageError(str(error)) from error
