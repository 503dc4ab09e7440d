"""The draft narrative of Chapter III (lkjip_xl.chapter.narrative) and the facts it is written from.

First the awkward cases, each with the sentence written out by hand: zero realisasi, NIHIL, not
reported, negative realisasi and change, lower is better, a new IKK, no earlier years, no Renstra,
capaian exactly 100 and a capaian of 1.666,67%.  Then the bundled 2023 samples: the facts equal what
the tables workbook holds, cell by cell, and every number a paragraph states is one the tables show.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl import calc
from lkjip_xl.chapter.facts import ChapterSummary, IkkFacts, facts_from_data, summary_facts
from lkjip_xl.chapter.narrative import (
    budget_paragraphs, budget_sentences, ikk_narrative, ikk_paragraphs, summary_paragraphs, summary_sentences,
)
from lkjip_xl.consolidate import consolidate
from lkjip_xl.messages import use_words
from lkjip_xl.model import AchievementRule, Direction
from lkjip_xl.numbers import format_shown
from lkjip_xl.tables import load_tables_data, write_tables
from lkjip_xl.tables.budget.model import BudgetSummary
from lkjip_xl.tables.budget.write import SHEET_CAPAIAN as SHEET_BUDGET_CAPAIAN
from lkjip_xl.words import Words

from sample_files import ANGGARAN, MASTER, PREVIOUS, RENSTRA, SAMPLES

YEAR = 2023
DEFAULT_RULE = AchievementRule()  # capaian >= 100


def ikk(target: float, realisasi: float | None, unit: str = "%", lower: bool = False,
        rule: AchievementRule = DEFAULT_RULE, **fields) -> IkkFacts:
    """An IKK of 2023 with capaian and tercapai computed as the tables do; last year and Renstra absent
    unless given in ``fields``."""
    capaian = calc.capaian(realisasi, target, Direction.TURUN if lower else Direction.NAIK)
    tercapai = calc.tercapai(capaian, rule)
    base = IkkFacts("SK01-IKK1", "Umum", 1, "Sasaran", 1, "Indikator", unit, target, realisasi, capaian, tercapai,
                    lower_is_better=lower)
    return dataclasses.replace(base, **fields)


def with_previous(facts: IkkFacts, target: float | None, realisasi: float | None, note: str = "") -> IkkFacts:
    direction = Direction.TURUN if facts.lower_is_better else Direction.NAIK
    capaian = calc.capaian(realisasi, target, direction) if target is not None else None
    return dataclasses.replace(facts, previous_year=YEAR - 1, previous_target=target, previous_realisasi=realisasi,
                               previous_capaian=capaian, previous_note=note)


def with_renstra(facts: IkkFacts, target: float | None, **fields) -> IkkFacts:
    direction = Direction.TURUN if facts.lower_is_better else Direction.NAIK
    value = fields.pop("renstra_realisasi", facts.realisasi)
    capaian = calc.capaian(value, target, direction) if target is not None else None
    return dataclasses.replace(facts, renstra_year=fields.pop("renstra_year", YEAR), renstra_target=target,
                               renstra_realisasi=value, renstra_capaian=fields.pop("renstra_capaian", capaian),
                               **fields)


def target_text(facts: IkkFacts) -> str:
    return ikk_narrative(facts, YEAR).target


# --------------------------------------------------------------------------- this year


def test_counts_with_their_unit_and_the_points_above_100():
    assert target_text(ikk(21, 111, "Layanan")) == (
        "Target yang ditetapkan pada tahun 2023 sebesar 21 Layanan, sedangkan realisasinya sebesar 111 Layanan, "
        "sehingga capaian kinerjanya 528,57%. Dengan demikian IKK ini tercapai: capaiannya 428,57 poin di atas 100%.")


def test_an_index_and_a_percentage_as_the_tables_show_them():
    assert target_text(ikk(82, 90, "Indeks")) == (
        "Target yang ditetapkan pada tahun 2023 sebesar 82 (Indeks), sedangkan realisasinya sebesar 90 (Indeks), "
        "sehingga capaian kinerjanya 109,76%. Dengan demikian IKK ini tercapai: capaiannya 9,76 poin di atas 100%.")
    assert target_text(ikk(99, 2933 / 3097 * 100)) == (  # SK4-IKK2: 94,70% (two decimals, as Tabel 3.1)
        "Target yang ditetapkan pada tahun 2023 sebesar 99%, sedangkan realisasinya sebesar 94,70%, sehingga "
        "capaian kinerjanya 95,66%. Dengan demikian IKK ini belum tercapai: capaiannya 4,34 poin di bawah 100%.")


def test_zero_realisasi():
    assert target_text(ikk(1, 0, "Lokus")) == (
        "Target yang ditetapkan pada tahun 2023 sebesar 1 Lokus, namun belum ada yang terealisasi (0 Lokus), "
        "sehingga capaian kinerjanya 0%. Dengan demikian IKK ini belum tercapai: capaiannya masih 0%.")


def test_nihil():
    assert target_text(ikk(85, 100, nihil=True)) == (
        "Pada tahun 2023 tidak terdapat kejadian yang diukur oleh IKK ini (NIHIL), sehingga sesuai Perjanjian "
        "Kinerja realisasinya dihitung 100% terhadap target 85%, dengan capaian kinerja 117,65%. Dengan demikian "
        "IKK ini tercapai: capaiannya 17,65 poin di atas 100%.")


def test_not_reported_says_so_in_every_paragraph():
    facts = with_renstra(with_previous(ikk(90, None), 80, 80), 90)
    text = ikk_narrative(facts, YEAR)
    assert text.target == ("Realisasi IKK ini untuk tahun 2023 belum dilaporkan, sehingga capaian kinerjanya "
                           "terhadap target 90% belum dapat dihitung.")
    assert text.comparison == ("Capaian tahun 2022 sebesar 100% (realisasi 80%, target 80%); capaian tahun 2023 "
                               "belum dapat dihitung, sehingga keduanya belum dapat dibandingkan.")
    assert text.renstra == ("Target jangka menengah dalam Renstra tahun 2023 sebesar 90%; realisasi tahun 2023 "
                            "belum dilaporkan, sehingga belum dapat dibandingkan.")
    assert [item.field for item in text.staff] == ["faktor_penghambat", "upaya"]  # not tercapai: why?


def test_negative_realisasi_and_a_fall_from_last_year():
    facts = with_previous(ikk(5, -21.4), 5, 5.37)  # a change indicator: PNBP fell by 21,4%
    text = ikk_narrative(facts, YEAR)
    assert text.target == (
        "Target yang ditetapkan pada tahun 2023 sebesar 5%, sedangkan realisasinya sebesar -21,4%, sehingga "
        "capaian kinerjanya -428%. Dengan demikian IKK ini belum tercapai: capaiannya bernilai negatif (-428%).")
    assert text.comparison == ("Dibandingkan tahun 2022, capaian turun dari 107,4% (realisasi 5,37%, target 5%) "
                               "menjadi -428% pada tahun 2023.")


def test_lower_is_better():
    facts = with_renstra(ikk(10, 5, lower=True), 12)
    text = ikk_narrative(facts, YEAR)
    assert text.target == (
        "Pada IKK ini, semakin rendah realisasi semakin baik: target tahun 2023 sebesar 10% adalah batas "
        "tertinggi, sedangkan realisasinya sebesar 5%, sehingga capaian kinerjanya 150%. Dengan demikian IKK ini "
        "tercapai: capaiannya 50 poin di atas 100%.")
    assert text.renstra == (
        "Dibandingkan dengan target jangka menengah dalam Renstra tahun 2023 sebesar 12%, realisasi 5% berada di "
        "bawah batas target tersebut, sehingga lebih baik dari target, dengan capaian 158,33%.")
    above = with_renstra(ikk(10, 14, lower=True), 12)
    assert ikk_narrative(above, YEAR).renstra == (
        "Dibandingkan dengan target jangka menengah dalam Renstra tahun 2023 sebesar 12%, realisasi 14% berada di "
        "atas batas target tersebut, sehingga belum mencapai target, dengan capaian 83,33%.")


def test_capaian_exactly_100_and_just_under_it():
    assert target_text(ikk(100, 100)) == (
        "Target yang ditetapkan pada tahun 2023 sebesar 100%, sedangkan realisasinya sebesar 100%, sehingga "
        "capaian kinerjanya 100%. Dengan demikian IKK ini tercapai: capaiannya tepat 100%.")
    assert target_text(ikk(58, 29 / 50 * 100)).endswith("tercapai: capaiannya tepat 100%.")  # 99,99999999999999
    assert target_text(ikk(100, 99.996)) == (
        "Target yang ditetapkan pada tahun 2023 sebesar 100%, sedangkan realisasinya sebesar 100,00%, sehingga "
        "capaian kinerjanya 100,00%. Dengan demikian IKK ini belum tercapai: capaiannya sedikit di bawah 100% "
        "(tertulis 100,00% setelah dibulatkan).")


def test_huge_capaian():
    assert target_text(ikk(3, 50, "Orang")) == (
        "Target yang ditetapkan pada tahun 2023 sebesar 3 Orang, sedangkan realisasinya sebesar 50 Orang, "
        "sehingga capaian kinerjanya 1.666,67%. Dengan demikian IKK ini tercapai: capaiannya 1.566,67 poin di "
        "atas 100%.")


def test_a_rule_other_than_100_is_named_when_it_disagrees_with_100():
    lenient = AchievementRule(threshold=90)
    assert target_text(ikk(100, 95, rule=lenient)).endswith(
        "IKK ini tercapai menurut aturan tercapai Perjanjian Kinerja, meskipun capaiannya 5 poin di bawah 100%.")
    strict = AchievementRule(inclusive=False)
    assert target_text(ikk(100, 100, rule=strict)).endswith(
        "IKK ini belum tercapai menurut aturan tercapai Perjanjian Kinerja, meskipun capaiannya tepat 100%.")


# --------------------------------------------------------------------------- last year


def comparison(facts: IkkFacts) -> str:
    return ikk_narrative(facts, YEAR).comparison


def test_rise_and_equal_capaian():
    assert comparison(with_previous(ikk(3.1, 3.85, "Indeks"), 3.1, 3.8)) == (
        "Dibandingkan tahun 2022, capaian naik dari 122,58% (realisasi 3,8 (Indeks), target 3,1 (Indeks)) "
        "menjadi 124,19% pada tahun 2023.")
    assert comparison(with_previous(ikk(90, 90), 80, 80)) == (
        "Capaian tahun 2023 sama dengan tahun 2022, yaitu 100% (tahun 2022: realisasi 80%, target 80%).")
    assert comparison(with_previous(ikk(90, 90.001), 80, 80.0005)) == (  # naik, yet both show 100,00%
        "Dibandingkan tahun 2022, capaian naik tipis sehingga tetap tertulis 100,00% setelah dibulatkan "
        "(tahun 2022: realisasi 80,00%, target 80%).")


def test_a_new_ikk_and_no_earlier_years():
    assert comparison(ikk(82, 90, "Indeks", new_ikk=True)) == (
        "IKK ini baru ditetapkan dalam Perjanjian Kinerja tahun 2023 dan belum ada pada tahun 2022, sehingga "
        "capaiannya belum dapat dibandingkan dengan tahun sebelumnya.")
    assert comparison(ikk(82, 90, "Indeks")) == (
        "Data tahun 2022 tidak tersedia, sehingga capaian IKK ini belum dapat dibandingkan dengan tahun "
        "sebelumnya.")


def test_earlier_year_without_a_capaian():
    facts = ikk(100, 100)
    assert comparison(with_previous(facts, 100, None, "NIHIL")) == (
        "Realisasi tahun 2022 tercatat NIHIL, sehingga capaiannya tidak dapat dibandingkan dengan tahun 2023.")
    assert comparison(with_previous(facts, 100, None, "-")) == (
        "Realisasi tahun 2022 tidak tersedia, sehingga capaiannya tidak dapat dibandingkan dengan tahun 2023.")
    assert comparison(with_previous(facts, None, 88)) == (
        "Realisasi tahun 2022 sebesar 88%, namun targetnya tidak tersedia, sehingga capaian tahun 2022 dan 2023 "
        "tidak dapat dibandingkan.")


# --------------------------------------------------------------------------- Renstra


def renstra(facts: IkkFacts) -> str:
    return ikk_narrative(facts, YEAR).renstra


def test_no_renstra_and_no_target_of_the_year():
    assert renstra(ikk(90, 93)) == (
        "Target jangka menengah (Renstra) untuk IKK ini tidak tersedia, sehingga realisasinya belum dapat "
        "dibandingkan dengan target Renstra.")
    assert renstra(with_renstra(ikk(90, 93), None)) == (
        "Renstra tidak memuat target tahun 2023 untuk IKK ini, sehingga realisasinya belum dapat dibandingkan "
        "dengan target jangka menengah.")


def test_renstra_scale_and_basis():
    scaled = with_renstra(ikk(3.1, 1154.03 / 12 / 25, "Indeks"), 7.22, renstra_realisasi=1154.03 / 12 / 25 * 2.5,
                          renstra_scaled=True)
    assert renstra(scaled) == (
        "Dibandingkan dengan target jangka menengah dalam Renstra tahun 2023 sebesar 7,22 (Indeks), realisasi "
        "3,85 (Indeks), yang setara 9,62 (Indeks) pada skala Renstra, telah melampaui target tersebut, dengan "
        "capaian 133,20%.")
    pk_basis = with_renstra(ikk(90, 88), 85, renstra_pk_basis=True, renstra_capaian=calc.capaian(88, 90,
                                                                                                  Direction.NAIK))
    assert renstra(pk_basis) == ("Target jangka menengah dalam Renstra tahun 2023 sebesar 85%; realisasi 88% telah "
                                 "melampaui target tersebut.")
    exact = with_renstra(ikk(100, 100), 100)
    assert renstra(exact).endswith("realisasi 100% tepat memenuhi target tersebut, dengan capaian 100%.")


def test_cumulative_renstra():
    facts = with_renstra(ikk(250, 300, "Perkara"), 1250, renstra_year=2024, renstra_since=2021,
                         renstra_realisasi=1050)
    assert renstra(facts) == (
        "Target Renstra IKK ini bersifat kumulatif: realisasi tahun 2021 sampai dengan 2023 berjumlah 1.050 Perkara "
        "terhadap target akhir Renstra tahun 2024 sebesar 1.250 Perkara, sehingga capaiannya 84%.")
    missing = dataclasses.replace(facts, renstra_realisasi=None, renstra_capaian=None)
    assert renstra(missing) == (
        "Target Renstra IKK ini bersifat kumulatif (target akhir tahun 2024 sebesar 1.250 Perkara), namun "
        "realisasi tahun 2021 sampai dengan 2023 belum lengkap, sehingga jumlahnya belum dapat dihitung.")


# --------------------------------------------------------------------------- the staff's texts


def test_staff_texts_are_told_as_written_and_placeholders_only_where_needed():
    written = ikk(90, 95, faktor_pendukung="a. Sosialisasi rutin;\nb. Koordinasi 12 Lapas.", upaya="  ")
    staff = ikk_narrative(written, YEAR).staff
    assert [(s.field, s.placeholder) for s in staff] == [("faktor_pendukung", False), ("upaya", True)]
    assert staff[0].text == "a. Sosialisasi rutin;\nb. Koordinasi 12 Lapas."  # never reworded
    assert staff[0].paragraph == "Faktor pendukung: a. Sosialisasi rutin;\nb. Koordinasi 12 Lapas."
    assert staff[1].text == ("[Belum diisi: upaya yang telah dan akan dilakukan untuk IKK ini, untuk dilengkapi "
                             "oleh Divisi Umum.]")
    missed = ikk(90, 45)
    assert [(s.field, s.placeholder) for s in ikk_narrative(missed, YEAR).staff] == [
        ("faktor_penghambat", True), ("upaya", True)]
    everything = ikk(90, 45, faktor_pendukung="x", faktor_penghambat="y", upaya="z")
    assert [s.paragraph for s in ikk_narrative(everything, YEAR).staff] == [
        "Faktor pendukung: x", "Faktor penghambat: y", "Upaya dan rencana tindak lanjut: z"]
    assert ikk_paragraphs(everything, YEAR)[3:] == ["Faktor pendukung: x", "Faktor penghambat: y",
                                                    "Upaya dan rencana tindak lanjut: z"]


def test_the_organisations_words():
    words = Words(office="Dinas", office_short="Dinas", unit="Bidang", head="Kepala Dinas")
    with use_words(words):
        placeholder = ikk_narrative(ikk(90, 45), YEAR).staff[0].text
        sentences = summary_sentences(_summary((("Umum", 3, 2),)))
    assert placeholder.endswith("untuk dilengkapi oleh Bidang Umum.]")
    assert sentences == ["Pada tahun 2023, 2 dari 3 IKK Dinas tercapai dan 1 IKK belum tercapai.",
                         "Bidang Umum: 2 dari 3 IKK tercapai."]


# --------------------------------------------------------------------------- the year


def _summary(groups, budget: BudgetSummary | None = None) -> ChapterSummary:
    parts = tuple(calc.GroupSummary(name, total, tercapai, None) for name, total, tercapai in groups)
    overall = calc.GroupSummary("Kantor", sum(g.total for g in parts), sum(g.tercapai for g in parts), None)
    return ChapterSummary(YEAR, calc.Summary(parts, overall), budget)


def test_summary_sentences():
    assert summary_sentences(_summary((("Administrasi", 1, 1), ("Pemasyarakatan", 36, 30)))) == [
        "Pada tahun 2023, 31 dari 37 IKK Kantor Wilayah tercapai dan 6 IKK belum tercapai.",
        "Divisi Administrasi: 1 dari 1 IKK tercapai.",
        "Divisi Pemasyarakatan: 30 dari 36 IKK tercapai."]
    assert summary_sentences(_summary((("Umum", 2, 2),)))[0] == (
        "Pada tahun 2023, seluruh 2 IKK Kantor Wilayah tercapai.")
    assert summary_sentences(_summary((("Umum", 2, 0),)))[0] == (
        "Pada tahun 2023, belum ada satu pun dari 2 IKK Kantor Wilayah yang tercapai.")


def test_budget_sentence():
    budget = BudgetSummary(109466687000, 108414182179, 99.04, 99.403891, 98.887, 99.196)
    assert budget_sentences(YEAR, budget) == ["Capaian kinerja anggaran Kantor Wilayah tahun 2023 sebesar 99,20."]
    assert budget_sentences(YEAR, dataclasses.replace(budget, capaian_kinerja_anggaran=None)) == []
    assert budget_sentences(YEAR, None) == []


# --------------------------------------------------------------------------- the samples

#: A number as the sentences write it: 1.666,67 / -428 / 94,70 / 2023.
NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?")


@pytest.fixture(scope="module")
def konsolidasi(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("narasi") / "konsolidasi_2023.xlsx"
    assert consolidate([SAMPLES / "formulir"], out, MASTER).output == out
    return out


@pytest.fixture(scope="module", params=["semua", "minimal"])
def sample(request, konsolidasi, tmp_path_factory):
    """The facts of the samples and the tables workbook written from the same data."""
    inputs = {"previous": [PREVIOUS], "renstra": RENSTRA, "anggaran": ANGGARAN} if request.param == "semua" else {}
    data = load_tables_data(konsolidasi, MASTER, **inputs)
    out = write_tables(data, tmp_path_factory.mktemp("tabel") / "tabel.xlsx").output
    return data, facts_from_data(data), openpyxl.load_workbook(out, data_only=True)


def _value(cell):
    """A number cell's value (``None`` for a text: "-", "data tidak tersedia", "NIHIL"), compared to the
    16 significant digits a workbook stores."""
    return pytest.approx(cell.value, rel=1e-15, abs=0) if isinstance(cell.value, (int, float)) else None


def _summary_rows(book) -> list[tuple]:
    """(target, realisasi, capaian) cells of every IKK row of Tabel 3.1, in order."""
    ws = book["Tabel 3.1"]
    return [(row[3], row[4], row[5]) for row in ws.iter_rows(min_row=3) if isinstance(row[3].value, (int, float))]


def _data_rows(ws) -> list[list]:
    """The data row of each captioned table of an IKK sheet (two header rows, or one for Type 1)."""
    rows = list(ws.iter_rows())
    found = []
    for i, row in enumerate(rows):
        caption = row[0].value
        if isinstance(caption, str) and re.search(r"(Perbandingan|Target Jangka)", caption):
            found.append(rows[i + (2 if "Target dan Realisasi" in caption else 3)])
    return found


def test_facts_are_what_the_tables_workbook_holds(sample):
    data, facts, book = sample
    assert [f.code for f in facts] == [i.code for d in data.master.divisi_order for i in data.master.for_divisi(d)]
    rows = _summary_rows(book)
    assert len(rows) == len(facts) == 60
    for item, (target, realisasi, capaian) in zip(facts, rows):
        assert (item.target, item.realisasi, item.capaian) == (_value(target), _value(realisasi), _value(capaian))
        _, comparison, plan = _data_rows(book[item.code])
        cells = [c for c in comparison[1:] if c.value is not None]
        if item.previous_year is not None:  # the latest earlier year's group: just before this year's
            assert item.previous_capaian == _value(cells[-5])
            assert item.previous_realisasi == _value(cells[-6])
        renstra_capaian = [c for c in plan if c.value is not None][-1]
        assert item.renstra_capaian == _value(renstra_capaian), item.code
    assert sum(f.nihil for f in facts) == 7  # the four SK09 IKK and three of SK08 report NIHIL
    ringkasan = summary_facts(data, facts)
    assert (ringkasan.summary.overall.total, ringkasan.summary.overall.tercapai) == (60, 54)
    if data.budget is not None:
        ws = book[SHEET_BUDGET_CAPAIAN]
        assert ringkasan.budget is not None and ringkasan.budget.capaian_kinerja_anggaran == _value(ws["E6"])
        assert budget_paragraphs(data) == ["Capaian kinerja anggaran Kantor Wilayah tahun 2023 sebesar 99,20."]
    else:
        assert ringkasan.budget is None and budget_paragraphs(data) == []


def _shown_numbers(cells) -> set[str]:
    """The numbers the cells show, as a spreadsheet shows them (with their number formats), units dropped."""
    return {number for cell in cells if isinstance(cell.value, (int, float))
            for number in NUMBER.findall(format_shown(cell.value, cell.number_format))}


def test_every_number_in_a_paragraph_is_shown_in_the_tables(sample):
    data, facts, book = sample
    rows = _summary_rows(book)
    for item, summary_row in zip(facts, rows):
        shown = _shown_numbers([*summary_row, *(c for row in book[item.code].iter_rows() for c in row)])
        capaian = summary_row[2]
        if isinstance(capaian.value, (int, float)):  # the points from 100 of the capaian as shown
            text = format_shown(capaian.value, capaian.number_format).rstrip("%")
            points = abs(Decimal(text.replace(".", "").replace(",", ".")) - 100)
            shown.add(format_shown(float(points), capaian.number_format).rstrip("%"))
        shown |= {str(YEAR), str(YEAR - 1), "100", *(str(y) for y in data.renstra.years)}
        narrative = ikk_narrative(item, YEAR)
        drafts = [narrative.target, narrative.comparison, narrative.renstra]
        assert all(drafts)
        for paragraph in drafts:
            assert set(NUMBER.findall(paragraph)) <= shown, (item.code, paragraph, shown)
        if isinstance(capaian.value, (int, float)):
            assert format_shown(capaian.value, capaian.number_format) in narrative.target
    assert summary_paragraphs(data, facts)[0] == (
        "Pada tahun 2023, 54 dari 60 IKK Kantor Wilayah tercapai dan 6 IKK belum tercapai.")


def test_forms_give_the_same_facts(sample, konsolidasi):
    data, facts, _ = sample
    inputs = {"previous": [PREVIOUS], "renstra": RENSTRA} if data.previous_given else {}
    from_forms = facts_from_data(load_tables_data(SAMPLES / "formulir", MASTER, **inputs))
    assert from_forms == facts
