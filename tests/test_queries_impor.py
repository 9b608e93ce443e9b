"""The import log query against the warehouse, and its numbers against an independent read of the file."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import polars as pl

from dasbor.warehouse import db
from dasbor.warehouse.impor import periksa, simpan
from dasbor.warehouse.peran import Pengguna
from tests import impor_berkas as ib
from tests.conftest import Fixture


def _log(path: Path) -> pl.DataFrame:
    con = db.connect(path, read_only=True)
    try:
        return db.run_query(con, "impor_log")
    finally:
        con.close()


def test_fresh_warehouse_log_starts_with_the_build(gudang: Fixture) -> None:
    log = _log(gudang.warehouse)
    assert log.select("jenis", "status").rows() == [("bangun", "dibangun")]


def test_log_row_matches_the_file_read_independently(salinan_gudang: Path) -> None:
    data = ib.csv_ikm(ib.firma(17, seed=41), judul="Rekap IKM 2025")
    hasil = periksa.periksa("rekap.csv", data, jenis="ikm")
    simpan.terapkan(hasil, salinan_gudang, Pengguna("penguji", "admin"))
    mandiri = pl.read_csv(io.BytesIO(data), separator=";", skip_rows=1, infer_schema=False)
    baris = _log(salinan_gudang).row(0, named=True)
    assert baris["berkas"] == "rekap.csv"
    assert baris["sha256"] == hashlib.sha256(data).hexdigest()
    assert baris["baris_dibaca"] == baris["baris_diterima"] == mandiri.height
    assert baris["baris_ditolak"] == 0
    assert baris["status"] == "diimpor" and baris["oleh"] == "penguji"
