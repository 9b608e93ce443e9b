"""Paths and environment, read inside functions so tests can change them per test.

Nothing here is evaluated at import time: a module-level constant would freeze the environment of the first
import and make ``DASBOR_WAREHOUSE`` in a test or a second process silently ineffective.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The checkout root: ``queries/`` and ``data/`` live beside the package."""


def warehouse_path() -> Path:
    """The DuckDB warehouse file: ``DASBOR_WAREHOUSE`` or ``data/warehouse.duckdb``."""
    raw = os.environ.get("DASBOR_WAREHOUSE", "").strip()
    return Path(raw) if raw else PROJECT_ROOT / "data" / "warehouse.duckdb"


def queries_dir() -> Path:
    """Folder of the named SQL files (``queries/*.sql``, ``queries/build/*.sql``)."""
    return PROJECT_ROOT / "queries"


def reference_dir() -> Path:
    """Committed reference tables (wilayah, hs_rantai, the estates' public facts)."""
    return PROJECT_ROOT / "data" / "reference"


def tampilkan_daftar_ikm() -> bool:
    """Whether the IKM page may list individual firms (``DASBOR_TAMPILKAN_IKM``, on unless set to 0/false/no).

    The registry names firms, their workforce and money: the office decides whether analysts may see and
    download rows. On by default because the shipped data are generated sample firms; an office loading its
    real registry can set ``DASBOR_TAMPILKAN_IKM=0`` and the page then shows aggregates only.
    """
    raw = os.environ.get("DASBOR_TAMPILKAN_IKM", "").strip().lower()
    return raw not in {"0", "false", "no", "tidak", "off"}


def boundaries_path() -> Path | None:
    """The kabupaten boundary file: ``DASBOR_BOUNDARIES``, else the first GeoJSON, GeoPackage or zipped
    Shapefile in ``data/geo/`` (an imported file), else the shipped BPS 2020 file (:func:`batas_bawaan_path`),
    else None (the maps then draw the schematic tile map). A configured path that does not exist is returned
    as is: the map loader says so and falls back, it never crashes."""
    raw = os.environ.get("DASBOR_BOUNDARIES", "").strip()
    if raw:
        return Path(raw)
    folder = geo_dir()
    if folder.is_dir():
        for pola in ("*.geojson", "*.json", "*.gpkg", "*.zip"):
            ada = sorted(folder.glob(pola))
            if ada:
                return ada[0]
    bawaan = batas_bawaan_path()
    return bawaan if bawaan.is_file() else None


def batas_bawaan_path() -> Path:
    """The boundary file shipped in the repository: BPS 2020 kabupaten via OCHA/HDX (CC BY-IGO), simplified
    (``data/batas/kalsel_kabupaten.geojson``; source and derivation in ``data/batas/SUMBER.md``)."""
    return PROJECT_ROOT / "data" / "batas" / "kalsel_kabupaten.geojson"


ATRIBUSI_BAWAAN = "Batas administrasi: BPS 2020 via OCHA/HDX (CC BY-IGO)"
"""Caption under every map drawn from the shipped boundary file."""


def boundaries_attribution() -> str:
    """The attribution printed under every map: ``DASBOR_BOUNDARIES_ATTRIBUTION`` (empty = the file name, or
    :data:`ATRIBUSI_BAWAAN` for the shipped file)."""
    return os.environ.get("DASBOR_BOUNDARIES_ATTRIBUTION", "").strip()


# --- impor ---
def impor_maks_byte() -> int:
    """Largest file an import accepts: ``DASBOR_IMPOR_MAKS_MB`` megabytes (default 50, Streamlit's upload limit
    in ``.streamlit/config.toml``; raise both together)."""
    raw = os.environ.get("DASBOR_IMPOR_MAKS_MB", "").strip()
    try:
        mb = float(raw) if raw else 50.0
    except ValueError:
        mb = 50.0
    return int(mb * 1_048_576)


def impor_simpan_versi() -> int:
    """How many previous warehouse versions an import keeps for "Kembalikan": ``DASBOR_IMPOR_VERSI`` (3)."""
    raw = os.environ.get("DASBOR_IMPOR_VERSI", "").strip()
    return max(1, int(raw)) if raw.isdigit() else 3


def impor_dir(warehouse: Path) -> Path:
    """Beside the warehouse: its previous versions, the import lock and the journal of refused files."""
    return warehouse.parent / f"{warehouse.name}.impor"


