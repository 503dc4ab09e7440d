"""The constructed Pemkab sample (samples/pemkab/): a Bappeda with its own words, through the real command line.

"Badan Perencanaan Pembangunan Daerah Kabupaten Contoh" (every figure made up, "angka rekaan") calls itself
Badan / Bappeda, its units Bidang and its head Kepala Badan.  Its 13 IKK cover the common shapes: a share of
a total, an index on a declared scale, a count and a ratio typed month by month (Rincian bulanan), a stock
brought down (penurunan), a growth (perubahan), lower-is-better values and a NIHIL one.  Its budget workbook
has program, kegiatan and sub kegiatan rows and no SMART, IKPA or e-Monev sheet; its earlier year is the
flexible sheet "Capaian Tahun Lalu" (targets optional, counts where given); its Renstra runs 2021–2026.

Here: the forms the master writes are the committed forms' structure; they validate without a problem;
the headline of ``consolidate`` is what the CSV gives by hand arithmetic, IKK by IKK; ``tables`` runs with
every input and with none; no output says a default word (Kantor Wilayah, Kanwil, Divisi) outside what a
user typed; LibreOffice recomputes every formula to its stored value; the committed files are what
samples/build_pemkab_sample.py writes, byte for byte.
"""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import mismatches_after, recalculate_many, require_soffice
from lkjip_xl.cli import cli
from lkjip_xl.numbers import format_number
from lkjip_xl.reader import read_form
from lkjip_xl.tables.load import ABSENT
from sample_files import sample_script
from test_words import DEFAULT_WORD, workbook_texts

ROOT = Path(__file__).resolve().parents[1]
PEMKAB = ROOT / "samples" / "pemkab"
MASTER = PEMKAB / "master_pk_2024.xlsx"
FORMS = PEMKAB / "formulir"
ANGGARAN = PEMKAB / "anggaran_2024.xlsx"
PREVIOUS = PEMKAB / "capaian_2023.xlsx"
RENSTRA = PEMKAB / "renstra_2021_2026.xlsx"
BUILD = ROOT / "samples" / "build_pemkab_sample.py"
NOTES = ROOT / "samples" / "CATATAN_SAMPEL.md"
#: The committed sources: everything else in samples/pemkab/ is built from them.
SOURCES = ("pk_2024.csv", "realisasi_2024.csv", "anggaran_2024.csv", "capaian_2023.csv", "renstra_2021_2026.csv")
BIDANG = ("Sekretariat", "Perencanaan, Pengendalian dan Evaluasi", "Perekonomian dan Sumber Daya Alam",
          "Pemerintahan dan Pembangunan Manusia")
#: The master's Info rows whose help text names the default word on purpose ("bawaan: Kantor Wilayah").
SEBUTAN_HELP = ("C12", "C13", "C14", "C15")


