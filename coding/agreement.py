"""Inter-coder agreement statistics (pure Python + numpy; no Qt, no database).

Every statistic here is checked in ``tests/test_agreement_stats.py`` against a published
worked example (or, where none could be obtained, an independent brute-force reference).
Proportions are returned as fractions in ``[0, 1]``; multiply by 100 for display.

Coding of predefined units
--------------------------
``percent_agreement(a, b)``
    Share of units on which two coders gave the same label.
``cohen_kappa(a, b)``
    Cohen (1960) kappa, ``(p_o - p_e) / (1 - p_e)`` with ``p_e`` from each coder's own
    marginals. Convention: when ``p_e == 1`` (both coders used one and the same label for
    every unit) kappa is **1.0** -- this can only happen with perfect observed agreement, and it
    is what NVivo reports when neither user coded a document at a node.
``brennan_prediger_kappa(a, b, n_categories)``
    Brennan & Prediger (1981) free-marginal kappa, ``(p_o - 1/q) / (1 - 1/q)``.
``fleiss_kappa(table)``
    Fleiss (1971) kappa from a units x categories table of counts (same number of ratings
    per unit). Same ``p_e == 1`` convention as Cohen's kappa.
``krippendorff_alpha(reliability_data, level)``
    Krippendorff's alpha from the coincidence matrix (Krippendorff 2011, "Computing
    Krippendorff's Alpha-Reliability"), coders x units, ``None``/nan = missing, levels
    nominal, ordinal, interval, ratio. Units with fewer than two values are not pairable and
    are ignored. Data without any variation (expected disagreement 0) give **nan**: alpha is
    undefined there.
``bootstrap_alpha(reliability_data, level, n_boot, seed, ci)``
    Nonparametric bootstrap over units: each replicate draws the pairable units with
    replacement (as many as there are), recomputes the coincidence matrix from the drawn
    units' own contributions and alpha from it; the interval is the percentile interval of
    the finite replicate alphas. Deterministic for a given seed, vectorised (one matrix
    product per block of replicates). This is not Hayes & Krippendorff's (2007) resampling of
    pairable values; it is the plain unit bootstrap, which respects the clustering of values
    within units.

Coded text over character continua
----------------------------------
``character_agreement(length, segs_a, segs_b)`` / ``character_agreement_batch(...)``
    NVivo's coding comparison: for one code in one document every character is a unit,
    coded or not coded by each user. Counts of characters coded by both / A only / B only /
    neither, percent agreement and Cohen's kappa over characters. Computed with interval
    arithmetic (sort, merge, prefix sums), ``O(n log n)`` in the number of segments and
    independent of the document length. The batch form does all (document, code) cells of a
    project in one vectorised pass.
``segment_agreement(segs_a, segs_b, min_overlap)`` / ``segment_agreement_batch(...)``
    MAXQDA-style segment agreement: a segment of A agrees when a single segment of B
    overlaps at least ``min_overlap`` of the A segment's length, and vice versa for B.
``unitizing_alpha(continua, ...)``
    Krippendorff's alpha for unitized continua -- the family ATLAS.ti reports:

    * ``per_code`` -- uα of Krippendorff (1995; 2004 *Content Analysis* 2nd ed. ch. 11,
      worked example p. 254; "Measuring the reliability of qualitative text analysis data", Q&Q 38),
      computed separately for every code as a binary unitizing of "units of this code"
      against the gaps between them, with the squared boundary distances
      ``(b_g-b_h)^2 + (e_g-e_h)^2`` for overlapping units and ``l^2`` for a unit lying inside
      the other coder's gap; ``pooled`` is ``1 - sum(D_o) / sum(D_e)`` over codes (the overall
      figure of Krippendorff 2004). This is ATLAS.ti's per-code "alpha binary" idea.
    * ``u_alpha``, ``binary_alpha`` (|uα), ``cu_alpha`` (cuα) and ``cu_alpha_per_code``
      ((k)uα, ATLAS.ti's "Cu-α") -- Krippendorff, Mathet, Bouvry & Widlöcher (2016) "On the
      reliability of unitizing textual continua: further developments", Q&Q 50:2347-2364,
      as restated in Krippendorff (2019) *Content Analysis* 4th ed. sec. 12.6. They need
      the codes of one analysis (ATLAS.ti's *semantic domain*) to be mutually exclusive
      within each coder: each coder's segments must partition the text into coded
      segments and gaps. Observed coincidences are lengths of intersections between coders;
      expected coincidences remove self-pairings (``l^2`` for a valued segment, ``l`` for gap
      characters). For cuα the self-pairing term uses, per ordered coder pair (i, j), the
      part of i's segment that overlaps j's coded matter, squared, divided by ``m - 1``
      (identical to the 2019 book's per-segment "pairable length" for two coders).

    All segment arithmetic is on intervals (breakpoints sorted and merged); nothing is done
    per character. Several continua (documents) are treated as one continuum laid end to
    end; segments never cross a document boundary and gaps are cut at boundaries.

Undefined values are ``nan`` (no variation, nothing coded), never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from coding.errors import TematikError

__all__ = [
    "AgreementError",
    "Continuum",
    "UnitizingAlpha",
    "bootstrap_alpha",
    "brennan_prediger_kappa",
    "character_agreement",
    "character_agreement_batch",
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha",
    "percent_agreement",
    "segment_agreement",
    "segment_agreement_batch",
    "unitizing_alpha",
    "unitizing_alpha_arrays",
]

LEVELS = ("nominal", "ordinal", "interval", "ratio")


class AgreementError(TematikError, ValueError):
    """Input to an agreement statistic is malformed; the message says where and why."""


# ---------------------------------------------------------------------------------------------
# Coding of predefined units
# ---------------------------------------------------------------------------------------------


def _pair(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[list[Hashable], list[Hashable]]:
    a_list, b_list = list(a), list(b)
    if len(a_list) != len(b_list):
        raise AgreementError(
            f"Cannot compare coders: coder A has {len(a_list)} labels, coder B {len(b_list)}."
        )
    if not a_list:
        raise AgreementError("Cannot compare coders: there are no units.")
    return a_list, b_list


def percent_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Proportion (0..1) of units on which coders A and B gave the same label."""
    a_list, b_list = _pair(a, b)
    return sum(x == y for x, y in zip(a_list, b_list, strict=True)) / len(a_list)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's (1960) kappa for two coders over the same units.

    Returns 1.0 when the expected agreement is 1 (both coders used a single, identical label
    for every unit, so observed agreement is 1 too).
    """
    a_list, b_list = _pair(a, b)
    n = len(a_list)
    p_o = sum(x == y for x, y in zip(a_list, b_list, strict=True)) / n
    count_a: dict[Hashable, int] = {}
    count_b: dict[Hashable, int] = {}
    for x in a_list:
        count_a[x] = count_a.get(x, 0) + 1
    for y in b_list:
        count_b[y] = count_b.get(y, 0) + 1
    p_e = sum(c * count_b.get(label, 0) for label, c in count_a.items()) / (n * n)
    if p_e >= 1.0:
        return 1.0
    return (p_o - p_e) / (1.0 - p_e)


def brennan_prediger_kappa(
    a: Sequence[Hashable], b: Sequence[Hashable], n_categories: int
) -> float:
    """Brennan & Prediger's (1981) kappa with chance agreement ``1 / n_categories``."""
    a_list, b_list = _pair(a, b)
    if n_categories < 2:
        raise AgreementError(f"n_categories must be at least 2, got {n_categories}.")
    used = set(a_list) | set(b_list)
    if len(used) > n_categories:
        raise AgreementError(
            f"The coders used {len(used)} different labels but n_categories is {n_categories}."
        )
    p_o = sum(x == y for x, y in zip(a_list, b_list, strict=True)) / len(a_list)
    p_e = 1.0 / n_categories
    return (p_o - p_e) / (1.0 - p_e)


