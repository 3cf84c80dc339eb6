"""Whole paragraphs: a paragraph is a block, never a source line; line breaks that mean something stay.

HTML: whitespace inside a block collapses as a browser collapses it; `<br>` and `<pre>` keep
their breaks, but a paragraph the page hard-wrapped with `<br>` is one; a one-line `<code>` is a
word of its sentence; two blocks that the page renders on one line are one. Plain text
hard-wrapped at a fixed width is read back as its paragraphs, and a removal still records every
input line it took.
"""

from __future__ import annotations

import re

from cleaner import clean
from cleaner.article import Block, Markup
from cleaner.evaluate.reading import paragraphs, split_sentences
from cleaner.explain import explain_text
from cleaner.frontends.rendered import join_rendered_lines
from cleaner.frontends.text import to_blocks
from cleaner.markdown import Style, markdown

# A page dump's menu: short lines, some in lower case, around what the tests wrap.
MENU = ["Home", "News", "sport", "opinion", "weather", "Contact us", "more from the town"] * 4
BODY = "<p>Some text long enough to count as body, and then some more words for it.</p>"

# A paragraph wrapped at a width with lines ending on function words, and one whose lines end on
# nouns and verbs (which alone tells no wrapping from a list's lines).
WRAPPED_ON_FUNCTION_WORDS = [
    "Get your branding in place: the earlier the better when it comes to",
    "building your brand. You will want to decide your business name and",
    "tagline, select your brand colours, and choose your brand fonts.",
]
WRAPPED_ON_NOUNS = [
    "Using gym equipment safely also involves being mindful of surroundings",
    "and being aware of others using the equipment. It is important to avoid",
    "blocking pathways or hogging equipment for extended periods of time.",
]


def _page(inside: str) -> str:
    return f"<html><body><article><h1>Floods close schools</h1>{BODY}{inside}</article></body></html>"


def test_a_paragraph_hard_wrapped_in_the_source_is_one_paragraph() -> None:
    body = clean(_page('<p>A <a href="/x">link</a> on\n  the next line\n  and more.</p>')).body
    assert paragraphs(body)[-1] == "A link on the next line and more."
    assert split_sentences(paragraphs(body)) == 0


def test_line_breaks_and_preformatted_text_keep_their_breaks() -> None:
    body = clean(
        _page("<p>Line one of the address<br>Line two of the address</p><pre>first line\nsecond line</pre>")
    ).body
    assert paragraphs(body)[-4:] == ["Line one of the address", "Line two of the address", "first line", "second line"]


def test_a_paragraph_the_page_hard_wrapped_with_line_breaks_is_one_paragraph() -> None:
    wrapped = (
        "Gym equipment refers to the various machines, tools, and accessories used in a<br>"
        'fitness facility to help people reach <a href="https://x.example/goals">their goals</a>. These are meant to<br>'
        "target different muscle groups, improve the health of the heart, and build up the<br>"
        "strength of the whole body over the weeks of a training plan."
    )
    article = clean(_page(f"<p>{wrapped}</p>"))
    found = paragraphs(article.body)
    assert found[-1] == re.sub(r"<br>|<[^>]+>", lambda tag: " " if tag[0] == "<br>" else "", wrapped)
    assert split_sentences(found) == 0
    written = markdown(article, Style(links=True, front_matter=False))  # the link's run goes with its line
    assert "people reach [their goals](https://x.example/goals). These are meant to target" in written


def test_a_list_set_apart_by_line_breaks_keeps_its_lines() -> None:
    items = ["two cups of plain flour", "one spoon of fresh yeast", "a pinch of fine sea salt", "warm water"]
    found = paragraphs(clean(_page(f"<p>{'<br>'.join(items)}</p>")).body)
    assert found[-4:] == items


def test_a_paragraph_that_shows_nothing_is_no_paragraph() -> None:
    page = _page("<p>\u200d</p><p>The schools reopen on Monday, the council said.</p><p>\u200b \ufeff</p>")
    text = "Floods close schools\n\u200d\nThe schools reopen on Monday, the council said.\n\u200d\u200d"
    for article in (clean(page), clean(text, kind="text")):
        assert article.paragraphs[-1] == "The schools reopen on Monday, the council said."
        assert all(re.search(r"\w", paragraph) for paragraph in article.paragraphs)
    assert clean("Family 👨\u200d👩\u200d👧 day out", kind="text").body == "Family 👨\u200d👩\u200d👧 day out"


