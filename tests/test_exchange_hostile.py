"""Hostile REFI-QDA files are refused with a clear error and the project stays unchanged."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from coding.errors import TematikError
from coding.exchange import safe_zip
from coding.exchange.refi_import import import_refi
from coding.exchange.safe_zip import Limits, SafeArchive, check_member_name, parse_xml
from models.db import Database

GOOD_QDE = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="Test">'
    "<CodeBook><Codes>"
    '<Code guid="11111111-2222-4333-8444-555555555555" name="K" isCodable="true"/>'
    "</Codes></CodeBook></Project>"
)


def dump(db: Database) -> dict[str, list[str]]:
    """Every row of every table (the project's data)."""
    with db.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        return {t: sorted(map(repr, conn.execute(text(f'SELECT * FROM "{t}"')))) for t in tables}


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _refused(db: Database, path: Path, *words: str) -> str:
    before = dump(db)
    with pytest.raises(TematikError) as err:
        import_refi(db, path)
    msg = str(err.value)
    assert path.name in msg and "Nothing was imported" in msg
    for w in words:
        assert w in msg
    assert dump(db) == before
    return msg


def test_zip_slip_member_names_are_refused(db: Database, tmp_path: Path) -> None:
    for i, bad in enumerate(("../evil.txt", "sources/../../evil.txt", "/etc/evil", "C:/evil.txt")):
        path = _zip(tmp_path / f"slip{i}.qdpx", {"project.qde": GOOD_QDE.encode(), bad: b"x"})
        _refused(db, path, "archive member")
    assert not (tmp_path.parent / "evil.txt").exists()
    with pytest.raises(ValueError):
        check_member_name("a\\..\\..\\b")
    assert check_member_name("Sources\\a.txt") == "Sources/a.txt"


def test_external_entities_are_refused(db: Database, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
    )
    path = _zip(tmp_path / "xxe.qdpx", {"project.qde": xxe.encode()})
    _refused(db, path, "entities")
    qdc = tmp_path / "xxe.qdc"
    qdc.write_text(xxe)
    _refused(db, qdc, "entities")


def test_billion_laughs_is_refused(db: Database, tmp_path: Path) -> None:
    ents = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE Project [{ents}]>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&l9;"/>'
    )
    path = tmp_path / "bomb.qde"
    path.write_text(bomb)
    _refused(db, path, "entity")
    # UTF-16 encoded, the declarations are still found.
    path16 = tmp_path / "bomb16.qde"
    path16.write_bytes(bomb.replace('<?xml version="1.0"?>', "").encode("utf-16"))
    _refused(db, path16, "entit")


def test_malformed_xml_is_refused_with_the_line(db: Database, tmp_path: Path) -> None:
    path = _zip(tmp_path / "bad.qdpx", {"project.qde": b"<Project>\n<Users>\n</Project>"})
    _refused(db, path, "malformed", "line")
    other = tmp_path / "other.qdc"
    other.write_text('<CodeBook xmlns="urn:example:other"/>')
    _refused(db, other, "not a REFI-QDA")


def test_oversized_and_too_many_members_are_refused(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = _zip(
        tmp_path / "big.qdpx",
        {"project.qde": GOOD_QDE.encode(), "sources/a.txt": b"a" * 5000},
    )
    monkeypatch.setattr(safe_zip, "Limits", lambda: Limits(member_bytes=4000))
    _refused(db, big, "limit")
    monkeypatch.setattr(safe_zip, "Limits", lambda: Limits(members=3))
    many = _zip(
        tmp_path / "many.qdpx",
        {"project.qde": GOOD_QDE.encode(), **{f"sources/{i}.txt": b"x" for i in range(5)}},
    )
    _refused(db, many, "members")


def test_a_member_larger_than_its_declared_size_is_refused(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "liar.qdpx", {"project.qde": GOOD_QDE.encode(), "sources/a.txt": b"b" * 4096}
    )
    raw = bytearray(path.read_bytes())
    # Shrink the declared size of sources/a.txt in the central directory to 10 bytes.
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("sources/a.txt")
    cd = raw.rfind(b"PK\x01\x02", 0, len(raw))
    assert raw[cd + 46 : cd + 46 + len(info.filename)] == info.filename.encode()
    raw[cd + 24 : cd + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    with SafeArchive(path) as archive, pytest.raises(TematikError, match="declared size|damaged"):
        archive.read("sources/a.txt")


def test_zip_bomb_ratio_is_refused(db: Database, tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "ratio.qdpx",
        {"project.qde": GOOD_QDE.encode(), "sources/zeros.txt": b"\0" * (30 * 1024**2)},
    )
    _refused(db, path, "zip bomb")


def test_not_a_zip_and_missing_file(db: Database, tmp_path: Path) -> None:
    fake = tmp_path / "fake.qdpx"
    fake.write_bytes(b"PK\x03\x04 not really")
    _refused(db, fake, "not a valid")
    with pytest.raises(TematikError, match="does not exist"):
        import_refi(db, tmp_path / "nope.qdpx")


def test_an_error_while_storing_rolls_everything_back(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coding.exchange import refi_import

    qde = GOOD_QDE.replace(
        "</CodeBook>",
        '</CodeBook><Sources><TextSource guid="21111111-2222-4333-8444-555555555555" name="D">'
        "<PlainTextContent>Noget tekst her</PlainTextContent></TextSource></Sources>",
    )
    path = _zip(tmp_path / "ok.qdpx", {"project.qde": qde.encode()})

    def boom(self: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(refi_import._Store, "store_notes", boom)
    msg = _refused(db, path, "disk full")
    assert "RuntimeError" in msg


def test_parse_xml_keeps_plain_doctype_without_entities() -> None:
    root = parse_xml(b'<?xml version="1.0"?><!DOCTYPE Project><Project name="x"/>', "x.qde")
    assert root.get("name") == "x"
