"""Real article bodies wrapped in seeds-like furniture, with the expected result of every line.

    python benchmarks/boilerplate_set.py OUT [--seed N]

Phrase lists know the phrasings they were written for; this set measures what happens to the
others. Each document is a gold article body (ScrapingHub, and the WCXB held-out quarter, whose
pages the line models never saw) dressed as the seeds are: breadcrumb, headline, standfirst (the
page's own description), byline, timestamp, player label and photo caption on top; captions,
"Also read" lines, ad labels and player labels between paragraphs; agency credit, tags, author
box, comment, follow, app and newsletter prompts, related list, copyright and cookie notice at the
end, in English, Indian English, Hindi-English (romanised and in Devanagari), German, French and
Spanish. Phrasings are data: `boilerplate/dev.toml` (rules may be improved looking at them) and
`boilerplate/test.toml` (only scored), filled from `boilerplate/fill.toml`. A document takes all
its furniture from one half; which half is fixed by a hash of its id. Deterministic: the same seed
gives the same bytes.

Written as two plain-layout folders, OUT/dev and OUT/test, that `cleaner eval` reads: per document
`<id>.txt` (the dump), `<id>.gold.txt` (the body), `<id>.gold.json` (title, subtitle, the `with`
snippets, the `without` snippets by kind of furniture) and `<id>.lines.json` (each input line's
label, for boilerplate_score.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.evaluate import load_dataset, read_input, split_of
from cleaner.evaluate.reading import gold_kinds, paragraphs
from cleaner.frontends.decode import decode

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).with_name("boilerplate")
HALVES = ("dev", "test")
# The furniture's language, and how often a document takes it.
LANGUAGES = {"en": 0.2, "in": 0.25, "hinglish": 0.1, "hi": 0.15, "de": 0.1, "fr": 0.1, "es": 0.1}
# How often a document has each kind, where it goes and how many items of it; the end's order.
TOP = {"breadcrumb": 0.35, "byline": 0.8, "timestamp": 0.75, "media": 0.3, "caption": 0.4, "ad": 0.1, "cookie": 0.1}
INLINE = {"caption": (0.6, 3), "also_read": (0.5, 2), "ad": (0.4, 2), "media": (0.25, 1), "paywall": (0.15, 1)}
END = (
    ("agency", 0.5),
    ("read_more", 0.2),
    ("tags", 0.4),
    ("author_bio", 0.4),
    ("social", 0.45),
    ("app", 0.35),
    ("newsletter", 0.35),
    ("comment", 0.45),
    ("related", 0.45),
    ("copyright", 0.45),
    ("cookie", 0.15),
)
# Prompts sit in any order between the author box and the comments.
SHUFFLED_END = frozenset({"social", "app", "newsletter"})
MAX_PARAGRAPHS = 40
MIN_PARAGRAPHS, MIN_WORDS = 3, 80
# A standfirst is the page's description when it says something the body does not.
STANDFIRST_WORDS = (8, 60)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Source:
    """One gold article: id, headline, description, body paragraphs and each one's kind."""

    id: str
    title: str
    description: str | None
    body: tuple[str, ...]
    kinds: tuple[str, ...]


@dataclass(slots=True)
class Document:
    """A document's lines as they are written, each with its label (None for a blank line)."""

    lines: list[str] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)
    items: int = 0

    def add(self, text: str, label: str, gap: bool) -> None:
        if gap and self.lines:
            self.lines.append("")
            self.labels.append(None)
        self.lines.append(text)
        self.labels.append(label)

    def add_item(self, kind: str, text: str, gap: bool) -> None:
        """One piece of furniture, its lines labelled `kind#n`."""
        for k, line in enumerate(text.split("\n")):
            self.add(line, f"{kind}#{self.items}", gap and k == 0)
        self.items += 1


def half_of(doc_id: str) -> str:
    return HALVES[hashlib.sha256(f"boilerplate:{doc_id}".encode()).digest()[0] % 2]


def sources(scrapinghub: Path, wcxb: Path, wcxb_split: str = "holdout") -> Iterator[Source]:
    """The gold articles: every ScrapingHub page, and the WCXB pages of one split (the held-out
    quarter, which the line models never saw; or the development pages, four times as many
    bodies of every kind for measuring what is lost, without ScrapingHub)."""
    sets = [("wcxb", [p for p in load_dataset(wcxb).pages if split_of(p.id) == wcxb_split])]
    if wcxb_split == "holdout":
        sets.insert(0, ("sh", load_dataset(scrapinghub).pages))
    for prefix, pages in sets:
        for page in pages:
            body = paragraphs(page.gold)
            kinds = gold_kinds(body, page.markdown) or ["paragraph"] * len(body)
            body, kinds = body[:MAX_PARAGRAPHS], kinds[:MAX_PARAGRAPHS]
            if len(body) < MIN_PARAGRAPHS or sum(len(p.split()) for p in body) < MIN_WORDS:
                continue
            title, description = _page_heads(page.inputs.get("html"))
            title = page.meta.get("title") or title
            if not title:
                continue
            yield Source(f"{prefix}-{page.id[:12]}", title, _standfirst(description, body), tuple(body), tuple(kinds))


