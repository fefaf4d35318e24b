"""Transcript import: read a file into normalised text plus speaker turns (no database).

``parse_file`` / ``parse_bytes`` dispatch on the extension to the readers in this package and
raise :class:`coding.errors.ImportFailure` (naming the file and the reason) on any bad input.
Heavy libraries (python-docx/odfpy/pypdf/striprtf) are never imported at module import time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from coding.errors import ImportFailure
from coding.importing._common import ReadError
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.importing.language import detect_language
from coding.importing.speakers import detect_turns
from coding.importing.textnorm import decode_plain_text, normalise_text

__all__ = [
    "MAX_SOURCE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ParsedDocument",
    "ParsedTurn",
    "detect_language",
    "detect_turns",
    "normalise_text",
    "parse_bytes",
    "parse_file",
]

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    {".txt", ".md", ".docx", ".odt", ".rtf", ".pdf", ".vtt", ".srt"}
)
MAX_SOURCE_BYTES: int = 20 * 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def _with_turns(
    text: str, fmt: str, warnings: list[str], normalised: bool = False
) -> ParsedDocument:
    """A document from extracted text: normalise, then detect speaker turns."""
    if not normalised:
        text = normalise_text(text)
    text = text.strip()
    turns = detect_turns(text)
    if turns and all(turn.speaker is None for turn in turns):
        warnings.append("no speaker labels found; each paragraph is a turn without speaker")
    return ParsedDocument(text=text, format=fmt, turns=turns, warnings=warnings)


def _read_plain(data: bytes, fmt: str) -> ParsedDocument:
    text, encoding = decode_plain_text(data)
    warnings = []
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"the text was decoded as {encoding}")
    return _with_turns(text, fmt, warnings, normalised=True)


def _read_docx(data: bytes, fmt: str) -> ParsedDocument:
    from coding.importing.office import read_docx

    text, warnings = read_docx(data)
    return _with_turns(text, fmt, warnings)


def _read_odt(data: bytes, fmt: str) -> ParsedDocument:
    from coding.importing.office import read_odt

    text, warnings = read_odt(data)
    return _with_turns(text, fmt, warnings)


def _read_rtf(data: bytes, fmt: str) -> ParsedDocument:
    from coding.importing.richtext import read_rtf

    return _with_turns(read_rtf(data), fmt, [])


def _read_pdf(data: bytes, fmt: str) -> ParsedDocument:
    from coding.importing.richtext import read_pdf

    text, warnings = read_pdf(data)
    return _with_turns(text, fmt, warnings)


def _read_subtitles(data: bytes, fmt: str) -> ParsedDocument:
    from coding.importing.subtitles import parse_srt, parse_vtt

    text, _ = decode_plain_text(data)
    return parse_vtt(text) if fmt == "vtt" else parse_srt(text)


_READERS: dict[str, Callable[[bytes, str], ParsedDocument]] = {
    ".txt": _read_plain,
    ".md": _read_plain,
    ".docx": _read_docx,
    ".odt": _read_odt,
    ".rtf": _read_rtf,
    ".pdf": _read_pdf,
    ".vtt": _read_subtitles,
    ".srt": _read_subtitles,
}


def parse_bytes(data: bytes, filename: str) -> ParsedDocument:
    """Read a transcript from its bytes; the extension of ``filename`` picks the reader.

    Raises :class:`ImportFailure` (naming ``filename``) for an unsupported extension, a source
    over ``MAX_SOURCE_BYTES``, an empty document, or a damaged/binary/unreadable file.
    """
    name = Path(filename).name or filename
    extension = Path(filename).suffix.lower()
    reader = _READERS.get(extension)
    if reader is None:
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        shown = f"'{extension}' files are" if extension else "files without an extension are"
        raise ImportFailure(name, f"{shown} not supported (supported: {supported})")
    if len(data) > MAX_SOURCE_BYTES:
        raise ImportFailure(
            name,
            f"the file is {_megabytes(len(data))}, larger than the limit of "
            f"{_megabytes(MAX_SOURCE_BYTES)}",
        )
    if not data.strip():
        raise ImportFailure(name, "the file is empty")
    try:
        document = reader(data, extension[1:])
    except ReadError as exc:
        raise ImportFailure(name, str(exc)) from None
    except RecursionError:
        raise ImportFailure(name, "the document is nested too deeply to be read") from None
    except MemoryError:
        raise ImportFailure(name, "the document is too large to read into memory") from None
    if not document.text.strip():
        raise ImportFailure(name, "the file is empty (it contains no text)")
    document.source_sha256 = hashlib.sha256(data).hexdigest()
    document.language = detect_language(document.text)
    return document


def parse_file(path: Path) -> ParsedDocument:
    """Read a transcript file (see :func:`parse_bytes`); raises :class:`ImportFailure`."""
    path = Path(path)
    name = path.name or str(path)
    if path.suffix.lower() not in SUPPORTED_EXTENSIONS and not path.is_dir():
        return parse_bytes(b"", name)  # raises the 'not supported' failure
    try:
        if path.is_dir():
            raise ImportFailure(name, "this is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise ImportFailure(
                name,
                f"the file is {_megabytes(size)}, larger than the limit of "
                f"{_megabytes(MAX_SOURCE_BYTES)}",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailure(name, "the file does not exist") from None
    except PermissionError:
        raise ImportFailure(name, "permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise ImportFailure(name, "this is a folder, not a file") from None
    except OSError as exc:
        raise ImportFailure(name, f"the file cannot be read ({exc.strerror or exc})") from None
    return parse_bytes(data, name)
