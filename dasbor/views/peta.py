"""Map builders: a kabupaten choropleth (real boundaries or the schematic tiles), the two estates as markers,
an optional IKM density layer, and a year slider with a play button. Pure plotly, reusable by every page.

Offline by construction: MapLibre traces on ``map_style="white-bg"`` load no tiles, and the map draws no text
layer (text on a MapLibre map would fetch glyphs from the internet): names and values are in the hover card
and the legend. The printed map (decks, cards) is :mod:`dasbor.views.peta_cetak`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dasbor.views import formats
from dasbor.views.charts import FONT
from dasbor.warehouse.batas import TILE, Batas

WARNA_SKALA = "Blues"
WARNA_TANPA_DATA = "#d1d5db"
"""Fill of a kabupaten with no value for the metric: grey, so it reads as "no data", never as a hole or as 0."""


@dataclass(frozen=True)
class Metrik:
    """A metric the map can colour by."""

    kolom: str
    label: str
    fmt: Callable[[float | None], str]


METRIK: dict[str, Metrik] = {
    m.kolom: m
    for m in (
        Metrik("jumlah_ikm", "Jumlah IKM", lambda v: formats.unit(v)),
        Metrik("tenaga_kerja", "Tenaga kerja", lambda v: formats.unit(v, "orang")),
        Metrik("investasi_rp", "Investasi", formats.rupiah),
        Metrik("nilai_ekspor_usd", "Nilai ekspor", formats.usd),
        Metrik("indeks_hilirisasi", "Indeks Hilirisasi", formats.persen),
        Metrik("indeks_tanpa_batubara", "Indeks Hilirisasi tanpa batu bara", formats.persen),
        Metrik("persen_halal", "IKM bersertifikat halal", formats.persen),
        Metrik("indeks_sawit", "Indeks Hilirisasi: sawit", formats.persen),
        Metrik("indeks_karet", "Indeks Hilirisasi: karet", formats.persen),
        Metrik("indeks_kayu", "Indeks Hilirisasi: kayu", formats.persen),
        Metrik("indeks_rotan", "Indeks Hilirisasi: rotan", formats.persen),
        Metrik("indeks_perikanan", "Indeks Hilirisasi: perikanan", formats.persen),
    )
}


def _pusat(batas: Batas) -> tuple[float, float, float]:
    """Centre and zoom that fit the features (a rough fit is enough for 13 kabupaten)."""
    xs: list[float] = []
    ys: list[float] = []

    def jalan(koordinat: object) -> None:
        if isinstance(koordinat, list) and koordinat and isinstance(koordinat[0], int | float):
            xs.append(float(koordinat[0]))
            ys.append(float(koordinat[1]))
        elif isinstance(koordinat, list):
            for k in koordinat:
                jalan(k)

    for fitur in batas.geojson["features"]:
        jalan(fitur["geometry"]["coordinates"])
    lebar = max(max(xs) - min(xs), max(ys) - min(ys), 0.5)
    zoom = 7.0 if lebar < 2.6 else 6.6
    return (min(ys) + max(ys)) / 2, (min(xs) + max(xs)) / 2, zoom


def colorbar(metrik: Metrik) -> dict[str, object]:
    return {
        "title": {"text": metrik.label, "side": "right", "font": {"size": 13}},
        "thickness": 14,
        "tickformat": ",.0f",
    }


def _hover(df: pl.DataFrame, metrik: Metrik) -> list[str]:
    nilai = df[metrik.kolom].to_list()
    urut = sorted((v for v in nilai if v is not None), reverse=True)
    return [
        f"<b>{n}</b><br>{metrik.label}: {metrik.fmt(v)}<br>"
        + (f"peringkat {urut.index(v) + 1} dari {len(urut)}" if v is not None else "tanpa data")
        for n, v in zip(df["nama"].to_list(), nilai, strict=True)
    ]


def _petak(df: pl.DataFrame, metrik: Metrik, rentang: tuple[float, float]) -> go.Heatmap:
    """The schematic map as a heatmap grid: one labelled cell per kabupaten (labels need no web fonts)."""
    kolom = max(c for c, _ in TILE.values()) + 1
    baris = max(r for _, r in TILE.values()) + 1
    z: list[list[float | None]] = [[None] * kolom for _ in range(baris)]
    teks = [[""] * kolom for _ in range(baris)]
    hover = [[""] * kolom for _ in range(baris)]
    kode = [["" for _ in range(kolom)] for _ in range(baris)]
    for r, h in zip(df.iter_rows(named=True), _hover(df, metrik), strict=True):
        c, b = TILE[r["kode_bps"]]
        z[b][c] = r[metrik.kolom]
        nama = str(r["nama"]).replace("Kota ", "Kota<br>").replace("Hulu Sungai ", "HS ")
        angka = metrik.fmt(r[metrik.kolom]).removesuffix(" unit").removesuffix(" orang")
        teks[b][c] = f"{nama}<br>{angka}"
        hover[b][c] = h
        kode[b][c] = r["kode_bps"]
    return go.Heatmap(
        z=z,
        text=teks,
        texttemplate="%{text}",
        textfont={"size": 12},
        hovertext=hover,
        hoverinfo="text",
        customdata=kode,
        colorscale=WARNA_SKALA,
        zmin=rentang[0],
        zmax=rentang[1],
        xgap=4,
        ygap=4,
        colorbar=colorbar(metrik),
    )


def _jejak(
    df: pl.DataFrame, batas: Batas, metrik: Metrik, rentang: tuple[float, float], *, bentuk: bool = True
) -> go.Choroplethmap:
    """The kabupaten coloured by value. ``bentuk=False`` leaves the shapes (and the fixed styling) out: an
    animation frame only changes values, and plotly keeps the trace's own; sending the GeoJSON once per year
    made the map several times heavier to send and to serialise on every view."""
    tetap: dict[str, Any] = (
        {
            "geojson": batas.geojson,
            "hoverinfo": "text",
            "colorscale": WARNA_SKALA,
            "zmin": rentang[0],
            "zmax": rentang[1],
            "marker": {"line": {"color": "white", "width": 1.5}, "opacity": 0.9},
            "colorbar": colorbar(metrik),
        }
        if bentuk
        else {}
    )
    return go.Choroplethmap(
        locations=df["kode_bps"].to_list(),
        z=df[metrik.kolom].to_list(),
        customdata=df["kode_bps"].to_list(),
        hovertext=_hover(df, metrik),
        **tetap,
    )


def _tanpa_data(df: pl.DataFrame, metrik: Metrik, geojson: Mapping[str, Any] | None = None) -> go.Choroplethmap:
    """The kabupaten with no value this year, in grey: without it they would be holes in the map, read as
    missing land or as zero. Always present (possibly empty) so an animation frame can update it; ``geojson``
    (the first frame only) holds just the shapes that are grey in some year, usually none."""
    kosong = df.filter(pl.col(metrik.kolom).is_null())
    kode = kosong["kode_bps"].to_list()
    tetap: dict[str, Any] = (
        {
            "geojson": geojson,
            "hoverinfo": "text",
            "colorscale": [[0, WARNA_TANPA_DATA], [1, WARNA_TANPA_DATA]],
            "showscale": False,
            "marker": {"line": {"color": "white", "width": 1.5}, "opacity": 0.9},
        }
        if geojson is not None
        else {}
    )
    return go.Choroplethmap(
        locations=kode,
        z=[0] * len(kode),
        customdata=kode,
        hovertext=[f"<b>{n}</b><br>{metrik.label}: tanpa data" for n in kosong["nama"].to_list()],
        **tetap,
    )


def kartu_kawasan(kawasan: pl.DataFrame) -> list[str]:
    return [
        f"<b>{r['nama']}</b><br>Luas rencana: {formats.angka(r['luas_rencana_ha'])} ha"
        f"<br>Luas berizin: {formats.angka(r['luas_izin_ha'])} ha<br>Pengelola: {r['pengelola']}"
        f"<br>Status: {r['status']}<br>Tenant beroperasi: {r['tenant_operasi']}"
        for r in kawasan.iter_rows(named=True)
    ]


def _skema_tata(fig: go.Figure, kawasan: pl.DataFrame | None, tinggi: int) -> None:
    """Layout of the tile map; estates sit in the corner of their kabupaten's tile."""
    if kawasan is not None and kawasan.height:
        fig.add_trace(
            go.Scatter(
                x=[TILE[k][0] + 0.32 for k in kawasan["kode_bps"].to_list()],
                y=[TILE[k][1] + 0.3 for k in kawasan["kode_bps"].to_list()],
                mode="markers",
                marker={"size": 18, "color": "#dc2626", "symbol": "diamond", "line": {"color": "white", "width": 2}},
                hovertext=kartu_kawasan(kawasan),
                hoverinfo="text",
                name="Kawasan industri",
            )
        )
    fig.update_xaxes(visible=False, range=[-0.6, max(c for c, _ in TILE.values()) + 0.6])
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x")
    fig.update_layout(
        height=tinggi,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        font=FONT,
        separators=",.",
        showlegend=False,
        plot_bgcolor="white",
        hoverlabel={"font_size": 16},
    )


