"""Names, consistency, number limits, number texts and control characters, through the real command line.

The corpus is :mod:`fixtures_consistency`: every case is consolidated with ``lkjip-xl
consolidate --json`` (``--out-dir`` for the national cases) and must give its exit code and
problems (code, sheet, cell) — never a traceback — and leave every input byte-identical.
The accepted outputs (with ``--skip-invalid`` where a form is refused) are recalculated by
LibreOffice in one run: every formula recomputes to its stored value and the headline is
the one calc gives.
"""

from __future__ import annotations

import json
import math
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from click.testing import CliRunner

from engine import mismatches_after, recalculate_many, require_soffice
from fixtures_consistency import CONTROLS, KANWIL, MASTER_IN_CASE, Case, build, corpus
from fixtures_bad import MASTER, SAMPLES
from lkjip_xl import calc
from lkjip_xl.cli import cli
from lkjip_xl.capaian_book import SHEET_SUMMARY
from lkjip_xl.control import Outcome, write_outcome_to_file
from lkjip_xl.fileio import sha256_file
from lkjip_xl.messages import msg, visible
from lkjip_xl.national_book import SHEET_NATIONAL
from lkjip_xl.problems import Problem

CASES = {case.name: case for case in corpus()}
HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("korpus")
    return {name: build(case, root / name) for name, case in CASES.items()}


@pytest.fixture(autouse=True)
def inputs_unchanged(request):
    """Every input (the case folders, the samples, the master) is byte-identical after each test."""
    folders = list(request.getfixturevalue("built").values()) if "built" in request.fixturenames else []
    inputs = [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    inputs += [*SAMPLES.iterdir(), MASTER]
    before = {str(p): sha256_file(p) for p in inputs}
    yield
    assert {str(p): sha256_file(p) for p in inputs} == before


def run(*args) -> object:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def arguments(case: Case, folder: Path, out: Path) -> list:
    if case.national:
        return [*sorted(p for p in folder.iterdir() if p.is_dir()), "--out-dir", out]
    master = folder / MASTER_IN_CASE if (folder / MASTER_IN_CASE).exists() else MASTER
    return [folder, "--out", out / "konsolidasi.xlsx", *(["--master", master] if case.master else [])]


def report_of(result) -> dict:
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", CASES)
def test_case_gets_its_exit_code_and_problems(name, built, tmp_path):
    case, folder = CASES[name], built[name]
    result = run("consolidate", "--json", *arguments(case, folder, tmp_path / "hasil"))
    assert result.exit_code == case.exit_code, result.output
    problems = report_of(result)["problems"]

    def where(p: dict) -> str:
        return str(Path(p["file"]).relative_to(folder)) if p["file"] else ""

    found = {(where(p), p["code"], p["sheet"], p["cell"], p["severity"]) for p in problems}
    for want in case.wants:
        assert (visible(want.file), want.code, want.sheet, want.cell, want.severity) in found, (want, found)
    refused = {where(p) for p in problems if p["severity"] == "error" and p["file"]}
    assert refused == {visible(name) for name in case.refused}
    for p in problems:
        if p["cell"]:
            assert p["cell"] in p["message"] and f"sheet '{p['sheet']}'" in p["message"]
        assert not any(unicodedata.category(ch) in HIDDEN for field in p.values() for ch in str(field))
    assert ("no_master", "warning") in {(p["code"], p["severity"]) for p in problems} or case.master
    if case.exit_code == 0:
        assert (tmp_path / "hasil").exists()
    elif not case.refused:
        pytest.fail("a refused run must name the forms it refused")
    else:
        assert not (tmp_path / "hasil").exists()  # nothing is written when a form is refused


@pytest.fixture(scope="module")
def outputs(built, tmp_path_factory) -> dict[str, tuple[Path, object]]:
    """The workbook(s) of every case with a headline, consolidated with --skip-invalid when needed."""
    root = tmp_path_factory.mktemp("hasil")
    out = {}
    for name, case in CASES.items():
        if case.headline is None:
            continue
        target = root / name
        skip = ["--skip-invalid"] if case.refused else []
        result = run("consolidate", *arguments(case, built[name], target), *skip)
        assert result.exit_code == (1 if case.refused else 0), result.output
        assert f"{case.headline}." in result.output
        out[name] = (target / ("Nasional_2023.xlsx" if case.national else "konsolidasi.xlsx"), result)
    return out


@pytest.fixture(scope="module")
def recalculated(outputs, tmp_path_factory) -> dict[str, Path]:
    """Every output recalculated by LibreOffice, in one run (named by case: stems are unique)."""
    require_soffice()
    root = tmp_path_factory.mktemp("libreoffice")
    copies = {}
    for name, (path, _) in outputs.items():
        copy = root / "salinan" / f"{name}.xlsx"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(path.read_bytes())
        copies[name] = copy
    converted = recalculate_many(list(copies.values()), root)
    return {name: (copies[name], converted[copies[name]]) for name in copies}


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.headline is not None])
def test_headline_and_summaries_after_libreoffice(name, recalculated, outputs):
    case = CASES[name]
    original, converted = recalculated[name]
    assert mismatches_after(original, converted) == []
    book = openpyxl.load_workbook(converted, data_only=True)
    sheet = book[SHEET_NATIONAL if case.national else SHEET_SUMMARY]
    rows = [row for row in sheet.iter_rows(values_only=True)]
    headline = next(row[1] for row in rows if row[0] == "Kesimpulan")
    assert headline == case.headline
    assert msg("no_master_note") in {row[0] for row in rows} or case.master
    period = "s.d. Triwulan I Tahun 2023" if "triwulan" in name else " Tahun 2023"
    assert rows[0][0].endswith(period)
    assert ("s.d." in rows[0][0]) == ("triwulan" in name)  # period forms never call themselves the year
    # every Divisi (Kanwil) row counts exactly its own IKK: the sum is the whole
    first = 4 if case.national else 3
    body = [row for row in rows[first:] if isinstance(row[0], str) and row[0] and isinstance(row[1], (int, float))]
    groups, total = body[:-1], body[-1]
    column = 2 if case.national else 1
    assert sum(row[column] for row in groups) == total[column]
    assert sum(row[column + 1] for row in groups) == total[column + 1]
    book.close()
    # openpyxl and pandas open every output; no cell holds a non-finite number
    for path in original.parent.glob("*.xlsx"):
        for ws in openpyxl.load_workbook(path, data_only=True).worksheets:
            for row in ws.iter_rows(values_only=True):
                assert all(math.isfinite(v) for v in row if isinstance(v, float))


