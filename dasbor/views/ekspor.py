"""The Ekspor & Hilirisasi domain, as pure builders: its charts and its metric cards (no Streamlit).

Charts: polars frame in, plotly Figure out. Colours come from ``dasbor.views.palette`` (one per chain, a
light-to-dark ramp per stage); money is shown in the currency the user chose (``MATA_UANG``), with hover text
written by ``dasbor.views.formats``.

Cards: the Indeks Hilirisasi, the index without coal, the export value and coal's share. The index and coal's
share change in percentage points, the export value in percent. Values come from the ``ekspor_indeks`` query,
where the index is the SQL macro; nothing is recomputed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dasbor.views import formats
from dasbor.views.charts import base_layout
from dasbor.views.kpi import Kartu
from dasbor.views.palette import LABEL_RANTAI, LABEL_TAHAP, URUTAN_RANTAI, URUTAN_TAHAP, WARNA_RANTAI, WARNA_TAHAP

SKALA_INDEKS = [[0.0, "#fbf6e4"], [0.35, "#e9c46a"], [0.7, "#4f8fc0"], [1.0, "#163f66"]]
"""Heatmap colours from raw (light, the hulu yellow) to processed (dark, the hilir blue): 0 to 100 %."""
RUANG_LABEL = 80
"""Right margin (px) of horizontal bar charts, so a value written past the longest bar ("98,9 %") is not cut."""


@dataclass(frozen=True)
class MataUang:
    """How money is shown: which column, the axis scale and label, and the formatter."""

    kolom: str
    pembagi: float
    sumbu: str
    fmt: Callable[[float | int | None], str]


MATA_UANG: dict[str, MataUang] = {
    "usd": MataUang("nilai_usd", 1e6, "juta US$", formats.usd),
    "rp": MataUang("nilai_rp", 1e9, "miliar Rp", formats.rupiah),
}
"""Keys are the URL values of ``?mata_uang=``."""


def _urut(nilai: list[str], urutan: tuple[str, ...]) -> list[str]:
    rank = {v: i for i, v in enumerate(urutan)}
    return sorted(set(nilai), key=lambda v: (rank.get(v, len(rank)), v))


def _waktu(df: pl.DataFrame) -> list[dt.date] | list[int]:
    """The x values: a year, or the first day of the month for monthly rows (bulan not null)."""
    if df["bulan"].is_null().all():
        return [int(t) for t in df["tahun"].to_list()]
    return [dt.date(int(t), int(b), 1) for t, b in zip(df["tahun"].to_list(), df["bulan"].to_list(), strict=True)]


def area_deret(df: pl.DataFrame, mata_uang: str, *, menurut: str) -> go.Figure:
    """Export value over time as stacked areas, one per chain (``menurut="rantai"``) or stage ("tahap")."""
    uang = MATA_UANG[mata_uang]
    warna, label, urutan = (
        (WARNA_RANTAI, LABEL_RANTAI, URUTAN_RANTAI) if menurut == "rantai" else (WARNA_TAHAP, LABEL_TAHAP, URUTAN_TAHAP)
    )
    data = df.group_by("tahun", "bulan", menurut).agg(pl.col(uang.kolom).sum()).sort("tahun", "bulan")
    periode = data.select("tahun", "bulan").unique(maintain_order=True)
    bulanan = not periode["bulan"].is_null().all()
    fig = go.Figure()
    for kunci in _urut(data[menurut].to_list(), urutan):
        seri = periode.join(data.filter(pl.col(menurut) == kunci), on=["tahun", "bulan"], how="left", nulls_equal=True)
        nilai = seri[uang.kolom].fill_null(0).to_list()
        waktu = (
            [formats.bulan_tahun(int(t), int(b)) for t, b in zip(seri["tahun"], seri["bulan"], strict=True)]
            if bulanan
            else [str(t) for t in seri["tahun"].to_list()]
        )
        fig.add_trace(
            go.Scatter(
                x=_waktu(seri),
                y=[v / uang.pembagi for v in nilai],
                name=label.get(kunci, kunci),
                mode="lines",
                stackgroup="satu",
                line={"width": 0.5, "color": warna.get(kunci, "#9e9e9e")},
                fillcolor=warna.get(kunci, "#9e9e9e"),
                hovertext=[
                    f"{label.get(kunci, kunci)} · {w}: {uang.fmt(v)}" for w, v in zip(waktu, nilai, strict=True)
                ],
                hoverinfo="text",
            )
        )
    fig.update_yaxes(title_text=f"Nilai ekspor ({uang.sumbu})", tickformat=",.0f", rangemode="tozero")
    if bulanan:
        fig.update_xaxes(tickformat="%Y", dtick="M12", ticklabelmode="period")
    else:
        fig.update_xaxes(tickvals=sorted(set(periode["tahun"].to_list())), tickformat="d")
    return base_layout(fig, height=440)


def indeks_per_rantai(df: pl.DataFrame) -> go.Figure:
    """Each chain's own Indeks Hilirisasi as a horizontal bar in its colour, with the previous year in hover."""
    data = df.filter(pl.col("indeks_hilirisasi").is_not_null())
    rantai = _urut(data["rantai"].to_list(), URUTAN_RANTAI)
    baris = {r["rantai"]: r for r in data.iter_rows(named=True)}
    nilai = [baris[r]["indeks_hilirisasi"] for r in rantai]
    hover = []
    for r in rantai:
        b = baris[r]
        lalu = b["indeks_hilirisasi_lalu"]
        ubah = f"<br>{formats.poin(b['indeks_hilirisasi'] - lalu)} dari tahun sebelumnya" if lalu is not None else ""
        hover.append(
            f"{LABEL_RANTAI.get(r, r)}: {formats.persen(b['indeks_hilirisasi'])}{ubah}<br>"
            f"nilai ekspor {formats.usd(b['nilai_usd'])}"
        )
    fig = go.Figure(
        go.Bar(
            y=[LABEL_RANTAI.get(r, r) for r in rantai],
            x=nilai,
            orientation="h",
            marker_color=[WARNA_RANTAI.get(r, "#9e9e9e") for r in rantai],
            text=[formats.persen(v) for v in nilai],
            textposition="outside",
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(
        range=[0, 100], ticksuffix=" %", title_text="Indeks Hilirisasi rantai", tickvals=[0, 25, 50, 75, 100]
    )
    base_layout(fig, height=48 * max(len(rantai), 3) + 110)
    fig.update_layout(showlegend=False, margin={"r": RUANG_LABEL})
    return fig


def heatmap_indeks(df: pl.DataFrame, kolom: str) -> go.Figure:
    """The index per kabupaten (rows, BPS order) and year (columns), with the value written in each cell."""
    tahun = sorted(set(df["tahun"].to_list()))
    kab = df.select("kode_bps", "nama").unique(maintain_order=True).sort("kode_bps")
    z: list[list[float | None]] = []
    teks: list[list[str]] = []
    hover: list[list[str]] = []
    for kode, nama in kab.iter_rows():
        baris = df.filter(pl.col("kode_bps") == kode)
        per_tahun = dict(zip(baris["tahun"].to_list(), baris[kolom].to_list(), strict=True))
        z.append([per_tahun.get(t) for t in tahun])
        teks.append([formats.angka(per_tahun.get(t), 1) for t in tahun])
        hover.append([f"{nama} · {t}: {formats.persen(per_tahun.get(t))}" for t in tahun])
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[str(t) for t in tahun],
            y=kab["nama"].to_list(),
            zmin=0,
            zmax=100,
            colorscale=SKALA_INDEKS,
            text=teks,
            texttemplate="%{text}",
            hovertext=hover,
            hoverinfo="text",
            xgap=2,
            ygap=2,
            colorbar={"ticksuffix": " %", "title": {"text": "Indeks"}, "thickness": 14},
        )
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(type="category", side="top")
    return base_layout(fig, height=40 * max(kab.height, 3) + 110)


def peringkat_indeks(df: pl.DataFrame, tahun: int, kolom: str) -> go.Figure:
    """Kabupaten ranked by the index in ``tahun`` (highest on top); those with no mapped exports are left out."""
    data = df.filter((pl.col("tahun") == tahun) & pl.col(kolom).is_not_null()).sort(kolom, descending=True)
    nilai = data[kolom].to_list()
    fig = go.Figure(
        go.Bar(
            y=[f"{i}. {n}" for i, n in enumerate(data["nama"].to_list(), start=1)],
            x=nilai,
            orientation="h",
            marker_color=WARNA_TAHAP["hilir"],
            text=[formats.persen(v) for v in nilai],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                f"{n}: {formats.persen(v)} · ekspor {formats.usd(u)}"
                for n, v, u in zip(data["nama"].to_list(), nilai, data["nilai_usd"].to_list(), strict=True)
            ],
            hoverinfo="text",
        )
    )
    maks = max(nilai, default=0)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, max(maks * 1.05, 5)], ticksuffix=" %", nticks=4, tickangle=0)
    base_layout(fig, height=40 * max(data.height, 3) + 110)
    fig.update_layout(showlegend=False, margin={"r": RUANG_LABEL})
    return fig


