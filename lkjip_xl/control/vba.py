"""The control workbook's VBA project: xlwings' own, plus one module of lkjip-xl for the "Pilih…" buttons.

:func:`with_picker_module` takes the ``vbaProject.bin`` of the installed
xlwings (:func:`lkjip_xl.control.build.xlwings_vba_project`) and adds the
standard module :data:`MODULE` whose three macros open a dialog and write the
chosen path into a settings cell of sheet "Kendali":

- ``PilihFolder "B11"`` — ``Application.FileDialog(msoFileDialogFolderPicker)``;
- ``PilihBerkas "B6", "xlsx"`` — ``Application.FileDialog(msoFileDialogFilePicker)``
  filtered to one extension (``, True``: several files, written as ``a; b``);
- ``PilihSimpan "B7", "xlsx"`` — ``Application.GetSaveAsFilename`` for a file
  to be written (the dialog only returns the name; nothing is saved).

The dialog's title is the setting's label (the cell left of it), it opens in
the folder of the path already typed (else the workbook's folder), and
Cancel leaves the cell as it was.

Everything else of xlwings' project stays as it is, byte for byte once
decompressed: the module source is stored the way [MS-OVBA] prescribes (its
compression, a ``MODULE`` record in the ``dir`` stream, a ``Module=`` line in
the ``PROJECT`` stream, its name in ``PROJECTwm``), without a p-code cache,
so Excel compiles it from source on open as it does the rest of the project
(``_VBA_PROJECT`` is xlwings' 7-byte form, version 0xFFFF).
"""

from __future__ import annotations

import struct

from .compound import read_compound, write_compound

#: The module of lkjip-xl added to xlwings' project.
MODULE = "LkjipXl"
PICK_FOLDER = "PilihFolder"
PICK_FILE = "PilihBerkas"
PICK_SAVE = "PilihSimpan"
#: The project's code page (PROJECTCODEPAGE of xlwings' project: Windows-1252); the source is ASCII.
CODEPAGE = "cp1252"

_SOURCE = """Attribute VB_Name = "{module}"
' lkjip-xl: the path buttons of the control sheet. Each macro writes the path chosen in
' a dialog into its settings cell; the label left of the cell is the dialog's title.
' Written by lkjip-xl (lkjip_xl/control/vba.py); rebuild the workbook to change it.
Option Explicit

Public Sub {pick_dir}(ByVal address As String)
    Dim target As Range
    Set target = {sheet}.Range(address)
    With Application.FileDialog(4)  ' msoFileDialogFolderPicker
        .Title = CStr(target.Offset(0, -1).Value)
        .AllowMultiSelect = False
        .InitialFileName = StartFolder(target)
        If .Show = -1 Then target.Value = .SelectedItems(1)
    End With
End Sub

Public Sub {file}(ByVal address As String, ByVal extension As String, Optional ByVal several As Boolean = False)
    Dim target As Range, chosen As String, i As Long
    Set target = {sheet}.Range(address)
    With Application.FileDialog(3)  ' msoFileDialogFilePicker
        .Title = CStr(target.Offset(0, -1).Value)
        .AllowMultiSelect = several
        .Filters.Clear
        .Filters.Add UCase(extension), "*." & extension
        .InitialFileName = StartFolder(target)
        If .Show = -1 Then
            chosen = .SelectedItems(1)
            For i = 2 To .SelectedItems.Count
                chosen = chosen & "; " & .SelectedItems(i)
            Next i
            target.Value = chosen
        End If
    End With
End Sub

Public Sub {save}(ByVal address As String, ByVal extension As String)
    Dim target As Range, start As String, chosen As Variant
    Set target = {sheet}.Range(address)
    start = CurrentPath(target)
    If start = "" Or Right(start, 1) = "\\" Then start = StartFolder(target)
    chosen = Application.GetSaveAsFilename(start, UCase(extension) & " (*." & extension & "),*." & extension, _
        1, CStr(target.Offset(0, -1).Value))
    If VarType(chosen) = vbString Then target.Value = chosen
End Sub

Private Function CurrentPath(ByVal target As Range) As String
    ' The first path typed in the cell, without quotes, taken from the workbook's directory when relative.
    Dim typed As String
    typed = Trim(Replace(CStr(target.Value), Chr(34), ""))
    If InStr(typed, ";") > 0 Then typed = Trim(Left(typed, InStr(typed, ";") - 1))
    If typed <> "" And Mid(typed, 2, 1) <> ":" And Left(typed, 2) <> "\\\\" Then
        typed = ThisWorkbook.Path & "\\" & typed
    End If
    CurrentPath = typed
End Function

Private Function StartFolder(ByVal target As Range) As String
    ' Where the dialog opens: the path in the cell, or the directory holding it, else the workbook's.
    Dim place As String
    place = CurrentPath(target)
    If Not IsFolder(place) Then
        If InStrRev(place, "\\") > 0 Then place = Left(place, InStrRev(place, "\\") - 1)
        If Not IsFolder(place) Then place = ThisWorkbook.Path
        If Not IsFolder(place) Then place = CurDir  ' a workbook on OneDrive/SharePoint has a URL
    End If
    If Right(place, 1) <> "\\" Then place = place & "\\"
    StartFolder = place
End Function

Private Function IsFolder(ByVal place As String) As Boolean
    On Error Resume Next
    IsFolder = False
    If place <> "" Then IsFolder = (GetAttr(place) And vbDirectory) = vbDirectory
    On Error GoTo 0
End Function
"""


