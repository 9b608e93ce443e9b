"""The baseline a typical analyst would write: pandas over the raw tables read from Parquet.

Each function computes the same result as ``queries/<name>.sql`` from the raw registry and export rows (not
from the warehouse's pre-aggregates: reading raw files into pandas is exactly the workflow the warehouse
replaces). Loading and the one-off HS-code-to-chain mapping happen once in :func:`load` and are timed apart
(``pandas_load_s``), as a notebook would do them once at the top; only the per-question computation is
compared with the query. A query without a baseline here is reported with ``pandas_median_ms: null`` and a
reason, never silently left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

TIDAK_TERPETAKAN = "tidak terpetakan"
OLAHAN = ("antara", "hilir")

IKM_COLUMNS = ["id", "tahun_data", "kode_bps", "tenaga_kerja_l", "tenaga_kerja_p", "investasi_rp", "nilai_produksi_rp"]
EKSPOR_COLUMNS = ["tahun", "bulan", "kode_hs", "kode_bps", "nilai_usd", "berat_kg"]
"""Columns read from the big tables: an analyst who knows the question reads only these (``columns=``)."""


@dataclass(frozen=True)
class Tables:
    """The raw tables in memory, exports already carrying their chain and stage."""

    ikm: pd.DataFrame
    ekspor: pd.DataFrame
    sumber: pd.DataFrame
    wilayah: pd.DataFrame


def load(folder: Path) -> Tables:
    """Read the Parquet copies of the warehouse's raw tables and map HS codes to chain and stage."""
    ikm = pd.read_parquet(folder / "ikm.parquet", columns=IKM_COLUMNS)
    ekspor = pd.read_parquet(folder / "ekspor.parquet", columns=EKSPOR_COLUMNS)
    peta = map_hs(ekspor["kode_hs"].unique(), pd.read_parquet(folder / "hs_rantai.parquet"))
    ekspor = ekspor.merge(peta, on="kode_hs", how="left")
    return Tables(
        ikm=ikm,
        ekspor=ekspor,
        sumber=pd.read_parquet(folder / "sumber.parquet"),
        wilayah=pd.read_parquet(folder / "wilayah.parquet"),
    )


def map_hs(codes: Any, hs_rantai: pd.DataFrame) -> pd.DataFrame:
    """Longest matching prefix of each HS code in ``hs_rantai`` -> rantai, tahap (null when none matches)."""
    prefixes = sorted(hs_rantai.itertuples(index=False), key=lambda r: -len(r.kode_hs_awalan))
    rows = []
    for code in codes:
        match = next((r for r in prefixes if code.startswith(r.kode_hs_awalan)), None)
        rows.append((code, match.rantai if match else None, match.tahap if match else None))
    return pd.DataFrame(rows, columns=["kode_hs", "rantai", "tahap"])


def _kab(frame: pd.DataFrame, kab: list[str]) -> pd.DataFrame:
    return frame[frame["kode_bps"].isin(kab)] if kab else frame


def _indeks(ekspor: pd.DataFrame, by: str) -> pd.Series:
    """Indeks Hilirisasi per ``by``: processed share of the export value mapped to a chain, in percent."""
    nilai = ekspor["nilai_usd"]
    parts = (
        pd.DataFrame(
            {
                by: ekspor[by],
                "olahan": nilai.where(ekspor["tahap"].isin(OLAHAN), 0.0),
                "terpetakan": nilai.where(ekspor["tahap"].notna(), 0.0),
            }
        )
        .groupby(by)[["olahan", "terpetakan"]]
        .sum()
    )
    return 100.0 * parts["olahan"] / parts["terpetakan"].replace(0.0, np.nan)


def _ikm_per_tahun(ikm: pd.DataFrame) -> pd.DataFrame:
    return (
        ikm.assign(tenaga_kerja=ikm["tenaga_kerja_l"] + ikm["tenaga_kerja_p"])
        .groupby("tahun_data")
        .agg(
            jumlah_ikm=("id", "size"),
            tenaga_kerja=("tenaga_kerja", "sum"),
            investasi_rp=("investasi_rp", "sum"),
            nilai_produksi_rp=("nilai_produksi_rp", "sum"),
        )
        .rename_axis("tahun")
    )


