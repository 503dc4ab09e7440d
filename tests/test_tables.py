"""Report tables (lkjip-xl tables): numbering, titles and values against the printed 2023 report."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from pathlib import Path

import openpyxl
import pytest

from engine import assert_formulas_match
from lkjip_xl import calc
from lkjip_xl.errors import LkjipError
from lkjip_xl.guard import OutputExistsError
from lkjip_xl.formula_check import disallowed_functions, read_formulas
from lkjip_xl.master import read_master
from lkjip_xl.tables import (
    DASH, SHEET_TOC, InputError, Renstra, RenstraRow, SupportingTable, YearFigures, check_data, load_tables_data,
    make_tables, plan_tables, read_action_plan, read_previous, read_renstra, read_supporting, to_roman, write_tables,
)
from lkjip_xl.tables.budget.model import spreadsheet_round
from lkjip_xl.tables.ikk import NOT_COMPARABLE

from sample_files import (
    ANGGARAN, MASTER, PREVIOUS, RENCANA_AKSI, RENSTRA, SAMPLES, SUPPORTING, run_tables, sample_script,
)

PRINTED = json.loads((Path(__file__).parent / "data" / "tabel_bab3_2023_tercetak.json").read_text("utf-8"))
ITEMS = PRINTED["indicators"]
NEW_IKK = {"SK02-IKK1", *(f"SK10-IKK{n}" for n in range(1, 9))}


HISTORY_SAMPLES = sample_script("build_history_samples")

# ----------------------------------------------------------------------------- deliberate differences
# Each place where the tables differ from the printed report beyond its printed rounding, and why.
# Line numbers refer to shared/reference/lkjip_2023_kanwil_babel.txt.

#: This year's realisasi and capaian come from the consolidated raw data (samples/CATATAN_SAMPEL.md), so the
#: differences of the consolidation show up in every table of the IKK (Type 1, the 2023 column of Type 2, Type 3).
CONSOLIDATION_REALISASI = {
    "SK04-IKK2": "Tabel 3.20 counts 2.933 of 3.097 = 94,70%; the report prints 100,2% (L1446-1460)",
}
CONSOLIDATION_CAPAIAN = {
    "SK04-IKK1": "report divides the rounded realisasi 85 by 70 (121%); exact 85,54 / 70 = 122,19%",
    "SK04-IKK2": "printed realisasi 100,2% contradicts Tabel 3.20 (94,70% → 95,66%)",
    "SK04-IKK6": "report divides the truncated realisasi 14 by 31 (45%); exact 48,21%",
    "SK05-IKK1": "report divides the rounded realisasi 94 by 80 (117%); exact 118,06%",
    "SK05-IKK2": "report divides the rounded realisasi 17 by 80 (21,25%); exact 20,83%",
    "SK10-IKK7": "report averages the rounded sub-rates (35% + 3%) / 2; exact mean 19,16% → 23,95%",
    "SK20-IKK1": "report divides the truncated realisasi 94 by 82 (114%); exact 115,28%",
    "SK20-IKK5": "report divides the rounded realisasi 89 by 20 (445%); exact 447,37%",
}

#: Titles are generated from one pattern; the report's own titles vary or are wrong.
TITLE_DIFFERS = {
    "3.3": "report titles SK1's Type 1 table 'Capaian Target dan Realisasi Kinerja'",
    "3.6": "report titles SK2's Type 1 table 'Capaian Target dan Realisasi Kinerja'",
    "3.7": "report names 'SK III' on an SK II table (L1117)",
    "3.40": "report writes 'IKK SK V dan IKK I'",
    "3.41": "report writes 'IKK SK V dan IKK I'",
    "3.63": "report writes 'IKK SK VII dan IKK IV'",
    "3.113": "report repeats Tabel 3.112's title 'Perbandingan Target dan Realisasi' (L3678)",
    "3.116": "report drops 'Kinerja'",
    "3.124": "report writes 'IKK SK XIV dan IKK II'",
    "3.146": "report drops 'Kinerja'",
    "3.158": "report drops 'Kinerja'",
    "3.170": "report drops 'Kinerja'",
    "3.175": "report names 'IKK III'; SK XXII has only IKK I (L5311)",
    "3.176": "report names 'IKK III'; SK XXII has only IKK I (L5320)",
    "3.177": "report names 'IKK III'; SK XXII has only IKK I (L5334)",
}

#: Type 2 (earlier years): (code, year) whose printed values differ, and why.
PREVIOUS_DIFFERS = {
    ("SK20-IKK5", "2022"): "capaian is recomputed from the printed 84% / 20% = 420%; the report prints 421,05% "
                           "from the unrounded ratio (16/19) / 20",
}
#: Type 2 tables whose printed header years are wrong.
HEADER_YEARS_DIFFER = {
    "SK14-IKK2": "Tabel 3.125 labels the previous-year column 2021; the figures are 2022's (L4013)",
}

#: Type 3 (Renstra) differences beyond the consolidation ones.
RENSTRA_REALISASI_DIFFERS = {
    "SK02-IKK1": "Tabel 3.7 prints realisasi 99; the formula, Tabel 3.1 and 3.6 give 90 (L1113, L1121)",
    "SK16-IKK2": "Tabel 3.141 prints realisasi '100 %' for a Buku indicator; the realisasi is 1 Buku (L4409)",
}
RENSTRA_CAPAIAN_DIFFERS = {
    # SK20-IKK1 is not here: its Renstra table divides by the Renstra target 81 (116%), as the table does.
    **{code: reason for code, reason in CONSOLIDATION_CAPAIAN.items() if code != "SK20-IKK1"},
    "SK01-IKK1": "master declares the Renstra basis: 9,62 / 7,22 = 133,20%; the report repeats the PK capaian 124%",
    "SK09-IKK1": "Tabel 3.80 prints 125%; 100 / 85 = 117,65% as Tabel 3.1, 3.78 and 3.79 print (L2807)",
    "SK14-IKK1": "Renstra basis: 111 / 15 = 740%; the report prints 528% (the PK capaian, L3945-3951)",
}
#: Renstra targets the report prints differently.
RENSTRA_TARGETS_DIFFER = {
    **{f"SK10-IKK{n}": "report prints 0 for 2021 and 2022 (not in the Renstra); the table prints '-'"
       for n in range(1, 9)},
    "SK15-IKK3": "Tabel 3.135 row is garbled; only the 2023 target (1, from the formula at L4254) is known",
    "SK22-IKK1": "Tabel 3.177 row is garbled; only the 2023 target (3, from the formula at L5343) is known",
}


# ----------------------------------------------------------------------------- helpers


def _decimals(raw: str) -> int:
    match = re.search(r"\d+(?:[.,](\d+))?", raw)
    return len(match.group(1)) if match and match.group(1) else 0


def _printed_as(value: float, printed: float, raw: str) -> bool:
    """Whether ``value`` prints as ``printed`` (with the decimals of ``raw``) by truncation or half up."""
    scale = 10 ** _decimals(raw)
    candidates = (math.floor(value * scale + 1e-9) / scale, math.floor(value * scale + 0.5) / scale)
    return any(math.isclose(c, printed, abs_tol=1e-9) for c in candidates)


@dataclasses.dataclass
class Table:
    sheet: str
    title: str
    headers: list[list[object]]
    row: list[object]


def _tables(path: Path) -> dict[str, Table]:
    """Every captioned table of the IKK sheets by number ("3.8"), or by title when unnumbered."""
    book = openpyxl.load_workbook(path, data_only=True)
    found = {}
    for ws in book.worksheets:
        if not re.fullmatch(r"SK\d\d-IKK\d", ws.title):
            continue
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        for i, row in enumerate(rows):
            caption = row[0]
            if not isinstance(caption, str) or not re.search(r"(Perbandingan|Target Jangka)", caption):
                continue
            match = re.match(r"Tabel (3\.\d+) (.*)", caption)
            number, title = match.groups() if match else (caption, caption)
            depth = 1 if "Target dan Realisasi" in title else 2
            found[number] = Table(ws.title, title, rows[i + 1:i + 1 + depth], rows[i + 1 + depth])
    return found


def _values(row: list[object]) -> list[object]:
    return [v for v in row[1:] if v is not None]


SAMPLE_ARGS = ("--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA, "--anggaran", ANGGARAN,
               "--supporting", SUPPORTING, "--rencana-aksi", RENCANA_AKSI)


@pytest.fixture(scope="module")
def written(konsolidasi, tmp_path_factory):
    out = tmp_path_factory.mktemp("tabel") / "tabel_2023.xlsx"
    result = run_tables(konsolidasi, *SAMPLE_ARGS, "--out", out)
    assert result.exit_code == 0, result.output
    return out, result


@pytest.fixture(scope="module")
def tables(written) -> dict[str, Table]:
    return _tables(written[0])


@pytest.fixture(scope="module")
def toc(written) -> list[tuple]:
    book = openpyxl.load_workbook(written[0])
    return [row for row in book[SHEET_TOC].iter_rows(min_row=4, values_only=True)]


# ----------------------------------------------------------------------------- the command


def test_command_reports_what_it_wrote(written):
    _, result = written
    assert "Tabel ditulis:" in result.output
    assert "(186 tabel bernomor, Tabel 3.1 sampai Tabel 3.186)" in result.output
    assert "9 IKK tidak ada di data tahun sebelumnya" in result.output


def test_refuses_to_overwrite_without_force(written, konsolidasi):
    out, _ = written
    before = out.read_bytes()
    result = run_tables(konsolidasi, *SAMPLE_ARGS, "--out", out)
    assert result.exit_code == 2
    assert "--force" in result.output
    assert out.read_bytes() == before


def test_make_tables_is_the_command_without_the_command_line(written, konsolidasi, tmp_path):
    """The library function writes byte for byte what ``lkjip-xl tables`` writes; refusals are LkjipError."""
    result = make_tables(konsolidasi, MASTER, tmp_path / "t.xlsx", [PREVIOUS], RENSTRA, anggaran=ANGGARAN,
                         supporting=SUPPORTING, rencana_aksi=RENCANA_AKSI)
    assert result.output.read_bytes() == written[0].read_bytes()
    numbered = [entry.label for entry in result.toc if entry.label]
    assert (len(numbered), numbered[0], numbered[-1]) == (186, "Tabel 3.1", "Tabel 3.186")
    assert [p.code for p in result.warnings] == ["tables_new_ikk"]
    with pytest.raises(InputError) as refused:
        make_tables(konsolidasi, MASTER, tmp_path / "u.xlsx", [PREVIOUS], tmp_path / "tidak_ada.xlsx")
    assert isinstance(refused.value, LkjipError)
    assert [p.code for p in refused.value.problems] == ["file_not_found"]
    assert not (tmp_path / "u.xlsx").exists()
    with pytest.raises(OutputExistsError) as exists:
        make_tables(konsolidasi, MASTER, tmp_path / "t.xlsx", [PREVIOUS], RENSTRA)  # no force
    assert isinstance(exists.value, LkjipError)
    with pytest.raises(TypeError, match="out is a path"):  # the order before previous and renstra were optional
        make_tables(konsolidasi, MASTER, [PREVIOUS], RENSTRA, tmp_path / "v.xlsx")
    assert not (tmp_path / "v.xlsx").exists()


def test_forms_folder_gives_the_same_tables(written, tmp_path):
    out = tmp_path / "dari_formulir.xlsx"
    result = run_tables(SAMPLES / "formulir", *SAMPLE_ARGS, "--out", out)
    assert result.exit_code == 0, result.output
    assert _tables(out) == _tables(written[0])


def test_input_errors_name_file_sheet_and_cell(konsolidasi, tmp_path):
    bad = tmp_path / "pendukung.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tabel Pendukung"
    sheet.append(["Sebelum", "Judul Tabel"])
    sheet.append(["SK99-IKK1", "Tabel entah"])
    book.save(bad)
    result = run_tables(konsolidasi, "--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA,
                        "--supporting", bad, "--out", tmp_path / "x.xlsx")
    assert result.exit_code == 1
    assert re.search(r"^KESALAHAN  \[supporting_position_invalid\] .*'SK99-IKK1'", result.output, re.MULTILINE)
    assert " › A2: " in result.output  # the cell named once, in front
    assert not (tmp_path / "x.xlsx").exists()


def test_a_folder_without_forms_is_an_input_error(tmp_path):
    result = run_tables(tmp_path, "--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA,
                        "--out", tmp_path / "x.xlsx")
    assert result.exit_code == 1
    assert "[no_forms]" in result.output


def test_text_is_never_a_formula(konsolidasi, tmp_path):
    master = read_master(MASTER)
    first = dataclasses.replace(master.indicators[0], text="=SUM(1,2) indeks")
    master = dataclasses.replace(master, indicators=(first, *master.indicators[1:]))
    out = write_tables(load_tables_data(konsolidasi, master, [PREVIOUS], RENSTRA), tmp_path / "t.xlsx").output
    sheet = openpyxl.load_workbook(out)["SK01-IKK1"]
    assert (sheet["A3"].value, sheet["A3"].data_type) == ("=SUM(1,2) indeks", "s")


# ----------------------------------------------------------------------------- numbering and titles


def test_numbering_reproduces_the_report():
    master = read_master(MASTER)
    supporting = read_supporting(SUPPORTING, [i.code for i in master.indicators])
    divisi = read_action_plan(RENCANA_AKSI, master).divisi_order
    plan = plan_tables(master, NEW_IKK, supporting, start=1, with_budget=True, action_plan_divisi=divisi,
                       emonev_title="Capaian Realisasi Anggaran pada e-Monev Bappenas Tahun 2023")
    numbers = {(t.kind, t.code): f"3.{t.number}" for t in plan if t.number and t.kind != "pendukung"}
    for item in ITEMS:
        code = item["code"]
        assert numbers[("target", code)] == item["detail"]["tabel"]
        assert numbers[("renstra", code)] == item["renstra"]["tabel"]
        if item["comparison"]:
            assert numbers[("perbandingan", code)] == item["comparison"]["tabel"]
        else:
            assert ("perbandingan", code) not in numbers
        before = [f"3.{t.number}" for t in plan if t.kind == "pendukung" and t.code == code]
        assert before == item["supporting_tables"]
    assert [t.number for t in plan if t.kind == "anggaran"] == [178, 179, 180]
    # 3.181–3.186 are generated now (tests/test_action_plan.py): no supporting table is left for the end
    assert [t.number for t in plan if t.kind == "pendukung" and not t.code] == []
    assert [(t.number, t.kind, t.divisi) for t in plan[-6:]] == [
        (181, "rencana_aksi", "Administrasi"), (182, "rencana_aksi", "Pelayanan Hukum dan HAM"),
        (183, "rencana_aksi", "Pemasyarakatan"), (184, "rencana_aksi", "Keimigrasian"),
        (185, "rencana_aksi_perbandingan", ""), (186, "emonev", "")]


def test_daftar_tabel_has_no_gaps_or_duplicates(toc, written):
    labels = [row[0] for row in toc]
    assert labels == [f"Tabel 3.{n}" for n in range(1, 187)]
    book = openpyxl.load_workbook(written[0])
    for row in toc:
        assert row[1] and row[2]
        assert row[2] in book.sheetnames  # no "disusun sendiri": every table, 3.181–3.186 too, is in the workbook
    links = [cell.hyperlink.location for cell in book[SHEET_TOC]["C"][3:] if cell.hyperlink]
    assert len(links) == 186
    assert links[1:3] == ["'SK01-IKK1'!A1", "'SK01-IKK1'!A4"]  # Tabel 3.2 (placeholder) and 3.3


def test_every_ikk_has_generated_titles(tables):
    numbered = {n: t for n, t in tables.items() if n.startswith("3.")}
    assert len(numbered) == 60 * 3 - len(NEW_IKK)
    for item in ITEMS:
        sheet = item["code"]
        sk, ikk = re.match(r"SK(\d+)-IKK(\d)", sheet).groups()
        own = [t.title for t in tables.values() if t.sheet == sheet]
        roman = f"SK {to_roman(int(sk))} dan IKK {to_roman(int(ikk))}"
        assert own == [f"Perbandingan Target dan Realisasi {roman}",
                       f"Perbandingan Realisasi dan Capaian Kinerja {roman}",
                       f"Target Jangka Menengah {roman}"]


@pytest.mark.parametrize("kind", ["detail", "comparison", "renstra"])
def test_titles_match_the_report_except_its_slips(tables, kind):
    differs = set()
    for item in ITEMS:
        printed = item[kind]
        if printed is None:
            continue
        if tables[printed["tabel"]].title != printed["title"]:
            differs.add(printed["tabel"])
    expected = {n for n in TITLE_DIFFERS if n in {item[kind]["tabel"] for item in ITEMS if item[kind]}}
    assert differs == expected


def test_start_and_supporting_shift_the_numbers():
    master = read_master(MASTER)
    plain = plan_tables(master, NEW_IKK, start=5)
    assert [t.number for t in plain if t.number] == list(range(5, 5 + 1 + 60 * 3 - 9))
    extra = plan_tables(master, NEW_IKK, [SupportingTable("SK03-IKK1", "Data tahanan")], start=1)
    first = next(t for t in extra if t.code == "SK03-IKK1")
    assert (first.kind, first.number, first.title) == ("pendukung", 7, "Data tahanan")


# ----------------------------------------------------------------------------- values


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["code"])
def test_target_and_realisasi_tables(tables, item):
    code, printed = item["code"], item["detail"]
    target, realisasi, capaian = _values(tables[printed["tabel"]].row)
    assert target == printed["target"]
    assert _printed_as(realisasi, printed["realisasi"], printed["realisasi_raw"]) == (
        code not in CONSOLIDATION_REALISASI)
    assert _printed_as(capaian, printed["capaian"], printed["capaian_raw"]) == (code not in CONSOLIDATION_CAPAIAN)
    assert capaian == realisasi / target * 100


@pytest.mark.parametrize("item", [i for i in ITEMS if i["comparison"]], ids=lambda item: item["code"])
def test_comparison_tables(tables, item):
    code, printed = item["code"], item["comparison"]
    table = tables[printed["tabel"]]
    years = [v for v in table.headers[0][1:-1] if v is not None]
    assert (years == printed["header_years"]) == (code not in HEADER_YEARS_DIFFER)
    cells = table.row[1:]
    for i, (year, values) in enumerate(printed["years"].items()):
        target, realisasi, capaian = cells[3 * i:3 * i + 3]
        assert target == values["target"]
        if values["realisasi"] is None:  # "NIHIL" or "-" in the report: printed as is
            assert realisasi == capaian == values["realisasi_raw"]
            continue
        current = i == len(printed["years"]) - 1
        realisasi_ok = _printed_as(realisasi, values["realisasi"], values["realisasi_raw"])
        assert realisasi_ok == (not current or code not in CONSOLIDATION_REALISASI)
        capaian_ok = _printed_as(capaian, values["capaian"], values["capaian_raw"])
        differs = (code, year) in PREVIOUS_DIFFERS or current and code in CONSOLIDATION_CAPAIAN
        assert capaian_ok == (not differs)


def test_change_between_years(tables):
    change = {item["code"]: tables[item["comparison"]["tabel"]].row[-1] for item in ITEMS if item["comparison"]}
    assert change["SK01-IKK1"] == "naik"  # 122,58% → 124,09%
    assert change["SK04-IKK1"] == "turun"  # 143,08% → 122,19%
    assert change["SK22-IKK1"] == "tetap"  # 100% → 100%
    assert change["SK15-IKK1"] == change["SK21-IKK3"] == NOT_COMPARABLE  # 2022 printed NIHIL / -
    assert set(change.values()) == {"naik", "turun", "tetap", NOT_COMPARABLE}


def test_new_ikk_say_they_cannot_be_compared(tables):
    """A new IKK's comparison has this year's group only (no empty group of a year it did not exist in)."""
    unnumbered = {t.sheet: t for n, t in tables.items() if not n.startswith("3.")}
    assert set(unnumbered) == NEW_IKK
    for table in unnumbered.values():
        assert table.title.startswith("Perbandingan Realisasi dan Capaian Kinerja SK ")
        assert [v for v in table.headers[0] if v is not None] == ["Indikator", "2023", "Perubahan Capaian"]
        assert [v for v in table.headers[1] if v is not None] == ["Target", "Realisasi", "Capaian"]
        target, realisasi, capaian, change = _values(table.row)
        assert capaian == realisasi / target * 100
        assert change == "IKK baru tahun 2023 — tidak dapat dibandingkan"
    assert _values(unnumbered["SK02-IKK1"].row)[:2] == [82, 90]


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["code"])
def test_renstra_tables(tables, item):
    code, printed = item["code"], item["renstra"]
    table = tables[printed["tabel"]]
    years = [v for v in table.headers[1][1:] if v is not None]
    assert years == ["2021", "2022", "2023", "2024"]  # the sample Renstra has no 2020 target
    targets = dict(zip(years, table.row[1:5]))
    expected = {y: printed["targets"].get(y, DASH) for y in years}
    assert (targets == expected) == (code not in RENSTRA_TARGETS_DIFFER)
    values = _values(table.row)[4:]
    realisasi, capaian = values[0], values[-1]
    if printed["realisasi"] is not None:
        realisasi_ok = _printed_as(realisasi, printed["realisasi"], printed["realisasi_raw"])
        assert realisasi_ok == (code not in CONSOLIDATION_REALISASI and code not in RENSTRA_REALISASI_DIFFERS)
    if "scaled" in printed:
        assert values[1] == realisasi * 2.5 and _printed_as(values[1], printed["scaled"], printed["scaled_raw"])
    capaian_ok = _printed_as(capaian, printed["capaian"], printed["capaian_raw"])
    assert capaian_ok == (code not in RENSTRA_CAPAIAN_DIFFERS)
    renstra_target = targets["2023"]
    assert capaian == (values[1] if "scaled" in printed else realisasi) / renstra_target * 100


def test_sk10_targets_before_2023_are_not_in_the_renstra(tables):
    row = tables["3.91"].row
    assert row[1:5] == ["-", "-", 80, 80]


def test_renstra_basis_pk_uses_the_pk_target(konsolidasi, tmp_path):
    master = dataclasses.replace(read_master(MASTER), renstra_basis="pk")
    data = load_tables_data(konsolidasi, master, [PREVIOUS], RENSTRA, supporting=SUPPORTING)
    out = write_tables(data, tmp_path / "pk.xlsx").output
    tables = _tables(out)
    sk1 = _values(tables["3.5"].row)
    assert sk1[-1] == sk1[4] / 3.1 * 100  # 3,8468 / 3,1 = 124,09%: the report's 124%
    assert math.floor(sk1[-1]) == 124
    assert _values(tables["3.123"].row)[-1] == 111 / 21 * 100  # 528,57%: the report's 528%
    notes = [row[0] for row in openpyxl.load_workbook(out)["SK01-IKK1"].iter_rows(values_only=True)]
    assert "Capaian = Realisasi / Target PK 2023 × 100%" in notes


def test_missing_renstra_target_is_not_available_and_one_warning(konsolidasi, tmp_path):
    """IKK without this year's Renstra target: no error, "data tidak tersedia" and one warning listing them."""
    plan = read_renstra(RENSTRA)
    rows = dict(plan.rows)
    for code in ("SK03-IKK1", "SK03-IKK2"):
        rows[code] = dataclasses.replace(rows[code], targets={2021: 70.0, 2022: 80.0})
    path = HISTORY_SAMPLES.write_renstra_sheet(Renstra(plan.years, rows), tmp_path / "renstra.xlsx")
    data = load_tables_data(konsolidasi, MASTER, [PREVIOUS], path, supporting=SUPPORTING)
    [warning] = [p for p in data.warnings if p.code == "tables_no_renstra_target"]
    assert "untuk 2 IKK: SK03-IKK1 (2023), SK03-IKK2 (2023)." in warning.message
    out = write_tables(data, tmp_path / "t.xlsx").output
    row = _tables(out)["3.10"].row
    assert row[1:5] == [70, 80, "-", "-"] and _values(row)[-1] == "data tidak tersedia"


