"""Coding stripes: a bracket per coding in a margin beside the transcript, labelled with the
code name (as MAXQDA draws them). Only the codings on screen are laid out and painted;
overlapping codings get separate lanes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
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
    """The stripe margin of a :class:`TranscriptView`.

    The layout of the stripes on screen is cached until the view scrolls, resizes or its
    codings change; after one coding changed, :meth:`refresh` repaints only the stripes that
    appeared, vanished or moved, and a paint draws only the stripes in its rectangle.
    Labels are elided to the lane; hovering a stripe shows the full code path, coder and memo.
    """

    MIN_LANE = 14  # px; below ~30 px a lane's label is drawn vertically
    WIDTH = 164  # the lanes share it: one lane labels with ~150 px, two with ~75 px each
    TICK = 5.0

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.stripes: list[Stripe] = []
        self._key: tuple | None = None
        self.setObjectName("codingStripes")

    def preferred_width(self) -> int:
        return self.WIDTH

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 0)

    def label_font(self) -> QFont:
        """The font of the stripe labels (a little smaller than the text)."""
        font = QFont(self.view.font())
        font.setPointSizeF(max(font.pointSizeF() - 2.0, 7.0))
        return font

    def layout_stripes(self) -> list[Stripe]:
        """Lay out the stripes of the codings on screen."""
        view = self.view
        a, b = view.visible_utf16_range()
        items = view._index.overlapping(a, b)
        if not items:
            return []
        lanes = lane_layout(items)
        nlanes = max(lanes) + 1
        lane_w = max(self.MIN_LANE, (self.width() - 8) / nlanes)
        out = []
        visible = view._visible_lines()
        for h, lane in zip(items, lanes, strict=True):
            yr = view.y_range(h.u_start, h.u_end, visible)
            if yr is None:
                continue
            x = 6 + lane * lane_w
            style = view.code_style(h.span.code_id)
            rect = QRectF(x, yr[0] + 1, lane_w - 2, max(yr[1] - yr[0] - 2, 4))
            out.append(Stripe(h.span.id, h.span.code_id, rect, style.name))
        return out

    def current_stripes(self) -> list[Stripe]:
        """The stripes on screen (laid out again only when something moved)."""
        key = (self.view.layout_key(), self.view.index_revision, self.width(), self.height())
        if key != self._key:
            self.stripes = self.layout_stripes()
            self._key = key
        return self.stripes

    def _bounds(self, s: Stripe, label_height: int) -> QRect:
        r = s.rect
        return QRectF(
            r.left() - 2, r.top() - 3, r.width() + 4, max(r.height(), label_height) + 6
        ).toAlignedRect()

    def refresh(self) -> None:
        """Repaint the stripes that changed since the last layout (after one coding changed)."""
        if self._key is None:
            self.update()
            return
        before = self.stripes
        after = self.current_stripes()
        if after is before:
            return
        old = {s.coding_id: s for s in before}
        lh = QFontMetrics(self.label_font()).height()
        dirty = QRect()
        for s in after:
            o = old.pop(s.coding_id, None)
            if o is None or o.rect != s.rect or o.label != s.label or o.code_id != s.code_id:
                dirty = dirty.united(self._bounds(s, lh))
                if o is not None:
                    dirty = dirty.united(self._bounds(o, lh))
        for o in old.values():
            dirty = dirty.united(self._bounds(o, lh))
        if not dirty.isEmpty():
            self.update(dirty)

    def paintEvent(self, event: QPaintEvent) -> None:
        clip = event.rect()
        painter = QPainter(self)
        painter.fillRect(clip, QColor("#fbfbfc"))
        painter.setPen(QColor("#e1e4e8"))
        painter.drawLine(0, clip.top(), 0, clip.bottom())
        stripes = self.current_stripes()
        painter.setFont(self.label_font())
        fm = painter.fontMetrics()
        lh = fm.height()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        current = self.view._current_coding
        tick = self.TICK
        c_top, c_bottom = clip.top() - 4, clip.bottom() + 4
        for s in stripes:
            top = s.rect.top()  # cheap test first: most stripes are outside a partial repaint
            if top - 4 > c_bottom or top + max(s.rect.height(), lh) + 4 < c_top:
                continue
            if not self._bounds(s, lh).intersects(clip):
                continue
            color = QColor(self.view.code_style(s.code_id).color)
            width = 3.0 if s.coding_id == current else 2.0
            painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            r = s.rect
            x = r.left() + 1
            painter.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
            painter.drawLine(QPointF(x, r.top()), QPointF(x + tick, r.top()))
            painter.drawLine(QPointF(x, r.bottom()), QPointF(x + tick, r.bottom()))
            avail = int(r.width() - tick - 4)
            if avail > 24:
                text = fm.elidedText(s.label, Qt.TextElideMode.ElideRight, avail)
                painter.setPen(color.darker(135))
                painter.drawText(
                    QRectF(x + tick + 2, r.top() - 1, avail, lh),
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
        hits = [s for s in self.current_stripes() if s.rect.adjusted(-3, -2, 0, 2).contains(point)]
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