def sankey_rantai(df: pl.DataFrame, rantai: str, mata_uang: str) -> go.Figure:
    """One chain's exports from hulu through antara to hilir.

    The chain's total splits into what left raw (hulu) and what was processed; the processed part splits into
    antara and hilir. Widths are export values, not physical flows of material.
    """
    uang = MATA_UANG[mata_uang]
    data = df.filter(pl.col("rantai") == rantai)
    nilai = {t: float(v or 0) for t, v in zip(data["tahap"].to_list(), data[uang.kolom].to_list(), strict=True)}
    hulu, antara, hilir = (nilai.get(t, 0.0) for t in ("hulu", "antara", "hilir"))
    total = hulu + antara + hilir
    nama = LABEL_RANTAI.get(rantai, rantai)

    def porsi(v: float) -> str:
        return formats.persen(100 * v / total if total else None)

    simpul = [
        (f"{nama}<br>{uang.fmt(total)}", WARNA_RANTAI.get(rantai, "#9e9e9e")),
        (f"Hulu (mentah)<br>{uang.fmt(hulu)} · {porsi(hulu)}", WARNA_TAHAP["hulu"]),
        (f"Diolah<br>{uang.fmt(antara + hilir)} · {porsi(antara + hilir)}", WARNA_TAHAP["antara"]),
        (f"Antara (setengah jadi)<br>{uang.fmt(antara)} · {porsi(antara)}", WARNA_TAHAP["antara"]),
        (f"Hilir (barang jadi)<br>{uang.fmt(hilir)} · {porsi(hilir)}", WARNA_TAHAP["hilir"]),
    ]
    alur = [(0, 1, hulu), (0, 2, antara + hilir), (2, 3, antara), (2, 4, hilir)]
    alur = [a for a in alur if a[2] > 0]
    fig = go.Figure(
        go.Sankey(
            arrangement="fixed",
            node={
                "label": [s[0] for s in simpul],
                "color": [s[1] for s in simpul],
                "pad": 24,
                "thickness": 22,
                "x": [0.01, 0.5, 0.5, 0.99, 0.99],
                "y": [0.5, 0.2, 0.75, 0.6, 0.95],
                "hoverinfo": "skip",
            },
            link={
                "source": [a[0] for a in alur],
                "target": [a[1] for a in alur],
                "value": [a[2] / uang.pembagi for a in alur],
                "color": ["rgba(79,143,192,0.35)" if a[1] != 1 else "rgba(233,196,106,0.5)" for a in alur],
                "hovertemplate": "%{customdata}<extra></extra>",
                "customdata": [uang.fmt(a[2]) for a in alur],
            },
            textfont={"size": 15},
        )
    )
    return base_layout(fig, height=380)


