"""Monthly values on one form: an IKK with a ``Rincian`` gets one sub-row per month (issue #13).

A triwulan master whose IKK declare ``Rincian = bulanan`` (and one declaring
``triwulan``) is written with ``write_master``; its annual forms and its forms
of Triwulan I and II are pre-filled month by month (``inputs`` keyed by the
sub-row codes ``<code>.B04``) or through the real command line, then validated
and consolidated:

- a monthly count summed (``jumlah``); a monthly rasio summed: the ratio of the
  twelve months' sums, which is not the mean of the monthly ratios; a typed
  percentage ``nilai_akhir`` with months left blank: the latest month filled;
  NIHIL months; a survei summed; beside them an IKK without Rincian and one with
  sub-rates, whose rows stay as they were;
- the realisasi consolidated equal the hand-computed ones, the Sumber sheet
  names every month's cell, and LibreOffice recomputes the forms and the
  consolidated workbooks to the stored values;
- the master refuses what cannot mean anything (``rerata`` or ``rerata_subrasio``
  with a Rincian, an unknown Rincian) naming its cell, a form of a period the
  Rincian does not divide is refused, and every problem of a sub-row names that
  sub-row's own cell.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import mismatches_after, recalculate_many, require_soffice
from lkjip_xl import rollup
from lkjip_xl.breakdown import sub_periods
from lkjip_xl.capaian_book import SHEET_SOURCES
from lkjip_xl.checks import check_form
from lkjip_xl.cli import cli
from lkjip_xl.consolidate import consolidate
from lkjip_xl.errors import UsageError
from lkjip_xl.forms import form_filename, write_forms
from lkjip_xl.layout import BREAKDOWN_RE, SUBROW_RE, indicator_payload
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.model import Indicator, IndicatorInput, Master, Method
from lkjip_xl.periods import PeriodRule, calendar
from lkjip_xl.reader import indicator_from_payload, read_form
from lkjip_xl.template import write_master
from lkjip_xl.validate import validate_files

UMUM, LAYANAN = "Umum", "Layanan"
KANWIL, YEAR = "Kantor Wilayah Uji Rincian", 2024
MONTHS = tuple(f"B{m:02d}" for m in range(1, 13))


def ikk(code: str, divisi: str, n: int, text: str, unit: str, target: float, **fields) -> Indicator:
    return Indicator(code=code, divisi=divisi, sk_no=1 if divisi == UMUM else 2, sk_text=f"Sasaran {divisi}",
                     ikk_no=n, text=text, unit=unit, target=target, **fields)


MONTHLY = dict(breakdown="bulanan")
MASTER = Master(KANWIL, YEAR, (
    ikk("BD-1", UMUM, 1, "Jumlah layanan konsultasi hukum", "Layanan", 120.0, period_rule=PeriodRule.JUMLAH,
        **MONTHLY),
    ikk("BD-2", UMUM, 2, "Persentase permohonan selesai tepat waktu", "%", 90.0, method=Method.RASIO,
        period_rule=PeriodRule.JUMLAH, **MONTHLY),
    ikk("BD-3", UMUM, 3, "Persentase realisasi anggaran", "%", 95.0, period_rule=PeriodRule.NILAI_AKHIR,
        **MONTHLY),
    ikk("BD-4", UMUM, 4, "Persentase pengaduan yang diselesaikan", "%", 100.0, method=Method.RASIO, nihil=True,
        period_rule=PeriodRule.JUMLAH, **MONTHLY),
    ikk("BD-5", UMUM, 5, "Persentase temuan yang ditindaklanjuti", "%", 100.0, method=Method.RASIO, nihil=True,
        period_rule=PeriodRule.JUMLAH, **MONTHLY),
    ikk("BD-6", UMUM, 6, "Persentase surat yang diarsipkan", "%", 80.0, method=Method.RASIO),
    ikk("BD-7", UMUM, 7, "Persentase layanan selesai", "%", 85.0, method=Method.RERATA_SUBRASIO,
        sub_labels=("Paspor", "Visa")),
    ikk("LY-1", LAYANAN, 1, "Indeks kepuasan layanan", "Indeks", 3.5, method=Method.SURVEI, scale_divisor=25.0,
        period_rule=PeriodRule.JUMLAH, **MONTHLY),
))

COUNTS = (8.0, 9.0, 10.0, 11.0, 12.0, 7.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0)
PAIRS = ((9.0, 10.0), (10.0, 100.0), (45.0, 50.0), (20.0, 25.0), (30.0, 40.0), (18.0, 20.0),
         (50.0, 60.0), (12.0, 15.0), (40.0, 44.0), (27.0, 30.0), (33.0, 40.0), (70.0, 80.0))
#: s.d. percentages; July and December left blank
SHARES = (5.2, 11.0, 19.4, 27.0, 35.5, 44.1, None, 60.3, 68.8, 80.5, 88.25, None)
#: NIHIL months, and months with events (0 / 0 in December: a month without events adds nothing)
NIHIL_MONTHS = {"B01", "B02", "B04", "B05", "B07", "B08", "B10", "B11"}
EVENTS = {"B03": (2.0, 2.0), "B06": (1.0, 2.0), "B09": (3.0, 3.0), "B12": (0.0, 0.0)}
SCORES = (350.0, 342.0, 360.0, 355.0, 348.0, 351.0, 362.0, 358.0, 349.0, 353.0, 361.0, 366.0)


def month_inputs(months: tuple[str, ...]) -> dict[str, IndicatorInput]:
    """The inputs of the given months, keyed by sub-row code, and of the IKK without Rincian."""
    inputs: dict[str, IndicatorInput] = {"BD-1": IndicatorInput("BD-1", keterangan="Rekap buku tamu")}
    for code in months:
        m = MONTHS.index(code)
        inputs[f"BD-1.{code}"] = IndicatorInput(f"BD-1.{code}", value=COUNTS[m])
        inputs[f"BD-2.{code}"] = IndicatorInput(f"BD-2.{code}", pairs=[PAIRS[m]])
        inputs[f"BD-3.{code}"] = IndicatorInput(f"BD-3.{code}", value=SHARES[m])
        inputs[f"BD-4.{code}"] = IndicatorInput(f"BD-4.{code}", pairs=[EVENTS.get(code, (None, None))],
                                                nihil=code in NIHIL_MONTHS)
        inputs[f"BD-5.{code}"] = IndicatorInput(f"BD-5.{code}", nihil=True)
        inputs[f"LY-1.{code}"] = IndicatorInput(f"LY-1.{code}", pairs=[(SCORES[m], 4.0)])
    inputs["BD-6"] = IndicatorInput("BD-6", pairs=[(45.0, 50.0)])
    inputs["BD-7"] = IndicatorInput("BD-7", pairs=[(17.0, 20.0), (8.0, 10.0)])
    return inputs


def expected(months: tuple[str, ...]) -> dict[str, float]:
    """The realisasi of the months together, summed and divided by hand."""
    index = [MONTHS.index(code) for code in months]
    num = sum(PAIRS[m][0] for m in index)
    den = sum(PAIRS[m][1] for m in index)
    events = [EVENTS[code] for code in months if code in EVENTS]
    shares = [SHARES[m] for m in index if SHARES[m] is not None]
    return {
        "BD-1": sum(COUNTS[m] for m in index),
        "BD-2": num / den * 100,
        "BD-3": shares[-1],
        "BD-4": sum(n for n, _ in events) / sum(d for _, d in events) * 100,
        "BD-5": 100.0,
        "BD-6": 90.0,
        "BD-7": (17 / 20 * 100 + 8 / 10 * 100) / 2,
        "LY-1": sum(SCORES[m] for m in index) / (4 * len(index)) / 25,
    }


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def table(path: Path) -> tuple[openpyxl.Workbook, dict[str, int], dict[str, int]]:
    """The form workbook, {column title: column} and {code: row}, found as docs/form_contract.md says."""
    book = openpyxl.load_workbook(path)
    sheet = book["Formulir"]
    for row in sheet.iter_rows(min_row=1, max_row=60):
        titles = {c.value: c.column for c in row if isinstance(c.value, str)}
        if "Kode IKK" in titles:
            header = row[0].row
            break
    codes = {sheet.cell(r, 1).value: r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, 1).value}
    return book, titles, codes


def cell(path: Path, code: str, title: str) -> str:
    book, titles, codes = table(path)
    book.close()
    return f"{openpyxl.utils.get_column_letter(titles[title])}{codes[code]}"


def set_cells(path: Path, out: Path, values: dict[tuple[str, str], object]) -> Path:
    book, titles, codes = table(path)
    for (code, title), value in values.items():
        book["Formulir"].cell(codes[code], titles[title]).value = value
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    book.close()
    return out


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> dict[str, Path]:
    """The master; the annual forms filled; the forms of Triwulan I and II filled; a blank annual form."""
    base = tmp_path_factory.mktemp("rincian")
    master = write_master(MASTER, base / "master.xlsx")
    paths = {"base": base, "master": master}
    paths["tahunan"] = base / "tahunan"
    write_forms(MASTER, paths["tahunan"], inputs=month_inputs(MONTHS))
    paths["triwulan"] = base / "triwulan"
    write_forms(MASTER, paths["triwulan"], "Triwulan I", inputs=month_inputs(MONTHS[:3]))
    write_forms(MASTER, paths["triwulan"], "Triwulan II", inputs=month_inputs(MONTHS[3:6]))
    result = run("forms", master, "--out-dir", base / "kosong")
    assert result.exit_code == 0, result.output
    paths["kosong"] = base / "kosong"
    return paths


def annual(work, divisi: str = UMUM) -> Path:
    return work["tahunan"] / form_filename(MASTER, divisi)


# --------------------------------------------------------------------------- the master


def test_the_master_writes_and_reads_rincian(work):
    assert read_master(work["master"]) == MASTER
    book = openpyxl.load_workbook(work["master"])
    header = [c.value for c in book["PK"][1]]
    column = header.index("Rincian") + 1
    assert header[column - 2] == "Gabungan Periode"
    assert [book["PK"].cell(r, column).value for r in range(2, 10)] == [
        "bulanan", "bulanan", "bulanan", "bulanan", "bulanan", None, None, "bulanan"]
    book.close()


def _master_with(tmp_path: Path, code: str, **cells: object) -> tuple[Path, str]:
    """The master with the given PK cells of IKK ``code`` changed (by column title); returns it and the
    cell of the IKK's Rincian."""
    path = write_master(MASTER, tmp_path / "master.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["PK"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, header.index("Kode IKK") + 1).value == code)
    for title, value in cells.items():
        sheet.cell(row, header.index(title) + 1).value = value
    book.save(path)
    book.close()
    return path, sheet.cell(row, header.index("Rincian") + 1).coordinate


@pytest.mark.parametrize("code, cells, words", [
    ("BD-2", {"Gabungan Periode": "rerata"}, "Gabungan Periode rerata"),
    ("BD-7", {"Rincian": "bulanan"}, "rerata_subrasio"),
    ("BD-1", {"Rincian": "mingguan"}, "triwulan, semester, bulanan"),
])
def test_the_master_refuses_a_rincian_without_meaning_naming_the_cell(tmp_path, code, cells, words):
    path, rincian = _master_with(tmp_path, code, **cells)
    with pytest.raises(MasterError) as caught:
        read_master(path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.sheet, problem.cell) == ("master_value_invalid", "PK", rincian)
    assert words in problem.message and "Rincian" in problem.message and str(path) in problem.message
    assert f"sel {rincian}" in problem.message


def test_the_stamp_carries_rincian_only_where_declared():
    assert indicator_payload(MASTER.indicators[0])["breakdown"] == "bulanan"
    assert "breakdown" not in indicator_payload(MASTER.indicators[5])  # the locked content of before
    assert indicator_from_payload(indicator_payload(MASTER.indicators[5])).breakdown == ""
    assert indicator_from_payload(indicator_payload(MASTER.indicators[0])) == MASTER.indicators[0]
    for forged in ("mingguan", 7):
        with pytest.raises((ValueError, TypeError)):
            indicator_from_payload({**indicator_payload(MASTER.indicators[0]), "breakdown": forged})
    with pytest.raises(ValueError):  # what the master refuses a stamp cannot carry
        indicator_from_payload({**indicator_payload(MASTER.indicators[1]), "period_rule": "rerata"})


def test_sub_periods_divide_the_form_period_exactly():
    quarters = calendar("triwulan").periods
    assert [p.label for p in sub_periods("bulanan", None)] == [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
        "November", "Desember"]
    assert [p.code for p in sub_periods("bulanan", quarters[1])] == ["B04", "B05", "B06"]
    assert [p.code for p in sub_periods("triwulan", None)] == ["TW1", "TW2", "TW3", "TW4"]
    assert [p.code for p in sub_periods("triwulan", calendar("semester").periods[1])] == ["TW3", "TW4"]
    assert sub_periods("triwulan", quarters[1]) == ()  # one row is no breakdown
    assert sub_periods("semester", quarters[0]) == ()  # does not fit
    assert sub_periods("bulanan", calendar("bulanan").periods[3]) == ()


# --------------------------------------------------------------------------- the form


def test_each_month_is_a_sub_row_with_the_ikk_inputs(work):
    book, titles, codes = table(work["kosong"] / form_filename(MASTER, UMUM))
    sheet = book["Formulir"]
    order = list(codes)
    assert order[:13] == ["BD-1", *(f"BD-1.{m}" for m in MONTHS)]
    assert order[order.index("BD-7"):] == ["BD-7", "BD-7.1", "BD-7.2"]  # sub-rates as before
    assert all(BREAKDOWN_RE.match(c) and not SUBROW_RE.match(c) for c in codes if c.count(".") and "-7." not in c)
    assert all(SUBROW_RE.match(c) and not BREAKDOWN_RE.match(c) for c in ("BD-7.1", "BD-7.2"))

    def unlocked(code: str) -> set[str]:
        return {title for title in ("Pembilang", "Penyebut", "Realisasi", "NIHIL", "Keterangan")
                if not sheet.cell(codes[code], titles[title]).protection.locked}

    assert unlocked("BD-1.B04") == {"Realisasi"}
    assert unlocked("BD-2.B04") == {"Pembilang", "Penyebut"}
    assert unlocked("BD-4.B04") == {"Pembilang", "Penyebut", "NIHIL"}
    assert unlocked("BD-1") == unlocked("BD-2") == unlocked("BD-4") == {"Keterangan"}
    assert unlocked("BD-6") == {"Pembilang", "Penyebut", "Keterangan"}  # no Rincian: as before
    assert sheet.cell(codes["BD-1.B04"], titles["Indikator Kinerja Kegiatan"]).value == "  Rincian April"
    assert "April" in sheet.cell(codes["BD-1.B04"], titles["Cara Perhitungan"]).value
    assert "Januari s.d. Desember" in sheet.cell(codes["BD-1"], titles["Cara Perhitungan"]).value
    real = sheet.cell(codes["BD-1"], titles["Realisasi"]).value
    first, last = (f"{openpyxl.utils.get_column_letter(titles['Realisasi'])}{codes[f'BD-1.{m}']}"
                   for m in ("B01", "B12"))
    assert real.startswith("=IF(COUNT(") and first in real and last in real and "SUM(" in real
    latest = sheet.cell(codes["BD-3"], titles["Realisasi"]).value
    assert latest.startswith(f'=IF(OR({last.replace(str(codes["BD-1.B12"]), str(codes["BD-3.B12"]))}<>"")')
    book.close()


def test_a_quarter_form_has_the_quarters_months(work, tmp_path):
    book, _, codes = table(work["triwulan"] / form_filename(MASTER, UMUM, "Triwulan II"))
    assert [c for c in codes if c.startswith("BD-2")] == ["BD-2", "BD-2.B04", "BD-2.B05", "BD-2.B06"]
    book.close()
    # the Triwulan III form shows the months of Triwulan I and II combined beside the inputs
    first_two = sorted(work["triwulan"].iterdir())
    (path, _) = write_forms(MASTER, tmp_path / "tw3", "Triwulan III", previous=first_two)
    book, titles, codes = table(path)
    sheet = book["Formulir"]
    to_date = titles["Realisasi s.d. Triwulan II"]
    assert sheet.cell(codes["BD-1"], to_date).value == sum(COUNTS[:6])
    assert sheet.cell(codes["BD-3"], to_date).value == 44.1
    assert sheet.cell(codes["BD-1.B07"], to_date).value is None  # sub-rows: grey and blank
    assert [c for c in codes if c.startswith("BD-1.")] == ["BD-1.B07", "BD-1.B08", "BD-1.B09"]
    book.close()


def test_a_rincian_that_does_not_divide_the_period_refuses_the_forms(tmp_path):
    quarterly = replace(MASTER, indicators=(replace(MASTER.indicators[0], breakdown="triwulan"),
                                            *MASTER.indicators[1:]))
    assert len(write_forms(quarterly, tmp_path / "tahunan")) == 2  # four quarters in the year
    with pytest.raises(UsageError) as caught:
        write_forms(quarterly, tmp_path / "tw2", "Triwulan II")
    assert caught.value.code == "forms_breakdown_not_finer"
    assert "BD-1" in caught.value.message and "Rincian" in caught.value.message
    assert not (tmp_path / "tw2").exists() or not any((tmp_path / "tw2").iterdir())
    master = write_master(quarterly, tmp_path / "master.xlsx")
    result = run("forms", master, "--out-dir", tmp_path / "tw2cli", "--periode", "Triwulan II")
    assert result.exit_code == 2 and "BD-1" in result.output


# --------------------------------------------------------------------------- reading, checking, consolidating


def test_an_annual_form_validates_and_consolidates_to_the_hand_sums(work, tmp_path):
    validation = validate_files([work["tahunan"]], MASTER)
    assert [p for p in validation.problems if p.is_error] == []
    blank = sorted((p.code, p.cell) for p in validation.problems if p.code == "breakdown_blank")
    form = annual(work)
    assert blank == sorted(("breakdown_blank", cell(form, f"BD-3.{m}", "Realisasi")) for m in ("B07", "B12"))
    result = consolidate([work["tahunan"]], tmp_path / "konsolidasi.xlsx", MASTER)
    got = {r.indicator.code: r.realisasi for r in result.results}
    for code, value in expected(MONTHS).items():
        assert math.isclose(got[code], value, rel_tol=1e-12), code
    ratios = [n / d * 100 for n, d in PAIRS]
    assert not math.isclose(got["BD-2"], sum(ratios) / len(ratios), rel_tol=1e-3)  # not the mean of the months
    assert got["BD-3"] == 88.25  # November: December was left blank
    checked = next(c for c in validation.forms if c.form.divisi == UMUM)
    assert checked.inputs["BD-1"].keterangan == "Rekap buku tamu"
    assert checked.sub_inputs["BD-2"]["B04"].pairs == [PAIRS[3]]


def test_sumber_names_every_months_cell(work, tmp_path):
    out = consolidate([work["tahunan"]], tmp_path / "konsolidasi.xlsx", MASTER).output
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book[SHEET_SOURCES].iter_rows(values_only=True))
    book.close()
    header = rows[0]
    kode, isian, sel = header.index("Kode IKK"), header.index("Isian"), header.index("Sel")
    form = annual(work)
    cells = {(r[isian], r[sel]) for r in rows[1:] if r[kode] == "BD-2"}
    assert cells == {(f"{name}1.{m}", cell(form, f"BD-2.{m}", title)) for m in MONTHS
                     for name, title in (("pembilang", "Pembilang"), ("penyebut", "Penyebut"))}
    nilai = header.index("Nilai")  # and each month's value as typed, not the combined one
    values = {r[isian]: r[nilai] for r in rows[1:] if r[kode] == "BD-2"}
    assert values == {f"{name}1.{m}": PAIRS[MONTHS.index(m)][side] for m in MONTHS
                      for side, name in enumerate(("pembilang", "penyebut"))}
    nihil = {r[sel] for r in rows[1:] if r[kode] == "BD-4" and str(r[isian]).startswith("nihil")}
    assert nihil == {cell(form, f"BD-4.{m}", "NIHIL") for m in NIHIL_MONTHS}


