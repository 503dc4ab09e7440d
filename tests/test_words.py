"""Any agency's own words (lkjip_xl.words): a Pemkab "Dinas" with "Bidang" instead of a "Kantor Wilayah" with "Divisi".

A master declares its words in sheet Info (Sebutan Instansi, Sebutan Singkat, Sebutan Unit Kerja, Sebutan
Pimpinan); its forms carry them in their locked content, and every workbook, title, column, sheet name,
message and file name of the run says them — while what a user typed (an IKK text holding "Divisi", a
Keterangan holding "Kanwil") is shown exactly as typed.  The default words change nothing (the committed
samples stay byte-identical: tests/test_samples.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.consolidate import consolidate
from lkjip_xl.forms import write_forms
from lkjip_xl.layout import STAMP_SHEET
from lkjip_xl.master import MasterError, read_master
from lkjip_xl.messages import LABELS, MESSAGES, label, msg, translated, use_words
from lkjip_xl.model import AchievementRule, Indicator, IndicatorInput, Master, Method
from lkjip_xl.national import consolidate_national
from lkjip_xl.reader import read_form
from lkjip_xl.template import write_master
from lkjip_xl.validate import validate_files
from lkjip_xl.words import DEFAULT_WORDS, WORD_LIMITS, Words, make_words, word_problem

ROOT = Path(__file__).resolve().parents[1]
WORDS = Words(office="Dinas", office_short="Dinas", unit="Bidang", head="Kepala Dinas")
#: User data holding the catalogue's words: shown as typed, never rewritten.
USER_TEXT = "Persentase layanan Divisi Umum yang selesai tepat waktu"
NOTE = "Angka dari Kanwil lama, Kantor Wilayah provinsi"
#: The catalogue's words of the organisation, whole words (also "Divisinya", "Kanwil_1").
DEFAULT_WORD = re.compile(r"(?<![^\W_])(divisi|kanwil|kantor wilayah)(?![^\W_])", re.IGNORECASE)
QUARTERS = ("Triwulan I", "Triwulan II")


def pemkab_master(words: Words = WORDS) -> Master:
    indicators = (
        Indicator("SEK01-IKK1", "Sekretariat", 1, "Meningkatnya tata kelola perangkat daerah", 1, USER_TEXT, "%",
                  90.0, method=Method.RASIO),
        Indicator("SEK01-IKK2", "Sekretariat", 1, "Meningkatnya tata kelola perangkat daerah", 2,
                  "Nilai evaluasi SAKIP", "Indeks", 70.0),
        Indicator("YAN02-IKK1", "Pelayanan Kesehatan", 2, "Meningkatnya mutu layanan kesehatan", 1,
                  "Jumlah puskesmas terakreditasi", "Puskesmas", 12.0),
        Indicator("CEG03-IKK1", "Pencegahan Penyakit", 3, "Menurunnya angka kesakitan", 1,
                  "Persentase balita diimunisasi lengkap", "%", 95.0, method=Method.RASIO),
        Indicator("SDK04-IKK1", "Sumber Daya Kesehatan", 4, "Meningkatnya sumber daya kesehatan", 1,
                  "Jumlah tenaga kesehatan terlatih", "Orang", 40.0),
    )
    return Master("Dinas Kesehatan Kabupaten Contoh", 2024, indicators, AchievementRule(), words=words)


INPUTS = {
    "SEK01-IKK1": IndicatorInput("SEK01-IKK1", pairs=[(45.0, 50.0)], keterangan=NOTE),
    "SEK01-IKK2": IndicatorInput("SEK01-IKK2", value=72.5),
    "YAN02-IKK1": IndicatorInput("YAN02-IKK1", value=10.0),
    "CEG03-IKK1": IndicatorInput("CEG03-IKK1", pairs=[(190.0, 200.0)]),
    "SDK04-IKK1": IndicatorInput("SDK04-IKK1", value=41.0),
}


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def foreign_words(text: str) -> list[str]:
    """The catalogue's words of the organisation in ``text``, once the user's own texts and the problem codes
    (stable identifiers such as ``[form_missing_divisi]``) are taken out."""
    for own in (USER_TEXT, NOTE):
        text = text.replace(own, "")
    return DEFAULT_WORD.findall(re.sub(r"\[[a-z0-9_]+\]", "", text))


def workbook_texts(path: Path) -> list[tuple[str, str, str]]:
    """(sheet, cell, text) of every sheet name and string cell of ``path`` (the stamp sheet aside)."""
    book = openpyxl.load_workbook(path)
    found = [(sheet.title, "", sheet.title) for sheet in book.worksheets]
    for sheet in book.worksheets:
        if sheet.title == STAMP_SHEET:
            continue
        found += [(sheet.title, cell.coordinate, cell.value) for row in sheet.iter_rows() for cell in row
                  if isinstance(cell.value, str)]
        for validation in sheet.data_validations.dataValidation:
            found += [(sheet.title, str(validation.sqref), text) for text in
                      (validation.prompt, validation.promptTitle, validation.error, validation.errorTitle) if text]
    found += [("", "title", book.properties.title or "")]
    return found


def assert_own_words_only(*paths: Path) -> None:
    """Every text of every workbook says the organisation's words; the catalogue's appear only in user data."""
    for path in paths:
        bad = [(sheet, cell, text) for sheet, cell, text in workbook_texts(path) if foreign_words(text)]
        assert bad == [], f"{path.name}: {bad[:5]}"


# --------------------------------------------------------------------------- the mechanism


def test_the_default_words_change_nothing():
    assert Words() == DEFAULT_WORDS and DEFAULT_WORDS.is_default and DEFAULT_WORDS.replacements() == ()
    assert (DEFAULT_WORDS.office, DEFAULT_WORDS.office_short, DEFAULT_WORDS.unit, DEFAULT_WORDS.head) == (
        "Kantor Wilayah", "Kanwil", "Divisi", "Kepala Kantor Wilayah")
    for words in (None, DEFAULT_WORDS):
        with use_words(words):
            assert all(label(code) == text for code, text in LABELS.items())
            assert all(translated(text, template=True) is text for text in MESSAGES.values())
    assert msg("form_missing_divisi", divisi="Umum") == (
        "Formulir Divisi Umum belum ada. IKK Divisi ini tidak ikut dihitung.")


def test_catalogue_words_become_the_organisation_s_own():
    with use_words(WORDS):
        assert label("col_unit_action_plan") == "Kepala Dinas/Bidang"  # "Kepala Kantor Wilayah" first, then "Divisi"
        assert label("sheet_matrix") == "Tercapai per Bidang"
        assert label("col_no_kanwil") == "No. Dinas"
        assert label("field_divisi_order") == "Daftar Bidang"
        assert msg("filename_divisi_fallback", n=3) == "Bidang_3"
        assert msg("filename_kanwil_fallback", n=2) == "Dinas_2"
        assert msg("template_help_action_no").startswith("Nomor Target Kinerja di dalam Bidangnya:")
        assert msg("summary_kanwil_row", kanwil="Dinas Kesehatan") == "Dinas (Dinas Kesehatan)"
    assert translated("DIVISI, divisi dan Divisi; Divisional", WORDS) == "BIDANG, bidang dan Bidang; Divisional"
    assert label("col_divisi") == "Divisi"  # outside the block: the catalogue's own again


def test_fields_are_never_rewritten():
    """Names, paths and values filled into a text are the user's: "Divisi Umum" stays "Divisi Umum"."""
    with use_words(WORDS):
        assert msg("form_missing_divisi", divisi="Divisi Umum") == (
            "Formulir Bidang Divisi Umum belum ada. IKK Bidang ini tidak ikut dihitung.")
        assert msg("form_other_kanwil", path="Kanwil/x.xlsx", found="Kanwil A", expected="Kanwil B") == (
            "Formulir Kanwil/x.xlsx milik Kanwil A, bukan Kanwil B. Kirim formulir Dinas yang benar.")
    braces = Words(unit="Unit {x}")  # a word is never a format field
    assert translated("Divisi {divisi}", braces, template=True).format(divisi="D") == "Unit {x} D"


