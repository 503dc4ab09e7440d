"""lkjip_xl/rollup.py: the raw inputs of periods combined by each IKK's rule, then computed.

The formulas are recomputed by LibreOffice in tests/test_period_consolidation.py,
where they stand in a consolidated workbook; here the Python side, rule by rule.
"""

from __future__ import annotations

from dataclasses import replace

from lkjip_xl import methods, rollup
from lkjip_xl.calc import InputRefs
from lkjip_xl.model import AchievementRule, Indicator, IndicatorInput, Method
from lkjip_xl.periods import PeriodRule

RATE = Indicator("R1", "D", 1, "SK", 1, "Persentase selesai", "%", 90.0, method=Method.RASIO,
                 period_rule=PeriodRule.JUMLAH, nihil=True)
COUNT = Indicator("C1", "D", 1, "SK", 2, "Jumlah layanan", "Layanan", 100.0, period_rule=PeriodRule.JUMLAH)
SHARE = replace(RATE, code="S1", period_rule=PeriodRule.NILAI_AKHIR, nihil=False)
MEAN = Indicator("M1", "D", 1, "SK", 3, "Indeks", "Indeks", 3.5, method=Method.SURVEI,
                 period_rule=PeriodRule.RERATA, scale_divisor=25.0)
SUBS = Indicator("U1", "D", 1, "SK", 4, "Dua rasio", "%", 80.0, method=Method.RERATA_SUBRASIO,
                 sub_labels=("a", "b"), period_rule=PeriodRule.JUMLAH)


def pair(n, d, code="R1", nihil=False):
    return IndicatorInput(code, pairs=[(n, d)], nihil=nihil)


def test_a_ratio_summed_over_periods_is_the_ratio_of_the_sums_not_the_mean_of_the_ratios():
    quarters = [pair(9.0, 10.0), pair(10.0, 100.0)]  # 90% of 10, then 10% of 100
    combined = rollup.combine(RATE, quarters)
    assert combined.pairs == [(19.0, 110.0)]
    assert rollup.rolled_realisasi(RATE, quarters) == 19 / 110 * 100  # 17,27%, where the mean of ratios is 50%
    assert rollup.rolled_realisasi(RATE, quarters) != (90.0 + 10.0) / 2


def test_counts_are_summed_and_a_blank_period_adds_nothing():
    quarters = [IndicatorInput("C1", value=30.0), IndicatorInput("C1"), IndicatorInput("C1", value=25.0)]
    assert rollup.combine(COUNT, quarters).value == 55.0
    assert rollup.rolled_realisasi(COUNT, [IndicatorInput("C1")] * 2) is None


def test_the_latest_period_holds_the_year_for_nilai_akhir():
    quarters = [pair(50.0, 100.0, "S1"), pair(70.0, 110.0, "S1"), pair(99.0, 120.0, "S1")]
    assert rollup.combine(SHARE, quarters).pairs == [(99.0, 120.0)]
    assert rollup.rolled_realisasi(SHARE, quarters) == 99 / 120 * 100


def test_rerata_is_the_mean_of_each_periods_exact_realisasi():
    quarters = [pair(240.0, 3.0, "M1"), pair(270.0, 3.0, "M1"), pair(None, None, "M1")]
    assert rollup.rolled_realisasi(MEAN, quarters) == (240 / 3 / 25 + 270 / 3 / 25) / 2


def test_nihil_periods():
    # every period NIHIL: the year is NIHIL (realisasi 100); one period with events: those events count
    assert rollup.rolled_realisasi(RATE, [pair(None, None, nihil=True)] * 4) == 100.0
    mixed = [pair(None, None, nihil=True), pair(3.0, 4.0), pair(None, None, nihil=True)]
    assert rollup.combine(RATE, mixed).nihil is False
    assert rollup.rolled_realisasi(RATE, mixed) == 75.0
    assert rollup.combine(SHARE, [pair(1.0, 2.0, "S1"), pair(None, None, "S1", nihil=True)]).nihil is True


def test_sub_rates_sum_each_pair_separately():
    quarters = [IndicatorInput("U1", pairs=[(1.0, 2.0), (3.0, 4.0)]),
                IndicatorInput("U1", pairs=[(5.0, 6.0), (7.0, 8.0)])]
    assert rollup.combine(SUBS, quarters).pairs == [(6.0, 8.0), (10.0, 12.0)]
    assert rollup.rolled_realisasi(SUBS, quarters) == (6 / 8 * 100 + 10 / 12 * 100) / 2


def test_one_period_rolls_up_to_itself_for_every_rule():
    for indicator, reported in ((RATE, pair(3.0, 4.0)), (COUNT, IndicatorInput("C1", value=7.0)),
                                (SHARE, pair(3.0, 4.0, "S1")), (MEAN, pair(240.0, 3.0, "M1"))):
        assert rollup.rolled_realisasi(indicator, [reported]) == methods.realisasi(indicator, reported)


def test_evaluate_scores_against_the_given_target():
    result = rollup.evaluate(COUNT, [IndicatorInput("C1", value=30.0), IndicatorInput("C1", value=25.0)], 50.0,
                             AchievementRule())
    assert (result.realisasi, result.capaian, result.tercapai) == (55.0, 55 / 50 * 100, True)


