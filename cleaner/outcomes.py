"""What becomes of each document of a run, and the counts over it: what a worker sends back for
a document (`Cleaned`, `Skipped`), the `Outcome` the run reports for it, and the `Summary` that
the closing report and `--summary-json` print."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from cleaner.storage import Location


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What a worker sends back for one document: the rendered output and its counts."""

    text: str
    words_kept: int
    words_removed: int
    removals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document left alone on purpose (an existing output, a WARC request record)."""

    reason: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: cleaned (and written), failed with a reason, skipped, or
    unwritten (cleaned into an output file that is then not put in place). A failure that keeps its
    file from being put in place takes back the `unwritten` records reported cleaned before it; one
    that comes after every record of the file was reported is the file's, no document's
    (`of_file`): listed with the failures, it adds nothing to the documents read."""

    name: str
    status: str
    reason: str | None = None
    result: Cleaned | None = None
    output: Location | None = None
    unwritten: int = 0
    of_file: bool = False


@dataclass
class Summary:
    """Counts over a run, for the closing report and `--summary-json`."""

    read: int = 0
    cleaned: int = 0
    failed: int = 0
    skipped: int = 0
    unwritten: int = 0
    # Output files that failed after their records were counted (`Outcome.of_file`).
    files_failed: int = 0
    words_kept: int = 0
    words_removed: int = 0
    removals: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        if outcome.of_file:
            self.files_failed += 1
        else:
            self.read += 1
            setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.cleaned -= outcome.unwritten
        self.unwritten += outcome.unwritten
        if outcome.result:
            self.words_kept += outcome.result.words_kept
            self.words_removed += outcome.result.words_removed
            self.removals.update(outcome.result.removals)

    def left_unwritten(self) -> None:
        """The one output file every document went to is not put in place: none of them is written."""
        self.unwritten, self.cleaned = self.unwritten + self.cleaned, 0
        self.files_failed += 1

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.files_failed else 0

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["removals"] = dict(sorted(self.removals.items()))
        return data
