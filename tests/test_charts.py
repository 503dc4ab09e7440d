"""The charts of Chapter III (lkjip_xl.chapter.charts): the tables' numbers, for print, the same bytes every time.

Facts are built by hand here: each chart reads :class:`IkkFacts` and nothing else.  The PNGs are
opened with Pillow and looked at as pixels: size, the fills' grey levels, the bar an outlier would
otherwise flatten.
"""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from lkjip_xl import calc
from lkjip_xl.chapter import charts
from lkjip_xl.chapter.facts import IkkFacts
from lkjip_xl.messages import LABELS, msg, use_words
from lkjip_xl.model import AchievementRule, Master
from lkjip_xl.styles import CHART_DARK, CHART_LIGHT, CHART_PALE
from lkjip_xl.words import Words


def fact(code: str, unit: str, capaian: float | None, previous: float | None = None, year: int = 2022) -> IkkFacts:
    """An IKK with a target of 90 (%); tercapai as the default rule says; an earlier capaian if given."""
    return IkkFacts(code=code, divisi=unit, sk_no=int(code[2:4]), sk_text="Sasaran", ikk_no=int(code[-1]),
                    text="Indikator", unit="%", target=90.0, realisasi=None if capaian is None else capaian * 0.9,
                    capaian=capaian, tercapai=calc.tercapai(capaian, AchievementRule()),
                    previous_year=None if previous is None else year, previous_capaian=previous)


FACTS = [
    fact("SK01-IKK1", "Administrasi", 94.7, previous=90.0),
    fact("SK01-IKK2", "Administrasi", 1666.6666666666667, previous=120.0),
    fact("SK01-IKK3", "Administrasi", None, previous=80.0),
    fact("SK02-IKK1", "Pemasyarakatan", 100.0, previous=101.5),
    fact("SK02-IKK2", "Pemasyarakatan", 76.75),
    fact("SK03-IKK1", "Pelayanan Hukum dan HAM", 105.26315789473684, previous=98.0),
]
UNITS = ("Administrasi", "Pemasyarakatan", "Pelayanan Hukum dan HAM")


def png_image(chart: charts.Chart) -> Image.Image:
    image = Image.open(io.BytesIO(chart.png))
    image.load()
    return image


