"""Validation rules, exact messages, checks against a master, and the feedback copy."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine import assert_formulas_match, recalculate, require_soffice
from signing import SIGNOFF
from fixtures_bad import (
    ADMIN, IMIG, MASTER, PEMAS, PEMAS_WARNINGS, PHH, SAMPLES, cell_of, edit, percent_form, set_cells,
)
from lkjip_xl import calc, methods, styles
from lkjip_xl.checks import CheckedForm, check_form
from lkjip_xl.cli import cli
from lkjip_xl.consolidate import consolidate
from lkjip_xl.crosscheck import cross_check
from lkjip_xl.fileio import sha256_file
from lkjip_xl.layout import COL_DEN, COL_NUM, COL_REAL, COL_TARGET, COLUMN_TITLE, FORM_SHEET, STAMP_SHEET
from lkjip_xl.master import read_master
from lkjip_xl.messages import MESSAGES, msg
from lkjip_xl.forms import write_form
from lkjip_xl.model import AchievementRule, Direction, Indicator, IndicatorInput, Master, Method
from lkjip_xl.reader import read_form
from lkjip_xl.template import write_master
from lkjip_xl.validate import check_path, validate_files

DOCS = Path(__file__).resolve().parents[1] / "docs" / "validation.md"
FILL_ERROR, FILL_WARNING = (styles.PROBLEM_FILL[key].lstrip("#") for key in ("error", "warning"))


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    return result


@pytest.fixture(autouse=True)
def samples_unchanged():
    before = {p.name: sha256_file(p) for p in SAMPLES.iterdir()}
    yield
    assert {p.name: sha256_file(p) for p in SAMPLES.iterdir()} == before


# --------------------------------------------------------------------------- the samples


def test_samples_validate_with_two_warnings_and_exit_zero():
    result = run("validate", "--json", SAMPLES)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert (report["valid"], report["errors"], report["warnings"]) == (True, 0, 2)
    assert [(p["code"], p["sheet"], p["cell"], p["severity"]) for p in report["problems"]] == [
        (e.code, e.sheet, e.cell, e.severity) for e in PEMAS_WARNINGS]
    assert report["problems"][0]["message"] == msg(
        "numerator_exceeds_denominator", path=str(PEMAS), sheet=FORM_SHEET, cell="I11", code="SK03-IKK2",
        numerator="671", denominator="460", rate="145,87")
    assert "sehingga realisasinya 240,09%" in report["problems"][1]["message"]


def test_samples_match_their_master():
    assert run("validate", "--master", MASTER, SAMPLES).exit_code == 0


# --------------------------------------------------------------------------- exact messages


def _problems(path: Path) -> list:
    return check_path(str(path)).problems


def test_locked_target_change_shows_old_and_new(tmp_path):
    target = cell_of(PEMAS, "SK03-IKK1", COL_TARGET)
    path = tmp_path / "f.xlsx"
    set_cells(PEMAS, {target: 80})(path)
    (problem,) = [p for p in _problems(path) if p.is_error]
    assert problem.message == msg("locked_changed", path=str(path), sheet=FORM_SHEET, cell=target,
                                  code="SK03-IKK1", field="Target", old="90", new="80")


def test_ambiguous_index_and_the_reading_taken(tmp_path):
    real = cell_of(IMIG, "SK11-IKK1", COL_REAL)
    ambiguous, decimal = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    set_cells(IMIG, {real: "3.288"})(ambiguous)
    set_cells(IMIG, {real: "3,25"})(decimal)
    assert [p.message for p in _problems(ambiguous)] == [msg(
        "value_ambiguous", path=str(ambiguous), sheet=FORM_SHEET, cell=real, code="SK11-IKK1", field="Realisasi",
        value="3.288")]
    assert [p.message for p in _problems(decimal)] == [msg(
        "value_text_parsed", path=str(decimal), sheet=FORM_SHEET, cell=real, code="SK11-IKK1", field="Realisasi",
        value="3,25", number="3,25", reading="koma sebagai tanda desimal")]
    assert check_path(str(decimal)).inputs["SK11-IKK1"].value == 3.25


def test_thousands_in_a_count_cell_are_read(tmp_path):
    num = cell_of(PEMAS, "SK04-IKK1", COL_NUM)
    path = tmp_path / "f.xlsx"
    set_cells(PEMAS, {num: "3.288"})(path)
    checked = check_path(str(path))
    assert checked.inputs["SK04-IKK1"].pairs == [(3288.0, 3844.0)]
    (parsed,) = [p for p in checked.problems if p.cell == num]
    assert parsed.code == "value_text_parsed"
    assert "dibaca sebagai 3.288 (titik sebagai pemisah ribuan)" in parsed.message


def test_percent_fraction_suggests_the_percentage(tmp_path):
    path = tmp_path / "f.xlsx"
    percent_form(0.9)(path)
    (problem,) = _problems(path)
    assert problem.message == msg("percent_as_fraction", path=str(path), sheet=FORM_SHEET, cell="K9", code="P01",
                                  value="0,9", target="90", percent="90")
    assert not problem.is_error


def test_fraction_check_needs_a_target_above_one(tmp_path):
    """A realisasi of 0,5 % against a target of 1 % is plausible: no warning."""
    indicator = Indicator(code="P02", divisi="Uji", sk_no=1, sk_text="S", ikk_no=1, text="Persentase kecil",
                          unit="%", target=1.0)
    path = tmp_path / "f.xlsx"
    write_form(Master("Kantor Wilayah Uji", 2023, (indicator,)), "Uji", path,
               inputs={"P02": IndicatorInput("P02", 0.5)}, signoff=SIGNOFF)
    assert _problems(path) == []


# --------------------------------------------------------------------------- negative values and capaian


def _pnbp(change_basis: float) -> tuple[Indicator, IndicatorInput]:
    indicator = next(i for i in read_master(MASTER).indicators if i.code == "SK12-IKK1")
    return indicator, IndicatorInput("SK12-IKK1", pairs=[(1173650000.0, change_basis)])


def test_negative_change_gives_negative_capaian_and_not_tercapai():
    indicator, reported = _pnbp(1492600000.0)
    assert indicator.may_be_negative and indicator.method is Method.PERUBAHAN
    result = methods.evaluate(indicator, reported, AchievementRule())
    assert result.realisasi == pytest.approx(-21.3687525124, rel=1e-9)
    assert result.capaian == pytest.approx(-427.375050248, rel=1e-9)
    assert result.tercapai is False


def test_negative_realisasi_of_a_lower_is_better_ikk_uses_its_rule():
    indicator = replace(_pnbp(1.0)[0], direction=Direction.TURUN)
    assert calc.capaian(-10.0, 5.0, indicator.direction) == pytest.approx(400.0)  # (2 × 5 + 10) / 5 × 100


def test_negative_realisasi_is_a_warning_and_consolidates(tmp_path):
    pnbp = tmp_path / "Formulir_2023_Pelayanan_Hukum_dan_HAM.xlsx"
    set_cells(PHH, {cell_of(PHH, "SK12-IKK1", COL_DEN): 1492600000})(pnbp)
    real = cell_of(PHH, "SK12-IKK1", COL_REAL)
    (problem,) = _problems(pnbp)
    assert problem.message == msg("realisasi_negative", path=str(pnbp), sheet=FORM_SHEET, cell=real,
                                  code="SK12-IKK1", realisasi="-21,37%", capaian="-427,38", status="tidak tercapai")
    out = tmp_path / "k.xlsx"
    result = consolidate([ADMIN, IMIG, PEMAS, pnbp], out)
    row = next(r for r in result.results if r.indicator.code == "SK12-IKK1")
    assert (row.capaian < 0, row.tercapai) == (True, False)
    assert result.summary.headline == "53 dari 60 IKK tercapai"
    assert_formulas_match(out, tmp_path)  # LibreOffice computes the same negative capaian and status


def test_negative_input_refused_where_the_ikk_cannot_be_negative(tmp_path):
    num = cell_of(PEMAS, "SK03-IKK1", COL_NUM)
    path = tmp_path / "f.xlsx"
    set_cells(PEMAS, {num: -5})(path)
    errors = [p for p in _problems(path) if p.is_error]
    assert [p.message for p in errors] == [msg("value_negative", path=str(path), sheet=FORM_SHEET, cell=num,
                                               code="SK03-IKK1", field="Pembilang", value="-5")]


# --------------------------------------------------------------------------- against a master


def test_form_from_another_master_is_named_per_ikk(tmp_path):
    master = read_master(MASTER)
    changed = tuple(replace(i, target=95.0) if i.code == "SK03-IKK1" else i for i in master.indicators)
    extra = replace(next(i for i in master.indicators if i.code == "SK01-IKK1"), code="SK01-IKK9", ikk_no=9)
    path = write_master(replace(master, indicators=changed + (extra,)), tmp_path / "master.xlsx")
    report = validate_files([SAMPLES], read_master(path)).report
    errors = [(p.file, p.code, p.ikk) for p in report.errors]
    assert errors == [(str(ADMIN), "form_master_missing_ikk", "SK01-IKK9"),
                      (str(PEMAS), "form_master_differs", "SK03-IKK1")]
    differs = report.errors[1]
    assert differs.message == msg("form_master_differs", path=str(PEMAS), code="SK03-IKK1", field="Target",
                                  found="90", expected="95")


def test_unknown_divisi_with_a_master(tmp_path):
    master = read_master(MASTER)
    only = tuple(i for i in master.indicators if i.divisi != "Keimigrasian")
    report = validate_files([IMIG], replace(master, indicators=only)).report
    assert [p.code for p in report.errors] == ["form_unknown_divisi"]


def test_forms_without_a_majority_rule_name_each_rule_and_its_count():
    """Two sample forms re-stamped with a 0 % rule against two with 100 %: every form is refused,
    naming its own rule and the other with how many forms use it."""
    forms = [read_form(path) for path in (ADMIN, IMIG, PEMAS, PHH)]
    forms[:2] = [replace(form, achievement=AchievementRule(0.0)) for form in forms[:2]]
    checked = [CheckedForm(form) for form in forms]
    assert cross_check(checked, None) == []
    for result in checked:
        (problem,) = result.problems
        zero = result.form.achievement.threshold == 0
        assert problem.message == msg(
            "form_no_majority", path=result.form.path, sheet=STAMP_SHEET, field="aturan tercapai",
            found="capaian ≥ 0%" if zero else "capaian ≥ 100%",
            others="'capaian ≥ 100%' (2 formulir)" if zero else "'capaian ≥ 0%' (2 formulir)")


def test_a_value_in_a_hidden_column_names_the_column(tmp_path):
    path = tmp_path / "kolom_tersembunyi.xlsx"
    edit(IMIG, lambda workbook: setattr(workbook[FORM_SHEET].column_dimensions["K"], "hidden", True))(path)
    hidden = [p for p in _problems(path) if p.code == "value_hidden"]
    assert hidden and {p.cell[0] for p in hidden} == {"K"}
    for problem in hidden:
        assert problem.message == msg("value_hidden", path=str(path), sheet=FORM_SHEET, cell=problem.cell,
                                      code=problem.ikk, field=COLUMN_TITLE[COL_REAL], where="kolom")


# --------------------------------------------------------------------------- the documentation


def test_every_documented_code_has_a_message_and_every_code_is_documented():
    documented = set(re.findall(r"^\| `([a-z_0-9]+)` \|", DOCS.read_text(), flags=re.MULTILINE))
    assert documented <= set(MESSAGES)
    package = DOCS.parents[1] / "lkjip_xl"
    source = "".join((package / name).read_text()
                     for name in ("validate.py", "inputs.py", "checks.py", "crosscheck.py", "reader.py", "safety.py",
                                  "sheets.py", "workbooks.py", "feedback.py", "consolidate.py"))
    sheet_texts = {"feedback_title", "feedback_intro", "feedback_summary", "feedback_columns", "headline",
                   # words that go inside other messages, sheets and titles, never a problem of their own
                   "headline_period", "period_label", "year_label", "no_master_note", "basis_master",
                   "basis_majority", "field_rule", "period_choice", "clash_same_stamp",
                   "date_reason_ambiguous", "date_reason_converted", "majority_value", "rule_text", "rule_text_cap",
                   "field_calendar", "calendar_forms", "calendar_forms_annual"}
    # the {found}, {detail} and {limit} pieces of the file and sheet messages
    sheet_texts |= {code for code in MESSAGES if code.startswith(("found_", "file_detail_", "sheet_detail_"))}
    sheet_texts.add("sheet_limits")
    # another text of a documented code, said when it fits better (the code stays: file_skipped, ...)
    sheet_texts |= {"file_skipped_document", "toolkit_master_skipped", "toolkit_input_skipped",
                    "percent_above_100_explained", "numerator_exceeds_denominator_explained"}
    # titles, notes and file names the consolidated workbook and the feedback copies are written with
    sheet_texts |= {"title_capaian", "note_capaian", "title_summary", "summary_kanwil_row", "note_summary_rule",
                    "divisi_label", "input_pair_numerator", "input_pair_denominator", "filename_feedback"}
    used = {code for code in MESSAGES if f'"{code}"' in source} - sheet_texts
    assert used <= documented, used - documented


# --------------------------------------------------------------------------- feedback copies


@pytest.fixture
def feedback(tmp_path):
    """A folder of forms with one error and the samples' warnings, validated with --feedback-dir."""
    forms = tmp_path / "forms"
    shutil.copytree(SAMPLES, forms)
    bad = forms / IMIG.name
    set_cells(IMIG, {cell_of(IMIG, "SK11-IKK1", COL_REAL): "3.288"})(bad)
    (forms / "kosong.xlsx").write_bytes(b"")
    before = {p.name: sha256_file(p) for p in forms.iterdir()}
    out = tmp_path / "umpan"
    result = run("validate", forms, "--feedback-dir", out)
    assert result.exit_code == 1
    assert {p.name: sha256_file(p) for p in forms.iterdir()} == before
    return forms, out, result


