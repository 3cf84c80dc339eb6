"""The published contract: every Article the cleaner writes validates against `cleaner schema`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from cleaner import clean
from cleaner.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
INPUTS = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".html") and "expected" not in p.parts)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(CliRunner().invoke(main, ["schema"]).stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_every_sample_output_follows_the_schema(validator: Draft202012Validator, path: Path) -> None:
    article = clean(path.read_bytes(), kind="html" if path.suffix == ".html" else "text").to_dict()
    assert [error.message for error in validator.iter_errors(article)] == []


def test_a_wrong_field_is_caught(validator: Draft202012Validator) -> None:
    article = clean("Headline of the story\n\nThe body sentence.").to_dict()
    assert not list(validator.iter_errors(article))
    article["authors"] = "Jane Doe"
    article["removals"] = [{"code": "nope"}]
    assert len(list(validator.iter_errors(article))) >= 2
