"""The line-kind model: stable output, obvious furniture and article sentences, bounded cost."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest

from cleaner.pagemodel import evidence, linekind_features, linekinds

SENTENCES = [
    "The council said on Tuesday that the new flood wall, which cost four million pounds, would be "
    "finished before the winter rains arrive in the lower town.",
    "Residents who lost their homes last year welcomed the news but said they would wait to see the "
    "wall standing before they believed it, according to a local housing group.",
    "Engineers began work on the foundations in March after two years of surveys and a long dispute "
    "over who would pay for the repairs to the old river bank.",
    "The river burst its banks twice in the past decade, and each time the water reached the market "
    "square within a few hours of the first warning.",
    "Shop owners on the high street said insurance had become almost impossible to buy, and several "
    "had moved their stock to a warehouse on the hill.",
    "A spokesman for the environment agency said the wall was designed for a flood of the size "
    "expected once in a hundred years, with room to raise it later.",
    "Opposition councillors questioned the cost and asked why the work had not started sooner, "
    "given that the plans were approved three years ago.",
    "The project is due to be handed over in November, when the temporary barriers along the "
    "towpath will finally be taken down.",
]
FURNITURE = ["Share on Facebook", "Leave a comment", "© 2024 Example Media. All rights reserved."]
# A page dump as a scraper keeps it: the menu, the article, the furniture under it, the footer.
PAGE = ["Home", "World", "Politics", *SENTENCES, *FURNITURE[:2], "About us", "Contact", "Privacy Policy", FURNITURE[2]]


def test_the_kinds_are_the_shipped_model_s_and_each_has_a_family() -> None:
    assert linekinds.kind_names() == tuple(linekinds.FAMILIES)
    assert linekinds.FAMILIES[linekinds.BODY] is None


def test_the_same_lines_give_the_same_answer() -> None:
    lines = [*SENTENCES, *FURNITURE, "Mehr zum Thema", "Читайте также", "İstanbul"]
    first = linekinds.probabilities(lines)
    assert np.array_equal(first, linekinds.probabilities(lines))
    assert np.allclose(first.sum(axis=1), 1.0, atol=1e-5)


def test_hashing_is_the_same_in_another_process() -> None:
    """No salted hash(): another interpreter, with another hash seed, finds the same buckets."""
    code = "from cleaner.pagemodel import linekind_features as f; print(f.features(['Share on Facebook'])[0].indices.tolist())"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.strip() == str(linekind_features.features(["Share on Facebook"])[0].indices.tolist())


def test_obvious_furniture_is_furniture() -> None:
    body = linekinds.kind_names().index(linekinds.BODY)
    rows = linekinds.probabilities(PAGE)
    for line in FURNITURE:
        row = rows[PAGE.index(line)]
        assert row.argmax() != body and 1.0 - row[body] >= 0.8, line


def test_article_sentences_are_body() -> None:
    judged = linekinds.kinds(PAGE)
    for line in SENTENCES:
        kind, probability = judged[PAGE.index(line)]
        assert kind == linekinds.BODY and probability >= 0.5, line


@pytest.mark.parametrize("lines", [[], [""], ["   "], ["\n"], ["x"]])
def test_empty_and_tiny_input(lines: list[str]) -> None:
    rows = linekinds.probabilities(lines)
    assert rows.shape == (len(lines), len(linekinds.kind_names()))
    assert len(linekinds.kinds(lines)) == len(lines)


def test_a_megabyte_line_costs_what_a_paragraph_costs() -> None:
    """Only a line's first and last characters are read, so a 1 MB line is quick."""
    linekinds.probabilities(["warm up"])
    start = time.perf_counter()
    ((kind, _),) = linekinds.kinds(["word " * 200_000])
    assert time.perf_counter() - start < 0.1
    assert kind in linekinds.kind_names()


def test_a_full_memory_of_lines_still_answers_for_the_lines_it_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evidence, "_REMEMBERED", 2)
    monkeypatch.setattr(evidence, "_own_rows", {})
    evidence.own_probabilities(["Share on Facebook", "Read more"])
    # One line remembered, two new ones: the memory is emptied to make room mid-call.
    rows = evidence.own_probabilities(["Share on Facebook", "Sign up for our newsletter", "Advertisement"])
    fresh = linekinds.softmax(linekinds.line_logits(["Share on Facebook"], linekinds.model().line_weights))
    assert rows.shape == (3, len(linekinds.kind_names()))
    assert np.allclose(rows[0], fresh[0])


def test_a_byline_read_by_the_model_credits_its_writers_but_never_a_role_label_or_reviewer() -> None:
    from cleaner.frontends.text import to_blocks
    from cleaner.rules.framework.context import Page
    from cleaner.rules.furniture import _credited_people
    from cleaner.vocab import Vocabulary

    page = Page(to_blocks("Jane Doe and John Roe"), Vocabulary())
    assert _credited_people(page, "Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    for line in ("Reviewed By: Mike Rebold, PhD, CSCS", "Staff Writer", "Math Editor", "THE AUTHOR"):
        assert _credited_people(page, line) == [], line
