"""Merging coders' project files: matching by content hash and GUID, conflicts, idempotence,
atomicity, the CLI, and the demo project split between its two coders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

import main
from coding.codebook import add_code, code_tree, find_code
from coding.codings import add_coding, resize_coding, set_memo
from coding.compare.merge import merge_project
from coding.documents import rename_document, store_document
from coding.errors import TematikError
from coding.importing.base import ParsedDocument
from coding.project import create_project, ensure_coder, open_project, transaction
from models.entities import Code, Coder, Coding, Document, Memo

TEXT1 = "Jeg skiftede fra kommunen til staten, fordi lønnen var bedre og opgaverne større. " * 3
TEXT2 = "Kulturen i regionen var tung, men jeg blev, fordi pensionen var god. " * 3


def codings(db) -> set[tuple[str, str, str, int, int]]:
    """(document text hash, code GUID, coder name, start, end) of every coding."""
    with transaction(db) as s:
        rows = s.execute(
            select(Document.text_sha256, Code.guid, Coder.name, Coding.start, Coding.end)
            .join(Document, Document.id == Coding.document_id)
            .join(Code, Code.id == Coding.code_id)
            .join(Coder, Coder.id == Coding.coder_id)
        ).all()
    return {tuple(r) for r in rows}


@pytest.fixture
def copies(tmp_path: Path):
    """Master and Bo's copy of one project; each coded separately."""
    base = tmp_path / "base.tematik"
    db = create_project(base, language="da")
    with transaction(db) as s:
        store_document(s, "Interview 1", ParsedDocument(TEXT1, "txt"))
        store_document(s, "Interview 2", ParsedDocument(TEXT2, "txt"))
    db.close()
    master_path, bo_path = tmp_path / "master.tematik", tmp_path / "bo.tematik"
    shutil.copy(base, master_path)
    shutil.copy(base, bo_path)
    master, bo = open_project(master_path), open_project(bo_path)
    with transaction(master) as s:
        leaves = [n.path for n in code_tree(s) if n.codable and n.depth > 0]
    with transaction(master) as s:
        anne = ensure_coder(s, "Anne").id
        ensure_coder(s, "Carl")
        d1 = s.scalar(select(Document.id).where(Document.name == "Interview 1"))
        add_coding(s, d1, find_code(s, leaves[0]).id, anne, 0, 40)
    with transaction(bo) as s:
        b = ensure_coder(s, "Bo").id
        ensure_coder(s, "Carl")  # created separately on Bo's machine: another GUID
        d1 = s.scalar(select(Document.id).where(Document.name == "Interview 1"))
        d2 = s.scalar(select(Document.id).where(Document.name == "Interview 2"))
        rename_document(s, d2, "Bo's interview 2")  # same text, other name
        parent = find_code(s, leaves[0]).parent_id
        new = add_code(s, "Ny barriere", parent)
        c1 = add_coding(s, d1, find_code(s, leaves[0]).id, b, 5, 45, memo="tæt på")
        add_coding(s, d2, new.id, b, 10, 60)
        add_coding(s, d2, find_code(s, leaves[1]).id, b, 0, 30)
        set_memo(s, "Interessant sted", coder_id=b, coding_id=c1.id)
        set_memo(s, "Om interview 2", coder_id=b, document_id=d2)
        extra = store_document(s, "Only at Bo", ParsedDocument("Et helt andet interview.", "txt"))
        add_coding(s, extra.id, find_code(s, leaves[1]).id, b, 0, 10)
    yield master, bo, master_path, bo_path, leaves
    master.close()
    bo.close()


def test_merge_adds_work_matches_by_hash_and_lists_conflicts(copies) -> None:
    master, bo, _, bo_path, leaves = copies
    bo_codings = {c for c in codings(bo) if c[2] == "Bo"}
    report = merge_project(master, bo_path)
    assert report.codings_added == 4  # including the one in "Only at Bo", brought over
    assert report.codings_by_coder == {"Bo": 4}
    assert report.codings_skipped == 0
    assert report.documents_added == ["Only at Bo"]
    assert report.coders_added == ["Bo"]
    assert [c for c in report.codes_added if c.endswith("Ny barriere")]
    kinds = {c.kind for c in report.conflicts}
    assert {"code_created", "coder_name_clash"} <= kinds
    assert "document_missing" not in kinds
    assert bo_codings <= codings(master)
    with transaction(master) as s:
        # the memo on the coding and on the renamed document came along
        texts = set(s.scalars(select(Memo.text)))
        assert {"Interessant sted", "Om interview 2"} <= texts
        memo = s.scalar(select(Memo).where(Memo.text == "Om interview 2"))
        assert s.get(Document, memo.document_id).name == "Interview 2"
        assert s.scalar(select(func.count(Coder.id)).where(Coder.name == "Carl")) == 1
        assert s.scalar(select(Coding.memo).where(Coding.start == 5)) == "tæt på"
    assert report.memos_added == 2


