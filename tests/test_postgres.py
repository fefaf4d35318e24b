"""The same code on a PostgreSQL team server (TEMATIK_TEST_PG_URL; scripts/test.sh starts a
throw-away cluster when PostgreSQL is installed)."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

import main
from coding.codebook import find_code, merge_codes
from coding.codings import add_coding
from coding.demo import build_demo
from coding.errors import ProjectError, TematikError
from coding.project import get_coder, open_project, transaction
from coding.queries import SegmentFilter, frequency_matrix, segments
from models.db import SCHEMA_HEAD, current_revision, make_engine, upgrade

PG_URL = os.environ.get("TEMATIK_TEST_PG_URL")
pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("no PostgreSQL server (set TEMATIK_TEST_PG_URL; scripts/test.sh does)")
    name = f"tematik_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_URL.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as c:
        c.execute(
            text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        )
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def test_demo_project_on_postgresql(pg_url: str, capsys) -> None:
    db = build_demo(pg_url)
    try:
        with transaction(db) as s:
            rows = segments(s, SegmentFilter(codes=["Løn og pension"], coders=["Anne"]))
            assert rows and all(r.text for r in rows)
            m = frequency_matrix(s, "sektor_fra", include_subcodes=True)
            assert sum(m.codings[m.rows.index("Barrierer")]) > 0
            pay, sec = find_code(s, "Løn og pension"), find_code(s, "Jobsikkerhed")
            before = len(segments(s, code_ids=[pay.id, sec.id]))
            result = merge_codes(s, sec.id, pay.id)
            assert len(segments(s, code_ids=[pay.id])) == before - result.dropped_duplicates
            r = rows[-1]
            with pytest.raises(TematikError, match="already coded"):
                add_coding(s, r.document_id, r.code_id, get_coder(s, "Anne").id, r.start, r.end)
    finally:
        db.close()
    # The CLI accepts the URL as PROJECT.
    assert main.main(["info", pg_url, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["documents"]) >= 8 and data["codings"]["total"] > 100


def test_migration_and_newer_schema_on_postgresql(pg_url: str) -> None:
    engine = make_engine(pg_url)
    upgrade(engine, "0001")
    engine.dispose()
    db = open_project(pg_url)
    assert current_revision(db.engine) == SCHEMA_HEAD
    with db.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    with pytest.raises(ProjectError, match="newer version"):
        open_project(pg_url)
