"""The language identifier's share of cleaning a text dump.

    python benchmarks/language_cost.py [--set DIR] [--limit N]

Cleans each dump of the set once (one process), then identifies the language of each clean body
again alone, and prints both per document and the identifier's share.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from cleaner import Cleaner
from cleaner.evaluate import load_dataset, read_input
from cleaner.language import detect_language

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    bench = Path(os.environ.get("CLEANER_BENCH", ROOT.parent / "shared" / "bench"))
    parser.add_argument("--set", type=Path, default=bench / "wcxb-dev-articles")
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    texts = [read_input(p.inputs["dumps"]).decode("utf-8", "replace") for p in load_dataset(args.set).pages]
    texts = texts[: args.limit]
    cleaner = Cleaner()
    detect_language("The detector's module is imported before the clock starts, as it is once per process.")
    start = time.perf_counter()
    bodies = [cleaner.clean(text, kind="text").body for text in texts]
    cleaning = time.perf_counter() - start
    start = time.perf_counter()
    for body in bodies:
        detect_language(body)
    identifying = time.perf_counter() - start
    lines = sum(text.count("\n") + 1 for text in texts)
    print(f"{len(texts)} dumps, {lines / len(texts):.0f} lines each on average")
    print(f"cleaning: {cleaning / len(texts) * 1e3:.2f} ms per document ({cleaning / lines * 1e6:.0f} µs per line)")
    print(f"language: {identifying / len(texts) * 1e3:.3f} ms per document ({identifying / cleaning:.1%} of cleaning)")


if __name__ == "__main__":
    main()
