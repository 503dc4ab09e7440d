"""Forms of one period of the master's calendar ("Triwulan III"), and the form side of revisions.

A triwulan master with an IKK of each period rule (declared targets s.d., per
periode and none; a ``jumlah`` rasio IKK) is written with ``write_master``;
its forms for Triwulan I..IV are written through the real command line and
read back with openpyxl and lkjip-xl's own reader:

- the Target column holds the period's target, and the checks score against it;
- Cara Perhitungan says what to type for the IKK's period rule;
- from Triwulan II on, two locked reference columns: the annual target and the
  realisasi of the earlier periods, read from their filled forms
  (``--sebelumnya``) and combined by each IKK's rule (a ratio of sums, the
  latest value, a mean), or a note when no earlier forms were given;
- refusals (a period of another calendar, unusable earlier forms) exit with
  their code and an Indonesian message naming the files;
- the open "Revisi ke" cell: validated, and an invalid value is an error naming
  its cell; every formula is recomputed by LibreOffice.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import assert_formulas_match
from signing import signed_by_all
from lkjip_xl.checks import check_form
from lkjip_xl.cli import cli
from lkjip_xl.forms import form_filename, write_forms
from lkjip_xl.master import read_master
from lkjip_xl.messages import msg
from lkjip_xl.model import Indicator, IndicatorInput, Master, Method
from lkjip_xl.periods import PeriodRule, TargetKind
from lkjip_xl.reader import read_form
from lkjip_xl.styles import LOCKED_FILL
from lkjip_xl.template import write_master

UMUM, LAYANAN = "Umum", "Layanan"
KANWIL, YEAR = "Kantor Wilayah Uji", 2023
QUARTERS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")


def ikk(code: str, divisi: str, sk: int, n: int, text: str, unit: str, target: float, **fields) -> Indicator:
    return Indicator(code=code, divisi=divisi, sk_no=sk, sk_text=f"Sasaran kegiatan {sk}", ikk_no=n, text=text,
                     unit=unit, target=target, **fields)


MASTER = Master(KANWIL, YEAR, (
    # s.d. targets of a count: each quarter's own target is the difference
    ikk("UM-1", UMUM, 1, 1, "Jumlah pegawai yang mengikuti pelatihan", "Orang", 100.0,
        period_rule=PeriodRule.JUMLAH, period_targets=(20.0, 50.0, 80.0, 100.0)),
    # a ratio summed over quarters, without period targets: the annual target every quarter
    ikk("UM-2", UMUM, 1, 2, "Persentase surat yang selesai tepat waktu", "%", 90.0, method=Method.RASIO,
        period_rule=PeriodRule.JUMLAH),
    ikk("UM-3", UMUM, 1, 3, "Indeks kepuasan layanan", "Indeks", 3.5, period_rule=PeriodRule.NILAI_AKHIR,
        period_targets=(3.0, 3.2, 3.4, 3.5), target_kind=TargetKind.PERIODE),
    ikk("UM-4", UMUM, 2, 1, "Persentase kehadiran pegawai", "%", 80.0, method=Method.RASIO,
        period_rule=PeriodRule.RERATA, period_targets=(70.0, 80.0, 85.0, 85.0), target_kind=TargetKind.PERIODE),
    ikk("UM-5", UMUM, 2, 2, "Jumlah kegiatan pembinaan", "Kegiatan", 40.0, period_rule=PeriodRule.JUMLAH,
        period_targets=(10.0, 10.0, 10.0, 10.0), target_kind=TargetKind.PERIODE),
    ikk("UM-6", UMUM, 2, 3, "Persentase layanan selesai tepat waktu", "%", 85.0,
        method=Method.RERATA_SUBRASIO, sub_labels=("Layanan paspor", "Layanan visa")),
    # a typed percentage whose first quarters' targets are below 1 %
    ikk("UM-7", UMUM, 2, 4, "Persentase capaian program prioritas", "%", 100.0,
        period_rule=PeriodRule.NILAI_AKHIR, period_targets=(0.5, 1.0, 50.0, 100.0), target_kind=TargetKind.PERIODE),
    ikk("LY-1", LAYANAN, 3, 1, "Persentase pengaduan yang diselesaikan", "%", 95.0, method=Method.RASIO,
        nihil=True),
))

#: code → Target column of Triwulan I..IV
TARGETS = {
    "UM-1": [20.0, 50.0 - 20.0, 80.0 - 50.0, 100.0 - 80.0],
    "UM-2": [90.0] * 4,
    "UM-3": [3.0, 3.2, 3.4, 3.5],
    "UM-4": [70.0, 80.0, 85.0, 85.0],
    "UM-5": [10.0] * 4,
    "UM-6": [85.0] * 4,
    "UM-7": [0.5, 1.0, 50.0, 100.0],
    "LY-1": [95.0] * 4,
}

TW1 = {
    "UM-1": IndicatorInput("UM-1", value=25.0),
    "UM-2": IndicatorInput("UM-2", pairs=[(45.0, 50.0)]),
    "UM-3": IndicatorInput("UM-3", value=3.1),
    "UM-4": IndicatorInput("UM-4", pairs=[(14.0, 20.0)]),
    "UM-5": IndicatorInput("UM-5", value=9.0),
    "UM-6": IndicatorInput("UM-6", pairs=[(8.0, 10.0), (9.0, 10.0)]),
    "UM-7": IndicatorInput("UM-7", value=0.4),
    "LY-1": IndicatorInput("LY-1", nihil=True),
}
TW2 = {
    "UM-1": IndicatorInput("UM-1", value=28.0),
    "UM-2": IndicatorInput("UM-2", pairs=[(80.0, 100.0)]),
    "UM-3": IndicatorInput("UM-3", value=3.3),
    "UM-4": IndicatorInput("UM-4", pairs=[(45.0, 50.0)]),
    "UM-5": IndicatorInput("UM-5", value=11.0),
    "UM-6": IndicatorInput("UM-6", pairs=[(18.0, 20.0), (19.0, 20.0)]),
    "UM-7": IndicatorInput("UM-7", value=0.9),
    "LY-1": IndicatorInput("LY-1", pairs=[(19.0, 20.0)]),
}

#: "Realisasi s.d. Triwulan II" of the Triwulan III form, each written out by its rule.
TO_DATE_TW2 = {
    "UM-1": 25.0 + 28.0,  # jumlah: the sum
    "UM-2": (45.0 + 80.0) / (50.0 + 100.0) * 100,  # jumlah of a ratio: the ratio of the sums (83,33; not 85)
    "UM-3": 3.3,  # nilai_akhir: the latest value
    "UM-4": (14.0 / 20.0 * 100 + 45.0 / 50.0 * 100) / 2,  # rerata: the mean of the quarters' realisasi
    "UM-5": 9.0 + 11.0,
    "UM-6": (18.0 / 20.0 * 100 + 19.0 / 20.0 * 100) / 2,  # nilai_akhir: the latest quarter's sub-rates
    "UM-7": 0.9,
    "LY-1": 19.0 / 20.0 * 100,  # NIHIL in Triwulan I, 95 % at the end of Triwulan II
}


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def table(sheet) -> tuple[int, dict[str, int]]:
    """Header row and {title: column} of a form's table (found by "Kode IKK", as the contract says)."""
    for row in sheet.iter_rows(min_row=1, max_row=60):
        titles = {c.value: c.column for c in row if isinstance(c.value, str)}
        if "Kode IKK" in titles:
            return row[0].row, titles
    raise AssertionError("no table")


