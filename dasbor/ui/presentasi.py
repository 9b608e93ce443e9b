"""The presenter's cached data: rendered decks, deck names and the comparison with a snapshot.

Kept apart from :mod:`dasbor.ui.data` (one function per page query) because it reads decks and snapshots, not
the live warehouse connection. Decks stay on ``st.cache_data``: presentation mode resizes a slide's figure, and
that must change a copy.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import streamlit as st

from dasbor.views.dek import banding, siap, slides
from dasbor.warehouse import store
from dasbor.warehouse.db import Gudang


@st.cache_data(show_spinner="Menyiapkan slide ...")
def dek_siap(dek_json: str, warehouse: str) -> siap.DekSiap:
    """A deck rendered from its JSON form (the cache key changes whenever the deck is edited)."""
    return slides.siapkan(store.dek_dari_json(dek_json), Path(warehouse))


@st.cache_data(show_spinner=False)
def nama_dek(versi: float) -> tuple[str, ...]:
    """Deck names, read from disk once per version of the decks file (``versi`` is its modification time), not
    once per "Tambah ke presentasi" button on every rerun."""
    return tuple(d.nama for d in store.baca_dek())


@st.cache_data(show_spinner="Membandingkan dengan snapshot ...")
def banding_snapshot(snapshot: str, warehouse: str) -> tuple[int, pl.DataFrame]:
    """Year compared and the KPI changes per kabupaten between a snapshot and the current warehouse."""
    path = Path(warehouse)
    snap = store.ambil_snapshot(snapshot, path)
    with Gudang(store.path_snapshot(snap, path)) as lama, Gudang(path) as baru:
        tahun = banding.tahun_bersama(lama, baru)
        return tahun, banding.bandingkan(lama, baru, tahun)