def treemap_hs(df: pl.DataFrame, mata_uang: str, *, tanpa_batubara: bool = False) -> go.Figure:
    """Export value by HS chapter (HS2) and heading (HS4); headings coloured by their chain.

    ``tanpa_batubara`` leaves the coal chain out: coal fills nearly the whole area otherwise, and the other
    headings become unreadable slivers.
    """
    uang = MATA_UANG[mata_uang]
    data = df.filter(pl.col(uang.kolom).is_not_null() & (pl.col(uang.kolom) > 0))
    if tanpa_batubara:
        data = data.filter(pl.col("rantai") != "batubara")
    total = float(data[uang.kolom].sum() or 0)
    bab = data.group_by("kode_hs2", "uraian_hs2").agg(pl.col(uang.kolom).sum()).sort("kode_hs2")
    ids, labels, parents, values, colors, hover = [], [], [], [], [], []
    for kode, uraian, v in bab.iter_rows():
        ids.append(f"bab-{kode}")
        labels.append(f"{kode} {uraian}")
        parents.append("")
        values.append(v / uang.pembagi)
        colors.append("#eef1f4")
        hover.append(f"Bab {kode} {uraian}<br>{uang.fmt(v)} ({formats.persen(100 * v / total if total else None)})")
    for row in data.iter_rows(named=True):
        v = row[uang.kolom]
        ids.append(f"pos-{row['kode_hs4']}")
        labels.append(f"{row['kode_hs4']} {row['uraian_hs4']}")
        parents.append(f"bab-{row['kode_hs2']}")
        values.append(v / uang.pembagi)
        colors.append(WARNA_RANTAI.get(row["rantai"], "#d0d0d0"))
        hover.append(
            f"HS {row['kode_hs4']} {row['uraian_hs4']}<br>{LABEL_RANTAI.get(row['rantai'], row['rantai'])}<br>"
            f"{uang.fmt(v)} ({formats.persen(100 * v / total if total else None)})"
        )
    fig = go.Figure(
        go.Treemap(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            marker={"colors": colors, "line": {"width": 1, "color": "white"}},
            hovertext=hover,
            hoverinfo="text",
            textinfo="label",
            tiling={"pad": 2},
            pathbar={"visible": False},
        )
    )
    fig = base_layout(fig, height=480)
    fig.update_layout(margin={"l": 4, "r": 4, "t": 4, "b": 4})
    return fig


