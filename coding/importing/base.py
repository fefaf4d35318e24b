"""What every transcript reader returns: normalised text plus speaker turns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ParsedTurn:
    """One speaker turn: [start, end) in code points of ParsedDocument.text."""

    start: int
    end: int
    speaker: str | None = None
    timestamp: float | None = None  # seconds from the start of the recording


@dataclass
class ParsedDocument:
    """A transcript read from a file, ready to be stored.

    ``text`` is NFC-normalised with ``\\n`` newlines only; positions are code points.
    """

    text: str
    format: str  # txt, docx, odt, rtf, pdf, vtt, srt, md
    turns: list[ParsedTurn] = field(default_factory=list)
    source_sha256: str = ""
    language: str | None = None  # 'da' / 'en' when detected
    warnings: list[str] = field(default_factory=list)
