"""docs/form_contract.md is enough for another program to fill the forms.

A master unlike the bundled sample (another Kanwil and year, other Divisi,
lower-is-better IKK, count and index units, NIHIL, sub-rates, a negative
change) goes through the whole pipeline:

    write_master → read_master → `lkjip-xl forms` → filled by the worked example
    of docs/form_contract.md (openpyxl, nothing from lkjip_xl) → `lkjip-xl consolidate`

and every number of the consolidated workbook is checked against the rules,
written out by hand below.  The generated forms are inspected for locking,
validation, conditional formats, print setup and the hidden stamp, and
LibreOffice recomputes the consolidated workbook and a pre-filled form.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import get_column_letter

from engine import assert_formulas_match
from signing import SIGNED, SIGNOFF  # who signs each form off (fictional people), as the contract fills it
from lkjip_xl import forms
from lkjip_xl.cli import cli
from lkjip_xl.master import read_master
from lkjip_xl.periods import PeriodRule
from lkjip_xl.model import (
    AchievementRule, Direction, Indicator, IndicatorInput, Master, Method,
)
from lkjip_xl.template import write_master

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "docs" / "form_contract.md"

KANWIL = "Kantor Wilayah Kementerian Hukum Nusa Tenggara Barat"
YEAR = 2024
UMUM = "Divisi Umum"
LAYANAN = "Divisi Layanan Publik"
SK1 = "Meningkatnya akuntabilitas pengelolaan keuangan dan barang milik negara"
SK2 = "Meningkatnya kompetensi dan disiplin pegawai"
SK3 = "Meningkatnya kualitas pelayanan publik"
SK4 = "Meningkatnya pemanfaatan layanan oleh masyarakat"


def ikk(code, divisi, sk_no, sk_text, ikk_no, text, unit, target, **fields) -> Indicator:
    return Indicator(code=code, divisi=divisi, sk_no=sk_no, sk_text=sk_text, ikk_no=ikk_no, text=text,
                     unit=unit, target=target, **fields)


MASTER = Master(
    kanwil=KANWIL, year=YEAR, achievement=AchievementRule(100.0, True), renstra_basis="pk",
    indicators=(
        ikk("UM01-IKK1", UMUM, 1, SK1, 1, "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", "%",
            90.0, method=Method.RASIO, nihil=True, anggaran=1250000000.0),
        ikk("UM01-IKK2", UMUM, 1, SK1, 2, "Persentase pengaduan pengadaan yang diselesaikan", "%", 95.0,
            method=Method.RASIO, nihil=True),
        ikk("UM01-IKK3", UMUM, 1, SK1, 3, "Persentase realisasi anggaran", "%", 80.0, method=Method.RASIO),
        ikk("UM02-IKK1", UMUM, 2, SK2, 1, "Jumlah pegawai yang mengikuti pelatihan", "Orang", 120.0,
            period_rule=PeriodRule.JUMLAH, anggaran=310500000.0),
        ikk("UM02-IKK2", UMUM, 2, SK2, 2, "Jumlah kegiatan yang terlambat dilaksanakan", "Kegiatan", 4.0,
            direction=Direction.TURUN, period_rule=PeriodRule.JUMLAH,
            method_note="Hitung kegiatan DIPA yang selesai setelah jadwal"),
        ikk("UM02-IKK3", UMUM, 2, SK2, 3, "Persentase pegawai yang terlambat masuk kerja", "%", 10.0,
            method=Method.RASIO, direction=Direction.TURUN),
        ikk("UM02-IKK4", UMUM, 2, SK2, 4, "Persentase pegawai yang memenuhi 20 JP pelatihan", "%", 58.0,
            method=Method.RASIO),
        ikk("LP01-IKK1", LAYANAN, 3, SK3, 1, "Indeks kepuasan masyarakat", "Indeks", 3.5,
            method=Method.SURVEI, scale_divisor=25.0, renstra_scale_factor=2.5, anggaran=98000000.0),
        ikk("LP01-IKK2", LAYANAN, 3, SK3, 2, "Persentase layanan selesai tepat waktu", "%", 85.0,
            method=Method.RERATA_SUBRASIO, sub_labels=("Layanan paspor", "Layanan visa", "Layanan izin tinggal")),
        ikk("LP01-IKK3", LAYANAN, 3, SK3, 3, "Jumlah kegiatan diseminasi layanan", "Kegiatan", 12.0,
            period_rule=PeriodRule.JUMLAH),
        ikk("LP02-IKK1", LAYANAN, 4, SK4, 1, "Persentase kenaikan jumlah permohonan layanan", "%", 5.0,
            method=Method.PERUBAHAN, may_be_negative=True),
        ikk("LP02-IKK2", LAYANAN, 4, SK4, 2, "Jumlah masyarakat yang memperoleh penyuluhan hukum", "Orang", 250.0,
            period_rule=PeriodRule.JUMLAH),
    ),
)

#: What each Divisi reports: form file → {row code: {column title: value}}.
FILL = {
    "Formulir_2024_Divisi_Umum.xlsx": {
        "UM01-IKK1": {"NIHIL": "Ya", "Keterangan": "Tidak ada temuan pemeriksaan"},
        "UM01-IKK2": {"Pembilang": 0, "Penyebut": 0},
        "UM01-IKK3": {"Pembilang": 45, "Penyebut": 60},
        "UM02-IKK1": {"Realisasi": 134},
        "UM02-IKK2": {"Realisasi": 3, "Keterangan": "3 kegiatan mundur ke Desember",
                      "Faktor Penghambat": "Revisi DIPA baru terbit bulan Oktober",
                      "Upaya / Rencana Tindak Lanjut": "Jadwal kegiatan disusun sejak Januari"},
        "UM02-IKK3": {"Pembilang": 12, "Penyebut": 100},
        "UM02-IKK4": {"Pembilang": 29, "Penyebut": 50},
    },
    "Formulir_2024_Divisi_Layanan_Publik.xlsx": {
        "LP01-IKK1": {"Pembilang": 1062.5, "Penyebut": 12},
        "LP01-IKK2.1": {"Pembilang": 17, "Penyebut": 20},
        "LP01-IKK2.2": {"Pembilang": 30, "Penyebut": 33},
        "LP01-IKK2.3": {"Pembilang": 8, "Penyebut": 10},
        "LP01-IKK3": {"Realisasi": 12},
        "LP02-IKK1": {"Pembilang": 950, "Penyebut": 1000},
        "LP02-IKK2": {"Realisasi": 231},
    },
}

#: code → (realisasi, capaian, status), each written out with the rule of its method and direction.
EXPECTED = {
    "UM01-IKK1": (100.0, 100.0 / 90.0 * 100, "Tercapai"),  # NIHIL = Ya
    "UM01-IKK2": (100.0, 100.0 / 95.0 * 100, "Tercapai"),  # 0 / 0 under the NIHIL rule
    "UM01-IKK3": (45 / 60 * 100, 75.0 / 80.0 * 100, "Tidak Tercapai"),
    "UM02-IKK1": (134.0, 134.0 / 120.0 * 100, "Tercapai"),
    "UM02-IKK2": (3.0, (2 * 4.0 - 3.0) / 4.0 * 100, "Tercapai"),  # lower is better: 125
    "UM02-IKK3": (12 / 100 * 100, (2 * 10.0 - 12.0) / 10.0 * 100, "Tidak Tercapai"),  # lower is better: 80
    "UM02-IKK4": (29 / 50 * 100, 29 / 50 * 100 / 58.0 * 100, "Tercapai"),  # 58 % of 58 %: 99.99999999999999
    "LP01-IKK1": (1062.5 / 12 / 25, 1062.5 / 12 / 25 / 3.5 * 100, "Tercapai"),
    "LP01-IKK2": ((17 / 20 * 100 + 30 / 33 * 100 + 8 / 10 * 100) / 3,
                  (17 / 20 * 100 + 30 / 33 * 100 + 8 / 10 * 100) / 3 / 85.0 * 100, "Tercapai"),
    "LP01-IKK3": (12.0, 100.0, "Tercapai"),  # exactly at the threshold, which is inclusive
    "LP02-IKK1": ((950 - 1000) / 1000 * 100, -5.0 / 5.0 * 100, "Tidak Tercapai"),  # negative change
    "LP02-IKK2": (231.0, 231.0 / 250.0 * 100, "Tidak Tercapai"),
}


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def contract_code_blocks() -> list[str]:
    """The Python blocks of the worked example in docs/form_contract.md."""
    text = CONTRACT.read_text(encoding="utf-8")
    section = text.split("## Worked example", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


@pytest.fixture(scope="module")
def contract() -> dict:
    """The worked example's functions (find_table, rows_by_code, read_stamp, fill_form)."""
    namespace: dict = {}
    exec(compile(contract_code_blocks()[0], str(CONTRACT), "exec"), namespace)
    return namespace


