"""Speaker-turn detection: each convention, false positives, and the real shared transcripts."""

from __future__ import annotations

from collections import Counter

import pytest

from coding.importing import parse_file
from coding.importing.base import ParsedDocument
from coding.importing.speakers import detect_turns
from tests._paths import shared_file


def turns_of(text: str) -> list[tuple[str | None, str, float | None]]:
    """(speaker, span text, timestamp) per detected turn, checking the span invariants."""
    turns = detect_turns(text)
    previous_end = 0
    for turn in turns:
        assert previous_end <= turn.start <= turn.end <= len(text)
        previous_end = turn.end
    return [(t.speaker, text[t.start : t.end], t.timestamp) for t in turns]


def speakers(doc: ParsedDocument) -> Counter[str | None]:
    return Counter(t.speaker for t in doc.turns)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I: Hvad laver du?\nR: Jeg er leder.", [("I", "Hvad laver du?"), ("R", "Jeg er leder.")]),
        (
            "Interviewer 1: Hej.\nInterviewee1 : Bonjour.\n",
            [("Interviewer 1", "Hej."), ("Interviewee1", "Bonjour.")],
        ),
        (
            "Formanden (Søren Gade):\nMødet er åbnet.\n   Det er vedtaget.\n"
            "Anne Paulin (S):Tak for det.",
            [
                ("Formanden (Søren Gade)", "Mødet er åbnet.\n   Det er vedtaget."),
                ("Anne Paulin (S)", "Tak for det."),
            ],
        ),
        (
            "**Deltager 2:** Ja.\n**Moderator**: Godt.",
            [("Deltager 2", "Ja."), ("Moderator", "Godt.")],
        ),
        ("Q: Why?\n\nA: Because.", [("Q", "Why?"), ("A", "Because.")]),
    ],
)
def test_role_and_party_labels(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s, t) for s, t, _ in turns_of(text)] == expected


def test_label_keeps_stored_text_but_not_span() -> None:
    text = "Interviewer: Hvad så?\nRespondent: Ikke så meget."
    turns = detect_turns(text)
    assert text[: turns[0].start] == "Interviewer: "
    assert text[turns[1].start - len("Respondent: ") : turns[1].start] == "Respondent: "


def test_bracket_and_timestamp_conventions() -> None:
    text = (
        "[Mette 00:01:02] Velkommen.\n"
        "[Jonas] Tak.\n"
        "Mette [00:02:03]: Første spørgsmål.\n"
        "[00:03:04] Jonas: Mit svar. [00:03:30]\n"
        "(00:04:00) Mette: Og så? (00:04:10)\n"
    )
    assert turns_of(text) == [
        ("Mette", "Velkommen.", 62.0),
        ("Jonas", "Tak.", None),
        ("Mette", "Første spørgsmål.", 123.0),
        ("Jonas", "Mit svar.", 184.0),
        ("Mette", "Og så?", 240.0),
    ]


def test_speaker_line_followed_by_timestamp_line() -> None:
    text = "Interviewer\n00:00:05\nHvordan gik det?\n\nInformant\n00:01:10\nFint.\nVirkelig fint."
    assert turns_of(text) == [
        ("Interviewer", "Hvordan gik det?", 5.0),
        ("Informant", "Fint.\nVirkelig fint.", 70.0),
    ]


def test_otter_headers_trust_single_timed_label() -> None:
    text = "Ali  0:00  \nHej.\n\nKelly  0:18  \nHej selv.\n\nEmma  1:02:03  \nEn gang.\n\nAli  1:02:09  \nJa."
    assert turns_of(text) == [
        ("Ali", "Hej.", 0.0),
        ("Kelly", "Hej selv.", 18.0),
        ("Emma", "En gang.", 3723.0),
        ("Ali", "Ja.", 3729.0),
    ]


def test_trailing_turn_timestamp_in_parentheses() -> None:
    text = "Speaker 1: Godaften alle sammen. (00:00)\n\nSpeaker 2: Tak. (02:58)"
    assert turns_of(text) == [
        ("Speaker 1", "Godaften alle sammen.", 0.0),
        ("Speaker 2", "Tak.", 178.0),
    ]


