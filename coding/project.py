"""Projects, transactions, project settings and coders.

Every user action runs in :func:`transaction`: one commit when it succeeds, a rollback when
it fails, so a crash never leaves half an action behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.errors import TematikError
from models.db import Database, open_database
from models.entities import CODER_ROLES, Coder, ProjectInfo, Setting

LANGUAGES = ("da", "en")


@contextmanager
def transaction(db: Database) -> Iterator[Session]:
    """A session whose work is committed at once on success and rolled back on error."""
    session = db.session()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def create_project(
    target: str | Path,
    *,
    name: str | None = None,
    language: str = "da",
    codebook: str | Path | None = "default",
) -> Database:
    """Create a new project file (or schema in an empty database) with a codebook.

    ``codebook`` is ``"default"`` (Ledermobilitet in the project language), a built-in name
    such as ``ledermobilitet-en``, ``"none"``/None, or a path to a codebook JSON file.
    """
    from coding.codebook import install_codebook, load_codebook

    if language not in LANGUAGES:
        raise TematikError(f"Unknown language {language!r}; choose one of {', '.join(LANGUAGES)}.")
    data = None
    if codebook not in (None, "none"):
        key = f"ledermobilitet-{language}" if codebook == "default" else str(codebook)
        data = load_codebook(key)  # fail before anything is created
    db = open_database(target, create=True)
    try:
        with transaction(db) as s:
            pname = name or (Path(str(target)).stem if "://" not in str(target) else "Tematik")
            s.add(ProjectInfo(name=pname, language=language))
            if data is not None:
                install_codebook(s, data)
    except BaseException:
        db.close()
        raise
    return db


def open_project(target: str | Path) -> Database:
    """Open an existing project (migrating an older schema after a backup copy)."""
    return open_database(target)


def project_info(session: Session) -> ProjectInfo:
    info = session.scalars(select(ProjectInfo)).first()
    if info is None:  # a project made by an external tool: fill in defaults
        info = ProjectInfo(name="Tematik", language="da")
        session.add(info)
        session.flush()
    return info


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)


# --- coders ------------------------------------------------------------------------------------


def list_coders(session: Session) -> list[Coder]:
    return list(session.scalars(select(Coder).order_by(Coder.name)))


def find_coder(session: Session, name: str) -> Coder | None:
    return session.scalars(select(Coder).where(func.lower(Coder.name) == name.lower())).first()


def get_coder(session: Session, name: str) -> Coder:
    coder = find_coder(session, name)
    if coder is None:
        known = ", ".join(c.name for c in list_coders(session)) or "none yet"
        raise TematikError(f"No coder named {name!r} (coders: {known}).")
    return coder


def ensure_coder(session: Session, name: str, role: str = "analyst") -> Coder:
    """The coder with this name, created when new."""
    name = name.strip()
    if not name:
        raise TematikError("A coder needs a name.")
    if role not in CODER_ROLES:
        raise TematikError(f"Unknown role {role!r}; choose one of {', '.join(CODER_ROLES)}.")
    coder = find_coder(session, name)
    if coder is None:
        coder = Coder(name=name, role=role)
        session.add(coder)
        session.flush()
    return coder


def set_coder_role(session: Session, coder_id: int, role: str) -> str:
    """Change a coder's role; returns the previous role (for undo)."""
    if role not in CODER_ROLES:
        raise TematikError(f"Unknown role {role!r}.")
    coder = session.get(Coder, coder_id)
    if coder is None:
        raise TematikError("That coder no longer exists.")
    old = coder.role
    coder.role = role
    return old
