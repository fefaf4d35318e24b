"""Report text in Danish and English, and number formatting per language."""

from __future__ import annotations

from datetime import date

STRINGS: dict[str, dict[str, str]] = {
    "da": {
        "subtitle": "Tematisk sammenfatning af interviews",
        "prepared_by": "Kodet af",
        "date": "Dato",
        "generated": "Udarbejdet med Tematik",
        "pseudonymized_mark": "Personhenførbare navne er erstattet af pseudonymer",
        "confidential": "Fortroligt arbejdsdokument",
        "contents": "Indhold",
        "toc_placeholder": "Indholdsfortegnelsen opdateres, når dokumentet åbnes i Word "
        "(ellers: højreklik og vælg Opdater felt).",
        "summary": "Sammenfatning",
        "summary_intro": "Rapporten bygger på {docs} og {codings} fra {coders}. "
        "De vigtigste mønstre er:",
        "summary_theme": "{theme}: mest udbredt er {items}.",
        "summary_theme_none": "{theme}: ingen koder er anvendt i de valgte interviews.",
        "summary_item": "{code} ({n} af {total} interviews)",
        "and": "og",
        "method": "Metode og datagrundlag",
        "method_data": "Datagrundlag",
        "method_docs": "Analysen omfatter {docs}. Interviewene er grupperet efter {grouping}; "
        "tabel {table} viser interviewene og deres gruppe.",
        "method_docs_nogroup": "Analysen omfatter {docs}. Tabel {table} viser interviewene.",
        "method_coders": "Kodningen er foretaget af {coders}. Tallene i rapporten omfatter "
        "kodninger fra {used}; kodes samme passage af flere kodere, tælles hver kodning.",
        "method_codebook": "Der er kodet med kodebogen »{codebook}«, som har {codes} fordelt på "
        "{themes}. Kodebogen med definitioner, inklusions- og eksklusionskriterier og eksempler "
        "findes i bilag A.",
        "method_agreement": "Interkoder-enighed",
        "method_agreement_text": "Enigheden mellem {coders} er beregnet med projektets "
        "kodersammenligning – de samme tal som i supervisorvisningen og i kommandoen »tematik "
        "agreement« – over {docs} og {codes}. Samlet er Krippendorffs unitizing-alfa uα "
        "{u_alpha} ({verdict}), Cohens kappa på tegnniveau {kappa}{turn}.",
        "method_agreement_turn": " og Krippendorffs alfa på taleturniveau {alpha} "
        "(95 %-konfidensinterval {ci}, bootstrap)",
        "method_agreement_kappa_mean": " (gennemsnittet af de parvise kappaer)",
        "method_agreement_bands": "Vurderingen følger Krippendorffs anbefaling: α ≥ {reliable} "
        "pålidelig, ≥ {tentative} foreløbig, derunder upålidelig; den tages fra uα (ellers "
        "alfa på tegn- eller taleturniveau).",
        "method_agreement_uncoded": "Sådan behandles ukodet tekst:",
        "treatment_character": "Tegnniveau: Hvert tegn i et sammenlignet dokument er en enhed "
        "for hver kode. Tegn, som ingen koder har kodet med en kode, tæller som enighed: "
        "procentvis enighed pustes op af lange ukodede stræk; kappa og alfa korrigerer for "
        "tilfældig enighed. »Enige om kodet %« er enigheden i den tekst, mindst én koder har "
        "kodet.",
        "treatment_turn": "Taletur: Hver taletur er en enhed for hver kode (koden er der eller "
        "ej). Taleture, som ingen koder har kodet med en kode, tæller som enighed om fravær; "
        "kappa og alfa korrigerer for tilfældighed. Dokumenter uden taleture udelades.",
        "treatment_unitizing": "Unitizing-alfa: Krippendorffs unitizing-alfa sammenligner de "
        "kodede enheder og mellemrummene mellem dem; ukodede stræk indgår som mellemrum, så de "
        "ikke puster den op, sådan som de puster procentvis enighed op.",
        "method_agreement_ref": "Resultaterne pr. kode findes i bilag B.",
        "agreement_na": "Interkoder-enighed er ikke beregnet for denne rapport.",
        "agreement_one": "Kun én koders arbejde indgår, så interkoder-enighed er ikke relevant.",
        "agreement_nothing": "Interkoder-enighed kan ikke beregnes: koderne har ikke kodet de "
        "valgte interviews med de valgte koder.",
        "method_quotes": "Udvælgelse af citater",
        "method_quotes_text": "For hver kode vises op til {count} citater (flere, hvis "
        "analytikerne har markeret flere, dog højst {maximum}). Citater markeret af en analytiker "
        "vælges først. Derefter spredes citaterne over forskellige interviews, én ad gangen fra "
        "det interview, der har færrest citater, og fra hvert interview den passage, hvis længde "
        "er tættest på {ideal} tegn. Passager under {min_chars} tegn bruges kun, hvis der ikke er "
        "andre; passager over {max_chars} tegn afkortes ved en sætnings- eller ordgrænse og "
        "markeres med »…«. Passager, der overlapper et valgt citat med mere end halvdelen, "
        "springes over. Ved hvert citat angives interview, taler og position (tegn) i "
        "transskriptionen.",
        "method_terms": "Nøgleord",
        "method_terms_text": "Nøgleord for hvert tema er fundet ved at sammenligne "
        "grundformernes (lemmaernes) hyppighed i temaets kodede tekst med resten af "
        "interviewmaterialet. Teksten er opdelt i ord og lemmatiseret med spaCy (opslagsbaseret "
        "lemmatisering); stopord og fyldord er fjernet. Et ord er et nøgleord, når det er "
        "relativt hyppigere i temaets tekst og forekommer mindst {min_freq} gange dér; ordene er "
        "rangeret efter log-likelihood (G²; G² ≥ 3,84 svarer til p < 0,05). Log ratio angiver, "
        "hvor mange gange (som totalspotens) ordet er hyppigere i temaet.",
        "method_pseudo": "Pseudonymisering",
        "method_pseudo_text": "Navne på personer, organisationer og steder, som er registreret "
        "for interviewene, samt talernes navne er erstattet af pseudonymer (fx »Person 1«, "
        "»Organisation A«, »Sted 1«) i alle citater, tabeller og memoer. Samme navn får samme "
        "pseudonym i hele rapporten, også i ejefald.",
        "docs_table_caption": "Interviews i analysen",
        "col_interview": "Interview",
        "col_group": "Gruppe",
        "col_words": "Ord",
        "col_codings": "Kodninger",
        "overview": "Overblik: barrierer og motivationer",
        "overview_intro": "Tabel {table} viser for hver kode, i hvor mange interviews den "
        "forekommer, og hvor mange kodninger den har – i alt og fordelt på {grouping}. "
        "Et temas tal omfatter alle dets koder; et interview tælles kun én gang.",
        "overview_intro_nogroup": "Tabel {table} viser for hver kode, i hvor mange interviews "
        "den forekommer, og hvor mange kodninger den har. Et temas tal omfatter alle dets koder; "
        "et interview tælles kun én gang.",
        "overview_caption": "Koder fordelt på {grouping}: antal interviews (antal kodninger)",
        "overview_caption_nogroup": "Koder: antal interviews og kodninger",
        "col_code": "Kode",
        "col_total": "I alt",
        "col_interviews": "Interv.",
        "col_codings_short": "Kodn.",
        "overview_note": "Cellerne viser antal interviews med koden og i parentes antal "
        "kodninger. n = antal interviews i gruppen.",
        "chart_intro": "Figur {first}{last} viser, hvor stor en andel af interviewene i hver "
        "gruppe der nævner hver kode.",
        "chart_caption": "Andel af interviews i hver gruppe, hvor koden forekommer: {theme}",
        "chart_xlabel": "",
        "chart_colorbar": "Andel af gruppens interviews",
        "theme_intro_prev": "Temaet forekommer i {n} af {total} interviews ({pct}) med i alt "
        "{codings}.",
        "definition": "Definition",
        "prevalence": "Udbredelse",
        "prevalence_text": "Koden forekommer i {n} af {total} interviews ({pct}) med i alt "
        "{codings}.",
        "prevalence_groups": "Fordelt på grupper: {items}.",
        "prevalence_none": "Koden er ikke anvendt i de valgte interviews.",
        "analysis": "Analyse",
        "no_memo": "Der er endnu ikke skrevet et analytisk memo til denne kode.",
        "memo_by": "Memo af {coder}",
        "quotes": "Citater",
        "no_quotes": "Ingen citater.",
        "quote_source": "{speaker}interview {document}, tegn {start}–{end}",
        "speaker_label": "{speaker}, ",
        "pinned": "udvalgt",
        "key_terms": "Nøgleord",
        "key_terms_caption": "Nøgleord for temaet {theme} (lemmaer sammenlignet med resten "
        "af materialet)",
        "key_terms_none": "Temaets kodede tekst er for kort til at udpege nøgleord.",
        "col_lemma": "Lemma",
        "col_freq": "Hyppighed i temaet",
        "col_ref_freq": "Hyppighed i resten",
        "col_ll": "Log-likelihood",
        "col_lr": "Log ratio",
        "appendix_codebook": "Bilag A: Kodebog",
        "appendix_codebook_intro": "Kodebogen »{codebook}«. {description}",
        "cb_definition": "Definition",
        "cb_inclusion": "Inklusion",
        "cb_exclusion": "Eksklusion",
        "cb_example": "Eksempel",
        "cb_terms": "Indikatorord",
        "appendix_agreement": "Bilag B: Interkoder-enighed",
        "appendix_agreement_intro": "Enighed pr. kode mellem {coders} i {docs}, beregnet med "
        "projektets kodersammenligning (som i supervisorvisningen). uα er Krippendorffs "
        "unitizing-alfa; tegn κ er Cohens kappa over tegn{mean}; »Enige om kodet %« er "
        "andelen af den tekst, mindst én koder har kodet med koden, som alle har kodet; "
        "taletur α er Krippendorffs alfa over taleture med 95 %-konfidensinterval (bootstrap). "
        "Vurderingen tages fra uα (ellers alfa på tegn- eller taleturniveau).",
        "agreement_caption": "Interkoder-enighed pr. kode: {coders}",
        "col_u_alpha": "uα",
        "col_char_kappa": "Tegn κ",
        "col_coded_agreement": "Enige om kodet %",
        "col_turn_alpha": "Taletur α [95 % KI]",
        "col_verdict": "Vurdering",
        "overall": "Samlet",
        "verdict_reliable": "pålidelig",
        "verdict_tentative": "foreløbig",
        "verdict_unreliable": "upålidelig",
        "verdict_undefined": "udefineret",
        "table": "Tabel",
        "figure": "Figur",
        "page": "Side",
        "of": "af",
        "unknown_group": "(ikke angivet)",
        "interview_1": "1 interview",
        "interview_n": "{n} interviews",
        "coding_1": "1 kodning",
        "coding_n": "{n} kodninger",
        "code_1": "1 kode",
        "code_n": "{n} koder",
        "theme_1": "1 tema",
        "theme_n": "{n} temaer",
        "coder_roles": "analytiker|supervisor|konsensus",
        "kind_barrier": "barrierer",
        "kind_motivation": "motivationer",
        "kind_condition": "betingelser",
        "kind_other": "øvrige",
        "sector_grouping": "sektorskift (fra → til)",
        "attribute_grouping": "»{attribute}«",
    },
    "en": {
        "subtitle": "Thematic summary of interviews",
        "prepared_by": "Coded by",
        "date": "Date",
        "generated": "Prepared with Tematik",
        "pseudonymized_mark": "Identifying names have been replaced by pseudonyms",
        "confidential": "Confidential working document",
        "contents": "Contents",
        "toc_placeholder": "The table of contents is updated when the document is opened in "
        "Word (otherwise: right-click and choose Update Field).",
        "summary": "Summary",
        "summary_intro": "The report is based on {docs} and {codings} by {coders}. "
        "The main patterns are:",
        "summary_theme": "{theme}: the most widespread are {items}.",
        "summary_theme_none": "{theme}: no codes were applied in the selected interviews.",
        "summary_item": "{code} ({n} of {total} interviews)",
        "and": "and",
        "method": "Method and data",
        "method_data": "Data",
        "method_docs": "The analysis covers {docs}. The interviews are grouped by {grouping}; "
        "table {table} lists the interviews and their group.",
        "method_docs_nogroup": "The analysis covers {docs}. Table {table} lists the interviews.",
        "method_coders": "The coding was done by {coders}. The figures in this report include "
        "codings by {used}; when several coders coded the same passage, each coding counts.",
        "method_codebook": "The codebook “{codebook}” was used, with {codes} in {themes}. The "
        "codebook with definitions, inclusion and exclusion criteria and examples is in "
        "appendix A.",
        "method_agreement": "Inter-coder agreement",
        "method_agreement_text": "Agreement between {coders} was computed with the project's "
        "comparison of coders – the same figures as in the supervisor view and the “tematik "
        "agreement” command – over {docs} and {codes}. Overall, Krippendorff's unitizing alpha "
        "uα is {u_alpha} ({verdict}) and Cohen's kappa at character level {kappa}{turn}.",
        "method_agreement_turn": "; Krippendorff's alpha at speaker-turn level is {alpha} "
        "(95% confidence interval {ci}, bootstrap)",
        "method_agreement_kappa_mean": " (the mean of the pairwise kappas)",
        "method_agreement_bands": "The verdict follows Krippendorff's guidance: α ≥ {reliable} "
        "reliable, ≥ {tentative} tentative, below unreliable; it is taken from uα (else the "
        "character or speaker-turn alpha).",
        "method_agreement_uncoded": "How uncoded text is treated:",
        "treatment_character": "Character: Every character of a compared document is a unit "
        "for every code. Characters that no coder coded with a code count as agreement: "
        "percent agreement is inflated by long uncoded stretches; kappa and alpha correct for "
        "chance agreement. “Agree on coded %” is the agreement restricted to text coded by at "
        "least one coder.",
        "treatment_turn": "Speaker turn: Every speaker turn is a unit for every code (code "
        "present or absent). Turns no coder coded with a code count as agreement on absence; "
        "kappa and alpha correct for chance. Documents without speaker turns are left out.",
        "treatment_unitizing": "Unitizing alpha: Krippendorff's unitizing alpha compares the "
        "coded units and the gaps between them; uncoded stretches enter as gaps, so they do "
        "not inflate it the way percent agreement is inflated.",
        "method_agreement_ref": "Results per code are in appendix B.",
        "agreement_na": "Inter-coder agreement was not computed for this report.",
        "agreement_one": "Only one coder's work is included, so inter-coder agreement does not "
        "apply.",
        "agreement_nothing": "Inter-coder agreement cannot be computed: the coders did not code "
        "the chosen interviews with the chosen codes.",
        "method_quotes": "Choice of quotes",
        "method_quotes_text": "Each code shows up to {count} quotes (more when the analysts "
        "pinned more, at most {maximum}). Quotes pinned by an analyst come first. The others are "
        "spread over different interviews, one at a time from the interview with the fewest "
        "quotes so far, taking from each interview the passage whose length is closest to "
        "{ideal} characters. Passages under {min_chars} characters are used only when there are "
        "no others; passages over {max_chars} characters are cut at a sentence or word boundary "
        "and marked with “…”. A passage overlapping a chosen quote by more than half is "
        "skipped. Each quote gives the interview, the speaker and the position (characters) in "
        "the transcript.",
        "method_terms": "Key terms",
        "method_terms_text": "Key terms of each theme were found by comparing the frequency of "
        "base forms (lemmas) in the theme's coded text with the rest of the interviews. The "
        "text was tokenised and lemmatised with spaCy (lookup lemmatisation); stop words and "
        "fillers were removed. A word is a key term when it is relatively more frequent in the "
        "theme's text and occurs there at least {min_freq} times; terms are ranked by "
        "log-likelihood (G²; G² ≥ 3.84 means p < 0.05). Log ratio is the binary logarithm of "
        "how many times more frequent the word is in the theme.",
        "method_pseudo": "Pseudonymisation",
        "method_pseudo_text": "Names of persons, organisations and places registered for the "
        "interviews, and the speakers' names, are replaced by pseudonyms (e.g. “Person 1”, "
        "“Organisation A”, “Place 1”) in all quotes, tables and memos. The same name gets the "
        "same pseudonym throughout the report, also in the possessive.",
        "docs_table_caption": "Interviews in the analysis",
        "col_interview": "Interview",
        "col_group": "Group",
        "col_words": "Words",
        "col_codings": "Codings",
        "overview": "Overview: barriers and motivations",
        "overview_intro": "Table {table} shows for each code the number of interviews in which "
        "it occurs and its number of codings, in total and by {grouping}. A theme's figures "
        "include all its codes; an interview is counted once.",
        "overview_intro_nogroup": "Table {table} shows for each code the number of interviews "
        "in which it occurs and its number of codings. A theme's figures include all its codes; "
        "an interview is counted once.",
        "overview_caption": "Codes by {grouping}: number of interviews (number of codings)",
        "overview_caption_nogroup": "Codes: number of interviews and codings",
        "col_code": "Code",
        "col_total": "Total",
        "col_interviews": "Interv.",
        "col_codings_short": "Codings",
        "overview_note": "Cells show the number of interviews with the code and, in "
        "parentheses, the number of codings. n = number of interviews in the group.",
        "chart_intro": "Figure {first}{last} shows the share of the interviews in each group "
        "that mention each code.",
        "chart_caption": "Share of interviews in each group in which the code occurs: {theme}",
        "chart_xlabel": "",
        "chart_colorbar": "Share of the group's interviews",
        "theme_intro_prev": "The theme occurs in {n} of {total} interviews ({pct}) with "
        "{codings} in all.",
        "definition": "Definition",
        "prevalence": "Prevalence",
        "prevalence_text": "The code occurs in {n} of {total} interviews ({pct}) with "
        "{codings} in all.",
        "prevalence_groups": "By group: {items}.",
        "prevalence_none": "The code was not applied in the selected interviews.",
        "analysis": "Analysis",
        "no_memo": "No analytic memo has been written for this code yet.",
        "memo_by": "Memo by {coder}",
        "quotes": "Quotes",
        "no_quotes": "No quotes.",
        "quote_source": "{speaker}interview {document}, characters {start}–{end}",
        "speaker_label": "{speaker}, ",
        "pinned": "pinned",
        "key_terms": "Key terms",
        "key_terms_caption": "Key terms of the theme {theme} (lemmas compared with the rest of "
        "the material)",
        "key_terms_none": "The theme's coded text is too short to identify key terms.",
        "col_lemma": "Lemma",
        "col_freq": "Frequency in theme",
        "col_ref_freq": "Frequency in rest",
        "col_ll": "Log-likelihood",
        "col_lr": "Log ratio",
        "appendix_codebook": "Appendix A: Codebook",
        "appendix_codebook_intro": "The codebook “{codebook}”. {description}",
        "cb_definition": "Definition",
        "cb_inclusion": "Inclusion",
        "cb_exclusion": "Exclusion",
        "cb_example": "Example",
        "cb_terms": "Indicator terms",
        "appendix_agreement": "Appendix B: Inter-coder agreement",
        "appendix_agreement_intro": "Agreement per code between {coders} in {docs}, computed "
        "with the project's comparison of coders (as in the supervisor view). uα is "
        "Krippendorff's unitizing alpha; char. κ is Cohen's kappa over characters{mean}; "
        "“Agree on coded %” is the share of the text anyone coded with the code that all coded; "
        "turn α is Krippendorff's alpha over speaker turns with its 95% confidence interval "
        "(bootstrap). The verdict is taken from uα (else the character or speaker-turn alpha).",
        "agreement_caption": "Inter-coder agreement per code: {coders}",
        "col_u_alpha": "uα",
        "col_char_kappa": "Char. κ",
        "col_coded_agreement": "Agree on coded %",
        "col_turn_alpha": "Turn α [95% CI]",
        "col_verdict": "Verdict",
        "overall": "Overall",
        "verdict_reliable": "reliable",
        "verdict_tentative": "tentative",
        "verdict_unreliable": "unreliable",
        "verdict_undefined": "undefined",
        "table": "Table",
        "figure": "Figure",
        "page": "Page",
        "of": "of",
        "unknown_group": "(not given)",
        "interview_1": "1 interview",
        "interview_n": "{n} interviews",
        "coding_1": "1 coding",
        "coding_n": "{n} codings",
        "code_1": "1 code",
        "code_n": "{n} codes",
        "theme_1": "1 theme",
        "theme_n": "{n} themes",
        "coder_roles": "analyst|supervisor|consensus",
        "kind_barrier": "barriers",
        "kind_motivation": "motivations",
        "kind_condition": "conditions",
        "kind_other": "other",
        "sector_grouping": "change of sector (from → to)",
        "attribute_grouping": "“{attribute}”",
    },
}

