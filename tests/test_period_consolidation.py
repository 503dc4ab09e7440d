"""Consolidating period forms: each period's sheet and periods 1..N combined, through real files and the CLI.

A small master with one IKK of every combination rule and method kind is written with
:func:`lkjip_xl.template.write_master`; its forms are written pre-filled with
:func:`lkjip_xl.forms.write_forms` (revisions typed into "Revisi ke" with openpyxl, as a
Divisi would).  Every rule combines the RAW inputs of the periods (a ratio of sums, the last
value, the mean of realisasi), every workbook formula is recomputed by LibreOffice, four
quarters are exactly the year of yearly forms, and anything less than the whole year says so
everywhere.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import mismatches_after, recalculate_many, require_soffice
from fixtures_bad import set_cells
from signing import SIGNOFF, signed_by_all
from lkjip_xl import calc
from lkjip_xl.cli import cli
from lkjip_xl.consolidate import consolidate
from lkjip_xl.forms import form_filename, write_form, write_forms
from lkjip_xl.master import read_master
from lkjip_xl.model import Direction, Indicator, IndicatorInput, Master, Method
from lkjip_xl.period_book import write_period_consolidation
from lkjip_xl.period_consolidation import compute_view
from lkjip_xl.periods import PeriodRule, TargetKind
from lkjip_xl.tables.inputs import InputError
from lkjip_xl.tables.load import read_current
from lkjip_xl.tables.previous import read_consolidated
from lkjip_xl.template import write_master
from lkjip_xl.validate import validate_files

J, NA, R = PeriodRule.JUMLAH, PeriodRule.NILAI_AKHIR, PeriodRule.RERATA
IKK = (
    Indicator("U-01", "Umum", 1, "Layanan surat", 1, "Persentase surat selesai", "%", 70.0, method=Method.RASIO,
              period_rule=J),
    Indicator("U-02", "Umum", 1, "Layanan surat", 2, "Jumlah layanan", "Layanan", 100.0, period_rule=J),
    Indicator("U-03", "Umum", 2, "Kepuasan", 1, "Indeks kepuasan", "Indeks", 3.5, period_rule=NA),
    Indicator("U-04", "Umum", 2, "Kepuasan", 2, "Nilai kinerja rata-rata", "Nilai", 80.0, period_rule=R),
    Indicator("U-05", "Umum", 2, "Kepuasan", 3, "Persentase pengaduan ditindaklanjuti", "%", 100.0,
              method=Method.RASIO, nihil=True, period_rule=J),
    Indicator("T-01", "Teknis", 1, "Mutu", 1, "Indeks survei", "Indeks", 3.0, method=Method.SURVEI,
              scale_divisor=25.0, period_rule=J),
    Indicator("T-02", "Teknis", 1, "Mutu", 2, "Rata-rata ketepatan", "%", 80.0, method=Method.RERATA_SUBRASIO,
              sub_labels=("Tepat waktu", "Tepat mutu"), period_rule=J),
    Indicator("T-03", "Teknis", 2, "Hasil", 1, "Jumlah kegiatan", "Kegiatan", 100.0, period_rule=J,
              period_targets=(10.0, 20.0, 30.0, 40.0), target_kind=TargetKind.PERIODE),
    Indicator("T-04", "Teknis", 2, "Hasil", 2, "Persentase tunggakan", "%", 10.0, method=Method.RASIO,
              direction=Direction.TURUN, period_rule=J),
)
MASTER = Master("Kantor Wilayah Contoh", 2023, IKK)
QUARTERS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")


def _raw(code: str, value=None, pairs=(), nihil=False) -> IndicatorInput:
    return IndicatorInput(code, value, list(pairs), nihil)


#: What each Divisi reports in each quarter: the period's own numbers (jumlah), the value at the
#: period's end (nilai_akhir), the period's own value (rerata).
RAW = {
    "Triwulan I": [_raw("U-01", pairs=[(9, 10)]), _raw("U-02", 10), _raw("U-03", 3.1), _raw("U-04", 70),
                   _raw("U-05", nihil=True), _raw("T-01", pairs=[(300, 4)]),
                   _raw("T-02", pairs=[(8, 10), (3, 4)]), _raw("T-03", 12), _raw("T-04", pairs=[(1, 20)])],
    "Triwulan II": [_raw("U-01", pairs=[(30, 50)]), _raw("U-02", 20), _raw("U-03", 3.2), _raw("U-04", 80),
                    _raw("U-05", nihil=True), _raw("T-01", pairs=[(310, 4)]),
                    _raw("T-02", pairs=[(15, 20), (9, 10)]), _raw("T-03", 18), _raw("T-04", pairs=[(3, 20)])],
    "Triwulan III": [_raw("U-01", pairs=[(7, 10)]), _raw("U-02", 30), _raw("U-03", 3.4), _raw("U-04", 90),
                     _raw("U-05", pairs=[(3, 4)]), _raw("T-01", pairs=[(280, 3)]),
                     _raw("T-02", pairs=[(5, 5), (1, 2)]), _raw("T-03", 30), _raw("T-04", pairs=[(2, 40)])],
    "Triwulan IV": [_raw("U-01", pairs=[(90, 100)]), _raw("U-02", 45), _raw("U-03", 3.6), _raw("U-04", 85),
                    _raw("U-05", nihil=True), _raw("T-01", pairs=[(330, 4)]),
                    _raw("T-02", pairs=[(20, 25), (10, 10)]), _raw("T-03", 41), _raw("T-04", pairs=[(0, 20)])],
}


def inputs(period: str) -> dict[str, IndicatorInput]:
    return {r.code: replace(r, pairs=list(r.pairs)) for r in RAW[period]}


def annual_inputs(periods) -> dict[str, IndicatorInput]:
    """What a yearly form of the same figures holds, summed or taken by hand (not by the code under test)."""
    by_period = [inputs(p) for p in periods]
    year = {}
    for indicator in IKK:
        reported = [p[indicator.code] for p in by_period]
        if indicator.period_rule is NA:
            year[indicator.code] = reported[-1]
        elif indicator.period_rule is R:
            values = [r.value for r in reported]
            year[indicator.code] = _raw(indicator.code, sum(values) / len(values))
        elif all(r.nihil for r in reported):
            year[indicator.code] = _raw(indicator.code, nihil=True)
        elif reported[0].value is not None:
            year[indicator.code] = _raw(indicator.code, float(sum(r.value for r in reported)))
        else:
            pairs = max(len(r.pairs) for r in reported)
            year[indicator.code] = _raw(indicator.code, pairs=[
                (float(sum(r.pairs[n][0] for r in reported if r.pairs)),
                 float(sum(r.pairs[n][1] for r in reported if r.pairs))) for n in range(pairs)])
    return year


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def problems_of(result) -> list[dict]:
    return json.loads(result.stdout)["problems"]


@pytest.fixture(scope="module")
def master_path(tmp_path_factory) -> Path:
    path = write_master(MASTER, tmp_path_factory.mktemp("master") / "master.xlsx")
    assert read_master(path) == MASTER
    return path


def forms_of(folder: Path, periods, divisi=None) -> Path:
    """Pre-filled forms of ``periods`` (of every Divisi, or of ``divisi`` only) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for period in periods:
        if divisi is None:
            write_forms(MASTER, folder, period, inputs=inputs(period), signoff=signed_by_all(MASTER))
        else:
            write_form(MASTER, divisi, folder / form_filename(MASTER, divisi, period), period, inputs=inputs(period),
                       signoff=SIGNOFF)
    return folder