def kpi_ringkasan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """KPI row for the year and the year before, for the chosen kabupaten."""
    years = [p["tahun"] - 1, p["tahun"]]
    ikm = _ikm_per_tahun(_kab(t.ikm[t.ikm["tahun_data"].isin(years)], p["kab"]))
    ekspor = _kab(t.ekspor[t.ekspor["tahun"].isin(years)], p["kab"])
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    hasil = pd.DataFrame({"tahun": years}).set_index("tahun")
    hasil = hasil.join(ikm).join(ekspor.groupby("tahun")["nilai_usd"].sum().rename("nilai_ekspor_usd"))
    hasil = hasil.join(_indeks(ekspor, "tahun").rename("indeks_hilirisasi"))
    hasil = hasil.join(_indeks(tanpa, "tahun").rename("indeks_tanpa_batubara"))
    return hasil.reset_index()


def tren_tahunan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Registry totals and exports per year."""
    ikm = _ikm_per_tahun(_kab(t.ikm, p["kab"]))[["jumlah_ikm", "tenaga_kerja"]]
    ekspor = _kab(t.ekspor, p["kab"])
    per_tahun = pd.DataFrame(
        {"nilai_ekspor_usd": ekspor.groupby("tahun")["nilai_usd"].sum(), "indeks_hilirisasi": _indeks(ekspor, "tahun")}
    )
    return ikm.join(per_tahun, how="outer").sort_index().reset_index()


def ekspor_rantai_tahap(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per chain and stage in the year."""
    ekspor = _kab(t.ekspor[t.ekspor["tahun"] == p["tahun"]], p["kab"])
    ekspor = ekspor.assign(
        rantai=ekspor["rantai"].fillna(TIDAK_TERPETAKAN), tahap=ekspor["tahap"].fillna(TIDAK_TERPETAKAN)
    )
    hasil = ekspor.groupby(["rantai", "tahap"], as_index=False)["nilai_usd"].sum()
    return hasil.sort_values("nilai_usd", ascending=False, ignore_index=True)


def wilayah(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The kabupaten list."""
    columns = ["kode_bps", "kode_kemendagri", "nama", "jenis", "ibukota", "industri_unggulan"]
    return t.wilayah[columns].sort_values("kode_bps", ignore_index=True)


def tahun_tersedia(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Years with registry or export data."""
    ikm = set(t.ikm["tahun_data"].unique().tolist())
    ekspor = set(t.ekspor["tahun"].unique().tolist())
    years = sorted(ikm | ekspor)
    return pd.DataFrame(
        {"tahun": years, "ada_ikm": [y in ikm for y in years], "ada_ekspor": [y in ekspor for y in years]}
    )


def sumber_tabel(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Sources cited by any of the given tables."""
    want = set(p["tabel"])
    cited = t.sumber[t.sumber["tabel"].map(lambda tabel: bool(want.intersection(tabel)))]
    columns = ["id", "nama", "jenis", "keterangan", "url", "tanggal_data", "dimuat_pada"]
    return cited.sort_values(["jenis", "tanggal_data"], ascending=[True, False], ignore_index=True)[columns]


def tabel_contoh(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Tables that still hold sample data."""
    tabel = t.sumber[t.sumber["jenis"] == "contoh"].explode("tabel")["tabel"]
    return pd.DataFrame({"tabel": sorted(set(tabel.dropna().tolist()))})


BASELINES: dict[str, Callable[[Tables, dict[str, Any]], pd.DataFrame]] = {
    "wilayah": wilayah,
    "tahun_tersedia": tahun_tersedia,
    "kpi_ringkasan": kpi_ringkasan,
    "tren_tahunan": tren_tahunan,
    "ekspor_rantai_tahap": ekspor_rantai_tahap,
    "sumber_tabel": sumber_tabel,
    "tabel_contoh": tabel_contoh,
}
"""Query name -> its pandas baseline. Queries missing here get ``pandas_median_ms: null`` and a reason."""
