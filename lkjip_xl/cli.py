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
from .fileio import OutputError, guard_outputs, input_problem
from .master import MasterError, read_master, write_master
from .messages import msg
from .model import PERIODS
from .report import Report

DEFAULT_TEMPLATE = Path("templates") / "LKjIP_template.xlsx"


#: Every path option and argument: click checks nothing (its messages are English); the
#: library checks inputs (:func:`~lkjip_xl.fileio.input_problem`) and outputs
#: (:func:`~lkjip_xl.fileio.guard_outputs`) and says what is wrong in Indonesian.
PATH = click.Path(readable=False)


def force_option(func):
    return click.option("--force", is_flag=True, help="Timpa berkas keluaran yang sudah ada.")(func)


def master_option(required: bool):
    return click.option("--master", "master_path", type=PATH, required=required,
                        help="Buku kerja master PK (opsional: formulir membawa definisinya sendiri).")


def _fail(message: str, code: int = 2) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def _guard(outputs=(), inputs=(), force: bool = False, out_dirs=(), check_existing: bool = True) -> None:
    """:func:`~lkjip_xl.fileio.guard_outputs`, its refusal printed (exit 2)."""
    try:
        guard_outputs(outputs, inputs, force, out_dirs=[d for d in out_dirs if d is not None],
                      check_existing=check_existing)
    except OutputError as exc:
        _fail(str(exc))


def _load_master(path: str | None):
    if path is None:
        return None
    refused = input_problem(path)
    if refused is not None and refused[0] != "file_not_found":  # never open a FIFO or a folder
        code, fields = refused
        click.echo(f"KESALAHAN  [{code}] " + msg(code, path=path, **fields), err=True)
        sys.exit(2)
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


def _check_feedback_dir(feedback_dir: str, inputs) -> None:
    from .feedback import check_feedback_dir

    try:
        check_feedback_dir(feedback_dir, inputs)
    except OutputError as exc:
        _fail(str(exc))


def _write_feedback(report: Report, feedback_dir: str, files, force: bool) -> None:
    """Write the marked copies of the forms with problems and say where they are."""
    from .feedback import write_feedback

    try:
        written, failed = write_feedback(report, feedback_dir, files, force)
    except OutputError as exc:
        _fail(str(exc))
    for source, path in written.items():
        click.echo(msg("feedback_written", source=source, path=path), err=True)
    for problem in failed:
        click.echo(f"PERINGATAN [{problem.code}] {problem.message}", err=True)


@click.group(help="lkjip-xl: formulir standar LKjIP untuk Divisi, pemeriksaan formulir yang kembali, "
                  "konsolidasi capaian kinerja dan tabel laporan.")
@click.version_option(__version__, prog_name="lkjip-xl")
def cli() -> None:
    """lkjip-xl: standard LKjIP forms out, filled forms back, consolidated capaian workbook.

    (The Indonesian help text users see is passed to click as ``help=``.)
    """


@cli.command(help="Tulis templat master PK kosong (templates/LKjIP_template.xlsx).")
@click.option("--out", type=PATH, default=str(DEFAULT_TEMPLATE), show_default=True,
              help="Berkas templat yang ditulis.")
@force_option
def template(out: str, force: bool) -> None:
    """Write the blank master PK template (templates/LKjIP_template.xlsx)."""
    _guard([out], (), force)
    try:
        path = write_master(None, out, force)
    except OutputError as exc:
        _fail(str(exc))
    click.echo(f"Templat ditulis: {path}")


@cli.command(help="Tulis satu formulir standar per Divisi dari MASTER.")
@click.argument("master", type=PATH)
@click.option("--out-dir", type=PATH, required=True, help="Folder tujuan formulir.")
@click.option("--periode", type=click.Choice(PERIODS), default="Tahunan", show_default=True,
              help="Periode pelaporan formulir.")
@force_option
def forms(master: str, out_dir: str, periode: str, force: bool) -> None:
    """Write one standard form per Divisi from MASTER."""
    from .forms import write_forms

    _guard((), [master], force, out_dirs=[out_dir])
    pk = _load_master(master)
    try:
        paths = write_forms(pk, out_dir, periode, force, read_from=[master])
    except OutputError as exc:
        _fail(str(exc))
    for path in paths:
        click.echo(f"Formulir ditulis: {path}")


@cli.command(help="Periksa formulir yang kembali (berkas atau folder). Kode keluar 1 bila ada kesalahan "
                  "(peringatan tidak dihitung).")
