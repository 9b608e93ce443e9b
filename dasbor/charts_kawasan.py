"""Figures of the Kawasan Industri page: tenants by status, the tenants' timeline, IKM around each
estate, and the estate kabupaten's exports of the tenants' chains before and after they started."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import polars as pl

from dasbor import formats
from dasbor.charts import JUTA, base_layout
from dasbor.kawasan import LABEL_STATUS, STATUS, WARNA_STATUS, jumlah_status
from dasbor.palette import LABEL_TAHAP, WARNA_TAHAP


def tenant_per_status(df: pl.DataFrame, nama: dict[str, str]) -> go.Figure:
    """One horizontal bar per estate, stacked by tenant status (operating first)."""
    hitung = jumlah_status(df)
    kawasan = sorted(set(hitung["kawasan_id"].to_list()))
    fig = go.Figure()
    for status in STATUS:
        bagian = hitung.filter(pl.col("status") == status)
        nilai = dict(zip(bagian["kawasan_id"].to_list(), bagian["jumlah"].to_list(), strict=True))
        xs = [nilai.get(k, 0) for k in kawasan]
        fig.add_trace(
            go.Bar(
                y=[nama.get(k, k) for k in kawasan],
                x=xs,
                orientation="h",
                name=LABEL_STATUS[status],
                marker_color=WARNA_STATUS[status],
                text=[str(v) if v else "" for v in xs],
                textposition="inside",
                hovertemplate="%{y}: %{x} tenant " + LABEL_STATUS[status].lower() + "<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_xaxes(title_text="Jumlah tenant", dtick=1)
    return base_layout(fig, height=260)


def linimasa(df: pl.DataFrame, nama_kawasan: dict[str, str], *, tahun_ini: int | None = None) -> go.Figure:
    """Each tenant with a known start as a bar from start to stop (or to today), coloured by status;
    planned tenants appear as a marker at their planned year."""
    akhir = tahun_ini or dt.date.today().year
    data = df.filter(pl.col("tahun_mulai").is_not_null()).sort("tahun_mulai")
    fig = go.Figure()
    for status in STATUS:
        bagian = data.filter(pl.col("status") == status)
        if bagian.is_empty():
            continue
        mulai = bagian["tahun_mulai"].to_list()
        selesai = [b if b else akhir for b in bagian["tahun_berhenti"].to_list()]
        fig.add_trace(
            go.Bar(
                y=[
                    f"{n} · {nama_kawasan.get(k, k).replace('Kawasan Industri ', 'KI ')}"
                    for n, k in zip(bagian["nama_perusahaan"].to_list(), bagian["kawasan_id"].to_list(), strict=True)
                ],
                base=mulai,
                x=[max(s - m, 0.4) for m, s in zip(mulai, selesai, strict=True)],
                orientation="h",
                name=LABEL_STATUS[status],
                marker_color=WARNA_STATUS[status],
                hovertext=[
                    f"{n}: {m}–{b or 'sekarang'} ({LABEL_STATUS[status].lower()})"
                    for n, m, b in zip(
                        bagian["nama_perusahaan"].to_list(), mulai, bagian["tahun_berhenti"].to_list(), strict=True
                    )
                ],
                hoverinfo="text",
            )
        )
    fig.update_layout(barmode="overlay", legend_traceorder="normal")
    fig.update_xaxes(dtick=2, tickformat="d", title_text="Tahun")
    fig.update_yaxes(autorange="reversed")
    return base_layout(fig, height=60 + 38 * max(data.height, 3))


def ikm_sekitar(df: pl.DataFrame, nama: dict[str, str], radius_km: float) -> go.Figure:
    """IKM within the radius of each estate, stacked by sector."""
    fig = go.Figure()
    kawasan = sorted(set(df["kawasan_id"].to_list()))
    for sektor in (
        df.group_by("sektor").agg(pl.col("jumlah_ikm").sum()).sort("jumlah_ikm", descending=True)["sektor"].to_list()
    ):
        bagian = df.filter(pl.col("sektor") == sektor)
        nilai = dict(zip(bagian["kawasan_id"].to_list(), bagian["jumlah_ikm"].to_list(), strict=True))
        fig.add_trace(
            go.Bar(
                x=[nama.get(k, k) for k in kawasan],
                y=[nilai.get(k, 0) for k in kawasan],
                name=sektor,
                hovertext=[f"{sektor}: {formats.unit(nilai.get(k, 0))}" for k in kawasan],
                hoverinfo="text",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=f"IKM dalam {formats.angka(radius_km)} km", tickformat=",d")
    return base_layout(fig, height=360)


def ekspor_sebelum_sesudah(df: pl.DataFrame, mulai: list[tuple[str, int, str]]) -> go.Figure:
    """Yearly exports of the chains by stage, with a dashed line where each tenant started."""
    fig = go.Figure()
    for tahap in ("hulu", "antara", "hilir"):
        bagian = df.filter(pl.col("tahap") == tahap).group_by("tahun").agg(pl.col("nilai_usd").sum()).sort("tahun")
        if bagian.is_empty():
            continue
        fig.add_trace(
            go.Bar(
                x=bagian["tahun"].to_list(),
                y=[v / JUTA for v in bagian["nilai_usd"].to_list()],
                name=LABEL_TAHAP[tahap],
                marker_color=WARNA_TAHAP[tahap],
                hovertext=[f"{t}: {formats.usd(v)}" for t, v in bagian.select("tahun", "nilai_usd").rows()],
                hoverinfo="text",
            )
        )
    # Mark only starts inside the export years: a tenant that started long before the series adds clutter.
    # A start in the first export year is marked at the series' left edge (PT Jhonlin Agro Raya's biodiesel
    # plant, 2021, is the estate's flagship start and the sample's exports begin that year).
    tahun_ada = df["tahun"].to_list()
    per_tahun: dict[int, list[str]] = {}
    for _rantai, tahun, nama in mulai:
        if tahun_ada and min(tahun_ada) <= tahun <= max(tahun_ada) + 1:
            per_tahun.setdefault(tahun, []).append(nama)
    for i, (tahun, nama_nama) in enumerate(sorted(per_tahun.items())):
        fig.add_vline(x=tahun - 0.5, line_dash="dash", line_color="#374151")
        fig.add_annotation(
            x=tahun - 0.5,
            y=1.02 + 0.07 * i,
            yref="paper",
            text=f"{', '.join(nama_nama)} mulai {tahun}",
            showarrow=False,
            xanchor="left",
            font={"size": 13},
        )
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title_text="Nilai ekspor (juta US$)", tickformat=",.0f")
    base_layout(fig, height=380)
    fig.update_layout(margin={"t": 60})
    return fig
