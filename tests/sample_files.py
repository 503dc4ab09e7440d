"""The committed sample inputs of 2023, named once for every test that runs the report tables on them, and
the ways the tests load a sample build script and run ``lkjip-xl tables``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from click.testing import CliRunner, Result

from lkjip_xl.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MASTER = SAMPLES / "master_pk_2023.xlsx"
PREVIOUS = SAMPLES / "capaian_2022.xlsx"
RENSTRA = SAMPLES / "renstra_2020_2024.xlsx"
ANGGARAN = SAMPLES / "anggaran_2023.xlsx"
SUPPORTING = SAMPLES / "tabel_pendukung_2023.xlsx"
RENCANA_AKSI = SAMPLES / "rencana_aksi_2023.xlsx"


def sample_script(name: str) -> ModuleType:
    """The build script ``samples/<name>.py`` as a module (its ``build(out_dir)`` and its input readers)."""
    spec = importlib.util.spec_from_file_location(name, SAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_tables(*args: object) -> Result:
    """``lkjip-xl tables`` with ``args`` through the real command line."""
    return CliRunner().invoke(cli, ["tables", *(str(a) for a in args)])