def test_quarters_of_monthly_rows_roll_up_to_the_months(work, tmp_path):
    validation = validate_files([work["triwulan"]], MASTER)
    assert [p for p in validation.problems if p.is_error] == []
    result = consolidate([work["triwulan"]], tmp_path / "konsolidasi_tw.xlsx", MASTER)
    got = {r.indicator.code: r.realisasi for r in result.results}
    for code, value in expected(MONTHS[:6]).items():
        assert math.isclose(got[code], value, rel_tol=1e-12), code
    tw2 = next(c for c in validation.forms if c.form.divisi == UMUM and c.form.period == "Triwulan II")
    assert tw2.inputs["BD-1"].value == sum(COUNTS[3:6])  # the quarter's own months
    assert tw2.inputs["BD-4"].pairs == [(1.0, 2.0)] and not tw2.inputs["BD-4"].nihil


def test_libreoffice_recomputes_forms_and_consolidations(work, tmp_path):
    require_soffice()
    outputs = [consolidate([work["tahunan"]], tmp_path / "konsolidasi_tahun.xlsx", MASTER).output,
               consolidate([work["triwulan"]], tmp_path / "konsolidasi_triwulan.xlsx", MASTER).output]
    blank = tmp_path / "kosong_Umum.xlsx"
    shutil.copyfile(work["kosong"] / form_filename(MASTER, UMUM), blank)
    forms = [annual(work), annual(work, LAYANAN), blank, *sorted(work["triwulan"].iterdir())]
    recalculated = recalculate_many([*forms, *outputs], tmp_path)
    for original, copy in recalculated.items():
        assert mismatches_after(original, copy) == [], original
    book = openpyxl.load_workbook(recalculated[annual(work)], data_only=True)
    sheet = book["Formulir"]
    _, titles, codes = table(annual(work))
    assert sheet.cell(codes["BD-1"], titles["Realisasi"]).value == 126
    assert sheet.cell(codes["BD-3"], titles["Realisasi"]).value == 88.25
    assert sheet.cell(codes["BD-5"], titles["NIHIL"]).value == "Ya"
    assert sheet.cell(codes["BD-5"], titles["Realisasi"]).value == 100
    book.close()


