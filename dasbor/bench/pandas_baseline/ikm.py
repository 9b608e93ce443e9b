"""Baselines of the IKM page: the registry filtered as the ``ikm_terpilih`` macro filters it, its breakdowns,
the firm list, firms near the estates and halal food firms."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dasbor.bench.pandas_baseline.dasar import (
    JUMLAH,
    Tables,
    isin_chosen,
    need,
    of_kab,
    pilihan_per_kolom,
    tenaga_kerja_per_firma,
)


def ikm_terpilih(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every registry year's firms passing the IKM page's filters (lists empty = all, None = all)."""
    ikm = of_kab(t.ikm, p["kab"])
    for column, name in (("sektor", "sektor"), ("kbli2", "kbli"), ("rantai", "rantai"), ("tahap", "tahap")):
        ikm = isin_chosen(ikm, column, p[name])
    ikm = isin_chosen(ikm, "skala", p["skala"])
    if p["halal"] is not None:
        ikm = ikm[ikm["halal"] == p["halal"]]
    if p["ekspor"] is not None:
        ikm = ikm[ikm["berorientasi_ekspor"] == p["ekspor"]]
    if p["berdiri_dari"] is not None:
        ikm = ikm[ikm["tahun_berdiri"] >= p["berdiri_dari"]]
    if p["berdiri_sampai"] is not None:
        ikm = ikm[ikm["tahun_berdiri"] <= p["berdiri_sampai"]]
    if p["cari"]:
        ikm = ikm[ikm["nama_usaha"].str.contains(p["cari"], case=False, regex=False, na=False)]
    return ikm


