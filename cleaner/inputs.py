"""Finding what command-line paths name: files, folders walked recursively, globs and stdin,
on the local disk or on a remote store (`s3://bucket/crawl/*.warc.gz`, through fsspec).

In a folder or a glob the file name decides what is read (`io.kind_of`): text and web pages,
files without an extension and saved URLs with a query; record streams. Other files (images,
style sheets, scripts, archives), hidden files and folders, and what `--exclude` names or
`--include` does not are left out, each with the reason `-v` shows. A file named on the
command line is read whatever its name.
"""

from __future__ import annotations

import glob
import os
import stat
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path, PurePath
from typing import TypeVar

from cleaner import remote
from cleaner.compression import compression_of
from cleaner.io import Source, kind_of
from cleaner.remote import RemotePath, StorageError
from cleaner.storage import Location, identity, resolved

_GLOB_CHARS = frozenset("*?[")
P = TypeVar("P", Path, RemotePath)  # a file and the folder it was found in are both local or both remote


@dataclass(frozen=True, slots=True)
class Filters:
    """`--include` and `--exclude` glob patterns, matched against a file's path below the folder
    or glob it was found through, and against its name alone ("*.php", "drafts/*")."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def refusal(self, relative: PurePath) -> str | None:
        """Why a file found in a folder is left out by the patterns, or None when they let it in."""
        if excluded := self.excluded(relative):
            return excluded
        if self.include and not _matching(self.include, relative):
            return "matches no --include pattern"
        return None

    def excluded(self, relative: PurePath) -> str | None:
        """Why `--exclude` leaves out a file or a folder (and all it holds), or None."""
        hit = _matching(self.exclude, relative)
        return f"matches --exclude {hit!r}" if hit else None


def _matching(patterns: tuple[str, ...], relative: PurePath) -> str | None:
    return next((p for p in patterns if fnmatchcase(relative.as_posix(), p) or fnmatchcase(relative.name, p)), None)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What command-line paths name: the sources to read; the arguments that name nothing
    (argument, reason); the paths counted as skipped (a FIFO, a symlink loop: path, reason);
    the files and folders left out by name (path, reason, shown by -v); the folders named;
    the folders that could not be listed (path, reason: each a failure of the run, as an
    unreadable file is); and whether any argument was a folder, a glob or a second path (several
    documents may come)."""

    sources: list[Source]
    missing: list[tuple[str, str]]
    skipped: list[tuple[str, str]]
    folders: list[Location]
    left_out: list[tuple[str, str]] = field(default_factory=list)
    unlisted: list[tuple[str, str]] = field(default_factory=list)
    several: bool = False


def find_inputs(args: list[str], exclude: Location | None = None, filters: Filters = Filters()) -> Inputs:
    """The inputs named by command-line paths.

    Folders are walked recursively in sorted order (a folder's files, then its folders),
    symlinked folders included (each real folder once), leaving out `exclude` (an output folder
    or file inside an input folder). A file named twice, or found again in a folder named too, is
    read once. Only regular files are read: a FIFO or a device could block the run forever.
    """
    found = Inputs([], [], [], [])
    skip = identity(exclude) if exclude else None
    several = len(args) > 1
    for arg in args:
        if arg == "-":
            found.sources.append(Source(None, PurePath("stdin"), None))
        elif remote.is_remote(arg):
            several |= _find_remote(arg, skip, found, filters)
        else:
            several |= _find_local(arg, skip, found, filters)
    return replace(found, sources=_each_once(found.sources), several=several)


