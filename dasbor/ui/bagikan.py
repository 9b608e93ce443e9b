"""The "Bagikan" action beside "Tambah ke presentasi": a WhatsApp card of the chart as the reader sees it.

The card is the deck's own rendering of the view with the page's current filters (so the numbers, footer and
sample label are those of a slide); a chart that no deck view draws is carded from the figure on the screen,
with the same footer. Made only when asked: kaleido draws the chart in about 0.3 s once its
browser is running. One card is made at a time per server process (kaleido's browser is shared).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import plotly.graph_objects as go
import streamlit as st

from dasbor.ui import data
from dasbor.views import captions, url_state
from dasbor.views.dek import kartu, slides, tampilan
from dasbor.views.dek.siap import SlideSiap
from dasbor.warehouse import settings, store

_KUNCI = threading.Lock()


def _buat(tampilan: str, param: dict[str, str], tautan: str) -> tuple[bytes, str]:
    dek = store.Dek("Bagikan", [store.Slide(tampilan, param)])
    with _KUNCI:
        siap = slides.siapkan(dek, settings.warehouse_path()).slide[0]
        return kartu.kartu_png(siap, tautan), kartu.pesan(siap, tautan)


def _judul(fig: go.Figure) -> str:
    """A chart's own title, else the dashboard's name (pages title their charts with a subheader)."""
    teks = fig.layout.title.text if fig.layout.title is not None else None
    return str(teks) if teks else "Dasbor Industri Kalsel"


def _dari_grafik(fig: go.Figure, sumber: Sequence[str], judul: str | None, tautan: str) -> tuple[bytes, str]:
    """A card of a chart that no deck view draws: the figure as shown, with the same footer a slide gets."""
    sumber_df = data.sumber_tabel(tuple(sumber)) if sumber else None
    kaki = captions.teks_sumber(sumber_df, markdown=False) if sumber_df is not None else ""
    contoh = sumber_df is not None and captions.ada_contoh(sumber_df)
    if contoh:
        kaki = f"{captions.TEKS_CONTOH} · {kaki}"
    siap = SlideSiap(1, tampilan.Isi(judul or _judul(fig), "", tuple(sumber), fig=fig), kaki, contoh)
    with _KUNCI:
        return kartu.kartu_png(siap, tautan), kartu.pesan(siap, tautan)


def _popover(kunci: str, buat: Callable[[str], tuple[bytes, str]]) -> None:
    """The "Bagikan" popover: make the card on request, show it, offer the PNG and the message to paste."""
    param = {k: st.query_params[k] for k in st.query_params}
    tautan = url_state.tautan(st.context.url or settings.url_publik(), param)
    simpan = f"_kartu_{kunci}"
    with st.popover("Bagikan", icon=":material/share:"):
        st.caption("Kartu 1080×1080 untuk WhatsApp: grafik, ringkasan, sumber, dan kode QR tautan tampilan ini.")
        if st.button("Buat kartu", key=f"_buat_{kunci}", type="primary"):
            with st.spinner("Membuat kartu ..."):
                st.session_state[simpan] = (tautan, *buat(tautan))
        tersimpan = st.session_state.get(simpan)
        if tersimpan is not None and tersimpan[0] == tautan:
            _, png, pesan = tersimpan
            st.image(png, width=240)
            st.download_button(
                "Unduh kartu (PNG)",
                data=png,
                file_name=f"kartu-{kunci.replace('.', '-')}.png",
                mime="image/png",
                icon=":material/download:",
                on_click="ignore",
                key=f"_unduh_kartu_{kunci}",
            )
            st.caption("Pesan untuk ditempel:")
            st.code(pesan, language=None, wrap_lines=True)


def tombol(tampilan: str) -> None:
    """ "Bagikan": make the 1080 x 1080 PNG and the message to paste, for this view with the current filters."""
    param = {k: st.query_params[k] for k in st.query_params}
    _popover(tampilan, lambda tautan: _buat(tampilan, param, tautan))


def tombol_grafik(fig: go.Figure, *, key: str, sumber: Sequence[str] = (), judul: str | None = None) -> None:
    """ "Bagikan" under a chart that no deck view draws: the card is made from the figure on the screen."""
    _popover(key, lambda tautan: _dari_grafik(fig, sumber, judul, tautan))
