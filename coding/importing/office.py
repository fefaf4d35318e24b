"""Word (.docx) and OpenDocument (.odt) readers.

Both are ZIP archives of XML. Members are read in memory with size limits (zip bombs) and
parsed with defusedxml (no entity expansion, no DTD or network access). Paragraphs, headings
and table rows are read in body order; one blank line separates paragraphs.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from coding.importing._common import ReadError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all members together
MAX_MEMBER_RATIO = 200  # uncompressed : compressed, for members over 1 MiB
_RATIO_FREE_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024
_BLANK_RUN_RE = re.compile(r"\n{3,}")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class _Archive:
    """A ZIP archive held in memory, read member by member with bomb guards."""

    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise ReadError(
                f"the file is damaged or not a real {kind} document (it is not a valid ZIP archive)"
            ) from None
        declared = sum(info.file_size for info in infos)
        if declared > MAX_UNCOMPRESSED_BYTES:
            raise ReadError(
                f"the {kind} archive would unpack to {declared / 2**20:.0f} MB, more than the "
                f"{MAX_UNCOMPRESSED_BYTES // 2**20} MB allowed (possibly a zip bomb)"
            )
        self.names = {info.filename for info in infos}
        self.budget = MAX_UNCOMPRESSED_BYTES

    def read(self, name: str) -> bytes:
        """The member's bytes, enforcing the total size and compression-ratio caps while inflating."""
        if name not in self.names:
            raise ReadError(f"the file is not a valid {self.kind} document ({name} is missing)")
        info = self.zip.getinfo(name)
        chunks: list[bytes] = []
        size = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    if size > self.budget:
                        raise ReadError(
                            f"the {self.kind} archive unpacks to more than "
                            f"{MAX_UNCOMPRESSED_BYTES // 2**20} MB (possibly a zip bomb)"
                        )
                    if size > _RATIO_FREE_BYTES and size > MAX_MEMBER_RATIO * max(
                        info.compress_size, 1
                    ):
                        raise ReadError(
                            f"{name} in the {self.kind} archive is compressed more than "
                            f"{MAX_MEMBER_RATIO}:1 (possibly a zip bomb)"
                        )
                    chunks.append(chunk)
        except ReadError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise ReadError(
                f"the file is damaged or truncated ({name} cannot be unpacked: {exc})"
            ) from None
        self.budget -= size
        return b"".join(chunks)

    def xml(self, name: str) -> Element:
        """The member parsed as XML, safely (no entities, no DTD, no network)."""
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError, fromstring

        data = self.read(name)
        try:
            return fromstring(data, forbid_dtd=True)
        except ParseError as exc:
            raise ReadError(f"the file is damaged: {name} is not well-formed XML ({exc})") from None
        except DefusedXmlException as exc:
            raise ReadError(f"{name} uses forbidden XML features ({exc})") from None


def _join_paragraphs(paragraphs: list[str]) -> str:
    """Non-empty paragraphs separated by a blank line."""
    text = "\n\n".join(p.strip("\n") for p in paragraphs if p.strip())
    return _BLANK_RUN_RE.sub("\n\n", text)


# ---------------------------------------------------------------------------------------- docx

_DOCX_SKIP = frozenset(
    {
        f"{_W}del",  # tracked deletion
        f"{_W}moveFrom",  # tracked move (old place)
        f"{_W}pPr",
        f"{_W}rPr",
        f"{_W}sectPr",
        f"{_W}instrText",
        f"{_W}delText",
        f"{_MC}AlternateContent",  # text boxes and drawings
        f"{_W}drawing",
        f"{_W}pict",
        f"{_W}object",
        f"{_W}footnoteReference",
        f"{_W}endnoteReference",
        f"{_W}commentReference",
    }
)


