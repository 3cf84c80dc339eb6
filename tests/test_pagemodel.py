"""The line scorer in context, and the whole-page judgement it feeds."""

from __future__ import annotations

import json
import math
from operator import mul
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.frontends.text import to_blocks
from cleaner.pagemodel import content as page_content
from cleaner.pagemodel import linemodel
from cleaner.pagemodel import run as page_run
from cleaner.pagemodel import story as page_story
from cleaner.rules.framework.context import Dropped, Page
from cleaner.shapes import BULLETS, SENTENCE_END, WIDE, WORD, weight
from cleaner.vocab import Vocabulary

PARAGRAPHS = [
    "The river burst its banks overnight on Sunday, flooding more than two hundred homes in the lower town.",
    "Emergency crews worked through the night to move residents from the worst affected streets to the hall.",
    "The mayor said the council would open a fund for families who lost their belongings in the flood water.",
]
TEASER = "Growers say the rain has delayed planting by a month across the valley."


def test_features_match_the_weights() -> None:
    """The models pair weights with features by position (`linemodel._dot`), so the counts must agree."""
    assert linemodel.features([TEASER]).shape == (1, len(linemodel.FEATURES)) == (1, len(linemodel._weights()))
    own, context = linemodel._context_weights()
    assert (len(own), len(context)) == (len(linemodel.FEATURES), len(linemodel.CONTEXT_FEATURES))
    assert len(linemodel.context_features([0.5], [1.0])[0]) == len(linemodel.CONTEXT_FEATURES)


def plain_features(text: str) -> tuple[float, ...]:
    """The features of one line as FEATURES defines them, read a line at a time with the patterns."""
    words = WORD.findall(text)
    count = len(words) or 1
    initials = [w[0] for w in words]
    capitalised = sum(map(str.isupper, initials))
    stripped = text.rstrip()
    return (
        1.0,
        math.log1p(weight(text)),
        min(len(words), 80) / 80,
        float(bool(SENTENCE_END.search(stripped))),
        min(len(linemodel._INNER_STOP.findall(text)), 5) / 5,
        min(sum(map(text.count, linemodel._COMMAS)), 6) / 6,
        capitalised / count,
        sum(map(str.isdigit, initials)) / count,
        float(bool(linemodel._SEPARATOR.search(text))),
        len(WIDE.findall(text)) / max(len(text), 1),
        min(sum(map(len, words)) / count, 15) / 15,
        linemodel._link_share(text),
        float(len(words) >= 2 and capitalised == len(words)),
        float(text.startswith(BULLETS)),
        float(stripped.endswith(":")),
        float(stripped.endswith(("...", "…"))),
    )


# Characters every feature looks at, some that case and white space treat specially, and any other.
SHAPED = st.sampled_from([*'aZé9٣_ .:;!?…)"»”|•/-–,，、。日한\t\u00a0\u2028İıǅ@\ud800', "www.", "http:", "..."])
LINE = st.lists(st.one_of(SHAPED, st.characters()), max_size=24).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(LINE, max_size=10))
def test_lines_read_together_have_the_features_each_line_has_alone(texts: list[str]) -> None:
    rows = linemodel.features(texts)
    assert rows.shape == (len(texts), len(linemodel.FEATURES))
    for text, row in zip(texts, rows, strict=True):
        assert tuple(row.tolist()) == plain_features(text), text
    # The models add a row's terms up in the order of its features, as a line at a time would.
    weights = linemodel._weights()
    assert linemodel._dot(rows, weights).tolist() == [sum(map(mul, weights, row)) for row in rows.tolist()]


def test_a_teaser_among_headlines_and_times_scores_lower_than_among_paragraphs() -> None:
    teasers = []
    for n in range(8):
        teasers += [f"Bridge {n} reopens after repairs", TEASER, f"{n + 2}H ago"]
    among_teasers = linemodel.scores(teasers)[3 * 4 + 1]
    among_paragraphs = linemodel.scores([*PARAGRAPHS, TEASER, *PARAGRAPHS])[3]
    assert among_teasers < 0.9 * among_paragraphs


def test_neighbours_never_raise_a_line_above_its_own_shape() -> None:
    texts = [*PARAGRAPHS, "Lottery results", *PARAGRAPHS]
    probabilities = linemodel._sigmoid(linemodel._dot(linemodel.features(texts), linemodel._weights()))
    for text, value, probability in zip(texts, linemodel.scores(texts), probabilities, strict=True):
        own = min(weight(text), 400) * 2 * (probability - linemodel.TEXT_THRESHOLD)
        assert value <= own + 1e-9
    assert linemodel.scores(texts)[3] < 0


def test_a_web_address_sinks_a_line_made_of_it_but_barely_a_paragraph_that_mentions_it() -> None:
    paragraph = (
        "Visit the county show next weekend, where growers from the whole valley bring their best"
        " produce and livestock; tickets and the timetable are at {}."
    )
    with_address = linemodel.scores([*PARAGRAPHS, paragraph.format("www.countyshow.org"), *PARAGRAPHS])[3]
    without = linemodel.scores([*PARAGRAPHS, paragraph.format("the gate"), *PARAGRAPHS])[3]
    assert with_address > 0.8 * without
    assert linemodel.scores([*PARAGRAPHS, "www.countyshow.org", *PARAGRAPHS])[3] < 0


def test_a_page_whose_menus_the_rules_dropped_is_still_a_whole_page() -> None:
    menu = [f"Section {n}" for n in range(20)]
    page = Page(to_blocks("\n".join([*menu, *PARAGRAPHS * 4])), Vocabulary())
    page.dropped[: len(menu)] = ["navigation"] * len(menu)
    assert page_run.is_whole_page(page)


