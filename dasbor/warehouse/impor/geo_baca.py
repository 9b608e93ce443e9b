"""Boundary files as offices receive them -> the 13 kabupaten/kota of Kalimantan Selatan, one polygon each.

Shared by the map loader (:mod:`dasbor.warehouse.batas`) and the boundary import
(:mod:`dasbor.warehouse.impor.jenis.batas`), so one never accepts what the other refuses.

What is read: GeoJSON, Esri JSON, a GeoPackage (every polygon layer is a candidate: the one naming the most
kabupaten wins), and a zip holding Shapefiles or GeoJSON in any folder (several folders: every Shapefile is a
candidate), with or without ``.prj``/``.cpg``, upper- or lower-case extensions, with extra files beside them
(``.url``, ``.shp.xml``, ``.sbn``). A zip member whose path would leave its folder refuses the whole zip.

How features become kabupaten: the attribute column that names the most kabupaten wins. Codes match exactly
(BPS ``6303``, Kemendagri ``63.03``, HDX ``ID6303``), never "any four digits" (an address "RT 03/RW 02" is not a
code); names match in every local spelling (:func:`dasbor.warehouse.impor.wilayah.kode_kabupaten`, where
"Kota Banjar" of Jawa Barat is not Kabupaten Banjar). A desa- or kecamatan-level file (the HDX adm4 layout,
BIG layers) has many features per kabupaten: they are dissolved into one. Then the shapes are checked: polygons
only, and lying over Kalimantan Selatan (a file of another province carrying Kalsel names is refused, never
drawn). Every failure is a :class:`BatasTidakSah` with a plain Indonesian reason; no raw library text.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from dasbor.warehouse.impor.baca import BerkasDitolak, periksa_zip
from dasbor.warehouse.impor.wilayah import NAMA_RESMI, kode_kabupaten

KOTAK_KALSEL = (113.5, -5.5, 117.5, -0.5)
"""(min lon, min lat, max lon, max lat): the province with a wide margin; every kabupaten must lie inside."""
ISI_ZIP_MAKS = 2 * 1024**3
"""A boundary zip may not inflate beyond 2 GB."""
AKHIRAN_GEO = (".shp", ".geojson", ".json", ".gpkg")
_KODE = re.compile(r"(?i)(?:ID)?63\.?(\d{2})")


class BatasTidakSah(Exception):  # noqa: N818 - Indonesian domain name, like the rest
    """The file cannot give the 13 kabupaten; ``alasan`` says why in plain Indonesian."""

    def __init__(self, alasan: str) -> None:
        super().__init__(alasan)
        self.alasan = alasan


@dataclass
class Kabupaten:
    """The boundary file reduced to one feature per kabupaten found (``kode_bps``, ``nama_sumber``, geometry,
    EPSG:4326), and how it was read."""

    gdf: Any
    kolom: str
    lapisan: str
    fitur_dibaca: int
    hilang: list[str]
    catatan: list[str] = field(default_factory=list)


def kode_fitur(nilai: object) -> str | None:
    """The BPS code a feature's attribute stands for: an exact code (6303, 63.03, ID6303) or a name."""
    if nilai is None:
        return None
    teks = str(nilai).strip()
    if not teks:
        return None
    cocok = _KODE.fullmatch(teks.replace(" ", ""))
    if cocok:
        kode = "63" + cocok.group(1)
        return kode if kode in NAMA_RESMI else None
    if any(c.isdigit() for c in teks):
        return None  # a desa code, an address, a number: never a kabupaten by its digits
    return kode_kabupaten(teks)


def _alasan_baca(path: Path) -> str:
    if not path.exists():
        return "berkas tidak ada di lokasi itu"
    if path.is_dir():
        return "lokasi itu sebuah folder, bukan berkas"
    try:
        with path.open("rb"):
            pass
    except PermissionError:
        return "berkas tidak boleh dibaca (izin akses ditolak)"
    except OSError:
        return "berkas tidak dapat dibuka"
    return "bukan berkas batas wilayah yang dapat dibaca (GeoJSON, GeoPackage atau Shapefile ber-zip)"


