"""Schema versions: Alembic scripts match the models; an old project is migrated on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from models.base import Base
from models.db import (
    KNOWN_REVISIONS,
    SCHEMA_HEAD,
    alembic_config,
    current_revision,
    make_engine,
    open_database,
    to_url,
    upgrade,
)


def test_schema_head_constant_matches_alembic(tmp_path: Path) -> None:
    engine = make_engine(to_url(tmp_path / "x.tematik"))
    script = ScriptDirectory.from_config(alembic_config(engine))
    assert script.get_current_head() == SCHEMA_HEAD
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(KNOWN_REVISIONS)
    engine.dispose()


def test_migrations_build_exactly_the_model_schema(tmp_path: Path) -> None:
    engine = make_engine(to_url(tmp_path / "m.tematik"))
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    engine.dispose()


def test_old_project_is_migrated_on_open_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.tematik"
    engine = make_engine(to_url(path))
    upgrade(engine, "0001")  # a project written by the first release
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO coder (guid, name, role, created_at) VALUES "
            "('0b6d6b8e-7e7a-4f5e-9d0e-2a9a4e0c9d11', 'Anne', 'analyst', '2025-01-01')"
        )
    engine.dispose()
    assert "suggestion" not in _tables(path)

    db = open_database(path)
    assert current_revision(db.engine) == SCHEMA_HEAD
    assert "suggestion" in inspect(db.engine).get_table_names()
    assert db.backup is not None and db.backup.exists()
    db.close()
    # The backup is the untouched old project; the data survived the migration.
    assert "suggestion" not in _tables(db.backup)
    con = sqlite3.connect(path)
    assert con.execute("SELECT name FROM coder").fetchall() == [("Anne",)]
    con.close()


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    return names