def picker_source(sheet_codename: str) -> str:
    """The VBA source of :data:`MODULE` (CRLF line ends), its macros writing into sheet ``sheet_codename``."""
    text = _SOURCE.format(module=MODULE, pick_dir=PICK_FOLDER, file=PICK_FILE, save=PICK_SAVE, sheet=sheet_codename)
    return text.replace("\n", "\r\n")


def with_picker_module(project: bytes, sheet_codename: str) -> bytes:
    """xlwings' ``vbaProject.bin`` with the module :data:`MODULE` added (see the module's docstring)."""
    return add_module(project, MODULE, picker_source(sheet_codename))


def add_module(project: bytes, name: str, source: str) -> bytes:
    """``project`` (a ``vbaProject.bin``) with a standard module ``name`` holding ``source``."""
    root = read_compound(project)
    records = dir_records(decompress(root.stream("VBA/dir")))
    ascii_name, wide_name = name.encode(CODEPAGE), name.encode("utf-16-le")
    if any(rid == 0x19 and body.upper() == ascii_name.upper() for rid, body in records):
        raise ValueError(f"the project already has a module {name!r}")
    count = next(n for n, (rid, _) in enumerate(records) if rid == 0x0F)
    records[count] = (0x0F, struct.pack("<H", struct.unpack("<H", records[count][1])[0] + 1))
    module = [
        (0x19, ascii_name), (0x47, wide_name),  # MODULENAME, MODULENAMEUNICODE
        (0x1A, ascii_name), (0x32, wide_name),  # MODULESTREAMNAME
        (0x1C, b""), (0x48, b""),  # MODULEDOCSTRING
        (0x31, struct.pack("<I", 0)),  # MODULEOFFSET: the source starts the stream (no p-code cache)
        (0x1E, struct.pack("<I", 0)),  # MODULEHELPCONTEXT
        (0x2C, struct.pack("<H", 0xFFFF)),  # MODULECOOKIE
        (0x21, b""),  # MODULETYPE: procedural
        (0x2B, b""),  # the module's terminator
    ]
    end = max(n for n, (rid, _) in enumerate(records) if rid == 0x10)
    records[end:end] = module
    root.set_stream("VBA/dir", compress(dir_bytes(records)))
    root.set_stream(f"VBA/{name}", compress(source.encode(CODEPAGE)))

    lines = root.stream("PROJECT").decode(CODEPAGE).split("\r\n")
    last = max(n for n, line in enumerate(lines) if line.split("=", 1)[0] in ("Document", "Module", "Class",
                                                                              "BaseClass", "Package"))
    lines.insert(last + 1, f"Module={name}")
    if "[Workspace]" in lines:
        tail = len(lines)
        while tail > 0 and not lines[tail - 1]:
            tail -= 1
        lines.insert(tail, f"{name}=0, 0, 0, 0, C")
    root.set_stream("PROJECT", "\r\n".join(lines).encode(CODEPAGE))
    names = root.stream("PROJECTwm")
    root.set_stream("PROJECTwm", names[:-2] + ascii_name + b"\0" + wide_name + b"\0\0" + b"\0\0")
    return write_compound(root)


