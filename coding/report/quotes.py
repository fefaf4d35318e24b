"""Choosing and trimming the representative quotes of a code.

The rule (also printed in the report's method section):

1. Candidates are the code's coded passages by the selected coders. Leading and trailing
   white space is dropped; a passage longer than the maximum is cut at the last sentence end
   (or else the last word boundary) before the limit and marked with "…".
2. Passages shorter than the minimum length are used only when there are not enough others.
3. Pinned passages (marked by an analyst as report quotes) come first.
4. Then the remaining quotes are spread over different interviews: one per interview in
   turn (interviews with the fewest quotes so far first, then document order), taking from
   each interview the passage whose length is closest to the ideal length.
5. A passage overlapping an already chosen quote by more than half is skipped (two coders
   often code the same passage).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coding.queries import Segment

ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


@dataclass
class QuoteRule:
    """Limits for quote selection."""

    count: int = 3  # quotes per code (pinned quotes may raise it up to ``maximum``)
    minimum: int = 2
    maximum: int = 5
    min_chars: int = 40
    max_chars: int = 600
    ideal_chars: int = 250


@dataclass
class Quote:
    """A quote as printed: ``text`` equals ``document.text[start:end]`` (before
    pseudonymisation); ``trimmed`` means "…" follows in print."""

    coding_id: int
    document_id: int
    document: str
    speaker: str | None
    coder: str
    start: int
    end: int
    text: str
    trimmed: bool
    pinned: bool


def trim(text: str, start: int, max_chars: int) -> tuple[str, int, int, bool]:
    """Strip white space and cut over-long text at a sentence end or word boundary.

    Returns ``(text, start, end, trimmed)`` with positions in the document."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start += lead
    if len(body) <= max_chars:
        return body, start, start + len(body), False
    window = body[: max_chars + 1]
    cut = -1
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] >= max_chars * 0.6:
        cut = ends[-1]
    if cut < 0:
        space = window.rfind(" ", 0, max_chars)
        cut = space if space > 0 else max_chars
    body = body[:cut].rstrip(" ,;:–-\n\t")
    return body, start, start + len(body), True


def _overlap(a: Quote, b: Quote) -> bool:
    if a.document_id != b.document_id:
        return False
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0.5 * min(a.end - a.start, b.end - b.start)


def select_quotes(segments: Sequence[Segment], rule: QuoteRule | None = None) -> list[Quote]:
    """The representative quotes of one code's segments, by the module's rule."""
    rule = rule or QuoteRule()
    cands: list[Quote] = []
    for seg in segments:
        text, start, end, trimmed = trim(seg.text, seg.start, rule.max_chars)
        if not text:
            continue
        cands.append(
            Quote(
                coding_id=seg.coding_id,
                document_id=seg.document_id,
                document=seg.document,
                speaker=seg.speaker,
                coder=seg.coder,
                start=start,
                end=end,
                text=text,
                trimmed=trimmed,
                pinned=seg.pinned,
            )
        )
    chosen: list[Quote] = []

    def take(q: Quote) -> bool:
        if any(_overlap(q, c) for c in chosen):
            return False
        chosen.append(q)
        return True

    for q in cands:
        if q.pinned and len(chosen) < rule.maximum:
            take(q)
    target = max(rule.count, min(len(chosen), rule.maximum))
    doc_order: dict[int, int] = {}
    for q in cands:
        doc_order.setdefault(q.document_id, len(doc_order))

    def spread(pool: list[Quote]) -> None:
        by_doc: dict[int, list[Quote]] = {}
        for q in pool:
            if not q.pinned:
                by_doc.setdefault(q.document_id, []).append(q)
        for qs in by_doc.values():
            qs.sort(key=lambda q: (abs(len(q.text) - rule.ideal_chars), q.start))
        while len(chosen) < target and any(by_doc.values()):
            used = {d: sum(1 for c in chosen if c.document_id == d) for d in by_doc}
            doc = min((d for d, qs in by_doc.items() if qs), key=lambda d: (used[d], doc_order[d]))
            take(by_doc[doc].pop(0))

    spread([q for q in cands if len(q.text) >= rule.min_chars])
    if len(chosen) < rule.minimum:
        target = rule.minimum
        spread([q for q in cands if len(q.text) < rule.min_chars])
    # Print in document order: interview, then position.
    chosen.sort(key=lambda q: (not q.pinned, doc_order[q.document_id], q.start))
    return chosen