# ----------------------------------------------------------------------------- budget


def test_budget_figures(written, toc):
    book = openpyxl.load_workbook(written[0], data_only=True)
    sheets = {row[0]: row[2] for row in toc}
    rows = {name: [r for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames}

    def labelled(sheet: str, label: str) -> tuple:
        return next(r for r in rows[sheet] if r[0] == label)

    total = labelled(sheets["Tabel 3.178"], "TOTAL")
    assert total[2:4] == (109_466_687_000, 108_414_182_179)
    assert spreadsheet_round(total[4], 2) == 99.04
    assert spreadsheet_round(labelled(sheets["Tabel 3.179"], "NILAI SMART WILAYAH")[7], 2) == 99.40
    assert spreadsheet_round(labelled(sheets["Tabel 3.180"], "NILAI IKPA WILAYAH")[2], 2) == 98.89
    capaian = labelled("Capaian Kinerja Anggaran", "CAPAIAN KINERJA ANGGARAN")[4]
    assert spreadsheet_round(capaian, 2) == 99.20  # the report prints 99,21: 40% × 98,89 = 39,556, not 39,57


# ----------------------------------------------------------------------------- formulas and layout


def test_formulas_recompute_in_libreoffice(written, tmp_path):
    assert_formulas_match(written[0], tmp_path)


def test_only_allowed_spreadsheet_functions(written):
    formulas = read_formulas(written[0])
    assert len(formulas) > 600
    assert {name for formula, _ in formulas.values() for name in disallowed_functions(formula)} == set()


def test_layout_is_ready_for_the_report(written):
    book = openpyxl.load_workbook(written[0])
    assert book.sheetnames[:3] == [SHEET_TOC, "Tabel 3.1", "SK01-IKK1"]
    sheet = book["SK01-IKK1"]
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"B9:D9", "E9:G9", "A9:A10", "H9:H10", "B14:E14"} <= merged  # year groups and Target over the years
    assert sheet["B10"].font.b and sheet["B10"].border.left.style == "thin"
    assert sheet["D11"].number_format == '#,##0.00"%"' and sheet["B11"].number_format == '#,##0.0" (Indeks)"'
    assert sheet["A11"].data_type == "s" and sheet["A4"].value.startswith("Tabel 3.3 ")
    summary = book["Tabel 3.1"]
    assert summary["A1"].value == "Tabel 3.1 Capaian Kinerja Sasaran Kegiatan Tahun 2023"
    assert [c.value for c in summary[2]] == ["", "Sasaran Kegiatan", "Indikator Kegiatan", "Target",
                                             "Realisasi", "Capaian"]


