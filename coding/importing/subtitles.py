"""WebVTT and SubRip readers: cues become speaker turns, one paragraph per turn."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from coding.importing._common import TIMESTAMP, ReadError, timestamp_seconds
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.importing.speakers import classify_label

_BLOCK_SPLIT_RE = re.compile(r"\n[ \t]*\n")
_TIMING_RE = re.compile(rf"^[ \t]*({TIMESTAMP})[ \t]*-->[ \t]*({TIMESTAMP})")
_VOICE_RE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>")
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>|\{\\[^}]*\}|<\d{1,2}(?::\d{1,2}){1,2}[.,]\d{1,3}>")
_PREFIX_RE = re.compile(r"[ \t]*(?:-[ \t]*)?([^\W\d_][^\n:]{0,49}?)[ \t]*:(?![/\d])[ \t]*")
_SPACES_RE = re.compile(r"[ \t]*\n[ \t]*|[ \t]{2,}")
_SENTENCE_END_RE = re.compile(r"[.?!…][\"'”’)\]]*\Z")

# Speaker-less cues are joined into one paragraph until a pause this long ...
_PARAGRAPH_PAUSE_SECONDS = 2.0
# ... or until the paragraph is this long and a sentence ends.
_PARAGRAPH_CHARS = 600


@dataclass
class _Segment:
    start: float
    end: float
    speaker: str | None
    text: str


def _clean(text: str) -> str:
    """Cue text without markup, entities unescaped, line breaks and runs of spaces as one space."""
    text = _TAG_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return _SPACES_RE.sub(" ", text).strip()


def _cue_blocks(text: str, filetype: str) -> list[tuple[float, float, str]]:
    """(start, end, raw cue text) for each cue; header, NOTE, STYLE and REGION blocks skipped."""
    cues = []
    for index, block in enumerate(_BLOCK_SPLIT_RE.split(text.strip("\n"))):
        lines = block.strip("\n").split("\n")
        head = lines[0].strip()
        if filetype == "vtt" and (
            (index == 0 and head.startswith("WEBVTT"))
            or head.startswith(("NOTE", "STYLE", "REGION"))
        ):
            continue
        for position, line in enumerate(lines[:3]):
            timing = _TIMING_RE.match(line)
            if timing is not None:
                start = timestamp_seconds(timing.group(1))
                end = timestamp_seconds(timing.group(2))
                if start is None or end is None:
                    raise ReadError(f"a cue has an invalid time: {line.strip()!r}")
                cues.append((start, end, "\n".join(lines[position + 1 :])))
                break
    return cues


def _segments(cues: list[tuple[float, float, str]]) -> list[_Segment]:
    """Split cues into speaker segments from <v> voice tags or 'Name:' prefixes."""
    raw: list[tuple[float, float, str | None, str, str | None]] = []
    for start, end, cue in cues:
        voices = list(_VOICE_RE.finditer(cue))
        if voices:
            if voices[0].start() > 0 and _clean(cue[: voices[0].start()]):
                raw.append((start, end, None, cue[: voices[0].start()], None))
            for i, voice in enumerate(voices):
                stop = voices[i + 1].start() if i + 1 < len(voices) else len(cue)
                name = " ".join((voice.group(1) or "").split()) or None
                raw.append((start, end, name, cue[voice.end() : stop], None))
            continue
        prefix = _PREFIX_RE.match(cue)
        label = prefix.group(1) if prefix is not None else None
        raw.append((start, end, None, cue, label))

    # A 'Name:' prefix counts when it is a strong label or recurs (as in speakers.detect_turns).
    verdicts: dict[str, tuple[str, bool] | None] = {}
    counts: dict[str, int] = {}
    for *_, label in raw:
        if label is not None:
            verdict = verdicts.setdefault(label, classify_label(label))
            if verdict is not None:
                counts[verdict[0]] = counts.get(verdict[0], 0) + 1

    segments = []
    for start, end, speaker, cue, label in raw:
        verdict = verdicts.get(label) if label is not None else None
        if verdict is not None and (verdict[1] or counts[verdict[0]] >= 2):
            speaker = verdict[0]
            prefix = _PREFIX_RE.match(cue)
            assert prefix is not None
            cue = cue[prefix.end() :]
        text = _clean(cue)
        if text:
            segments.append(_Segment(start, end, speaker, text))
    return segments


def _render(segments: list[_Segment], fmt: str, filename_kind: str) -> ParsedDocument:
    """Merge segments into turns and render one paragraph per turn."""
    if not segments:
        raise ReadError(f"the {filename_kind} file contains no cues with text")
    has_speakers = any(segment.speaker for segment in segments)

    # Group into turns: (speaker, first start, [texts]).
    turns: list[tuple[str | None, float, list[str]]] = []
    previous_end = 0.0
    for segment in segments:
        if turns:
            speaker, _, texts = turns[-1]
            if has_speakers:
                # Cues without a speaker continue the previous speaker's turn.
                same = segment.speaker is None or segment.speaker == speaker
            else:
                pause = segment.start - previous_end
                length = sum(len(text) + 1 for text in texts)
                same = pause < _PARAGRAPH_PAUSE_SECONDS and not (
                    length >= _PARAGRAPH_CHARS and _SENTENCE_END_RE.search(texts[-1])
                )
            if same:
                texts.append(segment.text)
                previous_end = max(previous_end, segment.end)
                continue
        turns.append((segment.speaker, segment.start, [segment.text]))
        previous_end = segment.end

    parts: list[str] = []
    parsed: list[ParsedTurn] = []
    position = 0
    for speaker, start, texts in turns:
        if parts:
            parts.append("\n\n")
            position += 2
        if speaker:
            label = f"{speaker}: "
            parts.append(label)
            position += len(label)
        body = " ".join(texts)
        parts.append(body)
        parsed.append(ParsedTurn(position, position + len(body), speaker, start))
        position += len(body)
    return ParsedDocument(text="".join(parts), format=fmt, turns=parsed)


def parse_vtt(text: str) -> ParsedDocument:
    """Read WebVTT text (already normalised): Teams ``<v Name>``, Zoom ``Name (Role):`` cues."""
    if not text.lstrip().startswith("WEBVTT"):
        raise ReadError("this is not a WebVTT file: it does not start with 'WEBVTT'")
    return _render(_segments(_cue_blocks(text, "vtt")), "vtt", "WebVTT")


def parse_srt(text: str) -> ParsedDocument:
    """Read SubRip text (already normalised); ``Name:`` at the start of a cue names the speaker."""
    cues = _cue_blocks(text, "srt")
    if not cues:
        raise ReadError("this is not a SubRip (.srt) file: no '00:00:01,000 --> ...' cue times")
    return _render(_segments(cues), "srt", "SubRip")
