"""`cleaner learn`: the boilerplate each site repeats on its pages, learned from a corpus.

No single page shows that "Tips? Write to the Valley Courier newsroom" is
furniture; forty pages of the same site do. Learning groups documents by
site, normalises each block (`profile.normalise`), hashes it, and counts in
how many of a site's documents each hash occurs. A block that recurs on a
large share of a site's pages is learned into the site's profile
(`cleaner/profile.py`), which the rule SITE001 uses when cleaning.

Guards against learning real content:
- a site needs `MIN_DOCUMENTS` pages before anything is learned, so the
  shares mean something (a site with five pages learns nothing);
- short sentences ("He said.", "Police declined to comment.") are never
  learned, nor blocks with fewer than `MIN_LETTERS` letters;
- furniture and repeated prose differ in shape and in spread: furniture is
  a label, a link line or a short prompt that the template puts on most
  pages; a repeated quote or a syndicated wire paragraph is a long,
  complete sentence that recurs on the handful of pages covering one
  story. So a sentence of `PROSE_WORDS` words or more must be on
  `PROSE_SHARE` of the site's pages, far more than the `FURNITURE_SHARE`
  other blocks need.

Memory is bounded: the counts live in at most `CAPACITY` entries. When
they are full, the entries seen least often are dropped (most are body
lines seen once) and the site remembers how many sightings a dropped entry
may have had; an entry made later carries that as the number of earlier
sightings it may have missed.
Decisions use the count alone, a lower bound, so pruning can only make
learning more cautious, never remove more.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from cleaner import frontends
from cleaner.frontends import decode
from cleaner.io import Document, DocumentError, Fields, Source, read_bytes
from cleaner.metadata import folder_site, url_site
from cleaner.profile import Learned, Profile, SiteBoilerplate, fingerprint, normalise
from cleaner.shapes import SENTENCE_END
from cleaner.streams import documents

if TYPE_CHECKING:
    from cleaner.config import Config

# A share is only meaningful over enough pages; the benchmark sets have at most three per site.
MIN_DOCUMENTS = 20
# Template furniture sits on most pages; a section's own box on a third of them still counts.
FURNITURE_SHARE = 0.3
# A complete sentence this long is prose: learned only when it is on most of the site's pages.
PROSE_WORDS = 8
PROSE_SHARE = 0.7
# Sentences shorter than this are common speech ("He said.") and never learned.
SHORT_SENTENCE_WORDS = 5
MIN_LETTERS = 3
# Count entries kept at most (about 150 bytes each), and the share of them kept after a pruning.
CAPACITY = 1_000_000
KEEP_AFTER_PRUNE = 0.75
SAMPLE_CHARS = 120


def is_prose(normalised: str) -> bool | None:
    """True for a long sentence, False for furniture-shaped text, None when it is never learned.

    >>> is_prose("he said."), is_prose("more from the courier"), is_prose("the council will vote on the plan next week.")
    (None, False, True)
    """
    if sum(c.isalpha() for c in normalised) < MIN_LETTERS:
        return None
    words = len(normalised.split())
    if SENTENCE_END.search(normalised):
        if words < SHORT_SENTENCE_WORDS:
            return None
        return words >= PROSE_WORDS
    return False


class Item(NamedTuple):
    """One distinct block of a document: its hash, its shape, and its text to show."""

    hash: int
    prose: bool
    sample: str


def items_of(texts: Iterable[str]) -> tuple[Item, ...]:
    """The distinct learnable blocks of one document (each counts once per document)."""
    found: dict[int, Item] = {}
    for text in texts:
        normalised = normalise(text)
        prose = is_prose(normalised)
        if prose is not None:
            key = fingerprint(normalised)
            found.setdefault(key, Item(key, prose, text[:SAMPLE_CHARS]))
    return tuple(found.values())


@dataclass(frozen=True, slots=True)
class Sighting:
    """What reading one document gives the learner: its site (None: unknown) and its blocks."""

    site: str | None
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Reader:
    """Read one Document into a Sighting, with the blocks the engine's front ends make.

    Picklable, so worker processes can run it (`parallel.Pool`). For HTML the
    site comes from the page's canonical or og:url when the document has no URL.
    """

    config: Config

    def __call__(self, doc: Document) -> Sighting | None:
        if doc.problem:
            raise DocumentError(doc.problem)
        if doc.skip:
            return None
        data = doc.data
        if data is None and doc.path is not None:
            data = read_bytes(doc.path, doc.compressed, self.config.max_bytes)
        text = decode.decode(data, doc.encoding) if isinstance(data, bytes) else data or ""
        reading = frontends.read(text, kind=doc.kind, url=doc.url, config=self.config)
        site = url_site(reading.article.url) or folder_site(doc.path)
        return Sighting(site, items_of(block.text for block in reading.blocks)) if site else Sighting(None)


@dataclass(frozen=True)
class Thresholds:
    """How much recurrence makes boilerplate; see the module docstring for why."""

    min_documents: int = MIN_DOCUMENTS
    furniture_share: float = FURNITURE_SHARE
    prose_share: float = PROSE_SHARE

    def needed(self, documents: int, prose: bool) -> int:
        """Pages of `documents` a block must be on to be learned."""
        return math.ceil((self.prose_share if prose else self.furniture_share) * documents)

    def to_dict(self) -> dict[str, Any]:
        shapes = {"prose_words": PROSE_WORDS, "short_sentence_words": SHORT_SENTENCE_WORDS, "min_letters": MIN_LETTERS}
        return {**asdict(self), **shapes}


@dataclass(slots=True)
class _Tally:
    count: int
    missed: int
    prose: bool
    # Kept from the second sighting on: most entries are body lines seen once.
    sample: str | None = None


@dataclass(slots=True)
class _Site:
    documents: int = 0
    floor: int = 0
    tallies: dict[int, _Tally] = field(default_factory=dict)


class Learner:
    """Count, per site, in how many documents each block occurs, in at most `capacity` entries."""

    def __init__(self, thresholds: Thresholds | None = None, capacity: int = CAPACITY) -> None:
        self.thresholds = thresholds or Thresholds()
        self.capacity = capacity
        self.size = 0
        self.documents = self.unread = self.without_site = 0
        self._sites: dict[str, _Site] = {}

    def feed(self, results: Iterable[object]) -> Learner:
        """Add what a Reader gave for each document: Sightings, None (not a page), or a failure."""
        for result in results:
            if isinstance(result, Sighting):
                self.add(result)
            elif result is not None:
                self.unread += 1
        return self

    def add(self, sighting: Sighting) -> None:
        self.documents += 1
        if sighting.site is None:
            self.without_site += 1
            return
        site = self._sites.setdefault(sighting.site, _Site())
        site.documents += 1
        for item in sighting.items:
            tally = site.tallies.get(item.hash)
            if tally is None:
                site.tallies[item.hash] = _Tally(1, site.floor, item.prose)
                self.size += 1
            else:
                tally.count += 1
                tally.sample = tally.sample or item.sample
        if self.size > self.capacity:
            self.prune()

    def prune(self) -> None:
        """Drop the entries seen least often until a quarter of the room is free.

        A site's floor becomes the most sightings any dropped entry may have had,
        which every entry it makes later may have missed.
        """
        bound = 0
        while self.size > self.capacity * KEEP_AFTER_PRUNE:
            bound += 1
            for site in self._sites.values():
                kept: dict[int, _Tally] = {}
                for key, tally in site.tallies.items():
                    if tally.count > bound:
                        kept[key] = tally
                    else:
                        site.floor = max(site.floor, tally.count + tally.missed)
                self.size -= len(site.tallies) - len(kept)
                site.tallies = kept

    def profile(self) -> Profile:
        """The blocks that cleared the thresholds, per site with enough documents."""
        sites = {}
        for name, site in sorted(self._sites.items()):
            if site.documents < self.thresholds.min_documents:
                continue
            learned = {
                key: Learned(t.count, t.sample or "", t.prose)
                for key, t in site.tallies.items()
                if t.count >= self.thresholds.needed(site.documents, t.prose)
            }
            if learned:
                needed = {"furniture": self.thresholds.needed(site.documents, False)}
                needed["prose"] = self.thresholds.needed(site.documents, True)
                sites[name] = SiteBoilerplate(name, site.documents, learned, site.floor, needed)
        counts = {
            "documents": self.documents,
            "unread": self.unread,
            "without_site": self.without_site,
            "sites": len(self._sites),
        }
        return Profile(sites, self.thresholds.to_dict(), counts)


def learn_profile(sources: Iterable[Source], fields: Fields, config: Config, jobs: int) -> Profile:
    """Read every document of `sources` on `jobs` worker processes and learn each site's boilerplate."""
    from cleaner.parallel import Pool

    docs = (doc for source in sources for doc in documents(source, fields, config.max_bytes, None))
    with Pool(Reader(config), jobs, config.timeout, config.memory_limit(jobs)) as pool:
        return Learner().feed(result for _, result in pool.map(docs)).profile()
