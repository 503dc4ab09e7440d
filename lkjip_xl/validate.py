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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import CheckedForm, check_form
from .crosscheck import cross_check
from .guard import input_problem, path_list
from .inputs import expand_paths
from .kinds import FORM_KINDS, workbook_kind
from .master import read_master
from .messages import MESSAGES, msg, os_error_text, use_words
from .model import Master
from .reader import FormReadError, read_form
from .problems import ERROR, WARNING, Problem
from .report import Report
from .words import DEFAULT_WORDS, Words, common_words


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
                   progress: Callable[[str], None] | None = None) -> Report:
    """Validate forms (files or folders); the report of ``lkjip-xl validate``."""
    return validate_files(paths, master, progress).report


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
            kind = workbook_kind(path)
            if kind is not None and kind not in FORM_KINDS:
                label = msg(f"kind_{kind}") if f"kind_{kind}" in MESSAGES else kind
                return Problem(path, "toolkit_output_skipped",
                               msg("toolkit_output_skipped", path=path, kind=label), WARNING)
        return Problem(exc.path, exc.code, exc.message, ERROR, sheet=exc.sheet, cell=exc.cell)
    return check_form(form)


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
    report = Report(problems)
    checked: list[CheckedForm] = []
    unreadable: list[Problem] = []
    if not files:
        where = ", ".join(str(p) for p in given)
        report.add(Problem(where, "no_forms", msg("no_forms", path=where)))
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

