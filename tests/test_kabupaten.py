"""Profil Kabupaten: ranks and shares against polars, `?kab=6310` opens Tanah Bumbu, a printable A4 layout."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from streamlit.testing.v1 import AppTest

from dasbor.views import formats, kabupaten
from dasbor.warehouse import db
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent


def _per_kab(gudang: Fixture) -> pl.DataFrame:
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        return db.run_query(con, "kpi_per_kabupaten", tahun=2025)
    finally:
        con.close()


def test_rank_and_share_follow_an_independent_count(gudang: Fixture) -> None:
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet").filter(pl.col("tahun_data") == 2025)
    hitung = ikm.group_by("kode_bps").len().sort("len", descending=True)
    urutan = hitung["kode_bps"].to_list()
    baris = kabupaten.baris_profil(_per_kab(gudang), "6310", 7.5)
    jumlah = next(b for b in baris if b.label == "Jumlah IKM")
    n = hitung.filter(pl.col("kode_bps") == "6310")["len"].item()
    assert jumlah.nilai == formats.unit(n)
    assert jumlah.peringkat == f"peringkat {urutan.index('6310') + 1} dari 13"
    assert jumlah.banding == f"{formats.persen(100 * n / ikm.height)} dari provinsi"
    assert next(b for b in baris if b.label == "Indeks Hilirisasi").banding == "provinsi 7,5 %"


def test_kab_6310_opens_tanah_bumbu_with_its_missing_leading_industry_said_plainly(gudang: Fixture) -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "kabupaten.py"), default_timeout=60)
    at.query_params["kab"] = "6310"
    at.run()
    assert not at.exception, at.exception
    assert at.header[0].value.startswith("Tanah Bumbu")
    assert any("belum tercatat dalam RPIP/RPIK" in m.value for m in at.markdown)
    assert any("Kawasan Industri Batulicin" in m.value for m in at.markdown)
    assert {m.label for m in at.metric} == {label for _, label, _ in kabupaten.KPI_PROFIL}


def test_without_a_single_kabupaten_the_page_says_which_one_it_shows(gudang: Fixture) -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "kabupaten.py"), default_timeout=60)
    at.query_params["kab"] = "6301,6371"
    at.run()
    assert not at.exception
    assert "lebih dari satu dipilih" in at.info[0].value
    assert at.header[0].value.startswith("Tanah Laut")
