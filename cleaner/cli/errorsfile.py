"""The `--errors` file of `cleaner clean`: one line per failure, written whole when the run ends."""

from __future__ import annotations

import os
from pathlib import Path


def errors_file(path: Path | None):
    """The errors file to write the run's failures to, or a sink that keeps nothing."""
    return ErrorsFile(path) if path else open(os.devnull, "wb")


class ErrorsFileFailed(Exception):
    """The errors file could not be written (a full disk): the one error `_run` tells as its own."""


class ErrorsFile:
    """The `--errors` file, written whole on a run's end; a write or the closing that fails raises
    `ErrorsFileFailed`, so no other error of the run is taken for it."""

    def __init__(self, path: Path) -> None:
        from cleaner.storage import atomic_writer  # as the command's other modules: only once it runs

        self.path, self.writer = path, atomic_writer(path)

    def __enter__(self) -> ErrorsFile:
        self.sink = self._checked(self.writer.__enter__)
        return self

    def write(self, data: bytes) -> None:
        self._checked(self.sink.write, data)

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self._checked(self.writer.__exit__, None, None, None)
        else:
            self.writer.__exit__(*exc)

    def _checked(self, call, *args):
        from cleaner.io import describe_error

        try:
            return call(*args)
        except OSError as error:
            raise ErrorsFileFailed(f"cannot write --errors {self.path}: {describe_error(error)}") from error
