"""PowerPoint export: a title slide, then one slide per view with title, chart, takeaway and footer.

Where a view provides its data as :class:`~dasbor.views.dek.tampilan.GrafikAsli` the chart is a native PowerPoint
chart, so staff can restyle it or fix a label in the meeting; otherwise the figure is a 2x PNG. Sample decks
say "Data contoh" on every slide (footer and a light watermark).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from dasbor.views import formats
from dasbor.views.dek import images
from dasbor.views.dek.siap import DekSiap, SlideSiap
from dasbor.views.dek.tampilan import GrafikAsli
from dasbor.views.palette import WARNA_TAHAP, WARNA_UTAMA

LEBAR, TINGGI = Inches(13.333), Inches(7.5)
GELAP = RGBColor(0x1F, 0x29, 0x37)
ABU = RGBColor(0x6B, 0x72, 0x80)


def _rgb(hex_warna: str) -> RGBColor:
    h = hex_warna.lstrip("#")
    return RGBColor(int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def _teks(
    slide: Slide,
    x: int,
    y: int,
    w: int,
    h: int,
    teks: str,
    ukuran: int,
    *,
    tebal: bool = False,
    warna: RGBColor = GELAP,
) -> None:
    kotak = slide.shapes.add_textbox(Emu(x), Emu(y), Emu(w), Emu(h))
    bingkai = kotak.text_frame
    bingkai.word_wrap = True
    p = bingkai.paragraphs[0]
    p.text = teks
    p.font.size = Pt(ukuran)
    p.font.bold = tebal
    p.font.color.rgb = warna


def _watermark(slide: Slide) -> None:
    kotak = slide.shapes.add_textbox(Inches(2.5), Inches(2.8), Inches(8.5), Inches(1.5))
    kotak.rotation = -20
    p = kotak.text_frame.paragraphs[0]
    p.text = "DATA CONTOH"
    p.font.size = Pt(80)
    p.font.bold = True
    p.font.color.rgb = RGBColor(0xF3, 0xD9, 0xD9)


def _grafik_asli(slide: Slide, asli: GrafikAsli) -> None:
    data = CategoryChartData()
    data.categories = list(asli.kategori)
    for nama, nilai in asli.seri:
        data.add_series(nama, list(nilai))
    jenis = {
        "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "bar_stacked": XL_CHART_TYPE.BAR_STACKED,
        "line": XL_CHART_TYPE.LINE_MARKERS,
    }[asli.jenis]
    # python-pptx's annotations name the base ChartData and the wrong return type; the calls are documented.
    bingkai = slide.shapes.add_chart(
        jenis,
        Inches(0.6),
        Inches(1.9),
        Inches(12.1),
        Inches(4.6),
        data,  # type: ignore[arg-type]
    )
    chart = bingkai.chart  # type: ignore[attr-defined]
    chart.font.size = Pt(14)
    chart.has_legend = len(asli.seri) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    for i, plot_seri in enumerate(chart.plots[0].series):
        warna = WARNA_TAHAP.get(asli.seri[i][0], WARNA_UTAMA)
        plot_seri.format.fill.solid()
        plot_seri.format.fill.fore_color.rgb = _rgb(warna)
    chart.value_axis.has_title = True
    chart.value_axis.axis_title.text_frame.text = asli.satuan
    if asli.jenis == "bar_stacked":
        chart.category_axis.reverse_order = True


def _kartu(slide: Slide, siap: SlideSiap) -> None:
    kartu = siap.isi.kartu
    per_baris = 4
    w, h = Inches(2.95), Inches(2.1)
    for i, k in enumerate(kartu):
        x = Inches(0.6) + (i % per_baris) * (w + Inches(0.12))
        y = Inches(1.9) + (i // per_baris) * (h + Inches(0.15))
        _teks(slide, x, y, w, Inches(0.5), k.label, 14, warna=ABU)
        _teks(slide, x, y + Inches(0.45), w, Inches(0.9), k.nilai, 26, tebal=True)
        if k.perubahan:
            _teks(slide, x, y + Inches(1.35), w, Inches(0.5), k.perubahan, 13, warna=ABU)


def tulis(dek: DekSiap, out: Path, *, tanggal: dt.date | None = None) -> Path:
    """Write the deck as ``out`` (.pptx)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR, TINGGI
    kosong = prs.slide_layouts[6]
    judul = prs.slides.add_slide(kosong)
    _teks(judul, Inches(0.8), Inches(2.2), Inches(11.7), Inches(1.2), dek.nama, 44, tebal=True)
    _teks(
        judul,
        Inches(0.8),
        Inches(3.4),
        Inches(11.7),
        Inches(0.8),
        "Dinas Perindustrian Provinsi Kalimantan Selatan",
        24,
    )
    _teks(
        judul,
        Inches(0.8),
        Inches(4.2),
        Inches(11.7),
        Inches(0.6),
        f"{formats.tanggal(tanggal or dt.date.today())} · {dek.tanda_snapshot}",
        16,
        warna=ABU,
    )
    if dek.contoh:
        _teks(
            judul,
            Inches(0.8),
            Inches(5.0),
            Inches(11.7),
            Inches(0.6),
            "Data contoh, bukan data resmi",
            18,
            tebal=True,
            warna=RGBColor(0xB9, 0x1C, 0x1C),
        )
        _watermark(judul)
    total = len(dek.slide)
    for siap in dek.slide:
        slide = prs.slides.add_slide(kosong)
        if siap.contoh:
            _watermark(slide)
        _teks(slide, Inches(0.6), Inches(0.35), Inches(12.1), Inches(0.8), siap.isi.judul, 28, tebal=True)
        _teks(slide, Inches(0.6), Inches(1.1), Inches(12.1), Inches(0.7), siap.isi.ringkas, 18)
        if siap.isi.kartu:
            _kartu(slide, siap)
        elif siap.isi.asli is not None:
            _grafik_asli(slide, siap.isi.asli)
        elif siap.isi.fig is not None:
            gambar = io.BytesIO(images.png(siap.isi.fig))
            slide.shapes.add_picture(gambar, Inches(0.6), Inches(1.85), width=Inches(12.1))
        for j, catatan in enumerate(siap.isi.catatan):
            _teks(
                slide,
                Inches(0.6),
                Inches(6.3) - j * Inches(0.35),
                Inches(12.1),
                Inches(0.35),
                catatan,
                12,
                warna=RGBColor(0xB4, 0x53, 0x09),
            )
        _teks(
            slide,
            Inches(0.6),
            Inches(6.75),
            Inches(11.0),
            Inches(0.6),
            f"{siap.kaki} · {dek.tanda_snapshot}",
            10,
            warna=ABU,
        )
        _teks(slide, Inches(11.8), Inches(6.75), Inches(1.0), Inches(0.4), f"{siap.nomor}/{total}", 12, warna=ABU)
    out.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(out))
    return out
