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
    # --- anggaran (budget tables) -------------------------------------------
    "budget_sheet_missing": (
        "Sheet '{sheet}' tidak ada di {path}. Buku kerja anggaran harus memuat sheet "
        "Keterangan, Pagu Realisasi, SMART dan IKPA (lihat docs/budget.md)."
    ),
    "budget_header_missing": (
        "Kolom '{header}' tidak ditemukan pada baris judul sheet '{sheet}' di {path}. "
        "Gunakan judul kolom seperti pada docs/budget.md."
    ),
    "budget_info_missing": (
        "Isian '{label}' tidak ditemukan atau kosong pada sheet '{sheet}' di {path}. "
        "Tulis '{label}' di kolom A dan isinya di kolom B."
    ),
    "budget_year_invalid": (
        "Tahun Anggaran '{value}' ({path}, sheet '{sheet}', sel {cell}) tidak valid. "
        "Tulis tahun empat angka, misalnya 2023."
    ),
    "budget_no_rows": "Sheet '{sheet}' di {path} tidak memuat satu pun satuan kerja.",
    "budget_satker_missing": (
        "Nama satuan kerja kosong ({path}, sheet '{sheet}', sel {cell}), padahal baris ini "
        "berisi angka. Isi nama satuan kerja atau hapus barisnya."
    ),
    "budget_summary_row": (
        "Baris '{satker}' ({path}, sheet '{sheet}', sel {cell}) adalah baris jumlah/rata-rata. "
        "Hapus baris ini; jumlah dan rata-rata dihitung otomatis."
    ),
    "budget_value_missing": (
        "{field} untuk satuan kerja '{satker}' kosong ({path}, sheet '{sheet}', sel {cell}). "
        "Isi dengan angka."
    ),
    "budget_value_not_number": (
        "{field} untuk satuan kerja '{satker}' berisi '{value}', bukan angka ({path}, sheet "
        "'{sheet}', sel {cell}). Ketik angka saja, misalnya 99,71 atau Rp 1.169.409.656."
    ),
    "budget_value_ambiguous": (
        "{field} untuk satuan kerja '{satker}' berisi '{value}' yang dapat dibaca dua cara "
        "({path}, sheet '{sheet}', sel {cell}). Pakai koma sebagai tanda desimal, misalnya 99,71."
    ),
    "budget_value_out_of_range": (
        "{field} untuk satuan kerja '{satker}' bernilai {value}, di luar rentang {low}–{high} "
        "({path}, sheet '{sheet}', sel {cell})."
    ),
    "budget_money_not_whole": (
        "{field} untuk satuan kerja '{satker}' bernilai {value}, bukan rupiah bulat ({path}, "
        "sheet '{sheet}', sel {cell}). Tulis dalam rupiah penuh tanpa sen."
    ),
    "budget_pagu_zero": (
        "Pagu untuk satuan kerja '{satker}' bernilai 0 ({path}, sheet '{sheet}', sel {cell}); "
        "persentase realisasi tidak dapat dihitung. Isi pagu yang benar atau hapus barisnya."
    ),
    "budget_realisasi_over_pagu": (
        "Realisasi satuan kerja '{satker}' ({realisasi}) melebihi pagunya ({pagu}) ({path}, "
        "sheet '{sheet}', sel {cell}). Periksa kembali angkanya."
    ),
    "budget_nilai_efisiensi_differs": (
        "Nilai Efisiensi {value} untuk satuan kerja '{satker}' ({path}, sheet '{sheet}', sel "
        "{cell}) tidak sesuai dengan {base} + {factor} × Efisiensi = {expected}. Periksa kembali "
        "angka dari aplikasi SMART DJA."
    ),
    "budget_row_count_differs": (
        "Jumlah satuan kerja di {path} berbeda antar-sheet: {counts}. Pastikan setiap satuan "
        "kerja ada di ketiga sheet."
    ),
    # --- Excel control workbook (lkjip-xl button, lkjip_xl.excel) -----------
    "xlwings_missing": (
        "Fitur tombol Excel memerlukan paket xlwings, yang belum terpasang. Pasang dengan "
        "perintah: pip install \"lkjip-xl[excel]\""
    ),
    "xlwings_quickstart_missing": (
        "Buku kerja contoh xlwings ({path}) tidak ditemukan atau tidak memuat proyek VBA "
        "yang dikenali, sehingga buku kerja kendali tidak dapat dibuat. Pasang ulang xlwings "
        "dengan: pip install --force-reinstall \"lkjip-xl[excel]\""
    ),
    "button_out_not_xlsm": (
        "Nama berkas {path} harus berakhiran .xlsm (buku kerja bermakro), misalnya "
        "konsolidasi.xlsm."
    ),
    "button_written": (
        "Buku kerja kendali ditulis: {path}. Buka di Excel, isi pengaturan di sheet '{sheet}', "
        "lalu klik Periksa atau Konsolidasi. Panduan: docs/tombol_excel.md"
    ),
    "kendali_running": "Sedang berjalan, mohon tunggu…",
    "kendali_setting_missing": (
        "Isian '{label}' (sheet '{sheet}', sel {cell}) masih kosong. Isi dulu, lalu klik "
        "tombolnya lagi."
    ),
    "kendali_folder_missing": (
        "Folder formulir {path} tidak ditemukan (isian '{label}', sel {cell}). Periksa nama "
        "foldernya; paling mudah salin alamatnya dari File Explorer."
    ),
    "kendali_not_folder": (
        "{path} adalah berkas, bukan folder (isian '{label}', sel {cell}). Isi dengan folder "
        "yang berisi formulir Divisi."
    ),
    "kendali_no_forms": (
        "Tidak ada formulir .xlsx di folder {path} (isian '{label}', sel {cell}). Simpan "
        "formulir kiriman Divisi di folder itu."
    ),
    "kendali_master_missing": (
        "Berkas master {path} tidak ditemukan (isian '{label}', sel {cell}). Periksa nama dan "
        "foldernya."
    ),
    "kendali_master_invalid": (
        "Master PK {path} belum dapat dipakai. Perbaiki masalah di daftar di bawah, lalu klik "
        "tombolnya lagi."
    ),
    "kendali_year_invalid": (
        "Tahun '{value}' (sel {cell}) tidak valid. Isi dengan tahun empat angka, misalnya 2023."
    ),
    "kendali_year_mismatch": (
        "Master {path} untuk tahun {found}, sedangkan isian '{label}' (sel {cell}) adalah "
        "{expected}. Pilih master yang benar atau perbaiki tahunnya."
    ),
    "kendali_yes_no_invalid": (
        "Isian '{label}' (sel {cell}) berisi '{value}'. Isi dengan Ya atau Tidak."
    ),
    "kendali_relative_path": (
        "Alamat '{path}' (isian '{label}', sel {cell}) tidak lengkap dan folder buku kerja ini "
        "tidak diketahui. Tulis alamat lengkap, misalnya C:\\LKjIP\\2023\\formulir."
    ),
    "kendali_output_not_xlsx": (
        "Berkas hasil {path} (isian '{label}', sel {cell}) harus berakhiran .xlsx."
    ),
    "kendali_output_in_forms": (
        "Berkas hasil {path} berada di folder formulir (isian '{label}', sel {cell}). Simpan "
        "hasil konsolidasi di folder lain agar tidak ikut dibaca sebagai formulir."
    ),
    "kendali_output_is_master": (
        "Berkas hasil {path} sama dengan berkas master (isian '{label}', sel {cell}). Pilih "
        "nama lain agar master tidak tertimpa."
    ),
    "kendali_output_exists": (
        "Berkas hasil {path} sudah ada. Ubah isian '{label}' (sel {timpa_cell}) menjadi Ya untuk "
        "menimpanya, atau tulis nama berkas lain."
    ),
    "kendali_output_locked": (
        "Berkas hasil {path} tidak dapat ditulis ({detail}). Mungkin berkas itu sedang terbuka "
        "di Excel: tutup dulu, lalu klik Konsolidasi lagi."
    ),
    "kendali_settings_invalid": (
        "Ada {count} isian pengaturan yang belum benar. Lihat daftar masalah di bawah, "
        "perbaiki, lalu klik tombolnya lagi."
    ),
    "kendali_periksa_ok": (
        "Pemeriksaan selesai: {forms} formulir tanpa kesalahan ({warnings} peringatan). "
        "Formulir siap dikonsolidasi."
    ),
    "kendali_periksa_errors": (
        "Pemeriksaan selesai: {errors} kesalahan dan {warnings} peringatan pada {forms} "
        "formulir. Perbaiki sesuai daftar di bawah, lalu klik Periksa lagi."
    ),
    "kendali_konsolidasi_ok": "Konsolidasi selesai: {headline}. Hasil disimpan di {path}.",
    "kendali_konsolidasi_refused": (
        "Konsolidasi tidak dibuat: ada {errors} kesalahan pada formulir. Perbaiki sesuai "
        "daftar di bawah, lalu klik Konsolidasi lagi."
    ),
    "kendali_more_problems": "… dan {count} masalah lain yang tidak ditampilkan.",
    "kendali_unexpected": (
        "Terjadi kesalahan tak terduga ({detail}). Berkas hasil tidak ditulis setengah jadi. "
        "Kirim tangkapan layar sheet ini kepada pengelola lkjip-xl."
    ),
    "kendali_workbook_unreadable": (
        "Buku kerja kendali {path} tidak dapat dibaca atau tidak memiliki sheet '{sheet}' "
        "({detail}). Buat ulang dengan perintah: lkjip-xl button --out konsolidasi.xlsm"
    ),
    "kendali_no_caller": (
        "Fungsi ini dijalankan dari tombol pada sheet '{sheet}' di buku kerja kendali Excel, "
        "tetapi buku kerja tersebut tidak dapat dihubungi ({detail}). Jangan mengganti nama "
        "sheet '{sheet}'; bila perlu buat ulang dengan: lkjip-xl button --out konsolidasi.xlsm"
    ),
    "kendali_write_failed": (
        "Hasil tidak dapat ditulis ke sheet '{sheet}' ({detail}). Pastikan sheet tidak "
        "diproteksi dan tidak sedang disunting (tekan Esc), lalu klik tombolnya lagi."
    ),
}


def msg(message_code: str, /, **fields: object) -> str:
    """Return the Indonesian text for ``message_code`` with ``fields`` filled in."""
    return MESSAGES[message_code].format(**fields)
