"""The `cleaner` command: thin click wrappers that parse flags, call the library and print."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import click

from cleaner.evaluate import SPLITS, SYSTEMS, VARIANTS


@click.group()
@click.version_option(package_name="cleaner")
def main() -> None:
    """Clean body text and metadata from scraped news articles.

    Every removed line is recorded with the rule that removed it; `cleaner explain` shows them.

    \b
    Examples:
      cleaner clean scraped/ -o clean/ --format json
      cat in.jsonl | cleaner clean - --format jsonl > out.jsonl
      cleaner explain article.txt
      cleaner rules
      cleaner rule CAP001
    """


@main.command("eval")
@click.argument("dataset_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--input",
    "variant",
    type=click.Choice(VARIANTS),
    help="What the cleaner reads: the whole-page text dumps or the HTML (default: dumps when the set has them).",
)
@click.option(
    "--system",
    "systems",
    multiple=True,
    default=("cleaner",),
    show_default=True,
    type=click.Choice(SYSTEMS),
    help="System to score; repeat to compare. Peers read their own input: raw, c4 and justext the dumps, "
    "trafilatura the HTML.",
)
@click.option(
    "--predictions",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Also score another system\'s outputs: JSON {id: {"articleBody": text}}, optionally .gz.',
)
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="all",
    show_default=True,
    help="Score all pages, the dev pages, or the fixed holdout quarter kept for checking tuned rules.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N pages (by id).")
@click.option(
    "--gold-meta",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="More gold metadata: JSON {dataset: {page id: {field: value}}}, e.g. quality/subtitles.json "
    "(hand-checked standfirsts; null where a page has none).",
)
@click.option(
    "--no-url",
    is_flag=True,
    help="Give no system the page's URL, as for a dump scraped without its address.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the scores as JSON.")
@click.option(
    "--per-page",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write one JSON line per system and page (id, precision, recall, f1) to find the worst pages.",
)
@click.option(
    "--floor",
    "floor_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML of minimum scores per [dataset.input] (e.g. quality/floors.toml); exit 1 when the cleaner falls below.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="cleaner.toml or pyproject.toml for the cleaner (default: built-in settings).",
)
def eval_command(
    dataset_dir: Path,
    variant: str | None,
    systems: tuple[str, ...],
    predictions: tuple[Path, ...],
    split: str,
    limit: int | None,
    gold_meta: Path | None,
    no_url: bool,
    jobs: int,
    json_path: Path | None,
    per_page: Path | None,
    floor_path: Path | None,
    config_path: Path | None,
) -> None:
    """Score systems against the gold article bodies of DATASET_DIR.

    DATASET_DIR is a ScrapingHub-style set (ground-truth.json), a WCXB-style set (ground-truth/<id>.json)
    or a folder of <id>.txt / <id>.html next to <id>.gold.txt. Scores use the ScrapingHub
    article-extraction-benchmark formula (4-token shingles): P, R, F1, exact-match accuracy, bag-of-words
    F1, empty outputs, errors, docs/s, and title/author/date/subtitle accuracy where the gold has them.

    \b
    Examples:
      cleaner eval ../shared/bench/scrapinghub --system cleaner --system raw --system c4
      cleaner eval ../shared/bench/wcxb-dev-articles --input html --system cleaner --system trafilatura
      cleaner eval ../shared/bench/wcxb-dev-articles --split dev --per-page pages.jsonl -j 2
      cleaner eval ../shared/bench/scrapinghub --floor quality/floors.toml
    """
    from cleaner import evaluate as ev
    from cleaner.config import Config, ConfigError

    try:
        config = Config.from_file(config_path) if config_path else None
        dataset = ev.load_dataset(dataset_dir)
        report = ev.evaluate(
            ev.with_gold_meta(dataset, gold_meta) if gold_meta else dataset,
            [ev.get_system(name, config) for name in dict.fromkeys(systems)],
            variant=variant,
            split=split,
            limit=limit,
            jobs=jobs,
            predictions=predictions,
            with_url=not no_url,
        )
        failures = ev.check_floors(report, floor_path) if floor_path else []
    except (ev.EvaluationError, ConfigError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(ev.format_table(report))
    if json_path:
        json_path.write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if per_page:
        ev.write_per_page(report, per_page)
    if failures:
        raise click.ClickException("\n".join(failures))


_FORMATS = ("txt", "md", "json", "jsonl")


def _config_options(command):
    """--config, --select and --ignore, shared by every command that cleans."""
    command = click.option(
        "--ignore",
        multiple=True,
        help="Rules to leave out (code, prefix, name or family; comma-separated or repeated).",
    )(command)
    command = click.option(
        "--select", multiple=True, help="Rules to run instead of the defaults (code, prefix, name or family; ALL)."
    )(command)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A cleaner.toml or pyproject.toml (default: the nearest one from the current folder upward).",
    )(command)


def _load_config(config_path: Path | None, overrides: dict[str, object]):
    from cleaner.batch import load_config
    from cleaner.config import ConfigError
    from cleaner.profile import load_profile

    try:
        config, origin = load_config(config_path, {k: v for k, v in overrides.items() if v not in (None, ())})
        if config.profile:
            load_profile(config.profile)  # a broken profile fails here, not once per document
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    return config, origin


def _selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@main.command("clean")
@click.argument("paths", nargs=-1)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output folder (mirrors the input tree), or one .jsonl/.jsonl.gz file; default: stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    help="txt: the body; md: title and body; json: the Article schema; jsonl: one record per document. "
    "JSONL and WARC inputs always give JSONL. Default: txt (jsonl for a .jsonl output file).",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@_config_options
@click.option("--timeout", type=float, help="Seconds one document may take before it is abandoned (0: no limit).")
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
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every failed input and its reason (tab-separated).",
)
@click.option("--summary-json", type=click.Path(dir_okay=False, path_type=Path), help="Write the summary as JSON.")
@click.option("--show-config", is_flag=True, help="Print the settings in force and where each came from, then stop.")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding plain text.")
@click.option("--html-field", default="html", show_default=True, help="JSONL field holding HTML (used first).")
@click.option("--id-field", default="id", show_default=True, help="JSONL field naming a record in errors.")
@click.option("--url-field", default="url", show_default=True, help="JSONL field holding the page URL.")
@click.option("--dask-scheduler", metavar="ADDRESS", help="Clean on a Dask cluster (needs the dask extra).")
@click.option(
    "--profile",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Remove the boilerplate a site profile from `cleaner learn` holds for each document's site.",
)
@click.option(
    "--learn",
    is_flag=True,
    help="Learn the site profile from PATHS first (one more pass over them), then clean with it; "
    "with --profile, also save it there.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only failures.")
@click.option("-v", "--verbose", is_flag=True, help="Also print every output written and every input skipped.")
def clean_command(paths: tuple[str, ...], **flags) -> None:
    """Clean PATHS (files, folders, globs, or - for stdin) into body text and metadata.

    Reads .txt .md .html .htm .xhtml (each also .gz), .jsonl(.gz) and .warc(.gz). Folders are read
    recursively. Exit status: 0 all cleaned, 1 some documents failed (the rest are written), 2 usage error.

    \b
    Examples:
      cleaner clean article.txt
      cleaner clean scraped/ -o clean/ --format json -j 4
      cleaner clean 'dumps/**/*.html.gz' -o clean/ --skip-existing --errors failed.tsv
      cleaner clean crawl.warc.gz -o crawl.jsonl.gz
      cat in.jsonl | cleaner clean - --format jsonl > out.jsonl
      cleaner clean scraped/ -o clean/ --profile profile.json
      cleaner clean scraped/ -o clean/ --learn
      cleaner clean --show-config --ignore CAP
    """
    from cleaner import batch
    from cleaner import io as cleaner_io
    from cleaner.engine import Cleaner

    overrides = {
        "select": _selectors(flags["select"]),
        "ignore": _selectors(flags["ignore"]),
        "timeout": flags["timeout"],
        "max_bytes": flags["max_bytes"],
        "max_memory": flags["max_memory"],
        "profile": None if flags["learn"] or not flags["profile"] else str(flags["profile"]),
    }
    config, origin = _load_config(flags["config_path"], overrides)
    if flags["show_config"]:
        for name, source in origin.items():
            click.echo(f"{name} = {json.dumps(getattr(config, name), default=list)}  # {source}")
        return
    if not paths:
        raise click.UsageError("no input given: name files, folders, globs or - for stdin")
    if flags["force"] and flags["skip_existing"]:
        raise click.UsageError("--force and --skip-existing exclude each other")
    output = flags["output"]
    options = batch.Options(
        output=output,
        force=flags["force"],
        skip_existing=flags["skip_existing"],
        fields=cleaner_io.Fields(flags["text_field"], flags["html_field"], flags["id_field"], flags["url_field"]),
        max_bytes=config.max_bytes,
    )
    if options.single_file and flags["fmt"] not in (None, "jsonl"):
        raise click.UsageError(f"{output} is a JSONL file; --format {flags['fmt']} needs an output folder")
    options = replace(options, fmt=flags["fmt"] or ("jsonl" if options.single_file else "txt"))
    inputs = cleaner_io.find_inputs(list(paths), exclude=output)
    reports = {"--errors": flags["errors_path"], "--summary-json": flags["summary_json"]}
    problems = batch.preflight(inputs, options, reports)
    if problems:
        raise click.UsageError("\n".join(problems))
    sources = inputs.sources
    if flags["learn"]:
        config = replace(config, profile=str(_learn_first(sources, options, config, flags["profile"], flags["jobs"])))
    job = batch.Job(Cleaner(config), options.fmt, options.fields)
    report = _Report(flags["quiet"], flags["verbose"], total=sum(not s.is_stream for s in sources))
    for name, reason in inputs.skipped:
        report.add(batch.Outcome(name, "skipped", reason))
    if not sources and not inputs.skipped:
        click.echo(f"no files to clean in {', '.join(paths)} (see --help for the kinds read)", err=True)
    stopped = _run(job, sources, options, flags, report)
    report.close()
    summary = report.summary
    if flags["summary_json"]:
        from cleaner.io import write_atomic

        write_atomic(flags["summary_json"], (json.dumps(summary.to_dict(), indent=2) + "\n").encode())
    if stopped is not None:
        message, code = stopped
        click.echo(message, err=True)
        sys.exit(code)
    if not flags["quiet"]:
        click.echo(_format_summary(summary), err=True)
    sys.exit(summary.exit_code)


class _Terminated(BaseException):
    """SIGTERM, handled as Ctrl-C is: outputs left complete, workers stopped."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def _run(job, sources, options, flags, report) -> tuple[str, int] | None:
    """Clean the sources into the report; why the run stopped early and its exit status, if it did.

    Whatever stops the run, the errors file keeps every failure met until then.
    """
    from cleaner import batch

    signal.signal(signal.SIGTERM, _on_sigterm)
    with _errors_file(flags["errors_path"]) as errors:
        try:
            with (
                _executor(job, flags["dask_scheduler"], flags["jobs"], job.cleaner.config) as executor,
                closing(batch.run(sources, options, executor, _stdin(), sys.stdout.buffer)) as outcomes,
            ):
                for outcome in outcomes:
                    report.add(outcome)
                    if outcome.status == "failed":
                        errors.write(f"{outcome.name}\t{outcome.reason}\n".encode())
        except batch.OutputError as error:
            return f"{error}; the run stopped", 1
        except (KeyboardInterrupt, _Terminated) as interrupt:
            done = "interrupted: finished outputs are complete; rerun with --skip-existing to do the rest"
            return done, 143 if isinstance(interrupt, _Terminated) else 130
    return None


