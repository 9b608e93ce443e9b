"""Events on the page's time charts: the chart with its event lines and, under it, the numbered list.

Pages call :func:`grafik_waktu` instead of ``st.plotly_chart`` for every chart over time. The list is drawn
with ``st.text``-like escaping (titles are typed by people): never as Markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from dasbor.ui import figur
from dasbor.views import peristiwa as tampil
from dasbor.warehouse import peristiwa as simpanan
from dasbor.warehouse import settings
from dasbor.warehouse.peristiwa import Peristiwa


def _versi() -> float:
    path = simpanan.path()
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_data(show_spinner=False, max_entries=4)
def _baca(versi: float, gudang: str) -> list[Peristiwa]:
    """Every event, per file version (the key changes when anyone saves)."""
    del versi, gudang
    return simpanan.baca()


def daftar() -> list[Peristiwa]:
    """Every event of the office (the seed until someone edits)."""
    return _baca(_versi(), str(settings.warehouse_path()))


def _polos(teks: str) -> str:
    """Escape Markdown so a typed title shows as written (``st.caption`` renders Markdown)."""
    for tanda in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "$", "~"):
        teks = teks.replace(tanda, f"\\{tanda}")
    return teks


def grafik_waktu(
    fig: go.Figure,
    *,
    key: str,
    kab: Sequence[str] = (),
    rantai: Sequence[str] = (),
    wadah: Any = None,
    daftar_di: Any = None,
    **kwargs: Any,
) -> None:
    """Draw a time chart with the events that concern ``kab`` and ``rantai`` and list them under it, or in
    ``daftar_di`` (a container the page placed elsewhere, e.g. below a row that must print on one page).

    ``fig`` is a shared figure from :func:`dasbor.ui.figur.tersimpan`; the marked copy is cached by that
    figure's identity and the event list, so each view reuses it instead of copying the figure again."""
    tempat = wadah if wadah is not None else st
    kena = [p for p in daftar() if p.menyangkut(tuple(kab), tuple(rantai))]
    tempat.plotly_chart(figur.tersimpan(tampil.tandai, fig, tuple(kena)), key=key, **kwargs)
    baris = tampil.daftar_teks(fig, kena)
    if baris:
        teks = "Catatan peristiwa (sumber di halaman Tindak Lanjut): " + "; ".join(_polos(b) for b in baris)
        (daftar_di if daftar_di is not None else tempat).container(key=f"peristiwa_{key}").caption(teks)