def _find_local(arg: str, skip: Location | None, found: Inputs, filters: Filters) -> bool:
    """Add what a local path names; whether it may name several documents (a folder, a glob)."""
    path = Path(arg)
    try:
        path.stat()
    except FileNotFoundError:
        pass  # a glob, or nothing: told below
    except OSError as error:  # a folder on the way cannot be searched
        found.missing.append((arg, f"cannot read: {error.strerror or error}"))
        return False
    if path.is_dir():
        found.folders.append(resolved(path))
        _walk(path, skip, found, filters)
        return True
    if path.exists():
        _add(path, path.parent, found, _named_kind(path))
        return False
    if not _GLOB_CHARS & set(arg):
        found.missing.append((arg, "no such file or folder"))
        return False
    matches = sorted(glob.glob(arg, recursive=True))
    root = _glob_root(arg)
    first = len(found.sources), len(found.left_out)
    # An output folder below the glob's root, which a glob over the inputs' tree meets too ("in/**").
    below = skip if isinstance(skip, Path) and skip != resolved(root) and skip.is_relative_to(resolved(root)) else None
    for match in map(Path, matches):
        if below is not None and resolved(match).is_relative_to(below):
            continue
        if match.is_dir():
            _walk(match, skip, found, filters, root)
        else:
            _consider(match, root, skip, found, filters)
    # "in/**" matches the folders and the files in them: each file is read once.
    found.sources[first[0] :] = _each_once(found.sources[first[0] :])
    found.left_out[first[1] :] = list(dict.fromkeys(found.left_out[first[1] :]))
    unreadable = _unlisted_on_the_way(arg, root, skip, filters)
    found.unlisted[:] = dict.fromkeys([*found.unlisted, *unreadable])
    if not matches:  # perhaps for want of a folder it could not read
        found.missing.append((arg, "; ".join(["no file matches this pattern", *map(": ".join, unreadable[:1])])))
    return True


def _unlisted_on_the_way(pattern: str, root: Path, skip: Location | None, filters: Filters) -> list[tuple[str, str]]:
    """The folders a glob pattern reaches into that cannot be listed (path, reason), which `glob`
    passes over in silence: those its parts match on the way to its last, and below a "**" any
    folder (a hidden one only where a part names one, as `glob` reads them); symlinked folders
    followed as `glob` follows them, each real folder once; what `--exclude` names and the output
    (`skip`) left out, as a folder's walk leaves them."""
    parts = PurePath(pattern).parts[len(root.parts) :]
    anywhere = parts.index("**") if "**" in parts else len(parts)
    hidden_below = any(part.startswith(".") for part in parts[anywhere:])
    unlisted: list[tuple[str, str]] = []
    seen = {_inode(root)} if root.is_dir() else set()

    def unreadable(error: OSError) -> None:
        if not isinstance(error, FileNotFoundError):  # a root that is not there: nothing matches
            unlisted.append(_cannot_list(str(Path(error.filename)), error))

    def reached(folder: Path, depth: int) -> bool:
        name, named = folder.name, depth < len(parts) and parts[depth].startswith(".")
        if depth >= anywhere:
            shown = hidden_below or not name.startswith(".")
        else:
            shown = depth + 1 < len(parts) and fnmatchcase(name, parts[depth]) and (named or not name.startswith("."))
        return (
            shown
            and not (skip is not None and resolved(folder) == skip)
            and not filters.excluded(folder.relative_to(root))
        )

    for current, dirs, _ in os.walk(root, onerror=unreadable, followlinks=True):
        here = Path(current)
        depth, kept = len(here.relative_to(root).parts), []
        for name in dirs:
            if reached(here / name, depth) and (inode := _inode(here / name)) not in seen:
                seen.add(inode)
                kept.append(name)
        dirs[:] = kept
    return unlisted


def _cannot_list(folder: str, error: OSError) -> tuple[str, str]:
    """A folder that could not be listed, as `Inputs.unlisted` holds it: (path, reason)."""
    return folder, f"cannot read the folder: {error.strerror or error}"


def _each_once(sources: list[Source]) -> list[Source]:
    """The sources, a file found twice (under one name, however spelt: "d/y.txt", "./d/../d/y.txt")
    kept where it was first found; a symlink is a name of its own."""
    by_path: dict[Location | None, Source] = {}
    for source in sources:
        path = source.path
        by_path.setdefault(Path(os.path.abspath(path)) if isinstance(path, Path) else path, source)
    return list(by_path.values())


def _find_remote(arg: str, skip: Location | None, found: Inputs, filters: Filters) -> bool:
    """Add what a URL names, as `_find_local` does; a store that cannot be reached names nothing."""
    try:
        place = remote.remote_path(arg)
        if remote.is_dir(place):
            found.folders.append(place)
            _add_below(place, place, skip, found, filters)
            return True
        if remote.exists(place):
            _add(place, place.parent, found, _named_kind(place))
            return False
        if not _GLOB_CHARS & set(arg):
            found.missing.append((arg, "no such file or folder"))
            return False
        root, matches = remote.glob(arg)
        for match in matches:
            if remote.is_dir(match):
                _add_below(match, root, skip, found, filters)
            else:
                _consider(match, root, skip, found, filters)
    except StorageError as error:
        found.missing.append((arg, str(error)))
        return False
    except Exception as error:  # a store's own errors: no access, no such bucket, a timeout
        found.missing.append((arg, f"cannot list: {type(error).__name__}: {error}"))
        return False
    if not matches:
        found.missing.append((arg, "no file matches this pattern"))
    return True


