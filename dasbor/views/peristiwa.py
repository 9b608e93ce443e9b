"""Events on time charts: one helper that marks dated events as numbered vertical lines, and their list.

A chart and its list share the numbers: the line labelled "2" is the second item under the chart. Only events
inside the chart's time range are drawn (and listed). The helper reads the x values of the figure's traces to
learn its axis:

* years as numbers (bars or lines per ``tahun``): a bar for 2021 spans 2020.6 to 2021.4, so an event is drawn
  at ``tahun - 0.5 + day_of_year / days_in_year`` (21 Oct 2021 -> 2021.3, inside the 2021 band, late in it);
* dates (monthly series): at the date itself;
* years as category labels ("2021"): at the category's position plus the same fraction.
Events with a year-only date ("2012") are drawn at the middle of their year.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from dasbor.views.formats import NAMA_BULAN
from dasbor.warehouse.peristiwa import Peristiwa

WARNA = "#7c3aed"
"""Violet: not a data colour in the palette, so a line never reads as a series."""


def label_tanggal(p: Peristiwa) -> str:
    """ "17 Okt 2024", "Okt 2021" or "2012" as precisely as the event's date is known."""
    bulan = NAMA_BULAN[p.tanggal.month - 1][:3]
    if p.presisi == "tahun":
        return str(p.tanggal.year)
    if p.presisi == "bulan":
        return f"{bulan} {p.tanggal.year}"
    return f"{p.tanggal.day} {bulan} {p.tanggal.year}"


def _pecahan(p: Peristiwa) -> float:
    """Position inside its year, 0..1 (a year-only date sits in the middle)."""
    if p.presisi == "tahun":
        return 0.5
    awal = dt.date(p.tanggal.year, 1, 1)
    hari = (dt.date(p.tanggal.year + 1, 1, 1) - awal).days
    return ((p.tanggal - awal).days + 0.5) / hari


def _nilai_x(fig: go.Figure) -> list[Any]:
    nilai: list[Any] = []
    for trace in fig.data:
        x = getattr(trace, "x", None)
        if x is not None and getattr(trace, "orientation", None) != "h":
            nilai.extend(v for v in x if v is not None)
    return nilai


def posisi(fig: go.Figure, daftar: Sequence[Peristiwa]) -> list[tuple[Peristiwa, Any]]:
    """The events that fall inside the figure's time range, with their x position, oldest first."""
    nilai = _nilai_x(fig)
    if not nilai:
        return []
    hasil: list[tuple[Peristiwa, Any]] = []
    contoh = nilai[0]
    if isinstance(contoh, dt.date | dt.datetime):
        awal, akhir = min(nilai), max(nilai)
        awal_d = awal.date() if isinstance(awal, dt.datetime) else awal
        akhir_d = akhir.date() if isinstance(akhir, dt.datetime) else akhir
        akhir_d = dt.date(akhir_d.year + (akhir_d.month == 12), akhir_d.month % 12 + 1, 1)  # through the last month
        for p in daftar:
            if awal_d <= p.tanggal < akhir_d:
                tengah = dt.date(p.tanggal.year, 7, 1) if p.presisi == "tahun" else p.tanggal
                hasil.append((p, tengah.isoformat()))
    elif isinstance(contoh, str):
        kategori = list(dict.fromkeys(str(v) for v in nilai))
        for p in daftar:
            if str(p.tanggal.year) in kategori:
                hasil.append((p, kategori.index(str(p.tanggal.year)) - 0.5 + _pecahan(p)))
    else:
        try:
            tahun = [int(v) for v in nilai]
        except (TypeError, ValueError):
            return []
        for p in daftar:
            if min(tahun) <= p.tanggal.year <= max(tahun):
                hasil.append((p, p.tanggal.year - 0.5 + _pecahan(p)))
    return sorted(hasil, key=lambda h: (h[0].tanggal, h[0].judul))


def tandai(fig: go.Figure, daftar: Sequence[Peristiwa]) -> go.Figure:
    """A copy of ``fig`` with each event in its range as a dotted violet line, numbered inside the top of the plot
    (below the legend; at the foot of a stacked-panel figure, whose top holds the panel title).

    The original is left untouched (cached figures are shared between sessions)."""
    letak = posisi(fig, daftar)
    if not letak:
        return fig
    salinan = go.Figure(fig)
    grid = salinan._grid_ref  # plotly has no public test for a make_subplots figure
    sumbu = [(s.trace_kwargs["xaxis"], s.trace_kwargs["yaxis"]) for b in grid for sel in b for s in sel] if grid else []
    garis: list[dict[str, Any]] = []
    nomor: list[dict[str, Any]] = []
    for urut, (p, x) in enumerate(letak, start=1):
        garis += [
            {
                "type": "line",
                "xref": xref,
                "yref": f"{yref} domain",
                "x0": x,
                "x1": x,
                "y0": 0,
                "y1": 1,
                "line": {"dash": "dot", "color": WARNA, "width": 2},
                "opacity": 0.9,
            }
            for xref, yref in (sumbu or [("x", "y")])
        ]
        nomor.append(
            {
                "x": x,
                "y": 0.0 if grid else 1.0,  # a subplot's top holds its panel title: number on the bottom panel
                "xref": "x",
                "yref": "paper",
                "text": f"<b>{urut}</b>",
                "showarrow": False,
                "yanchor": "bottom" if grid else "top",  # inside the plot: the legend sits just above it
                "font": {"color": "white", "size": 13},
                "bgcolor": WARNA,
                "borderpad": 2,
                # plotly reads tags in text: typed text stays text
                "hovertext": html.escape(f"{label_tanggal(p)}: {p.judul}"),
            }
        )
    # Set once: plotly re-validates every shape and annotation at each add_vline/add_annotation.
    salinan.update_layout(shapes=[*salinan.layout.shapes, *garis], annotations=[*salinan.layout.annotations, *nomor])
    return salinan


def daftar_teks(fig: go.Figure, daftar: Sequence[Peristiwa]) -> list[str]:
    """The list under the chart, plain text, numbered like the lines: "1. 21 Okt 2021 · judul".

    Sources are not repeated under every chart (they made the list longer than the chart on a phone and pushed
    the printed Profil Kabupaten to a third page); they are listed with each event on the Tindak Lanjut page.
    """
    return [f"{nomor}. {label_tanggal(p)} · {p.judul}" for nomor, (p, _) in enumerate(posisi(fig, daftar), start=1)]
