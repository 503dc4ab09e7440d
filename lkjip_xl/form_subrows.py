"""The sub-rows a form writes below an IKK row (docs/form_contract.md › Rows).

- :func:`write_sub_rates`: one row ``<code>.<n>`` per sub-rate of a
  ``rerata_subrasio`` IKK, with its pembilang and penyebut and the sub-rate formula;
- :func:`write_sub_periods`: one row ``<code>.<period code>`` per sub-period of an
  IKK with a Rincian (:mod:`lkjip_xl.breakdown`), with the IKK's input cells, and
  on the IKK row the locked formulas combining them (the formula twins of
  :func:`lkjip_xl.breakdown.combine`, written with its values).

Both write through the form writer of :mod:`lkjip_xl.forms` (its sheet, styles,
input inputs given and the helpers that write an input cell), passed as ``form``.
"""

from __future__ import annotations

from typing import Any

from . import methods
from ._values import YES
from .breakdown import combine, combined_formulas, row_hint
from .calc import InputRefs
from .layout import (
    COL_CAPAIAN, COL_CODE, COL_DEN, COL_IKK_NO, COL_METHOD, COL_NIHIL, COL_NOTE, COL_NUM, COL_REAL,
    COL_STATUS, COL_TARGET, COL_TEXT, COL_UNIT, COLUMN_INDEX, COLUMNS, TEXT_COLUMNS, breakdown_code,
    subrow_code,
)
from .messages import msg
from .methods import Inputs
from .model import Indicator, IndicatorInput
from .periods import Period
from .xlsx import a1, row_height

C = COLUMN_INDEX
COLUMN_WIDTH = {key: width for key, _, width in COLUMNS}
#: Columns of a sub-row that belong to the IKK row only (grey and blank); No SK and Sasaran Kegiatan are
#: the SK's merged cells (:func:`lkjip_xl.form_blocks.write_sk_cells`).
_IKK_ONLY = (COL_IKK_NO, COL_TARGET, COL_CAPAIAN, COL_STATUS, COL_NOTE, *TEXT_COLUMNS)


def write_sub_rates(form: Any, indicator: Indicator, row: int, reported: IndicatorInput | None,
                    validation: dict) -> tuple[list[tuple[str, str]], list[int]]:
    """The sub-rate rows below ``row``; returns the (pembilang, penyebut) cells of each and the rows."""
    sheet, st = form.sheet, form.st
    sub_rate = methods.spec(indicator.method).sub_rate
    assert sub_rate is not None  # methods.register() refuses sub-pairs without one
    input_fmt = st("input", "General")
    pair_refs: list[tuple[str, str]] = []
    sub_rows: list[int] = []
    for n, sub_label in enumerate(indicator.sub_labels, start=1):
        sub_row = row + n
        sub_rows.append(sub_row)
        sheet.write_string(sub_row, C[COL_CODE], subrow_code(indicator.code, n), st.sub)
        for key in (COL_NIHIL, *_IKK_ONLY):
            sheet.write_blank(sub_row, C[key], None, st.not_needed)
        sheet.write_string(sub_row, C[COL_TEXT], msg("form_subrow", n=n, label=sub_label), st.sub)
        sheet.write_string(sub_row, C[COL_UNIT], sub_rate.unit, st.sub)
        sheet.write_string(sub_row, C[COL_METHOD], sub_rate.describe(), st.sub)
        pair = reported.pairs[n - 1] if reported and len(reported.pairs) >= n else (None, None)
        form.input_number(sub_row, C[COL_NUM], pair[0], input_fmt, validation)
        form.input_number(sub_row, C[COL_DEN], pair[1], input_fmt, validation)
        num_ref, den_ref = a1(sub_row, C[COL_NUM]), a1(sub_row, C[COL_DEN])
        pair_refs.append((num_ref, den_ref))
        rate = sub_rate.value(*pair)
        sheet.write_formula(sub_row, C[COL_REAL], "=" + sub_rate.formula(num_ref, den_ref),
                            st("computed", form.master.decimals.number_format(sub_rate.unit)),
                            "" if rate is None else rate)
    return pair_refs, sub_rows


