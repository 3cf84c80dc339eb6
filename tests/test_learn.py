"""Site profiles learned from a corpus: what is learned, what is kept, and the bounded counting.

The corpus is three made-up news sites with 32-40 pages each. Bodies are
built from varied news sentences; each site adds its own furniture, in
phrasings no single-page rule knows, plus real content that recurs: a
syndicated wire paragraph, a repeated quote, short common sentences.
"""

from __future__ import annotations

import json
import pickle
import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import Config, clean
from cleaner.cli import main
from cleaner.io import Document
from cleaner.learn import Learner, Reader, Sighting, Thresholds, items_of
from cleaner.metadata import folder_site, url_site
from cleaner.profile import Profile, load_profile, site_boilerplate

SUBJECTS = [
    "The county council",
    "Residents of the east bank",
    "The regional water authority",
    "A group of local farmers",
    "The school board",
    "Volunteers from the fire brigade",
    "The new hospital director",
    "Shop owners on Market Street",
    "The state transport agency",
    "Researchers at the agricultural college",
    "The mayor's office",
    "Two former councillors",
    "The parish youth club",
    "Police in the northern district",
    "The tourism office",
]
ACTIONS = [
    "approved a plan to",
    "voted against a proposal to",
    "raised money to",
    "asked the state government to",
    "published a report urging officials to",
    "began a campaign to",
    "warned that it may take years to",
    "has struggled for months to",
    "agreed in principle to",
    "said it would study whether to",
]
OBJECTS = [
    "rebuild the footbridge near the old mill",
    "extend the evening bus service to Hollow Creek",
    "repair the flood wall along the river road",
    "open a second clinic in the market district",
    "replace the lead pipes in older homes",
    "restore the library's reading room",
    "cut parking fees for night workers",
    "plant two thousand trees along the ring road",
    "expand the farmers' market to Sundays",
    "hire more teachers for the primary schools",
    "convert the empty depot into housing",
    "install street lights on the canal path",
]
TAILS = [
    "after a heated public meeting",
    "despite objections from several neighbours",
    "before the winter storms arrive",
    "at a cost of about {n} thousand dollars",
    "within the next {n} months",
    "following complaints from commuters",
    "as part of a wider budget review",
    "with support from a private donor",
    "once the insurance claims are settled",
]
PEOPLE = [
    "Councillor Maria Okafor",
    "Deputy mayor Tom Brennan",
    "Local historian Ruth Adeyemi",
    "Resident Samuel Ortiz",
    "Engineer Priya Raman",
    "Head teacher Colin Marsh",
    "Farmer Ines Duarte",
    "Nurse Patrick Lowe",
]
VIEWS = ["overdue", "expensive", "welcome", "rushed", "sensible", "controversial", "unexpected", "long awaited"]
FOLLOW_UPS = [
    "{person} said the decision was {view} but that many questions remained.",
    "About {n} people attended the meeting, according to the organisers.",
    "{person} described the plan as {view} and asked for a public hearing.",
    "The work is expected to begin in spring if the budget allows it.",
    "Critics said the money would be better spent on {object}.",
    "{person} told the meeting that the town had waited {n} years for this.",
    "A final decision is due when the council meets again in {month}.",
    "Similar schemes in neighbouring towns have had mixed results.",
]
MONTHS = ["March", "April", "June", "September", "October", "November"]

WIRE = (
    "The state water board said in a statement that river levels across the region remained well above "
    "the seasonal average and that further flood warnings could follow."
)
QUOTE = '"We are not going to let this town wash away," Mayor Dana Whitfield told reporters.'
COMMON = ["He said.", "She added.", "Police declined to comment."]


@dataclass
class Site:
    name: str
    pages: int
    # (line, share of pages, at the top or the bottom)
    furniture: list[tuple[str, float, str]]
    extras: list[tuple[str, int]] = field(default_factory=list)


