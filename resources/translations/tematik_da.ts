<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>This document</source>
        <translation>Dette dokument</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle dokumenter</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle kilder</translation>
    </message>
    <message>
        <source>Indicator terms</source>
        <translation>Indikatorord</translation>
    </message>
    <message>
        <source>Learned model</source>
        <translation>Lært model</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Flere som denne</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Foreslå</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Træn</translation>
    </message>
    <message>
        <source>How good?</source>
        <translation>Hvor gode?</translation>
    </message>
    <message>
        <source>Find passages like the coding at the cursor (or in the selection)</source>
        <translation>Find passager, der ligner kodningen ved markøren (eller i markeringen)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Retrain the model in the background after this many new codings</source>
        <translation>Træn modellen igen i baggrunden efter så mange nye kodninger</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>Acceptér (A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>Afvis (R)</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Sikkerhed</translation>
    </message>
    <message>
        <source>Retrain after new codings:</source>
        <translation>Træn igen efter nye kodninger:</translation>
    </message>
    <message>
        <source>Retraining the suggestion model…</source>
        <translation>Træner forslagsmodellen igen …</translation>
    </message>
    <message>
        <source>Retraining the suggestion model</source>
        <translation>Træner forslagsmodellen igen</translation>
    </message>
    <message>
        <source>Too little coding yet to retrain the suggestion model.</source>
        <translation>Der er endnu for lidt kodning til at træne forslagsmodellen igen.</translation>
    </message>
    <message>
        <source>Model retrained on %1 passages from %2 documents.</source>
        <translation>Modellen er trænet igen på %1 passager fra %2 dokumenter.</translation>
    </message>
    <message>
        <source>Retraining failed: %1</source>
        <translation>Træningen mislykkedes: %1</translation>
    </message>
    <message>
        <source>%n suggestion(s)</source>
        <translation>%n forslag</translation>
    </message>
    <message>
        <source>More like this: %n passage(s)</source>
        <translation>Flere som denne: %n passage(r)</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Acceptér forslag</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>Afvis forslag</translation>
    </message>
    <message>
        <source>Finding suggestions</source>
        <translation>Finder forslag</translation>
    </message>
    <message>
        <source>Training the suggestion model</source>
        <translation>Træner forslagsmodellen</translation>
    </message>
    <message>
        <source>More like this coding</source>
        <translation>Flere som denne kodning</translation>
    </message>
    <message>
        <source>Trained on %1 passages from %2 documents.</source>
        <translation>Trænet på %1 passager fra %2 dokumenter.</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>ord</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>like this</source>
        <translation>lignende</translation>
    </message>
    <message>
        <source>Put the cursor in a coded passage first.</source>
        <translation>Sæt først markøren i en kodet passage.</translation>
    </message>
    <message>
        <source>Finding passages like this</source>
        <translation>Finder lignende passager</translation>
    </message>
    <message>
        <source>Evaluating suggestions</source>
        <translation>Evaluerer forslag</translation>
    </message>
    <message>
        <source>Leave one document out over %1 coded documents (%2 speaker turns).</source>
        <translation>Ét dokument holdt ude ad gangen, over %1 kodede dokumenter (%2 taleture).</translation>
    </message>
    <message>
        <source>F1 per code:</source>
        <translation>F1 pr. kode:</translation>
    </message>
    <message>
        <source>Learning curve (F1 by number of coded documents):</source>
        <translation>Læringskurve (F1 efter antal kodede dokumenter):</translation>
    </message>
    <message>
        <source>How good are the suggestions?</source>
        <translation>Hvor gode er forslagene?</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Forslag</translation>
    </message>
    <message>
        <source>Train suggestion model</source>
        <translation>Træn forslagsmodel</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Adjudicate: {d}</source>
        <translation>Afgør: {d}</translation>
    </message>
    <message>
        <source>Agree on coded %</source>
        <translation>Enige om kodet %</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alle enheder</translation>
    </message>
    <message>
        <source>Char. %</source>
        <translation>Tegn %</translation>
    </message>
    <message>
        <source>Char. α</source>
        <translation>Tegn α</translation>
    </message>
    <message>
        <source>Char. κ</source>
        <translation>Tegn κ</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Tegn</translation>
    </message>
    <message>
        <source>Choose at least two coders.</source>
        <translation>Vælg mindst to kodere.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Coded %</source>
        <translation>Kodet %</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Kodere</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>Colour bands: α ≥ {r} reliable (green), ≥ {t} tentative (amber), below unreliable (red) — Krippendorff&apos;s guidance.</source>
        <translation>Farvebånd: α ≥ {r} pålidelig (grøn), ≥ {t} foreløbig (gul), derunder upålidelig (rød) – efter Krippendorffs anbefaling.</translation>
    </message>
    <message>
        <source>Comparing coders</source>
        <translation>Sammenligner kodere</translation>
    </message>
    <message>
        <source>Copy agreements to consensus</source>
        <translation>Kopiér enigheder til konsensus</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Afgørelse</translation>
    </message>
    <message>
        <source>Disagreements: {n} shown, {d} of {t} decided</source>
        <translation>Uenigheder: {n} vist, {d} af {t} afgjort</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <source>Edit the span</source>
        <translation>Ret udsnittet</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>How uncoded text is treated:</source>
        <translation>Sådan behandles ukodet tekst:</translation>
    </message>
    <message>
        <source>Inter-coder agreement</source>
        <translation>Interkoder-reliabilitet</translation>
    </message>
    <message>
        <source>Inter-coder agreement…</source>
        <translation>Interkoder-reliabilitet…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Min. overlap</source>
        <translation>Min. overlap</translation>
    </message>
    <message>
        <source>Accept {a} (A)</source>
        <translation>Godkend {a} (A)</translation>
    </message>
    <message>
        <source>Accept {b} (B)</source>
        <translation>Godkend {b} (B)</translation>
    </message>
    <message>
        <source>Both (O)</source>
        <translation>Begge (O)</translation>
    </message>
    <message>
        <source>Choose a disagreement above to see both coders&apos; text in context.</source>
        <translation>Vælg en uenighed ovenfor for at se begge koderes tekst i sammenhæng.</translation>
    </message>
    <message>
        <source>Choose the coders (at least two), the documents and the codes, then press Compare. Click a code&apos;s row to see only its disagreements.</source>
        <translation>Vælg kodere (mindst to), dokumenter og koder, og tryk på Sammenlign. Klik på en kodes række for kun at se dens uenigheder.</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>Sa&amp;mmenlign</translation>
    </message>
    <message>
        <source>Edit span… (E)</source>
        <translation>Ret udsnit … (E)</translation>
    </message>
    <message>
        <source>Every character of a compared document is a unit for every code. Characters that no coder coded with a code count as agreement: percent agreement is inflated by long uncoded stretches; kappa and alpha correct for chance agreement. &apos;Coded %&apos; is the share of text coded by anyone, &apos;Agree on coded %&apos; the agreement restricted to text coded by at least one coder.</source>
        <translation>Hvert tegn i et sammenlignet dokument er en enhed for hver kode. Tegn, som ingen koder har kodet med en kode, tæller som enighed: procentvis enighed pustes op af lange ukodede stræk; kappa og alfa korrigerer for tilfældig enighed. &apos;Kodet %&apos; er andelen af teksten, som nogen har kodet, &apos;Enige om kodet %&apos; enigheden i den tekst, mindst én koder har kodet.</translation>
    </message>
    <message>
        <source>Every speaker turn is a unit for every code (code present or absent). Turns no coder coded with a code count as agreement on absence; kappa and alpha correct for chance. Documents without speaker turns are left out.</source>
        <translation>Hver taletur er en enhed for hver kode (koden er der eller ej). Taleture, som ingen koder har kodet med en kode, tæller som enighed om fravær; kappa og alfa korrigerer for tilfældighed. Dokumenter uden taleture udelades.</translation>
    </message>
    <message>
        <source>Neither (N)</source>
        <translation>Ingen af dem (N)</translation>
    </message>
    <message>
        <source>Only coded segments are units; uncoded text plays no part. A segment agrees when another coder applied the same code to one segment overlapping at least {p} % of it.</source>
        <translation>Kun kodede segmenter er enheder; ukodet tekst spiller ingen rolle. Et segment er enigt, når en anden koder har givet samme kode til et segment, der overlapper mindst {p} % af det.</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Samlet</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Segment %</source>
        <translation>Segment %</translation>
    </message>
    <message>
        <source>Speaker turn</source>
        <translation>Taletur</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Turn %</source>
        <translation>Taletur %</translation>
    </message>
    <message>
        <source>Turn α</source>
        <translation>Taletur α</translation>
    </message>
    <message>
        <source>Turn α high</source>
        <translation>Taletur α høj</translation>
    </message>
    <message>
        <source>Turn α low</source>
        <translation>Taletur α lav</translation>
    </message>
    <message>
        <source>Turn κ</source>
        <translation>Taletur κ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhed</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <source>accept {a}</source>
        <translation>godkend {a}</translation>
    </message>
    <message>
        <source>accept {b}</source>
        <translation>godkend {b}</translation>
    </message>
    <message>
        <source>both</source>
        <translation>begge</translation>
    </message>
    <message>
        <source>cuα</source>
        <translation>cuα</translation>
    </message>
    <message>
        <source>different boundaries</source>
        <translation>forskellige grænser</translation>
    </message>
    <message>
        <source>different code</source>
        <translation>forskellig kode</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>rettet</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>ingen af dem</translation>
    </message>
    <message>
        <source>only {a}</source>
        <translation>kun {a}</translation>
    </message>
    <message>
        <source>only {b}</source>
        <translation>kun {b}</translation>
    </message>
    <message>
        <source>reliable</source>
        <translation>pålidelig</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>foreløbig</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>udefineret</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>upålidelig</translation>
    </message>
    <message>
        <source>uα</source>
        <translation>uα</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <source>Barrier</source>
        <translation>Barriere</translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Betingelse</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Edit code %1</source>
        <translation>Rediger koden %1</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Rediger kode</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>&amp;Farve:</translation>
    </message>
    <message>
        <source>Codable:</source>
        <translation>Kan kodes:</translation>
    </message>
    <message>
        <source>&amp;Definition:</source>
        <translation>&amp;Definition:</translation>
    </message>
    <message>
        <source>&amp;Include when:</source>
        <translation>&amp;Medtag når:</translation>
    </message>
    <message>
        <source>E&amp;xclude when:</source>
        <translation>&amp;Udelad når:</translation>
    </message>
    <message>
        <source>&amp;Example:</source>
        <translation>&amp;Eksempel:</translation>
    </message>
    <message>
        <source>Indicator &amp;terms:</source>
        <translation>&amp;Indikatorord:</translation>
    </message>
    <message>
        <source>&amp;Can be applied to text (not just a category)</source>
        <translation>&amp;Kan bruges på tekst (ikke kun en kategori)</translation>
    </message>
    <message>
        <source>One word or phrase per line</source>
        <translation>Ét ord eller én frase pr. linje</translation>
    </message>
    <message>
        <source>When to use this code</source>
        <translation>Hvornår koden skal bruges</translation>
    </message>
    <message>
        <source>When not to use it (and which code to use instead)</source>
        <translation>Hvornår den ikke skal bruges (og hvilken kode der skal bruges i stedet)</translation>
    </message>
    <message>
        <source>A typical quote</source>
        <translation>Et typisk citat</translation>
    </message>
    <message>
        <source>Code colour</source>
        <translation>Kodens farve</translation>
    </message>
    <message>
        <source>Only top-level codes have a kind; sub-codes inherit it.</source>
        <translation>Kun koder på øverste niveau har en type; underkoder arver den.</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <source>Barrier</source>
        <translation>Barriere</translation>
    </message>
    <message>
        <source>Category (code the codes below it)</source>
        <translation>Kategori (kod med koderne under den)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Kodninger</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Betingelse</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>Codebook</source>
        <translation>Kodebog</translation>
    </message>
    <message>
        <source>Filter codes</source>
        <translation>Filtrér koder</translation>
    </message>
    <message>
        <source>Filter codes…</source>
        <translation>Filtrér koder…</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>Analyst</source>
        <translation>Analytiker</translation>
    </message>
    <message>
        <source>Coder name</source>
        <translation>Koderens navn</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Who is coding?</source>
        <translation>Hvem koder?</translation>
    </message>
    <message>
        <source>Your codings are saved under this name.</source>
        <translation>Dine kodninger gemmes under dette navn.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
</context>
<context>
    <name>CodingsPanel</name>
    <message>
        <source>Characters</source>
        <translation>Tegn</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>Codings at the cursor</source>
        <translation>Kodninger ved markøren</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>DatabaseUrlDialog</name>
    <message>
        <source>Open team database</source>
        <translation>Åbn teamdatabase</translation>
    </message>
    <message>
        <source>The address of the team&apos;s PostgreSQL database, for example postgresql+psycopg://anne@server.example/tematik. The password is not saved.</source>
        <translation>Adressen på teamets PostgreSQL-database, f.eks. postgresql+psycopg://anne@server.example/tematik. Adgangskoden bliver ikke gemt.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Adgangs&amp;kode:</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>Databasens adresse</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Databasens adgangskode</translation>
    </message>
</context>
<context>
    <name>DocumentBrowser</name>
    <message>
        <source>Codings by {name}</source>
        <translation>Kodninger af {name}</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <source>Filter documents…</source>
        <translation>Filtrér dokumenter…</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>tegn</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Uventet fejl</translation>
    </message>
    <message>
        <source>Something went wrong in Tematik.</source>
        <translation>Der gik noget galt i Tematik.</translation>
    </message>
    <message>
        <source>Your project is intact: the last action was not saved. You can go on working; if this happens again, copy the details and send them to your IT support.</source>
        <translation>Dit projekt er intakt: den seneste handling blev ikke gemt. Du kan arbejde videre; sker det igen, så kopiér detaljerne og send dem til din it-support.</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>Skjul &amp;detaljer</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Vis &amp;detaljer</translation>
    </message>
    <message>
        <source>Show or hide the technical details</source>
        <translation>Vis eller skjul de tekniske detaljer</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>&amp;Kopiér til udklipsholderen</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Tekniske detaljer</translation>
    </message>
    <message>
        <source>Tematik</source>
        <translation>Tematik</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel-projektmappe (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export REFI-QDA codebook</source>
        <translation>Eksportér REFI-QDA-kodebog</translation>
    </message>
    <message>
        <source>Export REFI-QDA codebook (.qdc)…</source>
        <translation>Eksportér REFI-QDA-kodebog (.qdc)…</translation>
    </message>
    <message>
        <source>Export REFI-QDA project</source>
        <translation>Eksportér REFI-QDA-projekt</translation>
    </message>
    <message>
        <source>Export REFI-QDA project (.qdpx)…</source>
        <translation>Eksportér REFI-QDA-projekt (.qdpx)…</translation>
    </message>
    <message>
        <source>Export code frequency matrix</source>
        <translation>Eksportér kodefrekvensmatrix</translation>
    </message>
    <message>
        <source>Export code frequency matrix (table)…</source>
        <translation>Eksportér kodefrekvensmatrix (tabel)…</translation>
    </message>
    <message>
        <source>Export coded segments</source>
        <translation>Eksportér kodede segmenter</translation>
    </message>
    <message>
        <source>Export coded segments (table)…</source>
        <translation>Eksportér kodede segmenter (tabel)…</translation>
    </message>
    <message>
        <source>Exported the frequency matrix ({0} codes) to {1}.</source>
        <translation>Frekvensmatrixen ({0} koder) er eksporteret til {1}.</translation>
    </message>
    <message>
        <source>Exported {0} coded segments to {1}.</source>
        <translation>{0} kodede segmenter er eksporteret til {1}.</translation>
    </message>
    <message>
        <source>Exported {0} codes to {1}.</source>
        <translation>{0} koder er eksporteret til {1}.</translation>
    </message>
    <message>
        <source>Exported {0} documents, {1} codes and {2} codings to {3}.</source>
        <translation>{0} dokumenter, {1} koder og {2} kodninger er eksporteret til {3}.</translation>
    </message>
    <message>
        <source>Import REFI-QDA project or codebook</source>
        <translation>Importér REFI-QDA-projekt eller -kodebog</translation>
    </message>
    <message>
        <source>Import REFI-QDA project or codebook…</source>
        <translation>Importér REFI-QDA-projekt eller -kodebog…</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Importeret.</translation>
    </message>
    <message>
        <source>Importing {0}</source>
        <translation>Importerer {0}</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA-kodebog (*.qdc)</translation>
    </message>
    <message>
        <source>REFI-QDA files (*.qdpx *.qdc *.qde);;All files (*)</source>
        <translation>REFI-QDA-filer (*.qdpx *.qdc *.qde);;Alle filer (*)</translation>
    </message>
    <message>
        <source>REFI-QDA import</source>
        <translation>REFI-QDA-import</translation>
    </message>
    <message>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>REFI-QDA-projekt (*.qdpx)</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Some files could not be imported</source>
        <translation>Nogle filer kunne ikke importeres</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Importen blev annulleret</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importen er færdig</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>%n fil importeret.</numerusform>
            <numerusform>%n filer importeret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already in the project.</source>
        <translation>
            <numerusform>%n fil var allerede i projektet.</numerusform>
            <numerusform>%n filer var allerede i projektet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported.</source>
        <translation>
            <numerusform>%n fil kunne ikke importeres.</numerusform>
            <numerusform>%n filer kunne ikke importeres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was cancelled; the files above were kept.</source>
        <translation>Importen blev annulleret; filerne ovenfor er bevaret.</translation>
    </message>
    <message>
        <source>&amp;Problems:</source>
        <translation>&amp;Problemer:</translation>
    </message>
    <message>
        <source>&amp;Imported:</source>
        <translation>&amp;Importeret:</translation>
    </message>
    <message>
        <source>&amp;Skipped:</source>
        <translation>&amp;Sprunget over:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Bemærkninger:</translation>
    </message>
    <message>
        <source>Files that could not be imported</source>
        <translation>Filer, der ikke kunne importeres</translation>
    </message>
    <message>
        <source>Imported documents</source>
        <translation>Importerede dokumenter</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>Filer, der blev sprunget over</translation>
    </message>
    <message>
        <source>Notes on the imported files</source>
        <translation>Bemærkninger til de importerede filer</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Transcripts (%1)</source>
        <translation>Transskriptioner (%1)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-dokumenter (*.docx)</translation>
    </message>
    <message>
        <source>Subtitles (*.vtt *.srt)</source>
        <translation>Undertekster (*.vtt *.srt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <source>Import transcripts</source>
        <translation>Importér transskriptioner</translation>
    </message>
    <message>
        <source>Importing transcripts</source>
        <translation>Importerer transskriptioner</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About Tematik</source>
        <translation>&amp;Om Tematik</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Kodning</translation>
    </message>
    <message>
        <source>&amp;Code selection with the selected code</source>
        <translation>&amp;Kod markeringen med den valgte kode</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;Edit code…</source>
        <translation>&amp;Rediger kode…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;Import transcripts…</source>
        <translation>&amp;Importér transskriptioner…</translation>
    </message>
    <message>
        <source>&amp;In-vivo code</source>
        <translation>&amp;In vivo-kode</translation>
    </message>
    <message>
        <source>&amp;Memo on coding…</source>
        <translation>&amp;Memo på kodning…</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nyt projekt…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>Å&amp;bn projekt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gendan</translation>
    </message>
    <message>
        <source>&amp;Retrieval</source>
        <translation>&amp;Udtræk</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Søg…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>Værk&amp;tøjer</translation>
    </message>
    <message>
        <source>&amp;Uncode</source>
        <translation>&amp;Fjern kodning</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tematik&lt;/b&gt;&lt;br&gt;Qualitative coding of interview transcripts.&lt;br&gt;Works fully offline; your project stays on this computer.</source>
        <translation>&lt;b&gt;Tematik&lt;/b&gt;&lt;br&gt;Kvalitativ kodning af interviewtransskriptioner.&lt;br&gt;Virker helt offline; dit projekt bliver på denne computer.</translation>
    </message>
    <message>
        <source>About Tematik</source>
        <translation>Om Tematik</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle kodere</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analytiker</translation>
    </message>
    <message>
        <source>Change who is coding</source>
        <translation>Skift, hvem der koder</translation>
    </message>
    <message>
        <source>Chosen coders…</source>
        <translation>Udvalgte kodere…</translation>
    </message>
    <message>
        <source>Code &amp;palette…</source>
        <translation>Kode&amp;palet…</translation>
    </message>
    <message>
        <source>Code with {code}</source>
        <translation>Kod med {code}</translation>
    </message>
    <message>
        <source>Code with…</source>
        <translation>Kod med…</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Kodebog</translation>
    </message>
    <message>
        <source>Coder: {name} ({role})</source>
        <translation>Koder: {name} ({role})</translation>
    </message>
    <message>
        <source>Coding &amp;stripes</source>
        <translation>Kodnings&amp;striber</translation>
    </message>
    <message>
        <source>Codings at cursor</source>
        <translation>Kodninger ved markøren</translation>
    </message>
    <message>
        <source>Document &amp;attributes</source>
        <translation>Dokument&amp;attributter</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <source>Extend coding end</source>
        <translation>Forlæng kodningens slutning</translation>
    </message>
    <message>
        <source>Extend coding start</source>
        <translation>Forlæng kodningens start</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Memo on &amp;document…</source>
        <translation>Memo på &amp;dokument…</translation>
    </message>
    <message>
        <source>Memo on c&amp;ode…</source>
        <translation>Memo på k&amp;ode…</translation>
    </message>
    <message>
        <source>Memo on the &amp;project…</source>
        <translation>Memo om &amp;projektet …</translation>
    </message>
    <message>
        <source>Memo on this coding:</source>
        <translation>Memo på denne kodning:</translation>
    </message>
    <message>
        <source>My codings</source>
        <translation>Mine kodninger</translation>
    </message>
    <message>
        <source>No coder</source>
        <translation>Ingen koder</translation>
    </message>
    <message>
        <source>No coding of yours here to remove.</source>
        <translation>Du har ingen kodning her, der kan fjernes.</translation>
    </message>
    <message>
        <source>Open &amp;database URL…</source>
        <translation>Åbn &amp;databaseadresse…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Åbn &amp;seneste</translation>
    </message>
    <message>
        <source>Paragraph &amp;numbers</source>
        <translation>Afsnits&amp;numre</translation>
    </message>
    <message>
        <source>Put the cursor in a coding first.</source>
        <translation>Sæt først markøren i en kodning.</translation>
    </message>
    <message>
        <source>Retrieval</source>
        <translation>Udtræk</translation>
    </message>
    <message>
        <source>Select a code in the codebook first.</source>
        <translation>Vælg først en kode i kodebogen.</translation>
    </message>
    <message>
        <source>Select a passage to code first.</source>
        <translation>Markér først en passage, der skal kodes.</translation>
    </message>
    <message>
        <source>Select the words to make a code of.</source>
        <translation>Markér de ord, der skal blive til en kode.</translation>
    </message>
    <message>
        <source>Show &amp;all coders</source>
        <translation>Vis &amp;alle kodere</translation>
    </message>
    <message>
        <source>Show &amp;chosen coders…</source>
        <translation>Vis &amp;udvalgte kodere…</translation>
    </message>
    <message>
        <source>Show &amp;my codings</source>
        <translation>Vis &amp;mine kodninger</translation>
    </message>
    <message>
        <source>Show these coders</source>
        <translation>Vis disse kodere</translation>
    </message>
    <message>
        <source>Shrink coding end</source>
        <translation>Forkort kodningens slutning</translation>
    </message>
    <message>
        <source>Shrink coding start</source>
        <translation>Forkort kodningens start</translation>
    </message>
    <message>
        <source>Snap: none</source>
        <translation>Udvid: ingen</translation>
    </message>
    <message>
        <source>Snap: sentences</source>
        <translation>Udvid: sætninger</translation>
    </message>
    <message>
        <source>Snap: turns</source>
        <translation>Udvid: taleture</translation>
    </message>
    <message>
        <source>Snap: words</source>
        <translation>Udvid: ord</translation>
    </message>
    <message>
        <source>Type to find a code</source>
        <translation>Skriv for at finde en kode</translation>
    </message>
    <message>
        <source>Whose codings are shown</source>
        <translation>Hvis kodninger der vises</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>analytiker</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>{n} characters selected</source>
        <translation>{n} tegn markeret</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <source>Edit memo</source>
        <translation>Rediger memo</translation>
    </message>
    <message>
        <source>Project memo</source>
        <translation>Projektmemo</translation>
    </message>
    <message>
        <source>Document memo</source>
        <translation>Dokumentmemo</translation>
    </message>
    <message>
        <source>Code memo</source>
        <translation>Kodememo</translation>
    </message>
    <message>
        <source>Coding memo</source>
        <translation>Kodningsmemo</translation>
    </message>
    <message>
        <source>&amp;Memo on %1:</source>
        <translation>&amp;Memo om %1:</translation>
    </message>
    <message>
        <source>Memo text</source>
        <translation>Memotekst</translation>
    </message>
    <message>
        <source>Write your notes here. An empty memo is removed.</source>
        <translation>Skriv dine noter her. Et tomt memo bliver slettet.</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Nyt projekt</translation>
    </message>
    <message>
        <source>Project &amp;file:</source>
        <translation>Projekt&amp;fil:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>&amp;Codebook:</source>
        <translation>&amp;Kodebog:</translation>
    </message>
    <message>
        <source>Codebook fi&amp;le:</source>
        <translation>Kodebogsfi&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse…</translation>
    </message>
    <message>
        <source>Choose the project file</source>
        <translation>Vælg projektfilen</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Genne&amp;mse…</translation>
    </message>
    <message>
        <source>Choose a codebook file</source>
        <translation>Vælg en kodebogsfil</translation>
    </message>
    <message>
        <source>Ledermobilitet (the taskforce&apos;s codebook)</source>
        <translation>Ledermobilitet (taskforcens kodebog)</translation>
    </message>
    <message>
        <source>Empty codebook</source>
        <translation>Tom kodebog</translation>
    </message>
    <message>
        <source>From a codebook file…</source>
        <translation>Fra en kodebogsfil…</translation>
    </message>
    <message>
        <source>The file name when empty</source>
        <translation>Filnavnet, hvis feltet er tomt</translation>
    </message>
    <message>
        <source>Tematik projects (*.tematik)</source>
        <translation>Tematik-projekter (*.tematik)</translation>
    </message>
    <message>
        <source>Codebook file</source>
        <translation>Kodebogsfil</translation>
    </message>
    <message>
        <source>Codebooks (*.json)</source>
        <translation>Kodebøger (*.json)</translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation>Vælg, hvor projektfilen skal gemmes.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 findes allerede; vælg et andet navn.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Mappen %1 findes ikke.</translation>
    </message>
    <message>
        <source>Choose an existing codebook file.</source>
        <translation>Vælg en eksisterende kodebogsfil.</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Something went wrong. Your project is intact; the last action was not saved.</source>
        <translation>Der gik noget galt. Dit projekt er intakt; den seneste handling blev ikke gemt.</translation>
    </message>
    <message>
        <source>Tematik</source>
        <translation>Tematik</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Uventet fejl</translation>
    </message>
</context>
<context>
    <name>ProjectDialogs</name>
    <message>
        <source>Open project</source>
        <translation>Åbn projekt</translation>
    </message>
    <message>
        <source>Tematik projects (*.tematik);;All files (*)</source>
        <translation>Tematik-projekter (*.tematik);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Type the address of the database.</source>
        <translation>Skriv databasens adresse.</translation>
    </message>
    <message>
        <source>The address must start with postgresql+psycopg:// (or sqlite:///).</source>
        <translation>Adressen skal begynde med postgresql+psycopg:// (eller sqlite:///).</translation>
    </message>
    <message>
        <source>Unsupported database type %1: use postgresql+psycopg or sqlite.</source>
        <translation>Databasetypen %1 understøttes ikke: brug postgresql+psycopg eller sqlite.</translation>
    </message>
    <message>
        <source>Give the path of the SQLite file after sqlite:///.</source>
        <translation>Angiv stien til SQLite-filen efter sqlite:///.</translation>
    </message>
    <message>
        <source>The port must be a number between 1 and 65535.</source>
        <translation>Porten skal være et tal mellem 1 og 65535.</translation>
    </message>
    <message>
        <source>The address has no server name (host).</source>
        <translation>Adressen mangler et servernavn (host).</translation>
    </message>
    <message>
        <source>The address has no database name (…/database).</source>
        <translation>Adressen mangler et databasenavn (…/database).</translation>
    </message>
    <message>
        <source>The address has no user name (user@host).</source>
        <translation>Adressen mangler et brugernavn (bruger@host).</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>&amp;Seneste projekter</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Ingen seneste projekter</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Ryd listen</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>(no grouping)</source>
        <translation>(ingen gruppering)</translation>
    </message>
    <message>
        <source>Choose where to save the Word document</source>
        <translation>Vælg hvor Word-dokumentet skal gemmes</translation>
    </message>
    <message>
        <source>Export theme summary</source>
        <translation>Eksportér temasammenfatning</translation>
    </message>
    <message>
        <source>Export theme summary…</source>
        <translation>Eksportér temasammenfatning…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse …</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksportér</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>G&amp;ruppér efter:</translation>
    </message>
    <message>
        <source>&amp;Interviews:</source>
        <translation>&amp;Interviews:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>C&amp;oders:</source>
        <translation>K&amp;odere:</translation>
    </message>
    <message>
        <source>Co&amp;des:</source>
        <translation>Ko&amp;der:</translation>
    </message>
    <message>
        <source>Open the document when it is &amp;ready</source>
        <translation>Åbn dokumentet, når det er &amp;klar</translation>
    </message>
    <message>
        <source>Replace names by &amp;pseudonyms</source>
        <translation>Erstat navne med &amp;pseudonymer</translation>
    </message>
    <message>
        <source>Save theme summary</source>
        <translation>Gem temasammenfatning</translation>
    </message>
    <message>
        <source>Sector moved from → to</source>
        <translation>Sektor skiftet fra → til</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
        <source>Writing the theme summary</source>
        <translation>Skriver temasammenfatningen</translation>
    </message>
    <message>
        <source>Wrote {0}: {1} themes, {2} quotes.</source>
        <translation>Skrev {0}: {1} temaer, {2} citater.</translation>
    </message>
</context>
<context>
    <name>RetrievalView</name>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <source>Code&amp;r:</source>
        <translation>K&amp;oder:</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Dokument:</translation>
    </message>
    <message>
        <source>&amp;Attribute:</source>
        <translation>&amp;Attribut:</translation>
    </message>
    <message>
        <source>&amp;Find in passages:</source>
        <translation>&amp;Søg i passager:</translation>
    </message>
    <message>
        <source>Include s&amp;ub-codes</source>
        <translation>Medtag &amp;underkoder</translation>
    </message>
    <message>
        <source>Words in the coded passages</source>
        <translation>Ord i de kodede passager</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;Eksportér CSV…</translation>
    </message>
    <message>
        <source>Export the rows to a CSV file</source>
        <translation>Eksportér rækkerne til en CSV-fil</translation>
    </message>
    <message>
        <source>Coded segments</source>
        <translation>Kodede segmenter</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Alle koder</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle kodere</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle dokumenter</translation>
    </message>
    <message>
        <source>Any attribute</source>
        <translation>Alle attributter</translation>
    </message>
    <message>
        <source>Any value</source>
        <translation>Alle værdier</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segmenter</numerusform>
        </translation>
    </message>
    <message>
        <source>Export segments</source>
        <translation>Eksportér segmenter</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Søg efter:</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Sø&amp;g</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>&amp;Regulært udtryk</translation>
    </message>
    <message>
        <source>Match c&amp;ase</source>
        <translation>Forskel på s&amp;tore og små bogstaver</translation>
    </message>
    <message>
        <source>C&amp;urrent document</source>
        <translation>&amp;Aktuelt dokument</translation>
    </message>
    <message>
        <source>A&amp;ll documents</source>
        <translation>Alle &amp;dokumenter</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <source>Code all &amp;hits</source>
        <translation>Kod alle &amp;fund</translation>
    </message>
    <message>
        <source>Search hits</source>
        <translation>Søgeresultater</translation>
    </message>
    <message>
        <source>Code to apply to all hits</source>
        <translation>Koden, der skal bruges på alle fund</translation>
    </message>
    <message>
        <source>Words, or a regular expression</source>
        <translation>Ord eller et regulært udtryk</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s).</source>
        <translation>
            <numerusform>%n fund.</numerusform>
            <numerusform>%n fund.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) coded.</source>
        <translation>
            <numerusform>%n fund kodet.</numerusform>
            <numerusform>%n fund kodet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already coded, skipped.</source>
        <translation>
            <numerusform>%n var allerede kodet og blev sprunget over.</numerusform>
            <numerusform>%n var allerede kodet og blev sprunget over.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a word and press Enter. Double-click a hit to show it in the transcript; choose a code to code every hit at once.</source>
        <translation>Skriv et ord, og tryk på Enter. Dobbeltklik på et fund for at se det i transskriptionen; vælg en kode for at kode alle fund på én gang.</translation>
    </message>
</context>
<context>
    <name>SegmentsTableModel</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Taler</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>&amp;Selection snaps to:</source>
        <translation>Markeringen &amp;udvides til:</translation>
    </message>
    <message>
        <source>&amp;Show codings of:</source>
        <translation>&amp;Vis kodninger fra:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemets sprog</translation>
    </message>
    <message>
        <source>Characters (no snapping)</source>
        <translation>Enkelte tegn (ingen udvidelse)</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Hele ord</translation>
    </message>
    <message>
        <source>Whole sentences</source>
        <translation>Hele sætninger</translation>
    </message>
    <message>
        <source>Whole speaker turns</source>
        <translation>Hele taleture</translation>
    </message>
    <message>
        <source>Me only</source>
        <translation>Kun mig</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle kodere</translation>
    </message>
    <message>
        <source>Chosen coders</source>
        <translation>Udvalgte kodere</translation>
    </message>
    <message>
        <source>User interface language</source>
        <translation>Brugerfladens sprog</translation>
    </message>
    <message>
        <source>Selection snapping</source>
        <translation>Udvidelse af markeringen</translation>
    </message>
    <message>
        <source>Default coder view</source>
        <translation>Standardvisning af kodere</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>%n suggestion(s)</source>
        <translation>%n forslag</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>Acceptér (A)</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Acceptér forslag</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle dokumenter</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle kilder</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Sikkerhed</translation>
    </message>
    <message>
        <source>Evaluating suggestions</source>
        <translation>Evaluerer forslag</translation>
    </message>
    <message>
        <source>F1 per code:</source>
        <translation>F1 pr. kode:</translation>
    </message>
    <message>
        <source>Find passages like the coding at the cursor (or in the selection)</source>
        <translation>Find passager, der ligner kodningen ved markøren (eller i markeringen)</translation>
    </message>
    <message>
        <source>Finding passages like this</source>
        <translation>Finder lignende passager</translation>
    </message>
    <message>
        <source>Finding suggestions</source>
        <translation>Finder forslag</translation>
    </message>
    <message>
        <source>How good are the suggestions?</source>
        <translation>Hvor gode er forslagene?</translation>
    </message>
    <message>
        <source>How good?</source>
        <translation>Hvor gode?</translation>
    </message>
    <message>
        <source>Indicator terms</source>
        <translation>Indikatorord</translation>
    </message>
    <message>
        <source>Learned model</source>
        <translation>Lært model</translation>
    </message>
    <message>
        <source>Learning curve (F1 by number of coded documents):</source>
        <translation>Læringskurve (F1 efter antal kodede dokumenter):</translation>
    </message>
    <message>
        <source>Leave one document out over %1 coded documents (%2 speaker turns).</source>
        <translation>Ét dokument holdt ude ad gangen, over %1 kodede dokumenter (%2 taleture).</translation>
    </message>
    <message>
        <source>Model retrained on %1 passages from %2 documents.</source>
        <translation>Modellen er trænet igen på %1 passager fra %2 dokumenter.</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Flere som denne</translation>
    </message>
    <message>
        <source>More like this coding</source>
        <translation>Flere som denne kodning</translation>
    </message>
    <message>
        <source>More like this: %n passage(s)</source>
        <translation>Flere som denne: %n passage(r)</translation>
    </message>
    <message>
        <source>Put the cursor in a coded passage first.</source>
        <translation>Sæt først markøren i en kodet passage.</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>Afvis (R)</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>Afvis forslag</translation>
    </message>
    <message>
        <source>Retrain after new codings:</source>
        <translation>Træn igen efter nye kodninger:</translation>
    </message>
    <message>
        <source>Retrain the model in the background after this many new codings</source>
        <translation>Træn modellen igen i baggrunden efter så mange nye kodninger</translation>
    </message>
    <message>
        <source>Retraining failed: %1</source>
        <translation>Træningen mislykkedes: %1</translation>
    </message>
    <message>
        <source>Retraining the suggestion model</source>
        <translation>Træner forslagsmodellen igen</translation>
    </message>
    <message>
        <source>Retraining the suggestion model…</source>
        <translation>Træner forslagsmodellen igen …</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Foreslå</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Forslag</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>Dette dokument</translation>
    </message>
    <message>
        <source>Too little coding yet to retrain the suggestion model.</source>
        <translation>Der er endnu for lidt kodning til at træne forslagsmodellen igen.</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Træn</translation>
    </message>
    <message>
        <source>Train suggestion model</source>
        <translation>Træn forslagsmodel</translation>
    </message>
    <message>
        <source>Trained on %1 passages from %2 documents.</source>
        <translation>Trænet på %1 passager fra %2 dokumenter.</translation>
    </message>
    <message>
        <source>Training the suggestion model</source>
        <translation>Træner forslagsmodellen</translation>
    </message>
    <message>
        <source>like this</source>
        <translation>lignende</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>ord</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Transcript</source>
        <translation>Transskription</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>Add code</source>
        <translation>Tilføj kode</translation>
    </message>
    <message>
        <source>Code passage</source>
        <translation>Kod passage</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Slet kode</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Rediger kode</translation>
    </message>
    <message>
        <source>Edit coding memo</source>
        <translation>Rediger kodningsmemo</translation>
    </message>
    <message>
        <source>In-vivo code</source>
        <translation>In vivo-kode</translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation>Flet koder</translation>
    </message>
    <message>
        <source>Move code</source>
        <translation>Flyt kode</translation>
    </message>
    <message>
        <source>Resize coding</source>
        <translation>Ændr kodningens længde</translation>
    </message>
    <message>
        <source>Uncode</source>
        <translation>Fjern kodning</translation>
    </message>
</context>
</TS>
