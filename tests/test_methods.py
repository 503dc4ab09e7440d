"""lkjip_xl/methods.py: one specification per calculation method, and nothing else to change for a new one.

The fixture ``selisih`` registers a toy method — realisasi = nilai − pembanding,
typed as Pembilang and Penyebut — the way a new method would be added: its
function and formula (here, beside the test), its texts and one registry entry.
The pipeline then runs on it unchanged: master row → ``lkjip-xl forms`` → the
form filled with openpyxl → ``lkjip-xl validate`` → ``lkjip-xl consolidate`` →
LibreOffice recomputes the consolidated workbook and a pre-filled form.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import assert_formulas_match
from signing import sign
from lkjip_xl import calc, forms, methods
from lkjip_xl.calc import InputRefs
from lkjip_xl.cli import cli
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.messages import MESSAGES
from lkjip_xl.methods import METHODS, Inputs, MethodSpec, Share
from lkjip_xl.model import AchievementRule, Direction, Indicator, IndicatorInput, Master, Method
from lkjip_xl.template import write_master

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- the toy method


def difference(indicator: Indicator, reported: IndicatorInput) -> float | None:
    """nilai − pembanding; a pembanding of 0 is an ordinary value here."""
    numerator, denominator = reported.pairs[0] if reported.pairs else (None, None)
    if numerator is None or denominator is None:
        return None
    return calc.finite(numerator - denominator)


def difference_formula(indicator: Indicator, refs: InputRefs) -> str:
    num, den = refs.pairs[0]
    return f'IF(OR({num}="",{den}=""),"",{num}-{den})'


SELISIH = MethodSpec("selisih", Inputs.PAIR, difference, difference_formula, guide="method_guide_selisih",
                     description="method_selisih", divides=False)
TEXTS = {"method_guide_selisih": "nilai−pembanding", "method_selisih": "Nilai (pembilang) − pembanding (penyebut)"}


@pytest.fixture
def selisih(monkeypatch):
    """The toy method, registered for one test and removed after it."""
    for code, text in TEXTS.items():
        monkeypatch.setitem(MESSAGES, code, text)
    methods.register(SELISIH)
    try:
        yield SELISIH
    finally:
        METHODS.pop("selisih")


KANWIL = "Kantor Wilayah Uji Cara Hitung"
YEAR = 2024
UMUM = "Umum"
SK = "Meningkatnya layanan"


def ikk(code: str, ikk_no: int, text: str, unit: str, target: float, **fields) -> Indicator:
    return Indicator(code=code, divisi=UMUM, sk_no=1, sk_text=SK, ikk_no=ikk_no, text=text, unit=unit,
                     target=target, **fields)


MASTER = Master(KANWIL, YEAR, achievement=AchievementRule(), indicators=(
    ikk("UJ01-IKK1", 1, "Tambahan layanan dibanding tahun lalu", "Layanan", 40.0, method="selisih"),
    ikk("UJ01-IKK2", 2, "Tambahan keluhan dibanding tahun lalu", "Keluhan", 10.0, method="selisih",
        direction=Direction.TURUN),
    ikk("UJ01-IKK3", 3, "Kegiatan baru (tahun lalu belum ada)", "Kegiatan", 5.0, method="selisih"),
    ikk("UJ01-IKK4", 4, "Persentase layanan tepat waktu", "%", 80.0, method=Method.RASIO),
))
FILL = {  # code → (Pembilang, Penyebut)
    "UJ01-IKK1": (1250, 1200),
    "UJ01-IKK2": (8, 5),
    "UJ01-IKK3": (4, 0),  # a pembanding of 0: no error, the penyebut does not divide
    "UJ01-IKK4": (45, 60),
}
#: code → (realisasi, capaian, status), by the toy's rule and each IKK's direction
EXPECTED = {
    "UJ01-IKK1": (50.0, 50.0 / 40.0 * 100, "Tercapai"),
    "UJ01-IKK2": (3.0, (2 * 10.0 - 3.0) / 10.0 * 100, "Tercapai"),
    "UJ01-IKK3": (4.0, 4.0 / 5.0 * 100, "Tidak Tercapai"),
    "UJ01-IKK4": (45 / 60 * 100, 45 / 60 * 100 / 80.0 * 100, "Tidak Tercapai"),
}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def form_table(sheet) -> tuple[dict[str, int], dict[str, int]]:
    """{column title: column} of the header row and {row code: row} below it."""
    for row in sheet.iter_rows(min_row=1, max_row=30):
        titles = {c.value: c.column for c in row if isinstance(c.value, str)}
        if "Kode IKK" in titles:
            header = row[0].row
            break
    rows = {sheet.cell(r, titles["Kode IKK"]).value: r for r in range(header + 1, sheet.max_row + 1)
            if sheet.cell(r, titles["Kode IKK"]).value}
    return titles, rows


def test_a_registered_method_runs_through_the_whole_pipeline(selisih, tmp_path):
    # master row: written with the method in its dropdown and guide, read back as the plain name
    master_path = write_master(MASTER, tmp_path / "master.xlsx")
    book = openpyxl.load_workbook(master_path)
    lists = [v.formula1 for v in book["PK"].data_validations.dataValidation if v.type == "list"]
    assert '"langsung,rasio,survei,rerata_subrasio,perubahan,penurunan,selisih"' in lists
    guide = {row[0]: row[1] for row in book["Petunjuk"].iter_rows(values_only=True)}
    assert guide["Cara Hitung"].endswith(
        "; penurunan: (nilai awal−nilai akhir)/nilai awal×100; selisih: nilai−pembanding")
    book.close()
    master = read_master(master_path)
    assert master == MASTER
    assert master.indicators[0].method == "selisih" and methods.input_pairs(master.indicators[0]) == 1

    # the form: Pembilang and Penyebut open, realisasi a live formula, the method described
    result = run("forms", master_path, "--out-dir", tmp_path / "formulir")
    assert result.exit_code == 0, result.output
    [form_path] = (tmp_path / "formulir").iterdir()
    book = openpyxl.load_workbook(form_path)
    sheet = book["Formulir"]
    col, rows = form_table(sheet)
    assert list(rows) == list(FILL)
    for code in ("UJ01-IKK1", "UJ01-IKK2", "UJ01-IKK3"):
        r = rows[code]
        assert [sheet.cell(r, col[t]).protection.locked for t in ("Pembilang", "Penyebut", "Realisasi")] == [
            False, False, True]
        num, den = (sheet.cell(r, col[t]).coordinate for t in ("Pembilang", "Penyebut"))
        assert sheet.cell(r, col["Realisasi"]).value == f'=IF(OR({num}="",{den}=""),"",{num}-{den})'
    assert sheet.cell(rows["UJ01-IKK1"], col["Cara Perhitungan"]).value == TEXTS["method_selisih"]
    assert sheet.cell(rows["UJ01-IKK2"], col["Cara Perhitungan"]).value == (
        TEXTS["method_selisih"] + ". Makin rendah makin baik")

    # filled with openpyxl, input cells only
    for code, pair in FILL.items():
        for title, value in zip(("Pembilang", "Penyebut"), pair):
            cell = sheet.cell(rows[code], col[title])
            assert not cell.protection.locked
            cell.value = value
    sign(book)
    (tmp_path / "diisi").mkdir()
    book.save(tmp_path / "diisi" / form_path.name)
    book.close()

    result = run("validate", tmp_path / "diisi", "--master", master_path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["problems"] == []

    out = tmp_path / "konsolidasi.xlsx"
    result = run("consolidate", tmp_path / "diisi", "--master", master_path, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("2 dari 4 IKK tercapai.\n")
    values = openpyxl.load_workbook(out, data_only=True)
    sheet = values["Capaian Kinerja"]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "No")
    col = {sheet.cell(header, c).value: c for c in range(1, sheet.max_column + 1) if sheet.cell(header, c).value}
    real, cap, status = col["Realisasi"], col["Capaian"], col["Status"]
    got = {}
    for r in range(header + 1, sheet.max_row + 1):
        code = sheet.cell(r, col["Kode IKK"]).value
        if code:
            got[code] = (sheet.cell(r, col["Cara Hitung"]).value,
                         (sheet.cell(r, col["Pembilang 1"]).value, sheet.cell(r, col["Penyebut 1"]).value),
                         tuple(sheet.cell(r, c).value for c in (real, cap, status)))
    values.close()
    assert got == {code: ("selisih" if code != "UJ01-IKK4" else "rasio", FILL[code], EXPECTED[code])
                   for code in FILL}
    assert_formulas_match(out, tmp_path)


def test_a_form_of_a_registered_method_recomputes_in_libreoffice(selisih, tmp_path):
    inputs = {code: IndicatorInput(code, pairs=[(float(n), float(d))]) for code, (n, d) in FILL.items()}
    inputs["UJ01-IKK3"] = IndicatorInput("UJ01-IKK3")  # blank inputs: blank realisasi
    path = forms.write_form(MASTER, UMUM, tmp_path / "formulir.xlsx", inputs=inputs)
    assert_formulas_match(path, tmp_path)
    results = [methods.evaluate(i, inputs[i.code], MASTER.achievement) for i in MASTER.indicators]
    assert [r.realisasi for r in results] == [50.0, 3.0, None, 75.0]


def test_the_registry_is_back_to_the_built_in_methods_after_the_toy():
    assert methods.names() == [m.value for m in Method]
    with pytest.raises(ValueError, match="unknown method 'selisih'"):
        methods.spec("selisih")


def test_an_unregistered_method_in_the_master_is_refused_naming_every_method(tmp_path):
    path = write_master(MASTER, tmp_path / "master.xlsx")  # written: "selisih" is only text to the writer
    with pytest.raises(MasterError) as caught:
        read_master(path)
    assert [(p.cell, p.message.split("tidak valid: ", 1)[1]) for p in caught.value.problems] == [
        (f"J{row}", "pilih salah satu: langsung, rasio, survei, rerata_subrasio, perubahan, penurunan.")
        for row in (2, 3, 4)]


# --------------------------------------------------------------------------- the registry


def test_every_built_in_method_is_registered_in_enum_order():
    assert list(METHODS) == list(Method)
    for method in Method:
        assert methods.spec(method) is methods.spec(method.value)
        assert methods.spec(method).method is method
        assert methods.spec(method).name == method.value == str(method)


def test_specs_of_the_built_in_methods():
    shape = {m: (s.inputs, s.row_inputs, s.grey_columns, s.numerator_kind, s.denominator_kind, s.share, s.nihil)
             for m, s in METHODS.items()}
    assert shape == {
        Method.LANGSUNG: (Inputs.VALUE, ("realisasi",), ("pembilang", "penyebut"), "decimal", "decimal",
                          Share.NEVER, False),
        Method.RASIO: (Inputs.PAIR, ("pembilang", "penyebut"), (), "count", "count", Share.PERCENT_UNIT, True),
        Method.SURVEI: (Inputs.PAIR, ("pembilang", "penyebut"), (), "decimal", "count", Share.NEVER, False),
        Method.RERATA_SUBRASIO: (Inputs.SUB_PAIRS, (), ("pembilang", "penyebut"), "count", "count", Share.ALWAYS,
                                 False),
        Method.PERUBAHAN: (Inputs.PAIR, ("pembilang", "penyebut"), (), "decimal", "decimal", Share.NEVER, False),
        Method.PENURUNAN: (Inputs.PAIR, ("pembilang", "penyebut"), (), "decimal", "decimal", Share.NEVER, False),
    }
    rerata = Indicator("X", "D", 1, "SK", 1, "IKK", "%", 80.0, method=Method.RERATA_SUBRASIO, sub_labels=("a", "b"))
    assert [s.pairs(rerata) for s in METHODS.values()] == [0, 1, 1, 2, 1, 1]
    sub_rate = methods.spec(Method.RERATA_SUBRASIO).sub_rate
    assert (sub_rate.value, sub_rate.formula, sub_rate.describe(), sub_rate.unit) == (
        calc.ratio_percent, calc.ratio_percent_formula, "Pembilang / Penyebut × 100", "%")
    assert [s.sub_rate for s in METHODS.values()].count(None) == 5


def test_descriptions_come_from_the_messages():
    survei = Indicator("X", "D", 1, "SK", 1, "IKK", "Indeks", 3.5, method=Method.SURVEI, scale_divisor=25.0)
    assert forms.method_description(survei) == (
        "Jumlah nilai (pembilang) / jumlah periode atau responden (penyebut) / 25")
    rerata = Indicator("X", "D", 1, "SK", 1, "IKK", "%", 80.0, method=Method.RERATA_SUBRASIO, sub_labels=("HIV", "TB"),
                       nihil=True, direction=Direction.TURUN, method_note="Hitung per triwulan")
    assert forms.method_description(rerata) == (
        "Rata-rata sub-rasio: HIV; TB (isi baris di bawahnya). Bila tidak ada kejadian, pilih NIHIL = Ya "
        "(realisasi 100%). Makin rendah makin baik. Hitung per triwulan")
    assert methods.guide() == (
        "langsung: realisasi diketik; rasio: pembilang/penyebut×100; survei: jumlah nilai/jumlah periode/pembagi "
        "skala; rerata_subrasio: rata-rata beberapa rasio; perubahan: (nilai−pembanding)/pembanding×100; "
        "penurunan: (nilai awal−nilai akhir)/nilai awal×100")


@pytest.mark.parametrize("name", ["rasio", "Selisih", " selisih", "sel,isih", "sel;isih", ""])
def test_register_refuses_a_taken_or_unusable_name(name):
    with pytest.raises(ValueError):
        methods.register(MethodSpec(name, Inputs.PAIR, difference, difference_formula, guide="method_guide_rasio",
                                    description="method_rasio"))
    assert list(METHODS) == list(Method)


def test_register_refuses_a_method_without_its_texts_or_parts():
    with pytest.raises(ValueError, match="no message 'method_guide_selisih'"):
        methods.register(SELISIH)
    with pytest.raises(ValueError, match="sub-pairs, and only they"):
        methods.register(MethodSpec("rerata_lain", Inputs.SUB_PAIRS, difference, difference_formula,
                                    guide="method_guide_rasio", description="method_rasio"))
    with pytest.raises(ValueError, match="number kind"):
        methods.register(MethodSpec("hitung", Inputs.PAIR, difference, difference_formula,
                                    guide="method_guide_rasio", description="method_rasio", numerator_kind="uang"))
    assert list(METHODS) == list(Method)


@pytest.mark.parametrize("method", ["selisih", "RASIO", 5, None, ["rasio"]])
def test_an_unknown_method_is_a_value_error(method):
    with pytest.raises(ValueError, match="unknown method"):
        methods.spec(method)


def test_no_module_branches_on_a_method():
    """Only the model (the enum and its default) and the registry name the built-in methods."""
    named = {path.name for path in (ROOT / "lkjip_xl").rglob("*.py")
             if re.search(r"\bMethod\.[A-Z]", path.read_text(encoding="utf-8"))}
    assert named == {"model.py", "methods.py"}
