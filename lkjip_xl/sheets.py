"""Every worksheet bounded before any reader sees it: one scan of its XML.

:func:`check_sheets` scans each sheet of a checked :class:`~lkjip_xl.safety.Package`
once (:func:`scan_sheet`): its real extent — from the ``r`` attributes of
``<row>`` and ``<c>`` in any attribute order, quoting and namespace prefix, and
from the position that rows and cells without ``r`` take — with its hidden rows
and columns and its formula cells.  A sheet reaching past :data:`MAX_SHEET_ROWS`,
:data:`MAX_SHEET_COLUMNS` or :data:`MAX_SHEET_CELLS` is refused, since calamine
builds the whole grid from A1 (one cell at XFD1048576 would need 17 billion
cells and abort the process).

The limits are documented in docs/validation.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import unescape

from .messages import msg
from .numbers import format_number
from .safety import FormReadError, Package
from .xlsx import column_index, column_letters

#: The extent of every worksheet (its last row and column holding a ``<row>`` or
#: ``<c>`` element, or named by its ``<dimension>``) is bounded: a form is about
#: 100 rows × 15 columns, a master or an input table a few hundred rows.
MAX_SHEET_ROWS = 100_000
MAX_SHEET_COLUMNS = 1_000  #: up to column ALL
#: Last row × last column: the grid a reader builds from A1 (calamine allocates it whole).
MAX_SHEET_CELLS = 2_000_000
#: The sheet limits as the messages state them.
SHEET_LIMITS = msg("sheet_limits", rows=format_number(MAX_SHEET_ROWS, 0), columns=format_number(MAX_SHEET_COLUMNS, 0),
                   last_column=column_letters(MAX_SHEET_COLUMNS - 1), cells=format_number(MAX_SHEET_CELLS, 0))


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
#: An ``r`` attribute spelled with space before its "=": not counted as ``r=``, and a reader would
#: accept it (no writer spells it so).  Searched from the literal ``r``: one pass, far faster than
#: looking for every space before any "=".
_SPACED_R = re.compile(rb"r\s+=")
_LETTERS = bytes(range(ord("A"), ord("Z") + 1))
_DIGITS = b"0123456789"
#: A <c>, <row> or <f> (prefixed ones are found by _PREFIXED): one pass over the XML outside
#: ``<sheetData>`` (its data validations are most of a form's sheet).
_OUTSIDE = re.compile(rb"<(?:c|row|f)[\s/>]")
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
    scan = None if prefixed else _scan_fast(data, prefixed=False, start=start)
    if scan is None:
        scan = _scan_tags(data)
    # <cols> precedes <sheetData> (Excel refuses a sheet where it does not)
    scan.hidden_columns = _hidden_columns(data, len(data) if prefixed else start, prefixed)
    return scan, _dimension(data)


def _scan_fast(data: bytes, prefixed: bool | None = None, start: int | None = None) -> SheetScan | None:
    """:func:`scan_sheet` for a sheet whose every row and cell has ``r`` first; ``None`` otherwise.

    Rows and cells are looked for only inside ``<sheetData>``; a ``<row>``, ``<c>``
    or ``<f>`` before or after it (openpyxl would read one) sends the sheet to
    the general scan.
    """
    if start is None:
        start = data.find(b"<sheetData")
    if prefixed is None:
        prefixed = start < 0 or _PREFIXED.search(data) is not None
    if prefixed:
        return None
    end = max(data.rfind(b"</sheetData>"), start)
    if _OUTSIDE.search(data, 0, start) or _OUTSIDE.search(data, end):
        return None
    refs = _FAST_CELL.findall(data, start, end)
    rows = _FAST_ROW.findall(data, start, end)
    row_numbers, row_attrs = zip(*rows) if rows else ((), ())
    if b"" in refs or b"" in row_numbers:
        return None
    # each "r=" is the r of a row or a cell counted above: no second r hides in a tag
    if (data.count(b"r=", start, end) != len(refs) + len(rows)
            or _SPACED_R.search(data, start, end) is not None):
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
        columns=max((column_index(letters) + 1 for letters in set(joined.translate(None, _DIGITS).split())),
                    default=0),
        hidden_rows=frozenset(hidden),
        formulas=_formula_texts(formulas))


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
            raise _BadTag(msg("sheet_detail_bad_tag", tag=malformed.decode()), max(row, 0), max(col, 0))
        if closing:
            if name == b"row":
                in_row, col = False, -1
            elif name == b"c":
                cell = None
            continue
        attrs = _attributes(raw)
        if attrs is None:
            raise _BadTag(msg("sheet_detail_repeated_attribute", tag=name.decode()), max(row, 0), max(col, 0))
        if name == b"row":
            ref = attrs.get(b"r")
            if ref is None:
                row += 1
            elif ref.isdigit() and 0 < len(ref) <= 10 and int(ref) > 0:
                row = int(ref) - 1
            else:
                raise _BadTag(msg("sheet_detail_bad_row", ref=ref.decode("utf-8", "replace")[:20]), max(row, 0), 0)
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
                    raise _BadTag(msg("sheet_detail_bad_cell", ref=ref.decode("utf-8", "replace")[:20]),
                                  max(row, 0), max(col + 1, 0))
                at_row, col = int(parsed.group(2)) - 1, column_index(parsed.group(1))
            at_row = max(at_row, 0)
            last_row, last_col = max(last_row, at_row + 1), max(last_col, col + 1)
            cell = None if empty else (at_row, col)
        elif name == b"f" and cell is not None:
            text = b"" if empty else data[match.end():data.find(b"<", match.end())]
            formulas[column_letters(cell[1]) + str(cell[0] + 1)] = _xml_text(text)
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
    return (int(parsed.group(2)), column_index(parsed.group(1)) + 1) if parsed else None


def _formula_texts(found: list[tuple[bytes, bytes]]) -> dict[str, str]:
    """A1 → formula text of :data:`_FAST_FORMULA`'s matches, as :func:`_xml_text` reads each: decoded and
    unescaped at once, joined by "<" (which no reference or text holds; an entity never spans it)."""
    if not found:
        return {}
    refs, texts = zip(*found)
    return dict(zip(b"<".join(refs).decode("ascii").split("<"), _xml_text(b"<".join(texts)).split("<")))


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
            cell = f"{column_letters(exc.col)}{exc.row + 1}"
            raise FormReadError(package.path, "sheet_cell_invalid",
                                msg("sheet_cell_invalid", path=package.path, sheet=sheet, cell=cell,
                                    detail=exc.detail), sheet=sheet, cell=cell) from None
        for rows, columns in ((scan.rows, scan.columns), claimed or (0, 0)):
            if _out_of_bounds(rows, columns):
                cell = f"{column_letters(max(columns, 1) - 1)}{max(rows, 1)}"
                raise FormReadError(package.path, "sheet_too_large", msg(
                    "sheet_too_large", path=package.path, sheet=sheet, cell=cell,
                    rows=format_number(rows, 0), columns=format_number(columns, 0),
                    limit=SHEET_LIMITS), sheet=sheet, cell=cell)
        scans[sheet] = scan  # the last sheet of a name, as Package.sheet_parts
    return scans

