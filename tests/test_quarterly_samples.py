"""The bundled 2023 quarterly samples roll up exactly to the annual samples (see samples/CATATAN_SAMPEL.md,
"Sampel triwulan").

The four quarters of every IKK, read back from the committed forms of samples/formulir_triwulan/ and
combined by the IKK's "Gabungan Periode", give the realisasi, capaian and status of the annual forms
to the last bit; the split itself keeps every quarterly figure the report prints.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_xl import methods, rollup
from lkjip_xl.cli import cli
from lkjip_xl.consolidate import consolidate
from lkjip_xl.checks import check_form
from lkjip_xl.master import read_master
from lkjip_xl.model import IndicatorInput
from lkjip_xl.periods import PeriodRule, calendar
from lkjip_xl.reader import read_form
from lkjip_xl.validate import validate_files
from sample_files import sample_script

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MASTER = read_master(SAMPLES / "master_pk_2023.xlsx")
QUARTERS = calendar(MASTER.calendar).labels
INDICATORS = {i.code: i for i in MASTER.indicators}


ANNUAL_CSV = sample_script("build_samples").load_inputs()
QUARTER_CSV = sample_script("build_quarterly_samples").load_quarters()


def _read_inputs(paths) -> dict[str, IndicatorInput]:
    inputs: dict[str, IndicatorInput] = {}
    for path in paths:
        inputs.update(check_form(read_form(path)).inputs)
    return inputs


@pytest.fixture(scope="module")
def annual() -> dict[str, IndicatorInput]:
    return _read_inputs(sorted((SAMPLES / "formulir").glob("*.xlsx")))


@pytest.fixture(scope="module")
def quarterly() -> list[dict[str, IndicatorInput]]:
    """What the 16 committed forms say, one dict per quarter (TW I..IV), read as consolidation reads them."""
    by_period: dict[str, list[Path]] = {}
    for path in sorted((SAMPLES / "formulir_triwulan").glob("*.xlsx")):
        by_period.setdefault(read_form(path).period, []).append(path)
    assert sorted(by_period) == sorted(QUARTERS)
    return [_read_inputs(by_period[label]) for label in QUARTERS]


# --------------------------------------------------------------------------- period rules


def test_period_rules_of_the_master():
    counts = Counter(i.period_rule for i in MASTER.indicators)
    assert counts == {PeriodRule.JUMLAH: 27, PeriodRule.NILAI_AKHIR: 33}
    # counts typed directly are summed, except the distinct institutions of SK21 (a stock)
    for indicator in MASTER.indicators:
        if methods.spec(indicator.method).typed_realisasi and indicator.unit not in ("%", "Indeks"):
            expected = PeriodRule.NILAI_AKHIR if indicator.sk_no == 21 else PeriodRule.JUMLAH
            assert indicator.period_rule is expected, indicator.code
    # every NIHIL IKK counts events: one event in any quarter must count for the year
    assert all(i.period_rule is PeriodRule.JUMLAH for i in MASTER.indicators if i.nihil)


# --------------------------------------------------------------------------- the CSV split


def _numbers(reported: IndicatorInput) -> list[float | None]:
    return [reported.value, *(side for pair in reported.pairs for side in pair)]


def _same_inputs(a: IndicatorInput, b: IndicatorInput) -> bool:
    """Equal value, pairs (an all-blank pair is no pair) and NIHIL, bit for bit."""
    def pairs(r: IndicatorInput):
        return [p for p in r.pairs if p != (None, None)]
    return (a.value, pairs(a), a.nihil) == (b.value, pairs(b), b.nihil)


@pytest.mark.parametrize("code", list(INDICATORS))
def test_csv_quarters_combine_to_the_annual_inputs(code):
    indicator = INDICATORS[code]
    quarters = [QUARTER_CSV[label][code] for label in QUARTERS]
    year = ANNUAL_CSV[code]
    if indicator.period_rule is PeriodRule.JUMLAH:
        for q in quarters:  # whole numbers, so that the sums are exact
            assert all(n is None or n == int(n) for n in _numbers(q)), (code, q)
        for side in range(len(_numbers(year))):
            column = [_numbers(q)[side] for q in quarters]
            total = None if all(n is None for n in column) else sum(n or 0 for n in column)
            assert total == _numbers(year)[side], (code, side, column)
        assert all(q.nihil for q in quarters) == year.nihil
    else:
        assert _same_inputs(quarters[-1], year), code
    assert _same_inputs(rollup.combine(indicator, quarters), year), code


def test_a_ratio_split_over_different_denominators():
    remisi = [QUARTER_CSV[label]["SK04-IKK2"].pairs[0][1] for label in QUARTERS]
    assert len(set(remisi)) == 4


#: Tabel 3.2 (L974–L989): NILAI TOTAL INDEKS of each month, January to December.
SURVEI_INTEGRITAS = (96.84, 96.05, 95.84, 95.11, 95.93, 96.90, 95.41, 96.10, 95.97, 96.15, 97.25, 96.48)
#: Tabel 3.20 (L1436–L1448): (proposed, obtained) by remission, in the quarter of its day in 2023.
REMISI = {1: [(7, 5), (0, 0)], 2: [(1429, 1303), (38, 38)], 3: [(1587, 1551)], 4: [(36, 36)]}
#: Counts of dated events the report lists, per quarter.
DATED_EVENTS = {
    "SK14-IKK2": (1, 4, 3, 0),  # L3975–L3982
    "SK15-IKK2": (1, 0, 2, 0),  # L4142–L4144
    "SK15-IKK3": (0, 0, 1, 0),  # the certification of 14 Agustus 2023, L4143
    "SK16-IKK2": (1, 0, 0, 0),  # 2 Maret 2023, L4366
    "SK21-IKK2": (0, 0, 0, 7),  # letter of 15 November 2023, L5161
    "SK21-IKK3": (0, 0, 0, 4),  # SK Menteri of 6 November 2023, L5226
}


def _quarter(code: str, k: int) -> IndicatorInput:
    return QUARTER_CSV[QUARTERS[k - 1]][code]


def test_the_split_keeps_the_figures_the_report_prints():
    for k in range(1, 5):
        months = SURVEI_INTEGRITAS[:3 * k]
        assert _quarter("SK01-IKK1", k).pairs == [(round(sum(months), 2), 3 * k)]
        assert _quarter("SK04-IKK2", k).pairs == [(sum(o for _, o in REMISI[k]), sum(p for p, _ in REMISI[k]))]
        for code, counts in DATED_EVENTS.items():
            assert _quarter(code, k).value == counts[k - 1], (code, k)
    # SK19-IKK1: activities of 01/02/2023 (L4600) and 8 Juni 2023 (L4606)
    assert _quarter("SK19-IKK1", 1).value >= 1 and _quarter("SK19-IKK1", 2).value >= 1
    # SK11-IKK2: the 2023 survey ran 16–27 Oktober (L3618); before it, the 2022 IPK 3,85 (L3669)
    for k in (1, 2, 3):
        assert methods.realisasi(INDICATORS["SK11-IKK2"], _quarter("SK11-IKK2", k)) == 3.85
    # SK04-IKK3: asimilasi rumah (287 of 282 proposed) ended in June (L1580): TW III–IV hold PB and CB only
    later = [_quarter("SK04-IKK3", k).pairs[0] for k in (3, 4)]
    assert sum(n for n, _ in later) <= 458 + 195 and sum(d for _, d in later) <= 628 + 383
    # SK04-IKK7: the asimilasi rumah denominator stops growing after June (L1580)
    assert len({_quarter("SK04-IKK7", k).pairs[0][1] for k in (2, 3, 4)}) == 1
    # SK10-IKK7: most TB positives were found by the November screening (L3435–L3440)
    tb = [_quarter("SK10-IKK7", k).pairs[1][1] for k in (3, 4)]
    assert tb[1] > 2 * tb[0]


# --------------------------------------------------------------------------- the committed forms


def test_sixteen_forms_four_divisi_per_quarter():
    forms = [read_form(p) for p in sorted((SAMPLES / "formulir_triwulan").glob("*.xlsx"))]
    assert len(forms) == 16
    assert Counter((f.divisi, f.period) for f in forms) == Counter(
        (d, q) for d in MASTER.divisi_order for q in QUARTERS)


def test_quarterly_forms_have_no_errors():
    validation = validate_files([SAMPLES / "formulir_triwulan"], MASTER)
    assert not [p for p in validation.problems if p.is_error]
    # the only warnings are the annual sample's own: shares above 100% that the report keeps
    assert {(p.code, p.ikk) for p in validation.problems} == {
        ("numerator_exceeds_denominator", "SK03-IKK2"), ("numerator_exceeds_denominator", "SK04-IKK7")}


@pytest.mark.parametrize("code", list(INDICATORS))
def test_quarters_roll_up_to_the_annual_result(annual, quarterly, code):
    indicator = INDICATORS[code]
    year = methods.evaluate(indicator, annual[code], MASTER.achievement)
    rolled = rollup.evaluate(indicator, [q[code] for q in quarterly], indicator.target, MASTER.achievement)
    assert year.realisasi is not None
    assert rolled.realisasi == year.realisasi  # exactly: the same float
    assert rolled.capaian == year.capaian
    assert rolled.tercapai == year.tercapai


def test_the_year_of_quarters_is_54_of_60(quarterly):
    results = [rollup.evaluate(i, [q[i.code] for q in quarterly], i.target, MASTER.achievement)
               for i in MASTER.indicators]
    assert sum(r.tercapai for r in results) == 54
    assert [r.indicator.code for r in results if not r.tercapai] == [
        "SK04-IKK2", "SK04-IKK3", "SK04-IKK4", "SK04-IKK6", "SK05-IKK2", "SK10-IKK7"]


# --------------------------------------------------------------------------- consolidating the quarters


def _consolidate_cli(folder: Path, out: Path):
    return CliRunner().invoke(cli, ["consolidate", str(folder), "--master", str(SAMPLES / "master_pk_2023.xlsx"),
                                    "--out", str(out)], catch_exceptions=False)


def test_cli_consolidates_the_four_quarters_into_the_year(tmp_path):
    result = _consolidate_cli(SAMPLES / "formulir_triwulan", tmp_path / "tahun.xlsx")
    assert result.exit_code == 0, result.output
    assert "54 dari 60 IKK tercapai." in result.output
    assert "s.d." not in result.output.splitlines()[-1]


def test_the_year_of_quarters_equals_the_annual_consolidation(tmp_path):
    quarters = consolidate([SAMPLES / "formulir_triwulan"], tmp_path / "triwulan.xlsx", MASTER)
    year = consolidate([SAMPLES / "formulir"], tmp_path / "tahunan.xlsx", MASTER)
    assert quarters.summary.headline == year.summary.headline == "54 dari 60 IKK tercapai"
    assert [(r.indicator.code, r.realisasi, r.capaian, r.tercapai) for r in quarters.results] == [
        (r.indicator.code, r.realisasi, r.capaian, r.tercapai) for r in year.results]


def test_only_the_first_two_quarters_give_an_s_d_headline(tmp_path):
    folder = tmp_path / "tw1_tw2"
    folder.mkdir()
    for path in (SAMPLES / "formulir_triwulan").glob("*.xlsx"):
        if read_form(path).period in QUARTERS[:2]:
            shutil.copy(path, folder / path.name)
    assert len(list(folder.iterdir())) == 8
    result = _consolidate_cli(folder, tmp_path / "sd_tw2.xlsx")
    assert result.exit_code == 0, result.output
    headline = result.output.strip().splitlines()[-1]
    assert "s.d. Triwulan II Tahun 2023" in headline
    assert "54 dari 60" not in headline