SITES = [
    Site(
        "valleycourier.com",
        36,
        [
            ("Valley Courier | Serving the river towns since 1921", 1.0, "top"),
            ("Tips? The Valley Courier newsroom reads every message sent to the desk.", 1.0, "bottom"),
            ("Courier Weekend: crosswords, recipes and the river report", 0.9, "bottom"),
            ("Printed and published by Valley Courier Media Group", 1.0, "bottom"),
            ("From our river desk", 0.5, "top"),
        ],
        extras=[(WIRE, 8), (QUOTE, 6)],
    ),
    Site(
        "harbourpost.co.uk",
        32,
        [
            ("Harbour Post — independent since 1887", 1.0, "top"),
            (
                "The Harbour Post is owned by its readers, and you can join them from three pounds a month.",
                0.95,
                "bottom",
            ),
            ("More from the quayside", 0.8, "bottom"),
            ("Filed under Harbour Life", 0.5, "bottom"),
            ("Filed under Boats and Business", 0.5, "bottom"),
        ],
    ),
    Site(
        "mountainherald.net",
        40,
        [
            ("MOUNTAIN HERALD ▲ Trail reports, weather and valley news", 1.0, "top"),
            ("Weather desk updated at {h}:{m:02d} am", 0.85, "top"),
            (
                "Elena Ruiz covers the backcountry for the Herald and has walked every trail in the county.",
                0.95,
                "bottom",
            ),
            ("Listen to the Herald Trail Hour every Sunday morning", 1.0, "bottom"),
        ],
    ),
]


@dataclass
class Page:
    site: str
    url: str
    text: str
    body: list[str]
    furniture: list[str]
    recurring: list[str]


def _sentence(rng: random.Random) -> str:
    tail = rng.choice(TAILS).format(n=rng.randint(2, 90))
    return f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)} {tail}."


def _paragraph(rng: random.Random) -> str:
    sentences = [_sentence(rng)]
    for _ in range(rng.randint(1, 3)):
        template = rng.choice(FOLLOW_UPS)
        sentences.append(
            template.format(
                person=rng.choice(PEOPLE),
                view=rng.choice(VIEWS),
                n=rng.randint(3, 400),
                object=rng.choice(OBJECTS),
                month=rng.choice(MONTHS),
            )
        )
    return " ".join(sentences)


def build_corpus(seed: int = 7) -> list[Page]:
    rng = random.Random(seed)
    pages = []
    for site in SITES:
        extra_pages = {line: set(rng.sample(range(site.pages), count)) for line, count in site.extras}
        for n in range(site.pages):
            body = [_paragraph(rng) for _ in range(rng.randint(5, 9))]
            recurring = []
            for line, on in extra_pages.items():
                if n in on:
                    body.insert(rng.randint(1, len(body) - 1), line)
                    recurring.append(line)
            if rng.random() < 0.5:
                common = rng.choice(COMMON)
                body.insert(rng.randint(1, len(body)), common)
                recurring.append(common)
            top, bottom = [], []
            for line, share, where in site.furniture:
                if rng.random() < share:
                    line = line.format(h=rng.randint(5, 9), m=rng.randint(0, 59))
                    (top if where == "top" else bottom).append(line)
            title = _sentence(rng).rstrip(".").split(" after ")[0]
            text = "\n\n".join([*top, title, *body, *bottom]) + "\n"
            url = f"https://www.{site.name}/news/{n:03d}-story"
            pages.append(Page(site.name, url, text, body, top + bottom, recurring))
    return pages


CORPUS = build_corpus()


def learn_profile(pages: list[Page], tmp_path: Path, capacity: int | None = None) -> Path:
    reader = Reader(Config())
    learner = Learner() if capacity is None else Learner(capacity=capacity)
    learner.feed(reader(Document(p.url, "text", data=p.text, url=p.url)) for p in pages)
    path = tmp_path / "profile.json"
    learner.profile().save(path)
    return path


@pytest.fixture(scope="module")
def profile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return learn_profile(CORPUS, tmp_path_factory.mktemp("profile"))


def test_the_learned_pass_removes_site_furniture_and_keeps_the_body(profile_path: Path) -> None:
    config = Config(profile=str(profile_path))
    furniture = removed = body = kept = 0
    for page in CORPUS:
        article = clean(page.text, url=page.url, config=config)
        paragraphs = set(article.paragraphs)
        furniture += len(page.furniture)
        removed += sum(line not in paragraphs for line in page.furniture)
        body += len(page.body)
        kept += sum(line in paragraphs for line in page.body)
        learned = {r.text for r in article.removals if r.code == "SITE001"}
        assert learned.isdisjoint(page.body), page.url
    assert removed / furniture >= 0.95
    assert kept / body >= 0.995


def test_the_furniture_is_beyond_the_single_page_rules() -> None:
    furniture = kept = 0
    for page in CORPUS:
        paragraphs = set(clean(page.text, url=page.url).paragraphs)
        furniture += len(page.furniture)
        kept += sum(line in paragraphs for line in page.furniture)
    assert kept / furniture > 0.5