def test_merging_twice_adds_nothing_and_guid_span_conflict(copies) -> None:
    master, _, _, bo_path, _ = copies
    merge_project(master, bo_path)
    before = codings(master)
    again = merge_project(master, bo_path)
    assert again.codings_added == 0 and again.memos_added == 0
    assert again.codings_present == 4 and again.memos_present == 2
    assert again.coders_added == [] and again.codes_added == [] and again.documents_added == []
    assert codings(master) == before
    with transaction(master) as s:
        cid = s.scalar(select(Coding.id).where(Coding.start == 5))
        resize_coding(s, cid, 6, 45)
    third = merge_project(master, bo_path)
    diff = [c for c in third.conflicts if c.kind == "coding_guid_differs"]
    assert len(diff) == 1 and "6–45 here but 5–45" in diff[0].message
    assert third.codings_added == 0


def test_coder_filter_and_errors(copies, tmp_path: Path) -> None:
    master, _, master_path, bo_path, _ = copies
    report = merge_project(master, bo_path, coder="Carl")
    assert report.codings_added == 0 and report.coders_added == []
    with pytest.raises(TematikError, match="has no coder 'Zoe'"):
        merge_project(master, bo_path, coder="Zoe")
    with pytest.raises(TematikError, match="missing.tematik: no such file"):
        merge_project(master, tmp_path / "missing.tematik")
    with pytest.raises(TematikError, match="into itself"):
        merge_project(master, master_path)


def test_merge_is_atomic(copies, monkeypatch: pytest.MonkeyPatch) -> None:
    import coding.compare.merge as merge_mod

    master, _, _, bo_path, _ = copies
    before = codings(master)
    real_insert = merge_mod.insert

    def failing(table):
        if table is Memo:
            raise RuntimeError("disk full")
        return real_insert(table)

    monkeypatch.setattr(merge_mod, "insert", failing)
    with pytest.raises(RuntimeError):
        merge_project(master, bo_path)
    assert codings(master) == before
    with transaction(master) as s:
        assert s.scalar(select(func.count(Coder.id)).where(Coder.name == "Bo")) == 0


def test_cli_merge_json(copies, capsys: pytest.CaptureFixture[str]) -> None:
    master, bo, master_path, bo_path, _ = copies
    master.close()
    bo.close()
    assert main.main(["merge", str(master_path), str(bo_path), "--coder", "Bo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["codings_added"] == 4 and data["codings_added_by_coder"] == {"Bo": 4}
    assert data["documents_added"] == ["Only at Bo"]
    assert any(c["kind"] == "code_created" for c in data["conflicts"])
    assert main.main(["merge", str(master_path), str(bo_path)]) == 0
    out = capsys.readouterr().out
    assert "Codings: 0 added" in out and "conflict" in out
    assert main.main(["merge", str(master_path), "nowhere.tematik"]) == 2
    assert "nowhere.tematik" in capsys.readouterr().err


@pytest.fixture
def demo_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    try:
        master = request.getfixturevalue("demo_master")
    except TematikError as exc:  # the demo content is still being finished by others
        pytest.skip(f"demo project not buildable yet: {exc}")
    dest = tmp_path / "demo.tematik"
    shutil.copy(master, dest)
    return dest


def test_demo_split_between_coders_merges_back(demo_file: Path, tmp_path: Path) -> None:
    full = open_project(demo_file)
    expected = codings(full)
    full.close()
    anne_path, bo_path = tmp_path / "anne.tematik", tmp_path / "bo.tematik"
    shutil.copy(demo_file, anne_path)
    shutil.copy(demo_file, bo_path)
    for path, drop in ((anne_path, "Bo"), (bo_path, "Anne")):
        db = open_project(path)
        with transaction(db) as s:
            cid = s.scalar(select(Coder.id).where(Coder.name == drop))
            s.execute(delete(Coding).where(Coding.coder_id == cid))
        db.close()
    anne = open_project(anne_path)
    try:
        report = merge_project(anne, bo_path, coder="Bo")
        assert report.codings_added == sum(1 for c in expected if c[2] == "Bo") > 0
        assert codings(anne) == expected
        assert merge_project(anne, bo_path).codings_added == 0
    finally:
        anne.close()