def test_feedback_copies_only_for_forms_with_problems(feedback):
    forms, out, result = feedback
    assert sorted(p.name for p in out.iterdir()) == ["Formulir_2023_Keimigrasian_pemeriksaan.xlsx",
                                                     "Formulir_2023_Pemasyarakatan_pemeriksaan.xlsx"]
    assert msg("feedback_written", source=str(forms / IMIG.name),
               path=str(out / "Formulir_2023_Keimigrasian_pemeriksaan.xlsx")) in result.stderr


def test_feedback_copy_marks_cells_and_lists_problems(feedback):
    forms, out, _ = feedback
    copy = out / "Formulir_2023_Pemasyarakatan_pemeriksaan.xlsx"
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames == ["Pemeriksaan", FORM_SHEET, "_lkjip"]
    assert book.active.title == "Pemeriksaan"
    assert book["_lkjip"].sheet_state == "veryHidden"
    sheet = book[FORM_SHEET]
    for cell in ("I11", "I19"):
        assert sheet[cell].fill.fgColor.rgb.endswith(FILL_WARNING)
        assert "Pembilang IKK" in sheet[cell].comment.text
    assert sheet["I12"].fill.fgColor.rgb != "00" + FILL_WARNING
    rows = [row for row in book["Pemeriksaan"].iter_rows(min_row=6, values_only=True)]
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        (1, "PERINGATAN", "numerator_exceeds_denominator", FORM_SHEET, "I11", "SK03-IKK2"),
        (2, "PERINGATAN", "numerator_exceeds_denominator", FORM_SHEET, "I19", "SK04-IKK7")]
    assert book["Pemeriksaan"]["E6"].hyperlink.location == "'Formulir'!I11"
    assert book["Pemeriksaan"]["A3"].value == msg("feedback_summary", errors=0, warnings=2)


