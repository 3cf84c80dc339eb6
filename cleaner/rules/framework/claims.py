"""Which DOM nodes each node rule is asked about: its claim, read from the rules' markup table.

The table (`cleaner/rules/html.toml`, one entry per node rule, keyed by its name)
names the tags and CSS selectors a rule claims, the class/id words it claims
(whole words: "related-posts", "relatedPosts" and "related_posts" hold the word
"related"; "unrelated" does not) and the elements it judges by shape alone. A node
whose class or id also names the content ("entry-content") is never claimed by
its words.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from cleaner.rules.framework.kinds import Claim, NodeRule

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

# Utility classes that style text ("text-center", "text-sm", "text-gray-600"): the word "text" in
# them says nothing about what the element holds.
_UTILITY_CLASS = re.compile(r"(?<!\S)text-\S+")
# Headings whose id is an anchor of this many of their own words are sections, not boxes.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ANCHOR_WORDS = 2


def claimed(body: LexborNode, rules: Iterable[NodeRule]) -> list[tuple[LexborNode, NodeRule]]:
    """Each node the rules' claims select, with the first rule (in the order given) claiming it.

    The rules that judge every element of a kind by its shape claim last: a paragraph whose
    class says caption stays the caption rule's.
    """
    rules = tuple(rules)
    found: dict[int, tuple[LexborNode, NodeRule]] = {}
    for rule in rules:
        for node in body.css(rule.claim.css) if rule.claim.css else ():
            found.setdefault(node.mem_id, (node, rule))
    by_name = {rule.name: rule for rule in rules if rule.claim.keywords is not None}
    keyword_rules = _keyword_rules(tuple(by_name))
    for node in body.css("[class], [id]"):
        if node.mem_id in found:
            continue
        attributes = node.attributes  # one read: lexbor builds the whole mapping each time
        name = keyword_rules.rule_of(attributes.get("class") or "", box_id(node, attributes.get("id")))
        if name is not None:
            found[node.mem_id] = (node, by_name[name])
    for rule in rules:
        for node in body.css(rule.claim.every) if rule.claim.every else ():
            found.setdefault(node.mem_id, (node, rule))
    return list(found.values())


def box_id(node: LexborNode, node_id: str | None) -> str:
    """The node's id (`node_id`), unless it is a heading's anchor spelled from the heading's own words.

    Pages give their section headings ids made from the heading ("what-is-social-media-marketing",
    "h-4-select-times-for-social-media") so tables of contents can link to them; such an id names
    the section, not a box, whatever words it happens to hold.
    """
    if not node_id or node.tag not in _HEADINGS:
        return node_id or ""
    id_words = [word for word in re.split(r"[\W_]+", node_id.lower()) if word and word != "h" and not word.isdigit()]
    heading_words = set(re.split(r"\W+", node.text().lower()))
    is_anchor = len(id_words) >= _ANCHOR_WORDS and all(word in heading_words for word in id_words)
    return "" if is_anchor else node_id


@cache
def _keyword_rules(rule_names: tuple[str, ...]) -> _KeywordRules:
    return _KeywordRules(rule_names)


class _KeywordRules:
    """The first of the rules (in their order) whose keywords a node's class or id holds, none when
    either names the content (unless it is a keyword spelled whole: "wp-caption-text").

    What each class attribute and each id holds is remembered apart, and so is what each of their
    words holds: a page repeats its class attributes from element to element, and sites share
    their words ("widget", "post-meta") in attributes of their own ("widget post-meta post-1234").
    Keywords and the words that name the content never hold a space, so an attribute holds the
    first of its words' rules, or names the content when one of its words does.
    """

    MEMORY = 65536
    NAMES_CONTENT = -1

    def __init__(self, rule_names: tuple[str, ...]) -> None:
        self.rule_names = rule_names
        self.memory: dict[str, int] = {}

    def rule_of(self, class_name: str, node_id: str) -> str | None:
        by_class, by_id = self._first(class_name), self._first(node_id)
        if self.NAMES_CONTENT in (by_class, by_id):
            return None
        first = min(by_class, by_id)
        return self.rule_names[first] if first < len(self.rule_names) else None

    def _first(self, value: str) -> int:
        """The position of the first rule whose keywords `value` holds (one past the last when none
        does), or NAMES_CONTENT."""
        found = self.memory.get(value)
        if found is None:
            found = self._remember(value, min(map(self._first_of_word, value.split()), default=len(self.rule_names)))
        return found

    def _first_of_word(self, word: str) -> int:
        found = self.memory.get(word)
        return self._remember(word, self._read(word)) if found is None else found

    def _remember(self, value: str, first: int) -> int:
        if len(self.memory) >= self.MEMORY:
            self.memory.clear()
        self.memory[value] = first
        return first

    def _read(self, value: str) -> int:
        words = class_words(value)
        if _content_words().search(_UTILITY_CLASS.sub(" ", words)):
            # A keyword spelled whole is the rule's, though it holds a content word: "wp-caption-text".
            named = (k for k, name in enumerate(self.rule_names) if words in _whole_keywords(name))
            return next(named, self.NAMES_CONTENT)
        if not _any_keyword().search(words):
            return len(self.rule_names)
        every = claims()
        held = (k for k, name in enumerate(self.rule_names) if _holds_keyword(every[name], words))
        return next(held, len(self.rule_names))


def _holds_keyword(claim: Claim, words: str) -> bool:
    return claim.keywords is not None and claim.keywords.search(words) is not None


@cache
def claims() -> dict[str, Claim]:
    """Every node rule's claim, by the rule's name, from the rules' table."""
    return {name: _claim(table) for name, table in table().items() if isinstance(table, dict)}


@cache
def _any_keyword() -> re.Pattern[str]:
    """Every rule's keywords at once: one search rules out most class names."""
    return words_pattern(
        [w for table in table().values() if isinstance(table, dict) for w in table.get("keywords", ())]
    )


@cache
def _whole_keywords(name: str) -> frozenset[str]:
    """A rule's keywords as its table spells them."""
    return frozenset(table()[name].get("keywords", ()))


@cache
def _content_words() -> re.Pattern[str]:
    return words_pattern(table()["content_words"])


@cache
def table() -> dict:
    return tomllib.loads(resources.files("cleaner.rules").joinpath("html.toml").read_text(encoding="utf-8"))


def _claim(table: dict) -> Claim:
    keywords = table.get("keywords")
    css = ", ".join((*table.get("tags", ()), *table.get("css", ())))
    return Claim(css, words_pattern(keywords) if keywords else None, table.get("every", ""))


def words_pattern(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?:^|[-_\s])(?:{alternation})(?:$|[-_\s])")


def class_words(value: str) -> str:
    """A class or id with camelCase split, lower-cased, so keywords match whole words.

    >>> class_words("relatedPosts mostRead")
    'related-posts most-read'
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "-", value).lower()
