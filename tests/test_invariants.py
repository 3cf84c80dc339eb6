"""Invariants of text cleaning, over generated documents.

Documents mix realistic body sentences, boilerplate lines (the rule cases'
lines and the vocabularies' phrases, dressed as they appear on pages), blank
lines and arbitrary unicode, so the rules fire, interact and meet junk. The
input's lines are its lines as read: NUL characters removed, garbled UTF-8 put back (see decode).
"""

from __future__ import annotations

import json
import os

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.frontends.decode import repaired_lines, without_nul
from cleaner.shapes import shows_nothing
from cleaner.vocab import Vocabulary
from tests.cases import case_lines

CASE_LINES = sorted({line for lines in case_lines() for line in lines})
_VOCAB = Vocabulary()
PHRASES = sorted(
    {p for family in ("ad_markers", "related_headers", "read_more", "comment_prompts") for p in _VOCAB.phrases(family)}
)
BODY = [
    "The council approved the budget on Tuesday after a long debate.",
    "Russian President Vladimir Putin today held a telephone conversation with Olaf Scholz.",
    "Die Gespräche sollen am Montag in Genf fortgesetzt werden, teilte das Ministerium mit.",
    "Les écoles resteront ouvertes, mais les sorties scolaires sont annulées.",
    "El Real Betis ganó este sábado su tercera Copa del Rey.",
    "Kyiv: The second round of talks did not yield the desirable outcome.",
    "Shares in the company fell 4 per cent",
    "What he took with him:",
]

# A vocabulary phrase as pages print it: labelled, dashed, piped, shouted.
dressed_phrase = st.builds(
    lambda phrase, case, decoration: decoration.format(case(phrase)),
    st.sampled_from(PHRASES),
    st.sampled_from([str, str.upper, str.title]),
    st.sampled_from(["{}", "{}:", "- {} -", "{} |"]),
)
line = st.one_of(st.sampled_from(BODY), st.sampled_from(CASE_LINES), dressed_phrase, st.just(""), st.text(max_size=30))
documents = st.lists(line, max_size=25).map("\n".join)


def _json(article) -> str:
    return json.dumps(article.to_dict(), sort_keys=True, ensure_ascii=False)


def _lines(text: str) -> list[str]:
    """The input's lines, stripped; "" for a line that shows nothing (spaces, zero-width characters)."""
    return [line if not shows_nothing(line := raw.strip()) else "" for raw in repaired_lines(without_nul(text))]


@given(documents)
def test_body_paragraphs_come_from_the_input(text: str) -> None:
    """Each paragraph is an input line, or consecutive input lines of a hard-wrapped paragraph
    joined by a space."""
    lines = _lines(text)
    runs = {" ".join(lines[i:j]) for i in range(len(lines)) for j in range(i + 1, len(lines) + 1)}
    assert [p for p in clean(text, kind="text").paragraphs if p not in runs] == []


@given(documents)
def test_cleaning_the_clean_body_changes_nothing(text: str) -> None:
    body = clean(text, kind="text").body
    assert clean(body, kind="text").body == body


@given(documents)
def test_same_input_gives_identical_json(text: str) -> None:
    assert _json(clean(text, kind="text")) == _json(clean(text, kind="text"))


@given(documents)
@example("The council approved the budget on Tuesday after a long debate.\n" * 4 + "(AP)\n(dpa/AFP)\na\na")
@example("\xad\nThe council approved the budget.\n\u200d\u200d")
def test_every_dropped_line_has_a_removal_record(text: str) -> None:
    """Every input line is kept, alone or as a line of a hard-wrapped paragraph, or removed with a record."""
    article = clean(text, kind="text")
    lines = [line for line in _lines(text) if line]
    kept = [line for block in article.blocks for line in block.input_lines]
    assert sorted([*kept, *(r.text for r in article.removals)]) == sorted(lines)


@given(st.text())
@example("Itâ€™s Ã©tÃ© â€¨ now\nÂ\u2026 Â\xa0Ã\n(AP)")
@example("The cafÃƒÂ© opened its doors on Monday morning.\n“ATÉ AMANHÃ” «A MINHA IRMÃ»")
def test_arbitrary_unicode_text_keeps_only_input_lines_and_settles(text: str) -> None:
    article = clean(text, kind="text")
    lines = set(_lines(text))
    assert [line for block in article.blocks for line in block.input_lines if line not in lines] == []
    assert clean(article.body, kind="text").body == article.body
    assert _json(clean(text, kind="text")) == _json(article)


_TAGS = ["div", "p", "span", "a", "b", "article", "aside", "nav", "figure", "figcaption", "ul", "li", "table", "td"]
_ATTRIBUTES = st.sampled_from(
    ["", ' class="related"', ' class="sidebar-widget"', ' id="comments"', " hidden", ' style="display:none"']
)
_TEXT = st.one_of(st.sampled_from(BODY), st.sampled_from(CASE_LINES), st.text(max_size=20)).map(
    lambda s: s.replace("<", "&lt;")
)
# Well-formed trees of page elements, then cut, spliced with stray tags, or left whole.
_TREES = st.recursive(
    _TEXT,
    lambda inner: st.builds(
        lambda tag, attributes, children: f"<{tag}{attributes}>{''.join(children)}</{tag}>",
        st.sampled_from(_TAGS),
        _ATTRIBUTES,
        st.lists(inner, max_size=4),
    ),
    max_leaves=20,
)
html_pages = st.builds(
    lambda title, body, cut, junk: (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}"[: -cut or None] + junk
    ),
    _TEXT,
    _TREES,
    st.integers(0, 40),
    st.sampled_from(["", "</div></div>", "<p><b><i>", "<!--", "<script>", "</html>x"]),
)


@given(html_pages)
def test_generated_html_gives_a_deterministic_result_that_settles(html: str) -> None:
    article = clean(html, kind="html")
    assert _json(clean(html, kind="html")) == _json(article)
    # Read as plain text, an HTML body loses what only its markup vouched for (a first paragraph
    # shaped like a headline when the title came from <title>, an unlinked line shaped like a
    # breadcrumb); it gains nothing, keeps its order, and then settles.
    again = clean(article.body, kind="text").body
    paragraphs = iter(article.body.split("\n\n"))
    assert all(kept in paragraphs for kept in again.split("\n\n") if kept)
    assert clean(again, kind="text").body == again


def test_ci_tries_several_times_more_examples_than_a_local_run() -> None:
    assert settings.get_profile("ci").max_examples >= 5 * settings.get_profile("dev").max_examples
    assert (
        settings.default.max_examples == settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev")).max_examples
    )
