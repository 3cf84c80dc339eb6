"""The shortcuts the engine takes must not change what the rules see.

A rule plan calls every rule whose gate admits a line, as the gates define
it, remembers only the verdicts that depend on the line's text alone (asking
the other rules listed before them each time), and drops rules only where
they cannot fire; a family's trie-shaped alternation matches exactly what the
plain list of its phrases, longest first, matches.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from cleaner import vocab as vocab_module
from cleaner.article import Block
from cleaner.config import Config
from cleaner.rules.framework.context import Page
from cleaner.rules.framework.dispatch import RulePlan, plan_for
from cleaner.rules.framework.kinds import BlockRule, Gate, Hit
from cleaner.rules.framework.registry import RULE_MODULES, all_rules
from cleaner.vocab import WORD_SETS, Vocabulary
from tests.cases import case_lines

VOCAB_FOLDER = Path(__file__).resolve().parents[1] / "cleaner" / "vocab"
# The phrase families; the word sets are read a word at a time and never gate a rule.
FAMILIES = sorted(
    {
        family
        for path in VOCAB_FOLDER.glob("*.toml")
        for family in tomllib.loads(path.read_text("utf-8")).get("phrases", {})
    }
    - WORD_SETS
)
CONFIG = Config()
VOCAB = CONFIG.vocabulary
BLOCK_RULES = CONFIG.rules_of(BlockRule)
# Lines that open the gates: the vocabularies' phrases, digits, separators, long and short text.
PHRASES = sorted(
    {p for family in ("read_more", "share_words", "byline_markers", "cookie_phrases") for p in VOCAB.phrases(family)}
)
PIECES = st.sampled_from(
    [*PHRASES, "2024", "Photo:", "©", "»", "by", "said:", "Reuters", "the council met on Tuesday."]
)
LINES = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map(" ".join)


def _rule(code: str, name: str, check, **fields) -> BlockRule:
    return BlockRule(code=code, name=name, family="test", doc="", check=check, **fields)


def admitted(gate: Gate | None, text: str) -> bool:
    """A gate's definition, read plainly: size limits, then a phrase family or the pattern."""
    if gate is None:
        return True
    if not gate.min_words <= len(text.split()) <= gate.max_words or len(text) > gate.max_chars:
        return False
    if not gate.phrases and gate.pattern is None:
        return True
    has_phrase = any(VOCAB.search(family, text) for family in gate.phrases)
    pattern = gate.pattern_in(VOCAB)
    return has_phrase or (pattern is not None and pattern.search(text) is not None)


def tried(plan: RulePlan, text: str) -> list[str]:
    candidates = plan.candidates(text).every
    return [rule.code for rule, pattern in candidates if pattern is None or pattern.search(text)]


@given(lines=st.lists(LINES, min_size=1, max_size=8))
def test_a_plan_tries_every_rule_whose_gate_admits_the_line(lines: list[str]) -> None:
    plan = RulePlan(BLOCK_RULES, VOCAB)
    for text in lines:
        must = {rule.code for rule in BLOCK_RULES if admitted(rule.gate, text)}
        # Phrase families are a superset test (first words), so a plan may try more, never fewer.
        assert must <= set(tried(plan, text))


def test_block_rules_are_tried_in_the_order_of_their_modules_whatever_was_imported_first() -> None:
    import subprocess

    # Imported first, the last family module (or one a rule module imports) registers its rules first.
    code = (
        "import cleaner.rules.site, cleaner.rules.footer\n"
        "from cleaner.rules.framework.kinds import BlockRule\n"
        "from cleaner.rules.framework.registry import all_rules\n"
        "print(' '.join(r.check.__module__.rpartition('.')[2] for r in all_rules() if type(r) is BlockRule))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    places = [RULE_MODULES.index(module) for module in out.split()]
    assert places == sorted(places)
    assert len(places) == sum(type(rule) is BlockRule for rule in all_rules())


def test_a_plan_keeps_the_rules_order_and_skips_lines_too_long() -> None:
    def never(page, i):
        return None

    short = _rule("T001", "short", never, gate=Gate(max_words=3))
    digits = _rule("T002", "digits", never, gate=Gate(pattern=re.compile(r"\d")))
    ungated = _rule("T003", "ungated", never)
    plan = RulePlan((short, digits, ungated), VOCAB)
    assert tried(plan, "one two 3") == ["T001", "T002", "T003"]
    assert tried(plan, "one two three four 5") == ["T002", "T003"]
    assert tried(plan, "one two three four") == ["T003"]
    # A line of the same kind as one seen before gets the cached list, its pattern still checked.
    assert tried(plan, "five six seven eight") == ["T003"]


WORDS = st.text(alphabet="abc", min_size=1, max_size=4)


@given(
    phrases=st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=12),
    text=st.text(alphabet="abc -\t", max_size=40),
)
def test_a_family_alternation_matches_as_its_phrases_longest_first(phrases: list[str], text: str) -> None:
    plain = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    trie = Vocabulary({"test": phrases}).alternation("test")
    expected = re.search(rf"(?<!\w)(?:{plain})(?!\w)", text, re.IGNORECASE)
    found = re.search(rf"(?<!\w)(?:{trie})(?!\w)", text, re.IGNORECASE)
    assert (found and found.span()) == (expected and expected.span())


