"""The firm list as users read it: Indonesian column names and formatted values. Pure, no Streamlit.

The download keeps the warehouse columns and raw numbers (analysts recompute from them); the screen table is
for reading, so money reads "Rp 1,2 miliar" and yes/no reads "Ya"/"Tidak". Streamlit's table has its own
"Download as CSV" button that cannot be switched off, so the screen table's text is neutralised against
formula injection exactly like the downloads (a name starting with "=" shows with a leading apostrophe).
"""

from __future__ import annotations

import polars as pl

from dasbor import formats, sel_kecil, unduhan
from dasbor.palette import LABEL_RANTAI, LABEL_TAHAP

KOLOM_TEKS_BEBAS = ("Nama usaha", "Kabupaten/kota", "Kecamatan", "KBLI", "Sektor", "Komoditas")
"""Columns holding the registry's own text (a firm can register any name); the rest is written by formats."""
UKURAN_HALAMAN = 25
"""Firms per page of the table: a projector shows about this many rows legibly."""


def _ya(v: bool | None) -> str:
    return formats.KOSONG if v is None else ("Ya" if v else "Tidak")


def tampilan(df: pl.DataFrame) -> pl.DataFrame:
    """The ``ikm_daftar`` frame with the columns and formats of the screen table."""
    tabel = pl.DataFrame(
        {
            "Nama usaha": df["nama_usaha"],
            "Kabupaten/kota": df["kabupaten"],
            "Kecamatan": df["kecamatan"],
            "KBLI": [f"{k} · {g}" for k, g in zip(df["kbli"].to_list(), df["kelompok_kbli"].to_list(), strict=True)],
            "Sektor": df["sektor"],
            "Komoditas": df["komoditas"],
            "Rantai": [LABEL_RANTAI.get(v, v) for v in df["rantai"].to_list()],
            "Tahap": [LABEL_TAHAP.get(v, v).split(" (")[0] for v in df["tahap"].to_list()],
            "Skala": [str(v).capitalize() for v in df["skala"].to_list()],
            "TK L": [formats.angka(v) for v in df["tenaga_kerja_l"].to_list()],
            "TK P": [formats.angka(v) for v in df["tenaga_kerja_p"].to_list()],
            "Investasi": [formats.rupiah(v) for v in df["investasi_rp"].to_list()],
            "Nilai produksi": [formats.rupiah(v) for v in df["nilai_produksi_rp"].to_list()],
            "Nilai tambah": [formats.rupiah(v) for v in df["nilai_tambah_rp"].to_list()],
            "Berdiri": [formats.KOSONG if v is None else str(v) for v in df["tahun_berdiri"].to_list()],
            "Halal": [_ya(v) for v in df["halal"].to_list()],
            "Ekspor": [_ya(v) for v in df["berorientasi_ekspor"].to_list()],
        },
        schema_overrides={"Nama usaha": pl.String},
    )
    return unduhan.netralkan(tabel, KOLOM_TEKS_BEBAS)


def rentang_baris(halaman: int, jumlah: int) -> tuple[int, int]:
    """First and last row number (1-based) shown on ``halaman`` of a list of ``jumlah`` firms."""
    awal = (halaman - 1) * UKURAN_HALAMAN + 1
    return min(awal, jumlah), min(halaman * UKURAN_HALAMAN, jumlah)


def jumlah_halaman(jumlah: int) -> int:
    """Pages needed for ``jumlah`` firms (at least one, so the pager always draws)."""
    return max(1, -(-jumlah // UKURAN_HALAMAN))


def keterangan_halaman(halaman: int, jumlah: int) -> str:
    """The line under the table: which rows of how many. A small cell never states its count."""
    if sel_kecil.ditahan(jumlah):
        return (
            f"Kurang dari {sel_kecil.BATAS} IKM cocok. Baris per usaha tetap tampil karena pengaturan kantor "
            "mengizinkannya (DASBOR_TAMPILKAN_IKM); angka agregatnya ditahan."
        )
    awal, akhir = rentang_baris(halaman, jumlah)
    return f"IKM ke-{formats.angka(awal)} sampai {formats.angka(akhir)} dari {formats.unit(jumlah)}, urut nama usaha."
