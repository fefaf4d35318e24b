"""Decoding of plain-text bytes and normalisation of text to the form the project stores."""

from __future__ import annotations

import re
import unicodedata

from coding.importing._common import ReadError

# Line separators that are not \n: form feed (page break in PDF-to-text output), vertical tab,
# NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. They become \n so words on both sides stay apart.
_LINE_SEPARATORS_RE = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_LINE_SEPARATORS = ("\x0b", "\x0c", "\x85", "\u2028", "\u2029")
_C0_BYTES = bytes(range(0, 9)) + bytes(range(14, 32)) + b"\x7f"
_C1_UTF8_RE = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
# C0/C1 controls except \t and \n (\r is handled before), DEL, and the BOM / zero-width no-break space.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]")

# Known binary formats, by their first bytes: (magic, description).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document; rename it to .pdf"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a .docx or .odt with the wrong extension)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls); save it as .docx first"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document; rename it to .rtf"),
)


def normalise_text(text: str) -> str:
    """Normalise text for storage.

    NFC; ``\\r\\n`` and ``\\r`` become ``\\n``; other line separators (form feed, U+2028 ...)
    become ``\\n``; the BOM and control characters other than ``\\n`` and ``\\t`` are removed.
    """
    return _normalise(text)[0]


def _normalise(text: str, check_controls: bool = True) -> tuple[str, int]:
    """``normalise_text`` plus the number of stray control characters removed.

    ``check_controls=False`` skips the control-character scan when the caller has already
    established from the bytes that there are none (the fast path for large UTF-8 files).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(separator in text for separator in _LINE_SEPARATORS):
        text = _LINE_SEPARATORS_RE.sub("\n", text)
    removed = 0
    if check_controls or "\ufeff" in text:
        text, removed = _CONTROL_RE.subn("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, removed


def _utf8_has_controls(data: bytes) -> bool:
    """Whether UTF-8 bytes contain C0/C1 controls other than tab and line breaks (fast)."""
    return len(data.translate(None, _C0_BYTES)) != len(data) or _C1_UTF8_RE.search(data) is not None


def sniff_binary(data: bytes) -> str | None:
    """A description of a known binary format when ``data`` starts with its magic number."""
    for magic, description in _MAGIC:
        if data.startswith(magic):
            return description
    return None


def _bomless_utf16(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the NUL pattern of BOM-less UTF-16 text is clear."""
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    even_nuls = even.count(0) / len(even)
    odd_nuls = odd.count(0) / len(odd)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_plain_text(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a plain-text file and normalise the text.

    Tries UTF-8 (with or without BOM), UTF-16/32 with BOM, BOM-less UTF-16 (detected from the
    NUL-byte pattern), then Windows-1252 and finally Latin-1. Returns ``(text, encoding)``.
    Raises :class:`ReadError` for binary data.
    """
    kind = sniff_binary(data)
    if kind is not None:
        raise ReadError(f"this is not a plain-text file: it is {kind}")

    encoding: str | None = None
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding = "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in data:
        encoding = _bomless_utf16(data[:4096])
        if encoding is None:
            raise ReadError("this is not a text file: it contains binary data (NUL bytes)")

    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ReadError(f"the text is not valid {encoding.upper()}: {exc.reason}") from None
    else:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
            text, removed = _normalise(text, check_controls=_utf8_has_controls(data))
            return _checked(text, removed), encoding
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
                encoding = "cp1252"
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                encoding = "latin-1"

    text, removed = _normalise(text)
    return _checked(text, removed), encoding


def _checked(text: str, removed: int) -> str:
    """``text`` unless so many control characters were removed that the input was binary."""
    if removed > max(8, len(text) // 100):
        raise ReadError(
            f"this is not a text file: it contains {removed} control characters (binary data)"
        )
    return text
