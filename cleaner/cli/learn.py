"""`cleaner learn`: a site profile learned from a corpus."""

from __future__ import annotations

from pathlib import Path

import click

from cleaner.cli.clean import learn_from
from cleaner.cli.options import FileName, InputError, config_options, load_config, rule_overrides


@click.command("learn")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=FileName(),
    help="The profile to write (JSON).",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@config_options
def learn_command(paths: tuple[str, ...], output: Path, jobs: int | None, config_path: Path | None, **rules) -> None:
    """Learn the boilerplate each site repeats on its pages from PATHS, into a site profile.

    Reads what `cleaner clean` reads. Documents are grouped by site: the URL's host (a JSONL record's
    url, the HTML's canonical or og:url, the WARC target URI), otherwise the folder holding the file.
    A line or paragraph on a large share of a site's pages is learned; sites with few pages learn
    nothing. Clean with the profile through `cleaner clean --profile` or the `profile` setting.
    Exit status: 0, 1 when a document could not be read (the profile is written from the others),
    2 usage error.

    \b
    Examples:
      cleaner learn scraped/ -o profile.json
      cleaner learn crawl.warc.gz pages.jsonl -o profile.json -j 4
      cleaner clean scraped/ -o clean/ --profile profile.json
    """
    from cleaner import io as cleaner_io
    from cleaner.inputs import find_inputs
    from cleaner.preflight import input_files, report_problems, settings_files

    config, _ = load_config(config_path, rule_overrides(rules))
    inputs = find_inputs(list(paths), exclude=output)
    # A profile learned from part of a corpus would pass for one learned from all of it.
    problems = [f"{name}: {reason}" for name, reason in (*inputs.missing, *inputs.unlisted)]
    # The profile the config names may be learned again; its config file is never replaced.
    taken = {**input_files(inputs), **settings_files(config_path, None)}
    problems += report_problems({"-o": output}, taken, inputs.folders)
    if problems:
        raise InputError("\n".join(problems))
    profile = learn_from(inputs.sources, cleaner_io.Fields(), config, jobs)
    profile.save(output)
    click.echo(f"{profile.summary()} -> {output}", err=True)
    if profile.counts["unread"]:
        raise SystemExit(1)  # as `cleaner clean` does when a document fails
