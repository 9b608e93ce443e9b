"""Baselines of the Ekspor & Hilirisasi page: values, the Indeks Hilirisasi per year, chain, kabupaten, country
and HS heading."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dasbor.bench.pandas_baseline.dasar import (
    TIDAK_TERPETAKAN,
    Tables,
    indeks_per,
    isin_chosen,
    need,
    of_kab,
    pilihan_per_kolom,
)


def _rp(ekspor: pd.DataFrame, by: list[str]) -> pd.Series:
    """Sum of the rupiah values per group, null when any month of the group has no rate."""
    grouped = ekspor.groupby(by)["nilai_rp"]
    return grouped.sum().where(grouped.count() == grouped.size())


def _rantai(frame: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    return isin_chosen(frame, "rantai", chosen)


def ekspor_indeks(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value (stage filter) and the index with and without coal (no stage filter), this year and last."""
    tahun = [p["tahun"] - 1, p["tahun"]]
    ekspor = _rantai(of_kab(t.ekspor[t.ekspor["tahun"].isin(tahun)], p["kab"]), p["rantai"])
    nilai = isin_chosen(ekspor, "tahap", p["tahap"])
    batubara = nilai["nilai_usd"].where(nilai["rantai"] == "batubara", 0.0).groupby(nilai["tahun"]).sum()
    total = nilai.groupby("tahun")["nilai_usd"].sum()
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    hasil = pd.DataFrame(index=pd.Index(tahun, name="tahun")).join(
        pd.DataFrame(
            {
                "nilai_usd": total,
                "nilai_rp": _rp(nilai, ["tahun"]),
                "porsi_batubara": 100.0 * batubara / total.replace(0.0, np.nan),
            }
        )
    )
    hasil = hasil.join(indeks_per(ekspor, "tahun").rename("indeks_hilirisasi"))
    return hasil.join(indeks_per(tanpa, "tahun").rename("indeks_tanpa_batubara")).reset_index()


