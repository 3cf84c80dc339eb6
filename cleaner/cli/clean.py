"""`cleaner clean`: clean files, folders, globs and streams into body text and metadata."""

from __future__ import annotations

import errno
import io
import itertools
import json
import os
import signal
import sys
import tempfile
from contextlib import closing, suppress
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import click

from cleaner.cli.errorsfile import ErrorsFileFailed, errors_file
from cleaner.cli.options import (
    TIMEOUT_HELP,
    FileName,
    InputError,
    LocationType,
    config_options,
    load_config,
    markdown_options,
    named_as_folder,
    record_options,
    rule_overrides,
    worker_pool,
)
from cleaner.writers import FORMATS, Style


@click.command("clean")
@click.argument("paths", nargs=-1)
@click.option(
    "-o",
    "--output",
    type=LocationType(),
    help="Output folder (mirrors the input tree); or one file: .txt, .md or .json for one document, "
    ".jsonl for any number (each also .gz or .zst); a trailing slash names a folder whatever the suffix. "
    "A local path or a URL (s3://, gs://, hf://...). "
    "Default (or -): stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(tuple(FORMATS)),
    help="txt: the body; md: Markdown with YAML front matter; json: the Article schema; jsonl: one record "
    "per document. JSONL and WARC inputs always give JSONL. Default: the output file's extension, else txt.",
)
@click.option(
    "--kind",
    type=click.Choice(("auto", "html", "text")),
    default="auto",
    show_default=True,
    help="Read documents as HTML or as text; auto tells from the content (records say by their field).",
)
@click.option("--include", multiple=True, metavar="GLOB", help="In folders and globs, read only files matching.")
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="In folders and globs, leave out files and folders matching."
)
@click.option("--url", help="The page's URL, for one document (a file or stdin): per-site settings, publisher.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@config_options
@click.option("--timeout", type=float, help=TIMEOUT_HELP)
@click.option("--max-bytes", type=click.IntRange(min=1), help="Refuse documents larger than this many bytes.")
@click.option(
    "--max-memory",
    metavar="SIZE",
    help="Memory one worker process may use (4G, 512M; 0: no bound); a document past it fails alone. "
    "Default: the machine's memory shared among the workers.",
)
@click.option("--skip-existing", is_flag=True, help="Leave outputs that already exist alone (to resume a run).")
@click.option("--force", is_flag=True, help="Overwrite outputs that already exist.")
@click.option(
    "--errors",
    "errors_path",
    type=FileName(),
    help="Write every failed input and its reason (tab-separated).",
)
@click.option("--summary-json", type=FileName(), help="Write the summary as JSON.")
@click.option("--show-config", is_flag=True, help="Print the settings in force and where each came from, then stop.")
@markdown_options
@record_options
@click.option("--dask-scheduler", metavar="ADDRESS", help="Clean on a Dask cluster (needs the dask extra).")
@click.option(
    "--profile",
    type=FileName(),
    help="Remove the boilerplate a site profile from `cleaner learn` holds for each document's site.",
)
@click.option(
    "--learn",
    is_flag=True,
    help="Learn the site profile from PATHS first (one more pass over them), then clean with it; "
    "with --profile, also save it there.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only failures.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Also print every output written and every file not read, with why."
)
def clean_command(paths: tuple[str, ...], **flags) -> None:
    """Clean PATHS (files, folders, globs, or - for stdin) into body text and metadata.

    In folders and globs, reads text and web pages (.txt .md .html .htm .xhtml .shtml .php .asp
    .aspx .jsp, files without an extension, saved URLs such as page.php?id=3; each also .gz), whose
    content tells text from HTML, and .jsonl(.gz) and .warc(.gz) streams; other files are left out
    (-v lists them). A file named here is read whatever its name. Several documents on stdout: txt
    and md ones each headed by a "==> NAME <==" line, json as JSON Lines. Exit status: 0 all
    cleaned, 1 some documents failed (the rest are written) or the reader of stdout left, 2 usage
    error.

    \b
    Examples:
      cleaner clean article.txt
      cleaner clean page.html -o page.md --url https://example.com/story
      cleaner clean scraped/ -o clean/ --format json -j 4
      cleaner clean 'dumps/**/*.html.gz' -o clean/ --skip-existing --errors failed.tsv
      cleaner clean mirror/ -o clean/ --exclude 'tag/*' --kind html
      cleaner clean crawl.warc.gz -o crawl.jsonl.gz --drop-field html
      cat in.jsonl | cleaner clean - --format jsonl > out.jsonl
      cleaner clean scraped/ -o clean/ --profile profile.json
      cleaner clean scraped/ -o clean/ --learn
      cleaner clean --show-config --ignore CAP
    """
    from cleaner.parallel import start_server

    if paths and not flags["show_config"] and not flags["dask_scheduler"]:
        start_server("cleaner.batch")  # the workers' fork server gets ready while the run is planned
    from cleaner import batch
    from cleaner.engine import Cleaner
    from cleaner.progress import Report

    config, origin = load_config(flags["config_path"], _overrides(flags))
    if flags["show_config"]:
        for name, source in origin.items():
            click.echo(f"{name} = {json.dumps(getattr(config, name), default=list)}  # {source}")
        return
    if not paths:
        raise click.UsageError("no input given: name files, folders, globs or - for stdin")
    stdin = _stdin()
    inputs, options = _plan(paths, flags, config, stdin)
    sources = inputs.sources
    if flags["learn"]:
        config = replace(config, profile=str(_learn_first(sources, options, config, flags["profile"], flags["jobs"])))
    kind = None if flags["kind"] == "auto" else flags["kind"]
    one_line = options.several and options.output is None  # JSON Lines on stdout
    style = Style(one_line=one_line, links=flags["links"], front_matter=flags["front_matter"])
    job = batch.Job(Cleaner(config), options.fmt, options.fields, kind, flags["url"], style)
    report = Report(flags["quiet"], flags["verbose"], total=sum(not s.is_stream for s in sources))
    _announce(inputs, paths, report, flags["verbose"], flags["quiet"])
    stopped = _run(job, inputs, options, flags, report, stdin)
    report.close()
    _close(report, stopped, flags)


def _overrides(flags: dict) -> dict:
    """The settings the flags give, over the config file's."""
    return {
        **rule_overrides(flags),
        "timeout": flags["timeout"],
        "max_bytes": flags["max_bytes"],
        "max_memory": flags["max_memory"],
        "profile": None if flags["learn"] or not flags["profile"] else str(flags["profile"]),
    }


def _plan(paths: tuple[str, ...], flags: dict, config, stdin):
    """The inputs and how the run writes them, checked before anything is cleaned (usage errors)."""
    from cleaner import batch
    from cleaner.inputs import Filters, find_inputs
    from cleaner.metadata import is_url
    from cleaner.preflight import preflight, settings_files

    inputs = find_inputs(list(paths), exclude=flags["output"], filters=Filters(flags["include"], flags["exclude"]))
    inputs = replace(inputs, sources=batch.sniffed(inputs.sources, stdin))
    options = _output_options(flags, config, inputs.several or any(s.is_stream for s in inputs.sources))
    reports = {"--errors": flags["errors_path"], "--summary-json": flags["summary_json"]}
    if flags["learn"]:  # the profile learned is written there
        reports["--profile"] = flags["profile"]
    settings = settings_files(flags["config_path"], None if flags["learn"] else config.profile)  # --learn: learned
    problems = preflight(inputs, options, reports, settings)
    if paths.count("-") > 1:
        problems.append("- (standard input) is named more than once: it can be read once")
    if flags["url"] is not None and options.several:
        problems.append("--url names the page of one document: give one file or stdin (records have a url field)")
    elif flags["url"] is not None and not (is_url(flags["url"]) and urlsplit(flags["url"]).netloc):
        problems.append(f"--url {flags['url']}: not a URL with a host (https://example.com/story)")
    if problems:
        raise InputError("\n".join(problems))
    return inputs, options


def _announce(inputs, paths: tuple[str, ...], report, verbose: bool, quiet: bool) -> None:
    """Say what is not read: files skipped (counted), files left out by name (listed with -v)."""
    from cleaner.outcomes import Outcome

    for name, reason in inputs.skipped:
        report.add(Outcome(name, "skipped", reason))
    if verbose:
        for name, reason in inputs.left_out:
            click.echo(f"{name}: not read ({reason})", err=True)
    elif inputs.left_out and not quiet:
        click.echo(f"{len(inputs.left_out)} other files and folders not read (-v lists them)", err=True)
    if not inputs.sources and not inputs.skipped and not inputs.unlisted:
        click.echo(f"no files to clean in {', '.join(paths)} (see --help for the kinds read)", err=True)


def _output_options(flags: dict, config, several: bool):
    """Where and how the run writes, from the flags; a contradiction is a usage error."""
    from cleaner import batch
    from cleaner import io as cleaner_io
    from cleaner.storage import is_dir
    from cleaner.writers import format_of

    if flags["force"] and flags["skip_existing"]:
        raise click.UsageError("--force and --skip-existing exclude each other")
    output, fmt = flags["output"], flags["fmt"]
    folder = named_as_folder(click.get_current_context(), "output")
    named = format_of(output.name) if output is not None and not folder and not is_dir(output) else None
    if named and fmt and fmt != named:
        raise click.UsageError(f"-o {output} names a {named} file, not {fmt}: drop --format or change the name")
    fields = cleaner_io.Fields(
        flags["text_field"], flags["html_field"], flags["id_field"], flags["url_field"], flags["drop_field"]
    )
    return batch.Options(
        output=output,
        fmt=fmt or named or "txt",
        force=flags["force"],
        skip_existing=flags["skip_existing"],
        fields=fields,
        max_bytes=config.max_bytes,
        several=several,
        folder=folder,
    )


def _close(report, stopped: tuple[str, int] | None, flags: dict) -> None:
    """Write the summary file, say how the run ended, and exit with its status."""
    from cleaner.io import describe_error
    from cleaner.progress import format_summary
    from cleaner.storage import write_atomic

    summary = report.summary
    if flags["summary_json"]:
        try:
            write_atomic(flags["summary_json"], (json.dumps(summary.to_dict(), indent=2) + "\n").encode())
        except OSError as error:
            stopped = stopped or (f"cannot write --summary-json {flags['summary_json']}: {describe_error(error)}", 1)
    if stopped is not None:
        message, code = stopped
        if message:
            click.echo(message, err=True)
        sys.exit(code)
    if not flags["quiet"]:
        click.echo(format_summary(summary, report.elapsed), err=True)
    sys.exit(summary.exit_code)


class _Terminated(BaseException):
    """SIGTERM, or SIGHUP (the terminal closed), handled as Ctrl-C is: outputs left complete,
    workers stopped; the exit status is 128 and the signal's number, as the shell reports it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.status = 128 + signum


def _on_signal(signum: int, frame: object) -> None:
    raise _Terminated(signum)


# The signals that end a run as Ctrl-C does (Windows has no SIGHUP).
_ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _run(job, inputs, options, flags, report, stdin) -> tuple[str, int] | None:
    """Clean the inputs into the report; why the run stopped early and its exit status, if it did.

    Whatever stops the run, the errors file keeps every failure met until then; one that cannot be
    written stops it with one line. The signals' handlers are put back after the run (a caller in
    the same process, such as a test's runner, keeps its own).
    """
    before = {ending: signal.getsignal(ending) for ending in _ENDING_SIGNALS}
    for ending, handler in before.items():
        if handler is not signal.SIG_IGN:  # nohup, `trap '' HUP`: the user's choice stands
            signal.signal(ending, _on_signal)
    try:
        return _run_into(job, inputs, options, flags, report, stdin)
    except ErrorsFileFailed as failed:
        return f"{failed}; the run stopped", 1
    finally:
        for ending, handler in before.items():
            signal.signal(ending, handler if handler is not None else signal.SIG_DFL)


def _run_into(job, inputs, options, flags, report, stdin) -> tuple[str, int] | None:
    """`_run` with the errors file open: each failure is written there as it comes (unlisted folders first)."""
    from cleaner import batch
    from cleaner.io import shown, utf8
    from cleaner.outcomes import Outcome

    unlisted = [Outcome(name, "failed", reason) for name, reason in inputs.unlisted]
    with errors_file(flags["errors_path"]) as errors:
        try:
            with (
                _executor(job, flags["dask_scheduler"], flags["jobs"], job.cleaner.config) as executor,
                closing(batch.run(inputs.sources, options, executor, stdin, _stdout())) as outcomes,
            ):
                for outcome in itertools.chain(unlisted, outcomes):
                    report.add(outcome)
                    if outcome.status == "failed":
                        errors.write(utf8(f"{shown(outcome.name)}\t{shown(outcome.reason or '')}\n"))
        except batch.OutputError as error:
            if options.output is None and isinstance(error.__cause__, BrokenPipeError):
                return _reader_left()
            if options.single_file:  # the file is not put in place: none of its documents is written
                errors.write(utf8(f"{shown(str(options.output))}\t{shown(str(error))}\n"))
                report.summary.left_unwritten()
            return f"{error}; the run stopped", 1
        except (KeyboardInterrupt, _Terminated) as interrupt:
            done = "interrupted: finished outputs are complete; rerun with --skip-existing to do the rest"
            return done, interrupt.status if isinstance(interrupt, _Terminated) else 130
    return None


def _reader_left() -> tuple[str, int]:
    """Standard output's reader has gone (`cleaner clean in/ | head`): the run stops quietly with
    status 1, as every command does there (click's rule); bytes still buffered for the closed pipe
    go to the null device, so the interpreter's last flush says nothing either."""
    with suppress(OSError, ValueError):  # no file descriptor: not a real pipe (a test's runner)
        descriptor = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, descriptor)
        os.close(null)
    return "", 1


def _learn_first(sources, options, config, save_to: Path | None, jobs: int | None) -> Path:
    """Learn the profile of the inputs for `clean --learn`; the file is temporary unless `save_to` names it."""
    if save_to is None:
        folder = click.get_current_context().with_resource(tempfile.TemporaryDirectory(prefix="cleaner-profile-"))
        save_to = Path(folder) / "profile.json"
    profile = learn_from(sources, options.fields, config, jobs)
    profile.save(save_to)
    click.echo(f"{profile.summary()} -> {save_to}", err=True)
    return save_to


def learn_from(sources, fields, config, jobs: int | None):
    from cleaner.learn import learn_profile

    if any(source.path is None for source in sources):
        raise click.UsageError("learning reads its inputs twice or keeps them: name files, not - for stdin")
    try:
        return learn_profile(sources, fields, config, jobs or os.cpu_count() or 1)
    except KeyboardInterrupt:  # as a clean's Ctrl-C: one line, and the shell's status for it
        click.echo("interrupted while learning: no profile is written", err=True)
        sys.exit(130)


def _executor(job, scheduler: str | None, jobs: int | None, config):
    if scheduler:
        try:
            from cleaner.integrations.dask import DaskExecutor
        except ImportError as error:
            raise click.UsageError(
                f"--dask-scheduler needs Dask: pip install 'article-cleaner[dask]' ({error})"
            ) from error
        try:
            return DaskExecutor.connect(job, scheduler)
        except (OSError, ValueError) as error:  # no scheduler there (after Dask's timeout), or no address
            raise click.UsageError(f"--dask-scheduler {scheduler}: cannot connect ({error})") from error
    return worker_pool(job, jobs, config)


def _stdin():
    """Standard input as a buffered binary stream (which can be peeked at to tell its kind); a
    closed one (`<&-`) reads as empty."""
    stream = sys.stdin.buffer if sys.stdin is not None else io.BytesIO()
    return stream if hasattr(stream, "peek") else io.BufferedReader(stream)


def _stdout():
    """Standard output as a binary sink; a closed one (`>&-`) fails the first write made to it,
    as a full disk does, and none when the run writes to files."""
    return sys.stdout.buffer if sys.stdout is not None else _ClosedOutput()


class _ClosedOutput:
    def write(self, data: bytes, /) -> int:
        raise OSError(errno.EBADF, "standard output is closed")
