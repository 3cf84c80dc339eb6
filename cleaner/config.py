"""One Config object: which rules run, extra phrases, per-site settings.

Read from `[tool.cleaner]` in pyproject.toml or from a cleaner.toml (found
from a folder upward); command-line flags are merged on top by the CLI with
`Config.merged`. The object is immutable and picklable, and is passed down
explicitly: there is no global configuration.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleaner.rules.framework.kinds import Rule
from cleaner.rules.framework.registry import R, all_rules, rules_of, unknown_selectors
from cleaner.vocab import Vocabulary, builtin_families

CONFIG_FILES = ("cleaner.toml", "pyproject.toml")
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Larger than any document, and small enough for a size a read or a line's read may be asked for.
MOST_BYTES = 2**50


class ConfigError(ValueError):
    """A configuration file or value that cannot be used."""


@dataclass(frozen=True)
class Config:
    """Settings for one run.

    select: rules to run (codes, prefixes, names or families); empty means
        every rule that is on by default. A string is one selector, or several
        separated by commas, as in the config file.
    ignore: rules to leave out, matched the same way; wins over select.
    extend_select, extend_ignore: rules added to those selected, and to those
        ignored, as ruff's settings of the same names: a config file and the
        command line add to each other's lists here, where `select` and
        `ignore` given on the command line replace the file's.
    phrases: extra vocabulary per phrase family ({"ad_markers": ["Anzeige Ende"]}).
    sites: per-domain overrides, {"example.com": {"ignore": [...], "phrases": {...}}}.
    timeout: seconds one document may take before it is abandoned (None: no limit).
    max_bytes: larger inputs are refused with a clear error.
    profile: a site profile learned by `cleaner learn` (a path; relative to the config file
        that names it), whose boilerplate the rule SITE001 removes.
    max_memory: bytes of memory one worker process may use; a document past it fails alone.
        None sizes it to the machine (`default_memory_limit`); 0 means no bound.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sites: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    timeout: float | None = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    profile: str | None = None
    max_memory: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "max_bytes", _whole("max_bytes", self.max_bytes, most=MOST_BYTES))
        if self.timeout:  # a limit the waits for a worker can hold: a day at most
            object.__setattr__(self, "timeout", _positive("timeout", self.timeout, float, _MAX_TIMEOUT))
        if self.max_memory:
            object.__setattr__(self, "max_memory", parse_size("max_memory", self.max_memory))
        for key in _SELECTOR_KEYS:
            object.__setattr__(self, key, _selectors(key, getattr(self, key)))
        unknown = unknown_selectors(tuple(s for key in _SELECTOR_KEYS for s in getattr(self, key)))
        if unknown:
            raise ConfigError(f"unknown rule selector(s): {', '.join(unknown)} (see `cleaner rules`)")

    def memory_limit(self, jobs: int) -> int | None:
        """Bytes one of `jobs` worker processes may use, or None for no bound."""
        if self.max_memory is None:
            return default_memory_limit(jobs)
        return self.max_memory or None

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The rules in force, in the order they are tried."""
        select, ignore = (*self.select, *self.extend_select), (*self.ignore, *self.extend_ignore)
        chosen = [r for r in all_rules() if any(r.matches(s) for s in select) or (r.default and not self.select)]
        return tuple(r for r in chosen if not any(r.matches(s) for s in ignore))

    def rules_of(self, kind: type[R]) -> tuple[R, ...]:
        """The rules in force of one kind (`BlockRule`, `PageRule`, `LeadRule`, `NodeRule`)."""
        if kind not in self._by_kind:
            self._by_kind[kind] = rules_of(kind, self.rules)
        return self._by_kind[kind]

    @cached_property
    def _by_kind(self) -> dict[type, tuple[Any, ...]]:
        return {}

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(self.phrases)

    def for_url(self, url: str | None) -> Config:
        """This config with the settings of the site `url` belongs to merged in."""
        site = site_settings(self.sites, url)
        return self.merged(site) if site else self

    def merged(self, overrides: Mapping[str, Any]) -> Config:
        """A new config with `overrides` (a [tool.cleaner]-shaped mapping) on top."""
        values = _coerce(overrides)
        if "phrases" in values:
            values["phrases"] = {
                **self.phrases,
                **{k: (*self.phrases.get(k, ()), *v) for k, v in values["phrases"].items()},
            }
        for key in ("extend_select", "extend_ignore"):
            if key in values:
                values[key] = (*getattr(self, key), *values[key])
        return replace(self, **values)

    def __getstate__(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Config:
        return cls().merged(data)

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        return cls.from_mapping(read_config_file(Path(path)))


def load_config(
    path: Path | None, overrides: Mapping[str, Any], start: Path | None = None
) -> tuple[Config, dict[str, str]]:
    """The Config in force and where each setting came from: a file, the command line, or the default.

    `path` is an explicit config file; without it the nearest cleaner.toml or
    pyproject.toml with [tool.cleaner] upward from `start` is used.
    """
    path = path or find_config_file(start or Path.cwd())
    from_file = read_config_file(path) if path else {}
    config = Config.from_mapping(from_file).merged(overrides)
    origin = {f.name: "default" for f in fields(Config)}
    origin.update({key.replace("-", "_"): str(path) for key in from_file})
    origin.update({key: "command line" for key in overrides})
    return config, origin


def read_config_file(path: Path) -> dict[str, Any]:
    """The cleaner settings in a cleaner.toml or in a pyproject.toml's [tool.cleaner]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read config {path}: {error}") from error
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("cleaner", {})
    if isinstance(data.get("profile"), str):
        data["profile"] = str(path.parent / data["profile"])
    return data


