"""No rule can be driven into catastrophic backtracking: 1 MB of what it looks for cleans in bounded time.

Every registered rule meets adversarial input: 1 MB lines that are one long run
of the separators, capitalised names, dates, digits, phrase words, caption
markers, spaces and punctuation its patterns look for, bare and wrapped in the
words that open the rules' gates; 1 MB of short boilerplate lines, for the rules
that look at neighbours; and 1 MB pages for the node rules. Each rule runs in a
worker process with a time limit, so a pattern that backtracks fails its test
instead of hanging the suite. The limit is generous: linear patterns take a
fraction of it.

And every compiled regular expression of the package, on its own (not behind
the gates that bound the lines it meets), runs over 100 KB strings repeating
the pieces it is built from: each in well under a second, where a pattern that
rescans a run from every position takes from seconds to minutes.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import time
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from re import _constants as sre
from re import _parser as sre_parser
from typing import Any

import pytest

import cleaner
import cleaner.vocab
from cleaner.article import Article, Block
from cleaner.config import Config
from cleaner.frontends import html as html_frontend
from cleaner.frontends import text as text_frontend
from cleaner.pagemodel import boundaries, linemodel
from cleaner.pagemodel import content as page_content
from cleaner.parallel import Failure, Pool
from cleaner.profile import SiteBoilerplate
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.dispatch import RulePlan
from cleaner.rules.framework.kinds import Rule
from cleaner.rules.framework.registry import all_rules
from cleaner.vocab import AT_START, ON_WORD_START

pytestmark = pytest.mark.slow

SIZE = 1 << 20
LIMIT = 60.0
VOCAB = Config().vocabulary
LEARNED = SiteBoilerplate("news.example", 10, {})

PHRASES = " ".join(
    sorted(
        {
            phrase
            for path in Path(cleaner.vocab.__file__).parent.glob("*.toml")
            for family in tomllib.loads(path.read_text(encoding="utf-8")).get("phrases", {}).values()
            for phrase in family
        }
    )
)
UNITS = [
    *(" ", "\t", "\u00a0", "|", " | ", "-", " - ", " — ", ".", ". ", ",", ":", ";", "/", " / ", ">", " » ", "•"),
    *("(", ")", "#", "©", "(c) ", "*", "'", "’", '"', "é", "İ", "中", "x"),
    *("A", "Ab", "A.", "A-", "AB ", "John Smith ", "J. ", "O'Neil ", "Jean-Luc ", "van der "),
    *("1", "12 ", "1,", "1.", "2024 ", "12:30 ", "12 March 2024 ", "March 12, 2024 ", "2024-03-12 ", "12/03/2024 "),
    *("3 de marzo de 2022 ", "3 hours ago ", "Photo: ", "photo by ", "(Photo: AFP) ", "AFP/", "via Getty Images "),
    *("says ", "12 Comments ", "Read more ", "Also read: ", "Advertisement ", "not on behalf of ", "Reporting by "),
    *("with inputs from ", "© 2024 ", "All rights reserved ", "Follow us on ", "Home > ", "Tags: ", "By John Smith | "),
    PHRASES + " ",
]
# Gate openers around a run: nothing, a marker before, an agency after, a byline around a comment verb.
WRAPS = [("", ""), ("Photo: ", " x"), ("", " AFP"), ("By ", " says:"), ("© 2024 ", " 12 comments")]
SHORT_LINES = [
    *("John Smith", "Advertisement", "Read more", "12 March 2024", "Photo: AFP", "RECENT STORIES", "|", "", "By"),
    *("Floods Close Schools Across The District", "Home > News", "© 2024 Example", "12 Comments", "Share", "x"),
    *("View all posts by John Smith", "– John S."),
    "The council approved the budget on Tuesday after a long debate.",
]
PAGES = [
    "<div class='{}'>x</div>".format("related-" * (SIZE // 8)),
    "<div class='{}'>x</div>".format("relatedPosts " * (SIZE // 13)),
    "<div id='{}'>x</div>".format("a-" * (SIZE // 2)),
    "<div style='{}'>x</div>".format("display:none;" * (SIZE // 13)),
    "<aside>{}</aside>".format("Photo: AFP " * (SIZE // 11)),
    "<div class='related'><a href='/x'>Read more</a></div>" * (SIZE // 52),
    "<figure><img src=x><figcaption>Photo: AFP</figcaption></figure>" * (SIZE // 63),
    "<div hidden><a href='/x'>x</a></div>" * (SIZE // 36),
    "<div class='sidebar'>" + ("<p>" + "word " * 50 + "</p>") * (SIZE // 257),
    "<aside class='related'>" * (SIZE // 23),
]


def _wraps(n: int, unit: str) -> list[tuple[str, str]]:
    """Whitespace runs meet every wrap (most patterns fail over them); other runs bare and in one wrap."""
    return WRAPS if unit.isspace() else [WRAPS[0], WRAPS[1 + n % (len(WRAPS) - 1)]]


def _run(unit: str, prefix: str, suffix: str) -> str:
    return prefix + unit * (SIZE // len(unit)) + suffix


@cache
def _texts() -> list[list[Block]]:
    """Each adversarial text as blocks."""
    texts = [_run(unit, *wrap) for n, unit in enumerate(UNITS) for wrap in _wraps(n, unit)]
    texts.append("\n".join(SHORT_LINES * (SIZE // sum(len(line) + 1 for line in SHORT_LINES))))
    return [text_frontend.to_blocks(text) for text in texts]


_EVERY_RULE = RulePlan(tuple(rule for rule in all_rules() if rule.scope in ("block", "lead")), VOCAB)


@cache
def _candidates(text: str) -> tuple[tuple[Rule, re.Pattern | None], ...]:
    """The rules whose gates may admit the line, with the regex each still has to match: found once
    in a worker for all the rules it judges (the dispatch reads a megabyte's line in seconds, and
    the lines are the same for every rule)."""
    return _EVERY_RULE.candidates(text).every


def _judge_text(rule: Rule, blocks: list[Block]) -> None:
    """Run one rule over every block its gate admits (no verdict remembered: each line is judged)."""
    page = Page(blocks, VOCAB, article=Article(), learned=LEARNED)
    if rule.scope == "page":
        rule.check(page)
        return
    for i, block in enumerate(blocks):
        for candidate, pattern in _candidates(block.text):
            if candidate is rule and (pattern is None or pattern.search(block.text)):
                rule.check(page, i)


def _judge_pages(rule: Rule) -> None:
    from selectolax.lexbor import LexborHTMLParser

    for body in PAGES:
        html = html_frontend.cap_nesting(f"<html><body>{body}</body></html>")
        html_frontend.prune(LexborHTMLParser(html), [rule], Article())


def _clean_with(code: str) -> None:
    """Every adversarial input through the rule `code` (run in a worker: it may never return)."""
    rule = next(r for r in all_rules() if r.code == code)
    if rule.scope == "node":
        _judge_pages(rule)
        return
    for blocks in _texts():
        _judge_text(rule, blocks)


def test_adversarial_input_cleans_in_bounded_time() -> None:
    """Each rule within the time limit, in workers that build the texts and find the rules their
    lines may meet once, for all the rules they judge."""
    codes = [rule.code for rule in all_rules()]
    with Pool(_clean_with, jobs=1, timeout=LIMIT) as pool:
        slow = {code: result.reason for code, result in pool.map(codes) if isinstance(result, Failure)}
    assert slow == {}


def _judge_walls(family: str) -> None:
    """Every adversarial line asked whether it is a wall the article's run cannot cross."""
    for blocks in _texts():
        for block in blocks:
            boundaries.is_wall(block.text, family, VOCAB)


