"""Kabupaten boundaries for the maps: read any boundary file the office has, match it to the 13 kabupaten,
simplify it once for the browser, or fall back to a schematic tile map.

The repository ships a simplified BPS 2020 file (``data/batas/``, CC BY-IGO, derived by
:mod:`dasbor.warehouse.batas_turunan`); an office file (``DASBOR_BOUNDARIES`` or an import in ``data/geo/``)
overrides it. Why a fallback: a missing or broken configured file must still give a meeting a map.
Why matching by code *or* name: offices receive shapefiles with
BPS codes, Kemendagri codes, or only names spelt the local way ("Kota Baru", "Banjar Baru", "Kab. Tala").
geopandas is used (through the import reader) only for an office's own file; the shipped file is plain
GeoJSON.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from dasbor.warehouse import settings
from dasbor.warehouse.impor import geo_baca

SIMPLIFY_DERAJAT = 0.004
"""Douglas-Peucker tolerance (about 400 m): the whole province stays well under 1 MB in the page."""

ALIAS: dict[str, str] = {
    "tala": "6301",
    "tanahlaut": "6301",
    "kotabaru": "6302",
    "banjar": "6303",
    "batola": "6304",
    "baritokuala": "6304",
    "tapin": "6305",
    "hss": "6306",
    "hulusungaiselatan": "6306",
    "hst": "6307",
    "hulusungaitengah": "6307",
    "hsu": "6308",
    "hulusungaiutara": "6308",
    "tabalong": "6309",
    "tanbu": "6310",
    "tanahbumbu": "6310",
    "balangan": "6311",
    "banjarmasin": "6371",
    "banjarbaru": "6372",
}
"""Normalised names (see :func:`normalkan`) and local short names -> BPS code."""

TILE: dict[str, tuple[int, int]] = {
    "6309": (2, 0),
    "6308": (1, 1),
    "6311": (2, 1),
    "6306": (1, 2),
    "6307": (2, 2),
    "6304": (0, 3),
    "6305": (1, 3),
    "6303": (2, 3),
    "6302": (4, 3),
    "6371": (0, 4),
    "6372": (1, 4),
    "6310": (3, 4),
    "6301": (1, 5),
}
"""Schematic map: (column, row) of each kabupaten, north at the top, placed by rough geography so that Kota
Banjarmasin and Kota Banjarbaru are as visible as Kotabaru."""


@dataclass(frozen=True)
class Batas:
    """Boundaries ready for a map: a GeoJSON FeatureCollection keyed by ``kode_bps``."""

    geojson: dict[str, Any]
    skema: bool
    atribusi: str
    pesan: tuple[str, ...] = field(default_factory=tuple)
    label: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Where a kabupaten's name goes on a printed map (lon, lat): the pole of inaccessibility of its largest
    part, the point deepest inside it, so a label sits well inside even a long or hollow shape."""

    @cached_property
    def sidik(self) -> bytes:
        """Content fingerprint (the GeoJSON and the attribution), so a cached map is keyed on the boundaries
        it shows; computed once per object."""
        teks = json.dumps([self.geojson, self.skema, self.atribusi], sort_keys=True, separators=(",", ":"))
        return hashlib.blake2b(teks.encode(), digest_size=16).digest()

    @property
    def ukuran_kb(self) -> float:
        """Size of the GeoJSON as sent to the browser."""
        return len(json.dumps(self.geojson, separators=(",", ":"))) / 1024


def normalkan(nama: str) -> str:
    """ "Kab. Hulu Sungai Utara" -> "hulusungaiutara"; "KOTA BANJAR BARU" -> "banjarbaru"."""
    teks = nama.lower().strip()
    teks = re.sub(r"^(kabupaten|kab\.?|kota)\s+", "", teks)
    return re.sub(r"[^a-z]", "", teks)


def cocokkan(nilai: str, kode_bps: set[str]) -> str | None:
    """The BPS code a feature's code or name stands for, or None."""
    teks = str(nilai).strip()
    angka = re.sub(r"[^0-9]", "", teks)
    if angka in kode_bps:
        return angka
    if len(angka) == 4 and f"63{angka[2:]}" in kode_bps:  # Kemendagri "63.10" -> "6310"
        return f"63{angka[2:]}"
    if teks.upper().startswith("ID") and angka in kode_bps:  # HDX ADM2_PCODE "ID6310"
        return angka
    # "Kota Baru" is the kabupaten Kotabaru: try the whole name before dropping a "Kota"/"Kab." prefix.
    utuh = re.sub(r"[^a-z]", "", teks.lower())
    kode = ALIAS.get(utuh) or ALIAS.get(normalkan(teks))
    return kode if kode in kode_bps else None


