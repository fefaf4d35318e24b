"""RTF and PDF readers (the libraries are imported only when such a file is read)."""

from __future__ import annotations

import io

from coding.importing._common import ReadError

# Fewer non-space characters than this per page: the PDF has no usable text layer.
_MIN_CHARS_PER_PAGE = 5


def read_rtf(data: bytes) -> str:
    """Text of an RTF document via striprtf (``\\'e6`` and ``\\u230?`` escapes decoded)."""
    from striprtf.striprtf import rtf_to_text

    head = data.lstrip()[:5]
    if head != b"{\\rtf":
        raise ReadError("this is not an RTF document (it does not start with '{\\rtf')")
    # RTF is 7-bit ASCII with escapes; Latin-1 maps any stray 8-bit byte one to one.
    source = data.decode("latin-1")
    try:
        return rtf_to_text(source, encoding="cp1252", errors="replace")
    except (ValueError, IndexError, LookupError, RecursionError) as exc:
        raise ReadError(f"the RTF document is damaged ({exc})") from None


def read_pdf(data: bytes) -> tuple[str, list[str]]:
    """Text layer of a PDF, pages separated by a blank line. Returns (text, warnings)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    if b"%PDF" not in data[:1024]:
        raise ReadError("this is not a PDF document (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (PyPdfError, NotImplementedError, ValueError) as exc:
                raise ReadError(f"the PDF is encrypted and cannot be opened ({exc})") from None
            if not ok:
                raise ReadError("the PDF is password protected; remove the password first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(f"the PDF is damaged and cannot be read ({exc})") from None
    if not pages:
        raise ReadError("the PDF has no pages")
    characters = sum(len("".join(page.split())) for page in pages)
    if characters < _MIN_CHARS_PER_PAGE * len(pages) and characters < 200:
        raise ReadError(
            f"the PDF has no text layer ({len(pages)} page(s) with no extractable text); it is "
            "probably a scanned document — run text recognition (OCR) on it first"
        )
    warnings = []
    empty = sum(1 for page in pages if not page.strip())
    if empty:
        warnings.append(f"{empty} of {len(pages)} PDF pages have no text layer (scanned?)")
    return "\n\n".join(page.strip("\n") for page in pages), warnings
