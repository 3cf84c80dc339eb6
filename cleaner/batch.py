"""One run over many inputs: documents in, outputs written, an Outcome for each document.

The command line and the integrations drive this module with plain values
(`Options`, a list of `Source`s, an executor); it knows nothing of flags.
An executor is anything with `map(documents) -> (document, result)` pairs in
input order: `parallel.Pool` on one machine, the Dask adapter on a cluster.
Both run the same `Job`, so their outputs are byte-identical.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from io import BufferedReader
from itertools import groupby
from pathlib import Path
from typing import Any, Protocol

from cleaner.config import DEFAULT_MAX_BYTES, Config, find_config_file, read_config_file
from cleaner.engine import Cleaner
from cleaner.io import (
    Document,
    DocumentError,
    Fields,
    Inputs,
    Source,
    atomic_writer,
    describe_error,
    open_input,
    output_name,
    probe_writable,
    resolved,
    sniff_stream,
    write_atomic,
)
from cleaner.parallel import Failure
from cleaner.records import clean_document
from cleaner.streams import documents, records
from cleaner.writers import FORMATS, render


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


@dataclass(frozen=True)
class Job:
    """Clean one Document and render it: the picklable function every worker runs.

    `kind` and `url` apply to documents that name none (`--kind`, `--url`).
    """

    cleaner: Cleaner
    fmt: str = "txt"
    fields: Fields = field(default_factory=Fields)
    kind: str | None = None
    url: str | None = None

    def __call__(self, doc: Document) -> Cleaned | Skipped:
        if doc.skip and not doc.problem:
            return Skipped(doc.skip)
        article = clean_document(self.cleaner, doc, kind=self.kind, url=self.url)
        return Cleaned(
            render(article, self.fmt, doc, self.fields),
            article.word_count,
            sum(len(r.text.split()) for r in article.removals),
            tuple(f"{r.code} {r.rule}" for r in article.removals),
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: cleaned (and written), failed with a reason, or skipped."""

    name: str
    status: str
    reason: str | None = None
    result: Cleaned | None = None
    output: Path | None = None


@dataclass
class Summary:
    """Counts over a run, for the closing report and `--summary-json`."""

    read: int = 0
    cleaned: int = 0
    failed: int = 0
    skipped: int = 0
    words_kept: int = 0
    words_removed: int = 0
    removals: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.read += 1
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        if outcome.result:
            self.words_kept += outcome.result.words_kept
            self.words_removed += outcome.result.words_removed
            self.removals.update(outcome.result.removals)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["removals"] = dict(sorted(self.removals.items()))
        return data


class Sink(Protocol):
    """Where a stream of outputs goes: standard output, or one output file."""

    def write(self, data: bytes, /) -> int: ...


class OutputError(Exception):
    """An output that cannot be written: the run stops, as every later document would fail alike."""


class Executor(Protocol):
    """Runs a Job over documents; `map` yields (document, result or Failure) in input order."""

    def map(self, items: Iterable[Document]) -> Iterator[tuple[Document, Any]]: ...


@dataclass(frozen=True)
class Options:
    """Where and how a run writes. `output` None means stdout; a name ending in .jsonl(.gz) is one file."""

    output: Path | None = None
    fmt: str = "txt"
    force: bool = False
    skip_existing: bool = False
    fields: Fields = field(default_factory=Fields)
    max_bytes: int = DEFAULT_MAX_BYTES

    @property
    def single_file(self) -> bool:
        return self.output is not None and self.output.name.lower().endswith((".jsonl", ".jsonl.gz"))


def run(
    sources: list[Source], options: Options, executor: Executor, stdin: BufferedReader, stdout: Sink
) -> Generator[Outcome, None, None]:
    """Clean every source and write its output, yielding one Outcome per document in input order."""
    sources = [_sniffed(s, stdin) for s in sources]
    if options.output is None:
        yield from _write_stream(stdout, _all_documents(sources, options, stdin), options, executor)
    elif options.single_file:
        target = options.output
        problem, skip = _check_target(target, options, {}, {resolved(s.path) for s in sources if s.path})
        if problem or skip:
            yield Outcome(str(target), "failed" if problem else "skipped", problem or skip)
            return
        try:
            with atomic_writer(target, compress=target.name.lower().endswith(".gz")) as sink:
                yield from _write_stream(sink, _all_documents(sources, options, stdin), options, executor)
        except OSError as error:  # opening, compressing or renaming into place
            raise OutputError(f"cannot write {target}: {describe_error(error)}") from error
    else:
        yield from _write_tree(sources, options, executor, stdin)


