"""The ``lkjip-xl`` command line: a thin layer over the library, and the only module importing click.

Each command parses its options, calls the library and hands what happened to
one runner (:func:`command`), which

- prints problems one way (:func:`echo_problems`: severity label, code,
  location, message);
- with ``--json`` prints exactly one JSON document on stdout and nothing else
  there (:meth:`Run.document`): the problems, the outputs written and the
  summary, also when the command fails;
- turns every :class:`~lkjip_xl.errors.LkjipError` into its exit code by its
  kind (:data:`EXIT_CODES`, the one table) and any other exception into an
  Indonesian sentence naming the command and exit code
  :data:`EXIT_UNEXPECTED`; no traceback ever reaches the user.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import INPUT, MASTER, OUTPUT, SETUP, USAGE, LkjipError, UsageError
from .guard import guard_outputs, input_problem
from .master import MasterError, read_master
from .messages import LABELS, msg, use_words
from .periods import ANNUAL, period_choices
from .problems import ERROR, Problem
from .report import Report
from .input_templates import TEMPLATE_CHOICES, write_input_template

#: Exit code of each kind of :class:`~lkjip_xl.errors.LkjipError` (docs/validation.md, "Exit codes").
#: 0 is success; a report with errors (``validate``) or a refused form (``consolidate``) is an input error.
EXIT_CODES: dict[str, int] = {
    INPUT: 1,   # an input has errors: fix it and run again
    MASTER: 2,  # the master PK cannot be used: nothing can be checked or computed
    OUTPUT: 2,  # an output cannot or may not be written
    USAGE: 2,   # options that exclude each other
    SETUP: 2,   # an optional part of the installation is missing (xlwings)
}
#: Exit code of an unexpected exception (a bug): an Indonesian sentence, never a traceback.
EXIT_UNEXPECTED = 3

#: Every path option and argument: click checks nothing (its messages are English); the
#: library checks inputs (:func:`~lkjip_xl.guard.input_problem`) and outputs
#: (:func:`~lkjip_xl.guard.guard_outputs`) and says what is wrong in Indonesian.
PATH = click.Path(readable=False)


# --------------------------------------------------------------------------- printing and exit codes


def echo_problems(problems: Sequence[Problem], err: bool = True) -> None:
    """The one way problems are printed: a line per problem (label, code, location, message) and the count."""
    if problems:
        click.echo(Report(list(problems)).to_text(), err=err)


class Run:
    """What one command did, printed as it happens (text) or once at the end (``--json``)."""

    def __init__(self, command: str, as_json: bool):
        self.command = command
        self.as_json = as_json
        self.problems: list[Problem] = []
        self.outputs: list[str] = []
        self.fields: dict[str, Any] = {}
        self.error: dict[str, Any] | None = None
        self.exit_code = 0

    def report(self, problems: Sequence[Problem], err: bool = False) -> None:
        """Problems found by the command (the report, warnings); printed unless ``--json``."""
        self.problems.extend(problems)
        if not self.as_json:
            echo_problems(problems, err)

    def say(self, text: str, err: bool = False) -> None:
        """A line for people; ``--json`` leaves it out (the document holds the same facts)."""
        if not self.as_json:
            click.echo(text, err=err)

    def note(self, text: str) -> None:
        """A line for people on stderr, also with ``--json`` (refused forms, feedback copies written)."""
        click.echo(text, err=True)

    def wrote(self, *paths: str | Path) -> None:
        self.outputs.extend(str(path) for path in paths)

    def set(self, **fields: Any) -> None:
        """Members of the ``--json`` document beside the report and the outputs."""
        self.fields.update(fields)

    def fail(self, exc: LkjipError) -> None:
        self.exit_code = EXIT_CODES[exc.kind]
        self.error = {key: value for key, value in exc.to_dict().items() if key != "problems"}
        self.report(exc.problems, err=True)

    def crash(self, exc: Exception) -> None:
        text = msg("command_unexpected", command=self.command, detail=f"{type(exc).__name__}: {exc}")
        self.exit_code = EXIT_UNEXPECTED
        self.error = {"kind": "unexpected", "code": "command_unexpected", "path": "", "message": text}
        self.report([Problem("", "command_unexpected", text, ERROR)], err=True)

    def document(self) -> dict[str, Any]:
        """The ``--json`` document: the report's members, then the outputs, summary and error."""
        report = Report(self.problems)
        return {"command": self.command, "exit_code": self.exit_code, "valid": report.valid,
                "errors": len(report.errors), "warnings": len(report.warnings), "problems": report.flatten(),
                "outputs": self.outputs, **self.fields, "error": self.error}

    def finish(self) -> None:
        if self.as_json:
            click.echo(json.dumps(self.document(), ensure_ascii=False, indent=2))
        sys.exit(self.exit_code)


