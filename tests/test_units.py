"""lkjip_xl/units.py: units as a vocabulary with aliases, and every unit rule asking it.

"persen" (the Pemda spelling) is a percentage like "%": a fraction typed for a
percentage gets the same question, "93 persen" is read as 93, forms and tables
show it as a percentage.
"""

from __future__ import annotations

import pytest

from fixtures_bad import cell_of, set_cells
from lkjip_xl import units
from lkjip_xl.validate import check_path
from lkjip_xl.forms import write_form
from lkjip_xl.layout import COL_REAL
from lkjip_xl.model import Indicator, IndicatorInput, Master
from lkjip_xl.numbers import excel_number_format, format_with_unit, parse_number, unit_kind


@pytest.mark.parametrize("spelling", ["%", "persen", "Persen", " PERSEN ", "percent", "prosen"])
def test_every_spelling_of_percent_is_one_unit(spelling):
    assert units.lookup(spelling) is units.PERCENT
    assert units.is_percent(spelling) and unit_kind(spelling) == "percent"
    assert units.same_unit(spelling, "%")
    assert excel_number_format(spelling, 2) == '#,##0.00"%"'
    assert format_with_unit(93.0, spelling) == "93%"


def test_index_and_other_units():
    for spelling in ("Indeks", "indeks", "Index", "nilai indeks"):
        assert units.lookup(spelling) is units.INDEX and unit_kind(spelling) == "index"
    assert format_with_unit(82.0, "index") == "82 (Indeks)"
    assert units.lookup("Desa") is None and unit_kind("Desa") == "decimal"
    assert units.same_unit("Desa", "desa") and not units.same_unit("Desa", "Orang")
    assert format_with_unit(21.0, "Layanan") == "21 Layanan"
    assert units.shown("persen") == "%" and units.shown("Dokumen") == "Dokumen"
    with pytest.raises(ValueError, match="already registered"):
        units.register(units.Unit("Persen", (), "percent", "{number}%"))


def test_a_number_with_an_alias_of_its_unit_is_read():
    assert parse_number("93 persen", "percent", "persen").value == 93.0
    assert parse_number("93%", "percent", "persen").unit == "%"
    assert parse_number("82 (Indeks)", "index", "nilai indeks").value == 82.0


def _persen_form(path, value):
    indicator = Indicator("P1", "Bidang Uji", 1, "Sasaran", 1, "Persentase dokumen selesai", "persen", 95.0)
    master = Master("Pemerintah Kabupaten Uji", 2024, (indicator,))
    write_form(master, "Bidang Uji", path, inputs={"P1": IndicatorInput("P1", value=value)})
    return indicator


def test_a_fraction_typed_for_persen_gets_a_question_not_silence(tmp_path):
    path = tmp_path / "f.xlsx"
    _persen_form(path, 0.93)
    checked = check_path(str(path))
    [problem] = [p for p in checked.problems if p.code == "percent_as_fraction"]
    assert not problem.is_error
    assert "Apakah maksudnya 93%?" in problem.message and problem.cell == cell_of(path, "P1", COL_REAL)


def test_persen_typed_as_text_is_read(tmp_path):
    plain = tmp_path / "polos.xlsx"
    _persen_form(plain, None)
    path = tmp_path / "f.xlsx"
    set_cells(plain, {cell_of(plain, "P1", COL_REAL): "93 persen"})(path)
    assert check_path(str(path)).inputs["P1"].value == 93.0