def revised(folder: Path, name: str, revision: int, period: str, divisi: str, changes=None) -> Path:
    """A copy of a Divisi's form with ``revision`` typed into "Revisi ke" (C7) and other inputs."""
    data = inputs(period) | (changes or {})
    source = write_form(MASTER, divisi, folder / "_tmp.xlsx", period, inputs=data, signoff=SIGNOFF)
    target = folder / name
    set_cells(source, {"C7": revision}, text=False)(target)
    source.unlink()
    return target


@pytest.fixture(scope="module")
def written(tmp_path_factory, master_path) -> dict[str, Path]:
    """The workbooks every LibreOffice check below recomputes, by name."""
    root = tmp_path_factory.mktemp("period")
    out = {}
    half = forms_of(root / "tw1_tw2", QUARTERS[:2])
    result = run("consolidate", half, "--master", master_path, "--out", root / "sd_tw2.xlsx")
    assert result.exit_code == 0, result.output
    out["sd_tw2"] = root / "sd_tw2.xlsx"
    year = forms_of(root / "tw1_tw4", QUARTERS)
    result = run("consolidate", year, "--master", master_path, "--out", root / "tahun_triwulan.xlsx")
    assert result.exit_code == 0, result.output
    out["tahun_triwulan"] = root / "tahun_triwulan.xlsx"
    annual = root / "tahunan"
    write_forms(MASTER, annual, "Tahunan", inputs=annual_inputs(QUARTERS), signoff=signed_by_all(MASTER))
    result = run("consolidate", annual, "--master", master_path, "--out", root / "tahunan.xlsx")
    assert result.exit_code == 0, result.output
    out["tahunan"] = root / "tahunan.xlsx"
    return out


