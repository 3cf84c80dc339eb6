"""HTML pruning judged against the whole page, and the choice between trafilatura's extractions.

The rule cases in html_rule_cases.toml share one short article; these need a page of their own.
"""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.article import Block
from cleaner.frontends import extract

# Written paragraphs a little shorter than the prose test's 200 characters, as guides and
# explainers write them.
SHORT_PARAGRAPHS = [
    f"Step {n}: keep a copy of every file you cannot afford to lose on a drive that is not connected to "
    f"the office network, and test that you can restore it."
    for n in range(1, 7)
]
LONG_PARAGRAPHS = [
    f"Paragraph {n} of the report: the river peaked at 4.2 metres on Monday night, the highest level recorded at "
    "the bridge since the gauge was installed in 1998, and the council closed the two roads that run along the "
    "embankment until the water fell."
    for n in range(1, 7)
]


def _removed(html: str, code: str) -> list[str]:
    return [r.text for r in clean(html, kind="html").removals if r.code == code]


def test_layout_column_named_for_a_sidebar_holds_the_article() -> None:
    column = "".join(f"<p>{p}</p>" for p in SHORT_PARAGRAPHS)
    html = (
        "<html><body><div class='c-layout-sidebar-left'><h2>Backing up your data</h2>"
        f"{column}</div><div class='c-layout-sidebar-right'><h3>Popular</h3><a href='/a'>Passwords</a></div>"
        "</body></html>"
    )
    article = clean(html, kind="html")
    removed = [r.text for r in article.removals if r.code == "HTM012"]
    assert removed == ["Popular Passwords"]
    assert SHORT_PARAGRAPHS[0] in article.paragraphs


def test_long_disclaimer_is_dropped_though_it_is_prose() -> None:
    disclaimer = (
        "<div class='disclaimer'>"
        + "".join(
            f"<p>Notice {n}: all investing is subject to risk, including the possible loss of the money you invest; "
            "past performance is no guarantee of future returns, and nothing on this page is investment, tax or "
            "legal advice.</p>"
            for n in range(1, 4)
        )
        + "</div>"
    )
    html = f"<html><body><article>{''.join(f'<p>{p}</p>' for p in LONG_PARAGRAPHS)}</article>{disclaimer}</body></html>"
    removed = _removed(html, "HTM019")
    assert len(removed) == 1 and removed[0].startswith("Notice 1: all investing is subject to risk")


def test_hidden_overlay_is_dropped_but_hidden_prose_is_kept() -> None:
    prose = " ".join(SHORT_PARAGRAPHS[:2])
    html = (
        f"<html><body><article>{''.join(f'<p>{p}</p>' for p in LONG_PARAGRAPHS)}</article>"
        f"<div role='dialog' hidden><p>{prose}</p></div><div hidden id='S:0'><p>{prose} Again.</p></div></body></html>"
    )
    assert _removed(html, "HTM001") == [prose]


def _blocks(*texts: str) -> list[Block]:
    return [Block(text) for text in texts]


GUIDE = "Intro. Section one of the guide. Section two, three. The guide's last section, and its summary."


@pytest.mark.parametrize(
    ("balanced", "recall", "chosen"),
    [
        (["Intro.", "Section one of the guide."], ["Intro.", "Section one of the guide.", "Section two, three."], 1),
        (["Intro.", "Section one of the guide."], ["Intro.", "Section one of the guide!"], 0),
        ([], ["Text recall mode found."], 1),
    ],
    ids=["recall-finds-clearly-more", "recall-finds-about-the-same", "balanced-finds-nothing"],
)
def test_recall_extraction_replaces_balanced_only_when_clearly_longer(
    monkeypatch: pytest.MonkeyPatch, balanced: list[str], recall: list[str], chosen: int
) -> None:
    candidates = (_blocks(*balanced), _blocks(*recall))
    monkeypatch.setattr(
        extract, "_trafilatura_blocks", lambda html, *, favor_recall, fast, posts: candidates[favor_recall]
    )
    found = extract.main_content(f"<html><body><p>{GUIDE}</p></body></html>", GUIDE)
    assert [block.text for block in found] == [block.text for block in candidates[chosen]]