def rows(sheet, header_row: int) -> dict[str, int]:
    return {sheet.cell(r, 1).value: r for r in range(header_row + 1, sheet.max_row + 1) if sheet.cell(r, 1).value}


def column_of(sheet, title: str) -> dict[str, object]:
    """IKK code → value of the column titled ``title``."""
    header_row, titles = table(sheet)
    return {code: sheet.cell(r, titles[title]).value for code, r in rows(sheet, header_row).items()}


def set_cells(path: Path, values: dict[str, object], out: Path | None = None) -> Path:
    book = openpyxl.load_workbook(path)
    for address, value in values.items():
        book["Formulir"][address] = value
    book.save(out or path)
    book.close()
    return out or path


def problems(path: Path) -> list[tuple[str, str, str]]:
    """(code, sheet, cell) of every problem of one form on its own."""
    return [(p.code, p.sheet, p.cell) for p in check_form(read_form(path)).problems]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> dict[str, Path]:
    """The master, blank forms of the year and of each quarter, and filled forms of Triwulan I and II."""
    base = tmp_path_factory.mktemp("periode")
    master = write_master(MASTER, base / "master_pk_2023.xlsx")
    assert read_master(master) == MASTER
    paths = {"base": base, "master": master}
    for label, spelled in zip(("Tahunan", *QUARTERS), ("Tahunan", "triwulan i", "TRIWULAN II", "Triwulan III",
                                                         "triwulan IV")):
        out = base / "kosong" / label.replace(" ", "_")
        result = run("forms", master, "--out-dir", out, "--periode", spelled)
        assert result.exit_code == 0, result.output
        paths[label] = out
    for label, inputs in (("Triwulan I", TW1), ("Triwulan II", TW2)):
        paths["isi " + label] = base / "isi" / label.replace(" ", "_")
        write_forms(MASTER, paths["isi " + label], label, inputs=inputs, signoff=signed_by_all(MASTER))
    return paths


