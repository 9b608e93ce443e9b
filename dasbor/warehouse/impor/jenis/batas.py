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

import tempfile
from pathlib import Path, PurePosixPath

import polars as pl

from dasbor.warehouse import settings
from dasbor.warehouse.impor import geo_baca
from dasbor.warehouse.impor.baca import BerkasDitolak, periksa_zip
from dasbor.warehouse.impor.pemeriksaan import SKEMA_MASALAH, Pemeriksaan, ditolak
from dasbor.warehouse.impor.wilayah import NAMA_RESMI

NAMA_BERKAS = "batas_kabupaten.geojson"
BATAS_KALSEL = geo_baca.KOTAK_KALSEL
"""(min lon, min lat, max lon, max lat) that every boundary must fall in: the province with a wide margin."""


def jalur_batas() -> Path:
    """Where the accepted boundary file lives."""
    return settings.geo_dir() / NAMA_BERKAS


def _kabupaten(nama: str, data: bytes) -> geo_baca.Kabupaten:
    """Read the upload through the same reader as the map (:mod:`dasbor.warehouse.impor.geo_baca`)."""
    akhiran = PurePosixPath(nama.lower()).suffix
    if data.startswith(b"PK") and akhiran != ".gpkg":
        akhiran = ".zip"
    with tempfile.TemporaryDirectory(prefix="dasbor-batas-") as tmp:
        path = Path(tmp) / f"unggahan{akhiran or '.geojson'}"
        path.write_bytes(data)
        if akhiran == ".zip":
            periksa_zip(data, maks_byte=settings.impor_maks_byte() * 10)
        return geo_baca.kabupaten(geo_baca.lapisan(path, nama))


def periksa(nama: str, data: bytes, *, sha: str, ditebak: bool) -> Pemeriksaan:
    """Check a boundary file: readable, polygons, in the province, the 13 kabupaten/kota (a desa- or
    kecamatan-level file is dissolved to them)."""
    catatan: list[str] = []
    if ditebak:
        catatan.append("Jenis berkas ditebak dari akhiran nama: batas wilayah (batas).")

    def tolak(exc: BerkasDitolak) -> Pemeriksaan:
        return ditolak(nama, sha, len(data), "batas", ditebak, exc, catatan)

    if not data:
        return tolak(BerkasDitolak("berkas kosong (0 byte)"))
    try:
        hasil = _kabupaten(nama, data)
    except BerkasDitolak as exc:
        return tolak(exc)
    except geo_baca.BatasTidakSah as exc:
        return tolak(BerkasDitolak(exc.alasan))
    catatan.extend(hasil.catatan)
    kolom_kunci = hasil.kolom
    masalah: list[tuple[int | None, str, str, str]] = [
        (None, kolom_kunci, "", f"{n} tidak ditemukan di berkas batas wilayah") for n in hasil.hilang
    ]
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
    sah = hasil.gdf.assign(
        nama=[NAMA_RESMI[k] for k in hasil.gdf["kode_bps"]],
        kode_kemendagri=[f"{k[:2]}.{k[2:]}" for k in hasil.gdf["kode_bps"]],
    )[["kode_bps", "kode_kemendagri", "nama", "nama_sumber", "geometry"]]
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
    catatan.append(f"{hasil.fitur_dibaca} fitur dibaca ({hasil.lapisan}); kunci kabupaten dari kolom '{kolom_kunci}'.")
    p = Pemeriksaan(
        nama,
        sha,
        len(data),
        "batas",
        ditebak,
        ringkas,
        frame_masalah,
        catatan,
        hasil.fitur_dibaca,
        pl.DataFrame(),
        False,
    )
    p.muatan = sah.to_json(drop_id=True).encode("utf-8") if not masalah else None
    return p
