"""Schema version constants (no database library imported: the fast CLI path reads them)."""

from __future__ import annotations

# The newest schema revision this version of Tematik writes. Must equal Alembic's head
# (tests/test_migrations.py checks it); the migration scripts are only imported when needed.
SCHEMA_HEAD = "0002"
KNOWN_REVISIONS = ("0001", "0002")
SQLITE_MAGIC = b"SQLite format 3\x00"
