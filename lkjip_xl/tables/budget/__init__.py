"""The budget tables of Chapter III (Tabel 3.178–3.180, e-Monev), the capaian kinerja anggaran and the efficiency table.

- :mod:`~lkjip_xl.tables.budget.model`       the data and every number as a pure function with its formula twin
- :mod:`~lkjip_xl.tables.budget.layout`      the budget input workbook's sheets, columns and words
- :mod:`~lkjip_xl.tables.budget.read`        the budget input workbook (docs/budget.md)
- :mod:`~lkjip_xl.tables.budget.write`       the budget sheets
- :mod:`~lkjip_xl.tables.budget.efficiency`  anggaran, realisasi and capaian per Sasaran Kegiatan (or IKK);
  :mod:`~lkjip_xl.tables.budget.efficiency_write` its sheet

The public names are exported by :mod:`lkjip_xl.tables`.
"""