def _learn_first(sources, options, config, save_to: Path | None, jobs: int | None) -> Path:
    """Learn the profile of the inputs for `clean --learn`; the file is temporary unless `save_to` names it."""
    if save_to is None:
        folder = click.get_current_context().with_resource(tempfile.TemporaryDirectory(prefix="cleaner-profile-"))
        save_to = Path(folder) / "profile.json"
    profile = _learn(sources, options, config, jobs)
    profile.save(save_to)
    click.echo(_learned_summary(profile, save_to), err=True)
    return save_to


def _learn(sources, options, config, jobs: int | None):
    """Read every document of `sources` with the front ends and learn its site's boilerplate."""
    from cleaner import batch, learn

    if any(source.path is None for source in sources):
        raise click.UsageError("learning reads its inputs twice or keeps them: name files, not - for stdin")
    docs = (doc for source in sources for doc in batch.documents(source, options, None))
    with _pool(learn.Reader(config), jobs, config) as pool:
        return learn.Learner().feed(result for _, result in pool.map(docs)).profile()


def _learned_summary(profile, path: Path) -> str:
    counts = profile.counts
    blocks = sum(len(site.items) for site in profile.sites.values())
    return (
        f"learned {blocks} blocks for {len(profile.sites)} of {counts['sites']} sites from {counts['documents']} "
        f"documents ({counts['unread']} unreadable, {counts['without_site']} without a site) -> {path}"
    )


