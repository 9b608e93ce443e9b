"""Queries and table rules added for the Kawasan Industri and Program pages, checked against independent polars
computations from the Parquet inputs and the committed reference CSV (not from the warehouse)."""

from __future__ import annotations

import math

import polars as pl
import pytest

from dasbor.views import ikm, kawasan
from dasbor.warehouse import settings
from tests.aplikasi import kueri
from tests.conftest import Fixture
from tests.test_queries import _peta_hs


def _tenant(gudang: Fixture) -> pl.DataFrame:
    """Public tenants from the reference CSV and sample tenants from the Parquet input, with the estate's kabupaten."""
    ref = settings.reference_dir()
    publik = pl.read_csv(ref / "kawasan_tenant.csv", infer_schema=False).select(
        "kawasan_id", "nama_perusahaan", "rantai", "status", pl.col("tahun_mulai").cast(pl.Int64)
    )
    contoh = pl.read_parquet(gudang.masukan / "kawasan_tenant.parquet").select(
        "kawasan_id", "nama_perusahaan", "rantai", "status", pl.col("tahun_mulai").cast(pl.Int64)
    )
    estates = pl.read_csv(ref / "kawasan.csv", infer_schema=False).select(pl.col("id").alias("kawasan_id"), "kode_bps")
    return pl.concat([publik, contoh]).join(estates, on="kawasan_id")


def _indeks(frame: pl.DataFrame) -> float | None:
    olahan = float(frame.filter(pl.col("tahap").is_in(["antara", "hilir"]))["nilai_usd"].sum())
    total = float(frame["nilai_usd"].sum())
    return 100 * olahan / total if total else None


