"""On-screen slides for the Presentasi page: one view per screen, readable at the back of a room at 1280x720.

Presentation mode hides the sidebar, the header and the toolbar with CSS, enlarges type, and puts the source,
"data per" and the slide counter in a footer line on every slide; sample data get a watermark. Every value put
into the raw-HTML lines (takeaway, footer with the snapshot label) goes through :func:`dasbor.views.aman.html`.
"""

from __future__ import annotations

import streamlit as st

from dasbor.views import aman
from dasbor.views.dek.siap import DekSiap, SlideSiap

CSS_TAYANG = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem !important;
    max-width: 100% !important; }
h1 { font-size: 2.6rem !important; padding: 0 !important; }
.ringkas-slide { font-size: 1.55rem; color: #374151; margin: 0.2rem 0 0.6rem; }
.kaki-slide { font-size: 1rem; color: #4b5563; border-top: 1px solid #e5e7eb; padding-top: .4rem; }
.watermark-contoh { position: fixed; top: 42%; left: 18%; font-size: 8rem; font-weight: 800;
    color: rgba(220, 38, 38, 0.10); transform: rotate(-20deg); pointer-events: none; z-index: 1000; }
[data-testid="stMetricValue"] { font-size: 2.5rem !important; }
</style>
"""


def slide(dek: DekSiap, siap: SlideSiap, *, tinggi_grafik: int = 430) -> None:
    """Draw one slide: title, takeaway, chart or KPI cards, notes, footer."""
    if siap.contoh:
        st.markdown('<div class="watermark-contoh">DATA CONTOH</div>', unsafe_allow_html=True)
    st.title(siap.isi.judul)
    st.markdown(f'<div class="ringkas-slide">{aman.html(siap.isi.ringkas)}</div>', unsafe_allow_html=True)
    if siap.isi.kartu:
        kartu = siap.isi.kartu
        for baris in (kartu[:4], kartu[4:]):
            for kolom, k in zip(st.columns(4), baris, strict=False):
                kolom.metric(k.label, k.nilai, k.perubahan, border=True)
    elif siap.isi.fig is not None:
        fig = siap.isi.fig
        fig.update_layout(height=tinggi_grafik, font_size=18)
        st.plotly_chart(fig, key=f"slide_{siap.nomor}", config={"displayModeBar": False})
    for catatan in siap.isi.catatan:
        st.warning(catatan)
    st.markdown(
        f'<div class="kaki-slide">{aman.html(siap.kaki)} · {aman.html(dek.tanda_snapshot)} · '
        f"slide {siap.nomor} dari {len(dek.slide)}</div>",
        unsafe_allow_html=True,
    )
