"""The HTML front end: pruning rules (cases as data), metadata precedence, fallback, samples."""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest

from cleaner import Config, clean
from cleaner.article import Block
from cleaner.frontends.decode import decode
from cleaner.frontends.html import MAX_DEPTH, cap_nesting
from cleaner.frontends.leftout import Element, restore_left_out
from cleaner.markdown import Style, markdown
from cleaner.rules.framework.kinds import BlockRule
from cleaner.rules.framework.registry import all_rules
from tests.cases import html_cases

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "samples"
CASES = html_cases()
CASE_KEYS = {"file", "name", "rule", "before", "inside", "after", "pruned", "kept", "not_pruned", "expect"}
TITLE = "River levels fall after the storm"
PARAGRAPHS = (
    "The river peaked at 4.2 metres on Monday night, the highest level recorded at the bridge since the gauge "
    "was installed in 1998.",
    "By Wednesday morning the water had dropped by more than a metre and the council reopened the two roads that "
    "run along the embankment.",
    "Engineers will inspect the flood walls this week before the next band of rain arrives from the west on the "
    "weekend, the agency said.",
)
NODE_RULES = [r for r in all_rules() if r.scope == "node"]
BENCH = Path(os.environ.get("CLEANER_BENCH", HERE.parent.parent / "shared" / "bench"))
BENCH_HTML = ("scrapinghub/html", "wcxb-dev-articles/html", "wcxb-dev-other/html")


def page(before: str = "", inside: str = "", after: str = "") -> str:
    first, *rest = (f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{TITLE}</title></head><body>{before}"
        f"<article><h1>{TITLE}</h1>{first}{inside}{''.join(rest)}</article>{after}</body></html>"
    )


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['name']}" for c in CASES])
def test_html_rule_case(case: dict) -> None:
    assert set(case) <= CASE_KEYS, case["name"]
    html = page(case.get("before", ""), case.get("inside", ""), case.get("after", ""))
    article = clean(html, kind="html")
    removed = [r.text for r in article.removals if r.code == case["rule"]]
    assert [text for text in case.get("pruned", []) if text not in removed] == []
    assert [text for text in case.get("not_pruned", []) if any(text in r for r in removed)] == []
    assert [text for text in case.get("kept", []) if text not in article.paragraphs] == []
    assert [p for p in PARAGRAPHS if p not in article.paragraphs] == [], "the article's own paragraphs stay"
    result = article.to_dict()
    for name, value in case.get("expect", {}).items():
        if name == "captions":
            value = [{"credit": None, **caption} for caption in value]
        assert result[name] == value, name


def test_every_html_rule_has_positive_and_negative_cases() -> None:
    codes = {r.code for r in all_rules() if r.family == "html"}
    assert {c["rule"] for c in CASES if c.get("pruned")} >= codes
    assert {c["rule"] for c in CASES if not c.get("pruned")} >= codes


def test_node_rules_are_listed_selectable_and_never_run_on_text() -> None:
    assert len(NODE_RULES) >= 10 and all(r.code.startswith("HTM") for r in NODE_RULES)
    assert not set(NODE_RULES) & set(Config().rules_of(BlockRule))
    html = page(after='<div class="related-posts"><a href="/a">Storm closes coastal road today</a></div>')
    assert "HTM004" in {r.code for r in clean(html, kind="html").removals}
    ignored = clean(html, kind="html", config=Config(ignore=("related-box",)))
    assert "HTM004" not in {r.code for r in ignored.removals}
    # On text, node rules never fire even where a class name would appear.
    text = clean('<div class="related-posts">\n\nThe river fell overnight.', kind="text")
    assert not [r for r in text.removals if r.code.startswith("HTM")]


def test_markup_metadata_wins_json_ld_first() -> None:
    head = (
        '<meta property="og:title" content="River levels fall | Example News">'
        '<meta property="og:site_name" content="Example News">'
        '<meta name="author" content="Meta Author">'
        '<link rel="canonical" href="https://example.com/news/river">'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"},'
        '{"@type": "NewsArticle", "headline": "River levels fall after the storm",'
        '"author": [{"@type": "Person", "name": "Ana Silva"}, {"@type": "Person", "name": "Tom Berg"}],'
        '"datePublished": "2024-05-14T08:30:00+01:00", "keywords": "floods"}]}</script>'
    )
    article = clean(page().replace("<head>", f"<head>{head}"))
    assert article.title == TITLE
    assert article.authors == ["Ana Silva", "Tom Berg"]
    assert article.published == "2024-05-14"
    assert article.publisher == "Example News"
    assert article.url == "https://example.com/news/river"
    assert article.language == "en"
    assert article.paragraphs == list(PARAGRAPHS)