def _peta_tata(
    fig: go.Figure, batas: Batas, kawasan: pl.DataFrame | None, titik: pl.DataFrame | None, tinggi: int
) -> None:
    """Layout of the boundary map: MapLibre on white, density layer, estates as red dots."""
    if titik is not None and titik.height:
        fig.add_trace(
            go.Densitymap(
                lat=titik["lat"].to_list(),
                lon=titik["lon"].to_list(),
                radius=8,
                showscale=False,
                colorscale="YlOrRd",
                opacity=0.55,
                hoverinfo="skip",
                name="Sebaran IKM",
            )
        )
    if kawasan is not None and kawasan.height:
        fig.add_trace(
            go.Scattermap(
                lat=kawasan["lat"].to_list(),
                lon=kawasan["lon"].to_list(),
                mode="markers",
                marker={"size": 20, "color": "#dc2626", "symbol": "circle"},
                name="Kawasan industri",
                hovertext=kartu_kawasan(kawasan),
                hoverinfo="text",
            )
        )
    lat, lon, zoom = _pusat(batas)
    fig.update_layout(
        map={"style": "white-bg", "center": {"lat": lat, "lon": lon}, "zoom": zoom},
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        height=tinggi,
        font=FONT,
        separators=",.",
        showlegend=False,
        hoverlabel={"font_size": 16},
    )


