"""Read and write a Compound File Binary (the OLE container of ``vbaProject.bin``, [MS-CFB]).

Only what the control workbook's VBA project needs: :func:`read_compound`
turns a compound file into its storages and streams, :func:`write_compound`
writes such a tree back as a version 3 file (512-byte sectors, 64-byte mini
sectors, streams under 4096 bytes in the mini stream, the FAT addressed from
the header alone, which holds files up to about 6.8 MB).  The output is
deterministic: no time stamps, siblings kept as a red-black tree in the
order the format prescribes (shorter names first, then by upper-case name).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR, MINI_SECTOR, MINI_CUTOFF = 512, 64, 4096
ENTRY = 128
_HEADER_DIFAT = 109
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1


class CompoundError(ValueError):
    """The bytes are no compound file this module can read."""


@dataclass
class Storage:
    """A storage: its CLSID and its children (name → :class:`Storage` or the bytes of a stream)."""

    clsid: bytes = bytes(16)
    children: dict[str, Storage | bytes] = field(default_factory=dict)

    def stream(self, path: str) -> bytes:
        """The stream at ``path`` ("VBA/dir"), names compared without case."""
        node: Storage | bytes = self
        for name in path.split("/"):
            if not isinstance(node, Storage):
                raise KeyError(path)
            key = next((k for k in node.children if k.upper() == name.upper()), None)
            if key is None:
                raise KeyError(path)
            node = node.children[key]
        if not isinstance(node, bytes):
            raise KeyError(path)
        return node

    def set_stream(self, path: str, data: bytes) -> None:
        """Put ``data`` at ``path``, replacing a stream of that name (any case) or adding one."""
        *folders, name = path.split("/")
        node = self
        for folder in folders:
            key = next(k for k in node.children if k.upper() == folder.upper())
            child = node.children[key]
            assert isinstance(child, Storage)
            node = child
        key = next((k for k in node.children if k.upper() == name.upper()), name)
        node.children[key] = data


# --------------------------------------------------------------------------- reading


def read_compound(data: bytes) -> Storage:
    """The root storage of the compound file ``data`` (:class:`CompoundError` when it is none)."""
    if len(data) < SECTOR or not data.startswith(MAGIC):
        raise CompoundError("no compound file signature")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    size, mini = 1 << shift, 1 << mini_shift
    n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
    cutoff, first_minifat, _n_minifat, first_difat, n_difat = struct.unpack_from("<IIIII", data, 0x38)
    if size not in (512, 4096) or mini != MINI_SECTOR:
        raise CompoundError("unsupported sector size")

    def sector(n: int) -> bytes:
        start = (n + 1) * size
        if start >= len(data):
            raise CompoundError(f"sector {n} outside the file")
        return data[start:start + size].ljust(size, b"\0")

    fat_sectors = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", data, 0x4C))
    difat, seen = first_difat, 0
    while difat not in (ENDOFCHAIN, FREESECT) and seen <= n_difat:
        block = struct.unpack(f"<{size // 4}I", sector(difat))
        fat_sectors += block[:-1]
        difat, seen = block[-1], seen + 1
    fat_sectors = [s for s in fat_sectors if s not in (FREESECT, ENDOFCHAIN)][:n_fat]
    fat = [v for s in fat_sectors for v in struct.unpack(f"<{size // 4}I", sector(s))]

    def chain(start: int, table: list[int]) -> list[int]:
        found: list[int] = []
        while start not in (ENDOFCHAIN, FREESECT):
            if start >= len(table) or len(found) > len(table):
                raise CompoundError("broken sector chain")
            found.append(start)
            start = table[start]
        return found

    directory = b"".join(sector(s) for s in chain(first_dir, fat))
    entries = [directory[i:i + ENTRY] for i in range(0, len(directory), ENTRY)]
    root = entries[0]
    mini_stream = b"".join(sector(s) for s in chain(struct.unpack_from("<I", root, 0x74)[0], fat))
    minifat_bytes = b"".join(sector(s) for s in chain(first_minifat, fat))
    minifat = list(struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes))

    def stream(entry: bytes) -> bytes:
        start, length = struct.unpack_from("<IQ", entry, 0x74)
        length &= 0xFFFFFFFF if size == 512 else (1 << 64) - 1
        if length < cutoff:
            body = b"".join(mini_stream[s * mini:(s + 1) * mini] for s in chain(start, minifat))
        else:
            body = b"".join(sector(s) for s in chain(start, fat))
        if len(body) < length:
            raise CompoundError("stream shorter than its size")
        return body[:length]

    def children(index: int, storage: Storage, depth: int = 0) -> None:
        stack, visited = [index], set()
        while stack:
            n = stack.pop()
            if n == NOSTREAM or n in visited or n >= len(entries) or depth > 32:
                continue
            visited.add(n)
            entry = entries[n]
            name_len = struct.unpack_from("<H", entry, 0x40)[0]
            name = entry[:max(0, name_len - 2)].decode("utf-16-le")
            kind = entry[0x42]
            left, right, child = struct.unpack_from("<III", entry, 0x44)
            stack += [right, left]
            if kind == _STORAGE:
                sub = Storage(entry[0x50:0x60])
                children(child, sub, depth + 1)
                storage.children[name] = sub
            elif kind == _STREAM:
                storage.children[name] = stream(entry)

    tree = Storage(root[0x50:0x60])
    children(struct.unpack_from("<I", root, 0x4C)[0], tree)
    return tree


# --------------------------------------------------------------------------- writing


def _order(name: str) -> tuple[int, str]:
    return len(name.encode("utf-16-le")) // 2, name.upper()


@dataclass
class _Entry:
    name: str
    kind: int
    clsid: bytes = bytes(16)
    data: bytes = b""
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = _BLACK
    start: int = ENDOFCHAIN
    size: int = 0


def _flatten(storage: Storage, entries: list[_Entry], index: int) -> None:
    """Add the children of ``storage`` (entry ``index``) as a balanced red-black tree of siblings."""
    names = sorted(storage.children, key=_order)
    first = len(entries)
    for name in names:
        node = storage.children[name]
        entries.append(_Entry(name, _STORAGE, node.clsid) if isinstance(node, Storage)
                       else _Entry(name, _STREAM, data=node))
    depth_of: dict[int, int] = {}

    def build(lo: int, hi: int, depth: int) -> int:
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        depth_of[first + mid] = depth
        entries[first + mid].left = build(lo, mid, depth + 1)
        entries[first + mid].right = build(mid + 1, hi, depth + 1)
        return first + mid

    entries[index].child = build(0, len(names), 0)
    if depth_of:
        deepest = max(depth_of.values())
        if sum(1 for d in depth_of.values() if d == deepest) < 2 ** deepest:  # the last level is not full
            for n, d in depth_of.items():
                entries[n].color = _RED if d == deepest else _BLACK
    for offset, name in enumerate(names):
        node = storage.children[name]
        if isinstance(node, Storage):
            _flatten(node, entries, first + offset)


def write_compound(root: Storage) -> bytes:
    """The compound file (version 3) holding ``root``'s storages and streams."""
    entries = [_Entry("Root Entry", _ROOT, root.clsid)]
    _flatten(root, entries, 0)

    sectors: list[bytes] = []  # regular sectors after the header, in file order
    fat: list[int] = []

    def put(data: bytes) -> int:
        count = -(-len(data) // SECTOR)
        if not count:
            return ENDOFCHAIN
        first = len(sectors)
        for n in range(count):
            sectors.append(data[n * SECTOR:(n + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + n + 1 if n < count - 1 else ENDOFCHAIN)
        return first

    mini_stream = bytearray()
    minifat: list[int] = []
    for entry in entries:
        if entry.kind != _STREAM:
            continue
        entry.size = len(entry.data)
        if entry.size >= MINI_CUTOFF:
            entry.start = put(entry.data)
        elif entry.size:
            count = -(-entry.size // MINI_SECTOR)
            entry.start = len(minifat)
            minifat += [entry.start + n + 1 for n in range(count - 1)] + [ENDOFCHAIN]
            mini_stream += entry.data.ljust(count * MINI_SECTOR, b"\0")
    entries[0].start = put(bytes(mini_stream))
    entries[0].size = len(mini_stream)
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    minifat_bytes += b"\xff" * (-len(minifat_bytes) % SECTOR)
    first_minifat = put(minifat_bytes)

    directory = b"".join(_entry_bytes(e) for e in entries)
    directory += b"".join(_entry_bytes(_Entry("", 0, color=_RED)) for _ in range(-len(entries) % (SECTOR // ENTRY)))
    first_dir = put(directory)

    per_sector = SECTOR // 4
    n_fat = 0
    while n_fat * per_sector < len(sectors) + n_fat:
        n_fat += 1
    if n_fat > _HEADER_DIFAT:
        raise CompoundError("compound file too large for a header-only FAT")
    fat_start = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREESECT] * (n_fat * per_sector - len(fat))
    table = struct.pack(f"<{len(fat)}I", *fat)
    sectors += [table[n * SECTOR:(n + 1) * SECTOR] for n in range(n_fat)]

    difat = [fat_start + n for n in range(n_fat)] + [FREESECT] * (_HEADER_DIFAT - n_fat)
    header = (MAGIC + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, n_fat, first_dir, 0, MINI_CUTOFF,
                            first_minifat if minifat else ENDOFCHAIN, len(minifat_bytes) // SECTOR if minifat else 0,
                            ENDOFCHAIN, 0)
              + struct.pack(f"<{_HEADER_DIFAT}I", *difat))
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _entry_bytes(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le")
    if len(name) > 62:
        raise CompoundError(f"name too long: {entry.name!r}")
    size = len(name) + 2 if entry.name else 0
    return (name.ljust(64, b"\0") + struct.pack("<HBBIII", size, entry.kind, entry.color, entry.left, entry.right,
                                                entry.child)
            + entry.clsid + bytes(4 + 16) + struct.pack("<IQ", entry.start if entry.kind != _STORAGE else 0,
                                                         entry.size))