def test_feedback_copy_is_still_the_form(feedback):
    """The Divisi corrects the copy and sends it back: same stamp, same problems, same inputs."""
    forms, out, _ = feedback
    copy = out / "Formulir_2023_Keimigrasian_pemeriksaan.xlsx"
    assert read_form(copy).stamp == read_form(forms / IMIG.name).stamp
    assert [(p.code, p.cell) for p in check_path(str(copy)).problems] == [
        (p.code, p.cell) for p in check_path(str(forms / IMIG.name)).problems] == [("value_ambiguous", "K9")]
    sheet = openpyxl.load_workbook(copy)[FORM_SHEET]
    assert sheet["K9"].fill.fgColor.rgb.endswith(FILL_ERROR)
    assert sheet.protection.sheet


def test_second_round_clears_the_marks_of_the_first(feedback, tmp_path):
    """The Divisi fixes K9 in the copy but breaks I10: only I10 is marked in the next copy."""
    _, out, _ = feedback
    returned = tmp_path / "kembali" / "Formulir_2023_Keimigrasian.xlsx"
    returned.parent.mkdir()
    set_cells(out / "Formulir_2023_Keimigrasian_pemeriksaan.xlsx", {"K9": 3.99, "I10": "banyak"})(returned)
    assert run("validate", returned, "--feedback-dir", tmp_path / "ronde2").exit_code == 1
    book = openpyxl.load_workbook(tmp_path / "ronde2" / "Formulir_2023_Keimigrasian_pemeriksaan.xlsx")
    sheet = book[FORM_SHEET]
    assert (sheet["K9"].fill.fgColor.rgb, sheet["K9"].comment) == ("FF" + styles.INPUT_FILL[1:], None)  # input
    assert sheet["I10"].fill.fgColor.rgb.endswith(FILL_ERROR)
    assert [row[4] for row in book["Pemeriksaan"].iter_rows(min_row=6, values_only=True)] == ["I10"]


