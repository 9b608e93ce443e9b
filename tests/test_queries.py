"""Every named query runs against the fixture warehouse, and the key numbers match an independent polars
computation straight from the Parquet inputs and the committed reference CSV."""

from __future__ import annotations

import math

import polars as pl
import pytest

from dasbor.views.filter_ikm import FilterIkm
from dasbor.warehouse import db, settings
from tests.conftest import Fixture

TAHUN = 2025
KAB = ["6303", "6310"]

PARAMS: dict[str, dict[str, object]] = {
    "wilayah": {},
    "tahun_tersedia": {},
    "kpi_ringkasan": {"tahun": TAHUN, "kab": KAB},
    "tren_tahunan": {"kab": KAB},
    "ekspor_rantai_tahap": {"tahun": TAHUN, "kab": []},
    "sumber_tabel": {"tabel": ["ikm", "ekspor"]},
    "tabel_contoh": {},
    "kpi_per_kabupaten": {"tahun": TAHUN},
    "versi_gudang": {},
    "kawasan_profil": {},
    "kawasan_tenant_daftar": {},
    "ikm_sekitar_kawasan": {"tahun": TAHUN, "radius_km": 25.0},
    "ekspor_kawasan": {"kab": "6310", "rantai": ["sawit"]},
    "program_tahunan": {"jenis": "halal", "kab": KAB},
    "program_per_kabupaten": {"jenis": "link_match_smk", "tahun": TAHUN},
    "halal_pangan": {"kab": []},
    "ikm_komoditas_tahunan": {"komoditas": "kain sasirangan", "kab": []},
    "target_capaian": {},
    "komoditas_teratas": {"tahun": TAHUN, "kab": "6310"},
    "program_kabupaten": {"kab": "6310", "tahun": TAHUN},
    "target_kabupaten": {"kab": "6310"},
    "peta_metrik": {},
    "ikm_titik": {"tahun": TAHUN},
    "ikm_pilihan": {},
    "ikm_rentang_berdiri": {},
    "ikm_ringkasan": FilterIkm(tahun=TAHUN, kab=("6303",)).params(),
    "ikm_per_sektor": FilterIkm(tahun=TAHUN).params(),
    "ikm_per_kbli": FilterIkm(tahun=TAHUN, sektor=("Pangan",)).params(),
    "ikm_per_kabupaten": FilterIkm(tahun=TAHUN, halal=True).params(),
    "ikm_per_tahun": FilterIkm(tahun=TAHUN, rantai=("rotan",)).params(),
    "ikm_rekap": FilterIkm(tahun=TAHUN, kab=tuple(KAB)).params(),
    "ikm_daftar": {**FilterIkm(tahun=TAHUN, kab=("6303",)).params(), "batas": 25, "mulai": 0},
    "ekspor_pilihan": {},
    "ekspor_indeks": {"tahun": TAHUN, "kab": [], "rantai": [], "tahap": []},
    "ekspor_indeks_rantai": {"tahun": TAHUN, "kab": KAB, "rantai": []},
    "ekspor_deret": {"periode": "bulanan", "kab": [], "rantai": ["sawit"], "tahap": []},
    "ekspor_indeks_kabupaten": {"kab": [], "rantai": []},
    "ekspor_tahap_per_rantai": {"tahun": TAHUN, "kab": [], "rantai": []},
    "ekspor_per_hs": {"tahun": TAHUN, "kab": [], "rantai": [], "tahap": []},
    "ekspor_per_negara": {"tahun": TAHUN, "kab": KAB, "rantai": [], "tahap": ["hilir"]},
    "impor_log": {},
    "kawasan_sebelum_sesudah": {},
    "ekspor_harga_volume": {"tahun": TAHUN, "kab": KAB},
    "ekspor_nilai_per_kg": {"kab": []},
    "ikm_lq": {"tahun": TAHUN},
    "ekspor_lq": {"tahun": TAHUN},
    "angka_rujukan_banding": {},
    "masukan_contoh": {},
}
"""Representative parameters of every query in queries/*.sql. A new query without an entry fails below."""


@pytest.mark.parametrize("nama", db.query_names())
def test_every_query_runs_and_returns_rows(gudang: Fixture, nama: str) -> None:
    assert nama in PARAMS, f"queries/{nama}.sql has no test parameters in tests/test_queries.py"
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        hasil = db.run_query(con, nama, **PARAMS[nama])
    finally:
        con.close()
    assert hasil.height > 0


def _peta_hs(kode: pl.Series) -> pl.DataFrame:
    """Longest-prefix match of HS codes to chains, written independently of the SQL."""
    ref = pl.read_csv(settings.reference_dir() / "hs_rantai.csv", infer_schema=False)
    awalan = sorted(ref.iter_rows(named=True), key=lambda r: -len(r["kode_hs_awalan"]))
    rows = []
    for k in kode.unique().to_list():
        cocok = next((r for r in awalan if k.startswith(r["kode_hs_awalan"])), None)
        rows.append({"kode_hs": k, "rantai": cocok and cocok["rantai"], "tahap": cocok and cocok["tahap"]})
    return pl.DataFrame(rows, schema={"kode_hs": pl.String, "rantai": pl.String, "tahap": pl.String})


