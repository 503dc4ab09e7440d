"""Trust at the edges: IKK codes that cannot name a sheet, numbers in date-formatted cells,
broken settings of the Excel control workbook, and no library warning ever reaching a user.

Every case is built by ``fixtures_codes`` from the real samples; the real command line runs
on it (click's runner, and real processes under ``python -W error``).  Every input is
byte-identical afterwards (SHA-256 around every test).
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from fixtures_codes import (
    ANGGARAN, AWKWARD_CODES, FORMS, KENDALI, KENDALI_ACCEPTED, MASTER, PREVIOUS, RENSTRA, SUPPORTING,
    DateCase, KendaliCase, MasterCase, awkward_master, date_cases, fill_settings, kendali_cases,
    kendali_workspace, master_cases,
)
from lkjip_xl import layout, master, national_book, records
from lkjip_xl.tables import previous, renstra, supporting, writer
from lkjip_xl.tables.budget import read as budget_read, write as budget_write
from lkjip_xl.control import layout as control_layout, run_from_settings, run_on_file, settings_from_values
from lkjip_xl.cli import cli
from lkjip_xl.fileio import sha256_file
from lkjip_xl.messages import msg
from lkjip_xl.xlsx import SHEET_NAME_MAX, sheet_name, utf16_length

MASTERS = {case.name: case for case in master_cases()}
DATES = {case.name: case for case in date_cases()}
KENDALI_CASES = {case.name: case for case in kendali_cases()}
SAMPLE_INPUTS = [MASTER, *sorted(FORMS.glob("*.xlsx")), PREVIOUS, RENSTRA, ANGGARAN, SUPPORTING]
#: Texts of a raw library warning or an English exception that must never reach a user.
RAW_TEXTS = ("Traceback", "Warning:", "warn(", "Error:", "Usage:", "Errno", "No such file", "exceeds Excel")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("kode")
    paths: dict[str, Path] = {}
    for case in master_cases():
        paths[case.name] = folder / f"master_{case.name}.xlsx"
        case.build(paths[case.name])
    for case in date_cases():
        paths[case.name] = folder / f"formulir_{case.name}.xlsx"
        case.build(paths[case.name])
    return paths


@pytest.fixture(autouse=True)
def inputs_unchanged(built):
    inputs = [*SAMPLE_INPUTS, *built.values()]
    before = {str(p): sha256_file(p) for p in inputs}
    yield
    assert {str(p): sha256_file(p) for p in inputs} == before


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    for text in RAW_TEXTS:
        assert text not in result.output + result.stderr, (text, result.stderr)
    return result


def reported(stderr: str) -> list[tuple[str, str]]:
    """(code, message) of every KESALAHAN line."""
    return re.findall(r"^KESALAHAN\s+\[(\w+)\] (.*)$", stderr, flags=re.MULTILINE)


# --------------------------------------------------------------------------- class 13: IKK codes in the master


def _master_commands(path: Path, out: Path) -> dict[str, list[object]]:
    return {
        "forms": ["forms", path, "--out-dir", out / "formulir"],
        "validate": ["validate", FORMS, "--master", path],
        "consolidate": ["consolidate", FORMS, "--master", path, "--out", out / "konsolidasi.xlsx"],
        "tables": ["tables", FORMS, "--master", path, "--previous", PREVIOUS, "--renstra", RENSTRA,
                   "--out", out / "tabel.xlsx"],
    }


@pytest.mark.parametrize("name", MASTERS)
def test_unusable_ikk_codes_are_refused_by_every_command_all_at_once(name, built, tmp_path):
    case: MasterCase = MASTERS[name]
    path = built[name]
    for command, args in _master_commands(path, tmp_path).items():
        result = run(*args)
        assert result.exit_code == 2, (command, result.stderr)
        found = reported(result.stderr)
        assert sorted(code for code, _ in found) == sorted(code for code, _ in case.expected), command
        for code, cell in case.expected:
            # the location said once: in front of the message (path › PK › cell), or in its sentence
            message = next(m for c, m in found if c == code and (f"sel {cell}" in m or f" › PK › {cell}: " in m))
            assert f"{path} › PK › " in message or (str(path) in message and "sheet 'PK'" in message)
        assert list(tmp_path.iterdir()) == [], command  # nothing written


def test_the_code_messages_say_what_to_do(built):
    result = run("forms", built["sama_31_awal"], "--out-dir", built["sama_31_awal"].parent / "tidak_ditulis")
    messages = dict(reported(result.stderr))
    assert "panjangnya 35 karakter; paling banyak 31 karakter" in messages["master_code_too_long"]
    result = run("validate", FORMS, "--master", built["karakter_5"])
    assert "memuat '/'" in dict(reported(result.stderr))["master_code_chars"]
    result = run("validate", FORMS, "--master", built["beda_huruf_kecil"])
    assert "sama dengan kode 'SK03-IKK1' (sel D4)" in dict(reported(result.stderr))["master_code_duplicate_case"]


# --------------------------------------------------------------------------- class 13: one sheet-name function


def test_sheet_names_are_legal_and_unique_whatever_the_text():
    taken: list[str] = []
    texts = ["SK1-IKK1", "sk1-ikk1", "SK1-IKK1 ", "a" * 40, "a" * 31, "a" * 35, "'kutip'", "x[1]:*?/\\y", "History",
             "history", "", "'", "\U0001F600" * 20, "Daftar Tabel", "daftar tabel", "baris\nbaru", "Tabel 3.1"]
    for text in texts:
        name = sheet_name(text, taken)
        assert utf16_length(name) <= SHEET_NAME_MAX
        assert not set(name) & set("[]:*?/\\") and not name.startswith("'") and not name.endswith("'")
        assert name.casefold() not in {t.casefold() for t in taken} and name.casefold() != "history"
        assert all(ord(ch) >= 32 for ch in name)
        taken.append(name)
    assert taken[:3] == ["SK1-IKK1", "sk1-ikk1 (2)", "SK1-IKK1 (3)"]
    assert taken[3:6] == ["a" * 31, "a" * 27 + " (2)", "a" * 27 + " (3)"]
    assert taken[8:10] == ["History_", "history_ (2)"]


def test_every_fixed_sheet_name_of_the_toolkit_is_its_own_legal_name():
    """The writers' constant sheet names need no change: the one function leaves them as they are."""
    consolidate = importlib.import_module("lkjip_xl.capaian_book")  # the consolidated workbook's sheets
    constants = {value for module in (budget_read, budget_write, consolidate, control_layout, layout, master, records,
                                      national_book, previous, renstra, supporting, writer)
                 for key, value in vars(module).items()
                 if isinstance(value, str) and not key.startswith("SHEET_NAME")
                 and (key.startswith("SHEET") or key.endswith("_SHEET"))}
    assert len(constants) >= 10
    for name in constants:
        assert sheet_name(name) == name, name


