"""Importing into a project: atomic per file, progress and cancel, bad files leave the project
untouched, case attributes from CSV and XLSX."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from coding.attributes import document_attributes, import_attributes
from coding.documents import document_turns, import_files
from coding.errors import TematikError
from coding.progress import RecordingProgress
from coding.project import transaction
from models.entities import Document, Turn

GOOD = "I: Hvordan var skiftet fra kommunen?\n\nR: Lønnen var højere, men kulturen var fremmed.\n\nI: Og netværket?\n\nR: Det måtte jeg bygge op forfra.\n"


def table_digest(db) -> str:
    """A digest of every row of the tables an import writes."""
    with transaction(db) as s:
        docs = s.execute(select(Document.name, Document.text).order_by(Document.id)).all()
        turns = s.execute(select(Turn.document_id, Turn.start, Turn.end).order_by(Turn.id)).all()
    return hashlib.sha256(
        json.dumps([list(map(list, docs)), list(map(list, turns))]).encode()
    ).hexdigest()


def bad_files(tmp: Path) -> dict[str, Path]:
    files = {}
    f = tmp / "binary.txt"
    f.write_bytes(b"\x7fELF" + bytes(range(256)) * 40)
    files["binary"] = f
    f = tmp / "empty.txt"
    f.write_bytes(b"")
    files["empty"] = f
    f = tmp / "truncated.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document>" + "x" * 5000 + "</w:document>")
    f.write_bytes(buf.getvalue()[:700])
    files["truncated"] = f
    f = tmp / "bomb.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    files["bomb"] = f
    f = tmp / "huge.txt"
    with f.open("wb") as fh:
        chunk = ("R: " + "ord " * 2000 + "\n").encode()
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    files["huge"] = f
    d = tmp / "folder.txt"
    d.mkdir()
    files["directory"] = d
    return files


def test_bad_inputs_give_clear_errors_and_leave_project_unchanged(db, tmp_path: Path) -> None:
    good = tmp_path / "first.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert import_files(db, [good]).imported == ["first"]
    before = table_digest(db)
    for kind, path in bad_files(tmp_path).items():
        report = import_files(db, [path])
        assert report.imported == [] and len(report.failed) == 1, kind
        assert path.name in report.failed[0], (kind, report.failed)
        assert table_digest(db) == before, kind


def test_batch_import_reports_progress_and_can_be_cancelled(db, tmp_path: Path) -> None:
    files = []
    for i in range(5):
        f = tmp_path / f"interview_{i}.txt"
        f.write_text(GOOD.replace("kommunen", f"kommune nr. {i}"), encoding="utf-8")
        files.append(f)
    progress = RecordingProgress(cancel_after=3)
    report = import_files(db, files, progress)
    assert report.cancelled
    assert report.imported == ["interview_0", "interview_1", "interview_2"]
    assert [r[0] for r in progress.reports] == [0, 1, 2]
    with transaction(db) as s:
        assert s.scalar(select(func.count(Document.id))) == 3
    # The rest imports later; duplicates by content are skipped.
    report = import_files(db, files)
    assert report.imported == ["interview_3", "interview_4"] and len(report.skipped) == 3


def test_turns_are_stored_with_speakers(db, tmp_path: Path) -> None:
    f = tmp_path / "leder.txt"
    f.write_text(GOOD, encoding="utf-8")
    import_files(db, [f])
    with transaction(db) as s:
        doc = s.scalars(select(Document)).one()
        turns = document_turns(s, doc.id)
        assert [t.speaker for t in turns] == ["I", "R", "I", "R"]
        # Stored through the driver on SQLite, read back through the ORM as a datetime.
        assert abs((datetime.now(UTC).replace(tzinfo=None) - doc.imported_at).total_seconds()) < 60
        assert (
            doc.text[turns[1].start : turns[1].end]
            == "Lønnen var højere, men kulturen var fremmed."
        )
        assert doc.turns[0].guid == doc.turns[0].guid and len({t.guid for t in doc.turns}) == 4


def _import_two(db, tmp_path: Path) -> None:
    for name in ("leder_a", "leder_b"):
        f = tmp_path / f"{name}.txt"
        f.write_text(GOOD + name, encoding="utf-8")
        import_files(db, [f])


def test_attributes_from_xlsx(db, tmp_path: Path) -> None:
    _import_two(db, tmp_path)
    wb = Workbook()
    ws = wb.active
    ws.append(["Dokument", "sektor_fra", "år_som_leder"])
    ws.append(["leder_a", "kommune", 12])
    ws.append(["leder_b.txt", "privat", 3])
    path = tmp_path / "attr.xlsx"
    wb.save(path)
    with transaction(db) as s:
        rep = import_attributes(s, path)
        assert rep.documents == 2 and rep.attributes == ["sektor_fra", "år_som_leder"]
    with transaction(db) as s:
        values = {s.get(Document, k).name: v for k, v in document_attributes(s).items()}
    assert values == {
        "leder_a": {"sektor_fra": "kommune", "år_som_leder": "12"},
        "leder_b": {"sektor_fra": "privat", "år_som_leder": "3"},
    }


def test_attributes_cp1252_csv_with_semicolons(db, tmp_path: Path) -> None:
    _import_two(db, tmp_path)
    path = tmp_path / "attr.csv"
    path.write_bytes("document;område\nleder_a;Region Sjælland\nleder_b;Århus\n".encode("cp1252"))
    with transaction(db) as s:
        import_attributes(s, path)
    with transaction(db) as s:
        vals = sorted(v["område"] for v in document_attributes(s).values())
    assert vals == ["Region Sjælland", "Århus"]


def test_bad_attribute_files_are_refused_without_changes(db, tmp_path: Path) -> None:
    _import_two(db, tmp_path)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip at all")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("document,x\nnobody,1\n", encoding="utf-8")
    for path, msg in [(bad, "not a valid Excel"), (unknown, "None of the documents")]:
        with pytest.raises(TematikError, match=msg), transaction(db) as s:
            import_attributes(s, path)
    with transaction(db) as s:
        assert document_attributes(s) == {}


def test_a_group_the_database_refuses_is_retried_file_by_file(
    db, tmp_path: Path, monkeypatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    import coding.documents as documents

    real = documents._insert_document

    def refusing(conn, batch, name, *args, **kwargs):
        if name == "interview_1":
            raise IntegrityError("INSERT", {}, Exception("disk says no"))
        return real(conn, batch, name, *args, **kwargs)

    monkeypatch.setattr(documents, "_insert_document", refusing)
    files = []
    for i in range(3):
        f = tmp_path / f"interview_{i}.txt"
        f.write_text(GOOD + str(i), encoding="utf-8")
        files.append(f)
    report = import_files(db, files, commit_seconds=3600)  # one group for all three
    assert report.imported == ["interview_0", "interview_2"]
    assert len(report.failed) == 1 and "interview_1.txt" in report.failed[0]
    assert "disk says no" in report.failed[0]
    with transaction(db) as s:
        assert sorted(s.scalars(select(Document.name))) == ["interview_0", "interview_2"]
        assert s.scalar(select(func.count(Turn.id))) == 8


def test_foreign_keys_stay_enforced_after_a_batch_import(db, tmp_path: Path) -> None:
    """The bulk store switches SQLite's per-row checks off for its own transaction only."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    f = tmp_path / "leder.txt"
    f.write_text(GOOD, encoding="utf-8")
    assert import_files(db, [f]).imported == ["leder"]
    for _ in range(3):  # every pooled connection
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text('INSERT INTO turn (document_id, start, "end") VALUES (9999, 0, 1)'))
