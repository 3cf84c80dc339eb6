"""cleaner.evaluate and `cleaner eval`: the benchmark formula, the dataset layouts, the split, the floors."""

from __future__ import annotations

import gzip
import json
import os
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import evaluate as ev
from cleaner.cli import main
from cleaner.evaluate.metric import META_FIELDS

BENCH = Path(os.environ.get("CLEANER_BENCH", Path(__file__).resolve().parents[1].parent / "shared" / "bench"))


def result_of(pairs: list[tuple[str, str]], system: str = "cleaner") -> ev.SystemResult:
    """A result scored from (gold, output) pairs, as if `system` had produced the outputs."""
    pages = tuple(ev.score_page(str(i), gold, ev.Extract(found)) for i, (gold, found) in enumerate(pairs))
    return ev.SystemResult(system, "dumps", pages)


def report_of(result: ev.SystemResult, dataset: str = "demo", split: str = "all") -> ev.Report:
    return ev.Report(dataset, "plain", split, None, (result,))


# The formula, on cases computed by hand


def test_shingles_of_short_and_empty_texts():
    assert ev.shingles(ev.tokens("one, two three")) == {("one", "two", "three"): 1}
    assert ev.shingles(ev.tokens("  ...  ")) == {}
    assert ev.shingles(ev.tokens("a b a b a b")) == {("a", "b", "a", "b"): 2, ("b", "a", "b", "a"): 1}


def test_page_precision_and_recall():
    # gold shingles {abcd, bcde}, output {abcd, bcdx}: tp 1, fp 1, fn 1
    page = ev.score_page("p", "a b c d e", ev.Extract("a b c d x"))
    assert (page.precision, page.recall, page.exact) == (0.5, 0.5, False)
    # gold {abcd, bcde, cdef}, output {abcd}: tp 1, fn 2, fp 0
    page = ev.score_page("p", "a b c d e f", ev.Extract("a b c d"))
    assert (page.precision, page.recall) == (1.0, pytest.approx(1 / 3))
    # one short text against another: one shingle each, different
    assert ev.score_page("p", "Hello world", ev.Extract("Hello")).f1 == 0.0
    # punctuation and spacing are not tokens
    assert ev.score_page("p", "Hello,  world!", ev.Extract("Hello\nworld")).exact


def test_empty_output_and_empty_gold():
    both = ev.score_page("p", "", ev.Extract(""))
    assert (both.precision, both.recall, both.empty, both.gold_empty, both.exact) == (1.0, 1.0, True, True, True)
    missed = ev.score_page("p", "a b c d", ev.Extract(""))
    assert (missed.precision, missed.recall, missed.empty) == (0.0, 0.0, True)
    invented = ev.score_page("p", "", ev.Extract("a b c d"))
    assert (invented.precision, invented.recall, invented.gold_empty) == (0.0, 0.0, True)


def test_set_scores_average_precision_over_outputs_and_recall_over_golds():
    result = result_of(
        [
            ("a b c d e", "a b c d e"),  # P 1, R 1, exact
            ("a b c d e", ""),  # empty output: R 0, no P
            ("a b c d e", "a b c d x"),  # P 0.5, R 0.5
            ("", "a b c d"),  # empty gold: P 0, no R
        ]
    )
    summary = result.summary()
    assert summary["precision"] == pytest.approx((1 + 0.5 + 0) / 3)
    assert summary["recall"] == pytest.approx((1 + 0 + 0.5) / 3)
    assert summary["f1"] == pytest.approx(0.5)
    assert summary["accuracy"] == 0.25
    assert (summary["empty"], summary["errors"], summary["pages"]) == (1, 0, 4)


