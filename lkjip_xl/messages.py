"""The catalogue of user-facing words in Bahasa Indonesia.

Every message a user sees comes from :data:`MESSAGES` by its code, so wording
lives in one place and tests can assert exact texts.  Codes are stable English
identifiers; the texts are Indonesian and say what to do.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- files --------------------------------------------------------------
    "output_exists": (
        "Berkas keluaran {path} sudah ada. Gunakan opsi --force untuk menimpanya "
        "atau pilih nama lain."
    ),
    "file_not_found": "Berkas {path} tidak ditemukan. Periksa nama dan foldernya.",
    "file_unreadable": (
        "Berkas {path} tidak dapat dibaca sebagai buku kerja Excel (.xlsx): {detail}. "
        "Simpan ulang berkas dari Excel sebagai 'Excel Workbook (*.xlsx)'."
    ),
    "no_forms": "Tidak ada formulir .xlsx yang ditemukan di {path}.",
    # --- master -------------------------------------------------------------
    "master_sheet_missing": (
        "Sheet '{sheet}' tidak ada di master {path}. Gunakan templat "
        "templates/LKjIP_template.xlsx."
    ),
    "master_header_missing": (
        "Kolom '{header}' tidak ditemukan pada baris judul sheet '{sheet}' di master {path}."
    ),
    "master_info_missing": (
        "Isian '{label}' kosong pada sheet '{sheet}' di master {path} (sel {cell})."
    ),
    "master_value_invalid": (
        "Nilai '{value}' pada {path}, sheet '{sheet}', sel {cell} ({field}) tidak valid: {detail}"
    ),
    "master_duplicate_code": (
        "Kode IKK '{code}' muncul dua kali di master {path}, sheet '{sheet}' (sel {cell} dan {other})."
    ),
    "master_empty": "Master {path} tidak memuat satu pun IKK pada sheet '{sheet}'.",
    # --- forms: identity ----------------------------------------------------
    "form_sheet_missing": (
        "Sheet '{sheet}' tidak ditemukan di {path}. Jangan mengganti nama atau menghapus "
        "sheet formulir; minta formulir baru bila perlu."
    ),
    "stamp_missing": (
        "Berkas {path} bukan formulir LKjIP yang dibuat oleh lkjip-xl (sheet tersembunyi "
        "'{sheet}' tidak ada atau rusak). Gunakan formulir yang dikirim Kanwil."
    ),
    "header_missing": (
        "Kolom '{header}' tidak ditemukan di {path}, sheet '{sheet}'. Jangan mengubah "
        "baris judul tabel formulir."
    ),
    "form_other_kanwil": (
        "Formulir {path} milik {found}, bukan {expected}. Kirim formulir Kanwil yang benar."
    ),
    "form_other_year": (
        "Formulir {path} untuk tahun {found}, bukan tahun {expected}. Gunakan formulir tahun {expected}."
    ),
    "form_duplicate_divisi": (
        "Divisi {divisi} dikirim dua kali: {path} dan {other}. Hapus salah satu berkas."
    ),
    "form_unknown_divisi": (
        "Formulir {path} untuk Divisi '{divisi}' yang tidak ada di master. Periksa master PK."
    ),
    "form_missing_divisi": (
        "Formulir Divisi {divisi} belum ada. IKK Divisi ini tidak ikut dihitung."
    ),
    # --- forms: rows and cells ----------------------------------------------
    "ikk_missing": (
        "Baris IKK {code} tidak ditemukan di {path}, sheet '{sheet}'. Jangan menghapus baris "
        "formulir; minta formulir baru bila perlu."
    ),
    "ikk_unknown": (
        "Kode IKK '{code}' di {path}, sheet '{sheet}', sel {cell} tidak ada di formulir asli. "
        "Hapus baris tambahan tersebut."
    ),
    "value_missing": (
        "{field} untuk IKK {code} belum diisi ({path}, sheet '{sheet}', sel {cell}). "
        "Isi dengan angka."
    ),
    "value_not_number": (
        "{field} untuk IKK {code} berisi '{value}', bukan angka ({path}, sheet '{sheet}', "
        "sel {cell}). Ketik angka saja, misalnya 93 atau 3,25."
    ),
    "denominator_zero": (
        "Penyebut untuk IKK {code} bernilai 0 ({path}, sheet '{sheet}', sel {cell}). Isi "
        "penyebut yang benar, atau pilih NIHIL = Ya bila memang tidak ada kejadian."
    ),
    "nihil_not_allowed": (
        "IKK {code} tidak memakai aturan NIHIL, tetapi sel {cell} ({path}, sheet '{sheet}') "
        "berisi 'Ya'. Kosongkan sel NIHIL dan isi realisasinya."
    ),
    "locked_changed": (
        "{field} IKK {code} diubah di {path}, sheet '{sheet}', sel {cell}: semula '{old}', "
        "sekarang '{new}'. Kolom ini terkunci; kembalikan nilainya atau minta formulir baru."
    ),
    "stamp_tampered": (
        "Cap formulir {path} (sheet '{sheet}') tidak cocok dengan isinya. Formulir telah diubah "
        "di luar sel isian; gunakan formulir asli dari Kanwil."
    ),
    "value_text_parsed": (
        "{field} untuk IKK {code} diketik sebagai teks '{value}' ({path}, sheet '{sheet}', sel {cell}); "
        "dibaca sebagai {number} ({reading}). Periksa bahwa angka ini benar."
    ),
    "value_ambiguous": (
        "{field} untuk IKK {code} berisi '{value}' yang bisa dibaca dua cara ({path}, sheet '{sheet}', "
        "sel {cell}). Tulis tanpa titik ribuan atau dengan koma desimal, misalnya 3288 atau 3,288."
    ),
    "nihil_invalid": (
        "Kolom NIHIL untuk IKK {code} berisi '{value}' ({path}, sheet '{sheet}', sel {cell}). "
        "Pilih Ya atau kosongkan."
    ),
    "lock_file_skipped": (
        "Berkas {path} adalah berkas kunci sementara Excel (~$) dan dilewati."
    ),
    "form_refused_skip": "Formulir {path} dilewati karena berisi kesalahan.",
    # --- consolidation ------------------------------------------------------
    "forms_refused": (
        "{count} formulir ditolak karena berisi kesalahan. Perbaiki kesalahan di atas "
        "lalu jalankan ulang."
    ),
    "headline": "{tercapai} dari {total} IKK tercapai",
}


def msg(code: str, **fields: object) -> str:
    """Return the Indonesian text for ``code`` with ``fields`` filled in."""
    return MESSAGES[code].format(**fields)
