"""Which block rules to try on a line: the gates worked out once per kind of line.

A gate (`registry.Gate`) looks at a line through its word count, its length,
the phrase families it may hold and, for some rules, one regex. Lines alike in
the first three (same families, word count and length between the same gate
limits) admit the same rules, so a plan keeps each kind's candidate list and
only the regex, where a gate has one, is tried per line. The engine calls a
handful of rules per line instead of asking every gate of every rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from cleaner.rules.registry import Rule
from cleaner.vocab import Vocabulary

# A candidate rule, and the regex the line must match for it to be tried (None: no condition).
Candidate = tuple[Rule, "re.Pattern[str] | None"]


@lru_cache(maxsize=1 << 16)
def line_facts(vocab: Vocabulary, text: str) -> tuple[int, int, int]:
    """What the gates read of a line: its words, its characters, its phrase families.

    Cached: each rule pass over a text reads again the lines the previous pass kept.
    """
    return len(text.split()), len(text), vocab.line_families(text)


class RulePlan:
    """The candidate rules of one rule list, per kind of line, in the list's order."""

    def __init__(self, rules: tuple[Rule, ...], vocab: Vocabulary) -> None:
        self.vocab = vocab
        gates = [r.gate for r in rules if r.gate is not None]
        self._rules = [(r, vocab.family_bits(r.gate.phrases) if r.gate else 0) for r in rules]
        self._word_limits = sorted({gate.max_words for gate in gates})
        self._char_limits = sorted({gate.max_chars for gate in gates})
        self._kinds: dict[tuple[int, int, int], tuple[Candidate, ...]] = {}

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """The rules whose gates may admit `text`, each with the regex still to match."""
        words, chars, families = line_facts(self.vocab, text)
        kind = (families, bisect_left(self._word_limits, words), bisect_left(self._char_limits, chars))
        found = self._kinds.get(kind)
        if found is None:
            found = self._kinds[kind] = tuple(self._admitted(words, chars, families))
        return found

    def _admitted(self, words: int, chars: int, families: int) -> Iterator[Candidate]:
        """Every line of this kind gets the same answer: the limits fall between the same values."""
        for rule, needed in self._rules:
            gate = rule.gate
            if gate is None:
                yield rule, None
            elif not gate.fits(words, chars):
                continue
            elif (not needed and gate.pattern is None) or families & needed:
                yield rule, None
            elif gate.pattern is not None:
                yield rule, gate.pattern


@lru_cache(maxsize=64)
def plan(rules: tuple[Rule, ...], vocab: Vocabulary) -> RulePlan:
    """The plan of a rule list, made once per configuration."""
    return RulePlan(rules, vocab)