def test_bag_of_words_is_lower_cased_and_averaged_per_page():
    # gold bag {the: 2, cat, dog}, output {the, cat}: P 1, R 0.5, F1 2/3; an empty output scores 0
    summary = result_of([("The cat the dog", "the CAT"), ("x y", "")]).summary()
    assert summary["bow_precision"] == 0.5
    assert summary["bow_recall"] == 0.25
    assert summary["bow_f1"] == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("name", "gold", "found", "expected"),
    [
        ("title", "We've  Won", "we’ve won", True),
        ("title", "We won", "We won - The Daily", False),
        ("author", "Jane Doe", "By Jane Doe", True),
        ("author", "Jane Doe", "John Smith", False),
        ("author", "Jane Doe", None, False),
        ("date", "2019-11-18", "2019-11-18T08:30:00+01:00", True),
        ("date", "2019-11-18", "2019-11-17", False),
    ],
)
def test_metadata_matches(name, gold, found, expected):
    assert ev.metadata_matches(name, gold, found) is expected


def test_metadata_accuracy_counts_only_pages_whose_gold_has_the_field():
    pages = (
        ev.score_page("1", "x", ev.Extract("x", title="T", date="2020-01-02"), {"title": "T", "date": "2020-01-02"}),
        ev.score_page("2", "x", ev.Extract("x", title="Other"), {"title": "T"}),
        ev.score_page("3", "x", ev.Extract("x"), {}),
    )
    summary = ev.SystemResult("cleaner", "html", pages).summary()
    assert (summary["title"], summary["date"]) == (0.5, 1.0)
    assert "author" not in summary and "false author" not in summary


def test_a_wrong_author_counts_as_false_but_no_author_does_not():
    gold = {"author": "Jane Doe"}
    pages = (
        ev.score_page("1", "x", ev.Extract("x", author="Jane Doe"), gold),
        ev.score_page("2", "x", ev.Extract("x", author="Key Takeaways"), gold),
        ev.score_page("3", "x", ev.Extract("x"), gold),
        ev.score_page("4", "x", ev.Extract("x"), gold),
    )
    summary = ev.SystemResult("cleaner", "dumps", pages).summary()
    assert (summary["author"], summary["false author"]) == (0.25, 0.25)


# Layouts


def write_gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode()))


def make_scrapinghub(root: Path) -> Path:
    truth = {
        "b": {"articleBody": "Second body text here.", "url": "https://b.example/2"},
        "a": {"articleBody": "First body text here.", "url": "https://a.example/1"},
    }
    (root / "dumps").mkdir(parents=True)
    (root / "ground-truth.json").write_text(json.dumps(truth))
    (root / "dumps" / "a.txt").write_text("Menu\nFirst body text here.\n")
    (root / "dumps" / "b.txt").write_text("Second body text here.\n")
    write_gz(root / "html" / "a.html.gz", "<p>First body text here.</p>")
    write_gz(root / "html" / "b.html.gz", "<p>Second body text here.</p>")
    return root


def make_wcxb(root: Path) -> Path:
    for page_id, body, meta in (
        ("0001", "A body of five words.", {"title": "One", "author": "Ann Lee", "publish_date": "2024-05-01"}),
        ("0002", "Another body of five.", {"title": "Two", "author": None, "publish_date": None}),
    ):
        entry = {"url": f"https://w.example/{page_id}", "ground_truth": {"main_content": body, **meta}}
        (root / "ground-truth").mkdir(parents=True, exist_ok=True)
        (root / "ground-truth" / f"{page_id}.json").write_text(json.dumps(entry))
        (root / "dumps").mkdir(exist_ok=True)
        (root / "dumps" / f"{page_id}.txt").write_text(f"Share this\n{body}\n")
    return root


def make_plain(root: Path, pages: dict[str, tuple[str, str]], suffix: str = "txt") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for page_id, (text, gold) in pages.items():
        (root / f"{page_id}.{suffix}").write_text(text)
        (root / f"{page_id}.gold.txt").write_text(gold)
    return root


def test_scrapinghub_layout(tmp_path):
    dataset = ev.load_dataset(make_scrapinghub(tmp_path / "sh"))
    assert (dataset.name, dataset.layout, dataset.variants, dataset.has_metadata) == (
        "sh",
        "scrapinghub",
        ev.VARIANTS,
        False,
    )
    assert [(p.id, p.url) for p in dataset.pages] == [("a", "https://a.example/1"), ("b", "https://b.example/2")]
    assert ev.read_input(dataset.pages[0].inputs["html"]) == b"<p>First body text here.</p>"
    raw = ev.evaluate(dataset, [ev.get_system("raw")]).result("raw").summary()
    # page a: output has one extra token "Menu" -> shingles 2 vs gold 1: P 1/2, R 1; page b exact
    assert (raw["precision"], raw["recall"], raw["accuracy"]) == (0.75, 1.0, 0.5)


