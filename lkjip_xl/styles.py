"""The one style registry: every cell style the toolkit writes, by family and name.

A *family* is the look of one kind of workbook; a *style* is a named set of
XlsxWriter format properties within it (its family's ``base`` included).  The
colours are defined once below and shared by every family and by the openpyxl
fills of the feedback copies (:func:`openpyxl_fill`), so that "input yellow" or
"error red" is the same colour wherever it appears.

A writer asks a :class:`StyleBook` of its workbook for a style by name, as an
attribute (``styles.header``) or with a number format (``styles("number",
"0.00")``); each (style, number format) is made once per workbook.  A style
that is not in its family is an error, so a typo cannot silently fall back to
an unformatted cell.
"""

from __future__ import annotations

from typing import Any

from .numbers import excel_number_format

# --------------------------------------------------------------------------- colours (RRGGBB)

NOTE_GREY = "#595959"  #: notes and explanations under a title
SMALL_GREY = "#808080"  #: small print
BORDER_GREY = "#A6A6A6"  #: the border of a status cell
GROUP_GREY = "#EDEDED"  #: group rows (a Divisi, a kelompok)
HEADER_GREY = "#D9D9D9"  #: header rows of the report tables; form cells that need no input; "running"
LOCKED_GREY = "#F2F2F2"  #: locked numbers the Divisi cannot change (targets)
HEADER_BLUE = "#D9E1F2"  #: header rows of the consolidated, national and control workbooks
LABEL_BLUE = "#DDEBF7"  #: labels and values of a form's or the master's header block
DARK_BLUE = "#1F4E78"  #: the form's table header and the control workbook's section rows
WHITE = "#FFFFFF"
BLACK = "#000000"
INPUT_YELLOW = "#FFF2CC"  #: cells to fill in
INPUT_BORDER = "#BF9000"  #: the border of an input cell of the control workbook
COMPUTED_GREEN = "#E2EFDA"  #: computed cells (live formulas) of a form
OK_GREEN = "#C6EFCE"  #: a run that went well
ERROR_RED = "#FFC7CE"  #: a cell with an error; a run that failed
WARNING_YELLOW = "#FFEB9C"  #: a cell with a warning; a run with something to fix
ALERT_FILL = "#F8CBAD"  #: a capaian below the threshold
ALERT_FONT = "#9C0006"  #: text of an alert (below target, a warning line)
LINK_BLUE = "#0563C1"  #: a hyperlink written by openpyxl
#: The monitoring lights: three clearly different lightnesses (light, mid, dark), so that they tell
#: apart in grey print and for colour-blind readers too; the word is always written beside the colour.
LIGHT_GREEN_TEXT = "#375623"  #: dark green text on :data:`COMPUTED_GREEN` ("Hijau")
LIGHT_AMBER = "#FFC000"  #: amber fill, black text ("Kuning")
LIGHT_RED = "#C00000"  #: dark red fill, white text ("Merah")

#: Rupiah amounts in the budget tables.
MONEY_FORMAT = '"Rp "#,##0'

#: The fill of a problem's cell in a feedback copy, by severity ("error", "warning").
PROBLEM_FILL = {"error": ERROR_RED, "warning": WARNING_YELLOW}

# --------------------------------------------------------------------------- families

_ARIAL = {"font_name": "Arial", "font_size": 10, "valign": "vcenter"}
_FORM_CELL = {"border": 1, "valign": "top", "font_size": 10}

