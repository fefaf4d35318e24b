"""Project-level comparison of coders: the supervisor's agreement report and disagreements.

:func:`compare_coders` compares two or more coders over chosen documents and codes at three
units, each stated with how it treats text nobody coded:

``character`` (NVivo's coding comparison)
    Every character of a compared document is a unit, for every compared code, coded or not
    coded by each coder. Per (document, code) cell and pooled per code, per document and
    overall: percent agreement and Cohen's kappa for every pair of coders, and for all coders
    together Fleiss' kappa and Krippendorff's alpha (nominal, coded / not coded). Characters
    no coder coded with a code count as agreement, so percent agreement is inflated by long
    uncoded stretches; the report therefore gives the share of text coded by anyone and the
    agreement restricted to that text (``coded_agreement``: characters both coded / characters
    at least one coded).
``segment`` (MAXQDA's segment comparison)
    A coder's segment agrees when another coder applied the same code to one segment
    overlapping at least ``min_overlap`` of it. Uncoded text plays no part. Overall, also
    MAXQDA's kappa (Brennan & Prediger with chance ``1 / number of codes``).
``turn`` (speaker turns of the Turn table)
    A code is present in a turn for a coder when any of the coder's codings with it overlaps
    the turn. Per code: percent agreement, Cohen's kappa (two coders; the mean pairwise kappa
    for more), Fleiss' kappa and Krippendorff's alpha (nominal) with a bootstrap 95% interval.
    Turns nobody coded with a code count as agreement on absence. Documents without turns are
    left out (named in the notes).

Besides, Krippendorff's unitizing alpha (per code uα, pooled) and, when the compared codes
never overlap within a coder, the 2016 family (uα, |uα, cuα, per-code (k)uα).

Only ``Coding`` rows count: suggestions never enter agreement figures. All work is on
intervals fetched with one query (codings), plus one for documents and one for turns; no
per-character loops.
"""

from __future__ import annotations

import itertools
import math
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.agreement import (
    _character_counts,
    _check_in_range,
    _merge_groups,
    segment_agreement_batch,
    unitizing_alpha_arrays,
)
from coding.codebook import code_tree, find_code
from coding.documents import find_document
from coding.errors import TematikError
from coding.progress import NullProgress, ProgressState, check_cancel
from coding.project import get_coder
from models.entities import Adjudication, Coder, Coding, Document, Turn

UNITS = ("character", "segment", "turn")
RELIABLE = 0.800
TENTATIVE = 0.667
N_BOOT = 1000
BOOT_SEED = 20240601

TREATMENT = {
    "character": (
        "Every character of a compared document is a unit for every code. Characters that no "
        "coder coded with a code count as agreement: percent agreement is inflated by long "
        "uncoded stretches; kappa and alpha correct for chance agreement. 'coded_share' is the "
        "share of text coded by anyone, 'coded_agreement' the agreement restricted to text "
        "coded by at least one coder (characters all coded / characters anyone coded)."
    ),
    "segment": (
        "Only coded segments are units; uncoded text plays no part. A segment agrees when "
        "another coder applied the same code to one segment overlapping at least "
        "{min_overlap:.0%} of it."
    ),
    "turn": (
        "Every speaker turn is a unit for every code (code present or absent). Turns no coder "
        "coded with a code count as agreement on absence; kappa and alpha correct for chance. "
        "Documents without speaker turns are left out."
    ),
    "unitizing": (
        "Krippendorff's unitizing alpha compares the coded units and the gaps between them; "
        "uncoded stretches enter as gaps, so they do not inflate it the way percent agreement "
        "is inflated."
    ),
}


def verdict(alpha: float | None) -> str:
    """Krippendorff's guidance in words: reliable (α ≥ 0.800), tentative (≥ 0.667),
    unreliable (below), or undefined (nan / None)."""
    if alpha is None or not math.isfinite(alpha):
        return "undefined"
    if alpha >= RELIABLE:
        return "reliable"
    if alpha >= TENTATIVE:
        return "tentative"
    return "unreliable"


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


Figures = dict[str, Any]


