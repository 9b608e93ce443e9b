"""The Kawasan Industri domain, as pure builders: what a tenant row says, how statuses are counted, which
exports to set against which tenant, and the page's figures (tenants by status, the tenants' timeline, IKM
around each estate, the estate kabupaten's exports of the tenants' chains before and after they started).
Pure, so the same words appear on the page and on a slide.

Unknown public figures stay unknown: a tenant whose investment was never reported shows "tidak diungkap",
never a guess; invented sample tenants are marked "data contoh".
"""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import polars as pl

from dasbor.views import formats
from dasbor.views.charts import JUTA, base_layout
from dasbor.views.palette import LABEL_TAHAP, WARNA_TAHAP

STATUS: tuple[str, ...] = ("operasi", "konstruksi", "rencana", "berhenti")
LABEL_STATUS: dict[str, str] = {
    "operasi": "Beroperasi",
    "konstruksi": "Konstruksi",
    "rencana": "Rencana",
    "berhenti": "Berhenti",
}
WARNA_STATUS: dict[str, str] = {
    "operasi": "#15803d",
    "konstruksi": "#d97706",
    "rencana": "#60a5fa",
    "berhenti": "#9ca3af",
}
TIDAK_DIUNGKAP = "tidak diungkap"


def _atau(nilai: str, kosong: bool) -> str:
    return TIDAK_DIUNGKAP if kosong else nilai


def tabel_tenant(df: pl.DataFrame) -> pl.DataFrame:
    """Tenant rows as an official reads them: formatted numbers, "tidak diungkap" for unknown figures."""
    rows = []
    for r in df.iter_rows(named=True):
        kapasitas = (
            f"{formats.angka(r['kapasitas'])} {r['satuan_kapasitas'] or ''}".strip()
            if r["kapasitas"] is not None
            else TIDAK_DIUNGKAP
        )
        periode = "–"
        if r["tahun_mulai"]:
            periode = f"{r['tahun_mulai']}" + (f"–{r['tahun_berhenti']}" if r["tahun_berhenti"] else "–sekarang")
        rows.append(
            {
                "Perusahaan": r["nama_perusahaan"],
                "Status": LABEL_STATUS.get(r["status"], r["status"]),
                "Rantai": r["rantai"],
                "Tahun": periode,
                "Investasi": _atau(formats.rupiah(r["investasi_rp"]), r["investasi_rp"] is None),
                "Tenaga kerja": _atau(formats.unit(r["tenaga_kerja"], "orang"), r["tenaga_kerja"] is None),
                "Lahan": _atau(f"{formats.angka(r['luas_ha'], 1)} ha", r["luas_ha"] is None),
                "Kapasitas": kapasitas,
                "Keterangan": r["keterangan"] or "",
                "Sumber": "data contoh" if r["sumber_jenis"] == "contoh" else (r["sumber_url"] or "–"),
            }
        )
    return pl.DataFrame(rows)


def jumlah_status(df: pl.DataFrame) -> pl.DataFrame:
    """Tenants per estate and status, every status present (zero where none)."""
    kawasan = sorted(set(df["kawasan_id"].to_list()))
    lengkap = pl.DataFrame(
        {"kawasan_id": [k for k in kawasan for _ in STATUS], "status": [s for _ in kawasan for s in STATUS]}
    )
    hitung = df.group_by("kawasan_id", "status").agg(pl.len().alias("jumlah"))
    return lengkap.join(hitung, on=["kawasan_id", "status"], how="left").with_columns(
        pl.col("jumlah").fill_null(0).cast(pl.Int64)
    )


def ringkas_status(df: pl.DataFrame, nama: dict[str, str]) -> str:
    """One line per estate: "KI Batulicin: 9 beroperasi, 1 konstruksi, 1 berhenti"."""
    bagian = []
    for kawasan_id, grup in jumlah_status(df).group_by("kawasan_id", maintain_order=True):
        isi = [f"{r['jumlah']} {LABEL_STATUS[r['status']].lower()}" for r in grup.iter_rows(named=True) if r["jumlah"]]
        bagian.append(f"{nama.get(str(kawasan_id[0]), str(kawasan_id[0]))}: {', '.join(isi)}")
    return "; ".join(bagian)


def rantai_dimulai(df: pl.DataFrame, kawasan_id: str) -> list[tuple[str, int, str]]:
    """(chain, start year, tenant) for the estate's tenants with a known start and a commodity chain."""
    data = df.filter(
        (pl.col("kawasan_id") == kawasan_id)
        & pl.col("tahun_mulai").is_not_null()
        & ~pl.col("rantai").is_in(["lainnya"])
    )
    return [(r["rantai"], int(r["tahun_mulai"]), r["nama_perusahaan"]) for r in data.iter_rows(named=True)]


def _sisi(tahun: int | None, hilir: float | None, indeks: float | None) -> str:
    if tahun is None:
        return formats.KOSONG
    return f"{tahun}: hilir {formats.usd(hilir)} · indeks {formats.persen(indeks)}"


def tabel_sebelum_sesudah(df: pl.DataFrame) -> pl.DataFrame:
    """Rows of ``kawasan_sebelum_sesudah`` with a base year, as an official reads them: the chain's hilir exports
    and Indeks Hilirisasi before the tenant started and in the latest year, with a note where a side is
    missing or the base is the start year itself. Tenants that started before the export series are left to
    :func:`tanpa_dasar`."""
    rows = []
    for r in df.filter(pl.col("tahun_dasar").is_not_null()).iter_rows(named=True):
        if r["dasar_tahun_mulai"]:
            catatan = f"Dasar = tahun mulai (data ekspor baru ada sejak {r['tahun_ekspor_awal']})"
        elif r["tahun_banding"] is None:
            catatan = "Belum ada data sesudah mulai: angka dasar untuk dipantau"
        else:
            catatan = ""
        rows.append(
            {
                "Tenant": f"{r['nama_perusahaan']} ({r['rantai']})",
                "Mulai": f"{r['tahun_mulai']} ({LABEL_STATUS.get(r['status'], r['status']).lower()})",
                "Sebelum": _sisi(r["tahun_dasar"], r["hilir_dasar_usd"], r["indeks_dasar"]),
                "Sesudah": _sisi(r["tahun_banding"], r["hilir_banding_usd"], r["indeks_banding"]),
                "Catatan": catatan,
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(("Tenant", "Mulai", "Sebelum", "Sesudah", "Catatan"), pl.String))


def tanpa_dasar(df: pl.DataFrame) -> str | None:
    """A sentence naming the tenants that started before the export series, so cannot be compared."""
    lama = df.filter(pl.col("tahun_dasar").is_null())
    if lama.is_empty():
        return None
    nama = ", ".join(f"{r['nama_perusahaan']} ({r['tahun_mulai']})" for r in lama.iter_rows(named=True))
    return f"Mulai sebelum data ekspor (tersedia sejak {lama['tahun_ekspor_awal'][0]}), tanpa pembanding: {nama}."


def jumlah_sekitar(df: pl.DataFrame, kawasan_id: str) -> tuple[int, int]:
    """(IKM, workers) within the radius of one estate, from the per-sector rows of ``ikm_sekitar_kawasan``."""
    milik = df.filter(pl.col("kawasan_id") == kawasan_id)
    return int(milik["jumlah_ikm"].sum()), int(milik["tenaga_kerja"].sum())


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