def _csv(name: str) -> list[dict[str, str]]:
    with open(PEMKAB / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def _num(text: str) -> float:
    return float(text)


# --------------------------------------------------------------------------- the arithmetic, by hand from the CSV


def expected() -> dict[str, tuple[float, float, bool]]:
    """Realisasi, capaian and tercapai of every IKK, computed here from the two CSV files with the rules of the
    README (not with the library's functions): months summed, a ratio of the sums, NIHIL = 100."""
    reported = {row["code"]: row for row in _csv("realisasi_2024.csv")}
    out = {}
    for ikk in _csv("pk_2024.csv"):
        code, method = ikk["code"], ikk["method"]
        own = reported[code]
        months = [reported[f"{code}.B{m:02d}"] for m in range(1, 13)] if ikk["breakdown"] == "bulanan" else [own]
        typed_by_month = own["value"] == own["num"] == own["den"] == "" and own["nihil"] == "Tidak"
        assert (ikk["breakdown"] == "bulanan") == typed_by_month, code  # the IKK row holds no input of its own
        if own["nihil"] == "Ya":
            realisasi = 100.0
        elif method == "langsung":
            realisasi = sum(_num(row["value"]) for row in months)
        else:
            num = sum(_num(row["num"]) for row in months)
            den = sum(_num(row["den"]) for row in months)
            if method == "rasio":
                realisasi = num / den * 100
            elif method == "survei":
                realisasi = num / den / _num(ikk["scale_divisor"])
            elif method == "perubahan":
                realisasi = (num - den) / den * 100
            else:
                assert method == "penurunan", method
                realisasi = (den - num) / den * 100  # the stock at the start is the penyebut
        target = _num(ikk["target"])
        capaian = (2 * target - realisasi) / target * 100 if ikk["direction"] == "turun" else realisasi / target * 100
        out[code] = (realisasi, capaian, capaian >= 100)
    return out


def test_the_shapes_worked_out_by_hand():
    """A few IKK written out, so that the general rule above is seen to mean what the master says."""
    found = expected()
    assert found["SK02-IKK3"][:2] == ((64 - 22) / 64 * 100, 65.625 / 60 * 100)  # penurunan: 65,625%, 109,375%
    assert found["SK02-IKK2"][:2] == (46, 46 / 48 * 100)  # 3+4+5+4+3+5+4+4+5+4+3+2 months, not tercapai
    assert found["SK01-IKK4"][0] == 221 / 239 * 100  # Σ pembilang / Σ penyebut of the 12 months: 92,47%
    monthly = [int(row["num"]) / int(row["den"]) * 100 for row in _csv("realisasi_2024.csv")
               if row["code"].startswith("SK01-IKK4.")]
    assert len(monthly) == 12 and abs(sum(monthly) / 12 - found["SK01-IKK4"][0]) > 2.5  # never the mean of months
    assert found["SK01-IKK2"][0] == 3480.15 / 42 / 25  # the index on 25–100 brought to 1–4
    assert found["SK03-IKK1"][0] == (14862.35 - 14178.6) / 14178.6 * 100  # growth 4,82%: not tercapai
    assert found["SK04-IKK2"][1] == (2 * 14 - 15.3) / 14 * 100  # lower is better: 90,71%
    assert found["SK03-IKK2"][1] == (2 * 9.5 - 9.12) / 9.5 * 100  # 104%
    assert found["SK01-IKK3"][:2] == (100.0, 100.0)  # NIHIL
    assert [code for code, (_, _, ok) in found.items() if not ok] == ["SK02-IKK2", "SK03-IKK1", "SK04-IKK2"]


def test_the_budget_adds_up_to_the_master_s_anggaran():
    """Sub kegiatan add up to their kegiatan and program, and the sub kegiatan of each Kode SK to its Anggaran."""
    rows = _csv("anggaran_2024.csv")
    anggaran = {int(row["sk_no"]): int(row["anggaran"]) for row in _csv("pk_2024.csv") if row["anggaran"]}
    per_sk: dict[int, int] = {}
    for row in rows:
        if row["kode_sk"]:
            assert row["tingkat"] == "Sub Kegiatan"
            per_sk[int(row["kode_sk"])] = per_sk.get(int(row["kode_sk"]), 0) + int(row["pagu"])
    assert per_sk == anggaran and len(anggaran) == 4
    for level, child in (("Program", "Kegiatan"), ("Kegiatan", "Sub Kegiatan")):
        for parent in (row for row in rows if row["tingkat"] == level):
            children = [row for row in rows if row["tingkat"] == child and row["kelompok"] == parent["uraian"]]
            for key in ("pagu", "realisasi"):
                assert sum(int(row[key]) for row in children) == int(parent[key]), (parent["uraian"], key)
    assert all(row["catatan"] == "angka rekaan" for name in SOURCES[:3] for row in _csv(name))


def test_the_notes_print_the_numbers_as_computed():
    """samples/CATATAN_SAMPEL.md › Sampel Pemkab: every capaian and the headline as computed here, and it says
    that the figures are made up."""
    section = NOTES.read_text(encoding="utf-8").split("## Sampel Pemkab (angka rekaan)")[1]
    found = expected()
    for code, (_, capaian, ok) in found.items():
        line = next(line for line in section.splitlines() if line.startswith(f"| {code} "))
        assert f"{format_number(capaian, 2)}%" in line, (code, line)
        assert ("tidak tercapai" in line) == (not ok), code
    assert "**10 dari 13 IKK tercapai**" in section and "angka rekaan" in section


# --------------------------------------------------------------------------- the command line


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, object]:
    """Every command on the sample, once: forms, validate, consolidate, tables with every input and with none."""
    folder = tmp_path_factory.mktemp("pemkab")
    konsolidasi, tabel, minimal = folder / "konsolidasi_2024.xlsx", folder / "tabel_2024.xlsx", folder / "minimal.xlsx"
    return {
        "folder": folder, "konsolidasi": konsolidasi, "tabel": tabel, "minimal": minimal,
        "forms": run("forms", MASTER, "--out-dir", folder / "formulir"),
        "validate": run("validate", FORMS, "--master", MASTER),
        "validate_json": run("validate", FORMS, "--master", MASTER, "--json"),
        "consolidate": run("consolidate", FORMS, "--master", MASTER, "--out", konsolidasi),
        "consolidate_json": run("consolidate", FORMS, "--master", MASTER, "--out", folder / "json.xlsx", "--json"),
        "tables": run("tables", konsolidasi, "--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA,
                      "--anggaran", ANGGARAN, "--out", tabel),
        "tables_json": run("tables", konsolidasi, "--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA,
                           "--anggaran", ANGGARAN, "--out", folder / "tabel_json.xlsx", "--json"),
        "tables_minimal": run("tables", konsolidasi, "--master", MASTER, "--out", minimal),
    }