@click.argument("files", nargs=-1, required=True, type=PATH)
@master_option(required=False)
@click.option("--json", "as_json", is_flag=True, help="Cetak laporan sebagai JSON.")
@click.option("--feedback-dir", type=PATH,
              help="Tulis salinan bertanda setiap formulir bermasalah (sel disorot, sheet 'Pemeriksaan') "
                   "ke folder ini, untuk dikirim kembali ke Divisi.")
@click.option("--force", is_flag=True, help="Timpa salinan pemeriksaan yang sudah ada.")
def validate(files: tuple[str, ...], master_path: str | None, as_json: bool, feedback_dir: str | None,
             force: bool) -> None:
    """Check returned forms (files or folders); exit 1 when there are errors (warnings do not count)."""
    from .validate import validate_paths

    inputs = [*files, master_path]
    if feedback_dir is not None:
        _check_feedback_dir(feedback_dir, inputs)
    pk = _load_master(master_path)
    progress = _Progress("Memeriksa", _count_inputs(files))
    try:
        report = validate_paths(files, pk, progress)
    finally:
        progress.close()
    _print_report(report, as_json)
    if feedback_dir is not None:
        _write_feedback(report, feedback_dir, inputs, force)
    sys.exit(0 if report.valid else 1)


@cli.command(help="Periksa FILES (formulir atau folder) lalu tulis buku kerja konsolidasi ke --out (atau, "
                  "untuk banyak Kanwil, ke --out-dir). Formulir berkesalahan ditolak dan disebutkan; "
                  "dengan --skip-invalid formulir itu dilewati.")
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("--out", type=PATH, help="Buku kerja konsolidasi yang ditulis (satu Kanwil).")
@click.option("--out-dir", type=PATH,
              help="Konsolidasi nasional formulir banyak Kanwil: satu buku kerja per Kanwil dan "
                   "Nasional_<tahun>.xlsx di folder ini.")
@master_option(required=False)
@click.option("--skip-invalid", is_flag=True,
              help="Lewati formulir berkesalahan alih-alih menolak seluruh konsolidasi (kode keluar tetap 1).")
@click.option("--json", "as_json", is_flag=True, help="Cetak laporan sebagai JSON.")
@click.option("--feedback-dir", type=PATH,
              help="Tulis juga salinan bertanda setiap formulir bermasalah ke folder ini (lihat validate).")
@force_option
def consolidate(files: tuple[str, ...], out: str | None, out_dir: str | None, master_path: str | None,
                skip_invalid: bool, as_json: bool, feedback_dir: str | None, force: bool) -> None:
    """Validate FILES (forms or folders) and write the consolidated workbook to --out (or --out-dir).

    Forms with errors are refused and named (nothing is written), or left out
    with --skip-invalid.  --force also overwrites existing feedback copies.
    """
    from .consolidate import consolidate as run
    from .feedback import feedback_targets
    from .national import consolidate_national

    if (out is None) == (out_dir is None):
        _fail(msg("consolidate_out_choice"))
    if out_dir is not None and master_path is not None:
        _fail(msg("national_master_unsupported"))
    inputs = [*files, master_path]
    if feedback_dir is not None:
        _check_feedback_dir(feedback_dir, inputs)
    # Refuse before reading the forms; an existing output is refused once they are read.
    _guard([out] if out is not None else [], inputs, force, out_dirs=[out_dir], check_existing=False)
    pk = _load_master(master_path)
    bars = [_Progress("Membaca formulir", _count_inputs(files))]

    def writing(total: int) -> _Progress:
        bars[-1].close()
        bars.append(_Progress("Menulis buku kerja", total))
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
            result = run(files, out, pk, force=force, skip_invalid=skip_invalid, progress=bars[0], guard=guard)
    except OutputError as exc:
        _fail(str(exc))
    finally:
        bars[-1].close()
    if result.report.problems:
        _print_report(result.report, as_json)
    elif as_json:
        click.echo(result.report.to_json())
    if result.output is not None:
        click.echo(f"Hasil konsolidasi ditulis: {result.output}")
        if out_dir is not None:
            click.echo(msg("national_written", count=len(result.outputs) - 1, path=out_dir))
        click.echo(f"{result.summary.headline}.")
    else:
        for path in result.refused:
            click.echo(msg("form_refused", path=path), err=True)
    if feedback_dir is not None:
        _write_feedback(result.report, feedback_dir, inputs, force)
    sys.exit(0 if result.output is not None and not result.refused else 1)


def _register_optional_commands() -> None:
    """Commands that live beside the module they drive."""
    from .button import button_command
    from .tables import tables_command

    cli.add_command(button_command)
    cli.add_command(tables_command)


_register_optional_commands()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="lkjip-xl")


if __name__ == "__main__":
    main()
