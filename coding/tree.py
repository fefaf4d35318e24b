"""Building the code tree from plain rows (no database library needed: the fast CLI path
and the ORM services share it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# The columns, in order, that :func:`build_code_tree` expects from the ``code`` table.
TREE_COLUMNS = ("id", "guid", "name", "kind", "color", "codable", "parent_id", "position")


@dataclass
class CodeNode:
    """A plain snapshot of one code for views and exports."""

    id: int
    guid: str
    name: str
    path: str
    kind: str | None
    color: str
    codable: bool
    parent_id: int | None
    depth: int
    children: list[CodeNode] = field(default_factory=list)


def build_code_tree(rows: Iterable[tuple]) -> list[CodeNode]:
    """Depth-first list of nodes in display order; ``kind`` is inherited from the root."""
    by_parent: dict[int | None, list[tuple]] = {}
    for r in rows:
        by_parent.setdefault(r[6], []).append(r)
    out: list[CodeNode] = []

    def walk(parent_id: int | None, prefix: str, kind: str | None, depth: int) -> list[CodeNode]:
        nodes = []
        for r in sorted(by_parent.get(parent_id, []), key=lambda x: (x[7], x[0])):
            cid, guid, name, k0, color, codable, _parent, _pos = r
            path = f"{prefix}/{name}" if prefix else name
            k = k0 if parent_id is None else kind
            n = CodeNode(cid, guid, name, path, k, color, bool(codable), parent_id, depth)
            out.append(n)
            n.children = walk(cid, path, k, depth + 1)
            nodes.append(n)
        return nodes

    walk(None, "", None, 0)
    return out
