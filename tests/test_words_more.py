"""The organisation's own words in the corners the first round left (issue #13 item 1), each through the real CLI.

A Pemkab "Dinas" with "Bidang" (tests/test_words.py) sees its own words also in the problems of its master's
sheet Info, in the blank templates of its other inputs (``lkjip-xl template --master``), whose readers take
the column under either word, in the budget tables ("NILAI SMART DINAS", not "WILAYAH"), in a national run of
mixed words (the fallback to the default words is said once, naming the forms), and the ``--help`` texts
speak of any agency.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.forms import write_forms
from lkjip_xl.input_templates import ALL, TEMPLATES
from lkjip_xl.master import read_master
from lkjip_xl.master_layout import info_help
from lkjip_xl.messages import LABELS, label, msg, translated, use_words
from lkjip_xl.template import write_master
from lkjip_xl.words import DEFAULT_WORDS, INFO_KEYS, WORD_KEYS, Words
from test_input_templates import filled
from test_words import INPUTS, NOTE, USER_TEXT, WORDS, foreign_words, pemkab_master, run, workbook_texts

ROOT = Path(__file__).resolve().parents[1]
#: The catalogue's words of the organisation, with "Wilayah" alone (the office's whole: NILAI SMART WILAYAH).
DEFAULT_WORD_OR_REGION = re.compile(r"(?<![^\W_])(divisi|kanwil|kantor wilayah|wilayah)(?![^\W_])", re.IGNORECASE)
BADAN = Words(office="Badan", office_short="Badan", unit="Bidang", head="Kepala Badan")


def info_rows(book) -> dict[str, int]:
    info = book["Info"]
    return {info.cell(r, 1).value: r for r in range(1, info.max_row + 1)}


def own_words_only(path: Path, allowed: set[str] = frozenset()) -> list[tuple[str, str, str]]:
    """Every text of ``path`` that still says a catalogue word of the organisation, once the user's own texts
    are taken out (``allowed`` texts aside)."""
    return [(sheet, cell, text) for sheet, cell, text in workbook_texts(path) if text not in allowed
            and DEFAULT_WORD_OR_REGION.search(text.replace(USER_TEXT, "").replace(NOTE, ""))]


@pytest.fixture(scope="module")
def dinas(tmp_path_factory) -> dict[str, Path]:
    """The Dinas master (written by the template writer) and its filled yearly forms."""
    folder = tmp_path_factory.mktemp("dinas")
    master_path = write_master(pemkab_master(), folder / "master_dinas.xlsx")
    write_forms(read_master(master_path), folder / "formulir", inputs=INPUTS, read_from=[master_path])
    return {"folder": folder, "master": master_path, "forms": folder / "formulir"}


# --------------------------------------------------------------------------- 1. problems of the master itself


def test_every_master_problem_is_said_in_the_master_s_words_and_all_at_once(dinas, tmp_path):
    """Sheet Info and sheet PK both wrong: ``forms`` and ``validate --master`` list every problem at once, the
    Info ones too in the words the master declares ("isi sel itu: Nama lengkap Dinas")."""
    book = openpyxl.load_workbook(dinas["master"])
    rows = info_rows(book)
    book["Info"].cell(rows["Nama Instansi"], 2).value = None
    book["Info"].cell(rows["Tahun"], 2).value = "dua ribu"
    book["PK"]["A3"] = "SEKRETARIAT"  # the Bidang "Sekretariat" of A2 spelled otherwise
    bad = tmp_path / "master_salah.xlsx"
    book.save(bad)
    expected = [("master_info_missing", "Info", f"B{rows['Nama Instansi']}"),
                ("master_value_invalid", "Info", f"B{rows['Tahun']}"), ("master_value_invalid", "PK", "A3")]
    for args in (("forms", bad, "--out-dir", tmp_path / "f"), ("validate", dinas["forms"], "--master", bad)):
        result = run(*args, "--json")
        assert result.exit_code == 2
        problems = json.loads(result.stdout)["problems"]
        assert [(p["code"], p["sheet"], p["cell"]) for p in problems] == expected
        assert problems[0]["message"].endswith("(sel B3). Isi sel itu: Nama lengkap Dinas.")
        assert "nama Bidang ini sama dengan 'Sekretariat'" in problems[2]["message"]
        assert all(foreign_words(p["message"]) == [] for p in problems), problems
        text = run(*args)
        assert text.exit_code == 2 and "Nama lengkap Dinas" in text.output and foreign_words(text.output) == []
    assert not (tmp_path / "f").exists()
    # the same master in the default words says the default words
    book["Info"].cell(rows["Sebutan Instansi"], 2).value = None
    for key in ("Sebutan Singkat", "Sebutan Unit Kerja", "Sebutan Pimpinan"):
        book["Info"].cell(rows[key], 2).value = None
    book.save(bad)
    first = json.loads(run("forms", bad, "--out-dir", tmp_path / "f", "--json").stdout)["problems"][0]
    assert first["message"].endswith("Isi sel itu: Nama lengkap Kantor Wilayah.")


# --------------------------------------------------------------------------- 2. the blank templates of every input


def word_helps(words: Words) -> set[str]:
    """The help texts of the Sebutan fields: they name the default words on purpose ("bawaan: Divisi")."""
    with use_words(words):
        return {info_help(INFO_KEYS[key]) for key in WORD_KEYS}


@pytest.fixture(scope="module")
def templates(dinas, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("templat_dinas")
    result = run("template", "--jenis", ALL, "--out", folder, "--master", dinas["master"], "--tahun", "2024")
    assert result.exit_code == 0, result.output
    return folder


def test_templates_of_an_organisation_speak_its_words(templates):
    for template in TEMPLATES.values():
        assert own_words_only(templates / template.file_name, word_helps(WORDS)) == [], template.file_name
    plan = openpyxl.load_workbook(templates / TEMPLATES["rencana-aksi"].file_name)
    assert plan["Rencana Aksi"]["A1"].value == "Bidang"
    guide = [row[1] for row in plan["Petunjuk"].iter_rows(values_only=True)]
    assert any(text and text.startswith("Kepala Dinas, atau nama Bidang") for text in guide)
    budget = openpyxl.load_workbook(templates / TEMPLATES["anggaran"].file_name)
    assert [budget["Keterangan"][f"A{r}"].value for r in (3, 4)] == ["Dinas", "Tahun Anggaran"]
    master = openpyxl.load_workbook(templates / TEMPLATES["master"].file_name)
    rows = info_rows(master)
    assert [master["Info"].cell(rows[name], 2).value for name in (
        "Sebutan Instansi", "Sebutan Singkat", "Sebutan Unit Kerja", "Sebutan Pimpinan")] == [
        "Dinas", "Dinas", "Bidang", "Kepala Dinas"]
    assert master["PK"]["A1"].value == "Bidang"


def test_the_master_template_of_an_organisation_reads_back_with_its_words(templates, tmp_path):
    book = openpyxl.load_workbook(templates / TEMPLATES["master"].file_name)
    book["Info"].cell(info_rows(book)["Nama Instansi"], 2).value = "Dinas Kesehatan Kabupaten Contoh"
    book["PK"].append(["Sekretariat", 1, "Meningkatnya tata kelola", "SEK01-IKK1", 1, "Nilai SAKIP", "Indeks", 70])
    book.save(tmp_path / "master.xlsx")
    master = read_master(tmp_path / "master.xlsx")
    assert master.words == WORDS and master.year == 2024 and master.divisi_order == ("Sekretariat",)


def test_a_default_master_changes_no_byte_and_the_master_is_never_overwritten(tmp_path):
    plain, kemenkumham = tmp_path / "polos", tmp_path / "kanwil"
    assert run("template", "--jenis", ALL, "--out", plain).exit_code == 0
    sample = ROOT / "samples" / "master_pk_2023.xlsx"
    assert run("template", "--jenis", ALL, "--out", kemenkumham, "--master", sample).exit_code == 0
    for template in TEMPLATES.values():
        assert (plain / template.file_name).read_bytes() == (kemenkumham / template.file_name).read_bytes()
    master = tmp_path / "master.xlsx"
    master.write_bytes(sample.read_bytes())
    refused = run("template", "--jenis", "renstra", "--out", master, "--master", master, "--force", "--json")
    assert refused.exit_code == 2 and json.loads(refused.stdout)["error"]["code"] == "output_is_input"
    assert master.read_bytes() == sample.read_bytes()
    missing = run("template", "--master", tmp_path / "tidak_ada.xlsx", "--out", tmp_path / "x.xlsx")
    assert missing.exit_code == 2 and "tidak ditemukan" in missing.output and not (tmp_path / "x.xlsx").exists()


PLAN_ROWS = [{"No": 1, "Target Kinerja": "Tersusunnya laporan kinerja tepat waktu", "B03": 100, "B06": 100,
              "B09": 90, "B12": 100}]
SATKER = "DINAS KESEHATAN (SEKRETARIAT)"


def budget_rows(*extra: dict[str, object]) -> dict[str, list[dict[str, object]]]:
    return {"Pagu Realisasi": [{"Satuan Kerja": SATKER, "Pagu (Rp)": 1_000_000_000, "Realisasi (Rp)": 950_000_000}],
            "SMART": [{"Satuan Kerja": SATKER, "Penyerapan": 95, "Konsistensi": 98, "CRO": 100, "Efisiensi": 10},
                      *extra],
            "IKPA": [{"Satuan Kerja": SATKER, "Nilai IKPA": 96.5}]}


def test_filled_templates_of_either_words_are_read_and_the_tables_speak_the_words(dinas, templates, tmp_path):
    """The action plan's "Bidang" column and the budget's "Dinas" label (the Dinas templates), and the
    committed default templates ("Divisi", "Kantor Wilayah") alike; the budget tables say "NILAI SMART DINAS"."""
    kantor = {"Keterangan!Tahun Anggaran": 2024}
    own = {
        "plan": filled(templates / TEMPLATES["rencana-aksi"].file_name, tmp_path / "ra_dinas.xlsx", {
            "Rencana Aksi": [{"Bidang": "Sekretariat", **PLAN_ROWS[0]}],
            "Capaian Tahun Lalu": [{"Unit": "Kepala Dinas", "Tahun": 2023, "Capaian": 98}]}, {}),
        "budget": filled(templates / TEMPLATES["anggaran"].file_name, tmp_path / "anggaran_dinas.xlsx",
                         budget_rows(), {"Keterangan!Dinas": "Dinas Kesehatan Kabupaten Contoh", **kantor}),
    }
    committed = ROOT / "templates"
    default = {
        "plan": filled(committed / TEMPLATES["rencana-aksi"].file_name, tmp_path / "ra_bawaan.xlsx", {
            "Rencana Aksi": [{"Divisi": "Sekretariat", **PLAN_ROWS[0]}],
            "Capaian Tahun Lalu": [{"Unit": "Kepala Kantor Wilayah", "Tahun": 2023, "Capaian": 98}]}, {}),
        "budget": filled(committed / TEMPLATES["anggaran"].file_name, tmp_path / "anggaran_bawaan.xlsx",
                         budget_rows(), {"Keterangan!Kantor Wilayah": "Dinas Kesehatan Kabupaten Contoh",
                                         **kantor}),
    }
    outputs = []
    for name, inputs in (("dinas", own), ("bawaan", default)):
        out = tmp_path / f"tabel_{name}.xlsx"
        result = run("tables", dinas["forms"], "--master", dinas["master"], "--rencana-aksi", inputs["plan"],
                     "--anggaran", inputs["budget"], "--out", out, "--json")
        assert result.exit_code == 0, result.stdout
        assert all(not DEFAULT_WORD_OR_REGION.search(p["message"]) for p in json.loads(result.stdout)["problems"])
        outputs.append(out)
        texts = [text for _, _, text in workbook_texts(out)]
        assert "NILAI SMART DINAS" in texts and "NILAI IKPA DINAS" in texts
        assert any("Nilai SMART dan IKPA dinas dibulatkan" in text for text in texts)
        assert own_words_only(out) == []  # the IKK text typed "... Divisi Umum ..." stays as typed
    sheets = [openpyxl.load_workbook(out).sheetnames for out in outputs]
    assert sheets[0] == sheets[1]  # the same tables from either template


def test_a_summary_row_in_the_organisation_s_words_is_refused_as_a_summary_row(dinas, templates, tmp_path):
    """"NILAI SMART DINAS" typed under the rows (the template's guide says not to) is what "NILAI SMART
    WILAYAH" is to a Kanwil: a row the tables compute, refused and named."""
    with use_words(WORDS):
        assert translated(msg("template_use_budget")).endswith("Jangan menulis baris TOTAL, JUMLAH atau DINAS: "
                                                               "semuanya dihitung.")
        summary = label("budget_head_smart_wilayah")
    budget = filled(templates / TEMPLATES["anggaran"].file_name, tmp_path / "anggaran.xlsx",
                    budget_rows({"Satuan Kerja": summary, "Penyerapan": 95}),
                    {"Keterangan!Dinas": "Dinas Kesehatan Kabupaten Contoh", "Keterangan!Tahun Anggaran": 2024})
    result = run("tables", dinas["forms"], "--master", dinas["master"], "--anggaran", budget,
                 "--out", tmp_path / "t.xlsx", "--json")
    assert result.exit_code == 1
    [problem] = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "budget_summary_row"]
    assert (problem["sheet"], problem["cell"][1:]) == ("SMART", "3") and "NILAI SMART DINAS" in problem["message"]


