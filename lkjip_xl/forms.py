"""Write the standard Divisi forms (one .xlsx per Divisi) from a master.

The layout follows :mod:`lkjip_xl.layout`.  Labels and targets are locked,
input cells are open and validated, capaian is a live formula (with its value
stored), below-target capaian is highlighted, the sheet prints on A4
landscape with the table header repeated, and a very hidden stamp sheet
identifies the form when it comes back (:mod:`lkjip_xl.form_stamp`).  The header block has an open
"Revisi ke" cell for a corrected form.  No SK and Sasaran Kegiatan are one cell
per SK, merged over its rows, and the sheet ends with the sign-off block
(Disiapkan oleh, Disetujui oleh: :mod:`lkjip_xl.form_blocks`).

A form of a period of the master's calendar (docs/form_contract.md, "Period
forms") shows that period's target (:func:`lkjip_xl.checks.form_target`), says
in Cara Perhitungan what to type for the IKK's period rule, and from the second
period on adds two locked reference columns: the annual target and the
realisasi of the earlier periods combined (:mod:`lkjip_xl.to_date`).
"""

from __future__ import annotations

import os
from pathlib import Path
from collections.abc import Iterable, Mapping

from . import calc, methods
from ._values import YES
from .breakdown import form_sub_periods, ikk_hint
from .checks import form_target
from .errors import UsageError
from .fileio import OutputSet
from .free_text import write_texts
from .form_paper import column_widths, finish_page
from .form_blocks import write_signoff, write_sk_cells
from .form_stamp import write_stamp
from .form_subrows import write_sub_periods, write_sub_rates
from .guard import guard_outputs, path_list
from .kinds import KIND_FORM
from .names import slug, unique_names
from .layout import (
    COL_CAPAIAN, COL_CODE, COL_DEN, COL_IKK_NO, COL_METHOD, COL_NIHIL, COL_NUM, COL_REAL,
    COL_STATUS, COL_TARGET, COL_TEXT, COL_UNIT, COLUMN_INDEX, COLUMNS,
    COL_REF_TARGET, COL_REF_TO_DATE, FIRST_DATA_ROW, FORM_SHEET, HEADER_FIELDS, HEADER_VALUE_COL, REVISION_FIELD,
    REVISION_MAX, TABLE_HEADER_ROW, reference_columns,
)
from .messages import LABELS, msg, translated, use_words
from .methods import Inputs
from .model import Indicator, IndicatorInput, Master
from .signoff import FormSignoff
from .periods import ANNUAL, Period, calendar, is_annual, rule_spec
from .numbers import INPUT_LIMIT
from .styles import StyleBook
from .to_date import to_date_realisasi
from .xlsx import FiniteWorksheet, a1, new_workbook, number_literal, quote_sheet, row_height
from .xlsx_validations import MergedValidations

C = COLUMN_INDEX


def form_period(master: Master, period: str) -> Period | None:
    """The period of ``master``'s calendar named ``period`` (label or code, any case), ``None`` for the year.

    Raises :class:`~lkjip_xl.errors.UsageError` for a period of another
    calendar ("Semester I" for a triwulan master) or an unknown name.
    """
    if is_annual(period):
        return None
    own = calendar(master.calendar)
    found = own.find(period)
    if found is None:
        raise UsageError("forms_period_not_in_calendar", period=period, calendar=own.name,
                         periods=", ".join((ANNUAL, *own.labels)))
    return found


def method_description(indicator: Indicator, period: Period | None = None) -> str:
    """How realisasi is computed, in words for the Divisi staff (the method's description, then
    the NIHIL rule, the direction and the master's note; on a period form what to type for the
    IKK's period rule; for an IKK with a Rincian that its inputs are computed from the sub-rows)."""
    text = methods.spec(indicator.method).describe(indicator)
    if indicator.nihil:
        text += msg("method_nihil_hint")
    if indicator.direction.value == "turun":
        text += msg("method_lower_is_better")
    if indicator.method_note:
        text += ". " + indicator.method_note
    periods = form_sub_periods(indicator, period)
    if periods:
        text += ikk_hint(indicator, periods)
    elif period is not None:
        text += msg(rule_spec(indicator.period_rule).form_hint)
    return text