def test_existing_feedback_copy_needs_force(feedback):
    forms, out, _ = feedback
    copy = out / "Formulir_2023_Keimigrasian_pemeriksaan.xlsx"
    copy.write_bytes(b"jangan ditimpa")
    result = run("validate", forms, "--feedback-dir", out)
    assert result.exit_code == 2
    assert msg("output_exists", path=str(copy)) in result.stderr
    assert copy.read_bytes() == b"jangan ditimpa"
    assert run("validate", forms, "--feedback-dir", out, "--force").exit_code == 1
    assert openpyxl.load_workbook(copy).sheetnames[0] == "Pemeriksaan"
    assert not [p for p in out.iterdir() if p.suffix == ".tmp"]


def test_feedback_folder_may_not_be_a_forms_folder(feedback):
    forms, _, _ = feedback
    result = run("validate", forms, "--feedback-dir", forms)
    assert result.exit_code == 2
    assert msg("feedback_dir_in_forms", path=str(forms)) in result.stderr
    assert not list(forms.glob("*_pemeriksaan.xlsx"))


def test_consolidate_writes_feedback_for_refused_forms(feedback, tmp_path):
    forms, _, _ = feedback
    out = tmp_path / "umpan2"
    result = run("consolidate", forms, "--out", tmp_path / "k.xlsx", "--feedback-dir", out)
    assert result.exit_code == 1
    assert (out / "Formulir_2023_Keimigrasian_pemeriksaan.xlsx").exists()