def test_a_run_holding_little_text_gives_way_to_the_candidate_holding_most_or_to_the_stretch_of_all() -> None:
    card = ["4.2", "Starting from $12.99", "7-day free trial"]
    menu = [f"Section {n}" for n in range(10)]
    lines = [*card, *menu, *PARAGRAPHS * 2, *menu, "Free plan available"]
    page = Page(to_blocks("\n".join(lines)), Vocabulary())
    story = (len(card) + len(menu), len(card) + len(menu) + 2 * len(PARAGRAPHS))
    assert page_run.holding_text(page, [(9.0, 0, 3), (8.0, *story)], 0, 3) == story
    assert page_run.holding_text(page, [(8.0, *story), (9.0, 0, 3)], *story) == story
    last = len(lines) - 1
    assert page_run.holding_text(page, [(9.0, 0, 3), (2.0, last, last + 1)], 0, 3) == (0, len(lines))


def test_the_later_copy_of_a_repeated_passage_goes_and_says_which_line_it_repeats() -> None:
    menu = [f"Section {n}" for n in range(20)]
    story = [*PARAGRAPHS, TEASER, "Residents can send their views to the council until the end of May."]
    article = cleaner.clean("\n".join([*menu, *story, "Share this story", *story]), kind="text")
    first = len(menu) + 1
    copies = [(r.line, r.detail) for r in article.removals if r.code == "PAG002"]
    assert copies == [(first + n + len(story) + 1, f"repeats line {first + n}") for n in range(len(story))]
    assert article.paragraphs == story


def test_an_article_that_repeats_a_passage_itself_keeps_it() -> None:
    chorus = [f"{line}, and the river runs on to the sea tonight" for line in ("Sing it loud", "Sing it low")] * 3
    song = ["The Ferryman's Song", "Verse one tells of the boat and the crossing.", *chorus, "Verse two.", *chorus]
    assert cleaner.clean("\n".join(song), kind="text").paragraphs == song[1:]


def test_a_schedule_after_the_article_stays_with_it_but_a_list_stamped_newest_first_does_not() -> None:
    menu = [f"Section {n}" for n in range(20)]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers"]
    tour = [f"June {day} – Springfield, IL @ Riverside Arena" for day in range(10, 20)]
    for dates, kept in ((tour, True), (list(reversed(tour)), False)):
        page = "\n".join([*menu, *PARAGRAPHS * 2, "Tour dates", *dates, *footer])
        body = cleaner.clean(page, kind="text").body
        assert (dates[0] in body) is kept
        assert PARAGRAPHS[0] in body and "Privacy Policy" not in body


def test_the_entries_of_a_plan_after_the_last_paragraph_stay_with_the_article_but_a_footer_does_not() -> None:
    menu = [f"Section {n}" for n in range(20)]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers"]

    def meal(n: int) -> list[str]:
        return [f"Meal {n}", "Eat every 2–3 hours", f"Portion Fix Containers: 1 Green, {n} Red"]

    text = "\n".join([*menu, *PARAGRAPHS, *meal(1), *PARAGRAPHS, *meal(2), *meal(3), *footer])
    body = cleaner.clean(text, kind="text").body
    assert "Meal 3" in body and "Portion Fix Containers: 1 Green, 3 Red" in body
    assert PARAGRAPHS[0] in body and "Privacy Policy" not in body


def test_a_listicle_s_last_entry_and_its_labelled_rows_stay_but_a_footer_does_not() -> None:
    menu = [f"Section {n}" for n in range(20)]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers"]

    def company(n: int, name: str, city: str) -> list[str]:
        return [f"{n}. {name}", f"Headquarters: {city}", f"Established: {1960 + n}"]

    entries = [company(5, "Atari", "Paris"), company(6, "Meta Platforms", "Menlo Park")]
    text = "\n".join([*menu, *PARAGRAPHS, *entries[0], PARAGRAPHS[0], *entries[1], *footer])
    body = cleaner.clean(text, kind="text").body
    assert "6. Meta Platforms" in body and "Headquarters: Menlo Park" in body
    assert "Privacy Policy" not in body and "Section 3" not in body


def test_a_sentence_alone_between_the_run_s_headline_and_the_run_is_its_standfirst() -> None:
    from cleaner.rules.framework.context import Dropped
    from cleaner.rules.layout import _standfirst_under

    lines = [
        "River floods the lower town",
        "Two hundred homes are under water after a night of heavy rain.",
        "Photo: Reuters",
        "The river burst its banks overnight on Sunday, flooding more than two hundred homes.",
    ]
    page = Page(to_blocks("\n".join(lines)), Vocabulary())
    page.dropped[2] = Dropped("captions", "captions", "CAP001")
    assert _standfirst_under(page, 0, 3) == 1  # the caption a rule removed stands between
    page.dropped[2] = None
    assert _standfirst_under(page, 0, 3) is None  # a kept line stands between
    page.dropped[2] = Dropped("captions", "captions", "CAP001")
    page.blocks[1] = to_blocks("Weather")[0]
    assert _standfirst_under(page, 0, 3) is None  # a menu's word is no sentence


@pytest.mark.parametrize(
    ("line", "standfirst"),
    [
        (
            "Cuando una profesora no puede pagar un alquiler en el barrio donde enseña, el problema ya no es de vivienda",
            True,
        ),
        (
            "You are here: Home / Blog / Oklahoma / America's Most Underrated Food City: The Best Restaurants in OKC",
            False,
        ),
        (
            "Mackenzie, Mother Wolf, Night Nurse, Pocket Dream, Ruby Road, She Keeps Me Young, Take Me Home, U.S. in Progress",
            False,
        ),
        (
            "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm and more news from the town",
            False,
        ),
        (
            "Share this page to Facebook Share this page to X Share this page via Email Copy this page to clipboard",
            False,
        ),
    ],
)
def test_a_long_line_without_its_full_stop_is_a_standfirst_where_it_reads_as_prose(line: str, standfirst: bool) -> None:
    from cleaner.rules.layout import _standfirst_under

    lines = [
        "River floods the lower town",
        line,
        "The river burst its banks overnight on Sunday, flooding two hundred homes.",
    ]
    page = Page(to_blocks("\n".join(lines)), Vocabulary())
    assert (_standfirst_under(page, 0, 2) == 1) is standfirst


