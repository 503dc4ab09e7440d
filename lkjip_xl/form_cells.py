"""The cells of a returned form as :mod:`lkjip_xl.reader` hands them on: a value and its A1 address.

A form's table has about a hundred rows of some eighteen columns, and every form
of a national run is read: :class:`FormRow` keeps a row's values as calamine read
them and makes a :class:`RawCell` only for a cell asked for (the checks read most
cells only for their values, :meth:`FormRow.value`).  It is a mutable mapping of
column key → cell like the dictionary it stands for; a row written to becomes one.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

from .model import pickled_by_fields


@pickled_by_fields
@dataclass(slots=True)  # thousands a form
class RawCell:
    value: Any
    cell: str


class FormRow(MutableMapping):
    """The cells of one table row by column key (``columns``: key → 0-based index and column letters).

    ``raw`` holds a value for every index of ``columns`` (calamine's row); ``number`` is the row's number as
    text ("12").
    """

    __slots__ = ("raw", "number", "columns", "_cells")

    def __init__(self, raw: list[Any], number: str, columns: dict[str, tuple[int, str]]):
        self.raw = raw
        self.number = number
        self.columns = columns
        self._cells: dict[str, RawCell] | None = None  #: the row as a dictionary, once written to

    def __getitem__(self, key: str) -> RawCell:
        if self._cells is not None:
            return self._cells[key]
        index, letters = self.columns[key]
        return RawCell(self.raw[index], letters + self.number)

    def get(self, key: str, default: Any = None) -> Any:
        if self._cells is not None:
            return self._cells.get(key, default)
        found = self.columns.get(key)
        return default if found is None else RawCell(self.raw[found[0]], found[1] + self.number)

    def value(self, key: str) -> Any:
        """The value of the cell of column ``key`` (``KeyError`` for a column the row does not have)."""
        if self._cells is not None:
            return self._cells[key].value
        return self.raw[self.columns[key][0]]

    def present(self, keys: tuple[str, ...]) -> list[tuple[str, Any, str]]:
        """(key, value, A1 address) of each of ``keys`` the row has a column for, in order: what the checks of a
        row read of several cells, in one call and without a :class:`RawCell` each."""
        found: list[tuple[str, Any, str]] = []
        if self._cells is not None:
            for key in keys:
                cell = self._cells.get(key)
                if cell is not None:
                    found.append((key, cell.value, cell.cell))
            return found
        raw, number, columns = self.raw, self.number, self.columns
        for key in keys:
            column = columns.get(key)
            if column is not None:
                found.append((key, raw[column[0]], column[1] + number))
        return found

    def address(self, key: str) -> str:
        """The A1 address of the cell of column ``key``."""
        if self._cells is not None:
            return self._cells[key].cell
        return self.columns[key][1] + self.number

    def __contains__(self, key: object) -> bool:
        return key in (self.columns if self._cells is None else self._cells)

    def __iter__(self) -> Iterator[str]:
        return iter(self.columns if self._cells is None else self._cells)

    def __len__(self) -> int:
        return len(self.columns if self._cells is None else self._cells)

    def _own(self) -> dict[str, RawCell]:
        if self._cells is None:
            self._cells = {key: self[key] for key in self.columns}
        return self._cells

    def __setitem__(self, key: str, cell: RawCell) -> None:
        self._own()[key] = cell

    def __delitem__(self, key: str) -> None:
        del self._own()[key]

    def __repr__(self) -> str:
        return f"FormRow({dict(self)!r})"
