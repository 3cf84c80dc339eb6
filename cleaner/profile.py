"""Site profiles as cleaning uses them: each site's learned boilerplate, and reading a profile file.

A profile (`cleaner learn`, see `cleaner/learn.py`) lists per site the blocks
that recur on a large share of its pages, by the fingerprint of their
normalised text; the rule SITE001 (`cleaner/rules/site.py`) removes a block
whose fingerprint its site's profile holds. Blocks are compared normalised:
case, whitespace and digits do not count.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from cleaner.config import ConfigError
from cleaner.io import utf8
from cleaner.storage import write_atomic

PROFILE_FORMAT = "cleaner-site-profile"
PROFILE_VERSION = 1

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """The form blocks are compared in: case, whitespace and digits do not count.

    >>> normalise("  © 2024 Valley   COURIER.  ")
    '© 0 valley courier.'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", _DIGITS.sub("0", text)).strip()


def fingerprint(normalised: str) -> int:
    """A stable 64-bit hash of a normalised block (the same in every process and run); any str
    has one, half a character (a lone surrogate from a JSON escape) too."""
    return int.from_bytes(hashlib.blake2b(normalised.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


@dataclass(frozen=True, slots=True)
class Learned:
    """A learned block: on `count` of its site's documents."""

    count: int
    sample: str
    prose: bool


@dataclass(frozen=True)
class SiteBoilerplate:
    """One site's learned blocks by hash; `missed` bounds how many sightings pruning may have lost,
    `needed` how many pages a block of each kind ("furniture", "prose") had to be on."""

    site: str
    documents: int
    items: Mapping[int, Learned]
    missed: int = 0
    needed: Mapping[str, int] = field(default_factory=dict)

    def find(self, text: str) -> Learned | None:
        return self.items.get(fingerprint(normalise(text)))


@dataclass(frozen=True)
class Profile:
    """Every site's learned boilerplate, with the thresholds and counts of the run that learned it
    (as the learner recorded them)."""

    sites: Mapping[str, SiteBoilerplate]
    thresholds: Mapping[str, Any] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": PROFILE_FORMAT,
            "version": PROFILE_VERSION,
            "thresholds": dict(self.thresholds),
            "counts": dict(self.counts),
            "sites": {name: _site_dict(site) for name, site in self.sites.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """The profile a file holds; ValueError for anything else (another JSON, a profile cut or edited
        out of shape)."""
        if (
            not isinstance(data, Mapping)
            or data.get("format") != PROFILE_FORMAT
            or data.get("version") != PROFILE_VERSION
        ):
            raise ValueError(f"not a version {PROFILE_VERSION} {PROFILE_FORMAT}")
        try:
            return cls._read(data)
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            raise ValueError(f"a {PROFILE_FORMAT} out of shape ({type(error).__name__}: {error})") from error

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Profile:
        sites = {
            name: SiteBoilerplate(
                name,
                entry["documents"],
                {int(i["hash"], 16): Learned(i["count"], i["sample"], i["kind"] == "prose") for i in entry["items"]},
                entry.get("missed", 0),
                entry.get("needed", {}),
            )
            for name, entry in data["sites"].items()
        }
        return cls(sites, data["thresholds"], data.get("counts", {}))

    def summary(self) -> str:
        """What was learned, in one line."""
        counts = self.counts
        blocks = sum(len(site.items) for site in self.sites.values())
        return (
            f"learned {blocks} blocks for {len(self.sites)} of {counts['sites']} sites from {counts['documents']} "
            f"documents ({counts['unread']} unreadable, {counts['without_site']} without a site)"
        )

    def save(self, path: Path) -> None:
        write_atomic(path, utf8(json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n"))


def _site_dict(site: SiteBoilerplate) -> dict[str, Any]:
    items = sorted(site.items.items(), key=lambda pair: (-pair[1].count, pair[0]))
    return {
        "documents": site.documents,
        "needed": dict(site.needed),
        "missed": site.missed,
        "items": [
            {
                "hash": f"{key:016x}",
                "count": item.count,
                "kind": "prose" if item.prose else "furniture",
                "sample": item.sample,
            }
            for key, item in items
        ],
    }


class ProfileError(ConfigError):
    """A profile file that cannot be used."""


def site_boilerplate(profile: str | None, site: str | None) -> SiteBoilerplate | None:
    """What the profile file `profile` learned of `site`; None without a profile, or when it knows
    no such site. The file is read once per process, on first use (a Config pickles only its path)."""
    if profile is None or site is None:
        return None
    return load_profile(profile).sites.get(site)


def holds_other_than_a_profile(path: Path) -> bool:
    """Whether something is there that is no site profile (a config, notes, a FIFO): `cleaner learn`
    replaces a profile it learned before, or an empty file, never another file. A profile names its
    format among its first keys, however it is spaced."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return True
        with path.open("rb") as file:
            head = file.read(_PROFILE_HEAD_BYTES)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return bool(head.strip()) and _PROFILE_HEAD.search(head) is None


_PROFILE_HEAD_BYTES = 4096
_PROFILE_HEAD = re.compile(rb'"format"\s*:\s*"' + PROFILE_FORMAT.encode() + rb'"')


def load_profile(path: str | Path) -> Profile:
    """The profile in a file, read once per process while the file is unchanged."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as error:
        raise ProfileError(f"cannot read profile {path}: {error.strerror or error}") from error
    return _load(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, size: int) -> Profile:
    try:
        return Profile.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ProfileError(f"cannot read profile {path}: {error}") from error
