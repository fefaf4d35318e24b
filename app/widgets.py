"""Small widget helpers shared by the views."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def row_table(
    name: str,
    model: QAbstractItemModel,
    accessible_name: str = "",
    *,
    multi_select: bool = False,
    parent: QWidget | None = None,
) -> QTableView:
    """A read-only table that selects whole rows, without row numbers, grid or word wrap
    (the look every list-like table in the workbench shares)."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setWordWrap(False)
    if accessible_name:
        table.setAccessibleName(accessible_name)
    return table
