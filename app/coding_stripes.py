"""Coding stripes: a bracket per coding in a margin beside the transcript, labelled with the
code name (as MAXQDA draws them). Only the codings on screen are laid out and painted;
overlapping codings get separate lanes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.transcript_view import lane_layout

if TYPE_CHECKING:
    from app.transcript_view import TranscriptView


@dataclass
class Stripe:
    """One painted stripe (viewport coordinates)."""

    coding_id: int
    code_id: int
    rect: QRectF  # the bar's hit area
    label: str


class StripeArea(QWidget):
    """The stripe margin of a :class:`TranscriptView`."""

    LANE = 118  # px per lane with a label
    MIN_LANE = 16
    WIDTH = 250

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self.stripes: list[Stripe] = []
        self.setObjectName("codingStripes")

    def preferred_width(self) -> int:
        return self.WIDTH

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 0)

    def layout_stripes(self) -> list[Stripe]:
        """Lay out the stripes of the codings on screen."""
        view = self.view
        a, b = view.visible_utf16_range()
        items = view._index.overlapping(a, b)
        if not items:
            return []
        lanes = lane_layout(items)
        nlanes = max(lanes) + 1
        lane_w = max(self.MIN_LANE, min(self.LANE, (self.width() - 8) / nlanes))
        out = []
        for h, lane in zip(items, lanes, strict=True):
            yr = view.y_range(h.u_start, h.u_end)
            if yr is None:
                continue
            x = 6 + lane * lane_w
            style = view.code_style(h.span.code_id)
            rect = QRectF(x, yr[0] + 1, lane_w - 2, max(yr[1] - yr[0] - 2, 4))
            out.append(Stripe(h.span.id, h.span.code_id, rect, style.name))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#fbfbfc"))
        painter.setPen(QColor("#e1e4e8"))
        painter.drawLine(0, event.rect().top(), 0, event.rect().bottom())
        self.stripes = self.layout_stripes()
        font = QFont(self.view.font())
        font.setPointSizeF(max(font.pointSizeF() - 2.0, 7.0))
        painter.setFont(font)
        fm = painter.fontMetrics()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        current = self.view._current_coding
        for s in self.stripes:
            color = QColor(self.view.code_style(s.code_id).color)
            width = 3.0 if s.coding_id == current else 2.0
            painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            r = s.rect
            x = r.left() + 1
            tick = 5.0
            painter.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
            painter.drawLine(QPointF(x, r.top()), QPointF(x + tick, r.top()))
            painter.drawLine(QPointF(x, r.bottom()), QPointF(x + tick, r.bottom()))
            avail = int(r.width() - tick - 4)
            if avail > 24:
                text = fm.elidedText(s.label, Qt.TextElideMode.ElideRight, avail)
                painter.setPen(color.darker(135))
                painter.drawText(
                    QRectF(x + tick + 2, r.top() - 1, avail, fm.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    text,
                )
            elif r.height() > 30:
                painter.save()
                painter.setPen(color.darker(135))
                painter.translate(x + tick + fm.ascent(), r.top() + 2)
                painter.rotate(90)
                text = fm.elidedText(s.label, Qt.TextElideMode.ElideRight, int(r.height() - 4))
                painter.drawText(0, 0, text)
                painter.restore()
        painter.end()

    def stripe_at(self, point: QPointF) -> Stripe | None:
        """The stripe under a point (the innermost when several)."""
        hits = [s for s in self.stripes if s.rect.adjusted(-3, -2, 0, 2).contains(point)]
        return hits[-1] if hits else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        s = self.stripe_at(event.position())
        if s is not None and event.button() == Qt.MouseButton.LeftButton:
            span = self.view._all.get(s.coding_id)
            if span is not None:
                self.view.select_span(span.start, span.end, scroll=False)
            self.view.set_current_coding(s.coding_id)
            self.view.codingClicked.emit(s.coding_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            s = self.stripe_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            span = self.view._all.get(s.coding_id) if s is not None else None
            if span is not None:
                QToolTip.showText(event.globalPos(), self.view.describe(span), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
