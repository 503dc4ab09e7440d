"""One rounding rule, the spreadsheet's: :func:`lkjip_xl.numbers.excel_round`.

Every rendered number (:func:`format_number`) and every rounded value the
toolkit computes (``budget.spreadsheet_round``) goes through it.  LibreOffice is
the oracle: a large random table of values — many of them a hair off a rounding
boundary, where binary noise and the 15-digit rule decide — is written with
``ROUND()`` and ``TEXT()`` formulas, recomputed by LibreOffice and compared
value by value with what the toolkit computes and shows.
"""

from __future__ import annotations

import math
import random
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from engine import recalculate, require_soffice
from lkjip_xl.tables.budget.model import spreadsheet_round
from lkjip_xl.numbers import excel_round, format_number

#: Values in the random table.
COUNT = 20_000


def _random_values(count: int, seed: int = 2023) -> list[tuple[float, int]]:
    """(value, decimals) pairs: plain random values and values next to a ``…5`` boundary."""
    rng = random.Random(seed)
    values: list[tuple[float, int]] = [(730.1649999999998, 2), (99.405, 2), (2.675, 2), (-2.675, 2), (0.125, 2),
                                       (1.005, 2), (-0.005, 2), (39.556, 2), (1e15 + 0.5, 0)]
    while len(values) < count:
        decimals = rng.choice((0, 1, 2, 2, 2, 3, 4))
        scale = 10 ** rng.randint(0, 9)
        kind = rng.random()
        if kind < 0.5:  # exactly on a half in decimal, as typed: x.xx5
            base = rng.randint(-scale * 10, scale * 10) / 10 ** (decimals + 1)
            base = math.floor(base * 10 ** decimals) / 10 ** decimals + 5 / 10 ** (decimals + 1)
            value = base
        elif kind < 0.8:  # a few ulps either side of such a half: what arithmetic leaves behind
            base = rng.randint(-scale, scale) + 5 / 10 ** (decimals + 1)
            value = base
            for _ in range(rng.randint(1, 4)):
                value = math.nextafter(value, math.inf if rng.random() < 0.5 else -math.inf)
        else:  # a ratio as capaian is computed
            value = rng.randint(0, 5000) / rng.randint(1, 5000) * 100
        values.append((value, decimals))
    return values


def test_known_cases():
    assert format_number(730.1649999999998) == "730,17"  # Excel shows 730,17
    assert format_number(99.405) == "99,41"
    assert format_number(-2.675) == "-2,68"
    assert format_number(0.125) == "0,13"
    assert format_number(-0.004) == "0"
    assert spreadsheet_round(99.405, 2) == 99.41
    assert spreadsheet_round(-0.125, 2) == -0.13
    assert format_number(1169409656, 0) == "1.169.409.656"


def test_rendering_and_rounding_are_the_same_rule():
    for value, decimals in _random_values(5000, seed=7):
        rounded = excel_round(value, decimals)
        assert spreadsheet_round(value, decimals) == float(rounded)
        shown = format_number(value, decimals, strip_zeros=False).replace(".", "").replace(",", ".")
        assert shown in (f"{rounded:.{decimals}f}", f"{rounded:.{decimals}f}".lstrip("-")), (value, decimals)


def _candidates(value: float, decimals: int) -> set[Decimal]:
    """The roundings a spreadsheet may give: of the value taken to 14 to 17 significant digits."""
    with localcontext(Context(prec=400)):
        return {Decimal(format(value, f".{digits}g")).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
                for digits in (14, 15, 16, 17)}


def _text(rounded: Decimal, decimals: int) -> str:
    text = f"{rounded:.{decimals}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def test_libreoffice_rounds_and_shows_a_random_table_as_the_toolkit_does(tmp_path):
    """LibreOffice agrees with :func:`excel_round` on every value outside the 15-digit zone.

    The zone: values within a few units in the last place of a rounding boundary, which
    round differently when taken to 14, 15, 16 or 17 significant digits first
    (730.1649999999998 is 730.165000000000 at 15 digits).
    Excel rounds and shows the 15-digit form there (730,17), and so does the toolkit.
    LibreOffice is no oracle inside the zone: 7.4 ROUNDs 730.1649999999998 to 730,17 but
    shows it with TEXT as 730,16, ROUNDs 40238.49999999999 to 40238, and its ROUND
    treats a value within 2^-48 of a half as the half (-9.994999999999994 → -10).  So every value
    outside the zone must match LibreOffice's ROUND and TEXT exactly, every value inside it
    must get one of the two candidate answers, and the table must hold many of each.
    """
    require_soffice()
    values = _random_values(COUNT)
    path = tmp_path / "pembulatan.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Acak")
    for row, (value, decimals) in enumerate(values):
        pattern = "0" + ("." + "0" * decimals if decimals else "")
        sheet.write_number(row, 0, value)
        sheet.write_number(row, 1, decimals)
        # no useful cached values: LibreOffice computes them
        sheet.write_formula(row, 2, f"=ROUND(A{row + 1},B{row + 1})", None, 0)
        sheet.write_formula(row, 3, f'=TEXT(A{row + 1},"{pattern}")', None, "")
    book.close()
    recomputed = CalamineWorkbook.from_path(str(recalculate(path, tmp_path)))
    rows = recomputed.get_sheet_by_name("Acak").to_python()
    assert len(rows) == len(values)
    outside = inside = 0
    wrong: list[tuple] = []
    for (value, decimals), row in zip(values, rows):
        ours, candidates = excel_round(value, decimals), _candidates(value, decimals)
        lo_round, lo_text = row[2], _text(Decimal(row[3]), decimals)
        if candidates == {ours}:
            outside += 1
            shown = format_number(value, decimals, strip_zeros=False).replace(".", "").replace(",", ".")
            assert shown == _text(ours, decimals)
            agrees = lo_round == float(ours) and lo_text == _text(ours, decimals)
        else:  # LibreOffice gives one of the two candidates, not always the same one for ROUND and TEXT
            inside += 1
            agrees = (lo_round in {float(c) for c in candidates}
                      and lo_text in {_text(c, decimals) for c in candidates})
        if not agrees:
            wrong.append((repr(value), decimals, lo_round, row[3], str(ours), sorted(map(str, candidates))))
    assert not wrong, f"{len(wrong)} of {len(values)} differ from LibreOffice, e.g. {wrong[:5]}"
    assert outside > COUNT // 2 and inside > COUNT // 50, (outside, inside)


@pytest.mark.parametrize("decimals", [0, 1, 2, 3])
def test_rounding_is_symmetric_about_zero(decimals):
    for value, _ in _random_values(500, seed=decimals):
        assert excel_round(-value, decimals) == -excel_round(value, decimals)
