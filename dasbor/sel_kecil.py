"""The small-cell rule of the IKM registry: an aggregate of fewer than three firms is never shown or exported.

Why: with one or two firms behind a number, the number is that firm's own workforce, investment or output,
which the registry holds in confidence. The rule is the usual statistical threshold of three: such a cell
reads "<3" on screen and its values are withheld (null, with a note) in downloads. Zero firms is not a
disclosure and is shown as 0. Known limit: a withheld cell can sometimes be recovered by subtracting the
shown cells from a shown total (no secondary suppression is done).
"""

from __future__ import annotations

import polars as pl

from dasbor import formats

BATAS = 3
"""Aggregates of 1 .. BATAS-1 firms are withheld."""
LABEL_DITAHAN = "<3"
CATATAN_DITAHAN = "Kurang dari 3 IKM: angka ditahan"
KOLOM_UKURAN: tuple[str, ...] = (
    "jumlah_ikm",
    "tenaga_kerja_l",
    "tenaga_kerja_p",
    "investasi_rp",
    "nilai_produksi_rp",
    "nilai_bahan_baku_rp",
    "nilai_tambah_rp",
)
"""The aggregate columns every ``ikm_*`` summary query returns; all of them are withheld together."""


def ditahan(jumlah: int | None) -> bool:
    """True when an aggregate of ``jumlah`` firms must be withheld (1 or 2 firms)."""
    return jumlah is not None and 0 < jumlah < BATAS


def label_jumlah(jumlah: int | None) -> str:
    """How a firm count reads on screen: "<3" for a small cell, else "12.345 unit"."""
    return LABEL_DITAHAN if ditahan(jumlah) else formats.unit(jumlah)


def tandai(df: pl.DataFrame) -> pl.DataFrame:
    """Add the boolean column ``ditahan`` (small cell) from ``jumlah_ikm``."""
    return df.with_columns(
        ((pl.col("jumlah_ikm") > 0) & (pl.col("jumlah_ikm") < BATAS)).fill_null(False).alias("ditahan")
    )


def untuk_unduhan(df: pl.DataFrame) -> pl.DataFrame:
    """The frame as a download may carry it: small cells' aggregate values set to null, with a note column.

    Every column of ``KOLOM_UKURAN`` present is withheld, the firm count included, so no figure of a one- or
    two-firm cell leaves the dashboard.
    """
    kecil = (pl.col("jumlah_ikm") > 0) & (pl.col("jumlah_ikm") < BATAS)
    kolom = [k for k in KOLOM_UKURAN if k in df.columns]
    return df.with_columns(
        *[pl.when(kecil).then(None).otherwise(pl.col(k)).alias(k) for k in kolom],
        pl.when(kecil).then(pl.lit(CATATAN_DITAHAN)).otherwise(None).cast(pl.String).alias("catatan"),
    )
