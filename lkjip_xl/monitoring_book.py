"""The sheet "Pemantauan" of a period workbook: the Kanwil's view of the year as it goes.

:func:`monitoring` computes it once (a :class:`Monitoring`, also as plain dicts:
:func:`monitoring_rows`), :func:`write_monitoring` writes it into every period
consolidation (registered in :data:`lkjip_xl.consolidate.PERIOD_EXTRA_SHEETS`):

- "Penerimaan Formulir": one row per Divisi (master order), whether it is in
  the s.d. view, and per period of the calendar "Diterima", "Revisi n" (a
  higher "Revisi ke" replaced an earlier form) or "Belum";
- "Capaian per Periode": one row per IKK, grouped by Divisi: per period its
  capaian, a formula over the period sheet's capaian (against that period's
  target alone), beside it the light word (:func:`light`, thresholds of the
  master's sheet Info) coloured by a conditional format; the trend between the
  last two periods with a form (:func:`trend`); the capaian of the s.d. view
  (a formula over "Capaian Kinerja"); and, labelled "Proyeksi (linier)", the
  year-end realisasi extrapolated from the s.d. realisasi
  (:func:`lkjip_xl.rollup.projection`) and its capaian against the annual
  target.  A projection is blank, with the reason in "Keterangan", where the
  IKK's rule allows none, and for every IKK once the year is complete.
- "Pengesahan Formulir": one row per form that counts, who prepared and who
  approved it (:func:`lkjip_xl.signoff_book.write_monitoring_signoffs`).

Every number and word that depends on a number is a formula written with its value.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import calc, rollup
from .capaian_book import add_formula_sheet
from .checks import CheckedForm
from .messages import LABELS, label, msg, use_words
from .model import Indicator, IndicatorResult
from .numbers import format_number
from .period_book import BookPositions
from .period_consolidation import PeriodConsolidation
from .periods import Traffic
from .signoff_book import write_monitoring_signoffs
from .styles import StyleBook
from .xlsx import a1, column_width, excel_string, number_literal, print_setup, row_height

SHEET_MONITORING = LABELS["sheet_monitoring"]
RECEIVED, MISSING = LABELS["arrival_received"], LABELS["arrival_missing"]
#: Light word → its conditional style (the word is in the cell; the colour only repeats it).
LIGHT_STYLES = {LABELS[key]: key for key in ("light_green", "light_yellow", "light_red")}
#: :func:`lkjip_xl.calc.change_direction` → the word shown.
TREND_WORDS = {calc.NAIK: LABELS["trend_up"], calc.TURUN: LABELS["trend_down"], calc.TETAP: LABELS["trend_same"]}

#: Widths of Kode IKK, IKK, Satuan, Target Tahunan; of each period's capaian and light; of Tren, the s.d.
#: capaian, the two projections and Keterangan.
LEAD_WIDTHS, PERIOD_WIDTHS, TAIL_WIDTHS = (13, 42, 10, 10), (11, 9), (9, 12, 14, 14, 40)
#: Rows above the IKK table frozen on screen at most; with more Divisi only the columns are frozen.
MAX_FROZEN_ROWS = 16


# --------------------------------------------------------------------------- words, with their formulas


def light(traffic: Traffic, capaian: float | None) -> str:
    """:meth:`Traffic.colour <lkjip_xl.periods.Traffic.colour>`, the value :func:`light_formula` computes."""
    return traffic.colour(capaian)


def light_formula(capaian_ref: str, traffic: Traffic) -> str:
    """Formula giving :func:`light` of the capaian in ``capaian_ref`` (no leading '=')."""
    green, yellow, red = (excel_string(LABELS[key]) for key in ("light_green", "light_yellow", "light_red"))
    return (f'IF({capaian_ref}="","",IF({capaian_ref}>={number_literal(traffic.green)},{green},'
            f'IF({capaian_ref}>={number_literal(traffic.yellow)},{yellow},{red})))')


def trend(previous: float | None, current: float | None) -> str:
    """"▲ naik", "▼ turun" or "= tetap" from one capaian to the next ("" when one is missing)."""
    return TREND_WORDS.get(calc.change_direction(previous, current), "")


def trend_formula(previous_ref: str, current_ref: str) -> str:
    """Formula giving :func:`trend`: :func:`lkjip_xl.calc.change_direction_formula` with the words shown."""
    formula = calc.change_direction_formula(previous_ref, current_ref)
    for word, shown in TREND_WORDS.items():
        formula = formula.replace(excel_string(word), excel_string(shown))
    return formula


# --------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class Arrival:
    """One Divisi's forms: a word per period of the calendar, and whether it is in the s.d. view."""

    divisi: str
    words: tuple[str, ...]  #: "Diterima", "Revisi n" or "Belum", one per period
    in_view: bool
    in_view_text: str  #: "Ya", or why not


