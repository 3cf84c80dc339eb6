"""Where files live: local paths and fsspec URLs behind one set of functions.

A `Location` is a local `Path` or a `RemotePath` (`s3://bucket/crawl/a.warc.gz`, see `remote`);
the rest of the library opens, checks and writes files only through here. Inputs are only ever
opened for reading, and only regular files (a FIFO or a device could block a run forever). An
output is written to a temporary file in its own folder and renamed over the target (moved, on
a remote store), compressed as its name says, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from cleaner import remote
from cleaner.compression import compressed, compression_of
from cleaner.remote import RemotePath, is_remote

Location = Path | RemotePath
# A temporary file is named after its target, cut to this many characters: with the marks around
# it, its name stays within any file system's limit (255 bytes) when the target's does.
_TEMP_NAME_CHARS = 48
# A file name's longest, where the file system does not say (255 bytes on all common ones).
_NAME_MAX = 255


def location(name: str) -> Location:
    """The location a command-line path names: a URL with a scheme, else a local path. A
    StorageError when the URL's file system cannot be used here."""
    return remote.remote_path(name) if is_remote(name) else Path(name)


def exists(place: Location) -> bool:
    """Whether something is there (a broken symlink counts: writing there would replace it)."""
    return os.path.lexists(place) if isinstance(place, Path) else remote.exists(place)


def is_dir(place: Location) -> bool:
    """Whether a folder is there (a name too long for any is none: the write then says why)."""
    return os.path.isdir(place) if isinstance(place, Path) else remote.is_dir(place)


def identity(place: Location) -> Location:
    """What two names of one file have in common: the absolute path with symlinks followed."""
    return resolved(place) if isinstance(place, Path) else place


def resolved(path: Path) -> Path:
    """The absolute path with symlinks followed; unlike `Path.resolve`, a symlink loop is no error."""
    return Path(os.path.realpath(path))


def open_file(place: Location) -> IO[bytes]:
    """A file open for reading, as stored (compressed or not)."""
    return _open_regular(place) if isinstance(place, Path) else remote.open_file(place)


def _open_regular(path: Path) -> IO[bytes]:
    """Open a regular file for reading; anything else fails at once instead of blocking the run."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError("not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def probe_writable(place: Location) -> str | None:
    """Why a file could not be written at `place`, or None when it could: checked before a run by
    creating (and removing) a file in the nearest folder that exists on its way."""
    if not isinstance(place, Path):
        return remote.probe_writable(place)
    if os.path.isdir(place):
        return "is a folder"
    folder = place.parent
    while not folder.exists():
        if folder == folder.parent:
            break
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if (length := len(os.fsencode(place.name))) > (longest := _name_max(folder)):
        return f"the name is {length} bytes long, longer than the file system allows ({longest})"
    probe = folder / f".cleaner-probe-{secrets.token_hex(6)}.tmp"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as error:
        return f"cannot write in {folder}: {error.strerror or error}"
    probe.unlink(missing_ok=True)
    return None


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return _NAME_MAX


@contextmanager
def atomic_writer(place: Location) -> Iterator[IO[bytes]]:
    """Write a file whole or not at all, compressed as its name says (.gz, .zst).

    On any exception (Ctrl-C included) the temporary file is removed and the target is left as
    it was.
    """
    writer = _local_writer(place) if isinstance(place, Path) else remote.atomic_writer(place)
    with writer as raw, compressed(raw, compression_of(place.name)) as out:
        yield out


def write_atomic(place: Location, data: bytes) -> None:
    with atomic_writer(place) as out:
        out.write(data)


@contextmanager
def _local_writer(path: Path) -> Iterator[IO[bytes]]:
    """Write `path` through a temporary file in the same folder, renamed into place on success.

    A file that replaces another reaches the disk before the rename, so a crash cannot leave an
    empty file where a good one was; a new one is not flushed (a crash loses nothing the input
    cannot give again), which spares a disk flush per document.
    """
    replacing = path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Named before it exists, so an interrupt at any point after it is created still removes it;
    # created with the umask's permissions, as any new file.
    temp = path.parent / f".{path.name[:_TEMP_NAME_CHARS]}.{secrets.token_hex(6)}.tmp"
    try:
        with os.fdopen(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as raw:
            yield raw
            if replacing:
                raw.flush()
                os.fsync(raw.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):  # a read-only or vanished folder: the error that got here is the one to tell
            temp.unlink(missing_ok=True)
        raise
