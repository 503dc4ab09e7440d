"""Synthetic filled forms for the national benchmark and tests, through the public API only.

:func:`generate` writes ``n`` filled Divisi forms of several Kanwil into a
folder, one sub-folder per Kanwil, with :func:`lkjip_xl.forms.write_form`.
Each Kanwil has its own :class:`~lkjip_xl.model.Master` (same structure,
its own targets); each form has about 80 IKK mixing every calculation method;
the values are realistic (most IKK tercapai, some short, a few far beyond), about two IKK
in three carry the narrative texts of Bab III (Faktor Pendukung, Faktor Penghambat, Upaya), and all
is deterministic for a given ``seed``.  The forms of one Kanwil are its four Divisi, then UPT-like
units, so that 1,000 forms are 33 Kanwil of about 30 forms each.
"""

from __future__ import annotations

import math
import random
import re
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

from lkjip_xl.forms import form_filename, write_form
from lkjip_xl.model import AchievementRule, Direction, Indicator, IndicatorInput, Master, Method
from lkjip_xl.periods import PeriodRule

YEAR = 2023
PROVINCES = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
    "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jawa Barat", "Banten",
    "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
    "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Sulawesi Utara",
    "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat",
)
#: Reporting units of a Kanwil: its four Divisi first, then UPT-like units.
UNITS = (
    "Administrasi", "Pemasyarakatan", "Keimigrasian", "Pelayanan Hukum dan HAM",
    "Lapas Kelas I", "Lapas Kelas IIA", "Lapas Kelas IIB", "Lapas Perempuan", "Lapas Narkotika",
    "Rutan Kelas I", "Rutan Kelas IIA", "Rutan Kelas IIB", "Cabang Rutan", "LPKA", "Bapas Kelas I",
    "Bapas Kelas II", "Rupbasan Kelas I", "Rupbasan Kelas II", "Kanim Kelas I TPI", "Kanim Kelas I",
    "Kanim Kelas II TPI", "Kanim Kelas II Non TPI", "Rudenim", "ULP Paspor", "TPI Bandara",
    "TPI Pelabuhan", "Balai Harta Peninggalan", "Posbakum", "Klinik Kekayaan Intelektual", "Pos Lintas Batas",
    "Lapas Terbuka", "Kanim Kelas III",
)
SUBJECTS = (
    "narapidana", "tahanan", "klien pemasyarakatan", "permohonan paspor", "layanan izin tinggal",
    "pengaduan masyarakat", "produk hukum daerah", "pegawai", "dokumen perencanaan", "layanan kekayaan intelektual",
)
ACTIONS = (
    "yang memperoleh layanan sesuai standar", "yang diselesaikan tepat waktu", "yang ditindaklanjuti",
    "yang memperoleh pembinaan kepribadian", "yang terverifikasi", "yang mendapatkan hak integrasi",
)
UNITS_LANGSUNG = ("Layanan", "Dokumen", "Kegiatan", "Lokus", "Orang", "Laporan")
#: Phrases of the narrative texts (Faktor Pendukung, Faktor Penghambat, Upaya) a Divisi writes for Bab III.
SUPPORTS = ("dukungan pimpinan dan koordinasi yang baik dengan instansi terkait",
            "ketersediaan sarana dan prasarana yang memadai", "komitmen pegawai dalam memberikan layanan",
            "pemanfaatan aplikasi layanan berbasis elektronik")
OBSTACLES = ("keterbatasan jumlah sumber daya manusia", "anggaran yang terbatas pada triwulan awal",
             "jarak dan kondisi geografis wilayah kerja", "gangguan jaringan pada aplikasi layanan")
ACTIONS_NEXT = ("meningkatkan koordinasi dengan instansi terkait", "menyelenggarakan bimbingan teknis bagi pegawai",
                "mengusulkan penambahan anggaran pada tahun berikutnya", "melakukan monitoring dan evaluasi berkala")


KANWIL_PREFIX = "Kantor Wilayah Kementerian Hukum dan HAM "


def kanwil_name(index: int) -> str:
    """The name of the ``index``-th Kanwil (provinces repeat, numbered, beyond 33)."""
    suffix = f" {index // len(PROVINCES) + 1}" if index >= len(PROVINCES) else ""
    return KANWIL_PREFIX + PROVINCES[index % len(PROVINCES)] + suffix


def layout(n: int) -> list[tuple[int, int]]:
    """(Kanwil index, unit index) of each of ``n`` forms: up to 33 Kanwil of four or more forms."""
    kanwil_count = max(min(len(PROVINCES), math.ceil(n / 4)), math.ceil(n / len(UNITS)))
    per, extra = divmod(n, kanwil_count)
    return [(k, u) for k in range(kanwil_count) for u in range(per + (1 if k < extra else 0))]