# --------------------------------------------------------------------------- 4. a national run of mixed words


def test_a_national_run_of_mixed_words_says_its_fallback_once_naming_the_forms(tmp_path):
    folder = tmp_path / "nasional"
    places = {"Dinas Kesehatan Kabupaten Bangka": WORDS, "Badan Kesehatan Kabupaten Belitung": BADAN,
              "Kantor Wilayah Kesehatan Contoh": DEFAULT_WORDS}
    for place, words in places.items():
        write_forms(replace(pemkab_master(words), kanwil=place), folder / place.split()[-1], inputs=INPUTS)
    out = tmp_path / "hasil"
    result = run("consolidate", *sorted(folder.iterdir()), "--out-dir", out, "--json")
    assert result.exit_code == 0, result.stdout
    warnings = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "national_words_differ"]
    assert len(warnings) == 1
    named = re.findall(r"(\S+\.xlsx) \((\w+), (\w+)\)", warnings[0]["message"])
    assert sorted({(Path(path).parent.name, office, unit) for path, office, unit in named}) == [
        ("Bangka", "Dinas", "Bidang"), ("Belitung", "Badan", "Bidang")]
    assert len(named) == 2 * len(pemkab_master().divisi_order)  # every form of those two, none of the default
    assert "sebutan bawaan Kantor Wilayah (Kanwil, Divisi)" in warnings[0]["message"]
    national = openpyxl.load_workbook(out / msg("filename_national", year=2024))
    assert national.sheetnames[1] == LABELS["sheet_matrix"]  # the default words: "Tercapai per Divisi"
    books = {path.name: openpyxl.load_workbook(path) for path in out.iterdir()}
    bangka = next(book for name, book in books.items() if "Bangka" in name)
    assert bangka["Ringkasan"]["A3"].value == "Bidang"  # each office's own workbook in its own words
    # the same words everywhere: no warning, those words (tests/test_words.py checks the workbooks)
    same = tmp_path / "sama"
    for place in ("Bangka", "Belitung"):
        write_forms(replace(pemkab_master(), kanwil=f"Dinas Kesehatan Kabupaten {place}"), same / place,
                    inputs=INPUTS)
    result = run("consolidate", *sorted(same.iterdir()), "--out-dir", tmp_path / "hasil_sama", "--json")
    assert result.exit_code == 0
    assert not any(p["code"] == "national_words_differ" for p in json.loads(result.stdout)["problems"])


