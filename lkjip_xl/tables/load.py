"""Every input of the tables, read and checked against each other before anything is written.

This year's figures come from a consolidated workbook or a folder of forms
(:func:`read_current`), with each period's figures when it holds periods
(:func:`read_current_periods`, :mod:`lkjip_xl.tables.per_period`); earlier
years, the Renstra targets, the budget, the action plan and the
supporting-table list from their own readers.  :func:`load_tables_data`
collects every error of every input at once; :func:`make_tables` is the whole
``lkjip-xl tables`` run.

Only this year's figures and the master are required.  Every table is built
from the inputs that exist: without earlier years or the Renstra the
comparison and Target Jangka Menengah tables are still written, with "data
tidak tersedia" where the missing figures would be, and each input not given
is said once in the warnings (:func:`absent_inputs`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..period_consolidation import compute_view
from ..free_text import texts_of
from ..guard import guard_outputs, input_problem
from ..master import MasterError, read_master
from ..messages import LABELS, msg, use_words
from ..model import Master
from ..numbers import format_number
from ..problems import ERROR, WARNING, Problem
from ..validate import validate_files
from .action_plan import ActionPlan, read_action_plan
from .budget.efficiency import map_realisasi
from .budget.model import BudgetData
from .budget.read import BudgetInputError, load_budget
from .inputs import InputError
from .per_period import PeriodFigures, from_consolidation, from_sheets, period_sheets
from .previous import DASH, Previous, YearFigures, consolidated_figures, open_consolidated, read_previous
from .renstra import Renstra, RenstraRow, read_renstra
from .supporting import SupportingTable, read_supporting
from .writer import TablesResult, write_tables


@dataclass
class TablesData:
    """Everything the tables show, read and checked before anything is written."""

    master: Master
    current: dict[str, YearFigures]  #: this year's realisasi by IKK code
    current_source: str
    previous: Previous  #: empty when no earlier years are given (``previous_given``)
    renstra: Renstra  #: empty when no Renstra is given (``renstra_given``)
    renstra_source: str
    budget: BudgetData | None = None
    supporting: tuple[SupportingTable, ...] = ()
    warnings: list[Problem] = field(default_factory=list)
    action_plan: ActionPlan | None = None  #: the Target Kinerja and their action-plan scores (--rencana-aksi)
    periods: PeriodFigures | None = None  #: each period's figures, when the source holds periods
    previous_given: bool = True  #: whether earlier years were given at all (--previous)
    renstra_given: bool = True  #: whether a Renstra was given at all (--renstra)

    @property
    def new_codes(self) -> set[str]:
        """IKK of the master with no earlier year: new this year, nothing to compare with.  Without
        earlier years no IKK is known to be new: every comparison shows "data tidak tersedia"."""
        if not self.previous_given:
            return set()
        return {i.code for i in self.master.indicators if i.code not in self.previous.by_code}

    def renstra_target_year(self, row: RenstraRow | None) -> int | None:
        """The plan year whose Renstra target the IKK's capaian needs: the plan's last year for a
        cumulative IKK, this year on the Renstra basis, ``None`` on the PK basis (or without any year)."""
        if row is not None and row.cumulative:
            years = self.renstra.years_with_targets
            return years[-1] if years else None
        return self.master.year if self.master.renstra_basis == "renstra" else None

    def cumulative_years(self, row: RenstraRow | None) -> tuple[int, ...]:
        """The plan years whose realisasi a cumulative IKK sums: those up to this year (this year
        always last); ``()`` for an IKK that is not cumulative."""
        if row is None or not row.cumulative:
            return ()
        year = self.master.year
        return (*(y for y in self.renstra.years if y < year), year)


def read_current(source: str | Path, master: Master) -> tuple[dict[str, YearFigures], list[Problem]]:
    """This year's target and realisasi per IKK from a consolidated workbook or a folder of forms.

    Forms are validated and computed exactly as ``lkjip-xl consolidate`` does;
    forms with errors, and period forms that are not yet the whole year, raise
    :class:`~lkjip_xl.tables.inputs.InputError`.
    """
    figures, warnings, _ = read_current_periods(source, master)
    return figures, warnings


def read_current_periods(source: str | Path, master: Master
                         ) -> tuple[dict[str, YearFigures], list[Problem], PeriodFigures | None]:
    """:func:`read_current`, and each period's figures when the source holds periods (period forms, or a
    consolidated workbook of them with its period sheets); ``None`` for a yearly source."""
    if not Path(source).is_dir():
        name, grids = open_consolidated(source, period_sheets(master))
        year, figures = consolidated_figures(name, grids)
        if year != master.year:
            raise InputError([Problem(str(source), "consolidated_other_year",
                                      msg("consolidated_other_year", path=source, found=year,
                                          expected=master.year))])
        periods = from_sheets(name, grids, master, year)
        return figures, periods.warnings if periods else [], periods
    validation = validate_files([source], master)
    report = validation.report
    if not report.valid or not validation.accepted:
        refused = len(validation.refused_files)
        summary = [Problem(str(source), "forms_refused", msg("forms_refused", count=refused))] if refused else []
        raise InputError([*report.problems, *summary])
    consolidated, parts = compute_view(validation.accepted, master)
    if not consolidated.is_year:  # period forms: only the whole year makes the tables
        raise InputError([Problem(str(source), "forms_not_year",
                                  msg("forms_not_year", path=source, period=consolidated.period))])
    figures = {
        result.indicator.code: YearFigures(result.indicator.code, master.year, result.indicator.target,
                                           result.realisasi, DASH if result.realisasi is None else "",
                                           result.indicator.text, Path(checked.form.path).name,
                                           nihil=reported.nihil, **texts_of(reported))
        for result, reported, checked in consolidated.rows
    }
    periods = from_consolidation(parts, master, str(source)) if parts else None
    return figures, [*report.warnings, *(periods.warnings if periods else ())], periods


def load_tables_data(source: str | Path, master: str | Path | Master, previous: Sequence[str | Path] = (),
                     renstra: str | Path | None = None, anggaran: str | Path | None = None,
                     supporting: str | Path | None = None, rencana_aksi: str | Path | None = None) -> TablesData:
    """Read every input of the tables and check them against each other.

    Only ``source`` and ``master`` are required; each other input not given is
    said once in the warnings (:func:`absent_inputs`).  Raises
    :class:`~lkjip_xl.tables.inputs.InputError` with every error found in every
    input; warnings are in :attr:`TablesData.warnings`.
    """
    if not isinstance(master, Master):
        try:
            master = read_master(master)
        except MasterError as exc:
            raise InputError(exc.problems) from exc
    problems: list[Problem] = []

    def attempt(read, *args):
        try:
            return read(*args)
        except (InputError, BudgetInputError) as exc:
            problems.extend(exc.problems)
            return None

    current = attempt(read_current_periods, source, master)
    earlier = attempt(read_previous, previous, master)
    plan = attempt(read_renstra, renstra) if renstra else Renstra((), {})
    budget = attempt(load_budget, anggaran) if anggaran else None
    extra = attempt(read_supporting, supporting, [i.code for i in master.indicators]) if supporting else ()
    action = attempt(read_action_plan, rencana_aksi, master) if rencana_aksi else None
    if current is None or earlier is None or plan is None or (anggaran and budget is None) or extra is None \
            or (rencana_aksi and action is None):
        raise InputError(problems)
    absent = absent_inputs(master, previous=bool(previous), renstra=bool(renstra), anggaran=bool(anggaran),
                           supporting=bool(supporting), rencana_aksi=bool(rencana_aksi))
    data = TablesData(master, current[0], str(source), earlier, plan, str(renstra or ""), budget, extra,
                      [*absent, *current[1], *earlier.warnings, *plan.warnings, *(budget.warnings if budget else ()),
                       *(action.warnings if action else ())], action, current[2],
                      previous_given=bool(previous), renstra_given=bool(renstra))
    problems = check_data(data)
    if any(p.is_error for p in problems):
        raise InputError(problems)
    data.warnings.extend(problems)
    return data


#: The optional inputs, each with the warning that says what the tables show without it.
ABSENT = {
    "previous": "tables_previous_absent",
    "renstra": "tables_renstra_absent",
    "anggaran": "tables_anggaran_absent",
    "supporting": "tables_supporting_absent",
    "rencana_aksi": "tables_rencana_aksi_absent",
}


def absent_inputs(master: Master, **given: bool) -> list[Problem]:
    """One warning for each optional input of :data:`ABSENT` given as ``False`` (``previous=False``, ...),
    saying what the tables show without it."""
    kinds = {"previous": LABELS["kind_perbandingan"], "renstra": LABELS["kind_renstra"]}
    return [Problem("", ABSENT[name], msg(ABSENT[name], kind=kinds.get(name, ""), previous=master.year - 1),
                    WARNING)
            for name, present in given.items() if not present]


def check_data(data: TablesData) -> list[Problem]:
    """Cross-checks of the inputs: errors (earlier years not earlier, budget rows mapped to no SK or IKK of
    the master) and warnings (gaps, unknown IKK)."""
    master = data.master
    known = master.by_code()
    problems: list[Problem] = map_realisasi(master, data.budget)[1] if data.budget is not None else []

    def warn(message_code: str, path: str, ikk: str = "", **fields) -> None:
        problems.append(Problem(path, message_code, msg(message_code, path=path, **fields), WARNING, ikk=ikk))

    for figures in data.previous.by_code.values():
        for item in figures:
            if item.year >= master.year:
                problems.append(Problem(item.source, "previous_not_earlier",
                                        msg("previous_not_earlier", code=item.code, found=item.year,
                                            where=item.source, year=master.year), ERROR, ikk=item.code))
    sources = ((data.current, data.current_source), (data.previous.by_code, msg("tables_previous_source")),
               (data.renstra.rows, data.renstra_source))
    for codes, path in sources:
        for code in codes:
            if code not in known:
                warn("tables_unknown_code", path, code, code=code, year=master.year)
    new = [i.code for i in master.indicators if i.code in data.new_codes]
    if new:
        warn("tables_new_ikk", msg("tables_previous_source"), count=len(new), codes=", ".join(new))
    no_row: list[str] = []
    no_target: list[str] = []
    incomplete: list[str] = []
    for indicator in master.indicators:
        code = indicator.code
        current = data.current.get(code)
        if current is None or current.realisasi is None:
            warn("tables_no_realisasi", data.current_source, code, code=code)
        elif current.target is not None and current.target != indicator.target:
            warn("tables_target_differs", data.current_source, code, code=code,
                 found=format_number(current.target, 4), expected=format_number(indicator.target, 4))
        row = data.renstra.rows.get(code)
        needed = data.renstra_target_year(row)
        if row is None:
            no_row.append(code)
        elif needed is not None and needed not in row.targets:
            no_target.append(f"{code} ({needed})")
        missing = [str(y) for y in data.cumulative_years(row)[:-1]
                   if (f := data.previous.figures(code, y)) is None or f.realisasi is None]
        if missing:
            incomplete.append(f"{code} ({', '.join(missing)})")
    if data.renstra_given and data.renstra.years_with_targets:  # otherwise said once: no Renstra, no target
        if no_row:
            warn("tables_no_renstra", data.renstra_source, count=len(no_row), codes=", ".join(no_row))
        if no_target:
            warn("tables_no_renstra_target", data.renstra_source, count=len(no_target), items=", ".join(no_target))
    if incomplete and data.previous_given:  # otherwise said once: no earlier years
        warn("tables_cumulative_missing", msg("tables_previous_source"), items="; ".join(incomplete))
    return problems


def checked_inputs(source: str | Path, master: str | Path, previous: Sequence[str | Path],
                   *others: str | Path | None) -> tuple[Master, list[str | Path | None]]:
    """The master read, and every input path of a tables run (``others``: Renstra, budget, supporting
    tables, action plan, each ``None`` when not given), once none is a file that cannot be opened: a
    folder, a device, a link loop. A missing file is left to its reader, which names it."""
    inputs = [source, master, *previous, *others]
    unreadable = []
    for path in inputs:
        refused = input_problem(path, folder_ok=path == source) if path is not None else None
        if refused is not None and refused[0] != "file_not_found":  # the readers name a missing file
            unreadable.append(Problem(str(path), refused[0], msg(refused[0], path=path, **refused[1]), ERROR))
    if unreadable:
        if any(p.file == str(master) for p in unreadable):  # no usable master
            raise MasterError(unreadable)
        raise InputError(unreadable)
    return read_master(master), inputs


def make_tables(source: str | Path, master: str | Path, out: str | Path, previous: Sequence[str | Path] = (),
                renstra: str | Path | None = None, anggaran: str | Path | None = None,
                supporting: str | Path | None = None, start: int = 1, force: bool = False,
                rencana_aksi: str | Path | None = None,
                stage: Callable[[str], None] | None = None) -> TablesResult:
    """Read and check every input, then write the tables workbook to ``out`` (``lkjip-xl tables``).

    Only ``source`` (this year's consolidated workbook or forms) and ``master``
    are required; every table is built from the inputs given, and each input
    not given is said once in :attr:`TablesResult.warnings`.

    Raises :class:`~lkjip_xl.master.MasterError` when the master cannot be used
    (or cannot be opened), :class:`~lkjip_xl.tables.inputs.InputError` with every
    error of the other inputs, :class:`~lkjip_xl.guard.OutputError` when
    ``out`` may not be written.  Warnings are in :attr:`TablesResult.warnings`.
    ``rencana_aksi`` (the action plan, docs/tables.md) adds the Capaian Target
    Kinerja tables; without it they are not written.  ``stage`` is called with the name of each
    stage as it begins (reading the inputs, writing the tables), for a progress display.
    """
    if not isinstance(out, (str, Path)):  # the order of the calls written before previous became optional
        raise TypeError(f"make_tables(source, master, out, ...): out is a path, not {type(out).__name__}")
    previous = [previous] if isinstance(previous, (str, Path)) else list(previous)
    stage = stage or (lambda _name: None)
    stage(LABELS["stage_read_inputs"])
    pk, inputs = checked_inputs(source, master, previous, renstra, anggaran, supporting, rencana_aksi)
    with use_words(pk.words):  # every problem, title and label in the master's own words
        data = load_tables_data(source, pk, previous, renstra, anggaran, supporting, rencana_aksi)
        guard_outputs([out], inputs, force)  # every input is read; nothing is written yet
        stage(LABELS["stage_write_tables"])
        result = write_tables(data, out, start, force)
    result.warnings = [*pk.warnings, *data.warnings]
    return result