def luma(colour: str) -> int:
    """The grey level Pillow's "L" conversion gives a colour (ITU-R 601-2)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return (r * 299 + g * 587 + b * 114) // 1000


def grey_count(image: Image.Image, level: int) -> int:
    return sum(image.convert("L").histogram()[level - 1:level + 2])


def colour_count(image: Image.Image, colour: str) -> int:
    wanted = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return sum(count for count, rgb in image.convert("RGB").getcolors(1 << 24) if rgb == wanted)


# --------------------------------------------------------------------------- what is plotted


def test_capaian_chart_per_unit_plots_the_facts_capaian_in_order():
    found = charts.capaian_charts(FACTS)
    assert tuple(found) == UNITS == charts.units(FACTS)
    for unit, chart in found.items():
        assert chart is not None
        assert chart.title == msg("chart_capaian_title", name=unit) == f"Capaian IKK Divisi {unit}"
        assert chart.series == (LABELS["chart_series_capaian"],)
        assert chart.data == tuple((f.code, (f.capaian,)) for f in FACTS if f.divisi == unit)
        assert [code for code, _ in chart.data] == [t for t in chart.texts if t.startswith("SK")]


def test_status_chart_counts_per_unit_and_the_office_from_the_facts():
    chart = charts.status_chart(FACTS)
    assert chart is not None and chart.title == "IKK Tercapai dan Tidak Tercapai per Divisi"
    assert chart.series == ("Tercapai", "Tidak Tercapai", "Belum ada capaian")
    expected = [(unit, [f for f in FACTS if f.divisi == unit]) for unit in UNITS] + [("Seluruh Kanwil", FACTS)]
    assert chart.data == tuple(
        (name, (sum(f.tercapai is True for f in group), sum(f.tercapai is False for f in group),
                sum(f.capaian is None for f in group))) for name, group in expected)
    assert chart.data[-1][1] == (3, 2, 1)
    # an IKK without capaian is counted apart, never as tidak tercapai, and the chart says so
    assert chart.notes == (msg("chart_note_status_missing", count=1),)
    assert {"6 IKK", "Seluruh Kanwil", "Jumlah IKK"} <= set(chart.texts)


def test_year_chart_compares_the_same_ikk_in_both_years():
    chart = charts.year_chart(FACTS, 2023)
    assert chart is not None
    assert chart.title == "Rata-rata Capaian IKK Tahun 2022 dan Tahun 2023 per Divisi"
    assert chart.series == ("Tahun 2022", "Tahun 2023")
    compared = [f for f in FACTS if f.previous_capaian is not None and f.capaian is not None]
    assert [f.code for f in compared] == ["SK01-IKK1", "SK01-IKK2", "SK02-IKK1", "SK03-IKK1"]  # not SK01-IKK3

    def means(group: list[IkkFacts]) -> tuple[float | None, float | None]:
        return calc.mean([f.previous_capaian for f in group]), calc.mean([f.capaian for f in group])

    assert chart.data == tuple((unit, means([f for f in compared if f.divisi == unit])) for unit in UNITS) \
        + (("Seluruh Kanwil", means(compared)),)
    assert msg("chart_note_compared", count=4, total=6) in chart.notes
    assert "Administrasi (2 IKK)" in chart.texts and "Seluruh Kanwil (4 IKK)" in chart.texts


def test_year_chart_with_a_cap_caps_each_capaian_before_the_mean():
    chart = charts.year_chart(FACTS, 2023, mean_cap=120.0)
    assert chart is not None
    administrasi = dict(chart.data)["Administrasi"]
    assert administrasi == (calc.mean([90.0, 120.0]), calc.mean([94.7, calc.capped(1666.6666666666667, 120.0)]))
    assert msg("chart_note_mean_cap", cap="120%") in chart.notes and not chart.capped


def test_year_chart_names_an_earlier_year_only_when_all_are_the_same():
    mixed = [FACTS[0], replace(FACTS[3], previous_year=2021)]
    chart = charts.year_chart(mixed, 2023)
    assert chart is not None and chart.series == ("Tahun Sebelumnya", "Tahun 2023")
    assert chart.title == "Rata-rata Capaian IKK Tahun Sebelumnya dan Tahun 2023 per Divisi"


# --------------------------------------------------------------------------- gaps, outliers, nothing to draw


def test_an_ikk_without_capaian_is_a_gap_with_a_note_never_a_zero():
    chart = charts.capaian_chart(FACTS, "Administrasi")
    assert chart is not None
    assert dict(chart.data)["SK01-IKK3"] == (None,)
    assert msg("chart_note_missing", codes="SK01-IKK3") in chart.notes
    assert "Belum ada capaian" in chart.texts and "0%" not in chart.texts


def test_an_outlier_is_cut_at_the_cap_and_labelled_with_its_real_value():
    chart = charts.capaian_chart(FACTS, "Administrasi")
    assert chart is not None
    assert chart.capped == ("SK01-IKK2",) and chart.axis_max <= 250
    assert "1.666,67%" in chart.texts and "94,7%" in chart.texts
    assert msg("chart_note_capped", cap="200%") in chart.notes
    # the 94,7% bar keeps its length: without the cap it would be 94,7 / 1.666,67 of the outlier's
    image = png_image(chart)
    light, dark = colour_count(image, CHART_LIGHT), colour_count(image, CHART_DARK)
    assert light / dark > 0.25, (light, dark)


def test_a_value_far_below_zero_is_cut_at_the_floor():
    chart = charts.capaian_chart([fact("SK09-IKK1", "Umum", -512.5), fact("SK09-IKK2", "Umum", 80.0)], "Umum")
    assert chart is not None and chart.capped == ("SK09-IKK1",)
    assert "-512,5%" in chart.texts and msg("chart_note_capped_low", floor="-100%") in chart.notes
    assert chart.data == (("SK09-IKK1", (-512.5,)), ("SK09-IKK2", (80.0,)))


def test_nothing_to_draw_gives_none():
    unreported = [fact("SK01-IKK1", "Administrasi", None), fact("SK02-IKK1", "Umum", None)]
    assert charts.capaian_charts([]) == {}
    assert charts.capaian_chart(unreported, "Administrasi") is None
    assert charts.capaian_chart(FACTS, "Tidak Ada") is None
    assert charts.status_chart([]) is None and charts.status_chart(unreported) is None
    assert charts.year_chart([], 2023) is None
    no_earlier = [replace(f, previous_capaian=None, previous_year=None) for f in FACTS]
    assert charts.year_chart(no_earlier, 2023) is None
    # an earlier capaian of an IKK not reported this year compares nothing
    assert charts.year_chart([FACTS[2]], 2023) is None


# --------------------------------------------------------------------------- print


def test_png_size_is_an_a4_text_width_at_200_dpi():
    for chart in (*charts.capaian_charts(FACTS).values(), charts.status_chart(FACTS), charts.year_chart(FACTS, 2023)):
        assert chart is not None
        image = png_image(chart)
        assert image.format == "PNG" and image.size == chart.size_px
        assert chart.size_px[0] == charts.WIDTH_PX and chart.width_cm == pytest.approx(15.875)
        assert 3 < chart.height_cm <= charts.MAX_HEIGHT_CM
        assert "Software" not in image.info


def test_many_ikk_make_a_longer_chart_but_never_longer_than_a_page():
    many = [fact(f"SK{n:02d}-IKK{k}", "Pemasyarakatan", 50.0 + n + k) for n in range(10, 40) for k in range(1, 4)]
    chart = charts.capaian_chart(many, "Pemasyarakatan")
    short = charts.capaian_chart(many[:3], "Pemasyarakatan")
    assert chart is not None and short is not None
    assert short.height_cm < chart.height_cm <= charts.MAX_HEIGHT_CM
    assert png_image(chart).size == chart.size_px and len(chart.data) == 90


def test_series_differ_in_grey_level_for_greyscale_print():
    assert luma(CHART_LIGHT) - luma(CHART_DARK) >= 60 and luma(CHART_PALE) - luma(CHART_DARK) >= 60
    for chart, light in ((charts.capaian_chart(FACTS, "Administrasi"), CHART_LIGHT),
                         (charts.year_chart(FACTS, 2023), CHART_PALE)):
        assert chart is not None
        image = png_image(chart)
        # both fills are there, as areas of clearly different grey
        assert grey_count(image, luma(CHART_DARK)) > 5000
        assert grey_count(image, luma(light)) > 2000


def test_numbers_and_words_are_indonesian():
    for chart in (charts.capaian_chart(FACTS, "Administrasi"), charts.status_chart(FACTS),
                  charts.year_chart(FACTS, 2023)):
        assert chart is not None
        for text in chart.texts:
            assert not re.search(r"\d\.\d{1,2}(?!\d)", text), text  # a decimal point
            assert not re.search(r"\b(Figure|Axes|Count|Value|Year|mean|achieved)\b", text, re.I), text
    chart = charts.capaian_chart(FACTS, "Pemasyarakatan")
    assert chart is not None
    assert {"Tercapai", "Tidak Tercapai", "Batas tercapai 100%", "Capaian (%)", "76,75%", "100%"} <= set(chart.texts)
    assert [t for t in chart.texts if t.isdigit()] == [str(n) for n in range(0, 141, 20)]  # the axis, 0 to 140


def test_the_threshold_line_is_the_rules():
    chart = charts.capaian_chart(FACTS, "Pemasyarakatan", threshold=90.0)
    assert chart is not None and "Batas tercapai 90%" in chart.texts


def test_charts_speak_the_organisations_words():
    dinas = Words(office="Dinas Kesehatan", office_short="Dinas", unit="Bidang", head="Kepala Dinas")
    facts = [replace(f, divisi=f.divisi.replace("Administrasi", "Umum")) for f in FACTS]
    with use_words(dinas):
        capaian = charts.capaian_chart(facts, "Umum")
        status = charts.status_chart(facts)
        year = charts.year_chart(facts, 2023)
    assert capaian is not None and status is not None and year is not None
    assert capaian.title == "Capaian IKK Bidang Umum"
    assert status.title == "IKK Tercapai dan Tidak Tercapai per Bidang" and status.data[-1][0] == "Seluruh Dinas"
    assert year.title.endswith("per Bidang") and "Seluruh Dinas (4 IKK)" in year.texts


# --------------------------------------------------------------------------- the same bytes, lazily, no pyplot


def test_the_same_facts_give_the_same_bytes():
    first, second = charts.capaian_chart(FACTS, "Administrasi"), charts.capaian_chart(list(FACTS), "Administrasi")
    assert first is not None and second is not None and first.png == second.png
    assert charts.status_chart(FACTS) == charts.status_chart(FACTS)
    assert charts.year_chart(FACTS, 2023) == charts.year_chart(FACTS, 2023)
    other = charts.capaian_chart([replace(FACTS[0], capaian=94.8), *FACTS[1:]], "Administrasi")
    assert other is not None and other.png != first.png


_SCRIPT = textwrap.dedent("""
    import hashlib, sys
    import lkjip_xl, lkjip_xl.chapter.charts as charts
    assert "matplotlib" not in sys.modules  # imported only when a chart is drawn
    sys.path.insert(0, {tests!r})
    from test_charts import FACTS
    chart = charts.capaian_chart(FACTS, "Administrasi")
    assert "matplotlib.pyplot" not in sys.modules
    print(hashlib.sha256(chart.png).hexdigest())
