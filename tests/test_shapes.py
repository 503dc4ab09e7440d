"""docs/bentuk_indikator.md: every indicator shape, its worked example, computed and recomputed.

Each :data:`SHAPES` entry is one shape of the page: the master row that
declares it (method, direction, unit, target), the inputs of its worked
example and the realisasi and capaian the page prints.  One master holds them
all; its forms are filled with the examples, consolidated through the public
API, and LibreOffice recomputes every formula of the consolidated workbook.
The page must print each shape's numbers as the test computes them, so the
documentation cannot drift from the code.  Combinations that cannot mean
anything are refused by the master with their reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from engine import assert_formulas_match
from lkjip_xl import consolidate, write_forms
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.model import Direction, Indicator, IndicatorInput, Master, Method
from lkjip_xl.numbers import format_number
from lkjip_xl.template import write_master

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "bentuk_indikator.md"


@dataclass(frozen=True)
class Shape:
    anchor: str  #: the page's heading id ("bagian-dari-total")
    indicator: Indicator
    inputs: IndicatorInput
    realisasi: float
    capaian: float


def _ikk(n: int, text: str, unit: str, target: float, method: Method, **fields) -> Indicator:
    return Indicator(f"BI{n:02d}", "Contoh", n, f"Sasaran {n}", 1, text, unit, target, method=method, **fields)


SHAPES = (
    # real: LKjIP 2023 Kanwil Babel, Tabel 3.20 (SK04-IKK2)
    Shape("bagian-dari-total", _ikk(1, "Persentase narapidana yang mendapatkan hak remisi", "%", 99.0, Method.RASIO),
          IndicatorInput("BI01", pairs=[(2933.0, 3097.0)]), 2933 / 3097 * 100, 2933 / 3097 * 100 / 99 * 100),
    # constructed: a Pengadilan Agama's "penurunan sisa perkara", 60 at 1 January, 30 at 31 December
    Shape("penurunan-stok", _ikk(2, "Persentase penurunan sisa perkara", "%", 3.0, Method.PENURUNAN,
                                 may_be_negative=True),
          IndicatorInput("BI02", pairs=[(30.0, 60.0)]), 50.0, 50 / 3 * 100),
    # real: SK12-IKK1, PNBP 2023 against the 2022 figure the report compares with
    Shape("pertumbuhan", _ikk(3, "Persentase peningkatan PNBP", "%", 5.0, Method.PERUBAHAN, may_be_negative=True),
          IndicatorInput("BI03", pairs=[(1173650000.0, 1113800625.0)]),
          (1173650000 - 1113800625) / 1113800625 * 100, (1173650000 - 1113800625) / 1113800625 * 100 / 5 * 100),
    # real: SK01-IKK1, Tabel 3.2: twelve monthly scores on 1–100, shown on 1–4
    Shape("indeks-skala", _ikk(4, "Indeks kepuasan layanan internal", "Indeks", 3.1, Method.SURVEI,
                               scale_divisor=25.0),
          IndicatorInput("BI04", pairs=[(1154.03, 12.0)]), 1154.03 / 12 / 25, 1154.03 / 12 / 25 / 3.1 * 100),
    # real: SK06-IKK2 as its title reads (fewer children sentenced to prison is better)
    Shape("makin-rendah-makin-baik", _ikk(5, "Persentase anak yang mendapatkan putusan pidana penjara", "%", 55.0,
                                          Method.RASIO, direction=Direction.TURUN),
          IndicatorInput("BI05", pairs=[(25.0, 35.0)]), 25 / 35 * 100, (2 * 55 - 25 / 35 * 100) / 55 * 100),
    # real: SK10-IKK7, the mean of the exact sub-rates
    Shape("rerata-sub-rasio", _ikk(6, "Persentase keberhasilan penanganan penyakit menular", "%", 80.0,
                                   Method.RERATA_SUBRASIO, sub_labels=("HIV-AIDS", "TB")),
          IndicatorInput("BI06", pairs=[(6.0, 17.0), (1.0, 33.0)]),
          (6 / 17 * 100 + 1 / 33 * 100) / 2, (6 / 17 * 100 + 1 / 33 * 100) / 2 / 80 * 100),
    # constructed: a count typed directly, summed over the year's months in the monitoring forms
    Shape("jumlah-kejadian", _ikk(7, "Jumlah layanan konsultasi yang diberikan", "Layanan", 40.0, Method.LANGSUNG),
          IndicatorInput("BI07", value=46.0), 46.0, 46 / 40 * 100),
)
MASTER = Master("Kantor Contoh", 2024, tuple(s.indicator for s in SHAPES))


def test_every_shape_is_computed_as_the_page_says_and_recomputed_by_libreoffice(tmp_path):
    master_path = write_master(MASTER, tmp_path / "master.xlsx")
    assert read_master(master_path) == MASTER
    [form] = write_forms(MASTER, tmp_path / "formulir", inputs={s.indicator.code: s.inputs for s in SHAPES})
    result = consolidate(form, tmp_path / "konsolidasi.xlsx", master=master_path)
    assert result.report.valid, result.report.problems
    got = {r.indicator.code: (r.realisasi, r.capaian) for r in result.results}
    for shape in SHAPES:
        real, cap = got[shape.indicator.code]
        assert real == pytest.approx(shape.realisasi, rel=1e-15), shape.anchor
        assert cap == pytest.approx(shape.capaian, rel=1e-15), shape.anchor
    assert_formulas_match(result.output, tmp_path)


def _section(anchor: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(rf'<a id="{anchor}"></a>(.*?)(?=<a id="|\Z)', text, re.S)
    assert found, f"docs/bentuk_indikator.md has no section {anchor}"
    return found.group(1)


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.anchor)
def test_the_page_prints_each_worked_example_as_computed(shape):
    section = _section(shape.anchor)
    assert f"`{shape.indicator.method}`" in section
    assert f"`{shape.indicator.direction.value}`" in section or shape.indicator.direction is Direction.NAIK
    for value in (shape.realisasi, shape.capaian):
        assert format_number(value, 2) in section, (shape.anchor, format_number(value, 2))
    assert f"{Path(__file__).name}" in PAGE.read_text(encoding="utf-8")


def _refused(tmp_path, indicator: Indicator) -> list[str]:
    path = write_master(replace(MASTER, indicators=(indicator,)), tmp_path / "master.xlsx")
    with pytest.raises(MasterError) as caught:
        read_master(path)
    return [f"{p.cell}: {p.message.split('tidak valid: ', 1)[1]}" for p in caught.value.problems]


def test_a_decrease_declared_lower_is_better_is_refused_with_the_reason(tmp_path):
    bad = replace(SHAPES[1].indicator, direction=Direction.TURUN)
    assert _refused(tmp_path, bad) == [
        "M2: penurunan sudah berarti makin turun makin baik (realisasi = persen yang berkurang); isi Arah naik."]


def test_lower_is_better_with_a_negative_target_is_refused_with_the_reason(tmp_path):
    bad = replace(SHAPES[2].indicator, direction=Direction.TURUN, target=-3.0)
    [message] = _refused(tmp_path, bad)
    assert message.startswith("M2: arah turun menghitung capaian (2 × target − realisasi) / target")
    assert "gunakan Cara Hitung penurunan" in message


def test_the_decrease_method_gives_the_reports_figure_where_change_and_turun_did_not():
    """The issue's case: `perubahan` + `turun` gave 1866,67%; the report and the arithmetic say 1666,67%."""
    from lkjip_xl import methods
    shape = SHAPES[1]
    result = methods.evaluate(shape.indicator, shape.inputs, MASTER.achievement)
    assert format_number(result.capaian, 2) == "1.666,67"
