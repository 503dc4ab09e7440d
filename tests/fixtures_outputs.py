"""A generated corpus of outputs that must be refused or written safely, built by code.

:func:`make_workspace` copies the samples (forms, master, previous year, Renstra,
budget, supporting tables and a consolidated workbook) into a fresh folder: the
committed samples are never touched.  The builders below then make, for every
command and output option, the ways a user can point an output at an input
(:func:`spellings`: absolute, relative, ``..``, ``./``, a symlink, a hard link, a
symlinked folder), the ways an output path can be unwritable, and the odd
entries a forms folder can hold.  Each case is data: the CLI arguments, the
inputs that must stay byte-identical, the exit code and the message code.

    python tests/fixtures_outputs.py      # print how many cases each class has
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from collections.abc import Callable

from lkjip_xl.messages import MESSAGES, visible

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORMS = SAMPLES / "formulir"
#: The sample form that has warnings, so that it gets a feedback copy.
WARNED_FORM = "Formulir_2023_Pemasyarakatan.xlsx"
FEEDBACK_COPY = "Formulir_2023_Pemasyarakatan_pemeriksaan.xlsx"
NATIONAL_BOOK = "Nasional_2023.xlsx"
TEMP_PATTERN = re.compile(r"^\.lkjip-\d+-[0-9a-f]+\.tmp$")


@dataclass(frozen=True)
class Workspace:
    """The copied inputs of one test, all inside ``root`` (the working directory of the run)."""

    root: Path
    forms: Path
    master: Path
    previous: Path
    renstra: Path
    anggaran: Path
    supporting: Path
    consolidated: Path

    def inputs(self) -> list[Path]:
        """Every input file (the forms one by one)."""
        return [*sorted(self.forms.iterdir()), self.master, self.previous, self.renstra, self.anggaran,
                self.supporting, self.consolidated]

    def tables_args(self, source: Path | str | None = None) -> list[str]:
        return ["tables", str(source or self.consolidated), "--master", str(self.master),
                "--previous", str(self.previous), "--renstra", str(self.renstra),
                "--anggaran", str(self.anggaran), "--supporting", str(self.supporting)]


def make_workspace(root: Path, consolidated: Path) -> Workspace:
    """Copy every sample input (and ``consolidated``, made once per session) into ``root/masukan``."""
    inputs = root / "masukan"
    shutil.copytree(FORMS, inputs / "formulir")
    names = {"master": "master_pk_2023.xlsx", "previous": "capaian_2022.xlsx", "renstra": "renstra_2020_2024.xlsx",
             "anggaran": "anggaran_2023.xlsx", "supporting": "tabel_pendukung_2023.xlsx"}
    paths = {}
    for key, name in names.items():
        paths[key] = inputs / name
        shutil.copyfile(SAMPLES / name, paths[key])
    shutil.copyfile(consolidated, inputs / "konsolidasi_2023.xlsx")
    return Workspace(root, inputs / "formulir", consolidated=inputs / "konsolidasi_2023.xlsx", **paths)


# --------------------------------------------------------------------------- spellings of one file


def spellings(target: Path, root: Path) -> list[tuple[str, str]]:
    """Names by which an output can reach the existing file ``target`` (seen from ``root``).

    Creates the links it needs under ``root/alias``; every name is a different string.
    """
    alias = root / "alias"
    alias.mkdir(exist_ok=True)
    n = len(list(alias.iterdir()))
    relative = os.path.relpath(target, root)
    symlink = alias / f"tautan_{n}.xlsx"
    symlink.symlink_to(target)
    hard = alias / f"keras_{n}.xlsx"
    os.link(target, hard)
    folder_link = alias / f"folder_{n}"
    folder_link.symlink_to(target.parent, target_is_directory=True)
    parent = os.path.relpath(target.parent, root)
    return [
        ("absolut", str(target)),
        ("relatif", relative),
        ("titik_dua", os.path.join(parent, "..", Path(parent).name, target.name)),
        ("titik", "./" + relative),
        ("symlink", str(symlink.relative_to(root))),
        ("hard_link", str(hard)),
        ("folder_symlink", os.path.join(str(folder_link.relative_to(root)), target.name)),
    ]


def folder_spellings(folder: Path, root: Path) -> list[tuple[str, str]]:
    """Names by which an output folder can be the existing ``folder``."""
    alias = root / "alias"
    alias.mkdir(exist_ok=True)
    link = alias / f"folder_{len(list(alias.iterdir()))}"
    link.symlink_to(folder, target_is_directory=True)
    relative = os.path.relpath(folder, root)
    return [("absolut", str(folder)), ("relatif", relative), ("titik", "./" + relative),
            ("titik_dua", os.path.join(relative, "..", folder.name)), ("symlink", str(link.relative_to(root))),
            ("subfolder", os.path.join(relative, "hasil"))]


# --------------------------------------------------------------------------- class 3: outputs onto inputs


@dataclass
class Case:
    """One run of the CLI and what it must end with."""

    id: str
    args: list[str]
    code: str  #: the message code the run must print
    exit_code: int = 2
    victims: list[Path] = field(default_factory=list)  #: inputs that must stay byte-identical


def overwrite_cases(ws: Workspace) -> list[Case]:
    """Every output option of every command pointed at every kind of input, in every spelling."""
    root, cases = ws.root, []
    form = ws.forms / "Formulir_2023_Keimigrasian.xlsx"
    consolidate_runs = {"force": ["--force"], "skip_invalid": ["--force", "--skip-invalid"],
                        "json": ["--force", "--json"]}
    for victim_name, victim in (("formulir", form), ("master", ws.master)):
        for spelled, out in spellings(victim, root):
            for run, flags in consolidate_runs.items():
                cases.append(Case(f"consolidate-out-{victim_name}-{spelled}-{run}",
                                  ["consolidate", str(ws.forms), "--master", str(ws.master), "--out", out, *flags],
                                  "output_is_input", victims=[victim]))
    for spelled, out in spellings(form, root):  # a form named on the command line, not through its folder
        cases.append(Case(f"consolidate-out-named-form-{spelled}",
                          ["consolidate", str(form), "--out", out, "--force", "--skip-invalid"],
                          "output_is_input", exit_code=2, victims=[form]))
    for spelled, folder in folder_spellings(ws.forms, root):
        cases.append(Case(f"consolidate-out-dir-forms-{spelled}",
                          ["consolidate", str(ws.forms), "--out-dir", folder, "--force"],
                          "output_in_input_folder"))
        cases.append(Case(f"consolidate-out-in-forms-{spelled}",
                          ["consolidate", str(ws.forms), "--out", os.path.join(folder, "k.xlsx"), "--force"],
                          "output_in_input_folder"))
        for command in ("validate", "consolidate"):
            extra = ["--out", str(root / "k.xlsx")] if command == "consolidate" else []
            cases.append(Case(f"{command}-feedback-dir-forms-{spelled}",
                              [command, str(ws.forms), *extra, "--feedback-dir", folder, "--force"],
                              "feedback_dir_in_forms"))
    for kind, link in (("symlink", os.symlink), ("hard_link", os.link)):
        national = root / f"nasional_{kind}"
        national.mkdir()
        link(form, national / NATIONAL_BOOK)
        cases.append(Case(f"consolidate-out-dir-national-book-{kind}",
                          ["consolidate", str(ws.forms), "--out-dir", str(national), "--force"],
                          "output_is_input", victims=[form]))
        kanwil = root / f"kanwil_{kind}"
        kanwil.mkdir()
        link(form, kanwil / "Capaian_2023_Kantor_Wilayah_Kementerian_Hukum_dan_HAM_Kepulauan_Bangka_Belitung.xlsx")
        cases.append(Case(f"consolidate-out-dir-kanwil-book-{kind}",
                          ["consolidate", str(ws.forms), "--out-dir", str(kanwil), "--force", "--skip-invalid"],
                          "output_is_input", victims=[form]))
        for command in ("validate", "consolidate"):
            feedback = root / f"umpan_{command}_{kind}"
            feedback.mkdir()
            link(ws.master, feedback / FEEDBACK_COPY)
            extra = ["--out", str(root / f"k_{command}_{kind}.xlsx")] if command == "consolidate" else []
            cases.append(Case(f"{command}-feedback-copy-is-master-{kind}",
                              [command, str(ws.forms), "--master", str(ws.master), *extra,
                               "--feedback-dir", str(feedback), "--force"],
                              "output_is_input", victims=[ws.master]))
        forms_out = root / f"formulir_baru_{kind}"
        forms_out.mkdir()
        link(ws.master, forms_out / "Formulir_2023_Administrasi.xlsx")
        cases.append(Case(f"forms-out-dir-form-is-master-{kind}",
                          ["forms", str(ws.master), "--out-dir", str(forms_out), "--force"],
                          "output_is_input", victims=[ws.master]))
    for spelled, folder in folder_spellings(ws.forms, root)[:3]:
        cases.append(Case(f"tables-out-in-forms-source-{spelled}",
                          [*ws.tables_args(ws.forms), "--out", os.path.join(folder, "tabel.xlsx"), "--force"],
                          "output_in_input_folder"))
    for victim_name in ("consolidated", "master", "previous", "renstra", "anggaran", "supporting"):
        victim = getattr(ws, victim_name)
        for spelled, out in spellings(victim, root):
            cases.append(Case(f"tables-out-{victim_name}-{spelled}", [*ws.tables_args(), "--out", out, "--force"],
                              "output_is_input", victims=[victim]))
    return cases


# --------------------------------------------------------------------------- class 4: names


#: Divisi names of one master that must still give one readable form each.
DIVISI_NAME_SETS: tuple[tuple[str, ...], ...] = (
    ("Keimigrasian", "Keimigrasian!", "Keimigrasian.", "Administrasi"),
    ("Tata Usaha", "Tata-usaha", "TATA  USAHA!", "Pemasyarakatan"),
    ("إدارة", "行政", "!!!", "Администрация"),
    ("Ádministrasi", "Administrasi", "Pelayanan Hukum dan HAM", "Pelayanan_Hukum_dan_HAM"),
    ("Divisi 3", "!!!", "###", "Divisi_3"),
    ("A" * 300, "A" * 301, "Keimigrasian", "Pemasyarakatan"),
)

#: Kanwil names of a national run that must still give one workbook each.
KANWIL_NAME_SETS: tuple[tuple[str, ...], ...] = (
    ("Kanwil Bangka Belitung", "Kanwil Bangka Belitung!"),
    ("Kanwil Aceh", "KANWIL-ACEH"),
    ("كانويل", "巴厘"),
)


def renamed_master(master, names: tuple[str, ...], kanwil: str | None = None):
    """``master`` with its Divisi renamed to ``names`` (in PK order) and, optionally, another Kanwil."""
    mapping = dict(zip(master.divisi_order, names))
    indicators = tuple(replace(i, divisi=mapping[i.divisi]) for i in master.indicators)
    return replace(master, indicators=indicators, **({"kanwil": kanwil} if kanwil else {}))


# --------------------------------------------------------------------------- class 12: unwritable outputs


@dataclass(frozen=True)
class OutputSlot:
    """One output option of one command: how to run it with an output at ``place``."""

    name: str
    is_dir: bool  #: the option names a folder (the files are written inside)
    build: Callable[[Workspace, str], list[str]]
    files: tuple[str, ...] = ()  #: for a folder option: a file name the run writes there
    exit_ok: int = 0  #: the exit code of a successful run


OUTPUT_SLOTS: tuple[OutputSlot, ...] = (
    OutputSlot("consolidate-out", False, lambda ws, p: ["consolidate", str(ws.forms), "--out", p]),
    OutputSlot("consolidate-skip-invalid-out", False,
               lambda ws, p: ["consolidate", str(ws.forms), "--out", p, "--skip-invalid"]),
    OutputSlot("consolidate-out-dir", True, lambda ws, p: ["consolidate", str(ws.forms), "--out-dir", p],
               files=(NATIONAL_BOOK,)),
    OutputSlot("consolidate-feedback-dir", True,
               lambda ws, p: ["consolidate", str(ws.forms), "--out", str(ws.root / "k_umpan.xlsx"),
                              "--feedback-dir", p], files=(FEEDBACK_COPY,)),
    OutputSlot("validate-feedback-dir", True, lambda ws, p: ["validate", str(ws.forms), "--feedback-dir", p],
               files=(FEEDBACK_COPY,)),
    OutputSlot("forms-out-dir", True, lambda ws, p: ["forms", str(ws.master), "--out-dir", p],
               files=("Formulir_2023_Pemasyarakatan.xlsx",)),
    OutputSlot("tables-out", False, lambda ws, p: [*ws.tables_args(), "--out", p]),
    OutputSlot("template-out", False, lambda ws, p: ["template", "--out", p]),
    OutputSlot("button-out", False, lambda ws, p: ["button", "--out", p]),
)


def output_name(slot: OutputSlot, stem: str = "hasil") -> str:
    return f"{stem}.xlsm" if slot.name == "button-out" else f"{stem}.xlsx"


def unwritable_places(ws: Workspace, slot: OutputSlot) -> list[tuple[str, str, str, dict]]:
    """``(id, output, code, fields)`` for every way ``slot``'s output cannot be written (as root too)."""
    root = ws.root / "tujuan" / slot.name
    root.mkdir(parents=True)
    blocker = root / "berkas_biasa"
    blocker.write_bytes(b"bukan folder")
    too_long = "a" * 256
    places = []
    if slot.is_dir:
        places.append(("parent-is-file", str(blocker / "hasil"), "output_parent_not_dir", {}))
        places.append(("out-dir-is-file", str(blocker), "output_dir_not_dir", {}))
        places.append(("name-too-long", str(root / too_long), "output_name_too_long", {}))
        occupied = root / "terisi"
        (occupied / slot.files[0]).mkdir(parents=True)
        places.append(("dir-at-target", str(occupied), "output_is_dir", {"path": str(occupied / slot.files[0])}))
    else:
        name = output_name(slot)
        places.append(("parent-is-file", str(blocker / name), "output_parent_not_dir", {}))
        places.append(("grandparent-is-file", str(blocker / "a" / "b" / name), "output_parent_not_dir", {}))
        places.append(("name-too-long", str(root / (too_long + name[-5:])), "output_name_too_long", {}))
        (root / name).mkdir()
        places.append(("dir-at-target", str(root / name), "output_is_dir", {}))
        places.append(("device", "/dev/null", "output_not_regular", {}))
        places.append(("empty", "", "output_is_dir", {"path": "."}))
    return places


