"""A generated corpus for names, consistency, number limits, number texts and control characters.

Every :class:`Case` builds a folder of forms from the real samples (``samples/formulir``,
``samples/master_pk_2023.xlsx``): sample copies, sample forms with cells edited, and forms
re-stamped by :func:`lkjip_xl.forms.write_form` from an altered master — a consistent
forgery, as anyone who can edit a form can make one (the stamp's hash has no key).  Each
case says what ``lkjip-xl consolidate`` must answer: the exit code and the problems
(file, code, sheet, cell).  Several variants per class of issue #10:

- 5: names that a text match would misread (case, spaces, ``* ? ~``, control characters);
- 8: forms that disagree on the achievement rule, the Divisi list or the period;
- 9: numbers beyond the forms' limits;
- 10: trailing words after a number;
- 11: control characters in echoed values and in file names.

    python tests/fixtures_consistency.py OUT_DIR     # write every case folder, to look at by hand
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from collections.abc import Callable

from fixtures_bad import ADMIN, IMIG, MASTER, PEMAS, PHH, SAMPLES, cell_of, rezip, set_cells, stamp_edit
from lkjip_xl import calc, methods
from lkjip_xl.checks import check_form
from lkjip_xl.forms import form_filename, write_form
from signing import SIGNOFF
from lkjip_xl.layout import COL_DEN, COL_NUM, COL_REAL, FORM_SHEET, STAMP_SHEET
from lkjip_xl.master import read_master
from lkjip_xl.template import write_master
from lkjip_xl.model import AchievementRule, IndicatorInput, Master
from lkjip_xl.reader import read_form
from lkjip_xl.problems import ERROR, WARNING

SAMPLE_MASTER = read_master(MASTER)
SOURCE = {"Administrasi": ADMIN, "Pemasyarakatan": PEMAS, "Keimigrasian": IMIG, "Pelayanan Hukum dan HAM": PHH}
KANWIL = SAMPLE_MASTER.kanwil

#: Control characters a cell value or name may carry (issue #10, class 11).
CONTROLS = {"cr": "\r", "lf": "\n", "tab": "\t", "u2028": "\u2028", "u2029": "\u2029", "nel": "\u0085",
            "rlo": "\u202e", "lri": "\u2066", "zwsp": "\u200b", "nul": "\x00", "esc": "\x1b", "del": "\x7f"}
#: A value that would forge the report's last line if echoed raw.
FORGED_LINE = "5\rRingkasan: 0 kesalahan, 0 peringatan."


@dataclass(frozen=True)
class Want:
    """One problem ``consolidate --json`` must report: on ``file`` (a name in the case folder, "" for the run)."""

    file: str
    code: str
    sheet: str = ""
    cell: str = ""
    severity: str = ERROR


@dataclass(frozen=True)
class Case:
    """A folder of forms and what the command line must say about it."""

    name: str
    klass: int  #: class of issue #10: 5, 8, 9, 10 or 11
    build: Callable[[Path], None]  #: fills the (existing, empty) case folder
    wants: tuple[Want, ...]
    master: bool = False  #: run with --master samples/master_pk_2023.xlsx
    national: bool = False  #: run with --out-dir (the folder holds one sub-folder per Kanwil)
    exit_code: int = 1  #: of `consolidate` (and of `validate` when no master fails)
    #: the headline after recalculation: of the run itself when it is accepted, else of --skip-invalid
    headline: str | None = None

    @property
    def refused(self) -> set[str]:
        return {w.file for w in self.wants if w.severity == ERROR and w.file}


# --------------------------------------------------------------------------- builders


def copy_samples(folder: Path, without: tuple[Path, ...] = ()) -> None:
    for form in SAMPLES.glob("*.xlsx"):
        if form not in without:
            shutil.copyfile(form, folder / form.name)


def renamed(master: Master, old: str, new: str) -> Master:
    """``master`` with Divisi ``old`` called ``new``."""
    return replace(master, indicators=tuple(replace(i, divisi=new) if i.divisi == old else i
                                            for i in master.indicators))


def reordered(master: Master, order: list[str]) -> Master:
    """``master`` with its Divisi (and so the forms' Divisi list) in ``order``."""
    return replace(master, indicators=tuple(i for d in order for i in master.indicators if i.divisi == d))


def sample_inputs(divisi: str) -> dict[str, IndicatorInput]:
    return check_form(read_form(SOURCE[divisi])).inputs


def forge(master: Master, divisi: str, source_divisi: str, name: str, period: str = "Tahunan",
          notes: dict[str, str] | None = None) -> Callable[[Path], None]:
    """A builder: the sample inputs of ``source_divisi`` on a form of ``divisi`` written from ``master``."""
    def build(folder: Path) -> None:
        inputs = sample_inputs(source_divisi)
        for code, text in (notes or {}).items():
            inputs[code] = replace(inputs[code], keterangan=text)
        write_form(master, divisi, folder / name, period=period, inputs=inputs, signoff=SIGNOFF)
    return build


def all_forged(master: Master, period: str = "Tahunan", sub: str = "") -> Callable[[Path], None]:
    """A builder: every sample Divisi re-written from ``master`` (into sub-folder ``sub``)."""
    def build(folder: Path) -> None:
        target = folder / sub if sub else folder
        target.mkdir(exist_ok=True)
        for divisi in SAMPLE_MASTER.divisi_order:
            name = form_filename(master, divisi, period)
            new = next(d for d in master.divisi_order if master.for_divisi(d)[0].code
                       == SAMPLE_MASTER.for_divisi(divisi)[0].code)
            forge(master, new, divisi, name, period)(target)
    return build


def edited(source: Path, name: str, values: dict[str, object], text: bool = True) -> Callable[[Path], None]:
    return lambda folder: set_cells(source, values, text)(folder / name)


def both(*builders: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        for builder in builders:
            builder(folder)
    return build


def samples_and(*builders: Callable[[Path], None], without: tuple[Path, ...] = ()) -> Callable[[Path], None]:
    return both(lambda folder: copy_samples(folder, without), *builders)


def national(*builders: Callable[[Path], None]) -> Callable[[Path], None]:
    """The samples in ``babel/`` plus what ``builders`` put in other sub-folders."""
    def build(folder: Path) -> None:
        (folder / "babel").mkdir()
        copy_samples(folder / "babel")
        for builder in builders:
            builder(folder)
    return build


#: Where a case keeps its own master (a sub-folder: folders are read without their sub-folders).
MASTER_IN_CASE = Path("master") / "master.xlsx"


def master_file(master: Master) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        (folder / MASTER_IN_CASE).parent.mkdir()
        write_master(master, folder / MASTER_IN_CASE)
    return build


# --------------------------------------------------------------------------- expected numbers


def sample_headline(without: tuple[str, ...] = (), period: str = "") -> str:
    """The headline of the samples' Divisi minus ``without``, from calc (not from any workbook)."""
    results = [methods.evaluate(i, sample_inputs(i.divisi)[i.code], SAMPLE_MASTER.achievement)
               for i in SAMPLE_MASTER.indicators if i.divisi not in without]
    group = calc.group_summary("", results)
    return calc.headline(group.tercapai, group.total, period)


# --------------------------------------------------------------------------- the corpus


def corpus() -> list[Case]:
    imig_real = cell_of(IMIG, "SK11-IKK1", COL_REAL)  # Indeks, langsung
    layanan = cell_of(PHH, "SK14-IKK1", COL_REAL)  # Layanan, langsung
    instansi = cell_of(PHH, "SK21-IKK1", COL_REAL)  # Instansi Pemerintah, langsung
    pemas_num, pemas_den = (cell_of(PEMAS, "SK03-IKK1", key) for key in (COL_NUM, COL_DEN))  # rasio, counts
    pnbp_num = cell_of(PHH, "SK12-IKK1", COL_NUM)  # perubahan, may be negative
    pemas_warnings = (Want(PEMAS.name, "numerator_exceeds_denominator", FORM_SHEET, "I11", WARNING),)
    m = SAMPLE_MASTER
    imig_name = "Formulir_2023_Keimigrasian_ulang.xlsx"
    cases: list[Case] = []

    def stamp(file: str, code: str) -> Want:
        return Want(file, code, STAMP_SHEET)

    # --- 5: names -----------------------------------------------------------------------------
    for variant, new in (("huruf_besar", "KEIMIGRASIAN"), ("huruf_kecil", "keimigrasian"),
                         ("campuran", "KeImIgRaSiAn")):
        forged = forge(renamed(m, "Keimigrasian", new), new, "Keimigrasian", imig_name)
        cases.append(Case(f"nama_divisi_{variant}", 5, samples_and(forged),
                          (stamp(imig_name, "form_name_clash"), stamp(IMIG.name, "form_name_clash"),
                           stamp(imig_name, "form_order_differs")),
                          headline=sample_headline(("Keimigrasian",))))
        cases.append(Case(f"nama_divisi_{variant}_dengan_master", 5, samples_and(forged), (
            stamp(imig_name, "form_unknown_divisi"),), master=True, headline=sample_headline()))
    for variant, new in (("bintang", "Keimigrasian*"), ("tanya", "Keimi?rasian"), ("tilde", "~Keimigrasian"),
                         ("sama_dengan", "=Keimigrasian"), ("lebih_kecil", "<Keimigrasian"),
                         ("spasi", " Keimigrasian "), *((f"kendali_{k}", f"Keimi{c}grasian") for k, c in
                                                        CONTROLS.items() if k in ("cr", "lf", "rlo", "nul", "esc",
                                                                                  "u2028", "zwsp"))):
        forged = forge(renamed(m, "Keimigrasian", new), new, "Keimigrasian", imig_name)
        cases.append(Case(f"nama_divisi_{variant}", 5, samples_and(forged, without=(IMIG,)), (
            stamp(imig_name, "form_name_invalid"), stamp(imig_name, "form_order_differs")),
            headline=sample_headline(("Keimigrasian",))))
    humas = "Formulir_2023_Keimigrasian_humas.xlsx"
    cases.append(Case("divisi_tidak_di_daftarnya", 5, samples_and(
        lambda folder: stamp_edit(IMIG, lambda locked: locked.update(divisi="Humas"), True)(folder / humas),
        without=(IMIG,)), (stamp(humas, "form_divisi_not_in_order"), Want(humas, "header_changed", FORM_SHEET, "C5")),
        headline=sample_headline(("Keimigrasian",))))
    twice = "Formulir_2023_Administrasi_ulang.xlsx"
    cases.append(Case("divisi_nama_ganda_di_cap", 5, samples_and(forge(
        renamed(m, "Administrasi", "KEIMIGRASIAN"), "KEIMIGRASIAN", "Administrasi", twice), without=(ADMIN,)),
        (stamp(twice, "form_name_clash"), stamp(twice, "form_order_differs"), stamp(IMIG.name, "form_name_clash")),
        headline=sample_headline(("Administrasi", "Keimigrasian"))))
    # names a text match would misread but that are fine: counted on numbers, recomputed by LibreOffice
    for variant, names in (("panjang", {"Administrasi": ("Administrasi " + "dan Umum " * 35).strip()}),
                           ("angka", {"Administrasi": "100", "Keimigrasian": "1/2"}),
                           ("tanda", {"Pemasyarakatan": 'Pemasyarakatan "Lapas" & Rutan (1)'})):
        altered = m
        for old, new in names.items():
            altered = renamed(altered, old, new)
        cases.append(Case(f"nama_divisi_sah_{variant}", 5, both(all_forged(altered), master_file(altered)), (),
                          master=True, exit_code=0, headline=sample_headline()))
    star = replace(m, kanwil="Kantor Wilayah*")
    cases.append(Case("nama_kanwil_bintang_nasional", 5, national(all_forged(star, sub="bintang")), tuple(
        stamp(f"bintang/{form_filename(star, d)}", "form_name_invalid") for d in m.divisi_order),
        national=True, headline=sample_headline()))
    upper = replace(m, kanwil=KANWIL.upper())
    cases.append(Case("nama_kanwil_huruf_besar_nasional", 5, national(all_forged(upper, sub="besar")), tuple(
        stamp(f"{sub}/{form_filename(m, d)}", "form_name_clash") for sub in ("besar", "babel")
        for d in m.divisi_order), national=True))
    other = replace(m, kanwil="Kantor Wilayah Uji (1/2) & \"Contoh\"")
    cases.append(Case("nama_kanwil_sah_nasional", 5, national(all_forged(other, sub="uji")), (), national=True,
                      exit_code=0, headline=calc.headline(108, 120)))

    # --- 8: the forms disagree ------------------------------------------------------------------
    admin_name = "Formulir_2023_Administrasi_ulang.xlsx"
    for variant, rule in (("batas_0", AchievementRule(0.0)), ("batas_50", AchievementRule(50.0)),
                          ("batas_eksklusif", AchievementRule(100.0, inclusive=False)),
                          ("batas_hampir_100", AchievementRule(99.9999999999))):
        forged = forge(replace(m, achievement=rule), "Administrasi", "Administrasi", admin_name)
        cases.append(Case(f"aturan_{variant}", 8, samples_and(forged, without=(ADMIN,)), (
            stamp(admin_name, "form_rule_differs"),), headline=sample_headline(("Administrasi",))))
    cases.append(Case("aturan_batas_0_dengan_master", 8, samples_and(forge(
        replace(m, achievement=AchievementRule(0.0)), "Administrasi", "Administrasi", admin_name), without=(ADMIN,)),
        (stamp(admin_name, "form_rule_differs"),), master=True, headline=sample_headline(("Administrasi",))))
    zero = replace(m, achievement=AchievementRule(0.0))
    cases.append(Case("aturan_seri", 8, both(
        lambda folder: copy_samples(folder, without=(ADMIN, IMIG)),
        forge(zero, "Administrasi", "Administrasi", admin_name),
        forge(zero, "Keimigrasian", "Keimigrasian", imig_name)),
        tuple(stamp(name, "form_no_majority") for name in (admin_name, imig_name, PEMAS.name, PHH.name))))
    for variant, order in (("terbalik", list(m.divisi_order)[::-1]),
                           ("ditukar", ["Pemasyarakatan", "Administrasi", "Keimigrasian", "Pelayanan Hukum dan HAM"])):
        cases.append(Case(f"urutan_{variant}", 8, samples_and(forge(
            reordered(m, order), "Administrasi", "Administrasi", admin_name), without=(ADMIN,)),
            (stamp(admin_name, "form_order_differs"),), headline=sample_headline(("Administrasi",))))
    cases.append(Case("urutan_terbalik_dengan_master", 8, samples_and(forge(
        reordered(m, list(m.divisi_order)[::-1]), "Administrasi", "Administrasi", admin_name), without=(ADMIN,)),
        (stamp(admin_name, "form_order_differs"),), master=True, headline=sample_headline(("Administrasi",))))
    for period in ("Triwulan I", "Triwulan IV"):
        slug = period.replace(" ", "_")
        cases.append(Case(f"periode_{slug}_di_antara_tahunan", 8, samples_and(forge(
            m, "Administrasi", "Administrasi", f"Formulir_2023_Administrasi_{slug}.xlsx", period=period),
            without=(ADMIN,)), (stamp(f"Formulir_2023_Administrasi_{slug}.xlsx", "form_calendar_differs"),),
            headline=sample_headline(("Administrasi",))))
    # period forms are combined from Triwulan I: Triwulan I alone is "s.d. Triwulan I", never the year
    cases.append(Case("periode_semua_triwulan_I", 8, all_forged(m, "Triwulan I"), (), exit_code=0,
                      headline=sample_headline(period="s.d. Triwulan I Tahun 2023")))
    cases.append(Case("periode_semua_triwulan_II_tanpa_I", 8, all_forged(m, "Triwulan II"), tuple(
        stamp(form_filename(m, d, "Triwulan II"), "period_no_first") for d in m.divisi_order)))
    semester = "Formulir_2023_Administrasi_Semester_I.xlsx"
    by_semester = replace(m, calendar="semester")
    cases.append(Case("periode_semester_di_antara_triwulan", 8, both(
        all_forged(m, "Triwulan I"), forge(by_semester, "Administrasi", "Administrasi", semester, period="Semester I")),
        (stamp(semester, "form_calendar_differs"),), headline=sample_headline(period="s.d. Triwulan I Tahun 2023")))
    cases.append(Case("periode_semester_dengan_master_triwulan", 8, both(
        all_forged(m, "Triwulan I"), forge(by_semester, "Administrasi", "Administrasi", semester, period="Semester I")),
        (stamp(semester, "form_calendar_master"),), master=True,
        headline=sample_headline(period="s.d. Triwulan I Tahun 2023")))
    revised = "Formulir_2023_Administrasi_revisi.xlsx"
    cases.append(Case("revisi_menggantikan", 8, samples_and(
        edited(ADMIN, revised, {"C7": 1}, text=False)), (
        Want(ADMIN.name, "form_revision_replaced", FORM_SHEET, "C7", WARNING),), exit_code=0,
        headline=sample_headline()))
    cases.append(Case("revisi_sama", 8, samples_and(
        edited(ADMIN, revised, {"C7": 2}, text=False), edited(ADMIN, "Formulir_2023_Administrasi_revisi_2.xlsx",
                                                               {"C7": 2}, text=False)), (
        Want(revised, "form_duplicate_divisi", FORM_SHEET, "C7"),
        Want("Formulir_2023_Administrasi_revisi_2.xlsx", "form_duplicate_divisi", FORM_SHEET, "C7"),
        Want(ADMIN.name, "form_revision_replaced", FORM_SHEET, "C7", WARNING)),
        headline=sample_headline(("Administrasi",))))
    cases.append(Case("periode_seri", 8, both(
        lambda folder: copy_samples(folder, without=(ADMIN, IMIG)),
        forge(m, "Administrasi", "Administrasi", admin_name, period="Triwulan I"),
        forge(m, "Keimigrasian", "Keimigrasian", imig_name, period="Triwulan I")),
        tuple(stamp(name, "form_no_majority") for name in (admin_name, imig_name, PEMAS.name, PHH.name))))

    # --- 9: numbers beyond the forms' limits ---------------------------------------------------
    for variant, source, cell, value in (
            ("1e308", IMIG, imig_real, 1e308), ("1e16", IMIG, imig_real, 1e16),
            ("minus_1e16", PHH, pnbp_num, -1e16), ("minus_1e308", PHH, pnbp_num, -1e308),
            ("1e-300", PEMAS, pemas_den, 1e-300), ("teks_1e21", PEMAS, pemas_num, "1.000.000.000.000.000.000"),
            ("teks_400_angka", PEMAS, pemas_num, "9" * 400), ("teks_1e16", IMIG, imig_real, "10000000000000000")):
        name = f"batas_{variant}.xlsx"
        extra = pemas_warnings if source is PEMAS else ()
        cases.append(Case(f"batas_{variant}", 9, samples_and(edited(source, name, {cell: value}), without=(source,)),
                          (Want(name, "value_out_of_range", FORM_SHEET, cell),) + tuple(
                              replace(w, file=name) for w in extra if w.cell != cell)))
    # a forged stamp gets no more than a master would: targets and scale divisors within the limits
    first_admin = m.for_divisi("Administrasi")[0].code
    for variant, field_name, value in (("target_1e-300", "target", 1e-300), ("target_1e16", "target", 1e16),
                                       ("target_0", "target", 0.0), ("pembagi_1e300", "scale_divisor", 1e300)):
        forged_master = replace(m, indicators=tuple(replace(i, **{field_name: value}) if i.code == first_admin else i
                                                    for i in m.indicators))
        cases.append(Case(f"batas_cap_{variant}", 9, samples_and(forge(
            forged_master, "Administrasi", "Administrasi", admin_name), without=(ADMIN,)),
            (stamp(admin_name, "stamp_missing"),), headline=sample_headline(("Administrasi",))))
    cases.append(Case("batas_1e15_tepat", 9, samples_and(edited(PEMAS, "batas_1e15.xlsx", {pemas_num: 1e15}),
                                                        without=(PEMAS,)),
                      (Want("batas_1e15.xlsx", "numerator_exceeds_denominator", FORM_SHEET, pemas_num, WARNING),),
                      exit_code=0))

    # --- 10: trailing words ----------------------------------------------------------------------
    for variant, cell, text, code in (
            ("ribu", layanan, "2 ribu", "value_multiplier"), ("rb", layanan, "21 rb", "value_multiplier"),
            ("juta", instansi, "3,5 juta", "value_multiplier"), ("jt", instansi, "4 jt", "value_multiplier"),
            ("M", layanan, "1 M", "value_multiplier"), ("k", layanan, "5k", "value_multiplier"),
            ("miliar", pnbp_num, "Rp 1,2 miliar", "value_multiplier"),
            ("dari", layanan, "12 dari 15", "value_unit_mismatch"),
            ("orang", layanan, "5 Orang", "value_unit_mismatch"),
            ("lokus", layanan, "21 (Lokus)", "value_unit_mismatch"),
            ("hex", layanan, "0x10", "value_not_number"), ("eksponen", layanan, "1e5", "value_not_number"),
            ("spasi", layanan, "12 15", "value_not_number")):
        name = f"kata_{variant}.xlsx"
        cases.append(Case(f"kata_{variant}", 10, samples_and(edited(PHH, name, {cell: text}), without=(PHH,)),
                          (Want(name, code, FORM_SHEET, cell),)))
    for variant, cell, text in (("layanan", layanan, "21 Layanan"), ("layanan_kecil", layanan, " 21  layanan "),
                                ("instansi", instansi, "4 instansi  pemerintah"), ("indeks", None, "3,99 (Indeks)")):
        name = f"satuan_{variant}.xlsx"
        source = IMIG if cell is None else PHH
        where = imig_real if cell is None else cell
        cases.append(Case(f"satuan_{variant}", 10, samples_and(edited(source, name, {where: text}), without=(source,)),
                          (Want(name, "value_text_parsed", FORM_SHEET, where, WARNING),), exit_code=0))

    # --- 11: control characters --------------------------------------------------------------------
    for key in ("cr", "lf", "tab", "u2028", "nel", "rlo", "lri", "zwsp", "nul", "esc", "del"):
        name = f"kendali_{key}.xlsx"
        cases.append(Case(f"kendali_angka_{key}", 11, samples_and(typed_text(name, CONTROLS[key]), without=(IMIG,)),
                          (Want(name, "value_unit_mismatch" if CONTROLS[key].isspace() else "value_not_number",
                                FORM_SHEET, imig_real),)))  # "5␍Ringkasan…": words after a number
    notes = {code: f"catatan{c}baris" for code, c in zip(
        ("SK14-IKK1", "SK14-IKK2", "SK15-IKK2", "SK15-IKK3", "SK16-IKK2", "SK18-IKK1"),
        (CONTROLS[k] for k in ("cr", "lf", "u2028", "rlo", "nul", "esc")))}
    cases.append(Case("kendali_keterangan", 11, samples_and(forge(
        m, "Pelayanan Hukum dan HAM", "Pelayanan Hukum dan HAM", "kendali_keterangan.xlsx", notes=notes),
        without=(PHH,)), (), exit_code=0, headline=sample_headline()))
    bad_name = "Formulir\r\nRingkasan: 0 kesalahan\u202e.xlsx"
    cases.append(Case("kendali_nama_berkas", 11, samples_and(
        edited(IMIG, bad_name, {imig_real: "tiga"}), without=(IMIG,)),
        (Want(bad_name, "value_not_number", FORM_SHEET, imig_real),)))
    return cases


def typed_text(name: str, control: str) -> Callable[[Path], None]:
    """A builder: the Keimigrasian sample with :data:`FORGED_LINE` typed as text into its realisasi, its
    carriage return replaced by ``control`` (put into the XML as ``_xHHHH_`` where openpyxl cannot write it)."""
    placeholder = "XKENDALIX"
    cell = cell_of(IMIG, "SK11-IKK1", COL_REAL)

    def build(folder: Path) -> None:
        plain = folder / f"{name}.polos"
        set_cells(IMIG, {cell: FORGED_LINE.replace("\r", placeholder)})(plain)
        escaped = f"_x{ord(control):04X}_" if ord(control) < 32 else control
        rezip(plain, lambda _n, data: data.replace(placeholder.encode(), escaped.encode()))(folder / name)
        plain.unlink()
    return build


def build(case: Case, folder: Path) -> Path:
    """Build ``case`` into ``folder`` (created); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    case.build(folder)
    return folder


if __name__ == "__main__":
    for item in corpus():
        print(build(item, Path(sys.argv[1]) / item.name))
