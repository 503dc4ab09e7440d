"""Chapter III's charts (Gambar 3.N): capaian per IKK, tercapai per unit, this year against an earlier one.

Every chart is drawn from :class:`~lkjip_xl.chapter.facts.IkkFacts` alone, so its numbers are the
tables' numbers; :attr:`Chart.data` holds exactly the values plotted (unrounded, uncapped) for a test
or a reader to compare with the tables.

Made for print: :data:`WIDTH_PX` at :data:`DPI` is 15,875 cm, an A4 portrait text width; DejaVu Sans
(shipped with matplotlib) at :data:`FONT_SIZE` pt, the size it prints at; series told apart by
lightness *and* hatching (:data:`lkjip_xl.styles.CHART_DARK` and its kin), so they stay apart in grey
print; the threshold line dashed and named in the legend; every number Indonesian
(:func:`~lkjip_xl.numbers.format_number`: 94,7 and 1.666,67) and every word from the catalogue, in the
organisation's words (:func:`~lkjip_xl.messages.use_words`: "Divisi" becomes "Bidang").  An IKK without
capaian is a gap with a marker and a note, never a 0.  A value beyond :data:`AXIS_CAP` (or below
:data:`AXIS_FLOOR`) is drawn cut there, with a break mark, and labelled with its real value, so one
1.666,67% does not flatten the rest.

Deterministic: the same facts give the same PNG bytes (matplotlib's object API on the Agg canvas, its
default style whatever the user's matplotlibrc says, the font file named, no software or time stamp).
matplotlib is imported only when a chart is drawn, so importing the package stays fast.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import calc
from ..messages import label, msg
from ..model import DisplayDecimals
from ..numbers import format_number, format_with_unit
from ..styles import BLACK, CHART_DARK, CHART_GRID, CHART_LIGHT, CHART_PALE, NOTE_GREY, WHITE
from .facts import IkkFacts

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Master

#: Resolution of the PNG; with :data:`WIDTH_PX`, 6,25 inch (15,875 cm) wide.
DPI = 200
WIDTH_PX = 1250
#: Heights are whole multiples of 1/8 inch (25 px), exact in binary: the canvas is exactly that size.
_HEIGHT_STEP_PX = 25
#: Longest chart (cm): more rows get thinner.
MAX_HEIGHT_CM = 22.0
#: Values beyond these (percent) are drawn cut at them and labelled with their real value.
AXIS_CAP = 200.0
AXIS_FLOOR = -100.0
FONT_SIZE = 7.5
#: Characters of a note line and of a unit's name on the category axis.
_NOTE_WIDTH = 115
_NAME_WIDTH = 28
_PERCENT = "%"
#: The white box behind a value label: the threshold line or a hatch never runs through a number.
_LABEL_BOX = {"boxstyle": "square,pad=0.1", "facecolor": WHITE, "edgecolor": "none"}
#: Extra room (in rows) above the whole office's row.
_OFFICE_GAP = 0.4

#: The fill of each kind of bar: (face, edge, hatch).  Dark and light differ in grey level by 75 and
#: the light ones are hatched, so a grey print tells them apart.
_FILLS: dict[str, tuple[str, str, str | None]] = {
    "dark": (CHART_DARK, CHART_DARK, None),
    "light": (CHART_LIGHT, BLACK, "//"),
    "pale": (CHART_PALE, BLACK, ".."),
    "none": (WHITE, NOTE_GREY, None),
}


@dataclass(frozen=True)
class Chart:
    """One chart of Chapter III: its caption title, the PNG and exactly what it plots.

    ``data`` has one ``(category, values)`` per row of the chart, top to bottom, with one value per
    entry of ``series`` (``None``: no value, drawn as a gap).  ``notes`` are drawn under the chart;
    ``capped`` names the categories whose bar is cut at the axis' end; ``texts`` is every text drawn.
    """

    title: str  #: the caption's text after "Gambar 3.N"
    png: bytes
    size_px: tuple[int, int]
    series: tuple[str, ...]
    data: tuple[tuple[str, tuple[float | None, ...]], ...]
    notes: tuple[str, ...] = ()
    capped: tuple[str, ...] = ()
    axis_max: float = 0.0  #: where the value axis ends
    texts: tuple[str, ...] = ()

    @property
    def width_cm(self) -> float:
        """Printed width at :data:`DPI` (for the document's picture)."""
        return self.size_px[0] / DPI * 2.54

    @property
    def height_cm(self) -> float:
        return self.size_px[1] / DPI * 2.54


# --------------------------------------------------------------------------- the three charts


def units(facts: Sequence[IkkFacts]) -> tuple[str, ...]:
    """The units (Divisi) of ``facts`` in the order they first appear (the tables' order)."""
    return tuple(dict.fromkeys(f.divisi for f in facts))


def capaian_chart(facts: Sequence[IkkFacts], unit: str, threshold: float = 100.0) -> Chart | None:
    """Capaian of every IKK of ``unit`` against the ``threshold`` line (the rule's, 100 by default).

    Bars are labelled by IKK code, tercapai dark and tidak tercapai light and hatched (as the facts say),
    each with its capaian; an IKK without capaian is a gap with a marker.  ``None`` when no IKK of the
    unit has a capaian (nothing to look at).
    """
    rows = [f for f in facts if f.divisi == unit]
    if not any(f.capaian is not None for f in rows):
        return None
    bars = [[(f.capaian, "dark" if f.tercapai else "light")] for f in rows]
    legend = [("dark", label("status_tercapai")), ("light", label("status_tidak_tercapai"))]
    return _bar_chart(msg("chart_capaian_title", name=unit), [f.code for f in rows], [f.code for f in rows],
                      (label("chart_series_capaian"),), bars, legend, threshold, label("chart_axis_capaian"), [],
                      display=rows[0].decimals)


def capaian_charts(facts: Sequence[IkkFacts], threshold: float = 100.0) -> dict[str, Chart | None]:
    """:func:`capaian_chart` of every unit, in :func:`units` order."""
    return {unit: capaian_chart(facts, unit, threshold) for unit in units(facts)}


def status_chart(facts: Sequence[IkkFacts]) -> Chart | None:
    """IKK tercapai, tidak tercapai and without capaian per unit and for the whole office, stacked and counted.

    Series: tercapai, tidak tercapai, belum ada capaian (an IKK without capaian is counted apart, never
    as tidak tercapai).  ``None`` when no IKK has a capaian.
    """
    if not any(f.tercapai is not None for f in facts):
        return None
    groups = [(unit, [f for f in facts if f.divisi == unit]) for unit in units(facts)]
    groups.append((label("chart_office_total"), list(facts)))
    data = tuple((name, tuple(float(sum(1 for f in group if f.tercapai is state)) for state in (True, False, None)))
                 for name, group in groups)
    series = (label("status_tercapai"), label("status_tidak_tercapai"), label("chart_no_capaian"))
    missing = int(data[-1][1][2])
    notes = [msg("chart_note_status_missing", count=missing)] if missing else []
    with _drawing() as (mpl, fig, ax):
        height = 0.75
        for row, (_name, counts) in enumerate(data):
            y = _row_y(row, len(data), True)
            left = 0.0
            for count, kind in zip(counts, ("dark", "light", "none")):
                if count:
                    ax.barh(y, count, height, left=left, **_bar_style(kind))
                    ax.text(left + count / 2, y, format_number(count), ha="center", va="center",
                            fontproperties=_font(mpl), bbox=_LABEL_BOX, zorder=5)
                left += count
            ax.annotate(msg("chart_total_ikk", count=format_number(left)), (left, y), xytext=(4, 0),
                        textcoords="offset points", va="center", fontproperties=_font(mpl))
        top = max(sum(counts) for _name, counts in data)
        axis_max = _count_axis(mpl, ax, top)
        _categories(mpl, ax, [_wrapped(name) for name, _counts in data], True)
        legend = [("dark", series[0]), ("light", series[1])] + ([("none", series[2])] if missing else [])
        chart = _finish(mpl, fig, ax, label("chart_status_title"), series, data, legend, None,
                        label("chart_axis_count"), notes, (), axis_max, len(data), 0.75)
    return chart


def year_chart(facts: Sequence[IkkFacts], year: int, mean_cap: float | None = None,
               threshold: float = 100.0) -> Chart | None:
    """Mean capaian of an earlier year against ``year``'s, per unit and for the whole office.

    Only IKK with both capaian count, in both means (the same IKK on both sides); with ``mean_cap``
    (the rule's cap for means) each capaian is capped first, as Ringkasan's capped mean is.  Series:
    the earlier year, ``year``.  ``None`` when no IKK has an earlier capaian.
    """
    compared = [f for f in facts if f.previous_capaian is not None and f.capaian is not None]
    if not compared:
        return None
    years = {f.previous_year for f in compared}
    previous = msg("chart_year", year=years.pop()) if len(years) == 1 and None not in years \
        else label("chart_year_previous")
    groups = [(unit, [f for f in compared if f.divisi == unit]) for unit in units(facts)]
    groups = [(unit, group) for unit, group in groups if group] + [(label("chart_office_total"), compared)]
    data = tuple((name, (_mean([f.previous_capaian for f in group], mean_cap),
                         _mean([f.capaian for f in group], mean_cap))) for name, group in groups)
    shown = [_wrapped(msg("chart_unit_compared", name=name, count=len(group))) for name, group in groups]
    bars = [[(values[0], "pale"), (values[1], "dark")] for _name, values in data]
    series = (previous, msg("chart_year", year=year))
    notes = [msg("chart_note_compared", count=len(compared), total=len(facts))]
    if mean_cap is not None:
        notes.append(msg("chart_note_mean_cap", cap=format_with_unit(mean_cap, _PERCENT)))
    legend = [("pale", series[0]), ("dark", series[1])]
    return _bar_chart(msg("chart_year_title", previous=previous, year=year), [name for name, _ in data], shown,
                      series, bars, legend, threshold, label("chart_axis_mean"), notes, office=True, row_cm=0.75,
                      display=facts[0].decimals)


def chapter_charts(facts: Sequence[IkkFacts], master: Master) -> tuple[Chart, ...]:
    """Chapter III's charts in order: :func:`status_chart`, :func:`capaian_chart` of every unit,
    :func:`year_chart`, with the ``master``'s threshold, mean cap and year; those with nothing to draw left out."""
    rule = master.achievement
    found = (status_chart(facts), *capaian_charts(facts, rule.threshold).values(),
             year_chart(facts, master.year, rule.mean_cap, rule.threshold))
    return tuple(chart for chart in found if chart is not None)


def _mean(values: Iterable[float | None], cap: float | None) -> float | None:
    """:func:`lkjip_xl.calc.mean` of ``values``, each :func:`~lkjip_xl.calc.capped` first with a ``cap``."""
    present = [v for v in values if v is not None]
    return calc.mean([v if cap is None else min(v, cap) for v in present])


# --------------------------------------------------------------------------- drawing


def _bar_chart(title: str, categories: list[str], shown: list[str], series: tuple[str, ...],
               bars: list[list[tuple[float | None, str]]], legend: list[tuple[str, str]], threshold: float,
               axis_label: str, notes: list[str], office: bool = False, row_cm: float = 0.45,
               display: DisplayDecimals | None = None) -> Chart:
    """Horizontal bars of percentages, one group of ``bars`` (value, fill) per category, against ``threshold``."""
    labels = display or DisplayDecimals()  # the labels read as the tables' capaian cells
    values = [v for group in bars for v, _ in group if v is not None]
    clipped = [min(max(v, AXIS_FLOOR), AXIS_CAP) for v in values]
    lo, hi, step = _percent_axis(min(clipped + [0.0]), max(clipped + [threshold]))
    capped: list[str] = []
    gaps: list[str] = []
    drawn_kinds: set[str] = set()
    with _drawing() as (mpl, fig, ax):
        height = 0.8 / len(bars[0])
        for row, group in enumerate(bars):
            for index, (value, kind) in enumerate(group):
                y = _row_y(row, len(bars), office) + (index - (len(group) - 1) / 2) * height
                if value is None:
                    gaps.append(categories[row])
                    ax.text(max(lo, 0.0) + (hi - lo) * 0.01, y, label("chart_no_capaian"), va="center",
                            color=NOTE_GREY, fontproperties=_font(mpl, "Oblique", _tick_size(len(bars))))
                    continue
                drawn = min(max(value, AXIS_FLOOR), AXIS_CAP)
                drawn_kinds.add(kind)
                ax.barh(y, drawn, height * 0.9, **_bar_style(kind))
                if drawn != value:
                    capped.append(categories[row])
                    _break_mark(ax, drawn, y, height * 0.9, hi - lo)
                ax.annotate(labels.shown(value, capaian=True), (drawn, y), xytext=(3 if drawn >= 0 else -3, 0),
                            textcoords="offset points", va="center", ha="left" if drawn >= 0 else "right",
                            fontproperties=_font(mpl, size=_tick_size(len(bars))), bbox=_LABEL_BOX, zorder=5)
        ax.axvline(threshold, color=BLACK, linestyle=(0, (5, 3)), linewidth=1.0, zorder=3)
        if lo < 0:
            ax.axvline(0, color=BLACK, linewidth=0.6)
        ticks = [lo + i * step for i in range(round((hi - lo) / step) + 1)]
        ax.set_xlim(lo, hi)
        ax.set_xticks(ticks, [format_number(t) for t in ticks], fontproperties=_font(mpl))
        _categories(mpl, ax, shown, office)
        if gaps:
            notes = [msg("chart_note_missing", codes=", ".join(dict.fromkeys(gaps)))] + notes
        if any(v > AXIS_CAP for v in values):
            notes = [msg("chart_note_capped", cap=format_with_unit(AXIS_CAP, _PERCENT))] + notes
        if any(v < AXIS_FLOOR for v in values):
            notes = [msg("chart_note_capped_low", floor=format_with_unit(AXIS_FLOOR, _PERCENT))] + notes
        data = tuple((name, tuple(v for v, _ in group)) for name, group in zip(categories, bars))
        legend = [(kind, text) for kind, text in legend if kind in drawn_kinds]  # only the fills drawn
        return _finish(mpl, fig, ax, title, series, data, legend, threshold, axis_label, notes,
                       tuple(dict.fromkeys(capped)), hi, len(bars), row_cm)


def _percent_axis(low: float, high: float) -> tuple[float, float, float]:
    """(start, end, tick step) of a percent axis holding ``low`` … ``high`` and room for the labels."""
    span = max(high * 1.22, 1.0) - min(low * 1.3, 0.0)
    step = next(s for s in (10.0, 20.0, 25.0, 50.0, 100.0) if span / s <= 8)
    hi = math.ceil(max(high * 1.22, 1.0) / step) * step
    lo = math.floor(min(low * 1.3, 0.0) / step) * step
    return lo, hi, step


def _count_axis(mpl: Any, ax: Any, top: float) -> float:
    """Whole-number ticks 0 … ``top`` with room for the totals; returns the axis' end."""
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000) if top / s <= 8) if top > 8 else 1
    hi = math.ceil(top * 1.18 / step) * step if top else 1
    ticks = list(range(0, int(hi) + 1, step))
    ax.set_xlim(0, hi)
    ax.set_xticks(ticks, [format_number(t) for t in ticks], fontproperties=_font(mpl))
    return float(hi)


