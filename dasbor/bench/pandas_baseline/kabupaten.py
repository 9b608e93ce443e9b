"""Baselines of the kabupaten comparisons: the KPIs side by side, the map's metrics and Profil Kabupaten's
leading commodities."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dasbor.bench.pandas_baseline.dasar import Tables, indeks_per, tenaga_kerja_per_firma


def kpi_per_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Registry and exports of every kabupaten in the year."""
    ikm = t.ikm[t.ikm["tahun_data"] == p["tahun"]]
    ikm = ikm.assign(tenaga_kerja=ikm["tenaga_kerja_l"] + ikm["tenaga_kerja_p"]).groupby("kode_bps")
    ikm = ikm.agg(jumlah_ikm=("id", "size"), tenaga_kerja=("tenaga_kerja", "sum"), investasi_rp=("investasi_rp", "sum"))
    ekspor = t.ekspor[(t.ekspor["tahun"] == p["tahun"]) & t.ekspor["kode_bps"].notna()]
    ekspor = pd.DataFrame(
        {
            "nilai_ekspor_usd": ekspor.groupby("kode_bps")["nilai_usd"].sum(),
            "indeks_hilirisasi": indeks_per(ekspor, "kode_bps"),
        }
    )
    hasil = t.wilayah[["kode_bps", "nama"]].merge(ikm.reset_index(), how="left").merge(ekspor.reset_index(), how="left")
    for column in ("jumlah_ikm", "tenaga_kerja", "investasi_rp", "nilai_ekspor_usd"):
        hasil[column] = hasil[column].fillna(0)
    return hasil.sort_values("kode_bps", ignore_index=True)


PETA_RANTAI = ("sawit", "karet", "kayu", "rotan", "perikanan")
"""Chains whose Indeks Hilirisasi the map can colour by."""


def peta_metrik(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every map metric per kabupaten and year (registry and export years), null where nothing was recorded."""
    tahun = sorted(set(t.ikm["tahun_data"].unique().tolist()) | set(t.ekspor["tahun"].unique().tolist()))
    kerangka = t.wilayah[["kode_bps", "nama"]].merge(pd.DataFrame({"tahun": tahun}), how="cross")
    by = ["tahun", "kode_bps"]
    ikm = t.ikm.assign(tenaga_kerja=tenaga_kerja_per_firma(t.ikm), halal=t.ikm["halal"].fillna(False).astype(bool))
    ikm = ikm.rename(columns={"tahun_data": "tahun"}).groupby(by)
    ikm = ikm.agg(
        jumlah_ikm=("id", "size"),
        tenaga_kerja=("tenaga_kerja", "sum"),
        investasi_rp=("investasi_rp", "sum"),
        jumlah_halal=("halal", "sum"),
    )
    halal = ikm.pop("jumlah_halal")
    ikm["persen_halal"] = (100.0 * halal / ikm["jumlah_ikm"]).where(halal > 0)  # SQL: a sum over no halal firm is null
    ekspor = t.ekspor[t.ekspor["kode_bps"].notna()]
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    nilai = pd.DataFrame(
        {
            "nilai_ekspor_usd": ekspor.groupby(by)["nilai_usd"].sum(),
            "indeks_hilirisasi": indeks_per(ekspor, by),
            "indeks_tanpa_batubara": indeks_per(tanpa, by),
        }
    )
    per_rantai = indeks_per(ekspor[ekspor["rantai"].isin(PETA_RANTAI)], [*by, "rantai"]).unstack("rantai")
    per_rantai = per_rantai.reindex(columns=list(PETA_RANTAI)).add_prefix("indeks_")
    hasil = kerangka.merge(ikm.reset_index(), on=by, how="left").merge(nilai.reset_index(), on=by, how="left")
    hasil = hasil.merge(per_rantai.reset_index(), on=by, how="left")
    return hasil.sort_values(["tahun", "kode_bps"], ignore_index=True)


def komoditas_teratas(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The eight commodities with the most firms in one kabupaten in the year, with chain and workers."""
    ikm = t.ikm[(t.ikm["tahun_data"] == p["tahun"]) & (t.ikm["kode_bps"] == p["kab"])]
    hasil = (
        ikm.assign(tenaga_kerja=tenaga_kerja_per_firma(ikm))
        .groupby("komoditas", as_index=False, dropna=False)
        .agg(rantai=("rantai", "first"), jumlah_ikm=("id", "size"), tenaga_kerja=("tenaga_kerja", "sum"))
    )
    return hasil.sort_values(["jumlah_ikm", "komoditas"], ascending=[False, True], ignore_index=True).head(8)
