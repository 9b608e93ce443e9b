"""KPI cards of the Ringkasan page: values and changes against the previous year, formatted once here.

Kept out of the page so the rule (relative change for amounts, change in points for the index, no change
when the previous year is missing) is tested on its own and reused by the presenter slides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from dasbor.views import formats


@dataclass(frozen=True)
class Kartu:
    """One KPI card: what ``st.metric`` needs, already in Indonesian formats."""

    kolom: str
    label: str
    nilai: str
    perubahan: str | None
    bantuan: str
    angka: float | None


@dataclass(frozen=True)
class _Definisi:
    kolom: str
    label: str
    fmt: Callable[[Any], str]
    poin: bool
    bantuan: str


DEFINISI: tuple[_Definisi, ...] = (
    _Definisi(
        "jumlah_ikm", "Jumlah IKM", lambda v: formats.unit(v), False, "IKM terdaftar pada tahun registri terpilih."
    ),
    _Definisi(
        "tenaga_kerja",
        "Tenaga kerja",
        lambda v: formats.unit(v, "orang"),
        False,
        "Tenaga kerja laki-laki dan perempuan di IKM terdaftar.",
    ),
    _Definisi("investasi_rp", "Investasi", formats.rupiah, False, "Nilai investasi IKM terdaftar."),
    _Definisi("nilai_produksi_rp", "Nilai produksi", formats.rupiah, False, "Nilai produksi setahun IKM terdaftar."),
    _Definisi(
        "nilai_ekspor_usd",
        "Nilai ekspor",
        formats.usd,
        False,
        "Nilai ekspor setahun menurut daerah asal barang (FOB, US$).",
    ),
    _Definisi(
        "indeks_hilirisasi",
        "Indeks Hilirisasi",
        formats.persen,
        True,
        "Nilai ekspor tahap antara + hilir dibagi seluruh nilai ekspor yang terpetakan ke rantai "
        "komoditas, dalam persen. Batu bara mentah mendominasi, lihat juga indeks tanpa batu bara.",
    ),
    _Definisi(
        "indeks_tanpa_batubara",
        "Indeks Hilirisasi tanpa batu bara",
        formats.persen,
        True,
        "Indeks Hilirisasi dihitung tanpa rantai batu bara, agar kemajuan sawit, karet, kayu, "
        "rotan dan perikanan terlihat.",
    ),
)


def _angka(row: dict[str, Any] | None, kolom: str) -> float | None:
    if row is None or row.get(kolom) is None:
        return None
    return float(row[kolom])


def kartu_kpi(df: pl.DataFrame, tahun: int) -> list[Kartu]:
    """Cards from the ``kpi_ringkasan`` frame (rows for ``tahun`` and ``tahun - 1``)."""
    rows = {int(r["tahun"]): r for r in df.iter_rows(named=True)}
    kini, lalu = rows.get(tahun), rows.get(tahun - 1)
    kartu: list[Kartu] = []
    for d in DEFINISI:
        baru, lama = _angka(kini, d.kolom), _angka(lalu, d.kolom)
        if d.poin:
            perubahan = formats.poin(baru - lama) if baru is not None and lama is not None else None
        else:
            perubahan = formats.perubahan_persen(baru, lama)
        if perubahan is not None:
            perubahan = f"{perubahan} dari {tahun - 1}"
        kartu.append(Kartu(d.kolom, d.label, d.fmt(baru), perubahan, d.bantuan, baru))
    return kartu