def write_sub_periods(form: Any, indicator: Indicator, row: int, periods: tuple[Period, ...],
                      validation: dict) -> tuple[IndicatorInput, InputRefs, list[int]]:
    """The sub-period rows below ``row`` and the combining formulas of the IKK row's inputs.

    A sub-row's inputs come from ``form.inputs`` under its code (``SK14-IKK1.B04``). Returns the
    combined inputs (with the Keterangan of the IKK's own entry), the IKK row's input cells
    (for its realisasi formula) and the sub-rows.
    """
    sheet, st = form.sheet, form.st
    method = methods.spec(indicator.method)
    unit_fmt = form.master.decimals.number_format(indicator.unit)
    input_fmt = st("input", "General")
    subs: list[IndicatorInput] = []
    refs: list[InputRefs] = []
    sub_rows: list[int] = []
    grey = (*_IKK_ONLY, *method.grey_columns, *(() if indicator.nihil else (COL_NIHIL,)))
    for n, period in enumerate(periods, start=1):
        sub_row = row + n
        sub_rows.append(sub_row)
        code = breakdown_code(indicator.code, period.code)
        given = form.inputs.get(code) or IndicatorInput(code)
        sheet.write_string(sub_row, C[COL_CODE], code, st.sub)
        for key in grey:
            sheet.write_blank(sub_row, C[key], None, st.not_needed)
        sheet.write_string(sub_row, C[COL_TEXT], msg("form_breakdown_row", period=period.label), st.sub)
        sheet.write_string(sub_row, C[COL_UNIT], indicator.unit, st.sub)
        hint = row_hint(indicator, period)
        sheet.write_string(sub_row, C[COL_METHOD], hint, st.sub)
        form.set_height(sub_row, row_height([(hint, COLUMN_WIDTH[COL_METHOD])]))
        pairs: tuple[tuple[str, str], ...] = ()
        if method.inputs is Inputs.PAIR:
            pair = given.pairs[0] if given.pairs else (None, None)
            form.input_number(sub_row, C[COL_NUM], pair[0], input_fmt, validation)
            form.input_number(sub_row, C[COL_DEN], pair[1], input_fmt, validation)
            pairs = ((a1(sub_row, C[COL_NUM]), a1(sub_row, C[COL_DEN])),)
        nihil = form.nihil_input(sub_row, given.nihil) if indicator.nihil else ""
        value = ""
        if method.typed_realisasi:
            form.input_number(sub_row, C[COL_REAL], given.value, st("input", unit_fmt), validation)
            value = a1(sub_row, C[COL_REAL])
        else:
            own = methods.realisasi(indicator, given)
            sheet.write_formula(sub_row, C[COL_REAL],
                                "=" + methods.realisasi_formula(indicator, InputRefs(pairs=pairs, nihil=nihil)),
                                st("computed", unit_fmt), "" if own is None else own)
        refs.append(InputRefs(value, pairs, nihil))
        subs.append(given)
    own_entry = form.inputs.get(indicator.code)
    combined = combine(indicator, subs)
    combined.keterangan = own_entry.keterangan if own_entry else ""
    formulas = combined_formulas(indicator, refs)
    computed = st("computed", "General")
    if method.typed_realisasi:
        sheet.write_formula(row, C[COL_REAL], "=" + formulas.value, st("computed", unit_fmt),
                            "" if combined.value is None else combined.value)
    row_pairs = []
    for n, (num_formula, den_formula) in enumerate(formulas.pairs):
        num, den = combined.pairs[n] if len(combined.pairs) > n else (None, None)
        for col, formula, total in ((C[COL_NUM], num_formula, num), (C[COL_DEN], den_formula, den)):
            sheet.write_formula(row, col, "=" + formula, computed, "" if total is None else total)
        row_pairs.append((a1(row, C[COL_NUM]), a1(row, C[COL_DEN])))
    nihil_ref = ""
    if indicator.nihil:
        sheet.write_formula(row, C[COL_NIHIL], "=" + formulas.nihil, computed, YES if combined.nihil else "")
        nihil_ref = a1(row, C[COL_NIHIL])
    else:
        sheet.write_blank(row, C[COL_NIHIL], None, st.not_needed)
    return combined, InputRefs(pairs=tuple(row_pairs), nihil=nihil_ref), sub_rows
