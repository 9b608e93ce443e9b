"""Office-like files built in code, each with the result it must give (issue 12's corpus).

Boundary files start from the shipped BPS 2020 kabupaten (``data/batas/``) and are laid out the ways offices
receive them: zipped Shapefiles inside one or several folders with upper-case extensions and extra files, a
GeoPackage in UTM with several layers, a desa-level file in the HDX adm4 layout, Esri JSON, another
province's file carrying Kalsel names. Workbooks are written with xlsxwriter (merged cells, hidden sheets)
and CSVs as bytes in the encodings offices use.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
import xlsxwriter
from shapely.affinity import translate

from dasbor.warehouse import settings


def kabupaten_bawaan() -> gpd.GeoDataFrame:
    """The shipped 13 kabupaten (kode_bps, nama, geometry), EPSG:4326."""
    return gpd.read_file(settings.batas_bawaan_path())


# ---------------------------------------------------------------------------------------------------------
# Boundary files
# ---------------------------------------------------------------------------------------------------------
def shapefile_zip(
    gdf: gpd.GeoDataFrame,
    folder: str = "",
    *,
    huruf_besar: bool = False,
    tanpa_prj: bool = False,
    tambahan: dict[str, bytes] | None = None,
    kerja: Path,
) -> bytes:
    """A zip holding ``gdf`` as a Shapefile under ``folder`` (upper-case extensions, no .prj/.cpg, extra
    members such as ``.url`` or ``.shp.xml`` on request)."""
    kerja.mkdir(parents=True, exist_ok=True)
    gdf.to_file(kerja / "batas.shp")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(kerja.glob("batas.*")):
            akhiran = f.suffix.upper() if huruf_besar else f.suffix
            if tanpa_prj and f.suffix.lower() in {".prj", ".cpg"}:
                continue
            z.writestr(f"{folder}BATAS_KAB{akhiran}" if huruf_besar else f"{folder}batas{akhiran}", f.read_bytes())
        for nama, isi in (tambahan or {}).items():
            z.writestr(nama, isi)
    return buf.getvalue()


def zip_anggota(anggota: dict[str, bytes]) -> bytes:
    """A zip of the given members, names as given (also ones that escape their folder)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for nama, isi in anggota.items():
            z.writestr(nama, isi)
    return buf.getvalue()


def desa(gdf: gpd.GeoDataFrame, potong: int = 3) -> gpd.GeoDataFrame:
    """The HDX adm4 layout: each kabupaten cut into ``potong`` x ``potong`` desa pieces, with desa P-codes
    (ID6301010001), the kabupaten P-code and name, and an address column whose digits must never count."""
    baris: list[dict[str, Any]] = []
    for _, f in gdf.iterrows():
        minx, miny, maxx, maxy = f.geometry.bounds
        lebar, tinggi = (maxx - minx) / potong, (maxy - miny) / potong
        n = 0
        for i in range(potong):
            for j in range(potong):
                kotak = shapely.box(
                    minx + i * lebar, miny + j * tinggi, minx + (i + 1) * lebar, miny + (j + 1) * tinggi
                )
                bagian = f.geometry.intersection(kotak)
                if bagian.is_empty or bagian.area == 0:
                    continue
                n += 1
                baris.append(
                    {
                        "ADM4_PCODE": f"ID{f.kode_bps}010{n:03d}",
                        "ADM4_EN": f"Desa {n}",
                        "ADM2_PCODE": f"ID{f.kode_bps}",
                        "ADM2_EN": f.nama,
                        "ALAMAT": "RT 03/RW 02",
                        "geometry": bagian,
                    }
                )
    hasil = gpd.GeoDataFrame(baris, geometry="geometry", crs=4326)
    hasil["geometry"] = hasil.geometry.apply(
        lambda g: (
            g
            if g.geom_type in {"Polygon", "MultiPolygon"}
            else shapely.MultiPolygon([p for p in getattr(g, "geoms", []) if p.geom_type == "Polygon"])
        )
    )
    return hasil


def provinsi_lain(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Kalsel's names on shapes moved to Jawa Barat (about 107.5 E, -6.9): must be refused, never drawn."""
    pindah = gdf.copy()
    pindah["geometry"] = pindah.geometry.apply(lambda g: translate(g, xoff=-7.5, yoff=-4.0))
    return pindah


def gpkg_berlapis(gdf: gpd.GeoDataFrame, path: Path) -> Path:
    """A GeoPackage in UTM 50S with three layers: provinsi (1 feature), kabupaten (13), a points layer."""
    utm = gdf.to_crs(32750)
    gpd.GeoDataFrame({"nama": ["Kalimantan Selatan"]}, geometry=[utm.union_all()], crs=32750).to_file(
        path, layer="provinsi"
    )
    utm.rename(columns={"nama": "WADMKK", "kode_bps": "KDBPS"}).to_file(path, layer="kabupaten")
    titik = utm.copy()
    titik["geometry"] = titik.geometry.representative_point()
    titik.to_file(path, layer="ibukota")
    return path


def esri_json(gdf: gpd.GeoDataFrame) -> bytes:
    """The layer as Esri JSON (what an ArcGIS REST query returns)."""
    fitur = []
    for _, f in gdf.iterrows():
        poligon = list(getattr(f.geometry, "geoms", [f.geometry]))
        cincin = [list(map(list, p.exterior.coords)) for p in poligon]
        fitur.append({"attributes": {"KODE": f"63.{f.kode_bps[2:]}", "NAMOBJ": f.nama}, "geometry": {"rings": cincin}})
    return json.dumps(
        {
            "geometryType": "esriGeometryPolygon",
            "spatialReference": {"wkid": 4326},
            "fields": [
                {"name": "KODE", "type": "esriFieldTypeString"},
                {"name": "NAMOBJ", "type": "esriFieldTypeString"},
            ],
            "features": fitur,
        }
    ).encode()


# ---------------------------------------------------------------------------------------------------------
# Workbooks and CSVs
# ---------------------------------------------------------------------------------------------------------
def xlsx(
    lembar: Sequence[tuple[str, Sequence[Sequence[object]]]],
    *,
    tersembunyi: frozenset[str] = frozenset(),
    gabung: dict[str, list[tuple[int, int, int, int, str]]] | None = None,
) -> bytes:
    """A workbook of named sheets (rows of values); ``tersembunyi`` sheets hidden; ``gabung`` merged ranges
    (first row, first col, last row, last col, text) per sheet."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False})
    for nama, baris in lembar:
        ws = wb.add_worksheet(nama)
        for i, r in enumerate(baris):
            for j, v in enumerate(r):
                if v is None:
                    continue
                if isinstance(v, str):
                    ws.write_string(i, j, v)
                else:
                    ws.write(i, j, v)
        for r1, c1, r2, c2, teks in (gabung or {}).get(nama, []):
            ws.merge_range(r1, c1, r2, c2, teks)
        if nama in tersembunyi:
            ws.hide()
    wb.close()
    return buf.getvalue()
