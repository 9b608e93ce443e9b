"""The boundary file (kind ``batas``): validate it; :mod:`~dasbor.warehouse.impor.simpan_batas` stores it where the
map reads it, atomically.

Contract with the map page (written down in ``docs/impor.md``): an accepted file is stored as
``<DASBOR_GEO_DIR or data/geo>/batas_kabupaten.geojson``, WGS84 (EPSG:4326), exactly 13 features, one per
kabupaten/kota, with properties ``kode_bps`` ("6301".."6372"), ``kode_kemendagri`` ("63.01"..), ``nama``
(the official name as in ``wilayah``) and ``nama_sumber`` (the spelling in the uploaded file); geometry
unsimplified (the map simplifies it once for the browser). ``DASBOR_BOUNDARIES``, when set, still wins on
the map page. Nothing else about the map is decided here.

Accepted uploads: GeoJSON, GeoPackage, or a zip holding one GeoJSON or a Shapefile (checked against paths
leaving the folder and against zip bombs before anything is extracted); any CRS geopandas can reproject.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

import polars as pl

from dasbor.warehouse import settings
from dasbor.warehouse.impor.baca import BerkasDitolak, periksa_zip
from dasbor.warehouse.impor.pemeriksaan import SKEMA_MASALAH, Pemeriksaan, ditolak
from dasbor.warehouse.impor.wilayah import NAMA_RESMI, kode_kabupaten

NAMA_BERKAS = "batas_kabupaten.geojson"
BATAS_KALSEL = (113.5, -5.5, 117.5, -0.5)
"""(min lon, min lat, max lon, max lat) that every boundary must fall in: the province with a wide margin."""


def jalur_batas() -> Path:
    """Where the accepted boundary file lives."""
    return settings.geo_dir() / NAMA_BERKAS


def _baca_geo(nama: str, data: bytes) -> Any:
    import geopandas as gpd

    akhiran = PurePosixPath(nama.lower()).suffix
    if data.startswith(b"PK") or akhiran == ".zip":
        arsip = periksa_zip(data, maks_byte=settings.impor_maks_byte() * 10)
        anggota = [i.filename for i in arsip.infolist() if not i.is_dir()]
        shp = [a for a in anggota if a.lower().endswith(".shp")]
        geojson = [a for a in anggota if a.lower().endswith((".geojson", ".json"))]
        if len(shp) + len(geojson) != 1:
            raise BerkasDitolak(
                "zip harus berisi tepat satu Shapefile (.shp dengan .dbf, .shx, .prj) atau satu GeoJSON"
            )
        with tempfile.TemporaryDirectory(prefix="dasbor-batas-") as tmp:
            arsip.extractall(tmp)
            return gpd.read_file(Path(tmp) / (shp or geojson)[0])
    return gpd.read_file(io.BytesIO(data))


def periksa(nama: str, data: bytes, *, sha: str, ditebak: bool) -> Pemeriksaan:
    """Check a boundary file: readable, polygons, in the province, exactly the 13 kabupaten/kota."""
    catatan: list[str] = []
    if ditebak:
        catatan.append("Jenis berkas ditebak dari akhiran nama: batas wilayah (batas).")

    def tolak(exc: BerkasDitolak) -> Pemeriksaan:
        return ditolak(nama, sha, len(data), "batas", ditebak, exc, catatan)

    if not data:
        return tolak(BerkasDitolak("berkas kosong (0 byte)"))
    try:
        geo = _baca_geo(nama, data)
    except BerkasDitolak as exc:
        return tolak(exc)
    except Exception as exc:  # noqa: BLE001 - GDAL/pyogrio errors of every kind mean an unreadable file
        return tolak(BerkasDitolak(f"berkas batas tidak dapat dibaca ({type(exc).__name__}: {str(exc)[:160]})"))
    if geo.empty:
        return tolak(BerkasDitolak("berkas batas tidak berisi fitur"))
    if geo.crs is None:
        minx, miny, maxx, maxy = geo.total_bounds
        if not (-180 <= minx <= 180 and -90 <= miny <= 90):
            return tolak(BerkasDitolak("sistem koordinat (CRS) tidak diketahui: sertakan berkas .prj"))
        geo = geo.set_crs(4326)
        catatan.append("Berkas tanpa CRS: dianggap WGS84 (EPSG:4326).")
    elif geo.crs.to_epsg() != 4326:
        catatan.append(f"Koordinat diubah dari {geo.crs.to_string()} ke WGS84 (EPSG:4326).")
        geo = geo.to_crs(4326)
    jenis_geom = set(geo.geom_type.dropna().unique())
    if not jenis_geom <= {"Polygon", "MultiPolygon"}:
        return tolak(BerkasDitolak(f"geometri harus poligon, ditemukan: {', '.join(sorted(jenis_geom))}"))
    minx, miny, maxx, maxy = geo.total_bounds
    if minx < BATAS_KALSEL[0] or miny < BATAS_KALSEL[1] or maxx > BATAS_KALSEL[2] or maxy > BATAS_KALSEL[3]:
        return tolak(
            BerkasDitolak(
                f"koordinat ({minx:.2f}, {miny:.2f}) - ({maxx:.2f}, {maxy:.2f}) di luar Kalimantan Selatan: "
                "berkas provinsi lain, atau CRS salah"
            )
        )
    kolom_kunci, kode = _cocokkan(geo)
    masalah: list[tuple[int | None, str, str, str]] = []
    for i, k in enumerate(kode):
        nilai = str(geo.iloc[i][kolom_kunci]) if kolom_kunci else ""
        if k is None:
            masalah.append((i, kolom_kunci or "-", nilai, "kabupaten/kota tidak dikenal di Kalimantan Selatan"))
        elif kode.index(k) != i:
            masalah.append((i, kolom_kunci or "-", nilai, f"{NAMA_RESMI[k]} muncul lebih dari sekali"))
    hilang = [NAMA_RESMI[k] for k in NAMA_RESMI if k not in kode]
    for n in hilang:
        masalah.append((None, kolom_kunci or "-", "", f"{n} tidak ditemukan di berkas batas wilayah"))
    tidak_sah = ~geo.geometry.is_valid
    if tidak_sah.any():
        import shapely

        geo.loc[tidak_sah, "geometry"] = shapely.make_valid(geo.loc[tidak_sah, "geometry"].values)
        catatan.append(f"{int(tidak_sah.sum())} geometri tidak sah diperbaiki (make_valid).")
    frame_masalah = pl.DataFrame(
        [
            {
                "berkas": nama,
                "lembar": "fitur",
                "baris": None if i is None else i + 1,
                "kolom": k,
                "nilai": v,
                "aturan": a,
            }
            for i, k, v, a in masalah
        ],
        schema=SKEMA_MASALAH,
    )
    geo["kode_bps"] = kode
    geo["nama_sumber"] = geo[kolom_kunci].astype(str) if kolom_kunci else ""
    sah = geo[geo["kode_bps"].notna()].drop_duplicates("kode_bps")
    sah = sah.assign(
        nama=[NAMA_RESMI[k] for k in sah["kode_bps"]],
        kode_kemendagri=[f"{k[:2]}.{k[2:]}" for k in sah["kode_bps"]],
    )[["kode_bps", "kode_kemendagri", "nama", "nama_sumber", "geometry"]].sort_values("kode_bps")
    luas = sah.to_crs(6933).area / 1e6 if not sah.empty else []
    ringkas = pl.DataFrame(
        {
            "kode_bps": list(sah["kode_bps"]),
            "nama": list(sah["nama"]),
            "nama_sumber": list(sah["nama_sumber"]),
            "luas_km2": [round(float(x), 1) for x in luas],
        },
        schema={"kode_bps": pl.String, "nama": pl.String, "nama_sumber": pl.String, "luas_km2": pl.Float64},
    ).with_columns(pl.lit("fitur").alias("_lembar"), pl.int_range(1, pl.len() + 1).cast(pl.Int64).alias("_baris"))
    catatan.append(f"{len(geo)} fitur dibaca; kunci kabupaten dari kolom '{kolom_kunci}'.")
    hasil = Pemeriksaan(
        nama, sha, len(data), "batas", ditebak, ringkas, frame_masalah, catatan, len(geo), pl.DataFrame(), False
    )
    hasil.muatan = sah.to_json(drop_id=True).encode("utf-8") if not masalah else None
    return hasil


def _cocokkan(geo: Any) -> tuple[str | None, list[str | None]]:
    """The attribute column that names the kabupaten best (BPS code, Kemendagri code, "ID6301" P-code or a
    name in any local spelling), and the BPS code of each feature through it."""
    terbaik: tuple[int, str | None, list[str | None]] = (0, None, [None] * len(geo))
    for kolom in geo.columns:
        if kolom == "geometry":
            continue
        kode = [_kode(v) for v in geo[kolom].tolist()]
        n = len({k for k in kode if k})
        if n > terbaik[0]:
            terbaik = (n, str(kolom), kode)
    return terbaik[1], terbaik[2]


def _kode(v: object) -> str | None:
    if v is None:
        return None
    teks = str(v).strip()
    if teks.upper().startswith("ID") and teks[2:].isdigit():
        teks = teks[2:]
    return kode_kabupaten(teks) if teks else None