def form_filename(master: Master, divisi: str, period: str = ANNUAL) -> str:
    """``Formulir_2023_Administrasi.xlsx`` (Triwulan appended when not yearly).

    The Divisi name is made ASCII by :func:`lkjip_xl.names.slug` (accents
    transliterated); a name with nothing readable left (Arabic, Chinese, "!!!")
    becomes ``Divisi_<n>``, n its place in the PK order.  Names of one run are
    made unique by :func:`form_filenames`.
    """
    name = slug(divisi)
    if not name:
        order = list(master.divisi_order)
        name = msg("filename_divisi_fallback", n=order.index(divisi) + 1 if divisi in order else 1)
    suffix = "" if period == ANNUAL else "_" + slug(period)
    return msg("filename_form", year=master.year, name=name, suffix=suffix)


def form_filenames(master: Master, period: str = ANNUAL) -> dict[str, str]:
    """Divisi → file name for every Divisi of ``master``, unique ignoring case ("Keimigrasian" and
    "Keimigrasian!" give ``..._Keimigrasian.xlsx`` and ``..._Keimigrasian_2.xlsx``, in PK order)."""
    order = list(master.divisi_order)
    return dict(zip(order, unique_names(form_filename(master, divisi, period) for divisi in order)))


def write_forms(master: Master, out_dir: str | Path, period: str = ANNUAL, force: bool = False,
                inputs: dict[str, IndicatorInput] | None = None,
                read_from: Iterable[str | os.PathLike] = (),
                previous: str | Path | Iterable[str | Path] | None = None,
                signoff: Mapping[str, FormSignoff] | None = None) -> list[Path]:
    """Write one form per Divisi of ``master`` into ``out_dir``; return the paths.

    ``period`` is "Tahunan" or a period of the master's calendar (label or code,
    any case; :func:`form_period`).  ``previous`` are the filled forms (files or
    folders) of the periods before it: their realisasi, combined, fill the
    column "Realisasi s.d." (:func:`lkjip_xl.to_date.to_date_realisasi`);
    without them the column says it is not filled.  ``inputs`` pre-fills the forms (samples, tests,
    re-issues): IKK code → :class:`~lkjip_xl.model.IndicatorInput`; for an IKK with a Rincian the
    inputs of each sub-period row under its code (``SK14-IKK1.B04``: April), the IKK's own entry
    giving its free texts only.  ``signoff`` pre-fills the sign-off block of each Divisi's form (Divisi →
    :class:`~lkjip_xl.signoff.FormSignoff`).  A Rincian that does not divide ``period`` refuses the run
    (:func:`lkjip_xl.breakdown.form_sub_periods`).

    Every name is decided and checked (:func:`lkjip_xl.guard.guard_outputs`
    against ``read_from``, the files the master was read from, and ``previous``)
    before the first byte is written; all forms are written as temporaries and
    moved into place together, so a failure leaves no partial set.
    """
    with use_words(master.words):  # names, titles and problems in the master's own words
        found = form_period(master, period)
        for indicator in master.indicators:  # a Rincian that does not divide the period refuses the run
            form_sub_periods(indicator, found)
        earlier = None if previous is None else path_list(previous)
        if earlier is not None and (found is None or found.index == 1):
            raise UsageError("forms_previous_unused", period=found.label if found else ANNUAL)
        label = found.label if found else ANNUAL
        out_dir = Path(out_dir)
        names = form_filenames(master, label)
        targets = guard_outputs([out_dir / names[divisi] for divisi in master.divisi_order],
                                [*read_from, *(earlier or ())], force, out_dirs=[out_dir])
        to_date = None if earlier is None or found is None else to_date_realisasi(master, found, earlier)
        with OutputSet(force) as outputs:
            for divisi, target in zip(master.divisi_order, targets):
                _write_form_file(master, divisi, outputs.temporary(target), found, inputs,
                                 None if to_date is None else to_date.get(divisi, {}), (signoff or {}).get(divisi))
    return targets


def write_form(master: Master, divisi: str, out: str | Path, period: str = ANNUAL,
               force: bool = False, inputs: dict[str, IndicatorInput] | None = None,
               signoff: FormSignoff | None = None) -> Path:
    """Write the form of one Divisi; ``inputs`` and ``signoff`` pre-fill it (samples, tests, re-issues)."""
    with use_words(master.words):
        found = form_period(master, period)
        with OutputSet(force) as outputs:
            _write_form_file(master, divisi, outputs.temporary(out), found, inputs, None, signoff)
    return Path(out)