def fleiss_kappa(table: Sequence[Sequence[float]] | np.ndarray) -> float:
    """Fleiss' (1971) kappa from a units x categories table of rating counts.

    Every unit must have the same number (>= 2) of ratings. Returns 1.0 when all ratings
    fall in one category (expected agreement 1).
    """
    counts = np.asarray(table, dtype=float)
    if counts.ndim != 2 or counts.shape[0] == 0 or counts.shape[1] == 0:
        raise AgreementError("Fleiss' kappa needs a non-empty units x categories table.")
    if np.any(counts < 0):
        raise AgreementError("Fleiss' kappa: the table contains negative counts.")
    raters = counts.sum(axis=1)
    n = raters[0]
    if not np.allclose(raters, n):
        bad = int(np.flatnonzero(~np.isclose(raters, n))[0])
        raise AgreementError(
            f"Fleiss' kappa needs the same number of ratings per unit: unit 0 has {n:g}, "
            f"unit {bad} has {raters[bad]:g}."
        )
    if n < 2:
        raise AgreementError("Fleiss' kappa needs at least two ratings per unit.")
    p_i = ((counts * counts).sum(axis=1) - n) / (n * (n - 1))
    p_bar = float(p_i.mean())
    p_j = counts.sum(axis=0) / counts.sum()
    p_e = float((p_j * p_j).sum())
    if p_e >= 1.0:
        return 1.0
    return (p_bar - p_e) / (1.0 - p_e)


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _value_matrix(reliability_data: Any, level: str) -> tuple[np.ndarray, list[Any]]:
    """Coders x units matrix of value indices (-1 = missing) and the sorted distinct values."""
    if level not in LEVELS:
        raise AgreementError(f"Unknown level of measurement {level!r}; use one of {LEVELS}.")
    if isinstance(reliability_data, np.ndarray) and reliability_data.dtype.kind in "biuf":
        data = reliability_data.astype(float)
        if data.ndim != 2:
            raise AgreementError("Reliability data must be a coders x units table.")
        present = ~np.isnan(data)
        values, inverse = np.unique(data[present], return_inverse=True)
        index = np.full(data.shape, -1, dtype=np.int64)
        index[present] = inverse
        return index, values.tolist()
    rows = [list(row) for row in reliability_data]
    if not rows or len({len(r) for r in rows}) != 1:
        raise AgreementError("Reliability data must be a coders x units table with equal rows.")
    distinct = {v for row in rows for v in row if not _is_missing(v)}
    try:
        values = sorted(distinct)
    except TypeError:
        if level != "nominal":
            raise AgreementError(
                f"Level {level!r} needs values that can be ordered; got mixed types."
            ) from None
        values = sorted(distinct, key=repr)
    if level in ("interval", "ratio"):
        for v in values:
            if isinstance(v, bool) or not isinstance(v, int | float | np.number):
                raise AgreementError(f"Level {level!r} needs numbers; got the value {v!r}.")
    position = {v: i for i, v in enumerate(values)}
    index = np.array(
        [[-1 if _is_missing(v) else position[v] for v in row] for row in rows], dtype=np.int64
    )
    return index, values


def _unit_counts(index: np.ndarray, n_values: int) -> np.ndarray:
    """Pairable units x values count matrix (units with fewer than 2 values dropped)."""
    n_coders, n_units = index.shape
    counts = np.zeros((n_units, n_values), dtype=float)
    coder_idx, unit_idx = np.nonzero(index >= 0)
    np.add.at(counts, (unit_idx, index[coder_idx, unit_idx]), 1.0)
    return counts[counts.sum(axis=1) >= 2]


def _unit_contributions(counts: np.ndarray) -> np.ndarray:
    """Each pairable unit's coincidence contribution, flattened: units x (V*V)."""
    m_u = counts.sum(axis=1)
    outer = counts[:, :, None] * counts[:, None, :]
    diag = np.arange(counts.shape[1])
    outer[:, diag, diag] -= counts
    outer /= (m_u - 1.0)[:, None, None]
    return outer.reshape(counts.shape[0], -1)