def test_dateline_gives_the_date_when_the_markup_has_none() -> None:
    dated = page(before="<div>Posted on May 14, 2024 by Jane Doe</div>")
    assert clean(dated, kind="html").published == "2024-05-14"
    in_a_sentence = page(
        inside="<p>The council first met on 14 May 2024 to agree on the plan for the two roads by the river.</p>"
    )
    assert clean(in_a_sentence, kind="html").published is None


def test_open_graph_title_when_there_is_no_json_ld() -> None:
    head = '<meta property="og:title" content="Rivers fall across the region">'
    article = clean(page().replace("<head>", f"<head>{head}"), url="https://example.com/a")
    assert article.title == "Rivers fall across the region"
    assert article.url == "https://example.com/a"


def test_json_ld_nested_past_the_recursion_limit_costs_its_metadata_not_the_page() -> None:
    deep = '{"@type": "NewsArticle", "headline": "Wrong", "about": ' + "[" * 100_000 + "]" * 100_000 + "}"
    html = page().replace("</head>", f'<script type="application/ld+json">{deep}</script></head>')
    article = clean(html)
    assert article.title == TITLE and article.paragraphs == list(PARAGRAPHS)


def test_nesting_is_judged_as_the_parser_builds_the_tree() -> None:
    too_deep = "<section>" * (MAX_DEPTH + 5)
    assert cap_nesting(too_deep) == "<section>" * MAX_DEPTH
    # Tags in scripts, styles and comments, void elements, optional end tags and stray end tags open nothing.
    held = "<script>'" + "<div>" * 5000 + "'</script><!--" + "<div>" * 5000 + "-->" + "<br><p><li>" * 5000
    assert cap_nesting(held + too_deep) == held + "<section>" * MAX_DEPTH
    assert cap_nesting("<div></span>" * (MAX_DEPTH + 1)).count("<div>") == MAX_DEPTH
    # Closing the elements nested too deep closes nothing that was kept.
    closed = "<div>" * (MAX_DEPTH + 3) + "x" + "</div>" * (MAX_DEPTH + 3) + "<p>after"
    assert cap_nesting(closed) == "<div>" * MAX_DEPTH + "x" + "</div>" * MAX_DEPTH + "<p>after"


@pytest.mark.slow
def test_no_page_of_the_evaluation_sets_is_changed_by_the_nesting_limit() -> None:
    folders = [BENCH / folder for folder in BENCH_HTML]
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"evaluation pages not found under {BENCH} (set CLEANER_BENCH)")
    paths = sorted(path for folder in folders for path in folder.glob("*.html.gz"))
    assert len(paths) == 1678
    changed = [path.name for path in paths if cap_nesting(html := decode(gzip.decompress(path.read_bytes()))) != html]
    assert changed == []


def test_title_is_the_h1_the_metadata_agrees_with() -> None:
    head = '<meta property="og:title" content="Rivers fall | Example News">'
    head += '<meta property="og:site_name" content="Example News">'
    shown = page().replace("<head>", f"<head>{head}").replace(f"<h1>{TITLE}</h1>", "<h1>Rivers fall again</h1>")
    assert clean(shown).title == "Rivers fall again"
    logo = shown.replace("<h1>Rivers fall again</h1>", "<h1>Example News</h1>")
    assert clean(logo).title == "Rivers fall"


@pytest.mark.parametrize(
    ("og_title", "site", "url", "title"),
    [
        ("Rivers fall &amp;#8211; a report | Example News", "Example News", None, "Rivers fall – a report"),
        ("Rivers fall - Harvard Health", None, "https://www.health.harvard.edu/a", "Rivers fall"),
        ("Example News | Rivers fall", None, "https://examplenews.com/a", "Rivers fall"),
        ("Rivers fall - what we know", "Example News", "https://example.com/a", "Rivers fall - what we know"),
    ],
)
def test_title_loses_the_site_name_the_page_gives(og_title: str, site: str | None, url: str | None, title: str) -> None:
    head = f'<meta property="og:title" content="{og_title}">'
    head += f'<meta property="og:site_name" content="{site}">' if site else ""
    html = page().replace("<head>", f"<head>{head}").replace(f"<h1>{TITLE}</h1>", "")
    assert clean(html, url=url).title == title


