"""What the command line prints for people: one line per problem with its location said once, problems of
one code on many cells grouped, messages that say what the user can do, progress on a terminal only,
``--quiet`` and ``--verbose``.  Every case runs the real command line (CliRunner, or a process under a
pseudo-terminal or a pipe) on real files."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from fixtures_bad import build_all, cell_of, set_cells
from sample_files import MASTER, SAMPLES
from lkjip_xl.cli import cli
from lkjip_xl.kinds import workbook_kind
from lkjip_xl.layout import COL_NOTE, COL_NUM
from lkjip_xl.messages import LABELS, msg
from lkjip_xl.reader import read_form
from lkjip_xl.report import GROUP_CELLS_SHOWN, GROUP_MIN_OTHER

FORMS = SAMPLES / "formulir"
QUARTERLY = SAMPLES / "formulir_triwulan"
PEMAS = FORMS / "Formulir_2023_Pemasyarakatan.xlsx"
PROBLEM_LINE = re.compile(r"^(KESALAHAN |PERINGATAN) \[(\w+)\] (.*)$")


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output + result.stderr
    return result


def problem_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if PROBLEM_LINE.match(line)]


def said(text: str, word: str) -> int:
    """How often ``word`` (a path or a cell) stands in ``text`` as a whole."""
    return len(re.findall(rf"(?<![\w/.]){re.escape(word)}(?![\w])", text))


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    """The four blank forms of the sample master, as ``lkjip-xl forms`` writes them."""
    folder = tmp_path_factory.mktemp("kosong") / "formulir"
    assert run("forms", MASTER, "--out-dir", folder).exit_code == 0
    return folder


@pytest.fixture(scope="module")
def consolidated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("konsolidasi") / "konsolidasi.xlsx"
    assert run("consolidate", FORMS, "--master", MASTER, "--out", out).exit_code == 0
    return out


# --------------------------------------------------------------------------- one line, the location once


def test_blank_forms_are_one_line_per_form_and_one_record_per_cell(blank):
    result = run("validate", blank)
    assert result.exit_code == 1
    document = json.loads(run("validate", "--json", blank).stdout)
    records = [p for p in document["problems"] if p["code"] == "value_missing"]
    assert document["errors"] == len(records) == 109  # --json: one record per cell
    lines = [line for line in problem_lines(result.output) if "[value_missing]" in line]
    assert len(lines) == 4  # not one per cell
    for form in sorted(blank.iterdir()):
        cells = [p["cell"] for p in records if p["file"] == str(form)]
        (line,) = [line for line in lines if str(form) in line]
        shown = ", ".join(cells[:GROUP_CELLS_SHOWN])
        if len(cells) > GROUP_CELLS_SHOWN:
            shown += " " + msg("report_group_more", count=len(cells) - GROUP_CELLS_SHOWN)
        assert line == (f"KESALAHAN  [value_missing] {form} › Formulir: "
                        + msg("report_group_value_missing", count=len(cells), cells=shown))
    assert result.output.splitlines()[-1] == msg("report_summary", errors=109, warnings=document["warnings"])


def test_every_line_says_the_file_and_the_cell_once(tmp_path):
    """The corpus of bad files: each printed line names a file at most once and its cell at most once."""
    files = build_all(tmp_path / "kiriman")
    result = run("validate", tmp_path / "kiriman", "--master", MASTER)
    records = json.loads(run("validate", "--json", tmp_path / "kiriman", "--master", MASTER).stdout)["problems"]
    lines = problem_lines(result.output)
    assert len(lines) == len(records)  # no code reaches a group here: one line per problem
    for line, record in zip(lines, records):
        assert f"[{record['code']}]" in line
        for path in files.values():
            assert said(line, str(path)) <= 1, line
        if record["file"]:
            assert said(line, record["file"]) == 1, line
        if record["cell"]:
            assert said(line, record["cell"]) == 1, line
    bad = files["indeks_ambigu.xlsx"]
    assert f"KESALAHAN  [value_ambiguous] {bad} › Formulir › K9: Realisasi untuk IKK SK11-IKK1 berisi '3.288' " \
           "yang bisa dibaca dua cara." in result.output
    empty = files["kosong.xlsx"]
    assert f"KESALAHAN  [file_empty] {msg('file_empty', path=empty)}" in result.output


def test_other_codes_group_only_from_many_cells(tmp_path):
    """Numbers typed as text (a warning) on five cells are five lines; on six, one line with the first message."""
    form = read_form(PEMAS)
    cells = [cells[COL_NUM] for code, cells in form.rows.items()
             if COL_NUM in cells and isinstance(cells[COL_NUM].value, float) and cells[COL_NUM].value.is_integer()]
    assert len(cells) >= GROUP_MIN_OTHER
    for count in (GROUP_MIN_OTHER - 1, GROUP_MIN_OTHER):
        folder = tmp_path / str(count)
        folder.mkdir()
        target = folder / PEMAS.name
        set_cells(PEMAS, {cell.cell: str(int(cell.value)) for cell in cells[:count]})(target)
        lines = [line for line in problem_lines(run("validate", folder).output) if "[value_text_parsed]" in line]
        if count < GROUP_MIN_OTHER:
            assert len(lines) == count
            assert {re.search(r"› Formulir › (\w+): ", line)[1] for line in lines} == {c.cell for c in cells[:count]}
        else:
            (line,) = lines
            listed = ", ".join(cell.cell for cell in cells[:count])
            assert line.startswith(f"PERINGATAN [value_text_parsed] {target} › Formulir: {count} sel: {listed}. "
                                   f"Yang pertama, sel {cells[0].cell}: ")
            assert said(line, str(target)) == 1


# --------------------------------------------------------------------------- messages match what the user can do


def test_keterangan_filled_is_said_to_be_read(tmp_path):
    target = tmp_path / PEMAS.name
    note = cell_of(PEMAS, "SK03-IKK2", COL_NOTE)
    set_cells(PEMAS, {note: "Tahanan titipan Kejaksaan ikut dihitung"})(target)
    problems = [p for p in json.loads(run("validate", "--json", target).stdout)["problems"]
                if p["code"] == "numerator_exceeds_denominator"]
    explained, unexplained = sorted(problems, key=lambda p: p["cell"] != "I11")
    assert explained["cell"] == "I11" and explained["severity"] == "warning"
    assert explained["message"] == msg("numerator_exceeds_denominator_explained", code="SK03-IKK2", numerator="671",
                                       denominator="460", path=str(target), sheet="Formulir", cell="I11",
                                       rate="145,87", note_cell=note)
    assert "jelaskan di kolom Keterangan" not in explained["message"]
    assert "jelaskan di kolom Keterangan" in unexplained["message"]  # SK04-IKK7 has no Keterangan


def _without_mark(source: Path, target: Path) -> None:
    """``source`` as a program that drops custom document properties would save it."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, data.replace(b"lkjip-xl:jenis", b"lain") if info.filename == "docProps/custom.xml"
                          else data)


