"""Agreement statistics against published worked examples and brute-force references.

Sources (value checked in brackets):
- Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  Communication, Departmental Papers 43. Sec. C (4 coders x 12 units, missing values):
  nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797; sec. A (2 coders, binary): 0.095.
- Cohen, J. (1960). A coefficient of agreement for nominal scales. EPM 20(1):37-46, p. 45
  table (200 units, 3 categories): p_o 0.70, p_e 0.41, kappa 0.492.
- Brennan, R.L. & Prediger, D.J. (1981). Coefficient kappa: some uses, misuses, and
  alternatives. EPM 41(3):687-699, example p. 689 (proportions x 100): kappa 0.27, kappa_n 0.40.
- Fleiss, J.L. (1971). Measuring nominal scale agreement among many raters. Psych. Bull.
  76(5):378-382, table p. 379 (30 subjects, 6 raters, 5 categories): P 0.556, P_e 0.220,
  kappa 0.430.
- ATLAS.ti 9 manual, "Methods for testing ICA", percent agreement example: 6/10 = 0.6.
- Krippendorff, K. (2004). Content Analysis, 2nd ed., ch. 11, p. 254, unitizing example
  (continuum 150-450, 2 coders, categories c and k): D_o(c) 0.0144, D_e(c) 0.0532,
  alpha_c 0.7286, alpha_k 1.0, overall 0.859 (the same figures are used by DKPro Statistics'
  Krippendorff2004Test).
- Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological
  Methodology 25:47-76, p. 57, examples A-D (24 positions): observed disagreements 0.03125,
  2.26736, 0.02778, 0.38715 and alphas 0.553, -0.926, 0.679, 0.066. The 1995 expected
  disagreement treated the continuum as continuous, so the alphas are reproduced (within
  0.02) when the same example is stretched over a long continuum, as DKPro Statistics
  documents; the observed disagreements match exactly.
- No published worked example with numbers was available for the 2016 cu-alpha family
  (Krippendorff, Mathet, Bouvry & Widlöcher, Q&Q 50, 2016); those coefficients are validated
  against an independent per-character brute-force implementation below, plus hand cases.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from coding.agreement import (
    AgreementError,
    Continuum,
    bootstrap_alpha,
    brennan_prediger_kappa,
    character_agreement,
    character_agreement_batch,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
    segment_agreement,
    segment_agreement_batch,
    unitizing_alpha,
)
from coding.errors import TematikError

N = None
KRIPP_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def _expand(cells: list[tuple[int, int, int]]) -> tuple[list[int], list[int]]:
    a: list[int] = []
    b: list[int] = []
    for count, x, y in cells:
        a += [x] * count
        b += [y] * count
    return a, b


# --------------------------------------------------------------------------- predefined units


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_worked_example(level: str, published: float) -> None:
    assert krippendorff_alpha(KRIPP_2011, level) == pytest.approx(published, abs=5e-4)
    as_array = np.array(KRIPP_2011, dtype=float)  # None -> nan
    assert krippendorff_alpha(as_array, level) == pytest.approx(published, abs=5e-4)


def test_krippendorff_2011_binary_example() -> None:
    data = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    assert krippendorff_alpha(data) == pytest.approx(0.095, abs=5e-4)


def test_krippendorff_nominal_accepts_any_labels() -> None:
    names = {1: "barrier", 2: "motive", 3: "pay", 4: "family", 5: "status"}
    labelled = [[names.get(v) if v is not None else None for v in row] for row in KRIPP_2011]
    assert krippendorff_alpha(labelled) == pytest.approx(krippendorff_alpha(KRIPP_2011))


def test_krippendorff_undefined_and_invalid() -> None:
    assert math.isnan(krippendorff_alpha([[1, 1, 1], [1, 1, 1]]))  # no variation
    assert math.isnan(krippendorff_alpha([[1, None], [None, 2]]))  # nothing pairable
    with pytest.raises(AgreementError, match="level"):
        krippendorff_alpha(KRIPP_2011, "cardinal")
    with pytest.raises(AgreementError, match="numbers"):
        krippendorff_alpha([["a", "b"], ["a", "a"]], "interval")


def test_cohen_1960_example() -> None:
    a, b = _expand(
        [(88, 1, 1), (14, 1, 2), (18, 1, 3), (10, 2, 1), (40, 2, 2), (10, 2, 3)]
        + [(2, 3, 1), (6, 3, 2), (12, 3, 3)]
    )
    assert percent_agreement(a, b) == pytest.approx(0.70)
    assert cohen_kappa(a, b) == pytest.approx(0.492, abs=5e-4)


def test_brennan_prediger_1981_example() -> None:
    a, b = _expand([(50, 1, 1), (10, 2, 1), (10, 2, 2), (10, 2, 3), (20, 3, 1)])
    assert cohen_kappa(a, b) == pytest.approx(0.27, abs=5e-3)
    assert brennan_prediger_kappa(a, b, 3) == pytest.approx(0.40, abs=5e-3)
    with pytest.raises(AgreementError, match="n_categories"):
        brennan_prediger_kappa(a, b, 2)


def test_percent_agreement_atlas_manual_example() -> None:
    coder1 = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    coder2 = [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
    assert percent_agreement(coder1, coder2) == pytest.approx(0.6)


def test_cohen_kappa_conventions_and_errors() -> None:
    assert cohen_kappa(["x"] * 5, ["x"] * 5) == 1.0  # p_e == 1: defined as 1
    assert cohen_kappa([1, 0, 1, 0], [0, 1, 0, 1]) == pytest.approx(-1.0)
    with pytest.raises(AgreementError, match="3 labels"):
        cohen_kappa([1, 2, 3], [1, 2])
    with pytest.raises(TematikError):
        percent_agreement([], [])


FLEISS_1971 = [
    (4, 4, 4, 4, 4, 4), (2, 2, 2, 5, 5, 5), (2, 3, 3, 3, 3, 5), (5, 5, 5, 5, 5, 5),
    (2, 2, 2, 4, 4, 4), (1, 1, 3, 3, 3, 3), (3, 3, 3, 3, 5, 5), (1, 1, 3, 3, 3, 4),
    (1, 1, 4, 4, 4, 4), (5, 5, 5, 5, 5, 5), (1, 4, 4, 4, 4, 4), (1, 2, 4, 4, 4, 4),
    (2, 2, 2, 3, 3, 3), (1, 4, 4, 4, 4, 4), (2, 2, 4, 4, 4, 5), (3, 3, 3, 3, 3, 5),
    (1, 1, 1, 4, 5, 5), (1, 1, 1, 1, 1, 2), (2, 2, 4, 4, 4, 4), (1, 3, 3, 5, 5, 5),
    (5, 5, 5, 5, 5, 5), (2, 4, 4, 4, 4, 4), (2, 2, 4, 5, 5, 5), (1, 1, 4, 4, 4, 4),
    (1, 4, 4, 4, 4, 5), (2, 2, 2, 2, 2, 4), (1, 1, 1, 1, 5, 5), (2, 2, 4, 4, 4, 4),
    (1, 3, 3, 3, 3, 3), (5, 5, 5, 5, 5, 5),
]  # fmt: skip


def test_fleiss_1971_example() -> None:
    table = [[row.count(c) for c in range(1, 6)] for row in FLEISS_1971]
    assert fleiss_kappa(table) == pytest.approx(0.430, abs=5e-4)
    assert fleiss_kappa(np.array(table)) == pytest.approx(0.430, abs=5e-4)
    assert fleiss_kappa([[3, 0], [3, 0]]) == 1.0
    with pytest.raises(AgreementError, match="unit 1 has 2"):
        fleiss_kappa([[3, 0], [1, 1]])


def test_bootstrap_alpha_matches_naive_unit_bootstrap() -> None:
    alpha, low, high = bootstrap_alpha(KRIPP_2011, "interval", n_boot=300, seed=7)
    assert alpha == pytest.approx(0.849, abs=5e-4)
    # Naive reference: same draws (one block), each replicate rebuilt as reliability data.
    pairable = [u for u in range(12) if sum(r[u] is not None for r in KRIPP_2011) >= 2]
    draws = np.random.default_rng(7).integers(0, len(pairable), size=(300, len(pairable)))
    naive = []
    for row in draws:
        cols = [pairable[k] for k in row]
        naive.append(krippendorff_alpha([[r[c] for c in cols] for r in KRIPP_2011], "interval"))
    finite = [x for x in naive if not math.isnan(x)]
    assert low == pytest.approx(float(np.quantile(finite, 0.025)))
    assert high == pytest.approx(float(np.quantile(finite, 0.975)))
    assert low < alpha < high
    assert bootstrap_alpha(KRIPP_2011, "interval", n_boot=300, seed=7) == (alpha, low, high)
    assert bootstrap_alpha(KRIPP_2011, "interval", n_boot=300, seed=8) != (alpha, low, high)


def test_bootstrap_alpha_ordinal_and_narrower_ci() -> None:
    a90 = bootstrap_alpha(KRIPP_2011, "ordinal", n_boot=500, seed=1, ci=0.90)
    a99 = bootstrap_alpha(KRIPP_2011, "ordinal", n_boot=500, seed=1, ci=0.99)
    assert a90[0] == pytest.approx(0.815, abs=5e-4)
    assert a99[1] <= a90[1] <= a90[2] <= a99[2]


# --------------------------------------------------------------------------- character level


def _chars(length: int, segs: list[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(length, dtype=bool)
    for s, e in segs:
        mask[s:e] = True
    return mask


def _random_segs(rng: random.Random, length: int, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        s = rng.randrange(0, length)
        out.append((s, min(length, s + rng.randrange(0, 40))))
    return out


def test_character_agreement_hand_case() -> None:
    # text of 100 chars; A codes 10-30 and 20-40 (overlap merged -> 10-40); B codes 30-50.
    res = character_agreement(100, [(10, 30), (20, 40)], [(30, 50)])
    assert (res["both"], res["a_only"], res["b_only"], res["neither"]) == (10, 20, 10, 60)
    assert res["percent_agreement"] == pytest.approx(0.70)
    expected = (30 * 20 + 70 * 80) / 100  # NVivo: EA = (cA*cB + (TU-cA)(TU-cB)) / TU
    assert res["kappa"] == pytest.approx((70 - expected) / (100 - expected))


def test_character_agreement_conventions() -> None:
    none = character_agreement(50, [], [])
    assert none["neither"] == 50 and none["kappa"] == 1.0 and none["percent_agreement"] == 1.0
    one_sided = character_agreement(50, [(0, 10)], [])
    assert one_sided["a_only"] == 10 and one_sided["kappa"] == pytest.approx(0.0)
    with pytest.raises(AgreementError, match=r"segment \(40, 60\) lies outside"):
        character_agreement(50, [(40, 60)], [])


def test_character_agreement_matches_per_character_reference() -> None:
    rng = random.Random(3)
    lengths, rows_a, rows_b = [], [], []
    for g in range(40):
        length = rng.randrange(1, 300)
        a = _random_segs(rng, length, rng.randrange(0, 8))
        b = _random_segs(rng, length, rng.randrange(0, 8))
        lengths.append(length)
        rows_a += [(g, s, e) for s, e in a]
        rows_b += [(g, s, e) for s, e in b]
        ma, mb = _chars(length, a), _chars(length, b)
        res = character_agreement(length, a, b)
        assert res["both"] == int((ma & mb).sum())
        assert res["a_only"] == int((ma & ~mb).sum())
        assert res["b_only"] == int((~ma & mb).sum())
        assert res["neither"] == int((~ma & ~mb).sum())
        labels_a, labels_b = ma.astype(int).tolist(), mb.astype(int).tolist()
        assert res["kappa"] == pytest.approx(cohen_kappa(labels_a, labels_b))
        assert res["percent_agreement"] == pytest.approx(percent_agreement(labels_a, labels_b))
    batch = character_agreement_batch(lengths, *np.array(rows_a).T, *np.array(rows_b).T)
    for g, length in enumerate(lengths):
        a = [(s, e) for gg, s, e in rows_a if gg == g]
        b = [(s, e) for gg, s, e in rows_b if gg == g]
        assert batch["both"][g] == character_agreement(length, a, b)["both"]
        assert batch["neither"][g] == character_agreement(length, a, b)["neither"]


def test_segment_agreement_hand_case() -> None:
    # A: 0-100 (B 5-100 covers 95%) and 200-210 (B none); B: 5-100 (A covers all), 300-310.
    res = segment_agreement([(0, 100), (200, 210)], [(5, 100), (300, 310)], min_overlap=0.9)
    assert (res["a_agree"], res["a_segments"], res["b_agree"], res["b_segments"]) == (1, 2, 1, 2)
    assert res["percent"] == pytest.approx(0.5)
    strict = segment_agreement([(0, 100)], [(5, 100)], min_overlap=0.96)
    assert (strict["a_agree"], strict["b_agree"]) == (0, 1)
    with pytest.raises(AgreementError, match="min_overlap"):
        segment_agreement([], [], min_overlap=0)


def test_segment_agreement_matches_brute_force() -> None:
    rng = random.Random(5)
    rows_a, rows_b, want = [], [], []
    for g in range(30):
        a = [s for s in _random_segs(rng, 200, rng.randrange(0, 6)) if s[1] > s[0]]
        b = [s for s in _random_segs(rng, 200, rng.randrange(0, 6)) if s[1] > s[0]]
        rows_a += [(g, s, e) for s, e in a]
        rows_b += [(g, s, e) for s, e in b]

        def ok(x: tuple[int, int], others: list[tuple[int, int]]) -> bool:
            best = max((max(0, min(x[1], y[1]) - max(x[0], y[0])) for y in others), default=0)
            return best >= 0.8 * (x[1] - x[0])

        want.append(sum(ok(x, b) for x in a) + sum(ok(y, a) for y in b))
    res = segment_agreement_batch(30, *np.array(rows_a).T, *np.array(rows_b).T, min_overlap=0.8)
    assert res["agree"].tolist() == want


# --------------------------------------------------------------------------- unitizing alpha


def _kripp_2004_example() -> list[tuple[int, dict[int, list[tuple[int, int, str]]]]]:
    # Book coordinates 150..450 shifted to 0..300; (begin, length, category).
    units = {
        0: [(225, 70, "c"), (370, 30, "c"), (180, 60, "k"), (300, 50, "k")],
        1: [(220, 80, "c"), (355, 20, "c"), (400, 20, "c"), (180, 60, "k"), (300, 50, "k")],
    }
    segs = {i: [(b - 150, b - 150 + n, c) for b, n, c in u] for i, u in units.items()}
    return [(300, segs)]


def test_unitizing_alpha_krippendorff_2004_example() -> None:
    res = unitizing_alpha(_kripp_2004_example(), family=False)
    assert res.observed_per_code["c"] == pytest.approx(0.0144, abs=5e-5)
    assert res.expected_per_code["c"] == pytest.approx(0.0532, abs=5e-5)
    assert res.per_code["c"] == pytest.approx(0.7286, abs=5e-5)
    assert res.per_code["k"] == pytest.approx(1.0)
    assert res.pooled == pytest.approx(0.859, abs=5e-4)


def _kripp_1995_example(stretch: int) -> list[Continuum]:
    units = {
        "first": [(2, 8, "A"), (14, 6, "A"), (0, 18, "B"), (2, 6, "C"), (10, 2, "C"),
                  (14, 4, "C"), (20, 2, "C"), (0, 2, "D"), (2, 8, "D"), (10, 4, "D"),
                  (14, 6, "D"), (20, 4, "D")],
        "second": [(4, 4, "A"), (15, 2, "A"), (0, 2, "B"), (2, 1, "B"), (3, 1, "B"),
                   (4, 1, "B"), (5, 1, "B"), (6, 3, "B"), (9, 1, "B"), (0, 2, "C"),
                   (4, 4, "C"), (10, 4, "C"), (16, 2, "C"), (20, 2, "C"), (0, 4, "D"),
                   (4, 4, "D"), (8, 7, "D"), (15, 2, "D"), (17, 7, "D")],
    }  # fmt: skip
    segs = {k: [(b * stretch, (b + n) * stretch, c) for b, n, c in v] for k, v in units.items()}
    return [Continuum(24 * stretch, segs, name="krippendorff1995.txt")]


def test_unitizing_alpha_krippendorff_1995_example() -> None:
    exact = unitizing_alpha(_kripp_1995_example(1), family=False).observed_per_code
    assert exact["A"] == pytest.approx(0.03125, abs=1e-5)
    assert exact["B"] == pytest.approx(2.26736, abs=1e-5)
    assert exact["C"] == pytest.approx(0.02777, abs=1e-5)
    assert exact["D"] == pytest.approx(0.38715, abs=1e-5)
    stretched = unitizing_alpha(_kripp_1995_example(50_000), family=False)  # 1.2M chars
    for code, published in {"A": 0.553, "B": -0.926, "C": 0.679, "D": 0.066}.items():
        assert stretched.per_code[code] == pytest.approx(published, abs=0.02)


def _sections(length_list: list[int], segs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(begin, length, is_unit) sections of one coder for one code, gaps cut at documents."""
    out = []
    off = 0
    for length in length_list:
        inside = sorted((s, e) for s, e in segs if off <= s and e <= off + length)
        pos = off
        for s, e in inside:
            if s > pos:
                out.append((pos, s - pos, 0))
            out.append((s, e - s, 1))
            pos = e
        if pos < off + length:
            out.append((pos, off + length - pos, 0))
        off += length
    return out