def blank_form(work, period: str, divisi: str = UMUM) -> Path:
    return work[period] / form_filename(MASTER, divisi, period)


def filled_form(work, period: str, divisi: str = UMUM) -> Path:
    return work["isi " + period] / form_filename(MASTER, divisi, period)


# --------------------------------------------------------------------------- one quarter's form


def test_file_names_and_header_name_the_period(work):
    assert sorted(p.name for p in work["Triwulan III"].iterdir()) == [
        "Formulir_2023_Layanan_Triwulan_III.xlsx", "Formulir_2023_Umum_Triwulan_III.xlsx"]
    for period in ("Tahunan", *QUARTERS):
        book = openpyxl.load_workbook(blank_form(work, period))
        (sheet, ref), = book.defined_names["LKJIP_PERIODE"].destinations
        assert book[sheet][ref.replace("$", "")].value == period  # the label, however it was typed
        form = read_form(blank_form(work, period))
        assert form.period == period and form.locked["periode"] == period
        book.close()


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_target_column_is_the_period_target(work, k):
    period = QUARTERS[k - 1]
    targets = {}
    for divisi in (UMUM, LAYANAN):
        book = openpyxl.load_workbook(blank_form(work, period, divisi))
        targets.update({code: value for code, value in column_of(book["Formulir"], "Target").items()
                        if "." not in code})
        book.close()
    assert targets == {code: values[k - 1] for code, values in TARGETS.items()}
    # the checks compare with the same target: a blank form has only missing inputs (and no sign-off), no
    # changed target
    assert {code for code, _, _ in problems(blank_form(work, period))} == {"value_missing", "signoff_missing"}


def test_yearly_form_keeps_the_annual_target_and_no_rule_hint(work):
    book = openpyxl.load_workbook(blank_form(work, "Tahunan"))
    sheet = book["Formulir"]
    assert column_of(sheet, "Target")["UM-1"] == 100.0
    assert not any(msg(f"rule_hint_{rule}") in str(text) for text in column_of(sheet, "Cara Perhitungan").values()
                   for rule in ("jumlah", "nilai_akhir", "rerata"))
    assert list(table(sheet)[1])[-1] == "Upaya / Rencana Tindak Lanjut"  # no reference columns on the yearly form
    book.close()