class _CellLabels(Sequence[tuple[str, str]]):
    """(document name, code path) of cells given as group numbers (document * codes + code),
    built only when read."""

    def __init__(self, groups: np.ndarray, doc_names: list[str], code_paths: list[str]) -> None:
        self._groups = groups
        self._docs = doc_names
        self._codes = code_paths

    def __len__(self) -> int:
        return int(self._groups.size)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        g = int(self._groups[index])
        return (self._docs[g // len(self._codes)], self._codes[g % len(self._codes)])


@dataclass
class PairResult:
    """Pairwise figures of two coders at one unit."""

    coders: tuple[str, str]
    per_code: dict[int, Figures]
    per_document: dict[int, Figures]
    overall: Figures
    cells: dict[str, np.ndarray] = field(default_factory=dict)
    cell_labels: Sequence[tuple[str, str]] = field(default_factory=list)

    @property
    def per_cell(self) -> list[Figures]:
        """(document, code) cells anyone coded (others agree trivially), as dicts."""
        out = []
        for n, (doc, code) in enumerate(self.cell_labels):
            f = _figs(self.cells, n)
            f["document"], f["code"] = doc, code
            out.append(f)
        return out


@dataclass
class UnitResult:
    """Figures at one unit: all coders together, and per pair of coders."""

    unit: str
    treatment: str
    per_code: dict[int, Figures]
    per_document: dict[int, Figures]
    overall: Figures
    pairs: list[PairResult] = field(default_factory=list)


@dataclass
class UnitizingResult:
    """Krippendorff's unitizing alphas over all compared documents."""

    per_code: dict[int, float]
    pooled: float
    family_valid: bool
    family_note: str
    u_alpha: float = math.nan
    binary_alpha: float = math.nan
    cu_alpha: float = math.nan
    cu_alpha_per_code: dict[int, float] = field(default_factory=dict)


@dataclass
class AgreementReport:
    """What :func:`compare_coders` found. Code and document keys are database ids."""

    coders: list[str]
    coder_ids: list[int]
    documents: dict[int, str]
    document_lengths: dict[int, int]
    codes: dict[int, str]
    code_colors: dict[int, str]
    units: list[str]
    min_overlap: float
    character: UnitResult | None = None
    segment: UnitResult | None = None
    turn: UnitResult | None = None
    unitizing: UnitizingResult | None = None
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def result(self, unit: str) -> UnitResult | None:
        return {"character": self.character, "segment": self.segment, "turn": self.turn}[unit]

    def summary(self) -> tuple[list[str], list[tuple[int | None, str, dict[str, float]]]]:
        """The codes x statistics table: column keys, and rows (code id, label, values).

        The last row (code id None) is the overall figure.
        """
        cols: list[str] = []
        if self.character:
            cols += ["char_percent", "char_kappa", "char_alpha", "coded_share", "coded_agreement"]
        if self.segment:
            cols += ["seg_percent"]
        if self.turn:
            cols += [
                "turn_percent",
                "turn_kappa",
                "turn_alpha",
                "turn_alpha_low",
                "turn_alpha_high",
            ]
        if self.unitizing:
            cols += ["u_alpha", "cu_alpha"]
        rows: list[tuple[int | None, str, dict[str, float]]] = []
        for cid, path in [*self.codes.items(), (None, "Overall")]:
            rows.append((cid, path, self._summary_values(cid)))
        return cols, rows

    def _summary_values(self, cid: int | None) -> dict[str, float]:
        v: dict[str, float] = {}
        nan = math.nan

        def pick(res: UnitResult) -> Figures:
            return res.overall if cid is None else res.per_code.get(cid, {})

        if self.character:
            f = pick(self.character)
            v.update(
                char_percent=f.get("percent_agreement", nan),
                char_kappa=f.get("kappa", nan),
                char_alpha=f.get("alpha", nan),
                coded_share=f.get("coded_share", nan),
                coded_agreement=f.get("coded_agreement", nan),
            )
        if self.segment:
            v["seg_percent"] = pick(self.segment).get("percent", nan)
        if self.turn:
            f = pick(self.turn)
            v.update(
                turn_percent=f.get("percent_agreement", nan),
                turn_kappa=f.get("kappa", nan),
                turn_alpha=f.get("alpha", nan),
                turn_alpha_low=f.get("alpha_ci_low", nan),
                turn_alpha_high=f.get("alpha_ci_high", nan),
            )
        if self.unitizing:
            u = self.unitizing
            if cid is None:
                v["u_alpha"] = u.pooled
                v["cu_alpha"] = u.cu_alpha
            else:
                v["u_alpha"] = u.per_code.get(cid, nan)
                v["cu_alpha"] = u.cu_alpha_per_code.get(cid, nan)
        return v

    def as_json(self) -> dict[str, Any]:
        """Every statistic computed, keyed by code path and document name; nan → null."""

        def unit_json(res: UnitResult) -> dict[str, Any]:
            out = {
                "treatment_of_uncoded_text": res.treatment,
                "per_code": {self.codes[k]: _clean(f) for k, f in res.per_code.items()},
                "per_document": {self.documents[k]: _clean(f) for k, f in res.per_document.items()},
                "overall": _clean(res.overall),
                "pairs": [],
            }
            for p in res.pairs:
                pj: dict[str, Any] = {
                    "coders": list(p.coders),
                    "per_code": {self.codes[k]: _clean(f) for k, f in p.per_code.items()},
                    "per_document": {
                        self.documents[k]: _clean(f) for k, f in p.per_document.items()
                    },
                    "overall": _clean(p.overall),
                }
                if p.cell_labels:
                    pj["per_cell"] = [_clean(c) for c in p.per_cell]
                out["pairs"].append(pj)
            return out

        data: dict[str, Any] = {
            "coders": list(self.coders),
            "documents": [
                {"name": n, "length": self.document_lengths[k]} for k, n in self.documents.items()
            ],
            "codes": list(self.codes.values()),
            "units": list(self.units),
            "min_overlap": self.min_overlap,
            "bands": {"reliable": RELIABLE, "tentative": TENTATIVE},
            "notes": list(self.notes),
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }
        for unit in UNITS:
            res = self.result(unit)
            if res is not None:
                data[unit] = unit_json(res)
        if self.unitizing is not None:
            u = self.unitizing
            data["unitizing"] = {
                "treatment_of_uncoded_text": TREATMENT["unitizing"],
                "per_code": {
                    self.codes[k]: {
                        "u_alpha": _num(a),
                        "cu_alpha": _num(u.cu_alpha_per_code.get(k, math.nan)),
                        "verdict": verdict(a),
                    }
                    for k, a in u.per_code.items()
                },
                "overall": {
                    "u_alpha_pooled": _num(u.pooled),
                    "verdict": verdict(u.pooled),
                    "family_valid": u.family_valid,
                    "family_note": u.family_note,
                    "u_alpha": _num(u.u_alpha),
                    "binary_alpha": _num(u.binary_alpha),
                    "cu_alpha": _num(u.cu_alpha),
                },
            }
        return data


def _num(x: Any) -> Any:
    if isinstance(x, float | np.floating):
        x = float(x)
        return x if math.isfinite(x) else None
    if isinstance(x, np.integer):
        return int(x)
    return x


def _clean(f: Figures) -> Figures:
    return {k: _num(v) for k, v in f.items()}


# ---------------------------------------------------------------------------------------------
# Loading (one query for codings, one for documents, one for turns)
# ---------------------------------------------------------------------------------------------


@dataclass
class _Data:
    coder_names: list[str]
    coder_ids: list[int]
    doc_ids: np.ndarray
    doc_names: list[str]
    doc_len: np.ndarray
    code_ids: np.ndarray
    code_paths: list[str]
    code_colors: list[str]
    # codings as parallel arrays of indices into the lists above
    doc: np.ndarray
    code: np.ndarray
    coder: np.ndarray
    start: np.ndarray
    end: np.ndarray
    notes: list[str]
    cache: dict[str, Any] = field(default_factory=dict)


def _lookup(ids: np.ndarray) -> np.ndarray:
    """Array mapping a database id to its index in ``ids`` (-1 elsewhere)."""
    size = int(ids.max()) + 1 if ids.size else 1
    table = np.full(size + 1, -1, dtype=np.int64)
    table[ids] = np.arange(ids.size)
    return table


def _index(table: np.ndarray, values: np.ndarray) -> np.ndarray:
    ok = (values >= 0) & (values < table.size)
    return np.where(ok, table[np.where(ok, values, 0)], -1)


_SHIFT = 4294967296  # 2**32: two values packed into one 64-bit integer
_PACK_MIN_BITS = 16  # pack whole codings when positions get at least this many bits


def _fetch_codings(session: Session, coder_ids: list[int]) -> np.ndarray:
    """All codings of these coders as an (n, 5) array: document, code, coder, start, end.

    On SQLite one aggregate query returns the rows as one string of integers, each packing
    a whole coding (document, code, coder, start, end) into 63 bits, scanning the covering
    unique index (document, code, coder, start, end) instead of the table: about 50 times
    faster than fetching 100,000 row tuples. The bit widths come from the largest ids; the
    same query returns the largest end, and when a position does not fit (huge documents
    with many ids) the codings are fetched again two values per integer, which is exact for
    ids and positions below 2**31. Other databases get a plain query.
    """
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in coder_ids)
        where = f"FROM coding WHERE +coder_id IN ({marks})"
        max_doc, max_code = conn.exec_driver_sql(
            "SELECT (SELECT max(id) FROM document), (SELECT max(id) FROM code)"
        ).one()
        id_bits = [int(x or 0).bit_length() for x in (max_doc, max_code, max(coder_ids))]
        pos_bits = (63 - sum(id_bits)) // 2
        if pos_bits >= _PACK_MIN_BITS:
            w_code, w_coder, scale = 1 << id_bits[1], 1 << id_bits[2], 1 << pos_bits
            expr = (
                f"(((document_id * {w_code} + code_id) * {w_coder} + coder_id) * {scale}"
                f' + start) * {scale} + "end"'
            )
            packed, max_code_used, max_end = conn.exec_driver_sql(
                f"SELECT group_concat({expr}, ' '), max(code_id), max(\"end\") {where}",
                tuple(coder_ids),
            ).one()
            if not packed:
                return np.zeros((0, 5), dtype=np.int64)
            if max_end < scale and max_code_used < w_code:
                v = np.fromstring(packed, dtype=np.int64, sep=" ")
                out = np.empty((5, v.size), dtype=np.int64)  # columns contiguous
                mask = scale - 1
                out[4] = v & mask
                v >>= pos_bits
                out[3] = v & mask
                v >>= pos_bits
                out[2] = v & (w_coder - 1)
                v >>= id_bits[2]
                out[1] = v & (w_code - 1)
                out[0] = v >> id_bits[1]
                return out.T
        packed = conn.exec_driver_sql(
            "SELECT group_concat(document_id * 4294967296 + start, ' '), "
            "group_concat(code_id * 4294967296 + \"end\", ' '), group_concat(coder_id, ' ') "
            + where,
            tuple(coder_ids),
        ).one()
        if not packed[0]:
            return np.zeros((0, 5), dtype=np.int64)
        first, second, coder = (np.fromstring(x, dtype=np.int64, sep=" ") for x in packed)
        doc, start = np.divmod(first, _SHIFT)
        code, end = np.divmod(second, _SHIFT)
        return np.stack([doc, code, coder, start, end]).T
    rows = conn.execute(
        select(Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end).where(
            Coding.coder_id.in_(coder_ids)
        )
    )
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64)
    return np.ascontiguousarray(flat.reshape(-1, 5).T).T


