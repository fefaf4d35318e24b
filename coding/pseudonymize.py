"""Pseudonymisation of names in report text (quotes, tables, memos).

Each case lists the names that must not appear in an export (``Case.pseudonyms``: a JSON list
of ``{"name", "kind": person|organisation|place, "pseudonym"?}``). Speaker names of the
transcripts are persons too, except generic labels such as ``I``, ``R`` or ``Interviewer``.

Rules (documented in the report's method section):

* the same name (case-insensitive, whitespace-normalised) gets the same pseudonym everywhere;
  pseudonyms are numbered per kind in the order cases appear ("Person 1", "Organisation A",
  "Sted 1" in Danish; "Place 1" in English) unless the list gives one;
* names are replaced as whole words, case-insensitively, also in possessive form (Danish
  "Hansens", English "Hansen's"), which becomes the pseudonym's possessive ("Person 1's");
* each word (of 3+ letters) of a person's full name is also replaced on its own — so
  "Hanne" alone is caught — but only when it is written with a capital letter, so that a
  surname that is also a common word ("Skov") does not swallow the common word.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.errors import TematikError
from models.entities import Case, Document, Speaker

KINDS = ("person", "organisation", "place")
LABELS = {
    "da": {"person": "Person {n}", "organisation": "Organisation {a}", "place": "Sted {n}"},
    "en": {"person": "Person {n}", "organisation": "Organisation {a}", "place": "Place {n}"},
}
# Speaker labels that are roles, not names: never pseudonymised.
GENERIC_SPEAKERS = re.compile(
    r"^(?:[a-zæøå]\d*|ip|iv|int|interviewer\w*|intervieweren|interviewee|moderator|spørger|"
    r"respondent\w*|informant\w*|interviewperson\w*|deltager\w*|participant\w*|leder\w*|"
    r"leader|speaker|taler|person|ukendt|unknown|svarperson)(?:\s*\d+)?$",
    re.IGNORECASE,
)
_WS = re.compile(r"\s+")


@dataclass
class NameEntry:
    """One name to hide: ``kind`` is person, organisation or place."""

    name: str
    kind: str = "person"
    pseudonym: str = ""

    def as_json(self) -> dict[str, str]:
        d = asdict(self)
        if not d["pseudonym"]:
            del d["pseudonym"]
        return d


def _norm(name: str) -> str:
    return _WS.sub(" ", name.strip()).casefold()


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("A") + r) + out
    return out


def parse_names(raw: str | None, where: str = "case") -> list[NameEntry]:
    """Read a ``Case.pseudonyms`` JSON value (tolerates empty values and plain strings)."""
    if not raw or not raw.strip():
        return []
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TematikError(f"The name list of {where} is not valid JSON: {exc}") from exc
    if not isinstance(data, list):
        raise TematikError(f"The name list of {where} must be a list of names.")
    return [_entry(item, where) for item in data]


def _entry(item: Any, where: str) -> NameEntry:
    if isinstance(item, NameEntry):
        entry = NameEntry(item.name, item.kind, item.pseudonym)
    elif isinstance(item, str):
        entry = NameEntry(item)
    elif isinstance(item, dict) and isinstance(item.get("name"), str):
        entry = NameEntry(
            item["name"], str(item.get("kind") or "person"), str(item.get("pseudonym") or "")
        )
    else:
        raise TematikError(f"Each name of {where} needs a 'name' (got {item!r}).")
    entry.name = _WS.sub(" ", entry.name.strip())
    entry.pseudonym = entry.pseudonym.strip()
    if not entry.name:
        raise TematikError(f"An empty name was given for {where}.")
    if entry.kind not in KINDS:
        raise TematikError(
            f"Unknown kind {entry.kind!r} for {entry.name!r} in {where}; "
            f"choose one of {', '.join(KINDS)}."
        )
    return entry


def case_names(session: Session, case_id: int) -> list[NameEntry]:
    """The names listed for a case."""
    case = session.get(Case, case_id)
    if case is None:
        raise TematikError("That case no longer exists.")
    return parse_names(case.pseudonyms, f"case {case.name!r}")


def set_case_names(
    session: Session, case_id: int, names: Sequence[NameEntry | dict[str, str] | str]
) -> list[NameEntry]:
    """Replace the names listed for a case; returns the previous list (for undo).

    Duplicates (same name, ignoring case) are dropped; kinds are checked."""
    case = session.get(Case, case_id)
    if case is None:
        raise TematikError("That case no longer exists.")
    where = f"case {case.name!r}"
    old = parse_names(case.pseudonyms, where)
    seen: set[str] = set()
    entries: list[NameEntry] = []
    for item in names:
        e = _entry(item, where)
        if _norm(e.name) not in seen:
            seen.add(_norm(e.name))
            entries.append(e)
    case.pseudonyms = json.dumps([e.as_json() for e in entries], ensure_ascii=False)
    session.flush()
    return old


def is_generic_speaker(name: str) -> bool:
    """True for role labels (I, R, IP, Interviewer, Deltager 2 …) that are not names."""
    return bool(GENERIC_SPEAKERS.match(name.strip()))


class Pseudonymizer:
    """Replaces a fixed set of names by consistent pseudonyms (see the module docstring)."""

    def __init__(self, entries: Iterable[NameEntry], language: str = "da") -> None:
        labels = LABELS.get(language, LABELS["en"])
        counters = dict.fromkeys(KINDS, 0)
        self.mapping: dict[str, str] = {}  # normalised full name → pseudonym
        self.kinds: dict[str, str] = {}
        parts: dict[str, str] = {}  # normalised part of a person's name → pseudonym
        for e in entries:
            key = _norm(e.name)
            if not key or key in self.mapping:
                continue
            if e.pseudonym:
                pseudo = e.pseudonym
            else:
                counters[e.kind] += 1
                n = counters[e.kind]
                pseudo = labels[e.kind].format(n=n, a=_letters(n))
            self.mapping[key] = pseudo
            self.kinds[key] = e.kind
            if e.kind == "person":
                for word in key.split(" "):
                    if len(word) >= 3 and word not in parts:
                        parts[word] = pseudo
        self.parts = {k: v for k, v in parts.items() if k not in self.mapping}
        keys = sorted({*self.mapping, *self.parts}, key=lambda k: (-len(k), k))
        if keys:
            alts = "|".join(r"\s+".join(re.escape(w) for w in k.split(" ")) for k in keys)
            self._re: re.Pattern[str] | None = re.compile(
                rf"(?<![\w])({alts})(['’]s|s)?(?![\w])", re.IGNORECASE
            )
        else:
            self._re = None

    def __bool__(self) -> bool:
        return bool(self.mapping)

    def pseudonym(self, name: str) -> str | None:
        """The pseudonym of a listed name (or of a part of a person's name), else None."""
        key = _norm(name)
        return self.mapping.get(key) or self.parts.get(key)

    def _sub(self, m: re.Match[str]) -> str:
        found, suffix = m.group(1), m.group(2)
        key = _norm(found)
        pseudo = self.mapping.get(key)
        if pseudo is None:
            pseudo = self.parts.get(key)
            if pseudo is None or not found[:1].isupper():
                return m.group(0)
        if suffix:
            return pseudo + ("'" if pseudo[-1:].lower() in "sxz" else "'s")
        return pseudo

    def apply(self, text: str) -> str:
        """``text`` with every listed name replaced."""
        if self._re is None or not text:
            return text
        return self._re.sub(self._sub, text)

    def speaker(self, name: str | None) -> str | None:
        """A speaker label for display: its pseudonym when it is a name."""
        if not name:
            return name
        return self.pseudonym(name) or self.apply(name)


def project_names(session: Session, document_ids: Sequence[int] | None = None) -> list[NameEntry]:
    """All names to hide, in document order: each case's list, then its speakers."""
    q = select(Document.id, Document.case_id).order_by(Document.position, Document.id)
    docs = session.execute(q).all()
    if document_ids is not None:
        wanted = set(document_ids)
        docs = [d for d in docs if d[0] in wanted]
    cases = {c.id: c for c in session.scalars(select(Case))}
    speakers: dict[int, list[str]] = {}
    for doc_id, name in session.execute(
        select(Speaker.document_id, Speaker.name).order_by(Speaker.id)
    ):
        speakers.setdefault(doc_id, []).append(name)
    out: list[NameEntry] = []
    done_cases: set[int] = set()
    for doc_id, case_id in docs:
        if case_id is not None and case_id not in done_cases:
            done_cases.add(case_id)
            case = cases[case_id]
            out.extend(parse_names(case.pseudonyms, f"case {case.name!r}"))
        for name in speakers.get(doc_id, []):
            if not is_generic_speaker(name):
                out.append(NameEntry(name, "person"))
    return out


def build_pseudonymizer(
    session: Session, language: str = "da", document_ids: Sequence[int] | None = None
) -> Pseudonymizer:
    """A pseudonymizer for the project's listed names and speaker names.

    Names of every case are included (a quote may name a person of another interview); the
    numbering follows the order of the documents."""
    names = project_names(session)
    if document_ids is not None:
        # Number the selected documents' names first, so numbering starts at 1 in the report.
        chosen = project_names(session, document_ids)
        names = chosen + names
    return Pseudonymizer(names, language)
