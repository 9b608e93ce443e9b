"""The frame every page draws: page config, sidebar filters, sample banner, URL notes, source captions.

Each page calls :func:`halaman` itself instead of relying on ``app.py`` side effects: a page opened alone
(AppTest, or a future deep link) must draw the same frame as in the navigation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from dasbor.ui import bagikan, data, masuk, presentasi, widgets
from dasbor.views import aman, captions, unduhan, url_state
from dasbor.views.captions import TEKS_CONTOH
from dasbor.views.saringan import nama_wilayah
from dasbor.warehouse import berkas, build, peran, settings, store

NAMA_APLIKASI = "Dasbor Industri Kalsel"

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
/* Tab labels wrap onto a second line instead of running off a narrow screen. */
[data-testid="stTabs"] [role="tablist"] { flex-wrap: wrap; row-gap: 0.25rem; overflow: visible; }
/* Phones (Streamlit stacks columns below 640 px): a row of KPI cards (a row of columns holding st.metric and no
   row of its own inside, so the two estates of Kawasan Industri still stack) wraps two per row with smaller
   numbers; the sample banner takes one line. */
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]
    [data-testid="stMetric"]):not(:has([data-testid="stHorizontalBlock"])) {
    flex-direction: row !important; flex-wrap: wrap !important; gap: 0.5rem !important; }
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]
    [data-testid="stMetric"]):not(:has([data-testid="stHorizontalBlock"]))
    > [data-testid="stColumn"] { flex: 1 1 calc(50% - 0.5rem) !important; width: calc(50% - 0.5rem) !important;
    min-width: calc(50% - 0.5rem) !important; max-width: calc(50% - 0.25rem) !important; }
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]
    [data-testid="stMetric"]):not(:has([data-testid="stHorizontalBlock"]))
    > [data-testid="stColumn"]:not(:has([data-testid="stMetric"])) { display: none; }
  [data-testid="stMetric"] { padding: 0.5rem 0.6rem !important; }
  [data-testid="stMetricValue"] { font-size: 1.35rem; }
  [data-testid="stMetricLabel"] p { font-size: 0.85rem; }
  [data-testid="stMetricDelta"] { font-size: 0.8rem; }
  .st-key-banner_contoh [data-testid="stAlertContentWarning"] p { white-space: nowrap; overflow: hidden;
    text-overflow: ellipsis; }
  .st-key-banner_contoh [data-testid="stAlert"] > div { padding: 0.5rem 0.75rem; }
  h1 { font-size: 1.9rem !important; }
  [data-testid="stPlotlyChart"], .js-plotly-plot { max-width: 100%; }
  [data-testid="stCode"] pre, [data-testid="stDataFrame"] { max-width: 100%; }
}
</style>
"""