def _fetch_turns(session: Session, doc_ids: np.ndarray) -> np.ndarray:
    """Speaker turns of these documents as an (n, 3) array: document, start, end."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        packed = conn.exec_driver_sql(
            "SELECT group_concat(document_id * 4294967296 + start, ' '), "
            "group_concat(\"end\", ' ') FROM turn"
        ).one()
        if not packed[0]:
            return np.zeros((0, 3), dtype=np.int64)
        first, end = (np.fromstring(x, dtype=np.int64, sep=" ") for x in packed)
        doc, start = np.divmod(first, _SHIFT)
        out = np.stack([doc, start, end])
        return out[:, _index(_lookup(doc_ids), out[0]) >= 0].T
    rows = conn.execute(
        select(Turn.document_id, Turn.start, Turn.end).where(Turn.document_id.in_(doc_ids.tolist()))
    )
    return np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64).reshape(-1, 3)


def _resolve_coders(session: Session, coders: Sequence[str | int | Coder]) -> list[Coder]:
    out: list[Coder] = []
    for ref in coders:
        if isinstance(ref, Coder):
            coder = ref
        elif isinstance(ref, int):
            found = session.get(Coder, ref)
            if found is None:
                raise TematikError(f"No coder with id {ref} in the project.")
            coder = found
        else:
            coder = get_coder(session, ref)
        if coder.id not in {c.id for c in out}:
            out.append(coder)
    if len(out) < 2:
        raise TematikError("Choose at least two different coders to compare.")
    return out


def _load(
    session: Session,
    coders: Sequence[str | int | Coder],
    documents: Sequence[str | int] | None,
    codes: Sequence[str | int] | None,
) -> _Data:
    coder_objs = _resolve_coders(session, coders)
    coder_ids = [c.id for c in coder_objs]
    cod = _fetch_codings(session, coder_ids)

    doc_rows = session.execute(
        select(Document.id, Document.name, Document.char_count).order_by(
            Document.position, Document.id
        )
    ).all()
    notes: list[str] = []
    if documents is not None:
        wanted = []
        for ref in documents:
            if isinstance(ref, int):
                if session.get(Document, ref) is None:
                    raise TematikError(f"No document with id {ref} in the project.")
                wanted.append(ref)
            else:
                wanted.append(find_document(session, ref).id)
        chosen = set(wanted)
        doc_rows = [r for r in doc_rows if r[0] in chosen]
    else:
        coded = set(np.flatnonzero(np.bincount(cod[:, 0])).tolist()) if cod.size else set()
        left_out = [r[1] for r in doc_rows if r[0] not in coded]
        doc_rows = [r for r in doc_rows if r[0] in coded]
        if left_out:
            notes.append(
                f"{len(left_out)} document(s) none of the coders coded are left out: "
                + ", ".join(left_out[:10])
                + (" …" if len(left_out) > 10 else "")
            )
    if not doc_rows:
        raise TematikError(
            "There is nothing to compare: none of the chosen documents has codings by these coders."
        )
    doc_ids = np.array([r[0] for r in doc_rows], dtype=np.int64)
    doc_len = np.array([r[2] for r in doc_rows], dtype=np.int64)

    tree = [n for n in code_tree(session)]
    if codes is not None:
        code_id_list: list[int] = []
        for ref in codes:
            cid = ref if isinstance(ref, int) else find_code(session, ref).id
            if cid not in code_id_list:
                code_id_list.append(cid)
        by_id = {n.id: n for n in tree}
        missing = [c for c in code_id_list if c not in by_id]
        if missing:
            raise TematikError(f"No code with id {missing[0]} in the codebook.")
        nodes = [by_id[c] for c in code_id_list]
    d = _index(_lookup(doc_ids), cod[:, 0])
    if codes is None:
        in_docs = d >= 0
        used = (
            set(np.flatnonzero(np.bincount(cod[in_docs, 1])).tolist()) if in_docs.any() else set()
        )
        nodes = [n for n in tree if n.id in used]
    if not nodes:
        raise TematikError("There is nothing to compare: the coders used none of the codes.")
    code_ids = np.array([n.id for n in nodes], dtype=np.int64)

    c = _index(_lookup(code_ids), cod[:, 1])
    k = _index(_lookup(np.array(coder_ids, dtype=np.int64)), cod[:, 2])
    ok = (d >= 0) & (c >= 0) & (k >= 0)
    keep: np.ndarray | slice = slice(None) if ok.all() else ok  # views when all are kept
    data = _Data(
        coder_names=[x.name for x in coder_objs],
        coder_ids=coder_ids,
        doc_ids=doc_ids,
        doc_names=[r[1] for r in doc_rows],
        doc_len=doc_len,
        code_ids=code_ids,
        code_paths=[n.path for n in nodes],
        code_colors=[n.color for n in nodes],
        doc=d[keep],
        code=c[keep],
        coder=k[keep],
        start=cod[keep, 3],
        end=cod[keep, 4],
        notes=notes,
    )
    for i, name in enumerate(data.coder_names):
        mine = np.bincount(data.doc[data.coder == i], minlength=doc_ids.size) > 0
        if not mine.all():
            absent = [data.doc_names[j] for j in np.flatnonzero(~mine)]
            notes.append(
                f"{name} coded nothing (with the compared codes) in {len(absent)} compared "
                f"document(s), counted as 'not coded': "
                + ", ".join(absent[:10])
                + (" …" if len(absent) > 10 else "")
            )
    return data


# ---------------------------------------------------------------------------------------------
# Vectorised figures
# ---------------------------------------------------------------------------------------------


def _kappa_2x2(both: np.ndarray, a_only: np.ndarray, b_only: np.ndarray, neither: np.ndarray):
    """Percent agreement and Cohen's kappa from 2x2 counts (arrays; 1.0 when p_e == 1)."""
    both, a_only, b_only, neither = (
        np.asarray(x, dtype=float) for x in (both, a_only, b_only, neither)
    )
    total = both + a_only + b_only + neither
    safe = np.where(total > 0, total, 1.0)
    p_o = (both + neither) / safe
    pa, pb = (both + a_only) / safe, (both + b_only) / safe
    p_e = pa * pb + (1 - pa) * (1 - pb)
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = np.where(p_e >= 1.0 - 1e-15, 1.0, (p_o - p_e) / np.where(p_e < 1, 1 - p_e, 1))
    p_o = np.where(total > 0, p_o, np.nan)
    kappa = np.where(total > 0, kappa, np.nan)
    return p_o, kappa