def _write_form_file(master: Master, divisi: str, path: str, period: Period | None,
                     inputs: dict[str, IndicatorInput] | None, to_date: dict[str, float | None] | None,
                     signoff: FormSignoff | None = None) -> None:
    indicators = list(master.for_divisi(divisi))
    if not indicators:
        raise ValueError(f"Divisi {divisi!r} has no IKK in the master")
    workbook = new_workbook(path, title=msg("title_form_workbook", divisi=divisi, year=master.year), kind=KIND_FORM,
                            worksheet_class=FormWorksheet)
    _FormWriter(workbook, master, divisi, period, indicators, inputs or {}, to_date, signoff).write()
    workbook.close()


class FormWorksheet(FiniteWorksheet, MergedValidations):
    """The form's sheet: each of its data validation rules written once, for every cell it applies to (a form
    gives each open cell of each IKK row its own; returned forms are read by the thousand)."""


class _FormWriter:
    def __init__(self, workbook, master: Master, divisi: str, period: Period | None,
                 indicators: list[Indicator], inputs: dict[str, IndicatorInput],
                 to_date: dict[str, float | None] | None, signoff: FormSignoff | None = None):
        self.wb = workbook
        self.master = master
        self.divisi = divisi
        self.period = period.label if period else ANNUAL
        self.period_of = period
        self.indicators = indicators
        self.inputs = inputs
        self.to_date = to_date
        self.signoff = signoff
        self.heights: dict[int, float] = {}  #: row → height set (the merged SK cells need the sum)
        columns = COLUMNS
        if period is not None and period.index > 1:
            columns += reference_columns(calendar(period.calendar).periods[period.index - 2])
        self.columns = columns
        self.col = {key: c for c, (key, _, _) in enumerate(columns)}
        self.last_col = len(columns) - 1
        self.sheet = workbook.add_worksheet(FORM_SHEET)
        self.st = StyleBook(workbook, "form")

    # -- sheet ------------------------------------------------------------------
    def write(self) -> None:
        sheet = self.sheet
        for col, width in enumerate(column_widths(self)):  # numbers with their unit shown whole
            sheet.set_column(col, col, width)
        self._header_block()
        for col, (_, title, _) in enumerate(self.columns):
            sheet.write_string(TABLE_HEADER_ROW, col, title, self.st.header)
        sheet.set_row(TABLE_HEADER_ROW, 32)
        row, spans = FIRST_DATA_ROW, {}
        for indicator in self.indicators:
            end = self._indicator_rows(indicator, row)
            spans[indicator.code], row = (row, end - 1), end  # its rows, sub-rows included
        last_row = row - 1
        write_sk_cells(self, spans, self.heights)  # merged over each SK's rows, as in Tabel 3.1
        write_signoff(self, last_row + 2, self.signoff)  # below the table: Disiapkan oleh, Disetujui oleh
        self._conditional_formats(last_row)
        finish_page(self)  # the colour legend and the print setup
        self._defined_names()
        sheet.freeze_panes(FIRST_DATA_ROW, 0)
        sheet.protect("", {"format_columns": True, "format_rows": True,
                           "select_locked_cells": True, "select_unlocked_cells": True})
        write_stamp(self.wb, self.master, self.divisi, self.period, self.indicators)

    def set_height(self, row: int, height: float) -> None:
        """Set the height of ``row`` and remember it."""
        self.heights[row] = height
        self.sheet.set_row(row, height)

    def _header_block(self) -> None:
        sheet = self.sheet
        title, label, value, note = self.st.title, self.st.label, self.st.value, self.st.note
        sheet.write_string(0, 0, LABELS["title_form"], title)
        sheet.write_string(1, 0, msg("form_intro"), note)
        values = [self.master.kanwil, self.master.year, self.divisi, self.period]
        for (text, _, row), val in zip(HEADER_FIELDS, values):
            sheet.write_string(row, 0, translated(text), label)
            if isinstance(val, int):
                sheet.write_number(row, HEADER_VALUE_COL, val, value)
            else:
                sheet.write_string(row, HEADER_VALUE_COL, val, value)
        self._revision_cell()

    def _revision_cell(self) -> None:
        """The open "Revisi ke" cell of the header block: blank, a whole number 0..REVISION_MAX."""
        text, _, row = REVISION_FIELD
        self.sheet.write_string(row, 0, text, self.st.label)
        self.sheet.write_blank(row, HEADER_VALUE_COL, None, self.st.input)
        self.sheet.data_validation(row, HEADER_VALUE_COL, row, HEADER_VALUE_COL, {
            "validate": "integer", "criteria": "between", "minimum": 0, "maximum": REVISION_MAX,
            "input_title": text, "input_message": msg("form_revision_input"),
            "error_title": text, "error_message": msg("form_revision_error", most=REVISION_MAX),
        })

    def _indicator_rows(self, indicator: Indicator, row: int) -> int:
        sheet = self.sheet
        reported = self.inputs.get(indicator.code)
        label = self.st.text
        shown = self.master.decimals  # the master's display decimals
        unit_fmt = shown.number_format(indicator.unit)
        sheet.write_string(row, C[COL_CODE], indicator.code, label)
        sheet.write_number(row, C[COL_IKK_NO], indicator.ikk_no, label)
        sheet.write_string(row, C[COL_TEXT], indicator.text, label)
        sheet.write_string(row, C[COL_UNIT], indicator.unit, label)
        description = method_description(indicator, self.period_of)
        sheet.write_string(row, C[COL_METHOD], description, label)
        target = form_target(indicator, self.period)
        target_fmt = shown.number_format(indicator.unit, target)
        sheet.write_number(row, C[COL_TARGET], target, self.st("locked_number", target_fmt))
        texts = write_texts(self, row, reported)  # Keterangan and the narrative texts: open, typed as text
        widths = {key: width for key, _, width in COLUMNS}
        self.set_height(row, row_height([(indicator.text, widths[COL_TEXT]), (description, widths[COL_METHOD]),
                                         *texts]))

        method = methods.spec(indicator.method)
        validation = self._number_validation(indicator)
        for key in method.grey_columns:
            sheet.write_blank(row, C[key], None, self.st.not_needed)
        periods = form_sub_periods(indicator, self.period_of)
        if periods:
            reported, refs, sub_rows = write_sub_periods(self, indicator, row, periods, validation)
        else:
            refs, sub_rows = self._row_inputs(indicator, row, reported, validation)
        real_ref = a1(row, C[COL_REAL])
        result_real = methods.realisasi(indicator, reported) if reported else None
        if not method.typed_realisasi:
            sheet.write_formula(row, C[COL_REAL], "=" + methods.realisasi_formula(indicator, refs),
                                self.st("computed", unit_fmt), "" if result_real is None else result_real)
        target_ref = a1(row, C[COL_TARGET])
        cap = calc.capaian(result_real, target, indicator.direction)
        sheet.write_formula(row, C[COL_CAPAIAN], "=" + calc.capaian_formula(real_ref, target_ref, indicator.direction),
                            self.st("computed", shown.number_format(capaian=True)), "" if cap is None else cap)
        cap_ref = a1(row, C[COL_CAPAIAN])
        sheet.write_formula(row, C[COL_STATUS], "=" + calc.status_formula(cap_ref, self.master.achievement),
                            self.st.computed, calc.status_text(calc.tercapai(cap, self.master.achievement)))
        if COL_REF_TARGET in self.col:
            self._reference_cells(indicator, row, sub_rows)
        return row + 1 + len(sub_rows)

    def _row_inputs(self, indicator: Indicator, row: int, reported: IndicatorInput | None,
                    validation: dict) -> tuple[calc.InputRefs, list[int]]:
        """The input cells of an IKK row (and its sub-rate rows); returns its input cells and the sub-rows."""
        method = methods.spec(indicator.method)
        input_fmt = self.st("input", "General")
        pair_refs: list[tuple[str, str]] = []
        sub_rows: list[int] = []
        if method.inputs is Inputs.SUB_PAIRS:
            pair_refs, sub_rows = write_sub_rates(self, indicator, row, reported, validation)
        elif method.inputs is Inputs.PAIR:
            pair = reported.pairs[0] if reported and reported.pairs else (None, None)
            self.input_number(row, C[COL_NUM], pair[0], input_fmt, validation)
            self.input_number(row, C[COL_DEN], pair[1], input_fmt, validation)
            pair_refs.append((a1(row, C[COL_NUM]), a1(row, C[COL_DEN])))
        if indicator.nihil:
            nihil_ref = self.nihil_input(row, bool(reported and reported.nihil))
        else:
            nihil_ref = ""
            self.sheet.write_blank(row, C[COL_NIHIL], None, self.st.not_needed)
        if method.typed_realisasi:
            self.input_number(row, C[COL_REAL], reported.value if reported else None,
                              self.st("input", self.master.decimals.number_format(indicator.unit)), validation)
        return calc.InputRefs(pairs=tuple(pair_refs), nihil=nihil_ref), sub_rows

    def nihil_input(self, row: int, nihil: bool) -> str:
        """The open NIHIL cell of a row (Ya or blank, a dropdown of Ya); returns its address."""
        col = C[COL_NIHIL]
        if nihil:
            self.sheet.write_string(row, col, YES, self.st.input_text)
        else:
            self.sheet.write_blank(row, col, None, self.st.input_text)
        self.sheet.data_validation(row, col, row, col, {
            "validate": "list", "source": [YES], "ignore_blank": True,
            "input_title": LABELS["col_nihil"], "input_message": msg("form_nihil_input"),
            "error_title": LABELS["col_nihil"], "error_message": msg("form_nihil_error"),
        })
        return a1(row, col)

    def _reference_cells(self, indicator: Indicator, row: int, sub_rows: list[int]) -> None:
        """The locked grey reference cells: the annual target and the realisasi of the earlier periods
        (values read from their forms; a note when they were not given)."""
        sheet, grey = self.sheet, "locked_number"
        target_fmt = self.master.decimals.number_format(indicator.unit, indicator.target)
        sheet.write_number(row, self.col[COL_REF_TARGET], indicator.target, self.st(grey, target_fmt))
        to_date_col = self.col[COL_REF_TO_DATE]
        value = None if self.to_date is None else self.to_date.get(indicator.code)
        if self.to_date is None:
            sheet.write_string(row, to_date_col, msg("form_to_date_missing"), self.st(grey))
        elif value is None:
            sheet.write_blank(row, to_date_col, None, self.st(grey))
        else:
            sheet.write_number(row, to_date_col, value,
                               self.st(grey, self.master.decimals.number_format(indicator.unit)))
        for sub_row in sub_rows:
            for key in (COL_REF_TARGET, COL_REF_TO_DATE):
                sheet.write_blank(sub_row, self.col[key], None, self.st.not_needed)

    def _number_validation(self, indicator: Indicator) -> dict:
        minimum = -INPUT_LIMIT if indicator.may_be_negative else 0
        return {
            "validate": "decimal", "criteria": "between", "minimum": minimum, "maximum": INPUT_LIMIT,
            "input_title": indicator.code,
            "input_message": msg("form_number_input"),
            "error_title": LABELS["form_number_error_title"],
            "error_message": msg("form_number_error" if indicator.may_be_negative
                                 else "form_number_error_not_negative"),
        }

    def input_number(self, row: int, col: int, value: float | None, fmt, validation: dict) -> None:
        if value is None:
            self.sheet.write_blank(row, col, None, fmt)
        else:
            self.sheet.write_number(row, col, value, fmt)
        self.sheet.data_validation(row, col, row, col, validation)

    def _conditional_formats(self, last_row: int) -> None:
        if last_row < FIRST_DATA_ROW:
            return
        col = C[COL_CAPAIAN]
        first = a1(FIRST_DATA_ROW, col)
        rule = self.master.achievement
        op = "<" if rule.inclusive else "<="
        red = self.st.below_target
        self.sheet.conditional_format(FIRST_DATA_ROW, col, last_row, col, {
            "type": "formula",
            "criteria": f"=AND(ISNUMBER({first}),{first}{op}{number_literal(rule.threshold)})",
            "format": red,
        })
        status = C[COL_STATUS]
        self.sheet.conditional_format(FIRST_DATA_ROW, status, last_row, status, {
            "type": "cell", "criteria": "==", "value": f'"{calc.TIDAK_TERCAPAI}"', "format": red,
        })

    def _defined_names(self) -> None:
        sheet_ref = quote_sheet(FORM_SHEET)
        for _, name, row in (*HEADER_FIELDS, REVISION_FIELD):
            self.wb.define_name(name, f"={sheet_ref}!{a1(row, HEADER_VALUE_COL, absolute=True)}")
        self.wb.define_name(
            "LKJIP_TABEL_JUDUL",
            f"={sheet_ref}!{a1(TABLE_HEADER_ROW, 0, True)}:{a1(TABLE_HEADER_ROW, self.last_col, True)}",
        )
