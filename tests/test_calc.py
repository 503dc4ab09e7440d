"""Every function of lkjip_xl/calc.py, and each formula builder against LibreOffice.

The unit tests pin the calculation rules of the README with exact values.  The
engine test writes every formula builder's output into one small workbook
(with the Python value as the cached value) and lets LibreOffice recompute it:
the Python function and its spreadsheet twin must agree.
"""

from __future__ import annotations

import xlsxwriter

from engine import compare_formulas, require_soffice
from lkjip_xl import calc, methods
from lkjip_xl._values import YES
from lkjip_xl.calc import InputRefs
from lkjip_xl.methods import METHODS
from lkjip_xl.model import (
    AchievementRule,
    Direction,
    Indicator,
    IndicatorInput,
    IndicatorResult,
    Method,
)

INCLUSIVE = AchievementRule()  # capaian >= 100
EXCLUSIVE = AchievementRule(100.0, inclusive=False)  # capaian > 100


def ikk(code: str = "T-IKK1", **fields) -> Indicator:
    base = dict(code=code, divisi="Divisi Umum", sk_no=1, sk_text="Sasaran", ikk_no=1, text="Indikator",
                unit="%", target=90.0)
    base.update(fields)
    return Indicator(**base)


def reported(value=None, pairs=(), nihil=False) -> IndicatorInput:
    return IndicatorInput(code="T-IKK1", value=value, pairs=list(pairs), nihil=nihil)


# --------------------------------------------------------------------------- realisasi pieces


def test_ratio_percent():
    assert calc.ratio_percent(45, 60) == 75.0
    assert calc.ratio_percent(429, 460) == 429 / 460 * 100
    assert calc.ratio_percent(0, 7) == 0.0
    assert calc.ratio_percent(None, 60) is None
    assert calc.ratio_percent(45, None) is None
    assert calc.ratio_percent(45, 0) is None
    assert calc.ratio_percent(0, 0) is None
    assert calc.ratio_percent_expr("I9", "J9") == "I9/J9*100"
    assert calc.ratio_percent_formula("I9", "J9") == 'IF(OR(I9="",J9="",J9=0),"",I9/J9*100)'


def test_survey_score():
    assert calc.survey_score(1154.03, 12, 25) == 1154.03 / 12 / 25  # 3,8468 on the 1–4 scale
    assert round(calc.survey_score(1154.03, 12, 25), 4) == 3.8468
    assert calc.survey_score(810, 9, 1) == 90.0
    assert calc.survey_score(None, 12, 25) is None
    assert calc.survey_score(1154.03, None, 25) is None
    assert calc.survey_score(1154.03, 0, 25) is None


def test_change_percent():
    assert calc.change_percent(1100, 1000) == 10.0  # (1100 − 1000) / 1000 × 100
    assert calc.change_percent(1100, 1000) == (1100 - 1000) / 1000 * 100
    assert calc.change_percent(950, 1000) == -5.0
    assert calc.change_percent(None, 1000) is None
    assert calc.change_percent(950, None) is None
    assert calc.change_percent(950, 0) is None


def test_mean_of_rates_uses_exact_sub_rates():
    assert calc.mean_of_rates([(6, 17), (1, 33)]) == (6 / 17 * 100 + 1 / 33 * 100) / 2
    assert round(calc.mean_of_rates([(6, 17), (1, 33)]), 2) == 19.16  # not (35 + 3) / 2 = 19
    assert calc.mean_of_rates([(17, 20), (30, 33), (8, 10)]) == (85.0 + 30 / 33 * 100 + 80.0) / 3
    assert calc.mean_of_rates([]) is None
    assert calc.mean_of_rates([(6, 17), (1, None)]) is None
    assert calc.mean_of_rates([(6, 17), (1, 0)]) is None


# --------------------------------------------------------------------------- realisasi per method


def test_realisasi_langsung():
    assert methods.realisasi(ikk(unit="Orang", target=120.0), reported(value=134.0)) == 134.0
    assert methods.realisasi(ikk(unit="Orang", target=120.0), reported()) is None
    assert methods.realisasi(ikk(unit="Orang"), reported(value=0.0)) == 0.0


def test_realisasi_rasio():
    rasio = ikk(method=Method.RASIO)
    assert methods.realisasi(rasio, reported(pairs=[(45.0, 60.0)])) == 75.0
    assert methods.realisasi(rasio, reported(pairs=[(45.0, None)])) is None
    assert methods.realisasi(rasio, reported()) is None
    assert methods.realisasi(rasio, reported(pairs=[(0.0, 0.0)])) is None  # 0/0 without the NIHIL rule