def geo_dir() -> Path:
    """Where an imported boundary file is stored: ``DASBOR_GEO_DIR`` or ``data/geo`` (gitignored)."""
    raw = os.environ.get("DASBOR_GEO_DIR", "").strip()
    return Path(raw) if raw else PROJECT_ROOT / "data" / "geo"


def akun_env() -> str:
    """Local accounts for the Kelola Data page from ``DASBOR_AKUN`` ("nama:hash;nama2:hash"), besides
    ``[akun]`` in ``.streamlit/secrets.toml``. Hashes come from ``python -m dasbor.akun NAMA``."""
    return os.environ.get("DASBOR_AKUN", "").strip()


def _bilangan(nama: str, default: int, minimum: int = 0) -> int:
    """A whole-number setting: ASCII digits only; anything else is the default."""
    raw = os.environ.get(nama, "").strip()
    return max(minimum, int(raw)) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else default


# --- roles, sessions and shared state ---
def sesi_menit() -> int:
    """Minutes without any action after which a signed-in session ends: ``DASBOR_SESI_MENIT`` (60)."""
    return _bilangan("DASBOR_SESI_MENIT", 60, 1)


def snapshot_per_dek() -> int:
    """Snapshots ("Kunci data") kept per deck; the oldest one not in use goes first: ``DASBOR_SNAPSHOT_PER_DEK``
    (5)."""
    return _bilangan("DASBOR_SNAPSHOT_PER_DEK", 5, 1)


def snapshot_anggaran_byte() -> int:
    """Disk budget of all snapshots together: ``DASBOR_SNAPSHOT_MB`` megabytes (2048); a snapshot sharing the
    warehouse file by a hard link still counts its full size, since it keeps that file alive after an import."""
    return _bilangan("DASBOR_SNAPSHOT_MB", 2048, 1) * 1_048_576


# --- berbagi dan paket bulanan ---
def url_publik() -> str:
    """The dashboard's address as participants reach it (``DASBOR_URL``, default ``http://localhost:8501``):
    the QR codes and links of share cards made from the command line point there."""
    return os.environ.get("DASBOR_URL", "").strip().rstrip("/") or "http://localhost:8501"


def chromium_env() -> str:
    """A Chromium to print PDFs with (``DASBOR_CHROMIUM``); empty = ``chromium`` on the PATH."""
    return os.environ.get("DASBOR_CHROMIUM", "").strip()


@dataclass(frozen=True)
class Smtp:
    """Where the monthly pack is e-mailed from and to."""

    host: str
    port: int
    pengirim: str
    penerima: tuple[str, ...]
    user: str = ""
    sandi: str = ""
    tls: str = "starttls"


def smtp() -> Smtp | None:
    """SMTP settings of the monthly pack, or None when ``DASBOR_SMTP_HOST`` or ``DASBOR_SMTP_TO`` is unset.

    ``DASBOR_SMTP_HOST``, ``DASBOR_SMTP_PORT`` (587), ``DASBOR_SMTP_USER``, ``DASBOR_SMTP_PASSWORD``,
    ``DASBOR_SMTP_FROM`` (default: the user, else ``dasbor@localhost``), ``DASBOR_SMTP_TO`` (addresses separated
    by commas or semicolons), ``DASBOR_SMTP_TLS`` (``starttls``, ``ssl`` or ``tidak``).
    """
    host = os.environ.get("DASBOR_SMTP_HOST", "").strip()
    penerima = tuple(a.strip() for a in os.environ.get("DASBOR_SMTP_TO", "").replace(";", ",").split(",") if a.strip())
    if not host or not penerima:
        return None
    port_teks = os.environ.get("DASBOR_SMTP_PORT", "").strip()
    user = os.environ.get("DASBOR_SMTP_USER", "").strip()
    tls = os.environ.get("DASBOR_SMTP_TLS", "").strip().lower() or "starttls"
    return Smtp(
        host=host,
        port=int(port_teks) if port_teks.isdigit() else 587,
        pengirim=os.environ.get("DASBOR_SMTP_FROM", "").strip() or user or "dasbor@localhost",
        penerima=penerima,
        user=user,
        sandi=os.environ.get("DASBOR_SMTP_PASSWORD", ""),
        tls=tls if tls in ("starttls", "ssl", "tidak") else "starttls",
    )
