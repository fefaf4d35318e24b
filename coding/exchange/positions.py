"""Text positions across tools: code points, UTF-16 code units, CRLF, BOM and normalisation.

Tematik stores text NFC-normalised with ``\\n`` newlines and counts positions in Unicode code
points (end exclusive), as the REFI-QDA standard does. Other tools do not always:

* NVivo counts UTF-16 code units, so every astral character (emoji) before a position counts
  twice; a UTF-8 BOM is not counted; CRLF counts as two.
* Some tools count a CRLF line break as one position.

:class:`OffsetMap` reads a source text the way the writing tool counted it and maps its
positions onto the normalised text Tematik stores.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

CODEPOINT = "codepoint"
UTF16 = "utf16"

# What normalise_text in coding.importing removes or replaces (kept in step with it).
_LINE_SEPARATORS = frozenset("\x0b\x0c\x85\u2028\u2029")
_REMOVED = frozenset(
    [chr(c) for c in range(0x00, 0x09)]
    + [chr(c) for c in range(0x0E, 0x20)]
    + [chr(c) for c in range(0x7F, 0x85)]
    + [chr(c) for c in range(0x86, 0xA0)]
    + ["\ufeff"]
)


def utf16_length(text: str) -> int:
    """Number of UTF-16 code units in ``text``."""
    return len(text.encode("utf-16-le")) // 2


def codepoint_to_utf16(text: str, offset: int) -> int:
    """The UTF-16 code-unit offset of code-point ``offset`` in ``text``."""
    return utf16_length(text[:offset])


def utf16_to_codepoint(text: str, offset: int) -> int:
    """The code-point offset of UTF-16 ``offset`` in ``text`` (an offset inside a surrogate
    pair gives the position after that character)."""
    if offset <= 0:
        return 0
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


@dataclass(frozen=True)
class PositionScheme:
    """How a tool counted positions: ``unit`` (code points or UTF-16 units) and how many
    positions a CRLF line break takes (1 or 2)."""

    unit: str = CODEPOINT
    crlf: int = 2

    def describe(self) -> str:
        unit = "UTF-16 code units" if self.unit == UTF16 else "Unicode code points"
        return f"{unit}, CRLF counted as {self.crlf}"


STANDARD = PositionScheme(CODEPOINT, 2)
CANDIDATES = (
    STANDARD,
    PositionScheme(UTF16, 2),
    PositionScheme(CODEPOINT, 1),
    PositionScheme(UTF16, 1),
)

# origin prefix (lower case) → scheme. Measured on real exports (see the REFI README).
KNOWN_ORIGINS: tuple[tuple[str, PositionScheme], ...] = (
    ("nvivo", PositionScheme(UTF16, 2)),
    ("tematik", STANDARD),
    ("qualcoder", STANDARD),
    ("qc ", STANDARD),
)


def scheme_for_origin(origin: str | None) -> PositionScheme | None:
    """The known scheme of the tool named in a REFI ``origin`` attribute, or None."""
    low = (origin or "").strip().lower()
    for prefix, scheme in KNOWN_ORIGINS:
        if low.startswith(prefix):
            return scheme
    return None


class OffsetMap:
    """A source text as the writing tool counted it, normalised for storage, with a map from
    source positions to positions in :attr:`text`.

    ``source`` is the decoded text with any leading BOM already removed (the BOM is never
    counted). The normalisation matches :func:`coding.importing.normalise_text`: CRLF and CR
    become ``\\n``, other line separators ``\\n``, control characters and stray BOMs are
    removed, and the result is NFC.
    """

    def __init__(self, source: str, scheme: PositionScheme = STANDARD) -> None:
        self.scheme = scheme
        if _is_identity(source, scheme):
            self.text = source
            self.source_length = len(source)
            self._starts: array | None = None
            return
        out: list[str] = []
        starts = array("q")
        pos = 0
        utf16 = scheme.unit == UTF16
        i, n = 0, len(source)
        while i < n:
            ch = source[i]
            if ch == "\r":
                if i + 1 < n and source[i + 1] == "\n":
                    starts.append(pos)
                    out.append("\n")
                    pos += scheme.crlf
                    i += 2
                    continue
                starts.append(pos)
                out.append("\n")
            elif ch in _LINE_SEPARATORS:
                starts.append(pos)
                out.append("\n")
            elif ch not in _REMOVED:
                starts.append(pos)
                out.append(ch)
            pos += 2 if utf16 and ord(ch) > 0xFFFF else 1
            i += 1
        text = "".join(out)
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text, starts = _nfc_with_map(out, starts)
        starts.append(pos)
        self.text = text
        self.source_length = pos
        self._starts = starts

    @property
    def identity(self) -> bool:
        return self._starts is None

    def start(self, pos: int) -> int:
        """Where a selection starting at source position ``pos`` starts in :attr:`text`
        (a position inside a character includes that character)."""
        if self._starts is None:
            return pos
        i = bisect_right(self._starts, pos) - 1
        while i > 0 and self._starts[i - 1] == self._starts[i]:
            i -= 1
        return max(i, 0)

    def end(self, pos: int) -> int:
        """Where a selection ending (exclusively) at source position ``pos`` ends in
        :attr:`text` (a position inside a character includes that character)."""
        if self._starts is None:
            return pos
        return min(bisect_left(self._starts, pos), len(self.text))

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), self.end(end)


def _is_identity(source: str, scheme: PositionScheme) -> bool:
    """Whether the source needs no mapping (the common case: clean, NFC, code points)."""
    if source.isascii():
        return "\r" not in source and not any(c in _REMOVED for c in source)
    if scheme.unit == UTF16 and any(ord(c) > 0xFFFF for c in source):
        return False
    if "\r" in source or any(c in _REMOVED or c in _LINE_SEPARATORS for c in source):
        return False
    return unicodedata.is_normalized("NFC", source)


def _nfc_with_map(chars: list[str], starts: array) -> tuple[str, array]:
    """NFC per cluster (a starter and the combining marks after it), keeping the map: the
    characters of a cluster that NFC changed all start where the cluster starts."""
    out: list[str] = []
    new = array("q")
    i, n = 0, len(chars)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(chars[j]):
            j += 1
        cluster = "".join(chars[i:j])
        norm = unicodedata.normalize("NFC", cluster)
        if norm == cluster:
            out.extend(chars[i:j])
            new.extend(starts[i:j])
        else:
            out.append(norm)
            new.extend([starts[i]] * len(norm))
        i = j
    return "".join(out), new


def word_boundary_score(text: str, spans: Iterable[tuple[int, int]]) -> int:
    """How many span ends fall on a word boundary (not between two letters or digits)."""

    def boundary(p: int) -> bool:
        if p <= 0 or p >= len(text):
            return True
        return not (text[p - 1].isalnum() and text[p].isalnum())

    return sum(boundary(s) + boundary(e) for s, e in spans)


def guess_scheme(
    source: str, spans: list[tuple[int, int]]
) -> tuple[PositionScheme, OffsetMap, str]:
    """For a tool of unknown counting: the scheme whose mapped selections start and end on
    the most word boundaries (ties keep the standard). Returns the scheme, its map and a
    sentence for the import summary."""
    std = OffsetMap(source, STANDARD)
    has_astral = any(ord(c) > 0xFFFF for c in source) if not source.isascii() else False
    if not spans or (not has_astral and "\r\n" not in source):
        return STANDARD, std, ""
    best = (word_boundary_score(std.text, [std.span(s, e) for s, e in spans]), STANDARD, std)
    for scheme in CANDIDATES[1:]:
        if scheme.unit == UTF16 and not has_astral:
            continue
        if scheme.crlf == 1 and "\r\n" not in source:
            continue
        m = OffsetMap(source, scheme)
        score = word_boundary_score(m.text, [m.span(s, e) for s, e in spans])
        if score > best[0]:
            best = (score, scheme, m)
    score, scheme, m = best
    note = (
        f"positions read as {scheme.describe()} ({score} of {2 * len(spans)} selection ends "
        "on word boundaries)"
    )
    return scheme, m, note
