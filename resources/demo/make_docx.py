"""Generate the three .docx transcripts of the demo project.

This script is the source of truth for the .docx demo files: edit the text here, never the
.docx files by hand. Each interview is written below as plain text with one speaker turn per
block ("Interviewer: ..." / "<Fornavn>: ..."), blocks separated by a blank line. The script
writes one Word paragraph per turn, with the speaker label in bold.

Rerun from the repository root after editing::

    .venv/bin/python resources/demo/make_docx.py

It overwrites ``resources/demo/03_stat_til_region.docx``, ``06_privat_til_kommune_og_tilbage.docx``
and ``09_stat_til_privat.docx``. Document properties use a fixed date so that a rerun only
changes the files when the text changes. Then run ``pytest tests/test_demo_resources.py``:
the quotes in ``codings.json`` must still occur exactly once in each document.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
FIXED_DATE = dt.datetime(2024, 3, 1, 9, 0, 0)

INTERVIEWS: dict[str, tuple[str, str]] = {}

INTERVIEWS["03_stat_til_region"] = (
    "Interview: fra ministerium til region",
    """
Interviewer: Tak fordi du ville være med. Kan du starte med at fortælle lidt om, hvor du kommer fra, og hvad du laver nu?

Morten: Ja. Jeg er direktør for regional udvikling i en region, og det har jeg været i knap tre år. Før det var jeg i departementet i et af de store velfærdsministerier i mange år – først som fuldmægtig, så som specialkonsulent, og de sidste ni år som kontorchef. Så jeg har været leder i en tolv år i alt. Og så har jeg en kort periode i Finansministeriet bag mig, som man jo nærmest skal have, hvis man vil noget på Slotsholmen. (griner)

Interviewer: Hvad fik dig til at søge væk fra departementet?

Morten: Det var en blanding af ting. Men hvis jeg skal være ærlig, så var der et karrieremæssigt element. Jeg havde været kontorchef længe, og jeg kunne se, at der var en kø til de få afdelingschefstillinger. Der sad tre-fire dygtige kontorchefer, der alle ventede på det samme. Og jeg tænkte: Jeg gider ikke vente fem år på, at nogen går på pension. Så da direktørstillingen i regionen blev slået op, tænkte jeg, at det var et skridt op, som jeg ikke kunne få i staten lige nu.

Interviewer: Var der andet end karrieren?

Morten: Ja, bestemt. Jeg havde i mange år siddet og skrevet lovforslag og økonomiaftaler, som regionerne så skulle udføre. Og jeg havde en fornemmelse af, at jeg ikke rigtig vidste, hvad der skete med det, vi besluttede. Vi talte om regionerne som en post i et regneark. Jeg ville gerne prøve at være tættere på, hvor tingene faktisk sker. Se det fra den anden side. Det lyder måske naivt, men jeg tror, at mange i departementerne har brug for at se virkeligheden lidt tættere på.

Interviewer: Hvordan reagerede dine kolleger?

Morten: (pause) Der var nogle, der syntes, det var modigt, og nogle, der syntes, det var mærkeligt. Jeg husker en afdelingschef, der sagde: Jamen, hvorfor vil du dog ud til regionerne? Der var en undertone af, at det var et skridt ned, selvom det formelt var et skridt op. I ministeriet var regionerne lidt problembarnet. Dem, der altid overskred budgetterne og altid ville have flere penge. Og da jeg så kom herover, opdagede jeg, at man her talte om ministeriet som "dem derinde", der ikke anede, hvad de lavede. Så fordommene går begge veje.

Interviewer: Hvordan var det at starte?

Morten: Jeg blev faktisk taget godt imod. Regionsdirektøren havde lagt et program for de første uger, hvor jeg mødte alle hospitalsdirektørerne, formanden for regionsrådet og de vigtigste udvalgsformænd. Det var rigtig godt. Men det, jeg manglede, var en forståelse af alle de uformelle relationer. Hvem der havde et godt forhold til hvem. Hvilke kommuner der altid var kritiske. Det står jo ikke i noget introduktionsprogram.

Interviewer: Havde du et netværk i regionen, da du kom?

Morten: Næsten ingen. Jeg kendte nogle af de regionale direktører fra forhandlingerne om økonomiaftalerne, men kun fra den anden side af bordet. Jeg kendte ikke borgmestrene i regionen, jeg kendte ikke erhvervslivet her, og jeg kendte ikke uddannelsesinstitutionerne. Og regional udvikling handler jo om at samarbejde med dem alle sammen. Så det første år brugte jeg enormt meget tid på at drikke kaffe med folk.