def test_cara_perhitungan_says_what_to_type_for_the_rule(work):
    book = openpyxl.load_workbook(blank_form(work, "Triwulan II"))
    method = column_of(book["Formulir"], "Cara Perhitungan")
    book.close()
    assert method["UM-1"].endswith(". Isi angka periode ini saja (bukan s.d.); periode dijumlahkan")
    assert method["UM-3"].endswith(". Isi nilai s.d. akhir periode ini; nilai periode terakhir dipakai untuk tahun")
    assert method["UM-4"].endswith(". Isi nilai periode ini; tahun memakai rata-rata realisasi tiap periode")
    assert method["UM-2"].startswith("Pembilang / Penyebut × 100")


def test_first_quarter_has_no_reference_columns(work):
    book = openpyxl.load_workbook(blank_form(work, "Triwulan I"))
    header_row, titles = table(book["Formulir"])
    assert list(titles)[-1] == "Upaya / Rencana Tindak Lanjut"
    (_, ref), = book.defined_names["LKJIP_TABEL_JUDUL"].destinations
    assert ref == f"$A${header_row}:$R${header_row}"
    book.close()


@pytest.mark.parametrize("k", [2, 3, 4])
def test_reference_columns_without_earlier_forms_say_so(work, k):
    book = openpyxl.load_workbook(blank_form(work, QUARTERS[k - 1]))
    sheet = book["Formulir"]
    header_row, titles = table(sheet)
    to_date = f"Realisasi s.d. {QUARTERS[k - 2]}"
    assert list(titles)[-3:] == ["Upaya / Rencana Tindak Lanjut", "Target Tahunan", to_date]
    (_, ref), = book.defined_names["LKJIP_TABEL_JUDUL"].destinations
    assert ref == f"$A${header_row}:$T${header_row}"
    assert sheet.print_area == f"'Formulir'!$A$1:$T${sheet.max_row}"
    annual = column_of(sheet, "Target Tahunan")
    note = column_of(sheet, to_date)
    for code, r in rows(sheet, header_row).items():
        for title in ("Target Tahunan", to_date):
            cell = sheet.cell(r, titles[title])
            assert cell.protection.locked, (code, title)
            assert cell.fill.fgColor.rgb.endswith(LOCKED_FILL[1:]), (code, title)  # grey: locked
        if "." in code:  # a sub-rate row: nothing to show
            assert annual[code] is None and note[code] is None
        else:
            assert annual[code] == MASTER.by_code()[code].target
            assert note[code] == "belum diisi: jalankan dengan --sebelumnya"
    book.close()


def test_stamp_carries_the_period_and_the_period_targets(work):
    form = read_form(blank_form(work, "Triwulan III"))
    assert form.stamp["periode"] == "Triwulan III"
    first = form.locked["indicators"][0]
    assert (first["period_targets"], first["target_kind"], first["period_rule"]) == (
        [20.0, 50.0, 80.0, 100.0], "s.d.", "jumlah")
    assert [i.period_targets for i in form.indicators] == [i.period_targets for i in MASTER.for_divisi(UMUM)]


# --------------------------------------------------------------------------- the checks use the period's target


def test_changing_the_period_target_to_the_annual_one_is_refused(work, tmp_path):
    source = blank_form(work, "Triwulan II")
    form = read_form(source)
    target_cell = form.rows["UM-1"]["target"].cell
    changed = set_cells(source, {target_cell: 100}, tmp_path / "target_diubah.xlsx")
    [locked] = [p for p in check_form(read_form(changed)).problems if p.code == "locked_changed"]
    assert (locked.cell, locked.ikk) == (target_cell, "UM-1")
    assert "semula '30', sekarang '100'" in locked.message


def test_percent_warnings_compare_with_the_period_target(work, tmp_path):
    """0,4 % against a Triwulan I target of 0,5 % is no fraction typed for a percentage; against the
    annual 100 % it would be."""
    codes = [(p.code, p.ikk) for p in check_form(read_form(filled_form(work, "Triwulan I"))).problems]
    assert codes == []
    annual_form, _ = write_forms(MASTER, tmp_path / "tahunan", "Tahunan", inputs=TW1, signoff=signed_by_all(MASTER))
    assert [(p.code, p.ikk) for p in check_form(read_form(annual_form)).problems] == [
        ("percent_as_fraction", "UM-7")]