def test_what_else_lies_in_a_forms_folder_is_said_for_what_it_is(tmp_path, consolidated):
    folder = tmp_path / "formulir"
    shutil.copytree(FORMS, folder)
    shutil.copyfile(MASTER, folder / "master_pk.xlsx")
    _without_mark(MASTER, folder / "master_disimpan_ulang.xlsx")
    assert workbook_kind(folder / "master_disimpan_ulang.xlsx") is None
    shutil.copyfile(consolidated, folder / "konsolidasi.xlsx")
    _without_mark(consolidated, folder / "konsolidasi_disimpan_ulang.xlsx")
    tables = tmp_path / "tabel.xlsx"
    assert run("tables", consolidated, "--master", MASTER, "--out", tables).exit_code == 0
    shutil.copyfile(tables, folder / "tabel.xlsx")
    document = docx.Document()
    document.add_paragraph("Bab III")
    document.save(folder / "bab3.docx")
    result = run("validate", "--json", folder, "--master", MASTER)
    assert result.exit_code == 0  # nothing there is a broken form
    found = {Path(p["file"]).name: p for p in json.loads(result.stdout)["problems"] if p["file"]}
    for name in ("master_pk.xlsx", "master_disimpan_ulang.xlsx"):
        assert found[name]["code"] == "toolkit_output_skipped"
        assert found[name]["message"] == msg("toolkit_master_skipped", path=str(folder / name))
    for name in ("konsolidasi.xlsx", "konsolidasi_disimpan_ulang.xlsx"):
        assert found[name]["message"] == msg("toolkit_output_skipped", path=str(folder / name),
                                             kind=msg("kind_konsolidasi"))
    assert found["tabel.xlsx"]["message"] == msg("toolkit_output_skipped", path=str(folder / "tabel.xlsx"),
                                                 kind=msg("kind_tabel"))
    assert found["bab3.docx"] == {**found["bab3.docx"], "code": "file_skipped", "severity": "warning",
                                  "message": msg("file_skipped_document", path=str(folder / "bab3.docx"))}
    assert all("kirim" not in p["message"] for p in found.values() if p["severity"] == "warning")

    # a feedback copy beside its form is the same Divisi twice, said so; a workbook that is no form at all is
    # refused with advice for both cases, and consolidate names it without telling anyone to resend it
    copies = tmp_path / "umpan"
    assert run("validate", FORMS, "--feedback-dir", copies).exit_code == 0
    (copy,) = copies.iterdir()
    shutil.copyfile(copy, folder / copy.name)
    strange = folder / "daftar_hadir.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Daftar hadir"
    book.save(strange)
    result = run("consolidate", folder, "--master", MASTER, "--out", tmp_path / "k.xlsx")
    assert result.exit_code == 1
    assert len([line for line in problem_lines(result.output) if str(strange) in line]) == 1
    text = result.output + result.stderr
    assert msg("stamp_missing", path=str(strange), sheet="_lkjip") in text
    assert "form_duplicate_divisi" in text and copy.name in text
    assert msg("form_refused", path=str(strange)) in result.stderr
    for line in text.splitlines():
        assert "mengirim ulang" not in line and "kirim ulang" not in line, line


