"""The command line speaks Indonesian (issue #15 item 7).

- no English word of click reaches the user: every help page (top level, each command under each of its
  names, ``-h`` and ``--help``) and the usage errors of the sample workflow are scanned for click's words;
- the Indonesian aliases work wherever the names do, and help and errors name what the user typed;
- the top-level help lists the commands in the order of the work, each on one untruncated line;
- every help ends with a "Contoh:" block, and every example in it runs on the samples, for real.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MASTER = "samples/master_pk_2023.xlsx"
#: The commands in the order of the work, and the Indonesian name of each.
WORKFLOW = ["template", "forms", "validate", "consolidate", "tables", "laporan", "button"]
ALIASES = {"template": "templat", "forms": "formulir", "validate": "periksa", "consolidate": "konsolidasi",
           "tables": "tabel", "button": "tombol"}
NAMES = [*WORKFLOW, *ALIASES.values()]
#: click's own English, any case.
ENGLISH = ("Usage", "Options", "Show this message", "Show the version", "Error:", "Missing", "required",
           "Did you mean", "Invalid value", "No such", "Try '", "for help", "default", "Got unexpected extra",
           "Commands", "Aborted", "Choose from", "is not one of", "is not in the range", "is not a valid",
           "does not take a value", "requires an argument", "Positional arguments", "version 0")
#: click's English metavars, as whole upper-case words.
METAVARS = re.compile(r"\b(TEXT|INTEGER|PATH|FILE|FILES|DIRECTORY|SOURCE|OPTIONS|COMMAND|ARGS|RANGE|CHOICE)\b")
#: The console script of this environment, else the module.
SCRIPT = Path(sys.executable).parent / "lkjip-xl"
LKJIP = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "lkjip_xl.cli"]


def english(text: str) -> list[str]:
    """click's English words in ``text``; the problem codes in brackets ([cli_missing_option]) are names."""
    text = re.sub(r"\[[a-z0-9_]+\]", "", text)
    found = [word for word in ENGLISH if word.casefold() in text.casefold()]
    return found + METAVARS.findall(text)


def invoke(*args: str):
    result = CliRunner().invoke(cli, list(args), prog_name="lkjip-xl")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output + result.stderr
    return result


def help_pages() -> list[list[str]]:
    pages = [["-h"], ["--help"]]
    for name in NAMES:
        pages += [[name, "-h"], [name, "--help"]]
    return pages


def sections(text: str) -> dict[str, list[str]]:
    """The lines under each heading ("Opsi:", "Contoh:") of a help page."""
    found: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line and not line.startswith(" ") and line.endswith(":"):
            current = line[:-1]
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return found


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("args", help_pages(), ids=" ".join)
def test_every_help_page_is_indonesian(args):
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert english(text) == [], (args, english(text))
    typed = args[0] if len(args) == 2 else ""
    assert text.startswith(f"Penggunaan: lkjip-xl {typed}".rstrip() + " [OPSI]")
    parts = sections(text)
    assert "-h, --help  " in "\n".join(parts["Opsi"])
    assert list(parts)[-1] == "Contoh", "the help ends with its examples"
    assert any(line.strip().startswith("lkjip-xl ") for line in parts["Contoh"])
    assert all(len(line) <= 78 for line in text.splitlines() if line in parts["Contoh"]), "examples fit 78 columns"
    assert invoke(*args[:-1], "-h" if args[-1] == "--help" else "--help").stdout == text  # -h is --help


def test_lkjip_xl_alone_shows_the_help_and_exits_2():
    result = invoke()
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("Penggunaan: lkjip-xl [OPSI] PERINTAH") and english(result.stderr) == []


def test_the_help_of_an_alias_names_the_alias_and_the_other_name():
    for name, alias in ALIASES.items():
        text = invoke(alias, "-h").stdout
        assert text.startswith(f"Penggunaan: lkjip-xl {alias} [OPSI]")
        assert f"Nama lain perintah ini: {name}." in text
        assert f"Nama lain perintah ini: {alias}." in invoke(name, "-h").stdout


