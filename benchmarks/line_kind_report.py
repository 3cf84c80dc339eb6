"""What train_line_kinds.py prints: the data set, per-kind scores on unseen sites, and what
dropping the lines the model calls furniture would do to the WCXB held-out quarter's dumps.

Snippets are the gold's `with` (must appear) and `without` (must not appear) strings, looked for
in the text with whitespace normalised. A rate is taken over the snippets present before
dropping: over the whole dump, and over the lines cleaner keeps today (`cleaner.clean(...,
kind="text")`), where the model can add what the rules miss. Gold body lines are the lines the
gold holds (line_kind_pages.gold_holds).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from line_kind_pages import BODY, LabelledPage, gold_holds

import cleaner
from cleaner.evaluate import read_input, split_of
from cleaner.pagemodel import linekinds

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
PER_KIND_THRESHOLD = 0.8


def dataset(pages: Sequence[LabelledPage], names: Sequence[str]) -> None:
    lines = Counter(label for page in pages for label in page.labels)
    sites = {name: {page.site for page in pages if name in page.labels} for name in names}
    total = sum(lines.values())
    print(f"training lines: {total} on {len(pages)} pages of {len({p.site for p in pages})} sites; ", end="")
    print(f"{lines[None]} unsure (never trained on)")
    print(f"{'kind':<12}{'lines':>8}{'sites':>7}")
    for name in names:
        print(f"{name:<12}{lines[name]:>8}{len(sites[name]):>7}")


def by_kind(title: str, labels: np.ndarray, probabilities: np.ndarray, names: Sequence[str]) -> None:
    """Precision, recall and F1 per kind over the labelled lines, and body against the rest."""
    known = labels >= 0
    truth, guess = labels[known], probabilities[known].argmax(axis=1)
    print(f"\n{title}: {known.sum()} lines, accuracy {np.mean(truth == guess):.3f}")
    print(f"{'kind':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'lines':>8}")
    scores = []
    for number, name in enumerate(names):
        hits = np.sum((truth == number) & (guess == number))
        precision = hits / max(np.sum(guess == number), 1)
        recall = hits / max(np.sum(truth == number), 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        scores.append(f1)
        print(f"{name:<12}{precision:>10.3f}{recall:>8.3f}{f1:>7.3f}{np.sum(truth == number):>8}")
    print(f"macro F1 {np.mean(scores):.3f}")
    body = names.index(BODY)
    print("body vs furniture (rows: gold, columns: predicted)")
    for gold_name, gold_mask in (("body", truth == body), ("furniture", truth != body)):
        print(
            f"  {gold_name:<10} body {np.sum(gold_mask & (guess == body)):>7}  furniture {np.sum(gold_mask & (guess != body)):>7}"
        )


@dataclass(frozen=True, slots=True)
class _HeldOutPage:
    lines: list[str]
    body: np.ndarray  # the gold holds the line
    kept: np.ndarray  # cleaner keeps the line today
    probabilities: np.ndarray  # the model's, one row per line
    with_snippets: list[str]
    without_snippets: list[str]

    def before(self, base: str) -> np.ndarray:
        return self.kept if base == "kept" else np.ones(len(self.lines), dtype=bool)


def _held_out_pages(folder: Path) -> list[_HeldOutPage]:
    pages = []
    for path in sorted((folder / "ground-truth").glob("*.json")):
        if split_of(path.stem) != "holdout" or not (folder / "dumps" / f"{path.stem}.txt").is_file():
            continue
        entry = json.loads(path.read_text(encoding="utf-8"))
        gold = entry["ground_truth"]
        text = read_input(folder / "dumps" / f"{path.stem}.txt").decode("utf-8")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        kept_lines = set(cleaner.clean(text, url=entry.get("url"), kind="text").body.split("\n"))
        pages.append(
            _HeldOutPage(
                lines,
                np.array([found is True for found in gold_holds(lines, gold.get("main_content") or "")], dtype=bool),
                np.array([line in kept_lines for line in lines], dtype=bool),
                linekinds.probabilities(lines).reshape(len(lines), len(linekinds.kind_names())),
                list(gold.get("with") or []),
                list(gold.get("without") or []),
            )
        )
    return pages


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _present(snippets: list[str], lines: list[str], mask: np.ndarray) -> set[int]:
    text = _normalised(" ".join(line for line, keep in zip(lines, mask, strict=True) if keep))
    return {i for i, snippet in enumerate(snippets) if _normalised(snippet) and _normalised(snippet) in text}


# Which lines a rule would drop at threshold τ, from the model's probabilities: those whose top
# kind is one of `kinds` with probability ≥ τ ("top"), or whose furniture kinds together reach τ
# ("mass": kinds share a line's furniture probability between them).
Criterion = Callable[[np.ndarray, float], np.ndarray]


def _top_kind_in(kinds: set[int]) -> Criterion:
    chosen = np.array(sorted(kinds))
    return lambda rows, tau: np.isin(rows.argmax(axis=1), chosen) & (rows.max(axis=1) >= tau)


def _furniture_mass(body: int, kinds: set[int]) -> Criterion:
    chosen = np.array(sorted(kinds))
    return lambda rows, tau: np.isin(rows.argmax(axis=1), chosen) & (1.0 - rows[:, body] >= tau)


def _drop_effect(
    pages: list[_HeldOutPage], base: str, criterion: Criterion, tau: float
) -> tuple[float, float, float, int]:
    """Shares of `without` snippets gone, `with` snippets lost and body lines lost; lines dropped."""
    gone = had_without = lost = had_with = body_lost = body_had = dropped = 0
    for page in pages:
        before = page.before(base)
        drop = before & criterion(page.probabilities, tau)
        after = before & ~drop
        without_before = _present(page.without_snippets, page.lines, before)
        with_before = _present(page.with_snippets, page.lines, before)
        had_without += len(without_before)
        gone += len(without_before - _present(page.without_snippets, page.lines, after))
        had_with += len(with_before)
        lost += len(with_before - _present(page.with_snippets, page.lines, after))
        body_had += int(np.sum(before & page.body))
        body_lost += int(np.sum(drop & page.body))
        dropped += int(drop.sum())
    return gone / max(had_without, 1), lost / max(had_with, 1), body_lost / max(body_had, 1), dropped


def held_out(articles: str) -> None:
    """The τ tables: what dropping the lines the model calls furniture at threshold τ would do."""
    names = linekinds.kind_names()
    pages = _held_out_pages(Path(articles))
    body = names.index(BODY)
    furniture = set(range(len(names))) - {body}
    criteria = {
        "top": _top_kind_in(furniture),
        "named": _top_kind_in(furniture - {names.index("other")}),
        "mass": _furniture_mass(body, furniture),
    }
    print(f"\nWCXB held-out quarter: {len(pages)} pages, {sum(len(p.lines) for p in pages)} dump lines")
    print("top: top kind is furniture with p >= tau; named: the same, 'other' never dropped;")
    print("mass: top kind is furniture and 1 - p(body) >= tau")
    for base in ("dump", "kept"):
        print(f"\nlines: {'the whole dump' if base == 'dump' else 'those cleaner keeps today'}")
        for name, snippets in (("without", "without_snippets"), ("with", "with_snippets")):
            present = sum(len(_present(getattr(p, snippets), p.lines, p.before(base))) for p in pages)
            total = sum(len(getattr(p, snippets)) for p in pages)
            print(f"`{name}` snippets present: {present} of {total}")
        print(f"{'tau':>5} {'rule':<7}{'without gone':>13}{'with lost':>10}{'body lost':>10}{'dropped':>9}")
        for tau in THRESHOLDS:
            for label, criterion in criteria.items():
                gone, lost, body_lost, dropped = _drop_effect(pages, base, criterion, tau)
                print(f"{tau:>5.2f} {label:<7}{gone:>13.3f}{lost:>10.3f}{body_lost:>10.3f}{dropped:>9}")
        print(f"mass by top kind at tau {PER_KIND_THRESHOLD}:")
        for number in sorted(furniture):
            criterion = _furniture_mass(body, {number})
            gone, lost, body_lost, dropped = _drop_effect(pages, base, criterion, PER_KIND_THRESHOLD)
            print(f"      {names[number]:<12}{gone:>7.3f}{lost:>10.3f}{body_lost:>10.3f}{dropped:>9}")


def speed(folders: Sequence[Path], repeats: int = 3) -> None:
    """The model's cost per line over every dump of these sets, next to what cleaning them costs
    (CPU time, the best of `repeats` runs each: the ratio holds on a busy machine too)."""
    texts = [
        path.read_text(encoding="utf-8") for folder in folders for path in sorted((folder / "dumps").glob("*.txt"))
    ]
    documents = [[line for line in text.splitlines() if line.strip()] for text in texts]
    lines = sum(map(len, documents))
    model = _best_time(lambda: [linekinds.probabilities(document) for document in documents], repeats)
    cleaning = _best_time(lambda: [cleaner.clean(text, kind="text") for text in texts], repeats)
    print(f"\nspeed: {lines} lines of {len(texts)} dumps; the model {model / lines * 1e6:.1f} µs per line, ", end="")
    print(f"cleaning them {cleaning / lines * 1e6:.1f} µs per line")


def _best_time(work: Callable[[], object], repeats: int) -> float:
    work()  # loads the weights and warms the caches
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best
