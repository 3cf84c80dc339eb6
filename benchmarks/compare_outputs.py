"""Every output of the cleaner on the bundled samples and evaluation pages, to compare two versions.

    python benchmarks/compare_outputs.py -o before.jsonl              # on one commit
    python benchmarks/compare_outputs.py -o after.jsonl --against before.jsonl

Cleans each sample (text and HTML) and each page of the evaluation sets, its dump
and its HTML, with the default configuration and the page's URL, as `cleaner eval`
does, and writes one line per document: its name and the Article as JSON. With
`--against`, lists the documents whose Article differs and exits 1 if any does.
A change meant to keep the output as it is (a refactoring, a speed-up) must list none.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def documents(sets: list[Path]) -> Iterator[tuple[str, bytes, str | None, str]]:
    """(name, content, url, kind) of every sample and every page input of the sets."""
    from cleaner.evaluate import load_dataset, read_input

    for path in sorted((ROOT / "samples").rglob("*")):
        kind = {".txt": "text", ".html": "html"}.get(path.suffix)
        if kind and "expected" not in path.parts:
            yield str(path.relative_to(ROOT)), path.read_bytes(), None, kind
    for folder in sets:
        dataset = load_dataset(folder)
        for page in dataset.pages:
            for variant, path in sorted(page.inputs.items()):
                kind = "text" if variant == "dumps" else "html"
                yield f"{dataset.name}/{variant}/{page.id}", read_input(path), page.url, kind


def _clean(document: tuple[str, bytes, str | None, str]) -> tuple[str, str]:
    from cleaner.engine import clean

    name, data, url, kind = document
    try:
        article = clean(data if kind == "html" else data.decode("utf-8", errors="replace"), url=url, kind=kind)
        return name, json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True)
    except Exception as error:
        return name, json.dumps({"error": f"{type(error).__name__}: {error}"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSONL of every output")
    parser.add_argument("--against", type=Path, help="an earlier output file to compare with")
    parser.add_argument("--set", action="append", type=Path, help="evaluation sets (default: the bundled ones)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    bench = Path(os.environ.get("CLEANER_BENCH", ROOT.parent / "shared" / "bench"))
    sets = args.set or [p for p in (ROOT / "bench" / "scrapinghub", bench / "wcxb-dev-articles") if p.is_dir()]
    from cleaner.parallel import Pool

    with Pool(_clean, args.jobs) as pool, args.output.open("w", encoding="utf-8") as out:
        for _, (name, article) in pool.map(documents(sets)):
            out.write(json.dumps({"name": name, "article": article}, ensure_ascii=False) + "\n")
    if args.against is None:
        return 0
    before, after = _read(args.against), _read(args.output)
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    for name in changed:
        print(name)
    print(f"{len(changed)} of {len(after)} outputs differ", file=sys.stderr)
    return 1 if changed else 0


def _read(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as lines:
        rows = (json.loads(line) for line in lines)
        return {row["name"]: hashlib.sha256(row["article"].encode()).hexdigest() for row in rows}


if __name__ == "__main__":
    sys.exit(main())
