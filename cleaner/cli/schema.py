"""`cleaner schema`: the JSON Schema of the Article, the published contract of the output."""

from __future__ import annotations

import click


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of what `--format json` writes and `metadata.cleaner` holds.

    \b
    Examples:
      cleaner schema > article.schema.json
      cleaner clean page.html --format json | check-jsonschema --schemafile article.schema.json -
    """
    from importlib import resources

    click.echo(resources.files("cleaner.data").joinpath("article.schema.json").read_text(encoding="utf-8"), nl=False)
