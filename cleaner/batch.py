"""One run over many inputs: documents in, outputs written, an Outcome for each document.

The command line and the integrations drive this module with plain values (`Options`, a list of
`Source`s, an executor); it knows nothing of flags. An executor is anything with `map(documents) ->
(document, result)` pairs in input order: `parallel.Pool` on one machine, the Dask adapter on a
cluster. An executor that also offers `map_streams` (`ReadsStreams`: the Dask adapter) is handed
stream files whole and reads them where it cleans them, so their records never pass through this
process; the others are sent the records read here. Both run the same `Job`: byte-identical outputs.
"""

from __future__ import annotations

import errno
from collections.abc import Generator, Iterable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field, replace
from io import BufferedReader
from itertools import groupby
from typing import Any, Protocol, cast, runtime_checkable

from cleaner.config import DEFAULT_MAX_BYTES
from cleaner.engine import Cleaner
from cleaner.io import (
    PIECE_LOST,
    STREAM_ENDS_EARLY,
    Document,
    DocumentError,
    Fields,
    Source,
    describe_error,
    open_input,
    output_name,
    shown,
    sniff_stream,
    utf8,
)
from cleaner.outcomes import Cleaned, Outcome, Skipped
from cleaner.parallel import Failure
from cleaner.records import clean_document
from cleaner.storage import Location, atomic_writer, exists, identity, is_dir, write_atomic
from cleaner.streams import documents, records
from cleaner.writers import FORMATS, Style, format_of, render


@dataclass(frozen=True)
class Job:
    """Clean one Document and render it: the picklable function every worker runs.

    `kind` and `url` apply to documents that name none (`--kind`, `--url`); `style` is how
    they are written beyond the format (`writers.Style`).
    """

    cleaner: Cleaner
    fmt: str = "txt"
    fields: Fields = field(default_factory=Fields)
    kind: str | None = None
    url: str | None = None
    style: Style = field(default_factory=Style)

    def __call__(self, doc: Document) -> Cleaned | Skipped:
        if doc.skip and not doc.problem:
            return Skipped(doc.skip)
        article = clean_document(self.cleaner, doc, kind=self.kind, url=self.url)
        return Cleaned(
            render(article, self.fmt, doc, self.fields, self.style),
            article.word_count,
            sum(len(r.text.split()) for r in article.removals),
            tuple(f"{r.code} {r.rule}" for r in article.removals),
        )


class Sink(Protocol):
    """Where a stream of outputs goes: standard output, or one output file."""

    def write(self, data: bytes, /) -> int: ...


class OutputError(Exception):
    """An output that cannot be written: the run stops, as every later document would fail alike."""


_DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})  # the disk fails, not the document


class Executor(Protocol):
    """Runs a Job over documents; `map` yields (document, result or Failure) in input order."""

    def map(self, items: Iterable[Document]) -> Iterator[tuple[Document, Any]]: ...


@runtime_checkable
class ReadsStreams(Protocol):
    """An executor that reads stream files itself where it cleans them (a cluster's workers), so
    this process sends where to read, not what; it yields each record's document and result in order."""

    def map_streams(self, sources: list[Source], fields: Fields, max_bytes: int) -> Iterator[tuple[Document, Any]]: ...


@dataclass(frozen=True)
class Options:
    """Where and how a run writes.

    `output` None means stdout; a name with a format's suffix (.txt, .md, .json: one document;
    .jsonl or .jsonl.gz: any number) is one file, unless `folder` says it was named as a folder
    (`-o page.md/`); any other name is a folder. `several` says the inputs may give several
    documents (a folder, a glob, a stream, more than one path): on stdout each txt or md document
    is then headed by a `==> name <==` line, as `head` heads each file; json ones are JSON Lines."""

    output: Location | None = None
    fmt: str = "txt"
    force: bool = False
    skip_existing: bool = False
    fields: Fields = field(default_factory=Fields)
    max_bytes: int = DEFAULT_MAX_BYTES
    several: bool = False
    folder: bool = False

    @property
    def single_file(self) -> bool:
        output = self.output
        return output is not None and not self.folder and format_of(output.name) is not None and not is_dir(output)


def run(
    sources: list[Source], options: Options, executor: Executor, stdin: BufferedReader, stdout: Sink
) -> Generator[Outcome, None, None]:
    """Clean every source and write its output, yielding one Outcome per document in input order."""
    sources = sniffed(sources, stdin)
    if options.output is None:
        yield from _write_stream(stdout, _results(sources, options, executor, stdin), options)
    elif options.single_file:
        target = options.output
        problem, skip = _check_target(target, options, {}, {identity(s.path) for s in sources if s.path})
        if problem or skip:
            yield Outcome(str(target), "failed" if problem else "skipped", problem or skip)
            return
        try:
            with atomic_writer(target) as sink:
                results = _results(sources, options, executor, stdin)
                yield from _write_whole(sink, target, results, options, one_source=len(sources) == 1)
        except _Unfinished:
            return
        except OSError as error:  # opening, compressing or renaming into place
            raise OutputError(f"cannot write {target}: {describe_error(error)}") from error
    else:
        yield from _write_tree(sources, options, executor, stdin)


def sniffed(sources: list[Source], stdin: BufferedReader) -> list[Source]:
    """The sources with stdin's kind told from its first bytes: a record stream or one document."""
    return [replace(s, kind=sniff_stream(stdin)) if s.path is None else s for s in sources]


def _results(
    sources: list[Source], options: Options, executor: Executor, stdin: BufferedReader
) -> Iterator[tuple[Document, Any]]:
    """Every document of the sources with its result, in input order."""
    for by_executor, group in groupby(sources, key=lambda source: _read_by(executor, source)):
        if by_executor and isinstance(executor, ReadsStreams):
            yield from executor.map_streams(list(group), options.fields, options.max_bytes)
        else:
            yield from executor.map(d for s in group for d in documents(s, options.fields, options.max_bytes, stdin))