def choropleth(
    df: pl.DataFrame,
    batas: Batas,
    metrik_kolom: str,
    tahun: int,
    *,
    kawasan: pl.DataFrame | None = None,
    titik: pl.DataFrame | None = None,
    animasi: bool = True,
    tinggi: int = 620,
) -> go.Figure:
    """Kabupaten coloured by ``metrik_kolom`` for ``tahun`` (``df`` is ``peta_metrik``: every year), with a
    slider and play button across the years when ``animasi``; estates as red diamonds; IKM points as a
    density layer when ``titik`` is given."""
    metrik = METRIK[metrik_kolom]
    semua = [v for v in df[metrik.kolom].to_list() if v is not None]
    rentang = (min(semua, default=0.0), max(semua, default=1.0))
    tahun_ada = sorted({int(t) for t in df.filter(pl.col(metrik.kolom).is_not_null())["tahun"].to_list()})
    if tahun not in tahun_ada and tahun_ada:
        tahun = tahun_ada[-1]
    if batas.skema:

        def bingkai(d: pl.DataFrame, *, awal: bool) -> list[go.Heatmap | go.Choroplethmap]:
            del awal  # a heatmap has no shapes to leave out
            return [_petak(d, metrik, rentang)]
    else:
        bisa_tampil = df.filter(pl.col("tahun").is_in([tahun, *tahun_ada]) & pl.col(metrik.kolom).is_null())
        pernah_kosong = set(bisa_tampil["kode_bps"].to_list())
        abu = {
            "type": "FeatureCollection",
            "features": [f for f in batas.geojson["features"] if f["properties"]["kode_bps"] in pernah_kosong],
        }

        def bingkai(d: pl.DataFrame, *, awal: bool) -> list[go.Heatmap | go.Choroplethmap]:
            """The traces a year changes: the values, and the grey kabupaten without one; the first with their
            shapes, the animation frames with values only."""
            return [_jejak(d, batas, metrik, rentang, bentuk=awal), _tanpa_data(d, metrik, abu if awal else None)]

    fig = go.Figure(bingkai(df.filter(pl.col("tahun") == tahun), awal=True))
    jumlah_jejak = len(fig.data)
    if batas.skema:
        _skema_tata(fig, kawasan, tinggi)
    else:
        _peta_tata(fig, batas, kawasan, titik, tinggi)
    if animasi and len(tahun_ada) > 1:
        fig.frames = [
            go.Frame(
                data=bingkai(df.filter(pl.col("tahun") == t), awal=False), name=str(t), traces=list(range(jumlah_jejak))
            )
            for t in tahun_ada
        ]
        fig.update_layout(
            sliders=[
                {
                    "active": tahun_ada.index(tahun),
                    "currentvalue": {"prefix": "Tahun "},
                    "pad": {"t": 10, "l": 30, "r": 30},
                    "steps": [
                        {
                            "label": str(t),
                            "method": "animate",
                            "args": [[str(t)], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}],
                        }
                        for t in tahun_ada
                    ],
                }
            ],
            updatemenus=[
                {
                    "type": "buttons",
                    "showactive": False,
                    "x": 0.02,
                    "y": 0.02,
                    "xanchor": "left",
                    "yanchor": "bottom",
                    "buttons": [
                        {
                            "label": "▶ Putar",
                            "method": "animate",
                            "args": [None, {"frame": {"duration": 900, "redraw": True}, "fromcurrent": False}],
                        },
                        {
                            "label": "❚❚ Jeda",
                            "method": "animate",
                            "args": [[None], {"mode": "immediate", "frame": {"duration": 0, "redraw": False}}],
                        },
                    ],
                }
            ],
            margin={"b": 70},
        )
    return fig