def chattr(path: Path, flag: str) -> bool:
    """``chattr +i``/``-i`` on ``path``; False when the file system or the container does not allow it."""
    import subprocess

    try:
        return subprocess.run(["chattr", flag, str(path)], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


# --------------------------------------------------------------------------- class 14: odd paths


def odd_folder_entries(folder: Path, toolkit_outputs: dict[str, Path]) -> dict[str, str]:
    """Put into the forms ``folder`` every entry that is not a form; name → the warning code it must get."""
    expected = {}
    os.mkfifo(folder / "pipa.xlsx")
    expected["pipa.xlsx"] = "special_file_skipped"
    (folder / "arsip.xlsx").mkdir()
    (folder / "arsip.xlsx" / "Formulir_lama.xlsx").write_bytes(b"")
    expected["arsip.xlsx"] = "folder_skipped"
    (folder / "sub").mkdir()
    expected["sub"] = "folder_skipped"
    (folder / "putus.xlsx").symlink_to(folder / "tidak_ada.xlsx")
    expected["putus.xlsx"] = "link_broken_skipped"
    (folder / "putar_a.xlsx").symlink_to(folder / "putar_b.xlsx")
    (folder / "putar_b.xlsx").symlink_to(folder / "putar_a.xlsx")
    expected["putar_a.xlsx"] = expected["putar_b.xlsx"] = "link_broken_skipped"
    (folder / "catatan.txt").write_text("bukan formulir")
    expected["catatan.txt"] = "file_skipped"
    for name, path in toolkit_outputs.items():
        shutil.copyfile(path, folder / name)
        expected[name] = "toolkit_output_skipped"
    return expected


def message_pattern(code: str) -> re.Pattern:
    """A regex matching the message ``code`` with any field values."""
    parts = re.split(r"\{[a-z_]+\}", MESSAGES[code])
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


def shown(path: str | Path) -> str:
    """A path as messages show it."""
    return visible(str(path))


def temporaries(root: Path) -> list[Path]:
    """Temporary files of the toolkit anywhere under ``root``."""
    return [p for p in root.rglob(".lkjip-*") if TEMP_PATTERN.match(p.name)]


if __name__ == "__main__":  # pragma: no cover - a look at the corpus by hand
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        book = base / "k.xlsx"
        shutil.copyfile(SAMPLES / "capaian_2022.xlsx", book)
        work = make_workspace(base / "w", book)
        print("class 3 (outputs onto inputs):", len(overwrite_cases(work)))
        print("class 4 (name sets):", len(DIVISI_NAME_SETS) + len(KANWIL_NAME_SETS))
        print("class 12 (unwritable outputs):", sum(len(unwritable_places(work, s)) for s in OUTPUT_SLOTS))
