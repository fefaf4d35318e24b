"""Small helpers shared by the readers: the internal error type and timestamp parsing."""

from __future__ import annotations

import re


class ReadError(Exception):
    """A reader could not read its input; the message is the user-facing reason.

    ``parse_bytes`` turns it into :class:`coding.errors.ImportFailure` with the file name.
    """


# H:MM:SS(.mmm) or M:SS(.mmm); hours/minutes may be unpadded (Teams writes 0:0:0.210).
TIMESTAMP = r"\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?"
_TIMESTAMP_RE = re.compile(
    r"(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:[.,](?P<f>\d{1,3}))?\Z"
)


def timestamp_seconds(value: str) -> float | None:
    """``'01:02:03.5'`` -> 3723.5 seconds; ``'2:58'`` -> 178.0. None when it is not a time."""
    match = _TIMESTAMP_RE.match(value.strip())
    if match is None:
        return None
    hours = int(match["h"] or 0)
    minutes = int(match["m"])
    seconds = int(match["s"])
    if seconds >= 60 or (match["h"] is not None and minutes >= 60):
        return None
    frac = match["f"]
    fraction = int(frac) / (10 ** len(frac)) if frac else 0.0
    return hours * 3600 + minutes * 60 + seconds + fraction