def test_inline_code_is_a_word_of_its_sentence() -> None:
    body = clean(_page("<p>Create an <code>HttpClient</code> instance for each host you call often.</p>")).body
    assert paragraphs(body)[-1] == "Create an HttpClient instance for each host you call often."


def test_a_run_of_text_cut_at_a_link_is_joined_as_the_page_renders_it() -> None:
    inside = (
        '<div>Apple kept the same processors as the <a href="/older">previous models</a> but gave the '
        "machine a larger battery and a new keyboard, reviewers said after a week of tests.<br><br>"
        "Prices start at the same level as before, the company said.</div>"
    )
    found = paragraphs(clean(_page(inside)).body)
    assert "Apple kept the same processors as the previous models but gave the machine a larger battery" in found[-2]
    assert split_sentences(found) == 0


def test_a_page_extracted_as_one_run_of_text_keeps_its_lines_apart() -> None:
    # A page with no container of its own: the extraction glues its headline and lines together.
    story = "The council met on Monday to agree the roads budget for next year, which rises by four per cent."
    article = clean(f"<html><body><h1>Roads budget</h1><p>{story}</p></body></html>")
    assert (article.title, article.body) == ("Roads budget", story)
    films = "<div><span>Scream 7</span></div><div><span>2026</span><span> 1h 54m</span></div><div>The Bluff</div>"
    article = clean(f"<html><body><h1>Most popular films</h1>{films}</body></html>")
    assert paragraphs(article.body) == ["Scream 7", "2026 1h 54m", "The Bluff"]


RUN_ON = (
    "Weight gain happens when we eat more calories than we burn. Choosing whole grains can lower our risk of",
    "heart disease and diabetes, and cutting them out can mean missing out on essential nutrients.",
)


def test_a_sentence_run_on_across_two_paragraphs_is_one_paragraph() -> None:
    dump = "\n".join(["Carbs and weight", *RUN_ON, "The bottom line: there is no need to fear carbs."])
    assert paragraphs(clean(dump, kind="text").body)[0] == " ".join(RUN_ON)
    assert paragraphs(clean(_page("".join(f"<p>{line}</p>" for line in RUN_ON))).body)[1] == " ".join(RUN_ON)
    # A list's items, a name or a line of code under a paragraph are no sentence's run.
    for after in ("by Jane Doe, The Courier", "stripe.api_key = 'sk_test'", "your toddler sleeps in a crib"):
        assert [block.text for block in to_blocks(f"{RUN_ON[0]}\n{after}")] == [RUN_ON[0], after]
    # Nor is a line of a hard-wrapped paragraph as wide as the one over it: that is the wrapping's to tell.
    assert len(to_blocks("\n".join(WRAPPED_ON_NOUNS))) == 3


def test_a_sentence_cut_after_a_number_runs_on_but_a_source_or_a_name_under_it_does_not() -> None:
    opened = "Weight gain happens when we eat more than we burn. Whole grains can lower our risk of type 2"
    run_on = "diabetes. Cutting out carbs can mean missing out on essential nutrients."
    assert [block.text for block in to_blocks(f"{opened}\n{run_on}")] == [f"{opened} {run_on}"]
    census = "The city grew fast. Its population was estimated at 8,336,817 in the census of 2022"
    score = "The match was close. The home side led until late, and the final score was 3 to 2"
    for above, after in ((census, "source: census bureau."), (score, "de Jong scored twice."), (RUN_ON[0], "etc.")):
        assert [block.text for block in to_blocks(f"{above}\n{after}")] == [above, after]


def _joined(*blocks: tuple[str, str], rendered: str) -> list[str]:
    """The texts of (tag, text) blocks, each after the first set apart, once rejoined against `rendered`."""
    found = [Block(text, gap_before=k > 0, tag=tag) for k, (tag, text) in enumerate(blocks)]
    return [block.text for block in join_rendered_lines(found, rendered)]


def test_loose_text_and_the_paragraph_cut_from_it_at_a_link_are_one_sentence() -> None:
    rendered = "It stands for digital single-lens reflex but the mechanics of a DSLR are fairly simple.\n"
    cut = [("div", "It stands for digital single-lens reflex but the"), ("p", "mechanics of a DSLRare fairly simple.")]
    assert _joined(*cut, rendered=rendered) == [
        "It stands for digital single-lens reflex but the mechanics of a DSLR are fairly simple."
    ]
    # Cut before a name, after a function word, and before the sentence's own punctuation.
    rendered = "The report was shared by DigiTimes, a trade paper.\n"
    cut = [("p", "The report was shared by"), ("div", "DigiTimes"), ("p", ", a trade paper.")]
    assert _joined(*cut, rendered=rendered) == ["The report was shared by DigiTimes, a trade paper."]