def runner(name: str, func: Callable[..., None]) -> Callable[..., None]:
    """The click callback of command ``name``: ``func(run, **options)`` under the one error handling."""

    @functools.wraps(func)
    def run_command(as_json: bool = False, **options: Any) -> None:
        run = Run(name, as_json)
        try:
            func(run, **options)
        except LkjipError as exc:
            run.fail(exc)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: a sentence and exit code 3, never a traceback
            run.crash(exc)
        run.finish()

    return run_command


def command(name: str, json_help: str = msg("help_json"), **settings: Any):
    """Register ``func(run, **options)`` as ``lkjip-xl <name>`` with ``--json`` and the one error handling."""

    def decorate(func: Callable[..., None]):
        callback = runner(name, func)
        # --json last in the help: click lists the options in reverse order of this list
        callback.__click_params__ = [  # type: ignore[attr-defined]
            click.Option(["--json", "as_json"], is_flag=True, help=json_help), *getattr(func, "__click_params__", [])]
        return cli.command(name, **settings)(callback)

    return decorate


# --------------------------------------------------------------------------- shared helpers


def force_option(func):
    return click.option("--force", is_flag=True, help=msg("help_force"))(func)


def master_option(required: bool):
    return click.option("--master", "master_path", type=PATH, required=required,
                        help=msg("help_master_optional"))


def _load_master(path: str | None):
    """The master of ``path`` (``None`` without one); a FIFO or a folder is refused without opening it."""
    if path is None:
        return None
    refused = input_problem(path)
    if refused is not None and refused[0] != "file_not_found":
        code, fields = refused
        raise MasterError([Problem(path, code, msg(code, path=path, **fields), ERROR)])
    return read_master(path)


class _Progress:
    """A progress bar on stderr for many files, silent for few."""

    def __init__(self, label: str, total: int):
        self.bar = None
        if total > 3 and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()

    def __call__(self, _path: str) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _count_inputs(paths) -> int:
    from .inputs import expand_paths

    return len(expand_paths(paths)[0])


def _write_feedback(run: Run, report: Report, feedback_dir: str, files: Iterable[str | None], force: bool) -> None:
    """Write the marked copies of the forms with problems and say where they are."""
    from .feedback import write_feedback

    written, failed = write_feedback(report, feedback_dir, [f for f in files if f is not None], force)
    for source, path in written.items():
        run.note(msg("feedback_written", source=source, path=path))
        run.wrote(path)
    run.set(feedback={str(source): str(path) for source, path in written.items()})
    run.report(failed, err=True)


def _summary(summary) -> dict[str, Any] | None:
    """The Ringkasan of a consolidation as plain data: the headline, the total and each Divisi (or Kanwil)."""
    if summary is None:
        return None
    return {"headline": summary.headline, **asdict(summary.overall),
            "groups": [asdict(group) for group in summary.groups]}


# --------------------------------------------------------------------------- the commands


@click.group(help=msg("help_cli"))
@click.version_option(__version__, prog_name="lkjip-xl")
def cli() -> None:
    """lkjip-xl: standard LKjIP forms out, filled forms back, consolidated capaian workbook.

    (The Indonesian help text users see is passed to click as ``help=``.)
    """


@command("template", help=msg("help_template"))
@click.option("--jenis", type=click.Choice(TEMPLATE_CHOICES, case_sensitive=False), default=TEMPLATE_CHOICES[0],
              show_default=True, help=msg("help_template_jenis"))
@click.option("--out", type=PATH, help=msg("help_template_out"))
@click.option("--tahun", help=msg("help_template_tahun"))
@force_option
def template(run: Run, jenis: str, out: str | None, tahun: str | None, force: bool) -> None:
    """Write a blank input template (--jenis: the master PK by default; semua: every one) with its guide."""
    for path in write_input_template(jenis, out, force, tahun):
        run.wrote(path)
        run.say(msg("template_written", path=path))