def _page(*lines: str, learned=None) -> Page:
    return Page([Block(text) for text in lines], VOCAB, learned=learned)


def test_a_verdict_on_the_text_alone_is_asked_once_per_line_text() -> None:
    asked: list[tuple[str, int]] = []

    def drop_ads(page: Page, i: int) -> Hit | None:
        asked.append(("alone", i))
        return Hit() if page.blocks[i].text == "Advertisement" else None

    def after_a_drop(page: Page, i: int) -> Hit | None:
        asked.append(("context", i))
        return None

    alone = _rule("T001", "ads", drop_ads, alone=True)
    context = _rule("T002", "context", after_a_drop)
    page = _page("Advertisement", "Body text.", "Advertisement", "Body text.")
    only_alone = RulePlan((alone,), VOCAB)
    assert [only_alone.first_hit(page, i) for i in range(4)] == [(alone, Hit()), None, (alone, Hit()), None]
    assert asked == [("alone", 0), ("alone", 1)]
    asked.clear()
    # A rule that looks at the page is asked afresh on every line, but only where no rule
    # before it in the list has removed the line.
    mixed = RulePlan((alone, context), VOCAB)
    assert [mixed.first_hit(page, i) for i in range(4)] == [(alone, Hit()), None, (alone, Hit()), None]
    assert asked == [("alone", 0), ("alone", 1), ("context", 1), ("context", 3)]
    asked.clear()
    # Listed first, it is asked before the remembered verdict of the rule after it.
    context_first = RulePlan((context, alone), VOCAB)
    assert [context_first.first_hit(page, i) for i in range(4)] == [(alone, Hit()), None, (alone, Hit()), None]
    assert asked == [("alone", 0), ("context", 0), ("alone", 1), ("context", 1), ("context", 2), ("context", 3)]


def test_rules_of_the_top_leave_the_plan_below_their_reach_and_profiled_ones_need_a_profile() -> None:
    def never(page: Page, i: int) -> None:
        return None

    top = _rule("T001", "top", never, gate=Gate(top=2))
    everywhere = _rule("T002", "everywhere", never)
    profiled = _rule("T003", "profiled", never, gate=Gate(profiled=True))
    plan = RulePlan((top, everywhere), VOCAB)
    assert plan.reach == 2 and plan.beyond is not None
    assert plan.beyond.rules == (everywhere,) and plan.beyond.reach == sys.maxsize
    assert RulePlan((top,), VOCAB).beyond is None
    assert plan_for(_page("x"), (everywhere, profiled)).rules == (everywhere,)
    assert plan_for(_page("x", learned=object()), (everywhere, profiled)).rules == (everywhere, profiled)
    assert plan_for(_page("x"), (profiled,)) is None


CASE_LINES = case_lines()


def test_a_rule_that_judges_a_line_by_itself_says_the_same_of_it_anywhere() -> None:
    """The contract that lets a plan remember verdicts: the line's neighbours and place never count."""
    alone = [rule for rule in BLOCK_RULES if rule.alone]
    for lines in CASE_LINES:
        page = _page(*lines)
        for i, line in enumerate(lines):
            for rule in alone:
                assert rule.check(page, i) == rule.check(_page(line), 0), (rule.code, line)


def _removed_only_where_admitted(rule: BlockRule, lines: list[str]) -> None:
    """A gate's phrases and pattern must hold of every line its rule removes: asked without the
    gate, the rule removes no line of the gate's size that they shut out. (The size limits are
    the rule's own: its body never repeats them.)"""
    page = _page(*lines)
    for i, line in enumerate(lines):
        if rule.gate.fits(len(line.split()), len(line)) and rule.check(page, i) is not None:
            assert admitted(rule.gate, line), (rule.code, line)