def _executor(job, scheduler: str | None, jobs: int | None, config):
    if scheduler:
        try:
            from cleaner.integrations.dask import DaskExecutor
        except ImportError as error:
            raise click.UsageError(f"--dask-scheduler needs Dask: pip install 'cleaner[dask]' ({error})") from error
        return DaskExecutor.connect(job, scheduler)
    return _pool(job, jobs, config)


def _pool(fn, jobs: int | None, config):
    from cleaner.parallel import Pool

    jobs = jobs or os.cpu_count() or 1
    return Pool(fn, jobs, config.timeout, config.memory_limit(jobs))


def _errors_file(path: Path | None):
    from cleaner.io import atomic_writer

    return atomic_writer(path) if path else open(os.devnull, "wb")


def _stdin():
    """Standard input as a buffered binary stream (which can be peeked at to tell its kind)."""
    stream = sys.stdin.buffer
    return stream if hasattr(stream, "peek") else io.BufferedReader(stream)


class _Report:
    """Live feedback on stderr: failures as they happen, a progress line on a terminal."""

    def __init__(self, quiet: bool, verbose: bool, total: int) -> None:
        from cleaner.batch import Summary

        self.quiet, self.verbose, self.total = quiet, verbose, total
        self.summary = Summary()
        self.bar = not quiet and sys.stderr.isatty()
        self.started, self.shown = time.monotonic(), 0.0

    def add(self, outcome) -> None:
        self.summary.add(outcome)
        if outcome.status == "failed":
            self.failed(outcome.name, outcome.reason)
        elif self.verbose:
            self._say(f"{outcome.name}: {outcome.reason or 'written to ' + str(outcome.output or 'output')}")
        now = time.monotonic()
        if self.bar and now - self.shown > 0.1:
            self.shown = now
            click.echo("\r" + self._progress(now), nl=False, err=True)

    def failed(self, name: str, reason: str | None) -> None:
        self._say(click.style(f"{name}: {reason}", fg="red"))

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

    def close(self) -> None:
        if self.bar:
            click.echo("\r\x1b[K", nl=False, err=True)


