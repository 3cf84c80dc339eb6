"""Where the time of cleaning a text dump goes, per line, by stage: what a compiled core would buy.

    python benchmarks/stage_cost.py [--set DIR ...] [--limit N]

Cleans every other dump of the sets under cProfile and times the rest without it (one process,
warmed on other pages; each page is cleaned once, as the cleaner's memory of line verdicts would
flatter a second time), and sums each function's own time into the stage its module belongs to; time spent inside a builtin
(a regex search, a dict lookup) goes to the stages that called it, in proportion to their calls'
time. Profiling slows Python calls more than builtins, so the shares are a picture, not a
stopwatch: the µs per line are scaled to the unprofiled time per line. The stages that
are pure bookkeeping per line (dispatch, features) are what a compiled core would take over; rule
bodies and the page model's decisions are what it would keep calling.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
from collections import Counter
from pathlib import Path

from cleaner import Cleaner
from cleaner.evaluate import load_dataset, read_input

ROOT = Path(__file__).resolve().parents[1]
WARM_PAGES = 40
# A module path's first matching prefix names its stage.
STAGES = (
    ("cleaner/rules/framework/", "dispatch and gates"),
    ("cleaner/vocab/", "dispatch and gates"),
    ("cleaner/pagemodel/linemodel", "line features and line model"),
    ("cleaner/pagemodel/linekind", "line-kind model"),
    ("cleaner/pagemodel/evidence", "line-kind model"),
    ("cleaner/pagemodel/", "article run and headline"),
    ("cleaner/rules/", "rule bodies"),
    ("cleaner/frontends/", "reading the text"),
    ("cleaner/language", "metadata"),
    ("cleaner/metadata", "metadata"),
    ("cleaner/names", "metadata"),
    ("cleaner/dates", "rule bodies"),
    ("cleaner/shapes", "rule bodies"),
    ("cleaner/", "engine"),
)


def stage_of(filename: str) -> str | None:
    """The stage of a function's file; None for a builtin or code outside cleaner (numpy, re)."""
    path = filename.replace(os.sep, "/")
    for prefix, stage in STAGES:
        if f"/{prefix}" in path:
            return stage
    return None


def stage_seconds(stats: pstats.Stats) -> Counter[str]:
    """Own time per stage; a builtin's or a library's own time split among its callers' stages."""
    table = stats.stats  # type: ignore[attr-defined]
    totals: Counter[str] = Counter()
    for (filename, _, _), (_, _, own, _, callers) in table.items():
        stage = stage_of(filename)
        if stage is not None:
            totals[stage] += own
            continue
        spent = {caller: values[2] for caller, values in callers.items()}
        weight = sum(spent.values())
        for caller, time_in in spent.items():
            totals[stage_of(caller[0]) or "libraries"] += own * (time_in / weight if weight else 1 / len(spent))
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    bench = Path(os.environ.get("CLEANER_BENCH", ROOT.parent / "shared" / "bench"))
    parser.add_argument("--set", type=Path, action="append", default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    sets = args.set or [ROOT / "bench" / "scrapinghub", bench / "wcxb-dev-articles"]
    pages = [(read_input(p.inputs["dumps"]), p.url) for s in sets for p in load_dataset(s).pages if "dumps" in p.inputs]
    warm, pages = pages[:WARM_PAGES], pages[WARM_PAGES : args.limit]
    cleaner = Cleaner()
    for content, url in warm:
        cleaner.clean(content, url=url, kind="text")
    timed, profiled_pages = pages[::2], pages[1::2]
    lines = sum(content.count(b"\n") + 1 for content, _ in timed)
    start = time.process_time()
    for content, url in timed:
        cleaner.clean(content, url=url, kind="text")
    per_line = (time.process_time() - start) / lines
    profile = cProfile.Profile()
    profile.enable()
    for content, url in profiled_pages:
        cleaner.clean(content, url=url, kind="text")
    profile.disable()
    totals = stage_seconds(pstats.Stats(profile))
    profiled = sum(totals.values())
    print(f"{len(pages)} dumps; {per_line * 1e6:.1f} µs of CPU per line unprofiled")
    print("| stage | share | µs per line |\n|---|---|---|")
    for stage, seconds in totals.most_common():
        print(f"| {stage} | {seconds / profiled:.1%} | {seconds / profiled * per_line * 1e6:.1f} |")


if __name__ == "__main__":
    main()