def _page_heads(html_path: Path | None) -> tuple[str | None, str | None]:
    """The page's title and description, from its markup."""
    if html_path is None:
        return None, None
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(decode(read_input(html_path)))

    def meta(*selectors: str) -> str | None:
        for selector in selectors:
            node = tree.css_first(selector)
            content = node and (node.attributes.get("content") or "").strip()
            if content:
                return " ".join(content.split())
        return None

    title = meta('meta[property="og:title"]', 'meta[name="twitter:title"]')
    return title, meta('meta[property="og:description"]', 'meta[name="description"]')


def _standfirst(description: str | None, body: list[str]) -> str | None:
    """The description as a standfirst, unless it repeats the body or is no summary's length."""
    if not description:
        return None
    words = _TOKEN.findall(description.casefold())
    if not STANDFIRST_WORDS[0] <= len(words) <= STANDFIRST_WORDS[1]:
        return None
    body_text = " " + " ".join(_TOKEN.findall(" ".join(body).casefold())) + " "
    pairs = [" ".join(words[k : k + 3]) for k in range(len(words) - 2)]
    repeated = sum(f" {pair} " in body_text for pair in pairs)
    return None if repeated > len(pairs) / 3 else description


class Furniture:
    """The templates of one half, filled for one document's language."""

    def __init__(self, half: str, fill: dict, rng: random.Random, language: str, headlines: list[str]) -> None:
        self.templates = tomllib.loads((TEMPLATES / f"{half}.toml").read_text(encoding="utf-8"))
        self.fill, self.rng, self.language, self.headlines = fill[language], rng, language, headlines

    def item(self, kind: str) -> str:
        """One filled template of the kind, in the document's language (or English if it has none)."""
        table = self.templates[kind]
        template = self.rng.choice(table.get(self.language) or table["en"])
        drawn: dict[str, str] = {}
        return _PLACEHOLDER.sub(lambda m: self._value(m.group(1), drawn), template)

    def _value(self, key: str, drawn: dict[str, str]) -> str:
        """A placeholder's value; the same key within one item gets the same value."""
        if key.isupper():
            return self._value(key.lower(), drawn).upper()
        if key not in drawn:
            drawn[key] = self._draw(key, drawn)
        return drawn[key]

    def _draw(self, key: str, drawn: dict[str, str]) -> str:
        rng, fill = self.rng, self.fill
        computed = {
            "n": lambda: str(rng.randint(2, 48)),
            "minutes": lambda: str(rng.randint(2, 14)),
            "duration": lambda: f"{rng.randint(0, 12)}:{rng.randint(0, 59):02d}",
            "year": lambda: str(rng.randint(2008, 2025)),
            "weekday": lambda: rng.choice(fill["weekdays"]),
            "handle": lambda: (
                re.sub(r"\W", "", self._value("name", drawn).split()[0].lower()) + str(rng.randint(1, 99))
            ),
            "email": lambda: f"{self._value('handle', drawn)}@example.com",
            "headline": lambda: rng.choice(self.headlines),
            "headlines": self._headlines,
            "date": lambda: self._date(rng.choice(fill["date"])),
            "date_num": lambda: self._date(rng.choice(["{day2}/{month2}/{year}", "{year}-{month2}-{day2}"])),
            "time": lambda: self._date(rng.choice(fill["time"])),
        }
        if key in computed:
            return computed[key]()
        if key == "year2":
            return str(int(self._value("year", drawn)) + rng.randint(1, 6))
        # A listed value: "name2" is another name than "name".
        base = key.rstrip("0123456789")
        taken = {v for k, v in drawn.items() if k.rstrip("0123456789") == base}
        return rng.choice([v for v in fill[base] if v not in taken] or fill[base])

    def _date(self, pattern: str) -> str:
        rng = self.rng
        month, day, hour = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)
        names = self.fill["months"]
        values = {
            "day": str(day),
            "day2": f"{day:02d}",
            "month": names[month - 1],
            "month_short": names[month - 1][:3],
            "month2": f"{month:02d}",
            "year": str(rng.randint(2019, 2025)),
            "hour12": str(hour % 12 or 12),
            "hour24": f"{hour:02d}",
            "minute": f"{rng.randint(0, 59):02d}",
            "ampm": "AM" if hour < 12 else "PM",
        }
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], pattern)

    def _headlines(self) -> str:
        """Three to six headlines, written as one of the ways dumps list them."""
        chosen = self.rng.sample(self.headlines, min(self.rng.randint(3, 6), len(self.headlines)))
        style = self.rng.choice(["plain", "dash after", "dash before", "numbered", "separators"])
        if style == "dash after":
            return "\n".join(f"{h} -" for h in chosen)
        if style == "dash before":
            return "\n".join(f"- {h}" for h in chosen)
        if style == "numbered":
            return "\n".join(f"{n}. {h}" for n, h in enumerate(chosen, start=1))
        if style == "separators":
            return "\n-\n".join(chosen)
        return "\n".join(chosen)


