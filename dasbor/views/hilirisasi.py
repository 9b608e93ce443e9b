"""Hilirisasi analytics: why export value changed (price or volume) and what a kilogram earns per stage.

Builders take the frames of ``queries/ekspor_harga_volume.sql`` and ``queries/ekspor_nilai_per_kg.sql`` and return
figures, a summary record and one Indonesian sentence; no Streamlit, so slides reuse them.

The price/volume split is the additive log-mean Divisia index (LMDI-I), computed per HS code in SQL and summed
per chain and stage: ``efek_harga + efek_volume = nilai_akhir - nilai_awal`` exactly. The percentages in the
sentence are the multiplicative form of the same decomposition: ``D_harga = exp(efek_harga / L(V1, V0))``
(``L`` the logarithmic mean of the two totals), so that ``(1 + harga) x (1 + volume) = 1 + total``: "Ekspor
turun 6,5 %: harga -9,1 %, volume +2,8 %" reads as 0,909 x 1,028 = 0,935. Adding the two percentages would not
give the total, and an analyst checking the sentence with a calculator would be right to object.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from dasbor.views import formats
from dasbor.views.charts import JUTA, base_layout
from dasbor.views.palette import LABEL_RANTAI, URUTAN_RANTAI, WARNA_KEDUA, WARNA_RANTAI, WARNA_TAHAP, WARNA_UTAMA

WARNA_NAIK = "#2e7d32"
WARNA_TURUN = "#b91c1c"
WARNA_TOTAL = WARNA_UTAMA
LABEL_TAHAP_PENDEK = {"hulu": "Hulu", "antara": "Antara", "hilir": "Hilir"}


@dataclass(frozen=True)
class HargaVolume:
    """The price/volume split of one slice (the province, a chain, a kabupaten) between two years."""

    tahun: int
    nilai_awal: float
    nilai_akhir: float
    efek_harga: float
    efek_volume: float

    @property
    def selisih(self) -> float:
        return self.nilai_akhir - self.nilai_awal

    def _indeks(self, efek: float) -> float | None:
        """Multiplicative LMDI factor minus one, in percent (None when a year has no exports)."""
        v0, v1 = self.nilai_awal, self.nilai_akhir
        if v0 <= 0 or v1 <= 0:
            return None
        rata = v0 if math.isclose(v0, v1, rel_tol=1e-12) else (v1 - v0) / math.log(v1 / v0)
        return 100.0 * (math.exp(efek / rata) - 1.0)

    @property
    def persen_total(self) -> float | None:
        return 100.0 * self.selisih / self.nilai_awal if self.nilai_awal > 0 else None

    @property
    def persen_harga(self) -> float | None:
        return self._indeks(self.efek_harga)

    @property
    def persen_volume(self) -> float | None:
        return self._indeks(self.efek_volume)


def harga_volume(df: pl.DataFrame, tahun: int, rantai: str | None = None) -> HargaVolume:
    """Sum the rows of ``ekspor_harga_volume`` (all of them, or one chain's) into one split."""
    data = df if rantai is None else df.filter(pl.col("rantai") == rantai)

    def jumlah(kolom: str) -> float:
        return float(data[kolom].sum()) if data.height else 0.0

    return HargaVolume(
        tahun,
        jumlah("nilai_awal_usd"),
        jumlah("nilai_akhir_usd"),
        jumlah("efek_harga_usd"),
        jumlah("efek_volume_usd"),
    )


def bertanda(x: float | None) -> str:
    """A signed percent ("+2,8 %", "-9,1 %") for the parts of the split."""
    if x is None:
        return formats.KOSONG
    teks = formats.persen(x)
    return teks if teks.startswith("-") or teks.startswith("0,0") else "+" + teks


def kalimat(hv: HargaVolume, subjek: str = "Ekspor") -> str:
    """One sentence: "Ekspor turun 6,5 %: harga -9,1 %, volume +2,8 % (2025 dibanding 2024)"."""
    if hv.persen_total is None:
        return f"{subjek} {hv.tahun - 1} kosong: perubahan {hv.tahun} tidak dapat diuraikan menjadi harga dan volume."
    arah = "naik" if hv.selisih > 0 else ("turun" if hv.selisih < 0 else "tetap")
    besar = formats.persen(abs(hv.persen_total))
    return (
        f"{subjek} {arah} {besar} ({formats.usd(hv.nilai_awal)} → {formats.usd(hv.nilai_akhir)}): "
        f"harga {bertanda(hv.persen_harga)}, volume {bertanda(hv.persen_volume)} "
        f"({hv.tahun} dibanding {hv.tahun - 1})"
    )


def air_terjun(df: pl.DataFrame, tahun: int, *, per_rantai: bool = True) -> go.Figure:
    """Waterfall from last year's export value to this year's: price and volume steps.

    With ``per_rantai`` the steps are per chain (price and volume of coal, then of palm oil, ...), chains with
    a change under 0,5 % of the start value folded into "Rantai lain", so the biggest movers stand out.
    """
    total = harga_volume(df, tahun)
    label: list[str] = [f"Nilai {tahun - 1}"]
    nilai: list[float] = [total.nilai_awal / JUTA]
    ukuran: list[str] = ["absolute"]
    if per_rantai:
        per = (
            df.group_by("rantai")
            .agg(pl.col("efek_harga_usd").sum(), pl.col("efek_volume_usd").sum())
            .with_columns((pl.col("efek_harga_usd").abs() + pl.col("efek_volume_usd").abs()).alias("gerak"))
            .sort("gerak", descending=True)
        )
        ambang = 0.005 * total.nilai_awal
        lain_h = lain_v = 0.0
        for r in per.iter_rows(named=True):
            if r["gerak"] < ambang:
                lain_h += r["efek_harga_usd"]
                lain_v += r["efek_volume_usd"]
                continue
            nama = LABEL_RANTAI.get(r["rantai"], r["rantai"])
            label += [f"{nama}: harga", f"{nama}: volume"]
            nilai += [r["efek_harga_usd"] / JUTA, r["efek_volume_usd"] / JUTA]
            ukuran += ["relative", "relative"]
        if lain_h or lain_v:
            label += ["Rantai lain: harga", "Rantai lain: volume"]
            nilai += [lain_h / JUTA, lain_v / JUTA]
            ukuran += ["relative", "relative"]
    else:
        label += ["Efek harga", "Efek volume"]
        nilai += [total.efek_harga / JUTA, total.efek_volume / JUTA]
        ukuran += ["relative", "relative"]
    label.append(f"Nilai {tahun}")
    nilai.append(total.nilai_akhir / JUTA)
    ukuran.append("total")
    teks = [
        formats.usd(v * JUTA) if u != "relative" else _tanda_usd(v * JUTA) for v, u in zip(nilai, ukuran, strict=True)
    ]
    fig = go.Figure(
        go.Waterfall(
            x=label,
            y=nilai,
            measure=ukuran,
            text=teks,
            textposition="outside",
            hovertext=[f"{lbl}: {t}" for lbl, t in zip(label, teks, strict=True)],
            hoverinfo="text",
            increasing={"marker": {"color": WARNA_NAIK}},
            decreasing={"marker": {"color": WARNA_TURUN}},
            totals={"marker": {"color": WARNA_TOTAL}},
            connector={"line": {"color": "#9ca3af", "width": 1}},
        )
    )
    fig.update_yaxes(title_text="juta US$", tickformat=",.0f")
    rendah = min(total.nilai_awal, total.nilai_akhir) / JUTA
    langkah = sum(abs(v) for v, u in zip(nilai, ukuran, strict=True) if u == "relative")
    bawah = max(0.0, rendah - 1.5 * langkah)
    fig.update_yaxes(range=[bawah, max(total.nilai_awal, total.nilai_akhir) / JUTA + 0.6 * langkah + 1])
    fig.update_layout(showlegend=False)
    return base_layout(fig, height=440)


def _tanda_usd(x: float) -> str:
    teks = formats.usd(x)
    return teks if teks.startswith("-") else "+" + teks


def efek_per_rantai(df: pl.DataFrame) -> pl.DataFrame:
    """One row per chain: start and end value, the two effects and the multiplicative percentages."""
    baris = []
    for rantai in [r for r in URUTAN_RANTAI if r in set(df["rantai"].to_list())]:
        hv = harga_volume(df, 0, rantai)
        baris.append(
            {
                "rantai": rantai,
                "nilai_awal_usd": hv.nilai_awal,
                "nilai_akhir_usd": hv.nilai_akhir,
                "efek_harga_usd": hv.efek_harga,
                "efek_volume_usd": hv.efek_volume,
                "persen_total": hv.persen_total,
                "persen_harga": hv.persen_harga,
                "persen_volume": hv.persen_volume,
            }
        )
    return pl.DataFrame(
        baris,
        schema={
            "rantai": pl.String,
            "nilai_awal_usd": pl.Float64,
            "nilai_akhir_usd": pl.Float64,
            "efek_harga_usd": pl.Float64,
            "efek_volume_usd": pl.Float64,
            "persen_total": pl.Float64,
            "persen_harga": pl.Float64,
            "persen_volume": pl.Float64,
        },
    )


def batang_efek(df: pl.DataFrame) -> go.Figure:
    """Price and volume effect per chain in percent (multiplicative), side by side: which chain moved by how."""
    per = efek_per_rantai(df).filter(pl.col("persen_total").is_not_null())
    nama = [LABEL_RANTAI.get(r, r) for r in per["rantai"].to_list()]
    fig = go.Figure()
    for kolom, judul, warna in (("persen_harga", "Harga", WARNA_KEDUA), ("persen_volume", "Volume", WARNA_UTAMA)):
        nilai = per[kolom].to_list()
        fig.add_trace(
            go.Bar(
                y=nama,
                x=nilai,
                name=judul,
                orientation="h",
                marker_color=warna,
                text=[bertanda(v) for v in nilai],
                textposition="outside",
                cliponaxis=False,
                hovertext=[f"{n} · {judul.lower()}: {bertanda(v)}" for n, v in zip(nama, nilai, strict=True)],
                hoverinfo="text",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed", showgrid=False)
    semua = [abs(v) for k in ("persen_harga", "persen_volume") for v in per[k].drop_nulls().to_list()]
    batas = 1.6 * max(semua, default=1.0) + 0.5  # room for the labels outside the bars
    fig.update_xaxes(
        ticksuffix=" %", zeroline=True, zerolinecolor="#6b7280", gridcolor="#e5e7eb", range=[-batas, batas]
    )
    return base_layout(fig, height=60 * max(per.height, 3) + 90)


def garis_per_kg(df: pl.DataFrame) -> go.Figure:
    """US$ per kg over the years: one small panel per chain, one line per stage (hulu light, hilir dark).

    Separate panels with their own axes, because coal is cents per kilo and rattan furniture dollars: one
    shared axis would flatten every chain but one.
    """
    rantai = [r for r in URUTAN_RANTAI if r in set(df["rantai"].to_list())]
    kolom = 3
    baris_n = max(1, math.ceil(len(rantai) / kolom))
    fig = make_subplots(
        rows=baris_n,
        cols=kolom,
        subplot_titles=[LABEL_RANTAI.get(r, r) for r in rantai],
        horizontal_spacing=0.08,
        vertical_spacing=0.16,
    )
    sudah: set[str] = set()
    for i, r in enumerate(rantai):
        for tahap in ("hulu", "antara", "hilir"):
            d = df.filter((pl.col("rantai") == r) & (pl.col("tahap") == tahap)).sort("tahun")
            if d.is_empty():
                continue
            nilai = d["usd_per_kg"].to_list()
            fig.add_trace(
                go.Scatter(
                    x=[str(t) for t in d["tahun"].to_list()],
                    y=nilai,
                    mode="lines+markers",
                    name=LABEL_TAHAP_PENDEK[tahap],
                    legendgroup=tahap,
                    showlegend=tahap not in sudah,
                    line={"color": WARNA_TAHAP[tahap], "width": 3},
                    hovertext=[
                        f"{LABEL_RANTAI.get(r, r)} · {tahap} · {t}: US$ {formats.angka(v, 2)}/kg"
                        for t, v in zip(d["tahun"].to_list(), nilai, strict=True)
                    ],
                    hoverinfo="text",
                ),
                row=i // kolom + 1,
                col=i % kolom + 1,
            )
            sudah.add(tahap)
    fig.update_xaxes(type="category", showgrid=False)
    fig.update_yaxes(tickprefix="US$ ", rangemode="tozero", gridcolor="#e5e7eb")
    fig.update_annotations(font_size=15)
    return base_layout(fig, height=250 * baris_n + 80)


def rasio_hilir_hulu(df: pl.DataFrame) -> pl.DataFrame:
    """Per chain and year: US$/kg at hilir (or antara when a chain has no hilir exports) divided by hulu.

    "How many times more a kilogram earns once processed". Chains without hulu exports have no ratio.
    """
    lebar = df.pivot(on="tahap", index=["rantai", "tahun"], values="usd_per_kg")
    for tahap in ("hulu", "antara", "hilir"):
        if tahap not in lebar.columns:
            lebar = lebar.with_columns(pl.lit(None, dtype=pl.Float64).alias(tahap))
    return (
        lebar.with_columns(
            pl.when(pl.col("hilir").is_not_null()).then(pl.lit("hilir")).otherwise(pl.lit("antara")).alias("olahan"),
            (pl.coalesce("hilir", "antara") / pl.col("hulu")).alias("rasio"),
        )
        .filter(pl.col("rasio").is_not_null())
        .select("rantai", "tahun", "hulu", "antara", "hilir", "olahan", "rasio")
        .sort("rantai", "tahun")
    )


def garis_rasio(df: pl.DataFrame) -> go.Figure:
    """The hilir-to-hulu ratio per chain over the years (log axis: coal's 1,3x and rattan's 40x side by side)."""
    rasio = rasio_hilir_hulu(df)
    fig = go.Figure()
    for r in [r for r in URUTAN_RANTAI if r in set(rasio["rantai"].to_list())]:
        d = rasio.filter(pl.col("rantai") == r)
        nilai = d["rasio"].to_list()
        fig.add_trace(
            go.Scatter(
                x=[str(t) for t in d["tahun"].to_list()],
                y=nilai,
                mode="lines+markers",
                name=LABEL_RANTAI.get(r, r),
                line={"color": WARNA_RANTAI.get(r, "#9e9e9e"), "width": 3},
                hovertext=[
                    f"{LABEL_RANTAI.get(r, r)} {t}: 1 kg olahan = {formats.angka(v, 1)} kg mentah"
                    for t, v in zip(d["tahun"].to_list(), nilai, strict=True)
                ],
                hoverinfo="text",
            )
        )
    fig.update_xaxes(type="category")
    fig.update_yaxes(type="log", ticksuffix="x", title_text="kali lipat (skala log)")
    return base_layout(fig, height=380)
