"""Retrieval: coded segments with text and context, and code frequency matrices.

Text is cut by the database (``substr`` counts characters on SQLite and PostgreSQL), so a
query never loads whole transcripts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from coding.codebook import code_paths, code_tree, descendant_ids, find_code
from coding.documents import find_document
from coding.errors import TematikError
from coding.project import get_coder
from models.entities import Attribute, AttributeValue, Code, Coder, Coding, Document, Speaker, Turn


@dataclass
class Segment:
    """One coded passage."""

    coding_id: int
    guid: str
    document_id: int
    document: str
    code_id: int
    code_path: str
    coder: str
    start: int
    end: int
    text: str
    before: str
    after: str
    memo: str
    speaker: str | None
    pinned: bool
    created_at: datetime

    def as_json(self) -> dict:
        d = asdict(self)
        d["created_at"] = self.created_at.isoformat(timespec="seconds")
        return d


@dataclass
class SegmentFilter:
    codes: list[str] | None = None  # code refs (path/name/guid); sub-codes included
    coders: list[str] | None = None
    documents: list[str] | None = None
    attribute: tuple[str, str] | None = None  # (name, value)
    text: str | None = None  # full-text search in the coded passage
    include_subcodes: bool = True


def _code_ids(session: Session, refs: Iterable[str], subcodes: bool) -> list[int]:
    ids: list[int] = []
    for ref in refs:
        code = find_code(session, ref)
        ids.extend(descendant_ids(session, code.id) if subcodes else [code.id])
    return ids


def segments(
    session: Session,
    flt: SegmentFilter | None = None,
    *,
    context: int = 60,
    code_ids: list[int] | None = None,
    coder_ids: list[int] | None = None,
    document_ids: list[int] | None = None,
    limit: int | None = None,
) -> list[Segment]:
    """Coded segments matching a filter, in document order."""
    flt = flt or SegmentFilter()
    conds = []
    if flt.codes:
        code_ids = (code_ids or []) + _code_ids(session, flt.codes, flt.include_subcodes)
    if code_ids is not None:
        conds.append(Coding.code_id.in_(code_ids))
    if flt.coders:
        coder_ids = (coder_ids or []) + [get_coder(session, c).id for c in flt.coders]
    if coder_ids is not None:
        conds.append(Coding.coder_id.in_(coder_ids))
    if flt.documents:
        document_ids = (document_ids or []) + [find_document(session, d).id for d in flt.documents]
    if document_ids is not None:
        conds.append(Coding.document_id.in_(document_ids))
    if flt.attribute:
        name, value = flt.attribute
        attr_id = session.scalar(
            select(Attribute.id).where(func.lower(Attribute.name) == name.lower())
        )
        if attr_id is None:
            raise TematikError(f"No attribute {name!r} in the project.")
        case_ids = select(AttributeValue.case_id).where(
            AttributeValue.attribute_id == attr_id, AttributeValue.value == value
        )
        conds.append(
            Coding.document_id.in_(select(Document.id).where(Document.case_id.in_(case_ids)))
        )
    if flt.text:
        seg_text = func.substr(Document.text, Coding.start + 1, Coding.end - Coding.start)
        conds.append(func.lower(seg_text).contains(flt.text.lower()))
    q = (
        select(
            Coding.id,
            Coding.guid,
            Coding.document_id,
            Document.name,
            Coding.code_id,
            Coder.name,
            Coding.start,
            Coding.end,
            Coding.memo,
            Coding.pinned,
            Coding.created_at,
        )
        .join(Document, Document.id == Coding.document_id)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(and_(True, *conds))
        .order_by(Document.position, Document.id, Coding.start, Coding.end, Coding.id)
    )
    if limit is not None:
        q = q.limit(limit)
    rows = session.execute(q).all()
    if not rows:
        return []
    # Texts and turns of the documents involved: one query each, then slicing in Python
    # (positions are code points, exactly Python's string indices).
    doc_ids = sorted({r[2] for r in rows})
    texts = dict(
        session.execute(select(Document.id, Document.text).where(Document.id.in_(doc_ids))).all()
    )
    turn_starts: dict[int, list[int]] = {}
    turn_speakers: dict[int, list[str | None]] = {}
    for doc_id, start, name in session.execute(
        select(Turn.document_id, Turn.start, Speaker.name)
        .outerjoin(Speaker, Speaker.id == Turn.speaker_id)
        .where(Turn.document_id.in_(doc_ids))
        .order_by(Turn.document_id, Turn.start)
    ):
        turn_starts.setdefault(doc_id, []).append(start)
        turn_speakers.setdefault(doc_id, []).append(name)
    paths = code_paths(session)
    out = []
    for cid, guid, doc_id, doc_name, code_id, coder, start, end, memo, pinned, created in rows:
        text = texts[doc_id]
        starts = turn_starts.get(doc_id)
        speaker = None
        if starts:
            i = bisect_right(starts, start) - 1
            if i >= 0:
                speaker = turn_speakers[doc_id][i]
        out.append(
            Segment(
                coding_id=cid,
                guid=guid,
                document_id=doc_id,
                document=doc_name,
                code_id=code_id,
                code_path=paths.get(code_id, "?"),
                coder=coder,
                start=start,
                end=end,
                text=text[start:end],
                before=text[max(0, start - context) : start],
                after=text[end : end + context],
                memo=memo or "",
                speaker=speaker,
                pinned=bool(pinned),
                created_at=created,
            )  # fmt: skip
        )
    return out


@dataclass
class FrequencyMatrix:
    """Codes × columns: number of codings and number of distinct documents per cell."""

    rows: list[str]  # code paths
    columns: list[str]  # document names or attribute values
    codings: list[list[int]]
    documents: list[list[int]]
    by: str  # "document" or the attribute name

    def as_json(self) -> dict:
        return asdict(self)


def frequency_matrix(
    session: Session,
    by: str = "document",
    *,
    coder_ids: list[int] | None = None,
    include_subcodes: bool = False,
) -> FrequencyMatrix:
    """Code × document (``by="document"``) or code × attribute value (``by=attribute name``).

    With ``include_subcodes`` a category's cells count the codings of all its sub-codes
    (a document is counted once)."""
    tree = code_tree(session)
    conds = [] if coder_ids is None else [Coding.coder_id.in_(coder_ids)]
    if by == "document":
        docs = session.execute(select(Document.id, Document.name).order_by(Document.position)).all()
        col_index = {d[0]: i for i, d in enumerate(docs)}
        columns = [d[1] for d in docs]
        q = select(Coding.code_id, Coding.document_id, Coding.document_id).where(*conds)
        rows = [(c, col_index[d], d) for c, d, _ in session.execute(q)]
    else:
        attr_id = session.scalar(
            select(Attribute.id).where(func.lower(Attribute.name) == by.lower())
        )
        if attr_id is None:
            raise TematikError(f"No attribute {by!r} in the project.")
        q = (
            select(Coding.code_id, AttributeValue.value, Coding.document_id)
            .join(Document, Document.id == Coding.document_id)
            .join(
                AttributeValue,
                and_(
                    AttributeValue.case_id == Document.case_id,
                    AttributeValue.attribute_id == attr_id,
                ),
            )
            .where(*conds)
        )
        raw = session.execute(q).all()
        all_values = sorted(
            set(
                session.scalars(
                    select(AttributeValue.value).where(AttributeValue.attribute_id == attr_id)
                )
            )
        )
        col_index = {v: i for i, v in enumerate(all_values)}
        columns = all_values
        rows = [(c, col_index[v], d) for c, v, d in raw]
    row_index = {n.id: i for i, n in enumerate(tree)}
    ancestors: dict[int, list[int]] = {}
    parent = {n.id: n.parent_id for n in tree}
    for n in tree:
        chain, p = [n.id], (parent[n.id] if include_subcodes else None)
        while p is not None:
            chain.append(p)
            p = parent[p]
        ancestors[n.id] = chain
    counts = [[0] * len(columns) for _ in tree]
    docsets: list[list[set[int]]] = [[set() for _ in columns] for _ in tree]
    for code_id, col, doc_id in rows:
        for cid in ancestors.get(code_id, []):
            r = row_index[cid]
            counts[r][col] += 1
            docsets[r][col].add(doc_id)
    return FrequencyMatrix(
        rows=[n.path for n in tree],
        columns=columns,
        codings=counts,
        documents=[[len(s) for s in row] for row in docsets],
        by=by,
    )


def coding_counts(session: Session) -> dict[int, int]:
    """Code id → number of codings (for the codebook tree)."""
    return dict(
        session.execute(select(Coding.code_id, func.count()).group_by(Coding.code_id)).all()
    )


def codes_by_id(session: Session) -> dict[int, Code]:
    return {c.id: c for c in session.scalars(select(Code))}