def test_feedback_copy_opens_in_libreoffice_with_marks_and_list(feedback, tmp_path):
    require_soffice()
    _, out, _ = feedback
    converted = recalculate(out / "Formulir_2023_Keimigrasian_pemeriksaan.xlsx", tmp_path)
    book = openpyxl.load_workbook(converted)
    assert "Pemeriksaan" in book.sheetnames
    listed = [row for row in book["Pemeriksaan"].iter_rows(min_row=6, values_only=True) if row[0]]
    assert [(row[2], row[4]) for row in listed] == [("value_ambiguous", "K9")]
    assert book[FORM_SHEET]["K9"].fill.fgColor.rgb.endswith(FILL_ERROR)
    assert book[FORM_SHEET]["K9"].comment is not None


def test_number_typed_over_a_computed_realisasi_is_ignored_with_a_warning(tmp_path):
    """Staff overwrite the green Realisasi formula: the inputs still decide, and they are told."""
    source = Path(__file__).resolve().parents[1] / "samples" / "formulir" / "Formulir_2023_Pemasyarakatan.xlsx"
    path = tmp_path / source.name
    book = openpyxl.load_workbook(source)
    sheet = book["Formulir"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "SK04-IKK2")
    sheet.cell(row, 11).value = 100.2  # the report's printed value, typed over the formula
    sub = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "SK10-IKK7")
    sheet.cell(sub, 9).value = 7  # a pembilang on the grey main row of a sub-rate IKK
    book.save(path)
    validation = validate_files([path])
    found = [(p.code, p.cell, p.severity) for p in validation.report.problems
             if p.code in ("realisasi_overwritten", "value_ignored")]
    assert found == [("realisasi_overwritten", f"K{row}", "warning"), ("value_ignored", f"I{sub}", "warning")]
    message = next(p.message for p in validation.report.problems if p.code == "realisasi_overwritten")
    assert message == (f"Realisasi IKK SK04-IKK2 dihitung otomatis, tetapi sel K{row} ({path}, sheet 'Formulir') "
                       "berisi angka ketikan '100.2' di atas rumusnya. Angka itu diabaikan: realisasi dihitung "
                       "dari pembilang dan penyebut. Isi pembilang dan penyebut, bukan realisasi.")
    assert validation.report.valid
    assert validation.forms[0].inputs["SK04-IKK2"].pairs == [(2933.0, 3097.0)]


