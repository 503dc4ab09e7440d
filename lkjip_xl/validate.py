"""Validate returned forms: read each file, check it, cross-check the set, collect one report.

Checks never raise for bad content: every finding is a
:class:`~lkjip_xl.report.Problem` naming file, sheet and cell with an
Indonesian message.  :func:`validate_paths` is what ``lkjip-xl validate``
runs; ``lkjip-xl consolidate`` runs the same checks first.  The concerns
behind it: :mod:`lkjip_xl.inputs` (paths and folders → files),
:mod:`lkjip_xl.checks` (one form: cells → inputs and problems) and
:mod:`lkjip_xl.crosscheck` (the forms against each other and the master).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from .checks import CheckedForm, check_form
from .crosscheck import cross_check
from .guard import input_problem, path_list
from .inputs import expand_paths
from .kinds import FORM_KINDS, KIND_MASTER, TABLE_INPUT_KINDS, kind_by_sheets, workbook_kind
from .master import read_master
from .messages import MESSAGES, msg, os_error_text, use_words
from .model import Master
from .reader import FormReadError, read_form
from .workbooks import open_workbook
from .pool import Packed, Workers, collector_paused, collector_spared, cpus, map_guarded, pool, spare_arrived
from .problems import ERROR, WARNING, Problem
from .report import Report
from .row_inputs import sources_dropped
from .sheets import SheetScan
from .words import DEFAULT_WORDS, Words, common_words

#: Fewest files for which a process pool pays for its start (below it, one process reads them all).
MIN_PARALLEL_FORMS = 16


@dataclass
class Validation:
    """Outcome of validating a set of files."""

    report: Report
    forms: list[CheckedForm]
    unreadable: list[Problem] = field(default_factory=list)  #: one per file that could not be read
    #: the organisation's own words the run speaks in: the master's, or those the forms share
    words: Words = DEFAULT_WORDS

    @property
    def accepted(self) -> list[CheckedForm]:
        return [f for f in self.forms if not f.has_errors]

    @property
    def refused(self) -> list[CheckedForm]:
        return [f for f in self.forms if f.has_errors]

    @property
    def refused_files(self) -> list[str]:
        """Paths of the forms with errors and of the files that could not be read."""
        return [f.form.path for f in self.refused] + [p.file for p in self.unreadable]

    @property
    def valid(self) -> bool:
        """No error (warnings do not count): what ``lkjip-xl validate`` exits 0 on."""
        return self.report.valid

    @property
    def problems(self) -> list[Problem]:
        return self.report.problems

    def to_records(self) -> list[dict[str, str]]:
        """One dict per problem: :meth:`lkjip_xl.report.Report.to_records`."""
        return self.report.to_records()

    def to_dataframe(self):
        """One row per problem: :meth:`lkjip_xl.report.Report.to_dataframe` (needs pandas)."""
        return self.report.to_dataframe()



def validate_paths(paths: Iterable[str | Path], master: str | Path | Master | None = None,
                   progress: Callable[[str], None] | None = None, workers: int | None = None) -> Report:
    """Validate forms (files or folders); the report of ``lkjip-xl validate``.

    The forms are read and checked on ``workers`` processes (default: one per CPU; a pool only for
    :data:`MIN_PARALLEL_FORMS` files or more), as ``lkjip-xl consolidate --out-dir`` reads them
    (:func:`pooled_reader`); the report is the same, in the same order.
    """
    given = path_list(paths)
    workers = 1 if len(expand_paths(given)[0]) < MIN_PARALLEL_FORMS else workers or cpus()
    with pool(workers) as workers_pool, collector_spared():
        return validate_files(given, master, progress, pooled_reader(workers_pool)).report


def pooled_reader(workers_pool: Workers | None,
                  check: Callable[[str], object] | None = None) -> Callable[[Callable, list[str]], Iterable]:
    """The ``mapper`` of :func:`validate_files` that reads and checks the files in ``workers_pool``, in
    order (the builtin ``map`` without a pool), with ``check`` (default: the one it is given).

    Each checked form comes back :func:`compact` and a file whose reading process died
    (twice: :func:`lkjip_xl.pool.map_guarded`) as the error ``file_reader_crashed``.
    """
    def mapper(default_check: Callable[[str], object], files: list[str]) -> Iterable:
        reading = check or default_check
        if workers_pool is None:
            return map(reading, files)
        return _shared_parts(map_guarded(workers_pool, partial(_compact_check, reading), files, reader_crashed))

    return mapper


def _shared_parts(outcomes: Iterable[object]) -> Iterator[object]:
    """``outcomes`` with what many checked forms repeat — their column positions, the Divisi order, words
    and rule of their Kanwil, the texts of their stamps — one object each: thousands of forms arrive from
    the pool each with its own copy, and are held to the end of the run."""
    seen: dict[object, Any] = {}
    for n, outcome in enumerate(outcomes, start=1):
        if n % 64 == 0:  # in a collector_spared block: the forms so far are not walked again
            spare_arrived()
        if isinstance(outcome, Packed):  # a checked form from the pool (_compact_check)
            outcome = outcome.unpacked()
        if isinstance(outcome, CheckedForm):
            form = outcome.form
            form.columns = seen.setdefault(("columns", *form.columns.items()), form.columns)
            form.divisi_order = seen.setdefault(("order", *form.divisi_order), form.divisi_order)
            form.words = seen.setdefault(form.words, form.words)
            form.achievement = seen.setdefault(form.achievement, form.achievement)
            form.stamp = {seen.setdefault(key, key): seen.setdefault(value, value) for key, value in form.stamp.items()}
        yield outcome


def compact(checked: CheckedForm) -> CheckedForm:
    """``checked`` without what only the checks of the form itself read: its raw cells, formulas,
    locked JSON, sheet scan and input cell addresses.

    Cross-checks, consolidation and the report need the stamp, the header block (its "Revisi ke"),
    the definitions, the input values and the row numbers.  Dropping the rest divides what crosses
    between processes (and stays in memory) by about five.
    """
    checked.form = replace(checked.form, rows={}, formulas={}, locked={}, sheet=SheetScan(), unknown_codes=[],
                           duplicate_codes=[], duplicate_titles=[], signoff={})
    for reported in (*checked.inputs.values(), *(sub for subs in checked.sub_inputs.values() for sub in subs.values())):
        reported.sources = {}
    return checked


def _compact_check(check: Callable[[str], object], path: str) -> object:
    """``check(path)``, a checked form :func:`compact` and :class:`~lkjip_xl.pool.Packed` (in a pool worker).

    A form makes tens of thousands of short-lived objects: no collection runs while it is read (about a
    twentieth of reading it), one of what is left after.  Packed, it waits for the rest of its chunk as
    bytes, which the worker's collections do not walk; the receiver unpacks it (:func:`_shared_parts`).
    The inputs' source cells, which :func:`compact` drops, are not made (:func:`sources_dropped`)."""
    with collector_paused(), sources_dropped():
        outcome = check(path)
        return Packed.of(compact(outcome)) if isinstance(outcome, CheckedForm) else outcome


