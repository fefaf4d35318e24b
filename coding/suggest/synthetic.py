"""Synthetic Danish interviews for tests and benchmarks (fixed seed, realistic sentences).

Each respondent turn mixes filler talk with statements typical of a few codes of the default
codebook. Some statements use the codes' indicator terms (inflected), many say the same thing
in other words (which only a learned model can pick up), and decoy sentences use indicator
terms about something else (which fool the term baseline). A coder codes exactly the coded
statements, as an analyst would.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from coding.codebook import find_code
from coding.codings import add_coding
from coding.importing.base import ParsedDocument, ParsedTurn
from coding.project import create_project, ensure_coder, transaction
from models.db import Database

CODES: dict[str, list[str]] = {
    "Barrierer/Løn og pension": [
        "Jeg gik {n} kroner ned i lønnen om året.",
        "Pensionen i staten var bare bedre, og det betyder noget for os derhjemme.",
        "Økonomien hang ikke sammen, når man regner alle pengene med.",
        "Vi fik en bonus oveni, men grundlønnen var lavere end før.",
        "Min kone regnede på det, og vi ville have færre penge hver måned.",
        "Det private betalte {n} procent mere, og det kan man ikke se bort fra.",
        "Lønningerne i kommunen kan ikke følge med det private.",
        "Jeg skulle opgive en god pensionsordning, og det tøvede jeg længe med.",
    ],
    "Barrierer/Jobsikkerhed": [
        "Som tjenestemand kunne man ikke bare blive fyret.",
        "I det private kan du stå uden job fra den ene dag til den anden.",
        "Usikkerheden ved en kontraktansættelse fyldte meget for mig.",
        "Jeg var bange for at miste jobbet ved den næste omstrukturering.",
        "Det er trygt at vide, at stillingen er der om {n} år.",
        "Mange af mine kolleger blev sagt op, da firmaet blev solgt.",
        "Jeg turde ikke sætte mit faste job over styr med tre børn.",
    ],
    "Barrierer/Politisk styring og mediebevågenhed": [
        "Borgmesteren ringede tit sent om aftenen med nye ønsker.",
        "Vi endte på forsiden af avisen {n} dage i træk.",
        "Det politiske niveau blandede sig i selv de mindste sager.",
        "Byrådet ville have en sag op til valget, og så blev det til en storm.",
        "Journalisterne stod i kø, da sagen først kom ud.",
        "Man skal hele tiden tænke på, hvordan det ser ud i pressen.",
        "Ministeren skulle godkende alt, også ting, der var rent faglige.",
    ],
    "Motivationer/Læring og udvikling": [
        "Jeg ville gerne lære noget nyt, inden jeg blev for gammel til det.",
        "Det var en kæmpe udfordring at starte forfra i en ny branche.",
        "Jeg kunne mærke, at jeg begyndte at kende svarene på forhånd.",
        "Jeg har udviklet mig mere på to år end på de ti før.",
        "Jeg savnede at blive klogere og at blive presset fagligt.",
        "Det var sundt at komme ud af komfortzonen og prøve sig selv af.",
        "Jeg var gået i stå og trængte til at blive rusket op.",
    ],
    "Barrierer/Familie og geografi": [
        "Min kone arbejder i {by}, så vi kunne ikke flytte.",
        "Børnene gik i skole her, og det betød alt for os.",
        "Jeg pendlede to timer hver vej i {n} måneder.",
        "Der var for langt hjem til familien, når jeg arbejdede i {by}.",
        "Vi havde lige købt hus, og ingen af os ville væk fra området.",
        "Hjemme sagde de, at jeg aldrig var der om aftenen.",
    ],
}
FILLER = [
    "Det er et godt spørgsmål.",
    "Altså, jeg ved ikke helt, hvordan jeg skal sige det.",
    "Vi havde mange møder om budgettet det år.",
    "Det var i {aar}, hvis jeg husker rigtigt.",
    "Jeg var direktør for et område med {n} medarbejdere.",
    "Det tog noget tid at finde sig til rette.",
    "Ja, det kan man godt sige.",
    "Der var mange gode kolleger på stedet.",
    "Vi arbejdede med en ny strategi for hele organisationen.",
    "Jeg startede som sagsbehandler i {by}.",
    "Hm, lad mig tænke lidt over det.",
    "Så kom der en ny direktør, og tingene ændrede sig.",
]
# Sentences with indicator terms that are not about the code (the term baseline's mistakes).
DECOYS = [
    "Vi arbejdede med borgernes pension i forvaltningen.",
    "Udviklingen af det nye it-system tog {n} måneder.",
    "Vi lavede en analyse af familiernes behov i kommunen.",
    "Afdelingen havde ansvar for løn og personale til {n} ansatte.",
    "Der kom en ny minister for området, men det ændrede ikke min hverdag.",
    "Vi havde en udfordring med it-leverandøren, som blev løst.",
    "Pressemeddelelsen om det nye byggeri gik ud om morgenen.",
]
QUESTIONS = [
    "Kan du fortælle om din baggrund?",
    "Hvordan opstod tanken om at skifte?",
    "Hvad vejede tungest i beslutningen?",
    "Hvad sagde din familie til det?",
    "Hvordan var det at starte i den nye sektor?",
    "Hvad ville du sige til en kollega, der overvejer det samme?",
    "Var der noget, der overraskede dig?",
]
BYER = ["Aarhus", "Odense", "Aalborg", "Vejle", "Roskilde", "Esbjerg", "Herning", "Næstved"]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        n=rng.choice([3, 5, 12, 20, 40, 150, 200]),
        by=rng.choice(BYER),
        aar=rng.randint(1998, 2022),
    )


@dataclass
class SyntheticDocument:
    """A generated transcript: text, turns and the coded statements (code path, start, end)."""

    name: str
    text: str
    turns: list[ParsedTurn] = field(default_factory=list)
    codings: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


def generate_document(
    rng: random.Random, name: str, turns: int = 20, codes: list[str] | None = None
) -> SyntheticDocument:
    """One interview with ``turns`` question/answer pairs."""
    codes = codes or list(CODES)
    parts: list[str] = []
    doc = SyntheticDocument(name, "")
    pos = 0

    def add(piece: str) -> int:
        nonlocal pos
        parts.append(piece)
        start = pos
        pos += len(piece)
        return start

    for t in range(turns):
        q = f"I: {rng.choice(QUESTIONS)}"
        qs = add(q)
        doc.turns.append(ParsedTurn(qs, qs + len(q), "I"))
        add("\n\n")
        start = add("R: ")
        sentences: list[tuple[str, str | None]] = []
        for _ in range(rng.randint(0, 2)):
            sentences.append((_fill(rng, rng.choice(FILLER)), None))
        r = rng.random()
        n_coded = 0 if r < 0.35 else (1 if r < 0.85 else 2)
        for code in rng.sample(codes, n_coded):
            sentences.append((_fill(rng, rng.choice(CODES[code])), code))
        if rng.random() < 0.2:
            sentences.append((_fill(rng, rng.choice(DECOYS)), None))
        rng.shuffle(sentences)
        if not sentences:
            sentences.append((_fill(rng, rng.choice(FILLER)), None))
        for i, (sentence, code) in enumerate(sentences):
            if i:
                add(" ")
            s = add(sentence)
            if code:
                doc.codings.append((code, s, s + len(sentence)))
        doc.turns.append(ParsedTurn(start, pos, "R"))
        if t < turns - 1:
            add("\n\n")
    doc.text = "".join(parts)
    return doc


def generate_documents(
    n: int, *, seed: int = 7, turns: int = 20, prefix: str = "interview"
) -> list[SyntheticDocument]:
    """``n`` interviews from a fixed seed."""
    rng = random.Random(seed)
    return [generate_document(rng, f"{prefix}_{i + 1:02d}", turns) for i in range(n)]


def build_project(
    target: str | Path,
    documents: list[SyntheticDocument],
    *,
    coded: int | None = None,
    coder: str = "Anne",
) -> Database:
    """A Danish project with the default codebook holding ``documents``; the first ``coded``
    of them (all when None) carry ``coder``'s codings of the coded statements."""
    from coding.documents import store_document

    db = create_project(target, language="da")
    n_coded = len(documents) if coded is None else coded
    with transaction(db) as s:
        who = ensure_coder(s, coder)
        ids = {p: find_code(s, p).id for p in CODES}
        for i, d in enumerate(documents):
            stored = store_document(s, d.name, ParsedDocument(d.text, "txt", list(d.turns)))
            s.flush()
            if i < n_coded:
                for path, start, end in d.codings:
                    add_coding(s, stored.id, ids[path], who.id, start, end)
    return db