def test_every_line_a_rule_removes_in_the_cases_passes_its_gate() -> None:
    gated = [rule for rule in BLOCK_RULES if rule.gate is not None and not rule.gate.profiled]
    for lines in CASE_LINES:
        for rule in gated:
            _removed_only_where_admitted(rule, lines)


RULES = {rule.code: rule for rule in BLOCK_RULES}
WHITE = st.sampled_from([" ", "  ", "\t", "\u00a0", ""])
# Pieces of lines the gates and rules look for.
CREDIT_PIECES = st.sampled_from(
    [
        *VOCAB.phrases("agencies"),
        *VOCAB.phrases("agency_credits")[:12],
        *[
            "(",
            ")",
            "[",
            "—",
            "-",
            ".",
            ",",
            "/",
            "&",
            "with inputs from",
            "Inputs by",
            "Reporting by",
            "Additional reporting by",
            "Editing by",
            "and",
        ],
    ]
)
NAME_WORDS = st.sampled_from(
    ["Jane", "DOE", "O'Neil", "J.R.R.", "doe", "Ann-Marie", "Édouard", "3M", "_x", "Lee,", "Li."]
)
DATE_PIECES = st.sampled_from(
    [
        "March 3, 2022",
        "3 mars 2022",
        "2022-03-03",
        "20.11.2019",
        "10:45",
        "IST",
        "Updated:",
        "Thursday,",
        "2021",
        "5 hours ago",
        "vor 5 Stunden",
        "4 min read",
        "il y a 2 jours",
        "By",
        "the",
        "council",
        "met",
        ".",
    ]
)
CAPTION_PIECES = st.sampled_from(
    [
        "Photo",
        "photo",
        "Foto",
        "Image caption",
        "credit",
        "Credit",
        "courtesy",
        "by",
        "BY",
        ":",
        "…",
        "...",
        "©",
        "(",
        ")",
        "|",
        "/",
        "AP Photo/Evan Vucci",
        "Getty Images",
        "REUTERS/Jane Doe",
        "Jane Doe",
        "The crowd outside.",
        "Photocredit:",
        "Fotoby",
        "Image 3 of 12",
        "2019",
    ]
)


COMMENT_PIECES = st.sampled_from(
    [
        *VOCAB.phrases("comment_counts"),
        *VOCAB.phrases("comment_prompts")[:8],
        "12",
        "1,024",
        "One",
        "(",
        ")",
        ":",
        "»",
        "Show all",
        "thoughts on",
        "thought on",
        "“Headline”",
        "to “Headline”",
        "Comments",
        "COMMENTS",
        "x",
    ]
)


def test_every_comment_count_noun_ends_in_a_letter() -> None:
    """What the comment-prompt gate assumes of a count run into its number ("Comments3"): a letter,
    or a Devanagari vowel sign or nasal mark ("टिप्पणियां")."""
    ends = [noun[-1] for noun in VOCAB.phrases("comment_counts")]
    assert [end for end in ends if not (end.isalpha() or "\u0900" <= end <= "\u097f")] == []


def _lines_of(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(WHITE, pieces), min_size=1, max_size=6).map(lambda parts: "".join(map("".join, parts)))


@given(
    credit=_lines_of(CREDIT_PIECES),
    name=_lines_of(NAME_WORDS),
    dated=_lines_of(DATE_PIECES),
    caption=_lines_of(CAPTION_PIECES),
    comments=_lines_of(COMMENT_PIECES),
)
# A picture's word run into its credit ("PhotoPhoto") is no word of the gate's: nor of the rule's.
@example(credit=" kna", name=" Jane", dated=" March 3, 2022", caption=" by ( PhotoPhoto", comments=" kommentare")
@example(credit=" kna", name=" Jane", dated=" March 3, 2022", caption=" The crowd. BY Fotoby Jane Doe", comments=" x")
def test_gates_of_lines_opening_or_shaped_alike_hold_of_every_line_their_rules_remove(
    credit: str, name: str, dated: str, caption: str, comments: str
) -> None:
    _removed_only_where_admitted(RULES["CRD001"], ["Body text.", credit])
    bio = f"{name.split()[0] if name.split() else name} is a senior reporter who writes on housing for the paper."
    _removed_only_where_admitted(RULES["BYL002"], [name, "Senior Reporter", bio])
    _removed_only_where_admitted(RULES["TIM001"], ["Body text.", dated])
    _removed_only_where_admitted(RULES["CAP001"], [caption])
    _removed_only_where_admitted(RULES["COM002"], [comments])