def test_a_name_before_the_date_under_the_headline_credits_the_story_but_a_teaser_s_does_not() -> None:
    menu = ["Home", "World", "Business", "Sports", "Opinion", "Contact us", "Advertise", "Careers", "About us"] * 2
    headline = "River floods the lower town after a night of rain"
    teasers = ["Council approves the new budget", "Jane Doe October 10, 2025", "Ferry services cancelled"]
    text = "\n".join([*menu, headline, "Tom Talbot October 14, 2025", *PARAGRAPHS, *teasers, *menu])
    article = cleaner.clean(text, kind="text")
    assert article.title == headline and article.authors == ["Tom Talbot"] and article.published == "2025-10-14"
    record = next(removal for removal in article.removals if removal.text.startswith("Tom Talbot"))
    assert record.code == "TIM001" and record.moved_to == "authors"


@pytest.mark.parametrize("credit", [["Tom Talbot October 14, 2025"], ["Tom Talbot", "October 14, 2025"]])
def test_a_name_by_the_date_just_over_the_headline_credits_the_story_but_a_menu_s_label_does_not(credit) -> None:
    menu = ["Home", "World", "Business", "Sports", "Opinion", "Contact us", "Advertise", "Careers", "About us"] * 2
    headline = "River floods the lower town after a night of rain"
    article = cleaner.clean("\n".join([*menu, *credit, "Blog", headline, *PARAGRAPHS, *menu]), kind="text")
    assert article.title == headline and article.authors == ["Tom Talbot"] and article.published == "2025-10-14"
    for label in ("All Posts", "Fact Checked", "Medically Reviewed"):
        labelled = [*menu, label, "October 14, 2025", headline, *PARAGRAPHS, *menu]
        assert cleaner.clean("\n".join(labelled), kind="text").authors == []
    bylined = [*menu, *credit, headline, "By Jane Doe", *PARAGRAPHS, *menu]  # the lead's byline credits the story
    assert cleaner.clean("\n".join(bylined), kind="text").authors == ["Jane Doe"]


def test_bylines_far_from_the_story_credit_it_when_all_name_its_one_writer() -> None:
    menu = ["Home", "World", "Business", "Sports", "Opinion", "Contact us", "Advertise", "Careers", "About us"] * 2
    headline = "River floods the lower town after a night of rain"
    teasers = []  # far apart, as a blog's author box and its "more from" list stand: no list of bylines
    for title in ("Council approves the new budget", "Ferry services cancelled", "Why the bridge is closed again"):
        teasers += [title, "Read more", "Share", "Comments", "By Chris Pardo"]

    def authors(lines_after: list[str]) -> list[str]:
        return cleaner.clean("\n".join([*menu, headline, *PARAGRAPHS, *menu, *lines_after, *menu]), kind="text").authors

    assert authors(teasers) == ["Chris Pardo"]
    assert authors([*teasers[:-1], "By Jane Roe"]) == []  # teasers of two writers
    assert authors(teasers[:10]) == []  # two teasers may share a writer
    comment = "I live two streets from the river and the water came up faster than anyone expected."
    thread = [f"Posted by: John Smith at December {day}, 2025" for day in (18, 19, 20)]
    assert authors([line for signature in thread for line in (signature, comment)]) == []  # a thread's signatures


@pytest.mark.parametrize("credit", [["Tom Talbot", "Oct 14, 2025"], ["By Tom Talbot | October 14, 2025"]])
def test_the_headline_over_a_standfirst_shaped_like_one_is_the_title(credit: list[str]) -> None:
    menu = ["Home", "World", "Business", "Sports", "Opinion", "Contact us", "Advertise", "Careers", "About us"] * 2
    headline, standfirst = "River floods the lower town", "Why the new flood walls held for only one night"
    text = "\n".join([*menu, headline, standfirst, *credit, *PARAGRAPHS, *menu])
    assert cleaner.clean(text, kind="text").title == headline
    copied = "\n".join([*menu, headline, headline, *credit, *PARAGRAPHS, *menu])
    copy = cleaner.clean(copied, kind="text")
    assert copy.title == headline and copy.subtitle != headline  # a copy of the headline is no standfirst


def test_a_reviewer_s_credit_beside_the_headline_is_meta_not_a_headline() -> None:
    from cleaner.pagemodel.headline import is_meta

    page = Page(to_blocks("Reviewed by Jane Doe\nReviews of the new bridge are in"), Vocabulary())
    assert is_meta(page, 0) and not is_meta(page, 1)


def test_a_dump_that_opens_on_its_story_keeps_the_lists_between_its_sentences_but_not_the_teasers_after() -> None:
    story = _kit_story()
    teasers = [f"{n} tips for better sleep" for n in range(3, 13)]
    body = cleaner.clean("\n".join([*story, "More from the site", *teasers]), kind="text").body
    assert "Price: $199" in body and "Price: $699" in body
    assert "A sturdy mat suits a small room and costs little to keep in good shape." in body
    assert "3 tips for better sleep" not in body and "More from the site" not in body
    assert cleaner.clean(body, kind="text").body == body


