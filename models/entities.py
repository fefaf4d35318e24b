"""The project's tables (SQLAlchemy 2.0, typed ``Mapped[]`` columns).

Positions (``start``/``end``) are Unicode code points in ``Document.text``; ``end`` is exclusive.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedMixin, GuidMixin, utcnow


def turn_guid(document_guid: str, start: int) -> str:
    """The stable GUID of the turn that starts at ``start`` in a document."""
    return str(uuid.uuid5(uuid.UUID(document_guid), f"turn:{start}"))


CODER_ROLES = ("analyst", "supervisor", "consensus")
CODE_KINDS = ("barrier", "motivation", "condition", "other")


class ProjectInfo(GuidMixin, CreatedMixin, Base):
    """One row: the project's name, language and description."""

    __tablename__ = "project"

    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8), default="da")
    description: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    """Free-form project settings (key → JSON text)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Coder(GuidMixin, CreatedMixin, Base):
    __tablename__ = "coder"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="analyst")

    __table_args__ = (CheckConstraint(f"role IN {CODER_ROLES!r}", name="role"),)


class Case(GuidMixin, CreatedMixin, Base):
    """A unit of analysis (usually one interviewed leader); carries attribute values."""

    __tablename__ = "case_"

    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # Names to replace when pseudonymising (JSON list of {"name", "kind", "pseudonym"}).
    pseudonyms: Mapped[str] = mapped_column(Text, default="[]")

    documents: Mapped[list[Document]] = relationship(back_populates="case")
    values: Mapped[list[AttributeValue]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )


class Attribute(GuidMixin, CreatedMixin, Base):
    """A case variable, e.g. sector moved from / to, leader level, years as leader."""

    __tablename__ = "attribute"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(
        String(20), default="text"
    )  # text, integer, float, date, boolean
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class AttributeValue(GuidMixin, Base):
    __tablename__ = "attribute_value"

    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"))
    value: Mapped[str] = mapped_column(Text, default="")

    attribute: Mapped[Attribute] = relationship()
    case: Mapped[Case] = relationship(back_populates="values")

    __table_args__ = (
        UniqueConstraint("attribute_id", "case_id"),
        Index("ix_attribute_value_attr_value", "attribute_id", "value"),
    )


class Document(GuidMixin, Base):
    __tablename__ = "document"

    name: Mapped[str] = mapped_column(String(300), unique=True)
    text: Mapped[str] = mapped_column(Text)
    original_filename: Mapped[str] = mapped_column(String(500), default="")
    format: Mapped[str] = mapped_column(String(16), default="txt")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    # sha256 of the stored plain text: documents are matched across projects by content.
    text_sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    char_count: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_.id", ondelete="SET NULL"), nullable=True, index=True
    )

    case: Mapped[Case | None] = relationship(back_populates="documents")
    speakers: Mapped[list[Speaker]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    turns: Mapped[list[Turn]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Turn.start",
    )


class Speaker(GuidMixin, Base):
    __tablename__ = "speaker"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="")  # interviewer / respondent / ''

    document: Mapped[Document] = relationship(back_populates="speakers")

    __table_args__ = (UniqueConstraint("document_id", "name"),)


class Turn(Base):
    """A speaker turn. Turns come in thousands per import, so their GUID is derived, not
    stored: ``uuid5(document GUID, start)`` is stable for as long as the document's text is."""

    __tablename__ = "turn"

    id: Mapped[int] = mapped_column(primary_key=True)

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speaker.id", ondelete="SET NULL"), nullable=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    timestamp: Mapped[float | None] = mapped_column(Float, nullable=True)  # seconds

    document: Mapped[Document] = relationship(back_populates="turns")
    speaker: Mapped[Speaker | None] = relationship()

    @property
    def guid(self) -> str:
        return turn_guid(self.document.guid, self.start)

    __table_args__ = (Index("ix_turn_document_start", "document_id", "start"),)


class Code(GuidMixin, CreatedMixin, Base):
    """A node in the code tree. Top-level nodes carry the kind (barrier, motivation, ...)."""

    __tablename__ = "code"

    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    codable: Mapped[bool] = mapped_column(Boolean, default=True)
    color: Mapped[str] = mapped_column(String(9), default="#f1c40f")
    definition: Mapped[str] = mapped_column(Text, default="")
    inclusion: Mapped[str] = mapped_column(Text, default="")
    exclusion: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    indicator_terms: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    position: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[Code | None] = relationship(remote_side="Code.id", back_populates="children")
    children: Mapped[list[Code]] = relationship(
        back_populates="parent", order_by="Code.position", passive_deletes=True
    )


class Coding(GuidMixin, CreatedMixin, Base):
    """A code applied by a coder to [start, end) of a document."""

    __tablename__ = "coding"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)  # a chosen report quote

    document: Mapped[Document] = relationship()
    code: Mapped[Code] = relationship()
    coder: Mapped[Coder] = relationship()

    __table_args__ = (
        UniqueConstraint("document_id", "code_id", "coder_id", "start", "end"),
        CheckConstraint('start >= 0 AND start < "end"', name="span"),
        Index("ix_coding_doc_code_coder", "document_id", "code_id", "coder_id"),
        Index("ix_coding_code_coder", "code_id", "coder_id"),
        Index("ix_coding_coder_doc", "coder_id", "document_id"),
    )


class Memo(GuidMixin, CreatedMixin, Base):
    """A memo on the project (no target), a document, a code or a coding."""

    __tablename__ = "memo"

    coder_id: Mapped[int | None] = mapped_column(
        ForeignKey("coder.id", ondelete="SET NULL"), nullable=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), nullable=True, index=True
    )
    code_id: Mapped[int | None] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), nullable=True, index=True
    )
    coding_id: Mapped[int | None] = mapped_column(
        ForeignKey("coding.id", ondelete="CASCADE"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    coder: Mapped[Coder | None] = relationship()


class CodeSet(GuidMixin, Base):
    """A named set of documents and/or codes (REFI-QDA Sets)."""

    __tablename__ = "code_set"

    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")


class SetMember(Base):
    __tablename__ = "set_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("code_set.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), nullable=True
    )
    code_id: Mapped[int | None] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), nullable=True
    )


# --- schema revision 0002: suggestions and adjudication ---------------------------------------

SUGGESTION_SOURCES = ("terms", "model", "similar")
SUGGESTION_STATES = ("pending", "accepted", "rejected")


class Suggestion(GuidMixin, CreatedMixin, Base):
    """A candidate coding proposed by the suggester. Never a coding until accepted."""

    __tablename__ = "suggestion"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    evidence: Mapped[str] = mapped_column(Text, default="[]")  # JSON

    document: Mapped[Document] = relationship()
    code: Mapped[Code] = relationship()

    __table_args__ = (
        Index("ix_suggestion_doc_code", "document_id", "code_id"),
        UniqueConstraint("document_id", "code_id", "start", "end", "source"),
    )


class SuggestionDecision(Base):
    """A coder's decision on a suggestion (pending / accepted / rejected)."""

    __tablename__ = "suggestion_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(20), default="pending")
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    coding_id: Mapped[int | None] = mapped_column(
        ForeignKey("coding.id", ondelete="SET NULL"), nullable=True
    )

    __table_args__ = (UniqueConstraint("suggestion_id", "coder_id"),)


class Adjudication(GuidMixin, CreatedMixin, Base):
    """A supervisor's decision on a disagreement, building the consensus coder's codings."""

    __tablename__ = "adjudication"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(20))  # a, b, both, neither, edited
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("coder.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_adjudication_doc_code", "document_id", "code_id"),)
