"""Project summary for ``info``: plain, portable SQL over any DB-API connection.

For a ``.tematik`` file the CLI answers through the standard library's sqlite3 alone, without
importing SQLAlchemy (start-up time matters for scripts); other databases, and files that
need a migration first, go through the normal project opening.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from coding.tree import TREE_COLUMNS, build_code_tree
from models.version import SCHEMA_HEAD, SQLITE_MAGIC


def project_summary(conn: Any, location: str) -> dict[str, Any]:
    """Documents, codes, coders and coding counts (a DB-API 2 connection)."""
    cur = conn.cursor()

    def rows(sql: str) -> list[tuple]:
        cur.execute(sql)
        return list(cur.fetchall())

    info = rows("SELECT name, language FROM project ORDER BY id")
    name, language = info[0] if info else ("Tematik", "da")
    turns = dict(rows("SELECT document_id, COUNT(*) FROM turn GROUP BY document_id"))
    speakers: dict[int, list[str]] = {}
    for doc_id, sp in rows("SELECT document_id, name FROM speaker ORDER BY name"):
        speakers.setdefault(doc_id, []).append(sp)
    docs = [
        {
            "name": dname,
            "format": fmt,
            "characters": chars,
            "language": lang,
            "turns": turns.get(doc_id, 0),
            "speakers": speakers.get(doc_id, []),
        }
        for doc_id, dname, fmt, chars, lang in rows(
            "SELECT id, name, format, char_count, language FROM document ORDER BY position, id"
        )
    ]
    tree = build_code_tree(rows(f"SELECT {', '.join(TREE_COLUMNS)} FROM code"))
    codes = [
        {"path": n.path, "kind": n.kind, "colour": n.color, "codable": n.codable} for n in tree
    ]
    coders = [{"name": n, "role": r} for n, r in rows("SELECT name, role FROM coder ORDER BY name")]
    by_coder = dict(
        rows(
            "SELECT coder.name, COUNT(coding.id) FROM coder JOIN coding ON coding.coder_id = "
            "coder.id GROUP BY coder.name ORDER BY coder.name"
        )
    )
    cur.close()
    return {
        "project": {"name": name, "language": language, "location": location},
        "documents": docs,
        "codes": codes,
        "coders": coders,
        "codings": {"total": sum(by_coder.values()), "by_coder": by_coder},
    }


def fast_sqlite_summary(target: str) -> dict[str, Any] | None:
    """The summary of an up-to-date ``.tematik`` file read with sqlite3 alone; None when the
    target is not such a file (the caller then opens it the normal way, with its checks)."""
    if "://" in target:
        return None
    path = Path(target).expanduser()
    try:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if not row or row[0] != SCHEMA_HEAD:
            return None
        return project_summary(conn, path.name)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
