"""Importing the office's real files into the warehouse: read, map, parse, validate, apply atomically.

Load inputs (:mod:`~dasbor.impor.baca`: CSV in any separator/encoding, XLSX with titles, two-row headers,
several sheets) / process (:mod:`~dasbor.impor.kolom` headers and the synonym table of
:mod:`~dasbor.impor.jenis`, :mod:`~dasbor.impor.nilai` Indonesian numbers and names,
:mod:`~dasbor.impor.wilayah` kabupaten aliases, :mod:`~dasbor.impor.periksa` rules and problems with their
exact place, :mod:`~dasbor.impor.laporan` the report) / save (:mod:`~dasbor.impor.gudang`: copy, apply,
rename, versions and "Kembalikan"; :mod:`~dasbor.impor.batas` the boundary file). Also
:mod:`~dasbor.impor.templat` (XLSX templates with a data dictionary) and :mod:`~dasbor.impor.akun` (logins
of the Kelola Data page). Nothing here imports Streamlit; ``python -m dasbor.impor`` is the command line.
"""
