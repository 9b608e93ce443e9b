"""What the Kelola Data page shows, tested without Streamlit: preview, status sentence, log in WITA."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dasbor.views import impor
from dasbor.warehouse.impor import periksa, riwayat
from tests import impor_berkas as ib


def test_preview_reads_like_the_office_writes() -> None:
    hasil = periksa.periksa("ikm.csv", ib.csv_ikm(ib.firma(3, seed=61)), jenis="ikm")
    pratinjau = impor.pratinjau(hasil)
    assert pratinjau.columns[:4] == ["Baris", "NIB / ID IKM", "Tahun Data", "Nama Usaha"]
    baris = pratinjau.row(0, named=True)
    assert baris["Kabupaten/Kota"] == "Tanah Laut (6301)"
    assert baris["Halal"] in {"Ya", "Tidak"}
    assert baris["Investasi (Rp)"] == f"{ib.firma(3, seed=61)[0].investasi:,d}".replace(",", ".")
    assert impor.pesan_status(hasil)[0] == "success"


def test_status_sentence_of_a_rejected_file() -> None:
    hasil = periksa.periksa("ikm.csv", b"", jenis="ikm")
    assert impor.pesan_status(hasil) == ("error", "**ikm.csv** ditolak: berkas kosong (0 byte).")


def test_log_in_local_time_with_refused_files_merged() -> None:
    log = pl.DataFrame(
        {
            "waktu": [dt.datetime(2026, 11, 23, 7, 5, tzinfo=dt.UTC)],
            "oleh": ["analis"],
            "status": ["diimpor"],
            "baris_dibaca": [1234],
        },
    ).with_columns(pl.lit(None, dtype=pl.String).alias(c) for c in ("berkas", "sha256", "jenis", "pesan", "versi"))
    log = log.with_columns(pl.lit(None, dtype=pl.Int64).alias(c) for c in ("baris_diterima", "baris_ditolak"))
    jurnal = pl.DataFrame(schema=riwayat.KOLOM_LOG)
    tampil = impor.log_tampil(log.select(list(riwayat.KOLOM_LOG)), jurnal)
    assert tampil.row(0, named=True)["Waktu"] == "23-11-2026 15.05 WITA"
    assert tampil.row(0, named=True)["Dibaca"] == "1.234"
    assert tampil.row(0, named=True)["Diterima"] == "–"
