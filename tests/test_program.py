"""Program: halal funnel and certificates, food IKM certified since halal became mandatory, link-and-match,
targets against achievements: checked against polars on the inputs, and the page under AppTest."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import polars as pl
from streamlit.testing.v1 import AppTest

from dasbor.views import formats, palette, program
from tests.aplikasi import kueri
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent


def test_halal_programme_per_year_matches_polars(gudang: Fixture) -> None:
    sql = kueri(gudang, "program_tahunan", jenis="halal", kab=["6303", "6310"])
    program = pl.read_parquet(gudang.masukan / "program.parquet").filter(
        (pl.col("jenis") == "halal") & pl.col("kode_bps").is_in(["6303", "6310"])
    )
    expected = program.group_by("tahun").agg(pl.col("peserta", "diajukan", "hasil").sum()).sort("tahun")
    assert sql["hasil"].to_list() == expected["hasil"].to_list()
    assert sql["diajukan"].to_list() == expected["diajukan"].to_list()
    assert all(p >= d >= h for p, d, h in sql.select("peserta", "diajukan", "hasil").rows())


def test_food_ikm_certified_since_the_obligation_matches_polars(gudang: Fixture) -> None:
    sql = kueri(gudang, "halal_pangan", kab=[])
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet").filter(pl.col("sektor") == "Pangan")
    for row in sql.iter_rows(named=True):
        tahun = ikm.filter(pl.col("tahun_data") == row["tahun"])
        halal = tahun.filter(pl.col("halal"))
        sejak = halal.filter(pl.col("tanggal_halal") >= dt.date(2024, 10, 17))
        assert (row["jumlah_pangan"], row["jumlah_halal"], row["halal_sejak_wajib"]) == (
            tahun.height,
            halal.height,
            sejak.height,
        )
        assert math.isclose(row["persen_halal"], 100 * halal.height / tahun.height)
    assert sql.filter(pl.col("tahun") < 2024)["halal_sejak_wajib"].sum() == 0


def test_targets_are_set_against_what_was_achieved(gudang: Fixture) -> None:
    sql = kueri(gudang, "target_capaian")
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet")
    baris = sql.filter((pl.col("indikator") == "jumlah_ikm") & (pl.col("tahun") == 2025)).row(0, named=True)
    assert baris["capaian"] == ikm.filter(pl.col("tahun_data") == 2025).height
    assert sql.filter(pl.col("tahun") == 2026)["capaian"].is_null().all()


def test_program_page_draws_every_section(gudang: Fixture) -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "program.py"), default_timeout=60)
    at.query_params["tahun"] = "2025"
    at.query_params["kab"] = "6310"
    at.run()
    assert not at.exception, at.exception
    judul = [s.value for s in at.subheader]
    assert judul[0] == "Sertifikasi halal IKM, Tanah Bumbu"
    assert {"Link and match dengan SMK", "Industri hijau", "Target rencana dan capaian (provinsi)"} <= set(judul)
    persen = kueri(gudang, "halal_pangan", kab=["6310"]).filter(pl.col("tahun") == 2025)["persen_halal"].item()
    assert {m.label: m.value for m in at.metric}["IKM pangan bersertifikat halal"] == formats.persen(persen)
    assert any("pendidikan tenaga kerja" in i.value for i in at.info)


def test_target_chart_draws_the_latest_year_darkest_in_the_house_colour(gudang: Fixture) -> None:
    fig = program.target_capaian(kueri(gudang, "target_capaian"))
    warna = {t.name: t.marker.color for t in fig.data}
    terbaru = max(warna)
    assert warna[terbaru] == palette.WARNA_UTAMA
    assert all(w in palette.WARNA_TAHUN_LALU for n, w in warna.items() if n != terbaru)
