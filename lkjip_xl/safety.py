"""Pre-flight checks on the raw bytes of a returned file, before any parser sees it.

Forms come back by e-mail and shared folders; some are not workbooks at all
(a PDF renamed to .xlsx, an old .xls, an empty or truncated download), some
are encrypted, a few may be hostile (zip or XML bombs).  :func:`open_package`
looks at the file itself — size, magic bytes, zip directory, the prolog of
each XML part — and raises :class:`FormReadError` with a specific code before
calamine or openpyxl is asked to parse anything.  It returns a
:class:`Package` (the file's bytes and its zip directory) through which the
few XML parts the toolkit parses itself are read, with a size cap, a CRC
check and defusedxml (no DTDs, no entities).

Every worksheet is then bounded before any reader sees it
(:func:`check_sheets`): one scan of each sheet's XML (:func:`scan_sheet`) finds
its real extent — from the ``r`` attributes of ``<row>`` and ``<c>`` in any
attribute order, quoting and namespace prefix, and from the position that rows
and cells without ``r`` take — with its hidden rows and columns and its formula
cells; a sheet reaching past :data:`MAX_SHEET_ROWS`, :data:`MAX_SHEET_COLUMNS`
or :data:`MAX_SHEET_CELLS` is refused, since calamine builds the whole grid from
A1 (one cell at XFD1048576 would need 17 billion cells and abort the process).
:func:`open_workbook` is the one way the toolkit opens any input workbook.

The limits below are documented in docs/validation.md; a returned form is
10–20 KB.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from xml.sax.saxutils import unescape

from python_calamine import CalamineWorkbook, SheetVisibleEnum, ZipError
from xlsxwriter.utility import xl_col_to_name

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from .errors import INPUT, LkjipError
from .messages import msg, os_error_text
from .numbers import format_number

#: Largest file accepted (bytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Most members a workbook zip may hold.
MAX_ZIP_MEMBERS = 1000
#: Largest uncompressed size of one zip member (bytes); the largest part of a
#: form (its sheet) is about 60 KB.
MAX_MEMBER_BYTES = 20 * 1024 * 1024
#: Largest uncompressed size of all members together (bytes).
MAX_TOTAL_BYTES = 100 * 1024 * 1024
#: Highest compression ratio (uncompressed / compressed) of a member larger than
#: :data:`RATIO_CHECK_BYTES`; ordinary workbook XML compresses 3–20 times.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_BYTES = 1024 * 1024
#: Deflate cannot expand data more than about 1032 times.  A member whose
#: compressed size times this factor could exceed :data:`MAX_MEMBER_BYTES` is
#: decompressed once with that cap, so a zip directory that lies about sizes
#: cannot hide a bomb; smaller members cannot exceed the limit at all.
DEFLATE_MAX_RATIO = 1032
#: How many leading bytes of each XML part are searched for a DTD (``<!DOCTYPE``
#: or ``<!ENTITY`` — Office files never have one; XML bombs need one).
XML_PROLOG_BYTES = 1024
#: The extent of every worksheet (its last row and column holding a ``<row>`` or
#: ``<c>`` element, or named by its ``<dimension>``) is bounded: a form is about
#: 100 rows × 15 columns, a master or an input table a few hundred rows.
MAX_SHEET_ROWS = 100_000
MAX_SHEET_COLUMNS = 1_000  #: up to column ALL
#: Last row × last column: the grid a reader builds from A1 (calamine allocates it whole).
MAX_SHEET_CELLS = 2_000_000

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  #: OLE compound file: .xls, .doc, encrypted OOXML
WORKBOOK_PART = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"

#: What a file is, by its first bytes, when it is neither zip nor OLE.
_SIGNATURES = (
    (b"%PDF", "PDF"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"Rar!", "arsip RAR"),
    (b"7z\xbc\xaf", "arsip 7-Zip"),
)
#: What a zip is, by a member that only that kind of file has.
_ZIP_KINDS = (
    ("word/document.xml", "dokumen Word (.docx)"),
    ("ppt/presentation.xml", "presentasi PowerPoint (.pptx)"),
    ("content.xml", "dokumen OpenDocument (.ods/.odt)"),
)
#: Names of OLE streams, as stored (UTF-16LE) in the compound file directory.
_OLE_ENCRYPTED = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_OLE_XLS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_OLE_DOC = "WordDocument".encode("utf-16-le")

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class FormReadError(LkjipError):
    """A file cannot be read as a form at all (``code`` names the reason)."""

    kind = INPUT

    def __init__(self, path: str, code: str, message: str, sheet: str = "", cell: str = ""):
        super().__init__(message)
        self.path = path
        self.code = code
        self.message = message
        self.sheet = sheet
        self.cell = cell


def _fail(path: str, code: str, **fields: object) -> FormReadError:
    return FormReadError(path, code, msg(code, path=path, **fields))


@dataclass
class Package:
    """An .xlsx zip that passed the pre-flight checks, held in memory (a form is small)."""

    path: str
    data: bytes  #: the file's bytes, read once: calamine and the hash use them too
    zip: zipfile.ZipFile

    def read(self, name: str) -> bytes:
        """One member, whole: at most :data:`MAX_MEMBER_BYTES`, its size and CRC checked."""
        info = self.zip.getinfo(name)
        data = self.inflate(info, MAX_MEMBER_BYTES + 1)
        if len(data) > MAX_MEMBER_BYTES:
            raise _fail(self.path, "file_zip_bomb", detail=name, limit=_mib(MAX_MEMBER_BYTES))
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            raise _fail(self.path, "file_corrupt", detail=f"{name}: ukuran atau CRC tidak cocok")
        return data

    def inflate(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        """Up to ``limit`` bytes of a member, decompressed straight from :attr:`data`.

        Several times faster than opening the member through :mod:`zipfile`;
        :meth:`read` adds the size and CRC checks.
        """
        if not self.data.startswith(ZIP_MAGIC, info.header_offset):
            raise _fail(self.path, "file_corrupt", detail=f"{info.filename}: header lokal tidak ditemukan")
        try:
            name_length, extra_length = struct.unpack_from("<HH", self.data, info.header_offset + 26)
            start = info.header_offset + 30 + name_length + extra_length
            raw = self.data[start:start + info.compress_size]
            if info.compress_type == zipfile.ZIP_STORED:
                return raw[:limit]
            return zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, limit)
        except (zlib.error, struct.error) as exc:
            raise _fail(self.path, "file_corrupt", detail=f"{info.filename}: {describe(exc)}") from None

    def xml(self, name: str):
        """Parse one XML member with defusedxml (DTDs and entities refused)."""
        try:
            return fromstring(self.read(name), forbid_dtd=True)
        except DefusedXmlException:
            raise _fail(self.path, "file_unsafe_xml", detail=name) from None
        except (ParseError, LookupError, ValueError) as exc:  # LookupError: an unknown encoding declared
            raise _fail(self.path, "file_corrupt", detail=f"{name}: {describe(exc)}") from None

    def sheet_part(self, sheet: str) -> str | None:
        """The zip member holding worksheet ``sheet`` (``None`` when there is no such sheet)."""
        return self.sheet_parts.get(sheet)

    @cached_property
    def sheet_parts(self) -> dict[str, str]:
        """Sheet name → the zip member holding it, for every sheet of the workbook that has one.

        The last ``<sheet>`` of a name wins, as before; every member named by
        any ``<sheet>`` is in :attr:`all_sheet_parts`.
        """
        return {name: part for name, part in self.all_sheet_parts}

    @cached_property
    def all_sheet_parts(self) -> list[tuple[str, str]]:
        """(sheet name, zip member) of every ``<sheet>`` element whose part exists, in order."""
        rel_ids = [(element.get("name", ""), element.get(f"{_NS_REL}id"))
                   for element in self.xml(WORKBOOK_PART).iter(f"{_NS_MAIN}sheet")]
        if not rel_ids or WORKBOOK_RELS not in self.zip.NameToInfo:
            return []
        targets: dict[str, str] = {}
        for element in self.xml(WORKBOOK_RELS).iter(f"{_NS_PKG_REL}Relationship"):
            target = element.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            targets.setdefault(element.get("Id", ""), name)
        return [(sheet, targets[rel_id]) for sheet, rel_id in rel_ids
                if rel_id in targets and targets[rel_id] in self.zip.NameToInfo]


def open_package(path: str) -> Package:
    """Check the raw file at ``path`` and open it as an .xlsx zip.

    Raises :class:`FormReadError` with one of the codes ``file_not_found``,
    ``file_empty``, ``file_too_large``, ``file_unreadable``, ``file_not_xlsx``,
    ``file_old_xls``, ``file_encrypted``, ``file_corrupt``, ``file_zip_bomb`` or
    ``file_unsafe_xml``.
    """
    if not os.path.isfile(path):
        raise _fail(path, "file_not_found")
    size = os.path.getsize(path)
    if size == 0:
        raise _fail(path, "file_empty")
    if size > MAX_FILE_BYTES:
        raise _fail(path, "file_too_large", size=_mib(size), limit=_mib(MAX_FILE_BYTES))
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:  # no permission, a file vanished, ...
        raise _fail(path, "file_unreadable", detail=describe(exc)) from None
    return package_from_bytes(path, data)


def package_from_bytes(path: str, data: bytes) -> Package:
    """:func:`open_package` for bytes already read from ``path`` (the checks after the size)."""
    if data.startswith(CFB_MAGIC):
        raise _ole_error(path, data)
    if not data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        found = next((kind for magic, kind in _SIGNATURES if data.startswith(magic)), "jenis tidak dikenal")
        raise _fail(path, "file_not_xlsx", found=found)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error,
            NotImplementedError) as exc:  # NotImplementedError: an unknown zip version in the directory
        raise _fail(path, "file_corrupt", detail=describe(exc)) from None
    package = Package(path, data, archive)
    _check_members(package)
    return package


def _ole_error(path: str, data: bytes) -> FormReadError:
    """An OLE compound file: an encrypted .xlsx, an old .xls, or something else."""
    if all(name in data for name in _OLE_ENCRYPTED):
        return _fail(path, "file_encrypted")
    if any(name in data for name in _OLE_XLS):
        return _fail(path, "file_old_xls")
    found = "dokumen Word lama (.doc)" if _OLE_DOC in data else "berkas Office lama (OLE)"
    return _fail(path, "file_not_xlsx", found=found)


def _check_members(package: Package) -> None:
    path, archive = package.path, package.zip
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise _fail(path, "file_zip_bomb", detail=f"{len(members)} bagian",
                    limit=f"{MAX_ZIP_MEMBERS} bagian")
    names = {m.filename for m in members}
    if WORKBOOK_PART not in names:
        found = next((kind for part, kind in _ZIP_KINDS if part in names), "arsip zip")
        raise _fail(path, "file_not_xlsx", found=found)
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise _fail(path, "file_encrypted")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _fail(path, "file_corrupt", detail=f"{member.filename}: metode kompresi {member.compress_type}")
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_BYTES:
            raise _fail(path, "file_zip_bomb", detail=member.filename, limit=_mib(MAX_MEMBER_BYTES))
        if total > MAX_TOTAL_BYTES:
            raise _fail(path, "file_zip_bomb", detail="seluruh isi", limit=_mib(MAX_TOTAL_BYTES))
        if member.file_size > RATIO_CHECK_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise _fail(path, "file_zip_bomb", detail=f"{member.filename}, rasio {ratio:.0f}:1",
                        limit=f"rasio {MAX_COMPRESSION_RATIO}:1")
        if member.compress_size * DEFLATE_MAX_RATIO > MAX_MEMBER_BYTES:
            package.read(member.filename)  # the real size, whatever the directory claims
        if member.filename.endswith((".xml", ".rels")):
            head = package.inflate(member, XML_PROLOG_BYTES)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise _fail(path, "file_unsafe_xml", detail=member.filename)


def describe(exc: BaseException) -> str:
    """The detail of a message: an OSError in Indonesian words, otherwise the first line of the
    exception's text (its type when empty), a technical note for whoever repairs the file."""
    if isinstance(exc, OSError) and exc.errno:
        return os_error_text(exc)
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


