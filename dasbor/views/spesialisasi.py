"""Specialisation: location quotients (LQ) of IKM employment per kabupaten x sektor, and of exports per chain.

LQ = (share of the sektor in the kabupaten) / (share of the sektor in the province). Above 1 the kabupaten
holds more of that sektor than the province average: a specialisation. The heatmap centres its colours on 1
(white), blue above, orange below, so "specialised" reads the same for every sektor.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dasbor.views import formats
from dasbor.views.charts import base_layout
from dasbor.views.palette import LABEL_RANTAI

LQ_MAKS = 3.0
"""Colours saturate at LQ 3 (a cell with 7 would otherwise wash out every other)."""
SKALA_LQ = [[0.0, "#c2410c"], [1 / LQ_MAKS, "#ffffff"], [1.0, "#0b5d8c"]]


def heatmap_lq(df: pl.DataFrame, kolom: str = "sektor") -> go.Figure:
    """Kabupaten (rows, BPS order) x sektor or rantai (columns), the LQ written in each cell."""
    kategori = sorted(set(df[kolom].to_list()))
    kab = df.select("kode_bps", "nama").unique(maintain_order=True).sort("kode_bps")
    z: list[list[float | None]] = []
    teks: list[list[str]] = []
    hover: list[list[str]] = []
    for kode, nama in kab.iter_rows():
        baris = df.filter(pl.col("kode_bps") == kode)
        per = dict(zip(baris[kolom].to_list(), baris["lq"].to_list(), strict=True))
        z.append([None if per.get(k) is None else min(float(per[k]), LQ_MAKS) for k in kategori])
        teks.append([formats.angka(per.get(k), 2) for k in kategori])
        hover.append([f"{nama} · {_label(k, kolom)}: LQ {formats.angka(per.get(k), 2)}" for k in kategori])
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[_label(k, kolom) for k in kategori],
            y=kab["nama"].to_list(),
            zmin=0,
            zmax=LQ_MAKS,
            colorscale=SKALA_LQ,
            text=teks,
            texttemplate="%{text}",
            hovertext=hover,
            hoverinfo="text",
            xgap=2,
            ygap=2,
            colorbar={
                "title": {"text": "LQ"},
                "thickness": 14,
                "tickvals": [0, 1, 2, 3],
                "ticktext": ["0", "1", "2", "≥3"],
            },
        )
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(type="category", side="top", showgrid=False)
    return base_layout(fig, height=40 * max(kab.height, 3) + 140)


def _label(k: str, kolom: str) -> str:
    return LABEL_RANTAI.get(k, k) if kolom == "rantai" else k


def unggul(df: pl.DataFrame, kode_bps: str, kolom: str = "sektor") -> pl.DataFrame:
    """The sektor (or rantai) of one kabupaten with LQ above 1, strongest first."""
    return (
        df.filter((pl.col("kode_bps") == kode_bps) & (pl.col("lq") > 1))
        .sort("lq", descending=True)
        .select(kolom, "lq", *[c for c in ("tenaga_kerja", "nilai_usd") if c in df.columns])
    )


def teratas(df: pl.DataFrame, n: int = 3) -> pl.DataFrame:
    """The ``n`` highest LQ cells of the table."""
    return df.filter(pl.col("lq").is_not_null()).sort("lq", descending=True).head(n)


def teks_unggul(df: pl.DataFrame, kode_bps: str, kolom: str = "sektor") -> str:
    """ "Pangan (LQ 1,42), Kerajinan (LQ 1,10)", or a sentence saying there is none."""
    u = unggul(df, kode_bps, kolom)
    if u.is_empty():
        return "tidak ada (semua LQ ≤ 1)"
    return ", ".join(f"{_label(k, kolom)} (LQ {formats.angka(v, 2)})" for k, v in u.select(kolom, "lq").rows())