def test_realisasi_nihil():
    nihil = ikk(method=Method.RASIO, nihil=True)
    assert methods.realisasi(nihil, reported(nihil=True)) == 100.0
    assert methods.realisasi(nihil, reported(pairs=[(3.0, 4.0)], nihil=True)) == 100.0  # NIHIL wins
    assert methods.realisasi(nihil, reported(pairs=[(0.0, 0.0)])) == 100.0  # 0 / 0 means no events
    assert methods.realisasi(nihil, reported(pairs=[(5.0, 0.0)])) is None
    assert methods.realisasi(nihil, reported(pairs=[(3.0, 4.0)])) == 75.0
    # NIHIL = Ya counts only where the PK declares the rule
    assert methods.realisasi(ikk(method=Method.RASIO), reported(pairs=[(3.0, 4.0)], nihil=True)) == 75.0


def test_realisasi_survei_rerata_perubahan():
    survei = ikk(unit="Indeks", target=3.5, method=Method.SURVEI, scale_divisor=25.0)
    assert methods.realisasi(survei, reported(pairs=[(1062.5, 12.0)])) == 1062.5 / 12 / 25
    rerata = ikk(method=Method.RERATA_SUBRASIO, sub_labels=("HIV", "TB"))
    assert methods.realisasi(rerata, reported(pairs=[(6.0, 17.0), (1.0, 33.0)])) == (6 / 17 * 100 + 1 / 33 * 100) / 2
    assert methods.realisasi(rerata, reported(pairs=[(6.0, 17.0), (None, 33.0)])) is None
    change = ikk(target=5.0, method=Method.PERUBAHAN, may_be_negative=True)
    assert methods.realisasi(change, reported(pairs=[(950.0, 1000.0)])) == -5.0
    assert methods.realisasi(change, reported(pairs=[(950.0, 0.0)])) is None


# --------------------------------------------------------------------------- capaian and tercapai


def test_capaian_higher_is_better_is_never_capped():
    assert calc.capaian(93.26, 90.0, Direction.NAIK) == 93.26 / 90.0 * 100
    assert calc.capaian(8.0, 1.0, Direction.NAIK) == 800.0
    assert calc.capaian(0.0, 90.0, Direction.NAIK) == 0.0
    assert calc.capaian(None, 90.0, Direction.NAIK) is None
    assert calc.capaian(93.26, 0.0, Direction.NAIK) is None


def test_capaian_lower_is_better():
    assert calc.capaian(3.0, 4.0, Direction.TURUN) == 125.0  # (2 × 4 − 3) / 4 × 100
    assert calc.capaian(4.0, 4.0, Direction.TURUN) == 100.0
    assert calc.capaian(0.0, 4.0, Direction.TURUN) == 200.0
    assert calc.capaian(5.0, 4.0, Direction.TURUN) == 75.0
    assert calc.capaian(9.0, 4.0, Direction.TURUN) == -25.0
    assert calc.capaian(12.0, 10.0, Direction.TURUN) == (2 * 10.0 - 12.0) / 10.0 * 100
    assert calc.capaian(None, 4.0, Direction.TURUN) is None


def test_negative_realisasi_gives_negative_capaian_and_not_tercapai():
    change = ikk(target=5.0, method=Method.PERUBAHAN, may_be_negative=True)
    result = methods.evaluate(change, reported(pairs=[(950.0, 1000.0)]), INCLUSIVE)
    assert result == IndicatorResult(change, -5.0, -100.0, False)
    assert calc.status_text(result.tercapai) == "Tidak Tercapai"


def test_tercapai_inclusive_and_exclusive_threshold():
    assert calc.tercapai(100.0, INCLUSIVE) is True
    assert calc.tercapai(100.0, EXCLUSIVE) is False
    assert calc.tercapai(100.00001, EXCLUSIVE) is True
    assert calc.tercapai(99.99, INCLUSIVE) is False
    assert calc.tercapai(99.6, AchievementRule(99.5, True)) is True
    assert calc.tercapai(-100.0, INCLUSIVE) is False
    assert calc.tercapai(None, INCLUSIVE) is None