def test_forms_from_the_master_are_the_committed_forms(runs):
    """A blank form of each Bidang has the committed form's stamp, locked content, rows and columns."""
    result = runs["forms"]
    assert result.exit_code == 0, result.output
    written = sorted((runs["folder"] / "formulir").iterdir())
    assert sorted(p.name for p in written) == sorted(p.name for p in FORMS.iterdir())
    assert len(written) == len(BIDANG)
    for path in written:
        blank, filled = read_form(path), read_form(FORMS / path.name)
        assert blank.stamp == filled.stamp and blank.locked == filled.locked, path.name
        assert (blank.columns, blank.row_index, blank.indicators) == (filled.columns, filled.row_index,
                                                                      filled.indicators)
        assert blank.words == filled.words and blank.words.unit == "Bidang" and blank.words.office_short == "Bappeda"
    assert {read_form(p).header["divisi"].value for p in written} == set(BIDANG)
    months = [code for code in read_form(FORMS / "Formulir_2024_Sekretariat.xlsx").row_index if "." in code]
    assert months == [f"SK01-IKK4.B{m:02d}" for m in range(1, 13)]  # the monthly IKK: its 12 month rows


def test_the_filled_forms_validate_without_a_problem(runs):
    assert runs["validate"].exit_code == 0, runs["validate"].output
    report = json.loads(runs["validate_json"].stdout)
    assert runs["validate_json"].exit_code == 0 and report["problems"] == []


def test_the_headline_is_the_hand_arithmetic(runs):
    result = runs["consolidate"]
    assert result.exit_code == 0, result.output
    found = expected()
    achieved = sum(ok for _, _, ok in found.values())
    assert (achieved, len(found)) == (10, 13)
    headline = f"{achieved} dari {len(found)} IKK tercapai"
    assert f"{headline}." in result.output.splitlines()
    assert json.loads(runs["consolidate_json"].stdout)["summary"]["headline"] == headline
    data = list(openpyxl.load_workbook(runs["konsolidasi"], data_only=True)["Data"].iter_rows(values_only=True))
    head = data[0]
    assert head[:6] == ("Badan", "Tahun", "Periode", "Kode IKK", "Bidang", "No. Bidang")
    column = {title: n for n, title in enumerate(head)}
    rows = {row[column["Kode IKK"]]: row for row in data[1:]}
    assert list(rows) == list(found)
    for code, (realisasi, capaian, ok) in found.items():
        row = rows[code]
        assert math.isclose(row[column["Realisasi"]], realisasi, rel_tol=1e-12), code
        assert math.isclose(row[column["Capaian (%)"]], capaian, rel_tol=1e-12), code
        assert row[column["Status"]] == ("Tercapai" if ok else "Tidak Tercapai"), code


def _rows(path: Path, sheet: str) -> list[tuple]:
    return [row for row in openpyxl.load_workbook(path, data_only=True)[sheet].iter_rows(values_only=True)
            if any(v is not None for v in row)]


