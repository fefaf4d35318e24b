"""REFI-QDA export/import: schema validity, round trips, and the real files other tools wrote."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import select

from coding.attributes import case_for_document, ensure_attribute, set_value
from coding.codebook import add_code, code_tree, terms_of
from coding.codings import add_coding, set_memo
from coding.documents import store_document
from coding.exchange.refi_export import export_qdc, export_qdpx, selection_guid
from coding.exchange.refi_import import count_rows, import_refi, read_refi
from coding.importing import ParsedDocument, detect_turns
from coding.project import create_project, ensure_coder, transaction
from models.db import Database
from models.entities import (
    Attribute,
    AttributeValue,
    Case,
    Code,
    Coder,
    CodeSet,
    Coding,
    Document,
    Memo,
    SetMember,
)
from tests._paths import REFI, shared_file

TEXT_1 = (
    "Interviewer: Hvorfor skiftede du til regionen? 😀\n\n"
    "Leder: Løn og pension betød noget 🤣🤣, men især æøå-kulturen i Ærø Kommune.\n\n"
    "Interviewer: Og netværket?\n\n"
    "Leder: Netværket 👩‍👩‍👧 var afgørende – også for min familie."
)
TEXT_2 = "Interviewer: Hvad holdt dig tilbage?\n\nLeder: Pensionen 💰 og usikkerheden ved skiftet."


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def build_synthetic(path: Path) -> Database:
    """A small project with emoji and Danish letters in every kind of exported entity."""
    db = create_project(path, codebook="none", name="Syntetisk æøå")
    with transaction(db) as s:
        anne = ensure_coder(s, "Anne")
        mette = ensure_coder(s, "Mette Ærø", "supervisor")
        bar = add_code(s, "Barrierer", kind="barrier", codable=False, color="#c0392b")
        lon = add_code(
            s,
            "Løn og pension",
            bar.id,
            color="#e67e22",
            definition="Løn, pension og vilkår.\nOgså frynsegoder.",
            inclusion="Nævner løn 💰",
            exclusion="Ikke arbejdstid\nog ikke ferie",
            example="“Pensionen betød alt”",
            indicator_terms=["løn", "pension", "æøå"],
        )
        mot = add_code(s, "Motivation", kind="motivation", color="#27ae60")
        net = add_code(s, "Netværk 😀", mot.id, definition="Relationer")
        docs = []
        for name, text in (("Interview ø1", TEXT_1), ("Interview 2", TEXT_2)):
            docs.append(
                store_document(s, name, ParsedDocument(text, "txt", detect_turns(text), "", "da"))
            )
        d1, d2 = docs
        c1 = add_coding(
            s, d1.id, lon.id, anne.id, *_span(TEXT_1, "Løn og pension betød noget 🤣🤣")
        )
        add_coding(s, d1.id, lon.id, mette.id, *_span(TEXT_1, "Løn og pension betød noget 🤣🤣"))
        c3 = add_coding(
            s,
            d1.id,
            net.id,
            anne.id,
            *_span(TEXT_1, "Netværket 👩‍👩‍👧 var afgørende"),
            memo="Vigtig ✔",
        )
        add_coding(s, d2.id, lon.id, mette.id, *_span(TEXT_2, "Pensionen 💰"))
        set_memo(s, "Projektmemo æøå 😀", coder_id=anne.id)
        set_memo(s, "Dokumentmemo", coder_id=mette.id, document_id=d1.id, title="Om ø1")
        set_memo(s, "Kodememo\nto linjer", coder_id=anne.id, code_id=lon.id)
        set_memo(s, "Kodningsmemo 🤣", coder_id=anne.id, coding_id=c1.id)
        set_memo(s, "Endnu et", coder_id=mette.id, coding_id=c3.id)
        sektor = ensure_attribute(s, "sektor_fra")
        aar = ensure_attribute(s, "år_som_leder", "integer")
        score = ensure_attribute(s, "score", "float")
        for doc, (sek, n, sc) in zip(
            docs, (("kommune", "12", "3,5"), ("stat", "", "2.25")), strict=True
        ):
            case = case_for_document(s, doc)
            set_value(s, case, sektor, sek)
            set_value(s, case, aar, n)
            set_value(s, case, score, sc)
        cs = CodeSet(name="Økonomi 💰", description="Sæt")
        s.add(cs)
        s.flush()
        s.add_all(
            [SetMember(set_id=cs.id, code_id=lon.id), SetMember(set_id=cs.id, document_id=d2.id)]
        )
    return db


def snapshot(db: Database) -> dict[str, Any]:
    """Everything a round trip must keep, by GUID and name (not by database id)."""
    with transaction(db) as s:
        docs = {d.id: d for d in s.scalars(select(Document).order_by(Document.position))}
        codes = {c.id: c for c in s.scalars(select(Code))}
        coders = {c.id: c.name for c in s.scalars(select(Coder))}
        codings = {c.id: c for c in s.scalars(select(Coding))}
        attrs = {a.id: a for a in s.scalars(select(Attribute))}
        cases = {c.id: c for c in s.scalars(select(Case))}

        def target(m: Memo) -> tuple[str, str]:
            if m.coding_id:
                return "coding", codings[m.coding_id].guid
            if m.code_id:
                return "code", codes[m.code_id].guid
            if m.document_id:
                return "document", docs[m.document_id].guid
            return "project", ""

        sets = {}
        for cs in s.scalars(select(CodeSet)):
            members = s.scalars(select(SetMember).where(SetMember.set_id == cs.id))
            sets[cs.name] = (
                cs.guid,
                cs.description,
                sorted(
                    (codes[m.code_id].guid if m.code_id else docs[m.document_id].guid)
                    for m in members
                ),
            )
        return {
            "documents": [(d.guid, d.name, d.text) for d in docs.values()],
            "tree": [
                (
                    n.path,
                    n.guid,
                    n.color,
                    n.codable,
                    n.kind,
                    codes[n.id].definition,
                    codes[n.id].inclusion,
                    codes[n.id].exclusion,
                    codes[n.id].example,
                    terms_of(codes[n.id]),
                )
                for n in code_tree(s)
            ],  # fmt: skip
            "codings": sorted(
                (
                    c.guid,
                    docs[c.document_id].guid,
                    codes[c.code_id].guid,
                    coders[c.coder_id],
                    c.start,
                    c.end,
                    c.memo,
                )
                for c in codings.values()
            ),  # fmt: skip
            "coders": sorted(coders.values()),
            "memos": sorted(
                (m.guid, *target(m), m.title, m.text, coders.get(m.coder_id or -1))
                for m in s.scalars(select(Memo))
            ),
            "attributes": sorted((a.guid, a.name, a.type) for a in attrs.values()),
            "values": sorted(
                (cases[v.case_id].name, attrs[v.attribute_id].name, v.value)
                for v in s.scalars(select(AttributeValue))
            ),
            "cases": sorted(
                (c.guid, c.name, sorted(d.guid for d in docs.values() if d.case_id == c.id))
                for c in cases.values()
            ),
            "sets": sets,
        }


def _project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(file=str(shared_file("refi-qda", "qualcoder", "Project-mrt2019.xsd")))


def _codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(file=str(shared_file("refi-qda", "openqda-refi-tools", "Codebook.xsd")))


def assert_valid(schema: etree.XMLSchema, data: bytes) -> None:
    doc = etree.fromstring(data)
    assert schema.validate(doc), str(schema.error_log)


@pytest.fixture
def synthetic(tmp_path: Path) -> Database:
    db = build_synthetic(tmp_path / "syn.tematik")
    yield db
    db.close()


# --- export --------------------------------------------------------------------------------------


def test_qdpx_export_is_schema_valid_and_holds_the_sources(
    synthetic: Database, tmp_path: Path
) -> None:
    out = tmp_path / "syn.qdpx"
    with transaction(synthetic) as s:
        report = export_qdpx(s, out)
        docs = list(s.scalars(select(Document)))
    assert (report.documents, report.codings, report.memos, report.coders) == (2, 4, 5, 2)
    with zipfile.ZipFile(out) as z:
        xml = z.read("project.qde")
        assert_valid(_project_schema(), xml)
        for d in docs:
            assert z.read(f"sources/{d.guid}.txt").decode("utf-8") == d.text
    root = etree.fromstring(xml)
    ns = {"q": "urn:QDA-XML:project:1.0"}
    sources = root.findall(".//q:TextSource", ns)
    assert {s.get("plainTextPath") for s in sources} == {f"internal://{d.guid}.txt" for d in docs}
    # Positions are code points: the selection cuts exactly the coded phrase, emoji included.
    sel = root.find(".//q:PlainTextSelection[q:Description]", ns)
    assert sel is not None
    s0, e0 = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert TEXT_1[s0:e0] == "Netværket 👩‍👩‍👧 var afgørende"
    assert sel.findtext("q:Description", namespaces=ns) == "Vigtig ✔"


def test_qdc_export_is_schema_valid(synthetic: Database, tmp_path: Path) -> None:
    out = tmp_path / "syn.qdc"
    with transaction(synthetic) as s:
        export_qdc(s, out)
    data = out.read_bytes()
    assert_valid(_codebook_schema(), data)
    root = etree.fromstring(data)
    names = [c.get("name") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert names == ["Barrierer", "Løn og pension", "Motivation", "Netværk 😀"]
    assert root.find(".//{urn:QDA-XML:codebook:1.0}Code").get("isCodable") == "false"


def test_demo_export_is_schema_valid_and_round_trips(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "demo.qdpx"
    with transaction(demo_db) as s:
        export_qdpx(s, out)
        export_qdc(s, tmp_path / "demo.qdc")
    with zipfile.ZipFile(out) as z:
        assert_valid(_project_schema(), z.read("project.qde"))
    assert_valid(_codebook_schema(), (tmp_path / "demo.qdc").read_bytes())
    new = create_project(tmp_path / "copy.tematik", codebook="none")
    try:
        summary = import_refi(new, out)
        assert summary.skipped == {}, summary.messages
        before, after = snapshot(demo_db), snapshot(new)
        assert before["codings"], "the demo project has codings"
        for key in before:
            assert after[key] == before[key], key
    finally:
        new.close()


def test_synthetic_round_trip_keeps_everything(synthetic: Database, tmp_path: Path) -> None:
    out = tmp_path / "syn.qdpx"
    with transaction(synthetic) as s:
        export_qdpx(s, out)
    new = create_project(tmp_path / "copy.tematik", codebook="none")
    try:
        summary = import_refi(new, out)
        assert summary.skipped == {} and summary.messages == []
        before, after = snapshot(synthetic), snapshot(new)
        for key in before:
            assert after[key] == before[key], key
        with transaction(new) as s:
            rows = s.execute(
                select(Document.text, Coding.start, Coding.end).join(Coding.document)
            ).all()
            assert "Løn og pension betød noget 🤣🤣" in {t[a:b] for t, a, b in rows}
    finally:
        new.close()


def test_importing_the_same_file_twice_adds_no_duplicates(
    synthetic: Database, tmp_path: Path
) -> None:
    out = tmp_path / "syn.qdpx"
    with transaction(synthetic) as s:
        export_qdpx(s, out)
        before = count_rows(s)
    summary = import_refi(synthetic, out)
    assert summary.codes == 0 and summary.documents == 0 and summary.codings == 0
    assert summary.skipped["duplicate codings"] == 4
    with transaction(synthetic) as s:
        after = count_rows(s)
    assert {k: v for k, v in after.items() if k != "memo"} == {
        k: v for k, v in before.items() if k != "memo"
    }


def test_selection_guid_is_stable() -> None:
    g = "0b5e2c4e-8a3b-4c53-9b1e-1f2a3b4c5d6e"
    assert selection_guid(g) == selection_guid(g.upper()) != g


# --- real files from other tools ------------------------------------------------------------------


def _word_boundary(text: str, p: int) -> bool:
    return p <= 0 or p >= len(text) or not (text[p - 1].isalnum() and text[p].isalnum())


def test_nvivo_windows_utf16_positions_land_on_the_words_nvivo_showed(empty_db: Database) -> None:
    path = shared_file("refi-qda", "samples", "nvivo-win-12.6_oltas.qdpx")
    summary = import_refi(empty_db, path)
    assert (summary.documents, summary.codings, summary.codes, summary.coders) == (1, 97, 60, 2)
    assert "UTF-16" in summary.positions[0]
    with transaction(empty_db) as s:
        doc = s.scalars(select(Document)).one()
        spans = s.execute(select(Coding.start, Coding.end)).all()
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
    # The README's example: NVivo range 2560-2616 is exactly this text.
    expected = "Mi az a fityesznek? Akkor írják át amikor akarják 🤣🤣🤣"
    assert any(doc.text[a:b] == expected for a, b in spans)
    # Every coding starts and ends on a word boundary (read as code points, 12 of 20 do).
    assert len(spans) == 97
    assert all(_word_boundary(doc.text, a) and _word_boundary(doc.text, b) for a, b in spans)
    # ... and each equals the raw UTF-16 slice of the source NVivo wrote (CRLF → \n).
    with zipfile.ZipFile(path) as z:
        raw = z.read("Sources/56a79789-d535-4fb8-bedd-a915504c54ba.txt").decode("utf-8-sig")
        qde = z.read("project.qde").decode("utf-8")
    units = raw.encode("utf-16-le")
    ranges = {
        (int(a), int(b)) for a, b in re.findall(r'startPosition="(\d+)" endPosition="(\d+)"', qde)
    }
    shown = {units[2 * a : 2 * b].decode("utf-16-le").replace("\r\n", "\n") for a, b in ranges}
    assert {doc.text[a:b] for a, b in spans} == shown


def test_nvivo_mac_codes_users_and_empty_sources(empty_db: Database) -> None:
    summary = import_refi(
        empty_db, shared_file("refi-qda", "samples", "nvivo-mac-15.0_nvivo_project.qdpx")
    )
    assert (summary.codes, summary.coders, summary.documents) == (262, 2, 0)
    assert summary.skipped == {"sources without text": 2}
    with transaction(empty_db) as s:
        depth = max(n.depth for n in code_tree(s))
        names = {c.name for c in s.scalars(select(Coder))}
    assert depth == 6 and names == {"chrisp", "cp"}


def test_atlas_ti_project_reports_what_it_cannot_map(empty_db: Database) -> None:
    summary = import_refi(
        empty_db,
        shared_file("refi-qda", "samples", "atlasti-8.4_refi-standard-project_Project.qde"),
    )
    assert (summary.codes, summary.coders, summary.memos, summary.sets) == (14, 3, 2, 16)
    assert summary.skipped["media sources"] == 4
    assert summary.skipped["links"] == 1 and summary.skipped["graphs"] == 1
    assert summary.skipped["sources without text"] == 8
    with transaction(empty_db) as s:
        code = s.scalars(select(Code).where(Code.name == "Coke::diet Coke")).one()
        memo = s.scalars(select(Memo).where(Memo.title == "Research Plan")).one()
        assert code.guid == "d299efae-5779-46dc-9827-a3d1a5d544bc"  # uppercase GUID, lowercased
        assert code.definition == "non sucré" and code.color == "#966450"
        assert memo.text.startswith("day to day log") and "dynamic team" in memo.text
        assert memo.coder_id is not None


def test_maxqda_and_taguette(empty_db: Database) -> None:
    summary = import_refi(empty_db, shared_file("refi-qda", "samples", "maxqda-24.7_project.qde"))
    assert summary.codes == 307 and summary.sets == 2
    summary = import_refi(
        empty_db, shared_file("refi-qda", "samples", "taguette-1.4.1_codebook.qdc")
    )
    assert summary.kind == "codebook" and summary.codes == 3  # the empty <Sets/> is accepted
    with transaction(empty_db) as s:
        assert s.scalars(select(Code).where(Code.name == "CodeBook")).one().parent_id is None


# --- what real files do, on small hand-written files ---------------------------------------------

G = "{:08X}-AAAA-4BBB-8CCC-{:012X}"


def _g(n: int) -> str:
    return G.format(n, n)


def _qdpx(path: Path, qde: str, files: dict[str, bytes], inner: str = "project.qde") -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(inner, qde.encode("utf-8"))
        for name, data in files.items():
            z.writestr(name, data)
    return path


def test_quirks_of_real_files(empty_db: Database, tmp_path: Path) -> None:
    text = "Første linje 😀\r\nAnden linje med æøå\r\nTredje"
    inline = "Inline tekst om pension og løn"
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Q" origin="SomeTool 1.0">
 <Users><User guid="{{{_g(1)}}}" name="Eva"/></Users>
 <CodeBook><Codes>
  <Code guid="{_g(2)}" name="Top" isCodable="false" color="#XYZ"><Description>Beskrivelse</Description>
   <NoteRef targetGUID="{_g(30)}"/>
   <Code guid="{_g(3).lower()}" name="Under/kode" isCodable="true" color="#abc"/>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="{_g(10)}" name="Fil A" plainTextPath="{_g(10)}.txt">
   <Description>Et dokument</Description>
   <PlainTextSelection guid="{_g(11)}" startPosition="0" endPosition="6" creatingUser="{_g(1)}">
    <Description>selektionsmemo</Description>
    <Coding guid="{_g(12)}"><CodeRef targetGUID="{_g(2)}"/></Coding>
    <Coding guid="{_g(13)}"><CodeRef targetGUID="{_g(3)}"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="{_g(14)}" startPosition="5" endPosition="5"><Coding guid="{_g(15)}"><CodeRef targetGUID="{_g(3)}"/></Coding></PlainTextSelection>
   <PlainTextSelection guid="{_g(16)}" startPosition="7" endPosition="12"/>
   <PlainTextSelection guid="{_g(17)}" startPosition="15" endPosition="999"><Coding guid="{_g(18)}"><CodeRef targetGUID="{_g(3)}"/></Coding></PlainTextSelection>
   <PlainTextSelection guid="{_g(19)}" startPosition="16" endPosition="35"><Coding guid="{_g(20)}" creatingUser="{_g(1)}"><CodeRef targetGUID="{_g(99)}"/></Coding><Coding guid="{_g(21)}" creatingUser="{_g(1)}"><CodeRef targetGUID="{_g(3)}"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="{_g(40)}" name="Fil B"><PlainTextContent>{inline}</PlainTextContent>
   <PlainTextSelection guid="{_g(41)}" startPosition="16" endPosition="23"><Coding guid="{_g(42)}" creatingUser="{_g(77)}"><CodeRef targetGUID="{_g(3)}"/></Coding></PlainTextSelection>
  </TextSource>
 </Sources>
 <Notes><Note guid="{_g(30)}" name="Kodenote"><PlainTextContent>Om koden</PlainTextContent></Note>
  <Note guid="{_g(31)}" name="Løs note"><PlainTextContent>Ingen reference</PlainTextContent></Note></Notes>
 <Sets/>
</Project>"""
    path = _qdpx(
        tmp_path / "quirks.qdpx",
        qde,
        {f"Sources/{_g(10)}.txt": b"\xef\xbb\xbf" + text.encode("utf-8")},
        inner="Mit projekt.qde",
    )
    summary = import_refi(empty_db, path)
    sk = summary.skipped
    assert sk["zero-length selections"] == 1
    assert sk["selections without codings"] == 1
    assert sk["selections outside the text"] == 1
    assert sk["codings with an unknown code"] == 1
    assert sk["invalid colours"] == 1
    assert any("Mit projekt.qde" in m for m in summary.messages)
    assert any("not in <Users>" in m for m in summary.messages)
    with transaction(empty_db) as s:
        docs = {d.name: d for d in s.scalars(select(Document))}
        a, b = docs["Fil A"], docs["Fil B"]
        assert a.text == "Første linje 😀\nAnden linje med æøå\nTredje"
        assert b.text == inline
        rows = s.execute(
            select(Coding.document_id, Code.name, Coding.start, Coding.end, Coding.memo, Coder.name)
            .join(Code, Code.id == Coding.code_id)
            .join(Coder, Coder.id == Coding.coder_id)
        ).all()
        got = {(r[0], r[1], (a if r[0] == a.id else b).text[r[2] : r[3]], r[4], r[5]) for r in rows}
        assert got == {
            (a.id, "Top", "Første", "selektionsmemo", "Eva"),
            (a.id, "Under∕kode", "Første", "selektionsmemo", "Eva"),
            # CRLF counted as 2 (the standard): 16–35 is the whole second line.
            (a.id, "Under∕kode", "Anden linje med æøå", "", "Eva"),
            (b.id, "Under∕kode", "pension", "", f"Bruger {_g(77)[:8].lower()}"),
        }
        top = s.scalars(select(Code).where(Code.name == "Top")).one()
        assert top.codable  # it had codings, so it became codable (and the summary says so)
        assert s.scalars(select(Code).where(Code.name == "Under∕kode")).one().color == "#aabbcc"
        memos = {m.title: m for m in s.scalars(select(Memo))}
        assert memos["Kodenote"].code_id == top.id
        assert memos["Løs note"].code_id is None and memos["Løs note"].document_id is None
        assert (
            memos["Description"].document_id == a.id and memos["Description"].text == "Et dokument"
        )
        assert s.scalars(select(Coder).where(Coder.name == "Eva")).one().guid == _g(1).lower()