def test_tercapai_ignores_floating_point_noise_like_spreadsheets_do():
    # 29 of 50 is 58 %, exactly the target; binary floating point makes it 57.99999999999999
    capaian = calc.capaian(calc.ratio_percent(29, 50), 58.0, Direction.NAIK)
    assert capaian == 99.99999999999999
    assert calc.tercapai(capaian, INCLUSIVE) is True
    assert calc.tercapai(capaian, EXCLUSIVE) is False
    assert calc.tercapai(100.00000000000001, EXCLUSIVE) is False
    assert calc.tercapai(99.9999999999, INCLUSIVE) is False  # a real shortfall stays one
    assert calc.approx_equal(99.99999999999999, 100.0)
    assert calc.approx_equal(0.0, 0.0)
    assert not calc.approx_equal(1e-300, 0.0)
    assert not calc.approx_equal(99.9999999999, 100.0)


def test_status_text():
    assert calc.status_text(True) == "Tercapai"
    assert calc.status_text(False) == "Tidak Tercapai"
    assert calc.status_text(None) == ""


def test_evaluate():
    survei = ikk(unit="Indeks", target=3.1, method=Method.SURVEI, scale_divisor=25.0)
    result = methods.evaluate(survei, reported(pairs=[(1154.03, 12.0)]), INCLUSIVE)
    assert result.realisasi == 1154.03 / 12 / 25
    assert result.capaian == 1154.03 / 12 / 25 / 3.1 * 100
    assert result.tercapai is True
    assert methods.evaluate(survei, reported(), INCLUSIVE) == IndicatorResult(survei, None, None, None)


# --------------------------------------------------------------------------- summary


def _result(code: str, divisi: str, cap: float | None, rule=INCLUSIVE) -> IndicatorResult:
    indicator = ikk(code=code, divisi=divisi)
    return IndicatorResult(indicator, None if cap is None else cap * 0.9, cap, calc.tercapai(cap, rule))


def test_mean():
    assert calc.mean([]) is None
    assert calc.mean([100.0, 125.0]) == 112.5
    assert calc.mean([0.1, 0.2, 0.3]) == (0.0 + 0.1 + 0.2 + 0.3) / 3  # summed left to right


def test_group_summary_and_summarize():
    results = [
        _result("U1", "Divisi Umum", 111.0),
        _result("U2", "Divisi Umum", 93.75),
        _result("U3", "Divisi Umum", None),  # no realisasi: counted, not tercapai, not in the mean
        _result("L1", "Divisi Layanan Publik", 100.0),
        _result("L2", "Divisi Layanan Publik", -100.0),
    ]
    umum = calc.group_summary("Divisi Umum", results[:3])
    assert umum == calc.GroupSummary("Divisi Umum", 3, 1, (111.0 + 93.75) / 2)
    assert umum.tidak_tercapai == 2

    summary = calc.summarize(results, ["Divisi Layanan Publik", "Divisi Umum"], "Kanwil Uji")
    assert [g.name for g in summary.groups] == ["Divisi Layanan Publik", "Divisi Umum"]
    assert summary.groups[0] == calc.GroupSummary("Divisi Layanan Publik", 2, 1, 0.0)
    assert summary.groups[1] == umum
    assert summary.overall == calc.GroupSummary("Kanwil Uji", 5, 2, (111.0 + 93.75 + 100.0 - 100.0) / 4)
    assert summary.total == 5
    assert summary.tercapai == 2
    assert summary.overall.tidak_tercapai == 3
    assert summary.headline == "2 dari 5 IKK tercapai"


def test_group_without_results():
    empty = calc.group_summary("Divisi Kosong", [])
    assert empty == calc.GroupSummary("Divisi Kosong", 0, 0, None)


def test_headline():
    assert calc.headline(54, 60) == "54 dari 60 IKK tercapai"
    assert calc.headline(0, 0) == "0 dari 0 IKK tercapai"


# --------------------------------------------------------------------------- report tables


def test_renstra_scale():
    assert calc.renstra_scale(3.8468, 2.5) == 3.8468 * 2.5  # 1–4 scale to 1–10
    assert calc.renstra_scale(93.26, 1.0) == 93.26
    assert calc.renstra_scale(None, 2.5) is None


def test_change_direction():
    assert calc.change_direction(95.0, 101.5) == "naik"
    assert calc.change_direction(101.5, 95.0) == "turun"
    assert calc.change_direction(100.0, 100.0) == "tetap"
    assert calc.change_direction(100.0, 100.0 + 1e-12) == "tetap"
    assert calc.change_direction(None, 100.0) == ""
    assert calc.change_direction(100.0, None) == ""