def test_blank_words_are_completed_from_the_office():
    assert make_words("Dinas") == Words("Dinas", "Dinas", "Divisi", "Kepala Dinas")
    assert make_words("Badan", "", "Bidang", "") == Words("Badan", "Badan", "Bidang", "Kepala Badan")
    assert make_words(unit="Seksi") == Words(unit="Seksi")
    assert make_words() == DEFAULT_WORDS


def test_a_word_must_stay_a_legal_sheet_and_file_name():
    assert word_problem("unit", "Sub Bagian") is None and word_problem("head", "Kepala Dinas Kesehatan") is None
    assert word_problem("unit", "Bidang/Seksi") == msg("detail_word_chars")
    assert word_problem("unit", "Bidang_1") == msg("detail_word_chars")
    assert WORD_LIMITS["unit"] == 31 - len("Tercapai per ")  # the sheet "Tercapai per <unit>"
    assert word_problem("unit", "U" * 19) == msg("detail_word_length", limit=18)


# --------------------------------------------------------------------------- the master and its forms


@pytest.fixture(scope="module")
def pemkab(tmp_path_factory) -> dict[str, Path]:
    """A Pemkab master written with the template writer, its filled yearly forms and its quarterly forms."""
    folder = tmp_path_factory.mktemp("kata")
    master_path = write_master(pemkab_master(), folder / "master_dinas.xlsx")
    master = read_master(master_path)
    write_forms(master, folder / "formulir", inputs=INPUTS, read_from=[master_path])
    for quarter in QUARTERS:
        write_forms(master, folder / "triwulan", quarter, inputs=INPUTS, read_from=[master_path])
    return {"folder": folder, "master": master_path, "forms": folder / "formulir", "quarters": folder / "triwulan"}


