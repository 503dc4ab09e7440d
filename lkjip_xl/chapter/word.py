"""Word building blocks of the chapter: A4 pages, captions as SEQ fields, the lists of tables and
figures as TOC fields, tables laid out like the printed report, draft paragraphs, and a
reproducible file.

Everything here is python-docx plus the few WordprocessingML elements it has
no API for (fields, row properties, shading), each written once:

- :func:`new_document`: A4 portrait, report fonts, the draft paragraph style;
- :func:`caption`: "Tabel 3.N Judul" whose N is a ``SEQ Tabel`` field (Word renumbers the
  tables when a user inserts one) with its number as the field's result;
- :func:`list_field`: the *Daftar Tabel* / *Daftar Gambar* as a ``TOC \\c`` field Word updates, its
  result filled with the captions so it reads right before any update;
- :func:`add_table`: a :class:`~lkjip_xl.chapter.grid.Block` as a Word table: merges, grey header
  rows repeated on every page, no row split across pages, widths in proportion to the workbook's;
- :func:`set_orientation`: a new section in landscape or portrait;
- :func:`save`: fixed core properties and zip stamps, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ..messages import LABELS, visible
from ..styles import GROUP_GREY, HEADER_GREY, LOCKED_GREY
from .grid import Block

FONT = "Arial"
BODY_PT, TABLE_PT = 11, 9
#: Page A4, margins of the printed report (left 3 cm for binding).
PAGE = (Mm(210), Mm(297))
MARGINS = {"left": Cm(3), "right": Cm(2.5), "top": Cm(2.5), "bottom": Cm(2.5)}
#: Shading of header rows, group rows and draft paragraphs: the workbooks' greys (:mod:`lkjip_xl.styles`).
HEADER_SHADE, GROUP_SHADE, DRAFT_SHADE = (colour.lstrip("#") for colour in (HEADER_GREY, GROUP_GREY, LOCKED_GREY))
#: The paragraph styles staff see in Word's style list.
DRAFT_STYLE, NOTE_STYLE = LABELS["chapter_style_draft"], LABELS["chapter_style_note"]
#: Columns from which a table goes on a landscape page.
LANDSCAPE_COLUMNS = 9
#: The stamp of every part of the file (zip entries cannot be older than 1980).
ZIP_STAMP = (1980, 1, 1, 0, 0, 0)


def clean(text: str) -> str:
    """``text`` as Word may hold it: line breaks and tabs kept (a run writes them as breaks and tabs),
    every other control or hidden character shown, not obeyed (:func:`~lkjip_xl.messages.visible`)."""
    return "\n".join("\t".join(visible(part) for part in line.split("\t")) for line in text.split("\n"))


def new_document():
    """An empty A4 portrait document with the report's fonts and the draft paragraph style."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    for side, size in MARGINS.items():
        setattr(section, f"{side}_margin", size)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Caption", "Title"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.color.rgb = None
    caption_style = document.styles["Caption"]
    caption_style.font.size = Pt(10)
    caption_style.font.bold = True
    caption_style.font.italic = False
    caption_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption_style.paragraph_format.keep_with_next = True
    caption_style.paragraph_format.space_before = Pt(12)
    draft = document.styles.add_style(DRAFT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    draft.base_style = normal
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _shade(draft.element.get_or_add_pPr(), DRAFT_SHADE)
    notes = document.styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    notes.base_style = normal
    notes.font.size = Pt(TABLE_PT)
    notes.font.italic = True
    _update_fields_on_open(document.settings.element)
    return document


#: The elements of a settings part that come after ``w:updateFields`` (ECMA-376 CT_Settings order).
_AFTER_UPDATE_FIELDS = {qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator")} | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


def _update_fields_on_open(settings) -> None:
    """Word asks to update the fields when the document is opened: the Daftar Tabel and Daftar Gambar get
    their page numbers (and the captions their numbers) without the user knowing of F9."""
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    later = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if later is None:
        settings.append(update)
    else:
        later.addprevious(update)


def _shade(properties, fill: str) -> None:
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), fill)
    properties.append(shade)