def test_repeated_quotes_wire_copy_and_common_sentences_stay(profile_path: Path) -> None:
    config = Config(profile=str(profile_path))
    recurring = [p for p in CORPUS if p.recurring]
    assert {line for p in recurring for line in p.recurring} == {WIRE, QUOTE, *COMMON}
    for page in recurring:
        paragraphs = clean(page.text, url=page.url, config=config).paragraphs
        assert [line for line in page.recurring if line not in paragraphs] == [], page.url


def test_the_profile_records_site_counts_samples_and_thresholds(profile_path: Path) -> None:
    data = json.loads(profile_path.read_text(encoding="utf-8"))
    assert sorted(data["sites"]) == sorted(site.name for site in SITES)
    assert data["thresholds"]["min_documents"] == Thresholds().min_documents
    herald = data["sites"]["mountainherald.net"]
    assert herald["documents"] == 40
    assert herald["needed"] == {"furniture": 12, "prose": 28}
    samples = {item["sample"]: item for item in herald["items"]}
    # Digits do not count: every "updated at" time is one learned item.
    assert [s for s in samples if s.startswith("Weather desk updated at")] != []
    assert len([s for s in samples if s.startswith("Weather desk")]) == 1
    bio = next(item for item in herald["items"] if item["sample"].startswith("Elena Ruiz"))
    assert bio["kind"] == "prose" and bio["count"] >= herald["needed"]["prose"]
    assert all(len(item["hash"]) == 16 for site in data["sites"].values() for item in site["items"])


def test_removals_name_the_site_and_the_count(profile_path: Path) -> None:
    page = CORPUS[0]
    article = clean(page.text, url=page.url, config=Config(profile=str(profile_path)))
    details = {r.text: r.detail for r in article.removals if r.code == "SITE001"}
    assert details["Printed and published by Valley Courier Media Group"] == "valleycourier.com: on 36 of 36 pages"


def test_a_site_with_few_pages_learns_nothing(tmp_path: Path) -> None:
    few = [p for p in CORPUS if p.site == "harbourpost.co.uk"][: Thresholds().min_documents - 1]
    profile = load_profile(learn_profile(few, tmp_path))
    assert profile.sites == {}
    assert profile.counts["documents"] == len(few)


def test_other_sites_and_documents_without_a_site_are_left_alone(profile_path: Path) -> None:
    page = CORPUS[0]
    config = Config(profile=str(profile_path))
    for url in ("https://elsewhere.org/a", None):
        assert [r for r in clean(page.text, url=url, config=config).removals if r.code == "SITE001"] == []
    by_folder = clean(page.text, site="valleycourier.com", config=config)
    assert any(r.code == "SITE001" for r in by_folder.removals)


def test_short_and_sentence_shapes() -> None:
    items = items_of(["He said.", "Police declined to comment.", "—", "More from the quayside", WIRE, "12 34"])
    assert [(item.sample, item.prose) for item in items] == [("More from the quayside", False), (WIRE[:120], True)]


def test_site_keys() -> None:
    assert url_site("https://www.harbourpost.co.uk/x") == "harbourpost.co.uk"
    assert url_site(None) is None
    assert folder_site(Path("corpus/ValleyCourier.com/page.txt")) == "valleycourier.com"
    assert folder_site(None) is None


def _sighting(site: str, *keys: int) -> Sighting:
    from cleaner.learn import Item

    return Sighting(site, tuple(Item(key, False, f"line {key}") for key in keys))


def test_pruning_keeps_memory_bounded_and_counts_are_lower_bounds() -> None:
    learner = Learner(Thresholds(min_documents=10), capacity=200)
    truth: dict[int, int] = {}
    for doc in range(400):
        # Every page: a footer (key 1); every other page: a box (key 2); each page 20 lines of its own.
        keys = [1, *([2] if doc % 2 else []), *range(1000 + doc * 20, 1020 + doc * 20)]
        learner.add(_sighting("big.example", *keys))
        for key in keys:
            truth[key] = truth.get(key, 0) + 1
        assert learner.size <= 200
    learned = learner.profile().sites["big.example"]
    assert set(learned.items) == {1, 2}
    assert learned.items[1].count == 400 and learned.items[2].count == 200
    tallies = learner._sites["big.example"].tallies
    assert all(t.count <= truth[key] <= t.count + t.missed for key, t in tallies.items())
    assert learned.missed > 0