@pytest.mark.parametrize(
    ("shown", "title"),
    [
        (
            '<h1><span class="descriptor">Title:</span>Rivers fall across the valley</h1>',
            "Rivers fall across the valley",
        ),
        ("<h1>Tax 101: Rivers fall across the valley</h1>", "Tax 101: Rivers fall across the valley"),
        ("<h1>11.9.2001 Rivers fall across the valley</h1>", "11.9.2001 Rivers fall across the valley"),
    ],
)
def test_title_loses_a_label_printed_before_it(shown: str, title: str) -> None:
    html = (
        page()
        .replace("<head>", "<head><title>Rivers fall across the valley</title>")
        .replace(f"<h1>{TITLE}</h1>", shown)
    )
    assert clean(html).title == title


DEK = "Engineers will check the flood walls before the next rain."


@pytest.mark.parametrize(
    ("under_headline", "description", "subtitle"),
    [
        (f'<p class="article-dek">{DEK}</p>', None, DEK),  # the page marks its standfirst
        (f'<h2 class="x9">{DEK}</h2><div class="byline">By Ana Silva</div>', DEK, DEK),  # the description shows
        ("", PARAGRAPHS[0], None),  # the description is the story's first paragraph: no standfirst
        ("", "A summary written for search engines only.", None),
        (
            '<div class="author-box"><p class="summary">Ana Silva is a reporter covering the river towns.</p></div>',
            None,
            None,
        ),
    ],
)
def test_subtitle_is_the_standfirst_under_the_headline(under_headline, description, subtitle) -> None:
    head = f'<meta name="description" content="{description}">' if description else ""
    html = page().replace("<head>", f"<head>{head}").replace(f"<h1>{TITLE}</h1>", f"<h1>{TITLE}</h1>{under_headline}")
    assert clean(html).subtitle == subtitle


def test_blocks_keep_structure_and_text_rules_run_on_them() -> None:
    inside = "<h2>What happens next</h2><ul><li>Roads reopen on Friday.</li><li>Schools stay shut.</li></ul>"
    inside += "<p>Advertisement</p>"
    article = clean(page(inside=inside), kind="html")
    assert article.paragraphs[1:4] == ["What happens next", "Roads reopen on Friday.", "Schools stay shut."]
    assert ("Advertisement", "AD001") in {(r.text, r.code) for r in article.removals}


def test_utf8_garbled_into_cp1252_is_repaired_in_raw_text_and_in_entities() -> None:
    inside = "<p>The mayor said it wasnâ€™t over.</p><p>Crews hadn&acirc;&euro;&trade;t left â€” yet.</p>"
    article = clean(page(inside=inside), kind="html")
    assert "The mayor said it wasn’t over." in article.paragraphs
    assert "Crews hadn’t left — yet." in article.paragraphs


