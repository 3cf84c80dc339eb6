"""The rule registry: every rule is registered once with a stable code.

Codes are a family prefix plus digits (`CAP001`), so rules can be selected and
ignored by code, by prefix, by kebab-case name or by family, as ruff does. A
family module registers its rules with the decorators here (`block_rule`,
`lead_rule`, `page_rule`, `node_rule`) or, for rules that are data, with
`register`; the rule's documentation is checked for the standard sections.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any, TypeVar

from cleaner.rules.framework.kinds import (
    BlockRule,
    Claim,
    Gate,
    LeadRule,
    LineRule,
    NodeRule,
    PageRule,
    Rule,
    documentation,
)

F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R", bound=Rule)
_RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule to the registry; a code or name registered twice is an error."""
    if rule.code in _RULES or any(r.name == rule.name for r in _RULES.values()):
        raise ValueError(f"rule {rule.code} {rule.name} registered twice")
    _RULES[rule.code] = rule
    return rule


def _registering(
    kind: type[LineRule] | type[PageRule] | type[NodeRule], code: str, name: str, family: str, **fields: Any
) -> Callable[[F], F]:
    """A decorator that registers the function it decorates as the `check` of a rule of `kind`."""

    def add(check: F) -> F:
        register(
            kind(code=code, name=name, family=family, doc=documentation(code, check.__doc__), check=check, **fields)
        )
        return check

    return add


def block_rule(
    code: str,
    name: str,
    family: str,
    *,
    gate: Gate | None = None,
    alone: bool = False,
    reads_ahead: int | None = None,
    default: bool = True,
) -> Callable[[F], F]:
    """Register `check(page, i) -> Hit | None` as a block rule; its docstring is the rule's documentation."""
    return _registering(BlockRule, code, name, family, gate=gate, alone=alone, reads_ahead=reads_ahead, default=default)


def lead_rule(code: str, name: str, family: str, *, gate: Gate | None = None, default: bool = True) -> Callable[[F], F]:
    """Register `check(page, i) -> Hit | None` as a rule of the top of what is kept, run after every other."""
    return _registering(LeadRule, code, name, family, gate=gate, default=default)


def page_rule(code: str, name: str, family: str, *, default: bool = True) -> Callable[[F], F]:
    """Register `check(page) -> [(i, Hit)]` as a rule that judges the whole page at once."""
    return _registering(PageRule, code, name, family, default=default)


def node_rule(code: str, name: str, family: str, claim: Claim, *, default: bool = True) -> Callable[[F], F]:
    """Register `check(node) -> Hit | None` as a rule that judges the DOM nodes `claim` selects."""
    return _registering(NodeRule, code, name, family, claim=claim, default=default)


def all_rules() -> list[Rule]:
    """Every registered rule: block rules in the order they are tried on a block, their modules'
    order in RULE_MODULES (whatever order the modules were imported in), each module's in its own."""
    _load_rule_modules()
    return sorted(_RULES.values(), key=_module_place)


def _module_place(rule: Rule) -> int:
    """Where the module that defines the rule stands in RULE_MODULES."""
    assert isinstance(rule, LineRule | PageRule | NodeRule)  # every kind of rule has its check
    return RULE_MODULES.index(rule.check.__module__.rpartition(".")[2])


def rules_of(kind: type[R], rules: Iterable[Rule]) -> tuple[R, ...]:
    """The rules of one kind among `rules`, in their order; node rules claim in code order."""
    found = [rule for rule in rules if type(rule) is kind]
    return tuple(sorted(found, key=lambda rule: rule.code) if kind is NodeRule else found)


def get_rule(key: str) -> Rule | None:
    """Find a rule by exact code or name."""
    for r in all_rules():
        if key.upper() == r.code or key.lower() == r.name:
            return r
    return None


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    """Selectors that name no rule at all: a typo the user should hear about."""
    rules = all_rules()
    return [s for s in selectors if not any(r.matches(s) for r in rules)]


# The order rules are tried on each block: specific kinds before generic ones.
RULE_MODULES = (
    "ads",
    "prompts",
    "calltoaction",
    "feedback",
    "captions",
    "scenes",
    "credits",
    "comments",
    "related",
    "navigation",
    "tags",
    "footer",
    "forms",
    "bylines",
    "contributors",
    "authorboxes",
    "contacts",
    "timestamps",
    "media",
    "layout",
    "metadata",
    # After the headline and standfirst: lines the model reads as furniture at the story's edges.
    "furniture",
    "html",
    # Last: a specific rule that also matches learned boilerplate records it better (a caption, a byline).
    "site",
)


def _load_rule_modules() -> None:
    # Importing a family module registers its rules.
    for module in RULE_MODULES:
        import_module(f"cleaner.rules.{module}")
