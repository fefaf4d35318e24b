"""Every supported format, built in the test itself, read by coding.importing.parse_file."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from coding.importing import (
    SUPPORTED_EXTENSIONS,
    ParsedDocument,
    detect_language,
    normalise_text,
    parse_bytes,
    parse_file,
)

DANISH = (
    "Interviewer: Hvad tænker du om at skifte fra kommunen til staten?\n\n"
    "Respondent: Jeg synes, at lønnen er vigtig, men det er ikke det hele. "
    "Åbenhed og ærlighed i ledelsen betyder meget for mig, og jeg kan godt lide "
    "at være tæt på borgerne i min kommune. Øl på fredag er også rart.\n\n"
    "Interviewer: Hvorfor det?\n\n"
    "Respondent: Fordi jeg har været her i mange år, og så er der noget med loyalitet."
)


def spans(doc: ParsedDocument) -> list[tuple[str | None, str]]:
    """(speaker, spoken text) per turn."""
    return [(t.speaker, doc.text[t.start : t.end]) for t in doc.turns]


def assert_valid_turns(doc: ParsedDocument) -> None:
    previous_end = 0
    for turn in doc.turns:
        assert previous_end <= turn.start <= turn.end <= len(doc.text)
        previous_end = turn.end


# ------------------------------------------------------------------------------ plain text


@pytest.mark.parametrize(
    ("encoding", "prefix", "warned"),
    [
        ("utf-8", b"", False),
        ("utf-8", b"\xef\xbb\xbf", False),
        ("utf-16-le", b"\xff\xfe", True),
        ("utf-16-be", b"\xfe\xff", True),
        ("utf-16-le", b"", True),  # BOM-less, found from the NUL pattern
        ("utf-16-be", b"", True),
        ("cp1252", b"", True),
        ("latin-1", b"", True),
    ],
)
def test_txt_encodings_keep_danish_letters(
    tmp_path: Path, encoding: str, prefix: bytes, warned: bool
) -> None:
    path = tmp_path / "interview.txt"
    path.write_bytes(prefix + DANISH.replace("\n", "\r\n").encode(encoding))
    doc = parse_file(path)
    assert doc.format == "txt"
    assert doc.text == DANISH  # CRLF -> LF, BOM gone
    assert "æ" in doc.text and "ø" in doc.text and "å" in doc.text and "Å" in doc.text
    assert [t.speaker for t in doc.turns] == ["Interviewer", "Respondent"] * 2
    assert spans(doc)[1][1].startswith("Jeg synes, at lønnen")
    assert doc.language == "da"
    assert doc.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert any("decoded as" in w for w in doc.warnings) == warned
    assert_valid_turns(doc)


def test_normalise_text() -> None:
    decomposed = "a\u030a og o\u0308"  # å and ö written as base letter + combining mark
    assert normalise_text("\ufeffLinje 1\r\nLinje 2\rLinje 3") == "Linje 1\nLinje 2\nLinje 3"
    assert normalise_text(decomposed) == "\u00e5 og \u00f6"
    assert normalise_text("a\x00b\x07c\td\x1be\x7f") == "abc\tde"
    assert normalise_text("side 1\x0cside 2") == "side 1\nside 2"


def test_detect_language() -> None:
    english = (
        "I think that the main reason is that you have to know what they want, and it was "
        "not easy for us because we had been there for a long time with the same people."
    )
    french = (
        "Oui, vous avez mon consentement. Et puis sinon, est ce que tu peux nous parler de "
        "ton travail en général, ce que tu fais dans ton équipe au quotidien avec les données."
    )
    assert detect_language(DANISH) == "da"
    assert detect_language(english) == "en"
    assert detect_language(french) is None
    assert detect_language("Hej med dig") is None  # too short to tell


def test_md_otter_export(tmp_path: Path) -> None:
    path = tmp_path / "podcast.md"
    path.write_text(
        "Kelly  0:00  \nWelcome to the show.\n\n**Ali**  1:05  \nThanks!\n\nKelly  1:07  \nBye.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    assert doc.format == "md"
    assert spans(doc) == [("Kelly", "Welcome to the show."), ("Ali", "Thanks!"), ("Kelly", "Bye.")]
    assert [t.timestamp for t in doc.turns] == [0.0, 65.0, 67.0]


# ------------------------------------------------------------------------------------ docx


def make_docx(path: Path) -> None:
    """A .docx with paragraphs, a table between them, a tracked deletion/insertion and a comment."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Interviewer: Hvad betyder lønnen for dig?")
    paragraph = document.add_paragraph("Respondent: Jeg skiftede ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="Analytiker" w:date="2024-01-01T00:00:00Z">'
            '<w:r><w:delText xml:space="preserve">SLETTET TEKST </w:delText></w:r></w:del>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="Analytiker" w:date="2024-01-01T00:00:00Z">'
            '<w:r><w:t xml:space="preserve">til regionen </w:t></w:r></w:ins>'
        )
    )
    commented = paragraph.add_run("på grund af ærlighed.")
    document.add_comment(commented, text="KOMMENTARTEKST", author="Supervisor")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Sektor"
    table.cell(0, 1).text = "År"
    table.cell(1, 0).text = "Kommune"
    table.cell(1, 1).text = "Tolv år i Århus"
    document.add_paragraph("Interviewer: Tak for det.")
    document.save(str(path))


