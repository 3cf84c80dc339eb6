"""Scoring extracted article text against gold, with the ScrapingHub article-extraction-benchmark formula.

The project's claims are numbers on public sets, so this module makes them
reproducible: the same formula the published leaderboard uses, the same
peer systems the baselines were measured with, a fixed dev/holdout split so
that rules tuned on one part can be checked on pages never looked at, and a
floor file that CI uses to keep a gain once it is made.

>>> score_page("p", "The cat sat on the mat.", Extract("The cat sat on the mat!")).f1
1.0
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # imported on use, so that the command line starts without the rule engine
    from cleaner.config import Config

SHINGLE_SIZE = 4
VARIANTS = ("dumps", "html")
SPLITS = ("all", "dev", "holdout")
META_FIELDS = ("title", "author", "date")
_TOKEN = re.compile(r"\w+")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# The C4 line filter as the published baseline ran it: closing quotes and guillemets count as sentence ends.
_C4_ENDS = (".", "!", "?", '"', "'", "”", "’", "»", "…")
_C4_MIN_WORDS = 5


class EvaluationError(ValueError):
    """A dataset, prediction file, system or floor file that cannot be used."""


# The measure


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def shingles(words: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of consecutive `size`-token shingles; a shorter text is one shingle, an empty one none.

    >>> shingles("a b c d e".split())
    Counter({('a', 'b', 'c', 'd'): 1, ('b', 'c', 'd', 'e'): 1})
    >>> shingles(["a", "b"]), shingles([])
    (Counter({('a', 'b'): 1}), Counter())
    """
    if len(words) <= size:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def precision_recall(gold: Counter, pred: Counter) -> tuple[float, float]:
    """The benchmark's per-page precision and recall of two multisets (1 and 1 when they are equal)."""
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    if fp == fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class Extract(NamedTuple):
    """What a system found on one page: the body and, for systems that report them, title, author and date."""

    body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's scores. `metadata` holds, per field the gold has, whether the system got it right."""

    id: str
    precision: float
    recall: float
    bow_precision: float
    bow_recall: float
    exact: bool
    empty: bool
    gold_empty: bool
    error: str | None = None
    metadata: Mapping[str, bool] = field(default_factory=dict)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def bow_f1(self) -> float:
        return f1(self.bow_precision, self.bow_recall)


def score_page(
    page_id: str,
    gold: str,
    found: Extract,
    gold_meta: Mapping[str, str] | None = None,
    error: str | None = None,
) -> PageScore:
    """Score one output. Pass `gold_meta` only for systems that report metadata.

    Bag of words follows WCXB's word F1 (lower-cased tokens, an empty output scores 0), as the
    baselines in bench/results did, so the numbers compare.
    """
    gold_words, found_words = tokens(gold), tokens(found.body)
    precision, recall = precision_recall(shingles(gold_words), shingles(found_words))
    gold_bag = Counter(w.lower() for w in gold_words)
    found_bag = Counter(w.lower() for w in found_words)
    if gold_bag or found_bag:
        common = sum((gold_bag & found_bag).values())
        bow = (common / len(found_words) if found_words else 0.0, common / len(gold_words) if gold_words else 0.0)
    else:
        bow = (1.0, 1.0)
    metadata = {
        name: metadata_matches(name, value, getattr(found, name)) for name, value in (gold_meta or {}).items() if value
    }
    return PageScore(
        page_id, precision, recall, *bow, gold_words == found_words, not found_words, not gold_words, error, metadata
    )


def metadata_matches(name: str, gold: str, found: str | None) -> bool:
    """Whether a found title, author or date counts as the gold one.

    Titles match when their words do, ignoring case, spacing and punctuation (so a curly apostrophe
    is no error, but a " | Site" suffix is); authors when their name words overlap by half or more
    (Dice), so "By Jane Doe" matches "Jane Doe"; dates when their ISO days are equal.

    >>> metadata_matches("title", "We've  won", "WE’VE WON"), metadata_matches("title", "We won", "We won | Site")
    (True, False)
    >>> metadata_matches("author", "Jane Doe", "By JANE DOE"), metadata_matches("date", "2019-11-18", "2019-11-18T08:00")
    (True, True)
    """
    if not found:
        return False
    if name == "title":
        return tokens(gold.casefold()) == tokens(found.casefold())
    if name == "author":
        gold_names, found_names = (set(tokens(text.casefold())) for text in (gold, found))
        common = len(gold_names & found_names)
        return common > 0 and 2 * common >= 0.5 * (len(gold_names) + len(found_names))
    if name == "date":
        day = _ISO_DAY.search(gold)
        return day is not None and day.group() == _iso_day(found)
    raise ValueError(f"unknown metadata field {name!r}")


def _iso_day(text: str) -> str | None:
    day = _ISO_DAY.search(text)
    return day.group() if day else None


# Datasets


