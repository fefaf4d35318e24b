"""Comparing coders in a project: agreement report, disagreements, adjudication, merging.

* :mod:`coding.compare.compare` -- :func:`compare_coders` (character / segment / speaker-turn
  agreement plus Krippendorff's unitizing alphas) and :func:`disagreements`.
* :mod:`coding.compare.adjudicate` -- a supervisor's decisions building a consensus coder.
* :mod:`coding.compare.merge` -- importing a coder's work from another ``.tematik`` file.
"""

from __future__ import annotations

from coding.compare.compare import (
    UNITS,
    AgreementReport,
    Disagreement,
    compare_coders,
    disagreements,
    verdict,
)

__all__ = [
    "UNITS",
    "AgreementReport",
    "Disagreement",
    "compare_coders",
    "disagreements",
    "verdict",
]
