"""The IKM and Ekspor & Hilirisasi queries against an independent polars computation from the Parquet inputs.

The IKM filters are re-implemented here in polars (not shared with the SQL macro), so a filter that drifts in
``queries/build/makro_ikm.sql`` fails a test. Exports reuse the independent HS mapping of tests/test_queries.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import polars as pl
import pytest

from dasbor.views.filter_ikm import FilterIkm
from dasbor.warehouse import db, settings
from tests.conftest import Fixture
from tests.test_queries import _indeks, _peta_hs

TAHUN = 2025

FILTER_IKM = {
    "provinsi": FilterIkm(tahun=TAHUN),
    "banjar": FilterIkm(tahun=TAHUN, kab=("6303",)),
    "banyak-penyaring": FilterIkm(
        tahun=TAHUN,
        kab=("6303", "6371", "6310"),
        sektor=("Pangan", "Kerajinan"),
        kbli=("10", "16", "31"),
        skala=("kecil",),
        halal=False,
        berdiri=(1995, 2018),
    ),
    "halal-ekspor-cari": FilterIkm(tahun=TAHUN, halal=True, ekspor=False, cari="KUE tra"),
    "rantai-tahap": FilterIkm(tahun=TAHUN, rantai=("rotan", "kayu"), tahap=("hilir",), ekspor=True),
}


@pytest.fixture(scope="module")
def con(gudang: Fixture) -> Iterator[db.Connection]:
    koneksi = db.connect(gudang.warehouse, read_only=True)
    yield koneksi
    koneksi.close()


@pytest.fixture(scope="module")
def ikm(gudang: Fixture) -> pl.DataFrame:
    return pl.read_parquet(gudang.masukan / "ikm" / "*.parquet")


@pytest.fixture(scope="module")
def ekspor(gudang: Fixture) -> pl.DataFrame:
    mentah = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet")
    kurs = pl.read_parquet(gudang.masukan / "kurs.parquet").select("tahun", "bulan", "rp_per_usd")
    return (
        mentah.join(_peta_hs(mentah["kode_hs"]), on="kode_hs", how="left")
        .join(kurs, on=["tahun", "bulan"], how="left")
        .with_columns((pl.col("nilai_usd") * pl.col("rp_per_usd")).alias("nilai_rp"))
    )


def saring_polars(ikm: pl.DataFrame, f: FilterIkm, *, semua_tahun: bool = False) -> pl.DataFrame:
    """The IKM filters written independently in polars (the contract the SQL macro must keep)."""
    out = ikm if semua_tahun else ikm.filter(pl.col("tahun_data") == f.tahun)
    for kolom, nilai in (
        ("kode_bps", f.kab),
        ("sektor", f.sektor),
        ("rantai", f.rantai),
        ("tahap", f.tahap),
        ("skala", f.skala),
    ):
        if nilai:
            out = out.filter(pl.col(kolom).is_in(list(nilai)))
    if f.kbli:
        out = out.filter(pl.col("kbli").str.slice(0, 2).is_in(list(f.kbli)))
    if f.halal is not None:
        out = out.filter(pl.col("halal") == f.halal)
    if f.ekspor is not None:
        out = out.filter(pl.col("berorientasi_ekspor") == f.ekspor)
    if f.berdiri is not None:
        out = out.filter(pl.col("tahun_berdiri").is_between(*f.berdiri))
    if f.cari:
        out = out.filter(pl.col("nama_usaha").str.to_lowercase().str.contains(f.cari.lower(), literal=True))
    return out


def _jumlah(df: pl.DataFrame) -> dict[str, int]:
    return {
        "jumlah_ikm": df.height,
        "tenaga_kerja_l": int(df["tenaga_kerja_l"].sum()),
        "tenaga_kerja_p": int(df["tenaga_kerja_p"].sum()),
        "investasi_rp": int(df["investasi_rp"].sum()),
        "nilai_produksi_rp": int(df["nilai_produksi_rp"].sum()),
        "nilai_bahan_baku_rp": int(df["nilai_bahan_baku_rp"].sum()),
        "nilai_tambah_rp": int((df["nilai_produksi_rp"] - df["nilai_bahan_baku_rp"]).sum()),
    }


@pytest.mark.parametrize("nama", list(FILTER_IKM))
def test_ikm_ringkasan_matches_polars(con: db.Connection, ikm: pl.DataFrame, nama: str) -> None:
    f = FILTER_IKM[nama]
    sql = db.run_query(con, "ikm_ringkasan", **f.params())
    assert sql["tahun_data"].to_list() == [TAHUN - 1, TAHUN]
    for row in sql.iter_rows(named=True):
        harap = _jumlah(saring_polars(ikm, FilterIkm(**{**f.__dict__, "tahun": row["tahun_data"]})))
        assert harap["jumlah_ikm"] > 0, f"filter {nama} matches nothing: the test would prove little"
        assert {k: row[k] for k in harap} == harap


def test_filters_really_narrow(con: db.Connection) -> None:
    """Each filter alone removes firms: a macro that ignored one would still pass the totals above."""
    semua = db.run_query(con, "ikm_ringkasan", **FilterIkm(tahun=TAHUN).params())["jumlah_ikm"][-1]
    for f in (
        FilterIkm(tahun=TAHUN, sektor=("Sandang",)),
        FilterIkm(tahun=TAHUN, kbli=("13",)),
        FilterIkm(tahun=TAHUN, rantai=("sawit",)),
        FilterIkm(tahun=TAHUN, tahap=("antara",)),
        FilterIkm(tahun=TAHUN, skala=("menengah",)),
        FilterIkm(tahun=TAHUN, halal=True),
        FilterIkm(tahun=TAHUN, ekspor=True),
        FilterIkm(tahun=TAHUN, berdiri=(2000, 2005)),
        FilterIkm(tahun=TAHUN, cari="sasirangan"),
    ):
        n = db.run_query(con, "ikm_ringkasan", **f.params())["jumlah_ikm"][-1]
        assert 0 < n < semua, f


@pytest.mark.parametrize(
    ("query", "kunci", "kolom"),
    [("ikm_per_sektor", "sektor", "sektor"), ("ikm_per_kabupaten", "kode_bps", "kode_bps")],
)
@pytest.mark.parametrize("nama", ["provinsi", "banyak-penyaring"])
def test_ikm_breakdowns_match_polars(
    con: db.Connection, ikm: pl.DataFrame, query: str, kunci: str, kolom: str, nama: str
) -> None:
    f = FILTER_IKM[nama]
    sql = db.run_query(con, query, **f.params())
    data = saring_polars(ikm, f)
    for row in sql.iter_rows(named=True):
        bagian = data.filter(pl.col(kolom) == row[kunci])
        if bagian.height == 0:
            assert row["jumlah_ikm"] == 0
            continue
        harap = _jumlah(bagian)
        assert {k: row[k] for k in harap} == harap, row[kunci]
    assert sql["jumlah_ikm"].sum() == data.height


def test_ikm_per_kabupaten_lists_the_chosen_kabupaten_even_with_zero_firms(con: db.Connection) -> None:
    f = FilterIkm(tahun=TAHUN, kab=("6303", "6310"), cari="tidak-ada-nama-seperti-ini")
    sql = db.run_query(con, "ikm_per_kabupaten", **f.params())
    assert sorted(sql["kode_bps"].to_list()) == ["6303", "6310"]
    assert sql["jumlah_ikm"].to_list() == [0, 0]
    assert db.run_query(con, "ikm_per_kabupaten", **FilterIkm(tahun=TAHUN).params()).height == 13


def test_ikm_per_kbli_labels_and_counts(con: db.Connection, ikm: pl.DataFrame) -> None:
    f = FILTER_IKM["provinsi"]
    sql = db.run_query(con, "ikm_per_kbli", **f.params())
    ref = pl.read_csv(settings.reference_dir() / "kbli2.csv", infer_schema=False)
    label = dict(zip(ref["kode"].to_list(), ref["label"].to_list(), strict=True))
    harap = saring_polars(ikm, f).group_by(pl.col("kbli").str.slice(0, 2).alias("kbli2")).len()
    assert dict(zip(sql["kbli2"].to_list(), sql["jumlah_ikm"].to_list(), strict=True)) == dict(
        zip(harap["kbli2"].to_list(), harap["len"].to_list(), strict=True)
    )
    assert sql.filter(pl.col("kbli2") == "10")["label"].item() == "Makanan"
    assert all(row["label"] == label[row["kbli2"]] for row in sql.iter_rows(named=True))


def test_every_kbli_division_in_the_sample_has_a_label(ikm: pl.DataFrame) -> None:
    ref = pl.read_csv(settings.reference_dir() / "kbli2.csv", infer_schema=False)
    assert set(ikm["kbli"].str.slice(0, 2).unique().to_list()) <= set(ref["kode"].to_list())


def test_ikm_per_tahun_covers_every_registry_year(con: db.Connection, ikm: pl.DataFrame) -> None:
    f = FILTER_IKM["rantai-tahap"]
    sql = db.run_query(con, "ikm_per_tahun", **f.params())
    harap = saring_polars(ikm, f, semua_tahun=True).group_by("tahun_data").len().sort("tahun_data")
    assert sql["tahun_data"].to_list() == harap["tahun_data"].to_list()
    assert sql["jumlah_ikm"].to_list() == harap["len"].to_list()
    assert sql.filter(pl.col("terpilih"))["tahun_data"].to_list() == [TAHUN]


def test_ikm_rekap_matches_polars(con: db.Connection, ikm: pl.DataFrame) -> None:
    f = FILTER_IKM["banyak-penyaring"]
    sql = db.run_query(con, "ikm_rekap", **f.params())
    harap = saring_polars(ikm, f).group_by("kode_bps", "sektor").agg(pl.len(), pl.col("investasi_rp").sum())
    gabung = sql.join(harap, on=["kode_bps", "sektor"], how="full", coalesce=True)
    assert gabung.height == sql.height == harap.height
    assert (gabung["jumlah_ikm"] == gabung["len"]).all()
    assert (gabung["investasi_rp"] == gabung["investasi_rp_right"]).all()
    assert set(sql["tahun_data"].to_list()) == {TAHUN}


def test_ikm_daftar_pages_and_full_list(con: db.Connection, ikm: pl.DataFrame) -> None:
    f = FILTER_IKM["banjar"]
    urut = saring_polars(ikm, f).sort("nama_usaha", "id")
    hal2 = db.run_query(con, "ikm_daftar", **f.params(), batas=25, mulai=25)
    assert hal2["id"].to_list() == urut["id"].slice(25, 25).to_list()
    semua = db.run_query(con, "ikm_daftar", **f.params(), batas=None, mulai=0)
    assert semua.height == urut.height
    assert (semua["nilai_tambah_rp"] == semua["nilai_produksi_rp"] - semua["nilai_bahan_baku_rp"]).all()
    assert set(semua["kabupaten"].to_list()) == {"Banjar"}


@pytest.mark.parametrize("cari", ["%", "_", "' or 1=1 --", "\\", "%'; drop table ikm; --"])
def test_name_search_is_a_bound_literal_substring(con: db.Connection, ikm: pl.DataFrame, cari: str) -> None:
    """Wildcards and quotes in the search box are plain text: they match names containing them, nothing more."""
    f = FilterIkm(tahun=TAHUN, cari=cari)
    n = db.run_query(con, "ikm_ringkasan", **f.params())["jumlah_ikm"][-1]
    assert n == saring_polars(ikm, f).height == 0
    assert db.run_query(con, "ikm_ringkasan", **FilterIkm(tahun=TAHUN).params())["jumlah_ikm"][-1] > 0


def test_name_search_ignores_case(con: db.Connection) -> None:
    kecil = db.run_query(con, "ikm_ringkasan", **FilterIkm(tahun=TAHUN, cari="berkah").params())
    besar = db.run_query(con, "ikm_ringkasan", **FilterIkm(tahun=TAHUN, cari="BeRkAh").params())
    assert kecil["jumlah_ikm"].to_list() == besar["jumlah_ikm"].to_list()
    assert kecil["jumlah_ikm"][-1] > 0


def test_ikm_filter_options(con: db.Connection, ikm: pl.DataFrame) -> None:
    pilihan = db.run_query(con, "ikm_pilihan")
    for jenis, kolom in (("sektor", "sektor"), ("rantai", "rantai"), ("tahap", "tahap"), ("skala", "skala")):
        assert sorted(pilihan.filter(pl.col("jenis") == jenis)["nilai"].to_list()) == sorted(
            ikm[kolom].unique().to_list()
        )
    rentang = db.run_query(con, "ikm_rentang_berdiri").row(0)
    assert rentang == (ikm["tahun_berdiri"].min(), ikm["tahun_berdiri"].max())


# --------------------------------------------------------------------------------------------------------
# Ekspor & Hilirisasi
# --------------------------------------------------------------------------------------------------------
def _saring_ekspor(
    ekspor: pl.DataFrame, kab: list[str], rantai: list[str], tahap: list[str] | None = None
) -> pl.DataFrame:
    out = ekspor
    if kab:
        out = out.filter(pl.col("kode_bps").is_in(kab))
    if rantai:
        out = out.filter(pl.col("rantai").is_in(rantai))
    if tahap:
        out = out.filter(pl.col("tahap").is_in(tahap))
    return out


@pytest.mark.parametrize(
    ("kab", "rantai", "tahap"),
    [([], [], []), (["6310"], ["sawit", "karet"], []), (["6303", "6301"], [], ["hilir", "antara"])],
    ids=["provinsi", "tanbu-sawit-karet", "tahap-olahan"],
)
def test_ekspor_indeks_matches_polars(
    con: db.Connection, ekspor: pl.DataFrame, kab: list[str], rantai: list[str], tahap: list[str]
) -> None:
    sql = db.run_query(con, "ekspor_indeks", tahun=TAHUN, kab=kab, rantai=rantai, tahap=tahap)
    assert sql["tahun"].to_list() == [TAHUN - 1, TAHUN]
    for row in sql.iter_rows(named=True):
        semua_tahap = _saring_ekspor(ekspor.filter(pl.col("tahun") == row["tahun"]), kab, rantai)
        nilai = _saring_ekspor(semua_tahap, [], [], tahap)
        assert math.isclose(row["nilai_usd"], nilai["nilai_usd"].sum(), rel_tol=1e-9)
        assert math.isclose(row["nilai_rp"], nilai["nilai_rp"].sum(), rel_tol=1e-9)
        batubara = float(nilai.filter(pl.col("rantai") == "batubara")["nilai_usd"].sum())
        assert math.isclose(row["porsi_batubara"], 100 * batubara / float(nilai["nilai_usd"].sum()), abs_tol=1e-9)
        # The index ignores the stage filter: it is the share of stages.
        assert math.isclose(row["indeks_hilirisasi"], _indeks(semua_tahap), rel_tol=1e-9)
        tanpa = semua_tahap.filter(pl.col("rantai").is_null() | (pl.col("rantai") != "batubara"))
        assert math.isclose(row["indeks_tanpa_batubara"], _indeks(tanpa), rel_tol=1e-9)


def test_ekspor_indeks_rantai_matches_polars(con: db.Connection, ekspor: pl.DataFrame) -> None:
    sql = db.run_query(con, "ekspor_indeks_rantai", tahun=TAHUN, kab=[], rantai=[])
    assert "batubara" in sql["rantai"].to_list() and None not in sql["rantai"].to_list()
    for row in sql.iter_rows(named=True):
        satu = ekspor.filter(pl.col("rantai") == row["rantai"])
        kini, lalu = satu.filter(pl.col("tahun") == TAHUN), satu.filter(pl.col("tahun") == TAHUN - 1)
        assert math.isclose(row["indeks_hilirisasi"], _indeks(kini), rel_tol=1e-9)
        assert math.isclose(row["indeks_hilirisasi_lalu"], _indeks(lalu), rel_tol=1e-9)
        assert math.isclose(row["nilai_usd"], kini["nilai_usd"].sum(), rel_tol=1e-9)
    sawit = sql.filter(pl.col("rantai") == "sawit")["indeks_hilirisasi"].item()
    batubara = sql.filter(pl.col("rantai") == "batubara")["indeks_hilirisasi"].item()
    assert sawit > batubara, "the per-chain view exists because coal's index is near zero"


@pytest.mark.parametrize("periode", ["tahunan", "bulanan"])
def test_ekspor_deret_matches_polars(con: db.Connection, ekspor: pl.DataFrame, periode: str) -> None:
    sql = db.run_query(con, "ekspor_deret", periode=periode, kab=["6310"], rantai=[], tahap=["hulu"])
    data = _saring_ekspor(ekspor, ["6310"], [], ["hulu"])
    kunci = ["tahun", "bulan"] if periode == "bulanan" else ["tahun"]
    harap = data.group_by([*kunci, "rantai"]).agg(pl.col("nilai_usd").sum(), pl.col("nilai_rp").sum())
    assert sql.height == harap.height
    assert sql["bulan"].is_null().all() == (periode == "tahunan")
    gabung = sql.join(harap, on=[*kunci, "rantai"], how="inner")
    assert gabung.height == sql.height
    for a, b in (("nilai_usd", "nilai_usd_right"), ("nilai_rp", "nilai_rp_right")):
        assert all(math.isclose(x, y, rel_tol=1e-9) for x, y in zip(gabung[a], gabung[b], strict=True))
    assert set(sql["tahap"].to_list()) == {"hulu"}


def test_ekspor_deret_names_unmapped_codes(con: db.Connection, ekspor: pl.DataFrame) -> None:
    sql = db.run_query(con, "ekspor_deret", periode="tahunan", kab=[], rantai=[], tahap=[])
    tidak = sql.filter(pl.col("rantai") == "tidak terpetakan")["nilai_usd"].sum()
    assert tidak > 0
    assert math.isclose(tidak, ekspor.filter(pl.col("rantai").is_null())["nilai_usd"].sum(), rel_tol=1e-9)
    assert math.isclose(sql["nilai_usd"].sum(), ekspor["nilai_usd"].sum(), rel_tol=1e-9)


def test_ekspor_indeks_kabupaten_matches_polars(con: db.Connection, ekspor: pl.DataFrame) -> None:
    sql = db.run_query(con, "ekspor_indeks_kabupaten", kab=[], rantai=[])
    assert sql.height == 13 * ekspor["tahun"].n_unique()
    for kode in ("6310", "6308", "6371"):
        for tahun in (2021, TAHUN):
            row = sql.filter((pl.col("kode_bps") == kode) & (pl.col("tahun") == tahun)).row(0, named=True)
            data = ekspor.filter((pl.col("kode_bps") == kode) & (pl.col("tahun") == tahun))
            assert math.isclose(row["indeks_hilirisasi"], _indeks(data), rel_tol=1e-9)
            tanpa = data.filter(pl.col("rantai").is_null() | (pl.col("rantai") != "batubara"))
            assert math.isclose(row["indeks_tanpa_batubara"], _indeks(tanpa), rel_tol=1e-9)
    dipilih = db.run_query(con, "ekspor_indeks_kabupaten", kab=["6303"], rantai=["sawit"])
    assert set(dipilih["kode_bps"].to_list()) == {"6303"}


def test_ekspor_tahap_per_rantai_matches_polars(con: db.Connection, ekspor: pl.DataFrame) -> None:
    sql = db.run_query(con, "ekspor_tahap_per_rantai", tahun=TAHUN, kab=[], rantai=[])
    data = ekspor.filter((pl.col("tahun") == TAHUN) & pl.col("rantai").is_not_null())
    harap = data.group_by("rantai", "tahap").agg(pl.col("nilai_usd").sum())
    gabung = sql.join(harap, on=["rantai", "tahap"], how="full", coalesce=True)
    assert gabung.height == sql.height == harap.height
    assert all(
        math.isclose(a, b, rel_tol=1e-9) for a, b in zip(gabung["nilai_usd"], gabung["nilai_usd_right"], strict=True)
    )


def test_ekspor_per_hs_matches_polars_with_labels(con: db.Connection, ekspor: pl.DataFrame) -> None:
    sql = db.run_query(con, "ekspor_per_hs", tahun=TAHUN, kab=[], rantai=[], tahap=[])
    data = ekspor.filter(pl.col("tahun") == TAHUN)
    harap = data.group_by(pl.col("kode_hs").str.slice(0, 4).alias("kode_hs4")).agg(pl.col("nilai_usd").sum())
    gabung = sql.join(harap, on="kode_hs4", how="full", coalesce=True)
    assert gabung.height == sql.height == harap.height
    assert all(
        math.isclose(a, b, rel_tol=1e-9) for a, b in zip(gabung["nilai_usd"], gabung["nilai_usd_right"], strict=True)
    )
    cpo = sql.filter(pl.col("kode_hs4") == "1511").row(0, named=True)
    assert cpo["kode_hs2"] == "15"
    assert cpo["uraian_hs2"] == "Lemak dan minyak hewani atau nabati"
    assert "CPO" in cpo["uraian_hs4"] and cpo["rantai"] == "sawit"
    assert sql.filter(pl.col("kode_hs4") == "2601")["rantai"].item() == "tidak terpetakan"
    assert sql["uraian_hs4"].is_not_null().all() and sql["uraian_hs2"].is_not_null().all()


def test_ekspor_per_negara_matches_polars(con: db.Connection, ekspor: pl.DataFrame) -> None:
    sql = db.run_query(con, "ekspor_per_negara", tahun=TAHUN, kab=["6310", "6302"], rantai=[], tahap=["hulu"])
    data = _saring_ekspor(ekspor.filter(pl.col("tahun") == TAHUN), ["6310", "6302"], [], ["hulu"])
    harap = data.group_by("negara_tujuan").agg(pl.col("nilai_usd").sum(), pl.col("nilai_rp").sum())
    gabung = sql.join(harap, on="negara_tujuan", how="full", coalesce=True)
    assert gabung.height == sql.height == harap.height
    for a, b in (("nilai_usd", "nilai_usd_right"), ("nilai_rp", "nilai_rp_right")):
        assert all(math.isclose(x, y, rel_tol=1e-9) for x, y in zip(gabung[a], gabung[b], strict=True))
    assert math.isclose(sql["porsi"].sum(), 100.0, rel_tol=1e-9)
    assert sql["nilai_usd"].to_list() == sorted(sql["nilai_usd"].to_list(), reverse=True)


def test_derived_export_tables_keep_the_totals(con: db.Connection, ekspor: pl.DataFrame) -> None:
    with con.cursor() as cur:
        negara = cur.sql(
            "select sum(nilai_usd), sum(nilai_rp), count(*) filter (where nilai_rp is null) from ekspor_negara"
        ).fetchall()[0]
        hs4 = cur.sql("select count(*), count(distinct kode_hs4) from hs4_uraian").fetchall()[0]
    assert math.isclose(negara[0], ekspor["nilai_usd"].sum(), rel_tol=1e-9)
    assert math.isclose(negara[1], ekspor["nilai_rp"].sum(), rel_tol=1e-9)
    assert negara[2] == 0
    assert hs4[0] == hs4[1] == ekspor["kode_hs"].str.slice(0, 4).n_unique()