def test_prose_colons_are_not_speakers() -> None:
    text = (
        "Baggrund: undersøgelsen handler om mobilitet.\n\n"
        "Det vigtigste er: ledere skifter sjældent sektor.\n\n"
        "Kl. 13:03\n\nSe https://example.org for mere.\n\n"
        "1) Behandling af lovforslag nr. L 90:\nForslag til lov."
    )
    turns = turns_of(text)
    assert all(speaker is None for speaker, _, _ in turns)
    assert [body for _, body, _ in turns] == [
        "Baggrund: undersøgelsen handler om mobilitet.",
        "Det vigtigste er: ledere skifter sjældent sektor.",
        "Kl. 13:03",
        "Se https://example.org for mere.",
        "1) Behandling af lovforslag nr. L 90:\nForslag til lov.",
    ]


def test_recurring_name_label_counts_single_does_not() -> None:
    once = "Indledning\n\nMaria: en enkelt linje.\n\nMere tekst."
    assert all(s is None for s, _, _ in turns_of(once))
    twice = "Maria: Hej.\nPeter: Hej Maria.\nMaria: Hvordan går det?"
    assert [s for s, _, _ in turns_of(twice)] == ["Maria", "Maria"]
    # In a clearly labelled transcript a one-off speaker counts, but a header line does not.
    labelled = (
        "Dato: 3. marts\n\nMaria: Hej.\nJonas: Hej.\nPeter: Hej Maria.\n"
        "Maria: Hvordan går det?\nJonas: Fint."
    )
    assert [s for s, _, _ in turns_of(labelled)] == [
        None,
        "Maria",
        "Jonas",
        "Peter",
        "Maria",
        "Jonas",
    ]
    assert turns_of(labelled)[0][1] == "Dato: 3. marts"
    # A label that is a sentence, or too long, is never a speaker even when it recurs.
    sentences = "Det næste punkt på dagsordenen er:\nA.\n\nDet næste punkt på dagsordenen er:\nB."
    assert all(s is None for s, _, _ in turns_of(sentences))


def test_no_labels_gives_paragraph_turns() -> None:
    text = "Første afsnit\nfortsætter her.\n\n\nAndet afsnit."
    assert turns_of(text) == [
        (None, "Første afsnit\nfortsætter her.", None),
        (None, "Andet afsnit.", None),
    ]


def test_preamble_before_first_label_is_a_speakerless_turn() -> None:
    text = "Interview 3, marts 2024\n\nI: Velkommen.\nR: Tak."
    assert turns_of(text) == [
        (None, "Interview 3, marts 2024", None),
        ("I", "Velkommen.", None),
        ("R", "Tak.", None),
    ]


# ------------------------------------------------------------------------ real transcripts


def test_mlss_interview_11() -> None:
    doc = parse_file(shared_file("transcripts", "mlss_interview_11.txt"))
    assert speakers(doc) == {"Interviewer 1": 66, "Interviewee": 128}
    first = doc.text[doc.turns[0].start : doc.turns[0].end]
    assert first.startswith("All right. Uh, so what we want to do")
    # ASR boundary quirk: the turn after 'Okay, ' starts with 'super.'
    assert any(doc.text[t.start : t.end].startswith("super. Alright.") for t in doc.turns)
    assert doc.language == "en"


def test_mlss_interview_05_drops_the_empty_turn() -> None:
    doc = parse_file(shared_file("transcripts", "mlss_interview_05.txt"))
    # 94 'Interviewee:' labels, one of which has no text before the next label.
    assert speakers(doc) == {"Interviewer": 67, "Interviewee": 93}
    short = [doc.text[t.start : t.end] for t in doc.turns if t.speaker == "Interviewer"]
    assert "That's" in short


def test_mlss_interview_02_french_spacing() -> None:
    doc = parse_file(shared_file("transcripts", "mlss_interview_02_fr.txt"))
    counts = speakers(doc)
    assert counts["Interviewer1"] == 43
    assert counts["Interviewee1"] == 44  # includes the label with a leading space
    assert set(counts) == {"Interviewer1", "Interviewee1", "Interviewer2", "Interviewer2 2"}
    texts = {doc.text[t.start : t.end]: t.speaker for t in doc.turns}
    assert texts["c'est exactement ça."] == "Interviewee1"
    assert doc.language is None  # French: neither Danish nor English


def test_otter_md() -> None:
    doc = parse_file(shared_file("transcripts", "ladybug_otter_60-nextjs.md"))
    counts = speakers(doc)
    assert len(doc.turns) == 148
    assert set(counts) == {"Ali", "Kelly", "Sidney", "Emma", "Unknown Speaker"}
    assert counts["Unknown Speaker"] == 17
    assert [t.timestamp for t in doc.turns[:3]] == [0.0, 18.0, 21.0]
    assert doc.text[doc.turns[1].start : doc.turns[1].end] == (
        "Welcome to the ladybug podcast. I'm Kelly."
    )