Interviewer: Hvordan er det politiske anderledes i en region?

Morten: Det er meget anderledes. I departementet har man én minister, og alt handler om at betjene ham eller hende. Her har jeg et regionsråd med mange partier, og der er en langt større tradition for brede forlig. Det betyder, at man skal forstå alle partierne, ikke kun flertallet. Det tog mig et stykke tid at lære. I starten skrev jeg indstillinger, som om der var én beslutningstager, og det gik ikke. Jeg skulle lære at tale med gruppeformændene, før en sag kom på dagsordenen.

Interviewer: Og mediebevågenheden?

Morten: Den er faktisk mindre her, på mit område i hvert fald. I departementet levede man med, at alt kunne ende på forsiden, og at der kunne komme et samråd med to dages varsel. Her er det mest den regionale presse, og de er mere optaget af sundhed end af regional udvikling. Så på den måde har jeg fået lidt mere luft. Men det er jo anderledes for mine kolleger på sundhedsområdet. De har pressen på nakken hver eneste dag.

Interviewer: Er der forskelle i sprog og kultur?

Morten: Ja, og det overraskede mig. Jeg troede, at det offentlige var det offentlige. Men i departementet skriver man. Alt skal være et notat, en forelæggelse, et sæt talepunkter. Her holder man møder. Mange møder. (griner) Og man taler et sprog, der er meget mere præget af driften og af sundhedsvæsenet. Jeg husker, at jeg i mit første direktionsmøde brugte ordet "udgiftsloft" tre gange, og regionsdirektøren sagde bagefter: Morten, du lyder som en fra Finansministeriet. Det var ikke ment som en ros.

Interviewer: Hvordan har du så brugt din erfaring fra staten?

Morten: Det har faktisk været en stor fordel, når jeg har lært at bruge den rigtigt. Jeg ved, hvordan et ministerium tænker, når de skal fordele en pulje. Jeg ved, hvornår man skal ringe, og hvordan man skriver et høringssvar, der rent faktisk bliver læst. Det har betydet, at vi har fået flere statslige midler til projekter her i regionen. Men jeg har skullet oversætte det. Jeg kan ikke bare sige "sådan gør man i ministeriet". Jeg skal vise, at det giver resultater for regionen.

Interviewer: Havde du nogen at sparre med undervejs?

Morten: Ja, regionsdirektøren har været en god sparringspartner. Vi har en time hver fredag, hvor vi går alt igennem. Og så fik jeg en ekstern coach det første år, som regionen betalte. Det var en tidligere kommunaldirektør, og hun var god til at stille de spørgsmål, jeg ikke selv stillede. For eksempel spurgte hun engang: Hvem i regionsrådet har du ikke talt med i denne måned? Og det var et godt spørgsmål.

Interviewer: Hvad med lønnen og familien?

Morten: Lønnen er faktisk lidt højere her, fordi det er en direktørstilling. Og pensionen er den samme, det er jo offentligt begge steder, så det var ikke en barriere. Familien var en større overvejelse, for vi boede i København. Men min kone er fra Aarhus, og hun havde længe talt om at flytte tilbage. Så for os passede det faktisk fint. Jeg ved godt, at det er en luksus. Mange af mine gamle kolleger ville aldrig flytte fra København.

Interviewer: Er der noget, der bekymrer dig ved at være i regionen?

Morten: Ja, det må jeg indrømme. Regionernes fremtid er jo hele tiden til debat. Hver gang der er valg, er der partier, der vil nedlægge dem. Og når man sidder som direktør, så tænker man selvfølgelig over, hvad der sker med ens job, hvis det sker. Det er en underlig følelse at arbejde i en organisation, hvor ens egen eksistens er til politisk forhandling.

Interviewer: Har du lært noget om dig selv ved at skifte?

Morten: Ja, rigtig meget. Jeg har lært, at jeg var mere ydmyg over for driften, end jeg troede, eller rettere, at jeg burde have været det. Jeg har set, hvor meget arbejde der ligger i at få en ny lov til at virke. Og jeg tror, at hvis jeg en dag vender tilbage til staten, så vil jeg skrive lovforslag på en helt anden måde. Med en helt anden respekt for dem, der skal udføre dem.

Interviewer: Tror du, du vender tilbage?