def reader_crashed(path: str) -> Problem:
    """The problem of a file whose reading process died, alone as well as in the pool."""
    return Problem(path, "file_reader_crashed", msg("file_reader_crashed", path=path), ERROR)


def check_path(path: str) -> CheckedForm | Problem:
    """Read and check one file on its own: a :class:`CheckedForm`, or a
    :class:`Problem` when the file cannot be read as a form at all.

    A module-level function of one picklable argument, so that callers may
    run it in a process pool.
    """
    refused = input_problem(path)
    if refused is not None:  # never opened: a FIFO would block
        code, fields = refused
        if code == "file_is_folder":  # a folder expand_paths could not list
            try:
                os.listdir(path)
            except OSError as exc:
                code, fields = "folder_unreadable", {"detail": os_error_text(exc)}
        return Problem(path, code, msg(code, path=path, **fields), ERROR)
    try:
        form = read_form(path)
    except FormReadError as exc:
        if exc.code in ("stamp_missing", "form_sheet_missing"):
            kind = workbook_kind(path) or _kind_by_sheets(path)
            if kind is not None and kind not in FORM_KINDS:
                return Problem(path, "toolkit_output_skipped", _skipped_message(path, kind), WARNING)
        return Problem(exc.path, exc.code, exc.message, ERROR, sheet=exc.sheet, cell=exc.cell)
    return check_form(form)


