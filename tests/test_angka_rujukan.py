"""Public reference figures: shipped with their sources, loaded as a table with provenance, compared right."""

from __future__ import annotations

import csv

import duckdb
import polars as pl
import pytest

from dasbor.views import rujukan
from dasbor.warehouse import settings
from tests.aplikasi import kueri
from tests.conftest import Fixture


def test_tabel_dan_sumber(gudang: Fixture) -> None:
    with (settings.reference_dir() / "angka_rujukan.csv").open(encoding="utf-8") as f:
        baris = list(csv.DictReader(f))
    assert all(None not in b for b in baris), "a row with more fields than the header"
    con = duckdb.connect(str(gudang.warehouse), read_only=True)
    try:
        jumlah = con.sql("select count(*) from angka_rujukan").fetchall()[0]
        tanpa_sumber = con.sql(
            "select count(*) from angka_rujukan where sumber_id not in "
            "(select id from sumber where jenis = 'rujukan' and list_contains(tabel, 'angka_rujukan'))"
        ).fetchall()[0]
    finally:
        con.close()
    assert jumlah == (len(baris),)
    assert tanpa_sumber == (0,)
    sumber = kueri(gudang, "sumber_tabel", tabel=["angka_rujukan"])
    assert sumber.height >= 5 and set(sumber["jenis"]) == {"rujukan"} and sumber["url"].is_not_null().all()


def test_banding_ekspor_bulanan_sama_dengan_gudang(gudang: Fixture) -> None:
    df = kueri(gudang, "angka_rujukan_banding")
    jan = df.filter((pl.col("indikator") == "ekspor_total") & (pl.col("periode") == "2024-01")).row(0, named=True)
    assert jan["nilai_rujukan"] == 1000.0
    con = duckdb.connect(str(gudang.warehouse), read_only=True)
    try:
        total, hs27 = con.sql(
            "select sum(nilai_usd), sum(nilai_usd) filter (where kode_hs like '27%') from ekspor "
            "where tahun = 2024 and bulan = 1"
        ).fetchall()[0]
        ikm = con.sql("select count(*) from ikm where tahun_data = 2023").fetchall()[0]
    finally:
        con.close()
    assert jan["nilai_gudang"] == pytest.approx(total / 1e6)
    assert jan["jenis_gudang"] == "contoh"
    porsi = df.filter((pl.col("indikator") == "porsi_hs27") & (pl.col("periode") == "2024-01")).row(0, named=True)
    assert porsi["nilai_rujukan"] == pytest.approx(100 * 869.59 / 1000)
    assert porsi["nilai_gudang"] == pytest.approx(100 * hs27 / total)
    ikm_row = df.filter((pl.col("indikator") == "jumlah_ikm") & (pl.col("periode") == "2023-05")).row(0, named=True)
    assert ikm_row["nilai_gudang"] == ikm[0]
    # Periods the warehouse does not cover are listed with no number of ours.
    assert df.filter(pl.col("periode") == "2005")["nilai_gudang"].to_list() == [None]


def test_tabel_tampilan_terpisah(gudang: Fixture) -> None:
    df = kueri(gudang, "angka_rujukan_banding")
    t = rujukan.tabel_banding(df)
    assert t.columns == ["Indikator", "Periode", "Angka rujukan", "Data contoh", "Selisih", "Sumber rujukan"]
    assert t.filter(pl.col("Periode") == "2024-01")["Angka rujukan"].to_list()[0] == "US$ 1,0 miliar"
    assert "Data contoh" in rujukan.ringkas(df)
    kantor = df.with_columns(pl.lit("impor").alias("jenis_gudang"))
    assert "Data kantor" in rujukan.tabel_banding(kantor).columns
