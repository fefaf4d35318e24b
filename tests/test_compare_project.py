"""compare_coders on real SQLite projects, checked against brute-force per-character and
per-turn computations with the statistics of coding.agreement (independent of the interval
code paths)."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest

import main
from coding.agreement import (
    Continuum,
    bootstrap_alpha,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
    segment_agreement,
    unitizing_alpha,
)
from coding.compare import compare_coders, disagreements, verdict
from coding.errors import TematikError
from coding.project import transaction
from models.entities import Suggestion
from tests.test_compare_helpers import (
    Project,
    char_vector,
    make_project,
    random_project,
    transcript,
    turn_vector,
)


@pytest.fixture
def proj(tmp_path: Path):
    p = random_project(tmp_path / "p.tematik", seed=7)
    yield p
    p.db.close()


def close(a: float | None, b: float) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def fleiss_from_vectors(vectors: list[list[int]]) -> float:
    table = [[sum(col), len(col) - sum(col)] for col in zip(*vectors, strict=True)]
    return fleiss_kappa(table)


def report(p: Project, coders=("Anne", "Bo", "Carl"), **kw):
    with transaction(p.db) as s:
        return compare_coders(s, list(coders), **kw)


def test_character_unit_matches_brute_force_per_code_document_and_overall(proj: Project) -> None:
    rep = report(proj)
    coders = ["Anne", "Bo", "Carl"]
    docs = list(proj.docs)
    codes = list(proj.codes)
    res = rep.character
    assert res is not None
    for code in codes:
        vec = {k: sum((char_vector(proj, d, code, k) for d in docs), []) for k in coders}
        fig = res.per_code[proj.codes[code]]
        assert close(fig["fleiss_kappa"], fleiss_from_vectors([vec[k] for k in coders]))
        assert close(fig["alpha"], krippendorff_alpha([vec[k] for k in coders]))
        pair_kappas = [cohen_kappa(vec[a], vec[b]) for a, b in itertools.combinations(coders, 2)]
        assert close(fig["kappa"], float(np.mean(pair_kappas)))
        anyone = [i for i in range(len(vec["Anne"])) if any(vec[k][i] for k in coders)]
        assert fig["coded_share"] == pytest.approx(len(anyone) / len(vec["Anne"]))
        all_three = sum(all(vec[k][i] for k in coders) for i in anyone)
        assert fig["coded_agreement"] == pytest.approx(all_three / len(anyone))
        pair = res.pairs[0]
        assert pair.coders == ("Anne", "Bo")
        pf = pair.per_code[proj.codes[code]]
        assert close(pf["percent_agreement"], percent_agreement(vec["Anne"], vec["Bo"]))
        assert close(pf["kappa"], cohen_kappa(vec["Anne"], vec["Bo"]))
    # per document: all codes' characters pooled
    for d in docs:
        vec = {k: sum((char_vector(proj, d, c, k) for c in codes), []) for k in coders}
        fig = res.per_document[proj.docs[d]]
        assert close(fig["alpha"], krippendorff_alpha([vec[k] for k in coders]))
        assert close(fig["fleiss_kappa"], fleiss_from_vectors([vec[k] for k in coders]))
    # overall and the per-cell table of a pair
    vec = {k: sum((char_vector(proj, d, c, k) for d in docs for c in codes), []) for k in coders}
    assert close(res.overall["alpha"], krippendorff_alpha([vec[k] for k in coders]))
    assert close(res.pairs[2].overall["kappa"], cohen_kappa(vec["Bo"], vec["Carl"]))
    for cell in res.pairs[1].per_cell:
        a = char_vector(proj, cell["document"], cell["code"], "Anne")
        c = char_vector(proj, cell["document"], cell["code"], "Carl")
        assert close(cell["kappa"], cohen_kappa(a, c))


def test_segment_unit_matches_brute_force(proj: Project) -> None:
    rep = report(proj, coders=("Anne", "Bo"), unit="segment", min_overlap=0.8)
    assert rep.segment is not None and rep.character is None and rep.turn is None
    total_agree = total = 0
    for code, cid in proj.codes.items():
        agree = n = 0
        for d in proj.docs:
            a = [(s, e) for dd, c, k, s, e in proj.codings if (dd, c, k) == (d, code, "Anne")]
            b = [(s, e) for dd, c, k, s, e in proj.codings if (dd, c, k) == (d, code, "Bo")]
            r = segment_agreement(a, b, min_overlap=0.8)
            agree += r["agree"]
            n += r["total"]
        assert rep.segment.per_code[cid]["agree"] == agree
        assert rep.segment.per_code[cid]["total"] == n
        total_agree += agree
        total += n
    assert rep.segment.overall["percent"] == pytest.approx(total_agree / total)
    p_o, q = total_agree / total, len(proj.codes)
    assert rep.segment.overall["kappa_brennan_prediger"] == pytest.approx(
        (p_o - 1 / q) / (1 - 1 / q)
    )


def test_turn_unit_matches_brute_force_with_bootstrap_interval(proj: Project) -> None:
    rep = report(proj, unit="turn")
    res = rep.turn
    assert res is not None
    coders = ["Anne", "Bo", "Carl"]
    for code, cid in proj.codes.items():
        vec = {k: sum((turn_vector(proj, d, code, k) for d in proj.docs), []) for k in coders}
        fig = res.per_code[cid]
        assert fig["turns"] == sum(len(t) for t in proj.turns.values())
        assert close(fig["alpha"], krippendorff_alpha([vec[k] for k in coders]))
        assert close(fig["fleiss_kappa"], fleiss_from_vectors([vec[k] for k in coders]))
        pk = [cohen_kappa(vec[a], vec[b]) for a, b in itertools.combinations(coders, 2)]
        assert close(fig["kappa"], float(np.mean(pk)))
        if math.isfinite(fig["alpha"]):
            _, low, high = bootstrap_alpha([vec[k] for k in coders], n_boot=4000, seed=3)
            assert fig["alpha_ci_low"] == pytest.approx(low, abs=0.06)
            assert fig["alpha_ci_high"] == pytest.approx(high, abs=0.06)
            assert fig["alpha_ci_low"] <= fig["alpha"] + 1e-9 <= fig["alpha_ci_high"] + 2e-9
    two = report(proj, coders=("Anne", "Bo"), unit="turn").turn
    assert two is not None
    for code, cid in proj.codes.items():
        a = sum((turn_vector(proj, d, code, "Anne") for d in proj.docs), [])
        b = sum((turn_vector(proj, d, code, "Bo") for d in proj.docs), [])
        assert close(two.per_code[cid]["cohen_kappa"], cohen_kappa(a, b))
        assert close(two.per_code[cid]["percent_agreement"], percent_agreement(a, b))


def test_unitizing_alpha_equals_the_statistic_on_continua(proj: Project) -> None:
    rep = report(proj, unit="segment")
    u = rep.unitizing
    assert u is not None
    continua = []
    for d in proj.docs:
        segs: dict[str, list[tuple[int, int, str]]] = {}
        for dd, c, k, s, e in proj.codings:
            if dd == d:
                segs.setdefault(k, []).append((s, e, c))
        continua.append(Continuum(len(proj.texts[d]), segs, name=d))
    ref = unitizing_alpha(
        continua, coders=["Anne", "Bo", "Carl"], codes=list(proj.codes), family=False
    )
    for code, cid in proj.codes.items():
        assert close(u.per_code[cid], ref.per_code[code])
    assert close(u.pooled, ref.pooled)
    # random codes overlap within a coder: the 2016 family is not valid and the note says why
    assert not u.family_valid
    assert any("cu-α not computed" in n for n in rep.notes)


def test_cu_alpha_family_when_codes_are_exclusive(tmp_path: Path) -> None:
    text = "abcdefghij" * 20
    p = make_project(tmp_path / "x.tematik", [("D", text, [])], ["K1", "K2"], ["Anne", "Bo"])
    try:
        for coder, spans in (
            ("Anne", [("K1", 0, 40), ("K2", 50, 90), ("K1", 120, 150)]),
            ("Bo", [("K1", 5, 40), ("K2", 45, 95), ("K2", 120, 150)]),
        ):
            for code, s, e in spans:
                p.code("D", code, coder, s, e)
        rep = report(p, coders=("Anne", "Bo"))
        u = rep.unitizing
        assert u is not None and u.family_valid
        segs: dict[str, list[tuple[int, int, str]]] = {}
        for _, c, k, s, e in p.codings:
            segs.setdefault(k, []).append((s, e, c))
        ref = unitizing_alpha(
            [Continuum(len(text), segs)], coders=["Anne", "Bo"], codes=["K1", "K2"]
        )
        assert close(u.cu_alpha, ref.cu_alpha)
        assert close(u.u_alpha, ref.u_alpha)
        assert close(u.cu_alpha_per_code[p.codes["K2"]], ref.cu_alpha_per_code["K2"])
        # no turns in this document: the turn unit is skipped with a note
        assert rep.turn is None
        assert any("without speaker turns" in n for n in rep.notes)
    finally:
        p.db.close()


def test_suggestions_never_enter_agreement(proj: Project) -> None:
    before = report(proj).as_json()
    with transaction(proj.db) as s:
        for code_id in proj.codes.values():
            s.add(
                Suggestion(
                    document_id=proj.docs["Interview 1"],
                    code_id=code_id,
                    start=0,
                    end=50,
                    source="terms",
                    score=0.9,
                )
            )
    after = report(proj).as_json()
    before.pop("timings")
    after.pop("timings")
    assert after == before


def test_uncoded_text_treatment_and_restriction_are_reported(tmp_path: Path) -> None:
    text = "x" * 1000
    p = make_project(tmp_path / "u.tematik", [("D", text, [])], ["K"], ["Anne", "Bo"])
    try:
        p.code("D", "K", "Anne", 0, 100)
        p.code("D", "K", "Bo", 50, 150)
        rep = report(p, coders=("Anne", "Bo"), unit="character")
        f = rep.character.per_code[p.codes["K"]]  # type: ignore[union-attr]
        # 900 of 1000 characters agree (50 both + 850 neither) → 90 % "agreement"
        assert f["percent_agreement"] == pytest.approx(0.9)
        assert f["coded_share"] == pytest.approx(0.15)
        assert f["coded_agreement"] == pytest.approx(50 / 150)
        assert "inflated by long uncoded stretches" in rep.character.treatment  # type: ignore[union-attr]
        data = rep.as_json()
        assert "treatment_of_uncoded_text" in data["character"]
        assert data["character"]["per_code"]["K"]["verdict"] == verdict(f["alpha"])
    finally:
        p.db.close()


def test_filters_and_errors(proj: Project) -> None:
    rep = report(proj, documents=["Interview 2"], codes=["Kultur"], unit="character")
    assert list(rep.documents.values()) == ["Interview 2"]
    assert list(rep.codes.values()) == ["Kultur"]
    a = char_vector(proj, "Interview 2", "Kultur", "Anne")
    b = char_vector(proj, "Interview 2", "Kultur", "Bo")
    assert close(rep.character.pairs[0].overall["kappa"], cohen_kappa(a, b))  # type: ignore[union-attr]
    with transaction(proj.db) as s:
        with pytest.raises(TematikError, match="No coder named 'Zoe'"):
            compare_coders(s, ["Anne", "Zoe"])
        with pytest.raises(TematikError, match="at least two"):
            compare_coders(s, ["Anne", "anne"])
        with pytest.raises(TematikError, match="Unknown unit"):
            compare_coders(s, ["Anne", "Bo"], unit="word")
        with pytest.raises(TematikError, match="No code"):
            compare_coders(s, ["Anne", "Bo"], codes=["Nope"])


def test_verdict_bands() -> None:
    assert verdict(0.8) == "reliable"
    assert verdict(0.7999) == "tentative"
    assert verdict(0.667) == "tentative"
    assert verdict(0.6) == "unreliable"
    assert verdict(float("nan")) == "undefined"


def test_disagreements_kinds_in_context(tmp_path: Path) -> None:
    text = "".join(f"Sætning nummer {i:02d} om løn og kultur. " for i in range(20))
    p = make_project(tmp_path / "d.tematik", [("D", text, [])], ["Løn", "Kultur"], ["Anne", "Bo"])
    try:
        p.code("D", "Løn", "Anne", 0, 30)  # identical: agreement
        p.code("D", "Løn", "Bo", 0, 30)
        p.code("D", "Løn", "Anne", 100, 140)  # boundaries differ
        p.code("D", "Løn", "Bo", 110, 150)
        p.code("D", "Kultur", "Anne", 200, 230)  # only A
        p.code("D", "Kultur", "Bo", 300, 330)  # only B
        p.code("D", "Løn", "Anne", 400, 440)  # different code
        p.code("D", "Kultur", "Bo", 405, 440)
        with transaction(p.db) as s:
            items = disagreements(s, "Anne", "Bo")
        kinds = [(i.kind, i.start, i.end, i.code_path) for i in items]
        assert kinds == [
            ("boundaries", 100, 150, "Løn"),
            ("only_a", 200, 230, "Kultur"),
            ("only_b", 300, 330, "Kultur"),
            ("code", 400, 440, "Løn"),
        ]
        diff = items[3]
        assert diff.other_code_path == "Kultur"
        assert diff.a_text == text[400:440]
        assert diff.b_text == text[405:440]
        assert diff.before == text[320:400]
        assert items[0].a_spans == [(100, 140)] and items[0].b_spans == [(110, 150)]
        assert items[0].as_json()["kind"] == "different boundaries"
    finally:
        p.db.close()


def test_cli_agreement_json_values(proj: Project, capsys: pytest.CaptureFixture[str]) -> None:
    proj.db.close()
    rc = main.main(["agreement", str(proj.path), "--coders", "Anne,Bo", "--json"])
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"character", "segment", "turn", "unitizing", "notes"}
    docs = list(proj.docs)
    for code in proj.codes:
        a = sum((char_vector(proj, d, code, "Anne") for d in docs), [])
        b = sum((char_vector(proj, d, code, "Bo") for d in docs), [])
        assert data["character"]["per_code"][code]["kappa"] == pytest.approx(cohen_kappa(a, b))
        assert data["character"]["per_code"][code]["alpha"] == pytest.approx(
            krippendorff_alpha([a, b])
        )
        ta = sum((turn_vector(proj, d, code, "Anne") for d in docs), [])
        tb = sum((turn_vector(proj, d, code, "Bo") for d in docs), [])
        assert data["turn"]["per_code"][code]["cohen_kappa"] == pytest.approx(cohen_kappa(ta, tb))
    a = sum((char_vector(proj, d, c, "Anne") for d in docs for c in proj.codes), [])
    b = sum((char_vector(proj, d, c, "Bo") for d in docs for c in proj.codes), [])
    assert data["character"]["overall"]["percent_agreement"] == pytest.approx(
        percent_agreement(a, b)
    )
    assert "u_alpha_pooled" in data["unitizing"]["overall"]

    rc = main.main(
        ["agreement", str(proj.path), "--coders", "Anne,Bo", "--unit", "segment", "--json"]
    )
    data = json.loads(capsys.readouterr().out)
    assert rc == 0 and "segment" in data and "character" not in data and "turn" not in data


def test_cli_agreement_table_and_errors(proj: Project, capsys: pytest.CaptureFixture[str]) -> None:
    proj.db.close()
    assert main.main(["agreement", str(proj.path), "--coders", "Anne,Bo,Carl"]) == 0
    out = capsys.readouterr().out
    assert "Overall" in out and "char α" in out and "How uncoded text is treated" in out
    assert any(w in out for w in ("reliable", "tentative", "unreliable"))
    for code in proj.codes:
        assert code in out
    assert main.main(["agreement", str(proj.path), "--coders", "Anne,Zoe"]) == 2
    assert "No coder named 'Zoe'" in capsys.readouterr().err


def test_turn_documents_and_report_shapes(tmp_path: Path) -> None:
    import random

    text, turns = transcript(random.Random(3), 8)
    p = make_project(tmp_path / "t.tematik", [("D", text, turns), ("E", "ingen turer her", [])],
                     ["K"], ["Anne", "Bo"])  # fmt: skip
    try:
        p.code("D", "K", "Anne", turns[1].start, turns[1].end)
        p.code("D", "K", "Bo", turns[1].start + 2, turns[2].end - 1)
        p.code("E", "K", "Anne", 0, 5)
        rep = report(p, coders=("Anne", "Bo"))
        assert rep.turn is not None
        assert set(rep.turn.per_document) == {p.docs["D"]}
        assert any("E" in n and "without speaker turns" in n for n in rep.notes)
        assert any("Bo coded nothing" in n for n in rep.notes)
        cols, rows = rep.summary()
        assert "turn_alpha" in cols and rows[-1][0] is None
    finally:
        p.db.close()


def test_packed_and_fallback_coding_queries_agree(
    proj: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one-integer-per-coding SQLite query and its two-values-per-integer fallback (used
    when positions do not fit) read the same codings, so every figure is the same."""
    from coding.compare import compare as compare_module

    packed = report(proj).as_json()
    monkeypatch.setattr(compare_module, "_PACK_MIN_BITS", 64)
    fallback = report(proj).as_json()
    packed.pop("timings")
    fallback.pop("timings")
    assert packed == fallback
    assert packed["segment"]["overall"]["total"] > 0
