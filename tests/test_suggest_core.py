"""Suggestions: lemma matching, the learned model, storage rules, evaluation, offline use."""

from __future__ import annotations

import json
import random
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coding.codebook import find_code
from coding.project import ensure_coder, transaction
from coding.queries import coding_counts
from coding.suggest import engine
from coding.suggest.engine import generate, load_model, train
from coding.suggest.evaluate import evaluate
from coding.suggest.model import fit
from coding.suggest.pipeline import get_nlp
from coding.suggest.store import accept, queue, reject, state_of, undo_decision
from coding.suggest.synthetic import CODES, build_project, generate_documents
from coding.suggest.terms import TermMatcher
from models.db import Database
from models.entities import Coding, Suggestion, SuggestionDecision


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every network connection attempt fails."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted in an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


@pytest.fixture
def synth(tmp_path: Path) -> Iterator[Database]:
    """10 synthetic interviews; the first 8 coded by Anne."""
    db = build_project(tmp_path / "s.tematik", generate_documents(10, seed=11, turns=20), coded=8)
    yield db
    db.close()


def test_lemma_matching_on_inflected_danish() -> None:
    nlp = get_nlp("da")
    matcher = TermMatcher(nlp, {1: ["løn"], 2: ["gøre en forskel"], 3: ["udfordring"]})
    cases = {
        "Lønnen var for lav.": {1},
        "Lønningerne fulgte ikke med.": {1},
        "Tjenestemandspensionen og lønnens størrelse.": {1},
        "Jeg ville gerne gøre en forskel for borgerne.": {2},
        "Der var mange udfordringer.": {3},
        "Lønsomheden var god, og vi fik følelsen af ro.": set(),
        "Vi holdt et møde om budgettet.": set(),
    }
    for text, expected in cases.items():
        assert set(matcher.match(nlp(text))) == expected, text
    hits = matcher.match(nlp("Lønningerne og lønnen"))[1]
    assert {(h.text, h.match) for h in hits} == {("Lønningerne", "compound"), ("lønnen", "lemma")}


def test_training_beats_chance_on_held_out_split() -> None:
    nlp = get_nlp("da")
    rng = random.Random(3)
    labels = list(CODES)
    examples: list[tuple[str, str]] = []
    for label, templates in CODES.items():
        for t in templates:
            for _ in range(6):
                examples.append((t.format(n=rng.randint(2, 300), by="Vejle", aar=2010), label))
    rng.shuffle(examples)
    split = int(len(examples) * 0.7)
    train_ex, test_ex = examples[:split], examples[split:]
    docs = list(nlp.pipe(t for t, _ in train_ex))
    cats = [{lab: float(lab == y) for lab in labels} for _, y in train_ex]
    model = fit("da", docs, cats, [{tok.lemma_ for tok in d} for d in docs])
    scores = model.predict(list(nlp.pipe(t for t, _ in test_ex)))
    correct = sum(
        model.labels[int(row.argmax())] == y for row, (_, y) in zip(scores, test_ex, strict=True)
    )
    accuracy = correct / len(test_ex)
    assert accuracy > 2.5 / len(labels), accuracy  # chance is 1/5


def test_suggestions_are_stored_and_never_codings(synth: Database) -> None:
    with transaction(synth) as s:
        before = coding_counts(s)
        n_codings = s.scalar(select(func.count(Coding.id)))
    train(synth)
    run = generate(synth)
    assert {c.source for c in run.candidates} == {"terms", "model", "similar"}
    with transaction(synth) as s:
        assert s.scalar(select(func.count(Suggestion.id))) > 0
        assert s.scalar(select(func.count(Coding.id))) == n_codings
        assert coding_counts(s) == before
        sg = s.scalars(select(Suggestion).where(Suggestion.source == "terms")).first()
        assert sg is not None
        ev = json.loads(sg.evidence)
        assert ev["terms"] and {"term", "text", "start", "end", "match"} <= set(ev["terms"][0])


def test_accept_reject_flow_per_coder(synth: Database) -> None:
    train(synth)
    generate(synth, sources=["terms", "model"])
    with transaction(synth) as s:
        anne = ensure_coder(s, "Anne").id
        bo = ensure_coder(s, "Bo").id
        doc10 = s.scalar(select(Suggestion.document_id).order_by(Suggestion.document_id.desc()))
        items = queue(s, bo, document_id=doc10)
        assert len(items) >= 2
        first, second = items[0], items[1]
        accepted = accept(s, first.suggestion_ids, bo)
        assert accepted.created
        coding = accepted.coding
        assert (coding.coder_id, coding.code_id) == (bo, first.code_id)
        assert (coding.start, coding.end) == (first.start, first.end)
        reject(s, second.suggestion_ids, bo)
        sid = second.suggestion_ids[0]
        assert state_of(s, sid, bo) == "rejected"
        assert state_of(s, sid, anne) == "pending"
        keys = {(i.document_id, i.code_id, i.start, i.end) for i in queue(s, bo)}
        assert (second.document_id, second.code_id, second.start, second.end) not in keys
        assert (first.document_id, first.code_id, first.start, first.end) not in keys
        anne_keys = {(i.document_id, i.code_id, i.start, i.end) for i in queue(s, anne)}
        assert (second.document_id, second.code_id, second.start, second.end) in anne_keys
    # Recomputing keeps the decision: the rejected passage is not proposed to Bo again.
    generate(synth, sources=["terms", "model"])
    with transaction(synth) as s:
        keys = {(i.document_id, i.code_id, i.start, i.end) for i in queue(s, bo)}
        assert (second.document_id, second.code_id, second.start, second.end) not in keys
        n = s.scalar(
            select(func.count(SuggestionDecision.id)).where(SuggestionDecision.state == "rejected")
        )
        assert n >= 1
        undo_decision(s, first.suggestion_ids, bo)
        assert s.get(Coding, coding.id) is None
        assert state_of(s, first.suggestion_ids[0], bo) == "pending"


