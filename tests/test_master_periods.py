"""The master's reporting calendar, monitoring lights and period targets (sheet "Target Periode").

Masters are written with :func:`lkjip_xl.template.write_master`, edited with
openpyxl as a user would, and read back; every refusal names file, sheet and
cell, and every problem of a master is reported at once.
"""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest

from lkjip_xl import rollup
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.model import Indicator, Master, Method
from lkjip_xl.periods import CALENDARS, PeriodRule, TargetKind, Traffic, calendar, find_period, period_choices
from lkjip_xl.template import write_master

COUNT = Indicator("A01", "Umum", 1, "SK", 1, "Jumlah layanan", "Layanan", 100.0, period_rule=PeriodRule.JUMLAH)
SHARE = Indicator("A02", "Umum", 1, "SK", 2, "Persentase selesai", "%", 90.0, method=Method.RASIO,
                  period_rule=PeriodRule.JUMLAH)
INDEX = Indicator("A03", "Umum", 1, "SK", 3, "Indeks kepuasan", "Indeks", 3.5, period_rule=PeriodRule.NILAI_AKHIR)
MEAN = Indicator("A04", "Umum", 1, "SK", 4, "Nilai rata-rata", "Indeks", 80.0, period_rule=PeriodRule.RERATA)
MASTER = Master("Kantor Contoh", 2024, (COUNT, SHARE, INDEX, MEAN))


def test_the_calendars_and_their_periods():
    assert list(CALENDARS) == ["triwulan", "semester", "bulanan"]
    triwulan = calendar("triwulan")
    assert triwulan.labels == ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
    assert [p.month_code for p in triwulan.periods] == ["B03", "B06", "B09", "B12"]
    assert triwulan.find("tw3") is triwulan.periods[2] and triwulan.find(" triwulan iii ") is triwulan.periods[2]
    assert triwulan.periods[1].to_date_label() == "s.d. Triwulan II"
    assert [p.label for p in calendar("semester").periods] == ["Semester I", "Semester II"]
    assert calendar("bulanan").periods[11].label == "Desember" and calendar("bulanan").find("B07").label == "Juli"
    assert find_period("Semester II").calendar == "semester" and find_period("Tahunan") is None
    assert period_choices()[:2] == ("Tahunan", "Triwulan I") and len(period_choices()) == 1 + 4 + 2 + 12
    with pytest.raises(ValueError, match="already used"):
        from lkjip_xl.periods import register_calendar
        register_calendar("kuartal", ("Triwulan I",), ("K1",), (12,))


def test_lights_colour_by_the_declared_thresholds():
    lights = Traffic()
    assert [lights.colour(v) for v in (None, 120.0, 90.0, 89.99, 70.0, 69.0)] == [
        "", "Hijau", "Hijau", "Kuning", "Kuning", "Merah"]


def test_a_master_declares_its_calendar_lights_and_period_targets(tmp_path):
    master = replace(MASTER, calendar="semester", traffic=Traffic(100.0, 80.0), indicators=(
        replace(COUNT, period_targets=(40.0, 60.0), target_kind=TargetKind.PERIODE),
        replace(SHARE, period_targets=(85.0, 90.0)),
        INDEX, MEAN))
    path = write_master(master, tmp_path / "master.xlsx")
    assert read_master(path) == master


