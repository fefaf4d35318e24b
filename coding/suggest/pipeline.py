"""The spaCy pipeline per project language, built offline and cached per process.

When a trained spaCy package for the language is importable (``da_core_news_md`` …) it is
loaded with only the components the suggester needs; otherwise a blank ``da`` / ``en``
pipeline gets a lookup lemmatizer (the tables of spacy-lookups-data) and a sentencizer.
Nothing is ever downloaded. Every pipeline ends with lemmas normalised to lower case, which
is what the term matcher, the classifier and the similarity search all read.

spaCy is imported inside the functions: importing this module is cheap.
"""

from __future__ import annotations

import importlib.util
import threading
from typing import TYPE_CHECKING, Any

from coding.errors import TematikError

if TYPE_CHECKING:
    from spacy.language import Language

LANGUAGES = ("da", "en")
# Trained packages used instead of the blank pipeline when installed (best first).
TRAINED_PACKAGES: dict[str, tuple[str, ...]] = {
    "da": ("da_core_news_lg", "da_core_news_md", "da_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
}
# Components of a trained package that the suggester never reads.
_UNNEEDED = ("ner", "parser", "entity_linker", "entity_ruler", "textcat", "textcat_multilabel")
LEMMA_COMPONENT = "tematik_lemmas"
BOW_ARCHITECTURE = "tematik.LemmaBOW.v1"

_cache: dict[str, Language] = {}
_lock = threading.Lock()
_registered = False


def _register() -> None:
    """Register the lemma component and the lemma bag-of-words architecture (once)."""
    global _registered
    if _registered:
        return
    import spacy
    from spacy.attrs import LEMMA
    from spacy.language import Language

    @Language.factory(LEMMA_COMPONENT, default_config={"use_lookups": True})
    def make_lemmas(nlp: Language, name: str, use_lookups: bool) -> LemmaNormaliser:
        table: Any = {}
        if use_lookups:
            from spacy.lookups import load_lookups

            try:
                table = load_lookups(nlp.lang, ["lemma_lookup"]).get_table("lemma_lookup")
            except ValueError:  # no lookup table for this language: lower-cased words
                table = {}
        return LemmaNormaliser(table)

    @spacy.registry.architectures(BOW_ARCHITECTURE)
    def lemma_bow(
        exclusive_classes: bool,
        ngram_size: int,
        no_output_layer: bool,
        length: int = 262144,
        content_only: bool = True,
        nO: int | None = None,
    ) -> Any:
        """spaCy's TextCatBOW.v3 with three changes: the n-grams are read from the lemmas
        (so "lønnen" and "lønnens" are one feature), only of words that are not stop words
        when ``content_only``, and each code whose indicator terms
        occur in the unit adds one feature (see :func:`set_term_features`)."""
        from functools import partial

        from spacy.ml.models.textcat import resize_and_set_ref
        from thinc.api import Logistic, Model, SparseLinear_v2, chain, resizable, with_cpu
        from thinc.layers.resizable import resize_linear_weighted

        length = 2 ** (length - 1).bit_length()
        sparse_linear = SparseLinear_v2(nO=nO, length=length)
        fill = {"b": 0, "W": 0}
        if not no_output_layer:
            from spacy.ml.models.textcat import NEG_VALUE

            fill["b"] = NEG_VALUE
        resizable_layer = resizable(
            sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults=fill)
        )
        extract = Model(
            "extract_ngrams",
            _extract_features,
            attrs={"ngram_size": ngram_size, "attr": LEMMA, "content_only": content_only},
        )
        model = with_cpu(chain(extract, resizable_layer), resizable_layer.ops)
        if not no_output_layer:
            out = Logistic()
            model = chain(model, with_cpu(out, out.ops))
        if nO is not None:
            model.set_dim("nO", nO)
        model.set_ref("output_layer", sparse_linear)
        model.attrs["multi_label"] = not exclusive_classes
        model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
        return model

    _registered = True


TERMS_KEY = "tematik_terms"
TERM_SCORES_KEY = "tematik_term_scores"
FEATURES_KEY = "tematik_features"  # cached (keys, counts) of the classifier's features


def set_term_features(
    doc: Any, hits: dict[str, list[str]], scores: dict[str, float] | None = None
) -> None:
    """Record on ``doc`` which codes' indicator terms occur in it (code GUID → the words)
    and their term scores (code GUID → score); the classifier reads one feature per code
    from the words and blends the scores into its probabilities."""
    doc.user_data[TERMS_KEY] = hits
    doc.user_data[TERM_SCORES_KEY] = dict(scores or {})
    doc.user_data.pop(FEATURES_KEY, None)


def term_feature(guid: str) -> str:
    """The name of the "indicator terms of this code occur" feature."""
    return f"#terms:{guid}"