def test_a_button_or_a_label_after_a_paragraph_stays_apart_though_rendered_on_its_line() -> None:
    def apart(*blocks: tuple[str, str]) -> bool:
        rendered = " ".join(text for _, text in blocks) + "\n"
        return _joined(*blocks, rendered=rendered) == [text for _, text in blocks]

    assert apart(("p", "This webcam shows the valley from the east."), ("div", "View Webcam"))
    assert apart(("div", "Best Used For"), ("p", "Device storage and small parts"))
    assert apart(("div", "Colour"), ("p", "matte black with a grey trim"))
    assert apart(("div", "What to look for"), ("p", "Price matters most when you buy one."))
    assert apart(("h2", "Why We Like It"), ("p", "it is small"))
    # A label run into its value with no space between, however long, is no sentence running on.
    glued = [("div", "The price of the model we tested for"), ("p", "Portraits")]
    assert _joined(*glued, rendered="The price of the model we tested forPortraits\n") == [text for _, text in glued]


def test_a_joined_paragraph_keeps_its_links_for_markdown() -> None:
    first = Block("The report was shared by", tag="p", markup=Markup(spans=(("The report was shared by", None),)))
    name = Block(
        "DigiTimes", gap_before=True, tag="div", markup=Markup(spans=(("DigiTimes", "https://digitimes.com/"),))
    )
    rest = Block(", a trade paper.", gap_before=True, tag="p")
    (joined,) = join_rendered_lines([first, name, rest], "The report was shared by DigiTimes, a trade paper.\n")
    assert joined.markup is not None
    assert (
        "".join(text for text, _ in joined.markup.spans)
        == joined.text
        == "The report was shared by DigiTimes, a trade paper."
    )
    assert ("DigiTimes", "https://digitimes.com/") in joined.markup.spans


WRAPPED = """Council approves the new flood plan

The council approved the new flood plan on Tuesday after a long debate that
ran late into the evening, with residents from the lower town filling the
public gallery and several members asking for more time to read the report.

The plan will raise the river walls by half a metre and add two pumping
stations, the council said, and work should start in the spring once the
contracts are signed and the money from the national fund has arrived.

Advertisement

Members who voted against it said the cost had doubled since the first
draft and that the lower town would still flood in a storm like last year's.
"""


def test_hard_wrapped_text_is_read_back_as_its_paragraphs() -> None:
    article = clean(WRAPPED, kind="text")
    assert article.title == "Council approves the new flood plan"
    assert [p[:40] for p in article.paragraphs] == [
        "The council approved the new flood plan ",
        "The plan will raise the river walls by h",
        "Members who voted against it said the co",
    ]
    assert article.paragraphs[0].endswith("asking for more time to read the report.")
    assert split_sentences(article.paragraphs) == 0
    assert clean(article.body, kind="text").body == article.body


def test_a_removal_from_wrapped_text_records_each_input_line() -> None:
    text = WRAPPED.replace("Advertisement\n\n", "")
    text += (
        "\nThe comments posted here/below/in the given space are not on behalf of\n"
        "the Courier. The person posting the comment will be in sole ownership of\nits responsibility.\n"
    )
    article = clean(text, kind="text")
    records = [(r.line, r.code) for r in article.removals if r.code == "COM001"]
    assert records == [(14, "COM001"), (15, "COM001"), (16, "COM001")]
    explained = {line.number: line.removal.code for line in explain_text(text, article) if line.removal}
    assert explained[14] == explained[15] == explained[16] == "COM001"
    assert article.publisher == "the Courier" or article.publisher == "Courier"


def test_a_whole_page_dump_is_not_taken_for_wrapped_text() -> None:
    sentence = "The council approved the plan on Tuesday after a long debate that ran late"
    dump = "\n".join([*MENU, sentence, "into the night and into the morning after.", *MENU])
    assert all(len(block.input_lines) == 1 for block in to_blocks(dump))
    assert any(len(block.input_lines) > 1 for block in to_blocks(WRAPPED))


