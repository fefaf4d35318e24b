"""Declarative base, GUID mix-in and small column helpers shared by every table."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Deterministic constraint names, so Alembic migrations work on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_guid() -> str:
    """A new stable identifier (lowercase UUID4), as REFI-QDA exchange expects."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class GuidMixin:
    """Every stored entity carries a stable GUID (REFI-QDA, merging coders' work)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)


class CreatedMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def new_guids(n: int) -> list[str]:
    """``n`` new UUID4 strings at once (one call to the OS random source: fast for bulk rows)."""
    h = os.urandom(16 * n).hex()
    variant = "89ab89ab89ab89ab"
    return [
        f"{h[i : i + 8]}-{h[i + 8 : i + 12]}-4{h[i + 13 : i + 16]}-"
        f"{variant[int(h[i + 16], 16)]}{h[i + 17 : i + 20]}-{h[i + 20 : i + 32]}"
        for i in range(0, 32 * n, 32)
    ]