def negara_tujuan(df: pl.DataFrame, mata_uang: str, *, teratas: int = 12) -> go.Figure:
    """Destination countries as horizontal bars, the ``teratas`` largest and the rest as "Negara lain"."""
    uang = MATA_UANG[mata_uang]
    data = df.sort("nilai_usd", descending=True)
    atas, sisa = data.head(teratas), data.slice(teratas)
    nama = atas["negara_tujuan"].to_list()
    nilai = atas[uang.kolom].to_list()
    porsi = atas["porsi"].to_list()
    if sisa.height:
        nama.append(f"Negara lain ({sisa.height})")
        nilai.append(sisa[uang.kolom].sum())
        porsi.append(sisa["porsi"].sum())
    fig = go.Figure(
        go.Bar(
            y=nama,
            x=[(v or 0) / uang.pembagi for v in nilai],
            orientation="h",
            marker_color=[WARNA_TAHAP["antara"]] * len(atas) + ["#b8c4cf"] * (len(nama) - len(atas)),
            text=[formats.persen(p) for p in porsi],
            textposition="outside",
            cliponaxis=False,
            hovertext=[f"{n}: {uang.fmt(v)} ({formats.persen(p)})" for n, v, p in zip(nama, nilai, porsi, strict=True)],
            hoverinfo="text",
        )
    )
    maks = max(((v or 0) / uang.pembagi for v in nilai), default=1)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(
        title_text=f"Nilai ekspor ({uang.sumbu})", tickformat=",.0f", range=[0, maks * 1.05 or 1], nticks=4, tickangle=0
    )
    base_layout(fig, height=36 * len(nama) + 120)
    fig.update_layout(showlegend=False, margin={"r": RUANG_LABEL})
    return fig


BANTUAN_INDEKS = (
    "Nilai ekspor tahap antara + hilir dibagi seluruh nilai ekspor yang terpetakan ke rantai komoditas, dalam "
    "persen (US$). Penyaring tahap tidak berlaku untuk indeks."
)


