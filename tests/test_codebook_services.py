"""Codebook services: add, rename, move, recolour, merge (codings move), delete, undo data."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from coding import codebook as cb
from coding.codings import add_coding
from coding.documents import store_document
from coding.errors import TematikError
from coding.importing.base import ParsedDocument
from coding.project import ensure_coder, transaction
from models.entities import Code, Coding

TEXT = "I: Hvorfor skiftede du?\nR: Lønnen var bedre, og jeg ville lære noget nyt.\n"


def _setup(s):
    doc = store_document(s, "interview", ParsedDocument(TEXT, "txt"))
    anne = ensure_coder(s, "Anne")
    bo = ensure_coder(s, "Bo")
    return doc, anne, bo


def test_find_code_by_path_name_and_guid(db) -> None:
    with transaction(db) as s:
        code = cb.find_code(s, "Barrierer/Løn og pension")
        assert cb.find_code(s, "løn og pension").id == code.id
        assert cb.find_code(s, code.guid).id == code.id
        assert cb.code_kind(code) == "barrier"
        assert cb.code_path(code) == "Barrierer/Løn og pension"
        with pytest.raises(TematikError, match="No code"):
            cb.find_code(s, "Barrierer/Ukendt")


def test_add_rename_recolour_update_and_their_inverse(db) -> None:
    with transaction(db) as s:
        parent = cb.find_code(s, "Barrierer")
        code = cb.add_code(s, "Pendling", parent.id, definition="Lang transporttid")
        assert cb.code_path(code) == "Barrierer/Pendling"
        assert cb.rename_code(s, code.id, "Transport") == "Pendling"
        with pytest.raises(TematikError, match="already a code"):
            cb.add_code(s, "transport", parent.id)
        with pytest.raises(TematikError, match="'/'"):
            cb.add_code(s, "a/b", parent.id)
        assert cb.recolour_code(s, code.id, "#123ABC") != "#123abc"
        assert code.color == "#123abc"
        with pytest.raises(TematikError, match="colour"):
            cb.recolour_code(s, code.id, "red")
        old = cb.update_code(
            s, code.id, example="Jeg kører 80 km", indicator_terms=["pendle", "bil"]
        )
        assert old == {"example": "", "indicator_terms": []}
        assert cb.terms_of(code) == ["pendle", "bil"]
        cb.update_code(s, code.id, **old)
        assert code.example == "" and cb.terms_of(code) == []


def test_move_code_reorders_and_refuses_cycles(db) -> None:
    with transaction(db) as s:
        barriers = cb.find_code(s, "Barrierer")
        motivations = cb.find_code(s, "Motivationer")
        pay = cb.find_code(s, "Barrierer/Løn og pension")
        old = cb.move_code(s, pay.id, motivations.id, 0)
        assert old[0] == barriers.id
        s.refresh(pay)
        assert cb.code_path(pay) == "Motivationer/Løn og pension"
        assert (
            cb.code_tree(s)[[n.id for n in cb.code_tree(s)].index(motivations.id) + 1].id == pay.id
        )
        with pytest.raises(TematikError, match="into itself"):
            cb.move_code(s, motivations.id, pay.id)
        cb.move_code(s, pay.id, *old)
        s.refresh(pay)
        assert cb.code_path(pay) == "Barrierer/Løn og pension"


def test_merge_moves_codings_drops_exact_duplicates_and_undoes(db) -> None:
    with transaction(db) as s:
        doc, anne, bo = _setup(s)
        pay = cb.find_code(s, "Barrierer/Løn og pension")
        sec = cb.find_code(s, "Barrierer/Jobsikkerhed")
        add_coding(s, doc.id, pay.id, anne.id, 27, 45)
        add_coding(s, doc.id, sec.id, anne.id, 27, 45)  # duplicate after the merge
        add_coding(s, doc.id, sec.id, bo.id, 27, 70)
        sec_guid, anne_id, bo_id = sec.guid, anne.id, bo.id
        result = cb.merge_codes(s, sec.id, pay.id)
        assert result.dropped_duplicates == 1 and len(result.moved_coding_ids) == 1
        assert s.scalar(select(func.count()).where(Coding.code_id == pay.id)) == 2
        assert s.scalar(select(Code).where(Code.guid == sec_guid)) is None
    with transaction(db) as s:
        cb.undo_merge(s, result)
    with transaction(db) as s:
        sec = s.scalars(select(Code).where(Code.guid == sec_guid)).one()
        assert sorted(s.scalars(select(Coding.coder_id).where(Coding.code_id == sec.id))) == sorted(
            [anne_id, bo_id]
        )
        assert s.scalar(select(func.count()).where(Coding.code_id == pay.id)) == 1


def test_delete_code_with_subcodes_and_codings_then_restore(db) -> None:
    with transaction(db) as s:
        doc, anne, _ = _setup(s)
        barriers = cb.find_code(s, "Barrierer")
        n_codes = s.scalar(select(func.count(Code.id)))
        n_sub = len(cb.descendant_ids(s, barriers.id))
        pay = cb.find_code(s, "Barrierer/Løn og pension")
        add_coding(s, doc.id, pay.id, anne.id, 27, 45)
        snap = cb.delete_code(s, barriers.id)
    with transaction(db) as s:
        assert s.scalar(select(func.count(Code.id))) == n_codes - n_sub
        assert s.scalar(select(func.count(Coding.id))) == 0
    with transaction(db) as s:
        cb.restore_snapshot(s, snap)
    with transaction(db) as s:
        assert s.scalar(select(func.count(Code.id))) == n_codes
        assert cb.find_code(s, "Barrierer/Løn og pension").guid == pay.guid
        assert s.scalar(select(func.count(Coding.id))) == 1


def test_export_then_load_codebook_round_trip(db, tmp_path) -> None:
    import json

    with transaction(db) as s:
        data = cb.export_codebook(s, "Ledermobilitet")
    f = tmp_path / "cb.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cb.load_codebook(f) == data
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(TematikError, match="Cannot read codebook"):
        cb.load_codebook(bad)
