"""Which block rules to try on a line, and what they say: worked out once, not once per line.

A gate (`registry.Gate`) looks at a line through its word count, its length,
the phrase families it may hold and, for some rules, one regex. Lines alike in
the first three (word count and length between the same gate limits, the same
families among those the gates ask for) admit the same rules, so a plan keeps
each kind's candidate list and only the regex, where a gate has one, is tried
per line. The engine calls a handful of rules per line instead of asking every
gate of every rule. A line's families are the costly part: they are found only
when a rule that fits the line's size asks for some (a long paragraph fits few
gates), and once for all the plans of a vocabulary: every pass asks them again
of the lines it keeps.

Pages repeat their lines (a menu at the top and the bottom, a site's footer on
every page). What the candidates that judge a plain-text line by itself (rules
registered `alone`) say of it is remembered per line text; the other candidates
are asked each time, those before the remembered verdict's rule only. Rules
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
from typing import NamedTuple

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Hit
from cleaner.rules.framework.kinds import LineRule as Rule
from cleaner.vocab import Vocabulary

# A candidate rule, and the regex the line must match for it to be tried (None: no condition).
Candidate = tuple[Rule, "re.Pattern[str] | None"]
Verdict = tuple[Rule, Hit] | None
# What a plan remembers of a line: the candidates not judging it alone that come before the
# verdict of those that do, and that verdict.
Remembered = tuple[tuple[Candidate, ...], Verdict]
# What a plan remembers: lines up to this long (furniture is short; long lines rarely repeat and
# would make the memory grow with the input), and this many lines or kinds of line, after which
# it forgets them all and starts again.
_REMEMBERED_CHARS = 200
_REMEMBERED = 1 << 15


class Candidates(NamedTuple):
    """The candidate rules for a kind of line in the plan's order: all of them, those that judge
    a line by itself (`Rule.alone`) and the others."""

    every: tuple[Candidate, ...]
    alone: tuple[Candidate, ...]
    others: tuple[Candidate, ...]


class RulePlan:
    """The candidate rules of one rule list, per kind of line, in the list's order."""

    def __init__(self, rules: tuple[Rule, ...], vocab: Vocabulary) -> None:
        self.rules, self.vocab = rules, vocab
        gates = [r.gate for r in rules if r.gate is not None]
        # Blocks kept before the plan has nothing more to say with its top-of-page rules.
        self.reach = max((gate.top for gate in gates if gate.top < sys.maxsize), default=sys.maxsize)
        self._needed = [vocab.family_bits(r.gate.phrases) if r.gate else 0 for r in rules]
        # A line fits a gate's least word count when it has more words than one fewer.
        self._word_limits = sorted({gate.max_words for gate in gates} | {gate.min_words - 1 for gate in gates})
        self._char_limits = sorted({gate.max_chars for gate in gates})
        # Per size (word count and length between the same limits): the families the gates that
        # fit it ask for. A line's other families admit no other rules.
        self._asked: dict[tuple[int, int], int] = {}
        self._kinds: dict[tuple[int, int, int], Candidates] = {}
        # Without gates every line is of one kind: its words and families need not be found.
        self._ungated = None if gates else self._of_kind(0, 0, "")
        self._lines: dict[str, Candidates] = {}
        self._verdicts: dict[str, Remembered] = {}
        self._families = vocab.derived(_families_table)

    @cached_property
    def beyond(self) -> RulePlan | None:
        """The plan for the blocks past `reach`: without the top-of-page rules; None if no rule is left."""
        rules = tuple(r for r in self.rules if r.gate is None or r.gate.top == sys.maxsize)
        return plan(rules, self.vocab) if rules else None

    def first_hit(self, page: Page, i: int, unchanged_ahead: int = -1) -> Verdict:
        """The first candidate rule that removes block `i`, with its hit; None when all let it through.

        `unchanged_ahead` (a later rule pass) is how many blocks after it are those that followed
        it in the pass before: the rules that read no further (`LineRule.reads_ahead`) are not asked.
        """
        block = page.blocks[i]
        text = block.text
        candidates = self.candidates(text)
        if unchanged_ahead >= 0:
            every = tuple(c for c in candidates.every if c[0].reads_ahead is None or c[0].reads_ahead > unchanged_ahead)
            return _first_hit(every, page, i)
        if not candidates.alone or block.tag is not None or block.link_density or len(text) > _REMEMBERED_CHARS:
            return _first_hit(candidates.every, page, i)
        remembered = self._verdicts.get(text)
        if remembered is None:
            remembered = _alone_verdict(candidates, page, i)
            _remember(self._verdicts, text, remembered)
        ask_first, verdict = remembered
        if ask_first:
            return _first_hit(ask_first, page, i) or verdict
        return verdict

    def candidates(self, text: str) -> Candidates:
        """The rules whose gates may admit `text`, each with the regex still to match."""
        found = self._ungated or self._lines.get(text)
        if found is None:
            found = self._of_kind(len(text.split()), len(text), text)
            if len(text) <= _REMEMBERED_CHARS:
                _remember(self._lines, text, found)
        return found

    def _of_kind(self, words: int, chars: int, text: str) -> Candidates:
        size = (bisect_left(self._word_limits, words), bisect_left(self._char_limits, chars))
        asked = self._asked.get(size)
        if asked is None:
            asked = self._asked[size] = self._asked_of_size(words, chars)
        families = self._line_families(text) & asked if asked else 0
        kind = (families, *size)
        found = self._kinds.get(kind)
        if found is None:
            admitted = tuple(self._admitted(words, chars, families))
            found = Candidates(
                admitted, tuple(c for c in admitted if c[0].alone), tuple(c for c in admitted if not c[0].alone)
            )
            _remember(self._kinds, kind, found)
        return found

    def _line_families(self, text: str) -> int:
        """The line's phrase families (`Vocabulary.line_families`).

        Remembered for every plan of the vocabulary: each pass, and the lead rules after it,
        ask them again of the lines the pass before kept.
        """
        found = self._families.get(text)
        if found is None:
            found = self.vocab.line_families(text)
            if len(text) <= _REMEMBERED_CHARS:
                _remember(self._families, text, found)
        return found

    def _asked_of_size(self, words: int, chars: int) -> int:
        """The families asked for by the gates a line of this size fits."""
        rules = zip(self.rules, self._needed, strict=True)
        return reduce(or_, (needed for rule, needed in rules if needed and _fits(rule, words, chars)), 0)

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
                yield rule, gate.pattern_in(self.vocab)


def _families_table(vocab: Vocabulary) -> dict[str, int]:
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


def _alone_verdict(candidates: Candidates, page: Page, i: int) -> Remembered:
    """The first hit of the candidates that judge block `i` by itself, and the other candidates
    to ask before it (all of them when none hits)."""
    verdict = _first_hit(candidates.alone, page, i)
    if verdict is None:
        return candidates.others, None
    position = next(k for k, (rule, _) in enumerate(candidates.every) if rule is verdict[0])
    return tuple(c for c in candidates.every[:position] if not c[0].alone), verdict


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


def _fits(rule: Rule, words: int, chars: int) -> bool:
    return rule.gate is None or rule.gate.fits(words, chars)
