"""The six actions of the control workbook, each through the library function the command line calls.

============================  ===================================================  =========================
button (action)               library function                                     command line
============================  ===================================================  =========================
Buat Formulir                 :func:`lkjip_xl.forms.write_forms`                   ``lkjip-xl forms``
Periksa                       :func:`lkjip_xl.validate.validate_paths`             ``lkjip-xl validate``
Salinan Pemeriksaan           ``validate_paths`` + :func:`lkjip_xl.feedback.write_feedback`
                                                                                   ``validate --feedback-dir``
Konsolidasi                   :func:`lkjip_xl.consolidate.consolidate`             ``lkjip-xl consolidate``
Tabel Bab III                 :func:`lkjip_xl.tables.make_tables`                  ``lkjip-xl tables``
Laporan Word                  :func:`lkjip_xl.chapter.make_chapter`                ``lkjip-xl laporan``
============================  ===================================================  =========================

Each takes the :class:`~lkjip_xl.control.settings.Settings` and returns an
:class:`~lkjip_xl.control.outcome.Outcome`; a setting that cannot be used
raises :class:`~lkjip_xl.control.settings.SettingsInvalid` (problems naming
its cell), a master that cannot be used :class:`MasterInvalid`, and what the
library refuses its own :class:`~lkjip_xl.errors.LkjipError`; the caller
(:func:`lkjip_xl.control.run.run_from_settings`) turns each into the sheet's
status.  An output that may not be written is said at the cell of its
setting; an existing one is replaced only when "Timpa" is Ya.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._values import blank
from ..errors import MASTER, LkjipError, UsageError
from ..guard import OutputError, OutputExistsError, guard_outputs
from ..messages import msg
from ..problems import Problem
from .layout import (
    ACTION_CHAPTER, ACTION_FEEDBACK, ACTION_FORMS, ACTION_KONSOLIDASI, ACTION_PERIKSA, ACTION_TABLES, ACTIONS,
    STATE_FIX, STATE_OK,
)
from .outcome import Outcome, now
from .settings import (
    Checked, Settings, SettingsInvalid, check_settings, output_exists_problem, output_path, output_problem,
    refused_problem, said_at, same_key, setting_problem, shown_value,
)

if TYPE_CHECKING:
    from ..model import Master


class MasterInvalid(LkjipError):
    """The master named on the sheet cannot be used; ``problems`` says where and why."""

    kind = MASTER

    def __init__(self, path: Path, problems: list[Problem]):
        super().__init__(problems=problems, path=path)
        self.master = path


def counts(problems: list[Problem]) -> tuple[int, int]:
    """(errors, warnings) among ``problems``."""
    errors = sum(p.is_error for p in problems)
    return errors, len(problems) - errors


def _master(settings: Settings, checked: Checked) -> Master:
    """The master of the sheet, read once, of the year on the sheet when one is given."""
    from ..master import MasterError, read_master

    try:
        master = read_master(checked.master)
    except MasterError as exc:
        raise MasterInvalid(checked.master, list(exc.problems)) from None
    if checked.tahun is not None and master.year != checked.tahun:
        raise SettingsInvalid([setting_problem(settings, "tahun", "kendali_year_mismatch", path=str(checked.master),
                                               found=master.year, expected=checked.tahun)])
    return master


@contextmanager
def _output_of(settings: Settings, key: str) -> Iterator[None]:
    """An output refused while writing (it exists, may not or cannot be written) said at the cell of ``key``."""
    try:
        yield
    except OutputExistsError as exc:
        raise SettingsInvalid([output_exists_problem(settings, Path(exc.path), key)]) from None
    except OutputError as exc:
        if exc.code == "output_not_writable" and key == "output":
            raise SettingsInvalid([setting_problem(settings, key, "kendali_output_locked", path=exc.path,
                                                   detail=exc.fields.get("detail", ""))]) from None
        raise SettingsInvalid([output_problem(settings, exc, key)]) from None


def _forms(settings: Settings, checked: Checked, skip: tuple[Path, ...] = ()) -> tuple[list[str], list[Problem]]:
    """The forms of the forms folder (without the master and ``skip``), and what the listing skipped."""
    from ..inputs import expand_paths

    files, listing_problems = expand_paths([checked.folder])
    left_out = {same_key(checked.master), *(same_key(path) for path in skip)}
    files = [f for f in files if same_key(Path(f)) not in left_out]
    if not files:
        raise SettingsInvalid([setting_problem(settings, "folder", "kendali_no_forms", path=str(checked.folder))])
    return files, listing_problems


# --------------------------------------------------------------------------- the actions


def buat_formulir(settings: Settings) -> Outcome:
    """Buat Formulir: one blank form per Divisi from the master, of the period chosen, into a folder."""
    from ..forms import form_period, write_forms
    from ..periods import ANNUAL

    checked = check_settings(settings, ("formulir_baru", "sebelumnya"))
    master = _master(settings, checked)
    out_dir = checked.path("formulir_baru")
    assert out_dir is not None  # a required setting
    period = ANNUAL if blank(settings.periode) else shown_value(settings.periode).strip()
    try:
        found = form_period(master, period)
    except UsageError as exc:
        raise SettingsInvalid([refused_problem(settings, "periode", exc)]) from None
    earlier = list(checked.paths.get("sebelumnya", ()))
    previous = earlier if found is not None and found.index > 1 and earlier else None
    filled = _filled_forms_folder(settings)  # never written into: its forms would be replaced by blank ones
    with _output_of(settings, "formulir_baru"):
        guard_outputs((), [checked.master, *(previous or ()), *filled], checked.timpa, out_dirs=[out_dir])
        written = write_forms(master, out_dir, period, checked.timpa, read_from=[checked.master], previous=previous)
    warnings = list(master.warnings)
    label = found.label if found is not None else ANNUAL
    return Outcome(ACTION_FORMS, STATE_OK, msg("kendali_forms_ok", count=len(written), period=label,
                                                 path=str(out_dir)),
                   forms=len(written), errors=0, warnings=len(warnings), output=str(out_dir), problems=warnings,
                   finished=now())


def _filled_forms_folder(settings: Settings) -> list[Path]:
    """The forms folder of the sheet when it names an existing folder (the other actions check it)."""
    try:
        return list(check_settings(settings, ("folder",)).paths["folder"])
    except SettingsInvalid:
        return []


def periksa(settings: Settings) -> Outcome:
    """Periksa: check every form of the forms folder; nothing is written."""
    from ..validate import validate_paths

    checked = check_settings(settings, ("folder",))
    master = _master(settings, checked)
    files, listing_problems = _forms(settings, checked)
    report = validate_paths(files, master=master)
    problems = listing_problems + report.problems
    errors, warnings = counts(problems)
    if errors:
        status, state = msg("kendali_periksa_errors", errors=errors, warnings=warnings, forms=len(files)), STATE_FIX
    else:
        status, state = msg("kendali_periksa_ok", forms=len(files), warnings=warnings), STATE_OK
    return Outcome(ACTION_PERIKSA, state, status, forms=len(files), errors=errors, warnings=warnings,
                   problems=problems, finished=now(), folder=str(checked.folder))


def salinan_pemeriksaan(settings: Settings) -> Outcome:
    """Salinan Pemeriksaan: check the forms and write a marked copy of each form with problems."""
    from ..feedback import check_feedback_dir, write_feedback
    from ..validate import validate_paths

    checked = check_settings(settings, ("folder", "salinan"))
    master = _master(settings, checked)
    out_dir = checked.path("salinan")
    assert out_dir is not None  # a required setting
    inputs = [checked.folder, checked.master]
    with _output_of(settings, "salinan"):
        check_feedback_dir(out_dir, inputs)  # before reading: never inside the forms folder
    files, listing_problems = _forms(settings, checked)
    report = validate_paths(files, master=master)
    with _output_of(settings, "salinan"):
        written, failed = write_feedback(report, out_dir, inputs, checked.timpa)
    problems = listing_problems + report.problems + failed
    errors, warnings = counts(problems)
    if written:
        status = msg("kendali_feedback_ok", copies=len(written), errors=errors, warnings=warnings, forms=len(files),
                     path=str(out_dir))
    else:
        status = msg("kendali_feedback_none", forms=len(files))
    return Outcome(ACTION_FEEDBACK, STATE_OK, status, forms=len(files), errors=errors, warnings=warnings,
                   output=str(out_dir) if written else "", problems=problems, finished=now(),
                   folder=str(checked.folder))


def konsolidasi(settings: Settings) -> Outcome:
    """Konsolidasi: check the forms and, when none has an error, write the consolidated workbook."""
    from ..consolidate import consolidate

    checked = check_settings(settings, ("folder",))
    master = _master(settings, checked)
    output = output_path(settings, master.year)
    if same_key(output) == same_key(checked.master):
        raise SettingsInvalid([setting_problem(settings, "output", "kendali_output_is_master", path=str(output))])
    files, listing_problems = _forms(settings, checked, (output,))
    with _output_of(settings, "output"):  # never an input, never in the forms folder, a path that can be a file
        guard_outputs([output], [checked.folder, checked.master, settings.control_path], checked.timpa,
                      check_existing=False)
        # an existing output is refused only once the forms are valid (consolidate checks last)
        result = consolidate(files, str(output), master=master, force=checked.timpa)
    problems = listing_problems + result.report.problems
    errors, warnings = counts(problems)
    if result.output is None:
        in_forms = sum(p.is_error and p.code != "forms_refused" for p in problems)
        return Outcome(ACTION_KONSOLIDASI, STATE_FIX,
                       msg("kendali_konsolidasi_refused", errors=in_forms, forms=len(files)),
                       forms=len(files), errors=errors, warnings=warnings, problems=problems,
                       finished=now(), folder=str(checked.folder))
    headline = result.summary.headline if result.summary is not None else ""
    return Outcome(ACTION_KONSOLIDASI, STATE_OK,
                   msg("kendali_konsolidasi_ok", headline=headline, path=str(result.output)),
                   forms=len(files), errors=errors, warnings=warnings, headline=headline,
                   output=str(result.output), problems=problems, finished=now(), folder=str(checked.folder))


#: The optional inputs of the tables and the chapter: setting key → keyword of make_tables / make_chapter.
_TABLE_INPUTS = {"tahun_lalu": "previous", "renstra": "renstra", "anggaran": "anggaran", "pendukung": "supporting",
                 "rencana_aksi": "rencana_aksi"}


def _report_inputs(settings: Settings, key: str, more: tuple[str, ...] = ()) -> tuple[Checked, dict[str, Any]]:
    """The settings of the tables and the chapter, checked, and the keyword arguments of their function:
    this year's consolidated workbook (written by Konsolidasi) and the master, the optional inputs, the
    output of setting ``key``."""
    checked = check_settings(settings, (*_TABLE_INPUTS, *more))
    master = _master(settings, checked)
    source = output_path(settings, master.year)
    if not source.is_file():
        raise SettingsInvalid([setting_problem(settings, "output", "kendali_source_missing", path=str(source))])
    arguments: dict[str, Any] = {"source": source, "master": checked.master,
                                 "out": output_path(settings, master.year, key), "force": checked.timpa}
    for setting, keyword in _TABLE_INPUTS.items():
        found = checked.paths.get(setting, ())
        arguments[keyword] = list(found) if setting == "tahun_lalu" else (found[0] if found else None)
    return checked, arguments


def _absent_at_cells(settings: Settings, warnings: list[Problem]) -> list[Problem]:
    """The warnings of an optional input left empty, said at its settings cell; the command line's
    option named in them (``(--renstra)``) is no use on the sheet and is left out."""
    from ..tables.load import ABSENT

    setting_of = {ABSENT[keyword]: setting for setting, keyword in _TABLE_INPUTS.items()}
    return [said_at(settings, setting_of[p.code], p.code, _OPTION.sub("", p.message), p.severity)
            if p.code in setting_of else p for p in warnings]


_OPTION = re.compile(r" \(--[a-z-]+\)")


def tabel_bab3(settings: Settings) -> Outcome:
    """Tabel Bab III: the chapter III tables from the consolidated workbook, the master and the inputs given."""
    from ..tables import make_tables

    _, arguments = _report_inputs(settings, "tabel")
    with _output_of(settings, "tabel"):
        result = make_tables(**arguments)
    numbered = [entry for entry in result.toc if entry.label]
    status = msg("tables_written", path=str(result.output), count=len(numbered),
                 first=numbered[0].label if numbered else "-", last=numbered[-1].label if numbered else "-")
    warnings = _absent_at_cells(settings, list(result.warnings))
    return Outcome(ACTION_TABLES, STATE_OK, status, errors=0, warnings=len(warnings), output=str(result.output),
                   problems=warnings, finished=now())


def laporan_word(settings: Settings) -> Outcome:
    """Laporan Word: Bab III as a Word document (and its PDF when "PDF" is Ya) from the inputs of the tables."""
    from ..chapter import make_chapter
    from ..office import OfficeMissingError

    checked, arguments = _report_inputs(settings, "laporan", ("pdf",))
    with _output_of(settings, "laporan"):
        try:
            result = make_chapter(**arguments, pdf=checked.flags["pdf"])
        except OfficeMissingError as exc:
            raise SettingsInvalid([refused_problem(settings, "pdf", exc)]) from None
    status = msg("chapter_written", path=str(result.output), tables=result.tables, figures=result.figures,
                 drafts=result.drafts)
    if result.pdf is not None:
        status += " " + msg("chapter_pdf_written", path=str(result.pdf))
    warnings = _absent_at_cells(settings, list(result.warnings))
    return Outcome(ACTION_CHAPTER, STATE_OK, status, errors=0, warnings=len(warnings), output=str(result.output),
                   problems=warnings, finished=now())


ACTION_RUNNERS: dict[str, Callable[[Settings], Outcome]] = {
    ACTION_FORMS: buat_formulir, ACTION_PERIKSA: periksa, ACTION_FEEDBACK: salinan_pemeriksaan,
    ACTION_KONSOLIDASI: konsolidasi, ACTION_TABLES: tabel_bab3, ACTION_CHAPTER: laporan_word,
}
assert tuple(ACTION_RUNNERS) == ACTIONS, "one runner per button, in the buttons' order"
