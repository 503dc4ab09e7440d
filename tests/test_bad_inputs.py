"""Every bad returned file gets its exact problems, message and exit code — never a traceback —
and no command ever changes an input (checked by SHA-256 around every test)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import astuple
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import recalculate, require_soffice
from fixtures_bad import (
    ADMIN, FORMULA_TEXTS, IMIG, MASTER, PEMAS, PEMAS_WARNINGS, PHH, SAMPLES, BadFile, build_all, catalogue,
    cell_of,
)
from lkjip_xl.cli import cli
from lkjip_xl.capaian_book import SHEET_SOURCES
from lkjip_xl.fileio import sha256_file
from lkjip_xl.layout import COL_NOTE, FORM_SHEET
from lkjip_xl.messages import msg
from lkjip_xl.reader import READ_ERROR_CODES
from lkjip_xl.validate import check_path

CATALOGUE = {bad.name: bad for bad in catalogue()}


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("bad"))


def _hashes(paths) -> dict[str, str]:
    return {str(p): sha256_file(p) for p in paths}


@pytest.fixture(autouse=True)
def inputs_unchanged(bad_files):
    """Every bad file and every sample is byte-identical after each test."""
    inputs = [*bad_files.values(), *SAMPLES.iterdir(), MASTER]
    before = _hashes(inputs)
    yield
    assert _hashes(inputs) == before


def run(*args: str):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def problems_of(result, path: Path) -> list[dict]:
    return [p for p in json.loads(result.stdout)["problems"] if p["file"] == str(path)]


@pytest.mark.parametrize("name", CATALOGUE)
def test_bad_file_gets_its_exact_problems(name, bad_files):
    bad: BadFile = CATALOGUE[name]
    path = bad_files[name]
    result = run("validate", "--json", *bad.companions, path)
    found = problems_of(result, path)
    assert sorted((p["code"], p["sheet"], p["cell"], p["severity"]) for p in found) == sorted(
        astuple(e) for e in bad.expected)
    assert result.exit_code == bad.exit_code
    for problem in found:
        assert str(path) in problem["message"]  # the message names the file…
        if problem["cell"]:  # …and the sheet and cell, where there is one
            assert f"sheet '{problem['sheet']}'" in problem["message"]
            assert problem["cell"] in problem["message"]
    if bad.expected:
        first = next(p for p in found if p["code"] == bad.expected[0].code)
        for part in bad.message_parts:
            assert part in first["message"]


def test_unreadable_files_have_exact_messages(bad_files):
    cases = {
        "kosong.xlsx": ("file_empty", {}),
        "pdf_diganti_nama.xlsx": ("file_not_xlsx", {"found": "PDF"}),
        "docx_diganti_nama.xlsx": ("file_not_xlsx", {"found": "dokumen Word (.docx)"}),
        "format_lama.xls": ("file_old_xls", {}),
        "bersandi.xlsx": ("file_encrypted", {}),
        "terlalu_besar.xlsx": ("file_too_large", {"size": "21 MB", "limit": "20 MB"}),
        "bom_zip_ukuran_palsu.xlsx": ("file_zip_bomb", {"detail": "xl/media/isi.bin", "limit": "20 MB"}),
        "bom_xml.xlsx": ("file_unsafe_xml", {"detail": "xl/sharedStrings.xml"}),
        "sheet_diganti_nama.xlsx": ("form_sheet_missing", {"sheet": FORM_SHEET, "found": "'Isian Imigrasi'"}),
    }
    for name, (code, fields) in cases.items():
        path = bad_files[name]
        (problem,) = problems_of(run("validate", "--json", path), path)
        assert problem["message"] == msg(code, path=str(path), **fields)


def test_text_report_names_file_sheet_cell_and_code(bad_files):
    path = bad_files["indeks_ambigu.xlsx"]
    result = run("validate", path)
    assert result.exit_code == 1
    assert f"KESALAHAN  [value_ambiguous] {path} › Formulir › K9: " in result.output
    assert "Ringkasan: 1 kesalahan, 3 peringatan." in result.output


def test_every_bad_file_at_once_in_a_real_process(bad_files, tmp_path):
    """The console script, not the test runner: no traceback on stderr, every file named."""
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for path in bad_files.values():
        shutil.copyfile(path, folder / path.name)
    shutil.copyfile(ADMIN, folder / ADMIN.name)  # what the copy "(1)" duplicates (last year's form does not)
    (folder / "~$Formulir_2023_Keimigrasian.xlsx").write_bytes(b"\x0bKanwil Babel" + b"\0" * 152)
    (folder / "catatan.txt").write_text("bukan formulir")
    process = subprocess.run([sys.executable, "-m", "lkjip_xl.cli", "validate", "--json", str(folder)],
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    report = json.loads(process.stdout)
    named = {Path(p["file"]).name for p in report["problems"]}
    for bad in catalogue():
        if bad.expected:
            assert bad.name in named
    codes = {p["code"] for p in report["problems"]}
    assert {"lock_file_skipped", "file_skipped", "file_old_xls"} <= codes


def test_lock_files_in_a_folder_are_skipped(tmp_path):
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLES, folder)
    lock = folder / "~$Formulir_2023_Keimigrasian.xlsx"
    lock.write_bytes(b"\x0bKanwil Babel" + b"\0" * 152)
    result = run("validate", "--json", folder)
    assert result.exit_code == 0
    assert problems_of(result, lock) == [{
        "file": str(lock), "code": "lock_file_skipped", "message": msg("lock_file_skipped", path=str(lock)),
        "severity": "warning", "sheet": "", "cell": "", "ikk": ""}]


def test_duplicate_divisi_names_both_files(bad_files):
    copy = bad_files["Formulir_2023_Administrasi (1).xlsx"]
    result = run("validate", "--json", SAMPLES, copy)
    (on_copy,) = problems_of(result, copy)
    (on_original,) = problems_of(result, ADMIN)
    same = dict(divisi="Administrasi", period="Tahunan", revision=0, sheet="Formulir", cell="C7")
    assert on_copy["message"] == msg("form_duplicate_divisi", path=str(copy), other=str(ADMIN), **same)
    assert on_original["message"] == msg("form_duplicate_divisi", path=str(ADMIN), other=str(copy), **same)


def test_last_year_form_is_refused_even_when_it_sorts_first(bad_files):
    old = bad_files["Formulir_2022_Administrasi.xlsx"]
    result = run("validate", "--json", old, IMIG, PEMAS, PHH)
    assert [p["code"] for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"] == [
        "form_other_year"]


def test_rows_found_by_code_after_reordering_and_inserting(bad_files):
    original = check_path(str(IMIG)).inputs
    for name in ("baris_ditukar.xlsx", "baris_disisipkan.xlsx"):
        moved = check_path(str(bad_files[name])).inputs
        assert {code: (i.value, i.pairs) for code, i in moved.items()} == {
            code: (i.value, i.pairs) for code, i in original.items()}


# --------------------------------------------------------------------------- consolidate


def test_consolidate_refuses_and_names_every_bad_file(bad_files, tmp_path):
    out = tmp_path / "k.xlsx"
    bad = [bad_files["kosong.xlsx"], bad_files["negatif.xlsx"]]
    result = run("consolidate", "--json", ADMIN, IMIG, PHH, *bad, "--out", out)
    assert result.exit_code == 1
    assert not out.exists()
    problems = json.loads(result.stdout)["problems"]
    assert problems[-1]["message"] == msg("forms_refused", count=2)
    for path in bad:
        assert msg("form_refused", path=str(path)) in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_consolidate_skips_bad_files_when_asked(bad_files, tmp_path):
    out = tmp_path / "k.xlsx"
    bad = bad_files["bersandi.xlsx"]
    result = run("consolidate", ADMIN, IMIG, PEMAS, PHH, bad, "--out", out, "--skip-invalid")
    assert result.exit_code == 1
    assert out.exists()
    # the message names the file: the line says it once, not again in front
    assert "PERINGATAN [form_refused_skip] " + msg("form_refused_skip", path=str(bad)) in result.output


def test_samples_with_warnings_only_consolidate_with_exit_zero(tmp_path):
    result = run("consolidate", "--json", SAMPLES, "--out", tmp_path / "k.xlsx")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert [(p["code"], p["cell"]) for p in report["problems"]] == [(e.code, e.cell) for e in PEMAS_WARNINGS] + [
        ("no_master", "")]  # without --master only the stamps vouch for the targets


def test_text_that_looks_like_a_formula_stays_text_in_every_output(bad_files, tmp_path):
    form = bad_files["teks_seperti_rumus.xlsx"]
    fixed = tmp_path / "teks.xlsx"  # the same texts, with the one non-number pembilang restored
    book = openpyxl.load_workbook(form)
    book[FORM_SHEET][cell_of(PEMAS, "SK03-IKK1", "pembilang")] = 429
    book.save(fixed)
    out = tmp_path / "k.xlsx"
    assert run("consolidate", ADMIN, IMIG, PHH, fixed, "--out", out).exit_code == 0
    sources = openpyxl.load_workbook(out)[SHEET_SOURCES]
    kept = {c.value: c.data_type for row in sources.iter_rows() for c in row if c.value in FORMULA_TEXTS}
    assert kept == {text: "s" for text in FORMULA_TEXTS}
    feedback = tmp_path / "umpan"
    assert run("validate", form, "--feedback-dir", feedback).exit_code == 1
    copy = openpyxl.load_workbook(feedback / "teks_seperti_rumus_pemeriksaan.xlsx")
    notes = {copy[FORM_SHEET][cell_of(PEMAS, code, COL_NOTE)].data_type
             for code in ("SK03-IKK1", "SK03-IKK2", "SK03-IKK3", "SK04-IKK1")}
    assert notes == {"s"}
    listed = [c for row in copy["Pemeriksaan"].iter_rows() for c in row if c.value]
    assert all(c.data_type in ("s", "n") for c in listed)


# --------------------------------------------------------------------------- LibreOffice round trip


def test_formula_typed_in_libreoffice_is_found(bad_files, tmp_path):
    """A form saved by LibreOffice (``<f aca="false">``) still shows the typed formula."""
    require_soffice()
    saved = recalculate(bad_files["rumus_di_isian.xlsx"], tmp_path)
    result = run("validate", "--json", saved)
    codes = [(p["code"], p["cell"]) for p in problems_of(result, saved) if p["severity"] == "error"]
    num = cell_of(PEMAS, "SK03-IKK1", "pembilang")
    note = cell_of(PEMAS, "SK03-IKK1", COL_NOTE)
    assert sorted(codes) == sorted([("formula_in_input", note), ("formula_in_input", num)])


def test_read_errors_are_the_documented_ones():
    documented = Path(__file__).resolve().parents[1].joinpath("docs", "validation.md").read_text()
    for code in READ_ERROR_CODES:
        assert f"| `{code}` |" in documented


def test_no_half_written_file_after_an_interrupted_feedback_run(bad_files, tmp_path, monkeypatch):
    import lkjip_xl.feedback as feedback

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(feedback, "_add_list", interrupted)
    out = tmp_path / "umpan"
    result = run("validate", bad_files["negatif.xlsx"], "--feedback-dir", out)
    assert result.exit_code == 1 and "Dibatalkan" in result.stderr and "Traceback" not in result.stderr  # Ctrl-C
    assert not out.exists() or list(out.iterdir()) == []  # neither the copy nor its temporary file (nor the folder)

