"""The page-facing data API: one typed, cached function per named query.

Cache keys are small hashable values (ints, strings, tuples of BPS codes), never frames or connections. The
connection is read-only and shared across sessions; ``db.run_query`` opens a cursor per call.

Query results are cached with ``st.cache_resource``: every session gets the same frame, not a copy.
``st.cache_data`` unpickles a fresh copy on every call, which was 11 % of the server's CPU with 30 sessions
(py-spy, scale 1). Sharing is safe because a polars frame is only changed by its few in-place methods,
which this code does not use (``tests/test_data_bersama.py`` lists them and checks). The presenter's decks
are cached in :mod:`dasbor.ui.presentasi`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import polars as pl
import streamlit as st

from dasbor.views import narasi, saringan, sel_kecil
from dasbor.views.filter_ikm import FilterIkm
from dasbor.views.ikm import KELOMPOK_REKAP
from dasbor.warehouse import batas, db, settings
from dasbor.warehouse.batas import Batas
from dasbor.warehouse.impor.riwayat import KOLOM_LOG

hasil_bersama = st.cache_resource(show_spinner=False)
"""The cache of a query result shared by every session (see the module docstring)."""


@st.cache_resource(show_spinner=False)
def warehouse() -> db.Connection:
    """Read-only connection to the warehouse named by ``DASBOR_WAREHOUSE``."""
    path = settings.warehouse_path()
    if not path.exists():
        raise FileNotFoundError(
            f"Gudang data {path} belum ada. Jalankan `make data` (atau `python -m dasbor.build`) lebih dulu."
        )
    return db.connect(path, read_only=True)


def _run(name: str, **params: object) -> pl.DataFrame:
    return db.run_query(warehouse(), name, **params)


@hasil_bersama
def wilayah() -> pl.DataFrame:
    """The 13 kabupaten/kota with names and leading industry."""
    return _run("wilayah")


@hasil_bersama
def tahun_tersedia() -> tuple[tuple[int, ...], int]:
    """Years with registry or export data, and the default year (:func:`dasbor.views.saringan.tahun_pilihan`)."""
    return saringan.tahun_pilihan(_run("tahun_tersedia"))


@hasil_bersama
def kpi_ringkasan(tahun: int, kab: tuple[str, ...]) -> pl.DataFrame:
    """KPI row for ``tahun`` and the year before, for the chosen kabupaten (empty = province)."""
    return _run("kpi_ringkasan", tahun=tahun, kab=list(kab))


@hasil_bersama
def tren_tahunan(kab: tuple[str, ...]) -> pl.DataFrame:
    """IKM and exports per year."""
    return _run("tren_tahunan", kab=list(kab))


@hasil_bersama
def ekspor_rantai_tahap(tahun: int, kab: tuple[str, ...]) -> pl.DataFrame:
    """Export value per chain and stage in ``tahun``."""
    return _run("ekspor_rantai_tahap", tahun=tahun, kab=list(kab))


@hasil_bersama
def sumber_tabel(tabel: tuple[str, ...]) -> pl.DataFrame:
    """Sources cited by the given warehouse tables."""
    return _run("sumber_tabel", tabel=list(tabel))


@hasil_bersama
def tabel_contoh() -> tuple[str, ...]:
    """Warehouse tables that still hold generated sample data."""
    return tuple(_run("tabel_contoh")["tabel"].to_list())


@hasil_bersama
def versi_gudang() -> str | None:
    """The schema version the warehouse was built with."""
    versi = _run("versi_gudang")["versi_skema"][0]
    return str(versi) if versi is not None else None


@dataclass(frozen=True)
class Kabupaten:
    """A kabupaten/kota as the filters need it."""

    kode_bps: str
    nama: str


def daftar_kabupaten() -> list[Kabupaten]:
    """The kabupaten list in BPS code order (the order of the province's own tables)."""
    return [Kabupaten(r["kode_bps"], r["nama"]) for r in wilayah().iter_rows(named=True)]


def nama_kabupaten() -> dict[str, str]:
    """BPS code -> name of every kabupaten/kota."""
    return {k.kode_bps: k.nama for k in daftar_kabupaten()}


# --- IKM dan Ekspor & Hilirisasi ---
# FilterIkm is a frozen dataclass of tuples, strings, booleans and ints: Streamlit hashes it by value, so it is
# as small a cache key as the tuples it holds.


@hasil_bersama
def ikm_pilihan() -> pl.DataFrame:
    """Values of the IKM page's categorical filters (jenis, nilai, label)."""
    return _run("ikm_pilihan")


@hasil_bersama
def ikm_rentang_berdiri() -> tuple[int, int]:
    """Earliest and latest founding year in the registry: the bounds of the founding-year slider."""
    row = _run("ikm_rentang_berdiri").row(0)
    return int(row[0]), int(row[1])


@hasil_bersama
def ikm_ringkasan(f: FilterIkm) -> pl.DataFrame:
    """Filtered registry totals for the chosen year and the year before."""
    return _run("ikm_ringkasan", **f.params())


@hasil_bersama
def ikm_per_sektor(f: FilterIkm) -> pl.DataFrame:
    """Filtered registry per sektor in the chosen year."""
    return _run("ikm_per_sektor", **f.params())


@hasil_bersama
def ikm_per_kbli(f: FilterIkm) -> pl.DataFrame:
    """Filtered registry per KBLI division in the chosen year."""
    return _run("ikm_per_kbli", **f.params())


@hasil_bersama
def ikm_per_kabupaten(f: FilterIkm) -> pl.DataFrame:
    """Filtered registry per kabupaten/kota in the chosen year."""
    return _run("ikm_per_kabupaten", **f.params())


@hasil_bersama
def ikm_per_tahun(f: FilterIkm) -> pl.DataFrame:
    """Filtered registry per registry year."""
    return _run("ikm_per_tahun", **f.params())


@hasil_bersama
def ikm_rekap(f: FilterIkm) -> pl.DataFrame:
    """Filtered registry per kabupaten x sektor in the chosen year (the aggregate download)."""
    return _run("ikm_rekap", **f.params())


@st.cache_resource(show_spinner=False, max_entries=64)
def ikm_daftar(f: FilterIkm, batas: int, mulai: int = 0) -> pl.DataFrame:
    """One page of firms of the filtered registry: ``batas`` rows from ``mulai``."""
    return _run("ikm_daftar", **f.params(), batas=batas, mulai=mulai)


@st.cache_resource(show_spinner=False, max_entries=2)
def ikm_daftar_unduhan(f: FilterIkm) -> pl.DataFrame:
    """Every firm of the filtered registry, for the download. Kept apart from the pages of the table so that
    at most two full lists (about 20 MB each at 73,000 firms) stay in memory."""
    return _run("ikm_daftar", **f.params(), batas=None, mulai=0)


@hasil_bersama
def ekspor_pilihan() -> pl.DataFrame:
    """Values of the export page's chain and stage filters (jenis, nilai)."""
    return _run("ekspor_pilihan")


@hasil_bersama
def ekspor_indeks(tahun: int, kab: tuple[str, ...], rantai: tuple[str, ...], tahap: tuple[str, ...]) -> pl.DataFrame:
    """Indeks Hilirisasi (with and without coal), export value and coal's share: ``tahun`` and the year before."""
    return _run("ekspor_indeks", tahun=tahun, kab=list(kab), rantai=list(rantai), tahap=list(tahap))


@hasil_bersama
def ekspor_indeks_rantai(tahun: int, kab: tuple[str, ...], rantai: tuple[str, ...]) -> pl.DataFrame:
    """Each chain's own index in ``tahun`` and the year before."""
    return _run("ekspor_indeks_rantai", tahun=tahun, kab=list(kab), rantai=list(rantai))


@hasil_bersama
def ekspor_deret(periode: str, kab: tuple[str, ...], rantai: tuple[str, ...], tahap: tuple[str, ...]) -> pl.DataFrame:
    """Export value per period (``tahunan`` or ``bulanan``) x chain x stage."""
    return _run("ekspor_deret", periode=periode, kab=list(kab), rantai=list(rantai), tahap=list(tahap))


@hasil_bersama
def ekspor_indeks_kabupaten(kab: tuple[str, ...], rantai: tuple[str, ...]) -> pl.DataFrame:
    """The index with and without coal per kabupaten and year."""
    return _run("ekspor_indeks_kabupaten", kab=list(kab), rantai=list(rantai))


@hasil_bersama
def ekspor_tahap_per_rantai(tahun: int, kab: tuple[str, ...], rantai: tuple[str, ...]) -> pl.DataFrame:
    """Export value per chain and stage in ``tahun`` (the Sankey ladders)."""
    return _run("ekspor_tahap_per_rantai", tahun=tahun, kab=list(kab), rantai=list(rantai))


@hasil_bersama
def ekspor_per_hs(tahun: int, kab: tuple[str, ...], rantai: tuple[str, ...], tahap: tuple[str, ...]) -> pl.DataFrame:
    """Export value per HS heading (with chapter) in ``tahun``."""
    return _run("ekspor_per_hs", tahun=tahun, kab=list(kab), rantai=list(rantai), tahap=list(tahap))


@hasil_bersama
def ekspor_per_negara(
    tahun: int, kab: tuple[str, ...], rantai: tuple[str, ...], tahap: tuple[str, ...]
) -> pl.DataFrame:
    """Export value per destination country in ``tahun``."""
    return _run("ekspor_per_negara", tahun=tahun, kab=list(kab), rantai=list(rantai), tahap=list(tahap))


# --- kawasan ---
@hasil_bersama
def kawasan_profil() -> pl.DataFrame:
    """The two estates with their public facts and sources."""
    return _run("kawasan_profil")


@hasil_bersama
def kawasan_tenant_daftar() -> pl.DataFrame:
    """All tenants, public and sample."""
    return _run("kawasan_tenant_daftar")


@hasil_bersama
def ikm_sekitar_kawasan(tahun: int, radius_km: float) -> pl.DataFrame:
    """IKM within ``radius_km`` of each estate, per sector."""
    return _run("ikm_sekitar_kawasan", tahun=tahun, radius_km=radius_km)


@hasil_bersama
def ekspor_kawasan(kab: str, rantai: tuple[str, ...]) -> pl.DataFrame:
    """Yearly exports of ``rantai`` from kabupaten ``kab`` by stage."""
    return _run("ekspor_kawasan", kab=kab, rantai=list(rantai))


# --- program ---
@hasil_bersama
def program_tahunan(jenis: str, kab: tuple[str, ...]) -> pl.DataFrame:
    """A programme's results per year."""
    return _run("program_tahunan", jenis=jenis, kab=list(kab))


@hasil_bersama
def program_per_kabupaten(jenis: str, tahun: int) -> pl.DataFrame:
    """A programme's results per kabupaten in one year."""
    return _run("program_per_kabupaten", jenis=jenis, tahun=tahun)


@hasil_bersama
def halal_pangan(kab: tuple[str, ...]) -> pl.DataFrame:
    """Food IKM and their halal certificates per registry year."""
    return _run("halal_pangan", kab=list(kab))


@hasil_bersama
def ikm_komoditas_tahunan(komoditas: str, kab: tuple[str, ...]) -> pl.DataFrame:
    """IKM of one commodity per registry year."""
    return _run("ikm_komoditas_tahunan", komoditas=komoditas, kab=list(kab))


@hasil_bersama
def target_capaian() -> pl.DataFrame:
    """Province targets against what was achieved."""
    return _run("target_capaian")


# --- profil kabupaten ---
@hasil_bersama
def kpi_per_kabupaten(tahun: int) -> pl.DataFrame:
    """The Ringkasan KPIs for every kabupaten side by side."""
    return _run("kpi_per_kabupaten", tahun=tahun)


@hasil_bersama
def komoditas_teratas(tahun: int, kab: str) -> pl.DataFrame:
    """A kabupaten's leading commodities by number of firms."""
    return _run("komoditas_teratas", tahun=tahun, kab=kab)


@hasil_bersama
def program_kabupaten(kab: str, tahun: int) -> pl.DataFrame:
    """Programme results of one kabupaten in one year."""
    return _run("program_kabupaten", kab=kab, tahun=tahun)


@hasil_bersama
def target_kabupaten(kab: str) -> pl.DataFrame:
    """A kabupaten's targets, with the registry count achieved."""
    return _run("target_kabupaten", kab=kab)


# --- peta ---
@hasil_bersama
def peta_metrik() -> pl.DataFrame:
    """Every map metric per kabupaten and year."""
    return _run("peta_metrik")


@hasil_bersama
def ikm_titik(tahun: int) -> pl.DataFrame:
    """Coordinates of the IKM of one registry year (density layer)."""
    return _run("ikm_titik", tahun=tahun)


@st.cache_resource(show_spinner="Memuat batas wilayah ...")
def batas_wilayah(path: str, mtime: float) -> Batas:
    """Boundaries for the maps, read and simplified once per file version (path and mtime are the key)."""
    return batas.muat({k.kode_bps: k.nama for k in daftar_kabupaten()})


def batas_terkini() -> Batas:
    """The boundaries of the current boundary file (a new import or file is read anew: its mtime is the key)."""
    path = settings.boundaries_path()
    return batas_wilayah(str(path or ""), path.stat().st_mtime if path and path.exists() else 0.0)


# --- impor ---
@hasil_bersama
def impor_log() -> pl.DataFrame:
    """The warehouse's import log, newest first (empty for a warehouse built before the log existed)."""
    try:
        return _run("impor_log")
    except FileNotFoundError:
        raise
    except Exception:  # noqa: BLE001 - an older warehouse has no impor_log table: show an empty log
        return pl.DataFrame(schema=KOLOM_LOG)


def segarkan() -> None:
    """Forget everything read from the warehouse, after an import or a restore replaced the file.

    The shared read-only connection is closed first: DuckDB hands a new connection to the same path the
    database instance still open in this process, i.e. the replaced file, until the last connection to it is
    closed. Then both Streamlit caches are cleared, so every page and every session reads the new file.
    """
    with contextlib.suppress(FileNotFoundError):
        warehouse().close()
    st.cache_data.clear()
    st.cache_resource.clear()


_IDENTITAS_GUDANG: dict[str, tuple[int, int]] = {}
"""Warehouse path -> (inode, mtime) last seen by this server process."""


def pastikan_terkini() -> None:
    """Called by every page: if the warehouse file was replaced since this process last looked (an import
    from the command line, ``make data``), drop the caches so the page reads the new file."""
    path = settings.warehouse_path()
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    identitas = (info.st_ino, info.st_mtime_ns)
    lama = _IDENTITAS_GUDANG.get(str(path))
    _IDENTITAS_GUDANG[str(path)] = identitas
    if lama is not None and lama != identitas:
        segarkan()


# --- kawasan (before/after per tenant) ---
@hasil_bersama
def kawasan_sebelum_sesudah() -> pl.DataFrame:
    """Per tenant with a known start and chain: its chain's exports from the estate's kabupaten before and after."""
    return _run("kawasan_sebelum_sesudah")


@hasil_bersama
def ekspor_harga_volume(tahun: int, kab: tuple[str, ...]) -> pl.DataFrame:
    """Export value in ``tahun`` and the year before per chain and stage, split into price and volume (LMDI)."""
    return _run("ekspor_harga_volume", tahun=tahun, kab=list(kab))


@hasil_bersama
def ekspor_nilai_per_kg(kab: tuple[str, ...]) -> pl.DataFrame:
    """US$ per kg per year, chain and stage."""
    return _run("ekspor_nilai_per_kg", kab=list(kab))


@hasil_bersama
def ikm_lq(tahun: int) -> pl.DataFrame:
    """Location quotient of IKM employment per kabupaten x sektor in registry year ``tahun``."""
    return _run("ikm_lq", tahun=tahun)


@hasil_bersama
def ekspor_lq(tahun: int) -> pl.DataFrame:
    """Location quotient of exports with a known origin per kabupaten x chain in ``tahun``."""
    return _run("ekspor_lq", tahun=tahun)


@hasil_bersama
def angka_rujukan_banding() -> pl.DataFrame:
    """Public reference figures beside the warehouse's numbers for the same period."""
    return _run("angka_rujukan_banding")


def sumber_narasi() -> dict[str, str]:
    """Table -> its source names (sample sources marked), for the sources of the summary sentences."""
    return {t: narasi.label_sumber(sumber_tabel((t,))) for t in ("ikm", "ekspor", "target")}


def ringkasan_narasi(tahun: int, kab: tuple[str, ...], wilayah: str) -> list[narasi.Kalimat]:
    """The written summary of ``tahun`` for the province (empty ``kab``) or one kabupaten."""
    # Several kabupaten together have no target of their own: the rule then gives no sentence.
    target = target_capaian() if not kab else target_kabupaten(kab[0]) if len(kab) == 1 else target_capaian().clear()
    return narasi.ringkasan(
        tahun=tahun,
        wilayah=wilayah,
        kpi=kpi_ringkasan(tahun, kab),
        harga_volume=ekspor_harga_volume(tahun, kab),
        indeks_rantai=ekspor_indeks_rantai(tahun, kab, ()),
        target=target,
    )


def ikm_unduhan(f: FilterIkm, isi: str) -> pl.DataFrame:
    """Exactly the filtered IKM view to download: every matching firm (``isi="daftar"``), or the recap with
    small cells withheld."""
    if isi == "daftar":
        return ikm_daftar_unduhan(f)
    return sel_kecil.untuk_unduhan(ikm_rekap(f), kelompok=KELOMPOK_REKAP)
