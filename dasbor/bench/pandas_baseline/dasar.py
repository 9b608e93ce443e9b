"""What every baseline shares: the raw tables in memory (:class:`Tables`, :func:`load`), the HS-code-to-chain
mapping, and the small filters and sums the analyst reuses (kabupaten, chosen values, Indeks Hilirisasi)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

TIDAK_TERPETAKAN = "tidak terpetakan"


OLAHAN = ("antara", "hilir")


IKM_COLUMNS = [
    "id", "tahun_data", "nama_usaha", "kode_bps", "kecamatan", "kbli", "sektor", "komoditas", "rantai", "tahap",
    "skala", "tenaga_kerja_l", "tenaga_kerja_p", "investasi_rp", "nilai_produksi_rp", "nilai_bahan_baku_rp",
    "tahun_berdiri", "halal", "tanggal_halal", "berorientasi_ekspor", "lat", "lon",
]  # fmt: skip


EKSPOR_COLUMNS = ["tahun", "bulan", "kode_hs", "kode_bps", "negara_tujuan", "nilai_usd"]
"""Columns read from the big tables: an analyst who knows the questions reads only these (``columns=``)."""


JUMLAH = ["tenaga_kerja_l", "tenaga_kerja_p", "investasi_rp", "nilai_produksi_rp", "nilai_bahan_baku_rp"]
"""Registry sums every IKM breakdown reports, followed by ``nilai_tambah_rp``."""


@dataclass(frozen=True)
class Tables:
    """The raw tables in memory: exports already carry chain, stage and value in rupiah (each month's rate)."""

    ikm: pd.DataFrame
    ekspor: pd.DataFrame
    sumber: pd.DataFrame
    wilayah: pd.DataFrame
    kbli2: pd.DataFrame | None
    hs_rantai: pd.DataFrame | None = None
    hs4_uraian: pd.DataFrame | None = None
    program: pd.DataFrame | None = None
    target: pd.DataFrame | None = None
    kawasan: pd.DataFrame | None = None
    kawasan_tenant: pd.DataFrame | None = None
    """Reference and programme tables: None when this warehouse has no such table (they come and go with the
    build); a baseline that needs one raises :class:`LookupError` through :func:`need`."""


def load(folder: Path) -> Tables:
    """Read the Parquet copies of the warehouse's raw tables, map HS codes to chain and stage, and convert
    export values to rupiah at each month's rate (the one-off preparation a notebook does at the top)."""
    ikm = pd.read_parquet(folder / "ikm.parquet", columns=IKM_COLUMNS)
    ikm["kbli2"] = ikm["kbli"].str[:2]
    ikm["tanggal_halal"] = pd.to_datetime(ikm["tanggal_halal"])
    ekspor = pd.read_parquet(folder / "ekspor.parquet", columns=EKSPOR_COLUMNS)
    hs_rantai = pd.read_parquet(folder / "hs_rantai.parquet")
    peta = map_hs(ekspor["kode_hs"].unique(), hs_rantai)
    ekspor = ekspor.merge(peta, on="kode_hs", how="left")
    if (folder / "kurs.parquet").exists():
        kurs = pd.read_parquet(folder / "kurs.parquet", columns=["tahun", "bulan", "rp_per_usd"])
        ekspor = ekspor.merge(kurs, on=["tahun", "bulan"], how="left")
        ekspor["nilai_rp"] = ekspor["nilai_usd"] * ekspor["rp_per_usd"]
    return Tables(
        ikm=ikm,
        ekspor=ekspor,
        sumber=pd.read_parquet(folder / "sumber.parquet"),
        wilayah=pd.read_parquet(folder / "wilayah.parquet"),
        kbli2=_optional(folder, "kbli2"),
        hs_rantai=hs_rantai,
        hs4_uraian=_optional(folder, "hs4_uraian"),
        program=_optional(folder, "program"),
        target=_optional(folder, "target"),
        kawasan=_optional(folder, "kawasan"),
        kawasan_tenant=_optional(folder, "kawasan_tenant"),
    )


def _optional(folder: Path, table: str) -> pd.DataFrame | None:
    """``folder/<table>.parquet`` read whole, or None when this warehouse has no such table."""
    path = folder / f"{table}.parquet"
    return pd.read_parquet(path) if path.exists() else None


def need(frame: pd.DataFrame | None, table: str) -> pd.DataFrame:
    """The loaded ``table``, or :class:`LookupError` when this warehouse does not have it."""
    if frame is None:
        raise LookupError(f"table {table} is not in this warehouse")
    return frame


def map_hs(codes: Any, hs_rantai: pd.DataFrame) -> pd.DataFrame:
    """Longest matching prefix of each HS code in ``hs_rantai`` -> rantai, tahap (null when none matches)."""
    prefixes = sorted(hs_rantai.itertuples(index=False), key=lambda r: -len(r.kode_hs_awalan))
    rows = []
    for code in codes:
        match = next((r for r in prefixes if code.startswith(r.kode_hs_awalan)), None)
        rows.append((code, match.rantai if match else None, match.tahap if match else None))
    return pd.DataFrame(rows, columns=["kode_hs", "rantai", "tahap"])


def of_kab(frame: pd.DataFrame, kab: list[str]) -> pd.DataFrame:
    return frame[frame["kode_bps"].isin(kab)] if kab else frame


def isin_chosen(frame: pd.DataFrame, column: str, chosen: list[str]) -> pd.DataFrame:
    """Rows whose ``column`` is one of ``chosen``; every row when nothing is chosen."""
    return frame[frame[column].isin(chosen)] if chosen else frame


def indeks_per(ekspor: pd.DataFrame, by: str | list[str]) -> pd.Series:
    """Indeks Hilirisasi per ``by``: processed share of the export value mapped to a chain, in percent."""
    nilai = ekspor["nilai_usd"]
    keys = [by] if isinstance(by, str) else by
    parts = (
        ekspor[keys]
        .assign(
            olahan=nilai.where(ekspor["tahap"].isin(OLAHAN), 0.0),
            terpetakan=nilai.where(ekspor["tahap"].notna(), 0.0),
        )
        .groupby(by)[["olahan", "terpetakan"]]
        .sum()
    )
    return 100.0 * parts["olahan"] / parts["terpetakan"].replace(0.0, np.nan)


def pilihan_per_kolom(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """One row per (jenis, nilai): the distinct non-null values of each column, named by its filter."""
    parts = [
        pd.DataFrame({"jenis": jenis, "nilai": frame[column].dropna().unique()}) for jenis, column in columns.items()
    ]
    return pd.concat(parts, ignore_index=True).sort_values(["jenis", "nilai"], ignore_index=True)


def tenaga_kerja_per_firma(ikm: pd.DataFrame) -> pd.Series:
    return ikm["tenaga_kerja_l"] + ikm["tenaga_kerja_p"]