def _sama(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def test_before_after_exports_per_tenant_match_polars(gudang: Fixture) -> None:
    sql = kueri(gudang, "kawasan_sebelum_sesudah")
    ekspor = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet")
    ekspor = ekspor.join(_peta_hs(ekspor["kode_hs"]), on="kode_hs", how="left").filter(
        pl.col("kode_bps").is_not_null() & pl.col("rantai").is_not_null()
    )
    awal, akhir = int(ekspor["tahun"].min()), int(ekspor["tahun"].max())  # type: ignore[arg-type]
    rantai_peta = set(pl.read_csv(settings.reference_dir() / "hs_rantai.csv", infer_schema=False)["rantai"])
    tenant = _tenant(gudang).filter(pl.col("tahun_mulai").is_not_null() & pl.col("rantai").is_in(rantai_peta))
    assert sql.height == tenant.height > 0
    for t in tenant.iter_rows(named=True):
        row = sql.filter(pl.col("nama_perusahaan") == t["nama_perusahaan"]).row(0, named=True)
        mulai = t["tahun_mulai"]
        dasar = min(mulai - 1, akhir) if mulai > awal else (awal if mulai == awal else None)
        banding = akhir if akhir > mulai else None
        assert (row["tahun_dasar"], row["dasar_tahun_mulai"], row["tahun_banding"]) == (dasar, mulai == awal, banding)
        rantai = ekspor.filter((pl.col("kode_bps") == t["kode_bps"]) & (pl.col("rantai") == t["rantai"]))
        for tahun, akhiran in ((dasar, "dasar"), (banding, "banding")):
            if tahun is None:
                assert row[f"hilir_{akhiran}_usd"] is None and row[f"indeks_{akhiran}"] is None
                continue
            setahun = rantai.filter(pl.col("tahun") == tahun)
            hilir = float(setahun.filter(pl.col("tahap") == "hilir")["nilai_usd"].sum())
            olahan = float(setahun.filter(pl.col("tahap").is_in(["antara", "hilir"]))["nilai_usd"].sum())
            assert _sama(row[f"hilir_{akhiran}_usd"], hilir), (t["nama_perusahaan"], akhiran)
            assert _sama(row[f"olahan_{akhiran}_usd"], olahan), (t["nama_perusahaan"], akhiran)
            assert _sama(row[f"indeks_{akhiran}"], _indeks(setahun)), (t["nama_perusahaan"], akhiran)


def test_biodiesel_is_compared_from_its_start_year_and_the_stopped_smelter_is_not(gudang: Fixture) -> None:
    sql = kueri(gudang, "kawasan_sebelum_sesudah")
    bio = sql.filter(pl.col("nama_perusahaan") == "PT Jhonlin Agro Raya (biodiesel)").row(0, named=True)
    assert (bio["kode_bps"], bio["rantai"], bio["tahun_dasar"], bio["dasar_tahun_mulai"]) == (
        "6310",
        "sawit",
        2021,
        True,
    )
    assert bio["tahun_banding"] == 2025
    assert bio["hilir_banding_usd"] > bio["hilir_dasar_usd"] > 0
    # Meratus Jaya Iron & Steel (sponge iron) has no commodity chain that HS codes map to: not compared.
    assert "PT Meratus Jaya Iron & Steel" not in sql["nama_perusahaan"].to_list()


def _baris(**isi: object) -> dict[str, object]:
    dasar: dict[str, object] = {
        "kawasan_id": "batulicin",
        "nama_perusahaan": "PT A",
        "rantai": "sawit",
        "status": "operasi",
        "tahun_mulai": 2022,
        "kode_bps": "6310",
        "tahun_ekspor_awal": 2021,
        "tahun_dasar": 2021,
        "dasar_tahun_mulai": False,
        "tahun_banding": 2025,
        "hilir_dasar_usd": 1_000_000.0,
        "hilir_banding_usd": 25_500_000.0,
        "olahan_dasar_usd": 2_000_000.0,
        "olahan_banding_usd": 30_000_000.0,
        "indeks_dasar": 10.0,
        "indeks_banding": 45.25,
    }
    return {**dasar, **isi}


def test_before_after_table_reads_as_an_official_would() -> None:
    df = pl.DataFrame(
        [
            _baris(),
            _baris(nama_perusahaan="PT B", tahun_mulai=2021, tahun_dasar=2021, dasar_tahun_mulai=True),
            _baris(nama_perusahaan="PT C", tahun_mulai=2027, tahun_dasar=2025, tahun_banding=None,
                   hilir_banding_usd=None, olahan_banding_usd=None, indeks_banding=None, status="rencana"),
            _baris(nama_perusahaan="PT D", tahun_mulai=2016, tahun_dasar=None, hilir_dasar_usd=None,
                   olahan_dasar_usd=None, indeks_dasar=None),
        ]
    )  # fmt: skip
    tabel = kawasan.tabel_sebelum_sesudah(df)
    assert tabel["Tenant"].to_list() == ["PT A (sawit)", "PT B (sawit)", "PT C (sawit)"]
    a = tabel.row(0, named=True)
    assert a["Sebelum"] == "2021: hilir US$ 1,0 juta · indeks 10,0 %"
    assert a["Sesudah"] == "2025: hilir US$ 25,5 juta · indeks 45,3 %"
    assert a["Catatan"] == "" and a["Mulai"] == "2022 (beroperasi)"
    assert "tahun mulai" in tabel["Catatan"][1] and "2021" in tabel["Catatan"][1]
    assert tabel["Sesudah"][2] == "–" and "dipantau" in tabel["Catatan"][2]
    assert kawasan.tanpa_dasar(df) == "Mulai sebelum data ekspor (tersedia sejak 2021), tanpa pembanding: PT D (2016)."
    assert kawasan.tanpa_dasar(df.head(1)) is None
    assert kawasan.tabel_sebelum_sesudah(df.head(0)).columns == ["Tenant", "Mulai", "Sebelum", "Sesudah", "Catatan"]


@pytest.mark.parametrize("kab", [(), ("6303", "6310")], ids=["provinsi", "dua-kabupaten"])
def test_halal_funnel_per_kabupaten_matches_polars(gudang: Fixture, kab: tuple[str, ...]) -> None:
    sql = kueri(gudang, "program_per_kabupaten", jenis="halal", tahun=2025)
    tabel = ikm.tabel_per_kabupaten(sql, kab)
    program = pl.read_parquet(gudang.masukan / "program.parquet").filter(
        (pl.col("jenis") == "halal") & (pl.col("tahun") == 2025)
    )
    nama = dict(
        pl.read_csv(settings.reference_dir() / "wilayah.csv", infer_schema=False).select("kode_bps", "nama").rows()
    )
    harap = program.filter(pl.col("kode_bps").is_in(kab) if kab else pl.lit(True)).sort("kode_bps")
    assert tabel["Kabupaten/kota"].to_list() == [nama[k] for k in harap["kode_bps"]]
    assert tabel["Dibina"].to_list() == [str(v) for v in harap["peserta"]]
    assert tabel["Diajukan"].to_list() == [str(v) for v in harap["diajukan"]]
    assert tabel["Bersertifikat"].to_list() == [str(v) for v in harap["hasil"]]
    assert tabel["Target"].to_list() == [str(v) for v in harap["target"]]
