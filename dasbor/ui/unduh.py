"""The "Unduh data" block of a page: the CSV separator, then CSV, XLSX and Parquet buttons for exactly the view,
each file with its "Keterangan" (metadata) sheet: title, sources with their dates, the filters, the time made.

Pages used to build that sheet line by line and check by hand whether the tables were sample data; the page
now names its title, tables and filter lines and :func:`bagian` does the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import polars as pl
import streamlit as st

from dasbor.ui import data, frame
from dasbor.views import unduhan


def keterangan(judul: str, tabel: Sequence[str], uraian: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The metadata sheet: title, one line per source of ``tabel``, the filter lines, the time made."""
    return [
        ("Judul", judul),
        *unduhan.keterangan_sumber(data.sumber_tabel(tuple(tabel))),
        *uraian,
        ("Dibuat", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
    ]


def contoh(tabel: Sequence[str]) -> bool:
    """Whether any of ``tabel`` still holds sample data (every row of the download is then labelled)."""
    return bool(set(tabel) & set(data.tabel_contoh()))


def bagian(
    ambil: Callable[[], pl.DataFrame],
    *,
    judul: str,
    tabel: Sequence[str],
    uraian: Sequence[tuple[str, str]],
    nama_berkas: str,
    pemisah_di: Any,
    tombol_di: Sequence[Any] | None = None,
) -> bool:
    """Draw the separator choice in ``pemisah_di`` and the three buttons in ``tombol_di`` (three columns; a new
    row of three when not given). ``ambil`` is called only on a click. Returns whether the files are labelled
    as sample data, for the page's caption."""
    ada_contoh = contoh(tabel)
    isi_keterangan = keterangan(judul, tabel, uraian)
    pemisah = frame.pilih_pemisah_csv(pemisah_di)
    frame.tombol_unduhan(
        ambil,
        isi_keterangan,
        nama_berkas,
        pemisah=pemisah,
        contoh=ada_contoh,
        kolom=tombol_di if tombol_di is not None else st.columns(3),
    )
    return ada_contoh