def test_the_master_declares_its_words_in_sheet_info(pemkab):
    assert read_master(pemkab["master"]) == pemkab_master()
    book = openpyxl.load_workbook(pemkab["master"])
    info = {row[0]: row[1] for row in book["Info"].iter_rows(min_row=3, values_only=True)}
    assert info["Nama Instansi"] == "Dinas Kesehatan Kabupaten Contoh"
    assert [info[name] for name in ("Sebutan Instansi", "Sebutan Singkat", "Sebutan Unit Kerja",
                                    "Sebutan Pimpinan")] == ["Dinas", "Dinas", "Bidang", "Kepala Dinas"]
    assert book["PK"]["A1"].value == "Bidang"
    assert "Nama lengkap Dinas" in [row[2] for row in book["Info"].iter_rows(values_only=True)]


def test_a_master_of_an_earlier_version_or_filled_by_hand_is_read(pemkab, tmp_path):
    """The old label "Kantor Wilayah" of the name is still read; the words typed into the blank template
    (whose PK column is titled "Divisi") are the master's words; a word that cannot be used is refused."""
    book = openpyxl.load_workbook(pemkab["master"])
    info = book["Info"]
    rows = {info.cell(r, 1).value: r for r in range(1, info.max_row + 1)}
    info.cell(rows["Nama Instansi"], 1).value = "Kantor Wilayah"
    info.cell(rows["Sebutan Singkat"], 2).value = None
    info.cell(rows["Sebutan Pimpinan"], 2).value = None
    book["PK"]["A1"].value = "Divisi"
    book.save(tmp_path / "tangan.xlsx")
    assert read_master(tmp_path / "tangan.xlsx") == pemkab_master()  # the blanks completed from "Dinas"
    info.cell(rows["Sebutan Unit Kerja"], 2).value = "Bidang/Seksi"
    book.save(tmp_path / "salah.xlsx")
    with pytest.raises(MasterError) as refused:
        read_master(tmp_path / "salah.xlsx")
    [problem] = refused.value.problems
    assert (problem.code, problem.sheet, problem.cell) == (
        "master_value_invalid", "Info", f"B{rows['Sebutan Unit Kerja']}")
    assert msg("detail_word_chars") in problem.message


def test_forms_show_the_words_and_carry_them_in_their_stamp(pemkab, tmp_path):
    path = pemkab["forms"] / "Formulir_2024_Sekretariat.xlsx"
    sheet = openpyxl.load_workbook(path)["Formulir"]
    assert [(sheet[f"A{r}"].value, sheet[f"C{r}"].value) for r in (3, 5)] == [
        ("Dinas", "Dinas Kesehatan Kabupaten Contoh"), ("Bidang", "Sekretariat")]
    form = read_form(path)
    assert form.words == WORDS and form.locked["words"] == {
        "office": "Dinas", "office_short": "Dinas", "unit": "Bidang", "head": "Kepala Dinas"}
    assert form.header["divisi"].value == "Sekretariat"  # the header block found by its own labels
    assert_own_words_only(*sorted(pemkab["forms"].iterdir()))
    # a form of the default words carries none: its locked content and hash are what they always were
    default = write_forms(pemkab_master(DEFAULT_WORDS), tmp_path, inputs=INPUTS)[0]
    assert "words" not in read_form(default).locked and read_form(default).words == DEFAULT_WORDS
    assert openpyxl.load_workbook(default)["Formulir"]["A5"].value == "Divisi"


def test_validate_prints_problems_in_the_words_and_values_as_typed(pemkab, tmp_path):
    """A missing Bidang, a changed header and a changed IKK text: the problems say "Bidang", the IKK text
    holding "Divisi" is quoted as typed."""
    folder = tmp_path / "kiriman"
    folder.mkdir()
    book = openpyxl.load_workbook(pemkab["forms"] / "Formulir_2024_Sekretariat.xlsx")
    book["Formulir"]["C5"] = "Sekretariat Daerah"
    book["Formulir"]["E9"] = USER_TEXT + " (diubah)"
    book.save(folder / "Formulir_2024_Sekretariat.xlsx")
    (folder / "Formulir_2024_Pelayanan_Kesehatan.xlsx").write_bytes(
        (pemkab["forms"] / "Formulir_2024_Pelayanan_Kesehatan.xlsx").read_bytes())
    result = run("validate", folder, "--master", pemkab["master"], "--feedback-dir", tmp_path / "balik")
    assert result.exit_code == 1
    out = result.output
    assert "Formulir Bidang Pencegahan Penyakit belum ada. IKK Bidang ini tidak ikut dihitung." in out
    assert "› Formulir › C5: Isian 'Bidang' diubah" in out and f"semula '{USER_TEXT}'" in out
    assert foreign_words(out) == [], out
    assert_own_words_only(tmp_path / "balik" / "Formulir_2024_Sekretariat_pemeriksaan.xlsx")
    as_json = json.loads(run("validate", folder, "--master", pemkab["master"], "--json").stdout)
    assert all(foreign_words(problem["message"]) == [] for problem in as_json["problems"])
    # without the master each form speaks its own stamp's words, and so does the set
    without = validate_files([folder])
    assert without.words == WORDS and all(foreign_words(p.message) == [] for p in without.problems)


