"""The kinds of rule, as types: what each judges, how it is called, and what it says back.

Every rule shares one description (`Rule`: code, name, family, whether it runs
by default, its documentation) and has its own call shape:
- `BlockRule`: one block of a page, `check(page, i) -> Hit | None`, in block order;
- `PageRule`: the whole page after the block rules, `check(page) -> [(i, Hit)]`
  (the main-content run of a whole-page dump);
- `LeadRule`: the top of what is kept, last (the headline and standfirst), called
  as a block rule is;
- `NodeRule`: a DOM node the rule's `Claim` selects, `check(node) -> Hit | None`,
  run by the HTML front end while it prunes the page.

A block or lead rule may declare a `Gate`: what a line must have for the rule to
possibly fire. Calling the rule (`rule(page, i)`) enforces the gate, so a rule's
body never repeats its limits; the engine's dispatch (`dispatch.RulePlan`) skips
the rule on lines the gate shuts out and calls `check` itself. A rule with
`alone=True` judges a block by itself (its text, and its tag and link density in
HTML) and the vocabulary, never by its neighbours or what the page has found: a
block it let through once it lets through again, and a plain-text line gets the
same verdict wherever it stands. Its hits must not be changed after it returns
them: they may be handed out again.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

    from cleaner.rules.framework.context import Page
    from cleaner.vocab import Vocabulary

Scope = Literal["block", "page", "lead", "node"]
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


@dataclass(frozen=True, slots=True)
class Gate:
    """A cheap precondition of a block rule: it must hold of every line the rule removes.

    The line has `min_words` to `max_words` words and at most `max_chars` characters, and,
    when `phrases` or `pattern` are given, holds a phrase of one of the `phrases` families
    (`Vocabulary.line_families`) or a match of `pattern`. The pattern may be made from
    the vocabulary (a function of it, called once per vocabulary: `pattern_in`), for a
    rule whose lines open with one of its phrases. A rule of the top of the page fires
    only while fewer than `top` blocks before the line are kept (`Page.kept`); a
    `profiled` rule only on a page whose site the profile knows (`Page.learned`).
    """

    max_words: int = sys.maxsize
    max_chars: int = sys.maxsize
    min_words: int = 0
    phrases: tuple[str, ...] = ()
    pattern: re.Pattern[str] | Callable[[Vocabulary], re.Pattern[str]] | None = None
    top: int = sys.maxsize
    profiled: bool = False

    def fits(self, words: int, chars: int) -> bool:
        """The size limits; the phrase and pattern condition is `admits`' (and `dispatch.RulePlan`'s)."""
        return self.min_words <= words <= self.max_words and chars <= self.max_chars

    def pattern_in(self, vocab: Vocabulary) -> re.Pattern[str] | None:
        """The pattern a line may match instead of holding a phrase, as this vocabulary makes it."""
        if self.pattern is None or isinstance(self.pattern, re.Pattern):
            return self.pattern
        return vocab.derived(self.pattern)

    def admits(self, page: Page, i: int) -> bool:
        """Whether block `i` passes every condition of the gate."""
        text = page.blocks[i].text
        if not self.fits(len(text.split()), len(text)) or page.kept >= self.top:
            return False
        if self.profiled and page.learned is None:
            return False
        if not self.phrases and self.pattern is None:
            return True
        if self.phrases and page.vocab.line_families(text) & page.vocab.family_bits(self.phrases):
            return True
        pattern = self.pattern_in(page.vocab)
        return pattern is not None and pattern.search(text) is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """What every rule has: a stable code, a kebab-case name, a family and its documentation."""

    scope: ClassVar[Scope]
    code: str
    name: str
    family: str
    doc: str
    default: bool = True

    def matches(self, selector: str) -> bool:
        """True when a select/ignore entry names this rule (code, prefix, name, family)."""
        selector = selector.strip()
        upper = selector.upper()
        return selector == "ALL" or self.code.startswith(upper) or selector.lower() in (self.name, self.family)


@dataclass(frozen=True, slots=True, kw_only=True)
class LineRule(Rule):
    """A rule that judges block `i` of a page, behind an optional gate.

    `reads_ahead` says, for a rule that does not judge a block alone, that its check reads
    nothing of the page but the text and markup of block `i` and of that many blocks after it
    (and the vocabulary and site profile): not their gaps, not what is kept or found. A later
    rule pass asks it again only about blocks whose followers changed. None: it may read anything.
    """

    check: Callable[[Page, int], Hit | None]
    gate: Gate | None = None
    alone: bool = False
    reads_ahead: int | None = None

    def __call__(self, page: Page, i: int) -> Hit | None:
        if self.gate is not None and not self.gate.admits(page, i):
            return None
        return self.check(page, i)


@dataclass(frozen=True, slots=True, kw_only=True)
class BlockRule(LineRule):
    scope: ClassVar[Scope] = "block"


@dataclass(frozen=True, slots=True, kw_only=True)
class LeadRule(LineRule):
    scope: ClassVar[Scope] = "lead"


@dataclass(frozen=True, slots=True, kw_only=True)
class PageRule(Rule):
    """A rule that judges the whole page at once: the hits of the blocks it removes."""

    scope: ClassVar[Scope] = "page"
    check: Callable[[Page], list[tuple[int, Hit]]]

    def __call__(self, page: Page) -> list[tuple[int, Hit]]:
        return self.check(page)


@dataclass(frozen=True, slots=True)
class Claim:
    """The DOM nodes a node rule is asked about: those a CSS selector matches (its tags and
    selectors), those whose class or id holds one of its `keywords` (a whole-word pattern), and
    those of the kind it judges by shape alone (`every`, a CSS selector, claimed last)."""

    css: str = ""
    keywords: re.Pattern[str] | None = None
    every: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class NodeRule(Rule):
    """A rule that judges a DOM node its claim selects, before the main content is extracted."""

    scope: ClassVar[Scope] = "node"
    check: Callable[[LexborNode], Hit | None]
    claim: Claim

    def __call__(self, node: LexborNode) -> Hit | None:
        return self.check(node)


def documentation(code: str, text: str | None) -> str:
    """A rule's documentation, checked to have every section in order."""
    doc = inspect.cleandoc(text or "")
    positions = [doc.find(f"{section}:") for section in DOC_SECTIONS]
    if -1 in positions or positions != sorted(positions):
        raise ValueError(f"rule {code} documentation lacks sections in order: {', '.join(DOC_SECTIONS)}")
    return doc
