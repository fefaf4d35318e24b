"""Project files: creation, pragmas, GUIDs, refusing bad files and newer schemas."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, text

from coding.errors import ProjectError, TematikError
from coding.project import create_project, ensure_coder, open_project, transaction
from models.db import SCHEMA_HEAD, current_revision
from models.entities import Code, Coder, ProjectInfo


def test_new_project_is_one_sqlite_file_with_wal_and_foreign_keys(db, project_path: Path) -> None:
    assert project_path.read_bytes()[:16] == b"SQLite format 3\x00"
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert current_revision(db.engine) == SCHEMA_HEAD


def test_default_codebook_installed_with_kinds_and_stable_guids(db) -> None:
    with transaction(db) as s:
        roots = s.scalars(
            select(Code).where(Code.parent_id.is_(None)).order_by(Code.position)
        ).all()
        assert {r.kind for r in roots} >= {"barrier", "motivation"}
        assert project_name(s) == "test"
        guids = s.scalars(select(Code.guid)).all()
    assert len(guids) == len(set(guids)) > 10
    for g in guids:
        assert str(uuid.UUID(g)) == g
    # The same default codebook in a second project has the same GUIDs (merging relies on it).
    other = create_project(Path(str(db.path) + "-2.tematik"), language="en")
    with transaction(other) as s:
        assert set(s.scalars(select(Code.guid)).all()) == set(guids)
    other.close()


def project_name(s) -> str:
    return s.scalars(select(ProjectInfo.name)).one()


def test_every_entity_gets_a_guid(db) -> None:
    with transaction(db) as s:
        coder = ensure_coder(s, "Anne")
    assert uuid.UUID(coder.guid)


def test_action_is_committed_at_once(db, project_path: Path) -> None:
    with transaction(db) as s:
        ensure_coder(s, "Bo", "supervisor")
    # A second, independent connection sees it immediately: nothing waits for a save.
    con = sqlite3.connect(project_path)
    assert con.execute("SELECT name, role FROM coder").fetchall() == [("Bo", "supervisor")]
    con.close()


def test_failed_action_leaves_nothing(db) -> None:
    with pytest.raises(TematikError), transaction(db) as s:
        ensure_coder(s, "Carl")
        ensure_coder(s, "Dora", role="emperor")
    with transaction(db) as s:
        assert s.scalars(select(Coder.name)).all() == []


def test_refuses_missing_file_folder_and_non_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="No project"):
        open_project(tmp_path / "nope.tematik")
    with pytest.raises(ProjectError, match="folder"):
        open_project(tmp_path)
    junk = tmp_path / "junk.tematik"
    junk.write_bytes(b"PK\x03\x04 this is a zip, not sqlite")
    with pytest.raises(ProjectError, match="not a Tematik project"):
        open_project(junk)
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE foo (x)")
    con.commit()
    con.close()
    with pytest.raises(ProjectError, match="not a Tematik project"):
        open_project(other)


def test_refuses_project_from_newer_version(db, project_path: Path) -> None:
    db.close()
    con = sqlite3.connect(project_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = project_path.read_bytes()
    with pytest.raises(ProjectError, match="newer version of Tematik"):
        open_project(project_path)
    assert project_path.read_bytes() == before


def test_create_refuses_existing_file_and_unknown_codebook(
    db, project_path: Path, tmp_path
) -> None:
    with pytest.raises(ProjectError, match="already exists"):
        create_project(project_path)
    with pytest.raises(TematikError, match="No codebook"):
        create_project(tmp_path / "x.tematik", codebook="nonsense")
    assert not (tmp_path / "x.tematik").exists()
