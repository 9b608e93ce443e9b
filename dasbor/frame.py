"""The frame every page draws: page config, sidebar filters, sample banner, URL notes, source captions.

Each page calls :func:`halaman` itself instead of relying on ``app.py`` side effects: a page opened alone
(AppTest, or a future deep link) must draw the same frame as in the navigation.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import streamlit as st

from dasbor import data, formats, widgets

NAMA_APLIKASI = "Dasbor Industri Kalsel"
TEKS_CONTOH = "Data contoh, bukan data resmi"

_CSS = """
<style>
[data-testid="stMetricValue"] { font-size: 2.1rem; font-weight: 700; }
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricValue"] p,
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricLabel"] p,
[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricDelta"] p { white-space: normal !important; overflow: visible !important;
    text-overflow: clip !important; line-height: 1.15; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem; }
[data-testid="stMetricDelta"] { font-size: 1rem; }
[data-testid="stCaptionContainer"] { font-size: 0.95rem; }
</style>
"""


@dataclass(frozen=True)
class Filter:
    """The global filters of a page: the year and the kabupaten (empty = the whole province)."""

    tahun: int
    kab: tuple[str, ...]
    nama_wilayah: str


def _tahun_default(tahun: pl.DataFrame) -> tuple[list[int], int]:
    pilihan = sorted(int(t) for t in tahun["tahun"].to_list())
    lengkap = tahun.filter(pl.col("ada_ikm") & pl.col("ada_ekspor"))["tahun"].to_list()
    return pilihan, int(max(lengkap) if lengkap else max(pilihan))


def nama_wilayah(kab: tuple[str, ...], daftar: list[data.Kabupaten]) -> str:
    """How the selection is named in headings: the province, one name, or a count."""
    if not kab:
        return "Kalimantan Selatan"
    nama = {k.kode_bps: k.nama for k in daftar}
    if len(kab) <= 2:
        return " dan ".join(nama[k] for k in kab)
    return f"{len(kab)} kabupaten/kota"


IKON = "🏭"
"""A plain emoji favicon: ``:material/...:`` page icons make the browser fetch the SVG from fonts.gstatic.com,
which fails offline and leaks a request out of the meeting room."""


def halaman(judul: str) -> Filter:
    """Draw the frame of a page and return its filters. Stops the page with a clear message if the warehouse
    is missing, instead of a traceback."""
    st.set_page_config(page_title=f"{judul} · {NAMA_APLIKASI}", page_icon=IKON, layout="wide")
    st.markdown(_CSS, unsafe_allow_html=True)
    data.pastikan_terkini()
    try:
        daftar = data.daftar_kabupaten()
        pilihan, default = _tahun_default(data.tahun_tersedia())
    except FileNotFoundError as exc:
        st.error(str(exc))
        st.stop()
    st.sidebar.markdown(f"**{NAMA_APLIKASI}**")
    tahun = widgets.pilih_tahun(pilihan, default)
    kab = widgets.pilih_kabupaten(daftar)
    banner_contoh()
    st.title(judul)
    for catatan in widgets.catatan_url():
        st.warning(catatan, icon=":material/link_off:")
    return Filter(tahun, kab, nama_wilayah(kab, daftar))


def banner_contoh() -> None:
    """The sample-data banner, on every page whenever any table still holds generated data."""
    contoh = data.tabel_contoh()
    if contoh:
        st.warning(
            f"**{TEKS_CONTOH}.** Angka di halaman ini dibuat oleh generator data contoh untuk peragaan "
            f"(tabel: {', '.join(contoh)}).",
            icon=":material/science:",
        )


def keterangan_sumber(tabel: tuple[str, ...]) -> None:
    """Caption under a chart: its sources and the "data per" date, sample sources marked as such."""
    st.caption(teks_sumber(data.sumber_tabel(tabel)))


def teks_sumber(sumber: pl.DataFrame) -> str:
    """The caption text for a ``sumber_tabel`` frame."""
    if sumber.is_empty():
        return "Sumber: belum tercatat."
    nama = []
    for row in sumber.iter_rows(named=True):
        label = row["nama"] + (" (data contoh)" if row["jenis"] == "contoh" else "")
        nama.append(f"[{label}]({row['url']})" if row["url"] else label)
    per = sumber["tanggal_data"].max()
    return f"Sumber: {'; '.join(nama)} · data per {formats.tanggal(per)}"  # type: ignore[arg-type]


def segera_hadir(judul: str, isi: str) -> None:
    """Placeholder of a page whose issue has not landed yet: says so plainly, never raises."""
    halaman(judul)
    st.info(f"Segera hadir: {isi}", icon=":material/construction:")
