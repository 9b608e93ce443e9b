"""Offline HTML export: one self-contained file with interactive charts for a laptop with no internet.

plotly.js is inlined once (about 4.6 MB) and every figure is drawn from its JSON; there is no ``<script
src>`` and no web font, so the file works from a USB stick. Arrow keys and buttons move between slides.

With ``cetak=True`` the same slides become a print document: every section is one 16:9 page (1280 x 720 CSS px,
13.33 x 7.5 in), every chart is drawn at once as a static SVG, and there are no buttons. :mod:`pdf_out` prints it
with Chromium, so the PDF and the HTML deck share one layout, one set of footers and one sample watermark.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from plotly.offline import get_plotlyjs

from dasbor.views import formats
from dasbor.views.dek.siap import DekSiap, SlideSiap

_CSS = """
body { margin: 0; font-family: "DejaVu Sans", Arial, sans-serif; color: #1f2937; background: #fff; }
section { display: none; box-sizing: border-box; width: 100vw; height: 100vh; padding: 3vh 4vw 2vh; }
section.aktif { display: flex; flex-direction: column; }
h1 { font-size: 2.6rem; margin: 0 0 .4rem; } .ringkas { font-size: 1.5rem; color: #4b5563; margin: 0 0 1rem; }
.grafik { flex: 1; min-height: 0; } .kaki { font-size: .95rem; color: #6b7280; display: flex;
  justify-content: space-between; gap: 2rem; border-top: 1px solid #e5e7eb; padding-top: .5rem; }
.kartu { display: grid; grid-template-columns: repeat(4, 1fr); gap: 1rem; }
.kartu > div { border: 2px solid #d1d5db; border-radius: 12px; padding: 1rem; }
.kartu .l { color: #6b7280; font-size: 1.1rem; } .kartu .v { font-size: 2.2rem; font-weight: 700; }
.kartu .d { color: #6b7280; }
.catatan { color: #b45309; font-size: 1.1rem; }
.contoh { position: fixed; top: 40%; left: 15%; font-size: 9rem; font-weight: 700; color: rgba(220,38,38,.12);
  transform: rotate(-20deg); pointer-events: none; }
nav { position: fixed; bottom: 1rem; right: 1.5rem; } nav button { font-size: 1.2rem; padding: .4rem 1rem; }
.judul h1 { font-size: 4rem; margin-top: 25vh; }
"""

_JS = """
const s = [...document.querySelectorAll('section')]; let i = 0;
function tampil(n) { i = Math.max(0, Math.min(s.length - 1, n)); s.forEach((x, k) => x.classList.toggle('aktif',
  k === i)); const g = s[i].querySelector('.grafik'); if (g && !g.dataset.digambar) { const f = FIG[g.id];
  Plotly.newPlot(g, f.data, f.layout, {displaylogo: false, responsive: true}); g.dataset.digambar = 1; }
  else if (g) { Plotly.Plots.resize(g); } }
document.addEventListener('keydown', e => { if (['ArrowRight', 'PageDown', ' '].includes(e.key)) tampil(i + 1);
  if (['ArrowLeft', 'PageUp'].includes(e.key)) tampil(i - 1); });
tampil(0);
"""

_CSS_CETAK = """
@page { size: 1280px 720px; margin: 0; }
html, body { width: 1280px; }
section, section.aktif { display: flex; flex-direction: column; width: 1280px; height: 720px; overflow: hidden;
  page-break-after: always; break-after: page; padding: 28px 48px 18px; }
section:last-of-type { page-break-after: auto; break-after: auto; }
h1 { font-size: 2.1rem; } .ringkas { font-size: 1.2rem; } .kartu .v { font-size: 1.9rem; }
.judul h1 { font-size: 3.4rem; margin-top: 200px; }
section { position: relative; }
.contoh { position: absolute; top: 36%; left: 12%; font-size: 8rem; }
nav { display: none; }
"""

_JS_CETAK = """
for (const [gid, f] of Object.entries(FIG)) { const g = document.getElementById(gid);
  Plotly.newPlot(g, f.data, Object.assign({}, f.layout, {width: g.clientWidth, height: g.clientHeight}),
  {staticPlot: true, displaylogo: false}); }
"""


_TANDA = "<div class='contoh'>DATA CONTOH</div>"
"""The sample watermark: once, fixed, on screen; on paper once per page (a fixed element prints only once)."""


def _kartu(siap: SlideSiap) -> str:
    isi = "".join(
        f'<div><div class="l">{html.escape(k.label)}</div><div class="v">{html.escape(k.nilai)}</div>'
        f'<div class="d">{html.escape(k.perubahan or "")}</div></div>'
        for k in siap.isi.kartu
    )
    return f'<div class="kartu">{isi}</div>'


def html_dek(dek: DekSiap, *, tanggal: dt.date | None = None, cetak: bool = False) -> str:
    """The deck as one self-contained HTML document: a slide show, or with ``cetak`` a print document."""
    total = len(dek.slide)
    figur: dict[str, object] = {}
    bagian = [
        '<section class="judul">'
        f"<h1>{html.escape(dek.nama)}</h1><p class='ringkas'>Dinas Perindustrian Provinsi Kalimantan Selatan</p>"
        f"<p>{formats.tanggal(tanggal or dt.date.today())} · {html.escape(dek.tanda_snapshot)}</p>"
        + ("<p class='catatan'><b>Data contoh, bukan data resmi</b></p>" if dek.contoh else "")
        + (_TANDA if cetak and dek.contoh else "")
        + "</section>"
    ]
    for siap in dek.slide:
        if siap.isi.kartu:
            tengah = _kartu(siap)
        elif siap.isi.fig is not None:
            gid = f"g{siap.nomor}"
            figur[gid] = json.loads(siap.isi.fig.to_json())
            tengah = f'<div class="grafik" id="{gid}"></div>'
        else:
            tengah = ""
        catatan = "".join(f"<p class='catatan'>{html.escape(c)}</p>" for c in siap.isi.catatan)
        bagian.append(
            f"<section><h1>{html.escape(siap.isi.judul)}</h1><p class='ringkas'>{html.escape(siap.isi.ringkas)}</p>"
            f"{tengah}{catatan}<div class='kaki'><span>{html.escape(siap.kaki)} · "
            f"{html.escape(dek.tanda_snapshot)}</span><span>{siap.nomor}/{total}</span></div>"
            + (_TANDA if cetak and siap.contoh else "")
            + "</section>"
        )
    figur_json = json.dumps(figur).replace("</", "<\\/")  # a "</script>" inside a label cannot end the script
    halaman = (
        "<!doctype html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>{html.escape(dek.nama)}</title><style>{_CSS}{_CSS_CETAK if cetak else ''}</style>"
        f"<script>{get_plotlyjs()}</script></head><body>"
        + (_TANDA if dek.contoh and not cetak else "")
        + "".join(bagian)
        + (
            ""
            if cetak
            else "<nav><button onclick='tampil(i-1)'>&larr; Sebelumnya</button> "
            "<button onclick='tampil(i+1)'>Berikutnya &rarr;</button></nav>"
        )
        + f"<script>const FIG = {figur_json};{_JS_CETAK if cetak else _JS}</script></body></html>"
    )
    return halaman


def tulis(dek: DekSiap, out: Path, *, tanggal: dt.date | None = None) -> Path:
    """Write the deck as one self-contained HTML file."""
    halaman = html_dek(dek, tanggal=tanggal)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(halaman, encoding="utf-8")
    return out
