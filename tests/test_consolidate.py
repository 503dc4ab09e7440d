"""`lkjip-xl consolidate` on the bundled samples, through the real CLI and real files."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import assert_formulas_match, compare_formulas, require_soffice
from lkjip_xl.cli import cli
from lkjip_xl.messages import msg
from lkjip_xl.capaian_book import SHEET_CAPAIAN, SHEET_SOURCES, SHEET_SUMMARY
from lkjip_xl.fileio import sha256_file
from lkjip_xl.records import SHEET_DATA
from lkjip_xl.formula_check import disallowed_functions, read_formulas

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "samples" / "formulir"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "konsolidasi.xlsx"
    result = run("consolidate", str(FORMS), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "54 dari 60 IKK tercapai." in result.output
    return out


def test_sheets_and_inputs_untouched(output):
    assert openpyxl.load_workbook(output).sheetnames == [SHEET_CAPAIAN, SHEET_SUMMARY, SHEET_DATA, SHEET_SOURCES]


def test_inputs_are_never_modified(tmp_path):
    before = {p.name: sha256_file(p) for p in FORMS.iterdir()}
    run("validate", str(FORMS))
    run("consolidate", str(FORMS), "--out", str(tmp_path / "a.xlsx"))
    run("consolidate", str(FORMS), "--out", str(tmp_path / "a.xlsx"), "--force")
    assert {p.name: sha256_file(p) for p in FORMS.iterdir()} == before


def test_same_inputs_give_the_same_bytes(tmp_path):
    for name in ("a.xlsx", "b.xlsx"):
        assert run("consolidate", str(FORMS), "--out", str(tmp_path / name)).exit_code == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "k.xlsx"
    out.write_bytes(b"keep me")
    result = run("consolidate", str(FORMS), "--out", str(out))
    assert result.exit_code == 2
    assert f"Berkas keluaran {out} sudah ada. Gunakan opsi --force" in result.output
    assert out.read_bytes() == b"keep me"
    assert run("consolidate", str(FORMS), "--out", str(out), "--force").exit_code == 0
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["k.xlsx"]  # no temporary file left behind


def test_every_formula_has_its_value_and_allowed_functions(output):
    formulas = read_formulas(output)
    assert len(formulas) > 60 * 3
    for (sheet, cell), (formula, cached) in formulas.items():
        assert cached is not None, f"{sheet}!{cell} {formula} has no stored value"
        assert not disallowed_functions(formula), f"{sheet}!{cell} uses {disallowed_functions(formula)}"


def test_libreoffice_recomputes_every_stored_value(output, tmp_path):
    assert_formulas_match(output, tmp_path)


def test_the_check_fails_when_a_stored_value_is_wrong(output, tmp_path):
    """Tamper with one cached value inside the file: the engine check must notice."""
    require_soffice()
    tampered = tmp_path / "tampered.xlsx"
    with zipfile.ZipFile(output) as source, zipfile.ZipFile(tampered, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":  # Ringkasan
                text = data.decode("utf-8")
                assert "<v>54</v>" in text
                data = text.replace("<v>54</v>", "<v>55</v>", 1).encode("utf-8")
            target.writestr(item, data)
    mismatches = compare_formulas(tampered, tmp_path)
    assert len(mismatches) >= 1
    assert any("stored 55" in line for line in mismatches)


def test_sources_sheet_traces_every_input(output):
    sheet = openpyxl.load_workbook(output, read_only=True)[SHEET_SOURCES]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Kode IKK", "Divisi", "Isian", "Nilai", "Berkas", "Sheet", "Sel", "SHA-256 Berkas")
    remisi = [r for r in rows if r[0] == "SK04-IKK2" and r[2] in ("pembilang1", "penyebut1")]
    form = FORMS / "Formulir_2023_Pemasyarakatan.xlsx"
    assert [(r[3], r[5]) for r in remisi] == [(2933, "Formulir"), (3097, "Formulir")]
    assert all(r[4] == str(form) and r[7] == sha256_file(form) for r in remisi)


def test_refused_form_gives_exit_1_and_names_the_cell(tmp_path):
    folder = tmp_path / "forms"
    shutil.copytree(FORMS, folder)
    path = folder / "Formulir_2023_Keimigrasian.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Formulir"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "SK11-IKK1")
    sheet.cell(row, 11).value = None  # realisasi removed
    book.save(path)
    out = tmp_path / "k.xlsx"
    result = run("consolidate", str(folder), "--out", str(out))
    assert result.exit_code == 1
    assert (f"[value_missing] {path} › Formulir › K{row}: Realisasi untuk IKK SK11-IKK1 belum diisi. "
            "Isi dengan angka.") in result.output  # the location once, in front
    assert "1 formulir ditolak karena berisi kesalahan." in result.output
    assert not out.exists()
    skipped = run("consolidate", str(folder), "--out", str(out), "--skip-invalid")
    assert skipped.exit_code == 1
    assert out.exists()
    assert msg("form_refused_skip", path=str(path)) in skipped.output
    assert "52 dari 58 IKK tercapai." in skipped.output


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    folder = tmp_path / "forms"
    shutil.copytree(FORMS, folder)
    path = folder / "Formulir_2023_Administrasi.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Formulir"]
    sheet.cell(9, 15).value = "=HYPERLINK(\"http://x\",\"klik\")"
    sheet.cell(9, 15).data_type = "s"
    book.save(path)
    out = tmp_path / "k.xlsx"
    assert run("consolidate", str(folder), "--out", str(out)).exit_code == 0
    formulas = read_formulas(out)
    assert not any("HYPERLINK" in formula for formula, _ in formulas.values())
    values = [r for r in openpyxl.load_workbook(out)[SHEET_SOURCES].iter_rows(values_only=True)
              if r[2] == "keterangan" and r[0] == "SK01-IKK1"]
    assert values[0][3] == '=HYPERLINK("http://x","klik")'