# --------------------------------------------------------------------------- 5. help for any agency


#: How the help names units and offices: an example list, never as if every user were a Kanwil.
NEUTRAL = ("unit kerja (Divisi, Bidang, ...)", "instansi (Kanwil, Dinas, ...)", "Bidang alih-alih Divisi")


@pytest.mark.parametrize("command", [(), ("template",), ("forms",), ("validate",), ("consolidate",), ("tables",)])
def test_help_speaks_of_any_agency(command):
    text = " ".join(run(*command, "--help").output.split())
    for neutral in NEUTRAL:
        text = text.replace(neutral, "")
    assert foreign_words(text) == [], text


def test_usage_errors_speak_of_any_agency(dinas, tmp_path):
    both = run("consolidate", dinas["forms"], "--out", tmp_path / "a.xlsx", "--out-dir", tmp_path / "b")
    master = run("consolidate", dinas["forms"], "--out-dir", tmp_path / "b", "--master", dinas["master"])
    for result in (both, master):
        assert result.exit_code == 2 and "instansi" in result.output and foreign_words(result.output) == []


# --------------------------------------------------------------------------- the region word


def test_wilayah_alone_is_the_office_and_the_default_words_keep_it():
    assert translated("NILAI SMART WILAYAH; Kantor Wilayah; Kepala Kantor Wilayah; wilayah", WORDS) == (
        "NILAI SMART DINAS; Dinas; Kepala Dinas; dinas")
    assert translated("NILAI SMART WILAYAH", Words(unit="Bidang")) == "NILAI SMART WILAYAH"  # own unit only
    assert translated("NILAI SMART WILAYAH", DEFAULT_WORDS) == "NILAI SMART WILAYAH"
