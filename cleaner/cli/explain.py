"""`cleaner explain`: every line of a document with what the cleaner did to it."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import click

from cleaner.cli.options import (
    TIMEOUT_HELP,
    InputError,
    colour,
    config_options,
    load_config,
    rule_overrides,
    worker_pool,
)


@click.command("explain")
@click.argument("file", type=click.Path(path_type=Path))
@config_options
@click.option("--url", help="The page's URL (for per-site settings and the publisher).")
@click.option("--timeout", type=float, help=TIMEOUT_HELP)
@click.option("--no-color", is_flag=True, help="Never colour the output (also: the NO_COLOR environment variable).")
def explain_command(
    file: Path, config_path: Path | None, url: str | None, timeout: float | None, no_color: bool, **rules
) -> None:
    """Show every line of FILE with what the cleaner did to it.

    Dropped lines are marked "-" with the code and name of the rule that removed them, lines moved
    into metadata ">" with the field they went to, and after a colon what the rule saw (the
    line-kind model's kind and probabilities, for FUR001); kept lines are unmarked. Coloured on a
    terminal. The document is cleaned in a worker process under the time and memory limits
    `cleaner clean` sets (`--timeout`, the config's `timeout` and `max-memory`).

    \b
    Examples:
      cleaner explain samples/000_1e943f8323c0f170.txt
      cleaner explain page.html.gz --ignore CAP
      cleaner explain article.txt | grep '^-'
    """
    from cleaner import explain
    from cleaner import io as cleaner_io
    from cleaner.compression import compression_of
    from cleaner.engine import Cleaner
    from cleaner.frontends import kind_of
    from cleaner.frontends.decode import decode
    from cleaner.metadata import folder_site
    from cleaner.parallel import Failure

    if not file.exists():
        raise InputError(f"{file}: no such file or folder")
    if file.is_dir():
        raise InputError(f"{file} is a folder: explain reads one file (cleaner clean reads folders)")
    config, _ = load_config(config_path, {**rule_overrides(rules), "timeout": timeout})
    kind, compression = cleaner_io.kind_of(file) or (None, compression_of(file.name))
    if kind is not None:
        raise InputError(f"{file} is a {kind} stream: explain reads one document (cleaner clean reads streams)")
    try:
        data = cleaner_io.read_bytes(file, compression, config.max_bytes)
    except cleaner_io.DocumentError as error:
        raise click.ClickException(f"{file}: {error}") from error
    try:
        text = decode(data)
        kind = kind_of(text)
    except ValueError as error:  # not text or HTML
        raise click.ClickException(f"{file}: {error}") from error
    explaining = partial(Cleaner(config).clean, kind=kind, url=url, site=folder_site(file))
    with worker_pool(explaining, 1, config) as pool:
        [(_, article)] = pool.map([text])
    if isinstance(article, Failure):  # markup too deep, a URL that does not parse, past a limit
        raise click.ClickException(f"{file}: {article.reason}")
    lines = explain.explain_text(text, article) if kind == "text" else explain.explain_html(article)
    for line in lines:
        click.echo(_explained(line), color=colour(no_color))


def _explained(line) -> str:
    removal = line.removal
    if removal is None:
        return f"  {line.text}"
    where = f" -> {removal.moved_to}" if removal.moved_to else ""
    where += f": {removal.detail}" if removal.detail else ""
    mark = ">" if removal.moved_to else "-"
    colour = "yellow" if removal.moved_to else "red"
    return click.style(f"{mark} {line.text}", fg=colour) + click.style(
        f"  [{removal.code} {removal.rule}{where}]", dim=True
    )