def _binary_stats(hist: np.ndarray, m: int) -> dict[str, np.ndarray]:
    """Fleiss' kappa, Krippendorff's alpha (nominal) and mean pairwise agreement from
    histograms ``hist[..., k]`` = number of units that exactly k of m coders coded.

    Same conventions as :mod:`coding.agreement`: Fleiss' kappa is 1.0 when expected agreement
    is 1; alpha is nan when there is no variation.
    """
    h = np.asarray(hist, dtype=float)
    k = np.arange(m + 1, dtype=float)
    units = h.sum(axis=-1)
    safe_units = np.where(units > 0, units, 1.0)
    p_unit = (k * k + (m - k) ** 2 - m) / (m * (m - 1))
    p_bar = (h * p_unit).sum(axis=-1) / safe_units
    n1 = (h * k).sum(axis=-1)
    n = units * m
    p1 = n1 / np.where(n > 0, n, 1.0)
    p_e = p1 * p1 + (1 - p1) * (1 - p1)
    with np.errstate(divide="ignore", invalid="ignore"):
        fleiss = np.where(p_e >= 1.0 - 1e-15, 1.0, (p_bar - p_e) / np.where(p_e < 1, 1 - p_e, 1))
        n0 = n - n1
        o01 = (h * k * (m - k)).sum(axis=-1) / (m - 1)
        denom = n0 * n1
        alpha = np.where(denom > 0, 1.0 - (n - 1) * o01 / np.where(denom > 0, denom, 1), np.nan)
    empty = units <= 0
    return {
        "observed": np.where(empty, np.nan, p_bar),
        "fleiss_kappa": np.where(empty, np.nan, fleiss),
        "alpha": alpha,
    }