def test_national_star_kanwil_swallows_nothing(recalculated):
    """A re-stamped "Kantor Wilayah*" is refused; the rest is counted on numbers, not names."""
    _, converted = recalculated["nama_kanwil_bintang_nasional"]
    rows = list(openpyxl.load_workbook(converted, data_only=True)[SHEET_NATIONAL].iter_rows(values_only=True))
    assert rows[4][:5] == (KANWIL, 4, 60, 54, 6)  # Babel alone: its 4 forms, nothing of the refused Kanwil
    assert rows[5][:4] == ("Nasional", 4, 60, 54)


def test_legal_unusual_names_are_counted_per_divisi(recalculated):
    _, converted = recalculated["nama_divisi_sah_angka"]
    rows = list(openpyxl.load_workbook(converted, data_only=True)[SHEET_SUMMARY].iter_rows(values_only=True))
    counts = {row[0]: row[1:3] for row in rows[3:7]}
    assert counts == {"100": (1, 1), "Pemasyarakatan": (36, 30), "1/2": (2, 2), "Pelayanan Hukum dan HAM": (21, 21)}


def test_master_refuses_names_equal_but_for_case(tmp_path):
    from dataclasses import replace

    from fixtures_consistency import SAMPLE_MASTER, renamed
    from lkjip_xl.template import write_master

    master = replace(SAMPLE_MASTER, indicators=SAMPLE_MASTER.indicators + tuple(
        replace(i, code=i.code + "B", divisi="KEIMIGRASIAN ") for i in SAMPLE_MASTER.for_divisi("Keimigrasian")))
    path = write_master(master, tmp_path / "master.xlsx")
    result = run("validate", SAMPLES, "--master", path)
    assert result.exit_code == 2
    assert "[master_value_invalid]" in result.stderr and "sel A62" in result.stderr
    assert "sama dengan 'Keimigrasian' (sel A" in result.stderr
    for new in ("Um\rum", "Umum\u202e", "Umum\x1b"):
        path = write_master(renamed(SAMPLE_MASTER, "Administrasi", new), tmp_path / "m.xlsx", force=True)
        result = run("validate", SAMPLES, "--master", path)
        assert result.exit_code == 2 and "karakter kendali" in result.stderr
        assert not any(unicodedata.category(ch) in HIDDEN for ch in result.stderr.replace("\n", ""))


