"""Map builders: a kabupaten choropleth (real boundaries or the schematic tiles), the two estates as markers,
an optional IKM density layer, and a year slider with a play button. Pure plotly, reusable by every page.

Offline by construction: MapLibre traces on ``map_style="white-bg"`` load no tiles, and the map draws no text
layer (text on a MapLibre map would fetch glyphs from the internet): names and values are in the hover card
and the legend.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import polars as pl
from plotly.colors import sample_colorscale

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


def _colorbar(metrik: Metrik) -> dict[str, object]:
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
        colorbar=_colorbar(metrik),
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
            "colorbar": _colorbar(metrik),
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


def _kartu_kawasan(kawasan: pl.DataFrame) -> list[str]:
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
                hovertext=_kartu_kawasan(kawasan),
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
                hovertext=_kartu_kawasan(kawasan),
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


def _cincin(geometri: Mapping[str, Any]) -> list[list[list[float]]]:
    """Every ring of a (Multi)Polygon; holes are drawn over by whatever lies inside them (a kota inside its
    kabupaten), so they need no special case."""
    if geometri["type"] == "Polygon":
        return list(geometri["coordinates"])
    return [cincin for bagian in geometri["coordinates"] for cincin in bagian]


def _luas(cincin: list[list[float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(cincin))) / 2


def _warna_teks(isi: str) -> str:
    """Dark text on light fills, white on dark ones (by the fill's luminance), readable on a projector."""
    r, g, b = (
        (int(v) for v in isi.removeprefix("rgb(").removesuffix(")").split(","))
        if isi.startswith("rgb(")
        else (int(isi[i : i + 2], 16) for i in (1, 3, 5))
    )
    return "#1f2937" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "white"


BAGIAN_KECIL = 0.02
"""A kabupaten under 2 % of the province's area (Kota Banjarmasin, Kota Banjarbaru) is labelled beside the map
with a leader line: its name would not fit inside it."""


def nama_singkat(nama: str) -> str:
    """The name as printed on a map: the usual local short forms ("Hulu Sungai Selatan" -> "HSS", "Barito
    Kuala" -> "Batola"), without "Kota" (a kota is told apart by its size and its leader line)."""
    if nama == "Barito Kuala":
        return "Batola"
    if nama.startswith("Hulu Sungai "):
        return "HS" + nama.removeprefix("Hulu Sungai ")[:1]
    return nama.removeprefix("Kota ")


def _label_peta(label: Mapping[str, tuple[float, float, str, str]], kecil: set[str]) -> list[dict[str, Any]]:
    """Name and value on each kabupaten; the small ones in a column left of the map, spread apart so their two
    lines never overlap, each with a line to its own label point. Returned as layout annotations, set at once
    (plotly re-validates every annotation on each ``add_annotation``)."""
    catatan: list[dict[str, Any]] = [
        {"x": x, "y": y, "text": teks, "showarrow": False, "font": {"size": 12, "color": warna}}
        for kode, (x, y, teks, warna) in label.items()
        if kode not in kecil
    ]
    if not kecil:
        return catatan
    kiri = min(x for x, *_ in label.values()) - 0.35
    tinggi_sebelumnya: float | None = None
    for kode in sorted(kecil, key=lambda k: -label[k][1]):
        x, y, teks, _ = label[kode]
        ty = y if tinggi_sebelumnya is None else min(y, tinggi_sebelumnya - 0.3)
        tinggi_sebelumnya = ty
        catatan.append(
            {
                "x": x,
                "y": y,
                "ax": kiri,
                "ay": ty,
                "axref": "x",
                "ayref": "y",
                "text": teks,
                "showarrow": True,
                "arrowhead": 0,
                "arrowwidth": 1,
                "arrowcolor": "#6b7280",
                "xanchor": "right",
                "font": {"size": 12, "color": "#1f2937"},
            }
        )
    return catatan


def choropleth_cetak(
    df: pl.DataFrame,
    batas: Batas,
    metrik_kolom: str,
    tahun: int,
    *,
    kawasan: pl.DataFrame | None = None,
    tinggi: int = 620,
) -> go.Figure:
    """The boundary map for decks, PDF, PPTX and share cards: every kabupaten a filled SVG path on plain axes,
    labelled with its name and value, the estates as red diamonds, a colour bar; no WebGL and no tiles.

    Why not the page's MapLibre map: a printed page has no hover, so names and values must be on the map, and
    MapLibre text needs glyphs from the internet; WebGL canvases also come out blank in Chromium's print, and
    vectors stay sharp at any zoom of the PDF. Longitude and latitude are used as x and y with equal scales:
    at 1-4 degrees south the distortion is under 0.3 %. A kabupaten with no value is grey with a dash. Schematic
    boundaries keep the tile map."""
    if batas.skema:
        return choropleth(df, batas, metrik_kolom, tahun, kawasan=kawasan, animasi=False, tinggi=tinggi)
    metrik = METRIK[metrik_kolom]
    semua = [v for v in df[metrik.kolom].to_list() if v is not None]
    zmin, zmax = min(semua, default=0.0), max(semua, default=1.0)
    kini = {r["kode_bps"]: r for r in df.filter(pl.col("tahun") == tahun).iter_rows(named=True)}
    luas = {
        f["properties"]["kode_bps"]: sum(_luas(c) for c in _cincin(f["geometry"])) for f in batas.geojson["features"]
    }
    total = sum(luas.values()) or 1.0
    jejak: list[dict[str, Any]] = []
    label: dict[str, tuple[float, float, str, str]] = {}
    # Largest first, so a kota inside a kabupaten (and over its hole) is drawn on top of it.
    for f in sorted(batas.geojson["features"], key=lambda f: -luas[f["properties"]["kode_bps"]]):
        kode = f["properties"]["kode_bps"]
        baris = kini.get(kode, {})
        nilai = baris.get(metrik.kolom)
        posisi = (nilai - zmin) / (zmax - zmin) if nilai is not None and zmax > zmin else 1.0
        isi = WARNA_TANPA_DATA if nilai is None else sample_colorscale(WARNA_SKALA, [posisi])[0]
        xs: list[float | None] = []
        ys: list[float | None] = []
        for cincin in _cincin(f["geometry"]):
            xs += [float(p[0]) for p in cincin] + [None]
            ys += [float(p[1]) for p in cincin] + [None]
        nama = str(baris.get("nama") or f["properties"].get("nama", kode))
        jejak.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "mode": "lines",
                "fill": "toself",
                "fillcolor": isi,
                "line": {"color": "white", "width": 1.2},
                "hoverinfo": "text",
                "hovertext": f"<b>{nama}</b><br>{metrik.label}: {metrik.fmt(nilai)}",
                "showlegend": False,
            }
        )
        if kode in batas.label:
            angka = metrik.fmt(nilai).removesuffix(" unit").removesuffix(" orang") if nilai is not None else "–"
            label[kode] = (*batas.label[kode], f"{nama_singkat(nama)}<br><b>{angka}</b>", _warna_teks(isi))
    catatan = _label_peta(label, {k for k in label if luas[k] / total < BAGIAN_KECIL})
    if any(kini.get(k, {}).get(metrik.kolom) is None for k in luas):
        catatan.append(
            {
                "text": "Abu-abu (–): tanpa data tahun ini",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12, "color": "#4b5563"},
            }
        )
    skala = {"colorscale": WARNA_SKALA, "cmin": zmin, "cmax": zmax, "showscale": True, "colorbar": _colorbar(metrik)}
    jejak.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers", "marker": skala, "hoverinfo": "skip"})
    if kawasan is not None and kawasan.height:
        jejak.append(
            {
                "type": "scatter",
                "x": kawasan["lon"].to_list(),
                "y": kawasan["lat"].to_list(),
                "mode": "markers+text",
                "marker": {"size": 16, "color": "#dc2626", "symbol": "diamond", "line": {"color": "white", "width": 2}},
                "text": [str(n).replace("Kawasan Industri", "KI") for n in kawasan["nama"].to_list()],
                "textposition": "middle right",
                "textfont": {"size": 12, "color": "#991b1b"},
                "hovertext": _kartu_kawasan(kawasan),
                "hoverinfo": "text",
            }
        )
    # One constructor call: plotly validates the figure once instead of at every add_trace/add_annotation.
    return go.Figure(
        data=jejak,
        layout={
            "annotations": catatan,
            "xaxis": {"visible": False},
            "yaxis": {"visible": False, "scaleanchor": "x", "scaleratio": 1},
            "height": tinggi,
            "margin": {"l": 0, "r": 0, "t": 10, "b": 0},
            "font": FONT,
            "separators": ",.",
            "plot_bgcolor": "white",
            "hoverlabel": {"font_size": 16},
            "showlegend": False,
        },
    )


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
