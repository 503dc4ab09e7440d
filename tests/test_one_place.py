"""One place per concept: each is defined once, and the package holds no second copy.

Blank cells, Ya/Tidak answers and years are read by :mod:`lkjip_xl._values`;
column letters, A1 references and the print setup live in :mod:`lkjip_xl.xlsx`;
every cell style and colour in :mod:`lkjip_xl.styles`; the form's column titles
in :mod:`lkjip_xl.layout`.  The scans below read the package's source (AST), so a
copy written later under the same name or as the same literal fails here.
"""

from __future__ import annotations

import ast
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name, xl_rowcol_to_cell

from lkjip_xl import styles
from lkjip_xl._values import (
    NO, NO_WORDS, YEAR_RANGE, YES, YES_WORDS, blank, is_yes_answer, parse_year, parse_yes_no,
)
from lkjip_xl.layout import COLUMN_TITLE
from lkjip_xl.xlsx import MAX_COLUMNS, a1, a1_position, column_index, column_letters

PACKAGE = Path(__file__).resolve().parents[1] / "lkjip_xl"
MODULES = {path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text("utf-8"))
           for path in sorted(PACKAGE.rglob("*.py"))}

#: Function names that belong to one module only: name → that module.
OWNER = {
    **dict.fromkeys(("blank", "_blank", "is_blank", "_is_blank", "parse_year", "cell_year", "_year", "parse_yes_no",
                     "_yes", "_yes_no", "is_yes_answer"), "_values.py"),
    **dict.fromkeys(("column_letters", "column_index", "_column_number", "column_name", "col_letter", "a1",
                     "a1_position", "print_setup", "print_a4", "_print_setup", "column_width", "not_for_print",
                     "page_footer", "set_page_footer", "row_height", "wrapped_lines"), "xlsx.py"),
}


def _functions(tree: ast.AST):
    return (node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)))


def _strings(tree: ast.AST):
    """Every string literal with its line, docstrings left out."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _calls(tree: ast.AST, names: set[str]):
    """Lines calling a function or method whose name is in ``names``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in names:
                yield node.lineno, name


# --------------------------------------------------------------------------- the scans


def test_each_helper_is_defined_in_its_one_module():
    copies = [f"{module}:{node.lineno} {node.name}" for module, tree in MODULES.items()
              for node in _functions(tree) if node.name in OWNER and OWNER[node.name] != module]
    assert copies == [], "a second definition of a shared helper; import it from its module instead"


def test_column_letters_come_from_xlsx_only():
    """Only lkjip_xl.xlsx converts between column numbers and letters (no xlsxwriter or openpyxl utility)."""
    found = []
    for module, tree in MODULES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and module != "xlsx.py" and (node.module or "").startswith(
                    ("xlsxwriter.utility", "openpyxl.utils")):
                found.append(f"{module}:{node.lineno} from {node.module} import ...")
            if isinstance(node, ast.Attribute) and node.attr in (
                    "get_column_letter", "column_index_from_string", "xl_col_to_name", "xl_rowcol_to_cell",
                    "xl_rowcol_to_cell_fast", "xl_cell_to_rowcol"):
                found.append(f"{module}:{node.lineno} .{node.attr}")
    assert found == []


def test_print_setup_is_written_in_xlsx_only():
    page_calls = {"set_paper", "set_landscape", "set_portrait", "fit_to_pages", "repeat_rows", "print_area",
                  "set_margins", "set_footer", "center_horizontally"}
    found = [f"{module}:{line} {name}" for module, tree in MODULES.items() if module != "xlsx.py"
             for line, name in _calls(tree, page_calls)]
    found += [f"{module}:{node.lineno} .{node.attr}" for module, tree in MODULES.items() if module != "xlsx.py"
              for node in ast.walk(tree) if isinstance(node, ast.Attribute)
              and node.attr in ("page_setup", "print_title_rows", "print_options")]
    assert found == []


def test_styles_and_colours_come_from_the_registry_only():
    """No XlsxWriter format or colour is made outside lkjip_xl.styles."""
    formats = [f"{module}:{line}" for module, tree in MODULES.items() if module != "styles.py"
               for line, _ in _calls(tree, {"add_format"})]
    colour = re.compile(r"#?[0-9A-Fa-f]{6}")
    colours = [f"{module}:{line} {text!r}" for module, tree in MODULES.items() if module != "styles.py"
               for line, text in _strings(tree) if colour.fullmatch(text)]
    assert formats == [] and colours == []


