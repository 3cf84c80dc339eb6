"""Gold sets: ScrapingHub, WCXB and plain folders, their pages and the fixed dev/holdout split."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

VARIANTS = ("dumps", "html")
SPLITS = ("all", "dev", "holdout")


class EvaluationError(ValueError):
    """A dataset, prediction file, system or floor file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Page:
    """One gold page: its inputs by variant ("dumps", "html") and what else the gold has: metadata,
    snippets that must appear (`with`) and must not (`without`), the body as Markdown."""

    id: str
    gold: str
    url: str | None
    inputs: Mapping[str, Path]
    meta: Mapping[str, str] = field(default_factory=dict)  # "" for a field the page has none of
    snippets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    markdown: str | None = None


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
    plain: <id>.gold.txt next to <id>.txt and/or <id>.html, and optionally <id>.gold.json (title,
    author, date, `with` and `without` snippets). Inputs: dumps/<id>.txt, html/<id>.html.gz (or the
    plain files).
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
    path = folder / "ground-truth.json"
    entries = read_json(path)
    if not isinstance(entries, dict):
        raise EvaluationError(f"{path}: expected {{page id: {{'articleBody': text, 'url': url}}}}")
    for page_id, entry in entries.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("articleBody"), str):
            raise EvaluationError(f"{path}: page {page_id!r} has no 'articleBody' text")
        yield Page(page_id, entry["articleBody"], entry.get("url"), _bench_inputs(folder, page_id))


def _wcxb_pages(folder: Path) -> Iterable[Page]:
    for path in (folder / "ground-truth").glob("*.json"):
        entry = read_json(path)
        gold = entry.get("ground_truth") if isinstance(entry, dict) else None
        if not isinstance(gold, dict):
            raise EvaluationError(f"{path}: expected {{'ground_truth': {{'main_content': text, ...}}}}")
        meta = {"title": gold.get("title"), "author": gold.get("author"), "date": gold.get("publish_date")}
        page_id = path.stem
        snippets = {name: tuple(s for s in gold.get(name) or () if isinstance(s, str)) for name in ("with", "without")}
        yield Page(
            page_id,
            gold.get("main_content") or "",
            entry.get("url"),
            _bench_inputs(folder, page_id),
            _present(meta),
            snippets,
            gold.get("main_content_markdown"),
        )


def _plain_pages(folder: Path) -> Iterable[Page]:
    for path in folder.glob("*.gold.txt"):
        page_id = path.name.removesuffix(".gold.txt")
        inputs = {}
        for variant, names in (("dumps", ("txt",)), ("html", ("html", "htm", "html.gz", "htm.gz"))):
            found = [folder / f"{page_id}.{name}" for name in names if (folder / f"{page_id}.{name}").is_file()]
            if found:
                inputs[variant] = found[0]
        extra = folder / f"{page_id}.gold.json"
        meta, snippets = _plain_extras(read_json(extra)) if extra.is_file() else ({}, {})
        yield Page(page_id, _gold_text(path), None, inputs, meta, snippets)


def _gold_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read {path}: {error}") from error


def _plain_extras(data: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """What a plain page's `<id>.gold.json` adds: its title and author, the `with` snippets, and
    the `without` snippets, a list or a table of lists by kind of boilerplate (each kind is also
    scored alone, as `without <kind>`)."""
    meta = _present({"title": data.get("title"), "author": data.get("author"), "date": data.get("date")})
    without = data.get("without") or []
    kinds = without if isinstance(without, dict) else {}
    snippets = {
        "with": tuple(data.get("with") or ()),
        "without": tuple(s for group in (kinds.values() if kinds else [without]) for s in group),
    }
    snippets.update({f"without {kind}": tuple(found) for kind, found in kinds.items()})
    return meta, snippets


def _bench_inputs(folder: Path, page_id: str) -> dict[str, Path]:
    paths = {"dumps": folder / "dumps" / f"{page_id}.txt", "html": folder / "html" / f"{page_id}.html.gz"}
    return {variant: path for variant, path in paths.items() if path.is_file()}


def _present(values: Mapping[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in values.items() if value not in (None, "", [])}


def read_json(path: Path) -> Any:
    try:
        return json.loads(read_input(path))
    except (OSError, ValueError) as error:
        raise EvaluationError(f"cannot read {path}: {error}") from error


def read_input(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def with_gold_meta(dataset: Dataset, path: Path) -> Dataset:
    """The dataset with more gold metadata from a JSON file: {dataset name: {page id: {field: value}}}
    or, for one field, {dataset name: {page id: value}} named after the file ("subtitles.json" gives
    "subtitle"). A null value says the page has none of the field (its gold is "")."""
    data = read_json(path)
    entries = data.get(dataset.name, {}) if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise EvaluationError(f"{path}: expected {{dataset: {{page id: ...}}}}")
    default = path.stem.removesuffix("s")
    pages = []
    for page in dataset.pages:
        if page.id in entries:
            value = entries[page.id]
            extra = value if isinstance(value, dict) else {default: value}
            page = replace(page, meta={**page.meta, **{k: "" if v is None else str(v) for k, v in extra.items()}})
        pages.append(page)
    return Dataset(dataset.name, dataset.layout, tuple(pages))


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