def _format_summary(summary) -> str:
    lines = [
        f"documents: {summary.read} read, {summary.cleaned} cleaned, {summary.failed} failed, {summary.skipped} skipped",
        f"words: {summary.words_kept} kept, {summary.words_removed} removed",
    ]
    if summary.removals:
        lines.append("removals per rule:")
        lines.extend(f"{count:>8}  {rule}" for rule, count in summary.removals.most_common())
    return "\n".join(lines)


@main.command("learn")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The profile to write (JSON).",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@_config_options
def learn_command(
    paths: tuple[str, ...], output: Path, jobs: int | None, config_path: Path | None, select, ignore
) -> None:
    """Learn the boilerplate each site repeats on its pages from PATHS, into a site profile.

    Reads what `cleaner clean` reads. Documents are grouped by site: the URL's host (a JSONL record's
    url, the HTML's canonical or og:url, the WARC target URI), otherwise the folder holding the file.
    A line or paragraph on a large share of a site's pages is learned; sites with few pages learn
    nothing. Clean with the profile through `cleaner clean --profile` or the `profile` setting.

    \b
    Examples:
      cleaner learn scraped/ -o profile.json
      cleaner learn crawl.warc.gz pages.jsonl -o profile.json -j 4
      cleaner clean scraped/ -o clean/ --profile profile.json
    """
    from cleaner import batch
    from cleaner import io as cleaner_io

    config, _ = _load_config(config_path, {"select": _selectors(select), "ignore": _selectors(ignore)})
    inputs = cleaner_io.find_inputs(list(paths), exclude=output)
    if inputs.missing:
        raise click.UsageError("; ".join(f"{name}: {reason}" for name, reason in inputs.missing))
    profile = _learn(inputs.sources, batch.Options(max_bytes=config.max_bytes), config, jobs)
    profile.save(output)
    click.echo(_learned_summary(profile, output), err=True)