def ekspor_indeks_rantai(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Index per chain this year and last, and this year's value."""
    ekspor = t.ekspor[t.ekspor["tahun"].isin([p["tahun"] - 1, p["tahun"]]) & t.ekspor["rantai"].notna()]
    ekspor = _rantai(of_kab(ekspor, p["kab"]), p["rantai"])
    per = pd.DataFrame(
        {
            "indeks_hilirisasi": indeks_per(ekspor, ["rantai", "tahun"]),
            "nilai_usd": ekspor.groupby(["rantai", "tahun"])["nilai_usd"].sum(),
        }
    ).reset_index()
    kini = per[per["tahun"] == p["tahun"]].drop(columns="tahun")
    lalu = per[per["tahun"] == p["tahun"] - 1][["rantai", "indeks_hilirisasi"]]
    hasil = kini.merge(lalu.rename(columns={"indeks_hilirisasi": "indeks_hilirisasi_lalu"}), on="rantai", how="outer")
    hasil = hasil.sort_values(["nilai_usd", "rantai"], ascending=[False, True], na_position="last", ignore_index=True)
    return hasil[["rantai", "indeks_hilirisasi", "indeks_hilirisasi_lalu", "nilai_usd"]]


def ekspor_indeks_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Index with and without coal and value per kabupaten and year, every year for every chosen kabupaten."""
    ekspor = _rantai(of_kab(t.ekspor[t.ekspor["kode_bps"].notna()], p["kab"]), p["rantai"])
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    by = ["kode_bps", "tahun"]
    nilai = pd.DataFrame(
        {
            "indeks_hilirisasi": indeks_per(ekspor, by),
            "indeks_tanpa_batubara": indeks_per(tanpa, by),
            "nilai_usd": ekspor.groupby(by)["nilai_usd"].sum(),
        }
    ).reset_index()
    kerangka = of_kab(t.wilayah, p["kab"])[["kode_bps", "nama"]].merge(
        pd.DataFrame({"tahun": sorted(t.ekspor["tahun"].unique().tolist())}), how="cross"
    )
    hasil = kerangka.merge(nilai, on=by, how="left")
    hasil["nilai_usd"] = hasil["nilai_usd"].fillna(0.0)
    return hasil.sort_values(by, ignore_index=True)


def ekspor_tahap_per_rantai(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per chain and stage in the year (chains only)."""
    ekspor = t.ekspor[(t.ekspor["tahun"] == p["tahun"]) & t.ekspor["rantai"].notna()]
    ekspor = _rantai(of_kab(ekspor, p["kab"]), p["rantai"])
    by = ["rantai", "tahap"]
    hasil = pd.DataFrame({"nilai_usd": ekspor.groupby(by)["nilai_usd"].sum(), "nilai_rp": _rp(ekspor, by)})
    return hasil.reset_index().sort_values(by, ignore_index=True)


def ekspor_per_negara(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per destination country in the year, with its share."""
    ekspor = isin_chosen(
        _rantai(of_kab(t.ekspor[t.ekspor["tahun"] == p["tahun"]], p["kab"]), p["rantai"]), "tahap", p["tahap"]
    )
    ekspor = ekspor.assign(negara_tujuan=ekspor["negara_tujuan"].fillna("Tidak tercatat"))
    hasil = pd.DataFrame(
        {"nilai_usd": ekspor.groupby("negara_tujuan")["nilai_usd"].sum(), "nilai_rp": _rp(ekspor, ["negara_tujuan"])}
    ).reset_index()
    hasil["porsi"] = 100.0 * hasil["nilai_usd"] / hasil["nilai_usd"].sum()
    return hasil.sort_values(["nilai_usd", "negara_tujuan"], ascending=[False, True], ignore_index=True)


def ekspor_deret(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per period (year, or month when ``periode`` is 'bulanan'), chain and stage; unmapped codes
    are 'tidak terpetakan'."""
    ekspor = isin_chosen(_rantai(of_kab(t.ekspor, p["kab"]), p["rantai"]), "tahap", p["tahap"])
    ekspor = ekspor.assign(
        rantai=ekspor["rantai"].fillna(TIDAK_TERPETAKAN), tahap=ekspor["tahap"].fillna(TIDAK_TERPETAKAN)
    )
    bulanan = p["periode"] == "bulanan"
    by = ["tahun", "bulan", "rantai", "tahap"] if bulanan else ["tahun", "rantai", "tahap"]
    hasil = pd.DataFrame({"nilai_usd": ekspor.groupby(by)["nilai_usd"].sum(), "nilai_rp": _rp(ekspor, by)})
    hasil = hasil.reset_index()
    if not bulanan:  # one period per year: the month is null
        hasil.insert(1, "bulan", None)
    return hasil.sort_values(["tahun", "bulan", "rantai", "tahap"], ignore_index=True)


def ekspor_per_hs(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per 4-digit HS heading in the year, with its descriptions and the chain carrying most of
    its value."""
    ekspor = t.ekspor[t.ekspor["tahun"] == p["tahun"]]
    ekspor = isin_chosen(_rantai(of_kab(ekspor, p["kab"]), p["rantai"]), "tahap", p["tahap"])
    ekspor = ekspor.assign(kode_hs4=ekspor["kode_hs"].str[:4], rantai=ekspor["rantai"].fillna(TIDAK_TERPETAKAN))
    per_rantai = ekspor.groupby(["kode_hs4", "rantai"], as_index=False)["nilai_usd"].sum()
    utama = per_rantai.sort_values("nilai_usd", ascending=False).drop_duplicates("kode_hs4").set_index("kode_hs4")
    hasil = pd.DataFrame(
        {
            "rantai": utama["rantai"],
            "nilai_usd": ekspor.groupby("kode_hs4")["nilai_usd"].sum(),
            "nilai_rp": _rp(ekspor, ["kode_hs4"]),
        }
    ).reset_index()
    uraian = need(t.hs4_uraian, "hs4_uraian")[["kode_hs4", "kode_hs2", "uraian_hs2", "uraian_hs4"]]
    hasil = hasil.merge(uraian, on="kode_hs4", how="left")
    hs2 = hasil["kode_hs4"].str[:2]
    hasil["kode_hs2"] = hasil["kode_hs2"].fillna(hs2)
    hasil["uraian_hs2"] = hasil["uraian_hs2"].fillna("Bab HS " + hs2)
    hasil["uraian_hs4"] = hasil["uraian_hs4"].fillna("HS " + hasil["kode_hs4"])
    hasil = hasil.sort_values(["nilai_usd", "kode_hs4"], ascending=[False, True], ignore_index=True)
    return hasil[["kode_hs2", "uraian_hs2", "kode_hs4", "uraian_hs4", "rantai", "nilai_usd", "nilai_rp"]]


def ekspor_pilihan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The chains and stages the export filters offer (mapped codes only)."""
    return pilihan_per_kolom(t.ekspor, {"rantai": "rantai", "tahap": "tahap"})


def ekspor_kawasan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per year, chain and stage from one kabupaten, for the chosen chains (none chosen = none)."""
    ekspor = t.ekspor[(t.ekspor["kode_bps"] == p["kab"]) & t.ekspor["rantai"].isin(p["rantai"])]
    hasil = ekspor.groupby(["tahun", "rantai", "tahap"], as_index=False, dropna=False)["nilai_usd"].sum()
    return hasil.sort_values(["tahun", "rantai", "tahap"], ignore_index=True)
