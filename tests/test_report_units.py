"""Unit tests of the report's building blocks: pseudonyms, keyness, quote choice, strings."""

from __future__ import annotations

import json
import math
from datetime import datetime

import pytest

from coding.errors import TematikError
from coding.keyness import LemmaIndex, keyness, log_likelihood, log_ratio, merge_spans
from coding.project import transaction
from coding.pseudonymize import (
    NameEntry,
    Pseudonymizer,
    case_names,
    is_generic_speaker,
    set_case_names,
)
from coding.queries import Segment
from coding.report.quotes import QuoteRule, select_quotes, trim
from coding.report.strings import Text
from models.entities import Case

# --- pseudonymisation --------------------------------------------------------------------------


def test_names_replaced_consistently_whole_word_and_possessive() -> None:
    p = Pseudonymizer(
        [
            NameEntry("Hanne Sørensen"),
            NameEntry("Novo Nordisk", "organisation"),
            NameEntry("Odense", "place"),
            NameEntry("Lars"),
        ],
        "da",
    )
    text = (
        "Hanne Sørensens chef talte med hanne sørensen og Hanne i Odense hos NOVO NORDISK. "
        "Novo Nordisks folk kendte Lars, men ikke Larsen eller Odenseområdet."
    )
    out = p.apply(text)
    assert out == (
        "Person 1's chef talte med Person 1 og Person 1 i Sted 1 hos Organisation A. "
        "Organisation A's folk kendte Person 2, men ikke Larsen eller Odenseområdet."
    )


def test_name_parts_only_replaced_when_capitalised() -> None:
    p = Pseudonymizer([NameEntry("Peter Skov")], "da")
    assert p.apply("Skov sagde, at han gik i skoven og i en skov.") == (
        "Person 1 sagde, at han gik i skoven og i en skov."
    )


def test_english_labels_and_explicit_pseudonym() -> None:
    p = Pseudonymizer(
        [NameEntry("Aarhus", "place"), NameEntry("Jens Holm", "person", "the director")], "en"
    )
    assert p.apply("Jens Holm's office in Aarhus") == "the director's office in Place 1"
    assert p.speaker("Jens Holm") == "the director"
    assert p.speaker("R") == "R"


def test_generic_speaker_labels_are_not_names() -> None:
    for label in ("I", "R", "IP", "Interviewer", "Deltager 2", "Respondent"):
        assert is_generic_speaker(label), label
    for name in ("Bo", "Louise", "Susanne Dahl"):
        assert not is_generic_speaker(name), name


def test_set_case_names_round_trip_and_validation(db) -> None:
    with transaction(db) as s:
        case = Case(name="Interview 1")
        s.add(case)
        s.flush()
        old = set_case_names(
            s,
            case.id,
            [
                {"name": "Hanne Sørensen", "kind": "person"},
                "hanne sørensen",
                NameEntry("Vejle", "place"),
            ],
        )
        assert old == []
        case_id = case.id
    with transaction(db) as s:
        names = case_names(s, case_id)
        assert [(n.name, n.kind) for n in names] == [
            ("Hanne Sørensen", "person"),
            ("Vejle", "place"),
        ]
        stored = json.loads(s.get(Case, case_id).pseudonyms)
        assert stored == [
            {"name": "Hanne Sørensen", "kind": "person"},
            {"name": "Vejle", "kind": "place"},
        ]
        with pytest.raises(TematikError, match="Unknown kind 'city'"):
            set_case_names(s, case_id, [{"name": "Vejle", "kind": "city"}])
        with pytest.raises(TematikError, match="empty name"):
            set_case_names(s, case_id, ["  "])


# --- keyness -----------------------------------------------------------------------------------


def test_log_likelihood_matches_hand_computation() -> None:
    # a=10 of c=1000 against b=5 of d=2000: E1 = 1000*15/3000 = 5, E2 = 10.
    expected = 2 * (10 * math.log(10 / 5) + 5 * math.log(5 / 10))
    assert log_likelihood(10, 5, 1000, 2000) == pytest.approx(expected)
    assert log_ratio(10, 5, 1000, 2000) == pytest.approx(math.log2((10 / 1000) / (5 / 2000)))
    assert log_ratio(4, 0, 100, 100) == pytest.approx(math.log2(4 / 0.5))