def test_capaian_of_a_period_form_uses_its_target(work):
    book = openpyxl.load_workbook(filled_form(work, "Triwulan II"), data_only=True)  # the values stored
    capaian = column_of(book["Formulir"], "Capaian (%)")
    book.close()
    assert capaian["UM-1"] == 28.0 / 30.0 * 100  # against the quarter's 30, not the year's 100
    assert capaian["UM-3"] == 3.3 / 3.2 * 100


# --------------------------------------------------------------------------- the earlier quarters (--sebelumnya)


def test_third_quarter_shows_the_first_two_combined(work, tmp_path):
    out = tmp_path / "tw3"
    result = run("forms", work["master"], "--out-dir", out, "--periode", "Triwulan III",
                 "--sebelumnya", work["isi Triwulan I"], "--sebelumnya", work["isi Triwulan II"], "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outputs"] == [str(out / form_filename(MASTER, d, "Triwulan III"))
                                                     for d in (UMUM, LAYANAN)]
    shown = {}
    for divisi in (UMUM, LAYANAN):
        book = openpyxl.load_workbook(out / form_filename(MASTER, divisi, "Triwulan III"))
        shown.update({code: value for code, value in column_of(book["Formulir"], "Realisasi s.d. Triwulan II").items()
                      if "." not in code})
        book.close()
    assert shown == pytest.approx(TO_DATE_TW2, rel=1e-15)
    assert shown["UM-2"] != pytest.approx((45 / 50 * 100 + 80 / 100 * 100) / 2)  # never a mean of ratios
    # the reference columns are never read: the form reads back like any other
    assert {code for code, _, _ in problems(out / form_filename(MASTER, UMUM, "Triwulan III"))} == {
        "value_missing", "signoff_missing"}  # a blank form: no inputs, no sign-off


def test_the_highest_revision_of_a_quarter_is_taken(work, tmp_path):
    revised = tmp_path / "revisi"
    corrected = dict(TW2, **{"UM-3": IndicatorInput("UM-3", value=3.4)})
    [umum, _] = write_forms(MASTER, revised, "Triwulan II", inputs=corrected)
    set_cells(umum, {"C7": 1})
    (revised / form_filename(MASTER, LAYANAN, "Triwulan II")).unlink()
    out = tmp_path / "tw3"
    result = run("forms", work["master"], "--out-dir", out, "--periode", "Triwulan III",
                 "--sebelumnya", work["isi Triwulan I"], "--sebelumnya", work["isi Triwulan II"],
                 "--sebelumnya", umum)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out / form_filename(MASTER, UMUM, "Triwulan III"))
    assert column_of(book["Formulir"], "Realisasi s.d. Triwulan II")["UM-3"] == 3.4
    book.close()


def test_editing_the_reference_cells_changes_nothing(work, tmp_path):
    source = filled_form(work, "Triwulan II")
    form = read_form(source)
    header_row = form.header_row + 1
    row = form.row_index["UM-1"] + 1
    edited = set_cells(source, {f"P{row}": "seratus", f"Q{row}": -5}, tmp_path / "referensi_diubah.xlsx")
    before = check_form(form)
    after = check_form(read_form(edited))
    assert after.problems == [] and before.problems == []
    assert {c: (r.value, r.pairs, r.nihil) for c, r in after.inputs.items()} == {
        c: (r.value, r.pairs, r.nihil) for c, r in before.inputs.items()}
    # a reference column renamed to a title the reader knows is a title twice: still an error
    twice = set_cells(source, {f"P{header_row}": "Target"}, tmp_path / "judul_dua_kali.xlsx")
    duplicate = [(code, cell) for code, _, cell in problems(twice) if code == "header_duplicate"]
    assert duplicate == [("header_duplicate", f"P{header_row}")]