# --------------------------------------------------------------------------- the dir stream


def dir_records(data: bytes) -> list[tuple[int, bytes]]:
    """The records (id, body) of a decompressed ``dir`` stream, in order."""
    records, n = [], 0
    while n + 6 <= len(data):
        rid, size = struct.unpack_from("<HI", data, n)
        if rid == 0x09:  # PROJECTVERSION: its size field says 4, but 6 bytes follow
            size = 6
        records.append((rid, data[n + 6:n + 6 + size]))
        n += 6 + size
    return records


def dir_bytes(records: list[tuple[int, bytes]]) -> bytes:
    """The decompressed ``dir`` stream of ``records``."""
    return b"".join(struct.pack("<HI", rid, 4 if rid == 0x09 else len(body)) + body for rid, body in records)


# --------------------------------------------------------------------------- [MS-OVBA] 2.4.1 compression

_CHUNK = 4096


def _bit_count(position: int) -> int:
    """Bits of a copy token's offset at ``position`` bytes into its chunk (at least 4)."""
    return max((position - 1).bit_length(), 4)


def decompress(data: bytes) -> bytes:
    """A CompressedContainer's bytes, decompressed."""
    if not data or data[0] != 1:
        raise ValueError("no compressed container")
    out = bytearray()
    n = 1
    while n + 2 <= len(data):
        header = struct.unpack_from("<H", data, n)[0]
        end = min(n + (header & 0x0FFF) + 3, len(data))
        n += 2
        start = len(out)
        if not header & 0x8000:  # a raw chunk
            out += data[n:n + _CHUNK]
            n += _CHUNK
            continue
        while n < end:
            flags = data[n]
            n += 1
            for bit in range(8):
                if n >= end:
                    break
                if not flags >> bit & 1:
                    out.append(data[n])
                    n += 1
                    continue
                token = struct.unpack_from("<H", data, n)[0]
                n += 2
                bits = _bit_count(len(out) - start)
                length = (token & (0xFFFF >> bits)) + 3
                source = len(out) - ((token >> (16 - bits)) + 1)
                if source < start:
                    raise ValueError("copy token before its chunk")
                for k in range(length):
                    out.append(out[source + k])
    return bytes(out)


def compress(data: bytes) -> bytes:
    """``data`` as a CompressedContainer (the algorithm of [MS-OVBA] 2.4.1.3.6–2.4.1.3.19)."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), _CHUNK):
        out += _compress_chunk(data[start:start + _CHUNK])
    return bytes(out)


def _compress_chunk(chunk: bytes) -> bytes:
    body = bytearray()
    pos = 0
    while pos < len(chunk):
        flag_at = len(body)
        body.append(0)
        for bit in range(8):
            if pos >= len(chunk):
                break
            offset, length = _match(chunk, pos)
            if length:
                bits = _bit_count(pos)
                body += struct.pack("<H", ((offset - 1) << (16 - bits)) | (length - 3))
                body[flag_at] |= 1 << bit
                pos += length
            else:
                body.append(chunk[pos])
                pos += 1
    if len(body) > _CHUNK:  # incompressible: a raw chunk, which must hold 4096 bytes
        if len(chunk) != _CHUNK:
            raise ValueError("an incompressible last chunk cannot be stored")
        return struct.pack("<H", 0x3FFF) + chunk
    return struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + bytes(body)


def _match(chunk: bytes, pos: int) -> tuple[int, int]:
    """(offset, length) of the longest earlier match at ``pos`` (length 0: none of 3 bytes or more)."""
    longest, best = 0, 0
    maximum = (0xFFFF >> _bit_count(pos)) + 3 if pos else 0
    for candidate in range(pos - 1, -1, -1):
        length = 0
        while pos + length < len(chunk) and length < maximum and chunk[candidate + length] == chunk[pos + length]:
            length += 1
        if length > longest:
            longest, best = length, candidate
            if length == maximum:
                break
    if longest < 3:
        return 0, 0
    return pos - best, longest