@dataclass(frozen=True)
class PeriodCell:
    """One IKK in one period: whether the Divisi's form arrived, its capaian and light."""

    arrived: bool
    capaian: float | None
    light: str


@dataclass(frozen=True)
class IkkRow:
    """One IKK across the year so far."""

    indicator: Indicator
    annual_target: float
    periods: tuple[PeriodCell, ...]  #: one per period of the calendar
    compared: tuple[int, int] | None  #: the period indices :attr:`trend` compares (the last two arrived)
    trend: str
    to_date: IndicatorResult | None  #: in the s.d. view (``None``: its Divisi is left out)
    projects: bool  #: whether the rule projects this IKK (a projection formula is written)
    projection: float | None  #: year-end realisasi, extrapolated linearly
    projected_capaian: float | None  #: :attr:`projection` against the annual target
    note: str  #: why there is no projection ("" when there is one)


@dataclass
class Monitoring:
    """The sheet "Pemantauan" as data."""

    data: PeriodConsolidation
    arrivals: list[Arrival]
    rows: list[IkkRow]

    def arrival_records(self) -> list[dict[str, object]]:
        """One dict per Divisi, keyed by the column titles of "Penerimaan Formulir"."""
        with use_words(self.data.to_date.words):
            titles = arrival_titles(self.data)
        return [dict(zip(titles, (a.divisi, a.in_view_text, *a.words))) for a in self.arrivals]

    def records(self) -> list[dict[str, object]]:
        """One dict per IKK, keyed by ``Divisi`` and the column titles of "Capaian per Periode" (``None``: blank)."""
        with use_words(self.data.to_date.words):
            titles = [label("col_divisi"), *capaian_titles(self.data)]
        found = []
        for row in self.rows:
            indicator, to_date = row.indicator, row.to_date
            values: list[object] = [indicator.divisi, indicator.code, ikk_text(indicator), indicator.unit,
                                    row.annual_target]
            for cell in row.periods:
                values += [cell.capaian, cell.light or None]
            values += [row.trend or None, to_date.capaian if to_date else None, row.projection,
                       row.projected_capaian, row.note or None]
            found.append(dict(zip(titles, values)))
        return found


def ikk_text(indicator: Indicator) -> str:
    return f"{indicator.ikk_no}. {indicator.text}"


def arrival_titles(data: PeriodConsolidation) -> list[str]:
    return [label("col_divisi"), msg("col_in_view", label=data.label), *data.calendar.labels]


def capaian_titles(data: PeriodConsolidation) -> list[str]:
    """The column titles of "Capaian per Periode", left to right."""
    titles = [LABELS[key] for key in ("col_kode", "col_ikk", "col_satuan", "col_target_tahunan")]
    for period in data.calendar.labels:
        titles += [msg("col_capaian_period", period=period), msg("col_light_period", period=period)]
    return titles + [LABELS["col_tren"], msg("col_capaian_to_date", label=data.label),
                     LABELS["col_projection_realisasi"], LABELS["col_projection_capaian"], LABELS["col_keterangan"]]


def monitoring(data: PeriodConsolidation) -> Monitoring:
    """Everything the sheet "Pemantauan" shows, computed once."""
    first = data.calendar.periods[0].label
    arrivals = []
    for divisi in data.plan.divisi_order:
        in_view = divisi in data.to_date.divisi_order
        arrivals.append(Arrival(divisi, tuple(_arrival_word(data, divisi, p.index) for p in data.calendar.periods),
                                in_view, LABELS["yes"] if in_view else msg("in_view_no", first=first)))
    to_date = {result.indicator.code: result for result, _, _ in data.to_date.rows}
    rows = [_ikk_row(data, indicator, checked, to_date.get(indicator.code)) for indicator, checked in _ikks(data)]
    return Monitoring(data, arrivals, rows)


