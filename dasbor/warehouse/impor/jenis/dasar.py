"""What every kind of import is made of: columns (:class:`Bidang`), the kind (:class:`Jenis`), shared value lists
and the helpers each kind's rules are written with.

A kind (``ikm``, ``ekspor``, ``tenant``, ``target``) is a warehouse table plus the columns a file may carry.
Each column names the warehouse column it fills, the header written in the templates, the header variants
matched in real files (compared after :func:`dasbor.warehouse.impor.kolom.kunci_judul`: case, dots, slashes,
units in brackets do not matter), how its cells are parsed, and whether it is required; the kind adds its row
rules. The templates' "Kamus Data" sheet and ``docs/impor.md`` are generated from these tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from dasbor.warehouse.impor import nilai, wilayah

Pengurai = Callable[[str | None], nilai.Hasil[Any]]

Aturan = Callable[[pl.DataFrame, dt.date, list[str]], tuple[pl.DataFrame, list[pl.DataFrame]]]
"""A kind's row rules: (typed rows, today, notes to add to) -> (rows with derived values, problem frames)."""

KOTAK_KALSEL = {"lat": (-4.95, -1.2), "lon": (114.2, 116.7)}
"""Bounding box of the province (with a margin) for coordinate checks."""


@dataclass(frozen=True)
class Bidang:
    """One column a file of this kind may have."""

    nama: str
    """Warehouse column it fills (or a helper such as ``tenaga_kerja``, the total used for a check)."""
    label: str
    """Header in the template and in messages."""
    urai: Pengurai
    tipe: type[pl.DataType]
    sinonim: tuple[str, ...]
    wajib: bool = False
    """Every row needs a value (the column itself may come from the title/sheet, see ``dari_konteks``)."""
    keterangan: str = ""
    contoh: str = ""
    satuan: str | None = None
    """'rupiah', 'usd' or 'berat': a unit in the header ("(Rp juta)", "(ton)") scales the values."""
    simpan: bool = True
    """False for helper columns that are checked but not stored."""
    dari_konteks: bool = False
    """The value may come from the title rows, sheet name, file name or ``--tahun`` when the column is absent."""


@dataclass(frozen=True)
class Jenis:
    """A kind of import: its table, its columns, its duplicate key and its replacement scope."""

    nama: str
    judul: str
    tabel: str
    bidang: tuple[Bidang, ...]
    kunci: tuple[str, ...]
    """Columns that identify a row; two rows with the same key in one file are duplicates."""
    cakupan: str
    """What an import replaces, in words (docs and the page)."""
    aturan: Aturan
    """The kind's row rules, run once over all typed rows of the file."""

    def bidang_nama(self, nama: str) -> Bidang:
        """The column definition by warehouse name."""
        return next(b for b in self.bidang if b.nama == nama)

    @property
    def wajib(self) -> tuple[Bidang, ...]:
        """Columns every row must fill."""
        return tuple(b for b in self.bidang if b.wajib)


SEKTOR: dict[str, str] = {
    "pangan": "Pangan",
    "makanan": "Pangan",
    "makanan dan minuman": "Pangan",
    "agro": "Pangan",
    "industri pangan": "Pangan",
    "sandang": "Sandang",
    "tekstil": "Sandang",
    "sandang dan kulit": "Sandang",
    "industri sandang": "Sandang",
    "kimia dan bahan bangunan": "Kimia dan Bahan Bangunan",
    "kimia bahan bangunan": "Kimia dan Bahan Bangunan",
    "kimia": "Kimia dan Bahan Bangunan",
    "bahan bangunan": "Kimia dan Bahan Bangunan",
    "kbb": "Kimia dan Bahan Bangunan",
    "logam dan elektronika": "Logam dan Elektronika",
    "logam elektronika": "Logam dan Elektronika",
    "logam": "Logam dan Elektronika",
    "elektronika": "Logam dan Elektronika",
    "ilmea": "Logam dan Elektronika",
    "kerajinan": "Kerajinan",
    "kerajinan dan aneka": "Kerajinan",
    "aneka": "Kerajinan",
}
"""The five IKM sectors of the provincial registry and how kabupaten lists name them."""

SEKTOR_KBLI: dict[str, str] = {
    **dict.fromkeys(("10", "11", "12"), "Pangan"),
    **dict.fromkeys(("13", "14", "15"), "Sandang"),
    **dict.fromkeys(("161", "17", "18", "19", "20", "21", "22", "23"), "Kimia dan Bahan Bangunan"),
    **dict.fromkeys(("24", "25", "26", "27", "28", "29", "30", "33"), "Logam dan Elektronika"),
    **dict.fromkeys(("162", "31", "32"), "Kerajinan"),
}
"""Sector from the KBLI code when the file has no sector column (longest prefix wins: 161 sawmills are
building materials, 162 woven and carved goods are crafts)."""