class _DocxText:
    """Collects docx body text in order; counts what was left out."""

    def __init__(self) -> None:
        self.deletions = 0

    def paragraph(self, element: Element) -> str:
        parts: list[str] = []
        self._inline(element, parts)
        return "".join(parts)

    def _inline(self, element: Element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag in _DOCX_SKIP:
                if tag == f"{_W}del" or tag == f"{_W}moveFrom":
                    self.deletions += 1
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab" or tag == f"{_W}ptab":
                parts.append("\t")
            elif tag == f"{_W}br" or tag == f"{_W}cr":
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("\u2011")
            elif tag == f"{_W}softHyphen" or tag == f"{_W}sym":
                continue
            else:  # runs, insertions, hyperlinks, smart tags, fields, content controls
                self._inline(child, parts)

    def blocks(self, container: Element) -> Iterator[str]:
        """Paragraph and table-row texts of a body (or cell) in document order."""
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                yield self.paragraph(child)
            elif tag == f"{_W}tbl":
                yield from self.table(child)
            elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
                yield from self.blocks(child)
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self.deletions += 1

    def table(self, table: Element) -> Iterator[str]:
        """One line per row, cells separated by a tab (nested tables flattened)."""
        for row in table.iter(f"{_W}tr"):
            cells = []
            for cell in row.findall(f"{_W}tc"):
                cells.append(" ".join(b.strip() for b in self.blocks(cell) if b.strip()))
            yield "\t".join(cells).rstrip("\t")


def read_docx(data: bytes) -> tuple[str, list[str]]:
    """Text of a .docx: paragraphs and tables in body order, tracked insertions kept, tracked
    deletions, comments, footnotes, headers and text boxes left out. Returns (text, warnings)."""
    archive = _Archive(data, "Word (.docx)")
    root = archive.xml("word/document.xml")
    body = root.find(f"{_W}body")
    if body is None:
        raise ReadError("the file is not a valid Word document (word/document.xml has no body)")
    reader = _DocxText()
    text = _join_paragraphs(list(reader.blocks(body)))
    warnings = []
    if reader.deletions:
        warnings.append(f"{reader.deletions} tracked deletion(s) left out")
    if "word/comments.xml" in archive.names:
        warnings.append("comments left out")
    return text, warnings


# ----------------------------------------------------------------------------------------- odt


def _odt_inline(element: Element, parts: list[str]) -> None:
    """Text of an ODF paragraph/heading/span, honouring text:s, text:tab and text:line-break."""
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            count = child.get(f"{_TEXT}c")
            parts.append(" " * (int(count) if count and count.isdigit() else 1))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag in (
            f"{_OFFICE}annotation",  # comments
            f"{_OFFICE}annotation-end",
            f"{_TEXT}note",  # footnotes
            f"{_TEXT}tracked-changes",
            f"{_TEXT}change",
            f"{_TEXT}change-start",
            f"{_TEXT}change-end",
        ):
            pass
        else:
            _odt_inline(child, parts)
        if child.tail:
            parts.append(child.tail)


def _odt_blocks(container: Element) -> Iterator[str]:
    for child in container:
        tag = child.tag
        if tag in (f"{_TEXT}p", f"{_TEXT}h"):
            parts: list[str] = []
            _odt_inline(child, parts)
            yield "".join(parts)
        elif tag == f"{_TABLE}table":
            for row in child.iter(f"{_TABLE}table-row"):
                cells = []
                for cell in row.findall(f"{_TABLE}table-cell"):
                    cells.append(" ".join(b.strip() for b in _odt_blocks(cell) if b.strip()))
                yield "\t".join(cells).rstrip("\t")
        elif tag in (f"{_TEXT}tracked-changes", f"{_OFFICE}annotation", f"{_TEXT}note"):
            continue  # deleted text lives in tracked-changes regions
        else:  # lists, list items, sections, frames of the body
            yield from _odt_blocks(child)


def read_odt(data: bytes) -> tuple[str, list[str]]:
    """Text of an .odt: paragraphs, headings, lists and tables in order; spaces (``text:s``),
    tabs and line breaks kept; comments, footnotes and tracked deletions left out."""
    archive = _Archive(data, "OpenDocument (.odt)")
    root = archive.xml("content.xml")
    body = root.find(f"{_OFFICE}body")
    office_text = body.find(f"{_OFFICE}text") if body is not None else None
    if office_text is None:
        raise ReadError("the file is not an OpenDocument text document (no office:text body)")
    return _join_paragraphs(list(_odt_blocks(office_text))), []