def _mib(size: int) -> str:
    return f"{format_number(size / (1024 * 1024), 1)} MB"


# --------------------------------------------------------------------------- sheets: extent, hidden, formulas


@dataclass
class SheetScan:
    """What one scan of a worksheet's XML found (positions 0-based)."""

    rows: int = 0  #: the last row holding a ``<row>`` or ``<c>`` element (1-based; 0 when empty)
    columns: int = 0  #: the last column holding a ``<c>`` element (1-based; 0 when empty)
    hidden_rows: frozenset[int] = frozenset()  #: ``<row hidden="1">`` or height 0
    hidden_columns: tuple[tuple[int, int], ...] = ()  #: ``<col min max hidden="1">`` or width 0, inclusive
    formulas: dict[str, str] = field(default_factory=dict)  #: A1 → formula text ("" for a shared one)

    def row_hidden(self, row: int) -> bool:
        return row in self.hidden_rows

    def column_hidden(self, col: int) -> bool:
        return any(first <= col <= last for first, last in self.hidden_columns)


class _BadTag(Exception):
    """A ``<row>`` or ``<c>`` whose position cannot be known for sure (``detail`` says why)."""

    def __init__(self, detail: str, row: int, col: int):
        super().__init__(detail)
        self.detail, self.row, self.col = detail, row, col


