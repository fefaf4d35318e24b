"""Bad inputs: every one raises ImportFailure whose message names the file and the reason."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from coding.errors import ImportFailure
from coding.importing import MAX_SOURCE_BYTES, office, parse_bytes, parse_file


def failure(path: Path) -> str:
    """The user-facing message of parsing ``path``, checked to name the file."""
    with pytest.raises(ImportFailure) as caught:
        parse_file(path)
    assert caught.value.filename == path.name
    message = str(caught.value)
    assert path.name in message
    return message


def docx_bytes(tmp_path: Path) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Interviewer: Hvad så?")
    document.add_paragraph("Respondent: Det ved jeg ikke.")
    path = tmp_path / "source.docx"
    document.save(str(path))
    return path.read_bytes()


def rewrite_member(data: bytes, name: str, content: bytes) -> bytes:
    """A copy of the ZIP archive ``data`` with member ``name`` replaced by ``content``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            payload = content if info.filename == name else source.read(info)
            target.writestr(info.filename, payload, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "ELF"),
        (b"PK\x03\x04" + b"\x00" * 100, "ZIP archive"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"Interviewer: hej\x00\x01\x02\x03" * 50, "binary data"),
        (b"abc" + bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20]) * 40, "control"),
    ],
)
def test_binary_file_named_txt(tmp_path: Path, payload: bytes, reason: str) -> None:
    path = tmp_path / "optagelse.txt"
    path.write_bytes(payload)
    message = failure(path)
    assert "not a" in message and reason in message


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n  ", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "tom.txt"
    path.write_bytes(content)
    assert "is empty" in failure(path)


def test_empty_docx(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "tom.docx"
    docx.Document().save(str(path))
    assert "is empty" in failure(path)


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "mappe.txt"
    folder.mkdir()
    assert "folder" in failure(folder)


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in failure(tmp_path / "findes_ikke.docx")


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "regneark.xlsx"
    path.write_bytes(b"data")
    message = failure(path)
    assert "'.xlsx' files are not supported" in message
    assert ".docx" in message and ".vtt" in message


def test_text_larger_than_limit(tmp_path: Path) -> None:
    path = tmp_path / "kæmpe.txt"
    line = b"Interviewer: " + "blah æøå ".encode() * 100 + b"\n"
    with path.open("wb") as handle:
        for _ in range(50 * 2**20 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size > 50 * 2**20
    message = failure(path)
    assert "50.0 MB" in message and f"{MAX_SOURCE_BYTES / 2**20:.1f} MB" in message
    with pytest.raises(ImportFailure, match="larger than the limit"):
        parse_bytes(b"x" * (MAX_SOURCE_BYTES + 1), "stor.txt")


def test_truncated_docx(tmp_path: Path) -> None:
    data = docx_bytes(tmp_path)
    path = tmp_path / "afbrudt.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged" in failure(path)


def test_text_file_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "falsk.docx"
    path.write_text("Interviewer: dette er bare tekst", encoding="utf-8")
    assert "not a valid ZIP archive" in failure(path)


def test_malformed_xml_in_docx(tmp_path: Path) -> None:
    broken = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>'
    path = tmp_path / "ødelagt.docx"
    path.write_bytes(rewrite_member(docx_bytes(tmp_path), "word/document.xml", broken))
    assert "not well-formed XML" in failure(path)


def test_entity_expansion_in_docx_is_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<w:document><w:body>&lol2;</w:body></w:document>"
    )
    path = tmp_path / "entities.docx"
    path.write_bytes(rewrite_member(docx_bytes(tmp_path), "word/document.xml", bomb))
    assert "forbidden XML" in failure(path)


def test_zip_bomb_ratio(tmp_path: Path) -> None:
    """A small .docx whose document.xml inflates from ~20 kB to 20 MB is refused."""
    zeros = b"\x00" * (20 * 2**20)
    data = rewrite_member(docx_bytes(tmp_path), "word/document.xml", zeros)
    assert len(data) < 100_000
    path = tmp_path / "bombe.docx"
    path.write_bytes(data)
    message = failure(path)
    assert "zip bomb" in message and f"{office.MAX_MEMBER_RATIO}:1" in message


def test_zip_bomb_total_size(tmp_path: Path) -> None:
    """Declared sizes over the total cap are refused before anything is inflated."""
    out = io.BytesIO()
    chunk = b"\x00" * 2**20
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/big.bin", "w", force_zip64=True) as member:
            for _ in range(office.MAX_UNCOMPRESSED_BYTES // len(chunk) + 1):
                member.write(chunk)
    path = tmp_path / "stor_bombe.docx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 1_000_000
    message = failure(path)
    assert "zip bomb" in message and "200 MB allowed" in message


def test_odt_without_text_body(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    path = tmp_path / "uden_indhold.odt"
    path.write_bytes(out.getvalue())
    assert "content.xml is missing" in failure(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scannet.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 600, 300, 100, fill=1)  # only graphics, like a scanned page image
    pdf.showPage()
    pdf.rect(72, 600, 200, 50, fill=1)
    pdf.save()
    message = failure(path)
    assert "no text layer" in message and "scanned" in message


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "skadet.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    assert "PDF" in failure(path)


def test_rtf_that_is_not_rtf(tmp_path: Path) -> None:
    path = tmp_path / "falsk.rtf"
    path.write_text("bare tekst", encoding="utf-8")
    assert "not an RTF document" in failure(path)


def test_subtitle_files_without_cues(tmp_path: Path) -> None:
    vtt = tmp_path / "tom.vtt"
    vtt.write_text("WEBVTT\n\nNOTE ingen cues her\n", encoding="utf-8")
    assert "no cues" in failure(vtt)
    not_vtt = tmp_path / "forkert.vtt"
    not_vtt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHej\n", encoding="utf-8")
    assert "does not start with 'WEBVTT'" in failure(not_vtt)
    srt = tmp_path / "forkert.srt"
    srt.write_text("Dette er ikke undertekster.", encoding="utf-8")
    assert "not a SubRip" in failure(srt)