# --------------------------------------------------------------------------- formula text


def test_formula_texts():
    pair = InputRefs(pairs=(("C2", "D2"),))
    assert methods.realisasi_formula(ikk(unit="Orang"), InputRefs(value="B2")) == 'IF(B2="","",B2)'
    assert methods.realisasi_formula(ikk(method=Method.RASIO), pair) == (
        'IF(OR(C2="",D2=""),"",IF(D2=0,"",C2/D2*100))')
    assert methods.realisasi_formula(ikk(method=Method.RASIO, nihil=True),
                                  InputRefs(pairs=(("C2", "D2"),), nihil="I2")) == (
        'IF(I2="Ya",100,IF(OR(C2="",D2=""),"",IF(D2=0,IF(C2=0,100,""),C2/D2*100)))')
    assert methods.realisasi_formula(ikk(method=Method.SURVEI, scale_divisor=25.0), pair) == (
        'IF(OR(C2="",D2=""),"",IF(D2=0,"",C2/D2/25))')
    assert methods.realisasi_formula(ikk(method=Method.SURVEI, scale_divisor=2.5), pair) == (
        'IF(OR(C2="",D2=""),"",IF(D2=0,"",C2/D2/2.5))')
    assert methods.realisasi_formula(ikk(method=Method.PERUBAHAN), pair) == (
        'IF(OR(C2="",D2=""),"",IF(D2=0,"",(C2-D2)/D2*100))')
    assert methods.realisasi_formula(ikk(method=Method.RERATA_SUBRASIO, sub_labels=("a", "b")),
                                  InputRefs(pairs=(("C2", "D2"), ("E2", "F2")))) == (
        'IF(OR(C2="",D2="",D2=0,E2="",F2="",F2=0),"",(C2/D2*100+E2/F2*100)/2)')
    assert calc.capaian_formula("K2", "J2", Direction.NAIK) == 'IF(OR(K2="",N(J2)=0),"",K2/J2*100)'
    assert calc.capaian_formula("K2", "J2", Direction.TURUN) == (
        'IF(OR(K2="",N(J2)=0),"",(2*J2-K2)/J2*100)')
    assert calc.status_formula("L2", INCLUSIVE) == 'IF(L2="","",IF(L2>=100,"Tercapai","Tidak Tercapai"))'
    assert calc.status_formula("L2", AchievementRule(99.5, False)) == (
        'IF(L2="","",IF(L2>99.5,"Tercapai","Tidak Tercapai"))')
    assert calc.headline_formula("C8", "B8") == 'C8&" dari "&B8&" IKK tercapai"'
    assert calc.renstra_scale_formula("E5", 2.5) == 'IF(E5="","",E5*2.5)'
    assert calc.change_direction_formula("B2", "C2") == (
        'IF(OR(B2="",C2=""),"",IF(C2-B2>0.000000001,"naik",IF(B2-C2>0.000000001,"turun","tetap")))')


# --------------------------------------------------------------------------- LibreOffice agrees