def test_every_problem_of_a_month_names_its_own_cell(work, tmp_path):
    form = annual(work)
    bad = set_cells(form, tmp_path / "bad.xlsx", {
        ("BD-3.B05", "Realisasi"): "0,9",  # a fraction typed as text into a percent month
        ("BD-1.B03", "Realisasi"): "banyak",
        ("BD-2.B06", "Penyebut"): None,  # a pembilang without its penyebut
        ("BD-2.B08", "Pembilang"): "=12+3",
        ("BD-4.B09", "NIHIL"): "Tidak",
        ("BD-1", "Realisasi"): 500,  # typed over the IKK row's sum
    })
    found = {(p.code, p.cell, p.severity) for p in check_form(read_form(bad)).problems}
    assert {
        ("value_text_parsed", cell(form, "BD-3.B05", "Realisasi"), "warning"),
        ("percent_as_fraction", cell(form, "BD-3.B05", "Realisasi"), "warning"),
        ("value_not_number", cell(form, "BD-1.B03", "Realisasi"), "error"),
        ("value_missing", cell(form, "BD-2.B06", "Penyebut"), "error"),
        ("formula_in_input", cell(form, "BD-2.B08", "Pembilang"), "error"),
        ("nihil_invalid", cell(form, "BD-4.B09", "NIHIL"), "error"),
        ("breakdown_cell_ignored", cell(form, "BD-1", "Realisasi"), "warning"),
    } <= found
    assert not any(code == "value_missing" and where == cell(form, "BD-2.B08", "Pembilang") for code, where, _ in found)
    result = run("validate", bad, "--json")  # the command line says the same
    assert result.exit_code == 1
    shown = {(p["code"], p["cell"], p["ikk"]) for p in json.loads(result.stdout)["problems"]}
    assert ("value_not_number", cell(form, "BD-1.B03", "Realisasi"), "BD-1") in shown
    messages = {(p.code, p.cell): p.message for p in check_form(read_form(bad)).problems}
    assert "BD-3.B05" in messages["percent_as_fraction", cell(form, "BD-3.B05", "Realisasi")]
    assert "BD-2.B06" in messages["value_missing", cell(form, "BD-2.B06", "Penyebut")]