def find_config_file(start: str | Path = ".") -> Path | None:
    """The nearest cleaner.toml, or pyproject.toml with a [tool.cleaner] table, upward from start."""
    folder = Path(start).resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or "[tool.cleaner" in _peek(candidate)):
                return candidate
    return None


def site_settings(sites: Mapping[str, Mapping[str, Any]], url: str | None) -> Mapping[str, Any] | None:
    """Settings for the URL's host: an exact domain or a parent domain ("bbc.co.uk" for "www.bbc.co.uk")."""
    if not url or not sites:
        return None
    host = (urlsplit(url).hostname or "").lower()
    while host:
        if host in sites:
            return sites[host]
        host = host.partition(".")[2]
    return None


_SELECTOR_KEYS = ("select", "ignore", "extend_select", "extend_ignore")


def _coerce(data: Mapping[str, Any]) -> dict[str, Any]:
    known = {f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        key = key.replace("-", "_")
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
        if key in _SELECTOR_KEYS:
            values[key] = _string_tuple(key, value)
        elif key == "phrases":
            if not isinstance(value, Mapping):
                raise ConfigError("phrases must be a table of phrase lists")
            unknown = sorted(set(value) - set(builtin_families()))
            if unknown:
                raise ConfigError(f"unknown phrase famil{'ies' if len(unknown) > 1 else 'y'}: {', '.join(unknown)}")
            values[key] = {family: _string_tuple(f"phrases.{family}", v) for family, v in value.items()}
        elif key == "sites":
            if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
                raise ConfigError("sites must be a table of per-domain tables")
            values[key] = {domain.lower(): dict(v) for domain, v in value.items()}
            for domain, settings in values[key].items():  # checked now, not at the site's first page
                try:
                    Config().merged(settings)
                except ConfigError as error:
                    raise ConfigError(f"sites.{domain}: {error}") from None
        elif key == "profile":
            if not isinstance(value, str):
                raise ConfigError("profile must be the path of a profile file")
            values[key] = value
        elif key == "timeout":
            values[key] = None if value in (None, 0, "none") else _positive(key, value, float, _MAX_TIMEOUT)
        elif key == "max_memory":
            values[key] = 0 if value in (0, "0", "none") else parse_size(key, value)
        else:
            values[key] = _positive(key, value, int)
    return values


def _string_tuple(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, Iterable) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings")
    return tuple(v.strip() for v in value)


def _selectors(key: str, value: Any) -> tuple[str, ...]:
    """Rule selectors as a tuple: a string is one selector or a comma-separated list of them, never
    its characters one by one ("CAP" would otherwise select C, A and P, and with them COM, AD...)."""
    if isinstance(value, str):
        value = value.split(",")
    elif not isinstance(value, Iterable) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{key} must be a string or an iterable of strings, not {value!r}")
    return tuple(part.strip() for v in value for part in v.split(",") if part.strip())


def _whole(key: str, value: Any, most: int | None = None) -> int:
    """A count of one or more (and at most `most`): a bool or a fraction is a mistake in a config
    file ("max_bytes = true")."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{key} must be a whole number of at least 1, not {value!r}")
    if most is not None and value > most:
        raise ConfigError(f"{key} must be at most {most}, not {value}")
    return value


def _positive(key: str, value: Any, kind: type, most: float = math.inf) -> Any:
    if isinstance(value, bool) or (kind is int and isinstance(value, float) and not value.is_integer()):
        raise ConfigError(f"{key} must be a {'whole ' * (kind is int)}number, not {value!r}")  # "timeout = true"
    try:
        number = kind(value)
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(f"{key} must be a number, not {value!r}") from None
    if not number > 0:  # nan too
        raise ConfigError(f"{key} must be positive")
    if number > most:
        raise ConfigError(f"{key} must be at most {most:g}")
    return number


# Memory a worker may hold by default: the machine's memory shared among the workers, with room
# left for the parent and the system, and never less than a large page needs.
_MEMORY_SHARE = 0.75
_MIN_MEMORY = 1 << 30


def default_memory_limit(jobs: int) -> int:
    """Bytes of memory one of `jobs` workers may use, sized to this machine."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return 4 * _MIN_MEMORY
    return max(_MIN_MEMORY, int(total * _MEMORY_SHARE / max(jobs, 1)))


_SIZE_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50}
# The largest size a setting takes (what a process's limits can hold); and the longest time limit:
# a day, past which no document is worth waiting for (0 or "none" is no limit).
_MAX_SIZE = 1 << 60
_MAX_TIMEOUT = 86_400.0


def parse_size(key: str, value: Any) -> int:
    """Bytes from a number or a size with a binary unit.

    >>> parse_size("max_memory", "1.5G"), parse_size("max_memory", 4096), parse_size("max_memory", "512MiB")
    (1610612736, 4096, 536870912)
    """
    text = str(value).strip().lower().removesuffix("ib").removesuffix("b")
    unit = text[-1:] if text[-1:] in _SIZE_UNITS else ""
    try:
        number = float(text[: len(text) - len(unit)]) * _SIZE_UNITS[unit]
    except ValueError:
        raise ConfigError(f"{key} must be a size such as 4G or 512M, not {value!r}") from None
    if not number > 0:  # nan too
        raise ConfigError(f"{key} must be positive")
    if number < 1:  # "0.5" would be read as no bound at all
        raise ConfigError(f"{key} must be a byte or more")
    if number > _MAX_SIZE:
        raise ConfigError(f"{key} must be at most {_MAX_SIZE >> 50}P")
    return int(number)


def _peek(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