@pytest.mark.parametrize("key", ["cr", "lf", "u2028", "rlo", "nul", "esc"])
def test_text_report_cannot_be_forged(key, built):
    """The text report: one line per problem, the real summary last, control characters shown."""
    result = run("validate", built[f"kendali_angka_{key}"])
    assert result.exit_code == 1
    lines = result.output.rstrip("\n").split("\n")
    assert [line for line in lines if "Ringkasan:" in line and not line.startswith(("KESALAHAN", "PERINGATAN"))] == [
        lines[-1]]
    assert lines[-1].startswith("Ringkasan: 1 kesalahan")
    assert not any(unicodedata.category(ch) in HIDDEN for ch in result.output.replace("\n", ""))
    assert visible(CONTROLS[key]) in result.output


def test_file_names_with_control_characters_are_shown(built, tmp_path):
    folder = built["kendali_nama_berkas"]
    result = run("consolidate", folder, "--out", tmp_path / "k.xlsx")
    assert result.exit_code == 1
    assert "Formulir␍␊Ringkasan: 0 kesalahan\\u202e.xlsx" in result.output + result.stderr
    assert not any(unicodedata.category(ch) in HIDDEN for ch in (result.output + result.stderr).replace("\n", ""))


@pytest.mark.parametrize("key", ["nul", "esc", "cr", "rlo"])
def test_feedback_copies_store_every_character(key, built, tmp_path):
    folder = built[f"kendali_angka_{key}"]
    result = run("validate", folder, "--feedback-dir", tmp_path / "umpan")
    assert result.exit_code == 1
    assert "[feedback_failed]" not in result.output + result.stderr
    copy = tmp_path / "umpan" / f"kendali_{key}_pemeriksaan.xlsx"
    book = openpyxl.load_workbook(copy)
    listed = [row[6] for row in book["Pemeriksaan"].iter_rows(min_row=6, values_only=True) if row[6]]
    assert any(visible(CONTROLS[key]) in text for text in listed)
    comments = [c.comment.text for row in book["Formulir"].iter_rows() for c in row if c.comment]
    assert comments and all(not any(unicodedata.category(ch) in HIDDEN for ch in text.replace("\n", ""))
                            for text in comments)


def test_kendali_sheet_stores_every_character(tmp_path):
    path = tmp_path / "kendali.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Kendali"
    book.save(path)
    values = [f"x{c}y" for c in CONTROLS.values()]
    problems = [Problem(f"f{v}.xlsx", "value_not_number", f"pesan {v}", sheet="Formulir", cell="K9", ikk=v)
                for v in values]
    write_outcome_to_file(path, Outcome("periksa", "GAGAL", f"status {values[0]}", problems=problems,
                                        output=f"hasil{values[1]}.xlsx"))
    sheet = openpyxl.load_workbook(path)["Kendali"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("x␀y" in t for t in texts) and any("x\\u202ey" in t for t in texts)
    assert not any(unicodedata.category(ch) in HIDDEN for t in texts for ch in t)


def test_keterangan_with_control_characters_stays_data(outputs):
    """A Keterangan is data: kept as typed in "Sumber" (XlsxWriter escapes it), never a problem."""
    path, result = outputs["kendali_keterangan"]
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sumber").to_python()
    notes = {row[0]: row[3] for row in rows[1:] if row[2] == "keterangan"}
    assert notes["SK14-IKK1"] == "catatan\rbaris" and notes["SK14-IKK2"] == "catatan\nbaris"


def test_headline_of_a_quarter_names_it(outputs):
    """Triwulan I alone is "s.d. Triwulan I", in the headline, every title and the Data sheet."""
    path, result = outputs["periode_semua_triwulan_I"]
    assert calc.headline(54, 60, "s.d. Triwulan I Tahun 2023") in result.output
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["Capaian Kinerja", "Ringkasan", "Pemantauan", "Triwulan I"]
    assert book["Capaian Kinerja"]["A1"].value.endswith(" s.d. Triwulan I Tahun 2023")
    assert book["Triwulan I"]["A1"].value.endswith(" Triwulan I Tahun 2023")
    assert {row[2] for row in book["Data"].iter_rows(min_row=2, values_only=True)} == {"s.d. Triwulan I"}