# (label, indicator, what the Divisi reported)
ENGINE_CASES = [
    ("langsung", ikk(unit="Orang", target=120.0), reported(value=134.0)),
    ("langsung kosong", ikk(unit="Orang", target=120.0), reported()),
    ("langsung nol", ikk(unit="Kegiatan", target=12.0), reported(value=0.0)),
    ("langsung tepat target", ikk(unit="Kegiatan", target=12.0), reported(value=12.0)),
    ("turun di bawah target", ikk(unit="Kegiatan", target=4.0, direction=Direction.TURUN), reported(value=3.0)),
    ("turun di atas target", ikk(unit="Kegiatan", target=4.0, direction=Direction.TURUN), reported(value=9.0)),
    ("turun nol", ikk(unit="Kegiatan", target=4.0, direction=Direction.TURUN), reported(value=0.0)),
    ("target nol", ikk(unit="Orang", target=0.0), reported(value=5.0)),
    ("rasio", ikk(target=80.0, method=Method.RASIO), reported(pairs=[(45.0, 60.0)])),
    ("rasio tepat target", ikk(target=58.0, method=Method.RASIO), reported(pairs=[(29.0, 50.0)])),
    ("rasio 0/0", ikk(method=Method.RASIO), reported(pairs=[(0.0, 0.0)])),
    ("rasio penyebut kosong", ikk(method=Method.RASIO), reported(pairs=[(45.0, None)])),
    ("rasio turun", ikk(target=10.0, method=Method.RASIO, direction=Direction.TURUN), reported(pairs=[(12.0, 100.0)])),
    ("nihil ya", ikk(method=Method.RASIO, nihil=True), reported(nihil=True)),
    ("nihil ya dan angka", ikk(method=Method.RASIO, nihil=True), reported(pairs=[(3.0, 4.0)], nihil=True)),
    ("nihil 0/0", ikk(target=95.0, method=Method.RASIO, nihil=True), reported(pairs=[(0.0, 0.0)])),
    ("nihil 5/0", ikk(method=Method.RASIO, nihil=True), reported(pairs=[(5.0, 0.0)])),
    ("nihil angka", ikk(method=Method.RASIO, nihil=True), reported(pairs=[(88.0, 100.0)])),
    ("survei", ikk(unit="Indeks", target=3.5, method=Method.SURVEI, scale_divisor=25.0),
     reported(pairs=[(1062.5, 12.0)])),
    ("survei pembagi 2,5", ikk(unit="Indeks", target=1.0, method=Method.SURVEI, scale_divisor=2.5),
     reported(pairs=[(33.0, 12.0)])),
    ("survei penyebut nol", ikk(unit="Indeks", target=3.5, method=Method.SURVEI, scale_divisor=25.0),
     reported(pairs=[(1062.5, 0.0)])),
    ("rerata", ikk(target=85.0, method=Method.RERATA_SUBRASIO, sub_labels=("a", "b", "c")),
     reported(pairs=[(17.0, 20.0), (30.0, 33.0), (8.0, 10.0)])),
    ("rerata penyebut nol", ikk(method=Method.RERATA_SUBRASIO, sub_labels=("a", "b", "c")),
     reported(pairs=[(17.0, 20.0), (30.0, 0.0), (8.0, 10.0)])),
    ("rerata kosong", ikk(method=Method.RERATA_SUBRASIO, sub_labels=("a", "b", "c")),
     reported(pairs=[(17.0, 20.0), (30.0, 33.0), (None, 10.0)])),
    ("perubahan turun", ikk(target=5.0, method=Method.PERUBAHAN, may_be_negative=True),
     reported(pairs=[(950.0, 1000.0)])),
    ("perubahan naik", ikk(target=5.0, method=Method.PERUBAHAN), reported(pairs=[(1100.0, 1000.0)])),
    ("perubahan pembanding nol", ikk(target=5.0, method=Method.PERUBAHAN), reported(pairs=[(1100.0, 0.0)])),
    # "Persentase penurunan sisa perkara": 60 at the start, 30 at the end, target 3% → 50%, capaian 1666,67%
    ("penurunan sisa perkara", ikk(target=3.0, method=Method.PENURUNAN), reported(pairs=[(30.0, 60.0)])),
    ("penurunan stok naik", ikk(target=3.0, method=Method.PENURUNAN, may_be_negative=True),
     reported(pairs=[(66.0, 60.0)])),
    ("penurunan awal nol", ikk(target=3.0, method=Method.PENURUNAN), reported(pairs=[(5.0, 0.0)])),
]

#: Status columns: the rule each one applies to the capaian.
STATUS_RULES = (INCLUSIVE, EXCLUSIVE, AchievementRule(99.5, True))


def _write_number(sheet, row: int, col: int, value) -> None:
    if value is None:
        sheet.write_blank(row, col, None)
    else:
        sheet.write_number(row, col, value)


def _cached(value):
    return "" if value is None else value


