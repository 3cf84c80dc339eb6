"""`cleaner rules` and `cleaner rule CODE`: the rules and their documentation."""

from __future__ import annotations

import click


@click.command("rules")
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


@click.command("rule")
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
