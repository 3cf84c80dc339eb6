"""The scripts in benchmarks/ import: when a module they use moves, they move with it.

They run only by hand (training, timing, scoring sets), so nothing else would notice a stale import.
"""

from __future__ import annotations

import importlib
import json
import tomllib
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize("script", sorted(path.stem for path in BENCHMARKS.glob("*.py")))
def test_every_benchmark_script_imports(script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # they import their neighbours as the scripts do
    module = importlib.import_module(script)
    assert Path(module.__file__ or "") == BENCHMARKS / f"{script}.py"  # not a module of that name elsewhere


def test_the_line_kind_labels_come_from_the_gold_and_from_what_the_markup_calls_each_box(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from line_kind_pages import label_lines

    story = "The council voted on Tuesday to rebuild the flood wall along the river before winter."
    page = (
        '<html><body><nav class="mainMenu">Home</nav><p>' + story + '</p><div id="related-posts">'
        "<a href='/a'>Another story</a></div><footer>About us</footer></body></html>"
    )
    assert label_lines(page, story) == (
        ["Home", story, "Another story", "About us"],
        ["navigation", "body", "related", "footer"],
    )


def test_the_seeds_like_furniture_is_labelled_by_its_kind_from_the_development_half_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from line_kind_pages import FURNITURE_KINDS, furniture_pages, kinds

    story = "The council voted on Tuesday to rebuild the flood wall along the river before winter."
    document = {
        "Home › News": "breadcrumb#0",
        "": None,
        "Flood wall to be rebuilt": "title",
        "Work starts in spring, the council says.": "standfirst",
        "By Jane Doe": "byline#1",
        story: "body:paragraph",
        "Workers at the river on Monday. (Photo: AFP)": "caption#2",
        "Most Read": "related#3",
        "Mayor opens the new harbour": "related#3",
    }
    # The development half in English and in German, the test half in English: one page is read.
    for half, page_id, language in (("dev", "0001", "en"), ("dev", "0002", "de"), ("test", "0003", "en")):
        (tmp_path / half).mkdir(exist_ok=True)
        (tmp_path / half / f"wcxb-{page_id}.txt").write_text("\n".join(document) + "\n", encoding="utf-8")
        (tmp_path / half / f"wcxb-{page_id}.gold.txt").write_text(story + "\n", encoding="utf-8")
        (tmp_path / half / f"wcxb-{page_id}.gold.json").write_text(json.dumps({"language": language}), encoding="utf-8")
        marks = json.dumps({"labels": list(document.values())})
        (tmp_path / half / f"wcxb-{page_id}.lines.json").write_text(marks, encoding="utf-8")
    [page] = furniture_pages(tmp_path, {"0001": "example.com", "0002": "example.de", "0003": "example.org"})
    assert page.site == "example.com"
    assert list(zip(page.lines, page.labels, strict=True)) == [
        ("Home › News", "breadcrumb"),
        ("Flood wall to be rebuilt", "other"),
        ("Work starts in spring, the council says.", None),
        ("By Jane Doe", None),
        (story, None),
        ("Workers at the river on Monday. (Photo: AFP)", "caption"),
        ("Most Read", "related"),
        ("Mayor opens the new harbour", None),
    ]
    furniture = tomllib.loads((BENCHMARKS / "boilerplate" / "dev.toml").read_text(encoding="utf-8"))
    assert set(furniture) <= set(FURNITURE_KINDS) and set(FURNITURE_KINDS.values()) <= set(kinds())
