"""Blank, documented workbooks for every input: ``lkjip-xl template --jenis ...`` (:func:`write_input_template`).

:data:`TEMPLATES` holds one :class:`InputTemplate` per input kind — the master
PK, earlier years ("tahun-lalu"), the Renstra targets, the budget, the action
plan and the supporting-table list — with its default file under ``templates/``,
its kind mark (:mod:`lkjip_xl.kinds`) and its description.  Every sheet name
and column title is imported from the reader of that input (its column
constants, required and optional), never retyped, so a column a reader gains
appears in its template; a column this module has no help text for gets the
general one.  Each template has the header row of the master (style family
"master"), a frozen header, validation on the first :data:`TEMPLATE_ROWS` rows
(numbers ≥ 0, whole numbers, years within ``_values.YEAR_RANGE``, Ya/Tidak and
other lists), code columns
formatted as text, and the same sheet "Petunjuk" as the master
(:func:`lkjip_xl.template.write_guide`).  Outputs are guarded
(:func:`~lkjip_xl.guard.guard_outputs`) and written all or nothing
(:class:`~lkjip_xl.fileio.OutputSet`); docs/form_contract.md › "Blank templates
for every input" lists them.  Given a master, every title and text is said in
its organisation's own words (:func:`lkjip_xl.messages.use_words`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ._values import NO, YEAR_RANGE, YES, parse_year
from .errors import UsageError
from .fileio import OutputSet
from .guard import guard_outputs
from .kinds import KIND_ACTION_PLAN, KIND_BUDGET, KIND_MASTER, KIND_PREVIOUS, KIND_RENSTRA, KIND_SUPPORTING
from .master import read_master
from .messages import LABELS, msg, translated, use_words
from .model import Master
from .periods import CALENDARS, DEFAULT_CALENDAR, calendar
from .styles import StyleBook
from .template import FIELD_WIDTHS, TEMPLATE_ROWS, field_row, write_guide, write_master_book
from .xlsx import column_width, new_workbook, print_setup

#: The folder of the committed templates (and of ``--jenis semua`` without ``--out``).
TEMPLATES_DIR = Path("templates")
#: ``--jenis semua``: every template.
ALL = LABELS["template_kind_all"]
#: The years of a Renstra (a five-year plan: 2020–2024, 2025–2029, ...).
RENSTRA_YEARS = 5

# What a column holds: its validation, cell format and width.
CODE, TEXT, NUMBER, WHOLE, YEAR, EARLIER_YEAR, LIST, PLAN_YEAR, FREE = (
    "code", "text", "number", "whole", "year", "earlier_year", "list", "plan_year", "free")
_WIDTH = {CODE: 14, TEXT: 36, NUMBER: 12, WHOLE: 6, YEAR: 8, EARLIER_YEAR: 8, LIST: 12, PLAN_YEAR: 10, FREE: 14}


@dataclass(frozen=True)
class Column:
    """A column of a template sheet: its title (a plan year: the year, or ``None`` for the user to type),
    what it holds, its help text, the choices of a :data:`LIST` and whether the reader requires it."""

    title: str | int | None
    kind: str
    help: str
    choices: tuple[str, ...] = ()
    required: bool = False

    @property
    def label(self) -> str:
        return LABELS["template_years_label"] if self.title is None else str(self.title)


@dataclass(frozen=True)
class Sheet:
    """A table sheet: a header row and one row per record below it."""

    name: str
    help: str
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Field:
    """A labelled value of a sheet like the master's Info (label in A, value in B, help in C)."""

    label: str
    kind: str
    help: str


@dataclass(frozen=True)
class FieldSheet:
    name: str
    help: str
    title: str
    fields: tuple[Field, ...]


#: What a template's sheet builder gives for a year (or none): the guide's own paragraphs and the sheets.
Layout = tuple[tuple[str, ...], tuple["Sheet | FieldSheet", ...]]


@dataclass(frozen=True)
class InputTemplate:
    """One input kind: its ``--jenis`` name, default file, description and how it is written."""

    kind: str
    file_name: str
    name: str
    description: str
    mark: str  #: the kind mark of :mod:`lkjip_xl.kinds`
    write: Callable[[str, int | None], None]  #: writes the blank workbook to a path, for a year or none

    @property
    def default_path(self) -> Path:
        return TEMPLATES_DIR / self.file_name


