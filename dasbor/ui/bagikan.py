"""The "Bagikan" action beside "Tambah ke presentasi": a WhatsApp card of the chart as the reader sees it.

The card is the deck's own rendering of the view with the page's current filters (so the numbers, footer and
sample label are those of a slide), made only when asked: kaleido draws the chart in about 0.3 s once its
browser is running. One card is made at a time per server process (kaleido's browser is shared).
"""

from __future__ import annotations

import threading

import streamlit as st

from dasbor.views import url_state
from dasbor.views.dek import kartu, slides
from dasbor.warehouse import settings, store

_KUNCI = threading.Lock()


def _buat(tampilan: str, param: dict[str, str], tautan: str) -> tuple[bytes, str]:
    dek = store.Dek("Bagikan", [store.Slide(tampilan, param)])
    with _KUNCI:
        siap = slides.siapkan(dek, settings.warehouse_path()).slide[0]
        return kartu.kartu_png(siap, tautan), kartu.pesan(siap, tautan)


def tombol(tampilan: str) -> None:
    """ "Bagikan": make the 1080 x 1080 PNG and the message to paste, for this view with the current filters."""
    param = {k: st.query_params[k] for k in st.query_params}
    tautan = url_state.tautan(st.context.url or settings.url_publik(), param)
    kunci = f"_kartu_{tampilan}"
    with st.popover("Bagikan", icon=":material/share:"):
        st.caption("Kartu 1080×1080 untuk WhatsApp: grafik, ringkasan, sumber, dan kode QR tautan tampilan ini.")
        if st.button("Buat kartu", key=f"_buat_{tampilan}", type="primary"):
            with st.spinner("Membuat kartu ..."):
                st.session_state[kunci] = (tautan, *_buat(tampilan, param, tautan))
        tersimpan = st.session_state.get(kunci)
        if tersimpan is not None and tersimpan[0] == tautan:
            _, png, pesan = tersimpan
            st.image(png, width=240)
            st.download_button(
                "Unduh kartu (PNG)",
                data=png,
                file_name=f"kartu-{tampilan.replace('.', '-')}.png",
                mime="image/png",
                icon=":material/download:",
                on_click="ignore",
                key=f"_unduh_kartu_{tampilan}",
            )
            st.caption("Pesan untuk ditempel:")
            st.code(pesan, language=None, wrap_lines=True)
