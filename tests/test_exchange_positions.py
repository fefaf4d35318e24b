"""Position conversions: code points, UTF-16 units, CRLF, BOM, NFC and control characters."""

from __future__ import annotations

import unicodedata

from coding.exchange.positions import (
    STANDARD,
    UTF16,
    OffsetMap,
    PositionScheme,
    codepoint_to_utf16,
    guess_scheme,
    scheme_for_origin,
    utf16_length,
    utf16_to_codepoint,
)
from coding.importing import normalise_text

NV = PositionScheme(UTF16, 2)


def test_codepoint_utf16_conversions() -> None:
    text = "a😀b🤣🤣c"
    assert utf16_length(text) == 9
    assert [codepoint_to_utf16(text, i) for i in range(7)] == [0, 1, 3, 4, 6, 8, 9]
    assert utf16_to_codepoint(text, 3) == 2 and utf16_to_codepoint(text, 8) == 5
    assert utf16_to_codepoint(text, 2) == 2  # inside the pair of 😀: after it
    for i in range(len(text) + 1):
        assert utf16_to_codepoint(text, codepoint_to_utf16(text, i)) == i


def test_identity_map_for_clean_text() -> None:
    m = OffsetMap("Løn og pension 😀", STANDARD)
    assert m.identity and m.text == "Løn og pension 😀" and m.span(4, 6) == (4, 6)


def test_utf16_and_crlf_are_mapped_onto_normalised_text() -> None:
    source = "😀 Første\r\n🤣 anden\rtredje"
    m = OffsetMap(source, NV)
    assert m.text == "😀 Første\n🤣 anden\ntredje" == normalise_text(source)
    units = source.encode("utf-16-le")
    for word in ("Første", "anden", "tredje", "😀", "🤣"):
        a = source.index(word)
        ua, ub = utf16_length(source[:a]), utf16_length(source[: a + len(word)])
        assert units[2 * ua : 2 * ub].decode("utf-16-le") == word
        s, e = m.span(ua, ub)
        assert m.text[s:e] == word
    one = OffsetMap(source, PositionScheme("codepoint", 1))
    a = source.replace("\r\n", "\n").index("anden")
    assert one.text[slice(*one.span(a, a + 5))] == "anden"


def test_positions_inside_characters_include_them_and_controls_vanish() -> None:
    source = "x\u0007y😀z\ufeffw"
    m = OffsetMap(source, NV)
    assert m.text == "xy😀zw"
    # start inside the surrogate pair of 😀 (unit 4) includes it; so does an end inside it.
    assert m.span(4, 5) == (2, 3)
    assert m.text[slice(*m.span(0, 8))] == "xy😀zw"[: m.end(8)]


def test_nfd_text_is_composed_and_positions_follow() -> None:
    source = unicodedata.normalize("NFD", "Århus café, æøå")
    m = OffsetMap(source)
    assert m.text == "Århus café, æøå"
    a = source.index("cafe\u0301")
    assert m.text[slice(*m.span(a, a + len("cafe\u0301")))] == "café"


def test_scheme_by_origin_and_guess() -> None:
    assert scheme_for_origin("NVivo for Mac 12.7") == NV
    assert scheme_for_origin("Tematik 0.1.0") == STANDARD
    assert scheme_for_origin("ATLAS.ti 8.4") is None
    source = "🤣🤣🤣 ord " * 3 + "Mi az a fityesznek 🤣 vége"
    target = "fityesznek"
    a = source.index(target)
    ua, ub = utf16_length(source[:a]), utf16_length(source[: a + len(target)])
    scheme, m, note = guess_scheme(source, [(ua, ub)])
    assert scheme == NV and m.text[slice(*m.span(ua, ub))] == target and "UTF-16" in note
    scheme, _, note = guess_scheme("plain text", [(0, 5)])
    assert scheme == STANDARD and note == ""
