"""Shared material for the benchmarks: a Danish word list and synthetic interview text.

Not a benchmark itself (no ``bench_`` prefix, so ``python -m bench`` does not run it). The
text is drawn from a seeded ``random.Random`` so every run measures the same data.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coding.importing.base import ParsedTurn

BASE_WORDS: list[str] = [
    "jeg", "vi", "det", "at", "og", "i", "en", "er", "som", "på", "med", "for", "ikke", "har",
    "til", "men", "så", "kommunen", "staten", "regionen",
]  # fmt: skip
"""Common Danish words and the three public sectors; each benchmark adds its own vocabulary."""

WORDS: list[str] = [
    *BASE_WORDS,
    "lønnen", "pensionen", "ledelse", "ledere", "sektoren", "politisk", "direktør",
    "medarbejdere", "kultur", "netværk", "udfordringer", "erfaring", "mening", "værdi",
    "borgerne", "opgaver", "skifte", "privat", "offentlig", "rekruttering", "karriere",
    "indflydelse", "læring", "perspektiv", "forandring", "beslutninger", "økonomi", "sygehus",
    "ministeriet",
]  # fmt: skip
"""The word list of the foundation and report benchmarks."""


def interview_line(
    rng: random.Random, label: str, n_words: int, words: Sequence[str] = WORDS
) -> str:
    """One speaker turn: ``"<label>: <n_words random words, capitalised>."``."""
    body = " ".join(rng.choice(words) for _ in range(n_words))
    return f"{label}: {body.capitalize()}."


def make_transcript(rng: random.Random, words: int = 10_000) -> str:
    """An interview of at least ``words`` words, alternating short ``I:`` and long ``R:`` turns."""
    parts, n, turn = [], 0, 0
    while n < words:
        k = rng.randint(8, 120) if turn % 2 else rng.randint(5, 30)
        parts.append(interview_line(rng, "R" if turn % 2 else "I", k))
        n += k
        turn += 1
    return "\n\n".join(parts) + "\n"


def join_turns(lines: Iterable[tuple[str, str]]) -> tuple[str, list[ParsedTurn]]:
    """Join ``(speaker, line)`` pairs with blank lines; a turn spans each line of the text."""
    from coding.importing.base import ParsedTurn

    parts: list[str] = []
    turns: list[ParsedTurn] = []
    pos = 0
    for speaker, line in lines:
        parts.append(line)
        turns.append(ParsedTurn(pos, pos + len(line), speaker))
        pos += len(line) + 2
    return "\n\n".join(parts), turns
