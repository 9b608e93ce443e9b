"""Source captions ("Sumber: ... · data per ..."), shared by pages, slides and exports.

Pure text so the same wording appears under a chart on screen, on a PowerPoint slide and in a PDF.
"""

from __future__ import annotations

import polars as pl

from dasbor.views import formats

TEKS_CONTOH = "Data contoh, bukan data resmi"


def teks_sumber(sumber: pl.DataFrame, *, markdown: bool = True) -> str:
    """The caption for a ``sumber_tabel`` frame; sample sources are marked "(data contoh)"."""
    if sumber.is_empty():
        return "Sumber: belum tercatat."
    nama = []
    for row in sumber.iter_rows(named=True):
        label = row["nama"] + (" (data contoh)" if row["jenis"] == "contoh" else "")
        nama.append(f"[{label}]({row['url']})" if markdown and row["url"] else label)
    per = sumber["tanggal_data"].max()
    return f"Sumber: {'; '.join(nama)} · data per {formats.tanggal(per)}"  # type: ignore[arg-type]


def ada_contoh(sumber: pl.DataFrame) -> bool:
    """Whether any of these sources is generated sample data."""
    return bool(sumber.filter(pl.col("jenis") == "contoh").height)