def test_consolidated_workbook_records_and_tables_speak_the_words(pemkab, tmp_path):
    out = tmp_path / "konsolidasi.xlsx"
    result = run("consolidate", pemkab["forms"], "--master", pemkab["master"], "--out", out)
    assert result.exit_code == 0 and foreign_words(result.output) == [], result.output
    assert_own_words_only(out)
    summary = openpyxl.load_workbook(out)["Ringkasan"]
    assert [summary[f"A{r}"].value for r in (3, 8)] == ["Bidang", "Dinas (Dinas Kesehatan Kabupaten Contoh)"]
    records = consolidate([pemkab["forms"]], tmp_path / "api.xlsx", pemkab["master"]).to_records()
    assert list(records[0])[:6] == ["Dinas", "Tahun", "Periode", "Kode IKK", "Bidang", "No. Bidang"]
    assert records[0]["Bidang"] == "Sekretariat" and records[0]["Indikator Kinerja Kegiatan"] == USER_TEXT
    data = openpyxl.load_workbook(out)["Data"]
    assert [cell.value for cell in data[1]] == list(records[0])  # the sheet and the records agree
    tables = tmp_path / "tabel.xlsx"
    done = run("tables", out, "--master", pemkab["master"], "--out", tables)
    assert done.exit_code == 0 and foreign_words(done.output) == [], done.output
    assert_own_words_only(tables)


def test_periods_and_the_national_run_speak_the_words_also_in_the_pool(pemkab, tmp_path):
    """Quarterly forms: the period workbook with its monitoring view.  Four Dinas of four Kabupaten (16 forms,
    read by a process pool): a form with a changed header is refused there, its problem said in the form's
    own words, and the national workbook names the Dinas and their Bidang."""
    out = tmp_path / "triwulan.xlsx"
    result = run("consolidate", pemkab["quarters"], "--master", pemkab["master"], "--out", out)
    assert result.exit_code == 0 and foreign_words(result.output) == [], result.output
    assert "Pemantauan" in openpyxl.load_workbook(out).sheetnames
    assert_own_words_only(out)
    folder = tmp_path / "kabupaten"
    for place in ("Bangka", "Belitung", "Bangka Barat", "Bangka Tengah"):
        master = replace(pemkab_master(), kanwil=f"Dinas Kesehatan Kabupaten {place}")
        write_forms(master, folder / place, inputs=INPUTS)
    changed = folder / "Bangka" / "Formulir_2024_Sekretariat.xlsx"
    book = openpyxl.load_workbook(changed)
    book["Formulir"]["C5"] = "Sekretariat Daerah"
    book.save(changed)
    national = consolidate_national(sorted(folder.iterdir()), tmp_path / "nasional", skip_invalid=True, workers=2)
    assert len(national.outputs) == 5 and national.refused == [str(changed)]
    assert [p.message.split(" di ")[0] for p in national.report.problems if p.code == "header_changed"] == [
        "Isian 'Bidang'"]
    assert all(foreign_words(p.message) == [] for p in national.report.problems)
    assert openpyxl.load_workbook(national.output).sheetnames[1] == "Tercapai per Bidang"
    assert_own_words_only(*national.outputs)
    assert national.words == WORDS


def test_a_default_master_reads_and_writes_as_before():
    """The committed master and forms: no words declared, nothing replaced (their bytes: tests/test_samples.py)."""
    master = read_master(ROOT / "samples" / "master_pk_2023.xlsx")
    assert master.words == DEFAULT_WORDS
    assert replace(master, words=WORDS).words.replacements() == (
        ("Kantor Wilayah", "Dinas"), ("Kanwil", "Dinas"), ("Divisi", "Bidang"),
        ("Kepala Kantor Wilayah", "Kepala Dinas"), ("Wilayah", "Dinas"))  # "NILAI SMART WILAYAH": the office
    form = read_form(ROOT / "samples" / "formulir" / "Formulir_2023_Administrasi.xlsx")
    assert form.words == DEFAULT_WORDS and "words" not in form.locked
