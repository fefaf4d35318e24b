"""Engine and session set-up, project files, schema versions.

A project is one SQLite file (``*.tematik``, WAL, foreign keys on) or a PostgreSQL URL.
Schema versions are Alembic revisions. Opening an older project migrates it after a backup
copy; a project written by a newer Tematik is refused with a clear message.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from coding.errors import ProjectError
from models import entities  # noqa: F401  (registers the tables)
from models.base import Base
from models.version import KNOWN_REVISIONS, SCHEMA_HEAD, SQLITE_MAGIC

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def to_url(target: str | Path) -> str:
    """A database URL for a ``.tematik`` path or a URL given as is."""
    s = str(target)
    if "://" in s:
        return s
    return "sqlite:///" + str(Path(s).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    return None


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """Create an engine with the pragmas Tematik relies on."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision stored in the database, or None for an empty database."""
    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        if "alembic_version" not in names:
            if names:
                raise ProjectError(
                    "This database is not a Tematik project (it has tables but no Tematik "
                    "schema version)."
                )
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a Tematik project file.")
    with path.open("rb") as fh:
        head = fh.read(16)
    if head and head != SQLITE_MAGIC:
        raise ProjectError(f"{path.name} is not a Tematik project (not an SQLite database).")


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy the project file before a migration, using SQLite's online backup."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(dest)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return dest


def alembic_config(engine: Engine):  # -> alembic.config.Config (imported lazily)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def create_schema(engine: Engine) -> None:
    """Create all tables of the newest schema and record its revision."""
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
            )
        )
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(
            text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": SCHEMA_HEAD}
        )


class Database:
    """An open project database: the engine and a session factory.

    Create it once (in ``main.py`` or a test) and pass it down.
    """

    def __init__(self, engine: Engine, url: str, backup: Path | None = None) -> None:
        self.engine = engine
        self.url = url
        self.backup = backup  # set when opening migrated an older project
        self.sessionmaker = sessionmaker(engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        p = self.path
        return p.name if p else self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        return self.sessionmaker()

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str | Path, *, create: bool = False) -> Database:
    """Open (and if needed migrate) a project; with ``create`` make a new empty one.

    Raises ProjectError with a clear message when the target is missing, not a project,
    or written by a newer version of Tematik.
    """
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        if path.exists():
            if create:
                raise ProjectError(f"{path.name} already exists; choose another file name.")
            _check_sqlite_file(path)
        elif not create:
            raise ProjectError(f"No project at {path}.")
        else:
            if not path.parent.exists():
                raise ProjectError(f"The folder {path.parent} does not exist.")
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
    except ProjectError:
        engine.dispose()
        raise
    except Exception as exc:  # unreadable file, server down, wrong password...
        engine.dispose()
        raise ProjectError(f"Cannot open {target}: {exc.__class__.__name__}: {exc}") from exc
    backup: Path | None = None
    if revision is None:
        if not create:
            engine.dispose()
            raise ProjectError(f"{target} is an empty database, not a Tematik project.")
        create_schema(engine)
    elif revision != SCHEMA_HEAD:
        if revision not in KNOWN_REVISIONS:
            engine.dispose()
            raise ProjectError(
                f"{target} was written by a newer version of Tematik (schema {revision}); "
                f"this version understands up to schema {SCHEMA_HEAD}. Please update Tematik."
            )
        if path is not None:
            backup = backup_sqlite(path, revision)
        upgrade(engine)
    return Database(engine, url, backup)


def _sqlite_insert_sql(table: Table, columns: tuple[str, ...], returning: bool = False) -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    tail = ' RETURNING "id"' if returning else ""
    return f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks}){tail}'


def _sqlite_value(value: object) -> object:
    # SQLAlchemy's storage format for DateTime on SQLite (the sqlite3 default adapter differs
    # when the microseconds are 0, and is deprecated from Python 3.12).
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def bulk_insert(
    conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple]
) -> None:
    """Insert many rows fast: the driver's executemany on SQLite, Core executemany elsewhere."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        conn.connection.cursor().executemany(_sqlite_insert_sql(table, columns), rows)
    else:
        conn.execute(table.insert(), [dict(zip(columns, r, strict=True)) for r in rows])


def insert_returning_id(conn: Connection, table: Table, row: dict[str, object]) -> int:
    """Insert one row and return its id: straight through the driver on SQLite (import
    stores hundreds of rows a second), a Core statement elsewhere."""
    if conn.dialect.name == "sqlite":
        columns = tuple(row)
        cur = conn.connection.cursor()
        cur.execute(
            _sqlite_insert_sql(table, columns, returning=True),
            tuple(_sqlite_value(v) for v in row.values()),
        )
        return int(cur.fetchone()[0])
    return int(conn.execute(table.insert().returning(table.c.id), row).scalar_one())
