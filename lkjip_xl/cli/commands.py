"""The ``lkjip-xl`` commands, each a thin layer over one public library function (:mod:`lkjip_xl`).

They are registered in the order of the work, the order the top-level help lists them in; each has an
Indonesian alias (``aliases``), a one-line ``short_help`` and its "Contoh:" block (``epilog``), all from the
catalogue (:mod:`lkjip_xl.cli.indonesian`).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from ..errors import INPUT, UsageError
from ..guard import guard_outputs
from ..input_templates import TEMPLATE_CHOICES, write_input_template
from ..messages import LABELS, msg, use_words
from ..periods import ANNUAL, period_choices
from ..report import Report
from .base import (
    EXIT_CODES, Run, _count_inputs, _load_master, _summary, _write_feedback, command, force_option,
    master_option,
)
from .progress import Counter
from .usage import FILE, FOLDER, PATH, Choice, Number, PathParam


@command("template", aliases=("templat",), help=msg("help_template"), short_help=msg("cli_short_template"),
         epilog=msg("cli_example_template"))
@click.option("--jenis", type=Choice(TEMPLATE_CHOICES, case_sensitive=False), default=TEMPLATE_CHOICES[0],
              show_default=True, help=msg("help_template_jenis"))
@click.option("--out", type=PATH, help=msg("help_template_out"))
@click.option("--tahun", metavar=LABELS["cli_metavar_year"], help=msg("help_template_tahun"))
@click.option("--master", "master_path", type=FILE, help=msg("help_template_master"))
@force_option
def template(run: Run, jenis: str, out: str | None, tahun: str | None, master_path: str | None, force: bool) -> None:
    """Write a blank input template (--jenis: the master PK by default; semua: every one) with its guide,
    in the words of the organisation of --master."""
    pk = _load_master(master_path)
    for path in write_input_template(jenis, out, force, tahun, pk, [master_path] if master_path else []):
        run.wrote(path)
        run.say(msg("template_written", path=path))


@command("forms", aliases=("formulir",), help=msg("help_forms"), short_help=msg("cli_short_forms"),
         epilog=msg("cli_example_forms"))
@click.argument("master", type=PathParam(LABELS["cli_metavar_master"]))
@click.option("--out-dir", type=FOLDER, required=True, help=msg("help_forms_out_dir"))
@click.option("--periode", type=Choice(period_choices(), case_sensitive=False), default=ANNUAL, show_default=True,
              help=msg("help_forms_periode"))
@click.option("--sebelumnya", type=PATH, multiple=True, help=msg("help_forms_sebelumnya"))
@force_option
def forms(run: Run, master: str, out_dir: str, periode: str, sebelumnya: tuple[str, ...], force: bool) -> None:
    """Write one standard form per Divisi from MASTER (of --periode; --sebelumnya: the earlier periods' forms)."""
    from ..forms import write_forms

    guard_outputs((), [master, *sebelumnya], force, out_dirs=[out_dir])
    pk = _load_master(master)
    run.report(pk.warnings, err=True)  # a unit of sheet Satuan no IKK uses
    for path in write_forms(pk, out_dir, periode, force, read_from=[master], previous=list(sebelumnya) or None):
        run.wrote(path)
        run.say(msg("form_written", path=path))


@command("validate", aliases=("periksa",), json_help=msg("help_validate_json"), help=msg("help_validate"),
         short_help=msg("cli_short_validate"), epilog=msg("cli_example_validate"))
@click.argument("files", nargs=-1, required=True, type=PathParam(LABELS["cli_metavar_forms"]))
@master_option
@click.option("--feedback-dir", type=FOLDER,
              help=msg("help_validate_feedback_dir", sheet=LABELS["sheet_feedback"]))
@click.option("--force", is_flag=True, help=msg("help_validate_force"))
def validate(run: Run, files: tuple[str, ...], master_path: str | None, feedback_dir: str | None,
             force: bool) -> None:
    """Check returned forms (files or folders); exit 1 when there are errors (warnings do not count)."""
    from ..feedback import check_feedback_dir
    from ..validate import validate_paths

    inputs = [*files, master_path]
    if feedback_dir is not None:
        check_feedback_dir(feedback_dir, inputs)
    pk = _load_master(master_path)
    progress = run.display.files(LABELS["progress_checking"], _count_inputs(files))
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


@command("consolidate", aliases=("konsolidasi",), json_help=msg("help_consolidate_json"),
         help=msg("help_consolidate"), short_help=msg("cli_short_consolidate"), epilog=msg("cli_example_consolidate"))
@click.argument("files", nargs=-1, required=True, type=PathParam(LABELS["cli_metavar_forms"]))
@click.option("--out", type=FILE, help=msg("help_consolidate_out"))
@click.option("--out-dir", type=FOLDER, help=msg("help_consolidate_out_dir"))
@master_option
@click.option("--skip-invalid", is_flag=True, help=msg("help_consolidate_skip_invalid"))
@click.option("--feedback-dir", type=FOLDER, help=msg("help_consolidate_feedback_dir"))
@force_option
def consolidate(run: Run, files: tuple[str, ...], out: str | None, out_dir: str | None, master_path: str | None,
                skip_invalid: bool, feedback_dir: str | None, force: bool) -> None:
    """Validate FILES (forms or folders) and write the consolidated workbook to --out (or --out-dir).

    Forms with errors are refused and named (nothing is written), or left out
    with --skip-invalid.  --force also overwrites existing feedback copies.
    """
    from ..consolidate import consolidate as consolidate_forms
    from ..feedback import check_feedback_dir, feedback_targets
    from ..national import consolidate_national

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
    bars = [run.display.files(LABELS["progress_reading"], _count_inputs(files))]

    def writing(total: int) -> Counter:
        bars.append(run.display.files(LABELS["progress_writing"], total, LABELS["progress_unit_workbooks"]))
        return bars[-1]

    def guard(report: Report, outputs: list[Path]) -> None:
        """The workbooks and the feedback copies, all checked before the first is written."""
        copies = list(feedback_targets(report, feedback_dir).values()) if feedback_dir is not None else []
        guard_outputs([*outputs, *copies], inputs, force, out_dirs=[d for d in (out_dir,) if d is not None])
        if out_dir is None:  # the forms are read: one workbook is computed and written now
            run.display.stage(LABELS["stage_write_consolidated"])

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


def _table_inputs(func):
    """SOURCE, --master and the optional inputs of the tables, shared by ``tables`` and ``laporan``."""
    for option in reversed((
            click.argument("source", type=PathParam(LABELS["cli_metavar_source"])),
            click.option("--master", "master_path", type=FILE, required=True, help=msg("help_tables_master")),
            click.option("--previous", "previous_paths", type=FILE, multiple=True,
                         help=msg("help_tables_previous", sheet=LABELS["sheet_previous"])),
            click.option("--renstra", "renstra_path", type=FILE,
                         help=msg("help_tables_renstra", sheet=LABELS["sheet_renstra"])),
            click.option("--anggaran", "anggaran_path", type=FILE, help=msg("help_tables_anggaran")),
            click.option("--supporting", "supporting_path", type=FILE,
                         help=msg("help_tables_supporting", sheet=LABELS["sheet_supporting"])),
            click.option("--rencana-aksi", "rencana_aksi_path", type=FILE,
                         help=msg("help_tables_rencana_aksi", sheet=LABELS["sheet_action_plan"])),
            click.option("--start", type=Number(minimum=1), default=1, show_default=True,
                         help=msg("help_tables_start")))):
        func = option(func)
    return func


@command("tables", aliases=("tabel",), json_help=msg("help_tables_json"), help=msg("help_tables"),
         short_help=msg("cli_short_tables"), epilog=msg("cli_example_tables"))
@_table_inputs
@click.option("--out", type=FILE, required=True, help=msg("help_tables_out"))
@force_option
def tables(run: Run, out: str, force: bool, **inputs: Any) -> None:
    """Write the chapter III tables from SOURCE (a consolidated workbook or a folder of forms)."""
    from ..tables import make_tables

    result = make_tables(out=out, force=force, stage=run.display.stage, **_inputs(inputs))
    run.report(result.warnings, err=True)
    run.wrote(result.output)
    numbered = [entry for entry in result.toc if entry.label]
    run.set(tables=[asdict(entry) for entry in result.toc])
    run.say(msg("tables_written", path=result.output, count=len(numbered), first=numbered[0].label,
                last=numbered[-1].label))


def _inputs(options: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of ``make_tables`` / ``make_chapter`` from the options of :func:`_table_inputs`."""
    return {key.removesuffix("_paths").removesuffix("_path"): value for key, value in options.items()}


@command("laporan", json_help=msg("help_laporan_json"), help=msg("help_laporan"), short_help=msg("cli_short_laporan"),
         epilog=msg("cli_example_laporan"))
@_table_inputs
@click.option("--out", type=FILE, required=True, help=msg("help_laporan_out"))
@click.option("--pdf", is_flag=True, help=msg("help_laporan_pdf"))
@force_option
def laporan(run: Run, out: str, pdf: bool, force: bool, **inputs: Any) -> None:
    """Write Bab III as a Word document (and its PDF with --pdf) from the inputs of ``tables``."""
    from ..chapter import make_chapter

    result = make_chapter(out=out, force=force, pdf=pdf, stage=run.display.stage, **_inputs(inputs))
    run.report(result.warnings, err=True)
    run.wrote(result.output, *([result.pdf] if result.pdf else []))
    run.say(msg("chapter_written", path=result.output, tables=result.tables, figures=result.figures,
                drafts=result.drafts))
    if result.pdf:
        run.say(msg("chapter_pdf_written", path=result.pdf))


@command("button", aliases=("tombol",), json_help=msg("help_button_json"), help=msg("help_button"),
         short_help=msg("cli_short_button"), epilog=msg("cli_example_button"))
@click.option("--out", "out", required=True, type=FILE, help=msg("help_button_out"))
@click.option("--force", is_flag=True, help=msg("help_button_force"))
def button(run: Run, out: str, force: bool) -> None:
    """Write the Excel control workbook (.xlsm) with the buttons Periksa and Konsolidasi (needs xlwings)."""
    from ..control.build import write_control_workbook
    from ..control.layout import SHEET

    path = write_control_workbook(out, force)
    run.wrote(path)
    run.say(msg("button_written", path=str(path), sheet=SHEET))