# --------------------------------------------------------------------------- the rules


def test_each_rule_combines_the_raw_inputs(tmp_path, master_path):
    folder = forms_of(tmp_path / "f", QUARTERS[:2])
    result = consolidate([folder], tmp_path / "sd.xlsx", master_path)
    assert result.output is not None and result.report.valid
    got = {r.indicator.code: r for r in result.results}
    assert got["U-01"].realisasi == (9 + 30) / (10 + 50) * 100  # the ratio of the sums: 65 …
    assert got["U-01"].realisasi != (9 / 10 * 100 + 30 / 50 * 100) / 2  # … never the mean of ratios (75)
    assert got["U-02"].realisasi == 30.0 and got["U-03"].realisasi == 3.2  # summed; the last value
    assert got["U-04"].realisasi == 75.0  # rerata: the mean of the periods' realisasi
    assert got["U-05"].realisasi == 100.0  # NIHIL in every period: NIHIL
    assert got["T-01"].realisasi == (300 + 310) / (4 + 4) / 25  # survei: totals and counts summed
    assert got["T-02"].realisasi == ((8 + 15) / (10 + 20) * 100 + (3 + 9) / (4 + 10) * 100) / 2  # sub-pairs summed
    assert got["T-03"].indicator.target == 30.0 and got["T-03"].capaian == 100.0  # target of periods 1..2
    assert got["T-04"].realisasi == 4 / 40 * 100 and got["T-04"].capaian == 100.0  # lower is better
    assert got["U-01"].indicator.target == 70.0  # no period targets declared: the annual target
    periods = result.periods
    assert periods is not None and periods.through == 2 and not periods.complete
    tw2 = {r.indicator.code: r for r, _, _ in periods.periods[2].rows}
    assert tw2["U-01"].realisasi == 60.0 and tw2["T-03"].indicator.target == 20.0  # the period alone
    assert periods.period_result("U-04", 1).realisasi == 70.0
    assert periods.arrived("Teknis", 2) and not periods.arrived("Teknis", 3) and periods.revision("Umum", 1) == 0


def test_nihil_periods_and_a_later_count(tmp_path, master_path):
    """NIHIL in Triwulan I–II and 3 of 4 in Triwulan III: s.d. Triwulan III is 3/4 (the NIHIL periods add 0)."""
    folder = forms_of(tmp_path / "f", QUARTERS[:3])
    result = consolidate([folder], tmp_path / "sd.xlsx", master_path)
    got = {r.indicator.code: r for r in result.results}
    assert got["U-05"].realisasi == 75.0 and result.period_label == "s.d. Triwulan III Tahun 2023"


