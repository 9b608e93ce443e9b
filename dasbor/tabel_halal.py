"""The halal certification funnel per kabupaten/kota as a table: mentored (dibina) -> submitted (diajukan) ->
certified (bersertifikat) against each kabupaten's own target.

Kept out of the page so the Program page and its tests read the same rows. A kabupaten with no programme row
that year shows "–", never 0: no row means not reported, not nobody mentored.
"""

from __future__ import annotations

import polars as pl

from dasbor import formats

KOLOM: tuple[str, ...] = ("Kabupaten/kota", "Dibina", "Diajukan", "Bersertifikat", "Target", "Capaian target")


def tabel_per_kabupaten(df: pl.DataFrame, kab: tuple[str, ...]) -> pl.DataFrame:
    """Rows of ``program_per_kabupaten`` (jenis 'halal') for the chosen kabupaten (empty = all 13), formatted."""
    data = df.filter(pl.col("kode_bps").is_in(list(kab))) if kab else df
    rows = []
    for r in data.sort("kode_bps").iter_rows(named=True):
        ada = r["target"] is not None
        capaian = 100 * r["hasil"] / r["target"] if ada and r["target"] else None
        rows.append(
            {
                "Kabupaten/kota": r["nama"],
                "Dibina": formats.angka(r["peserta"]) if ada else formats.KOSONG,
                "Diajukan": formats.angka(r["diajukan"]),
                "Bersertifikat": formats.angka(r["hasil"]) if ada else formats.KOSONG,
                "Target": formats.angka(r["target"]),
                "Capaian target": formats.persen(capaian, 0),
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(KOLOM, pl.String))