def test_targets_of_a_period_and_up_to_a_period():
    per_period = replace(COUNT, period_targets=(20.0, 30.0, 25.0, 25.0), target_kind=TargetKind.PERIODE)
    to_date = replace(COUNT, period_targets=(20.0, 50.0, 75.0, 100.0))
    assert [rollup.period_target(per_period, k) for k in (1, 2, 3, 4)] == [20.0, 30.0, 25.0, 25.0]
    assert [rollup.to_date_target(per_period, k) for k in (1, 2, 3, 4)] == [20.0, 50.0, 75.0, 100.0]
    assert [rollup.period_target(to_date, k) for k in (1, 2, 3, 4)] == [20.0, 30.0, 25.0, 25.0]
    assert [rollup.to_date_target(to_date, k) for k in (1, 2, 3, 4)] == [20.0, 50.0, 75.0, 100.0]
    share = replace(SHARE, period_targets=(80.0, 85.0, 88.0, 90.0))  # s.d. shares: each is its own target
    assert [rollup.period_target(share, k) for k in (1, 4)] == [80.0, 90.0]
    mean = replace(MEAN, period_targets=(70.0, 80.0, 80.0, 90.0), target_kind=TargetKind.PERIODE)
    assert rollup.to_date_target(mean, 2) == 75.0 and rollup.to_date_target(mean, 4) == 80.0
    assert rollup.period_target(COUNT, 2) == rollup.to_date_target(COUNT, 2) == 100.0  # none declared


def _edit(path, edits):
    book = openpyxl.load_workbook(path)
    for sheet, cell, value in edits:
        book[sheet][cell].value = value
    book.save(path)


def _problems(path) -> list[tuple[str, str, str]]:
    with pytest.raises(MasterError) as caught:
        read_master(path)
    return [(p.sheet, p.cell, p.message) for p in caught.value.problems]


def test_every_problem_of_calendar_lights_and_period_targets_is_named_at_once(tmp_path):
    path = write_master(MASTER, tmp_path / "master.xlsx")
    _edit(path, [
        ("Info", "B8", "kuartalan"), ("Info", "B9", 60), ("Info", "B10", 70),  # unknown calendar, green ≤ yellow
        ("Target Periode", "A2", "A01"), ("Target Periode", "B2", "per periode"),
        ("Target Periode", "C2", 10), ("Target Periode", "D2", 20), ("Target Periode", "E2", 30),
        ("Target Periode", "F2", 30),  # sums to 90, the annual target is 100
        ("Target Periode", "A3", "A02"), ("Target Periode", "C3", 80),  # periods left blank
        ("Target Periode", "A4", "ZZ9"), ("Target Periode", "C4", 1),  # no such IKK
        ("PK", "H5", "abc"),  # and a PK error too
    ])
    found = _problems(path)
    where = [(sheet, cell) for sheet, cell, _ in found]
    assert ("Info", "B8") in where and ("Info", "B9") in where and ("PK", "H5") in where
    # the calendar is unusable, so the period targets cannot be judged against it and are left for later
    assert not any(sheet == "Target Periode" for sheet, _ in where)
    _edit(path, [("Info", "B8", "triwulan"), ("Info", "B9", 90)])
    found = _problems(path)
    messages = {(sheet, cell): message for sheet, cell, message in found}
    assert "digabung menjadi 90, padahal target tahunan (sheet PK) 100" in messages[("Target Periode", "F2")]
    assert "target periode Triwulan II kosong" in messages[("Target Periode", "D3")]
    assert "Kode IKK ini tidak ada di sheet PK" in messages[("Target Periode", "A4")]
    assert ("PK", "H5") in messages
    assert all(str(path) in message for message in messages.values())


def test_a_master_without_its_pk_sheet_still_reports_its_info_problems(tmp_path):
    path = write_master(MASTER, tmp_path / "master.xlsx")
    book = openpyxl.load_workbook(path)
    del book["PK"]
    book["Info"]["B4"].value = "20x4"
    book.save(path)
    codes = [(p.code, p.sheet) for p in pytest.raises(MasterError, read_master, path).value.problems]
    assert ("master_sheet_missing", "PK") in codes and ("master_value_invalid", "Info") in codes


def test_the_old_column_title_gabungan_triwulan_is_still_read(tmp_path):
    path = write_master(MASTER, tmp_path / "master.xlsx")
    book = openpyxl.load_workbook(path)
    pk = book["PK"]
    col = next(c for c in range(1, pk.max_column + 1) if pk.cell(1, c).value == "Gabungan Periode")
    pk.cell(1, col).value = "Gabungan Triwulan"
    book.save(path)
    assert [i.period_rule for i in read_master(path).indicators] == [i.period_rule for i in MASTER.indicators]