def _break_mark(ax: Any, x: float, y: float, height: float, span: float) -> None:
    """Two white slashes across a bar cut at ``x``: the bar goes on beyond the axis."""
    for offset in (0.045, 0.03):
        centre = x - span * offset if x > 0 else x + span * offset
        ax.plot([centre - span * 0.006, centre + span * 0.006], [y + height * 0.6, y - height * 0.6],
                color=WHITE, linewidth=2.2, solid_capstyle="butt", zorder=4)


def _row_y(row: int, rows: int, office: bool) -> float:
    """Where ``row`` is drawn: top to bottom, as the tables list them; the whole ``office``'s row (the last) apart."""
    return row + (_OFFICE_GAP if office and row == rows - 1 else 0.0)


def _categories(mpl: Any, ax: Any, names: list[str], office: bool) -> None:
    """The category axis: ``names`` top to bottom, the whole ``office``'s (the last) in bold."""
    rows = len(names)
    ax.set_yticks([_row_y(r, rows, office) for r in range(rows)], names,
                  fontproperties=_font(mpl, size=_tick_size(rows)))
    if office:
        ax.get_yticklabels()[-1].set_fontproperties(_font(mpl, "Bold", _tick_size(rows)))
    ax.set_ylim(_row_y(rows - 1, rows, office) + 0.5, -0.5)
    ax.tick_params(axis="y", length=0)


