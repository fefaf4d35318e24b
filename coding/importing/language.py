"""A cheap language guess (Danish or English) from the share of common function words."""

from __future__ import annotations

from collections import Counter

# Function words that are frequent in one language and rare in the other (and in French/German,
# so those are not mistaken for either). Ambiguous words such as i, a, at, de, en, et are left out.
_DANISH = frozenset(
    [
        "og",
        "det",
        "er",
        "til",
        "på",
        "som",
        "med",
        "af",
        "ikke",
        "der",
        "har",
        "jeg",
        "vi",
        "om",
        "så",
        "var",
        "kan",
        "skal",
        "også",
        "fra",
        "eller",
        "hvis",
        "sig",
        "når",
        "bliver",
        "være",
        "hun",
        "meget",
        "vil",
        "mig",
        "nogle",
        "hvad",
        "hvor",
        "efter",
        "bare",
        "jo",
        "lige",
        "altså",
        "sådan",
        "nok",
        "godt",
        "ja",
        "nej",
        "dem",
        "min",
        "blev",
        "havde",
        "været",
        "ved",
        "hvordan",
        "mere",
        "noget",
        "alle",
        "den",
        "dig",
        "hans",
        "hendes",
        "deres",
        "vores",
        "jer",
        "mange",
        "får",
        "kunne",
        "skulle",
        "ville",
        "synes",
        "tror",
        "måske",
        "fordi",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "that",
        "it",
        "you",
        "was",
        "for",
        "on",
        "are",
        "with",
        "this",
        "be",
        "have",
        "not",
        "but",
        "what",
        "they",
        "we",
        "so",
        "do",
        "if",
        "or",
        "can",
        "just",
        "there",
        "would",
        "about",
        "which",
        "like",
        "my",
        "me",
        "an",
        "he",
        "she",
        "his",
        "her",
        "their",
        "our",
        "your",
        "them",
        "been",
        "were",
        "has",
        "had",
        "will",
        "does",
        "did",
        "yeah",
        "because",
        "think",
        "know",
        "really",
        "very",
        "when",
        "who",
        "how",
        "all",
        "from",
        "by",
    ]
)
_SAMPLE_CHARS = 4_000
_PUNCTUATION = ".,;:!?\"'()[]{}«»“”‘’…-–—*"
_MIN_WORDS = 20
_MIN_RATIO = 0.12


def detect_language(text: str) -> str | None:
    """'da' or 'en' from the stop-word ratio of (a sample of) ``text``; None when unsure.

    Unsure means: fewer than 20 words, neither language's function words reach 12% of the
    words, or the two languages score within a factor of two of each other.
    """
    if len(text) > _SAMPLE_CHARS:
        # Sample the start and the middle: transcripts often open with a header or agenda.
        middle = len(text) // 2
        half = _SAMPLE_CHARS // 2
        text = text[:half] + " " + text[middle : middle + half]
    # str.split + Counter run in C; punctuation is stripped once per distinct token.
    counts = Counter(text.lower().split())
    total = danish_count = english_count = 0
    for token, count in counts.items():
        word = token.strip(_PUNCTUATION)
        if not word or not word[0].isalpha():
            continue
        total += count
        if word in _DANISH:
            danish_count += count
        elif word in _ENGLISH:
            english_count += count
    if total < _MIN_WORDS:
        return None
    danish = danish_count / total
    english = english_count / total
    best, score, other = ("da", danish, english) if danish >= english else ("en", english, danish)
    if score < _MIN_RATIO or score < 2 * other:
        return None
    return best