# ----------------------------------------------------------------------------- inputs


def test_previous_years_from_a_consolidated_workbook(konsolidasi):
    previous = read_previous([konsolidasi])
    assert previous.years == (2023,)
    sk4 = previous.by_code["SK04-IKK2"][0]
    assert (sk4.target, round(sk4.realisasi, 4)) == (99.0, 94.7046)
    assert sk4.source.startswith("konsolidasi_2023.xlsx, sheet Capaian Kinerja, sel E")
    assert len(previous.by_code) == 60


def test_previous_year_must_be_earlier(konsolidasi):
    with pytest.raises(InputError) as caught:
        load_tables_data(konsolidasi, MASTER, [konsolidasi], RENSTRA)
    assert {p.code for p in caught.value.problems} == {"previous_not_earlier"}


def test_previous_sheet_round_trip_and_years(tmp_path):
    figures = read_previous([PREVIOUS])
    assert figures.years == (2021, 2022)
    assert len(figures.by_code) == 51
    assert [f.year for f in figures.by_code["SK11-IKK2"]] == [2021, 2022]
    nihil = figures.by_code["SK15-IKK1"][0]
    assert (nihil.realisasi, nihil.note) == (None, "NIHIL")
    flat = [f for items in figures.by_code.values() for f in items]
    again = read_previous([HISTORY_SAMPLES.write_previous_sheet(flat, tmp_path / "lagi.xlsx")])
    assert again.by_code == figures.by_code


