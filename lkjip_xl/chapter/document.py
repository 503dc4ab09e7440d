"""Bab III Akuntabilitas Kinerja as a Word document (``lkjip-xl laporan``, :func:`make_chapter`).

The chapter is written from the same computed values as the tables
workbook, never typed twice:

1. every input is read and checked exactly as ``lkjip-xl tables`` does
   (:func:`lkjip_xl.tables.load.load_tables_data`);
2. the tables workbook is written to a temporary folder and read back
   (:mod:`lkjip_xl.chapter.grid`): each table in the document shows the
   workbook's cells as the workbook shows them;
3. the facts of each IKK (:mod:`lkjip_xl.chapter.facts`) feed the narrative
   drafts (:mod:`lkjip_xl.chapter.narrative`) and the charts
   (:mod:`lkjip_xl.chapter.charts`);
4. the document is assembled in report order: the lists of tables and
   figures, A. Capaian Kinerja Organisasi (the summary, Tabel 3.1, the
   charts, then per Sasaran Kegiatan and IKK its tables and its draft), B.
   Realisasi Anggaran, C. Capaian Target Kinerja;
5. with ``pdf``, LibreOffice converts it (:func:`lkjip_xl.office.to_pdf`).

The docx and the PDF are written all or nothing, never over an input, never
over an existing file without ``force``.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..fileio import OutputSet
from ..guard import guard_outputs
from ..messages import LABELS, msg, use_words
from ..problems import Problem
from ..tables.budget.efficiency_write import SHEET_EFISIENSI
from ..tables.budget.write import SHEET_CAPAIAN
from ..tables.load import TablesData, checked_inputs, load_tables_data
from ..tables.numbering import ANGGARAN, CHAPTER, EMONEV, RENCANA_AKSI, RINGKASAN
from ..tables.writer import SHEET_TOC, TocEntry, write_tables
from .word import (
    DRAFT_STYLE, add_table, caption, clean, list_field_after, needs_landscape, new_document, note, picture,
    plain_caption, save, set_orientation,
)
from .facts import IkkFacts, facts_from_data
from .grid import Block, read_blocks



@dataclass
class ChapterResult:
    """What :func:`make_chapter` wrote."""

    output: Path
    pdf: Path | None = None
    tables: int = 0  #: numbered tables
    figures: int = 0
    drafts: int = 0  #: draft paragraphs
    warnings: list[Problem] = field(default_factory=list)


class _Chapter:
    """Assembles one document from the blocks of the tables workbook, the facts and the charts."""

    def __init__(self, data: TablesData, blocks: list[Block], toc: list[TocEntry], chapter: int):
        self.data = data
        self.chapter = chapter
        self.doc = new_document()
        self.numbered = {f"{entry.label} {entry.title}": entry for entry in toc if entry.label}
        self.kind_of = {entry.sheet: entry for entry in toc if entry.sheet}
        self.blocks = blocks
        self.table_captions: list[str] = []
        self.figure_captions: list[str] = []
        self.first_table = True
        self.first_figure = True
        self.drafts = 0
        self.section = 0  #: A. is the capaian; B., C., ... follow for the other groups of tables

    # ---- pieces

    def draft(self, text: str) -> None:
        self.doc.add_paragraph(clean(text), style=DRAFT_STYLE)
        self.drafts += 1

    def block(self, block: Block) -> None:
        set_orientation(self.doc, needs_landscape(block))
        entry = self.numbered.get(block.caption)
        if entry is None:
            plain_caption(self.doc, block.caption)
        else:
            number = int(entry.label.rsplit(".", 1)[1])
            caption(self.doc, LABELS["chapter_word_table"], self.chapter, number, entry.title,
                         restart=self.first_table and number != 1)
            self.first_table = False
            self.table_captions.append(block.caption)
        if block.grid:
            add_table(self.doc, block)
        for text in block.notes:
            note(self.doc, text)

    def figure(self, title: str, png: bytes, width_cm: float) -> None:
        set_orientation(self.doc, False)
        number = len(self.figure_captions) + 1
        picture(self.doc, png, width_cm)
        caption(self.doc, LABELS["chapter_word_figure"], self.chapter, number, title)
        self.figure_captions.append(f"{LABELS['chapter_word_figure']} {self.chapter}.{number} {title}")

    # ---- the chapter

    def write(self, facts: list[IkkFacts]) -> None:
        from .charts import chapter_charts
        from .narrative import budget_paragraphs, ikk_paragraphs, summary_paragraphs

        doc, data = self.doc, self.data
        doc.add_paragraph(LABELS["chapter_title"], style="Title")
        doc.add_paragraph(msg("chapter_draft_note"))
        doc.add_paragraph(LABELS["chapter_list_tables"], style="Heading 1")
        tables_list = doc.paragraphs[-1]
        doc.add_paragraph(LABELS["chapter_list_figures"], style="Heading 1")
        figures_list = doc.paragraphs[-1]
        by_sheet: dict[str, list[Block]] = {}
        for block in self.blocks:
            by_sheet.setdefault(block.sheet, []).append(block)
        doc.add_paragraph(f"A. {LABELS['chapter_section_capaian']}", style="Heading 1")
        for text in summary_paragraphs(data, facts):
            self.draft(text)
        summary_sheets = [s for s, e in self.kind_of.items() if e.code == "" and _kind(e) == RINGKASAN]
        for sheet in summary_sheets:
            for block in by_sheet.pop(sheet, []):
                self.block(block)
        for chart in chapter_charts(facts, data.master):
            self.figure(chart.title, chart.png, chart.width_cm)
        code_sheets = {e.code: e.sheet for e in self.kind_of.values() if e.code}
        sk = None
        for item in facts:
            if item.sk_no != sk:
                sk = item.sk_no
                set_orientation(doc, False)
                doc.add_paragraph(clean(msg("chapter_sk_heading", number=item.sk_no, text=item.sk_text)),
                                  style="Heading 2")
            set_orientation(doc, False)
            doc.add_paragraph(clean(msg("chapter_ikk_heading", sk=item.sk_no, number=item.ikk_no, text=item.text)),
                              style="Heading 3")
            for block in by_sheet.pop(code_sheets.get(item.code, ""), []):
                self.block(block)
            for text in ikk_paragraphs(item, data.master.year):
                self.draft(text)
        group = ""
        for sheet, blocks in by_sheet.items():  # the rest in the workbook's (the numbering's) order
            kind = _group(sheet, self.kind_of.get(sheet))
            if kind != group:
                group = kind
                set_orientation(doc, False)
                self.section += 1
                doc.add_paragraph(f"{chr(ord('A') + self.section)}. {LABELS[_GROUP_TITLES[kind]]}",
                                  style="Heading 1")
                if kind == ANGGARAN:
                    for text in budget_paragraphs(data):
                        self.draft(text)
            for block in blocks:
                self.block(block)
        list_field_after(tables_list, LABELS["chapter_word_table"], self.table_captions)
        list_field_after(figures_list, LABELS["chapter_word_figure"], self.figure_captions)


def _kind(entry: TocEntry | None) -> str:
    return entry.kind if entry is not None else ""


#: The section of each group of tables after the IKK: the budget, the action plan and periods, e-Monev.
_GROUP_TITLES = {ANGGARAN: "chapter_section_anggaran", RENCANA_AKSI: "chapter_section_rencana",
                 EMONEV: "chapter_section_emonev"}


def _group(sheet: str, entry: TocEntry | None) -> str:
    """The section a sheet after the IKK sheets belongs to (:data:`_GROUP_TITLES`)."""
    kind = _kind(entry)
    if sheet in (SHEET_EFISIENSI, SHEET_CAPAIAN) or kind == ANGGARAN:
        return ANGGARAN
    return EMONEV if kind == EMONEV else RENCANA_AKSI


def make_chapter(source: str | Path, master: str | Path, out: str | Path, previous: Sequence[str | Path] = (),
                 renstra: str | Path | None = None, anggaran: str | Path | None = None,
                 supporting: str | Path | None = None, start: int = 1, force: bool = False,
                 rencana_aksi: str | Path | None = None, pdf: bool = False,
                 stage: Callable[[str], None] | None = None) -> ChapterResult:
    """Read and check every input as :func:`~lkjip_xl.tables.load.make_tables` does, then write Bab III
    as a Word document to ``out`` (and, with ``pdf``, its PDF beside it, same name, ``.pdf``).

    Raises what ``make_tables`` raises, a :class:`~lkjip_xl.errors.UsageError` for an ``out`` not named
    ``.docx``, and with ``pdf`` :class:`~lkjip_xl.office.OfficeMissingError` (LibreOffice not installed)
    or :class:`~lkjip_xl.office.OfficeError` (it failed); then nothing is written.  ``stage`` is called
    with the name of each stage as it begins (reading, the tables, the document, the PDF).
    """
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise UsageError("chapter_out_not_docx", path=out)
    previous = [previous] if isinstance(previous, (str, Path)) else list(previous)
    stage = stage or (lambda _name: None)
    stage(LABELS["stage_read_inputs"])
    pk, inputs = checked_inputs(source, master, previous, renstra, anggaran, supporting, rencana_aksi)
    pdf_path = out.with_suffix(".pdf") if pdf else None
    if pdf:
        from ..office import require_office

        require_office()  # before anything is read: without LibreOffice nothing is written
    with use_words(pk.words):
        data = load_tables_data(source, pk, previous, renstra, anggaran, supporting, rencana_aksi)
        guard_outputs([out, *([pdf_path] if pdf_path else [])], inputs, force)
        with tempfile.TemporaryDirectory(prefix="lkjip-bab3-") as work:
            workbook = Path(work) / "tables.xlsx"
            stage(LABELS["stage_write_tables"])
            tables = write_tables(data, workbook, start, chapter=CHAPTER)
            stage(LABELS["stage_write_document"])
            chapter = _Chapter(data, read_blocks(workbook, skip=(SHEET_TOC,)), tables.toc, CHAPTER)
            chapter.write(facts_from_data(data))
            written = Path(work) / out.name
            save(chapter.doc, written, msg("chapter_document_title", kanwil=pk.kanwil, year=pk.year),
                      pk.kanwil, pk.year)
            converted = None
            if pdf_path is not None:
                from ..office import to_pdf

                stage(LABELS["stage_write_pdf"])
                converted = to_pdf(written, Path(work) / "pdf")
            with OutputSet(force) as outputs:
                shutil.copyfile(written, outputs.temporary(out))
                if pdf_path is not None and converted is not None:
                    shutil.copyfile(converted, outputs.temporary(pdf_path))
    return ChapterResult(out, pdf_path, len(chapter.table_captions), len(chapter.figure_captions), chapter.drafts,
                         list(data.warnings))