def _alpha_2004_reference(lengths: list[int], coders: list[list[tuple[int, int]]]) -> float:
    """Krippendorff (2004) uα for one code, literally: all section pairs, all gaps."""
    big_l = sum(lengths)
    m = len(coders)
    secs = [_sections(lengths, c) for c in coders]
    d_o = 0.0
    for i in range(m):
        for j in range(m):
            if i == j:
                continue
            for bg, lg, wg in secs[i]:
                for bh, lh, wh in secs[j]:
                    if wg and wh and -lg < bg - bh < lh:
                        d_o += (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2
                    elif wg and not wh and lh - lg >= bg - bh >= 0:
                        d_o += lg**2
                    elif not wg and wh and lg - lh >= bh - bg >= 0:
                        d_o += lh**2
    d_o /= m * (m - 1) * big_l**2
    units = [lg for s in secs for _, lg, w in s if w]
    gaps = [lg for s in secs for _, lg, w in s if not w]
    numer = 0.0
    for lg in units:
        numer += (len(units) - 1) * (2 * lg**3 - 3 * lg**2 + lg) / 3
        numer += lg**2 * sum(lh - lg + 1 for lh in gaps if lh >= lg)
    d_e = 2 / big_l * numer / (m * big_l * (m * big_l - 1) - sum(u * (u - 1) for u in units))
    return 1 - d_o / d_e


def _random_coding(
    rng: random.Random, lengths: list[int], codes: str, n: int, exclusive: bool
) -> list[tuple[int, int, str, int]]:
    """(global start, global end, code, doc) segments; exclusive = codes never overlap."""
    out: list[tuple[int, int, str, int]] = []
    off = 0
    for d, length in enumerate(lengths):
        if exclusive:
            cuts = sorted(rng.sample(range(1, length), min(length - 1, 2 * n)))
            pieces = list(zip([0, *cuts], [*cuts, length], strict=True))
            for s, e in pieces:
                if rng.random() < 0.55:
                    out.append((off + s, off + e, rng.choice(codes), d))
        else:
            for _ in range(n):
                s = rng.randrange(0, length)
                e = min(length, s + rng.randrange(1, 30))
                out.append((off + s, off + e, rng.choice(codes), d))
        off += length
    return out


def _to_continua(
    lengths: list[int], coders: list[list[tuple[int, int, str, int]]]
) -> list[Continuum]:
    offs = np.concatenate([[0], np.cumsum(lengths)[:-1]]).tolist()
    return [
        Continuum(
            length,
            {i: [(s - offs[d], e - offs[d], c) for s, e, c, dd in segs if dd == d]
             for i, segs in enumerate(coders)},
            name=f"doc{d}.txt",
        )
        for d, length in enumerate(lengths)
    ]  # fmt: skip


@pytest.mark.parametrize("seed", range(6))
def test_per_code_alpha_matches_literal_formula(seed: int) -> None:
    rng = random.Random(seed)
    lengths = [rng.randrange(20, 120) for _ in range(rng.randrange(1, 4))]
    m = 2 + seed % 2
    coders = [_random_coding(rng, lengths, "xy", 4, exclusive=False) for _ in range(m)]
    res = unitizing_alpha(_to_continua(lengths, coders), coders=list(range(m)), family=False)
    for code in "xy":
        # The reference needs non-overlapping units: merge overlapping ones as the module does.
        merged_coders = []
        for segs in coders:
            own = sorted((s, e) for s, e, c, _ in segs if c == code)
            merged: list[list[int]] = []
            for s, e in own:
                if merged and s < merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            merged_coders.append([(s, e) for s, e in merged])
        if not any(merged_coders):
            assert math.isnan(res.per_code.get(code, float("nan")))
            continue
        assert res.per_code[code] == pytest.approx(
            _alpha_2004_reference(lengths, merged_coders), rel=1e-9, abs=1e-12
        )


def test_per_code_alpha_hand_cases() -> None:
    same = {"a": [(10, 20, "x"), (40, 60, "x")], "b": [(10, 20, "x"), (40, 60, "x")]}
    assert unitizing_alpha([(100, same)], family=False).per_code["x"] == 1.0
    lone = unitizing_alpha([(100, {"a": [(10, 20, "x")], "b": []})], family=False)
    assert lone.per_code["x"] < 0.0  # one coder finds a unit the other does not see
    disjoint = unitizing_alpha([(100, {"a": [(0, 20, "x")], "b": [(50, 70, "x")]})], family=False)
    assert disjoint.per_code["x"] < 0.0
    assert math.isnan(unitizing_alpha([(10, {"a": [], "b": []})], codes=["x"]).per_code["x"])


def _family_reference(
    lengths: list[int], coders: list[list[tuple[int, int, str, int]]], codes: str
) -> tuple[float, float, float, dict[str, float]]:
    """Per-character computation of uα, |uα, cuα and (k)uα (Krippendorff et al. 2016)."""
    big_l, m = sum(lengths), len(coders)
    gap = len(codes)
    val = np.full((m, big_l), gap)
    seg_id = np.full((m, big_l), -1)
    seg_lists = []
    for i, segs in enumerate(coders):
        segs = sorted(segs)
        seg_lists.append(segs)
        for k, (s, e, c, _) in enumerate(segs):
            val[i, s:e] = codes.index(c)
            seg_id[i, s:e] = k
    v = gap + 1
    obs = np.zeros((v, v))
    over_sq = np.zeros(gap)
    for i in range(m):
        for j in range(m):
            if i != j:
                for x in range(big_l):
                    obs[val[i, x], val[j, x]] += 1
                for s, e, c, _ in seg_lists[i]:
                    pair = int(np.sum(val[j, s:e] != gap))
                    over_sq[codes.index(c)] += pair**2
    obs /= m - 1
    corr = np.zeros(v)
    for i in range(m):
        for s, e, c, _ in seg_lists[i]:
            corr[codes.index(c)] += (e - s) ** 2
        corr[gap] += int(np.sum(val[i] == gap))

    def exp_of(o: np.ndarray, cr: np.ndarray) -> np.ndarray:
        tot, marg = o.sum(), o.sum(axis=1)
        e = np.outer(marg, marg) - np.diag(cr)
        return e / (tot - cr.sum() / tot)

    e = exp_of(obs, corr)
    u = 1 - (obs.sum() - np.trace(obs)) / (e.sum() - np.trace(e))
    binary = 1 - (obs[gap, :gap].sum() * 2) / (e[gap, :gap].sum() + e[:gap, gap].sum())
    star = obs[:gap, :gap]
    es = exp_of(star, over_sq / (m - 1))
    cu = 1 - (star.sum() - np.trace(star)) / (es.sum() - np.trace(es))
    per = {}
    for k, c in enumerate(codes):
        lk, ek = star[k].sum(), es[:, k].sum()
        defined = lk > 0 and ek - es[k, k] > 0
        per[c] = 1 - (ek / lk) * (lk - star[k, k]) / (ek - es[k, k]) if defined else math.nan
    return float(u), float(binary), float(cu), per


@pytest.mark.parametrize("seed", range(6))
def test_cu_alpha_family_matches_per_character_reference(seed: int) -> None:
    rng = random.Random(100 + seed)
    lengths = [rng.randrange(30, 150) for _ in range(rng.randrange(1, 4))]
    m = 2 + seed % 2
    coders = [_random_coding(rng, lengths, "pqr", 5, exclusive=True) for _ in range(m)]
    res = unitizing_alpha(_to_continua(lengths, coders), coders=list(range(m)), codes=list("pqr"))
    u, binary, cu, per = _family_reference(lengths, coders, "pqr")
    assert res.u_alpha == pytest.approx(u, rel=1e-9)
    assert res.binary_alpha == pytest.approx(binary, rel=1e-9)
    assert res.cu_alpha == pytest.approx(cu, rel=1e-9)
    for code in "pqr":
        assert res.cu_alpha_per_code[code] == pytest.approx(per[code], rel=1e-9, nan_ok=True)


def test_cu_alpha_family_hand_cases() -> None:
    same = {"a": [(0, 10, "p"), (20, 30, "q")], "b": [(0, 10, "p"), (20, 30, "q")]}
    perfect = unitizing_alpha([Continuum(50, same, "interview1.txt")])
    assert perfect.u_alpha == 1.0 and perfect.binary_alpha == 1.0 and perfect.cu_alpha == 1.0
    assert perfect.cu_alpha_per_code == {"p": 1.0, "q": 1.0}
    # Same boundaries, swapped codes: unitizing is perfect, coding is as bad as it gets.
    swapped = {"a": [(0, 10, "p"), (20, 30, "q")], "b": [(0, 10, "q"), (20, 30, "p")]}
    res = unitizing_alpha([(50, swapped)])
    assert res.binary_alpha == 1.0
    assert res.cu_alpha is not None and res.cu_alpha < 0.0
    assert res.per_code["p"] < 0.0


def test_cu_alpha_family_rejects_overlapping_codes_naming_the_document() -> None:
    overlapping = {"anne": [(0, 10, "p"), (5, 15, "q")], "bo": [(0, 10, "p")]}
    with pytest.raises(AgreementError, match=r"interview7\.txt: coder 'anne'.*overlapping"):
        unitizing_alpha([Continuum(40, overlapping, "interview7.txt")])
    res = unitizing_alpha([Continuum(40, overlapping, "interview7.txt")], family=False)
    assert res.per_code["p"] == 1.0 and res.u_alpha is None
    with pytest.raises(AgreementError, match=r"interview7\.txt.*outside the text"):
        unitizing_alpha([Continuum(40, {"a": [(30, 45, "p")], "b": []}, "interview7.txt")])
    with pytest.raises(AgreementError, match="two coders"):
        unitizing_alpha([(40, {"a": [(0, 5, "p")]})])
