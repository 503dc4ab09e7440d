"""A declared cap for mean capaian ("Batas Capaian untuk Rata-rata"), the uncapped mean kept beside it.

One 1.666,67% (a decrease indicator far beyond its target) makes a unit's
uncapped mean meaningless to an evaluator; the master may declare a cap, and
"Ringkasan" then shows both means, each a formula LibreOffice recomputes.
"""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest

from engine import assert_formulas_match
from lkjip_xl import calc, consolidate, write_forms
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.model import AchievementRule, Indicator, IndicatorInput, Master, Method
from lkjip_xl.template import write_master

DECREASE = Indicator("PA01", "Kepaniteraan", 1, "Sasaran", 1, "Persentase penurunan sisa perkara", "%", 3.0,
                     method=Method.PENURUNAN)
SHARE = Indicator("PA02", "Kepaniteraan", 1, "Sasaran", 2, "Persentase perkara diputus tepat waktu", "%", 90.0,
                  method=Method.RASIO)
COUNT = Indicator("PA03", "Kesekretariatan", 2, "Sasaran", 1, "Jumlah laporan", "Laporan", 12.0)
MASTER = Master("Pengadilan Agama Contoh", 2024, (DECREASE, SHARE, COUNT), AchievementRule(mean_cap=120.0))
INPUTS = {"PA01": IndicatorInput("PA01", pairs=[(30.0, 60.0)]), "PA02": IndicatorInput("PA02", pairs=[(81.0, 100.0)]),
          "PA03": IndicatorInput("PA03", value=12.0)}


def test_capped_and_its_formula():
    assert calc.capped(1666.67, 120.0) == 120.0 and calc.capped(90.0, 120.0) == 90.0 and calc.capped(None, 1) is None
    assert calc.capped_formula("F5", 120.0) == 'IF(F5="","",MIN(F5,120))'
    results = [calc.IndicatorResult(DECREASE, 50.0, 50 / 3 * 100, True),
               calc.IndicatorResult(SHARE, 81.0, 90.0, False)]
    group = calc.group_summary("Kepaniteraan", results, 120.0)
    assert group.mean_capaian == (50 / 3 * 100 + 90.0) / 2  # 878,33: one IKK carries the mean
    assert group.mean_capped == (120.0 + 90.0) / 2
    assert calc.group_summary("Kepaniteraan", results).mean_capped is None


def test_the_master_declares_the_cap_and_the_summary_shows_both_means(tmp_path):
    path = write_master(MASTER, tmp_path / "master.xlsx")
    assert read_master(path) == MASTER
    forms = write_forms(MASTER, tmp_path / "formulir", inputs=INPUTS)
    result = consolidate(forms, tmp_path / "konsolidasi.xlsx", master=path)
    assert result.report.valid
    overall = result.summary.overall
    assert overall.mean_capaian == pytest.approx((50 / 3 * 100 + 90.0 + 100.0) / 3)
    assert overall.mean_capped == pytest.approx((120.0 + 90.0 + 100.0) / 3)
    assert_formulas_match(result.output, tmp_path)
    sheet = openpyxl.load_workbook(result.output, data_only=True)["Ringkasan"]
    assert [sheet.cell(3, c).value for c in (5, 6)] == ["Rata-rata Capaian (%)", "Rata-rata Capaian (dibatasi 120%)"]
    rows = {sheet.cell(r, 1).value: (sheet.cell(r, 5).value, sheet.cell(r, 6).value) for r in range(4, 7)}
    assert rows["Kepaniteraan"] == pytest.approx(((50 / 3 * 100 + 90.0) / 2, 105.0))


def test_without_a_cap_nothing_changes(tmp_path):
    plain = replace(MASTER, achievement=AchievementRule())
    forms = write_forms(plain, tmp_path / "formulir", inputs=INPUTS)
    result = consolidate(forms, tmp_path / "konsolidasi.xlsx", master=plain)
    assert result.summary.overall.mean_capped is None
    sheet = openpyxl.load_workbook(result.output)["Ringkasan"]
    assert sheet.cell(3, 6).value is None


@pytest.mark.parametrize("value", ["abc", 0, -5])
def test_an_unusable_cap_is_refused_naming_the_cell(tmp_path, value):
    path = write_master(MASTER, tmp_path / "master.xlsx")
    book = openpyxl.load_workbook(path)
    info = book["Info"]
    row = next(r for r in range(1, 20) if info.cell(r, 1).value == "Batas Capaian untuk Rata-rata (%)")
    info.cell(row, 2).value = value
    book.save(path)
    with pytest.raises(MasterError) as caught:
        read_master(path)
    [problem] = caught.value.problems
    assert (problem.sheet, problem.cell) == ("Info", f"B{row}")