# --------------------------------------------------------------------------- columns from the readers
# The readers are imported where they are used: the command line starts without the report tables.

Kinds = dict[str, tuple]  #: column title → (kind, help[, choices])


def _columns(titles: Sequence[str], required: Sequence[str], kinds: Kinds) -> list[Column]:
    """The columns ``titles`` (a reader's constants) with their kind and help, titled in the run's own words
    (the readers accept both: :func:`lkjip_xl.tables.inputs.header_keys`); unknown ones are free text."""
    other = (FREE, msg("template_help_other"))
    columns = []
    for title in titles:
        kind, help_text, *choices = kinds.get(title, other)
        columns.append(Column(translated(title), kind, help_text, tuple(choices[0]) if choices else (),
                              title in required))
    return columns


def _shared() -> Kinds:
    """The columns several input sheets share: Kode IKK, Indikator Kinerja Kegiatan, Sumber."""
    from .tables.inputs import COL_CODE, COL_SOURCE, COL_TEXT

    return {COL_CODE: (CODE, msg("template_help_code")), COL_TEXT: (TEXT, msg("template_help_ikk_text")),
            COL_SOURCE: (TEXT, msg("template_help_source"))}


def _previous(year: int | None) -> Layout:
    from .tables import previous

    kinds = {
        **_shared(),
        previous.COL_YEAR: (EARLIER_YEAR, msg("template_help_previous_year")),
        previous.COL_TARGET: (NUMBER, msg("template_help_previous_target")),
        previous.COL_REALISASI: (FREE, msg("template_help_previous_realisasi")),
        previous.COL_NUM: (NUMBER, msg("template_help_previous_numerator")),
        previous.COL_DEN: (NUMBER, msg("template_help_previous_denominator")),
    }
    columns = _columns(previous.PREVIOUS_COLUMNS, previous.PREVIOUS_REQUIRED, kinds)
    return (msg("template_use_previous"),), (
        Sheet(previous.SHEET_PREVIOUS, msg("template_sheet_previous"), tuple(columns)),)


def renstra_years(year: int | None) -> tuple[int | None, ...]:
    """The plan years of the Renstra period holding ``year`` (2023 → 2020–2024); without a year, blanks to type."""
    if year is None:
        return (None,) * RENSTRA_YEARS
    first = year - year % RENSTRA_YEARS
    return tuple(range(first, first + RENSTRA_YEARS))


def _renstra(year: int | None) -> Layout:
    from .tables import renstra

    kinds = {**_shared(), renstra.COL_SKALA_PK: (TEXT, msg("template_help_scale_pk")),
             renstra.COL_SKALA_RENSTRA: (TEXT, msg("template_help_scale_renstra")),
             renstra.COL_KUMULATIF: (LIST, msg("template_help_cumulative"), (YES, NO))}
    named = _columns(renstra.RENSTRA_COLUMNS, renstra.RENSTRA_REQUIRED, kinds)
    at = renstra.RENSTRA_COLUMNS.index(renstra.RENSTRA_YEARS_AFTER) + 1
    plan_years = [Column(y, PLAN_YEAR, msg("template_help_renstra_year")) for y in renstra_years(year)]
    return (msg("template_use_renstra"), msg("template_guide_renstra_years")), (
        Sheet(renstra.SHEET_RENSTRA, msg("template_sheet_renstra"), (*named[:at], *plan_years, *named[at:])),)


def _supporting(_year: int | None) -> Layout:
    from .tables import supporting
    from .tables.inputs import COL_SOURCE

    required = (supporting.COL_BEFORE, supporting.COL_TITLE)
    kinds = {supporting.COL_BEFORE: (CODE, msg("template_help_before", end=supporting.AKHIR)),
             supporting.COL_TITLE: (TEXT, msg("template_help_table_title")), **_shared()}
    columns = _columns((*required, COL_SOURCE), required, kinds)
    return (msg("template_use_supporting"),), (
        Sheet(supporting.SHEET_SUPPORTING, msg("template_sheet_supporting"), tuple(columns)),)


