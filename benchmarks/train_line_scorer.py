"""Fit the line scorer's weights (cleaner/data/line_scorer.json) on an evaluation set.

    python benchmarks/train_line_scorer.py ../shared/bench/wcxb-dev-articles

Lines of each page dump are labelled by whether most of their 4-token
shingles appear in the page's gold body; lines that a block rule already
removes are left out. Only the development split is used, so the held-out
split and other sets stay unseen. Needs numpy (the `train` extra).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from cleaner import linescore
from cleaner.config import Config
from cleaner.engine import _judge_blocks
from cleaner.evaluate import load_dataset, read_input, select_pages, shingles, tokens
from cleaner.frontends.text import to_blocks
from cleaner.rules.page import Page

OUTPUT = Path(__file__).resolve().parents[1] / "cleaner" / "data" / "line_scorer.json"
IN_GOLD_SHARE = 0.5
STEPS, LEARNING_RATE, L2 = 3000, 0.5, 1e-4


def labelled_lines(folder: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    config = Config()
    rows, labels, weights = [], [], []
    for page in select_pages(load_dataset(folder), "dev"):
        if not page.gold.strip() or "dumps" not in page.inputs:
            continue
        gold = set(shingles(tokens(page.gold)))
        blocks = to_blocks(read_input(page.inputs["dumps"]).decode("utf-8", "replace"))
        judged = Page(blocks, config.vocabulary)
        _judge_blocks(judged, config.rules_in_scope("block"))
        for block, dropped in zip(blocks, judged.dropped, strict=True):
            own = shingles(tokens(block.text))
            if dropped or not own:
                continue
            rows.append(linescore.features(block.text))
            labels.append(sum(1 for s in own if s in gold) / len(own) >= IN_GOLD_SHARE)
            weights.append(min(len(block.text), 400))
    weights_array = np.array(weights, dtype=float)
    return np.array(rows), np.array(labels, dtype=float), weights_array / weights_array.mean()


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
    x, y, w = labelled_lines(args.dataset)
    beta = fit(x, y, w)
    data = {
        "trained_on": f"{Path(args.dataset).name}, dev split, {len(y)} lines",
        "weights": {name: round(float(b), 4) for name, b in zip(linescore.FEATURES, beta, strict=True)},
    }
    OUTPUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=2))


if __name__ == "__main__":
    main()