def nama_singkat(nama: str) -> str:
    """The name as printed on a map: the usual local short forms ("Hulu Sungai Selatan" -> "HSS", "Barito
    Kuala" -> "Batola"), without "Kota" (a kota is told apart by its size and its leader line)."""
    if nama == "Barito Kuala":
        return "Batola"
    if nama.startswith("Hulu Sungai "):
        return "HS" + nama.removeprefix("Hulu Sungai ")[:1]
    return nama.removeprefix("Kota ")


def peringkat(df: pl.DataFrame, metrik: Metrik, sorot: str | None) -> go.Figure:
    """The kabupaten ranked by the metric, the selected one highlighted: the map's side chart.

    It sits in a narrow column beside the map, so names are the short local forms (HSU, Batola, Banjarmasin)
    and values drop the unit the title already gives ("13.812", not "13.812 unit"): the longest value then fits
    beside the longest bar at 1280 px instead of being cut off. The hover card keeps the full name and unit."""
    data = df.filter(pl.col(metrik.kolom).is_not_null()).sort(metrik.kolom, descending=True)
    nilai = data[metrik.kolom].to_list()
    warna = ["#dc2626" if k == sorot else "#0b5d8c" for k in data["kode_bps"].to_list()]
    fig = go.Figure(
        go.Bar(
            y=[nama_singkat(n) for n in data["nama"].to_list()],
            x=nilai,
            orientation="h",
            marker_color=warna,
            text=[metrik.fmt(v).removesuffix(" unit").removesuffix(" orang") for v in nilai],
            textposition="outside",
            cliponaxis=False,
            hoverinfo="text",
            hovertext=[f"{n}: {metrik.fmt(v)}" for n, v in zip(data["nama"].to_list(), nilai, strict=True)],
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(showticklabels=False, range=[0, max(nilai, default=1) * 1.6])
    fig.update_layout(
        height=38 * max(data.height, 3) + 40,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font=FONT,
        separators=",.",
        plot_bgcolor="white",
        showlegend=False,
    )
    return fig


def kabupaten_terpilih(titik: Sequence[Mapping[str, Any]], kab: tuple[str, ...]) -> str | None:
    """The kabupaten a click on the map chose (its ``location`` or ``customdata``), else the one kabupaten of
    the global filter, else none."""
    terpilih = [p.get("location") or p.get("customdata") for p in titik if p.get("location") or p.get("customdata")]
    return str(terpilih[0]) if terpilih else (kab[0] if kab else None)
