"""Speaker-turn detection in plain text (txt, md, docx, odt, rtf, pdf).

Recognised conventions, each at the start of a line:

* ``Name: text`` — incl. ``I:``/``R:``, ``Interviewer 1:``, ``Interviewee1 :`` (French spacing),
  ``Formanden (Søren Gade):``, ``Anne Paulin (S):``, a label glued to its text
  (``Peder Hvelplund (EL):Tak for det.``), ``**Name:**`` and ``**Name**:``;
* ``[Name]`` and ``[Name 00:01:02]``; ``Name [00:01:02]:``; ``[00:01:02] Name:``;
* a header line ``Name  0:05`` / ``**Name**  0:00`` (Otter) or a name line followed by a
  timestamp line, with the text on the following lines.

A label that is not a known role (Interviewer, I, R, Q, A, Speaker 2, Deltager ...) and not of the
form ``Name (Party/Name)`` must occur at least twice and look like a name, so a ``Note:`` line in
prose is not taken for a speaker. Without any labels the turns are the paragraphs.

The work is a handful of compiled regular-expression scans over the text plus Python work per
label line, so it is linear in the size of the text.
"""

from __future__ import annotations

import re

from coding.importing._common import TIMESTAMP, timestamp_seconds
from coding.importing.base import ParsedTurn

_NAME = r"[^\W\d_][^\n:*\[\]]{0,49}?"
_TS = TIMESTAMP

# Each convention has its own regex. They all begin at a line start found via a literal '\n'
# (fast to search for); the first line is tried separately with match(). 'name' is the label,
# 'ts' a timestamp belonging to it, 'after' the character after a colon.
_CONVENTIONS: tuple[tuple[str, str], ...] = (
    # 1. Otter header alone on its line: 'Name  0:05' / '**Name**  0:00'.
    (
        r":\d\d(?:[.,]\d{1,3})?[ \t\])]*(?:\n|\Z)",
        rf"[ \t]{{0,3}}(?:\*\*)?(?P<name>{_NAME})(?:\*\*)?[ \t]+[\[(]?(?P<ts>{_TS})[\])]?[ \t]*$",
    ),
    # 2. A name line followed by a timestamp line.
    (
        r"\n[ \t]*[\[(]?\d{1,2}:\d\d",
        rf"[ \t]{{0,3}}(?:\*\*)?(?P<name>{_NAME})(?:\*\*)?[ \t]*\n[ \t]*[\[(]?(?P<ts>{_TS})[\])]?[ \t]*$",
    ),
    # 3. '[Name]' or '[Name 00:01:02]', optionally followed by ':'.
    (
        "[",
        rf"[ \t]{{0,3}}\[(?P<name>[^\W\d_][^\n:\[\]]{{0,49}}?)(?:[ \t]+(?P<ts>{_TS}))?\][ \t]*:?",
    ),
    # 4. A clock time glued to a label by PDF extraction: '      Kl. 13:07Formanden (Søren Gade):'.
    (
        r":\d\d[^\W\d_]",
        rf"[ \t]*(?:[Kk]l\.[ \t]?)?\d{{1,2}}:\d{{2}}(?P<name>{_NAME})[ \t]*:(?P<after>.?)",
    ),
    # 5. 'Name:' with an optional leading timestamp and an optional '[ts]'/'(ts)' before the colon.
    (
        "",
        rf"[ \t]{{0,3}}(?:[\[(]?(?P<pts>{_TS})[\])]?[ \t]+)?(?:\*\*)?(?P<name>{_NAME})[ \t]*"
        rf"(?:[\[(](?P<ts>{_TS})[\])])?[ \t]*(?:\*\*)?:(?:\*\*)?(?P<after>.?)",
    ),
)
# (precheck: a regex or a plain substring, label regex after a newline, label regex at the start)
_SCANNERS = tuple(
    (
        (check if len(check) == 1 else re.compile(check)) if check else None,
        re.compile(r"\n" + body, re.M),
        re.compile(body, re.M),
    )
    for check, body in _CONVENTIONS
)

_LEADING_TS_RE = re.compile(rf"[ \t]*[\[(]?({_TS})[\])]?(?=\s)\s*")
_TRAILING_TS_RE = re.compile(rf"[ \t]*[\[(]({_TS})[\])]\s*\Z")
_PARAGRAPH_RE = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")

