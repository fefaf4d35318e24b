"""Coding services: add / remove / resize, overlaps, duplicates, in-vivo, memos; retrieval."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from coding.attributes import import_attributes
from coding.codebook import find_code
from coding.codings import (
    add_coding,
    in_vivo,
    remove_coding,
    resize_coding,
    restore_coding,
    set_coding_memo,
    set_memo,
)
from coding.documents import store_document
from coding.errors import TematikError
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.project import ensure_coder, transaction
from coding.queries import SegmentFilter, frequency_matrix, segments
from models.entities import Coding, Memo

T1 = "I: Hvad holdt dig tilbage?\nR: Lønnen, helt ærligt. Og pensionen i staten er god. 😊 Men jeg savnede mening.\n"
T2 = "I: Og nu?\nR: Jeg har fået mere indflydelse, og lønnen er højere.\n"


def _turns(text: str) -> list[ParsedTurn]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        speaker, _, rest = line.partition(": ")
        start = pos + len(speaker) + 2
        out.append(ParsedTurn(start, pos + len(line.rstrip("\n")), speaker))
        pos += len(line)
    return out


@pytest.fixture
def setup(db):
    with transaction(db) as s:
        d1 = store_document(s, "kommune-privat", ParsedDocument(T1, "txt", _turns(T1)))
        d2 = store_document(s, "privat-stat", ParsedDocument(T2, "txt", _turns(T2)))
        anne, bo = ensure_coder(s, "Anne"), ensure_coder(s, "Bo")
        ids = {
            "d1": d1.id, "d2": d2.id, "anne": anne.id, "bo": bo.id,
            "pay": find_code(s, "Løn og pension").id, "meaning": find_code(s, "Mening og offentlig værdi").id,
            "influence": find_code(s, "Indflydelse").id, "barriers": find_code(s, "Barrierer").id,
        }  # fmt: skip
    return db, ids


def span(text: str, phrase: str) -> tuple[int, int]:
    i = text.index(phrase)
    return i, i + len(phrase)


def test_overlapping_codings_allowed_identical_refused(setup) -> None:
    db, ids = setup
    with transaction(db) as s:
        a, b = span(T1, "Lønnen, helt ærligt.")
        add_coding(s, ids["d1"], ids["pay"], ids["anne"], a, b)
        add_coding(s, ids["d1"], ids["pay"], ids["anne"], a, b + 10)  # overlapping: fine
        add_coding(s, ids["d1"], ids["meaning"], ids["anne"], a, b)  # other code: fine
        add_coding(s, ids["d1"], ids["pay"], ids["bo"], a, b)  # other coder: fine
        with pytest.raises(TematikError, match="already coded"):
            add_coding(s, ids["d1"], ids["pay"], ids["anne"], a, b)
        with pytest.raises(TematikError, match="category"):
            add_coding(s, ids["d1"], ids["barriers"], ids["anne"], a, b)
        with pytest.raises(TematikError, match="not inside"):
            add_coding(s, ids["d1"], ids["pay"], ids["anne"], 5, len(T1) + 1)
        with pytest.raises(TematikError, match="not inside"):
            add_coding(s, ids["d1"], ids["pay"], ids["anne"], 5, 5)
    with transaction(db) as s:
        assert s.scalar(select(func.count(Coding.id))) == 4


def test_remove_restore_resize(setup) -> None:
    db, ids = setup
    a, b = span(T1, "pensionen i staten er god.")
    with transaction(db) as s:
        c = add_coding(s, ids["d1"], ids["pay"], ids["anne"], a, b, memo="stat")
        set_memo(s, "vigtigt citat", coder_id=ids["anne"], coding_id=c.id)
        guid = c.guid
    with transaction(db) as s:
        snap = remove_coding(s, c.id)
    with transaction(db) as s:
        assert s.scalar(select(func.count(Coding.id))) == 0
        assert s.scalar(select(func.count(Memo.id))) == 0
        restored = restore_coding(s, snap)
        assert restored.guid == guid and restored.memo == "stat"
        assert s.scalars(select(Memo.text)).one() == "vigtigt citat"
        assert resize_coding(s, restored.id, a - 4, b) == (a, b)
        assert set_coding_memo(s, restored.id, "ny") == "stat"
    with transaction(db) as s:
        seg = segments(s, SegmentFilter(codes=["Løn og pension"]))[0]
        assert seg.text == T1[a - 4 : b] and seg.memo == "ny"


def test_in_vivo_creates_code_named_by_selection(setup) -> None:
    db, ids = setup
    a, b = span(T1, "savnede mening")
    with transaction(db) as s:
        code, coding = in_vivo(s, ids["d1"], ids["anne"], a, b, parent_id=ids["barriers"])
        assert code.name == "savnede mening" and coding.code_id == code.id


def test_segments_by_code_coder_document_attribute_with_context_and_speaker(
    setup, tmp_path
) -> None:
    db, ids = setup
    with transaction(db) as s:
        a, b = span(T1, "Men jeg savnede mening.")
        add_coding(s, ids["d1"], ids["meaning"], ids["anne"], a, b)
        a2, b2 = span(T2, "lønnen er højere")
        add_coding(s, ids["d2"], ids["pay"], ids["bo"], a2, b2)
        a3, b3 = span(T1, "Lønnen, helt ærligt.")
        add_coding(s, ids["d1"], ids["pay"], ids["anne"], a3, b3)
        csv = tmp_path / "attr.csv"
        csv.write_text(
            "document;sektor_fra\nkommune-privat;kommune\nprivat-stat;privat\n", encoding="utf-8"
        )
        import_attributes(s, csv)
    with transaction(db) as s:
        rows = segments(s, SegmentFilter(codes=["Barrierer"]))  # sub-codes included
        assert [(r.document, r.text, r.coder) for r in rows] == [
            ("kommune-privat", "Lønnen, helt ærligt.", "Anne"),
            ("privat-stat", "lønnen er højere", "Bo"),
        ]
        assert rows[0].code_path == "Barrierer/Løn og pension"
        assert rows[1].speaker == "R" and rows[1].before.endswith("indflydelse, og ")
        emoji = segments(s, SegmentFilter(codes=["Mening og offentlig værdi"]))[0]
        # Positions are code points: the emoji before the span does not shift it.
        assert emoji.text == "Men jeg savnede mening." and emoji.before.endswith("😊 ")
        assert [r.document for r in segments(s, SegmentFilter(coders=["Bo"]))] == ["privat-stat"]
        assert len(segments(s, SegmentFilter(documents=["kommune-privat"]))) == 2
        assert [r.text for r in segments(s, SegmentFilter(attribute=("sektor_fra", "privat")))] == [
            "lønnen er højere"
        ]
        assert [r.text for r in segments(s, SegmentFilter(text="ÆRLIGT"))] == [
            "Lønnen, helt ærligt."
        ]


def test_frequency_matrices(setup, tmp_path) -> None:
    db, ids = setup
    with transaction(db) as s:
        for doc, text, phrase, coder in [
            ("d1", T1, "Lønnen, helt ærligt.", "anne"),
            ("d1", T1, "pensionen i staten er god.", "anne"),
            ("d1", T1, "Lønnen, helt ærligt.", "bo"),
            ("d2", T2, "lønnen er højere", "bo"),
        ]:
            add_coding(s, ids[doc], ids["pay"], ids[coder], *span(text, phrase))
        add_coding(s, ids["d2"], ids["influence"], ids["anne"], *span(T2, "mere indflydelse"))
        csv = tmp_path / "attr.csv"
        csv.write_text(
            "document,sektor_fra\nkommune-privat,kommune\nprivat-stat,privat\n", encoding="utf-8"
        )
        import_attributes(s, csv)
    with transaction(db) as s:
        m = frequency_matrix(s, "document")
        r = m.rows.index("Barrierer/Løn og pension")
        assert m.columns == ["kommune-privat", "privat-stat"]
        assert m.codings[r] == [3, 1] and m.documents[r] == [1, 1]
        m2 = frequency_matrix(s, "sektor_fra", include_subcodes=True)
        assert m2.columns == ["kommune", "privat"]
        top = m2.rows.index("Barrierer")
        assert m2.codings[top] == [3, 1] and m2.documents[top] == [1, 1]
        m3 = frequency_matrix(s, "document", coder_ids=[ids["anne"]])
        assert m3.codings[r] == [2, 0]
        with pytest.raises(TematikError, match="No attribute"):
            frequency_matrix(s, "nope")
