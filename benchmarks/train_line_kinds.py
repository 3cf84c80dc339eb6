"""Fit the line-kind model (cleaner/data/line_kinds.npz) and print how it does on unseen sites.

    python benchmarks/train_line_kinds.py ../shared/bench/wcxb-dev-articles ../shared/bench/wcxb-dev-other \
        --speed-set bench/scrapinghub

Every page's whole-page dump is labelled line by line from its own markup and gold body
(line_kind_pages.py). Trained on: the article set's development pages and every page of the other
set, except pages of any site that has a page in the article set's held-out quarter; that quarter
and ScrapingHub are never trained on. Also trained on: the development pages' bodies dressed in the
seeds-like set's DEV furniture (boilerplate_set.py, `FURNITURE_SEEDS`), each inserted line labelled
with its kind; its TEST phrasings are never read. Sites are split into FOLDS by a hash of the host:
each fold's lines are predicted by a model fitted on the other folds, and these predictions give
the per-kind scores on unseen sites and the neighbour features the second stage is fitted on. The
shipped model is then fitted on all of it, and judged on the held-out quarter's own dumps
(line_kind_report.py). Deterministic: fixed seeds; the same bytes with one BLAS thread or several.
Needs numpy only.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import boilerplate_set  # beside this script
import line_kind_report
import numpy as np
from line_kind_fit import SparseRows, fit_dense, fit_sparse
from line_kind_pages import FURNITURE, LabelledPage, furniture_pages, kinds, labelled_pages, site_of

from cleaner.evaluate import load_dataset, split_of
from cleaner.pagemodel import linekind_features, linekinds

OUTPUT = Path(__file__).resolve().parents[1] / "cleaner" / "data" / "line_kinds.npz"
FOLDS = 5
LINE_EPOCHS, CONTEXT_EPOCHS = 3, 10
SEED = 20260301
# A page weighs at most this many lines, and a line repeated on its page counts once in all:
# a shop's thousand-entry menu should not outweigh a hundred small sites.
PAGE_LINES = 300
# The first stage learns only features found on this many sites (see shared_features).
MIN_SITES = 5
# Seeds of the seeds-like sets written on the development bodies for training (boilerplate_set.py
# --wcxb-split dev): their DEV half, each line labelled with its furniture's kind
# (`line_kind_pages.furniture_pages`). Markup names few of the slots news sites set into a story's
# text (captions, author boxes, agency credits, ad and player labels); these teach them in DEV's
# phrasings, and TEST's phrasings score what carries over.
FURNITURE_SEEDS = (11, 12, 13, 14)


@dataclass(frozen=True, slots=True)
class Corpus:
    """Every training line: features, label (a kind's number, -1 when unsure), weight, page."""

    pages: list[LabelledPage]
    rows: SparseRows
    labels: np.ndarray
    weights: np.ndarray
    page_of: np.ndarray
    fold_of_page: np.ndarray
    page_starts: np.ndarray  # the first line of each page, then the number of lines

    def lines_of(self, page: int) -> slice:
        return slice(self.page_starts[page], self.page_starts[page + 1])


def fold_of(site: str) -> int:
    """The site's fold, from a hash of its host: all its pages fall on one side of every split."""
    return hashlib.sha256(site.encode()).digest()[0] % FOLDS


def training_pages(articles: str, others: str, furniture: list[Path]) -> list[LabelledPage]:
    """The pages trained on: never the article set's held-out quarter, nor any site that has a page
    there; and the development documents of the `furniture` sets (seeds-like furniture on the
    bodies of the article pages trained on)."""
    article_pages = load_dataset(articles).pages
    held_out = [page for page in article_pages if split_of(page.id) == "holdout"]
    held_out_sites = {site_of(page.url, page.id) for page in held_out}
    held_out_ids = {page.id for page in held_out}
    pages = []
    for folder in (articles, others):
        for labelled, _ in labelled_pages(folder):
            held = (folder == articles and labelled.id in held_out_ids) or labelled.site in held_out_sites
            if labelled.lines and not held:
                pages.append(labelled)
    sites = {page.id: site_of(page.url, page.id) for page in article_pages}
    trained = {page.id for page in pages if page.dataset == Path(articles).resolve().name}
    for folder in furniture:
        pages.extend(page for page in furniture_pages(folder, sites) if page.id.rsplit("/", 1)[1] in trained)
    return pages


def page_rows(lines: tuple[str, ...]) -> SparseRows:
    """A page's feature blocks merged into one sparse row per line."""
    blocks = linekind_features.features(lines)
    rows = np.concatenate([block.rows for block in blocks])
    order = np.argsort(rows, kind="stable")
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=len(lines)))))
    indices = np.concatenate([block.indices for block in blocks])[order].astype(np.int32)
    return SparseRows(indptr, indices, np.concatenate([block.values for block in blocks])[order])


def line_weights(page: LabelledPage) -> np.ndarray:
    """Each labelled line's weight: a line repeated on its page shares one, a page weighs at most PAGE_LINES."""
    repeats = Counter(page.lines)
    weights = np.array(
        [0.0 if label is None else 1.0 / repeats[line] for line, label in zip(page.lines, page.labels, strict=True)]
    )
    return weights * min(1.0, PAGE_LINES / max(weights.sum(), 1.0))


