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

The texts speak of a Kemenkumham office ("Kantor Wilayah", "Kanwil", its "Divisi",
the "Kepala Kantor Wilayah").  Inside :func:`use_words` (a run for an organisation
with its own words, :mod:`lkjip_xl.words`) :func:`msg`, :func:`label` and
:func:`translated` say those words as the organisation does ("Dinas", "Bidang"),
in the catalogue's text only, never in the fields filled into it.
"""

from __future__ import annotations

import errno
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - the words are a frozen dataclass of lkjip_xl.words
    from .words import Words

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
        "{field} IKK {code} ({path}, sheet '{sheet}', sel {cell}) ikut dikonsolidasikan, tetapi {where} sel "
        "itu disembunyikan. Tampilkan kembali {where} itu dan periksa isinya."
    ),
    "text_too_long": (
        "{field} IKK {code} ({path}, sheet '{sheet}', sel {cell}) berisi {length} karakter, lebih dari batas "
        "{most} karakter. Persingkat teksnya menjadi paling banyak {most} karakter, simpan, lalu kirim ulang."
    ),
    # --- forms: the sign-off block below the table (contract 1.2, lkjip_xl.signoff) ---
    "signoff_nip_invalid": (
        "NIP pada bagian '{role}' ({path}, sheet '{sheet}', sel {cell}) berisi '{value}', bukan 18 angka. "
        "Ketik NIP tepat 18 angka tanpa spasi atau tanda baca, misalnya 198001012005011001, simpan, lalu "
        "kirim ulang."
    ),
    # signoff_nip_invalid of a NIP stored as a number: its last digits may already be rounded away
    "signoff_nip_number": (
        "NIP pada bagian '{role}' ({path}, sheet '{sheet}', sel {cell}) tersimpan sebagai angka, bukan teks, "
        "sehingga angka terakhirnya mungkin sudah dibulatkan. Ketik ulang NIP sebagai teks 18 angka (sel ini "
        "berformat teks; program lain menulisnya sebagai string), simpan, lalu kirim ulang."
    ),
    "signoff_date_invalid": (
        "Tanggal pada bagian '{role}' ({path}, sheet '{sheet}', sel {cell}) berisi '{value}', bukan tanggal "
        "yang sah dari tahun {first} sampai {last}. Isi tanggal seperti 31/12/2023 atau 31 Desember 2023, "
        "simpan, lalu kirim ulang."
    ),
    # formula_in_input of a cell of the sign-off block
    "formula_in_signoff": (
        "{field} pada bagian '{role}' berisi rumus '{formula}' ({path}, sheet '{sheet}', sel {cell}). "
        "Ketik isinya sebagai teks biasa, simpan, lalu kirim ulang."
    ),
    "signoff_missing": (
        "Formulir {path} belum ditandatangani lengkap: {missing}. Isi Nama, NIP dan Tanggal di blok "
        "pengesahan di bawah tabel (sheet '{sheet}'{where}) sebelum formulir dikirim; konsolidasi tetap "
        "berjalan."
    ),
    "signoff_missing_part": "bagian '{role}' ({who}) belum berisi {fields}",
    "signoff_missing_where": ", mulai sel {cell}",
    "file_skipped": (
        "Berkas {path} bukan berkas .xlsx sehingga tidak dibaca. Bila ini formulir Divisi, "
        "simpan sebagai 'Excel Workbook (*.xlsx)'."
    ),
    # file_skipped of a file that is no spreadsheet at all (a Word document, a PDF, a text)
    "file_skipped_document": (
        "Berkas {path} bukan buku kerja Excel sehingga dilewati. Folder formulir cukup berisi formulir "
        ".xlsx; simpan berkas lain di folder lain."
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
        "Isian '{label}' kosong pada sheet '{sheet}' di master {path} (sel {cell}). Isi sel itu: {what}."
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
    "breakdown_sub_rates": (
        "Rincian tidak dapat dipakai dengan cara hitung {method}: setiap sub-rasio sudah memakai barisnya "
        "sendiri. Kosongkan Rincian."
    ),
    "breakdown_rerata": (
        "Rincian tidak dapat dipakai dengan Gabungan Periode {rule}: baris IKK menjumlahkan rincian (jumlah) "
        "atau memakai rincian terakhir yang terisi (nilai_akhir). Pilih jumlah atau nilai_akhir, atau "
        "kosongkan Rincian."
    ),
    # --- calculation methods (lkjip_xl.methods): the master's guide and the form's 'Cara Perhitungan' ---
    "method_guide_langsung": "realisasi diketik",
    "method_guide_rasio": "pembilang/penyebut×100",
    "method_guide_survei": "jumlah nilai/jumlah periode/pembagi skala",
    "method_guide_rerata_subrasio": "rata-rata beberapa rasio",
    "method_guide_perubahan": "(nilai−pembanding)/pembanding×100",
    "method_guide_penurunan": "(nilai awal−nilai akhir)/nilai awal×100",
    "method_langsung": "Ketik realisasi langsung",
    "method_rasio": "Pembilang / Penyebut × 100",
    "method_survei": "Jumlah nilai (pembilang) / jumlah periode atau responden (penyebut){divisor}",
    "method_rerata_subrasio": "Rata-rata sub-rasio: {labels} (isi baris di bawahnya)",
    "method_perubahan": "(Nilai (pembilang) − pembanding (penyebut)) / pembanding × 100",
    "method_penurunan": "(Nilai awal (penyebut) − nilai akhir (pembilang)) / nilai awal × 100",
    "combination_decrease_turun": (
        "penurunan sudah berarti makin turun makin baik (realisasi = persen yang berkurang); isi Arah naik."
    ),
    "combination_turun_target": (
        "arah turun menghitung capaian (2 × target − realisasi) / target, yang tidak bermakna untuk target "
        "negatif; untuk indikator penurunan gunakan Cara Hitung penurunan dengan target positif."
    ),
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
        "'{sheet}' tidak ada atau rusak). Bila ini kiriman Divisi, minta Divisi mengisi formulir yang "
        "dikirim Kanwil; bila bukan formulir, keluarkan berkas ini dari folder formulir."
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
        "Divisi {divisi} dikirim dua kali untuk periode {period} dengan 'Revisi ke' yang sama ({revision}): "
        "{path} dan {other}. Hapus salah satu berkas, atau isi 'Revisi ke' berkas yang lebih baru (sheet "
        "'{sheet}', sel {cell}) dengan angka yang lebih besar."
    ),
    "form_revision_replaced": (
        "Formulir {path} (Divisi {divisi}, periode {period}, 'Revisi ke' {revision} di sheet '{sheet}', sel "
        "{cell}) diganti oleh revisi {newer}: {other}. Formulir ini tidak ikut dihitung."
    ),
    "form_calendar_differs": (
        "Formulir {path} (sheet '{sheet}') adalah {found}, sedangkan {basis} adalah {expected}. Formulir "
        "tahunan tidak dapat dikonsolidasikan bersama formulir periode, begitu pula formulir dua kalender: "
        "konsolidasikan formulir satu kalender saja."
    ),
    "form_calendar_master": (
        "Formulir {path} (sheet '{sheet}') untuk periode {period} (kalender {calendar}), sedangkan Kalender "
        "Pelaporan master PK adalah {expected} ({periods}). Kirim formulir periode kalender {expected}, atau "
        "perbaiki Kalender Pelaporan master PK."
    ),
    "field_calendar": "kalender pelaporan",
    "calendar_forms": "formulir {calendar}",
    "calendar_forms_annual": "formulir tahunan",
    "period_form_missing": (
        "Formulir {missing} Divisi {divisi} belum ada. Periode digabung berurutan mulai {first} tanpa "
        "celah, sehingga Divisi ini ikut dihitung sampai {last} saja."
    ),
    "period_divisi_left_out": (
        "Formulir {path} ({period}) tidak ikut {to_date}: formulir {first} Divisi {divisi} belum ada, "
        "padahal periode digabung mulai {first}. Kirim formulir {first} Divisi {divisi}."
    ),
    "period_after_to_date": (
        "Formulir {path} ({period}) tampil di sheet periodenya tetapi belum ikut {to_date}: Divisi {divisi} "
        "baru mengirim formulir sampai {last}."
    ),
    "period_no_first": (
        "Formulir {path} (sheet '{sheet}') untuk {period}, tetapi belum ada formulir {first} dari Divisi "
        "mana pun: periode digabung berurutan mulai {first}, sehingga tidak ada yang dapat "
        "dikonsolidasikan. Kirim formulir {first} (Divisi {divisi} dan Divisi lainnya) lebih dulu."
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
    "revision_invalid": (
        "Isian 'Revisi ke' di {path}, sheet '{sheet}', sel {cell} berisi '{value}', bukan bilangan "
        "bulat 0 sampai {most}. Kosongkan atau isi 0 untuk kiriman pertama; isi 1, 2, ... bila "
        "formulir ini memperbaiki formulir yang sudah dikirim."
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
        "targetnya {target}%. Apakah maksudnya {percent}%? Realisasi ditulis dalam persen: ketik "
        "{percent}, bukan {value} (mengetik 100% di LibreOffice atau Excel menyimpan angka 1)."
    ),
    "breakdown_blank": (
        "{field} IKK {code} untuk {period} belum diisi ({path}, sheet '{sheet}', sel {cell}). Rincian yang "
        "kosong dilewati: baris IKK memakai rincian yang terisi saja. Isi angkanya bila sudah ada (0 bila "
        "memang tidak ada kejadian)."
    ),
    "breakdown_cell_ignored": (
        "{field} pada baris utama IKK {code} ({path}, sheet '{sheet}', sel {cell}) berisi '{value}' yang "
        "diketik di atas rumusnya dan diabaikan: nilainya dihitung dari baris rincian {first} s.d. {last} "
        "di bawahnya. Isi baris rincian."
    ),
    "percent_above_100": (
        "Realisasi IKK {code} bernilai {value}%, di atas 100% ({path}, sheet '{sheet}', sel {cell}). "
        "Periksa kembali angkanya; bila memang benar, jelaskan di kolom Keterangan."
    ),
    "percent_above_100_explained": (
        "Realisasi IKK {code} bernilai {value}%, di atas 100% ({path}, sheet '{sheet}', sel {cell}). "
        "Keterangannya (sel {note_cell}) sudah dibaca dan ikut ke hasil konsolidasi; pastikan angkanya benar."
    ),
    "numerator_exceeds_denominator": (
        "Pembilang IKK {code} ({numerator}) lebih besar dari penyebutnya ({denominator}) ({path}, "
        "sheet '{sheet}', sel {cell}), sehingga realisasinya {rate}%, di atas 100%. Periksa kembali "
        "kedua angka; bila memang benar, jelaskan di kolom Keterangan."
    ),
    "numerator_exceeds_denominator_explained": (
        "Pembilang IKK {code} ({numerator}) lebih besar dari penyebutnya ({denominator}) ({path}, "
        "sheet '{sheet}', sel {cell}), sehingga realisasinya {rate}%, di atas 100%. Keterangannya (sel "
        "{note_cell}) sudah dibaca dan ikut ke hasil konsolidasi; pastikan kedua angka benar."
    ),
    "realisasi_negative": (
        "Realisasi IKK {code} negatif: {realisasi} ({path}, sheet '{sheet}', sel {cell}). Capaian "
        "menjadi {capaian}% sehingga IKK ini {status}. Pastikan angkanya benar."
    ),
    "lock_file_skipped": (
        "Berkas {path} adalah berkas kunci sementara Excel (~$) dan dilewati."
    ),
    "form_refused_skip": "Berkas {path} dilewati karena berisi kesalahan (lihat di atas).",
    "form_refused": "Berkas {path} ditolak; masalahnya dan cara memperbaikinya tertulis di atas.",
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
        "jingga = peringatan (periksa kembali). Perbaiki isian di sheet '{sheet}' berkas ini, "
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
    "rule_text_cap": ", rata-rata dengan capaian dibatasi {cap}%",
    "col_rata_capaian_capped": "Rata-rata Capaian (dibatasi {cap}%)",
    "period_label": "{period} Tahun {year}",
    "period_triwulan": "Triwulan {n}",
    "period_semester": "Semester {n}",
    "period_to_date": "s.d. {period}",
    "rule_guide_jumlah": "nilai dan pembilang/penyebut tiap periode dijumlahkan (rasio dari jumlah)",
    "rule_guide_nilai_akhir": "nilai periode terakhir (nilai s.d., indeks, saldo)",
    "rule_guide_rerata": "rata-rata realisasi tiap periode",
    "rule_hint_jumlah": ". Isi angka periode ini saja (bukan s.d.); periode dijumlahkan",
    "rule_hint_nilai_akhir": ". Isi nilai s.d. akhir periode ini; nilai periode terakhir dipakai untuk tahun",
    "rule_hint_rerata": ". Isi nilai periode ini; tahun memakai rata-rata realisasi tiap periode",
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
        "definisi IKK instansinya sendiri. Hapus opsi --master."
    ),
    "consolidate_out_choice": (
        "Pilih salah satu: --out BERKAS.xlsx untuk satu instansi, atau --out-dir FOLDER untuk "
        "konsolidasi nasional beberapa instansi."
    ),
    "national_written": "{count} buku kerja Kanwil ditulis di {path}.",
    "national_words_differ": (
        "Formulir memakai sebutan instansi yang berbeda-beda, sehingga pesan ini dan buku kerja nasional "
        "memakai sebutan bawaan {default}; buku kerja tiap instansi tetap memakai sebutannya sendiri. "
        "Formulir dengan sebutan lain: {files}."
    ),
    "national_words_file": "{name} ({office}, {unit})",
    # --- the command line (lkjip_xl.cli) -----------------------------------
    "template_written": "Templat ditulis: {path}",
    "template_kind_unknown": "Jenis templat '{value}' tidak dikenal. Pilih salah satu: {options}.",
    "template_year_invalid": (
        "Tahun '{value}' pada opsi --tahun tidak dapat dipakai: tulis tahun dengan 4 angka antara {low} dan "
        "{high}, misalnya 2025."
    ),
    # --- the blank templates of the other inputs (lkjip_xl.input_templates) ---
    "template_desc_master": (
        "Master PK: sheet Info, PK dan Target Periode; dibaca oleh lkjip-xl forms, validate, consolidate dan tables."
    ),
    "template_desc_previous": (
        "Capaian tahun-tahun sebelum lkjip-xl dipakai: target dan realisasi setiap IKK per tahun, untuk tabel "
        "Perbandingan Realisasi dan Capaian Kinerja."
    ),
    "template_desc_renstra": "Target Renstra setiap IKK per tahun rencana, untuk tabel Target Jangka Menengah.",
    "template_desc_budget": (
        "Anggaran Kantor Wilayah: pagu dan realisasi (OM-SPAN), nilai SMART DJA, nilai IKPA dan, bila ada, "
        "nilai e-Monev Bappenas, untuk tabel anggaran."
    ),
    "template_desc_action_plan": (
        "Rencana aksi Target Kinerja: capaian setiap Target Kinerja per periode dan capaian tahun lalu, untuk "
        "tabel Capaian Target Kinerja."
    ),
    "template_desc_supporting": (
        "Daftar tabel pendukung yang disusun Divisi sendiri dan letaknya, agar diberi nomor di antara tabel lain."
    ),
    "template_guide_title": "Petunjuk pengisian templat {name}",
    "template_use_previous": (
        "Berikan berkas ini pada lkjip-xl tables dengan opsi --previous (boleh beberapa berkas). Untuk tahun "
        "yang sudah dikonsolidasi dengan lkjip-xl, berikan buku kerja konsolidasinya saja."
    ),
    "template_use_renstra": "Berikan berkas ini pada lkjip-xl tables dengan opsi --renstra.",
    "template_use_budget": (
        "Berikan berkas ini pada lkjip-xl tables dengan opsi --anggaran. Jangan menulis baris TOTAL, JUMLAH "
        "atau WILAYAH: semuanya dihitung."
    ),
    "template_use_action_plan": (
        "Berikan berkas ini pada lkjip-xl tables dengan opsi --rencana-aksi. Kolom periode mengikuti kalender "
        "pelaporan {calendar}; untuk kalender lain ganti judulnya ({others})."
    ),
    "template_use_supporting": "Berikan berkas ini pada lkjip-xl tables dengan opsi --supporting.",
    "template_guide_renstra_years": (
        "Judul kolom tahun rencana adalah tahunnya (4 angka). Bila masih kosong, ketik tahun rencana Renstra "
        "di baris 1, atau tulis templat dengan --tahun agar terisi lima tahun periode Renstra."
    ),
    "template_guide_header": (
        "Baris 1 setiap sheet berisi judul kolom: jangan ubah tulisannya (kolom dicari menurut judulnya, "
        "urutannya boleh berubah). Isi data mulai baris 2; baris yang seluruhnya kosong dilewati. Sheet "
        "Petunjuk tidak dibaca."
    ),
    "template_guide_numbers": (
        "Angka boleh ditulis dengan koma desimal (3,25); jangan menulis satuan. Tahun ditulis dengan 4 angka. "
        "Setiap kesalahan disebutkan lkjip-xl dengan berkas, sheet dan selnya."
    ),
    "template_help_required": "{text} Wajib diisi.",
    "template_help_other": "Kolom tambahan; isi seperti dijelaskan di docs/tables.md.",
    "template_help_code": "Kode IKK seperti di master PK, misalnya SK01-IKK1.",
    "template_help_ikk_text": "Rumusan IKK; hanya untuk dibaca orang.",
    "template_help_source": "Asal data, misalnya LKjIP 2023 Tabel 3.4; hanya untuk dibaca orang.",
    "template_help_previous_year": "Tahun data (4 angka), sebelum tahun master. Satu baris untuk setiap IKK dan tahun.",
    "template_help_previous_target": (
        "Target tahun itu (angka, tanpa satuan). Boleh kosong: capaian tahun itu menjadi 'data tidak tersedia'."
    ),
    "template_help_previous_realisasi": (
        "Realisasi tahun itu (angka), atau NIHIL atau - bila tidak ada: ditulis apa adanya, tanpa capaian. "
        "Boleh kosong bila Pembilang dan Penyebut diisi."
    ),
    "template_help_previous_numerator": (
        "Boleh kosong. Pembilang tahun itu (angka); bersama Penyebut, realisasi dihitung dengan cara hitung IKK "
        "di master PK."
    ),
    "template_help_previous_denominator": "Boleh kosong. Penyebut tahun itu (angka), diisi bersama Pembilang.",
    "template_help_renstra_year": (
        "Target Renstra IKK pada tahun rencana di judul kolom (angka); kosongkan bila tidak ada target."
    ),
    "template_help_scale_pk": (
        "Nama skala PK (misalnya 1-4), hanya bila master PK menyatakan Faktor Skala Renstra selain 1; isi "
        "bersama Skala Renstra."
    ),
    "template_help_scale_renstra": "Nama skala Renstra (misalnya 1-10); isi bersama Skala PK.",
    "template_help_cumulative": (
        "Ya bila target Renstra adalah jumlah selama periode Renstra: realisasi tahun-tahun rencana dijumlahkan. "
        "Kosong berarti Tidak."
    ),
    "template_help_before": (
        "Kode IKK yang tabelnya didahului tabel pendukung ini, atau {end} untuk sesudah semua tabel."
    ),
    "template_help_table_title": "Judul tabel pendukung, tanpa nomor (nomornya diberikan lkjip-xl).",
    "template_help_divisi": "Nama Divisi persis seperti di master PK (tanpa kata Divisi), misalnya Administrasi.",
    "template_help_action_no": "Nomor Target Kinerja di dalam Divisinya: bilangan bulat mulai 1, sekali per Divisi.",
    "template_help_action_text": "Rumusan Target Kinerja, dicetak seperti ditulis.",
    "template_help_action_period": (
        "Capaian (persen, 0-100) pada periode yang berakhir di bulan itu (B03 = Maret); kosongkan bila belum "
        "dinilai."
    ),
    "template_help_unit": "{head}, atau nama Divisi seperti di master PK.",
    "template_help_unit_year": "Tahun capaian (4 angka), sebelum tahun master; biasanya tahun lalu.",
    "template_help_unit_capaian": "Capaian tahun itu (persen, 0-100).",
    "template_help_kantor": "Nama Kantor Wilayah, dipakai dalam judul tabel anggaran.",
    "template_help_budget_year": "Tahun anggaran (4 angka).",
    "template_help_kelompok": (
        "Boleh kosong. Baris berurutan dengan Kelompok yang sama dicetak di bawah satu baris kelompok dengan "
        "satu nomor."
    ),
    "template_help_satker": "Nama satuan kerja seperti di aplikasi sumbernya; satu baris untuk setiap satker.",
    "template_help_level": "Boleh kosong (berarti satuan kerja). Tingkat baris: {levels}.",
    "template_help_budget_sk": "Boleh kosong. Sasaran Kegiatan master PK yang didanai baris ini, misalnya SK03.",
    "template_help_budget_ikk": "Boleh kosong. Kode IKK master PK yang didanai baris ini, misalnya SK03-IKK1.",
    "template_help_money": "Rupiah penuh (bilangan bulat, tidak negatif); pagu lebih dari 0.",
    "template_help_score": "Nilai 0-100 dari aplikasi sumbernya.",
    "template_help_efisiensi": "Efisiensi pada skala SMART 0-20.",
    "template_help_nilai_efisiensi": (
        "Boleh kosong: dihitung 50 + 2,5 × Efisiensi. Isi nilai aplikasi bila Efisiensi dibulatkan terlalu kasar."
    ),
    "template_help_emonev_no": "Boleh kosong; tidak dibaca (tabel memberi nomor sendiri).",
    "template_help_month": "Nilai pelaporan bulan itu (persen, 0-100); kosongkan bila belum dilaporkan.",
    "template_sheet_previous": "Satu baris untuk setiap IKK dan tahun.",
    "template_sheet_renstra": "Satu baris untuk setiap IKK, satu kolom untuk setiap tahun rencana.",
    "template_sheet_supporting": "Satu baris untuk setiap tabel pendukung, urut seperti dalam laporan.",
    "template_sheet_action_plan": "Satu baris untuk setiap Target Kinerja.",
    "template_sheet_action_previous": "Boleh dibiarkan kosong: capaian tahun lalu Kepala Kantor Wilayah dan Divisi.",
    "template_sheet_budget_info": "Label di kolom A, isian di kolom B.",
    "template_sheet_budget_pagu": "Pagu dan realisasi anggaran per satker (OM-SPAN, posisi 31 Desember).",
    "template_sheet_budget_smart": "Nilai SMART DJA per satker.",
    "template_sheet_budget_ikpa": "Nilai IKPA per satker (OM-SPAN).",
    "template_sheet_budget_emonev": "Nilai pelaporan e-Monev Bappenas per satker dan bulan.",
    "template_sheet_optional": "{text} Boleh dibiarkan kosong: tabelnya tidak ditulis.",
    "template_budget_info_title": "Keterangan buku kerja anggaran",
    "template_whole_rule": "Isi dengan bilangan bulat mulai 1.",
    "template_year_earlier_rule": "Isi tahun dengan 4 angka, sebelum {year}.",
    "form_written": "Formulir ditulis: {path}",
    "forms_period_not_in_calendar": (
        "Periode '{period}' bukan periode kalender pelaporan master ({calendar}). Pilih salah satu: "
        "{periods}."
    ),
    "forms_breakdown_not_finer": (
        "IKK {ikk} memakai Rincian {breakdown}, yang tidak membagi periode {period} menjadi beberapa "
        "baris. Kosongkan kolom '{column}' IKK ini di sheet '{sheet}' master, atau pilih rincian yang lebih "
        "rinci (bulanan)."
    ),
    "forms_previous_unused": (
        "Opsi --sebelumnya hanya dipakai untuk formulir periode kedua dan seterusnya (misalnya "
        "Triwulan II); formulir {period} tidak memiliki periode sebelumnya. Hapus opsi --sebelumnya."
    ),
    "forms_previous_invalid": (
        "Formulir periode sebelumnya berisi kesalahan: {paths}. Kolom realisasi s.d. tidak diisi dari "
        "formulir yang salah; perbaiki kesalahan di bawah (atau keluarkan berkasnya dari --sebelumnya), "
        "lalu jalankan lagi."
    ),
    "forms_previous_other_calendar": (
        "Formulir {path} untuk periode {found}, bukan periode kalender pelaporan master ({calendar}). "
        "--sebelumnya hanya memuat formulir {before} yang sudah diisi; keluarkan berkas ini."
    ),
    "forms_previous_not_earlier": (
        "Formulir {path} untuk periode {found}, padahal formulir {period} hanya memakai formulir "
        "periode sebelumnya ({before}). Keluarkan berkas ini dari --sebelumnya."
    ),
    "forms_previous_missing": (
        "Formulir {missing} Divisi {divisi} tidak ada di {paths}. Kolom realisasi s.d. pada formulir "
        "{period} memerlukan formulir setiap periode sebelumnya ({before}) dari setiap Divisi; "
        "tambahkan formulirnya ke --sebelumnya."
    ),
    "consolidated_written": "Hasil konsolidasi ditulis: {path}",
    "command_unexpected": (
        "Perintah lkjip-xl {command} berhenti karena kesalahan tak terduga ({detail}). Berkas hasil "
        "tidak ditulis setengah jadi. Kirim pesan ini kepada pengelola lkjip-xl."
    ),
    # --- anggaran (budget tables) -------------------------------------------
    "budget_sheet_missing": (
        "Sheet '{sheet}' tidak ada di {path}. Buku kerja anggaran harus memuat sheet "
        "Keterangan dan Pagu Realisasi; SMART, IKPA dan e-Monev boleh tidak ada (lihat docs/budget.md)."
    ),
    "budget_header_missing": (
        "Kolom '{header}' tidak ditemukan pada baris judul sheet '{sheet}' di {path} (baris judul mulai "
        "sel {cell}; dicari pada 10 baris pertama). Gunakan judul kolom seperti pada docs/budget.md."
    ),
    "budget_info_missing": (
        "Isian '{label}' tidak ditemukan atau kosong pada sheet '{sheet}' di {path} (sel {cell}). "
        "Tulis '{label}' di kolom A dan isinya di kolom B."
    ),
    "budget_year_invalid": (
        "Tahun Anggaran '{value}' ({path}, sheet '{sheet}', sel {cell}) tidak valid. "
        "Tulis tahun empat angka, misalnya 2023."
    ),
    "budget_no_rows": (
        "Sheet '{sheet}' di {path} tidak memuat satu pun baris data di bawah baris judul (sel {cell} kosong). "
        "Isi satu baris per satuan kerja, program, kegiatan atau sub kegiatan."
    ),
    "budget_sheet_absent": (
        "Sheet '{sheet}' tidak ada atau kosong di {path}: {table} tidak ditulis. Isi sheet ini bila "
        "datanya ada (lihat docs/budget.md)."
    ),
    "budget_capaian_skipped": (
        "Capaian Kinerja Anggaran ({smart}% Nilai SMART + {ikpa}% Nilai IKPA) tidak ditulis karena sheet "
        "{sheets} di {path} tidak ada atau kosong."
    ),
    "budget_level_invalid": (
        "Tingkat '{value}' untuk baris '{satker}' ({path}, sheet '{sheet}', sel {cell}) tidak dikenal. "
        "Pilih salah satu: {choices}; kosong berarti satuan kerja."
    ),
    "budget_sk_invalid": (
        "Kode SK '{value}' untuk baris '{satker}' ({path}, sheet '{sheet}', sel {cell}) bukan nomor "
        "Sasaran Kegiatan. Tulis nomornya, misalnya 3 atau SK03."
    ),
    "budget_code_unknown": (
        "{field} '{value}' untuk baris '{satker}' ({path}, sheet '{sheet}', sel {cell}) tidak ada di master "
        "PK tahun {year}. Periksa kodenya atau kosongkan sel ini."
    ),
    "budget_code_conflict": (
        "Kode IKK '{code}' untuk baris '{satker}' ({path}, sheet '{sheet}', sel {cell}) bukan IKK dari "
        "SK {sk} yang ditulis di Kode SK. Perbaiki salah satu atau kosongkan Kode SK."
    ),
    "budget_code_per_ikk": (
        "SK {sk} memuat Anggaran pada lebih dari satu IKK di master PK, jadi realisasi baris '{satker}' "
        "({path}, sheet '{sheet}', sel {cell}) harus dipetakan ke IKK: isi Kode IKK, misalnya {example}."
    ),
    "budget_code_no_anggaran": (
        "{target} tidak memiliki Anggaran (Rp) di master PK, jadi realisasi baris '{satker}' ({path}, sheet "
        "'{sheet}', sel {cell}) tidak masuk tabel efisiensi anggaran. Isi Anggaran di master atau "
        "kosongkan kodenya."
    ),
    "budget_code_levels": (
        "{target} menerima realisasi dari baris tingkat {levels} ({path}, sheet '{sheet}', sel {cells}); "
        "realisasinya akan terhitung dua kali. Petakan hanya baris dari satu tingkat."
    ),
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
        "kerja ada di setiap sheet."
    ),
    "budget_month_duplicate": (
        "Bulan {month} muncul dua kali pada baris judul sheet '{sheet}' di {path} (sel {cell} dan {other}). "
        "Hapus salah satu kolom."
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
        "lalu klik tombol pekerjaannya. Panduan: docs/tombol_excel.md"
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
        "dengan folder yang berisi formulir unit kerja."
    ),
    "kendali_no_forms": (
        "Tidak ada formulir .xlsx di folder {path} (isian '{label}', sheet '{sheet}', sel {cell}). "
        "Simpan formulir kiriman unit kerja di folder itu."
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
        "Berkas hasil {path} (isian '{label}', sheet '{sheet}', sel {cell}) harus berakhiran {suffix}."
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
    "kendali_title": "Kendali LKjIP",
    "kendali_intro": (
        "1) Isi pengaturan pada sel kuning; tombol Pilih… di sebelahnya membuka kotak dialog untuk memilih "
        "folder atau berkas.  2) Klik tombol pekerjaan yang diinginkan: Buat Formulir (awal periode), "
        "Periksa dan Salinan Pemeriksaan (setelah formulir kembali), Konsolidasi, lalu Tabel Bab III dan "
        "Laporan Word.  3) Hasil dan daftar masalah muncul di bawah. Sheet ini terkunci kecuali sel kuning."
    ),
    "kendali_made_with": "Dibuat dengan lkjip-xl {version} dan xlwings {xlwings}.",
    "kendali_section_settings": "PENGATURAN",
    "kendali_section_hints": "Petunjuk",
    "kendali_section_run": "JALANKAN",
    "kendali_section_results": "HASIL",
    "kendali_section_problems": "DAFTAR MASALAH",
    "kendali_label_folder": "Folder formulir unit kerja",
    "kendali_hint_folder": "Folder berisi formulir .xlsx kiriman unit kerja, misalnya C:\\LKjIP\\2023\\formulir",
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
    "kendali_result_forms": "Jumlah formulir",
    "kendali_result_errors": "Kesalahan",
    "kendali_result_warnings": "Peringatan",
    "kendali_result_headline": "IKK tercapai",
    "kendali_result_output": "Berkas hasil",
    "kendali_state_running": "BERJALAN",
    "kendali_state_ok": "SELESAI",
    "kendali_state_fix": "PERLU PERBAIKAN",
    "kendali_state_failed": "GAGAL",
    "kendali_not_run": "Belum dijalankan. Isi pengaturan, lalu klik Periksa.",
    "kendali_table_columns": "Berkas;Pesan;Sel;Sheet;IKK;Tingkat;Kode",
    "kendali_conf_intro": "Pengaturan lanjutan xlwings. Biasanya tidak perlu diubah.",
    "kendali_conf_interpreter": (
        "Sel {cell} mengambil alamat python.exe dari isian '{label}' (sheet '{sheet}', sel {source}). "
        "Isi alamat itu di sheet '{sheet}', bukan di sini."
    ),
    "kendali_conf_keep": (
        "Sheet ini disembunyikan dan dikunci. Jangan mengganti namanya dan jangan mengisi sel A2 dan seterusnya."
    ),
    # --- the buttons of the whole year (lkjip_xl.control.actions) and the "Pilih…" buttons ---
    "kendali_group_forms": "Buat Formulir",
    "kendali_group_feedback": "Salinan Pemeriksaan",
    "kendali_group_report": "Tabel Bab III dan Laporan Word",
    "kendali_group_advanced": "Lanjutan",
    "kendali_label_formulir_baru": "Folder formulir baru (kosong)",
    "kendali_hint_formulir_baru": (
        "Buat Formulir menulis satu formulir kosong per unit kerja ke folder ini, untuk dikirim ke unit kerja. "
        "Bukan folder formulir yang sudah diisi. Folder yang belum ada akan dibuat."
    ),
    "kendali_label_periode": "Periode formulir",
    "kendali_hint_periode": (
        "Tahunan, atau periode kalender pelaporan master (misalnya Triwulan I). Pilih dari daftar."
    ),
    "kendali_label_sebelumnya": "Folder formulir periode sebelumnya",
    "kendali_hint_sebelumnya": (
        "Boleh kosong. Untuk periode kedua dan seterusnya: folder formulir terisi periode-periode sebelumnya, "
        "agar formulir baru menampilkan realisasi s.d. periode lalu."
    ),
    "kendali_label_salinan": "Folder salinan pemeriksaan",
    "kendali_hint_salinan": (
        "Salinan Pemeriksaan menulis ke folder ini salinan bertanda setiap formulir yang bermasalah, untuk "
        "dikirim kembali ke unit kerja. Jangan di dalam folder formulir."
    ),
    "kendali_label_tahun_lalu": "Capaian tahun lalu (.xlsx)",
    "kendali_hint_tahun_lalu": (
        "Boleh kosong. Konsolidasi tahun lalu dan/atau buku kerja Capaian Tahun Lalu; beberapa berkas "
        "dipisah titik koma (;)."
    ),
    "kendali_label_renstra": "Renstra (.xlsx)",
    "kendali_hint_renstra": "Boleh kosong. Target Renstra untuk tabel capaian terhadap Renstra.",
    "kendali_label_anggaran": "Anggaran (.xlsx)",
    "kendali_hint_anggaran": "Boleh kosong. Pagu dan realisasi anggaran untuk tabel anggaran dan e-Monev.",
    "kendali_label_pendukung": "Data pendukung (.xlsx)",
    "kendali_hint_pendukung": "Boleh kosong. Tabel data pendukung per IKK.",
    "kendali_label_rencana_aksi": "Rencana aksi (.xlsx)",
    "kendali_hint_rencana_aksi": "Boleh kosong. Rencana aksi Target Kinerja untuk tabel capaian target kinerja.",
    "kendali_label_tabel": "Berkas Tabel Bab III (.xlsx)",
    "kendali_hint_tabel": (
        "Boleh kosong: disimpan di folder buku kerja ini sebagai Tabel_Bab_III_LKjIP_<tahun>.xlsx. Tabel "
        "dibuat dari berkas hasil konsolidasi di atas."
    ),
    "kendali_label_laporan": "Berkas Laporan Word (.docx)",
    "kendali_hint_laporan": (
        "Boleh kosong: disimpan di folder buku kerja ini sebagai Bab_III_LKjIP_<tahun>.docx, dari masukan "
        "yang sama dengan Tabel Bab III."
    ),
    "kendali_label_pdf": "Buat juga PDF laporan?",
    "kendali_hint_pdf": "Ya atau Tidak. PDF memerlukan LibreOffice terpasang di komputer ini.",
    "kendali_label_python": "Python (python.exe)",
    "kendali_hint_python": (
        "Biasanya kosong. Isi hanya bila Excel menyatakan 'python' tidak dikenali: alamat lengkap python.exe "
        "yang dipakai memasang lkjip-xl."
    ),
    "kendali_button_buat_formulir": "Buat Formulir",
    "kendali_button_salinan_pemeriksaan": "Salinan Pemeriksaan",
    "kendali_button_tabel_bab3": "Tabel Bab III",
    "kendali_button_laporan_word": "Laporan Word",
    "kendali_picker": "Pilih…",
    "kendali_picker_description": "Memilih isian '{label}' lewat kotak dialog",
    "kendali_period_rule_title": "Periode tidak dikenal",
    "kendali_period_rule": "Pilih Tahunan atau salah satu periode dari daftar.",
    "kendali_layout_old": (
        "Buku kerja kendali {path} dibuat oleh versi lkjip-xl lain dan sel-sel sheet '{sheet}'-nya berbeda. "
        "Buat ulang dengan: lkjip-xl button --out konsolidasi.xlsm, lalu salin isian pengaturannya."
    ),
    "kendali_file_missing": (
        "Berkas {path} tidak ditemukan (isian '{label}', sheet '{sheet}', sel {cell}). Periksa nama dan "
        "foldernya, atau kosongkan isian itu bila tidak dipakai."
    ),
    "kendali_not_file": (
        "{path} (isian '{label}', sheet '{sheet}', sel {cell}) adalah folder, bukan berkas. Isi dengan alamat "
        "berkasnya; tombol Pilih… di sebelahnya membantu memilih."
    ),
    "kendali_out_not_folder": (
        "{path} (isian '{label}', sheet '{sheet}', sel {cell}) adalah berkas, bukan folder. Isi dengan folder "
        "tujuan; folder yang belum ada akan dibuat."
    ),
    "kendali_setting_refused": "Isian '{label}' (sheet '{sheet}', sel {cell}): {reason}",
    "kendali_inputs_invalid": (
        "Ada {count} kesalahan pada berkas masukan. Perbaiki sesuai daftar di bawah, lalu klik tombolnya lagi."
    ),
    "kendali_source_missing": (
        "Berkas hasil konsolidasi {path} belum ada (isian '{label}', sheet '{sheet}', sel {cell}). Klik "
        "Konsolidasi dulu, lalu klik tombol ini lagi."
    ),
    "kendali_forms_ok": (
        "{count} formulir {period} ditulis ke folder {path}. Kirim formulir itu ke unit kerja masing-masing."
    ),
    "kendali_feedback_ok": (
        "Pemeriksaan selesai: {errors} kesalahan dan {warnings} peringatan pada {forms} formulir. {copies} "
        "salinan pemeriksaan ditulis ke folder {path}; kirim setiap salinan ke unit kerja yang bersangkutan."
    ),
    "kendali_feedback_none": (
        "Pemeriksaan selesai: {forms} formulir tanpa masalah, tidak ada salinan pemeriksaan yang perlu dikirim."
    ),
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
    "previous_counts_incomplete": (
        "Pembilang dan Penyebut IKK {code} harus diisi keduanya ({path}, sheet '{sheet}', sel {cell}). "
        "Isi yang kosong, atau kosongkan keduanya dan isi Realisasi saja."
    ),
    "previous_counts_method": (
        "IKK {code} memakai cara hitung '{method}' di master PK: realisasinya tidak dihitung dari satu "
        "pembilang dan penyebut ({path}, sheet '{sheet}', sel {cell}). Kosongkan Pembilang dan Penyebut, "
        "lalu isi Realisasi seperti tercetak di laporan."
    ),
    "previous_counts_no_value": (
        "Pembilang {numerator} dan Penyebut {denominator} IKK {code} ({path}, sheet '{sheet}', sel {cell}) "
        "tidak menghasilkan realisasi dengan cara hitung '{method}' (penyebut 0?). Periksa angkanya, atau "
        "kosongkan keduanya dan isi Realisasi saja."
    ),
    "previous_realisasi_differs": (
        "Realisasi IKK {code} tahun {year} tertulis {printed} ({path}, sheet '{sheet}', sel {cell}), "
        "sedangkan dari Pembilang/Penyebut ({numerator} / {denominator}) dihitung {computed}; tabel memakai "
        "{computed}. Periksa sel tersebut."
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
    "consolidated_not_year": (
        "Buku kerja konsolidasi {path} (sheet '{sheet}', sel {cell}): tabel LKjIP memerlukan data satu tahun "
        "penuh; konsolidasi ini {period}. Konsolidasikan formulir semua periode dari semua Divisi (atau "
        "formulir tahunan), lalu buat tabel dari hasilnya."
    ),
    "forms_not_year": (
        "Formulir di {path}: tabel LKjIP memerlukan data satu tahun penuh; konsolidasi ini {period}. "
        "Kumpulkan formulir semua periode dari semua Divisi (atau formulir tahunan), lalu jalankan ulang."
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
        "Sheet '{sheet}' di {path} tidak memuat satu pun target Renstra: tabel Target Jangka Menengah "
        "menampilkan 'data tidak tersedia'. Baris judul (sel {cell}) memuat kolom tahun, misalnya 2020 sampai "
        "2024, dan targetnya diisi di bawahnya."
    ),
    "renstra_duplicate": (
        "IKK {code} muncul dua kali di {path}, sheet '{sheet}' (sel {cell} dan {other}). Hapus salah satu."
    ),
    "renstra_cumulative_invalid": (
        "Kolom Kumulatif IKK {code} berisi '{value}' ({path}, sheet '{sheet}', sel {cell}). Isi Ya (realisasi "
        "dijumlahkan sepanjang tahun Renstra) atau Tidak, atau kosongkan."
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
        "{count} IKK tidak ada di data Renstra {path}: target jangka menengahnya ditulis 'data tidak "
        "tersedia': {codes}. Bila IKK ini ada di Renstra, tambahkan barisnya."
    ),
    "tables_no_renstra_target": (
        "Target Renstra yang dibutuhkan capaian kosong ({path}) untuk {count} IKK: {items}. Capaian terhadap "
        "Renstra ditulis 'data tidak tersedia'. Isi target tersebut, atau ubah 'Dasar Capaian Renstra' di "
        "master PK menjadi pk."
    ),
    "tables_cumulative_missing": (
        "Realisasi s.d. tahun ini (kolom Kumulatif = Ya di Renstra) menjumlahkan realisasi setiap tahun "
        "Renstra, tetapi data tahun sebelumnya tidak memuat realisasi tahun berikut: {items}. Tabel Target "
        "Jangka Menengah IKK tersebut menampilkan 'data tidak tersedia'; lengkapi data tahun sebelumnya."
    ),
    "tables_previous_absent": (
        "Data tahun sebelumnya tidak diberikan (--previous): tabel {kind} menampilkan 'data tidak tersedia' "
        "pada kolom tahun {previous}."
    ),
    "tables_renstra_absent": (
        "Data Renstra tidak diberikan (--renstra): tabel {kind} menampilkan 'data tidak tersedia' pada kolom "
        "target dan capaian terhadap Renstra."
    ),
    "tables_anggaran_absent": (
        "Data anggaran tidak diberikan (--anggaran): tabel anggaran dan e-Monev tidak ditulis."
    ),
    "tables_supporting_absent": (
        "Daftar tabel pendukung tidak diberikan (--supporting): tidak ada tabel pendukung yang diberi nomor."
    ),
    "tables_rencana_aksi_absent": (
        "Rencana aksi Target Kinerja tidak diberikan (--rencana-aksi): tabel capaian target kinerja per Divisi "
        "dan perbandingannya tidak ditulis."
    ),
    "tables_written": "Tabel ditulis: {path} ({count} tabel bernomor, {first} sampai {last}).",
    "tables_period_missing": (
        "{path} tidak memuat data {period} untuk Divisi {divisi}: tabel '{title}' menampilkan '-' pada periode "
        "itu. Bila formulir periode itu ada, konsolidasikan ulang bersama formulir tersebut."
    ),
    "tables_period_target_differs": (
        "Target {period} IKK {code} di {path} ({found}) berbeda dengan target {period} menurut master PK "
        "({expected}); tabel per periode memakai target master."
    ),
    # --- the action plan of the Target Kinerja (--rencana-aksi, lkjip_xl.tables.action_plan) ---
    "action_plan_divisi_missing": (
        "Divisi kosong ({path}, sheet '{sheet}', sel {cell}), padahal baris ini berisi data. Isi nama Divisi "
        "seperti di master PK atau hapus barisnya."
    ),
    "action_plan_divisi_unknown": (
        "Divisi '{value}' ({path}, sheet '{sheet}', sel {cell}) tidak ada di master PK. Tulis salah satu "
        "Divisi master: {divisi}."
    ),
    "action_plan_text_missing": (
        "Target Kinerja kosong ({path}, sheet '{sheet}', sel {cell}), padahal baris ini berisi data. Isi "
        "uraian target kinerjanya atau hapus barisnya."
    ),
    "action_plan_no_invalid": (
        "No '{value}' ({path}, sheet '{sheet}', sel {cell}) bukan nomor urut. Tulis bilangan bulat mulai 1."
    ),
    "action_plan_no_duplicate": (
        "No {value} Divisi {divisi} dipakai dua kali ({path}, sheet '{sheet}', sel {cell} dan {other}). Beri "
        "setiap target kinerja nomornya sendiri."
    ),
    "action_plan_period_other_calendar": (
        "Kolom '{value}' ({path}, sheet '{sheet}', sel {cell}) bukan periode kalender {calendar} master PK "
        "({codes}). Beri judul kolom capaian dengan kode periode master, atau ubah Kalender Pelaporan master."
    ),
    "action_plan_value_invalid": (
        "{field} berisi '{value}', bukan angka ({path}, sheet '{sheet}', sel {cell}). Ketik angka persen, "
        "misalnya 100 atau 99,54; kosongkan capaian periode yang belum dinilai."
    ),
    "action_plan_value_ambiguous": (
        "{field} berisi '{value}' yang dapat dibaca dua cara ({path}, sheet '{sheet}', sel {cell}). Pakai "
        "koma sebagai tanda desimal, misalnya 99,54."
    ),
    "action_plan_value_out_of_range": (
        "{field} bernilai {value}, di luar rentang 0–100 ({path}, sheet '{sheet}', sel {cell})."
    ),
    "action_plan_value_missing": (
        "{field} kosong ({path}, sheet '{sheet}', sel {cell}). Isi capaiannya atau hapus barisnya."
    ),
    "action_plan_no_rows": (
        "Sheet '{sheet}' di {path} tidak memuat satu pun target kinerja. Isi satu baris per target kinerja "
        "(lihat docs/tables.md)."
    ),
    "action_plan_unit_unknown": (
        "Unit '{value}' ({path}, sheet '{sheet}', sel {cell}) bukan {head} dan bukan Divisi di master PK. "
        "Tulis {head} atau salah satu Divisi: {divisi}."
    ),
    "action_plan_previous_not_earlier": (
        "Tahun {found} ({path}, sheet '{sheet}', sel {cell}) tidak sebelum tahun {year}. Capaian tahun lalu "
        "harus dari tahun sebelumnya."
    ),
    "action_plan_previous_duplicate": (
        "Capaian {unit} tahun {year} ada dua kali ({path}, sheet '{sheet}', sel {cell} dan {other}). Hapus "
        "salah satu."
    ),
    "action_plan_previous_older": (
        "Capaian {unit} tahun {found} ({path}, sheet '{sheet}', sel {cell}) tidak ditampilkan: tabel "
        "perbandingan membandingkan tahun {previous} dan {year}."
    ),
    "action_plan_previous_unused": (
        "Divisi {unit} ({path}, sheet '{sheet}', sel {cell}) tidak memiliki target kinerja di sheet "
        "'{plan_sheet}'; capaian tahun lalunya tidak ditampilkan."
    ),
    "action_plan_divisi_absent": (
        "Divisi {divisi} dari master PK tidak memiliki target kinerja di {path}, sheet '{sheet}': tabel "
        "capaian target kinerjanya tidak ditulis."
    ),
    "action_plan_last_period_incomplete": (
        "{count} target kinerja Divisi {divisi} belum memiliki capaian {period} ({path}, sheet '{sheet}'): "
        "capaian tahun {year} Divisi itu adalah rata-rata capaian {period} yang sudah diisi."
    ),
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
    # toolkit_output_skipped of a master PK and of the other inputs (lkjip_xl.validate)
    "toolkit_master_skipped": (
        "Berkas {path} adalah master PK, bukan formulir Divisi, sehingga dilewati. Pindahkan master keluar "
        "dari folder formulir; untuk memeriksa formulir terhadapnya, berikan dengan --master."
    ),
    "toolkit_input_skipped": (
        "Berkas {path} adalah {kind}, masukan tabel laporan (lkjip-xl tables), bukan formulir Divisi, "
        "sehingga dilewati. Pindahkan berkas itu keluar dari folder formulir."
    ),
    "kind_konsolidasi": "buku kerja konsolidasi",
    "kind_nasional": "buku kerja konsolidasi nasional",
    "kind_tabel": "buku kerja tabel laporan",
    "kind_master": "master PK",
    "kind_kendali": "buku kerja kendali",
    "kind_keluaran": "buku kerja keluaran",
    "kind_capaian_tahun_lalu": "buku kerja capaian tahun lalu",
    "kind_target_renstra": "buku kerja target Renstra",
    "kind_anggaran": "buku kerja anggaran",
    "kind_rencana_aksi": "buku kerja rencana aksi",
    "kind_tabel_pendukung": "daftar tabel pendukung",
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
    "note_to_date": (
        "Data masukan adalah rumus yang menggabungkan sheet {periods} menurut Gabungan Periode tiap IKK "
        "(jumlah: dijumlahkan; nilai_akhir: periode terakhir; rerata: rata-rata realisasi); target adalah "
        "target {target}."
    ),
    "note_period": (
        "Data masukan adalah isian formulir {period} (revisi terakhir tiap Divisi); target adalah target "
        "{period} saja."
    ),
    "file_with_revision": "{file} (Revisi {revision})",
    # the sheet "Pemantauan" of a period workbook (lkjip_xl.monitoring_book)
    "title_monitoring": "Pemantauan Kinerja {kanwil} {period}",
    "note_monitoring_lights": (
        "Lampu: {green_word} ≥ {green}%, {yellow_word} ≥ {yellow}%, {red_word} di bawahnya (Ambang Hijau dan "
        "Ambang Kuning master PK); aturan tercapai laporan: {rule}."
    ),
    "note_monitoring_period": (
        "Periode dengan formulir: {periods}; tampilan s.d.: {to_date}. Capaian tiap periode adalah rumus atas "
        "sheet periode itu (terhadap target periode itu saja); sel kosong: formulir periode itu belum ada atau "
        "realisasinya kosong. Tren: capaian dua periode terakhir yang ada."
    ),
    "note_monitoring_projection": (
        "Proyeksi (linier) adalah perkiraan, bukan realisasi: realisasi {to_date} ÷ {through} × {periods} periode, "
        "hanya untuk angka yang dijumlahkan tiap periode; capaian proyeksi terhadap target tahunan."
    ),
    "note_monitoring_complete": "Tahun sudah lengkap ({label}): tidak ada proyeksi, capaian s.d. adalah capaian tahun.",
    "arrival_revision": "Revisi {revision}",
    "in_view_no": "Tidak: belum ada formulir {first}",
    "col_capaian_period": "Capaian {period} (%)",
    "col_light_period": "Lampu {period}",
    "col_in_view": "Termasuk {label}",
    "col_capaian_to_date": "Capaian {label} (%)",
    "projection_none_done": "Tanpa proyeksi: semua periode sudah dilaporkan; capaian s.d. adalah capaian tahun.",
    "projection_none_rule": (
        "Tanpa proyeksi: Gabungan Periode {rule}, cara hitung {method} (hanya angka langsung yang dijumlahkan "
        "dapat diproyeksikan)."
    ),
    "projection_none_left_out": "Tanpa proyeksi: Divisi {divisi} belum masuk tampilan {to_date} (belum ada {first}).",
    "projection_none_realisasi": "Tanpa proyeksi: realisasi {to_date} belum ada.",
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
    "form_breakdown_row": "  Rincian {period}",
    "form_breakdown_hint_jumlah": ". Isi baris rincian {first} s.d. {last} di bawahnya; baris ini menjumlahkannya",
    "form_breakdown_hint_nilai_akhir": (
        ". Isi baris rincian {first} s.d. {last} di bawahnya; baris ini memakai rincian terakhir yang terisi"
    ),
    "breakdown_hint_jumlah": "Angka {period} saja; dijumlahkan",
    "breakdown_hint_nilai_akhir": "Nilai s.d. akhir {period}",
    "form_nihil_input": "Pilih Ya bila tidak ada kejadian sama sekali.",
    "form_nihil_error": "Pilih Ya atau kosongkan sel ini.",
    "form_number_input": "Isi angka saja (koma untuk desimal), tanpa satuan atau tanda %.",
    "form_number_error": "Isi dengan angka, tanpa satuan. Contoh: 93 atau 3,25.",
    "form_number_error_not_negative": "Isi dengan angka tidak negatif, tanpa satuan. Contoh: 93 atau 3,25.",
    "form_text_input": "Teks bebas untuk narasi laporan, paling banyak {most} karakter. Boleh dikosongkan.",
    "form_text_error": "Teks terlalu panjang: paling banyak {most} karakter.",
    #: The page footer of every sheet for paper (lkjip_xl.xlsx.print_setup), in Excel's header/footer codes:
    #: &L left, &R right, &8 font size 8, &A the sheet's name, &P the page, &N the pages; two lines on the
    #: left (the sheet, the office and year) and the page on the right: they never overlap, even in portrait.
    "print_footer": "&L&8&A\n{owner}&R&8Halaman &P dari &N",
    "print_owner": "{office} · Tahun {year}",
    #: The page header of a data sheet (for pivot tables, Power Query, pandas): its print area is its header row.
    "print_not_for_paper": "&C&8Sheet data untuk PivotTable, Power Query dan pandas: tidak untuk dicetak",
    "form_revision_input": (
        "Kosongkan (atau 0) untuk kiriman pertama. Isi 1, 2, ... bila formulir ini memperbaiki "
        "formulir yang sudah dikirim."
    ),
    "form_revision_error": "Isi bilangan bulat 0 sampai {most}.",
    "form_signoff_note": (
        "Pengesahan: isi Nama, NIP (18 angka tanpa spasi) dan Tanggal (misalnya 31/12/{year}) sebelum "
        "formulir dikirim."
    ),
    "form_signoff_name_input": "Nama lengkap beserta gelar.",
    "form_signoff_nip_input": "Tepat 18 angka tanpa spasi, misalnya 198001012005011001.",
    "form_signoff_nip_error": "NIP harus tepat 18 angka, tanpa spasi atau tanda baca.",
    "form_signoff_date_input": "Tanggal pengesahan, misalnya 31/12/{year}.",
    "form_signoff_date_error": (
        "Isi tanggal yang sah, misalnya 31/12/{year} atau 31 Desember {year}. Teks lain akan ditolak saat "
        "formulir diperiksa."
    ),
    #: The title of who approves a form: the head of its unit ("Kepala Divisi Administrasi", "Kepala Bidang ...").
    "signoff_head_title": "Kepala {unit}",
    "form_to_date_missing": "belum diisi: jalankan dengan --sebelumnya",
    "col_realisasi_to_date": "Realisasi {to_date}",
    # --- the master workbook (lkjip_xl.master_layout, lkjip_xl.template, lkjip_xl.master) ---
    "master_info_title": "Perjanjian Kinerja (PK) — data master",
    "master_help_kanwil": "Nama lengkap Kantor Wilayah",
    "master_help_words_office": (
        "Opsional: sebutan instansi dalam formulir, judul dan pesan, misalnya Dinas (bawaan: {default})"
    ),
    "master_help_words_office_short": (
        "Opsional: sebutan singkat instansi, misalnya Dinas (bawaan: {default}; kosong: sama dengan Sebutan "
        "Instansi bila itu diisi)"
    ),
    "master_help_words_unit": (
        "Opsional: sebutan unit kerja, misalnya Bidang, Bagian, Seksi atau UPT (bawaan: {default})"
    ),
    "master_help_words_head": (
        "Opsional: sebutan pimpinan instansi, misalnya Kepala Dinas (bawaan: {default}; kosong: Kepala diikuti "
        "Sebutan Instansi)"
    ),
    "detail_word_chars": (
        "sebutan hanya boleh berisi huruf, angka, spasi dan tanda . , - ' & ( ), diawali dan diakhiri huruf atau "
        "angka."
    ),
    "detail_word_length": "sebutan ini paling panjang {limit} karakter (dipakai juga dalam nama sheet dan berkas).",
    "master_help_tahun": "Tahun Perjanjian Kinerja, misalnya 2023",
    "master_help_threshold": "IKK tercapai bila capaian mencapai batas ini (bawaan 100)",
    "master_help_inclusive": "Ya: capaian = batas dihitung tercapai (≥); Tidak: harus melebihi (>)",
    "master_help_renstra_basis": (
        "renstra: capaian tabel Target Jangka Menengah dihitung terhadap target Renstra tahun ini; "
        "pk: terhadap target PK"
    ),
    "master_help_calendar": "Periode pelaporan dalam setahun: triwulan (bawaan), semester, atau bulanan",
    "master_help_light_green": "Lampu pemantauan hijau bila capaian periode mencapai angka ini (bawaan 90)",
    "master_help_light_yellow": "Lampu kuning bila capaian mencapai angka ini, di bawahnya merah (bawaan 70)",
    "master_help_period_targets": (
        "Opsional. Satu baris per IKK yang punya target periode: Kode IKK, Jenis Target (s.d. atau "
        "per periode; kosong berarti s.d.), lalu target tiap periode kalender pelaporan. Target s.d. "
        "periode terakhir, atau gabungan target per periode, harus sama dengan target tahunan."
    ),
    "master_help_mean_cap": (
        "Opsional, misalnya 120: rata-rata capaian juga dihitung dengan setiap capaian dibatasi angka ini, "
        "seperti cara evaluator membacanya (rata-rata tanpa batas tetap ditampilkan)"
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
    "master_help_may_be_negative": "Ya untuk indikator perubahan yang bisa turun di bawah nol",
    "master_help_breakdown": (
        "Opsional: bulanan bila formulir meminta satu baris per bulan di bawah IKK (triwulan: per triwulan "
        "pada formulir tahunan). Baris IKK menjumlahkan rincian (Gabungan Periode jumlah) atau memakai "
        "rincian terakhir yang terisi (nilai_akhir); tidak untuk rerata dan rerata_subrasio"
    ),
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
    # --- display decimals (lkjip_xl.master_units): sheet Satuan, Info › Desimal Capaian ---
    "master_help_capaian_decimals": (
        "Opsional: paling banyak berapa angka di belakang koma setiap capaian ditampilkan, bilangan bulat "
        "0 sampai 6 (bawaan 2)"
    ),
    "master_help_unit_decimals": (
        "Opsional. Satu baris per satuan: kolom Satuan (ditulis seperti di sheet PK; persen dan % satu "
        "satuan) dan kolom Desimal, yaitu paling banyak berapa angka di belakang koma target dan realisasi "
        "satuan itu ditampilkan, bilangan bulat 0 sampai 6 (misalnya Orang 0, Indeks 3, % 1). Satuan yang "
        "tidak disebut tampil dengan paling banyak 2 desimal. Angka yang tidak memerlukan desimal tampil "
        "tanpa desimal (target 90 tetap 90). Nilai di sel tetap lengkap; hanya tampilannya yang dibulatkan, "
        "setengah ke atas seperti Excel. Desimal capaian diatur di sheet Info (Desimal Capaian)."
    ),
    "master_decimals_rule": "Isi dengan bilangan bulat 0 sampai {most}.",
    "detail_decimals": "isi dengan bilangan bulat 0 sampai {most}: banyaknya angka di belakang koma yang ditampilkan.",
    "detail_unit_twice": (
        "satuan ini sudah diberi desimal di sel {cell} ('{name}' dan satuan ini satu satuan yang sama); "
        "hapus salah satu baris."
    ),
    "master_unit_unused": (
        "Satuan '{unit}' pada {path}, sheet '{sheet}', sel {cell} tidak dipakai IKK mana pun di sheet "
        "'{pk}', sehingga desimalnya tidak berpengaruh. Periksa ejaannya (sama dengan kolom Satuan di sheet "
        "'{pk}') atau hapus barisnya."
    ),
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
    "detail_calendar": "pilih salah satu: {options}.",
    "detail_lights": "ambang hijau harus lebih besar dari ambang kuning.",
    "detail_period_target_code": "Kode IKK ini tidak ada di sheet PK.",
    "detail_period_target_twice": "IKK ini sudah diberi target periode di baris {other}.",
    "detail_period_target_missing": (
        "target periode {period} kosong; isi target setiap periode atau kosongkan semuanya."
    ),
    "detail_period_target_kind": "pilih s.d. atau per periode.",
    "detail_period_target_year": (
        "target periode digabung menjadi {found}, padahal target tahunan (sheet PK) {expected}; "
        "samakan keduanya."
    ),
    "detail_period_target_header": "kolom periode {period} tidak ada; kalender {calendar} memerlukan kolom {periods}.",
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
    # the progress line on a terminal and the lines of --verbose (lkjip_xl.cli.progress)
    "progress_files": "{label}: {done}/{total} {unit} · {elapsed}{left}",
    "progress_left": " · sisa ±{time}",
    "progress_stage": "{stage}… · {elapsed}",
    "progress_file": "[{done}/{total}] {path} ({time})",
    "progress_stage_done": "{stage}: selesai dalam {time}.",
    "progress_finished": "Selesai dalam {time}.",
    "progress_seconds": "{seconds} detik",
    "cli_quiet_verbose": "Opsi --quiet dan --verbose tidak dapat dipakai bersama; pilih salah satu.",
    "report_summary": "Ringkasan: {errors} kesalahan, {warnings} peringatan.",
    "report_summary_quiet": (
        "Ringkasan: {errors} kesalahan, {warnings} peringatan ({hidden} peringatan tidak ditampilkan karena "
        "--quiet)."
    ),
    # the location phrase problem messages repeat, taken out of a line that names it in front (lkjip_xl.report)
    "report_where_cell": "{path}, sheet '{sheet}', sel {cell}",
    "report_where": "{path}, sheet '{sheet}'",
    "report_where_in": "di {where}",
    # one line for the problems of one code on many cells of one sheet (lkjip_xl.report)
    "report_group": "{count} sel: {cells}. Yang pertama, sel {cell}: {message}",
    "report_group_more": "dan {count} lainnya",
    "report_group_value_missing": "{count} sel wajib belum diisi: {cells}. Isi dengan angka.",
    # --- file names the toolkit writes ---
    "filename_form": "Formulir_{year}_{name}{suffix}.xlsx",
    "filename_divisi_fallback": "Divisi_{n}",
    "filename_national": "Nasional_{year}.xlsx",
    "filename_kanwil": "Capaian_{year}_{name}.xlsx",
    "filename_kanwil_fallback": "Kanwil_{n}",
    "filename_feedback": "{stem}_pemeriksaan.xlsx",
    "filename_control_output": "Konsolidasi_LKjIP_{year}.xlsx",
    "filename_control_tabel": "Tabel_Bab_III_LKjIP_{year}.xlsx",
    "filename_control_laporan": "Bab_III_LKjIP_{year}.docx",
    # --- report tables (lkjip_xl.tables): titles and notes ---
    "table_number": "Tabel {chapter}.{n}",
    "tables_summary_title": "Capaian Kinerja Sasaran Kegiatan Tahun {year}",
    "tables_period_title": "Capaian Kinerja per {word} Tahun {year}",
    "tables_period_sheet": "Capaian per {word}",
    "tables_ikk_title": "{kind} SK {sk} dan IKK {ikk}",
    "tables_workbook_title": "Tabel Bab III LKjIP {kanwil} {year}",
    "tables_supporting_placeholder": "(Tabel pendukung: isinya disusun sendiri dan disisipkan di sini.)",
    "tables_not_comparable": "tidak dapat dibandingkan",
    "tables_new_ikk_row": "IKK baru tahun {year} — {reason}",
    # --- the draft narrative of Chapter III (lkjip_xl.chapter.narrative): sentences from the tables' numbers ---
    # 1. this year: {target}, {realisasi} with the IKK's unit, {capaian} in %
    "narrative_target": (
        "Target yang ditetapkan pada tahun {year} sebesar {target}, sedangkan realisasinya sebesar {realisasi}, "
        "sehingga capaian kinerjanya {capaian}."
    ),
    "narrative_target_lower": (
        "Pada IKK ini, semakin rendah realisasi semakin baik: target tahun {year} sebesar {target} adalah batas "
        "tertinggi, sedangkan realisasinya sebesar {realisasi}, sehingga capaian kinerjanya {capaian}."
    ),
    "narrative_target_zero": (
        "Target yang ditetapkan pada tahun {year} sebesar {target}, namun belum ada yang terealisasi "
        "({realisasi}), sehingga capaian kinerjanya {capaian}."
    ),
    "narrative_target_nihil": (
        "Pada tahun {year} tidak terdapat kejadian yang diukur oleh IKK ini (NIHIL), sehingga sesuai Perjanjian "
        "Kinerja realisasinya dihitung {realisasi} terhadap target {target}, dengan capaian kinerja {capaian}."
    ),
    "narrative_target_missing": (
        "Realisasi IKK ini untuk tahun {year} belum dilaporkan, sehingga capaian kinerjanya terhadap target "
        "{target} belum dapat dihitung."
    ),
    # tercapai or not; {position} is one of narrative_position_*
    "narrative_tercapai": "Dengan demikian IKK ini tercapai: capaiannya {position}.",
    "narrative_tidak_tercapai": "Dengan demikian IKK ini belum tercapai: capaiannya {position}.",
    "narrative_tercapai_by_rule": (
        "IKK ini tercapai menurut aturan tercapai Perjanjian Kinerja, meskipun capaiannya {position}."
    ),
    "narrative_tidak_tercapai_by_rule": (
        "IKK ini belum tercapai menurut aturan tercapai Perjanjian Kinerja, meskipun capaiannya {position}."
    ),
    "narrative_position_above": "{points} poin di atas 100%",
    "narrative_position_below": "{points} poin di bawah 100%",
    "narrative_position_exact": "tepat 100%",
    "narrative_position_just_above": "sedikit di atas 100% (tertulis {capaian} setelah dibulatkan)",
    "narrative_position_just_below": "sedikit di bawah 100% (tertulis {capaian} setelah dibulatkan)",
    "narrative_position_negative": "bernilai negatif ({capaian})",
    "narrative_position_zero": "masih {capaian}",
    # 2. the latest earlier year ({previous})
    "narrative_new_ikk": (
        "IKK ini baru ditetapkan dalam Perjanjian Kinerja tahun {year} dan belum ada pada tahun {previous}, "
        "sehingga capaiannya belum dapat dibandingkan dengan tahun sebelumnya."
    ),
    "narrative_previous_absent": (
        "Data tahun {previous} tidak tersedia, sehingga capaian IKK ini belum dapat dibandingkan dengan tahun "
        "sebelumnya."
    ),
    "narrative_previous_noted": (
        "Realisasi tahun {previous} tercatat {note}, sehingga capaiannya tidak dapat dibandingkan dengan tahun "
        "{year}."
    ),
    "narrative_previous_no_realisasi": (
        "Realisasi tahun {previous} tidak tersedia, sehingga capaiannya tidak dapat dibandingkan dengan tahun "
        "{year}."
    ),
    "narrative_previous_no_target": (
        "Realisasi tahun {previous} sebesar {previous_realisasi}, namun targetnya tidak tersedia, sehingga "
        "capaian tahun {previous} dan {year} tidak dapat dibandingkan."
    ),
    "narrative_previous_only": (
        "Capaian tahun {previous} sebesar {previous_capaian} (realisasi {previous_realisasi}, target "
        "{previous_target}); capaian tahun {year} belum dapat dihitung, sehingga keduanya belum dapat "
        "dibandingkan."
    ),
    "narrative_change_naik": (
        "Dibandingkan tahun {previous}, capaian naik dari {previous_capaian} (realisasi {previous_realisasi}, "
        "target {previous_target}) menjadi {capaian} pada tahun {year}."
    ),
    "narrative_change_turun": (
        "Dibandingkan tahun {previous}, capaian turun dari {previous_capaian} (realisasi {previous_realisasi}, "
        "target {previous_target}) menjadi {capaian} pada tahun {year}."
    ),
    "narrative_change_tetap": (
        "Capaian tahun {year} sama dengan tahun {previous}, yaitu {capaian} (tahun {previous}: realisasi "
        "{previous_realisasi}, target {previous_target})."
    ),
    "narrative_change_slight": (
        "Dibandingkan tahun {previous}, capaian {direction} tipis sehingga tetap tertulis {capaian} setelah "
        "dibulatkan (tahun {previous}: realisasi {previous_realisasi}, target {previous_target})."
    ),
    # 3. the Renstra target of {renstra_year}
    "narrative_renstra_absent": (
        "Target jangka menengah (Renstra) untuk IKK ini tidak tersedia, sehingga realisasinya belum dapat "
        "dibandingkan dengan target Renstra."
    ),
    "narrative_renstra_no_target": (
        "Renstra tidak memuat target tahun {renstra_year} untuk IKK ini, sehingga realisasinya belum dapat "
        "dibandingkan dengan target jangka menengah."
    ),
    "narrative_renstra": (
        "Dibandingkan dengan target jangka menengah dalam Renstra tahun {renstra_year} sebesar {renstra_target}, "
        "realisasi {value} {verdict}, dengan capaian {renstra_capaian}."
    ),
    "narrative_renstra_pk": (
        "Target jangka menengah dalam Renstra tahun {renstra_year} sebesar {renstra_target}; realisasi {value} "
        "{verdict}."
    ),
    #: {value} of narrative_renstra(_pk) for a realisasi converted to the Renstra scale
    "narrative_renstra_scaled": "{realisasi}, yang setara {scaled} pada skala Renstra,",
    "narrative_renstra_missing_realisasi": (
        "Target jangka menengah dalam Renstra tahun {renstra_year} sebesar {renstra_target}; realisasi tahun "
        "{year} belum dilaporkan, sehingga belum dapat dibandingkan."
    ),
    "narrative_renstra_cumulative": (
        "Target Renstra IKK ini bersifat kumulatif: realisasi tahun {since} sampai dengan {year} berjumlah "
        "{value} terhadap target akhir Renstra tahun {renstra_year} sebesar {renstra_target}, sehingga "
        "capaiannya {renstra_capaian}."
    ),
    "narrative_renstra_cumulative_missing": (
        "Target Renstra IKK ini bersifat kumulatif (target akhir tahun {renstra_year} sebesar {renstra_target}), "
        "namun realisasi tahun {since} sampai dengan {year} belum lengkap, sehingga jumlahnya belum dapat dihitung."
    ),
    "narrative_verdict_above": "telah melampaui target tersebut",
    "narrative_verdict_exact": "tepat memenuhi target tersebut",
    "narrative_verdict_below": "belum mencapai target tersebut",
    "narrative_verdict_above_lower": "berada di bawah batas target tersebut, sehingga lebih baik dari target",
    "narrative_verdict_below_lower": "berada di atas batas target tersebut, sehingga belum mencapai target",
    "narrative_verdict_unknown": "belum dapat dibandingkan dengan target tersebut",
    # the staff's texts: "{heading}:" before a text as written; the placeholder where one is expected but empty
    "narrative_staff": "{heading}:",
    "narrative_fill_faktor_pendukung": (
        "[Belum diisi: faktor yang mendukung capaian IKK ini, untuk dilengkapi oleh Divisi {divisi}.]"
    ),
    "narrative_fill_faktor_penghambat": (
        "[Belum diisi: kendala yang menghambat capaian IKK ini, untuk dilengkapi oleh Divisi {divisi}.]"
    ),
    "narrative_fill_upaya": (
        "[Belum diisi: upaya yang telah dan akan dilakukan untuk IKK ini, untuk dilengkapi oleh Divisi {divisi}.]"
    ),
    # the year: the office, each unit ({unit}: "Divisi Administrasi"; {headline}: "1 dari 1 IKK tercapai"), budget
    "narrative_summary_office": (
        "Pada tahun {year}, {tercapai} dari {total} IKK Kantor Wilayah tercapai dan {tidak} IKK belum tercapai."
    ),
    "narrative_summary_office_all": "Pada tahun {year}, seluruh {total} IKK Kantor Wilayah tercapai.",
    "narrative_summary_office_none": (
        "Pada tahun {year}, belum ada satu pun dari {total} IKK Kantor Wilayah yang tercapai."
    ),
    "narrative_summary_unit": "{unit}: {headline}.",
    "narrative_summary_budget": "Capaian kinerja anggaran Kantor Wilayah tahun {year} sebesar {nilai}.",
    "tables_col_realisasi_year": "Realisasi Kinerja Tahun {year}",
    "tables_col_scale": "{header} (Skala {scale})",
    "tables_note_capaian_pk": "Capaian = Realisasi / Target PK {year} × 100%",
    "tables_note_capaian_renstra": "Capaian = Realisasi / Target Renstra {year} × 100%",
    "tables_note_scale": "Realisasi skala {renstra} = realisasi skala {pk} × {factor}",
    "tables_note_cumulative": (
        "Realisasi s.d. {year} = jumlah realisasi {first}–{year}; Capaian = Realisasi s.d. {year} / Target "
        "Renstra {final} (target akhir Renstra) × 100%"
    ),
    "tables_col_cumulative": "Realisasi s.d. {year}",
    "tables_not_available": "data tidak tersedia",
    "action_plan_title_divisi": "Capaian Target Kinerja Divisi {name} Tahun {year}",
    "action_plan_title_comparison": "Perbandingan Capaian Target Kinerja Kantor Wilayah Tahun {previous} dan {year}",
    "action_plan_col_capaian_year": "Capaian {year}",
    "action_plan_head_divisi": "Kepala Divisi {name}",
    "action_plan_score_field": "Capaian {period} Target Kinerja No {no} Divisi {divisi}",
    "action_plan_previous_field": "Capaian {unit} tahun {year}",
    "budget_title_emonev": "Capaian Realisasi Anggaran pada e-Monev Bappenas Tahun {year}",
    "tables_previous_source": "data tahun sebelumnya",
    "where_cell": "{file}, sheet {sheet}, sel {cell}",
    "where_row": "{file}, sheet {sheet}, baris {row}",
    "budget_title_pagu": (
        "Pagu dan Realisasi Anggaran {kantor} dan Unit Pelaksana Teknis (Per 31 Desember {year})"
    ),
    "budget_title_smart": "Nilai SMART DJA di Lingkungan {kantor}",
    "budget_title_ikpa": "Nilai IKPA di Lingkungan {kantor}",
    "budget_title_capaian": "Capaian Kinerja Anggaran {kantor} Tahun {year}",
    "budget_title_pagu_level": "Pagu dan Realisasi Anggaran per {level} {kantor} (Per 31 Desember {year})",
    "budget_title_efisiensi": (
        "Analisis Efisiensi Penggunaan Sumber Daya: Anggaran dan Capaian Kinerja per Sasaran Kegiatan Tahun {year}"
    ),
    "budget_note_efisiensi": (
        "Anggaran: kolom Anggaran (Rp) master PK, per Sasaran Kegiatan (atau per IKK bila diisi pada beberapa "
        "IKK). Realisasi anggaran: jumlah baris sheet Pagu Realisasi yang diberi Kode SK atau Kode IKK. "
        "Penyerapan = Realisasi ÷ Anggaran × 100. Capaian kinerja SK = rata-rata capaian IKK-nya. "
        "Indeks efisiensi = Capaian kinerja ÷ Penyerapan × 100: di atas 100 berarti capaian kinerja lebih "
        "tinggi daripada persentase anggaran yang diserap."
    ),
    "budget_workbook_title": "Anggaran LKjIP {year}",
    "budget_note_rounded": (
        "Nilai SMART dan IKPA wilayah dibulatkan {decimals} desimal sebelum dibobot, seperti dalam LKjIP."
    ),
    "budget_note_unrounded": "Nilai SMART dan IKPA wilayah dipakai tanpa pembulatan.",
    "budget_note_formula": "Rumus: ({smart}% × Nilai SMART) + ({ikpa}% × Nilai IKPA). {rounding}",
    # --- the charts of Chapter III (lkjip_xl.chapter.charts): caption titles, legends, notes ---
    "chart_capaian_title": "Capaian IKK Divisi {name}",
    "chart_year_title": "Rata-rata Capaian IKK {previous} dan Tahun {year} per Divisi",
    "chart_year": "Tahun {year}",
    "chart_threshold": "Batas tercapai {value}",
    "chart_total_ikk": "{count} IKK",
    "chart_unit_compared": "{name} ({count} IKK)",
    "chart_note_missing": "Belum ada capaian (tidak digambar sebagai 0): {codes}.",
    "chart_note_capped": (
        "Batang di atas {cap} dipotong pada {cap} dan diberi tanda putus; angka di ujungnya adalah nilai sebenarnya."
    ),
    "chart_note_capped_low": (
        "Batang di bawah {floor} dipotong pada {floor} dan diberi tanda putus; angka di ujungnya adalah nilai "
        "sebenarnya."
    ),
    "chart_note_status_missing": (
        "{count} IKK belum ada capaiannya: digambar terpisah, tidak dihitung sebagai tercapai maupun tidak tercapai."
    ),
    "chart_note_compared": "Hanya IKK yang memiliki capaian pada kedua tahun: {count} dari {total} IKK.",
    "chart_note_mean_cap": "Setiap capaian dibatasi paling tinggi {cap} sebelum dirata-rata.",
    # --- the command line's help texts (lkjip_xl.cli) ---
    "help_cli": (
        "lkjip-xl: formulir standar LKjIP untuk unit kerja (Divisi, Bidang, ...), pemeriksaan formulir "
        "yang kembali, konsolidasi capaian kinerja dan tabel laporan."
    ),
    "help_json": "Cetak hasil sebagai satu dokumen JSON.",
    "help_force": "Timpa berkas keluaran yang sudah ada.",
    "help_quiet": (
        "Tampilkan lebih sedikit: tanpa peringatan dan tanpa tanda kemajuan. Kesalahan, berkas yang ditulis "
        "dan hasil tetap ditampilkan; kode keluar tidak berubah."
    ),
    "help_verbose": (
        "Tampilkan lebih banyak (di stderr): setiap berkas yang dibaca, lama setiap tahap dan lama seluruh "
        "proses."
    ),
    "help_master_optional": "Buku kerja master PK (opsional: formulir membawa definisinya sendiri).",
    "help_template": (
        "Tulis templat kosong berpetunjuk: master PK (bawaan, templates/LKjIP_template.xlsx) atau masukan "
        "lain (--jenis)."
    ),
    "help_template_out": (
        "Berkas templat yang ditulis (bawaan: templates/ dengan nama templat itu); untuk --jenis semua: "
        "folder tujuan (bawaan: templates/)."
    ),
    "help_template_jenis": (
        "Jenis templat: master (master PK), tahun-lalu (capaian tahun lalu), renstra (target Renstra), "
        "anggaran, rencana-aksi, pendukung (tabel pendukung), atau semua."
    ),
    "help_template_tahun": (
        "Tahun laporan, misalnya 2025: mengisi Tahun master, Tahun Anggaran dan lima tahun rencana Renstra, "
        "dan membatasi tahun data tahun lalu."
    ),
    "help_template_master": (
        "Master PK instansi: templat memakai sebutannya (sheet Info › Sebutan ...), misalnya Bidang "
        "alih-alih Divisi."
    ),
    "help_forms": "Dari MASTER, tulis satu formulir standar per unit kerja (Divisi, Bidang, ...).",
    "help_forms_out_dir": "Folder tujuan formulir.",
    "help_forms_periode": "Periode pelaporan formulir.",
    "help_forms_sebelumnya": (
        "Formulir periode sebelumnya yang sudah diisi (folder atau berkas, boleh berulang); kolom "
        "'Realisasi s.d.' formulir periode kedua dan seterusnya diisi dari formulir itu. Tanpa opsi ini "
        "kolom tersebut bertuliskan 'belum diisi'."
    ),
    "help_validate": (
        "Periksa formulir yang kembali (berkas atau folder). Kode keluar 1 bila ada kesalahan "
        "(peringatan tidak dihitung)."
    ),
    "help_validate_json": "Cetak laporan sebagai satu dokumen JSON.",
    "help_validate_feedback_dir": (
        "Tulis salinan bertanda setiap formulir bermasalah (sel disorot, sheet '{sheet}') "
        "ke folder ini, untuk dikirim kembali ke unit kerjanya."
    ),
    "help_validate_force": "Timpa salinan pemeriksaan yang sudah ada.",
    "help_consolidate": (
        "Periksa FORMULIR (berkas atau folder) lalu tulis buku kerja konsolidasi ke --out (atau, "
        "untuk banyak instansi, ke --out-dir). Formulir berkesalahan ditolak dan disebutkan; "
        "dengan --skip-invalid formulir itu dilewati."
    ),
    "help_consolidate_json": "Cetak laporan, berkas yang ditulis dan ringkasan sebagai satu dokumen JSON.",
    "help_consolidate_out": "Buku kerja konsolidasi yang ditulis (satu instansi).",
    "help_consolidate_out_dir": (
        "Konsolidasi nasional formulir banyak instansi (Kanwil, Dinas, ...): satu buku kerja per instansi dan "
        "Nasional_<tahun>.xlsx di folder ini."
    ),
    "help_consolidate_skip_invalid": (
        "Lewati formulir berkesalahan alih-alih menolak seluruh konsolidasi (kode keluar tetap 1)."
    ),
    "help_consolidate_feedback_dir": (
        "Tulis juga salinan bertanda setiap formulir bermasalah ke folder ini (lihat periksa)."
    ),
    "help_tables": (
        "Tulis tabel Bab III dari SUMBER (buku kerja konsolidasi atau folder formulir): "
        "per IKK tabel target/realisasi, perbandingan tahun lalu dan target jangka menengah, "
        "tabel anggaran dan Daftar Tabel, dengan nomor dan judul otomatis."
    ),
    "help_tables_json": "Cetak peringatan, berkas yang ditulis dan daftar tabel sebagai satu dokumen JSON.",
    "help_tables_master": "Buku kerja master PK tahun ini.",
    "help_tables_previous": (
        "Buku kerja konsolidasi tahun lalu, atau sheet '{sheet}' (boleh berulang); tanpa opsi ini tabel "
        "perbandingan menampilkan 'data tidak tersedia' untuk tahun lalu."
    ),
    "help_tables_renstra": (
        "Buku kerja target Renstra (sheet '{sheet}'); tanpa opsi ini tabel target jangka menengah menampilkan "
        "'data tidak tersedia' untuk target Renstra."
    ),
    "help_tables_anggaran": "Buku kerja anggaran (docs/budget.md); tanpa opsi ini tabel anggaran tidak ditulis.",
    "help_tables_supporting": "Tabel pendukung yang diberi nomor di antaranya (sheet '{sheet}').",
    "help_tables_rencana_aksi": (
        "Buku kerja rencana aksi Target Kinerja (sheet '{sheet}', docs/tables.md); tanpa opsi ini tabel "
        "capaian target kinerja per unit kerja dan perbandingannya tidak ditulis."
    ),
    "help_tables_start": "Nomor tabel pertama (Tabel 3.<start>, tabel ringkasan).",
    "help_tables_out": "Buku kerja tabel yang ditulis.",
    "help_button_json": "Cetak berkas yang ditulis sebagai satu dokumen JSON.",
    "help_button": (
        "Tulis buku kerja kendali Excel (.xlsm) dengan tombol Buat Formulir, Periksa, Salinan Pemeriksaan, "
        "Konsolidasi, Tabel Bab III dan Laporan Word. "
        'Memerlukan xlwings: pip install "lkjip-xl[excel]".'
    ),
    "help_button_out": "Berkas buku kerja kendali yang ditulis (.xlsm), misalnya konsolidasi.xlsm.",
    "help_button_force": "Timpa berkas keluaran bila sudah ada.",
    # --- the command line in Indonesian: help, aliases, usage errors (lkjip_xl.cli.indonesian, .usage) ---
    "cli_help_help": "Tampilkan pesan ini lalu keluar.",
    "cli_help_version": "Tampilkan versi lalu keluar.",
    "cli_version": "{prog} versi {version}",
    "cli_default": "bawaan: {value}",
    "cli_at_least": "paling kecil {min}",
    "cli_choices": "pilihan: {choices}",
    "cli_other_names": "Nama lain perintah ini: {names}.",
    "cli_aborted": "Dibatalkan.",
    "cli_missing_option": "Opsi {option} wajib diberikan, misalnya {option} {metavar}. Bantuan: {help}",
    "cli_missing_argument": "{argument} belum diberikan: tulis sesudah nama perintah. Bantuan: {help}",
    "cli_no_such_option": "Opsi {option} tidak dikenal oleh {command}. Bantuan: {help}",
    "cli_no_such_option_suggest": (
        "Opsi {option} tidak dikenal oleh {command}. Maksud Anda: {suggestions}? Bantuan: {help}"
    ),
    "cli_no_such_command": "Perintah '{command}' tidak dikenal. Perintah yang ada: {commands}. Bantuan: {help}",
    "cli_no_such_command_suggest": "Perintah '{command}' tidak dikenal. Maksud Anda: {suggestions}? Bantuan: {help}",
    "cli_flag_value": "Opsi {option} tidak menerima nilai: tulis {option} saja. Bantuan: {help}",
    "cli_option_needs_value": "Opsi {option} memerlukan nilai, misalnya {option} {metavar}. Bantuan: {help}",
    "cli_bad_choice": (
        "Nilai '{value}' tidak berlaku untuk {option}: pilih salah satu dari {choices}. Bantuan: {help}"
    ),
    "cli_not_integer": "Nilai '{value}' untuk {option} bukan bilangan bulat, misalnya {option} 1. Bantuan: {help}",
    "cli_integer_too_small": "Nilai '{value}' untuk {option} terlalu kecil: paling kecil {min}. Bantuan: {help}",
    "cli_bad_value": "Nilai untuk {option} tidak dapat dipakai. Bantuan: {help}",
    "cli_extra_arguments": "Masukan tambahan '{args}' tidak dipahami oleh {command}. Bantuan: {help}",
    "cli_unclear": "Perintah ini tidak lengkap atau tidak dapat dipahami. Bantuan: {help}",
    # one line per command in the top-level help (at most 50 characters: the line is never wrapped)
    "cli_short_template": "Templat kosong: master PK dan masukan lain.",
    "cli_short_forms": "Satu formulir per unit kerja dari master PK.",
    "cli_short_validate": "Periksa formulir yang kembali.",
    "cli_short_consolidate": "Gabungkan formulir menjadi buku kerja capaian.",
    "cli_short_tables": "Tabel Bab III dalam buku kerja Excel.",
    "cli_short_laporan": "Bab III sebagai dokumen Word (dan PDF).",
    "cli_short_button": "Buku kerja Excel bertombol Periksa/Konsolidasi.",
    # the "Contoh:" block ending each help, run on the samples by tests/test_cli_indonesian.py (from the
    # folder of lkjip-xl; every output under kerja/, each path written by one example only)
    "cli_example_cli": (
        "# Alur kerja pada sampel 2023 (dari folder lkjip-xl):\n"
        "lkjip-xl formulir samples/master_pk_2023.xlsx --out-dir kerja/formulir_2023/\n"
        "lkjip-xl periksa samples/formulir/ --master samples/master_pk_2023.xlsx\n"
        "lkjip-xl konsolidasi samples/formulir/ --out kerja/konsolidasi_2023.xlsx \\\n"
        "    --master samples/master_pk_2023.xlsx\n"
        "# Bantuan satu perintah:\n"
        "lkjip-xl konsolidasi -h"
    ),
    "cli_example_template": (
        "# Master PK kosong berpetunjuk:\n"
        "lkjip-xl templat --out kerja/master_pk.xlsx\n"
        "# Semua templat masukan lain, dengan sebutan instansi dari master PK:\n"
        "lkjip-xl templat --jenis semua --out kerja/templat/ \\\n"
        "    --master samples/master_pk_2023.xlsx"
    ),
    "cli_example_forms": (
        "# Satu formulir tahunan per unit kerja:\n"
        "lkjip-xl formulir samples/master_pk_2023.xlsx --out-dir kerja/formulir/\n"
        "# Formulir Triwulan I:\n"
        "lkjip-xl formulir samples/master_pk_2023.xlsx --out-dir kerja/tw1/ \\\n"
        "    --periode \"Triwulan I\""
    ),
    "cli_example_validate": (
        "# Periksa formulir yang kembali terhadap master PK:\n"
        "lkjip-xl periksa samples/formulir/ --master samples/master_pk_2023.xlsx\n"
        "# Tulis salinan bertanda untuk dikirim kembali ke unit kerjanya:\n"
        "lkjip-xl periksa samples/formulir/ --feedback-dir kerja/pemeriksaan/"
    ),
    "cli_example_consolidate": (
        "# Satu instansi, satu tahun:\n"
        "lkjip-xl konsolidasi samples/formulir/ --out kerja/konsolidasi.xlsx \\\n"
        "    --master samples/master_pk_2023.xlsx\n"
        "# Formulir keempat triwulan, digabung menjadi capaian tahun:\n"
        "lkjip-xl konsolidasi samples/formulir_triwulan/ --out kerja/triwulan.xlsx \\\n"
        "    --master samples/master_pk_2023.xlsx"
    ),
    "cli_example_tables": (
        "# Dari folder formulir, hanya dengan master PK:\n"
        "lkjip-xl tabel samples/formulir/ --master samples/master_pk_2023.xlsx \\\n"
        "    --out kerja/tabel_bab3.xlsx\n"
        "# Dengan capaian tahun lalu, target Renstra dan anggaran:\n"
        "lkjip-xl tabel samples/formulir/ --master samples/master_pk_2023.xlsx \\\n"
        "    --previous samples/capaian_2022.xlsx \\\n"
        "    --renstra samples/renstra_2020_2024.xlsx \\\n"
        "    --anggaran samples/anggaran_2023.xlsx \\\n"
        "    --out kerja/tabel_bab3_lengkap.xlsx"
    ),
    "cli_example_laporan": (
        "# Bab III sebagai dokumen Word (tambahkan --pdf untuk PDF-nya):\n"
        "lkjip-xl laporan samples/formulir/ --master samples/master_pk_2023.xlsx \\\n"
        "    --previous samples/capaian_2022.xlsx --out kerja/Bab_III_2023.docx"
    ),
    "cli_example_button": (
        "# Buku kerja kendali untuk staf tanpa terminal (memerlukan xlwings):\n"
        "lkjip-xl tombol --out kerja/konsolidasi.xlsm"
    ),
    # --- Bab III as a Word document (lkjip-xl laporan, lkjip_xl.chapter) -----
    "help_laporan": (
        "Tulis Bab III Akuntabilitas Kinerja sebagai dokumen Word (.docx) dari SUMBER (buku kerja konsolidasi "
        "atau folder formulir): tabel bernomor yang sama dengan buku kerja tabel, draf narasi per IKK, gambar, "
        "Daftar Tabel dan Daftar Gambar. Masukan lain sama dengan perintah tabel."
    ),
    "help_laporan_json": "Cetak berkas yang ditulis dan peringatan sebagai satu dokumen JSON.",
    "help_laporan_out": "Dokumen Word yang ditulis (.docx), misalnya Bab_III_2023.docx.",
    "help_laporan_pdf": "Tulis juga PDF-nya (nama sama, .pdf) melalui LibreOffice.",
    "chapter_written": (
        "Bab III ditulis: {path} ({tables} tabel bernomor, {figures} gambar, {drafts} paragraf draf narasi)."
    ),
    "chapter_pdf_written": "PDF ditulis: {path}.",
    "chapter_out_not_docx": (
        "Nama berkas {path} harus berakhiran .docx (dokumen Word), misalnya Bab_III_2023.docx."
    ),
    "chapter_document_title": "Bab III Akuntabilitas Kinerja {kanwil} Tahun {year}",
    "chapter_draft_note": (
        "Paragraf berlatar abu-abu adalah draf narasi yang disusun otomatis dari angka tabel. Periksa dan "
        "sunting sebelum laporan ditandatangani. Daftar Tabel dan Daftar Gambar diperbarui di Word dengan "
        "Ctrl+A lalu F9."
    ),
    "chapter_sk_heading": "Sasaran Kegiatan {number}: {text}",
    "chapter_ikk_heading": "IKK {sk}.{number}: {text}",
    "office_missing": (
        "LibreOffice belum terpasang, sehingga PDF tidak dapat dibuat dan tidak ada yang ditulis. Pasang "
        "LibreOffice Writer (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui), atau jalankan "
        "tanpa --pdf lalu simpan dokumen Word sebagai PDF."
    ),
    "office_failed": (
        "LibreOffice gagal mengubah {path} menjadi PDF ({detail}); tidak ada yang ditulis. Jalankan tanpa "
        "--pdf lalu simpan dokumen Word sebagai PDF dari Word atau LibreOffice."
    ),
}


#: Short words: sheet names, column titles, table titles, labels and values the toolkit writes or
#: recognises.  Sentences (and texts with fields) are :data:`MESSAGES`; these are used as they are,
#: ``LABELS["sheet_form"]``.  Several are part of documented layouts (docs/form_contract.md,
#: docs/tables.md, docs/budget.md): rewording one changes what the readers look for.
LABELS: dict[str, str] = {
    # --- values: status, Ya/Tidak, periods, severities, list words ---
    # --- the command line's headings and metavars (lkjip_xl.cli.indonesian, .usage) ---
    "cli_usage": "Penggunaan: ",
    "cli_options": "Opsi",
    "cli_commands": "Perintah (urutan kerja)",
    "cli_examples": "Contoh",
    "cli_required": "wajib",
    "cli_options_metavar": "[OPSI]",
    "cli_command_metavar": "PERINTAH [ARG]...",
    "cli_metavar_file": "BERKAS",
    "cli_metavar_folder": "FOLDER",
    "cli_metavar_path": "JALUR",
    "cli_metavar_number": "BILANGAN",
    "cli_metavar_year": "TAHUN",
    "cli_metavar_forms": "FORMULIR",
    "cli_metavar_source": "SUMBER",
    "cli_metavar_master": "MASTER",
    "status_tercapai": "Tercapai",
    "status_tidak_tercapai": "Tidak Tercapai",
    "yes": "Ya",
    "no": "Tidak",
    "period_annual": "Tahunan",
    "month_01": "Januari",
    "month_02": "Februari",
    "month_03": "Maret",
    "month_04": "April",
    "month_05": "Mei",
    "month_06": "Juni",
    "month_07": "Juli",
    "month_08": "Agustus",
    "month_09": "September",
    "month_10": "Oktober",
    "month_11": "November",
    "month_12": "Desember",
    "light_green": "Hijau",
    "light_yellow": "Kuning",
    "light_red": "Merah",
    "arrival_received": "Diterima",
    "arrival_missing": "Belum",
    "trend_up": "▲ naik",
    "trend_down": "▼ turun",
    "trend_same": "= tetap",
    "severity_error": "KESALAHAN",
    "severity_warning": "PERINGATAN",
    "word_and": "dan",
    "word_or": "atau",
    "word_also": "serta",
    "national": "Nasional",
    "conclusion": "Kesimpulan",
    "progress_checking": "Memeriksa",
    # what --verbose and the progress line count and the stages they name (lkjip_xl.cli.progress)
    "progress_unit_forms": "formulir",
    "progress_unit_workbooks": "buku kerja",
    "stage_read_inputs": "Membaca dan memeriksa masukan",
    "stage_write_tables": "Menulis tabel",
    "stage_write_document": "Menyusun dokumen Word",
    "stage_write_pdf": "Mengubah dokumen ke PDF",
    "stage_write_consolidated": "Menghitung dan menulis buku kerja",
    "progress_reading": "Membaca formulir",
    "progress_writing": "Menulis buku kerja",
    # --- sheet names ---
    "sheet_form": "Formulir",
    "sheet_master_info": "Info",
    "sheet_master_pk": "PK",
    "sheet_master_guide": "Petunjuk",
    "sheet_capaian": "Capaian Kinerja",
    "sheet_monitoring": "Pemantauan",
    "sheet_summary": "Ringkasan",
    "sheet_sources": "Sumber",
    "sheet_data": "Data",
    "sheet_national": "Ringkasan Nasional",
    "sheet_matrix": "Tercapai per Divisi",
    "sheet_forms": "Daftar Formulir",
    "sheet_feedback": "Pemeriksaan",
    # the legend of the cell colours on forms and feedback copies (lkjip_xl.styles.LEGEND): colour, then meaning
    "legend_title": "Arti warna:",
    "legend_input": "Kuning muda: diisi",
    "legend_computed": "Hijau: dihitung otomatis",
    "legend_locked": "Abu-abu: terkunci / tidak perlu diisi",
    "legend_warning": "Jingga: peringatan, periksa",
    "legend_error": "Merah: kesalahan, perbaiki",
    "legend_below_target": "Huruf tebal merah: di bawah target",
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
    "sheet_budget_emonev": "e-Monev",
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
    "col_faktor_pendukung": "Faktor Pendukung",
    "col_faktor_penghambat": "Faktor Penghambat",
    "col_upaya": "Upaya / Rencana Tindak Lanjut",
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
    "col_gabungan_periode": "Gabungan Periode",
    "col_rincian": "Rincian",
    "col_gabungan_triwulan": "Gabungan Triwulan",
    "col_jenis_target": "Jenis Target",
    "col_revisi": "Revisi ke",
    "col_capaian_capped": "Capaian untuk Rata-rata",
    "col_tren": "Tren",
    "col_projection_realisasi": "Proyeksi (linier) Realisasi Akhir Tahun",
    "col_projection_capaian": "Proyeksi (linier) Capaian Akhir Tahun (%)",
    "monitor_block_arrival": "Penerimaan Formulir",
    "monitor_block_capaian": "Capaian per Periode",
    "monitor_block_signoff": "Pengesahan Formulir",
    # the sign-off block of a form (contract 1.2): its labels, read back by lkjip_xl.reader
    "signoff_prepared": "Disiapkan oleh",
    "signoff_approved": "Disetujui oleh",
    "signoff_name": "Nama",
    "signoff_nip": "NIP",
    "signoff_date": "Tanggal",
    "signoff_preparer": "pegawai yang menyusun formulir",
    "unit_index": "Indeks",
    #: Other spellings of a unit a master may use (lkjip_xl.units), separated by ";".
    "unit_aliases_percent": "persen; percent; prosen; persentase",
    "unit_aliases_index": "index; nilai indeks; poin indeks",
    "unit_aliases_rupiah": "rupiah; rp.; idr",
    "col_target_tahunan": "Target Tahunan",
    "target_kind_to_date": "s.d.",
    "target_kind_period": "per periode",
    "sheet_master_period_targets": "Target Periode",
    "sheet_master_units": "Satuan",
    "col_desimal": "Desimal",
    "info_capaian_decimals": "Desimal Capaian",
    "info_calendar": "Kalender Pelaporan",
    "info_light_green": "Ambang Hijau (%)",
    "info_light_yellow": "Ambang Kuning (%)",
    "info_mean_cap": "Batas Capaian untuk Rata-rata (%)",
    "col_boleh_negatif": "Boleh Negatif",
    "col_faktor_skala": "Faktor Skala Renstra",
    "col_petunjuk_perhitungan": "Petunjuk Perhitungan",
    "col_guide_column": "Kolom",
    "col_guide_meaning": "Arti",
    "col_skala_pk": "Skala PK",
    "col_skala_renstra": "Skala Renstra",
    "col_kumulatif": "Kumulatif",
    "col_sebelum": "Sebelum",
    "col_judul_tabel": "Judul Tabel",
    "col_nomor": "Nomor",
    "col_letak": "Letak",
    # --- the blank input templates (lkjip_xl.input_templates): --jenis names, file names, names ---
    "template_kind_master": "master",
    "template_kind_previous": "tahun-lalu",
    "template_kind_renstra": "renstra",
    "template_kind_budget": "anggaran",
    "template_kind_action_plan": "rencana-aksi",
    "template_kind_supporting": "pendukung",
    "template_kind_all": "semua",
    "template_file_previous": "Template_Capaian_Tahun_Lalu.xlsx",
    "template_file_renstra": "Template_Renstra.xlsx",
    "template_file_budget": "Template_Anggaran.xlsx",
    "template_file_action_plan": "Template_Rencana_Aksi.xlsx",
    "template_file_supporting": "Template_Tabel_Pendukung.xlsx",
    "template_name_master": "Master PK",
    "template_name_previous": "Capaian Tahun Lalu",
    "template_name_renstra": "Target Renstra",
    "template_name_budget": "Anggaran",
    "template_name_action_plan": "Rencana Aksi",
    "template_name_supporting": "Tabel Pendukung",
    "template_years_label": "Tahun rencana",
    # --- words inside problem messages: what is hidden ({where} of value_hidden, note_hidden), a stamp field ---
    "hidden_sheet": "sheet",
    "hidden_row": "baris",
    "hidden_column": "kolom",
    "field_divisi_order": "Daftar Divisi",
    #: The words of the organisation as the catalogue writes them: every text above says "Kantor Wilayah",
    #: "Kanwil", "Divisi" and "Kepala Kantor Wilayah"; a master declaring its own words (lkjip_xl.words:
    #: sheet Info › Sebutan ...) has them replaced, whole words only, wherever a text is used.
    "word_office": "Kantor Wilayah",
    "word_office_short": "Kanwil",
    "word_unit": "Divisi",
    "word_head": "Kepala Kantor Wilayah",
    #: "Wilayah" alone is the whole office ("NILAI SMART WILAYAH"): said as the organisation's short word.
    "word_region": "Wilayah",
    "info_name": "Nama Instansi",
    "info_office": "Sebutan Instansi",
    "info_office_short": "Sebutan Singkat",
    "info_unit": "Sebutan Unit Kerja",
    "info_head": "Sebutan Pimpinan",
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
    "form_text_error_title": "Teks terlalu panjang",
    # --- report tables (lkjip_xl.tables) ---
    "pk": "PK",
    "renstra": "Renstra",
    "supporting_end": "AKHIR",
    "toc_supporting": "disusun sendiri",
    "toc_unnumbered": "tanpa nomor",
    #: What the periods of a calendar are called in a title ("Capaian Kinerja per Triwulan"), by calendar name.
    "calendar_word_triwulan": "Triwulan",
    "calendar_word_semester": "Semester",
    "calendar_word_bulanan": "Bulan",
    "kind_target": "Perbandingan Target dan Realisasi",
    "kind_perbandingan": "Perbandingan Realisasi dan Capaian Kinerja",
    "kind_renstra": "Target Jangka Menengah",
    # the headings of the staff's texts in Chapter III (lkjip_xl.chapter.narrative)
    "narrative_faktor_pendukung": "Faktor pendukung",
    "narrative_faktor_penghambat": "Faktor penghambat",
    "narrative_upaya": "Upaya dan rencana tindak lanjut",
    # --- the action plan of the Target Kinerja (lkjip_xl.tables.action_plan) ---
    "sheet_action_plan": "Rencana Aksi",
    "col_target_kinerja": "Target Kinerja",
    "col_unit": "Unit",
    "col_capaian_periode": "Capaian Periode",
    "col_unit_action_plan": "Kepala Kantor Wilayah/Divisi",
    "action_plan_head_kanwil": "Kepala Kantor Wilayah",
    # --- the charts of Chapter III (lkjip_xl.chapter.charts) ---
    "chart_status_title": "IKK Tercapai dan Tidak Tercapai per Divisi",
    "chart_series_capaian": "Capaian",
    "chart_axis_capaian": "Capaian (%)",
    "chart_axis_count": "Jumlah IKK",
    "chart_axis_mean": "Rata-rata capaian (%)",
    "chart_office_total": "Seluruh Kanwil",
    "chart_no_capaian": "Belum ada capaian",
    "chart_year_previous": "Tahun Sebelumnya",
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
    "budget_col_uraian": "Uraian",
    "budget_col_tingkat": "Tingkat",
    "budget_col_kode_sk": "Kode SK",
    "budget_level_satker": "Satuan Kerja",
    "budget_level_satker_short": "Satker",
    "budget_level_program": "Program",
    "budget_level_kegiatan": "Kegiatan",
    "budget_level_sub_kegiatan": "Sub Kegiatan",
    "budget_absent_smart": "tabel Nilai SMART DJA",
    "budget_absent_ikpa": "tabel Nilai IKPA",
    "budget_absent_emonev": "tabel Capaian Realisasi Anggaran pada e-Monev Bappenas",
    "budget_head_program": "PROGRAM",
    "budget_head_kegiatan": "KEGIATAN",
    "budget_head_sub_kegiatan": "SUB KEGIATAN",
    "sheet_budget_efisiensi": "Efisiensi Anggaran",
    "budget_head_uraian_efisiensi": "SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN",
    "budget_head_anggaran": "ANGGARAN (Rp)",
    "budget_head_realisasi_anggaran": "REALISASI ANGGARAN (Rp)",
    "budget_head_penyerapan": "PENYERAPAN (%)",
    "budget_head_capaian_ikk": "CAPAIAN IKK (%)",
    "budget_head_capaian_sk": "RATA-RATA CAPAIAN SK (%)",
    "budget_head_indeks_efisiensi": "INDEKS EFISIENSI",
    "budget_no_data": "data tidak tersedia",
    #: Satker names (any case) that mark a total or mean row copied from a report, separated by ";".
    "budget_summary_rows": "total;jumlah;rata-rata;rerata;nilai smart wilayah;nilai ikpa wilayah;nilai e-monev",
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
    "budget_head_pelaporan": "PELAPORAN DATA",
    "budget_head_nilai_emonev": "NILAI e-MONEV",
    "budget_component_smart": "Nilai Kinerja pada Aplikasi SMART DJA",
    "budget_component_ikpa": "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)",
    "chapter_title": "BAB III AKUNTABILITAS KINERJA",
    "chapter_list_tables": "DAFTAR TABEL",
    "chapter_list_figures": "DAFTAR GAMBAR",
    "chapter_section_capaian": "Capaian Kinerja Organisasi",
    "chapter_section_anggaran": "Realisasi Anggaran",
    "chapter_section_rencana": "Capaian Target Kinerja",
    "chapter_section_emonev": "Capaian Realisasi Anggaran pada e-Monev",
    "chapter_word_table": "Tabel",
    "chapter_word_figure": "Gambar",
    "chapter_style_draft": "Narasi Draf",
    "chapter_style_note": "Catatan Tabel",
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

    The catalogue's text is said in the active words (:func:`use_words`) before the fields
    are filled in; the fields themselves (names, paths, values) are never rewritten.  Every
    field goes through :func:`visible`: a value typed by a user (a cell, a name, a file
    name) is echoed with its control characters shown, never obeyed.
    """
    return translated(MESSAGES[message_code], template=True).format(
        **{name: visible(value) for name, value in fields.items()})