def test_the_top_level_help_lists_the_commands_in_the_order_of_the_work_untruncated():
    rows = sections(invoke("-h").stdout)["Perintah (urutan kerja)"]
    rows = [row for row in rows if row.strip()]
    assert len(rows) == len(WORKFLOW)  # one line each: nothing wrapped
    for row, name in zip(rows, WORKFLOW, strict=True):
        names = ", ".join([ALIASES[name], name]) if name in ALIASES else name
        assert row.startswith(f"  {names}  "), row
        assert row.endswith(cli.commands[name].short_help), (row, "the whole short help, untruncated")
        assert "..." not in row


def test_the_options_say_required_default_range_and_choices_in_indonesian():
    options = "\n".join(sections(invoke("tabel", "-h").stdout)["Opsi"])
    assert "--master BERKAS" in options and "[wajib]" in options
    assert "--start BILANGAN" in options and "[bawaan: 1; paling kecil 1]" in options
    options = " ".join(" ".join(sections(invoke("formulir", "-h").stdout)["Opsi"]).split())
    assert "--periode PERIODE" in options and "bawaan: Tahunan; pilihan: Tahunan, Triwulan I, Triwulan II" in options
    assert "lkjip-xl versi " in invoke("--version").stdout


# --------------------------------------------------------------------------- usage errors

#: (arguments, problem code, the typed command the usage line names): the mistakes of the sample workflow.
MISTAKES = [
    (["periksa"], "cli_missing_argument", "periksa"),
    (["tables"], "cli_missing_argument", "tables"),
    (["tabel", "samples/formulir"], "cli_missing_option", "tabel"),
    (["formulir", MASTER], "cli_missing_option", "formulir"),
    (["tombol"], "cli_missing_option", "tombol"),
    (["konsolidasi", "samples/formulir", "--ot", "k.xlsx"], "cli_no_such_option_suggest", "konsolidasi"),
    (["tabel", "samples/formulir", "--strat", "2"], "cli_no_such_option_suggest", "tabel"),
    (["periksa", "samples/formulir", "-x"], "cli_no_such_option", "periksa"),
    (["--versi"], "cli_no_such_option_suggest", ""),
    (["tabl"], "cli_no_such_command_suggest", ""),
    (["zzz"], "cli_no_such_command", ""),
    (["templat", "--jenis", "semuanya"], "cli_bad_choice", "templat"),
    (["formulir", MASTER, "--out-dir", "f", "--periode", "Triwulan V"], "cli_bad_choice", "formulir"),
    (["tabel", "k.xlsx", "--master", MASTER, "--out", "t.xlsx", "--start", "0"], "cli_integer_too_small", "tabel"),
    (["tabel", "k.xlsx", "--master", MASTER, "--out", "t.xlsx", "--start", "dua"], "cli_not_integer", "tabel"),
    (["konsolidasi", "samples/formulir", "--out"], "cli_option_needs_value", "konsolidasi"),
    (["tombol", "--out", "k.xlsm", "--force=ya"], "cli_flag_value", "tombol"),
    (["tombol", "--out", "k.xlsm", "lebih"], "cli_extra_arguments", "tombol"),
    (["--"], "cli_unclear", ""),
]


@pytest.mark.parametrize("args, code, typed", MISTAKES, ids=lambda value: " ".join(value) if isinstance(value, list)
                         else None)
def test_every_usage_error_is_indonesian_on_stderr_with_exit_code_2(args, code, typed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLES, tmp_path / "samples")
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert english(result.stderr) == [], (args, result.stderr)
    assert result.stderr.startswith(f"Penggunaan: lkjip-xl {typed}".rstrip() + " [OPSI]"), result.stderr
    assert f"KESALAHAN  [{code}] " in result.stderr
    assert f"Bantuan: lkjip-xl {typed}".rstrip() + " -h" in result.stderr  # what to do: the help of that command
    assert sorted(path.name for path in tmp_path.iterdir()) == ["samples"], "nothing written"