# --------------------------------------------------------------------------- --quiet and --verbose


def test_every_command_has_quiet_and_verbose():
    for name, command in cli.commands.items():
        options = {opt for param in command.params for opt in getattr(param, "opts", [])}
        assert {"-q", "--quiet", "-v", "--verbose"} <= options, name
    help_text = run("validate", "--help").output
    assert "-q, --quiet" in help_text and "-v, --verbose" in help_text


def test_quiet_leaves_out_warnings_and_keeps_errors_and_results(blank, tmp_path):
    result = run("validate", "-q", FORMS)  # warnings only
    assert (result.exit_code, result.output, result.stderr) == (0, "", "")
    mixed = tmp_path / "campur"
    shutil.copytree(blank, mixed)
    shutil.copyfile(PEMAS, mixed / "Formulir_lain.xlsx")
    loud, quiet = run("validate", mixed), run("validate", "--quiet", mixed)
    assert loud.exit_code == quiet.exit_code == 1
    assert "PERINGATAN" in loud.output and "PERINGATAN" not in quiet.output
    assert [line for line in problem_lines(loud.output) if line.startswith("KESALAHAN")] == problem_lines(quiet.output)
    records = json.loads(run("validate", "--json", "-q", mixed).stdout)  # --json keeps everything
    warnings = records["warnings"]
    assert warnings > 0
    assert quiet.output.splitlines()[-1] == msg("report_summary_quiet", errors=records["errors"], warnings=warnings,
                                                hidden=warnings)
    out = tmp_path / "k.xlsx"
    result = run("consolidate", "-q", FORMS, "--master", MASTER, "--out", out)
    assert result.exit_code == 0
    assert result.output.splitlines() == [msg("consolidated_written", path=out), "54 dari 60 IKK tercapai."]
    assert result.stderr == ""