def pastikan_navigasi() -> None:
    """Make a page opened by its own URL on a fresh server run inside ``app.py``'s navigation.

    Until some session has run ``app.py`` (which calls ``st.navigation``), Streamlit treats the ``pages/``
    folder as a legacy multipage app: ``/ekspor`` then runs ``pages/ekspor.py`` alone, with a sidebar of file
    names ("app", "ekspor", ...). Clearing that legacy flag and rerunning makes the runner execute ``app.py``,
    whose navigation resolves the same URL to the same page with the proper menu. The flag is Streamlit
    internals (1.67); if it moves, the page still works, only with the file-name menu.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - Streamlit moved it
        return
    if PagesManager.uses_pages_directory and (settings.PROJECT_ROOT / "app.py").exists():
        PagesManager.uses_pages_directory = False
        st.rerun()


def gaya() -> None:
    """The house CSS: large, wrapping KPI numbers that stay readable at the back of a meeting room.

    Also, once per server process and data folder, removes what a crash or a full disk left half-written in
    the shared decks and snapshots (:func:`store.bersihkan_sisa`), so it is never listed.
    """
    _bersihkan_sekali(str(settings.warehouse_path()))
    st.markdown(_CSS, unsafe_allow_html=True)


@st.cache_resource(show_spinner=False)
def _bersihkan_sekali(gudang: str) -> int:
    return len(store.bersihkan_sisa(Path(gudang)))


@dataclass(frozen=True)
class Filter:
    """The global filters of a page: the year and the kabupaten (empty = the whole province)."""

    tahun: int
    kab: tuple[str, ...]
    nama_wilayah: str


IKON = "🏭"
"""A plain emoji favicon: ``:material/...:`` page icons make the browser fetch the SVG from fonts.gstatic.com,
which fails offline and leaks a request out of the meeting room."""


def halaman(judul: str, *, saringan: bool = True) -> Filter:
    """Draw the frame of a page and return its filters. Stops the page with a clear message if the warehouse
    is missing, instead of a traceback. ``saringan=False`` leaves out the global filters (pages that have
    none, like Presentasi) and returns the defaults."""
    pastikan_navigasi()
    st.set_page_config(page_title=f"{judul} · {NAMA_APLIKASI}", page_icon=IKON, layout="wide")
    gaya()
    data.pastikan_terkini()
    try:
        daftar = data.daftar_kabupaten()
        pilihan, default = data.tahun_tersedia()
    except FileNotFoundError as exc:
        st.error(str(exc))
        st.stop()
    st.sidebar.markdown(f"**{NAMA_APLIKASI}**")
    tahun = widgets.pilih_tahun(pilihan, default) if saringan else default
    kab = widgets.pilih_kabupaten(daftar) if saringan else ()
    banner_contoh()
    peringatan_versi()
    st.title(judul)
    for catatan in widgets.catatan_url():
        st.warning(catatan, icon=":material/link_off:")
    return Filter(tahun, kab, nama_wilayah(kab, {k.kode_bps: k.nama for k in daftar}))


def salin_tautan() -> None:
    """The "Salin tautan" box at the foot of the sidebar: this page with its filters, ready to copy.

    Call it after every widget of the page has run, so the link holds the page's own filters too.
    """
    dasar = st.context.url or ""
    param = {k: st.query_params[k] for k in st.query_params}
    with st.sidebar.expander("Salin tautan", icon=":material/link:"):
        st.caption("Tautan ini membuka halaman yang sama dengan penyaring yang sama.")
        st.code(url_state.tautan(dasar, param), language=None, wrap_lines=True)


def _versi_dek() -> float:
    """Modification time of the decks file (0 when none is saved yet): the cache key of the deck names."""
    path = store.folder() / "dek.json"
    return path.stat().st_mtime if path.exists() else 0.0


def tombol_presentasi(tampilan: str) -> None:
    """ "Tambah ke presentasi": save this chart with the page's current filters into a named deck; beside it
    "Bagikan" (:mod:`dasbor.ui.bagikan`), the WhatsApp card of the same view, for everyone.

    Adding to a deck is only for a penyaji or an admin; anonymous visitors and operators see only "Bagikan" here
    (the Presentasi page carries the "masuk" hint). :func:`store.tambah_slide` checks the role again.
    """
    baris = st.container(horizontal=True)
    with baris:
        siapa = masuk.pengguna()
        if peran.boleh(siapa, "penyaji"):
            _tambah_ke_presentasi(tampilan, siapa)
        bagikan.tombol(tampilan)


def _tambah_ke_presentasi(tampilan: str, siapa: peran.Pengguna | None) -> None:
    with st.popover("Tambah ke presentasi", icon=":material/add_to_queue:"):
        nama = st.selectbox(
            "Presentasi",
            list(presentasi.nama_dek(_versi_dek())),
            key=f"_dek_{tampilan}",
            accept_new_options=True,
            help="Pilih presentasi atau ketik nama baru.",
        )
        if st.button("Tambahkan", key=f"_tambah_{tampilan}", type="primary") and nama:
            param = {k: st.query_params[k] for k in st.query_params}
            try:
                dek = store.tambah_slide(str(nama), store.Slide(tampilan, param), oleh=siapa)
            except (store.DeckError, peran.TidakBoleh, berkas.DiskGagal) as exc:
                st.error(str(exc))
            else:
                st.success(f"Ditambahkan ke {aman.kode(dek.nama)} sebagai slide {len(dek.slide)}.")


def peringatan_versi() -> None:
    """Say so when the warehouse was built by an older version of the code (pages may lack tables)."""
    try:
        versi = data.versi_gudang()
    except Exception:  # noqa: BLE001 - a warehouse without meta predates versioning
        versi = None
    if versi != build.versi_skema():
        st.error(
            "Gudang data dibangun oleh versi aplikasi yang lebih lama; sebagian halaman bisa gagal. Jalankan "
            "`make data`: gudang data dibangun ulang dari data contoh dan arsip impor kantor.",
            icon=":material/update:",
        )


def pilih_pemisah_csv(wadah: Any, *, key: str = "unduh_pemisah") -> unduhan.Pemisah:
    """CSV separator: ``;`` with decimal commas for Excel in Indonesian settings (default) or ``,``."""
    return unduhan.pemisah(
        wadah.segmented_control(
            "Pemisah CSV",
            [";", ","],
            format_func={";": "; (Excel Indonesia)", ",": ", (internasional)"}.__getitem__,
            default=";",
            required=True,
            key=key,
        )
    )


def tombol_unduhan(
    ambil: Callable[[], pl.DataFrame],
    keterangan: Sequence[tuple[str, str]],
    nama_berkas: str,
    *,
    pemisah: unduhan.Pemisah,
    contoh: bool,
    kolom: Sequence[Any],
) -> None:
    """CSV, XLSX and Parquet buttons for exactly the filtered view. The table is built only on a click
    (``ambil`` is called then), so an unused download costs nothing on every rerun."""
    tulis: list[tuple[str, str, Callable[[], bytes]]] = [
        ("CSV", "csv", lambda: unduhan.ke_csv(ambil(), pemisah=pemisah, contoh=contoh)),
        ("XLSX", "xlsx", lambda: unduhan.ke_xlsx(ambil(), keterangan, contoh=contoh)),
        ("Parquet", "parquet", lambda: unduhan.ke_parquet(ambil(), keterangan, contoh=contoh)),
    ]
    for wadah, (label, akhiran, isi) in zip(kolom, tulis, strict=True):
        wadah.download_button(
            label,
            data=isi,
            file_name=f"{nama_berkas}.{akhiran}",
            mime=unduhan.MIME[akhiran],
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )


def banner_contoh() -> None:
    """The sample-data banner, on every page whenever any table still holds generated data."""
    contoh = data.tabel_contoh()
    if contoh:
        st.container(key="banner_contoh").warning(
            f"**{TEKS_CONTOH}.** Angka di halaman ini dibuat oleh generator data contoh untuk peragaan "
            f"(tabel: {', '.join(contoh)}).",
            icon=":material/science:",
        )


def keterangan_sumber(tabel: tuple[str, ...]) -> None:
    """Caption under a chart: its sources and the "data per" date, sample sources marked as such."""
    st.caption(captions.teks_sumber(data.sumber_tabel(tabel)))


def segera_hadir(judul: str, isi: str) -> None:
    """Placeholder of a page whose issue has not landed yet: says so plainly, never raises."""
    halaman(judul)
    st.info(f"Segera hadir: {isi}", icon=":material/construction:")


def jumlah_catatan_url() -> int:
    """How many URL notes the session holds; a page reads it right after :func:`halaman`."""
    return len(widgets.catatan_url())


def catatan_url_baru(sejak: int) -> None:
    """Show the URL notes recorded after :func:`halaman` drew its own, by the page's own filters.

    A page's filters are read after the frame, so their notes would otherwise appear only on the next rerun.
    """
    for catatan in widgets.catatan_url()[sejak:]:
        st.warning(catatan, icon=":material/link_off:")