def build_engine_workbook(path) -> int:
    """One row per case: inputs (B–I), target (J), realisasi (K), capaian (L), statuses (M–O)."""
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    sheet = workbook.add_worksheet("Uji")
    titles = ["Kasus", "Nilai", "Pembilang 1", "Penyebut 1", "Pembilang 2", "Penyebut 2", "Pembilang 3",
              "Penyebut 3", "NIHIL", "Target", "Realisasi", "Capaian", "Status ≥100", "Status >100",
              "Status ≥99,5"]
    for col, title in enumerate(titles):
        sheet.write_string(0, col, title)
    formulas = 0
    for row, (label, indicator, given) in enumerate(ENGINE_CASES, start=1):
        excel_row = row + 1
        sheet.write_string(row, 0, label)
        _write_number(sheet, row, 1, given.value)
        pair_refs = []
        for n in range(3):
            num_col, den_col = 2 + 2 * n, 3 + 2 * n
            pair = given.pairs[n] if n < len(given.pairs) else (None, None)
            _write_number(sheet, row, num_col, pair[0])
            _write_number(sheet, row, den_col, pair[1])
            if n < methods.input_pairs(indicator):
                pair_refs.append((f"{'CEG'[n]}{excel_row}", f"{'DFH'[n]}{excel_row}"))
        if given.nihil:
            sheet.write_string(row, 8, YES)
        sheet.write_number(row, 9, indicator.target)
        refs = InputRefs(value=f"B{excel_row}", pairs=tuple(pair_refs), nihil=f"I{excel_row}")
        real = methods.realisasi(indicator, given)
        cap = calc.capaian(real, indicator.target, indicator.direction)
        sheet.write_formula(row, 10, "=" + methods.realisasi_formula(indicator, refs), None, _cached(real))
        sheet.write_formula(row, 11, "=" + calc.capaian_formula(f"K{excel_row}", f"J{excel_row}",
                                                                indicator.direction), None, _cached(cap))
        for offset, rule in enumerate(STATUS_RULES):
            sheet.write_formula(row, 12 + offset, "=" + calc.status_formula(f"L{excel_row}", rule), None,
                                calc.status_text(calc.tercapai(cap, rule)))
        formulas += 2 + len(STATUS_RULES)
    # a bare sub-rate expression and the headline sentence
    row = len(ENGINE_CASES) + 2
    sheet.write_number(row, 2, 6)
    sheet.write_number(row, 3, 17)
    sheet.write_formula(row, 4, "=" + calc.ratio_percent_expr(f"C{row + 1}", f"D{row + 1}"), None,
                        calc.ratio_percent(6, 17))
    sheet.write_number(row + 1, 1, 60)
    sheet.write_number(row + 1, 2, 54)
    sheet.write_formula(row + 1, 3, "=" + calc.headline_formula(f"C{row + 2}", f"B{row + 2}"), None,
                        calc.headline(54, 60))
    formulas += 2
    # the sub-rate of a form's sub-row, with both inputs, a penyebut of 0 and a blank pembilang (I–K)
    for r, (numerator, denominator) in enumerate([(6.0, 17.0), (3.0, 0.0), (None, 10.0)]):
        _write_number(sheet, row + r, 8, numerator)
        _write_number(sheet, row + r, 9, denominator)
        sheet.write_formula(row + r, 10, "=" + calc.ratio_percent_formula(f"I{row + r + 1}", f"J{row + r + 1}"),
                            None, _cached(calc.ratio_percent(numerator, denominator)))
        formulas += 1
    # report-table helpers: Renstra scale (A–C) and the direction of change between two capaian (E–G)
    report = workbook.add_worksheet("Laporan")
    for r, (value, factor) in enumerate([(3.8468, 2.5), (93.26, 1.0), (None, 2.5)]):
        _write_number(report, r, 0, value)
        report.write_formula(r, 1, "=" + calc.renstra_scale_formula(f"A{r + 1}", factor), None,
                             _cached(calc.renstra_scale(value, factor)))
        formulas += 1
    for r, (previous, current) in enumerate([(95.0, 101.5), (101.5, 95.0), (100.0, 100.0), (None, 100.0)]):
        _write_number(report, r, 4, previous)
        _write_number(report, r, 5, current)
        report.write_formula(r, 6, "=" + calc.change_direction_formula(f"E{r + 1}", f"F{r + 1}"), None,
                             calc.change_direction(previous, current))
        formulas += 1
    workbook.close()
    return formulas


def test_the_cases_cover_every_method_direction_and_outcome():
    assert {indicator.method for _, indicator, _ in ENGINE_CASES} == set(METHODS)
    assert {indicator.direction for _, indicator, _ in ENGINE_CASES} == set(Direction)
    results = [methods.evaluate(i, r, INCLUSIVE) for _, i, r in ENGINE_CASES]
    assert {r.tercapai for r in results} == {True, False, None}
    assert any(r.capaian is not None and r.capaian < 0 for r in results)


def test_libreoffice_recomputes_every_formula_builder_to_the_python_value(tmp_path):
    require_soffice()
    path = tmp_path / "calc_formulas.xlsx"
    written = build_engine_workbook(path)
    assert written == len(ENGINE_CASES) * 5 + 2 + 3 + 3 + 4
    assert compare_formulas(path, tmp_path) == []