def test_legal_codes_colliding_with_the_tables_sheets_get_their_own_sheets(tmp_path):
    master_path, forms = awkward_master(tmp_path)
    consolidated = tmp_path / "konsolidasi.xlsx"
    assert run("consolidate", forms, "--master", master_path, "--out", consolidated).exit_code == 0
    out = tmp_path / "tabel.xlsx"
    result = run("tables", consolidated, "--master", master_path, "--previous", PREVIOUS, "--renstra", RENSTRA,
                 "--anggaran", ANGGARAN, "--out", out)
    assert result.exit_code == 0, result.stderr
    workbook = openpyxl.load_workbook(out)
    names = workbook.sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    assert {"Daftar Tabel", "daftar tabel (2)", "Capaian Kinerja Anggaran", "Capaian Kinerja Anggaran (2)",
            AWKWARD_CODES["SK12-IKK1"]} <= set(names)
    assert str(workbook["Capaian Kinerja Anggaran"]["A1"].value).startswith("Capaian Kinerja Anggaran")
    assert str(workbook["Capaian Kinerja Anggaran (2)"]["A1"].value).startswith("Tabel 3.")
    links = [cell.hyperlink.location for row in workbook["Daftar Tabel"].iter_rows() for cell in row
             if cell.hyperlink is not None]
    assert links
    for location in links:
        sheet = location.rsplit("!", 1)[0].strip("'").replace("''", "'")
        assert sheet in names, location
    assert any(link.startswith("'daftar tabel (2)'!") for link in links)


# --------------------------------------------------------------------------- class 14: numbers in date-formatted cells