def _extract_features(model: Any, docs: Any, is_train: bool) -> Any:
    """spaCy's ``extract_ngrams`` forward pass plus the indicator-term features."""
    from spacy.attrs import IS_ALPHA, IS_STOP
    from spacy.strings import get_string_id

    ops = model.ops
    xp = ops.xp
    batch_keys = []
    batch_vals = []
    content_only = model.attrs.get("content_only", False)
    ngram_size = model.attrs["ngram_size"]
    for doc in docs:
        cached = doc.user_data.get(FEATURES_KEY)
        if cached is not None and cached[0] == (content_only, ngram_size):
            batch_keys.append(cached[1])
            batch_vals.append(cached[2])
            continue
        if content_only:
            arr = doc.to_array([model.attrs["attr"], IS_ALPHA, IS_STOP])
            unigrams = xp.ascontiguousarray(arr[(arr[:, 1] == 1) & (arr[:, 2] == 0), 0])
        else:
            unigrams = ops.asarray(doc.to_array([model.attrs["attr"]]))
        ngrams = [unigrams]
        for n in range(2, ngram_size + 1):
            if unigrams.shape[0] >= n:
                ngrams.append(ops.ngrams(n, unigrams))
        extra = doc.user_data.get(TERMS_KEY)
        if extra:
            ids = [get_string_id(term_feature(g)) for g in extra]
            ngrams.append(xp.asarray(ids, dtype=unigrams.dtype))
        keys = xp.concatenate(ngrams)
        # Presence, not counts: a long turn that repeats a word is no stronger evidence
        # (binary features beat counts on the demo project's learning curve).
        keys = xp.unique(keys)
        vals = xp.ones(keys.shape, dtype="f")
        doc.user_data[FEATURES_KEY] = ((content_only, ngram_size), keys, vals)
        batch_keys.append(keys)
        batch_vals.append(vals)
    lengths = ops.asarray([arr.shape[0] for arr in batch_keys], dtype="int32")
    keys = xp.concatenate(batch_keys)
    vals = ops.asarray(xp.concatenate(batch_vals), dtype="f")

    def backprop(d_output: Any) -> list[Any]:
        return []

    return (keys, vals, lengths), backprop


class LemmaNormaliser:
    """Sets ``token.lemma_`` to a lower-case lemma.

    Tokens without a lemma (blank pipeline) are looked up in spacy-lookups-data's
    ``lemma_lookup`` table as written and then in lower case (the plain lookup lemmatizer
    misses "Lønnen" at the start of a sentence); unknown words keep their lower-cased form.
    Lemmas set by a trained lemmatizer are only lower-cased. Results are cached per word form.
    """

    def __init__(self, table: Any) -> None:
        self.table = table
        self.cache: dict[tuple[int, int], int] = {}

    def _lemma(self, text: str, given: str) -> str:
        if given:
            return given.lower()
        table = self.table
        lemma = table.get(text) if text in table else None
        if lemma is None:
            low = text.lower()
            lemma = table.get(low, low) if low in table else low
        if isinstance(lemma, list):
            lemma = lemma[0] if lemma else text
        return str(lemma).lower()

    def __call__(self, doc: Any) -> Any:
        import numpy as np
        from spacy.attrs import LEMMA, ORTH

        if not len(doc):
            return doc
        cache = self.cache
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, LEMMA])
        out = []
        for orth, lemma in arr.tolist():
            value = cache.get((orth, lemma))
            if value is None:
                given = strings[lemma] if lemma else ""
                value = strings.add(self._lemma(strings[orth], given))
                cache[(orth, lemma)] = value
            out.append(value)
        doc.from_array([LEMMA], np.asarray(out, dtype="uint64").reshape(-1, 1))
        return doc


def trained_package(language: str) -> str | None:
    """The name of an installed trained spaCy package for the language, or None."""
    for name in TRAINED_PACKAGES.get(language, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def build_pipeline(language: str, *, use_trained: bool = True) -> Language:
    """A new pipeline for ``language`` (see the module docstring). Never downloads."""
    import spacy

    if language not in LANGUAGES:
        raise TematikError(
            f"Suggestions support the languages {', '.join(LANGUAGES)}, not {language!r}."
        )
    _register()
    package = trained_package(language) if use_trained else None
    if package is not None:
        nlp = spacy.load(package, exclude=[p for p in _UNNEEDED])
        nlp.add_pipe(LEMMA_COMPONENT, config={"use_lookups": "lemmatizer" not in nlp.pipe_names})
        if "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
    else:
        nlp = spacy.blank(language)
        nlp.add_pipe(LEMMA_COMPONENT)
        nlp.add_pipe("sentencizer")
    nlp.max_length = 5_000_000
    return nlp


def get_nlp(language: str) -> Language:
    """The cached pipeline for ``language`` (built on first use, then shared)."""
    with _lock:
        nlp = _cache.get(language)
        if nlp is None:
            nlp = build_pipeline(language)
            _cache[language] = nlp
        return nlp


def describe(nlp: Language) -> str:
    """A one-line description such as ``blank da + lookup lemmas + sentencizer``."""
    name = nlp.meta.get("name", "")
    base = f"{nlp.lang}_{name}" if name and name != "pipeline" else f"blank {nlp.lang}"
    return f"{base}: {', '.join(nlp.pipe_names)}"


def has_vectors(nlp: Language) -> bool:
    """True when the pipeline carries word vectors (trained md/lg packages)."""
    return bool(nlp.vocab.vectors.shape[0]) and nlp.vocab.vectors.shape[1] > 0


def stop_words(nlp: Language) -> frozenset[str]:
    """The language's stop words, lower case."""
    return frozenset(w.lower() for w in nlp.Defaults.stop_words)
