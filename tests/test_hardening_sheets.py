"""Trust at the edges: far cells, formulas however written, what the user cannot see, returned copies.

Every hostile file of :mod:`fixtures_hostile_sheets` goes through the real
command line (click's runner, and the far cells also as a real process that
must not abort): exact problem code, sheet and cell, exit code, no traceback,
and every input byte-identical afterwards (SHA-256 around each test).  A worker
that dies in the process pool is made to die for real (:mod:`crash_helper`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import astuple
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import crash_helper
from fixtures_bad import IMIG, MASTER, SAMPLES
from fixtures_hostile_sheets import (
    BUDGET, NEXT, PREVIOUS, RENSTRA, HostileFile, build_all, catalogue, far_cases, feedback_cases,
)
from lkjip_xl import national
from lkjip_xl.cli import cli
from lkjip_xl.fileio import sha256_file
from lkjip_xl.layout import FORM_SHEET
from lkjip_xl.reader import read_form
from lkjip_xl.checks import CheckedForm
from lkjip_xl.validate import _compact_check, check_path, compact

CATALOGUE = {hostile.name: hostile for hostile in catalogue()}
FORMS = [name for name, hostile in CATALOGUE.items() if hostile.kind == "form"]
INPUTS = [name for name, hostile in CATALOGUE.items() if hostile.kind != "form"]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def consolidated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("konsolidasi") / "k.xlsx"
    assert CliRunner().invoke(cli, ["consolidate", str(SAMPLES), "--out", str(out)]).exit_code == 0
    return out


@pytest.fixture(autouse=True)
def inputs_unchanged(hostile):
    """Every hostile file and every sample is byte-identical after each test."""
    inputs = [*hostile.values(), *SAMPLES.iterdir(), MASTER, PREVIOUS, RENSTRA, BUDGET]
    before = {str(p): sha256_file(p) for p in inputs}
    yield
    assert {str(p): sha256_file(p) for p in inputs} == before


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    assert "panicked" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def report_of(stdout: str) -> dict:
    """The JSON document of a ``--json`` run: the whole of stdout."""
    return json.loads(stdout)


def problems_of(result, path: Path) -> list[dict]:
    return [p for p in report_of(result.stdout)["problems"] if p["file"] == str(path)]


@pytest.mark.parametrize("name", FORMS)
def test_hostile_form_gets_its_exact_problems(name, hostile):
    case: HostileFile = CATALOGUE[name]
    path = hostile[name]
    result = run("validate", "--json", path)
    found = problems_of(result, path)
    assert sorted((p["code"], p["sheet"], p["cell"], p["severity"]) for p in found) == sorted(
        astuple(e) for e in case.expected)
    assert result.exit_code == case.exit_code
    for problem in found:
        assert str(path) in problem["message"]
        if problem["cell"]:
            assert f"sheet '{problem['sheet']}'" in problem["message"]
            assert problem["cell"] in problem["message"]


def test_hostile_forms_read_in_a_pool_worker_as_read_alone(hostile):
    """A pool worker reads each form without its inputs' source cells, which compacting drops anyway: every
    problem (its text too) and every input is the same as reading it alone, hidden rows and columns included."""
    for name in FORMS:
        alone, pooled = check_path(str(hostile[name])), _compact_check(check_path, str(hostile[name]))
        if not isinstance(alone, CheckedForm):
            assert pooled == alone, name
            continue
        pooled, alone = pooled.unpacked(), compact(alone)
        assert pooled.problems == alone.problems, name
        assert pooled.inputs == alone.inputs and pooled.sub_inputs == alone.sub_inputs, name


def test_far_cell_message_says_what_to_do(hostile):
    path = hostile["jauh_xfd1048576.xlsx"]
    (problem,) = problems_of(run("validate", "--json", path), path)
    assert "Ctrl+End" in problem["message"] and "1.048.576 baris × 16.384 kolom" in problem["message"]


def test_far_cells_in_a_real_process_neither_abort_nor_hang(hostile, tmp_path):
    """The console script on every far-cell file at once: refused, named, exit 1 — never exit 134."""
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for case in far_cases():
        shutil.copyfile(hostile[case.name], folder / case.name)
    process = subprocess.run([sys.executable, "-m", "lkjip_xl.cli", "validate", "--json", str(folder)],
                             capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert process.returncode == 1, process.stderr
    assert "Traceback" not in process.stderr and "panicked" not in process.stderr
    found = {(Path(p["file"]).name, p["code"], p["cell"]) for p in report_of(process.stdout)["problems"]}
    assert found == {(case.name, e.code, e.cell) for case in far_cases() for e in case.expected}


@pytest.mark.parametrize("name", [n for n in INPUTS if CATALOGUE[n].kind == "master"])
def test_master_with_a_far_cell_or_not_a_workbook(name, hostile):
    case = CATALOGUE[name]
    (expected,) = case.expected
    for args in (("validate", "--master", hostile[name], IMIG),
                 ("consolidate", "--master", hostile[name], IMIG, "--out", hostile[name].with_suffix(".k.xlsx"))):
        result = run(*args)
        assert result.exit_code == 2
        assert f"[{expected.code}] " in result.stderr
        assert str(hostile[name]) in result.stderr
        if expected.cell:
            assert f"sheet '{expected.sheet}'" in result.stderr and expected.cell in result.stderr
    assert not hostile[name].with_suffix(".k.xlsx").exists()


@pytest.mark.parametrize("name", [n for n in INPUTS if CATALOGUE[n].kind != "master"])
def test_table_inputs_with_a_far_cell_or_not_a_workbook(name, hostile, consolidated, tmp_path):
    case = CATALOGUE[name]
    (expected,) = case.expected
    inputs = {"previous": PREVIOUS, "renstra": RENSTRA, "anggaran": BUDGET, case.kind: hostile[name]}
    out = tmp_path / "tabel.xlsx"
    result = run("tables", consolidated, "--master", MASTER, "--previous", inputs["previous"],
                 "--renstra", inputs["renstra"], "--anggaran", inputs["anggaran"], "--out", out)
    assert result.exit_code == 1
    assert f"[{expected.code}] " in result.stderr and str(hostile[name]) in result.stderr
    if expected.cell:
        assert f"sheet '{expected.sheet}'" in result.stderr and expected.cell in result.stderr
    assert not out.exists()


def test_whole_corpus_through_consolidate_out_dir_and_skip_invalid(hostile, tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for name in FORMS:
        shutil.copyfile(hostile[name], folder / name)
    refused = {name for name in FORMS if CATALOGUE[name].exit_code}
    national_out = tmp_path / "nasional"
    result = run("consolidate", "--json", folder, "--out-dir", national_out)
    assert result.exit_code == 1
    named = {Path(p["file"]).name for p in report_of(result.stdout)["problems"] if p["severity"] == "error"}
    assert refused <= named
    out = tmp_path / "k.xlsx"
    result = run("consolidate", "--json", folder, SAMPLES, "--skip-invalid", "--out", out)
    assert result.exit_code == 1
    skipped = {Path(p["file"]).name for p in report_of(result.stdout)["problems"] if p["code"] == "form_refused_skip"}
    assert refused <= skipped


@pytest.mark.parametrize("case", [c for c in feedback_cases() if c.expected[0].code != "sheet_too_large"],
                         ids=lambda c: c.name)
def test_returned_copy_naming_no_cell_of_the_table_is_never_built(case, hostile, tmp_path):
    """A real process with a timeout: building A1:XFD1048576 would take minutes and all memory."""
    out = tmp_path / "umpan"
    process = subprocess.run([sys.executable, "-m", "lkjip_xl.cli", "validate", "--json", str(hostile[case.name]),
                              "--feedback-dir", str(out)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert process.returncode == 1, process.stderr
    assert "Traceback" not in process.stderr
    (copy,) = out.iterdir()
    sheet = openpyxl.load_workbook(copy)[FORM_SHEET]
    # nothing beyond the form (its table, and the sign-off block below it) was created
    assert (sheet.max_row, sheet.max_column) == (NEXT - 1, 18)
    again = read_form(copy)  # the new copy is a bounded, readable form
    assert again.rows["SK11-IKK1"]["realisasi"].value == -5


def _national_forms(tmp_path: Path, crashing: tuple[str, ...]) -> Path:
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLES, folder)
    for name in crashing:
        shutil.copyfile(IMIG, folder / name)  # read, it would be a second Keimigrasian form
    return folder


@pytest.mark.parametrize("crashing", [("mati.xlsx",), ("a_mati.xlsx", "mati.xlsx", "z_mati.xlsx")])
def test_a_worker_that_dies_is_a_refused_file_not_a_dead_run(crashing, tmp_path, monkeypatch):
    """Each named file really aborts the process reading it; the run goes on and names each one."""
    monkeypatch.setattr(national, "MIN_PARALLEL_FORMS", 1)
    monkeypatch.setenv(crash_helper.CRASH_ENV, ",".join(crashing))
    folder = _national_forms(tmp_path, crashing)
    result = national.consolidate_national([folder], tmp_path / "hasil", skip_invalid=True, workers=2,
                                           check=crash_helper.check)
    crashed = [p for p in result.report.problems if p.code == "file_reader_crashed"]
    assert sorted(Path(p.file).name for p in crashed) == sorted(crashing)
    assert all(p.is_error and p.file in p.message for p in crashed)
    assert result.output is not None and result.output.exists()
    assert sorted(Path(path).name for path in result.refused) == sorted(crashing)
    assert len(result.results) == sum(len(read_form(f).indicators) for f in SAMPLES.iterdir())


def test_environment_hook_lives_only_in_the_test_helper():
    """The library never reads the test helper's variable."""
    for module in (ROOT / "lkjip_xl").glob("*.py"):
        assert crash_helper.CRASH_ENV not in module.read_text()
    assert os.environ.get(crash_helper.CRASH_ENV) is None
