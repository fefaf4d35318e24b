"""Writing :class:`ReportData` as a Word document with python-docx.

Real Word structure: the built-in Title, Heading 1–3, Caption and List Bullet styles, table
captions numbered with SEQ fields, a TOC field (``TOC \\o "1-3" \\h \\z \\u``) that Word
updates on opening (``w:updateFields`` in settings.xml), page numbers with PAGE / NUMPAGES
fields in the footer, A4 pages with 2.5 cm margins, Calibri 11 pt body text and the report
language set on the styles (spelling and hyphenation).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from coding.compare.compare import verdict
from coding.progress import NullProgress, ProgressState, check_cancel
from coding.report.chart import prevalence_chart
from coding.report.model import AgreementSummary, CodeReport, ReportData, ThemeReport
from coding.report.quotes import ELLIPSIS, Quote
from coding.report.strings import Text

FONT = "Calibri"
DARK = RGBColor(0x1F, 0x38, 0x64)
ACCENT = RGBColor(0x2E, 0x5C, 0x8A)
GREY = RGBColor(0x59, 0x59, 0x59)
HEADER_FILL = "1F3864"
THEME_FILL = "DCE3EE"
ZEBRA_FILL = "F3F6FA"
RULE = "A6B4C8"
LANG_TAGS = {"da": "da-DK", "en": "en-GB"}
TABLE_STYLE = "Tematik Table"
# The supervisor view's colour bands (reliable / tentative / unreliable).
BAND_FILLS = {"reliable": "B9E4BD", "tentative": "FFE2A8", "unreliable": "F7B9B9"}
AGREEMENT_COLUMNS = ("u_alpha", "char_kappa", "coded_agreement", "turn_alpha")
AGREEMENT_HEADERS = {
    "u_alpha": "col_u_alpha",
    "char_kappa": "col_char_kappa",
    "coded_agreement": "col_coded_agreement",
    "turn_alpha": "col_turn_alpha",
}
AGREEMENT_PERCENT = (
    "char_percent",
    "coded_share",
    "coded_agreement",
    "seg_percent",
    "turn_percent",
)
TEXT_WIDTH_CM = 16.0
LANDSCAPE_TEXT_WIDTH_CM = 24.7


# --- low-level helpers -------------------------------------------------------------------------


def _set_font(style_or_run: object, name: str) -> None:
    """Set a font on a style or run, dropping theme fonts that would override it."""
    rpr = style_or_run.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _set_lang(style: object, tag: str) -> None:
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def _field(paragraph: Paragraph, instr: str, cached: str = "", bold: bool = False) -> None:
    """A complex field (begin / instrText / separate / cached result / end)."""

    def run_with(child: OxmlElement) -> None:
        r = paragraph.add_run()
        r.bold = bold or None
        r._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run_with(text)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    r = paragraph.add_run(cached)
    r.bold = bold or None
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def agreement_cell(t: Text, key: str, values: dict[str, float]) -> str:
    """A figure of :meth:`AgreementReport.summary` as the supervisor view and the CLI print it,
    in the report language: percentages with one decimal (×100), other statistics with three,
    turn α followed by its 95% interval with two; "–" when undefined."""
    value = values.get(key, math.nan)
    if not math.isfinite(value):
        return "–"
    if key in AGREEMENT_PERCENT:
        return t.decimal(100 * value, 1)
    text = t.decimal(value, 3)
    if key == "turn_alpha" and math.isfinite(values.get("turn_alpha_low", math.nan)):
        text += " " + t.interval(values["turn_alpha_low"], values["turn_alpha_high"])
    return text


def _shade(cell: object, fill: str) -> None:
    """Shade a cell (replacing any shading it had)."""
    tcpr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _table_style(styles: object) -> None:
    """The report's table style: horizontal rules only, dark top and bottom rules, bold
    header row (a real Word table style, so users can restyle all tables at once)."""
    st = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)  # type: ignore[attr-defined]
    st.base_style = styles["Normal Table"]  # type: ignore[index]
    el = st.element
    el.append(
        parse_xml(
            f'<w:pPr {nsdecls("w")}><w:spacing w:before="0" w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr>'
        )
    )
    el.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>'))
    el.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblBorders>"
            f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{HEADER_FILL}"/>'
            '<w:left w:val="nil"/>'
            f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{HEADER_FILL}"/>'
            '<w:right w:val="nil"/>'
            f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
            '<w:insideV w:val="nil"/>'
            "</w:tblBorders><w:tblCellMar>"
            '<w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
            '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
        )
    )
    el.append(
        parse_xml(
            f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/>'
            '<w:color w:val="FFFFFF"/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>'
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
            "</w:tblStylePr>"
        )
    )


def _table_look(table: Table, header: bool = True) -> None:
    """Header-row formatting on (or off); first-column and banding formatting off."""
    tblpr = table._tbl.tblPr
    for old in tblpr.findall(qn("w:tblLook")):
        tblpr.remove(old)
    look = OxmlElement("w:tblLook")
    for k, v in (("w:val", "0420" if header else "0600"), ("w:firstRow", "1" if header else "0"), ("w:lastRow", "0"),
                 ("w:firstColumn", "0"), ("w:lastColumn", "0"), ("w:noHBand", "1"),
                 ("w:noVBand", "1")):  # fmt: skip
        look.set(qn(k), v)
    tblpr.append(look)


def _fixed_layout(table: Table, widths: Sequence[float]) -> None:
    """Column widths that Word and LibreOffice both honour (fixed layout + grid)."""
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Cm(w)


def _row_flags(row: object, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    cant = OxmlElement("w:cantSplit")
    trpr.append(cant)
    if header:
        el = OxmlElement("w:tblHeader")
        trpr.append(el)


def _bottom_rule(p: Paragraph) -> None:
    """A dark rule under a paragraph (the title page)."""
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "12"), ("w:space", "8"), ("w:color", HEADER_FILL)):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)
    p.paragraph_format.space_after = Pt(18)


def _keep_with_next(p: Paragraph) -> None:
    p.paragraph_format.keep_with_next = True


def _left_bar(p: Paragraph, color: str) -> None:
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    left.set(qn("w:val"), "single")
    left.set(qn("w:sz"), "18")
    left.set(qn("w:space"), "8")
    left.set(qn("w:color"), color.lstrip("#").upper() if color else "2E5C8A")
    bdr.append(left)
    ppr.append(bdr)


# --- the writer --------------------------------------------------------------------------------


class ReportWriter:
    """Builds the Word document from :class:`ReportData`."""

    def __init__(self, data: ReportData, progress: ProgressState | None = None) -> None:
        self.data = data
        self.t = Text(data.language)
        self.progress = progress or NullProgress()
        self.doc: DocxDocument = new_docx()
        self.tables = 0
        self.figures = 0
        self._styles: dict[str, object] = {}
        self._setup()

    def style(self, name: str) -> object:
        """A style object, looked up once (python-docx's lookup by name is slow)."""
        st = self._styles.get(name)
        if st is None:
            st = self._styles[name] = self.doc.styles[name]
        return st

    def _apply(self, p: Paragraph, name: str | None) -> Paragraph:
        if name:
            p._p.style = self.style(name).style_id  # type: ignore[attr-defined]
        return p

    # -- document set-up --
    def _setup(self) -> None:
        doc, t = self.doc, self.t
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Cm(2.5)
        sec.top_margin = Cm(2.5)
        sec.bottom_margin = Cm(2.2)
        sec.header_distance = sec.footer_distance = Cm(1.2)
        sec.different_first_page_header_footer = True
        styles = doc.styles
        tag = LANG_TAGS.get(t.language, "en-GB")
        normal = styles["Normal"]
        _set_font(normal, FONT)
        _set_lang(normal, tag)
        normal.font.size = Pt(11)
        pf = normal.paragraph_format
        pf.space_after = Pt(6)
        pf.line_spacing = 1.12
        for level, size, before, color in (
            (1, 17, 18, DARK),
            (2, 13.5, 14, DARK),
            (3, 11.5, 10, ACCENT),
        ):
            st = styles[f"Heading {level}"]
            _set_font(st, FONT)
            st.font.size = Pt(size)
            st.font.bold = True
            st.font.italic = False
            st.font.color.rgb = color
            st.paragraph_format.space_before = Pt(before)
            st.paragraph_format.space_after = Pt(6 if level > 1 else 8)
            st.paragraph_format.keep_with_next = True
        h1 = styles["Heading 1"].paragraph_format
        h1.page_break_before = False
        title = styles["Title"]
        _set_font(title, FONT)
        title.font.size = Pt(30)
        title.font.bold = True
        title.font.color.rgb = DARK
        title.paragraph_format.space_after = Pt(12)
        # The template's Title has a bottom border; keep the page clean.
        ppr = title.element.pPr
        if ppr is not None:
            for bdr in ppr.findall(qn("w:pBdr")):
                ppr.remove(bdr)
        sub = styles["Subtitle"]
        _set_font(sub, FONT)
        sub.font.size = Pt(15)
        sub.font.italic = False
        sub.font.color.rgb = ACCENT
        cap = styles["Caption"]
        _set_font(cap, FONT)
        cap.font.size = Pt(9)
        cap.font.bold = False
        cap.font.italic = True
        cap.font.color.rgb = DARK
        cap.paragraph_format.space_before = Pt(4)
        cap.paragraph_format.space_after = Pt(10)
        for name in ("List Bullet", "Header", "Footer"):
            _set_font(styles[name], FONT)
        styles["Header"].font.size = Pt(8.5)
        styles["Header"].font.color.rgb = GREY
        styles["Footer"].font.size = Pt(9)
        styles["Footer"].font.color.rgb = GREY

        def para_style(name: str, size: float, **kw: object) -> None:
            st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = normal
            st.font.size = Pt(size)
            for k, v in kw.items():
                if k == "color":
                    st.font.color.rgb = v  # type: ignore[assignment]
                elif k == "italic":
                    st.font.italic = bool(v)
                elif k == "bold":
                    st.font.bold = bool(v)
                else:
                    setattr(st.paragraph_format, k, v)

        para_style("Table Text", 9.5, space_after=Pt(0), line_spacing=1.0)
        para_style("Quote Text", 10.5, left_indent=Cm(0.8), right_indent=Cm(0.6),
                   space_before=Pt(6), space_after=Pt(1), color=RGBColor(0x26, 0x26, 0x26))  # fmt: skip
        para_style("Quote Source", 8.5, left_indent=Cm(0.8), space_after=Pt(8), color=GREY)
        para_style("Note", 8.5, color=GREY, space_after=Pt(6))
        para_style("Memo Label", 8.5, color=GREY, space_after=Pt(2), italic=True)
        para_style("Definition", 10.5, left_indent=Cm(0), space_after=Pt(6))
        for level in (1, 2, 3):
            st = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = normal
            st.font.size = Pt(11 if level == 1 else 10.5)
            st.font.bold = level == 1
            st.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            st.paragraph_format.space_before = Pt(6 if level == 1 else 0)
            st.paragraph_format.space_after = Pt(2)
            st.paragraph_format.tab_stops.add_tab_stop(
                Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
        _table_style(styles)
        # Word updates fields (TOC, page numbers, SEQ) when the file is opened.
        settings = doc.settings.element
        upd = OxmlElement("w:updateFields")
        upd.set(qn("w:val"), "true")
        settings.append(upd)
        props = doc.core_properties
        props.title = self.data.title
        props.subject = t("subtitle")
        props.author = "Tematik"
        props.language = tag
        props.keywords = ", ".join(th.root.name for th in self.data.themes)
        self._header_footer(sec)

    def _header_footer(self, sec: object) -> None:
        t = self.t
        header = sec.header  # type: ignore[attr-defined]
        header.is_linked_to_previous = False
        hp = header.paragraphs[0]
        hp.text = self.data.title + (
            f"  ·  {t('pseudonymized_mark')}" if self.data.pseudonymized else ""
        )
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = sec.footer  # type: ignore[attr-defined]
        footer.is_linked_to_previous = False
        fp = footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fp.add_run(f"{t('page')} ")
        _field(fp, "PAGE", "1")
        fp.add_run(f" {t('of')} ")
        _field(fp, "NUMPAGES", "1")

    # -- building blocks --
    def heading(self, text: str, level: int) -> Paragraph:
        return self.para(text, f"Heading {level}")

    def para(self, text: str = "", style: str | None = None) -> Paragraph:
        return self._apply(self.doc.add_paragraph(text), style)

    def labelled(self, label: str, text: str, style: str = "Definition") -> Paragraph:
        p = self.para(style=style)
        p.add_run(f"{label}: ").bold = True
        p.add_run(text)
        return p

    def caption(self, kind: str, text: str) -> Paragraph:
        """A Caption paragraph 'Tabel 3: …' with a SEQ field."""
        if kind == "table":
            self.tables += 1
            n, label = self.tables, self.t("table")
        else:
            self.figures += 1
            n, label = self.figures, self.t("figure")
        p = self.para(style="Caption")
        p.add_run(f"{label} ")
        _field(p, f"SEQ {label} \\* ARABIC", str(n))
        p.add_run(f": {text}")
        if kind == "table":
            _keep_with_next(p)
        return p

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        numeric: Sequence[bool] | None = None,
        strong_rows: Sequence[int] = (),
        indents: Sequence[int] | None = None,
    ) -> Table:
        """A table with a repeating shaded header row and right-aligned numbers."""
        numeric = numeric or [False] * len(header)
        tbl = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        tbl.style = self.style(TABLE_STYLE)
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl.autofit = False
        _fixed_layout(tbl, widths)
        _table_look(tbl)
        strong = set(strong_rows)
        for r, values in enumerate([list(header), *[list(x) for x in rows]]):
            row = tbl.rows[r]
            _row_flags(row, header=r == 0)
            cells = row.cells
            for c, value in enumerate(values):
                cell = cells[c]
                cell.width = Cm(widths[c])
                p = cell.paragraphs[0]
                self._apply(p, "Table Text")
                indent = indents[r - 1] if (indents and r > 0 and c == 0) else 0
                if indent:
                    p.paragraph_format.left_indent = Cm(0.35 * indent)
                run = p.add_run(value)
                if numeric[c]:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if r else WD_ALIGN_PARAGRAPH.CENTER
                if r == 0:
                    run.bold = True
                    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                    _shade(cell, HEADER_FILL)
                elif (r - 1) in strong:
                    run.bold = True
                    _shade(cell, THEME_FILL)
                elif r % 2 == 0:
                    _shade(cell, ZEBRA_FILL)
        # No paragraph is ever directly after a table in Word without a gap: add a small one.
        return tbl

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- sections --
    def title_page(self) -> None:
        d, t = self.data, self.t
        for _ in range(6):
            self.para()
        self.para(d.title, "Title")
        sub = self.para(t("subtitle"), "Subtitle")
        _bottom_rule(sub)
        self.para()
        meta = [
            (t("date"), t.date(d.today)),
            (t("prepared_by"), t.join([c[0] for c in d.coders]) or "–"),
        ]
        for label, value in meta:
            p = self.para()
            p.add_run(f"{label}: ").bold = True
            p.add_run(value)
        if d.description:
            self.para(d.description)
        for _ in range(10):
            self.para()
        p = self.para(t("confidential"), style="Note")
        if d.pseudonymized:
            self.para(t("pseudonymized_mark"), style="Note")
        p = self.para(t("generated"), style="Note")
        p.add_run().add_break(WD_BREAK.PAGE)

    def contents(self) -> None:
        """The TOC field, pre-filled with the headings (Word rebuilds it with page numbers)."""
        t = self.t
        h = self.para(t("contents"), "TOC Heading")
        _set_font(self.doc.styles["TOC Heading"], FONT)
        self.doc.styles["TOC Heading"].font.color.rgb = DARK
        h.paragraph_format.space_after = Pt(12)
        entries = self._toc_entries()
        first = self.para(style="toc 1")
        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        begin.set(qn("w:dirty"), "true")
        first.add_run()._r.append(begin)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = ' TOC \\o "1-3" \\h \\z \\u '
        first.add_run()._r.append(instr)
        sep = OxmlElement("w:fldChar")
        sep.set(qn("w:fldCharType"), "separate")
        first.add_run()._r.append(sep)
        last = first
        for i, (level, text) in enumerate(entries):
            p = self._apply(first, f"toc {level}") if i == 0 else self.para(style=f"toc {level}")
            p.add_run(text)
            last = p
        if not entries:
            first.add_run(t("toc_placeholder"))
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        last.add_run()._r.append(end)
        self.para(t("toc_placeholder"), style="Note").paragraph_format.space_before = Pt(12)
        self.page_break()

    def _toc_entries(self) -> list[tuple[int, str]]:
        t, d = self.t, self.data
        out = [(1, t("summary")), (1, t("method")), (1, t("overview"))]
        for th in d.themes:
            out.append((1, th.root.name))
            if th.key_terms:
                out.append((2, t("key_terms")))
            for c in th.codes:
                if c.depth <= 2:
                    out.append((min(c.depth + 1, 3), c.name))
        out.append((1, t("appendix_codebook")))
        if d.agreement:
            out.append((1, t("appendix_agreement")))
        return out

    def summary(self) -> None:
        d, t = self.data, self.t
        self.heading(t("summary"), 1)
        total = len(d.documents)
        self.para(
            t(
                "summary_intro",
                docs=t.count("interview", total),
                codings=t.count("coding", d.total_codings),
                coders=t.join(d.used_coders) or "–",
            )
        )
        for th in d.themes:
            ranked = sorted(
                [c for c in (th.codes or [th.root]) if c.interviews > 0],
                key=lambda c: (-c.interviews, -c.codings, c.name),
            )[:3]
            if ranked:
                items = t.join(
                    [t("summary_item", code=c.name, n=c.interviews, total=total) for c in ranked]
                )
                text = t("summary_theme", theme=th.root.name, items=items)
            else:
                text = t("summary_theme_none", theme=th.root.name)
            p = self.para(style="List Bullet")
            head, _, rest = text.partition(":")
            p.add_run(head + ":").bold = True
            p.add_run(rest)

    def method(self) -> None:
        d, t = self.data, self.t
        self.heading(t("method"), 1)
        self.heading(t("method_data"), 2)
        docs_text = t.count("interview", len(d.documents))
        table_no = self.tables + 1
        if d.grouping:
            self.para(t("method_docs", docs=docs_text, grouping=d.grouping, table=table_no))
        else:
            self.para(t("method_docs_nogroup", docs=docs_text, table=table_no))
        roles = dict(
            zip(("analyst", "supervisor", "consensus"), t("coder_roles").split("|"), strict=True)
        )
        coders = [f"{name} ({roles.get(role, role)})" for name, role, _ in d.coders]
        self.para(
            t("method_coders", coders=t.join(coders) or "–", used=t.join(d.used_coders) or "–")
        )
        n_codes = sum(len(th.codes) for th in d.themes)
        self.para(
            t(
                "method_codebook",
                codebook=d.codebook_name,
                codes=t.count("code", n_codes),
                themes=t.count("theme", len(d.themes)),
            )
        )
        self.caption("table", t("docs_table_caption"))
        header = [t("col_interview"), t("col_group"), t("col_words"), t("col_codings")]
        rows = [
            [doc.name, doc.group or "–", t.integer(doc.words), t.integer(doc.codings)]
            for doc in d.documents
        ]
        if not d.grouping:
            header.pop(1)
            rows = [r[:1] + r[2:] for r in rows]
            widths = [10.0, 3.0, 3.0]
        else:
            widths = [6.6, 4.6, 2.4, 2.4]
        self.table(header, rows, widths, numeric=[False] * (len(header) - 2) + [True, True])
        self.para()
        self.heading(t("method_agreement"), 2)
        if d.agreement:
            self.agreement_method(d.agreement)
        else:
            self.para(d.agreement_note or t("agreement_na"))
        rule = self._rule
        self.heading(t("method_quotes"), 2)
        self.para(
            t(
                "method_quotes_text",
                count=rule.count,
                maximum=rule.maximum,
                ideal=rule.ideal_chars,
                min_chars=rule.min_chars,
                max_chars=rule.max_chars,
            )
        )
        self.heading(t("method_terms"), 2)
        self.para(t("method_terms_text", min_freq=self._min_freq))
        if d.pseudonymized:
            self.heading(t("method_pseudo"), 2)
            self.para(t("method_pseudo_text"))

    _rule = None  # set by write()
    _min_freq = 3

    def overview(self) -> None:
        d, t = self.data, self.t
        groups = d.groups if d.grouping else []
        wide = len(groups) > 5
        if wide:
            new = self.doc.add_section(WD_SECTION.NEW_PAGE)
            new.different_first_page_header_footer = False
            new.orientation = WD_ORIENT.LANDSCAPE
            new.page_width, new.page_height = Mm(297), Mm(210)
        self.heading(t("overview"), 1)
        table_no = self.tables + 1
        if groups:
            self.para(t("overview_intro", table=table_no, grouping=d.grouping))
            self.caption("table", t("overview_caption", grouping=d.grouping))
        else:
            self.para(t("overview_intro_nogroup", table=table_no))
            self.caption("table", t("overview_caption_nogroup"))
        width = LANDSCAPE_TEXT_WIDTH_CM if wide else TEXT_WIDTH_CM
        header = [t("col_code"), t("col_total")] + [f"{g}\n(n = {n})" for g, n in groups]
        rows: list[list[str]] = []
        strong: list[int] = []
        indents: list[int] = []

        def cell(i: int, c: int) -> str:
            return f"{i} ({c})"

        for th in d.themes:
            for code in [th.root, *th.codes]:
                if code.depth == 0:
                    strong.append(len(rows))
                indents.append(code.depth)
                rows.append(
                    [code.name, cell(code.interviews, code.codings)]
                    + [cell(i, c) for i, c in code.by_group]
                )
        if groups:
            other = max(1.45, min(2.4, (width - 5.2 - 1.8) / len(groups)))
            first = max(4.2, width - 1.8 - other * len(groups))
            widths = [first, 1.8] + [other] * len(groups)
        else:
            header = [t("col_code"), t("col_interviews"), t("col_codings_short")]
            rows = [[r[0], r[1].split(" ")[0], r[1].split("(")[1].rstrip(")")] for r in rows]
            widths = [width - 5.0, 2.5, 2.5]
        self.table(header, rows, widths, numeric=[False] + [True] * (len(header) - 1),
                   strong_rows=strong, indents=indents)  # fmt: skip
        self.para(
            t("overview_note") if groups else "", style="Note"
        ).paragraph_format.space_before = Pt(4)
        if groups:
            self.charts(groups, width)
        if wide:
            new = self.doc.add_section(WD_SECTION.NEW_PAGE)
            new.different_first_page_header_footer = False
            new.orientation = WD_ORIENT.PORTRAIT
            new.page_width, new.page_height = Mm(210), Mm(297)

    def charts(self, groups: list[tuple[str, int]], width: float = TEXT_WIDTH_CM) -> None:
        d, t = self.data, self.t
        themes = [th for th in d.themes if th.root.interviews or th.codes]
        if not themes:
            return
        first = self.figures + 1
        last = self.figures + len(themes)
        self.para(t("chart_intro", first=first, last=f"–{last}" if last > first else ""))
        for th in themes:
            check_cancel(self.progress)
            png = prevalence_chart(th, groups, t, width_cm=width)
            p = self.para()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _keep_with_next(p)
            p.add_run().add_picture(io.BytesIO(png), width=Cm(width))
            self.caption("figure", t("chart_caption", theme=th.root.name))

    def theme(self, th: ThemeReport) -> None:
        t = self.t
        total = len(self.data.documents)
        root = th.root
        self.heading(root.name, 1).paragraph_format.page_break_before = True
        if root.definition:
            self.labelled(t("definition"), root.definition)
        self.para(
            t(
                "theme_intro_prev",
                n=root.interviews,
                total=total,
                pct=t.percent(root.interviews / total if total else 0),
                codings=t.count("coding", root.codings),
            )
        )
        self.memos(root, optional=True)
        if root.quotes:
            self.quotes(root)
        if th.key_terms or root.interviews:
            self.key_terms(th)
        for code in th.codes:
            check_cancel(self.progress)
            self.code(code)

    def code(self, code: CodeReport) -> None:
        t = self.t
        total = len(self.data.documents)
        self.heading(code.name, min(code.depth + 1, 3))
        if code.definition:
            self.labelled(t("definition"), code.definition)
        if code.interviews:
            p = self.para()
            p.add_run(f"{t('prevalence')}: ").bold = True
            p.add_run(
                t(
                    "prevalence_text",
                    n=code.interviews,
                    total=total,
                    pct=t.percent(code.interviews / total if total else 0),
                    codings=t.count("coding", code.codings),
                )
            )
            groups = self.data.groups if self.data.grouping else []
            items = [
                f"{g} {i} {t('of')} {n}"
                for (g, n), (i, _c) in zip(groups, code.by_group, strict=True)
                if i
            ]
            if items and 1 < len(groups) <= 6:
                p.add_run(" " + t("prevalence_groups", items="; ".join(items)))
        else:
            p = self.para()
            p.add_run(f"{t('prevalence')}: ").bold = True
            p.add_run(t("prevalence_none"))
        self.memos(code)
        if code.quotes:
            self.quotes(code)

    def memos(self, code: CodeReport, optional: bool = False) -> None:
        t = self.t
        if not code.memos:
            if not optional and code.interviews:
                self.para(t("no_memo"), style="Note")
            return
        p = self.para()
        p.add_run(f"{t('analysis')}").bold = True
        _keep_with_next(p)
        for coder, text in code.memos:
            if len(code.memos) > 1 or coder:
                label = self.para(t("memo_by", coder=coder or "–"), style="Memo Label")
                _keep_with_next(label)
            for chunk in [c.strip() for c in text.split("\n\n") if c.strip()]:
                self.para(chunk.replace("\n", " "))

    def quotes(self, code: CodeReport) -> None:
        t = self.t
        p = self.para()
        p.add_run(t("quotes")).bold = True
        _keep_with_next(p)
        for q in code.quotes:
            self.quote(q, code.color)

    def quote(self, q: Quote, color: str) -> None:
        t = self.t
        p = self.para(style="Quote Text")
        _left_bar(p, color)
        _keep_with_next(p)
        p.add_run(q.text)
        if q.trimmed:
            p.add_run(f" {ELLIPSIS}")
        speaker = t("speaker_label", speaker=q.speaker) if q.speaker else ""
        src = t(
            "quote_source",
            speaker=speaker,
            document=q.document,
            start=t.integer(q.start + 1),
            end=t.integer(q.end),
        )
        if q.pinned:
            src += f" · {t('pinned')}"
        s = self.para(f"— {src}", "Quote Source")
        s.paragraph_format.keep_together = True

    def key_terms(self, th: ThemeReport) -> None:
        t = self.t
        self.heading(t("key_terms"), 2)
        if not th.key_terms:
            self.para(t("key_terms_none"), style="Note")
            return
        self.caption("table", t("key_terms_caption", theme=th.root.name))
        rows = [
            [
                k.lemma,
                t.integer(k.freq),
                t.integer(k.ref_freq),
                t.decimal(k.log_likelihood, 1),
                t.decimal(k.log_ratio, 2),
            ]
            for k in th.key_terms
        ]
        self.table(
            [t("col_lemma"), t("col_freq"), t("col_ref_freq"), t("col_ll"), t("col_lr")],
            rows,
            [4.4, 3.0, 3.0, 2.8, 2.8],
            numeric=[False, True, True, True, True],
        )
        self.para()

    def appendix_codebook(self) -> None:
        d, t = self.data, self.t
        self.page_break()
        self.heading(t("appendix_codebook"), 1)
        self.para(
            t(
                "appendix_codebook_intro",
                codebook=d.codebook_name,
                description=d.codebook_description,
            ).strip()
        )
        for th in d.themes:
            check_cancel(self.progress)
            self.heading(th.root.name, 2)
            if th.root.definition:
                self.para(th.root.definition)
            for code in th.codes:
                self.heading(code.name, 3)
                fields = [
                    (t("cb_definition"), code.definition),
                    (t("cb_inclusion"), code.inclusion),
                    (t("cb_exclusion"), code.exclusion),
                    (
                        t("cb_example"),
                        f"»{code.example}«"
                        if code.example and t.language == "da"
                        else (f"“{code.example}”" if code.example else ""),
                    ),
                    (t("cb_terms"), ", ".join(code.terms)),
                ]
                fields = [(k, v) for k, v in fields if v]
                if not fields:
                    continue
                tbl = self.doc.add_table(rows=len(fields), cols=2)
                tbl.style = self.style(TABLE_STYLE)
                tbl.autofit = False
                _fixed_layout(tbl, [3.2, 12.8])
                _table_look(tbl, header=False)
                for r, (k, v) in enumerate(fields):
                    row = tbl.rows[r]
                    _row_flags(row)
                    a, b = row.cells
                    a.width, b.width = Cm(3.2), Cm(12.8)
                    pa, pb = a.paragraphs[0], b.paragraphs[0]
                    self._apply(pa, "Table Text")
                    self._apply(pb, "Table Text")
                    pa.add_run(k).bold = True
                    pb.add_run(v)
                    if r < len(fields) - 1:  # keep a code's table on one page
                        pa.paragraph_format.keep_with_next = True
                        pb.paragraph_format.keep_with_next = True
                    _shade(a, THEME_FILL)
                self.para().paragraph_format.space_after = Pt(2)

    def agreement_method(self, ag: AgreementSummary) -> None:
        """The method section's agreement summary: the overall figures, the verdict bands and
        how uncoded text is treated."""
        t = self.t
        overall = ag.overall.values
        turn = ""
        if ag.turns:
            turn = t(
                "method_agreement_turn",
                alpha=t.decimal(overall.get("turn_alpha", math.nan), 3),
                ci=t.interval(
                    overall.get("turn_alpha_low", math.nan),
                    overall.get("turn_alpha_high", math.nan),
                ),
            )
        kappa = agreement_cell(t, "char_kappa", overall)
        if len(ag.coders) > 2:
            kappa += t("method_agreement_kappa_mean")
        self.para(
            t(
                "method_agreement_text",
                coders=t.join(ag.coders),
                docs=t.count("interview", ag.documents),
                codes=t.count("code", ag.codes),
                u_alpha=agreement_cell(t, "u_alpha", overall),
                verdict=t(f"verdict_{verdict(overall.get('u_alpha', math.nan))}"),
                kappa=kappa,
                turn=turn,
            )
            + " "
            + t(
                "method_agreement_bands",
                reliable=t.decimal(ag.reliable, 3),
                tentative=t.decimal(ag.tentative, 3),
            )
        )
        p = self.para(t("method_agreement_uncoded"))
        _keep_with_next(p)
        keys = ["treatment_character", *(["treatment_turn"] if ag.turns else [])]
        for key in [*keys, "treatment_unitizing"]:
            head, _, rest = t(key).partition(": ")
            item = self.para(style="List Bullet")
            item.add_run(head + ": ").bold = True
            item.add_run(rest)
        self.para(t("method_agreement_ref"))

    def appendix_agreement(self) -> None:
        """Appendix B: codes x statistics of the comparison, verdicts in colour bands, and the
        overall row."""
        d, t = self.data, self.t
        ag = d.agreement
        if not ag:
            return
        self.page_break()
        self.heading(t("appendix_agreement"), 1)
        coders = t.join(ag.coders)
        mean = t("method_agreement_kappa_mean") if len(ag.coders) > 2 else ""
        self.para(
            t(
                "appendix_agreement_intro",
                coders=coders,
                docs=t.count("interview", ag.documents),
                mean=mean,
            )
        )
        self.caption("table", t("agreement_caption", coders=coders))
        keys = [k for k in AGREEMENT_COLUMNS if ag.turns or not k.startswith("turn")]
        header = [t("col_code"), *[t(AGREEMENT_HEADERS[k]) for k in keys], t("col_verdict")]
        rows: list[list[str]] = []
        strong: list[int] = []
        indents: list[int] = []
        verdicts: list[tuple[int, str]] = []  # (table row, verdict)
        theme = None
        for r in ag.rows:
            if r.code_id is not None and r.theme != theme:
                theme = r.theme
                if r.depth > 0:  # a theme line, as in the overview table
                    strong.append(len(rows))
                    indents.append(0)
                    rows.append([theme, *[""] * (len(keys) + 1)])
            if r.code_id is None:
                strong.append(len(rows))
            verdicts.append((len(rows) + 1, r.verdict))
            indents.append(r.depth)
            rows.append(
                [
                    t("overall") if r.code_id is None else r.name,
                    *[agreement_cell(t, k, r.values) for k in keys],
                    t(f"verdict_{r.verdict}"),
                ]
            )
        widths = {"u_alpha": 1.5, "char_kappa": 1.5, "coded_agreement": 2.2, "turn_alpha": 3.3}
        code_width = TEXT_WIDTH_CM - 2.4 - sum(widths[k] for k in keys)
        tbl = self.table(
            header,
            rows,
            [code_width, *[widths[k] for k in keys], 2.4],
            numeric=[False, *[True] * len(keys), False],
            strong_rows=strong,
            indents=indents,
        )
        for r, v in verdicts:
            if v in BAND_FILLS:
                _shade(tbl.rows[r].cells[-1], BAND_FILLS[v])
        self.para()

    # -- everything --
    def write(
        self,
        target: str | io.BytesIO,
        rule: object,
        min_freq: int = 3,
        step: Callable[[str], None] | None = None,
    ) -> None:
        """Build the whole document and save it to ``target``."""
        self._rule = rule
        self._min_freq = min_freq
        step = step or (lambda _m: None)
        self.title_page()
        self.contents()
        self.summary()
        self.method()
        step("overview")
        self.overview()
        for th in self.data.themes:
            check_cancel(self.progress)
            step(th.root.name)
            self.theme(th)
        self.appendix_codebook()
        self.appendix_agreement()
        check_cancel(self.progress)
        self.doc.save(target)