def test_walls_are_told_in_bounded_time() -> None:
    _texts()
    with Pool(_judge_walls, jobs=1, timeout=LIMIT) as pool:
        [(_, result)] = list(pool.map(["footer"]))
    assert not isinstance(result, Failure), result


def _score_lines(_: object) -> None:
    """Every adversarial line scored by the line model and tested as a schedule's entry, each
    with a web address beside it (a link's share of the line is measured then)."""
    for blocks in _texts():
        texts = [f"http {block.text}" for block in blocks]
        linemodel.scores(texts)
        page_content.schedule_lines(texts)


def test_lines_are_scored_in_bounded_time() -> None:
    _texts()
    with Pool(_score_lines, jobs=1, timeout=LIMIT) as pool:
        [(_, result)] = list(pool.map([None]))
    assert not isinstance(result, Failure), result


PATTERN_SIZE = 100_000
PATTERN_LIMIT = 2.0  # seconds for one pattern over one string; the slowest linear one takes 0.4
_SAMPLES = {
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_DIGIT: "1",
    sre.CATEGORY_WORD: "a",
    sre.CATEGORY_NOT_WORD: "!",
    sre.CATEGORY_LINEBREAK: "\n",
}
_BRANCHES = 16  # readings kept of a pattern
_UNIT_CHARS = 12
_UNITS = 40  # strings tried per pattern (twice: bare and ending in NUL)