Morten: Måske. Jeg har ingen planer lige nu. Men jeg kunne godt forestille mig det. Og jeg tror faktisk, at det ville være godt for staten, hvis flere gjorde det, altså tog en tur ude i regionerne eller kommunerne og så kom tilbage. Det burde næsten være et krav for at blive afdelingschef.

Interviewer: Tak, Morten. Det er et godt sted at slutte.
""",
)

INTERVIEWS["06_privat_til_kommune_og_tilbage"] = (
    "Interview: fra privat til kommune og tilbage igen",
    """
Interviewer: Tusind tak fordi du ville stille op. Din historie er lidt særlig, fordi du har prøvet at skifte frem og tilbage. Vil du fortælle?

Camilla: Ja, det vil jeg gerne. (griner) Det er nok derfor, I har fundet mig. Jeg er uddannet cand.merc. i organisation og har arbejdet med HR hele mit liv. Jeg var HR-chef i en stor detailkæde i seks år. Så skiftede jeg til en kommune på Sjælland, hvor jeg blev HR- og personalechef. Det var jeg i to et halvt år. Og nu er jeg tilbage i det private igen, som HR-direktør i en logistikvirksomhed. Så jeg har været leder i elleve år i alt.

Interviewer: Lad os starte med det første skift. Hvorfor kommunen?

Camilla: Jamen, jeg var blevet træt af detailhandlen. Det hele handlede om omsætning per kvadratmeter og om at skære i lønomkostningerne. Og jeg havde en idé om, at jeg ville bruge mine kompetencer til noget, der betød mere. Kommunen er jo den største arbejdsplads i de fleste lokalsamfund, og de har kæmpe udfordringer med rekruttering af sosu-assistenter og pædagoger. Der tænkte jeg, at der kunne jeg virkelig gøre en forskel.

Interviewer: Hvordan var det at komme ind?

Camilla: Det var faktisk svært at blive ansat. Jeg søgte tre kommunale stillinger, før jeg fik en. Jeg fik at vide, at jeg manglede erfaring med overenskomster på det offentlige område og med MED-systemet. Og det var jo rigtigt nok. Men jeg tror også, der var en skepsis over for én fra det private. Én af de kommunaldirektører, jeg var til samtale hos, sagde direkte: Vi har haft dårlige erfaringer med folk udefra, der tror, de kan komme og rydde op.

Interviewer: Hvordan var de første måneder?

Camilla: Overvældende. MED-systemet, tillidsrepræsentanter, lokalaftaler, Kommunernes Lønningsnævn ... Jeg kendte det i teorien, men ikke i praksis. I det private havde jeg forhandlet direkte med en tillidsmand, og så var den ged barberet. Her skulle alt igennem et hovedudvalg, og nogle gange skulle det også forbi KL. Jeg følte mig som en nybegynder, og det havde jeg ikke gjort i mange år.

Interviewer: Fik du noget hjælp?

Camilla: Ikke meget, ærligt talt. Der var en introduktionsdag for nye medarbejdere, hvor jeg sad sammen med en ny pædagogmedhjælper og en vejmand. Det var hyggeligt, men det hjalp mig ikke at forstå, hvordan man arbejder i en politisk styret organisation. Jeg havde ønsket mig en fast sparringspartner, en der kunne fortælle mig de uskrevne regler. Det fik jeg ikke. Min chef, kommunaldirektøren, havde travlt, og han gik ud fra, at jeg kunne klare mig selv.

Interviewer: Hvordan var det at arbejde tæt på politikerne?

Camilla: Det var nok det, der var sværest for mig. Jeg havde en sag om en ny sygefraværspolitik, som jeg syntes var rigtig god. Den var gennemarbejdet, vi havde lavet den sammen med medarbejderne. Og så blev den stoppet af udvalgsformanden, fordi der var en sag i lokalavisen om en medarbejder, der var blevet afskediget efter lang sygdom. Det havde ingenting med politikken at gøre, men timingen var forkert. Jeg forstod det ikke dengang. Jeg tog det personligt.

Interviewer: Forstår du det i dag?

Camilla: Ja, meget bedre. Jeg har lært, at politikere ikke tænker i processer, de tænker i historier. Hvis der er en dårlig historie, så kan man ikke føre en god politik igennem lige der, uanset hvor god den er. Det er faktisk noget, jeg har taget med mig tilbage. Jeg er blevet meget bedre til at tænke på, hvordan en beslutning ser ud udefra, ikke kun om den er rigtig.

