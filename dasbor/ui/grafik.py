"""One chart as every page draws it: the chart, its note, the source caption and the deck/share buttons.

Pages used to repeat, for each chart, ``st.plotly_chart(figur.tersimpan(...), key=...)``, a caption, then
``frame.keterangan_sumber(...)`` and ``frame.tombol_presentasi(...)``; :func:`grafik` is that sequence, in that
order. A chart over time (``waktu=True``) goes through :func:`dasbor.ui.peristiwa.grafik_waktu` so it carries
the office's event lines. Where several charts (tabs, two columns) share one source line, the page draws the
charts with ``sumber=()`` and closes the group with :func:`penutup`.

Widget keys are passed through unchanged: URL state and the browser tests depend on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from dasbor.ui import bagikan, frame, peristiwa


def _di(wadah: Any) -> Any:
    """``with _di(wadah):`` draws into ``wadah`` (a column, tab or container), or where the page is now."""
    return wadah if wadah is not None else nullcontext()


def grafik(
    fig: go.Figure,
    *,
    key: str,
    sumber: Sequence[str] = (),
    dek: str | None = None,
    catatan: str | None = None,
    wadah: Any = None,
    waktu: bool = False,
    kab: Sequence[str] = (),
    rantai: Sequence[str] = (),
    daftar_di: Any = None,
    **kwargs: Any,
) -> Any:
    """Draw ``fig`` under ``key``, then (each only when given) the ``catatan`` caption, the source caption of
    the tables ``sumber`` and the "Tambah ke presentasi"/"Bagikan" buttons of the view ``dek``.

    ``waktu=True`` adds the events that concern ``kab`` and ``rantai`` (listed under the chart, or in
    ``daftar_di``). Other keyword arguments go to ``st.plotly_chart`` (``config``, ``on_select`` ...); its
    return value (the selection, with ``on_select``) is returned.
    """
    hasil: Any = None
    if waktu:
        peristiwa.grafik_waktu(fig, key=key, kab=kab, rantai=rantai, wadah=wadah, daftar_di=daftar_di, **kwargs)
    else:
        hasil = (wadah if wadah is not None else st).plotly_chart(fig, key=key, **kwargs)
    penutup(sumber, dek=dek, catatan=catatan, wadah=wadah)
    if not dek:  # a chart with a deck view gets "Bagikan" beside "Tambah ke presentasi"; every other one here
        with _di(wadah):
            bagikan.tombol_grafik(fig, key=key, sumber=sumber)
    return hasil


def penutup(
    sumber: Sequence[str] = (),
    *,
    dek: str | None = None,
    catatan: str | None = None,
    wadah: Any = None,
) -> None:
    """The foot of a chart or of a group of charts: note caption, source caption, deck/share buttons."""
    with _di(wadah):
        if catatan:
            st.caption(catatan)
        if sumber:
            frame.keterangan_sumber(tuple(sumber))
        if dek:
            frame.tombol_presentasi(dek)