def test_wcxb_layout_keeps_only_metadata_the_gold_has(tmp_path):
    dataset = ev.load_dataset(make_wcxb(tmp_path / "wx"))
    assert (dataset.layout, dataset.variants, dataset.has_metadata) == ("wcxb", ("dumps",), True)
    first, second = dataset.pages
    assert first.meta == {"title": "One", "author": "Ann Lee", "date": "2024-05-01"}
    assert second.meta == {"title": "Two"}
    assert (second.gold, second.url) == ("Another body of five.", "https://w.example/0002")
    with pytest.raises(ev.EvaluationError, match="reads html, which 2 page"):
        ev.evaluate(dataset, [ev.get_system("trafilatura")])


def test_plain_layout_with_text_and_html(tmp_path):
    folder = make_plain(
        tmp_path / "plain", {"x": ("Nav\nThe story is here and it is long.", "The story is here and it is long.")}
    )
    (folder / "y.html").write_text("<p>Only HTML.</p>")
    (folder / "y.gold.txt").write_text("Only HTML.")
    dataset = ev.load_dataset(folder)
    assert dataset.layout == "plain"
    assert {p.id: sorted(p.inputs) for p in dataset.pages} == {"x": ["dumps"], "y": ["html"]}
    with pytest.raises(ev.EvaluationError, match="which 1 page"):
        ev.evaluate(dataset, [ev.get_system("raw")])


def test_plain_layout_gold_json_gives_title_and_leak_by_kind(tmp_path):
    text = "The story is here and it is long.\nAdvertisement\nFollow us on Facebook"
    folder = make_plain(tmp_path / "plain", {"x": (text, "The story is here and it is long.")})
    without = {"ad": ["Advertisement"], "social": ["Follow us on Facebook"]}
    (folder / "x.gold.json").write_text(
        json.dumps({"title": "Story", "with": ["The story is here"], "without": without})
    )
    [page] = ev.load_dataset(folder).pages
    assert page.meta == {"title": "Story"}
    assert page.snippets["without"] == ("Advertisement", "Follow us on Facebook")
    raw = ev.evaluate(ev.load_dataset(folder), [ev.get_system("raw")]).result("raw").summary()
    assert (raw["leak"], raw["leak ad"], raw["leak social"], raw["with_kept"]) == (1.0, 1.0, 1.0, 1.0)
    assert "leak by kind: ad 1.000, social 1.000" in ev.format_table(
        ev.evaluate(ev.load_dataset(folder), [ev.get_system("raw")])
    )


def test_unknown_layout_and_system(tmp_path):
    with pytest.raises(ev.EvaluationError, match=r"no ground-truth\.json"):
        ev.load_dataset(tmp_path)
    with pytest.raises(ev.EvaluationError, match="unknown system 'nope'"):
        ev.get_system("nope")


def test_gold_and_predictions_of_the_wrong_shape_are_errors_naming_the_file(tmp_path):
    (tmp_path / "sh").mkdir()
    for wrong in ('{"a": 5}', '{"a": {"articleBody": 5}}'):
        (tmp_path / "sh" / "ground-truth.json").write_text(wrong)
        with pytest.raises(ev.EvaluationError, match=r"ground-truth\.json: page 'a' has no 'articleBody' text"):
            ev.load_dataset(tmp_path / "sh")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "p1.gold.txt").write_bytes(b"\xff\xfe not UTF-8")
    with pytest.raises(ev.EvaluationError, match=r"cannot read .*p1\.gold\.txt: 'utf-8' codec can't decode"):
        ev.load_dataset(tmp_path / "plain")
    predictions, good = tmp_path / "mine.json", ev.load_dataset(make_scrapinghub(tmp_path / "good"))
    for wrong in ('{"a": 5}', '{"a": {"articleBody": ["a list"]}}'):
        predictions.write_text(wrong)
        with pytest.raises(ev.EvaluationError, match=r"mine\.json: expected \{id: \{'articleBody': text\}\}"):
            ev.evaluate(good, [], predictions=[predictions])


