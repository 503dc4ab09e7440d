"""The committed sample inputs of 2023, named once for every test that runs the report tables on them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MASTER = SAMPLES / "master_pk_2023.xlsx"
PREVIOUS = SAMPLES / "capaian_2022.xlsx"
RENSTRA = SAMPLES / "renstra_2020_2024.xlsx"
ANGGARAN = SAMPLES / "anggaran_2023.xlsx"
SUPPORTING = SAMPLES / "tabel_pendukung_2023.xlsx"
RENCANA_AKSI = SAMPLES / "rencana_aksi_2023.xlsx"