_ROLE_RE = re.compile(
    r"""(?:i|r|q|a|p|int|resp|ip|iv|interviewer|intervieweren|interviewee|interviewed|respondent
    |respondenten|moderator|moderatoren|facilitator|participant|speaker|unknown\ speaker
    |deltager|deltageren|interviewperson|interviewpersonen|informant|informanten|forsker
    |spørger|journalist|host|guest|vært|gæst|ordstyrer|taler)
    (?:[ \t]*(?:\d{1,3}|[a-z])\b)?(?:[ \t]+\d{1,3})?""",
    re.I | re.X,
)
_PAREN_RE = re.compile(r"(?P<base>[^()]{1,40}?)[ \t]*\((?P<inner>[^()]{1,40})\)")
# Bracketed annotations that are not speakers.
_ANNOTATIONS = frozenset(
    [
        "music",
        "musik",
        "laughter",
        "laughs",
        "laughing",
        "latter",
        "griner",
        "applause",
        "bifald",
        "inaudible",
        "uhørligt",
        "utydeligt",
        "unclear",
        "crosstalk",
        "overlapping",
        "pause",
        "silence",
        "stilhed",
        "noise",
        "støj",
    ]
)
# Words that start header or prose lines ('Dato: 3. marts') rather than speaker turns.
_HEADER_WORDS = frozenset(
    [
        "note",
        "bemærk",
        "nb",
        "obs",
        "kilde",
        "source",
        "tid",
        "sted",
        "dato",
        "date",
        "time",
        "location",
        "emne",
        "tema",
        "baggrund",
        "titel",
        "title",
        "resumé",
        "summary",
        "varighed",
        "duration",
        "projekt",
        "project",
        "fil",
        "file",
    ]
)
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "da",
        "del",
        "der",
        "den",
        "di",
        "du",
        "la",
        "le",
        "af",
        "al",
        "bin",
        "ten",
        "ter",
        "mc",
        "o'",
        "og",
        "and",
    ]
)
_BAD_CHARS_RE = re.compile(r"""[",;?!=/\\<>{}|@#$%^&*_+~…“”"]|\.\.""")
_SENTENCE_END = ".?!,;"


def classify_label(raw: str) -> tuple[str, bool] | None:
    """Whether ``raw`` (the text before a colon) can be a speaker label.

    Returns ``(name, strong)`` — the tidied name and whether it is a label on its own (a known
    role such as ``Interviewer 1``/``I``/``Deltager``, or ``Name (Party)``) rather than one that
    must recur to count — or None when it cannot be a label.
    """
    name = " ".join(raw.split())
    if not name or len(name) > 50 or name[-1] in _SENTENCE_END or not name[0].isupper():
        return None
    if _ROLE_RE.fullmatch(name):
        return name, True
    if _BAD_CHARS_RE.search(name):
        return None
    words = name.split(" ")
    paren = _PAREN_RE.fullmatch(name)
    if paren is not None:
        inner = paren["inner"].strip()
        if (
            inner
            and (inner[0].isupper() or inner[0].isdigit())
            and len(words) <= 7
            and len(paren["base"].split()) <= 4
        ):
            return name, True
        return None
    if len(words) > 5 or "(" in name or ")" in name:
        return None
    for word in words:
        first = word[0]
        if not (first.isupper() or first.isdigit() or word.lower() in _PARTICLES):
            return None
    return name, False


def _glued_split(name: str, known: dict[str, int]) -> int:
    """Length of a page-join prefix glued to a known label (``AfstemningFormanden (...)``), or 0."""
    first = name.split(" ", 1)[0]
    for i in range(1, len(first)):
        if first[i].isupper() and first[i - 1].islower():
            rest = name[i:]
            if rest in known:
                return i
            break
    return 0


def _trimmed_turn(
    text: str, start: int, end: int, speaker: str | None, timestamp: float | None
) -> ParsedTurn | None:
    """A turn for text[start:end] without surrounding whitespace and edge timestamps.

    Runs once per turn, so the common case (no timestamps) is decided by looking at single
    characters before any regular expression is tried."""
    if timestamp is None:
        i = start
        while i < end and text[i] in " \t":
            i += 1
        if i < end and (text[i] in "[(" or text[i].isdigit()):
            lead = _LEADING_TS_RE.match(text, start, end)
            if lead is not None:
                seconds = timestamp_seconds(lead.group(1))
                if seconds is not None:
                    timestamp = seconds
                    start = lead.end()
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    end = _rstripped_end(text, start, end)
    if text[end - 1] in ")]":
        trail = _TRAILING_TS_RE.search(text, max(start, end - 24), end)
        if trail is not None:
            seconds = timestamp_seconds(trail.group(1))
            if seconds is not None and trail.start() > start:
                if timestamp is None:
                    timestamp = seconds
                end = _rstripped_end(text, start, trail.start())
    return ParsedTurn(start, end, speaker, timestamp)