def bootstrap_binary_alpha(
    hist: np.ndarray, m: int, n_boot: int = N_BOOT, seed: int = BOOT_SEED, ci: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of binary Krippendorff's alpha from a unit histogram.

    The plain unit bootstrap of :func:`coding.agreement.bootstrap_alpha`, done on unit types:
    with m coders and no missing values a unit's contribution depends only on how many coders
    coded it, so drawing N units with replacement is drawing multinomial counts of the types.
    """
    low, high = bootstrap_binary_alpha_rows(
        np.asarray(hist, dtype=float)[None, :], m, n_boot, seed, ci
    )
    return float(low[0]), float(high[0])


def _multinomial_draws(h: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """n_boot multinomial resamples of every row of counts ``h`` (rows x types), drawn as
    sequential binomials over all rows at once (one vectorised call per type)."""
    rng = np.random.default_rng(seed)
    rows, types = h.shape
    left = np.broadcast_to(h.sum(axis=1).astype(np.int64), (n_boot, rows)).copy()
    p_left = np.ones(rows)
    out = np.zeros((n_boot, rows, types), dtype=np.int64)
    for t in range(types - 1):
        p = h[:, t] / h.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            cond = np.clip(np.where(p_left > 0, p / p_left, 0.0), 0.0, 1.0)
        out[:, :, t] = rng.binomial(left, cond)
        left -= out[:, :, t]
        p_left = p_left - p
    out[:, :, types - 1] = left
    return out


def bootstrap_binary_alpha_rows(
    hist: np.ndarray, m: int, n_boot: int = N_BOOT, seed: int = BOOT_SEED, ci: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`bootstrap_binary_alpha` for every row of ``hist`` at once (one random draw).

    A resample keeps its row's number of units, so a replicate's alpha needs only two dot
    products with the unit types (coded by k of m coders): the coded values and the
    disagreeing pairs.
    """
    h = np.asarray(hist, dtype=float).reshape(-1, m + 1)
    totals = h.sum(axis=1)
    low = np.full(h.shape[0], np.nan)
    high = np.full(h.shape[0], np.nan)
    ok = totals > 0
    if not ok.any():
        return low, high
    draws = _multinomial_draws(h[ok], n_boot, seed).astype(float)  # n_boot x rows x types
    k = np.arange(m + 1, dtype=float)
    n = totals[ok] * m
    n1 = draws @ k
    o01 = draws @ (k * (m - k) / (m - 1))
    denom = (n - n1) * n1
    with np.errstate(divide="ignore", invalid="ignore"):
        alphas = np.where(denom > 0, 1.0 - (n - 1) * o01 / np.where(denom > 0, denom, 1), np.nan)
    tail = (1.0 - ci) / 2.0
    if np.isnan(alphas).any():
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # rows whose replicates are all nan
            qs = np.nanquantile(alphas, [tail, 1.0 - tail], axis=0)
    else:
        qs = np.quantile(alphas, [tail, 1.0 - tail], axis=0)
    low[ok], high[ok] = qs[0], qs[1]
    return low, high


def _depth_histogram(
    lengths: np.ndarray, merged: list[tuple[np.ndarray, np.ndarray, np.ndarray]], m: int
) -> np.ndarray:
    """Per group, how many characters exactly k of the m coders coded (k = 0..m), from each
    coder's merged segments (:func:`coding.agreement._merge_groups`)."""
    n = lengths.size
    pos = np.concatenate([x[0] for x in merged] + [x[1] for x in merged])
    hist = np.zeros((n, m + 1))
    if pos.size:
        n_s = sum(x[0].size for x in merged)
        delta = np.concatenate([np.ones(n_s, np.int64), -np.ones(pos.size - n_s, np.int64)])
        grp = np.concatenate([x[2] for x in merged] * 2)
        # Events at one position may come in any order: only the depth after the last of
        # them spans text (the others span nothing and are skipped).
        order = np.argsort(pos)
        pos, delta, grp = pos[order], delta[order], grp[order]
        depth = np.cumsum(delta)[:-1]
        width = np.diff(pos)
        use = (depth > 0) & (width > 0)
        hist += np.bincount(
            grp[:-1][use] * (m + 1) + depth[use], weights=width[use], minlength=n * (m + 1)
        ).reshape(n, m + 1)
    hist[:, 0] = lengths - hist[:, 1:].sum(axis=1)
    return hist


def _figs(arrays: dict[str, np.ndarray], index: Any) -> Figures:
    out: Figures = {}
    for key, arr in arrays.items():
        v = arr[index]
        out[key] = int(v) if arr.dtype.kind in "iu" else float(v)
    return out


def _figs_by(
    arrays: dict[str, np.ndarray], ids: Sequence[int], rows: Sequence[int] | range
) -> dict[int, Figures]:
    """``{ids[r]: figures of row r}`` for the given rows, converting each array once."""
    rows = list(rows)
    cols = {k: np.asarray(v)[rows].tolist() for k, v in arrays.items()}
    keys = list(cols)
    return {
        ids[r]: dict(zip(keys, vals, strict=True))
        for r, *vals in zip(rows, *cols.values(), strict=True)
    }


# ---------------------------------------------------------------------------------------------
# The three units
# ---------------------------------------------------------------------------------------------


def _coder_segments(data: _Data, n_codes: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    cached = data.cache.get("segments")
    if cached is not None:
        return cached
    out = []
    groups = data.doc * n_codes + data.code
    for i in range(len(data.coder_ids)):
        sel = data.coder == i
        out.append((groups[sel], data.start[sel], data.end[sel]))
    data.cache["segments"] = out
    return out


def _merged(data: _Data, lengths: np.ndarray) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Each coder's segments merged per (document, code) cell, once for every pair and the
    depth histogram (checked against the document lengths like character_agreement_batch)."""
    offset = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])
    out = []
    for i, (g, s, e) in enumerate(_coder_segments(data, data.code_ids.size)):
        _check_in_range(g, s, e, lengths, data.coder_names[i])
        out.append(_merge_groups(offset, g, s, e))
    return out


def _character(data: _Data) -> UnitResult:
    m = len(data.coder_ids)
    n_d, n_c = data.doc_ids.size, data.code_ids.size
    lengths = np.repeat(data.doc_len, n_c)
    merged = _merged(data, lengths)
    doc_id = data.doc_ids.tolist()
    code_id = data.code_ids.tolist()

    def scopes(counts: dict[str, np.ndarray]):
        """counts reshaped (docs, codes) → pooled per code, per doc, overall."""
        grid = {k: v.reshape(n_d, n_c) for k, v in counts.items()}
        return (
            {k: v.sum(axis=0) for k, v in grid.items()},
            {k: v.sum(axis=1) for k, v in grid.items()},
            {k: np.array([v.sum()]) for k, v in grid.items()},
        )

    def pair_figs(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        pct, kappa = _kappa_2x2(c["both"], c["a_only"], c["b_only"], c["neither"])
        coded = c["both"] + c["a_only"] + c["b_only"]
        total = coded + c["neither"]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(total > 0, coded / np.where(total > 0, total, 1), np.nan)
            coded_agree = np.where(coded > 0, c["both"] / np.where(coded > 0, coded, 1), np.nan)
        return {
            **{k: c[k].astype(np.int64) for k in ("both", "a_only", "b_only", "neither")},
            "percent_agreement": pct,
            "kappa": kappa,
            "coded_share": share,
            "coded_agreement": coded_agree,
        }

    pairs: list[PairResult] = []
    pair_kappas: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for i, j in itertools.combinations(range(m), 2):
        res = _character_counts(lengths, merged[i], merged[j])
        counts = {k: res[k] for k in ("both", "a_only", "b_only", "neither")}
        per_code_c, per_doc_c, overall_c = scopes(counts)
        fc, fd, fo = pair_figs(per_code_c), pair_figs(per_doc_c), pair_figs(overall_c)
        anyone = np.flatnonzero((counts["both"] + counts["a_only"] + counts["b_only"]) > 0)
        cells = pair_figs({k: v[anyone] for k, v in counts.items()})
        labels = _CellLabels(anyone, data.doc_names, data.code_paths)
        pairs.append(
            PairResult(
                coders=(data.coder_names[i], data.coder_names[j]),
                per_code=_figs_by(fc, code_id, range(n_c)),
                per_document=_figs_by(fd, doc_id, range(n_d)),
                overall=_figs(fo, 0),
                cells=cells,
                cell_labels=labels,
            )
        )
        pair_kappas.append((fc["kappa"], fd["kappa"], fo["kappa"]))

    if m == 2:  # the pair's counts are the histogram: nobody, one coder, both coders
        hist = np.stack(
            [counts["neither"], counts["a_only"] + counts["b_only"], counts["both"]], axis=1
        ).astype(float)
    else:
        hist = _depth_histogram(lengths, merged, m)
    hist = hist.reshape(n_d, n_c, m + 1)
    scoped = (hist.sum(axis=0), hist.sum(axis=1), hist.sum(axis=(0, 1))[None, :])
    results: list[dict[int, Figures] | Figures] = []
    for s_idx, (h, ids) in enumerate(zip(scoped, (code_id, doc_id, [0]), strict=True)):
        st = _binary_stats(h, m)
        total = h.sum(axis=1)
        coded = total - h[:, 0]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(total > 0, coded / np.where(total > 0, total, 1), np.nan)
            all_coded = np.where(coded > 0, h[:, m] / np.where(coded > 0, coded, 1), np.nan)
        mean_kappa = np.mean([pk[s_idx] for pk in pair_kappas], axis=0)
        arrays = {
            "characters": total.astype(np.int64),
            "coded_by_anyone": coded.astype(np.int64),
            "coded_by_all": h[:, m].astype(np.int64),
            "percent_agreement": st["observed"],
            "kappa": mean_kappa,
            "fleiss_kappa": st["fleiss_kappa"],
            "alpha": st["alpha"],
            "coded_share": share,
            "coded_agreement": all_coded,
        }
        figs = _figs_by(arrays, ids, range(len(ids)))
        for f in figs.values():
            f["verdict"] = verdict(f["alpha"])
        results.append(figs if s_idx < 2 else figs[0])
    per_code, per_doc, overall = results
    assert isinstance(per_code, dict) and isinstance(per_doc, dict)
    return UnitResult(
        "character",
        TREATMENT["character"],
        per_code,
        per_doc,
        overall,
        pairs,  # type: ignore[arg-type]
    )


def _segment(data: _Data, min_overlap: float) -> UnitResult:
    m = len(data.coder_ids)
    n_d, n_c = data.doc_ids.size, data.code_ids.size
    segs = _coder_segments(data, n_c)
    doc_id, code_id = data.doc_ids.tolist(), data.code_ids.tolist()
    keys = ("a_segments", "a_agree", "b_segments", "b_agree", "agree", "total")
    sums = {k: np.zeros(n_d * n_c, dtype=np.int64) for k in ("agree", "total")}

    def figs(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        with np.errstate(divide="ignore", invalid="ignore"):
            pct = np.where(
                c["total"] > 0, c["agree"] / np.where(c["total"] > 0, c["total"], 1), np.nan
            )
        return {**c, "percent": pct}

    def scoped(c: dict[str, np.ndarray]):
        grid = {k: v.reshape(n_d, n_c) for k, v in c.items()}
        return (
            figs({k: v.sum(axis=0) for k, v in grid.items()}),
            figs({k: v.sum(axis=1) for k, v in grid.items()}),
            figs({k: np.array([v.sum()]) for k, v in grid.items()}),
        )

    def maxqda_kappa(f: Figures) -> float:
        if n_c < 2 or not math.isfinite(f["percent"]):
            return math.nan
        p_c = 1.0 / n_c
        return (f["percent"] - p_c) / (1.0 - p_c)

    pairs: list[PairResult] = []
    for i, j in itertools.combinations(range(m), 2):
        res = segment_agreement_batch(n_d * n_c, *segs[i], *segs[j], min_overlap=min_overlap)
        counts = {k: res[k].astype(np.int64) for k in keys}
        for k in sums:
            sums[k] += counts[k]
        fc, fd, fo = scoped(counts)
        overall = _figs(fo, 0)
        overall["kappa_brennan_prediger"] = maxqda_kappa(overall)
        pairs.append(
            PairResult(
                coders=(data.coder_names[i], data.coder_names[j]),
                per_code=_figs_by(fc, code_id, range(n_c)),
                per_document=_figs_by(fd, doc_id, range(n_d)),
                overall=overall,
            )
        )
    fc, fd, fo = scoped(sums)
    overall = _figs(fo, 0)
    overall["kappa_brennan_prediger"] = maxqda_kappa(overall)
    return UnitResult(
        "segment",
        TREATMENT["segment"].format(min_overlap=min_overlap),
        _figs_by(fc, code_id, range(n_c)),
        _figs_by(fd, doc_id, range(n_d)),
        overall,
        pairs,
    )


def _turn(session: Session, data: _Data, notes: list[str]) -> UnitResult | None:
    m = len(data.coder_ids)
    n_d, n_c = data.doc_ids.size, data.code_ids.size
    tr = _fetch_turns(session, data.doc_ids)
    tdoc = _index(_lookup(data.doc_ids), tr[:, 0])
    has_turns = np.zeros(n_d, dtype=bool)
    has_turns[tdoc] = True
    if not has_turns.all():
        missing = [data.doc_names[i] for i in np.flatnonzero(~has_turns)]
        notes.append(
            f"Turn unit: {len(missing)} document(s) without speaker turns left out: "
            + ", ".join(missing[:10])
            + (" …" if len(missing) > 10 else "")
        )
    if tr.shape[0] == 0:
        notes.append("Turn unit: none of the compared documents has speaker turns.")
        return None
    offset = np.concatenate([[0], np.cumsum(data.doc_len + 1)[:-1]])
    t_start = offset[tdoc] + tr[:, 1]
    t_end = offset[tdoc] + tr[:, 2]
    order = np.lexsort((t_end, t_start))
    t_start, t_end, tdoc = t_start[order], t_end[order], tdoc[order]
    n_t = t_start.size
    reach = np.maximum.accumulate(t_end)
    g_s = offset[data.doc] + data.start
    g_e = offset[data.doc] + data.end
    lo = np.searchsorted(reach, g_s, side="right")
    hi = np.searchsorted(t_start, g_e, side="left")
    ok = hi > lo
    row = data.code[ok] * m + data.coder[ok]
    size = n_c * m * (n_t + 1)
    diff = np.bincount(row * (n_t + 1) + lo[ok], minlength=size) - np.bincount(
        row * (n_t + 1) + hi[ok], minlength=size
    )
    present = np.cumsum(diff.reshape(n_c, m, n_t + 1), axis=2)[:, :, :n_t] > 0

    doc_id, code_id = data.doc_ids.tolist(), data.code_ids.tolist()
    # Turns are sorted by position, so each document's turns are one run: counts per
    # (code, document) are sums over runs (reduceat), without a bincount per statistic.
    runs = np.flatnonzero(np.concatenate([[True], tdoc[1:] != tdoc[:-1]]))
    turn_docs = tdoc[runs]

    def per_cell(x: np.ndarray) -> np.ndarray:
        """(codes, turns) → (codes, documents): sums over each document's turns."""
        out = np.zeros((n_c, n_d), dtype=np.int64)
        out[:, turn_docs] = np.add.reduceat(x, runs, axis=-1, dtype=np.int64)
        return out

    cell_turns = np.zeros(n_d, dtype=np.int64)
    cell_turns[turn_docs] = np.diff(np.append(runs, n_t))
    cell_turns = np.broadcast_to(cell_turns, (n_c, n_d))
    coded = [per_cell(present[:, i, :]) for i in range(m)]
    hist = np.zeros((n_c, n_d, m + 1), dtype=np.int64)
    if m == 2:
        both_01 = per_cell(present[:, 0, :] & present[:, 1, :])
        hist[:, :, 2] = both_01
        hist[:, :, 1] = coded[0] + coded[1] - 2 * both_01
    else:
        k = present.sum(axis=1)  # codes x turns
        for v in range(1, m + 1):
            hist[:, :, v] = per_cell(k == v)
    hist[:, :, 0] = cell_turns - hist[:, :, 1:].sum(axis=2)

    pair_counts = []
    pairs: list[PairResult] = []
    turn_doc_list = turn_docs.tolist()
    for i, j in itertools.combinations(range(m), 2):
        both = both_01 if m == 2 else per_cell(present[:, i, :] & present[:, j, :])
        c = {"both": both, "a_only": coded[i] - both, "b_only": coded[j] - both}
        c["neither"] = cell_turns - coded[i] - coded[j] + both
        pair_counts.append(c)
        scoped = (
            {x: v.sum(axis=1) for x, v in c.items()},
            {x: v.sum(axis=0) for x, v in c.items()},
            {x: np.array([v.sum()]) for x, v in c.items()},
        )
        out = []
        for sc in scoped:
            pct, kappa = _kappa_2x2(sc["both"], sc["a_only"], sc["b_only"], sc["neither"])
            out.append(
                {
                    **{x: v.astype(np.int64) for x, v in sc.items()},
                    "percent_agreement": pct,
                    "kappa": kappa,
                }
            )
        pairs.append(
            PairResult(
                coders=(data.coder_names[i], data.coder_names[j]),
                per_code=_figs_by(out[0], code_id, range(n_c)),
                per_document=_figs_by(out[1], doc_id, turn_doc_list),
                overall=_figs(out[2], 0),
            )
        )

    def assemble(
        h: np.ndarray, pair_kappa: np.ndarray, ci: tuple[np.ndarray, np.ndarray] | None
    ) -> dict[str, np.ndarray]:
        st = _binary_stats(h, m)
        arrays = {
            "turns": h.sum(axis=1).astype(np.int64),
            "percent_agreement": st["observed"],
            "kappa": pair_kappa,
            "fleiss_kappa": st["fleiss_kappa"],
            "alpha": st["alpha"],
        }
        if ci is not None:
            arrays["alpha_ci_low"], arrays["alpha_ci_high"] = ci
        return arrays

    def mean_pair_kappa(axis: int | None) -> np.ndarray:
        ks = []
        for c in pair_counts:
            if axis is None:
                sc = [np.array([c[x].sum()]) for x in ("both", "a_only", "b_only", "neither")]
            else:
                sc = [c[x].sum(axis=axis) for x in ("both", "a_only", "b_only", "neither")]
            ks.append(_kappa_2x2(*sc)[1])
        return np.mean(ks, axis=0)

    code_hist = hist.sum(axis=1)
    overall_hist = code_hist.sum(axis=0)[None, :]
    # One bootstrap draw for the codes and the overall row together.
    low, high = bootstrap_binary_alpha_rows(np.concatenate([code_hist, overall_hist]), m)
    per_code_a = assemble(code_hist, mean_pair_kappa(1), (low[:n_c], high[:n_c]))
    per_doc_a = assemble(hist.sum(axis=0), mean_pair_kappa(0), None)
    overall_a = assemble(overall_hist, mean_pair_kappa(None), (low[n_c:], high[n_c:]))
    per_code = _figs_by(per_code_a, code_id, range(n_c))
    per_doc = _figs_by(per_doc_a, doc_id, turn_doc_list)
    overall = _figs(overall_a, 0)
    for f in [*per_code.values(), *per_doc.values(), overall]:
        f["verdict"] = verdict(f["alpha"])
    if m == 2:
        for f in [*per_code.values(), *per_doc.values(), overall]:
            f["cohen_kappa"] = f["kappa"]
    return UnitResult("turn", TREATMENT["turn"], per_code, per_doc, overall, pairs)


def _unitizing(data: _Data, notes: list[str]) -> UnitizingResult:
    m = len(data.coder_ids)
    n_c = data.code_ids.size
    ua = unitizing_alpha_arrays(
        data.doc_len,
        data.coder,
        data.doc,
        data.code,
        data.start,
        data.end,
        n_coders=m,
        n_codes=n_c,
        names=data.doc_names,
        family="if_valid",
    )
    if ua.family_error:
        valid = False
        note = "cu-α not computed: " + ua.family_error.replace(
            "use family=False for per-code alpha only", "per-code uα is still given"
        )
        for i, name in enumerate(data.code_paths):
            note = note.replace(f"code {i} (", f"code {name!r} (")
        for i, name in enumerate(data.coder_names):
            note = note.replace(f"coder {i} applied", f"coder {name} applied")
        notes.append(note)
    else:
        valid, note = (
            True,
            (
                "The compared codes never overlap within a coder, so the 2016 family (uα, |uα, "
                "cuα, (k)uα) applies."
            ),
        )
    code_id = data.code_ids.tolist()
    return UnitizingResult(
        per_code={code_id[x]: float(ua.per_code[x]) for x in range(n_c)},
        pooled=float(ua.pooled),
        family_valid=valid,
        family_note=note,
        u_alpha=_float(ua.u_alpha),
        binary_alpha=_float(ua.binary_alpha),
        cu_alpha=_float(ua.cu_alpha),
        cu_alpha_per_code={code_id[x]: float(v) for x, v in ua.cu_alpha_per_code.items()},
    )


def _float(x: float | None) -> float:
    return math.nan if x is None else float(x)


def compare_coders(
    session: Session,
    coders: Sequence[str | int | Coder],
    documents: Sequence[str | int] | None = None,
    codes: Sequence[str | int] | None = None,
    unit: str | Sequence[str] | None = None,
    min_overlap: float = 0.9,
    progress: ProgressState | None = None,
    unitizing: bool = True,
) -> AgreementReport:
    """Compare two or more coders' codings (see the module docstring for the statistics).

    ``coders``: names, ids or Coder rows. ``documents``: names/ids (default: every document
    any of the coders coded). ``codes``: paths/names/GUIDs/ids, each compared on its own
    codings (default: every code the coders used in those documents). ``unit``: one of
    :data:`UNITS`, several, or None for all three. ``unitizing``: also compute Krippendorff's
    unitizing alphas. Raises TematikError for unknown coders/documents/codes or nothing to
    compare; :class:`coding.errors.Cancelled` when the progress state asks to stop.
    """
    progress = progress or NullProgress()
    units = list(UNITS) if unit is None else ([unit] if isinstance(unit, str) else list(unit))
    for u in units:
        if u not in UNITS:
            raise TematikError(f"Unknown unit {u!r}; choose one of {', '.join(UNITS)}.")
    if not 0.0 < min_overlap <= 1.0:
        raise TematikError(f"The minimum overlap must lie between 0 and 1, got {min_overlap}.")
    steps = 1 + len(units) + (1 if unitizing else 0)
    step = 0
    progress.progress(step, steps, "Reading codings")
    t0 = time.perf_counter()
    data = _load(session, coders, documents, codes)
    timings = {"query": time.perf_counter() - t0}
    report = AgreementReport(
        coders=data.coder_names,
        coder_ids=data.coder_ids,
        documents=dict(zip(data.doc_ids.tolist(), data.doc_names, strict=True)),
        document_lengths=dict(zip(data.doc_ids.tolist(), data.doc_len.tolist(), strict=True)),
        codes=dict(zip(data.code_ids.tolist(), data.code_paths, strict=True)),
        code_colors=dict(zip(data.code_ids.tolist(), data.code_colors, strict=True)),
        units=units,
        min_overlap=min_overlap,
        notes=data.notes,
    )
    for u in units:
        check_cancel(progress)
        step += 1
        progress.progress(step, steps, f"{u.capitalize()} agreement")
        t = time.perf_counter()
        if u == "character":
            report.character = _character(data)
        elif u == "segment":
            report.segment = _segment(data, min_overlap)
        else:
            report.turn = _turn(session, data, report.notes)
        timings[u] = time.perf_counter() - t
    if unitizing:
        check_cancel(progress)
        step += 1
        progress.progress(step, steps, "Unitizing alpha")
        t = time.perf_counter()
        report.unitizing = _unitizing(data, report.notes)
        timings["unitizing"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    report.timings = timings
    progress.progress(steps, steps, "Done")
    return report


# ---------------------------------------------------------------------------------------------
# Disagreements in context
# ---------------------------------------------------------------------------------------------

KINDS = {
    "only_a": "only A",
    "only_b": "only B",
    "boundaries": "different boundaries",
    "code": "different code",
}


@dataclass
class Disagreement:
    """One place where coders A and B differ, for the drill-down and adjudication.

    ``code_id`` is A's code (B's for ``only_b``); ``other_code_id`` is B's code when the kind
    is ``code`` (different code on overlapping text). ``start``/``end`` span every segment
    involved; ``a_spans``/``b_spans`` are the coders' own segments.
    """

    document_id: int
    document: str
    code_id: int
    code_path: str
    kind: str
    start: int
    end: int
    a_spans: list[tuple[int, int]]
    b_spans: list[tuple[int, int]]
    a_coding_ids: list[int]
    b_coding_ids: list[int]
    a_text: str
    b_text: str
    before: str
    after: str
    other_code_id: int | None = None
    other_code_path: str = ""
    decision: str | None = None

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def key(self) -> tuple[int, int, int, int]:
        return (self.document_id, self.code_id, self.start, self.end)

    def as_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "code": self.code_path,
            "other_code": self.other_code_path or None,
            "kind": self.kind_label,
            "start": self.start,
            "end": self.end,
            "a_spans": [list(x) for x in self.a_spans],
            "b_spans": [list(x) for x in self.b_spans],
            "a_text": self.a_text,
            "b_text": self.b_text,
            "decision": self.decision,
        }


def _components(items: list[tuple[int, int, str, int]]) -> list[list[tuple[int, int, str, int]]]:
    """Group (start, end, side, coding id) by overlap (touching does not join)."""
    items = sorted(items)
    comps: list[list[tuple[int, int, str, int]]] = []
    reach = -1
    for it in items:
        if comps and it[0] < reach:
            comps[-1].append(it)
            reach = max(reach, it[1])
        else:
            comps.append([it])
            reach = it[1]
    return comps


def disagreements(
    session: Session,
    coder_a: str | int | Coder,
    coder_b: str | int | Coder,
    documents: Sequence[str | int] | None = None,
    codes: Sequence[str | int] | None = None,
    context: int = 80,
) -> list[Disagreement]:
    """Where coders A and B differ, in document order, with text and context.

    Segments of one code by both coders that overlap form one place: identical spans agree;
    otherwise it is ``boundaries``. A place only one coder coded is ``only_a``/``only_b``,
    unless the other coder applied another compared code to overlapping text that is itself
    unmatched: then the two form one ``code`` disagreement. ``decision`` holds the recorded
    adjudication for the place, if any.
    """
    data = _load(session, [coder_a, coder_b], documents, codes)
    ids = session.execute(
        select(
            Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end
        )
        .where(Coding.coder_id.in_(data.coder_ids))
        .where(Coding.document_id.in_(data.doc_ids.tolist()))
        .where(Coding.code_id.in_(data.code_ids.tolist()))
    ).all()
    side = {data.coder_ids[0]: "a", data.coder_ids[1]: "b"}
    paths = dict(zip(data.code_ids.tolist(), data.code_paths, strict=True))
    by_cell: dict[tuple[int, int], list[tuple[int, int, str, int]]] = {}
    for cid, doc, code, coder, s, e in ids:
        by_cell.setdefault((doc, code), []).append((s, e, side[coder], cid))
    doc_pos = {d: i for i, d in enumerate(data.doc_ids.tolist())}
    texts = dict(
        session.execute(
            select(Document.id, Document.text).where(Document.id.in_(list({d for d, _ in by_cell})))
        ).all()
    )
    decided = {
        (r.document_id, r.code_id, r.start, r.end): r.decision
        for r in session.scalars(
            select(Adjudication).where(Adjudication.document_id.in_(list(texts)))
        )
    }

    out: list[Disagreement] = []
    lone: dict[int, list[tuple[str, int, list[tuple[int, int, str, int]]]]] = {}
    for (doc, code), items in by_cell.items():
        for comp in _components(items):
            a = sorted((s, e, i) for s, e, sd, i in comp if sd == "a")
            b = sorted((s, e, i) for s, e, sd, i in comp if sd == "b")
            if a and b:
                if [x[:2] for x in a] == [x[:2] for x in b]:
                    continue
                out.append(_make(doc, code, "boundaries", a, b, texts[doc], paths, context))
            else:
                lone.setdefault(doc, []).append(("a" if a else "b", code, comp))
    for doc, comps in lone.items():
        a_side = [c for c in comps if c[0] == "a"]
        b_side = [c for c in comps if c[0] == "b"]
        used_b: set[int] = set()
        for _, code, comp in a_side:
            lo, hi = min(x[0] for x in comp), max(x[1] for x in comp)
            best, best_ov = None, 0
            for n, (_, code_b, comp_b) in enumerate(b_side):
                if n in used_b or code_b == code:
                    continue
                ov = max(
                    (min(hi, x[1]) - max(lo, x[0]) for x in comp_b),
                    default=0,
                )
                if ov > best_ov:
                    best, best_ov = n, ov
            a = sorted((s, e, i) for s, e, _, i in comp)
            if best is None:
                out.append(_make(doc, code, "only_a", a, [], texts[doc], paths, context))
            else:
                used_b.add(best)
                _, code_b, comp_b = b_side[best]
                b = sorted((s, e, i) for s, e, _, i in comp_b)
                item = _make(doc, code, "code", a, b, texts[doc], paths, context)
                item.other_code_id = code_b
                item.other_code_path = paths[code_b]
                out.append(item)
        for n, (_, code_b, comp_b) in enumerate(b_side):
            if n not in used_b:
                b = sorted((s, e, i) for s, e, _, i in comp_b)
                out.append(_make(doc, code_b, "only_b", [], b, texts[doc], paths, context))
    names = dict(zip(data.doc_ids.tolist(), data.doc_names, strict=True))
    for item in out:
        item.document = names[item.document_id]
        item.decision = decided.get(item.key)
    out.sort(key=lambda x: (doc_pos[x.document_id], x.start, x.end, x.code_path))
    return out


def _make(
    doc: int,
    code: int,
    kind: str,
    a: list[tuple[int, int, int]],
    b: list[tuple[int, int, int]],
    text: str,
    paths: dict[int, str],
    context: int,
) -> Disagreement:
    spans = [x[:2] for x in a + b]
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)

    def joined(side: list[tuple[int, int, int]]) -> str:
        return " … ".join(text[s:e] for s, e, _ in side)

    return Disagreement(
        document_id=doc,
        document="",
        code_id=code,
        code_path=paths[code],
        kind=kind,
        start=lo,
        end=hi,
        a_spans=[(s, e) for s, e, _ in a],
        b_spans=[(s, e) for s, e, _ in b],
        a_coding_ids=[i for _, _, i in a],
        b_coding_ids=[i for _, _, i in b],
        a_text=joined(a),
        b_text=joined(b),
        before=text[max(0, lo - context) : lo],
        after=text[hi : hi + context],
    )


@dataclass
class Choices:
    """What the supervisor can choose from: coders, documents and codable codes (plain data)."""

    coders: list[tuple[int, str, str]]  # id, name, role
    documents: list[tuple[int, str]]
    codes: list[tuple[int, str]]  # id, path


def comparison_choices(session: Session) -> Choices:
    """Coders, documents and codable codes of the project, for the supervisor view."""
    coders = [
        (r[0], r[1], r[2])
        for r in session.execute(select(Coder.id, Coder.name, Coder.role).order_by(Coder.name))
    ]
    docs = [
        (r[0], r[1])
        for r in session.execute(
            select(Document.id, Document.name).order_by(Document.position, Document.id)
        )
    ]
    codes = [(n.id, n.path) for n in code_tree(session) if n.codable]
    return Choices(coders, docs, codes)
