""" "Sejak Rakor lalu": what changed between a frozen snapshot and the current data, per KPI and kabupaten.

A meeting starts from the numbers shown last time; this says which moved and by how much, so a revised
registry or a late export release is explained rather than discovered on a slide.
"""

from __future__ import annotations

import polars as pl

from dasbor.views import formats, tabel
from dasbor.warehouse.db import Gudang

KOLOM: dict[str, str] = {
    "jumlah_ikm": "Jumlah IKM",
    "tenaga_kerja": "Tenaga kerja",
    "investasi_rp": "Investasi (Rp)",
    "nilai_ekspor_usd": "Nilai ekspor (US$)",
    "indeks_hilirisasi": "Indeks Hilirisasi (%)",
}


def tahun_bersama(lama: Gudang, baru: Gudang) -> int:
    """The latest year with registry and export data in both warehouses."""

    def lengkap(g: Gudang) -> set[int]:
        df = g.query("tahun_tersedia").filter(pl.col("ada_ikm") & pl.col("ada_ekspor"))
        return {int(t) for t in df["tahun"].to_list()}

    bersama = lengkap(lama) & lengkap(baru)
    if not bersama:
        raise ValueError("Snapshot dan data terkini tidak punya tahun yang sama untuk dibandingkan.")
    return max(bersama)


def bandingkan(lama: Gudang, baru: Gudang, tahun: int) -> pl.DataFrame:
    """One row per kabupaten x KPI whose value differs: snapshot value, current value, difference."""
    a = lama.query("kpi_per_kabupaten", tahun=tahun)
    b = baru.query("kpi_per_kabupaten", tahun=tahun)
    rows = []
    for kolom, label in KOLOM.items():
        gabung = a.select("kode_bps", "nama", pl.col(kolom).cast(pl.Float64).alias("lama")).join(
            b.select("kode_bps", pl.col(kolom).cast(pl.Float64).alias("baru")),
            on="kode_bps",
            how="full",
            coalesce=True,
        )
        rows.append(gabung.with_columns(pl.lit(label).alias("indikator")))
    semua = pl.concat(rows).with_columns((pl.col("baru") - pl.col("lama")).alias("selisih"))
    berubah = semua.filter((pl.col("selisih").abs() > 1e-9) | (pl.col("lama").is_null() != pl.col("baru").is_null()))
    return berubah.select("kode_bps", "nama", "indikator", "lama", "baru", "selisih").sort("kode_bps", "indikator")


def untuk_tabel(beda: pl.DataFrame) -> pl.DataFrame:
    """The comparison with numbers in Indonesian format, ready for display."""
    return tabel.dengan_teks(beda, ("lama", "baru", "selisih"), lambda v: formats.angka(v, 1))
