"""Small real projects for the comparison, adjudication and merge tests (no tests here)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from coding.codebook import add_code
from coding.codings import add_coding
from coding.documents import store_document
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.project import create_project, ensure_coder, transaction
from models.db import Database

WORDS = [
    "leder",
    "staten",
    "kommune",
    "løn",
    "pension",
    "kultur",
    "skifte",
    "region",
    "privat",
    "ansvar",
    "og",
    "men",
]


def transcript(rng: random.Random, n_turns: int) -> tuple[str, list[ParsedTurn]]:
    """A text of speaker lines and its turns (one per line, newline included)."""
    parts: list[str] = []
    turns: list[ParsedTurn] = []
    pos = 0
    for t in range(n_turns):
        speaker = "I" if t % 2 == 0 else "R"
        line = f"{speaker}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14)))
        line += "\n"
        parts.append(line)
        turns.append(ParsedTurn(pos, pos + len(line), speaker))
        pos += len(line)
    return "".join(parts), turns


@dataclass
class Project:
    """A project plus the codings as plain tuples (document name, code, coder, start, end)."""

    db: Database
    path: Path
    docs: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    turns: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    coders: dict[str, int] = field(default_factory=dict)
    codings: list[tuple[str, str, str, int, int]] = field(default_factory=list)

    def code(self, doc: str, code: str, coder: str, start: int, end: int) -> int:
        with transaction(self.db) as s:
            c = add_coding(s, self.docs[doc], self.codes[code], self.coders[coder], start, end)
            cid = c.id
        self.codings.append((doc, code, coder, start, end))
        return cid


def make_project(
    path: Path,
    documents: list[tuple[str, str, list[ParsedTurn]]],
    codes: list[str],
    coders: list[str],
) -> Project:
    db = create_project(path, codebook="none")
    proj = Project(db=db, path=path)
    with transaction(db) as s:
        for name, text, turns in documents:
            doc = store_document(s, name, ParsedDocument(text, "txt", turns))
            proj.docs[name] = doc.id
            proj.texts[name] = text
            proj.turns[name] = [(t.start, t.end) for t in turns]
        for c in codes:
            proj.codes[c] = add_code(s, c).id
        for c in coders:
            proj.coders[c] = ensure_coder(s, c).id
    return proj


def random_project(
    path: Path,
    seed: int = 1,
    n_docs: int = 3,
    codes: tuple[str, ...] = ("Løn", "Kultur", "Ansvar"),
    coders: tuple[str, ...] = ("Anne", "Bo", "Carl"),
    per_cell: int = 3,
) -> Project:
    """Random overlapping codings, with a share of spans copied between coders (agreement)."""
    rng = random.Random(seed)
    docs = []
    for d in range(n_docs):
        text, turns = transcript(rng, rng.randint(6, 12))
        docs.append((f"Interview {d + 1}", text, turns))
    proj = make_project(path, docs, list(codes), list(coders))
    seen: set[tuple[str, str, str, int, int]] = set()
    with transaction(proj.db) as s:
        for name, text, _ in docs:
            n = len(text)
            for code in codes:
                base = []
                for _ in range(per_cell):
                    st = rng.randrange(0, n - 5)
                    base.append((st, min(n, st + rng.randint(5, 120))))
                for coder in coders:
                    for st, en in base:
                        r = rng.random()
                        if r < 0.35:
                            continue  # this coder missed it
                        if r < 0.7:
                            st2, en2 = st, en
                        else:
                            st2 = max(0, st + rng.randint(-15, 15))
                            en2 = min(n, max(st2 + 1, en + rng.randint(-15, 15)))
                        key = (name, code, coder, st2, en2)
                        if key in seen:
                            continue
                        seen.add(key)
                        add_coding(
                            s, proj.docs[name], proj.codes[code], proj.coders[coder], st2, en2
                        )
                        proj.codings.append(key)
    return proj


def char_vector(proj: Project, doc: str, code: str, coder: str) -> list[int]:
    """Per character 1 when the coder coded it with the code (brute force)."""
    v = [0] * len(proj.texts[doc])
    for d, c, k, s, e in proj.codings:
        if (d, c, k) == (doc, code, coder):
            for i in range(s, e):
                v[i] = 1
    return v


def turn_vector(proj: Project, doc: str, code: str, coder: str) -> list[int]:
    """Per turn 1 when any of the coder's codings with the code overlaps it (brute force)."""
    out = []
    for ts, te in proj.turns[doc]:
        hit = any(
            (d, c, k) == (doc, code, coder) and s < te and e > ts for d, c, k, s, e in proj.codings
        )
        out.append(int(hit))
    return out