def test_the_year_range_is_written_once():
    """No reader checks a year against its own bounds: 2100 nowhere, no comparison with 1900 or 2000."""
    found = [f"{module}:{node.lineno} {node.value}" for module, tree in MODULES.items() if module != "_values.py"
             for node in ast.walk(tree) if isinstance(node, ast.Constant) and node.value == YEAR_RANGE[1]]
    found += [f"{module}:{node.lineno} comparison" for module, tree in MODULES.items() if module != "_values.py"
              for node in ast.walk(tree) if isinstance(node, ast.Compare)
              and any(isinstance(part, ast.Constant) and part.value in (1900, YEAR_RANGE[0])
                      for part in (node.left, *node.comparators))]
    assert found == []


#: Literals that equal a form column title but mean something else: (module, text) → why.
NOT_A_TITLE = {("safety.py", "Target"): "the Target attribute of a relationship in the .xlsx XML"}


def test_no_module_retypes_a_form_column_title():
    """The form's column titles are layout.COLUMN_TITLE (texts in the messages catalogue), never retyped."""
    titles = set(COLUMN_TITLE.values())
    found = [f"{module}:{line} {text!r}" for module, tree in MODULES.items()
             if module not in ("layout.py", "messages.py")
             for line, text in _strings(tree) if text in titles and (module, text) not in NOT_A_TITLE]
    assert found == []


# --------------------------------------------------------------------------- the one definitions


def test_column_letters_round_trip_over_every_excel_column():
    for col in range(MAX_COLUMNS):
        letters = column_letters(col)
        assert letters == xl_col_to_name(col)
        assert column_index(letters) == column_index(letters.lower()) == column_index(letters.encode()) == col
    assert (column_letters(0), column_letters(25), column_letters(26), column_letters(MAX_COLUMNS - 1)) == (
        "A", "Z", "AA", "XFD")
    assert column_letters(MAX_COLUMNS) == "XFE"  # past Excel's last column, as a hostile file may claim
    for bad in ("", "A1", "$A", "Ä"):
        with pytest.raises(ValueError):
            column_index(bad)


@pytest.mark.parametrize("row, col", [(0, 0), (8, 26), (1048575, 16383), (99, 701), (5, 702)])
def test_a1_references_both_ways(row, col):
    assert a1(row, col) == xl_rowcol_to_cell(row, col)
    assert a1(row, col, absolute=True) == xl_rowcol_to_cell(row, col, True, True)
    assert a1_position(a1(row, col)) == a1_position(a1(row, col, True)) == xl_cell_to_rowcol(a1(row, col)) == (
        row, col)
    for bad in ("A0", "1A", "A", "A1:B2"):
        with pytest.raises(ValueError):
            a1_position(bad)


def test_blank_is_none_or_whitespace_including_the_no_break_space():
    assert all(blank(v) for v in (None, "", "   ", "\t\n", "\u00a0", " \u00a0 "))
    assert not any(blank(v) for v in (0, 0.0, False, "0", "-", "\u200b", "\ufeff", "x"))


def test_one_yes_no_vocabulary():
    for word in (*YES_WORDS, YES, YES.upper(), " ya ", True, 1, 1.0):
        assert parse_yes_no(word) is True, word
    for word in (*NO_WORDS, NO, NO.upper(), False, 0):
        assert parse_yes_no(word) is False, word
    assert parse_yes_no(None) is parse_yes_no("  ") is False
    assert parse_yes_no(None, True) is parse_yes_no("", True) is True
    assert parse_yes_no("mungkin") is parse_yes_no(2) is parse_yes_no(0.5) is None
    # A form's NIHIL cell is read by the form's formula IF(cell="Ya"): only that word counts.
    assert is_yes_answer("Ya") and is_yes_answer(" YA ")
    assert not any(is_yes_answer(v) for v in (True, 1, "yes", "y", "Tidak", None))


def test_one_year_rule():
    assert YEAR_RANGE == (2000, 2100)
    for value in (2023, 2023.0, "2023", " 2023 ", datetime(1905, 7, 15), date(1905, 7, 15)):
        assert parse_year(value) == 2023, value
    assert parse_year(2000) == 2000 and parse_year(2100) == 2100
    for value in (1999, 2101, 1900, "1999", 2023.5, "2023a", "2.023", True, None, "", float("nan"),
                  float("inf"), datetime(2023, 3, 15)):
        assert parse_year(value) is None, value


def test_every_family_style_is_made_and_feedback_fills_share_the_colours():
    import io

    import xlsxwriter

    workbook = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    for family, (_, named) in styles.FAMILIES.items():
        book = styles.StyleBook(workbook, family)
        for name in named:
            assert book(name) is getattr(book, name) is book(name, None)
        first = next(iter(named))
        assert book(first, "0.00") is not book(first)
        with pytest.raises(AttributeError):
            book.no_such_style  # noqa: B018 - the lookup is the test
    fill = styles.openpyxl_fill(styles.PROBLEM_FILL["error"])
    assert fill.fgColor.rgb.endswith(styles.ERROR_FILL.lstrip("#"))
    workbook.close()