def _rstripped_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing whitespace (without copying the span)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def paragraph_turns(text: str, start: int = 0, end: int | None = None) -> list[ParsedTurn]:
    """One speaker-less turn per blank-line separated paragraph of ``text[start:end]``."""
    end = len(text) if end is None else end
    turns = []
    for match in _PARAGRAPH_RE.finditer(text, start, end):
        turn = _trimmed_turn(text, match.start(), match.end(), None, None)
        if turn is not None:
            turns.append(turn)
    return turns


def _candidates(text: str) -> list[tuple[int, int, str, bool, float | None]]:
    """Every label line: (line start, text start, name, strong, timestamp), sorted.

    Conventions are tried in order; a line taken by an earlier one is not looked at again.
    """
    taken: dict[int, tuple[int, int, str, bool, float | None]] = {}
    cache: dict[str, tuple[str, bool] | None] = {}
    for number, (precheck, after_newline, at_start) in enumerate(_SCANNERS, start=1):
        if precheck is not None and (
            precheck not in text if isinstance(precheck, str) else precheck.search(text) is None
        ):
            continue
        first = at_start.match(text)
        matches = [first] if first is not None else []
        matches.extend(after_newline.finditer(text))
        # One group lookup per match (this loop runs once per label line).
        names = {4: ("name", "after"), 5: ("name", "after", "ts", "pts")}.get(number, ())
        for match in matches:
            if number == 4:
                line_start = match.start("name")
            else:
                line_start = match.start() if match is first else match.start() + 1
            if line_start in taken:
                continue
            if number >= 4:
                groups = match.group(*names)
                raw, after = groups[0], groups[1]
                if after == "/" or (after.isdigit() and raw.rstrip()[-1:].isdigit()):
                    continue  # a URL or a clock time such as 'Kl. 13:03', not a label
                ts_text = None if number == 4 else (groups[2] or groups[3])
            else:
                raw, ts_text = match.group("name", "ts")
                after = None
            verdict = cache.get(raw, False)
            if verdict is False:
                verdict = cache[raw] = classify_label(raw)
                if verdict is not None and number == 3 and verdict[0].lower() in _ANNOTATIONS:
                    verdict = cache[raw] = None
            if verdict is None:
                continue
            seconds = timestamp_seconds(ts_text) if ts_text else None
            body_start = match.end() - len(after) if after else match.end()
            taken[line_start] = (line_start, body_start, verdict[0], verdict[1], seconds)
    return [taken[position] for position in sorted(taken)]


def detect_turns(text: str) -> list[ParsedTurn]:
    """Speaker turns of ``text``: sorted, non-overlapping spans of the spoken text.

    A turn's span starts after its label (``Name:`` stays in the text but not in the span) and
    runs to the next label, without surrounding whitespace and without a timestamp at either
    edge (which becomes the turn's ``timestamp`` in seconds). Text before the first label and
    text without any labels becomes paragraph turns with speaker None.
    """
    candidates = _candidates(text)
    counts: dict[str, int] = {}
    timed = 0
    for _, _, name, _, seconds in candidates:
        counts[name] = counts.get(name, 0) + 1
        timed += seconds is not None
    # Labels carrying a timestamp ('Emma  0:22') are trusted once the document uses that style.
    trust_timed = timed >= 3
    # In a transcript that is clearly labelled (three or more strong or recurring label lines),
    # a short name-like label that occurs once ('Peter:' saying one thing) is a speaker too,
    # but only after the first such label, so header lines such as 'Dato:' stay out.
    established = [c[0] for c in candidates if c[3] or counts[c[2]] >= 2]
    trust_single_from = established[0] if len(established) >= 3 else len(text) + 1

    labels: list[tuple[int, int, str, float | None]] = []
    for line_start, body_start, name, strong, seconds in candidates:
        glued = _glued_split(name, counts) if counts[name] == 1 else 0
        if glued:
            name = name[glued:]
            strong = True
        elif (
            not strong
            and counts[name] < 2
            and not (trust_timed and seconds is not None)
            and not (
                line_start > trust_single_from
                and name.count(" ") < 3
                and name.lower() not in _HEADER_WORDS
            )
        ):
            continue
        labels.append((line_start + glued, body_start, name, seconds))

    if not labels:
        return paragraph_turns(text)

    turns = paragraph_turns(text, 0, labels[0][0])
    for index, (_, body_start, name, seconds) in enumerate(labels):
        end = labels[index + 1][0] if index + 1 < len(labels) else len(text)
        turn = _trimmed_turn(text, body_start, end, name, seconds)
        if turn is not None:
            turns.append(turn)
    return turns