def _kind_by_sheets(path: str) -> str | None:
    """The kind of a toolkit workbook that lost its mark (saved by a program dropping document
    properties), known by its sheets (:func:`lkjip_xl.kinds.kind_by_sheets`); ``None`` for any other."""
    try:
        with open_workbook(path) as workbook:
            return kind_by_sheets(workbook.sheet_names)
    except FormReadError:
        return None


def _skipped_message(path: str, kind: str) -> str:
    """Why a toolkit workbook of ``kind`` in a forms folder is skipped, in words that say what it is:
    the master PK, an input of the tables, or an output."""
    if kind == KIND_MASTER:
        return msg("toolkit_master_skipped", path=path)
    label = msg(f"kind_{kind}") if f"kind_{kind}" in MESSAGES else kind
    return msg("toolkit_input_skipped" if kind in TABLE_INPUT_KINDS else "toolkit_output_skipped", path=path,
               kind=label)


def validate_files(paths: str | Path | Iterable[str | Path], master: str | Path | Master | None = None,
                   progress: Callable[[str], None] | None = None,
                   mapper: Callable[[Callable, list[str]], Iterable] = map,
                   multi_kanwil: bool = False) -> Validation:
    """Read and check every form; cross-check them against each other and the master.

    ``mapper`` applies :func:`check_path` to the file list in order; the default
    is the builtin ``map``, a process pool's ``map`` reads on several cores.
    ``multi_kanwil`` accepts forms of several Kanwil (national consolidation).
    Every problem is said in the master's own words (:mod:`lkjip_xl.words`); without a master, each
    form's in the form's, and those of the set in the words the forms share.
    """
    if master is not None and not isinstance(master, Master):
        master = read_master(master)
    with use_words(master.words if master is not None else None):
        return _validate(path_list(paths), master, progress, mapper, multi_kanwil)


def _validate(given: list[str | Path], master: Master | None, progress: Callable[[str], None] | None,
              mapper: Callable[[Callable, list[str]], Iterable], multi_kanwil: bool) -> Validation:
    files, problems = expand_paths(given)
    report = Report([*(master.warnings if master is not None else ()), *problems])  # a unit the master names idly
    checked: list[CheckedForm] = []
    unreadable: list[Problem] = []
    if not files:
        where = ", ".join(str(p) for p in given)
        report.add(Problem(where, "no_forms", msg("no_forms", path=where)))
    # every checked form is kept to the end: no collection walks them as they come (unpickled from a pool by a
    # thread of this process, or read here, each form's short-lived objects freed as it is done)
    with collector_paused():
        for path, outcome in zip(files, mapper(check_path, files)):
            if progress:
                progress(path)
            if isinstance(outcome, Problem):
                report.add(outcome)
                if outcome.is_error:  # a warning: a toolkit output skipped, not a refused form
                    unreadable.append(outcome)
            else:
                checked.append(outcome)
    if files and not checked and not unreadable:
        where = ", ".join(str(p) for p in given)
        report.add(Problem(where, "no_forms", msg("no_forms", path=where)))
    words = master.words if master is not None else common_words(result.form.words for result in checked)
    with use_words(words):
        global_problems = cross_check(checked, master, multi_kanwil)
    for result in checked:
        report.extend(result.problems)
    report.extend(global_problems)
    return Validation(report, checked, unreadable, words)