def _add_below(folder: RemotePath, root: RemotePath, skip: Location | None, found: Inputs, filters: Filters) -> None:
    """Add the files below a remote folder as `_walk` adds a local folder's: hidden and excluded
    folders are left out (each listed once), and so is what `skip` names."""
    left_out: set[RemotePath] = set()
    for file in remote.files_below(folder):
        if isinstance(skip, RemotePath) and file.protocol == skip.protocol and file.path.is_relative_to(skip.path):
            continue
        parts = file.relative_to(folder).parts[:-1]
        between = (folder / PurePath(*parts[: depth + 1]) for depth in range(len(parts)))
        refused = next(((sub, reason) for sub in between if (reason := _folder_refusal(sub, root, filters))), None)
        if refused is None:
            _consider(file, root, skip, found, filters)
        elif refused[0] not in left_out:
            left_out.add(refused[0])
            found.left_out.append((str(refused[0]), refused[1]))


def _folder_refusal(folder: P, root: P, filters: Filters) -> str | None:
    """Why a folder found in a walk is left out with all it holds (hidden, `--exclude`), or None."""
    return "hidden" if folder.name.startswith(".") else filters.excluded(folder.relative_to(root))


def _consider(path: P, root: P, skip: Location | None, found: Inputs, filters: Filters) -> None:
    """Add a file found in a folder or a glob, or say why it is left out."""
    if skip is not None and path.name == skip.name and identity(path) == skip:
        return
    relative = path.relative_to(root)
    known = kind_of(path)
    reason = "hidden" if path.name.startswith(".") else filters.refusal(relative)
    if reason is None and known is None and not filters.include:
        reason = f"not a text or web page ({''.join(path.suffixes[-2:]) or path.name})"
    if reason is not None:
        found.left_out.append((str(path), reason))
        return
    _add(path, root, found, known or _named_kind(path))


def _named_kind(path: Location) -> tuple[str | None, str | None]:
    """How a file named on the command line is read, whatever its name: as its name says, else as
    a document whose content tells its kind."""
    return kind_of(path) or (None, compression_of(path.name))


def _add(path: P, root: P, found: Inputs, known: tuple[str | None, str | None]) -> None:
    if isinstance(path, Path) and (problem := _not_regular(path)) is not None:
        found.skipped.append((str(path), problem))
        return
    found.sources.append(Source(path, path.relative_to(root), *known))


def _walk(folder: Path, skip: Location | None, found: Inputs, filters: Filters, root: Path | None = None) -> None:
    root = root or folder
    seen = {_inode(folder)}

    def unlisted(error: OSError) -> None:
        found.unlisted.append(_cannot_list(str(error.filename), error))

    for current, dirs, files in os.walk(folder, followlinks=True, onerror=unlisted):
        here = Path(current)
        kept = []
        for name in sorted(dirs):
            child = here / name
            if skip is not None and resolved(child) == skip:
                continue
            if reason := _folder_refusal(child, root, filters):
                found.left_out.append((str(child), reason))
            elif (inode := _inode(child)) in seen:
                found.skipped.append((str(child), "a folder already read (symlink loop or second link)"))
            else:
                seen.add(inode)
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            _consider(here / name, root, skip, found, filters)


def _inode(folder: Path) -> tuple[int, int]:
    info = folder.stat()
    return info.st_dev, info.st_ino


def _not_regular(path: Path) -> str | None:
    """Why a path is not read (a FIFO, a socket, a device), or None for a regular file.

    A broken link or an unreadable entry is left to fail when read, with its own reason.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    )
    return f"not a regular file ({next((name for test, name in kinds if test(mode)), 'special file')})"


def _glob_root(pattern: str) -> Path:
    """The folder a glob pattern starts from: its parts before the first wildcard."""
    parts = PurePath(pattern).parts
    first = next(i for i, part in enumerate(parts) if _GLOB_CHARS & set(part))
    return Path(*parts[:first])