@pytest.mark.parametrize("name", DATES)
def test_a_date_formatted_number_is_read_as_typed_or_refused_with_what_excel_shows(name, built):
    case: DateCase = DATES[name]
    path = built[name]
    result = run("validate", "--json", "--master", MASTER, path)
    problems = [p for p in json.loads(result.stdout)["problems"] if p["file"] == str(path)]
    assert sorted((p["code"], p["cell"], p["severity"]) for p in problems) == sorted(
        (e.code, e.cell, e.severity) for e in case.expected)
    assert result.exit_code == (1 if any(e.severity == "error" for e in case.expected) else 0)
    for expected in case.expected:
        message = next(p["message"] for p in problems if (p["code"], p["cell"]) == (expected.code, expected.cell))
        assert str(path) in message and f"sel {expected.cell}" in message and "sheet 'Formulir'" in message
        for part in expected.parts:
            assert part in message
        assert "00:00:00" not in message and "1900-" not in message  # no timestamp the user never typed


def _figures(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Capaian Kinerja").to_python()


@pytest.fixture(scope="module")
def sample_figures(tmp_path_factory) -> list[list[object]]:
    out = tmp_path_factory.mktemp("asli") / "konsolidasi.xlsx"
    assert run("consolidate", FORMS, "--master", MASTER, "--out", out).exit_code == 0
    return _figures(out)


@pytest.mark.parametrize("name", [n for n, c in DATES.items() if c.same_numbers])
def test_date_formatted_numbers_consolidate_to_the_samples_figures(name, built, tmp_path, sample_figures):
    folder = tmp_path / "formulir"
    shutil.copytree(FORMS, folder)
    shutil.copyfile(built[name], folder / DATES[name].source.name)
    out = tmp_path / "konsolidasi.xlsx"
    result = run("consolidate", folder, "--master", MASTER, "--out", out)
    assert result.exit_code == 0
    assert "value_date_format" in result.stdout + result.stderr
    assert _figures(out) == sample_figures


# --------------------------------------------------------------------------- class 14: Kendali settings


@pytest.fixture(scope="module")
def control(tmp_path_factory) -> Path:
    pytest.importorskip("xlwings")
    path = tmp_path_factory.mktemp("kendali") / "konsolidasi.xlsm"
    assert run("button", "--out", path).exit_code == 0
    return path


def _status(path: Path) -> str:
    workbook = openpyxl.load_workbook(path, data_only=True)
    return workbook[KENDALI][control_layout.STATUS_CELL].value


def _no_raw_text(text: str) -> None:
    for raw in (*RAW_TEXTS, "datetime", "00:00:00", "OSError", "KeyError", "True", "False"):
        assert raw not in text, (raw, text)


@pytest.mark.parametrize("name", KENDALI_CASES)
def test_broken_kendali_settings_are_indonesian_messages_in_the_status_cell(name, control, tmp_path):
    case: KendaliCase = KENDALI_CASES[name]
    path = kendali_workspace(tmp_path, control)
    fill_settings(path, case.values)
    for action in case.actions:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            outcome = run_on_file(path, action)
        assert caught == [], [str(w.message) for w in caught]
        assert outcome.state == control_layout.STATE_FIX, outcome.status
        assert sorted((p.code, p.cell) for p in outcome.problems) == sorted(case.expected)
        for problem in outcome.problems:
            assert problem.sheet == KENDALI and f"sheet '{KENDALI}'" in problem.message
            assert f"sel {problem.cell}" in problem.message
            _no_raw_text(problem.message)
        expected_status = (outcome.problems[0].message if len(case.expected) == 1
                           else msg("kendali_settings_invalid", count=len(case.expected)))
        assert outcome.status == expected_status == _status(path)
    assert not list(tmp_path.glob("Konsolidasi_LKjIP_*.xlsx"))


def test_a_year_typed_into_a_date_cell_is_the_year(control, tmp_path):
    path = kendali_workspace(tmp_path, control)
    fill_settings(path, KENDALI_ACCEPTED)
    outcome = run_on_file(path, "periksa")
    assert outcome.state == control_layout.STATE_OK, outcome.status


def test_a_number_typed_as_the_folder_is_the_folder_named_so(tmp_path):
    shutil.copytree(FORMS, tmp_path / "2023")
    shutil.copy(MASTER, tmp_path / "master.xlsx")
    settings = settings_from_values({"folder": 2023.0, "master": "master.xlsx"}, base_dir=str(tmp_path),
                                          workbook="k.xlsm")
    assert run_from_settings(settings, "periksa").state == control_layout.STATE_OK


def test_a_control_workbook_that_cannot_be_read_says_why_in_indonesian(tmp_path):
    other = tmp_path / "lain.xlsm"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Pengaturan"
    workbook.save(other)
    outcome = run_on_file(other, "periksa")
    assert outcome.state == control_layout.STATE_FAILED
    assert outcome.status == msg("kendali_sheet_missing", path=str(other), sheet=KENDALI, found="'Pengaturan'")
    text = tmp_path / "bukan.xlsm"
    text.write_text("bukan buku kerja")
    outcome = run_on_file(text, "konsolidasi")
    assert outcome.status == msg("kendali_workbook_not_excel", path=str(text), sheet=KENDALI)
    _no_raw_text(outcome.status)


def test_the_control_workbook_writer_raises_the_projects_own_errors(tmp_path):
    import click

    from lkjip_xl.control import write_control_workbook

    with pytest.raises(Exception) as raised:
        write_control_workbook(tmp_path / "kendali.xlsx")
    assert not isinstance(raised.value, click.ClickException)
    assert type(raised.value).__module__.startswith("lkjip_xl")
    assert ".xlsm" in str(raised.value)
    result = run("button", "--out", tmp_path / "kendali.xlsx")
    assert result.exit_code == 2 and ".xlsm" in result.stderr
    assert not (tmp_path / "kendali.xlsx").exists()


# --------------------------------------------------------------------------- no raw warning, in real processes


def _process(*args: object, code: int = 0) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-W", "error", "-m", "lkjip_xl.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == code, (args, done.stderr[-2000:])
    for text in RAW_TEXTS:
        assert text not in done.stderr, (args, text, done.stderr[-2000:])
    return done


def test_sample_workflows_emit_no_warning_under_python_W_error(built, tmp_path):
    consolidated = tmp_path / "konsolidasi.xlsx"
    _process("template", "--out", tmp_path / "templat.xlsx")
    _process("forms", MASTER, "--out-dir", tmp_path / "formulir")
    _process("validate", FORMS, "--master", MASTER)
    _process("consolidate", FORMS, "--master", MASTER, "--out", consolidated)
    _process("consolidate", FORMS, "--out-dir", tmp_path / "nasional")
    _process("tables", consolidated, "--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA,
             "--anggaran", ANGGARAN, "--supporting", SUPPORTING, "--out", tmp_path / "tabel.xlsx")
    _process("validate", "--master", MASTER, built["durasi"], built["sistem_1904"])
    _process("validate", "--master", MASTER, built["jam_dari_ketikan"], code=1)
    _process("forms", built["semua_sekaligus"], "--out-dir", tmp_path / "tidak_ditulis", code=2)
    _process("tables", consolidated, "--master", built["emoji_panjang"], "--previous", PREVIOUS,
             "--renstra", RENSTRA, "--out", tmp_path / "tidak_ditulis.xlsx", code=2)
    if importlib.util.find_spec("xlwings"):
        _process("button", "--out", tmp_path / "kendali.xlsm")


def test_awkward_codes_workflow_emits_no_warning_under_python_W_error(tmp_path):
    master_path, forms = awkward_master(tmp_path)
    consolidated = tmp_path / "konsolidasi.xlsx"
    _process("forms", master_path, "--out-dir", tmp_path / "formulir_baru")
    _process("consolidate", forms, "--master", master_path, "--out", consolidated)
    _process("tables", consolidated, "--master", master_path, "--previous", PREVIOUS, "--renstra", RENSTRA,
             "--anggaran", ANGGARAN, "--out", tmp_path / "tabel.xlsx")


@pytest.mark.parametrize("value", [datetime.date(2023, 1, 1), datetime.datetime(2023, 1, 1, 8, 30),
                                   datetime.time(3, 25), "seratus"])
def test_a_threshold_that_is_no_number_is_refused_by_every_command(value, tmp_path):
    """A date, a time or a word in the master's 'Batas Tercapai (%)' (Info!B5) is a master problem, exit 2."""
    path = tmp_path / "master" / "master_batas.xlsx"
    path.parent.mkdir()
    workbook = openpyxl.load_workbook(MASTER)
    workbook["Info"]["B5"] = value
    workbook.save(path)
    out = tmp_path / "keluaran"
    out.mkdir()
    for command, args in _master_commands(path, out).items():
        result = run(*args)
        assert result.exit_code == 2, (command, result.stderr)
        found = reported(result.stderr)
        assert [code for code, _ in found] == ["master_value_invalid"], command
        assert "sel B5" in found[0][1] and "sheet 'Info'" in found[0][1]
        assert list(out.iterdir()) == [], command
