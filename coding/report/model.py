"""Everything the report shows, gathered from the project (no python-docx here).

:func:`collect` reads the project once and returns a :class:`ReportData`: themes with their
codes, counts per interview group, memos, chosen quotes, key terms and the agreement summary.
Pseudonymisation is applied here, so every string the writer prints is already safe.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.codebook import BUILTIN_CODEBOOKS, code_tree, descendant_ids, find_code, load_codebook
from coding.documents import find_document
from coding.errors import TematikError
from coding.keyness import KeyTerm, LemmaIndex
from coding.progress import NullProgress, ProgressState, check_cancel
from coding.project import get_coder, get_setting, project_info
from coding.pseudonymize import Pseudonymizer, build_pseudonymizer
from coding.queries import Segment, segments
from coding.report.quotes import Quote, QuoteRule, select_quotes
from coding.report.strings import Text
from models.entities import Attribute, AttributeValue, Code, Coder, Coding, Document, Memo

SECTOR_PAIRS = (("sektor_fra", "sektor_til"), ("sector_from", "sector_to"))


@dataclass
class ReportOptions:
    """What to put in the report. ``None`` means: the project default / everything."""

    language: str | None = None
    coders: list[str] | None = None
    codes: list[str] | None = None
    documents: list[str] | None = None
    pseudonymize: bool = False
    by: str | None = None  # case attribute or FROM>TO; default: sector from → to if recorded
    group: bool = True  # False: no breakdown by group at all
    quotes: QuoteRule = field(default_factory=QuoteRule)
    key_terms: int = 10
    key_term_min_freq: int = 3
    title: str | None = None
    today: date | None = None


@dataclass
class CodeReport:
    """One code (or a theme's root) with its counts, memos and quotes."""

    id: int
    name: str
    path: str
    depth: int  # 0 = the theme itself
    kind: str | None
    color: str
    definition: str
    inclusion: str
    exclusion: str
    example: str
    terms: list[str]
    interviews: int = 0
    codings: int = 0
    by_group: list[tuple[int, int]] = field(default_factory=list)  # (interviews, codings)
    memos: list[tuple[str, str]] = field(default_factory=list)  # (coder, text)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class ThemeReport:
    root: CodeReport
    codes: list[CodeReport]  # the theme's codes below the root, depth first
    key_terms: list[KeyTerm] = field(default_factory=list)


@dataclass
class DocumentInfo:
    id: int
    name: str
    group: str
    words: int
    codings: int


@dataclass
class AgreementRow:
    """One row of the agreement table: a code, or the overall row (``code_id`` None)."""

    code_id: int | None
    path: str
    name: str
    theme: str  # the name of the code's theme (top-level code); "" for the overall row
    depth: int
    values: dict[str, float]  # keys of AgreementReport.summary(): u_alpha, char_kappa, …
    alpha: float  # the alpha the verdict is taken from (uα, else char α, else turn α)
    verdict: str  # reliable / tentative / unreliable / undefined


@dataclass
class AgreementSummary:
    """The figures of :func:`coding.compare.compare.compare_coders` for the report's coders."""

    coders: list[str]
    documents: int
    codes: int
    rows: list[AgreementRow]  # the codes in codebook order, then the overall row
    turns: bool  # speaker-turn figures present (some compared document has turns)
    min_overlap: float
    reliable: float
    tentative: float

    @property
    def overall(self) -> AgreementRow:
        """The overall row."""
        return self.rows[-1]

    @property
    def code_rows(self) -> list[AgreementRow]:
        """The rows of the codes (without the overall row)."""
        return self.rows[:-1]


@dataclass
class ReportData:
    """The report's content, ready to print."""

    title: str
    description: str
    language: str
    today: date
    coders: list[tuple[str, str, int]]  # (name, role, codings) of every coder who coded
    used_coders: list[str]
    documents: list[DocumentInfo]
    grouping: str  # text for "grouped by …" ('' when not grouped)
    groups: list[tuple[str, int]]  # (label, number of interviews)
    themes: list[ThemeReport]
    codebook_name: str
    codebook_description: str
    total_codings: int
    pseudonymized: bool
    agreement: AgreementSummary | None  # None: not computed (agreement_note says why)
    agreement_note: str = ""


def _codebook_identity(session: Session, roots: list[Code], language: str) -> tuple[str, str]:
    name = get_setting(session, "codebook_name")
    if isinstance(name, str) and name:
        return name, str(get_setting(session, "codebook_description", "") or "")
    guids = {r.guid for r in roots}
    for key in (f"ledermobilitet-{language}", *BUILTIN_CODEBOOKS):
        try:
            data = load_codebook(key)
        except TematikError:
            continue
        if guids & {str(c.get("guid", "")).lower() for c in data["codes"]}:
            return str(data.get("name") or key), str(data.get("description") or "")
    return ("Projektets kodebog" if language == "da" else "Project codebook"), ""


def _groups(
    session: Session, doc_ids: list[int], by: str | None, t: Text
) -> tuple[str, dict[int, str]]:
    """(grouping description, document id → group label); ('', {}) when not grouped."""
    attrs = {a.name.lower(): a for a in session.scalars(select(Attribute))}

    def values(attr: Attribute) -> dict[int, str]:
        rows = session.execute(
            select(Document.id, AttributeValue.value)
            .join(AttributeValue, AttributeValue.case_id == Document.case_id)
            .where(AttributeValue.attribute_id == attr.id, Document.id.in_(doc_ids))
        ).all()
        return {d: v.strip() for d, v in rows if v and v.strip()}

    if by:
        if "→" in by or ">" in by:
            parts = [p.strip() for p in by.replace("→", ">").split(">")]
            pair = tuple(attrs.get(p.lower()) for p in parts)
            if len(pair) != 2 or None in pair:
                raise TematikError(f"No attributes {by!r} in the project (give FROM>TO).")
            a, b = pair  # type: ignore[misc]
            known = (a.name.lower(), b.name.lower()) in SECTOR_PAIRS
            label = None if known else f"{a.name} → {b.name}"
            return _pair_groups(values(a), values(b), doc_ids, t, label)
        attr = attrs.get(by.lower())
        if attr is None:
            known = ", ".join(a.name for a in attrs.values()) or "none"
            raise TematikError(f"No case attribute {by!r} in the project (attributes: {known}).")
        vals = values(attr)
        return t("attribute_grouping", attribute=attr.name), {
            d: vals.get(d, t("unknown_group")) for d in doc_ids
        }
    for a, b in SECTOR_PAIRS:
        if a in attrs and b in attrs:
            return _pair_groups(values(attrs[a]), values(attrs[b]), doc_ids, t, None)
    return "", {}


def _pair_groups(
    fra: dict[int, str], til: dict[int, str], doc_ids: list[int], t: Text, by: str | None
) -> tuple[str, dict[int, str]]:
    out: dict[int, str] = {}
    for d in doc_ids:
        f, g = fra.get(d), til.get(d)
        if f and g:
            out[d] = f"{f} → {g}"
        else:
            out[d] = f or g or t("unknown_group")
    label = t("sector_grouping") if by is None else t("attribute_grouping", attribute=by)
    return label, out


def _select_coders(session: Session, names: list[str] | None) -> list[Coder]:
    if names:
        return [get_coder(session, n) for n in names]
    counts = dict(
        session.execute(select(Coding.coder_id, func.count()).group_by(Coding.coder_id)).all()
    )
    coders = [c for c in session.scalars(select(Coder).order_by(Coder.name)) if counts.get(c.id)]
    consensus = [c for c in coders if c.role == "consensus"]
    return consensus or coders


def collect(
    session: Session,
    options: ReportOptions | None = None,
    progress: ProgressState | None = None,
    *,
    agreement: Callable[..., AgreementSummary | None] | None = None,
) -> ReportData:
    """Gather the report's content from an open session (read only).

    ``agreement`` replaces :func:`coding.report.agreement.report_agreement` (called with the
    session, the analysts, the chosen document ids or None, the chosen code ids or None)."""
    opts = options or ReportOptions()
    progress = progress or NullProgress()
    info = project_info(session)
    language = opts.language or info.language or "da"
    if language not in ("da", "en"):
        raise TematikError(f"Unknown report language {language!r}; choose da or en.")
    t = Text(language)

    # --- selection --------------------------------------------------------------------------
    tree = code_tree(session)
    if opts.codes:
        selected: set[int] = set()
        for ref in opts.codes:
            selected.update(descendant_ids(session, find_code(session, ref).id))
    else:
        selected = {n.id for n in tree}
    coders = _select_coders(session, opts.coders)
    coder_ids = [c.id for c in coders]
    if opts.documents:
        docs = [find_document(session, name) for name in opts.documents]
        docs.sort(key=lambda d: (d.position, d.id))
    else:
        docs = list(session.scalars(select(Document).order_by(Document.position, Document.id)))
    if not docs:
        raise TematikError("The project has no documents to report on.")
    doc_ids = [d.id for d in docs]
    grouping, group_of = _groups(session, doc_ids, opts.by, t) if opts.group else ("", {})
    unknown = t("unknown_group")
    group_labels = sorted(set(group_of.values()), key=lambda g: (g == unknown, g.lower()))
    group_index = {g: i for i, g in enumerate(group_labels)}
    check_cancel(progress)

    pseudo: Pseudonymizer | None = None
    if opts.pseudonymize:
        pseudo = build_pseudonymizer(session, language, doc_ids)

    def clean(text: str) -> str:
        return pseudo.apply(text) if pseudo else text

    # --- codings ----------------------------------------------------------------------------
    segs = segments(
        session, code_ids=sorted(selected), coder_ids=coder_ids, document_ids=doc_ids, context=0
    )
    progress.progress(1, 10, "codings")
    check_cancel(progress)
    nodes = {n.id: n for n in tree}
    codes = {c.id: c for c in session.scalars(select(Code))}
    chain: dict[int, list[int]] = {}
    for n in tree:
        ids, p = [], n.id
        while p is not None:
            if p in selected or nodes[p].parent_id is None:
                ids.append(p)
            p = nodes[p].parent_id
        chain[n.id] = ids
    ng = len(group_labels)
    docsets: dict[int, set[int]] = {cid: set() for cid in nodes}
    counts: dict[int, int] = dict.fromkeys(nodes, 0)
    g_docs: dict[int, list[set[int]]] = {cid: [set() for _ in range(ng)] for cid in nodes}
    g_counts: dict[int, list[int]] = {cid: [0] * ng for cid in nodes}
    own: dict[int, list[Segment]] = {}
    per_doc: dict[int, int] = {}
    for seg in segs:
        own.setdefault(seg.code_id, []).append(seg)
        per_doc[seg.document_id] = per_doc.get(seg.document_id, 0) + 1
        gi = group_index[group_of[seg.document_id]] if group_of else None
        for cid in chain[seg.code_id]:
            docsets[cid].add(seg.document_id)
            counts[cid] += 1
            if gi is not None:
                g_docs[cid][gi].add(seg.document_id)
                g_counts[cid][gi] += 1

    memos: dict[int, list[tuple[str, str]]] = {}
    for code_id, coder, text in session.execute(
        select(Memo.code_id, Coder.name, Memo.text)
        .outerjoin(Coder, Coder.id == Memo.coder_id)
        .where(Memo.code_id.is_not(None), Memo.coding_id.is_(None), Memo.document_id.is_(None))
        .order_by(Memo.created_at, Memo.id)
    ):
        if text and text.strip():
            memos.setdefault(code_id, []).append((coder or "", clean(text.strip())))

    def code_report(cid: int, depth: int) -> CodeReport:
        c, n = codes[cid], nodes[cid]
        try:
            terms = [str(x) for x in json.loads(c.indicator_terms or "[]")]
        except json.JSONDecodeError:
            terms = []
        quotes = select_quotes(own.get(cid, []), opts.quotes)
        if pseudo:
            quotes = [
                replace(q, text=clean(q.text), speaker=pseudo.speaker(q.speaker)) for q in quotes
            ]
        return CodeReport(
            id=cid,
            name=n.name,
            path=n.path,
            depth=depth,
            kind=n.kind,
            color=n.color,
            definition=clean(c.definition or ""),
            inclusion=clean(c.inclusion or ""),
            exclusion=clean(c.exclusion or ""),
            example=clean(c.example or ""),
            terms=terms,
            interviews=len(docsets[cid]),
            codings=counts[cid],
            by_group=[(len(g_docs[cid][i]), g_counts[cid][i]) for i in range(ng)],
            memos=memos.get(cid, []),
            quotes=quotes,
        )

    themes: list[ThemeReport] = []
    roots = [n for n in tree if n.parent_id is None]
    for root in roots:
        below = [
            n for n in tree if n.id in selected and n.id != root.id and _under(n, root.id, nodes)
        ]
        if root.id not in selected and not below:
            continue
        themes.append(
            ThemeReport(
                root=code_report(root.id, 0),
                codes=[code_report(n.id, n.depth) for n in below],
            )
        )
    progress.progress(2, 10, "quotes")
    check_cancel(progress)

    # --- key terms --------------------------------------------------------------------------
    if opts.key_terms > 0 and segs:
        texts = dict(
            session.execute(
                select(Document.id, Document.text).where(Document.id.in_(doc_ids))
            ).all()
        )
        index = LemmaIndex(texts, language)
        check_cancel(progress)
        for theme in themes:
            ids = {theme.root.id, *(c.id for c in theme.codes)}
            spans: dict[int, list[tuple[int, int]]] = {}
            for seg in segs:
                if seg.code_id in ids:
                    spans.setdefault(seg.document_id, []).append((seg.start, seg.end))
            terms = index.key_terms(spans, top=opts.key_terms, min_freq=opts.key_term_min_freq)
            if pseudo:
                terms = [k for k in terms if pseudo.pseudonym(k.lemma) is None]
            theme.key_terms = terms
    progress.progress(4, 10, "key terms")
    check_cancel(progress)

    # --- agreement --------------------------------------------------------------------------
    coded_by = dict(
        session.execute(
            select(Coding.coder_id, func.count())
            .where(Coding.document_id.in_(doc_ids))
            .group_by(Coding.coder_id)
        ).all()
    )
    all_coders = [
        (c.name, c.role, int(coded_by.get(c.id, 0)))
        for c in session.scalars(select(Coder).order_by(Coder.name))
        if coded_by.get(c.id)
    ]
    summary: AgreementSummary | None = None
    note = ""
    analysts = [c for c in coders if c.role != "consensus"]
    if len(analysts) < 2:
        note = t("agreement_one")
    else:
        if agreement is None:
            from coding.report.agreement import report_agreement as agreement
        try:
            summary = agreement(
                session,
                analysts,
                doc_ids if opts.documents else None,
                sorted(selected) if opts.codes else None,
            )
        except ImportError:
            summary = None
        except TematikError:
            summary, note = None, t("agreement_nothing")
        if summary is None and not note:
            note = t("agreement_na")
    progress.progress(5, 10, "agreement")
    check_cancel(progress)

    root_codes = [codes[r.id] for r in roots]
    cb_name, cb_desc = _codebook_identity(session, root_codes, language)
    return ReportData(
        title=opts.title or info.name,
        description=info.description or "",
        language=language,
        today=opts.today or date.today(),
        coders=all_coders,
        used_coders=[c.name for c in coders],
        documents=[
            DocumentInfo(
                id=d.id,
                name=d.name,
                group=group_of.get(d.id, ""),
                words=len(d.text.split()),
                codings=per_doc.get(d.id, 0),
            )
            for d in docs
        ],
        grouping=grouping,
        groups=[(g, sum(1 for d in doc_ids if group_of.get(d) == g)) for g in group_labels],
        themes=themes,
        codebook_name=cb_name,
        codebook_description=cb_desc,
        total_codings=len(segs),
        pseudonymized=bool(opts.pseudonymize),
        agreement=summary,
        agreement_note=note,
    )


def _under(node: object, root_id: int, nodes: dict) -> bool:
    p = getattr(node, "parent_id", None)
    while p is not None:
        if p == root_id:
            return True
        p = nodes[p].parent_id
    return False


@dataclass
class ReportChoices:
    """What the export dialog offers (plain data for the GUI thread)."""

    language: str
    coders: list[tuple[str, str, int]]  # (name, role, codings)
    default_coders: list[str]
    codes: list[tuple[str, int]]  # (path, depth)
    documents: list[str]
    attributes: list[str]
    sector_pair: str | None  # "sektor_fra>sektor_til" when both attributes exist
    project: str


def report_choices(session: Session) -> ReportChoices:
    """The coders, codes, documents and case attributes a report can be limited to."""
    info = project_info(session)
    counts = dict(
        session.execute(select(Coding.coder_id, func.count()).group_by(Coding.coder_id)).all()
    )
    coders = list(session.scalars(select(Coder).order_by(Coder.name)))
    attrs = [a.name for a in session.scalars(select(Attribute).order_by(Attribute.position))]
    low = {a.lower(): a for a in attrs}
    pair = next(
        (f"{low[a]}>{low[b]}" for a, b in SECTOR_PAIRS if a in low and b in low),
        None,
    )
    return ReportChoices(
        language=info.language or "da",
        coders=[(c.name, c.role, int(counts.get(c.id, 0))) for c in coders],
        default_coders=[c.name for c in _select_coders(session, None)],
        codes=[(n.path, n.depth) for n in code_tree(session)],
        documents=list(
            session.scalars(select(Document.name).order_by(Document.position, Document.id))
        ),
        attributes=attrs,
        sector_pair=pair,
        project=info.name,
    )
