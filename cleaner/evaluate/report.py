"""Running systems over a set's pages, aggregating their scores, and the table, JSON and floors.

The project's claims are numbers on public sets, so this makes them
reproducible: the same formula the published leaderboard uses, the same peer
systems the baselines were measured with, a fixed dev/holdout split so that
rules tuned on one part can be checked on pages never looked at, and a floor
file that CI uses to keep a gain once it is made.
"""

from __future__ import annotations

import dataclasses
import json
import time
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from cleaner.evaluate.datasets import VARIANTS, Dataset, EvaluationError, Page, read_input, read_json, select_pages
from cleaner.evaluate.metric import META_FIELDS, Extract, PageScore, f1, score_page
from cleaner.evaluate.reading import rates, reading_counts
from cleaner.evaluate.systems import System
from cleaner.parallel import Failure, Pool


class _Run(NamedTuple):
    found: Extract
    error: str | None
    seconds: float
    size: int


def _as_run(result: _Run | Failure) -> _Run:
    """A page whose worker died scores as an error, as a page whose system raised does."""
    return _Run(Extract(""), result.reason, 0.0, 0) if isinstance(result, Failure) else result


def _run_page(system: System, variant: str, page: Page) -> _Run:
    data = read_input(page.inputs[variant])
    start = time.perf_counter()
    try:
        found = system.extract(data, variant, page.url)
    except Exception as error:  # one broken page must not end the run; it scores as empty
        return _Run(Extract(""), f"{type(error).__name__}: {error}", time.perf_counter() - start, len(data))
    return _Run(found, None, time.perf_counter() - start, len(data))


@dataclass(frozen=True)
class SystemResult:
    """One system's scores on a set of pages.

    P is the mean precision over pages with output, R the mean recall over pages with gold, F1
    their harmonic mean (the benchmark's definition); an error scores as an empty output.
    Speed is per core: pages and input bytes over the summed extraction time.
    """

    system: str
    input: str
    pages: tuple[PageScore, ...]
    seconds: float = 0.0
    size: int = 0

    def summary(self) -> dict[str, Any]:
        with_output = [p.precision for p in self.pages if not p.empty]
        with_gold = [p.recall for p in self.pages if not p.gold_empty]
        precision, recall = _mean(with_output), _mean(with_gold)
        values: dict[str, Any] = {
            "system": self.system,
            "input": self.input,
            "pages": len(self.pages),
            "precision": precision,
            "recall": recall,
            "f1": f1(precision, recall),
            "accuracy": _mean([p.exact for p in self.pages]),
            "bow_precision": _mean([p.bow_precision for p in self.pages]),
            "bow_recall": _mean([p.bow_recall for p in self.pages]),
            "bow_f1": _mean([p.bow_f1 for p in self.pages]),
            "empty": sum(p.empty for p in self.pages),
            "errors": sum(p.error is not None for p in self.pages),
            "seconds": self.seconds,
            "docs_per_s": len(self.pages) / self.seconds if self.seconds else None,
            "mb_per_s": self.size / self.seconds / 1e6 if self.seconds else None,
        }
        for name in META_FIELDS:
            judged = [p.metadata[name] for p in self.pages if name in p.metadata]
            if judged:
                values[name] = _mean(judged)
        values.update(rates(sum((Counter(p.reading) for p in self.pages), Counter())))
        return values

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary(), "error_pages": {p.id: p.error for p in self.pages if p.error}}


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _score_runs(name: str, variant: str, pages: Sequence[Page], runs: Sequence[_Run], metadata: bool) -> SystemResult:
    scores = tuple(
        score_page(
            page.id,
            page.gold,
            run.found,
            page.meta if metadata else None,
            run.error,
            reading_counts(page.gold, run.found.body, page.snippets, page.markdown),
        )
        for page, run in zip(pages, runs, strict=True)
    )
    return SystemResult(name, variant, scores, sum(r.seconds for r in runs), sum(r.size for r in runs))


def run_system(system: System, pages: Sequence[Page], variant: str, jobs: int = 1) -> SystemResult:
    """Run one system over the pages (in `jobs` processes; results keep page order) and score it."""
    missing = [page.id for page in pages if variant not in page.inputs]
    if missing:
        raise EvaluationError(f"{system.name} reads {variant}, which {len(missing)} page(s) lack (e.g. {missing[0]})")
    with Pool(partial(_run_page, system, variant), jobs) as pool:
        runs = [_as_run(result) for _, result in pool.map(pages)]
    return _score_runs(system.name, variant, pages, runs, system.metadata)


def score_predictions(path: Path, pages: Sequence[Page]) -> SystemResult:
    """Score a file of another system's outputs: {id: {"articleBody": ...}}, maybe gzipped or
    wrapped as {"output": ...} (the benchmark's reference-outputs format). A missing id is an error."""
    data = read_json(path)
    outputs = data.get("output", data) if isinstance(data, dict) else None
    if not isinstance(outputs, dict) or not all(
        isinstance(output, dict) and isinstance(output.get("articleBody") or "", str) for output in outputs.values()
    ):
        raise EvaluationError(f"{path}: expected {{id: {{'articleBody': text}}}}")
    runs = [
        _Run(Extract(outputs[page.id].get("articleBody") or ""), None, 0.0, 0)
        if page.id in outputs
        else _Run(Extract(""), "missing from predictions", 0.0, 0)
        for page in pages
    ]
    name = path.name.split(".")[0]
    return _score_runs(name, "file", pages, runs, metadata=False)


