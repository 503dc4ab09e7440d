"""The command line: the only module importing click, one JSON document, one exception base, one exit-code map."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import lkjip_xl
from lkjip_xl import cli as cli_module
from lkjip_xl.cli import EXIT_CODES, EXIT_UNEXPECTED, cli
from lkjip_xl.errors import KINDS, LkjipError
from lkjip_xl.messages import msg

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FORMS = SAMPLES / "formulir"
MASTER = SAMPLES / "master_pk_2023.xlsx"
PREVIOUS = SAMPLES / "capaian_2022.xlsx"
RENSTRA = SAMPLES / "renstra_2020_2024.xlsx"
ANGGARAN = SAMPLES / "anggaran_2023.xlsx"
SUPPORTING = SAMPLES / "tabel_pendukung_2023.xlsx"

#: Exceptions that never leave the library: raised and caught inside the number parser, the sheet scan and
#: the reading of xlwings' VBA project (an unusable one is xlwings_quickstart_missing).
INTERNAL_EXCEPTIONS = {"lkjip_xl.numbers.NumberParseError", "lkjip_xl.sheets._BadTag",
                       "lkjip_xl.control.compound.CompoundError"}


def library_modules() -> list[str]:
    """Every module of the package (subpackages included) except the command line."""
    names = [info.name for info in pkgutil.walk_packages(lkjip_xl.__path__, "lkjip_xl.")]
    return sorted(name for name in names
                  if name != "lkjip_xl.cli" and not name.startswith("lkjip_xl.cli.") and not name.endswith("__main__"))


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output + result.stderr
    return result


def document(result, command: str) -> dict:
    """The whole of stdout is one JSON document describing the run."""
    doc = json.loads(result.stdout)
    assert doc["command"] == command
    assert doc["exit_code"] == result.exit_code
    assert doc["errors"] == sum(p["severity"] == "error" for p in doc["problems"])
    assert doc["valid"] == (doc["errors"] == 0)
    for path in doc["outputs"]:
        assert Path(path).exists(), path
    return doc


# --------------------------------------------------------------------------- click stays in the command line


@pytest.mark.parametrize("module", library_modules())
def test_library_module_imports_without_click(module):
    code = f"import {module}, sys; assert 'click' not in sys.modules, 'click imported'"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr


# --------------------------------------------------------------------------- one exception base


def test_every_library_exception_is_an_lkjip_error_with_a_known_kind():
    found = {}
    for module in [lkjip_xl.__name__, *library_modules()]:
        for _, value in inspect.getmembers(importlib.import_module(module), inspect.isclass):
            if issubclass(value, BaseException) and value.__module__.startswith("lkjip_xl"):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    assert "lkjip_xl.master.MasterError" in found and "lkjip_xl.guard.OutputError" in found
    for name, value in found.items():
        if name in INTERNAL_EXCEPTIONS:
            assert not issubclass(value, LkjipError), name
            continue
        assert issubclass(value, LkjipError), name
        assert value.kind in KINDS, name
    assert set(EXIT_CODES) == set(KINDS)


# --------------------------------------------------------------------------- --json: exactly one document


@pytest.fixture(scope="module")
def consolidated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("konsolidasi") / "konsolidasi_2023.xlsx"
    assert run("consolidate", FORMS, "--out", out, "--master", MASTER).exit_code == 0
    return out


def test_every_command_prints_one_json_document_on_the_samples(tmp_path, consolidated):
    doc = document(run("template", "--json", "--out", tmp_path / "templat.xlsx"), "template")
    assert doc["outputs"] == [str(tmp_path / "templat.xlsx")] and doc["error"] is None

    result = run("forms", "--json", MASTER, "--out-dir", tmp_path / "formulir")
    doc = document(result, "forms")
    assert result.exit_code == 0 and len(doc["outputs"]) == 4

    result = run("validate", "--json", FORMS, "--master", MASTER)
    doc = document(result, "validate")
    assert result.exit_code == 0 and doc["warnings"] > 0 and doc["outputs"] == []

    result = run("consolidate", "--json", FORMS, "--master", MASTER, "--out", tmp_path / "k.xlsx",
                 "--feedback-dir", tmp_path / "umpan")
    doc = document(result, "consolidate")
    assert result.exit_code == 0
    assert doc["outputs"][0] == str(tmp_path / "k.xlsx")
    summary = doc["summary"]
    assert summary["headline"] == msg("headline", tercapai=summary["tercapai"], total=summary["total"])
    assert summary["total"] == 60 and [group["name"] for group in summary["groups"]][0] == "Administrasi"
    assert sorted(doc["outputs"][1:]) == sorted(doc["feedback"].values())
    assert msg("consolidated_written", path=tmp_path / "k.xlsx") not in result.output  # human lines left out

    result = run("tables", "--json", consolidated, "--master", MASTER, "--previous", PREVIOUS, "--renstra", RENSTRA,
                 "--anggaran", ANGGARAN, "--supporting", SUPPORTING, "--out", tmp_path / "tabel.xlsx")
    doc = document(result, "tables")
    assert result.exit_code == 0 and doc["outputs"] == [str(tmp_path / "tabel.xlsx")]
    assert doc["tables"][0]["label"] == "Tabel 3.1"

    result = run("button", "--json", "--out", tmp_path / "kendali.xlsm")
    doc = document(result, "button")
    if importlib.util.find_spec("xlwings") is not None:
        assert result.exit_code == 0 and doc["outputs"] == [str(tmp_path / "kendali.xlsm")]
    else:
        assert result.exit_code == 2 and doc["error"]["kind"] == "setup"


def test_every_command_prints_one_json_document_when_it_fails(tmp_path, consolidated):
    broken = tmp_path / "master.xlsx"
    broken.write_text("bukan buku kerja", encoding="utf-8")
    (tmp_path / "ada.xlsx").write_bytes(b"jangan ditimpa")
    (tmp_path / "kosong.xlsx").write_bytes(b"")
    cases = {
        "template": (["--out", tmp_path / "ada.xlsx"], 2, "output"),
        "forms": ([broken, "--out-dir", tmp_path / "formulir"], 2, "master"),
        "validate": ([FORMS, tmp_path / "kosong.xlsx"], 1, None),
        "consolidate": ([FORMS, tmp_path / "kosong.xlsx", "--out", tmp_path / "k.xlsx"], 1, None),
        "tables": ([consolidated, "--master", broken, "--previous", PREVIOUS, "--renstra", RENSTRA,
                    "--out", tmp_path / "tabel.xlsx"], 2, "master"),
        "button": (["--out", tmp_path / "kendali.xlsx"], 2, "output"),
    }
    for command, (args, code, kind) in cases.items():
        result = run(command, "--json", *args)
        assert result.exit_code == code, (command, result.output)
        doc = document(result, command)
        assert doc["errors"] >= 1 and doc["outputs"] == [], command
        assert (doc["error"] or {}).get("kind") == kind, command
    assert (tmp_path / "ada.xlsx").read_bytes() == b"jangan ditimpa"


def test_json_from_a_real_process_is_the_whole_stdout(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "lkjip_xl.cli", "consolidate", "--json", str(FORMS), str(tmp_path / "kosong.xlsx"),
         "--out", str(tmp_path / "k.xlsx")],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 1
    doc = json.loads(done.stdout)
    assert doc["refused"] and doc["summary"] is None and doc["error"] is None
    assert msg("form_refused", path=tmp_path / "kosong.xlsx") in done.stderr  # people still read why on stderr
    assert "Traceback" not in done.stderr


# --------------------------------------------------------------------------- exit codes


def test_a_master_error_exits_2_in_every_command(tmp_path, consolidated):
    broken = tmp_path / "master.xlsx"
    broken.write_text("bukan buku kerja", encoding="utf-8")
    commands = {
        "forms": ["forms", broken, "--out-dir", tmp_path / "formulir"],
        "validate": ["validate", FORMS, "--master", broken],
        "consolidate": ["consolidate", FORMS, "--master", broken, "--out", tmp_path / "k.xlsx"],
        "tables": ["tables", consolidated, "--master", broken, "--previous", PREVIOUS, "--renstra", RENSTRA,
                   "--out", tmp_path / "tabel.xlsx"],
    }
    for name, args in commands.items():
        result = run(*args)
        assert result.exit_code == EXIT_CODES["master"] == 2, (name, result.output)
        assert result.stdout == ""
        assert result.stderr.startswith(f"KESALAHAN  [file_not_xlsx] Berkas {broken} "), (name, result.stderr)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["master.xlsx"], name


def test_options_that_exclude_each_other_are_a_usage_error(tmp_path):
    result = run("consolidate", "--json", FORMS)
    assert result.exit_code == EXIT_CODES["usage"] == 2
    assert document(result, "consolidate")["error"]["code"] == "consolidate_out_choice"


def test_an_unexpected_exception_is_an_indonesian_sentence_and_exit_3():
    def broken(run, **options):
        raise RuntimeError("rusak")

    command = click.Command("rusak", callback=cli_module.runner("rusak", broken),
                            params=[click.Option(["--json", "as_json"], is_flag=True)])
    expected = msg("command_unexpected", command="rusak", detail="RuntimeError: rusak")
    result = CliRunner().invoke(command, [])
    assert result.exit_code == EXIT_UNEXPECTED == 3
    assert expected in result.stderr and "Traceback" not in result.output
    result = CliRunner().invoke(command, ["--json"])
    assert result.exit_code == 3
    doc = json.loads(result.stdout)
    assert doc["error"]["kind"] == "unexpected" and doc["problems"][0]["message"] == expected
