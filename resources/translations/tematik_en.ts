<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>This document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find passages like the coding at the cursor (or in the selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain the model in the background after this many new codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain after new codings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining the suggestion model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining the suggestion model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too little coding yet to retrain the suggestion model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model retrained on %1 passages from %2 documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n suggestion(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More like this: %n passage(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the suggestion model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More like this coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained on %1 passages from %2 documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in a coded passage first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding passages like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave one document out over %1 coded documents (%2 speaker turns).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 per code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curve (F1 by number of coded documents):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How good are the suggestions?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train suggestion model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Adjudicate: {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree on coded %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Char. %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Char. α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Char. κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least two coders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coded %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour bands: α ≥ {r} reliable (green), ≥ {t} tentative (amber), below unreliable (red) — Krippendorff&apos;s guidance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy agreements to consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements: {n} shown, {d} of {t} decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How uncoded text is treated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inter-coder agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inter-coder agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept {a} (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept {b} (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a disagreement above to see both coders&apos; text in context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the coders (at least two), the documents and the codes, then press Compare. Click a code&apos;s row to see only its disagreements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit span… (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every character of a compared document is a unit for every code. Characters that no coder coded with a code count as agreement: percent agreement is inflated by long uncoded stretches; kappa and alpha correct for chance agreement. &apos;Coded %&apos; is the share of text coded by anyone, &apos;Agree on coded %&apos; the agreement restricted to text coded by at least one coder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every speaker turn is a unit for every code (code present or absent). Turns no coder coded with a code count as agreement on absence; kappa and alpha correct for chance. Documents without speaker turns are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only coded segments are units; uncoded text plays no part. A segment agrees when another coder applied the same code to one segment overlapping at least {p} % of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn α high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn α low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accept {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accept {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cuα</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>different boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>different code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tentative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uα</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <source>Barrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Definition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Include when:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xclude when:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator &amp;terms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Can be applied to text (not just a category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One word or phrase per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to use this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When not to use it (and which code to use instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A typical quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only top-level codes have a kind; sub-codes inherit it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <source>Barrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category (code the codes below it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>Codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter codes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>Analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is coding?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your codings are saved under this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodingsPanel</name>
    <message>
        <source>Characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codings at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseUrlDialog</name>
    <message>
        <source>Open team database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the team&apos;s PostgreSQL database, for example postgresql+psycopg://anne@server.example/tematik. The password is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentBrowser</name>
    <message>
        <source>Codings by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong in Tematik.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your project is intact: the last action was not saved. You can go on working; if this happens again, copy the details and send them to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tematik</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export REFI-QDA codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export REFI-QDA codebook (.qdc)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export REFI-QDA project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export REFI-QDA project (.qdpx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export code frequency matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export code frequency matrix (table)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export coded segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export coded segments (table)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the frequency matrix ({0} codes) to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} coded segments to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} codes to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} documents, {1} codes and {2} codings to {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import REFI-QDA project or codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import REFI-QDA project or codebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFI-QDA files (*.qdpx *.qdc *.qde);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFI-QDA import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Some files could not be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>%n file imported.</numerusform>
            <numerusform>%n files imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already in the project.</source>
        <translation>
            <numerusform>%n file already in the project.</numerusform>
            <numerusform>%n files already in the project.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported.</source>
        <translation>
            <numerusform>%n file could not be imported.</numerusform>
            <numerusform>%n files could not be imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was cancelled; the files above were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skipped:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that could not be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on the imported files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Transcripts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitles (*.vtt *.srt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing transcripts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About Tematik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code selection with the selected code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import transcripts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;In-vivo code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memo on coding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retrieval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uncode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Tematik&lt;/b&gt;&lt;br&gt;Qualitative coding of interview transcripts.&lt;br&gt;Works fully offline; your project stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tematik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change who is coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen coders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code &amp;palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code with {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coder: {name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coding &amp;stripes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codings at cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &amp;attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend coding end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend coding start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo on &amp;document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo on c&amp;ode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo on the &amp;project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo on this coding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No coding of yours here to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;database URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph &amp;numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in a coding first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a code in the codebook first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a passage to code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the words to make a code of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;chosen coders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;my codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show these coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink coding end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink coding start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap: sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap: turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap: words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to find a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose codings are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} characters selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <source>Edit memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coding memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memo on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your notes here. An empty memo is removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Codebook:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codebook fi&amp;le:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a codebook file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledermobilitet (the taskforce&apos;s codebook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a codebook file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tematik projects (*.tematik)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codebook file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codebooks (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing codebook file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Something went wrong. Your project is intact; the last action was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tematik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialogs</name>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tematik projects (*.tematik);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the address of the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with postgresql+psycopg:// (or sqlite:///).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported database type %1: use postgresql+psycopg or sqlite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the path of the SQLite file after sqlite:///.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no server name (host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no database name (…/database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no user name (user@host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>(no grouping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the Word document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export theme summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export theme summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interviews:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;oders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;des:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the document when it is &amp;ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace names by &amp;pseudonyms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save theme summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector moved from → to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the theme summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0}: {1} themes, {2} quotes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrievalView</name>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attribute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in passages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include s&amp;ub-codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words in the coded passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the rows to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coded segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any value</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message>
        <source>Export segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match c&amp;ase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ll documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code all &amp;hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code to apply to all hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words, or a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s).</source>
        <translation>
            <numerusform>%n hit.</numerusform>
            <numerusform>%n hits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) coded.</source>
        <translation>
            <numerusform>%n hit coded.</numerusform>
            <numerusform>%n hits coded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already coded, skipped.</source>
        <translation>
            <numerusform>%n already coded, skipped.</numerusform>
            <numerusform>%n already coded, skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a word and press Enter. Double-click a hit to show it in the transcript; choose a code to code every hit at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentsTableModel</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selection snaps to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show codings of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters (no snapping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole speaker turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection snapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default coder view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>%n suggestion(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 per code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find passages like the coding at the cursor (or in the selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding passages like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How good are the suggestions?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curve (F1 by number of coded documents):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave one document out over %1 coded documents (%2 speaker turns).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model retrained on %1 passages from %2 documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More like this coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More like this: %n passage(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in a coded passage first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain after new codings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain the model in the background after this many new codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining the suggestion model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining the suggestion model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too little coding yet to retrain the suggestion model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train suggestion model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained on %1 passages from %2 documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the suggestion model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>Add code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit coding memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-vivo code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
