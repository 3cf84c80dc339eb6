"""Fit the line scorer's weights (cleaner/data/line_scorer.json) on an evaluation set.

    python benchmarks/train_line_scorer.py ../shared/bench/wcxb-dev-articles

Lines of each page dump that no block rule removes are labelled by whether
they belong to the page's gold body: most of their 4-token shingles appear
in it, or, for a line of fewer than four tokens (a subheading, a list
item), its tokens appear there in a row. Two models are fitted: one on each
line's own shape, then one that adds what the first says of the line's
neighbours (`linemodel.context_features`). Only the development split is
used, so the held-out split and other sets stay unseen.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cleaner.config import Config
from cleaner.engine import _judge_blocks
from cleaner.evaluate import SHINGLE_SIZE, load_dataset, read_input, select_pages, shingles, tokens
from cleaner.frontends.text import to_blocks
from cleaner.pagemodel import linemodel
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import BlockRule

OUTPUT = Path(__file__).resolve().parents[1] / "cleaner" / "data" / "line_scorer.json"
IN_GOLD_SHARE = 0.5
STEPS, LEARNING_RATE, L2 = 3000, 0.5, 1e-4


@dataclass(frozen=True, slots=True)
class Line:
    """A line no block rule removed; `label` is None for a line without words (never trained on)."""

    text: str
    label: bool | None


def label(text: str, gold: set[tuple[str, ...]], gold_tokens: str) -> bool | None:
    """Whether the line belongs to the gold body; None when it has no words.

    A line shorter than a shingle is one shingle that the gold's 4-token shingles never
    hold, so it is looked for as a run of the gold's tokens instead.

    >>> label("Red Wine", set(), " Still wine Red Wine is made ")
    True
    """
    words = tokens(text)
    if not words:
        return None
    if len(words) < SHINGLE_SIZE:
        return f" {' '.join(words)} " in gold_tokens
    own = shingles(words)
    return sum(1 for s in own if s in gold) / len(own) >= IN_GOLD_SHARE


def page_lines(folder: str) -> list[list[Line]]:
    """Per page of the dev split, its lines that no block rule removes, in order."""
    config = Config()
    pages = []
    for page in select_pages(load_dataset(folder), "dev"):
        if not page.gold.strip() or "dumps" not in page.inputs:
            continue
        gold = set(shingles(tokens(page.gold)))
        gold_tokens = f" {' '.join(tokens(page.gold))} "
        blocks = to_blocks(read_input(page.inputs["dumps"]).decode("utf-8", "replace"))
        judged = Page(blocks, config.vocabulary)
        _judge_blocks(judged, config.rules_of(BlockRule))
        kept = [block.text for block, dropped in zip(blocks, judged.dropped, strict=True) if not dropped]
        if kept:
            pages.append([Line(text, label(text, gold, gold_tokens)) for text in kept])
    return pages


def training_set(
    pages: list[list[Line]], row: Callable[[list[Line], int], Sequence[float]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features (`row(lines, i)` for line i of a page), labels and weights of the labelled lines.

    A line weighs as many characters as it has, up to 400: the measure counts text, not lines.
    """
    x, y, w = [], [], []
    for lines in pages:
        for i, line in enumerate(lines):
            if line.label is not None:
                x.append(row(lines, i))
                y.append(float(line.label))
                w.append(min(len(line.text), 400))
    weights = np.array(w, dtype=float)
    return np.array(x), np.array(y), weights / weights.mean()


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted logistic regression by plain gradient descent: small, dependency-light, repeatable."""
    beta = np.zeros(x.shape[1])
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        beta -= LEARNING_RATE * (x.T @ ((p - y) * w) / len(y) + L2 * beta)
    return beta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", help="an evaluation set folder with dumps/ and gold bodies")
    args = parser.parse_args()
    pages = page_lines(args.dataset)
    own = {id(lines): linemodel.features([line.text for line in lines]) for lines in pages}
    x, y, w = training_set(pages, lambda lines, i: own[id(lines)][i])
    own_beta = fit(x, y, w)
    with_context = {}
    for lines in pages:
        features = own[id(lines)]
        probabilities = 1.0 / (1.0 + np.exp(-(features @ own_beta)))
        with_context[id(lines)] = np.hstack((features, linemodel.context_features(probabilities, features[:, 1])))
    context_beta = fit(*training_set(pages, lambda lines, i: with_context[id(lines)][i]))
    names = (*linemodel.FEATURES, *linemodel.CONTEXT_FEATURES)
    data = {
        "trained_on": f"{Path(args.dataset).name}, dev split, {len(y)} lines",
        "weights": {name: round(float(b), 4) for name, b in zip(linemodel.FEATURES, own_beta, strict=True)},
        "context_weights": {name: round(float(b), 4) for name, b in zip(names, context_beta, strict=True)},
    }
    OUTPUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=2))


if __name__ == "__main__":
    main()
