"""`cleaner eval`: score systems against gold article bodies."""

from __future__ import annotations

import json
from pathlib import Path

import click

from cleaner.cli.options import FileName, InputError
from cleaner.evaluate import SPLITS, SYSTEMS, VARIANTS


@click.command("eval")
@click.argument("dataset_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--input",
    "variant",
    type=click.Choice(VARIANTS),
    help="What the cleaner reads: the whole-page text dumps or the HTML (default: dumps when the set has them).",
)
@click.option(
    "--system",
    "systems",
    multiple=True,
    default=("cleaner",),
    show_default=True,
    type=click.Choice(SYSTEMS),
    help="System to score; repeat to compare. Peers read their own input: raw, c4 and justext the dumps, "
    "trafilatura the HTML.",
)
@click.option(
    "--predictions",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Also score another system\'s outputs: JSON {id: {"articleBody": text}}, optionally .gz.',
)
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="all",
    show_default=True,
    help="Score all pages, the dev pages, or the fixed holdout quarter kept for checking tuned rules.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N pages (by id).")
@click.option(
    "--gold-meta",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="More gold metadata: JSON {dataset: {page id: {field: value}}}, e.g. quality/subtitles.json "
    "(hand-checked standfirsts; null where a page has none).",
)
@click.option(
    "--no-url",
    is_flag=True,
    help="Give no system the page's URL, as for a dump scraped without its address.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--json", "json_path", type=FileName(), help="Write the scores as JSON.")
@click.option(
    "--per-page",
    type=FileName(),
    help="Write one JSON line per system and page (id, precision, recall, f1) to find the worst pages.",
)
@click.option(
    "--floor",
    "floor_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML of minimum scores per [dataset.input] (e.g. quality/floors.toml); exit 1 when the cleaner falls below.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="cleaner.toml or pyproject.toml for the cleaner (default: built-in settings).",
)
def eval_command(
    dataset_dir: Path,
    variant: str | None,
    systems: tuple[str, ...],
    predictions: tuple[Path, ...],
    split: str,
    limit: int | None,
    gold_meta: Path | None,
    no_url: bool,
    jobs: int,
    json_path: Path | None,
    per_page: Path | None,
    floor_path: Path | None,
    config_path: Path | None,
) -> None:
    """Score systems against the gold article bodies of DATASET_DIR.

    DATASET_DIR is a ScrapingHub-style set (ground-truth.json), a WCXB-style set (ground-truth/<id>.json)
    or a folder of <id>.txt / <id>.html next to <id>.gold.txt. Scores use the ScrapingHub
    article-extraction-benchmark formula (4-token shingles): P, R, F1, exact-match accuracy, bag-of-words
    F1, empty outputs, errors, docs/s, and title/author/date/subtitle accuracy where the gold has them.
    Exit status: 0, 1 a score below its --floor or a report that cannot be written, 2 usage error (a
    set, file or name that cannot be used).

    \b
    Examples (the first two in a clone of the repository, which bundles the ScrapingHub set):
      cleaner eval bench/scrapinghub --system cleaner --system raw --system c4
      cleaner eval bench/scrapinghub --input html --floor quality/floors.toml
      cleaner eval my-pages/ --input html --system cleaner --system trafilatura
      cleaner eval my-pages/ --split dev --per-page pages.jsonl -j 2
    (my-pages/ holding <id>.html and <id>.gold.txt files, or a WCXB-style set.)
    """
    from cleaner import evaluate as ev
    from cleaner.config import Config, ConfigError

    reports = {"--json": json_path, "--per-page": per_page}
    _check_reports(reports, dataset_dir, [*predictions, gold_meta, floor_path, config_path])
    try:
        config = Config.from_file(config_path) if config_path else None
        dataset = ev.load_dataset(dataset_dir)
        report = ev.evaluate(
            ev.with_gold_meta(dataset, gold_meta) if gold_meta else dataset,
            [ev.get_system(name, config) for name in dict.fromkeys(systems)],
            variant=variant,
            split=split,
            limit=limit,
            jobs=jobs,
            predictions=predictions,
            with_url=not no_url,
        )
        failures = ev.check_floors(report, floor_path) if floor_path else []
    except (ev.EvaluationError, ConfigError) as error:  # what was named cannot be used: a usage error
        raise InputError(str(error)) from error
    click.echo(ev.format_table(report))
    _write_reports(report, json_path, per_page)
    if failures:
        raise click.ClickException("\n".join(failures))
    if floor_path:
        checked = report.result("cleaner")
        click.echo(f"floors hold: {report.dataset} {checked.input if checked else ''} ({floor_path})", err=True)


def _check_reports(reports: dict[str, Path | None], dataset_dir: Path, read: list[Path | None]) -> None:
    """Refuse report files that would replace a file the evaluation reads, or each other (usage error)."""
    from cleaner.preflight import report_problems
    from cleaner.storage import identity

    taken = {identity(path): f"input {path}" for path in read if path is not None}
    problems = report_problems(reports, taken, [identity(dataset_dir)])
    if problems:
        raise InputError("\n".join(problems))


def _write_reports(report, json_path: Path | None, per_page: Path | None) -> None:
    """Write the report files; one that cannot be written ends the command with one line (exit 1)."""
    from cleaner import evaluate as ev
    from cleaner.io import describe_error

    for path, write in ((json_path, _write_json), (per_page, ev.write_per_page)):
        try:
            if path:
                write(report, path)
        except OSError as error:
            raise click.ClickException(f"cannot write {path}: {describe_error(error)}") from error


def _write_json(report, path: Path) -> None:
    path.write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