@command("forms", help=msg("help_forms"))
@click.argument("master", type=PATH)
@click.option("--out-dir", type=PATH, required=True, help=msg("help_forms_out_dir"))
@click.option("--periode", type=click.Choice(period_choices(), case_sensitive=False), default=ANNUAL, show_default=True,
              help=msg("help_forms_periode"))
@click.option("--sebelumnya", type=PATH, multiple=True, help=msg("help_forms_sebelumnya"))
@force_option
def forms(run: Run, master: str, out_dir: str, periode: str, sebelumnya: tuple[str, ...], force: bool) -> None:
    """Write one standard form per Divisi from MASTER (of --periode; --sebelumnya: the earlier periods' forms)."""
    from .forms import write_forms

    guard_outputs((), [master, *sebelumnya], force, out_dirs=[out_dir])
    pk = _load_master(master)
    for path in write_forms(pk, out_dir, periode, force, read_from=[master],
                            previous=list(sebelumnya) if sebelumnya else None):
        run.wrote(path)
        run.say(msg("form_written", path=path))


@command("validate", json_help=msg("help_validate_json"), help=msg("help_validate"))
@click.argument("files", nargs=-1, required=True, type=PATH)
@master_option(required=False)
@click.option("--feedback-dir", type=PATH,
              help=msg("help_validate_feedback_dir", sheet=LABELS["sheet_feedback"]))
@click.option("--force", is_flag=True, help=msg("help_validate_force"))
def validate(run: Run, files: tuple[str, ...], master_path: str | None, feedback_dir: str | None,
             force: bool) -> None:
    """Check returned forms (files or folders); exit 1 when there are errors (warnings do not count)."""
    from .feedback import check_feedback_dir
    from .validate import validate_paths

    inputs = [*files, master_path]
    if feedback_dir is not None:
        check_feedback_dir(feedback_dir, inputs)
    pk = _load_master(master_path)
    progress = _Progress(LABELS["progress_checking"], _count_inputs(files))
    try:
        report = validate_paths(files, pk, progress)
    finally:
        progress.close()
    if report.problems:
        run.report(report.problems)
    else:
        run.say(report.to_text(), err=True)  # "no problems found"
    if not report.valid:
        run.exit_code = EXIT_CODES[INPUT]
    if feedback_dir is not None:
        _write_feedback(run, report, feedback_dir, inputs, force)


@command("consolidate", json_help=msg("help_consolidate_json"), help=msg("help_consolidate"))
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("--out", type=PATH, help=msg("help_consolidate_out"))
@click.option("--out-dir", type=PATH, help=msg("help_consolidate_out_dir"))
@master_option(required=False)
@click.option("--skip-invalid", is_flag=True, help=msg("help_consolidate_skip_invalid"))
@click.option("--feedback-dir", type=PATH, help=msg("help_consolidate_feedback_dir"))
@force_option
def consolidate(run: Run, files: tuple[str, ...], out: str | None, out_dir: str | None, master_path: str | None,
                skip_invalid: bool, feedback_dir: str | None, force: bool) -> None:
    """Validate FILES (forms or folders) and write the consolidated workbook to --out (or --out-dir).

    Forms with errors are refused and named (nothing is written), or left out
    with --skip-invalid.  --force also overwrites existing feedback copies.
    """
    from .consolidate import consolidate as consolidate_forms
    from .feedback import check_feedback_dir, feedback_targets
    from .national import consolidate_national

    if (out is None) == (out_dir is None):
        raise UsageError("consolidate_out_choice")
    if out_dir is not None and master_path is not None:
        raise UsageError("national_master_unsupported")
    inputs = [*files, master_path]
    if feedback_dir is not None:
        check_feedback_dir(feedback_dir, inputs)
    # Refuse before reading the forms; an existing output is refused once they are read.
    guard_outputs([out] if out is not None else [], inputs, force, out_dirs=[d for d in (out_dir,) if d],
                  check_existing=False)
    pk = _load_master(master_path)
    bars = [_Progress(LABELS["progress_reading"], _count_inputs(files))]

    def writing(total: int) -> _Progress:
        bars[-1].close()
        bars.append(_Progress(LABELS["progress_writing"], total))
        return bars[-1]

    def guard(report: Report, outputs: list[Path]) -> None:
        """The workbooks and the feedback copies, all checked before the first is written."""
        copies = list(feedback_targets(report, feedback_dir).values()) if feedback_dir is not None else []
        guard_outputs([*outputs, *copies], inputs, force, out_dirs=[d for d in (out_dir,) if d is not None])

    try:
        if out_dir is not None:
            result = consolidate_national(files, out_dir, force, skip_invalid, bars[0], writing=writing,
                                          guard=guard)
        else:
            assert out is not None  # exactly one of --out and --out-dir, checked above
            result = consolidate_forms(files, out, pk, force=force, skip_invalid=skip_invalid, progress=bars[0],
                                       guard=guard)
    finally:
        bars[-1].close()
    run.report(result.report.problems)
    run.wrote(*(result.outputs or ([result.output] if result.output is not None else [])))
    run.set(summary=_summary(result.summary), refused=[str(path) for path in result.refused],
            period_label=result.period_label, complete=result.complete)
    with use_words(result.words):
        if result.output is not None:
            run.say(msg("consolidated_written", path=result.output))
            if out_dir is not None:
                run.say(msg("national_written", count=len(result.outputs) - 1, path=out_dir))
            if result.summary is not None:
                run.say(f"{result.summary.headline}.")
        else:
            for path in result.refused:
                run.note(msg("form_refused", path=path))
    if result.output is None or result.refused:
        run.exit_code = EXIT_CODES[INPUT]
    if feedback_dir is not None:
        _write_feedback(run, result.report, feedback_dir, inputs, force)


