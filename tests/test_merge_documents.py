"""Merging a project copy in which an analyst imported and coded a new interview and set case
attributes: the document comes over as stored there (GUID, text, turns at the same positions),
with its codings, memos, case and attribute values; merging twice adds nothing; a different
value here is kept and listed; a failure midway leaves the project unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import main
from coding.attributes import case_for_document, document_attributes, ensure_attribute, set_value
from coding.codebook import code_tree, find_code
from coding.codings import add_coding, set_memo
from coding.compare.merge import merge_project
from coding.documents import document_turns, store_document
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.project import create_project, ensure_coder, open_project, transaction
from models.db import Database
from models.entities import (
    Attribute,
    AttributeValue,
    Case,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Speaker,
    Turn,
)

OLD = "Interviewer: Hvorfor skiftede du?\nLeder: Lønnen i staten var bedre.\n"
Q = "Interviewer: Hvad holdt dig tilbage i kommunen?\n"
A = "Leder: Pensionen, og at ingen i staten kendte mit netværk. Det tog år at bygge op igen.\n"
NEW = (Q + A) * 3
OTHER_TEXT = "Et helt andet interview, importeret hos supervisoren.\n"


def turns_of(text: str) -> list[ParsedTurn]:
    """One turn per line, the speaker being the label before the colon."""
    turns, pos = [], 0
    for i, line in enumerate(text.splitlines(keepends=True)):
        turns.append(ParsedTurn(pos, pos + len(line), line.split(":")[0], 12.5 * i))
        pos += len(line)
    return turns


TABLES = (Document, Speaker, Turn, Case, Attribute, AttributeValue, Code, Coder, Coding, Memo)


def counts(db: Database) -> dict[str, int]:
    """Rows per table: merging twice must not change them."""
    with transaction(db) as s:
        return {t.__name__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def document_row(db: Database, guid: str) -> dict[str, Any]:
    with transaction(db) as s:
        doc = s.scalar(select(Document).where(Document.guid == guid))
        assert doc is not None
        cols = ("name", "text", "original_filename", "format", "source_sha256", "text_sha256",
                "language", "char_count", "imported_at")  # fmt: skip
        row = {c: getattr(doc, c) for c in cols}
        row["turns"] = document_turns(s, doc.id)
        row["speakers"] = sorted(
            (sp.name, sp.role, sp.guid)
            for sp in s.scalars(select(Speaker).where(Speaker.document_id == doc.id))
        )
        row["codings"] = sorted(
            s.execute(
                select(Coding.guid, Code.guid, Coder.name, Coding.start, Coding.end, Coding.memo)
                .join(Code, Code.id == Coding.code_id)
                .join(Coder, Coder.id == Coding.coder_id)
                .where(Coding.document_id == doc.id)
            ).all()
        )
        row["memos"] = sorted(
            s.execute(select(Memo.guid, Memo.text).where(Memo.document_id == doc.id)).all()
        )
        row["attributes"] = document_attributes(s).get(doc.id, {})
        row["case"] = doc.case.name if doc.case else None
    return row


@pytest.fixture
def copies(tmp_path: Path):
    """The supervisor's master and Anne's copy of one project. Anne imports "Interview 3" (new
    text) and codes it; the supervisor imported another "Interview 3" meanwhile."""
    base = tmp_path / "base.tematik"
    db = create_project(base, language="da")
    with transaction(db) as s:
        doc = store_document(s, "Interview 1", ParsedDocument(OLD, "txt", turns_of(OLD)))
        set_value(s, case_for_document(s, doc), ensure_attribute(s, "sektor_fra"), "kommune")
    db.close()
    master_path, anne_path = tmp_path / "master.tematik", tmp_path / "anne.tematik"
    shutil.copy(base, master_path)
    shutil.copy(base, anne_path)
    master, anne = open_project(master_path), open_project(anne_path)
    with transaction(master) as s:
        other = store_document(s, "Interview 3", ParsedDocument(OTHER_TEXT, "txt"))
        set_value(s, case_for_document(s, other), ensure_attribute(s, "sektor_fra"), "stat")
        old = s.scalar(select(Document).where(Document.name == "Interview 1"))
        set_value(s, case_for_document(s, old), ensure_attribute(s, "køn"), "kvinde")
    with transaction(anne) as s:
        leaves = [n.path for n in code_tree(s) if n.codable and n.depth > 0]
        coder = ensure_coder(s, "Anne").id
        parsed = ParsedDocument(NEW, "docx", turns_of(NEW), source_sha256="ab" * 32, language="da")
        new = store_document(s, "Interview 3", parsed, original_filename="interview3.docx")
        s.execute(  # roles as Anne corrected them by hand
            Speaker.__table__.update()
            .where(Speaker.document_id == new.id, Speaker.name == "Leder")
            .values(role="respondent")
        )
        start = NEW.index("Pensionen")
        c1 = add_coding(s, new.id, find_code(s, leaves[0]).id, coder, start, start + 9, memo="løn")
        add_coding(s, new.id, find_code(s, leaves[1]).id, coder, len(Q), len(Q + A))
        set_memo(s, "Vigtigt sted", coder_id=coder, coding_id=c1.id)
        set_memo(s, "Om interview 3", coder_id=coder, document_id=new.id)
        case = case_for_document(s, new)
        set_value(s, case, ensure_attribute(s, "sektor_fra"), "region")
        set_value(s, case, ensure_attribute(s, "alder"), "52")
        old = s.scalar(select(Document).where(Document.name == "Interview 1"))
        set_value(s, case_for_document(s, old), ensure_attribute(s, "køn"), "mand")  # differs
        set_value(s, case_for_document(s, old), ensure_attribute(s, "alder"), "47")  # missing
        new_guid = new.guid
    yield master, anne, master_path, anne_path, new_guid
    master.close()
    anne.close()


def test_new_document_comes_over_with_turns_codings_memos_and_attributes(copies) -> None:
    master, anne, _, anne_path, guid = copies
    expected = document_row(anne, guid)
    report = merge_project(master, anne_path)
    got = document_row(master, guid)
    assert got["name"] == "Interview 3 (2)"  # the name is taken here by other text
    assert got["case"] == "Interview 3 (2)"  # so is the case's name
    assert {k: v for k, v in got.items() if k not in ("name", "case")} == {
        k: v for k, v in expected.items() if k not in ("name", "case")
    }
    assert got["turns"] and got["turns"][1].speaker == "Leder"  # same positions, speakers
    assert len(got["codings"]) == 2 and len(got["memos"]) == 1
    assert ("Leder", "respondent") in {(n, r) for n, r, _ in got["speakers"]}
    with transaction(master) as s:  # the memo on the coding came along too
        assert s.scalar(select(func.count(Memo.id)).where(Memo.text == "Vigtigt sted")) == 1
    assert report.documents_added == ["Interview 3 (2)"]
    assert report.codings_added == 2 and report.codings_skipped == 0
    assert report.memos_added == 2
    assert report.cases_added == ["Interview 3 (2)"] and report.attributes_added == ["alder"]
    assert report.attribute_values_added == 3  # region and 52 (new case), 47 (Interview 1)
    assert report.attribute_values_present == 1  # sektor_fra of Interview 1
    kinds = [c.kind for c in report.conflicts]
    assert {"document_renamed", "case_renamed"} <= set(kinds)
    assert "document_missing" not in kinds
    assert "Documents: 1 added (Interview 3 (2))" in report.summary()
    assert "Attribute values: 3 added, 1 already present." in report.summary()
    renamed = next(c for c in report.conflicts if c.kind == "document_renamed")
    assert "'Interview 3 (2)'" in renamed.message


def test_conflicting_attribute_value_is_listed_and_kept(copies) -> None:
    master, _, _, anne_path, _ = copies
    report = merge_project(master, anne_path)
    differs = [c for c in report.conflicts if c.kind == "attribute_differs"]
    assert len(differs) == 1
    assert "'køn'" in differs[0].message and "'kvinde' here but 'mand'" in differs[0].message
    with transaction(master) as s:
        old = s.scalar(select(Document.id).where(Document.name == "Interview 1"))
        assert document_attributes(s)[old] == {"sektor_fra": "kommune", "køn": "kvinde",
                                               "alder": "47"}  # fmt: skip


def test_merging_twice_adds_nothing(copies) -> None:
    master, _, _, anne_path, guid = copies
    merge_project(master, anne_path)
    before, row = counts(master), document_row(master, guid)
    again = merge_project(master, anne_path)
    assert counts(master) == before and document_row(master, guid) == row
    assert again.documents_added == [] and again.cases_added == []
    assert again.attributes_added == [] and again.attribute_values_added == 0
    assert again.codings_added == 0 and again.memos_added == 0
    assert again.attribute_values_present == 4 and again.codings_present == 2
    assert not {"document_renamed", "case_renamed"} & {c.kind for c in again.conflicts}
    assert [c.kind for c in again.conflicts].count("attribute_differs") == 1


@pytest.mark.parametrize("where", ["attributes", "memos"])
def test_failure_midway_leaves_project_unchanged(
    copies, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    import coding.compare.merge as merge_mod

    master, _, _, anne_path, guid = copies
    before = counts(master)
    if where == "attributes":  # after the document, speakers and turns are stored

        def broken(*args: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(merge_mod, "_merge_attributes", broken)
    else:  # after the document, its case and attribute values are stored
        real_insert = merge_mod.insert

        def failing(table):
            if table is Memo:
                raise RuntimeError("disk full")
            return real_insert(table)

        monkeypatch.setattr(merge_mod, "insert", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        merge_project(master, anne_path)
    assert counts(master) == before
    with transaction(master) as s:
        assert s.scalar(select(Document.id).where(Document.guid == guid)) is None
        assert s.scalar(select(Attribute.id).where(Attribute.name == "alder")) is None
    monkeypatch.undo()
    assert merge_project(master, anne_path).documents_added == ["Interview 3 (2)"]


def test_cli_lists_added_documents_and_attributes(
    copies, capsys: pytest.CaptureFixture[str]
) -> None:
    master, anne, master_path, anne_path, _ = copies
    master.close()
    anne.close()
    assert main.main(["merge", str(master_path), str(anne_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents_added"] == ["Interview 3 (2)"]
    assert data["cases_added"] == ["Interview 3 (2)"] and data["attributes_added"] == ["alder"]
    assert data["attribute_values_added"] == 3
    assert any(c["kind"] == "attribute_differs" for c in data["conflicts"])
    assert main.main(["merge", str(master_path), str(anne_path)]) == 0
    out = capsys.readouterr().out
    assert "Documents: 0 added, 1 matched by content." in out
    assert "Attribute values: 0 added, 4 already present." in out
    assert "[attribute_differs]" in out


def test_document_guid_taken_here_by_other_text_gets_a_new_guid(copies) -> None:
    master, anne, _, anne_path, guid = copies
    expected = document_row(anne, guid)
    with transaction(master) as s:
        store_document(s, "Noget andet", ParsedDocument("Helt anden tekst.\n", "txt"), guid=guid)
    report = merge_project(master, anne_path)
    assert [c.kind for c in report.conflicts].count("document_guid_clash") == 1
    with transaction(master) as s:
        new = s.scalar(select(Document).where(Document.text_sha256 == expected["text_sha256"]))
        assert new is not None and new.guid != guid
        assert document_turns(s, new.id) == expected["turns"]
        assert s.scalar(select(func.count(Coding.id)).where(Coding.document_id == new.id)) == 2
    before = counts(master)
    assert merge_project(master, anne_path).documents_added == [] and counts(master) == before