def _field_runs(paragraph, instruction: str, result: str) -> None:
    """A complex field ``instruction`` whose shown result is ``result``, appended to ``paragraph``."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    paragraph.add_run()._r.append(text)
    char("separate")
    paragraph.add_run(result)
    char("end")


def caption(document, word: str, chapter: int, number: int, title: str, restart: bool = False):
    """"<word> <chapter>.<number> <title>" with ``number`` a ``SEQ <word>`` field (restarted at ``number``
    when ``restart``); the caption style keeps it with the table or figure that follows."""
    paragraph = document.add_paragraph(style="Caption")
    paragraph.add_run(f"{word} {chapter}.")
    _field_runs(paragraph, f"SEQ {word} \\* ARABIC" + (f" \\r {number}" if restart else ""), str(number))
    paragraph.add_run(clean(f" {title}"))
    return paragraph


def plain_caption(document, title: str):
    """The caption of an unnumbered table: same style, no field, so no list names it."""
    return document.add_paragraph(clean(title), style="Caption")


def list_field_after(heading, word: str, entries: Sequence[str]) -> None:
    """After the paragraph ``heading``: a ``TOC \\h \\z \\c "<word>"`` field listing every caption of
    ``word``, its result holding ``entries`` (Word adds the page numbers on update: F9, or Referensi ›
    Perbarui Tabel).  Written once every caption is known, then moved into place."""
    document = heading.part.document
    lines = list(entries) or [""]
    start = len(document.paragraphs)
    first = document.add_paragraph()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    first.add_run()._r.append(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f' TOC \\h \\z \\c "{word}" '
    first.add_run()._r.append(text)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    first.add_run()._r.append(separate)
    first.add_run(clean(lines[0]))
    last = first
    for line in lines[1:]:
        last = document.add_paragraph(clean(line))
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    last.add_run()._r.append(end)
    anchor = heading._p
    for paragraph in document.paragraphs[start:]:
        anchor.addnext(paragraph._p)
        anchor = paragraph._p


def picture(document, png: bytes, width_cm: float) -> None:
    """A figure, centred, ``width_cm`` wide (the width it was drawn for, so its text prints at its size)."""
    document.add_picture(io.BytesIO(png), width=Cm(width_cm))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.paragraphs[-1].paragraph_format.keep_with_next = True


def set_orientation(document, landscape: bool) -> None:
    """Go on in a new section (new page) in landscape or portrait, unless the last section already is."""
    current = document.sections[-1]
    if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    section = document.add_section(WD_SECTION.NEW_PAGE)
    width, height = PAGE
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)


#: The width of one character of the table font, and the padding of a cell (EMU).
CHAR_WIDTH, CELL_PADDING = Cm(0.2), Cm(0.45)


def _needed(block: Block) -> list[int]:
    """Per column, the characters of its longest word (a number, "Rp", a unit: Word breaks lines only at
    spaces)."""
    needed = [2] * block.columns
    for line in block.grid:
        for c, cell in enumerate(line):
            if cell is None or cell.cols > 1 or not cell.text:
                continue
            needed[c] = max(needed[c], *(len(word) for word in cell.text.split()))
    return needed


def column_widths(block: Block, text_width: int) -> list[int]:
    """Column widths (EMU) filling ``text_width``: every column at least as wide as its widest number or
    word (:func:`_needed`), the space left shared in proportion to the workbook's widths."""
    least = [CHAR_WIDTH * n + CELL_PADDING for n in _needed(block)]
    total = sum(block.widths) or 1
    wanted = [max(low, text_width * width / total) for low, width in zip(least, block.widths)]
    spare = sum(w - low for w, low in zip(wanted, least))
    excess = sum(wanted) - text_width
    if excess > 0 and spare > 0:  # take the excess from the columns wider than they need
        wanted = [w - (w - low) * min(1.0, excess / spare) for w, low in zip(wanted, least)]
    return [int(w) for w in wanted]


def needs_landscape(block: Block) -> bool:
    """A table goes on a landscape page when it has many columns or its numbers and words cannot fit the
    portrait text width."""
    portrait = PAGE[0] - MARGINS["left"] - MARGINS["right"]
    return block.columns >= LANDSCAPE_COLUMNS or sum(column_widths(block, portrait)) > portrait


def _row_properties(row, header: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _cell_text(cell, text: str, bold: bool, centred: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(clean(text))
    run.font.size = Pt(TABLE_PT)
    run.bold = bold or None


def add_table(document, block: Block) -> None:
    """``block``'s grid as a bordered table as wide as the text area, header rows shaded and repeated."""
    rows, cols = len(block.grid), block.columns
    table = document.add_table(rows=rows, cols=cols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    section = document.sections[-1]
    widths = column_widths(block, section.page_width - section.left_margin - section.right_margin)
    for col, width in enumerate(widths):
        table.columns[col].width = width
    cells = [list(row.cells) for row in table.rows]  # once: python-docx finds a cell by walking the table
    for r, row in enumerate(table.rows):
        _row_properties(row, r < block.header_rows)
        for c in range(cols):
            cells[r][c].width = widths[c]
    for r, line in enumerate(block.grid):
        for c, cell in enumerate(line):
            if cell is None:
                continue
            target = cells[r][c]
            if cell.rows > 1 or cell.cols > 1:  # the cells it covers are never touched again
                target = target.merge(cells[min(r + cell.rows, rows) - 1][min(c + cell.cols, cols) - 1])
            _cell_text(target, cell.text, cell.bold or cell.fill == "header", cell.centred or cell.number)
            if cell.fill:
                _shade(target._tc.get_or_add_tcPr(), HEADER_SHADE if cell.fill == "header" else GROUP_SHADE)


def note(document, text: str):
    """A note under a table (or the placeholder of a table prepared by hand): small italic."""
    return document.add_paragraph(clean(text), style=NOTE_STYLE)


def save(document, out: str | Path, title: str, author: str, year: int) -> None:
    """Write ``document`` to ``out`` with fixed core properties (dated 1 January after ``year``) and every
    zip entry stamped :data:`ZIP_STAMP`: the same document gives the same bytes."""
    stamp = datetime.datetime(year + 1, 1, 1, tzinfo=datetime.UTC)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title, author, author
    properties.created = properties.modified = stamp
    properties.last_printed = stamp
    properties.revision = 1
    properties.comments = properties.keywords = properties.subject = properties.category = ""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_STAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