def test_docx_body_order_tracked_changes_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "interview.docx"
    make_docx(path)
    doc = parse_file(path)
    assert doc.format == "docx"
    assert "SLETTET" not in doc.text
    assert "KOMMENTARTEKST" not in doc.text
    assert "Jeg skiftede til regionen på grund af ærlighed." in doc.text
    # Table rows sit between the paragraphs, in body order.
    assert doc.text.index("ærlighed.") < doc.text.index("Sektor\tÅr") < doc.text.index("Tak for")
    assert "Kommune\tTolv år i Århus" in doc.text
    assert [t.speaker for t in doc.turns] == ["Interviewer", "Respondent", "Interviewer"]
    assert spans(doc)[1][1].startswith("Jeg skiftede til regionen på grund af ærlighed.")
    assert spans(doc)[2][1] == "Tak for det."
    assert any("tracked deletion" in w for w in doc.warnings)
    assert any("comments" in w for w in doc.warnings)
    assert_valid_turns(doc)


# ------------------------------------------------------------------------------------- odt


def test_odt_paragraphs_headings_tables_spaces(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, LineBreak, P, S, Tab

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Interview om løn"))
    first = P(text="Interviewer: Hvad")
    first.addElement(S(c=3))
    first.addText("siger du?")
    document.text.addElement(first)
    second = P(text="Respondent: Først")
    second.addElement(Tab())
    second.addText("så")
    second.addElement(LineBreak())
    second.addText("æble og øl på Ærø.")
    document.text.addElement(second)
    table = Table(name="Oversigt")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for value in ("Kommune", "Region"):
        cell = TableCell()
        cell.addElement(P(text=value))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    document.text.addElement(P(text="Interviewer: Tak."))
    path = tmp_path / "interview.odt"
    document.save(str(path))

    doc = parse_file(path)
    assert doc.format == "odt"
    assert doc.text.startswith("Interview om løn\n\nInterviewer: Hvad   siger du?")
    assert "Respondent: Først\tså\næble og øl på Ærø." in doc.text
    assert doc.text.index("Ærø.") < doc.text.index("Kommune\tRegion") < doc.text.index("Tak.")
    assert [s for s, _ in spans(doc)] == [None, "Interviewer", "Respondent", "Interviewer"]
    assert spans(doc)[2][1].startswith("Først\tså\næble")
    assert spans(doc)[3][1] == "Tak."


# ------------------------------------------------------------------------------------- rtf


def test_rtf_hex_and_unicode_escapes(tmp_path: Path) -> None:
    path = tmp_path / "interview.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}"
        rb"\f0 Interviewer: Hvad synes du om l\'f8nnen?\par"
        b"\n"
        rb"Respondent: \u230?bler, \u248?l og \u229?benhed. Ogs\'e5 \'c6r\'f8.\par}"
    )
    doc = parse_file(path)
    assert doc.format == "rtf"
    assert spans(doc) == [
        ("Interviewer", "Hvad synes du om lønnen?"),
        ("Respondent", "æbler, øl og åbenhed. Også Ærø."),
    ]


# ------------------------------------------------------------------------------------- pdf


def test_pdf_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "interview.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 750, "Interviewer: Hvorfor skiftede du til staten?")
    pdf.drawString(72, 730, "Respondent: Lønnen og åbenheden. Også ærligheden.")
    pdf.showPage()
    pdf.drawString(72, 750, "Interviewer: Tak.")
    pdf.save()
    doc = parse_file(path)
    assert doc.format == "pdf"
    assert [s for s, _ in spans(doc)] == ["Interviewer", "Respondent", "Interviewer"]
    assert spans(doc)[1][1] == "Lønnen og åbenheden. Også ærligheden."


# ------------------------------------------------------------------------------- vtt / srt

TEAMS_VTT = """WEBVTT

NOTE exported from Teams

STYLE
::cue { color: white }

3f1c/1-0
0:0:1.5 --> 0:0:4.0
<v Søren Ærø>Velkommen til interviewet.</v>

3f1c/1-1
0:0:4.0 --> 0:0:9.25
<v Søren Ærø>Hvordan har du det
med at skifte sektor?</v>

3f1c/2-0
00:00:10.000 --> 00:00:14.000
<v Åse Øster>Det er svært &amp; spændende.</v>
"""