def test_rejections_become_negative_examples(synth: Database) -> None:
    generate(synth, sources=["terms"])
    with transaction(synth) as s:
        anne = ensure_coder(s, "Anne").id
        uncoded = [i for i in queue(s, anne) if i.document in ("interview_09", "interview_10")]
        assert uncoded
        for item in uncoded[:3]:
            reject(s, item.suggestion_ids, anne)
        nlp = engine.project_nlp(s)
        analysed = list(engine.analyse(s, nlp))
        data = engine.training_set(s, analysed, nlp)
        guid = find_code(s, uncoded[0].code_path).guid
    assert data.rejections >= 1
    assert any(c == {guid: 0.0} for c in data.cats)
    report = train(synth)
    assert report.rejections == data.rejections


def test_model_survives_reopen(synth: Database, tmp_path: Path) -> None:
    from coding.project import open_project

    report = train(synth)
    assert "Barrierer/Løn og pension" in report.labels
    path = synth.path
    synth.close()
    engine._model_cache.clear()
    db = open_project(path)
    try:
        with transaction(db) as s:
            model = load_model(s)
            assert model is not None
            assert {find_code(s, p).guid for p in CODES} <= set(model.labels)
            assert len(model.labels) == len(report.labels)
        run = generate(db, sources=["model"])
        assert run.candidates and all(c.source == "model" for c in run.candidates)
        assert any(c.evidence["features"] for c in run.candidates)
    finally:
        db.close()


def test_model_only_without_training_is_a_clear_error(synth: Database) -> None:
    from coding.errors import TematikError

    with pytest.raises(TematikError, match="train"):
        generate(synth, sources=["model"])


def test_evaluation_and_full_pipeline_offline(offline: None, tmp_path: Path) -> None:
    docs = generate_documents(7, seed=5, turns=15)
    db = build_project(tmp_path / "o.tematik", docs)
    try:
        ev = evaluate(db, curve_sizes=[1, 3, 6], curve_folds=2)
        train(db)
        run = generate(db)
    finally:
        db.close()
    assert run.units > 0 and run.candidates
    data = ev.to_json()
    assert len(data["documents"]) == 7
    positives = {src: sc["tp"] + sc["fn"] for src, sc in data["sources"].items()}
    assert len(set(positives.values())) == 1 and positives["terms"] > 0  # same truth for all
    # Synthetic statements are learnable: the model beats the indicator terms.
    assert data["sources"]["model"]["f1"] > data["sources"]["terms"]["f1"]
    curve = data["learning_curve"]
    assert [r["documents"] for r in curve] == [1, 3, 6] and {r["folds"] for r in curve} == {2}
    # Size 6 = all other documents: the leave-one-out models of the two held-out documents.
    assert "Barrierer/Løn og pension" in data["per_code"]["terms"]


def test_cli_suggest_train_evaluate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import main

    path = str(tmp_path / "cli.tematik")
    build_project(
        path, generate_documents(5, seed=2, turns=10, prefix="interview"), coded=4
    ).close()
    assert main.main(["suggest", path, "--source", "model"]) == 2
    assert "train" in capsys.readouterr().err
    assert main.main(["train", path]) == 0
    assert "Trained on" in capsys.readouterr().out
    assert main.main(["suggest", path, "--document", "interview_05", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["document"] for r in rows} == {"interview_05"}
    assert {"document", "start", "end", "code", "score", "source", "evidence"} <= set(rows[0])
    assert main.main(["evaluate-suggestions", path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["sources"]) == {"terms", "model", "similar"}


def test_cli_suggest_like_coding(synth: Database, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from coding.errors import TematikError
    from coding.suggest.cli import cmd_suggest

    with transaction(synth) as s:
        guid = s.scalars(select(Coding.guid).order_by(Coding.id)).first()
        ensure_coder(s, "Bo")  # Anne coded most passages herself: ask for Bo's queue
    path = str(synth.path)
    args = argparse.Namespace(
        project=path, document=None, source="all", threshold=None, json=True, like=guid, coder="Bo"
    )
    assert cmd_suggest(args) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["source"] for r in rows} == {"similar"}
    assert {r["evidence"]["like"]["coding"] for r in rows} == {guid}
    args.like = "no-such-guid"
    with pytest.raises(TematikError, match="no-such-guid"):
        cmd_suggest(args)
