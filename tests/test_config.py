"""Config: selecting and ignoring rules as ruff does, and per-site settings."""

from __future__ import annotations

import re

import pytest

from cleaner import Config, clean
from cleaner.config import ConfigError

DOC = "The council approved the budget on Tuesday.\nADVERTISEMENT\n(PTI)\nFollow us on Twitter\n"


def codes(config: Config) -> set[str]:
    return {r.code for r in config.rules}


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("AD001", {"AD001"}),
        ("PRM", {"PRM001", "PRM002", "PRM003", "PRM004", "PRM005", "PRM006", "PRM007", "PRM008", "PRM009"}),
        ("prm00", {"PRM001", "PRM002", "PRM003", "PRM004", "PRM005", "PRM006", "PRM007", "PRM008", "PRM009"}),
        ("photo-caption", {"CAP001"}),
        ("captions", {"CAP001", "CAP002", "CAP003"}),
    ],
)
def test_select_by_code_prefix_name_and_family(selector: str, expected: set[str]) -> None:
    assert codes(Config(select=(selector,))) == expected


def test_ignore_wins_over_select() -> None:
    config = Config(select=("captions", "AD001"), ignore=("photo-caption",))
    assert codes(config) == {"CAP002", "CAP003", "AD001"}
    assert "CRD001" not in codes(Config(ignore=("credits",)))


def test_ignored_rule_leaves_its_lines_in_the_body() -> None:
    assert clean(DOC).paragraphs == ["The council approved the budget on Tuesday."]
    assert clean(DOC, config=Config(ignore=("CRD",))).paragraphs == [
        "The council approved the budget on Tuesday.",
        "(PTI)",
    ]


@pytest.mark.parametrize("bad", [("AD999",), ("no-such-rule",), ("XYZ",)])
def test_unknown_selector_is_an_error(bad: tuple[str, ...]) -> None:
    with pytest.raises(ConfigError, match="unknown rule selector"):
        Config(select=bad)
    with pytest.raises(ConfigError, match="unknown rule selector"):
        Config.from_mapping({"ignore": list(bad)})


def test_site_settings_apply_to_that_site_and_its_subdomains_only() -> None:
    config = Config.from_mapping({"sites": {"example.com": {"ignore": ["ad-marker"]}}})
    for url in ("https://example.com/a", "https://www.example.com/news/1"):
        assert "ADVERTISEMENT" in clean(DOC, url=url, config=config).paragraphs
    assert "ADVERTISEMENT" not in clean(DOC, url="https://example.org/a", config=config).paragraphs
    assert "ADVERTISEMENT" not in clean(DOC, config=config).paragraphs


def test_site_phrases_extend_the_vocabulary() -> None:
    text = "The council approved the budget on Tuesday.\nPartner-Inhalt Ende\n"
    config = Config.from_mapping({"sites": {"example.de": {"phrases": {"ad_markers": ["Partner-Inhalt Ende"]}}}})
    assert clean(text, url="https://example.de/x", config=config).removals[0].code == "AD001"
    assert "Partner-Inhalt Ende" in clean(text, url="https://other.de/x", config=config).paragraphs


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"timeout": 3e6}, "timeout must be at most 86400"),
        ({"timeout": float("nan")}, "timeout must be positive"),
        ({"timeout": float("inf")}, "timeout must be at most 86400"),
        ({"max_memory": "20000000T"}, "max_memory must be at most 1024P"),
        ({"max_memory": "nanG"}, "max_memory must be positive"),
    ],
)
def test_limits_past_what_a_process_can_hold_are_refused(settings: dict, message: str) -> None:
    """A time limit no wait can hold, or a memory limit no process limit can, is a config error, not a crash."""
    with pytest.raises(ConfigError, match=message):
        Config().merged(settings)


def test_the_api_refuses_the_limits_the_config_file_refuses() -> None:
    with pytest.raises(ConfigError, match="timeout must be at most 86400"):
        Config(timeout=3e6)
    with pytest.raises(ConfigError, match="max_memory must be at most 1024P"):
        Config(max_memory=10**30)
    assert (Config(timeout=5).timeout, Config(max_memory=1 << 30).max_memory) == (5.0, 1 << 30)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"sites": {"a.com": {"bogus": 1}}}, "sites.a.com: unknown setting 'bogus'"),
        ({"sites": {"a.com": {"ignore": "NOPE"}}}, "sites.a.com: unknown rule selector(s): NOPE"),
        ({"phrases": {"ad_marker": ["Anzeige Ende"]}}, "unknown phrase family: ad_marker"),
    ],
)
def test_mistakes_in_site_tables_and_phrase_families_are_found_on_loading(data: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        Config.from_mapping(data)
