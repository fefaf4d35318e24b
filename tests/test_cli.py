"""The CLI contract: sub-commands, JSON/CSV output, exit status and errors without tracebacks."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as DocxDocument

import main
from tests._paths import REPO


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_import_info_segments_round(tmp_path: Path, capsys) -> None:
    proj = tmp_path / "p.tematik"
    code, out, _ = run(
        capsys, "new", str(proj), "--codebook", "ledermobilitet-en", "--language", "en"
    )
    assert code == 0 and "Created" in out
    t1 = tmp_path / "leder_a.txt"
    t1.write_text(
        "Interviewer: Why did you move?\n\nAnna: The pay. And I wanted to learn.\n\n"
        "Interviewer: Anything else?\n\nAnna: The network, mostly.\n",
        encoding="utf-8",
    )
    t2 = tmp_path / "leder_b.docx"
    d = DocxDocument()
    d.add_paragraph("I: Hvorfor blev du i kommunen?")
    d.add_paragraph("R: Lønnen i det private er højere, men meningen er her.")
    d.save(t2)
    attrs = tmp_path / "attr.csv"
    attrs.write_text(
        "document,sector_from\nleder_a,municipality\nleder_b,state\nghost,private\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", str(proj), str(t1), str(t2), "--attributes", str(attrs))
    assert code == 0, err
    assert "imported: leder_a" in out and "imported: leder_b" in out
    assert "not in the project: ghost" in out

    code, out, _ = run(capsys, "info", str(proj), "--json")
    data = json.loads(out)
    assert [d["name"] for d in data["documents"]] == ["leder_a", "leder_b"]
    a = data["documents"][0]
    assert a["turns"] == 4 and a["speakers"] == ["Anna", "Interviewer"]
    assert {"path": "Barriers/Pay and pension", "kind": "barrier"}.items() <= next(
        c for c in data["codes"] if c["path"] == "Barriers/Pay and pension"
    ).items()
    assert data["codings"]["total"] == 0

    # The same import again is skipped as a duplicate, not stored twice.
    code, out, _ = run(capsys, "import", str(proj), str(t1))
    assert code == 0 and "skipped" in out


def test_demo_info_and_segments(tmp_path: Path, capsys, demo_path: Path) -> None:
    code, out, _ = run(capsys, "info", str(demo_path), "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data["documents"]) >= 8
    assert {d["format"] for d in data["documents"]} >= {"txt", "docx", "vtt"}
    assert {c["name"] for c in data["coders"]} >= {"Anne", "Bo"}
    assert data["codings"]["by_coder"]["Anne"] > 50 and data["codings"]["by_coder"]["Bo"] > 50

    code, out, _ = run(
        capsys, "segments", str(demo_path), "--code", "Løn og pension", "--coder", "Anne", "--json"
    )
    rows = json.loads(out)
    assert rows and {r["coder"] for r in rows} == {"Anne"}
    assert {r["code_path"] for r in rows} == {"Barrierer/Løn og pension"}
    # Text equals the stored document text at the stated positions.
    from coding.documents import find_document
    from coding.project import open_project, transaction

    db = open_project(demo_path)
    with transaction(db) as s:
        for r in rows:
            doc = find_document(s, r["document"])
            assert doc.text[r["start"] : r["end"]] == r["text"]
    db.close()

    code, out, _ = run(
        capsys, "segments", str(demo_path), "--document", rows[0]["document"], "--csv"
    )
    table = list(csv.DictReader(io.StringIO(out)))
    assert table and {t["document"] for t in table} == {rows[0]["document"]}
    assert set(table[0]) == {
        "document",
        "code_path",
        "coder",
        "start",
        "end",
        "speaker",
        "text",
        "memo",
        "guid",
    }


def test_user_errors_go_to_stderr_with_status_2_and_no_traceback(tmp_path: Path) -> None:
    cases = [
        ["info", str(tmp_path / "missing.tematik")],
        ["segments", str(tmp_path / "missing.tematik")],
        ["new", str(tmp_path / "x.tematik"), "--codebook", "nope"],
    ]
    for argv in cases:
        p = subprocess.run(
            [sys.executable, str(REPO / "main.py"), *argv], capture_output=True, text=True
        )
        assert p.returncode == 2, (argv, p.stderr)
        assert p.stderr.startswith("tematik: error:") and "Traceback" not in p.stderr
        assert p.stdout == ""


def test_import_of_bad_file_fails_cleanly_and_keeps_good_ones(tmp_path: Path, capsys) -> None:
    proj = tmp_path / "p.tematik"
    run(capsys, "new", str(proj))
    good = tmp_path / "good.txt"
    good.write_text("I: Hej\n\nR: Hej med dig, jeg er kontorchef i regionen.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    code, out, err = run(capsys, "import", str(proj), str(bad), str(good))
    assert code == 1
    assert "bad.txt" in err and "imported: good" in out
    code, out, _ = run(capsys, "info", str(proj), "--json")
    assert [d["name"] for d in json.loads(out)["documents"]] == ["good"]


def test_segments_unknown_code_is_a_user_error(demo_path: Path, capsys) -> None:
    code, _, err = run(capsys, "segments", str(demo_path), "--code", "Findes ikke")
    assert code == 2 and "No code" in err


@pytest.mark.parametrize("argv", [["--version"]])
def test_version(argv, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main.main(argv)
    assert exc.value.code == 0
    assert "Tematik" in capsys.readouterr().out