@main.command("explain")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_config_options
@click.option("--url", help="The page's URL (for per-site settings and the publisher).")
def explain_command(
    file: Path, config_path: Path | None, select: tuple[str, ...], ignore: tuple[str, ...], url
) -> None:
    """Show every line of FILE with what the cleaner did to it.

    Dropped lines are marked "-" with the code and name of the rule that removed them, lines moved
    into metadata ">" with the field they went to; kept lines are unmarked. Coloured on a terminal.

    \b
    Examples:
      cleaner explain samples/000_1e943f8323c0f170.txt
      cleaner explain page.html.gz --ignore CAP
      cleaner explain article.txt | grep '^-'
    """
    from cleaner import explain
    from cleaner import io as cleaner_io
    from cleaner.engine import Cleaner
    from cleaner.frontends import kind_of
    from cleaner.frontends.decode import decode
    from cleaner.metadata import folder_site

    config, _ = _load_config(config_path, {"select": _selectors(select), "ignore": _selectors(ignore)})
    kind, compressed = cleaner_io.kind_of(file) or (None, file.suffix.lower() == ".gz")
    try:
        data = cleaner_io.read_bytes(file, compressed, config.max_bytes)
    except cleaner_io.DocumentError as error:
        raise click.ClickException(f"{file}: {error}") from error
    try:
        text = decode(data)
        kind = kind or kind_of(text)
        article = Cleaner(config).clean(text, kind=kind, url=url, site=folder_site(file))
    except ValueError as error:  # not text or HTML, markup too deep, a URL that does not parse
        raise click.ClickException(f"{file}: {error}") from error
    lines = explain.explain_text(text, article) if kind == "text" else explain.explain_html(article)
    for line in lines:
        click.echo(_explained(line))


def _explained(line) -> str:
    removal = line.removal
    if removal is None:
        return f"  {line.text}"
    where = f" -> {removal.moved_to}" if removal.moved_to else ""
    mark = ">" if removal.moved_to else "-"
    colour = "yellow" if removal.moved_to else "red"
    return click.style(f"{mark} {line.text}", fg=colour) + click.style(
        f"  [{removal.code} {removal.rule}{where}]", dim=True
    )


@main.command("rules")
def rules_command() -> None:
    """List every rule: code, name, family, and whether it runs by default.

    \b
    Examples:
      cleaner rules
      cleaner rules | grep captions
    """
    from cleaner.rules.framework.registry import all_rules

    for rule in all_rules():
        click.echo(f"{rule.code:<8} {rule.name:<32} {rule.family:<12} {'on' if rule.default else 'off'}")


@main.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Print the documentation of one rule, by code or name.

    \b
    Examples:
      cleaner rule CAP001
      cleaner rule photo-caption
    """
    from cleaner.rules.framework.registry import get_rule

    rule = get_rule(code)
    if rule is None:
        raise click.UsageError(f"no rule {code!r} (see `cleaner rules`)")
    state = "on by default" if rule.default else "off by default"
    click.echo(f"{rule.code} {rule.name} ({rule.family}, {state})\n\n{rule.doc}")