def _metric(level: str, values: list[Any], n_c: np.ndarray) -> np.ndarray:
    """Squared difference function delta^2 (last two axes V x V); n_c may be batched (B x V)."""
    v = len(values)
    if level == "nominal":
        return 1.0 - np.eye(v)
    if level == "ordinal":
        cum = np.cumsum(n_c, axis=-1)
        lower = np.concatenate([np.zeros(n_c.shape[:-1] + (1,)), cum[..., :-1]], axis=-1)
        # sum_{g=c}^{k} n_g for c <= k is cum[k] - lower[c]
        span = cum[..., None, :] - lower[..., :, None]
        span = np.where(np.triu(np.ones((v, v), dtype=bool)), span, np.swapaxes(span, -1, -2))
        return (span - (n_c[..., :, None] + n_c[..., None, :]) / 2.0) ** 2
    x = np.asarray(values, dtype=float)
    diff = x[:, None] - x[None, :]
    if level == "interval":
        return diff**2
    total = x[:, None] + x[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(total == 0, 0.0, diff / total)
    return ratio**2


def _alpha_from_coincidences(
    o_flat: np.ndarray, level: str, values: list[Any]
) -> np.ndarray | float:
    """Alpha from flattened coincidence matrices (V*V,) or (B, V*V)."""
    v = len(values)
    o = o_flat.reshape(o_flat.shape[:-1] + (v, v))
    n_c = o.sum(axis=-1)
    n = n_c.sum(axis=-1)
    delta = _metric(level, values, n_c)
    d_o = (o * delta).sum(axis=(-1, -2))
    d_e = (n_c[..., :, None] * n_c[..., None, :] * delta).sum(axis=(-1, -2))
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = np.where(d_e > 0, 1.0 - (n - 1.0) * d_o / np.where(d_e > 0, d_e, 1.0), np.nan)
    return float(alpha) if np.ndim(alpha) == 0 else alpha


def krippendorff_alpha(reliability_data: Any, level: str = "nominal") -> float:
    """Krippendorff's alpha for coders x units data (``None``/nan = missing value).

    ``level`` is one of nominal, ordinal, interval, ratio. Returns nan when there is nothing
    pairable or no variation among the pairable values.
    """
    index, values = _value_matrix(reliability_data, level)
    if len(values) == 0:
        return float("nan")
    counts = _unit_counts(index, len(values))
    if counts.shape[0] == 0:
        return float("nan")
    o_flat = _unit_contributions(counts).sum(axis=0)
    return float(_alpha_from_coincidences(o_flat, level, values))


def bootstrap_alpha(
    reliability_data: Any,
    level: str = "nominal",
    n_boot: int = 1000,
    seed: int = 0,
    ci: float = 0.95,
) -> tuple[float, float, float]:
    """Alpha with a percentile bootstrap interval over units: ``(alpha, low, high)``.

    See the module docstring for the method. ``low``/``high`` are nan when alpha is undefined
    in every replicate.
    """
    if n_boot < 1:
        raise AgreementError(f"n_boot must be at least 1, got {n_boot}.")
    if not 0.0 < ci < 1.0:
        raise AgreementError(f"ci must lie between 0 and 1, got {ci}.")
    index, values = _value_matrix(reliability_data, level)
    if len(values) == 0:
        return float("nan"), float("nan"), float("nan")
    counts = _unit_counts(index, len(values))
    n_units = counts.shape[0]
    if n_units == 0:
        return float("nan"), float("nan"), float("nan")
    contrib = _unit_contributions(counts)
    alpha = float(_alpha_from_coincidences(contrib.sum(axis=0), level, values))
    rng = np.random.default_rng(seed)
    block = max(1, min(n_boot, 4_000_000 // max(n_units, 1)))
    replicates: list[np.ndarray] = []
    done = 0
    while done < n_boot:
        b = min(block, n_boot - done)
        draws = rng.integers(0, n_units, size=(b, n_units))
        draws += (np.arange(b) * n_units)[:, None]
        weights = np.bincount(draws.ravel(), minlength=b * n_units).reshape(b, n_units)
        replicates.append(np.asarray(_alpha_from_coincidences(weights @ contrib, level, values)))
        done += b
    boot = np.concatenate(replicates)
    boot = boot[np.isfinite(boot)]
    if boot.size == 0:
        return alpha, float("nan"), float("nan")
    tail = (1.0 - ci) / 2.0
    low, high = np.quantile(boot, [tail, 1.0 - tail])
    return alpha, float(low), float(high)


# ---------------------------------------------------------------------------------------------
# Interval helpers
# ---------------------------------------------------------------------------------------------


def _as_segments(segs: Iterable[Sequence[int]], what: str) -> tuple[np.ndarray, np.ndarray]:
    arr = np.asarray([(s[0], s[1]) for s in segs], dtype=np.int64).reshape(-1, 2)
    if arr.size and np.any(arr[:, 1] < arr[:, 0]):
        bad = arr[np.flatnonzero(arr[:, 1] < arr[:, 0])[0]]
        raise AgreementError(f"{what}: segment ({bad[0]}, {bad[1]}) ends before it starts.")
    return arr[:, 0], arr[:, 1]


def _check_in_range(
    groups: np.ndarray, starts: np.ndarray, ends: np.ndarray, lengths: np.ndarray, what: str
) -> None:
    if groups.size == 0:
        return
    bad_group = (groups < 0) | (groups >= lengths.size)
    if np.any(bad_group):
        g = int(groups[np.flatnonzero(bad_group)[0]])
        raise AgreementError(f"{what}: group {g} does not exist ({lengths.size} groups).")
    bad = (starts < 0) | (ends > lengths[groups]) | (ends < starts)
    if np.any(bad):
        k = int(np.flatnonzero(bad)[0])
        raise AgreementError(
            f"{what}: segment ({starts[k]}, {ends[k]}) lies outside the text of length "
            f"{lengths[groups[k]]} (group {groups[k]}) or ends before it starts."
        )


def _covered_before(starts: np.ndarray, ends: np.ndarray, cum: np.ndarray, x: np.ndarray):
    """Length of the (disjoint, sorted) intervals lying left of each point x."""
    k = np.searchsorted(starts, x, side="right")
    prev_end = ends[np.maximum(k - 1, 0)] if ends.size else np.zeros_like(x)
    over = np.where(k > 0, np.maximum(prev_end - x, 0), 0)
    return cum[k] - over


def _intersection_by_group(
    a_s: np.ndarray, a_e: np.ndarray, b_s: np.ndarray, b_e: np.ndarray, b_group: np.ndarray, n: int
) -> np.ndarray:
    """Per group, the length of (union A) ∩ (union B); both inputs merged on one line."""
    if a_s.size == 0 or b_s.size == 0:
        return np.zeros(n)
    cum = np.concatenate([[0], np.cumsum(a_e - a_s)])
    inside = _covered_before(a_s, a_e, cum, b_e) - _covered_before(a_s, a_e, cum, b_s)
    return np.bincount(b_group, weights=inside, minlength=n)


def character_agreement_batch(
    lengths: Sequence[int] | np.ndarray,
    a_groups: Sequence[int] | np.ndarray,
    a_starts: Sequence[int] | np.ndarray,
    a_ends: Sequence[int] | np.ndarray,
    b_groups: Sequence[int] | np.ndarray,
    b_starts: Sequence[int] | np.ndarray,
    b_ends: Sequence[int] | np.ndarray,
) -> dict[str, np.ndarray]:
    """NVivo-style character agreement for many (document, code) cells in one pass.

    A *group* is one (document, code) cell with text length ``lengths[g]``; coder A's
    segments are ``(a_groups[i], a_starts[i], a_ends[i])`` (end exclusive), likewise for B.
    Segments may overlap within a coder (they are merged). Returns arrays indexed by group:
    ``both``, ``a_only``, ``b_only``, ``neither`` (character counts), ``percent_agreement``
    (0..1) and ``kappa`` (1.0 when expected agreement is 1; nan for an empty text).
    """
    lens = np.asarray(lengths, dtype=np.int64)
    ag, as_, ae = (np.asarray(x, dtype=np.int64) for x in (a_groups, a_starts, a_ends))
    bg, bs, be = (np.asarray(x, dtype=np.int64) for x in (b_groups, b_starts, b_ends))
    _check_in_range(ag, as_, ae, lens, "Coder A")
    _check_in_range(bg, bs, be, lens, "Coder B")
    # Lay all groups end to end on one line, one empty character apart, so that merging never
    # joins two groups.
    offset = np.concatenate([[0], np.cumsum(lens + 1)[:-1]])
    merged_a = _merge_groups(offset, ag, as_, ae)
    merged_b = _merge_groups(offset, bg, bs, be)
    return _character_counts(lens, merged_a, merged_b)


def _merge_groups(
    offset: np.ndarray, groups: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One coder's segments merged per group on the line where group g begins at
    ``offset[g]`` (groups one empty character apart): union starts, ends and groups, sorted."""
    line_s, line_e = offset[groups] + starts, offset[groups] + ends
    keep = line_e > line_s
    line_s, line_e, groups = line_s[keep], line_e[keep], groups[keep]
    if line_s.size == 0:
        return line_s, line_e, groups
    if np.any(line_s[1:] < line_s[:-1]):
        order = np.argsort(line_s, kind="stable")
        line_s, line_e, groups = line_s[order], line_e[order], groups[order]
    reach = np.maximum.accumulate(line_e)
    new = np.empty(line_s.size, dtype=bool)
    new[0] = True
    new[1:] = line_s[1:] > reach[:-1]
    first = np.flatnonzero(new)
    last = np.append(first[1:] - 1, line_s.size - 1)
    return line_s[first], reach[last], groups[first]


def _character_counts(
    lens: np.ndarray,
    merged_a: tuple[np.ndarray, np.ndarray, np.ndarray],
    merged_b: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> dict[str, np.ndarray]:
    """:func:`character_agreement_batch` from both coders' merged segments
    (:func:`_merge_groups` on the same line)."""
    n = lens.size
    ma_s, ma_e, ga = merged_a
    mb_s, mb_e, gb = merged_b
    cov_a = np.bincount(ga, weights=ma_e - ma_s, minlength=n)
    cov_b = np.bincount(gb, weights=mb_e - mb_s, minlength=n)
    both = _intersection_by_group(ma_s, ma_e, mb_s, mb_e, gb, n)
    total = lens.astype(float)
    a_only = cov_a - both
    b_only = cov_b - both
    neither = total - cov_a - cov_b + both
    with np.errstate(divide="ignore", invalid="ignore"):
        agree = both + neither
        percent = np.where(total > 0, agree / np.where(total > 0, total, 1), np.nan)
        expected = (cov_a * cov_b + (total - cov_a) * (total - cov_b)) / np.where(
            total > 0, total, 1
        )
        denom = total - expected
        kappa = np.where(
            total == 0,
            np.nan,
            np.where(denom > 0, (agree - expected) / np.where(denom > 0, denom, 1), 1.0),
        )
    return {
        "both": both.astype(np.int64),
        "a_only": a_only.astype(np.int64),
        "b_only": b_only.astype(np.int64),
        "neither": neither.astype(np.int64),
        "percent_agreement": percent,
        "kappa": kappa,
    }


def character_agreement(
    length: int, segs_a: Iterable[Sequence[int]], segs_b: Iterable[Sequence[int]]
) -> dict[str, float]:
    """NVivo's per-code, per-document agreement with every character a unit.

    ``segs_a``/``segs_b`` are ``(start, end)`` pairs (end exclusive), possibly overlapping
    within a coder. Returns counts ``both``, ``a_only``, ``b_only``, ``neither`` and
    ``percent_agreement`` (0..1) and ``kappa`` (Cohen's kappa over characters; 1.0 when both
    coders coded nothing or everything).
    """
    a_s, a_e = _as_segments(segs_a, "Coder A")
    b_s, b_e = _as_segments(segs_b, "Coder B")
    res = character_agreement_batch(
        [length],
        np.zeros(a_s.size, dtype=np.int64),
        a_s,
        a_e,
        np.zeros(b_s.size, dtype=np.int64),
        b_s,
        b_e,
    )
    out: dict[str, float] = {}
    for key, arr in res.items():
        out[key] = int(arr[0]) if arr.dtype.kind == "i" else float(arr[0])
    return out


def _best_overlap(
    s1: np.ndarray, e1: np.ndarray, s2: np.ndarray, e2: np.ndarray, reach2: np.ndarray
) -> np.ndarray:
    """For each segment of side 1, its largest overlap with a single segment of side 2.

    Positions are on one line (groups laid apart); side 2 is sorted by start and ``reach2``
    is the running maximum of its ends. Only the side-2 segments between the first one
    reaching past a segment's start and the last one starting before its end are paired
    with it, so work is proportional to the number of (nearly) overlapping pairs.
    """
    best = np.zeros(s1.size, dtype=np.int64)
    if s1.size == 0 or s2.size == 0:
        return best
    lo = np.searchsorted(reach2, s1, side="right")
    hi = np.searchsorted(s2, e1, side="left")
    reps = np.maximum(hi - lo, 0)
    total = int(reps.sum())
    if total == 0:
        return best
    has = np.flatnonzero(reps)
    reps = reps[has]
    i = np.repeat(has, reps)
    first = np.cumsum(reps) - reps
    j = np.repeat(lo[has] - first, reps) + np.arange(total)
    overlap = np.maximum(np.minimum(e1[i], e2[j]) - np.maximum(s1[i], s2[j]), 0)
    best[has] = np.maximum.reduceat(overlap, first)
    return best


def segment_agreement_batch(
    n_groups: int,
    a_groups: Sequence[int] | np.ndarray,
    a_starts: Sequence[int] | np.ndarray,
    a_ends: Sequence[int] | np.ndarray,
    b_groups: Sequence[int] | np.ndarray,
    b_starts: Sequence[int] | np.ndarray,
    b_ends: Sequence[int] | np.ndarray,
    min_overlap: float = 0.9,
) -> dict[str, np.ndarray]:
    """MAXQDA-style segment agreement for many (document, code) cells at once.

    A segment of A agrees when one segment of B in the same group overlaps at least
    ``min_overlap`` of the A segment's length (and vice versa). Empty segments are ignored.
    Returns per-group arrays ``a_segments``, ``a_agree``, ``b_segments``, ``b_agree``,
    ``agree`` (= a_agree + b_agree), ``total`` and ``percent`` (agree / total; nan if no
    segments). Work is proportional to the number of (nearly) overlapping pairs of segments.
    """
    if not 0.0 < min_overlap <= 1.0:
        raise AgreementError(f"min_overlap must lie in (0, 1], got {min_overlap}.")
    ag, as_, ae = (np.asarray(x, dtype=np.int64) for x in (a_groups, a_starts, a_ends))
    bg, bs, be = (np.asarray(x, dtype=np.int64) for x in (b_groups, b_starts, b_ends))
    for name, g, s, e in (("Coder A", ag, as_, ae), ("Coder B", bg, bs, be)):
        if g.size and (g.min() < 0 or g.max() >= n_groups):
            raise AgreementError(f"{name}: a group index lies outside 0..{n_groups - 1}.")
        if np.any(e < s):
            k = int(np.flatnonzero(e < s)[0])
            raise AgreementError(f"{name}: segment ({s[k]}, {e[k]}) ends before it starts.")

    # Every group on one line, ``span`` apart, so that no segment meets another group's.
    span = int(max(ae.max(initial=0), be.max(initial=0))) + 1

    def prepared(g: np.ndarray, s: np.ndarray, e: np.ndarray):
        keep = e > s
        g, s, e = g[keep], s[keep], e[keep]
        line_s, line_e = g * span + s, g * span + e
        if line_s.size > 1 and np.any(line_s[1:] < line_s[:-1]):
            order = np.argsort(line_s, kind="stable")
            g, s, e, line_s, line_e = g[order], s[order], e[order], line_s[order], line_e[order]
        reach = np.maximum.accumulate(line_e) if line_e.size else line_e
        return g, s, e, line_s, line_e, reach

    ag, as_, ae, a_ls, a_le, a_reach = prepared(ag, as_, ae)
    bg, bs, be, b_ls, b_le, b_reach = prepared(bg, bs, be)
    best_a = _best_overlap(a_ls, a_le, b_ls, b_le, b_reach)
    best_b = _best_overlap(b_ls, b_le, a_ls, a_le, a_reach)
    ok_a = best_a >= min_overlap * (ae - as_) - 1e-9
    ok_b = best_b >= min_overlap * (be - bs) - 1e-9
    a_tot = np.bincount(ag, minlength=n_groups)
    b_tot = np.bincount(bg, minlength=n_groups)
    a_ok = np.bincount(ag, weights=ok_a, minlength=n_groups).astype(np.int64)
    b_ok = np.bincount(bg, weights=ok_b, minlength=n_groups).astype(np.int64)
    agree = a_ok + b_ok
    total = a_tot + b_tot
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(total > 0, agree / np.where(total > 0, total, 1), np.nan)
    return {
        "a_segments": a_tot,
        "a_agree": a_ok,
        "b_segments": b_tot,
        "b_agree": b_ok,
        "agree": agree,
        "total": total,
        "percent": percent,
    }


def segment_agreement(
    segs_a: Iterable[Sequence[int]], segs_b: Iterable[Sequence[int]], min_overlap: float = 0.9
) -> dict[str, float]:
    """MAXQDA-style agreement of coded segments for one code in one document.

    See :func:`segment_agreement_batch`; returns the same keys as plain numbers.
    """
    a_s, a_e = _as_segments(segs_a, "Coder A")
    b_s, b_e = _as_segments(segs_b, "Coder B")
    res = segment_agreement_batch(
        1,
        np.zeros(a_s.size, dtype=np.int64),
        a_s,
        a_e,
        np.zeros(b_s.size, dtype=np.int64),
        b_s,
        b_e,
        min_overlap=min_overlap,
    )
    return {k: (int(v[0]) if v.dtype.kind == "i" else float(v[0])) for k, v in res.items()}


# ---------------------------------------------------------------------------------------------
# Unitizing alpha
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Continuum:
    """One coded text: its length and, per coder, ``(start, end, code)`` segments.

    ``end`` is exclusive; positions are code points. ``name`` (e.g. the document's file name)
    is used in error messages.
    """

    length: int
    segments: Mapping[Hashable, Sequence[tuple[int, int, Hashable]]]
    name: str = ""


@dataclass(frozen=True)
class UnitizingAlpha:
    """Results of :func:`unitizing_alpha`; nan where a coefficient is undefined."""

    per_code: dict[Hashable, float]
    pooled: float
    observed_per_code: dict[Hashable, float]
    expected_per_code: dict[Hashable, float]
    u_alpha: float | None = None
    binary_alpha: float | None = None
    cu_alpha: float | None = None
    cu_alpha_per_code: dict[Hashable, float] = field(default_factory=dict)
    coders: tuple[Hashable, ...] = ()
    codes: tuple[Hashable, ...] = ()
    family_error: str = ""  # why the 2016 family was not computed (family="if_valid")


def _normalise_continua(
    continua: Iterable[Continuum | tuple[int, Mapping[Hashable, Sequence[Any]]]],
    coders: Sequence[Hashable] | None,
    codes: Sequence[Hashable] | None,
) -> tuple[list[Continuum], list[Hashable], list[Hashable]]:
    items: list[Continuum] = []
    for k, c in enumerate(continua):
        if isinstance(c, Continuum):
            items.append(c)
        else:
            length, segs = c[0], c[1]
            items.append(Continuum(int(length), segs, name=f"continuum {k + 1}"))
    if not items:
        raise AgreementError("Unitizing alpha needs at least one continuum (document).")
    coder_list: list[Hashable] = list(coders) if coders is not None else []
    if coders is None:
        for c in items:
            for coder in c.segments:
                if coder not in coder_list:
                    coder_list.append(coder)
    if len(coder_list) < 2:
        raise AgreementError(f"Unitizing alpha needs at least two coders; found {len(coder_list)}.")
    code_list: list[Hashable] = list(codes) if codes is not None else []
    if codes is None:
        seen: set[Hashable] = set()
        for c in items:
            for segs in c.segments.values():
                for seg in segs:
                    if seg[2] not in seen:
                        seen.add(seg[2])
                        code_list.append(seg[2])
    return items, coder_list, code_list


def _label(c: Continuum, k: int) -> str:
    return c.name or f"continuum {k + 1}"


def unitizing_alpha(
    continua: Iterable[Continuum | tuple[int, Mapping[Hashable, Sequence[Any]]]],
    *,
    coders: Sequence[Hashable] | None = None,
    codes: Sequence[Hashable] | None = None,
    family: bool = True,
) -> UnitizingAlpha:
    """Krippendorff's unitizing alphas for coded text (see the module docstring).

    ``continua``: :class:`Continuum` objects or ``(length, {coder: [(start, end, code)]})``.
    ``coders``: the coders to compare (default: every coder that appears; a listed coder
    without segments in a continuum coded nothing there). ``codes``: restrict to these codes
    (e.g. one semantic domain); default all codes seen. ``family=False`` computes only the
    per-code uα, which allows codes to overlap within a coder. With ``family=True`` (the
    2016 coefficients) codes must not overlap within a coder, otherwise AgreementError.

    Overlapping segments of the same code by the same coder are merged; segments of the same
    code that merely touch stay separate units.
    """
    items, coder_list, code_list = _normalise_continua(continua, coders, codes)
    code_pos = {c: i for i, c in enumerate(code_list)}
    lengths = np.array([c.length for c in items], dtype=np.int64)
    if np.any(lengths < 0):
        raise AgreementError("A continuum has a negative length.")
    doc_off = np.concatenate([[0], np.cumsum(lengths)[:-1]])

    # Per coder: arrays of (code index, global start, global end), validated.
    per_coder: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for coder in coder_list:
        cs: list[np.ndarray] = []
        ss: list[np.ndarray] = []
        es: list[np.ndarray] = []
        for k, c in enumerate(items):
            segs = c.segments.get(coder, ())
            if not segs:
                continue
            starts, ends, seg_codes = zip(*((x[0], x[1], x[2]) for x in segs), strict=True)
            start = np.array(starts, dtype=np.int64)
            end = np.array(ends, dtype=np.int64)
            code = np.array([code_pos.get(x, -1) for x in seg_codes], dtype=np.int64)
            bad = (start < 0) | (end > c.length) | (end < start)
            if np.any(bad):
                b = int(np.flatnonzero(bad)[0])
                raise AgreementError(
                    f"{_label(c, k)}: coder {coder!r} has segment ({start[b]}, {end[b]}) for "
                    f"code {seg_codes[b]!r} outside the text of length {c.length}."
                )
            keep = (code >= 0) & (end > start)
            cs.append(code[keep])
            ss.append(start[keep] + doc_off[k])
            es.append(end[keep] + doc_off[k])
        empty = np.zeros(0, dtype=np.int64)
        per_coder.append(
            (
                np.concatenate(cs) if cs else empty,
                np.concatenate(ss) if ss else empty,
                np.concatenate(es) if es else empty,
            )
        )

    return _unitizing_core(per_coder, items, coder_list, code_list, family)


def unitizing_alpha_arrays(
    lengths: Sequence[int] | np.ndarray,
    coder: Sequence[int] | np.ndarray,
    document: Sequence[int] | np.ndarray,
    code: Sequence[int] | np.ndarray,
    start: Sequence[int] | np.ndarray,
    end: Sequence[int] | np.ndarray,
    *,
    n_coders: int,
    n_codes: int,
    names: Sequence[str] | None = None,
    family: bool | str = True,
) -> UnitizingAlpha:
    """:func:`unitizing_alpha` for segments given as parallel arrays (no Python objects).

    ``lengths[d]`` is the length of document d; segment i is ``[start[i], end[i])`` of
    document ``document[i]`` coded by coder ``coder[i]`` (0..n_coders-1) with code
    ``code[i]`` (0..n_codes-1). Coders and codes in the result are these indices. ``names``
    label the documents in error messages. ``family="if_valid"`` computes the 2016 family only
    when codes never overlap within a coder and otherwise returns the per-code result with
    the reason in ``family_error``.
    """
    lens = np.asarray(lengths, dtype=np.int64)
    if np.any(lens < 0):
        raise AgreementError("A continuum has a negative length.")
    cod, doc, cde, st, en = (
        np.asarray(x, dtype=np.int64) for x in (coder, document, code, start, end)
    )
    if doc.size and (doc.min() < 0 or doc.max() >= lens.size):
        raise AgreementError("A segment refers to a document that does not exist.")
    if cod.size and (cod.min() < 0 or cod.max() >= n_coders):
        raise AgreementError("A segment refers to a coder that does not exist.")
    if n_coders < 2:
        raise AgreementError(f"Unitizing alpha needs at least two coders; found {n_coders}.")
    labels = list(names) if names is not None else [f"continuum {k + 1}" for k in range(lens.size)]
    items = [Continuum(int(n), {}, name=labels[k]) for k, n in enumerate(lens.tolist())]
    doc_off = np.concatenate([[0], np.cumsum(lens)[:-1]]) if lens.size else lens
    bad = (st < 0) | (en > lens[doc]) | (en < st)
    if np.any(bad):
        b = int(np.flatnonzero(bad)[0])
        raise AgreementError(
            f"{labels[doc[b]]}: coder {int(cod[b])} has segment ({st[b]}, {en[b]}) for code "
            f"{int(cde[b])} outside the text of length {lens[doc[b]]}."
        )
    keep = (cde >= 0) & (cde < n_codes) & (en > st)
    per_coder = []
    for k in range(n_coders):
        sel = keep & (cod == k)
        per_coder.append((cde[sel], st[sel] + doc_off[doc[sel]], en[sel] + doc_off[doc[sel]]))
    return _unitizing_core(per_coder, items, list(range(n_coders)), list(range(n_codes)), family)


def _unitizing_core(
    per_coder: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
    items: list[Continuum],
    coder_list: list[Hashable],
    code_list: list[Hashable],
    family: bool | str,
) -> UnitizingAlpha:
    """Per-code uα and (``family``) the 2016 family from per-coder (code, start, end) arrays
    on the continua laid end to end."""
    m = len(coder_list)
    n_codes = len(code_list)
    lengths = np.array([c.length for c in items], dtype=np.int64)
    doc_off = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    total_len = int(lengths.sum())
    # Each coder's units, merged once (sorted by code, start) for the per-code alphas and the
    # partitions of the 2016 family.
    span = total_len + 1
    units = [_merge_same_code(c, s, e, span) for c, s, e in per_coder]
    d_o, d_e = _per_code_alpha_2004(units, n_codes, lengths, doc_off, total_len, m)
    with np.errstate(divide="ignore", invalid="ignore"):
        per = np.where(d_e > 0, 1.0 - d_o / np.where(d_e > 0, d_e, 1.0), np.nan)
    pooled = float(1.0 - d_o.sum() / d_e.sum()) if d_e.sum() > 0 else float("nan")
    result = UnitizingAlpha(
        per_code={c: float(per[i]) for i, c in enumerate(code_list)},
        pooled=pooled,
        observed_per_code={c: float(d_o[i]) for i, c in enumerate(code_list)},
        expected_per_code={c: float(d_e[i]) for i, c in enumerate(code_list)},
        coders=tuple(coder_list),
        codes=tuple(code_list),
    )
    if not family:
        return result
    try:
        parts = [
            _partition(u, items, doc_off, coder, code_list)
            for u, coder in zip(units, coder_list, strict=True)
        ]
    except AgreementError as exc:
        if family != "if_valid":
            raise
        return UnitizingAlpha(**{**result.__dict__, "family_error": str(exc)})
    u, binary, cu, cu_per = _family_2016(parts, n_codes, total_len, m)
    return UnitizingAlpha(
        per_code=result.per_code,
        pooled=pooled,
        observed_per_code=result.observed_per_code,
        expected_per_code=result.expected_per_code,
        u_alpha=u,
        binary_alpha=binary,
        cu_alpha=cu,
        cu_alpha_per_code={c: float(cu_per[i]) for i, c in enumerate(code_list)},
        coders=tuple(coder_list),
        codes=tuple(code_list),
    )


def _sort_order(keys: Sequence[np.ndarray], bounds: Sequence[int]) -> np.ndarray:
    """Indices sorting by ``keys[0]``, then ``keys[1]``, ... (each non-negative and below its
    bound). The keys are packed into one integer when they fit (one quicksort instead of a
    lexsort); ties, if any, come in no particular order."""
    size = 1
    for b in bounds:
        size *= max(int(b), 1)
    if size < 2**62:
        packed = keys[0].astype(np.int64, copy=True)
        for k, b in zip(keys[1:], bounds[1:], strict=True):
            packed *= max(int(b), 1)
            packed += k
        return np.argsort(packed)
    return np.lexsort(tuple(reversed(keys)))


def _merge_same_code(
    codes: np.ndarray, starts: np.ndarray, ends: np.ndarray, span: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Merge overlapping (not merely touching) segments of the same code; sorted by code, start."""
    if codes.size == 0:
        return codes, starts, ends
    key_s = codes * span + starts
    if np.any(key_s[1:] < key_s[:-1]):
        # The order among equal starts does not matter: a non-empty segment starting where
        # another one starts overlaps it, so both end up in the same unit.
        order = np.argsort(key_s)
        codes, key_s, ends = codes[order], key_s[order], ends[order]
    c, s, e = codes, key_s, codes * span + ends
    reach = np.maximum.accumulate(e)
    new = np.empty(s.size, dtype=bool)
    new[0] = True
    new[1:] = s[1:] >= reach[:-1]  # touching (s == previous reach) starts a new unit
    first = np.flatnonzero(new)
    last = np.append(first[1:] - 1, s.size - 1)
    c = c[first]
    return c, s[first] - c * span, reach[last] - c * span


def _gaps(
    units: tuple[np.ndarray, np.ndarray, np.ndarray],
    n_codes: int,
    lengths: np.ndarray,
    doc_off: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Code and length of every non-empty gap of one coder: per code and document, the text
    before, between and after the coder's units of that code (units sorted by code, start,
    disjoint within a code, each inside one document)."""
    c, s, e = units
    n_docs = lengths.size
    n_cells = n_codes * n_docs
    d = np.searchsorted(doc_off, s, side="right") - 1
    cell = c * n_docs + d
    change = cell[1:] != cell[:-1]
    first = np.concatenate([[True], change]) if cell.size else np.zeros(0, dtype=bool)
    last = np.concatenate([change, [True]]) if cell.size else np.zeros(0, dtype=bool)
    empty = np.flatnonzero(np.bincount(cell, minlength=n_cells) == 0)
    inner = ~change
    gap_code = np.concatenate([c[1:][inner], c[first], c[last], empty // n_docs])
    gap_len = np.concatenate(
        [
            s[1:][inner] - e[:-1][inner],
            s[first] - doc_off[d[first]],
            doc_off[d[last]] + lengths[d[last]] - e[last],
            lengths[empty % n_docs],
        ]
    )
    keep = gap_len > 0
    return gap_code[keep], gap_len[keep]


def _gaps_fitting(
    unit_code: np.ndarray,
    unit_len: np.ndarray,
    gap_code: np.ndarray,
    gap_len: np.ndarray,
    n_codes: int,
    lengths: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """For every unit, the number of gaps of its code at least as long as the unit and the
    sum of (gap length - unit length + 1) over them (Krippendorff 2004, expected
    disagreement), as floats: gaps sorted by (code, length), units searched in key order."""
    big = int(lengths.max(initial=0)) + 2  # longer than any unit or gap
    # Gaps sorted by (code, length) as one integer key; equal keys are equal gaps.
    gap_key = np.sort(gap_code * big + gap_len)
    gap_sorted = (gap_key % big).astype(float)
    gap_cum = np.concatenate([[0.0], np.cumsum(gap_sorted + 1.0)])
    unit_key = unit_code * big + unit_len
    by_key = np.argsort(unit_key)
    first = np.empty(unit_key.size, dtype=np.int64)
    first[by_key] = np.searchsorted(gap_key, unit_key[by_key], side="left")
    code_stop = np.searchsorted(gap_key, (np.arange(n_codes) + 1) * big, side="left")
    stop = code_stop[unit_code]
    n_fit = (stop - first).astype(float)
    return n_fit, gap_cum[stop] - gap_cum[first] - n_fit * unit_len  # sum (l_h - l_g + 1)


def _per_code_alpha_2004(
    units: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
    n_codes: int,
    lengths: np.ndarray,
    doc_off: np.ndarray,
    total_len: int,
    m: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Observed and expected disagreement per code, Krippendorff (2004) uα, from each coder's
    merged units (sorted by code, start)."""
    span = total_len + 1
    # Units as positions on one line per code: code * span + position.
    lines = [(c, c * span + s, c * span + e) for c, s, e in units]
    numer = np.zeros(n_codes)
    for i in range(m):
        ci, si, ei = lines[i]
        for j in range(i + 1, m):
            cj, sj, ej = lines[j]
            # Units of j overlapping unit x of i: lo[x] <= y < hi[x] (units of a code are
            # disjoint and sorted, so their ends are sorted too). Each overlapping pair counts
            # for (i, j) and (j, i); a unit overlapping nothing lies in a gap of the other
            # coder: l^2, also counted twice.
            lo = np.searchsorted(ej, si, side="right")
            hi = np.searchsorted(sj, ei, side="left")
            reps = np.maximum(hi - lo, 0)
            lone = reps == 0
            numer += 2.0 * np.bincount(ci[lone], weights=(ei - si)[lone] ** 2.0, minlength=n_codes)
            total = int(reps.sum())
            matched_j = np.zeros(sj.size, dtype=bool)
            if total:
                g = np.repeat(np.arange(si.size), reps)
                h = np.repeat(lo, reps) + (
                    np.arange(total) - np.repeat(np.cumsum(reps) - reps, reps)
                )
                matched_j[h] = True
                dist = (si[g] - sj[h]) ** 2.0 + (ei[g] - ej[h]) ** 2.0
                numer += 2.0 * np.bincount(ci[g], weights=dist, minlength=n_codes)
            lone_j = ~matched_j
            numer += 2.0 * np.bincount(
                cj[lone_j], weights=(ej - sj)[lone_j] ** 2.0, minlength=n_codes
            )
    big_l = float(total_len)
    d_o = numer / (m * (m - 1) * big_l * big_l) if total_len > 0 else np.zeros(n_codes)

    # Expected disagreement: all units of a code (all coders) against all gaps of that code.
    unit_code = np.concatenate([u[0] for u in units])
    unit_len_i = np.concatenate([u[2] - u[1] for u in units])
    unit_len = unit_len_i.astype(float)
    n_units = np.bincount(unit_code, minlength=n_codes).astype(float)
    gaps = [_gaps(u, n_codes, lengths, doc_off) for u in units]
    gap_code = np.concatenate([g[0] for g in gaps])
    gap_len = np.concatenate([g[1] for g in gaps])
    n_fit, fit_sum = _gaps_fitting(unit_code, unit_len_i, gap_code, gap_len, n_codes, lengths)
    ln = unit_len
    term = (n_units[unit_code] - 1.0) * (2 * ln**3 - 3 * ln**2 + ln) / 3.0 + ln**2 * fit_sum
    numer_e = np.bincount(unit_code, weights=term, minlength=n_codes)
    self_pairs = np.bincount(unit_code, weights=ln * (ln - 1.0), minlength=n_codes)
    ml = m * big_l
    denom = ml * (ml - 1.0) - self_pairs
    with np.errstate(divide="ignore", invalid="ignore"):
        d_e = np.where(denom > 0, (2.0 / big_l) * numer_e / np.where(denom > 0, denom, 1), 0.0)
    return d_o, d_e


def _partition(
    units: tuple[np.ndarray, np.ndarray, np.ndarray],
    items: list[Continuum],
    doc_off: np.ndarray,
    coder: Hashable,
    code_list: list[Hashable],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A coder's merged units sorted by start; AgreementError if two codes overlap."""
    c, s, e = units
    if c.size == 0:
        return c, s, e
    span = int(doc_off[-1] + items[-1].length) + 1
    order = _sort_order((s, e, c), (span, span, len(code_list)))
    c, s, e = c[order], s[order], e[order]
    clash = np.flatnonzero(s[1:] < np.maximum.accumulate(e)[:-1])
    if clash.size:
        k = int(clash[0]) + 1
        prev = int(np.flatnonzero(e[:k] > s[k])[0])
        doc = int(np.searchsorted(doc_off, s[k], side="right") - 1)
        off = int(doc_off[doc])
        raise AgreementError(
            f"{_label(items[doc], doc)}: coder {coder!r} applied code {code_list[c[prev]]!r} "
            f"({s[prev] - off}-{e[prev] - off}) and code {code_list[c[k]]!r} "
            f"({s[k] - off}-{e[k] - off}) to overlapping text. The cu-alpha family needs "
            f"mutually exclusive codes (one semantic domain); use family=False for per-code "
            f"alpha only."
        )
    return c, s, e


def _family_2016(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], n_codes: int, total_len: int, m: int
) -> tuple[float, float, float, np.ndarray]:
    """uα, |uα, cuα and (k)uα (Krippendorff et al. 2016) from coders' partitions."""
    gap = n_codes  # value index of gaps
    v = n_codes + 1
    obs = np.zeros((v, v))
    overlap_sq = np.zeros(n_codes)
    for i in range(m):
        ci, si, ei = parts[i]
        for j in range(m):
            if i == j:
                continue
            _, sj, ej = parts[j]
            cj = parts[j][0]
            points = np.unique(np.concatenate([[0, total_len], si, ei, sj, ej]))
            left, width = points[:-1], np.diff(points)
            ki = np.searchsorted(si, left, side="right") - 1
            kj = np.searchsorted(sj, left, side="right") - 1
            in_i = (
                (ki >= 0) & (ei[np.maximum(ki, 0)] > left) if si.size else np.zeros_like(left, bool)
            )
            in_j = (
                (kj >= 0) & (ej[np.maximum(kj, 0)] > left) if sj.size else np.zeros_like(left, bool)
            )
            vi = np.where(in_i, ci[np.maximum(ki, 0)] if ci.size else 0, gap)
            vj = np.where(in_j, cj[np.maximum(kj, 0)] if cj.size else 0, gap)
            obs += np.bincount(vi * v + vj, weights=width, minlength=v * v).reshape(v, v)
            both = in_i & in_j
            if np.any(both):
                per_seg = np.bincount(ki[both], weights=width[both], minlength=si.size)
                overlap_sq += np.bincount(ci, weights=per_seg**2, minlength=n_codes)
    obs /= m - 1
    total = obs.sum()
    # Self-pairing corrections: l^2 per valued segment, l per gap character.
    corr = np.zeros(v)
    for ci, si, ei in parts:
        corr[:n_codes] += np.bincount(ci, weights=(ei - si) ** 2.0, minlength=n_codes)
        corr[gap] += total_len - float((ei - si).sum())
    margin = obs.sum(axis=1)

    def expected(mat_margin: np.ndarray, correction: np.ndarray, tot: float) -> np.ndarray:
        denom = tot - correction.sum() / tot
        exp = np.outer(mat_margin, mat_margin)
        exp[np.diag_indices_from(exp)] -= correction
        return exp / denom if denom > 0 else np.full_like(exp, np.nan)

    def one_minus(d_o: float, d_e: float) -> float:
        if not np.isfinite(d_e) or d_e <= 0:
            return float("nan")
        return float(1.0 - d_o / d_e)

    if total <= 0:
        return float("nan"), float("nan"), float("nan"), np.full(n_codes, np.nan)
    exp = expected(margin, corr, total)
    u = one_minus(total - np.trace(obs), total - np.trace(exp))
    binary = one_minus(
        obs[gap, :n_codes].sum() + obs[:n_codes, gap].sum(),
        exp[gap, :n_codes].sum() + exp[:n_codes, gap].sum(),
    )
    star = obs[:n_codes, :n_codes]
    star_tot = star.sum()
    cu = float("nan")
    cu_per = np.full(n_codes, np.nan)
    if star_tot > 0:
        star_margin = star.sum(axis=1)
        exp_star = expected(star_margin, overlap_sq / (m - 1), star_tot)
        cu = one_minus(star_tot - np.trace(star), exp_star.sum() - np.trace(exp_star))
        exp_margin = exp_star.sum(axis=0)
        for k in range(n_codes):
            l_k, l_kk = star_margin[k], star[k, k]
            e_k, e_kk = exp_margin[k], exp_star[k, k]
            if l_k > 0 and np.isfinite(e_k) and e_k - e_kk > 0:
                cu_per[k] = 1.0 - (e_k / l_k) * (l_k - l_kk) / (e_k - e_kk)
    return u, binary, cu, cu_per
