"""CSV/XLSX exports of coded segments and frequency matrices, and the exchange CLI."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from coding.exchange.tabular import export_matrix, export_segments
from coding.project import transaction
from main import main
from models.db import Database
from models.entities import Coding
from tests.test_exchange_refi import TEXT_1, build_synthetic


@pytest.fixture
def synthetic(tmp_path: Path) -> Database:
    db = build_synthetic(tmp_path / "syn.tematik")
    yield db
    db.close()


def test_segments_csv_has_bom_header_and_exact_text(synthetic: Database, tmp_path: Path) -> None:
    out = tmp_path / "seg.csv"
    with transaction(synthetic) as s:
        report = export_segments(s, out, by="sektor_fra")
        n = len(list(s.scalars(select(Coding.id))))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Dokument", "Kode", "Kodet af", "Start", "Slut", "Taler", "Tekst", "Memo",
                       "sektor_fra"]  # fmt: skip
    assert report.rows == n == len(rows) - 1
    net = next(r for r in rows if r[1] == "Motivation/Netværk 😀")
    assert net[0] == "Interview ø1" and net[2] == "Anne" and net[5] == "Leder"
    assert net[6] == TEXT_1[int(net[3]) : int(net[4])] == "Netværket 👩‍👩‍👧 var afgørende"
    assert net[7] == "Vigtig ✔" and net[8] == "kommune"


def test_segments_xlsx_is_styled_frozen_and_keeps_formulas_as_text(
    synthetic: Database, tmp_path: Path
) -> None:
    with transaction(synthetic) as s:
        coding = s.scalars(select(Coding).where(Coding.memo == "Vigtig ✔")).one()
        coding.memo = '=HYPERLINK("http://x")'
    out = tmp_path / "seg.xlsx"
    with transaction(synthetic) as s:
        report = export_segments(s, out, language="en")
    wb = load_workbook(out)
    ws = wb.active
    assert ws.title == "Segments" and ws.freeze_panes == "A2"
    assert ws["A1"].value == "Document" and ws["A1"].font.b
    assert ws.auto_filter.ref == f"A1:H{report.rows + 1}"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == report.rows == 4
    net = next(r for r in rows if r[1] == "Motivation/Netværk 😀")
    assert isinstance(net[3], int) and net[6] == "Netværket 👩‍👩‍👧 var afgørende"
    memo_cell = next(c for c in ws["H"] if c.value == '=HYPERLINK("http://x")')
    assert memo_cell.data_type == "s"
    with zipfile.ZipFile(out) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_matrix_by_document_and_by_attribute(synthetic: Database, tmp_path: Path) -> None:
    with transaction(synthetic) as s:
        export_matrix(s, tmp_path / "m.csv")
        export_matrix(s, tmp_path / "a.xlsx", by="sektor_fra")
    rows = list(csv.reader((tmp_path / "m.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Kode", "Interview ø1", "Interview 2", "I alt"]
    assert ["Barrierer/Løn og pension", "2", "1", "3"] in rows
    wb = load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames == ["Kodninger", "Dokumenter"]
    counts = {r[0]: r[1:] for r in wb["Kodninger"].iter_rows(min_row=2, values_only=True)}
    docs = {r[0]: r[1:] for r in wb["Dokumenter"].iter_rows(min_row=2, values_only=True)}
    header = next(wb["Kodninger"].iter_rows(max_row=1, values_only=True))
    assert header == ("Kode", "kommune", "stat", "I alt")
    assert counts["Barrierer/Løn og pension"] == (2, 1, 3)
    assert docs["Barrierer/Løn og pension"] == (1, 1, 2)


def test_cli_export_and_import(
    synthetic: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(synthetic.path)
    synthetic.close()
    out = tmp_path / "x.qdpx"
    assert main(["export", project, str(out)]) == 0
    assert main(["export", project, str(tmp_path / "x.qdc")]) == 0
    assert main(["export", project, str(tmp_path / "x.csv"), "--coders", "Anne"]) == 0
    assert (
        main(
            ["export", project, str(tmp_path / "m.xlsx"), "--table", "matrix", "--by", "sektor_fra"]
        )
        == 0
    )
    capsys.readouterr()
    rows = list(csv.reader((tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert {r[2] for r in rows[1:]} == {"Anne"}
    new = tmp_path / "new.tematik"
    assert main(["import-refi", str(new), str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["created"] is True and data["codings"] == 4 and data["documents"] == 2
    # Into the existing project again: nothing new, duplicates reported.
    assert main(["import-refi", str(new), str(out)]) == 0
    assert "duplicate codings 4" in capsys.readouterr().out
    assert main(["export", project, str(tmp_path / "p.csv"), "--pseudonymize"]) == 2
    assert main(["import-refi", str(tmp_path / "never.tematik"), str(tmp_path / "x.csv")]) == 2
    assert not (tmp_path / "never.tematik").exists()
    assert "Cannot import x.csv" in capsys.readouterr().err
