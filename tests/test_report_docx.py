"""The theme summary .docx, read back with python-docx and checked against the database."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn
from docx.shared import Mm

from coding.attributes import document_attributes
from coding.codebook import code_tree, descendant_ids, find_code
from coding.compare.compare import AgreementReport, compare_coders, verdict
from coding.errors import Cancelled, TematikError
from coding.progress import RecordingProgress
from coding.project import open_project, transaction
from coding.pseudonymize import set_case_names
from coding.queries import SegmentFilter, segments
from coding.report import ReportOptions, export_report
from main import main as cli_main
from models.db import Database
from models.entities import Document, Speaker

CODERS = ["Anne", "Bo"]


@pytest.fixture(scope="module")
def demo_report(
    demo_master: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Path]]:
    """The demo project (a copy) and its Danish report, written once for this module."""
    folder = tmp_path_factory.mktemp("report")
    project = folder / "demo.tematik"
    shutil.copy(demo_master, project)
    db = open_project(project)
    out = folder / "rapport.docx"
    export_report(db, out, ReportOptions(coders=CODERS))
    yield db, out
    db.close()


def all_text(path: Path) -> str:
    doc = read_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    for sec in doc.sections:
        parts.extend(p.text for p in sec.header.paragraphs)
        parts.extend(p.text for p in sec.footer.paragraphs)
    return "\n".join(parts)


def headings(path: Path, level: int) -> list[str]:
    return [p.text for p in read_docx(str(path)).paragraphs if p.style.name == f"Heading {level}"]


def test_structure_styles_fields_and_page(demo_report: tuple[Database, Path]) -> None:
    db, out = demo_report
    doc = read_docx(str(out))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Caption", "Quote Text"} <= styles
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(1) and abs(sec.page_height - Mm(297)) < Mm(1)
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode()
        settings = z.read("word/settings.xml").decode()
        footers = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert "<w:updateFields" in settings
    assert " PAGE " in footers and " NUMPAGES " in footers
    assert "SEQ Tabel" in body and "SEQ Figur" in body
    assert doc.tables and all(t.style.name == "Tematik Table" for t in doc.tables)
    # An embedded chart (PNG) with a figure caption.
    assert doc.inline_shapes and any(p.text.startswith("Figur 1:") for p in doc.paragraphs)
    assert not list(out.parent.glob("*.part"))


def test_heading_for_every_theme_and_code(demo_report: tuple[Database, Path]) -> None:
    db, out = demo_report
    h1, h2 = headings(out, 1), headings(out, 2)
    with transaction(db) as s:
        tree = code_tree(s)
    for node in tree:
        if node.depth == 0:
            assert node.name in h1, node.name
        elif node.depth == 1:
            assert node.name in h2, node.name
    assert "Metode og datagrundlag" in h1 and "Bilag A: Kodebog" in h1
    assert "Bilag B: Interkoder-enighed" in h1  # two analysts: agreement appendix


def test_overview_numbers_equal_the_database(demo_report: tuple[Database, Path]) -> None:
    db, out = demo_report
    doc = read_docx(str(out))
    table = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "Kode" and t.rows[0].cells[1].text == "I alt"
    )
    header = [c.text for c in table.rows[0].cells]
    groups = [h.split("\n")[0] for h in header[2:]]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    with transaction(db) as s:
        attrs = document_attributes(s)
        group_of = {d: f"{a['sektor_fra']} → {a['sektor_til']}" for d, a in attrs.items()}
        assert sorted(set(group_of.values())) == sorted(groups)
        for node in code_tree(s):
            segs = segments(s, SegmentFilter(codes=[node.path], coders=CODERS), context=0)
            expected = f"{len({x.document_id for x in segs})} ({len(segs)})"
            assert rows[node.name][1] == expected, node.path
            for j, g in enumerate(groups):
                inside = [x for x in segs if group_of[x.document_id] == g]
                cell = f"{len({x.document_id for x in inside})} ({len(inside)})"
                assert rows[node.name][2 + j] == cell, (node.path, g)


SOURCE = re.compile(
    r"^— (?:(?P<speaker>[^,]+), )?interview (?P<doc>\S+), tegn (?P<a>[\d.]+)–(?P<b>[\d.]+)"
)


def test_quotes_are_the_stored_text_at_the_stated_position(
    demo_report: tuple[Database, Path],
) -> None:
    db, out = demo_report
    paras = read_docx(str(out)).paragraphs
    checked = 0
    with transaction(db) as s:
        texts = {d.name: d.text for d in s.query(Document)}
        speakers = {n for (n,) in s.query(Speaker.name)}
        for i, p in enumerate(paras):
            if p.style.name != "Quote Source":
                continue
            m = SOURCE.match(p.text)
            assert m, p.text
            quote = paras[i - 1]
            assert quote.style.name == "Quote Text"
            text = quote.text.removesuffix(" …")
            a, b = int(m["a"].replace(".", "")), int(m["b"].replace(".", ""))
            assert texts[m["doc"]][a - 1 : b] == text
            assert 1 <= b - a + 1 <= 600
            assert m["speaker"] in speakers
            checked += 1
    assert checked >= 20


def test_key_terms_and_memos_present(demo_report: tuple[Database, Path]) -> None:
    _, out = demo_report
    doc = read_docx(str(out))
    text = all_text(out)
    captions = [
        p.text
        for p in doc.paragraphs
        if p.text.startswith("Tabel") and "Nøgleord for temaet" in p.text
    ]
    assert len(captions) >= 2
    assert "Memo af" in text and "Analyse" in text


def test_pseudonymized_report_has_no_real_name_left(demo_path: Path, tmp_path: Path) -> None:
    db = open_project(demo_path)
    try:
        with transaction(db) as s:
            doc = s.query(Document).filter(Document.name == "01_kommune_til_privat").one()
            assert "Fyn" in doc.text
            set_case_names(
                s, doc.case_id, [{"name": "Fyn", "kind": "place"}, {"name": "Anders Kjeldsen"}]
            )
            speakers = sorted({n for (n,) in s.query(Speaker.name)})
        out = tmp_path / "pseudo.docx"
        export_report(db, out, ReportOptions(coders=CODERS, pseudonymize=True))
    finally:
        db.close()
    text = all_text(out)
    real = [n for n in speakers if n not in ("I", "R", "Interviewer")] + ["Fyn"]
    assert len(real) >= 5
    for name in real:
        for word in [name, *name.split()]:
            assert not re.search(rf"(?<!\w){re.escape(word)}", text, re.IGNORECASE), word
    assert "Person 1" in text and "Sted 1" in text
    assert "Pseudonymisering" in headings(out, 2)


def test_english_report_and_filters(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report_en.docx"
    code = "Barrierer/Løn og pension"
    rc = cli_main(
        ["export", str(demo_path), str(out), "--language", "en", "--coders", "Anne",
         "--codes", code, "--by", "køn"]
    )  # fmt: skip
    assert rc == 0 and out.exists()
    h1 = headings(out, 1)
    assert "Method and data" in h1 and "Summary" in h1 and "Metode og datagrundlag" not in h1
    assert "Barrierer" in h1 and "Motivationer" not in h1
    text = all_text(out)
    assert "Only one coder's work is included" in text
    table = next(t for t in read_docx(str(out)).tables if t.rows[0].cells[1].text == "Total")
    assert [c.text.split("\n")[0] for c in table.rows[0].cells[2:]] == ["kvinde", "mand"]
    db = open_project(demo_path)
    try:
        with transaction(db) as s:
            segs = segments(s, SegmentFilter(codes=[code], coders=["Anne"]), context=0)
    finally:
        db.close()
    row = next(r for r in table.rows if r.cells[0].text == "Løn og pension")
    assert row.cells[1].text == f"{len({x.document_id for x in segs})} ({len(segs)})"


def test_user_errors_name_the_problem(demo_path: Path, tmp_path: Path) -> None:
    db = open_project(demo_path)
    try:
        with pytest.raises(TematikError, match="No case attribute 'nope'"):
            export_report(db, tmp_path / "x.docx", ReportOptions(by="nope"))
        with pytest.raises(TematikError, match="No coder named 'Zoe'"):
            export_report(db, tmp_path / "x.docx", ReportOptions(coders=["Zoe"]))
        with pytest.raises(TematikError, match="folder .* does not exist"):
            export_report(db, tmp_path / "missing" / "x.docx")
    finally:
        db.close()
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob("*.part"))


def test_cancel_leaves_no_file(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.docx"
    db = open_project(demo_path)
    try:
        for after in (2, 6):
            progress = RecordingProgress(cancel_after=after)
            with pytest.raises(Cancelled):
                export_report(db, out, ReportOptions(coders=CODERS), progress)
            assert not out.exists()
            assert not list(tmp_path.glob("*.part"))
    finally:
        db.close()


def test_libreoffice_converts_the_report(
    demo_report: tuple[Database, Path], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    _, out = demo_report
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Error" not in proc.stderr, proc.stderr
    pdf = tmp_path / (out.stem + ".pdf")
    assert pdf.exists(), proc.stdout + proc.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages >= 10


def _small_project(db: Database) -> None:
    """Two interviews without case attributes, one coder, one pinned coding, one memo."""
    from coding.codebook import find_code
    from coding.codings import add_coding, set_memo, set_pinned
    from coding.documents import store_document
    from coding.importing.base import ParsedDocument, ParsedTurn
    from coding.project import ensure_coder

    text = (
        "I: Hvorfor skiftede du?\n\nR: Lønnen i det private var markant højere, og pensionen "
        "betød mindre for mig, end jeg havde troet, da jeg skulle beslutte mig.\n"
    )
    turns = [ParsedTurn(3, 23, "I"), ParsedTurn(28, len(text) - 1, "R")]
    with transaction(db) as s:
        anne = ensure_coder(s, "Anne")
        code = find_code(s, "Barrierer/Løn og pension")
        for name in ("A", "B"):
            doc = store_document(s, name, ParsedDocument(text, "txt", turns))
            start = text.index("Lønnen")
            c = add_coding(s, doc.id, code.id, anne.id, start, len(text) - 1)
            if name == "B":
                set_pinned(s, c.id, True)
        set_memo(s, "Løn nævnes i begge interviews.", coder_id=anne.id, code_id=code.id)


def test_report_without_groups_and_without_agreement(db: Database, tmp_path: Path) -> None:
    from coding.report.model import collect

    _small_project(db)
    with transaction(db) as s:
        data = collect(s, ReportOptions(), agreement=lambda *a: None)
        assert data.agreement is None and data.grouping == "" and data.groups == []
        assert (
            data.agreement_note
            == "Kun én koders arbejde indgår, så interkoder-enighed er ikke relevant."
        )
        theme = next(th for th in data.themes if th.root.name == "Barrierer")
        code = next(c for c in theme.codes if c.name == "Løn og pension")
        assert (code.interviews, code.codings) == (2, 2)
        assert code.quotes[0].pinned and code.quotes[0].document == "B"
        assert code.memos == [("Anne", "Løn nævnes i begge interviews.")]
    out = tmp_path / "lille.docx"
    result = export_report(db, out, ReportOptions())
    assert result.figures == 0  # no groups: no chart
    doc = read_docx(str(out))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Kode")
    assert [c.text for c in table.rows[0].cells] == ["Kode", "Interv.", "Kodn."]
    row = next(r for r in table.rows if r.cells[0].text == "Løn og pension")
    assert [c.text for c in row.cells] == ["Løn og pension", "2", "2"]
    text = all_text(out)
    assert "udvalgt" in text and "Løn nævnes i begge interviews." in text


def test_agreement_degrades_when_not_available(demo_db: Database) -> None:
    from coding.report.model import collect

    def missing(*_a: object) -> None:
        raise ImportError("coding.agreement")

    with transaction(demo_db) as s:
        data = collect(s, ReportOptions(coders=CODERS), agreement=missing)
    assert data.agreement is None
    assert data.agreement_note == "Interkoder-enighed er ikke beregnet for denne rapport."


# --- agreement: the same figures as compare_coders (the supervisor view and the CLI) -----------


def _cli_number(key: str, value: float, language: str) -> str:
    """A figure as ``tematik agreement`` prints it; Danish with a decimal comma."""
    if not math.isfinite(value):
        return "–"
    text = f"{100 * value:.1f}" if key == "coded_agreement" else f"{value:.3f}"
    return text.replace(".", ",") if language == "da" else text


def _cli_interval(low: float, high: float, language: str) -> str:
    if language == "da":
        return f"[{low:.2f}; {high:.2f}]".replace(".", ",")
    return f"[{low:.2f}, {high:.2f}]"


def _expected_rows(report: AgreementReport, language: str) -> dict[str, list[str]]:
    """Code name → the cells the report's agreement table should show, from compare_coders."""
    words = {
        "da": {
            "reliable": "pålidelig",
            "tentative": "foreløbig",
            "unreliable": "upålidelig",
            "undefined": "udefineret",
        },
        "en": {k: k for k in ("reliable", "tentative", "unreliable", "undefined")},
    }[language]
    _cols, rows = report.summary()
    out: dict[str, list[str]] = {}
    for cid, path, v in rows:
        name = (
            path.rsplit("/", 1)[-1]
            if cid is not None
            else {"da": "Samlet"}.get(language, "Overall")
        )
        turn = _cli_number("turn_alpha", v["turn_alpha"], language)
        if math.isfinite(v["turn_alpha_low"]):
            turn += " " + _cli_interval(v["turn_alpha_low"], v["turn_alpha_high"], language)
        main = next(
            v[k] for k in ("u_alpha", "char_alpha", "turn_alpha", "cu_alpha") if math.isfinite(v[k])
        )
        out[name] = [
            _cli_number("u_alpha", v["u_alpha"], language),
            _cli_number("char_kappa", v["char_kappa"], language),
            _cli_number("coded_agreement", v["coded_agreement"], language),
            turn,
            words[verdict(main)],
        ]
    return out