@cache
def compiled_patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled pattern of the package: module globals (in containers and dataclasses too), the
    rules' gates, what functions build from the vocabulary or once (cached), every phrase family's."""
    vocab = Config().vocabulary
    found: dict[tuple[Any, int], tuple[str, re.Pattern]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            for pattern in _patterns_in(_built(value, vocab, module.__name__)):
                found.setdefault((pattern.pattern, pattern.flags), (f"{module.__name__}.{name}", pattern))
    for rule in all_rules():
        for pattern in _patterns_in(getattr(rule, "gate", None)):
            found.setdefault((pattern.pattern, pattern.flags), (f"gate of {rule.code}", pattern))
    # A family's two forms share its trie and differ only in what stands before it: every family's
    # trie is read after ON_WORD_START, and AT_START's bounded prefix, which the package only ever
    # matches at a line's start, before the largest family's (reading both doubled the test's time).
    largest = max(vocab._phrases, key=lambda family: len(vocab.phrases(family)))
    for family in vocab._phrases:
        for before in (AT_START, ON_WORD_START) if family == largest else (ON_WORD_START,):
            pattern = vocab._compiled(family, before)
            found.setdefault((pattern.pattern, pattern.flags), (f"phrase family {family}", pattern))
    return list(found.values())


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


def _built(value: Any, vocab: cleaner.vocab.Vocabulary, module: str) -> Any:
    """A module's value, or what its function builds: from the vocabulary, or once (a cached function)."""
    if not inspect.isfunction(inspect.unwrap(value)) or value.__module__ != module:
        return value
    parameters = list(inspect.signature(value).parameters.values())
    if len(parameters) == 1 and parameters[0].annotation == "Vocabulary":
        return vocab.derived(value)
    return value() if not parameters and hasattr(value, "cache_info") else None


def _patterns_in(value: Any, depth: int = 3) -> Iterator[re.Pattern]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth - 1)
    elif depth and isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _patterns_in(item, depth - 1)
    elif depth and hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        for name in value.__dataclass_fields__:
            yield from _patterns_in(getattr(value, name, None), depth - 1)


def _readings(items: Any) -> list[list[str]]:
    """Strings the pattern reads, as the pieces it reads them in (at most `_BRANCHES` readings): each
    repeat once (or not at all), each class by one member, each alternative in turn; assertions
    read nothing."""
    readings: list[list[str]] = [[]]
    for op, value in items:
        readings = [reading + option for reading in readings for option in _element(op, value)][:_BRANCHES]
    return readings


def _element(op: Any, value: Any) -> list[list[str]]:
    if op is sre.LITERAL:
        return [[chr(value)]]
    if op in (sre.NOT_LITERAL, sre.ANY):
        return [["y" if value == ord("x") else "x"]]
    if op is sre.CATEGORY:
        return [[_SAMPLES.get(value, "x")]]
    if op is sre.IN:
        return [[_member(value)]]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = value
        once = [reading * max(low, 1) for reading in _readings(body)]
        return once if low else [[], *once]
    if op is sre.SUBPATTERN:
        return _readings(value[-1])
    if op is sre.ATOMIC_GROUP:
        return _readings(value)
    if op is sre.BRANCH:
        return [reading for branch in value[1] for reading in _readings(branch)][:_BRANCHES]
    return [[]]


def _member(members: list[tuple[Any, Any]]) -> str:
    if members[0][0] is sre.NEGATE:
        excluded = {chr(value) for op, value in members if op is sre.LITERAL}
        return next(char for char in "x0 " if char not in excluded)
    op, value = members[0]
    if op is sre.LITERAL:
        return chr(value)
    return chr(value[0]) if op is sre.RANGE else _SAMPLES.get(value, "x")


def pattern_units(pattern: re.Pattern) -> list[str]:
    """The pieces a pattern is built from, as it reads them: the starts of its readings, up to
    `_UNIT_CHARS` long (so a prefix that leads it into a long run and fails there is among them),
    at most `_UNITS` of them, spread over the sorted list."""
    source = pattern.pattern.decode("latin-1") if isinstance(pattern.pattern, bytes) else pattern.pattern
    starts = {
        "".join(reading[:end])
        for reading in _readings(sre_parser.parse(source, pattern.flags))
        for end in range(1, min(len(reading), _UNIT_CHARS) + 1)
    }
    units = sorted(unit for unit in starts if unit)
    return units[:: max(-(-len(units) // _UNITS), 1)]  # none for a pattern of assertions alone


def _adversarial(unit: str) -> Iterator[tuple[str, str]]:
    """(name, text): the unit repeated to 100 KB, bare and ending in what no pattern takes (so a
    match that runs to the end fails there)."""
    run = (unit * (PATTERN_SIZE // len(unit) + 1))[:PATTERN_SIZE]
    name = f"{unit[:20]!r} x {PATTERN_SIZE // len(unit)}"
    yield name, run
    yield f"{name} + NUL", run[:-1] + "\x00"


def _slow_string(index: int) -> str | None:
    """The first adversarial string on which the pattern `index` takes longer than the limit, if any."""
    _, pattern = compiled_patterns()[index]
    for unit in pattern_units(pattern):
        for name, text in _adversarial(unit):
            subject: str | bytes = text.encode("latin-1", "replace") if isinstance(pattern.pattern, bytes) else text
            started = time.perf_counter()
            for _ in pattern.finditer(subject):
                pass
            if (seconds := time.perf_counter() - started) > PATTERN_LIMIT:
                return f"{name}: {seconds:.1f} s"
    return None


def test_every_compiled_pattern_is_linear_on_its_own() -> None:
    patterns = compiled_patterns()
    assert len(patterns) > 100
    with Pool(_slow_string, jobs=2, timeout=2 * LIMIT) as pool:
        slow = {patterns[i][0]: result for i, result in pool.map(range(len(patterns))) if result}
    assert slow == {}
