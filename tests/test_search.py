"""Text search (plain and regex, æøå, case) and coding all hits (duplicates skipped, undo)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from coding.codebook import find_code
from coding.codings import remove_coding
from coding.documents import store_document
from coding.errors import TematikError
from coding.importing.base import ParsedDocument
from coding.project import ensure_coder, transaction
from coding.search import code_hits, search_documents
from models.entities import Coding

T1 = "I: Hvad med lønnen?\nR: Lønnen var for lav. Løn er ikke alt, men ÆRLIGT talt: løn betyder noget.\n"
T2 = "I: Og pensionen?\nR: Pensionen i staten er god. Min søn sagde: Pension først.\n"
T3 = "I: Andet?\nR: Nej, intet om det.\n"


@pytest.fixture
def proj(db):
    with transaction(db) as s:
        d1 = store_document(s, "Interview 1", ParsedDocument(T1, "txt"))
        d2 = store_document(s, "Interview 2", ParsedDocument(T2, "txt"))
        d3 = store_document(s, "Interview 3", ParsedDocument(T3, "txt"))
        anne = ensure_coder(s, "Anne")
        ids = {
            "d1": d1.id,
            "d2": d2.id,
            "d3": d3.id,
            "anne": anne.id,
            "pay": find_code(s, "Løn og pension").id,
            "barriers": find_code(s, "Barrierer").id,
        }
    return db, ids


def test_plain_search_is_case_insensitive_over_danish_letters(proj) -> None:
    db, ids = proj
    with transaction(db) as s:
        hits = search_documents(s, "løn")
    texts = [
        (h.document, T1[h.start : h.end] if h.document_id == ids["d1"] else None) for h in hits
    ]
    assert [h.text for h in hits] == ["løn", "Løn", "Løn", "løn"]
    assert all(d == "Interview 1" and t == h.text for (d, t), h in zip(texts, hits, strict=True))
    assert hits[0].start == T1.index("lønnen")
    # context is cut from the text around the hit
    assert hits[1].before.endswith("R: ") and hits[1].after.startswith("nen var")


def test_plain_search_escapes_regex_characters_and_matches_capitals(proj) -> None:
    db, _ = proj
    with transaction(db) as s:
        assert [h.text for h in search_documents(s, "ærligt talt:")] == ["ÆRLIGT talt:"]
        assert search_documents(s, "l.n") == []  # the dot is literal in a plain search
        assert [h.text for h in search_documents(s, "Pension", case_sensitive=True)] == [
            "Pension",
            "Pension",
        ]


def test_regex_search_and_document_restriction(proj) -> None:
    db, ids = proj
    with transaction(db) as s:
        hits = search_documents(s, r"\bpension\w*", regex=True)
        assert [(h.document, h.text) for h in hits] == [
            ("Interview 2", "pensionen"),
            ("Interview 2", "Pensionen"),
            ("Interview 2", "Pension"),
        ]
        only1 = search_documents(s, r"l[øo]n\w*", regex=True, document_ids=[ids["d1"]])
        assert {h.document_id for h in only1} == {ids["d1"]}
        assert [h.text for h in only1] == ["lønnen", "Lønnen", "Løn", "løn"]
        # zero-length matches are no hits
        assert search_documents(s, r"x*", regex=True) == []


def test_bad_regex_and_empty_pattern_are_clear_errors(proj) -> None:
    db, _ = proj
    with transaction(db) as s, pytest.raises(TematikError, match="not valid"):
        search_documents(s, "løn(", regex=True)
    with transaction(db) as s, pytest.raises(TematikError, match="search for"):
        search_documents(s, "")


def _count(db, code_id: int) -> int:
    with transaction(db) as s:
        return s.scalar(select(func.count(Coding.id)).where(Coding.code_id == code_id)) or 0


def test_code_all_hits_skips_duplicates_and_can_be_undone(proj) -> None:
    db, ids = proj
    with transaction(db) as s:
        hits = search_documents(s, "pension")
        assert len(hits) == 3
        first = code_hits(s, hits[:1], ids["pay"], ids["anne"])
    assert len(first) == 1
    with transaction(db) as s:
        # the hit coded before, and a repeated hit, are skipped
        new = code_hits(s, hits + hits[1:2], ids["pay"], ids["anne"])
    assert len(new) == 2 and first[0] not in new
    assert _count(db, ids["pay"]) == 3
    with transaction(db) as s:
        spans = {
            (c.document_id, c.start, c.end)
            for c in s.scalars(select(Coding).where(Coding.id.in_(new)))
        }
    assert spans == {(h.document_id, h.start, h.end) for h in hits[1:]}
    with transaction(db) as s:
        for cid in new:
            remove_coding(s, cid)
    assert _count(db, ids["pay"]) == 1


def test_code_all_hits_refuses_a_category_and_stores_nothing(proj) -> None:
    db, ids = proj
    with transaction(db) as s:
        hits = search_documents(s, "løn")
    with pytest.raises(TematikError, match="category"), transaction(db) as s:
        code_hits(s, hits, ids["barriers"], ids["anne"])
    with transaction(db) as s:
        assert s.scalar(select(func.count(Coding.id))) == 0