# Readers match element names without their namespace prefix (calamine accepts even an
# undeclared one), so every pattern takes any prefix.  Attribute values may be quoted
# either way; no pattern depends on attribute order or whitespace.
_PREFIX = rb"(?:[^\s<>/!?:=\"']+:)?"
_NAME = rb"[^\s=<>/\"']+"
_VALUE = rb"(?:\"[^\"]*\"|'[^']*')"
_ATTRS = rb"(?:\s+" + _NAME + rb"\s*=\s*" + _VALUE + rb")*"
_ATTRS_NOT_R = rb"(?:\s+(?!r\s*=)" + _NAME + rb"\s*=\s*" + _VALUE + rb")*"
#: The common case, in C-level passes that start at a literal (``<c``, ``<row``, ``<f``): every
#: writer (Excel, LibreOffice, XlsxWriter, openpyxl) puts ``r`` first, double-quoted, without a
#: prefix.  :data:`_FAST_CELL` gives the reference of such a ``<c>`` and an empty one for any
#: other ``<c>``; :data:`_FAST_FORMULA` the reference and text of a formula cell (an ``<f>``
#: right inside it); :data:`_FAST_ROW` the number and other attributes of a ``<row>`` with ``r``
#: first (empty for any other).  Anything else — an empty reference, an ``<f>`` elsewhere, a
#: second ``r``, a prefixed element — sends the sheet to :func:`_scan_tags`.
_FAST_CELL = re.compile(rb"<c(?: r=\"([A-Z]{1,3}[1-9][0-9]{0,6})\"(?=[\s/>])|(?=[\s/>]))")
_FAST_FORMULA = re.compile(rb"<c r=\"([A-Z]{1,3}[1-9][0-9]{0,6})\"[^>]*+(?<!/)>\s*<f(?=[\s/>])[^>]*?(?:/>|>([^<]*))")
_FAST_ROW = re.compile(rb"<row(?: r=\"([1-9][0-9]{0,6})\"(?=[\s/>])([^>]*)>|(?=[\s/>]))")
_FAST_F = re.compile(rb"<f[\s/>]")
_FAST_COL = re.compile(rb"<col(" + _ATTRS + rb")\s*/?>")
_PREFIXED = re.compile(rb":(?:c|row|f|col|dimension)[\s/>]")
_SPACED_EQ = (b" =", b"\t=", b"\n=", b"\r=")  #: no writer puts a space before "="; a reader would accept one
_LETTERS = bytes(range(ord("A"), ord("Z") + 1))
_DIGITS = b"0123456789"
#: A <c>, <row> or <f> (prefixed ones are found by _PREFIXED), one literal each: a pattern
#: starting with a literal is searched for fast.
_OUTSIDE = tuple(re.compile(rb"<" + name + rb"[\s/>]") for name in (b"c", b"row", b"f"))
#: Tag by tag: opening, closing and empty ``<row>``, ``<c>`` and ``<f>`` with their attributes;
#: a tag whose attributes are not well formed matches the second branch.
_TAG = re.compile(rb"<(/?)" + _PREFIX + rb"(?:(c|row|f)(" + _ATTRS + rb")\s*(/?)>|(c|row|f)(?=[\s/>]))")
_ATTRIBUTE = re.compile(rb"\s+(" + _NAME + rb")\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_DIMENSION = re.compile(rb"<" + _PREFIX + rb"dimension(" + _ATTRS + rb")\s*/?>")
_COL = re.compile(rb"<" + _PREFIX + rb"col(" + _ATTRS + rb")\s*/?>")
_ZERO_WIDTH = re.compile(rb"width\s*=\s*[\"'][\s0.]*[\"']")
_HIDDEN_HINT = re.compile(rb"hidden|\sht\s*=\s*[\"'][\s0.]*[\"']")
#: A cell reference as readers accept it (calamine takes lower-case letters too).
_REF = re.compile(rb"([A-Za-z]{1,7})([0-9]{1,10})")
_TRUE = (b"1", b"true")


def _attributes(raw: bytes) -> dict[bytes, bytes] | None:
    """The attributes of a tag; ``None`` when one is repeated (readers disagree on which wins)."""
    found: dict[bytes, bytes] = {}
    for match in _ATTRIBUTE.finditer(raw):
        name = match.group(1)
        if name in found:
            return None
        found[name] = match.group(2) if match.group(2) is not None else match.group(3)
    return found


def _column_number(letters: bytes) -> int:
    """1-based column number of column letters (A → 1, XFD → 16384)."""
    number = 0
    for byte in letters.upper():
        number = number * 26 + byte - 64
    return number


def _zero(text: bytes | None) -> bool:
    try:
        return text is not None and float(text) == 0
    except ValueError:
        return False


def scan_sheet(data: bytes) -> tuple[SheetScan, tuple[int, int] | None]:
    """One scan of a worksheet's XML: its extent, hidden rows and columns and formula cells.

    Also returns the far corner (1-based row, column) its ``<dimension>`` claims,
    if any.  Raises :class:`_BadTag` for a row or cell whose position is not
    certain (an unreadable or repeated ``r``, a malformed tag).
    """
    start = data.find(b"<sheetData")
    prefixed = start < 0 or _PREFIXED.search(data) is not None
    scan = None if prefixed else _scan_fast(data, prefixed=False)
    if scan is None:
        scan = _scan_tags(data)
    # <cols> precedes <sheetData> (Excel refuses a sheet where it does not)
    scan.hidden_columns = _hidden_columns(data, len(data) if prefixed else start, prefixed)
    return scan, _dimension(data)


def _scan_fast(data: bytes, prefixed: bool | None = None) -> SheetScan | None:
    """:func:`scan_sheet` for a sheet whose every row and cell has ``r`` first; ``None`` otherwise.

    Rows and cells are looked for only inside ``<sheetData>``; a ``<row>``, ``<c>``
    or ``<f>`` before or after it (openpyxl would read one) sends the sheet to
    the general scan.
    """
    start = data.find(b"<sheetData")
    if prefixed is None:
        prefixed = start < 0 or _PREFIXED.search(data) is not None
    if prefixed:
        return None
    end = max(data.rfind(b"</sheetData>"), start)
    if any(tag.search(data, 0, start) or tag.search(data, end) for tag in _OUTSIDE):
        return None
    refs = _FAST_CELL.findall(data, start, end)
    rows = _FAST_ROW.findall(data, start, end)
    row_numbers, row_attrs = zip(*rows) if rows else ((), ())
    if b"" in refs or b"" in row_numbers:
        return None
    # each "r=" is the r of a row or a cell counted above: no second r hides in a tag
    if (data.count(b"r=", start, end) != len(refs) + len(rows)
            or any(data.find(spaced, start, end) >= 0 for spaced in _SPACED_EQ)):
        return None
    formulas = _FAST_FORMULA.findall(data, start, end)
    if len(_FAST_F.findall(data, start, end)) != len(formulas):
        return None
    joined = b" ".join(refs)
    numbers = set(joined.translate(None, _LETTERS).split())
    numbers.update(row_numbers)
    hidden: set[int] = set()
    attrs_joined = b"".join(row_attrs)
    if b"hidden" in attrs_joined or b"ht" in attrs_joined and _HIDDEN_HINT.search(attrs_joined):
        for number, attrs in rows:
            parsed = _attributes(attrs)
            if parsed is None:
                return None
            if _row_hidden(parsed):
                hidden.add(int(number) - 1)
    return SheetScan(
        rows=max(map(int, numbers), default=0),
        columns=max(map(_column_number, set(joined.translate(None, _DIGITS).split())), default=0),
        hidden_rows=frozenset(hidden),
        formulas={ref.decode("ascii"): _xml_text(text) for ref, text in formulas})


def _row_hidden(attrs: dict[bytes, bytes]) -> bool:
    return attrs.get(b"hidden", b"").strip().lower() in _TRUE or _zero(attrs.get(b"ht"))


def _scan_tags(data: bytes) -> SheetScan:
    """The general scan, tag by tag: rows and cells without ``r`` take the next position.

    As calamine and openpyxl do: a ``<row>`` without ``r`` is the row after the
    previous ``<row>``; a ``<c>`` without ``r`` is the column after the previous
    cell of its row (column A first), in the row of its ``<row>``.
    """
    row, col, in_row = -1, -1, False
    last_row = last_col = 0
    hidden: set[int] = set()
    formulas: dict[str, str] = {}
    cell: tuple[int, int] | None = None  # the open <c> a <f> belongs to
    for match in _TAG.finditer(data):
        closing, name, raw, empty, malformed = match.groups()
        if malformed:
            raise _BadTag(f"tag <{malformed.decode()}> tidak sah", max(row, 0), max(col, 0))
        if closing:
            if name == b"row":
                in_row, col = False, -1
            elif name == b"c":
                cell = None
            continue
        attrs = _attributes(raw)
        if attrs is None:
            raise _BadTag(f"atribut ganda pada <{name.decode()}>", max(row, 0), max(col, 0))
        if name == b"row":
            ref = attrs.get(b"r")
            if ref is None:
                row += 1
            elif ref.isdigit() and 0 < len(ref) <= 10 and int(ref) > 0:
                row = int(ref) - 1
            else:
                raise _BadTag(f"nomor baris '{ref.decode('utf-8', 'replace')[:20]}' tidak sah", max(row, 0), 0)
            col, in_row = -1, not empty
            last_row = max(last_row, row + 1)
            if _row_hidden(attrs):
                hidden.add(row)
        elif name == b"c":
            ref = attrs.get(b"r")
            if ref is None:
                col += 1
                at_row = row if in_row else row + 1
            else:
                parsed = _REF.fullmatch(ref)
                if parsed is None or int(parsed.group(2)) == 0:
                    raise _BadTag(f"alamat sel '{ref.decode('utf-8', 'replace')[:20]}' tidak sah",
                                  max(row, 0), max(col + 1, 0))
                at_row, col = int(parsed.group(2)) - 1, _column_number(parsed.group(1)) - 1
            at_row = max(at_row, 0)
            last_row, last_col = max(last_row, at_row + 1), max(last_col, col + 1)
            cell = None if empty else (at_row, col)
        elif name == b"f" and cell is not None:
            text = b"" if empty else data[match.end():data.find(b"<", match.end())]
            formulas[xl_col_to_name(cell[1]) + str(cell[0] + 1)] = _xml_text(text)
    return SheetScan(rows=last_row, columns=last_col, hidden_rows=frozenset(hidden), formulas=formulas)


def _hidden_columns(data: bytes, end: int, prefixed: bool) -> tuple[tuple[int, int], ...]:
    """``<col min max>`` ranges (0-based, inclusive) before ``end`` that are hidden or 0 wide."""
    ranges = []
    found = (_COL if prefixed else _FAST_COL).findall(data, 0, end)
    if b"hidden" not in b"".join(found) and not _ZERO_WIDTH.search(b"".join(found)):
        return ()
    for raw in found:
        attrs = _attributes(raw) or {}
        if attrs.get(b"hidden", b"").strip().lower() in _TRUE or _zero(attrs.get(b"width")):
            try:
                first, last = int(attrs.get(b"min", b"")), int(attrs.get(b"max", b""))
            except ValueError:
                continue
            ranges.append((max(first, 1) - 1, max(last, first, 1) - 1))
    return tuple(ranges)


def _dimension(data: bytes) -> tuple[int, int] | None:
    """The far corner (1-based row, column) the ``<dimension ref>`` claims."""
    match = _DIMENSION.search(data)
    attrs = _attributes(match.group(1)) if match else None
    ref = (attrs or {}).get(b"ref", b"").rpartition(b":")[2].replace(b"$", b"").strip()
    parsed = _REF.fullmatch(ref)
    return (int(parsed.group(2)), _column_number(parsed.group(1))) if parsed else None


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return unescape(text, {"&quot;": '"', "&apos;": "'"}) if "&" in text else text


def _out_of_bounds(rows: int, columns: int) -> bool:
    return rows > MAX_SHEET_ROWS or columns > MAX_SHEET_COLUMNS or rows * columns > MAX_SHEET_CELLS


def check_sheets(package: Package) -> dict[str, SheetScan]:
    """Scan and bound every worksheet of ``package``; sheet name → :class:`SheetScan`.

    Raises :class:`FormReadError` ``sheet_too_large`` naming the far corner
    (where Ctrl+End goes in Excel) of a sheet reaching past the limits, real or
    claimed by its ``<dimension>``, and ``sheet_cell_invalid`` for a row or
    cell whose position cannot be known for sure.
    """
    scans: dict[str, SheetScan] = {}
    for sheet, part in package.all_sheet_parts:
        try:
            scan, claimed = scan_sheet(package.read(part))
        except _BadTag as exc:
            cell = f"{xl_col_to_name(exc.col)}{exc.row + 1}"
            raise FormReadError(package.path, "sheet_cell_invalid",
                                msg("sheet_cell_invalid", path=package.path, sheet=sheet, cell=cell,
                                    detail=exc.detail), sheet=sheet, cell=cell) from None
        for rows, columns in ((scan.rows, scan.columns), claimed or (0, 0)):
            if _out_of_bounds(rows, columns):
                cell = f"{xl_col_to_name(max(columns, 1) - 1)}{max(rows, 1)}"
                raise FormReadError(package.path, "sheet_too_large", msg(
                    "sheet_too_large", path=package.path, sheet=sheet, cell=cell,
                    rows=format_number(rows, 0), columns=format_number(columns, 0),
                    limit=SHEET_LIMITS), sheet=sheet, cell=cell)
        scans[sheet] = scan  # the last sheet of a name, as Package.sheet_parts
    return scans


#: The sheet limits as the messages state them.
SHEET_LIMITS = (f"{format_number(MAX_SHEET_ROWS, 0)} baris, {format_number(MAX_SHEET_COLUMNS, 0)} kolom "
                f"(sampai kolom {xl_col_to_name(MAX_SHEET_COLUMNS - 1)}) dan {format_number(MAX_SHEET_CELLS, 0)} "
                "sel")


# --------------------------------------------------------------------------- opening a workbook


@dataclass
class Workbook:
    """An input workbook that passed every pre-flight check, open with calamine."""

    package: Package
    book: CalamineWorkbook
    scans: dict[str, SheetScan]  #: sheet name → its scan (extent, hidden rows/columns, formulas)

    @property
    def path(self) -> str:
        return self.package.path

    def sheet_hidden(self, sheet: str) -> bool:
        """Whether ``sheet`` is hidden or very hidden (the user cannot see it)."""
        return any(meta.name == sheet and meta.visible != SheetVisibleEnum.Visible
                   for meta in self.book.sheets_metadata)

    @property
    def sheet_names(self) -> list[str]:
        return self.book.sheet_names

    def rows(self, sheet: str) -> list[list[Any]]:
        """All cells of ``sheet`` from A1, row by row; :class:`FormReadError` when calamine fails."""
        try:
            return self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except Exception as exc:  # malformed sheet XML, bad shared-string index, ...
            raise unreadable(self.path, exc) from None
        except BaseException as exc:  # a Rust panic (pyo3's PanicException is no Exception)
            if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            raise unreadable(self.path, exc) from None

    def close(self) -> None:
        self.book.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def checked_package(path: str) -> tuple[Package, dict[str, SheetScan]]:
    """:func:`open_package` and :func:`check_sheets`: what must pass before any reader opens ``path``."""
    package = open_package(path)
    return package, check_sheets(package)


def open_workbook(path: str | os.PathLike) -> Workbook:
    """The one way to open an input workbook (form, master, previous years, Renstra, budget, ...).

    Runs every pre-flight check (:func:`open_package`, :func:`check_sheets`)
    and opens the checked bytes with calamine.  Raises only :class:`FormReadError`.
    """
    package, scans = checked_package(os.fspath(path))
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(package.data))  # faster than from_path
    except Exception as exc:  # calamine raises several error types for bad files
        raise unreadable(package.path, exc) from None
    return Workbook(package, book, scans)


def unreadable(path: str, exc: BaseException) -> FormReadError:
    """The error for a file calamine cannot read: ``file_corrupt`` for a bad zip, else ``file_unreadable``."""
    code = "file_corrupt" if isinstance(exc, ZipError) else "file_unreadable"
    return FormReadError(path, code, msg(code, path=path, detail=describe(exc)))
