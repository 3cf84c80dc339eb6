"""What several commands share: the configuration options and loading the configuration."""

from __future__ import annotations

from pathlib import Path

import click


def config_options(command):
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


def load_config(config_path: Path | None, overrides: dict[str, object]):
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


def selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())