def test_a_dump_that_opens_on_its_story_keeps_a_checklist_after_its_last_sentence_but_not_a_menu() -> None:
    story = [
        "The complete camping checklist",
        "After years of trips in every season, we know what earns its place in a pack and what stays at home.",
        "We have sorted the checklist into groups so that you can gather your gear one bag at a time.",
    ]
    gear = [
        *("Tent with its rainfly and poles", "Stakes and guylines for windy nights", "Stove and a full fuel canister"),
        *("Groundsheet to protect the tent floor", "Large zip bag for garbage", "Lighter and waterproof matches"),
        *("Pot with a lid and a long spoon", "Water filter or purifying tablets", "Bandages of various sizes"),
        *("Antibiotic ointment for cuts", "Pain relievers and allergy pills", "Map of the area in a waterproof bag"),
        *("Compass, even if you carry a GPS", "Headlamp with spare batteries", "Permits for the backcountry"),
        *("Sunscreen and lip balm", "Insect repellent", "A warm hat for the evening", "Rain jacket and pants"),
        "Spare socks",
    ]
    menu = ["Home", "World", "Business", "Sports", "Opinion", "Contact us", "Advertise", "Careers", "About us"]
    menu += ["Newsletters", "Podcasts", "Video", "Weather", "Puzzles", "Subscribe", "Local", "Obituaries", "Jobs"]
    related = ["Related stories", "Ten trails for a first overnight", "How to pick a sleeping bag"]
    body = cleaner.clean("\n".join([*story, *gear, *related]), kind="text").body
    assert "Rain jacket and pants" in body and "Spare socks" in body and "Related stories" not in body
    assert cleaner.clean(body, kind="text").body == body
    body = cleaner.clean("\n".join([*story, *menu, *related]), kind="text").body
    assert story[2] in body and "Contact us" not in body and "Weather" not in body


def _kit_story() -> list[str]:
    """A dump that opens on its story: a buying guide's entries, each a short line or three and a sentence."""
    story = [
        "Home gym setups for every budget",
        "Building a home gym does not have to be expensive, and a few smart choices go a long way for most people.",
    ]
    for n, name in enumerate(["Bench", "Dumbbells", "Jump rope", "Treadmill", "Power tower", "Mat"], start=1):
        story += [
            name,
            f"Brand recommendation: Acme {name} {n}",
            f"Price: ${n}99",
            f"A sturdy {name.lower()} suits a small room and costs little to keep in good shape.",
        ]
    return story


def test_teasers_cut_short_after_a_story_that_opens_the_dump_are_not_its_tail() -> None:
    teasers = [
        line
        for n in range(3)
        for line in (
            f"Ten trails for a first overnight, part {n}",
            "We walked every one of them last summer and found...",
        )
    ]
    body = cleaner.clean("\n".join([*_kit_story(), *teasers]), kind="text").body
    assert "Price: $699" in body and "Ten trails" not in body and "We walked" not in body
    # A story's own lines trailing off, under no teaser's headline, are its tail.
    closing = ["Start small with just a mat and a rope...", "Whatever you pick, the hardest part is getting started..."]
    body = cleaner.clean("\n".join([*_kit_story(), *closing]), kind="text").body
    assert all(line in body for line in closing)


def test_a_listicle_right_under_the_headline_the_url_names_keeps_its_entries() -> None:
    """The run's first paragraph outweighs each entry; under the named headline the story goes on
    over the entries' short lines as a dump that opens on its story does."""
    menu = ["Home", "World", "Business", "Sports", "Opinion", "Contact us", "Advertise", "Careers", "About us"] * 3
    intro = (
        "Building a home gym does not have to be expensive. Whatever your budget, a few smart choices and some "
        "sturdy equipment go a long way, and here is what we would buy for five hundred, a thousand and two "
        "thousand five hundred dollars, picked for space, value and performance."
    )
    entries = [
        line
        for n, name in enumerate(["Bench", "Dumbbells", "Jump rope", "Treadmill", "Power tower", "Mat"], start=1)
        for line in (
            name,
            f"Brand recommendation: Acme {name} {n}",
            f"Price: ${n}99",
            f"A sturdy {name.lower()} for a small room.",
        )
    ]
    footer = ["Share:", "Facebook", "Twitter", "Related articles", "How to stick to your resolution", "About us"]
    text = "\n".join(
        [*menu, "Home gym setups for every budget", "By Jane Doe on Jan 22, 2025", intro, *entries, *footer]
    )
    article = cleaner.clean(
        text, kind="text", url="https://shop.example.com/blogs/news/home-gym-setups-for-every-budget"
    )
    assert article.title == "Home gym setups for every budget" and article.authors == ["Jane Doe"]
    assert "Price: $199" in article.body and "A sturdy mat for a small room." in article.body
    assert "Related articles" not in article.body and "About us" not in article.body
    assert cleaner.clean(article.body, kind="text").body == article.body


def test_a_prompt_set_into_a_story_does_not_end_it_but_a_related_list_does() -> None:
    story = _kit_story()
    prompted = [*story[:14], "Sign up for our newsletter", *story[14:]]
    body = cleaner.clean("\n".join(prompted), kind="text").body
    assert "Price: $699" in body and "A sturdy mat suits a small room and costs little to keep in good shape." in body
    assert "Sign up for our newsletter" not in body and cleaner.clean(body, kind="text").body == body
    teasers = ["Ten trails for a first overnight", "How to pick a sleeping bag", "The best camp stoves of the year"]
    body = cleaner.clean("\n".join([*story, "Sign up for our newsletter", *teasers]), kind="text").body
    assert "Ten trails for a first overnight" not in body  # after the story's last sentence, a prompt ends it
    related = [*story[:14], "Related stories", "Ten trails for a first overnight", "How to pick a sleeping bag"]
    body = cleaner.clean("\n".join([*related, *story[14:]]), kind="text").body
    assert "Price: $699" not in body and "Ten trails for a first overnight" not in body


