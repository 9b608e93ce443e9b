"""The IKM page's metric cards, with the small-cell rule and the change against the previous registry year.

Kept out of the page so the rule (a filter matching one or two firms shows "<3" and no amounts) is tested on
its own. Cards reuse :class:`dasbor.kpi.Kartu`, the Ringkasan card shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl

from dasbor import formats, sel_kecil
from dasbor.kpi import Kartu

_DEFINISI: tuple[tuple[str, str, Callable[[Any], str], str], ...] = (
    (
        "jumlah_ikm",
        "Jumlah IKM",
        formats.unit,
        "IKM terdaftar yang lolos semua penyaring, pada tahun registri terpilih.",
    ),
    (
        "tenaga_kerja_l",
        "Tenaga kerja laki-laki",
        lambda v: formats.unit(v, "orang"),
        "Jumlah pekerja laki-laki di IKM terpilih.",
    ),
    (
        "tenaga_kerja_p",
        "Tenaga kerja perempuan",
        lambda v: formats.unit(v, "orang"),
        "Jumlah pekerja perempuan di IKM terpilih.",
    ),
    ("investasi_rp", "Investasi", formats.rupiah, "Nilai investasi IKM terpilih."),
    ("nilai_produksi_rp", "Nilai produksi", formats.rupiah, "Nilai produksi setahun IKM terpilih."),
    (
        "nilai_tambah_rp",
        "Nilai tambah",
        formats.rupiah,
        "Nilai produksi dikurangi nilai bahan baku, dijumlahkan atas IKM terpilih.",
    ),
)
LABEL: tuple[str, ...] = tuple(d[1] for d in _DEFINISI)


def kartu_ikm(df: pl.DataFrame, tahun: int) -> list[Kartu]:
    """Cards from the ``ikm_ringkasan`` frame (rows for ``tahun`` and ``tahun - 1``)."""
    rows = {int(r["tahun_data"]): r for r in df.iter_rows(named=True)}
    kini, lalu = rows.get(tahun, {}), rows.get(tahun - 1, {})
    n_kini, n_lalu = kini.get("jumlah_ikm") or 0, lalu.get("jumlah_ikm") or 0
    kartu: list[Kartu] = []
    for kolom, label, fmt, bantuan in _DEFINISI:
        if sel_kecil.ditahan(n_kini):
            teks = bantuan + f" {sel_kecil.CATATAN_DITAHAN}."
            nilai = sel_kecil.LABEL_DITAHAN if kolom == "jumlah_ikm" else f"{sel_kecil.LABEL_DITAHAN} IKM"
            kartu.append(Kartu(kolom, label, nilai, None, teks, None))
            continue
        baru = None if kini.get(kolom) is None else float(kini[kolom])
        if n_kini == 0 and kolom != "jumlah_ikm":
            baru = None
        lama = None if sel_kecil.ditahan(n_lalu) or lalu.get(kolom) is None else float(lalu[kolom])
        perubahan = formats.perubahan_persen(baru, lama)
        if perubahan is not None:
            perubahan = f"{perubahan} dari {tahun - 1}"
        kartu.append(Kartu(kolom, label, fmt(baru), perubahan, bantuan, baru))
    return kartu


def jumlah_ikm(df: pl.DataFrame, tahun: int) -> int:
    """The number of firms matching the filters in ``tahun`` (0 when none), e.g. to size the firm table."""
    return int(df.filter(pl.col("tahun_data") == tahun)["jumlah_ikm"].sum())