def test_previous_sheet_problems_name_the_cell(tmp_path):
    path = tmp_path / "salah.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Capaian Tahun Lalu"
    sheet.append(["Kode IKK", "Tahun", "Target", "Realisasi"])
    sheet.append(["SK01-IKK1", "22", 3.1, 3.8])
    sheet.append(["SK03-IKK1", 2022, "3.288", 80])
    sheet.append(["SK03-IKK2", 2022, 80, None])
    sheet.append([None, 2022, 80, 88])
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_previous([path])
    found = [(p.code, p.cell) for p in caught.value.problems]
    assert found == [("input_year_invalid", "B2"), ("input_value_ambiguous", "C3"),
                     ("input_value_missing", "D4"), ("input_code_missing", "A5")]
    assert "sel C3" in caught.value.problems[1].message


def _sheet(path: Path, name: str, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    book.active.title = name
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_more_input_problems(konsolidasi, tmp_path):
    def codes(read, *args) -> list[str]:
        with pytest.raises(InputError) as caught:
            read(*args)
        return sorted({p.code for p in caught.value.problems})

    assert codes(read_previous, [PREVIOUS, PREVIOUS]) == ["previous_duplicate"]
    untitled = _sheet(tmp_path / "k.xlsx", "Capaian Kinerja", [["Capaian Kinerja tanpa tahun"]])
    assert codes(read_previous, [untitled]) == ["consolidated_year_missing"]
    renstra = _sheet(tmp_path / "r.xlsx", "Renstra", [["Kode IKK", "Tahun Ini"], ["SK01-IKK1"], ["SK01-IKK1"]])
    assert codes(read_renstra, renstra) == ["renstra_duplicate", "renstra_no_years"]
    pendukung = _sheet(tmp_path / "p.xlsx", "Tabel Pendukung", [["Sebelum", "Judul Tabel"], ["akhir", None]])
    assert codes(read_supporting, pendukung, ["SK01-IKK1"]) == ["supporting_title_missing"]
    assert codes(read_renstra, pendukung) == ["input_sheet_missing"]
    later = dataclasses.replace(read_master(MASTER), year=2024)
    assert codes(load_tables_data, konsolidasi, later, [PREVIOUS], RENSTRA) == ["consolidated_other_year"]


def test_renstra_round_trip():
    plan = read_renstra(RENSTRA)
    assert plan.years == (2020, 2021, 2022, 2023, 2024)
    assert plan.years_with_targets == (2021, 2022, 2023, 2024)
    assert plan.rows["SK01-IKK1"] == RenstraRow("SK01-IKK1", {2021: 7.2, 2022: 7.21, 2023: 7.22, 2024: 7.23}, "1-4",
                                                "1-10", plan.rows["SK01-IKK1"].text,
                                                "LKjIP 2023 Tabel 3.5 (L1033)")


def test_unknown_and_missing_ikk_are_warned(konsolidasi):
    data = load_tables_data(konsolidasi, MASTER, [PREVIOUS], RENSTRA)
    extra = YearFigures("SK99-IKK1", 2022, 1.0, 1.0)
    data.previous.by_code["SK99-IKK1"] = [extra]
    del data.renstra.rows["SK22-IKK1"]
    codes = {(p.code, p.ikk) for p in check_data(data)}
    assert ("tables_unknown_code", "SK99-IKK1") in codes
    [missing] = [p.message for p in check_data(data) if p.code == "tables_no_renstra"]
    assert missing.startswith("1 IKK tidak ada di data Renstra ") and ": SK22-IKK1." in missing
    assert all(not p.is_error for p in check_data(data))


def test_committed_samples_match_their_sources(tmp_path):
    for path in HISTORY_SAMPLES.build(tmp_path):
        committed = SAMPLES / path.name
        assert committed.read_bytes() == path.read_bytes(), f"{committed} is stale: run build_history_samples.py"


# ----------------------------------------------------------------------------- calc twins


@pytest.mark.parametrize("previous, current, expected", [
    (122.58, 124.09, "naik"), (143.08, 122.19, "turun"), (100.0, 100.0, "tetap"),
    (100.0, 100.0 + 1e-12, "tetap"), (None, 100.0, ""), (100.0, None, ""),
])
def test_change_direction(previous, current, expected):
    assert calc.change_direction(previous, current) == expected


def test_renstra_scale():
    assert calc.renstra_scale(3.85, 2.5) == 9.625
    assert calc.renstra_scale(None, 2.5) is None
    assert calc.renstra_scale_formula("F16", 2.5) == 'IF(F16="","",F16*2.5)'
