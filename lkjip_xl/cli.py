"""The ``lkjip-xl`` command line: a thin layer over the library.

Each command parses its options, calls one library function and turns the
library's errors into Indonesian messages and exit codes.  No command prints a
Python traceback for bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .fileio import OutputExistsError
from .master import MasterError, read_master, write_master
from .model import PERIODS
from .report import Report

DEFAULT_TEMPLATE = Path("templates") / "LKjIP_template.xlsx"


def force_option(func):
    return click.option("--force", is_flag=True, help="Overwrite an existing output file.")(func)


def master_option(required: bool):
    return click.option("--master", "master_path", type=click.Path(dir_okay=False), required=required,
                        help="Master PK workbook (optional: forms carry their own definitions).")


def _fail(message: str, code: int = 2) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def _load_master(path: str | None):
    if path is None:
        return None
    try:
        return read_master(path)
    except MasterError as exc:
        for problem in exc.problems:
            click.echo(f"KESALAHAN  [{problem.code}] {problem.message}", err=True)
        sys.exit(2)


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
    from .validate import expand_paths

    return len(expand_paths(paths)[0])


def _print_report(report: Report, as_json: bool) -> None:
    if as_json:
        click.echo(report.to_json())
    else:
        click.echo(report.to_text(), err=not report.problems)


@click.group()
@click.version_option(__version__, prog_name="lkjip-xl")
def cli() -> None:
    """lkjip-xl: standard LKjIP forms out, filled forms back, consolidated capaian workbook."""


@cli.command()
@click.option("--out", type=click.Path(dir_okay=False), default=str(DEFAULT_TEMPLATE), show_default=True)
@force_option
def template(out: str, force: bool) -> None:
    """Write the blank master PK template (templates/LKjIP_template.xlsx)."""
    try:
        path = write_master(None, out, force)
    except OutputExistsError as exc:
        _fail(str(exc))
    click.echo(f"Templat ditulis: {path}")


@cli.command()
@click.argument("master", type=click.Path(dir_okay=False))
@click.option("--out-dir", type=click.Path(file_okay=False), required=True, help="Folder for the forms.")
@click.option("--periode", type=click.Choice(PERIODS), default="Tahunan", show_default=True)
@force_option
def forms(master: str, out_dir: str, periode: str, force: bool) -> None:
    """Write one standard form per Divisi from MASTER."""
    from .forms import write_forms

    pk = _load_master(master)
    try:
        paths = write_forms(pk, out_dir, periode, force)
    except OutputExistsError as exc:
        _fail(str(exc))
    for path in paths:
        click.echo(f"Formulir ditulis: {path}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@master_option(required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def validate(files: tuple[str, ...], master_path: str | None, as_json: bool) -> None:
    """Check returned forms (files or folders); exit 1 when there are errors."""
    from .validate import validate_paths

    pk = _load_master(master_path)
    progress = _Progress("Memeriksa", _count_inputs(files))
    try:
        report = validate_paths(files, pk, progress)
    finally:
        progress.close()
    _print_report(report, as_json)
    sys.exit(0 if report.valid else 1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="Consolidated workbook to write.")
@master_option(required=False)
@click.option("--skip-invalid", is_flag=True,
              help="Leave out forms with errors instead of refusing the whole run (exit code stays 1).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@force_option
def consolidate(files: tuple[str, ...], out: str, master_path: str | None, skip_invalid: bool,
                as_json: bool, force: bool) -> None:
    """Validate FILES (forms or folders) and write the consolidated workbook to --out."""
    from .consolidate import consolidate as run

    pk = _load_master(master_path)
    progress = _Progress("Membaca formulir", _count_inputs(files))
    try:
        result = run(files, out, pk, force=force, skip_invalid=skip_invalid, progress=progress)
    except OutputExistsError as exc:
        _fail(str(exc))
    finally:
        progress.close()
    if result.report.problems:
        _print_report(result.report, as_json)
    elif as_json:
        click.echo(result.report.to_json())
    if result.output is not None:
        click.echo(f"Hasil konsolidasi ditulis: {result.output}")
        click.echo(f"{result.summary.headline}.")
    sys.exit(0 if result.output is not None and not result.refused else 1)


def _register_optional_commands() -> None:
    """Commands that live beside the module they drive."""
    from .button import button_command

    cli.add_command(button_command)


_register_optional_commands()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="lkjip-xl")


if __name__ == "__main__":
    main()
