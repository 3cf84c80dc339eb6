"""The scripts in benchmarks/ import: when a module they use moves, they move with it.

They run only by hand (training, timing, scoring sets), so nothing else would notice a stale import.
"""

from __future__ import annotations

import importlib
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