def test_recall_extraction_is_not_tried_when_balanced_holds_most_of_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    modes: list[bool] = []

    def trafilatura_blocks(html: str, *, favor_recall: bool, fast: bool, posts: bool) -> list[Block]:
        modes.append(favor_recall)
        return _blocks(GUIDE)

    monkeypatch.setattr(extract, "_trafilatura_blocks", trafilatura_blocks)
    assert extract.main_content(f"<html><body><p>{GUIDE}</p></body></html>", GUIDE)[0].text == GUIDE
    assert modes == [False]


@pytest.mark.parametrize(
    ("fast_text", "checked"),
    [
        (GUIDE, False),
        (GUIDE[: len(GUIDE) // 2], False),
        (GUIDE[: len(GUIDE) // 10], True),
        (f"{GUIDE} {GUIDE}", True),
    ],
    ids=["whole-page", "a-half", "a-tenth", "page-twice"],
)
def test_fallback_extractors_check_a_fast_extraction_only_when_it_holds_little_or_too_much_of_the_page(
    monkeypatch: pytest.MonkeyPatch, fast_text: str, checked: bool
) -> None:
    calls: list[tuple[bool, bool]] = []

    def trafilatura_blocks(html: str, *, favor_recall: bool, fast: bool, posts: bool) -> list[Block]:
        calls.append((favor_recall, fast))
        return _blocks(fast_text if fast else GUIDE)

    monkeypatch.setattr(extract, "_trafilatura_blocks", trafilatura_blocks)
    found = extract.main_content(f"<html><body><p>{GUIDE}</p></body></html>", GUIDE)
    assert calls[0] == (False, True)  # the fast balanced extraction first
    assert ((False, False) in calls) == checked
    assert found[0].text == (GUIDE if checked else fast_text)


POSTS = [
    f"Reply {n}: I had the same fault with the pump on my boat last spring, and a new impeller fixed it after "
    "two weeks of trying everything else the manual suggests for a pump that runs but moves no water."
    for n in range(1, 5)
]


def _thread(kind: str) -> str:
    """A forum's thread whose replies sit in a comment section, as forum software marks them up."""
    replies = "".join(f"<div class='comment'><p>{post}</p></div>" for post in POSTS)
    return (
        f'<html><head><script type="application/ld+json">{{"@type": "{kind}", "headline": "Pump runs dry"}}'
        "</script></head><body><h1>Pump runs dry</h1><article><p>My bilge pump runs but moves no water, what "
        "should I check first before I replace it?</p></article>"
        f"<div id='comments' class='comments-area'>{replies}</div></body></html>"
    )


def test_a_forum_thread_keeps_its_posts_where_an_article_drops_its_comments() -> None:
    thread = clean(_thread("DiscussionForumPosting"), kind="html")
    assert [post for post in POSTS if post in thread.paragraphs] == POSTS
    story = clean(_thread("NewsArticle"), kind="html")
    assert not [post for post in POSTS if post in story.paragraphs]


def test_a_page_drawn_by_script_is_read_from_its_noscript_copy() -> None:
    copy = "".join(f"<p>{p}</p>" for p in LONG_PARAGRAPHS)
    html = (
        "<html><body><div id='app'>Loading...</div>"
        f"<noscript><article><h1>River peaks</h1>{copy}</article></noscript></body></html>"
    )
    assert clean(html, kind="html").paragraphs[:2] == LONG_PARAGRAPHS[:2]


def test_a_plea_to_turn_scripts_on_is_not_read() -> None:
    copy = "".join(f"<p>{p}</p>" for p in LONG_PARAGRAPHS)
    plea = "You need to enable JavaScript to run this app."
    html = f"<html><body><noscript>{plea}</noscript><article>{copy}</article></body></html>"
    body = clean(html, kind="html").body
    assert LONG_PARAGRAPHS[0] in body and plea not in body


def test_an_iframe_in_noscript_that_swallows_the_page_is_no_copy_of_it() -> None:
    copy = "".join(f"<p>{p}</p>" for p in LONG_PARAGRAPHS)
    html = (
        "<html><body><noscript><iframe src='https://tags.example/ns'>"  # never closed: the rest is its text
        f"</noscript><div hidden>{'<span>x</span>' * 200}</div><article>{copy}</article></body></html>"
    )
    assert "<span>" not in clean(html, kind="html").body