def test_the_suggestions_name_what_the_user_probably_meant():
    assert "Maksud Anda: --start, " in invoke("tabel", "x", "--starts", "2").stderr  # the closest first
    assert "Maksud Anda: tabel, tables" in invoke("tabl").stderr
    assert "Maksud Anda: konsolidasi, consolidate?" in invoke("konsolidasii").stderr
    listed = invoke("zzz").stderr
    assert "Perintah yang ada: templat, formulir, periksa, konsolidasi, tabel, laporan, tombol." in listed


def test_a_bad_path_is_said_in_indonesian(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["periksa", "tidak_ada/"], ["konsolidasi", "tidak_ada.xlsx", "--out", "k.xlsx"],
                 ["tabel", "tidak_ada.xlsx", "--master", "tidak_ada_juga.xlsx", "--out", "t.xlsx"]):
        result = invoke(*args)
        assert result.exit_code in (1, 2), result.output
        assert "KESALAHAN" in result.output and english(result.output + result.stderr) == [], result.output


@pytest.mark.parametrize("args, code, command", [
    (["tabel", "--json"], "cli_missing_argument", "tables"),
    (["konsolidasi", "samples/formulir", "--json", "--ot", "k.xlsx"], "cli_no_such_option_suggest", "consolidate"),
    (["templat", "--jenis", "x", "--json"], "cli_bad_choice", "template"),
    (["tombol", "--json", "--out", "k.xlsm", "lebih"], "cli_extra_arguments", "button"),
    (["tabl", "--json"], "cli_no_such_command_suggest", ""),
])
def test_a_usage_error_with_json_is_one_json_document(args, code, command):
    result = invoke(*args)
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["command"] == command and doc["exit_code"] == 2 and doc["valid"] is False and doc["outputs"] == []
    assert doc["error"]["kind"] == "usage" and doc["error"]["code"] == code
    assert [problem["code"] for problem in doc["problems"]] == [code]
    assert english(doc["error"]["message"]) == []


def test_an_alias_runs_the_command_and_reports_its_name(tmp_path):
    result = invoke("periksa", "--json", str(SAMPLES / "formulir"), "--master", str(SAMPLES / "master_pk_2023.xlsx"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["command"] == "validate"  # programs read one name, whatever was typed


# --------------------------------------------------------------------------- the examples run


def examples(help_text: str) -> list[str]:
    """The commands of the "Contoh:" block of a help page, continuation lines joined."""
    commands: list[str] = []
    pending = ""
    for line in sections(help_text)["Contoh"]:
        line = (pending + " " + line.strip()) if pending else line.strip()
        if line.endswith("\\"):
            pending = line[:-1].strip()
            continue
        pending = ""
        if line and not line.startswith("#"):
            assert line.startswith("lkjip-xl "), line
            commands.append(line)
    return commands


def test_every_example_of_every_help_runs_on_the_samples(tmp_path):
    work = tmp_path / "lkjip-xl"
    shutil.copytree(SAMPLES, work / "samples", ignore=shutil.ignore_patterns("__pycache__"))
    before = {path: path.read_bytes() for path in (work / "samples").rglob("*") if path.is_file()}
    run = [examples(invoke("-h").stdout)] + [examples(invoke(name, "-h").stdout) for name in WORKFLOW]
    assert all(run), "every help has an example"
    for commands in run:
        for command in commands:
            args = shlex.split(command)[1:]
            done = subprocess.run([*LKJIP, *args], cwd=work, capture_output=True, text=True, timeout=600)
            assert "Traceback" not in done.stderr, command
            if args[0] == "tombol" and importlib.util.find_spec("xlwings") is None:
                assert done.returncode == 2 and "xlwings" in done.stderr, command  # the documented refusal
                continue
            assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
    assert (work / "kerja" / "konsolidasi.xlsx").is_file() and (work / "kerja" / "Bab_III_2023.docx").is_file()
    assert {path: path.read_bytes() for path in before} == before, "the samples are never modified"
