"""The page-facing data API: one typed, cached function per named query.

Cache keys are small hashable values (ints, strings, tuples of BPS codes), never frames or connections. The
connection is read-only and shared across sessions; ``db.run_query`` opens a cursor per call.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl
import streamlit as st

from dasbor import db, settings
from dasbor.deck import banding, slides, store
from dasbor.deck.gudang import Gudang


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


@st.cache_data(show_spinner=False)
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


# --- presentasi ---
@st.cache_data(show_spinner="Menyiapkan slide ...")
def dek_siap(dek_json: str, warehouse: str) -> slides.DekSiap:
    """A deck rendered from its JSON form (the cache key changes whenever the deck is edited)."""
    return slides.siapkan(store.dek_dari_json(dek_json), Path(warehouse))


@st.cache_data(show_spinner="Membandingkan dengan snapshot ...")
def banding_snapshot(snapshot: str, warehouse: str) -> tuple[int, pl.DataFrame]:
    """Year compared and the KPI changes per kabupaten between a snapshot and the current warehouse."""
    path = Path(warehouse)
    snap = store.ambil_snapshot(snapshot, path)
    with Gudang(store.path_snapshot(snap, path)) as lama, Gudang(path) as baru:
        tahun = banding.tahun_bersama(lama, baru)
        return tahun, banding.bandingkan(lama, baru, tahun)