def test_verbose_names_each_file_and_the_time(tmp_path):
    result = run("validate", "--verbose", FORMS)
    assert result.exit_code == 0
    forms = sorted(FORMS.iterdir())
    for n, form in enumerate(forms, start=1):
        assert re.search(rf"^\[{n}/{len(forms)}\] {re.escape(str(form))} \([\d,]+ detik\)$", result.stderr, re.M)
    assert re.search(r"^Selesai dalam [\d,]+ detik\.$", result.stderr, re.M)
    result = run("validate", "-v", "--json", FORMS)
    assert json.loads(result.stdout)["command"] == "validate"  # stdout stays one JSON document
    assert "Selesai dalam" in result.stderr
    result = run("validate", "-q", "-v", FORMS)
    assert result.exit_code == 2
    assert msg("cli_quiet_verbose") in result.stderr
    assert "Selesai dalam" not in result.stderr


def test_verbose_tables_say_their_stages(tmp_path, consolidated):
    result = run("tables", "-v", consolidated, "--master", MASTER, "--out", tmp_path / "t.xlsx")
    assert result.exit_code == 0
    stages = re.findall(r"^(.*): selesai dalam [\d,]+ detik\.$", result.stderr, re.M)
    assert stages == [LABELS["stage_read_inputs"], LABELS["stage_write_tables"]]


# --------------------------------------------------------------------------- progress on a terminal only


def run_on_terminal(args: list[object], cwd: Path) -> tuple[int, str, str]:
    """The CLI as a process whose stderr is a pseudo-terminal (stdout a pipe): exit code, stdout, stderr."""
    main, side = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "lkjip_xl.cli", *map(str, args)], cwd=cwd,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=side)
    os.close(side)
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 1)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the process is gone and the terminal closed
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    os.close(main)
    stdout = process.stdout.read().decode() if process.stdout else ""
    return process.wait(timeout=30), stdout, seen.decode()


def test_progress_is_drawn_on_a_terminal_and_never_piped(tmp_path):
    total = len(list(QUARTERLY.glob("*.xlsx")))
    code, stdout, stderr = run_on_terminal(["validate", QUARTERLY], tmp_path)
    assert code == 0
    assert re.search(rf"{LABELS['progress_checking']}: {total}/{total} {LABELS['progress_unit_forms']} · \d+:\d\d",
                     stderr)
    assert re.search(rf"{LABELS['progress_checking']}: \d+/{total} formulir · \d+:\d\d · sisa ±\d+:\d\d", stderr)
    assert stderr.rstrip(" ").endswith("\r")  # erased when done
    assert "\r" not in stdout and "Ringkasan: 0 kesalahan" in stdout

    piped = subprocess.run([sys.executable, "-m", "lkjip_xl.cli", "validate", QUARTERLY], cwd=tmp_path,
                           capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0 and piped.stdout == stdout
    assert "\r" not in piped.stderr and "formulir ·" not in piped.stderr
    for quiet in (["--json"], ["--quiet"]):
        code, stdout, stderr = run_on_terminal(["validate", *quiet, QUARTERLY], tmp_path)
        assert code == 0 and "\r" not in stderr and "formulir ·" not in stderr, quiet
    code, stdout, stderr = run_on_terminal(["validate", "--json", QUARTERLY], tmp_path)
    assert json.loads(stdout)["command"] == "validate"


def test_tables_show_their_stage_on_a_terminal(tmp_path, consolidated):
    code, stdout, stderr = run_on_terminal(
        ["tables", consolidated, "--master", MASTER, "--out", tmp_path / "t.xlsx"], tmp_path)
    assert code == 0, stderr
    assert msg("progress_stage", stage=LABELS["stage_read_inputs"], elapsed="0:00") in stderr
    assert msg("progress_stage", stage=LABELS["stage_write_tables"], elapsed="0:00") in stderr
    assert "Tabel ditulis" in stdout and "\r" not in stdout