def test_four_quarters_are_exactly_the_year_of_yearly_forms(written, tmp_path, master_path):
    quarters = consolidate([written["tahun_triwulan"].parent / "tw1_tw4"], tmp_path / "q.xlsx", master_path)
    year = consolidate([written["tahunan"].parent / "tahunan"], tmp_path / "y.xlsx", master_path)
    assert quarters.complete and quarters.period_label == year.period_label == "Tahun 2023"
    assert quarters.summary.headline == year.summary.headline
    assert "(" not in quarters.summary.headline
    assert [(r.indicator.code, r.indicator.target, r.realisasi, r.capaian, r.tercapai) for r in quarters.results] == [
        (r.indicator.code, r.indicator.target, r.realisasi, r.capaian, r.tercapai) for r in year.results]
    assert [{k: v for k, v in row.items() if k not in ("Berkas", "Sel", "SHA-256", "Keterangan")}
            for row in quarters.to_records()] == [
        {k: v for k, v in row.items() if k not in ("Berkas", "Sel", "SHA-256", "Keterangan")}
        for row in year.to_records()]
    book = openpyxl.load_workbook(written["tahun_triwulan"])
    assert book["Capaian Kinerja"]["A1"].value == "Capaian Kinerja Kantor Wilayah Contoh Tahun 2023"
    assert book.sheetnames == ["Capaian Kinerja", "Ringkasan", "Pemantauan", *QUARTERS, "Data", "Sumber"]


def test_every_formula_is_recomputed_by_libreoffice(written, tmp_path):
    require_soffice()
    converted = recalculate_many(list(written.values()), tmp_path)
    for path, copy in converted.items():
        assert mismatches_after(path, copy) == [], path.name
    values = {}
    for name in ("tahun_triwulan", "tahunan"):
        sheet = openpyxl.load_workbook(converted[written[name]], data_only=True)["Capaian Kinerja"]
        values[name] = [row[3:7] for row in sheet.iter_rows(min_row=5, values_only=True) if row[8]]
    assert values["tahun_triwulan"] == values["tahunan"]  # after LibreOffice too


# --------------------------------------------------------------------------- s.d. Triwulan II


def test_half_a_year_says_so_everywhere(written, tmp_path, master_path):
    book = openpyxl.load_workbook(written["sd_tw2"])
    assert book.sheetnames == ["Capaian Kinerja", "Ringkasan", "Pemantauan", "Triwulan I", "Triwulan II", "Data",
                               "Sumber"]
    titles = {name: book[name]["A1"].value for name in book.sheetnames[:5]}
    assert titles == {
        "Capaian Kinerja": "Capaian Kinerja Kantor Wilayah Contoh s.d. Triwulan II Tahun 2023",
        "Ringkasan": "Ringkasan Capaian Kinerja Kantor Wilayah Contoh s.d. Triwulan II Tahun 2023",
        "Pemantauan": "Pemantauan Kinerja Kantor Wilayah Contoh s.d. Triwulan II Tahun 2023",
        "Triwulan I": "Capaian Kinerja Kantor Wilayah Contoh Triwulan I Tahun 2023",
        "Triwulan II": "Capaian Kinerja Kantor Wilayah Contoh Triwulan II Tahun 2023"}
    assert book.properties.title == titles["Capaian Kinerja"]
    data = list(book["Data"].iter_rows(values_only=True))
    assert data[0][2] == "Periode" and {row[2] for row in data[1:]} == {"s.d. Triwulan II"}
    sources = list(book["Sumber"].iter_rows(values_only=True))
    assert sources[0][0] == "Periode" and {row[0] for row in sources[1:]} == {"Triwulan I", "Triwulan II"}
    texts = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(text.endswith("Contoh Tahun 2023") or text.endswith("tercapai (Tahun 2023)") for text in texts)
    # the CLI: the printed headline, the JSON document
    folder = written["sd_tw2"].parent / "tw1_tw2"
    printed = run("consolidate", folder, "--master", master_path, "--out", tmp_path / "a.xlsx")
    assert printed.exit_code == 0
    assert printed.output.strip().splitlines()[-1].endswith("tercapai (s.d. Triwulan II Tahun 2023).")
    document = json.loads(run("consolidate", folder, "--master", master_path, "--out", tmp_path / "b.xlsx",
                              "--json").stdout)
    assert document["period_label"] == "s.d. Triwulan II Tahun 2023" and document["complete"] is False
    assert document["summary"]["headline"].endswith("(s.d. Triwulan II Tahun 2023)")


