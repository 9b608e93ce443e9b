"""Reusable filter inputs, bound to the URL, returning plain values.

Streamlit's own ``bind="query-params"`` stores the *label* of an option and silently drops values it does
not know; the office wants BPS codes in the URL (``?kab=6303,6310``) and a visible note when a shared link is
wrong. So the binding is done here: the URL seeds the widget once per session, every change is written back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import polars as pl
import streamlit as st

from dasbor.ui.data import Kabupaten
from dasbor.views import aman, ikm, url_state

_CATATAN = "_catatan_url"


def _catat(catatan: str | None) -> None:
    if catatan:
        st.session_state.setdefault(_CATATAN, [])
        if catatan not in st.session_state[_CATATAN]:
            st.session_state[_CATATAN].append(catatan)


def catatan_url() -> list[str]:
    """Notes about URL parameters that could not be used, for the page to show."""
    return list(st.session_state.get(_CATATAN, []))


def _bawa_ke_halaman_ini(key: str) -> None:
    """Keep a global filter's value when the user moves to another page.

    Streamlit ties a widget's value to the page that drew it: the same key drawn on the next page is a new
    widget, which starts at its first option, so Ringkasan at 2025 became Ekspor at 2020 and the chosen
    kabupaten were dropped. Writing the value back under its key before the widget is drawn makes it the new
    widget's value (Streamlit's documented way to carry widget state across pages).
    """
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]


def pilih_tahun(pilihan: Sequence[int], default: int, *, key: str = "tahun") -> int:
    """Year selector in the sidebar, bound to ``?tahun=``; the year stays when the user changes page."""
    _bawa_ke_halaman_ini(key)
    if key not in st.session_state:
        nilai, catatan = url_state.parse_tahun(st.query_params.get(key), pilihan, default)
        _catat(catatan)
        st.session_state[key] = nilai
    elif st.session_state[key] not in pilihan:
        st.session_state[key] = default
    tahun = int(st.sidebar.selectbox("Tahun", options=list(pilihan), key=key))
    st.query_params[key] = str(tahun)
    return tahun


def pilih_kabupaten(daftar: Sequence[Kabupaten], *, key: str = "kab") -> tuple[str, ...]:
    """Kabupaten/kota multiselect in the sidebar (empty = the whole province), bound to ``?kab=``; the choice
    stays when the user changes page."""
    _bawa_ke_halaman_ini(key)
    kode = [k.kode_bps for k in daftar]
    nama = {k.kode_bps: k.nama for k in daftar}
    if key not in st.session_state:
        nilai, catatan = url_state.parse_kab(st.query_params.get(key), kode)
        _catat(catatan)
        st.session_state[key] = list(nilai)
    terpilih = st.sidebar.multiselect(
        "Kabupaten/kota",
        options=kode,
        format_func=lambda k: nama.get(k, k),
        key=key,
        placeholder="Seluruh provinsi",
        help="Kosongkan untuk seluruh Kalimantan Selatan.",
    )
    hasil = tuple(k for k in kode if k in set(terpilih))
    if hasil:
        st.query_params[key] = url_state.format_kab(hasil)
    elif key in st.query_params:
        del st.query_params[key]
    return hasil


def saring_kabupaten(kode: Sequence[str], *, key: str = "kab") -> None:
    """Set the global kabupaten filter, as a button's ``on_click``: Streamlit lets a widget's value be set only
    before the widget is drawn, i.e. in a callback, which runs before the next run of the page."""
    st.session_state[key] = list(kode)


def pilih_banyak(
    label: str,
    key: str,
    pilihan: Sequence[str],
    *,
    label_pilihan: dict[str, str] | None = None,
    wadah: Any = None,
    placeholder: str = "Semua",
) -> tuple[str, ...]:
    """A multiselect bound to ``?<key>=a,b`` (URL values are the raw option values, not labels).

    ``wadah`` is where to draw it (``st.sidebar``, a column, an expander); the main area by default. An empty
    selection means "all" and removes the parameter from the URL.
    """
    if key not in st.session_state:
        nilai, catatan = url_state.parse_pilihan(key, st.query_params.get(key), pilihan)
        _catat(catatan)
        st.session_state[key] = list(nilai)
    nama = label_pilihan or {}
    terpilih = (wadah or st).multiselect(
        label, options=list(pilihan), format_func=lambda v: nama.get(v, v), key=key, placeholder=placeholder
    )
    hasil = tuple(v for v in pilihan if v in set(terpilih))
    if hasil:
        st.query_params[key] = ",".join(hasil)
    elif key in st.query_params:
        del st.query_params[key]
    return hasil


def pilih_daftar(
    label: str, key: str, pilihan: Sequence[str], *, wadah: Any = None, label_pilihan: dict[str, str] | None = None
) -> str:
    """A selectbox bound to ``?<key>=value``; an unknown value falls back to the first option with a note."""
    if key not in st.session_state:
        raw = st.query_params.get(key)
        if raw is not None and raw not in pilihan:
            _catat(
                f"Parameter URL {aman.param(key, raw)} tidak dikenal (pilihan: {aman.markdown(', '.join(pilihan))}); "
                f"diganti {aman.kode(pilihan[0])}."
            )
        st.session_state[key] = raw if raw in pilihan else pilihan[0]
    elif st.session_state[key] not in pilihan:
        st.session_state[key] = pilihan[0]
    nama = label_pilihan or {}
    nilai = str((wadah or st).selectbox(label, options=list(pilihan), key=key, format_func=lambda v: nama.get(v, v)))
    st.query_params[key] = nilai
    return nilai


def nomor_slide(jumlah: int, *, key: str = "slide") -> int:
    """The slide number in ``?slide=``, clamped to 1..jumlah (a stale link never raises)."""
    nomor = url_state.angka_ascii(st.query_params.get(key, "1")) or 1
    nomor = min(max(nomor, 1), jumlah)
    st.query_params[key] = str(nomor)
    return nomor


def set_nomor_slide(nomor: int, *, key: str = "slide") -> None:
    """Go to slide ``nomor`` (rerun at once so the button press shows the new slide)."""
    st.query_params[key] = str(nomor)
    st.rerun()


def pilih_satu(
    label: str,
    key: str,
    pilihan: Sequence[str],
    default: str,
    *,
    label_pilihan: dict[str, str] | None = None,
    wadah: Any = None,
    bantuan: str | None = None,
) -> str:
    """One of a few choices as a segmented control, bound to ``?<key>=value``; the default is left out of the URL.

    Used for view choices (``mata_uang=usd|rp``, ``periode=tahunan|bulanan``) and yes/no/all filters.
    """
    if key not in st.session_state:
        nilai, catatan = url_state.parse_satu(key, st.query_params.get(key), pilihan, default)
        _catat(catatan)
        st.session_state[key] = nilai
    nama = label_pilihan or {}
    hasil = (wadah or st).segmented_control(
        label,
        options=list(pilihan),
        format_func=lambda v: nama.get(v, v),
        key=key,
        required=True,
        help=bantuan,
    )
    terpilih = str(hasil) if hasil in pilihan else default
    if terpilih != default:
        st.query_params[key] = terpilih
    elif key in st.query_params:
        del st.query_params[key]
    return terpilih


def pilih_rentang(label: str, key: str, batas: tuple[int, int], *, wadah: Any = None) -> tuple[int, int] | None:
    """A year-range slider bound to ``?<key>=awal-akhir``; returns None while it spans all of ``batas``."""
    if key not in st.session_state:
        nilai, catatan = url_state.parse_rentang(key, st.query_params.get(key), batas)
        _catat(catatan)
        st.session_state[key] = nilai or batas
    awal, akhir = (wadah or st).slider(label, min_value=batas[0], max_value=batas[1], key=key, step=1)
    rentang = (int(awal), int(akhir))
    if rentang != batas:
        st.query_params[key] = url_state.format_rentang(rentang)
        return rentang
    if key in st.query_params:
        del st.query_params[key]
    return None


def tab_terbuka(label: Sequence[str], key: str, *, wadah: Any = None) -> list[Any]:
    """Tabs of which only the open one is drawn (check ``tab.open``), bound to ``?<key>=<label>`` so a shared
    link opens the same tab.

    Streamlit otherwise runs and sends the content of every tab on every view: the Ekspor page built and sent
    15 figures per view, of which a reader sees 7. Opening another tab is then a rerun of the page, served from
    the caches.
    """
    return list((wadah or st).tabs(list(label), key=key, bind="query-params"))


def kotak_cari(label: str, key: str, *, wadah: Any = None, placeholder: str = "") -> str:
    """A free-text search box bound to ``?<key>=teks``; returns the trimmed text ("" = no search)."""
    if key not in st.session_state:
        nilai, catatan = url_state.parse_cari(key, st.query_params.get(key))
        _catat(catatan)
        st.session_state[key] = nilai
    teks = " ".join(str((wadah or st).text_input(label, key=key, placeholder=placeholder)).split())
    teks = teks[: url_state.PANJANG_CARI]
    if teks:
        st.query_params[key] = teks
    elif key in st.query_params:
        del st.query_params[key]
    return teks


def halaman_tabel(jumlah: int, ambil: Callable[[int], pl.DataFrame], *, key: str = "hal") -> int:
    """A table of ``jumlah`` rows shown a page at a time (:data:`ikm.UKURAN_HALAMAN` rows): the table, the line
    "rows a-b of n" under it, and the page numbers below. ``ambil(awal)`` gives the displayed frame starting at
    1-based row ``awal``; only that page is read. A page number left over from a wider filter goes back to 1.
    Returns the page shown."""
    n_hal = ikm.jumlah_halaman(jumlah)
    if st.session_state.get(key, 1) > n_hal:
        st.session_state[key] = 1
    tempat_tabel = st.container()
    hal = int(st.pagination(n_hal, key=key, max_visible_pages=9))
    awal, _ = ikm.rentang_baris(hal, jumlah)
    tabel = ambil(awal)
    tempat_tabel.dataframe(tabel, hide_index=True, height=37 * tabel.height + 40)
    tempat_tabel.caption(ikm.keterangan_halaman(hal, jumlah))
    return hal