Interviewer: Oplevede du den mening, du havde håbet på?

Camilla: Ja, i perioder. Vi lavede et projekt, hvor vi fastansatte tredive ufaglærte i ældreplejen og gav dem en uddannelse på sosu-skolen ved siden af. Da de fik deres beviser, stod jeg og havde tårer i øjnene. Det er noget af det stærkeste, jeg har været med til i mit arbejdsliv. Men det druknede lidt i alt det andet. For hver gang vi fik noget godt i gang, kom der en ny sparerunde, og så skulle vi begynde at tale om afskedigelser i stedet.

Interviewer: Hvad var det, der fik dig til at gå tilbage til det private?

Camilla: (pause) Det var flere ting. Lønnen var en del af det, det vil jeg ikke skjule. Jeg gik ned i løn, da jeg kom til kommunen, og jeg tænkte, at det var fint, fordi jeg fik noget andet. Men efter to år med sparerunder og ansættelsesstop, så kunne jeg mærke, at det, jeg fik, ikke længere var nok. Og så havde vi købt hus, og regnestykket derhjemme var ikke så sjovt længere.

Interviewer: Andet end lønnen?

Camilla: Ja, tempoet. Jeg kunne ikke holde ud, at tingene tog så lang tid. Vi skulle lave en ny rekrutteringsstrategi, og det tog et år fra idé til beslutning. I min gamle virksomhed ville det have taget en måned. Og jeg er bare ikke skruet sådan sammen. Jeg kan godt lide at se resultater. Men jeg vil også sige, at kulturen var hård at komme ind i. Der var et "vi plejer", som var meget stærkt, og jeg blev hurtigt ham – eller hende – fra det private. Jeg følte aldrig rigtig, at jeg blev en del af det.

Interviewer: Fortryder du, at du tog turen til kommunen?

Camilla: Nej, overhovedet ikke. Det er nok det bedste, jeg har gjort for min udvikling som leder. Jeg har lært at lede i en organisation, hvor man ikke bare kan bestemme. Hvor man skal skabe opbakning, og hvor der er mange legitime interesser. Det har gjort mig meget bedre til mit job nu. Og jeg har fået et netværk i det offentlige, som jeg bruger hele tiden. Når vi skal samarbejde med jobcentrene om rekruttering, så ved jeg præcis, hvem jeg skal ringe til.

Interviewer: Hvordan var det at komme tilbage til det private?

Camilla: Det var faktisk også lidt svært. Jeg havde forventet, at det bare var at komme hjem. Men der var nogle, der så på mit CV og tænkte: Nå, hun har været i kommunen, hun er nok blevet lidt langsom. Det var en headhunter, der sagde det næsten direkte til mig. Han sagde, at jeg skulle forklare de to år i kommunen, som om det var et hul i mit CV. Det blev jeg faktisk ret vred over.

Interviewer: Hvordan forklarede du det så?

Camilla: Jeg lærte at oversætte det. Jeg sagde ikke, at jeg havde arbejdet med MED-systemet. Jeg sagde, at jeg havde ledet forandringer i en organisation med fire tusind medarbejdere og stærke faglige organisationer. Og at jeg havde arbejdet med en bestyrelse, der var valgt, og som skiftede holdning efter, hvad der stod i avisen. Det forstod de. Og pludselig blev det en styrke og ikke et hul.

Interviewer: Hvad ville du sige til en privat leder, der overvejer at gå til en kommune?

Camilla: Jeg ville sige: Gør det, men vær forberedt. Find en mentor, gerne en der selv har skiftet. Insistér på et ordentligt introduktionsforløb, ikke bare en introduktionsdag. Og så skal man forstå, at det ikke er en dårligere version af det private. Det er en anden type organisation med et andet formål. Hvis man kommer ind og tror, at man skal redde dem, så går det galt.

Interviewer: Tak, Camilla.

Camilla: Det var så lidt.
""",
)

INTERVIEWS["09_stat_til_privat"] = (
    "Interview: fra styrelse til privat virksomhed",
    """
Interviewer: Tak fordi du ville være med. Kan du kort fortælle om din karriere indtil nu?

Rasmus: Ja. Jeg er jurist, og jeg startede i en styrelse lige efter studiet. Der var jeg i femten år og endte som afdelingschef for tilsyn og kontrol, med et par kontorchefer under mig og omkring halvfjerds medarbejdere. For lidt over to år siden skiftede jeg til et privat energiselskab, hvor jeg er direktør for regulering og compliance og sidder i direktionen. Så jeg har været leder i cirka ti år.