""")


def test_a_fresh_process_and_a_users_matplotlibrc_give_the_same_bytes(tmp_path):
    chart = charts.capaian_chart(FACTS, "Administrasi")
    assert chart is not None
    # matplotlib reads ./matplotlibrc first: a user's style must change nothing
    (tmp_path / "matplotlibrc").write_text("axes.facecolor: black\nfont.size: 20\nhatch.linewidth: 4\n"
                                           "font.family: serif\nsavefig.dpi: 50\n", encoding="utf-8")
    tests = str(Path(__file__).parent)
    done = subprocess.run([sys.executable, "-c", _SCRIPT.format(tests=tests)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == hashlib.sha256(chart.png).hexdigest()


def test_the_chapters_charts_in_order_with_the_masters_rule_and_year():
    master = Master("Kantor Wilayah Contoh", 2023, (), AchievementRule(threshold=90.0, mean_cap=120.0))
    found = charts.chapter_charts(FACTS, master)
    assert [chart.title for chart in found] == [
        "IKK Tercapai dan Tidak Tercapai per Divisi", *(f"Capaian IKK Divisi {unit}" for unit in UNITS),
        "Rata-rata Capaian IKK Tahun 2022 dan Tahun 2023 per Divisi"]
    assert all("Batas tercapai 90%" in chart.texts for chart in found[1:])
    assert found[-1] == charts.year_chart(FACTS, 2023, mean_cap=120.0, threshold=90.0)
    no_earlier = [replace(f, previous_capaian=None, previous_year=None) for f in FACTS]
    assert len(charts.chapter_charts(no_earlier, master)) == 4  # no year chart: nothing to compare


def test_names_are_drawn_as_typed():
    odd = [fact("SK01-IKK1", "Bidang $x^2$ & Keu_angan", 95.5), fact("SK01-IKK2", "Bidang $x^2$ & Keu_angan", None)]
    odd[1] = replace(odd[1], code="SK01-$\\nosuch$")  # no mathtext command: drawn as typed, never parsed
    chart = charts.capaian_chart(odd, "Bidang $x^2$ & Keu_angan")
    status = charts.status_chart(odd)
    assert chart is not None and status is not None
    assert "SK01-$\\nosuch$" in chart.texts and msg("chart_note_missing", codes="SK01-$\\nosuch$") in chart.notes
    assert "Bidang $x^2$ & Keu_angan" in status.texts
    assert png_image(status).size == status.size_px