def test_projection_only_where_counts_add_up():
    assert rollup.projection(COUNT, 55.0, 2, 4) == 110.0
    assert rollup.projection(COUNT, 55.0, 4, 4) is None  # the year is in: nothing to project
    assert rollup.projection(RATE, 17.0, 2, 4) is None  # a ratio of sums stays a ratio
    assert rollup.projection(SHARE, 80.0, 2, 4) is None
    assert rollup.projection_formula("E5", 2, 4) == 'IF(E5="","",E5/2*4)'


def test_the_formula_twins_name_every_period():
    refs = [InputRefs(value=f"'TW{k}'!K9", pairs=((f"'TW{k}'!I9", f"'TW{k}'!J9"),), nihil=f"'TW{k}'!L9")
            for k in (1, 2)]
    summed = rollup.combined_formulas(RATE, refs)
    assert summed.pairs == (("IF(COUNT('TW1'!I9,'TW2'!I9)=0,\"\",SUM('TW1'!I9,'TW2'!I9))",
                             "IF(COUNT('TW1'!J9,'TW2'!J9)=0,\"\",SUM('TW1'!J9,'TW2'!J9))"),)
    assert summed.nihil == "IF(AND('TW1'!L9=\"Ya\",'TW2'!L9=\"Ya\"),\"Ya\",\"\")"
    last = rollup.combined_formulas(SHARE, refs)
    assert last.pairs == (("IF('TW2'!I9=\"\",\"\",'TW2'!I9)", "IF('TW2'!J9=\"\",\"\",'TW2'!J9)"),)
    assert rollup.mean_realisasi_formula(["'TW1'!E9", "'TW2'!E9"]) == (
        "IF(COUNT('TW1'!E9,'TW2'!E9)=0,\"\",AVERAGE('TW1'!E9,'TW2'!E9))")


def test_a_period_without_events_of_a_summed_ratio_is_no_error_but_the_year_still_needs_a_penyebut(tmp_path):
    from lkjip_xl.forms import write_form
    from lkjip_xl.model import Master
    from lkjip_xl.validate import check_path
    quiet = replace(RATE, nihil=False)
    master = Master("Kantor Contoh", 2024, (quiet,))
    for period, expected in (("Triwulan II", []), ("Tahunan", ["denominator_zero"])):
        path = write_form(master, "D", tmp_path / f"{period}.xlsx", period=period,
                          inputs={"R1": pair(0.0, 0.0)})
        assert [p.code for p in check_path(str(path)).problems if p.is_error] == expected
    rest = [pair(0.0, 0.0), pair(3.0, 4.0)]
    assert rollup.rolled_realisasi(quiet, rest) == 75.0


# --------------------------------------------------------------------------- the latest present period


def test_latest_present_skips_blank_periods_for_nilai_akhir():
    """Sub-period rows (a month left blank) take the latest period holding any input; the default keeps
    the last period as it is (a period consolidation: a blank last period stays blank)."""
    months = [pair(50.0, 100.0, "S1"), pair(70.0, 110.0, "S1"), IndicatorInput("S1"), pair(None, None, "S1")]
    assert rollup.combine(SHARE, months, latest_present=True).pairs == [(70.0, 110.0)]
    assert rollup.combine(SHARE, months).pairs == [(None, None)]
    assert rollup.combine(SHARE, [IndicatorInput("S1")] * 3, latest_present=True).pairs == []
    nihil_last = [pair(1.0, 2.0, "S1"), pair(None, None, "S1", nihil=True), IndicatorInput("S1")]
    assert rollup.combine(SHARE, nihil_last, latest_present=True).nihil is True  # NIHIL is an input
    # jumlah sums whatever is present: latest_present changes nothing
    assert rollup.combine(RATE, [pair(9.0, 10.0), IndicatorInput("R1"), pair(10.0, 100.0)],
                          latest_present=True).pairs == [(19.0, 110.0)]
    assert rollup.present(IndicatorInput("X", value=0.0)) and not rollup.present(IndicatorInput("X"))


def test_the_latest_present_formula_nests_from_the_last_period_backwards():
    refs = [InputRefs(pairs=((f"I{r}", f"J{r}"),), nihil=f"L{r}") for r in (10, 11)]
    formulas = rollup.combined_formulas(SHARE, refs, latest_present=True)
    present = 'OR(I{r}<>"",J{r}<>"",L{r}="Ya")'
    assert formulas.pairs[0][0] == (f'IF({present.format(r=11)},IF(I11="","",I11),'
                                    f'IF({present.format(r=10)},IF(I10="","",I10),""))')
    assert formulas.nihil == (f'IF({present.format(r=11)},IF(L11="Ya","Ya",""),'
                              f'IF({present.format(r=10)},IF(L10="Ya","Ya",""),""))')
    typed = rollup.combined_formulas(replace(COUNT, period_rule=PeriodRule.NILAI_AKHIR),
                                     [InputRefs(value="K10"), InputRefs(value="K11")], latest_present=True)
    assert typed.value == 'IF(OR(K11<>""),IF(K11="","",K11),IF(OR(K10<>""),IF(K10="","",K10),""))'
    # jumlah: the sums of every period, as in a period consolidation
    assert rollup.combined_formulas(RATE, refs, latest_present=True) == rollup.combined_formulas(RATE, refs)
