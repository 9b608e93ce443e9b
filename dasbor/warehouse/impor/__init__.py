"""Importing the office's real files into the warehouse: load, check, save (the owid/etl step shape).

Load inputs (:mod:`~dasbor.warehouse.impor.baca`: CSV in any separator or encoding, XLSX with titles,
two-row headers, several sheets) / check (:mod:`~dasbor.warehouse.impor.kolom` headers and the synonym table
of :mod:`~dasbor.warehouse.impor.jenis`, :mod:`~dasbor.warehouse.impor.nilai` Indonesian numbers and names,
:mod:`~dasbor.warehouse.impor.wilayah` kabupaten aliases, :mod:`~dasbor.warehouse.impor.periksa` rules and
problems with their exact place) / save (:mod:`~dasbor.warehouse.impor.simpan`: copy, apply, rename,
versions and "Kembalikan"; :mod:`~dasbor.warehouse.impor.jenis.batas` checks the boundary kind and
:mod:`~dasbor.warehouse.impor.simpan_batas` saves it; :mod:`~dasbor.warehouse.impor.riwayat` lock and log). Also
:mod:`~dasbor.warehouse.impor.templat` (XLSX templates with a data dictionary). How a check is shown to a
person (preview, report, CSV/XLSX of problems) is :mod:`dasbor.views.impor`; the command line is
``python -m dasbor.impor``.
"""