Interviewer: Hvordan kom det i stand?

Rasmus: Det var faktisk en headhunter, der ringede. Og jeg tror, at grunden til, at de ringede til mig, var, at jeg kendte reguleringen indefra. Det var jo den styrelse, der førte tilsyn med deres branche. Så der var også nogle karensregler, vi skulle igennem, og jeg måtte ikke beskæftige mig med bestemte sager det første halve år. Det var helt fint, det synes jeg er rimeligt.

Interviewer: Hvad fik dig til at sige ja?

Rasmus: Jamen, det var flere ting. Jeg havde været det samme sted i femten år, og jeg kunne mærke, at jeg var ved at stivne lidt. Jeg kendte alle sagerne, alle processerne, og jeg vidste, hvad direktøren ville sige, før hun sagde det. Jeg ville gerne prøve at være i et miljø, hvor jeg skulle lære noget nyt. Og så ville jeg se, hvordan det ser ud fra den anden side. Hvordan er det at være den, der bliver reguleret?

Interviewer: Hvad med økonomien?

Rasmus: Ja, lønnen var markant højere. Jeg vil tro, at jeg tjener halvanden gang så meget, og så er der en bonus, der afhænger af selskabets resultater. Det var ikke det, der afgjorde det, men det ville være løgn at sige, at det ikke betød noget. Vi har tre børn, og der er mange ting, der koster. Pensionen var et mindre problem, fordi jeg ikke var tjenestemand. Jeg var overenskomstansat, så den ordning tog jeg bare med.

Interviewer: Hvordan var det at komme ind i det private?

Rasmus: Det var et kulturchok, må jeg sige. Det første, der slog mig, var, hvor hurtigt tingene gik. I styrelsen skrev vi et notat, og så gik der tre uger, før der kom en beslutning. Her sad vi i direktionen, og den administrerende direktør sagde: Godt, så gør vi det. På fem minutter. Jeg sad og tænkte: Skal vi ikke lige have en indstilling på skrift? (griner) Og så var der sproget. Alle talte om KPI'er, EBITDA og shareholder value. Jeg forstod godt ordene, men jeg forstod ikke, hvor meget de fyldte.

Interviewer: Blev du taget godt imod?

Rasmus: Både og. Der var en fin velkomst, men jeg kunne mærke, at nogle af de andre direktører så mig som "ham fra styrelsen". Der var en af dem, der sagde ved en middag: Nu har vi fået en bureaukrat med i direktionen, så nu skal vi til at udfylde skemaer. Det var for sjov, men jeg tror, at der var en forestilling om, at jeg ville bremse tingene. Det tog mig et års tid at vise, at jeg faktisk kunne skabe værdi for forretningen.

Interviewer: Hvordan viste du det?

Rasmus: Ved at hjælpe dem med at forstå myndighederne. Mange i virksomheden havde et billede af styrelsen som en modstander. Og jeg kunne forklare, at de ikke var ude på at genere nogen, men at de havde et lovgivningsmæssigt ansvar og en minister, der skulle kunne forsvare tingene i Folketinget. Da vi havde en sag om en forsinket indberetning, så kunne jeg forklare, hvordan styrelsen ville læse sagen, og hvad der ville ske politisk, hvis den kom i pressen. Det sparede os for en meget større sag.

Interviewer: Så din forståelse af politisk ledelse blev en kompetence?

Rasmus: Ja, fuldstændig. Men jeg skulle lære at formulere den på en anden måde. I styrelsen talte man om "legalitet" og "god forvaltningsskik". Det siger ikke en direktion noget. Her taler jeg om risiko og omdømme. Jeg siger: Hvis vi gør det her, så er der en sandsynlighed for en sag, og den kan koste os så og så meget. Så forstår de det. Det er den samme viden, bare i et andet sprog.

Interviewer: Var der noget, du savnede?

Rasmus: Ja, i starten savnede jeg meningen. I styrelsen vidste jeg, at jeg arbejdede for samfundet. Her arbejder jeg for ejerne. Men det er faktisk blevet mindre med tiden. Vi er en del af den grønne omstilling, og jeg kan se, at det, vi laver, har betydning. Det er bare en anden form for mening. Den er ikke så ren, men den er der.

