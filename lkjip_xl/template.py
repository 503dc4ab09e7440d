"""Write the master PK workbook, or the blank template ``templates/LKjIP_template.xlsx``.

The sheets and columns are those of :mod:`lkjip_xl.master_layout`, which
:mod:`lkjip_xl.master` reads back.  The blank template is :func:`write_master`
with no master; ``lkjip-xl template`` writes it, and a test holds the committed
file to the code.  :func:`write_guide` writes the sheet "Petunjuk" of the master
and of every other input template (:mod:`lkjip_xl.input_templates`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import methods
from .fileio import atomic_output
from .kinds import KIND_MASTER
from ._values import NO, YEAR_RANGE, YES
from .master_layout import (
    GUIDE_SHEET, INFO_FIELDS, INFO_SHEET, PERIOD_TARGET_KIND, PERIOD_TARGET_SHEET, PK_COLUMNS, PK_SHEET, PK_TITLES,
    UNIT_SHEET, UNIT_TITLES, column_guide, info_help,
)
from .messages import LABELS, active_words, msg, translated, use_words
from .model import MOST_DECIMALS, Direction, DisplayDecimals, Indicator, Master
from .periods import CALENDARS, DEFAULT_CALENDAR, RULES, TargetKind, Traffic, calendar
from .styles import StyleBook
from .units import canonical
from .words import INFO_KEYS
from .xlsx import column_width, new_workbook, print_setup, row_height

TEMPLATE_ROWS = 300  # rows prepared with dropdowns in the blank template
#: The columns of a sheet of fields (Info): label, value, help.
FIELD_WIDTHS = (24, 60, 70)


def write_master(master: Master | None, out: str | Path, force: bool = False) -> Path:
    """Write ``master`` (or, with ``None``, the blank template) as a master workbook."""
    with atomic_output(out, force) as tmp:
        write_master_book(tmp, master)
    return Path(out)


def write_master_book(path: str, master: Master | None, year: int | None = None) -> None:
    """Write the master workbook to ``path`` as it is (no atomic move); ``year`` fills the blank template's Tahun.

    Its titles and help texts are said in the master's own words (:mod:`lkjip_xl.words`); the blank template
    in the active words (:func:`~lkjip_xl.messages.use_words`), which its Info then declares."""
    with use_words(master.words if master else active_words()):
        workbook = new_workbook(path, title=LABELS["title_master_workbook"], kind=KIND_MASTER)
        paper: dict[str, Any] = {"owner": master.kanwil if master else "", "year": master.year if master else year}
        _write_info(workbook, master, year, paper)
        _write_pk(workbook, master, paper)
        _write_period_targets(workbook, master, paper)
        if _declares_decimals(master):
            _write_unit_decimals(workbook, master, paper)
        write_guide(workbook, msg("master_guide_title"), [
            msg("master_guide_info"), msg("master_guide_pk"), msg("master_guide_forms"), msg("master_guide_numbers"),
        ], [*((translated(title), translated(column_guide(key))) for key, title, _, _ in PK_COLUMNS),
            (PERIOD_TARGET_SHEET, msg("master_help_period_targets")),
            *([(UNIT_SHEET, msg("master_help_unit_decimals"))] if _declares_decimals(master) else [])], **paper)
        workbook.close()


def _write_info(workbook, master: Master | None, year: int | None, paper: dict) -> None:
    sheet = workbook.add_worksheet(INFO_SHEET)
    st = StyleBook(workbook, "master")
    cell = st.entry
    for col, width in enumerate(FIELD_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, msg("master_info_title"), st.title)
    values = {
        "kanwil": master.kanwil if master else "",
        "tahun": master.year if master else year,
        "threshold": master.achievement.threshold if master else 100,
        "inclusive": (YES if master.achievement.inclusive else NO) if master else YES,
        "renstra_basis": master.renstra_basis if master else "renstra",
        "calendar": master.calendar if master else DEFAULT_CALENDAR,
        "light_green": master.traffic.green if master else Traffic().green,
        "light_yellow": master.traffic.yellow if master else Traffic().yellow,
        "mean_cap": master.achievement.mean_cap if master else None,
        **{field_key: getattr(words, key) if (words := active_words()) else ""  # the master's (blank: the default)
           for key, field_key in INFO_KEYS.items()},
        "capaian_decimals": (master.decimals if master else DisplayDecimals()).capaian,
    }
    fields = [field for field in INFO_FIELDS if field[0] != "capaian_decimals" or _declares_decimals(master)]
    for i, (key, label, _) in enumerate(fields):
        row = 2 + i
        field_row(sheet, st, row, label, info_help(key))
        value = values[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            sheet.write_number(row, 1, value, cell)
        else:
            sheet.write_string(row, 1, value or "", cell)
    sheet.data_validation(5, 1, 5, 1, {"validate": "list", "source": [YES, NO]})
    sheet.data_validation(6, 1, 6, 1, {"validate": "list", "source": ["renstra", "pk"]})
    sheet.data_validation(7, 1, 7, 1, {"validate": "list", "source": list(CALENDARS)})
    sheet.data_validation(3, 1, 3, 1, {"validate": "integer", "criteria": "between",
                                       "minimum": YEAR_RANGE[0], "maximum": YEAR_RANGE[1],
                                       "error_message": msg("master_year_rule")})
    keys = [key for key, _, _ in fields]
    if "capaian_decimals" in keys:  # Desimal Capaian: a whole number 0..6
        row = 2 + keys.index("capaian_decimals")
        sheet.data_validation(row, 1, row, 1, _decimals_rule(fields[row - 2][1]))
    print_setup(sheet, **paper)


def field_row(sheet, st: StyleBook, row: int, label: str, help_text: str) -> None:
    """A row of a sheet of fields (the master's Info, an input template's): its label in column A, its help
    wrapped in column C (:data:`FIELD_WIDTHS`), the row as tall as the help needs; the value is the caller's."""
    sheet.write_string(row, 0, label, st.label)
    sheet.write_string(row, 2, help_text, st.note)
    sheet.set_row(row, row_height([(help_text, FIELD_WIDTHS[2])]))