@dataclass(frozen=True, slots=True)
class Page:
    """One gold page: its inputs by variant ("dumps", "html") and the gold metadata it has."""

    id: str
    gold: str
    url: str | None
    inputs: Mapping[str, Path]
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    layout: str
    pages: tuple[Page, ...]

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(v for v in VARIANTS if any(v in page.inputs for page in self.pages))

    @property
    def has_metadata(self) -> bool:
        return any(page.meta for page in self.pages)


def load_dataset(folder: str | Path) -> Dataset:
    """Read a gold set, recognising its layout.

    scrapinghub: ground-truth.json {id: {articleBody, url}}; wcxb: ground-truth/<id>.json;
    plain: <id>.gold.txt next to <id>.txt and/or <id>.html. Inputs: dumps/<id>.txt, html/<id>.html.gz
    (or the plain files).
    """
    folder = Path(folder)
    if (folder / "ground-truth.json").is_file():
        layout, pages = "scrapinghub", _scrapinghub_pages(folder)
    elif (folder / "ground-truth").is_dir():
        layout, pages = "wcxb", _wcxb_pages(folder)
    elif any(folder.glob("*.gold.txt")):
        layout, pages = "plain", _plain_pages(folder)
    else:
        raise EvaluationError(f"{folder}: no ground-truth.json, ground-truth/ or *.gold.txt found")
    return Dataset(folder.resolve().name, layout, tuple(sorted(pages, key=lambda page: page.id)))


def _scrapinghub_pages(folder: Path) -> Iterable[Page]:
    for page_id, entry in _read_json(folder / "ground-truth.json").items():
        yield Page(page_id, entry["articleBody"], entry.get("url"), _bench_inputs(folder, page_id))


def _wcxb_pages(folder: Path) -> Iterable[Page]:
    for path in (folder / "ground-truth").glob("*.json"):
        entry = _read_json(path)
        gold = entry["ground_truth"]
        meta = {"title": gold.get("title"), "author": gold.get("author"), "date": gold.get("publish_date")}
        page_id = path.stem
        yield Page(
            page_id, gold.get("main_content") or "", entry.get("url"), _bench_inputs(folder, page_id), _present(meta)
        )


def _plain_pages(folder: Path) -> Iterable[Page]:
    for path in folder.glob("*.gold.txt"):
        page_id = path.name.removesuffix(".gold.txt")
        inputs = {}
        for variant, names in (("dumps", ("txt",)), ("html", ("html", "htm", "html.gz", "htm.gz"))):
            found = [folder / f"{page_id}.{name}" for name in names if (folder / f"{page_id}.{name}").is_file()]
            if found:
                inputs[variant] = found[0]
        yield Page(page_id, path.read_text(encoding="utf-8"), None, inputs)


def _bench_inputs(folder: Path, page_id: str) -> dict[str, Path]:
    paths = {"dumps": folder / "dumps" / f"{page_id}.txt", "html": folder / "html" / f"{page_id}.html.gz"}
    return {variant: path for variant, path in paths.items() if path.is_file()}