def _tick_size(rows: int) -> float:
    """The category labels' size: :data:`FONT_SIZE`, smaller where many rows share :data:`MAX_HEIGHT_CM`."""
    return min(FONT_SIZE, max(4.0, (MAX_HEIGHT_CM - 3.0) / max(rows, 1) / 2.54 * 72 * 0.8))


def _wrapped(name: str) -> str:
    return "\n".join(textwrap.wrap(name, _NAME_WIDTH)) or name


def _bar_style(kind: str) -> dict[str, Any]:
    face, edge, hatch = _FILLS[kind]
    return {"color": face, "edgecolor": edge, "hatch": hatch, "linewidth": 0.6, "zorder": 2}


def _finish(mpl: Any, fig: Any, ax: Any, title: str, series: tuple[str, ...],
            data: tuple[tuple[str, tuple[float | None, ...]], ...], legend: list[tuple[str, str]],
            threshold: float | None, axis_label: str, notes: list[str], capped: tuple[str, ...],
            axis_max: float, rows: int, row_cm: float) -> Chart:
    """Legend, axis label, notes, the figure's size; the PNG and the :class:`Chart`."""
    handles = [mpl.Patch(facecolor=_FILLS[kind][0], edgecolor=_FILLS[kind][1], hatch=_FILLS[kind][2],
                         linewidth=0.6, label=text) for kind, text in legend]
    if threshold is not None:
        handles.append(mpl.Line2D([], [], color=BLACK, linestyle=(0, (5, 3)), linewidth=1.0,
                                  label=msg("chart_threshold", value=format_with_unit(threshold, _PERCENT))))
    fig.legend(handles=handles, loc="outside upper center", ncols=len(handles), prop=_font(mpl), frameon=False)
    ax.set_xlabel(axis_label, fontproperties=_font(mpl))
    ax.grid(axis="x", color=CHART_GRID, linewidth=0.5, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    lines = [line for note in notes for line in textwrap.wrap(note, _NOTE_WIDTH)]
    if lines:
        fig.supxlabel("\n".join(lines), x=0.01, ha="left", fontproperties=_font(mpl, "Oblique", FONT_SIZE - 0.5))
    height_cm = min(MAX_HEIGHT_CM, 2.6 + rows * row_cm + 0.32 * len(lines))
    step = _HEIGHT_STEP_PX
    height_px = min(math.ceil(height_cm / 2.54 * DPI / step), math.floor(MAX_HEIGHT_CM / 2.54 * DPI / step)) * step
    fig.set_size_inches(WIDTH_PX / DPI, height_px / DPI)
    for text in fig.findobj(mpl.Text):
        text.set_parse_math(False)  # a "$" in a name is a dollar sign, never mathtext
    out = BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None}, facecolor=WHITE)
    texts = tuple(t.get_text() for t in fig.findobj(mpl.Text) if t.get_visible() and t.get_text())
    return Chart(title, out.getvalue(), (WIDTH_PX, height_px), series, data, tuple(notes), capped, axis_max, texts)