def _baca_satu(path: Path) -> list[tuple[str, Any]]:
    """Every polygon layer of one file (a GeoPackage may have several)."""
    import geopandas as gpd
    import pyogrio

    if path.suffix.lower() == ".gpkg":
        lapisan = [str(n) for n, _ in pyogrio.list_layers(path)]
        return [(f"{path.name}, lapisan '{n}'", gpd.read_file(path, layer=n)) for n in lapisan]
    return [(path.name, gpd.read_file(path))]


def lapisan(path: Path, nama: str | None = None) -> list[tuple[str, Any]]:
    """The candidate layers of a boundary file (a zip is checked, then extracted to a temporary folder)."""
    nama = nama or path.name
    try:
        if path.is_file() and zipfile.is_zipfile(path):
            return _lapisan_zip(path)
        return _baca_satu(path)
    except BatasTidakSah:
        raise
    except BerkasDitolak as exc:
        raise BatasTidakSah(exc.aturan) from exc
    except Exception as exc:
        raise BatasTidakSah(_alasan_baca(path)) from exc


def _lapisan_zip(path: Path) -> list[tuple[str, Any]]:
    arsip = periksa_zip(path.read_bytes(), maks_byte=ISI_ZIP_MAKS)
    anggota = [i.filename for i in arsip.infolist() if not i.is_dir()]
    geo = [a for a in anggota if a.lower().endswith(AKHIRAN_GEO) and not PurePosixPath(a).name.startswith("._")]
    if not geo:
        raise BatasTidakSah("zip tidak berisi Shapefile (.shp), GeoJSON atau GeoPackage")
    hasil: list[tuple[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="dasbor-batas-") as tmp:
        arsip.extractall(tmp)
        for a in sorted(geo):
            berkas = Path(tmp) / a
            if berkas.suffix.lower() == ".shp" and berkas.suffix != ".shp":
                # GDAL finds .dbf/.shx siblings in either case, but only opens a .shp it can name: give it one.
                salinan = berkas.with_suffix(".shp")
                berkas.rename(salinan)
                berkas = salinan
            try:
                for label, gdf in _baca_satu(berkas):
                    hasil.append((f"{a} ({label})" if label != berkas.name else a, gdf))
            except Exception:  # noqa: BLE001, S112 - one unreadable member; the others may do
                continue
    if not hasil:
        raise BatasTidakSah(
            "tidak ada Shapefile atau GeoJSON yang dapat dibaca di dalam zip (.shp perlu .dbf dan .shx)"
        )
    return hasil


def _kolom_terbaik(gdf: Any) -> tuple[str | None, list[str | None]]:
    """The attribute column naming the most distinct kabupaten (ties: the one with fewer unmatched values)."""
    terbaik: tuple[tuple[int, int], str | None, list[str | None]] = ((0, 0), None, [None] * len(gdf))
    for kolom in gdf.columns:
        if kolom == "geometry":
            continue
        nilai_unik = {v: kode_fitur(v) for v in set(gdf[kolom].dropna().tolist())}
        kode = [nilai_unik.get(v) for v in gdf[kolom].tolist()]
        skor = (len({k for k in kode if k}), sum(k is not None for k in kode))
        if skor > terbaik[0]:
            terbaik = (skor, str(kolom), kode)
    return terbaik[1], terbaik[2]


def kabupaten(calon: list[tuple[str, Any]]) -> Kabupaten:
    """The candidate layer naming the most kabupaten, reduced to one (dissolved) feature per kabupaten and
    checked (polygons, over Kalimantan Selatan). Raises :class:`BatasTidakSah`."""
    pilihan: tuple[int, str, Any, str | None, list[str | None]] | None = None
    for label, gdf in calon:
        if gdf is None or gdf.empty or "geometry" not in gdf:
            continue
        kolom, kode = _kolom_terbaik(gdf)
        n = len({k for k in kode if k})
        if pilihan is None or n > pilihan[0]:
            pilihan = (n, label, gdf, kolom, kode)
    if pilihan is None:
        raise BatasTidakSah("berkas tidak berisi fitur")
    n, label, gdf, kolom, kode = pilihan
    if n == 0 or kolom is None:
        raise BatasTidakSah(
            "tidak ada kabupaten/kota Kalimantan Selatan yang dikenali (dicari kode BPS 63xx, kode Kemendagri "
            "63.xx, kode HDX ID63xx atau nama di setiap kolom atribut): berkas provinsi lain?"
        )
    catatan: list[str] = []
    if len(calon) > 1:
        catatan.append(f"Dari {len(calon)} lapisan/berkas, dipakai {label} ({n} kabupaten/kota cocok).")
    gdf = gdf.copy()
    gdf["kode_bps"] = kode
    gdf = gdf[gdf["kode_bps"].notna() & gdf.geometry.notna()]
    jenis = set(gdf.geom_type.dropna().unique())
    if not jenis <= {"Polygon", "MultiPolygon"}:
        raise BatasTidakSah(f"geometri harus poligon (batas wilayah), ditemukan: {', '.join(sorted(jenis))}")
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if not (-180 <= minx <= 180 and -90 <= miny <= 90 and -180 <= maxx <= 180 and -90 <= maxy <= 90):
            raise BatasTidakSah("sistem koordinat (CRS) tidak diketahui: sertakan berkas .prj di dalam zip")
        gdf = gdf.set_crs(4326)
        catatan.append("Berkas tanpa CRS: dianggap WGS84 (EPSG:4326).")
    elif gdf.crs.to_epsg() != 4326:
        catatan.append(f"Koordinat diubah dari {gdf.crs.name} ke WGS84 (EPSG:4326).")
        gdf = gdf.to_crs(4326)
    minx, miny, maxx, maxy = gdf.total_bounds
    k = KOTAK_KALSEL
    if minx < k[0] or miny < k[1] or maxx > k[2] or maxy > k[3]:
        raise BatasTidakSah(
            f"bentuk wilayah di koordinat ({minx:.2f}, {miny:.2f}) - ({maxx:.2f}, {maxy:.2f}), di luar Kalimantan "
            "Selatan: berkas provinsi lain, atau sistem koordinat salah"
        )
    tidak_sah = ~gdf.geometry.is_valid
    if tidak_sah.any():
        gdf.loc[tidak_sah, "geometry"] = gdf.loc[tidak_sah, "geometry"].make_valid()
        catatan.append(f"{int(tidak_sah.sum())} geometri tidak sah diperbaiki.")
    per_kab = gdf.groupby("kode_bps").size()
    gdf["nama_sumber"] = gdf[kolom].astype(str)
    if int(per_kab.max()) > 1:
        catatan.append(
            f"{len(gdf)} fitur (tingkat desa/kecamatan) digabung menjadi {len(per_kab)} kabupaten/kota "
            f"menurut kolom '{kolom}'."
        )
        gdf = gdf.dissolve(by="kode_bps", as_index=False, aggfunc={"nama_sumber": "first"})
        gdf["geometry"] = gdf.geometry.buffer(0)
    gdf = gdf[["kode_bps", "nama_sumber", "geometry"]].sort_values("kode_bps").reset_index(drop=True)
    hilang = [NAMA_RESMI[k] for k in NAMA_RESMI if k not in set(gdf["kode_bps"])]
    return Kabupaten(gdf, kolom, label, len(pilihan[2]), hilang, catatan)


def baca_kabupaten(path: Path, nama: str | None = None) -> Kabupaten:
    """:func:`lapisan` then :func:`kabupaten`: the whole way from a file to the kabupaten it holds."""
    return kabupaten(lapisan(path, nama))
