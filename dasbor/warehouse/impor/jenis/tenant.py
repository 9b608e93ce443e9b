"""Kind ``tenant``: the tenants of the two industrial estates; columns and rules."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dasbor.warehouse.impor import nilai, wilayah
from dasbor.warehouse.impor.jenis.dasar import (
    BIDANG_NO,
    RANTAI,
    STATUS_TENANT,
    Bidang,
    Jenis,
    langgar,
    negatif,
    pilihan,
    teks,
)


def aturan(d: pl.DataFrame, hari_ini: dt.date, catatan: list[str]) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    m = negatif(d, ("investasi_rp", "tenaga_kerja", "luas_ha", "kapasitas"))
    m.append(
        langgar(
            d,
            pl.col("tahun_berhenti") < pl.col("tahun_mulai"),
            "tahun_berhenti",
            pl.format("tahun berhenti sebelum tahun mulai ({})", pl.col("tahun_mulai")),
        )
    )
    m.append(langgar(d, pl.col("tahun_berhenti") > hari_ini.year, "tahun_berhenti", "tahun berhenti di masa depan"))
    return d, m


TENANT = Jenis(
    nama="tenant",
    judul="Tenant kawasan industri",
    tabel="kawasan_tenant",
    kunci=("kawasan_id", "nama_perusahaan"),
    cakupan="semua tenant kawasan yang ada di berkas (Jorong dan/atau Batulicin)",
    bidang=(
        BIDANG_NO,
        Bidang(
            "kawasan_id",
            "Kawasan",
            pilihan(wilayah.ALIAS_KAWASAN, "kawasan"),
            pl.String,
            ("kawasan", "kawasan industri", "nama kawasan", "ki", "lokasi kawasan"),
            wajib=True,
            dari_konteks=True,
            keterangan="Jorong atau Batulicin",
            contoh="Batulicin",
        ),
        Bidang(
            "nama_perusahaan",
            "Nama Perusahaan",
            teks(200),
            pl.String,
            ("nama perusahaan", "perusahaan", "nama tenant", "tenant", "nama investor", "investor"),
            wajib=True,
            contoh="PT Contoh Baja",
        ),
        Bidang(
            "sektor",
            "Sektor",
            teks(100),
            pl.String,
            ("sektor", "bidang usaha", "jenis industri"),
            contoh="Logam dasar",
        ),
        Bidang("rantai", "Rantai", pilihan(RANTAI, "rantai"), pl.String, ("rantai", "rantai komoditas")),
        Bidang(
            "status",
            "Status",
            pilihan(STATUS_TENANT, "status"),
            pl.String,
            ("status", "status operasi", "status tenant", "progres", "tahap"),
            wajib=True,
            keterangan="rencana, konstruksi, operasi, berhenti",
            contoh="operasi",
        ),
        Bidang(
            "tahun_mulai",
            "Tahun Mulai",
            nilai.tahun,
            pl.Int64,
            ("tahun mulai", "tahun operasi", "mulai operasi", "tahun masuk"),
            contoh="2018",
        ),
        Bidang(
            "tahun_berhenti",
            "Tahun Berhenti",
            nilai.tahun,
            pl.Int64,
            ("tahun berhenti", "berhenti", "tahun tutup"),
        ),
        Bidang(
            "investasi_rp",
            "Investasi (Rp)",
            nilai.rupiah,
            pl.Int64,
            ("investasi", "nilai investasi", "rencana investasi"),
            satuan="rupiah",
            contoh="1,5 triliun",
        ),
        Bidang(
            "tenaga_kerja",
            "Tenaga Kerja",
            nilai.bulat,
            pl.Int64,
            ("tenaga kerja", "jumlah tenaga kerja", "tk", "serapan tenaga kerja"),
            contoh="310",
        ),
        Bidang("luas_ha", "Luas (ha)", nilai.desimal, pl.Float64, ("luas", "luas lahan"), contoh="15"),
        Bidang(
            "kapasitas", "Kapasitas", nilai.desimal, pl.Float64, ("kapasitas", "kapasitas produksi"), contoh="40.000"
        ),
        Bidang(
            "satuan_kapasitas",
            "Satuan Kapasitas",
            teks(50),
            pl.String,
            ("satuan kapasitas", "satuan"),
            contoh="ton/tahun",
        ),
        Bidang("keterangan", "Keterangan", teks(500), pl.String, ("keterangan", "catatan", "ket")),
    ),
    aturan=aturan,
)
