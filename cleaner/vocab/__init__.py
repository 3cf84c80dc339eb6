"""Phrase vocabularies, kept as data (one TOML file per language) apart from the rules.

Each file has a `[phrases]` table: family name -> list of phrases. A
Vocabulary merges every language (a page's language is often unknown when
the rules run) plus the user's extra phrases, and answers three questions
per family: is this whole line one of the phrases, does it start with one,
does it contain one. Each family compiles to one alternation, not a regex
per phrase.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

# Characters that decorate a label line without changing what it says:
# "RECENT STORIES:", "» Related", "Advertisement -", "▼ Comments".
_DECORATION = " \t:|>»›•·–—-_*#=~.…()[]<>«‹▼▶►→"
# A word of a line or phrase, for the phrase gate (`Vocabulary.line_families`).
_WORD_RUN = re.compile(r"[^\W_]+")
# A word of a label (`Vocabulary.made_of`): letters and digits with the vowel signs and other marks
# that Indic scripts write as characters of their own ("पढ़ें" is one word), but no danda.
_LABEL_WORD = re.compile(r"(?:[^\W_\u0964\u0965]|[\u0900-\u0963\u0966-\u0dff])+")


def label_words_of(text: str) -> list[str]:
    """The line's words as `Vocabulary.made_of` compares them: casefolded and canonical."""
    return _LABEL_WORD.findall(_canonical(text))


def _canonical(text: str) -> str:
    """Casefolded, and composed when not ASCII: "é" and "ढ़" each have two spellings, and NFC gives
    both one (the nukta's letters are never composed, so NFC takes "ढ़" apart)."""
    return text.casefold() if text.isascii() else unicodedata.normalize("NFC", text.casefold())


# An ASCII line's words, casefolded, are its letters and digits lower-cased, split at anything else:
# mapped so, the line splits faster than a regex finds its words.
_ASCII_WORDS = {code: chr(code).lower() if chr(code).isalnum() else " " for code in range(128)}


def _words(text: str) -> list[str]:
    """The line's words (`_WORD_RUN`), casefolded."""
    return text.translate(_ASCII_WORDS).split() if text.isascii() else _WORD_RUN.findall(text.casefold())


# The phrase gate compares casefolded words: casefolding equates every pair of letters that
# re.IGNORECASE does ("ſ" and "s", "ᲀ" and "в"), but for these: "ı" matches "i", "İ" folds into
# two characters, and the combining ypogegrammeni, no word character, folds into "ι", one. Lines
# and phrases holding one are never gated.
_CASE_SPECIAL = frozenset("İı\u0345")


@lru_cache(maxsize=4096)
def normalise_label(text: str) -> str:
    """Lower-case a short line and strip decoration, for whole-line lookups.

    Cached: every block rule asks this of the same line in turn.

    >>> normalise_label("  RECENT STORIES: ")
    'recent stories'
    """
    return " ".join(text.strip(_DECORATION).lower().split())


@cache
def _language_files() -> tuple[dict, ...]:
    """Every language file's parsed TOML, in a stable order."""
    folder = resources.files("cleaner.vocab")
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    return tuple(tomllib.loads(e.read_text(encoding="utf-8")) for e in entries)


@cache
def _builtin_phrases() -> dict[str, tuple[str, ...]]:
    merged: dict[str, list[str]] = {}
    for data in _language_files():
        for family, phrases in data.get("phrases", {}).items():
            merged.setdefault(family, []).extend(phrases)
    return {family: tuple(dict.fromkeys(p.lower() for p in phrases)) for family, phrases in merged.items()}


def builtin_families() -> frozenset[str]:
    """The names of the phrase families the language files define: the ones a config's `phrases`
    table may extend (a misspelt one would be read by no rule)."""
    return frozenset(_builtin_phrases())


@cache
def stopwords() -> dict[str, frozenset[str]]:
    """Per-language function words, used to tell a page's language."""
    return {data["language"]: frozenset(data["stopwords"]) for data in _language_files() if "stopwords" in data}


@cache
def function_words() -> frozenset[str]:
    """Every language's function words together: the words that say nothing of what a line is about."""
    return frozenset().union(*stopwords().values())


@cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations of every language, casefolded -> month number.

    Casefolded, as a case-insensitive match may spell a name with letters that lower() keeps
    ("ſept" matches "sept").
    """
    result: dict[str, int] = {}
    for data in _language_files():
        result.update((name.casefold(), number) for name, number in data.get("months", {}).items())
    return result


# Families no gate names, read a word at a time (`members`, `made_of`) or looked for only in a line a
# rule already took up (or a gate's pattern made of them took up): the phrase gate's index leaves
# them out, as their words ("the", "our", "with", the label words of every language) are in nearly
# every line.
WORD_SETS = frozenset(
    {
        "label_words",
        "interface_words",
        "contact_words",
        "person_pronouns",
        "singular_pronouns",
        "sign_up_words",
        "offer_periods",
        "engagement_counts",
        "byline_labels",
        "byline_articles",
        "byline_connectors",
        "byline_date_joiners",
        "group_credits",
        "place_openers",
        "press_nouns",
        "minute_units",
        "age_units",
        "age_closings",
        "credit_words",
        "self_words",
        "file_words",
        "possessive_words",
        "title_articles",
        "agreement_words",
        "name_titles",
        "pager_words",
        "pager_joins",
        "contents_headers",
        "consent_dialog_labels",
        "consent_dialog_texts",
        "consent_toggle_states",
        "feedback_words",
        "feedback_answers",
        "page_nouns",
        "quote_openers",
        "comment_writes",
        "condition_words",
    }
)

T = TypeVar("T")
# A word of a phrase in `Vocabulary.line_families`' tree: the bits of the families with a phrase
# ending on it, and the words that go on from it.
_WordNode = tuple[int, dict[str, "_WordNode"]]
_PHRASE_END = ""
# What comes before a family's phrases where `Vocabulary.starts` matches them (a little decoration
# at the line's start) and where `Vocabulary.search` finds them (a word's start).
AT_START = r"[\W_]{0,3}"
ON_WORD_START = r"(?<!\w)"
# Choices nested deeper than this are listed flat below it: Python's regex compiler recurses on nesting.
_MAX_NESTING = 40


def _trie_regex(node: dict[str, dict], depth: int = 0) -> str:
    """A regex for the phrases below a trie node; greedy, so a longer phrase is tried first."""
    if depth >= _MAX_NESTING:
        suffixes = sorted(_suffixes(node), key=len, reverse=True)
        return f"(?:{'|'.join(map(_literal, suffixes))})"
    branches = []
    for char, child in node.items():
        if char == _PHRASE_END:
            continue
        chain = char
        while len(child) == 1 and _PHRASE_END not in child:  # no choice to make: one literal
            [(char, child)] = child.items()
            chain += char
        branches.append(_literal(chain) + _trie_regex(child, depth + 1))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if _PHRASE_END in node else body


def _suffixes(node: dict[str, dict]) -> list[str]:
    """Every phrase ending below a trie node, as the text after the node."""
    found, stack = [], [("", node)]
    while stack:
        prefix, current = stack.pop()
        for char, child in current.items():
            if char == _PHRASE_END:
                found.append(prefix)
            else:
                stack.append((prefix + char, child))
    return found


def _literal(text: str) -> str:
    """Phrase text as a regex: its (single) spaces match any run of whitespace."""
    return r"\s+".join(map(re.escape, text.split(" ")))


class Vocabulary:
    """Built-in phrases merged with the user's extras, compiled on first use."""

    def __init__(self, extra: Mapping[str, Iterable[str]] | None = None):
        builtin = _builtin_phrases()
        extra = extra or {}
        self._phrases = {
            family: tuple(dict.fromkeys((*builtin.get(family, ()), *(p.lower() for p in extra.get(family, ())))))
            for family in sorted({*builtin, *extra})
        }
        self._labels: dict[str, frozenset[str]] = {}
        self._members: dict[str, frozenset[str]] = {}
        self._word_sets: dict[str, frozenset[str]] = {}
        # Per family and what comes before it: most families are only matched at a line's start or
        # only searched for, and a pattern costs more to compile than all its uses on a short run.
        self._patterns: dict[tuple[str, str], re.Pattern[str]] = {}
        self._derived: dict[Callable[[Vocabulary], Any], Any] = {}
        self._bits = {family: 1 << n for n, family in enumerate(self._phrases)}
        self._phrase_words: tuple[dict[str, _WordNode], int] | None = None

    def __reduce__(self):
        # Compiled caches are rebuilt on first use in the receiving process.
        return (Vocabulary, ({k: list(v) for k, v in self._phrases.items()},))

    def phrases(self, family: str) -> tuple[str, ...]:
        return self._phrases.get(family, ())

    def members(self, family: str) -> frozenset[str]:
        """The family's phrases as a set, to look up one word at a time (a weekday, a network)."""
        found = self._members.get(family)
        if found is None:
            found = self._members[family] = frozenset(self.phrases(family))
        return found

    def line_is(self, family: str, text: str) -> bool:
        """True when the whole line, decoration aside, is one of the family's phrases."""
        if len(text) > 120:
            return False
        labels = self._labels.get(family)
        if labels is None:
            labels = self._labels[family] = frozenset(normalise_label(p) for p in self.phrases(family))
        return normalise_label(text) in labels

    def made_of(self, keys: str, text: str, *, unknown: int = 0, others: str | None = None) -> bool:
        """True when every word of the line (numbers aside) is a word of `keys`, a label word or a
        word of the `others` family, but `unknown` of them at most, and one is a key: a label
        written in a closed vocabulary, in whatever order and wording a site chose ("Article
        continues after this advertisement", "Weiter nach der Anzeige"), while a sentence of the
        text holds words outside it. The families' entries are words."""
        key_words, label_words = self.word_set(keys), self.word_set("label_words")
        other_words = self.word_set(others) if others else frozenset()
        found = False
        for word in label_words_of(text):
            if word in key_words:
                found = True
            elif word not in label_words and word not in other_words and not word.isdigit():
                unknown -= 1
                if unknown < 0:
                    return False
        return found

    def word_set(self, family: str) -> frozenset[str]:
        """The family's entries as `label_words_of` spells a line's words: casefolded, canonical."""
        found = self._word_sets.get(family)
        if found is None:
            found = self._word_sets[family] = frozenset(map(_canonical, self.phrases(family)))
        return found

    def starts(self, family: str, text: str) -> re.Match[str] | None:
        """Match a phrase of the family at the start of the line (word boundary after it)."""
        return self._compiled(family, AT_START).match(text)

    def search(self, family: str, text: str) -> re.Match[str] | None:
        """Find a phrase of the family anywhere in the line, on word boundaries."""
        return self._compiled(family, ON_WORD_START).search(text)

    def family_bits(self, families: Iterable[str]) -> int:
        """The families as a bit set, as `line_families` reports them."""
        return sum(self._bits.get(family, 0) for family in set(families))

    def line_families(self, text: str) -> int:
        """The families (a bit set) one of whose phrases the line may hold: one whose words are words of the line, in a row.

        Every phrase match (`line_is`, `starts`, `search`, and patterns built from `alternation`
        whose phrases end on a word boundary) implies it, so a rule that needs a family's phrase
        can skip a line without it. Families that cannot be told this way are always reported;
        the word sets (`WORD_SETS`) never are, and no gate may name them.
        """
        if self._phrase_words is None:
            self._phrase_words = self._index_phrase_words()
        index, always = self._phrase_words
        if not text.isascii() and not _CASE_SPECIAL.isdisjoint(text):
            return -1
        words = _words(text)
        if index.keys().isdisjoint(words):  # most lines: no phrase starts on any of their words
            return always
        found = always
        for start, word in enumerate(words):
            node = index.get(word)
            following = start + 1
            while node is not None:
                ending, longer = node
                found |= ending
                if not longer or following == len(words):
                    break
                node = longer.get(words[following])
                following += 1
        return found

    def _index_phrase_words(self) -> tuple[dict[str, _WordNode], int]:
        """The phrases as a tree of their words, from the first: each word leads to the bits of the
        families with a phrase ending there and to the words that go on from it; and the bits of
        families with a phrase that has no word or holds a character case-insensitive matching
        treats specially."""
        index: dict[str, _WordNode] = {}
        always = 0
        for family, phrases in self._phrases.items():
            if family in WORD_SETS:
                continue
            bit = self._bits[family]
            for phrase in phrases:
                words = _words(normalise_label(phrase))
                if not words or not _CASE_SPECIAL.isdisjoint(phrase):
                    always |= bit
                    continue
                level = index
                for word in words[:-1]:
                    ending, longer = level.get(word, (0, {}))
                    level[word] = (ending, longer)
                    level = longer
                ending, longer = level.get(words[-1], (0, {}))
                level[words[-1]] = (ending | bit, longer)
        return index, always

    def derived(self, build: Callable[[Vocabulary], T]) -> T:
        """`build(self)`, computed once per vocabulary: for patterns a rule makes from phrases."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    def alternation(self, family: str) -> str:
        """The family as one regex matching any of its phrases, longest first, spaces matching any run.

        The phrases share their prefixes (a trie), so at each position of a line the regex
        reads the text once instead of trying every phrase in turn.
        """
        trie: dict[str, dict] = {}
        for phrase in self.phrases(family):
            node = trie
            for char in " ".join(phrase.split()):
                node = node.setdefault(char, {})
            node[_PHRASE_END] = {}
        return _trie_regex(trie) or r"(?!x)x"

    def _compiled(self, family: str, before: str) -> re.Pattern[str]:
        """The family's phrases after `before`, each ending on a word boundary."""
        compiled = self._patterns.get((family, before))
        if compiled is None:
            pattern = rf"{before}(?:{self.alternation(family)})(?!\w)"
            compiled = self._patterns[family, before] = re.compile(pattern, re.IGNORECASE)
        return compiled
