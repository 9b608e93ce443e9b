"""Boundary files as offices receive them: the map loader and the boundary import accept and refuse alike.

Each case is built by :mod:`tests.berkas_kantor` from the shipped kabupaten and carries its expected result.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from dasbor.warehouse import batas, settings
from dasbor.warehouse.impor import geo_baca
from dasbor.warehouse.impor.periksa import periksa
from dasbor.warehouse.impor.wilayah import NAMA_RESMI
from tests import berkas_kantor as bk


@pytest.fixture(autouse=True)
def _bersih(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    batas._muat.cache_clear()
    monkeypatch.setenv("DASBOR_GEO_DIR", str(tmp_path / "geo"))
    monkeypatch.delenv("DASBOR_BOUNDARIES_ATTRIBUTION", raising=False)


@pytest.fixture(scope="module")
def kab() -> gpd.GeoDataFrame:
    return bk.kabupaten_bawaan()


def _peta(path: Path, monkeypatch: pytest.MonkeyPatch) -> batas.Batas:
    monkeypatch.setenv("DASBOR_BOUNDARIES", str(path))
    return batas.muat(NAMA_RESMI)


def _keduanya_menerima(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    peta = _peta(path, monkeypatch)
    assert not peta.skema, peta.pesan
    assert sorted(f["id"] for f in peta.geojson["features"]) == sorted(NAMA_RESMI)
    hasil = periksa(path.name, path.read_bytes(), jenis="batas")
    assert hasil.muatan is not None, (hasil.masalah.to_dicts(), hasil.catatan)
    assert hasil.data.height == 13


def _keduanya_menolak(path: Path, monkeypatch: pytest.MonkeyPatch, alasan: str) -> None:
    peta = _peta(path, monkeypatch)
    assert peta.skema and len(peta.geojson["features"]) == 13
    assert path.name in peta.pesan[0] and alasan in peta.pesan[0], peta.pesan
    assert "Error" not in peta.pesan[0] and "Traceback" not in peta.pesan[0]
    hasil = periksa(path.name, path.read_bytes(), jenis="batas")
    assert hasil.muatan is None
    assert any(alasan in a for a in hasil.masalah["aturan"].to_list()), hasil.masalah.to_dicts()


@pytest.mark.parametrize(
    ("folder", "huruf_besar", "tanpa_prj", "tambahan"),
    [
        ("Batas Kabupaten Kalsel/", False, False, {}),
        ("SHP/2020/ADMIN/", True, True, {}),
        ("data/", False, False, {"data/batas.url": b"[InternetShortcut]", "data/batas.shp.xml": b"<x/>", "a.sbn": b""}),
    ],
    ids=["dalam-folder", "folder-bertingkat-huruf-besar-tanpa-prj", "berkas-tambahan"],
)
def test_zipped_shapefile_in_folders_is_read_by_map_and_import(
    kab: gpd.GeoDataFrame,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    folder: str,
    huruf_besar: bool,
    tanpa_prj: bool,
    tambahan: dict[str, bytes],
) -> None:
    path = tmp_path / "batas_kalsel.zip"
    isi = bk.shapefile_zip(kab, folder, huruf_besar=huruf_besar, tanpa_prj=tanpa_prj, tambahan=tambahan, kerja=tmp_path)
    path.write_bytes(isi)
    _keduanya_menerima(path, monkeypatch)


def test_zip_with_two_shapefiles_in_two_folders_takes_the_kabupaten_one(
    kab: gpd.GeoDataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    provinsi = gpd.GeoDataFrame({"nama": ["Kalimantan Selatan"]}, geometry=[kab.union_all()], crs=4326)
    satu = bk.shapefile_zip(provinsi, "provinsi/", kerja=tmp_path / "a")
    dua = bk.shapefile_zip(kab, "kabupaten/", kerja=tmp_path / "b")
    gabung: dict[str, bytes] = {}
    for isi in (satu, dua):
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            gabung |= {n: z.read(n) for n in z.namelist()}
    path = tmp_path / "dua_folder.zip"
    path.write_bytes(bk.zip_anggota(gabung))
    _keduanya_menerima(path, monkeypatch)


def test_geopackage_with_layers_in_utm_takes_the_layer_with_13(
    kab: gpd.GeoDataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = bk.gpkg_berlapis(kab, tmp_path / "batas_big.gpkg")
    _keduanya_menerima(path, monkeypatch)
    hasil = geo_baca.baca_kabupaten(path)
    assert "kabupaten" in hasil.lapisan


def test_desa_level_file_is_dissolved_by_exact_codes_never_by_address_digits(
    kab: gpd.GeoDataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desa = bk.desa(kab)
    assert len(desa) > 13 * 3
    path = tmp_path / "idn_admbnda_adm4_kalsel.geojson"
    desa.to_file(path)
    _keduanya_menerima(path, monkeypatch)
    hasil = geo_baca.baca_kabupaten(path)
    assert hasil.kolom in {"ADM2_PCODE", "ADM2_EN"} and len(hasil.gdf) == 13
    assert any("digabung menjadi 13" in c for c in hasil.catatan)
    # The address column alone ("RT 03/RW 02") names no kabupaten: four digits are not a code.
    assert geo_baca.kode_fitur("RT 03/RW 02") is None and geo_baca.kode_fitur("6303010001") is None
    assert [geo_baca.kode_fitur(k) for k in ("6303", "63.03", "ID6303", "Kota Banjar")] == ["6303"] * 3 + [None]


def test_esri_json_is_read(kab: gpd.GeoDataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "batas_arcgis.json"
    path.write_bytes(bk.esri_json(kab))
    _keduanya_menerima(path, monkeypatch)


def test_another_province_with_kalsel_names_is_refused(
    kab: gpd.GeoDataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "batas_jabar.geojson"
    bk.provinsi_lain(kab).to_file(path)
    _keduanya_menolak(path, monkeypatch, "di luar Kalimantan Selatan")


def test_points_are_not_boundaries(kab: gpd.GeoDataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    titik = kab.copy()
    titik["geometry"] = titik.geometry.representative_point()
    path = tmp_path / "ibukota.geojson"
    titik.to_file(path)
    _keduanya_menolak(path, monkeypatch, "geometri harus poligon")


def test_zip_member_escaping_its_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "jahat.zip"
    path.write_bytes(bk.zip_anggota({"../../etc/batas.shp": b"x", "batas.dbf": b"y"}))
    _keduanya_menolak(path, monkeypatch, "jalur di luar foldernya")


@pytest.mark.parametrize(
    ("buat", "alasan"),
    [
        (lambda p: p / "tidak_ada.geojson", "tidak ditemukan"),
        (lambda p: (p / "folder.geojson").mkdir() or p / "folder.geojson", "sebuah folder"),
        (lambda p: (p / "catatan.geojson").write_text("bukan peta") and p / "catatan.geojson", "bukan berkas batas"),
    ],
    ids=["tidak-ada", "folder", "bukan-peta"],
)
def test_a_bad_configured_path_gives_the_schematic_map_and_a_plain_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, buat: Callable[[Path], Path], alasan: str
) -> None:
    path = buat(tmp_path)
    peta = _peta(path, monkeypatch)
    assert peta.skema and len(peta.geojson["features"]) == 13
    assert path.name in peta.pesan[0] and alasan in peta.pesan[0], peta.pesan
    assert "Error" not in peta.pesan[0]


def test_simplified_map_keeps_shared_borders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An office file is simplified as one coverage: the union of the drawn kabupaten has no gaps or slivers."""
    asli = gpd.read_file(settings.batas_bawaan_path())
    path = tmp_path / "kantor.geojson"
    asli.to_file(path)
    peta = _peta(path, monkeypatch)
    geo = gpd.GeoDataFrame.from_features(peta.geojson["features"], crs=4326)
    assert shapely.coverage_is_valid(geo.geometry.values)
    luas_gabung = gpd.GeoSeries([geo.union_all()], crs=4326).to_crs(6933).area.sum()
    assert abs(geo.to_crs(6933).area.sum() - luas_gabung) / luas_gabung < 1e-6, "no overlaps"