def left_to_right_mean(values):
    total = 0.0
    for value in values:
        total += value
    return total / len(values)


# --------------------------------------------------------------------------- the pipeline


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, contract) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("kontrak")
    master_path = write_master(MASTER, base / "master_pk_2024.xlsx")
    assert read_master(master_path) == MASTER

    result = run("forms", master_path, "--out-dir", base / "formulir")
    assert result.exit_code == 0, result.output
    assert result.output == (f"Formulir ditulis: {base / 'formulir' / 'Formulir_2024_Divisi_Umum.xlsx'}\n"
                             f"Formulir ditulis: {base / 'formulir' / 'Formulir_2024_Divisi_Layanan_Publik.xlsx'}\n")

    (base / "diisi").mkdir()
    for name, values in FILL.items():
        contract["fill_form"](base / "formulir" / name, base / "diisi" / name, values, SIGNED)

    result = run("validate", base / "diisi", "--master", master_path, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    # the only finding: the negative change is allowed, but worth a second look
    assert [(p["code"], p["severity"], p["ikk"], Path(p["file"]).name) for p in report["problems"]] == [
        ("realisasi_negative", "warning", "LP02-IKK1", "Formulir_2024_Divisi_Layanan_Publik.xlsx")]

    out = base / "konsolidasi_2024.xlsx"
    result = run("consolidate", base / "diisi", "--master", master_path, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.output.endswith(f"Hasil konsolidasi ditulis: {out}\n8 dari 12 IKK tercapai.\n")
    assert re.findall(r"\[(\w+)\]", result.output) == ["realisasi_negative"]
    return {"base": base, "master": master_path, "forms": base / "formulir", "filled": base / "diisi",
            "consolidated": out}


def table(sheet, first_title: str) -> tuple[int, dict[str, int]]:
    """Header row and {title: column} of the first row that has ``first_title``."""
    for row in sheet.iter_rows(min_row=1, max_row=20):
        titles = {c.value: c.column for c in row if isinstance(c.value, str)}
        if first_title in titles:
            return row[0].row, titles
    raise AssertionError(f"no header row with {first_title!r} in {sheet.title}")


@pytest.fixture(scope="module")
def consolidated(pipeline):
    values = openpyxl.load_workbook(pipeline["consolidated"], data_only=True)
    formulas = openpyxl.load_workbook(pipeline["consolidated"], data_only=False)
    yield values, formulas
    values.close()
    formulas.close()


def test_every_ikk_number_follows_its_rule(consolidated):
    values, formulas = consolidated
    sheet, text = values["Capaian Kinerja"], formulas["Capaian Kinerja"]
    header, col = table(sheet, "Kode IKK")
    rows = {sheet.cell(r, col["Kode IKK"]).value: r for r in range(header + 1, sheet.max_row + 1)
            if sheet.cell(r, col["Kode IKK"]).value}
    assert list(rows) == [i.code for i in MASTER.indicators]
    for indicator in MASTER.indicators:
        r = rows[indicator.code]
        realisasi, capaian, status = EXPECTED[indicator.code]
        got = {title: sheet.cell(r, col[title]).value for title in ("Target", "Realisasi", "Capaian", "Status")}
        assert got == {"Target": indicator.target, "Realisasi": realisasi, "Capaian": capaian, "Status": status}, \
            indicator.code
        # live formulas: capaian is the rule of the IKK's direction on this row's cells
        real_ref = f"{get_column_letter(col['Realisasi'])}{r}"
        target_ref = f"{get_column_letter(col['Target'])}{r}"
        rule = (f"(2*{target_ref}-{real_ref})/{target_ref}*100" if indicator.direction is Direction.TURUN
                else f"{real_ref}/{target_ref}*100")
        assert text.cell(r, col["Capaian"]).value == f'=IF(OR({real_ref}="",N({target_ref})=0),"",{rule})'
        assert text.cell(r, col["Realisasi"]).value.startswith("=IF(")
        assert text.cell(r, col["Status"]).value.startswith("=IF(")
        assert sheet.cell(r, col["Divisi"]).value == indicator.divisi
        assert sheet.cell(r, col["Cara Hitung"]).value == indicator.method.value


def test_inputs_beside_the_table_are_what_the_forms_said(consolidated):
    values, _ = consolidated
    sheet = values["Capaian Kinerja"]
    header, col = table(sheet, "Kode IKK")
    rows = {sheet.cell(r, col["Kode IKK"]).value: r for r in range(header + 1, sheet.max_row + 1)
            if sheet.cell(r, col["Kode IKK"]).value}
    filled = {code: cells for form in FILL.values() for code, cells in form.items()}

    def cell(code, title):
        return sheet.cell(rows[code], col[title]).value

    assert cell("UM01-IKK1", "NIHIL") == "Ya"
    assert [cell("UM01-IKK1", t) for t in ("Pembilang 1", "Penyebut 1")] == [None, None]
    for code in ("UM02-IKK1", "UM02-IKK2", "LP01-IKK3", "LP02-IKK2"):
        assert cell(code, "Nilai Langsung") == filled[code]["Realisasi"]
    for code in ("UM01-IKK2", "UM01-IKK3", "UM02-IKK3", "UM02-IKK4", "LP01-IKK1", "LP02-IKK1"):
        assert [cell(code, "Pembilang 1"), cell(code, "Penyebut 1")] == [
            filled[code]["Pembilang"], filled[code]["Penyebut"]]
    for n in (1, 2, 3):
        assert [cell("LP01-IKK2", f"Pembilang {n}"), cell("LP01-IKK2", f"Penyebut {n}")] == [
            filled[f"LP01-IKK2.{n}"]["Pembilang"], filled[f"LP01-IKK2.{n}"]["Penyebut"]]


def test_ringkasan_counts_means_and_headline(consolidated):
    values, formulas = consolidated
    sheet, text = values["Ringkasan"], formulas["Ringkasan"]
    header, col = table(sheet, "Jumlah IKK")
    rows = {sheet.cell(r, 1).value: r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, 1).value}
    caps = {code: EXPECTED[code][1] for code in EXPECTED}
    umum = [caps[i.code] for i in MASTER.for_divisi(UMUM)]
    layanan = [caps[i.code] for i in MASTER.for_divisi(LAYANAN)]
    expected = {
        UMUM: [7, 5, 2, left_to_right_mean(umum)],
        LAYANAN: [5, 3, 2, left_to_right_mean(layanan)],
        f"Kantor Wilayah ({KANWIL})": [12, 8, 4, left_to_right_mean(umum + layanan)],
    }
    titles = ("Jumlah IKK", "Tercapai", "Tidak Tercapai", "Rata-rata Capaian (%)")
    for name, numbers in expected.items():
        assert [sheet.cell(rows[name], col[t]).value for t in titles] == numbers, name
        assert all(text.cell(rows[name], col[t]).value.startswith("=") for t in titles)
    assert list(rows)[:3] == [UMUM, LAYANAN, f"Kantor Wilayah ({KANWIL})"]
    assert sheet.cell(rows["Kesimpulan"], 2).value == "8 dari 12 IKK tercapai"
    total = rows[f"Kantor Wilayah ({KANWIL})"]
    assert text.cell(rows["Kesimpulan"], 2).value == f'=C{total}&" dari "&B{total}&" IKK tercapai"'


def test_sumber_names_the_cell_each_input_was_typed_in(consolidated, pipeline, contract):
    values, _ = consolidated
    sheet = values["Sumber"]
    header, col = table(sheet, "Isian")
    listed = {
        (sheet.cell(r, col["Kode IKK"]).value, sheet.cell(r, col["Isian"]).value):
            (sheet.cell(r, col["Nilai"]).value, Path(sheet.cell(r, col["Berkas"]).value).name,
             sheet.cell(r, col["Sheet"]).value, sheet.cell(r, col["Sel"]).value)
        for r in range(header + 1, sheet.max_row + 1)
    }
    field = {"Realisasi": "realisasi", "NIHIL": "nihil", "Keterangan": "keterangan",
             "Faktor Penghambat": "faktor_penghambat", "Upaya / Rencana Tindak Lanjut": "upaya",
             "Pembilang": "pembilang", "Penyebut": "penyebut"}
    for name, form_values in FILL.items():
        book = openpyxl.load_workbook(pipeline["filled"] / name)
        form = book["Formulir"]
        header_row, columns = contract["find_table"](form)
        rows = contract["rows_by_code"](form, header_row, columns["Kode IKK"])
        for code, cells in form_values.items():
            parent, _, n = code.partition(".")
            for title, value in cells.items():
                key = field[title] + (n or "1" if title in ("Pembilang", "Penyebut") else "")
                where = form.cell(rows[code], columns[title]).coordinate
                assert listed[(parent, key)] == (value, name, "Formulir", where), (code, title)
        book.close()


def test_libreoffice_recomputes_the_consolidated_workbook(pipeline, tmp_path):
    assert_formulas_match(pipeline["consolidated"], tmp_path)


# --------------------------------------------------------------------------- the forms themselves


def inputs_from_fill() -> dict[str, IndicatorInput]:
    """The same reports as IndicatorInput records, for forms.write_form(inputs=...)."""
    inputs: dict[str, IndicatorInput] = {}
    for form_values in FILL.values():
        for code, cells in form_values.items():
            parent, _, n = code.partition(".")
            reported = inputs.setdefault(parent, IndicatorInput(parent))
            if "Realisasi" in cells:
                reported.value = float(cells["Realisasi"])
            if "Pembilang" in cells:
                reported.pairs.append((float(cells["Pembilang"]), float(cells["Penyebut"])))
            reported.nihil = cells.get("NIHIL") == "Ya"
            reported.keterangan = cells.get("Keterangan", reported.keterangan)
    return inputs


def test_prefilled_form_recomputes_in_libreoffice(tmp_path):
    for divisi in (UMUM, LAYANAN):
        path = forms.write_form(MASTER, divisi, tmp_path / f"{divisi}.xlsx", inputs=inputs_from_fill())
        assert_formulas_match(path, tmp_path)


def test_prefilled_and_program_filled_forms_consolidate_alike(pipeline, tmp_path):
    forms.write_forms(MASTER, tmp_path / "prefilled", inputs=inputs_from_fill(),
                      signoff={divisi: SIGNOFF for divisi in MASTER.divisi_order})
    out = tmp_path / "prefilled.xlsx"
    assert run("consolidate", tmp_path / "prefilled", "--master", pipeline["master"], "--out", out).exit_code == 0

    def numbers(path):
        book = openpyxl.load_workbook(path, data_only=True)
        capaian = [row[:7] for row in book["Capaian Kinerja"].iter_rows(values_only=True)]
        ringkasan = list(book["Ringkasan"].iter_rows(values_only=True))
        book.close()
        return capaian, ringkasan

    assert numbers(out) == numbers(pipeline["consolidated"])


#: The narrative text columns of an IKK row: open, at most 2000 characters.
TEXTS = ("Faktor Pendukung", "Faktor Penghambat", "Upaya / Rencana Tindak Lanjut")


def input_titles(indicator: Indicator | None) -> set[str]:
    """Columns a Divisi types into on a row: an IKK row, or a sub-rate row (None)."""
    if indicator is None:
        return {"Pembilang", "Penyebut"}
    titles = {"Keterangan", *TEXTS}
    if indicator.method is Method.LANGSUNG:
        titles.add("Realisasi")
    elif indicator.method is not Method.RERATA_SUBRASIO:
        titles |= {"Pembilang", "Penyebut"}
    if indicator.nihil:
        titles.add("NIHIL")
    return titles


@pytest.mark.parametrize("divisi", [UMUM, LAYANAN])
def test_generated_form_locks_validates_highlights_and_prints(pipeline, contract, divisi):
    path = pipeline["forms"] / forms.form_filename(MASTER, divisi)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Formulir", "_lkjip"]
    assert book["Formulir"].sheet_state == "visible"
    assert book["_lkjip"].sheet_state == "veryHidden"
    sheet = book["Formulir"]
    assert sheet.protection.sheet is True
    assert book["_lkjip"].protection.sheet is True

    header_row, columns = contract["find_table"](sheet)
    rows = contract["rows_by_code"](sheet, header_row, columns["Kode IKK"])
    by_code = MASTER.by_code()
    expected_codes = []
    for indicator in MASTER.for_divisi(divisi):
        expected_codes.append(indicator.code)
        expected_codes += [f"{indicator.code}.{n}" for n in range(1, len(indicator.sub_labels) + 1)]
    assert list(rows) == expected_codes

    validations: dict[str, list] = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            for row in sheet[cell_range.coord] if ":" in cell_range.coord else [[sheet[cell_range.coord]]]:
                for cell in row:
                    validations.setdefault(cell.coordinate, []).append(validation)

    for code, r in rows.items():
        parent, _, n = code.partition(".")
        indicator = by_code[parent]
        inputs = input_titles(None if n else indicator)
        for title, c in columns.items():
            cell = sheet.cell(r, c)
            assert cell.protection.locked is (title not in inputs), (code, title)
            rules = validations.get(cell.coordinate, [])
            if title in inputs and title in ("Pembilang", "Penyebut", "Realisasi"):
                low = "-1000000000000000.0" if indicator.may_be_negative else "0"
                assert [(v.type, v.formula1, v.formula2) for v in rules] == [
                    ("decimal", low, "1000000000000000.0")], (code, title)
            elif title == "NIHIL" and title in inputs:
                assert [(v.type, v.formula1) for v in rules] == [("list", '"Ya"')], code
            elif title in TEXTS and title in inputs:
                assert [(v.type, v.operator, v.formula1) for v in rules] == [
                    ("textLength", "lessThanOrEqual", "2000")], code
                assert cell.number_format == "@" and cell.alignment.wrap_text, (code, title)
            else:
                assert rules == [], (code, title)
        if not n:
            assert sheet.cell(r, columns["Target"]).value == indicator.target
            assert sheet.cell(r, columns["Indikator Kinerja Kegiatan"]).value == indicator.text

    # below-threshold capaian is highlighted on every table row
    capaian = get_column_letter(columns["Capaian (%)"])
    first, last = header_row + 1, max(rows.values())
    highlighted = [(str(cf.sqref), [rule.formula for rule in cf.rules])
                   for cf in sheet.conditional_formatting if capaian in str(cf.sqref)]
    assert highlighted == [(f"{capaian}{first}:{capaian}{last}",
                            [[f"AND(ISNUMBER({capaian}{first}),{capaian}{first}<100)"]])]

    # A4 landscape, one page wide, the header row on every page
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert sheet.freeze_panes == f"A{header_row + 1}"
    book.close()


@pytest.mark.parametrize("divisi", [UMUM, LAYANAN])
def test_defined_names_and_stamp(pipeline, contract, divisi):
    book = openpyxl.load_workbook(pipeline["forms"] / forms.form_filename(MASTER, divisi))
    named = {}
    for name in ("LKJIP_KANWIL", "LKJIP_TAHUN", "LKJIP_DIVISI", "LKJIP_PERIODE"):
        (sheet_name, ref), = book.defined_names[name].destinations
        named[name] = book[sheet_name][ref.replace("$", "")].value
    assert named == {"LKJIP_KANWIL": KANWIL, "LKJIP_TAHUN": YEAR, "LKJIP_DIVISI": divisi,
                     "LKJIP_PERIODE": "Tahunan"}
    (sheet_name, ref), = book.defined_names["LKJIP_TABEL_JUDUL"].destinations
    header_row, columns = contract["find_table"](book["Formulir"])
    assert [c.value for c in book[sheet_name][ref.replace("$", "")][0]] == list(columns)
    assert ref == f"$A${header_row}:$R${header_row}"

    stamp, locked = contract["read_stamp"](book)  # raises unless the hash matches as documented
    assert stamp == {
        "format": "lkjip-xl stamp", "template_version": "1.2", "kanwil": KANWIL, "tahun": "2024",
        "divisi": divisi, "periode": "Tahunan", "content_hash": stamp["content_hash"],
        "achievement_threshold": "100.0", "achievement_inclusive": "1",
        "divisi_order": json.dumps([UMUM, LAYANAN]),
    }
    canonical = json.dumps(locked, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == stamp["content_hash"]
    assert {k: v for k, v in locked.items() if k != "indicators"} == {
        "template_version": "1.2", "kanwil": KANWIL, "tahun": 2024, "divisi": divisi, "periode": "Tahunan",
        "achievement": {"threshold": 100.0, "inclusive": True},
        "divisi_order": ["Divisi Umum", "Divisi Layanan Publik"]}
    assert [i["code"] for i in locked["indicators"]] == [i.code for i in MASTER.for_divisi(divisi)]
    first = locked["indicators"][0]
    source = MASTER.for_divisi(divisi)[0]
    assert first == {
        "code": source.code, "divisi": divisi, "sk_no": source.sk_no, "sk_text": source.sk_text,
        "ikk_no": source.ikk_no, "text": source.text, "unit": source.unit, "target": source.target,
        "method": source.method.value, "scale_divisor": source.scale_divisor, "sub_labels": list(source.sub_labels),
        "direction": source.direction.value, "nihil": source.nihil, "period_rule": str(source.period_rule),
        "target_kind": str(source.target_kind), "period_targets": list(source.period_targets),
        "may_be_negative": source.may_be_negative, "anggaran": source.anggaran,
        "renstra_scale_factor": source.renstra_scale_factor, "method_note": source.method_note,
    }
    book.close()


def test_worked_example_of_the_contract_runs_as_written(pipeline, tmp_path, monkeypatch):
    """Both code blocks of the contract's worked example, on fresh forms, give a valid form."""
    for name in FILL:
        (tmp_path / name).write_bytes((pipeline["forms"] / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    setup, usage = contract_code_blocks()
    namespace: dict = {}
    exec(compile(setup, str(CONTRACT), "exec"), namespace)
    exec(compile(usage, str(CONTRACT), "exec"), namespace)
    result = run("validate", "Formulir_2024_Divisi_Umum_diisi.xlsx", "Formulir_2024_Divisi_Layanan_Publik_diisi.xlsx")
    # only partly filled: every complaint is about an empty input, none about the layout or the stamp
    assert result.exit_code == 1
    codes = set(re.findall(r"\[(\w+)\]", result.output))
    assert codes == {"value_missing"}


def test_writing_outside_the_input_cells_is_refused_by_the_example(pipeline, contract, tmp_path):
    source = pipeline["forms"] / "Formulir_2024_Divisi_Umum.xlsx"
    with pytest.raises(ValueError, match=r"UM01-IKK3 / Target \(H\d+\) is not an input cell"):
        contract["fill_form"](source, tmp_path / "x.xlsx", {"UM01-IKK3": {"Target": 70}})
    with pytest.raises(ValueError, match=r"UM02-IKK1 / NIHIL \(L\d+\) is not an input cell"):
        contract["fill_form"](source, tmp_path / "x.xlsx", {"UM02-IKK1": {"NIHIL": "Ya"}})


def test_names_that_countif_would_misread_are_refused_in_the_master(tmp_path):
    """Ringkasan counts with COUNTIF(S): a Divisi named "Umum*" would count other Divisi too."""
    from lkjip_xl.master import MasterError, read_master
    from lkjip_xl.template import write_master
    from lkjip_xl.model import Indicator, Master

    master = Master("Kanwil Contoh", 2024, (Indicator("A1", "Umum*", 1, "SK", 1, "IKK", "Orang", 5.0),))
    path = write_master(master, tmp_path / "master.xlsx")
    with pytest.raises(MasterError) as caught:
        read_master(path)
    [problem] = caught.value.problems
    assert (problem.sheet, problem.cell) == ("PK", "A2")
    assert problem.message == (f"Nilai 'Umum*' pada {path}, sheet 'PK', sel A2 (Divisi) tidak valid: nama tidak "
                               "boleh memuat *, ? atau ~, dan tidak boleh diawali <, > atau =.")


MONTHLY = Master(kanwil=KANWIL, year=YEAR, indicators=(
    ikk("UM03-IKK1", UMUM, 5, SK2, 1, "Jumlah layanan konsultasi hukum", "Layanan", 120.0,
        period_rule=PeriodRule.JUMLAH, breakdown="bulanan"),
    ikk("UM03-IKK2", UMUM, 5, SK2, 2, "Persentase surat yang selesai tepat waktu", "%", 90.0,
        method=Method.RASIO, period_rule=PeriodRule.JUMLAH, breakdown="bulanan"),
))


def test_monthly_rows_are_filled_by_their_codes_as_the_contract_says(contract, tmp_path):
    """A program fills the sub-period rows <code>.B01 .. <code>.B12 with the worked example alone; the IKK
    row's combining cells are locked, and the consolidation sums the months."""
    master_path = write_master(MONTHLY, tmp_path / "master.xlsx")
    assert run("forms", master_path, "--out-dir", tmp_path / "formulir").exit_code == 0
    months = [f"B{m:02d}" for m in range(1, 13)]
    counts = [10 + m for m in range(12)]
    pairs = [(8 + m % 3, 10 + m) for m in range(12)]
    values = {f"UM03-IKK1.{code}": {"Realisasi": count} for code, count in zip(months, counts)}
    values |= {f"UM03-IKK2.{code}": {"Pembilang": n, "Penyebut": d} for code, (n, d) in zip(months, pairs)}
    values["UM03-IKK1"] = {"Keterangan": "Rekap buku tamu per bulan"}
    name = "Formulir_2024_Divisi_Umum.xlsx"
    (tmp_path / "diisi").mkdir()
    for title in ("Realisasi", "Pembilang", "NIHIL"):
        with pytest.raises(ValueError, match="is not an input cell"):
            contract["fill_form"](tmp_path / "formulir" / name, tmp_path / "x.xlsx", {"UM03-IKK2": {title: 1}})
    contract["fill_form"](tmp_path / "formulir" / name, tmp_path / "diisi" / name, values)
    out = tmp_path / "konsolidasi.xlsx"
    result = run("consolidate", tmp_path / "diisi", "--master", master_path, "--out", out)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out, data_only=True)
    sheet = book["Capaian Kinerja"]
    header, col = table(sheet, "Kode IKK")
    rows = {sheet.cell(r, col["Kode IKK"]).value: r for r in range(header + 1, sheet.max_row + 1)}
    assert sheet.cell(rows["UM03-IKK1"], col["Realisasi"]).value == sum(counts)
    assert sheet.cell(rows["UM03-IKK2"], col["Realisasi"]).value == (
        sum(n for n, _ in pairs) / sum(d for _, d in pairs) * 100)  # the ratio of the sums
    book.close()
