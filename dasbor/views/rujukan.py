"""Public reference figures ("angka rujukan") beside the warehouse's own numbers, clearly apart from them.

The figures are BPS releases and Disperin statements as reported in the news (``data/reference/angka_rujukan
.csv``); the warehouse's numbers are sample data until office data are imported, after which the same table
shows how the imported data differ from what was published. Columns never mix the two: the reference figure,
its period, page and date sit in their own columns, and the warehouse's column is titled by what it holds
("Data contoh" or "Data kantor").
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dasbor.views import formats
from dasbor.views.charts import base_layout
from dasbor.views.palette import WARNA_KEDUA

WARNA_RUJUKAN = "#374151"
"""Reference figures in dark grey: published, not ours."""


def judul_gudang(df: pl.DataFrame) -> str:
    """ "Data contoh" while any compared number comes from the sample, else "Data kantor"."""
    jenis = set(df["jenis_gudang"].drop_nulls().to_list())
    return "Data contoh" if "contoh" in jenis or not jenis else "Data kantor"


def _nilai(x: float | None, satuan: str) -> str:
    if x is None:
        return formats.KOSONG
    if satuan == "persen":
        return formats.persen(x)
    if satuan == "juta US$":
        return formats.usd(x * 1e6)
    return formats.unit(x, satuan)


def _selisih(rujukan: float, gudang: float | None, satuan: str) -> str:
    if gudang is None:
        return "tidak ada data untuk periode ini"
    if satuan == "persen":
        return formats.poin(gudang - rujukan)
    return formats.perubahan_persen(gudang, rujukan) or formats.KOSONG


def tabel_banding(df: pl.DataFrame) -> pl.DataFrame:
    """The comparison as display text, one row per reference figure, sources as plain addresses."""
    gudang = judul_gudang(df)
    baris = []
    for r in df.iter_rows(named=True):
        baris.append(
            {
                "Indikator": r["label"],
                "Periode": r["periode"],
                "Angka rujukan": _nilai(r["nilai_rujukan"], r["satuan"]),
                gudang: _nilai(r["nilai_gudang"], r["satuan"]),
                "Selisih": _selisih(r["nilai_rujukan"], r["nilai_gudang"], r["satuan"]),
                "Sumber rujukan": r["sumber_url"],
            }
        )
    return pl.DataFrame(baris)


def batang_ekspor(df: pl.DataFrame) -> go.Figure:
    """Monthly export totals: the published figure beside the warehouse's, one pair per month."""
    d = df.filter(pl.col("indikator") == "ekspor_total").sort("tanggal_data")
    gudang = judul_gudang(df)
    periode = [formats.bulan_tahun(t.year, t.month) for t in d["tanggal_data"].to_list()]
    fig = go.Figure()
    for kolom, nama, warna, pola in (
        ("nilai_rujukan", "Angka rujukan (rilis BPS, diberitakan)", WARNA_RUJUKAN, ""),
        ("nilai_gudang", gudang, WARNA_KEDUA, "/" if gudang == "Data contoh" else ""),
    ):
        nilai = d[kolom].to_list()
        fig.add_trace(
            go.Bar(
                x=periode,
                y=nilai,
                name=nama,
                marker={"color": warna, "pattern": {"shape": pola}},
                text=[_nilai(v, "juta US$") for v in nilai],
                textposition="outside",
                hovertext=[f"{nama} · {p}: {_nilai(v, 'juta US$')}" for p, v in zip(periode, nilai, strict=True)],
                hoverinfo="text",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    fig.update_yaxes(title_text="juta US$", tickformat=",.0f")
    return base_layout(fig, height=380)


def ringkas(df: pl.DataFrame) -> str:
    """One sentence: how far the warehouse's monthly export totals are from the published ones, on average."""
    d = df.filter((pl.col("indikator") == "ekspor_total") & pl.col("nilai_gudang").is_not_null())
    if d.is_empty():
        return "Belum ada bulan yang dapat dibandingkan dengan angka rujukan."
    rata = float(d["selisih_persen"].abs().mean())  # type: ignore[arg-type]
    return (
        f"{judul_gudang(df)} berbeda rata-rata {formats.persen(rata)} dari nilai ekspor bulanan yang dirilis "
        f"({d.height} bulan dibandingkan)"
    )
