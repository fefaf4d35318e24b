"""The default codebook "Ledermobilitet" shipped as data in Danish and English.

These tests read the real JSON files in resources/codebooks/ and check them with the real spaCy
lookup lemmatizer (spacy-lookups-data), the same lemmatization the code suggester relies on.
"""

from __future__ import annotations

import colorsys
import json
import re
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from tests._paths import REPO

CODEBOOK_DIR = REPO / "resources" / "codebooks"
LANGS = ("da", "en")

CODE_FIELDS = {
    "guid": str,
    "name": str,
    "color": str,
    "codable": bool,
    "definition": str,
    "inclusion": str,
    "exclusion": str,
    "example": str,
    "indicator_terms": list,
    "children": list,
}

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
COLOR_RE = re.compile(r"^#[0-9a-f]{6}$")

# The specified tree: (kind, category name, [code names]) per language, in order.
EXPECTED_TREE: dict[str, list[tuple[str, str, list[str]]]] = {
    "da": [
        (
            "barrier",
            "Barrierer",
            [
                "Løn og pension",
                "Jobsikkerhed",
                "Politisk styring og mediebevågenhed",
                "Kultur og fagsprog",
                "Rekrutterere foretrækker samme sektor",
                "Manglende netværk i den anden sektor",
                "Fordomme om den anden sektor",
                "Familie og geografi",
            ],
        ),
        (
            "motivation",
            "Motivationer",
            [
                "Mening og offentlig værdi",
                "Læring og udvikling",
                "Karriere",
                "Indflydelse",
                "Nye perspektiver",
                "Netværk",
            ],
        ),
        (
            "condition",
            "Betingelser for succes",
            [
                "Introduktion og onboarding",
                "Mentor og sparring",
                "Forståelse af politisk ledelse",
                "Oversættelse af kompetencer",
            ],
        ),
    ],
    "en": [
        (
            "barrier",
            "Barriers",
            [
                "Pay and pension",
                "Job security",
                "Political governance and media exposure",
                "Culture and professional language",
                "Recruiters prefer same-sector experience",
                "Missing network in the other sector",
                "Prejudice about the other sector",
                "Family and geography",
            ],
        ),
        (
            "motivation",
            "Motivations",
            [
                "Meaning and public value",
                "Learning and development",
                "Career",
                "Influence",
                "New perspectives",
                "Network",
            ],
        ),
        (
            "condition",
            "Conditions for success",
            [
                "Onboarding and introduction",
                "Mentoring and sparring",
                "Understanding political leadership",
                "Translating competences",
            ],
        ),
    ],
}


def codebook_path(lang: str) -> Path:
    """Path of the shipped default codebook for one language."""
    return CODEBOOK_DIR / f"ledermobilitet-{lang}.json"


@cache
def load(lang: str) -> dict[str, Any]:
    """Parse the shipped codebook JSON for one language (cached; do not mutate)."""
    return json.loads(codebook_path(lang).read_text(encoding="utf-8"))


