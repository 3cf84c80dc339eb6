"""Golden samples: each samples/<name>.txt cleans to exactly samples/expected/<name>.json.

The expected files are reviewed by hand, field by field and line by line;
when a rule change alters one, read the difference before accepting it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Config, clean

SAMPLES = Path(__file__).parent.parent / "samples"
NAMES = sorted(path.stem for path in SAMPLES.glob("*.txt"))


def render(name: str) -> str:
    article = clean((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))
    return json.dumps(article.to_dict(), sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def test_every_sample_has_an_expected_result() -> None:
    expected = sorted(path.stem for path in (SAMPLES / "expected").glob("*.json"))
    assert len(NAMES) >= 10
    assert expected == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_sample_matches_expected(name: str) -> None:
    assert render(name) == (SAMPLES / "expected" / f"{name}.json").read_text(encoding="utf-8")


def test_the_headline_stays_the_title_when_captions_are_not_cleaned() -> None:
    # The caption under the headline ("... Zelenskyy. Photo: Twitter") holds a sentence: body, not a
    # second headline, so the headline above it is still taken.
    text = (SAMPLES / "002_a2d3d0fa50a5b648.txt").read_text(encoding="utf-8")
    article = clean(text, config=Config(ignore=("CAP",)))
    assert article.title == "No ceasefire! Ukraine-Russia 2nd round talks yield no desirable outcome"
    assert article.paragraphs[0].startswith("The photograph released by Mikhail Podolyak")


def _clean_sample(name: str):
    return clean((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))


def test_seed_000_points_of_the_issue() -> None:
    article = _clean_sample("000_1e943f8323c0f170")
    assert article.title == (
        "Russia-Ukraine War: Ready for Ukraine dialogue if 'all Russian demands' met, says Vladimir Putin"
    )
    standfirst = "During the second round of talks in Belarus on Thursday, Russia and Ukraine agreed to organize"
    assert article.subtitle.startswith(standfirst)
    assert [(c.text, c.credit) for c in article.captions] == [("Russian President Vladimir Putin", "Twitter")]
    assert "(with agency inputs)" in article.credits
    assert article.paragraphs[0].startswith("Russian President Vladimir Putin today held")
    assert article.paragraphs[-1].startswith(standfirst)
    for furniture in ("| Photo:", "Twitter Image", "RECENT STORIES", "BAFTA 2026", "agency inputs"):
        assert furniture not in article.body


def test_seed_002_points_of_the_issue() -> None:
    article = _clean_sample("002_a2d3d0fa50a5b648")
    assert article.title == "No ceasefire! Ukraine-Russia 2nd round talks yield no desirable outcome"
    [caption] = article.captions
    assert caption.text.startswith("The photograph released by Mikhail Podolyak,") and caption.credit == "Twitter"
    assert (article.dateline, article.publisher) == ("Kyiv", "Onmanorama")
    assert article.paragraphs[0].startswith("Kyiv: The second round of talks")
    assert article.paragraphs[-1].endswith("ratified by Russian and Ukrainian parliaments.")
    for furniture in ("Photo: Twitter", "not on behalf of", "sole ownership", "punishable"):
        assert furniture not in article.body


def test_hindi_sample_furniture_goes_to_its_fields() -> None:
    article = _clean_sample("018_hi_mausam")
    assert article.title == "उत्तर भारत में भीषण गर्मी, दिल्ली में पारा 46 डिग्री के पार"
    assert article.subtitle == "मौसम विभाग ने अगले तीन दिन के लिए लू का रेड अलर्ट जारी किया है।"
    assert [(c.text, c.credit) for c in article.captions] == [("तपती धूप में छाता लेकर जाती महिलाएं", "पीटीआई")]
    assert (article.credits, article.published, article.tags) == (
        ["(इनपुट: भाषा)"],
        "2024-05-28",
        ["मौसम", "लू", "दिल्ली"],
    )
    assert article.paragraphs[0].startswith("नई दिल्ली: उत्तर भारत के कई राज्यों में")
    for furniture in ("रिपोर्ट:", "यह भी पढ़ें", "विज्ञापन", "फॉलो करें", "ऐप डाउनलोड", "संबंधित खबरें", "सर्वाधिकार"):
        assert furniture not in article.body
