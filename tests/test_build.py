"""The warehouse build: contract tables and columns, provenance, calibration, determinism, atomicity."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pytest

from dasbor.warehouse import build, db, sample
from tests.conftest import Fixture

KONTRAK: dict[str, set[str]] = {
    "wilayah": {"kode_bps", "kode_kemendagri", "nama", "jenis", "ibukota", "industri_unggulan"},
    "ikm": {
        "id",
        "tahun_data",
        "nama_usaha",
        "kode_bps",
        "kecamatan",
        "kbli",
        "sektor",
        "komoditas",
        "rantai",
        "tahap",
        "skala",
        "tenaga_kerja_l",
        "tenaga_kerja_p",
        "investasi_rp",
        "nilai_produksi_rp",
        "nilai_bahan_baku_rp",
        "tahun_berdiri",
        "halal",
        "tanggal_halal",
        "berorientasi_ekspor",
        "lat",
        "lon",
        "sumber_id",
    },
    "ekspor": {
        "tahun",
        "bulan",
        "kode_hs",
        "uraian_hs",
        "negara_tujuan",
        "pelabuhan",
        "kode_bps",
        "berat_kg",
        "nilai_usd",
        "sumber_id",
    },
    "hs_rantai": {"kode_hs_awalan", "rantai", "tahap", "uraian"},
    "kawasan": {
        "id",
        "nama",
        "kode_bps",
        "kecamatan",
        "lon",
        "lat",
        "luas_rencana_ha",
        "luas_izin_ha",
        "pengelola",
        "status",
        "fokus",
        "sumber_id",
    },
    "kawasan_tenant": {
        "kawasan_id",
        "nama_perusahaan",
        "sektor",
        "rantai",
        "status",
        "tahun_mulai",
        "tahun_berhenti",
        "investasi_rp",
        "tenaga_kerja",
        "luas_ha",
        "kapasitas",
        "satuan_kapasitas",
        "sumber_id",
    },
    "program": {"jenis", "kode_bps", "tahun", "peserta", "hasil", "target", "satuan"},
    "target": {"indikator", "kode_bps", "tahun", "nilai_target", "satuan", "dokumen"},
    "sumber": {"id", "nama", "jenis", "keterangan", "url", "tanggal_data", "dimuat_pada", "sha256", "baris"},
}
"""The columns ../shared/DATA_MODEL.md promises, table by table."""


def _tabel(path: Path, nama: str) -> pl.DataFrame:
    con = db.connect(path, read_only=True)
    try:
        with con.cursor() as cur:
            frame: pl.DataFrame = cur.sql("select * from " + nama).pl()  # noqa: S608 - fixed contract names
            return frame
    finally:
        con.close()


@pytest.mark.parametrize("nama", sorted(KONTRAK))
def test_every_contract_table_has_its_columns(gudang: Fixture, nama: str) -> None:
    frame = _tabel(gudang.warehouse, nama)
    assert KONTRAK[nama] <= set(frame.columns), KONTRAK[nama] - set(frame.columns)
    assert frame.height > 0


def test_wilayah_has_the_13_kabupaten_with_bps_codes(gudang: Fixture) -> None:
    wilayah = _tabel(gudang.warehouse, "wilayah")
    assert wilayah["kode_bps"].to_list() == [f"63{i:02d}" for i in range(1, 12)] + ["6371", "6372"]
    assert wilayah.filter(pl.col("kode_bps") == "6310")["nama"].item() == "Tanah Bumbu"


def test_every_row_points_to_a_source(gudang: Fixture) -> None:
    sumber = _tabel(gudang.warehouse, "sumber")
    ids = set(sumber["id"].to_list())
    for nama in ("ikm", "ekspor", "kawasan", "kawasan_tenant", "program", "target"):
        dipakai = set(_tabel(gudang.warehouse, nama)["sumber_id"].to_list())
        assert dipakai <= ids, (nama, dipakai - ids)
    contoh = set(sumber.filter(pl.col("jenis") == "contoh")["id"].to_list())
    for nama in ("ikm", "ekspor", "program", "target"):
        assert set(_tabel(gudang.warehouse, nama)["sumber_id"].to_list()) <= contoh


def test_real_tenants_keep_their_public_status_and_source(gudang: Fixture) -> None:
    tenant = _tabel(gudang.warehouse, "kawasan_tenant")
    mjis = tenant.filter(pl.col("nama_perusahaan") == "PT Meratus Jaya Iron & Steel").row(0, named=True)
    assert (mjis["status"], mjis["tahun_mulai"], mjis["tahun_berhenti"]) == ("berhenti", 2012, 2015)
    assert mjis["sumber_id"].startswith("rujukan-")
    karangan = tenant.filter(pl.col("sumber_id") == "contoh-tenant")
    assert karangan.height > 0
    assert all(n.startswith("Contoh:") for n in karangan["nama_perusahaan"].to_list())


def test_hs_reference_maps_at_least_95_percent_of_export_value(gudang: Fixture) -> None:
    bulanan = _tabel(gudang.warehouse, "ekspor_bulanan")
    terpetakan = float(bulanan.filter(pl.col("rantai").is_not_null())["nilai_usd"].sum())
    assert terpetakan / float(bulanan["nilai_usd"].sum()) >= 0.95


def test_sample_is_calibrated_to_bps_kalsel_exports(gudang: Fixture) -> None:
    ekspor = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet")
    per_bulan = ekspor.group_by("tahun", "bulan").agg(pl.col("nilai_usd").sum())["nilai_usd"]
    assert 1.0e9 <= per_bulan.median() <= 1.6e9  # type: ignore[operator]
    batubara = float(ekspor.filter(pl.col("kode_hs").str.starts_with("2701"))["nilai_usd"].sum())
    assert 0.80 <= batubara / float(ekspor["nilai_usd"].sum()) <= 0.90
    per_hs2 = ekspor.group_by(pl.col("kode_hs").str.slice(0, 2).alias("hs2")).agg(pl.col("nilai_usd").sum())
    urut = per_hs2.sort("nilai_usd", descending=True)["hs2"].to_list()
    assert urut[:2] == ["27", "15"]
    assert urut.index("44") < urut.index("40") < urut.index("46")


def test_scale_one_has_about_73000_ikm_in_the_latest_year(tmp_path: Path) -> None:
    sample.write_ikm(tmp_path, seed=42, scale=1.0)
    ikm = pl.read_parquet(tmp_path / "ikm" / f"part-{sample.TAHUN_REGISTRI[-1]}-*.parquet")
    assert 70_000 <= ikm.height <= 76_000
    assert set(ikm["sektor"].unique()) == {
        "Pangan",
        "Sandang",
        "Kimia dan Bahan Bangunan",
        "Logam dan Elektronika",
        "Kerajinan",
    }


def test_halal_programme_certifies_20_to_40_ikm_a_year() -> None:
    program = sample.program_frame(seed=42).filter(pl.col("jenis") == "halal")
    per_tahun = program.group_by("tahun").agg(pl.col("hasil").sum())["hasil"].to_list()
    assert all(20 <= n <= 40 for n in per_tahun), per_tahun


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.parquet"))
    }


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    sample.generate(tmp_path / "a", seed=3, scale=0.01)
    sample.generate(tmp_path / "b", seed=3, scale=0.01)
    sample.generate(tmp_path / "c", seed=4, scale=0.01)
    assert _hashes(tmp_path / "a") == _hashes(tmp_path / "b")
    assert _hashes(tmp_path / "a") != _hashes(tmp_path / "c")


def test_failed_build_leaves_the_previous_warehouse_untouched(salinan_gudang: Path, tmp_path: Path) -> None:
    sebelum = hashlib.sha256(salinan_gudang.read_bytes()).hexdigest()
    rusak = tmp_path / "rusak"
    rusak.mkdir()  # no Parquet inputs at all: the first step that reads them fails
    with pytest.raises(build.BuildError, match="langkah 'sumber'"):
        build.build_warehouse(salinan_gudang, rusak)
    assert hashlib.sha256(salinan_gudang.read_bytes()).hexdigest() == sebelum
    assert list(salinan_gudang.parent.glob(".*.building*")) == []


def test_build_is_idempotent(gudang: Fixture, tmp_path: Path) -> None:
    again = build.build_warehouse(tmp_path / "lagi.duckdb", gudang.masukan)
    assert again.rows == gudang.report.rows


def test_command_line_prints_row_counts_and_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.duckdb"
    assert build.main(["--out", str(out), "--scale", "0.01", "--seed", "1"]) == 0
    printed = capsys.readouterr().out
    assert "ikm" in printed and "baris" in printed and "dibangun dalam" in printed
    assert out.exists()
    assert build.main(["--out", str(out), "--if-missing"]) == 0
    assert "sudah ada" in capsys.readouterr().out


def test_status_tells_a_current_warehouse_from_an_old_one(
    gudang: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert build.status_gudang(gudang.warehouse) == "terkini"
    assert build.status_gudang(tmp_path / "tidak-ada.duckdb") == "hilang"
    monkeypatch.setattr(build, "versi_skema", lambda: "kode-lebih-baru")
    assert build.status_gudang(gudang.warehouse) == "lama"
