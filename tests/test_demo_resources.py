"""The demo project's content: transcripts, case attributes and two analysts' codings.

The demo project is what a new user sees first and what screenshots, benchmarks and other
tests build on, so its files must stay mutually consistent: every quote must be findable in its
document exactly once, within a single speaker turn (and a single cue for WebVTT).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest

from tests._paths import REPO

DEMO = REPO / "resources" / "demo"
FORMATS = {".txt", ".docx", ".vtt"}
ANALYSTS = ("Anne", "Bo")

CODEBOOK: dict[str, list[str]] = {
    "Barrierer": [
        "Løn og pension",
        "Jobsikkerhed",
        "Politisk styring og mediebevågenhed",
        "Kultur og fagsprog",
        "Rekrutterere foretrækker samme sektor",
        "Manglende netværk i den anden sektor",
        "Fordomme om den anden sektor",
        "Familie og geografi",
    ],
    "Motivationer": [
        "Mening og offentlig værdi",
        "Læring og udvikling",
        "Karriere",
        "Indflydelse",
        "Nye perspektiver",
        "Netværk",
    ],
    "Betingelser for succes": [
        "Introduktion og onboarding",
        "Mentor og sparring",
        "Forståelse af politisk ledelse",
        "Oversættelse af kompetencer",
    ],
}
CODE_PATHS = {f"{top}/{name}" for top, names in CODEBOOK.items() for name in names}

ATTRIBUTE_COLUMNS = [
    "document",
    "sektor_fra",
    "sektor_til",
    "ledelsesniveau",
    "år_som_leder",
    "skiftet",
    "køn",
    "alder",
]
SECTORS = {"stat", "region", "kommune", "privat"}
LEVELS = {"topleder", "direktør", "mellemleder"}

TXT_LABEL = re.compile(r"^(?:\[\d{2}:\d{2}:\d{2}\] )?([A-ZÆØÅ][\wæøåÆØÅ]*): ", re.MULTILINE)
VTT_TIMING = re.compile(r"^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})$")
VTT_VOICE = re.compile(r"^<v ([^>]+)>(.*)</v>$")


def demo_files() -> dict[str, Path]:
    """The demo transcripts, keyed by file name without extension."""
    return {p.stem: p for p in sorted(DEMO.iterdir()) if p.suffix in FORMATS}


def _seconds(h: str, m: str, s: str, ms: str) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def vtt_cues(path: Path) -> list[tuple[float, float, str, str]]:
    """(start, end, speaker, text) for each cue of a WebVTT file; fails on malformed cues."""
    content = path.read_text("utf-8")
    blocks = content.strip().split("\n\n")
    assert blocks[0].strip() == "WEBVTT", f"{path.name}: missing WEBVTT header"
    cues: list[tuple[float, float, str, str]] = []
    for block in blocks[1:]:
        lines = block.strip().splitlines()
        timing_index = next(i for i, line in enumerate(lines) if "-->" in line)
        timing = VTT_TIMING.match(lines[timing_index])
        assert timing, f"{path.name}: bad timing line {lines[timing_index]!r}"
        start = _seconds(*timing.groups()[:4])
        end = _seconds(*timing.groups()[4:])
        voice = VTT_VOICE.match(" ".join(lines[timing_index + 1 :]))
        assert voice, f"{path.name}: cue without <v Name>…</v> voice tag at {lines[timing_index]}"
        cues.append((start, end, voice.group(1), voice.group(2)))
    return cues


def turn_units(path: Path) -> list[str]:
    """The units a quote must stay within: turn bodies (txt, docx) or cue texts (vtt)."""
    if path.suffix == ".txt":
        text = unicodedata.normalize("NFC", path.read_text("utf-8"))
        return [TXT_LABEL.sub("", block, count=1) for block in text.strip().split("\n\n")]
    if path.suffix == ".docx":
        return [p.text.partition(": ")[2] for p in docx.Document(str(path)).paragraphs]
    return [text for _, _, _, text in vtt_cues(path)]


def document_text(path: Path) -> str:
    """The text of a document as an analyst sees it (labels included, vtt tags removed)."""
    if path.suffix == ".txt":
        return unicodedata.normalize("NFC", path.read_text("utf-8"))
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return "\n".join(f"{speaker}: {text}" for _, _, speaker, text in vtt_cues(path))


@pytest.fixture(scope="module")
def codings() -> dict[str, Any]:
    """The parsed codings.json."""
    return json.loads((DEMO / "codings.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def attributes() -> list[dict[str, str]]:
    """The rows of attributes.csv."""
    with (DEMO / "attributes.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ATTRIBUTE_COLUMNS
        return list(reader)


def test_enough_documents_in_enough_formats() -> None:
    files = demo_files()
    assert len(files) >= 8
    assert len({p.suffix for p in files.values()}) >= 3
    assert all(re.fullmatch(r"\d{2}_[a-z_]+", name) for name in files)


def test_transcripts_are_interviews_of_realistic_length() -> None:
    for name, path in demo_files().items():
        words = len(document_text(path).split())
        assert 1150 <= words <= 2100, f"{name}: {words} words"
        units = turn_units(path)
        assert len(units) >= 20, f"{name}: only {len(units)} turns/cues"
        text = document_text(path)
        assert (
            "Interviewer:" in text or "\nI: " in text or text.startswith("I: ") or "] I: " in text
        )
        assert all(ch in text for ch in "æøå"), f"{name}: no Danish letters"


def test_txt_turns_all_start_with_a_speaker_label() -> None:
    for path in demo_files().values():
        if path.suffix != ".txt":
            continue
        blocks = path.read_text("utf-8").strip().split("\n\n")
        for block in blocks:
            assert TXT_LABEL.match(block), f"{path.name}: turn without label: {block[:50]!r}"
        assert len({TXT_LABEL.match(b).group(1) for b in blocks}) == 2, path.name


def test_one_txt_has_timestamps_and_vtt_cues_are_ordered() -> None:
    files = demo_files().values()
    stamped = [p for p in files if p.suffix == ".txt" and "[00:0" in p.read_text("utf-8")]
    assert len(stamped) == 1
    for path in files:
        if path.suffix != ".vtt":
            continue
        cues = vtt_cues(path)
        assert len({speaker for _, _, speaker, _ in cues}) == 2
        previous_end = 0.0
        for start, end, _, _ in cues:
            assert previous_end <= start < end, f"{path.name}: cue at {start} overlaps or is empty"
            previous_end = end


def test_docx_files_match_their_generator(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_docx", DEMO / "make_docx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = {n for n, p in demo_files().items() if p.suffix == ".docx"}
    assert set(module.INTERVIEWS) == committed
    for name, (title, raw) in module.INTERVIEWS.items():
        fresh = tmp_path / f"{name}.docx"
        module.write_docx(fresh, title, raw)
        expected = [p.text for p in docx.Document(str(fresh)).paragraphs]
        actual = [p.text for p in docx.Document(str(DEMO / f"{name}.docx")).paragraphs]
        assert actual == expected, f"{name}.docx is stale: rerun resources/demo/make_docx.py"
        labels = {text.partition(": ")[0] for text in actual}
        assert len(labels) == 2 and "Interviewer" in labels, f"{name}: labels {labels}"


def test_documents_match_between_files_codings_and_attributes(
    codings: dict[str, Any], attributes: list[dict[str, str]]
) -> None:
    files = set(demo_files())
    coded = {c["document"] for c in codings["codings"]}
    described = [row["document"] for row in attributes]
    assert len(described) == len(set(described))
    assert set(described) == files
    assert coded == files
    assert {m["document"] for m in codings["document_memos"]} == files


def test_attribute_values(attributes: list[dict[str, str]]) -> None:
    for row in attributes:
        name = row["document"]
        assert row["sektor_fra"] in SECTORS and row["sektor_til"] in SECTORS, name
        assert row["ledelsesniveau"] in LEVELS, name
        assert row["skiftet"] in {"ja", "nej"}, name
        assert (row["skiftet"] == "nej") == (row["sektor_fra"] == row["sektor_til"]), name
        assert row["køn"] in {"kvinde", "mand"}, name
        assert 1 <= int(row["år_som_leder"]) <= 40 and 25 <= int(row["alder"]) <= 70, name
    assert {row["skiftet"] for row in attributes} == {"ja", "nej"}
    assert {row["sektor_fra"] for row in attributes} == SECTORS


def test_coders_and_code_paths(codings: dict[str, Any]) -> None:
    roles = {c["name"]: c["role"] for c in codings["coders"]}
    assert roles == {"Anne": "analyst", "Bo": "analyst", "Mette": "supervisor"}
    for coding in codings["codings"]:
        assert coding["code"] in CODE_PATHS, coding["code"]
        assert coding["coder"] in ANALYSTS
        assert isinstance(coding["memo"], str)
    assert {c["code"] for c in codings["codings"]} == CODE_PATHS


def test_every_quote_occurs_exactly_once_within_one_turn(codings: dict[str, Any]) -> None:
    files = demo_files()
    texts = {name: document_text(path) for name, path in files.items()}
    units = {name: turn_units(path) for name, path in files.items()}
    problems: list[str] = []
    for coding in codings["codings"]:
        name, quote = coding["document"], coding["quote"]
        count = texts[name].count(quote)
        if count != 1:
            problems.append(f"{name}: quote occurs {count} times: {quote[:60]!r}")
        elif not any(quote in unit for unit in units[name]):
            problems.append(f"{name}: quote crosses a turn/cue or includes a label: {quote[:60]!r}")
        if quote != quote.strip() or len(quote.split()) < 5:
            problems.append(f"{name}: quote is not a trimmed passage: {quote!r}")
    assert not problems, "\n".join(problems)


def test_both_analysts_code_every_document(codings: dict[str, Any]) -> None:
    per = Counter((c["document"], c["coder"]) for c in codings["codings"])
    for name in demo_files():
        for coder in ANALYSTS:
            assert 8 <= per[(name, coder)] <= 14, f"{name}/{coder}: {per[(name, coder)]} codings"


def _spans(codings: dict[str, Any]) -> list[tuple[str, str, str, int, int]]:
    texts = {name: document_text(path) for name, path in demo_files().items()}
    spans = []
    for c in codings["codings"]:
        start = texts[c["document"]].index(c["quote"])
        spans.append((c["document"], c["coder"], c["code"], start, start + len(c["quote"])))
    return spans


def test_coders_agree_often_but_not_always(codings: dict[str, Any]) -> None:
    spans = _spans(codings)

    def matched(a: tuple[str, str, str, int, int]) -> bool:
        return any(
            b[0] == a[0] and b[1] != a[1] and b[2] == a[2] and b[3] < a[4] and a[3] < b[4]
            for b in spans
        )

    agreement = sum(matched(s) for s in spans) / len(spans)
    assert 0.5 <= agreement <= 0.9, f"overlap {agreement:.2f}"
    # Realistic disagreement: same passage, different codes ...
    different_code = [
        a
        for a in spans
        if a[1] == "Anne"
        and any(b[1] == "Bo" and b[0] == a[0] and b[2] != a[2] and b[3] == a[3] for b in spans)
    ]
    assert len(different_code) >= 10
    # ... and agreement on the code with different span boundaries.
    boundaries = [
        a
        for a in spans
        if a[1] == "Anne"
        and any(
            b[1] == "Bo"
            and b[0] == a[0]
            and b[2] == a[2]
            and (b[3], b[4]) != (a[3], a[4])
            and b[3] < a[4]
            and a[3] < b[4]
            for b in spans
        )
    ]
    assert len(boundaries) >= 20


def test_memos(codings: dict[str, Any]) -> None:
    counts = Counter(c["code"] for c in codings["codings"])
    memo_codes = [m["code"] for m in codings["code_memos"]]
    assert len(memo_codes) == len(set(memo_codes))
    assert {code for code, n in counts.items() if n >= 2} <= set(memo_codes)
    assert set(memo_codes) <= CODE_PATHS
    authors = Counter(m["coder"] for m in codings["code_memos"])
    assert authors["Anne"] > authors["Bo"] > 0
    for memo in codings["code_memos"]:
        sentences = len(re.findall(r"[.!?](?:\s|$)", memo["text"]))
        assert 3 <= sentences <= 5, f"{memo['code']}: {sentences} sentences"
    for memo in codings["document_memos"]:
        assert memo["coder"] in ANALYSTS and len(memo["text"].split()) >= 10