@pytest.mark.parametrize(
    ("prompt", "goes_on"),
    [
        ("Sign in to keep reading", True),
        ("Log in to account", False),
        ("Log in to view your account", False),
        ("Share this article", False),
    ],
)
def test_a_paywall_s_prompt_inside_a_page_s_story_does_not_end_its_run_but_a_share_bar_does(prompt, goes_on) -> None:
    menu = ["Home", "World", "Politics", "Business", "Tech", "Sport", "Culture", "Opinion", "Newsletters", "Podcasts"]
    picks = [
        line
        for n, name in enumerate(["Bench", "Dumbbells", "Rope"], 1)
        for line in (name, f"Price: ${n}99", "View deal")
    ]
    closing = [
        "Whichever pieces you choose, start with the ones you will use every week and add the rest as your routine grows.",
        "A small room holds all of them if the bench folds and the treadmill slides under a bed when it is not in use.",
    ]
    footer = ["About us", "Contact", "Privacy", "© 2024 The Daily Example. All rights reserved."]
    lines = [*menu, "Home gym setups for every budget", *PARAGRAPHS, prompt, *picks, *closing, *footer]
    body = cleaner.clean("\n\n".join(lines), kind="text").body
    assert prompt not in body and "About us" not in body and PARAGRAPHS[-1] in body
    assert ("Price: $299" in body) is goes_on and (closing[-1] in body) is goes_on


def test_the_story_s_sentences_go_on_past_a_prompt_of_two_lines_but_its_tail_does_not() -> None:
    tail = ["Tent with its rainfly and poles", "Stakes and guylines for windy nights", PARAGRAPHS[0]]
    lines = [*PARAGRAPHS, "Get the app", "Download it today", *tail]
    end = len(PARAGRAPHS)
    page = Page(to_blocks("\n".join(lines)), Vocabulary())
    page.dropped[end] = page.dropped[end + 1] = Dropped("prompts", None, "PRM004")
    assert list(page_story.kept_to_boundary(page, end)) == [end + 2, end + 3, end + 4]
    assert page_story.through_sentences(page, end) == len(lines)  # a sentence follows: the story goes on
    assert page_story.through_story_tail(page, end) == end  # past its last sentence, a prompt ends it
    page.dropped[end + 2] = Dropped("prompts", None, "PRM004")  # three lines of prompts: the story ends
    assert list(page_story.kept_to_boundary(page, end)) == [] and page_story.through_sentences(page, end) == end
    page.dropped[end + 2] = None
    for code, family in (("REL001", "related"), ("PRM001", "prompts")):  # a related list, a share bar
        page.dropped[end + 1] = Dropped(family, None, code)
        assert list(page_story.kept_to_boundary(page, end)) == []


def test_a_recipe_card_s_ingredients_carry_the_story_s_tail_but_a_menu_s_numbered_chapters_do_not() -> None:
    """The card's labels read as furniture one by one ("Prep Time 2 hrs"); its ingredients under their
    heading are the article's however they read, as inside the run, so the card stays with the story.
    A documentation site's menu holds a numbered list too, among lines that read as a menu's."""
    card = ["Prep Time 2 hrs", "Cook Time 50 mins", "Rising Time 10 hrs", "Servings: 12 slices", "Calories: 158 kcal"]
    card += ["Ingredients", "- 500 grams bread flour", "- 9 grams salt", "- 20 grams honey", "- 50 grams seeds"]
    page = Page(to_blocks("\n".join([*PARAGRAPHS, *card, "Instructions"])), Vocabulary())
    end = len(PARAGRAPHS)
    content = set(page_content.article_content(page, lambda j: j < end))
    assert content == set(range(end + 6, len(page.blocks)))  # the items, and the card's last heading
    assert page_story.through_story_tail(page, end) == end
    assert page_story.through_story_tail(page, end, content) == len(page.blocks)
    chapters = [f"{n}. {title}" for n, title in enumerate(["Hello World", "Rendering", "Props", "State"], start=1)]
    chapters += [f"{n}. {title}" for n, title in enumerate(["Events", "Lists", "Forms", "Thinking In Code"], start=5)]
    menu = ["Installation", "Getting Started", "CDN Links", "Release Channels", "Main Concepts", *chapters, "Guides"]
    page = Page(to_blocks("\n".join([*PARAGRAPHS, *menu])), Vocabulary())
    content = set(page_content.article_content(page, lambda j: j < end))
    assert content and page_story.through_story_tail(page, end, content) == end


def test_a_text_opening_on_a_paragraph_keeps_the_picks_between_it_and_the_reviews() -> None:
    """A listicle's intro, its picks short line after short line, then the reviews, as a first pass
    keeps them: a text of its own that opens on a paragraph, so a later pass (or a second clean)
    keeps the picks too. Menus above the same intro are no story's, nor what holds the headline the
    URL names, a related list or a menu's labels between."""
    intro = (
        "Picking a mouse that keeps your wrist happy is harder than it looks, so we tested twenty of them "
        "over six months of daily work to find the ones worth your money."
    )
    kinds = ["Vertical", "Trackball", "Gaming", "Travel", "Budget", "Wireless", "Silent", "Left-Handed", "Large Hands"]
    picks = [line for kind in kinds for line in (f"Best {kind} Mouse", f"Acme {kind} Pro")]
    reviews = [
        f"The Acme {kind} Pro earned its place after weeks of daily use, with a shape that kept our testers' "
        "wrists at ease through long days of spreadsheets and email."
        for kind in kinds
    ]
    body = "\n\n".join([intro, *picks, *reviews])
    assert cleaner.clean(body).body == body
    menu = ["Home", "Reviews", "Deals", "Newsletter", "Sign in"]
    page = Page(to_blocks("\n".join([*menu, intro, *picks, *reviews])), Vocabulary())
    start = len(menu) + 1 + len(picks)
    assert page_story.from_opening_paragraph(page, start) == start
    page.dropped[: len(menu)] = [Dropped("navigation", None, "NAV001")] * len(menu)  # menus a rule took
    assert page_story.from_opening_paragraph(page, start) == len(menu)
    assert page_story.from_opening_paragraph(page, start, [len(menu) + 2]) == start  # the URL's headline between
    page.dropped[len(menu) + 3] = Dropped("related", None, "REL001")  # a related list between: no story
    assert page_story.from_opening_paragraph(page, start) == start
    page = Page(to_blocks("\n".join([intro, "Sign in", "Cart 0", *picks, *reviews])), Vocabulary())
    assert page_story.from_opening_paragraph(page, 3 + len(picks)) == 3 + len(picks)  # a menu's labels between


