"""Derive the shipped kabupaten boundary file (``data/batas/kalsel_kabupaten.geojson``) from the BPS 2020
boundaries (via OCHA/HDX, CC BY-IGO), reproducibly and without fetching anything.

    python -m dasbor.warehouse.batas_turunan SUMBER.geojson [--out data/batas/kalsel_kabupaten.geojson]

Process: read the 13 kabupaten/kota, clean them into a valid coverage (``shapely.coverage_clean``), simplify
them *as one coverage* (``simplify_coverage``: a border shared by two neighbours is simplified once, so no gaps
or slivers open between them), snap the coordinates to ``DESIMAL`` places (about 11 m; a shared vertex snaps
the same on both sides), keep ``kode_bps`` and ``nama`` only, and write atomically. The sha256 of the input is
printed and goes into ``data/batas/SUMBER.md`` with the command.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from dasbor.warehouse import settings

TOLERANSI = 0.0015
"""Coverage simplification tolerance in degrees (about 150 m): the province fits in about 130 KB and no
kabupaten changes its area by more than 0.15 %."""
SNAP = 1e-4
"""Snapping distance (degrees) for cleaning the input into a valid coverage first: the upstream file rounds
coordinates to 5 decimals, so a shared border does not match exactly on both sides."""
DESIMAL = 4
"""Decimal places kept in coordinates (about 11 m at the equator)."""


def _bulatkan(koordinat: Any) -> Any:
    if isinstance(koordinat, (int, float)):
        return round(float(koordinat), DESIMAL)
    return [_bulatkan(k) for k in koordinat]


def turunkan(sumber: Path) -> dict[str, Any]:
    """The simplified FeatureCollection (kode_bps, nama) for ``sumber``, sorted by ``kode_bps``."""
    import geopandas as gpd
    import shapely

    gdf = gpd.read_file(sumber)
    gdf = gdf.set_crs(4326) if gdf.crs is None else gdf.to_crs(4326)
    gdf = gdf.sort_values("kode_bps").reset_index(drop=True)
    bersih = shapely.coverage_clean(gdf.geometry.values, snapping_distance=SNAP)
    gdf["geometry"] = gpd.GeoSeries(bersih, crs=4326).simplify_coverage(TOLERANSI).values
    gdf["geometry"] = shapely.set_precision(gdf.geometry.values, 10.0**-DESIMAL)
    geo = json.loads(gdf[["kode_bps", "nama", "geometry"]].to_json(drop_id=True))
    for fitur in geo["features"]:
        fitur["geometry"]["coordinates"] = _bulatkan(fitur["geometry"]["coordinates"])
    geo.pop("crs", None)
    return {"type": "FeatureCollection", "features": geo["features"]}


def tulis(geo: dict[str, Any], tujuan: Path) -> int:
    """Write ``geo`` compactly and atomically (temporary file, fsync, rename); returns the size in bytes."""
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    teks = json.dumps(geo, ensure_ascii=False, separators=(",", ":")) + "\n"
    tmp = tujuan.with_name(f".{tujuan.name}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(teks)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(tujuan)
    return len(teks.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Command line: derive and write, print size and the input's sha256."""
    p = argparse.ArgumentParser(description="Turunkan berkas batas kabupaten bawaan dari berkas BPS/HDX.")
    p.add_argument("sumber", type=Path)
    p.add_argument("--out", type=Path, default=settings.batas_bawaan_path())
    a = p.parse_args(argv)
    ukuran = tulis(turunkan(a.sumber), a.out)
    sha = hashlib.sha256(a.sumber.read_bytes()).hexdigest()
    print(f"{a.out}: {ukuran / 1024:.1f} KB; sha256 sumber {sha}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