#: family → (base properties, {style name → properties}); a style's properties win over the base.
FAMILIES: dict[str, tuple[dict[str, Any], dict[str, dict[str, Any]]]] = {
    # The consolidated and national workbooks and the sheet "Data".
    "workbook": ({}, {
        "title": {"bold": True, "font_size": 13},
        "note": {"italic": True, "font_color": NOTE_GREY},
        "warning": {"bold": True, "font_color": ALERT_FONT},
        "header": {"bold": True, "border": 1, "bg_color": HEADER_BLUE, "align": "center", "valign": "vcenter",
                   "text_wrap": True},
        "input_header": {"bold": True, "border": 1, "bg_color": INPUT_YELLOW, "text_wrap": True,
                         "valign": "vcenter"},
        "group": {"bold": True, "border": 1, "bg_color": GROUP_GREY},
        "text": {"border": 1, "text_wrap": True, "valign": "top"},
        "number": {"border": 1, "valign": "top", "bold": False},  # bold False: the workbooks stay byte-identical
        "number_bold": {"border": 1, "valign": "top", "bold": True},
        "decimals": {"num_format": "0.00"},  # shown with 2 decimals; the values keep every digit
        # the sheet "Pemantauan": arrival words, light words (their colours are conditional formats)
        "center": {"border": 1, "align": "center", "valign": "top", "text_wrap": True},
        "missing": {"border": 1, "align": "center", "valign": "top", "bold": True, "font_color": ALERT_FONT,
                    "bg_color": WARNING_YELLOW},
        "light_green": {"bold": True, "font_color": LIGHT_GREEN_TEXT, "bg_color": COMPUTED_GREEN},
        "light_yellow": {"bold": True, "font_color": BLACK, "bg_color": LIGHT_AMBER},
        "light_red": {"bold": True, "font_color": WHITE, "bg_color": LIGHT_RED},
    }),
    # The master PK workbook and the blank template.
    "master": ({}, {
        "title": {"bold": True, "font_size": 13},
        "note": {"italic": True, "font_color": NOTE_GREY},
        "label": {"bold": True, "border": 1, "bg_color": LABEL_BLUE},
        "entry": {"border": 1, "locked": False},
        "header": {"bold": True, "border": 1, "bg_color": LABEL_BLUE, "text_wrap": True, "valign": "top"},
        "text": {"border": 1, "text_wrap": True, "valign": "top"},
        "number": {"border": 1, "valign": "top"},
        "bold": {"bold": True},
        "wrap": {"text_wrap": True, "valign": "top"},
    }),
    # The Divisi forms: yellow input, green computed, grey locked or not needed.
    "form": ({}, {
        "title": {"bold": True, "font_size": 14},
        "note": {"italic": True, "font_color": NOTE_GREY},
        "label": {"bold": True},
        "value": {"bold": True, "bg_color": LABEL_BLUE, "border": 1},
        "header": {**_FORM_CELL, "bold": True, "bg_color": DARK_BLUE, "font_color": WHITE, "text_wrap": True,
                   "align": "center", "valign": "vcenter"},
        "text": {**_FORM_CELL, "text_wrap": True},
        "sub": {**_FORM_CELL, "italic": True, "text_wrap": True},
        "locked_number": {**_FORM_CELL, "bg_color": LOCKED_GREY},
        "input": {**_FORM_CELL, "locked": False, "bg_color": INPUT_YELLOW},
        "input_text": {**_FORM_CELL, "locked": False, "bg_color": INPUT_YELLOW, "text_wrap": True},
        "computed": {**_FORM_CELL, "bg_color": COMPUTED_GREEN},
        "not_needed": {**_FORM_CELL, "bg_color": HEADER_GREY},
        "below_target": {"bg_color": ALERT_FILL, "font_color": ALERT_FONT},  # a conditional format
    }),
    # The Chapter III report tables and the budget tables: Arial 10, thin borders, grey headers.
    "report": (_ARIAL, {
        "title": {"bold": True, "font_size": 12},
        "table_title": {"bold": True, "font_size": 11, "align": "center", "text_wrap": True},
        "caption": {"bold": True, "align": "center", "text_wrap": True},
        "note": {"italic": True, "text_wrap": True, "valign": "top"},
        "note_left": {"italic": True, "text_wrap": True, "align": "left", "valign": "top"},
        "header": {"bold": True, "border": 1, "align": "center", "text_wrap": True, "bg_color": HEADER_GREY},
        "group": {"bold": True, "border": 1, "bg_color": GROUP_GREY},
        "group_plain": {"bold": True, "border": 1, "text_wrap": True},
        "text": {"border": 1, "text_wrap": True},
        "sub_text": {"border": 1, "text_wrap": True, "indent": 1},
        "center": {"border": 1, "text_wrap": True, "align": "center"},
        "centered": {"border": 1, "align": "center"},  # numbers (with their unit's format), row numbers
        "link": {"font_color": "blue", "underline": 1, "border": 1},
        "money": {"border": 1, "num_format": MONEY_FORMAT},
        "percent": {"border": 1, "num_format": excel_number_format("%", 2)},
        "score": {"border": 1, "num_format": excel_number_format("", 2)},
        "weight": {"border": 1, "num_format": "0%", "align": "center"},
        "total_label": {"border": 1, "bold": True, "align": "center"},
        "total_money": {"border": 1, "bold": True, "num_format": MONEY_FORMAT},
        "total_percent": {"border": 1, "bold": True, "num_format": excel_number_format("%", 2)},
        "total_score": {"border": 1, "bold": True, "num_format": excel_number_format("", 2)},
    }),
    # The control workbook (sheet "Kendali" and its xlwings settings sheet).
    "control": ({}, {
        "title": {"bold": True, "font_size": 15},
        "note": {"italic": True, "font_color": NOTE_GREY, "text_wrap": True, "valign": "top"},
        "note_wrap": {"italic": True, "font_color": NOTE_GREY, "text_wrap": True},
        "section": {"bold": True, "font_color": WHITE, "bg_color": DARK_BLUE},
        "label": {"bold": True, "valign": "top"},
        "entry": {"bg_color": INPUT_YELLOW, "border": 1, "border_color": INPUT_BORDER, "locked": False,
                  "valign": "top", "align": "left"},
        "status": {"text_wrap": True, "valign": "top", "border": 1, "border_color": BORDER_GREY},
        "value": {"valign": "top", "align": "left"},
        "header": {"bold": True, "bg_color": HEADER_BLUE, "border": 1, "text_wrap": True},
        "small": {"font_color": SMALL_GREY, "font_size": 9},
        "column": {"valign": "top"},
        "column_wrap": {"valign": "top", "text_wrap": True},
        "state_ok": {"bold": True, "bg_color": OK_GREEN},
        "state_fix": {"bold": True, "bg_color": WARNING_YELLOW},
        "state_failed": {"bold": True, "bg_color": ERROR_RED},
        "state_running": {"bold": True, "bg_color": HEADER_GREY},
    }),
}


