"""The documentation runs as written.

- README.md's walk-through (the ```bash block under "## Walk-through") runs top
  to bottom in a fresh copy of the repository;
- README.md's Python API example (the ```python block under "## Python API")
  runs in a fresh copy;
- every ``lkjip-xl`` command in a code block of README.md and docs/*.md runs
  in a fresh copy, block after block of a document in order, and exits 0.  A
  block that cannot run here says so in the document, on the line before it:
  ``<!-- not run: the reason -->``.  Only the ``lkjip-xl`` lines of a block run
  (a Windows ``cd C:\\...`` beside one does not).

The commands run the real ``lkjip-xl`` console script of this environment in a
subprocess, through bash (the blocks use comments and redirections).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]
#: The console script ``pip install`` put beside this interpreter.
SCRIPTS = Path(sys.executable).parent
LKJIP = "lkjip-xl"
NOT_RUN = re.compile(r"^<!--\s*not run:\s*(?P<reason>.*?)\s*-->$")
FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>[\w-]*)\s*$")
#: Not part of a fresh copy of the repository.
IGNORED = shutil.ignore_patterns(".git", ".venv*", "__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache",
                                 ".ruff_cache", "*.egg-info", "build", "dist", "out", "kerja", "kerja_api")


@dataclass
class Block:
    doc: Path
    line: int  #: 1-based line of the opening fence
    section: str  #: the "## " heading above it
    lang: str
    text: str
    not_run: str | None  #: the reason given in the document, when it is not run

    @property
    def commands(self) -> list[str]:
        """The ``lkjip-xl`` commands of the block, continuation lines joined."""
        commands: list[str] = []
        pending = ""
        for line in self.text.splitlines():
            line = (pending + " " + line.strip()) if pending else line.strip()
            if line.endswith("\\"):
                pending = line[:-1].strip()
                continue
            pending = ""
            if line.startswith(LKJIP + " "):
                commands.append(line)
        return commands


def blocks(doc: Path) -> list[Block]:
    found: list[Block] = []
    section = ""
    previous = ""
    lines = doc.read_text(encoding="utf-8").splitlines()
    n = 0
    while n < len(lines):
        line = lines[n]
        if line.startswith("## "):
            section = line[3:].strip()
        fence = FENCE.match(line)
        if fence is None:
            if line.strip():
                previous = line.strip()
            n += 1
            continue
        indent = len(fence["indent"])
        end = next(k for k in range(n + 1, len(lines)) if lines[k].strip() == "```")
        text = "\n".join(body[min(indent, len(body) - len(body.lstrip())):] for body in lines[n + 1:end])
        marker = NOT_RUN.match(previous)
        found.append(Block(doc, n + 1, section, fence["lang"], text, marker["reason"] if marker else None))
        previous = ""
        n = end + 1
    return found


def readme_block(section: str, lang: str) -> Block:
    (block,) = [b for b in blocks(README) if b.section == section and b.lang == lang]
    return block


def fresh_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "lkjip-xl"
    shutil.copytree(ROOT, copy, ignore=IGNORED, symlinks=True)
    return copy


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{SCRIPTS}{os.pathsep}{env.get('PATH', '')}"
    assert shutil.which(LKJIP, path=env["PATH"]) == str(SCRIPTS / LKJIP), "install the package: pip install -e ."
    return env


def bash(script: str, cwd: Path) -> subprocess.CompletedProcess:
    """``script`` run by bash with -e -u -o pipefail: the first failing command fails it."""
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=environment(),
                          capture_output=True, text=True, timeout=600)


def test_the_walk_through_runs_top_to_bottom_in_a_fresh_copy(tmp_path):
    copy = fresh_copy(tmp_path)
    block = readme_block("Walk-through", "bash")
    assert block.commands[0].startswith("lkjip-xl template")
    done = bash(block.text, copy)
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    assert done.stdout.count("54 dari 60 IKK tercapai.") == 2  # the year, and the four quarters rolled up
    assert "46 dari 60 IKK tercapai (s.d. Triwulan II Tahun 2023)." in done.stdout
    kerja = copy / "kerja"
    assert len(list((kerja / "tw3").glob("*_Triwulan_III.xlsx"))) == 4
    assert (kerja / "master_pk.xlsx").is_file() and (kerja / "konsolidasi.xlsx").is_file()
    assert len(list((kerja / "formulir").glob("*.xlsx"))) == 4
    assert json.loads((kerja / "pemeriksaan.json").read_text(encoding="utf-8"))


def test_the_python_api_example_runs_in_a_fresh_copy(tmp_path):
    copy = fresh_copy(tmp_path)
    example = copy / "contoh_api.py"
    example.write_text(readme_block("Python API", "python").text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", str(example)], cwd=copy,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    assert "output_exists Berkas keluaran" in done.stdout  # the refusal the example shows
    assert (copy / "kerja_api" / "tabel_bab3.xlsx").is_file()


def documented_commands() -> dict[Path, list[Block]]:
    runnable: dict[Path, list[Block]] = {}
    for doc in DOCS:
        for block in blocks(doc):
            if doc == README and block.section == "Walk-through":
                continue  # run as one script above
            if block.commands and block.not_run is None:
                runnable.setdefault(doc, []).append(block)
    return runnable


def test_every_block_not_run_says_why_and_the_commands_cover_every_command():
    every = [block for doc in DOCS for block in blocks(doc)]
    for block in every:
        if block.not_run is not None:
            assert len(block.not_run) >= 10, f"{block.doc.name}:{block.line}: say why the block is not run"
    run = {command.split()[1] for blocks_ in documented_commands().values() for b in blocks_ for command in b.commands}
    walk = {command.split()[1] for command in readme_block("Walk-through", "bash").commands}
    assert run | walk >= {"template", "forms", "validate", "consolidate", "tables", "button"}


@pytest.mark.parametrize("doc", sorted(documented_commands()), ids=lambda doc: doc.name)
def test_every_documented_command_runs(doc, tmp_path):
    pytest.importorskip("xlwings")  # `lkjip-xl button` needs the excel extra (part of the test extra)
    copy = fresh_copy(tmp_path)
    for block in documented_commands()[doc]:
        for command in block.commands:
            done = bash(command, copy)
            assert done.returncode == 0, (f"{doc.name}:{block.line}: {command}", done.stdout[-2000:],
                                          done.stderr[-2000:])
