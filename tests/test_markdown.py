"""`--format md`: YAML front matter that parses back, and the structure the HTML front end saw."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.article import Article
from cleaner.markdown import Style, escape, front_matter, markdown

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Storm: what closed</title>
<meta name="author" content="Ann Lee"><link rel="canonical" href="https://news.example.com/storm"></head><body><article>
<h1>Storm: what closed</h1>
<p>Heavy rain closed every school in the district on Monday, officials said, as <a href="https://example.com/rivers">the rivers</a> rose.</p>
<h2>What closed</h2>
<ol><li>Schools in the north</li><li>Two bridges<ul><li>the old one</li><li>the new one</li></ul></li><li>The ferry</li></ol>
<blockquote><p>We have never seen water like this, said one resident who has lived here for forty years.</p></blockquote>
<h3>River levels</h3>
<table><tr><th>River</th><th>Level</th></tr><tr><td>Avon</td><td>4.2 m | rising</td></tr></table>
<pre><code>if level > 4:
    close_roads()</code></pre>
<p>Emergency crews moved families from low streets overnight and opened two shelters in the town.</p>
</article></body></html>"""


def split(document: str) -> tuple[dict, str]:
    _, head, body = document.split("---\n", 2)
    return yaml.safe_load(head), body


def test_html_structure_becomes_markdown() -> None:
    article = clean(PAGE)
    meta, body = split(markdown(article, Style(links=True)))
    assert meta == {
        "title": "Storm: what closed",
        "authors": ["Ann Lee"],
        "url": "https://news.example.com/storm",
        "publisher": article.publisher,
        "language": "en",
    }
    assert body == (
        "\n# Storm: what closed\n\n"
        "Heavy rain closed every school in the district on Monday, officials said, as "
        "[the rivers](https://example.com/rivers) rose.\n\n"
        "## What closed\n\n"
        "1. Schools in the north\n2. Two bridges\n   - the old one\n   - the new one\n3. The ferry\n\n"
        "> We have never seen water like this, said one resident who has lived here for forty years.\n\n"
        "### River levels\n\n"
        "| River | Level |\n| --- | --- |\n| Avon | 4.2 m \\| rising |\n\n"
        "```\nif level > 4:\n    close_roads()\n```\n\n"
        "Emergency crews moved families from low streets overnight and opened two shelters in the town.\n"
    )


def test_links_only_when_asked_and_no_front_matter_when_not_wanted() -> None:
    plain = markdown(clean(PAGE), Style(front_matter=False))
    assert plain.startswith("# Storm: what closed\n\n") and "as the rivers rose." in plain and "](" not in plain


def test_the_json_schema_stays_and_the_body_holds_a_code_element_as_written_in_one_paragraph() -> None:
    article = clean(PAGE)
    assert "blocks" not in article.to_dict()
    code = [block.code for block in article.blocks if block.code is not None]
    assert code == ["if level > 4:", "    close_roads()"]
    others = [block.text for block in article.blocks if block.code is None]
    assert article.paragraphs == [*others[:-1], "\n".join(code), others[-1]]


def test_text_input_renders_as_escaped_paragraphs() -> None:
    article = clean("Headline of the story\n\nThe body sentence.\n\n1. Not a list item, but a sentence *with* stars.")
    meta, body = split(markdown(article, Style()))
    assert meta == {"title": "Headline of the story", "language": "en"}
    assert (
        body
        == "\n# Headline of the story\n\nThe body sentence.\n\n1\\. Not a list item, but a sentence \\*with\\* stars.\n"
    )


def test_escape_leaves_nothing_that_reads_as_markup() -> None:
    assert escape("# not a heading") == "\\# not a heading"
    assert escape("- not an item") == "\\- not an item"
    assert escape("snake_case stays, _this_ does not") == "snake_case stays, \\_this\\_ does not"
    assert escape("<b>tag</b> & [link](x)") == "\\<b>tag\\</b> & \\[link\\](x)"


@given(
    title=st.text(),
    authors=st.lists(st.text(min_size=1), max_size=3),
    url=st.none() | st.text(min_size=1),
)
def test_front_matter_is_valid_yaml_whatever_the_metadata_holds(
    title: str, authors: list[str], url: str | None
) -> None:
    article = Article(
        title=title or None, authors=authors, url=url, published="2024-05-01", tags=["yes", "1.5", "null"]
    )
    meta = yaml.safe_load(front_matter(article).removeprefix("---\n").removesuffix("---"))
    expected = {"title": title or None, "authors": authors or None, "url": url, "published": "2024-05-01"}
    assert meta == {key: value for key, value in expected.items() if value} | {"tags": ["yes", "1.5", "null"]}