def _jumlah(ikm: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Firms and sums per ``by``, with value added."""
    hasil = ikm.groupby(by).agg(jumlah_ikm=("id", "size"), **{c: (c, "sum") for c in JUMLAH})
    hasil["nilai_tambah_rp"] = hasil["nilai_produksi_rp"] - hasil["nilai_bahan_baku_rp"]
    return hasil


def ikm_ringkasan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry totals for the year and the year before."""
    ikm = ikm_terpilih(t, p)
    tahun = [p["tahun"] - 1, p["tahun"]]
    hasil = pd.DataFrame(index=pd.Index(tahun, name="tahun_data")).join(
        _jumlah(ikm[ikm["tahun_data"].isin(tahun)], ["tahun_data"])
    )
    hasil["jumlah_ikm"] = hasil["jumlah_ikm"].fillna(0)
    return hasil.reset_index()


def ikm_per_sektor(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per sector in the year."""
    ikm = ikm_terpilih(t, p)
    hasil = _jumlah(ikm[ikm["tahun_data"] == p["tahun"]], ["sektor"]).reset_index()
    return hasil.sort_values(["jumlah_ikm", "sektor"], ascending=[False, True], ignore_index=True)


def ikm_per_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per kabupaten in the year, every chosen kabupaten listed."""
    ikm = ikm_terpilih(t, p)
    wilayah = of_kab(t.wilayah, p["kab"])[["kode_bps", "nama"]]
    hasil = wilayah.merge(_jumlah(ikm[ikm["tahun_data"] == p["tahun"]], ["kode_bps"]).reset_index(), how="left")
    hasil["jumlah_ikm"] = hasil["jumlah_ikm"].fillna(0)
    return hasil.sort_values(["jumlah_ikm", "kode_bps"], ascending=[False, True], ignore_index=True)


def ikm_per_tahun(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per registry year."""
    hasil = _jumlah(ikm_terpilih(t, p), ["tahun_data"]).reset_index()
    hasil.insert(1, "terpilih", hasil["tahun_data"] == p["tahun"])
    return hasil


def ikm_per_kbli(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per KBLI division in the year, with the division's names."""
    if t.kbli2 is None:
        raise LookupError("table kbli2 is not in this warehouse")
    ikm = ikm_terpilih(t, p)
    hasil = _jumlah(ikm[ikm["tahun_data"] == p["tahun"]], ["kbli2"]).reset_index()
    hasil = hasil.merge(t.kbli2.rename(columns={"kode": "kbli2"}), on="kbli2", how="left")
    hasil["label"] = hasil["label"].fillna("KBLI " + hasil["kbli2"])
    hasil["uraian"] = hasil["uraian"].fillna("KBLI " + hasil["kbli2"])
    columns = ["kbli2", "label", "uraian", "jumlah_ikm", *JUMLAH, "nilai_tambah_rp"]
    return hasil.sort_values(["jumlah_ikm", "kbli2"], ascending=[False, True], ignore_index=True)[columns]


def ikm_rekap(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per kabupaten and sector in the year (the download's summary sheet)."""
    ikm = ikm_terpilih(t, p)
    hasil = _jumlah(ikm[ikm["tahun_data"] == p["tahun"]], ["kode_bps", "sektor"]).reset_index()
    hasil = hasil.merge(t.wilayah[["kode_bps", "nama"]].rename(columns={"nama": "kabupaten"}), how="left")
    hasil.insert(0, "tahun_data", p["tahun"])
    columns = ["tahun_data", "kode_bps", "kabupaten", "sektor", "jumlah_ikm", *JUMLAH, "nilai_tambah_rp"]
    return hasil.sort_values(["kode_bps", "sektor"], ignore_index=True)[columns]


def ikm_pilihan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The values each categorical IKM filter offers, with the label of KBLI divisions."""
    columns = {"sektor": "sektor", "kbli": "kbli2", "rantai": "rantai", "tahap": "tahap", "skala": "skala"}
    hasil = pilihan_per_kolom(t.ikm, columns)
    kbli = hasil["jenis"] == "kbli"
    label = hasil["nilai"].map(need(t.kbli2, "kbli2").set_index("kode")["label"])
    hasil["label"] = label.fillna("KBLI " + hasil["nilai"]).where(kbli, None)
    return hasil


def ikm_rentang_berdiri(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The earliest and latest founding year in the registry."""
    berdiri = t.ikm["tahun_berdiri"]
    return pd.DataFrame({"awal": [berdiri.min()], "akhir": [berdiri.max()]})


def ikm_komoditas_tahunan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Firms of one commodity and their workers per registry year."""
    ikm = of_kab(t.ikm[t.ikm["komoditas"] == p["komoditas"]], p["kab"])
    hasil = (
        ikm.assign(tenaga_kerja=tenaga_kerja_per_firma(ikm))
        .groupby("tahun_data")
        .agg(jumlah_ikm=("id", "size"), tenaga_kerja=("tenaga_kerja", "sum"))
    )
    return hasil.rename_axis("tahun").reset_index()


def ikm_titik(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Coordinates of the year's firms that have them (registry order)."""
    ikm = t.ikm[(t.ikm["tahun_data"] == p["tahun"]) & t.ikm["lat"].notna() & t.ikm["lon"].notna()]
    return ikm[["lat", "lon"]].reset_index(drop=True)


def ikm_daftar(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """One page of the filtered registry's firms in the year, ordered by name (``batas`` None = every row)."""
    ikm = ikm_terpilih(t, p)
    ikm = ikm[ikm["tahun_data"] == p["tahun"]].sort_values(["nama_usaha", "id"])
    awal = p["mulai"] or 0
    ikm = ikm.iloc[awal:] if p["batas"] is None else ikm.iloc[awal : awal + p["batas"]]
    nama = t.wilayah.set_index("kode_bps")["nama"]
    label = need(t.kbli2, "kbli2").set_index("kode")["label"]
    hasil = ikm.assign(
        kabupaten=ikm["kode_bps"].map(nama),
        kelompok_kbli=ikm["kbli2"].map(label).fillna("KBLI " + ikm["kbli2"]),
        nilai_tambah_rp=ikm["nilai_produksi_rp"] - ikm["nilai_bahan_baku_rp"],
    )
    columns = [
        "id", "tahun_data", "nama_usaha", "kode_bps", "kabupaten", "kecamatan", "kbli", "kelompok_kbli", "sektor",
        "komoditas", "rantai", "tahap", "skala", "tenaga_kerja_l", "tenaga_kerja_p", "investasi_rp",
        "nilai_produksi_rp", "nilai_bahan_baku_rp", "nilai_tambah_rp", "tahun_berdiri", "halal", "tanggal_halal",
        "berorientasi_ekspor",
    ]  # fmt: skip
    return hasil[columns].reset_index(drop=True)


BUMI_KM = 6371.0
"""Earth radius of the great-circle distance, as the SQL uses it."""


def ikm_sekitar_kawasan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Firms of the year (with coordinates) within ``radius_km`` of each estate, per estate and sector."""
    ikm = t.ikm[(t.ikm["tahun_data"] == p["tahun"]) & t.ikm["lat"].notna() & t.ikm["lon"].notna()]
    ikm = ikm.assign(tenaga_kerja=tenaga_kerja_per_firma(ikm))
    lat, lon = np.radians(ikm["lat"].to_numpy()), np.radians(ikm["lon"].to_numpy())
    parts = []
    for kawasan in need(t.kawasan, "kawasan").itertuples(index=False):
        k_lat, k_lon = np.radians(kawasan.lat), np.radians(kawasan.lon)
        a = np.sin((lat - k_lat) / 2) ** 2 + np.cos(k_lat) * np.cos(lat) * np.sin((lon - k_lon) / 2) ** 2
        dekat = ikm[2 * BUMI_KM * np.arcsin(np.sqrt(a)) <= p["radius_km"]]
        per = dekat.groupby("sektor", as_index=False, dropna=False).agg(
            jumlah_ikm=("id", "size"), tenaga_kerja=("tenaga_kerja", "sum")
        )
        parts.append(per.assign(kawasan_id=kawasan.id))
    hasil = pd.concat(parts, ignore_index=True)[["kawasan_id", "sektor", "jumlah_ikm", "tenaga_kerja"]]
    return hasil.sort_values(["kawasan_id", "jumlah_ikm"], ascending=[True, False], ignore_index=True)


WAJIB_HALAL = pd.Timestamp("2024-10-17")
"""From this date halal certification is mandatory for food and beverage products."""


def halal_pangan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Food and beverage firms per registry year, the halal-certified ones, and those certified since it
    became mandatory."""
    pangan = of_kab(t.ikm[t.ikm["sektor"] == "Pangan"], p["kab"])
    halal = pangan["halal"].fillna(False).astype(bool)
    hasil = (
        pangan[["tahun_data"]]
        .assign(halal=halal, sejak_wajib=halal & (pangan["tanggal_halal"] >= WAJIB_HALAL))
        .groupby("tahun_data")
        .agg(jumlah_pangan=("halal", "size"), jumlah_halal=("halal", "sum"), halal_sejak_wajib=("sejak_wajib", "sum"))
    )
    hasil["persen_halal"] = 100.0 * hasil["jumlah_halal"] / hasil["jumlah_pangan"]
    return hasil.rename_axis("tahun").reset_index()
