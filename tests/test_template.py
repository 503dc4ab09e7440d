"""The committed templates (templates/LKjIP_template.xlsx and the other inputs') are what the code writes,
and staff can use them as they are (the other inputs' round trips: tests/test_input_templates.py)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.input_templates import ALL, TEMPLATES
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.master_layout import INFO_FIELDS, PK_COLUMNS
from lkjip_xl.periods import PeriodRule
from lkjip_xl.model import AchievementRule, Direction, Indicator, Master, Method
from lkjip_xl.template import write_master

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "LKjIP_template.xlsx"
REGENERATE = "regenerate it with: lkjip-xl template --force"
REGENERATE_ALL = "regenerate them with: lkjip-xl template --jenis semua --force"


def dump(path: Path) -> dict:
    """Everything staff see or use in a workbook, as plain data (not bytes)."""
    book = openpyxl.load_workbook(path)
    try:
        out: dict = {
            "sheets": book.sheetnames,
            "defined_names": sorted((name, d.attr_text) for name, d in book.defined_names.items()),
        }
        for sheet in book.worksheets:
            out[sheet.title] = {
                "state": sheet.sheet_state,
                "protected": sheet.protection.sheet,
                "freeze_panes": sheet.freeze_panes,
                "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
                "cells": {
                    cell.coordinate: (cell.value, cell.number_format, cell.protection.locked)
                    for row in sheet.iter_rows() for cell in row
                    if cell.value is not None or cell.has_style
                },
                "validations": sorted(
                    (str(v.sqref), v.type, v.operator, v.formula1, v.formula2, v.allow_blank,
                     v.errorTitle, v.error, v.promptTitle, v.prompt)
                    for v in sheet.data_validations.dataValidation
                ),
                "columns": sorted((d.min, d.max, d.width) for d in sheet.column_dimensions.values() if d.width),
            }
        return out
    finally:
        book.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("template") / "LKjIP_template.xlsx"
    result = CliRunner().invoke(cli, ["template", "--out", str(out), "--force"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output == f"Templat ditulis: {out}\n"
    return out


def test_committed_template_matches_the_code(generated):
    committed, fresh = dump(TEMPLATE), dump(generated)
    assert committed["sheets"] == fresh["sheets"], REGENERATE
    assert committed["defined_names"] == fresh["defined_names"], REGENERATE
    for sheet in fresh["sheets"]:
        for part in fresh[sheet]:
            assert committed[sheet][part] == fresh[sheet][part], f"sheet {sheet}, {part} differs: {REGENERATE}"


@pytest.fixture(scope="module")
def generated_all(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("templat")
    result = CliRunner().invoke(cli, ["template", "--jenis", ALL, "--out", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder


@pytest.mark.parametrize("kind", list(TEMPLATES))
def test_every_committed_template_matches_the_code(generated_all, kind):
    name = TEMPLATES[kind].file_name
    committed, fresh = dump(ROOT / "templates" / name), dump(generated_all / name)
    assert committed["sheets"] == fresh["sheets"], REGENERATE_ALL
    for sheet in fresh["sheets"]:
        for part in fresh[sheet]:
            assert committed[sheet][part] == fresh[sheet][part], \
                f"{name}, sheet {sheet}, {part} differs: {REGENERATE_ALL}"
    committed_files = sorted(p.name for p in (ROOT / "templates").glob("*.xlsx"))
    assert committed_files == sorted(t.file_name for t in TEMPLATES.values())


def test_library_and_cli_write_the_same_template(generated, tmp_path):
    assert dump(write_master(None, tmp_path / "api.xlsx")) == dump(generated)


def test_template_layout(generated):
    content = dump(generated)
    assert content["sheets"] == ["Info", "PK", "Target Periode", "Satuan", "Petunjuk"]
    assert content["defined_names"] == []
    info = content["Info"]["cells"]
    assert [info[f"A{3 + i}"][0] for i in range(len(INFO_FIELDS))] == [
        "Nama Instansi", "Tahun", "Batas Tercapai (%)", "Batas Termasuk", "Dasar Capaian Renstra",
        "Kalender Pelaporan", "Ambang Hijau (%)", "Ambang Kuning (%)", "Batas Capaian untuk Rata-rata (%)",
        "Sebutan Instansi", "Sebutan Singkat", "Sebutan Unit Kerja", "Sebutan Pimpinan", "Desimal Capaian"]
    # blank Kanwil and year to fill in, the default achievement rule already there, all unlocked
    assert [info[f"B{3 + i}"] for i in range(len(INFO_FIELDS))] == [
        ("", "General", False), ("", "General", False), (100, "General", False),
        ("Ya", "General", False), ("renstra", "General", False), ("triwulan", "General", False),
        (90, "General", False), (70, "General", False), ("", "General", False),
        *[("", "General", False)] * 4,  # the organisation's own words: blank, the default (tests/test_words.py)
        (2, "General", False)]  # Desimal Capaian (tests/test_unit_decimals.py)
    pk = content["PK"]["cells"]
    assert [pk[f"{openpyxl.utils.get_column_letter(c + 1)}1"][0] for c in range(len(PK_COLUMNS))] == [
        "Divisi", "No SK", "Sasaran Kegiatan", "Kode IKK", "No IKK", "Indikator Kinerja Kegiatan", "Satuan",
        "Target", "Anggaran (Rp)", "Cara Hitung", "Pembagi Skala", "Sub-rasio", "Arah", "NIHIL",
        "Gabungan Periode", "Rincian", "Boleh Negatif", "Faktor Skala Renstra", "Petunjuk Perhitungan"]
    assert content["PK"]["freeze_panes"] == "A2"
    lists = {sqref: formula for sqref, kind, _, formula, *_ in content["PK"]["validations"] if kind == "list"}
    assert lists == {
        "J2:J301": '"langsung,rasio,survei,rerata_subrasio,perubahan,penurunan"',
        "M2:M301": '"naik,turun"',
        "N2:N301": '"Ya,Tidak"',
        "O2:O301": '"jumlah,nilai_akhir,rerata"',
        "P2:P301": '"triwulan,semester,bulanan"',
        "Q2:Q301": '"Ya,Tidak"',
    }
    numbers = sorted(sqref for sqref, kind, *_ in content["PK"]["validations"] if kind == "decimal")
    assert numbers == ["H2:H301", "I2:I301", "K2:K301", "R2:R301"]
    assert content["Info"]["validations"] == [
        ("B16", "whole", None, "0", "6", True, "Desimal Capaian", "Isi dengan bilangan bulat 0 sampai 6.", None,
         None),
        ("B4", "whole", None, "2000", "2100", True, None, "Isi tahun dengan 4 angka, misalnya 2023.",
         None, None),
        ("B6", "list", None, '"Ya,Tidak"', None, True, None, None, None, None),
        ("B7", "list", None, '"renstra,pk"', None, True, None, None, None, None),
        ("B8", "list", None, '"triwulan,semester,bulanan"', None, True, None, None, None, None),
    ]
    targets = content["Target Periode"]["cells"]
    assert [targets[f"{c}1"][0] for c in "ABCDEF"] == [
        "Kode IKK", "Jenis Target", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    assert all(not content[s]["protected"] for s in content["sheets"])


def test_blank_template_is_refused_naming_the_empty_cells():
    with pytest.raises(MasterError) as caught:
        read_master(TEMPLATE)
    assert [(p.code, p.cell) for p in caught.value.problems] == [
        ("master_info_missing", "B3"), ("master_info_missing", "B4")]
    assert caught.value.problems[0].message == (
        f"Isian 'Nama Instansi' kosong pada sheet 'Info' di master {TEMPLATE} (sel B3). "
        "Isi sel itu: Nama lengkap Kantor Wilayah.")


def test_template_filled_with_openpyxl_reads_back_as_a_master(tmp_path):
    """Staff (or a program) fill Info and one PK row of the template as it is."""
    book = openpyxl.load_workbook(TEMPLATE)
    info = book["Info"]
    labels = {info.cell(row, 1).value: row for row in range(1, info.max_row + 1)}
    info.cell(labels["Nama Instansi"], 2).value = "Kantor Wilayah Kementerian Hukum Nusa Tenggara Barat"
    info.cell(labels["Tahun"], 2).value = 2024
    info.cell(labels["Batas Termasuk"], 2).value = "Tidak"
    pk = book["PK"]
    column = {pk.cell(1, c).value: c for c in range(1, pk.max_column + 1)}
    row = {
        "Divisi": "Divisi Umum", "No SK": 1, "Sasaran Kegiatan": "Meningkatnya tata kelola keuangan",
        "Kode IKK": "UM01-IKK1", "No IKK": 1, "Indikator Kinerja Kegiatan": "Persentase temuan ditindaklanjuti",
        "Satuan": "%", "Target": "92,5", "Anggaran (Rp)": "Rp. 1.250.000.000,-", "Cara Hitung": "rasio",
        "Arah": "naik", "NIHIL": "Ya", "Gabungan Periode": "nilai_akhir", "Boleh Negatif": "Tidak",
    }
    for title, value in row.items():
        pk.cell(2, column[title]).value = value
    filled = tmp_path / "master.xlsx"
    book.save(filled)

    master = read_master(filled)
    assert master == Master(
        kanwil="Kantor Wilayah Kementerian Hukum Nusa Tenggara Barat", year=2024,
        achievement=AchievementRule(100.0, inclusive=False), renstra_basis="renstra",
        indicators=(Indicator(
            code="UM01-IKK1", divisi="Divisi Umum", sk_no=1, sk_text="Meningkatnya tata kelola keuangan",
            ikk_no=1, text="Persentase temuan ditindaklanjuti", unit="%", target=92.5, method=Method.RASIO,
            direction=Direction.NAIK, nihil=True, period_rule=PeriodRule.NILAI_AKHIR, anggaran=1250000000.0,
        ),),
    )