def _present(values: Mapping[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in values.items() if value not in (None, "", [])}


def _read_json(path: Path) -> Any:
    try:
        return json.loads(read_input(path))
    except (OSError, ValueError) as error:
        raise EvaluationError(f"cannot read {path}: {error}") from error


def read_input(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def split_of(page_id: str) -> str:
    """'holdout' for a fixed quarter of ids, 'dev' for the rest.

    Chosen by a hash of the id alone, so a page keeps its side whatever the set's size or order.

    >>> [split_of(i) for i in ("0001", "0002", "0003", "0004", "0005")]
    ['dev', 'dev', 'dev', 'holdout', 'holdout']
    """
    return "holdout" if hashlib.sha256(page_id.encode()).digest()[0] < 64 else "dev"


def select_pages(dataset: Dataset, split: str = "all", limit: int | None = None) -> tuple[Page, ...]:
    if split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    pages = tuple(page for page in dataset.pages if split == "all" or split_of(page.id) == split)
    return pages[:limit] if limit is not None else pages


# Systems


@dataclass(frozen=True)
class System:
    """Something that extracts a body from one page's input.

    `input` is the variant it reads, or None for the run's chosen one; `extract(data, variant, url)`
    gets the input's bytes. `metadata` says whether it reports title, author and date.
    """

    name: str
    input: str | None
    extract: Callable[[bytes, str, str | None], Extract]
    metadata: bool = False


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _raw(data: bytes, variant: str, url: str | None) -> Extract:
    return Extract(_text(data))


def _c4(data: bytes, variant: str, url: str | None) -> Extract:
    """Keep lines that end like a sentence and have five words or more (C4's line rule)."""
    lines = _text(data).splitlines()
    return Extract("\n".join(line for line in lines if line.endswith(_C4_ENDS) and len(line.split()) >= _C4_MIN_WORDS))


def _justext(data: bytes, variant: str, url: str | None) -> Extract:
    """jusText on the dump with one <p> per line and the English stoplist, as the baseline ran it."""
    import justext

    page = "".join(f"<p>{html.escape(line)}</p>" for line in _text(data).splitlines())
    paragraphs = justext.justext(f"<html><body>{page}</body></html>", justext.get_stoplist("English"))
    return Extract("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def _trafilatura(data: bytes, variant: str, url: str | None) -> Extract:
    """trafilatura on the HTML, comments off (the leaderboard setting), with its metadata."""
    import trafilatura

    found = trafilatura.bare_extraction(data, url=url, include_comments=False, with_metadata=True)
    if found is None:
        return Extract("")
    return Extract(found.text or "", found.title, found.author, found.date)


def _cleaner(config: Config, data: bytes, variant: str, url: str | None) -> Extract:
    from cleaner.engine import clean

    article = clean(data if variant == "html" else _text(data), url=url, config=config, kind=_KINDS[variant])
    return Extract(article.body, article.title, "; ".join(article.authors) or None, article.published)


_KINDS = {"dumps": "text", "html": "html"}


PEERS = {
    "raw": System("raw", "dumps", _raw),
    "c4": System("c4", "dumps", _c4),
    "justext": System("justext", "dumps", _justext),
    "trafilatura": System("trafilatura", "html", _trafilatura, metadata=True),
}
SYSTEMS = ("cleaner", *PEERS)


def get_system(name: str, config: Config | None = None) -> System:
    """The named system; `config` is the cleaner's."""
    if name == "cleaner":
        from cleaner.config import Config

        return System("cleaner", None, partial(_cleaner, config or Config()), metadata=True)
    if name not in PEERS:
        raise EvaluationError(f"unknown system {name!r}; known: {', '.join(SYSTEMS)}")
    return PEERS[name]


# Running and aggregating


class _Run(NamedTuple):
    found: Extract
    error: str | None
    seconds: float
    size: int


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
        return values

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary(), "error_pages": {p.id: p.error for p in self.pages if p.error}}


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _score_runs(name: str, variant: str, pages: Sequence[Page], runs: Sequence[_Run], metadata: bool) -> SystemResult:
    scores = tuple(
        score_page(page.id, page.gold, run.found, page.meta if metadata else None, run.error)
        for page, run in zip(pages, runs, strict=True)
    )
    return SystemResult(name, variant, scores, sum(r.seconds for r in runs), sum(r.size for r in runs))


def run_system(system: System, pages: Sequence[Page], variant: str, jobs: int = 1) -> SystemResult:
    """Run one system over the pages (in `jobs` processes; results keep page order) and score it."""
    missing = [page.id for page in pages if variant not in page.inputs]
    if missing:
        raise EvaluationError(f"{system.name} reads {variant}, which {len(missing)} page(s) lack (e.g. {missing[0]})")
    work = partial(_run_page, system, variant)
    if jobs > 1 and len(pages) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            runs = list(pool.map(work, pages, chunksize=max(1, len(pages) // (jobs * 8))))
    else:
        runs = [work(page) for page in pages]
    return _score_runs(system.name, variant, pages, runs, system.metadata)


def score_predictions(path: Path, pages: Sequence[Page]) -> SystemResult:
    """Score a file of another system's outputs: {id: {"articleBody": ...}}, maybe gzipped or
    wrapped as {"output": ...} (the benchmark's reference-outputs format). A missing id is an error."""
    data = _read_json(path)
    outputs = data.get("output", data) if isinstance(data, dict) else None
    if not isinstance(outputs, dict):
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
) -> Report:
    """Score each system (and each predictions file) on the chosen pages of a dataset.

    `variant` is the input for systems without one of their own (the cleaner); by default the
    dataset's dumps if it has them, else its HTML.
    """
    pages = select_pages(dataset, split, limit)
    if not pages:
        raise EvaluationError(f"{dataset.name}: no pages in split {split!r}")
    variant = variant or (dataset.variants or VARIANTS)[0]
    results = [run_system(system, pages, system.input or variant, jobs) for system in systems]
    results += [score_predictions(path, pages) for path in predictions]
    return Report(dataset.name, dataset.layout, split, limit, tuple(results))


# Output


def format_table(report: Report) -> str:
    """A Markdown table of the report, with title/author/date columns when any system was judged on them."""
    rows = [result.summary() for result in report.results]
    meta = [name for name in META_FIELDS if any(name in row for row in rows)]
    head = ["system", "input", "P", "R", "F1", "acc", "BoW F1", "empty", "err", "docs/s", *meta]
    keys = ["system", "input", "precision", "recall", "f1", "accuracy", "bow_f1", "empty", "errors", "docs_per_s"]
    lines = [
        f"{report.dataset} ({report.layout}), split {report.split}: {rows[0]['pages']} pages",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for row in rows:
        cells = [_cell(key, row.get(key)) for key in (*keys, *meta)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if key == "docs_per_s":
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