def test_a_paragraph_wrapped_in_a_page_dump_is_one_block_but_a_list_in_lower_case_is_not() -> None:
    wrapped = [
        "Get your branding in place: the earlier the better when it comes to",
        "building your brand. You will want to decide your business name and",
        "tagline, select your brand colours, and choose your brand fonts.",
    ]
    items = [
        "fresh cheese of any kind, weighed before the market opens each day",
        "vegetables of every type that can be eaten raw on the same morning",
        "mushrooms picked in the forest by the village families last autumn",
    ]
    blocks = to_blocks("\n".join([*MENU, *wrapped, *MENU, *items, *MENU]))
    assert " ".join(wrapped) in [block.text for block in blocks]
    assert all(item in [block.text for block in blocks] for item in items)
    joined = next(block for block in blocks if block.text.startswith("Get your branding"))
    assert joined.input_lines == tuple(wrapped) and joined.line == len(MENU) + 1


def test_a_paragraph_wrapped_in_a_page_dump_is_one_block_where_its_lines_end_on_sentences_too() -> None:
    wrapped = [
        "Weight machines guide every movement along a fixed path, which is good for",
        "beginners who are still learning how to lift their first weights safely.",
        "Free weights ask more of the body: dumbbells and kettlebells must be held",
        "steady through the whole lift, which trains balance and coordination too.",
    ]
    heading = "Cardio Machines: Treadmills, Ellipticals, Rowing Machines and Stationary Bikes"
    after = "Treadmills are the most popular of them all, and the easiest to start on."
    texts = [block.text for block in to_blocks("\n".join([*MENU, *wrapped, heading, after, *MENU]))]
    assert " ".join(wrapped) in texts
    assert heading in texts and after in texts


def test_a_wrapped_paragraph_whose_lines_end_on_nouns_is_one_block_on_a_page_that_wraps_its_paragraphs() -> None:
    wrapped, on_nouns = WRAPPED_ON_FUNCTION_WORDS, WRAPPED_ON_NOUNS
    texts = [block.text for block in to_blocks("\n".join([*MENU, *wrapped, *MENU, *on_nouns, *MENU]))]
    assert " ".join(on_nouns) in texts
    texts = [block.text for block in to_blocks("\n".join([*MENU, *on_nouns, *MENU]))]
    assert all(line in texts for line in on_nouns)  # alone, nothing says the page wraps its paragraphs


def test_a_page_that_wraps_a_paragraph_with_line_breaks_wraps_its_others_at_that_width_too() -> None:
    wrapped, on_nouns = WRAPPED_ON_FUNCTION_WORDS, WRAPPED_ON_NOUNS
    alone = paragraphs(clean(_page(f"<p>{'<br>'.join(on_nouns)}</p>")).body)
    assert alone[-3:] == on_nouns  # alone, nothing says the page wraps its paragraphs
    found = paragraphs(clean(_page(f"<p>{'<br>'.join(wrapped)}</p><p>{'<br>'.join(on_nouns)}</p>")).body)
    assert found[-2:] == [" ".join(wrapped), " ".join(on_nouns)]


def test_two_lines_wrapped_after_a_lead_in_are_one_paragraph_on_a_page_that_wraps_its_paragraphs() -> None:
    """A `<br>` paragraph cut at its lead-in's colon leaves two wrapped lines under it: on a page
    known to wrap at their width, one ending open on a function word runs into the next."""
    wrapped = WRAPPED_ON_FUNCTION_WORDS
    tail = [
        "bakes in helpful automation without taking control away from you:",
        "AI helps with background and noise removal, motion tracking, and",
        "even automatic subtitle generation in several languages.",
    ]
    found = paragraphs(clean(_page(f"<p>{'<br>'.join(wrapped)}</p><p>{'<br>'.join(tail)}</p>")).body)
    assert found[-2:] == [tail[0], " ".join(tail[1:])]
    alone = paragraphs(clean(_page(f"<p>{'<br>'.join(tail)}</p>")).body)
    assert alone[-2:] == tail[1:]  # alone, nothing says the page wraps its paragraphs
    item = ["Pack a torch for the night walk, and", "spare batteries"]  # no sentence closed: a list's lines
    listed = paragraphs(clean(_page(f"<p>{'<br>'.join(wrapped)}</p><p>{'<br>'.join(item)}</p>")).body)
    assert listed[-2:] == item
    # A couplet breaks where its verse does, with room left on the line for the next word.
    verse = ["The morning came up grey and quiet across the water, and", "the boats lay still beneath the wall."]
    couplet = paragraphs(clean(_page(f"<p>{'<br>'.join(wrapped)}</p><p>{'<br>'.join(verse)}</p>")).body)
    assert couplet[-2:] == verse
