"""The kabupaten map as printed: decks (PDF, PPTX, HTML), share cards and presentation mode.

Each kabupaten is a filled SVG path on plain axes with its short name and value written on it, the two small
kota beside the map on leader lines, a kabupaten without a value grey with a dash, the estates as labelled red
diamonds. Why not the page's MapLibre map (:mod:`dasbor.views.peta`): a printed page has no hover, so names and
values must be on the map, and MapLibre text needs glyphs from the internet; WebGL canvases also come out blank
in Chromium's print, and vectors stay sharp at any zoom of the PDF (``docs/keputusan.md``, issue 17).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
import polars as pl
from plotly.colors import sample_colorscale

from dasbor.views import peta
from dasbor.views.charts import FONT
from dasbor.warehouse.batas import Batas


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
    """The kabupaten coloured by ``metrik_kolom`` in ``tahun``, as described above, with a colour bar; no WebGL
    and no tiles. Longitude and latitude are x and y with equal scales: at 1-4 degrees south the distortion is
    under 0.3 %. Schematic boundaries keep the tile map (already SVG and labelled)."""
    if batas.skema:
        return peta.choropleth(df, batas, metrik_kolom, tahun, kawasan=kawasan, animasi=False, tinggi=tinggi)
    metrik = peta.METRIK[metrik_kolom]
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
        isi = peta.WARNA_TANPA_DATA if nilai is None else sample_colorscale(peta.WARNA_SKALA, [posisi])[0]
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
            label[kode] = (*batas.label[kode], f"{peta.nama_singkat(nama)}<br><b>{angka}</b>", _warna_teks(isi))
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
    skala = {
        "colorscale": peta.WARNA_SKALA,
        "cmin": zmin,
        "cmax": zmax,
        "showscale": True,
        "colorbar": peta.colorbar(metrik),
    }
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
                "hovertext": peta.kartu_kawasan(kawasan),
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
