"""The layout of the master PK workbook, shared by its reader and its writer.

The master has three sheets: "Info" (Kanwil, year, achievement rule), "PK"
(one row per IKK with its target and declared meaning) and "Petunjuk" (how to
fill it in).  :mod:`lkjip_xl.master` reads and checks a master by the labels
and column titles below; :mod:`lkjip_xl.template` writes one (or the blank
template) with them.  docs/form_contract.md › "The master workbook" documents
them for other programs.
"""

from __future__ import annotations

from . import methods

INFO_SHEET = "Info"
PK_SHEET = "PK"
GUIDE_SHEET = "Petunjuk"

#: key, label (column A of sheet Info), help text (column C)
INFO_FIELDS = (
    ("kanwil", "Kantor Wilayah", "Nama lengkap Kantor Wilayah"),
    ("tahun", "Tahun", "Tahun Perjanjian Kinerja, misalnya 2023"),
    ("threshold", "Batas Tercapai (%)", "IKK tercapai bila capaian mencapai batas ini (bawaan 100)"),
    ("inclusive", "Batas Termasuk", "Ya: capaian = batas dihitung tercapai (≥); Tidak: harus melebihi (>)"),
    ("renstra_basis", "Dasar Capaian Renstra",
     "renstra: capaian tabel Target Jangka Menengah dihitung terhadap target Renstra tahun ini; "
     "pk: terhadap target PK"),
)

YES, NO = "Ya", "Tidak"

#: key, header title, width, guide text (``None``: built by :func:`column_guide` from the registry)
PK_COLUMNS = (
    ("divisi", "Divisi", 22, "Nama Divisi, misalnya Administrasi"),
    ("sk_no", "No SK", 7, "Nomor Sasaran Kegiatan (1, 2, ...)"),
    ("sk_text", "Sasaran Kegiatan", 40, "Rumusan Sasaran Kegiatan"),
    ("code", "Kode IKK", 13, "Kode unik IKK, misalnya SK04-IKK2; formulir mencari baris dengan kode ini"),
    ("ikk_no", "No IKK", 7, "Nomor IKK di dalam SK (1, 2, ...)"),
    ("text", "Indikator Kinerja Kegiatan", 50, "Rumusan IKK"),
    ("unit", "Satuan", 12, "%, Indeks, Layanan, Lokus, Orang, Laporan, ..."),
    ("target", "Target", 10, "Target PK (angka, tanpa satuan)"),
    ("anggaran", "Anggaran (Rp)", 18, "Anggaran DIPA (diisi pada baris pertama SK yang memuatnya)"),
    ("method", "Cara Hitung", 16, None),
    ("scale_divisor", "Pembagi Skala", 10, "Untuk survei: misalnya 25 (skala 1–100 ke 1–4); bawaan 1"),
    ("sub_labels", "Sub-rasio", 24, "Untuk rerata_subrasio: nama sub-rasio dipisah titik koma, misalnya HIV; TB"),
    ("direction", "Arah", 8, "naik: makin tinggi makin baik; turun: makin rendah makin baik"),
    ("nihil", "NIHIL", 8, "Ya bila tidak ada kejadian berarti realisasi 100%"),
    ("quarter_rule", "Gabungan Triwulan", 14, "jumlah, nilai_akhir, atau rerata"),
    ("may_be_negative", "Boleh Negatif", 9, "Ya untuk indikator perubahan yang bisa turun di bawah nol"),
    ("renstra_scale_factor", "Faktor Skala Renstra", 10,
     "Pengali realisasi ke skala Renstra, misalnya 2,5 (skala 1–4 ke 1–10); bawaan 1"),
    ("method_note", "Petunjuk Perhitungan", 40, "Penjelasan cara menghitung untuk staf Divisi"),
)
PK_TITLES = {key: title for key, title, _, _ in PK_COLUMNS}
#: Columns a master row must fill.
PK_REQUIRED = ("divisi", "sk_no", "sk_text", "code", "ikk_no", "text", "unit", "target")


def column_guide(key: str) -> str:
    """The help text of a PK column; that of ``Cara Hitung`` lists every registered method."""
    text = next(guide for k, _, _, guide in PK_COLUMNS if k == key)
    return methods.guide() if text is None else text