def label(label_code: str, /) -> str:
    """``LABELS[label_code]`` in the active words (:func:`use_words`): "Divisi" → "Bidang"."""
    return translated(LABELS[label_code])


#: The words of the organisation a run writes for (:class:`lkjip_xl.words.Words`); ``None``: the catalogue's.
_ACTIVE_WORDS: ContextVar[Words | None] = ContextVar("lkjip_xl_words", default=None)


@contextmanager
def use_words(words: Words | None) -> Iterator[None]:
    """Say every catalogue text in ``words`` inside the ``with`` block (``None`` or the default
    words: the catalogue's own, byte for byte).  Nested blocks and threads each see their own."""
    token = _ACTIVE_WORDS.set(None if words is None or words.is_default else words)
    try:
        yield
    finally:
        _ACTIVE_WORDS.reset(token)


def active_words() -> Words | None:
    """The words :func:`use_words` set (``None``: the catalogue's own)."""
    return _ACTIVE_WORDS.get()


def translated(text: str, words: Words | None = None, template: bool = False) -> str:
    """A catalogue ``text`` in ``words`` (default: the active words): each catalogue word of the
    organisation ("Kepala Kantor Wilayah", "Kantor Wilayah", "Kanwil", "Divisi", "Wilayah"; longest first)
    replaced by the organisation's own, whole words only ("Divisinya" and "Divisi_1" too), keeping
    upper or lower case.  Only for texts of this catalogue, never for data a user typed.  ``template``: ``text``
    still has its ``{fields}``, which are left alone (and braces in a word are escaped)."""
    if words is None:
        words = _ACTIVE_WORDS.get()
    if words is None or words.is_default:
        return text
    return _translate(words, text, template)


@lru_cache(maxsize=4096)
def _translate(words: Words, text: str, template: bool) -> str:
    pattern, own = _replacement(words)

    def replace(match: re.Match[str]) -> str:
        found = match.group("word")
        if found is None:  # a {field}
            return match.group(0)
        word = own[found.casefold()]
        word = word.upper() if found.isupper() else word.lower() if found.islower() else word
        return word.replace("{", "{{").replace("}", "}}") if template else word

    return pattern.sub(replace, text)


@lru_cache(maxsize=64)
def _replacement(words: Words) -> tuple[re.Pattern[str], dict[str, str]]:
    """The compiled replacement of ``words``: (pattern, catalogue word case-folded → own word)."""
    pairs = sorted(words.replacements(), key=lambda pair: -len(pair[0]))
    alternatives = "|".join(re.escape(default) for default, _ in pairs) or "(?!)"
    pattern = re.compile(r"\{[^{}]*\}|(?<![^\W_])(?P<word>" + alternatives + r")(?=(?:nya)?(?![^\W_]))",
                         re.IGNORECASE)
    return pattern, {default.casefold(): own for default, own in pairs}


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
