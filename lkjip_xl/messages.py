"""The catalogue of user-facing words in Bahasa Indonesia: the one place to translate or reword.

Every text a user sees comes from here by its code, so wording lives in one
place and tests can assert exact texts.  Codes are stable English identifiers.

- :data:`MESSAGES`: sentences and texts with fields, ``msg(code, **fields)`` —
  problems (they say what to do), titles and notes written into workbooks,
  input help, command-line help, file names;
- :data:`LABELS`: short words used as they are, ``LABELS[code]`` — sheet names,
  column titles, table titles, values such as "Tercapai" or "Ya".  Many are
  part of documented layouts (docs/form_contract.md): readers look for them.

No other module of the package holds an Indonesian literal: tests/test_catalogue.py
scans them all, and checks that every code used exists and every entry is used.
"""

from __future__ import annotations

import errno
import unicodedata

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
    "file_empty": (
        "Berkas {path} kosong (0 byte); kemungkinan unduhan atau penyalinan gagal. Minta Divisi "
        "mengirim ulang formulirnya."
    ),
    "file_too_large": (
        "Berkas {path} berukuran {size}, melebihi batas {limit} untuk formulir (formulir yang benar "
        "hanya puluhan KB). Hapus gambar atau lampiran yang ditempel, atau minta formulir baru."
    ),
    "file_not_xlsx": (
        "Berkas {path} bukan buku kerja Excel (.xlsx); isinya {found}. Kirim formulir .xlsx yang "
        "sudah diisi, bukan PDF, dokumen lain, atau berkas yang diganti nama ekstensinya."
    ),
    "file_old_xls": (
        "Berkas {path} berformat Excel 97-2003 (.xls), bukan .xlsx. Buka di Excel, pilih File › "
        "Simpan Sebagai › 'Excel Workbook (*.xlsx)', lalu kirim berkas .xlsx tersebut."
    ),
    "file_encrypted": (
        "Berkas {path} dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca. Buka di "
        "Excel, hapus kata sandinya (File › Info › Lindungi Buku Kerja › Enkripsi dengan Kata "
        "Sandi, kosongkan), simpan, lalu kirim ulang."
    ),
    "file_corrupt": (
        "Berkas {path} rusak atau tidak lengkap ({detail}); kemungkinan unduhan atau salinan "
        "terputus. Minta Divisi mengirim ulang berkasnya."
    ),
    "file_zip_bomb": (
        "Berkas {path} ditolak: isinya mengembang melebihi batas aman ({detail}; batas {limit}). "
        "Berkas ini tidak wajar untuk sebuah formulir; minta Divisi menyimpan ulang formulir dari "
        "Excel dan mengirimnya kembali."
    ),
    "file_unsafe_xml": (
        "Berkas {path} ditolak: bagian '{detail}' memuat deklarasi DTD/entitas XML yang tidak "
        "pernah ada di berkas Excel biasa dan dapat dipakai untuk menyerang. Minta Divisi "
        "menyimpan ulang formulir dari Excel."
    ),
    # the {found} and {detail}/{limit} pieces of the file messages above (lkjip_xl.safety)
    "found_pdf": "PDF",
    "found_rtf": "RTF",
    "found_png": "gambar PNG",
    "found_jpeg": "gambar JPEG",
    "found_rar": "arsip RAR",
    "found_7z": "arsip 7-Zip",
    "found_unknown": "jenis tidak dikenal",
    "found_docx": "dokumen Word (.docx)",
    "found_pptx": "presentasi PowerPoint (.pptx)",
    "found_opendocument": "dokumen OpenDocument (.ods/.odt)",
    "found_zip": "arsip zip",
    "found_doc": "dokumen Word lama (.doc)",
    "found_ole": "berkas Office lama (OLE)",
    "file_detail_size_crc": "{part}: ukuran atau CRC tidak cocok",
    "file_detail_no_header": "{part}: header lokal tidak ditemukan",
    "file_detail_compression": "{part}: metode kompresi {method}",
    "file_detail_parts": "{count} bagian",
    "file_detail_all_parts": "seluruh isi",
    "file_detail_part_ratio": "{part}, rasio {ratio}:1",
    "file_detail_ratio": "rasio {ratio}:1",
    # --- sheet bounds, hidden cells, formulas (hardening) ---
    "sheet_too_large": (
        "Berkas {path} ditolak: sheet '{sheet}' berisi sesuatu sampai sel {cell} ({rows} baris × {columns} "
        "kolom), jauh di luar tabel; batasnya {limit}. Buka berkas di Excel, pilih sheet '{sheet}', tekan "
        "Ctrl+End untuk menuju sel {cell}, hapus baris dan kolom di luar tabel yang berisi atau berformat "
        "(pilih baris/kolom › klik kanan › Hapus), simpan, lalu kirim ulang."
    ),
    "sheet_cell_invalid": (
        "Berkas {path} ditolak: sheet '{sheet}' memuat sel atau baris yang letaknya tidak dapat dipastikan "
        "({detail}; di dekat sel {cell}). Berkas ini tidak disimpan oleh Excel secara wajar; buka di Excel, "
        "simpan ulang sebagai 'Excel Workbook (*.xlsx)', lalu kirim ulang."
    ),
    # the {detail} of sheet_cell_invalid and the {limit} of sheet_too_large (lkjip_xl.sheets)
    "sheet_detail_bad_tag": "tag <{tag}> tidak sah",
    "sheet_detail_repeated_attribute": "atribut ganda pada <{tag}>",
    "sheet_detail_bad_row": "nomor baris '{ref}' tidak sah",
    "sheet_detail_bad_cell": "alamat sel '{ref}' tidak sah",
    "sheet_limits": "{rows} baris, {columns} kolom (sampai kolom {last_column}) dan {cells} sel",
    "file_reader_crashed": (
        "Berkas {path} ditolak: proses pembacanya berhenti mendadak saat membaca berkas ini (berkas rusak "
        "atau tidak wajar). Berkas lain tetap diproses. Minta Divisi menyimpan ulang formulir dari Excel "
        "sebagai 'Excel Workbook (*.xlsx)' lalu mengirimnya kembali."
    ),
    "kanwil_write_crashed": (
        "Buku kerja {path} tidak ditulis: proses penulisnya berhenti mendadak (formulir: {forms}). Formulir "
        "tersebut tidak masuk konsolidasi; jalankan konsolidasi lagi, dan bila terulang periksa formulir itu."
    ),
    "header_duplicate": (
        "Judul kolom '{header}' muncul dua kali di baris judul tabel {path}, sheet '{sheet}' (sel {first} "
        "dan {cell}), sehingga tidak jelas kolom mana yang berisi nilainya. Hapus kolom tambahan itu "
        "(periksa juga kolom yang disembunyikan) atau kembalikan judulnya, lalu kirim ulang."
    ),
    "value_hidden": (
        "{field} IKK {code} ({path}, sheet '{sheet}', sel {cell}) berisi nilai yang dipakai dalam perhitungan, "
        "tetapi {where} sel itu disembunyikan sehingga nilainya tidak terlihat saat formulir diperiksa dan "
        "ditandatangani. Tampilkan kembali {where} itu (klik kanan › Unhide/Tampilkan), periksa nilainya, "
        "simpan, lalu kirim ulang."
    ),
    "note_hidden": (
        "Keterangan IKK {code} ({path}, sheet '{sheet}', sel {cell}) ikut dikonsolidasikan, tetapi {where} sel "
        "itu disembunyikan. Tampilkan kembali {where} itu dan periksa isinya."
    ),
    "file_skipped": (
        "Berkas {path} bukan berkas .xlsx sehingga tidak dibaca. Bila ini formulir Divisi, "
        "simpan sebagai 'Excel Workbook (*.xlsx)'."
    ),
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
        "Kode IKK '{code}' muncul dua kali di master {path}, sheet '{sheet}' (sel {cell} dan {other}). "
        "Hapus baris yang berulang atau beri setiap IKK kode yang berbeda."
    ),
    "master_empty": "Master {path} tidak memuat satu pun IKK pada sheet '{sheet}'.",
    "master_sub_labels_needed": "{method} memerlukan paling sedikit dua nama sub-rasio dipisah titik koma.",
    "master_nihil_method": "aturan NIHIL hanya untuk cara hitung {methods} (tidak ada kejadian → 100%).",
    # --- calculation methods (lkjip_xl.methods): the master's guide and the form's 'Cara Perhitungan' ---
    "method_guide_langsung": "realisasi diketik",
    "method_guide_rasio": "pembilang/penyebut×100",
    "method_guide_survei": "jumlah nilai/jumlah periode/pembagi skala",
    "method_guide_rerata_subrasio": "rata-rata beberapa rasio",
    "method_guide_perubahan": "(nilai−pembanding)/pembanding×100",
    "method_langsung": "Ketik realisasi langsung",
    "method_rasio": "Pembilang / Penyebut × 100",
    "method_survei": "Jumlah nilai (pembilang) / jumlah periode atau responden (penyebut){divisor}",
    "method_rerata_subrasio": "Rata-rata sub-rasio: {labels} (isi baris di bawahnya)",
    "method_perubahan": "(Nilai (pembilang) − pembanding (penyebut)) / pembanding × 100",
    "method_nihil_hint": ". Bila tidak ada kejadian, pilih NIHIL = Ya (realisasi 100%)",
    "method_lower_is_better": ". Makin rendah makin baik",
    # --- forms: identity ----------------------------------------------------
    "form_sheet_missing": (
        "Sheet '{sheet}' tidak ditemukan di {path} (sheet yang ada: {found}). Jangan mengganti "
        "nama atau menghapus sheet formulir: kembalikan namanya menjadi '{sheet}', atau minta "
        "formulir baru."
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
    "form_missing_divisi_kanwil": (
        "Formulir Divisi {divisi} dari {kanwil} belum ada. IKK Divisi ini tidak ikut dihitung."
    ),
    "form_other_version": (
        "Formulir {path} memakai templat versi {found}, sedangkan versi yang berlaku {expected}. "
        "Minta formulir baru dari Kanwil dan salin isian ke sana."
    ),
    "header_changed": (
        "Isian '{field}' di {path}, sheet '{sheet}', sel {cell} diubah: semula '{old}', sekarang "
        "'{new}'. Sel ini terkunci; kembalikan nilainya atau minta formulir baru."
    ),
    "form_master_differs": (
        "Formulir {path} tidak sesuai dengan master untuk IKK {code}: {field} di formulir "
        "'{found}', di master '{expected}'. Formulir dibuat dari master lain; kirim formulir baru "
        "dari master ini ke Divisi."
    ),
    "form_master_missing_ikk": (
        "IKK {code} ada di master tetapi tidak ada di formulir {path}. Formulir dibuat dari master "
        "lain; kirim formulir baru dari master ini ke Divisi."
    ),
    "form_ikk_not_in_master": (
        "IKK {code} di formulir {path} tidak ada di master untuk Divisi {divisi}. Formulir dibuat "
        "dari master lain; kirim formulir baru dari master ini ke Divisi."
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
    "ikk_duplicate": (
        "Baris IKK {code} muncul dua kali di {path}, sheet '{sheet}' (sel {first} dan {cell}). "
        "Hapus baris salinan agar jelas angka mana yang berlaku."
    ),
    "formula_in_input": (
        "{field} untuk IKK {code} berisi rumus '{formula}' ({path}, sheet '{sheet}', sel {cell}). "
        "Ketik hasilnya sebagai angka atau teks biasa (Salin, lalu Tempel Khusus › Nilai) agar "
        "Kanwil dapat memeriksanya."
    ),
    "value_negative": (
        "{field} untuk IKK {code} bernilai negatif ({value}) ({path}, sheet '{sheet}', sel {cell}). "
        "IKK ini tidak boleh negatif; isi angka 0 atau lebih."
    ),
    "value_percent_unexpected": (
        "{field} untuk IKK {code} berisi '{value}' dengan tanda % ({path}, sheet '{sheet}', sel "
        "{cell}). Kolom ini berisi jumlah, bukan persentase; ketik jumlahnya saja, misalnya 429."
    ),
    "percent_as_fraction": (
        "Realisasi IKK {code} bernilai {value} ({path}, sheet '{sheet}', sel {cell}), padahal "
        "targetnya {target}%. Realisasi ditulis dalam persen: bila maksudnya {percent}%, ketik "
        "{percent}, bukan {value}."
    ),
    "percent_above_100": (
        "Realisasi IKK {code} bernilai {value}%, di atas 100% ({path}, sheet '{sheet}', sel {cell}). "
        "Periksa kembali angkanya; bila memang benar, jelaskan di kolom Keterangan."
    ),
    "numerator_exceeds_denominator": (
        "Pembilang IKK {code} ({numerator}) lebih besar dari penyebutnya ({denominator}) ({path}, "
        "sheet '{sheet}', sel {cell}), sehingga realisasinya {rate}%, di atas 100%. Periksa kembali "
        "kedua angka; bila memang benar, jelaskan di kolom Keterangan."
    ),
    "realisasi_negative": (
        "Realisasi IKK {code} negatif: {realisasi} ({path}, sheet '{sheet}', sel {cell}). Capaian "
        "menjadi {capaian}% sehingga IKK ini {status}. Pastikan angkanya benar."
    ),
    "lock_file_skipped": (
        "Berkas {path} adalah berkas kunci sementara Excel (~$) dan dilewati."
    ),
    "form_refused_skip": "Formulir {path} dilewati karena berisi kesalahan.",
    "form_refused": "Formulir {path} ditolak karena berisi kesalahan; perbaiki lalu kirim ulang.",
    # --- feedback copies (lkjip_xl.feedback) --------------------------------
    "feedback_written": "Salinan pemeriksaan untuk {source} ditulis: {path}",
    "feedback_failed": "Salinan pemeriksaan untuk {path} tidak dapat dibuat ({detail}).",
    "feedback_dir_in_forms": (
        "Folder salinan pemeriksaan {path} adalah folder formulir. Pilih folder lain agar "
        "salinan tidak ikut dibaca sebagai formulir."
    ),
    "feedback_title": "Hasil Pemeriksaan Formulir {file}",
    "feedback_intro": (
        "Sel bermasalah di sheet '{sheet}' diberi warna: merah = kesalahan (wajib diperbaiki), "
        "kuning = peringatan (periksa kembali). Perbaiki isian di sheet '{sheet}' berkas ini, "
        "simpan, lalu kirim kembali berkas ini ke Kanwil."
    ),
    "feedback_summary": "{errors} kesalahan, {warnings} peringatan.",
    #: Column titles of the "Pemeriksaan" sheet, separated by ";".
    "feedback_columns": "No;Tingkat;Kode Masalah;Sheet;Sel;IKK;Pesan",
    "realisasi_overwritten": (
        "Realisasi IKK {code} dihitung otomatis, tetapi sel {cell} ({path}, sheet '{sheet}') berisi "
        "angka ketikan '{value}' di atas rumusnya. Angka itu diabaikan: realisasi dihitung dari "
        "pembilang dan penyebut. Isi pembilang dan penyebut, bukan realisasi."
    ),
    "value_ignored": (
        "{field} pada baris utama IKK {code} ({path}, sheet '{sheet}', sel {cell}) berisi '{value}' "
        "dan diabaikan: isi pembilang dan penyebut pada baris sub-rasio di bawahnya."
    ),
    # --- names, numbers, consistency (hardening) ---
    "form_name_invalid": (
        "Isian '{field}' ('{value}') pada cap formulir {path} (sheet '{sheet}') tidak valid: {detail} "
        "Cap formulir telah diubah; gunakan formulir asli dari Kanwil."
    ),
    "form_name_clash": (
        "Isian '{field}' ('{value}') pada formulir {path} (sheet '{sheet}') sama dengan '{other_value}' "
        "({other}) bila huruf besar/kecil dan spasi di awal/akhir diabaikan. Satu nama harus ditulis "
        "persis sama di semua formulir; gunakan formulir asli dari master PK."
    ),
    "form_divisi_not_in_order": (
        "Divisi '{divisi}' pada cap formulir {path} (sheet '{sheet}') tidak ada dalam daftar Divisi "
        "cap itu sendiri ({order}). Cap formulir telah diubah; gunakan formulir asli dari Kanwil."
    ),
    "form_rule_differs": (
        "Aturan tercapai pada formulir {path} (sheet '{sheet}') adalah '{found}', sedangkan {basis} "
        "memakai '{expected}'. Semua formulir satu konsolidasi harus memakai aturan yang sama; "
        "gunakan formulir yang dibuat dari master PK yang berlaku."
    ),
    "form_order_differs": (
        "Daftar Divisi pada formulir {path} (sheet '{sheet}') adalah '{found}', sedangkan {basis} "
        "memakai '{expected}'. Gunakan formulir yang dibuat dari master PK yang berlaku."
    ),
    "form_period_differs": (
        "Formulir {path} (sheet '{sheet}') untuk periode {found}, sedangkan {basis} untuk periode "
        "{expected}. Konsolidasikan formulir satu periode saja."
    ),
    "form_no_majority": (
        "Formulir tidak sepakat tentang {field} dan tidak ada nilai yang dipakai sebagian besar "
        "formulir: {path} (sheet '{sheet}') memakai '{found}'; nilai lain: {others}. Semua formulir "
        "ini ditolak; berikan --master atau kumpulkan formulir dari master yang sama."
    ),
    "value_out_of_range": (
        "{field} untuk IKK {code} bernilai {value} ({path}, sheet '{sheet}', sel {cell}), di luar "
        "batas formulir: angka harus 0 atau bernilai mutlak antara {low} dan {high}. Ketik angka "
        "yang benar."
    ),
    "value_multiplier": (
        "{field} untuk IKK {code} berisi '{value}' dengan kata pengali '{word}' ({path}, sheet "
        "'{sheet}', sel {cell}). Kata pengali tidak dihitung; ketik angka lengkapnya, misalnya "
        "2000 untuk '2 ribu'."
    ),
    "value_unit_mismatch": (
        "{field} untuk IKK {code} berisi '{value}' ({path}, sheet '{sheet}', sel {cell}): '{word}' "
        "bukan satuan IKK ini ({unit}). Ketik angkanya saja, misalnya 93 atau 3,25."
    ),
    "no_master": (
        "Konsolidasi tanpa master PK: target, aturan tercapai dan daftar Divisi diambil dari cap "
        "formulir, yang tidak bertanda tangan sehingga dapat dibuat ulang. Hanya master PK yang "
        "dapat memastikannya; untuk satu Kanwil jalankan dengan --master master_pk.xlsx."
    ),
    "no_master_note": (
        "Catatan: dikonsolidasi tanpa master PK; target dan aturan tercapai diambil dari cap "
        "formulir dan tidak dicocokkan dengan Perjanjian Kinerja yang ditandatangani."
    ),
    "period_choice": "pilih salah satu: {periods}.",
    "clash_same_stamp": "daftar Divisi pada cap yang sama",
    "field_rule": "aturan tercapai",
    "basis_master": "master PK",
    "basis_majority": "sebagian besar formulir",
    "majority_value": "'{value}' ({count} formulir)",
    "rule_text": "capaian {op} {threshold}%",
    "period_label": "{period} Tahun {year}",
    "year_label": "Tahun {year}",
    #: A headline of one period: "{headline}" is the text of "headline".
    "headline_period": "{headline} ({period})",
    # --- consolidation ------------------------------------------------------
    "forms_refused": (
        "{count} formulir ditolak karena berisi kesalahan. Perbaiki kesalahan di atas "
        "lalu jalankan ulang."
    ),
    #: Also a formula over two count cells (lkjip_xl.calc.headline_formula): typed once, here.
    "headline": "{tercapai} dari {total} IKK tercapai",
    "national_hint": (
        "Formulir berasal dari beberapa Kantor Wilayah. Untuk konsolidasi nasional gunakan opsi "
        "--out-dir FOLDER (bukan --out): satu buku kerja per Kanwil dan satu ringkasan nasional."
    ),
    "national_master_unsupported": (
        "Opsi --master tidak dipakai pada konsolidasi nasional (--out-dir): setiap formulir membawa "
        "definisi IKK Kanwil-nya sendiri. Hapus opsi --master."
    ),
    "consolidate_out_choice": (
        "Pilih salah satu: --out BERKAS.xlsx untuk satu Kanwil, atau --out-dir FOLDER untuk "
        "konsolidasi nasional beberapa Kanwil."
    ),
    "national_written": "{count} buku kerja Kanwil ditulis di {path}.",
    # --- the command line (lkjip_xl.cli) -----------------------------------
    "template_written": "Templat ditulis: {path}",
    "form_written": "Formulir ditulis: {path}",
    "consolidated_written": "Hasil konsolidasi ditulis: {path}",
    "command_unexpected": (
        "Perintah lkjip-xl {command} berhenti karena kesalahan tak terduga ({detail}). Berkas hasil "
        "tidak ditulis setengah jadi. Kirim pesan ini kepada pengelola lkjip-xl."
    ),
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
        "Folder formulir {path} tidak ditemukan (isian '{label}', sheet '{sheet}', sel {cell}). "
        "Periksa nama foldernya; paling mudah salin alamatnya dari File Explorer."
    ),
    "kendali_not_folder": (
        "{path} adalah berkas, bukan folder (isian '{label}', sheet '{sheet}', sel {cell}). Isi "
        "dengan folder yang berisi formulir Divisi."
    ),
    "kendali_no_forms": (
        "Tidak ada formulir .xlsx di folder {path} (isian '{label}', sheet '{sheet}', sel {cell}). "
        "Simpan formulir kiriman Divisi di folder itu."
    ),
    "kendali_master_missing": (
        "Berkas master {path} tidak ditemukan (isian '{label}', sheet '{sheet}', sel {cell}). "
        "Periksa nama dan foldernya."
    ),
    "kendali_master_invalid": (
        "Master PK {path} belum dapat dipakai. Perbaiki masalah di daftar di bawah, lalu klik "
        "tombolnya lagi."
    ),
    "kendali_year_invalid": (
        "Tahun '{value}' (isian '{label}', sheet '{sheet}', sel {cell}) tidak valid. Isi dengan "
        "tahun empat angka, misalnya 2023."
    ),
    "kendali_year_mismatch": (
        "Master {path} untuk tahun {found}, sedangkan isian '{label}' (sheet '{sheet}', sel "
        "{cell}) adalah {expected}. Pilih master yang benar atau perbaiki tahunnya."
    ),
    "kendali_yes_no_invalid": (
        "Isian '{label}' (sheet '{sheet}', sel {cell}) berisi '{value}'. Isi dengan Ya atau Tidak."
    ),
    "kendali_relative_path": (
        "Alamat '{path}' (isian '{label}', sheet '{sheet}', sel {cell}) tidak lengkap dan folder "
        "buku kerja ini tidak diketahui. Tulis alamat lengkap, misalnya C:\\LKjIP\\2023\\formulir."
    ),
    "kendali_output_not_xlsx": (
        "Berkas hasil {path} (isian '{label}', sheet '{sheet}', sel {cell}) harus berakhiran .xlsx."
    ),
    "kendali_output_in_forms": (
        "Berkas hasil {path} berada di folder formulir (isian '{label}', sheet '{sheet}', sel "
        "{cell}). Simpan hasil konsolidasi di folder lain agar tidak ikut dibaca sebagai formulir."
    ),
    "kendali_output_is_master": (
        "Berkas hasil {path} sama dengan berkas master (isian '{label}', sheet '{sheet}', sel "
        "{cell}). Pilih nama lain agar master tidak tertimpa."
    ),
    "kendali_output_exists": (
        "Berkas hasil {path} sudah ada. Ubah isian '{label}' (sheet '{sheet}', sel {timpa_cell}) "
        "menjadi Ya untuk menimpanya, atau tulis nama berkas lain."
    ),
    "kendali_output_locked": (
        "Berkas hasil {path} (isian '{label}', sheet '{sheet}', sel {cell}) tidak dapat ditulis "
        "({detail}). Mungkin berkas itu sedang terbuka di Excel: tutup dulu, lalu klik Konsolidasi lagi."
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
    "kendali_no_caller": (
        "Fungsi ini dijalankan dari tombol pada sheet '{sheet}' di buku kerja kendali Excel, "
        "tetapi buku kerja tersebut tidak dapat dihubungi ({detail}). Jangan mengganti nama "
        "sheet '{sheet}'; bila perlu buat ulang dengan: lkjip-xl button --out konsolidasi.xlsm"
    ),
    "kendali_write_failed": (
        "Hasil tidak dapat ditulis ke sheet '{sheet}' ({detail}). Pastikan sheet tidak "
        "diproteksi dan tidak sedang disunting (tekan Esc), lalu klik tombolnya lagi."
    ),
    # --- words on the sheet 'Kendali' (lkjip_xl.control.layout, lkjip_xl.control.build) ---
    "kendali_title": "Kendali Konsolidasi LKjIP",
    "kendali_intro": (
        "1) Isi pengaturan pada sel kuning.  2) Klik Periksa untuk memeriksa formulir Divisi.  "
        "3) Klik Konsolidasi untuk membuat buku kerja konsolidasi. Hasil dan daftar masalah "
        "muncul di bawah."
    ),
    "kendali_made_with": "Dibuat dengan lkjip-xl {version} dan xlwings {xlwings}.",
    "kendali_section_settings": "PENGATURAN",
    "kendali_section_hints": "Petunjuk",
    "kendali_section_run": "Jalankan",
    "kendali_section_results": "HASIL",
    "kendali_section_problems": "DAFTAR MASALAH",
    "kendali_label_folder": "Folder formulir Divisi",
    "kendali_hint_folder": "Folder berisi formulir .xlsx kiriman Divisi, misalnya C:\\LKjIP\\2023\\formulir",
    "kendali_label_master": "Berkas master PK (.xlsx)",
    "kendali_hint_master": "Misalnya C:\\LKjIP\\2023\\master_pk_2023.xlsx",
    "kendali_label_output": "Berkas hasil konsolidasi (.xlsx)",
    "kendali_hint_output": (
        "Boleh kosong: hasil disimpan di folder buku kerja ini sebagai "
        "Konsolidasi_LKjIP_<tahun>.xlsx. Jangan di dalam folder formulir."
    ),
    "kendali_label_tahun": "Tahun",
    "kendali_hint_tahun": "Tahun Perjanjian Kinerja, misalnya 2023",
    "kendali_label_timpa": "Timpa berkas hasil bila sudah ada?",
    "kendali_hint_timpa": "Ya atau Tidak",
    "kendali_shown_true": "BENAR",
    "kendali_shown_false": "SALAH",
    "kendali_year_rule_title": "Tahun tidak valid",
    "kendali_year_rule": "Isi tahun empat angka, misalnya 2023.",
    "kendali_yes_no_rule_title": "Pilih Ya atau Tidak",
    "kendali_yes_no_rule": "Isi dengan Ya atau Tidak.",
    "kendali_button_periksa": "Periksa",
    "kendali_button_konsolidasi": "Konsolidasi",
    "kendali_button_description": "Menjalankan {command}",
    "kendali_result_state": "Keadaan",
    "kendali_result_status": "Status",
    "kendali_result_time": "Waktu proses",
    "kendali_result_forms": "Formulir dibaca",
    "kendali_result_errors": "Kesalahan",
    "kendali_result_warnings": "Peringatan",
    "kendali_result_headline": "IKK tercapai",
    "kendali_result_output": "Berkas hasil",
    "kendali_state_running": "BERJALAN",
    "kendali_state_ok": "SELESAI",
    "kendali_state_fix": "PERLU PERBAIKAN",
    "kendali_state_failed": "GAGAL",
    "kendali_not_run": "Belum dijalankan. Isi pengaturan, lalu klik Periksa.",
    "kendali_table_columns": "Berkas;Pesan;Sheet;Sel;IKK;Tingkat;Kode",
    "kendali_conf_intro": "Pengaturan lanjutan xlwings. Biasanya tidak perlu diubah.",
    "kendali_conf_interpreter": (
        "Bila Excel menampilkan pesan bahwa 'python' tidak dikenali atau tidak ditemukan, isi sel {cell} "
        "dengan alamat lengkap python.exe yang dipakai untuk memasang lkjip-xl, misalnya "
        "C:\\Users\\nama\\AppData\\Local\\Programs\\Python\\Python312\\python.exe"
    ),
    "kendali_conf_keep": "Jangan mengganti nama sheet ini dan jangan mengisi sel A2 dan seterusnya.",
    # --- report tables (lkjip-xl tables, lkjip_xl.tables) ----
    "input_sheet_missing": (
        "Berkas {path} tidak memuat sheet {sheets}. Lihat docs/tables.md untuk bentuk berkas masukan tabel."
    ),
    "input_header_missing": (
        "Kolom '{header}' tidak ditemukan pada baris judul sheet '{sheet}' di {path}. Gunakan judul "
        "kolom seperti pada docs/tables.md."
    ),
    "input_code_missing": (
        "Kode IKK kosong ({path}, sheet '{sheet}', sel {cell}), padahal baris ini berisi data. Isi kode "
        "IKK seperti di master PK atau hapus barisnya."
    ),
    "input_year_invalid": (
        "Tahun '{value}' ({path}, sheet '{sheet}', sel {cell}) tidak valid. Tulis tahun empat angka, "
        "misalnya 2022."
    ),
    "input_value_missing": (
        "{field} untuk IKK {code} kosong ({path}, sheet '{sheet}', sel {cell}). Isi dengan angka; "
        "realisasi yang memang tidak ada ditulis NIHIL atau -."
    ),
    "input_value_invalid": (
        "{field} untuk IKK {code} berisi '{value}', bukan angka ({path}, sheet '{sheet}', sel {cell}). "
        "Ketik angka saja, misalnya 93 atau 3,25."
    ),
    "input_value_ambiguous": (
        "{field} untuk IKK {code} berisi '{value}' yang dapat dibaca dua cara ({path}, sheet '{sheet}', "
        "sel {cell}). Pakai koma sebagai tanda desimal, misalnya 3,25."
    ),
    "consolidated_year_missing": (
        "Judul sheet '{sheet}' di {path} (sel {cell}: '{title}') tidak memuat tahun. Gunakan buku kerja "
        "yang ditulis oleh lkjip-xl consolidate."
    ),
    "consolidated_value_invalid": (
        "Target atau realisasi IKK {code} di {path}, sheet '{sheet}' (sel {cell}) bukan angka. Buat ulang "
        "buku kerja dengan lkjip-xl consolidate."
    ),
    "consolidated_other_year": (
        "Buku kerja konsolidasi {path} untuk tahun {found}, sedangkan master PK untuk tahun {expected}. "
        "Pilih berkas yang sesuai."
    ),
    "previous_duplicate": (
        "IKK {code} tahun {year} ada dua kali dalam data tahun sebelumnya ({where} dan {other}). Hapus "
        "salah satu."
    ),
    "previous_not_earlier": (
        "Data tahun sebelumnya untuk IKK {code} memuat tahun {found} ({where}), padahal tabel disusun untuk "
        "tahun {year}. Data pembanding harus dari tahun-tahun sebelumnya."
    ),
    "renstra_no_years": (
        "Sheet '{sheet}' di {path} tidak memuat satu pun target Renstra: baris judul (sel {cell}) harus "
        "memuat kolom tahun, misalnya 2020 sampai 2024, dan targetnya diisi di bawahnya."
    ),
    "renstra_duplicate": (
        "IKK {code} muncul dua kali di {path}, sheet '{sheet}' (sel {cell} dan {other}). Hapus salah satu."
    ),
    "renstra_scale_incomplete": (
        "Skala PK dan Skala Renstra IKK {code} harus diisi keduanya ({path}, sheet '{sheet}', sel {cell}); "
        "judul kolom konversi memakai nama umum."
    ),
    "supporting_position_invalid": (
        "'{value}' ({path}, sheet '{sheet}', sel {cell}) bukan kode IKK di master PK dan bukan AKHIR. Tulis "
        "kode IKK yang tabelnya didahului tabel pendukung ini, atau AKHIR untuk sesudah semua tabel."
    ),
    "supporting_title_missing": (
        "Judul tabel pendukung kosong ({path}, sheet '{sheet}', sel {cell}). Isi judulnya atau hapus barisnya."
    ),
    "tables_unknown_code": (
        "IKK {code} di {path} tidak ada di master PK {year}; datanya tidak dipakai."
    ),
    "tables_new_ikk": (
        "{count} IKK tidak ada di data tahun sebelumnya dan ditulis sebagai IKK baru (tidak dapat "
        "dibandingkan; tabel perbandingannya tanpa nomor): {codes}. Bila IKK ini sudah ada tahun lalu, "
        "lengkapi data tahun sebelumnya."
    ),
    "tables_no_realisasi": (
        "IKK {code} belum memiliki realisasi di {path}: tabelnya menampilkan '-'."
    ),
    "tables_target_differs": (
        "Target IKK {code} di {path} ({found}) berbeda dengan master PK ({expected}); tabel memakai target "
        "master."
    ),
    "tables_no_renstra": (
        "IKK {code} tidak ada di data Renstra {path}: target jangka menengahnya ditulis '-'."
    ),
    "tables_no_renstra_target": (
        "Target Renstra tahun {year} untuk IKK {code} kosong ({path}): capaian terhadap Renstra ditulis '-'. "
        "Isi target tersebut, atau ubah 'Dasar Capaian Renstra' di master PK menjadi pk."
    ),
    "tables_written": "Tabel ditulis: {path} ({count} tabel bernomor, {first} sampai {last}).",
    # --- codes, sheet names, dates, settings (hardening) ---
    "master_code_duplicate_case": (
        "Kode IKK '{code}' ({path}, sheet '{sheet}', sel {cell}) sama dengan kode '{other_code}' "
        "(sel {other}) bila huruf besar/kecil diabaikan. Excel tidak membedakan huruf besar dan kecil "
        "pada nama sheet, sehingga kedua IKK tidak dapat dibedakan. Beri setiap IKK kode yang berbeda."
    ),
    "master_code_chars": (
        "Kode IKK '{code}' ({path}, sheet '{sheet}', sel {cell}) memuat {chars}, yang tidak boleh ada "
        "pada nama sheet Excel. Tulis kode dengan huruf, angka dan tanda hubung saja, misalnya SK04-IKK2."
    ),
    "master_code_too_long": (
        "Kode IKK '{code}' ({path}, sheet '{sheet}', sel {cell}) panjangnya {length} karakter; paling "
        "banyak {limit} karakter, karena kode menjadi nama sheet Excel dan judul petunjuk isian "
        "formulir. Singkat kodenya, misalnya SK04-IKK2."
    ),
    "master_code_reserved": (
        "Kode IKK '{code}' ({path}, sheet '{sheet}', sel {cell}) adalah nama yang dicadangkan Excel "
        "dan tidak dapat menjadi nama sheet. Pakai kode lain, misalnya SK04-IKK2."
    ),
    "code_chars_apostrophe": "tanda petik (') di awal atau di akhir",
    "code_chars_control": "karakter kendali (misalnya baris baru)",
    "value_date_format": (
        "{field} untuk IKK {code} ({path}, sheet '{sheet}', sel {cell}) berformat tanggal/waktu, "
        "sehingga Excel menampilkannya sebagai {shown}; dibaca sebagai angka {number}. Ubah format "
        "sel menjadi Angka (Format Cells › Number) dan periksa bahwa angka ini yang dimaksud."
    ),
    "value_date_unreadable": (
        "{field} untuk IKK {code} ({path}, sheet '{sheet}', sel {cell}) berisi tanggal/waktu yang "
        "ditampilkan Excel sebagai {shown}, bukan angka yang diketik: {reason} Ubah format sel "
        "menjadi Angka (Format Cells › Number), lalu ketik ulang angkanya, misalnya 93 atau 3,25."
    ),
    "date_reason_ambiguous": "tanggal 28/02/1900 dapat berarti angka 59 atau 60.",
    "date_reason_converted": (
        "Excel mengubah ketikan menjadi tanggal/waktu (misalnya 3.25 menjadi pukul 03:25), "
        "sehingga angka aslinya tidak dapat diketahui."
    ),
    "kendali_year_date": (
        "Tahun pada isian '{label}' (sheet '{sheet}', sel {cell}) berformat tanggal dan tampil sebagai "
        "{shown}. Ubah format sel menjadi Angka (Format Cells › Number), lalu ketik tahunnya, "
        "misalnya 2023."
    ),
    "kendali_error_value": (
        "Isian '{label}' (sheet '{sheet}', sel {cell}) berisi galat Excel {value}. Hapus rumusnya "
        "dan ketik isiannya langsung."
    ),
    "kendali_not_text": (
        "Isian '{label}' (sheet '{sheet}', sel {cell}) berisi {value}, bukan alamat folder atau berkas. "
        "Ketik alamat lengkapnya, misalnya C:\\LKjIP\\2023\\formulir."
    ),
    "kendali_path_invalid": (
        "Alamat '{path}' (isian '{label}', sheet '{sheet}', sel {cell}) tidak dapat dipakai: {reason} "
        "Salin alamat yang benar dari File Explorer."
    ),
    "path_reason_too_long": "alamat atau salah satu nama di dalamnya terlalu panjang.",
    "path_reason_chars": "alamat memuat karakter yang tidak boleh ada pada nama berkas.",
    "path_reason_denied": "tidak ada izin untuk membuka salah satu folder di dalamnya.",
    "path_reason_other": "sistem operasi menolak alamat ini ({detail}).",
    "kendali_master_not_file": (
        "{path} (isian '{label}', sheet '{sheet}', sel {cell}) adalah folder, bukan berkas master PK. "
        "Isi dengan berkas .xlsx master PK."
    ),
    "kendali_sheet_missing": (
        "Buku kerja kendali {path} tidak dapat dibaca: sheet '{sheet}' tidak ada (sheet yang ada: "
        "{found}). Jangan mengganti nama sheet itu; bila perlu buat ulang dengan: lkjip-xl button "
        "--out konsolidasi.xlsm"
    ),
    "kendali_workbook_not_excel": (
        "Buku kerja kendali {path} tidak dapat dibaca: berkas ini bukan buku kerja Excel yang utuh, "
        "sehingga sheet '{sheet}' tidak dapat dibaca. Buat ulang dengan: lkjip-xl button --out "
        "konsolidasi.xlsm"
    ),
    # --- outputs and paths (hardening) ---
    "output_is_input": (
        "Keluaran {path} adalah berkas masukan {input} (nama lain untuk berkas yang sama). Berkas "
        "masukan tidak pernah ditimpa, juga dengan --force: pilih nama atau folder keluaran lain."
    ),
    "output_in_input_folder": (
        "Keluaran {path} berada di dalam folder masukan {folder}; berkas itu akan ikut dibaca pada "
        "pemeriksaan berikutnya. Pilih folder keluaran di luar folder formulir."
    ),
    "output_clash": (
        "Dua keluaran proses ini menjadi satu berkas: {path} dan {other} (Windows dan macOS tidak "
        "membedakan huruf besar dan kecil). Pilih nama lain untuk salah satunya."
    ),
    "output_is_dir": (
        "Keluaran {path} adalah folder, bukan berkas. Tulis nama berkasnya, misalnya "
        "hasil/konsolidasi.xlsx."
    ),
    "output_dir_not_dir": (
        "Folder keluaran {path} adalah sebuah berkas, bukan folder. Tulis nama folder lain."
    ),
    "output_parent_not_dir": (
        "Keluaran {path} tidak dapat ditulis: {parent} adalah berkas, bukan folder. Periksa jalurnya "
        "atau pilih folder lain."
    ),
    "output_name_too_long": (
        "Nama keluaran {path} terlalu panjang ({length} byte; paling banyak {limit} byte per nama). "
        "Pilih nama yang lebih pendek."
    ),
    "output_not_regular": (
        "Keluaran {path} bukan berkas biasa (perangkat, pipa/FIFO atau soket) dan tidak akan ditimpa. "
        "Pilih nama berkas lain."
    ),
    "output_not_writable": (
        "Keluaran {path} tidak dapat ditulis ({detail}): folder hanya-baca, tanpa izin menulis, atau "
        "berkasnya sedang terbuka di program lain. Tutup berkasnya atau pilih folder lain; tidak ada "
        "berkas setengah jadi yang tertinggal."
    ),
    "output_disk_full": (
        "Keluaran {path} tidak dapat ditulis karena disk penuh atau batas ukuran berkas tercapai "
        "({detail}). Kosongkan ruang disk atau pilih disk lain; tidak ada berkas setengah jadi yang "
        "tertinggal."
    ),
    "output_write_failed": (
        "Keluaran {path} tidak dapat ditulis ({detail}). Periksa folder dan ruang disk, lalu jalankan "
        "lagi; tidak ada berkas setengah jadi yang tertinggal."
    ),
    "output_detail_read_only": "folder tujuan tidak dapat ditulisi",
    "output_detail_broken_link": "tautan (symlink) yang rusak",
    "output_detail_nul": "karakter NUL",
    "file_stem_fallback": "berkas",  # a file name made of nothing usable (lkjip_xl.names.safe_stem)
    "file_not_regular": (
        "{path} bukan berkas biasa (pipa/FIFO, soket atau perangkat) sehingga tidak dibuka. Sebutkan "
        "berkas .xlsx-nya."
    ),
    "file_link_broken": (
        "{path} adalah tautan (symlink) yang tidak menunjuk ke berkas yang ada (rusak atau melingkar). "
        "Perbaiki tautannya atau sebutkan berkas aslinya."
    ),
    "file_is_folder": "{path} adalah folder, bukan berkas. Sebutkan nama berkasnya.",
    "folder_unreadable": "Folder {path} tidak dapat dibaca ({detail}). Periksa izin folder itu.",
    "folder_skipped": (
        "{path} adalah folder di dalam folder formulir dan tidak dibaca (hanya berkas yang langsung "
        "berada di folder itu yang dibaca). Bila berisi formulir, pindahkan formulirnya ke luar atau "
        "sebutkan folder itu sendiri."
    ),
    "special_file_skipped": (
        "{path} bukan berkas biasa (pipa/FIFO, soket atau perangkat) dan tidak dibuka. Pindahkan atau "
        "hapus dari folder formulir."
    ),
    "link_broken_skipped": (
        "{path} adalah tautan (symlink) yang tidak menunjuk ke berkas yang ada (rusak atau melingkar) "
        "dan dilewati. Perbaiki atau hapus tautannya."
    ),
    "toolkit_output_skipped": (
        "Berkas {path} adalah keluaran lkjip-xl sendiri ({kind}), bukan formulir Divisi, sehingga "
        "dilewati. Pindahkan berkas itu keluar dari folder formulir."
    ),
    "kind_konsolidasi": "buku kerja konsolidasi",
    "kind_nasional": "buku kerja konsolidasi nasional",
    "kind_tabel": "buku kerja tabel laporan",
    "kind_master": "master PK",
    "kind_kendali": "buku kerja kendali",
    "kind_keluaran": "buku kerja keluaran",
    # --- the library's records (lkjip_xl.records); their column titles are LABELS["col_*"] ---
    "pandas_missing": (
        "Tabel data (DataFrame) memerlukan pandas, yang belum terpasang. Pasang dengan: "
        'pip install "lkjip-xl[pandas]" (dari folder proyek: pip install ".[pandas]"). '
        "Tanpa pandas, to_records() memberi data yang sama sebagai daftar dict."
    ),
    # --- texts written into workbooks: titles, notes, input help (no problem of their own) ---
    "rule_describe": "capaian {op} {threshold}%",
    "divisi_label": "Divisi {name}",
    "title_capaian": "Capaian Kinerja {kanwil} {period}",
    "note_capaian": (
        "Realisasi dan capaian adalah rumus atas data masukan di sebelah kanan tabel; tercapai bila {rule}."
    ),
    "title_summary": "Ringkasan Capaian Kinerja {kanwil} {period}",
    "summary_kanwil_row": "Kantor Wilayah ({kanwil})",
    "note_summary_rule": "Aturan: IKK tercapai bila {rule}; capaian tidak dibulatkan sebelum dibandingkan.",
    "input_pair_numerator": "Pembilang {n}",
    "input_pair_denominator": "Penyebut {n}",
    "title_national_workbook": "Capaian Kinerja Nasional {period}",
    "title_national": "Ringkasan Capaian Kinerja Nasional {period}",
    "note_national": (
        "Angka adalah rumus atas sheet {sheet}; tercapai menurut aturan PK masing-masing Kanwil. "
        "Rincian setiap Kanwil ada di buku kerjanya."
    ),
    "title_matrix": "IKK Tercapai per Kanwil dan Divisi {period}",
    "note_matrix": "Rumus atas sheet {sheet}. Sel kosong: Kanwil tidak mengirim formulir Divisi itu.",
    "title_form_workbook": "Formulir {divisi} {year}",
    "form_intro": "Isi sel berwarna kuning saja. Kolom hijau dihitung otomatis; kolom abu-abu tidak perlu diisi.",
    "form_subrow": "  Sub-rasio {n}: {label}",
    "form_nihil_input": "Pilih Ya bila tidak ada kejadian sama sekali.",
    "form_nihil_error": "Pilih Ya atau kosongkan sel ini.",
    "form_number_input": "Isi angka saja (koma untuk desimal), tanpa satuan atau tanda %.",
    "form_number_error": "Isi dengan angka, tanpa satuan. Contoh: 93 atau 3,25.",
    "form_number_error_not_negative": "Isi dengan angka tidak negatif, tanpa satuan. Contoh: 93 atau 3,25.",
    #: Page footer of a form (Excel header/footer codes: &L left, &F file name, &R right, &P page, &N pages).
    "form_footer": "&L&F&RHalaman &P dari &N",
    # --- the master workbook (lkjip_xl.master_layout, lkjip_xl.template, lkjip_xl.master) ---
    "master_info_title": "Perjanjian Kinerja (PK) — data master",
    "master_help_kanwil": "Nama lengkap Kantor Wilayah",
    "master_help_tahun": "Tahun Perjanjian Kinerja, misalnya 2023",
    "master_help_threshold": "IKK tercapai bila capaian mencapai batas ini (bawaan 100)",
    "master_help_inclusive": "Ya: capaian = batas dihitung tercapai (≥); Tidak: harus melebihi (>)",
    "master_help_renstra_basis": (
        "renstra: capaian tabel Target Jangka Menengah dihitung terhadap target Renstra tahun ini; "
        "pk: terhadap target PK"
    ),
    "master_help_divisi": "Nama Divisi, misalnya Administrasi",
    "master_help_sk_no": "Nomor Sasaran Kegiatan (1, 2, ...)",
    "master_help_sk_text": "Rumusan Sasaran Kegiatan",
    "master_help_code": "Kode unik IKK, misalnya SK04-IKK2; formulir mencari baris dengan kode ini",
    "master_help_ikk_no": "Nomor IKK di dalam SK (1, 2, ...)",
    "master_help_text": "Rumusan IKK",
    "master_help_unit": "%, Indeks, Layanan, Lokus, Orang, Laporan, ...",
    "master_help_target": "Target PK (angka, tanpa satuan)",
    "master_help_anggaran": "Anggaran DIPA (diisi pada baris pertama SK yang memuatnya)",
    "master_help_scale_divisor": "Untuk survei: misalnya 25 (skala 1–100 ke 1–4); bawaan 1",
    "master_help_sub_labels": "Untuk rerata_subrasio: nama sub-rasio dipisah titik koma, misalnya HIV; TB",
    "master_help_direction": "naik: makin tinggi makin baik; turun: makin rendah makin baik",
    "master_help_nihil": "Ya bila tidak ada kejadian berarti realisasi 100%",
    "master_help_quarter_rule": "jumlah, nilai_akhir, atau rerata",
    "master_help_may_be_negative": "Ya untuk indikator perubahan yang bisa turun di bawah nol",
    "master_help_renstra_scale_factor": (
        "Pengali realisasi ke skala Renstra, misalnya 2,5 (skala 1–4 ke 1–10); bawaan 1"
    ),
    "master_help_method_note": "Penjelasan cara menghitung untuk staf Divisi",
    "master_guide_title": "Petunjuk pengisian master PK",
    "master_guide_info": "1. Isi sheet Info: nama Kantor Wilayah, tahun, dan aturan tercapai.",
    "master_guide_pk": "2. Isi sheet PK: satu baris untuk setiap IKK, urut seperti Perjanjian Kinerja.",
    "master_guide_forms": (
        "3. Jalankan: lkjip-xl forms master.xlsx --out-dir formulir/ untuk membuat formulir tiap Divisi."
    ),
    "master_guide_numbers": "Angka boleh ditulis dengan koma desimal (3,25); jangan menulis satuan di kolom Target.",
    "master_year_rule": "Isi tahun dengan 4 angka, misalnya 2023.",
    "master_choice_rule": "Pilih salah satu: {options}",
    "master_number_rule": "Isi dengan angka tidak negatif.",
    # --- details of master_value_invalid (lkjip_xl.master) ---
    "name_unsafe": "nama tidak boleh memuat *, ? atau ~, dan tidak boleh diawali <, > atau =.",
    "name_empty": "nama tidak boleh kosong.",
    "name_spaces": "nama tidak boleh diawali atau diakhiri spasi.",
    "name_hidden": (
        "nama tidak boleh memuat karakter kendali atau karakter tak terlihat (baris baru, tab, penanda "
        "arah teks, spasi lebar nol, ...)."
    ),
    "detail_year": "tahun harus 4 angka, misalnya 2023.",
    "detail_threshold": "isi dengan angka, misalnya 100.",
    "detail_yes_no": "pilih Ya atau Tidak.",
    "detail_renstra_basis": "pilih renstra atau pk.",
    "detail_divisi_case": (
        "nama Divisi ini sama dengan '{name}' (sel {cell}) bila huruf besar/kecil dan spasi diabaikan; "
        "tulis nama satu Divisi persis sama di setiap baris."
    ),
    "detail_required": "wajib diisi.",
    "detail_required_number": "wajib diisi dengan angka.",
    "detail_not_number": "bukan angka yang jelas; tulis misalnya 3,25 atau 90.",
    "detail_out_of_range": "di luar batas: 0 atau antara {low} dan {high}.",
    "detail_choice": "pilih salah satu: {options}.",
    "detail_target_zero": "target tidak boleh 0 karena capaian = realisasi / target.",
    "detail_code_dot": "kode IKK tidak boleh memuat titik.",
    # --- how a number typed as text was read (lkjip_xl.numbers; the {reading} of value_text_parsed) ---
    "reading_whole": "angka bulat",
    "reading_dot_thousands_comma_decimal": "titik sebagai pemisah ribuan, koma sebagai desimal",
    "reading_comma_thousands_dot_decimal": "koma sebagai pemisah ribuan, titik sebagai desimal",
    "reading_dot_thousands": "titik sebagai pemisah ribuan",
    "reading_comma_thousands": "koma sebagai pemisah ribuan",
    "reading_dot_decimal": "titik sebagai tanda desimal",
    "reading_comma_decimal": "koma sebagai tanda desimal",
    # --- the text report (lkjip_xl.report) ---
    "report_no_problems": "Tidak ada masalah ditemukan.",
    "report_summary": "Ringkasan: {errors} kesalahan, {warnings} peringatan.",
    # --- file names the toolkit writes ---
    "filename_form": "Formulir_{year}_{name}{suffix}.xlsx",
    "filename_divisi_fallback": "Divisi_{n}",
    "filename_national": "Nasional_{year}.xlsx",
    "filename_kanwil": "Capaian_{year}_{name}.xlsx",
    "filename_kanwil_fallback": "Kanwil_{n}",
    "filename_feedback": "{stem}_pemeriksaan.xlsx",
    "filename_control_output": "Konsolidasi_LKjIP_{year}.xlsx",
    # --- report tables (lkjip_xl.tables): titles and notes ---
    "table_number": "Tabel {chapter}.{n}",
    "tables_summary_title": "Capaian Kinerja Sasaran Kegiatan Tahun {year}",
    "tables_ikk_title": "{kind} SK {sk} dan IKK {ikk}",
    "tables_workbook_title": "Tabel Bab III LKjIP {kanwil} {year}",
    "tables_supporting_placeholder": "(Tabel pendukung: isinya disusun sendiri dan disisipkan di sini.)",
    "tables_not_comparable": "tidak dapat dibandingkan",
    "tables_new_ikk_row": "IKK baru tahun {year} — {reason}",
    "tables_col_realisasi_year": "Realisasi Kinerja Tahun {year}",
    "tables_col_scale": "{header} (Skala {scale})",
    "tables_note_capaian_pk": "Capaian = Realisasi / Target PK {year} × 100%",
    "tables_note_capaian_renstra": "Capaian = Realisasi / Target Renstra {year} × 100%",
    "tables_note_scale": "Realisasi skala {renstra} = realisasi skala {pk} × {factor}",
    "tables_previous_source": "data tahun sebelumnya",
    "where_cell": "{file}, sheet {sheet}, sel {cell}",
    "where_row": "{file}, sheet {sheet}, baris {row}",
    "budget_title_pagu": (
        "Pagu dan Realisasi Anggaran {kantor} dan Unit Pelaksana Teknis (Per 31 Desember {year})"
    ),
    "budget_title_smart": "Nilai SMART DJA di Lingkungan {kantor}",
    "budget_title_ikpa": "Nilai IKPA di Lingkungan {kantor}",
    "budget_title_capaian": "Capaian Kinerja Anggaran {kantor} Tahun {year}",
    "budget_workbook_title": "Anggaran LKjIP {year}",
    "budget_note_rounded": (
        "Nilai SMART dan IKPA wilayah dibulatkan {decimals} desimal sebelum dibobot, seperti dalam LKjIP."
    ),
    "budget_note_unrounded": "Nilai SMART dan IKPA wilayah dipakai tanpa pembulatan.",
    "budget_note_formula": "Rumus: ({smart}% × Nilai SMART) + ({ikpa}% × Nilai IKPA). {rounding}",
    # --- the command line's help texts (lkjip_xl.cli) ---
    "help_cli": (
        "lkjip-xl: formulir standar LKjIP untuk Divisi, pemeriksaan formulir yang kembali, "
        "konsolidasi capaian kinerja dan tabel laporan."
    ),
    "help_json": "Cetak hasil sebagai satu dokumen JSON.",
    "help_force": "Timpa berkas keluaran yang sudah ada.",
    "help_master_optional": "Buku kerja master PK (opsional: formulir membawa definisinya sendiri).",
    "help_template": "Tulis templat master PK kosong (templates/LKjIP_template.xlsx).",
    "help_template_out": "Berkas templat yang ditulis.",
    "help_forms": "Tulis satu formulir standar per Divisi dari MASTER.",
    "help_forms_out_dir": "Folder tujuan formulir.",
    "help_forms_periode": "Periode pelaporan formulir.",
    "help_validate": (
        "Periksa formulir yang kembali (berkas atau folder). Kode keluar 1 bila ada kesalahan "
        "(peringatan tidak dihitung)."
    ),
    "help_validate_json": "Cetak laporan sebagai satu dokumen JSON.",
    "help_validate_feedback_dir": (
        "Tulis salinan bertanda setiap formulir bermasalah (sel disorot, sheet '{sheet}') "
        "ke folder ini, untuk dikirim kembali ke Divisi."
    ),
    "help_validate_force": "Timpa salinan pemeriksaan yang sudah ada.",
    "help_consolidate": (
        "Periksa FILES (formulir atau folder) lalu tulis buku kerja konsolidasi ke --out (atau, "
        "untuk banyak Kanwil, ke --out-dir). Formulir berkesalahan ditolak dan disebutkan; "
        "dengan --skip-invalid formulir itu dilewati."
    ),
    "help_consolidate_json": "Cetak laporan, berkas yang ditulis dan ringkasan sebagai satu dokumen JSON.",
    "help_consolidate_out": "Buku kerja konsolidasi yang ditulis (satu Kanwil).",
    "help_consolidate_out_dir": (
        "Konsolidasi nasional formulir banyak Kanwil: satu buku kerja per Kanwil dan "
        "Nasional_<tahun>.xlsx di folder ini."
    ),
    "help_consolidate_skip_invalid": (
        "Lewati formulir berkesalahan alih-alih menolak seluruh konsolidasi (kode keluar tetap 1)."
    ),
    "help_consolidate_feedback_dir": (
        "Tulis juga salinan bertanda setiap formulir bermasalah ke folder ini (lihat validate)."
    ),
    "help_tables": (
        "Tulis tabel Bab III dari SOURCE (buku kerja konsolidasi atau folder formulir): "
        "per IKK tabel target/realisasi, perbandingan tahun lalu dan target jangka menengah, "
        "tabel anggaran dan Daftar Tabel, dengan nomor dan judul otomatis."
    ),
    "help_tables_json": "Cetak peringatan, berkas yang ditulis dan daftar tabel sebagai satu dokumen JSON.",
    "help_tables_master": "Buku kerja master PK tahun ini.",
    "help_tables_previous": (
        "Buku kerja konsolidasi tahun lalu, atau sheet '{sheet}' (boleh berulang)."
    ),
    "help_tables_renstra": "Buku kerja target Renstra (sheet '{sheet}').",
    "help_tables_anggaran": "Buku kerja anggaran (docs/budget.md); tanpa opsi ini tabel anggaran tidak ditulis.",
    "help_tables_supporting": "Tabel pendukung yang diberi nomor di antaranya (sheet '{sheet}').",
    "help_tables_start": "Nomor tabel pertama (Tabel 3.<start>, tabel ringkasan).",
    "help_tables_out": "Buku kerja tabel yang ditulis.",
    "help_button_json": "Cetak berkas yang ditulis sebagai satu dokumen JSON.",
    "help_button": (
        "Tulis buku kerja kendali Excel (.xlsm) dengan tombol Periksa dan Konsolidasi. "
        'Memerlukan xlwings: pip install "lkjip-xl[excel]".'
    ),
    "help_button_out": "Berkas buku kerja kendali yang ditulis (.xlsm), misalnya konsolidasi.xlsm.",
    "help_button_force": "Timpa berkas keluaran bila sudah ada.",
}


#: Short words: sheet names, column titles, table titles, labels and values the toolkit writes or
#: recognises.  Sentences (and texts with fields) are :data:`MESSAGES`; these are used as they are,
#: ``LABELS["sheet_form"]``.  Several are part of documented layouts (docs/form_contract.md,
#: docs/tables.md, docs/budget.md): rewording one changes what the readers look for.
LABELS: dict[str, str] = {
    # --- values: status, Ya/Tidak, periods, severities, list words ---
    "status_tercapai": "Tercapai",
    "status_tidak_tercapai": "Tidak Tercapai",
    "yes": "Ya",
    "no": "Tidak",
    "period_annual": "Tahunan",
    "period_q1": "Triwulan I",
    "period_q2": "Triwulan II",
    "period_q3": "Triwulan III",
    "period_q4": "Triwulan IV",
    "severity_error": "KESALAHAN",
    "severity_warning": "PERINGATAN",
    "word_and": "dan",
    "word_or": "atau",
    "word_also": "serta",
    "national": "Nasional",
    "conclusion": "Kesimpulan",
    "progress_checking": "Memeriksa",
    "progress_reading": "Membaca formulir",
    "progress_writing": "Menulis buku kerja",
    # --- sheet names ---
    "sheet_form": "Formulir",
    "sheet_master_info": "Info",
    "sheet_master_pk": "PK",
    "sheet_master_guide": "Petunjuk",
    "sheet_capaian": "Capaian Kinerja",
    "sheet_summary": "Ringkasan",
    "sheet_sources": "Sumber",
    "sheet_data": "Data",
    "sheet_national": "Ringkasan Nasional",
    "sheet_matrix": "Tercapai per Divisi",
    "sheet_forms": "Daftar Formulir",
    "sheet_feedback": "Pemeriksaan",
    "sheet_kendali": "Kendali",
    "sheet_toc": "Daftar Tabel",
    "sheet_previous": "Capaian Tahun Lalu",
    "sheet_renstra": "Renstra",
    "sheet_supporting": "Tabel Pendukung",
    "sheet_budget_info": "Keterangan",
    "sheet_budget_pagu": "Pagu Realisasi",
    "sheet_budget_smart": "SMART",
    "sheet_budget_ikpa": "IKPA",
    "sheet_budget_capaian": "Capaian Kinerja Anggaran",
    # --- column titles (forms, master, consolidated and national workbooks, records, table inputs) ---
    "col_kanwil": "Kantor Wilayah",
    "col_tahun": "Tahun",
    "col_periode": "Periode",
    "col_kode": "Kode IKK",
    "col_divisi": "Divisi",
    "col_no_divisi": "No. Divisi",
    "col_no_kanwil": "No. Kanwil",
    "col_no": "No",
    "col_no_sk": "No SK",
    "col_sk": "Sasaran Kegiatan",
    "col_no_ikk": "No IKK",
    "col_ikk": "Indikator Kinerja Kegiatan",
    "col_ikk_short": "Indikator Kegiatan",
    "col_indikator": "Indikator",
    "col_satuan": "Satuan",
    "col_cara_hitung": "Cara Hitung",
    "col_cara_perhitungan": "Cara Perhitungan",
    "col_target": "Target",
    "col_pembilang": "Pembilang",
    "col_penyebut": "Penyebut",
    "col_realisasi": "Realisasi",
    "col_capaian": "Capaian (%)",
    "col_capaian_plain": "Capaian",
    "col_perubahan_capaian": "Perubahan Capaian",
    "col_status": "Status",
    "col_nihil": "NIHIL",
    "col_keterangan": "Keterangan",
    "col_berkas": "Berkas",
    "col_sheet": "Sheet",
    "col_sel": "Sel",
    "col_baris": "Baris",
    "col_sha256": "SHA-256",
    "col_sha256_berkas": "SHA-256 Berkas",
    "col_isian": "Isian",
    "col_nilai": "Nilai",
    "col_nilai_langsung": "Nilai Langsung",
    "col_berkas_sumber": "Berkas Sumber",
    "col_sumber": "Sumber",
    "col_jumlah_ikk": "Jumlah IKK",
    "col_jumlah_formulir": "Jumlah Formulir",
    "col_ikk_tercapai": "IKK Tercapai",
    "col_rata_capaian": "Rata-rata Capaian (%)",
    "col_buku_kanwil": "Buku Kerja Kanwil",
    "col_anggaran": "Anggaran (Rp)",
    "col_pembagi_skala": "Pembagi Skala",
    "col_sub_rasio": "Sub-rasio",
    "col_arah": "Arah",
    "col_gabungan_triwulan": "Gabungan Triwulan",
    "col_boleh_negatif": "Boleh Negatif",
    "col_faktor_skala": "Faktor Skala Renstra",
    "col_petunjuk_perhitungan": "Petunjuk Perhitungan",
    "col_guide_column": "Kolom",
    "col_guide_meaning": "Arti",
    "col_skala_pk": "Skala PK",
    "col_skala_renstra": "Skala Renstra",
    "col_sebelum": "Sebelum",
    "col_judul_tabel": "Judul Tabel",
    "col_nomor": "Nomor",
    "col_letak": "Letak",
    # --- words inside problem messages: what is hidden ({where} of value_hidden, note_hidden), a stamp field ---
    "hidden_sheet": "sheet",
    "hidden_row": "baris",
    "hidden_column": "kolom",
    "field_divisi_order": "Daftar Divisi",
    # --- labels of the master's sheet Info and of the budget workbook's sheet Keterangan ---
    "info_threshold": "Batas Tercapai (%)",
    "info_inclusive": "Batas Termasuk",
    "info_renstra_basis": "Dasar Capaian Renstra",
    "budget_tahun": "Tahun Anggaran",
    # --- titles ---
    "title_form": "FORMULIR REALISASI PERJANJIAN KINERJA",
    "title_master_workbook": "Perjanjian Kinerja",
    "title_toc": "DAFTAR TABEL",
    "form_number_error_title": "Bukan angka",
    # --- report tables (lkjip_xl.tables) ---
    "pk": "PK",
    "renstra": "Renstra",
    "supporting_end": "AKHIR",
    "toc_supporting": "disusun sendiri",
    "kind_target": "Perbandingan Target dan Realisasi",
    "kind_perbandingan": "Perbandingan Realisasi dan Capaian Kinerja",
    "kind_renstra": "Target Jangka Menengah",
    # --- the budget workbook (lkjip_xl.tables.budget): input columns, recognised rows, table headers ---
    "budget_col_kelompok": "Kelompok",
    "budget_col_satker": "Satuan Kerja",
    "budget_col_pagu": "Pagu (Rp)",
    "budget_col_realisasi": "Realisasi (Rp)",
    "budget_col_penyerapan": "Penyerapan",
    "budget_col_konsistensi": "Konsistensi",
    "budget_col_cro": "CRO",
    "budget_col_efisiensi": "Efisiensi",
    "budget_col_nilai_efisiensi": "Nilai Efisiensi",
    "budget_col_ikpa": "Nilai IKPA",
    #: Satker names (any case) that mark a total or mean row copied from a report, separated by ";".
    "budget_summary_rows": "total;jumlah;rata-rata;rerata;nilai smart wilayah;nilai ikpa wilayah",
    "budget_head_no": "NO",
    "budget_head_kantor_satker": "KANTOR/ SATUAN KERJA",
    "budget_head_pagu": "PAGU (Rp)",
    "budget_head_realisasi": "REALISASI (Rp)",
    "budget_head_persentase": "PERSENTASE (%)",
    "budget_head_total": "TOTAL",
    "budget_head_satker": "SATUAN KERJA",
    "budget_head_nilai_kinerja": "NILAI KINERJA",
    "budget_head_nilai_smart": "NILAI SMART",
    "budget_head_smart_wilayah": "NILAI SMART WILAYAH",
    "budget_head_nilai_ikpa": "NILAI IKPA",
    "budget_head_ikpa_wilayah": "NILAI IKPA WILAYAH",
    "budget_head_komponen": "KOMPONEN",
    "budget_head_nilai": "NILAI",
    "budget_head_bobot": "BOBOT",
    "budget_head_nilai_bobot": "NILAI × BOBOT",
    "budget_head_capaian": "CAPAIAN KINERJA ANGGARAN",
    "budget_component_smart": "Nilai Kinerja pada Aplikasi SMART DJA",
    "budget_component_ikpa": "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)",
}

#: Control pictures for the C0 controls and DEL: "\r" is shown as "␍", "\n" as "␊".
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
#: Categories shown visibly: controls (C0, DEL, C1 incl. NEL), format characters (bidi
#: overrides and isolates, zero-width characters, BOM), line/paragraph separators, surrogates.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def visible(value: object) -> str:
    """``value`` as text in which no character can move, hide or reorder what surrounds it.

    C0 controls and DEL become their control pictures ("\\r" → "␍"), every other
    control, format or separator character its code ("\\u202e"), so that a value
    echoed in a report, a JSON file or a sheet can neither start a new line nor
    turn text around, and openpyxl can store it.
    """
    text = str(value)
    if text.isprintable():
        return text
    return "".join(_PICTURES.get(ord(ch)) or f"\\u{ord(ch):04x}" if unicodedata.category(ch) in _HIDDEN_CATEGORIES
                   else ch for ch in text)


def msg(message_code: str, /, **fields: object) -> str:
    """Return the Indonesian text for ``message_code`` with ``fields`` filled in.

    Every field goes through :func:`visible`: a value typed by a user (a cell,
    a name, a file name) is echoed with its control characters shown, never obeyed.
    """
    return MESSAGES[message_code].format(**{name: visible(value) for name, value in fields.items()})


#: What an operating-system error means, in the user's words (by ``errno``).
_OS_ERRORS = {
    errno.ENOENT: "berkas atau folder tidak ada",
    errno.EACCES: "tidak ada izin",
    errno.EPERM: "tidak diizinkan oleh sistem",
    errno.EROFS: "disk atau folder hanya-baca",
    errno.ENOSPC: "disk penuh",
    errno.EFBIG: "berkas melebihi batas ukuran",
    errno.ENAMETOOLONG: "nama terlalu panjang",
    errno.ENOTDIR: "sebagian jalurnya bukan folder",
    errno.EISDIR: "berupa folder",
    errno.ETXTBSY: "berkas sedang dipakai",
    errno.EBUSY: "berkas atau perangkat sedang dipakai",
    errno.EIO: "kesalahan baca/tulis pada perangkat",
    errno.ELOOP: "tautan (symlink) berputar",
    errno.EEXIST: "sudah ada",
    errno.EXDEV: "berada di disk lain",
    errno.EINVAL: "nama atau permintaan tidak sah",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.ENOMEM: "memori tidak cukup",
    getattr(errno, "EDQUOT", -1): "kuota disk habis",
}


def os_error_text(exc: OSError) -> str:
    """An OSError as Indonesian words with its code (``disk penuh, ENOSPC``), never English text."""
    number = exc.errno or 0
    name = errno.errorcode.get(number, str(number) if number else type(exc).__name__)
    return f"{_OS_ERRORS.get(number, 'kesalahan sistem')}, {name}"