def compose(source: Source, furniture: Furniture, rng: random.Random) -> tuple[Document, dict]:
    """The document's lines and labels, and what the cleaner should find: title and subtitle."""
    document = Document()
    gap_share = rng.choice([0.0, 0.5, 1.0])  # a tight dump, a mixed one, or one with blank lines everywhere

    def gap() -> bool:
        return rng.random() < gap_share

    def furnish(kind: str) -> None:
        document.add_item(kind, furniture.item(kind), gap())

    top = [kind for kind, share in TOP.items() if rng.random() < share and kind != "breadcrumb"]
    rng.shuffle(top)
    if rng.random() < TOP["breadcrumb"]:
        furnish("breadcrumb")
    document.add(source.title, "title", gap())
    if source.description and rng.random() < 0.9:
        # Seeds print the standfirst in the headline's paragraph, others in one of its own.
        document.add(source.description, "standfirst", rng.random() < 0.5 and gap())
    for kind in top:
        furnish(kind)
    inline = [
        kind for kind, (share, most) in INLINE.items() if rng.random() < share for _ in range(rng.randint(1, most))
    ]
    places = sorted(rng.randrange(1, len(source.body)) for _ in inline)
    rng.shuffle(inline)
    for n, (paragraph, kind) in enumerate(zip(source.body, source.kinds, strict=True)):
        while places and places[0] == n:
            places.pop(0)
            furnish(inline.pop())
        # Paragraphs stand apart in a dump with blank lines, and close together in a tight one.
        document.add(paragraph, f"body:{kind}", gap() if n == 0 else gap_share > 0)
    end = [kind for kind, share in END if rng.random() < share]
    middle = [kind for kind in end if kind in SHUFFLED_END]
    rng.shuffle(middle)
    for kind in end:
        furnish(middle.pop(0) if kind in SHUFFLED_END else kind)
    expected = {"title": source.title, "subtitle": source.description if "standfirst" in document.labels else None}
    return document, expected


def build(out: Path, seed: int, scrapinghub: Path, wcxb: Path, wcxb_split: str = "holdout") -> dict[str, int]:
    """Write both halves; returns the number of documents of each."""
    fill = tomllib.loads((TEMPLATES / "fill.toml").read_text(encoding="utf-8"))
    found = list(sources(scrapinghub, wcxb, wcxb_split))
    titles = [s.title for s in found]
    counts = dict.fromkeys(HALVES, 0)
    for half in HALVES:
        shutil.rmtree(out / half, ignore_errors=True)
        (out / half).mkdir(parents=True)
    for source in found:
        rng = random.Random(f"{seed}:{source.id}")
        half = half_of(source.id)
        language = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]
        headlines = [*fill[language]["headline"], *rng.sample([t for t in titles if t != source.title], 4)]
        document, expected = compose(source, Furniture(half, fill, rng, language, headlines), rng)
        _write(out / half, source, document, {**expected, "language": language})
        counts[half] += 1
    return counts


def _write(folder: Path, source: Source, document: Document, expected: dict) -> None:
    without: dict[str, list[str]] = {}
    for line, label in zip(document.lines, document.labels, strict=True):
        if label and "#" in label:
            without.setdefault(label.split("#")[0], []).append(line)
    gold = {**expected, "with": [p for p in source.body if len(p.split()) >= 8], "without": without}
    (folder / f"{source.id}.txt").write_text("\n".join(document.lines) + "\n", encoding="utf-8")
    (folder / f"{source.id}.gold.txt").write_text("\n\n".join(source.body) + "\n", encoding="utf-8")
    (folder / f"{source.id}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    labels = json.dumps({"labels": document.labels}, ensure_ascii=False)
    (folder / f"{source.id}.lines.json").write_text(labels, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scrapinghub", type=Path, default=ROOT / "bench" / "scrapinghub")
    parser.add_argument("--wcxb", type=Path, default=ROOT.parent / "shared" / "bench" / "wcxb-dev-articles")
    parser.add_argument(
        "--wcxb-split", choices=("holdout", "dev"), default="holdout", help="whose bodies (default: holdout)"
    )
    args = parser.parse_args()
    counts = build(args.out, args.seed, args.scrapinghub, args.wcxb, args.wcxb_split)
    print(", ".join(f"{half}: {n} documents" for half, n in counts.items()))


if __name__ == "__main__":
    main()