RANTAI = {r: r for r in ("batubara", "sawit", "karet", "rotan", "kayu", "perikanan", "pertanian", "lainnya")} | {
    "batu bara": "batubara",
    "kelapa sawit": "sawit",
    "ikan": "perikanan",
    "lain lain": "lainnya",
    "lain": "lainnya",
}
TAHAP = {"hulu": "hulu", "antara": "antara", "hilir": "hilir", "setengah jadi": "antara", "bahan mentah": "hulu"} | {
    "mentah": "hulu",
    "barang jadi": "hilir",
    "jadi": "hilir",
    "intermediate": "antara",
}
SKALA = {
    "kecil": "kecil",
    "industri kecil": "kecil",
    "ik": "kecil",
    "mikro": "kecil",
    "menengah": "menengah",
    "industri menengah": "menengah",
    "im": "menengah",
}
"""Mikro counts as kecil: the registry has two scales (Permenperin 64/2016)."""
STATUS_TENANT = {
    "rencana": "rencana",
    "perencanaan": "rencana",
    "komitmen": "rencana",
    "konstruksi": "konstruksi",
    "pembangunan": "konstruksi",
    "tahap konstruksi": "konstruksi",
    "operasi": "operasi",
    "beroperasi": "operasi",
    "produksi": "operasi",
    "aktif": "operasi",
    "berhenti": "berhenti",
    "tidak aktif": "berhenti",
    "tutup": "berhenti",
    "stop": "berhenti",
}
INDIKATOR = {
    "jumlah ikm": "jumlah_ikm",
    "jumlah_ikm": "jumlah_ikm",
    "indeks hilirisasi": "indeks_hilirisasi",
    "sertifikat halal": "sertifikat_halal",
    "jumlah sertifikat halal": "sertifikat_halal",
    "ikm bersertifikat halal": "sertifikat_halal",
}
"""Known indicators; any other name is stored in snake_case (see :func:`indikator`)."""


def indikator(sel: str | None) -> nilai.Hasil[str]:
    """An indicator name -> snake_case id ("Jumlah IKM" -> "jumlah_ikm")."""
    teks, salah = nilai.teks(sel, maks=80)
    if salah or teks is None:
        return None, salah
    kunci = nilai.kunci_nama(teks)
    return INDIKATOR.get(kunci, kunci.replace(" ", "_")), None


def teks(maks: int = 300) -> Pengurai:
    return nilai.pengurai_teks(maks)


def pilihan(alias: dict[str, str], nama: str) -> Pengurai:
    return nilai.pengurai_pilihan({nilai.kunci_nama(k): v for k, v in alias.items()}, nama)


SINONIM_KAB = (
    "kabupaten kota",
    "kab kota",
    "kabupaten",
    "kota",
    "kab",
    "kode bps",
    "kabupaten kota asal",
    "daerah",
    # Satu Data headers (snake_case is read like its spaced form): code first, as those files order them.
    "kode kabupaten kota",
    "nama kabupaten kota",
    "kode kabupaten",
    "nama kabupaten",
    "kode kab kota",
    "nama kab kota",
    "kode wilayah",
    "kode daerah",
)
BIDANG_PROVINSI = Bidang(
    "provinsi",
    "Provinsi",
    wilayah.provinsi_kalsel,
    pl.Boolean,
    ("provinsi", "nama provinsi", "kode provinsi", "prov", "propinsi"),
    simpan=False,
    keterangan="Tidak disimpan; bila ada, harus Kalimantan Selatan (63): baris provinsi lain ditolak.",
)
BIDANG_NO = Bidang(
    "no", "No", teks(), pl.String, ("no", "nomor", "no urut", "nomor urut"), simpan=False, keterangan="Diabaikan"
)


def langgar(d: pl.DataFrame, syarat: pl.Expr, bidang: str, aturan: pl.Expr | str) -> pl.DataFrame:
    """Rows where ``syarat`` holds, as problems of column ``bidang``."""
    pesan = pl.lit(aturan) if isinstance(aturan, str) else aturan
    nilai_kolom = f"_mentah_{bidang}" if f"_mentah_{bidang}" in d.columns else bidang
    return d.filter(syarat.fill_null(False)).select(
        "_lembar",
        "_baris",
        pl.col(nilai_kolom).cast(pl.String).fill_null("").alias("nilai"),
        pesan.alias("aturan"),
        pl.lit(bidang).alias("bidang"),
    )


def negatif(d: pl.DataFrame, bidang: tuple[str, ...]) -> list[pl.DataFrame]:
    return [langgar(d, pl.col(b) < 0, b, "tidak boleh negatif") for b in bidang if b in d.columns]
