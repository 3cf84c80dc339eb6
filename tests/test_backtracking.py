"""No rule can be driven into catastrophic backtracking: 1 MB of what it looks for cleans in bounded time.

Every registered rule meets adversarial input: 1 MB lines that are one long run
of the separators, capitalised names, dates, digits, phrase words, caption
markers, spaces and punctuation its patterns look for, bare and wrapped in the
words that open the rules' gates; 1 MB of short boilerplate lines, for the rules
that look at neighbours; and 1 MB pages for the node rules. Each rule runs in a
worker process with a time limit, so a pattern that backtracks fails its test
instead of hanging the suite. The limit is generous: linear patterns take a
fraction of it.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

import cleaner.vocab
from cleaner import heuristics, linescore
from cleaner.article import Article, Block
from cleaner.config import Config
from cleaner.corpus import SiteBoilerplate
from cleaner.frontends import html as html_frontend
from cleaner.frontends import text as text_frontend
from cleaner.parallel import Failure, Pool
from cleaner.rules.dispatch import RulePlan
from cleaner.rules.page import Page
from cleaner.rules.registry import Rule, all_rules

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


def _judge_text(rule: Rule, blocks: list[Block]) -> None:
    """Run one rule over every block its gate admits (no verdict remembered: each line is judged)."""
    page = Page(blocks, VOCAB, article=Article(), learned=LEARNED)
    if rule.scope == "page":
        rule.check(page)
        return
    plan = RulePlan((rule,), VOCAB)
    for i, block in enumerate(blocks):
        candidates = plan.candidates(block.text).every
        for _, pattern in candidates:
            if pattern is None or pattern.search(block.text):
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


@pytest.mark.parametrize("code", [rule.code for rule in all_rules()])
def test_adversarial_input_cleans_in_bounded_time(code: str) -> None:
    _texts()  # built here, before the worker forks, so each rule's worker only judges
    with Pool(_clean_with, jobs=1, timeout=LIMIT) as pool:
        [(_, result)] = list(pool.map([code]))
    assert not isinstance(result, Failure), f"{code}: {result.reason}"


def _judge_walls(family: str) -> None:
    """Every adversarial line asked whether it is a wall the article's run cannot cross."""
    for blocks in _texts():
        for block in blocks:
            heuristics.is_wall(block.text, family, VOCAB)


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
        linescore.scores(texts)
        heuristics.schedule_lines(texts)


def test_lines_are_scored_in_bounded_time() -> None:
    _texts()
    with Pool(_score_lines, jobs=1, timeout=LIMIT) as pool:
        [(_, result)] = list(pool.map([None]))
    assert not isinstance(result, Failure), result