def test_a_row_of_data_is_one_line_however_its_cells_are_written() -> None:
    """`<td><p>Iowa</p></td>` is a datum, as `<td>Iowa</td>` is: each row of a table of data is one
    line. A table holding a cell with more (a label over its list, lines set apart by `<br>`, a
    heading) or none keeps every cell's lines apart, all its rows alike."""
    cells = "<td><p><b>{n}</b></p></td><td><p>Gauge {n}</p></td><td><p>{n}.5 m</p></td>"
    rows = "".join("<tr>" + cells.format(n=n) + "</tr>" for n in (1, 2))
    data = f"<table><tr><th><p>Rank</p></th><th>Gauge</th><th>Level</th></tr>{rows}</table>"
    article = clean(page(inside=data), kind="html")
    texts = article.paragraphs
    assert texts[texts.index("Rank Gauge Level") :][:3] == ["Rank Gauge Level", "1 Gauge 1 1.5 m", "2 Gauge 2 2.5 m"]
    assert "| 1 | Gauge 1 | 1.5 m |" in markdown(article, Style())
    for more in ("<p>Pros:</p><ul><li>Cheap</li><li>Quick</li></ul>", "<p>Loud<br>Slow</p>", "<h3>Upstream</h3>", ""):
        texts = clean(
            page(inside=data.replace("</table>", f"<tr><td>{more}</td><td>Weir</td></tr></table>")), kind="html"
        ).paragraphs
        assert {"1", "Gauge 1", "1.5 m", "2", "Gauge 2", "2.5 m"} <= set(texts), more
    # Without an <article>, trafilatura leaves a cell's list out and only its label stays: the list
    # is put back between the cells' lines.
    pumps = "".join(
        f"<tr><td><p>Pump {n}</p></td><td><p>Pros:</p><ul><li>Cheap {n}</li></ul></td></tr>" for n in (1, 2)
    )
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:2]) + f"<table>{pumps}</table><p>{PARAGRAPHS[2]}</p>"
    html = (
        f"<html><head><title>{TITLE}</title></head><body><div class='grid'><h1>{TITLE}</h1>{body}</div></body></html>"
    )
    assert {"Pump 1", "Cheap 1", "Pump 2", "Cheap 2"} <= set(clean(html, kind="html").paragraphs)


MORE = (
    "The mayor thanked the volunteers who filled sandbags through the night and said the town had learned "
    "from the floods of 2007.",
    "Insurers said claims would be handled quickly, and a fund for the families whose homes were flooded "
    "opened on Tuesday.",
)


def test_headings_and_lists_trafilatura_left_out_are_put_back_between_their_paragraphs() -> None:
    """A page without an <article> (trafilatura gathers its paragraphs one by one, headings and lists
    left out): a heading or a list between two extracted paragraphs comes back in its place, a
    numbered list numbered; one after the last paragraph stays out."""
    sections = [("", PARAGRAPHS[0]), ("", PARAGRAPHS[1]), ("Where the water rose", PARAGRAPHS[2])]
    sections += [("", MORE[0]), ("What happens next", MORE[1])]
    body = "".join(f"<h2>{heading}</h2>" * bool(heading) + f"<p>{text}</p>" for heading, text in sections)
    body = body.replace(
        f"<p>{MORE[0]}</p>", f"<p>{MORE[0]}</p><ol><li>Clear the drains</li><li>Check the walls</li></ol>"
    )
    html = f"<html><head><title>{TITLE}</title></head><body><div class='grid'><h1>{TITLE}</h1>{body}"
    html += "<h2>More from the valley</h2><ul><li><a href='/a'>Bridge reopens</a></li></ul></div></body></html>"
    article = clean(html, kind="html")
    assert [(block.tag, block.text) for block in article.blocks] == [
        ("p", PARAGRAPHS[0]),
        ("p", PARAGRAPHS[1]),
        ("h2", "Where the water rose"),
        ("p", PARAGRAPHS[2]),
        ("p", MORE[0]),
        ("li", "Clear the drains"),
        ("li", "Check the walls"),
        ("h2", "What happens next"),
        ("p", MORE[1]),
    ]
    assert "1. Clear the drains\n2. Check the walls" in markdown(article, Style())


def test_an_extraction_holding_headings_gets_none_back() -> None:
    """trafilatura's main pass left the heading out for a reason of its own (a teaser box's headline)."""
    blocks = [Block("What we know", tag="h2"), Block(PARAGRAPHS[0], tag="p"), Block(PARAGRAPHS[1], tag="p")]
    rendered = "\n".join(["What we know", PARAGRAPHS[0], "Storm hits the coast", PARAGRAPHS[1]])
    assert restore_left_out(blocks, rendered, lambda: {"Storm hits the coast": [Element("h4", 1.0)]}) == blocks


def test_a_table_of_contents_between_paragraphs_is_no_second_copy_of_the_headings() -> None:
    """Its linked items stay out; each heading comes back once, in its own place."""
    toc = (
        "<ul class='toc'><li><a href='#a'>Where the water rose</a></li><li><a href='#b'>What happens next</a></li></ul>"
    )
    body = f"<p>{PARAGRAPHS[0]}</p>{toc}<p>{PARAGRAPHS[1]}</p><h2>Where the water rose</h2><p>{PARAGRAPHS[2]}</p>"
    body += f"<p>{MORE[0]}</p><h2>What happens next</h2><p>{MORE[1]}</p>"
    html = (
        f"<html><head><title>{TITLE}</title></head><body><div class='grid'><h1>{TITLE}</h1>{body}</div></body></html>"
    )
    assert [block.text for block in clean(html, kind="html").blocks] == [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "Where the water rose",
        PARAGRAPHS[2],
        MORE[0],
        "What happens next",
        MORE[1],
    ]