def _read_by(executor: Executor, source: Source) -> bool:
    """Whether the executor reads a source itself: a stream file, on an executor that reads streams."""
    return isinstance(executor, ReadsStreams) and source.is_stream and source.path is not None


class _Unfinished(Exception):
    """An output file that would not hold what its name promises: left unwritten."""


# Failures after which a stream's output lacks records: it broke off, or a piece of it was lost.
_NOT_WHOLE = (STREAM_ENDS_EARLY, PIECE_LOST)


def _write_whole(
    sink: Sink, target: Location, results: Iterable[tuple[Document, Any]], options: Options, *, one_source: bool = True
) -> Iterator[Outcome]:
    """Write to an output file's sink as `_write_stream` does, and raise `_Unfinished` (so the file is
    not put in place, and an earlier one stays) when the one stream it holds broke off or lost a
    piece (`_NOT_WHOLE`), or when every document failed: a partial or empty output would pass for a
    finished one (`--skip-existing`). The records of a file left unwritten are counted so, not as
    cleaned. A file of many sources (`-o all.jsonl`) keeps the others' records, the broken one
    reported."""
    written = failed = 0
    broken = False
    for outcome in _write_stream(sink, results, options):
        if one_source and outcome.status == "failed" and (outcome.reason or "").startswith(_NOT_WHOLE):
            reason = f"{outcome.reason}; {target} is not written, as it would lack the rest"
            outcome = replace(outcome, reason=reason, unwritten=0 if broken else written)
            broken = True
        elif broken and outcome.status == "cleaned":
            outcome = replace(outcome, status="unwritten", reason=f"cleaned, but {target} is not written")
        written += outcome.status == "cleaned"
        failed += outcome.status == "failed"
        yield outcome
    if broken or (failed and not written):
        raise _Unfinished


def _write_stream(sink: Sink, results: Iterable[tuple[Document, Any]], options: Options) -> Iterator[Outcome]:
    """Append every cleaned document to one sink; with several documents, each txt or md one
    headed by its name (a blank line before all but the first)."""
    headed = options.several and options.fmt in ("txt", "md")
    separate = False
    for doc, result in results:
        outcome = _outcome(doc, result)
        if outcome.result:
            text = utf8(outcome.result.text)
            if headed and doc.record is None:
                text = b"\n" * separate + utf8(f"==> {shown(doc.name)} <==\n") + text
            try:
                sink.write(text)
            except OSError as error:
                where = "standard output" if options.output is None else options.output
                raise OutputError(f"cannot write {where}: {describe_error(error)}") from error
            separate = True
        yield outcome


def _write_tree(
    sources: list[Source], options: Options, executor: Executor, stdin: BufferedReader
) -> Iterator[Outcome]:
    """Write each source to its place in the output folder: one file per document, one per stream."""
    targets = _Targets(options, {identity(s.path) for s in sources if s.path})
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
                    write_atomic(doc.output, utf8(outcome.result.text))
                except OSError as error:
                    yield from _not_written(doc.name, doc.output, error)
                    continue
            yield outcome


@dataclass(frozen=True, slots=True)
class _Target:
    path: Location
    problem: str | None = None
    skip: str | None = None


class _Targets:
    """Output paths handed out in input order, refusing a name taken twice, an input, or an existing file."""

    def __init__(self, options: Options, inputs: set[Location]) -> None:
        self.options, self.inputs = options, inputs
        self.claims: dict[Location, str] = {}

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
    if _read_by(executor, source):
        stream.close()  # opened here only to know that it opens
        results = _results([source], options, executor, stdin)
    else:
        results = executor.map(records(stream, source, options.fields, options.max_bytes))
    written = 0  # the records reported cleaned and not yet taken back
    finished = False  # every record reported: a failure after that is the file's
    try:
        with closing(stream), atomic_writer(target.path) as sink:
            for outcome in _write_whole(sink, target.path, results, options):
                written += (outcome.status == "cleaned") - outcome.unwritten
                yield outcome
            finished = True
    except _Unfinished:
        return
    except OutputError as error:  # a record's write failed (`_write_stream`): the failure is that record's
        yield from _not_written(source.name, target.path, cast(OSError, error.__cause__), written)
    except OSError as error:  # the file would not open or be put in place, or its stream broke off
        yield from _not_written(source.name, target.path, error, written, of_file=finished)


def _not_written(
    name: str, path: Location, error: OSError, written: int = 0, *, of_file: bool = False
) -> Iterator[Outcome]:
    """An output file that could not be written: the document's failure (the file's, `of_file`,
    once its records are reported), taking back the `written` records of a stream reported cleaned
    (unwritten); a failing disk stops the run."""
    reason = f"cannot write {path}: {error.strerror or error}"
    yield Outcome(name, "failed", reason, unwritten=written, of_file=of_file)
    _stop_where_the_disk_fails(path, error)


def _stop_where_the_disk_fails(path: Location, error: OSError) -> None:
    """The run's end where the disk fails (`_DISK_ERRORS`): every later file would fail alike."""
    if error.errno in _DISK_ERRORS:
        raise OutputError(f"cannot write {path}: {describe_error(error)}") from error


def _check_target(
    target: Location, options: Options, claims: Mapping[Location, str], inputs: set[Location]
) -> tuple[str | None, str | None]:
    """(problem, skip) for writing `target`: taken by another input, an input itself, or already there."""
    if target in claims:
        return f"same output {target} as {claims[target]}; rename one of them", None
    if identity(target) in inputs:
        return f"output {target} would overwrite an input", None
    if exists(target):
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