def test_keyness_ranks_overused_terms_only() -> None:
    lemmas = ["løn", "pension", "kultur", "møde"]
    target = [12, 6, 1, 3]
    reference = [2, 1, 20, 30]
    terms = keyness(target, reference, lemmas, top=5, min_freq=3)
    assert [k.lemma for k in terms] == ["løn", "pension"]
    assert terms[0].log_likelihood == pytest.approx(log_likelihood(12, 2, 22, 53))


def test_lemma_index_counts_lemmas_inside_spans() -> None:
    texts = {
        1: "Lønnen var god. Pensionen var dårlig. Vi talte om kulturen og kulturen igen.",
        2: "Lønningerne steg, og kulturen var god.",
    }
    index = LemmaIndex(texts, "da")
    assert "løn" in index.vocab or "lønning" in index.vocab
    span_end = texts[1].index("Vi talte")
    counts = index.counts_in({1: [(0, span_end)]})
    got = {index.lemmas[i]: int(n) for i, n in enumerate(counts) if n}
    assert got.get("pension") == 1
    assert "kultur" not in got  # outside the span
    assert int(index.total[index.vocab["kultur"]]) == 3  # kulturen ×2 + kulturen


def test_merge_spans() -> None:
    assert merge_spans([(5, 9), (0, 3), (2, 4), (9, 12)]) == [(0, 4), (5, 12)]


# --- quotes ------------------------------------------------------------------------------------


def _seg(i: int, doc: int, start: int, text: str, pinned: bool = False) -> Segment:
    return Segment(
        coding_id=i, guid=str(i), document_id=doc, document=f"doc{doc}", code_id=1,
        code_path="A/B", coder="Anne", start=start, end=start + len(text), text=text,
        before="", after="", memo="", speaker="R", pinned=pinned, created_at=datetime(2024, 1, 1),
    )  # fmt: skip


def test_trim_cuts_at_sentence_or_word_boundary() -> None:
    text = "  " + "Det første. " * 8 + "Og så en lang sætning uden ende " * 5
    body, start, end, trimmed = trim(text, 100, 120)
    assert trimmed and start == 102 and body.endswith(".")
    assert end - start == len(body) and len(body) <= 120
    assert text[2 : 2 + len(body)] == body
    words = "ord " * 100
    body, _, _, trimmed = trim(words, 0, 50)
    assert trimmed and body.endswith("ord") and len(body) <= 50


def test_quotes_pinned_first_then_spread_over_interviews() -> None:
    long = "x" * 60
    segs = [
        _seg(1, 1, 0, "A1 " + long),
        _seg(2, 1, 200, "A2 " + long),
        _seg(3, 1, 400, "A3 " + long),
        _seg(4, 2, 0, "B1 " + long),
        _seg(5, 3, 0, "C1 pinned " + long, pinned=True),
        _seg(6, 2, 500, "kort"),  # too short while others exist
    ]
    quotes = select_quotes(segs, QuoteRule(count=3))
    assert quotes[0].coding_id == 5 and quotes[0].pinned
    assert {q.document_id for q in quotes} == {1, 2, 3}
    assert 6 not in {q.coding_id for q in quotes}


def test_quotes_overlapping_passages_are_not_repeated() -> None:
    text = "Samme passage kodet af to kodere, som er lang nok til at blive vist her."
    segs = [_seg(1, 1, 10, text), _seg(2, 1, 10, text), _seg(3, 2, 0, text)]
    quotes = select_quotes(segs, QuoteRule(count=3))
    assert len(quotes) == 2
    assert {q.document_id for q in quotes} == {1, 2}


def test_short_passages_used_when_nothing_else() -> None:
    quotes = select_quotes([_seg(1, 1, 0, "Kort."), _seg(2, 2, 0, "Også kort.")])
    assert [q.coding_id for q in quotes] == [1, 2]


# --- strings -----------------------------------------------------------------------------------


def test_number_formats_per_language() -> None:
    da, en = Text("da"), Text("en")
    assert da.integer(12345) == "12.345" and en.integer(12345) == "12,345"
    assert da.decimal(0.625) == "0,62" or da.decimal(0.625) == "0,63"
    assert da.percent(0.5) == "50 %" and en.percent(0.5) == "50%"
    assert da.count("interview", 1) == "1 interview" and en.count("coding", 3) == "3 codings"
    assert da.join(["a", "b", "c"]) == "a, b og c"
    assert set(da.s) == set(en.s)  # every string exists in both languages
