"""The IKM page's filters as one value: what the queries bind, what the downloads describe.

One frozen dataclass of tuples, strings, booleans and ints, so it is a small hashable cache key for
``dasbor.ui.data`` and the same object names the filters in the XLSX "Keterangan" sheet. The filtering itself is
SQL (the ``ikm_terpilih`` table macro in ``queries/build/makro_ikm.sql``); nothing here filters rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dasbor.views import formats
from dasbor.views.palette import LABEL_RANTAI, LABEL_TAHAP, URUTAN_RANTAI, URUTAN_TAHAP

LABEL_SKALA: dict[str, str] = {"kecil": "Kecil", "menengah": "Menengah"}
PILIHAN_YA_TIDAK: tuple[str, ...] = ("semua", "ya", "tidak")
LABEL_YA_TIDAK: dict[str, str] = {"semua": "Semua", "ya": "Ya", "tidak": "Tidak"}


def ya_tidak(nilai: str) -> bool | None:
    """``"ya"`` -> True, ``"tidak"`` -> False, anything else (``"semua"``) -> None (no filter)."""
    return {"ya": True, "tidak": False}.get(nilai)


@dataclass(frozen=True)
class FilterIkm:
    """Every IKM filter; an empty tuple or None means "all"."""

    tahun: int
    kab: tuple[str, ...] = ()
    sektor: tuple[str, ...] = ()
    kbli: tuple[str, ...] = ()
    rantai: tuple[str, ...] = ()
    tahap: tuple[str, ...] = ()
    skala: tuple[str, ...] = ()
    halal: bool | None = None
    ekspor: bool | None = None
    berdiri: tuple[int, int] | None = None
    cari: str = ""

    def params(self) -> dict[str, object]:
        """The ``$named`` parameters of the ``ikm_*`` queries (lists for the list filters, None for "all")."""
        return {
            "tahun": self.tahun,
            "kab": list(self.kab),
            "sektor": list(self.sektor),
            "kbli": list(self.kbli),
            "rantai": list(self.rantai),
            "tahap": list(self.tahap),
            "skala": list(self.skala),
            "halal": self.halal,
            "ekspor": self.ekspor,
            "berdiri_dari": self.berdiri[0] if self.berdiri else None,
            "berdiri_sampai": self.berdiri[1] if self.berdiri else None,
            "cari": self.cari,
        }

    def uraian(self, nama_kab: dict[str, str], label_kbli: dict[str, str]) -> list[tuple[str, str]]:
        """The filters in words, one (name, value) pair each, for the download's description sheet.

        ``label_kbli`` maps a division code to its display text ("10 Makanan"), see :func:`label_kbli`.
        """

        def daftar(nilai: tuple[str, ...], label: dict[str, str]) -> str:
            return ", ".join(label.get(v, v) for v in nilai) if nilai else "Semua"

        def boolean(nilai: bool | None) -> str:
            return "Semua" if nilai is None else ("Ya" if nilai else "Tidak")

        return [
            ("Tahun data registri", str(self.tahun)),
            ("Kabupaten/kota", daftar(self.kab, nama_kab) if self.kab else "Seluruh Kalimantan Selatan"),
            ("Sektor", daftar(self.sektor, {})),
            ("KBLI (2 digit)", daftar(self.kbli, label_kbli)),
            ("Rantai komoditas", daftar(self.rantai, LABEL_RANTAI)),
            ("Tahap", daftar(self.tahap, LABEL_TAHAP)),
            ("Skala", daftar(self.skala, LABEL_SKALA)),
            ("Bersertifikat halal", boolean(self.halal)),
            ("Berorientasi ekspor", boolean(self.ekspor)),
            (
                "Tahun berdiri",
                f"{self.berdiri[0]}-{self.berdiri[1]}" if self.berdiri else "Semua (termasuk yang tidak tercatat)",
            ),
            ("Cari nama usaha", self.cari or formats.KOSONG),
        ]


JENIS_PILIHAN: tuple[str, ...] = ("sektor", "kbli", "rantai", "tahap", "skala")


def pilihan_per_jenis(df: pl.DataFrame) -> dict[str, tuple[str, ...]]:
    """The ``ikm_pilihan`` frame as the options of each filter (chains and stages in the palette's order)."""
    urutan = {"rantai": URUTAN_RANTAI, "tahap": URUTAN_TAHAP, "skala": ("kecil", "menengah")}
    hasil: dict[str, tuple[str, ...]] = {}
    for jenis in JENIS_PILIHAN:
        nilai = df.filter(pl.col("jenis") == jenis)["nilai"].to_list()
        rank = {v: i for i, v in enumerate(urutan.get(jenis, ()))}
        hasil[jenis] = tuple(sorted(nilai, key=lambda v: (rank.get(v, len(rank)), v)))
    return hasil


def label_kbli(df: pl.DataFrame) -> dict[str, str]:
    """KBLI division code -> "10 Makanan", for the filter and the download description."""
    kbli = df.filter(pl.col("jenis") == "kbli")
    return {k: f"{k} {v}" for k, v in zip(kbli["nilai"].to_list(), kbli["label"].to_list(), strict=True)}