def _action_plan(_year: int | None) -> Layout:
    from .tables import action_plan as plan
    from .tables.inputs import COL_SOURCE

    periods = tuple(p.month_code for p in calendar(DEFAULT_CALENDAR).periods)
    others = "; ".join(f"{name}: {', '.join(p.month_code for p in cal.periods)}"
                       for name, cal in CALENDARS.items() if name != DEFAULT_CALENDAR)
    required = (plan.COL_DIVISI, plan.COL_NO, plan.COL_TARGET_KINERJA)
    kinds = {
        plan.COL_DIVISI: (TEXT, msg("template_help_divisi")), plan.COL_NO: (WHOLE, msg("template_help_action_no")),
        plan.COL_TARGET_KINERJA: (TEXT, msg("template_help_action_text")), **_shared(),
        **dict.fromkeys(periods, (NUMBER, msg("template_help_action_period"))),
        plan.COL_UNIT: (TEXT, msg("template_help_unit", head=translated(plan.KANWIL))),
        plan.COL_YEAR: (EARLIER_YEAR, msg("template_help_unit_year")),
        plan.COL_CAPAIAN: (NUMBER, msg("template_help_unit_capaian")),
    }
    scores = (plan.COL_UNIT, plan.COL_YEAR, plan.COL_CAPAIAN)
    return (msg("template_use_action_plan", calendar=DEFAULT_CALENDAR, others=others),), (
        Sheet(plan.SHEET_ACTION_PLAN, msg("template_sheet_action_plan"),
              tuple(_columns((*required, *periods, COL_SOURCE), required, kinds))),
        Sheet(plan.SHEET_PREVIOUS_SCORES, msg("template_sheet_action_previous"),
              tuple(_columns((*scores, COL_SOURCE), scores, kinds))),
    )


def _budget(_year: int | None) -> Layout:
    from .tables.budget import layout as budget

    score = (NUMBER, msg("template_help_score"))
    money = (NUMBER, msg("template_help_money"))
    levels = tuple(budget.LEVEL_NAMES.values())
    kinds = {
        budget.COL_KELOMPOK: (TEXT, msg("template_help_kelompok")),
        budget.COL_SATKER: (TEXT, msg("template_help_satker")),
        budget.COL_TINGKAT: (LIST, msg("template_help_level", levels=", ".join(levels)), levels),
        budget.COL_KODE_SK: (CODE, msg("template_help_budget_sk")),
        budget.COL_KODE_IKK: (CODE, msg("template_help_budget_ikk")),
        budget.COL_PAGU: money, budget.COL_REALISASI: money,
        budget.COL_PENYERAPAN: score, budget.COL_KONSISTENSI: score, budget.COL_CRO: score, budget.COL_IKPA: score,
        budget.COL_EFISIENSI: (NUMBER, msg("template_help_efisiensi")),
        budget.COL_NILAI_EFISIENSI: (NUMBER, msg("template_help_nilai_efisiensi")),
        budget.COL_NO: (FREE, msg("template_help_emonev_no")),
        **dict.fromkeys(budget.MONTHS, (NUMBER, msg("template_help_month"))),
    }
    leading = (budget.COL_KELOMPOK, budget.COL_NO)  # optional columns shown before Satuan Kerja, as in the reports
    sheets: list[Sheet | FieldSheet] = [FieldSheet(budget.SHEET_INFO, msg("template_sheet_budget_info"),
                                                   msg("template_budget_info_title"), (
        Field(translated(budget.LABEL_KANTOR), TEXT, msg("template_help_kantor")),
        Field(budget.LABEL_TAHUN, YEAR, msg("template_help_budget_year")),
    ))]
    helps = {budget.SHEET_PAGU: "template_sheet_budget_pagu", budget.SHEET_SMART: "template_sheet_budget_smart",
             budget.SHEET_IKPA: "template_sheet_budget_ikpa", budget.SHEET_EMONEV: "template_sheet_budget_emonev"}
    for name in (*budget.SHEET_COLUMNS, budget.SHEET_EMONEV):
        numbers = budget.SHEET_COLUMNS.get(name, budget.MONTHS)
        optional = budget.SHEET_OPTIONAL_COLUMNS.get(name, ())
        titles = (*(t for t in optional if t in leading), budget.COL_SATKER, *numbers,
                  *(t for t in optional if t not in leading))
        text = msg(helps[name]) if name in helps else ""
        if name in budget.OPTIONAL_SHEETS:
            text = msg("template_sheet_optional", text=text)
        required = (budget.COL_SATKER, *budget.SHEET_COLUMNS.get(name, ()))  # a month may be blank
        sheets.append(Sheet(name, text, tuple(_columns(titles, required, kinds))))
    return (msg("template_use_budget"),), tuple(sheets)


