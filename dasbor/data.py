"""The page-facing data API: one typed, cached function per named query.

Cache keys are small hashable values (ints, strings, tuples of BPS codes), never frames or connections. The
connection is read-only and shared across sessions; ``db.run_query`` opens a cursor per call.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import polars as pl
import streamlit as st

from dasbor import db, settings


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


@st.cache_data(show_spinner=False)
def wilayah() -> pl.DataFrame:
    """The 13 kabupaten/kota with names and leading industry."""
    return _run("wilayah")


@st.cache_data(show_spinner=False)
def tahun_tersedia() -> pl.DataFrame:
    """Years with registry or export data."""
    return _run("tahun_tersedia")


@st.cache_data(show_spinner=False)
def kpi_ringkasan(tahun: int, kab: tuple[str, ...]) -> pl.DataFrame:
    """KPI row for ``tahun`` and the year before, for the chosen kabupaten (empty = province)."""
    return _run("kpi_ringkasan", tahun=tahun, kab=list(kab))


@st.cache_data(show_spinner=False)
def tren_tahunan(kab: tuple[str, ...]) -> pl.DataFrame:
    """IKM and exports per year."""
    return _run("tren_tahunan", kab=list(kab))


@st.cache_data(show_spinner=False)
def ekspor_rantai_tahap(tahun: int, kab: tuple[str, ...]) -> pl.DataFrame:
    """Export value per chain and stage in ``tahun``."""
    return _run("ekspor_rantai_tahap", tahun=tahun, kab=list(kab))


@st.cache_data(show_spinner=False)
def sumber_tabel(tabel: tuple[str, ...]) -> pl.DataFrame:
    """Sources cited by the given warehouse tables."""
    return _run("sumber_tabel", tabel=list(tabel))


@st.cache_data(show_spinner=False)
def tabel_contoh() -> tuple[str, ...]:
    """Warehouse tables that still hold generated sample data."""
    return tuple(_run("tabel_contoh")["tabel"].to_list())


@dataclass(frozen=True)
class Kabupaten:
    """A kabupaten/kota as the filters need it."""

    kode_bps: str
    nama: str


def daftar_kabupaten() -> list[Kabupaten]:
    """The kabupaten list in BPS code order (the order of the province's own tables)."""
    return [Kabupaten(r["kode_bps"], r["nama"]) for r in wilayah().iter_rows(named=True)]


# --- impor ---
@st.cache_data(show_spinner=False)
def impor_log() -> pl.DataFrame:
    """The warehouse's import log, newest first (empty for a warehouse built before the log existed)."""
    try:
        return _run("impor_log")
    except FileNotFoundError:
        raise
    except Exception:  # noqa: BLE001 - an older warehouse has no impor_log table: show an empty log
        from dasbor.impor.gudang import KOLOM_LOG

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
