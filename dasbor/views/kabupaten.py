"""Profil Kabupaten: a kabupaten's KPIs against the province and its rank among the 13, as report-card lines.

Rank 1 is the largest value (most IKM, highest index). A kabupaten with no value for a KPI (no mapped exports)
gets no rank rather than the last one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from dasbor.views import formats

KPI_PROFIL: tuple[tuple[str, str, Callable[[float | None], str]], ...] = (
    ("jumlah_ikm", "Jumlah IKM", lambda v: formats.unit(v)),
    ("tenaga_kerja", "Tenaga kerja", lambda v: formats.unit(v, "orang")),
    ("investasi_rp", "Investasi", formats.rupiah),
    ("nilai_ekspor_usd", "Nilai ekspor", formats.usd),
    ("indeks_hilirisasi", "Indeks Hilirisasi", formats.persen),
)
LABEL_PROGRAM: dict[str, str] = {
    "halal": "Sertifikasi halal",
    "pelatihan": "Pelatihan",
    "link_match_smk": "Link and match SMK",
    "industri_hijau": "Industri hijau",
}


@dataclass(frozen=True)
class BarisProfil:
    """One KPI of the report card."""

    label: str
    nilai: str
    peringkat: str
    banding: str


def baris_profil(per_kab: pl.DataFrame, kab: str, indeks_provinsi: float | None) -> list[BarisProfil]:
    """Value, rank among the kabupaten, and the comparison with the province, per KPI."""
    hasil = []
    for kolom, label, fmt in KPI_PROFIL:
        urut = per_kab.filter(pl.col(kolom).is_not_null()).sort(kolom, descending=True)["kode_bps"].to_list()
        baris = per_kab.filter(pl.col("kode_bps") == kab).row(0, named=True)
        nilai = baris[kolom]
        peringkat = f"peringkat {urut.index(kab) + 1} dari {per_kab.height}" if nilai is not None else "tanpa peringkat"
        if kolom == "indeks_hilirisasi":
            banding = f"provinsi {formats.persen(indeks_provinsi)}"
        else:
            total = float(per_kab[kolom].sum())
            banding = (
                f"{formats.persen(100 * float(nilai) / total if total and nilai is not None else None)} dari provinsi"
            )
        hasil.append(BarisProfil(label, fmt(nilai), peringkat, banding))
    return hasil