def test_the_headline_cell_after_libreoffice_names_the_period(written, tmp_path):
    require_soffice()
    converted = recalculate_many([written["sd_tw2"]], tmp_path)[written["sd_tw2"]]
    rows = list(openpyxl.load_workbook(converted, data_only=True)["Ringkasan"].iter_rows(values_only=True))
    headline = next(row[1] for row in rows if row[0] == "Kesimpulan")
    result = compute_view(validate_files([written["sd_tw2"].parent / "tw1_tw2"], MASTER).accepted, MASTER)[0]
    assert headline == result.summary.headline == calc.headline(
        result.summary.tercapai, result.summary.total, "s.d. Triwulan II Tahun 2023")


def test_period_sheets_read_the_period_inputs_and_the_to_date_sheet_formulas(written):
    book = openpyxl.load_workbook(written["sd_tw2"])
    main, tw1 = book["Capaian Kinerja"], book["Triwulan I"]
    codes = {row[8].value: row for row in main.iter_rows(min_row=5) if row[8].value}
    period_codes = {row[8].value: row for row in tw1.iter_rows(min_row=5) if row[8].value}
    assert set(codes) == set(period_codes) == {i.code for i in IKK}
    assert isinstance(period_codes["U-02"][14].value, (int, float))  # typed on the period sheet
    assert codes["U-02"][14].value.startswith("=IF(COUNT('Triwulan I'!")  # a formula over the period sheets
    assert "AVERAGE('Triwulan I'!E" in codes["U-04"][4].value  # rerata: the mean of the periods' realisasi
    assert codes["U-01"][19].value.endswith("Formulir_2023_Umum_Triwulan_II.xlsx")


# --------------------------------------------------------------------------- refusals and gaps


def test_triwulan_iv_alone_is_not_the_year(tmp_path, master_path):
    folder = forms_of(tmp_path / "f", QUARTERS[3:])
    result = run("consolidate", folder, "--master", master_path, "--out", tmp_path / "k.xlsx", "--json")
    assert result.exit_code == 1 and not (tmp_path / "k.xlsx").exists()
    errors = [p for p in problems_of(result) if p["severity"] == "error" and p["file"]]
    assert sorted((Path(p["file"]).name, p["code"], p["sheet"]) for p in errors) == [
        (form_filename(MASTER, d, "Triwulan IV"), "period_no_first", "_lkjip") for d in ("Teknis", "Umum")]
    assert all("belum ada formulir Triwulan I" in p["message"] for p in errors)


def test_a_divisi_without_the_first_period_is_left_out(tmp_path, master_path):
    folder = forms_of(tmp_path / "f", QUARTERS[:2], "Umum")
    forms_of(folder, QUARTERS[1:2], "Teknis")
    result = consolidate([folder], tmp_path / "k.xlsx", master_path)
    assert result.output is not None and result.period_label == "s.d. Triwulan II Tahun 2023"
    assert {r.indicator.divisi for r in result.results} == {"Umum"}
    left = [p for p in result.report.problems if p.code == "period_divisi_left_out"]
    assert [Path(p.file).name for p in left] == ["Formulir_2023_Teknis_Triwulan_II.xlsx"]
    assert {r.indicator.divisi for r, _, _ in result.periods.periods[2].rows} == {"Umum", "Teknis"}


