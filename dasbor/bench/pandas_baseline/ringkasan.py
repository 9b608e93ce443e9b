"""Baselines of the Ringkasan page and of the shared lists (kabupaten, years, sources, sample tables)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dasbor.bench.pandas_baseline.dasar import TIDAK_TERPETAKAN, Tables, indeks_per, of_kab


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
    ikm = _ikm_per_tahun(of_kab(t.ikm[t.ikm["tahun_data"].isin(years)], p["kab"]))
    ekspor = of_kab(t.ekspor[t.ekspor["tahun"].isin(years)], p["kab"])
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    hasil = pd.DataFrame({"tahun": years}).set_index("tahun")
    hasil = hasil.join(ikm).join(ekspor.groupby("tahun")["nilai_usd"].sum().rename("nilai_ekspor_usd"))
    hasil = hasil.join(indeks_per(ekspor, "tahun").rename("indeks_hilirisasi"))
    hasil = hasil.join(indeks_per(tanpa, "tahun").rename("indeks_tanpa_batubara"))
    return hasil.reset_index()


def tren_tahunan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Registry totals and exports per year."""
    ikm = _ikm_per_tahun(of_kab(t.ikm, p["kab"]))[["jumlah_ikm", "tenaga_kerja"]]
    ekspor = of_kab(t.ekspor, p["kab"])
    per_tahun = pd.DataFrame(
        {
            "nilai_ekspor_usd": ekspor.groupby("tahun")["nilai_usd"].sum(),
            "indeks_hilirisasi": indeks_per(ekspor, "tahun"),
        }
    )
    return ikm.join(per_tahun, how="outer").sort_index().reset_index()


def ekspor_rantai_tahap(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per chain and stage in the year."""
    ekspor = of_kab(t.ekspor[t.ekspor["tahun"] == p["tahun"]], p["kab"])
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
