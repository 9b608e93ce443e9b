"""Kawasan Industri: the radius count and the estate exports against polars, tenant rows as shown, the page."""

from __future__ import annotations

import math
from pathlib import Path

import polars as pl
from streamlit.testing.v1 import AppTest

from dasbor.views import kawasan
from tests.aplikasi import kueri
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    d = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(d))


def test_ikm_within_radius_matches_a_haversine_in_python(gudang: Fixture) -> None:
    sql = kueri(gudang, "ikm_sekitar_kawasan", tahun=2025, radius_km=25.0)
    estates = kueri(gudang, "kawasan_profil")
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet").filter(
        (pl.col("tahun_data") == 2025) & pl.col("lat").is_not_null()
    )
    for e in estates.iter_rows(named=True):
        dekat = [r for r in ikm.iter_rows(named=True) if _km(e["lat"], e["lon"], r["lat"], r["lon"]) <= 25.0]
        assert sql.filter(pl.col("kawasan_id") == e["id"])["jumlah_ikm"].sum() == len(dekat)
        assert len(dekat) > 0


def test_estate_exports_match_polars(gudang: Fixture) -> None:
    sql = kueri(gudang, "ekspor_kawasan", kab="6310", rantai=["sawit"])
    ekspor = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet").filter(pl.col("kode_bps") == "6310")
    sawit = ekspor.filter(
        pl.col("kode_hs").str.starts_with("1511")
        | pl.col("kode_hs").str.starts_with("1513")
        | pl.col("kode_hs").str.starts_with("1207")
        | pl.col("kode_hs").str.starts_with("2306")
        | pl.col("kode_hs").str.starts_with("3823")
        | pl.col("kode_hs").str.starts_with("3826")
        | pl.col("kode_hs").str.starts_with("3401")
    )
    assert math.isclose(float(sql["nilai_usd"].sum()), float(sawit["nilai_usd"].sum()), rel_tol=1e-9)
    biodiesel = ekspor.filter(pl.col("kode_hs").str.starts_with("3826"))
    assert biodiesel["tahun"].min() == 2022, "the biodiesel plant opened in October 2021"


def test_unknown_public_figures_stay_unknown(gudang: Fixture) -> None:
    tenant = kueri(gudang, "kawasan_tenant_daftar")
    baris = (
        kawasan.tabel_tenant(tenant).filter(pl.col("Perusahaan") == "PT Meratus Jaya Iron & Steel").row(0, named=True)
    )
    assert baris["Status"] == "Berhenti"
    assert baris["Tahun"] == "2012–2015"
    assert baris["Investasi"] == kawasan.TIDAK_DIUNGKAP
    assert baris["Kapasitas"] == "315.000 ton/tahun"
    assert baris["Sumber"].startswith("https://")
    contoh = kawasan.tabel_tenant(tenant).filter(pl.col("Perusahaan").str.starts_with("Contoh:"))
    assert set(contoh["Sumber"].to_list()) == {"data contoh"}


def test_status_counts_cover_every_status(gudang: Fixture) -> None:
    hitung = kawasan.jumlah_status(kueri(gudang, "kawasan_tenant_daftar"))
    assert hitung.height == 2 * len(kawasan.STATUS)
    batulicin = dict(hitung.filter(pl.col("kawasan_id") == "batulicin").select("status", "jumlah").rows())
    assert batulicin["berhenti"] >= 1 and batulicin["operasi"] >= 6


def test_kawasan_page_shows_both_estates_and_takes_the_radius_from_the_url(gudang: Fixture) -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "kawasan.py"), default_timeout=60)
    at.query_params["radius"] = "10"
    at.run()
    assert not at.exception, at.exception
    assert [s.value for s in at.subheader][:2] == ["Kawasan Industri Batulicin", "Kawasan Industri Jorong"]
    assert at.segmented_control(key="radius").value == "10"
    assert any("PT Meratus Jaya Iron & Steel" in list(tabel.value["Perusahaan"]) for tabel in at.dataframe)
    bad = AppTest.from_file(str(ROOT / "pages" / "kawasan.py"), default_timeout=60)
    bad.query_params["radius"] = "seribu"
    bad.run()
    assert not bad.exception
    assert any("radius='seribu'" in w.value for w in bad.warning)