def test_lataca_docx_with_trailing_timestamps() -> None:
    doc = parse_file(shared_file("transcripts", "lataca_sunak_musk_speakers.docx"))
    assert [t.speaker for t in doc.turns] == ["Speaker 1", "Speaker 2"] * 3
    assert [t.timestamp for t in doc.turns] == [0.0, 59.0, 178.0, 238.0, 374.0, 432.0]
    first = doc.text[doc.turns[0].start : doc.turns[0].end]
    assert first.startswith("Okay. Alright well, good evening everybody.")
    assert first.endswith("why do we need to be worried?")  # '(00:00)' kept out of the span
    assert "(02:58)" in doc.text


def test_folketinget_m40() -> None:
    doc = parse_file(shared_file("transcripts", "da_folketinget_2024-01-09_M40.txt"))
    counts = speakers(doc)
    named = {name for name in counts if name is not None}
    assert len(named) == 14
    # 48 labels on their own line, 'ForhandlingFormanden' and three glued after 'Kl. hh:mm'.
    assert counts["Formanden (Søren Gade)"] == 52
    assert counts["Miljøministeren (Magnus Heunicke)"] == 7
    assert not any("dagsordenen" in name or "m.fl." in name for name in named)
    texts = [(t.speaker, doc.text[t.start : t.end]) for t in doc.turns]
    assert ("Katrine Robsøe (RV)", "Tak for det. Jeg skal ikke") in [
        (s, body[:26]) for s, body in texts
    ]
    first = next(body for s, body in texts if s == "Formanden (Søren Gade)")
    assert first.startswith("Mødet er åbnet.\n\nJeg vil starte med at ønske")
    assert "\n   Den pågældende er herefter valgt." in first  # continuation paragraph kept
    assert doc.language == "da"


def test_folketinget_m31() -> None:
    doc = parse_file(shared_file("transcripts", "da_folketinget_2023-03-02_M31.txt"))
    named = {name for name in speakers(doc) if name is not None}
    assert len(named) == 14
    assert speakers(doc)["Formanden (Søren Gade)"] == 31  # incl. 'AfstemningFormanden (...)'
    assert "Indenrigs- og sundhedsministeren (Sophie Løhde)" in named


def test_zoom_vtt() -> None:
    doc = parse_file(shared_file("transcripts", "zoom_cip_meeting.vtt"))
    assert set(speakers(doc)) == {"Ashlee Kupor (SL)", "Dora Demszky"}
    assert doc.text.startswith("Ashlee Kupor (SL): Let's do that\n\nDora Demszky: by, too.")
    second = doc.text[doc.turns[1].start : doc.turns[1].end]
    assert "And then No, it's gonna." in second  # speaker-less cue continues the turn
    assert doc.turns[1].timestamp == pytest.approx(1.79)
    assert "15\u00a0min" in doc.text
    speakers_in_order = [t.speaker for t in doc.turns]
    assert all(a != b for a, b in zip(speakers_in_order, speakers_in_order[1:], strict=False))


def test_teams_vtt_files() -> None:
    doc = parse_file(shared_file("transcripts", "webvttpy_teams_timeframe.vtt"))
    assert doc.text == "Yuri Bakulin: There you go.\n\nAdrian Petrescu: Why hello there, Yuri."
    assert [t.timestamp for t in doc.turns] == [0.0, 0.21]

    doc = parse_file(shared_file("transcripts", "teams_format_example_jmarshrossney.vtt"))
    assert [t.speaker for t in doc.turns] == ["John Smith", "Jane Doe"] * 6
    assert doc.text[doc.turns[1].start : doc.turns[1].end] == (
        "Nice. I am the student being interviewed, and I have many things to say."
    )
    assert doc.turns[0].timestamp == pytest.approx(10.087)


def test_srt_without_speakers() -> None:
    doc = parse_file(shared_file("transcripts", "loc_civilrights_oralhistory_whisper.srt"))
    assert {t.speaker for t in doc.turns} == {None}
    assert 10 < len(doc.turns) < 864  # 864 cues merged into paragraphs
    assert doc.text.startswith("From the Library of Congress and the Smithsonian")
    stamps = [t.timestamp for t in doc.turns]
    assert stamps[0] == 0.0 and stamps == sorted(stamps)