def test_c4_keeps_sentence_lines_of_five_words_or_more(tmp_path):
    text = "Home | News\nThis line has five words.\nShort line here.\n“He said so, and left,” she wrote.”\n"
    dataset = ev.load_dataset(
        make_plain(tmp_path, {"p": (text, "This line has five words. He said so, and left, she wrote.")})
    )
    assert ev.evaluate(dataset, [ev.get_system("c4")]).result("c4").summary()["accuracy"] == 1.0


def failing(data: bytes, variant: str, url: str | None) -> ev.Extract:
    raise RuntimeError("boom")


def test_a_failing_page_is_an_error_scored_as_empty(tmp_path):
    dataset = ev.load_dataset(make_plain(tmp_path, {"p": ("a b c", "a b c")}))
    result = ev.run_system(ev.System("broken", "dumps", failing), dataset.pages, "dumps")
    assert result.to_dict()["error_pages"] == {"p": "RuntimeError: boom"}
    assert (result.summary()["errors"], result.summary()["empty"], result.summary()["recall"]) == (1, 1, 0.0)


def test_parallel_run_matches_serial_run(tmp_path):
    pages = {
        f"p{i:02d}": (f"Menu {i}\nBody number {i} is written here.", f"Body number {i} is written here.")
        for i in range(12)
    }
    dataset = ev.load_dataset(make_plain(tmp_path, pages))
    serial = ev.run_system(ev.get_system("c4"), dataset.pages, "dumps", jobs=1)
    parallel = ev.run_system(ev.get_system("c4"), dataset.pages, "dumps", jobs=2)
    assert parallel.pages == serial.pages


def test_cleaner_system_is_scored_with_its_metadata(tmp_path):
    dataset = ev.load_dataset(
        make_plain(
            tmp_path, {"p": ("Headline of the story\n\nThe body sentence.\n\nAdvertisement", "The body sentence.")}
        )
    )
    result = ev.evaluate(dataset, [ev.get_system("cleaner")]).result("cleaner")
    assert result.summary()["f1"] == 1.0
    assert ev.get_system("cleaner").metadata


def test_predictions_file_missing_ids_are_errors(tmp_path):
    dataset = ev.load_dataset(make_scrapinghub(tmp_path / "sh"))
    predictions = tmp_path / "mine.json.gz"
    predictions.write_bytes(
        gzip.compress(json.dumps({"output": {"a": {"articleBody": "First body text here."}}}).encode())
    )
    result = ev.evaluate(dataset, [], predictions=[predictions]).result("mine")
    assert result.to_dict()["error_pages"] == {"b": "missing from predictions"}
    assert (result.summary()["precision"], result.summary()["recall"]) == (1.0, 0.5)


# The split


def test_split_is_fixed_disjoint_and_about_a_quarter(tmp_path):
    pages = tuple(ev.Page(f"{i:04d}", "gold", None, {}) for i in range(400))
    dataset = ev.Dataset("d", "plain", pages)
    dev = {p.id for p in ev.select_pages(dataset, "dev")}
    holdout = {p.id for p in ev.select_pages(dataset, "holdout")}
    assert dev.isdisjoint(holdout)
    assert dev | holdout == {p.id for p in pages}
    assert 0.2 < len(holdout) / len(pages) < 0.3
    shuffled = ev.Dataset("d", "plain", pages[::-1][:50])
    assert {p.id for p in ev.select_pages(shuffled, "holdout")} == holdout & {p.id for p in shuffled.pages}
    assert [p.id for p in ev.select_pages(dataset, "holdout", limit=3)] == sorted(holdout)[:3]


# Floors