MONTHS = {
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "en": "January February March April May June July August September October November December",
}


class Text:
    """The report strings of one language with number formatting."""

    def __init__(self, language: str) -> None:
        self.language = language if language in STRINGS else "en"
        self.s = STRINGS[self.language]

    def __call__(self, key: str, **kw: object) -> str:
        return self.s[key].format(**kw) if kw else self.s[key]

    def count(self, key: str, n: int) -> str:
        """``count("interview", 3)`` → "3 interviews"."""
        return self(f"{key}_1") if n == 1 else self(f"{key}_n", n=self.integer(n))

    def integer(self, n: int) -> str:
        sep = "." if self.language == "da" else ","
        return f"{n:,}".replace(",", sep)

    def decimal(self, x: float, digits: int = 2) -> str:
        if x != x:  # nan
            return "–"
        s = f"{x:,.{digits}f}"
        if self.language == "da":
            s = s.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return s

    def percent(self, fraction: float, digits: int = 0) -> str:
        if fraction != fraction:
            return "–"
        return (
            f"{self.decimal(100 * fraction, digits)} %"
            if self.language == "da"
            else (f"{self.decimal(100 * fraction, digits)}%")
        )

    def interval(self, low: float, high: float, digits: int = 2) -> str:
        """A confidence interval as the supervisor view and the CLI print it: "[0.66, 1.00]"
        (Danish "[0,66; 1,00]", the comma being the decimal sign); "–" when undefined."""
        if low != low or high != high:
            return "–"
        sep = "; " if self.language == "da" else ", "
        return f"[{self.decimal(low, digits)}{sep}{self.decimal(high, digits)}]"

    def date(self, d: date) -> str:
        month = MONTHS[self.language].split()[d.month - 1]
        return (
            f"{d.day}. {month} {d.year}" if self.language == "da" else (f"{d.day} {month} {d.year}")
        )

    def join(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self('and')} " + items[-1]