def test_api_takes_the_earlier_forms_and_guards_them(work, tmp_path):
    earlier = [work["isi Triwulan I"], work["isi Triwulan II"]]
    written = write_forms(MASTER, tmp_path / "api", "TW3", previous=earlier)
    assert [p.name for p in written] == ["Formulir_2023_Umum_Triwulan_III.xlsx",
                                         "Formulir_2023_Layanan_Triwulan_III.xlsx"]
    # an output inside a folder of earlier forms is refused before anything is read or written
    result = run("forms", work["master"], "--out-dir", work["isi Triwulan I"] / "tw3", "--periode", "Triwulan III",
                 "--sebelumnya", work["isi Triwulan I"], "--sebelumnya", work["isi Triwulan II"])
    assert result.exit_code == 2, result.output
    assert not (work["isi Triwulan I"] / "tw3").exists()


# --------------------------------------------------------------------------- refusals


def test_a_period_of_another_calendar_is_refused(work, tmp_path):
    result = subprocess.run([sys.executable, "-m", "lkjip_xl.cli", "forms", str(work["master"]), "--out-dir",
                             str(tmp_path / "s1"), "--periode", "Semester I"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert ("Periode 'Semester I' bukan periode kalender pelaporan master (triwulan). Pilih salah satu: "
            "Tahunan, Triwulan I, Triwulan II, Triwulan III, Triwulan IV.") in result.stderr
    assert not (tmp_path / "s1").exists()


@pytest.mark.parametrize("period", ["Tahunan", "Triwulan I"])
def test_earlier_forms_for_a_form_without_earlier_periods_are_refused(work, tmp_path, period):
    result = run("forms", work["master"], "--out-dir", tmp_path / "x", "--periode", period,
                 "--sebelumnya", work["isi Triwulan I"])
    assert result.exit_code == 2
    assert f"formulir {period} tidak memiliki periode sebelumnya" in result.output


def test_a_form_of_the_same_quarter_among_the_earlier_ones_is_refused(work, tmp_path):
    third = tmp_path / "tw3_isi"
    write_forms(MASTER, third, "Triwulan III", inputs=TW2)
    result = run("forms", work["master"], "--out-dir", tmp_path / "x", "--periode", "Triwulan III",
                 "--sebelumnya", work["isi Triwulan I"], "--sebelumnya", work["isi Triwulan II"],
                 "--sebelumnya", third)
    assert result.exit_code == 1
    for divisi in (UMUM, LAYANAN):
        path = third / form_filename(MASTER, divisi, "Triwulan III")
        assert (f"Formulir {path} untuk periode Triwulan III, padahal formulir Triwulan III hanya memakai "
                f"formulir periode sebelumnya (Triwulan I, Triwulan II).") in result.output
    assert not (tmp_path / "x").exists()


def test_a_missing_first_quarter_is_refused(work, tmp_path):
    result = run("forms", work["master"], "--out-dir", tmp_path / "x", "--periode", "Triwulan III",
                 "--sebelumnya", work["isi Triwulan II"])
    assert result.exit_code == 1
    for divisi in (UMUM, LAYANAN):
        assert (f"Formulir Triwulan I Divisi {divisi} tidak ada di {work['isi Triwulan II']}."
                in result.output)
    assert not (tmp_path / "x").exists()


def test_an_earlier_form_with_errors_is_refused_naming_file_and_cell(work, tmp_path):
    bad = tmp_path / "tw1_salah"
    bad.mkdir()
    for divisi in (UMUM, LAYANAN):
        name = form_filename(MASTER, divisi, "Triwulan I")
        (bad / name).write_bytes((work["isi Triwulan I"] / name).read_bytes())
    path = bad / form_filename(MASTER, UMUM, "Triwulan I")
    cell = read_form(path).rows["UM-1"]["realisasi"].cell
    set_cells(path, {cell: "dua puluh lima"})
    result = run("forms", work["master"], "--out-dir", tmp_path / "x", "--periode", "Triwulan III",
                 "--sebelumnya", bad, "--sebelumnya", work["isi Triwulan II"], "--json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["error"]["code"] == "forms_previous_invalid"
    assert str(path) in document["error"]["message"]
    assert ("value_not_number", str(path), "Formulir", cell) in {
        (p["code"], p["file"], p["sheet"], p["cell"]) for p in document["problems"]}
    assert not (tmp_path / "x").exists()


def test_a_form_of_another_calendar_among_the_earlier_ones_is_refused(work, tmp_path):
    semester = replace(MASTER, calendar="semester",
                       indicators=tuple(replace(i, period_targets=()) for i in MASTER.indicators))
    other = tmp_path / "semester"
    [path, _] = write_forms(semester, other, "Semester I", inputs=TW1)
    result = run("forms", work["master"], "--out-dir", tmp_path / "x", "--periode", "Triwulan III",
                 "--sebelumnya", work["isi Triwulan I"], "--sebelumnya", work["isi Triwulan II"],
                 "--sebelumnya", path)
    assert result.exit_code == 1
    assert f"Formulir {path} untuk periode Semester I, bukan periode kalender pelaporan master (triwulan)." \
        in result.output


# --------------------------------------------------------------------------- "Revisi ke"


@pytest.mark.parametrize("period", ["Tahunan", "Triwulan II"])
def test_revision_cell_is_open_validated_and_named(work, period):
    book = openpyxl.load_workbook(blank_form(work, period))
    sheet = book["Formulir"]
    assert sheet["A7"].value == "Revisi ke"
    assert sheet["C7"].value is None and sheet["C7"].protection.locked is False
    (name_sheet, ref), = book.defined_names["LKJIP_REVISI"].destinations
    assert (name_sheet, ref) == ("Formulir", "$C$7")
    [rule] = [v for v in sheet.data_validations.dataValidation if "C7" in str(v.sqref)]
    assert (rule.type, rule.operator or "between", rule.formula1, rule.formula2) == ("whole", "between", "0", "99")
    assert "isi 1, 2, ... bila formulir ini memperbaiki formulir yang sudah dikirim" in rule.prompt.lower()
    book.close()
    assert read_form(blank_form(work, period)).revision == 0


@pytest.mark.parametrize("value, shown", [("dua", "dua"), (2.5, "2.5"), (100, "100"), (-1, "-1"),
                                          ("=1+1", "=1+1")])
def test_an_invalid_revision_is_an_error_naming_the_cell(work, tmp_path, value, shown):
    path = set_cells(filled_form(work, "Triwulan I"), {"C7": value}, tmp_path / "revisi.xlsx")
    result = run("validate", path, "--json")
    assert result.exit_code == 1
    [problem] = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert (problem["code"], problem["sheet"], problem["cell"]) == ("revision_invalid", "Formulir", "C7")
    assert (f"Isian 'Revisi ke' di {path}, sheet 'Formulir', sel C7 berisi '{shown}', bukan bilangan bulat 0 "
            "sampai 99.") in problem["message"]


@pytest.mark.parametrize("value, revision", [(None, 0), (0, 0), (3, 3), ("2", 2), (99, 99)])
def test_a_valid_revision_is_read(work, tmp_path, value, revision):
    path = set_cells(filled_form(work, "Triwulan I"), {"C7": value}, tmp_path / "revisi.xlsx")
    assert read_form(path).revision == revision
    assert problems(path) == []


# --------------------------------------------------------------------------- LibreOffice


def test_libreoffice_recomputes_every_formula_of_period_forms(work, tmp_path):
    earlier = [work["isi Triwulan I"], work["isi Triwulan II"]]
    filled = dict(TW2, **{"UM-1": IndicatorInput("UM-1", value=31.0)})
    for path in write_forms(MASTER, tmp_path / "tw3", "Triwulan III", inputs=filled, previous=earlier):
        assert_formulas_match(path, tmp_path)
    assert_formulas_match(filled_form(work, "Triwulan I", LAYANAN), tmp_path)


def test_the_option_is_documented_in_indonesian():
    result = run("forms", "--help")
    assert re.search(r"--sebelumnya JALUR\s+Formulir periode sebelumnya yang sudah diisi", result.output)