def monitoring_rows(data: PeriodConsolidation) -> list[dict[str, object]]:
    """:meth:`Monitoring.records` of ``data``: one dict per IKK, as the sheet shows it."""
    return monitoring(data).records()


def _arrival_word(data: PeriodConsolidation, divisi: str, k: int) -> str:
    revision = data.revision(divisi, k)
    if revision is None:
        return MISSING
    return msg("arrival_revision", revision=revision) if revision > 0 else RECEIVED


def _ikks(data: PeriodConsolidation) -> list[tuple[Indicator, CheckedForm]]:
    """Every IKK of the s.d. view and of any period sheet (a left-out Divisi's too), in Divisi order, each
    with a form that carries it."""
    found: dict[str, tuple[Indicator, CheckedForm]] = {}
    for part in [data.to_date, *(data.periods[k] for k in sorted(data.periods, reverse=True))]:
        for result, _, checked in part.rows:
            found.setdefault(result.indicator.code, (result.indicator, checked))
    order = {divisi: n for n, divisi in enumerate(data.plan.divisi_order)}
    return sorted(found.values(), key=lambda item: order.get(item[0].divisi, len(order)))


def _annual_target(indicator: Indicator, checked: CheckedForm) -> float:
    """The IKK's target of the year: its form's stamp carries the master's definition (the views retarget it)."""
    stamped = next((i for i in checked.form.indicators if i.code == indicator.code), None)
    return stamped.target if stamped is not None else indicator.target


def projects(indicator: Indicator, through: int, periods: int) -> bool:
    """Whether :func:`lkjip_xl.rollup.projection` gives this IKK a value after ``through`` of ``periods``."""
    return rollup.projection(indicator, 0.0, through, periods) is not None


def _ikk_row(data: PeriodConsolidation, indicator: Indicator, checked: CheckedForm,
             to_date: IndicatorResult | None) -> IkkRow:
    cells = []
    for period in data.calendar.periods:
        result = data.period_result(indicator.code, period.index)
        capaian = None if result is None else result.capaian
        cells.append(PeriodCell(result is not None, capaian, light(data.traffic, capaian)))
    arrived = [p.index for p, cell in zip(data.calendar.periods, cells) if cell.arrived]
    compared = (arrived[-2], arrived[-1]) if len(arrived) >= 2 else None
    word = trend(cells[compared[0] - 1].capaian, cells[compared[1] - 1].capaian) if compared else ""
    annual = _annual_target(indicator, checked)
    through, count = data.through, len(data.calendar)
    projected = to_date is not None and projects(indicator, through, count)
    projection = rollup.projection(indicator, to_date.realisasi, through, count) if projected and to_date else None
    return IkkRow(indicator, annual, tuple(cells), compared, word, to_date, projected, projection,
                  calc.capaian(projection, annual, indicator.direction),
                  _projection_note(data, indicator, to_date, projected))


def _projection_note(data: PeriodConsolidation, indicator: Indicator, to_date: IndicatorResult | None,
                     projected: bool) -> str:
    """Why the IKK has no projection; "" when it has one."""
    to_date_text = data.plan.to_date_text()
    if to_date is None:
        return msg("projection_none_left_out", divisi=indicator.divisi, to_date=to_date_text,
                   first=data.calendar.periods[0].label)
    if data.through >= len(data.calendar):
        return msg("projection_none_done")
    if not projected:
        return msg("projection_none_rule", rule=indicator.period_rule, method=indicator.method)
    return msg("projection_none_realisasi", to_date=to_date_text) if to_date.realisasi is None else ""


# --------------------------------------------------------------------------- the sheet


