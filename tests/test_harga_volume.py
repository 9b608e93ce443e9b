"""The price/volume split (LMDI) of export value: exact on the fixture warehouse and on a hand-computed example,
and shown on the Ekspor & Hilirisasi and Profil Kabupaten pages."""

from __future__ import annotations

import math

import duckdb
import polars as pl
import pytest

from dasbor.views import hilirisasi
from dasbor.warehouse import db
from tests.aplikasi import buka, kueri
from tests.conftest import Fixture


@pytest.mark.parametrize("tahun", [2022, 2023, 2024, 2025])
@pytest.mark.parametrize("kab", [[], ["6310"], ["6301", "6371"]])
def test_identitas_lmdi_di_gudang(gudang: Fixture, tahun: int, kab: list[str]) -> None:
    df = kueri(gudang, "ekspor_harga_volume", tahun=tahun, kab=kab)
    assert df.height > 3
    selisih = df["nilai_akhir_usd"] - df["nilai_awal_usd"]
    sisa = (df["efek_harga_usd"] + df["efek_volume_usd"] - selisih).abs()
    skala = df["nilai_awal_usd"].abs() + df["nilai_akhir_usd"].abs() + 1.0
    assert (sisa / skala).max() < 1e-9  # type: ignore[operator]
    # The totals are the raw table's: nothing is lost on the way to chains and stages.
    con = duckdb.connect(str(gudang.warehouse), read_only=True)
    try:
        mentah = dict(
            con.sql(
                "select tahun, sum(nilai_usd) from ekspor where tahun in ($a, $b) "
                "and (len($kab::varchar[]) = 0 or list_contains($kab::varchar[], kode_bps)) group by tahun",
                params={"a": tahun - 1, "b": tahun, "kab": kab},
            ).fetchall()
        )
    finally:
        con.close()
    assert df["nilai_awal_usd"].sum() == pytest.approx(mentah[tahun - 1], rel=1e-12)
    assert df["nilai_akhir_usd"].sum() == pytest.approx(mentah[tahun], rel=1e-12)


def _contoh_dua_produk() -> pl.DataFrame:
    """Two products: A's price rises 25 % and its weight 20 %; B is exported only in 2025."""
    con = duckdb.connect()
    try:
        con.sql(
            "create table ekspor_kode_tahunan as select * from (values "
            "(2024, '6301', '151110', 'sawit', 'hulu', 100.0, 100.0), "
            "(2025, '6301', '151110', 'sawit', 'hulu', 150.0, 120.0), "
            "(2025, '6301', '400122', 'karet', 'antara', 30.0, 10.0)"
            ") as t(tahun, kode_bps, kode_hs, rantai, tahap, nilai_usd, berat_kg)"
        )
        hasil: pl.DataFrame = con.sql(db.load_sql("ekspor_harga_volume"), params={"tahun": 2025, "kab": []}).pl()
        return hasil
    finally:
        con.close()


def test_contoh_dua_produk_dihitung_tangan() -> None:
    df = _contoh_dua_produk()
    a = df.filter(pl.col("rantai") == "sawit").row(0, named=True)
    b = df.filter(pl.col("rantai") == "karet").row(0, named=True)
    # By hand: L(150, 100) = 50 / ln 1,5 = 123,3152...; price = L ln 1,25 = 27,5170...; volume = L ln 1,2 = 22,4830...
    rata = 50 / math.log(1.5)
    assert rata == pytest.approx(123.3152, abs=1e-4)
    assert a["efek_harga_usd"] == pytest.approx(27.5170, abs=1e-4)
    assert a["efek_volume_usd"] == pytest.approx(22.4830, abs=1e-4)
    assert a["efek_harga_usd"] + a["efek_volume_usd"] == pytest.approx(50.0, abs=1e-9)
    # B appears only in 2025: all of it is volume.
    assert (b["nilai_awal_usd"], b["nilai_akhir_usd"], b["efek_harga_usd"], b["efek_volume_usd"]) == (0, 30, 0, 30)
    # The sentence's percentages multiply to the total change: (1 + harga)(1 + volume) = 1 + total.
    hv = hilirisasi.harga_volume(df, 2025)
    assert hv.persen_total == pytest.approx(80.0)
    assert (1 + hv.persen_harga / 100) * (1 + hv.persen_volume / 100) == pytest.approx(1.8)  # type: ignore[operator]
    assert hilirisasi.kalimat(hv).startswith("Ekspor naik 80,0 %")


def test_kalimat_contoh_issue() -> None:
    # The issue's example: -9,1 % price and +2,8 % volume multiply to -6,5 %.
    v0, v1 = 100.0, 100.0 * 0.909 * 1.028
    rata = (v1 - v0) / math.log(v1 / v0)
    hv = hilirisasi.HargaVolume(2025, v0, v1, rata * math.log(0.909), rata * math.log(1.028))
    assert hilirisasi.kalimat(hv).startswith("Ekspor turun 6,6 %")
    assert "harga -9,1 %, volume +2,8 %" in hilirisasi.kalimat(hv)


def test_air_terjun_berakhir_di_nilai_akhir(gudang: Fixture) -> None:
    df = kueri(gudang, "ekspor_harga_volume", tahun=2025, kab=[])
    fig = hilirisasi.air_terjun(df, 2025)
    trace = fig.data[0]
    awal, *langkah, akhir = (float(v) for v in trace.y)
    assert awal + sum(langkah) == pytest.approx(akhir, rel=1e-9)
    assert akhir == pytest.approx(float(df["nilai_akhir_usd"].sum()) / 1e6)


def test_rasio_hilir_hulu(gudang: Fixture) -> None:
    df = kueri(gudang, "ekspor_nilai_per_kg", kab=[])
    rasio = hilirisasi.rasio_hilir_hulu(df)
    baris = rasio.filter((pl.col("rantai") == "sawit") & (pl.col("tahun") == 2025)).row(0, named=True)
    sawit = df.filter((pl.col("rantai") == "sawit") & (pl.col("tahun") == 2025))
    per_kg = dict(zip(sawit["tahap"].to_list(), (sawit["nilai_usd"] / sawit["berat_kg"]).to_list(), strict=True))
    assert baris["rasio"] == pytest.approx(per_kg["hilir"] / per_kg["hulu"])


def test_halaman_ekspor_dan_profil(gudang: Fixture) -> None:
    df = kueri(gudang, "ekspor_harga_volume", tahun=2025, kab=[])
    kalimat = hilirisasi.kalimat(hilirisasi.harga_volume(df, 2025))
    at = buka("ekspor", tahun="2025")
    assert not at.exception
    teks = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert kalimat in teks
    assert any("Harga atau volume" in s.value for s in at.subheader)
    assert any("Angka rujukan" in s.value for s in at.subheader)
    at = buka("kabupaten", kab="6310", tahun="2025")
    assert not at.exception
    teks = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "Sektor IKM dengan LQ di atas 1" in teks
    assert "Ekspor Tanah Bumbu" in teks