def test_vtt_teams_voice_tags(tmp_path: Path) -> None:
    path = tmp_path / "teams.vtt"
    path.write_text(TEAMS_VTT, encoding="utf-8")
    doc = parse_file(path)
    assert doc.format == "vtt"
    assert doc.text == (
        "Søren Ærø: Velkommen til interviewet. Hvordan har du det med at skifte sektor?\n\n"
        "Åse Øster: Det er svært & spændende."
    )
    assert spans(doc) == [
        ("Søren Ærø", "Velkommen til interviewet. Hvordan har du det med at skifte sektor?"),
        ("Åse Øster", "Det er svært & spændende."),
    ]
    assert [t.timestamp for t in doc.turns] == [1.5, 10.0]


def test_vtt_zoom_prefix_and_speakerless_continuation(tmp_path: Path) -> None:
    path = tmp_path / "zoom.vtt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nAnne Holm (Region): Godt, lad os starte.\n\n"
        "2\n00:00:02.500 --> 00:00:04.000\nog så videre.\n\n"
        "3\n00:01:02.000 --> 00:01:05.000\nBo Lund: Ja.\n\n"
        "4\n00:01:06.000 --> 00:01:08.000\nBo Lund: Helt sikkert.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    assert spans(doc) == [
        ("Anne Holm (Region)", "Godt, lad os starte. og så videre."),
        ("Bo Lund", "Ja. Helt sikkert."),
    ]
    assert [t.timestamp for t in doc.turns] == [0.5, 62.0]


def test_srt_with_and_without_speakers(tmp_path: Path) -> None:
    labelled = tmp_path / "labelled.srt"
    labelled.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nInterviewer: Hvad laver du?\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\nRespondent: Jeg er leder\ni kommunen.\n\n"
        "3\n00:00:06,000 --> 00:00:08,000\nog har været det længe.\n",
        encoding="utf-8",
    )
    doc = parse_file(labelled)
    assert doc.format == "srt"
    assert spans(doc) == [
        ("Interviewer", "Hvad laver du?"),
        ("Respondent", "Jeg er leder i kommunen. og har været det længe."),
    ]
    assert doc.turns[1].timestamp == 3.5

    plain = tmp_path / "plain.srt"
    plain.write_text(
        "1\n00:00:00,000 --> 00:00:02,000\nFørste sætning.\n\n"
        "2\n00:00:02,000 --> 00:00:04,000\nAnden sætning.\n\n"
        "3\n00:00:09,000 --> 00:00:11,000\nEfter en lang pause.\n",
        encoding="utf-8",
    )
    doc = parse_file(plain)
    assert spans(doc) == [(None, "Første sætning. Anden sætning."), (None, "Efter en lang pause.")]
    assert doc.text == "Første sætning. Anden sætning.\n\nEfter en lang pause."
    assert [t.timestamp for t in doc.turns] == [0.0, 9.0]


def test_parse_bytes_matches_parse_file(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(DANISH, encoding="utf-8")
    assert parse_bytes(path.read_bytes(), "x.txt") == parse_file(path)
    assert {".txt", ".md", ".docx", ".odt", ".rtf", ".pdf", ".vtt", ".srt"} == SUPPORTED_EXTENSIONS


def test_speed_of_large_labelled_transcripts(tmp_path: Path) -> None:
    """20 generated transcripts of 10,000 words with Name: labels parse quickly."""
    words = [
        "og",
        "det",
        "er",
        "jeg",
        "ikke",
        "som",
        "har",
        "på",
        "kommunen",
        "staten",
        "løn",
        "ærlighed",
        "år",
        "motivation",
    ]
    paths = []
    for number in range(20):
        turns = []
        for index in range(160):
            speaker = ("Interviewer", "Anne Østergaard", "Respondent", "Bo Ærø")[index % 4]
            body = " ".join(words[(index * 7 + j + number) % len(words)] for j in range(62))
            turns.append(f"{speaker}: {body}.")
        path = tmp_path / f"t{number}.txt"
        path.write_text("\n\n".join(turns), encoding="utf-8")
        paths.append(path)
    parse_file(paths[0])  # warm-up (regex compilation)
    start = time.perf_counter()
    docs = [parse_file(path) for path in paths]
    per_file = (time.perf_counter() - start) / len(paths)
    assert all(len(doc.turns) == 160 for doc in docs)
    assert {t.speaker for t in docs[0].turns} == {
        "Interviewer",
        "Anne Østergaard",
        "Respondent",
        "Bo Ærø",
    }
    assert per_file < 0.02, f"{per_file * 1000:.1f} ms per file"


def test_no_heavy_imports_at_module_import() -> None:
    import subprocess
    import sys

    code = (
        "import sys, coding.importing; "
        "print(sorted(m for m in ('docx', 'odf', 'pypdf', 'striprtf', 'defusedxml', 'lxml') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    assert result.stdout.strip() == "[]"