def write_monitoring(workbook, styles: StyleBook, data: PeriodConsolidation, positions: BookPositions) -> None:
    """Write the sheet "Pemantauan" of ``data`` (an :data:`lkjip_xl.period_book.ExtraSheet`)."""
    view = monitoring(data)
    sheet = add_formula_sheet(workbook, SHEET_MONITORING)
    widths = _widths(view)
    last_col = len(widths) - 1
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    traffic = data.traffic
    sheet.write_string(0, 0, msg("title_monitoring", kanwil=data.kanwil, period=data.label), styles.title)
    sheet.write_string(1, 0, msg(
        "note_monitoring_lights", green_word=LABELS["light_green"], green=format_number(traffic.green),
        yellow_word=LABELS["light_yellow"], yellow=format_number(traffic.yellow), red_word=LABELS["light_red"],
        rule=data.to_date.achievement.describe()), styles.note)
    sheet.write_string(2, 0, msg("note_monitoring_period", periods=", ".join(p.label for p in data.present),
                                 to_date=data.label), styles.note)
    if data.complete:
        sheet.write_string(3, 0, msg("note_monitoring_complete", label=data.label), styles.note)
    else:
        sheet.write_string(3, 0, msg("note_monitoring_projection", to_date=data.plan.to_date_text(),
                                     through=data.through, periods=len(data.calendar)), styles.note)
    row = _write_arrivals(sheet, styles, view, 5, widths) + 1
    header, last_row = _write_capaian(sheet, styles, view, positions, row, widths)
    last_row, last_col = write_monitoring_signoffs(sheet, styles, data, last_row + 2, widths)  # who signed
    sheet.freeze_panes(header + 1 if header + 1 <= MAX_FROZEN_ROWS else 0, 2)
    print_setup(sheet, owner=data.kanwil, year=data.year, repeat_rows=header, area=(last_row, last_col))


def _widths(view: Monitoring) -> list[float]:
    """The columns' widths: the designed ones (LEAD_WIDTHS, ...), wider where a value needs more
    (:func:`lkjip_xl.xlsx.column_width`: a target or projection with its unit, a capaian, a code)."""
    shown, rows, periods = view.data.to_date.decimals, view.rows, len(view.data.calendar)

    def capaian(values) -> list:
        return [(v, shown.number_format(value=v, capaian=True)) for v in values if v is not None]

    cells: list[list] = [[r.indicator.code for r in rows], [], [r.indicator.unit for r in rows],
                         [(r.annual_target, shown.number_format(r.indicator.unit, r.annual_target)) for r in rows]]
    for k in range(periods):
        cells += [capaian(r.periods[k].capaian for r in rows), [r.periods[k].light for r in rows]]
    cells += [[r.trend for r in rows], capaian(r.to_date.capaian if r.to_date else None for r in rows),
              [(r.projection, shown.number_format(r.indicator.unit, r.projection)) for r in rows
               if r.projection is not None], capaian(r.projected_capaian for r in rows), []]
    least = [*LEAD_WIDTHS, *(PERIOD_WIDTHS * periods), *TAIL_WIDTHS]
    return [column_width(found, least=width) for found, width in zip(cells, least)]


def _block_title(sheet, styles: StyleBook, row: int, last_col: int, title: str) -> None:
    sheet.merge_range(row, 0, row, last_col, title, styles.group)


def _write_arrivals(sheet, styles: StyleBook, view: Monitoring, row: int, widths: list[float]) -> int:
    """Block "Penerimaan Formulir" from ``row``: Divisi (A:B), in the s.d. view (C:D), a word per period
    (above that period's two columns); return the next free row."""
    _block_title(sheet, styles, row, len(widths) - 1, LABELS["monitor_block_arrival"])
    spans = [(0, 1), (2, 3)] + [(4 + 2 * n, 5 + 2 * n) for n in range(len(view.data.calendar))]
    titles = arrival_titles(view.data)
    for (first, last), title in zip(spans, titles):
        sheet.merge_range(row + 1, first, row + 1, last, title, styles.header)
    sheet.set_row(row + 1, row_height([(title, widths[a] + widths[b]) for (a, b), title in zip(spans, titles)],
                                   bold=True))
    row += 2
    for arrival in view.arrivals:
        cells = [(arrival.divisi, styles.text), (arrival.in_view_text, styles.center if arrival.in_view
                                                 else styles.missing)]
        cells += [(word, styles.missing if word == MISSING else styles.center) for word in arrival.words]
        for (first, last), (text, fmt) in zip(spans, cells):
            sheet.merge_range(row, first, row, last, text, fmt)
        row += 1
    return row