def properties(family: str, name: str, num_format: str | None = None) -> dict[str, Any]:
    """The XlsxWriter properties of style ``name`` of ``family`` (with ``num_format`` when given)."""
    base, styles = FAMILIES[family]
    if name not in styles:
        raise KeyError(f"no style {name!r} in family {family!r}")
    props = {**base, **styles[name]}
    if num_format:
        props["num_format"] = num_format
    return props


class StyleBook:
    """The formats of one XlsxWriter workbook in one family, each made on first use.

    ``styles.header`` is the format of style "header"; ``styles("number",
    "#,##0")`` the style with that number format.  One format per (style,
    number format) per workbook.
    """

    def __init__(self, workbook, family: str):
        if family not in FAMILIES:
            raise KeyError(f"no style family {family!r}")
        self.workbook = workbook
        self.family = family
        self._formats: dict[tuple[str, str | None], object] = {}

    def __call__(self, name: str, num_format: str | None = None):
        key = (name, num_format or None)
        if key not in self._formats:
            self._formats[key] = self.workbook.add_format(properties(self.family, name, num_format))
        return self._formats[key]

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self(name)
        except KeyError:
            raise AttributeError(f"no style {name!r} in family {self.family!r}") from None


def openpyxl_fill(colour: str):
    """A solid openpyxl fill of ``colour`` ("#RRGGBB"), for the workbooks openpyxl writes (feedback copies)."""
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=colour.lstrip("#").upper())