@command("tables", json_help=msg("help_tables_json"), help=msg("help_tables"))
@click.argument("source", type=PATH)
@click.option("--master", "master_path", type=PATH, required=True, help=msg("help_tables_master"))
@click.option("--previous", "previous_paths", type=PATH, multiple=True,
              help=msg("help_tables_previous", sheet=LABELS["sheet_previous"]))
@click.option("--renstra", "renstra_path", type=PATH,
              help=msg("help_tables_renstra", sheet=LABELS["sheet_renstra"]))
@click.option("--anggaran", "anggaran_path", type=PATH, help=msg("help_tables_anggaran"))
@click.option("--supporting", "supporting_path", type=PATH,
              help=msg("help_tables_supporting", sheet=LABELS["sheet_supporting"]))
@click.option("--rencana-aksi", "rencana_aksi_path", type=PATH,
              help=msg("help_tables_rencana_aksi", sheet=LABELS["sheet_action_plan"]))
@click.option("--start", type=click.IntRange(min=1), default=1, show_default=True, help=msg("help_tables_start"))
@click.option("--out", type=PATH, required=True, help=msg("help_tables_out"))
@force_option
def tables(run: Run, source: str, master_path: str, previous_paths: tuple[str, ...], renstra_path: str | None,
           anggaran_path: str | None, supporting_path: str | None, rencana_aksi_path: str | None, start: int,
           out: str, force: bool) -> None:
    """Write the chapter III tables from SOURCE (a consolidated workbook or a folder of forms)."""
    from .tables import make_tables

    result = make_tables(source, master_path, out, previous_paths, renstra_path, anggaran_path, supporting_path,
                         start, force, rencana_aksi=rencana_aksi_path)
    run.report(result.warnings, err=True)
    run.wrote(result.output)
    numbered = [entry for entry in result.toc if entry.label]
    run.set(tables=[asdict(entry) for entry in result.toc])
    run.say(msg("tables_written", path=result.output, count=len(numbered), first=numbered[0].label,
                last=numbered[-1].label))


@command("button", json_help=msg("help_button_json"), help=msg("help_button"))
@click.option("--out", "out", required=True, type=PATH, help=msg("help_button_out"))
@click.option("--force", is_flag=True, help=msg("help_button_force"))
def button(run: Run, out: str, force: bool) -> None:
    """Write the Excel control workbook (.xlsm) with the buttons Periksa and Konsolidasi (needs xlwings)."""
    from .control.build import write_control_workbook
    from .control.layout import SHEET

    path = write_control_workbook(out, force)
    run.wrote(path)
    run.say(msg("button_written", path=str(path), sheet=SHEET))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="lkjip-xl")


if __name__ == "__main__":
    main()