def _agreement_table(path: Path, caption: str) -> tuple[list[str], dict[str, list[str]], object]:
    """The header and the figure rows (name → cells) of the appendix table, and the table."""
    doc = read_docx(str(path))
    assert any(p.text.endswith(caption) for p in doc.paragraphs if p.style.name == "Caption")
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "uα")
    header = [c.text for c in table.rows[0].cells]
    rows = {}
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        if any(cells[1:]):  # theme lines have no figures
            assert cells[0] not in rows
            rows[cells[0]] = cells[1:]
    return header, rows, table


@pytest.mark.parametrize("language", ["da", "en"])
def test_agreement_figures_equal_compare_coders(
    demo_db: Database, tmp_path: Path, language: str
) -> None:
    out = tmp_path / f"rapport_{language}.docx"
    export_report(demo_db, out, ReportOptions(coders=CODERS, language=language))
    with transaction(demo_db) as s:
        report = compare_coders(s, CODERS)  # as `tematik agreement demo --coders Anne,Bo`
    expected = _expected_rows(report, language)
    caption = {"da": "Interkoder-enighed pr. kode: Anne og Bo", "en": "Inter-coder agreement per code: Anne and Bo"}[language]  # fmt: skip
    header, rows, table = _agreement_table(out, caption)
    assert (
        header[1:]
        == {
            "da": ["uα", "Tegn κ", "Enige om kodet %", "Taletur α [95 % KI]", "Vurdering"],
            "en": ["uα", "Char. κ", "Agree on coded %", "Turn α [95% CI]", "Verdict"],
        }[language]
    )
    assert len(report.codes) == 18 and len(rows) == 19  # every compared code and the overall row
    assert rows == expected
    assert list(rows)[-1] == ("Samlet" if language == "da" else "Overall")
    verdicts = {v[-1] for v in rows.values()}
    assert len(verdicts) >= 2  # the demo has reliable and less reliable codes
    # The verdict cells carry the supervisor view's colour bands.
    fills = {"pålidelig": "B9E4BD", "reliable": "B9E4BD", "foreløbig": "FFE2A8",
             "tentative": "FFE2A8", "upålidelig": "F7B9B9", "unreliable": "F7B9B9"}  # fmt: skip
    for row in table.rows[1:]:
        cell = row.cells[-1]
        if cell.text in fills:
            shd = cell._tc.tcPr.findall(qn("w:shd"))
            assert [x.get(qn("w:fill")) for x in shd] == [fills[cell.text]]

    # The method section's summary quotes the overall figures and how uncoded text is treated.
    overall = report.summary()[1][-1][2]
    text = all_text(out)
    method = next(
        p for p in text.split("\n") if p.startswith(("Enigheden mellem", "Agreement between"))
    )
    assert _cli_number("u_alpha", overall["u_alpha"], language) in method
    assert _cli_number("char_kappa", overall["char_kappa"], language) in method
    assert _cli_number("turn_alpha", overall["turn_alpha"], language) in method
    ci = _cli_interval(overall["turn_alpha_low"], overall["turn_alpha_high"], language)
    assert ci in method
    assert "10 interviews" in method and ("18 koder" in method or "18 codes" in method)
    if language == "da":
        assert "α ≥ 0,800 pålidelig, ≥ 0,667 foreløbig, derunder upålidelig" in method
        assert "Tegn, som ingen koder har kodet med en kode, tæller som enighed" in text
    else:
        assert "α ≥ 0.800 reliable, ≥ 0.667 tentative, below unreliable" in method
        assert "Characters that no coder coded with a code count as agreement" in text


def test_agreement_limited_to_the_chosen_codes(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "barrierer.docx"
    export_report(demo_db, out, ReportOptions(coders=CODERS, codes=["Barrierer"], language="en"))
    with transaction(demo_db) as s:
        root = find_code(s, "Barrierer")
        ids = [n.id for n in code_tree(s) if n.id in descendant_ids(s, root.id) and n.id != root.id]
        report = compare_coders(s, CODERS, codes=ids)
    _header, rows, _table = _agreement_table(out, "Inter-coder agreement per code: Anne and Bo")
    assert rows == _expected_rows(report, "en")
    assert len(rows) == 9  # the eight barriers and the overall row