def walk(codes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every code in the tree, depth first, parents before children."""
    for code in codes:
        yield code
        yield from walk(code["children"])


def codable_codes(lang: str) -> list[dict[str, Any]]:
    """The codes analysts actually apply (not the three grouping categories)."""
    return [code for code in walk(load(lang)["codes"]) if code["codable"]]


def code_named(lang: str, name: str) -> dict[str, Any]:
    """The code with this exact name; fails the test when absent."""
    matches = [code for code in walk(load(lang)["codes"]) if code["name"] == name]
    assert len(matches) == 1, f"{name!r} occurs {len(matches)} times in {lang}"
    return matches[0]


@cache
def lemmatizer(lang: str) -> Language:
    """A blank spaCy pipeline with the lookup lemmatizer from spacy-lookups-data."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def lemmas(lang: str, text: str) -> list[str]:
    """Lookup lemmas of a lower-cased text, punctuation and spaces dropped."""
    doc = lemmatizer(lang)(text.lower())
    return [tok.lemma_ for tok in doc if not (tok.is_punct or tok.is_space)]


def matched_terms(lang: str, text: str, terms: list[str]) -> list[str]:
    """Indicator terms whose lemma sequence occurs contiguously in the text's lemmas."""
    text_lemmas = lemmas(lang, text)
    found = []
    for term in terms:
        parts = term.split()
        n = len(parts)
        if any(text_lemmas[i : i + n] == parts for i in range(len(text_lemmas) - n + 1)):
            found.append(term)
    return found


def shape(codes: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Language-independent tree shape: guid, colour, kind, codable and children, recursively."""
    return [
        (code["guid"], code["color"], code.get("kind"), code["codable"], shape(code["children"]))
        for code in codes
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_document_header(lang: str) -> None:
    doc = load(lang)
    assert doc["format"] == "tematik-codebook"
    assert doc["version"] == 1
    assert doc["name"] == "Ledermobilitet"
    assert doc["language"] == lang
    assert len(doc["description"]) > 100
    assert set(doc) == {"format", "version", "name", "language", "description", "codes"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_code_has_every_field_with_the_right_type(lang: str) -> None:
    for code in walk(load(lang)["codes"]):
        expected = set(CODE_FIELDS) | ({"kind"} if "kind" in code else set())
        assert set(code) == expected, code["name"]
        for field, typ in CODE_FIELDS.items():
            assert isinstance(code[field], typ), (code["name"], field)
        assert all(isinstance(term, str) for term in code["indicator_terms"])


@pytest.mark.parametrize("lang", LANGS)
def test_tree_has_the_specified_categories_and_codes(lang: str) -> None:
    actual = [
        (cat["kind"], cat["name"], [child["name"] for child in cat["children"]])
        for cat in load(lang)["codes"]
    ]
    assert actual == EXPECTED_TREE[lang]
    for cat in load(lang)["codes"]:
        assert cat["codable"] is False
        for child in cat["children"]:
            assert child["codable"] is True
            assert child["children"] == []


@pytest.mark.parametrize("lang", LANGS)
def test_kind_only_on_top_level(lang: str) -> None:
    top = load(lang)["codes"]
    assert [cat["kind"] for cat in top] == ["barrier", "motivation", "condition"]
    for cat in top:
        for code in walk(cat["children"]):
            assert "kind" not in code, code["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_guids_are_lowercase_uuid4_and_unique(lang: str) -> None:
    guids = [code["guid"] for code in walk(load(lang)["codes"])]
    for guid in guids:
        assert UUID_RE.match(guid), guid
        assert str(uuid.UUID(guid)) == guid
    assert len(guids) == len(set(guids)) == 21


def test_danish_and_english_share_guids_and_tree_shape() -> None:
    da, en = load("da")["codes"], load("en")["codes"]
    assert shape(da) == shape(en)
    da_names = {code["guid"]: code["name"] for code in walk(da)}
    en_names = {code["guid"]: code["name"] for code in walk(en)}
    assert da_names.keys() == en_names.keys()
    # The English file is a translation, not a copy of the Danish names.
    same = [name for guid, name in da_names.items() if en_names[guid] == name]
    assert same == [], same


@pytest.mark.parametrize("lang", LANGS)
def test_colours_are_valid_unique_and_in_their_family(lang: str) -> None:
    top = load(lang)["codes"]
    colours = [code["color"] for code in walk(top)]
    assert all(COLOR_RE.match(colour) for colour in colours), colours
    assert len(colours) == len(set(colours))
    for cat in top:
        for code in walk([cat]):
            rgb = tuple(int(code["color"][i : i + 2], 16) / 255 for i in (1, 3, 5))
            hue, light, sat = colorsys.rgb_to_hls(*rgb)
            degrees = hue * 360
            # Mid-tone: a highlight with black text on white paper stays readable.
            assert 0.3 <= light <= 0.8, (code["name"], code["color"], light)
            if cat["kind"] == "barrier":
                assert (degrees <= 45 or degrees >= 340) and sat > 0.4, code["name"]
            elif cat["kind"] == "motivation":
                assert 90 <= degrees <= 220 and sat > 0.4, code["name"]
            else:
                assert 260 <= degrees <= 300 or sat < 0.15, code["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_codable_codes_are_fully_described(lang: str) -> None:
    codes = codable_codes(lang)
    assert len(codes) == 18
    for code in codes:
        for field in ("definition", "inclusion", "exclusion", "example"):
            assert len(code[field].strip()) >= 40, (code["name"], field)
        terms = code["indicator_terms"]
        assert 6 <= len(terms) <= 15, (code["name"], len(terms))
        assert len(terms) == len(set(terms)), code["name"]
        for term in terms:
            assert term == term.strip().lower() and "  " not in term, (code["name"], term)
        # Example quotes are 1-3 spoken sentences, not essays.
        assert len(code["example"]) <= 320, code["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_exclusions_point_to_codes_that_exist(lang: str) -> None:
    names = {code["name"] for code in codable_codes(lang)}
    for code in codable_codes(lang):
        referenced = [n for n in names if n != code["name"] and n in code["exclusion"]]
        assert referenced, f"{code['name']}: exclusion names no neighbouring code"


@pytest.mark.parametrize("lang", LANGS)
def test_every_indicator_word_is_its_own_lemma(lang: str) -> None:
    nlp = lemmatizer(lang)
    wrong = []
    for code in walk(load(lang)["codes"]):
        for term in code["indicator_terms"]:
            for tok in nlp(term):
                if not tok.is_alpha or tok.lemma_ != tok.text:
                    wrong.append((code["name"], term, tok.text, tok.lemma_))
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_example_quote_triggers_its_own_code(lang: str) -> None:
    for code in codable_codes(lang):
        assert matched_terms(lang, code["example"], code["indicator_terms"]), code["name"]


@pytest.mark.parametrize(
    ("lang", "sentence", "code_name", "term"),
    [
        ("da", "Lønningerne i staten kan slet ikke følge med.", "Løn og pension", "lønning"),
        ("da", "Jeg ville miste pensionen, hvis jeg sagde op.", "Løn og pension", "pension"),
        ("da", "Der var afskedigelser hvert år i koncernen.", "Jobsikkerhed", "afskedigelse"),
        (
            "da",
            "Politikerne og pressen følger hver eneste beslutning.",
            "Politisk styring og mediebevågenhed",
            "politiker",
        ),
        (
            "da",
            "Medierne skrev om sagen i tre uger.",
            "Politisk styring og mediebevågenhed",
            "medium",
        ),
        (
            "da",
            "Kulturforskellene var større, end jeg havde regnet med.",
            "Kultur og fagsprog",
            "kulturforskel",
        ),
        (
            "da",
            "Jeg er aldrig blevet headhuntet til en stilling i staten.",
            "Rekrutterere foretrækker samme sektor",
            "headhunte",
        ),
        (
            "da",
            "Ansættelsesudvalgene vælger den sikre kandidat.",
            "Rekrutterere foretrækker samme sektor",
            "ansættelsesudvalg",
        ),
        (
            "da",
            "Fordommene om det offentlige sidder dybt.",
            "Fordomme om den anden sektor",
            "fordom",
        ),
        ("da", "Børnene gik i skole i Odense, så vi flyttede ikke.", "Familie og geografi", "barn"),
        (
            "da",
            "Jeg ville arbejde med offentlige værdier frem for aktiekurser.",
            "Mening og offentlig værdi",
            "offentlig værdi",
        ),
        ("da", "Jeg savnede nye udfordringer.", "Læring og udvikling", "udfordring"),
        ("da", "Forfremmelsen kom hurtigere i regionen.", "Karriere", "forfremmelse"),
        ("da", "Jeg ville tættere på beslutningerne.", "Indflydelse", "beslutning"),
        (
            "da",
            "Det gav mig helt nye perspektiver på vores kunder.",
            "Nye perspektiver",
            "perspektiv",
        ),
        ("da", "Mine samarbejdspartnere anbefalede mig.", "Netværk", "samarbejdspartner"),
        ("da", "Introduktionen var grundig.", "Introduktion og onboarding", "introduktion"),
        ("da", "Mentoren hjalp mig gennem det første år.", "Mentor og sparring", "mentor"),
        (
            "da",
            "Man skal have en god politisk tæft.",
            "Forståelse af politisk ledelse",
            "politisk tæft",
        ),
        (
            "da",
            "Jeg oversatte mine resultater til deres sprog.",
            "Oversættelse af kompetencer",
            "oversætte",
        ),
        ("en", "The salaries in government are lower.", "Pay and pension", "salary"),
        ("en", "There were layoffs every year.", "Job security", "layoff"),
        (
            "en",
            "Politicians and journalists follow every decision.",
            "Political governance and media exposure",
            "politician",
        ),
        (
            "en",
            "Headhunters only called people from the municipalities.",
            "Recruiters prefer same-sector experience",
            "headhunter",
        ),
        (
            "en",
            "The stereotypes about civil servants run deep.",
            "Prejudice about the other sector",
            "stereotype",
        ),
        (
            "en",
            "My children were at school, so we never relocated.",
            "Family and geography",
            "child",
        ),
        ("en", "I was looking for new challenges.", "Learning and development", "challenge"),
        ("en", "The promotions came faster in the region.", "Career", "promotion"),
        ("en", "It gave me new perspectives on our customers.", "New perspectives", "perspective"),
        ("en", "My former colleagues recommended me.", "Network", "former colleague"),
        ("en", "My mentors helped me through the first year.", "Mentoring and sparring", "mentor"),
        (
            "en",
            "I translated my results into their language.",
            "Translating competences",
            "translate",
        ),
    ],
)
def test_inflected_sentence_triggers_expected_code(
    lang: str, sentence: str, code_name: str, term: str
) -> None:
    code = code_named(lang, code_name)
    assert term in code["indicator_terms"]
    assert term in matched_terms(lang, sentence, code["indicator_terms"])


def test_network_codes_are_separated_by_their_terms() -> None:
    """Motivation "Netværk" and barrier "Manglende netværk" share "netværk" but not all terms."""
    motivation = set(code_named("da", "Netværk")["indicator_terms"])
    barrier = set(code_named("da", "Manglende netværk i den anden sektor")["indicator_terms"])
    assert "netværk" in motivation & barrier
    assert motivation - barrier and barrier - motivation