@dataclass(frozen=True)
class Report:
    dataset: str
    layout: str
    split: str
    limit: int | None
    results: tuple[SystemResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "layout": self.layout,
            "split": self.split,
            "limit": self.limit,
            "systems": [result.to_dict() for result in self.results],
        }

    def result(self, system: str) -> SystemResult | None:
        return next((r for r in self.results if r.system == system), None)


def evaluate(
    dataset: Dataset,
    systems: Sequence[System],
    *,
    variant: str | None = None,
    split: str = "all",
    limit: int | None = None,
    jobs: int = 1,
    predictions: Sequence[Path] = (),
    with_url: bool = True,
) -> Report:
    """Score each system (and each predictions file) on the chosen pages of a dataset.

    `variant` is the input for systems without one of their own (the cleaner); by default the
    dataset's dumps if it has them, else its HTML. `with_url=False` hides each page's URL from
    every system, as for a dump scraped without its address.
    """
    pages = select_pages(dataset, split, limit)
    if not pages:
        raise EvaluationError(f"{dataset.name}: no pages in split {split!r}")
    if not with_url:
        pages = tuple(dataclasses.replace(page, url=None) for page in pages)
    variant = variant or (dataset.variants or VARIANTS)[0]
    results = [run_system(system, pages, system.input or variant, jobs) for system in systems]
    results += [score_predictions(path, pages) for path in predictions]
    return Report(dataset.name, dataset.layout, split, limit, tuple(results))


# Output


def format_table(report: Report) -> str:
    """A Markdown table of the report, with title/author/date columns when any system was judged on them."""
    rows = [result.summary() for result in report.results]
    meta = [name for name in META_FIELDS if any(name in row for row in rows)]
    read = [(key, name) for key, name in _READING_COLUMNS if any(key in row for row in rows)]
    head = ["system", "input", "P", "R", "F1", "acc", "BoW F1", "empty", "err", "docs/s", *meta, *(n for _, n in read)]
    keys = ["system", "input", "precision", "recall", "f1", "accuracy", "bow_f1", "empty", "errors", "docs_per_s"]
    keys += [*meta, *(key for key, _ in read)]
    lines = [
        f"{report.dataset} ({report.layout}), split {report.split}: {rows[0]['pages']} pages",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for row in rows:
        cells = [_cell(key, row.get(key)) for key in keys]
        lines.append("| " + " | ".join(cells) + " |")
    for row in rows:
        kinds = [(key.removeprefix("leak "), value) for key, value in row.items() if key.startswith("leak ")]
        if kinds:
            lines.append(
                f"\n{row['system']} leak by kind: " + ", ".join(f"{kind} {value:.3f}" for kind, value in kinds)
            )
    return "\n".join(lines)


# What F1 hides (see `reading`), as columns: key in the summary, column name.
_READING_COLUMNS = (
    ("split_per_1000", "split/1k"),
    ("merged_per_1000", "merged/1k"),
    ("leak", "leak"),
    ("with_kept", "with"),
    ("lines_lost", "lost"),
)


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if key in ("docs_per_s", "split_per_1000", "merged_per_1000"):
        return f"{value:.1f}"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def write_per_page(report: Report, path: Path) -> None:
    """One JSON line per system and page, so the worst pages can be found with any JSON tool."""
    with path.open("w", encoding="utf-8") as out:
        for result in report.results:
            for page in result.pages:
                row = {
                    "system": result.system,
                    "id": page.id,
                    "precision": round(page.precision, 4),
                    "recall": round(page.recall, 4),
                    "f1": round(page.f1, 4),
                    "bow_f1": round(page.bow_f1, 4),
                    "empty": page.empty,
                    "error": page.error,
                    **page.metadata,
                    **page.reading,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


def check_floors(report: Report, path: Path) -> list[str]:
    """The cleaner's shortfalls against the floors for this dataset and input in a TOML file.

    The file holds tables like `[scrapinghub.dumps]` with `f1 = 0.80` (any summary metric). Floors
    describe whole sets, so a run over a split or a limited number of pages cannot be checked.
    """
    try:
        floors = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise EvaluationError(f"cannot read floors {path}: {error}") from error
    result = report.result("cleaner")
    if result is None:
        raise EvaluationError("the floor check scores the cleaner: include the cleaner system")
    if report.split != "all" or report.limit is not None:
        raise EvaluationError("floors hold for whole sets: run without --split and --limit")
    table = floors.get(report.dataset, {}).get(result.input)
    if not isinstance(table, dict) or not table:
        raise EvaluationError(f"{path} has no [{report.dataset}.{result.input}] floors")
    values = result.summary()
    failures = []
    for metric, floor in table.items():
        if not isinstance(values.get(metric), float):
            raise EvaluationError(f"{path}: [{report.dataset}.{result.input}] {metric} is not a score")
        if values[metric] < floor:
            failures.append(
                f"{report.dataset} {result.input}: cleaner {metric} {values[metric]:.3f} is below the floor {floor} ({path})"
            )
    return failures
