"""What several commands share: the configuration options and loading the configuration."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import click

# The rule selection options, as ruff names them: each takes codes, prefixes, names or families,
# comma-separated or repeated.
RULE_OPTIONS = {
    "--select": "Rules to run instead of the config's selection (ALL for every rule).",
    "--extend-select": "Rules to run on top of the config's selection.",
    "--ignore": "Rules to leave out, instead of the config's ignore list.",
    "--extend-ignore": "Rules to leave out on top of the config's ignore list.",
}


TIMEOUT_HELP = "Seconds one document may take before it is abandoned (0: no limit)."


def worker_pool(fn, jobs: int | None, config):
    """`jobs` worker processes (all cores when None) applying `fn`, each document under the config's
    time limit and each worker under its memory limit: how every command that cleans runs."""
    from cleaner.parallel import Pool

    jobs = jobs or os.cpu_count() or 1
    return Pool(fn, jobs, config.timeout, config.memory_limit(jobs))


def config_options(command):
    """--config and the rule selection options, shared by every command that cleans."""
    for name, text in reversed(RULE_OPTIONS.items()):
        command = click.option(name, multiple=True, metavar="RULES", help=text)(command)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A cleaner.toml or pyproject.toml (default: the nearest one from the current folder upward).",
    )(command)


class LocationType(click.ParamType):
    """A local path, or a URL of a file system fsspec reaches (s3://, gs://, hf://...); "-" is
    standard output, as for the inputs, never a folder called "-". A trailing slash, which the
    path drops, is kept in the context's meta (`named_as_folder`). An empty name (an unset shell
    variable) is a usage error: as a path it would be the current folder."""

    name = "path"

    def convert(self, value, param, ctx):
        from cleaner.remote import StorageError
        from cleaner.storage import location

        if not isinstance(value, str):
            return value
        if value == "-":
            return None
        if not value.strip():
            self.fail("an empty name (use - for standard output)", param, ctx)
        if ctx is not None and param is not None:
            ctx.meta[_folder_key(param.name)] = value.endswith(("/", os.sep))
        try:
            return location(value)
        except StorageError as error:
            self.fail(str(error), param, ctx)


class FileName(click.Path):
    """The name of a file (a report, a profile): one ending in a slash names a folder, a usage
    error, where the path, which drops the slash, would have written a file of that name."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value, param, ctx):
        if isinstance(value, str) and value.endswith(("/", os.sep)):
            self.fail(f"{value} names a folder: name a file", param, ctx)
        return super().convert(value, param, ctx)


def named_as_folder(ctx: click.Context, name: str) -> bool:
    """Whether the location option `name` was written with a trailing slash: a folder, whatever its
    name's suffix (`-o page.md/`)."""
    return bool(ctx.meta.get(_folder_key(name)))


def _folder_key(name: str | None) -> str:
    return f"cleaner.folder.{name}"


class InputError(click.UsageError):
    """A usage error about the files named (one missing, an output in the way): exit status 2 and
    one line per problem, without the usage banner, which says nothing about files."""

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


def colour(no_color: bool) -> bool | None:
    """Whether to colour output: never with --no-color or NO_COLOR set (no-color.org), else on a terminal."""
    return False if no_color or os.environ.get("NO_COLOR") else None


def record_options(command):
    """The JSONL record fields read, and those dropped from the output records."""
    options = (
        click.option("--text-field", default="text", show_default=True, help="JSONL field holding plain text."),
        click.option("--html-field", default="html", show_default=True, help="JSONL field holding HTML (used first)."),
        click.option("--id-field", default="id", show_default=True, help="JSONL field naming a record in errors."),
        click.option("--url-field", default="url", show_default=True, help="JSONL field holding the page URL."),
        click.option(
            "--drop-field",
            multiple=True,
            metavar="NAME",
            help="Leave this input field out of the output records (repeat for more): the raw html, say.",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def markdown_options(command):
    """How --format md writes: links, and the metadata as YAML front matter."""
    command = click.option("--links", is_flag=True, help="md: keep the page's links in the text as [text](url).")(
        command
    )
    return click.option(
        "--front-matter/--no-front-matter",
        default=True,
        show_default=True,
        help="md: open with the metadata (title, authors, published, url...) as YAML front matter.",
    )(command)


def rule_overrides(flags: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The rule selection given on the command line, as config settings."""
    names = (name.lstrip("-").replace("-", "_") for name in RULE_OPTIONS)
    return {name: selectors(flags[name]) for name in names}


def load_config(config_path: Path | None, overrides: Mapping[str, object]):
    from cleaner.config import ConfigError, load_config
    from cleaner.profile import load_profile

    try:
        config, origin = load_config(config_path, {k: v for k, v in overrides.items() if v not in (None, ())})
        if config.profile:
            load_profile(config.profile)  # a broken profile fails here, not once per document
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    return config, origin


def selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())