def test_page_without_extractable_content_falls_back_to_page_text(monkeypatch: pytest.MonkeyPatch) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    article = clean(page(before='<nav><a href="/">Home</a></nav>'), kind="html")
    assert article.paragraphs[-3:] == list(PARAGRAPHS)
    assert "Home" not in article.body


def test_every_line_the_extraction_leaves_out_is_recorded_and_none_it_keeps() -> None:
    html = page(
        before="<div class='c9'><a href='/w'>Weather</a> <a href='/t'>Traffic</a></div>",
        inside="<p><a href='/a'>Flood</a><a href='/b'>barriers</a> were raised overnight along the whole embankment.</p>",
        after="<div class='k2'><p>Lottery numbers drawn on Saturday night</p></div>",
    )
    article = clean(html, kind="html")
    left_out = [r.text for r in article.removals if r.rule == "outside-main-content"]
    assert left_out == ["Weather Traffic", "Lottery numbers drawn on Saturday night"]
    assert "Floodbarriers were raised overnight along the whole embankment." not in left_out  # links run together
    assert {r.code for r in article.removals if r.rule == "outside-main-content"} == {"PAG001"}


def test_a_paragraph_the_extraction_keeps_without_a_button_inside_it_is_not_recorded() -> None:
    sensors = "The council put in new sensors along the embankment {}that were fitted by engineers last year."
    article = clean(page(inside=f"<p>{sensors.format('<button>Show more</button> ')}</p>"), kind="html")
    assert sensors.format("") in article.paragraphs
    assert [r.text for r in article.removals if r.rule == "outside-main-content"] == []


def test_a_page_without_extractable_content_records_nothing_as_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    article = clean(page(), kind="html")
    assert [r.text for r in article.removals if r.rule == "outside-main-content"] == []


def test_without_outside_main_content_the_pruned_page_is_judged_whole() -> None:
    html = page(after="<div class='k2'><p>Lottery numbers drawn on Saturday night</p></div>")
    assert "Lottery numbers drawn on Saturday night" not in clean(html, kind="html").paragraphs
    whole = clean(html, kind="html", config=Config(ignore=("outside-main-content",)))
    assert whole.paragraphs[-4:] == [*PARAGRAPHS, "Lottery numbers drawn on Saturday night"]


def test_kind_is_sniffed_from_str_and_bytes() -> None:
    html = page()
    assert clean(html).title == TITLE
    assert clean(html.encode("utf-8")).paragraphs == list(PARAGRAPHS)
    assert clean(html, kind="text").body.startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError):
        clean(html, kind="pdf")


def test_text_only_use_does_not_import_the_html_stack() -> None:
    import subprocess

    code = "import cleaner, sys; cleaner.clean('A title here\\n\\nSome body text.'); "
    code += "print(any(m in sys.modules for m in ('trafilatura', 'selectolax')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


HTML_SAMPLES = sorted((SAMPLES / "html").glob("*.html"))