def test_a_rule_that_reads_ahead_reads_nothing_beyond_its_reach() -> None:
    """The contract that lets a later pass skip a rule where the blocks within its reach are
    unchanged: gaps, what is kept or found and the blocks past its reach never count."""
    reading = [rule for rule in BLOCK_RULES if rule.reads_ahead is not None]
    assert {rule.code for rule in reading} >= {"PRM008", "PRM009"}
    for lines in CASE_LINES:
        page = _page(*lines)
        for i in range(len(lines)):
            for rule in reading:
                within = lines[: i + 1 + rule.reads_ahead]
                altered = _page(*within, "A sentence past the rule's reach.", "Jane Doe is a reporter.")
                for block in altered.blocks:
                    block.gap_before = not block.gap_before
                altered.kept, altered.article.title = 7, "A title found before"
                assert rule.check(page, i) == rule.check(altered, i), (rule.code, lines[i])


def test_remembered_verdicts_give_the_first_hit_of_asking_every_candidate_in_order() -> None:
    plan = RulePlan(BLOCK_RULES, VOCAB)
    for _ in range(2):  # the second time round, the verdicts of the first are remembered
        for lines in CASE_LINES:
            page = _page(*lines)
            for i, line in enumerate(lines):
                asked_in_order = next(
                    ((rule, hit) for rule in BLOCK_RULES if admitted(rule.gate, line) and (hit := rule.check(page, i))),
                    None,
                )
                assert plan.first_hit(page, i) == asked_in_order, line


def test_verdicts_on_marked_up_blocks_are_not_remembered() -> None:
    def list_items_only(page: Page, i: int) -> Hit | None:
        return Hit() if page.blocks[i].tag == "li" else None

    rule = _rule("T001", "list-items", list_items_only, alone=True)
    plan = RulePlan((rule,), VOCAB)
    page = Page([Block("Subscribe now", tag="li"), Block("Subscribe now", tag="p")], VOCAB)
    assert plan.first_hit(page, 0) == (rule, Hit())
    assert plan.first_hit(page, 1) is None


def test_long_and_deeply_nested_phrases_still_make_a_regex() -> None:
    banner = " ".join(["cookies"] * 120)
    nested = [" ".join(["more"] * n) for n in range(1, 300)]
    vocab = Vocabulary({"cookie_phrases": [banner], "read_more": nested})
    assert vocab.search("cookie_phrases", f"Note: {banner}.")
    assert vocab.starts("read_more", "more more more!").group().strip("! ") == "more more more"


@given(text=st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_line_has_the_words_the_word_pattern_finds(text: str) -> None:
    assert vocab_module._words(text) == vocab_module._WORD_RUN.findall(text.casefold())


def test_a_line_carries_a_family_only_when_it_holds_a_phrase_word_for_word() -> None:
    vocab = Vocabulary({"test_read_more": ["read more", "more"], "test_share": ["share this article"]})
    read_more, share = vocab.family_bits(["test_read_more"]), vocab.family_bits(["test_share"])
    assert vocab.line_families("READ  more: the story") & read_more
    assert not vocab.line_families("Read the story") & read_more
    assert vocab.line_families("Share this article") & share
    assert not vocab.line_families("Share this story") & share
    assert not vocab.line_families("Share this") & share


def test_every_phrase_family_is_gated_by_its_words_even_across_case_variants() -> None:
    # A family no word can vouch for would be asked of every line: the gate would cost
    # without sparing anything.
    assert VOCAB.line_families("") == 0
    # A case-insensitive match takes "ſ" for "s", the Kelvin sign for "k", "ᲀ" for "в": a line
    # spelled with them still holds the phrase, and the gate must admit it.
    variants = str.maketrans({"s": "ſ", "k": "\u212a", "в": "ᲀ", "о": "ᲂ", "д": "ᲁ", "т": "ᲄ"})
    for family in FAMILIES:
        for phrase in VOCAB.phrases(family):
            line = f"x {phrase.translate(variants)} x"
            if VOCAB.search(family, line):
                assert VOCAB.line_families(line) & VOCAB.family_bits([family]), (family, line)
    # A combining mark is no word character, so a phrase beside one is still found.
    assert VOCAB.line_families("kommentar\u0345") & VOCAB.family_bits(["comment_nouns"])


def test_no_gate_names_a_word_set_the_phrase_index_leaves_out() -> None:
    gated = {family for rule in all_rules() if getattr(rule, "gate", None) for family in rule.gate.phrases}
    assert gated, "the rules' gates name phrase families"
    assert not gated & WORD_SETS
