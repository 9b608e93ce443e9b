"""One staging macro per input table (queries/build/staging_<table>.sql), shared by the build and the import:
the column list and the casts live there only, the build's tables have exactly the staged columns and types,
and an import into a warehouse built before the macros existed still works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dasbor.warehouse import build, db
from dasbor.warehouse.impor import periksa, simpan
from dasbor.warehouse.peran import Pengguna
from tests import impor_berkas as ib
from tests.conftest import Fixture

DIIMPOR = ("ikm", "ekspor", "target", "kawasan_tenant")
"""Input tables that the office can import: their build step and their import insert share the macro."""
MASUKAN = {
    "ikm": "ikm/*.parquet",
    "ekspor": "ekspor/*.parquet",
    "program": "program.parquet",
    "target": "target.parquet",
    "kurs": "kurs.parquet",
    "kawasan_tenant": "kawasan_tenant.parquet",
}
"""Every input table of the sample and its Parquet file(s)."""

PENGUJI = Pengguna("penguji", "admin")


def _tanpa_komentar(sql: str) -> str:
    return "\n".join(baris.split("--", 1)[0] for baris in sql.splitlines())


@pytest.mark.parametrize("tabel", sorted(MASUKAN))
def test_build_step_selects_from_the_staging_macro_and_casts_nothing_itself(tabel: str) -> None:
    assert f"staging_{tabel}" in build.LANGKAH
    assert build.LANGKAH.index(f"staging_{tabel}") < build.LANGKAH.index(tabel)
    badan = _tanpa_komentar(db.load_sql(f"build/{tabel}"))
    assert f"stg_{tabel}(" in badan
    assert "cast(" not in badan, f"queries/build/{tabel}.sql casts columns: that belongs in staging_{tabel}.sql"


@pytest.mark.parametrize("tabel", DIIMPOR)
def test_import_insert_selects_from_the_same_macro_and_casts_nothing_itself(tabel: str) -> None:
    badan = _tanpa_komentar(db.load_sql(f"impor/tambah_{tabel}"))
    assert f"stg_{tabel}(" in badan
    assert "cast(" not in badan
    # The import names no column of its own besides the provenance tag.
    assert re.findall(r"\bas (\w+)", badan) == ["sumber_id"]


@pytest.mark.parametrize("tabel", sorted(MASUKAN))
def test_warehouse_table_has_exactly_the_staged_columns_and_types(gudang: Fixture, tabel: str) -> None:
    berkas = str(gudang.masukan / MASUKAN[tabel])
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        with con.cursor() as cur:
            sql = f"describe with masuk as (from read_parquet($berkas)) select * from stg_{tabel}('masuk')"  # noqa: S608
            dipentaskan = cur.sql(sql, params={"berkas": berkas}).fetchall()  # fixed table names from MASUKAN
            gudang_tabel = cur.sql("describe " + tabel).fetchall()
    finally:
        con.close()
    assert [(r[0], r[1]) for r in gudang_tabel] == [(r[0], r[1]) for r in dipentaskan]


def test_import_into_a_warehouse_built_before_the_staging_macros(salinan_gudang: Path) -> None:
    con = db.connect(salinan_gudang, read_only=False)
    try:
        with con.cursor() as cur:
            cur.execute("drop macro table stg_ikm")
            tipe_sebelum = cur.sql("describe ikm").fetchall()
        db.checkpoint(con)
    finally:
        con.close()
    firms = ib.firma(25, seed=5)
    hasil = periksa.periksa("ikm_lama.csv", ib.csv_ikm(firms), jenis="ikm")
    assert hasil.boleh_impor, hasil.masalah
    assert simpan.terapkan(hasil, salinan_gudang, PENGUJI).baris_baru == 25
    con = db.connect(salinan_gudang, read_only=True)
    try:
        with con.cursor() as cur:
            assert cur.sql("describe ikm").fetchall() == tipe_sebelum
            (jumlah,) = cur.sql("select count(*) from ikm").fetchall()[0]
            (investasi,) = cur.sql("select sum(investasi_rp) from ikm").fetchall()[0]
    finally:
        con.close()
    assert jumlah == 25
    assert investasi == sum(f.investasi for f in firms)
