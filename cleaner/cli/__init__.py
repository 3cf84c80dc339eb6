"""The `cleaner` command: thin click wrappers that parse flags, call the library and print.

One module per command; this one makes the group.
"""

from __future__ import annotations

import click

from cleaner.cli.clean import clean_command
from cleaner.cli.evaluate import eval_command
from cleaner.cli.explain import explain_command
from cleaner.cli.learn import learn_command
from cleaner.cli.rules import rule_command, rules_command
from cleaner.cli.schema import schema_command


class _Commands(click.Group):
    """The command group, whose Ctrl-C anywhere in a command (listing inputs, loading a profile) is one
    line and the shell's status for it, 130, rather than click's "Aborted!" and status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            raise click.exceptions.Exit(130) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="article-cleaner")
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


for _command in (
    clean_command,
    eval_command,
    explain_command,
    learn_command,
    rule_command,
    rules_command,
    schema_command,
):
    main.add_command(_command)
