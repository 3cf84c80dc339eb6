"""Which block rules to try on a line, and what they say: worked out once, not once per line.

A gate (`registry.Gate`) looks at a line through its word count, its length,
the phrase families it may hold and, for some rules, one regex. Lines alike in
the first three (word count and length between the same gate limits, the same
families among those the gates ask for) admit the same rules, so a plan keeps
each kind's candidate list and only the regex, where a gate has one, is tried
per line. The engine calls a handful of rules per line instead of asking every
gate of every rule. A line's words, length and families are found once for all
the plans of a vocabulary: every pass asks them again of the lines it keeps.

Pages repeat their lines (a menu at the top and the bottom, a site's footer on
every page). When every candidate for a plain-text line judges it by itself
(rules registered `alone`), the verdict is remembered per line text. Rules
that only judge the top of a page (`Gate.top`) leave the plan once that many
blocks are kept, and rules that need a site profile are left out without one.

Plans live on their vocabulary (`Vocabulary.derived`), so what they remember
goes when the configuration goes.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from functools import cached_property, reduce
from operator import or_

from cleaner.rules.page import Page
from cleaner.rules.registry import Hit, Rule
from cleaner.vocab import Vocabulary

# A candidate rule, and the regex the line must match for it to be tried (None: no condition).
Candidate = tuple[Rule, "re.Pattern[str] | None"]
Candidates = tuple[tuple[Candidate, ...], bool]
Verdict = tuple[Rule, Hit] | None
# What a plan remembers: lines up to this long (furniture is short; long lines rarely repeat and
# would make the memory grow with the input), and this many lines or kinds of line, after which
# it forgets them all and starts again.
_REMEMBERED_CHARS = 200
_REMEMBERED = 1 << 15
_UNKNOWN = object()


class RulePlan:
    """The candidate rules of one rule list, per kind of line, in the list's order."""

    def __init__(self, rules: tuple[Rule, ...], vocab: Vocabulary) -> None:
        self.rules, self.vocab = rules, vocab
        gates = [r.gate for r in rules if r.gate is not None]
        # Blocks kept before the plan has nothing more to say with its top-of-page rules.
        self.reach = max((gate.top for gate in gates if gate.top < sys.maxsize), default=sys.maxsize)
        self._needed = [vocab.family_bits(r.gate.phrases) if r.gate else 0 for r in rules]
        # The families some gate asks for: a line's other families admit no other rules.
        self._asked = reduce(or_, self._needed, 0)
        self._word_limits = sorted({gate.max_words for gate in gates})
        self._char_limits = sorted({gate.max_chars for gate in gates})
        self._kinds: dict[tuple[int, int, int], Candidates] = {}
        # Without gates every line is of one kind: its words and families need not be found.
        self._ungated = None if gates else self._of_kind(0, 0, 0)
        self._lines: dict[str, Candidates] = {}
        self._verdicts: dict[str, Verdict] = {}

    @cached_property
    def beyond(self) -> RulePlan | None:
        """The plan for the blocks past `reach`: without the top-of-page rules; None if no rule is left."""
        rules = tuple(r for r in self.rules if r.gate is None or r.gate.top == sys.maxsize)
        return plan(rules, self.vocab) if rules else None

    def first_hit(self, page: Page, i: int) -> Verdict:
        """The first candidate rule that removes block `i`, with its hit; None when all let it through."""
        block = page.blocks[i]
        text = block.text
        candidates, alone = self.candidates(text)
        if not candidates:
            return None
        if not alone or block.tag is not None or block.link_density or len(text) > _REMEMBERED_CHARS:
            return _first_hit(candidates, page, i)
        verdict = self._verdicts.get(text, _UNKNOWN)
        if verdict is _UNKNOWN:
            verdict = _first_hit(candidates, page, i)
            _remember(self._verdicts, text, verdict)
        return verdict

    def candidates(self, text: str) -> Candidates:
        """The rules whose gates may admit `text`, each with the regex still to match; and whether
        all of them judge a line by itself."""
        found = self._ungated or self._lines.get(text)
        if found is None:
            found = self._of_kind(*_line_shape(self.vocab, text))
            if len(text) <= _REMEMBERED_CHARS:
                _remember(self._lines, text, found)
        return found

    def _of_kind(self, words: int, chars: int, families: int) -> Candidates:
        families &= self._asked
        kind = (families, bisect_left(self._word_limits, words), bisect_left(self._char_limits, chars))
        found = self._kinds.get(kind)
        if found is None:
            admitted = tuple(self._admitted(words, chars, families))
            found = (admitted, all(rule.alone for rule, _ in admitted))
            _remember(self._kinds, kind, found)
        return found

    def _admitted(self, words: int, chars: int, families: int) -> Iterator[Candidate]:
        """Every line of this kind gets the same answer: the limits fall between the same values."""
        for rule, needed in zip(self.rules, self._needed, strict=True):
            gate = rule.gate
            if gate is None:
                yield rule, None
            elif not gate.fits(words, chars):
                continue
            elif (not needed and gate.pattern is None) or families & needed:
                yield rule, None
            elif gate.pattern is not None:
                yield rule, gate.pattern


def _line_shape(vocab: Vocabulary, text: str) -> tuple[int, int, int]:
    """What the gates look at in a line: its words, its length and its phrase families.

    Remembered for every plan of the vocabulary: each pass, and the lead rules after it,
    ask it again of the lines the pass before kept.
    """
    shapes = vocab.derived(_shape_table)
    found = shapes.get(text)
    if found is None:
        found = (len(text.split()), len(text), vocab.line_families(text))
        if len(text) <= _REMEMBERED_CHARS:
            _remember(shapes, text, found)
    return found


def _shape_table(vocab: Vocabulary) -> dict[str, tuple[int, int, int]]:
    return {}


def _first_hit(candidates: tuple[Candidate, ...], page: Page, i: int) -> Verdict:
    text = page.blocks[i].text
    for rule, pattern in candidates:
        if pattern is not None and pattern.search(text) is None:
            continue
        hit = rule.check(page, i)
        if hit is not None:
            return rule, hit
    return None


def _remember(table: dict, key: object, value: object) -> None:
    if len(table) >= _REMEMBERED:
        table.clear()
    table[key] = value


def plan(rules: tuple[Rule, ...], vocab: Vocabulary) -> RulePlan:
    """The plan of a rule list, made once per vocabulary."""
    plans = vocab.derived(_plan_table)
    found = plans.get(rules)
    if found is None:
        found = plans[rules] = RulePlan(rules, vocab)
    return found


def _plan_table(vocab: Vocabulary) -> dict[tuple[Rule, ...], RulePlan]:
    return {}


def plan_for(page: Page, rules: tuple[Rule, ...]) -> RulePlan | None:
    """The plan of the rules that can judge this page: those needing a site profile only with one."""
    if page.learned is None:
        rules = tuple(r for r in rules if r.gate is None or not r.gate.profiled)
    return plan(rules, page.vocab) if rules else None