def preflight(inputs: Inputs, options: Options, reports: Mapping[str, Path | None]) -> list[str]:
    """What stops a run before anything is cleaned, one line each (the command's usage errors).

    Checked: every path names something; the output is writable and not an input folder; no
    output exists already unless `--force` or `--skip-existing` say what to do with it; a
    report file (`reports`: option name -> path) names no input, nothing inside an input
    folder, no output of the run, and no other report, and can be written. A report file of
    an earlier run may be replaced.
    """
    problems = [f"{name}: {reason}" for name, reason in inputs.missing]
    output, sources = options.output, inputs.sources
    targets: list[Path] = []
    if output is not None:
        if resolved(output) in inputs.folders:
            problems.append(f"-o {output} is an input folder: its outputs would be read back as inputs next time")
        suffix = FORMATS[options.fmt].suffix
        targets = [output] if options.single_file else [output / output_name(s, suffix) for s in sources]
        if not options.single_file and output.exists() and not output.is_dir():
            problems.append(f"-o {output} is a file, not a folder (name a .jsonl file to write one file)")
        elif problem := probe_writable(output if options.single_file else output / "x"):
            problems.append(f"-o {output}: {problem}")
        problems += _existing(targets, options)
    taken = {resolved(s.path): f"input {s.path}" for s in sources if s.path}
    taken.update((resolved(t), f"output {t}") for t in targets)
    for option, path in reports.items():
        if path is not None:
            problems += _report_problems(option, path, taken, inputs.folders)
            taken[resolved(path)] = f"{option} file"
    return problems


def _existing(targets: list[Path], options: Options) -> list[str]:
    if options.force or options.skip_existing:
        return []
    existing = [t for t in targets if os.path.lexists(t)]
    if not existing:
        return []
    named = ", ".join(map(str, existing[:3])) + (", ..." if len(existing) > 3 else "")
    return [
        f"{len(existing)} of {len(targets)} outputs exist ({named}): use --force to overwrite them "
        "or --skip-existing to keep them and clean the rest"
    ]


def _report_problems(option: str, path: Path, taken: Mapping[Path, str], folders: list[Path]) -> list[str]:
    where = resolved(path)
    if where in taken:
        return [f"{option} {path} is the {taken[where]}: a report never replaces it"]
    folder = next((f for f in folders if where.is_relative_to(f)), None)
    if folder is not None:
        return [f"{option} {path} is inside the input folder {folder}: write reports elsewhere"]
    problem = probe_writable(path)
    return [f"{option} {path}: {problem}"] if problem else []


def _sniffed(source: Source, stdin: BufferedReader) -> Source:
    return replace(source, kind=sniff_stream(stdin)) if source.path is None else source


def _all_documents(sources: list[Source], options: Options, stdin: BufferedReader) -> Iterator[Document]:
    for source in sources:
        yield from documents(source, options.fields, options.max_bytes, stdin)


def _write_stream(sink: Sink, docs: Iterable[Document], options: Options, executor: Executor) -> Iterator[Outcome]:
    """Append every cleaned document to one sink; documents are set apart by a blank line in txt and md."""
    separate = False
    for doc, result in executor.map(docs):
        outcome = _outcome(doc, result)
        if outcome.result:
            text = outcome.result.text.encode("utf-8")
            try:
                sink.write(b"\n" + text if separate and doc.record is None and options.fmt in ("txt", "md") else text)
            except OSError as error:
                raise OutputError(f"cannot write {_sink_name(sink, options)}: {describe_error(error)}") from error
            separate = True
        yield outcome


def _sink_name(sink: Sink, options: Options) -> str:
    return "standard output" if options.output is None else str(getattr(sink, "name", options.output))