def test_a_table_written_with_pipes_is_the_article_s_content_with_its_header() -> None:
    """A dump joins a table's cells with " | ": its header reads as a menu's labels, but with its
    rows under it, each of as many cells, it is the article's table; a menu in one line is not."""
    table = [
        "Monday | Tuesday | Wednesday | Thursday | Friday",
        "Week one: Rest | 5 km easy | 4 km tempo | Rest | 6 km easy",
        "Week two: Rest | 6 km easy | 5 km tempo | Rest | 8 km easy",
    ]
    page = Page(to_blocks("\n".join([*PARAGRAPHS, *table, "Home | News | Sport"])), Vocabulary())
    found = set(page_content.article_content(page, lambda j: j < len(PARAGRAPHS)))
    assert found == set(range(len(PARAGRAPHS), len(PARAGRAPHS) + len(table)))


def test_a_numbered_list_after_the_story_stays_with_it_but_a_numbered_table_of_contents_does_not() -> None:
    menu = [f"Section {n}" for n in range(20)]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers"]
    ranking = [f"{n}. {name}" for n, name in enumerate(["Acme Health", "Blue Shield", "Kaiser", "Humana"], start=1)]
    body = cleaner.clean("\n".join([*menu, *PARAGRAPHS * 2, "The largest insurers", *ranking, *footer])).body
    assert ranking[0] in body.splitlines() and ranking[-1] in body.splitlines() and "Privacy Policy" not in body
    sections = [f"{n}. {heading}" for n, heading in enumerate(["Why it rained", "What flooded", "Who pays"], start=1)]
    story = [line for heading, paragraph in zip(sections, PARAGRAPHS, strict=True) for line in (heading, paragraph)]
    body = cleaner.clean("\n".join([*menu, *sections, *story, *footer])).body
    assert body.count(sections[1]) == 1 and body.count(sections[2]) == 1 and PARAGRAPHS[2] in body


STORY_URL = "https://news.example.com/2024/03/04/river-floods-the-lower-town-after-rain/"
OPENING = "The council met on Tuesday evening to hear how the town would pay for the repairs after the storm."
NAMED = "River floods the lower town after a night of rain"


def test_the_headline_the_url_names_is_the_title_where_no_rule_took_one() -> None:
    text = f"{OPENING}\n\n{NAMED}\n\n{OPENING} The mayor spoke first.\n"
    article = cleaner.clean(text, url=STORY_URL)
    assert article.title == NAMED
    assert NAMED in article.paragraphs  # only a rule's removal takes a line out of the body


def test_a_short_slug_names_a_section_and_gives_no_title() -> None:
    text = f"{OPENING}\n\nLower town\n\n{OPENING} The mayor spoke first.\n"
    assert cleaner.clean(text, url="https://news.example.com/lower-town/").title is None


def test_the_line_the_url_names_outranks_a_headline_that_holds_none_of_its_words() -> None:
    menu = ["Home", "Services", "Medical Care", "Pharmacy", "About Us", "Careers", "Contact Us", "Locations"] * 3
    services = [f"Service number {n}" for n in range(40)]
    story = [
        "Why our patients come back",
        "Updated March 4, 2024",
        "We treat adults and children at four health centers across two counties, whatever their insurance.",
        "Our dentists, assistants and hygienists work beside the doctors and pharmacists of each center.",
        "Walk-in visits are open most Saturdays from one to four in the afternoon at the main center.",
    ]
    text = "\n".join([*menu, "Dental Care", *services, *story, "Privacy Policy", "Terms of Use"])
    article = cleaner.clean(text, kind="text", url="https://health.example.org/dental-care/")
    assert article.title == "Dental Care"
    taken = next(removal for removal in article.removals if removal.text == story[0])
    assert taken.moved_to is None and taken.detail == "the URL names another headline"
    assert cleaner.clean(text, kind="text").title == story[0]
    assert cleaner.clean(text, kind="text", url="https://health.example.org/care/patients-come-back/").title == story[0]


def test_the_first_line_the_url_names_is_the_headline_whatever_follows() -> None:
    text = f"{NAMED}\nPictures from the flood\n\n{OPENING}\n"
    article = cleaner.clean(text, url=STORY_URL)
    assert article.title == NAMED and NAMED not in article.paragraphs
    assert cleaner.clean(text).title is None  # without the URL, a short line under it is no body text


def _story_with(lines_after: list[str]) -> cleaner.Article:
    menu = ["Home", "World", "Business", "Sports", "Opinion", "Contact us", "Advertise", "Careers", "About us"] * 2
    headline = "River floods the lower town after a night of rain"
    return cleaner.clean("\n".join([*menu, headline, "By Jane Doe", *PARAGRAPHS, *lines_after, *menu]), kind="text")


def test_a_comment_thread_s_signatures_under_the_story_credit_no_one_but_an_author_box_does() -> None:
    comments = [
        "I live two streets from the river and the water came up faster than anyone expected that night.",
        "We had sandbags ready but they were not enough to keep the water out of the kitchen and the hall.",
        "Thanks to the crews who came by at three in the morning to check on the older people in our street.",
    ]
    thread = [
        line
        for name in ("John Smith", "Mary Jones", "Peter Brown")
        for line in (f"Posted by: {name} at October 15, 2025 05:48 PM", *comments)
    ]
    article = _story_with(thread)
    assert article.authors == ["Jane Doe"]
    assert {r.detail for r in article.removals if r.text.startswith("Posted by: Peter")} == {"another story's byline"}
    boxed = _story_with(["Written by Jane Roe", "Jane Roe covers the valley's towns and rivers for the paper."])
    assert boxed.authors == ["Jane Doe", "Jane Roe"]