class _drawing:
    """``with _drawing() as (mpl, fig, ax)``: one figure and its axes in matplotlib's default style."""

    def __enter__(self) -> tuple[Any, Any, Any]:
        mpl = _matplotlib()
        self._style = mpl.style.context("default")  # the user's matplotlibrc changes no chart
        self._style.__enter__()
        fig = mpl.Figure(figsize=(WIDTH_PX / DPI, 4.0), dpi=DPI, layout="constrained")
        mpl.FigureCanvasAgg(fig)
        return mpl, fig, fig.add_subplot()

    def __exit__(self, *exc: object) -> None:
        self._style.__exit__(*exc)


@lru_cache(maxsize=1)
def _matplotlib() -> Any:
    """The parts of matplotlib the charts use, imported on first use (never pyplot, never a GUI)."""
    import types

    import matplotlib.style
    from matplotlib import get_data_path
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    return types.SimpleNamespace(style=matplotlib.style, Figure=Figure, FigureCanvasAgg=FigureCanvasAgg,
                                 FontProperties=FontProperties, Line2D=Line2D, Patch=Patch, Text=Text,
                                 fonts=Path(get_data_path()) / "fonts" / "ttf")


def _font(mpl: Any, face: str = "", size: float = FONT_SIZE) -> Any:
    """DejaVu Sans (``face``: "", "Bold", "Oblique") from matplotlib's own files: the same on every machine."""
    return mpl.FontProperties(fname=mpl.fonts / f"DejaVuSans{'-' + face if face else ''}.ttf", size=size)
