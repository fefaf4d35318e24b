"""The code tree: loading codebooks, and add / rename / move / recolour / merge / delete.

Each editing service returns what its inverse needs, so the app can undo it (QUndoStack
commands wrap these functions; the functions themselves know nothing of Qt).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from coding.errors import TematikError
from coding.resources import CODEBOOKS
from coding.tree import TREE_COLUMNS, CodeNode, build_code_tree
from models.base import new_guid
from models.entities import CODE_KINDS, Code, Coding, Memo

BUILTIN_CODEBOOKS = ("ledermobilitet-da", "ledermobilitet-en")
CODE_FIELDS = ("definition", "inclusion", "exclusion", "example")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
# Colours handed out to new codes, readable as highlights on white.
PALETTE = (
    "#e67e22", "#27ae60", "#2980b9", "#8e44ad", "#c0392b", "#16a085", "#d35400",
    "#2c3e50", "#f39c12", "#7f8c8d", "#1abc9c", "#9b59b6", "#e74c3c", "#3498db",
)  # fmt: skip


# --- loading -----------------------------------------------------------------------------------


def load_codebook(spec: str | Path) -> dict[str, Any]:
    """Read a codebook: a built-in name (``ledermobilitet-da``) or a JSON file path."""
    s = str(spec)
    path = CODEBOOKS / f"{s}.json" if s in BUILTIN_CODEBOOKS else Path(s)
    if not path.is_file():
        raise TematikError(
            f"No codebook {s!r}: give {', '.join(BUILTIN_CODEBOOKS)}, 'none' or a codebook file."
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TematikError(f"Cannot read codebook {path.name}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise TematikError(f"{path.name} is not a Tematik codebook (no 'codes' list).")
    return data


def install_codebook(session: Session, data: dict[str, Any]) -> int:
    """Add the codes of a codebook (as :func:`load_codebook` returns it). Returns the count."""
    count = 0

    def add(node: dict[str, Any], parent: Code | None, position: int) -> None:
        nonlocal count
        terms = node.get("indicator_terms") or []
        code = Code(
            guid=(node.get("guid") or new_guid()).lower(),
            name=str(node["name"]).strip(),
            parent=parent,
            kind=node.get("kind") if parent is None else None,
            codable=bool(node.get("codable", True)),
            color=_valid_color(node.get("color"), count),
            indicator_terms=json.dumps([str(t) for t in terms], ensure_ascii=False),
            position=position,
            **{f: str(node.get(f) or "") for f in CODE_FIELDS},
        )
        session.add(code)
        count += 1
        for i, child in enumerate(node.get("children") or []):
            add(child, code, i)

    start = _next_position(session, None)
    for i, node in enumerate(data["codes"]):
        add(node, None, start + i)
    session.flush()
    return count


def export_codebook(session: Session, name: str = "Codebook", language: str = "da") -> dict:
    """The code tree as codebook JSON (the format :func:`load_codebook` reads)."""

    def node(code: Code) -> dict[str, Any]:
        d: dict[str, Any] = {"guid": code.guid, "name": code.name}
        if code.kind:
            d["kind"] = code.kind
        d.update(
            color=code.color,
            codable=code.codable,
            **{f: getattr(code, f) for f in CODE_FIELDS},
            indicator_terms=terms_of(code),
            children=[node(c) for c in code.children],
        )
        return d

    roots = session.scalars(select(Code).where(Code.parent_id.is_(None)).order_by(Code.position))
    return {
        "format": "tematik-codebook",
        "version": 1,
        "name": name,
        "language": language,
        "codes": [node(c) for c in roots],
    }


# --- reading the tree --------------------------------------------------------------------------


def terms_of(code: Code) -> list[str]:
    try:
        terms = json.loads(code.indicator_terms or "[]")
    except json.JSONDecodeError:
        return []
    return [str(t) for t in terms] if isinstance(terms, list) else []


def all_codes(session: Session) -> list[Code]:
    return list(session.scalars(select(Code).order_by(Code.parent_id, Code.position, Code.id)))


def code_tree(session: Session) -> list[CodeNode]:
    """The whole tree, depth first, in display order (one query)."""
    cols = [getattr(Code, c) for c in TREE_COLUMNS]
    return build_code_tree(session.execute(select(*cols)).all())


def code_paths(session: Session) -> dict[int, str]:
    """Code id → path such as ``Barrierer/Løn og pension``."""
    return {n.id: n.path for n in code_tree(session)}


def code_path(code: Code) -> str:
    parts = []
    node: Code | None = code
    while node is not None:
        parts.append(node.name)
        node = node.parent
    return "/".join(reversed(parts))


def code_kind(code: Code) -> str | None:
    node = code
    while node.parent is not None:
        node = node.parent
    return node.kind


def find_code(session: Session, ref: str) -> Code:
    """A code by path (``Barrierer/Løn og pension``), unique name, or GUID."""
    ref = ref.strip().strip("/")
    tree = code_tree(session)
    low = ref.lower()
    hits = [n for n in tree if n.path.lower() == low or n.guid == low]
    if not hits:
        hits = [n for n in tree if n.name.lower() == low]
    if not hits:
        raise TematikError(f"No code {ref!r} in the codebook.")
    if len(hits) > 1:
        raise TematikError(
            f"{ref!r} is ambiguous: " + "; ".join(h.path for h in hits) + ". Give the full path."
        )
    code = session.get(Code, hits[0].id)
    assert code is not None
    return code


def descendant_ids(session: Session, code_id: int) -> list[int]:
    """The code and every code below it."""
    codes = all_codes(session)
    kids: dict[int | None, list[int]] = {}
    for c in codes:
        kids.setdefault(c.parent_id, []).append(c.id)
    out, stack = [], [code_id]
    while stack:
        cid = stack.pop()
        out.append(cid)
        stack.extend(kids.get(cid, []))
    return out


# --- editing -----------------------------------------------------------------------------------


def _valid_color(color: object, index: int = 0) -> str:
    if isinstance(color, str) and _COLOR_RE.match(color):
        return color.lower()
    return PALETTE[index % len(PALETTE)]


def _next_position(session: Session, parent_id: int | None) -> int:
    q = select(func.max(Code.position)).where(
        Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    )
    m = session.scalar(q)
    return 0 if m is None else m + 1


def _check_name(session: Session, name: str, parent_id: int | None, exclude: int | None) -> str:
    name = " ".join(name.split())
    if not name:
        raise TematikError("A code needs a name.")
    if "/" in name:
        raise TematikError("A code name cannot contain '/' (it separates levels in code paths).")
    q = select(Code.id).where(
        func.lower(Code.name) == name.lower(),
        Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id,
    )
    if exclude is not None:
        q = q.where(Code.id != exclude)
    if session.scalar(q) is not None:
        raise TematikError(f"There is already a code named {name!r} at that level.")
    return name


def _get(session: Session, code_id: int) -> Code:
    code = session.get(Code, code_id)
    if code is None:
        raise TematikError("That code no longer exists.")
    return code


def add_code(
    session: Session,
    name: str,
    parent_id: int | None = None,
    *,
    kind: str | None = None,
    color: str | None = None,
    codable: bool = True,
    guid: str | None = None,
    **fields: str,
) -> Code:
    """Add a code under ``parent_id`` (None for a top-level category)."""
    name = _check_name(session, name, parent_id, None)
    if parent_id is not None:
        _get(session, parent_id)
    if kind is not None and kind not in CODE_KINDS:
        raise TematikError(f"Unknown kind {kind!r}; choose one of {', '.join(CODE_KINDS)}.")
    terms = fields.pop("indicator_terms", None)
    unknown = set(fields) - set(CODE_FIELDS)
    if unknown:
        raise TematikError(f"Unknown code field(s): {', '.join(sorted(unknown))}.")
    count = session.scalar(select(func.count(Code.id))) or 0
    code = Code(
        guid=guid or new_guid(),
        name=name,
        parent_id=parent_id,
        kind=kind if parent_id is None else None,
        color=_valid_color(color, count),
        codable=codable,
        position=_next_position(session, parent_id),
        indicator_terms=json.dumps(list(terms or []), ensure_ascii=False),
        **fields,
    )
    session.add(code)
    session.flush()
    return code


def rename_code(session: Session, code_id: int, name: str) -> str:
    """Rename; returns the old name."""
    code = _get(session, code_id)
    new = _check_name(session, name, code.parent_id, code.id)
    old, code.name = code.name, new
    session.flush()
    return old


def recolour_code(session: Session, code_id: int, color: str) -> str:
    """Set the colour (``#rrggbb``); returns the old colour."""
    if not _COLOR_RE.match(color):
        raise TematikError(f"{color!r} is not a colour of the form #rrggbb.")
    code = _get(session, code_id)
    old, code.color = code.color, color.lower()
    session.flush()
    return old


def update_code(session: Session, code_id: int, **changes: Any) -> dict[str, Any]:
    """Change definition, inclusion, exclusion, example, indicator_terms, kind, codable, colour
    or name; returns the old values of what changed (pass them back to undo)."""
    code = _get(session, code_id)
    old: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "name":
            old["name"] = rename_code(session, code_id, value)
        elif key == "color":
            old["color"] = recolour_code(session, code_id, value)
        elif key == "indicator_terms":
            old[key] = terms_of(code)
            terms = [t.strip() for t in value if str(t).strip()]
            code.indicator_terms = json.dumps(terms, ensure_ascii=False)
        elif key == "kind":
            if value is not None and value not in CODE_KINDS:
                raise TematikError(f"Unknown kind {value!r}.")
            old[key], code.kind = code.kind, value
        elif key == "codable":
            old[key], code.codable = code.codable, bool(value)
        elif key in CODE_FIELDS:
            old[key] = getattr(code, key)
            setattr(code, key, str(value))
        else:
            raise TematikError(f"Unknown code field {key!r}.")
    session.flush()
    return old


def move_code(
    session: Session, code_id: int, new_parent_id: int | None, position: int | None = None
) -> tuple[int | None, int]:
    """Move a code under another parent (None: top level) at ``position`` among its new
    siblings (None: last). Returns (old parent id, old position) for undo."""
    code = _get(session, code_id)
    if new_parent_id is not None and new_parent_id in descendant_ids(session, code_id):
        raise TematikError("A code cannot be moved into itself or one of its sub-codes.")
    _check_name(session, code.name, new_parent_id, code.id)
    old = (code.parent_id, code.position)
    siblings = list(
        session.scalars(
            select(Code)
            .where(
                Code.parent_id.is_(None)
                if new_parent_id is None
                else Code.parent_id == new_parent_id,
                Code.id != code.id,
            )
            .order_by(Code.position, Code.id)
        )
    )
    pos = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(pos, code)
    code.parent_id = new_parent_id
    if new_parent_id is not None:
        code.kind = None
    for i, c in enumerate(siblings):
        c.position = i
    session.flush()
    session.expire(code, ["parent"])
    return old


# --- snapshots (for delete / merge and their undo) ----------------------------------------------

_CODE_COLS = ("guid", "name", "parent_id", "kind", "codable", "color", "definition", "inclusion",
              "exclusion", "example", "indicator_terms", "position", "created_at", "id")  # fmt: skip
_CODING_COLS = ("id", "guid", "document_id", "code_id", "coder_id", "start", "end", "memo",
                "pinned", "created_at")  # fmt: skip
_MEMO_COLS = ("id", "guid", "coder_id", "document_id", "code_id", "coding_id", "title", "text",
              "created_at", "modified_at")  # fmt: skip


def _row(obj: Any, cols: tuple[str, ...]) -> dict[str, Any]:
    return {c: getattr(obj, c) for c in cols}


def snapshot_codes(session: Session, code_id: int) -> dict[str, list[dict[str, Any]]]:
    """Everything a code subtree owns: codes, codings, memos (on codes and on codings)."""
    ids = descendant_ids(session, code_id)
    codes = [_row(c, _CODE_COLS) for c in session.scalars(select(Code).where(Code.id.in_(ids)))]
    codings = list(session.scalars(select(Coding).where(Coding.code_id.in_(ids))))
    coding_ids = [c.id for c in codings]
    memos = session.scalars(
        select(Memo).where(
            Memo.code_id.in_(ids) | (Memo.coding_id.in_(coding_ids) if coding_ids else False)
        )
    )
    # Parents before children, so restoring can insert in order.
    depth = {c["id"]: 0 for c in codes}
    by_id = {c["id"]: c for c in codes}
    for c in codes:
        d, p = 0, c["parent_id"]
        while p in by_id:
            d, p = d + 1, by_id[p]["parent_id"]
        depth[c["id"]] = d
    codes.sort(key=lambda c: depth[c["id"]])
    return {
        "codes": codes,
        "codings": [_row(c, _CODING_COLS) for c in codings],
        "memos": [_row(m, _MEMO_COLS) for m in memos],
    }


def restore_snapshot(session: Session, snap: dict[str, list[dict[str, Any]]]) -> None:
    """Put back what :func:`snapshot_codes` recorded (same ids and GUIDs)."""
    for c in snap["codes"]:
        session.add(Code(**c))
    session.flush()
    for c in snap["codings"]:
        session.add(Coding(**c))
    session.flush()
    for m in snap["memos"]:
        session.add(Memo(**m))
    session.flush()


def delete_code(session: Session, code_id: int) -> dict[str, list[dict[str, Any]]]:
    """Delete a code, its sub-codes and their codings. Returns a snapshot for undo."""
    code = _get(session, code_id)
    snap = snapshot_codes(session, code_id)
    ids = [c["id"] for c in snap["codes"]]
    session.execute(delete(Coding).where(Coding.code_id.in_(ids)))
    session.execute(delete(Memo).where(Memo.code_id.in_(ids)))
    for cid in reversed(ids):  # children first
        obj = session.get(Code, cid)
        if obj is not None:
            session.delete(obj)
    session.flush()
    session.expire_all()
    del code
    return snap


@dataclass
class MergeResult:
    """What a merge did: enough to undo it."""

    snapshot: dict[str, list[dict[str, Any]]]
    target_id: int
    moved_coding_ids: list[int]
    dropped_duplicates: int


def merge_codes(session: Session, source_id: int, target_id: int) -> MergeResult:
    """Merge ``source`` into ``target``: its codings, memos and sub-codes move to the target,
    a coding identical to one the target already has (same coder and span) is dropped, and
    the source code is deleted."""
    if source_id == target_id:
        raise TematikError("A code cannot be merged with itself.")
    source, target = _get(session, source_id), _get(session, target_id)
    if target_id in descendant_ids(session, source_id):
        raise TematikError("A code cannot be merged into one of its own sub-codes.")
    if not target.codable:
        raise TematikError(f"{target.name!r} is a category; merge into a codable code.")
    snap = snapshot_codes(session, source_id)
    existing = set(
        session.execute(
            select(Coding.document_id, Coding.coder_id, Coding.start, Coding.end).where(
                Coding.code_id == target_id
            )
        ).all()
    )
    moved, dropped = [], 0
    for c in session.scalars(select(Coding).where(Coding.code_id == source_id)):
        key = (c.document_id, c.coder_id, c.start, c.end)
        if key in existing:
            session.delete(c)
            dropped += 1
        else:
            existing.add(key)
            c.code_id = target_id
            moved.append(c.id)
    session.execute(update(Memo).where(Memo.code_id == source_id).values(code_id=target_id))
    for child in list(source.children):
        _check_name(session, child.name, target_id, child.id)
        child.parent_id = target_id
        child.position = _next_position(session, target_id)
        session.flush()
    session.flush()
    session.delete(source)
    session.flush()
    session.expire_all()
    return MergeResult(snap, target_id, moved, dropped)


def undo_merge(session: Session, result: MergeResult) -> None:
    """Reverse :func:`merge_codes`: the source code comes back with its codings and memos."""
    moved_ids = [c["id"] for c in result.snapshot["codings"]]
    session.execute(delete(Coding).where(Coding.id.in_(moved_ids)))
    memo_ids = [m["id"] for m in result.snapshot["memos"]]
    session.execute(delete(Memo).where(Memo.id.in_(memo_ids)))
    child_ids = [c["id"] for c in result.snapshot["codes"]]
    # sub-codes that moved to the target: delete and restore them from the snapshot
    for cid in reversed(child_ids):
        obj = session.get(Code, cid)
        if obj is not None:
            session.delete(obj)
    session.flush()
    restore_snapshot(session, result.snapshot)
    session.expire_all()
