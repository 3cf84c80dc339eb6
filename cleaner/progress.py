"""What a run shows on the terminal: failures as they happen, a progress line, the closing summary."""

from __future__ import annotations

import sys
import time

import click

from cleaner.io import shown
from cleaner.outcomes import Summary


class Report:
    """Live feedback on stderr: failures as they happen, a progress line on a terminal."""

    def __init__(self, quiet: bool, verbose: bool, total: int) -> None:
        self.quiet, self.verbose, self.total = quiet, verbose, total
        self.summary = Summary()
        self.bar = not quiet and sys.stderr.isatty()
        self.started, self.shown = time.monotonic(), 0.0

    def add(self, outcome) -> None:
        self.summary.add(outcome)
        if outcome.status == "failed":
            self.failed(outcome.name, outcome.reason)
        elif self.verbose:
            self._say(
                f"{shown(outcome.name)}: {shown(outcome.reason or 'written to ' + str(outcome.output or 'output'))}"
            )
        now = time.monotonic()
        if self.bar and now - self.shown > 0.1:
            self.shown = now
            click.echo("\r" + self._progress(now), nl=False, err=True)

    def failed(self, name: str, reason: str | None) -> None:
        self._say(click.style(f"{shown(name)}: {shown(reason or '')}", fg="red"))

    def _say(self, line: str) -> None:
        click.echo(("\r\x1b[K" if self.bar else "") + line, err=True)

    def _progress(self, now: float) -> str:
        done = self.summary.read
        rate = done / max(now - self.started, 1e-9)
        text = f"{done}/{self.total} docs" if self.total else f"{done} docs"
        text += f"  {rate:.1f} docs/s"
        if self.total and rate and done < self.total:
            left = int((self.total - done) / rate)
            text += f"  {left // 60}:{left % 60:02d} left"
        return text

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def close(self) -> None:
        if self.bar:
            click.echo("\r\x1b[K", nl=False, err=True)


def format_summary(summary, seconds: float) -> str:
    """The closing report: counts, words, removals per rule, and the time the run took."""
    unwritten = f", {summary.unwritten} cleaned but not written" if summary.unwritten else ""
    files = summary.files_failed
    unwritten += f", {files} output file{'s' * (files != 1)} not written" if files else ""
    lines = [
        f"documents: {summary.read} read, {summary.cleaned} cleaned, {summary.failed} failed, {summary.skipped} skipped"
        + unwritten,
        f"words: {summary.words_kept} kept, {summary.words_removed} removed",
    ]
    if summary.removals:
        lines.append("removals per rule:")
        lines.extend(f"{count:>8}  {rule}" for rule, count in summary.removals.most_common())
    lines.append(f"time: {seconds:.1f} s")
    return "\n".join(lines)