def test_tables_with_the_budget_the_earlier_year_and_the_renstra(runs):
    result = runs["tables"]
    assert result.exit_code == 0, result.output
    assert "(41 tabel bernomor, Tabel 3.1 sampai Tabel 3.41)" in result.output
    warnings = [w["code"] for w in json.loads(runs["tables_json"].stdout)["problems"]]
    assert warnings.count("budget_sheet_absent") == 3  # SMART, IKPA, e-Monev: each said once
    assert warnings.count("budget_capaian_skipped") == 1
    assert "tables_new_ikk" in warnings and "SK01-IKK4, SK02-IKK3" in result.output
    book = openpyxl.load_workbook(runs["tabel"], data_only=True)
    titles = [row[1] for row in _rows(runs["tabel"], "Daftar Tabel")[2:]]
    instansi = "Badan Perencanaan Pembangunan Daerah Kabupaten Contoh (Per 31 Desember 2024)"
    assert titles[-3:] == [f"Pagu dan Realisasi Anggaran per {level} {instansi}"
                           for level in ("Program", "Kegiatan", "Sub Kegiatan")]
    assert not any("SMART" in title or "IKPA" in title for title in titles)
    # the efficiency table: each SK's anggaran from the master, its realisasi the sum of its sub kegiatan
    budget = _csv("anggaran_2024.csv")
    efficiency = {row[0]: row for row in _rows(runs["tabel"], "Efisiensi Anggaran") if isinstance(row[0], int)}
    for ikk in (row for row in _csv("pk_2024.csv") if row["anggaran"]):
        spent = sum(int(row["realisasi"]) for row in budget if row["kode_sk"] == ikk["sk_no"])
        sk = efficiency[int(ikk["sk_no"])]
        assert sk[2:4] == (int(ikk["anggaran"]), spent)
        assert math.isclose(sk[4], spent / int(ikk["anggaran"]) * 100, rel_tol=1e-12)
    # the earlier year: realisasi from the counts where given, no target where none was given
    sheet = book["SK01-IKK2"]
    comparison = [row for row in sheet.iter_rows(values_only=True) if row[0] == (
        "Indeks kepuasan pengguna layanan data dan informasi perencanaan")][1]
    assert comparison[1:3] == (3.2, 3302.4 / 40 / 25)
    rows = _rows(runs["tabel"], "SK02-IKK2")
    caption = next(i for i, row in enumerate(rows) if str(row[0]).startswith("Tabel 3.17 "))
    assert rows[caption + 3][1:4] == ("data tidak tersedia", 41, "data tidak tersedia")


def test_tables_with_nothing_but_the_master(runs):
    result = runs["tables_minimal"]
    assert result.exit_code == 0, result.output
    assert "(40 tabel bernomor, Tabel 3.1 sampai Tabel 3.40)" in result.output
    for code in ABSENT.values():  # each input not given said exactly once
        assert len([line for line in result.output.splitlines() if f"[{code}]" in line]) == 1, code
    assert "Efisiensi Anggaran" in openpyxl.load_workbook(runs["minimal"]).sheetnames  # the master has Anggaran


# --------------------------------------------------------------------------- the organisation's own words


def _user_texts() -> list[str]:
    """Everything the sample's users typed (the CSV files): shown as typed, whatever it says."""
    return [value for name in SOURCES for row in _csv(name) for value in row.values() if len(value) > 3]


def test_no_default_word_in_any_output_or_message(runs):
    user = _user_texts()
    assert not [text for text in user if DEFAULT_WORD.search(text)]  # so any default word found is the toolkit's
    outputs = [runs["konsolidasi"], runs["tabel"], runs["minimal"], *sorted((runs["folder"] / "formulir").iterdir()),
               *sorted(FORMS.iterdir()), MASTER]
    for path in outputs:
        bad = [(sheet, cell, text) for sheet, cell, text in workbook_texts(path) if DEFAULT_WORD.search(text)
               and not (path == MASTER and sheet == "Info" and cell in SEBUTAN_HELP)]
        assert bad == [], f"{path.name}: {bad[:5]}"
    names = ("forms", "validate", "validate_json", "consolidate", "consolidate_json", "tables", "tables_json",
             "tables_minimal")
    for name in names:
        text = re.sub(r"\[[a-z0-9_]+\]|\"code\": \"[a-z0-9_]+\"", "", runs[name].output)  # problem codes aside
        assert DEFAULT_WORD.findall(text) == [], (name, runs[name].output)


# --------------------------------------------------------------------------- LibreOffice


def test_libreoffice_recomputes_every_formula(runs, tmp_path):
    """The consolidated workbook, both table workbooks and the committed forms (whose monthly IKK rows are
    formulas over the months): every formula's stored value is LibreOffice's."""
    require_soffice()
    paths = [runs["konsolidasi"], runs["tabel"], runs["minimal"], *sorted(FORMS.iterdir())]
    for original, copy in recalculate_many(paths, tmp_path).items():
        assert mismatches_after(original, copy) == [], original.name


# --------------------------------------------------------------------------- the committed files


def test_committed_files_are_what_the_script_writes(tmp_path):
    """samples/build_pemkab_sample.py regenerates every committed file of samples/pemkab/ exactly, and no other."""
    paths = sample_script(BUILD.stem).build(tmp_path)
    committed = sorted(p.relative_to(PEMKAB) for p in PEMKAB.rglob("*") if p.is_file() and p.name not in SOURCES)
    assert committed == sorted(p.relative_to(tmp_path) for p in paths)
    for path in paths:
        target = PEMKAB / path.relative_to(tmp_path)
        assert target.read_bytes() == path.read_bytes(), f"{target} is stale: run {BUILD.name} --force"