def kartu_ekspor(df: pl.DataFrame, tahun: int, mata_uang: str) -> list[Kartu]:
    """Cards from the ``ekspor_indeks`` frame (rows for ``tahun`` and ``tahun - 1``); ``mata_uang`` usd|rp."""
    rows = {int(r["tahun"]): r for r in df.iter_rows(named=True)}
    kini, lalu = rows.get(tahun, {}), rows.get(tahun - 1, {})
    kolom_nilai = "nilai_rp" if mata_uang == "rp" else "nilai_usd"
    uang: Callable[[Any], str] = formats.rupiah if mata_uang == "rp" else formats.usd
    definisi: tuple[tuple[str, str, Callable[[Any], str], bool, str], ...] = (
        ("indeks_hilirisasi", "Indeks Hilirisasi", formats.persen, True, BANTUAN_INDEKS),
        (
            "indeks_tanpa_batubara",
            "Indeks Hilirisasi tanpa batu bara",
            formats.persen,
            True,
            "Indeks Hilirisasi tanpa rantai batu bara, yang nilainya menenggelamkan kemajuan rantai lain.",
        ),
        (
            kolom_nilai,
            "Nilai ekspor",
            uang,
            False,
            "Nilai ekspor setahun menurut penyaring (FOB). Rupiah memakai kurs bulanan.",
        ),
        (
            "porsi_batubara",
            "Porsi batu bara",
            formats.persen,
            True,
            "Bagian batu bara (semua tahap) dalam nilai ekspor terpilih, dalam persen US$.",
        ),
    )
    kartu: list[Kartu] = []
    for kolom, label, fmt, poin, bantuan in definisi:
        baru = None if kini.get(kolom) is None else float(kini[kolom])
        lama = None if lalu.get(kolom) is None else float(lalu[kolom])
        if poin:
            perubahan = formats.poin(baru - lama) if baru is not None and lama is not None else None
        else:
            perubahan = formats.perubahan_persen(baru, lama)
        if perubahan is not None:
            perubahan = f"{perubahan} dari {tahun - 1}"
        kartu.append(Kartu(kolom, label, fmt(baru), perubahan, bantuan, baru))
    return kartu


def pesan_batubara(df: pl.DataFrame, tahun: int, tahap: tuple[str, ...]) -> str:
    """The sentence under the cards that says why the index is also shown without coal and per chain."""
    kini = next((r for r in df.iter_rows(named=True) if int(r["tahun"]) == tahun), {})
    porsi = kini.get("porsi_batubara")
    awal = (
        f"Batu bara mendominasi nilai ekspor ({formats.persen(porsi)} dari nilai terpilih pada {tahun}), "
        if porsi is not None and porsi >= 50
        else "Batu bara mendominasi nilai ekspor Kalimantan Selatan, "
    )
    catatan_tahap = " Penyaring tahap hanya berlaku untuk nilai, tidak untuk indeks." if tahap else ""
    return (
        awal + "sehingga Indeks Hilirisasi keseluruhan hampir hanya mengukur batu bara. Karena itu indeks juga "
        "selalu ditampilkan **tanpa batu bara** dan **per rantai komoditas**. Indeks dihitung dari nilai US$."
        + catatan_tahap
    )


def uraian_unduhan(
    nama_kab: dict[str, str], kab: tuple[str, ...], rantai: tuple[str, ...], tahap: tuple[str, ...]
) -> list[tuple[str, str]]:
    """The filter lines of the export download's "Keterangan" sheet: kabupaten, chains, stages, currency."""
    return [
        ("Kabupaten/kota", ", ".join(nama_kab[k] for k in kab) if kab else "Seluruh Kalimantan Selatan"),
        ("Rantai komoditas", ", ".join(LABEL_RANTAI[r] for r in rantai) if rantai else "Semua"),
        ("Tahap", ", ".join(LABEL_TAHAP[t] for t in tahap) if tahap else "Semua"),
        ("Mata uang", "nilai_usd dalam US$; nilai_rp dalam rupiah dengan kurs bulanan"),
    ]


def pilihan_penyaring(pilihan: pl.DataFrame) -> tuple[list[str], list[str]]:
    """The chains and stages that occur in the export data, in the house order, for the sidebar filters."""
    ada_rantai = set(pilihan.filter(pilihan["jenis"] == "rantai")["nilai"].to_list())
    ada_tahap = set(pilihan.filter(pilihan["jenis"] == "tahap")["nilai"].to_list())
    return [r for r in URUTAN_RANTAI if r in ada_rantai], [t for t in URUTAN_TAHAP if t in ada_tahap]


def rantai_dalam(df: pl.DataFrame) -> list[str]:
    """The chains present in ``df`` (a frame with a ``rantai`` column), in the house order."""
    ada = set(df["rantai"].to_list())
    return [r for r in URUTAN_RANTAI if r in ada]
