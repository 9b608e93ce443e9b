"""Paths and environment, read inside functions so tests can change them per test.

Nothing here is evaluated at import time: a module-level constant would freeze the environment of the first
import and make ``DASBOR_WAREHOUSE`` in a test or a second process silently ineffective.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
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
    Shapefile in ``data/geo/``, else None (the maps then draw the schematic tile map)."""
    raw = os.environ.get("DASBOR_BOUNDARIES", "").strip()
    if raw:
        return Path(raw)
    folder = PROJECT_ROOT / "data" / "geo"
    if folder.is_dir():
        for pola in ("*.geojson", "*.json", "*.gpkg", "*.zip"):
            ada = sorted(folder.glob(pola))
            if ada:
                return ada[0]
    return None


def boundaries_attribution() -> str:
    """The attribution printed under every map: ``DASBOR_BOUNDARIES_ATTRIBUTION`` (empty = the file name)."""
    return os.environ.get("DASBOR_BOUNDARIES_ATTRIBUTION", "").strip()