def write_floors(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "floors.toml"
    path.write_text(text)
    return path


def test_floor_check_passes_and_fails(tmp_path):
    floors = write_floors(tmp_path, "[demo.dumps]\nf1 = 0.5\nrecall = 0.9\n")
    assert ev.check_floors(report_of(result_of([("a b c d e", "a b c d e")])), floors) == []
    failures = ev.check_floors(report_of(result_of([("a b c d e", "a b c d x")])), floors)
    assert failures == [f"demo dumps: cleaner recall 0.500 is below the floor 0.9 ({floors})"]


@pytest.mark.parametrize(
    ("floors", "report", "message"),
    [
        ("[other.dumps]\nf1 = 0.5\n", report_of(result_of([("a", "a")])), r"no \[demo.dumps\] floors"),
        ("[demo.dumps]\nempty = 0\n", report_of(result_of([("a", "a")])), "empty is not a score"),
        ("[demo.dumps]\nf1 = 0.5\n", report_of(result_of([("a", "a")], system="raw")), "scores the cleaner"),
        ("[demo.dumps]\nf1 = 0.5\n", report_of(result_of([("a", "a")]), split="dev"), "whole sets"),
        ("[demo.dumps\n", report_of(result_of([("a", "a")])), "cannot read floors"),
    ],
)
def test_floor_check_refuses_what_it_cannot_check(tmp_path, floors, report, message):
    with pytest.raises(ev.EvaluationError, match=message):
        ev.check_floors(report, write_floors(tmp_path, floors))


FLOORS = Path(__file__).resolve().parents[1] / "quality" / "floors.toml"


def test_repo_floors_are_scores_between_zero_and_one():
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    scores = set(result_of([("a", "a")]).summary()) - {"system", "input", "pages", "empty", "errors", "seconds"}
    scores |= set(META_FIELDS)  # scored where the gold has the field, as WCXB's has titles
    assert "f1" in floors["scrapinghub"]["dumps"]
    for dataset, inputs in floors.items():
        for variant, table in inputs.items():
            assert variant in ev.VARIANTS, dataset
            assert set(table) <= scores and all(0 < value < 1 for value in table.values()), (dataset, variant)


# The command


def test_eval_command_prints_table_and_writes_json_and_per_page(tmp_path):
    folder = make_scrapinghub(tmp_path / "sh")
    out, per_page = tmp_path / "r.json", tmp_path / "pages.jsonl"
    args = ["eval", str(folder), "--system", "raw", "--system", "c4", "--json", str(out), "--per-page", str(per_page)]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 0, run.output
    assert "| raw | dumps | 0.750 | 1.000 | 0.857 | 0.500 |" in run.output
    report = json.loads(out.read_text())
    assert [s["system"] for s in report["systems"]] == ["raw", "c4"]
    rows = [json.loads(line) for line in per_page.read_text().splitlines()]
    assert [(r["system"], r["id"], r["precision"]) for r in rows[:2]] == [("raw", "a", 0.5), ("raw", "b", 1.0)]


def test_eval_command_floor_exit_codes(tmp_path):
    folder = make_plain(tmp_path / "demo", {"p": ("Headline of the story\n\nThe body sentence.", "The body sentence.")})
    high = write_floors(tmp_path, "[demo.dumps]\nf1 = 1.01\n")
    run = CliRunner().invoke(main, ["eval", str(folder), "--floor", str(high)])
    assert run.exit_code == 1
    assert "cleaner f1 1.000 is below the floor 1.01" in run.output
    low = write_floors(tmp_path, "[demo.dumps]\nf1 = 0.9\n")
    assert CliRunner().invoke(main, ["eval", str(folder), "--floor", str(low)]).exit_code == 0
    run = CliRunner().invoke(main, ["eval", str(folder), "--floor", str(low), "--limit", "1"])
    assert run.exit_code == 2 and "whole sets" in run.output


def test_a_report_that_cannot_be_written_is_one_line_and_exit_1(tmp_path):
    folder = make_plain(tmp_path / "demo", {"p": ("Headline of the story\n\nThe body sentence.", "The body sentence.")})
    run = CliRunner().invoke(main, ["eval", str(folder), "--json", str(tmp_path / "missing" / "r.json")])
    assert run.exit_code == 1
    assert run.output.endswith(f"Error: cannot write {tmp_path / 'missing' / 'r.json'}: No such file or directory\n")


def test_eval_of_a_folder_without_gold_is_a_usage_error(tmp_path):
    run = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert run.exit_code == 2
    assert run.output == f"Error: {tmp_path}: no ground-truth.json, ground-truth/ or *.gold.txt found\n"


# The published numbers


LEADERBOARD = {
    "AutoExtract": 0.970,
    "rs_trafilatura": 0.970,
    "go_trafilatura": 0.960,
    "trafilatura": 0.958,
    "newspaper": 0.949,
    "news_please": 0.948,
    "readability_js": 0.947,
    "readability": 0.922,
    "goose3": 0.896,
    "boilerpipe": 0.860,
    "justext": 0.804,
    "html-text": 0.665,
}


@pytest.fixture(scope="module")
def scrapinghub() -> ev.Dataset:
    folder = BENCH / "scrapinghub"
    if not (folder / "ground-truth.json").is_file():
        pytest.skip(f"evaluation sets not found at {BENCH} (set CLEANER_BENCH)")
    return ev.load_dataset(folder)


def test_reference_outputs_reproduce_the_published_leaderboard(scrapinghub):
    files = [BENCH / "scrapinghub" / "reference-outputs" / f"{name}.json.gz" for name in LEADERBOARD]
    report = ev.evaluate(scrapinghub, [], predictions=files)
    assert {r.system: round(r.summary()["f1"], 3) for r in report.results} == LEADERBOARD


def test_peers_on_the_dumps_reproduce_the_baselines(scrapinghub):
    report = ev.evaluate(scrapinghub, [ev.get_system("raw"), ev.get_system("c4")])
    raw, c4 = (report.result(name).summary() for name in ("raw", "c4"))
    assert (round(raw["f1"], 3), round(raw["bow_f1"], 3), raw["empty"]) == (0.671, 0.644, 0)
    assert (round(c4["precision"], 3), round(c4["recall"], 3), round(c4["f1"], 3), c4["empty"]) == (
        0.778,
        0.891,
        0.831,
        1,
    )


def test_cleaner_holds_the_repo_floor_on_the_dumps(scrapinghub):
    report = ev.evaluate(scrapinghub, [ev.get_system("cleaner")])
    assert ev.check_floors(report, FLOORS) == []


def test_gold_metadata_from_a_file_scores_subtitles_null_included(tmp_path) -> None:
    for name in "abc":
        (tmp_path / f"{name}.gold.txt").write_text("The body text of the page goes here.", encoding="utf-8")
    gold = tmp_path / "subtitles.json"
    gold.write_text(json.dumps({tmp_path.name: {"a": "A summary.", "b": None, "c": None}}), encoding="utf-8")
    dataset = ev.with_gold_meta(ev.load_dataset(tmp_path), gold)
    assert [page.meta for page in dataset.pages] == [{"subtitle": "A summary."}, {"subtitle": ""}, {"subtitle": ""}]
    scores = [
        ev.score_page(page.id, page.gold, ev.Extract(page.gold, subtitle=found), page.meta).metadata["subtitle"]
        for page, found in zip(dataset.pages, ("A summary.", None, "Guess."), strict=True)
    ]
    assert scores == [True, True, False]


def test_lines_of_the_gold_s_code_hold_no_split_sentences():
    from cleaner.evaluate.reading import reading_counts

    gold = "Run it like this:\nfor x in items:\nprint(x)"
    markdown = "Run it like this:\n\n```\nfor x in items:\nprint(x)\n```"
    found = "Run it like this:\nfor x in items\nprint(x)\nThe loop runs\nthrough every item."
    assert reading_counts(gold, found, {}, markdown)["splits"] == 1  # the prose split counts, the code's does not
    assert reading_counts(gold, found, {})["splits"] == 2  # without the gold's Markdown, code is not known