def test_pruning_drops_the_rarest_entries_first() -> None:
    learner = Learner(capacity=10)
    for _ in range(5):
        learner.add(_sighting("a.example", 1, 2))
    learner.add(_sighting("b.example", *range(10, 19)))
    assert learner.size <= 10 * 0.75
    kept = {key for site in learner._sites.values() for key in site.tallies}
    assert {1, 2} <= kept and not kept & set(range(10, 19))
    assert learner._sites["b.example"].floor == 1 and learner._sites["a.example"].floor == 0


def test_a_config_with_a_profile_pickles_as_its_path(profile_path: Path) -> None:
    config = Config(profile=str(profile_path))
    assert site_boilerplate(config.profile, "valleycourier.com") is not None
    copy = pickle.loads(pickle.dumps(config))
    assert copy.profile == str(profile_path)
    assert site_boilerplate(copy.profile, "valleycourier.com").documents == 36
    assert len(pickle.dumps(config)) < 1000


def test_the_profile_round_trips(profile_path: Path) -> None:
    profile = load_profile(profile_path)
    assert Profile.from_dict(profile.to_dict()) == profile


@pytest.mark.parametrize(
    "content",
    ["[]", '{"format": "cleaner-site-profile", "version": 1, "sites": 5}', '{"format": "cleaner-site-profile"'],
)
def test_a_profile_out_of_shape_is_one_usage_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "p.json").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("A story long enough to keep as it is.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "a.txt"), "--profile", str(tmp_path / "p.json")])
    assert result.exit_code == 2 and "cannot read profile" in result.stderr  # no traceback


def _write_corpus(root: Path) -> None:
    for page in CORPUS:
        folder = root / page.site
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{page.url.rsplit('/', 1)[1]}.txt").write_text(page.text, encoding="utf-8")


def test_learn_then_clean_with_the_profile_from_the_command_line(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in")
    records = tmp_path / "pages.jsonl"
    records.write_text("".join(json.dumps({"url": p.url, "text": p.text}) + "\n" for p in CORPUS), encoding="utf-8")
    runner = CliRunner()
    for source, profile in ((tmp_path / "in", tmp_path / "folders.json"), (records, tmp_path / "records.json")):
        result = runner.invoke(main, ["learn", str(source), "-o", str(profile), "-j", "1"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "for 3 of 3 sites from 108 documents" in result.output
    assert json.loads((tmp_path / "folders.json").read_text())["sites"].keys() == {s.name for s in SITES}
    out = tmp_path / "out"
    args = ["clean", str(tmp_path / "in"), "-o", str(out), "-j", "1", "--profile", str(tmp_path / "records.json")]
    result = runner.invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "SITE001 learned-site-boilerplate" in result.output
    page = CORPUS[0]
    cleaned = (out / page.site / f"{page.url.rsplit('/', 1)[1]}.txt").read_text(encoding="utf-8")
    assert "Printed and published by" not in cleaned
    assert page.body[0] in cleaned


def test_clean_learn_does_both_passes_and_explain_shows_the_learned_removals(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in")
    runner = CliRunner()
    profile = tmp_path / "profile.json"
    args = ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--learn", "--profile", str(profile)]
    result = runner.invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "learned" in result.output and "SITE001 learned-site-boilerplate" in result.output
    (tmp_path / "cleaner.toml").write_text(f"profile = {json.dumps(profile.name)}\n", encoding="utf-8")
    page = next(tmp_path.glob("in/harbourpost.co.uk/*.txt"))
    result = runner.invoke(main, ["explain", str(page), "--config", str(tmp_path / "cleaner.toml")])
    assert result.exit_code == 0, result.output
    assert (
        "- Harbour Post — independent since 1887  [SITE001 learned-site-boilerplate: harbourpost.co.uk: on 32 of 32 pages]"
        in result.output
    )


def test_clean_learn_refuses_stdin() -> None:
    result = CliRunner().invoke(main, ["clean", "-", "--learn"], input=b"text")
    assert result.exit_code == 2
    assert "not - for stdin" in result.output


def test_learning_past_a_document_it_cannot_read_writes_the_profile_and_exits_1(tmp_path: Path) -> None:
    """As `cleaner clean` does when a document fails: the profile holds what the others taught."""
    records = tmp_path / "pages.jsonl"
    lines = [json.dumps({"url": p.url, "text": p.text}) for p in CORPUS]
    records.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    profile = tmp_path / "profile.json"
    result = CliRunner().invoke(main, ["learn", str(records), "-o", str(profile), "-j", "1"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "(1 unreadable" in result.output
    assert json.loads(profile.read_text())["sites"].keys() == {s.name for s in SITES}