@pytest.mark.parametrize(
    "ns", ["urn:QDA-XML:codebook:1.0", "urn:QDA-XML:codebook:1:0", "urn:QDA-XML:codebook:0:4"]
)
def test_codebook_namespace_variants(empty_db: Database, tmp_path: Path, ns: str) -> None:
    path = tmp_path / "cb.qdc"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="{ns}" origin="ATLAS.ti Windows 23.4.0">'
        f'<Codes><Code guid="{_g(1)}" name="A" isCodable="true" color="#112233">'
        f'<Code guid="{_g(2)}" name="B" isCodable="true"/></Code></Codes>'
        f'<Sets><Set guid="{_g(3)}" name="S"><MemberCode guid="{_g(2)}"/></Set></Sets></CodeBook>',
        encoding="utf-8",
    )
    summary = import_refi(empty_db, path)
    assert summary.codes == 2 and summary.sets == 1
    with transaction(empty_db) as s:
        assert [n.path for n in code_tree(s)] == ["A", "A/B"]
        assert s.scalars(select(SetMember)).one().code_id is not None


def test_crlf_counted_as_one_is_detected_for_an_unknown_tool(
    empty_db: Database, tmp_path: Path
) -> None:
    lines = [f"Linje {i} med ordet pension her" for i in range(8)]
    raw = "\r\n".join(lines)
    one = raw.replace("\r\n", "\n")  # the tool counted CRLF as one position
    sels = []
    for i in range(8):
        a = one.index(f"Linje {i}")
        p = one.index("pension", a)
        sels.append(
            f'<PlainTextSelection guid="{_g(100 + i)}" startPosition="{p}" endPosition="{p + 7}">'
            f'<Coding guid="{_g(200 + i)}"><CodeRef targetGUID="{_g(2)}"/></Coding></PlainTextSelection>'
        )
    qde = (
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="Other 2.0">'
        f'<CodeBook><Codes><Code guid="{_g(2)}" name="K" isCodable="true"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="{_g(10)}" name="T" plainTextPath="internal://{_g(10)}.txt">'
        + "".join(sels)
        + "</TextSource></Sources></Project>"
    )
    path = _qdpx(tmp_path / "crlf.qdpx", qde, {f"sources/{_g(10)}.txt": raw.encode("utf-8")})
    summary = import_refi(empty_db, path)
    assert "CRLF counted as 1" in summary.positions[0]
    with transaction(empty_db) as s:
        doc = s.scalars(select(Document)).one()
        spans = s.execute(select(Coding.start, Coding.end)).all()
    assert {doc.text[a:b] for a, b in spans} == {"pension"} and len(spans) == 8


def test_read_refi_needs_no_database_and_detects_language(
    tmp_path: Path, synthetic: Database
) -> None:
    out = tmp_path / "syn.qdpx"
    with transaction(synthetic) as s:
        export_qdpx(s, out)
    plan = read_refi(out)
    assert plan.language == "da" and len(plan.sources) == 2
    assert json.dumps(plan.summary.as_json())


def test_refi_folder_is_described() -> None:
    if not REFI.exists():
        pytest.skip("shared REFI material absent")
    assert (REFI / "README.txt").is_file()