def test_the_title_loses_the_site_s_name_after_a_bar_or_a_dash_but_keeps_a_subtitle_after_a_dash() -> None:
    story = "\n\n".join(PARAGRAPHS)
    barred = cleaner.clean(f"River floods the lower town | The Daily Ledger\n\n{story}", kind="text")
    dashed = cleaner.clean(
        f"River floods the lower town - Daily Ledger\n\n{story}", kind="text", url="https://dailyledger.example/floods"
    )
    subtitled = cleaner.clean(f"River floods the lower town - what we know\n\n{story}", kind="text")
    assert barred.title == dashed.title == "River floods the lower town"
    assert subtitled.title == "River floods the lower town - what we know"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Home News Local River floods the lower town", "River floods the lower town"),
        ("Home › News › River floods the lower town", "River floods the lower town"),
        ("News / Local / River floods the lower town", "River floods the lower town"),
        ("Updated River floods the lower town", "Updated River floods the lower town"),  # no trail's root
        ("Home: River floods the lower town", "Home: River floods the lower town"),  # a kicker's colon
        ("Home News Local Politics Courts Crime Weather River floods the lower town", None),  # too long a trail
    ],
)
def test_the_title_loses_a_breadcrumb_trail_glued_to_it_where_the_headline_stands_alone_too(title, expected) -> None:
    from cleaner.frontends.headline import without_joined_trail

    lines = ["Local", "River floods the lower town", title, "The river burst its banks overnight."]
    assert without_joined_trail(title, lines, Vocabulary()) == (expected or title)
    assert without_joined_trail(title, [lines[0], title], Vocabulary()) == title  # the headline nowhere alone
    far = [title, *PARAGRAPHS, "More on the flood", "River floods the lower town"]
    assert without_joined_trail(title, far, Vocabulary()) == title  # a later section's heading is no headline


@pytest.mark.parametrize("name", ["de09", "de14"])
def test_a_breadcrumb_s_trail_is_no_headline_nor_a_list_s_item(name: str) -> None:
    """A trail of labels over the headline ("Meinung › Kommentare") says where the page sits: it is
    never the title, and it makes no list of headline-shaped lines with the headline under it (which
    would mark the headline as a menu's item and give the title to its standfirst)."""
    folder = Path(__file__).parent.parent / "bench" / "german"
    gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
    assert cleaner.clean((folder / f"{name}.txt").read_text(encoding="utf-8")).title == gold["title"]


def test_a_headline_before_its_site_s_name_is_no_trail() -> None:
    from cleaner.frontends.headline import without_joined_trail

    title = "Council Approves Bridge Budget | The Daily Gazette"
    assert without_joined_trail(title, ["The Daily Gazette", title], Vocabulary()) == title


def test_an_author_box_over_a_comment_thread_still_credits_the_story() -> None:
    comments = [
        "I live two streets from the river and the water came up faster than anyone expected that night.",
        "We had sandbags ready but they were not enough to keep the water out of the kitchen and the hall.",
        "Thanks to the crews who came by at three in the morning to check on the older people in our street.",
        "The council was warned about the banks years ago and did nothing about the repairs they promised.",
        "Every spring the same report comes out and every spring the money goes to something else instead.",
    ]
    thread = [
        line for name in ("John Smith", "Mary Jones") for line in (f"Posted by: {name} at October 15, 2025", *comments)
    ]
    box = ["Written by Jane Roe", "Jane Roe covers the valley's towns and rivers for the paper.", *comments]
    article = _story_with([*box, *thread])
    assert article.authors == ["Jane Doe", "Jane Roe"]


def test_a_headline_opening_with_at_is_no_dateline() -> None:
    story = "\n\n".join(PARAGRAPHS)
    headline = "At Least 12 Dead as Floods Hit the Lower Town"
    menu = ["Home", "World", "Business", "Sports", "Opinion", "Contact us", "Advertise", "Careers", "About us"] * 2
    article = cleaner.clean("\n".join([*menu, headline, "By Jane Doe", story, *menu]), kind="text")
    assert article.title == headline and article.authors == ["Jane Doe"]


STORY = [
    "A new survey of rental car customers found that satisfaction rose this year for the third year running, "
    "driven by travellers who skip the counter and go straight to their cars.",
    "The survey asked more than eleven thousand customers about their most recent rental, scoring each company "
    "on price, the vehicle, pick-up, return and the booking experience.",
    "Customers who used an app or a kiosk to collect their car were far more satisfied than those who queued "
    "at the counter, and they were also more likely to rent again.",
    "The average wait at an airport counter was twenty minutes, the survey found, and one in five customers "
    "waited for more than half an hour before they were given their keys.",
    "Companies that invested in their loyalty programmes saw the largest gains, while those that raised fees "
    "for fuel and tolls fell further behind their rivals this year.",
    "The firm behind the survey said it would repeat the study next spring, and add questions about electric "
    "cars and the chargers at airport car parks.",
]


HEAD = ["Rental car satisfaction rises as travellers skip the counter", "Oct 22, 2025"]


def _feed(date: str) -> list[str]:
    """Three teasers of other stories, newest first: a headline, its date, a summary."""
    return [
        line
        for n, day in enumerate((19, 18, 17))
        for line in (
            f"Regional airline number {n} opens a new route to the coast",
            date.format(day=day),
            "The carrier will fly twice a day from the spring, with fares from forty pounds each way.",
        )
    ]


def test_a_feed_of_dated_teasers_under_the_story_ends_the_run_but_one_inside_the_story_does_not() -> None:
    menu = [f"Section {n}" for n in range(20)]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers"]
    below = cleaner.clean("\n".join([*menu, *HEAD, *STORY, *_feed("Dec {day}, 2025"), *footer]), kind="text").body
    assert all(paragraph in below for paragraph in STORY) and "Regional airline" not in below
    # A box of teasers set inside the story, which goes on below it, leaves the run whole.
    text = "\n".join([*menu, *HEAD, *STORY[:3], *_feed("Dec {day}, 2025"), *STORY[3:], *STORY, *footer])
    assert all(paragraph in cleaner.clean(text, kind="text").body for paragraph in STORY)