def test_a_newer_minor_version_of_the_form_is_read_another_major_is_refused():
    form = read_form(Path(__file__).resolve().parents[1] / "samples" / "formulir" / "Formulir_2023_Keimigrasian.xlsx")

    def codes(version: str) -> set[str]:
        stamp = {**form.stamp, "template_version": version}
        locked = {**form.locked, "template_version": version}
        from lkjip_xl.layout import content_hash

        stamp["content_hash"] = content_hash(locked)
        return {p.code for p in check_form(replace(form, stamp=stamp, locked=locked)).problems}

    assert "form_other_version" not in codes("1.3")
    assert "form_other_version" in codes("2.0")


def test_report_text_names_where_when_there_is_a_where():
    from lkjip_xl.problems import Problem
    from lkjip_xl.report import Report

    report = Report([Problem("", "form_missing_divisi", "Formulir Divisi Umum belum ada.", "warning"),
                     Problem("a.xlsx", "value_missing", "Realisasi belum diisi.", sheet="Formulir", cell="K9")])
    assert report.to_text().splitlines() == [
        "PERINGATAN [form_missing_divisi] Formulir Divisi Umum belum ada.",
        "KESALAHAN  [value_missing] a.xlsx › Formulir › K9: Realisasi belum diisi.",
        "Ringkasan: 1 kesalahan, 1 peringatan.",
    ]
