"""Indicator terms matched on lemmas: the explainable baseline.

Each code's indicator terms (``coding.codebook.terms_of``) are lemmatised by the project's
pipeline and matched with a ``PhraseMatcher(attr="LEMMA")``, so inflected forms hit
("lønnen" → "løn") and multi-word terms match as sequences ("gjorde en forskel" → "gøre en
forskel"). Danish builds compounds freely, so a one-word term also hits a word that begins
or ends with it when the rest is a word part of four letters or more ("lønninger" → lemma
"lønning" = "løn" + "ning"; "tjenestemandspensionen" ends in "pension"). Common derivational
endings ("-lig", "-som", "-else") do not count as the rest of a compound.

Score per code and unit: ``1 - Π(1 - w)`` over the distinct terms found, with ``w`` = 0.5 for
a lemma match (0.6 for a multi-word term) and 0.3 for a compound part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

WEIGHT_LEMMA = 0.5
WEIGHT_PHRASE = 0.6
WEIGHT_COMPOUND = 0.3
MIN_TERM = 3  # shortest term that counts as a compound part
MIN_REST = 4  # shortest rest of a compound word besides the term
_NOT_COMPOUND = ("lig", "som", "else", "agtig", "isk", "hed")


@dataclass(frozen=True)
class TermHit:
    """One indicator term found in a unit (offsets relative to the unit's doc)."""

    code_id: int
    term: str
    text: str
    start: int
    end: int
    match: str  # lemma | compound

    @property
    def weight(self) -> float:
        if self.match == "compound":
            return WEIGHT_COMPOUND
        return WEIGHT_PHRASE if " " in self.term.strip() else WEIGHT_LEMMA


def term_score(hits: list[TermHit]) -> float:
    """Combine the hits of one code in one unit: distinct terms, strongest match each."""
    best: dict[str, float] = {}
    for h in hits:
        best[h.term] = max(best.get(h.term, 0.0), h.weight)
    miss = 1.0
    for w in best.values():
        miss *= 1.0 - w
    return round(1.0 - miss, 4)


class TermMatcher:
    """Matches every code's indicator terms on lemmas in analysed docs."""

    def __init__(self, nlp: Language, code_terms: dict[int, list[str]]) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.keys: dict[int, list[tuple[int, str]]] = {}
        self.single: dict[str, list[tuple[int, str]]] = {}
        self.compound_cache: dict[str, list[tuple[int, str]]] = {}
        self.hash_cache: dict[int, list[tuple[int, str]]] = {}
        self.n_terms = 0
        pairs = [(cid, t.strip()) for cid, terms in code_terms.items() for t in terms if t.strip()]
        if not pairs:
            return
        disable = [p for p in ("sentencizer", "senter") if p in nlp.pipe_names]
        with nlp.select_pipes(disable=disable):
            docs = list(nlp.pipe(t for _, t in pairs))
        by_key: dict[str, list[Any]] = {}
        for (cid, term), doc in zip(pairs, docs, strict=True):
            if not len(doc):
                continue
            key = f"{cid}\t{term}"
            by_key.setdefault(key, []).append(doc)
            self.keys.setdefault(nlp.vocab.strings.add(key), []).append((cid, term))
            self.n_terms += 1
            if len(doc) == 1 and len(doc[0].lemma_) >= MIN_TERM:
                self.single.setdefault(doc[0].lemma_, []).append((cid, term))
        for key, pattern_docs in by_key.items():
            self.matcher.add(key, pattern_docs)

    def _compounds(self, lemma: str) -> list[tuple[int, str]]:
        found = self.compound_cache.get(lemma)
        if found is not None:
            return found
        found = []
        n = len(lemma)
        if n >= MIN_TERM + MIN_REST and lemma.isalpha():
            for i in range(MIN_TERM, n - MIN_REST + 1):
                head, rest = lemma[:i], lemma[i:]
                if head in self.single and not rest.startswith(_NOT_COMPOUND):
                    found.extend(self.single[head])
            for i in range(MIN_REST, n - MIN_TERM + 1):
                tail = lemma[i:]
                if tail in self.single:
                    found.extend(self.single[tail])
        self.compound_cache[lemma] = found
        return found

    def match(self, doc: Doc) -> dict[int, list[TermHit]]:
        """Code id → the terms found in ``doc``."""
        out: dict[int, list[TermHit]] = {}
        if not self.n_terms:
            return out
        exact: set[tuple[int, int]] = set()  # (code, token) already hit by a lemma match
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            for cid, term in self.keys.get(match_id, ()):
                exact.update((cid, i) for i in range(start, end))
                out.setdefault(cid, []).append(
                    TermHit(cid, term, span.text, span.start_char, span.end_char, "lemma")
                )
        if self.single:
            from spacy.attrs import LEMMA

            cache = self.hash_cache
            strings = doc.vocab.strings
            for i, h in enumerate(doc.to_array(LEMMA).tolist()):
                found = cache.get(h)
                if found is None:
                    found = self._compounds(strings[h])
                    cache[h] = found
                if not found:
                    continue
                tok = doc[i]
                for cid, term in found:
                    if (cid, i) in exact:
                        continue
                    out.setdefault(cid, []).append(
                        TermHit(cid, term, tok.text, tok.idx, tok.idx + len(tok), "compound")
                    )
        return out