def test_a_feed_followed_by_a_box_of_older_picks_still_ends_the_run() -> None:
    menu = [f"Section {n}" for n in range(20)]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers"]
    picks = [
        line
        for n, year in enumerate((2019, 2021, 2020))
        for line in (f"Our pick number {n}: the best train journeys in Europe", f"Sep 16, {year}", STORY[1])
    ]
    text = "\n".join([*menu, *HEAD, *STORY, *_feed("Dec {day}, 2025"), "Did you miss these?", *picks, *footer])
    body = cleaner.clean(text, kind="text").body
    assert STORY[-1] in body and "Regional airline" not in body and "Our pick" not in body


def test_a_diary_s_dated_entries_after_the_story_are_no_feed() -> None:
    """A date before a colon heads its entry, as no teaser's date does."""
    menu = [f"Section {n}" for n in range(20)]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers"]
    entries = [
        line
        for day in (19, 18, 17)
        for line in (f"Dec {day}, 2025:", f"Entry {day}: shipping labels for the new courier", "Fixed the totals.")
    ]
    body = cleaner.clean("\n".join([*menu, *HEAD, *STORY, *entries, *footer]), kind="text").body
    assert "Entry 18: shipping labels for the new courier" in body


def test_a_live_blog_s_updates_and_an_article_s_events_in_calendar_order_are_no_feed() -> None:
    """A live blog stamps its updates with the hour; a list of events or a timeline runs in calendar
    order, where a feed of stories goes back in time."""
    menu = [f"Section {n}" for n in range(20)]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers"]
    updates = [
        line
        for day in (19, 18, 17)
        for line in (f"Dec {day}, 2025 10:42 PM", f"Update {day}: counting goes on in the north", STORY[0])
    ]
    events = [
        line
        for n, day in enumerate((17, 18, 19))
        for line in (f"Jazz weekend number {n} on the river at the old docks", f"Dec {day}, 2025", STORY[1])
    ]
    for entries, probe in ((updates, "Update 18: counting goes on in the north"), (events, "Jazz weekend number 1")):
        body = cleaner.clean("\n".join([*menu, *HEAD, *STORY, *entries, *footer]), kind="text").body
        assert probe in body


def test_a_paragraph_under_a_prompt_that_closes_the_story_is_no_biography_however_it_opens() -> None:
    # An app's prompt with one paragraph under it closes the story; a biography goes there however
    # it reads, but a sentence opening on lower-case words after its first ("Sowing of kharif crops
    # has ...") names no one.
    last = "Sowing of kharif crops has picked up pace, with paddy acreage up 11 per cent from last year, according to data."
    text = "\n".join(
        [
            "Rainfall during June was 9 per cent above the long period average, officials said, with central India"
            " receiving the most rain.",
            "The department has forecast above-normal rainfall for July across most parts of the country, except the"
            " northeast and parts of the south peninsula.",
            "Download the Times Now app for the latest news alerts",
            last,
        ]
    )
    assert last in cleaner.clean(text, kind="text").body


# A German page's dump (the page's head cut short): a newsletter's prompt stands between the story's
# last two paragraphs.
_PROMPT_INSIDE_STORY = """Bundestag beschließt Reform der Schuldenbremse
Nach monatelangem Streit hat der Bundestag die Reform verabschiedet. Die Opposition kündigt Klage an.
Lesezeit: 4 Min.
Artikel anhören
Teilen
Der Bundestag hat am Freitag mit der nötigen Zweidrittelmehrheit eine Reform der Schuldenbremse beschlossen. \
Für das Gesetz stimmten 512 Abgeordnete, 206 votierten dagegen.
Die Reform erlaubt den Ländern künftig eine strukturelle Neuverschuldung von bis zu 0,35 Prozent des \
Bruttoinlandsprodukts, wie es bislang nur dem Bund gestattet war.
Bundesfinanzminister Jörg Kukies (SPD) während der Debatte im Bundestag. Foto: dpa/Kay Nietfeld
Lesen Sie auch: Was die Schuldenbremse für Ihre Rente bedeutet
Kritiker bemängeln, dass die Reform keine verbindlichen Investitionsquoten vorsieht. "Das Geld droht im \
Haushalt zu versickern", sagte ein Sprecher des Bundes der Steuerzahler.
Anzeige
Die Union hatte sich lange gegen eine Änderung gesperrt, lenkte aber nach zähen Verhandlungen ein, nachdem \
zusätzliche Mittel für die Bundeswehr zugesagt worden waren.
Jetzt unseren kostenlosen Newsletter abonnieren und täglich informiert bleiben!
Der Bundesrat muss der Reform noch zustimmen. Eine Abstimmung ist für den 21. März geplant, eine Mehrheit gilt als sicher.
Mehr zum Thema
Schuldenbremse: Die wichtigsten Fragen und Antworten
Länder fordern mehr Spielraum bei Investitionen
Kommentar: Ein fauler Kompromiss
© dpa-infocom, dpa:250314-99-123456/3
Schlagworte: Bundestag, Schuldenbremse, Haushalt
Kommentare
Diskutieren Sie mit! Bitte beachten Sie unsere Netiquette.
Die Kommentarfunktion ist für diesen Artikel geschlossen.
Impressum | Datenschutz | Kontakt | AGB
© 2025 Beispiel Verlag GmbH"""


def test_a_prompt_between_two_of_the_story_s_paragraphs_does_not_end_the_story() -> None:
    body = cleaner.clean(_PROMPT_INSIDE_STORY, kind="text").body
    assert "Der Bundesrat muss der Reform noch zustimmen." in body
    assert "Jetzt unseren kostenlosen Newsletter" not in body
    assert "Mehr zum Thema" not in body