def corpus(pages: list[LabelledPage]) -> Corpus:
    names = kinds()
    parts = [page_rows(page.lines) for page in pages]
    sizes = np.array([len(part) for part in parts])
    offsets = np.concatenate(([0], np.cumsum([part.indptr[-1] for part in parts])))
    indptr = np.concatenate([[0], *(part.indptr[1:] + offset for part, offset in zip(parts, offsets, strict=False))])
    rows = SparseRows(indptr, np.concatenate([p.indices for p in parts]), np.concatenate([p.values for p in parts]))
    labels = np.array([-1 if label is None else names.index(label) for page in pages for label in page.labels])
    return Corpus(
        pages,
        rows,
        labels,
        np.concatenate([line_weights(page) for page in pages]),
        np.repeat(np.arange(len(pages)), sizes),
        np.array([fold_of(page.site) for page in pages]),
        np.concatenate(([0], np.cumsum(sizes))),
    )


def fit_lines(data: Corpus, weights: np.ndarray) -> np.ndarray:
    """The first stage, on the lines of nonzero weight, learning only features seen on MIN_SITES of their sites."""
    usable = shared_features(data, np.unique(data.page_of[weights > 0]))
    return fit_sparse(data.rows, data.labels, weights, usable, len(kinds()), epochs=LINE_EPOCHS, seed=SEED)


def shared_features(data: Corpus, pages: np.ndarray) -> np.ndarray:
    """Whether each feature occurs on at least MIN_SITES of these pages' sites.

    A menu entry's words or a shop's product names are learned as furniture on the one site
    that has them and teach nothing about the next: only what sites share is learned.
    """
    entries_by_site: dict[str, list[np.ndarray]] = {}
    for number in pages:
        lines = data.lines_of(number)
        entries = data.rows.indices[data.rows.indptr[lines.start] : data.rows.indptr[lines.stop]]
        entries_by_site.setdefault(data.pages[number].site, []).append(entries)
    counts = np.zeros(linekind_features.FEATURES, dtype=np.int64)
    for entries in entries_by_site.values():
        counts[np.unique(np.concatenate(entries))] += 1
    return counts >= MIN_SITES


def fit_context(context: np.ndarray, data: Corpus, weights: np.ndarray) -> np.ndarray:
    return fit_dense(context, data.labels, weights, len(kinds()), epochs=CONTEXT_EPOCHS, seed=SEED)


def cross_fitted(data: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Each line's first- and second-stage probabilities from models that never saw its site."""
    own = np.zeros((len(data.labels), len(kinds())), dtype=np.float32)
    fold = data.fold_of_page[data.page_of]
    for held in range(FOLDS):
        weights = fit_lines(data, np.where(fold == held, 0.0, data.weights))
        for number in np.flatnonzero(data.fold_of_page == held):
            own[data.lines_of(number)] = linekinds.softmax(linekinds.line_logits(data.pages[number].lines, weights))
    context = context_rows(data, own)
    final = np.zeros_like(own)
    for held in range(FOLDS):
        weights = fit_context(context, data, np.where(fold == held, 0.0, data.weights))
        final[fold == held] = linekinds.softmax(context[fold == held] @ weights)
    return own, final


def context_rows(data: Corpus, own: np.ndarray) -> np.ndarray:
    """The second stage's features of every line, page by page."""
    return np.vstack([linekinds.context_features(own[data.lines_of(n)]) for n in range(len(data.pages))])


def save(line_weights: np.ndarray, context_weights: np.ndarray) -> None:
    """int8 line weights with one scale per kind (a quarter of float32's size); float32 context weights."""
    scales = np.maximum(np.abs(line_weights).max(axis=0), 1e-9) / 127.0
    quantised = np.clip(np.rint(line_weights / scales), -127, 127).astype(np.int8)
    np.savez_compressed(
        OUTPUT,
        kinds=np.array(kinds()),
        features=np.array(linekind_features.FEATURES),
        line_weights=quantised,
        line_scales=scales.astype(np.float32),
        context_weights=context_weights.astype(np.float32),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="the WCXB article set (ground-truth/, html/, dumps/)")
    parser.add_argument("others", help="the WCXB non-article set (ground-truth/, html/)")
    parser.add_argument(
        "--speed-set", action="append", default=[], help="another set whose dumps/ to time the model on (repeatable)"
    )
    args = parser.parse_args()
    if tuple(linekinds.FAMILIES) != kinds():
        raise SystemExit("line_kinds.toml and cleaner.pagemodel.linekinds.FAMILIES name different kinds")
    with tempfile.TemporaryDirectory() as folder:
        furniture = [Path(folder, str(seed)) for seed in FURNITURE_SEEDS]
        for seed, out in zip(FURNITURE_SEEDS, furniture, strict=True):
            boilerplate_set.build(out, seed, boilerplate_set.ROOT / "bench" / "scrapinghub", Path(args.articles), "dev")
        data = corpus(training_pages(args.articles, args.others, furniture))
    line_kind_report.dataset(data.pages, kinds())
    own, final = cross_fitted(data)
    dataset_of = np.array([page.dataset for page in data.pages])[data.page_of]
    real = np.where(dataset_of != FURNITURE, data.labels, -1)
    line_kind_report.by_kind("first stage alone, sites never seen", real, own, kinds())
    line_kind_report.by_kind("with neighbours, sites never seen", real, final, kinds())
    articles = dataset_of == Path(args.articles).resolve().name
    line_kind_report.by_kind("the same, article pages only", np.where(articles, data.labels, -1), final, kinds())
    furniture_lines = np.where(dataset_of == FURNITURE, data.labels, -1)
    line_kind_report.by_kind("seeds-like furniture (DEV phrasings), sites never seen", furniture_lines, final, kinds())
    # The second stage learns from cross-fitted first-stage output, as unseen pages will give it.
    save(fit_lines(data, data.weights), fit_context(context_rows(data, own), data, data.weights))
    linekinds.model.cache_clear()
    line_kind_report.held_out(args.articles)
    line_kind_report.speed([Path(args.articles), *map(Path, args.speed_set)])
    print(f"\nwrote {OUTPUT} ({OUTPUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
