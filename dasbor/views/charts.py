"""Chart builders: polars frame in, plotly Figure out. No Streamlit here, so decks and tests reuse them.

Conventions every builder keeps: Indonesian number separators (``separators=",."``), hover text preformatted
by ``dasbor.views.formats``, fixed colours from ``dasbor.views.palette``, type large enough for a projector, and titles
left to the page (the page heading says what the chart is; the figure does not repeat it).
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from dasbor.views import formats
from dasbor.views.palette import (
    LABEL_RANTAI,
    LABEL_TAHAP,
    URUTAN_RANTAI,
    URUTAN_TAHAP,
    WARNA_KEDUA,
    WARNA_TAHAP,
    WARNA_UTAMA,
)

JUTA = 1_000_000.0
"""Axes show US$ in millions ("juta US$"): plotly's SI suffixes (G, M) are not Indonesian."""
FONT = {"family": "DejaVu Sans, Arial, sans-serif", "size": 16, "color": "#1f2937"}


def base_layout(fig: go.Figure, *, height: int = 420) -> go.Figure:
    """The house layout: Indonesian separators, large type, a legend that does not cover the data."""
    fig.update_layout(
        separators=",.",
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        hoverlabel={"font_size": 16},
    )
    fig.update_xaxes(showgrid=False, linecolor="#9ca3af")
    fig.update_yaxes(gridcolor="#e5e7eb", zeroline=False)
    return fig


def tren_ikm_ekspor(df: pl.DataFrame) -> go.Figure:
    """Jumlah IKM (bars) and export value (line) per year, on two stacked panels sharing the year axis.

    Two panels rather than two y-axes on one panel: dual axes invite readers to compare heights that have
    nothing to do with each other.
    """
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.16,
        subplot_titles=("Jumlah IKM (unit)", "Nilai ekspor (juta US$)"),
    )
    ikm = df.filter(pl.col("jumlah_ikm").is_not_null())
    fig.add_trace(
        go.Bar(
            x=ikm["tahun"].to_list(),
            y=ikm["jumlah_ikm"].to_list(),
            marker_color=WARNA_UTAMA,
            name="Jumlah IKM",
            text=[formats.angka(v) for v in ikm["jumlah_ikm"].to_list()],
            textposition="outside",
            textangle=0,
            cliponaxis=False,
            hovertemplate="%{x}: %{text} unit<extra></extra>",
        ),
        row=1,
        col=1,
    )
    ekspor = df.filter(pl.col("nilai_ekspor_usd").is_not_null())
    nilai = ekspor["nilai_ekspor_usd"].to_list()
    # Label only the latest year: five labels of "US$ 13,4 miliar" collide at half-page width.
    label = ["" for _ in nilai[:-1]] + [formats.usd(v) for v in nilai[-1:]]
    fig.add_trace(
        go.Scatter(
            x=ekspor["tahun"].to_list(),
            y=[v / JUTA for v in ekspor["nilai_ekspor_usd"].to_list()],
            mode="lines+markers+text",
            line={"color": WARNA_KEDUA, "width": 4},
            marker={"size": 10},
            name="Nilai ekspor",
            text=label,
            customdata=[formats.usd(v) for v in nilai],
            textposition="bottom left",
            hovertemplate="%{x}: %{customdata}<extra></extra>",
        ),
        row=2,
        col=1,
    )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(rangemode="tozero", tickformat=",.0f")
    if nilai:
        fig.update_yaxes(range=[0, max(nilai) / JUTA * 1.25], row=2, col=1)
    if ikm.height:
        fig.update_yaxes(range=[0, ikm["jumlah_ikm"].max() * 1.2], row=1, col=1)  # type: ignore[operator]
    base_layout(fig, height=520)
    fig.update_layout(showlegend=False, margin={"t": 40})
    return fig


def _urut(df: pl.DataFrame) -> pl.DataFrame:
    rank_r = {r: i for i, r in enumerate(URUTAN_RANTAI)}
    rank_t = {t: i for i, t in enumerate(URUTAN_TAHAP)}
    return df.with_columns(
        pl.col("rantai").replace_strict(rank_r, default=len(rank_r)).alias("_r"),
        pl.col("tahap").replace_strict(rank_t, default=len(rank_t)).alias("_t"),
    ).sort("_r", "_t")


def bauran_ekspor(df: pl.DataFrame, *, porsi: bool = False) -> go.Figure:
    """Export value per chain (one bar each), stacked by stage.

    With ``porsi=True`` each bar is 100 % and the dark part is the chain's own Indeks Hilirisasi: the view
    that coal's size hides in the absolute chart.
    """
    data = _urut(df)
    rantai = [r for r in URUTAN_RANTAI if r in set(data["rantai"].to_list())]
    total = {r: data.filter(pl.col("rantai") == r)["nilai_usd"].sum() for r in rantai}
    fig = go.Figure()
    for tahap in URUTAN_TAHAP:
        part = data.filter(pl.col("tahap") == tahap)
        if part.is_empty():
            continue
        nilai = dict(zip(part["rantai"].to_list(), part["nilai_usd"].to_list(), strict=True))
        xs = [nilai.get(r, 0.0) for r in rantai]
        shares = [100 * v / total[r] if total[r] else 0.0 for v, r in zip(xs, rantai, strict=True)]
        hover = [
            f"{LABEL_RANTAI.get(r, r)} · {LABEL_TAHAP[tahap]}<br>{formats.usd(v)} ({formats.persen(s)})"
            for r, v, s in zip(rantai, xs, shares, strict=True)
        ]
        fig.add_trace(
            go.Bar(
                y=[LABEL_RANTAI.get(r, r) for r in rantai],
                x=shares if porsi else [v / JUTA for v in xs],
                orientation="h",
                name=LABEL_TAHAP[tahap],
                marker_color=WARNA_TAHAP[tahap],
                hovertext=hover,
                hoverinfo="text",
            )
        )
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(autorange="reversed")
    if porsi:
        fig.update_xaxes(range=[0, 100], ticksuffix=" %", title_text="Porsi nilai ekspor dalam rantai")
    else:
        fig.update_xaxes(tickformat=",.0f", title_text="Nilai ekspor (juta US$)")
    return base_layout(fig, height=60 * max(len(rantai), 3) + 120)
