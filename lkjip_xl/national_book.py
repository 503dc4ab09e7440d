"""The national workbook ``Nasional_<tahun>.xlsx`` of a national consolidation.

- "Ringkasan Nasional": per Kanwil the forms, IKK, tercapai, tidak tercapai
  and mean capaian; the national total and headline;
- "Tercapai per Divisi": IKK tercapai, and IKK, per Kanwil and Divisi;
- "Daftar Formulir": one row per form (Kanwil, Divisi, file, SHA-256, its Kanwil workbook);
- "Data": one row per IKK per form for pivot tables, with its lineage
  (file, sheet, row, SHA-256).

The two summary sheets are formulas over "Data" (COUNTIF(S), AVERAGE(IFS)) on
numeric keys, each with the value :mod:`lkjip_xl.calc` computed.  "Daftar
Formulir" and "Data" are plain values: sources to filter and pivot.  The sheets
are streamed to disk (XlsxWriter ``constant_memory``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import calc
from .calc import GroupSummary, Summary
from .checks import CheckedForm
from .capaian_book import add_formula_sheet
from .consolidation import Consolidated
from .fileio import atomic_output
from .kinds import KIND_NATIONAL
from .layout import FORM_SHEET
from .messages import LABELS, label, msg, translated, use_words
from .numbers import plain_number_format
from .pool import collector_paused
from .records import DATA_TABLE, SHEET_DATA
from .styles import StyleBook
from .words import common_words
from .xlsx import a1, column_width, new_workbook, not_for_print, print_setup, quote_sheet, row_height


SHEET_NATIONAL = LABELS["sheet_national"]
SHEET_MATRIX = LABELS["sheet_matrix"]  #: in the catalogue's words (the sheet is named in the Kanwil's own)
SHEET_FORMS = LABELS["sheet_forms"]
NATIONAL_NAME = LABELS["national"]

#: Columns of the "Data" sheet: title, width.
DATA_COLUMNS = tuple((LABELS[key], width) for key, width in (
    ("col_kanwil", 44), ("col_tahun", 7), ("col_periode", 10), ("col_divisi", 24), ("col_kode", 13),
    ("col_ikk", 60), ("col_satuan", 9), ("col_cara_hitung", 15), ("col_target", 9),
    ("col_realisasi", 11), ("col_capaian", 11), ("col_status", 14), ("col_berkas", 40), ("col_sheet", 9),
    ("col_baris", 7), ("col_sha256", 66), ("col_no_kanwil", 9), ("col_no_divisi", 9),
))
DATA_COL = {title: col for col, (title, _) in enumerate(DATA_COLUMNS)}
FORMS_COLUMNS = tuple((LABELS[key], width) for key, width in (
    ("col_kanwil", 44), ("col_divisi", 24), ("col_tahun", 7), ("col_periode", 10), ("col_jumlah_ikk", 10),
    ("col_berkas", 60), ("col_sha256", 66), ("col_buku_kanwil", 50), ("col_no_kanwil", 9)))


@dataclass
class KanwilPart:
    """One Kanwil of a national run: its forms, computed data and workbook file name."""

    forms: list[CheckedForm]
    data: Consolidated
    workbook: str


def national_summary(parts: list[KanwilPart]) -> Summary:
    """One group per Kanwil and the national total, as the national sheets compute them."""
    results = [result for part in parts for result, _, _ in part.data.rows]
    return Summary(tuple(part.data.summary.overall for part in parts), calc.group_summary(NATIONAL_NAME, results),
                   parts[0].data.summary.period)  # one period for every form (crosscheck._check_agreement)


class _Keys:
    """The numeric keys the national summaries count on: COUNTIF(S) on names would ignore case and
    read * ? ~ as wildcards.  Kanwil 1, 2, ... in the order of ``parts``; Divisi 1, 2, ... in the
    order of the "Tercapai per Divisi" columns (every Divisi name of the run, first seen first)."""

    def __init__(self, parts: list[KanwilPart]):
        self._kanwil = {id(part): n for n, part in enumerate(parts, start=1)}
        self.divisi_names = list(dict.fromkeys(name for part in parts for name in part.data.divisi_order))
        self._divisi = {name: n for n, name in enumerate(self.divisi_names, start=1)}

    def kanwil(self, part: KanwilPart) -> int:
        return self._kanwil[id(part)]

    def divisi(self, name: str) -> int:
        return self._divisi[name]


def write_national(parts: list[KanwilPart], out: str | Path, force: bool = False) -> Summary:
    """Write the national workbook atomically to ``out``; return its summary.  Its titles are said in the
    own words the Kanwil share (:func:`lkjip_xl.words.common_words`; the default when they differ)."""
    summary = national_summary(parts)
    forms = [(part, checked) for part in parts for checked in _in_divisi_order(part)]
    rows = sum(len(part.data.rows) for part in parts)
    data = quote_sheet(SHEET_DATA)

    def data_range(title: str) -> str:
        col = DATA_COL[title]
        return f"{data}!{a1(1, col, True)}:{a1(max(rows, 1), col, True)}"

    refs = {key: data_range(LABELS[key]) for key in ("col_no_kanwil", "col_no_divisi", "col_capaian", "col_status")}
    forms_key = len(FORMS_COLUMNS) - 1  # "No. Kanwil"
    refs["forms"] = f"{quote_sheet(SHEET_FORMS)}!{a1(1, forms_key, True)}:{a1(max(len(forms), 1), forms_key, True)}"
    keys = _Keys(parts)
    with (use_words(common_words(part.data.words for part in parts)), atomic_output(out, force) as tmp,
          collector_paused()):
        _write_workbook(tmp, parts, summary, refs, keys, forms, rows)  # its cells are gone when the collector resumes
    return summary


def _write_workbook(tmp: str, parts: list[KanwilPart], summary: Summary, refs: dict[str, str], keys: _Keys,
                    forms: list[tuple[KanwilPart, CheckedForm]], rows: int) -> None:
    workbook = new_workbook(tmp, title=msg("title_national_workbook", period=parts[0].data.period_label),
                            kind=KIND_NATIONAL, constant_memory=True)
    styles = StyleBook(workbook, "workbook")
    _write_national_sheet(workbook, styles, parts, summary, refs, keys)
    _write_matrix(workbook, styles, parts, refs, keys)
    _write_forms(workbook, styles, forms, keys)
    _write_data(workbook, styles, parts, keys)
    workbook.define_name(DATA_TABLE, f"={quote_sheet(SHEET_DATA)}!$A$1:{a1(max(rows, 1), len(DATA_COLUMNS) - 1, True)}")
    workbook.close()


def _in_divisi_order(part: KanwilPart) -> list[CheckedForm]:
    by_divisi = {checked.form.divisi: checked for checked in part.forms}
    return [by_divisi[d] for d in part.data.divisi_order]


def _stored(value: float | None) -> float | str:
    return "" if value is None else value


def _write_national_sheet(workbook, styles: StyleBook, parts: list[KanwilPart], summary: Summary,
                          refs: dict[str, str], keys: _Keys) -> None:
    sheet = add_formula_sheet(workbook, SHEET_NATIONAL)
    headers = tuple(label(key) for key in ("col_kanwil", "col_jumlah_formulir", "col_jumlah_ikk", "status_tercapai",
                                           "status_tidak_tercapai", "col_rata_capaian", "col_buku_kanwil"))
    widths = [column_width([], wrapped=[title], least=least) for title, least in zip(headers, (50, 11, 11, 11, 11, 14))]
    widths.append(column_width([part.workbook for part in parts], least=30))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, msg("title_national", period=parts[0].data.period_label), styles.title)
    sheet.write_string(1, 0, msg("note_national", sheet=SHEET_DATA), styles.note)
    sheet.set_row(3, row_height(list(zip(headers, widths)), bold=True))
    for col, title in enumerate(headers):
        sheet.write_string(3, col, title, styles.header)

    def pct(value: float | None, style: str = "number"):  # a national run takes no master: the default decimals
        return styles(style, parts[0].data.decimals.number_format(value=value, capaian=True))

    count = styles("number", "0")
    kanwil, status, capaian = refs["col_no_kanwil"], refs["col_status"], refs["col_capaian"]
    first = row = 4
    for part, group in zip(parts, summary.groups):
        name = keys.kanwil(part)  # a number: matched exactly, whatever the Kanwil's name holds
        sheet.set_row(row, row_height([(group.name, widths[0])]))  # a long name wraps: the row holds it
        sheet.write_string(row, 0, group.name, styles.text)
        sheet.write_formula(row, 1, f"=COUNTIF({refs['forms']},{name})", count, len(part.forms))
        sheet.write_formula(row, 2, f"=COUNTIF({kanwil},{name})", count, group.total)
        sheet.write_formula(row, 3, f'=COUNTIFS({kanwil},{name},{status},"{calc.TERCAPAI}")', count, group.tercapai)
        sheet.write_formula(row, 4, f"={a1(row, 2)}-{a1(row, 3)}", count, group.tidak_tercapai)
        sheet.write_formula(row, 5, f'=IFERROR(AVERAGEIFS({capaian},{kanwil},{name}),"")', pct(group.mean_capaian),
                            _stored(group.mean_capaian))
        sheet.write_string(row, 6, part.workbook, styles.text)
        row += 1
    overall, last = summary.overall, row - 1
    bold_count = styles("number_bold", "0")
    sheet.write_string(row, 0, NATIONAL_NAME, styles.group)
    for col, value in ((1, sum(len(part.forms) for part in parts)), (2, overall.total), (3, overall.tercapai)):
        sheet.write_formula(row, col, f"=SUM({a1(first, col)}:{a1(last, col)})", bold_count, value)
    sheet.write_formula(row, 4, f"={a1(row, 2)}-{a1(row, 3)}", bold_count, overall.tidak_tercapai)
    sheet.write_formula(row, 5, f'=IFERROR(AVERAGE({capaian}),"")', pct(overall.mean_capaian, "number_bold"),
                        _stored(overall.mean_capaian))
    sheet.write_blank(row, 6, None, styles.group)
    total = row
    row += 2
    sheet.write_string(row, 0, LABELS["conclusion"], styles.group)
    sheet.write_formula(row, 1, "=" + calc.headline_formula(a1(total, 3), a1(total, 2), summary.period),
                        styles.group, summary.headline)
    sheet.write_string(row + 1, 0, msg("no_master_note"), styles.warning)  # national runs take no master
    sheet.freeze_panes(4, 1)
    print_setup(sheet, owner=NATIONAL_NAME, year=parts[0].data.year, repeat_rows=3, area=(row + 1, len(headers) - 1))


def _write_matrix(workbook, styles: StyleBook, parts: list[KanwilPart], refs: dict[str, str], keys: _Keys) -> None:
    """IKK tercapai, then IKK, per Kanwil (rows) and Divisi (columns): COUNTIFS over "Data" on the numeric keys."""
    sheet = add_formula_sheet(workbook, label("sheet_matrix"))
    columns = keys.divisi_names
    widths = [50.0, *(column_width([], wrapped=[name], least=13) for name in columns)]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, msg("title_matrix", period=parts[0].data.period_label), styles.title)
    sheet.write_string(1, 0, msg("note_matrix", sheet=SHEET_DATA), styles.note)
    count = styles("number", "0")
    kanwil, divisi_ref, status = refs["col_no_kanwil"], refs["col_no_divisi"], refs["col_status"]
    head = 3
    for title, tercapai in ((LABELS["col_ikk_tercapai"], True), (LABELS["col_jumlah_ikk"], False)):
        sheet.set_row(head, row_height(list(zip([title, *columns], widths)), bold=True))
        sheet.write_string(head, 0, title, styles.header)
        for col, name in enumerate(columns, start=1):
            sheet.write_string(head, col, name, styles.header)
        for row, part in enumerate(parts, start=head + 1):
            groups: dict[str, GroupSummary] = {g.name: g for g in part.data.summary.groups}
            sheet.set_row(row, row_height([(part.data.kanwil, widths[0])]))
            sheet.write_string(row, 0, part.data.kanwil, styles.text)
            for col, name in enumerate(columns, start=1):
                group = groups.get(name)
                if group is None:
                    sheet.write_blank(row, col, None, count)
                    continue
                criteria = f"{kanwil},{keys.kanwil(part)},{divisi_ref},{keys.divisi(name)}"
                if tercapai:
                    sheet.write_formula(row, col, f'=COUNTIFS({criteria},{status},"{calc.TERCAPAI}")', count,
                                        group.tercapai)
                else:
                    sheet.write_formula(row, col, f"=COUNTIFS({criteria})", count, group.total)
        head += len(parts) + 3
    sheet.freeze_panes(4, 1)
    print_setup(sheet, owner=NATIONAL_NAME, year=parts[0].data.year, area=(head - 3, len(columns)))


def _write_forms(workbook, styles: StyleBook, forms: list[tuple[KanwilPart, CheckedForm]], keys: _Keys) -> None:
    """One row per form, plain values: the lineage of the whole run."""
    sheet = workbook.add_worksheet(SHEET_FORMS)
    shown = list(zip(*((c.form.kanwil, c.form.divisi, "", "", "", c.form.path, c.form.sha256, part.workbook)
                       for part, c in forms))) or [()] * 8
    widths = [column_width(shown[col] if col < 8 else (), wrapped=[title], least=7, most=width)
              for col, (title, width) in enumerate(FORMS_COLUMNS)]  # each as its widest value, a long path cut
    sheet.set_row(0, row_height([(translated(title), w) for (title, _), w in zip(FORMS_COLUMNS, widths)], bold=True))
    for col, (title, width) in enumerate(zip((t for t, _ in FORMS_COLUMNS), widths)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, translated(title), styles.header)
    for row, (part, checked) in enumerate(forms, start=1):
        form = checked.form
        sheet.write_string(row, 0, form.kanwil)
        sheet.write_string(row, 1, form.divisi)
        sheet.write_number(row, 2, form.year)
        sheet.write_string(row, 3, form.period)
        sheet.write_number(row, 4, len(form.indicators))
        sheet.write_string(row, 5, form.path)
        sheet.write_string(row, 6, form.sha256)
        sheet.write_string(row, 7, part.workbook)
        sheet.write_number(row, 8, keys.kanwil(part))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(forms), 1), len(FORMS_COLUMNS) - 1)
    print_setup(sheet, owner=NATIONAL_NAME, year=forms[0][0].data.year if forms else None, repeat_rows=0)


def _write_data(workbook, styles: StyleBook, parts: list[KanwilPart], keys: _Keys) -> None:
    """One row per IKK per form, plain values for pivot tables, streamed row by row."""
    sheet = workbook.add_worksheet(SHEET_DATA)
    shown = parts[0].data.decimals  # a national run takes no master: the default decimals

    def decimals(places: int):
        return styles("decimals", plain_number_format(places))

    sheet.set_row(0, row_height([(translated(title), width) for title, width in DATA_COLUMNS], bold=True))
    for col, (title, width) in enumerate(DATA_COLUMNS):
        decimal = title in (LABELS["col_realisasi"], LABELS["col_capaian"])
        places = shown.places(capaian=title == LABELS["col_capaian"])
        sheet.set_column(col, col, width, decimals(places) if decimal else None)
        sheet.write_string(0, col, translated(title), styles.header)
    formats: dict[int, object] = {}  # by decimals: ~80,000 rows look each up once

    def shown_with(places: int):
        found = formats.get(places)
        return found if found is not None else formats.setdefault(places, decimals(places))

    row, write, cell_formats = 1, sheet.write_values, [None] * len(DATA_COLUMNS)  # a row at a time (xlsx_rows)
    for part in parts:
        kanwil_key, checked_now = keys.kanwil(part), None
        for result, _, checked in part.data.rows:
            indicator = result.indicator
            if checked is not checked_now:  # the rows of one form follow each other
                checked_now, form = checked, checked.form
                kanwil, year, period, path, sha256 = form.kanwil, form.year, form.period, form.path, form.sha256
            line = form.row_index.get(indicator.code)
            realisasi, capaian = result.realisasi, result.capaian
            # a realisasi and a capaian show the decimals they need, as everywhere
            cell_formats[9] = None if realisasi is None else shown_with(shown.places(indicator.unit, realisasi))
            cell_formats[10] = None if capaian is None else shown_with(shown.places(value=capaian, capaian=True))
            write(row, (kanwil, year, period, indicator.divisi, indicator.code, indicator.text, indicator.unit,
                        str(indicator.method), indicator.target, realisasi, capaian, calc.status_text(result.tercapai),
                        path, FORM_SHEET, None if line is None else line + 1, sha256, kanwil_key,
                        keys.divisi(indicator.divisi)), cell_formats)
            row += 1
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(row - 1, 1), len(DATA_COLUMNS) - 1)
    not_for_print(sheet, len(DATA_COLUMNS) - 1, NATIONAL_NAME, parts[0].data.year)  # rows for pivots
