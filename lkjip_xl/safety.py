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
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from .messages import msg
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


class FormReadError(Exception):
    """A file cannot be read as a form at all (``code`` names the reason)."""

    def __init__(self, path: str, code: str, message: str, sheet: str = ""):
        super().__init__(message)
        self.path = path
        self.code = code
        self.message = message
        self.sheet = sheet


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
        rel_id = None
        for element in self.xml(WORKBOOK_PART).iter(f"{_NS_MAIN}sheet"):
            if element.get("name") == sheet:
                rel_id = element.get(f"{_NS_REL}id")
        if rel_id is None or WORKBOOK_RELS not in self.zip.NameToInfo:
            return None
        for element in self.xml(WORKBOOK_RELS).iter(f"{_NS_PKG_REL}Relationship"):
            if element.get("Id") == rel_id:
                target = element.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                return name if name in self.zip.NameToInfo else None
        return None


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
    """The first line of an exception's text (its type when empty), for a message's detail."""
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


def _mib(size: int) -> str:
    return f"{format_number(size / (1024 * 1024), 1)} MB"
