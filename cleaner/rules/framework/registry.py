"""The rule registry: every rule is registered once with a stable code.

A rule is a small pure function `check(page, i) -> Hit | None` that judges
block `i` of a page (looking at neighbours when it needs to). Codes are a
family prefix plus digits (`CAP001`), so rules can be selected and ignored
by code, by prefix, by kebab-case name or by family, as ruff does.

A rule's `scope` says what it judges and when it runs:
- "block": one block, `check(page, i) -> Hit | None`, in block order;
- "page": the whole page after the block rules, `check(page) -> [(i, Hit)]`
  (the main-content run of a whole-page dump);
- "lead": the top of what is kept, last (the headline and standfirst);
- "node": a DOM node, `check(node) -> Hit | None`, run by the HTML front end
  while it prunes the page.
All scopes are listed, selected and ignored alike.

A block rule may declare a `Gate`: what a line must have for the rule to
possibly fire. The engine skips the rule on lines without it, so most rules
are never called on most lines. A rule registered with `alone=True` judges
a block by itself (its text, and its tag and link density in HTML) and the
vocabulary, never by its neighbours or what the page has found: a block it
let through once it lets through again, and a plain-text line gets the same
verdict wherever it stands. Its hits must not be changed after it returns
them: they may be handed out again.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaner.rules.framework.context import Page

DOC_SECTIONS = ("Removes", "Why", "False positives", "Example")


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's verdict on a block: drop `span` blocks from it.

    `moved_to` names the Article field that receives `value` (the dropped
    text itself when `value` is None); `meta` sets further fields that the
    text reveals without being moved there (a disclaimer names the publisher).
    """

    span: int = 1
    moved_to: str | None = None
    value: Any = None
    meta: dict[str, Any] = field(default_factory=dict)
    detail: str | None = None


Check = Callable[["Page", int], "Hit | None"]


@dataclass(frozen=True, slots=True)
class Gate:
    """A cheap precondition of a block rule: it must hold of every line the rule removes.

    The line has at most `max_words` words and `max_chars` characters, and, when
    `phrases` or `pattern` are given, holds a phrase of one of the `phrases` families
    (`Vocabulary.line_families`) or a match of `pattern`. A rule of the top of the page
    fires only while fewer than `top` blocks before the line are kept (`Page.kept`); a
    `profiled` rule only on a page whose site the profile knows (`Page.learned`).
    """

    max_words: int = sys.maxsize
    max_chars: int = sys.maxsize
    phrases: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    top: int = sys.maxsize
    profiled: bool = False

    def fits(self, words: int, chars: int) -> bool:
        """The size limits; the phrase and pattern condition is `dispatch.RulePlan`'s to check."""
        return words <= self.max_words and chars <= self.max_chars


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    check: Check
    default: bool = True
    scope: str = "block"
    gate: Gate | None = None
    alone: bool = False

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def matches(self, selector: str) -> bool:
        """True when a select/ignore entry names this rule (code, prefix, name, family)."""
        selector = selector.strip()
        upper = selector.upper()
        return selector == "ALL" or self.code.startswith(upper) or selector.lower() in (self.name, self.family)


_RULES: dict[str, Rule] = {}


SCOPES = ("block", "page", "lead", "node")


def rule(
    code: str,
    name: str,
    family: str,
    *,
    default: bool = True,
    scope: str = "block",
    gate: Gate | None = None,
    alone: bool = False,
) -> Callable[[Check], Check]:
    """Register `check` under a code; the docstring must carry the standard sections."""

    def register(check: Check) -> Check:
        doc = inspect.cleandoc(check.__doc__ or "")
        missing = [s for s in DOC_SECTIONS if f"{s}:" not in doc]
        if missing:
            raise ValueError(f"rule {code} docstring lacks sections: {', '.join(missing)}")
        if scope not in SCOPES:
            raise ValueError(f"rule {code} has unknown scope {scope!r}")
        if code in _RULES or any(r.name == name for r in _RULES.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        _RULES[code] = Rule(code, name, family, check, default, scope, gate, alone)
        return check

    return register


def all_rules() -> list[Rule]:
    """Every registered rule, in the order they are tried on a block."""
    _load_rule_modules()
    return list(_RULES.values())


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
    "captions",
    "credits",
    "comments",
    "related",
    "navigation",
    "footer",
    "bylines",
    "timestamps",
    "layout",
    "metadata",
    "html",
    # Last: a specific rule that also matches learned boilerplate records it better (a caption, a byline).
    "site",
)


def _load_rule_modules() -> None:
    # Importing a family module runs its @rule decorators.
    for module in RULE_MODULES:
        import_module(f"cleaner.rules.{module}")
