"""Bab III Akuntabilitas Kinerja as a Word document (``lkjip-xl laporan``).

- :mod:`~lkjip_xl.chapter.facts`     what the chapter says of each IKK, computed once from the tables' data
- :mod:`~lkjip_xl.chapter.narrative` the draft sentences per IKK, the summary and the budget
- :mod:`~lkjip_xl.chapter.charts`    the figures (capaian per IKK, tercapai per unit, year on year)
- :mod:`~lkjip_xl.chapter.grid`      the tables workbook read back as it shows its cells
- :mod:`~lkjip_xl.chapter.word`      Word building blocks: captions as SEQ fields, lists as TOC fields, tables
- :mod:`~lkjip_xl.chapter.document`  the whole run: :func:`make_chapter`
"""

from .document import ChapterResult, make_chapter

__all__ = ["ChapterResult", "make_chapter"]
