"""Figures of the Program page: the halal funnel, certificates against the 20-40 a year target band, the share
of food IKM certified, link-and-match placements, and plan targets against what was achieved."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import polars as pl

from dasbor.views import formats, palette
from dasbor.views.charts import base_layout
from dasbor.views.palette import WARNA_KEDUA, WARNA_TAHAP, WARNA_UTAMA

TARGET_HALAL = (20, 40)
"""The programme's aim: 20 to 40 IKM certified halal a year through the province's mentoring."""
HALAL_WAJIB = dt.date(2024, 10, 17)
"""Halal certification mandatory for food and beverage products (UU 33/2014 schedule, first stage)."""

LABEL_INDIKATOR: dict[str, str] = {
    "jumlah_ikm": "Jumlah IKM",
    "indeks_hilirisasi": "Indeks Hilirisasi",
    "sertifikat_halal": "Sertifikat halal (program)",
}


def corong_halal(baris: dict[str, int | None], tahun: int) -> go.Figure:
    """Mentored -> submitted -> certified for one year."""
    tahap = ["Dibina", "Diajukan", "Bersertifikat"]
    nilai = [baris.get("peserta") or 0, baris.get("diajukan") or 0, baris.get("hasil") or 0]
    fig = go.Figure(
        go.Funnel(
            y=tahap,
            x=nilai,
            text=[formats.unit(v, "IKM") for v in nilai],
            textinfo="text+percent initial",
            marker={"color": [WARNA_TAHAP["hulu"], WARNA_TAHAP["antara"], WARNA_TAHAP["hilir"]]},
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(title_text=f"Tahun {tahun}", title_font_size=16)
    return base_layout(fig, height=330)


def halal_per_tahun(df: pl.DataFrame, *, provinsi: bool = True) -> go.Figure:
    """Certificates per year as bars, with the province's 20-40 target band shaded; for chosen kabupaten the
    band would mislead, so their own summed targets are drawn as a line instead."""
    tahun = df["tahun"].to_list()
    hasil = df["hasil"].to_list()
    fig = go.Figure(
        go.Bar(
            x=tahun,
            y=hasil,
            marker_color=WARNA_UTAMA,
            text=[formats.angka(v) for v in hasil],
            textposition="outside",
            cliponaxis=False,
            name="Bersertifikat",
            hovertemplate="%{x}: %{text} IKM<extra></extra>",
        )
    )
    if provinsi:
        fig.add_hrect(
            y0=TARGET_HALAL[0], y1=TARGET_HALAL[1], fillcolor="#16a34a", opacity=0.15, line_width=0, layer="below"
        )
        fig.add_annotation(
            x=1,
            xref="paper",
            y=TARGET_HALAL[1],
            text="target 20–40 IKM/tahun",
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font={"size": 13, "color": "#166534"},
        )
        puncak = max([*hasil, TARGET_HALAL[1]])
    else:
        target = df["target"].to_list()
        fig.add_trace(
            go.Scatter(
                x=tahun,
                y=target,
                mode="lines",
                line={"color": "#166534", "width": 3, "dash": "dash"},
                name="Target kabupaten/kota terpilih",
                hovertemplate="%{x}: target %{y} IKM<extra></extra>",
            )
        )
        puncak = max([*hasil, *(t for t in target if t is not None)], default=1)
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(range=[0, puncak * 1.2], title_text="IKM bersertifikat")
    base_layout(fig, height=330)
    fig.update_layout(showlegend=False)
    return fig


def persen_halal_pangan(df: pl.DataFrame) -> go.Figure:
    """Share of food and beverage IKM with a halal certificate, per registry year."""
    fig = go.Figure(
        go.Scatter(
            x=df["tahun"].to_list(),
            y=df["persen_halal"].to_list(),
            mode="lines+markers+text",
            text=[formats.persen(v) for v in df["persen_halal"].to_list()],
            textposition="top center",
            line={"color": WARNA_KEDUA, "width": 4},
            marker={"size": 10},
            hovertext=[
                f"{t}: {formats.unit(h, 'IKM')} dari {formats.unit(p, 'IKM')} pangan"
                for t, h, p in df.select("tahun", "jumlah_halal", "jumlah_pangan").rows()
            ],
            hoverinfo="text",
        )
    )
    # Registry year 2024 is the first that ends after the obligation started.
    fig.add_vline(x=HALAL_WAJIB.year, line_dash="dash", line_color="#374151")
    fig.add_annotation(
        x=HALAL_WAJIB.year,
        y=1.0,
        yref="paper",
        text="wajib halal pangan: 17 Okt 2024",
        showarrow=False,
        xanchor="right",
        font={"size": 13},
    )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(
        ticksuffix=" %",
        range=[0, max(df["persen_halal"].to_list(), default=10) * 1.25],
        title_text="IKM pangan bersertifikat halal",
    )
    base_layout(fig, height=330)
    fig.update_layout(showlegend=False)
    return fig


def peserta_hasil(df: pl.DataFrame, label_peserta: str, label_hasil: str) -> go.Figure:
    """Participants and results per year (e.g. SMK students in link-and-match and those placed)."""
    fig = go.Figure()
    for kolom, label, warna in (("peserta", label_peserta, "#93c5fd"), ("hasil", label_hasil, WARNA_UTAMA)):
        fig.add_trace(
            go.Bar(
                x=df["tahun"].to_list(),
                y=df[kolom].to_list(),
                name=label,
                marker_color=warna,
                text=[formats.angka(v) for v in df[kolom].to_list()],
                textposition="outside",
                cliponaxis=False,
            )
        )
    fig.update_layout(barmode="group", legend_traceorder="normal")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(tickformat=",d", range=[0, max(df["peserta"].to_list(), default=1) * 1.2])
    return base_layout(fig, height=330)


def jumlah_per_tahun(df: pl.DataFrame, kolom: str, label: str) -> go.Figure:
    """One count per registry year (e.g. sasirangan makers), labelled on the bars."""
    nilai = df[kolom].to_list()
    fig = go.Figure(
        go.Bar(
            x=df["tahun"].to_list(),
            y=nilai,
            marker_color=WARNA_UTAMA,
            text=[formats.angka(v) for v in nilai],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text} " + label + "<extra></extra>",
        )
    )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(tickformat=",d", range=[0, max(nilai, default=1) * 1.2], title_text=label)
    base_layout(fig, height=330)
    fig.update_layout(showlegend=False)
    return fig


def target_capaian(df: pl.DataFrame) -> go.Figure:
    """Each province target as achieved / target in percent, one bar per indicator and year."""
    data = df.filter(pl.col("capaian").is_not_null()).with_columns(
        (100 * pl.col("capaian") / pl.col("nilai_target")).alias("persen")
    )
    fig = go.Figure()
    warna = palette.warna_tahun(data["tahun"].to_list())
    for tahun in sorted(warna):
        bagian = data.filter(pl.col("tahun") == tahun)
        fig.add_trace(
            go.Bar(
                y=[LABEL_INDIKATOR.get(i, i) for i in bagian["indikator"].to_list()],
                x=bagian["persen"].to_list(),
                orientation="h",
                name=str(tahun),
                marker_color=warna[tahun],
                text=[formats.persen(v) for v in bagian["persen"].to_list()],
                textposition="outside",
                cliponaxis=False,
                hovertext=[
                    f"{LABEL_INDIKATOR.get(i, i)} {tahun}: capaian {formats.angka(c, 1)} dari target "
                    f"{formats.angka(t, 1)} {s} ({d})"
                    for i, c, t, s, d in bagian.select(
                        "indikator", "capaian", "nilai_target", "satuan", "dokumen"
                    ).rows()
                ],
                hoverinfo="text",
            )
        )
    fig.add_vline(x=100, line_dash="dash", line_color="#16a34a")
    fig.update_layout(barmode="group", legend_traceorder="normal")
    fig.update_xaxes(
        ticksuffix=" %",
        title_text="Capaian terhadap target",
        range=[0, max(data["persen"].to_list(), default=100) * 1.18],
    )
    return base_layout(fig, height=320)
