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
HEADER_GREY = "#D9D9D9"  #: header rows of the report tables; a run that is "running"
LOCKED_GREY = "#F2F2F2"  #: the shade of a draft paragraph in the Word chapter
HEADER_BLUE = "#D9E1F2"  #: header rows of the consolidated, national and control workbooks
LABEL_BLUE = "#DDEBF7"  #: labels and values of a form's or the master's header block
DARK_BLUE = "#1F4E78"  #: the form's table header and the control workbook's section rows
WHITE = "#FFFFFF"
BLACK = "#000000"
INPUT_BORDER = "#BF9000"  #: the border of an input cell of the control workbook
OK_GREEN = "#C6EFCE"  #: a run that went well
ALERT_FONT = "#9C0006"  #: text of an alert (below target, a warning line)
LINK_BLUE = "#0563C1"  #: a hyperlink written by openpyxl
#: The cell roles, one scheme in forms, feedback copies and the consolidated and control workbooks (the
#: legend, :data:`LEGEND`, names each): five fills whose lightness steps clearly (CIE L* 96, 86, 77, 68, 55;
#: grey levels 242, 211, 191, 155, 129), so that they tell apart in grey print and for colour-blind readers,
#: with black text readable on each; a cell's word (Tercapai, KESALAHAN, Belum) always says it too.
INPUT_FILL = "#FFF2CC"  #: light yellow: cells to fill in
COMPUTED_FILL = "#C6E0B4"  #: green: computed cells (live formulas)
LOCKED_FILL = "#BFBFBF"  #: grey: locked cells (targets, references) and cells that need no input
WARNING_FILL = "#E39400"  #: orange: a cell with a warning; a run with something to fix; a form not received
ERROR_FILL = "#D6604F"  #: red: a cell with an error; a run that failed
#: The monitoring lights: three clearly different lightnesses (light, mid, dark), so that they tell
#: apart in grey print and for colour-blind readers too; the word is always written beside the colour.
LIGHT_GREEN = "#E2EFDA"  #: light green fill ("Hijau")
LIGHT_GREEN_TEXT = "#375623"  #: dark green text on :data:`LIGHT_GREEN`
LIGHT_AMBER = "#FFC000"  #: amber fill, black text ("Kuning")
LIGHT_RED = "#C00000"  #: dark red fill, white text ("Merah")
#: The Chapter III charts (:mod:`lkjip_xl.chapter.charts`): Okabe-Ito colours (colour-blind safe) whose grey
#: levels differ clearly (ITU-R 601 luma 87 against 162 and 158), the light ones hatched too, for grey print.
CHART_DARK = "#0072B2"  #: blue: tercapai; this year
CHART_LIGHT = "#E69F00"  #: orange, hatched: tidak tercapai
CHART_PALE = "#56B4E9"  #: sky blue, dotted: the earlier year
CHART_GRID = HEADER_GREY  #: the value axis' grid lines

#: Rupiah amounts in the budget tables.
MONEY_FORMAT = '"Rp "#,##0'

