"""The vocabularies are data of one shape: every language file has the same keys, so a new
language is one file that says what each family is in it (an empty list where it has none)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

FILES = sorted(entry for entry in resources.files("cleaner.vocab").iterdir() if entry.name.endswith(".toml"))


def _shape(data: dict) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(data), frozenset(data.get("phrases", {}))


def test_every_language_file_has_the_same_keys_and_phrase_families() -> None:
    shapes = {entry.name: _shape(tomllib.loads(entry.read_text(encoding="utf-8"))) for entry in FILES}
    assert len(shapes) >= 7
    reference = shapes["en.toml"]
    assert {name: shape for name, shape in shapes.items() if shape != reference} == {}


@pytest.mark.parametrize("entry", FILES, ids=lambda entry: entry.name)
def test_a_language_file_names_its_language_and_lists_only_strings(entry) -> None:
    data = tomllib.loads(entry.read_text(encoding="utf-8"))
    assert data["language"] == entry.name.removesuffix(".toml")
    for family, phrases in data["phrases"].items():
        assert all(isinstance(p, str) and p.strip() == p and p for p in phrases), family


@pytest.mark.parametrize("entry", FILES, ids=lambda entry: entry.name)
def test_no_family_lists_a_phrase_twice(entry) -> None:
    data = tomllib.loads(entry.read_text(encoding="utf-8"))
    repeated = {family: p for family, phrases in data["phrases"].items() for p in phrases if phrases.count(p) > 1}
    assert repeated == {}
