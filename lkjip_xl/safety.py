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

Every worksheet is then bounded by :func:`lkjip_xl.sheets.check_sheets`, and
:func:`lkjip_xl.workbooks.open_workbook` is the one way the toolkit opens any
input workbook (both checks first).

The limits below are documented in docs/validation.md; a returned form is
10–20 KB.
"""

from __future__ import annotations

import io
import os
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cached_property

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

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  #: OLE compound file: .xls, .doc, encrypted OOXML
WORKBOOK_PART = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"

#: What a file is (its message code), by its first bytes, when it is neither zip nor OLE.
_SIGNATURES = (
    (b"%PDF", "found_pdf"),
    (b"{\\rtf", "found_rtf"),
    (b"\x89PNG", "found_png"),
    (b"\xff\xd8\xff", "found_jpeg"),
    (b"Rar!", "found_rar"),
    (b"7z\xbc\xaf", "found_7z"),
)
#: What a zip is (its message code), by a member that only that kind of file has.
_ZIP_KINDS = (
    ("word/document.xml", "found_docx"),
    ("ppt/presentation.xml", "found_pptx"),
    ("content.xml", "found_opendocument"),
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
    #: the parts :meth:`xml` parsed, by name: the workbook part is asked for more than once
    parsed: dict = field(default_factory=dict, repr=False, compare=False)

    def read(self, name: str) -> bytes:
        """One member, whole: at most :data:`MAX_MEMBER_BYTES`, its size and CRC checked."""
        info = self.zip.getinfo(name)
        data = self.inflate(info, MAX_MEMBER_BYTES + 1)
        if len(data) > MAX_MEMBER_BYTES:
            raise _fail(self.path, "file_zip_bomb", detail=name, limit=_mib(MAX_MEMBER_BYTES))
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            raise _fail(self.path, "file_corrupt", detail=msg("file_detail_size_crc", part=name))
        return data

    def inflate(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        """Up to ``limit`` bytes of a member, decompressed straight from :attr:`data`.

        Several times faster than opening the member through :mod:`zipfile`;
        :meth:`read` adds the size and CRC checks.
        """
        if not self.data.startswith(ZIP_MAGIC, info.header_offset):
            raise _fail(self.path, "file_corrupt", detail=msg("file_detail_no_header", part=info.filename))
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
        """Parse one XML member with defusedxml (DTDs and entities refused), once."""
        if name in self.parsed:
            return self.parsed[name]
        try:
            self.parsed[name] = fromstring(self.read(name), forbid_dtd=True)
            return self.parsed[name]
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
        found = next((kind for magic, kind in _SIGNATURES if data.startswith(magic)), "found_unknown")
        raise _fail(path, "file_not_xlsx", found=msg(found))
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
    return _fail(path, "file_not_xlsx", found=msg("found_doc" if _OLE_DOC in data else "found_ole"))


def _check_members(package: Package) -> None:
    path, archive = package.path, package.zip
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise _fail(path, "file_zip_bomb", detail=msg("file_detail_parts", count=len(members)),
                    limit=msg("file_detail_parts", count=MAX_ZIP_MEMBERS))
    names = {m.filename for m in members}
    if WORKBOOK_PART not in names:
        found = next((kind for part, kind in _ZIP_KINDS if part in names), "found_zip")
        raise _fail(path, "file_not_xlsx", found=msg(found))
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise _fail(path, "file_encrypted")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _fail(path, "file_corrupt", detail=msg("file_detail_compression", part=member.filename,
                                                                  method=member.compress_type))
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_BYTES:
            raise _fail(path, "file_zip_bomb", detail=member.filename, limit=_mib(MAX_MEMBER_BYTES))
        if total > MAX_TOTAL_BYTES:
            raise _fail(path, "file_zip_bomb", detail=msg("file_detail_all_parts"), limit=_mib(MAX_TOTAL_BYTES))
        if member.file_size > RATIO_CHECK_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise _fail(path, "file_zip_bomb", detail=msg("file_detail_part_ratio", part=member.filename,
                                                          ratio=f"{ratio:.0f}"),
                        limit=msg("file_detail_ratio", ratio=MAX_COMPRESSION_RATIO))
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

