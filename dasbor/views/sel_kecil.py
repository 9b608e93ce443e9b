"""The small-cell rule of the IKM registry: an aggregate of fewer than three firms is never shown or exported.

Why: with one or two firms behind a number, the number is that firm's own workforce, investment or output,
which the registry holds in confidence. The rule is the usual statistical threshold of three: such a cell
reads "<3" on screen and its values are withheld (null, with a note) in downloads. Zero firms is not a
disclosure and is shown as 0.

Secondary suppression: a small cell that is the only one withheld in a group whose total the dashboard
shows (the sektor bars add up to the "Jumlah IKM" card; a kabupaten's row of the download adds up to its bar)
could be recovered by subtraction. So in such a group the smallest other cell is withheld too, and reads
"ditahan" (it is not a small cell, only hidden to protect one), until no group has exactly one withheld
cell. This is the usual rule of statistical offices; it leaves each withheld cell's value undetermined.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from dasbor.views import formats

BATAS = 3
"""Aggregates of 1 .. BATAS-1 firms are withheld."""
LABEL_DITAHAN = "<3"
CATATAN_DITAHAN = "Kurang dari 3 IKM: angka ditahan"
LABEL_SEKUNDER = "ditahan"
CATATAN_SEKUNDER = "Angka ditahan agar sel kecil lain tidak dapat dihitung dari total"
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


def _sekunder(jumlah: list[int | None], kelompok: list[list[tuple[object, ...]]]) -> tuple[list[bool], list[bool]]:
    """(withheld, withheld only to protect another) per row; ``kelompok`` holds, per grouping, each row's key."""
    tahan = [ditahan(n) for n in jumlah]
    sekunder = [False] * len(jumlah)
    berubah = True
    while berubah:
        berubah = False
        for kunci in kelompok:
            anggota: dict[tuple[object, ...], list[int]] = {}
            for i, k in enumerate(kunci):
                if (jumlah[i] or 0) > 0:
                    anggota.setdefault(k, []).append(i)
            for baris in anggota.values():
                if len(baris) > 1 and sum(tahan[i] for i in baris) == 1:
                    calon = min((i for i in baris if not tahan[i]), key=lambda i: (jumlah[i] or 0, i))
                    tahan[calon] = sekunder[calon] = True
                    berubah = True
    return tahan, sekunder


def tandai(df: pl.DataFrame, kelompok: Sequence[Sequence[str]] = ((),)) -> pl.DataFrame:
    """Add ``ditahan`` (withheld: a small cell, or a cell hidden so that one cannot be recovered) and
    ``sekunder`` (the latter only), from ``jumlah_ikm``.

    ``kelompok`` lists the groupings whose totals are shown elsewhere: ``()`` is the whole frame (a chart of
    one breakdown, whose total is the "Jumlah IKM" card); ``("kode_bps",)`` each kabupaten's rows.
    """
    jumlah = [None if n is None else int(n) for n in df["jumlah_ikm"].to_list()]
    kunci = [list(df.select(kolom).iter_rows()) if kolom else [()] * df.height for kolom in kelompok]
    tahan, sekunder = _sekunder(jumlah, [[tuple(k) for k in ks] for ks in kunci])
    return df.with_columns(
        pl.Series("ditahan", tahan, dtype=pl.Boolean), pl.Series("sekunder", sekunder, dtype=pl.Boolean)
    )


def label_sel(kecil: bool, sekunder: bool) -> str:
    """What a withheld cell reads instead of its value: "<3", or "ditahan" when it only protects another."""
    return LABEL_SEKUNDER if sekunder else LABEL_DITAHAN if kecil else ""


def untuk_unduhan(df: pl.DataFrame, kelompok: Sequence[Sequence[str]] = ((),)) -> pl.DataFrame:
    """The frame as a download may carry it: withheld cells' aggregate values set to null, with a note column.

    Every column of ``KOLOM_UKURAN`` present is withheld, the firm count included, so no figure of a one- or
    two-firm cell leaves the dashboard, nor one that would let it be recovered from the totals in
    ``kelompok`` (see :func:`tandai`).
    """
    data = tandai(df, kelompok)
    kolom = [k for k in KOLOM_UKURAN if k in df.columns]
    catatan = (
        pl.when(pl.col("sekunder"))
        .then(pl.lit(CATATAN_SEKUNDER))
        .when(pl.col("ditahan"))
        .then(pl.lit(CATATAN_DITAHAN))
        .otherwise(None)
        .cast(pl.String)
    )
    return data.with_columns(
        *[pl.when(pl.col("ditahan")).then(None).otherwise(pl.col(k)).alias(k) for k in kolom],
        catatan.alias("catatan"),
    ).drop("ditahan", "sekunder")
