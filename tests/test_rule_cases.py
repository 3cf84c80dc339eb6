"""Per-rule test cases, kept as data in tests/rule_cases/<family>.toml.

Each case is a small document cleaned with the default configuration:
the lines under `drop` must be removed by the case's rule (those under
`other_drops` by the rule named with them), every other line must stay in
the body, in order; the fields under `expect` must hold exactly those
values and the fields under `empty` must be empty. A case without `drop`
is a negative case: body text that looks like the rule's boilerplate.
A case with `profile` cleans with that site profile (a file next to it).
"""

from __future__ import annotations

from collections import Counter

import pytest

from cleaner import Config, clean
from cleaner.rules.framework.kinds import DOC_SECTIONS
from cleaner.rules.framework.registry import all_rules
from tests.cases import CASE_DIR, text_cases

CASE_KEYS = {"name", "rule", "text", "drop", "other_drops", "expect", "empty", "url", "select", "profile"}


CASES = text_cases()
# The html family judges DOM nodes, or a title only the markup provides: its cases are HTML
# pages, tested with the HTML front end.
TEXT_RULES = [r for r in all_rules() if r.family != "html"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['name']}" for c in CASES])
def test_rule_case(case: dict) -> None:
    assert set(case) - {"file"} <= CASE_KEYS, f"unknown keys in case {case['name']}"
    profile = str(CASE_DIR / case["profile"]) if "profile" in case else None
    config = Config(select=tuple(case.get("select", ())), profile=profile)
    article = clean(case["text"], url=case.get("url"), config=config)
    lines = [line.strip() for line in case["text"].splitlines() if line.strip()]
    wanted = Counter((line, case["rule"]) for line in case.get("drop", []))
    wanted.update(case.get("other_drops", {}).items())
    removed = Counter((r.text, r.code) for r in article.removals)
    assert wanted - removed == Counter(), "lines not removed by the expected rule"
    to_drop = Counter({line: n for (line, _), n in wanted.items()})
    body = []
    for line in lines:  # a line listed once is dropped at its first occurrence only
        if to_drop[line]:
            to_drop[line] -= 1
        else:
            body.append(line)
    assert +to_drop == Counter(), "a drop line is not in the text"
    assert article.paragraphs == body
    result = article.to_dict()
    for name, value in case.get("expect", {}).items():
        if name == "captions":
            value = [{"credit": None, **caption} for caption in value]
        assert result[name] == value, name
    assert [name for name in case.get("empty", []) if result[name]] == []


def test_every_rule_has_positive_and_negative_cases() -> None:
    positive = {c["rule"] for c in CASES if c.get("drop")}
    negative = {c["rule"] for c in CASES if not c.get("drop")}
    codes = {r.code for r in TEXT_RULES}
    assert codes - positive == set()
    assert codes - negative == set()
    assert {c["rule"] for c in CASES} <= codes


def test_cases_live_in_their_rule_family_file() -> None:
    family = {r.code: r.family for r in TEXT_RULES}
    assert [c["name"] for c in CASES if family.get(c["rule"]) != c["file"]] == []


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_docstring_has_every_section(rule) -> None:
    doc = rule.doc
    positions = [doc.find(f"{section}:") for section in DOC_SECTIONS]
    assert -1 not in positions and positions == sorted(positions), rule.code
    bodies = [doc[start:end] for start, end in zip(positions, [*positions[1:], len(doc)], strict=True)]
    assert all(len(body.split()) > 2 for body in bodies), rule.code
