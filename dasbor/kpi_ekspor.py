"""The Ekspor & Hilirisasi page's metric cards: the Indeks Hilirisasi, without coal, value and coal's share.

The index and coal's share change in percentage points, the export value in percent. Values come from the
``ekspor_indeks`` query, where the index is the SQL macro; nothing is recomputed here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl

from dasbor import formats
from dasbor.kpi import Kartu

BANTUAN_INDEKS = (
    "Nilai ekspor tahap antara + hilir dibagi seluruh nilai ekspor yang terpetakan ke rantai komoditas, dalam "
    "persen (US$). Penyaring tahap tidak berlaku untuk indeks."
)


def kartu_ekspor(df: pl.DataFrame, tahun: int, mata_uang: str) -> list[Kartu]:
    """Cards from the ``ekspor_indeks`` frame (rows for ``tahun`` and ``tahun - 1``); ``mata_uang`` usd|rp."""
    rows = {int(r["tahun"]): r for r in df.iter_rows(named=True)}
    kini, lalu = rows.get(tahun, {}), rows.get(tahun - 1, {})
    kolom_nilai = "nilai_rp" if mata_uang == "rp" else "nilai_usd"
    uang: Callable[[Any], str] = formats.rupiah if mata_uang == "rp" else formats.usd
    definisi: tuple[tuple[str, str, Callable[[Any], str], bool, str], ...] = (
        ("indeks_hilirisasi", "Indeks Hilirisasi", formats.persen, True, BANTUAN_INDEKS),
        (
            "indeks_tanpa_batubara",
            "Indeks Hilirisasi tanpa batu bara",
            formats.persen,
            True,
            "Indeks Hilirisasi tanpa rantai batu bara, yang nilainya menenggelamkan kemajuan rantai lain.",
        ),
        (
            kolom_nilai,
            "Nilai ekspor",
            uang,
            False,
            "Nilai ekspor setahun menurut penyaring (FOB). Rupiah memakai kurs bulanan.",
        ),
        (
            "porsi_batubara",
            "Porsi batu bara",
            formats.persen,
            True,
            "Bagian batu bara (semua tahap) dalam nilai ekspor terpilih, dalam persen US$.",
        ),
    )
    kartu: list[Kartu] = []
    for kolom, label, fmt, poin, bantuan in definisi:
        baru = None if kini.get(kolom) is None else float(kini[kolom])
        lama = None if lalu.get(kolom) is None else float(lalu[kolom])
        if poin:
            perubahan = formats.poin(baru - lama) if baru is not None and lama is not None else None
        else:
            perubahan = formats.perubahan_persen(baru, lama)
        if perubahan is not None:
            perubahan = f"{perubahan} dari {tahun - 1}"
        kartu.append(Kartu(kolom, label, fmt(baru), perubahan, bantuan, baru))
    return kartu


def pesan_batubara(df: pl.DataFrame, tahun: int, tahap: tuple[str, ...]) -> str:
    """The sentence under the cards that says why the index is also shown without coal and per chain."""
    kini = next((r for r in df.iter_rows(named=True) if int(r["tahun"]) == tahun), {})
    porsi = kini.get("porsi_batubara")
    awal = (
        f"Batu bara mendominasi nilai ekspor ({formats.persen(porsi)} dari nilai terpilih pada {tahun}), "
        if porsi is not None and porsi >= 50
        else "Batu bara mendominasi nilai ekspor Kalimantan Selatan, "
    )
    catatan_tahap = " Penyaring tahap hanya berlaku untuk nilai, tidak untuk indeks." if tahap else ""
    return (
        awal + "sehingga Indeks Hilirisasi keseluruhan hampir hanya mengukur batu bara. Karena itu indeks juga "
        "selalu ditampilkan **tanpa batu bara** dan **per rantai komoditas**. Indeks dihitung dari nilai US$."
        + catatan_tahap
    )
