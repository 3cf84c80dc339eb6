"""Finding what command-line paths name: files, folders walked recursively, globs and stdin.

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
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePath

from cleaner.io import Source, kind_of, resolved

_GLOB_CHARS = frozenset("*?[")


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
    and whether any argument was a folder, a glob or a second path (several documents may come)."""

    sources: list[Source]
    missing: list[tuple[str, str]]
    skipped: list[tuple[str, str]]
    folders: list[Path]
    left_out: list[tuple[str, str]] = field(default_factory=list)
    several: bool = False


def find_inputs(args: list[str], exclude: Path | None = None, filters: Filters = Filters()) -> Inputs:
    """The inputs named by command-line paths.

    Folders are walked recursively in sorted order, symlinked folders included (each
    real folder once), leaving out `exclude` (an output folder or file inside an input
    folder). Only regular files are read: a FIFO or a device could block the run forever.
    """
    several = len(args) > 1 or any(Path(a).is_dir() or (_GLOB_CHARS & set(a) and not Path(a).exists()) for a in args)
    found = Inputs([], [], [], [], several=several)
    skip = resolved(exclude) if exclude else None
    for arg in args:
        if arg == "-":
            found.sources.append(Source(None, PurePath("stdin"), None))
            continue
        path = Path(arg)
        if path.is_dir():
            found.folders.append(resolved(path))
            _walk(path, skip, found, filters)
        elif path.exists():
            _add(path, path.parent, found, kind_of(path) or (None, path.suffix.lower() == ".gz"))
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            root = _glob_root(arg)
            for match in map(Path, matches):
                if match.is_dir():
                    _walk(match, skip, found, filters, root)
                else:
                    _consider(match, root, skip, found, filters)
            if not matches:
                found.missing.append((arg, "no file matches this pattern"))
        else:
            found.missing.append((arg, "no such file or folder"))
    return found


def _consider(path: Path, root: Path, skip: Path | None, found: Inputs, filters: Filters) -> None:
    """Add a file found in a folder or a glob, or say why it is left out."""
    if skip is not None and path.name == skip.name and resolved(path) == skip:
        return
    relative = path.relative_to(root)
    known = kind_of(path)
    reason = "hidden" if path.name.startswith(".") else filters.refusal(relative)
    if reason is None and known is None and not filters.include:
        reason = f"not a text or web page ({''.join(path.suffixes[-2:]) or path.name})"
    if reason is not None:
        found.left_out.append((str(path), reason))
        return
    _add(path, root, found, known or (None, path.suffix.lower() == ".gz"))


def _add(path: Path, root: Path, found: Inputs, known: tuple[str | None, bool]) -> None:
    if (problem := _not_regular(path)) is not None:
        found.skipped.append((str(path), problem))
        return
    found.sources.append(Source(path, path.relative_to(root), *known))


def _walk(folder: Path, skip: Path | None, found: Inputs, filters: Filters, root: Path | None = None) -> None:
    root = root or folder
    seen = {_identity(folder)}
    for current, dirs, files in os.walk(folder, followlinks=True):
        here = Path(current)
        kept = []
        for name in sorted(dirs):
            child = here / name
            if skip is not None and resolved(child) == skip:
                continue
            if reason := "hidden" if name.startswith(".") else filters.excluded(child.relative_to(root)):
                found.left_out.append((str(child), reason))
            elif (identity := _identity(child)) in seen:
                found.skipped.append((str(child), "a folder already read (symlink loop or second link)"))
            else:
                seen.add(identity)
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            _consider(here / name, root, skip, found, filters)


def _identity(folder: Path) -> tuple[int, int]:
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