Interviewer: Og jobsikkerheden?

Rasmus: Den er jo klart mindre. Jeg har en kontrakt med seks måneders opsigelse, og hvis ejerne beslutter at omstrukturere, så kan jeg være væk. Det tænker jeg over. Men jeg tror også, at jeg er blevet mere attraktiv på arbejdsmarkedet ved at have prøvet begge dele. Så jeg er ikke så bekymret.

Interviewer: Var der et egentligt introduktionsforløb?

Rasmus: Ja, faktisk et ret grundigt. Jeg var rundt i alle forretningsområderne de første seks uger og var ude på et af vores anlæg i Vestjylland et par dage. Det var godt for forståelsen af forretningen. Men ingen forklarede mig, hvordan direktionen egentlig arbejdede. Hvem der havde den administrerende direktørs øre, og hvordan man fik en sag på dagsordenen. Det måtte jeg selv finde ud af, og jeg trådte nok nogle over tæerne i starten.

Interviewer: Havde du et netværk i den private verden, da du startede?

Rasmus: Nej, det havde jeg ikke. Mit netværk var embedsmænd, jurister i ministerierne og folk fra brancheorganisationerne, som jeg havde mødt i høringer. Jeg kendte ingen direktører i andre selskaber, og jeg havde aldrig været til et netværksmøde i erhvervslivet. Det har jeg brugt meget tid på at opbygge, og nu er jeg med i et direktørnetværk, hvor vi mødes et par gange om året. Det har været overraskende lærerigt.

Interviewer: Havde du nogen at sparre med?

Rasmus: Ja, jeg fik en mentor fra bestyrelsen. Det var faktisk min egen idé. Jeg spurgte den administrerende direktør, om der var én i bestyrelsen, der havde erfaring med at skifte sektor. Og der var en tidligere departementschef, der sagde ja til at mødes med mig en gang i kvartalet. Det har været fantastisk. Han forstår begge verdener og kan hjælpe mig med at se, hvornår jeg er for meget embedsmand og hvornår for lidt.

Interviewer: Hvordan reagerede dine gamle kolleger i styrelsen?

Rasmus: Nogle var glade på mine vegne. Andre var lidt skeptiske, ikke mindst fordi jeg gik til en virksomhed, vi havde ført tilsyn med. Der var nogen, der sagde, at jeg var gået over til fjenden. Det sved lidt. Og jeg har skullet være meget omhyggelig med ikke at bruge mine gamle relationer forkert. Jeg ringer ikke til mine gamle medarbejdere om sager. Det gør jeg bare ikke.

Interviewer: Kunne du finde på at vende tilbage til staten?

Rasmus: Ja, måske. Jeg tror faktisk, at jeg ville være en bedre embedsmand nu. Jeg forstår, hvordan virksomhederne oplever reguleringen, og hvor meget administrativ byrde de mange små krav skaber. Det ville jeg tage med mig. Men det skulle være det rigtige job, og det skulle ikke være et job, hvor jeg skulle føre tilsyn med mit gamle selskab. Det ville ikke være i orden.

Interviewer: Tak, Rasmus.

Rasmus: Tak for nu.
""",
)


def turns(raw: str) -> list[tuple[str, str]]:
    """Split an interview text into (speaker label, turn text) pairs, one per blank-line block."""
    result: list[tuple[str, str]] = []
    for block in raw.strip().split("\n\n"):
        text = " ".join(line.strip() for line in block.splitlines() if line.strip())
        label, sep, body = text.partition(": ")
        if not sep:
            raise ValueError(f"make_docx.py: turn without a speaker label: {text[:60]!r}")
        result.append((label, body))
    return result


def write_docx(path: Path, title: str, raw: str) -> None:
    """Write one transcript: one paragraph per turn, the speaker label in bold."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    for label, body in turns(raw):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}:").bold = True
        paragraph.add_run(f" {body}")
    props = document.core_properties
    props.title = title
    props.author = "Taskforce for ledermobilitet (demo)"
    props.language = "da-DK"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_modified_by = "make_docx.py"
    props.revision = 1
    document.save(str(path))


def main() -> None:
    """Regenerate every .docx transcript of the demo project next to this script."""
    for name, (title, raw) in INTERVIEWS.items():
        target = HERE / f"{name}.docx"
        write_docx(target, title, raw)
        print(f"wrote {target.name} ({len(turns(raw))} turns)")


if __name__ == "__main__":
    main()