def skema(nama: dict[str, str]) -> Batas:
    """The 13-tile schematic map, in lon/lat near the province so map code is the same for both."""
    sisi, celah, lon0, lat0 = 0.34, 0.04, 114.4, -1.6
    fitur = []
    for kode, (kolom, baris) in TILE.items():
        x, y = lon0 + kolom * (sisi + celah), lat0 - baris * (sisi + celah)
        kotak = [[x, y], [x + sisi, y], [x + sisi, y - sisi], [x, y - sisi], [x, y]]
        fitur.append(
            {
                "type": "Feature",
                "id": kode,
                "properties": {"kode_bps": kode, "nama": nama.get(kode, kode)},
                "geometry": {"type": "Polygon", "coordinates": [kotak[::-1]]},
            }
        )
    return Batas(
        {"type": "FeatureCollection", "features": fitur},
        skema=True,
        atribusi="Peta skematik: satu kotak per kabupaten/kota, letak kira-kira, bukan batas wilayah.",
    )


def _cadangan(nama: dict[str, str], pesan: str) -> Batas:
    cadangan = skema(nama)
    return Batas(cadangan.geojson, True, cadangan.atribusi, (pesan,))


def _titik_label(geometri: BaseGeometry) -> tuple[float, float]:
    terbesar = max(getattr(geometri, "geoms", [geometri]), key=lambda g: g.area)
    titik = polylabel(terbesar, tolerance=0.005)
    return round(float(titik.x), 4), round(float(titik.y), 4)


def _fitur_kantor(path: Path, nama: dict[str, str]) -> list[dict[str, Any]]:
    """An office's boundary file through the import reader, simplified for the browser as one coverage (a shared
    border is simplified once, so neighbours keep it with no gap or sliver)."""
    hasil = geo_baca.baca_kabupaten(path)
    gdf = hasil.gdf[hasil.gdf["kode_bps"].isin(list(nama))].reset_index(drop=True)
    gdf["geometry"] = gdf.geometry.simplify_coverage(SIMPLIFY_DERAJAT)
    fitur: list[dict[str, Any]] = json.loads(gdf[["kode_bps", "geometry"]].to_json(drop_id=True))["features"]
    return fitur


def _fitur_bawaan(path: Path) -> list[dict[str, Any]]:
    """The shipped file is our own derived GeoJSON (EPSG:4326, one feature per kabupaten keyed by ``kode_bps``,
    already simplified): read as JSON, without loading geopandas, which is most of a command-line map's cost."""
    fitur: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["features"]
    return fitur


@lru_cache(maxsize=4)
def _muat(path_str: str, mtime: float, nama_items: tuple[tuple[str, str], ...], atribusi: str) -> Batas:
    nama = dict(nama_items)
    path = Path(path_str)
    bawaan = path == settings.batas_bawaan_path()
    try:
        semua = _fitur_bawaan(path) if bawaan else _fitur_kantor(path, nama)
    except geo_baca.BatasTidakSah as exc:
        return _cadangan(
            nama, f"Berkas batas wilayah {path.name} tidak dipakai: {exc.alasan}. Ditampilkan peta skematik."
        )
    fitur = [f for f in semua if f["properties"]["kode_bps"] in nama]
    hilang = [nama[k] for k in nama if k not in {f["properties"]["kode_bps"] for f in fitur}]
    if hilang:
        return _cadangan(
            nama,
            f"{', '.join(hilang)} tidak ditemukan di file batas wilayah {path.name} (dicocokkan dengan kode BPS, "
            "kode Kemendagri atau nama); ditampilkan peta skematik.",
        )
    for f in fitur:
        kode = f["properties"]["kode_bps"]
        f["properties"] = {"kode_bps": kode, "nama": nama[kode]}
        f["id"] = kode
    label = {f["id"]: _titik_label(shape(f["geometry"])) for f in fitur}
    if not atribusi:
        atribusi = settings.ATRIBUSI_BAWAAN if bawaan else f"Batas administrasi: {path.name}"
    return Batas({"type": "FeatureCollection", "features": fitur}, skema=False, atribusi=atribusi, label=label)


def muat(nama: dict[str, str]) -> Batas:
    """Boundaries from ``DASBOR_BOUNDARIES``, an imported file in ``data/geo/`` or the shipped BPS 2020 file,
    else the schematic map with a note. A configured path that is missing or unreadable never raises: the
    schematic map is drawn with a message naming the file and the reason."""
    path = settings.boundaries_path()
    if path is None:
        return _cadangan(
            nama,
            "Belum ada berkas batas wilayah: taruh GeoJSON, GeoPackage atau Shapefile ber-zip di "
            "data/geo/ atau tunjuk dengan DASBOR_BOUNDARIES.",
        )
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return _cadangan(
            nama,
            f"Berkas batas wilayah {path} (DASBOR_BOUNDARIES) tidak ditemukan atau tidak dapat dibuka; "
            "ditampilkan peta skematik.",
        )
    return _muat(str(path), mtime, tuple(sorted(nama.items())), settings.boundaries_attribution())