def _write_tree(
    sources: list[Source], options: Options, executor: Executor, stdin: BufferedReader
) -> Iterator[Outcome]:
    """Write each source to its place in the output folder: one file per document, one per stream."""
    targets = _Targets(options, {resolved(s.path) for s in sources if s.path})
    for is_stream, group in groupby(sources, key=lambda s: s.is_stream):
        if is_stream:
            for source in group:
                yield from _write_one_stream(source, targets.claim(source), options, executor, stdin)
            continue
        docs = (_file_document(source, targets.claim(source), options, stdin) for source in group)
        for doc, result in executor.map(docs):
            outcome = _outcome(doc, result)
            if outcome.result and doc.output:
                try:
                    write_atomic(doc.output, outcome.result.text.encode("utf-8"))
                except OSError as error:
                    outcome = Outcome(doc.name, "failed", f"cannot write {doc.output}: {error.strerror or error}")
            yield outcome


@dataclass(frozen=True, slots=True)
class _Target:
    path: Path
    problem: str | None = None
    skip: str | None = None


class _Targets:
    """Output paths handed out in input order, refusing a name taken twice, an input, or an existing file."""

    def __init__(self, options: Options, inputs: set[Path]) -> None:
        self.options, self.inputs = options, inputs
        self.claims: dict[Path, str] = {}

    def claim(self, source: Source) -> _Target:
        assert self.options.output is not None
        path = self.options.output / output_name(source, FORMATS[self.options.fmt].suffix)
        problem, skip = _check_target(path, self.options, self.claims, self.inputs)
        self.claims.setdefault(path, source.name)
        return _Target(path, problem, skip)


def _file_document(source: Source, target: _Target, options: Options, stdin: BufferedReader) -> Document:
    doc = next(documents(source, options.fields, options.max_bytes, stdin, target.path))
    return replace(doc, problem=target.problem, skip=target.skip) if target.problem or target.skip else doc


def _write_one_stream(
    source: Source, target: _Target, options: Options, executor: Executor, stdin: BufferedReader
) -> Iterator[Outcome]:
    """A stream's records into one output file, opened only once the input could be opened."""
    if target.problem or target.skip:
        yield Outcome(source.name, "failed" if target.problem else "skipped", target.problem or target.skip)
        return
    try:
        stream = open_input(source, stdin)
    except DocumentError as error:
        yield Outcome(source.name, "failed", str(error))
        return
    try:
        with stream, atomic_writer(target.path, compress=source.compressed) as sink:
            yield from _write_stream(
                sink, records(stream, source, options.fields, options.max_bytes), options, executor
            )
    except OSError as error:
        yield Outcome(source.name, "failed", f"cannot write {target.path}: {error.strerror or error}")


def _check_target(
    target: Path, options: Options, claims: Mapping[Path, str], inputs: set[Path]
) -> tuple[str | None, str | None]:
    """(problem, skip) for writing `target`: taken by another input, an input itself, or already there."""
    if target in claims:
        return f"same output {target} as {claims[target]}; rename one of them", None
    if resolved(target) in inputs:
        return f"output {target} would overwrite an input", None
    if os.path.lexists(target):
        if options.skip_existing:
            return None, f"{target} exists"
        if not options.force:
            return f"{target} exists (use --force to overwrite or --skip-existing to keep it)", None
    return None, None


def _outcome(doc: Document, result: Any) -> Outcome:
    if isinstance(result, Failure):
        return Outcome(doc.name, "failed", result.reason)
    if isinstance(result, Skipped):
        return Outcome(doc.name, "skipped", result.reason)
    return Outcome(doc.name, "cleaned", result=result, output=doc.output)


def load_config(
    path: Path | None, overrides: Mapping[str, Any], start: Path | None = None
) -> tuple[Config, dict[str, str]]:
    """The Config in force and where each setting came from: a file, the command line, or the default.

    `path` is an explicit config file; without it the nearest cleaner.toml or
    pyproject.toml with [tool.cleaner] upward from `start` is used.
    """
    path = path or find_config_file(start or Path.cwd())
    from_file = read_config_file(path) if path else {}
    config = Config.from_mapping(from_file).merged(overrides)
    origin = {f.name: "default" for f in fields(Config)}
    origin.update({key.replace("-", "_"): str(path) for key in from_file})
    origin.update({key: "command line" for key in overrides})
    return config, origin