# --------------------------------------------------------------------------- writing


def _rule(kind: str, title: str, year: int | None, choices: Sequence[str] = ()) -> dict | None:
    """The data validation of a column of ``kind`` (``None``: any value)."""
    rule: dict = {"error_title": title[:32]}  # the longest error title Excel shows
    if kind in (NUMBER, PLAN_YEAR):
        return {**rule, "validate": "decimal", "criteria": ">=", "value": 0,
                "error_message": msg("master_number_rule")}
    if kind == WHOLE:
        return {**rule, "validate": "integer", "criteria": ">=", "value": 1,
                "error_message": msg("template_whole_rule")}
    if kind in (YEAR, EARLIER_YEAR):
        low, high = YEAR_RANGE
        text = msg("master_year_rule")
        if kind == EARLIER_YEAR and year is not None:
            high, text = max(low, year - 1), msg("template_year_earlier_rule", year=year)
        return {**rule, "validate": "integer", "criteria": "between", "minimum": low, "maximum": high,
                "error_message": text}
    if kind == LIST:
        return {**rule, "validate": "list", "source": list(choices),
                "error_message": msg("master_choice_rule", options=", ".join(choices))}
    return None


def _write_table(workbook, st: StyleBook, sheet: Sheet, year: int | None) -> None:
    ws = workbook.add_worksheet(sheet.name)
    for col, column in enumerate(sheet.columns):
        ws.set_column(col, col, column_width([column.label], least=_WIDTH[column.kind]),
                      st("wrap", "@") if column.kind == CODE else None)
        if isinstance(column.title, str):
            ws.write_string(0, col, column.title, st.header)
        elif column.title is None:  # a plan year the user types
            ws.write_blank(0, col, None, st.entry)
        else:
            ws.write_number(0, col, column.title, st.header)
        if column.kind == PLAN_YEAR:
            ws.data_validation(0, col, 0, col, _rule(YEAR, column.label, None))
        rule = _rule(column.kind, column.label, year, column.choices)
        if rule is not None:
            ws.data_validation(1, col, TEMPLATE_ROWS, col, rule)
    ws.freeze_panes(1, 0)
    print_setup(ws, landscape=len(sheet.columns) > 5, year=year, repeat_rows=0)


def _write_fields(workbook, st: StyleBook, sheet: FieldSheet, year: int | None) -> None:
    ws = workbook.add_worksheet(sheet.name)
    for col, width in enumerate(FIELD_WIDTHS):
        ws.set_column(col, col, width)
    ws.write_string(0, 0, sheet.title, st.title)
    for row, item in enumerate(sheet.fields, start=2):
        field_row(ws, st, row, item.label, item.help)
        if item.kind == YEAR and year is not None:
            ws.write_number(row, 1, year, st.entry)
        else:
            ws.write_string(row, 1, "", st.entry)
        rule = _rule(item.kind, item.label, year)
        if rule is not None:
            ws.data_validation(row, 1, row, 1, rule)
    print_setup(ws, year=year)


def _guide_entries(sheet: Sheet | FieldSheet) -> list[tuple[str, str]]:
    """The rows of the guide for ``sheet``: the sheet, then each column (a run of columns with one help: one row)."""
    entries = [(sheet.name, sheet.help)]
    if isinstance(sheet, FieldSheet):
        return entries + [(item.label, item.help) for item in sheet.fields]
    runs: list[list[Column]] = []
    for column in sheet.columns:
        if runs and (runs[-1][-1].help, runs[-1][-1].kind) == (column.help, column.kind):
            runs[-1].append(column)
        else:
            runs.append([column])
    for run in runs:
        first, last = run[0], run[-1]
        label = first.label if len(run) == 1 or first.title is None else f"{first.label} … {last.label}"
        entries.append((label, msg("template_help_required", text=first.help) if first.required else first.help))
    return entries