def test_all_months_blank_is_value_missing_at_the_first_month(work):
    blank = work["kosong"] / form_filename(MASTER, UMUM)
    problems = [(p.code, p.cell) for p in check_form(read_form(blank)).problems if p.code == "value_missing"]
    assert ("value_missing", cell(blank, "BD-1.B01", "Realisasi")) in problems
    assert ("value_missing", cell(blank, "BD-2.B01", "Penyebut")) in problems
    assert not any(p.code == "breakdown_blank" for p in check_form(read_form(blank)).problems)


def test_a_deleted_month_row_is_missing(work, tmp_path):
    form = annual(work)
    book, _, codes = table(form)
    book["Formulir"].delete_rows(codes["BD-1.B06"])
    book.save(tmp_path / "deleted.xlsx")
    book.close()
    found = [(p.code, p.message) for p in check_form(read_form(tmp_path / "deleted.xlsx")).problems if p.is_error]
    assert any(code == "ikk_missing" and "BD-1.B06" in message for code, message in found)


def test_a_year_of_months_without_events_needs_a_penyebut(work, tmp_path):
    quiet = replace(MASTER, indicators=(replace(MASTER.indicators[1]),))
    zeros = {f"BD-2.{m}": IndicatorInput(f"BD-2.{m}", pairs=[(0.0, 0.0)]) for m in MONTHS}
    (path,) = write_forms(quiet, tmp_path / "nol", inputs=zeros)
    problems = [(p.code, p.cell) for p in check_form(read_form(path)).problems if p.is_error]
    assert problems == [("denominator_zero", cell(path, "BD-2", "Penyebut"))]  # no month is an error
    (quarter,) = write_forms(quiet, tmp_path / "nol_tw", "Triwulan II",
                             inputs={k: v for k, v in zeros.items() if k[-3:] in ("B04", "B05", "B06")})
    assert [p for p in check_form(read_form(quarter)).problems if p.is_error] == []  # a quiet quarter


def test_the_form_values_are_the_python_combination(work):
    """The values stored with the IKK row's formulas are rollup.combine of the months (latest present)."""
    book = openpyxl.load_workbook(annual(work), data_only=True)
    _, titles, codes = table(annual(work))
    sheet = book["Formulir"]
    combined = rollup.combine(MASTER.indicators[1], [IndicatorInput("x", pairs=[p]) for p in PAIRS])
    assert (sheet.cell(codes["BD-2"], titles["Pembilang"]).value,
            sheet.cell(codes["BD-2"], titles["Penyebut"]).value) == combined.pairs[0]
    book.close()