def _indeks(frame: pl.DataFrame) -> float:
    terpetakan = frame.filter(pl.col("tahap").is_not_null())
    olahan = float(terpetakan.filter(pl.col("tahap").is_in(["antara", "hilir"]))["nilai_usd"].sum())
    return 100 * olahan / float(terpetakan["nilai_usd"].sum())


@pytest.mark.parametrize("kab", [[], KAB], ids=["provinsi", "dua-kabupaten"])
def test_kpi_ringkasan_matches_polars(gudang: Fixture, kab: list[str]) -> None:
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        sql = db.run_query(con, "kpi_ringkasan", tahun=TAHUN, kab=kab)
    finally:
        con.close()
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet")
    ekspor = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet")
    if kab:
        ikm = ikm.filter(pl.col("kode_bps").is_in(kab))
        ekspor = ekspor.filter(pl.col("kode_bps").is_in(kab))
    ekspor = ekspor.join(_peta_hs(ekspor["kode_hs"]), on="kode_hs", how="left")
    assert sql["tahun"].to_list() == [TAHUN - 1, TAHUN]
    for row in sql.iter_rows(named=True):
        tahun = row["tahun"]
        i = ikm.filter(pl.col("tahun_data") == tahun)
        e = ekspor.filter(pl.col("tahun") == tahun)
        assert row["jumlah_ikm"] == i.height
        assert row["tenaga_kerja"] == int(i["tenaga_kerja_l"].sum()) + int(i["tenaga_kerja_p"].sum())
        assert row["investasi_rp"] == i["investasi_rp"].sum()
        assert row["nilai_produksi_rp"] == i["nilai_produksi_rp"].sum()
        assert math.isclose(row["nilai_ekspor_usd"], e["nilai_usd"].sum(), rel_tol=1e-9)
        assert math.isclose(row["indeks_hilirisasi"], _indeks(e), rel_tol=1e-9)
        tanpa = e.filter(pl.col("rantai").is_null() | (pl.col("rantai") != "batubara"))
        assert math.isclose(row["indeks_tanpa_batubara"], _indeks(tanpa), rel_tol=1e-9)


def test_province_totals_include_exports_without_origin(gudang: Fixture) -> None:
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        semua = db.run_query(con, "kpi_ringkasan", tahun=TAHUN, kab=[])
        per_kab = db.run_query(
            con, "kpi_ringkasan", tahun=TAHUN, kab=[f"63{i:02d}" for i in range(1, 12)] + ["6371", "6372"]
        )
    finally:
        con.close()
    ekspor = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet").filter(pl.col("tahun") == TAHUN)
    tanpa_asal = ekspor.filter(pl.col("kode_bps").is_null())["nilai_usd"].sum()
    assert tanpa_asal > 0
    selisih = semua["nilai_ekspor_usd"][-1] - per_kab["nilai_ekspor_usd"][-1]
    assert math.isclose(selisih, tanpa_asal, rel_tol=1e-6)


def test_trend_and_mix_match_polars(gudang: Fixture) -> None:
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        tren = db.run_query(con, "tren_tahunan", kab=[])
        bauran = db.run_query(con, "ekspor_rantai_tahap", tahun=TAHUN, kab=[])
    finally:
        con.close()
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet")
    per_tahun = ikm.group_by("tahun_data").len().sort("tahun_data")
    assert tren.filter(pl.col("jumlah_ikm").is_not_null())["jumlah_ikm"].to_list() == per_tahun["len"].to_list()
    ekspor = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet").filter(pl.col("tahun") == TAHUN)
    ekspor = ekspor.join(_peta_hs(ekspor["kode_hs"]), on="kode_hs", how="left")
    sawit_hilir = ekspor.filter((pl.col("rantai") == "sawit") & (pl.col("tahap") == "hilir"))["nilai_usd"].sum()
    dari_sql = bauran.filter((pl.col("rantai") == "sawit") & (pl.col("tahap") == "hilir"))["nilai_usd"].item()
    assert math.isclose(dari_sql, sawit_hilir, rel_tol=1e-9)
    assert math.isclose(bauran["nilai_usd"].sum(), ekspor["nilai_usd"].sum(), rel_tol=1e-9)


def test_kpi_per_kabupaten_matches_polars(gudang: Fixture) -> None:
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        sql = db.run_query(con, "kpi_per_kabupaten", tahun=TAHUN)
    finally:
        con.close()
    assert sql.height == 13
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet").filter(pl.col("tahun_data") == TAHUN)
    ekspor = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet").filter(pl.col("tahun") == TAHUN)
    ekspor = ekspor.join(_peta_hs(ekspor["kode_hs"]), on="kode_hs", how="left")
    for row in sql.iter_rows(named=True):
        i = ikm.filter(pl.col("kode_bps") == row["kode_bps"])
        e = ekspor.filter(pl.col("kode_bps") == row["kode_bps"])
        assert row["jumlah_ikm"] == i.height
        assert row["investasi_rp"] == int(i["investasi_rp"].sum())
        assert math.isclose(row["nilai_ekspor_usd"], float(e["nilai_usd"].sum()), rel_tol=1e-9, abs_tol=1e-6)
        if e.height:
            assert math.isclose(row["indeks_hilirisasi"], _indeks(e), rel_tol=1e-9)
