"""Kind ``ekspor``: monthly exports per HS code, destination and kabupaten of origin; columns and rules."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dasbor.warehouse.impor import nilai, wilayah
from dasbor.warehouse.impor.jenis.dasar import (
    BIDANG_NO,
    BIDANG_PROVINSI,
    SINONIM_KAB,
    Bidang,
    Jenis,
    langgar,
    negatif,
    teks,
)


def aturan(d: pl.DataFrame, hari_ini: dt.date, catatan: list[str]) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    m = negatif(d, ("nilai_usd", "berat_kg"))
    masa_depan = (pl.col("tahun") > hari_ini.year) | (
        (pl.col("tahun") == hari_ini.year) & (pl.col("bulan") > hari_ini.month)
    )
    m.append(
        langgar(d, masa_depan, "tahun", pl.format("periode {}-{} di masa depan", pl.col("tahun"), pl.col("bulan")))
    )
    m.append(langgar(d, pl.col("tahun") < 2000, "tahun", "tahun sebelum 2000"))
    n_prov = d.filter(pl.col("kode_bps").is_null() | (pl.col("kode_bps") == wilayah.KODE_PROVINSI)).height
    if n_prov:
        catatan.append(f"{n_prov} baris tanpa kabupaten/kota asal: disimpan sebagai tingkat provinsi.")
    d = d.with_columns(pl.col("kode_bps").replace(wilayah.KODE_PROVINSI, None))
    return d, m


EKSPOR = Jenis(
    nama="ekspor",
    judul="Ekspor bulanan",
    tabel="ekspor",
    kunci=("tahun", "bulan", "kode_hs", "negara_tujuan", "kode_bps", "pelabuhan"),
    cakupan="baris ekspor dengan bulan dan kabupaten/kota asal (atau tingkat provinsi) yang sama dengan berkas",
    bidang=(
        BIDANG_NO,
        BIDANG_PROVINSI,
        Bidang(
            "tahun",
            "Tahun",
            nilai.tahun,
            pl.Int64,
            ("tahun",),
            wajib=True,
            dari_konteks=True,
            contoh="2025",
        ),
        Bidang(
            "bulan",
            "Bulan",
            nilai.bulan,
            pl.Int64,
            ("bulan", "bln", "periode bulan"),
            wajib=True,
            dari_konteks=True,
            keterangan="1-12 atau nama bulan",
            contoh="Januari",
        ),
        Bidang(
            "kode_hs",
            "Kode HS",
            nilai.kode_hs,
            pl.String,
            (
                "kode hs",
                "hs",
                "hs code",
                "pos tarif",
                "kode hs 8 digit",
                "hs 8 digit",
                "pos tarif hs",
                "kode barang",
                "kodehs",
                "kode hs8",
            ),
            wajib=True,
            keterangan="2-10 angka; nol di depan yang hilang di Excel dikembalikan",
            contoh="27011210",
        ),
        Bidang(
            "uraian_hs",
            "Uraian",
            teks(300),
            pl.String,
            ("uraian", "uraian hs", "uraian barang", "deskripsi", "nama barang", "komoditas", "uraian komoditas"),
            contoh="Batu bara bituminus",
        ),
        Bidang(
            "negara_tujuan",
            "Negara Tujuan",
            teks(100),
            pl.String,
            ("negara tujuan", "negara", "tujuan", "negara tujuan ekspor"),
            contoh="Tiongkok",
        ),
        Bidang(
            "pelabuhan",
            "Pelabuhan",
            teks(100),
            pl.String,
            ("pelabuhan", "pelabuhan muat", "pelabuhan ekspor", "pelabuhan asal"),
            contoh="Trisakti Banjarmasin",
        ),
        Bidang(
            "kode_bps",
            "Kabupaten/Kota Asal",
            wilayah.kabupaten_atau_provinsi,
            pl.String,
            (*SINONIM_KAB, "daerah asal", "kabupaten asal", "asal barang"),
            keterangan="Kosong atau 'Kalimantan Selatan': tingkat provinsi",
            contoh="Tabalong",
        ),
        Bidang(
            "berat_kg",
            "Berat Bersih (kg)",
            nilai.desimal,
            pl.Float64,
            ("berat bersih", "berat", "netto", "volume", "berat netto"),
            satuan="berat",
            keterangan="kg; '(ton)' di judul dikalikan 1.000",
            contoh="1.250.000",
        ),
        Bidang(
            "nilai_usd",
            "Nilai FOB (US$)",
            nilai.desimal,
            pl.Float64,
            ("nilai fob", "fob", "nilai", "nilai ekspor"),
            wajib=True,
            satuan="usd",
            keterangan="US$; '(ribu US$)' atau '(juta US$)' di judul dikalikan",
            contoh="106.250,50",
        ),
    ),
    aturan=aturan,
)