def _input_template(key: str, mark: str, layout: Callable[[int | None], Layout]) -> InputTemplate:
    """The template ``key`` (its words are ``template_*_<key>`` in the catalogue), written from ``layout``."""
    name, description = LABELS[f"template_name_{key}"], msg(f"template_desc_{key}")

    def write(path: str, year: int | None) -> None:
        guide, sheets = layout(year)
        workbook = new_workbook(path, title=translated(name), kind=mark)
        st = StyleBook(workbook, "master")
        entries: list[tuple[str, str]] = []
        for sheet in sheets:
            if isinstance(sheet, FieldSheet):
                _write_fields(workbook, st, sheet, year)
            else:
                _write_table(workbook, st, sheet, year)
            entries += _guide_entries(sheet)
        paragraphs = [translated(description), *guide, msg("template_guide_header"), msg("template_guide_numbers")]
        write_guide(workbook, msg("template_guide_title", name=translated(name)), paragraphs, entries, year=year)
        workbook.close()

    return InputTemplate(LABELS[f"template_kind_{key}"], LABELS[f"template_file_{key}"], name, description, mark,
                         write)


#: Every input template by its ``--jenis`` name, the master first.
TEMPLATES: dict[str, InputTemplate] = {t.kind: t for t in (
    InputTemplate(LABELS["template_kind_master"], "LKjIP_template.xlsx", LABELS["template_name_master"],
                  msg("template_desc_master"), KIND_MASTER, lambda path, year: write_master_book(path, None, year)),
    _input_template("previous", KIND_PREVIOUS, _previous),
    _input_template("renstra", KIND_RENSTRA, _renstra),
    _input_template("budget", KIND_BUDGET, _budget),
    _input_template("action_plan", KIND_ACTION_PLAN, _action_plan),
    _input_template("supporting", KIND_SUPPORTING, _supporting),
)}
#: The ``--jenis`` choices: every template, then :data:`ALL`.
TEMPLATE_CHOICES = (*TEMPLATES, ALL)


def _chosen(kind: str) -> list[InputTemplate] | None:
    """The templates ``kind`` names (any case): one, every one for :data:`ALL`; ``None`` when unknown."""
    wanted = " ".join(str(kind).split()).casefold()
    if wanted == ALL.casefold():
        return list(TEMPLATES.values())
    found = [t for name, t in TEMPLATES.items() if name.casefold() == wanted]
    return found or None


def write_input_template(kind: str, out: str | os.PathLike | None = None, force: bool = False,
                         year: int | str | None = None, master: str | Path | Master | None = None,
                         read_from: Iterable[str | os.PathLike] = ()) -> list[Path]:
    """Write the blank template of input ``kind`` (a :data:`TEMPLATE_CHOICES` name); the paths written.

    ``out`` is the file to write (default: its file under ``templates/``); for
    :data:`ALL` ("semua") the folder every template is written into (default
    ``templates/``).  ``year`` (a year, or its text) fills the master's Tahun,
    the budget's Tahun Anggaran and the five Renstra plan years, and bounds the
    earlier years.  A ``master`` (or its path) gives its organisation's own words
    (:mod:`lkjip_xl.words`): titles, help and guide say "Bidang" where the
    default words say "Divisi", and the readers accept either; no template
    is written over ``read_from``, the files it was read from.  An existing
    file is replaced only with ``force``; the templates are written all or
    none.  :class:`~lkjip_xl.errors.UsageError` for an unknown kind or year,
    :class:`~lkjip_xl.guard.OutputError` for an output that cannot be written.
    """
    chosen = _chosen(kind)
    if chosen is None:
        raise UsageError("template_kind_unknown", value=kind, options=", ".join(TEMPLATE_CHOICES))
    given = year is not None and str(year).strip() != ""
    tahun = parse_year(year) if given else None
    if given and tahun is None:
        raise UsageError("template_year_invalid", value=year, low=YEAR_RANGE[0], high=YEAR_RANGE[1])
    inputs = list(read_from)  # the master's file, never overwritten
    if master is not None and not isinstance(master, Master):
        inputs, master = [*inputs, master], read_master(master)
    if len(chosen) > 1:
        folder = Path(out) if out is not None else TEMPLATES_DIR
        targets = [(t, folder / t.file_name) for t in chosen]
        guard_outputs([path for _, path in targets], inputs, force, out_dirs=[folder])
    else:
        targets = [(chosen[0], Path(out) if out is not None else chosen[0].default_path)]
        guard_outputs([targets[0][1]], inputs, force)
    with OutputSet(force) as outputs, use_words(master.words if master is not None else None):
        for template, path in targets:
            template.write(outputs.temporary(path), tahun)
    return [path for _, path in targets]
