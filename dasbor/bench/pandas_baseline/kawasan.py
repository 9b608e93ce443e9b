"""Baselines of the Kawasan page: the estates, their tenants and the exports before and after a tenant started."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dasbor.bench.pandas_baseline.dasar import OLAHAN, Tables, indeks_per, need


def kawasan_profil(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every industrial estate with its kabupaten, its source and its operating tenants."""
    kawasan = need(t.kawasan, "kawasan")
    tenant = need(t.kawasan_tenant, "kawasan_tenant")
    sumber = t.sumber[["id", "url", "tanggal_data", "jenis"]].rename(
        columns={"id": "sumber_id", "url": "sumber_url", "tanggal_data": "sumber_tanggal", "jenis": "sumber_jenis"}
    )
    operasi = tenant[tenant["status"] == "operasi"].groupby("kawasan_id").size()
    hasil = kawasan.merge(t.wilayah[["kode_bps", "nama"]].rename(columns={"nama": "kabupaten"}), how="left")
    hasil = hasil.merge(sumber, on="sumber_id", how="left")
    hasil["tenant_operasi"] = hasil["id"].map(operasi).fillna(0).astype(int)
    columns = [
        "id", "nama", "kode_bps", "kabupaten", "kecamatan", "lon", "lat", "luas_rencana_ha", "luas_izin_ha",
        "pengelola", "status", "fokus", "lokasi_presisi", "catatan_luas", "sumber_url", "sumber_tanggal",
        "sumber_jenis", "tenant_operasi",
    ]  # fmt: skip
    return hasil.sort_values("id", ignore_index=True)[columns]


URUTAN_STATUS = {"operasi": 1, "konstruksi": 2, "rencana": 3}
"""Tenants listed operating first, then under construction, then planned, then any other status."""


def kawasan_tenant_daftar(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every estate tenant with the kind, address and date of its source."""
    tenant = need(t.kawasan_tenant, "kawasan_tenant")
    sumber = t.sumber[["id", "jenis", "url", "tanggal_data"]].rename(
        columns={"id": "sumber_id", "jenis": "sumber_jenis", "url": "sumber_url", "tanggal_data": "sumber_tanggal"}
    )
    hasil = tenant.merge(sumber, on="sumber_id", how="left")
    hasil["urutan"] = hasil["status"].map(URUTAN_STATUS).fillna(4)
    hasil = hasil.sort_values(["kawasan_id", "urutan", "nama_perusahaan"], ignore_index=True)
    columns = [
        "kawasan_id", "nama_perusahaan", "sektor", "rantai", "status", "tahun_mulai", "tahun_berhenti",
        "investasi_rp", "tenaga_kerja", "luas_ha", "kapasitas", "satuan_kapasitas", "keterangan", "sumber_jenis",
        "sumber_url", "sumber_tanggal",
    ]  # fmt: skip
    return hasil[columns]


def kawasan_sebelum_sesudah(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Per tenant with a start year and a mapped chain: its chain's exports from the estate's kabupaten in a
    base year (the year before the start) and in the latest export year after the start."""
    kawasan = need(t.kawasan, "kawasan")[["id", "kode_bps"]].rename(columns={"id": "kawasan_id"})
    tenant = need(t.kawasan_tenant, "kawasan_tenant")
    rantai = need(t.hs_rantai, "hs_rantai")["rantai"].dropna().unique()
    tenant = tenant[tenant["tahun_mulai"].notna() & tenant["rantai"].isin(rantai)]
    tenant = tenant[["kawasan_id", "nama_perusahaan", "rantai", "status", "tahun_mulai"]].merge(kawasan, how="inner")
    awal, akhir = int(t.ekspor["tahun"].min()), int(t.ekspor["tahun"].max())
    mulai = tenant["tahun_mulai"].astype("Int64")
    tenant = tenant.assign(
        tahun_ekspor_awal=awal,
        tahun_dasar=(mulai - 1).clip(upper=akhir).where(mulai > awal).mask(mulai == awal, awal),
        dasar_tahun_mulai=mulai == awal,
        tahun_banding=pd.Series(akhir, index=tenant.index, dtype="Int64").where(mulai < akhir),
    )
    ekspor = t.ekspor[t.ekspor["kode_bps"].notna() & t.ekspor["rantai"].notna()]
    nilai = ekspor["nilai_usd"]
    by = ["kode_bps", "rantai", "tahun"]
    tahunan = pd.DataFrame(
        {
            "hilir_usd": nilai.where(ekspor["tahap"] == "hilir", 0.0).groupby([ekspor[c] for c in by]).sum(),
            "olahan_usd": nilai.where(ekspor["tahap"].isin(OLAHAN), 0.0).groupby([ekspor[c] for c in by]).sum(),
            "indeks": indeks_per(ekspor, by),
        }
    ).reset_index()
    hasil = tenant
    for sisi in ("dasar", "banding"):
        kolom = f"tahun_{sisi}"
        pasangan = tahunan.rename(columns={"tahun": kolom}).astype({kolom: "Int64"})
        hasil = hasil.merge(
            pasangan.rename(columns={c: f"{c}_{sisi}" for c in ("hilir_usd", "olahan_usd", "indeks")}),
            on=["kode_bps", "rantai", kolom],
            how="left",
        )
        ada = hasil[kolom].notna()
        for c in ("hilir", "olahan"):
            hasil[f"{c}_{sisi}_usd"] = hasil[f"{c}_usd_{sisi}"].fillna(0.0).where(ada)
    columns = [
        "kawasan_id", "nama_perusahaan", "rantai", "status", "tahun_mulai", "kode_bps", "tahun_ekspor_awal",
        "tahun_dasar", "dasar_tahun_mulai", "tahun_banding", "hilir_dasar_usd", "hilir_banding_usd",
        "olahan_dasar_usd", "olahan_banding_usd", "indeks_dasar", "indeks_banding",
    ]  # fmt: skip
    return hasil.sort_values(["kawasan_id", "tahun_mulai", "nama_perusahaan"], ignore_index=True)[columns]
