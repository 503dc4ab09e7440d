"""Every user-facing text comes from the catalogue lkjip_xl/messages.py.

An AST scan of the package (every module except messages.py) refuses a string
literal holding an Indonesian word: sentences are ``msg(code, ...)`` entries of
:data:`~lkjip_xl.messages.MESSAGES`, short words (sheet names, column titles,
table titles, labels) are :data:`~lkjip_xl.messages.LABELS`.  And every code the
package names exists in the catalogue, and every catalogue entry is used.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import lkjip_xl
from lkjip_xl.messages import LABELS, MESSAGES

PACKAGE = Path(lkjip_xl.__file__).resolve().parent
CATALOGUE = PACKAGE / "messages.py"

#: Indonesian words that mark a literal as user-facing text.  Words that are also English or
#: domain terms used in English code (data, target, status, total, no, divisi) are left out.
INDONESIAN_WORDS = frozenset("""
    yang dan tidak atau dengan untuk berkas sel kolom baris tahun tabel realisasi capaian tercapai
    kantor wilayah jumlah nilai keterangan periode triwulan sasaran indikator satuan kegiatan anggaran
    ringkasan sumber halaman dari pada ini itu belum sudah harus bila jika tahunan formulir isian isi
    ketik pilih tulis simpan buka kirim periksa pemeriksaan kesalahan peringatan masalah judul petunjuk
    rumus pembilang penyebut kinerja perjanjian renstra akhir lalu baru dibaca ditulis berisi kosong
    benar salah ya kode nama angka pagu efisiensi kesimpulan daftar nomor letak rata sebelum tanpa juga
    lain semua setiap oleh ke di buku kerja memeriksa membaca menulis konsolidasi kendali tombol
    pengaturan folder misalnya contoh serta atas bawah perubahan skala pendukung lingkungan
    """.split())

#: Literals that are names, not text: lower-case identifiers (dict keys, enum values such as
#: "rasio", "nilai_akhir"), defined names of the form contract ("LKJIP_TAHUN") and
#: command-line option names ("--periode").
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*|[A-Z][A-Z0-9]*_[A-Z0-9_]+|--[a-z][a-z0-9-]*")
_WORD = re.compile(r"[^\W\d_]+")


def package_modules() -> list[Path]:
    """Every module of the package except the catalogue itself."""
    return sorted(path for path in PACKAGE.rglob("*.py") if path != CATALOGUE)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _all_entries(tree: ast.AST) -> set[int]:
    """The strings of ``__all__ = [...]``: names of the module's attributes."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            found |= {id(item) for item in ast.walk(node.value)}
    return found


def indonesian_literals(source: str) -> list[tuple[int, str, list[str]]]:
    """(line, literal, Indonesian words) of every string literal of ``source`` that is text.

    Docstrings and ``__all__`` are skipped, identifiers allowed; the constant parts of
    f-strings are literals too.
    """
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _all_entries(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skipped:
            continue
        if _IDENTIFIER.fullmatch(node.value):
            continue
        words = sorted({word.casefold() for word in _WORD.findall(node.value)} & INDONESIAN_WORDS)
        if words:
            found.append((node.lineno, node.value, words))
    return found


def test_the_scan_finds_text_and_passes_names_and_docstrings():
    source = '''
"""Modul docstring: dan yang tidak."""
__all__ = ["Renstra", "AKHIR"]
SHEET = "Capaian Kinerja"
KEY = "nilai_akhir"
NAME = "LKJIP_TAHUN"
OPTION = "--periode"
TITLE = f"Tabel {n}"


def f():
    """Tulis tabel."""
    return "Ringkasan"
'''
    assert [(line, text) for line, text, _ in indonesian_literals(source)] == [
        (4, "Capaian Kinerja"), (8, "Tabel "), (13, "Ringkasan")]


@pytest.mark.parametrize("module", package_modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_indonesian_literal_outside_the_catalogue(module):
    found = indonesian_literals(module.read_text(encoding="utf-8"))
    assert not found, "\n".join(
        f"{module.relative_to(PACKAGE)}:{line}: {text!r} ({', '.join(words)}): move it to lkjip_xl/messages.py"
        for line, text, words in found)


# --------------------------------------------------------------------------- codes


def _string_constants(trees: list[ast.AST]) -> set[str]:
    return {node.value for tree in trees for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def _dynamic_prefixes(trees: list[ast.AST]) -> set[str]:
    """The constant heads of f-strings naming a family of codes: f"master_help_{key}" → "master_help_"."""
    return {node.values[0].value for tree in trees for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr) and len(node.values) > 1 and isinstance(node.values[0], ast.Constant)
            and re.fullmatch(r"[a-z][a-z0-9_]*_", str(node.values[0].value))}


def _named_codes(trees: list[ast.AST]) -> tuple[set[str], set[str]]:
    """Codes named literally: ``msg("code", ...)`` / ``MESSAGES["code"]``, and ``LABELS["code"]``."""
    messages, labels = set(), set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if name in ("msg", "message_formula"):
                    messages.add(node.args[0].value)
            elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) \
                    and isinstance(node.slice, ast.Constant):
                if node.value.id == "MESSAGES":
                    messages.add(node.slice.value)
                elif node.value.id == "LABELS":
                    labels.add(node.slice.value)
    return messages, labels


#: Entries no module names: words that go inside the tests' and docs' own checks only.
USED_OUTSIDE_THE_PACKAGE: dict[str, str] = {}


@pytest.fixture(scope="module")
def trees() -> list[ast.AST]:
    return [ast.parse(path.read_text(encoding="utf-8")) for path in package_modules()]


def test_every_code_named_in_the_package_is_in_the_catalogue(trees):
    messages, labels = _named_codes(trees)
    assert messages and labels
    assert messages <= set(MESSAGES), sorted(messages - set(MESSAGES))
    assert labels <= set(LABELS), sorted(labels - set(LABELS))


def test_every_catalogue_entry_is_used(trees):
    constants, prefixes = _string_constants(trees), _dynamic_prefixes(trees)
    unused = sorted(code for code in (*MESSAGES, *LABELS)
                    if code not in constants and not any(code.startswith(prefix) for prefix in prefixes)
                    and code not in USED_OUTSIDE_THE_PACKAGE)
    assert not unused, f"catalogue entries no module uses: {unused}"


def test_messages_and_labels_are_separate_and_well_formed():
    assert not set(MESSAGES) & set(LABELS)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", code) for code in (*MESSAGES, *LABELS))
    for code, text in LABELS.items():  # labels are used as they are: no field to fill in
        assert text and not any(name for _, name, _, _ in string.Formatter().parse(text)), code
    for code, text in MESSAGES.items():  # every field is a plain name: msg() passes text, not numbers
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None]
        assert all(re.fullmatch(r"[a-z_]+", name) and not spec for name, spec in fields), code
