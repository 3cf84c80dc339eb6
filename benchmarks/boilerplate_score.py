"""Score the cleaner on the set boilerplate_set.py writes: per kind of furniture, the share of
inserted items that survive in the body; the share of body paragraphs (of some word) lost; whether the
standfirst went to `subtitle` and the headline to `title`. DEV and TEST apart.

    python benchmarks/boilerplate_score.py OUT [--json scores.json] [--show KIND]

An item survives when any of its input lines is still in the body; a body paragraph is lost
when its line is removed. Which input lines were removed comes from the Article's removals,
each of which records its input line, so nothing is matched by text. `--show KIND` prints the
DEV items of that kind that survive (never TEST's: those phrasings are not to be looked at).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import cleaner
from cleaner.parallel import Pool

HALVES = ("dev", "test")


def _score_document(path: Path) -> dict:
    """What became of each labelled line of one document."""
    text = path.read_text(encoding="utf-8")
    labels = json.loads(path.with_suffix("").with_suffix(".lines.json").read_text(encoding="utf-8"))["labels"]
    expected = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    article = cleaner.clean(text, kind="text")
    removed = {r.line for r in article.removals}
    lines = text.splitlines()
    items: dict[str, list[bool]] = {}
    body = Counter()
    for number, label in enumerate(labels, start=1):
        if label is None:
            continue
        kept = number not in removed
        # A gold paragraph of no word (a zero-width space the page left) is no text to lose.
        if label.startswith("body:") and any(ch.isalnum() for ch in lines[number - 1]):
            kind = label.removeprefix("body:")
            body[f"{kind} lines"] += 1
            body[f"{kind} lost"] += not kept
        elif "#" in label:
            items.setdefault(label, []).append(kept)
    survived = [(label.split("#")[0], any(kept), lines_of(lines, labels, label)) for label, kept in items.items()]
    return {
        "id": path.name.removesuffix(".txt"),
        "items": survived,
        "body": dict(body),
        "standfirst": None if expected["subtitle"] is None else article.subtitle == expected["subtitle"],
        "title": article.title == expected["title"],
    }


def lines_of(lines: list[str], labels: list[str | None], label: str) -> str:
    return " / ".join(line for line, own in zip(lines, labels, strict=False) if own == label)


def score(folder: Path, jobs: int) -> list[dict]:
    paths = sorted(p for p in folder.glob("*.txt") if not p.name.endswith(".gold.txt"))
    with Pool(_score_document, jobs) as pool:
        return [result for _, result in pool.map(paths)]


def summary(documents: list[dict]) -> dict:
    """Per kind: items and the share that survive; body lines lost, in all and by kind; standfirsts."""
    inserted, survived = Counter(), Counter()
    body = Counter()
    for document in documents:
        for kind, kept, _ in document["items"]:
            inserted[kind] += 1
            survived[kind] += kept
        body.update(document["body"])
    kinds = {kind: {"items": n, "survive": survived[kind] / n} for kind, n in sorted(inserted.items())}
    lines = sum(n for key, n in body.items() if key.endswith(" lines"))
    lost = sum(n for key, n in body.items() if key.endswith(" lost"))
    standfirsts = [d["standfirst"] for d in documents if d["standfirst"] is not None]
    return {
        "documents": len(documents),
        "kinds": kinds,
        "average_leak": sum(k["survive"] for k in kinds.values()) / max(len(kinds), 1),
        "items_leak": sum(survived.values()) / max(sum(inserted.values()), 1),
        "body_lost": lost / max(lines, 1),
        "body_lost_by_kind": {
            key.removesuffix(" lines"): body[key.replace(" lines", " lost")] / n
            for key, n in sorted(body.items())
            if key.endswith(" lines")
        },
        "standfirst_to_subtitle": sum(standfirsts) / max(len(standfirsts), 1),
        "standfirsts": len(standfirsts),
        "title": sum(d["title"] for d in documents) / max(len(documents), 1),
    }


def print_table(results: dict[str, dict]) -> None:
    halves = list(results)
    kinds = sorted({kind for result in results.values() for kind in result["kinds"]})
    print(f"| kind | {' | '.join(f'{h} items | {h} survive' for h in halves)} |")
    print(f"|---|{'---|---|' * len(halves)}")
    for kind in kinds:
        cells = []
        for half in halves:
            found = results[half]["kinds"].get(kind)
            cells.append(f"{found['items']} | {found['survive']:.1%}" if found else "– | –")
        print(f"| {kind} | {' | '.join(cells)} |")
    for name, key in (
        ("average over kinds", "average_leak"),
        ("all items", "items_leak"),
        ("body paragraphs lost", "body_lost"),
        ("standfirst to subtitle", "standfirst_to_subtitle"),
        ("headline to title", "title"),
    ):
        print(f"| **{name}** | {' | '.join(f' | {results[h][key]:.1%}' for h in halves)} |")
    for half in halves:
        lost = ", ".join(f"{kind} {share:.1%}" for kind, share in results[half]["body_lost_by_kind"].items())
        print(f"{half}: body lost by kind: {lost}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder boilerplate_set.py wrote")
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--show", metavar="KIND", help="print the DEV items of this kind that survive")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    documents = {half: score(args.folder / half, args.jobs) for half in HALVES}
    if args.show:
        for document in documents["dev"]:
            for kind, kept, text in document["items"]:
                if kept and kind == args.show:
                    print(f"{document['id']}: {text}")
        return 0
    results = {half: summary(found) for half, found in documents.items()}
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