def _write_pk(workbook, master: Master | None, paper: dict) -> None:
    sheet = workbook.add_worksheet(PK_SHEET)
    st = StyleBook(workbook, "master")
    head, text, number, money = st.header, st.text, st("number", "General"), st("number", "#,##0")
    indicators, decimals = (master.indicators, master.decimals) if master else ((), DisplayDecimals())
    shown = {"target": [(i.target, decimals.number_format(i.unit)) for i in indicators],
             "anggaran": [(i.anggaran, "#,##0") for i in indicators if i.anggaran is not None]}
    widths = [column_width(shown.get(key, ()), wrapped=[title], least=width) for key, title, width, _ in PK_COLUMNS]
    for col, ((_, title, _, _), width) in enumerate(zip(PK_COLUMNS, widths)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, translated(title), head)
    sheet.set_row(0, row_height([(translated(title), w) for (_, title, _, _), w in zip(PK_COLUMNS, widths)], bold=True))
    sheet.freeze_panes(1, 0)
    for r, indicator in enumerate(indicators, start=1):
        values = _row_values(indicator)
        sheet.set_row(r, row_height([(v, w) for v, w in zip(values.values(), widths) if isinstance(v, str)]))
        for col, (key, _, _, _) in enumerate(PK_COLUMNS):
            value = values[key]
            if value is None:
                sheet.write_blank(r, col, None, text)
            elif isinstance(value, str):
                sheet.write_string(r, col, value, text)
            else:
                fmt = money if key == "anggaran" else number
                if key == "target":
                    fmt = st("number", decimals.number_format(indicator.unit))
                sheet.write_number(r, col, value, fmt)
    last = max(TEMPLATE_ROWS, len(indicators) + 50)
    col_of = {key: i for i, (key, _, _, _) in enumerate(PK_COLUMNS)}

    def dropdown(key: str, source: list[str]) -> None:
        sheet.data_validation(1, col_of[key], last, col_of[key], {
            "validate": "list", "source": source,
            "error_title": PK_TITLES[key],
            "error_message": msg("master_choice_rule", options=", ".join(source)),
        })

    dropdown("method", methods.names())
    dropdown("direction", [d.value for d in Direction])
    dropdown("nihil", [YES, NO])
    dropdown("period_rule", list(RULES))
    dropdown("breakdown", list(CALENDARS))
    dropdown("may_be_negative", [YES, NO])
    for key in ("target", "scale_divisor", "renstra_scale_factor", "anggaran"):
        sheet.data_validation(1, col_of[key], last, col_of[key], {
            "validate": "decimal", "criteria": ">=", "value": 0,
            "error_title": PK_TITLES[key],
            "error_message": msg("master_number_rule"),
        })
    print_setup(sheet, repeat_rows=0, **paper)


