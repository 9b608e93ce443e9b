"""Applying imports to a real warehouse: replace not add, sample rows retired, provenance and log written,
derived tables rebuilt, restore, one import at a time, and a killed import leaves the old file."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import polars as pl
import pytest

from dasbor.warehouse import db, settings
from dasbor.warehouse.impor import periksa, riwayat, simpan
from dasbor.warehouse.peran import Pengguna
from tests import impor_berkas as ib
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
BATAS_BERSAMA = ROOT.parent / "shared" / "geo" / "kalsel_kabupaten.geojson"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _q(path: Path, sql: str) -> pl.DataFrame:
    """A read-only look at a warehouse file, for assertions (tests may run ad-hoc SQL)."""
    con = db.connect(path, read_only=True)
    try:
        with con.cursor() as cur:
            frame: pl.DataFrame = cur.sql(sql).pl()
        return frame
    finally:
        con.close()


def _impor(w: Path, nama: str, data: bytes, jenis: str = "ikm", **kw: object) -> riwayat.HasilImpor:
    hasil = periksa.periksa(nama, data, jenis=jenis, **kw)  # type: ignore[arg-type]
    assert hasil.boleh_impor, hasil.masalah
    return simpan.terapkan(hasil, w, Pengguna("penguji", "admin"))


def test_import_replaces_sample_then_reimport_does_not_double_count(salinan_gudang: Path) -> None:
    w = salinan_gudang
    firms = ib.firma(60, seed=11)
    data = ib.csv_ikm(firms)
    assert "ikm" in _q(w, "select * from sumber where jenis = 'contoh'")["tabel"].explode().to_list()
    pertama = _impor(w, "ikm_2025.csv", data)
    assert pertama.contoh_dihapus > 1000 and pertama.baris_baru == 60 and pertama.baris_diganti == 0
    kedua = _impor(w, "ikm_2025.csv", data)
    assert kedua.contoh_dihapus == 0 and kedua.baris_baru == 60 and kedua.baris_diganti == 60
    ikm = _q(w, "select * from ikm")
    assert ikm.height == 60
    assert int(ikm["tenaga_kerja_l"].sum()) == sum(f.tk_l for f in firms)
    assert int(ikm["investasi_rp"].sum()) == sum(f.investasi for f in firms)
    ringkas = _q(w, "select sum(jumlah_ikm) as n, sum(tenaga_kerja_p) as p, sum(investasi_rp) as inv from ikm_ringkas")
    assert ringkas.row(0) == (60, sum(f.tk_p for f in firms), sum(f.investasi for f in firms))
    contoh = _q(w, "select unnest(tabel) as tabel from sumber where jenis = 'contoh'")["tabel"].to_list()
    assert "ikm" not in contoh and "ekspor" in contoh
    con = db.connect(w, read_only=True)
    try:
        assert "ikm" not in db.run_query(con, "tabel_contoh")["tabel"].to_list()
        sumber_ikm = db.run_query(con, "sumber_tabel", tabel=["ikm"])
    finally:
        con.close()
    assert sumber_ikm.select("nama", "jenis").rows() == [("Impor: ikm_2025.csv", "impor")]
    impor = _q(w, "select * from sumber where jenis = 'impor'")
    assert impor.height == 1  # the first import's provenance went with its replaced rows
    assert impor["sha256"][0] == hashlib.sha256(data).hexdigest()
    assert impor["baris"][0] == 60
    log = _q(w, "select * from impor_log order by waktu")
    assert log["status"].to_list() == ["dibangun", "diimpor", "diimpor"]
    assert log["oleh"][1] == "penguji" and log["baris_diterima"][1] == 60
    assert log["sha256"][2] == hashlib.sha256(data).hexdigest()


def test_import_of_one_kabupaten_keeps_the_others(salinan_gudang: Path) -> None:
    w = salinan_gudang
    _impor(w, "semua.csv", ib.csv_ikm(ib.firma(26, seed=12)))
    _impor(w, "tapin.csv", ib.csv_ikm(ib.firma(5, seed=13, kab=("6305",))))
    per_kab = dict(_q(w, "select kode_bps, count(*) from ikm group by all").rows())
    assert per_kab["6305"] == 5 and per_kab["6301"] == 2 and sum(per_kab.values()) == 24 + 5


def test_export_import_rebuilds_the_monthly_aggregate(salinan_gudang: Path) -> None:
    w = salinan_gudang
    data, total = ib.csv_ekspor_bps()
    _impor(w, "ekspor_2024.csv", data, jenis="ekspor")
    assert _q(w, "select count(*) from ekspor").item() == 4
    bulanan = _q(w, "select coalesce(kode_bps, '') as k, sum(nilai_usd) as v from ekspor_bulanan group by all")
    assert dict(bulanan.rows()) == pytest.approx(total)
    assert _q(w, "select rantai, tahap from hs_peta where kode_hs = '03061700'").row(0) == ("perikanan", "hulu")


def test_tenant_import_replaces_the_estate_list(salinan_gudang: Path) -> None:
    w = salinan_gudang
    data = ib.xlsx_baris([["Kawasan", "Nama Perusahaan", "Status"], ["Batulicin", "PT Baja Contoh", "operasi"]])
    _impor(w, "tenant.xlsx", data, jenis="tenant")
    tenant = _q(w, "select kawasan_id, nama_perusahaan from kawasan_tenant order by all")
    assert ("batulicin", "PT Baja Contoh") in tenant.rows()
    assert tenant.filter(pl.col("kawasan_id") == "batulicin").height == 1
    assert not tenant.filter(pl.col("nama_perusahaan").str.starts_with("Contoh:")).height


def test_rejected_file_leaves_the_warehouse_byte_identical(salinan_gudang: Path) -> None:
    w = salinan_gudang
    sebelum = _sha(w)
    hasil = periksa.periksa("ikm.csv", b"Nama Usaha;Kab/Kota;Tahun\nUD A;Antah;2025\n", jenis="ikm")
    with pytest.raises(riwayat.ImporGagal):
        simpan.terapkan(hasil, w, Pengguna("penguji", "admin"))
    simpan.catat_ditolak(w, hasil, "penguji")
    assert _sha(w) == sebelum
    jurnal = simpan.baca_jurnal(w)
    assert jurnal.select("berkas", "status", "oleh").rows() == [("ikm.csv", "ditolak", "penguji")]


def test_kembalikan_restores_the_data_and_keeps_the_log(salinan_gudang: Path) -> None:
    w = salinan_gudang
    tabel = ("ikm", "ikm_ringkas", "sumber")
    sebelum = {t: _q(w, "select * from " + t + " order by all") for t in tabel}  # noqa: S608 - fixed names
    _impor(w, "ikm.csv", ib.csv_ikm(ib.firma(10, seed=14)))
    assert _q(w, "select count(*) from ikm").item() == 10
    v = simpan.kembalikan(w, Pengguna("penguji", "admin"))
    assert v.berkas == "ikm.csv"
    for t in tabel:
        assert _q(w, "select * from " + t + " order by all").equals(sebelum[t]), t  # noqa: S608 - fixed names
    assert _q(w, "select status from impor_log order by waktu")["status"].to_list() == [
        "dibangun",
        "diimpor",
        "dikembalikan",
    ]
    assert riwayat.daftar_versi(w) == []
    with pytest.raises(riwayat.ImporGagal, match="Belum ada versi"):
        simpan.kembalikan(w, Pengguna("penguji", "admin"))


def test_only_the_last_versions_are_kept(salinan_gudang: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_IMPOR_VERSI", "2")
    for i in range(4):
        _impor(salinan_gudang, f"ikm_{i}.csv", ib.csv_ikm(ib.firma(3, seed=20 + i)))
    versi = riwayat.daftar_versi(salinan_gudang)
    assert len(versi) == 2 and [v.berkas for v in versi] == ["ikm_3.csv", "ikm_2.csv"]


def test_a_second_import_is_told_to_wait(salinan_gudang: Path) -> None:
    hasil = periksa.periksa("ikm.csv", ib.csv_ikm(ib.firma(3)), jenis="ikm")
    sebelum = _sha(salinan_gudang)
    with riwayat.kunci(salinan_gudang, "Budi"), pytest.raises(riwayat.ImporSibuk, match="oleh Budi sejak"):
        simpan.terapkan(hasil, salinan_gudang, Pengguna("Ani", "admin"))
    assert _sha(salinan_gudang) == sebelum
    simpan.terapkan(hasil, salinan_gudang, Pengguna("Ani", "admin"))  # the lock is free again


def test_derived_steps_are_found_from_the_build_sql() -> None:
    assert simpan.langkah_turunan("ikm") == ["ikm_ringkas"]
    assert simpan.langkah_turunan("ekspor") == ["hs_peta", "ekspor_bulanan", "ekspor_kode_tahunan", "ekspor_negara"]
    assert simpan.langkah_turunan("target") == []


def test_killed_import_leaves_the_previous_warehouse(salinan_gudang: Path, tmp_path: Path) -> None:
    w = salinan_gudang
    sebelum = _sha(w)
    n_ikm = _q(w, "select count(*) from ikm").item()
    berkas = tmp_path / "ikm_2025.csv"
    berkas.write_bytes(ib.csv_ikm(ib.firma(150_000, seed=15)))
    proc = subprocess.Popen(
        [sys.executable, "-m", "dasbor.impor", str(berkas), "--jenis", "ikm", "--gudang", str(w)],
        cwd=ROOT,
        env={**os.environ, "DASBOR_IMPOR_MAKS_MB": "200"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    for baris in proc.stderr:
        if "Menerapkan ke salinan gudang data" in baris:
            break
    sisa = list(w.parent.glob(f".{w.name}.*.impor"))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert sisa, "the import was not under way when killed"
    assert _sha(w) == sebelum
    assert _q(w, "select count(*) from ikm").item() == n_ikm
    # The next import clears the leftovers of the killed one.
    _impor(w, "kecil.csv", ib.csv_ikm(ib.firma(2, seed=16)))
    assert not list(w.parent.glob(f".{w.name}.*.impor"))


# ---------------------------------------------------------------------------------------------------------
# Boundary files
# ---------------------------------------------------------------------------------------------------------
def _kotak(n: int = 13, tanpa: str | None = None) -> bytes:
    """13 small squares inside the province, named in local spellings (no shared file needed)."""
    fitur = []
    for i, (kode, nama) in enumerate(ib.EJAAN_KAB.items()):
        if kode == tanpa or i >= n:
            continue
        x, y = 114.5 + 0.15 * i, -3.0
        cincin = [[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]
        fitur.append(
            {
                "type": "Feature",
                "properties": {"NAMOBJ": nama},
                "geometry": {"type": "Polygon", "coordinates": [cincin]},
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": fitur}).encode()


@pytest.fixture
def geo_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "geo"
    monkeypatch.setenv("DASBOR_GEO_DIR", str(folder))
    return folder


def test_boundary_file_stored_atomically_and_restored(salinan_gudang: Path, geo_dir: Path) -> None:
    hasil = periksa.periksa("batas.geojson", _kotak(), jenis=None)
    assert hasil.jenis == "batas" and hasil.status == "siap", hasil.masalah
    simpan.terapkan(hasil, salinan_gudang, Pengguna("penguji", "admin"))
    tersimpan = json.loads((geo_dir / "batas_kabupaten.geojson").read_text())
    props = sorted((f["properties"]["kode_bps"], f["properties"]["nama_sumber"]) for f in tersimpan["features"])
    assert len(props) == 13 and props[0] == ("6301", "Tala") and props[-1] == ("6372", "Banjar Baru")
    assert set(tersimpan["features"][0]["properties"]) == {"kode_bps", "kode_kemendagri", "nama", "nama_sumber"}
    assert _q(salinan_gudang, "select jenis, status from impor_log order by waktu desc").row(0) == ("batas", "diimpor")
    simpan.kembalikan(salinan_gudang, Pengguna("penguji", "admin"))
    assert not (geo_dir / "batas_kabupaten.geojson").exists()


def test_boundary_file_missing_a_kabupaten_is_refused(geo_dir: Path) -> None:
    hasil = periksa.periksa("batas.geojson", _kotak(tanpa="6311"), jenis="batas")
    assert hasil.status == "ditolak"
    assert "Balangan tidak ditemukan di berkas batas wilayah" in hasil.masalah["aturan"].to_list()


def _zip(anggota: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in anggota.items():
            z.writestr(nama, isi)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("anggota", "aturan"),
    [
        ({"../../etc/batas.geojson": b"{}"}, "arsip berisi jalur di luar foldernya ('../../etc/batas.geojson')"),
        ({"/tmp/batas.geojson": b"{}"}, "arsip berisi jalur di luar foldernya ('/tmp/batas.geojson')"),  # noqa: S108
        ({"batas.geojson": b"\0" * 50_000_000}, "isi arsip 'batas.geojson' mengembang berlebihan"),
    ],
    ids=["jalur-naik", "jalur-mutlak", "bom-zip"],
)
def test_dangerous_zips_are_refused_before_extraction(anggota: dict[str, bytes], aturan: str, geo_dir: Path) -> None:
    hasil = periksa.periksa("batas.zip", _zip(anggota), jenis="batas")
    assert hasil.status == "ditolak"
    assert str(hasil.masalah["aturan"][0]).startswith(aturan)
    assert not geo_dir.exists()


def test_zipped_shapefile_in_another_crs_is_reprojected(tmp_path: Path, geo_dir: Path) -> None:
    import geopandas as gpd

    geo = gpd.read_file(io.BytesIO(_kotak())).to_crs(32750)
    folder = tmp_path / "shp"
    folder.mkdir()
    geo.to_file(folder / "batas.shp")
    data = _zip({p.name: p.read_bytes() for p in folder.iterdir()})
    hasil = periksa.periksa("batas_shp.zip", data, jenis=None)
    assert hasil.status == "siap", hasil.masalah
    assert any("ke WGS84 (EPSG:4326)" in c for c in hasil.catatan)


@pytest.mark.skipif(not BATAS_BERSAMA.exists(), reason="../shared/geo/kalsel_kabupaten.geojson is not on this machine")
def test_the_real_boundary_file(geo_dir: Path) -> None:
    hasil = periksa.periksa(BATAS_BERSAMA.name, BATAS_BERSAMA.read_bytes(), jenis="batas")
    assert hasil.status == "siap", hasil.masalah
    assert hasil.data.height == 13
    luas = dict(hasil.data.select("kode_bps", "luas_km2").rows())
    assert 9000 < luas["6302"] < 9400  # Kotabaru, the largest (SOURCES.md: 9,169 km2 planimetric)


def test_settings_place_the_import_folder_beside_the_warehouse(gudang: Fixture) -> None:
    assert settings.impor_dir(gudang.warehouse) == gudang.warehouse.parent / "warehouse.duckdb.impor"
