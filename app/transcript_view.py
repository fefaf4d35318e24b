"""The transcript view: read-only text with coding highlights, paragraph numbers and stripes.

Performance: highlights are not character formats. They are painted for the visible blocks
only, from an interval index, beneath the text (``paintEvent``), so opening a document is one
``setPlainText`` plus sorting its codings, and coding a passage repaints only the viewport —
the document is never re-highlighted. Speaker labels are the only character formats (set once
when the document is shown).

Positions: the database counts code points, Qt counts UTF-16 units. :class:`OffsetMap` is the
one conversion, used only at this widget's boundary: every public method of
:class:`TranscriptView` takes and returns code points.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coding.documents import TurnInfo
from coding.workbench import CodingSpan
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

import app.ops  # noqa: F401  (PySide6 6.12 None-refcount guard)

SPAN_MIME = "application/x-tematik-span"
SNAP_MODES = ("none", "word", "sentence", "turn")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_WORD = re.compile(r"\w", re.UNICODE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TranscriptView", text)


# --- positions ---------------------------------------------------------------------------------


class OffsetMap:
    """Converts positions between code points (database) and UTF-16 units (Qt) for one text.

    Characters outside the Basic Multilingual Plane (emoji...) take two UTF-16 units; æøå
    take one. A text without such characters converts as the identity (the common case).
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # code point index of every astral character, and its UTF-16 index
        self._cp = [m.start() for m in _ASTRAL.finditer(text)]
        self._u16 = [cp + i for i, cp in enumerate(self._cp)]

    @property
    def identity(self) -> bool:
        """True when both counts agree everywhere."""
        return not self._cp

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code point offset ``cp``."""
        if not self._cp:
            return cp
        return cp + bisect.bisect_left(self._cp, cp)

    def to_cp(self, u: int) -> int:
        """Code point offset of UTF-16 offset ``u`` (inside a surrogate pair: the character)."""
        if not self._u16:
            return u
        n = bisect.bisect_left(self._u16, u)
        cp = u - n
        # u pointing at the low surrogate of character n-1 maps to that character
        if n and self._u16[n - 1] + 1 == u:
            cp = self._cp[n - 1]
        return cp

    @property
    def utf16_length(self) -> int:
        """Length of the text in UTF-16 units."""
        return self.length + len(self._cp)


# --- selection snapping ------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)]*\s+|\n\s*\n|\n")


def snap_span(
    text: str, start: int, end: int, mode: str, turns: Sequence[TurnInfo] = ()
) -> tuple[int, int]:
    """Widen [start, end) to whole words, sentences or turns (positions in code points).

    Surrounding whitespace is trimmed first; with ``mode="none"`` only that happens.
    """
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if start > end:
        start, end = end, start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or mode == "none":
        return start, end
    if mode == "word":
        while start > 0 and _WORD.match(text[start - 1]) and _WORD.match(text[start]):
            start -= 1
        while end < n and _WORD.match(text[end]) and _WORD.match(text[end - 1]):
            end += 1
        return start, end
    if mode == "sentence":
        s = 0
        for m in _SENTENCE_END.finditer(text, max(0, start - 2000), start + 1):
            if m.end() <= start:
                s = m.end()
        m = _SENTENCE_END.search(text, max(end - 1, start))
        e = n if m is None else m.start() + len(m.group().rstrip())
        e = max(e, end)
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e
    if mode == "turn" and turns:
        starts = [t.start for t in turns]
        i = max(0, bisect.bisect_right(starts, start) - 1)
        j = max(0, bisect.bisect_right(starts, max(start, end - 1)) - 1)
        s = min(turns[i].start, start)
        e = max(turns[j].end, end)
        return s, e
    return start, end


def word_step(text: str, pos: int, direction: int) -> int:
    """The next word boundary from ``pos`` (code points) going left (-1) or right (+1)."""
    n = len(text)
    if direction > 0:
        while pos < n and not _WORD.match(text[pos]):
            pos += 1
        while pos < n and _WORD.match(text[pos]):
            pos += 1
    else:
        while pos > 0 and not _WORD.match(text[pos - 1]):
            pos -= 1
        while pos > 0 and _WORD.match(text[pos - 1]):
            pos -= 1
    return pos


# --- highlights --------------------------------------------------------------------------------


@dataclass
class CodeStyle:
    """How a code is drawn."""

    name: str
    path: str
    color: str
    kind: str | None = None


@dataclass
class Highlight:
    """A coding in UTF-16 positions, ready to paint."""

    span: CodingSpan
    u_start: int
    u_end: int


class IntervalIndex:
    """Highlights sorted by start; overlap queries look back only as far as the longest one."""

    def __init__(self, items: Iterable[Highlight] = ()) -> None:
        self._items: list[Highlight] = sorted(items, key=lambda h: (h.u_start, h.span.id))
        self._keys = [(h.u_start, h.span.id) for h in self._items]
        self._by_id = {h.span.id: h for h in self._items}
        self._maxlen = max((h.u_end - h.u_start for h in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._items)

    def get(self, coding_id: int) -> Highlight | None:
        """The highlight of a coding."""
        return self._by_id.get(coding_id)

    def add(self, h: Highlight) -> None:
        """Insert (or replace) a highlight."""
        if h.span.id in self._by_id:
            self.remove(h.span.id)
        key = (h.u_start, h.span.id)
        i = bisect.bisect_left(self._keys, key)
        self._keys.insert(i, key)
        self._items.insert(i, h)
        self._by_id[h.span.id] = h
        self._maxlen = max(self._maxlen, h.u_end - h.u_start)

    def remove(self, coding_id: int) -> Highlight | None:
        """Remove a highlight; returns it."""
        h = self._by_id.pop(coding_id, None)
        if h is None:
            return None
        i = bisect.bisect_left(self._keys, (h.u_start, coding_id))
        del self._keys[i]
        del self._items[i]
        return h

    def overlapping(self, a: int, b: int) -> list[Highlight]:
        """Highlights intersecting [a, b) (UTF-16), by start."""
        i = bisect.bisect_left(self._keys, (a - self._maxlen, -1))
        j = bisect.bisect_left(self._keys, (b, -1))
        return [h for h in self._items[i:j] if h.u_end > a]

    def at(self, u: int) -> list[Highlight]:
        """Highlights covering UTF-16 position ``u``."""
        return [h for h in self.overlapping(u, u + 1) if h.u_start <= u < h.u_end]


def lane_layout(items: Sequence[Highlight]) -> list[int]:
    """Greedy interval partitioning: a lane per highlight so overlapping ones never share."""
    order = sorted(range(len(items)), key=lambda i: (items[i].u_start, -items[i].u_end))
    lane_end: list[int] = []
    lanes = [0] * len(items)
    for i in order:
        h = items[i]
        for k, e in enumerate(lane_end):
            if e <= h.u_start:
                lane_end[k] = h.u_end
                lanes[i] = k
                break
        else:
            lanes[i] = len(lane_end)
            lane_end.append(h.u_end)
    return lanes


@dataclass
class _Underline:
    u_start: int
    u_end: int
    color: QColor
    tooltip: str
    index: int


@dataclass
class _Doc:
    id: int | None = None
    text: str = ""
    turns: list[TurnInfo] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=lambda: OffsetMap(""))
    paragraph_of_block: list[int] = field(default_factory=list)
    turn_at_block: dict[int, TurnInfo] = field(default_factory=dict)


# --- the view ----------------------------------------------------------------------------------


class _NumberArea(QWidget):
    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def sizeHint(self) -> QSize:
        return QSize(self.view.number_area_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.view.paint_number_area(self, event)


class TranscriptView(QPlainTextEdit):
    """A read-only transcript with codings painted in their code colours.

    Signals:
        selectionSpanChanged(int, int): the selection in code points (-1, -1 when none).
        cursorCodingsChanged(list): the CodingSpans at the cursor (or selection start).
        codingClicked(int): a coding id clicked in the stripes.
        extraUnderlineClicked(int): index of a plugin underline clicked.
        resizeRequested(int, int, int): coding id, new start, new end (dragged ends).
    """

    selectionSpanChanged = Signal(int, int)
    cursorCodingsChanged = Signal(list)
    codingClicked = Signal(int)
    extraUnderlineClicked = Signal(int)
    resizeRequested = Signal(int, int, int)

    HANDLE = 5  # px around a coding end that starts a resize drag

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.coding_stripes import StripeArea

        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setObjectName("transcriptView")
        self.setAccessibleName(_tr("Transcript"))
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(10)
        self._doc = _Doc()
        self._index = IntervalIndex()
        self._all: dict[int, CodingSpan] = {}
        self._styles: dict[int, CodeStyle] = {}
        self._coder_names: dict[int, str] = {}
        self._visible_coders: set[int] | None = None
        self._underlines: list[_Underline] = []
        self._current_coding: int | None = None
        self._hover_coding: int | None = None
        self._drag: tuple[int, str] | None = None  # (coding id, "start"|"end")
        self._drag_pos: int | None = None
        self._revision = 0
        #: bumped whenever the drawn codings change (the stripe layout cache keys on it)
        self.index_revision = 0
        self._lines: list[tuple] = []
        self._line_starts: list[int] = []
        self._lines_key: tuple | None = None
        self.snap_mode = "word"
        self.show_numbers = True
        self.show_stripes = True
        self.number_area = _NumberArea(self)
        self.stripe_area = StripeArea(self)
        self.cursorPositionChanged.connect(self._emit_cursor_codings)
        self.selectionChanged.connect(self._emit_selection)
        self.updateRequest.connect(self._on_update_request)
        self.blockCountChanged.connect(lambda _n: self._update_margins())
        self._update_margins()

    # --- document ---------------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        """The document shown (None: empty)."""
        return self._doc.id

    @property
    def text(self) -> str:
        """The document text (code points)."""
        return self._doc.text

    @property
    def turns(self) -> list[TurnInfo]:
        return self._doc.turns

    @property
    def offsets(self) -> OffsetMap:
        return self._doc.offsets

    def set_code_styles(self, styles: dict[int, CodeStyle]) -> None:
        """Code id → name, path and colour (after the codebook changed)."""
        self._styles = styles
        self.index_revision += 1
        self.viewport().update()
        self.stripe_area.update()

    def set_coder_names(self, names: dict[int, str]) -> None:
        """Coder id → name (for tooltips)."""
        self._coder_names = dict(names)

    def code_style(self, code_id: int) -> CodeStyle:
        """How a code is drawn (a grey placeholder for an unknown code)."""
        return self._styles.get(code_id) or CodeStyle("?", "?", "#999999")

    def coder_name(self, coder_id: int) -> str:
        return self._coder_names.get(coder_id, "?")

    def show_document(
        self,
        document_id: int | None,
        text: str,
        turns: Sequence[TurnInfo] = (),
        codings: Iterable[CodingSpan] = (),
    ) -> None:
        """Show a document with its codings (positions in code points)."""
        offsets = OffsetMap(text)
        doc = _Doc(document_id, text, list(turns), offsets)
        self._doc = doc
        self._underlines = []
        self._current_coding = None
        self._hover_coding = None
        self._revision += 1
        self.setPlainText(text)
        self._style_speakers()
        self._revision += 1
        self._number_paragraphs()
        self.set_codings(codings)
        self._update_margins()

    def _style_speakers(self) -> None:
        doc, off = self._doc, self._doc.offsets
        if not doc.turns:
            return
        text = doc.text
        speaker_fmt = QTextCharFormat()
        speaker_fmt.setFontWeight(QFont.Weight.DemiBold)
        speaker_fmt.setForeground(QColor("#1f4e79"))
        interviewer_fmt = QTextCharFormat()
        interviewer_fmt.setFontWeight(QFont.Weight.DemiBold)
        interviewer_fmt.setForeground(QColor("#6b6b6b"))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        qdoc = self.document()
        for t in doc.turns:
            line_start = text.rfind("\n", 0, t.start) + 1
            if t.speaker and line_start < t.start:
                low = t.speaker.lower()
                interviewer = low.startswith("interview") or low in ("i", "int", "q", "spørger")
                cursor.setPosition(off.to_utf16(line_start))
                cursor.setPosition(off.to_utf16(t.start), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(interviewer_fmt if interviewer else speaker_fmt)
            block = qdoc.findBlock(off.to_utf16(t.start))
            if block.isValid():
                doc.turn_at_block.setdefault(block.blockNumber(), t)
        cursor.endEditBlock()

    def _number_paragraphs(self) -> None:
        numbers, n = [], 0
        for line in self._doc.text.split("\n"):
            if line.strip():
                n += 1
                numbers.append(n)
            else:
                numbers.append(0)
        self._doc.paragraph_of_block = numbers

    # --- codings ----------------------------------------------------------------------------

    def _highlight(self, span: CodingSpan) -> Highlight:
        off = self._doc.offsets
        return Highlight(span, off.to_utf16(span.start), off.to_utf16(span.end))

    def _shown(self, span: CodingSpan) -> bool:
        return self._visible_coders is None or span.coder_id in self._visible_coders

    def set_codings(self, codings: Iterable[CodingSpan]) -> None:
        """Replace all codings of the document."""
        self._all = {c.id: c for c in codings}
        self._rebuild_index()

    def _rebuild_index(self) -> None:
        self._index = IntervalIndex(
            self._highlight(c) for c in self._all.values() if self._shown(c)
        )
        self.index_revision += 1
        self.viewport().update()
        self.stripe_area.update()
        self._emit_cursor_codings()

    def codings(self) -> list[CodingSpan]:
        """All codings of the document (also of hidden coders)."""
        return list(self._all.values())

    def visible_codings(self) -> list[CodingSpan]:
        """The codings drawn (of the visible coders), by start."""
        return [h.span for h in self._index]

    def add_coding(self, span: CodingSpan) -> None:
        """Show one new (or changed) coding; repaints only where it is."""
        old = self._all.get(span.id)
        self._all[span.id] = span
        if old is not None:
            self._index.remove(span.id)
            self._update_span(old.start, old.end, stripes=False)
        if self._shown(span):
            self._index.add(self._highlight(span))
        self.index_revision += 1
        self._update_span(span.start, span.end)
        self._emit_cursor_codings()

    def remove_coding(self, coding_id: int) -> None:
        """Stop showing a coding."""
        span = self._all.pop(coding_id, None)
        self._index.remove(coding_id)
        self.index_revision += 1
        if self._current_coding == coding_id:
            self._current_coding = None
        if span is not None:
            self._update_span(span.start, span.end)
        self._emit_cursor_codings()

    def set_visible_coders(self, coder_ids: set[int] | None) -> None:
        """Show the codings of these coders only (None: all coders)."""
        self._visible_coders = None if coder_ids is None else set(coder_ids)
        self._rebuild_index()

    def visible_coders(self) -> set[int] | None:
        return None if self._visible_coders is None else set(self._visible_coders)

    def codings_at(self, pos: int) -> list[CodingSpan]:
        """The visible codings covering code point ``pos``."""
        return [h.span for h in self._index.at(self._doc.offsets.to_utf16(pos))]

    def codings_in(self, start: int, end: int) -> list[CodingSpan]:
        """The visible codings intersecting [start, end) (code points)."""
        off = self._doc.offsets
        return [h.span for h in self._index.overlapping(off.to_utf16(start), off.to_utf16(end))]

    def set_current_coding(self, coding_id: int | None) -> None:
        """Mark a coding as current: outlined, with handles to drag its ends."""
        old = self._current_coding
        self._current_coding = coding_id
        for cid in (old, coding_id):
            span = self._all.get(cid) if cid is not None else None
            if span is not None:
                self._update_span(span.start, span.end, stripes=False)
        self.stripe_area.update()

    def current_coding(self) -> CodingSpan | None:
        return self._all.get(self._current_coding) if self._current_coding is not None else None

    def set_extra_underlines(self, items: Sequence[tuple[int, int, str, str]]) -> None:
        """Dashed underlines over the text (plugins, e.g. suggestions): (start, end, colour,
        tooltip) in code points; an empty list removes them."""
        off = self._doc.offsets
        self._underlines = [
            _Underline(off.to_utf16(s), off.to_utf16(e), QColor(c), tip, i)
            for i, (s, e, c, tip) in enumerate(items)
        ]
        self.viewport().update()

    def extra_underlines(self) -> list[tuple[int, int, str, str]]:
        off = self._doc.offsets
        return [
            (off.to_cp(u.u_start), off.to_cp(u.u_end), u.color.name(), u.tooltip)
            for u in self._underlines
        ]

    # --- selection --------------------------------------------------------------------------

    def selection_span(self) -> tuple[int, int] | None:
        """The selected span in code points (None when nothing is selected)."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        off = self._doc.offsets
        return off.to_cp(c.selectionStart()), off.to_cp(c.selectionEnd())

    def select_span(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Select [start, end) (code points) and scroll it into view."""
        off = self._doc.offsets
        n = off.utf16_length
        c = QTextCursor(self.document())
        c.setPosition(min(off.to_utf16(end), n))
        c.setPosition(min(off.to_utf16(start), n), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)
        if scroll:
            self.centerCursor()

    def snap_selection(self) -> None:
        """Snap the selection to the current snap mode (word / sentence / turn)."""
        span = self.selection_span()
        if span is None or self.snap_mode == "none":
            return
        s, e = snap_span(self._doc.text, span[0], span[1], self.snap_mode, self._doc.turns)
        if (s, e) != span and s < e:
            self.select_span(s, e, scroll=False)

    def cursor_position(self) -> int:
        """The cursor position in code points."""
        return self._doc.offsets.to_cp(self.textCursor().position())

    def position_at(self, point: QPoint) -> int:
        """The text position (code points) under a viewport point."""
        return self._doc.offsets.to_cp(self.cursorForPosition(point).position())

    def _emit_selection(self) -> None:
        span = self.selection_span()
        self.selectionSpanChanged.emit(*(span or (-1, -1)))

    def _emit_cursor_codings(self) -> None:
        c = self.textCursor()
        u = c.selectionStart() if c.hasSelection() else c.position()
        self.cursorCodingsChanged.emit([h.span for h in self._index.at(u)])

    def createMimeDataFromSelection(self) -> QMimeData:
        """Dragged text carries the document id and span, so it can be dropped on a code."""
        mime = QMimeData()
        mime.setText(self.textCursor().selectedText().replace("\u2029", "\n"))
        span = self.selection_span()
        if span is not None and self._doc.id is not None:
            mime.setData(SPAN_MIME, QByteArray(f"{self._doc.id}:{span[0]}:{span[1]}".encode()))
        return mime

    # --- geometry helpers -------------------------------------------------------------------

    def layout_key(self) -> tuple:
        """Changes whenever the lines on screen move: scrolled, resized or a new document."""
        offset = self.contentOffset()
        vp = self.viewport()
        return (
            self.firstVisibleBlock().blockNumber(),
            offset.x(),
            offset.y(),
            vp.width(),
            vp.height(),
            self._revision,
        )

    def _visible_lines(self) -> tuple[list[tuple], list[int]]:
        """The laid-out lines on screen, cached until the view scrolls, resizes or changes:
        (u_start, u_end, top, height, x_start, x_end, block_pos, QTextLine), and their starts."""
        key = self.layout_key()
        if self._lines_key == key:
            return self._lines, self._line_starts
        first = self.firstVisibleBlock()
        offset = self.contentOffset()
        vp = self.viewport()
        lines: list[tuple] = []
        block = first
        bottom = vp.height()
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > bottom:
                break
            if block.isVisible():
                bpos = block.position()
                layout = block.layout()
                lp = layout.position()
                gx, gy = geo.left() + lp.x(), geo.top() + lp.y()
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    top = gy + line.y()
                    if top > bottom:
                        break
                    ls = bpos + line.textStart()
                    le = ls + line.textLength()
                    x0 = gx + line.cursorToX(line.textStart())[0]
                    x1 = gx + line.x() + line.naturalTextWidth()
                    lines.append((ls, le, top, line.height(), x0, x1, bpos, line, gx))
            block = block.next()
        self._lines, self._line_starts, self._lines_key = lines, [ln[0] for ln in lines], key
        return lines, self._line_starts

    def visible_utf16_range(self) -> tuple[int, int]:
        """The UTF-16 range of the lines on screen."""
        lines, _ = self._visible_lines()
        if not lines:
            return 0, 0
        return lines[0][0], lines[-1][1] + 1

    def span_rects(
        self, u_start: int, u_end: int, visible: tuple[list[tuple], list[int]] | None = None
    ) -> list[QRectF]:
        """Viewport rectangles covering [u_start, u_end) on the visible lines (``visible``:
        :meth:`_visible_lines` when the caller already has it, for loops over many spans)."""
        lines, starts = visible or self._visible_lines()
        rects: list[QRectF] = []
        i = max(bisect.bisect_right(starts, u_start) - 1, 0)
        for k in range(i, len(lines)):
            ls, le, top, height, x0, x1, bpos, line, gx = lines[k]
            if ls >= u_end:
                break
            if le <= u_start or le == ls:
                continue
            a = x0 if u_start <= ls else gx + line.cursorToX(u_start - bpos)[0]
            b = x1 if u_end >= le else gx + line.cursorToX(u_end - bpos)[0]
            if b > a:
                rects.append(QRectF(a, top, b - a, height))
        return rects

    def y_range(
        self, u_start: int, u_end: int, visible: tuple[list[tuple], list[int]] | None = None
    ) -> tuple[float, float] | None:
        """Top of the first and bottom of the last visible line of a span (viewport y);
        None when no part of it is on screen (``visible`` as in :meth:`span_rects`)."""
        lines, starts = visible or self._visible_lines()
        if not lines or u_end <= lines[0][0] or u_start >= lines[-1][1]:
            return None
        i = max(bisect.bisect_right(starts, u_start) - 1, 0)
        j = max(bisect.bisect_left(starts, u_end) - 1, 0)
        while i < j and lines[i][1] <= u_start:
            i += 1
        top = lines[i][2] if u_start >= lines[0][0] else -2.0
        last = lines[j]
        bottom = last[2] + last[3] if u_end <= lines[-1][1] else self.viewport().height() + 2.0
        return top, bottom

    def _update_span(self, start: int, end: int, *, stripes: bool = True) -> None:
        """Repaint the lines of a span, and the stripes that moved (never the whole view)."""
        off = self._doc.offsets
        rects = self.span_rects(off.to_utf16(start), off.to_utf16(end))
        if rects:
            r = rects[0]
            for x in rects[1:]:
                r = r.united(x)
            self.viewport().update(r.toAlignedRect().adjusted(-3, -3, 3, 3))
        if stripes:
            self.stripe_area.refresh()

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if len(self._index) or self._underlines:
            painter = QPainter(self.viewport())
            try:
                self._paint_highlights(painter, event.rect())
            finally:
                painter.end()
        super().paintEvent(event)
        if self._underlines or self._current_coding is not None or self._drag:
            painter = QPainter(self.viewport())
            try:
                self._paint_overlays(painter)
            finally:
                painter.end()

    def _clip_utf16_range(self, clip: QRect) -> tuple[int, int]:
        """The UTF-16 range of the visible lines that a viewport rectangle touches."""
        lines, _ = self._visible_lines()
        top, bottom = clip.top(), clip.bottom() + 1
        hit = [ln for ln in lines if ln[2] < bottom and ln[2] + ln[3] > top]
        if not hit:
            return 0, 0
        return hit[0][0], hit[-1][1] + 1

    def _paint_highlights(self, painter: QPainter, clip: QRect) -> None:
        a, b = self._clip_utf16_range(clip)
        if a >= b:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        area = QRectF(clip)
        colors: dict[tuple[int, bool], QColor] = {}
        visible = self._visible_lines()
        for h in self._index.overlapping(a, b):
            key = (h.span.code_id, h.span.id == self._hover_coding)
            color = colors.get(key)
            if color is None:
                color = QColor(self.code_style(h.span.code_id).color)
                color.setAlpha(120 if key[1] else 70)
                colors[key] = color
            for r in self.span_rects(h.u_start, h.u_end, visible):
                if r.intersects(area):
                    painter.fillRect(r, color)

    def _paint_overlays(self, painter: QPainter) -> None:
        for u in self._underlines:
            pen = QPen(u.color, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for r in self.span_rects(u.u_start, u.u_end):
                painter.drawLine(
                    QPointF(r.left(), r.bottom() - 1), QPointF(r.right(), r.bottom() - 1)
                )
        cur = self.current_coding()
        if cur is None:
            return
        h = self._highlight(cur)
        if self._drag is not None and self._drag_pos is not None:
            up = self._doc.offsets.to_utf16(self._drag_pos)
            if self._drag[1] == "start":
                h = Highlight(cur, min(up, h.u_end - 1), h.u_end)
            else:
                h = Highlight(cur, h.u_start, max(up, h.u_start + 1))
        color = QColor(self.code_style(cur.code_id).color).darker(130)
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rects = self.span_rects(h.u_start, h.u_end)
        for r in rects:
            painter.drawRect(r.adjusted(0, 0, -1, -1))
        for r in self._handle_rects(h):
            painter.fillRect(r, color)

    def _handle_rects(self, h: Highlight) -> list[QRectF]:
        rects = self.span_rects(h.u_start, h.u_end)
        out = []
        if rects and self.span_rects(h.u_start, h.u_start + 1):
            r = rects[0]
            out.append(QRectF(r.left() - 2, r.top(), 4, r.height()))
        if rects and self.span_rects(max(h.u_end - 1, h.u_start), h.u_end):
            r = rects[-1]
            out.append(QRectF(r.right() - 2, r.top(), 4, r.height()))
        return out

    # --- margins ----------------------------------------------------------------------------

    def number_area_width(self) -> int:
        if not self.show_numbers:
            return 0
        fm = QFontMetrics(self._small_font())
        digits = max(3, len(str(max(self._doc.paragraph_of_block or [0]))))
        has_ts = any(t.timestamp is not None for t in self._doc.turns)
        return (
            14
            + fm.horizontalAdvance("9" * digits)
            + (fm.horizontalAdvance("00:00:00 ") if has_ts else 0)
        )

    def _small_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(max(self.font().pointSizeF() - 1.5, 7.0))
        return f

    def _update_margins(self) -> None:
        left = self.number_area_width()
        right = self.stripe_area.preferred_width() if self.show_stripes else 0
        self.setViewportMargins(left, 0, right, 0)
        self.number_area.setVisible(self.show_numbers)
        self.stripe_area.setVisible(self.show_stripes)
        self._place_margins()

    def _place_margins(self) -> None:
        cr = self.contentsRect()
        left = self.number_area_width()
        right = self.stripe_area.preferred_width() if self.show_stripes else 0
        vp = self.viewport().geometry()
        # beside the viewport: the stripes sit between the text and the scroll bar
        self.number_area.setGeometry(QRect(cr.left(), vp.top(), left, vp.height()))
        self.stripe_area.setGeometry(QRect(vp.right() + 1, vp.top(), right, vp.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._lines_key = None
        super().resizeEvent(event)
        self._place_margins()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "stripe_area"):
            self._revision += 1  # lines re-wrap
            self._update_margins()
        super().changeEvent(event)

    def set_show_numbers(self, on: bool) -> None:
        self.show_numbers = on
        self._update_margins()

    def set_show_stripes(self, on: bool) -> None:
        self.show_stripes = on
        self._update_margins()

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.number_area.scroll(0, dy)
            self.stripe_area.update()
        else:
            self.number_area.update(0, rect.y(), self.number_area.width(), rect.height())
            self.stripe_area.update(0, rect.y(), self.stripe_area.width(), rect.height())

    def paint_number_area(self, area: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(area)
        painter.fillRect(event.rect(), QColor("#f4f5f7"))
        painter.setPen(QColor("#e1e4e8"))
        painter.drawLine(
            area.width() - 1, event.rect().top(), area.width() - 1, event.rect().bottom()
        )
        painter.setFont(self._small_font())
        fm = painter.fontMetrics()
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        numbers = self._doc.paragraph_of_block
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > event.rect().bottom():
                break
            if block.isVisible() and geo.bottom() >= event.rect().top():
                n = block.blockNumber()
                top = (
                    int(geo.top() + block.layout().position().y() + block.layout().lineAt(0).y())
                    if block.layout().lineCount()
                    else int(geo.top())
                )
                h = fm.height()
                if n < len(numbers) and numbers[n]:
                    painter.setPen(QColor("#8a9099"))
                    painter.drawText(
                        QRect(0, top + 2, area.width() - 6, h),
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                        str(numbers[n]),
                    )
                turn = self._doc.turn_at_block.get(n)
                if turn is not None and turn.timestamp is not None:
                    painter.setPen(QColor("#2f7d5b"))
                    painter.drawText(
                        QRect(6, top + 2, area.width(), h),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                        format_timestamp(turn.timestamp),
                    )
            block = block.next()
        painter.end()

    # --- mouse ------------------------------------------------------------------------------

    def _handle_at(self, point: QPoint) -> str | None:
        cur = self.current_coding()
        if cur is None:
            return None
        rects = self._handle_rects(self._highlight(cur))
        p = QPointF(point)
        for r in rects:
            if r.adjusted(-self.HANDLE, 0, self.HANDLE, 0).contains(p):
                h = self._highlight(cur)
                first = self.span_rects(h.u_start, h.u_start + 1)
                if (
                    first
                    and r.top() == first[0].top()
                    and abs(r.center().x() - first[0].left()) < 3
                ):
                    return "start"
                return "end"
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            edge = self._handle_at(event.position().toPoint())
            if edge is not None and self._current_coding is not None:
                self._drag = (self._current_coding, edge)
                self._drag_pos = None
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._drag is not None:
            self._drag_pos = self.position_at(point)
            self.viewport().update()
            event.accept()
            return
        edge = self._handle_at(point)
        self.viewport().setCursor(
            Qt.CursorShape.SizeHorCursor if edge else Qt.CursorShape.IBeamCursor
        )
        super().mouseMoveEvent(event)
        u = self.cursorForPosition(point).position()
        hits = self._index.at(u)
        hover = hits[-1].span.id if hits else None
        if hover != self._hover_coding:
            old, self._hover_coding = self._hover_coding, hover
            for cid in (old, hover):
                span = self._all.get(cid) if cid is not None else None
                if span is not None:
                    self._update_span(span.start, span.end)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            coding_id, edge = self._drag
            pos = self._drag_pos
            self._drag, self._drag_pos = None, None
            self.viewport().update()
            span = self._all.get(coding_id)
            if span is not None and pos is not None:
                s, e = (pos, span.end) if edge == "start" else (span.start, pos)
                s, e = snap_span(
                    self._doc.text, s, e, "word" if self.snap_mode != "none" else "none"
                )
                if s < e and (s, e) != (span.start, span.end):
                    self.resizeRequested.emit(coding_id, s, e)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.snap_selection()
        for i, u in enumerate(self._underlines):
            pos = self.cursorForPosition(event.position().toPoint()).position()
            if u.u_start <= pos < u.u_end and not self.textCursor().hasSelection():
                self.extraUnderlineClicked.emit(i)
                break

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover_coding is not None:
            span = self._all.get(self._hover_coding)
            self._hover_coding = None
            if span is not None:
                self._update_span(span.start, span.end)
        super().leaveEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """The hover text at a viewport point: codes, coders and memos; plugin underlines."""
        u = self.cursorForPosition(point).position()
        lines = []
        for h in self._index.at(u):
            lines.append(self.describe(h.span))
        for ul in self._underlines:
            if ul.u_start <= u < ul.u_end and ul.tooltip:
                lines.append(ul.tooltip)
        return "<hr>".join(lines)

    def describe(self, span: CodingSpan) -> str:
        """Rich text naming a coding's code, coder and memo."""
        from html import escape

        style = self.code_style(span.code_id)
        out = (
            f"<span style='color:{style.color}'>■</span> <b>{escape(style.path)}</b>"
            f"<br><i>{escape(self.coder_name(span.coder_id))}</i>"
        )
        if span.memo:
            memo = span.memo if len(span.memo) < 300 else span.memo[:300] + "…"
            out += f"<br>{escape(memo)}"
        return out

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._lines_key = None
            self._place_margins()  # the scroll bar came or went
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            tip = self.tooltip_at(pos)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


def format_timestamp(seconds: float) -> str:
    """``m:ss`` or ``h:mm:ss``."""
    s = int(seconds)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"