def _write_capaian(sheet, styles: StyleBook, view: Monitoring, positions: BookPositions, row: int,
                   widths: list[float]) -> tuple[int, int]:
    """Block "Capaian per Periode" from ``row``; return the rows of its header and of its end."""
    data, last_col = view.data, len(widths) - 1
    _block_title(sheet, styles, row, last_col, LABELS["monitor_block_capaian"])
    header = row + 1
    titles = capaian_titles(data)
    for col, title in enumerate(titles):
        sheet.write_string(header, col, title, styles.header)
    sheet.set_row(header, row_height(list(zip(titles, widths)), bold=True))
    tail = len(LEAD_WIDTHS) + 2 * len(data.calendar)
    light_cols = [len(LEAD_WIDTHS) + 2 * n + 1 for n in range(len(data.calendar))]
    row = header + 1
    first_data = row
    divisi = None
    for ikk in view.rows:
        if ikk.indicator.divisi != divisi:
            divisi = ikk.indicator.divisi
            _block_title(sheet, styles, row, last_col, divisi)
            row += 1
        _write_ikk(sheet, styles, data, positions, ikk, row, tail)
        row += 1
    if row > first_data:
        ranges = " ".join(f"{a1(first_data, col)}:{a1(row - 1, col)}" for col in light_cols)
        for word, style in LIGHT_STYLES.items():
            sheet.conditional_format(first_data, light_cols[0], row - 1, light_cols[0], {
                "type": "cell", "criteria": "==", "value": excel_string(word), "format": styles(style),
                "multi_range": ranges})
    return header, max(row - 1, header)


def _write_ikk(sheet, styles: StyleBook, data: PeriodConsolidation, positions: BookPositions, ikk: IkkRow,
               row: int, tail: int) -> None:
    """One IKK's row: the lead columns, each period's capaian and light, then the tail from column ``tail``."""
    indicator = ikk.indicator
    code = indicator.code
    text = ikk_text(indicator)
    sheet.set_row(row, row_height([(text, LEAD_WIDTHS[1]), (ikk.note, TAIL_WIDTHS[-1])]))
    shown = data.to_date.decimals  # the master's display decimals, as many as each known value needs

    def percent(value: float | None = None):
        return styles("number", shown.number_format(value=value, capaian=True))

    unit_fmt = styles("number", shown.number_format(indicator.unit, ikk.projection))
    sheet.write_string(row, 0, code, styles.text)
    sheet.write_string(row, 1, text, styles.text)
    sheet.write_string(row, 2, indicator.unit, styles.text)
    sheet.write_number(row, 3, ikk.annual_target,
                       styles("number", shown.number_format(indicator.unit, ikk.annual_target)))
    for n, cell in enumerate(ikk.periods):
        col = len(LEAD_WIDTHS) + 2 * n
        ref = positions.cell(code, n + 1)
        if ref is None:
            sheet.write_blank(row, col, None, percent())
            sheet.write_blank(row, col + 1, None, styles.center)
            continue
        sheet.write_formula(row, col, "=" + ref, percent(cell.capaian), _stored(cell.capaian))
        sheet.write_formula(row, col + 1, "=" + light_formula(a1(row, col), data.traffic), styles.center,
                            cell.light)
    if ikk.compared is not None:
        before, after = (a1(row, len(LEAD_WIDTHS) + 2 * (k - 1)) for k in ikk.compared)
        sheet.write_formula(row, tail, "=" + trend_formula(before, after), styles.center, ikk.trend)
    else:
        sheet.write_blank(row, tail, None, styles.center)
    cells = positions.to_date.rows.get(code)
    if cells is not None and ikk.to_date is not None:
        sheet.write_formula(row, tail + 1, "=" + positions.to_date.ref(cells.capaian), percent(ikk.to_date.capaian),
                            _stored(ikk.to_date.capaian))
    else:
        sheet.write_blank(row, tail + 1, None, percent())
    if cells is not None and ikk.projects:
        realisasi = positions.to_date.ref(cells.realisasi)
        sheet.write_formula(row, tail + 2, "=" + rollup.projection_formula(realisasi, data.through,
                                                                          len(data.calendar)),
                            unit_fmt, _stored(ikk.projection))
        sheet.write_formula(row, tail + 3, "=" + calc.capaian_formula(a1(row, tail + 2), a1(row, 3),
                                                                      indicator.direction),
                            percent(ikk.projected_capaian), _stored(ikk.projected_capaian))
    else:
        sheet.write_blank(row, tail + 2, None, unit_fmt)
        sheet.write_blank(row, tail + 3, None, percent())
    if ikk.note:
        sheet.write_string(row, tail + 4, ikk.note, styles.text)
    else:
        sheet.write_blank(row, tail + 4, None, styles.text)


def _stored(value: float | str | None) -> float | str:
    return "" if value is None else value
