"""Chart builders of the IKM page: polars frame in, plotly Figure out, no Streamlit.

Every builder takes a frame from an ``ikm_*`` summary query and the chosen measure (``UKURAN``) and applies
the small-cell rule: a bar of one or two firms is not drawn and reads "<3" instead of its value. In a breakdown
whose total is on the page (the "Jumlah IKM" card), a lone small bar would be that total minus the others, so
the smallest other bar is withheld too and reads "ditahan" (``sel_kecil.tandai``). The registry-year chart has
no such total and withholds small cells only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from dasbor import formats, sel_kecil
from dasbor.charts import base_layout
from dasbor.palette import WARNA_KEDUA, WARNA_UTAMA

MILIAR = 1e9
WARNA_LAKI = WARNA_UTAMA
WARNA_PEREMPUAN = WARNA_KEDUA
WARNA_TAHUN_LAIN = "#9dbfd6"
"""Registry years other than the chosen one: the same hue as the accent, lighter."""


@dataclass(frozen=True)
class Ukuran:
    """A measure the IKM charts can show: its column(s), axis scale and label, and the hover format."""

    label: str
    kolom: tuple[str, ...]
    pembagi: float
    sumbu: str
    fmt: Callable[[float | int | None], str]


UKURAN: dict[str, Ukuran] = {
    "jumlah": Ukuran("Jumlah IKM", ("jumlah_ikm",), 1, "Jumlah IKM (unit)", formats.unit),
    "tenaga_kerja": Ukuran(
        "Tenaga kerja",
        ("tenaga_kerja_l", "tenaga_kerja_p"),
        1,
        "Tenaga kerja (orang)",
        lambda v: formats.unit(v, "orang"),
    ),
    "investasi": Ukuran("Investasi", ("investasi_rp",), MILIAR, "Investasi (miliar Rp)", formats.rupiah),
    "produksi": Ukuran("Nilai produksi", ("nilai_produksi_rp",), MILIAR, "Nilai produksi (miliar Rp)", formats.rupiah),
    "nilai_tambah": Ukuran("Nilai tambah", ("nilai_tambah_rp",), MILIAR, "Nilai tambah (miliar Rp)", formats.rupiah),
}
"""Keys are the URL values of ``?ukuran=``; "tenaga_kerja" stacks men and women."""
LABEL_SERI = {"tenaga_kerja_l": "Laki-laki", "tenaga_kerja_p": "Perempuan"}
WARNA_SERI = {"tenaga_kerja_l": WARNA_LAKI, "tenaga_kerja_p": WARNA_PEREMPUAN}


def _seri(data: pl.DataFrame, kolom: str, ukuran: Ukuran) -> tuple[list[float | None], list[str]]:
    """Bar lengths and hover texts of one column of a frame marked by ``_total_terlihat``, withheld cells
    blanked."""
    nilai: list[float | None] = []
    teks: list[str] = []
    for v, kecil, sekunder, n in zip(
        data[kolom].to_list(),
        data["ditahan"].to_list(),
        data["sekunder"].to_list(),
        data["jumlah_ikm"].to_list(),
        strict=True,
    ):
        if sekunder:
            nilai.append(None)
            teks.append(sel_kecil.CATATAN_SEKUNDER)
        elif kecil:
            nilai.append(None)
            teks.append(f"{sel_kecil.LABEL_DITAHAN} IKM: angka ditahan")
        else:
            nilai.append(None if v is None else v / ukuran.pembagi)
            teks.append(f"{ukuran.fmt(v)} · {formats.unit(n)}")
    return nilai, teks


def _total_terlihat(df: pl.DataFrame, ukuran: Ukuran, kelompok: tuple[tuple[str, ...], ...] = ((),)) -> pl.DataFrame:
    """Add ``ditahan``, ``sekunder`` and ``_total`` (the measure's sum, null for withheld cells).

    Nothing drawn may depend on a withheld value: not a bar, not the position of its "<3" label, not the axis
    range, not the order of the bars (a small cell ranked between two shown bars would reveal its size).
    """
    data = sel_kecil.tandai(df, kelompok)
    return data.with_columns(
        pl.when(pl.col("ditahan")).then(None).otherwise(pl.sum_horizontal(list(ukuran.kolom))).alias("_total")
    )


def _label_batang(data: pl.DataFrame, ukuran: Ukuran) -> list[str]:
    """The text at the end of each bar: the total in the measure's format, "<3" or "ditahan" when withheld."""
    return [
        sel_kecil.label_sel(kecil, sekunder) if kecil else ukuran.fmt(t)
        for t, kecil, sekunder in zip(
            data["_total"].to_list(), data["ditahan"].to_list(), data["sekunder"].to_list(), strict=True
        )
    ]


def _sumbu_nilai(data: pl.DataFrame, ukuran: Ukuran, kelonggaran: float) -> dict[str, object]:
    """Axis settings from the shown totals only; all cells withheld gives a bare 0-1 axis without numbers."""
    maks = max(((v or 0) / ukuran.pembagi for v in data["_total"].to_list()), default=0)
    if maks == 0:
        return {"range": [0, 1], "showticklabels": False}
    return {"range": [0, maks * kelonggaran], "tickformat": ",.0f"}


def batang_kategori(df: pl.DataFrame, kategori: str, ukuran_key: str, *, sempit: bool = False) -> go.Figure:
    """Horizontal bars, one per category (sektor, KBLI label, kabupaten), largest first.

    ``sempit`` is for half-width places (Profil Kabupaten): the value axis's numbers are left out, since at that
    width they run into each other ("1.0002.000") and every bar already carries its value.
    """
    ukuran = UKURAN[ukuran_key]
    # Shown cells largest first, then withheld cells by name.
    data = _total_terlihat(df, ukuran).sort(["ditahan", "_total", kategori], descending=[False, True, False])
    label = data[kategori].to_list()
    fig = go.Figure()
    for kolom in ukuran.kolom:
        nilai, hover = _seri(data, kolom, ukuran)
        fig.add_trace(
            go.Bar(
                y=label,
                x=nilai,
                orientation="h",
                name=LABEL_SERI.get(kolom, ukuran.label),
                marker_color=WARNA_SERI.get(kolom, WARNA_UTAMA),
                hovertext=[f"{k}<br>{t}" for k, t in zip(label, hover, strict=True)],
                hoverinfo="text",
            )
        )
    # One text trace at the bar ends so "<3" shows where a bar would have been.
    fig.add_trace(
        go.Scatter(
            y=label,
            x=[0 if v is None else v / ukuran.pembagi for v in data["_total"].to_list()],
            mode="text",
            text=_label_batang(data, ukuran),
            textposition="middle right",
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=ukuran.sumbu, nticks=4, tickangle=0, **_sumbu_nilai(data, ukuran, 1.02))
    if sempit:
        fig.update_xaxes(showticklabels=False, showgrid=False)
    base_layout(fig, height=max(44 * data.height + 120, 260))
    # Room right of the longest bar for its label ("Rp 12,3 triliun" is the longest a label gets).
    fig.update_layout(
        barmode="stack",
        showlegend=len(ukuran.kolom) > 1,
        legend_traceorder="normal",
        margin={"r": 150 if ukuran.pembagi > 1 else 110},
    )
    return fig


def tren_registri(df: pl.DataFrame, ukuran_key: str) -> go.Figure:
    """Bars per registry year, the chosen year (column ``terpilih``) in the accent colour, the rest lighter."""
    ukuran = UKURAN[ukuran_key]
    data = _total_terlihat(df, ukuran, kelompok=())  # no total across years is shown: small cells only
    tahun = data["tahun_data"].to_list()
    terpilih = data["terpilih"].to_list()
    fig = go.Figure()
    for kolom in ukuran.kolom:
        nilai, hover = _seri(data, kolom, ukuran)
        warna_dasar = WARNA_SERI.get(kolom, WARNA_UTAMA)
        fig.add_trace(
            go.Bar(
                x=tahun,
                y=nilai,
                name=LABEL_SERI.get(kolom, ukuran.label),
                marker_color=[warna_dasar if t or len(ukuran.kolom) > 1 else WARNA_TAHUN_LAIN for t in terpilih],
                hovertext=[f"{th}: {t}" for th, t in zip(tahun, hover, strict=True)],
                hoverinfo="text",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=tahun,
            y=[0 if v is None else v / ukuran.pembagi for v in data["_total"].to_list()],
            mode="text",
            text=_label_batang(data, ukuran),
            textposition="top center",
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.update_layout(barmode="stack", showlegend=len(ukuran.kolom) > 1, legend_traceorder="normal")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title_text=ukuran.sumbu, **_sumbu_nilai(data, ukuran, 1.2))
    return base_layout(fig, height=380)