def _indicators(divisi: str, unit_index: int, rng: random.Random, count: int) -> list[Indicator]:
    indicators = []
    sk_no = unit_index * 100
    for i in range(count):
        if i % 8 == 0:
            sk_no += 1
            sk_text = (f"Meningkatnya kualitas {rng.choice(SUBJECTS)} pada {divisi} "
                       f"sesuai standar pelayanan (sasaran {sk_no % 100})")
        roll = rng.random()
        common = dict(code=f"SK{sk_no:04d}-IKK{i % 8 + 1}", divisi=divisi, sk_no=sk_no, sk_text=sk_text,
                      ikk_no=i % 8 + 1)
        subject, action = rng.choice(SUBJECTS), rng.choice(ACTIONS)
        if roll < 0.35:
            unit = rng.choice(UNITS_LANGSUNG)
            indicators.append(Indicator(**common, text=f"Jumlah {subject} {action}", unit=unit,
                                        target=float(rng.randint(2, 60)), method=Method.LANGSUNG,
                                        period_rule=PeriodRule.JUMLAH))
        elif roll < 0.75:
            turun = rng.random() < 0.1
            indicators.append(Indicator(
                **common, text=f"Persentase {subject} {action}" + (" (makin rendah makin baik)" if turun else ""),
                unit="%", target=float(rng.choice((10, 25, 80, 85, 90, 95, 100))) if not turun else 10.0,
                method=Method.RASIO, direction=Direction.TURUN if turun else Direction.NAIK,
                nihil=rng.random() < 0.15))
        elif roll < 0.9:
            divisor = rng.choice((1.0, 25.0))
            indicators.append(Indicator(**common, text=f"Indeks kepuasan {subject}", unit="Indeks",
                                        target=3.25 if divisor == 25 else 82.0, method=Method.SURVEI,
                                        scale_divisor=divisor))
        else:
            labels = tuple(rng.sample(SUBJECTS, rng.choice((2, 3))))
            indicators.append(Indicator(**common, text=f"Rata-rata persentase {subject} {action}", unit="%",
                                        target=90.0, method=Method.RERATA_SUBRASIO, sub_labels=labels))
    return indicators


@lru_cache(maxsize=4)
def master_for(kanwil_index: int, units: int, seed: int = 2023) -> Master:
    """The Master of one Kanwil: ``units`` reporting units of 78–82 IKK each."""
    indicators: list[Indicator] = []
    for u in range(units):
        rng = random.Random(f"{seed}-{kanwil_index}-{u}")
        indicators += _indicators(UNITS[u], u, rng, rng.randint(78, 82))
    return Master(kanwil_name(kanwil_index), YEAR, tuple(indicators), AchievementRule(100.0, True))


def _inputs(indicators, rng: random.Random) -> dict[str, IndicatorInput]:
    inputs = {}
    for ind in indicators:
        # like the 2023 sample: most IKK reach target, some fall short, a few far exceed it
        roll = rng.random()
        level = rng.uniform(1.0, 1.15) if roll < 0.8 else rng.uniform(0.5, 1.0) if roll < 0.95 else rng.uniform(1.2, 3)
        note = rng.choice(("", "", "", f"Sumber: laporan {rng.choice(SUBJECTS)} bulan Desember"))
        reported = IndicatorInput(ind.code, keterangan=note)
        if ind.nihil and rng.random() < 0.3:
            reported.nihil = True
        elif ind.method is Method.LANGSUNG:
            reported.value = float(max(0, round(ind.target * level)))
        elif ind.method is Method.RASIO:
            den = rng.randint(20, 4000)
            rate = ind.target * level if ind.direction is Direction.NAIK else ind.target * (2 - level)
            reported.pairs = [(float(min(den, max(0, round(den * rate / 100)))), float(den))]
        elif ind.method is Method.SURVEI:
            count = rng.choice((4, 9, 12))
            reported.pairs = [(round(ind.target * ind.scale_divisor * level * count, 2), float(count))]
        else:
            for _ in ind.sub_labels:
                den = rng.randint(10, 900)
                reported.pairs.append((float(min(den, round(den * min(1.0, 0.9 * level)))), float(den)))
        _narrative(reported, random.Random(f"{ind.code}-{level}"))
        inputs[ind.code] = reported
    return inputs


def _narrative(reported: IndicatorInput, rng: random.Random) -> None:
    """Faktor Pendukung, Faktor Penghambat and Upaya of about two IKK in three, one or two sentences each
    (their own ``rng``: the numbers stay those of the forms without texts)."""
    if rng.random() < 0.35:
        return
    for key, phrases in (("faktor_pendukung", SUPPORTS), ("faktor_penghambat", OBSTACLES), ("upaya", ACTIONS_NEXT)):
        chosen = rng.sample(phrases, rng.choice((1, 2)))
        setattr(reported, key, "; ".join(chosen).capitalize() + ".")


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_")


def kanwil_folder(folder: str | Path, kanwil_index: int) -> Path:
    """``01_Aceh``: the sub-folder of one Kanwil's forms."""
    return Path(folder) / f"{kanwil_index + 1:02d}_{_slug(kanwil_name(kanwil_index).removeprefix(KANWIL_PREFIX))}"


def _write_one(job: tuple[str, int, int, int, int]) -> str:
    folder, kanwil_index, unit_index, units, seed = job
    master = master_for(kanwil_index, units, seed)
    divisi = UNITS[unit_index]
    rng = random.Random(f"{seed}-{kanwil_index}-{unit_index}-inputs")
    out = kanwil_folder(folder, kanwil_index) / form_filename(master, divisi)
    write_form(master, divisi, out, "Tahunan", True, _inputs(master.for_divisi(divisi), rng))
    return str(out)


def generate(n: int, folder: str | Path, seed: int = 2023, workers: int | None = None) -> list[Path]:
    """Write ``n`` filled forms under ``folder`` (one sub-folder per Kanwil); return the Kanwil folders."""
    plan = layout(n)
    units_of = {k: sum(1 for other, _ in plan if other == k) for k, _ in plan}
    jobs = [(str(folder), k, u, units_of[k], seed) for k, u in plan]
    if workers == 1 or n < 8:
        list(map(_write_one, jobs))
    else:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_write_one, jobs, chunksize=16))
    return [kanwil_folder(folder, k) for k in sorted(units_of)]
