"""The IKK rows of a "Capaian Kinerja"-like sheet (:func:`lkjip_xl.capaian_book.write_capaian`): Tabel 3.1's
columns, the inputs each realisasi formula reads, and the live realisasi, capaian and status with their values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import calc, methods
from ._values import YES
from .methods import spec
from .model import IndicatorInput, IndicatorResult
from .styles import StyleBook
from .numbers import widest_shown
from .xlsx import row_height

if TYPE_CHECKING:  # pragma: no cover - imports for annotations only
    from .capaian_book import FormulaInputs, SheetLayout
    from .consolidation import Consolidated


def stored(value: float | str | None) -> float | str:
    """The value stored beside a formula: ``""`` for none."""
    return "" if value is None else value


class IndicatorRows:
    """Writes the IKK rows of one "Capaian Kinerja"-like sheet at their place in ``layout``; what the rows share
    (formats, columns) is looked up once, a number's format once per unit and decimals shown; a row's values are
    written at once (:meth:`lkjip_xl.xlsx_rows.FastRows.write_cells`), its formulas by XlsxWriter's writer without its
    A1-notation wrapper (pyproject.toml bounds the version). What the rows show is kept for the columns' widths
    (:meth:`measured`), so each number's format is worked out once.

    ``columns``: the input columns of code, Divisi, Divisi number, unit, method, NIHIL, value and file; ``capped``:
    that of the capped capaian (``None`` without a cap); ``ikk_width``: the IKK column's width (the row's height).
    """

    def __init__(self, sheet, styles: StyleBook, data: Consolidated, layout: SheetLayout, ikk_width: float,
                 columns: tuple[int, ...], capped: int | None):
        self.write_cells, self.formula = sheet.write_cells, sheet._write_formula
        self.set_row, self.styles, self.data, self.layout = sheet.set_row, styles, data, layout
        self.shown, self.ikk_width, self.columns, self.capped = data.decimals, ikk_width, columns, capped
        self.text, self.line, self.count, self.general = styles.text, styles.line, styles("number", "0"), styles(
            "number", "General")
        self.formats: dict[tuple[str | None, int], tuple[object, str]] = {}
        #: what each column shows, for its width (:meth:`measured`): texts and ``(number, number format)``
        self.shown_cells: dict[int, list] = {col: [] for col in (3, 4, 5, *columns)}

    def style(self, unit: str, value: float | None, capaian: bool = False, col: int | None = None):
        """The "number" style of ``value`` in ``unit`` (a capaian with ``capaian``): the decimals it needs, at most
        those declared (the master's display decimals, lkjip_xl.model.DisplayDecimals; one rule with the tables).
        A ``col`` given measures ``value`` in that column's width as it shows (:meth:`measured`)."""
        key = (None if capaian else unit, self.shown.places(unit, value, capaian=capaian))
        found = self.formats.get(key)
        if found is None:
            number_format = self.shown.number_format(unit, value, capaian=capaian)
            found = self.formats[key] = (self.styles("number", number_format), number_format)
        if col is not None and value is not None:
            self.shown_cells[col].append((value, found[1]))
        return found[0]

    def measured(self) -> dict[int, list]:
        """What the rows written so far show, by column, for :func:`lkjip_xl.xlsx.column_width`: the numbers of
        Target, Realisasi and Capaian with their formats, the texts of the input columns; the value and pair columns
        show the same typed numbers (General), so the widest of them is measured once and stands for each; the
        capped capaian's column shows what Capaian does."""
        cells = dict(self.shown_cells)
        value = self.columns[6]
        inputs = cells[value]
        if inputs:
            cells[value] = [max(dict.fromkeys(inputs), key=lambda cell: widest_shown([cell[0]], cell[1]))]
        for pair in self.layout.pair_columns:
            for col in pair:
                cells[col] = cells[value]
        if self.capped is not None:
            cells[self.capped] = cells[5]
        return cells

    def __call__(self, result: IndicatorResult, reported: IndicatorInput, file_text: str,
                 formulas: FormulaInputs | None) -> float:
        """Write one IKK row; return its height in points."""
        indicator, data, formula, general = result.indicator, self.data, self.formula, self.general
        cells, unit, text = self.layout.rows[indicator.code], indicator.unit, self.text
        row = cells.row
        ikk_text = f"{indicator.ikk_no}. {indicator.text}"
        height = row_height([(ikk_text, self.ikk_width)])
        self.set_row(row, height)
        code, divisi, divisi_number, unit_col, method, nihil, value, file = self.columns  # the inputs
        method_text = str(indicator.method)
        values = [(2, ikk_text, text), (3, indicator.target, self.style(unit, indicator.target, col=3)),
                  (code, indicator.code, text), (divisi, indicator.divisi, text),
                  (divisi_number, data.divisi_number(indicator.divisi), self.count), (unit_col, unit, text),
                  (method, method_text, text)]  # in this order: the texts' shared strings too
        shown = self.shown_cells
        for col, shown_text in ((code, indicator.code), (divisi, indicator.divisi), (unit_col, unit),
                                (method, method_text), (file, file_text)):
            shown[col].append(shown_text)
        shown[value] += [(number, None) for number in (reported.value, *(x for pair in reported.pairs for x in pair))
                         if number is not None]  # General, as every input column
        combined = formulas.combined if formulas is not None else None
        typed = spec(indicator.method).typed_realisasi
        inputs = [(nihil, YES if reported.nihil else None, text, combined.nihil if combined else ""),
                  (value, reported.value if typed else None, general, combined.value if combined and typed else "")]
        for n, columns in enumerate(self.layout.pair_columns, start=1):
            pair = reported.pairs[n - 1] if len(reported.pairs) >= n else (None, None)
            pair_formulas = combined.pairs[n - 1] if combined and n <= len(combined.pairs) else ("", "")
            inputs += zip(columns, pair, (general, general), pair_formulas)
        for col, typed_value, fmt, typed_formula in inputs:  # a formula with its value, else the typed value
            if typed_formula:
                formula(row, col, "=" + typed_formula, fmt, stored(typed_value))
            else:
                values.append((col, typed_value, fmt))
        values.append((file, file_text, self.line))  # on one line: the row keeps its height
        self.write_cells(row, values)
        # live numbers
        real_formula = (formulas.realisasi if formulas is not None and formulas.realisasi
                        else methods.realisasi_formula(indicator, cells.inputs))
        formula(row, 4, "=" + real_formula, self.style(unit, result.realisasi, col=4), stored(result.realisasi))
        formula(row, 5, "=" + calc.capaian_formula(cells.realisasi, cells.target, indicator.direction),
                self.style(unit, result.capaian, True, col=5), stored(result.capaian))
        formula(row, 6, "=" + calc.status_formula(cells.capaian, data.achievement), text,
                calc.status_text(result.tercapai))
        cap = data.achievement.mean_cap
        if cap is not None and self.capped is not None:
            capped = calc.capped(result.capaian, cap)
            formula(row, self.capped, "=" + calc.capped_formula(cells.capaian, cap), self.style(unit, capped, True),
                    stored(capped))
        return height