def render(path: Path) -> str:
    article = clean(path.read_bytes(), url=None)
    return json.dumps(article.to_dict(), sort_keys=True, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", HTML_SAMPLES, ids=lambda p: p.stem)
def test_html_sample_matches_expected(path: Path) -> None:
    assert render(path) == (SAMPLES / "expected" / "html" / f"{path.stem}.json").read_text(encoding="utf-8")


def test_every_html_sample_has_an_expected_result() -> None:
    assert len(HTML_SAMPLES) >= 3
    assert sorted(p.stem for p in (SAMPLES / "expected" / "html").glob("*.json")) == [p.stem for p in HTML_SAMPLES]


@pytest.mark.parametrize(
    ("under_headline", "authors"),
    [
        ("Ana Silva", ["Ana Silva"]),
        ("Graphic Design Courses", []),
        ("Report Abuse", []),
        ("Example H2", []),  # a heading's placeholder holds a digit, as no name does
    ],
)
def test_a_name_alone_under_the_headline_credits_the_page_but_a_menu_s_label_does_not(
    under_headline: str, authors: list[str]
) -> None:
    html = page().replace(f"<h1>{TITLE}</h1>", f"<h1>{TITLE}</h1><div>{under_headline}</div>")
    assert clean(html, kind="html").authors == authors


@pytest.mark.parametrize(
    ("markup_author", "site", "url"),
    [
        ("Example News", "Example News", None),  # the site's name as its markup gives it
        ("Examplenews", None, "https://www.examplenews.com/river"),  # one word its host spells
        ("ana.silva82", "Example News", None),  # a login
    ],
)
def test_a_byline_names_the_writer_where_the_markup_credits_the_site_or_a_login(
    markup_author: str, site: str | None, url: str | None
) -> None:
    head = f'<meta name="author" content="{markup_author}">'
    head += f'<meta property="og:site_name" content="{site}">' if site else ""
    byline = f"<h1>{TITLE}</h1><p>By Ana Silva</p>"
    html = page().replace("</head>", f"{head}</head>").replace(f"<h1>{TITLE}</h1>", byline)
    assert clean(html, kind="html", url=url).authors == ["Ana Silva"]


def test_over_the_site_s_name_a_byline_far_from_the_headline_names_no_writer() -> None:
    head = '<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Jane Doe">'
    more = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 4)  # the byline is past the headline's reach
    html = page(inside=more, after="<p>By Mary Oliver</p>").replace("</head>", f"{head}</head>")
    assert clean(html, kind="html").authors[0] == "Jane Doe"


@pytest.mark.parametrize("markup_author", ["Example News", "Tom Berg", "tberg"])
def test_the_markup_s_author_stays_where_no_byline_names_anyone(markup_author: str) -> None:
    head = f'<meta name="author" content="{markup_author}"><meta property="og:site_name" content="Example News">'
    assert clean(page().replace("</head>", f"{head}</head>"), kind="html").authors == [markup_author]


@pytest.mark.parametrize(
    "url", ["https://user:pw@www.example.com/x", "https://www.example.com:8080/x", "https://WWW.EXAMPLE.COM/x"]
)
def test_the_publisher_from_the_address_is_its_host_alone(url: str) -> None:
    assert clean(page(), kind="html", url=url).publisher == "example.com"


def test_list_items_the_extraction_kept_only_the_inline_code_of_come_back_whole() -> None:
    """trafilatura, gathering paragraphs one by one, may keep a list item's inline code as blocks of
    their own and drop its text ("TodoList.tsx" of "Create a file named TodoList.tsx"): the items
    come back whole in their place, and the pieces go."""
    blocks = [
        Block(PARAGRAPHS[0], tag="p"),
        Block("TodoList.tsx", tag="pre", gap_before=True),
        Block("src/App.tsx", tag="pre", gap_before=True),
        Block(PARAGRAPHS[1], tag="p", gap_before=True),
    ]
    items = ["Create a component file named TodoList.tsx", "Update src/App.tsx to render only the list"]
    rendered = "\n".join(["Menu", PARAGRAPHS[0], *items, PARAGRAPHS[1], "Footer"])
    restored = restore_left_out(blocks, rendered, lambda: {item: [Element("li", 0.0)] for item in items})
    assert [(block.tag, block.text) for block in restored] == [
        ("p", PARAGRAPHS[0]),
        ("li", items[0]),
        ("li", items[1]),
        ("p", PARAGRAPHS[1]),
    ]


def test_blocks_between_paragraphs_that_are_no_part_of_the_left_out_items_stay() -> None:
    """A block of its own between the two paragraphs (not a part of an item) means the items were not
    left out from there: nothing is put back, nothing goes."""
    blocks = [
        Block(PARAGRAPHS[0], tag="p"),
        Block("A quotation of its own", tag="blockquote", gap_before=True),
        Block(PARAGRAPHS[1], tag="p", gap_before=True),
    ]
    items = ["Create a component file named TodoList.tsx"]
    rendered = "\n".join([PARAGRAPHS[0], *items, PARAGRAPHS[1]])
    assert restore_left_out(blocks, rendered, lambda: {item: [Element("li", 0.0)] for item in items}) == blocks