def test_a_divisi_missing_triwulan_ii_gives_s_d_triwulan_i(tmp_path, master_path):
    folder = forms_of(tmp_path / "f", QUARTERS[:2], "Umum")
    forms_of(folder, (QUARTERS[0], QUARTERS[2]), "Teknis")
    result = run("consolidate", folder, "--master", master_path, "--out", tmp_path / "k.xlsx", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["period_label"] == "s.d. Triwulan I Tahun 2023"
    warned = {(Path(p["file"]).name if p["file"] else "", p["code"]) for p in document["problems"]}
    assert ("", "period_form_missing") in warned
    assert ("Formulir_2023_Umum_Triwulan_II.xlsx", "period_after_to_date") in warned
    assert ("Formulir_2023_Teknis_Triwulan_III.xlsx", "period_after_to_date") in warned
    missing = next(p["message"] for p in document["problems"] if p["code"] == "period_form_missing")
    assert missing.startswith("Formulir Triwulan II Divisi Teknis belum ada.")
    assert openpyxl.load_workbook(tmp_path / "k.xlsx").sheetnames[3:6] == ["Triwulan I", "Triwulan II",
                                                                          "Triwulan III"]


def test_yearly_and_quarterly_forms_are_not_mixed(tmp_path, master_path):
    folder = forms_of(tmp_path / "f", QUARTERS[:1])
    write_form(MASTER, "Umum", folder / "Formulir_2023_Umum.xlsx", "Tahunan", inputs=annual_inputs(QUARTERS))
    result = run("consolidate", folder, "--out", tmp_path / "k.xlsx", "--json")
    assert result.exit_code == 1
    refused = {(Path(p["file"]).name, p["code"]) for p in problems_of(result) if p["severity"] == "error" and p["file"]}
    assert refused == {("Formulir_2023_Umum.xlsx", "form_calendar_differs")}
    message = next(p["message"] for p in problems_of(result) if p["code"] == "form_calendar_differs")
    assert "adalah formulir tahunan, sedangkan sebagian besar formulir adalah formulir triwulan" in message


def test_two_calendars_are_not_mixed(tmp_path, master_path):
    folder = forms_of(tmp_path / "f", QUARTERS[:1])
    by_semester = replace(MASTER, calendar="semester")
    write_form(by_semester, "Umum", folder / "Formulir_2023_Umum_Semester_I.xlsx", "Semester I",
               inputs=inputs("Triwulan I"))
    without = run("consolidate", folder, "--out", tmp_path / "k.xlsx", "--json")
    assert {(Path(p["file"]).name, p["code"]) for p in problems_of(without)
            if p["severity"] == "error" and p["file"]} == {
        ("Formulir_2023_Umum_Semester_I.xlsx", "form_calendar_differs")}
    with_master = run("consolidate", folder, "--master", master_path, "--out", tmp_path / "k.xlsx", "--json")
    assert with_master.exit_code == 1
    errors = [p for p in problems_of(with_master) if p["severity"] == "error" and p["file"]]
    assert [(Path(p["file"]).name, p["code"]) for p in errors] == [
        ("Formulir_2023_Umum_Semester_I.xlsx", "form_calendar_master")]
    assert "Kalender Pelaporan master PK adalah triwulan" in errors[0]["message"]


# --------------------------------------------------------------------------- revisions


def test_a_higher_revision_replaces_the_lower_with_a_warning(tmp_path, master_path):
    folder = forms_of(tmp_path / "f", QUARTERS[:2])
    newer = revised(folder, "Formulir_2023_Umum_Triwulan_II_perbaikan.xlsx", 1, "Triwulan II", "Umum",
                    {"U-02": _raw("U-02", 25)})
    result = run("consolidate", folder, "--master", master_path, "--out", tmp_path / "k.xlsx", "--json")
    assert result.exit_code == 0
    replaced = [p for p in problems_of(result) if p["code"] == "form_revision_replaced"]
    old = folder / "Formulir_2023_Umum_Triwulan_II.xlsx"
    assert [(p["file"], p["severity"], p["sheet"], p["cell"]) for p in replaced] == [
        (str(old), "warning", "Formulir", "C7")]
    assert str(newer) in replaced[0]["message"] and "diganti oleh revisi 1" in replaced[0]["message"]
    book = openpyxl.load_workbook(tmp_path / "k.xlsx")
    rows = {row[8].value: row for row in book["Triwulan II"].iter_rows(min_row=5) if row[8].value}
    assert rows["U-02"][14].value == 25 and rows["U-02"][19].value == f"{newer.name} (Revisi 1)"
    done = consolidate([folder], tmp_path / "api.xlsx", master_path)
    assert {r.indicator.code: r.realisasi for r in done.results}["U-02"] == 10 + 25
    assert done.periods.revision("Umum", 2) == 1 and done.periods.revision("Teknis", 2) == 0


def test_equal_revisions_are_both_refused(tmp_path, master_path):
    folder = forms_of(tmp_path / "f", QUARTERS[:1])
    one = revised(folder, "Formulir_2023_Umum_Triwulan_I_a.xlsx", 2, "Triwulan I", "Umum")
    two = revised(folder, "Formulir_2023_Umum_Triwulan_I_b.xlsx", 2, "Triwulan I", "Umum")
    result = run("consolidate", folder, "--master", master_path, "--out", tmp_path / "k.xlsx", "--json")
    assert result.exit_code == 1 and not (tmp_path / "k.xlsx").exists()
    duplicates = {p["file"]: p for p in problems_of(result) if p["code"] == "form_duplicate_divisi"}
    assert set(duplicates) == {str(one), str(two)}
    for path, other in ((one, two), (two, one)):
        problem = duplicates[str(path)]
        assert (problem["sheet"], problem["cell"], problem["severity"]) == ("Formulir", "C7", "error")
        assert str(other) in problem["message"] and "'Revisi ke' yang sama (2)" in problem["message"]
        assert "dikirim dua kali untuk periode Triwulan I" in problem["message"]
    first = folder / "Formulir_2023_Umum_Triwulan_I.xlsx"
    assert [p["code"] for p in problems_of(result) if p["file"] == str(first)] == ["form_revision_replaced"]


# --------------------------------------------------------------------------- the monitoring hook


def test_extra_sheets_get_the_data_and_every_position(tmp_path, master_path, written):
    validation = validate_files([written["sd_tw2"].parent / "tw1_tw2"], MASTER)
    _, data = compute_view(validation.accepted, MASTER)
    seen = []

    def monitoring(workbook, styles, got, positions) -> None:
        seen.append(got)
        sheet = workbook.add_worksheet("Uji")
        for row, indicator in enumerate(IKK):
            for k in (1, 2):
                ref = positions.cell(indicator.code, k)
                result = got.period_result(indicator.code, k)
                sheet.write_formula(row, k - 1, f"={ref}", None, "" if result.capaian is None else result.capaian)
            sheet.write_formula(row, 2, f"='Capaian Kinerja'!{positions.to_date.rows[indicator.code].capaian}",
                                None, next(r.capaian for r, _, _ in got.to_date.rows
                                           if r.indicator.code == indicator.code))

    out = write_period_consolidation(data, tmp_path / "hook.xlsx", extra_sheets=[monitoring])
    assert seen == [data]
    assert openpyxl.load_workbook(out).sheetnames[:3] == ["Capaian Kinerja", "Ringkasan", "Uji"]
    require_soffice()
    assert mismatches_after(out, recalculate_many([out], tmp_path)[out]) == []


# --------------------------------------------------------------------------- the tables need a whole year


def test_tables_refuse_part_of_a_year(written, master_path):
    with pytest.raises(InputError) as refused:
        read_consolidated(written["sd_tw2"])
    (problem,) = refused.value.problems
    assert (problem.code, problem.sheet, problem.cell) == ("consolidated_not_year", "Capaian Kinerja", "A1")
    assert "tabel LKjIP memerlukan data satu tahun penuh; konsolidasi ini s.d. Triwulan II" in problem.message
    with pytest.raises(InputError) as refused:
        read_current(written["sd_tw2"].parent / "tw1_tw2", MASTER)
    assert [p.code for p in refused.value.problems] == ["forms_not_year"]
    assert "konsolidasi ini s.d. Triwulan II." in refused.value.problems[0].message
    year, figures = read_consolidated(written["tahun_triwulan"])
    annual_year, annual_figures = read_consolidated(written["tahunan"])
    assert year == annual_year == 2023
    assert {c: (f.target, f.realisasi) for c, f in figures.items()} == {
        c: (f.target, f.realisasi) for c, f in annual_figures.items()}
    from_forms, _ = read_current(written["tahun_triwulan"].parent / "tw1_tw4", MASTER)
    annual, _ = read_current(written["tahunan"].parent / "tahunan", MASTER)
    assert {c: (f.target, f.realisasi) for c, f in from_forms.items()} == {
        c: (f.target, f.realisasi) for c, f in annual.items()}


def test_the_bundled_quarterly_samples_are_the_year(tmp_path):
    root = Path(__file__).resolve().parents[1] / "samples"
    folder = tmp_path / "tw"
    shutil.copytree(root / "formulir_triwulan", folder)
    result = consolidate([folder], tmp_path / "k.xlsx", root / "master_pk_2023.xlsx")
    assert result.complete and result.summary.headline == "54 dari 60 IKK tercapai"
