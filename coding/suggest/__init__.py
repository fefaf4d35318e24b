"""Code suggestions: offline spaCy, explainable, learning from the analysts' own codings.

Three sources propose codes for speaker turns (or sentences when a document has no turns):

* ``terms`` – the indicator terms of each code, matched on lemmas (:mod:`.terms`);
* ``model`` – a multi-label bag-of-words classifier trained on the project's codings
  (:mod:`.model`);
* ``similar`` – "more like this": lemma TF-IDF similarity to coded passages (:mod:`.similar`).

Suggestions are stored in the ``suggestion`` table with a per-coder decision
(:mod:`.store`); they are never codings until a coder accepts one. :mod:`.evaluate` measures
precision / recall / F1 against the human codings. spaCy is imported lazily, only by the
functions that need it, so importing this package is cheap.
"""

from __future__ import annotations

SOURCES = ("terms", "model", "similar")
