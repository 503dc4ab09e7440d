"""The machinery every command shares: printing problems, the ``--json`` document, exit codes by kind,
the group :data:`cli` and the :func:`command` decorator that puts each command under one error handling.

This package (:mod:`lkjip_xl.cli`) is the only code importing click; the commands themselves are in
:mod:`lkjip_xl.cli.commands`.
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

from .. import __version__
from ..errors import INPUT, MASTER, OUTPUT, SETUP, USAGE, LkjipError, UsageError
from ..guard import input_problem
from ..master import MasterError, read_master
from ..messages import msg
from ..problems import ERROR, Problem
from ..report import Report
from .indonesian import Group
from .progress import Display
from .usage import FILE

#: Exit code of each kind of :class:`~lkjip_xl.errors.LkjipError` (docs/validation.md, "Exit codes").
#: 0 is success; a report with errors (``validate``) or a refused form (``consolidate``) is an input error.
EXIT_CODES: dict[str, int] = {
    INPUT: 1,   # an input has errors: fix it and run again
    MASTER: 2,  # the master PK cannot be used: nothing can be checked or computed
    OUTPUT: 2,  # an output cannot or may not be written
    USAGE: 2,   # options that exclude each other, a command line that cannot be parsed
    SETUP: 2,   # an optional part of the installation is missing (xlwings)
}
#: Exit code of an unexpected exception (a bug): an Indonesian sentence, never a traceback.
EXIT_UNEXPECTED = 3

# Every path option and argument is a :class:`~lkjip_xl.cli.usage.PathParam` (FILE, FOLDER, PATH): click checks
# nothing (its messages are English); the library checks inputs (:func:`~lkjip_xl.guard.input_problem`)
# and outputs (:func:`~lkjip_xl.guard.guard_outputs`) and says what is wrong in Indonesian.


# --------------------------------------------------------------------------- the group


@click.group("lkjip-xl", cls=Group, help=msg("help_cli"), epilog=msg("cli_example_cli"))
@click.version_option(__version__, prog_name="lkjip-xl", help=msg("cli_help_version"),
                      message=msg("cli_version", prog="lkjip-xl", version=__version__))
def cli() -> None:
    """lkjip-xl: standard LKjIP forms out, filled forms back, consolidated capaian workbook.

    (The Indonesian help text users see is passed to click as ``help=``.)
    """


# --------------------------------------------------------------------------- printing and exit codes


def echo_problems(problems: Sequence[Problem], err: bool = True, warnings: bool = True) -> None:
    """The one way problems are printed: a line per problem (label, code, location, message) and the count
    (:meth:`~lkjip_xl.report.Report.to_text`; ``warnings=False``: ``--quiet``)."""
    text = Report(list(problems)).to_text(warnings) if problems else ""
    if text:
        click.echo(text, err=err)


class Run:
    """What one command did, printed as it happens (text) or once at the end (``--json``)."""

    def __init__(self, command: str, as_json: bool, quiet: bool = False, verbose: bool = False):
        self.command = command
        self.as_json = as_json
        self.quiet = quiet
        #: the progress line and the --verbose lines (:mod:`lkjip_xl.cli.progress`)
        self.display = Display(as_json, quiet, verbose)
        self.problems: list[Problem] = []
        self.outputs: list[str] = []
        self.fields: dict[str, Any] = {}
        self.error: dict[str, Any] | None = None
        self.exit_code = 0

    def report(self, problems: Sequence[Problem], err: bool = False) -> None:
        """Problems found by the command (the report, warnings); printed unless ``--json``."""
        self.problems.extend(problems)
        if not self.as_json:
            with self.display.results():
                echo_problems(problems, err, warnings=not self.quiet)

    def say(self, text: str, err: bool = False) -> None:
        """A line for people; ``--json`` leaves it out (the document holds the same facts)."""
        if not self.as_json:
            with self.display.results():
                click.echo(text, err=err)

    def note(self, text: str) -> None:
        """A line for people on stderr, also with ``--json`` (refused forms, feedback copies written)."""
        with self.display.results():
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
        self.display.finish()
        if self.as_json:
            click.echo(json.dumps(self.document(), ensure_ascii=False, indent=2))
        sys.exit(self.exit_code)


def runner(name: str, func: Callable[..., None]) -> Callable[..., None]:
    """The click callback of command ``name``: ``func(run, **options)`` under the one error handling."""

    @functools.wraps(func)
    def run_command(as_json: bool = False, quiet: bool = False, verbose: bool = False, **options: Any) -> None:
        run = Run(name, as_json, quiet and not verbose, verbose and not quiet)
        try:
            if quiet and verbose:
                raise UsageError("cli_quiet_verbose")
            func(run, **options)
        except LkjipError as exc:
            run.fail(exc)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: a sentence and exit code 3, never a traceback
            run.crash(exc)
        run.finish()

    return run_command


cli.usage_runner = runner  # click's usage errors end like every other error (cli/indonesian.py)


def loudness_options() -> list[click.Option]:
    """-q/--quiet and -v/--verbose of every command, as in pip and git (:mod:`lkjip_xl.cli.progress`)."""
    return [click.Option(["-v", "--verbose"], is_flag=True, help=msg("help_verbose")),
            click.Option(["-q", "--quiet"], is_flag=True, help=msg("help_quiet"))]


def command(name: str, json_help: str = msg("help_json"), **settings: Any):
    """Register ``func(run, **options)`` as ``lkjip-xl <name>`` with ``--json`` and the one error handling."""

    def decorate(func: Callable[..., None]):
        callback = runner(name, func)
        # --json last in the help: click lists the options in reverse order of this list
        callback.__click_params__ = [  # type: ignore[attr-defined]
            click.Option(["--json", "as_json"], is_flag=True, help=json_help), *loudness_options(),
            *getattr(func, "__click_params__", [])]
        return cli.command(name, **settings)(callback)

    return decorate


# --------------------------------------------------------------------------- shared helpers


force_option = click.option("--force", is_flag=True, help=msg("help_force"))
master_option = click.option("--master", "master_path", type=FILE, help=msg("help_master_optional"))


def _load_master(path: str | None):
    """The master of ``path`` (``None`` without one); a FIFO or a folder is refused without opening it."""
    if path is None:
        return None
    refused = input_problem(path)
    if refused is not None and refused[0] != "file_not_found":
        code, fields = refused
        raise MasterError([Problem(path, code, msg(code, path=path, **fields), ERROR)])
    return read_master(path)


def _count_inputs(paths) -> int:
    from ..inputs import expand_paths

    return len(expand_paths(paths)[0])


def _write_feedback(run: Run, report: Report, feedback_dir: str, files: Iterable[str | None], force: bool) -> None:
    """Write the marked copies of the forms with problems and say where they are."""
    from ..feedback import write_feedback

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