#: The fill of a problem's cell in a feedback copy, by severity ("error", "warning").
PROBLEM_FILL = {"error": ERROR_FILL, "warning": WARNING_FILL}
#: The legend of the cell roles: role → (fill, catalogue label naming the colour and what it means).
LEGEND = {role: (fill, f"legend_{role}") for role, fill in (
    ("input", INPUT_FILL), ("computed", COMPUTED_FILL), ("locked", LOCKED_FILL), ("warning", WARNING_FILL),
    ("error", ERROR_FILL))}

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
        "input_header": {"bold": True, "border": 1, "bg_color": INPUT_FILL, "text_wrap": True,
                         "valign": "vcenter"},
        "group": {"bold": True, "border": 1, "bg_color": GROUP_GREY},
        "text": {"border": 1, "text_wrap": True, "valign": "top"},
        "wrap": {"text_wrap": True, "valign": "top"},  # the rows of "Sumber": no border, a long text wraps
        "line": {"border": 1, "valign": "top"},  # a text on one line (file names), never making its row taller
        "number": {"border": 1, "valign": "top", "bold": False},  # bold False: the workbooks stay byte-identical
        "number_bold": {"border": 1, "valign": "top", "bold": True},
        # the sheets "Data": a number shown with the master's decimals (lkjip_xl.model.DisplayDecimals; "0.00"
        # by default) while the value keeps every digit
        "decimals": {"num_format": "0.00"},
        # the sheet "Pemantauan": arrival words, light words (their colours are conditional formats)
        "center": {"border": 1, "align": "center", "valign": "top", "text_wrap": True},
        "missing": {"border": 1, "align": "center", "valign": "top", "bold": True, "bg_color": WARNING_FILL},
        "light_green": {"bold": True, "font_color": LIGHT_GREEN_TEXT, "bg_color": LIGHT_GREEN},
        # a capaian below the threshold (a conditional format, as on the forms)
        "below_target": {"bold": True, "font_color": ALERT_FONT},
        "light_yellow": {"bold": True, "font_color": BLACK, "bg_color": LIGHT_AMBER},
        "light_red": {"bold": True, "font_color": WHITE, "bg_color": LIGHT_RED},
    }),
    # The master PK workbook and the blank template.
    "master": ({}, {
        "title": {"bold": True, "font_size": 13},
        "note": {"italic": True, "font_color": NOTE_GREY, "text_wrap": True, "valign": "top"},  # the help of a field
        "label": {"bold": True, "border": 1, "bg_color": LABEL_BLUE, "valign": "top"},
        "entry": {"border": 1, "locked": False, "valign": "top"},
        "header": {"bold": True, "border": 1, "bg_color": LABEL_BLUE, "text_wrap": True, "valign": "top"},
        "text": {"border": 1, "text_wrap": True, "valign": "top"},
        "number": {"border": 1, "valign": "top"},
        "bold": {"bold": True, "text_wrap": True, "valign": "top"},
        "wrap": {"text_wrap": True, "valign": "top"},
    }),
    # The Divisi forms: the cell roles (input, computed, locked or not needed; LEGEND).
    "form": ({}, {
        "title": {"bold": True, "font_size": 14},
        "note": {"italic": True, "font_color": NOTE_GREY},
        "label": {"bold": True},
        "value": {"bold": True, "bg_color": LABEL_BLUE, "border": 1},
        "header": {**_FORM_CELL, "bold": True, "bg_color": DARK_BLUE, "font_color": WHITE, "text_wrap": True,
                   "align": "center", "valign": "vcenter"},
        "text": {**_FORM_CELL, "text_wrap": True},
        "sub": {**_FORM_CELL, "italic": True, "text_wrap": True},
        "locked_number": {**_FORM_CELL, "bg_color": LOCKED_FILL},
        "input": {**_FORM_CELL, "locked": False, "bg_color": INPUT_FILL},
        "input_text": {**_FORM_CELL, "locked": False, "bg_color": INPUT_FILL, "text_wrap": True},
        "computed": {**_FORM_CELL, "bg_color": COMPUTED_FILL},
        "not_needed": {**_FORM_CELL, "bg_color": LOCKED_FILL},
        "below_target": {"bold": True, "font_color": ALERT_FONT},  # a conditional format
        "legend_title": {"bold": True, "font_size": 9},
        **{f"legend_{role}": {"border": 1, "font_size": 9, "bg_color": fill} for role, (fill, _) in LEGEND.items()},
        "legend_below_target": {"border": 1, "font_size": 9, "bg_color": COMPUTED_FILL, "bold": True,
                                "font_color": ALERT_FONT},
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
        "entry": {"bg_color": INPUT_FILL, "border": 1, "border_color": INPUT_BORDER, "locked": False,
                  "valign": "top", "align": "left"},
        "status": {"text_wrap": True, "valign": "top", "border": 1, "border_color": BORDER_GREY},
        "value": {"valign": "top", "align": "left"},
        "header": {"bold": True, "bg_color": HEADER_BLUE, "border": 1, "text_wrap": True},
        "small": {"font_color": SMALL_GREY, "font_size": 9},
        "column": {"valign": "top"},
        "column_wrap": {"valign": "top", "text_wrap": True},
        "state_ok": {"bold": True, "bg_color": OK_GREEN},
        "state_fix": {"bold": True, "bg_color": WARNING_FILL},
        "state_failed": {"bold": True, "bg_color": ERROR_FILL},
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
