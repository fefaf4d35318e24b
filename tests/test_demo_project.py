"""The demo project built from resources/demo matches its specification."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from coding.attributes import document_attributes
from coding.demo import build_demo
from coding.project import list_coders, transaction
from coding.queries import segments
from coding.resources import DEMO
from models.entities import Coding, Document, Memo

SPEC = json.loads((DEMO / "codings.json").read_text(encoding="utf-8"))


def test_demo_has_every_coding_memo_and_attribute_of_the_spec(demo_db) -> None:
    with transaction(demo_db) as s:
        assert s.scalar(select(func.count(Coding.id))) == len(SPEC["codings"])
        # Code and document memos are Memo rows; a coding's own memo is on the coding.
        assert s.scalar(select(func.count(Memo.id))) == len(SPEC["code_memos"]) + len(
            SPEC["document_memos"]
        )
        with_memo = s.scalar(select(func.count(Coding.id)).where(Coding.memo != ""))
        assert with_memo == sum(1 for c in SPEC["codings"] if c.get("memo"))
        assert {(c.name, c.role) for c in list_coders(s)} == {
            (c["name"], c.get("role", "analyst")) for c in SPEC["coders"]
        }
        attrs = document_attributes(s)
        assert len(attrs) == s.scalar(select(func.count(Document.id))) >= 8
        assert all({"sektor_fra", "sektor_til", "skiftet"} <= set(v) for v in attrs.values())
        by_quote = {(c["document"], c["coder"], c["code"], c["quote"]) for c in SPEC["codings"]}
        got = {(r.document, r.coder, r.code_path, r.text) for r in segments(s)}
        assert got == by_quote


def test_building_the_demo_twice_refuses_to_overwrite(demo_path, tmp_path) -> None:
    import pytest

    from coding.errors import ProjectError

    with pytest.raises(ProjectError, match="already exists"):
        build_demo(demo_path)