def _write_period_targets(workbook, master: Master | None, paper: dict) -> None:
    """Sheet "Target Periode": the header of the master's calendar and a row per IKK with period targets."""
    sheet = workbook.add_worksheet(PERIOD_TARGET_SHEET)
    st = StyleBook(workbook, "master")
    periods = calendar(master.calendar if master else DEFAULT_CALENDAR).periods
    titles = [PK_TITLES["code"], PERIOD_TARGET_KIND, *(p.label for p in periods)]
    declared = [i for i in master.indicators if i.period_targets] if master else []
    decimals = master.decimals if master else DisplayDecimals()
    shown = [(value, decimals.number_format(i.unit)) for i in declared for value in i.period_targets]
    for col, title in enumerate(titles):
        sheet.set_column(col, col, column_width(shown if col > 1 else (), wrapped=[title], least=14))
        sheet.write_string(0, col, title, st.header)
    sheet.freeze_panes(1, 0)
    for r, indicator in enumerate(declared, start=1):
        sheet.write_string(r, 0, indicator.code, st.text)
        sheet.write_string(r, 1, str(indicator.target_kind), st.text)
        for col, value in enumerate(indicator.period_targets, start=2):
            sheet.write_number(r, col, value, st("number", decimals.number_format(indicator.unit)))
    kinds = [str(kind) for kind in TargetKind]
    choice = msg("master_choice_rule", options=", ".join(kinds))
    sheet.data_validation(1, 1, TEMPLATE_ROWS, 1, {"validate": "list", "source": kinds,
                                                   "error_title": PERIOD_TARGET_KIND, "error_message": choice})
    print_setup(sheet, landscape=False, repeat_rows=0, **paper)


def _declares_decimals(master: Master | None) -> bool:
    """Whether the workbook has sheet "Satuan" and Info › Desimal Capaian: the blank template, and a master
    that declares display decimals (one that does not is written as before they existed)."""
    return master is None or master.decimals != DisplayDecimals()


def _decimals_rule(title: str) -> dict:
    """The data validation of a number of decimals: a whole number 0..6."""
    return {"validate": "integer", "criteria": "between", "minimum": 0, "maximum": MOST_DECIMALS,
            "error_title": title, "error_message": msg("master_decimals_rule", most=MOST_DECIMALS)}


def _write_unit_decimals(workbook, master: Master | None, paper: dict) -> None:
    """Sheet "Satuan": Satuan, Desimal, and a row per unit the master declares (spelled as its first IKK does)."""
    sheet = workbook.add_worksheet(UNIT_SHEET)
    st = StyleBook(workbook, "master")
    for col, (title, width) in enumerate(zip(UNIT_TITLES, (18, 10))):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, title, st.header)
    sheet.freeze_panes(1, 0)
    spelled = {canonical(i.unit): i.unit for i in reversed(master.indicators)} if master else {}
    for r, (unit, places) in enumerate(master.decimals.units if master else (), start=1):
        sheet.write_string(r, 0, spelled.get(unit, unit), st.text)
        sheet.write_number(r, 1, places, st.number)
    sheet.data_validation(1, 1, TEMPLATE_ROWS, 1, _decimals_rule(UNIT_TITLES[1]))
    print_setup(sheet, landscape=False, repeat_rows=0, **paper)


def _row_values(indicator: Indicator) -> dict[str, object]:
    return {
        "divisi": indicator.divisi,
        "sk_no": indicator.sk_no,
        "sk_text": indicator.sk_text,
        "code": indicator.code,
        "ikk_no": indicator.ikk_no,
        "text": indicator.text,
        "unit": indicator.unit,
        "target": indicator.target,
        "anggaran": indicator.anggaran,
        "method": str(indicator.method),
        "scale_divisor": indicator.scale_divisor,
        "sub_labels": "; ".join(indicator.sub_labels),
        "direction": indicator.direction.value,
        "nihil": YES if indicator.nihil else NO,
        "period_rule": str(indicator.period_rule),
        "breakdown": indicator.breakdown or None,
        "may_be_negative": YES if indicator.may_be_negative else NO,
        "renstra_scale_factor": indicator.renstra_scale_factor,
        "method_note": indicator.method_note,
    }


def write_guide(workbook, title: str, paragraphs: Sequence[str], entries: Sequence[tuple[str, str]],
                owner: str = "", year: int | None = None) -> None:
    """The sheet "Petunjuk" of the master and of every input template: one look for all of them.

    A bold ``title``, the ``paragraphs`` (how to fill the workbook in), then a
    table "Kolom | Arti" with one row per entry (a column title or a sheet name,
    and its help text); printed with the footer of ``owner`` and ``year``.
    """
    sheet = workbook.add_worksheet(GUIDE_SHEET)
    st = StyleBook(workbook, "master")
    bold, wrap = st.bold, st.wrap
    widths = (26, 100)
    sheet.set_column(0, 0, widths[0])
    sheet.set_column(1, 1, widths[1])
    lines = [(title, ""), *(("", text) for text in paragraphs),
             (LABELS["col_guide_column"], LABELS["col_guide_meaning"]), *entries]
    for row, (a, b) in enumerate(lines):
        sheet.set_row(row, max(row_height([(a, widths[0])], bold=True), row_height([(b, widths[1])])))
        sheet.write_string(row, 0, a, bold)
        sheet.write_string(row, 1, b, wrap)
    print_setup(sheet, landscape=False, owner=owner, year=year)
